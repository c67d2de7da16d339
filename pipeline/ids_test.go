package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

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

// eventIDRef is eventID as it was, through a strings.Builder: the
// reference for TestEventIDSame.
func eventIDRef(docID string, e extractors.Event) string {
	var b strings.Builder
	for _, s := range []string{docID, string(e.Type), e.Actor.Name, e.Country, e.CounterpartCountry, e.Place, e.Name} {
		b.WriteString(s)
		b.WriteByte(0)
	}
	if e.Dates != nil {
		b.WriteString(e.Dates.Value())
	}
	b.WriteByte(0)
	for _, p := range e.Participants {
		b.WriteString(p.Name)
		b.WriteByte(1)
		b.WriteString(p.Country)
		b.WriteByte(0)
	}
	b.WriteString(strconv.Itoa(e.RankPosition))
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:10])
}

// TestEventIDSame checks that eventID gives the ids it gave before it
// joined the fields on the stack, on random events, short and longer
// than its buffer, with and without dates and participants.
func TestEventIDSame(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string { return strings.Repeat("Aé", r.IntN(40)) }
	for i := range 5000 {
		e := extractors.Event{Type: extractors.EventType(word()), Country: word(), CounterpartCountry: word(), Place: word(), Name: word(), RankPosition: r.IntN(300) - 5}
		e.Actor.Name = word()
		if r.IntN(2) == 0 {
			e.Dates = &extractors.DateRange{Start: extractors.Date{Year: 2000 + r.IntN(30), Month: time.Month(1 + r.IntN(12)), Day: 1 + r.IntN(28)}}
			if r.IntN(2) == 0 {
				e.Dates.End = extractors.Date{Year: 2031, Month: 1, Day: 2}
			}
		}
		for range r.IntN(4) {
			e.Participants = append(e.Participants, extractors.Person{Name: word(), Country: word()})
		}
		doc := word()
		if got, want := eventID(doc, e), eventIDRef(doc, e); got != want {
			t.Fatalf("event %d: id %s, want %s", i, got, want)
		}
	}
}
