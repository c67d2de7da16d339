package pipeline

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultDocTimeout is the time budget of one document when
// Config.DocTimeout (or PipeConfig.DocTimeout) is 0.
const DefaultDocTimeout = time.Minute

// errOverBudget marks a document that took longer than its time budget.
var errOverBudget = errors.New("over the time budget")

// overBudget is the cause of a document's context once its time budget
// is spent.
type overBudget struct{ budget time.Duration }

func (e *overBudget) Error() string {
	return fmt.Sprintf("%v of %s a document (see --doc-timeout)", errOverBudget, e.budget)
}

func (e *overBudget) Unwrap() error { return errOverBudget }

// stoppedReason is the error of a documents row whose processing was
// stopped in the given stage.
func stoppedReason(ctx context.Context, stage string) string {
	cause := context.Cause(ctx)
	if cause == nil {
		cause = context.Canceled
	}
	return fmt.Sprintf("processing stopped in %s: %v", stage, cause)
}

// bounded processes documents for a pool of workers, each under a time
// budget, so that no document holds up the others: a worker gives up on
// a document once its budget is spent, and its row says so. The
// document's goroutine goes on until its next check of the budget
// (normalize between steps, Process between extractors, an extractor
// through Doc.Stop) and its result is dropped.
//
// A worker processes each document on its own goroutine, which spares a
// goroutine and two hand-offs per document; with a core idle, each
// hand-off cost a system call to wake a thread, 2% of a run with one
// worker. When a worker gives up on a document, the worker goes on on a
// new goroutine and the old one ends with the document. slots bounds
// those goroutines to two per worker, one at work and one given up on
// and not yet ended, which bounds the memory and CPU that documents
// given up on can hold.
type bounded struct {
	p      *Processor
	budget time.Duration // none when <= 0
	slots  chan struct{}
}

func newBounded(p *Processor, budget time.Duration, workers int) *bounded {
	return &bounded{p: p, budget: budget, slots: make(chan struct{}, 2*workers)}
}

// A docTask is a document to process.
type docTask struct {
	docID, source string
	raw           []byte
	given         Given
}

// runLanes runs n workers until there is nothing left to do. Each takes
// an item with next, processes its document, when next gives one, under
// the budget, and hands the item and the document's rows (processed
// true) to done. next reports false when there are no more items. The
// ctx that next and done get is done once a worker fails.
//
// It returns once every worker has ended, with the first error of next
// or done, or ctx's when the run is cancelled (without waiting for the
// document then at work). It does not wait for documents given up on.
func runLanes[T any](ctx context.Context, b *bounded, n int, next func(context.Context) (T, *docTask, bool, error), done func(ctx context.Context, it T, out Output, processed bool) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	// end ends a worker: its goroutine and its count in wg.
	end := func(err error) {
		if err != nil {
			once.Do(func() { first = err })
			cancel()
		}
		wg.Done()
	}
	// lane is a worker on one goroutine, which holds a slot. A lane that
	// takes over from one that gave up on a document hands over that
	// document's row first (resume).
	var lane func(resume bool, it T, out Output)
	lane = func(resume bool, it T, out Output) {
		select {
		case b.slots <- struct{}{}:
		case <-ctx.Done():
			end(ctx.Err())
			return
		}
		defer func() { <-b.slots }()
		if resume {
			if err := done(ctx, it, out, true); err != nil {
				end(err)
				return
			}
		}
		for {
			if err := ctx.Err(); err != nil {
				end(err)
				return
			}
			it, t, ok, err := next(ctx)
			if err != nil || !ok {
				end(err)
				return
			}
			var out Output
			if t != nil {
				var kept bool
				out, kept = b.one(ctx, t,
					func(o Output) { lane(true, it, o) }, // the worker goes on here
					end)
				if !kept {
					return // given up on: this goroutine ends with the document
				}
			}
			if err := done(ctx, it, out, t != nil); err != nil {
				end(err)
				return
			}
		}
	}
	for range n {
		wg.Add(1)
		go lane(false, *new(T), Output{})
	}
	wg.Wait()
	return first
}

// recv takes a value from ch, or returns ctx's error if ctx is done
// first; ok is false once ch is closed.
func recv[T any](ctx context.Context, ch <-chan T) (v T, ok bool, err error) {
	select {
	case v, ok = <-ch:
		return v, ok, nil
	case <-ctx.Done():
		return v, false, ctx.Err()
	}
}

// send hands v to ch, or returns ctx's error if ctx is done first.
func send[T any](ctx context.Context, ch chan<- T, v T) error {
	select {
	case ch <- v:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// one processes t on the calling goroutine under the budget. It returns
// the document's rows and true when the document ends before anything
// gives up on it. Otherwise, on another goroutine, it has called abandon
// with a row saying the budget was spent, or cancelled with ctx's error
// when the run was cancelled; it then returns false once the document
// ends.
func (b *bounded) one(ctx context.Context, t *docTask, abandon func(Output), cancelled func(error)) (Output, bool) {
	dctx, cancelDoc := ctx, context.CancelFunc(func() {})
	if b.budget > 0 {
		dctx, cancelDoc = context.WithTimeoutCause(ctx, b.budget, &overBudget{b.budget})
	}
	defer cancelDoc()
	var at atomic.Pointer[any]
	var state atomic.Int32 // 0 at work, 1 ended, 2 given up on
	start := time.Now()
	stop := context.AfterFunc(dctx, func() {
		if !state.CompareAndSwap(0, 2) {
			return // it ended as the budget ran out
		}
		if err := ctx.Err(); err != nil {
			cancelled(err)
			return
		}
		o := failed(newDocument(t.docID, t.source, t.raw, t.given), StatusError, stoppedReason(dctx, stageOf(&at)))
		o.ExtractTime = time.Since(start)
		abandon(o)
	})
	out := b.p.process(dctx, &at, t.docID, t.source, t.raw, t.given)
	if !state.CompareAndSwap(0, 1) {
		return Output{}, false
	}
	stop()
	return out, true
}

// stageOf names the stage at records: a stage name as it is, an
// extractor by its type's name.
func stageOf(at *atomic.Pointer[any]) string {
	p := at.Load()
	if p == nil {
		return "processing"
	}
	if s, ok := (*p).(string); ok {
		return s
	}
	t := reflect.TypeOf(*p)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Func {
		if f := runtime.FuncForPC(reflect.ValueOf(*p).Pointer()); f != nil {
			name := f.Name()
			return name[strings.LastIndexByte(name, '.')+1:]
		}
	}
	return t.Name()
}
