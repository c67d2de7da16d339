package main

import (
	"communique/bench"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// series is the runs of one configuration.
type series struct {
	label   string
	workers int
	runs    []run
	best    run   // the run with the shortest elapsed time
	peakRSS int64 // the highest of the runs
}

func (s *series) add(r run) {
	s.runs = append(s.runs, r)
	if len(s.runs) == 1 || r.stats.ElapsedS < s.best.stats.ElapsedS {
		s.best = r
	}
	s.peakRSS = max(s.peakRSS, r.peakRSS)
}

// naiveResult is what bench/naive prints with --json.
type naiveResult struct {
	Docs     int     `json:"docs"`
	Workers  int     `json:"workers"`
	Bytes    int64   `json:"bytes"`
	Entities int     `json:"entities"`
	LoadS    float64 `json:"model_load_s"`
	ElapsedS float64 `json:"elapsed_s"`
	DocsPerS float64 `json:"docs_per_s"`
	MBPerS   float64 `json:"mb_per_s"`
	cpu      time.Duration
	peakRSS  int64
}

func throughput(args []string) error {
	fl := flag.NewFlagSet("throughput", flag.ContinueOnError)
	var c common
	c.register(fl)
	docs := fl.Int("docs", 20000, "corpus size in `documents`")
	workerList := fl.String("workers", "1,2", "worker counts to measure, comma-separated; the first is the reference for the identity check")
	runs := fl.Int("runs", 3, "runs per worker count; the best is reported")
	naiveBin := fl.String("naive", "bin/naive", "the naive baseline `binary` (bench/naive); empty skips the baseline")
	naiveDocs := fl.Int("naive-docs", 500, "the baseline reads the first `N` documents of the corpus")
	naiveWorkerList := fl.String("naive-workers", "1", "worker counts for the baseline, comma-separated")
	profile := fl.Bool("profile", false, "after the timed runs, one more with the most workers under --cpuprofile, and print its top entries")
	goTool := fl.String("go", "go", "the go `command`, for go tool pprof")
	if err := fl.Parse(args); err != nil {
		return err
	}
	ws, err := intList(*workerList)
	if err != nil {
		return fmt.Errorf("--workers %w", err)
	}
	nws, err := intList(*naiveWorkerList)
	if err != nil {
		return fmt.Errorf("--naive-workers %w", err)
	}
	if *runs < 1 {
		return errors.New("--runs must be at least 1")
	}
	dir, err := corpus(c, *docs)
	if err != nil {
		return err
	}
	nDocs, size, err := countDocs(dir)
	if err != nil {
		return err
	}
	work := filepath.Join(c.root, ".out")
	if !c.keep {
		defer os.RemoveAll(work)
	}

	w := os.Stdout
	header(w, "Throughput")
	fmt.Fprintf(w, "- corpus: `communique gen --docs %d --seed %d` (%s): %d documents, %.1f MB, mean %.1f KB\n",
		*docs, c.seed, dir, nDocs, float64(size)/mb, float64(size)/float64(nDocs)/1e3)
	fmt.Fprintf(w, "- communique: `%s run --workers W --format %s`, best of %d runs (docs/s of each run in the last column)\n", c.bin, c.format, *runs)

	var failures, missed []string
	var all []*series
	outputs := map[int]checked{}
	for _, n := range ws {
		s := &series{label: "communique", workers: n}
		out := filepath.Join(work, fmt.Sprintf("workers-%d", n))
		for i := range *runs {
			r, err := communique(c, dir, out, n)
			if err != nil {
				return err
			}
			fmt.Fprintf(os.Stderr, "harness: %d workers, run %d/%d: %.0f docs/s, peak RSS %s MB\n", n, i+1, *runs, r.stats.DocsPerS, mbOf(r.peakRSS))
			s.add(r)
		}
		chk, err := validate(out, c.format, s.runs[len(s.runs)-1].stats, nDocs)
		if err != nil {
			failures = append(failures, fmt.Sprintf("output with %d workers: %v", n, err))
		}
		outputs[n] = chk
		all = append(all, s)
	}

	// The baseline, and communique over the very same documents.
	var naive []naiveResult
	var subset *series
	if *naiveBin != "" && *naiveDocs > 0 {
		manifest, k, err := writeManifest(dir, *naiveDocs)
		if err != nil {
			return err
		}
		subset = &series{label: fmt.Sprintf("communique, first %d docs", k), workers: 1}
		out := filepath.Join(work, "subset")
		for range *runs {
			r, err := communique(c, manifest, out, 1)
			if err != nil {
				return err
			}
			subset.add(r)
		}
		if _, err := validate(out, c.format, subset.best.stats, int64(k)); err != nil {
			failures = append(failures, fmt.Sprintf("output over the first %d documents: %v", k, err))
		}
		for _, n := range nws {
			fmt.Fprintf(os.Stderr, "harness: naive baseline, %d documents, %d workers\n", k, n)
			stdout, cpu, rss, err := execute(*naiveBin, "--in", dir, "--docs", strconv.Itoa(k), "--workers", strconv.Itoa(n), "--json")
			if err != nil {
				return err
			}
			var nr naiveResult
			if err := json.Unmarshal(stdout, &nr); err != nil {
				return fmt.Errorf("naive: %w", err)
			}
			nr.cpu, nr.peakRSS = cpu, rss
			naive = append(naive, nr)
		}
	}

	fmt.Fprintln(w)
	fmt.Fprintln(w, "| run | workers | docs | docs/s | MB/s | events/s | elapsed s | CPU s | docs per CPU s | peak RSS MB | read s | normalize s | extract s | write s | docs/s of each run |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|")
	rows := slices.Clone(all)
	if subset != nil {
		rows = append(rows, subset)
	}
	for _, s := range rows {
		b := s.best.stats
		var each []string
		for _, r := range s.runs {
			each = append(each, fmt.Sprintf("%.0f", r.stats.DocsPerS))
		}
		fmt.Fprintf(w, "| %s | %d | %d | %.0f | %.2f | %.0f | %.2f | %.2f | %.0f | %s | %.2f | %.2f | %.2f | %.2f | %s |\n",
			s.label, s.workers, b.Docs, b.DocsPerS, b.MBPerS, b.EventsPerS, b.ElapsedS,
			s.best.cpu.Seconds(), float64(b.Docs)/s.best.cpu.Seconds(), mbOf(s.peakRSS),
			b.ReadS, b.NormalizeS, b.ExtractS, b.WriteS, strings.Join(each, " / "))
	}
	for _, n := range naive {
		fmt.Fprintf(w, "| naive prose NER, first %d docs | %d | %d | %.1f | %.3f | n/a | %.2f | %.2f | %.1f | %s | | | | | (model load %.2fs per worker, not in elapsed; %d entities) |\n",
			n.Docs, n.Workers, n.Docs, n.DocsPerS, n.MBPerS, n.ElapsedS, n.cpu.Seconds(), float64(n.Docs)/n.cpu.Seconds(), mbOf(n.peakRSS), n.LoadS, n.Entities)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "docs/s: documents over the run's own elapsed time (process start excluded; lazily loaded tables and models included). "+
		"CPU s: user + system time of the whole process (every goroutine: the writer, the garbage collector; for the baseline also reading and loading the model), from getrusage. "+
		"Stage times are summed over the workers (read, normalize, extract) or spent by the one writer (write: JSONL and Parquet encoding).")
	fmt.Fprintln(w)

	// Ratios, at equal worker counts.
	for _, n := range naive {
		for _, s := range all {
			if s.workers == n.Workers {
				ratio := s.best.stats.DocsPerS / n.DocsPerS
				fmt.Fprintf(w, "- communique / naive, %s each, communique over the whole corpus: %.0f / %.1f docs/s = **%.0fx** (target >= %dx: %s)\n",
					workersText(n.Workers), s.best.stats.DocsPerS, n.DocsPerS, ratio, targetRatio, verdict(ratio >= targetRatio))
				if ratio < targetRatio {
					missed = append(missed, fmt.Sprintf("ratio %.0fx with %s", ratio, workersText(n.Workers)))
				}
			}
		}
		for _, s := range all {
			if s.workers == n.Workers {
				c, b := float64(s.best.stats.Docs)/s.best.cpu.Seconds(), float64(n.Docs)/n.cpu.Seconds()
				fmt.Fprintf(w, "- per CPU second (whatever the load and the worker count): %.0f / %.1f docs = **%.0fx**\n", c, b, c/b)
			}
		}
		if n.Workers == 1 && subset != nil {
			fmt.Fprintf(w, "- on the same %d documents, 1 worker each: %.0f / %.1f docs/s = **%.0fx**\n",
				n.Docs, subset.best.stats.DocsPerS, n.DocsPerS, subset.best.stats.DocsPerS/n.DocsPerS)
			for _, s := range all {
				if s.workers > 1 && !slices.ContainsFunc(naive, func(x naiveResult) bool { return x.Workers == s.workers }) {
					ideal := n.DocsPerS * float64(s.workers)
					fmt.Fprintf(w, "- communique with %d workers / the baseline scaled perfectly to %d workers: %.0f / %.1f docs/s = **%.0fx**\n",
						s.workers, s.workers, s.best.stats.DocsPerS, ideal, s.best.stats.DocsPerS/ideal)
				}
			}
		}
	}
	for _, s := range all {
		if s.workers == 2 {
			ok := s.best.stats.DocsPerS >= targetDocsPerS
			fmt.Fprintf(w, "- documents per second with 2 workers: **%.0f** (target >= %d on 2 cores: %s)\n", s.best.stats.DocsPerS, targetDocsPerS, verdict(ok))
			if !ok {
				missed = append(missed, fmt.Sprintf("%.0f docs/s with 2 workers", s.best.stats.DocsPerS))
			}
		}
	}
	ref := ws[0]
	for _, n := range ws[1:] {
		if diff := same(outputs[ref], outputs[n]); len(diff) > 0 {
			failures = append(failures, fmt.Sprintf("JSONL differs between %d and %d workers: %s", ref, n, strings.Join(diff, ", ")))
		} else {
			fmt.Fprintf(w, "- JSONL output with %d and %d workers: byte-identical (documents %d, events %d, mentions %d, rejects %d rows)\n",
				ref, n, outputs[n].rows["documents"], outputs[n].rows["events"], outputs[n].rows["mentions"], outputs[n].rows["rejects"])
		}
	}
	if len(failures) == 0 {
		fmt.Fprintf(w, "- output validated: every JSONL line a JSON object; row counts equal to the run's counts, the corpus size and the Parquet row counts (%s)\n", c.format)
	}
	fmt.Fprintf(w, "- load average at end: %s\n", load())

	if *profile {
		out := filepath.Join(work, fmt.Sprintf("workers-%d", ws[len(ws)-1]))
		prof := filepath.Join(work, "cpu.prof")
		if _, err := communique(c, dir, out, ws[len(ws)-1], "--cpuprofile", prof); err != nil {
			return err
		}
		if err := printProfile(w, *goTool, c.bin, prof, ws[len(ws)-1]); err != nil {
			return err
		}
		if c.keep {
			fmt.Fprintf(w, "\nProfile kept in %s: `%s tool pprof -top -cum %s %s`\n", prof, *goTool, c.bin, prof)
		}
	}

	return c.verdict(failures, missed)
}

func workersText(n int) string {
	if n == 1 {
		return "1 worker"
	}
	return fmt.Sprintf("%d workers", n)
}

// listDocs returns the first n (0: all) document paths of dir, as
// bench.ListDocs lists them.
func listDocs(dir string, n int) ([]string, error) { return bench.ListDocs(os.DirFS(dir), n) }

// writeManifest writes a manifest of the first n documents of dir, the
// ones the baseline reads, as the hidden file dir/.first-N.txt (hidden,
// so that a run over dir does not read it as a document).
func writeManifest(dir string, n int) (string, int, error) {
	paths, err := listDocs(dir, n)
	if err != nil {
		return "", 0, err
	}
	name := filepath.Join(dir, fmt.Sprintf(".first-%d.txt", len(paths)))
	return name, len(paths), os.WriteFile(name, []byte(strings.Join(paths, "\n")+"\n"), 0o644)
}

// printProfile prints the entries of `go tool pprof -top -cum` for the
// communique packages at 3% or more cumulative, and the others at 5% or
// more.
func printProfile(w *os.File, goTool, bin, prof string, workers int) error {
	out, err := exec.Command(goTool, "tool", "pprof", "-top", "-cum", "-nodecount=400", bin, prof).Output()
	if err != nil {
		return fmt.Errorf("go tool pprof: %w", err)
	}
	fmt.Fprintf(w, "\n### CPU profile, %d workers (`go tool pprof -top -cum`)\n\n", workers)
	var ours, others []string
	for _, line := range strings.Split(string(out), "\n") {
		f := strings.Fields(line)
		if len(f) < 6 || !strings.HasSuffix(f[4], "%") {
			if strings.HasPrefix(line, "Duration:") {
				fmt.Fprintf(w, "%s\n\n", strings.TrimSpace(line))
			}
			continue
		}
		cum, err := strconv.ParseFloat(strings.TrimSuffix(f[4], "%"), 64)
		if err != nil {
			continue
		}
		name := strings.Join(f[5:], " ")
		row := fmt.Sprintf("| %s | %s | %s | %s |", f[4], f[3], f[1], name)
		switch {
		case strings.HasPrefix(name, "communique/") && cum >= 3:
			ours = append(ours, row)
		case !strings.HasPrefix(name, "communique/") && cum >= 5 && len(others) < 25:
			others = append(others, row)
		}
	}
	for _, part := range []struct {
		title string
		rows  []string
	}{
		{"communique packages, cum >= 3%", ours},
		{"other entries, cum >= 5%", others},
	} {
		fmt.Fprintf(w, "%s:\n\n| cum%% | cum | flat%% | function |\n|--:|--:|--:|---|\n", part.title)
		for _, r := range part.rows {
			fmt.Fprintln(w, r)
		}
		fmt.Fprintln(w)
	}
	return nil
}
