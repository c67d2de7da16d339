package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"communique/gen"
)

const genUsage = `Usage: communique gen --docs N [--seed S] --out DIR

Writes a deterministic synthetic corpus of N press releases under DIR, for
benchmarks: the same N and seed give the same files, byte for byte, on
every machine. The releases vary in length and shape (itineraries, meetings,
MOUs, summits, rankings, site chrome, page breaks, garbled lines).

Example:
  communique gen --docs 20000 --seed 1 --out /tmp/corpus
  communique run --in /tmp/corpus --out /tmp/out

Flags:
`

func cmdGen(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("gen", flag.ContinueOnError)
	fl.SetOutput(stderr)
	docs := fl.Int("docs", 0, "number of documents `N`")
	seed := fl.Uint64("seed", 1, "corpus `seed`")
	out := fl.String("out", "", "output `DIR`")
	fl.Usage = func() { fmt.Fprint(stderr, genUsage); fl.PrintDefaults() }
	if help, err := parseFlags(fl, args, stderr); help || err != nil {
		return err
	}
	if *docs <= 0 || *out == "" {
		fl.Usage()
		return errUsage
	}
	t := time.Now()
	n, err := gen.Write(*out, gen.Options{Docs: *docs, Seed: *seed})
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	fmt.Fprintf(stdout, "communique: wrote %d documents (%.1f MB) to %s in %.2fs\n", *docs, float64(n)/1e6, *out, time.Since(t).Seconds())
	return nil
}
