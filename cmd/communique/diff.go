package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"communique/diff"
)

const diffUsage = `Usage: communique diff [--format text|markdown|json] [--top N] [--fail-on-change] OLD NEW

Compares the output of two runs, the folders OLD and NEW (plain OUT/T.jsonl
or the parts of a sharded run, OUT/T/part-*.jsonl): per table and record
kind, the rows added, removed and changed; then the documents with the
most changes, each with its changed rows side by side, old | new.

Rows are matched within a document by a content key (for a visit: its
traveller, country and place), so an event whose dates moved is one
changed row, not a removal and an addition. Runs are read as communique
writes them, in doc_id order, one document at a time: memory stays small
whatever their size. docs/diff.md has the keys and the output formats.

Exit status 0, or with --fail-on-change 1 when any row differs; 1 with a
reason when the runs cannot be read.

Examples:
  communique diff out-v1 out-v2
  communique diff --format markdown --top 5 old/ new/ > changes.md
  communique diff --fail-on-change baseline/ out/      # a CI gate

Flags:
`

// errChanged is --fail-on-change's failure.
var errChanged = errors.New("the runs differ")

func cmdDiff(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("diff", flag.ContinueOnError)
	fl.SetOutput(stderr)
	format := fl.String("format", "text", "output `FORMAT`: "+strings.Join(diff.Formats, ", "))
	top := fl.Int("top", diff.DefaultTop, "list the `N` documents with the most changes, with their rows")
	failOnChange := fl.Bool("fail-on-change", false, "exit 1 when any row was added, removed or changed")
	fl.Usage = func() { fmt.Fprint(stderr, diffUsage); fl.PrintDefaults() }
	// Flags may come before or after OLD NEW.
	var dirs []string
	for rest := args; ; {
		if err := fl.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return errUsage
		}
		if fl.NArg() == 0 {
			break
		}
		dirs = append(dirs, fl.Arg(0))
		rest = fl.Args()[1:]
	}
	if len(dirs) != 2 {
		fmt.Fprintf(stderr, "communique diff: want two run folders, OLD and NEW; got %d\n", len(dirs))
		return errUsage
	}
	if *top < 0 {
		return fmt.Errorf("diff: --top %d: want 0 or more", *top)
	}
	if !validFormat(*format) {
		return fmt.Errorf("diff: --format %q: want %s", *format, strings.Join(diff.Formats, ", "))
	}
	for _, d := range dirs {
		if fi, err := os.Stat(d); err != nil {
			return fmt.Errorf("diff: %w", err)
		} else if !fi.IsDir() {
			return fmt.Errorf("diff: %s is not a folder: want the --out folder of a run", d)
		}
	}
	res, err := diff.Runs(ctx, dirs[0], dirs[1], diff.Options{Top: *top})
	if err != nil {
		return err
	}
	if err := diff.Write(stdout, res, *format); err != nil {
		return fmt.Errorf("diff: %w", err)
	}
	if *failOnChange && res.Changes() > 0 {
		return fmt.Errorf("diff: %w: %d rows in %d documents (--fail-on-change)", errChanged, res.Changes(), res.DocsChanged)
	}
	return nil
}

func validFormat(f string) bool {
	for _, v := range diff.Formats {
		if f == v {
			return true
		}
	}
	return false
}
