package extractors

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
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
	// Every first word of every set is found, whatever its case.
	for _, p := range allPhrases {
		for w := range p.byFirst {
			checkLowerWords(t, w+" "+strings.ToUpper(w)+" "+strings.ToTitle(w))
		}
	}
}

func FuzzLowerWords(f *testing.F) {
	f.Add("The Minister met with the Ambassador of Spain.")
	f.Add("TRAVELLED to Côte d'Ivoire on 3-5 March")
	f.Fuzz(checkLowerWords)
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
