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

// tableSet holds the writers of one run: one per table and format.
type tableSet struct {
	writers map[string][]Writer // by table
	paths   []string
}

// tablePath is where a table's file goes: OUT/T.ext for a whole run,
// OUT/T/part-IIIII-of-NNNNN.ext for one shard of a sharded run.
func tablePath(cfg Config, table, format string) string {
	if cfg.Shards > 0 {
		return filepath.Join(cfg.Out, table, fmt.Sprintf("part-%05d-of-%05d.%s", cfg.Shard, cfg.Shards, format))
	}
	return filepath.Join(cfg.Out, table+"."+format)
}

func openSink(cfg Config) (*tableSet, error) {
	ts := &tableSet{writers: make(map[string][]Writer)}
	tables := Tables
	if cfg.WithText {
		tables = append(slices.Clip(tables), TextsTable)
	}
	for _, table := range tables {
		for _, format := range cfg.Formats {
			p := tablePath(cfg, table, format)
			var w Writer
			var err error
			switch format {
			case "jsonl":
				w, err = NewJSONLWriter(p)
			case "parquet":
				w, err = NewParquetWriter(p, table, cfg.Parquet)
			default:
				err = fmt.Errorf("unknown output format %q (want jsonl or parquet)", format)
			}
			if err != nil {
				ts.abort()
				return nil, fmt.Errorf("open %s: %w", p, err)
			}
			ts.writers[table] = append(ts.writers[table], w)
			ts.paths = append(ts.paths, p)
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

// commit puts every table in place. If one fails, the ones not yet
// committed are aborted.
func (ts *tableSet) commit() ([]string, error) {
	for _, table := range append(slices.Clip(Tables), TextsTable) {
		for i, w := range ts.writers[table] {
			if err := w.Commit(); err != nil {
				for _, rest := range ts.writers[table][i+1:] {
					rest.Abort()
				}
				ts.writers[table] = nil
				ts.abort()
				return nil, fmt.Errorf("commit %s: %w", table, err)
			}
		}
		ts.writers[table] = nil
	}
	return ts.paths, nil
}

func (ts *tableSet) abort() {
	for _, ws := range ts.writers {
		for _, w := range ws {
			w.Abort()
		}
	}
}
