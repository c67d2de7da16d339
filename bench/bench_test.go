package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"communique/extractors"
	"communique/gen"
	"communique/normalize"
)

// input is one raw document.
type input struct {
	name string
	raw  []byte
}

// seeds returns the five seed releases of the regression corpus.
func seeds(b *testing.B) []input {
	b.Helper()
	paths, err := filepath.Glob("../testdata/corpus/00[0-9]_*.txt")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no seed releases under ../testdata/corpus: %v", err)
	}
	var in []input
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		in = append(in, input{filepath.Base(p), raw})
	}
	return in
}

// generated returns the first n documents of the synthetic corpus for
// seed 1, the one `make bench` runs over.
func generated(n int) []input {
	in := make([]input, n)
	for i := range in {
		in[i].name, in[i].raw = gen.Document(1, i)
	}
	return in
}

// meanSize is the mean document size, for b.SetBytes.
func meanSize(in []input) int64 {
	var n int64
	for _, d := range in {
		n += int64(len(d.raw))
	}
	return n / int64(len(in))
}

// BenchmarkProcess runs the whole Processor (normalize, metadata,
// sentences, every extractor, validation, rows) as `communique run` wires
// it; one op is one document, cycling through the inputs. Reading files
// and writing tables are not included: the harness behind `make bench`
// measures those with the binary.
func BenchmarkProcess(b *testing.B) {
	sets := []struct {
		name string
		in   []input
	}{
		{"seeds", seeds(b)},
		{"generated", generated(200)},
	}
	for _, s := range sets {
		b.Run(s.name, func(b *testing.B) { benchProcess(b, s.in) })
	}
	for _, d := range seeds(b) {
		b.Run("seed/"+strings.TrimSuffix(d.name, ".txt"), func(b *testing.B) {
			benchProcess(b, []input{d})
		})
	}
}

func benchProcess(b *testing.B, in []input) {
	p := Processor()
	// One pass before the clock: lazily loaded tables and models are a
	// start-up cost, which the harness measures with the binary.
	for _, d := range in {
		p.Process(d.name, d.name, d.raw)
	}
	b.SetBytes(meanSize(in))
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d := in[i%len(in)]
		out := p.Process(d.name, d.name, d.raw)
		if out.Document.Status != "ok" {
			b.Fatalf("%s: %s: %v", d.name, out.Document.Status, *out.Document.Error)
		}
		i++
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// stage is one step of Processor.Process, run on a prepared document.
type stage struct {
	name string
	run  func(i int) int // on document i; returns how much it found
}

// BenchmarkExtractors times each step of Processor.Process on its own, on
// the five seed releases and on 50 documents of the generated corpus (one
// op is one document, cycling through them):
// normalize, ReadMeta, Sentences, each entity extractor given the
// mentions of those before it (as in a run), and each event extractor
// given all mentions. An event extractor runs on a fresh copy of the Doc,
// so its figure includes building the analysis the event extractors share
// (in a run only the first one, Visits, pays for it); EventsAll runs the
// five in a row, which is what a run pays.
func BenchmarkExtractors(b *testing.B) {
	b.Run("seeds", func(b *testing.B) { benchExtractors(b, seeds(b)) })
	b.Run("generated", func(b *testing.B) { benchExtractors(b, generated(50)) })
}

func benchExtractors(b *testing.B, in []input) {
	texts := make([]string, len(in))
	for i, d := range in {
		res, err := normalize.Document(d.raw, d.name, normalize.Options{})
		if err != nil {
			b.Fatal(err)
		}
		texts[i] = res.Text
	}
	base := make([]extractors.Doc, len(in))
	for i := range in {
		base[i] = extractors.Doc{ID: in[i].name, Text: texts[i]}
		base[i].Meta = extractors.ReadMeta(texts[i])
		base[i].Sentences = extractors.Sentences(texts[i])
	}

	stages := []stage{
		{"Normalize", func(i int) int {
			res, err := normalize.Document(in[i].raw, in[i].name, normalize.Options{})
			if err != nil {
				b.Fatal(err)
			}
			return len(res.Text)
		}},
		{"ReadMeta", func(i int) int {
			if extractors.ReadMeta(texts[i]).Title == "" {
				return 0
			}
			return 1
		}},
		{"Sentences", func(i int) int { return len(extractors.Sentences(texts[i])) }},
	}
	// Entity extractor k sees the unsorted mentions of 0..k-1, as in
	// Processor.Process.
	before := make([]extractors.Doc, len(in))
	copy(before, base)
	for _, x := range Entities() {
		docs := make([]extractors.Doc, len(in))
		copy(docs, before)
		stages = append(stages, stage{typeName(x), func(i int) int { return len(x.Extract(&docs[i])) }})
		for i := range before {
			before[i].Mentions = append(slices.Clip(before[i].Mentions), x.Extract(&before[i])...)
		}
	}
	// Event extractors see every mention, sorted as Process sorts them.
	complete := before
	for i := range complete {
		slices.SortStableFunc(complete[i].Mentions, func(a, b extractors.Mention) int {
			if a.Span.Start != b.Span.Start {
				return a.Span.Start - b.Span.Start
			}
			if a.Span.End != b.Span.End {
				return a.Span.End - b.Span.End
			}
			return strings.Compare(string(a.Kind), string(b.Kind))
		})
	}
	stages = append(stages, stage{"BuildFrame", func(i int) int {
		d := complete[i]
		return len(extractors.BuildFrame(&d).Legs)
	}})
	// Each event extractor's figure includes building the frame it reads:
	// a fresh frame, with nothing memoized yet.
	for _, x := range Events() {
		stages = append(stages, stage{typeName(x), func(i int) int {
			d := complete[i]
			return len(x.Events(&d, extractors.BuildFrame(&d)))
		}})
	}
	stages = append(stages, stage{"EventsAll", func(i int) int {
		d := complete[i]
		f := extractors.BuildFrame(&d)
		n := 0
		for _, x := range Events() {
			n += len(x.Events(&d, f))
		}
		return n
	}})

	for _, s := range stages {
		b.Run(strings.TrimPrefix(s.name, "extractors."), func(b *testing.B) {
			b.SetBytes(meanSize(in))
			b.ReportAllocs()
			found, i := 0, 0
			for b.Loop() {
				found += s.run(i % len(in))
				i++
			}
			b.ReportMetric(float64(found)/float64(i), "found/doc")
		})
	}
}

func typeName(x any) string {
	t := reflect.TypeOf(x)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return fmt.Sprintf("extractors.%s", t.Name())
}
