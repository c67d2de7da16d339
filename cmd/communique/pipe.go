package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"communique/extractors"
	"communique/pipeline"
)

const pipeUsage = `Usage: communique pipe [--root DIR] [flags] < documents.jsonl > records.jsonl

Reads documents as JSON lines on standard input, one object per line:

  {"doc_id": "2024/visit", "text": "..."}          the text (UTF-8); "source" optional
  {"doc_id": "2024/visit", "text_base64": "..."}   the raw bytes, base64 (any encoding)
  {"path": "2024/visit.txt"}                       a file below --root

Any line may add "url", "publisher" and "published" ("2024-03-12"), as a
manifest line of 'communique run' does (docs/input.md).

and writes their rows on standard output, one JSON line per row, under a
key named after the table and tagged with it:

  {"table":"documents","documents":{"doc_id":"2024/visit",...}}
  {"table":"events","events":{"event_id":...,"doc_id":"2024/visit",...}}

in input order, each document's rows together (documents, events,
mentions, rejects) and flushed. Nothing else goes to standard output; logs
go to standard error. Made for Spark's RDD.pipe and Hadoop Streaming:

  spark.read.json(out).where("table = 'events'").select("events.*")

Every input line gives a documents row: a line that is not JSON, lacks a
field or names a file that cannot be read gives one with status error and
the reason, and the stream goes on; so does a document over its time
budget (--doc-timeout). Exit status 0 then; 1 when standard input or
output fails; 130 or 143 when stopped by SIGINT or SIGTERM.

A path line's doc_id and source are the path relative to --root, as with
'communique run --in DIR'; absolute paths must be below --root, and so
must every link a path goes through. Named pipes, sockets and devices are
never opened.

Flags:
`

func cmdPipe(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("pipe", flag.ContinueOnError)
	fl.SetOutput(stderr)
	root := fl.String("root", ".", "folder that \"path\" lines are relative to, as `DIR` is for run --in")
	workers := fl.Int("workers", runtime.NumCPU(), "process `N` documents at once; one per CPU by default")
	maxBytes := fl.Int64("max-bytes", pipeline.DefaultMaxBytes, "largest document processed, in `bytes`, and largest text once decoded and normalized; larger ones are rejected (input lines may be twice that, plus 1 MiB)")
	budget := fl.Duration("doc-timeout", pipeline.DefaultDocTimeout, "time budget of one document (`duration`); one over it gets an error row and the stream goes on (0: no budget)")
	logFormat := fl.String("log-format", "text", "log format on stderr: text or json")
	logLevel := fl.String("log-level", "info", "log level: debug, info, warn, error")
	fl.Usage = func() { fmt.Fprint(stderr, pipeUsage); fl.PrintDefaults() }
	if help, err := parseFlags(fl, args, stderr); help || err != nil {
		return err
	}
	log, err := newLogger(stderr, *logFormat, *logLevel)
	if err != nil {
		return err
	}
	fi, err := os.Stat(*root)
	if err != nil {
		return fmt.Errorf("--root: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("--root %s: not a directory", *root)
	}
	rootDir, err := filepath.Abs(*root)
	if err != nil {
		return fmt.Errorf("--root: %w", err)
	}
	r, err := os.OpenRoot(rootDir)
	if err != nil {
		return fmt.Errorf("--root: %w", err)
	}
	defer r.Close()
	go extractors.Preload() // beside the first documents, as run's default
	st, err := pipeline.Pipe(ctx, pipeline.PipeConfig{
		Root:       r,
		RootDir:    rootDir,
		Workers:    *workers,
		MaxBytes:   *maxBytes,
		DocTimeout: docTimeout(*budget),
		Processor:  processor(),
		Logger:     log,
	}, stdin, stdout)
	if err != nil {
		return fmt.Errorf("pipe: %w", err)
	}
	log.Info("pipe done", "n", st.Docs, "ok", st.OK, "rejected", st.Rejected, "errors", st.Errors,
		"events", st.Events, "mentions", st.Mentions, "rejects", st.Rejects)
	return nil
}
