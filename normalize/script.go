package normalize

import (
	"strings"
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
		"ქართული", "Հայերեն", "አማርኛ", "ትግርኛ", "ދިވެހި", "བོད་ཡིག", "Монгол хэл", "རྫོང་ཁ", "کوردی", "ພາສາລາວ",
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
// A well-formed run on a line of site chrome written in a script of its
// own (see chromeLine: a label of a date or a count, a breadcrumb, a lone
// button word) is removed too, as chrome, but it is not garbled text and
// is not counted: a Thai site's "วันที่ 8 Feb 2024" is the page's label,
// not broken text.
//
// In a document that is mostly in another script only malformed runs go.
// latin counts the Latin letters of s; it is counted only when s holds
// runs of other scripts.
// Whether a run is kept depends only on itself and on the nearest
// characters around it that are not spaces or foreign script, so removing
// one run never changes the verdict on another.
//
// scripts returns the stage (the zero stage when nothing is removed),
// whether it removed anything, the number of garbled runes removed, and
// the runs it dropped as chrome, space-separated, at most maxChrome bytes.
func scripts(s string) (st stage, removed bool, garbled int, chrome string) {
	toks := scanForeign(s)
	if len(toks) == 0 {
		return stage{}, false, 0, ""
	}
	latin, foreign := latinLetters(s), 0
	for _, t := range toks {
		if !t.malformed {
			foreign += t.letters
		}
	}
	strict := latin > 0 && latin >= 2*foreign
	b := newBuilder(len(s))
	run := 0
	var lines chromeLines
	var kept strings.Builder
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
		if t.malformed || !lines.chrome(s, t.start) {
			garbled += t.runes
		} else if kept.Len()+t.end-t.start < maxChrome {
			if kept.Len() > 0 {
				kept.WriteByte(' ')
			}
			kept.WriteString(s[t.start:t.end])
		}
		removed = true
		run = t.end
		b.consumed(run)
	}
	if !removed {
		return stage{}, false, 0, ""
	}
	b.copy(s, run, len(s))
	return b.stage(), true, garbled, kept.String()
}

// maxChrome bounds the chrome runs scripts reports.
const maxChrome = 256

// maxChromeLine is the longest line, in bytes, that chromeLine reads as
// site chrome; chromeLines never scans further than this around a run.
const maxChromeLine = 240

// chromeLines caches chromeLine's verdict on the line last looked at:
// the runs of one line share it, and the runs come in text order, so
// each line is read once.
type chromeLines struct {
	end     int // the end of the cached line; 0 before the first
	verdict bool
}

// chrome reports whether the line of s holding offset at is site chrome
// (chromeLine). A line longer than maxChromeLine is not, and is not read
// past that bound.
func (c *chromeLines) chrome(s string, at int) bool {
	if at < c.end {
		return c.verdict
	}
	lo := max(0, at-maxChromeLine)
	start := lo
	if i := strings.LastIndexByte(s[lo:at], '\n'); i >= 0 {
		start = lo + i + 1
	} else if lo > 0 {
		// The line starts too far back to be chrome; look again at the
		// next run.
		c.end, c.verdict = at+1, false
		return false
	}
	hi := min(len(s), start+maxChromeLine+1)
	end := hi
	if i := strings.IndexByte(s[at:hi], '\n'); i >= 0 {
		end = at + i
	} else if hi < len(s) {
		c.end, c.verdict = at+1, false
		return false
	}
	c.end, c.verdict = end, chromeLine(s[start:end])
	return c.verdict
}

// chromeLine reports whether line, of a mostly Latin text, is site
// chrome that holds words of another script: the label of a value
// ("วันที่นำเข้าข้อมูล 15 Feb 2020", "التاريخ: 2024/03/03", "2,343 ครั้ง"),
// a breadcrumb of such words ("홈 > 뉴스 > 보도자료"), or one such word
// alone ("مشاركة", a share button). Its fields (split at spaces) are
// foreign words (letters and marks of other scripts only, a colon
// allowed at the end), separators (> | » › / · • - :), and other text;
// a line with a foreign field holding punctuation of its script (the
// danda of a Devanagari sentence) or longer than maxChromeLine is not
// chrome.
func chromeLine(line string) bool {
	if len(line) > maxChromeLine {
		return false
	}
	const (
		fForeign = iota
		fSep
		fValue // other text starting with a digit
		fOther
	)
	var kinds [16]uint8
	n := 0
	for f := range strings.FieldsSeq(line) {
		if n == len(kinds) {
			return false
		}
		k := uint8(fOther)
		switch {
		case strings.Trim(f, ">|»›/·•-:") == "":
			k = fSep
		case isForeignWord(strings.TrimSuffix(f, ":")):
			k = fForeign
		case f[0] >= '0' && f[0] <= '9':
			k = fValue
		}
		kinds[n] = k
		n++
	}
	ks := kinds[:n]
	foreign, seps := 0, 0
	for _, k := range ks {
		switch k {
		case fForeign:
			foreign++
		case fSep:
			seps++
		}
	}
	switch {
	case foreign == 0:
		return false
	case foreign+seps == n:
		// A lone word, words between separators, or a short line of
		// such words alone: the site's name in its own script
		// ("Министерство иностранных дел Кыргызской Республики").
		return n == 1 && utf8.RuneCountInString(line) <= 15 || foreign <= 8
	case seps > 0 && oneWordFields(ks, fSep):
		// A menu or a language switcher: one word between separators
		// ("ພາສາລາວ | English | Français | 中文").
		return true
	case foreign > 4:
		return false
	}
	// A label and its value: separators, the foreign words, then a value
	// starting with a digit (any text after it); or the value, then the
	// foreign words ending the line.
	i := 0
	for i < n && ks[i] == fSep {
		i++
	}
	j := i
	for j < n && ks[j] == fForeign {
		j++
	}
	if j > i && j < n && ks[j] == fValue {
		for _, k := range ks[j:] {
			if k == fForeign {
				return false
			}
		}
		return true
	}
	if i < n && ks[i] == fValue {
		j = n
		for j > i && ks[j-1] == fForeign {
			j--
		}
		if j < n {
			for _, k := range ks[i:j] {
				if k == fForeign || k == fSep {
					return false
				}
			}
			return true
		}
	}
	return false
}

// oneWordFields reports whether the fields of kinds ks between separators
// (kind sep) are single words.
func oneWordFields(ks []uint8, sep uint8) bool {
	run := 0
	for _, k := range ks {
		if k == sep {
			run = 0
			continue
		}
		if run++; run > 1 {
			return false
		}
	}
	return true
}

// isForeignWord reports whether w is a word of a script other than Latin:
// letters of such scripts and combining marks only, a letter first.
func isForeignWord(w string) bool {
	if w == "" {
		return false
	}
	for i, r := range w {
		switch {
		case foreignScript(r) != 0 && unicode.IsLetter(r):
		case i > 0 && isMark(r):
		case i > 0 && (r == 0xf0b || r == 0xf0c): // the Tibetan tsheg between syllables
		default:
			return false
		}
	}
	return true
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
