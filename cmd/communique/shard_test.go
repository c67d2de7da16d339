package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"communique/gen"
	"communique/pipeline"
)

// The scale-out tests run the command as users do: as separate processes
// of the built binary. fixtures is a folder for the whole test binary: the
// binary, the input and the output of a single run, made on first use by
// the tests that need them.
var fixtures struct {
	dir string

	buildOnce sync.Once
	bin       string
	buildErr  error

	inputOnce sync.Once
	input     string // regression corpus plus a generated one
	single    string // OUT of one unsharded run over input
	inputErr  error
}

func TestMain(m *testing.M) {
	if os.Getenv("COMMUNIQUE_TEST_MAIN") != "" {
		runAsCommand() // a test started this binary as the command
	}
	dir, err := os.MkdirTemp("", "communique-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fixtures.dir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// cliBinary builds the command once, with the go tool that runs the tests.
func cliBinary(t *testing.T) string {
	t.Helper()
	fixtures.buildOnce.Do(func() {
		// The go command that runs this test put itself first in PATH.
		goTool, err := exec.LookPath("go")
		if err != nil {
			t.Fatalf("no go command to build the binary: %v", err)
		}
		fixtures.bin = filepath.Join(fixtures.dir, "communique")
		out, err := exec.Command(goTool, "build", "-o", fixtures.bin, ".").CombinedOutput()
		if err != nil {
			fixtures.buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if fixtures.buildErr != nil {
		t.Fatal(fixtures.buildErr)
	}
	return fixtures.bin
}

// scaleDocs is the number of documents in scaleInput's folder: the
// regression corpus and the 60 generated ones.
func scaleDocs(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	return len(entries) + 60
}

// scaleInput returns the input folder (the regression corpus and 60
// generated documents under gen/) and the output of a single unsharded
// run over it. In this tree the walk order of run is the doc_id order, as
// in any flat folder of .txt files.
func scaleInput(t *testing.T) (input, single string) {
	t.Helper()
	bin := cliBinary(t)
	fixtures.inputOnce.Do(func() {
		input := filepath.Join(fixtures.dir, "input")
		fixtures.inputErr = func() error {
			if err := os.CopyFS(input, os.DirFS(corpusDir)); err != nil {
				return err
			}
			if _, err := gen.Write(filepath.Join(input, "gen"), gen.Options{Docs: 60, Seed: 7}); err != nil {
				return err
			}
			single := filepath.Join(fixtures.dir, "single")
			if _, stderr, err := execCLI(bin, nil, "", "run", "--in", input, "--out", single, "--workers", "2", "--quiet"); err != nil {
				return fmt.Errorf("single run: %v\n%s", err, stderr)
			}
			return nil
		}()
		fixtures.input = input
		fixtures.single = filepath.Join(fixtures.dir, "single")
	})
	if fixtures.inputErr != nil {
		t.Fatal(fixtures.inputErr)
	}
	return fixtures.input, fixtures.single
}

// execCLI runs the binary with args, extra environment and standard input,
// and returns its standard output and error.
func execCLI(bin string, env []string, stdin string, args ...string) (stdout, stderr []byte, err error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader(stdin)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	return o.Bytes(), e.Bytes(), err
}

// runShardProcesses runs shards 0..n-1 of input into out as n concurrent
// processes: even shards with --shard I/N, odd ones as a Kubernetes
// Indexed Job runs them, with --shards N and $JOB_COMPLETION_INDEX.
func runShardProcesses(t *testing.T, input, out string, n int) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make([]error, n)
	sem := make(chan struct{}, 4)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = runShard(input, out, i, n)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

func runShard(input, out string, i, n int) error {
	args := []string{"run", "--in", input, "--out", out, "--workers", "1", "--quiet", "--log-level", "warn"}
	var env []string
	if i%2 == 0 {
		args = append(args, "--shard", fmt.Sprintf("%d/%d", i, n))
	} else {
		args = append(args, "--shards", fmt.Sprint(n))
		env = []string{fmt.Sprintf("JOB_COMPLETION_INDEX=%d", i)}
	}
	if _, stderr, err := execCLI(fixtures.bin, env, "", args...); err != nil {
		return fmt.Errorf("shard %d/%d: %v\n%s", i, n, err, stderr)
	}
	return nil
}

// readLines returns the lines of a JSONL file.
func readLines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) == 0 {
		return nil
	}
	if b[len(b)-1] != '\n' {
		t.Fatalf("%s: last line has no line end", path)
	}
	return strings.Split(string(b[:len(b)-1]), "\n")
}

// snapshot returns the contents of every file under dir that is not
// hidden, by relative path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestShards runs the input as 1, 3 and 7 shards, each shard a process of
// its own, and checks that the union of the parts is the single run, row
// for row: nothing missing, nothing twice, each document's rows in one
// part. Then it retries a shard over a damaged part, and checks that the
// retry replaces its parts with the same bytes and leaves the others be.
func TestShards(t *testing.T) {
	input, single := scaleInput(t)
	want := map[string][]string{}
	for _, table := range pipeline.Tables {
		want[table] = slices.Sorted(slices.Values(readLines(t, filepath.Join(single, table+".jsonl"))))
	}
	if n := scaleDocs(t); len(want["documents"]) != n || len(want["events"]) == 0 || len(want["mentions"]) == 0 {
		t.Fatalf("single run: %d documents, %d events, %d mentions; want %d and some", len(want["documents"]), len(want["events"]), len(want["mentions"]), n)
	}
	for _, n := range []int{1, 3, 7} {
		t.Run(fmt.Sprintf("%d shards", n), func(t *testing.T) {
			out := t.TempDir()
			runShardProcesses(t, input, out, n)
			checkShardUnion(t, out, n, want)

			// Retry the last shard after damaging one of its parts and
			// leaving a temporary file, as a killed attempt does.
			i := n - 1
			before := snapshot(t, out)
			events := filepath.Join(out, "events", fmt.Sprintf("part-%05d-of-%05d.jsonl", i, n))
			if err := os.WriteFile(events, []byte("{\"half\":"), 0o644); err != nil {
				t.Fatal(err)
			}
			stale := filepath.Join(out, "mentions", fmt.Sprintf(".part-%05d-of-%05d.jsonl.tmp-12345", i, n))
			if err := os.WriteFile(stale, []byte("{}\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := runShard(input, out, i, n); err != nil {
				t.Fatal(err)
			}
			after := snapshot(t, out)
			if diff := cmp.Diff(slices.Sorted(mapKeysOf(before)), slices.Sorted(mapKeysOf(after))); diff != "" {
				t.Errorf("retry of shard %d changed the set of files (-before +after)\n%s", i, diff)
			}
			for name, b := range before {
				if after[name] != b {
					t.Errorf("retry of shard %d: %s differs from the first attempt's", i, name)
				}
			}
			checkShardUnion(t, out, n, want)
		})
	}
}

func mapKeysOf[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// checkShardUnion checks the parts of an n-shard run against the sorted
// rows of the single run.
func checkShardUnion(t *testing.T, out string, n int, want map[string][]string) {
	t.Helper()
	docShard := map[string]int{}
	for _, table := range pipeline.Tables {
		for _, ext := range []string{"jsonl", "parquet"} {
			matches, _ := filepath.Glob(filepath.Join(out, table, "part-*."+ext))
			if len(matches) != n {
				t.Errorf("%s: %d .%s parts, want %d", table, len(matches), ext, n)
			}
		}
		var got []string
		for i := range n {
			for _, line := range readLines(t, filepath.Join(out, table, fmt.Sprintf("part-%05d-of-%05d.jsonl", i, n))) {
				var row struct {
					DocID string `json:"doc_id"`
				}
				if err := json.Unmarshal([]byte(line), &row); err != nil {
					t.Fatalf("%s part %d: %v", table, i, err)
				}
				if s, ok := docShard[row.DocID]; ok && s != i {
					t.Errorf("%s: document %s has rows in parts %d and %d", table, row.DocID, s, i)
				}
				docShard[row.DocID] = i
				if s := pipeline.ShardOf(row.DocID, n); s != i {
					t.Errorf("%s: document %s in part %d, belongs to shard %d", table, row.DocID, i, s)
				}
				got = append(got, line)
			}
		}
		slices.Sort(got)
		if diff := cmp.Diff(want[table], got); diff != "" {
			t.Errorf("%s: union of %d parts differs from the single run (-single +parts)\n%s", table, n, diff)
		}
		if table == "events" {
			ids := map[string]bool{}
			for _, line := range got {
				var ev struct {
					EventID string `json:"event_id"`
				}
				json.Unmarshal([]byte(line), &ev)
				if ids[ev.EventID] {
					t.Errorf("event %s twice", ev.EventID)
				}
				ids[ev.EventID] = true
			}
		}
	}
}

// TestMergeCommand merges the parts of a 7-shard run and checks that the
// tables are the single run's, byte for byte; then that an in-place merge
// removes the parts, and that parts of two runs are refused.
func TestMergeCommand(t *testing.T) {
	bin := cliBinary(t)
	input, single := scaleInput(t)
	same := func(t *testing.T, dir string) {
		t.Helper()
		for _, table := range pipeline.Tables {
			for _, ext := range []string{".jsonl", ".parquet"} {
				a, err := os.ReadFile(filepath.Join(single, table+ext))
				if err != nil {
					t.Fatal(err)
				}
				b, err := os.ReadFile(filepath.Join(dir, table+ext))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(a, b) {
					t.Errorf("merged %s%s differs from the single run's", table, ext)
				}
			}
		}
	}

	t.Run("7 shards", func(t *testing.T) {
		out := t.TempDir()
		runShardProcesses(t, input, out, 7)
		merged := filepath.Join(t.TempDir(), "merged")
		stdout, stderr, err := execCLI(bin, nil, "", "merge", "--in", out, "--out", merged)
		if err != nil {
			t.Fatalf("merge: %v\n%s", err, stderr)
		}
		if n := scaleDocs(t); !bytes.Contains(stdout, []byte(fmt.Sprintf("%d ok", n))) {
			t.Errorf("summary does not count %d documents:\n%s", n, stdout)
		}
		same(t, merged)
		if _, err := os.Stat(filepath.Join(out, "events", "part-00000-of-00007.jsonl")); err != nil {
			t.Errorf("merge into another folder removed the parts: %v", err)
		}
	})

	t.Run("in place", func(t *testing.T) {
		out := t.TempDir()
		runShardProcesses(t, input, out, 3)
		if _, stderr, err := execCLI(bin, nil, "", "merge", "--in", out, "--quiet"); err != nil {
			t.Fatalf("merge: %v\n%s", err, stderr)
		}
		same(t, out)
		for _, table := range pipeline.Tables {
			if _, err := os.Stat(filepath.Join(out, table)); err == nil {
				t.Errorf("%s: parts left after an in-place merge", table)
			}
		}
	})

	t.Run("two runs mixed", func(t *testing.T) {
		out := t.TempDir()
		runShardProcesses(t, input, out, 3)
		if err := runShard(input, out, 4, 7); err != nil {
			t.Fatal(err)
		}
		merged := filepath.Join(t.TempDir(), "merged")
		_, stderr, err := execCLI(bin, nil, "", "merge", "--in", out, "--out", merged)
		if code := exitCode(err); code != 1 {
			t.Fatalf("merge: exit %d, want 1\n%s", code, stderr)
		}
		if !bytes.Contains(stderr, []byte("different shard counts")) || !bytes.Contains(stderr, []byte("part-00004-of-00007")) {
			t.Errorf("stderr does not name the problem and the part:\n%s", stderr)
		}
		if entries, _ := os.ReadDir(merged); len(entries) > 0 {
			t.Errorf("a refused merge wrote %d files", len(entries))
		}
	})
}

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	return -1
}

// scanRecords reads pipe output: every line must be a record of one table.
func scanRecords(t *testing.T, out []byte) map[string][]string {
	t.Helper()
	rows := map[string][]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		var rec map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("stdout line %d is not JSON: %v\n%s", n, err, line)
		}
		var table string
		json.Unmarshal(rec["table"], &table)
		prefix := `{"table":"` + table + `","` + table + `":`
		if len(rec) != 2 || !slices.Contains(pipeline.Tables, table) || !strings.HasPrefix(line, prefix) || !strings.HasSuffix(line, "}") {
			t.Fatalf("stdout line %d is not a record of the documented form:\n%s", n, line)
		}
		rows[table] = append(rows[table], strings.TrimSuffix(strings.TrimPrefix(line, prefix), "}"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}
