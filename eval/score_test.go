package eval

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden with the current output")

const (
	scoreScript = "../../shared/eval/score.py"
	seedGold    = "../../shared/gold/seeds"
)

// fixtures are the gold/out pairs under testdata, each with a golden
// report testdata/NAME.golden (Write, verbose).
var fixtures = []string{
	"messy", // every kind of match and miss; tables as T.jsonl and T/part-*.jsonl
	"odd",   // Python value semantics: int/float/bool equality, repr, final sigma, CR line ends
	"alt",   // visits with alt_spans: another reading of the span matches too
}

// TestGolden checks Write(verbose) against the recorded reports, which
// score.py produced; -update rewrites them from the Go output.
func TestGolden(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join("testdata", name)
			rep, err := Score(filepath.Join(dir, "gold"), filepath.Join(dir, "out"))
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			rep.Write(&got, true)
			golden := dir + ".golden"
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got.String()); diff != "" {
				actual := golden + ".actual"
				os.WriteFile(actual, got.Bytes(), 0o644)
				t.Errorf("report differs from %s (-want +got), written to %s:\n%s", golden, actual, diff)
			}
		})
	}
}

// TestMessyFigures pins a few figures of the messy fixture directly, so a
// wrong golden file cannot hide them.
func TestMessyFigures(t *testing.T) {
	rep, err := Score("testdata/messy/gold", "testdata/messy/out")
	if err != nil {
		t.Fatal(err)
	}
	wantPRF := map[string]PRF{
		"countries":  {TP: 10, FP: 2, FN: 1},
		"persons":    {TP: 7, FP: 2, FN: 2},
		"visits":     {TP: 5, FP: 2, FN: 0}, // one of them by an alt_span
		"meetings":   {TP: 6, FP: 2, FN: 2},
		"agreements": {TP: 2, FP: 1, FN: 0},
		"gatherings": {TP: 3, FP: 1, FN: 0},
		"rankings":   {TP: 3, FP: 2, FN: 0},
	}
	if diff := cmp.Diff(wantPRF, rep.PRF); diff != "" {
		t.Errorf("PRF (-want +got):\n%s", diff)
	}
	wantAcc := map[string]Acc{
		"published": {4, 4}, "title": {2, 4}, "garbled": {2, 4}, "person_rank": {4, 9},
		"person_country": {6, 9}, "event_dates": {1, 2}, "status": {7, 10}, "visit_actor": {5, 5},
	}
	if diff := cmp.Diff(wantAcc, rep.Acc); diff != "" {
		t.Errorf("Acc (-want +got):\n%s", diff)
	}
	if rep.Docs != 4 {
		t.Errorf("Docs = %d, want 4 (the hidden .hidden.json is not gold)", rep.Docs)
	}
	for _, want := range []string{"c3:", "  document row missing", "  FP person: Kim (official, None)"} {
		if !containsLine(rep.Misses, want) {
			t.Errorf("Misses lack %q", want)
		}
	}
}

func containsLine(lines []string, want string) bool {
	for _, l := range lines {
		if l == want {
			return true
		}
	}
	return false
}

// TestPerfectSeeds turns the seed gold into the tables a perfect run would
// write and requires quality 1.
func TestPerfectSeeds(t *testing.T) {
	if _, err := os.Stat(seedGold); err != nil {
		t.Skipf("no seed gold: %v", err)
	}
	out := t.TempDir()
	writePredictions(t, seedGold, out)
	rep, err := Score(seedGold, out)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Quality != 1 {
		var b bytes.Buffer
		rep.Write(&b, true)
		t.Errorf("Quality = %v, want 1:\n%s", rep.Quality, b.String())
	}
	for k, v := range rep.PRF {
		if v.FP != 0 || v.FN != 0 {
			t.Errorf("%s: %+v, want no FP or FN", k, v)
		}
	}
	for k, v := range rep.Acc {
		if v.OK != v.N {
			t.Errorf("%s acc: %+v, want all right", k, v)
		}
	}
}

// errorCases are inputs score.py stops on; Score must return an error.
// Paths are relative to a temporary directory holding gold/ and out/.
var errorCases = []struct {
	name  string
	files map[string]string
	want  string // in the error message
}{
	{"no gold", map[string]string{"gold/.hidden.json": "{}", "out/documents.jsonl": ""}, "no gold files"},
	{"line not JSON", map[string]string{
		"gold/a.json":                `{"doc_id": "a"}`,
		"out/events/part-0001.jsonl": "{\"doc_id\": \"a\"}\n\n{\"doc_id\": \"a\",}\n",
	}, "part-0001.jsonl:3: not JSON"},
	{"row not an object", map[string]string{
		"gold/a.json":        `{"doc_id": "a"}`,
		"out/mentions.jsonl": `["a"]`,
	}, "mentions.jsonl:1: not a JSON object"},
	{"gold not JSON", map[string]string{"gold/a.json": `{"doc_id": "a"`}, "a.json: not JSON"},
	{"gold without doc_id", map[string]string{"gold/a.json": `{"title": "x"}`}, "KeyError: 'doc_id'"},
	{"published a number", map[string]string{"gold/a.json": `{"doc_id": "a", "published": 5}`}, "TypeError"},
	{"persons null", map[string]string{"gold/a.json": `{"doc_id": "a", "persons": null}`}, "TypeError"},
	{"person value a number", map[string]string{
		"gold/a.json":        `{"doc_id": "a"}`,
		"out/mentions.jsonl": `{"doc_id": "a", "kind": "person", "value": 7}`,
	}, "str.strip"},
	{"unhashable country", map[string]string{
		"gold/a.json":      `{"doc_id": "a"}`,
		"out/events.jsonl": `{"doc_id": "a", "event_type": "meeting", "counterpart_country": ["x"]}`,
	}, "unhashable"},
	{"unhashable doc_id", map[string]string{
		"gold/a.json":         `{"doc_id": "a"}`,
		"out/documents.jsonl": `{"doc_id": {"a": 1}}`,
	}, "unhashable"},
	{"unorderable optional", map[string]string{
		"gold/a.json": `{"doc_id": "a", "countries": [], "persons": [{"name": "A B", "optional": null}, {"name": "C D"}]}`,
	}, "TypeError"},
	{"title a number", map[string]string{"gold/a.json": `{"doc_id": "a", "title": 3}`}, "TypeError"},
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestScoreErrors(t *testing.T) {
	for _, tc := range errorCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tc.files)
			rep, err := Score(filepath.Join(dir, "gold"), filepath.Join(dir, "out"))
			if err == nil {
				t.Fatalf("Score = %+v, want an error containing %q", rep, tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("Score error %q, want it to contain %q", err, tc.want)
			}
		})
	}
}

// TestMatchesPython runs score.py on every fixture and requires Write and
// JSON to reproduce its stdout and --json file byte for byte.
func TestMatchesPython(t *testing.T) {
	python := findPython(t)
	type run struct{ name, gold, out string }
	runs := []run{
		{"empty out", "testdata/messy/gold", filepath.Join(t.TempDir(), "nothing")},
	}
	for _, name := range fixtures {
		runs = append(runs, run{name, filepath.Join("testdata", name, "gold"), filepath.Join("testdata", name, "out")})
	}
	perfect := t.TempDir()
	writePredictions(t, "testdata/messy/gold", perfect)
	runs = append(runs, run{"perfect messy gold", "testdata/messy/gold", perfect})
	if _, err := os.Stat(seedGold); err == nil {
		perfect := t.TempDir()
		writePredictions(t, seedGold, perfect)
		runs = append(runs, run{"perfect seeds", seedGold, perfect})
	}

	for _, r := range runs {
		t.Run(r.name, func(t *testing.T) {
			rep, err := Score(r.gold, r.out)
			if err != nil {
				t.Fatal(err)
			}
			for _, verbose := range []bool{true, false} {
				jsonPath := filepath.Join(t.TempDir(), "figures.json")
				args := []string{"--gold", r.gold, "--out", r.out, "--json", jsonPath}
				if verbose {
					args = append(args, "-v")
				}
				want, err := python(args...)
				if err != nil {
					t.Fatalf("score.py %s: %v", strings.Join(args, " "), err)
				}
				var got bytes.Buffer
				rep.Write(&got, verbose)
				if diff := cmp.Diff(string(want), got.String()); diff != "" {
					t.Errorf("Write(verbose=%v) differs from score.py (-python +go):\n%s", verbose, diff)
				}
				wantJSON, err := os.ReadFile(jsonPath)
				if err != nil {
					t.Fatal(err)
				}
				gotJSON, err := rep.JSON()
				if err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(string(wantJSON), string(gotJSON)); diff != "" {
					t.Errorf("JSON differs from score.py --json (-python +go):\n%s", diff)
				}
			}
		})
	}

	for _, tc := range errorCases {
		t.Run("error/"+tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tc.files)
			out, err := python("--gold", filepath.Join(dir, "gold"), "--out", filepath.Join(dir, "out"))
			if err == nil {
				t.Errorf("score.py succeeded, Score fails:\n%s", out)
			}
		})
	}
}

// findPython returns a runner of score.py, or skips the test.
func findPython(t *testing.T) func(args ...string) ([]byte, error) {
	t.Helper()
	py := pythonPath(t)
	if _, err := os.Stat(scoreScript); err != nil {
		t.Skipf("cannot compare with score.py: %v", err)
	}
	return func(args ...string) ([]byte, error) {
		cmd := exec.Command(py, append([]string{scoreScript}, args...)...)
		cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8", "PYTHONUTF8=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return out, fmt.Errorf("%w: %s", err, stderr.Bytes())
		}
		return out, nil
	}
}

// pythonPath returns the interpreter python3 runs (not a launcher such as
// a pyenv shim, which costs half a second a call), or skips the test.
func pythonPath(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("python3", "-c", "import sys; print(sys.executable)").Output()
	if err != nil {
		t.Skipf("python3 not usable: %v", err)
	}
	return strings.TrimSpace(string(out))
}

// writePredictions writes under out the tables a perfect run would produce
// for the gold files in goldDir: documents as out/documents.jsonl, events
// and mentions as two parts each, out/T/part-0000N.jsonl.
func writePredictions(t *testing.T, goldDir, out string) {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(goldDir, "[^.]*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no gold in %s: %v", goldDir, err)
	}
	tables := map[string][]map[string]any{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var g goldDoc
		if err := json.Unmarshal(data, &g); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for table, rows := range g.predictions() {
			tables[table] = append(tables[table], rows...)
		}
	}
	write := func(path string, rows []map[string]any) {
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		for _, r := range rows {
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
		}
		writeFiles(t, out, map[string]string{path: b.String()})
	}
	write("documents.jsonl", tables["documents"])
	for _, table := range []string{"events", "mentions"} {
		rows := tables[table]
		write(table+"/part-00000.jsonl", rows[:len(rows)/2])
		write(table+"/part-00001.jsonl", rows[len(rows)/2:])
	}
}

// goldDoc is a gold file, as far as writePredictions needs it.
type goldDoc struct {
	DocID     string  `json:"doc_id"`
	Published *string `json:"published"`
	Title     string  `json:"title"`
	Garbled   bool    `json:"garbled"`
	Countries []string
	Persons   []struct{ Name, Rank, Country string }
	Visits    []struct {
		Actor, Country, Status string
		Start, End             *string
	}
	Meetings []struct {
		Counterpart *string
		Country     string
	}
	Agreements []struct {
		Country, Status string
		Start, End      *string
	}
	Gatherings []struct {
		Name, Status string
		Country      *string
		Start, End   *string
	}
	Rankings []struct {
		Country string
		Rank    int
		Year    *int
	}
}

// predictions are the rows of each table that match g exactly.
func (g *goldDoc) predictions() map[string][]map[string]any {
	garbled := 0
	if g.Garbled {
		garbled = 7
	}
	rows := map[string][]map[string]any{
		"documents": {{"doc_id": g.DocID, "status": "ok", "title": g.Title, "published": g.Published, "garbled_chars": garbled}},
	}
	add := func(table string, row map[string]any) {
		row["doc_id"] = g.DocID
		rows[table] = append(rows[table], row)
	}
	for _, c := range g.Countries {
		add("mentions", map[string]any{"kind": "country", "text": c, "value": c})
	}
	for _, p := range g.Persons {
		add("mentions", map[string]any{"kind": "person", "text": p.Name, "value": p.Name, "rank": p.Rank, "country": p.Country})
	}
	for _, v := range g.Visits {
		add("events", map[string]any{"event_type": "visit", "status": v.Status, "actor_name": v.Actor,
			"country": v.Country, "start_date": v.Start, "end_date": v.End})
	}
	for _, m := range g.Meetings {
		parts := []map[string]any{}
		if m.Counterpart != nil {
			parts = append(parts, map[string]any{"name": *m.Counterpart, "country": m.Country})
		}
		add("events", map[string]any{"event_type": "meeting", "status": "occurred", "counterpart_country": m.Country, "participants": parts})
	}
	for _, a := range g.Agreements {
		add("events", map[string]any{"event_type": "agreement", "status": a.Status, "counterpart_country": a.Country,
			"start_date": a.Start, "end_date": a.End})
	}
	for _, e := range g.Gatherings {
		add("events", map[string]any{"event_type": "gathering", "status": e.Status, "name": e.Name, "country": e.Country,
			"start_date": e.Start, "end_date": e.End})
	}
	for _, r := range g.Rankings {
		add("events", map[string]any{"event_type": "ranking", "status": "occurred", "country": r.Country,
			"rank_position": r.Rank, "rank_year": r.Year})
	}
	return rows
}

// TestRecords checks the misses as data: each FN and FP line of the
// verbose report, with the event_id of spurious events.
func TestRecords(t *testing.T) {
	rep, err := Score("testdata/alt/gold", "testdata/alt/out")
	if err != nil {
		t.Fatal(err)
	}
	want := []Miss{
		{DocID: "x1", Kind: "country", Missed: true, Record: "TZA"},
		{DocID: "x1", Kind: "visit", Missed: true, Record: "RWA 2023-01-12..2023-01-12 Jane Doe"},
		{DocID: "x1", Kind: "visit", Record: "RWA 2023-01-13..2023-01-13 Jane Doe", EventID: "e3"},
	}
	if diff := cmp.Diff(want, rep.Records); diff != "" {
		t.Errorf("Records (-want +got):\n%s", diff)
	}
	var lines int
	for _, l := range rep.Misses {
		if strings.HasPrefix(l, "  FN ") || strings.HasPrefix(l, "  FP ") {
			lines++
		}
	}
	if lines != len(rep.Records) {
		t.Errorf("%d FN and FP lines in Misses, %d Records", lines, len(rep.Records))
	}
}
