package extractors

import (
	"bytes"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// metaIsCaptionRef is metaIsCaption as it was before metaMayBeCaption
// passed over lines it cannot read as captions: the reference it must
// match.
func metaIsCaptionRef(s string, words int) bool {
	var buf [32]byte
	prevPhoto := false
	photo := strings.Contains(s, "PHOTO") || strings.Contains(s, "FOTO")
	for i, n := 0, 0; i < len(s); n++ {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if n > 0 && !prevPhoto && !photo {
			// Words without a marking byte are passed over as below: to
			// the word that holds the next one.
			p := i
			for p < len(s) && !metaCaptionMarks[s[p]] {
				p++
			}
			if p == len(s) {
				break
			}
			if k := strings.LastIndexByte(s[i:p], ' '); k >= 0 {
				i += k + 1
			}
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		if i == j {
			break
		}
		w := s[i:j]
		i = j
		if w == "PHOTO" || w == "FOTO" { // a credit inside a line in mixed case
			return true
		}
		// Only a word with a colon, a bracket, a dot, an underscore or
		// a non-ASCII byte, the first word, or a word after "photo" can
		// mark a caption: the others are not lower-cased.
		last := w[len(w)-1]
		marked := false
		for k := 0; k < len(w) && !marked; k++ {
			marked = w[k] == '.' || w[k] == '_' || w[k] >= utf8.RuneSelf
		}
		if !(n == 0 || prevPhoto || last == ':' || w[0] == '(' || marked) || len(w) > len(buf) {
			prevPhoto = false
			continue
		}
		if strings.Contains(w, "©") {
			return true
		}
		lw := appendLowerASCII(buf[:0], w)
		for len(lw) > 0 && strings.IndexByte(".,;:)", lw[len(lw)-1]) >= 0 {
			lw = lw[:len(lw)-1]
		}
		open := w[0] == '('
		if open {
			lw = lw[1:]
		}
		switch {
		case last == ':' && metaCaptionLabels[string(lw)],
			open && string(lw) == "photo",
			prevPhoto && (string(lw) == "credit" || string(lw) == "by"),
			n == 0 && metaImageWords[string(lw)] && j < len(s) && words <= 3,
			(bytes.IndexByte(lw, '.') >= 0 || bytes.IndexByte(lw, '_') >= 0) && metaIsFileName(string(lw)):
			return true
		}
		prevPhoto = string(lw) == "photo"
	}
	return false
}

// metaTestLines returns the lines of the regression corpus and random
// lines made of the words and bytes the caption and kicker rules read.
func metaTestLines(tb testing.TB) []string {
	var lines []string
	for _, d := range regressionCorpus(tb) {
		for l := range strings.Lines(d.text) {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
	}
	pieces := []string{"photo", "Photo", "PHOTO", "FOTO", "foto", "(Photo", "credit", "by", "Credit:", "Source:",
		"image", "img", "x.jpg", "A.JPG", "b.webp", "c.Png", "d.gif", "e.jpeg", "foto_0001", "a_b", "@x_1",
		"©", "(", ")", ":", ".", ",", ";", "_", "o", "ot", "oto", "the", "Minister", "Ministry", "of", "Press",
		"Release", "release", "statement", "MOFA", "-", "|", "No.", "12", "é", "\xc2", "\xa9", "–", "’",
		"Department", "Foreign", "Affairs", "said", "oF", "Of", "AND", "and", "for", "&", "de", "Office,", "(Trade)",
		"\u00a0", "\t", "in", "The", "tHE", "ofthe", "Éire",
		"Media", "News", "press", "Statement", "STATEMENT", "Press Release", "release -", ":Ministry", "|"}
	r := rand.New(rand.NewSource(1))
	for range 50000 {
		var b []byte
		for n := 1 + r.Intn(12); n > 0; n-- {
			b = append(b, pieces[r.Intn(len(pieces))]...)
			if r.Intn(4) != 0 {
				b = append(b, ' ')
			}
		}
		lines = append(lines, string(b))
	}
	return lines
}

// metaIsCaption answers as metaIsCaptionRef does, whatever the count of
// words.
func TestMetaIsCaptionSame(t *testing.T) {
	for _, l := range metaTestLines(t) {
		for words := 1; words <= 6; words++ {
			if got, want := metaIsCaption(l, words), metaIsCaptionRef(l, words); got != want {
				t.Fatalf("metaIsCaption(%q, %d) = %v, want %v", l, words, got, want)
			}
		}
	}
}

// metaIsOrgNameRef is metaIsOrgName as it was before metaHasLowerWord
// turned most lines away before they were split: the reference it must
// match.
func metaIsOrgNameRef(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || len(s) > 160 {
		return false
	}
	var fields [15]string // the words of s, as strings.Fields, when at most 14
	ws := fields[:0]
	for w := range strings.FieldsSeq(s) {
		if len(ws) == len(fields) {
			return false
		}
		ws = append(ws, w)
	}
	if len(ws) < 2 || len(ws) > 14 {
		return false
	}
	if strings.EqualFold(ws[0], "the") {
		ws = ws[1:]
	}
	head := -1
	var buf [32]byte
	for i, w := range ws {
		w = strings.Trim(w, ",()")
		r, _ := utf8.DecodeRuneInString(w)
		lw := appendLower(buf[:0], w)
		if metaOrgHeads[string(lw)] && head < 0 && i <= 4 {
			head = i
		}
		if w == "" || unicode.IsDigit(r) {
			return false
		}
		if !unicode.IsUpper(r) && !metaOrgFunction[string(lw)] {
			return false
		}
	}
	if head < 0 {
		return false
	}
	// After the head: nothing, or a prepositional phrase ("of Foreign Affairs").
	if head+1 < len(ws) {
		nx := strings.ToLower(ws[head+1])
		if nx != "of" && nx != "for" && nx != "on" && nx != "and" && nx != "&" && !metaOrgHeads[strings.Trim(nx, ",")] {
			return false
		}
	}
	return true
}

// metaIsOrgName answers as metaIsOrgNameRef does.
func TestMetaIsOrgNameSame(t *testing.T) {
	names := 0
	for _, l := range metaTestLines(t) {
		for _, s := range []string{l, strings.TrimPrefix(l, "Press Release ")} {
			got, want := metaIsOrgName(s), metaIsOrgNameRef(s)
			if got != want {
				t.Fatalf("metaIsOrgName(%q) = %v, want %v", s, got, want)
			}
			if got {
				names++
			}
		}
	}
	if names < 100 {
		t.Fatalf("only %d lines name a body: the test reads too few", names)
	}
}

// metaKickerOfRef is metaKickerOf as it was before it asked for a phrase
// at the line's ends before lower-casing it: the reference it must match.
func metaKickerOfRef(s string) (bool, string) {
	if len(s) > 200 {
		return false, ""
	}
	s = metaTrimReleaseNumber(s)
	var buf [200]byte
	k := appendLowerASCII(buf[:0], s) // same byte offsets as s
	if metaKickers[string(k)] {
		return true, ""
	}
	// Each of the kickers searched for names a release or a statement.
	if !bytes.Contains(k, []byte("release")) && !bytes.Contains(k, []byte("statement")) {
		return false, ""
	}
	for _, kk := range []string{"press release", "media release", "news release", "press statement", "media statement"} {
		i := bytes.Index(k, []byte(kk))
		if i < 0 {
			continue
		}
		before := strings.Trim(s[:i], " -:|")
		after := strings.Trim(s[i+len(kk):], " -:|")
		switch {
		case after == "" && (metaIsAcronym(before) || metaIsOrgName(before)):
			return true, before
		case before == "" && metaIsOrgName(after):
			return true, after
		}
	}
	return false, ""
}

// metaKickerOf answers as metaKickerOfRef does.
func TestMetaKickerOfSame(t *testing.T) {
	named := 0
	lines := metaTestLines(t)
	for _, pre := range []string{"", "MOFA ", "| Ministry of Foreign Affairs - ", "The Ministry said ", "press release "} {
		for _, ph := range []string{"Press Release", "MEDIA STATEMENT", "news release", "Press statement", "Media Release"} {
			for _, suf := range []string{"", " - Ministry of X", ": Department of Trade |", " No. 12", " statement", " release of"} {
				lines = append(lines, pre+ph+suf)
			}
		}
	}
	for k := range metaKickers {
		lines = append(lines, k, strings.ToUpper(k), k+"s")
	}
	for _, l := range lines {
		k, org := metaKickerOf(l)
		wk, worg := metaKickerOfRef(l)
		if k != wk || org != worg {
			t.Fatalf("metaKickerOf(%q) = %v, %q, want %v, %q", l, k, org, wk, worg)
		}
		if org != "" {
			named++
		}
	}
	if named < 20 {
		t.Fatalf("only %d kickers name an issuer: the test reads too few", named)
	}
}

// metaByteSet trims as strings.Trim and TrimRight do with its cutset.
func TestMetaByteSetSame(t *testing.T) {
	cutsets := []string{"0123456789/ .:#-|", " -:|", ".,:;!?()", ",()"}
	lines := metaTestLines(t)
	for _, l := range []string{"", " ", "|", "12/", "-é-", "\xff:", ":\xc2\xa9:", "()", "No. 5 -"} {
		lines = append(lines, l)
	}
	for _, cut := range cutsets {
		set := metaBytes(cut)
		for _, l := range lines {
			for _, w := range append(strings.Fields(l), l) {
				if got, want := set.trim(w), strings.Trim(w, cut); got != want {
					t.Fatalf("trim(%q, %q) = %q, want %q", w, cut, got, want)
				}
				if got, want := set.trimRight(w), strings.TrimRight(w, cut); got != want {
					t.Fatalf("trimRight(%q, %q) = %q, want %q", w, cut, got, want)
				}
			}
		}
	}
}

// ReadMeta reads the same whichever document's buffers it recycles: the
// corpus read forwards, then backwards.
func TestReadMetaPooledSame(t *testing.T) {
	docs := regressionCorpus(t)
	want := make([]Meta, len(docs))
	for i, d := range docs {
		want[i] = ReadMeta(d.text)
	}
	for i := len(docs) - 1; i >= 0; i-- {
		if got := ReadMeta(docs[i].text); !reflect.DeepEqual(got, want[i]) {
			t.Fatalf("%s: ReadMeta after other documents = %+v, want %+v", docs[i].name, got, want[i])
		}
	}
}

// metaTrimRef is metaTrim as it was before its ASCII loops.
func metaTrimRef(text string, start, end int) (s, e int) {
	seg := strings.TrimLeftFunc(text[start:end], unicode.IsSpace)
	s = end - len(seg)
	return s, s + len(strings.TrimRightFunc(seg, unicode.IsSpace))
}

func TestMetaTrimSame(t *testing.T) {
	texts := metaTestLines(t)
	pieces := []string{" ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u0085", "\u2003", "\u3000", "\xc2", "\xa0",
		"\xff", "a", "é", "Minister", ".", "\u200b"}
	r := rand.New(rand.NewSource(1))
	for range 50000 {
		var b []byte
		for n := r.Intn(8); n > 0; n-- {
			b = append(b, pieces[r.Intn(len(pieces))]...)
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		for _, c := range [][2]int{{0, len(text)}, {min(1, len(text)), len(text)}, {0, len(text) / 2}} {
			gs, ge := metaTrim(text, c[0], c[1])
			ws, we := metaTrimRef(text, c[0], c[1])
			if gs != ws || ge != we {
				t.Fatalf("metaTrim(%q, %d, %d) = %d, %d, want %d, %d", text, c[0], c[1], gs, ge, ws, we)
			}
		}
	}
}

// metaMayBeCaptionRef is metaMayBeCaption as it was before it passed over
// eight bytes at a time.
func metaMayBeCaptionRef(s string, words int) bool {
	if words <= 3 {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; metaCaptionCue[c] {
		case 1:
			return true
		case 2:
			if i+2 < len(s) && s[i+1]|0x20 == 't' && s[i+2]|0x20 == 'o' {
				return true
			}
		case 3:
			if i+1 < len(s) {
				if e := s[i+1] | 0x20; e == 'j' || e == 'p' || e == 'g' || e == 'w' {
					return true
				}
			}
		}
	}
	return false
}

func TestMetaMayBeCaptionSame(t *testing.T) {
	lines := metaTestLines(t)
	r := rand.New(rand.NewSource(2))
	const bytes = "oOtT.jJpPgGwW:(_\xc2\xa9 xO"
	for range 100000 {
		b := make([]byte, r.Intn(40))
		for i := range b {
			b[i] = bytes[r.Intn(len(bytes))]
		}
		lines = append(lines, string(b))
	}
	for _, l := range lines {
		for k := 0; k < len(l) && k < 9; k++ {
			if got, want := metaMayBeCaption(l[k:], 5), metaMayBeCaptionRef(l[k:], 5); got != want {
				t.Fatalf("metaMayBeCaption(%q) = %v, want %v", l[k:], got, want)
			}
		}
	}
}

func TestMetaLastNewlineSame(t *testing.T) {
	texts := metaTestLines(t)
	for _, d := range regressionCorpus(t) {
		texts = append(texts, d.text)
	}
	r := rand.New(rand.NewSource(3))
	for range 50000 {
		b := make([]byte, r.Intn(40))
		for i := range b {
			b[i] = "\nab\x0b\x8a\xff"[r.Intn(6)]
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		for k := 0; k < len(s) && k < 10; k++ {
			if got, want := metaLastNewline(s[:len(s)-k]), strings.LastIndexByte(s[:len(s)-k], '\n'); got != want {
				t.Fatalf("metaLastNewline(%.80q... of %d bytes) = %d, want %d", s, len(s)-k, got, want)
			}
		}
	}
}
