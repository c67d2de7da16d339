package pipeline

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"communique/extractors"
)

func TestParseGiven(t *testing.T) {
	tests := []struct {
		docID, url, publisher, published string
		err                              string // "" when it parses
	}{
		{"sg/1", "https://www.mfa.gov.sg/news/1", "Ministry of Foreign Affairs", "2024-03-12", ""},
		{"", "http://www.dfa.ie/news", "", "2024-03-12T10:00:00", ""},
		{"", "", "", "", ""},
		{"", "www.mfa.gov.sg/news", "", "", `"url"`},
		{"", "ftp://mfa.gov.sg/a", "", "", `"url"`},
		{"", "/news/1", "", "", `"url"`},
		{"", "", "", "12 March 2024", `"published"`},
		{"", "", "", "2024-02-30", `"published"`},
		{"a\x00b", "", "", "", `"doc_id"`},
		{"", "", "Ministry\nof", "", `"publisher"`},
	}
	for _, tt := range tests {
		g, err := ParseGiven(tt.docID, tt.url, tt.publisher, tt.published)
		switch {
		case tt.err == "" && err != nil:
			t.Errorf("ParseGiven(%q, %q, %q, %q): %v", tt.docID, tt.url, tt.publisher, tt.published, err)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("ParseGiven(%q, %q, %q, %q) = %+v, %v; want an error naming %s", tt.docID, tt.url, tt.publisher, tt.published, g, err, tt.err)
		case tt.err == "" && (g.URL != tt.url || g.DocID != tt.docID || (tt.published != "") != (g.Published != nil)):
			t.Errorf("ParseGiven(%q, %q, %q, %q) = %+v", tt.docID, tt.url, tt.publisher, tt.published, g)
		}
	}
}

// givenText says nothing of its publisher: only the page's address can
// tell whose minister travels.
const givenText = "Minister visits Japan\n\nMinister for Foreign Affairs Vivian Balakrishnan visited Japan from 3 to 5 March. He met Foreign Minister Yoko Kamikawa in Tokyo.\n"

// TestRunGiven runs a manifest's documents with what it says of them:
// the documents columns are filled, the text's own date wins over the
// input's, the address of a government's page decides the publishing
// country (the same text read without it does not get it), and a line
// that cannot be used gets an error row.
func TestRunGiven(t *testing.T) {
	pub := func(s string) *extractors.Timestamp {
		ts, err := extractors.ParseTimestamp(s)
		if err != nil {
			t.Fatal(err)
		}
		return ts
	}
	fsys := fstest.MapFS{
		"plain.txt":  {Data: []byte(givenText)},
		"sg.txt":     {Data: []byte(givenText)},
		"dated.txt":  {Data: []byte("Minister visits Japan\n\nPublished 12 March 2024\n\n" + givenText[len("Minister visits Japan\n\n"):])},
		"absent.txt": {Data: []byte(givenText)},
	}
	given := map[string]Given{
		"sg.txt":    {DocID: "sg/2024-visit", URL: "https://www.mfa.gov.sg/news/1", Publisher: "Ministry of Foreign Affairs, Singapore", Published: pub("2024-03-06")},
		"dated.txt": {URL: "https://www.mfa.gov.sg/news/2", Published: pub("2024-03-06")},
		"bad.txt":   {DocID: "invalid-input/1", Invalid: `manifest m.jsonl:4: "published": not a date`},
	}
	out := t.TempDir()
	if _, err := Run(context.Background(), Config{Input: fsys, Manifest: []string{"plain.txt", "sg.txt", "dated.txt", "bad.txt"}, Given: given,
		Out: out, Formats: []string{"jsonl"}, Workers: 2, Processor: &Processor{Stack: extractors.Default()}}); err != nil {
		t.Fatal(err)
	}
	type docRow struct{ DocID, Status, Error, SourceURL, Publisher, Published, PublishedSource string }
	str := func(v any) string { s, _ := v.(string); return s }
	var docs []docRow
	for _, r := range readRows(t, filepath.Join(out, "documents.jsonl")) {
		docs = append(docs, docRow{str(r["doc_id"]), str(r["status"]), str(r["error"]), str(r["source_url"]), str(r["publisher"]), str(r["published"]), str(r["published_source"])})
	}
	want := []docRow{
		{DocID: "dated", Status: "ok", SourceURL: "https://www.mfa.gov.sg/news/2", Published: "2024-03-12", PublishedSource: "text"},
		{DocID: "invalid-input/1", Status: "error", Error: `manifest m.jsonl:4: "published": not a date`},
		{DocID: "plain", Status: "ok"},
		{DocID: "sg/2024-visit", Status: "ok", SourceURL: "https://www.mfa.gov.sg/news/1", Publisher: "Ministry of Foreign Affairs, Singapore", Published: "2024-03-06", PublishedSource: "input"},
	}
	if diff := cmp.Diff(want, docs); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	visits := map[string]string{} // doc_id -> actor_country direction
	for _, r := range readRows(t, filepath.Join(out, "events.jsonl")) {
		if r["event_type"] == "visit" && r["country"] == "JPN" {
			visits[str(r["doc_id"])] = str(r["actor_country"]) + " " + str(r["direction"])
		}
	}
	for _, id := range []string{"sg/2024-visit", "dated"} {
		if visits[id] != "SGP outgoing" {
			t.Errorf("%s: the visit to Japan is %q, want SGP outgoing (the page's address is Singapore's)", id, visits[id])
		}
	}
	if v, ok := visits["plain"]; !ok || v == "SGP outgoing" {
		t.Errorf("plain: the visit to Japan is %q (found %v), want one not read as Singapore's: the text does not say", v, ok)
	}
}

// TestPipeGiven checks a pipe line's url, publisher and published.
func TestPipeGiven(t *testing.T) {
	in := strings.Join([]string{
		`{"doc_id":"a","text":"Lima","url":"https://www.gob.pe/rree/1","publisher":"Cancillería del Perú","published":"2024-05-29"}`,
		`{"doc_id":"b","text":"Lima","published":"29 May 2024"}`,
		`{"doc_id":"c","text":"Lima","url":"gob.pe/rree"}`,
		`{"doc_id":"d","text":"","url":"https://www.gob.pe/rree/2"}`,
	}, "\n") + "\n"
	recs := pipeRecords(t, runPipe(t, PipeConfig{Processor: testProcessor(), MaxBytes: 1 << 20, MaxLineBytes: 1 << 20}, in))
	type row struct{ DocID, Status, Error, URL, Publisher, Published, Source string }
	s := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	var got []row
	for _, r := range recs {
		if d := r.Documents; d != nil {
			e := s(d.Error)
			if strings.HasPrefix(e, "input line ") {
				e = e[strings.Index(e, ": ")+2:]
			}
			got = append(got, row{d.DocID, d.Status, e, s(d.SourceURL), s(d.Publisher), s(d.Published), s(d.PublishedSource)})
		}
	}
	want := []row{
		{"a", "ok", "", "https://www.gob.pe/rree/1", "Cancillería del Perú", "2024-05-29", "input"},
		{"b", "error", `"published": published "29 May 2024" is not a date (2024-03-12) or a time (2024-03-12T10:00:00)`, "", "", "", ""},
		{"c", "error", `"url" "gob.pe/rree" is not an absolute http or https address (https://www.mfa.gov.sg/...)`, "", "", "", ""},
		{"d", "rejected", "empty", "https://www.gob.pe/rree/2", "", "", ""},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("documents rows (-want +got):\n%s", diff)
	}
}
