package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/arrow-go/v18/parquet/file"

	"communique/pipeline"
)

// checked is what validate learned about one output folder.
type checked struct {
	rows map[string]int64  // JSONL rows per table
	sums map[string]string // SHA-256 of each JSONL table
}

// validate checks the tables a run wrote to out: every JSONL line is one
// JSON object, the row counts agree with the run's statistics and with
// the number of documents in the corpus, every document is accounted for,
// and each Parquet table holds as many rows as its JSONL twin.
func validate(out, formats string, st runStats, docs int64) (checked, error) {
	c := checked{rows: map[string]int64{}, sums: map[string]string{}}
	jsonl := strings.Contains(formats, "jsonl")
	parquet := strings.Contains(formats, "parquet")
	var errs []error
	want := map[string]int64{"documents": st.Docs, "events": st.Events, "mentions": st.Mentions, "rejects": st.Rejects}
	if st.Docs != docs {
		errs = append(errs, fmt.Errorf("the run counted %d documents, the corpus has %d", st.Docs, docs))
	}
	if st.OK+st.Rejected+st.Errors != st.Docs {
		errs = append(errs, fmt.Errorf("ok %d + rejected %d + errors %d != %d documents", st.OK, st.Rejected, st.Errors, st.Docs))
	}
	for _, t := range pipeline.Tables {
		if jsonl {
			name := filepath.Join(out, t+".jsonl")
			n, ok, sum, err := scanJSONL(name, t == "documents")
			if err != nil {
				errs = append(errs, err)
				continue
			}
			c.rows[t], c.sums[t] = n, sum
			if n != want[t] {
				errs = append(errs, fmt.Errorf("%s: %d rows, the run reported %d", name, n, want[t]))
			}
			if t == "documents" && ok != st.OK {
				errs = append(errs, fmt.Errorf("%s: %d rows with status ok, the run reported %d", name, ok, st.OK))
			}
		}
		if parquet {
			name := filepath.Join(out, t+".parquet")
			r, err := file.OpenParquetFile(name, false)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
				continue
			}
			n := r.NumRows()
			r.Close()
			if n != want[t] {
				errs = append(errs, fmt.Errorf("%s: %d rows, the run reported %d", name, n, want[t]))
			}
		}
	}
	return c, errors.Join(errs...)
}

// scanJSONL checks that every line of name is a JSON object and returns
// the number of lines, of documents rows with status ok (when documents
// is set) and the SHA-256 of the file.
func scanJSONL(name string, documents bool) (rows, ok int64, sum string, err error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	sc := bufio.NewScanner(io.TeeReader(f, h))
	sc.Buffer(make([]byte, 1<<20), 256<<20)
	for sc.Scan() {
		rows++
		line := sc.Bytes()
		if len(line) == 0 || line[0] != '{' || !json.Valid(line) {
			return 0, 0, "", fmt.Errorf("%s:%d: not a JSON object", name, rows)
		}
		if documents {
			var d struct {
				Status string `json:"status"`
			}
			if err := json.Unmarshal(line, &d); err != nil {
				return 0, 0, "", fmt.Errorf("%s:%d: %w", name, rows, err)
			}
			if d.Status == pipeline.StatusOK {
				ok++
			}
		}
	}
	if err := sc.Err(); err != nil {
		return 0, 0, "", fmt.Errorf("%s: %w", name, err)
	}
	return rows, ok, hex.EncodeToString(h.Sum(nil)), nil
}

// same reports the tables whose JSONL differs between a and b.
func same(a, b checked) []string {
	var diff []string
	for _, t := range pipeline.Tables {
		if a.sums[t] != b.sums[t] {
			diff = append(diff, t)
		}
	}
	return diff
}

func readJSON(name string, v any) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// countDocs counts the documents of a corpus folder as communique reads
// them: regular files, hidden files and folders skipped.
func countDocs(dir string) (int64, int64, error) {
	paths, err := listDocs(dir, 0)
	if err != nil {
		return 0, 0, err
	}
	var size int64
	for _, p := range paths {
		fi, err := os.Stat(filepath.Join(dir, p))
		if err != nil {
			return 0, 0, err
		}
		size += fi.Size()
	}
	return int64(len(paths)), size, nil
}
