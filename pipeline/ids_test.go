package pipeline

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"communique/extractors"
)

// twinEvents is an event extractor that finds the same meeting twice in
// every document, alike in every field that makes an event_id: ids must
// still differ, within a document and across documents.
type twinEvents struct{}

func (twinEvents) Events(d *extractors.Doc, _ *extractors.Frame) []extractors.Event {
	e := extractors.Event{Type: extractors.Meeting, Status: extractors.Occurred, Country: "ITA",
		Evidence: extractors.Span{Start: 0, End: min(10, len(d.Text))}, Confidence: 0.5}
	return []extractors.Event{e, e}
}

// TestIDsUnique tries to make two rows share a doc_id or an event_id: a
// manifest naming one file in three spellings and another twice, files
// whose paths differ only in extensions, a file named like the id another
// would fall back to; and documents whose events are alike in every field.
func TestIDsUnique(t *testing.T) {
	m := fstest.MapFS{}
	for _, name := range []string{"ok.txt", "a", "a.txt", "a.html", "a.txt.txt", "a.txt~2", "b/c.txt", "b/c"} {
		m[name] = &fstest.MapFile{Data: []byte(release)}
	}
	manifest := []string{"ok.txt", "./ok.txt", "b/../ok.txt", "a", "a.txt", "a.html", "a.txt.txt", "a.txt~2", "a.txt", "b/c.txt", "b//c", "b/c"}
	out := t.TempDir()
	st, err := Run(context.Background(), Config{Input: m, Manifest: manifest, Out: out, Formats: []string{"jsonl"}, Workers: 3,
		Processor: &Processor{Stack: extractors.Stack{Events: []extractors.EventExtractor{twinEvents{}}}}})
	if err != nil {
		t.Fatal(err)
	}
	docs := readRows(t, filepath.Join(out, "documents.jsonl"))
	if len(docs) != len(m) || st.Docs != int64(len(m)) {
		t.Errorf("%d documents rows (stats %d) for %d files", len(docs), st.Docs, len(m))
	}
	ids := map[string]string{}
	sources := map[string]bool{}
	for _, d := range docs {
		id, src := d["doc_id"].(string), d["source"].(string)
		if prev, dup := ids[id]; dup {
			t.Errorf("doc_id %q given to %s and %s", id, prev, src)
		}
		if sources[src] {
			t.Errorf("%s read twice", src)
		}
		ids[id], sources[src] = src, true
	}
	// Valid or rejected, every record has an event_id.
	events := append(readRows(t, filepath.Join(out, "events.jsonl")), readRows(t, filepath.Join(out, "rejects.jsonl"))...)
	if len(events) != 2*len(m) {
		t.Errorf("%d events and rejects, want %d", len(events), 2*len(m))
	}
	seen := map[string]bool{}
	for _, e := range events {
		id := e["event_id"].(string)
		if seen[id] {
			t.Errorf("event_id %s given twice", id)
		}
		seen[id] = true
	}
}

// TestAssignIDsUnique gives assignIDs random lists of paths drawn from a
// small set made to collide (extensions, fallbacks, numbered ids, and
// repeats): every id is given once.
func TestAssignIDsUnique(t *testing.T) {
	names := []string{"a", "a.txt", "a.html", "a.txt.txt", "a.txt~2", "a~2", "a.txt~3", "a.html~2", "b/a.txt", "b/a", "b.txt/a"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var list []job
		for range 1 + rng.IntN(12) {
			list = append(list, job{source: names[rng.IntN(len(names))]})
		}
		got := assignIDs(list)
		seen := map[string]bool{}
		for _, j := range got {
			if seen[j.docID] {
				var srcs []string
				for _, j := range got {
					srcs = append(srcs, j.source+"->"+j.docID)
				}
				t.Fatalf("id %q given twice: %s", j.docID, strings.Join(srcs, ", "))
			}
			seen[j.docID] = true
		}
	}
}

func TestManifestJobs(t *testing.T) {
	got, dups := manifestJobs([]string{"ok.txt", "./ok.txt", "x/../ok.txt", "b//c.txt", "b/c.txt", "d.txt"}, nil)
	var srcs []string
	for _, j := range got {
		srcs = append(srcs, j.source)
	}
	if strings.Join(srcs, " ") != "ok.txt b/c.txt d.txt" || dups != 3 {
		t.Errorf("got %q and %d repeats, want [ok.txt b/c.txt d.txt] and 3", srcs, dups)
	}
}
