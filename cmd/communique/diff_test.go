package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"communique/diff"
	"communique/extractors"
	"communique/pipeline"
)

// oneDayVisits is the Visits extractor with a rule changed: every visit
// ends on the day it starts.
type oneDayVisits struct{ extractors.Visits }

func (v oneDayVisits) Events(d *extractors.Doc, f *extractors.Frame) []extractors.Event {
	es := v.Visits.Events(d, f)
	for i, e := range es {
		if e.Dates != nil {
			r := *e.Dates
			r.End = r.Start
			es[i].Dates = &r
		}
	}
	return es
}

// changedProcessor is newProcessor with two rules changed: visits last
// one day, and there are no rankings.
func changedProcessor() *pipeline.Processor {
	p := newProcessor()
	var events []extractors.EventExtractor
	for _, x := range p.Events {
		switch x.(type) {
		case extractors.Visits:
			events = append(events, oneDayVisits{})
		case extractors.Rankings:
		default:
			events = append(events, x)
		}
	}
	p.Events = events
	return p
}

func runWith(t *testing.T, p *pipeline.Processor, out string, shard, shards int) {
	t.Helper()
	if _, err := pipeline.Run(context.Background(), pipeline.Config{
		Input: os.DirFS(corpusDir), Out: out, Formats: []string{"jsonl"}, Workers: 2,
		Processor: p, Shard: shard, Shards: shards,
	}); err != nil {
		t.Fatal(err)
	}
}

// change is one row of a diff, as the test compares them.
type change struct{ Doc, Table, Kind, Change, Fields string }

// expectedChanges works out, from the old run's rows alone, what the
// changed rules must change: each visit (event or reject) with a span of
// more than one day changes its end_date and nothing else; each ranking is
// removed, and each document that had one changes its n_events or
// n_rejects.
func expectedChanges(t *testing.T, old string) []change {
	var want []change
	docs := map[string][]string{} // doc -> documents columns that change
	for _, table := range []string{"events", "rejects"} {
		for _, r := range readJSONL(t, filepath.Join(old, table+".jsonl")) {
			doc, typ := r["doc_id"].(string), r["event_type"].(string)
			switch {
			case typ == "ranking":
				want = append(want, change{doc, table, typ, diff.Removed, ""})
				col := map[string]string{"events": "n_events", "rejects": "n_rejects"}[table]
				if !slices.Contains(docs[doc], col) {
					docs[doc] = append(docs[doc], col)
				}
			case typ == "visit" && r["start_date"] != nil && r["start_date"] != r["end_date"]:
				want = append(want, change{doc, table, typ, diff.Changed, "end_date"})
			}
		}
	}
	for doc, cols := range docs {
		sort.Strings(cols)
		want = append(want, change{doc, "documents", "", diff.Changed, fmt.Sprint(cols)})
	}
	return want
}

func readJSONL(t *testing.T, path string) []map[string]any {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	for _, line := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
		if len(line) == 0 {
			continue
		}
		var r map[string]any
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	return rows
}

// TestDiffChangedRule runs the regression corpus twice, the second time
// with two rules changed, and checks that communique diff reports exactly
// the rows the change must change, and nothing else; a sharded run of the
// same code diffs empty against the single run.
func TestDiffChangedRule(t *testing.T) {
	old, changed, sharded := t.TempDir(), t.TempDir(), t.TempDir()
	runWith(t, newProcessor(), old, 0, 0)
	runWith(t, changedProcessor(), changed, 0, 0)
	for i := range 3 {
		runWith(t, changedProcessor(), sharded, i, 3)
	}

	var stdout, stderr bytes.Buffer
	if err := dispatch(context.Background(), []string{"diff", "--format", "json", "--top", "1000", old, changed}, &stdout, &stderr); err != nil {
		t.Fatalf("diff: %v\n%s", err, stderr.String())
	}
	var res diff.Result
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatal(err)
	}
	var got []change
	for _, d := range res.Top {
		for _, r := range d.Rows {
			c := change{d.DocID, r.Table, r.Kind, r.Change, ""}
			if r.Change == diff.Changed {
				var cols []string
				for _, f := range r.Fields {
					cols = append(cols, f.Name)
				}
				sort.Strings(cols)
				c.Fields = fmt.Sprint(cols)
				if r.Table != "documents" {
					c.Fields = cols[0]
					if len(cols) != 1 {
						c.Fields = fmt.Sprint(cols)
					}
				}
			}
			got = append(got, c)
		}
	}
	want := expectedChanges(t, old)
	less := func(a, b change) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) }
	slices.SortFunc(got, less)
	slices.SortFunc(want, less)
	if len(want) < 10 {
		t.Fatalf("the changed rules change only %d rows of the corpus: no test", len(want))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("diff reports other changes than the changed rules make (-want +got):\n%s", diff)
	}
	var total int64
	for _, c := range res.Counts {
		total += c.Changes()
		if c.Table == "mentions" && c.Changes() != 0 {
			t.Errorf("mentions %s: %d changes, want none", c.Kind, c.Changes())
		}
	}
	if total != int64(len(want)) {
		t.Errorf("counts add up to %d changes, want %d", total, len(want))
	}

	// --fail-on-change, and the sharded run of the same code.
	err := dispatch(context.Background(), []string{"diff", "--fail-on-change", old, changed}, &stdout, &stderr)
	if !errors.Is(err, errChanged) {
		t.Errorf("--fail-on-change on different runs: %v, want errChanged", err)
	}
	stdout.Reset()
	if err := dispatch(context.Background(), []string{"diff", "--fail-on-change", "--format", "json", changed, sharded}, &stdout, &stderr); err != nil {
		t.Errorf("single and sharded run of the same code: %v\n%s", err, stdout.String())
	}
}

// TestDiffFormats checks that every format is deterministic and says the
// same counts.
func TestDiffFormats(t *testing.T) {
	old, changed := t.TempDir(), t.TempDir()
	runWith(t, newProcessor(), old, 0, 0)
	runWith(t, changedProcessor(), changed, 0, 0)
	for _, f := range diff.Formats {
		var a, b, stderr bytes.Buffer
		for _, w := range []*bytes.Buffer{&a, &b} {
			if err := dispatch(context.Background(), []string{"diff", "--format", f, old, changed}, w, &stderr); err != nil {
				t.Fatalf("%s: %v\n%s", f, err, stderr.String())
			}
		}
		if !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Errorf("%s: two diffs of the same runs differ", f)
		}
		if !bytes.Contains(a.Bytes(), []byte("ranking")) || !bytes.Contains(a.Bytes(), []byte("end_date")) {
			t.Errorf("%s: no ranking or end_date in the output:\n%s", f, a.String())
		}
	}
}

func TestDiffErrors(t *testing.T) {
	run := t.TempDir()
	runWith(t, changedProcessor(), run, 0, 0)
	empty := t.TempDir()
	file := filepath.Join(empty, "file")
	os.WriteFile(file, nil, 0o644)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"diff", run}, "usage"},
		{[]string{"diff", run, run, run}, "usage"},
		{[]string{"diff", "--format", "xml", run, run}, `--format "xml"`},
		{[]string{"diff", run, empty}, "has no documents.jsonl"},
		{[]string{"diff", run, file}, "is not a folder"},
		{[]string{"diff", run, filepath.Join(empty, "missing")}, "no such file"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		err := dispatch(context.Background(), tt.args, &stdout, &stderr)
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tt.want)) {
			t.Errorf("%v: error %v, want %q", tt.args, err, tt.want)
		}
	}
}
