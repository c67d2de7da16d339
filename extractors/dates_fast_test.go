package extractors

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// dtTokenizeRef is dtTokenize as it was before its fast paths: words
// scanned byte by byte and looked up through dtLookup.
func dtTokenizeRef(text string, toks []dtToken) []dtToken {
	var sp uint8
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ':
			if sp == 0 {
				sp = 1
			}
			i++
		case c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			sp = 2
			i++
		case c >= '0' && c <= '9':
			j := i
			v := 0
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				if j-i < 9 {
					v = v*10 + int(text[j]-'0')
				}
				j++
			}
			t := dtToken{start: i, end: j, kind: dtNum, sp: sp, val: int32(v), ndig: uint8(min(j-i, 255))}
			for j+4 <= len(text) && text[j] == ',' && dtIsDigits(text[j+1:j+4]) && (j+4 == len(text) || !dtIsDigit(text[j+4])) {
				j += 4
				t.flags |= dtBig
			}
			t.end = j
			if j < len(text) && dtIsLetter(text[j]) {
				k := j
				for k < len(text) && dtIsLetter(text[k]) {
					k++
				}
				switch {
				case k-j == 2 && dtIsOrdinalSuffix(text[j], text[j+1]) && (k == len(text) || !dtIsDigit(text[k])):
					t.flags |= dtOrd
					t.end = k
					j = k
				case k-j == 1 && (text[j] == 'T') && k < len(text) && dtIsDigit(text[k]):
				default:
					t.flags |= dtGlued
				}
			}
			if n := len(toks); n > 0 && sp == 0 && toks[n-1].kind == dtWord {
				t.flags |= dtGluedPrev
			}
			toks = append(toks, t)
			i = j
			sp = 0
		case c < utf8.RuneSelf && !dtIsLetter(c):
			toks = append(toks, dtToken{start: i, end: i + 1, kind: dtPunct, sp: sp, val: int32(c)})
			i++
			sp = 0
		default:
			j := i
			for j < len(text) {
				b := text[j]
				if b < utf8.RuneSelf {
					if !dtIsLetter(b) {
						break
					}
					j++
					continue
				}
				r, n := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r) {
					break
				}
				j += n
			}
			if j == i {
				_, n := utf8.DecodeRuneInString(text[i:])
				toks = append(toks, dtToken{start: i, end: i + n, kind: dtPunct, sp: sp, val: 0x80})
				i += n
				sp = 0
				continue
			}
			t := dtToken{start: i, end: j, kind: dtWord, sp: sp, w: dtLookup(text[i:j])}
			if c >= 'A' && c <= 'Z' {
				t.flags |= dtUpper
			}
			toks = append(toks, t)
			i = j
			sp = 0
		}
	}
	dtMarkTimes(text, toks)
	return toks
}

// dtTestTexts returns the regression corpus's texts, each of their lines,
// and random texts of date words, numbers, punctuation and non-ASCII
// letters, glued and spaced, cut at every length near a word's end.
func dtTestTexts(tb testing.TB) []string {
	var texts []string
	for _, d := range regressionCorpus(tb) {
		texts = append(texts, d.text)
		for l := range strings.Lines(d.text) {
			texts = append(texts, l)
		}
	}
	pieces := []string{"March", "MARCH", "march", "Sept", "sept.", "September", "Wednesday", "Wed", "the", "The",
		"following", "day", "today", "Today", "last", "next", "year", "week", "month", "in", "since", "will",
		"participated", "congratulated", "commemorated", "representatives", "internationalization", "abcdefghijklmnopq",
		"3", "12", "2024", "1,800", "10:00", "5", "p", "m", "a.m.", "pm", "3rd", "5th", "of", "T", "July16", "FY2024",
		".", ",", "-", "/", ":", "(", ")", "–", "é", "Éire", "Mär", "marché", "\xff", "\xc3", "\u00a0", "\n", "\t", " ", "  "}
	r := rand.New(rand.NewSource(1))
	for range 30000 {
		var b []byte
		for n := 1 + r.Intn(16); n > 0; n-- {
			b = append(b, pieces[r.Intn(len(pieces))]...)
			if r.Intn(3) != 0 {
				b = append(b, ' ')
			}
		}
		texts = append(texts, string(b))
		for k := 1; k < 20 && k < len(b); k++ {
			texts = append(texts, string(b[:len(b)-k]))
		}
	}
	return texts
}

func TestDtTokenizeSame(t *testing.T) {
	for _, text := range dtTestTexts(t) {
		got, want := dtTokenize(text, nil), dtTokenizeRef(text, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("dtTokenize(%q):\n got %+v\nwant %+v", text, got, want)
		}
	}
}

// BenchmarkDtTokenize tokenizes the regression corpus; one op is the
// whole corpus. Ref is the former tokenizer, for comparison.
func BenchmarkDtTokenize(b *testing.B) {
	docs := regressionCorpus(b)
	for _, bc := range []struct {
		name string
		f    func(string, []dtToken) []dtToken
	}{{"New", dtTokenize}, {"Ref", dtTokenizeRef}} {
		b.Run(bc.name, func(b *testing.B) {
			var toks []dtToken
			for b.Loop() {
				for _, d := range docs {
					toks = bc.f(d.text, toks[:0])
				}
			}
		})
	}
}
