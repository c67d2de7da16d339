package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"communique/extractors"
)

// release is a short valid press release.
const release = "Minister visits Italy\n\nDate : 2018.10.05\n\nThe Minister of the Interior visited Italy from September 27 to October 2 and met the Italian Minister for Public Administration.\n"

func readRows(t *testing.T, path string) []map[string]any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []map[string]any
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var r map[string]any
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		rows = append(rows, r)
	}
	return rows
}

func gzipped(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// TestBrokenInputs runs over a folder of broken files mixed with good
// ones: every file gets exactly one documents row, with the status and
// reason it deserves, and the run completes.
func TestBrokenInputs(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	big := bytes.Repeat([]byte("word "), 4<<20) // 20 MiB, one line
	deep := filepath.Join(dir, strings.Repeat("d/", 40))
	files := map[string][]byte{
		"good.txt":      []byte(release),
		"empty.txt":     {},
		"blank.txt":     []byte("  \n\n\t \n"),
		"random.bin":    random,
		"image.png":     append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), random[:200]...),
		"archive.zip":   append([]byte("PK\x03\x04"), random[:300]...),
		"compressed.gz": gzipped(release),
		"table.parquet": append(append([]byte("PAR1"), random[:300]...), []byte("PAR1")...),
		// UTF-8 text (curly quotes, Türkiye) with a truncated sequence.
		"invalid-utf8.txt":  []byte(strings.Replace(release, "Italy", "Italy and Türkiye’s \xe2\x80 capital", 1)),
		"one-line-20MB.txt": big,
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(deep, "nested.txt"), []byte(release), 0o644); err != nil {
		t.Fatal(err)
	}
	// A symlink loop and a link to a folder: not followed, reported.
	os.Symlink("loop-b", filepath.Join(dir, "loop-a"))
	os.Symlink("loop-a", filepath.Join(dir, "loop-b"))
	os.Symlink(filepath.Join(dir, "d"), filepath.Join(dir, "dir-link"))
	// Files that must never be opened for reading: a named pipe (an open
	// waits for a writer that never comes), a link to a device, a socket.
	// And a sparse file of 10 GB: rejected from its size, never read.
	special := mkSpecialFiles(t, dir)

	out := t.TempDir()
	st, err := runWithin(t, time.Minute, Config{
		Input: os.DirFS(dir), InputDir: dir, Out: out, Formats: []string{"jsonl", "parquet"},
		Workers: 2, Processor: &Processor{},
	})
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	rows := readRows(t, filepath.Join(out, "documents.jsonl"))
	byID := map[string]map[string]any{}
	for _, r := range rows {
		id := r["doc_id"].(string)
		if _, dup := byID[id]; dup {
			t.Errorf("%s: more than one documents row", id)
		}
		byID[id] = r
	}
	want := map[string]string{ // doc_id -> status
		"good": "ok", "empty": "rejected", "blank": "rejected", "random": "rejected",
		"image": "rejected", "archive": "rejected", "compressed": "rejected", "table": "rejected",
		"invalid-utf8": "ok", "one-line-20MB": "rejected",
		strings.Repeat("d/", 40) + "nested": "ok",
		"loop-a":                            "error", "loop-b": "error", "dir-link": "error",
	}
	for id, status := range special {
		want[id] = status
	}
	if len(rows) != len(want) || st.Docs != int64(len(want)) {
		t.Errorf("got %d rows (stats %d), want %d", len(rows), st.Docs, len(want))
	}
	for id, status := range want {
		r, ok := byID[id]
		if !ok {
			t.Errorf("%s: no documents row", id)
			continue
		}
		if r["status"] != status {
			t.Errorf("%s: status %v, want %s (error %v)", id, r["status"], status, r["error"])
		}
		if status != "ok" && (r["error"] == nil || r["error"] == "") {
			t.Errorf("%s: %s without a reason", id, status)
		}
		if status == "ok" && r["error"] != nil {
			t.Errorf("%s: ok with error %v", id, r["error"])
		}
		tooLarge := id == "one-line-20MB" || id == "sparse-10GB"
		if r["sha256"] == "" && status != "error" && !tooLarge {
			t.Errorf("%s: no sha256", id)
		}
		if tooLarge && (r["sha256"] != "" || !strings.Contains(r["error"].(string), "no sha256")) {
			t.Errorf("%s: sha256 %q, error %q; want none taken, and the reason saying so", id, r["sha256"], r["error"])
		}
		if strings.Contains(special[id], "error") && !strings.Contains(r["error"].(string), "not a regular file") {
			t.Errorf("%s: error %q, want it to say it is not a regular file", id, r["error"])
		}
	}
	if g := byID["sparse-10GB"]; g != nil && g["bytes"].(float64) != 10<<30 {
		t.Errorf("sparse-10GB: bytes %v, want %d", g["bytes"], 10<<30)
	}
	if g := byID["invalid-utf8"]; g != nil && g["garbled_chars"].(float64) == 0 {
		t.Errorf("invalid-utf8: the undecodable bytes were not counted in garbled_chars")
	}
	if g := byID["one-line-20MB"]; g != nil && g["bytes"].(float64) != float64(len(big)) {
		t.Errorf("one-line-20MB: bytes %v, want %d", g["bytes"], len(big))
	}
}

// mkSpecialFiles makes, in dir, a named pipe, a link to a character
// device, a socket and a sparse file of 10 GB, and returns the statuses
// their documents rows must have, by doc_id. What the platform cannot
// make is left out.
func mkSpecialFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	want := map[string]string{}
	if err := mkfifo(filepath.Join(dir, "fifo.txt")); err == nil {
		want["fifo"] = "error"
	} else {
		t.Logf("no named pipe: %v", err)
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		if err := os.Symlink("/dev/zero", filepath.Join(dir, "device.txt")); err == nil {
			want["device"] = "error"
		}
	}
	if l, err := net.Listen("unix", filepath.Join(dir, "socket.txt")); err == nil {
		t.Cleanup(func() { l.Close() })
		want["socket"] = "error"
	} else {
		t.Logf("no socket: %v", err)
	}
	f, err := os.Create(filepath.Join(dir, "sparse-10GB.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(10 << 30); err == nil {
		want["sparse-10GB"] = "rejected"
	} else {
		t.Logf("no sparse file: %v", err)
	}
	f.Close()
	return want
}

// runWithin runs Run and fails the test when it has not returned within
// d: a run that blocks (on a named pipe, say) must not hang the tests.
func runWithin(t *testing.T, d time.Duration, cfg Config) (Stats, error) {
	t.Helper()
	type ret struct {
		st  Stats
		err error
	}
	done := make(chan ret, 1)
	go func() {
		st, err := Run(context.Background(), cfg)
		done <- ret{st, err}
	}()
	select {
	case r := <-done:
		return r.st, r.err
	case <-time.After(d):
		t.Fatalf("the run did not end within %s", d)
	}
	return Stats{}, nil
}

// faultyFS wraps an fs.FS and fails Open for some names, as a file that
// cannot be read or that vanished between listing and reading does.
type faultyFS struct {
	fs.FS
	fail map[string]error
}

func (f faultyFS) Open(name string) (fs.File, error) {
	if err, ok := f.fail[name]; ok {
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return f.FS.Open(name)
}

// TestUnreadableAndVanished checks files that fail to open get an error
// row and the run goes on.
func TestUnreadableAndVanished(t *testing.T) {
	m := fstest.MapFS{
		"a.txt":          {Data: []byte(release)},
		"unreadable.txt": {Data: []byte(release)},
		"vanished.txt":   {Data: []byte(release)},
		"z.txt":          {Data: []byte(release)},
	}
	fsys := faultyFS{m, map[string]error{"unreadable.txt": fs.ErrPermission, "vanished.txt": fs.ErrNotExist}}
	out := t.TempDir()
	if _, err := Run(context.Background(), Config{Input: fsys, Out: out, Formats: []string{"jsonl"}, Workers: 2, Processor: &Processor{}}); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range readRows(t, filepath.Join(out, "documents.jsonl")) {
		got[r["doc_id"].(string)] = r["status"].(string)
		if r["status"] == "error" && !strings.Contains(r["error"].(string), "open") {
			t.Errorf("%s: reason %q does not say what failed", r["doc_id"], r["error"])
		}
	}
	want := map[string]string{"a": "ok", "unreadable": "error", "vanished": "error", "z": "ok"}
	for id, s := range want {
		if got[id] != s {
			t.Errorf("%s: status %q, want %q", id, got[id], s)
		}
	}
}

// blockingFS blocks Open of one file until released, so a test can
// interrupt a run while it is in flight.
type blockingFS struct {
	fs.FS
	name    string
	reached chan struct{}
	release chan struct{}
	once    sync.Once
}

func (b *blockingFS) Open(name string) (fs.File, error) {
	if name == b.name {
		b.once.Do(func() { close(b.reached) })
		<-b.release
	}
	return b.FS.Open(name)
}

// TestInterruptLeavesNoTable cancels a run midway: Run returns the
// cancellation, and OUT holds neither a table that looks complete nor a
// temporary file.
func TestInterruptLeavesNoTable(t *testing.T) {
	m := fstest.MapFS{}
	for i := range 50 {
		m[filepath.Join("docs", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".txt")] = &fstest.MapFile{Data: []byte(release)}
	}
	bf := &blockingFS{FS: m, name: "docs/k.txt", reached: make(chan struct{}), release: make(chan struct{})}
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := Run(ctx, Config{Input: bf, Out: out, Workers: 2, Processor: &Processor{}})
		done <- err
	}()
	select {
	case <-bf.reached:
	case <-time.After(10 * time.Second):
		t.Fatal("the run never reached the blocking file")
	}
	cancel()
	close(bf.release)
	waitCanceled(t, done, "the run")
	checkEmpty(t, out)
}

// waitCanceled waits for what returns its error on done after its context
// was cancelled: it must return, soon, and say it was cancelled.
func waitCanceled(t *testing.T, done <-chan error, what string) {
	t.Helper()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("%s returned %v, want context.Canceled", what, err)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("%s did not return after cancellation", what)
	}
}

// checkEmpty checks that a cancelled run left nothing in OUT.
func checkEmpty(t *testing.T, out string) {
	t.Helper()
	left, _ := os.ReadDir(out)
	for _, e := range left {
		t.Errorf("a cancelled run left %s in OUT", e.Name())
	}
}

// TestRerunIdentical runs twice into the same OUT: the tables are
// replaced, byte for byte the same.
func TestRerunIdentical(t *testing.T) {
	m := fstest.MapFS{"a.txt": {Data: []byte(release)}, "b/c.txt": {Data: []byte(release)}, "e.txt": {}}
	out := t.TempDir()
	run := func() map[string][]byte {
		if _, err := Run(context.Background(), Config{Input: m, Out: out, Workers: 2, Processor: &Processor{}}); err != nil {
			t.Fatal(err)
		}
		got := map[string][]byte{}
		for _, table := range Tables {
			b, err := os.ReadFile(filepath.Join(out, table+".jsonl"))
			if err != nil {
				t.Fatal(err)
			}
			got[table] = b
		}
		return got
	}
	first, second := run(), run()
	for _, table := range Tables {
		if !bytes.Equal(first[table], second[table]) {
			t.Errorf("%s.jsonl differs between two runs", table)
		}
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 2*len(Tables) {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("OUT holds %v, want the %d tables in two formats only", names, len(Tables))
	}
}

// panicky is an extractor that panics on one document.
type panicky struct{ on string }

func (p panicky) Extract(d *extractors.Doc) []extractors.Mention {
	if d.ID == p.on {
		var m map[string]int
		//lint:ignore SA5000 the runtime panic is the point
		m["boom"]++
	}
	return nil
}

// TestPanicRecovered checks that a panic inside one document's extraction
// becomes that document's error row, and the other documents go on.
func TestPanicRecovered(t *testing.T) {
	m := fstest.MapFS{"a.txt": {Data: []byte(release)}, "b.txt": {Data: []byte(release)}, "c.txt": {Data: []byte(release)}}
	out := t.TempDir()
	st, err := Run(context.Background(), Config{Input: m, Out: out, Formats: []string{"jsonl"}, Workers: 2,
		Processor: &Processor{Stack: extractors.Stack{Entities: []extractors.Extractor{panicky{on: "b"}}}}})
	if err != nil {
		t.Fatal(err)
	}
	if st.Docs != 3 || st.OK != 2 || st.Errors != 1 {
		t.Errorf("stats: %d docs, %d ok, %d errors; want 3, 2, 1", st.Docs, st.OK, st.Errors)
	}
	for _, r := range readRows(t, filepath.Join(out, "documents.jsonl")) {
		if r["doc_id"] == "b" {
			if r["status"] != "error" || !strings.Contains(r["error"].(string), "panic") {
				t.Errorf("b: status %v, error %v; want an error row naming the panic", r["status"], r["error"])
			}
		} else if r["status"] != "ok" {
			t.Errorf("%s: status %v, want ok", r["doc_id"], r["status"])
		}
	}
}

// TestOrderAndIDs checks rows come in doc_id order whatever the listing
// order, and files that differ only in their extension keep distinct ids.
func TestOrderAndIDs(t *testing.T) {
	m := fstest.MapFS{"a-b.txt": {Data: []byte(release)}, "a.txt": {Data: []byte(release)},
		"a.html": {Data: []byte("<p>" + release + "</p>")}, "b/c.txt": {Data: []byte(release)}}
	out := t.TempDir()
	if _, err := Run(context.Background(), Config{Input: m, Out: out, Formats: []string{"jsonl"}, Workers: 3, Processor: &Processor{}}); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range readRows(t, filepath.Join(out, "documents.jsonl")) {
		got = append(got, r["doc_id"].(string)+" "+r["source"].(string))
	}
	want := []string{"a a.html", "a-b a-b.txt", "a.txt a.txt", "b/c b/c.txt"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("documents in order %q, want %q", got, want)
	}
}

// TestOutInsideIn runs twice with OUT inside the input folder: the second
// run does not read the first one's tables as documents.
func TestOutInsideIn(t *testing.T) {
	newIn := func() string {
		in := t.TempDir()
		for _, name := range []string{"a.txt", "b/c.txt"} {
			os.MkdirAll(filepath.Join(in, filepath.Dir(name)), 0o755)
			os.WriteFile(filepath.Join(in, name), []byte(release), 0o644)
		}
		return in
	}
	for _, rel := range []string{"out", "b/results"} {
		in := newIn()
		out := filepath.Join(in, rel)
		for range 2 {
			st, err := Run(context.Background(), Config{Input: os.DirFS(in), InputDir: in, Out: out, Workers: 2, Processor: &Processor{}})
			if err != nil {
				t.Fatal(err)
			}
			if st.Docs != 2 {
				t.Errorf("OUT %s: %d documents, want 2 (the output read as input?)", rel, st.Docs)
			}
		}
	}
	// Through a link to the input folder, too.
	in := newIn()
	link := filepath.Join(t.TempDir(), "in")
	if err := os.Symlink(in, link); err != nil {
		t.Skip(err)
	}
	for range 2 {
		st, err := Run(context.Background(), Config{Input: os.DirFS(link), InputDir: link, Out: filepath.Join(in, "out"), Workers: 2, Processor: &Processor{}})
		if err != nil {
			t.Fatal(err)
		}
		if st.Docs != 2 {
			t.Errorf("through a link: %d documents, want 2", st.Docs)
		}
	}
}

// TestManifestSpecialFiles lists, in a manifest, a named pipe, a sparse
// file over the limit and a good file: the run ends, the pipe is never
// opened, the sparse file never read.
func TestManifestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte(release), 0o644)
	special := mkSpecialFiles(t, dir)
	manifest := []string{"good.txt"}
	for id := range special {
		manifest = append(manifest, id+".txt")
	}
	out := t.TempDir()
	if _, err := runWithin(t, time.Minute, Config{Input: os.DirFS(dir), InputDir: dir, Manifest: manifest, Out: out, Formats: []string{"jsonl"}, Workers: 2, Processor: &Processor{}}); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range readRows(t, filepath.Join(out, "documents.jsonl")) {
		got[r["doc_id"].(string)] = r["status"].(string)
	}
	special["good"] = "ok"
	for id, status := range special {
		if got[id] != status {
			t.Errorf("%s: status %q, want %q", id, got[id], status)
		}
	}
}
