package extractors

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"communique/gen"
	"communique/normalize"
)

// sortMentionsRef is sortMentions as a stable sort of the mentions
// themselves: the reference.
func sortMentionsRef(ms []Mention) {
	slices.SortStableFunc(ms, func(a, b Mention) int {
		if a.Span.Start != b.Span.Start {
			return a.Span.Start - b.Span.Start
		}
		if a.Span.End != b.Span.End {
			return a.Span.End - b.Span.End
		}
		return strings.Compare(string(a.Kind), string(b.Kind))
	})
}

// unsortedMentions returns the mentions of n generated documents as the
// entity extractors leave them, before the sort, with their texts.
func unsortedMentions(tb testing.TB, n int) ([][]Mention, []string) {
	tb.Helper()
	s := Default()
	var out [][]Mention
	var texts []string
	for i := range n {
		name, raw := gen.Document(1, i)
		res, err := normalize.Document(raw, name, normalize.Options{})
		if err != nil {
			tb.Fatal(err)
		}
		d := Doc{ID: name, Text: res.Text}
		d.Meta = ReadMeta(d.Text)
		d.Sentences = Sentences(d.Text)
		d.splitSentenceWords()
		for _, x := range s.Entities {
			d.Mentions = append(d.Mentions, x.Extract(&d)...)
			if _, ok := x.(Countries); ok {
				settleHome(&d)
			}
		}
		out = append(out, d.Mentions)
		texts = append(texts, d.Text)
	}
	return out, texts
}

func checkSortMentions(t *testing.T, ms []Mention) {
	t.Helper()
	got, want := slices.Clone(ms), slices.Clone(ms)
	sortMentions(got)
	sortMentionsRef(want)
	if !slices.EqualFunc(got, want, func(a, b Mention) bool { return a == b }) {
		t.Fatalf("sortMentions of %d mentions differs from the stable sort", len(ms))
	}
}

// TestSortMentions checks sortMentions against the stable sort on the
// generated documents' mentions and on random ones with many ties, told
// apart by their Value.
func TestSortMentions(t *testing.T) {
	docs, _ := unsortedMentions(t, 60)
	for _, ms := range docs {
		checkSortMentions(t, ms)
	}
	kinds := []Kind{KindPerson, KindOrganization, KindCountry, KindPlace, KindDate, KindGathering, "", "zz"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		n := rng.IntN(300)
		if rng.IntN(4) == 0 {
			n = rng.IntN(5)
		}
		ms := make([]Mention, n)
		for i := range ms {
			a := rng.IntN(1 + n/3)
			ms[i] = Mention{Kind: kinds[rng.IntN(len(kinds))], Span: Span{a, a + rng.IntN(4)}, Value: string(rune('a' + i%26))}
			ms[i].Text = strings.Repeat("x", i)
		}
		if rng.IntN(3) == 0 {
			sortMentionsRef(ms) // sorted already, or nearly
			if n > 1 && rng.IntN(2) == 0 {
				i, j := rng.IntN(n), rng.IntN(n)
				ms[i], ms[j] = ms[j], ms[i]
			}
		}
		checkSortMentions(t, ms)
	}
}

// BenchmarkSortMentions sorts the mentions of a generated document, as
// Stack.Mentions does, one document per op.
func BenchmarkSortMentions(b *testing.B) {
	docs, _ := unsortedMentions(b, 100)
	var buf []Mention
	b.ReportAllocs()
	t0 := userTime(b)
	i := 0
	for b.Loop() {
		buf = append(buf[:0], docs[i%len(docs)]...)
		i++
		sortMentions(buf)
	}
	b.ReportMetric(float64((userTime(b)-t0).Nanoseconds())/float64(b.N), "user-ns/op")
}

// BenchmarkStackMentions runs Stack.Mentions on a generated document, one
// document per op.
func BenchmarkStackMentions(b *testing.B) {
	_, texts := unsortedMentions(b, 50)
	s := Default()
	b.ReportAllocs()
	t0 := userTime(b)
	i := 0
	for b.Loop() {
		d := Doc{Text: texts[i%len(texts)]}
		i++
		s.Mentions(&d)
	}
	b.ReportMetric(float64((userTime(b)-t0).Nanoseconds())/float64(b.N), "user-ns/op")
}
