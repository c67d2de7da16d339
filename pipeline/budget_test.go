package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"communique/extractors"
)

// stuck is an extractor that never ends on one document: it blocks until
// release is closed, ignoring Doc.Stop, as an extractor with a loop that
// does not check the budget would.
type stuck struct {
	on      string
	reached chan struct{} // closed when it starts on the document
	release chan struct{}
}

func (s *stuck) Extract(d *extractors.Doc) []extractors.Mention {
	if d.ID == s.on {
		close(s.reached)
		<-s.release
	}
	return nil
}

// spinning is an extractor that works on one document until Doc.Stop
// tells it to give up, as a long loop that checks the budget does.
type spinning struct{ on string }

func (s spinning) Extract(d *extractors.Doc) []extractors.Mention {
	for d.ID == s.on && !d.Stop.Stopped() {
		time.Sleep(time.Millisecond)
	}
	return nil
}

// TestDocTimeout runs documents one of which never ends, or ends only
// when told: the run completes, that document gets an error row saying
// it was over its time budget and where, the others are processed, and
// nothing waits on the one given up on.
func TestDocTimeout(t *testing.T) {
	for _, tt := range []struct {
		name  string
		x     extractors.Extractor
		stage string
	}{
		{"ignores the budget", &stuck{on: "b", reached: make(chan struct{}), release: make(chan struct{})}, "stuck"},
		{"checks the budget", spinning{on: "b"}, "spinning"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if s, ok := tt.x.(*stuck); ok {
				defer close(s.release)
			}
			m := fstest.MapFS{}
			for _, name := range []string{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"} {
				m[name] = &fstest.MapFile{Data: []byte(release)}
			}
			out := t.TempDir()
			st, err := runWithin(t, time.Minute, Config{Input: m, Out: out, Formats: []string{"jsonl"}, Workers: 1,
				DocTimeout: 200 * time.Millisecond, Processor: &Processor{Stack: extractors.Stack{Entities: []extractors.Extractor{tt.x}}}})
			if err != nil {
				t.Fatal(err)
			}
			if st.Docs != 5 || st.OK != 4 || st.Errors != 1 {
				t.Errorf("%d documents, %d ok, %d errors; want 5, 4, 1", st.Docs, st.OK, st.Errors)
			}
			for _, r := range readRows(t, filepath.Join(out, "documents.jsonl")) {
				if r["doc_id"] != "b" {
					continue
				}
				e, _ := r["error"].(string)
				if r["status"] != "error" || !strings.Contains(e, "over the time budget of 200ms a document") || !strings.Contains(e, "in "+tt.stage) {
					t.Errorf("b: status %v, error %q; want an error row naming the budget and the stage %s", r["status"], e, tt.stage)
				}
			}
		})
	}
}

// TestCancelStuckDocument cancels a run while a document is stuck in an
// extractor that ignores the budget: the run returns at once, and OUT
// holds nothing new.
func TestCancelStuckDocument(t *testing.T) {
	x := &stuck{on: "b", reached: make(chan struct{}), release: make(chan struct{})}
	defer close(x.release)
	m := fstest.MapFS{"a.txt": {Data: []byte(release)}, "b.txt": {Data: []byte(release)}, "c.txt": {Data: []byte(release)}}
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Run(ctx, Config{Input: m, Out: out, Workers: 2, DocTimeout: -1, Processor: &Processor{Stack: extractors.Stack{Entities: []extractors.Extractor{x}}}})
		done <- err
	}()
	select {
	case <-x.reached:
	case <-time.After(time.Minute):
		t.Fatal("the run never reached the stuck document")
	}
	cancel()
	waitCanceled(t, done, "the run, a document stuck,")
	checkEmpty(t, out)
}

// TestPipeDocTimeout checks that Pipe gives up on a document over its
// budget as Run does, and goes on with the stream.
func TestPipeDocTimeout(t *testing.T) {
	x := &stuck{on: "b", reached: make(chan struct{}), release: make(chan struct{})}
	defer close(x.release)
	input := `{"doc_id":"a","text":"Seoul"}` + "\n" + `{"doc_id":"b","text":"Busan"}` + "\n" + `{"doc_id":"c","text":"Rome"}` + "\n"
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() {
		_, err := Pipe(context.Background(), PipeConfig{Workers: 2, DocTimeout: 200 * time.Millisecond,
			Processor: &Processor{Stack: extractors.Stack{Entities: []extractors.Extractor{x}}}}, strings.NewReader(input), &out)
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("Pipe did not end")
	}
	recs := pipeRecords(t, out.Bytes())
	var got []string
	for _, r := range recs {
		if d := r.Documents; d != nil {
			got = append(got, d.DocID+" "+d.Status)
			if d.DocID == "b" && !strings.Contains(deref(d.Error), "over the time budget") {
				t.Errorf("b: error %q, want it to name the time budget", deref(d.Error))
			}
		}
	}
	if strings.Join(got, ", ") != "a ok, b error, c ok" {
		t.Errorf("documents %q, want a ok, b error, c ok", got)
	}
}

// slow is an extractor that takes a while on some documents and ignores
// the budget meanwhile; running counts the documents at work in it.
type slow struct {
	on      map[string]bool
	d       time.Duration
	running atomic.Int32
	most    atomic.Int32
}

func (s *slow) Extract(d *extractors.Doc) []extractors.Mention {
	if s.on[d.ID] {
		n := s.running.Add(1)
		for m := s.most.Load(); n > m && !s.most.CompareAndSwap(m, n); m = s.most.Load() {
		}
		time.Sleep(s.d)
		s.running.Add(-1)
	}
	return nil
}

// TestDocTimeoutTakeOver gives up on several documents in turn with one
// worker: each time the worker goes on on a new goroutine while the one
// given up on finishes its document. Every document gets its row, in
// input order; at most two documents are at work at once (one given up
// on, one at work); and the goroutines given up on end with their
// documents.
func TestDocTimeoutTakeOver(t *testing.T) {
	before := runtime.NumGoroutine()
	x := &slow{on: map[string]bool{"b": true, "c": true, "e": true}, d: 300 * time.Millisecond}
	m := fstest.MapFS{}
	names := []string{"a", "b", "c", "d", "e", "f"}
	for _, n := range names {
		m[n+".txt"] = &fstest.MapFile{Data: []byte(release)}
	}
	out := t.TempDir()
	st, err := runWithin(t, time.Minute, Config{Input: m, Out: out, Formats: []string{"jsonl"}, Workers: 1,
		DocTimeout: 50 * time.Millisecond, Processor: &Processor{Stack: extractors.Stack{Entities: []extractors.Extractor{x}}}})
	if err != nil {
		t.Fatal(err)
	}
	if st.Docs != 6 || st.OK != 3 || st.Errors != 3 {
		t.Errorf("%d documents, %d ok, %d errors; want 6, 3, 3", st.Docs, st.OK, st.Errors)
	}
	var got []string
	for _, r := range readRows(t, filepath.Join(out, "documents.jsonl")) {
		got = append(got, fmt.Sprint(r["doc_id"], " ", r["status"]))
	}
	if want := "a ok, b error, c error, d ok, e error, f ok"; strings.Join(got, ", ") != want {
		t.Errorf("documents %q, want %s", got, want)
	}
	if n := x.most.Load(); n > 2 {
		t.Errorf("%d slow documents at work at once; one worker may leave one behind, so 2 at most", n)
	}
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		t.Errorf("%d goroutines after the run and its documents ended, %d before", n, before)
	}
}

// TestNapper checks the naps' lengths, doubled from minNap up to maxNap
// and back to minNap after reset, and that a done ctx ends a nap.
func TestNapper(t *testing.T) {
	var n napper
	defer n.stop()
	var got []time.Duration
	for range 8 {
		if err := n.sleep(context.Background()); err != nil {
			t.Fatal(err)
		}
		got = append(got, n.d)
	}
	n.reset()
	if err := n.sleep(context.Background()); err != nil {
		t.Fatal(err)
	}
	got = append(got, n.d)
	want := []time.Duration{1, 2, 4, 8, 16, 32, 32, 32, 1}
	for i := range want {
		want[i] *= time.Millisecond
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("naps %v, want %v", got, want)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := n.sleep(ctx); err == nil {
		t.Error("a nap under a cancelled ctx ended without its error")
	}
}
