// Command harness is the driver behind `make bench`, `make bench-quick`
// and `make bench-scale`. It runs the communique binary as a user would,
// one process per measurement, and reads each run's --stats-json and the
// peak RSS of the process (from the kernel's accounting of the child,
// getrusage). It prints Markdown tables ready for BENCHMARKS.md.
//
// Usage:
//
//	harness throughput [flags]   docs/s, MB/s, events/s, stage times and peak RSS
//	                             with each worker count, best of --runs; the
//	                             naive prose baseline and the ratio; output
//	                             validated and identical across worker counts
//	harness scale [flags]        peak RSS over corpora of growing size
//	harness diff [flags]         time and peak RSS of communique diff over two
//	                             runs of corpora of growing size
//	harness sizes [flags]        seconds per MB of one document of each
//	                             hostile shape at growing sizes, and the
//	                             peak RSS of two largest-allowed documents
//	harness shape NAME BYTES     write a document of that shape and size
//	                             to stdout, to try by hand
//
// Corpora are generated once with `communique gen` and cached as
// ROOT/.corpus-N-seedS (ROOT is bench/ by default, the folder is
// gitignored). Outputs go under ROOT/.out and are removed at the end
// unless --keep is given.
//
// The exit status is 1 when an output fails validation or differs between
// worker counts, and, with --strict, when a target is missed; throughput
// on a shared machine is too noisy to fail on by default.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Targets, from the performance issue.
const (
	targetRatio     = 50    // communique docs/s over the naive baseline's, same cores
	targetDocsPerS  = 1000  // seed-sized documents per second on 2 cores
	targetRSSBytes  = 512e6 // peak RSS of a 100,000-document run
	targetRSSGrowth = 1.2   // peak RSS of the largest run over the smallest
	mb              = 1e6   // figures are in decimal megabytes
)

// common holds the flags both commands take.
type common struct {
	bin, root, format string
	seed              uint64
	keep, strict      bool
}

// verdict reports the failed output checks on stderr and ends a
// measurement: an error when an output check failed, or when a target was
// missed under --strict.
func (c *common) verdict(failures, missed []string) error {
	for _, f := range failures {
		fmt.Fprintln(os.Stderr, "harness: FAIL:", f)
	}
	if len(failures) > 0 {
		return errors.New("output check failed")
	}
	if c.strict && len(missed) > 0 {
		return fmt.Errorf("targets missed: %s", strings.Join(missed, "; "))
	}
	return nil
}

func (c *common) register(fl *flag.FlagSet) {
	fl.StringVar(&c.bin, "bin", "bin/communique", "the communique `binary` to measure")
	fl.StringVar(&c.root, "root", "bench", "`DIR` for the cached corpora (.corpus-N-seedS) and outputs (.out)")
	fl.Uint64Var(&c.seed, "seed", 1, "corpus `seed`")
	fl.StringVar(&c.format, "format", "jsonl,parquet", "--format passed to communique run")
	fl.BoolVar(&c.keep, "keep", false, "keep the outputs under ROOT/.out")
	fl.BoolVar(&c.strict, "strict", false, "exit 1 when a target is missed")
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: harness throughput|scale|diff|sizes|shape [flags]; harness COMMAND -h for the flags")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "throughput":
		err = throughput(os.Args[2:])
	case "scale":
		err = scale(os.Args[2:])
	case "diff":
		err = diffBench(os.Args[2:])
	case "sizes":
		err = sizes(os.Args[2:])
	case "shape":
		err = writeShape(os.Args[2:])
	default:
		fmt.Fprintf(os.Stderr, "harness: unknown command %q: want throughput, scale, diff, sizes or shape\n", os.Args[1])
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "harness:", err)
		os.Exit(1)
	}
}

// run is one measured process.
type run struct {
	stats   runStats
	cpu     time.Duration // user + system time of the process
	peakRSS int64         // bytes; 0 where the platform does not say
}

// runStats is what `communique run --stats-json` writes.
type runStats struct {
	Workers    int     `json:"workers"`
	Docs       int64   `json:"docs"`
	OK         int64   `json:"ok"`
	Rejected   int64   `json:"rejected"`
	Errors     int64   `json:"errors"`
	Events     int64   `json:"events"`
	Mentions   int64   `json:"mentions"`
	Rejects    int64   `json:"rejects"`
	Bytes      int64   `json:"bytes"`
	ElapsedS   float64 `json:"elapsed_s"`
	ReadS      float64 `json:"read_s"`
	NormalizeS float64 `json:"normalize_s"`
	ExtractS   float64 `json:"extract_s"`
	WriteS     float64 `json:"write_s"`
	DocsPerS   float64 `json:"docs_per_s"`
	MBPerS     float64 `json:"mb_per_s"`
	EventsPerS float64 `json:"events_per_s"`
}

// execute runs name with args, returning its stdout, CPU time (user and
// system) and peak RSS; on failure the error carries the tail of its
// stderr.
func execute(name string, args ...string) ([]byte, time.Duration, int64, error) {
	cmd := exec.Command(name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	err := cmd.Run()
	if err != nil {
		tail := stderr.Bytes()
		if len(tail) > 2000 {
			tail = tail[len(tail)-2000:]
		}
		return nil, 0, 0, fmt.Errorf("%s %s: %w\n%s", name, strings.Join(args, " "), err, tail)
	}
	ps := cmd.ProcessState
	return stdout.Bytes(), ps.UserTime() + ps.SystemTime(), peakRSS(ps), nil
}

// corpus returns the folder of the cached corpus of n documents,
// generating it with `communique gen` the first time. A corpus is
// complete once its folder has been renamed into place.
func corpus(c common, n int) (string, error) {
	dir := filepath.Join(c.root, fmt.Sprintf(".corpus-%d-seed%d", n, c.seed))
	if _, err := os.Stat(dir); err == nil {
		return dir, nil
	}
	tmp := dir + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return "", err
	}
	fmt.Fprintf(os.Stderr, "harness: generating %d documents into %s\n", n, dir)
	if _, _, _, err := execute(c.bin, "gen", "--docs", strconv.Itoa(n), "--seed", strconv.FormatUint(c.seed, 10), "--out", tmp); err != nil {
		return "", err
	}
	return dir, os.Rename(tmp, dir)
}

// communique runs `communique run` once over in with the given workers,
// writing to out.
func communique(c common, in, out string, workers int, extra ...string) (run, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return run{}, err
	}
	statsFile := filepath.Join(out, ".stats.json")
	args := append([]string{"run", "--in", in, "--out", out, "--workers", strconv.Itoa(workers),
		"--format", c.format, "--stats-json", statsFile, "--quiet", "--log-level", "warn"}, extra...)
	_, cpu, rss, err := execute(c.bin, args...)
	if err != nil {
		return run{}, err
	}
	var r run
	r.cpu, r.peakRSS = cpu, rss
	if err := readJSON(statsFile, &r.stats); err != nil {
		return run{}, err
	}
	return r, nil
}

// machine describes where the figures come from.
func machine() string {
	model := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				model = strings.TrimSpace(v)
				break
			}
		}
	}
	return fmt.Sprintf("%d CPUs (%s), %s %s/%s", runtime.NumCPU(), model, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// load returns the load averages, as uptime prints them.
func load() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], ", ")
}

func header(w io.Writer, what string) {
	fmt.Fprintf(w, "## %s, %s\n\n", what, time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(w, "- machine: %s\n", machine())
	fmt.Fprintf(w, "- load average (1, 5, 15 min) at start: %s\n", load())
}

func mbOf(n int64) string {
	if n <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.0f", float64(n)/mb)
}

// intList parses "1,2".
func intList(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("%q: want a list of positive numbers", s)
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%q: empty list", s)
	}
	return out, nil
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "MISSED"
}
