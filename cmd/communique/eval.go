package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"communique/eval"
)

const evalUsage = `Usage: communique eval --gold DIR --out OUT [-v] [--json FILE] [--min-quality Q]

Scores the tables a run wrote to OUT against hand-annotated gold: one
DOC_ID.json per document in DIR, in the format of docs/gold.md, annotated
by the rules of docs/annotation.md. Only documents that have gold are
scored. Prints precision, recall and F1 per record kind, attribute
accuracies and the overall quality (docs/gold.md says how each is
counted); communique report --gold shows the misses on the text.

Examples:
  communique run --out out && communique eval --gold testdata/gold/seeds --out out -v
  communique eval --gold mygold/ --out out --min-quality 0.9   # exit 1 below 0.9

Flags:
`

func cmdEval(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("eval", flag.ContinueOnError)
	fl.SetOutput(stderr)
	gold := fl.String("gold", "", "gold `DIR` with one DOC_ID.json per document")
	out := fl.String("out", "", "output `DIR` of a run")
	verbose := fl.Bool("v", false, "list every miss")
	jsonOut := fl.String("json", "", "also write the figures as JSON to `FILE`")
	minQ := fl.Float64("min-quality", -1, "exit 1 when quality is below `Q`")
	fl.Usage = func() { fmt.Fprint(stderr, evalUsage); fl.PrintDefaults() }
	if help, err := parseFlags(fl, args, stderr); help || err != nil {
		return err
	}
	if *gold == "" || *out == "" {
		fl.Usage()
		return errUsage
	}
	rep, err := eval.Score(*gold, *out)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	rep.Write(stdout, *verbose)
	if *jsonOut != "" {
		b, err := rep.JSON()
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		if err := os.WriteFile(*jsonOut, b, 0o644); err != nil {
			return fmt.Errorf("eval: %w", err)
		}
	}
	if *minQ >= 0 && rep.Quality < *minQ {
		return fmt.Errorf("quality %.3f below --min-quality %.3f", rep.Quality, *minQ)
	}
	return nil
}
