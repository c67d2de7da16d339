package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"communique/extractors"
)

// TestWithText checks the texts table: one row per document with status
// ok, holding the text that the mentions' rune offsets index; none without
// WithText.
func TestWithText(t *testing.T) {
	proc := &Processor{Stack: extractors.Stack{
		Entities: []extractors.Extractor{extractors.Dates{}, extractors.Countries{}},
		Events:   []extractors.EventExtractor{extractors.Visits{}},
	}}
	for _, with := range []bool{true, false} {
		out := t.TempDir()
		if _, err := Run(context.Background(), Config{
			Input: os.DirFS("../testdata/corpus"), Out: out, Workers: 2, Processor: proc, WithText: with,
		}); err != nil {
			t.Fatal(err)
		}
		for _, ext := range []string{"jsonl", "parquet"} {
			_, err := os.Stat(filepath.Join(out, TextsTable+"."+ext))
			if with && err != nil {
				t.Errorf("WithText: %v", err)
			}
			if !with && err == nil {
				t.Errorf("texts.%s written without WithText", ext)
			}
		}
		if !with {
			continue
		}
		texts := map[string][]rune{}
		for _, r := range readRows(t, filepath.Join(out, TextsTable+".jsonl")) {
			texts[r["doc_id"].(string)] = []rune(r["text"].(string))
		}
		ok := 0
		for _, d := range readRows(t, filepath.Join(out, "documents.jsonl")) {
			_, has := texts[d["doc_id"].(string)]
			if d["status"] == StatusOK {
				ok++
			}
			if has != (d["status"] == StatusOK) {
				t.Errorf("%s: status %s, texts row %v", d["doc_id"], d["status"], has)
			}
		}
		if ok == 0 || len(texts) != ok {
			t.Errorf("%d texts rows for %d documents with status ok", len(texts), ok)
		}
		n := 0
		for _, m := range readRows(t, filepath.Join(out, "mentions.jsonl")) {
			text := texts[m["doc_id"].(string)]
			s, e := int(m["start"].(float64)), int(m["end"].(float64))
			if s < 0 || e > len(text) || s > e || string(text[s:e]) != m["text"] {
				t.Errorf("%s: mention %q at [%d,%d) is not the text there", m["doc_id"], m["text"], s, e)
			}
			n++
		}
		if n == 0 {
			t.Error("no mentions to check")
		}
	}
}
