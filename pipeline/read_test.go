package pipeline

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"communique/extractors"
)

// readAll reads a table with a TableReader: one "doc_id: row" line per row.
func readAll(t *testing.T, out, table string) ([]string, error) {
	t.Helper()
	r, err := OpenTable(out, table)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var lines []string
	for {
		id, rows, err := r.Next()
		if err == io.EOF {
			return lines, nil
		}
		if err != nil {
			return lines, err
		}
		for _, row := range rows {
			lines = append(lines, id+": "+string(row))
		}
	}
}

// TestTableReaderShards checks that a sharded run reads back, part by part
// merged, exactly as the single run's file: the same documents in the same
// order with the same rows, which also shows both are in doc_id order.
func TestTableReaderShards(t *testing.T) {
	proc := &Processor{Stack: extractors.Stack{
		Entities: []extractors.Extractor{extractors.Dates{}, extractors.Countries{}},
		Events:   []extractors.EventExtractor{extractors.Visits{}},
	}}
	run := func(out string, shard, shards int) {
		if _, err := Run(context.Background(), Config{
			Input: os.DirFS("../testdata/corpus"), Out: out, Workers: 2, Processor: proc,
			Formats: []string{"jsonl"}, Shard: shard, Shards: shards,
		}); err != nil {
			t.Fatal(err)
		}
	}
	single, sharded := t.TempDir(), t.TempDir()
	run(single, 0, 0)
	for i := range 3 {
		run(sharded, i, 3)
	}
	for _, table := range Tables {
		want, err := readAll(t, single, table)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readAll(t, sharded, table)
		if err != nil {
			t.Fatal(err)
		}
		if table != "rejects" && len(want) == 0 {
			t.Errorf("%s: no rows", table)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: sharded run reads differently (-single +sharded):\n%s", table, diff)
		}
	}
}

func TestJSONString(t *testing.T) {
	tests := []struct {
		row, key string
		want     string
		ok       bool
	}{
		{`{"doc_id":"a","country":"KOR"}`, "country", "KOR", true},
		{`{"doc_id":"a","country":null}`, "country", "", false},
		{`{"doc_id":"a"}`, "country", "", false},
		{`{"doc_id":"a","n":3}`, "n", "", false},
		{`{"participants":[{"country":"JPN"}],"country":"KOR"}`, "country", "KOR", true},
		{`{"participants":[{"country":"JPN"}],"country":null}`, "country", "", false},
		{`{"text":"say \"hi\"","kind":"x"}`, "text", `say "hi"`, true},
		{`{"kind" : "x"}`, "kind", "x", true},
		{`not json`, "kind", "", false},
	}
	for _, tt := range tests {
		got, ok := JSONString([]byte(tt.row), tt.key)
		if got != tt.want || ok != tt.ok {
			t.Errorf("JSONString(%s, %q) = %q, %v; want %q, %v", tt.row, tt.key, got, ok, tt.want, tt.ok)
		}
	}
}

func TestTableReader(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string // path under OUT -> content
		want    []string
		wantErr string
	}{
		{name: "none", files: map[string]string{}},
		{name: "plain", files: map[string]string{"t.jsonl": `{"doc_id":"a","x":1}` + "\n\n" + `{"doc_id":"a","x":2}` + "\r\n" + `{"doc_id":"b"}`},
			want: []string{`a: {"doc_id":"a","x":1}`, `a: {"doc_id":"a","x":2}`, `b: {"doc_id":"b"}`}},
		{name: "parts merged", files: map[string]string{
			"t/part-00001-of-00002.jsonl": `{"doc_id":"b"}` + "\n" + `{"doc_id":"d"}` + "\n",
			"t/part-00000-of-00002.jsonl": `{"doc_id":"a"}` + "\n" + `{"doc_id":"c"}` + "\n",
			"t/.part-00002.jsonl.tmp-1":   `{"doc_id":"0"}` + "\n",
		}, want: []string{`a: {"doc_id":"a"}`, `b: {"doc_id":"b"}`, `c: {"doc_id":"c"}`, `d: {"doc_id":"d"}`}},
		{name: "escaped and spaced ids", files: map[string]string{"t.jsonl": `{"doc_id":"a\"q"}` + "\n" + `{"doc_id" : "b"}` + "\n" + `{"p":[{"doc_id":"z"}],"doc_id":"c"}` + "\n"},
			want: []string{`a"q: {"doc_id":"a\"q"}`, `b: {"doc_id" : "b"}`, `c: {"p":[{"doc_id":"z"}],"doc_id":"c"}`}},
		{name: "out of order", files: map[string]string{"t.jsonl": `{"doc_id":"b"}` + "\n" + `{"doc_id":"a"}` + "\n"},
			wantErr: `t.jsonl:2: document "a" is out of doc_id order (it comes after "b")`},
		{name: "not together", files: map[string]string{"t.jsonl": `{"doc_id":"a"}` + "\n" + `{"doc_id":"b"}` + "\n" + `{"doc_id":"a"}` + "\n"},
			wantErr: `document "a" is out of doc_id order`},
		{name: "no doc_id", files: map[string]string{"t.jsonl": `{"doc":"a"}` + "\n"},
			wantErr: `t.jsonl:1: not a row with a doc_id`},
		{name: "not JSON", files: map[string]string{"t.jsonl": `{"doc_id":"a"}` + "\n" + "oops\n"},
			wantErr: `t.jsonl:2: not a row with a doc_id`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			for p, s := range tt.files {
				p = filepath.Join(out, p)
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := readAll(t, out, "t")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestJSONStringEdges(t *testing.T) {
	tests := []struct {
		row, key string
		want     string
		ok       bool
	}{
		{`{"a":{"k":"in"},"k":"out"}`, "k", "out", true},
		{`{"a":[1,{"k":"]"}],"k":"x"}`, "k", "x", true},
		{`{"a":"{[\"","k":"y"}`, "k", "y", true},
		{`{"a":true,"b":-1.5e3,"k":"z"}`, "k", "z", true},
		{`{"k\u0031":"esc","k":"w"}`, "k1", "esc", true},
		{`{"k":"\u00e9\n"}`, "k", "é\n", true},
		{`{}`, "k", "", false},
		{`{"a":1 "k":"v"}`, "k", "", false},
		{`{"a":[1,2,"k":"v"}`, "k", "", false},
		{`{"k":"open`, "k", "", false},
		{`[{"k":"v"}]`, "k", "", false},
		{``, "k", "", false},
	}
	for _, tt := range tests {
		got, ok := JSONString([]byte(tt.row), tt.key)
		if got != tt.want || ok != tt.ok {
			t.Errorf("JSONString(%s, %q) = %q, %v; want %q, %v", tt.row, tt.key, got, ok, tt.want, tt.ok)
		}
	}
}
