package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"communique/pipeline"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

const (
	corpusDir = "../../testdata/corpus"
	goldenDir = "../../testdata/golden"
)

// runCorpus runs the pipeline over dir with n workers, JSONL only, and
// returns the output directory.
func runCorpus(t *testing.T, dir string, workers int) string {
	t.Helper()
	out := t.TempDir()
	_, err := pipeline.Run(context.Background(), pipeline.Config{
		Input:     os.DirFS(dir),
		Out:       out,
		Formats:   []string{"jsonl"},
		Workers:   workers,
		Processor: newProcessor(),
	})
	if err != nil {
		t.Fatalf("run over %s: %v", dir, err)
	}
	return out
}

// perDocument groups the rows of every table by doc_id, each row as a
// line `{"table":T,"row":{...}}`, tables in a fixed order.
func perDocument(t *testing.T, out string) map[string][]string {
	t.Helper()
	docs := map[string][]string{}
	for _, table := range pipeline.Tables {
		f, err := os.Open(filepath.Join(out, table+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 64<<20)
		for sc.Scan() {
			var row struct {
				DocID string `json:"doc_id"`
			}
			if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
				t.Fatalf("%s: %v", table, err)
			}
			docs[row.DocID] = append(docs[row.DocID], `{"table":"`+table+`","row":`+sc.Text()+`}`)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return docs
}

// TestGolden checks every document of the regression corpus against its
// golden output, testdata/golden/DOC_ID.golden. A mismatch is reported as
// a diff and the actual output is written beside the golden file as
// DOC_ID.actual; `make golden` (go test -update) rewrites them after a
// reviewed change.
func TestGolden(t *testing.T) {
	out := runCorpus(t, corpusDir, 2)
	docs := perDocument(t, out)
	var ids []string
	for id := range docs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if len(ids) == 0 {
		t.Fatal("no documents in the regression corpus")
	}
	for _, id := range ids {
		got := strings.Join(docs[id], "\n") + "\n"
		golden := filepath.Join(goldenDir, filepath.FromSlash(id)+".golden")
		actual := strings.TrimSuffix(golden, ".golden") + ".actual"
		if *update {
			if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			os.Remove(actual)
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%s: no golden file (run `make golden` and review it): %v", id, err)
			continue
		}
		if string(want) == got {
			os.Remove(actual)
			continue
		}
		os.WriteFile(actual, []byte(got), 0o644)
		t.Errorf("%s: output differs from %s (-want +got); actual output in %s\n%s",
			id, golden, actual, cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got, "\n")))
	}
	// Golden files for documents no longer in the corpus are stale.
	matches, _ := filepath.Glob(filepath.Join(goldenDir, "*.golden"))
	for _, m := range matches {
		id := strings.TrimSuffix(filepath.Base(m), ".golden")
		if _, ok := docs[id]; !ok {
			if *update {
				os.Remove(m)
				continue
			}
			t.Errorf("stale golden file %s: its document is not in %s", m, corpusDir)
		}
	}
}

// TestDeterministic checks that one worker and many give byte-identical
// tables.
func TestDeterministic(t *testing.T) {
	a := runCorpus(t, corpusDir, 1)
	b := runCorpus(t, corpusDir, 8)
	for _, table := range pipeline.Tables {
		x, err := os.ReadFile(filepath.Join(a, table+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, table+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s.jsonl differs between 1 and 8 workers", table)
		}
		if table == "events" && len(x) == 0 {
			t.Errorf("no events at all over the regression corpus")
		}
	}
}
