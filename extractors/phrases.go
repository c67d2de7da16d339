package extractors

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one lower-cased word of a sentence, with its byte offsets in the
// sentence.
type word struct {
	s          string
	start, end int
}

// lowerWords splits s into words (letters, digits, inner apostrophes and
// hyphens), lower-cased, with byte offsets into s.
func lowerWords(s string) []word {
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
				r3, _ := utf8.DecodeRuneInString(s[j+n2:])
				if unicode.IsLetter(r3) {
					j += n2
					continue
				}
			}
			break
		}
		out = append(out, word{strings.ToLower(s[i:j]), i, j})
		i = j
	}
	return out
}

// phrases is a set of word sequences matched against a sentence's words,
// in place of case-insensitive regular expressions over alternations:
// one map look-up per word. A word ending in '*' matches any word with
// that prefix; a word "_" matches any one word.
type phrases struct {
	byFirst map[string][][]string
	// byStem holds the phrases whose first word is a prefix ("travel*"),
	// by the prefix's first stemLen bytes.
	byStem map[string][][]string
}

// stemLen is the length of the key prefixed phrases are filed under; a
// prefix must be at least this long.
const stemLen = 3

func newPhrases(list ...string) *phrases {
	p := &phrases{byFirst: map[string][][]string{}, byStem: map[string][][]string{}}
	for _, s := range list {
		ws := strings.Fields(strings.ToLower(s))
		if pre, ok := strings.CutSuffix(ws[0], "*"); ok {
			if len(pre) < stemLen {
				panic("phrases: prefix shorter than " + string(rune('0'+stemLen)) + ": " + s)
			}
			p.byStem[pre[:stemLen]] = append(p.byStem[pre[:stemLen]], ws)
			continue
		}
		if ws[0] == "_" {
			panic("phrases: a phrase cannot start with a wildcard: " + s)
		}
		p.byFirst[ws[0]] = append(p.byFirst[ws[0]], ws)
	}
	return p
}

func wordMatches(pat, w string) bool {
	if pat == "_" {
		return true
	}
	if pre, ok := strings.CutSuffix(pat, "*"); ok {
		return strings.HasPrefix(w, pre)
	}
	return pat == w
}

func phraseAt(ws []word, i int, ph []string) bool {
	if i+len(ph) > len(ws) {
		return false
	}
	for k, pat := range ph {
		if !wordMatches(pat, ws[i+k].s) {
			return false
		}
	}
	return true
}

// find returns the index of the first word where a phrase starts, and the
// index just past it; ok is false when none matches.
func (p *phrases) find(ws []word) (start, end int, ok bool) {
	return p.findFrom(ws, 0)
}

// findFrom is find starting at word from.
func (p *phrases) findFrom(ws []word, from int) (start, end int, ok bool) {
	for i := from; i < len(ws); i++ {
		for _, ph := range p.byFirst[ws[i].s] {
			if phraseAt(ws, i, ph) {
				return i, i + len(ph), true
			}
		}
		if len(p.byStem) > 0 && len(ws[i].s) >= stemLen {
			for _, ph := range p.byStem[ws[i].s[:stemLen]] {
				if phraseAt(ws, i, ph) {
					return i, i + len(ph), true
				}
			}
		}
	}
	return 0, 0, false
}

// in reports whether any phrase occurs in ws.
func (p *phrases) in(ws []word) bool {
	_, _, ok := p.find(ws)
	return ok
}

// anyWordIn reports whether a word of text, lower-cased, is in set,
// without allocating: ASCII words are lower-cased into a small buffer,
// which a map look-up reads without copying.
func anyWordIn(text string, set map[string]bool) bool {
	var buf [24]byte
	for i := 0; i < len(text); {
		c := text[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			i++
			continue
		}
		j := i
		for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= 'A' && text[j] <= 'Z' || text[j] == '-') {
			j++
		}
		if n := j - i; n <= len(buf) {
			for k := 0; k < n; k++ {
				b := text[i+k]
				if b >= 'A' && b <= 'Z' {
					b += 'a' - 'A'
				}
				buf[k] = b
			}
			if set[string(buf[:n])] {
				return true
			}
		}
		i = j
	}
	return false
}

// findIn returns the byte span of the first phrase of p in text, like
// regexp's FindStringIndex, or nil.
func findIn(p *phrases, text string) []int {
	ws := lowerWords(text)
	i, j, ok := p.find(ws)
	if !ok {
		return nil
	}
	return []int{ws[i].start, ws[j-1].end}
}

// matches reports whether a phrase of p occurs in text.
func matches(p *phrases, text string) bool { return p.in(lowerWords(text)) }
