package extractors

import (
	"encoding/binary"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"communique/gen"
	"communique/normalize"
)

// lowerWordsRef is lowerWords written plainly, rune by rune, without the
// vocabulary: the reference the fast version must agree with.
func lowerWordsRef(s string) []word {
	var out []word
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) {
				j += n2
				continue
			}
			if (r2 == '\'' || r2 == '-') && j+n2 < len(s) {
				if r3, _ := utf8.DecodeRuneInString(s[j+n2:]); unicode.IsLetter(r3) {
					j += n2
					continue
				}
			}
			break
		}
		out = append(out, word{s: strings.ToLower(s[i:j]), start: i, end: j})
		i = j
	}
	return out
}

// startsRef returns the bits of the phrase sets that can start a phrase at
// the lower-cased word w, by asking every set.
func startsRef(w string) uint64 {
	var bits uint64
	for _, p := range allPhrases {
		if len(p.byFirst[w]) > 0 {
			bits |= p.bit
		}
		if len(w) >= stemLen && len(p.byStem[w[:stemLen]]) > 0 {
			bits |= p.bit
		}
	}
	return bits
}

func checkLowerWords(t *testing.T, s string) {
	t.Helper()
	got, want := lowerWords(s), lowerWordsRef(s)
	if len(got) != len(want) {
		t.Fatalf("lowerWords(%q): %d words, want %d", s, len(got), len(want))
	}
	for i := range got {
		g, w := got[i], want[i]
		if g.s != w.s || g.start != w.start || g.end != w.end {
			t.Fatalf("lowerWords(%q)[%d] = %q %d-%d, want %q %d-%d", s, i, g.s, g.start, g.end, w.s, w.start, w.end)
		}
		if sb := startsRef(w.s); g.starts != sb {
			t.Fatalf("lowerWords(%q)[%d] %q: starts %b, want %b", s, i, g.s, g.starts, sb)
		}
	}
}

func TestLowerWords(t *testing.T) {
	for _, s := range []string{
		"",
		"The Minister MET WITH his counterpart; they Signed an MoU.",
		"President's state visit to São Tomé and Príncipe, 3-5 March 2023",
		"Travelling, travelled, TRAVELS: visit-related co-operation isn't rock'n'roll",
		"Ministerpräsidentin Müller traf İstanbul'daki ÇALIŞMA grubu",
		"ΑΘΗΝΑ 12 Μαΐου — 東京 2024年 — Привет, мир!",
		strings.Repeat("Extraordinarily", 5) + " word",
		"a-b -c d- 'e f' g'h '' -- x'-y",
		"\xff\xfeinvalid \xc3 utf-8 Visit\xe2\x80",
	} {
		checkLowerWords(t, s)
	}
	// Every stem starts its sets, and only it.
	for pre := range stems {
		checkLowerWords(t, pre+" "+pre+"ed "+strings.ToUpper(pre)+"ing "+pre[:2]+"x"+" "+pre[:1]+"x"+pre[2:]+" x"+pre)
	}
	// Every first word of every set is found, whatever its case.
	for _, p := range allPhrases {
		for w := range p.byFirst {
			checkLowerWords(t, w+" "+strings.ToUpper(w)+" "+strings.ToTitle(w))
		}
	}
}

// TestLowerWordsRandom checks lowerWords on random strings made to try
// asciiWordIn's edges: words of around 8 and 16 bytes in mixed case,
// every ASCII byte between them, inner apostrophes and hyphens, non-ASCII
// letters and bytes next to the words, and words at the string's end.
func TestLowerWordsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	word := func() string {
		const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
		b := make([]byte, []int{1, 2, 7, 8, 9, 15, 16, 17, 24}[rng.IntN(9)])
		for k := range b {
			b[k] = letters[rng.IntN(len(letters))]
		}
		return string(b)
	}
	seps := []string{" ", "'", "-", "é", "É", "\xc3", "\xe2\x80\x99", "'s", "-Day", "ß"}
	for c := 0; c < utf8.RuneSelf; c++ {
		seps = append(seps, string(rune(c)))
	}
	var vocab []string
	for w := range vocabulary {
		vocab = append(vocab, w, strings.ToUpper(w), strings.ToTitle(w[:1])+w[1:])
	}
	slices.Sort(vocab)
	for range 200000 {
		var sb strings.Builder
		for range rng.IntN(6) {
			if rng.IntN(3) == 0 {
				sb.WriteString(vocab[rng.IntN(len(vocab))])
			} else {
				sb.WriteString(word())
			}
			sb.WriteString(seps[rng.IntN(len(seps))])
		}
		s := sb.String()
		checkLowerWords(t, s)
		if len(s) > 0 {
			checkLowerWords(t, s[:len(s)-1])
		}
	}
}

func FuzzLowerWords(f *testing.F) {
	f.Add("The Minister met with the Ambassador of Spain.")
	f.Add("TRAVELLED to Côte d'Ivoire on 3-5 March")
	f.Fuzz(checkLowerWords)
}

// checkSentenceWords compares the words splitSentenceWords gives each
// sentence of text, lower-cased copies in a shared arena, with the
// reference's, once every sentence is split.
func checkSentenceWords(t *testing.T, text string) {
	t.Helper()
	d := &Doc{Text: text, Sentences: Sentences(text)}
	d.splitSentenceWords()
	for i, sp := range d.Sentences {
		got, want := d.sentWords[i], lowerWordsRef(text[sp.Start:sp.End])
		if len(got) != len(want) {
			t.Fatalf("sentence %q: %d words, want %d", text[sp.Start:sp.End], len(got), len(want))
		}
		for k := range got {
			g, w := got[k], want[k]
			if g.s != w.s || g.start != w.start || g.end != w.end || g.starts != startsRef(w.s) {
				t.Fatalf("sentence %q word %d = %q %d-%d %b, want %q %d-%d %b", text[sp.Start:sp.End], k,
					g.s, g.start, g.end, g.starts, w.s, w.start, w.end, startsRef(w.s))
			}
		}
	}
}

func TestSentenceWords(t *testing.T) {
	var all []string
	for _, doc := range regressionCorpus(t) {
		checkSentenceWords(t, doc.text)
		all = append(all, doc.text)
	}
	// one long text: its words take several arrays
	checkSentenceWords(t, strings.Join(all, "\n"))
	// Random texts of vocabulary words, near misses and junk, in mixed case.
	var pool []string
	for w := range vocabulary {
		pool = append(pool, w, strings.ToUpper(w), strings.ToTitle(w[:1])+w[1:], w+"s", w[:len(w)-1], "X"+w)
	}
	slices.Sort(pool)
	pool = append(pool, "Müller", "İstanbul", "Extraordinarily-Long-Hyphenated-Word-Here", "rock'n'roll", "3rd", ",", ". ", "\n")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		var sb strings.Builder
		for range rng.IntN(400) {
			sb.WriteString(pool[rng.IntN(len(pool))])
			sb.WriteString([]string{" ", " ", ", ", ". ", "-", "\n"}[rng.IntN(6)])
		}
		checkSentenceWords(t, sb.String())
	}
}

// TestVocabTable checks vocabTable against the vocabulary map, for its
// words and for others.
func TestVocabTable(t *testing.T) {
	check := func(w string) {
		if len(w) == 0 || len(w) > 32 || !isASCII(w) || strings.ToLower(w) != w {
			return
		}
		var buf [32]byte
		copy(buf[:], w)
		got := vocabTable.find(buf[:len(w)], binary.LittleEndian.Uint64(buf[0:]), binary.LittleEndian.Uint64(buf[8:]))
		want, ok := vocabulary[w]
		if (got != nil) != ok || ok && *got != want {
			t.Fatalf("vocabTable.find(%q) = %v, want %v %v", w, got, want, ok)
		}
		if len(w) <= 16 {
			if short := vocabTable.findShort(binary.LittleEndian.Uint64(buf[0:]), binary.LittleEndian.Uint64(buf[8:]), len(w)); short != got {
				t.Fatalf("vocabTable.findShort(%q) = %v, want %v", w, short, got)
			}
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for w := range vocabulary {
		check(w)
		for k := 0; k <= len(w); k++ {
			check(w[:k])
			check(w + w[:k])
		}
		b := []byte(w)
		b[rng.IntN(len(b))] = byte('a' + rng.IntN(26))
		check(string(b))
	}
	// A table of long words that share their first 16 bytes.
	var long vocabHash
	const stem = "internationalisation"
	for n := 16; n <= len(stem); n++ {
		long.add(stem[:n], vocabEntry{s: stem[:n]})
	}
	for n := 1; n <= len(stem)+1; n++ {
		for _, w := range []string{(stem + "x")[:n], stem[:n-1] + "q"} {
			var buf [32]byte
			copy(buf[:], w)
			got := long.find(buf[:n], binary.LittleEndian.Uint64(buf[0:]), binary.LittleEndian.Uint64(buf[8:]))
			if ok := w == stem[:min(n, len(stem))] && n >= 16; (got != nil) != ok || ok && got.s != w {
				t.Fatalf("long.find(%q) = %v, want found %v", w, got, ok)
			}
		}
	}
	for range 100000 {
		b := make([]byte, 1+rng.IntN(32))
		for k := range b {
			b[k] = byte('a' + rng.IntN(26))
		}
		check(string(b))
	}
}

// findFromRef is findFrom looking the first word up in the set's map.
func findFromRef(p *phrases, ws []word, from int) (start, end int, ok bool) {
	for i := from; i < len(ws); i++ {
		for _, ph := range p.byFirst[ws[i].s] {
			if phraseAt(ws, i, ph) {
				return i, i + len(ph), true
			}
		}
		if len(ws[i].s) >= stemLen {
			for _, ph := range p.byStem[ws[i].s[:stemLen]] {
				if phraseAt(ws, i, ph) {
					return i, i + len(ph), true
				}
			}
		}
	}
	return 0, 0, false
}

// TestStartingWith checks startingWith against the sets' maps, for the
// vocabulary's canonical strings, copies of them and other slices of
// vocabWords, and findFrom against findFromRef on the corpus.
func TestStartingWith(t *testing.T) {
	check := func(w string) {
		for _, p := range allPhrases {
			if got, want := p.startingWith(w), p.byFirst[w]; !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("set %b startingWith(%q) = %v, want %v", p.bit, w, got, want)
			}
		}
	}
	for w, v := range vocabulary {
		check(v.s)
		check(strings.Clone(w))
	}
	for i := range vocabWords {
		for j := i; j <= len(vocabWords) && j < i+20; j++ {
			check(vocabWords[i:j])
		}
	}
	for _, doc := range regressionCorpus(t) {
		for _, sp := range Sentences(doc.text) {
			ws := lowerWords(doc.text[sp.Start:sp.End])
			for _, p := range allPhrases {
				for from := 0; from < len(ws); from++ {
					s, e, ok := p.findFrom(ws, from)
					rs, re, rok := findFromRef(p, ws, from)
					if s != rs || e != re || ok != rok {
						t.Fatalf("set %b findFrom(%q, %d) = %d %d %v, want %d %d %v", p.bit, doc.text[sp.Start:sp.End], from, s, e, ok, rs, re, rok)
					}
					if !ok {
						break
					}
					from = s
				}
			}
		}
	}
}

func TestLineSpans(t *testing.T) {
	for _, c := range []struct {
		text string
		want []Span
	}{
		{"", nil},
		{"a", []Span{{0, 1}}},
		{"ab\ncd", []Span{{0, 2}, {3, 5}}},
		{"ab\n", []Span{{0, 2}}},
		{"\n\nx\n", []Span{{0, 0}, {1, 1}, {2, 3}}},
	} {
		var got []Span
		for l := range lineSpans(c.text) {
			got = append(got, l)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("lineSpans(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// BenchmarkSentenceWords splits the regression corpus into sentence words,
// as Stack.Mentions does.
func BenchmarkSentenceWords(b *testing.B) {
	var docs []*Doc
	for _, c := range regressionCorpus(b) {
		docs = append(docs, &Doc{Text: c.text, Sentences: Sentences(c.text)})
	}
	b.ReportAllocs()
	t0 := userTime(b)
	for b.Loop() {
		for _, d := range docs {
			d.splitSentenceWords()
		}
	}
	b.ReportMetric(float64((userTime(b)-t0).Nanoseconds())/float64(b.N), "user-ns/op")
}

// BenchmarkSentenceWordsGenerated splits a generated document into
// sentence words, one document per op: the size of a run's documents.
func BenchmarkSentenceWordsGenerated(b *testing.B) {
	var docs []*Doc
	for i := range 100 {
		name, raw := gen.Document(1, i)
		res, err := normalize.Document(raw, name, normalize.Options{})
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, &Doc{Text: res.Text, Sentences: Sentences(res.Text)})
	}
	b.ReportAllocs()
	t0 := userTime(b)
	i := 0
	for b.Loop() {
		docs[i%len(docs)].splitSentenceWords()
		i++
	}
	b.ReportMetric(float64((userTime(b)-t0).Nanoseconds())/float64(b.N), "user-ns/op")
}

// BenchmarkPhraseFind asks every phrase set for its first phrase in every
// sentence of the regression corpus.
func BenchmarkPhraseFind(b *testing.B) {
	var sents [][]word
	for _, c := range regressionCorpus(b) {
		for _, sp := range Sentences(c.text) {
			sents = append(sents, lowerWords(c.text[sp.Start:sp.End]))
		}
	}
	b.ReportAllocs()
	t0 := userTime(b)
	n := 0
	for b.Loop() {
		for _, ws := range sents {
			for _, p := range allPhrases {
				if p.in(ws) {
					n++
				}
			}
		}
	}
	b.ReportMetric(float64((userTime(b)-t0).Nanoseconds())/float64(b.N), "user-ns/op")
}

// BenchmarkLowerWords splits every sentence of the regression corpus on
// its own, as the extractors' lowerWords calls do.
func BenchmarkLowerWords(b *testing.B) {
	var ss []string
	for _, d := range regressionCorpus(b) {
		for _, sp := range Sentences(d.text) {
			ss = append(ss, d.text[sp.Start:sp.End])
		}
	}
	b.ReportAllocs()
	t0 := userTime(b)
	for b.Loop() {
		for _, s := range ss {
			lowerWords(s)
		}
	}
	b.ReportMetric(float64((userTime(b)-t0).Nanoseconds())/float64(b.N), "user-ns/op")
}

// BenchmarkStemStarts asks stemStarts about every word of the regression
// corpus.
func BenchmarkStemStarts(b *testing.B) {
	var ws []string
	for _, d := range regressionCorpus(b) {
		for _, w := range lowerWords(d.text) {
			ws = append(ws, w.s)
		}
	}
	b.ReportAllocs()
	t0 := userTime(b)
	var bits uint64
	for b.Loop() {
		for _, w := range ws {
			bits |= stemStarts(w)
		}
	}
	b.ReportMetric(float64((userTime(b)-t0).Nanoseconds())/float64(b.N), "user-ns/op")
}
