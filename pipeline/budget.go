package pipeline

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
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
// budget, so that no document holds up the others: a worker waits for a
// document until its budget is spent, then gives up on it, and its row
// says so. The document's goroutine goes on until its next check of the
// budget (normalize between steps, Process between extractors, an
// extractor through Doc.Stop) and its result is dropped.
//
// Each document is processed on a goroutine of its own, so that a worker
// can walk away from it; slots bounds those goroutines to two per worker,
// one at work and one given up on and not yet ended, which bounds the
// memory and CPU that documents given up on can hold.
type bounded struct {
	p      *Processor
	budget time.Duration // none when <= 0
	slots  chan struct{}
}

func newBounded(p *Processor, budget time.Duration, workers int) *bounded {
	return &bounded{p: p, budget: budget, slots: make(chan struct{}, 2*workers)}
}

// process returns the rows of one document, or, the moment its budget is
// spent, a row with status error saying so. It returns an error only when
// ctx is done; it does not wait for the document's goroutine then either.
func (b *bounded) process(ctx context.Context, docID, source string, raw []byte, g Given) (Output, error) {
	select {
	case b.slots <- struct{}{}:
	case <-ctx.Done():
		return Output{}, ctx.Err()
	}
	dctx, cancel := ctx, context.CancelFunc(func() {})
	if b.budget > 0 {
		dctx, cancel = context.WithTimeoutCause(ctx, b.budget, &overBudget{b.budget})
	}
	var at atomic.Pointer[any]
	done := make(chan Output, 1)
	start := time.Now()
	go func() {
		defer func() { <-b.slots }()
		defer cancel()
		done <- b.p.process(dctx, &at, docID, source, raw, g)
	}()
	select {
	case out := <-done:
		return out, nil
	case <-dctx.Done():
	}
	if err := ctx.Err(); err != nil {
		return Output{}, err
	}
	select {
	case out := <-done: // it ended as the budget ran out
		return out, nil
	default:
	}
	o := failed(newDocument(docID, source, raw, g), StatusError, stoppedReason(dctx, stageOf(&at)))
	o.ExtractTime = time.Since(start)
	return o, nil
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
