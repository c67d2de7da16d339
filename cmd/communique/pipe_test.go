package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"communique/pipeline"
)

// inputFiles lists the documents of input in the order run reads them.
func inputFiles(t *testing.T, input string) []string {
	t.Helper()
	var files []string
	err := fs.WalkDir(os.DirFS(input), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func jsonLine(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

// TestPipeCommand feeds the documents of the single run to `communique
// pipe` as text lines, as base64 lines and as path lines, and checks that
// each gives the single run's rows, byte for byte and in order.
func TestPipeCommand(t *testing.T) {
	bin := cliBinary(t)
	input, single := scaleInput(t)
	files := inputFiles(t, input)
	want := map[string][]string{}
	for _, table := range pipeline.Tables {
		want[table] = readLines(t, filepath.Join(single, table+".jsonl"))
	}

	lines := map[string]*strings.Builder{"text": {}, "text without source": {}, "text_base64": {}, "path": {}, "absolute path": {}}
	for _, p := range files {
		raw, err := os.ReadFile(filepath.Join(input, p))
		if err != nil {
			t.Fatal(err)
		}
		id := pipeline.DocID(p)
		lines["text"].WriteString(jsonLine(t, map[string]string{"doc_id": id, "source": p, "text": string(raw)}))
		lines["text without source"].WriteString(jsonLine(t, map[string]string{"doc_id": id, "text": string(raw)}))
		lines["text_base64"].WriteString(jsonLine(t, map[string]string{"doc_id": id, "source": p, "text_base64": base64.StdEncoding.EncodeToString(raw)}))
		lines["path"].WriteString(jsonLine(t, map[string]string{"path": p}))
		lines["absolute path"].WriteString(jsonLine(t, map[string]string{"path": filepath.Join(input, p)}))
	}
	for name, in := range lines {
		t.Run(name, func(t *testing.T) {
			stdout, stderr, err := execCLI(bin, nil, in.String(), "pipe", "--root", input, "--workers", "3")
			if err != nil {
				t.Fatalf("pipe: %v\n%s", err, stderr)
			}
			got := scanRecords(t, stdout)
			for _, table := range pipeline.Tables {
				w := want[table]
				if name == "text without source" && table == "documents" {
					// The source is then the doc_id; all else is alike.
					w = nil
					for _, line := range want[table] {
						var d pipeline.Document
						json.Unmarshal([]byte(line), &d)
						line = strings.Replace(line, fmt.Sprintf(`"source":%q`, d.Source), fmt.Sprintf(`"source":%q`, d.DocID), 1)
						w = append(w, line)
					}
				}
				if diff := cmp.Diff(w, got[table]); diff != "" {
					t.Errorf("%s: pipe rows differ from the single run's (-run +pipe)\n%s", table, diff)
				}
			}
		})
	}
}

// TestPipeBadLines checks that bad input lines each give a documents row
// with the reason, among the rows of good lines, that stdout carries
// records only, and that the command succeeds.
func TestPipeBadLines(t *testing.T) {
	bin := cliBinary(t)
	input, single := scaleInput(t)
	good := inputFiles(t, input)[:2]
	in := strings.Join([]string{
		`{"path":"` + good[0] + `"}`,
		`this is not json`,
		`{"doc_id":"no-text"}`,
		`{"text":"no id"}`,
		`{"path":"missing/file.txt"}`,
		`{"path":"../outside.txt"}`,
		`{"doc_id":"b64","text_base64":"%%%"}`,
		`[1,2,3]`,
		`{"doc_id":"both","text":"x","path":"y.txt"}`,
		``,
		`{"doc_id":"large","text":"` + strings.Repeat("a", 30_000) + `"}`,
		`{"doc_id":"huge","text":"` + strings.Repeat("a", 1_100_000) + `"}`,
		`{"path":"` + good[1] + `"}`,
	}, "\n")
	stdout, stderr, err := execCLI(bin, nil, in, "pipe", "--root", input, "--max-bytes", "20000")
	if err != nil {
		t.Fatalf("pipe: %v\n%s", err, stderr)
	}
	rows := scanRecords(t, stdout)
	type docRow struct{ DocID, Source, Status, Error string }
	var got []docRow
	for _, line := range rows["documents"] {
		var d pipeline.Document
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatal(err)
		}
		r := docRow{d.DocID, d.Source, d.Status, ""}
		if d.Error != nil {
			r.Error = *d.Error
		}
		got = append(got, r)
	}
	want := []docRow{
		{pipeline.DocID(good[0]), good[0], "ok", ""},
		{"invalid-input/", "stdin:2", "error", "input line 2: not JSON"},
		{"no-text", "stdin:3", "error", `input line 3: no "text", "text_base64" or "path"`},
		{"invalid-input/", "stdin:4", "error", `input line 4: no "doc_id" for the text`},
		{"missing/file", "missing/file.txt", "error", "read missing/file.txt: stat: no such file or directory"},
		{"invalid-input/", "stdin:6", "error", `input line 6: path "../outside.txt" is not a file below the root folder`},
		{"b64", "stdin:7", "error", `input line 7: "text_base64" is not standard base64`},
		{"invalid-input/", "stdin:8", "error", "input line 8: not a JSON object but a JSON array"},
		{"both", "stdin:9", "error", `input line 9: "path" and "text" or "text_base64" both given`},
		{"large", "large", "rejected", "document too large: 30000 bytes, limit 20000"},
		{"huge", "stdin:12", "rejected", "input line 12: line of 1100027 bytes is over the limit of 1088576"},
		{pipeline.DocID(good[1]), good[1], "ok", ""},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d documents rows, want %d:\n%v", len(got), len(want), got)
	}
	for i := range want {
		g, w := got[i], want[i]
		if !strings.HasPrefix(g.DocID, w.DocID) || g.Source != w.Source || g.Status != w.Status || !strings.HasPrefix(g.Error, w.Error) {
			t.Errorf("row %d: got %+v\nwant %+v", i, g, w)
		}
	}
	// The good documents' rows are the single run's.
	var wantEvents []string
	for _, line := range readLines(t, filepath.Join(single, "events.jsonl")) {
		for _, p := range good {
			if strings.Contains(line, fmt.Sprintf(`"doc_id":%q`, pipeline.DocID(p))) {
				wantEvents = append(wantEvents, line)
			}
		}
	}
	if diff := cmp.Diff(wantEvents, rows["events"]); diff != "" {
		t.Errorf("events of the good lines (-run +pipe)\n%s", diff)
	}
	if !strings.Contains(string(stderr), "document not processed") {
		t.Errorf("no warning on stderr for the bad lines:\n%s", stderr)
	}
}
