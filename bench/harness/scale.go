package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

// scale runs communique over corpora of growing size and compares their
// peak RSS: memory must not grow with the corpus.
func scale(args []string) error {
	fl := flag.NewFlagSet("scale", flag.ContinueOnError)
	var c common
	c.register(fl)
	sizes := fl.String("sizes", "10000,100000", "corpus sizes in documents, comma-separated, smallest first")
	workers := fl.Int("workers", 2, "worker `N`")
	if err := fl.Parse(args); err != nil {
		return err
	}
	ns, err := intList(*sizes)
	if err != nil {
		return fmt.Errorf("--sizes %w", err)
	}
	w := os.Stdout
	header(w, "Memory scaling")
	fmt.Fprintf(w, "- `%s run --workers %d --format %s` over `communique gen --docs N --seed %d`\n\n", c.bin, *workers, c.format, c.seed)
	fmt.Fprintln(w, "| docs | corpus MB | workers | docs/s | MB/s | elapsed s | peak RSS MB | events | output |")
	fmt.Fprintln(w, "|--:|--:|--:|--:|--:|--:|--:|--:|---|")
	var failures, missed []string
	var rss []int64
	for _, n := range ns {
		dir, err := corpus(c, n)
		if err != nil {
			return err
		}
		nDocs, size, err := countDocs(dir)
		if err != nil {
			return err
		}
		out := filepath.Join(c.root, ".out", fmt.Sprintf("scale-%d", n))
		fmt.Fprintf(os.Stderr, "harness: %d documents, %d workers\n", n, *workers)
		r, err := communique(c, dir, out, *workers)
		if err != nil {
			return err
		}
		verdictOut := "validated"
		if _, err := validate(out, c.format, r.stats, nDocs); err != nil {
			failures = append(failures, fmt.Sprintf("output over %d documents: %v", n, err))
			verdictOut = "FAILED"
		}
		if !c.keep {
			os.RemoveAll(out)
		}
		rss = append(rss, r.peakRSS)
		fmt.Fprintf(w, "| %d | %.0f | %d | %.0f | %.2f | %.1f | %s | %d | %s |\n",
			nDocs, float64(size)/mb, *workers, r.stats.DocsPerS, r.stats.MBPerS, r.stats.ElapsedS, mbOf(r.peakRSS), r.stats.Events, verdictOut)
	}
	fmt.Fprintln(w)
	if len(rss) > 1 && rss[0] > 0 {
		last := rss[len(rss)-1]
		growth := float64(last) / float64(rss[0])
		okGrowth := growth <= targetRSSGrowth
		okMax := last < targetRSSBytes
		fmt.Fprintf(w, "- peak RSS, %d documents / %d documents: **%.2f** (target <= %.1f: %s)\n", ns[len(ns)-1], ns[0], growth, targetRSSGrowth, verdict(okGrowth))
		fmt.Fprintf(w, "- peak RSS over %d documents: **%s MB** (target < %.0f MB: %s)\n", ns[len(ns)-1], mbOf(last), targetRSSBytes/mb, verdict(okMax))
		if !okGrowth || !okMax {
			missed = append(missed, "memory")
		}
	}
	fmt.Fprintf(w, "- load average at end: %s\n", load())
	return c.verdict(failures, missed)
}
