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
	dtMarkTimesRef(text, toks)
	return toks
}

// dtMarkTimesRef is dtMarkTimes as it was before the starts: over every
// token.
func dtMarkTimesRef(text string, toks []dtToken) {
	for i := range toks {
		t := &toks[i]
		if t.kind != dtNum {
			continue
		}
		if i >= 2 && t.sp == 0 && toks[i-1].sp == 0 && dtIsPunct(&toks[i-1], '.') && toks[i-2].kind == dtNum {
			continue
		}
		if i+2 < len(toks) && toks[i+1].sp == 0 && toks[i+2].sp == 0 && toks[i+2].kind == dtNum {
			switch {
			case dtIsPunct(&toks[i+1], ':') && t.ndig <= 2 && toks[i+2].ndig == 2:
				t.flags |= dtTime
				toks[i+2].flags |= dtTime
				continue
			case dtIsPunct(&toks[i+1], '.') && !(i+4 < len(toks) && dtIsPunct(&toks[i+3], '.') && toks[i+3].sp == 0 && toks[i+4].kind == dtNum):
				t.flags |= dtDecimal
				toks[i+2].flags |= dtDecimal
				continue
			}
		}
		if i+1 < len(toks) && toks[i+1].sp == 1 && toks[i+1].kind == dtWord {
			n := &toks[i+1]
			if n.w.id == dkMeridiem {
				t.flags |= dtTime
			} else if n.end-n.start == 1 && (text[n.start]|0x20 == 'a' || text[n.start]|0x20 == 'p') &&
				i+3 < len(toks) && dtIsPunct(&toks[i+2], '.') && toks[i+2].sp == 0 && toks[i+3].sp == 0 &&
				toks[i+3].end-toks[i+3].start == 1 && text[toks[i+3].start]|0x20 == 'm' {
				t.flags |= dtTime
			}
		}
	}
}

// parseAllRef is parseAll as it was before the starts: a test of every
// token.
func (s *dtScanner) parseAllRef() {
	for i := 0; i < len(s.toks); {
		if !dtMayStart(&s.toks[i]) {
			i++
			continue
		}
		if e, ok := s.parseAt(i); ok {
			i = e
		} else {
			i++
		}
	}
}

// namedYearsRef is the loop of collectYears over the numbers as it was
// before the starts: over every token.
func (s *dtScanner) namedYearsRef() {
	ei := 0
	for i := range s.toks {
		t := &s.toks[i]
		for ei < len(s.exprs) && s.exprs[ei].te <= i {
			ei++
		}
		if t.kind != dtNum || t.ndig != 4 || ei < len(s.exprs) && s.exprs[ei].ts <= i {
			continue
		}
		y, ok := s.yearAt(i)
		if !ok || t.is(dtGluedPrev) {
			continue
		}
		p, n := s.tok(i-1), s.tok(i+1)
		if i > 0 && p.kind == dtWord && p.w.cls&(dcTarget|dcIdent) != 0 {
			continue
		}
		named := (i > 0 && s.near(i) && p.kind == dtWord && p.flags&dtUpper != 0 && p.w.cls&(dcMonthTrig|dcYearTrig) == 0 && p.w.month == 0) ||
			(s.near(i+1) && n.kind == dtWord && n.sp == 1 && n.flags&dtUpper != 0 && n.w.month == 0 && n.w.cls&dcTarget == 0) ||
			(s.glued(i+1) && dtIsPunct(n, '-') && s.tok(i+2).flags&dtUpper != 0)
		if named {
			s.years = append(s.years, dtYearMark{pos: t.start, year: y, strong: true, named: true})
		}
	}
}

// TestDtStartsSame checks that the starts are the tokens dtMayStart
// accepts, that parseAll reads from them what parseAllRef reads from
// every token, and that collectYears finds the years the loop over every
// token finds.
func TestDtStartsSame(t *testing.T) {
	pub := &Timestamp{Date: Date{2024, 3, 12}}
	for _, text := range dtTestTexts(t) {
		toks, starts := dtTokenize(text, nil, nil)
		var want []int
		for i := range toks {
			if dtMayStart(&toks[i]) {
				want = append(want, i)
			}
		}
		if !slices.Equal(starts, want) {
			t.Fatalf("dtTokenize(%q) starts %v, want %v", text, starts, want)
		}
		s := dtScanner{text: text, pub: pub, sents: Sentences(text), toks: toks, starts: starts}
		s.parseAll()
		r := s
		r.exprs = nil
		r.parseAllRef()
		if !slices.Equal(s.exprs, r.exprs) {
			t.Fatalf("parseAll(%q):\n got %+v\nwant %+v", text, s.exprs, r.exprs)
		}
		s.collectYears(s.exprs)
		r.namedYearsRef()
		var named []dtYearMark
		for _, y := range s.years {
			if y.named {
				named = append(named, y)
			}
		}
		if !slices.Equal(named, r.years) {
			t.Fatalf("collectYears(%q):\n got %+v\nwant %+v", text, named, r.years)
		}
	}
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
		got, _ := dtTokenize(text, nil, nil)
		want := dtTokenizeRef(text, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("dtTokenize(%q):\n got %+v\nwant %+v", text, got, want)
		}
	}
}

// BenchmarkDtTokenize tokenizes the regression corpus; one op is the
// whole corpus. Ref is the former tokenizer, for comparison.
func BenchmarkDtTokenize(b *testing.B) {
	docs := regressionCorpus(b)
	b.Run("New", func(b *testing.B) {
		var toks []dtToken
		var starts []int
		for b.Loop() {
			for _, d := range docs {
				toks, starts = dtTokenize(d.text, toks[:0], starts[:0])
			}
		}
	})
	b.Run("Ref", func(b *testing.B) {
		var toks []dtToken
		for b.Loop() {
			for _, d := range docs {
				toks = dtTokenizeRef(d.text, toks[:0])
			}
		}
	})
}
