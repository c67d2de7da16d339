package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"communique/extractors"
)

// lineMentions is a stand-in extractor: one place mention per non-blank
// line, so that a document has rows beyond its documents row.
type lineMentions struct{}

func (lineMentions) Extract(d *extractors.Doc) []extractors.Mention {
	var ms []extractors.Mention
	start := 0
	for line := range strings.SplitAfterSeq(d.Text, "\n") {
		text := strings.TrimRight(line, "\n")
		if strings.TrimSpace(text) != "" {
			ms = append(ms, extractors.Mention{Kind: extractors.KindPlace, Span: extractors.Span{Start: start, End: start + len(text)}, Text: text})
		}
		start += len(line)
	}
	return ms
}

func testProcessor() *Processor {
	return &Processor{Stack: extractors.Stack{Entities: []extractors.Extractor{lineMentions{}}}}
}

// pipeRecords splits Pipe's output into records, failing the test on a
// line that is not a record of exactly one table.
func pipeRecords(t *testing.T, out []byte) []PipeRecord {
	t.Helper()
	var recs []PipeRecord
	for n, line := range bytes.Split(bytes.TrimSuffix(out, []byte("\n")), []byte("\n")) {
		if len(out) == 0 {
			break
		}
		var r PipeRecord
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("output line %d is not a record: %v\n%s", n+1, err, line)
		}
		set := 0
		for _, p := range []bool{r.Documents != nil, r.Events != nil, r.Mentions != nil, r.Rejects != nil} {
			if p {
				set++
			}
		}
		var key map[string]json.RawMessage
		json.Unmarshal(line, &key)
		if set != 1 || len(key) != 2 || key[r.Table] == nil {
			t.Fatalf("output line %d: want a table tag and that table's row only\n%s", n+1, line)
		}
		recs = append(recs, r)
	}
	return recs
}

func runPipe(t *testing.T, cfg PipeConfig, input string) []byte {
	t.Helper()
	var out bytes.Buffer
	if _, err := Pipe(context.Background(), cfg, strings.NewReader(input), &out); err != nil {
		t.Fatalf("Pipe: %v", err)
	}
	return out.Bytes()
}

func testRoot() fstest.MapFS {
	return fstest.MapFS{
		"a.txt":          {Data: []byte("Seoul\nBusan\n")},
		"sub/b.html":     {Data: []byte("<html><body><p>Rome</p></body></html>")},
		"sub/empty.txt":  {Data: nil},
		"big.txt":        {Data: bytes.Repeat([]byte("word "), 100)},
		"dir/inside.txt": {Data: []byte("x")},
	}
}

// writeTree writes the files of fsys into a new temporary folder and
// returns it.
func writeTree(t *testing.T, fsys fstest.MapFS) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// openTestRoot writes testRoot into a temporary folder and opens it as
// Pipe's root.
func openTestRoot(t *testing.T) (*os.Root, string) {
	t.Helper()
	dir := writeTree(t, testRoot())
	r, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r, dir
}

// TestPipeLines runs one line of each kind, good and bad, through one
// Pipe and checks the documents row each gives and its mention count: every
// line gives exactly one documents row, in input order, whatever is wrong
// with it.
func TestPipeLines(t *testing.T) {
	root, rootDir := openTestRoot(t)
	// Links that lead out of the root, one that stays inside, and a named
	// pipe, which must not be opened.
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("Secret\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for link, target := range map[string]string{"out-abs.txt": outside, "out-rel.txt": "../" + filepath.Base(filepath.Dir(outside)) + "/secret.txt", "in.txt": "a.txt", "sub/up.txt": "../a.txt"} {
		if err := os.Symlink(target, filepath.Join(rootDir, link)); err != nil {
			t.Fatal(err)
		}
	}
	fifo := mkfifo(filepath.Join(rootDir, "fifo.txt")) == nil
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	utf16 := string([]byte{0xff, 0xfe, 'O', 0, 's', 0, 'l', 0, 'o', 0, '\n', 0})
	type pipeCase struct {
		name, line string
		docID      string // "" for the digest id of a line that names none
		source     string
		status     string
		err        string // substring of the reason
		mentions   int
	}
	tests := []pipeCase{
		{"text", `{"doc_id":"t1","text":"Seoul\nBusan"}`, "t1", "t1", StatusOK, "", 2},
		{"text with source", `{"doc_id":"t2","source":"x/t2.txt","text":"Lima"}`, "t2", "x/t2.txt", StatusOK, "", 1},
		{"extra fields ignored", `{"doc_id":"t3","text":"Lima","lang":"en","n":3}`, "t3", "t3", StatusOK, "", 1},
		{"crlf line end", "{\"doc_id\":\"t4\",\"text\":\"Oslo\"}\r", "t4", "t4", StatusOK, "", 1},
		{"base64", `{"doc_id":"b1","text_base64":"` + b64("Kyiv\nOdesa\n") + `"}`, "b1", "b1", StatusOK, "", 2},
		{"base64 utf-16", `{"doc_id":"b2","text_base64":"` + b64(utf16) + `"}`, "b2", "b2", StatusOK, "", 1},
		{"path", `{"path":"a.txt"}`, "a", "a.txt", StatusOK, "", 2},
		{"path in folder", `{"path":"sub/b.html"}`, "sub/b", "sub/b.html", StatusOK, "", 1},
		{"path absolute below root", `{"path":"` + rootDir + `/a.txt"}`, "a", "a.txt", StatusOK, "", 2},
		{"path unclean", `{"path":"sub/../a.txt"}`, "a", "a.txt", StatusOK, "", 2},
		{"path with doc_id", `{"path":"a.txt","doc_id":"mine"}`, "mine", "a.txt", StatusOK, "", 2},
		{"empty text", `{"doc_id":"e1","text":""}`, "e1", "e1", StatusRejected, "empty", 0},
		{"empty file", `{"path":"sub/empty.txt"}`, "sub/empty", "sub/empty.txt", StatusRejected, "empty", 0},
		{"text too large", `{"doc_id":"e2","text":"` + strings.Repeat("x", 300) + `"}`, "e2", "e2", StatusRejected, "document too large: 300 bytes, limit 256", 0},
		{"file too large", `{"path":"big.txt"}`, "big", "big.txt", StatusRejected, "document too large: 500 bytes, limit 256", 0},
		{"line too long", `{"doc_id":"long","text":"` + strings.Repeat("y", 2000) + `"}`, "long", "stdin:", StatusRejected, "line of 2027 bytes is over the limit of 1024", 0},
		{"line too long, no id", `["` + strings.Repeat("y", 2000) + `"]`, "", "stdin:", StatusRejected, "over the limit", 0},
		{"not JSON", `doc_id=x text=y`, "", "stdin:", StatusError, "not JSON", 0},
		{"truncated JSON", `{"doc_id":"cut","text":"abc`, "cut", "stdin:", StatusError, "not JSON", 0},
		{"JSON array", `["a","b"]`, "", "stdin:", StatusError, "not a JSON object but a JSON array", 0},
		{"JSON string", `"hello"`, "", "stdin:", StatusError, "not a JSON object but a JSON string", 0},
		{"JSON null", `null`, "", "stdin:", StatusError, `no "text", "text_base64" or "path"`, 0},
		{"empty object", `{}`, "", "stdin:", StatusError, `no "text", "text_base64" or "path"`, 0},
		{"no doc_id", `{"text":"Seoul"}`, "", "stdin:", StatusError, `no "doc_id" for the text`, 0},
		{"empty doc_id", `{"doc_id":"","text":"Seoul"}`, "", "stdin:", StatusError, `empty "doc_id"`, 0},
		{"doc_id with a NUL", `{"doc_id":"a\u0000visit","text":"Seoul"}`, "", "stdin:", StatusError, `"doc_id" holds a control character`, 0},
		{"doc_id not a string", `{"doc_id":7,"text":"Seoul"}`, "", "stdin:", StatusError, `"doc_id" is a JSON number, want a string`, 0},
		{"text not a string", `{"doc_id":"n1","text":["Seoul"]}`, "n1", "stdin:", StatusError, `"text" is a JSON array, want a string`, 0},
		{"no text", `{"doc_id":"n2"}`, "n2", "stdin:", StatusError, `no "text", "text_base64" or "path"`, 0},
		{"text and path", `{"doc_id":"n3","text":"a","path":"a.txt"}`, "n3", "stdin:", StatusError, `"path" and "text" or "text_base64" both given`, 0},
		{"text and base64", `{"doc_id":"n4","text":"a","text_base64":"YQ=="}`, "n4", "stdin:", StatusError, `"text" and "text_base64" both given`, 0},
		{"bad base64", `{"doc_id":"n5","text_base64":"not base64!"}`, "n5", "stdin:", StatusError, `"text_base64" is not standard base64`, 0},
		{"missing file", `{"path":"nope.txt"}`, "nope", "nope.txt", StatusError, "read nope.txt: stat: no such file", 0},
		{"directory", `{"path":"dir"}`, "dir", "dir", StatusError, "is a directory", 0},
		{"path outside root", `{"path":"../etc/passwd"}`, "", "stdin:", StatusError, "not a file below the root folder", 0},
		{"absolute path outside root", `{"path":"/etc/passwd"}`, "", "stdin:", StatusError, "not a file below the root folder", 0},
		{"empty path", `{"path":""}`, "", "stdin:", StatusError, `empty "path"`, 0},
		{"link out of the root, absolute", `{"path":"out-abs.txt"}`, "out-abs", "out-abs.txt", StatusError, "escapes", 0},
		{"link out of the root, relative", `{"path":"out-rel.txt"}`, "out-rel", "out-rel.txt", StatusError, "escapes", 0},
		{"link inside the root", `{"path":"in.txt"}`, "in", "in.txt", StatusOK, "", 2},
		{"link up, inside the root", `{"path":"sub/up.txt"}`, "sub/up", "sub/up.txt", StatusOK, "", 2},
		{"good after bad", `{"doc_id":"last","text":"Quito"}`, "last", "last", StatusOK, "", 1},
	}
	if fifo {
		tests = append(tests[:len(tests)-1:len(tests)-1], pipeCase{"named pipe", `{"path":"fifo.txt"}`, "fifo", "fifo.txt", StatusError, "not a regular file (named pipe); not opened", 0}, tests[len(tests)-1])
	}
	var input strings.Builder
	for i, tt := range tests {
		input.WriteString(tt.line)
		input.WriteString("\n")
		if i%5 == 0 {
			input.WriteString("  \n") // blank lines give no rows
		}
	}
	cfg := PipeConfig{Root: root, RootDir: rootDir, Workers: 4, MaxBytes: 256, MaxLineBytes: 1024, Processor: testProcessor()}
	recs := pipeRecords(t, runPipe(t, cfg, input.String()))

	var docs [][]PipeRecord // the records of each document
	for _, r := range recs {
		if r.Documents != nil {
			docs = append(docs, nil)
		}
		if len(docs) == 0 {
			t.Fatalf("the first record is a %s row, not a documents row", r.Table)
		}
		docs[len(docs)-1] = append(docs[len(docs)-1], r)
	}
	if len(docs) != len(tests) {
		t.Fatalf("got %d documents rows for %d lines", len(docs), len(tests))
	}
	for i, tt := range tests {
		d := docs[i][0].Documents
		docID := tt.docID
		if docID == "" {
			docID = "invalid-input/"
		}
		idOK := d.DocID == docID || tt.docID == "" && strings.HasPrefix(d.DocID, docID) && len(d.DocID) == len(docID)+16
		if !idOK || !strings.HasPrefix(d.Source, tt.source) || d.Status != tt.status {
			t.Errorf("%s: got doc_id %q, source %q, status %s; want %q, %q, %s", tt.name, d.DocID, d.Source, d.Status, tt.docID, tt.source, tt.status)
		}
		if tt.err == "" && d.Error != nil {
			t.Errorf("%s: unexpected error %q", tt.name, *d.Error)
		}
		if tt.err != "" && (d.Error == nil || !strings.Contains(*d.Error, tt.err)) {
			t.Errorf("%s: got error %q, want it to contain %q", tt.name, deref(d.Error), tt.err)
		}
		if got := len(docs[i]) - 1; got != tt.mentions {
			t.Errorf("%s: got %d mention rows, want %d", tt.name, got, tt.mentions)
		}
		for _, r := range docs[i][1:] {
			if r.Mentions == nil || r.Mentions.DocID != d.DocID {
				t.Errorf("%s: a %s row of another document among its rows", tt.name, r.Table)
			}
		}
	}
}

// TestPipeInvalidID checks that a line naming no document gets an id and
// a digest from the line itself: the same line, the same row.
func TestPipeInvalidID(t *testing.T) {
	cfg := PipeConfig{Workers: 2, Processor: testProcessor()}
	recs := pipeRecords(t, runPipe(t, cfg, "garbage\nother\ngarbage\n"))
	a, b, c := recs[0].Documents, recs[1].Documents, recs[2].Documents
	if a.DocID != c.DocID || a.SHA256 != c.SHA256 || a.DocID == b.DocID {
		t.Errorf("doc_ids %q %q %q: want the first and last alike, the middle one different", a.DocID, b.DocID, c.DocID)
	}
	if a.Source != "stdin:1" || c.Source != "stdin:3" || a.Bytes != 7 {
		t.Errorf("got source %q, %q and bytes %d; want stdin:1, stdin:3 and 7", a.Source, c.Source, a.Bytes)
	}
	// No root: path lines are refused.
	recs = pipeRecords(t, runPipe(t, cfg, `{"path":"a.txt"}`))
	if d := recs[0].Documents; d.Status != StatusError || !strings.Contains(deref(d.Error), "no root folder") {
		t.Errorf("path without root: got %s %q", d.Status, deref(d.Error))
	}
}

// manyDocs returns n input lines whose documents vary in size, so that
// workers finish them out of order.
func manyDocs(n int) string {
	var b strings.Builder
	for i := range n {
		text := strings.Repeat(fmt.Sprintf("City %d\n", i), 1+(i*7919)%50)
		line, _ := json.Marshal(map[string]string{"doc_id": fmt.Sprintf("d%04d", i), "text": text})
		b.Write(line)
		b.WriteByte('\n')
		if i%17 == 3 {
			b.WriteString("not json\n")
		}
	}
	return b.String()
}

// TestPipeDeterministic checks that the output does not depend on the
// number of workers.
func TestPipeDeterministic(t *testing.T) {
	input := manyDocs(300)
	want := runPipe(t, PipeConfig{Workers: 1, Processor: testProcessor()}, input)
	for _, w := range []int{2, 8} {
		got := runPipe(t, PipeConfig{Workers: w, Processor: testProcessor()}, input)
		if !bytes.Equal(got, want) {
			t.Errorf("%d workers: output differs from 1 worker's", w)
		}
	}
	if n := len(pipeRecords(t, want)); n < 300 {
		t.Errorf("got %d records, want more than 300", n)
	}
}

// TestPipeSameAsRun checks that path lines give the rows Run writes for the
// same files, byte for byte.
func TestPipeSameAsRun(t *testing.T) {
	root, _ := openTestRoot(t)
	out := t.TempDir()
	if _, err := Run(context.Background(), Config{Input: testRoot(), Out: out, Formats: []string{"jsonl"}, Workers: 2, MaxBytes: 256, Processor: testProcessor()}); err != nil {
		t.Fatal(err)
	}
	var input strings.Builder
	for _, p := range []string{"a.txt", "big.txt", "dir/inside.txt", "sub/b.html", "sub/empty.txt"} { // Run's walk order
		fmt.Fprintf(&input, "{\"path\":%q}\n", p)
	}
	got := map[string]string{}
	for line := range strings.SplitSeq(strings.TrimSuffix(string(runPipe(t, PipeConfig{Root: root, Workers: 3, MaxBytes: 256, Processor: testProcessor()}, input.String())), "\n"), "\n") {
		var r struct{ Table string }
		json.Unmarshal([]byte(line), &r)
		prefix := `{"table":"` + r.Table + `","` + r.Table + `":`
		if !strings.HasPrefix(line, prefix) || !strings.HasSuffix(line, "}") {
			t.Fatalf("record not in the documented form: %s", line)
		}
		got[r.Table] += strings.TrimSuffix(strings.TrimPrefix(line, prefix), "}") + "\n"
	}
	for _, table := range Tables {
		want, err := os.ReadFile(filepath.Join(out, table+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got[table], "\n")); diff != "" {
			t.Errorf("%s: pipe rows differ from run's (-run +pipe)\n%s", table, diff)
		}
	}
}

// TestPipeFlushes checks that a document's rows are written as soon as it
// is processed, before the next line arrives.
func TestPipeFlushes(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		_, err := Pipe(context.Background(), PipeConfig{Workers: 2, Processor: testProcessor()}, inR, outW)
		outW.CloseWithError(err)
		done <- err
	}()
	br := bufio.NewReader(outR)
	for i := range 3 {
		fmt.Fprintf(inW, "{\"doc_id\":\"d%d\",\"text\":\"Lima\"}\n", i)
		got := make(chan string, 1)
		go func() { l, _ := br.ReadString('\n'); got <- l }()
		select {
		case l := <-got:
			if !strings.Contains(l, fmt.Sprintf(`"doc_id":"d%d"`, i)) {
				t.Fatalf("document %d: got %s", i, l)
			}
			if l, _ := br.ReadString('\n'); !strings.HasPrefix(l, `{"table":"mentions"`) {
				t.Fatalf("document %d: got %s, want its mention", i, l)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("document %d: no output while the input stays open", i)
		}
	}
	inW.Close()
	if rest, _ := io.ReadAll(br); len(rest) != 0 {
		t.Errorf("unexpected output at the end: %s", rest)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n--; w.n < 0 {
		return 0, errors.New("broken pipe")
	}
	return len(p), nil
}

// TestPipeFailures checks that failures of the stream itself end Pipe with
// an error, and do not hang it.
func TestPipeFailures(t *testing.T) {
	cfg := PipeConfig{Workers: 2, Processor: testProcessor()}
	t.Run("write", func(t *testing.T) {
		_, err := Pipe(context.Background(), cfg, strings.NewReader(manyDocs(200)), &failWriter{n: 3})
		if err == nil || !strings.Contains(err.Error(), "broken pipe") {
			t.Errorf("got %v, want the write error", err)
		}
	})
	t.Run("read", func(t *testing.T) {
		r := io.MultiReader(strings.NewReader(manyDocs(5)), iotestErrReader{})
		var out bytes.Buffer
		st, err := Pipe(context.Background(), cfg, r, &out)
		if err == nil || !strings.Contains(err.Error(), "disk on fire") {
			t.Errorf("got %v, want the read error", err)
		}
		if st.Docs != 6 { // 5 and a bad line
			t.Errorf("wrote %d documents before the error, want 6", st.Docs)
		}
	})
	t.Run("cancel", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		inR, inW := io.Pipe() // never closed: the read blocks
		defer inW.Close()
		done := make(chan error, 1)
		go func() {
			_, err := Pipe(ctx, cfg, inR, io.Discard)
			done <- err
		}()
		fmt.Fprintln(inW, `{"doc_id":"a","text":"Lima"}`)
		cancel()
		waitCanceled(t, done, "Pipe")
	})
}

type iotestErrReader struct{}

func (iotestErrReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// TestLineReader checks line splitting at the edges: line ends, a last
// line without one, and lines at and over the limit.
func TestLineReader(t *testing.T) {
	long := strings.Repeat("z", 70_000) // over bufio's buffer
	tests := []struct {
		name, in string
		max      int64
		want     []string // "!" prefix: too long, with its size
	}{
		{"lf", "a\nb\n", 10, []string{"a", "b"}},
		{"crlf", "a\r\nb\r\n", 10, []string{"a", "b"}},
		{"no last line end", "a\nb", 10, []string{"a", "b"}},
		{"empty", "", 10, nil},
		{"blank lines", "\n\n", 10, []string{"", ""}},
		{"at the limit", "12345\n", 5, []string{"12345"}},
		{"over the limit", "123456\nok\n", 5, []string{"!6", "ok"}},
		{"over the limit, crlf", "123456\r\nok\n", 5, []string{"!6", "ok"}},
		{"far over the limit, crlf", "123456789\r\nok\n", 5, []string{"!9", "ok"}},
		{"over, no line end", "123456", 5, []string{"!6"}},
		{"long line", long + "\nok", 80_000, []string{long, "ok"}},
		{"long line over", long + "\r\nok", 1000, []string{"!70000", "ok"}},
	}
	for _, tt := range tests {
		lr := newLineReader(strings.NewReader(tt.in), tt.max)
		var got []string
		for {
			l, err := lr.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if l.tooLong {
				if int64(len(l.data)) > tt.max || len(l.sum) != 64 {
					t.Errorf("%s: too long line keeps %d bytes, sum %q", tt.name, len(l.data), l.sum)
				}
				got = append(got, fmt.Sprintf("!%d", l.size))
			} else {
				got = append(got, string(l.data))
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: (-want +got)\n%s", tt.name, diff)
		}
	}
}
