package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"communique"
	"communique/extractors"
	"communique/pipeline"
)

// processor returns the Processor that run and pipe use: newProcessor's.
// Tests of the process as a whole (signals) replace it.
var processor = newProcessor

// newProcessor wires the extractors (extractors.Default, the one list).
func newProcessor() *pipeline.Processor {
	return &pipeline.Processor{Stack: extractors.Default()}
}

// Values of --preload: when the extractors' model and city table are
// loaded (extractors.Preload).
const (
	preloadBackground = "background" // beside the first documents, on an idle core
	preloadStart      = "start"      // before the first document
	preloadNeed       = "need"       // when a document first needs them
)

// preload loads the extractors' model and tables as mode says.
func preload(mode string) error {
	switch mode {
	case preloadBackground:
		go extractors.Preload()
	case preloadStart:
		extractors.Preload()
	case preloadNeed:
	default:
		return fmt.Errorf("--preload %q: want %s, %s or %s", mode, preloadBackground, preloadStart, preloadNeed)
	}
	return nil
}

const runUsage = `Usage: communique run [--in DIR|MANIFEST] [--out OUT] [flags]

Reads every document under DIR (recursively; hidden files and folders are
skipped) and writes documents, events, mentions and rejects as OUT/T.jsonl
and OUT/T.parquet (and texts with --with-text); docs/output.md describes
every column. --in may also name a manifest: a text file listing one path
per line, or one JSON object per line that says more of the document:

  {"path": "a.html", "url": "https://www.mfa.gov.sg/...", "publisher": "...", "published": "2024-03-12", "doc_id": "..."}

Only path is required. url fills documents.source_url and, on a
government's domain, names the publishing country when the text does not;
publisher and published fill their columns (published when the text has
none). A line that cannot be used gets a documents row with status error
saying why; docs/input.md has the details. Without --in, the embedded
default corpus is read.

Each document has a time budget (--doc-timeout): one over it gets a
documents row with status error, and the run goes on without it. The
tables are written into a staging folder inside OUT and committed as one:
after any failure OUT holds all the previous run's tables or all the new
ones. A run locks OUT; a second run into it fails at once, naming the first.
The first SIGINT or SIGTERM stops the run within 2 s and removes its
temporary files; a second exits at once (the next run into OUT cleans up).

Exit status 0 when the run completed, even if some documents were rejected
or over their time budget (each has a documents row saying why); 1 when
the run could not complete; 130 or 143 when stopped by SIGINT or SIGTERM.

Examples:
  communique run --out out
  communique run --in releases/ --out out --workers 8
  communique run --in releases/ --out out --format parquet --shard 3/16
  JOB_COMPLETION_INDEX=3 communique run --in releases/ --out out --shards 16

Flags:
`

type runFlags struct {
	in, out, format, shard, logFormat, logLevel string
	workers, shards, rowGroup                   int
	maxBytes                                    int64
	docTimeout                                  time.Duration
	quiet, withText                             bool
	cpuProfile, memProfile, statsJSON           string
	memoryLimit                                 string
	gcPercent                                   int
	preload                                     string
}

func cmdRun(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("run", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var f runFlags
	fl.StringVar(&f.in, "in", "", "input `DIR` or manifest file (default: the embedded corpus)")
	fl.StringVar(&f.out, "out", "out", "output `DIR`")
	fl.IntVar(&f.workers, "workers", runtime.NumCPU(), "process `N` documents at once, each on a worker with its own reader; one per CPU by default")
	fl.StringVar(&f.format, "format", "jsonl,parquet", "output formats, comma-separated: jsonl, parquet")
	fl.Int64Var(&f.maxBytes, "max-bytes", pipeline.DefaultMaxBytes, "largest document read, in `bytes`, and largest text once decoded and normalized; larger ones are rejected")
	fl.DurationVar(&f.docTimeout, "doc-timeout", pipeline.DefaultDocTimeout, "time budget of one document (`duration`); one over it gets an error row and the run goes on (0: no budget)")
	fl.StringVar(&f.shard, "shard", "", "process shard `I/N` of the input only (0 <= I < N); parts go to OUT/T/part-I-of-N.*")
	fl.IntVar(&f.shards, "shards", 0, "shard count `N`, with the index from $JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs)")
	fl.IntVar(&f.rowGroup, "row-group", 50_000, "Parquet row group size in `rows`")
	fl.StringVar(&f.logFormat, "log-format", "text", "log format on stderr: text or json")
	fl.StringVar(&f.logLevel, "log-level", "info", "log level: debug, info, warn, error")
	fl.BoolVar(&f.quiet, "quiet", false, "print no summary on stdout")
	fl.BoolVar(&f.withText, "with-text", false, "also write the texts table, each document's normalized text (for communique report)")
	fl.StringVar(&f.cpuProfile, "cpuprofile", "", "write a CPU profile to `FILE`")
	fl.StringVar(&f.memProfile, "memprofile", "", "write an allocation profile to `FILE` at the end")
	fl.StringVar(&f.statsJSON, "stats-json", "", "write the run's counts, stage times and throughput as JSON to `FILE`")
	fl.StringVar(&f.memoryLimit, "memory-limit", "384MiB", "soft memory limit for the Go runtime (`SIZE` in MiB or GiB; 0 for none); $GOMEMLIMIT wins when set")
	fl.IntVar(&f.gcPercent, "gc-percent", 400, "garbage collector target `PERCENT` of heap growth (Go's default is 100); $GOGC wins when set")
	fl.StringVar(&f.preload, "preload", preloadBackground, "`WHEN` to load the name model and the city table (half a second of CPU): background, beside the first documents; start, before them (every run pays the same, as benchmarks need); need, when a document first needs them")
	fl.Usage = func() { fmt.Fprint(stderr, runUsage); fl.PrintDefaults() }
	if help, err := parseFlags(fl, args, stderr); help || err != nil {
		return err
	}
	log, err := newLogger(stderr, f.logFormat, f.logLevel)
	if err != nil {
		return err
	}
	cfg := pipeline.Config{
		Out:        f.out,
		Workers:    f.workers,
		MaxBytes:   f.maxBytes,
		DocTimeout: docTimeout(f.docTimeout),
		Processor:  processor(),
		Logger:     log,
		Parquet:    pipeline.ParquetOptions{RowGroupRows: f.rowGroup},
		WithText:   f.withText,
	}
	if cfg.Formats, err = parseFormats(f.format); err != nil {
		return err
	}
	if cfg.Shard, cfg.Shards, err = parseShard(f.shard, f.shards, os.Getenv("JOB_COMPLETION_INDEX")); err != nil {
		return err
	}
	if cfg.Input, cfg.InputDir, cfg.Manifest, cfg.Given, err = openInput(f.in); err != nil {
		return err
	}
	if err := checkWritable(f.out); err != nil {
		return err
	}
	if err := setMemoryLimit(f.memoryLimit, os.Getenv("GOMEMLIMIT")); err != nil {
		return err
	}
	// With the memory limit bounding the heap, the collector can run less
	// often: a fifth less CPU over a long run, at the same peak.
	if os.Getenv("GOGC") == "" && f.gcPercent > 0 {
		debug.SetGCPercent(f.gcPercent)
	}
	if err := preload(f.preload); err != nil {
		return err
	}
	if f.cpuProfile != "" {
		pf, err := os.Create(f.cpuProfile)
		if err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		defer pf.Close()
		if err := pprof.StartCPUProfile(pf); err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	st, err := pipeline.Run(ctx, cfg)
	if err != nil {
		return fmt.Errorf("run: %w", err)
	}
	if f.memProfile != "" {
		if err := writeHeapProfile(f.memProfile); err != nil {
			return err
		}
	}
	log.Debug("stage times", "read", st.ReadTime, "normalize", st.NormalizeTime, "extract", st.ExtractTime, "write", st.WriteTime)
	if f.statsJSON != "" {
		if err := writeStatsJSON(f.statsJSON, poolSize(f.workers), st); err != nil {
			return err
		}
	}
	if !f.quiet {
		printSummary(stdout, f, st)
	}
	return nil
}

// docTimeout is the pipeline's DocTimeout for --doc-timeout d: 0 (no
// budget) is negative there.
func docTimeout(d time.Duration) time.Duration {
	if d == 0 {
		return -1
	}
	return d
}

// setMemoryLimit sets the runtime's soft memory limit, so the garbage
// collector keeps a long run's heap near a fixed size instead of letting it
// drift up with the corpus. $GOMEMLIMIT, when set, is the runtime's own.
func setMemoryLimit(flagValue, env string) error {
	if env != "" {
		return nil
	}
	v := strings.TrimSpace(flagValue)
	if v == "0" || v == "" {
		return nil
	}
	unit := int64(1 << 20)
	switch {
	case strings.HasSuffix(v, "GiB"):
		unit, v = 1<<30, strings.TrimSuffix(v, "GiB")
	case strings.HasSuffix(v, "MiB"):
		v = strings.TrimSuffix(v, "MiB")
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return fmt.Errorf("--memory-limit %q: want a size like 384MiB or 1GiB, or 0", flagValue)
	}
	debug.SetMemoryLimit(n * unit)
	return nil
}

func writeHeapProfile(name string) error {
	pf, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	defer pf.Close()
	if err := pprof.Lookup("allocs").WriteTo(pf, 0); err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	return nil
}

func printSummary(w io.Writer, f runFlags, st pipeline.Stats) {
	src := f.in
	if src == "" {
		src = "the embedded default corpus"
	}
	el := st.Elapsed.Seconds()
	fmt.Fprintf(w, "communique: read %d documents from %s in %.2fs (%.0f docs/s)\n", st.Docs, src, el, float64(st.Docs)/el)
	fmt.Fprintf(w, "  documents: %d ok, %d rejected, %d errors\n", st.OK, st.Rejected, st.Errors)
	fmt.Fprintf(w, "  events: %d   mentions: %d   rejected records: %d\n", st.Events, st.Mentions, st.Rejects)
	fmt.Fprintf(w, "  throughput: %.0f docs/s, %.2f MB/s, %.0f events/s with %d workers\n",
		float64(st.Docs)/el, float64(st.Bytes)/1e6/el, float64(st.Events)/el, poolSize(f.workers))
	fmt.Fprintf(w, "  stage times: read %.2fs, normalize %.2fs, extract %.2fs (each summed over workers); write %.2fs\n",
		st.ReadTime.Seconds(), st.NormalizeTime.Seconds(), st.ExtractTime.Seconds(), st.WriteTime.Seconds())
	fmt.Fprintln(w, "  wrote:")
	for _, p := range st.Files {
		fmt.Fprintln(w, "   ", p)
	}
}

// poolSize is the number of workers pipeline.Run uses for --workers n.
func poolSize(n int) int {
	if n <= 0 {
		return runtime.NumCPU()
	}
	return n
}

// runStats is the --stats-json record: pipeline.Stats with the durations
// in seconds and the throughput worked out, for benchmark drivers
// (bench/harness reads it).
type runStats struct {
	Workers    int      `json:"workers"`
	Docs       int64    `json:"docs"`
	OK         int64    `json:"ok"`
	Rejected   int64    `json:"rejected"`
	Errors     int64    `json:"errors"`
	Events     int64    `json:"events"`
	Mentions   int64    `json:"mentions"`
	Rejects    int64    `json:"rejects"`
	Bytes      int64    `json:"bytes"`
	ElapsedS   float64  `json:"elapsed_s"`
	ReadS      float64  `json:"read_s"`      // summed over workers
	NormalizeS float64  `json:"normalize_s"` // summed over workers
	ExtractS   float64  `json:"extract_s"`   // summed over workers
	WriteS     float64  `json:"write_s"`     // the one writer
	DocsPerS   float64  `json:"docs_per_s"`
	MBPerS     float64  `json:"mb_per_s"`
	EventsPerS float64  `json:"events_per_s"`
	Files      []string `json:"files"`
}

func writeStatsJSON(name string, workers int, st pipeline.Stats) error {
	el := st.Elapsed.Seconds()
	rs := runStats{
		Workers: workers,
		Docs:    st.Docs, OK: st.OK, Rejected: st.Rejected, Errors: st.Errors,
		Events: st.Events, Mentions: st.Mentions, Rejects: st.Rejects,
		Bytes:      st.Bytes,
		ElapsedS:   el,
		ReadS:      st.ReadTime.Seconds(),
		NormalizeS: st.NormalizeTime.Seconds(),
		ExtractS:   st.ExtractTime.Seconds(),
		WriteS:     st.WriteTime.Seconds(),
		Files:      st.Files,
	}
	if el > 0 {
		rs.DocsPerS = float64(st.Docs) / el
		rs.MBPerS = float64(st.Bytes) / 1e6 / el
		rs.EventsPerS = float64(st.Events) / el
	}
	b, err := json.MarshalIndent(rs, "", "  ")
	if err != nil {
		return fmt.Errorf("--stats-json: %w", err)
	}
	if err := os.WriteFile(name, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("--stats-json: %w", err)
	}
	return nil
}

func newLogger(w io.Writer, format, level string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("--log-level %q: want debug, info, warn or error", level)
	}
	opts := &slog.HandlerOptions{Level: lv}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want text or json", format)
}

func parseFormats(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		switch f {
		case "jsonl", "parquet":
			out = append(out, f)
		case "":
		default:
			return nil, fmt.Errorf("--format: unknown format %q (want jsonl, parquet)", f)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("--format: no format given")
	}
	return out, nil
}

// parseShard reads --shard I/N, or --shards N with the index from the
// Kubernetes Indexed Job variable.
func parseShard(shard string, shards int, jobIndex string) (int, int, error) {
	if shard != "" {
		a, b, ok := strings.Cut(shard, "/")
		i, err1 := strconv.Atoi(a)
		n, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
			return 0, 0, fmt.Errorf("--shard %q: want I/N with 0 <= I < N", shard)
		}
		return i, n, nil
	}
	if shards > 0 {
		if jobIndex == "" {
			return 0, 0, errors.New("--shards needs $JOB_COMPLETION_INDEX, or use --shard I/N")
		}
		i, err := strconv.Atoi(jobIndex)
		if err != nil || i < 0 || i >= shards {
			return 0, 0, fmt.Errorf("$JOB_COMPLETION_INDEX %q: want 0 <= I < %d", jobIndex, shards)
		}
		return i, shards, nil
	}
	if shards < 0 {
		return 0, 0, errors.New("--shards must be positive")
	}
	return 0, 0, nil
}

// openInput resolves --in: the embedded corpus, a directory, or a
// manifest file listing paths (see readManifest). dir is the folder
// documents are read from, "" for the embedded corpus; given is what a
// JSON-lines manifest says of its paths.
func openInput(in string) (fsys fs.FS, dir string, manifest []string, given map[string]pipeline.Given, err error) {
	if in == "" {
		return communique.DefaultCorpus(), "", nil, nil, nil
	}
	fi, err := os.Stat(in)
	if err != nil {
		return nil, "", nil, nil, fmt.Errorf("--in: %w", err)
	}
	if fi.IsDir() {
		return os.DirFS(in), in, nil, nil, nil
	}
	paths, given, err := readManifest(in)
	if err != nil {
		return nil, "", nil, nil, err
	}
	return os.DirFS(filepath.Dir(in)), filepath.Dir(in), paths, given, nil
}

// manifestLine is a JSON line of a manifest (docs/input.md).
type manifestLine struct {
	Path      *string `json:"path"`
	URL       *string `json:"url"`
	Publisher *string `json:"publisher"`
	Published *string `json:"published"`
	DocID     *string `json:"doc_id"`
}

// readManifest reads a manifest: one document per line, either a path or
// a JSON object {"path", "url", "publisher", "published", "doc_id"};
// blank lines and lines starting with '#' are skipped. Relative paths
// are relative to the manifest's folder; absolute ones are made relative
// to it where possible. A line that cannot be used (not JSON, no path, a
// path outside the folder, a field that does not parse) does not stop
// the run: its document gets a row with status error naming the line,
// and is not read. given holds the JSON lines' fields by path.
func readManifest(name string) (paths []string, given map[string]pipeline.Given, err error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, fmt.Errorf("--in: %w", err)
	}
	defer f.Close()
	base, err := filepath.Abs(filepath.Dir(name))
	if err != nil {
		return nil, nil, err
	}
	given = make(map[string]pipeline.Given)
	add := func(p string, g pipeline.Given) {
		if _, ok := given[p]; !ok { // a path listed twice: the first line stands
			given[p] = g
		}
		paths = append(paths, p)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		invalid := func(p, docID, why string) {
			if p == "" {
				p = fmt.Sprintf("%s:%d", filepath.Base(name), n)
			}
			if docID == "" {
				sum := sha256.Sum256([]byte(line))
				docID = "invalid-input/" + hex.EncodeToString(sum[:8])
			}
			add(p, pipeline.Given{DocID: docID, Invalid: fmt.Sprintf("manifest %s:%d: %s", name, n, why)})
		}
		var g pipeline.Given
		if strings.HasPrefix(line, "{") {
			var ml manifestLine
			if err := json.Unmarshal([]byte(line), &ml); err != nil {
				invalid("", "", fmt.Sprintf("not a JSON object of path, url, publisher, published and doc_id: %v", err))
				continue
			}
			if g, err = pipeline.ParseGiven(deref(ml.DocID), deref(ml.URL), deref(ml.Publisher), deref(ml.Published)); err != nil {
				p := deref(ml.Path)
				if p != "" {
					p = filepath.ToSlash(filepath.Clean(p))
				}
				invalid(p, "", err.Error())
				continue
			}
			if ml.Path == nil || *ml.Path == "" {
				invalid("", g.DocID, `no "path"`)
				continue
			}
			line = *ml.Path
		}
		if filepath.IsAbs(line) {
			rel, err := filepath.Rel(base, line)
			if err != nil || strings.HasPrefix(rel, "..") {
				invalid(line, g.DocID, fmt.Sprintf("%s is outside the manifest's folder %s", line, base))
				continue
			}
			line = rel
		}
		line = filepath.ToSlash(filepath.Clean(line))
		if !fs.ValidPath(line) || line == "." {
			invalid(line, g.DocID, fmt.Sprintf("%q is not a file below the manifest's folder", line))
			continue
		}
		add(line, g)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("manifest %s: %w", name, err)
	}
	if len(paths) == 0 {
		return nil, nil, fmt.Errorf("--in: %s is neither a directory nor a manifest listing paths", name)
	}
	return paths, given, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// checkWritable fails early, with a clear reason, when OUT cannot be used.
func checkWritable(out string) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	f, err := os.CreateTemp(out, ".communique-probe-*")
	if err != nil {
		return fmt.Errorf("--out %s is not writable: %w", out, errors.Unwrap(err))
	}
	f.Close()
	return os.Remove(f.Name())
}
