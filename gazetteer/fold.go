package gazetteer

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s lower-cased and without diacritics, the form in which
// city names are compared: "São Tomé" and "SAO TOME" fold to "sao tome",
// "Zürich" to "zurich", "Łódź" to "lodz". Letters that do not decompose
// are written out in ASCII ("ß" "ss", "æ" "ae", "ø" "o", "ł" "l", "đ" "d",
// "ı" "i", "þ" "th", "ð" "d"); typographic apostrophes and hyphens become
// "'" and "-". Other characters are kept, lower-cased.
func Fold(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return string(appendFold(make([]byte, 0, len(s)), s))
		}
	}
	return s
}

// AppendFold appends Fold(s) to dst and returns the extended buffer.
func AppendFold(dst []byte, s string) []byte { return appendFold(dst, s) }

// appendFold appends Fold(s) to dst.
func appendFold(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = appendFoldRune(dst, r)
		i += n
	}
	return dst
}

// spelled are the folds of letters that have no canonical decomposition.
var spelled = map[rune]string{
	'ß': "ss", 'ẞ': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th",
	'ı': "i", 'ħ': "h", 'Ħ': "h", 'ŀ': "l", 'Ŀ': "l",
	'\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u2032': "'",
	'\u2010': "-", '\u2011': "-", '\u2012': "-", '\u2013': "-",
}

func appendFoldRune(dst []byte, r rune) []byte {
	if s, ok := spelled[r]; ok {
		return append(dst, s...)
	}
	var buf [utf8.UTFMax]byte
	n := utf8.EncodeRune(buf[:], r)
	d := norm.NFD.Properties(buf[:n]).Decomposition()
	if d == nil {
		return utf8.AppendRune(dst, unicode.ToLower(r))
	}
	for len(d) > 0 {
		r, n := utf8.DecodeRune(d)
		d = d[n:]
		if !unicode.Is(unicode.Mn, r) {
			dst = appendFoldRune(dst, r)
		}
	}
	return dst
}

// foldedEqual reports whether Fold(s) == folded without building Fold(s)
// when s is ASCII, and on the stack when it is short.
func foldedEqual(s, folded string) bool {
	if len(s) == len(folded) {
		ascii := true
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != folded[i] {
				return false
			}
		}
		if ascii {
			return true
		}
	} else if isASCII(s) {
		return false
	}
	var buf [64]byte
	return string(appendFold(buf[:0], s)) == folded
}

// lowerASCII writes s lower-cased into buf and returns those bytes, or
// false when s is not ASCII or longer than buf.
func lowerASCII(buf *[64]byte, s string) ([]byte, bool) {
	if len(s) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(s)], true
}
