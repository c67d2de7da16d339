package report

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"communique/bench"
	"communique/pipeline"
)

var (
	runOnce sync.Once
	runDir  string
	runErr  error
)

// corpusRun runs the regression corpus once, with texts, for every test.
func corpusRun(t *testing.T) string {
	t.Helper()
	runOnce.Do(func() {
		runDir, runErr = os.MkdirTemp("", "communique-report-")
		if runErr != nil {
			return
		}
		_, runErr = pipeline.Run(context.Background(), pipeline.Config{
			Input: os.DirFS("../testdata/corpus"), Out: runDir, Formats: []string{"jsonl"},
			Workers: 2, Processor: bench.Processor(), WithText: true,
		})
	})
	if runErr != nil {
		t.Fatal(runErr)
	}
	return runDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if runDir != "" {
		os.RemoveAll(runDir)
	}
	os.Exit(code)
}

func writeReport(t *testing.T, path string, opt Options) Summary {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := Write(context.Background(), f, opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// eventIDs lists the event_ids of a run, sorted.
func eventIDs(t *testing.T, out string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, "events.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, line := range bytes.Split(bytes.TrimSpace(b), []byte("\n")) {
		var e struct {
			ID string `json:"event_id"`
		}
		if err := json.Unmarshal(line, &e); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, e.ID)
	}
	slices.Sort(ids)
	return ids
}

// TestPage checks the page without a browser: deterministic, self-contained,
// every event with a row and a highlight carrying its id.
func TestPage(t *testing.T) {
	out := corpusRun(t)
	var a, b bytes.Buffer
	for _, w := range []*bytes.Buffer{&a, &b} {
		if _, err := Write(context.Background(), w, Options{In: out, Gold: "../testdata/gold/seeds", MaxDocs: DefaultMaxDocs}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two pages of the same run differ")
	}
	page := a.String()
	// Nothing is fetched: no linked style sheet or script, no image or
	// frame source, no CSS import or url(); links go to anchors of the page.
	for _, bad := range []string{"<link", "src=", "@import", "url(", `href="http`, `href="//`} {
		if strings.Contains(page, bad) {
			t.Errorf("the page refers to something outside it: %q", bad)
		}
	}
	if n := strings.Count(page, `href="#`); n != strings.Count(page, "href=") || n == 0 {
		t.Errorf("%d links to anchors of the page, %d links", n, strings.Count(page, "href="))
	}
	for _, id := range eventIDs(t, out) {
		attr := `data-event-id="` + id + `"`
		if !strings.Contains(page, `<tr class="event`) || strings.Count(page, attr) < 2 {
			t.Errorf("event %s: %d elements carry its id, want its row and its highlight", id, strings.Count(page, attr))
		}
	}
	for _, want := range []string{"quality 0.", "Scored against gold (5 documents)", "one row per traveller"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

func TestHighlight(t *testing.T) {
	p := func(s string) *string { return &s }
	text := "Lee met Kim in Seoul. Then Lee left."
	ms := []pipeline.Mention{
		{Kind: "person", Text: "Lee", Start: 0, End: 3, Value: p("Lee Sang-min")},
		{Kind: "person", Text: "Kim", Start: 8, End: 11},
		{Kind: "place", Text: "Seoul", Start: 15, End: 20},
		{Kind: "person", Text: "Lee", Start: 27, End: 30},
	}
	es := []pipeline.Event{
		{EventID: "e1", EventType: "meeting", EvidenceStart: 0, EvidenceEnd: 21},
		{EventID: "e2", EventType: "visit", EvidenceStart: 15, EvidenceEnd: 36}, // crosses e1
		{EventID: "e3", EventType: "visit", EvidenceStart: 30, EvidenceEnd: 99}, // out of the text
	}
	views := make([]eventView, len(es))
	got := string(highlight(text, ms, es, views))
	want := `<mark class="ev k-meeting" data-event-id="e1" title="meeting: "><span class="m m-person" title="person · Lee Sang-min">Lee</span> met <span class="m m-person" title="person">Kim</span> in ` +
		`<mark class="ev k-visit" data-event-id="e2" title="visit: "><span class="m m-place" title="place">Seoul</span>.</mark></mark>` +
		`<mark class="ev k-visit" data-event-id="e2" title="visit: "> Then <span class="m m-person" title="person">Lee</span> left.</mark>`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if placed := []bool{views[0].Placed, views[1].Placed, views[2].Placed}; !slices.Equal(placed, []bool{true, true, false}) {
		t.Errorf("placed %v", placed)
	}
}

// TestPageWithoutTexts checks that a run without the texts table still
// shows every event's evidence, highlighted, and says why there is no text.
func TestPageWithoutTexts(t *testing.T) {
	src := corpusRun(t)
	out := t.TempDir()
	for _, table := range []string{"documents", "events", "mentions", "rejects"} {
		b, err := os.ReadFile(filepath.Join(src, table+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(out, table+".jsonl"), b, 0o644)
	}
	var page bytes.Buffer
	s, err := Write(context.Background(), &page, Options{In: out, MaxDocs: DefaultMaxDocs})
	if err != nil {
		t.Fatal(err)
	}
	if s.HasText || !strings.Contains(page.String(), `id="notext"`) {
		t.Errorf("no note that the run has no texts table")
	}
	for _, id := range eventIDs(t, out) {
		if n := strings.Count(page.String(), `data-event-id="`+id+`"`); n != 2 {
			t.Errorf("event %s: %d elements carry its id, want its row and its evidence", id, n)
		}
	}
}
