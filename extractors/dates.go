package extractors

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Dates finds date expressions and resolves them to calendar ranges.
//
// Extract returns one KindDate mention per expression in d.Text, in text
// order and never overlapping: Text is the expression as written (without
// a leading preposition: "March 3 to 9", not "from March 3 to 9"), Value
// is DateRange.Value and Dates the resolved range. Yearless expressions
// are anchored on d.Meta.Published and on years the text states (see
// FindDates); d.Sentences, or Sentences(d.Text) when it is empty, gives
// the sentence context. Dates is safe for concurrent use.
type Dates struct{}

// Extract implements Extractor.
func (Dates) Extract(d *Doc) []Mention {
	sents := d.Sentences
	if len(sents) == 0 {
		sents = Sentences(d.Text)
	}
	rs := findDates(d.Text, d.Meta.Published, sents)
	if len(rs) == 0 {
		return nil
	}
	out := make([]Mention, len(rs))
	for i := range rs {
		r := &rs[i]
		out[i] = Mention{Kind: KindDate, Span: r.Span, Text: r.Text, Value: r.Value(), Dates: r}
	}
	return out
}

// FindDates returns the date expressions in text, in order and never
// overlapping, resolved against the publication date pub (nil when
// unknown). Span is in bytes of text; Start <= End and both are valid
// days.
//
// Forms: "March 3", "3 March 2021", "Tuesday, 12 March 2024", "March 3rd",
// "the 5th of May", "Sept. 5", "July16", "2016-02-11", "2018.10.05",
// "03.04.2020" (day first unless impossible); ranges with "-", "to",
// "through", "until", or "between ... and" ("March 3-5", "from September
// 27 to October 2", "2 to 6 May 2016", "29 September - 2 October 2015",
// "March 2 (Thu) to March 9 (Thu)", "12 and 13 May" for consecutive
// days); month precision ("October 2017", "in June", "mid-March", "early
// April", "November last year", "from March to May"); year precision
// ("in 2021", "since 2010", "from 2014 to 2020", "late 2023", "this
// year", "last year", "next year"); and, with a publication date, "this
// month", "this week" (Monday to Sunday of the publication week, day
// precision), "today", "yesterday" and "tomorrow" (lower case only).
// Times of day are skipped. Years run 1800..2100. A bare year is a date
// only after a preposition ("in", "since", "by", "of", ...): years in
// names ("LEAP 2024", "Vision 2030"), identifiers ("Resolution 1973") and
// counts ("1,800", "2000 people") are not.
//
// Years: a year written in the expression is YearExplicit. Otherwise it
// is YearContext when the text states one: before the expression in the
// same sentence (in a name like "2022 Digital Nations Summit", a dated
// expression, "in 2021"; the nearest wins; not "since 2010" or "by 2030",
// nor a year after pub's year + 1), else after it (names and dated
// expressions only), else a dated expression in the sentence before (or
// a name year there, when pub is nil). The publication date itself is
// never such a context. Otherwise it is the publication year
// (YearPublished), moved by the tense of the clause: the nearest cue
// before the expression, else after it; a reporting verb before it
// ("said") counts only when nothing else does. Past tense and more than 7
// days after pub: back a year (YearInferredPast). Future tense and ending
// more than 90 days before pub: forward a year (still YearPublished, as
// the anchor is the publication date). No cue: back a year when more than
// six months after pub, forward when ending more than nine months before
// it. Relative expressions ("last year", "November last year", "next
// month") are YearPublished. Without pub, yearless and relative
// expressions take the most frequent stated year of the document
// (YearContext), and are dropped when the document states no year.
func FindDates(text string, pub *Timestamp) []DateRange {
	return findDates(text, pub, Sentences(text))
}

// dtWindow is the longest text findDates tokenizes at once; a longer one
// is read in windows (see windows). A variable, for tests.
var dtWindow = 128 << 10

func findDates(text string, pub *Timestamp, sents []Span) []DateRange {
	buf := dtScanBufs.Get().(*dtScanBuf)
	s := dtScanner{text: text, pub: pub, sents: sents, exprs: buf.exprs[:0], years: buf.years[:0]}
	s.toks, s.starts = buf.toks[:0], buf.starts[:0]
	defer func() {
		// a long text's expressions and years are not bounded by its window
		if max(cap(s.toks), cap(s.exprs), cap(s.years)) <= maxPooledTokens {
			buf.toks, buf.starts, buf.exprs, buf.years = s.toks[:0], s.starts[:0], s.exprs[:0], s.years[:0]
			dtScanBufs.Put(buf)
		}
	}()
	if len(text) > dtWindow {
		return s.windows()
	}
	s.roomFor(len(text))
	s.toks, s.starts = dtTokenize(text, s.toks, s.starts)
	s.parseAll()
	if len(s.exprs) == 0 {
		return nil
	}
	s.collectYears(s.exprs)
	if s.pub == nil {
		s.docYear = s.mostStatedYear()
	}
	return s.resolveAll(make([]DateRange, 0, len(s.exprs)))
}

// windows reads a text longer than dtWindow a window at a time, reusing
// one token buffer: the first touch of the fresh pages of a buffer sized
// to the whole text costs more than tokenizing into them (issue 11).
// Windows end at cuts (dtCutAt) where the tokens, the expressions and the
// sentences are those of the whole text, so the output is too. With pub,
// a window's expressions are resolved once its years are collected: the
// sentences they look into are in it or before it. Without pub they wait
// for the whole text's year (mostStatedYear), each with the two tokens
// resolve then reads, its first and its last, copied to stubs.
func (s *dtScanner) windows() []DateRange {
	var out []DateRange
	var stubs []dtToken
	for lo := 0; lo < len(s.text); {
		hi := dtWindowEnd(s.text, s.sents, lo)
		s.roomFor(hi - lo) // past dtWindow where no cut came sooner
		n := len(s.exprs)
		s.toks, s.starts = dtTokenizeFrom(s.text[:hi], lo, s.toks[:0], s.starts[:0])
		s.parseAll()
		s.collectYears(s.exprs[n:])
		if s.pub != nil {
			out = dtGrowAsRead(out, len(out)+len(s.exprs), hi, len(s.text))
			out = s.resolveAll(out)
			s.exprs = s.exprs[:0]
		} else {
			stubs = dtGrowAsRead(stubs, len(stubs)+2*(len(s.exprs)-n), hi, len(s.text))
			for i := range s.exprs[n:] {
				e := &s.exprs[n+i]
				stubs = append(stubs, s.toks[e.ts], s.toks[e.te-1])
				e.ts, e.te = len(stubs)-2, len(stubs)
			}
			s.exprs = dtGrowAsRead(s.exprs, len(s.exprs), hi, len(s.text))
		}
		s.years = dtGrowAsRead(s.years, len(s.years), hi, len(s.text))
		lo = hi
	}
	if s.pub == nil && len(s.exprs) > 0 {
		toks := s.toks
		s.toks, s.docYear = stubs, s.mostStatedYear()
		out = s.resolveAll(make([]DateRange, 0, len(s.exprs)))
		s.toks = toks // the window's buffer goes back to the pool, not the stubs
	}
	return out
}

// roomFor gives s.toks room for the tokens of n bytes of text at once,
// about a token in five bytes or more, not by append's steps (each copies
// and touches new memory).
func (s *dtScanner) roomFor(n int) {
	if n := n/5 + 16; cap(s.toks) < n {
		s.toks = make([]dtToken, 0, n)
	}
}

// dtGrowAsRead returns xs with room for need items, those of the first hi
// bytes of a text of n bytes, and for those of the whole text at that
// density: grown by append's quarter steps, a long text's items would be
// copied about five times.
func dtGrowAsRead[T any](xs []T, need, hi, n int) []T {
	if want := need * n / hi; want > cap(xs) {
		return slices.Grow(xs, want-len(xs))
	}
	return xs
}

// dtWindowEnd returns the end of the window that starts at lo: the last
// cut within dtWindow bytes, else the first after, else the text's end.
func dtWindowEnd(text string, sents []Span, lo int) int {
	lim := lo + dtWindow
	if lim >= len(text) {
		return len(text)
	}
	for p := lim; p > lo; p-- {
		if dtCutAt(text, sents, p) {
			return p
		}
	}
	for p := lim + 1; p < len(text); p++ {
		if dtCutAt(text, sents, p) {
			return p
		}
	}
	return len(text)
}

// dtCutAt reports whether the text can be read in two windows split at
// p, with the same tokens and expressions as a whole. Space must follow
// p, and the token before it must be one no expression goes on from and
// in which the look-back of the next token (the year trigger of "Class of
// 2020", the "be" of a tense cue) finds nothing: '.', '!' or '?' after a
// word or ')', or a word, when the space holds a line break (a word may
// join the next token only on its line) and the next token is not a date
// word ("of"). The word must not be a date word ("Sept.") nor follow a
// digit ("5th", "5G" are numbers). And no sentence may straddle p: tense
// cues and context years are read within one.
func dtCutAt(text string, sents []Span, p int) bool {
	if p < 2 || !isASCIISpace(text[p]) {
		return false
	}
	end := p // of the word
	if c := text[p-1]; c == '.' || c == '!' || c == '?' {
		end--
	} else {
		q, line := p, false
		for q < len(text) && isASCIISpace(text[q]) {
			line = line || text[q] != ' '
			q++
		}
		if !line || dtIsDateWord(text[q:dtASCIILetterEnd(text, q)]) {
			return false
		}
	}
	if end == p || text[end-1] != ')' {
		start := end
		for start > 0 && dtIsLetter(text[start-1]) {
			start--
		}
		if start == end || start > 0 && dtIsDigit(text[start-1]) || dtIsDateWord(text[start:end]) {
			return false
		}
	}
	k := SentenceAt(sents, p)
	return k < 0 || sents[k].Start == p
}

func dtIsDateWord(w string) bool { return dtLookup(w) != dtWordInfo{} }

// resolveAll appends the ranges of s.exprs to out, in text order.
func (s *dtScanner) resolveAll(out []DateRange) []DateRange {
	for i := range s.exprs {
		r, ok := s.resolve(&s.exprs[i])
		if !ok {
			continue
		}
		out = append(out, r)
		switch {
		case r.Precision != Day:
		case r.Start == r.End:
			s.lastDay, s.lastSrc = r.Start, r.YearSource // what "the following day" counts from
		default:
			s.lastDay = Date{} // a span: "the following day" is unclear
		}
	}
	return out
}

// ---- tokens ----

// dtScanBuf holds findDates' token, start, expression and year buffers.
type dtScanBuf struct {
	toks   []dtToken
	starts []int
	exprs  []dtExpr
	years  []dtYearMark
}

// dtScanBufs recycles findDates' buffers between documents: a release has
// about a token per four bytes, and the buffers are dead once findDates
// returns. Tokens, starts and years hold no pointers, and expressions none but to
// constant strings (their Precision), so a pooled buffer keeps nothing
// alive.
var dtScanBufs = sync.Pool{New: func() any { return new(dtScanBuf) }}

// maxPooledTokens bounds the buffers kept: an outsized document's is left
// to the collector (its expressions, fewer than its tokens, with it).
const maxPooledTokens = 1 << 16

const (
	dtWord  = 1
	dtNum   = 2
	dtPunct = 3
)

// Token flags.
const (
	dtUpper     = 1 << iota // word: first letter upper case
	dtOrd                   // number: ordinal suffix (3rd), included in the token
	dtGlued                 // number: letters follow without space (5G, 1990s, 10am)
	dtBig                   // number: thousands groups (1,800)
	dtTime                  // number: part of a time of day (10:00, 5 p.m.)
	dtGluedPrev             // number: a letter precedes without space (FY2024, July16)
	dtDecimal               // number: part of a decimal (5.5)
)

// dtToken is a word, a digit run, or one punctuation character of the text.
// sp tells what precedes it: 0 nothing, 1 spaces, 2 a line break or tab.
type dtToken struct {
	start, end int
	val        int32 // number value; punctuation byte (0x80 for non-ASCII)
	kind       uint8
	sp         uint8
	ndig       uint8
	flags      uint8
	w          dtWordInfo
}

func (t *dtToken) is(f uint8) bool { return t.flags&f != 0 }

// dtTokenize appends the tokens of text to toks, and to starts the indices
// of those an expression may start at (dtMayStart): every number, and the
// months, capitalized weekdays and relative words. Tokens split only at
// ASCII bytes or rune boundaries, so every span is on rune boundaries.
func dtTokenize(text string, toks []dtToken, starts []int) ([]dtToken, []int) {
	return dtTokenizeFrom(text, 0, toks, starts)
}

// dtTokenizeFrom is dtTokenize of text from byte i on, where a token ends
// (or 0).
func dtTokenizeFrom(text string, i int, toks []dtToken, starts []int) ([]dtToken, []int) {
	var sp uint8
	for i < len(text) {
		c := text[i]
		switch {
		case dtIsLetter(c) || c >= utf8.RuneSelf: // a word, the most frequent token, or a non-letter rune
			j, ascii := dtASCIILetterEnd(text, i), true
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
				ascii = false
			}
			if j == i { // a non-letter rune: one punctuation token
				_, n := utf8.DecodeRuneInString(text[i:])
				toks = append(toks, dtToken{start: i, end: i + n, kind: dtPunct, sp: sp, val: 0x80})
				i += n
				sp = 0
				continue
			}
			t := dtToken{start: i, end: j, kind: dtWord, sp: sp}
			if c >= 'A' && c <= 'Z' {
				t.flags |= dtUpper
			}
			if w := text[i:j]; dtMaybeDateWord(w) { // dtLookup, inlined
				if n := j - i; ascii && i+16 <= len(text) {
					// the word's bytes packed as dtPack packs them, from two loads
					k0, k1 := load64(text[i:])|0x2020202020202020, load64(text[i+8:])|0x2020202020202020
					if n < 8 {
						k0, k1 = k0&(1<<(8*n)-1), 0
					} else {
						k1 &= 1<<(8*(n-8)) - 1
					}
					t.w = dtFindPacked(k0, k1)
				} else {
					t.w = dtFind(w)
				}
				if dtMayStart(&t) {
					starts = append(starts, len(toks))
				}
			}
			toks = append(toks, t)
			i, sp = j, 0
			if i < len(text) && text[i] == ' ' { // the space after it, as below
				i, sp = i+1, 1
			}
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
					// ISO date-time: 2016-02-11T09:30
				default:
					t.flags |= dtGlued
				}
			}
			if n := len(toks); n > 0 && sp == 0 && toks[n-1].kind == dtWord {
				t.flags |= dtGluedPrev
			}
			starts = append(starts, len(toks))
			toks = append(toks, t)
			i = j
			sp = 0
		default:
			toks = append(toks, dtToken{start: i, end: i + 1, kind: dtPunct, sp: sp, val: int32(c)})
			i++
			sp = 0
		}
	}
	dtMarkTimes(text, toks, starts)
	return toks, starts
}

// dtMarkTimes flags the numbers of times of day (10:00, 5 p.m., 10 am) and
// of decimals (5.5, 10.00 hrs); a dotted date (03.04.2020) is neither.
// The numbers are among starts.
func dtMarkTimes(text string, toks []dtToken, starts []int) {
	for _, i := range starts {
		t := &toks[i]
		if t.kind != dtNum {
			continue
		}
		if i >= 2 && t.sp == 0 && toks[i-1].sp == 0 && dtIsPunct(&toks[i-1], '.') && toks[i-2].kind == dtNum {
			continue // inside a chain: its first number decided
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
				t.flags |= dtTime // 5 p.m.
			}
		}
	}
}

// dtASCIILetterEnd returns the end of the run of ASCII letters at i, eight
// bytes at a time.
func dtASCIILetterEnd(text string, i int) int {
	for ; i+8 <= len(text); i += 8 {
		w := load64(text[i:])
		if stop := (^letterBytes(w) | w) & hiBits; stop != 0 {
			return i + bits.TrailingZeros64(stop)>>3
		}
	}
	for i < len(text) && dtIsLetter(text[i]) {
		i++
	}
	return i
}

func dtIsDigit(c byte) bool  { return c >= '0' && c <= '9' }
func dtIsLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func dtIsDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !dtIsDigit(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

func dtIsOrdinalSuffix(a, b byte) bool {
	a, b = a|0x20, b|0x20
	return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h')
}

func dtIsPunct(t *dtToken, c byte) bool { return t.kind == dtPunct && t.val == int32(c) }

// ---- words ----

type dtKw uint8

const (
	dkNone dtKw = iota
	dkThe
	dkOf
	dkAnd
	dkTo
	dkBetween
	dkThis
	dkLast
	dkNext
	dkPast
	dkYear
	dkMonth
	dkWeek
	dkToday
	dkYesterday
	dkTomorrow
	dkEarly
	dkMid
	dkLate
	dkEndOf // end, beginning, start, middle, half, rest: "the end of March"
	dkBe
	dkMeridiem // am, pm, hrs
	dkSet      // "is set to"
	dkOn       // "on Tuesday"
	dkFollowing
	dkSame
	dkDay
)

// Word classes, a bit set: a word may be in several.
const (
	dcMonthTrig = 1 << iota // a month without a day follows it: "in June"
	dcYearTrig              // a bare year follows it: "since 2010"
	dcConn                  // joins the ends of a range
	dcFuture                // future-tense cue
	dcPast                  // past-tense cue
	dcTarget                // a year after it names a plan: "Vision 2030"
	dcQty                   // a count noun: "2000 people" is not a year
	dcWeak                  // a year after it does not date the sentence: "since 2010"
	dcReport                // a reporting verb: a past cue only when nothing else is
	dcIdent                 // a number after it is an identifier: "Resolution 1973"
)

// dtWordInfo is what the date scanner knows about a word.
type dtWordInfo struct {
	month   int8 // 1..12, or 0
	abbr    bool // month abbreviation: needs a day or year beside it
	weekday bool
	id      dtKw
	cls     uint16
}

// dateWords maps lower-case words to their dtWordInfo.
var dateWords = buildDateWords()

// dateWordFilter[first][last] has bit n set when a date word of n letters
// starts and ends with those letters.
var dateWordFilter = func() (f [26][26]uint32) {
	for w := range dateWords {
		if a, z := w[0], w[len(w)-1]; len(w) < 32 && a >= 'a' && a <= 'z' && z >= 'a' && z <= 'z' {
			f[a-'a'][z-'a'] |= 1 << len(w)
		}
	}
	return f
}()

// dateWordSlot is a date word packed by dtPack, and what the scanner
// knows about it; k0 == 0 marks an empty slot.
type dateWordSlot struct {
	k0, k1 uint64
	info   dtWordInfo
}

// dateWordTable holds the date words by dtHash, with linear probing: a
// word is in its slot or the next ones up to an empty slot. It is about
// a third full. Every date word is made of the letters a to z, and at
// most 16 of them.
var dateWordTable = func() (t [1 << dateWordBits]dateWordSlot) {
	for w, info := range dateWords {
		if len(w) > 16 || len(dateWords)*3 > len(t) {
			panic("dates: date word table too small for " + w)
		}
		k0, k1 := dtPack(w)
		h := dtHash(k0, k1)
		for t[h].k0 != 0 {
			h = (h + 1) & (len(t) - 1)
		}
		t[h] = dateWordSlot{k0, k1, info}
	}
	return t
}()

const dateWordBits = 10

// dtPack packs a word of at most 16 bytes into two integers, each byte
// with 0x20 set: the lower-cased word when it is ASCII letters. No byte
// is then zero, so words of different lengths differ.
func dtPack(w string) (k0, k1 uint64) {
	for i := 0; i < len(w) && i < 8; i++ {
		k0 |= uint64(w[i]|0x20) << (8 * i)
	}
	for i := 8; i < len(w) && i < 16; i++ {
		k1 |= uint64(w[i]|0x20) << (8 * (i - 8))
	}
	return k0, k1
}

// dtHash is the slot of dateWordTable a packed word starts at.
func dtHash(k0, k1 uint64) int {
	return int((k0 ^ k1*0xff51afd7ed558ccd) * 0x9e3779b97f4a7c15 >> (64 - dateWordBits))
}

func buildDateWords() map[string]dtWordInfo {
	m := map[string]dtWordInfo{}
	add := func(id dtKw, cls uint16, ws ...string) {
		for _, w := range ws {
			wi := m[w]
			if id != dkNone {
				wi.id = id
			}
			wi.cls |= cls
			m[w] = wi
		}
	}
	months := []string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"}
	for i, w := range months {
		m[w] = dtWordInfo{month: int8(i + 1)}
	}
	for w, mo := range map[string]int8{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
		"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		m[w] = dtWordInfo{month: mo, abbr: true}
	}
	for _, w := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"} {
		wi := m[w]
		wi.weekday = true
		m[w] = wi
	}
	const trig = dcMonthTrig | dcYearTrig
	add(dkNone, trig, "in", "during", "throughout", "around", "circa", "starting", "beginning", "ending")
	add(dkNone, trig|dcWeak, "since", "by", "before", "after")
	add(dkNone, trig|dcWeak|dcConn, "until", "till")
	add(dkNone, trig, "from")
	add(dkBetween, trig, "between")
	add(dkNone, trig|dcConn, "through", "thru")
	add(dkTo, dcConn, "to")
	add(dkAnd, dcConn, "and")
	add(dkEarly, trig, "early")
	add(dkMid, trig, "mid")
	add(dkLate, trig, "late")
	add(dkOf, dcYearTrig, "of")
	add(dkYear, dcYearTrig, "year")
	add(dkNone, dcYearTrig, "spring", "summer", "autumn", "fall", "winter")
	add(dkThe, 0, "the")
	add(dkThis, 0, "this")
	add(dkLast, dcPast, "last")
	add(dkNext, dcFuture, "next")
	add(dkPast, 0, "past")
	add(dkMonth, 0, "month")
	add(dkWeek, 0, "week")
	add(dkToday, 0, "today")
	add(dkYesterday, dcPast, "yesterday")
	add(dkTomorrow, dcFuture, "tomorrow")
	add(dkEndOf, 0, "end", "start", "beginning", "middle", "half", "rest")
	add(dkBe, dcFuture, "be")
	add(dkNone, dcPast, "been")
	add(dkMeridiem, 0, "am", "pm", "hrs", "hours")
	add(dkSet, 0, "set")
	add(dkOn, 0, "on")
	add(dkFollowing, 0, "following")
	add(dkSame, 0, "same")
	add(dkDay, 0, "day")
	add(dkNone, dcFuture, "will", "shall", "upcoming", "forthcoming", "scheduled", "expected", "plans",
		"planning", "intends", "ahead", "would", "going", "soon", "coming", "invited", "invites", "invite")
	add(dkNone, dcPast, "was", "were", "had", "did", "visited", "met", "held", "signed", "attended",
		"hosted", "participated", "delivered", "discussed", "concluded", "launched",
		"opened", "received", "paid", "travelled", "traveled", "arrived", "departed",
		"returned", "joined", "addressed", "chaired", "exchanged", "congratulated", "thanked",
		"inaugurated", "presented", "led", "sent", "took", "came", "gave", "made", "ended", "began",
		"started", "completed", "closed", "spoke", "reviewed", "witnessed", "celebrated", "marked",
		"commemorated", "convened", "graced", "accompanied", "shared", "introduced",
		"adopted", "issued", "reached", "ago", "previous", "previously", "earlier", "recently",
		"toured", "ran", "hailed", "lauded", "honoured", "honored", "conferred", "ratified", "finalized",
		"finalised", "recorded", "ranked", "saw", "won", "elected", "appointed")
	add(dkNone, dcReport, "said", "stated", "added", "noted", "told", "stressed", "emphasized",
		"emphasised", "expressed", "explained", "announced", "highlighted", "underlined",
		"underscored", "hoped", "called", "requested", "proposed", "agreed", "reaffirmed",
		"welcomed", "urged", "affirmed", "confirmed", "pledged", "promised", "suggested")
	add(dkNone, dcTarget, "vision", "agenda", "strategy", "plan", "roadmap", "goal", "goals",
		"target", "targets", "horizon", "blueprint", "expo", "euro", "olympics", "cup")
	add(dkNone, dcIdent, "resolution", "resolutions", "no", "nr", "number", "article", "section",
		"chapter", "paragraph", "para", "decree", "flight", "route", "room", "gate", "model", "code",
		"item", "page", "unit", "line", "bus", "platform", "tel", "fax", "phone", "box", "lot", "file",
		"annex", "rule", "regulation", "directive", "order", "case", "vol", "volume", "issue")
	add(dkNone, dcQty, "people", "persons", "participants", "attendees", "companies", "firms",
		"businesses", "delegates", "visitors", "students", "units", "cases", "households", "members",
		"officials", "won", "dollars", "euros", "usd", "eur", "km", "kilometres", "kilometers",
		"meters", "metres", "tons", "tonnes", "hectares", "times", "hours", "minutes", "days",
		"employees", "workers", "jobs", "projects", "villages", "houses", "homes", "items", "pages",
		"copies", "votes", "troops", "soldiers", "refugees", "applications", "beds", "vehicles",
		"nations", "countries", "institutions", "schools", "hospitals", "million", "billion",
		"percent", "sq", "mw", "kg")
	return m
}

// dtLookup classifies an ASCII word, case-insensitively, without
// allocating.
func dtLookup(w string) dtWordInfo {
	if !dtMaybeDateWord(w) {
		return dtWordInfo{}
	}
	return dtFind(w)
}

// dtMaybeDateWord reports whether w passes a filter on (first letter, last
// letter, length) that most words fail; it is cheap enough to inline.
func dtMaybeDateWord(w string) bool {
	if len(w) < 2 || len(w) > 16 {
		return false
	}
	f, l := w[0]|0x20, w[len(w)-1]|0x20
	return f >= 'a' && f <= 'z' && l >= 'a' && l <= 'z' && dateWordFilter[f-'a'][l-'a']&(1<<len(w)) != 0
}

// dtFind looks up a word that passed dtMaybeDateWord. A byte with 0x20
// set equals a letter of a date word only when it is that letter in
// either case.
func dtFind(w string) dtWordInfo {
	if len(w) > 16 {
		return dtWordInfo{}
	}
	return dtFindPacked(dtPack(w))
}

// dtFindPacked looks up a word packed by dtPack.
func dtFindPacked(k0, k1 uint64) dtWordInfo {
	for h := dtHash(k0, k1); ; h = (h + 1) & (len(dateWordTable) - 1) {
		e := &dateWordTable[h]
		if e.k0 == k0 && e.k1 == k1 {
			return e.info
		}
		if e.k0 == 0 {
			return dtWordInfo{}
		}
	}
}

// ---- parsing ----

type dtRel uint8

const (
	drNone     dtRel = iota
	drYears          // this/last/next year: anchor year + off
	drMonths         // this/last/next month
	drWeeks          // this/last/next week
	drDays           // today/yesterday/tomorrow
	drMonthOff       // "November last year": month m1 of anchor year + off
	drLastOcc        // "last November": the latest such month before pub
	drNextOcc        // "next March": the first such month after pub
	drWeekday        // "on Tuesday": weekday off (Monday = 0) near pub, by the tense
	drDayAfter       // "the following day", "the same day": the last day told + off
)

// dtExpr is a date expression as written, before its year is resolved.
// Zero fields are absent: y1 == 0 means the year is not written; m2 == 0
// means a single point.
type dtExpr struct {
	ts, te     int // token range [ts, te)
	prec       Precision
	y1, m1, d1 int
	y2, m2, d2 int
	rel        dtRel
	off        int
	weak       bool // a year that does not date the sentence's events: since, by, until, ranges
}

type dtScanner struct {
	text  string
	pub   *Timestamp
	sents []Span
	toks  []dtToken
	// starts are the indices of the tokens an expression may start at,
	// the numbers among them (see dtTokenize)
	starts []int
	exprs  []dtExpr
	// stated years, for context
	years   []dtYearMark
	docYear int
	// week is the offset of the last "this week", "next week" or "last
	// week" read, when weekSet: the weekdays after it fall in that week,
	// "will visit Kenya next week ... In Nairobi on Wednesday".
	week    int
	weekSet bool
	// lastDay is the last single day resolved, in text order: "On
	// September 18 ... On the following day" is September 19.
	lastDay Date
	lastSrc YearSource
}

// dtYearMark is a year the text states, usable as a context year.
type dtYearMark struct {
	pos    int // the start of its token, in bytes
	year   int
	strong bool // a name year or a dated expression, usable from the next sentence
	named  bool // a year inside a name ("LEAP 2024")
}

// parseAll reads the expressions of the tokens, in order: at the starts
// that no expression read before covers (at any other token parseAt would
// find nothing).
func (s *dtScanner) parseAll() {
	next := 0
	for _, i := range s.starts {
		if i < next {
			continue
		}
		if e, ok := s.parseAt(i); ok {
			next = e
		} else {
			next = i + 1
		}
	}
}

// tok returns token i, or a zero token past the end.
func (s *dtScanner) tok(i int) *dtToken {
	if i < 0 || i >= len(s.toks) {
		return &dtZeroToken
	}
	return &s.toks[i]
}

var dtZeroToken dtToken

// near reports whether token i follows its predecessor on the same line.
func (s *dtScanner) near(i int) bool { return i < len(s.toks) && s.toks[i].sp < 2 }

// glued reports whether token i follows its predecessor without space.
func (s *dtScanner) glued(i int) bool { return i < len(s.toks) && s.toks[i].sp == 0 }

// dayAt reads a day of the month at i: 1..31, one or two digits or an
// ordinal, not part of a time, a decimal or a larger number.
func (s *dtScanner) dayAt(i int) (int, bool) {
	t := s.tok(i)
	if t.kind != dtNum || t.ndig > 2 || t.val < 1 || t.val > 31 || t.flags&(dtGlued|dtBig|dtTime|dtDecimal) != 0 {
		return 0, false
	}
	if n := s.tok(i + 1); n.sp == 0 && n.kind == dtPunct && (n.val == '/' || n.val == '.' || n.val == ':') && s.tok(i+2).kind == dtNum && s.glued(i+2) {
		return 0, false
	}
	return int(t.val), true
}

// yearAt reads a four-digit year at i, 1800..2100, not a count.
func (s *dtScanner) yearAt(i int) (int, bool) {
	t := s.tok(i)
	if t.kind != dtNum || t.ndig != 4 || t.val < 1800 || t.val > 2100 || t.flags&(dtGlued|dtBig|dtTime|dtDecimal|dtOrd) != 0 {
		return 0, false
	}
	if n := s.tok(i + 1); n.sp == 0 && n.kind == dtPunct && (n.val == '.' || n.val == '/' || n.val == ':') && s.tok(i+2).kind == dtNum && s.glued(i+2) {
		return 0, false
	}
	if n := s.tok(i + 1); n.kind == dtWord && n.w.cls&dcQty != 0 && n.sp == 1 {
		return 0, false
	}
	return int(t.val), true
}

// monthAt reads a capitalized month name at i, with the period of an
// abbreviation. It returns the month and the next token index.
func (s *dtScanner) monthAt(i int) (int, int, bool) {
	t := s.tok(i)
	if t.kind != dtWord || t.w.month == 0 || t.flags&dtUpper == 0 {
		return 0, 0, false
	}
	j := i + 1
	if n := s.tok(j); t.w.abbr && dtIsPunct(n, '.') && n.sp == 0 {
		j++
	}
	return int(t.w.month), j, true
}

// yearAfter reads an optional year after a day or month: " 2024" or
// ", 2024". It returns the year (0 when none) and the next index.
func (s *dtScanner) yearAfter(j int) (int, int) {
	if !s.near(j) {
		return 0, j
	}
	if dtIsPunct(s.tok(j), ',') && s.near(j+1) {
		if y, ok := s.yearAt(j + 1); ok {
			return y, j + 2
		}
		return 0, j
	}
	if y, ok := s.yearAt(j); ok && s.tok(j).sp == 1 {
		return y, j + 1
	}
	return 0, j
}

// parenWeekday skips "(Thu)" or "(Monday)" at j.
func (s *dtScanner) parenWeekday(j int) int {
	if dtIsPunct(s.tok(j), '(') && s.near(j) && s.tok(j+1).w.weekday && s.glued(j+1) {
		k := j + 2
		if dtIsPunct(s.tok(k), '.') && s.glued(k) {
			k++
		}
		if dtIsPunct(s.tok(k), ')') && s.glued(k) {
			return k + 1
		}
	}
	return j
}

// skipWeekday skips a weekday written before a range's second date:
// "from Monday, 13th to Friday, 17th March", "Monday 13 March to Friday
// 17 March".
func (s *dtScanner) skipWeekday(j int) int {
	if t := s.tok(j); t.kind == dtWord && t.w.weekday && t.flags&dtUpper != 0 && s.near(j+1) {
		if dtIsPunct(s.tok(j+1), ',') && s.near(j+2) {
			return j + 2
		}
		return j + 1
	}
	return j
}

// md reads "March 3", "Sept. 5th", "July16", "March 2 (Thu)", with an
// optional year: "March 3, 2024".
func (s *dtScanner) md(i int) (e dtExpr, ok bool) {
	m, j, ok := s.monthAt(i)
	if !ok || !s.near(j) || (s.tok(j).sp == 0 && j != i+1) {
		return e, false
	}
	d, ok := s.dayAt(j)
	if !ok {
		return e, false
	}
	k := s.parenWeekday(j + 1)
	y, k := s.yearAfter(k)
	return dtExpr{ts: i, te: k, prec: Day, y1: y, m1: m, d1: d}, true
}

// dm reads "3 March", "3rd March 2024", "the 5th of May", "12 March, 2024".
func (s *dtScanner) dm(i int) (e dtExpr, ok bool) {
	d, ok := s.dayAt(i)
	if !ok {
		return e, false
	}
	j := i + 1
	if s.tok(i).is(dtOrd) && s.tok(j).w.id == dkOf && s.near(j) {
		j++
	}
	if !s.near(j) || s.tok(j).sp == 0 {
		return e, false
	}
	m, k, ok := s.monthAt(j)
	if !ok {
		return e, false
	}
	k = s.parenWeekday(k)
	y, k := s.yearAfter(k)
	return dtExpr{ts: i, te: k, prec: Day, y1: y, m1: m, d1: d}, true
}

// numeric reads 2016-02-11, 2018.10.05, 2018/10/05, "2024. 3. 12" and
// 03.04.2020, 3/4/2020 (day first unless the first number exceeds 12).
func (s *dtScanner) numeric(i int) (e dtExpr, ok bool) {
	a, sep, b, sep2, c := s.tok(i), s.tok(i+1), s.tok(i+2), s.tok(i+3), s.tok(i+4)
	if a.kind != dtNum || sep.kind != dtPunct || sep2.kind != dtPunct || b.kind != dtNum || c.kind != dtNum {
		return e, false
	}
	if sep.val != '-' && sep.val != '.' && sep.val != '/' || sep2.val != sep.val || sep.sp != 0 || sep2.sp != 0 {
		return e, false
	}
	// "2024. 3. 12", "30. 5. 2025": one space after each dot, the year
	// first or last.
	if b.sp > 1 || c.sp > 1 || ((b.sp == 1 || c.sp == 1) && (sep.val != '.' || a.ndig != 4 && !(b.sp == 1 && c.sp == 1 && c.ndig == 4))) {
		return e, false
	}
	// Letters may follow only as an ISO time, "T09:30", which dtTokenize
	// does not count as glued.
	if (a.flags|b.flags|c.flags)&(dtBig|dtGlued|dtOrd) != 0 {
		return e, false
	}
	// Not part of a longer dotted or dashed sequence.
	if n := s.tok(i + 5); n.kind == dtPunct && n.sp == 0 && (n.val == sep.val || n.val == '.' && sep.val != '.') && s.tok(i+6).kind == dtNum && s.glued(i+6) {
		return e, false
	}
	if p := s.tok(i - 1); i > 0 && p.sp == 0 && a.sp == 0 && (p.kind == dtNum || p.kind == dtPunct && (p.val == '.' || p.val == '-' || p.val == '/') && s.tok(i-2).kind == dtNum) {
		return e, false
	}
	var y, m, d int
	switch {
	case a.ndig == 4 && b.ndig <= 2 && c.ndig <= 2:
		y, m, d = int(a.val), int(b.val), int(c.val)
	case a.ndig <= 2 && b.ndig <= 2 && c.ndig == 4:
		y, m, d = int(c.val), int(b.val), int(a.val)
		if m > 12 && d <= 12 {
			m, d = d, m
		}
	default:
		return e, false
	}
	if y < 1800 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return e, false
	}
	return dtExpr{ts: i, te: i + 5, prec: Day, y1: y, m1: m, d1: d}, true
}

// dottedDayRange reads "06-08.10.2019": a range of days, then the dotted
// month and year they share.
func (s *dtScanner) dottedDayRange(i int) (e dtExpr, ok bool) {
	d1, dash, d2, dot1, m, dot2, y := s.tok(i), s.tok(i+1), s.tok(i+2), s.tok(i+3), s.tok(i+4), s.tok(i+5), s.tok(i+6)
	if !dtIsPunct(dash, '-') || !dtIsPunct(dot1, '.') || !dtIsPunct(dot2, '.') {
		return e, false
	}
	for k := i + 1; k <= i+6; k++ {
		if !s.glued(k) {
			return e, false
		}
	}
	for _, t := range []*dtToken{d1, d2, m} {
		if t.kind != dtNum || t.ndig > 2 || t.flags&(dtGlued|dtBig|dtOrd) != 0 {
			return e, false
		}
	}
	if y.kind != dtNum || y.ndig != 4 || y.val < 1800 || y.val > 2100 || y.flags&(dtGlued|dtBig|dtOrd) != 0 {
		return e, false
	}
	if n := s.tok(i + 7); n.kind == dtPunct && n.sp == 0 && (n.val == '.' || n.val == '-') && s.tok(i+8).kind == dtNum && s.glued(i+8) {
		return e, false // part of a longer sequence
	}
	if d1.val < 1 || d1.val >= d2.val || d2.val > 31 || m.val < 1 || m.val > 12 {
		return e, false
	}
	yr, mo := int(y.val), int(m.val)
	return dtExpr{ts: i, te: i + 7, prec: Day, y1: yr, m1: mo, d1: int(d1.val), y2: yr, m2: mo, d2: int(d2.val)}, true
}

// sentenceStart reports whether token i opens a sentence or a line.
func (s *dtScanner) sentenceStart(i int) bool {
	if i == 0 || s.toks[i].sp == 2 {
		return true
	}
	p := s.tok(i - 1)
	return p.kind == dtPunct && (p.val == '.' || p.val == '!' || p.val == '?' || p.val == ':')
}

// weekdayIndex returns a weekday's index, Monday = 0, from its name or
// abbreviation.
func weekdayIndex(w string) (int, bool) {
	w = strings.ToLower(w)
	for i, p := range [...]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"} {
		if strings.HasPrefix(w, p) {
			return i, true
		}
	}
	return 0, false
}

// conn reads a range connector at j: "-", "to", "through", "until",
// "and". It returns the index after it and whether it is "and".
func (s *dtScanner) conn(j int) (int, bool, bool) {
	t := s.tok(j)
	if !s.near(j) || !s.near(j+1) {
		return 0, false, false
	}
	if dtIsPunct(t, '-') {
		return j + 1, false, true
	}
	if t.kind == dtWord && t.w.cls&dcConn != 0 && t.flags&dtUpper == 0 {
		return j + 1, t.w.id == dkAnd, true
	}
	return 0, false, false
}

// between reports whether the expression starting at token i is
// introduced by "between".
func (s *dtScanner) between(i int) bool { return i > 0 && s.tok(i-1).w.id == dkBetween && s.near(i) }

// parseAt tries to read an expression starting at token i; on success it
// appends it (or two, for "12 and 15 May") and returns the next index.
func (s *dtScanner) parseAt(i int) (int, bool) {
	t := s.tok(i)
	switch t.kind {
	case dtNum:
		return s.parseNum(i)
	case dtWord:
		switch {
		case t.w.weekday && t.flags&dtUpper != 0:
			j := i + 1
			if dtIsPunct(s.tok(j), ',') && s.near(j) {
				j++
			}
			if !s.near(j) || s.tok(j).sp == 0 || s.tok(j).kind != dtNum && s.tok(j).w.month == 0 {
				// "on Tuesday", alone: the Tuesday nearest the
				// publication date that the tense allows
				if p := s.tok(i - 1); i > 0 && p.w.id == dkOn && s.near(i) {
					if wd, ok := weekdayIndex(s.text[t.start:t.end]); ok {
						s.exprs = append(s.exprs, dtExpr{ts: i, te: i + 1, prec: Day, rel: drWeekday, off: wd})
						return i + 1, true
					}
				}
				return 0, false
			}
			n := len(s.exprs)
			k, ok := s.parseAt(j) // a number or a month: no further weekday
			if !ok || s.exprs[n].prec != Day {
				s.exprs = s.exprs[:n]
				return 0, false
			}
			s.exprs[n].ts = i
			return k, true
		case t.w.month != 0:
			return s.parseMonth(i)
		case dtRelative(t.w.id):
			return s.parseRelative(i)
		}
	}
	return 0, false
}

// dtMayStart reports whether parseAt may find an expression at t: a
// number, or a word that is a capitalized weekday, a month or opens a
// relative expression.
func dtMayStart(t *dtToken) bool {
	return t.kind == dtNum || t.kind == dtWord && (t.w.weekday && t.flags&dtUpper != 0 || t.w.month != 0 || dtRelative(t.w.id))
}

// dtRelative reports the words parseRelative reads an expression from.
func dtRelative(id dtKw) bool {
	switch id {
	case dkToday, dkYesterday, dkTomorrow, dkThe, dkThis, dkLast, dkNext:
		return true
	}
	return false
}

func (s *dtScanner) parseNum(i int) (int, bool) {
	if e, ok := s.dottedDayRange(i); ok {
		s.exprs = append(s.exprs, e)
		return e.te, true
	}
	if a, ok := s.numeric(i); ok {
		if j, and, ok := s.conn(a.te); ok && !and {
			if b, ok := s.numeric(j); ok {
				a.te, a.y2, a.m2, a.d2 = b.te, b.y1, b.m1, b.d1
			}
		}
		s.exprs = append(s.exprs, a)
		return a.te, true
	}
	if a, ok := s.dm(i); ok {
		if j, and, ok := s.conn(a.te); ok {
			if b, ok := s.dm(s.skipWeekday(j)); ok && (a.y1 == 0 || b.y1 != 0) {
				if !and || s.between(i) || dtConsecutive(a, b) {
					s.exprs = append(s.exprs, dtSpan2(a, b))
					return b.te, true
				}
			}
		}
		s.exprs = append(s.exprs, a)
		return a.te, true
	}
	if d1, ok := s.dayAt(i); ok {
		// "2 to 6 May 2016", "11-19 Nov 2014", "12 and 13 May"
		if j, and, ok := s.conn(i + 1); ok {
			if b, ok := s.dm(s.skipWeekday(j)); ok {
				a := dtExpr{ts: i, te: i + 1, prec: Day, d1: d1, m1: b.m1, y1: b.y1}
				if !and || s.between(i) || dtConsecutive(a, b) {
					s.exprs = append(s.exprs, dtSpan2(a, b))
					return b.te, true
				}
				s.exprs = append(s.exprs, a, b)
				return b.te, true
			}
		}
		return 0, false
	}
	if y, ok := s.yearAt(i); ok {
		start, ok := s.yearTrigger(i)
		if !ok {
			return 0, false
		}
		e := dtExpr{ts: start, te: i + 1, prec: Year, y1: y}
		// "since 2010", "by 2030", "until 2025" do not date a sentence's events
		e.weak = start == i && s.tok(i-1).w.cls&dcWeak != 0
		if j, and, ok := s.conn(i + 1); ok && (!and || s.between(start)) {
			if y2, ok := s.yearAt(j); ok && y2 > y && y2-y <= 100 {
				e.y2, e.te, e.weak = y2, j+1, true
			} else if t := s.tok(j); !and && t.kind == dtNum && t.ndig == 2 && t.flags&(dtGlued|dtBig|dtTime|dtDecimal|dtOrd) == 0 && (y/100*100+int(t.val)) == y+1 {
				e.y2, e.te, e.weak = y+1, j+1, true // 2023-24
			}
		}
		s.exprs = append(s.exprs, e)
		return e.te, true
	}
	return 0, false
}

// yearTrigger reports whether a bare year at i is a date: preceded by a
// preposition or modifier ("in 2021", "since 2010", "as of 2017", "late
// 2023", "mid-2023", "the year 2020"). It returns where the expression
// starts: at the modifier ("late 2023") or at the year.
func (s *dtScanner) yearTrigger(i int) (int, bool) {
	if i == 0 || !s.near(i) {
		return 0, false
	}
	p := s.tok(i - 1)
	if dtIsPunct(p, '-') { // mid-2023
		if q := s.tok(i - 2); p.sp == 0 && s.tok(i).sp == 0 && (q.w.id == dkMid || q.w.id == dkEarly || q.w.id == dkLate) {
			return i - 2, true
		}
		return 0, false
	}
	if p.kind != dtWord || p.w.cls&dcYearTrig == 0 || s.tok(i).sp != 1 {
		return 0, false
	}
	switch p.w.id {
	case dkEarly, dkMid, dkLate:
		return i - 1, true
	case dkOf:
		// "the end of 2023", "as of 2017"; not "the Class of 2020"
		if q := s.tok(i - 2); q.kind == dtWord && q.flags&dtUpper != 0 && q.w.cls == 0 && q.w.id == dkNone {
			return 0, false
		}
	}
	return i, true
}

// monthTrigger reports whether a month name alone at i is a date ("in
// June", "since March", "mid-March", "early April", "the end of May"),
// and where the expression starts.
func (s *dtScanner) monthTrigger(i int) (int, bool) {
	if i == 0 || !s.near(i) {
		return 0, false
	}
	p := s.tok(i - 1)
	if dtIsPunct(p, '-') && s.tok(i).sp == 0 && p.sp == 0 && s.tok(i-2).w.id == dkMid {
		return i - 2, true
	}
	if p.kind != dtWord || p.w.cls&dcMonthTrig == 0 && p.w.id != dkOf {
		return 0, false
	}
	switch p.w.id {
	case dkEarly, dkMid, dkLate:
		return i - 1, true
	case dkOf:
		// "the end of May", "the month of June"
		if q := s.tok(i - 2); q.w.id == dkEndOf || q.w.id == dkMonth {
			return i, true
		}
		return 0, false
	}
	return i, true
}

func (s *dtScanner) parseMonth(i int) (int, bool) {
	if a, ok := s.md(i); ok {
		if j, and, ok := s.conn(a.te); ok {
			if b, ok := s.md(s.skipWeekday(j)); ok && (a.y1 == 0 || b.y1 != 0) {
				if !and || s.between(i) || dtConsecutive(a, b) {
					s.exprs = append(s.exprs, dtSpan2(a, b))
					return b.te, true
				}
			} else if d2, ok := s.dayAt(j); ok && a.y1 == 0 && s.tok(j).sp <= 1 {
				// "March 3-5", "November 1 to 3", "March 3 - 5, 2024"
				k := s.parenWeekday(j + 1)
				y, k := s.yearAfter(k)
				b := dtExpr{ts: j, te: k, prec: Day, y1: y, m1: a.m1, d1: d2}
				if (!and || s.between(i) || dtConsecutive(a, b)) && d2 > a.d1 {
					s.exprs = append(s.exprs, dtSpan2(a, b))
					return b.te, true
				}
			}
		}
		s.exprs = append(s.exprs, a)
		return a.te, true
	}
	m, j, ok := s.monthAt(i)
	if !ok {
		return 0, false
	}
	start, trig := s.monthTrigger(i)
	if !trig {
		start = i
	}
	a := dtExpr{ts: start, te: j, prec: Month, m1: m}
	if y, k := s.yearAfter(j); y != 0 {
		a.y1, a.te = y, k
	} else if s.tok(i).w.abbr {
		return 0, false
	} else if off, k, ok := s.relativeYear(j); ok {
		// "November last year"
		a.rel, a.off, a.te = drMonthOff, off, k
	} else if !trig {
		// "March-April 2024" is a range; a bare month is not a date.
		if k, and, ok := s.conn(j); ok && !and {
			if m2, k2, ok := s.monthAt(k); ok && !s.tok(k).w.abbr {
				if y, k3 := s.yearAfter(k2); y != 0 {
					s.exprs = append(s.exprs, dtExpr{ts: i, te: k3, prec: Month, m1: m, y2: y, m2: m2})
					return k3, true
				}
			}
		}
		return 0, false
	}
	// "from March to May", "October 2017 to March 2018"
	if k, and, ok := s.conn(a.te); ok && (!and || s.between(start)) && a.rel == drNone {
		if m2, k2, ok := s.monthAt(k); ok {
			if _, isMD := s.md(k); !isMD {
				y, k3 := s.yearAfter(k2)
				if (y != 0 || !s.tok(k).w.abbr) && (a.y1 == 0 || y != 0) {
					a.m2, a.y2, a.te = m2, y, k3
				}
			}
		}
	}
	s.exprs = append(s.exprs, a)
	return a.te, true
}

// relativeYear reads "last year", "this year", "next year" at j.
func (s *dtScanner) relativeYear(j int) (int, int, bool) {
	t, n := s.tok(j), s.tok(j+1)
	if !s.near(j) || !s.near(j+1) || n.w.id != dkYear || t.kind != dtWord {
		return 0, 0, false
	}
	switch t.w.id {
	case dkThis:
		return 0, j + 2, true
	case dkLast:
		return -1, j + 2, true
	case dkNext:
		return 1, j + 2, true
	}
	return 0, 0, false
}

// parseRelative reads "this year", "last month", "next week", "today",
// "last November".
func (s *dtScanner) parseRelative(i int) (int, bool) {
	t := s.tok(i)
	switch t.w.id {
	case dkToday, dkYesterday, dkTomorrow:
		if t.flags&dtUpper != 0 && !s.sentenceStart(i) {
			return 0, false // "Korea Today", a name
		}
		off := 0
		if t.w.id == dkYesterday {
			off = -1
		} else if t.w.id == dkTomorrow {
			off = 1
		}
		s.exprs = append(s.exprs, dtExpr{ts: i, te: i + 1, prec: Day, rel: drDays, off: off})
		return i + 1, true
	case dkThe:
		// "the following day", "the next day", "the same day"
		n, d := s.tok(i+1), s.tok(i+2)
		if !s.near(i+1) || !s.near(i+2) || n.kind != dtWord || d.kind != dtWord || d.w.id != dkDay {
			return 0, false
		}
		switch n.w.id {
		case dkFollowing, dkNext:
			s.exprs = append(s.exprs, dtExpr{ts: i, te: i + 3, prec: Day, rel: drDayAfter, off: 1})
		case dkSame:
			s.exprs = append(s.exprs, dtExpr{ts: i, te: i + 3, prec: Day, rel: drDayAfter, off: 0})
		default:
			return 0, false
		}
		return i + 3, true
	case dkThis, dkLast, dkNext:
	default:
		return 0, false
	}
	// "the last year", "over the past year" are spans of time, not years.
	if p := s.tok(i - 1); i > 0 && (p.w.id == dkThe || p.w.id == dkPast) {
		return 0, false
	}
	off := 0
	switch t.w.id {
	case dkLast:
		off = -1
	case dkNext:
		off = 1
	}
	n := s.tok(i + 1)
	if !s.near(i+1) || n.kind != dtWord {
		return 0, false
	}
	var e dtExpr
	switch {
	case n.w.id == dkYear:
		e = dtExpr{prec: Year, rel: drYears, off: off}
	case n.w.id == dkMonth:
		e = dtExpr{prec: Month, rel: drMonths, off: off}
	case n.w.id == dkWeek:
		e = dtExpr{prec: Day, rel: drWeeks, off: off}
	case n.w.month != 0 && !n.w.abbr && n.flags&dtUpper != 0:
		if _, ok := s.md(i + 1); ok {
			return 0, false
		}
		e = dtExpr{prec: Month, m1: int(n.w.month)}
		switch off {
		case -1:
			e.rel = drLastOcc
		case 1:
			e.rel = drNextOcc
		default:
			e.rel, e.off = drMonthOff, 0
		}
	default:
		return 0, false
	}
	e.ts, e.te = i, i+2
	s.exprs = append(s.exprs, e)
	return e.te, true
}

// dtConsecutive reports whether b is the day after a ("12 and 13 May").
func dtConsecutive(a, b dtExpr) bool {
	y := a.y1
	if y == 0 {
		y = b.y1
	}
	if y == 0 {
		y = 2001 // any non-leap year: Feb 28 and Mar 1 stay consecutive
	}
	da := Date{y, time.Month(a.m1), a.d1}
	db := Date{y, time.Month(b.m1), b.d1}
	return da.Valid() && db.Valid() && da.AddDays(1) == db
}

// dtSpan2 joins two day expressions into a range a..b.
func dtSpan2(a, b dtExpr) dtExpr {
	return dtExpr{ts: a.ts, te: b.te, prec: Day, y1: a.y1, m1: a.m1, d1: a.d1, y2: b.y1, m2: b.m1, d2: b.d1}
}

// ---- year resolution ----

// collectYears appends to s.years the years the text states, for
// context: those of exprs, the expressions read from s.toks, and the
// names among s.toks.
func (s *dtScanner) collectYears(exprs []dtExpr) {
	n0 := len(s.years)
	for _, e := range exprs {
		y := e.y1
		if y == 0 {
			y = e.y2 // "February 19-23, 2024": the year written once, at the end
		}
		if y == 0 || e.weak || s.isPubDate(&e) {
			continue
		}
		s.years = append(s.years, dtYearMark{pos: s.toks[e.ts].start, year: y, strong: e.prec != Year})
	}
	ei := 0
	for _, i := range s.starts { // the numbers among them
		t := &s.toks[i]
		for ei < len(exprs) && exprs[ei].te <= i {
			ei++
		}
		if t.kind != dtNum || t.ndig != 4 || ei < len(exprs) && exprs[ei].ts <= i {
			continue
		}
		y, ok := s.yearAt(i)
		if !ok || t.is(dtGluedPrev) {
			continue
		}
		p, n := s.tok(i-1), s.tok(i+1)
		if i > 0 && p.kind == dtWord && p.w.cls&(dcTarget|dcIdent) != 0 {
			continue // Vision 2030, Resolution 1973
		}
		named := (i > 0 && s.near(i) && p.kind == dtWord && p.flags&dtUpper != 0 && p.w.cls&(dcMonthTrig|dcYearTrig) == 0 && p.w.month == 0) ||
			(s.near(i+1) && n.kind == dtWord && n.sp == 1 && n.flags&dtUpper != 0 && n.w.month == 0 && n.w.cls&dcTarget == 0) ||
			(s.glued(i+1) && dtIsPunct(n, '-') && s.tok(i+2).flags&dtUpper != 0)
		if named {
			s.years = append(s.years, dtYearMark{pos: t.start, year: y, strong: true, named: true})
		}
	}
	// Sort by position: expressions and names were appended separately.
	slices.SortStableFunc(s.years[n0:], func(a, b dtYearMark) int { return a.pos - b.pos })
}

// mostStatedYear returns the document's most frequent stated year, the
// first stated winning a tie; else the first year of a weak expression
// ("since 2010"); else 0.
func (s *dtScanner) mostStatedYear() int {
	count := make(map[int]int, len(s.years))
	for _, y := range s.years {
		count[y.year]++
	}
	best, bestN := 0, 0
	for _, y := range s.years {
		if n := count[y.year]; n > bestN {
			best, bestN = y.year, n
		}
	}
	if best != 0 {
		return best
	}
	for _, e := range s.exprs {
		if e.y1 != 0 {
			return e.y1
		}
		if e.y2 != 0 {
			return e.y2
		}
	}
	return 0
}

// isPubDate reports whether e is the publication date itself: the
// release's date line dates the release, not the events of the sentence
// after it.
func (s *dtScanner) isPubDate(e *dtExpr) bool {
	return s.pub != nil && e.prec == Day && e.m2 == 0 && e.y1 == s.pub.Year && e.m1 == int(s.pub.Month) && e.d1 == s.pub.Day
}

// sentenceOf returns the sentence span holding token i, or the token's
// own line-less span when the sentences do not cover it.
func (s *dtScanner) sentenceOf(i int) (Span, int) {
	k := SentenceAt(s.sents, s.toks[i].start)
	if k < 0 {
		return Span{s.toks[i].start, s.toks[i].end}, -1
	}
	return s.sents[k], k
}

// contextYear finds a year the text states for the expression e.
func (s *dtScanner) contextYear(e *dtExpr) (int, bool) {
	sp, k := s.sentenceOf(e.ts)
	at := s.toks[e.ts].start
	before, after := 0, 0
	for _, y := range s.yearsIn(sp) {
		if !s.plausible(y.year) {
			continue
		}
		if y.pos < at {
			before = y.year
		} else if after == 0 && y.strong {
			after = y.year
		}
	}
	if before != 0 {
		return before, true
	}
	if after != 0 {
		return after, true
	}
	if k <= 0 {
		return 0, false
	}
	last := 0
	for _, y := range s.yearsIn(s.sents[k-1]) {
		if !y.strong || !s.plausible(y.year) || y.named && s.pub != nil {
			continue
		}
		last = y.year
	}
	return last, last != 0
}

// yearsIn returns the stated years inside sp.
func (s *dtScanner) yearsIn(sp Span) []dtYearMark {
	lo, _ := slices.BinarySearchFunc(s.years, sp.Start, func(y dtYearMark, off int) int { return y.pos - off })
	hi, _ := slices.BinarySearchFunc(s.years, sp.End, func(y dtYearMark, off int) int { return y.pos - off })
	return s.years[lo:hi]
}

// plausible reports whether a stated year can date a yearless expression:
// not a target year long after publication.
func (s *dtScanner) plausible(y int) bool { return s.pub == nil || y <= s.pub.Year+1 }

type dtTense int8

const (
	dtTenseNone dtTense = iota
	dtTensePast
	dtTenseFuture
)

// tenseOf reads the tense cue nearest before the expression in its
// sentence, or else the nearest after it. A reporting verb ("said",
// "agreed") before the expression counts as past only when no other cue
// is found: "he said the forum on June 5 will ..." is future, "he said on
// June 5 that ..." past.
func (s *dtScanner) tenseOf(e *dtExpr) dtTense {
	sp, _ := s.sentenceOf(e.ts)
	report := false
	for k := e.ts - 1; k >= 0 && k >= e.ts-40 && s.toks[k].start >= sp.Start; k-- {
		if t := s.cue(k); t != dtTenseNone {
			return t
		}
		report = report || s.toks[k].w.cls&dcReport != 0
	}
	for k := e.te; k < len(s.toks) && k < e.te+40 && s.toks[k].end <= sp.End; k++ {
		if t := s.cue(k); t != dtTenseNone {
			return t
		}
	}
	if report {
		return dtTensePast
	}
	return dtTenseNone
}

// cue returns the tense token k signals.
func (s *dtScanner) cue(k int) dtTense {
	t := &s.toks[k]
	if t.kind != dtWord {
		return dtTenseNone
	}
	switch {
	case t.w.id == dkSet:
		// "is set to host"
		if s.tok(k+1).kind == dtWord && s.tok(k+1).w.id == dkTo {
			return dtTenseFuture
		}
	case t.w.cls&dcFuture != 0:
		return dtTenseFuture
	case t.w.cls&dcPast != 0:
		// "to be held", "will be signed": a participle after "be" is future.
		if p := s.tok(k - 1); k > 0 && p.w.id == dkBe {
			return dtTenseFuture
		}
		return dtTensePast
	}
	return dtTenseNone
}

// resolve turns e into a DateRange, or reports that its year cannot be
// known or that it names no real day.
func (s *dtScanner) resolve(e *dtExpr) (DateRange, bool) {
	var r DateRange
	r.Precision = e.prec
	y1, y2 := e.y1, e.y2
	switch {
	case e.rel == drDayAfter:
		if s.lastDay.IsZero() {
			return r, false // no day told before it
		}
		r.Start = s.lastDay.AddDays(e.off)
		r.End = r.Start
		r.YearSource = s.lastSrc
	case e.rel != drNone:
		var ok bool
		if r, ok = s.resolveRelative(e); !ok {
			return r, false
		}
	case y1 != 0 || y2 != 0:
		r.YearSource = YearExplicit
		if y1 == 0 {
			y1 = y2
			if e.m2 != 0 && e.m1 > e.m2 {
				y1--
			}
		}
	default:
		y, src, ok := s.inferYear(e)
		if !ok {
			return r, false
		}
		y1, r.YearSource = y, src
	}
	if e.rel == drNone {
		if y2 == 0 {
			y2 = y1
			if e.m2 != 0 && e.m2 < e.m1 {
				y2++
			}
		}
		r.Start, r.End = dtBounds(e.prec, y1, e.m1, e.d1, y2, e.m2, e.d2)
	}
	if !r.Start.Valid() || !r.End.Valid() || r.End.Before(r.Start) {
		return r, false
	}
	r.Span = Span{s.toks[e.ts].start, s.toks[e.te-1].end}
	r.Text = s.text[r.Span.Start:r.Span.End]
	return r, true
}

// dtBounds returns the first and last day of an expression with its years
// known. A zero m2 means a single point.
func dtBounds(p Precision, y1, m1, d1, y2, m2, d2 int) (Date, Date) {
	switch p {
	case Year:
		if y2 == 0 {
			y2 = y1
		}
		return Date{y1, 1, 1}, Date{y2, 12, 31}
	case Month:
		if m2 == 0 {
			m2, y2 = m1, y1
		}
		return Date{y1, time.Month(m1), 1}, Date{y2, time.Month(m2), dtLastDay(y2, m2)}
	}
	if m2 == 0 {
		return Date{y1, time.Month(m1), d1}, Date{y1, time.Month(m1), d1}
	}
	return Date{y1, time.Month(m1), d1}, Date{y2, time.Month(m2), d2}
}

func dtLastDay(y, m int) int {
	if m < 1 || m > 12 {
		return 0
	}
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// inferYear picks the year of a yearless expression: a stated year, else
// the publication year moved by tense, else the document's year.
func (s *dtScanner) inferYear(e *dtExpr) (int, YearSource, bool) {
	if y, ok := s.contextYear(e); ok {
		return y, YearContext, true
	}
	if s.pub == nil {
		return s.docYear, YearContext, s.docYear != 0
	}
	pub := s.pub.Date
	y := pub.Year
	y2 := y
	if e.m2 != 0 && e.m2 < e.m1 {
		y2++
	}
	start, end := dtBounds(e.prec, y, e.m1, e.d1, y2, e.m2, e.d2)
	if !start.Valid() {
		// Feb 29 of a non-leap publication year: try the neighbours.
		return y, YearPublished, true
	}
	switch s.tenseOf(e) {
	case dtTensePast:
		if pub.AddDays(7).Before(start) {
			return y - 1, YearInferredPast, true
		}
	case dtTenseFuture:
		if end.Before(pub.AddDays(-90)) {
			return y + 1, YearPublished, true
		}
	default:
		// Releases mostly look back: with no tense cue a date moves back
		// when over six months ahead, forward only when over nine behind.
		if pub.AddDays(183).Before(start) {
			return y - 1, YearInferredPast, true
		}
		if end.Before(pub.AddDays(-270)) {
			return y + 1, YearPublished, true
		}
	}
	return y, YearPublished, true
}

// resolveRelative resolves "this year", "last month", "next week",
// "today", "November last year", "last November" against pub, or the
// document's year when pub is nil (year and month level only).
func (s *dtScanner) resolveRelative(e *dtExpr) (DateRange, bool) {
	r := DateRange{Precision: e.prec, YearSource: YearPublished}
	var pub Date
	if s.pub != nil {
		pub = s.pub.Date
	} else {
		if s.docYear == 0 || e.rel == drWeeks || e.rel == drDays || e.rel == drMonths || e.rel == drWeekday {
			return r, false
		}
		pub = Date{s.docYear, 7, 1} // mid-year: last/next month names resolve to the same or the adjacent year
		r.YearSource = YearContext
	}
	switch e.rel {
	case drYears:
		y := pub.Year + e.off
		r.Start, r.End = Date{y, 1, 1}, Date{y, 12, 31}
	case drMonthOff:
		y := pub.Year + e.off
		r.Start, r.End = dtBounds(Month, y, e.m1, 0, 0, 0, 0)
	case drLastOcc, drNextOcc:
		y := pub.Year
		if e.rel == drLastOcc && e.m1 >= int(pub.Month) {
			y--
		}
		if e.rel == drNextOcc && e.m1 <= int(pub.Month) {
			y++
		}
		r.Start, r.End = dtBounds(Month, y, e.m1, 0, 0, 0, 0)
	case drMonths:
		t := time.Date(pub.Year, pub.Month+time.Month(e.off), 1, 0, 0, 0, 0, time.UTC)
		r.Start, r.End = dtBounds(Month, t.Year(), int(t.Month()), 0, 0, 0, 0)
	case drWeeks:
		wd := (int(pub.Time().Weekday()) + 6) % 7 // Monday = 0
		off := e.off
		if off == 0 && wd == 6 && s.tenseOf(e) == dtTenseFuture {
			// told on a Sunday, "will travel this week" is the coming one
			off = 1
		}
		mon := pub.AddDays(-wd + 7*off)
		r.Start, r.End = mon, mon.AddDays(6)
		if s.pub != nil {
			s.week, s.weekSet = off, true
		}
	case drDays:
		r.Start = pub.AddDays(e.off)
		r.End = r.Start
	case drWeekday:
		// the latest such day on or before publication, or for the future
		// the first after it
		wd := (int(pub.Time().Weekday()) + 6) % 7
		tense := s.tenseOf(e)
		if s.weekSet && (s.week == 0 || s.week > 0 && tense == dtTenseFuture || s.week < 0 && tense == dtTensePast) {
			// a day of the week told before: "next week ... on Wednesday"
			r.Start = pub.AddDays(-wd + 7*s.week + e.off)
			r.End = r.Start
			break
		}
		if tense == dtTenseFuture {
			fwd := (e.off - wd + 7) % 7
			if fwd == 0 {
				fwd = 7
			}
			r.Start = pub.AddDays(fwd)
		} else {
			r.Start = pub.AddDays(-((wd - e.off + 7) % 7))
		}
		r.End = r.Start
	}
	return r, true
}
