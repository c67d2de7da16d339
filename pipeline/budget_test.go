package pipeline

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
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
