package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
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
	// AllowPartial merges the shards whose parts verify, leaving out
	// those whose parts are missing or do not verify; by default either
	// is an error.
	AllowPartial bool
	// RemoveParts removes the merged parts once the tables are in place,
	// those of each format written (JSONL, and Parquet of the same name),
	// so that readers that take both OUT/T.jsonl and OUT/T/*.jsonl do not
	// see the rows twice.
	RemoveParts bool
	// Logger receives warnings; nil is silent.
	Logger *slog.Logger

	ops fileOps // nil: the operating system's; tests inject failures
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
// JSONL lines are copied byte for byte. The files are written into a
// staging folder and committed as one (see outDir): OUT holds all the
// merged tables or, after any failure, what it held before.
//
// Merge verifies every part before it writes anything: against the
// manifest its shard wrote last (ShardManifest: size, SHA-256 and row
// count of each part), and each document's n_events, n_mentions and
// n_rejects against the rows the parts hold. It fails, with a reason
// naming the part, when a part does not verify (cut short, emptied,
// changed, missing, or without a manifest: a shard that did not finish)
// or the parts do not make one run: parts of different shard counts, a
// shard missing, a document whose rows are in two parts, rows of a
// document that has no documents row in the same part, a line that is
// not a row. With AllowPartial, the shards whose parts do not verify are
// left out, as missing shards are, and the rest merged.
//
// Merge holds the locks of the shards whose parts it reads, so that none
// is rewritten meanwhile, and the lock of OUT. With RemoveParts it
// removes the parts it merged, once the tables are committed; it never
// removes a part it did not verify.
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
	parts, shards, err := listParts(cfg.In)
	if err != nil {
		return Stats{}, err
	}
	locks, err := lockShards(cfg.In, parts)
	defer func() {
		for _, l := range locks {
			l.release()
		}
	}()
	if err != nil {
		return Stats{}, err
	}
	verified, err := verifyParts(cfg.In, parts, cfg.AllowPartial, log)
	if err != nil {
		return Stats{}, err
	}
	if err := checkComplete(cfg.In, verified, shards, cfg.AllowPartial); err != nil {
		return Stats{}, err
	}
	parts = verified

	// Read and check everything first.
	blocks := make(map[string][]docBlock, len(Tables))
	docs := make(map[string]docInfo) // from the documents table
	for _, table := range Tables {
		b, err := indexTable(ctx, table, parts[table], docs)
		if err != nil {
			return Stats{}, err
		}
		// Stable: blocks are listed in part and file order.
		slices.SortStableFunc(b, func(x, y docBlock) int { return strings.Compare(x.docID, y.docID) })
		blocks[table] = b
	}
	if err := checkCounts(cfg.In, docs); err != nil {
		return Stats{}, err
	}

	od, err := openOutDir(cfg.ops, cfg.Out, "", "communique merge", log)
	if err != nil {
		return Stats{}, err
	}
	defer od.close()
	var st Stats
	var pending []mergeOutput
	abort := func() {
		for _, o := range pending {
			o.abort()
		}
	}
	for _, table := range Tables {
		o, err := openMergeOutput(cfg, od, table)
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
	if err := ctx.Err(); err != nil {
		abort()
		return Stats{}, err
	}
	var rels []string
	for i, o := range pending {
		if err := o.finish(); err != nil {
			for _, rest := range pending[i+1:] {
				rest.abort()
			}
			return Stats{}, err
		}
		rels = append(rels, o.rels...)
	}
	var replace []string
	for _, t := range Tables {
		replace = append(replace, t+".jsonl", t+".parquet")
	}
	if err := od.commit(rels, replace); err != nil {
		return Stats{}, err
	}
	for _, rel := range rels {
		st.Files = append(st.Files, filepath.Join(cfg.Out, rel))
	}

	if cfg.RemoveParts {
		if err := removeParts(cfg, parts, log); err != nil {
			return st, err
		}
	}
	return st, nil
}

// removeParts removes the merged parts, those of each format written
// (JSONL, and Parquet of the same name), the manifests whose parts are
// all gone, and the folders left empty.
func removeParts(cfg MergeConfig, parts map[string][]mergePart, log *slog.Logger) error {
	bases := map[string]bool{}
	for _, table := range Tables {
		for _, p := range parts[table] {
			// Only parts of a format now in OUT/T.ext: the rows of
			// the others would be nowhere else.
			for _, format := range cfg.Formats {
				name := strings.TrimSuffix(p.path, ".jsonl") + "." + format
				if err := os.Remove(name); err != nil && !errors.Is(err, os.ErrNotExist) {
					return fmt.Errorf("remove merged part: %w", err)
				}
			}
			bases[p.base] = true
		}
		dir := filepath.Join(cfg.In, table)
		err := os.Remove(dir)
		if err != nil && !errors.Is(err, os.ErrNotExist) && len(cfg.Formats) == 2 {
			log.Warn("merged parts removed, but their folder is not empty", "dir", dir, "error", err)
		}
	}
	if len(cfg.Formats) == 2 {
		for base := range bases {
			os.Remove(filepath.Join(cfg.In, manifestDir, base+".json"))
		}
		os.Remove(filepath.Join(cfg.In, manifestDir))
	}
	return nil
}

// listParts lists the JSONL parts of every table, and the shard count of
// the named ones (0 for none), and checks that they are of one run.
func listParts(in string) (map[string][]mergePart, int, error) {
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
			return nil, 0, fmt.Errorf("list parts: %w", err)
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
					return nil, 0, fmt.Errorf("%s: shard %d of %d is not a shard", p.path, i, n)
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
			return nil, 0, fmt.Errorf("no JSONL parts to merge in %s, only Parquet ones (%s, ...): merge reads JSONL; merge Parquet-only runs with DuckDB", in, pq[0])
		}
		return nil, 0, fmt.Errorf("no parts to merge in %s (want %s)", in, filepath.Join(in, "T", "part-*.jsonl"))
	}
	if len(shards) > 1 {
		var desc []string
		for _, n := range slices.Sorted(mapKeys(shards)) {
			desc = append(desc, fmt.Sprintf("%d shards (%s, ...)", n, shards[n][0]))
		}
		return nil, 0, fmt.Errorf("parts of runs with different shard counts are mixed in %s: %s; remove the stale parts, or rerun into an empty folder", in, strings.Join(desc, " and "))
	}
	if named != "" && other != "" {
		return nil, 0, fmt.Errorf("parts of a sharded run (%s) and other parts (%s) are mixed in %s; remove the stale parts", named, other, in)
	}
	n := 0
	for k := range shards {
		n = k
	}
	return parts, n, nil
}

// lockShards takes the lock of every shard whose parts are listed, so
// that none is rewritten while they are merged. It fails, naming the
// holder, when a shard is being written. The locks taken are returned
// even then, to be released.
func lockShards(in string, parts map[string][]mergePart) ([]*outLock, error) {
	var locks []*outLock
	seen := map[string]bool{}
	for _, table := range Tables {
		for _, p := range parts[table] {
			if p.shard < 0 || seen[p.base] {
				continue
			}
			seen[p.base] = true
			scope := "shard-" + strings.TrimPrefix(p.base, "part-")
			l, err := lockFile(filepath.Join(in, scoped(lockName, scope, ".lock")), "communique merge")
			if err != nil {
				var le *LockedError
				if errors.As(err, &le) {
					return locks, fmt.Errorf("%s is still being written: %w", p.base, err)
				}
				return locks, err
			}
			locks = append(locks, l)
		}
	}
	return locks, nil
}

// verifyParts checks the parts of each shard against its manifest: every
// part the manifest lists is there with its size and SHA-256, and no
// JSONL part is there that it does not list. It returns the parts that
// verify. A shard that does not is an error naming its part, or, with
// allowPartial, left out with a warning.
func verifyParts(in string, parts map[string][]mergePart, allowPartial bool, log *slog.Logger) (map[string][]mergePart, error) {
	var bases []string
	for _, table := range Tables {
		for _, p := range parts[table] {
			if !slices.Contains(bases, p.base) {
				bases = append(bases, p.base)
			}
		}
	}
	slices.Sort(bases)
	bad := map[string]bool{}
	for _, base := range bases {
		err := verifyShard(in, base, parts)
		if err == nil {
			continue
		}
		if !allowPartial {
			return nil, fmt.Errorf("%w; rerun that shard, or merge the shards that verify with --allow-partial", err)
		}
		log.Warn("left out a shard whose parts do not verify", "part", base, "error", err)
		bad[base] = true
	}
	out := make(map[string][]mergePart, len(parts))
	for _, table := range Tables {
		for _, p := range parts[table] {
			if !bad[p.base] {
				out[table] = append(out[table], p)
			}
		}
	}
	return out, nil
}

// verifyShard checks the parts named base against their manifest.
func verifyShard(in, base string, parts map[string][]mergePart) error {
	m, err := readShardManifest(in, base)
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s has no manifest (%s): its shard did not finish, or was written by a communique that wrote none", base, filepath.Join(in, manifestDir, base+".json"))
	}
	if err != nil {
		return fmt.Errorf("%s: %w", base, err)
	}
	listed := map[string]bool{}
	for _, mp := range m.Parts {
		p := filepath.Join(in, filepath.FromSlash(mp.Path))
		listed[p] = true
		size, sum, err := digestFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s is missing; its shard's manifest lists it", p)
		}
		if err != nil {
			return fmt.Errorf("verify %s: %w", p, err)
		}
		if size != mp.Bytes || sum != mp.SHA256 {
			return fmt.Errorf("%s does not verify: %d bytes, SHA-256 %.12s..., where its shard's manifest has %d bytes, %.12s...: it was cut short or changed after its shard wrote it", p, size, sum, mp.Bytes, mp.SHA256)
		}
	}
	for _, table := range Tables {
		for _, p := range parts[table] {
			if p.base == base && !listed[p.path] {
				return fmt.Errorf("%s is not in its shard's manifest (%s)", p.path, filepath.Join(in, manifestDir, base+".json"))
			}
		}
	}
	if !slices.Contains(m.Formats, "jsonl") {
		return fmt.Errorf("%s: its shard's manifest lists no JSONL parts", base)
	}
	return nil
}

// checkComplete checks that every table has the same parts, and that a
// sharded run has all its shards (unless allowPartial).
func checkComplete(in string, parts map[string][]mergePart, n int, allowPartial bool) error {
	var first string
	for _, table := range Tables {
		if len(parts[table]) > 0 {
			first = table
			break
		}
	}
	if first == "" {
		return fmt.Errorf("no parts of %s verify", in)
	}
	has := func(table, base string) bool {
		return slices.ContainsFunc(parts[table], func(p mergePart) bool { return p.base == base })
	}
	for _, table := range Tables {
		for _, p := range parts[first] {
			if !has(table, p.base) {
				return fmt.Errorf("%s has no %s.jsonl, which %s has: that shard did not finish writing; rerun it", filepath.Join(in, table), p.base, filepath.Join(in, first))
			}
		}
		for _, p := range parts[table] {
			if !has(first, p.base) {
				return fmt.Errorf("%s has no %s.jsonl, which %s has: that shard did not finish writing; rerun it", filepath.Join(in, first), p.base, filepath.Join(in, table))
			}
		}
	}
	if n == 0 {
		return nil
	}
	var missing []string
	for i := range n {
		if !slices.ContainsFunc(parts[first], func(p mergePart) bool { return p.shard == i }) {
			missing = append(missing, strconv.Itoa(i))
		}
	}
	if len(missing) > 0 && !allowPartial {
		return fmt.Errorf("%s: shards %s of %d have no parts that verify (not run, not finished, or changed since); rerun them, or merge what there is with --allow-partial", in, strings.Join(missing, ", "), n)
	}
	return nil
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

// docInfo is what the documents table says of one document, and what
// the other tables hold of it.
type docInfo struct {
	base string    // the part's name, without extension
	want [3]*int64 // n_events, n_mentions, n_rejects of its documents row
	got  [3]int64  // rows in events, mentions, rejects
}

// countedTables are the tables whose rows a documents row counts, in the
// order of docInfo's counts.
var countedTables = [3]string{"events", "mentions", "rejects"}

// indexTable reads the parts of one table and returns its document
// blocks, in part and file order. For the documents table it fills docs;
// for the others it checks every document against it and counts its rows.
func indexTable(ctx context.Context, table string, parts []mergePart, docs map[string]docInfo) ([]docBlock, error) {
	var blocks []docBlock
	seen := make(map[string]int) // doc_id -> part, in this table
	counted := slices.Index(countedTables[:], table)
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
				row, ierr := readRowHead(line, table == "documents")
				if ierr != nil {
					f.Close()
					return nil, fmt.Errorf("%s:%d: not a %s row: %w", p.path, n, table, ierr)
				}
				id := row.DocID
				if last := len(blocks) - 1; contiguous && blocks[last].docID == id {
					blocks[last].len += int64(len(line))
				} else {
					if q, ok := seen[id]; ok && q != pi {
						f.Close()
						return nil, fmt.Errorf("document %q has rows in two parts of %s, %s and %s: parts of two runs are mixed; remove the stale one", id, table, parts[q].path, p.path)
					}
					seen[id] = pi
					if table == "documents" {
						docs[id] = docInfo{base: p.base, want: [3]*int64{row.NEvents, row.NMentions, row.NRejects}}
					} else if d, ok := docs[id]; !ok {
						f.Close()
						return nil, fmt.Errorf("%s:%d: document %q has no documents row in %s", p.path, n, id, p.base)
					} else if d.base != p.base {
						f.Close()
						return nil, fmt.Errorf("%s:%d: document %q has its documents row in another part, %s: parts of two runs are mixed; remove the stale one", p.path, n, id, d.base)
					}
					blocks = append(blocks, docBlock{docID: id, part: pi, off: off, len: int64(len(line))})
				}
				if counted >= 0 {
					d := docs[id]
					d.got[counted]++
					docs[id] = d
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

// checkCounts checks each document's rows against the counts its
// documents row gives, and names the part of the first that differs.
func checkCounts(in string, docs map[string]docInfo) error {
	for _, id := range slices.Sorted(mapKeys(docs)) {
		d := docs[id]
		for k, want := range d.want {
			if want == nil || *want == d.got[k] {
				continue
			}
			t := countedTables[k]
			return fmt.Errorf("%s: document %q has %d rows there, and its documents row (in %s) says n_%s %d: the part was cut short or changed; rerun its shard",
				filepath.Join(in, t, d.base+".jsonl"), id, d.got[k], filepath.Join(in, "documents", d.base+".jsonl"), t, *want)
		}
	}
	return nil
}

// rowHead is what merge reads of a row: its document, and for a
// documents row the counts of the document's other rows.
type rowHead struct {
	DocID     string `json:"doc_id"`
	NEvents   *int64 `json:"n_events"`
	NMentions *int64 `json:"n_mentions"`
	NRejects  *int64 `json:"n_rejects"`
}

// readRowHead reads the doc_id of one JSONL row and, for a documents row,
// its counts.
func readRowHead(line []byte, documents bool) (rowHead, error) {
	var row rowHead
	var err error
	if documents {
		err = json.Unmarshal(line, &row)
	} else {
		var id struct {
			DocID *string `json:"doc_id"`
		}
		err = json.Unmarshal(line, &id)
		if id.DocID != nil {
			row.DocID = *id.DocID
		}
	}
	if err != nil {
		return rowHead{}, err
	}
	if row.DocID == "" {
		return rowHead{}, errors.New("no doc_id")
	}
	return row, nil
}

// mergeOutput is the files of one merged table, written into the staging
// folder of the merge's outDir.
type mergeOutput struct {
	table   string
	rels    []string // relative to OUT
	jsonl   *tempFile
	bw      *bufio.Writer
	parquet Writer
}

func openMergeOutput(cfg MergeConfig, od *outDir, table string) (mergeOutput, error) {
	o := mergeOutput{table: table}
	for _, format := range cfg.Formats {
		rel := table + "." + format
		p := od.staged(rel)
		var err error
		switch format {
		case "jsonl":
			if o.jsonl, err = createTemp(od.ops, p); err == nil {
				o.bw = bufio.NewWriterSize(o.jsonl.f, jsonlBufSize)
			}
		case "parquet":
			o.parquet, err = newParquetWriter(od.ops, p, table, cfg.Parquet)
		default:
			err = fmt.Errorf("unknown output format %q (want jsonl or parquet)", format)
		}
		if err != nil {
			o.abort()
			return mergeOutput{}, fmt.Errorf("open %s: %w", filepath.Join(cfg.Out, rel), err)
		}
		o.rels = append(o.rels, rel)
	}
	return o, nil
}

// finish completes the table's files in the staging folder, synced.
func (o mergeOutput) finish() error {
	if o.jsonl != nil {
		if err := o.bw.Flush(); err != nil {
			o.abort()
			return fmt.Errorf("write %s: %w", o.table, err)
		}
		if err := o.jsonl.commit(); err != nil {
			if o.parquet != nil {
				o.parquet.Abort()
			}
			return fmt.Errorf("finish %s: %w", o.table, err)
		}
	}
	if o.parquet != nil {
		if err := o.parquet.Commit(); err != nil {
			return fmt.Errorf("finish %s: %w", o.table, err)
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
