package extractors

import (
	"encoding/binary"
	"maps"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// word is one lower-cased word of a sentence, with its byte offsets in the
// sentence, and the phrase sets that may start at it.
type word struct {
	s          string
	start, end int
	// starts has the bit of every phrase set with a phrase whose first
	// word can be this one; a set skips words without its bit, so a
	// sentence costs one vocabulary look-up per word, not one per set.
	starts uint64
}

// lowerWords splits s into words (letters, digits, inner apostrophes and
// hyphens), lower-cased, with byte offsets into s.
func lowerWords(s string) []word {
	return appendLowerWords(make([]word, 0, len(s)/6+1), s) // about a word in six bytes
}

// appendLowerWords appends the words of s to out.
func appendLowerWords(out []word, s string) []word {
	out, _ = appendLowerWordsIn(out, s, nil)
	return out
}

// appendLowerWordsIn is appendLowerWords keeping the lower-cased copies of
// capitalized words in arena, appended to it, so that a document's words
// take a few allocations, not one a capitalized word. A string made from
// arena is never written again: a full arena is left to its strings and a
// new one started.
func appendLowerWordsIn(out []word, s string, arena []byte) ([]word, []byte) {
	for i := 0; i < len(s); {
		j := i
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiAlnum[c] {
				i++
				continue
			}
			// the common case: an ASCII word of up to 16 bytes
			var n int
			var lw string
			var starts uint64
			if n, lw, starts, arena = asciiWordIn(s, i, arena); n > 0 {
				out = appendWord(out, lw, i, i+n, starts)
				i += n
				continue
			}
			j++
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				i += n
				continue
			}
			j += n
		}
		for j < len(s) {
			if c := s[j]; c < utf8.RuneSelf {
				if asciiAlnum[c] {
					j++ // the common case: an ASCII letter or digit
					continue
				}
				// an inner apostrophe or hyphen, before a letter
				if (c == '\'' || c == '-') && j+1 < len(s) && letterAt(s, j+1) {
					j++
					continue
				}
				break
			}
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
				break
			}
			j += n2
		}
		var lw string
		var starts uint64
		// a new arena holds the rest of s, up to arenaChunk bytes
		lw, starts, arena = lowerWordIn(s[i:j], arena, min(len(s)-i, arenaChunk))
		out = appendWord(out, lw, i, j, starts)
		i = j
	}
	return out, arena
}

// appendWord appends a word to out field by field: a whole word, moved
// while the collector runs, goes through its slow bulk write barrier.
func appendWord(out []word, s string, start, end int, starts uint64) []word {
	if len(out) == cap(out) {
		out = slices.Grow(out, 1)
	}
	out = out[:len(out)+1]
	w := &out[len(out)-1]
	w.s, w.start, w.end, w.starts = s, start, end, starts
	return out
}

// asciiWordIn reads the word starting at s[i], an ASCII letter or digit,
// when it is ASCII letters and digits only, up to 16 bytes, and ends
// where appendLowerWordsIn would end it: eight bytes at a time, lower-
// cased as they are read. It returns the word's length, or 0 for a longer
// word, or one that goes on with a non-ASCII byte or an inner apostrophe
// or hyphen; the word's string and phrase sets and the arena are as
// lowerWordIn returns them.
func asciiWordIn(s string, i int, arena []byte) (int, string, uint64, []byte) {
	var k [2]uint64 // the word lower-cased, packed little-endian, zero-padded
	n, upper := 0, uint64(0)
	for c := range k {
		at := i + 8*c
		var x uint64
		if at+8 <= len(s) {
			x = load64(s[at : at+8])
		} else {
			x = loadTail(s, at)
		}
		// The high bit of x+(0x80-b)*loBits's byte says x's byte is at
		// least b: exact for the bytes before the first non-ASCII one,
		// after which the sums' carries may run.
		up := (x + (0x80-'A')*loBits) &^ (x + (0x80-'Z'-1)*loBits)
		digit := (x + (0x80-'0')*loBits) &^ (x + (0x80-'9'-1)*loBits)
		letter := letterBytes(x)
		alnum := (digit | letter) &^ x & hiBits
		m := bits.TrailingZeros64(^alnum&hiBits) >> 3 // 8 when all are
		mask := uint64(1)<<(8*uint(m)) - 1            // all ones for 8
		k[c] = (x | up&hiBits>>2) & mask
		upper |= up & hiBits & mask
		n += m
		if m < 8 {
			break
		}
		if c == len(k)-1 {
			return 0, "", 0, arena
		}
	}
	if j := i + n; j < len(s) {
		if c := s[j]; c >= utf8.RuneSelf || (c == '\'' || c == '-') && j+1 < len(s) && letterAt(s, j+1) {
			return 0, "", 0, arena
		}
	}
	w := s[i : i+n]
	if v := vocabTable.findShort(k[0], k[1], n); v != nil {
		return n, v.s, v.starts, arena
	}
	if upper == 0 {
		return n, w, stemStarts(w), arena
	}
	if cap(arena)-len(arena) < n {
		// a new arena holds the rest of s, up to arenaChunk bytes
		arena = make([]byte, 0, max(n, min(len(s)-i, arenaChunk)))
	}
	var b [16]byte
	binary.LittleEndian.PutUint64(b[0:], k[0])
	binary.LittleEndian.PutUint64(b[8:], k[1])
	start := len(arena)
	arena = append(arena, b[:n]...)
	lw := unsafe.String(&arena[start], n)
	return n, lw, stemStarts(lw), arena
}

const (
	loBits = 0x0101010101010101
	hiBits = 0x8080808080808080
)

// zeroBytes has the high bit set of the zero bytes of x, exactly (no
// carry from one byte to the next).
func zeroBytes(x uint64) uint64 {
	const low7 uint64 = 0x7f7f7f7f7f7f7f7f
	return ^((x&low7 + low7) | x | low7)
}

// letterBytes has the high bit set of the bytes of w, read by load64,
// that are ASCII letters in either case (lower-cased, a byte that adding
// 0x80-'a' lifts to 0x80 and adding 0x80-'z'-1 does not), exact up to
// the first byte beyond ASCII, after which the sums' carries may run;
// the other bits are noise.
func letterBytes(w uint64) uint64 {
	l := w | 0x20*loBits
	return (l + (0x80-'a')*loBits) &^ (l + (0x80-'z'-1)*loBits)
}

// loadTail reads the last bytes of s from i, at most 8, little-endian
// and zero-padded.
func loadTail(s string, i int) uint64 {
	var x uint64
	for k := len(s) - 1; k >= i; k-- {
		x = x<<8 | uint64(s[k])
	}
	return x
}

// letterAt reports whether the rune at s[i] is a letter.
func letterAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

// runeAt decodes the rune at s[i], without a call for ASCII.
func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// asciiAlnum marks the ASCII letters and digits.
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// lowerWordIn lower-cases w and looks it up in the phrase vocabulary: it
// returns the word's string and the phrase sets that may start at it. A
// word of the vocabulary takes the vocabulary's copy, so a capitalized
// phrase word costs no allocation. An ASCII word is lower-cased into a
// buffer, looked up in vocabTable, and only copied, to arena (see
// appendLowerWordsIn), when it is capitalized and not in the vocabulary.
// A full arena is replaced by one of chunk bytes or the word's length.
func lowerWordIn(w string, arena []byte, chunk int) (string, uint64, []byte) {
	var buf [32]byte
	if len(w) <= len(buf) {
		ascii, upper := true, false
		for k := 0; k < len(w); k++ {
			b := w[k]
			if b >= utf8.RuneSelf {
				ascii = false
				break
			}
			if 'A' <= b && b <= 'Z' {
				b += 'a' - 'A'
				upper = true
			}
			buf[k] = b
		}
		if ascii {
			lw := buf[:len(w)]
			if v := vocabTable.find(lw, binary.LittleEndian.Uint64(buf[0:]), binary.LittleEndian.Uint64(buf[8:])); v != nil {
				return v.s, v.starts, arena
			}
			if !upper {
				return w, stemStarts(w), arena
			}
			if cap(arena)-len(arena) < len(lw) {
				arena = make([]byte, 0, max(len(lw), chunk))
			}
			n := len(arena)
			arena = append(arena, lw...)
			s := unsafe.String(&arena[n], len(lw))
			return s, stemStarts(s), arena
		}
	}
	lw := strings.ToLower(w)
	if v, ok := vocabulary[lw]; ok {
		return v.s, v.starts, arena
	}
	return lw, stemStarts(lw), arena
}

// arenaChunk bounds the arenas appendLowerWordsIn starts: the capitalized
// words of a few sentences.
const arenaChunk = 1024

// vocabHash is a table of the vocabulary's ASCII words of up to 32 bytes,
// open addressed by their first 16 bytes, that a missing word, the common
// case, leaves at an empty slot: cheaper than a map look-up by string.
type vocabHash struct {
	slots   [1 << vocabHashBits]uint16 // 1 + index in entries, or 0
	entries []vocabKeyed
}

const vocabHashBits = 11

// vocabKeyed is a vocabulary entry with its word's first 16 bytes packed
// little-endian, zero-padded.
type vocabKeyed struct {
	k0, k1 uint64
	vocabEntry
}

func vocabSlot(k0, k1 uint64) int {
	return int((k0 ^ k1*0xff51afd7ed558ccd) * 0x9e3779b97f4a7c15 >> (64 - vocabHashBits))
}

func (t *vocabHash) add(w string, v vocabEntry) {
	var buf [32]byte
	copy(buf[:], w)
	k0, k1 := binary.LittleEndian.Uint64(buf[0:]), binary.LittleEndian.Uint64(buf[8:])
	h := vocabSlot(k0, k1)
	for t.slots[h] != 0 {
		h = (h + 1) & (len(t.slots) - 1)
	}
	if len(t.entries)*4 >= len(t.slots) {
		panic("phrases: vocabulary table too small")
	}
	t.entries = append(t.entries, vocabKeyed{k0, k1, v})
	t.slots[h] = uint16(len(t.entries))
}

// find returns the entry of w, lower case ASCII of at most 32 bytes, whose
// first 16 bytes k0 and k1 pack, or nil.
func (t *vocabHash) find(w []byte, k0, k1 uint64) *vocabEntry {
	for h := vocabSlot(k0, k1); ; h = (h + 1) & (len(t.slots) - 1) {
		i := t.slots[h]
		if i == 0 {
			return nil
		}
		e := &t.entries[i-1]
		if e.k0 == k0 && e.k1 == k1 && len(e.s) == len(w) && (len(w) <= 16 || e.s[16:] == string(w[16:])) {
			return &e.vocabEntry
		}
	}
}

// findShort is find for a word of at most 16 bytes.
func (t *vocabHash) findShort(k0, k1 uint64, n int) *vocabEntry {
	for h := vocabSlot(k0, k1); ; h = (h + 1) & (len(t.slots) - 1) {
		i := t.slots[h]
		if i == 0 {
			return nil
		}
		if e := &t.entries[i-1]; e.k0 == k0 && e.k1 == k1 && len(e.s) == n {
			return &e.vocabEntry
		}
	}
}

// wordShape is a filter in front of a set of lower-cased words: bit n-1
// of shape[b] is set when the set has a word of n bytes (bit 63: 64 or
// more) starting with byte b. A word it rules out is not in the set.
type wordShape [256]uint64

func (sh *wordShape) add(w string) {
	if len(w) > 0 {
		sh[w[0]] |= 1 << min(len(w)-1, 63)
	}
}

// may reports whether w may be in the set.
func (sh *wordShape) may(w []byte) bool {
	return len(w) > 0 && sh.mayStart(w[0], len(w))
}

// mayStart reports whether the set may have a word of n bytes (n > 0)
// starting with byte c.
func (sh *wordShape) mayStart(c byte, n int) bool {
	return sh[c]&(1<<min(n-1, 63)) != 0
}

// shapeOf returns the filter of a set's words (a map's keys).
func shapeOf[V any](set map[string]V) *wordShape {
	sh := new(wordShape)
	for w := range set {
		sh.add(w)
	}
	return sh
}

// stemStarts returns the bits of the phrase sets with a prefixed first
// word ("travel*") that w may match.
func stemStarts(w string) uint64 {
	if len(w) < stemLen {
		return 0
	}
	// a handful of stems a first byte: compared, not hashed, their
	// other two bytes (stemLen is 3) as one number
	rest := uint16(w[1]) | uint16(w[2])<<8
	for _, st := range stemsByFirst[w[0]] {
		if st.rest == rest {
			return st.bits
		}
	}
	return 0
}

// vocabEntry is a first word of some phrase: its canonical string and the
// sets it starts a phrase in.
type vocabEntry struct {
	s      string
	starts uint64
}

// The phrase vocabulary, filled by newPhrases while the package's
// variables are initialized and only read after that.
var (
	vocabulary = map[string]vocabEntry{}
	// vocabTable holds the vocabulary's ASCII words of up to 32 bytes.
	vocabTable vocabHash
	stems      = map[string]uint64{} // stemLen-byte prefix -> sets
	// stemsByFirst is stems by the prefix's first byte: its other two
	// bytes, little-endian, and its sets (filled by init)
	stemsByFirst [256][]struct {
		rest uint16
		bits uint64
	}
	allPhrases []*phrases // the sets made, in order: set i has bit i
	sealed     bool       // set by init: no set may be made after

	// vocabWords holds every vocabulary word's canonical string, end to
	// end, so that a word's string tells its entry without hashing:
	// vocabAt[k] is 1 + the index in vocabFirst of the word starting at
	// byte k, or 0 (filled by init).
	vocabWords string
	vocabAt    []uint16
	// vocabFirst holds, by word, the phrases each set has that start
	// with it.
	vocabFirst []vocabFirsts
)

// vocabFirsts are the phrases that start with the vocabulary word s, by
// set.
type vocabFirsts struct {
	s    string
	sets []firstPhrases
}

// firstPhrases are the phrases of set bit that start with a given word.
type firstPhrases struct {
	bit uint64
	phs [][]string
}

// init seals the vocabulary, once every set is made: an entry's bits
// take the prefixed sets its word matches too, its string moves to
// vocabWords, and the ASCII words are filed in vocabTable as well.
func init() {
	sealed = true
	for pre, bits := range stems {
		stemsByFirst[pre[0]] = append(stemsByFirst[pre[0]], struct {
			rest uint16
			bits uint64
		}{uint16(pre[1]) | uint16(pre[2])<<8, bits})
	}
	words := slices.Sorted(maps.Keys(vocabulary))
	vocabWords = strings.Join(words, "")
	vocabAt = make([]uint16, len(vocabWords))
	vocabFirst = make([]vocabFirsts, len(words))
	off := 0
	for id, w := range words {
		v := vocabulary[w]
		v.s = vocabWords[off : off+len(w)]
		v.starts |= stemStarts(w)
		vocabulary[w] = v
		vocabAt[off] = uint16(id + 1)
		off += len(w)
		vocabFirst[id].s = v.s
		for _, p := range allPhrases {
			if phs := p.byFirst[w]; len(phs) > 0 {
				vocabFirst[id].sets = append(vocabFirst[id].sets, firstPhrases{p.bit, phs})
			}
		}
		if len(w) <= 32 && isASCII(w) {
			vocabTable.add(w, v)
		}
	}
}

// load64 reads the 8 bytes of w as a little-endian word, in one load.
func load64(w string) uint64 {
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
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
	// bit is this set's bit in word.starts.
	bit uint64
}

// stemLen is the length of the key prefixed phrases are filed under; a
// prefix must be at least this long.
const stemLen = 3

// newPhrases makes a set from phrases, lower-cased. Sets are package
// variables: each takes a bit in the shared vocabulary, which must not
// change once the package is initialized (extractors run concurrently).
func newPhrases(list ...string) *phrases {
	if sealed {
		panic("phrases: newPhrases called after package initialization")
	}
	if len(allPhrases) == 64 {
		panic("phrases: more than 64 phrase sets")
	}
	p := &phrases{byFirst: map[string][][]string{}, byStem: map[string][][]string{}, bit: 1 << len(allPhrases)}
	allPhrases = append(allPhrases, p)
	for _, s := range list {
		ws := strings.Fields(strings.ToLower(s))
		if pre, ok := strings.CutSuffix(ws[0], "*"); ok {
			if len(pre) < stemLen {
				panic("phrases: prefix shorter than " + string(rune('0'+stemLen)) + ": " + s)
			}
			p.byStem[pre[:stemLen]] = append(p.byStem[pre[:stemLen]], ws)
			stems[pre[:stemLen]] |= p.bit
			continue
		}
		if ws[0] == "_" {
			panic("phrases: a phrase cannot start with a wildcard: " + s)
		}
		p.byFirst[ws[0]] = append(p.byFirst[ws[0]], ws)
		v := vocabulary[ws[0]]
		vocabulary[ws[0]] = vocabEntry{ws[0], v.starts | p.bit}
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
	return phraseAtFrom(ws, i, ph, 0)
}

// phraseAtFrom is phraseAt for a phrase whose words before k are known to
// match.
func phraseAtFrom(ws []word, i int, ph []string, k int) bool {
	if i+len(ph) > len(ws) {
		return false
	}
	for ; k < len(ph); k++ {
		if !wordMatches(ph[k], ws[i+k].s) {
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
		if ws[i].starts&p.bit == 0 {
			continue
		}
		for _, ph := range p.startingWith(ws[i].s) {
			if phraseAtFrom(ws, i, ph, 1) { // its first word is ws[i]
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

// startingWith returns the phrases of p whose first word is w: by the
// vocabulary's index when w is its canonical string, as lowerWordIn
// returns, else by p's map.
func (p *phrases) startingWith(w string) [][]string {
	off := uintptr(unsafe.Pointer(unsafe.StringData(w))) - uintptr(unsafe.Pointer(unsafe.StringData(vocabWords)))
	if off < uintptr(len(vocabWords)) {
		if id := vocabAt[off]; id != 0 && len(vocabFirst[id-1].s) == len(w) {
			for _, f := range vocabFirst[id-1].sets {
				if f.bit == p.bit {
					return f.phs
				}
			}
			return nil
		}
	}
	return p.byFirst[w]
}

// in reports whether any phrase occurs in ws.
func (p *phrases) in(ws []word) bool {
	_, _, ok := p.find(ws)
	return ok
}

// anyWordIn reports whether a word of text, lower-cased, is in set,
// without allocating: ASCII words are lower-cased into a small buffer,
// which a map look-up reads without copying. shape is set's filter.
func anyWordIn(text string, set map[string]bool, shape *wordShape) bool {
	var buf [24]byte
	for i := 0; i < len(text); {
		if !asciiLetter[text[i]] {
			i++
			continue
		}
		j := i + 1
		for j < len(text) && (asciiLetter[text[j]] || text[j] == '-') {
			j++
		}
		// The filter reads the first byte, lower-cased, and the length:
		// most words go no further.
		if n := j - i; n <= len(buf) && shape[text[i]|0x20]&(1<<(n-1)) != 0 &&
			set[string(appendLowerASCII(buf[:0], text[i:j]))] {
			return true
		}
		i = j
	}
	return false
}

// asciiLetter marks the ASCII letters.
var asciiLetter = func() (t [256]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	return t
}()

// inLower reports whether s, lower-cased, is in set, without allocating
// for words of up to 32 bytes.
func inLower(set map[string]bool, s string) bool {
	var buf [32]byte
	return set[string(appendLower(buf[:0], s))]
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
