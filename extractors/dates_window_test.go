package extractors

import (
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// dtWindowText is a text to read in windows, with the publication dates
// to read it with.
type dtWindowText struct {
	name string
	text string
	pubs []*Timestamp
}

// TestDatesWindows checks that findDates finds the same ranges in a text
// read in small windows as read whole: on the corpora's texts, on each
// corpus run together into a long text, and on long texts of the bench
// harness's shapes.
func TestDatesWindows(t *testing.T) {
	defer func(w int) { dtWindow = w }(dtWindow)
	pub := &Timestamp{Date: Date{2024, 3, 12}}
	var texts []dtWindowText
	for _, c := range dtWindowCorpora(t) {
		var long strings.Builder
		for _, d := range c.docs {
			texts = append(texts, dtWindowText{c.name + "/" + d.name, d.text, []*Timestamp{ReadMeta(d.text).Published, nil}})
		}
		for long.Len() < 1<<20 {
			for _, d := range c.docs {
				long.WriteString(d.text)
				long.WriteString("\n\n")
			}
		}
		texts = append(texts, dtWindowText{c.name + " run together", long.String(), []*Timestamp{pub, nil}})
	}
	for _, h := range dtWindowHazards {
		texts = append(texts, dtWindowText{"hazard " + h, dtHazardText(h), []*Timestamp{pub, nil}})
	}
	if !testing.Short() {
		for i, text := range dtShapes(t, dtWindowShapes...) {
			texts = append(texts, dtWindowText{"shape " + dtWindowShapes[i], text, []*Timestamp{pub, nil}})
		}
	}
	for _, x := range texts {
		sents := Sentences(x.text)
		for _, p := range x.pubs {
			dtWindow = math.MaxInt
			want := findDates(x.text, p, sents)
			for _, w := range []int{512, 4 << 10} {
				dtWindow = w
				if got := findDates(x.text, p, sents); !slices.Equal(got, want) {
					i := 0
					for i < min(len(got), len(want)) && got[i] == want[i] {
						i++
					}
					t.Errorf("%s, pub %v, windows of %d bytes: %d ranges, want %d; first differing %d:\n got %+v\nwant %+v",
						x.name, p, w, len(got), len(want), i, got[i:min(i+1, len(got))], want[i:min(i+1, len(want))])
				}
			}
		}
	}
}

// TestDatesWindowsBounded checks that the long shapes whose windows the
// bench measures are cut into windows no longer than dtWindow.
func TestDatesWindowsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("long texts")
	}
	defer func(w int) { dtWindow = w }(dtWindow)
	dtWindow = 4 << 10
	names := []string{"neutral", "itinerary", "short", "countries", "paragraphs"}
	for i, text := range dtShapes(t, names...) {
		name := names[i]
		sents := Sentences(text)
		n := 0
		for lo := 0; lo < len(text); n++ {
			hi := dtWindowEnd(text, sents, lo)
			if hi-lo > dtWindow {
				t.Errorf("shape %s: window [%d, %d) of %d bytes, over %d", name, lo, hi, hi-lo, dtWindow)
				break
			}
			lo = hi
		}
		t.Logf("shape %s: %d bytes in %d windows", name, len(text), n)
	}
}

// dtWindowHazards are sentences split where a window must not end, for a
// token of one side reads the other: the year trigger "of" looks two
// tokens back ("Class of 2020"), a participle after "be" is future, "set"
// looks ahead for "to", "the last year" is no year, "Sept." takes a day
// after it, and a tense cue ("visited") is read across "Mr.", which ends
// no sentence.
var dtWindowHazards = []string{
	"They met Minister Lars Novak\nof 2020 in Rome.",
	"The forum will be\nheld on December 5 in Rome.",
	"The summit on December 5 is set\nto open.",
	"It grew over the\nlast year by a third.",
	"They met in Sept. 5 delegates came.",
	"Officials visited Mr. Smith on June 5.",
}

// dtHazardText returns a text of the sentence h after filler lines of
// varying length, repeated: windows of 512 bytes would end at the split in
// h now and then, were it a cut.
func dtHazardText(h string) string {
	var b strings.Builder
	for i := 0; b.Len() < 32<<10; i++ {
		b.WriteString("The committee reviewed the report")
		for k := 0; k < i%11; k++ {
			b.WriteString(" with care")
		}
		b.WriteString(".\n")
		b.WriteString(h)
		b.WriteString(" ")
	}
	return b.String()
}

// dtWindowShapes are the bench harness's shapes TestDatesWindows reads.
var dtWindowShapes = []string{"itinerary", "neutral", "short", "titles", "countries", "hyphens", "quoted", "capwords", "paragraphs", "dates"}

type dtWindowCorpus struct {
	name string
	docs []corpusDoc
}

// dtWindowCorpora returns the seeds, the real releases r1xx and r2xx, the
// regression corpus and the first 500 documents of the bench's generated
// corpus, those of them that are there.
func dtWindowCorpora(t *testing.T) []dtWindowCorpus {
	var cs []dtWindowCorpus
	for _, c := range []struct {
		name, glob string
		max        int
	}{
		{"seeds", "../../shared/corpus/seeds/*.txt", 0},
		{"real", "../../shared/corpus/real/r[12][0-9][0-9]_*.txt", 0},
		{"regression", "../testdata/corpus/*.txt", 0},
		{"bench", "../bench/.corpus-20000-seed1/0000/*.txt", 500},
	} {
		files, _ := filepath.Glob(c.glob)
		if len(files) == 0 {
			t.Logf("no %s corpus at %s", c.name, c.glob)
			continue
		}
		slices.Sort(files)
		if c.max > 0 && len(files) > c.max {
			files = files[:c.max]
		}
		wc := dtWindowCorpus{name: c.name}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			wc.docs = append(wc.docs, corpusDoc{filepath.Base(f), string(b)})
		}
		cs = append(cs, wc)
	}
	return cs
}

// dtShapes returns texts of 1.6 MB of the bench harness's shapes names,
// made by ../bin/bench-harness or else one built from ../bench/harness
// into a directory the test removes.
func dtShapes(tb testing.TB, names ...string) []string {
	tb.Helper()
	harness := "../bin/bench-harness"
	if _, err := os.Stat(harness); err != nil {
		harness = filepath.Join(tb.TempDir(), "bench-harness")
		if out, err := exec.Command("go", "build", "-o", harness, "../bench/harness").CombinedOutput(); err != nil {
			tb.Fatalf("building the bench harness: %v: %s", err, out)
		}
	}
	texts := make([]string, len(names))
	for i, name := range names {
		out, err := exec.Command(harness, "shape", name, "1600000").Output()
		if err != nil {
			tb.Fatalf("bench harness shape %s: %v", name, err)
		}
		texts[i] = string(out)
	}
	return texts
}

// BenchmarkDatesLong finds the dates of 1.6 MB texts of two shapes: the
// memory a long text costs (run with -benchmem).
func BenchmarkDatesLong(b *testing.B) {
	names := []string{"neutral", "itinerary"}
	for i, text := range dtShapes(b, names...) {
		name := names[i]
		sents := Sentences(text)
		for _, pub := range []*Timestamp{{Date: Date{2024, 3, 12}}, nil} {
			b.Run(fmt.Sprintf("%s/pub=%v", name, pub), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					findDates(text, pub, sents)
				}
			})
		}
	}
}

// BenchmarkDatesSeeds finds the dates of the seed releases, given their
// sentences; one op is all of them.
func BenchmarkDatesSeeds(b *testing.B) {
	files, _ := filepath.Glob("../../shared/corpus/seeds/*.txt")
	if len(files) == 0 {
		b.Skip("no seeds")
	}
	var texts []string
	var pubs []*Timestamp
	var sents [][]Span
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts, pubs, sents = append(texts, string(t)), append(pubs, ReadMeta(string(t)).Published), append(sents, Sentences(string(t)))
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, t := range texts {
			findDates(t, pubs[i], sents[i])
		}
	}
}

// TestDatesWindowNoCut checks that a text with no cut, read as one window
// longer than dtWindow, gets room for its tokens at once, not by
// append's steps (each copying into fresh memory).
func TestDatesWindowNoCut(t *testing.T) {
	text := strings.Repeat("Loremipsumdolor,", 45000) // no space: no cut; a token in 8 bytes
	sents := Sentences(text)
	findDates(text, nil, sents)
	// 4: a new scanner buffer (the outsized one is not pooled), the pool's
	// own, the tokens' room and the starts'; grown by append's steps, 10
	if n := testing.AllocsPerRun(3, func() { findDates(text, nil, sents) }); n > 5 {
		t.Errorf("findDates of %d bytes without a cut: %v allocations, want at most 5", len(text), n)
	}
}
