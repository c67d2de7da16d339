package main

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"
)

// TestManifestJSONLines runs `communique run` on a manifest that mixes
// plain paths, JSON lines with a URL, publisher, date and doc_id, and lines
// that cannot be used: every line gets its documents row, the given fields
// fill their columns, a government's address decides the publishing
// country of a text that does not say it, and a bad line's row says which
// line and why.
func TestManifestJSONLines(t *testing.T) {
	dir := t.TempDir()
	text := "Minister visits Kenya\n\nForeign Minister Nalini Perera visited Kenya from 3 to 5 March. She met Cabinet Secretary Musalia Mudavadi in Nairobi.\n"
	for _, name := range []string{"a.txt", "news/lk.html.txt", "news/plain.txt"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	manifest := strings.Join([]string{
		"# a scraped corpus",
		"a.txt",
		`{"path": "news/lk.html.txt", "url": "https://mfa.gov.lk/en/visit-kenya/", "published": "2025-03-06T09:30:00", "doc_id": "lk/visit-kenya"}`,
		`{"path": "news/plain.txt", "url": null, "publisher": "Press Office"}`,
		`{"path": "news/gone.txt", "published": "6 March 2025"}`,
		`{"url": "https://mfa.gov.lk/en/x/"}`,
		`{"path": "../outside.txt"}`,
		`{"path": "a.txt", "doc_id": "again"}`,
		`{not json`,
	}, "\n") + "\n"
	mf := filepath.Join(dir, "manifest.jsonl")
	if err := os.WriteFile(mf, []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out")
	if err := dispatch(context.Background(), []string{"run", "--in", mf, "--out", out, "--format", "jsonl", "--workers", "2"}, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	type row struct{ DocID, Source, Status, Error, URL, Publisher, Published, PublishedSource string }
	var got []row
	for _, r := range jsonRows(t, filepath.Join(out, "documents.jsonl")) {
		e := r["error"]
		if i := strings.Index(e, "manifest.jsonl:"); i >= 0 {
			e = e[i:] // the manifest's path is the temporary folder's
		}
		got = append(got, row{r["doc_id"], r["source"], r["status"], e, r["source_url"], r["publisher"], r["published"], r["published_source"]})
	}
	want := []row{
		{DocID: "a", Source: "a.txt", Status: "ok"},
		{DocID: "invalid-input/", Source: "manifest.jsonl:6", Status: "error", Error: `manifest.jsonl:6: no "path"`},
		{DocID: "invalid-input/", Source: "manifest.jsonl:9", Status: "error", Error: "manifest.jsonl:9: not a JSON object of path, url, publisher, published and doc_id: invalid character 'n' looking for beginning of object key string"},
		{DocID: "invalid-input/", Source: "news/gone.txt", Status: "error", Error: `manifest.jsonl:5: "published": published "6 March 2025" is not a date (2024-03-12) or a time (2024-03-12T10:00:00)`},
		{DocID: "invalid-input/", Source: "../outside.txt", Status: "error", Error: `manifest.jsonl:7: "../outside.txt" is not a file below the manifest's folder`},
		{DocID: "lk/visit-kenya", Source: "news/lk.html.txt", Status: "ok", URL: "https://mfa.gov.lk/en/visit-kenya/", Published: "2025-03-06T09:30:00", PublishedSource: "input"},
		{DocID: "news/plain", Source: "news/plain.txt", Status: "ok", Publisher: "Press Office"},
	}
	for i := range got {
		if strings.HasPrefix(got[i].DocID, "invalid-input/") {
			got[i].DocID = "invalid-input/" // a digest of the line
		}
	}
	// a.txt listed again (with a doc_id) is read once, as first listed
	order := func(rs []row) {
		slices.SortFunc(rs, func(a, b row) int { return cmp.Compare(a.DocID+"\x00"+a.Source, b.DocID+"\x00"+b.Source) })
	}
	order(want)
	order(got)
	if diff := gocmp.Diff(want, got); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	visits := map[string]string{}
	for _, r := range jsonRows(t, filepath.Join(out, "events.jsonl")) {
		if r["event_type"] == "visit" && r["country"] == "KEN" {
			visits[r["doc_id"]] = r["actor_country"] + " " + r["direction"]
		}
	}
	if visits["lk/visit-kenya"] != "LKA outgoing" {
		t.Errorf("lk/visit-kenya: the visit to Kenya is %q, want LKA outgoing (the page is on mfa.gov.lk)", visits["lk/visit-kenya"])
	}
	if v := visits["a"]; v == "LKA outgoing" {
		t.Errorf("a: the visit to Kenya is %q without an address that says so", v)
	}
}

// jsonRows reads a JSONL table's rows, their string and null fields as
// strings ("" for null).
func jsonRows(t *testing.T, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []map[string]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var raw map[string]any
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatal(err)
		}
		r := map[string]string{}
		for k, v := range raw {
			if s, ok := v.(string); ok {
				r[k] = s
			}
		}
		rows = append(rows, r)
	}
	return rows
}
