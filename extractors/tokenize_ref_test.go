package extractors

// The tokenizer as first written (commit 109e353), the reference for
// FuzzTokenizeSame.

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"communique/gazetteer"
)

type refTok struct {
	start, end int
	sent       int
	la, lb     int
	low        string
	kind       ptokKind
	capital    bool
	caps       bool
	joined     bool
	dot        bool
	trail      uint8
}

type refParser struct {
	text   string
	t      []refTok
	lowBuf []byte
}

func refTokens(text string) []refTok {
	p := &refParser{text: text}
	for si, s := range Sentences(text) {
		if si > 0 {
			p.t = append(p.t, refTok{start: s.Start, end: s.Start, low: "\n", kind: ptBreak, sent: si})
		}
		p.tokenize(s.Start, s.End, si)
	}
	all := string(p.lowBuf)
	for i := range p.t {
		if tk := &p.t[i]; tk.lb > tk.la {
			tk.low = all[tk.la:tk.lb]
		}
	}
	return p.t
}

// TestTokenizeSame checks the tokenizer against the reference over the
// regression corpus.
func TestTokenizeSame(t *testing.T) {
	for _, doc := range regressionCorpus(t) {
		checkTokens(t, doc.text)
	}
}

// checkTokens compares the tokens of s with the reference's.
func checkTokens(t *testing.T, s string) {
	t.Helper()
	want := refTokens(s)
	p := newEntParser(&Doc{Text: s})
	defer p.release()
	if len(p.t) != len(want) {
		t.Fatalf("%.80q: %d tokens, want %d", s, len(p.t), len(want))
	}
	for i, w := range want {
		g := p.t[i]
		got := refTok{start: g.start, end: g.end, sent: g.sent, low: p.lows[i], kind: g.kind, capital: g.capital,
			caps: g.caps, joined: g.joined, dot: g.dot, trail: g.trail}
		w.la, w.lb = 0, 0
		if got != w {
			t.Fatalf("%.80q: token %d = %+v, want %+v", s, i, got, w)
		}
	}
}

func FuzzTokenizeSame(f *testing.F) {
	for _, s := range []string{"Minister Lee Sang-min's visit to the UAE.", "Dato’ Sri Dr. Wan", "H.E. Mr. J. Doe’s",
		"ǅemal İstanbul Ⅻ 3GPP e-Government", "rock'n'roll ’tis o’ x\xff\tcell", "Ma. Theresa", "SEOUL, 12 June -"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkTokens(t, s) })
}

func refWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func refApos(r rune) bool { return r == '\'' || r == '’' }

// tokenize appends the tokens of text[start:end], sentence si.
func (p *refParser) tokenize(start, end, si int) {
	text := p.text
	joinNext := false
	for i := start; i < end; {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == '\t':
			p.t = append(p.t, refTok{start: i, end: i, low: "\t", kind: ptBreak, sent: si})
			i += n
			joinNext = false
		case r == ' ' || r == '\n' || r == '\r' || r >= utf8.RuneSelf && unicode.IsSpace(r):
			i += n
			joinNext = false
		case refWordRune(r):
			j := i + n
			for j < end {
				r2, n2 := rune(text[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, n2 = utf8.DecodeRuneInString(text[j:])
				}
				if refWordRune(r2) {
					j += n2
					continue
				}
				if refApos(r2) && j+n2 < end {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if refWordRune(r3) {
						j += n2
						continue
					}
				}
				break
			}
			w := text[i:j]
			poss := 0
			if strings.HasSuffix(w, "'s") && len(w) > 2 {
				poss = 2
			} else if strings.HasSuffix(w, "’s") && len(w) > 4 {
				poss = 4
			}
			we := j - poss
			p.addWord(i, we, si, joinNext)
			if poss > 0 {
				p.t = append(p.t, refTok{start: we, end: j, low: "'s", kind: ptPunct, sent: si})
			} else if j < end && text[j] == '.' && p.isAbbrev(len(p.t)-1) && !p.nameEndsAt(len(p.t)-1, j, end) {
				p.t[len(p.t)-1].dot = true
				p.t[len(p.t)-1].trail = 1
				j++
			} else if r2, n2 := utf8.DecodeRuneInString(text[j:min(j+4, end)]); refApos(r2) && (j+n2 >= end || text[j+n2] == ' ') {
				// "Dato' Sri": an apostrophe that closes a word belongs to it
				p.t[len(p.t)-1].trail = uint8(n2)
				j += n2
			}
			i = j
			joinNext = false
			if poss == 0 && i < end && text[i] == '-' && i+1 < end {
				r2, _ := utf8.DecodeRuneInString(text[i+1:])
				if refWordRune(r2) {
					joinNext = true
					i++
				}
			}
		default:
			p.t = append(p.t, refTok{start: i, end: i + n, low: text[i : i+n], kind: ptPunct, sent: si})
			i += n
			joinNext = false
		}
	}
}

func (p *refParser) addWord(s, e, si int, joined bool) {
	w := p.text[s:e]
	tk := refTok{start: s, end: e, sent: si, joined: joined, kind: ptWord}
	letters, upper, digits := 0, 0, 0
	first := true
	for _, r := range w {
		switch {
		case 'a' <= r && r <= 'z':
			letters++
			first = false
		case 'A' <= r && r <= 'Z':
			letters++
			upper++
			if first {
				tk.capital = true
			}
			first = false
		case '0' <= r && r <= '9':
			digits++
			first = false
		case unicode.IsLetter(r):
			letters++
			if unicode.IsUpper(r) {
				upper++
				if first {
					tk.capital = true
				}
			}
			first = false
		case unicode.IsDigit(r):
			digits++
			first = false
		}
	}
	if letters == 0 && digits > 0 {
		tk.kind = ptNum
	}
	tk.caps = letters >= 2 && upper == letters
	if upper > 0 || strings.ContainsRune(w, '’') {
		// lower-cased into lowBuf; tk.low is set from it when the text is
		// tokenized, so that the document costs one allocation, not one
		// per capitalized word
		tk.la = len(p.lowBuf)
		for _, r := range w {
			switch {
			case r < utf8.RuneSelf:
				if 'A' <= r && r <= 'Z' {
					r += 'a' - 'A'
				}
				p.lowBuf = append(p.lowBuf, byte(r))
			case r == '’':
				p.lowBuf = append(p.lowBuf, '\'')
			default:
				p.lowBuf = utf8.AppendRune(p.lowBuf, unicode.ToLower(r))
			}
		}
		tk.lb = len(p.lowBuf)
		tk.low = ""
	} else {
		tk.low = w
	}
	p.t = append(p.t, tk)
}

// lowOf returns token i's lower-case form while the text is tokenized.
func (p *refParser) lowOf(i int) string {
	tk := p.t[i]
	if tk.lb > tk.la {
		return string(p.lowBuf[tk.la:tk.lb])
	}
	return tk.low
}

// isAbbrev reports whether the dot after token i closes an abbreviation:
// an initial ("J."), a title or honorific abbreviation ("Dr.", "Gen.").
func (p *refParser) isAbbrev(i int) bool {
	tk := p.t[i]
	if tk.kind != ptWord {
		return false
	}
	low := p.lowOf(i)
	if utf8.RuneCountInString(low) == 1 && tk.capital {
		return true
	}
	return gazetteer.IsAbbreviation(low) || abbreviations[low]
}

// nameEndsAt is entParser.nameEndsAt (added in a later commit than the
// reference): the dot after an office's abbreviation that ends a name.
func (p *refParser) nameEndsAt(i, dot, end int) bool {
	if i < 1 || !gazetteer.IsOfficeAbbreviation(p.lowOf(i)) {
		return false
	}
	prev := p.t[i-1]
	if prev.kind != ptWord || prev.sent != p.t[i].sent || !prev.capital || p.t[i].joined || prev.end+1 != p.t[i].start {
		return false
	}
	if c := gazetteer.ClassOf(p.lowOf(i - 1)); c&(gazetteer.ClassOfficeStart|gazetteer.ClassHonorificStart) != 0 {
		return false
	}
	rest := strings.TrimLeft(p.text[dot+1:end], " ")
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	if !unicode.IsUpper(r) {
		return true
	}
	w := strings.FieldsFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })[0]
	return lexStop[strings.ToLower(w)]
}
