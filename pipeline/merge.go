package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// MergeConfig says which parts Merge compacts and where it writes.
type MergeConfig struct {
	// In is the output directory of a sharded run: the parts are
	// IN/T/part-*.jsonl for each table T.
	In string
	// Out is where the tables go, as OUT/T.jsonl and OUT/T.parquet. It
	// may be In.
	Out string
	// Formats: "jsonl", "parquet", or both (the default).
	Formats []string
	// Parquet tunes the Parquet writers.
	Parquet ParquetOptions
	// AllowPartial merges the parts there are when some shards of a
	// sharded run have none; by default that is an error.
	AllowPartial bool
	// RemoveParts removes the merged parts once the tables are in place,
	// those of each format written (JSONL, and Parquet of the same name),
	// so that readers that take both OUT/T.jsonl and OUT/T/*.jsonl do not
	// see the rows twice.
	RemoveParts bool
	// Logger receives warnings; nil is silent.
	Logger *slog.Logger
}

// partName matches the parts that Run writes for shard I of N.
var partName = regexp.MustCompile(`^part-(\d+)-of-(\d+)\.jsonl$`)

// mergePart is one JSONL part of one table.
type mergePart struct {
	path  string
	base  string // the name without .jsonl: the same in every table
	shard int    // -1 for a part not named part-I-of-N
}

// docBlock is a run of consecutive lines of one document in one part.
type docBlock struct {
	docID    string
	part     int // index into the table's parts
	off, len int64
}

// Merge compacts the parts of a sharded run, IN/T/part-*.jsonl, into one
// table per file, OUT/T.jsonl and OUT/T.parquet. Rows are ordered by
// doc_id (byte order), the rows of one document in their original order;
// JSONL lines are copied byte for byte. Each file is written to a
// temporary file and renamed into place once all are written.
//
// Merge reads and checks every part before it writes anything, and fails
// with a reason naming the files when the parts do not make one run: parts
// of different shard counts, a shard missing (unless AllowPartial), a part
// one table has and another lacks, a document whose rows are in two parts
// (a shard written twice under different names), rows of a document that
// has no documents row in the same part, or a line that is not a row.
//
// Merge holds one small entry per document and table in memory, not the
// rows; for tables beyond that, see the DuckDB query in the README.
func Merge(ctx context.Context, cfg MergeConfig) (Stats, error) {
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if len(cfg.Formats) == 0 {
		cfg.Formats = []string{"jsonl", "parquet"}
	}
	parts, err := listParts(cfg.In, cfg.AllowPartial)
	if err != nil {
		return Stats{}, err
	}

	// Read and check everything first.
	blocks := make(map[string][]docBlock, len(Tables))
	docPart := make(map[string]string) // doc_id -> part name, from documents
	for _, table := range Tables {
		b, err := indexTable(ctx, table, parts[table], docPart)
		if err != nil {
			return Stats{}, err
		}
		// Stable: blocks are listed in part and file order.
		slices.SortStableFunc(b, func(x, y docBlock) int { return strings.Compare(x.docID, y.docID) })
		blocks[table] = b
	}

	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return Stats{}, fmt.Errorf("create output directory: %w", err)
	}
	var st Stats
	var pending []mergeOutput
	abort := func() {
		for _, o := range pending {
			o.abort()
		}
	}
	for _, table := range Tables {
		o, err := openMergeOutput(cfg, table)
		if err != nil {
			abort()
			return Stats{}, err
		}
		pending = append(pending, o)
		if err := copyBlocks(ctx, o, parts[table], blocks[table], &st); err != nil {
			abort()
			return Stats{}, err
		}
	}
	for i, o := range pending {
		if err := o.commit(); err != nil {
			for _, rest := range pending[i+1:] {
				rest.abort()
			}
			return Stats{}, err
		}
		st.Files = append(st.Files, o.files...)
	}

	if cfg.RemoveParts {
		for _, table := range Tables {
			for _, p := range parts[table] {
				// Only parts of a format now in OUT/T.ext: the rows of
				// the others would be nowhere else.
				for _, format := range cfg.Formats {
					name := strings.TrimSuffix(p.path, ".jsonl") + "." + format
					if err := os.Remove(name); err != nil && !errors.Is(err, os.ErrNotExist) {
						return st, fmt.Errorf("remove merged part: %w", err)
					}
				}
			}
			dir := filepath.Join(cfg.In, table)
			err := os.Remove(dir)
			if err != nil && !errors.Is(err, os.ErrNotExist) && len(cfg.Formats) == 2 {
				log.Warn("merged parts removed, but their folder is not empty", "dir", dir, "error", err)
			}
		}
	}
	return st, nil
}

// listParts lists the JSONL parts of every table and checks that they
// make one run.
func listParts(in string, allowPartial bool) (map[string][]mergePart, error) {
	parts := make(map[string][]mergePart, len(Tables))
	shards := map[int][]string{} // shard count -> a part that has it
	named, other := "", ""
	total := 0
	for _, table := range Tables {
		dir := filepath.Join(in, table)
		entries, err := os.ReadDir(dir)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("list parts: %w", err)
		}
		for _, e := range entries {
			name := e.Name()
			if !strings.HasPrefix(name, "part-") || !strings.HasSuffix(name, ".jsonl") || e.IsDir() {
				continue
			}
			p := mergePart{path: filepath.Join(dir, name), base: strings.TrimSuffix(name, ".jsonl"), shard: -1}
			if m := partName.FindStringSubmatch(name); m != nil {
				i, _ := strconv.Atoi(m[1])
				n, _ := strconv.Atoi(m[2])
				if n < 1 || i >= n {
					return nil, fmt.Errorf("%s: shard %d of %d is not a shard", p.path, i, n)
				}
				p.shard = i
				shards[n] = append(shards[n], p.path)
				named = p.path
			} else {
				other = p.path
			}
			parts[table] = append(parts[table], p)
			total++
		}
	}
	if total == 0 {
		if pq, _ := filepath.Glob(filepath.Join(in, "*", "part-*.parquet")); len(pq) > 0 {
			return nil, fmt.Errorf("no JSONL parts to merge in %s, only Parquet ones (%s, ...): merge reads JSONL; merge Parquet-only runs with DuckDB", in, pq[0])
		}
		return nil, fmt.Errorf("no parts to merge in %s (want %s)", in, filepath.Join(in, "T", "part-*.jsonl"))
	}
	if len(shards) > 1 {
		var desc []string
		for _, n := range slices.Sorted(mapKeys(shards)) {
			desc = append(desc, fmt.Sprintf("%d shards (%s, ...)", n, shards[n][0]))
		}
		return nil, fmt.Errorf("parts of runs with different shard counts are mixed in %s: %s; remove the stale parts, or rerun into an empty folder", in, strings.Join(desc, " and "))
	}
	if named != "" && other != "" {
		return nil, fmt.Errorf("parts of a sharded run (%s) and other parts (%s) are mixed in %s; remove the stale parts", named, other, in)
	}

	// Every table has the same parts: a run writes all tables of a shard.
	var first string
	for _, table := range Tables {
		if len(parts[table]) > 0 {
			first = table
			break
		}
	}
	has := func(table, base string) bool {
		return slices.ContainsFunc(parts[table], func(p mergePart) bool { return p.base == base })
	}
	for _, table := range Tables {
		for _, p := range parts[first] {
			if !has(table, p.base) {
				return nil, fmt.Errorf("%s has no %s.jsonl, which %s has: that shard did not finish writing; rerun it", filepath.Join(in, table), p.base, filepath.Join(in, first))
			}
		}
		for _, p := range parts[table] {
			if !has(first, p.base) {
				return nil, fmt.Errorf("%s has no %s.jsonl, which %s has: that shard did not finish writing; rerun it", filepath.Join(in, first), p.base, filepath.Join(in, table))
			}
		}
	}

	// A sharded run has all its shards.
	for n := range shards {
		var missing []string
		for i := range n {
			if !slices.ContainsFunc(parts[first], func(p mergePart) bool { return p.shard == i }) {
				missing = append(missing, strconv.Itoa(i))
			}
		}
		if len(missing) > 0 && !allowPartial {
			return nil, fmt.Errorf("%s: shards %s of %d have no parts (not run, or not finished); rerun them, or merge what there is with --allow-partial", in, strings.Join(missing, ", "), n)
		}
	}
	return parts, nil
}

func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// indexTable reads the parts of one table and returns its document
// blocks, in part and file order. For the documents table it fills
// docPart; for the others it checks every document against it.
func indexTable(ctx context.Context, table string, parts []mergePart, docPart map[string]string) ([]docBlock, error) {
	var blocks []docBlock
	seen := make(map[string]int) // doc_id -> part, in this table
	for pi, p := range parts {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		f, err := os.Open(p.path)
		if err != nil {
			return nil, fmt.Errorf("read part: %w", err)
		}
		br := bufio.NewReaderSize(f, 256<<10)
		var off int64
		contiguous := false // the line before was a row of the last block
		for n := 1; ; n++ {
			line, err := br.ReadBytes('\n')
			if len(bytes.TrimSpace(line)) == 0 {
				contiguous = false // blank lines are left out
			} else {
				id, ierr := rowDocID(line)
				if ierr != nil {
					f.Close()
					return nil, fmt.Errorf("%s:%d: not a %s row: %w", p.path, n, table, ierr)
				}
				if last := len(blocks) - 1; contiguous && blocks[last].docID == id {
					blocks[last].len += int64(len(line))
				} else {
					if q, ok := seen[id]; ok && q != pi {
						f.Close()
						return nil, fmt.Errorf("document %q has rows in two parts of %s, %s and %s: parts of two runs are mixed; remove the stale one", id, table, parts[q].path, p.path)
					}
					seen[id] = pi
					if table == "documents" {
						docPart[id] = p.base
					} else if q, ok := docPart[id]; !ok {
						f.Close()
						return nil, fmt.Errorf("%s:%d: document %q has no documents row in %s", p.path, n, id, p.base)
					} else if q != p.base {
						f.Close()
						return nil, fmt.Errorf("%s:%d: document %q has its documents row in another part, %s: parts of two runs are mixed; remove the stale one", p.path, n, id, q)
					}
					blocks = append(blocks, docBlock{docID: id, part: pi, off: off, len: int64(len(line))})
				}
				contiguous = true
			}
			off += int64(len(line))
			if err == io.EOF {
				break
			}
			if err != nil {
				f.Close()
				return nil, fmt.Errorf("read part: %w", err)
			}
		}
		f.Close()
	}
	return blocks, nil
}

// rowDocID returns the doc_id of one JSONL row.
func rowDocID(line []byte) (string, error) {
	var row struct {
		DocID *string `json:"doc_id"`
	}
	if err := json.Unmarshal(line, &row); err != nil {
		return "", err
	}
	if row.DocID == nil || *row.DocID == "" {
		return "", errors.New("no doc_id")
	}
	return *row.DocID, nil
}

// mergeOutput is the files of one merged table.
type mergeOutput struct {
	table   string
	files   []string // destinations
	jsonl   *tempFile
	bw      *bufio.Writer
	parquet Writer
}

func openMergeOutput(cfg MergeConfig, table string) (mergeOutput, error) {
	o := mergeOutput{table: table}
	for _, format := range cfg.Formats {
		p := filepath.Join(cfg.Out, table+"."+format)
		var err error
		switch format {
		case "jsonl":
			if o.jsonl, err = createTemp(p); err == nil {
				o.bw = bufio.NewWriterSize(o.jsonl.f, jsonlBufSize)
			}
		case "parquet":
			o.parquet, err = NewParquetWriter(p, table, cfg.Parquet)
		default:
			err = fmt.Errorf("unknown output format %q (want jsonl or parquet)", format)
		}
		if err != nil {
			o.abort()
			return mergeOutput{}, fmt.Errorf("open %s: %w", p, err)
		}
		o.files = append(o.files, p)
	}
	return o, nil
}

func (o mergeOutput) commit() error {
	if o.jsonl != nil {
		if err := o.bw.Flush(); err != nil {
			o.abort()
			return fmt.Errorf("write %s: %w", o.jsonl.path, err)
		}
		if err := o.jsonl.commit(); err != nil {
			if o.parquet != nil {
				o.parquet.Abort()
			}
			return fmt.Errorf("commit %s: %w", o.jsonl.path, err)
		}
	}
	if o.parquet != nil {
		if err := o.parquet.Commit(); err != nil {
			return fmt.Errorf("commit %s: %w", o.table, err)
		}
	}
	return nil
}

func (o mergeOutput) abort() {
	if o.jsonl != nil {
		o.jsonl.abort()
	}
	if o.parquet != nil {
		o.parquet.Abort()
	}
}

// rowTypes are the row types of the tables, for decoding JSONL rows.
var rowTypes = map[string]reflect.Type{
	"documents": reflect.TypeFor[Document](),
	"events":    reflect.TypeFor[Event](),
	"mentions":  reflect.TypeFor[Mention](),
	"rejects":   reflect.TypeFor[Reject](),
}

// copyBlocks writes the blocks of one table, in order, to its outputs.
func copyBlocks(ctx context.Context, o mergeOutput, parts []mergePart, blocks []docBlock, st *Stats) error {
	files := make(map[int]*os.File)
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	var buf []byte
	for i, b := range blocks {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		f := files[b.part]
		if f == nil {
			if len(files) >= 64 { // bound the open files
				for k, f := range files {
					f.Close()
					delete(files, k)
				}
			}
			var err error
			if f, err = os.Open(parts[b.part].path); err != nil {
				return fmt.Errorf("read part: %w", err)
			}
			files[b.part] = f
		}
		buf = slices.Grow(buf[:0], int(b.len))[:b.len]
		if _, err := f.ReadAt(buf, b.off); err != nil {
			return fmt.Errorf("read part %s: %w", parts[b.part].path, err)
		}
		if o.bw != nil {
			o.bw.Write(buf)
			if buf[len(buf)-1] != '\n' {
				o.bw.WriteByte('\n')
			}
		}
		for line := range bytes.Lines(buf) {
			if len(bytes.TrimSpace(line)) == 0 {
				continue
			}
			if err := countRow(o.table, line, st); err != nil {
				return fmt.Errorf("%s: %w", parts[b.part].path, err)
			}
			if o.parquet == nil {
				continue
			}
			v := reflect.New(rowTypes[o.table])
			dec := json.NewDecoder(bytes.NewReader(line))
			dec.DisallowUnknownFields()
			if err := dec.Decode(v.Interface()); err != nil {
				return fmt.Errorf("%s: a %s row of %s: %w", parts[b.part].path, o.table, b.docID, err)
			}
			if err := o.parquet.Write(v.Elem().Interface()); err != nil {
				return fmt.Errorf("write %s: %w", o.table, err)
			}
		}
	}
	return nil
}

// countRow adds one row to the counts of a merge.
func countRow(table string, line []byte, st *Stats) error {
	switch table {
	case "documents":
		var d struct {
			Status string `json:"status"`
		}
		if err := json.Unmarshal(line, &d); err != nil {
			return err
		}
		st.addDocument(d.Status)
	case "events":
		st.Events++
	case "mentions":
		st.Mentions++
	case "rejects":
		st.Rejects++
	}
	return nil
}
