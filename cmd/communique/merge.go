package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"communique/pipeline"
)

const mergeUsage = `Usage: communique merge --in OUT [--out MERGED] [flags]

Compacts the parts of a sharded run, OUT/T/part-*.jsonl, into one file per
table and format, MERGED/T.jsonl and MERGED/T.parquet: rows ordered by
doc_id, each document's rows in their original order, JSONL lines copied
byte for byte. The files are written into a staging folder and committed
as one: after any failure MERGED holds what it held before.

Every part is verified first: against the manifest its shard wrote last,
OUT/_manifest/part-I-of-N.json (size, SHA-256 and rows of each part), and
each document's n_events, n_mentions and n_rejects against the rows there.
Nothing is written when a part does not verify (cut short, emptied,
changed, missing, no manifest: its shard did not finish) or the parts do
not make one run (different shard counts, a shard missing, a document in
two parts), and the reason names the part. With --allow-partial the
shards that verify are merged and the others left out, and said.

Without --out (or with --out OUT) the merge is in place: the tables go to
OUT/T.jsonl and OUT/T.parquet and the merged parts are removed, so that
readers taking both OUT/T.jsonl and OUT/T/*.jsonl see each row once. A
part that did not verify is never removed.

For Parquet-only runs, or tables too large for one machine, DuckDB does
the same:
  COPY (SELECT * FROM 'out/events/*.parquet' ORDER BY doc_id)
    TO 'merged/events.parquet' (FORMAT parquet);

Examples:
  communique merge --in out --out merged
  communique merge --in out                      # in place

Flags:
`

func cmdMerge(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("merge", flag.ContinueOnError)
	fl.SetOutput(stderr)
	in := fl.String("in", "", "output `DIR` of a sharded run, holding T/part-*.jsonl")
	out := fl.String("out", "", "`DIR` for the merged tables (default: --in, in place)")
	format := fl.String("format", "jsonl,parquet", "output formats, comma-separated: jsonl, parquet")
	rowGroup := fl.Int("row-group", 50_000, "Parquet row group size in `rows`")
	partial := fl.Bool("allow-partial", false, "merge the shards whose parts verify, leaving out those missing or not verifying")
	logFormat := fl.String("log-format", "text", "log format on stderr: text or json")
	logLevel := fl.String("log-level", "info", "log level: debug, info, warn, error")
	quiet := fl.Bool("quiet", false, "print no summary on stdout")
	fl.Usage = func() { fmt.Fprint(stderr, mergeUsage); fl.PrintDefaults() }
	if help, err := parseFlags(fl, args, stderr); help || err != nil {
		return err
	}
	if *in == "" {
		fmt.Fprintln(stderr, "communique merge: --in is required")
		return errUsage
	}
	if *out == "" {
		*out = *in
	}
	log, err := newLogger(stderr, *logFormat, *logLevel)
	if err != nil {
		return err
	}
	formats, err := parseFormats(*format)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(*in); err != nil {
		return fmt.Errorf("--in: %w", err)
	} else if !fi.IsDir() {
		return fmt.Errorf("--in %s: not a directory", *in)
	}
	inPlace, err := sameDir(*in, *out)
	if err != nil {
		return err
	}
	if err := checkWritable(*out); err != nil {
		return err
	}
	start := time.Now()
	st, err := pipeline.Merge(ctx, pipeline.MergeConfig{
		In:           *in,
		Out:          *out,
		Formats:      formats,
		Parquet:      pipeline.ParquetOptions{RowGroupRows: *rowGroup},
		AllowPartial: *partial,
		RemoveParts:  inPlace,
		Logger:       log,
	})
	if err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	if !*quiet {
		fmt.Fprintf(stdout, "communique: merged the parts of %s in %.2fs\n", *in, time.Since(start).Seconds())
		fmt.Fprintf(stdout, "  documents: %d ok, %d rejected, %d errors\n", st.OK, st.Rejected, st.Errors)
		fmt.Fprintf(stdout, "  events: %d   mentions: %d   rejected records: %d\n", st.Events, st.Mentions, st.Rejects)
		fmt.Fprintln(stdout, "  wrote:")
		for _, p := range st.Files {
			fmt.Fprintln(stdout, "   ", p)
		}
	}
	return nil
}

// sameDir reports whether a and b name the same folder.
func sameDir(a, b string) (bool, error) {
	aa, err := filepath.Abs(a)
	if err != nil {
		return false, err
	}
	bb, err := filepath.Abs(b)
	if err != nil {
		return false, err
	}
	return aa == bb, nil
}
