package report

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

var updateScreenshot = flag.Bool("update-screenshot", false, "also write the screenshot to ../docs/report.png")

// artifacts is where the browser test leaves the page and its screenshots
// (ignored by git); $ARTIFACTS names another folder.
func artifacts(t *testing.T) string {
	dir := os.Getenv("ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("testdata", "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// chromium finds the browser: $CHROMIUM, or Debian's chromium. Outside CI a
// machine without it skips the browser test, saying how to get it; in CI
// ($CI=true), which installs it (.ci/run), a missing browser fails.
func chromium(t *testing.T) string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	msg := "no Chromium on this machine (apt-get install chromium, or set $CHROMIUM): the browser test of the report cannot run"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "; CI must install it (.ci/run does)")
	}
	t.Skip(msg)
	return ""
}

// browser starts headless Chromium with the flags it needs as root on a
// machine without network, and returns a context for chromedp.
func browser(t *testing.T, width, height int) context.Context {
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(chromium(t)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	return bctx
}

// TestBrowser opens the report of the regression corpus, with gold, in
// headless Chromium and checks that every event of the run has a row and a
// visible evidence highlight, and that clicking each row brings its
// highlight into view; it saves the page and screenshots as artifacts.
func TestBrowser(t *testing.T) {
	ctx := browser(t, 1400, 1000)
	out := corpusRun(t)
	dir := artifacts(t)
	page := filepath.Join(dir, "report.html")
	writeReport(t, page, Options{In: out, Gold: "../testdata/gold/seeds", MaxDocs: DefaultMaxDocs})
	want := eventIDs(t, out)

	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+page), chromedp.WaitReady(chromedp.CSS("main"))); err != nil {
		t.Fatal(err)
	}
	rows, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("tr.event")).map(r => r.dataset.eventId)`))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(rows)
	if !slices.Equal(rows, want) {
		t.Fatalf("event rows on the page: %d, events in the run: %d", len(rows), len(want))
	}

	// Every highlight is there and visible.
	hidden, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("tr.event")).map(r => r.dataset.eventId).filter(id => {
		const m = document.querySelector('mark.ev[data-event-id="' + CSS.escape(id) + '"]');
		if (!m) return true;
		const r = m.getBoundingClientRect(), s = getComputedStyle(m);
		return !(r.width > 0 && r.height > 0 && s.visibility === "visible" && s.display !== "none" && m.getClientRects().length > 0 && m.textContent.trim() !== "");
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if len(hidden) > 0 {
		t.Errorf("%d of %d events have no visible highlight: %v", len(hidden), len(rows), hidden)
	}

	// A click on each row brings its highlight into view, in the window and
	// in the text panel that scrolls: the page and the panels are scrolled
	// to their far end before each click, so every click must bring its
	// highlight back. Each row is clicked in the page's script, and the
	// first row of each document also with the mouse, as a person would.
	const scrollAway = `window.scrollTo(0, document.body.scrollHeight); document.querySelectorAll(".text").forEach(p => p.scrollTop = p.scrollHeight);`
	const inView = `(id => {
		const m = document.querySelector('mark.ev[data-event-id="' + CSS.escape(id) + '"]');
		const r = m.getBoundingClientRect(), p = m.closest(".text").getBoundingClientRect();
		return r.top >= 0 && r.bottom <= innerHeight && r.top >= p.top - 1 && r.top <= p.bottom && (m.classList.contains("flash") || window.flashed === id);
	})`
	// watchFlash records in window.flashed that the highlight of event id
	// took the class flash. A mouse click is checked in a later call, which
	// a busy browser may make after the flash's 1.6 s are over.
	const watchFlash = `(id => {
		window.flashed = null;
		const m = document.querySelector('mark.ev[data-event-id="' + CSS.escape(id) + '"]');
		new MutationObserver((_, o) => { if (m.classList.contains("flash")) { window.flashed = id; o.disconnect(); } }).observe(m, {attributes: true, attributeFilter: ["class"]});
	})`
	missed, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("tr.event")).map(r => r.dataset.eventId).filter(id => {
		`+scrollAway+`
		document.querySelector('tr.event[data-event-id="' + CSS.escape(id) + '"]').click();
		return !`+inView+`(id);
	})`))
	if err != nil {
		t.Fatal(err)
	}
	if len(missed) > 0 {
		t.Errorf("%d of %d clicked rows did not bring their highlight into view: %v", len(missed), len(rows), missed)
	}
	firsts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll("section.doc tr.event:first-child")).map(r => r.dataset.eventId)`))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	missed = nil
	for _, id := range firsts {
		if err := chromedp.Do(ctx,
			chromedp.Evaluate[chromedp.Void](scrollAway),
			chromedp.Evaluate[chromedp.Void](watchFlash+`(`+quoteJS(id)+`)`),
			chromedp.Click(chromedp.CSS(`tr.event[data-event-id="`+id+`"]`)),
		); err != nil {
			t.Fatal(err)
		}
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](inView+`(`+quoteJS(id)+`)`))
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			missed = append(missed, id)
		}
	}
	t.Logf("clicked the first event row of %d documents with the mouse in %.1fs", len(firsts), time.Since(start).Seconds())
	if len(firsts) < 20 || len(missed) > 0 {
		t.Errorf("mouse clicks on %d rows: %d did not bring their highlight into view: %v", len(firsts), len(missed), missed)
	}

	// Screenshots: the overview, and a document with an event clicked.
	const shotDoc = "000_04ee34f6f69b9616"
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`)); err != nil {
		t.Fatal(err)
	}
	overview, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`#doc-`+shotDoc+` tr.event:nth-child(3)`)),
		chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, document.getElementById("doc-`+shotDoc+`").offsetTop - 8)`),
		chromedp.Sleep(300*time.Millisecond),
	); err != nil {
		t.Fatal(err)
	}
	doc, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"report-overview.png": overview, "report.png": doc} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", p)
		if *updateScreenshot {
			if err := os.WriteFile(filepath.Join("..", "docs", name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func quoteJS(s string) string { return fmt.Sprintf("%q", s) }

// TestBrowserSampled checks that a sampled page says so and still opens
// with its highlights.
func TestBrowserSampled(t *testing.T) {
	ctx := browser(t, 1200, 800)
	out := corpusRun(t)
	page := filepath.Join(t.TempDir(), "sampled.html")
	writeReport(t, page, Options{In: out, MaxDocs: 5})
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+page)); err != nil {
		t.Fatal(err)
	}
	note, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#sampled")))
	if err != nil {
		t.Fatal(err)
	}
	sections, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("section.doc").length`))
	if err != nil {
		t.Fatal(err)
	}
	marks, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("mark.ev").length`))
	if err != nil {
		t.Fatal(err)
	}
	if sections != 5 || marks == 0 || !strings.Contains(note, "a sample of 5") {
		t.Errorf("sampled page: %d sections, %d highlights, note %q", sections, marks, note)
	}
}
