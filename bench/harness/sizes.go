package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// targetSizeRatio is the largest allowed growth of the per-MB cost from
// the smallest measured size to the reference size (issue 11).
const targetSizeRatio = 1.5

// sizeRun is one measured run of one document.
type sizeRun struct {
	size     int     // the nominal size asked for
	bytes    int     // the document's actual size
	copies   int     // documents of that size in the run
	elapsed  float64 // seconds: the run's own, or the cap when timedOut
	cpu      float64 // CPU seconds of the process (user + system)
	peakRSS  int64
	timedOut bool
	status   string // the document's status, and its error when not ok
	skipped  bool   // not run: a smaller size already hit the cap
}

// sizes runs communique over documents of each shape at growing sizes
// and prints the marginal cost per MB: (CPU seconds - CPU seconds of one
// document of the base size) / (MB - base MB), so that start-up and
// lazily loaded tables, paid once whatever the size, do not flatter the
// small sizes. CPU time, not elapsed time, because the machine is shared:
// it moves much less with the load. A small size is measured over enough
// copies of its document to make at least -min-work bytes, so that its
// cost stands well above the noise; runs shorter than a few seconds are
// repeated and the cheapest taken. A run is killed at the cap; larger
// sizes of that shape are then skipped.
func sizes(args []string) error {
	fl := flag.NewFlagSet("sizes", flag.ContinueOnError)
	var c common
	c.register(fl)
	sizeList := fl.String("sizes", "100000,400000,1600000,6400000", "document sizes in bytes, comma-separated, smallest first")
	shapeList := fl.String("shapes", "", "shapes to measure, comma-separated (default: all; see -list)")
	list := fl.Bool("list", false, "list the shapes and exit")
	base := fl.Int("base", 10000, "size in bytes of the run whose time is taken as the fixed cost")
	ref := fl.Int("ref", 1600000, "size whose per-MB cost is compared with the smallest size's")
	capRun := fl.Duration("timeout", 60*time.Second, "cap on the CPU time of one run (and four times it on its elapsed time); a run over it is killed and reported as >cap")
	workers := fl.Int("workers", 1, "worker `N`")
	repeat := fl.Int("runs", 3, "runs of each size under 5 seconds; the cheapest is taken")
	minWork := fl.Int("min-work", 1600000, "a run of a smaller size holds copies of its document up to this many `bytes`")
	extra := fl.String("args", "", "more arguments for communique run, space-separated (e.g. --doc-timeout=0)")
	rss := fl.Bool("rss", false, "also measure the peak RSS of one run over two documents of -rss-bytes each, with the binary's default flags")
	rssBytes := fl.Int("rss-bytes", 16<<20, "document size of the RSS run (the default --max-bytes)")
	rssShapes := fl.String("rss-shapes", "paragraphs,nfkc", "shapes of the RSS runs, one run each")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *list {
		for _, s := range append(shapes, nfkcShape) {
			fmt.Printf("%-11s %s\n", s.name, s.desc)
		}
		return nil
	}
	ns, err := intList(*sizeList)
	if err != nil {
		return fmt.Errorf("-sizes %w", err)
	}
	var sel []shape
	if *shapeList == "" {
		sel = shapes
	} else {
		for _, name := range strings.Split(*shapeList, ",") {
			s, ok := shapeByName(strings.TrimSpace(name))
			if !ok {
				return fmt.Errorf("-shapes: unknown shape %q (see -list)", name)
			}
			sel = append(sel, s)
		}
	}
	if !strings.Contains(c.format, "jsonl") {
		return errors.New("-format must include jsonl: the documents row is read from it")
	}
	runArgs := strings.Fields(*extra)
	work := filepath.Join(c.root, ".out", "sizes")
	if !c.keep {
		defer os.RemoveAll(work)
	}

	w := os.Stdout
	header(w, "Cost by document size and shape")
	fmt.Fprintf(w, "- `%s run --workers %d --format %s %s` over one document of each shape; cap %s of CPU time a run\n",
		c.bin, *workers, c.format, strings.Join(runArgs, " "), *capRun)
	fmt.Fprintf(w, "- cells: elapsed seconds of the run / **marginal CPU seconds per MB**, (CPU s - CPU s of one document of %s) / (MB - %s MB); a size under %s is run over copies of its document (\"x16\": 16 documents) up to that; cheapest of %d runs for runs under 5 s; >cap: killed at the cap; skipped: a smaller size hit the cap; a document whose status is not ok is marked with its status\n",
		kb(*base), strconv.FormatFloat(float64(*base)/mb, 'f', -1, 64), kb(*minWork), *repeat)
	fmt.Fprintf(w, "- ratio: per-MB cost at %s over that at %s; flagged when over %.1f\n\n", kb(*ref), kb(ns[0]), targetSizeRatio)
	fmt.Fprint(w, "| shape |")
	for _, n := range ns {
		fmt.Fprintf(w, " %s |", kb(n))
	}
	fmt.Fprintf(w, " ratio %s / %s | peak RSS MB at largest run |\n|---|", kb(*ref), kb(ns[0]))
	for range ns {
		fmt.Fprint(w, "--:|")
	}
	fmt.Fprintln(w, "--:|--:|")

	var missed []string
	for _, s := range sel {
		fmt.Fprintf(os.Stderr, "harness: shape %s\n", s.name)
		b, err := sizeBest(c, s, *base, 1, work, *workers, *capRun, runArgs, *repeat)
		if err != nil {
			return err
		}
		runs := make([]sizeRun, len(ns))
		over := false
		for i, n := range ns {
			if over {
				runs[i] = sizeRun{size: n, skipped: true}
				continue
			}
			r, err := sizeBest(c, s, n, max(1, (*minWork+n-1)/n), work, *workers, *capRun, runArgs, *repeat)
			if err != nil {
				return err
			}
			fmt.Fprintf(os.Stderr, "harness: %s at %s: %.2fs, %.2f CPU s%s, %s\n", s.name, kb(n), r.elapsed, r.cpu, map[bool]string{true: " (capped)"}[r.timedOut], r.status)
			runs[i] = r
			over = r.timedOut
		}
		fmt.Fprintf(w, "| %s |", s.name)
		var rssLast int64
		for _, r := range runs {
			fmt.Fprintf(w, " %s |", r.cell(b))
			if !r.skipped {
				rssLast = r.peakRSS
			}
		}
		ratio, flagged := sizeRatio(runs, b, *ref)
		if flagged {
			missed = append(missed, s.name)
		}
		fmt.Fprintf(w, " %s | %s |\n", ratio, mbOf(rssLast))
	}
	fmt.Fprintln(w)
	if len(missed) > 0 {
		fmt.Fprintf(w, "- over %.1fx: **%s**\n", targetSizeRatio, strings.Join(missed, ", "))
	} else {
		fmt.Fprintf(w, "- every shape within %.1fx\n", targetSizeRatio)
	}

	if *rss {
		fmt.Fprintf(w, "\n- peak RSS of one run over two documents of %s bytes each, %d workers (the largest documents --max-bytes allows, in flight together), with the binary's default flags (-args not passed):\n\n", strconv.Itoa(*rssBytes), 2)
		fmt.Fprintln(w, "| shape | elapsed s | peak RSS MB | documents |")
		fmt.Fprintln(w, "|---|--:|--:|---|")
		for _, name := range strings.Split(*rssShapes, ",") {
			s, ok := shapeByName(strings.TrimSpace(name))
			if !ok {
				return fmt.Errorf("-rss-shapes: unknown shape %q", name)
			}
			fmt.Fprintf(os.Stderr, "harness: RSS run, two documents of shape %s\n", s.name)
			// The binary's defaults (its time budget included): the RSS
			// of a run as users run it.
			r, statuses, err := sizeRun2(c, s, *rssBytes, work, *capRun, nil)
			if err != nil {
				return err
			}
			el := fmt.Sprintf("%.1f", r.elapsed)
			if r.timedOut {
				el = ">" + el
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s |\n", s.name, el, mbOf(r.peakRSS), statuses)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "- load average at end: %s\n", load())
	return c.verdict(nil, missed)
}

// cell formats one run for the table, against the base run b.
func (r sizeRun) cell(b sizeRun) string {
	switch {
	case r.skipped:
		return "skipped"
	case r.timedOut:
		return fmt.Sprintf(">%.0f CPU s", r.elapsed)
	}
	s := fmt.Sprintf("%.2f / **%.2f**", r.elapsed, r.perMB(b))
	if r.copies > 1 {
		s += fmt.Sprintf(" (x%d)", r.copies)
	}
	if r.status != "ok" {
		s += " (" + r.status + ")"
	}
	return s
}

// perMB is the marginal cost per MB over the base run.
func (r sizeRun) perMB(b sizeRun) float64 {
	d := float64(r.copies*r.bytes-b.bytes) / mb
	if d <= 0 {
		return 0
	}
	return max(r.cpu-b.cpu, 0.001) / d
}

// sizeRatio compares the per-MB cost at size ref with that at the first
// size, and says whether it is over the target. A capped run at or below
// ref is over, and reported as a lower bound.
func sizeRatio(runs []sizeRun, b sizeRun, ref int) (string, bool) {
	if len(runs) == 0 {
		return "n/a", false
	}
	first := runs[0]
	if first.timedOut {
		return "capped at the smallest size", true
	}
	for _, r := range runs {
		if r.size != ref {
			if r.size < ref && (r.timedOut || r.skipped) {
				return fmt.Sprintf("**>%.0f** FLAG", r.perMB(b)/first.perMB(b)), true
			}
			continue
		}
		if r.skipped {
			return "**skipped** FLAG", true
		}
		ratio := r.perMB(b) / first.perMB(b)
		mark := ""
		over := ratio > targetSizeRatio || r.timedOut || r.status != "ok"
		if over {
			mark = " FLAG"
		}
		if r.timedOut {
			return fmt.Sprintf("**>%.1f**%s", ratio, mark), true
		}
		return fmt.Sprintf("**%.2f**%s", ratio, mark), over
	}
	return "n/a", false
}

// sizeBest runs sizeOnce up to n times while the runs are short, and
// returns the cheapest.
func sizeBest(c common, s shape, size, copies int, work string, workers int, capRun time.Duration, extra []string, n int) (sizeRun, error) {
	var best sizeRun
	for i := range max(n, 1) {
		r, err := sizeOnce(c, s, size, copies, work, workers, capRun, extra)
		if err != nil {
			return sizeRun{}, err
		}
		if i == 0 || r.cpu < best.cpu {
			best = r
		}
		if r.timedOut || r.elapsed > 5 {
			break
		}
	}
	return best, nil
}

// sizeOnce builds a document of shape s and size n and runs communique
// over copies of it.
func sizeOnce(c common, s shape, n, copies int, work string, workers int, capRun time.Duration, extra []string) (sizeRun, error) {
	dir := filepath.Join(work, fmt.Sprintf("%s-%d", s.name, n))
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	doc := s.build(n)
	for i := range copies {
		if err := writeDoc(in, fmt.Sprintf("doc-%03d%s", i, s.ext), doc); err != nil {
			return sizeRun{}, err
		}
	}
	defer os.RemoveAll(dir)
	r, err := timedRun(c, in, out, workers, capRun, extra)
	if err != nil {
		return sizeRun{}, err
	}
	r.size, r.bytes, r.copies = n, len(doc), copies
	if !r.timedOut {
		st, err := docStatuses(filepath.Join(out, "documents.jsonl"))
		if err != nil {
			return sizeRun{}, err
		}
		r.status = st
	}
	return r, nil
}

// sizeRun2 runs communique with two workers over two documents of shape s
// and n bytes each, and returns the run and the documents' statuses.
func sizeRun2(c common, s shape, n int, work string, capRun time.Duration, extra []string) (sizeRun, string, error) {
	dir := filepath.Join(work, fmt.Sprintf("rss-%s-%d", s.name, n))
	in, out := filepath.Join(dir, "in"), filepath.Join(dir, "out")
	defer os.RemoveAll(dir)
	doc := s.build(n)
	for _, name := range []string{"a" + s.ext, "b" + s.ext} {
		if err := writeDoc(in, name, doc); err != nil {
			return sizeRun{}, "", err
		}
	}
	r, err := timedRun(c, in, out, 2, capRun, extra)
	if err != nil {
		return sizeRun{}, "", err
	}
	if r.timedOut {
		return r, "killed at the cap", nil
	}
	st, err := docStatuses(filepath.Join(out, "documents.jsonl"))
	return r, st, err
}

func writeDoc(dir, name string, doc []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, name), doc, 0o644)
}

// timedRun runs `communique run` over in, killing it once it has used
// capRun of CPU time (on a shared machine elapsed time says more about
// the neighbours than about the run), or four times that in elapsed
// time. The elapsed time is the run's own (--stats-json); for a killed
// run, the cap.
func timedRun(c common, in, out string, workers int, capRun time.Duration, extra []string) (sizeRun, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return sizeRun{}, err
	}
	statsFile := filepath.Join(out, ".stats.json")
	args := append([]string{"run", "--in", in, "--out", out, "--workers", strconv.Itoa(workers),
		"--format", c.format, "--stats-json", statsFile, "--quiet", "--log-level", "error"}, extra...)
	cmd := exec.Command(c.bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return sizeRun{}, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	start := time.Now()
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	var err error
	killed := false
wait:
	for {
		select {
		case err = <-done:
			break wait
		case <-tick.C:
			cpu, ok := cpuSeconds(cmd.Process.Pid)
			if ok && cpu > capRun.Seconds() || time.Since(start) > 4*capRun {
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
			}
		}
	}
	var r sizeRun
	if ps := cmd.ProcessState; ps != nil {
		r.peakRSS = peakRSS(ps)
		r.cpu = (ps.UserTime() + ps.SystemTime()).Seconds()
	}
	if killed {
		r.timedOut, r.elapsed = true, capRun.Seconds()
		return r, nil
	}
	if err != nil {
		tail := stderr.Bytes()
		if len(tail) > 2000 {
			tail = tail[len(tail)-2000:]
		}
		return sizeRun{}, fmt.Errorf("%s %s: %w\n%s", c.bin, strings.Join(args, " "), err, tail)
	}
	var st runStats
	if err := readJSON(statsFile, &st); err != nil {
		return sizeRun{}, err
	}
	r.elapsed = st.ElapsedS
	return r, nil
}

// docStatuses sums up the statuses of a documents table: "ok" when every
// document is ok, otherwise each distinct status (with the start of its
// error) and how many documents have it.
func docStatuses(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var order []string
	count := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var d struct {
			Status string  `json:"status"`
			Error  *string `json:"error"`
		}
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return "", fmt.Errorf("%s: %w", name, err)
		}
		s := d.Status
		if d.Error != nil {
			e := strings.Join(strings.Fields(*d.Error), " ")
			if len(e) > 60 {
				e = e[:60] + "..."
			}
			s += ": " + e
		}
		if count[s] == 0 {
			order = append(order, s)
		}
		count[s]++
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	if len(order) == 1 && order[0] == "ok" {
		return "ok", nil
	}
	var out []string
	for _, s := range order {
		out = append(out, fmt.Sprintf("%d %s", count[s], s))
	}
	return strings.Join(out, ", "), nil
}

// kb formats a size in bytes as KB or MB, decimal.
func kb(n int) string {
	if n >= 1e6 {
		return strconv.FormatFloat(float64(n)/mb, 'f', -1, 64) + " MB"
	}
	return strconv.FormatFloat(float64(n)/1e3, 'f', -1, 64) + " KB"
}
