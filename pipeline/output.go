package pipeline

import (
	"fmt"
	"path/filepath"
	"slices"
)

// TextsTable is the optional table of normalized texts, written beside
// Tables when Config.WithText is set. It is not one of Tables: a run
// without it is complete, and Merge leaves its parts alone.
const TextsTable = "texts"

// tableSet holds the writers of one run: one per table and format, each
// writing into the run's staging folder.
type tableSet struct {
	od      *outDir
	writers map[string][]Writer // by table
	rels    []string            // the files, relative to OUT
	tables  map[string]string   // the table of each file of rels
	rows    map[string]int64    // rows written, by table
}

// tableRel is where a table's file goes, relative to OUT: T.ext for a
// whole run, T/part-IIIII-of-NNNNN.ext for one shard of a sharded run.
func tableRel(cfg Config, table, format string) string {
	if cfg.Shards > 0 {
		return table + "/" + partBase(cfg.Shard, cfg.Shards) + "." + format
	}
	return table + "." + format
}

// partBase is the name of shard i of n's parts, without extension.
func partBase(i, n int) string { return fmt.Sprintf("part-%05d-of-%05d", i, n) }

// runScope is the scope a run writes in OUT (see outDir).
func runScope(cfg Config) string {
	if cfg.Shards > 0 {
		return "shard-" + fmt.Sprintf("%05d-of-%05d", cfg.Shard, cfg.Shards)
	}
	return ""
}

// runReplaces lists the files a run's output replaces in OUT: the tables
// of every format, the texts table too, so that no table of an earlier
// run stays beside the new ones; for a shard, its parts and its manifest.
func runReplaces(cfg Config) []string {
	var out []string
	for _, t := range append(slices.Clip(Tables), TextsTable) {
		for _, f := range []string{"jsonl", "parquet"} {
			out = append(out, tableRel(cfg, t, f))
		}
	}
	if cfg.Shards > 0 {
		out = append(out, shardManifestRel(cfg.Shard, cfg.Shards))
	}
	return out
}

func openSink(cfg Config, od *outDir) (*tableSet, error) {
	ts := &tableSet{od: od, writers: make(map[string][]Writer), tables: make(map[string]string), rows: make(map[string]int64)}
	tables := Tables
	if cfg.WithText {
		tables = append(slices.Clip(tables), TextsTable)
	}
	for _, table := range tables {
		for _, format := range cfg.Formats {
			rel := tableRel(cfg, table, format)
			p := od.staged(rel)
			var w Writer
			var err error
			switch format {
			case "jsonl":
				w, err = newJSONLWriter(od.ops, p)
			case "parquet":
				w, err = newParquetWriter(od.ops, p, table, cfg.Parquet)
			default:
				err = fmt.Errorf("unknown output format %q (want jsonl or parquet)", format)
			}
			if err != nil {
				ts.abort()
				return nil, fmt.Errorf("open %s: %w", filepath.Join(cfg.Out, rel), err)
			}
			ts.writers[table] = append(ts.writers[table], w)
			ts.rels = append(ts.rels, rel)
			ts.tables[rel] = table
		}
	}
	return ts, nil
}

func (ts *tableSet) put(table string, row any) error {
	for _, w := range ts.writers[table] {
		if err := w.Write(row); err != nil {
			return fmt.Errorf("write %s: %w", table, err)
		}
	}
	ts.rows[table]++
	return nil
}

// write writes all rows of one document.
func (ts *tableSet) write(o Output) error {
	if err := ts.put("documents", o.Document); err != nil {
		return err
	}
	for _, e := range o.Events {
		if err := ts.put("events", e); err != nil {
			return err
		}
	}
	for _, m := range o.Mentions {
		if err := ts.put("mentions", m); err != nil {
			return err
		}
	}
	for _, r := range o.Rejects {
		if err := ts.put("rejects", r); err != nil {
			return err
		}
	}
	if o.Document.Status == StatusOK {
		// A no-op unless the run writes texts.
		if err := ts.put(TextsTable, Text{DocID: o.Document.DocID, Text: o.Text}); err != nil {
			return err
		}
	}
	return nil
}

// finish completes every file in the staging folder, synced. If one
// fails, the others are aborted.
func (ts *tableSet) finish() error {
	for _, table := range append(slices.Clip(Tables), TextsTable) {
		for i, w := range ts.writers[table] {
			if err := w.Commit(); err != nil {
				for _, rest := range ts.writers[table][i+1:] {
					rest.Abort()
				}
				ts.writers[table] = nil
				ts.abort()
				return fmt.Errorf("finish %s: %w", table, err)
			}
		}
		ts.writers[table] = nil
	}
	return nil
}

func (ts *tableSet) abort() {
	for _, ws := range ts.writers {
		for _, w := range ws {
			w.Abort()
		}
	}
}
