package normalize

import (
	"fmt"
	"sort"
	"strings"
)

// DefaultMaxBytes is the input size limit used when Options.MaxBytes is 0.
const DefaultMaxBytes = 16 << 20

// Options bounds the work; zero values mean sane defaults.
type Options struct {
	// MaxBytes rejects larger inputs (DefaultMaxBytes, 16 MiB, when 0;
	// no limit when negative), and inputs whose text grows over it once
	// decoded or normalized (NFKC turns U+FDFA's 3 bytes into 33), so
	// that it bounds the memory a document takes.
	MaxBytes int64
	// Format forces how the decoded text is read: "text", "html", or ""
	// to decide from the name's extension (.html, .htm, .xhtml, .shtml)
	// and, failing that, by sniffing the content. Re-normalizing a
	// Result.Text should pass "text": the text of an HTML page may itself
	// look like markup.
	Format string
}

// Result is a normalized document.
type Result struct {
	// Text is the clean text: valid UTF-8, NFKC, "\n" line ends, no NUL or
	// control characters except "\n" and "\t", lines trimmed, at most one
	// blank line in a row, every line (the last one too) ended by "\n".
	Text string
	// Garbled counts runes removed as garbled script (not site labels in
	// a script of their own, removed as chrome), control characters
	// and replacement characters, invalid bytes dropped while decoding,
	// and mojibake sequences repaired (one per sequence). It is 0 for
	// clean input and for a Result.Text fed back in.
	Garbled int
	// Chrome holds site labels in another script that the garbled-script
	// pass dropped as page chrome, not as garbled text (a Thai date label,
	// an Arabic "share" button): space-separated, at most a few hundred
	// bytes. The script of a page's labels is its publisher's.
	Chrome string
	// Encoding names how the bytes were decoded: "utf-8", "utf-8-bom",
	// "utf-16le", "utf-16be" or "windows-1252".
	Encoding string
	// Format is "text" or "html".
	Format string
	// Map maps byte offsets in Text back to byte offsets in the raw input.
	Map OffsetMap
}

// RejectError reports that the input is not a text document: it is empty,
// binary, undecodable, too large, or holds no text once normalized. Reason
// is a short lower-case phrase ("empty", "png image", "too large", ...);
// "too large" is followed by what grew too large when it was the text,
// not the input ("too large once normalized: ...").
type RejectError struct{ Reason string }

// Error returns the reason, prefixed with the package name.
func (e *RejectError) Error() string { return "normalize: rejected: " + e.Reason }

// Segment kinds of an OffsetMap.
const (
	segPoint uint8 = iota // every byte of the segment maps to src (rewritten text)
	segCopy               // byte o maps to src + (o - out) (copied text)
	segWide               // byte o maps to src + 2*(o - out) (ASCII decoded from UTF-16)
)

// seg starts a segment at byte out of the output; it lasts until the next
// segment's out.
type seg struct {
	out, src int
	kind     uint8
}

// OffsetMap maps byte offsets in a Result.Text back to byte offsets in the
// raw input. It is a short list of segments, one per stretch of text that
// was copied or rewritten as a whole, not one entry per byte.
//
// Contract, for 0 <= i <= j <= len(Text):
//   - Raw is monotone: Raw(i) <= Raw(j), and 0 <= Raw(i) <= len(raw).
//   - Where Text[i] was copied from the input (with the same bytes, after
//     decoding from UTF-8 or Windows-1252 ASCII), Raw(i) is the exact raw
//     offset of that byte; for UTF-16 input, of its first code-unit byte.
//   - Where Text was rewritten (a folded quote, a decoded entity or
//     non-ASCII character of a legacy encoding, a joined line break, an
//     inserted newline), every byte of the rewrite maps to the raw offset
//     where the rewritten source starts (best effort).
//   - Raw(len(Text)) is the raw offset just past the last input byte that
//     contributed to Text, so a half-open span [i, j) of Text comes from
//     the half-open raw span [Raw(i), Raw(j)); Span gives the tighter raw
//     span that leaves out markup and dropped bytes after byte j-1.
//
// Offsets outside [0, len(Text)] are clamped. The zero OffsetMap maps
// everything to 0.
type OffsetMap struct {
	segs []seg
	n    int // len(Text)
	end  int // Raw(n)
}

// Raw returns the byte offset in the raw input that byte offset off of the
// text comes from. See OffsetMap for the contract.
func (m OffsetMap) Raw(off int) int {
	if len(m.segs) == 0 {
		return 0
	}
	if off >= m.n {
		return m.end
	}
	if off < 0 {
		off = 0
	}
	i := sort.Search(len(m.segs), func(i int) bool { return m.segs[i].out > off }) - 1
	if i < 0 {
		i = 0
	}
	s := m.segs[i]
	r := s.src
	switch s.kind {
	case segCopy:
		r += off - s.out
	case segWide:
		r += 2 * (off - s.out)
	}
	limit := m.end
	if i+1 < len(m.segs) {
		limit = m.segs[i+1].src
	}
	return min(r, limit)
}

// Span returns the raw byte span [start, end) that the text span [i, j)
// comes from: start is Raw(i), and end lies just past the raw source of
// byte j-1 (for copied text exactly; for rewritten text, past its whole
// source), so markup or dropped bytes after the span are not included.
// An empty span maps to the empty span at Raw(i).
func (m OffsetMap) Span(i, j int) (start, end int) {
	start = m.Raw(i)
	if j <= i || len(m.segs) == 0 {
		return start, start
	}
	k := min(j, m.n) - 1
	if k < 0 {
		return start, start
	}
	x := sort.Search(len(m.segs), func(x int) bool { return m.segs[x].out > k }) - 1
	limit := m.end
	if x+1 < len(m.segs) {
		limit = m.segs[x+1].src
	}
	switch m.segs[x].kind {
	case segCopy:
		end = min(m.Raw(k)+1, limit)
	case segWide:
		end = min(m.Raw(k)+2, limit)
	default:
		end = limit
	}
	return start, max(start, end)
}

// Segments returns the number of segments in m, a measure of its size.
func (m OffsetMap) Segments() int { return len(m.segs) }

// appendSeg appends s to segs, merging it into the last segment when the
// mapping continues unchanged.
func appendSeg(segs []seg, s seg) []seg {
	if n := len(segs); n > 0 {
		l := &segs[n-1]
		if l.out == s.out {
			// The last segment is empty: replace it, keeping monotonicity.
			s.src = max(s.src, srcFloor(segs[:n-1]))
			*l = s
			return segs
		}
		if l.kind == s.kind {
			switch s.kind {
			case segPoint:
				if l.src == s.src {
					return segs
				}
			case segCopy:
				if l.src+(s.out-l.out) == s.src {
					return segs
				}
			case segWide:
				if l.src+2*(s.out-l.out) == s.src {
					return segs
				}
			}
		}
	}
	return append(segs, s)
}

func srcFloor(segs []seg) int {
	if len(segs) == 0 {
		return 0
	}
	return segs[len(segs)-1].src
}

// builder accumulates one stage's output text and its segments, whose src
// offsets refer to the stage's input. Sources must be emitted in order;
// an emission that would map below an earlier one is clamped.
type builder struct {
	out  strings.Builder
	segs []seg
	hw   int // high-water mark of source offsets used so far
}

func newBuilder(capacity int) *builder {
	// Most stages need a few segments: room for them saves the first
	// rounds of growing the slice.
	b := &builder{segs: make([]seg, 0, 16)}
	b.out.Grow(capacity)
	return b
}

// copy appends src[i:j] as copied text.
func (b *builder) copy(src string, i, j int) {
	if i >= j {
		return
	}
	if i < b.hw {
		b.put(src[i:j], i)
		return
	}
	b.segs = appendSeg(b.segs, seg{b.out.Len(), i, segCopy})
	b.out.WriteString(src[i:j])
	b.hw = j
}

// put appends text rewritten from the source starting at at.
func (b *builder) put(text string, at int) {
	if text == "" {
		return
	}
	at = max(at, b.hw)
	b.segs = appendSeg(b.segs, seg{b.out.Len(), at, segPoint})
	b.out.WriteString(text)
	b.hw = at
}

// consumed records that source bytes up to end were read, so that the
// stage's end maps past them.
func (b *builder) consumed(end int) { b.hw = max(b.hw, end) }

// stage is one step's output and its map back to the step's input.
type stage struct {
	text string
	segs []seg
	end  int
	// rewrapped says a line pass joined lines, which can change the wrap
	// width and header area a second pass reads.
	rewrapped bool
}

func (b *builder) stage() stage {
	return stage{text: b.out.String(), segs: b.segs, end: b.hw}
}

// then composes m (input -> raw) with st (output -> input).
func (m OffsetMap) then(st stage) OffsetMap {
	// Every output segment starts where st or m starts one: room for
	// both, so that the slice never grows and is copied.
	out := make([]seg, 0, len(st.segs)+len(m.segs)+1)
	n := len(st.text)
	j := 0 // index into m.segs
	for k, s := range st.segs {
		next := n
		if k+1 < len(st.segs) {
			next = st.segs[k+1].out
		}
		if s.out >= next {
			continue
		}
		if s.kind != segCopy || len(m.segs) == 0 {
			out = appendSeg(out, seg{s.out, m.Raw(s.src), segPoint})
			continue
		}
		m0, m1 := s.src, s.src+(next-s.out)
		if m.segs[j].out > m0 {
			j = max(0, sort.Search(len(m.segs), func(i int) bool { return m.segs[i].out > m0 })-1)
		}
		for j+1 < len(m.segs) && m.segs[j+1].out <= m0 {
			j++
		}
		for x := m0; x < m1; {
			ms := m.segs[j]
			mnext := m.n
			if j+1 < len(m.segs) {
				mnext = m.segs[j+1].out
			}
			kind := ms.kind
			if x >= m.n {
				kind = segPoint
				mnext = m1
			}
			out = appendSeg(out, seg{s.out + (x - m0), m.Raw(x), kind})
			x = min(m1, mnext)
			if x == mnext && j+1 < len(m.segs) {
				j++
			}
		}
	}
	return OffsetMap{segs: out, n: n, end: m.Raw(st.end)}
}

// identityMap maps the n bytes of a text starting at raw offset off.
func identityMap(n, off int) OffsetMap {
	return OffsetMap{segs: []seg{{0, off, segCopy}}, n: n, end: off + n}
}

// tooLargeNormalized is the rejection of a text that normalization made
// longer than limit bytes.
func tooLargeNormalized(limit int) *RejectError {
	return &RejectError{Reason: fmt.Sprintf("too large once normalized: over %d bytes of text (see --max-bytes)", limit)}
}
