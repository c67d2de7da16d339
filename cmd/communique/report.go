package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"communique/report"
)

const reportUsage = `Usage: communique report --in OUT --out report.html [--gold DIR] [--max-docs N] [--doc ID]...

Writes one self-contained HTML page (CSS and JavaScript inline; nothing is
fetched; it opens from disk) to look at what a run extracted:
  - an overview: documents by status, events by kind, status and country,
    mentions by kind, and a timeline of visits, one row per traveller and
    one bar per leg, coloured by country;
  - each document's normalized text with its mentions and each event's
    evidence highlighted by kind, beside a table of its events and
    persons; clicking an event row scrolls to its evidence;
  - with --gold (the gold format of communique eval): the scorer's figures
    at the top and each document's missed and spurious records.

The text comes from the texts table: run with --with-text for it
(communique run --with-text --out OUT). Without it the page lists the
events without their text.

A run of more than --max-docs documents is sampled (by a hash of doc_id,
the same on every report of the run; documents with gold and --doc are
always in), and the page says so; the overview counts the whole run.
docs/report.md has the details.

Examples:
  communique run --with-text --out out && communique report --in out --out report.html
  communique report --in out --out report.html --gold testdata/gold/seeds

Flags:
`

// docList is a repeatable --doc flag.
type docList []string

func (d *docList) String() string     { return fmt.Sprint(*d) }
func (d *docList) Set(v string) error { *d = append(*d, v); return nil }

func cmdReport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("report", flag.ContinueOnError)
	fl.SetOutput(stderr)
	in := fl.String("in", "", "output `DIR` of a run")
	out := fl.String("out", "report.html", "the HTML `FILE` to write")
	gold := fl.String("gold", "", "gold `DIR` to score against, one DOC_ID.json per document (docs/gold.md)")
	maxDocs := fl.Int("max-docs", report.DefaultMaxDocs, "show at most `N` documents, a sample of larger runs (0: all)")
	var docs docList
	fl.Var(&docs, "doc", "also show document `ID` (repeatable)")
	quiet := fl.Bool("quiet", false, "print no summary on stdout")
	fl.Usage = func() { fmt.Fprint(stderr, reportUsage); fl.PrintDefaults() }
	if help, err := parseFlags(fl, args, stderr); help || err != nil {
		return err
	}
	if *in == "" {
		fmt.Fprintln(stderr, "communique report: --in is required")
		return errUsage
	}
	if *maxDocs < 0 {
		return fmt.Errorf("report: --max-docs %d: want 0 or more", *maxDocs)
	}
	if fi, err := os.Stat(*in); err != nil {
		return fmt.Errorf("report: --in: %w", err)
	} else if !fi.IsDir() {
		return fmt.Errorf("report: --in %s is not a folder: want the --out folder of a run", *in)
	}
	// Written beside the destination and renamed into place.
	f, err := os.CreateTemp(filepath.Dir(*out), "."+filepath.Base(*out)+".tmp-*")
	if err != nil {
		return fmt.Errorf("report: --out: %w", err)
	}
	sum, err := report.Write(ctx, f, report.Options{In: *in, Gold: *gold, MaxDocs: *maxDocs, Docs: docs})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), *out)
	}
	if err != nil {
		os.Remove(f.Name())
		return err
	}
	if !*quiet {
		fmt.Fprintf(stdout, "communique: wrote %s: %d of %d documents, %d events", *out, sum.Shown, sum.Docs, sum.Events)
		if sum.Sampled {
			fmt.Fprint(stdout, " (a sample; --max-docs 0 for all)")
		}
		fmt.Fprintln(stdout)
		if !sum.HasText {
			fmt.Fprintln(stdout, "  the run has no texts table: rerun with communique run --with-text to see the text")
		}
	}
	return nil
}
