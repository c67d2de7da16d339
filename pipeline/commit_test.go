package pipeline

import (
	"communique/extractors"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// faultOps are the operating system's file calls, counted, with a failure
// injected: at one step (failAt), at every step from one on (failFrom: a
// failure that a roll back meets too), or once the files written hold
// diskBytes bytes (a full disk). Steps are the calls of fileOps and the
// Write, Sync and Close calls of the files it creates.
type faultOps struct {
	mu        sync.Mutex
	steps     int
	failAt    int   // 0: none
	failFrom  int   // 0: none
	diskBytes int64 // < 0: no limit
	written   int64
	failed    []string
}

func newFaultOps() *faultOps { return &faultOps{diskBytes: -1} }

func (f *faultOps) step(what string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.steps++
	if f.steps == f.failAt || f.failFrom > 0 && f.steps >= f.failFrom {
		f.failed = append(f.failed, what)
		return fmt.Errorf("injected failure at step %d, %s: %w", f.steps, what, syscall.EIO)
	}
	return nil
}

func (f *faultOps) CreateTemp(dir, pattern string) (outFile, error) {
	if err := f.step("create " + pattern); err != nil {
		return nil, err
	}
	of, err := osOps.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &faultFile{of, f}, nil
}

func (f *faultOps) Rename(a, b string) error {
	if err := f.step("rename " + filepath.Base(a)); err != nil {
		return err
	}
	return osOps.Rename(a, b)
}

func (f *faultOps) Remove(name string) error {
	if err := f.step("remove " + filepath.Base(name)); err != nil {
		return err
	}
	return osOps.Remove(name)
}

func (f *faultOps) Link(a, b string) error {
	if err := f.step("link " + filepath.Base(a)); err != nil {
		return err
	}
	return osOps.Link(a, b)
}

func (f *faultOps) MkdirAll(p string, perm fs.FileMode) error {
	if err := f.step("mkdir " + filepath.Base(p)); err != nil {
		return err
	}
	return osOps.MkdirAll(p, perm)
}

func (f *faultOps) SyncDir(dir string) error {
	if err := f.step("sync dir " + filepath.Base(dir)); err != nil {
		return err
	}
	return osOps.SyncDir(dir)
}

type faultFile struct {
	outFile
	ops *faultOps
}

func (f *faultFile) Write(p []byte) (int, error) {
	if err := f.ops.step("write " + filepath.Base(f.Name())); err != nil {
		return 0, err
	}
	f.ops.mu.Lock()
	n := len(p)
	full := false
	if f.ops.diskBytes >= 0 && f.ops.written+int64(n) > f.ops.diskBytes {
		n, full = int(max(0, f.ops.diskBytes-f.ops.written)), true
	}
	f.ops.written += int64(n)
	f.ops.mu.Unlock()
	w, err := f.outFile.Write(p[:n])
	if err == nil && full {
		err = &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	return w, err
}

func (f *faultFile) Sync() error {
	if err := f.ops.step("sync " + filepath.Base(f.Name())); err != nil {
		return err
	}
	return f.outFile.Sync()
}

func (f *faultFile) Close() error {
	err := f.outFile.Close()
	if serr := f.ops.step("close " + filepath.Base(f.Name())); serr != nil {
		return serr
	}
	return err
}

// snapshot reads every file under dir, hidden ones included, by path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			if rel != "." {
				files[rel+"/"] = ""
			}
			return nil
		}
		b, err := os.ReadFile(p)
		files[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// restore makes dir hold exactly the files of snap.
func restore(t *testing.T, dir string, snap map[string]string) {
	t.Helper()
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(dir, 0o755)
	for rel, body := range snap {
		p := filepath.Join(dir, rel)
		if strings.HasSuffix(rel, "/") {
			os.MkdirAll(p, 0o755)
			continue
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// which says whether got is the snapshot a or b, or neither, and what
// differs from the nearer.
func which(got, a, b map[string]string) (string, string) {
	diff := func(x map[string]string) []string {
		var d []string
		for k, v := range got {
			if w, ok := x[k]; !ok {
				d = append(d, "extra "+k)
			} else if w != v {
				d = append(d, "changed "+k)
			}
		}
		for k := range x {
			if _, ok := got[k]; !ok {
				d = append(d, "missing "+k)
			}
		}
		slices.Sort(d)
		return d
	}
	da, db := diff(a), diff(b)
	switch {
	case len(da) == 0:
		return "previous", ""
	case len(db) == 0:
		return "new", ""
	case len(da) <= len(db):
		return "a mix", strings.Join(da, ", ") + " (against the previous output)"
	}
	return "a mix", strings.Join(db, ", ") + " (against the new output)"
}

// commitCorpus returns two inputs whose outputs differ in every table,
// and in their files: the first is also written as Parquet, the second
// as JSONL only, so that the new output must also remove old tables.
func commitCorpus() (prev, next fstest.MapFS) {
	prev, next = fstest.MapFS{}, fstest.MapFS{}
	for i := range 6 {
		prev[fmt.Sprintf("p%02d.txt", i)] = &fstest.MapFile{Data: []byte(strings.Repeat(fmt.Sprintf("Place %d\n", i), 1+i%3))}
		next[fmt.Sprintf("n%02d.txt", i)] = &fstest.MapFile{Data: []byte(strings.Repeat(fmt.Sprintf("Town %d\n", i), 2+i%2))}
	}
	next["empty.txt"] = &fstest.MapFile{}
	return prev, next
}

// TestCommitFaults runs into an OUT that holds a previous run's output,
// with a failure injected at each step of the run in turn (every file
// write, sync, close, rename, link, removal and folder sync, the
// commit's and the roll back's), then with every step from one on
// failing (the roll back fails too, and the next run into OUT finishes
// it), then with the disk full at byte after byte of the output: each
// time, OUT holds exactly the previous output or exactly the new one,
// and nothing else.
func TestCommitFaults(t *testing.T) {
	for _, sc := range []struct {
		name          string
		shard, shards int
		prevFormats   []string
		nextFormats   []string
	}{
		{"run", 0, 0, []string{"jsonl", "parquet"}, []string{"jsonl"}},
		{"shard", 1, 2, []string{"jsonl"}, []string{"jsonl", "parquet"}},
	} {
		t.Run(sc.name, func(t *testing.T) {
			prevIn, nextIn := commitCorpus()
			out := filepath.Join(t.TempDir(), "out")
			run := func(in fstest.MapFS, formats []string, ops fileOps) error {
				_, err := Run(context.Background(), Config{Input: in, Out: out, Formats: formats, Workers: 1,
					Shard: sc.shard, Shards: sc.shards, Processor: testProcessor(), ops: ops})
				return err
			}
			if err := run(prevIn, sc.prevFormats, nil); err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(out, "notes.txt"), []byte("not ours"), 0o644) // left alone
			prev := snapshot(t, out)
			count := newFaultOps()
			if err := run(nextIn, sc.nextFormats, count); err != nil {
				t.Fatal(err)
			}
			next := snapshot(t, out)
			if got, _ := which(next, prev, next); got != "new" || len(next) == 0 {
				t.Fatal("the new output is not different from the previous")
			}
			steps, total := count.steps, count.written
			t.Logf("%d steps, %d bytes written", steps, total)

			outcomes := map[string]int{}
			check := func(what string) {
				t.Helper()
				got, diff := which(snapshot(t, out), prev, next)
				outcomes[got]++
				if got == "a mix" {
					t.Errorf("%s: OUT holds a mix: %s", what, diff)
				}
			}
			for k := 1; k <= steps; k++ {
				restore(t, out, prev)
				f := newFaultOps()
				f.failAt = k
				err := run(nextIn, sc.nextFormats, f)
				check(fmt.Sprintf("failure at step %d (%v), run error %v", k, f.failed, err))
			}
			for k := 1; k <= steps; k++ {
				restore(t, out, prev)
				f := newFaultOps()
				f.failFrom = k
				err := run(nextIn, sc.nextFormats, f)
				// The next run into OUT rolls back what this one left.
				od, oerr := openOutDir(nil, out, runScope(Config{Shard: sc.shard, Shards: sc.shards}), "the next run", testLogger())
				if oerr != nil {
					t.Fatalf("failures from step %d on: the next run cannot open OUT: %v", k, oerr)
				}
				od.close()
				check(fmt.Sprintf("failures from step %d on (%v...), run error %v, then the next run", k, f.failed[:min(len(f.failed), 1)], err))
			}
			for _, b := range diskSizes(total) {
				restore(t, out, prev)
				f := newFaultOps()
				f.diskBytes = b
				err := run(nextIn, sc.nextFormats, f)
				if err == nil {
					t.Errorf("disk full at byte %d of %d: the run did not fail", b, total)
				}
				check(fmt.Sprintf("disk full at byte %d", b))
			}
			t.Logf("outcomes: %v", outcomes)
			if outcomes["previous"] == 0 || outcomes["new"] == 0 {
				t.Errorf("outcomes %v: want failures that leave the previous output and failures past the commit point that leave the new one", outcomes)
			}
		})
	}
}

// diskSizes returns the byte counts at which to fill the disk: each of
// the first bytes, then about 60 spread over the rest.
func diskSizes(total int64) []int64 {
	var out []int64
	for b := int64(0); b < min(total, 4); b++ {
		out = append(out, b)
	}
	for b := int64(4); b < total; b += max(1, total/60) {
		out = append(out, b)
	}
	return append(out, total-1)
}

// TestLock runs into an OUT another run holds: the second fails at once,
// naming the first, and writes nothing; once the first ends, a run goes.
func TestLock(t *testing.T) {
	x := &stuck{on: "b", reached: make(chan struct{}), release: make(chan struct{})}
	m := fstest.MapFS{"a.txt": {Data: []byte(release)}, "b.txt": {Data: []byte(release)}}
	out := t.TempDir()
	first := make(chan error, 1)
	go func() {
		_, err := Run(context.Background(), Config{Input: m, Out: out, Workers: 1, DocTimeout: -1, Processor: &Processor{Stack: extractors.Stack{Entities: []extractors.Extractor{x}}}})
		first <- err
	}()
	<-x.reached
	before := snapshot(t, out)
	start := time.Now()
	_, err := Run(context.Background(), Config{Input: m, Out: out, Workers: 1, Processor: &Processor{}})
	var le *LockedError
	if !errors.As(err, &le) || !strings.Contains(le.Holder, fmt.Sprintf("pid %d", os.Getpid())) || !strings.Contains(err.Error(), "communique run") {
		t.Errorf("second run: %v; want a *LockedError naming this process and a run", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("the second run took %s to fail; want at once", d)
	}
	if got, diff := which(snapshot(t, out), before, nil); got != "previous" {
		t.Errorf("the refused run changed OUT: %s", diff)
	}
	// Another scope (a shard) is not held up.
	if _, err := Run(context.Background(), Config{Input: m, Out: out, Workers: 1, Shard: 0, Shards: 2, Processor: &Processor{}}); err != nil {
		t.Errorf("a shard beside the run: %v", err)
	}
	close(x.release)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if _, err := Run(context.Background(), Config{Input: m, Out: out, Workers: 1, Processor: &Processor{}}); err != nil {
		t.Errorf("after the first run ended: %v", err)
	}
}

// TestKilledRunCleanedUp leaves in OUT what killed runs leave: a staging
// folder, a journal's temporary file, temporary files of the writers of
// earlier versions; the next run removes them all.
func TestKilledRunCleanedUp(t *testing.T) {
	prevIn, nextIn := commitCorpus()
	out := t.TempDir()
	if _, err := Run(context.Background(), Config{Input: prevIn, Out: out, Workers: 1, Processor: testProcessor()}); err != nil {
		t.Fatal(err)
	}
	leftovers := []string{".events.jsonl.tmp-123", ".documents.parquet.tmp-9", journalName + ".tmp-77", stagingName + "/events.jsonl", stagingName + "/.old/events.jsonl"}
	for _, rel := range leftovers {
		p := filepath.Join(out, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("half"), 0o644)
	}
	if _, err := Run(context.Background(), Config{Input: nextIn, Out: out, Workers: 1, Processor: testProcessor()}); err != nil {
		t.Fatal(err)
	}
	for rel := range snapshot(t, out) {
		if strings.HasPrefix(filepath.Base(strings.TrimSuffix(rel, "/")), ".") {
			t.Errorf("OUT still holds %s", rel)
		}
	}
}

func testLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
