// Command communique turns a folder of government press releases into
// event records: documents, events and mentions tables as JSONL and
// Parquet.
//
// Usage:
//
//	communique run [--in DIR|MANIFEST] [--out OUT] [flags]
//	communique pipe [--root DIR] < documents.jsonl > records.jsonl
//	communique merge --in OUT [--out MERGED]
//	communique eval --gold DIR --out OUT
//	communique diff OLD NEW
//	communique report --in OUT --out report.html [--gold DIR]
//	communique schema [--format duckdb|trino|json]
//	communique gen --docs N --seed S --out DIR
//	communique version
//
// Run `communique help` or `communique run --help` for the flags.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `communique turns government press releases into structured event data.

Usage:
  communique run     [--in DIR|MANIFEST] [--out OUT] [flags]   extract events, write tables
  communique pipe    [--root DIR] < in.jsonl > out.jsonl      JSON lines in and out (Spark, Hadoop)
  communique merge   --in OUT [--out MERGED]                  compact the parts of a sharded run
  communique eval    --gold DIR --out OUT                     score output against gold
  communique diff    OLD NEW                                  what changed between two runs
  communique report  --in OUT --out report.html [--gold DIR]  an HTML page of what was extracted
  communique schema  [--format duckdb|trino|json]             the tables' schema, as SQL DDL or JSON
  communique gen     --docs N [--seed S] --out DIR            write a synthetic corpus
  communique version                                          print the version

Run 'communique COMMAND --help' for a command's flags. The tables and
their columns: docs/output.md. Gold for eval: docs/annotation.md and
docs/gold.md.

Examples:
  communique run --out out                       # the embedded default corpus
  communique run --in releases/ --out out --workers 4 --format parquet
  communique eval --gold testdata/gold/seeds --out out
  communique run --in releases/ --out out --shard 2/8
  communique merge --in out --out merged
  communique run --with-text --out out && communique report --in out --out report.html
  communique diff out-before out
`

func main() {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go stopOnSignal(sigs, cancel, stopGrace, os.Stderr, os.Exit)
	err := dispatch(ctx, os.Args[1:], os.Stdout, os.Stderr)
	if err != nil {
		if errors.Is(err, errUsage) {
			os.Exit(2)
		}
		fmt.Fprintln(os.Stderr, "communique:", err)
		var sig interrupted
		if errors.As(context.Cause(ctx), &sig) {
			os.Exit(sig.exitCode())
		}
		os.Exit(1)
	}
}

// stopGrace is how long a run has to stop after the first signal before
// the process exits anyway.
const stopGrace = 2 * time.Second

// interrupted is the cause of a run's cancellation by a signal.
type interrupted struct{ sig os.Signal }

func (e interrupted) Error() string { return "interrupted by " + e.sig.String() }

// exitCode is the shell's status for a process ended by the signal: 128
// plus its number (130 for SIGINT, 143 for SIGTERM).
func (e interrupted) exitCode() int {
	if s, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 1
}

// stopOnSignal stops the process on SIGINT or SIGTERM. The first signal
// cancels the run, which stops what is in flight, removes its temporary
// files and returns; a second signal, or the run still going grace later,
// exits at once (the next run into the same OUT removes what is left).
func stopOnSignal(sigs <-chan os.Signal, cancel context.CancelCauseFunc, grace time.Duration, stderr io.Writer, exit func(int)) {
	sig := interrupted{<-sigs}
	fmt.Fprintf(stderr, "communique: %s: stopping (send it again to exit at once)\n", sig.sig)
	cancel(sig)
	select {
	case s := <-sigs:
		fmt.Fprintf(stderr, "communique: %s again: exiting now\n", s)
		exit(interrupted{s}.exitCode())
	case <-time.After(grace):
		fmt.Fprintf(stderr, "communique: not stopped %s after %s: exiting now\n", grace, sig.sig)
		exit(sig.exitCode())
	}
}

// errUsage reports a command line that was wrong; the message was printed.
var errUsage = errors.New("usage")

func dispatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	switch args[0] {
	case "run":
		return cmdRun(ctx, args[1:], stdout, stderr)
	case "pipe":
		return cmdPipe(ctx, args[1:], os.Stdin, stdout, stderr)
	case "merge":
		return cmdMerge(ctx, args[1:], stdout, stderr)
	case "eval":
		return cmdEval(ctx, args[1:], stdout, stderr)
	case "gen":
		return cmdGen(ctx, args[1:], stdout, stderr)
	case "schema":
		return cmdSchema(ctx, args[1:], stdout, stderr)
	case "diff":
		return cmdDiff(ctx, args[1:], stdout, stderr)
	case "report":
		return cmdReport(ctx, args[1:], stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "communique", version)
		return nil
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		fmt.Fprintf(stderr, "communique: unknown command %q\n\n%s", args[0], usage)
		return errUsage
	}
}

// parseFlags parses a command's flags. help is true when --help was asked
// (the usage is printed, and the command should return nil); err is
// errUsage for bad flags or a stray argument, which it reports.
func parseFlags(fl *flag.FlagSet, args []string, stderr io.Writer) (help bool, err error) {
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return true, nil
		}
		return false, errUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "communique %s: unexpected argument %q\n", fl.Name(), fl.Arg(0))
		return false, errUsage
	}
	return false, nil
}
