package normalize

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// scriptSet is a set of writing systems other than Latin.
type scriptSet uint64

const (
	scrOther scriptSet = 1 << iota
	scrGreek
	scrCyrillic
	scrArmenian
	scrHebrew
	scrArabic
	scrSyriac
	scrThaana
	scrDevanagari
	scrBengali
	scrGurmukhi
	scrGujarati
	scrOriya
	scrTamil
	scrTelugu
	scrKannada
	scrMalayalam
	scrSinhala
	scrThai
	scrLao
	scrTibetan
	scrMyanmar
	scrGeorgian
	scrHangul
	scrEthiopic
	scrKhmer
	scrMongolian
	scrHan
	scrKana
	scrBopomofo
)

var scriptTables = []struct {
	t *unicode.RangeTable
	s scriptSet
}{
	{unicode.Greek, scrGreek}, {unicode.Cyrillic, scrCyrillic}, {unicode.Armenian, scrArmenian},
	{unicode.Hebrew, scrHebrew}, {unicode.Arabic, scrArabic}, {unicode.Syriac, scrSyriac},
	{unicode.Thaana, scrThaana}, {unicode.Devanagari, scrDevanagari}, {unicode.Bengali, scrBengali},
	{unicode.Gurmukhi, scrGurmukhi}, {unicode.Gujarati, scrGujarati}, {unicode.Oriya, scrOriya},
	{unicode.Tamil, scrTamil}, {unicode.Telugu, scrTelugu}, {unicode.Kannada, scrKannada},
	{unicode.Malayalam, scrMalayalam}, {unicode.Sinhala, scrSinhala}, {unicode.Thai, scrThai},
	{unicode.Lao, scrLao}, {unicode.Tibetan, scrTibetan}, {unicode.Myanmar, scrMyanmar},
	{unicode.Georgian, scrGeorgian}, {unicode.Hangul, scrHangul}, {unicode.Ethiopic, scrEthiopic},
	{unicode.Khmer, scrKhmer}, {unicode.Mongolian, scrMongolian}, {unicode.Han, scrHan},
	{unicode.Hiragana, scrKana}, {unicode.Katakana, scrKana}, {unicode.Bopomofo, scrBopomofo},
}

// foreignScript returns the non-Latin writing system r belongs to, or 0
// for Latin, common (digits, punctuation, symbols) and inherited (combining)
// characters. Punctuation used by one family of scripts only (the Indic
// danda, CJK and Arabic punctuation) counts as that script.
func foreignScript(r rune) scriptSet {
	switch {
	case r < 0x370:
		return 0
	case r == 0x964 || r == 0x965:
		return scrDevanagari
	case r >= 0x3001 && r <= 0x303f:
		return scrHan
	case r == 0x30fb || r == 0x30fc || r >= 0xff61 && r <= 0xff65:
		return scrKana
	case r == 0x60c || r == 0x61b || r == 0x61f || r == 0x640:
		return scrArabic
	}
	for _, st := range scriptTables {
		if unicode.Is(st.t, r) {
			return st.s
		}
	}
	if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
		return scrOther
	}
	return 0
}

func isMark(r rune) bool { return r >= 0x300 && unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) }

// looseJamo reports a Hangul jamo outside a syllable. NFKC composes
// leading+vowel(+trailing) jamo into syllables, so the jamo left are loose.
func looseJamo(r rune) bool {
	return r >= 0x1100 && r <= 0x11ff || r >= 0x3130 && r <= 0x318f ||
		r >= 0xa960 && r <= 0xa97f || r >= 0xd7b0 && r <= 0xd7ff
}

// wellMixed reports whether one run may hold all of the scripts in s:
// one script, or Korean (Hangul + Han) or Japanese (Kana + Han).
func wellMixed(s scriptSet) bool {
	return s&(s-1) == 0 || s&^(scrHangul|scrHan) == 0 || s&^(scrKana|scrHan) == 0
}

// langNames are language names written in their own script, as found in
// the language switchers of government sites. They are kept where they
// stand.
var langNames = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range []string{
		"한국어", "조선말", "中文", "简体中文", "繁體中文", "简体", "繁體", "繁体", "汉语", "漢語", "普通话",
		"日本語", "にほんご", "العربية", "عربي", "فارسی", "اردو", "پښتو", "עברית", "Русский", "Українська",
		"Беларуская", "Български", "Српски", "Македонски", "Қазақша", "Қазақ", "Кыргызча", "Монгол",
		"Тоҷикӣ", "Ελληνικά", "हिन्दी", "हिंदी", "मराठी", "नेपाली", "বাংলা", "ਪੰਜਾਬੀ", "ગુજરાતી", "ଓଡ଼ିଆ",
		"தமிழ்", "తెలుగు", "ಕನ್ನಡ", "മലയാളം", "සිංහල", "ไทย", "ລາວ", "ភាសាខ្មែរ", "ខ្មែរ", "မြန်မာ",
		"ქართული", "Հայերեն", "አማርኛ", "ትግርኛ", "ދިވެހި", "བོད་ཡིག", "Монгол хэл",
	} {
		m[norm.NFKC.String(s)] = true
	}
	return m
}()

// foreignToken is a maximal run of characters of non-Latin scripts (with
// their combining marks) in the text.
type foreignToken struct {
	start, end int
	scripts    scriptSet
	letters    int
	runes      int
	malformed  bool // starts with a combining mark, holds loose jamo, or mixes scripts
}

func scanForeign(s string) []foreignToken {
	var toks []foreignToken
	prevBase := false // the previous rune can carry a combining mark
	last := 0         // the end of the last non-ASCII rune read
	for i := 0; i < len(s); {
		for i < len(s) && s[i] < utf8.RuneSelf {
			i++
		}
		if i == len(s) {
			break
		}
		if i > last {
			// ASCII came after the last non-ASCII rune: the byte before
			// decides.
			c := s[i-1]
			prevBase = c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9'
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		sc, mark := foreignScript(r), isMark(r)
		if sc == 0 && (!mark || prevBase) {
			if !mark {
				prevBase = unicode.IsLetter(r) || unicode.IsDigit(r)
			}
			i += size
			last = i
			continue
		}
		t := foreignToken{start: i, malformed: mark}
		for i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
			sc = foreignScript(r)
			if sc == 0 && !isMark(r) {
				break
			}
			t.scripts |= sc
			t.runes++
			if unicode.IsLetter(r) {
				t.letters++
			}
			if looseJamo(r) {
				t.malformed = true
			}
			i += size
		}
		t.end = i
		if !wellMixed(t.scripts) {
			t.malformed = true
		}
		toks = append(toks, t)
		prevBase, last = false, i
	}
	return toks
}

// maxBracketed is the most runes of foreign script kept inside one pair
// of brackets or quotes.
const maxBracketed = 40

// maxBracketScan bounds the bytes scanned on each side of a run for its
// brackets, so that a long line of foreign runs costs linear time.
const maxBracketScan = 8 * maxBracketed

// scripts is the garbled-script pass. It removes (and counts) runs of
// characters of writing systems that do not belong in the document:
//
//   - a malformed run is always removed: it starts with a combining mark,
//     holds loose Hangul jamo, or mixes scripts that are not written
//     together (Hangul with Han, Kana with Han are fine);
//   - when the document is mostly Latin (at least two Latin letters for
//     every well-formed letter of other scripts) a well-formed run is kept
//     only when it stands alone inside brackets or quotes with at most
//     maxBracketed foreign runes ("Lee Sang-min (이상민)"), is a language
//     name ("한국어", "العربية"), or is one or two Greek letters (symbols
//     such as "α" or "μ"); any other run is removed, wherever it sits.
//
// A removed run between two non-space characters leaves a space.
//
// In a document that is mostly in another script only malformed runs go.
// latin counts the Latin letters of s; it is counted only when s holds
// runs of other scripts.
// Whether a run is kept depends only on itself and on the nearest
// characters around it that are not spaces or foreign script, so removing
// one run never changes the verdict on another.
func scripts(s string) (stage, int) {
	toks := scanForeign(s)
	if len(toks) == 0 {
		return stage{}, 0
	}
	latin, foreign := latinLetters(s), 0
	for _, t := range toks {
		if !t.malformed {
			foreign += t.letters
		}
	}
	strict := latin > 0 && latin >= 2*foreign
	b := newBuilder(len(s))
	run, garbled := 0, 0
	for _, t := range toks {
		if !t.malformed && (!strict || keepForeign(s, t)) {
			continue
		}
		b.copy(s, run, t.start)
		if t.start > 0 && t.end < len(s) && !isSpace(s[t.start-1]) && !isSpace(s[t.end]) {
			// Keep the neighbours apart: "Þ" and "¤" side by side would
			// be new mojibake, "Korea" and "Italy" one word.
			b.put(" ", t.start)
		}
		garbled += t.runes
		run = t.end
		b.consumed(run)
	}
	if garbled == 0 {
		return stage{}, 0
	}
	b.copy(s, run, len(s))
	return b.stage(), garbled
}

// latinLetters counts the letters of s that are Latin.
func latinLetters(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if lc := c | 0x20; lc >= 'a' && lc <= 'z' {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) && isLatin(r) {
			n++
		}
		i += size
	}
	return n
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

func keepForeign(s string, t foreignToken) bool {
	if t.scripts == scrGreek && t.runes <= 2 {
		return true
	}
	if langNames[s[t.start:t.end]] {
		return true
	}
	n := t.runes
	i := t.start
	var open rune
	for i > 0 && t.start-i < maxBracketScan {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if r == ' ' || r == '\t' {
			i -= size
			continue
		}
		if foreignScript(r) == 0 && !isMark(r) {
			open = r
			break
		}
		n++
		i -= size
	}
	var closer rune
	switch open {
	case '(':
		closer = ')'
	case '[':
		closer = ']'
	case '{':
		closer = '}'
	case '"', '\'':
		closer = open
	case '«':
		closer = '»'
	default:
		return false
	}
	for i = t.end; i < len(s) && i-t.end < maxBracketScan && n <= maxBracketed; {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == ' ' || r == '\t' {
			i += size
			continue
		}
		if foreignScript(r) == 0 && !isMark(r) {
			return r == closer && n <= maxBracketed
		}
		n++
		i += size
	}
	return false
}
