package pipeline

import (
	"context"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"log/slog"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"
)

// Config says what one run reads, how, and where it writes.
type Config struct {
	// Input is the tree of documents; every regular file under it is one
	// document. Manifest, when set, lists the paths to read instead (one
	// per line, relative to Input or absolute), for drivers that hand out
	// work without listing a bucket.
	Input    fs.FS
	Manifest []string
	// Given holds what a JSON-lines manifest says of its paths (doc_id,
	// URL, publisher, publication date), by path as Manifest lists it
	// (cleaned: slash-separated, no "." or ".." elements).
	Given map[string]Given
	// InputDir is Input's folder in the operating system, when it is one
	// (Input is then os.DirFS(InputDir)). Documents are then looked at
	// before they are opened, and opened without blocking, so that a
	// named pipe, socket or device is never opened for reading.
	InputDir string
	// Out is the output directory, created if missing.
	Out string
	// Formats: "jsonl", "parquet", or both.
	Formats []string
	// Workers is the size of the worker pool; 0 means one per CPU.
	Workers int
	// MaxBytes is the largest document read; larger files get a
	// rejected row. 0 means 16 MiB. It bounds the document's text, once
	// decoded and normalized, too.
	MaxBytes int64
	// DocTimeout is the time budget of one document: one that takes
	// longer gets a row with status error that says so, and the run goes
	// on without waiting for it. 0 means DefaultDocTimeout; negative, no
	// budget.
	DocTimeout time.Duration
	// Shard and Shards select this process's share of the input: a
	// document belongs to shard hash(doc_id) mod Shards. Shards 0 means
	// no sharding: tables go to OUT/T.ext; otherwise to
	// OUT/T/part-IIIII-of-NNNNN.ext.
	Shard, Shards int
	// Parquet tunes the Parquet writers.
	Parquet ParquetOptions
	// WithText also writes the texts table: each document's normalized
	// text, which the offsets of mentions and evidence index.
	WithText bool
	// Processor does the per-document work.
	Processor *Processor
	// Logger receives progress and per-document failures; nil is silent.
	Logger *slog.Logger
	// ProgressEvery is the interval of progress lines (0: 2 s).
	ProgressEvery time.Duration

	ops fileOps // nil: the operating system's; tests inject failures
}

// Stats summarizes a run.
type Stats struct {
	Docs, OK, Rejected, Errors int64
	Events, Mentions, Rejects  int64
	Bytes                      int64
	Elapsed                    time.Duration
	ReadTime, NormalizeTime    time.Duration // summed over workers
	ExtractTime, WriteTime     time.Duration
	Files                      []string // the tables written
}

// DefaultMaxBytes is the document size limit when Config.MaxBytes is 0.
const DefaultMaxBytes = 16 << 20

type job struct {
	seq    int
	docID  string
	source string // path relative to the input root
	given  Given  // what the manifest says of it
}

// readJob is a job with its document read, or the error reading it.
type readJob struct {
	job
	raw      []byte
	err      error
	readTime time.Duration
}

// stage runs n goroutines of g, each taking items from in, passing them
// through f and handing what it returns to out, until in is closed, f
// fails or ctx is done; out is closed once all n have ended.
func stage[In, Out any](ctx context.Context, g *errgroup.Group, n int, in <-chan In, out chan<- Out, f func(In) (Out, error)) {
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		g.Go(func() error {
			defer wg.Done()
			for v := range in {
				if err := ctx.Err(); err != nil {
					return err
				}
				w, err := f(v)
				if err != nil {
					return err
				}
				select {
				case out <- w:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	go func() { wg.Wait(); close(out) }()
}

type result struct {
	seq      int
	out      Output
	readTime time.Duration
}

// Tables lists the output tables in the order they are written.
var Tables = []string{"documents", "events", "mentions", "rejects"}

// Run reads every document of cfg.Input (a document ahead of each
// worker), processes them on a fixed pool of workers and writes the tables through one writer, in input order, so the
// output is the same whatever the number of workers. A document that
// cannot be read or processed becomes a documents row with a reason; only
// failures of the run itself (output not writable, cancellation) return an
// error, and then no table is left in place that looks complete.
func Run(ctx context.Context, cfg Config) (Stats, error) {
	start := time.Now()
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.NumCPU()
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	if cfg.Processor.Normalize.MaxBytes == 0 {
		cfg.Processor.Normalize.MaxBytes = cfg.MaxBytes
	}
	if cfg.ProgressEvery <= 0 {
		cfg.ProgressEvery = 2 * time.Second
	}
	if cfg.DocTimeout == 0 {
		cfg.DocTimeout = DefaultDocTimeout
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if len(cfg.Formats) == 0 {
		cfg.Formats = []string{"jsonl", "parquet"}
	}
	od, err := openOutDir(cfg.ops, cfg.Out, runScope(cfg), "communique run", log)
	if err != nil {
		return Stats{}, err
	}
	defer od.close()
	sink, err := openSink(cfg, od)
	if err != nil {
		return Stats{}, err
	}
	committed := false
	defer func() {
		if !committed {
			sink.abort()
		}
	}()
	skip := outInside(cfg.InputDir, cfg.Out)

	parent := ctx
	g, ctx := errgroup.WithContext(ctx)
	jobs := make(chan job, cfg.Workers*4)
	// The writer stalls while it encodes and compresses a Parquet row
	// group (a tenth of a second for 50,000 mentions); a few hundred
	// documents of slack keep the workers going meanwhile.
	results := make(chan result, max(resultSlack, cfg.Workers*4))
	var listed atomic.Int64
	var listDone atomic.Bool

	// Reader: list the input, order it by doc_id, hand out jobs.
	g.Go(func() error {
		defer close(jobs)
		defer listDone.Store(true)
		var list []job
		hidden := 0 // dot files and folders: not documents, but said
		if cfg.Manifest != nil {
			var dups int
			list, dups = manifestJobs(cfg.Manifest, cfg.Given)
			if dups > 0 {
				log.Warn("the manifest lists some documents more than once; each is read once", "n", dups)
			}
			if skip != "" {
				n := len(list)
				list = slices.DeleteFunc(list, func(j job) bool { return strings.HasPrefix(j.source, skip+"/") })
				if n > len(list) {
					log.Warn("skipped the manifest's paths inside the output folder", "dir", cfg.Out, "n", n-len(list))
				}
			}
		} else if err := fs.WalkDir(cfg.Input, ".", func(p string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				if p == "." {
					return fmt.Errorf("read input: %w", err)
				}
				// An unreadable folder is reported as a document row of
				// its own and skipped; the walk goes on.
				list = append(list, job{source: p})
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") && p != "." {
				hidden++
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p == skip && d.IsDir() {
				log.Info("skipped the output folder, which is inside the input folder", "dir", cfg.Out)
				return fs.SkipDir
			}
			if !d.IsDir() {
				list = append(list, job{source: p})
			}
			return nil
		}); err != nil {
			return err
		}
		if hidden > 0 {
			log.Info("skipped hidden files and folders (names starting with a dot)", "n", hidden)
		}
		list = assignIDs(list)
		seq := 0
		for _, j := range list {
			if cfg.Shards > 0 && ShardOf(j.docID, cfg.Shards) != cfg.Shard {
				continue
			}
			j.seq = seq
			seq++
			listed.Add(1)
			select {
			case jobs <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	})

	// Readers: read each document ahead of the workers, so that reading
	// one overlaps the processing of another. One reader per worker, and
	// a document read ahead per worker, more while those read ahead are
	// small: what waits read is bounded, by readAheadBytes beyond one
	// document per worker. A reader that may not read on sleeps rather
	// than wait on read, as the writer does on results, so that a worker
	// taking a document does not pay to wake it.
	src := docSource{fsys: cfg.Input, dir: cfg.InputDir}
	read := make(chan readJob, cfg.Workers*readAheadDocs)
	var readAhead atomic.Int64 // bytes in read
	full := func() bool {
		n := len(read)
		return n >= cap(read) || n >= cfg.Workers && readAhead.Load() >= readAheadBytes
	}
	stage(ctx, g, cfg.Workers, jobs, read, func(j job) (readJob, error) {
		var nap napper
		defer nap.stop()
		for full() {
			if err := nap.sleep(ctx); err != nil {
				return readJob{}, err
			}
		}
		rj := readJob{job: j}
		if j.given.Invalid == "" {
			t := time.Now()
			rj.raw, rj.err = readDoc(src, j.source, cfg.MaxBytes)
			rj.readTime = time.Since(t)
		}
		readAhead.Add(int64(len(rj.raw)))
		return rj, nil
	})

	// Workers: normalize, extract, validate.
	bp := newBounded(cfg.Processor, cfg.DocTimeout, cfg.Workers)
	g.Go(func() error {
		defer close(results)
		next := func(ctx context.Context) (result, *docTask, bool, error) {
			rj, ok, err := recv(ctx, read)
			if err != nil || !ok {
				return result{}, nil, false, err
			}
			readAhead.Add(-int64(len(rj.raw)))
			j := rj.job
			r := result{seq: j.seq, readTime: rj.readTime}
			switch {
			case j.given.Invalid != "":
				// the manifest's line cannot be used: not read
				d := newDocument(j.docID, j.source, nil, Given{})
				d.SHA256 = ""
				r.out = failed(d, StatusError, j.given.Invalid)
			case rj.err != nil:
				r.out = readFailure(j, rj.err)
			default:
				return r, &docTask{docID: j.docID, source: j.source, raw: rj.raw, given: j.given}, true, nil
			}
			return r, nil, true, nil
		}
		done := func(ctx context.Context, r result, out Output, processed bool) error {
			if processed {
				r.out = out
			}
			return send(ctx, results, r)
		}
		return runLanes(ctx, bp, cfg.Workers, next, done)
	})

	// Writer: put results back in input order and write them.
	//
	// The writer keeps up with the workers and would mostly wait on
	// results, and a worker that sends to a waiting goroutine has the
	// runtime wake a thread for it, with a core idle a system call on the
	// worker's path (0.5 s of an 18 s run with one worker). So when
	// results is empty the writer sleeps, a millisecond at first and
	// longer while nothing comes, and then takes what came meanwhile.
	var st Stats
	g.Go(func() error {
		seq := newReorder[result]()
		tick := time.NewTicker(cfg.ProgressEvery)
		defer tick.Stop()
		progress := func() {
			total := "?"
			if listDone.Load() {
				total = fmt.Sprint(listed.Load())
			}
			el := time.Since(start).Seconds()
			log.Info("progress", "n", st.Docs, "of", total, "docs_per_s", fmt.Sprintf("%.0f", float64(st.Docs)/el), "events", st.Events)
		}
		var nap napper
		defer nap.stop()
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			var r result
			var ok bool
			select {
			case r, ok = <-results:
				nap.reset()
			case <-tick.C:
				progress()
				continue
			default:
				if err := nap.sleep(ctx); err != nil {
					return err
				}
				continue
			}
			if !ok {
				return seq.complete()
			}
			seq.add(r.seq, r)
			for {
				r, ok := seq.pop()
				if !ok {
					break
				}
				t := time.Now()
				if err := sink.write(r.out); err != nil {
					return err
				}
				st.WriteTime += time.Since(t)
				st.add(r)
				if r.out.Document.Status != StatusOK {
					log.Warn("document not processed", "doc_id", r.out.Document.DocID, "stage", "read", "status", r.out.Document.Status, "error", deref(r.out.Document.Error))
				}
			}
		}
	})

	if err := g.Wait(); err != nil {
		return st, err
	}
	if err := parent.Err(); err != nil {
		return st, err
	}
	if err := sink.finish(); err != nil {
		return st, err
	}
	committed = true
	newFiles := sink.rels
	if cfg.Shards > 0 {
		if err := writeShardManifest(od, cfg.Shard, cfg.Shards, cfg.Formats, sink.rels, sink.tables, sink.rows); err != nil {
			return st, err
		}
		newFiles = append(slices.Clone(newFiles), shardManifestRel(cfg.Shard, cfg.Shards))
	}
	if err := od.commit(newFiles, runReplaces(cfg)); err != nil {
		return st, err
	}
	for _, rel := range newFiles {
		st.Files = append(st.Files, filepath.Join(cfg.Out, filepath.FromSlash(rel)))
	}
	st.Elapsed = time.Since(start)
	return st, nil
}

// addDocument counts one documents row of the given status.
func (st *Stats) addDocument(status string) {
	st.Docs++
	switch status {
	case StatusOK:
		st.OK++
	case StatusRejected:
		st.Rejected++
	default:
		st.Errors++
	}
}

func (st *Stats) add(r result) {
	d := r.out.Document
	st.addDocument(d.Status)
	st.Bytes += d.Bytes
	st.Events += int64(len(r.out.Events))
	st.Mentions += int64(len(r.out.Mentions))
	st.Rejects += int64(len(r.out.Rejects))
	st.ReadTime += r.readTime
	st.NormalizeTime += r.out.NormalizeTime
	st.ExtractTime += r.out.ExtractTime
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// DocID derives a document id from its path relative to the input: the
// path without its extension, with '/' separators.
func DocID(rel string) string {
	rel = filepath.ToSlash(rel)
	if ext := path.Ext(rel); ext != "" && !strings.Contains(ext, "/") {
		rel = strings.TrimSuffix(rel, ext)
	}
	return rel
}

// manifestJobs lists the documents of a manifest: each path cleaned
// ("./a.txt" and "a.txt" are one document), each document once. It
// returns how many entries repeated an earlier one.
// given holds what the manifest says of its paths, by cleaned path.
func manifestJobs(paths []string, given map[string]Given) ([]job, int) {
	seen := make(map[string]bool, len(paths))
	list := make([]job, 0, len(paths))
	dups := 0
	for _, listed := range paths {
		p := path.Clean(filepath.ToSlash(listed))
		if seen[p] {
			dups++
			continue
		}
		seen[p] = true
		list = append(list, job{source: p, given: given[p]})
	}
	return list, dups
}

// assignIDs gives every listed document its id and orders the list by
// it, so output order does not depend on how the input was listed and a
// merge of sharded parts (ordered by doc_id) matches a single run. Two
// files whose paths differ only in their extension ("a.txt", "a.html")
// would share an id: the first in path order keeps it, the others keep
// their extension in theirs. Ids are unique by construction, whatever
// the list: an id already given is never given again (a path listed
// twice gets a numbered one, "a.txt~2"). A manifest's doc_id is kept.
func assignIDs(list []job) []job {
	slices.SortFunc(list, func(a, b job) int { return strings.Compare(a.source, b.source) })
	seen := make(map[string]bool, len(list))
	// Ids the manifest gives are taken first; a path's own id gives way
	// to them, and one given twice is numbered too (the command line
	// refuses such a manifest before it gets here).
	for i := range list {
		id := list[i].given.DocID
		for n := 2; id != "" && seen[id]; n++ {
			id = list[i].given.DocID + "~" + strconv.Itoa(n)
		}
		if id != "" {
			seen[id] = true
			list[i].docID = id
		}
	}
	for i := range list {
		if list[i].docID != "" {
			continue
		}
		src := filepath.ToSlash(list[i].source)
		id := DocID(src)
		if seen[id] {
			id = src
		}
		for n := 2; seen[id]; n++ {
			id = src + "~" + strconv.Itoa(n)
		}
		seen[id] = true
		list[i].docID = id
	}
	slices.SortStableFunc(list, func(a, b job) int { return strings.Compare(a.docID, b.docID) })
	return list
}

// ShardOf returns the shard a document belongs to among n: a stable FNV-1a
// hash of its id, so every process and machine agrees.
func ShardOf(docID string, n int) int {
	h := fnv.New64a()
	io.WriteString(h, docID)
	return int(h.Sum64() % uint64(n))
}

// A napper sleeps where a goroutine would otherwise wait on a channel
// whose sender would then pay to wake it (Run's readers and writer):
// from minNap, doubled at each sleep up to maxNap, until reset.
type napper struct {
	t *time.Timer
	d time.Duration
}

const (
	minNap = time.Millisecond
	maxNap = 32 * time.Millisecond
)

// sleep takes the next nap, or returns ctx's error once ctx is done.
func (n *napper) sleep(ctx context.Context) error {
	n.d = min(max(2*n.d, minNap), maxNap)
	if n.t == nil {
		n.t = time.NewTimer(n.d)
	} else {
		n.t.Reset(n.d)
	}
	select {
	case <-n.t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// reset makes the next nap the shortest again.
func (n *napper) reset() { n.d = 0 }

// stop releases the timer.
func (n *napper) stop() {
	if n.t != nil {
		n.t.Stop()
	}
}

// What the readers may read ahead: readAheadDocs documents per worker,
// and beyond one per worker, readAheadBytes of them.
const (
	readAheadDocs  = 16
	readAheadBytes = 4 << 20
)

// resultSlack is how many processed documents may wait for the writer.
const resultSlack = 256

// outInside returns where the folder out lies inside the folder in, as a
// slash path relative to in, or "" when it does not (or either is "").
// Links are resolved, so that a run into a link to a folder inside its
// input does not read its own output either.
func outInside(in, out string) string {
	if in == "" || out == "" {
		return ""
	}
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			return ""
		}
		if r, err := filepath.EvalSymlinks(a); err == nil {
			return r
		}
		return a
	}
	ai, ao := abs(in), abs(out)
	if ai == "" || ao == "" {
		return ""
	}
	rel, err := filepath.Rel(ai, ao)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	return filepath.ToSlash(rel)
}
