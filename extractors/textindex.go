package extractors

import (
	"math"
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
	if off > math.MaxInt32 {
		return len(ps) // past every offset an int32 holds
	}
	k, _ := slices.BinarySearch(ps, int32(off)) // the first at or after off
	return k
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
	// a clause is most often short: look back a little before indexing
	near := max(from, off-256)
	if k := strings.LastIndexAny(ix.text[near:off], ".,;"); k >= 0 {
		return near + k + 1
	}
	if near == from {
		return from
	}
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

// spanIndex answers, in O(log n), whether any of a list of mentions
// overlaps a span, or one of a kind lies inside it (overlapsAny and
// hasKind over the list, which scan it all).
type spanIndex struct {
	ms     []kindSpan // by start
	maxEnd []int      // maxEnd[i]: the furthest end among ms[:i+1]
}

// kindSpan is what spanIndex keeps of a mention.
type kindSpan struct {
	Span Span
	Kind Kind
}

// indexSpans returns the index of the mentions' spans and kinds ms,
// which it sorts.
func indexSpans(ms []kindSpan) *spanIndex {
	x := &spanIndex{ms: ms}
	slices.SortStableFunc(x.ms, func(a, b kindSpan) int { return a.Span.Start - b.Span.Start })
	x.maxEnd = make([]int, len(x.ms))
	for i, m := range x.ms {
		x.maxEnd[i] = m.Span.End
		if i > 0 {
			x.maxEnd[i] = max(m.Span.End, x.maxEnd[i-1])
		}
	}
	return x
}

// overlaps is overlapsAny(ms, s).
func (x *spanIndex) overlaps(s Span) bool {
	// the mentions that start before s ends: one overlaps s when the
	// furthest end among them lies past s's start
	k := sort.Search(len(x.ms), func(i int) bool { return x.ms[i].Span.Start >= s.End })
	return k > 0 && x.maxEnd[k-1] > s.Start
}

// hasKind is hasKind(ms, s, k).
func (x *spanIndex) hasKind(s Span, k Kind) bool {
	i := sort.Search(len(x.ms), func(i int) bool { return x.ms[i].Span.Start >= s.Start })
	for ; i < len(x.ms) && x.ms[i].Span.Start <= s.End; i++ {
		if m := x.ms[i]; m.Kind == k && s.Contains(m.Span) {
			return true
		}
	}
	return false
}

// spanSet finds, among spans listed in an order of their own, those that
// hold a span or an offset, in O(log n) and a step per span that reaches
// that far: the spans are indexed by start, with the furthest end of each
// prefix.
type spanSet struct {
	spans  []Span
	order  []int // indices of spans, by start
	maxEnd []int // maxEnd[k]: the furthest end among the first k+1 by start
}

func newSpanSet(n int, at func(int) Span) spanSet {
	if n == 0 {
		return spanSet{}
	}
	x := spanSet{spans: make([]Span, n), order: make([]int, n), maxEnd: make([]int, n)}
	for i := range n {
		x.spans[i], x.order[i] = at(i), i
	}
	slices.SortStableFunc(x.order, func(a, b int) int { return x.spans[a].Start - x.spans[b].Start })
	for k, i := range x.order {
		x.maxEnd[k] = x.spans[i].End
		if k > 0 {
			x.maxEnd[k] = max(x.spans[i].End, x.maxEnd[k-1])
		}
	}
	return x
}

// candidates calls f with the index of each span that starts at or
// before start and may reach end, nearest start first; f returns false
// to stop.
func (x spanSet) candidates(start, end int, f func(i int) bool) {
	k := sort.Search(len(x.order), func(k int) bool { return x.spans[x.order[k]].Start > start })
	for k--; k >= 0 && x.maxEnd[k] >= end; k-- {
		if !f(x.order[k]) {
			return
		}
	}
}

// contains reports whether a span of the set holds s (other than s
// itself, when notSame).
func (x spanSet) contains(s Span, notSame bool) bool {
	found := false
	x.candidates(s.Start, s.End, func(i int) bool {
		o := x.spans[i]
		found = o.Contains(s) && (!notSame || o != s)
		return !found
	})
	return found
}

// first returns the first span in the set's own order that holds off
// (start <= off < end), or -1.
func (x spanSet) first(off int) int {
	best := -1
	x.candidates(off, off+1, func(i int) bool {
		if o := x.spans[i]; o.Start <= off && off < o.End && (best < 0 || i < best) {
			best = i
		}
		return true
	})
	return best
}
