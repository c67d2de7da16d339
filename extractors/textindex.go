package extractors

import (
	"slices"
	"sort"
	"strings"
)

// textIndex answers, in O(log n), questions that rules ask about a
// position and used to answer by scanning the text around it: where the
// position's line starts and ends, whether it sits inside an open
// parenthesis on its line, where its clause starts. Each list of offsets
// is found on first need, in one pass over the text, so that a rule
// asked once per mention or per sentence costs the same on a document of
// one long line as on one of short lines. The Frame builds one per
// document (Frame.index); the publisher's vote, which runs before there
// is a Frame, builds its own.
type textIndex struct {
	text                  string
	nl, open, close       []int32 // offsets of "\n", "(" and ")"
	punct                 []int32 // offsets of ".", "," and ";": where a clause ends
	navSep                []int32 // offsets of ">" and "|": navigation paths and labels
	nlDone, parenDone     bool
	punctDone, navSepDone bool
}

func newTextIndex(text string) *textIndex { return &textIndex{text: text} }

// substringOffsets returns the offsets in text where one of subs starts,
// in order.
func substringOffsets(text string, subs []string) []int32 {
	var out []int32
	for _, sub := range subs {
		for off := 0; ; {
			k := strings.Index(text[off:], sub)
			if k < 0 {
				break
			}
			out = append(out, int32(off+k))
			off += k + 1
		}
	}
	slices.Sort(out)
	return out
}

// offsets returns the offsets in text of the bytes of chars, in order.
func offsets(text, chars string) []int32 {
	var out []int32
	for i := 0; i < len(chars); i++ {
		for off := 0; ; {
			k := strings.IndexByte(text[off:], chars[i])
			if k < 0 {
				break
			}
			out = append(out, int32(off+k))
			off += k + 1
		}
	}
	if len(chars) > 1 {
		slices.Sort(out)
	}
	return out
}

func (ix *textIndex) newlines() []int32 {
	if !ix.nlDone {
		ix.nl, ix.nlDone = offsets(ix.text, "\n"), true
	}
	return ix.nl
}

// below returns how many offsets in ps lie before off.
func below(ps []int32, off int) int {
	return sort.Search(len(ps), func(i int) bool { return int(ps[i]) >= off })
}

// lastBefore returns the last offset in ps before off, or -1.
func lastBefore(ps []int32, off int) int {
	if k := below(ps, off); k > 0 {
		return int(ps[k-1])
	}
	return -1
}

// lineStart returns the start of the line that holds off: just after
// the last "\n" before off (strings.LastIndexByte(text[:off], '\n')+1).
func (ix *textIndex) lineStart(off int) int { return lastBefore(ix.newlines(), off) + 1 }

// lineEnd returns the offset of the first "\n" at or after off, or the
// text's length.
func (ix *textIndex) lineEnd(off int) int {
	nl := ix.newlines()
	if k := below(nl, off); k < len(nl) {
		return int(nl[k])
	}
	return len(ix.text)
}

// count returns how many offsets in ps lie in [from, to).
func count(ps []int32, from, to int) int {
	if to <= from {
		return 0
	}
	return below(ps, to) - below(ps, from)
}

// inParens reports whether off sits inside an open parenthesis on its
// line: more "(" than ")" between the line's start and off.
func (ix *textIndex) inParens(off int) bool {
	if !ix.parenDone {
		ix.open, ix.close, ix.parenDone = offsets(ix.text, "("), offsets(ix.text, ")"), true
	}
	ls := ix.lineStart(off)
	return count(ix.open, ls, off) > count(ix.close, ls, off)
}

// clauseStart returns where the clause that ends at off starts, looking
// no further back than from: just after the last ".", "," or ";" in
// [from, off), else from.
func (ix *textIndex) clauseStart(from, off int) int {
	if !ix.punctDone {
		ix.punct, ix.punctDone = offsets(ix.text, ".,;"), true
	}
	if p := lastBefore(ix.punct, off); p >= from {
		return p + 1
	}
	return from
}

// hasNavSep reports whether a ">" or "|" lies in [from, to).
func (ix *textIndex) hasNavSep(from, to int) bool {
	if !ix.navSepDone {
		ix.navSep, ix.navSepDone = offsets(ix.text, ">|"), true
	}
	return count(ix.navSep, from, to) > 0
}
