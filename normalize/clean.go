package normalize

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// cleanStats is what the character pass learned about a text.
type cleanStats struct {
	garbled int  // control, replacement and noncharacter runes removed; mojibake sequences repaired
	high    bool // the output holds a rune from U+0300 on: a combining mark or a foreign script may be there
}

// clean is the character pass. Line ends become "\n" (CRLF, CR, form
// feed, vertical tab, NEL, U+2028, U+2029); C0/C1 controls other than
// "\t" and "\n", U+FFFD and noncharacters are removed and counted; format
// characters (zero-width spaces and joiners, soft hyphens, BOMs, bidi
// marks, word joiners), variation selectors and private-use characters
// are removed silently; mojibake is repaired; the rest is NFKC-normalized
// and folded (curly quotes, dashes, space separators).
//
// ASCII is copied byte for byte. Every maximal run of non-ASCII bytes (with
// the ASCII character before it when the run starts with a combining mark,
// so that NFKC sees the base) is rewritten as a unit; a boundary before an
// ASCII character is always an NFKC boundary, so this equals normalizing
// the whole text. A run longer than maxChunk is rewritten in pieces cut
// where NFKC, folding and mojibake repair cannot join the two sides (see
// chunkCut), so that no piece's scratch buffers grow with the document.
//
// NFKC can make text longer (U+FDFA is 3 bytes, and 33 once normalized);
// once the output is over limit bytes (when limit > 0), clean stops and
// returns a *RejectError.
func clean(s string, limit int) (stage, cleanStats, error) {
	var (
		st  cleanStats
		b   = newBuilder(len(s))
		run = 0 // start of the pending copied ASCII run
		cc  chunkCleaner
	)
	for i := 0; i < len(s); {
		i = skipPlain(s, i)
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if droppedControl(c) && controlsBeforeChunk(s, i) {
				goto chunk
			}
			b.copy(s, run, i)
			switch c {
			case '\r':
				if i+1 >= len(s) || s[i+1] != '\n' {
					b.put("\n", i)
				}
			case '\f', '\v':
				b.put("\n", i)
			default:
				st.garbled++
			}
			i++
			run = i
			b.consumed(i)
			continue
		}
	chunk:
		// The chunk takes in control bytes before and between non-ASCII
		// characters: removing them must not leave "Ã" and "©", or "e"
		// and a combining accent, side by side in the output unrepaired.
		j := i + 1
		for j < len(s) && (s[j] >= utf8.RuneSelf || droppedControl(s[j])) {
			j++
		}
		for j > i && s[j-1] < utf8.RuneSelf {
			j--
		}
		if j-i > maxChunk {
			j = chunkCut(s, i+maxChunk, j)
		}
		k := i
		saved := st
		out := cc.cleanChunk(s[k:j], &st)
		if r, _ := utf8.DecodeRune(out); i > run && s[i-1] > ' ' && isMark(r) {
			// The chunk's first character combines with the ASCII one
			// before it: let NFKC see both.
			k, st = i-1, saved
			out = cc.clean(s[k:j], &st)
		}
		b.copy(s, run, k)
		if string(out) == s[k:j] {
			b.copy(s, k, j)
		} else {
			b.putBytes(out, k)
			b.consumed(j)
		}
		i, run = j, j
		if limit > 0 && b.out.Len() > limit {
			return stage{}, st, tooLargeNormalized(limit)
		}
	}
	b.copy(s, run, len(s))
	return b.stage(), st, nil
}

// maxChunk is the longest run of non-ASCII bytes clean rewrites at once.
const maxChunk = 64 << 10

// chunkCut returns where to end a run of non-ASCII text s[:end] that
// should end near from: the first rune start from from on where neither
// side can change the other, or end. There a rune that NFKC starts a new
// segment with (no combining mark, nothing that composes with what
// precedes it) follows a rune, and neither is a character of Windows-1252
// (so no mojibake sequence, "Ã©", is cut in two).
func chunkCut(s string, from, end int) int {
	for from < end && !utf8.RuneStart(s[from]) {
		from++
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:from])
	for k := from; k < end; {
		r, size := utf8.DecodeRuneInString(s[k:])
		if _, ok := cp1252Byte(prev); !ok && r >= utf8.RuneSelf {
			if _, ok := cp1252Byte(r); !ok && norm.NFKC.PropertiesString(s[k:]).BoundaryBefore() {
				return k
			}
		}
		prev = r
		k += size
	}
	return end
}

// controlsBeforeChunk reports whether the control bytes at s[i:] lead to
// a non-ASCII character.
func controlsBeforeChunk(s string, i int) bool {
	for i < len(s) && droppedControl(s[i]) {
		i++
	}
	return i < len(s) && s[i] >= utf8.RuneSelf
}

// chunkCleaner holds scratch buffers so that cleaning a chunk does not
// allocate.
type chunkCleaner struct{ a, b, c []byte }

// cleanedChunk is the result of chunkCleaner.clean on one input.
type cleanedChunk struct {
	out     []byte // read only
	garbled int
	high    bool
}

// commonChunks holds the cleaned form of the single characters most chunks
// are made of (Latin-1, general punctuation, currency signs), computed
// once: chunkCleaner.clean depends on its input only.
var commonChunks = func() map[string]cleanedChunk {
	m := map[string]cleanedChunk{}
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			var cc chunkCleaner
			var st cleanStats
			out := cc.clean(string(r), &st)
			m[string(r)] = cleanedChunk{bytes.Clone(out), st.garbled, st.high}
		}
	}
	add(0xa0, 0x24f)
	add(0x2000, 0x206f)
	add(0x20a0, 0x20c0)
	add(0x2100, 0x215f)
	return m
}()

// cleanChunk is clean, looked up for a chunk of one common character. The
// result may be shared: it is only read.
func (cc *chunkCleaner) cleanChunk(in string, st *cleanStats) []byte {
	if len(in) <= utf8.UTFMax {
		if c, ok := commonChunks[in]; ok {
			st.garbled += c.garbled
			st.high = st.high || c.high
			return c.out
		}
	}
	return cc.clean(in, st)
}

// clean runs mojibake repair, removal, NFKC and folding over one chunk,
// again while the result still holds repairable mojibake (NFKC can
// produce Latin-1 characters).
func (cc *chunkCleaner) clean(in string, st *cleanStats) []byte {
	cc.c = append(cc.c[:0], in...)
	for round := 0; round < 3; round++ {
		var n int
		cc.a, n = repairMojibake(cc.a[:0], cc.c)
		st.garbled += n
		cc.b = filterRunes(cc.b[:0], cc.a, st)
		cc.a = norm.NFKC.Append(cc.a[:0], cc.b...)
		cc.c = foldRunes(cc.c[:0], cc.a)
		if cc.b, n = repairMojibake(cc.b[:0], cc.c); n == 0 {
			break
		}
	}
	// A rune from U+0300 on is encoded starting with a byte from 0xcc on.
	for _, c := range cc.c {
		if c >= 0xcc {
			st.high = true
			break
		}
	}
	return cc.c
}

// skipPlain returns the index of the first byte of s from i on that is
// not plainASCII, or len(s): eight bytes at a time while none of them is
// non-ASCII, DEL or a control byte but a tab or newline.
func skipPlain(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		x := load64(s[i : i+8])
		control := zeroBytes(x & 0xe0e0e0e0e0e0e0e0)
		white := zeroBytes(x^0x0909090909090909) | zeroBytes(x^0x0a0a0a0a0a0a0a0a)
		if x&hi8|control&^white|zeroBytes(x^lo7) != 0 {
			break
		}
	}
	for i < len(s) && plainASCII[s[i]] {
		i++
	}
	return i
}

// The bytes of a word read by load64: lo7 holds 0x7f in each, hi8 0x80.
const (
	lo7 = 0x7f7f7f7f7f7f7f7f
	hi8 = 0x8080808080808080
)

// zeroBytes flags the zero bytes of x in their top bit, exactly: adding
// 0x7f to a 7-bit value cannot carry into the next byte.
func zeroBytes(x uint64) uint64 { return ^((x&lo7 + lo7) | x) & hi8 }

// load64 reads the 8 bytes of w as a little-endian word, in one load.
func load64(w string) uint64 {
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// plainASCII marks the bytes that the character pass copies as they are:
// printable ASCII, tab and newline.
var plainASCII = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = true
	}
	t['\t'], t['\n'] = true, true
	return t
}()

// droppedControl reports an ASCII control character that is removed (and
// counted), not turned into a line end.
func droppedControl(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' || c == 0x7f
}

func isLatin(r rune) bool {
	return r < 0x250 || unicode.Is(unicode.Latin, r)
}

// filterRunes drops format characters, controls and the like from p. A
// removal that would leave two halves of a mojibake sequence side by side
// ("Ã" and "©") leaves a space instead, so that the output does not hold
// mojibake that the input did not.
func filterRunes(dst, p []byte, st *cleanStats) []byte {
	var last rune // the last rune appended, or -1 after a removal
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		if last < 0 && len(dst) > 0 {
			prev, _ := utf8.DecodeLastRune(dst)
			if b1, ok := cp1252Byte(prev); ok && b1 >= 0x80 && b1 <= 0xf4 {
				if b2, ok := cp1252Byte(r); ok && b2 >= 0x80 && b2 <= 0xbf {
					dst = append(dst, ' ')
				}
			}
		}
		last = r
		switch {
		case r == utf8.RuneError:
			st.garbled++
		case r == 0x85 || r == 0x2028 || r == 0x2029:
			dst = append(dst, '\n')
		case r < utf8.RuneSelf && droppedControl(byte(r)):
			st.garbled++
		case r < utf8.RuneSelf:
			dst = append(dst, byte(r))
		case r < 0xa0:
			st.garbled++ // C1 control
		case r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0100 && r <= 0xe01ef:
			// variation selectors
		case r >= 0xe000 && r <= 0xf8ff, r >= 0xf0000:
			// private use
		case r >= 0xfdd0 && r <= 0xfdef, r&0xfffe == 0xfffe:
			st.garbled++ // noncharacter
		case unicode.Is(unicode.Cf, r):
			// format: zero-width, soft hyphen, BOM, bidi, word joiner, tags
		default:
			dst = append(dst, p[i:i+size]...)
			i += size
			continue
		}
		last = -1
		i += size
	}
	return dst
}

// foldRunes folds curly quotes to ' and ", dashes and the minus sign to
// '-', and space separators to ' '. Input is NFKC; so is the output.
func foldRunes(dst, p []byte) []byte {
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		switch {
		case r == 0x2018 || r == 0x2019 || r == 0x201a || r == 0x201b:
			dst = append(dst, '\'')
		case r == 0x201c || r == 0x201d || r == 0x201e || r == 0x201f:
			dst = append(dst, '"')
		case r >= 0x2010 && r <= 0x2015 || r == 0x2212:
			dst = append(dst, '-')
		case r >= 0x80 && unicode.Is(unicode.Zs, r):
			dst = append(dst, ' ')
		default:
			dst = append(dst, p[i:i+size]...)
		}
		i += size
	}
	return dst
}

// cp1252Byte returns the Windows-1252 byte that decodes to r. C1 controls
// and U+FFFD stand for the five bytes Windows-1252 leaves undefined, as
// decoders either pass them through or replace them.
func cp1252Byte(r rune) (byte, bool) {
	if r < 0xa0 {
		return byte(r), r >= 0x80
	}
	return charmap.Windows1252.EncodeRune(r)
}

// repairMojibake appends p to dst with UTF-8 that was decoded as
// Windows-1252 repaired: a Latin-1 lead character (Â..ô) followed by the
// right number of characters whose Windows-1252 bytes are UTF-8
// continuation bytes is re-encoded as Windows-1252 and decoded as UTF-8
// when that yields a graphic non-ASCII character ("â€™" -> "’", "Ã©" ->
// "é", "Â\u00a0" -> no-break space). The output is reduced as it grows,
// so text garbled twice or more ("Ã¢â‚¬â„¢") is repaired in one pass.
// "â€" followed by anything else is a right double quotation mark whose
// last byte (0x9D, undefined in Windows-1252, possibly decoded as U+FFFD)
// was lost. It returns the number of sequences repaired.
func repairMojibake(dst, p []byte) ([]byte, int) {
	n, base := 0, len(dst)
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRune(p[i:])
		raw := p[i : i+size]
		i += size
		dst = append(dst, raw...)
		if b, ok := cp1252Byte(r); !ok || b < 0x80 || b > 0xbf {
			continue
		}
		for {
			var ok bool
			if dst, ok = reduceMojibake(dst, base); !ok {
				break
			}
			n++
		}
	}
	if !bytes.Contains(dst[base:], lostQuote) {
		return dst, n
	}
	// "â€" left over: a lost 0x9D, or a lost byte decoded as U+FFFD.
	tail := append([]byte(nil), dst[base:]...)
	dst = dst[:base]
	for {
		i := bytes.Index(tail, lostQuote)
		if i < 0 {
			break
		}
		dst = append(dst, tail[:i]...)
		dst = append(dst, "\u201d"...)
		n++
		tail = tail[i+len(lostQuote):]
		if r, size := utf8.DecodeRune(tail); r == utf8.RuneError && size > 1 {
			tail = tail[size:]
		}
	}
	return append(dst, tail...), n
}

var lostQuote = []byte("\u00e2\u20ac") // "â€"

// reduceMojibake replaces the end of dst[base:], which ends with a
// continuation character, when it is a whole mojibake sequence.
func reduceMojibake(dst []byte, base int) ([]byte, bool) {
	var (
		seq  [utf8.UTFMax]byte
		offs [utf8.UTFMax]int
		k    int
	)
	// Collect the Windows-1252 bytes of the last runes, newest first.
	for end := len(dst); k < utf8.UTFMax && end > base; k++ {
		r, size := utf8.DecodeLastRune(dst[base:end])
		b, ok := cp1252Byte(r)
		if !ok || b < 0x80 {
			break
		}
		end -= size
		seq[k], offs[k] = b, end
		if b >= 0xc2 && b <= 0xf4 {
			need := 1
			switch {
			case b >= 0xf0:
				need = 3
			case b >= 0xe0:
				need = 2
			}
			if need != k {
				return dst, false
			}
			var buf [utf8.UTFMax]byte
			for j := 0; j <= k; j++ {
				buf[j] = seq[k-j]
			}
			rr, m := utf8.DecodeRune(buf[:k+1])
			if rr == utf8.RuneError || m != k+1 || !unicode.IsGraphic(rr) {
				return dst, false
			}
			return utf8.AppendRune(dst[:offs[k]], rr), true
		}
		if b > 0xbf {
			return dst, false
		}
	}
	return dst, false
}

// putBytes is put for a byte slice.
func (b *builder) putBytes(text []byte, at int) {
	if len(text) == 0 {
		return
	}
	at = max(at, b.hw)
	b.segs = appendSeg(b.segs, seg{b.out.Len(), at, segPoint})
	b.out.Write(text)
	b.hw = at
}
