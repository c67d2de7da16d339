package normalize

import (
	"bytes"
	"encoding/binary"
	stdunicode "unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Encoding names reported in Result.Encoding.
const (
	EncUTF8    = "utf-8"
	EncUTF8BOM = "utf-8-bom"
	EncUTF16LE = "utf-16le"
	EncUTF16BE = "utf-16be"
	EncCP1252  = "windows-1252"
)

// sniffLen is how much of the input the binary and UTF-16 sniffers read.
const sniffLen = 8 << 10

// magic is a file signature of a binary format. Signatures made only of
// printable ASCII (PDF, Parquet, GIF...) also need binary evidence, so
// that a text starting with "PAR1" or "%PDF-" is not rejected.
type magic struct {
	sig, reason string
	ascii       bool
}

var magics = []magic{
	{"\x89PNG\r\n\x1a\n", "png image", false},
	{"\xff\xd8\xff", "jpeg image", false},
	{"GIF87a", "gif image", true},
	{"GIF89a", "gif image", true},
	{"II*\x00", "tiff image", false},
	{"MM\x00*", "tiff image", false},
	{"RIFF", "riff media", true},
	{"\x00\x00\x01\x00", "icon image", false},
	{"PK\x03\x04", "zip archive", false},
	{"PK\x05\x06", "zip archive", false},
	{"\x1f\x8b", "gzip archive", false},
	{"BZh", "bzip2 archive", true},
	{"7z\xbc\xaf\x27\x1c", "7z archive", false},
	{"\xfd7zXZ\x00", "xz archive", false},
	{"\x28\xb5\x2f\xfd", "zstd archive", false},
	{"%PDF-", "pdf document", true},
	{"PAR1", "parquet file", true},
	{"\x7fELF", "executable", false},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "office document", false},
	{"SQLite format 3\x00", "sqlite database", false},
}

// binaryReason returns why raw looks binary, or "" when it may be text.
// It reads the signature and the share of NUL and control bytes in the
// first sniffLen bytes; text with a few stray control bytes passes (they
// are removed and counted later). valid reports that the sample is all of
// raw and valid UTF-8, which decodeBytes need not check again.
func binaryReason(raw []byte) (reason string, valid bool) {
	sample := raw[:min(len(raw), sniffLen)]
	nul, ctrl := countControls(sample)
	evidence := nul > 0 || ctrl > 0
	if !evidence {
		evidence = !utf8.Valid(trimPartialRune(sample, len(raw)))
		valid = !evidence && len(sample) == len(raw)
	}
	if reason := magicReason(raw, evidence); reason != "" {
		return reason, false
	}
	switch {
	case nul*100 > len(sample) && nul > 3:
		return "binary (nul bytes)", false
	case ctrl*20 > len(sample) && ctrl > 3:
		return "binary (control bytes)", false
	}
	return "", valid
}

// countControls counts the NUL bytes of b and its other control bytes
// but white space and ESC. Text has a control byte (a line end) in few of
// its 8-byte words: only those go through sniffBytes.
func countControls(b []byte) (nul, ctrl int) {
	k := 0
	for ; k+8 <= len(b); k += 8 {
		x := binary.LittleEndian.Uint64(b[k:])
		// flags bytes under 0x20 (no bit of 0xe0 set) or equal to 0x7f
		low := x & 0xe0e0e0e0e0e0e0e0
		t := x ^ lo7
		if zeroBytes(low)|zeroBytes(t) == 0 {
			continue
		}
		n, c := sniffCount(b[k : k+8])
		nul, ctrl = nul+n, ctrl+c
	}
	n, c := sniffCount(b[k:])
	return nul + n, ctrl + c
}

// sniffCount counts the NUL and other control bytes of b, byte by byte.
func sniffCount(b []byte) (nul, ctrl int) {
	for _, c := range b {
		kind := sniffBytes[c]
		nul += int(kind & sniffNUL)
		ctrl += int(kind >> 1)
	}
	return nul, ctrl
}

// Kinds of bytes counted by binaryReason.
const (
	sniffNUL  = 1 // NUL
	sniffCtrl = 2 // any other control byte but white space and ESC
)

// sniffBytes gives the kind of every byte value, so that binaryReason
// counts without branches.
var sniffBytes = func() (t [256]uint8) {
	t[0] = sniffNUL
	for c := 1; c < 0x20; c++ {
		switch c {
		case '\t', '\n', '\r', '\f', '\v', 0x1b:
		default:
			t[c] = sniffCtrl
		}
	}
	t[0x7f] = sniffCtrl
	return t
}()

// magicReason returns the format whose signature starts raw, or "". The
// signatures made of printable ASCII count only with evidence of binary
// content.
func magicReason(raw []byte, evidence bool) string {
	for _, m := range magics {
		if bytes.HasPrefix(raw, []byte(m.sig)) && (!m.ascii || evidence) {
			return m.reason
		}
	}
	return ""
}

// utf16Reason returns why text decoded from UTF-16 is not text: more than
// a tenth of its first characters are controls, replacement characters,
// private-use or unassigned code points.
func utf16Reason(text string) string {
	var n, bad int
	for _, r := range text {
		n++
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\f':
		case r == utf8.RuneError || !stdunicode.IsGraphic(r):
			bad++
		}
		if n == sniffLen {
			break
		}
	}
	if bad*10 > n {
		return "binary (not utf-16 text)"
	}
	return ""
}

// trimPartialRune drops an incomplete UTF-8 sequence cut off at the end of
// a sample taken from a longer input of length total.
func trimPartialRune(sample []byte, total int) []byte {
	if len(sample) == total {
		return sample
	}
	for k := 1; k <= 3 && k <= len(sample); k++ {
		if utf8.RuneStart(sample[len(sample)-k]) {
			if !utf8.FullRune(sample[len(sample)-k:]) {
				return sample[:len(sample)-k]
			}
			break
		}
	}
	return sample
}

// utf16Order detects UTF-16: by BOM, or without one by the NUL bytes that
// ASCII text leaves in every other byte. It returns the encoding name and
// the BOM length, or "" when the input is not UTF-16.
func utf16Order(raw []byte) (string, int) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xff, 0xfe}) && !bytes.HasPrefix(raw, []byte{0xff, 0xfe, 0, 0}):
		return EncUTF16LE, 2
	case bytes.HasPrefix(raw, []byte{0xfe, 0xff}):
		return EncUTF16BE, 2
	}
	sample := raw[:min(len(raw), sniffLen)&^1]
	if len(sample) < 4 || bytes.IndexByte(sample, 0) < 0 {
		return "", 0 // without NUL bytes, neither order counts any
	}
	var even, odd int
	for i := 0; i < len(sample); i += 2 {
		if sample[i] == 0 {
			even++
		}
		if sample[i+1] == 0 {
			odd++
		}
	}
	units := len(sample) / 2
	switch {
	case odd*10 > units*4 && even*20 < units:
		return EncUTF16LE, 0
	case even*10 > units*4 && odd*20 < units:
		return EncUTF16BE, 0
	}
	return "", 0
}

// decodeUTF16 decodes UTF-16 with golang.org/x/text/encoding/unicode and
// maps the output back: ASCII runs map two raw bytes per text byte,
// other characters map to their first code unit.
func decodeUTF16(raw []byte, enc string, bom int) (string, OffsetMap, error) {
	order := unicode.LittleEndian
	if enc == EncUTF16BE {
		order = unicode.BigEndian
	}
	out, _, err := transform.Bytes(unicode.UTF16(order, unicode.IgnoreBOM).NewDecoder(), raw[bom:])
	if err != nil {
		return "", OffsetMap{}, &RejectError{Reason: "undecodable utf-16"}
	}
	segs := make([]seg, 0, 16)
	src := bom
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRune(out[i:])
		adv := 2
		switch {
		case r >= 0x10000:
			adv = 4
		case r == utf8.RuneError && len(raw)-src < 2:
			adv = len(raw) - src
		}
		kind := segPoint
		if r < utf8.RuneSelf {
			kind = segWide
		}
		segs = appendSeg(segs, seg{i, min(src, len(raw)), kind})
		src += adv
		i += size
	}
	return string(out), OffsetMap{segs: segs, n: len(out), end: min(src, len(raw))}, nil
}

// decodeBytes decodes input that is not UTF-16. Valid UTF-8 is copied. Input
// with invalid sequences is read as UTF-8 with the invalid bytes dropped
// (and counted) when it has valid multi-byte sequences and no more than
// four invalid bytes for each, and as Windows-1252 otherwise. valid says
// raw is known to be valid UTF-8.
func decodeBytes(raw []byte, valid bool) (text string, m OffsetMap, enc string, garbled int) {
	enc, off := EncUTF8, 0
	if bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
		enc, off = EncUTF8BOM, 3
	}
	body := raw[off:]
	if valid || utf8.Valid(body) {
		return string(body), identityMap(len(body), off), enc, 0
	}
	var multi, invalid int
	for i := 0; i < len(body); {
		if body[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(body[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
		} else {
			multi++
		}
		i += size
	}
	b := newBuilder(len(body) + len(body)/8)
	s := string(raw) // one copy; builder offsets are raw offsets
	if multi > 0 && multi*4 >= invalid {
		start := off
		for i := off; i < len(raw); {
			if raw[i] < utf8.RuneSelf {
				i++
				continue
			}
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size == 1 {
				b.copy(s, start, i)
				garbled++
				i++
				start = i
				b.consumed(i)
				continue
			}
			i += size
		}
		b.copy(s, start, len(raw))
		st := b.stage()
		return st.text, OffsetMap{segs: st.segs, n: len(st.text), end: len(raw)}, enc, garbled
	}
	// Windows-1252, through x/text's table; ASCII is copied.
	cm := charmap.Windows1252
	start := off
	var tmp [utf8.UTFMax]byte
	for i := off; i < len(raw); i++ {
		c := raw[i]
		if c < utf8.RuneSelf {
			continue
		}
		b.copy(s, start, i)
		n := utf8.EncodeRune(tmp[:], cm.DecodeByte(c))
		b.put(string(tmp[:n]), i)
		start = i + 1
		b.consumed(start)
	}
	b.copy(s, start, len(raw))
	st := b.stage()
	return st.text, OffsetMap{segs: st.segs, n: len(st.text), end: len(raw)}, EncCP1252, 0
}
