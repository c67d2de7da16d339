package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Targets of communique diff, from the users' issue.
const (
	targetDiffSeconds = 60    // two 100,000-document runs diffed
	targetDiffRSS     = 512e6 // peak RSS of that diff
)

// diffBench times `communique diff` over two runs of each corpus size: the
// generated corpus, and a changed copy of it (changeCorpus) that stands for
// a rule changed between two releases of communique.
func diffBench(args []string) error {
	fl := flag.NewFlagSet("diff", flag.ContinueOnError)
	var c common
	c.register(fl)
	sizes := fl.String("sizes", "10000,100000", "corpus sizes in documents, comma-separated, smallest first")
	workers := fl.Int("workers", 2, "worker `N` of the runs")
	if err := fl.Parse(args); err != nil {
		return err
	}
	c.format = "jsonl" // diff reads JSONL
	ns, err := intList(*sizes)
	if err != nil {
		return fmt.Errorf("--sizes %w", err)
	}
	w := os.Stdout
	header(w, "communique diff")
	fmt.Fprintf(w, "- two runs (`%s run --workers %d --format jsonl`): over `communique gen --docs N --seed %d`, and over a copy with every 100th document's first month name moved a month on and every 1000th document gone; then `%s diff --format json OLD NEW`, timed\n\n", c.bin, *workers, c.seed, c.bin)
	fmt.Fprintln(w, "| docs | rows (old) | documents changed | rows added | removed | changed | diff s | diff CPU s | diff peak RSS MB |")
	fmt.Fprintln(w, "|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
	var missed []string
	for _, n := range ns {
		dir, err := corpus(c, n)
		if err != nil {
			return err
		}
		changed := dir + "-changed"
		if _, err := os.Stat(changed); err != nil {
			fmt.Fprintf(os.Stderr, "harness: writing the changed copy %s\n", changed)
			if err := changeCorpus(dir, changed); err != nil {
				return err
			}
		}
		old := filepath.Join(c.root, ".out", fmt.Sprintf("diff-%d-old", n))
		neu := filepath.Join(c.root, ".out", fmt.Sprintf("diff-%d-new", n))
		for _, r := range [][2]string{{dir, old}, {changed, neu}} {
			fmt.Fprintf(os.Stderr, "harness: run over %s\n", r[0])
			if _, err := communique(c, r[0], r[1], *workers); err != nil {
				return err
			}
		}
		fmt.Fprintf(os.Stderr, "harness: diff over %d documents\n", n)
		t := time.Now()
		out, cpu, rss, err := execute(c.bin, "diff", "--format", "json", old, neu)
		el := time.Since(t).Seconds()
		if err != nil {
			return err
		}
		var res struct {
			DocsChanged int64 `json:"docs_changed"`
			Counts      []struct {
				Old, Added, Removed, Changed int64
			} `json:"counts"`
		}
		if err := json.Unmarshal(out, &res); err != nil {
			return fmt.Errorf("diff output: %w", err)
		}
		var rows, added, removed, chg int64
		for _, k := range res.Counts {
			rows += k.Old
			added += k.Added
			removed += k.Removed
			chg += k.Changed
		}
		if !c.keep {
			os.RemoveAll(old)
			os.RemoveAll(neu)
		}
		fmt.Fprintf(w, "| %d | %d | %d | %d | %d | %d | %.1f | %.1f | %s |\n", n, rows, res.DocsChanged, added, removed, chg, el, cpu.Seconds(), mbOf(rss))
		if n >= 100_000 && (el > targetDiffSeconds || float64(rss) > targetDiffRSS) {
			missed = append(missed, fmt.Sprintf("diff over %d documents: %.1f s, %s MB", n, el, mbOf(rss)))
		}
	}
	fmt.Fprintf(w, "\n- targets over 100,000 documents: under %d s and %.0f MB peak RSS: %s (diff s is wall time, which a loaded machine stretches; CPU s is user and system time)\n", targetDiffSeconds, targetDiffRSS/mb, verdict(len(missed) == 0))
	fmt.Fprintf(w, "- load average at end: %s\n", load())
	return c.verdict(nil, missed)
}

// changeCorpus writes a changed copy of the corpus in dir to dst: every
// 1000th document (in listing order) left out, every 100th with its first
// month name moved on a month, the others hard links (copies where links
// cannot be made). The copy is renamed into place when complete.
func changeCorpus(dir, dst string) error {
	docs, err := listDocs(dir, 0)
	if err != nil {
		return err
	}
	tmp := dst + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return err
	}
	for i, p := range docs {
		if i%1000 == 999 {
			continue
		}
		src, to := filepath.Join(dir, p), filepath.Join(tmp, p)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		if i%100 != 0 {
			if os.Link(src, to) == nil {
				continue
			}
		}
		b, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		if i%100 == 0 {
			b = []byte(nextMonth(string(b)))
		}
		if err := os.WriteFile(to, b, 0o644); err != nil {
			return err
		}
	}
	return os.Rename(tmp, dst)
}

var months = []string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// nextMonth replaces the first full month name in s with the next month's.
func nextMonth(s string) string {
	at, which := -1, 0
	for i, m := range months {
		if j := strings.Index(s, m); j >= 0 && (at < 0 || j < at) {
			at, which = j, i
		}
	}
	if at < 0 {
		return s
	}
	return s[:at] + months[(which+1)%12] + s[at+len(months[which]):]
}
