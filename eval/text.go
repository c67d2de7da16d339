package eval

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// This file holds the string primitives score.py gets from Python: str.split,
// str.strip and str.lower, the regex classes \w and \s, and fold.

// isSpace is Python's str.isspace for one character, which is also what
// str.split, str.strip and the regex class \s use. It differs from
// unicode.IsSpace in counting U+001C..U+001F.
func isSpace(r rune) bool {
	switch {
	case r >= '\t' && r <= '\r', r >= 0x1c && r <= ' ', r == 0x85, r == 0xa0,
		r == 0x1680, r >= 0x2000 && r <= 0x200a, r == 0x2028, r == 0x2029,
		r == 0x202f, r == 0x205f, r == 0x3000:
		return true
	}
	return false
}

// isWord is the regex class \w on str patterns: str.isalnum (letters and
// every numeric character) or the underscore. Marks are not word
// characters.
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// split is str.split(): the runs of non-space characters.
func split(s string) []string { return strings.FieldsFunc(s, isSpace) }

// strip is str.strip().
func strip(s string) string { return strings.TrimFunc(s, isSpace) }

// lower is str.lower(): full lowercase mapping, so U+0130 becomes "i̇", and
// a capital sigma that ends a word becomes final sigma ς.
func lower(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range s {
		switch r {
		case 0x130:
			b.WriteString("i\u0307")
		case 0x3a3:
			if finalSigma(s, i) {
				b.WriteRune(0x3c2)
			} else {
				b.WriteRune(0x3c3)
			}
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma reports whether the capital sigma at byte i of s is in the
// Final_Sigma context: a cased letter before it and none after it, skipping
// case-ignorable characters both ways.
func finalSigma(s string, i int) bool {
	before := s[:i]
	for len(before) > 0 {
		r, n := utf8.DecodeLastRuneInString(before)
		before = before[:len(before)-n]
		if !caseIgnorable(r) {
			if !cased(r) {
				return false
			}
			for _, r := range s[i+utf8.RuneLen(0x3a3):] {
				if !caseIgnorable(r) {
					return !cased(r)
				}
			}
			return true
		}
	}
	return false
}

// cased is the Unicode property Cased.
func cased(r rune) bool {
	return unicode.In(r, unicode.Lu, unicode.Ll, unicode.Lt, unicode.Other_Lowercase, unicode.Other_Uppercase)
}

// caseIgnorable is the Unicode property Case_Ignorable: marks, format
// characters, modifiers and the word-internal punctuation of Word_Break
// MidLetter, MidNumLet and Single_Quote.
func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', 0xb7, 0x387, 0x55f, 0x5f4, 0x2018, 0x2019, 0x2024,
		0x2027, 0xfe13, 0xfe52, 0xfe55, 0xff07, 0xff0e, 0xff1a:
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// fold is score.py's fold: NFKC, curly single quotes to ', the dashes
// U+2010..U+2015 to -, then lower case. A falsy v folds to ""; any other
// non-string raises TypeError.
func fold(v any) string {
	s := ""
	if truthy(v) {
		s = mustStr(v, "unicodedata.normalize")
	}
	s = norm.NFKC.String(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == 0x2018 || r == 0x2019:
			return '\''
		case r >= 0x2010 && r <= 0x2015:
			return '-'
		}
		return r
	}, s)
	return lower(s)
}

// blankUnless replaces with a space every character of s that is neither a
// word character, a space, nor in keep: re.sub(r"[^\w\s" + keep + "]", " ", s).
func blankUnless(s, keep string) string {
	return strings.Map(func(r rune) rune {
		if isWord(r) || isSpace(r) || strings.ContainsRune(keep, r) {
			return r
		}
		return ' '
	}, s)
}

// garbledScript reports whether s holds Devanagari or U+FFFD, the search
// r"[\u0900-\u097F\uFFFD]".
func garbledScript(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return r >= 0x900 && r <= 0x97f || r == 0xfffd
	})
}
