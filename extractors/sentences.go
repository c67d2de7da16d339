package extractors

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "no": true,
	"h.e": true, "e.g": true, "i.e": true, "u.s": true, "u.k": true, "u.n": true, "vs": true,
	"jr": true, "sr": true, "gen": true, "lt": true, "col": true, "capt": true, "gov": true,
	"sen": true, "rep": true, "hon": true, "rt": true, "amb": true, "a.m": true, "p.m": true, "etc": false,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "inc": true, "co": true,
	"corp": true, "ltd": true, "dept": true, "approx": true, "art": true, "para": true, "vol": true,
}

// Sentences splits text into sentence spans (byte offsets, half-open,
// trimmed of surrounding space). A line break ends a sentence when it ends
// a paragraph (blank line) or when the line holds a heading or table row;
// within a line, '.', '!' or '?' end one when followed by space and an
// upper-case letter, digit or opening quote, unless the word before is a
// known abbreviation or a single initial. No sentence is longer than
// maxSentence bytes: a longer run without a stop is cut (see cutLong).
func Sentences(text string) []Span {
	out := make([]Span, 0, len(text)/96+8) // releases run about 120 bytes a sentence
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		for e-s > maxSentence {
			c := cutLong(text, s, s+maxSentence)
			out = append(out, trimSpan(text, s, c))
			for s = c; s < e && isSpaceByte(text[s]); s++ {
			}
		}
		if e > s {
			out = append(out, Span{s, e})
		}
		start = end
	}
	stops := stopScanner{text: text, next: [4]int{-1, -1, -1, -1}}
	for i := 0; i < len(text); {
		// Only line breaks and sentence punctuation matter: skip to the next.
		if i = stops.from(i); i == len(text) {
			break
		}
		c := text[i]
		switch {
		case c == '\n':
			emit(i)
			i++
			start = i
			continue
		case c == '.' || c == '!' || c == '?':
			j := i + 1
			for j < len(text) && strings.IndexByte(")\"'’”", text[j]) >= 0 {
				j++
			}
			// also skip multi-byte closing quotes
			for j < len(text) {
				r, n := utf8.DecodeRuneInString(text[j:])
				if r == '’' || r == '”' {
					j += n
					continue
				}
				break
			}
			if j < len(text) && text[j] == ' ' {
				k := j
				for k < len(text) && text[k] == ' ' {
					k++
				}
				if k < len(text) {
					r, _ := utf8.DecodeRuneInString(text[k:])
					if (unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '\'' || r == '‘') && !(c == '.' && isAbbrevBefore(text, i)) {
						emit(j)
						i = k
						start = k
						continue
					}
				}
			}
		}
		i++
	}
	emit(len(text))
	if len(out) == 0 {
		return nil // no sentences: nil, as for an empty text
	}
	return out
}

// stopScanner finds the line breaks and sentence punctuation of a text.
// It keeps the next position of each of the four bytes, found with
// strings.IndexByte (which is vectorized) and searched for again only
// once passed.
type stopScanner struct {
	text string
	next [4]int // of '\n', '.', '!', '?' from the last search on; len(text) when none
}

// from returns the position of the first stop byte at or after i, or
// len(text).
func (s *stopScanner) from(i int) int {
	first := len(s.text)
	for k, c := range [...]byte{'\n', '.', '!', '?'} {
		if s.next[k] < i {
			s.next[k] = len(s.text)
			if j := strings.IndexByte(s.text[i:], c); j >= 0 {
				s.next[k] = i + j
			}
		}
		first = min(first, s.next[k])
	}
	return first
}

// isAbbrevBefore reports whether the period at text[i] closes an
// abbreviation or an initial.
func isAbbrevBefore(text string, i int) bool {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !(unicode.IsLetter(r) || r == '.') {
			break
		}
		j -= n
	}
	var buf [32]byte
	w := appendLower(buf[:0], text[j:i]) // strings.ToLower, without allocating
	if len(w) == 0 {
		return false
	}
	if abbreviations[string(w)] {
		return true
	}
	// A single letter ("J. Smith") or a dotted acronym ("U.A.E").
	if utf8.RuneCount(w) == 1 || bytes.IndexByte(w, '.') >= 0 {
		return true
	}
	return false
}

// maxSentence is the longest sentence Sentences returns, in bytes: a
// longer stretch without a stop (a table flattened into one line, a list
// of names, a page with no punctuation) is cut into pieces, so that no
// rule that reads a sentence reads an unbounded unit.
const maxSentence = 64 << 10

// cutLong returns where to cut a sentence that starts at s and runs past
// limit: after the last "; " or ", " in the kilobytes before limit, else
// at the last space there, else at limit itself (moved back to the start
// of a character).
func cutLong(text string, s, limit int) int {
	lo := max(s+1, limit-4096)
	win := text[lo:limit]
	for _, sep := range []string{"; ", ", "} {
		if i := strings.LastIndex(win, sep); i >= 0 {
			return lo + i + 1
		}
	}
	if i := strings.LastIndexByte(win, ' '); i >= 0 {
		return lo + i
	}
	for limit > s+1 && !utf8.RuneStart(text[limit]) {
		limit--
	}
	return limit
}

// trimSpan returns [s, e) without the space at its ends.
func trimSpan(text string, s, e int) Span {
	for e > s && isSpaceByte(text[e-1]) {
		e--
	}
	return Span{s, e}
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// SentenceAt returns the index of the sentence in spans containing byte
// offset off, or -1.
func SentenceAt(spans []Span, off int) int {
	lo, hi := 0, len(spans)
	for lo < hi {
		m := (lo + hi) / 2
		if spans[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(spans) && spans[lo].Start <= off {
		return lo
	}
	return -1
}
