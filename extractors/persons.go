package extractors

import (
	"cmp"
	"hash/maphash"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"communique/gazetteer"
)

// Persons finds named persons: one KindPerson mention per occurrence of a
// name, full ("Lee Sang-min") or short ("Minister Lee", "President
// Mattarella"). It runs after the countries extractor and reads the
// KindCountry, KindPlace and KindDate mentions already in Doc.Mentions,
// and Doc.Meta (the headline span, the publisher).
//
// A mention's Span and Text are the name as written, without titles,
// honorifics or post-nominals. Value is the canonical name: the fullest
// form of the name in the document, a family name written in capitals
// title-cased ("KAMIKAWA Yoko" -> "Kamikawa Yoko"). Title, Rank, Org and
// Country are those of the person's best titled mention, carried to every
// occurrence: an office beats an honorific ("His Highness Prince ...,
// Saudi Arabia's Interior Minister" is a minister); of several offices the
// most specific title wins ("Minister of State for AI" over "Minister"),
// then the more senior. Rank comes from gazetteer.TitleIn; Org is the body
// named in the title, or the ministry a minister's portfolio names
// ("Minister of the Interior and Safety" -> "Ministry of the Interior and
// Safety"), or the body in "(MOIS, Minister Chin Young)".
//
// A name is taken only with an anchor: a title or honorific before it
// ("Minister of the Interior Matteo Piantedosi", "H.E. Ohood Al Roumi",
// "Senator the Hon Penny Wong"), an office in apposition after it
// ("Maria-Manuela Catrina, State Secretary at ..."), a title followed at
// a short distance by ", Name" ("the Saudi Arabian Minister of ... and
// host of LEAP 2024, Abdullah Alswaha,"), a speech verb ("said Jane Doe"),
// or a form of a name already anchored in the document. A name in a
// title-case headline is cut to the form the body gives ("Secretary
// Villareal Pushes ..." -> "Villareal"). A name inside the name of a venue
// or institution ("King Abdulaziz International Conference Center") is
// not a person; one that qualifies an "Administration" ("the Moon Jae-in
// Administration") is emitted as a head of state of the home country with
// no title (the gold marks these optional).
//
// The country of an office is, in order: a country, demonym or city in
// the title ("Saudi Arabia's Interior Minister", "Czech Deputy Minister",
// "Minister ... of Indonesia", "Mayor of Busan"; not a destination, "to
// Italy"); none for an official of an international body ("President of
// the European Commission", "ASEAN Secretary-General"); the publishing
// government's (HomeCountry) when the person is its official by position
// (in the headline, in "(MOIS, Minister Chin Young)", or the first official
// named, as a subject); the foreign country of the context when the person
// is met ("met with the Minister of the Interior Matteo Piantedosi") or
// holds a local office (mayor, councillor, governor); the country of the
// person a delegation member accompanies ("X was accompanied by Vice
// Minister Y"); else the home country.
//
// Persons is safe for concurrent use; it pools its token buffers.
type Persons struct{}

// Extract implements Extractor.
func (Persons) Extract(d *Doc) []Mention {
	p := newEntParser(d)
	defer p.release()
	p.home = HomeCountry(d)
	p.findOrgs()
	p.pass1()
	ms := p.resolve(nil)
	counterpartOf(d, ms)
	return ms
}

// ---- tokens ----

type ptokKind uint8

const (
	ptWord ptokKind = iota
	ptNum
	ptPunct
	ptBreak // sentence or table-cell boundary
)

// ptok is a word, number or punctuation mark of Doc.Text. Hyphenated
// words are split ("Sang-min" is "Sang" then "min" with joined set) so
// that titles match part by part ("Vice-Minister"); names and portfolio
// words are read a hyphen group (a unit) at a time. Its lower-case form
// is in entParser.lows: a ptok holds no pointer, so that the tokens are
// copied and collected without write barriers.
type ptok struct {
	start, end int    // byte span, without an abbreviation dot
	sent       int    // sentence index
	la, lb     int32  // while tokenizing: the lower-case form in entParser.lowBuf
	cty        uint16 // the KindCountry mention it lies in: see entParser.ctry
	plc        uint16 // the KindPlace mention it lies in: see entParser.plc
	kind       ptokKind
	capital    bool  // first letter upper-case
	caps       bool  // two or more letters, all upper-case
	joined     bool  // joined to the previous token by '-'
	dot        bool  // followed by an abbreviation dot ("Dr.", "J.")
	trail      uint8 // bytes of the dot or closing apostrophe ("Dato'") after the word
	date       bool  // inside a KindDate mention
}

// entParser holds one document's tokens and what the passes find.
type entParser struct {
	d    *Doc
	text string
	t    []ptok
	lows []string // per token: the lower-case form, as gazetteer.TitleWords makes it; punctuation: itself
	home string
	orgs []orgSpan

	countries []Mention // KindCountry mentions, in text order
	headlines []int8    // per sentence: 0 unknown, 1 headline, 2 not
	raw       []rawPerson
	taken     []bool                  // tokens inside a person's name, title or apposition
	covered   []bool                  // tokens inside an organization's name (findOrgs)
	lowBuf    []byte                  // lower-case forms, while tokenizing
	isos      []string                // interned codes of ptok.cty and ptok.plc; isos[0] is ""
	isoIdx    map[string]uint16       // index of a code in isos
	matchN    []int8                  // per token: 0 not looked up, -1 no title, n words of the title there
	matchE    []*gazetteer.TitleEntry // per token: the title there, when matchN > 0
	flags     []wordFlags             // per token: see flagsOf
}

// entParsers recycles the parsers' buffers: a document's tokens take
// about twenty times its size.
var entParsers = sync.Pool{New: func() any { return new(entParser) }}

// newEntParser tokenizes d. The caller must call release when done with
// the parser and everything that points into its buffers.
func newEntParser(d *Doc) *entParser {
	p := entParsers.Get().(*entParser)
	p.d, p.text, p.home = d, d.Text, ""
	sents := d.Sentences
	if sents == nil {
		sents = Sentences(d.Text)
	}
	p.t = grow(p.t[:0], len(d.Text)/5+8)
	p.lows = grow(p.lows[:0], len(d.Text)/5+8)
	p.lowBuf = grow(p.lowBuf[:0], len(d.Text)/4+16)
	for si, s := range sents {
		if si > 0 {
			p.push(ptok{start: s.Start, end: s.Start, kind: ptBreak, sent: si}, "\n")
		}
		p.tokenize(s.Start, s.End, si)
	}
	all := string(p.lowBuf)
	for i, tk := range p.t {
		if tk.lb > tk.la {
			p.lows[i] = all[tk.la:tk.lb]
		}
	}
	p.countries = p.countries[:0]
	p.isos = append(p.isos[:0], "")
	clear(p.isoIdx)
	p.overlay()
	p.taken = grow(p.taken[:0], len(p.t))[:len(p.t)]
	clear(p.taken)
	p.covered = grow(p.covered[:0], len(p.t))[:len(p.t)]
	clear(p.covered)
	p.matchN = grow(p.matchN[:0], len(p.t))[:len(p.t)]
	clear(p.matchN)
	p.matchE = grow(p.matchE[:0], len(p.t))[:len(p.t)] // read only where matchN is set
	p.flags = grow(p.flags[:0], len(p.t))[:len(p.t)]
	clear(p.flags)
	p.orgs, p.raw, p.headlines = p.orgs[:0], p.raw[:0], p.headlines[:0]
	return p
}

// push appends token tk, whose lower-case form is low: "" for a word
// lower-cased into lowBuf, whose form newEntParser sets when the text is
// tokenized.
func (p *entParser) push(tk ptok, low string) {
	p.t = append(p.t, tk)
	p.lows = append(p.lows, low)
}

// release returns p's buffers for reuse.
func (p *entParser) release() {
	if cap(p.t) > 1<<16 {
		return // an outsized document: let its buffers go
	}
	// p.t and p.lows keep pointing into the document until the next one
	// overwrites them: clearing them cost more than the parsing of a
	// short document, and the pool drops idle parsers within two GCs.
	p.d, p.text = nil, ""
	clear(p.raw)
	clear(p.orgs)
	clear(p.countries)
	entParsers.Put(p)
}

// grow returns s with room for n elements.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, 0, n)
	}
	return s
}

func entWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiAlnum[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func entApos(r rune) bool { return r == '\'' || r == '’' }

// tokenize appends the tokens of text[start:end], sentence si.
func (p *entParser) tokenize(start, end, si int) {
	text := p.text
	joinNext := false
	for i := start; i < end; {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == '\t':
			p.push(ptok{start: i, end: i, kind: ptBreak, sent: si}, "\t")
			i += n
			joinNext = false
		case r == ' ' || r == '\n' || r == '\r' || r >= utf8.RuneSelf && unicode.IsSpace(r):
			i += n
			joinNext = false
		case r < utf8.RuneSelf && asciiAlnum[r] || r >= utf8.RuneSelf && entWordRune(r):
			j := i + n
			for j < end {
				if c := text[j]; c < utf8.RuneSelf && c != '\'' {
					if !asciiAlnum[c] {
						break
					}
					j++ // the common case, first
					continue
				}
				r2, n2 := rune(text[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, n2 = utf8.DecodeRuneInString(text[j:])
				}
				if entWordRune(r2) {
					j += n2
					continue
				}
				if entApos(r2) && j+n2 < end {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if entWordRune(r3) {
						j += n2
						continue
					}
				}
				break
			}
			w := text[i:j]
			poss := 0
			if w[len(w)-1] == 's' { // the possessive, tested first by its last letter
				if strings.HasSuffix(w, "'s") && len(w) > 2 {
					poss = 2
				} else if strings.HasSuffix(w, "’s") && len(w) > 4 {
					poss = 4
				}
			}
			we := j - poss
			p.addWord(i, we, si, joinNext)
			if poss > 0 {
				p.push(ptok{start: we, end: j, kind: ptPunct, sent: si}, "'s")
			} else if j < end && text[j] == '.' && p.isAbbrev(len(p.t)-1) {
				p.t[len(p.t)-1].dot = true
				p.t[len(p.t)-1].trail = 1
				j++
			} else if j >= end || text[j] != '\'' && text[j] != "’"[0] {
				// no apostrophe after the word: the common case
			} else if r2, n2 := utf8.DecodeRuneInString(text[j:min(j+4, end)]); entApos(r2) && (j+n2 >= end || text[j+n2] == ' ') {
				// "Dato' Sri": an apostrophe that closes a word belongs to it
				p.t[len(p.t)-1].trail = uint8(n2)
				j += n2
			}
			i = j
			joinNext = false
			if poss == 0 && i < end && text[i] == '-' && i+1 < end {
				r2, _ := utf8.DecodeRuneInString(text[i+1:])
				if entWordRune(r2) {
					joinNext = true
					i++
				}
			}
		default:
			p.push(ptok{start: i, end: i + n, kind: ptPunct, sent: si}, text[i:i+n])
			i += n
			joinNext = false
		}
	}
}

func (p *entParser) addWord(s, e, si int, joined bool) {
	w := p.text[s:e]
	tk := ptok{start: s, end: e, sent: si, joined: joined, kind: ptWord}
	letters, upper, digits := 0, 0, 0
	ascii := true
	for k := 0; k < len(w); k++ {
		switch c := w[k]; {
		case 'a' <= c && c <= 'z':
			letters++
		case 'A' <= c && c <= 'Z':
			letters++
			upper++
		case '0' <= c && c <= '9':
			digits++
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	if ascii {
		// the common case: the word starts with a letter or digit
		// (tokenize), capitalized if that is upper-case, and any
		// apostrophe in it is ASCII
		tk.capital = 'A' <= w[0] && w[0] <= 'Z'
		p.pushWord(tk, w, letters, upper, digits, true, false)
		return
	}
	letters, upper, digits = 0, 0, 0
	first := true
	curly := false // a closing quote for an apostrophe: "Dato’"
	for _, r := range w {
		switch {
		case r == '’':
			curly = true
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
	p.pushWord(tk, w, letters, upper, digits, false, curly)
}

// pushWord appends the word w with the counts of its letters, upper-case
// letters and digits; ascii is set when w is ASCII, curly when it has a
// closing quote for an apostrophe.
func (p *entParser) pushWord(tk ptok, w string, letters, upper, digits int, ascii, curly bool) {
	if letters == 0 && digits > 0 {
		tk.kind = ptNum
	}
	tk.caps = letters >= 2 && upper == letters
	if upper > 0 && ascii {
		// lower-cased into lowBuf, as below, in place
		la := len(p.lowBuf)
		p.lowBuf = append(p.lowBuf, w...)
		for k, c := range p.lowBuf[la:] {
			if 'A' <= c && c <= 'Z' {
				p.lowBuf[la+k] = c + 'a' - 'A'
			}
		}
		tk.la, tk.lb = int32(la), int32(len(p.lowBuf))
		p.push(tk, "")
		return
	}
	if upper > 0 || curly {
		// lower-cased into lowBuf; its entry in p.lows is set from it when
		// the text is tokenized, so that the document costs one
		// allocation, not one per capitalized word
		tk.la = int32(len(p.lowBuf))
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
		tk.lb = int32(len(p.lowBuf))
		p.push(tk, "")
		return
	}
	p.push(tk, w)
}

// lowOf returns token i's lower-case form while the text is tokenized.
func (p *entParser) lowOf(i int) string {
	tk := p.t[i]
	if tk.lb > tk.la {
		return string(p.lowBuf[tk.la:tk.lb])
	}
	return p.lows[i]
}

// isAbbrev reports whether the dot after token i closes an abbreviation:
// an initial ("J."), a title or honorific abbreviation ("Dr.", "Gen.").
func (p *entParser) isAbbrev(i int) bool {
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

// overlay marks the tokens inside country, place and date mentions.
func (p *entParser) overlay() {
	for _, m := range p.d.Mentions {
		if m.Kind != KindCountry && m.Kind != KindPlace && m.Kind != KindDate {
			continue
		}
		if m.Kind == KindCountry {
			p.countries = append(p.countries, m)
		}
		i := sort.Search(len(p.t), func(i int) bool { return p.t[i].end > m.Span.Start })
		for ; i < len(p.t) && p.t[i].start < m.Span.End; i++ {
			if p.t[i].kind == ptBreak {
				continue
			}
			switch m.Kind {
			case KindCountry:
				iso := m.Value
				if iso == "" {
					iso = m.Country
				}
				p.t[i].cty = p.intern(iso)
			case KindPlace:
				pl := m.Country
				if pl == "" {
					pl = "-"
				}
				p.t[i].plc = p.intern(pl)
			case KindDate:
				p.t[i].date = true
			}
		}
	}
	byStart := func(a, b Mention) int { return cmp.Compare(a.Span.Start, b.Span.Start) }
	if !slices.IsSortedFunc(p.countries, byStart) { // they come sorted from Countries
		slices.SortStableFunc(p.countries, byStart)
	}
}

// intern returns the index of code in p.isos.
func (p *entParser) intern(code string) uint16 {
	if i, ok := p.isoIdx[code]; ok {
		return i
	}
	if p.isoIdx == nil {
		p.isoIdx = map[string]uint16{}
	}
	if code == "" {
		return 0
	}
	p.isos = append(p.isos, code)
	p.isoIdx[code] = uint16(len(p.isos) - 1)
	return uint16(len(p.isos) - 1)
}

// ctry returns the ISO3 of the country mention token i lies in, or "".
func (p *entParser) ctry(i int) string {
	if c := p.t[i].cty; c != 0 {
		return p.isos[c]
	}
	return ""
}

// plc returns the country of the place mention token i lies in ("-" when
// the place has none), or "".
func (p *entParser) plc(i int) string {
	if c := p.t[i].plc; c != 0 {
		return p.isos[c]
	}
	return ""
}

// unitEnd returns the index after the hyphen group starting at i.
func (p *entParser) unitEnd(i int) int {
	j := i + 1
	for j < len(p.t) && p.t[j].joined {
		j++
	}
	return j
}

// unitLow returns the lower-case text of the unit [i, j).
func (p *entParser) unitLow(i, j int) string {
	if j == i+1 {
		return p.lows[i]
	}
	return strings.ToLower(p.text[p.t[i].start:p.t[j-1].end])
}

// unitCapital reports whether the unit at i is capitalized in any part
// ("Sang-min", "e-Government").
func (p *entParser) unitCapital(i, j int) bool {
	for k := i; k < j; k++ {
		if p.t[k].capital {
			return true
		}
	}
	return false
}

// spanEnd returns the byte end of token i, with its abbreviation dot.
func (p *entParser) spanEnd(i int) int {
	return p.t[i].end + int(p.t[i].trail)
}

func (p *entParser) textOf(i, j int) string {
	if j <= i {
		return ""
	}
	return p.text[p.t[i].start:p.spanEnd(j-1)]
}

func (p *entParser) same(i, j int) bool {
	return i >= 0 && j < len(p.t) && p.t[i].sent == p.t[j].sent && p.t[j].kind != ptBreak
}

// match returns the longest title or honorific starting at token i. The
// entry is the title table's: callers must not modify it.
func (p *entParser) match(i int) (int, *gazetteer.TitleEntry, bool) {
	if i >= len(p.t) || p.t[i].kind != ptWord {
		return 0, nil, false
	}
	switch n := p.matchN[i]; {
	case n < 0:
		return 0, nil, false
	case n > 0:
		return int(n), p.matchE[i], true
	}
	n, e, ok := p.match1(i)
	if !ok {
		p.matchN[i] = -1
		return 0, nil, false
	}
	p.matchN[i], p.matchE[i] = int8(n), e
	return n, e, true
}

// match1 is match without the cache.
func (p *entParser) match1(i int) (int, *gazetteer.TitleEntry, bool) {
	if !p.is(i, wfOfficeStart|wfHonorificStart) {
		return 0, nil, false // no title starts with the word
	}
	end := i + 8
	if end > len(p.lows) {
		end = len(p.lows)
	}
	n, e := gazetteer.MatchTitleEntry(p.lows[i:end])
	if n == 0 || (e.Caps && !p.t[i].caps) {
		return 0, nil, false
	}
	// An entry must not end inside a hyphen group ("Vice-" of "Vice-Chair"
	// is fine, "Director" of "Director-General" is not).
	if i+n < len(p.t) && p.t[i+n].joined {
		return 0, nil, false
	}
	return n, e, true
}

// matchPostNominal is gazetteer.MatchPostNominal of the words from token
// i to end, asked only when one starts with token i's word.
func (p *entParser) matchPostNominal(i, end int) (int, gazetteer.TitleEntry, bool) {
	if !p.is(i, wfPostNominalStart) {
		return 0, gazetteer.TitleEntry{}, false
	}
	return gazetteer.MatchPostNominal(p.lows[i:end])
}

func (p *entParser) officeAt(i int) (int, *gazetteer.TitleEntry, bool) {
	if i < len(p.t) && !p.t[i].capital {
		return 0, nil, false // not a title in running text: see below
	}
	n, e, ok := p.match(i)
	if !ok || e.Kind != gazetteer.Office {
		return 0, e, false
	}
	// Titles in running text are capitalized ("the minister" is no title
	// of a name); "MP" and the like are matched in capitals.
	if !p.t[i].capital {
		return 0, e, false
	}
	return n, e, true
}

func (p *entParser) honorific(i int) (int, *gazetteer.TitleEntry, bool) {
	n, e, ok := p.match(i)
	if !ok || e.Kind != gazetteer.Honorific {
		return 0, e, false
	}
	if !p.t[i].capital && p.lows[i] != "the" {
		return 0, e, false
	}
	// a one-letter style (Myanmar "U") is no initial: "U Kyaw Zeya Tun",
	// not "U.S."
	if n == 1 && len(p.lows[i]) == 1 && (p.t[i].dot || i+1 >= len(p.t) || !p.t[i+1].capital || p.t[i+1].joined) {
		return 0, e, false
	}
	return n, e, true
}

// ---- lexicon ----

func lexSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// wordFlags are facts about a token's lower-case form: the lexicons it is
// in and its classes in the title tables (gazetteer.ClassOf). The parser
// asks many of them of one token; flagsOf looks them up once per token.
type wordFlags uint32

const (
	wfStop wordFlags = 1 << iota
	wfCalendar
	wfCommon
	wfOrgHead
	wfEvent
	wfParticle
	wfSuffix
	wfSpeechVerb
	wfMeetCue
	wfGapVerb
	wfVenue
	wfPortfolioHead
	wfNameLikeTitle
	wfIntl
	wfGivenName
	wfKnown // the flags of the token are looked up

	wfClassShift = 16 // gazetteer.WordClass bits from here
	wfClasses    = 0xff << wfClassShift
)

// The gazetteer.ClassOf bits of a token.
const (
	wfOfficeStart      = wordFlags(gazetteer.ClassOfficeStart) << wfClassShift
	wfHonorificStart   = wordFlags(gazetteer.ClassHonorificStart) << wfClassShift
	wfPostNominalStart = wordFlags(gazetteer.ClassPostNominalStart) << wfClassShift
	wfTitleModifier    = wordFlags(gazetteer.ClassTitleModifier) << wfClassShift
	wfPortfolio        = wordFlags(gazetteer.ClassPortfolio) << wfClassShift
)

// wordIndex holds the lexicon flags of every word in a lexicon and the
// classes of every word gazetteer.ListedClasses lists, complete (see
// classFlags): one lookup finds a token's flags.
var wordIndex = func() *wordTable {
	m := lexFlags()
	for w, c := range gazetteer.ListedClasses() {
		m[w] |= wordFlags(c) << wfClassShift
	}
	for w, fl := range m {
		m[w] = classFlags(w, fl)
	}
	return newWordTable(m)
}()

// wordTable is a read-only hash table from words to their flags, with
// open addressing, at most a third full: a word is found, or found
// missing, in one or two probes, for less than a map lookup costs.
type wordTable struct {
	slots []wordSlot // a power of two, at most a third full
}

type wordSlot struct {
	w string // "" for an empty slot
	f wordFlags
}

func newWordTable(m map[string]wordFlags) *wordTable {
	n := 1
	for n < 3*len(m) {
		n *= 2
	}
	t := &wordTable{slots: make([]wordSlot, n)}
	for w, f := range m {
		if w == "" {
			continue // no token is empty
		}
		i := wordHash(w) & uint64(n-1)
		for t.slots[i].w != "" {
			i = (i + 1) & uint64(n-1)
		}
		t.slots[i] = wordSlot{w, f}
	}
	return t
}

// lookup returns the flags of w and whether the table has it.
func (t *wordTable) lookup(w string) (wordFlags, bool) {
	mask := uint64(len(t.slots) - 1)
	for i := wordHash(w) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.w == w {
			return s.f, w != ""
		}
		if s.w == "" {
			return 0, false
		}
	}
}

// wordHash hashes w for wordTable, with the runtime's string hash.
func wordHash(w string) uint64 { return maphash.String(wordSeed, w) }

// wordSeed is the seed of wordHash, set once per process.
var wordSeed = maphash.MakeSeed()

// classFlags returns fl, the wordIndex flags of w or 0, with the classes
// that gazetteer.ClassFrom gives w.
func classFlags(w string, fl wordFlags) wordFlags {
	c := gazetteer.ClassFrom(w, gazetteer.WordClass(fl>>wfClassShift))
	return fl&^wfClasses | wordFlags(c)<<wfClassShift
}

// lexFlags returns the lexicon flags of every word in a lexicon.
func lexFlags() map[string]wordFlags {
	m := map[string]wordFlags{}
	for _, l := range []struct {
		set  map[string]bool
		flag wordFlags
	}{
		{lexStop, wfStop}, {lexCalendar, wfCalendar}, {lexCommon, wfCommon}, {lexOrgHeads, wfOrgHead},
		{lexEvents, wfEvent}, {lexParticles, wfParticle}, {lexSuffixes, wfSuffix},
		{lexSpeechVerbs, wfSpeechVerb}, {lexMeetCues, wfMeetCue}, {lexGapVerbs, wfGapVerb},
		{lexVenues, wfVenue}, {lexPortfolioHeads, wfPortfolioHead}, {lexNameLikeTitles, wfNameLikeTitle},
		{lexIntl, wfIntl}, {lexGivenNames, wfGivenName},
	} {
		for w, ok := range l.set {
			if ok {
				m[w] |= l.flag
			}
		}
	}
	return m
}

// is reports whether token i has any of the flags in want.
func (p *entParser) is(i int, want wordFlags) bool { return p.flagsOf(i)&want != 0 }

// flagsOf returns the flags of token i, looked up on first use.
func (p *entParser) flagsOf(i int) wordFlags {
	f := p.flags[i]
	if f == 0 {
		low := p.lows[i]
		var ok bool
		if f, ok = wordIndex.lookup(low); !ok {
			f = classFlags(low, 0)
		}
		f |= wfKnown
		p.flags[i] = f
	}
	return f
}

// lexStop are function words: capitalized, they open a sentence, not a
// name.
var lexStop = lexSet(`the a an this that these those his her their its our my your in on at of
for to from by with and or but as if when while after before during since until upon about over
under into through between among against without within across also meanwhile moreover however
furthermore additionally besides thus therefore then there here both each every all some any many
most more other such no not yes only just even still yet so it he she they we i you who whom which
what where why how according following regarding concerning including via per amid despite toward
towards around near beyond above below up down out off again once today yesterday tomorrow tonight
mr mrs ms dear please thank thanks welcome hello`)

// lexCommon are capitalized words that are not names: the verbs and
// nouns of headlines and labels ("Minister Lee Sang-min Expands ...").
var lexCommon = lexSet(`expands expand visits visit visited meets meet met holds hold held signs
sign signed attends attend attended discusses discuss hosts host hosted calls call urges welcomes
welcome welcomed receives received launches launch opens delivers stresses highlights pledges
reaffirms announces announce leads lead joins join agrees agree emphasizes emphasises promotes
spreads spread shares share strengthens paves congratulates condemns says said speaks travels
arrives departs participates presents unveils inaugurates addresses tours wraps concludes begins
heads returns seeks vows explores boosts bolsters deepens takes makes gives wins ranks talks
chairs reviews outlines proposes supports backs marks celebrates commemorates honours honors
appoints named elected becomes continues completes establishes builds closes ends starts kicks sets
hails lauds praises thanks invites accepts offers provides showcases introduces enhances advances
accelerates underscores affirms reiterates notes cites eyes taps tackles witnesses keynotes
confers pays graces greets bids thanks salutes inspects checks assures vows backs tours discussed stated noted added told explained commented remarked expressed emphasized
underlined underscored will would shall should can could may might must is are was were be been
has have had do does did not press release releases news notices notice date read time day week
month year years home page menu go back top body more view list print share tweet contact
photo photos video gallery caption source sources note notes annex attachment summary background
key achievements achievement countries country visited agenda outcome outcomes results result
opportunities opportunity way ways spread systems system export exports government governments
ministers officials people citizens public joint statement statements remarks speech keynote
opening closing session sessions panel dialogue talks meeting meetings visit visits forum
conference summit ceremony exhibition pavilion index survey report plan project projects program
programme initiative vision strategy policy policies cooperation partnership relations agreement
agreements memorandum understanding mou treaty declaration communique communiqué council
committee group delegation team titlePhrase ministry department agency service services embassy
mission consulate assembly parliament congress senate court bank fund union organization
organisation association federation institute university academy foundation center centre
authority board commission secretariat bureau directorate network alliance platform hall
palace house tower city town village province state region district county island islands
republic kingdom emirates federation nations states international national global regional local digital ai ict it e
first second third fourth fifth new old annual special official officially several various
mainly about around approximately total whole entire every administration`)

// lexOrgHeads end (or open) the name of an organization.
var lexOrgHeads = lexSet(`ministry ministries department agency service services titlePhrase commission
committee council authority bureau institute organization organisation bank fund corporation
association federation secretariat directorate board court parliament assembly senate congress
centre center academy university foundation union partnership alliance police embassy consulate
cabinet`)

// lexEvents after an organization-like phrase make it an event
// ("Cooperation Committee Meeting").
var lexEvents = lexSet(`meeting meetings forum summit conference ceremony exhibition session
roundtable dialogue workshop seminar symposium expo fair festival awards award week day talks
consultation consultations`)

// lexParticles are lower-case (or "Al") parts of a name that link or
// precede its capitalized parts.
var lexParticles = lexSet(`bin bint binti ibn ben van von der den de di da du del della dos das la le
al el y e ter ten zu af av abu ould`)

// lexNameLikeTitles are offices and styles that also occur inside names
// ("Omar Sultan Al Olama").
var lexNameLikeTitles = lexSet(`sultan king prince amir emir sheikh major marshal lord duke regent
chief justice`)

// lexGivenNames are given names that are also a style or office ("Amir
// Hamzah", "Sultan Al Jaber") or a word of another lexicon ("Per
// Karlsson", "Will Quince", "An Duk-geun", "Do Hung Viet", "Jan
// Lipavsky", a month's abbreviation): right after a title, and before
// a unit that can be a name's ("Jan Lipavsky", not "Jan 12"), they may
// open a name (see chain).
var lexGivenNames = lexSet(`amir emir sultan per will an do said jan`)

// months and weekdays are not names even when no date mention covers them.
var lexCalendar = lexSet(`january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
thursday friday saturday sunday`)

// lexMeetCues before a person in a sentence make the person the one met.
var lexMeetCues = lexSet(`with met meets meet received receives welcomed welcomes`)

// lexSpeechVerbs next to a bare name make it a person.
var lexSpeechVerbs = lexSet(`said says stated noted added told explained commented remarked stressed
emphasized emphasised underlined`)

// lexGapVerbs between a title and a later name mean a new clause.
var lexGapVerbs = lexSet(`is are was were be been has have had will would shall should can could
may might must do does did said says met meets visited visits who which that whom whose where
when while as because said`)

// lexSuffixes are generational suffixes that end a name.
var lexSuffixes = lexSet(`jr sr ii iii iv`)

// ---- offices ----

// titlePhrase is a title phrase in the text: pre-modifiers (country words,
// portfolio words, modifiers), one or more offices, and the portfolio or
// body after a preposition.
type titlePhrase struct {
	start, end int // tokens
	headEnd    int // end of the pre-modifiers and offices, before the portfolio
	countries  []string
	places     []string
}

// isPortfolioUnit reports whether the unit [i, j) is a portfolio or body
// word ("Interior", "Indo-Pacific", "Agency").
func (p *entParser) isPortfolioUnit(i, j int) bool {
	if j == i+1 {
		return p.is(i, wfPortfolio|wfOrgHead)
	}
	return gazetteer.IsPortfolioWord(p.unitLow(i, j))
}

// parseOffice parses an office phrase starting at token i: "Minister",
// "Saudi Arabia's Interior Minister", "Czech Deputy Minister of the
// Interior", "State Secretary at the Romanian Ministry of ...", "Deputy
// Prime Minister and Foreign Minister".
func (p *entParser) parseOffice(i int) (titlePhrase, bool) {
	o := titlePhrase{start: i}
	last := -1
	dest := false // an envoy's office goes on with its destination
	j := i
	for j < len(p.t) && j-i < 12 && p.same(i, j) {
		tk := &p.t[j]
		if tk.kind != ptWord {
			if p.lows[j] == "'s" && j > i && p.ctry(j-1) != "" {
				j++
				continue
			}
			if p.lows[j] == "&" && j > i {
				j++
				continue
			}
			break
		}
		if n, e, ok := p.officeAt(j); ok {
			if last == j && p.styleIsGivenName(i, j) {
				break // "Vice Minister Amir Hamzah"
			}
			j += n
			last = j
			dest = e.Rank == gazetteer.RankAmbassador
			continue
		}
		if !tk.capital {
			break
		}
		if _, _, ok := p.honorific(j); ok {
			break
		}
		u := p.unitEnd(j)
		if p.ctry(j) != "" || p.is(j, wfTitleModifier) || p.isPortfolioUnit(j, u) || tk.caps && u == j+1 {
			j = u
			continue
		}
		break
	}
	if last < 0 {
		return o, false
	}
	o.headEnd, o.end = last, last
	if c := p.parseComplement(last, dest); c > last {
		o.end = c
	}
	// "Deputy Prime Minister and Foreign Minister Bui Thanh Son",
	// "Minister of State, Minister of Foreign Affairs of Côte d'Ivoire"
	if o.end < len(p.t) && (p.lows[o.end] == "and" || p.lows[o.end] == "&" || p.lows[o.end] == ",") && p.same(i, o.end+1) {
		if _, _, ok := p.officeAt(o.end + 1); ok {
			if o2, ok := p.parseOffice(o.end + 1); ok {
				o.end = o2.end
				if o2.headEnd == o2.end {
					o.headEnd = o2.end
				}
			}
		}
	}
	p.officeCountries(&o)
	return o, true
}

// officeCountries collects the countries an office names: in its
// pre-modifiers ("Saudi Arabia's", "Czech") and its portfolio ("of
// Indonesia", "at the Romanian Ministry"), but not a destination ("to
// Italy", "Envoy for Afghanistan").
func (p *entParser) officeCountries(o *titlePhrase) {
	for k := o.start; k < o.end; k++ {
		tk := &p.t[k]
		if p.ctry(k) == "" && (p.plc(k) == "" || p.plc(k) == "-") {
			continue
		}
		if k > o.start && (p.t[k-1].cty == tk.cty && tk.cty != 0 || p.t[k-1].plc == tk.plc && tk.plc != 0) {
			continue // same mention
		}
		b := k - 1
		for b > o.start && p.lows[b] == "the" {
			b--
		}
		if b >= o.start && (p.lows[b] == "to" || p.lows[b] == "for") {
			continue
		}
		if p.ctry(k) != "" {
			o.countries = append(o.countries, p.ctry(k))
		} else {
			o.places = append(o.places, p.plc(k))
		}
	}
}

// parseComplement parses the portfolio or body after an office, starting
// at the preposition at token k ("of the Interior and Safety", "for the
// Indo-Pacific", "at the Romanian Ministry of Communications and
// Information Society"). It returns the end of the complement, or k when
// there is none. It stops before a name: the first capitalized word that
// is not a portfolio word, a country or place, nor the word after "the".
func (p *entParser) parseComplement(k int, dest bool) int {
	if k >= len(p.t) || !p.same(k-1, k) {
		return k
	}
	switch p.lows[k] {
	case "of", "for", "at", "to", "in", "on":
	default:
		return k
	}
	end := k // end of the last accepted content word
	afterThe := false
	afterConn := false // the last token was a preposition, "the" or "and"
	j := k
	for j < len(p.t) && p.same(k, j) && j-k < 24 {
		tk := &p.t[j]
		switch p.lows[j] {
		case "to", "in", "at", "on":
			// a destination or venue after the portfolio: "of the
			// Interior and Safety to Greece"; but an envoy's title goes on:
			// "Ambassador of Korea to the Kingdom of Saudi Arabia"
			if j > k && !dest {
				return end
			}
			afterThe, afterConn = false, true
			j++
			continue
		case "of", "for", "the", "and", "&":
			if p.lows[j] == "and" || p.lows[j] == "&" {
				// "and the Minister of ..." or "and host of": another phrase.
				nx := j + 1
				if nx < len(p.t) && p.lows[nx] == "the" {
					return end
				}
				if nx >= len(p.t) || !p.same(j, nx) || !p.unitCapital(nx, p.unitEnd(nx)) {
					return end
				}
				if _, _, ok := p.officeAt(nx); ok {
					return end
				}
			}
			afterThe = p.lows[j] == "the"
			afterConn = true
			j++
			continue
		case ",":
			// a list of portfolios: "Digital Policy, Telecommunications and Media"
			nx := j + 1
			if nx < len(p.t) && p.same(j, nx) && p.t[nx].kind == ptWord && p.t[nx].capital &&
				p.isPortfolioUnit(nx, p.unitEnd(nx)) && end > k {
				j++
				continue
			}
			return end
		case "'s":
			if j > 0 && p.ctry(j-1) != "" {
				j++
				continue
			}
			return end
		}
		if tk.kind != ptWord {
			return end
		}
		u := p.unitEnd(j)
		if tk.cty != 0 && j > k && p.t[j-1].cty == tk.cty {
			// the rest of a country's name: "Côte d'Ivoire"
			j, end = u, u
			continue
		}
		if !p.unitCapital(j, u) {
			return end
		}
		if _, _, ok := p.honorific(j); ok {
			return end
		}
		if n, _, ok := p.officeAt(j); ok && afterConn {
			// an office as the portfolio of another: "Special Envoy of the
			// Prime Minister", "Adviser to the President"
			j, end, afterThe, afterConn = j+n, j+n, false, false
			continue
		}
		switch {
		case (tk.cty != 0 || tk.plc != 0) && (afterConn || j > 0 && (p.t[j-1].cty == tk.cty && tk.cty != 0 || p.t[j-1].plc == tk.plc && tk.plc != 0)):
			// "of Indonesia", "of the Republic of Korea", "at the Romanian
			// Ministry", "in Busan"; but "Affairs Rosario G. Manansala"
			// is a name
		case afterThe:
		case p.isPortfolioUnit(j, u):
		case tk.caps && u == j+1:
			// an acronym ("of KOTRA", "of the UN"), unless it follows the
			// portfolio: a family name in capitals before a given name
			// ("Minister for Foreign Affairs KAMIKAWA Yoko")
			if end > k && u < len(p.t) && p.same(j, u) && p.t[u].kind == ptWord && p.t[u].capital && !p.t[u].caps &&
				!p.isPortfolioUnit(u, p.unitEnd(u)) {
				return end
			}
		default:
			// a word the lists lack, inside a portfolio that a head
			// word closes: "for Migrant Affairs", "of Export Promotion"
			if q := p.portfolioHeadAhead(j); q > j {
				j, end, afterThe, afterConn = q, q, false, false
				continue
			}
			return end
		}
		afterThe, afterConn = false, false
		j = u
		end = u
	}
	return end
}

// lexPortfolioHeads close the name of a portfolio: "Migrant Affairs",
// "Export Growth", "Bureaucratic Reform".
var lexPortfolioHeads = lexSet(`affairs relations cooperation development policy policies services
resources industry industries trade security safety integration investment planning reform reforms
welfare transport infrastructure communications technology innovation administration finance economy
education health defence defense justice environment energy agriculture tourism culture labour labor
growth promotion management affairs protection empowerment governance`)

// portfolioHeadAhead looks ahead of the unknown capitalized word at j for
// a portfolio head word or the head of a body within two more words
// ("Information System Authority"); it returns the index after that head,
// or j.
func (p *entParser) portfolioHeadAhead(j int) int {
	k := p.unitEnd(j)
	for n := 0; n < 2 && k < len(p.t) && p.same(j, k); n++ {
		tk := &p.t[k]
		if tk.kind != ptWord || !tk.capital {
			return j
		}
		if _, _, ok := p.honorific(k); ok {
			return j
		}
		u := p.unitEnd(k)
		if u == k+1 && p.is(k, wfPortfolioHead|wfOrgHead) {
			return u
		}
		k = u
	}
	return j
}

// ---- names ----

// headline reports whether sentence s is set in title case (most words
// capitalized), where capitalized words need not be names.
func (p *entParser) headline(i int) bool {
	s := p.t[i].sent
	for len(p.headlines) <= s {
		p.headlines = append(p.headlines, 0)
	}
	if p.headlines[s] != 0 {
		return p.headlines[s] == 1
	}
	a := i
	for a > 0 && p.t[a-1].sent == s {
		a--
	}
	// a headline has no full stop (tested first: most sentences end
	// with one)
	last := a
	for k := a; k < len(p.t) && p.t[k].sent == s; k++ {
		if p.t[k].kind != ptBreak {
			last = k
		}
	}
	h := false
	if p.lows[last] != "." {
		words, caps := 0, 0
		for k := a; k < len(p.t) && p.t[k].sent == s; k++ {
			tk := &p.t[k]
			if tk.kind != ptWord || tk.joined || p.is(k, wfStop) {
				continue
			}
			words++
			if tk.capital {
				caps++
			}
		}
		h = words >= 5 && caps*10 >= words*8
	}
	p.headlines[s] = 2
	if h {
		p.headlines[s] = 1
	}
	return h
}

// nameUnit reports whether the unit [i, j) can be part of a name; first
// is set for the first unit.
func (p *entParser) nameUnit(i, j int, first, anchored bool) bool {
	tk := &p.t[i]
	if tk.kind != ptWord || tk.date {
		return false
	}
	if !p.t[i].capital && !tk.caps {
		return false
	}
	if tk.dot && j == i+1 && utf8.RuneCountInString(p.lows[i]) == 1 {
		return true // an initial: "Enrique A. Manalo", "S. Jaishankar"
	}
	var lf wordFlags // the lexicons of the unit
	if j > i+1 {
		lf, _ = wordIndex.lookup(p.unitLow(i, j))
	} else {
		lf = p.flagsOf(i)
	}
	if lf&(wfStop|wfCalendar|wfCommon|wfOrgHead|wfEvent) != 0 {
		return false
	}
	if tk.cty != 0 {
		// "bin Saud", "Al Saud": a country word after a particle is a name
		if first || !p.is(i-1, wfParticle) {
			return false
		}
	}
	if tk.plc != 0 && !anchored {
		return false
	}
	if n, e, ok := p.match(i); ok {
		if e.Kind != gazetteer.Honorific || first {
			if !(lf&wfNameLikeTitle != 0 && !first && n == 1) {
				return false
			}
		}
	}
	if _, _, ok := p.matchPostNominal(i, j); ok && tk.caps {
		return false
	}
	if first && p.isPortfolioUnit(i, j) && !tk.caps {
		return false
	}
	return true
}

// parseName parses a name starting at token i and returns the token after
// it and the number of its capitalized units. anchored is set when a
// title or honorific stands before it.
func (p *entParser) parseName(i int, anchored bool) (end, units int) {
	return p.parseNameFrom(i, anchored, false)
}

// parseNameFrom is parseName; with lead set, the first unit is taken as a
// name's without the lexicon checks of nameUnit (the caller has judged it
// a given name: see givenNameAt).
func (p *entParser) parseNameFrom(i int, anchored, lead bool) (end, units int) {
	if i >= len(p.t) || p.t[i].kind != ptWord {
		return i, 0
	}
	u := p.unitEnd(i)
	if !lead && !p.nameUnit(i, u, true, anchored) {
		return i, 0
	}
	// a lone acronym is no name ("MOIS said")
	end, units = u, 1
	maxUnits := 8
	if p.headline(i) {
		maxUnits = 4
	}
	j := u
	for j < len(p.t) && p.same(i, j) && units < maxUnits {
		tk := &p.t[j]
		if tk.kind != ptWord {
			break
		}
		if p.is(j, wfParticle) && !tk.capital {
			// a particle must be followed by a capitalized part
			k := j + 1
			for k < len(p.t) && p.is(k, wfParticle) && !p.t[k].capital {
				k++
			}
			if k < len(p.t) && p.same(j, k) && p.t[k].kind == ptWord && p.t[k].capital {
				j = k
				continue
			}
			break
		}
		if p.is(j, wfSuffix) && tk.capital {
			end = j + 1
			break
		}
		v := p.unitEnd(j)
		if !p.nameUnit(j, v, false, anchored) {
			break
		}
		j = v
		end = v
		units++
	}
	// trailing "Al" without a family name after it
	for end > i+1 && (p.lows[end-1] == "al" || p.lows[end-1] == "el") {
		end--
		units--
	}
	// An initial alone, or a name made only of capitals, is no name: an
	// acronym ("MOIS") or a heading.
	allCaps := true
	for k := i; k < end; k++ {
		if p.t[k].kind == ptWord && !p.t[k].caps && !(len(p.lows[k]) == 1 && p.t[k].dot) {
			allCaps = false
		}
	}
	if allCaps {
		return i, 0
	}
	if units == 1 && utf8.RuneCountInString(p.lows[i]) == 1 {
		return i, 0
	}
	// "Ma. Theresa Lazaro": a short abbreviated given name that the
	// sentence splitter took for a sentence end
	if units == 1 && end == i+1 && len(p.lows[i]) <= 2 && p.t[i].end < len(p.text) && p.text[p.t[i].end] == '.' {
		return i, 0
	}
	return end, units
}

// placeThenName parses "of <Place> <Name>" at token j, after the office
// of tokens [s, j) that parseComplement gave no complement because the
// place is unknown
// ("Mayor of Aalborg Henrik Dahl", "Governor of Jakarta Anies Baswedan",
// "Minister of Ecology Petr Novak"), not a head of state's or a chair's
// ("President of Samsung Lee Jae-yong" names a body). With no list to
// tell where the place ends, it takes only a run of exactly three
// capitalized units that can be a name's: one for the place, two for the
// name. It returns the
// end of the place, and the name's end and units (0 when there is none).
// A place of one unit before a comma ("the Mayor of Aalborg, Henrik
// Dahl,") is returned with no name.
func (p *entParser) placeThenName(s, j int) (pe, end, units int) {
	k := j + 1
	if j >= len(p.t) || p.lows[j] != "of" || k >= len(p.t) || !p.same(j, k) || p.t[k].kind != ptWord || p.t[k].caps {
		return j, j, 0
	}
	switch r, _ := gazetteer.Title(p.textOf(s, j)); r {
	case "", gazetteer.RankHeadOfState, gazetteer.RankChair:
		// "President of Samsung Lee Jae-yong": a body, not a place, and
		// no head of state
		return j, j, 0
	}
	pe = p.unitEnd(k)
	if !p.nameUnit(k, pe, true, true) || p.headline(k) {
		return j, j, 0
	}
	if pe < len(p.t) && p.lows[pe] == "," && p.same(k, pe) {
		return pe, pe, 0
	}
	if _, _, ok := p.match(pe); ok {
		return j, j, 0 // "of Aalborg Municipality", "of X Mr Y": not this shape
	}
	end, units = p.parseName(pe, true)
	if units != 2 || end < len(p.t) && p.same(k, end) && p.t[end].kind == ptWord && p.t[end].capital {
		return j, j, 0
	}
	return pe, end, units
}

// givenNameAt reports whether token j, right after a title, opens a name
// though nameUnit refuses it: a given name of lexGivenNames ("Amir",
// "Per", "Will"), capitalized, not in a headline ("Prime Minister Will
// Attend"), followed by a capitalized unit that can be a name's ("Per
// Karlsson", not "Will Attend" nor "May Visit"). A style stays one when a
// monarch's office stands before it: see styleIsGivenName.
func (p *entParser) givenNameAt(j int) bool {
	return p.givenShape(j) && !p.headline(j)
}

// givenShape is givenNameAt in a headline too.
func (p *entParser) givenShape(j int) bool {
	if j+1 >= len(p.t) || !p.same(j, j+1) || p.t[j].kind != ptWord || !p.t[j].capital || p.t[j].caps ||
		p.t[j+1].joined || !p.is(j, wfGivenName) {
		return false
	}
	if p.is(j+1, wfParticle) && !p.t[j+1].capital {
		return true // "Amir bin Abdul Aziz": parseNameFrom wants a capitalized part after it
	}
	return p.nameUnit(j+1, p.unitEnd(j+1), false, true)
}

// styleIsGivenName reports whether the one-word office at token j ("Amir",
// "Emir", "Sultan"), right after the office of tokens [s, j) (s < 0: after
// honorifics that are no royal style, "H.E.", "Dr."), is the given name of
// the person the titles name: "Vice Minister of Justice Amir Hamzah",
// "Minister of Industry Sultan Al Jaber", "H.E. Sultan Al Jaber". After a
// head of state's office ("Yang di-Pertuan Agong Sultan Ibrahim"), with a
// complement ("Emir of Qatar") or before a one-word name ("Sultan
// Ibrahim") it is a style or an office.
func (p *entParser) styleIsGivenName(s, j int) bool {
	if !p.is(j, wfGivenName) || !p.is(j, wfOfficeStart) || p.t[j].joined || j+1 < len(p.t) && p.t[j+1].joined {
		return false
	}
	if n, _, ok := p.officeAt(j); !ok || n != 1 || !p.givenShape(j) {
		return false
	}
	if s >= 0 {
		if r, _ := gazetteer.Title(p.textOf(s, j)); r == gazetteer.RankHeadOfState {
			return false
		}
	}
	_, units := p.parseNameFrom(j, true, true)
	return units >= 2
}

// givenNameAfter parses a name at token j, right after the office of
// tokens [s, j), that opens with a given name nameUnit refuses ("Amir
// Hamzah", "Per Karlsson"): see styleIsGivenName and givenNameAt. It
// returns j and 0 when there is none.
func (p *entParser) givenNameAfter(s, j int) (end, units int) {
	if j >= len(p.t) || !p.is(j, wfGivenName) {
		return j, 0
	}
	if p.is(j, wfOfficeStart) && !p.styleIsGivenName(s, j) || !p.is(j, wfOfficeStart) && !p.givenNameAt(j) {
		return j, 0
	}
	if end, units = p.parseNameFrom(j, true, true); units < 2 {
		return j, 0
	}
	return end, units
}

// royal reports whether any of the honorifics hs is a royal style ("His
// Highness", "Sheikh").
func royal(hs []*gazetteer.TitleEntry) bool {
	for _, h := range hs {
		if h.Rank == gazetteer.RankRoyal {
			return true
		}
	}
	return false
}

// ---- pass 1: anchored names ----

// personCand is one office, honorific or post-nominal attached to a name.
type personCand struct {
	title     string
	rank      string // gazetteer rank, "" for none
	isOffice  bool
	countries []string
	places    []string
	org       string
	hasComp   bool
	intl      bool // the office is in an international body: no country
	body      bool // the title names a body by its acronym: a President of it is its chair
}

type personEvidence uint8

const (
	evNone    personEvidence = iota
	evContext                // met, or a local office: the country of the context
	evHome                   // the publisher's own official by position
)

// rawPerson is one name occurrence found in pass 1.
type rawPerson struct {
	start, end int // tokens of the name
	value      string
	cands      []personCand
	anchored   bool // a title or honorific stands before the name
	ev         personEvidence
	context    string // the context country, for evContext
	optional   string // rank given by a rule with no title ("Administration")
	companion  int    // the raw person this one accompanies ("accompanied by"), or -1
}

// pass1 finds anchored names.
func (p *entParser) pass1() {
	for i := 0; i < len(p.t); {
		tk := &p.t[i]
		if tk.kind != ptWord || p.taken[i] || (!tk.capital && p.lows[i] != "the") {
			i++
			continue
		}
		if next, ok := p.chain(i); ok {
			i = next
			continue
		}
		if next, ok := p.bareName(i); ok {
			i = next
			continue
		}
		i++
	}
}

// chain parses titles and honorifics before a name at i: "Minister",
// "Minister of the Interior and Safety", "H.E. Mr.", "His Highness
// Sheikh", "Senator the Hon", "Minister for Foreign Affairs Dr", then the
// name and what follows it.
func (p *entParser) chain(i int) (int, bool) {
	var offsBuf [2]titlePhrase // room for the usual one or two, on the stack
	var honsBuf [2]*gazetteer.TitleEntry
	offs, hons := offsBuf[:0], honsBuf[:0]
	var lead []string // countries before honorifics: "Saudi Crown Prince"
	given := false    // the offices end before a style that is the name's given name
	j := i
	for j < len(p.t) && p.same(i, j) {
		if o, ok := p.parseOffice(j); ok && (j > i || p.t[j].capital) {
			if len(offs) > 0 && o.start == offs[len(offs)-1].end && p.styleIsGivenName(offs[len(offs)-1].start, j) ||
				len(offs) == 0 && len(hons) > 0 && !royal(hons) && p.styleIsGivenName(-1, j) {
				given = true // "Vice Minister of Justice Amir Hamzah", "H.E. Sultan Al Jaber"
				break
			}
			offs = append(offs, o)
			j = o.end
			continue
		}
		if n, e, ok := p.honorific(j); ok {
			hons = append(hons, e)
			j += n
			continue
		}
		if c := p.ctry(j); c != "" && len(offs) == 0 {
			k := j + 1
			for k < len(p.t) && p.ctry(k) == c && !p.t[k].joined {
				k++
			}
			if k < len(p.t) && p.lows[k] == "'s" {
				k++
			}
			if _, _, ok := p.honorific(k); ok && p.same(j, k) {
				lead = append(lead, c)
				j = k
				continue
			}
		}
		if (len(offs) > 0 || len(hons) > 0) && p.lows[j] == "and" && j+1 < len(p.t) {
			if _, _, ok := p.officeAt(j + 1); ok && p.same(j, j+1) {
				j++
				continue
			}
		}
		break
	}
	if len(offs) == 0 && len(hons) == 0 {
		return i, false
	}
	end, units := p.parseName(j, true)
	if units == 0 && (given || j < len(p.t) && !p.is(j, wfOfficeStart) && p.givenNameAt(j)) {
		end, units = p.parseNameFrom(j, true, true)
		if units < 2 {
			end, units = j, 0
		}
	}
	if units == 0 && len(offs) > 0 && offs[len(offs)-1].end == j {
		// "Mayor of Aalborg Henrik Dahl": a place the gazetteer lacks
		if o := &offs[len(offs)-1]; o.end == o.headEnd {
			if pe, ne, nu := p.placeThenName(o.start, j); nu > 0 || pe > j {
				// or "the Mayor of Aalborg, Henrik Dahl,": the name follows
				// at a distance (delayedName)
				o.end, o.countries, o.places = pe, nil, nil
				p.officeCountries(o)
				j, end, units = pe, ne, nu
			}
		}
	}
	if units == 0 {
		// The title stands alone. A name may follow at a short distance:
		// "the Minister of X and host of Y, Abdullah Alswaha,".
		if len(offs) > 0 {
			if s, e, more, ok := p.delayedName(j); ok {
				rp := p.newRaw(s, e)
				rp.cands = make([]personCand, 0, len(offs)+len(more)+1)
				for _, o := range append(offs, more...) {
					rp.cands = append(rp.cands, p.officeCand(o, -1, -1))
				}
				p.mark(i, s)
				p.add(rp, i)
				return p.after(&p.raw[len(p.raw)-1], e), true
			}
		}
		if j > i {
			p.mark(i, j)
			return j, true
		}
		return i, false
	}
	if !p.headline(j) && p.venueAfter(end) {
		// "King Abdulaziz International Conference Center", "Mahatma
		// Gandhi Institute": a name inside an institution's name
		p.mark(i, end)
		return end, true
	}
	rp := p.newRaw(j, end)
	rp.anchored = true
	rp.cands = make([]personCand, 0, len(offs)+len(hons)+1) // and one in apposition
	postComp := -1
	pcEnd := -1
	if end < len(p.t) && p.lows[end] == "of" && len(offs) > 0 && offs[len(offs)-1].end == offs[len(offs)-1].headEnd {
		last := offs[len(offs)-1]
		r, _ := gazetteer.Title(p.textOf(last.start, last.end))
		if c := p.parseComplement(end, r == gazetteer.RankAmbassador); c > end+1 {
			postComp, pcEnd = end, c
		}
	}
	for k, o := range offs {
		if k == len(offs)-1 && postComp >= 0 {
			rp.cands = append(rp.cands, p.officeCand(o, postComp, pcEnd))
		} else {
			rp.cands = append(rp.cands, p.officeCand(o, -1, -1))
		}
	}
	if len(lead) > 0 {
		for k := range rp.cands {
			if len(rp.cands[k].countries) == 0 {
				rp.cands[k].countries = lead
			}
		}
		if len(rp.cands) == 0 {
			rp.cands = append(rp.cands, personCand{countries: lead})
		}
	}
	if org := p.parenOrg(i); org != "" {
		for k := range rp.cands {
			if rp.cands[k].org == "" {
				rp.cands[k].org = org
			}
		}
	}
	for _, h := range hons {
		rp.cands = append(rp.cands, personCand{rank: h.Rank})
	}
	p.mark(i, j)
	idx := p.add(rp, i)
	e := end
	if pcEnd > 0 {
		p.mark(end, pcEnd)
		e = pcEnd
	}
	return p.after(&p.raw[idx], e), true
}

// parenOrg returns the organization whose head an official at token a
// is, when the text says so in brackets: "Ministry of the Interior and
// Safety (MOIS, Minister Chin Young)", "Ministry of X (Minister Kim)".
func (p *entParser) parenOrg(a int) string {
	k := a - 1
	if k >= 0 && p.lows[k] == "," {
		for _, g := range p.orgs {
			if g.end == k && g.acronym && g.start > 0 && p.lows[g.start-1] == "(" {
				return g.value
			}
		}
		return ""
	}
	if k >= 0 && p.lows[k] == "(" {
		for _, g := range p.orgs {
			if g.end == k {
				return g.value
			}
		}
	}
	return ""
}

// after reads what follows a name ending at token e: post-nominals ("MP")
// and an office in apposition (", Minister for Foreign Affairs"), adds
// them to rp and returns the token after them.
func (p *entParser) after(rp *rawPerson, e int) int {
	for e < len(p.t) && p.same(e-1, e) {
		if n, pe, ok := p.matchPostNominal(e, min(e+3, len(p.lows))); ok && (!pe.Caps || p.t[e].caps) {
			if pe.Rank != "" {
				rp.cands = append(rp.cands, personCand{title: p.textOf(e, e+n), rank: pe.Rank, isOffice: true})
			}
			p.mark(e, e+n)
			e += n
			continue
		}
		break
	}
	if o, ok := p.apposition(e); ok {
		rp.cands = append(rp.cands, p.officeCand(o, -1, -1))
		p.mark(e, o.end)
		return o.end
	}
	return e
}

// apposition parses ", [the] OFFICE" at token e.
func (p *entParser) apposition(e int) (titlePhrase, bool) {
	if e >= len(p.t) || p.lows[e] != "," || !p.same(e-1, e) {
		return titlePhrase{}, false
	}
	k := e + 1
	for k < len(p.t) && (p.lows[k] == "the" || p.lows[k] == "a") && p.same(e, k) {
		k++
	}
	if k >= len(p.t) || !p.same(e, k) || !p.t[k].capital {
		return titlePhrase{}, false
	}
	o, ok := p.parseOffice(k)
	if !ok {
		return o, false
	}
	// ", Minister Khammanh Sounvileuth of ...": the next person's title
	if _, _, ok := p.honorific(o.end); ok {
		return o, false
	}
	ne, units := p.parseName(o.end, true)
	if units == 0 {
		// ", Minister of Trade An Duk-geun", ", Vice Minister of Justice Amir Hamzah"
		ne, units = p.givenNameAfter(o.start, o.end)
	}
	if units > 1 || units == 1 && !p.clauseEnd(ne) {
		return o, false
	}
	return o, true
}

// lexVenues end the names of places and institutions named after people.
var lexVenues = lexSet(`center centre hall airport university college school institute foundation
stadium street avenue road boulevard bridge park prize award mosque palace museum library hospital
port conference convention complex tower square memorial city district fund scholarship chair`)

// venueAfter reports whether capitalized words at token e go on to a
// venue or institution word within three words (not in a headline, where
// every word is capitalized).
func (p *entParser) venueAfter(e int) bool {
	for k := e; k < e+4 && k < len(p.t) && p.same(e-1, k); k++ {
		tk := &p.t[k]
		if tk.kind != ptWord || !tk.capital {
			return false
		}
		if p.is(k, wfVenue) {
			return true
		}
	}
	return false
}

// clauseEnd reports whether token i ends a clause: punctuation, "and",
// the end of the sentence.
func (p *entParser) clauseEnd(i int) bool {
	if i >= len(p.t) || !p.same(i-1, i) {
		return true
	}
	switch p.lows[i] {
	case ",", ".", ";", ":", ")", "and", "(":
		return true
	}
	return false
}

// delayedName finds ", Name" after a title that has no name of its own,
// within a few words: "the Saudi Arabian Minister of ... and host of LEAP
// 2024, Abdullah Alswaha, and ...". The words between must not hold a
// verb or another title; the name, after any honorifics and offices of
// its own (", the Hon Sophie Tremblay-Lavoie", ", Ambassador Alejandra
// Ruiz-Tagle Vial"), must be two units or more (one after an honorific)
// and be followed, after any post-nominals, by a comma, "and", a bracket
// or the end of the sentence. It returns the name and the offices before
// it.
func (p *entParser) delayedName(j int) (s, e int, offs []titlePhrase, ok bool) {
	for k := j; k < len(p.t) && k-j < 12 && p.same(j, k); k++ {
		tk := &p.t[k]
		if p.lows[k] == "," {
			// ", the Hon Sophie Tremblay-Lavoie", ", Ambassador Alejandra Ruiz-Tagle Vial"
			s = k + 1
			for s < len(p.t) && p.same(k, s) {
				if n, _, ok := p.honorific(s); ok {
					s += n
					continue
				}
				if o, ok := p.parseOffice(s); ok && p.t[s].capital {
					offs = append(offs, o)
					s = o.end
					continue
				}
				break
			}
			e, units := p.parseName(s, s > k+1)
			if units < 2 && !(s > k+1 && units == 1) {
				return 0, 0, nil, false
			}
			f := e
			for f < len(p.t) && p.same(e-1, f) {
				n, pe, ok := p.matchPostNominal(f, min(f+3, len(p.lows)))
				if !ok || pe.Caps && !p.t[f].caps {
					break
				}
				f += n
			}
			if f < len(p.t) && p.same(s, f) {
				switch p.lows[f] {
				case ",", "and", "(", ")", ".", ";":
				default:
					return 0, 0, nil, false
				}
			}
			return s, e, offs, true
		}
		if tk.kind == ptPunct && p.lows[k] != "&" && p.lows[k] != "-" {
			return 0, 0, nil, false
		}
		if tk.kind == ptWord && !tk.capital && (p.is(k, wfGapVerb) || strings.HasSuffix(p.lows[k], "ed")) {
			return 0, 0, nil, false
		}
		if _, _, ok := p.match(k); ok && tk.capital {
			return 0, 0, nil, false
		}
	}
	return 0, 0, nil, false
}

// bareName tries the rules for names without a title before them: an
// office in apposition, a speech verb, an "Administration".
func (p *entParser) bareName(i int) (int, bool) {
	if i > 0 && p.same(i-1, i) && p.t[i-1].kind == ptWord && p.t[i-1].capital && !p.is(i-1, wfStop) {
		return i, false // inside a capitalized run: not a name's start
	}
	end, units := p.parseName(i, false)
	if units == 0 {
		return i, false
	}
	if units >= 2 {
		if o, ok := p.apposition(end); ok {
			rp := p.newRaw(i, end)
			rp.cands = append(rp.cands, p.officeCand(o, -1, -1))
			p.add(rp, -1)
			p.mark(end, o.end)
			return o.end, true
		}
		if end < len(p.t) && p.same(i, end) && p.is(end, wfSpeechVerb) ||
			i > 0 && p.same(i-1, i) && p.is(i-1, wfSpeechVerb) {
			p.add(p.newRaw(i, end), -1)
			return end, true
		}
	}
	// "the Moon Jae-in Administration": a president's name
	if end < len(p.t) && p.same(i, end) && p.lows[end] == "administration" && (units >= 2 || p.unitEnd(i) > i+1) {
		rp := p.newRaw(i, end)
		rp.optional = gazetteer.RankHeadOfState
		rp.ev = evHome
		p.add(rp, -1)
		return end, true
	}
	return i, false
}

func (p *entParser) newRaw(s, e int) rawPerson {
	return rawPerson{start: s, end: e, value: p.canonical(s, e), companion: -1}
}

// add records rp, found with its anchor starting at token a (or -1), and
// returns its index.
func (p *entParser) add(rp rawPerson, a int) int {
	if a < 0 {
		a = rp.start
	}
	p.mark(rp.start, rp.end)
	if rp.ev == evNone {
		rp.ev, rp.context = p.evidenceAt(a, &rp)
	}
	if rp.ev == evNone {
		rp.companion = p.companionOf(a)
	}
	p.raw = append(p.raw, rp)
	return len(p.raw) - 1
}

func (p *entParser) mark(s, e int) {
	for k := s; k < e && k < len(p.taken); k++ {
		p.taken[k] = true
	}
}

// officeCand makes a candidate of office o, with the portfolio that
// follows the name ("Vice Minister Shim Bo-kyun of the Interior and
// Safety") when ps >= 0.
func (p *entParser) officeCand(o titlePhrase, ps, pe int) personCand {
	title := p.textOf(o.start, o.end)
	c := personCand{isOffice: true, countries: o.countries, places: o.places, hasComp: o.end > o.headEnd}
	if ps >= 0 {
		title += " " + p.textOf(ps, pe)
		extra := titlePhrase{start: ps, end: pe, headEnd: ps}
		p.officeCountries(&extra)
		c.countries = append(append([]string{}, c.countries...), extra.countries...)
		c.places = append(append([]string{}, c.places...), extra.places...)
		c.hasComp = true
	}
	c.title = title
	c.rank, _ = gazetteer.Title(title)
	c.body = p.namesBody(o.start, o.end)
	if c.rank == gazetteer.RankHeadOfState && c.body {
		c.rank = gazetteer.RankChair // "President of KOTRA"
	}
	c.org = p.officeOrg(o, ps, pe)
	c.intl = p.international(o.start, o.end)
	return c
}

// namesBody reports whether tokens [s, e) name a body by its acronym
// ("KOTRA", "KISA"): an all-capitals word that is no country.
func (p *entParser) namesBody(s, e int) bool {
	for k := s; k < e; k++ {
		if tk := &p.t[k]; tk.caps && tk.cty == 0 && !tk.joined && (k+1 >= e || !p.t[k+1].joined) {
			if _, _, ok := p.match(k); !ok {
				return true
			}
		}
	}
	return false
}

// international reports whether tokens [s, e) name an international
// body ("President of the European Commission", "UN Secretary-General").
func (p *entParser) international(s, e int) bool {
	for _, g := range p.orgs {
		if g.start >= s && g.end <= e && g.intl {
			return true
		}
	}
	for k := s; k < e; k++ {
		tk := &p.t[k]
		if tk.caps && lexKnownOrgs[p.text[tk.start:tk.end]] {
			return true
		}
		if p.lows[k] == "united" && k+1 < e && p.lows[k+1] == "nations" {
			return true
		}
	}
	return false
}

// officeOrg returns the body an office belongs to: an organization named
// in its title ("State Secretary at the Romanian Ministry of ..."), or the
// ministry a minister's portfolio names ("Minister of the Interior and
// Safety" -> "Ministry of the Interior and Safety").
func (p *entParser) officeOrg(o titlePhrase, ps, pe int) string {
	s, e := o.start, o.end
	if ps >= 0 {
		s, e = ps, pe
	}
	for _, g := range p.orgs {
		if g.start >= s && g.end <= e {
			return g.value
		}
	}
	// "Minister of X" -> "Ministry of X"
	hs, he := o.start, o.headEnd
	cs, ce := o.headEnd, o.end
	if ps >= 0 {
		cs, ce = ps, pe
	}
	if ce <= cs {
		return ""
	}
	// the head's words end in "minister", not "prime minister" (no word
	// has a space in it)
	if he <= hs || !strings.HasSuffix(p.lows[he-1], "minister") ||
		p.lows[he-1] == "minister" && he-2 >= hs && strings.HasSuffix(p.lows[he-2], "prime") {
		return ""
	}
	if prep := p.lows[cs]; prep != "of" && prep != "for" {
		return ""
	}
	// drop "of <country>" and what follows: "of Foreign Affairs of the
	// Republic of Korea", "of Jordan"
	for k := cs + 1; k < ce; k++ {
		if p.t[k].cty == 0 {
			continue
		}
		b := k - 1
		if b > cs && p.lows[b] == "the" {
			b--
		}
		if p.lows[b] == "of" {
			ce = b
			break
		}
	}
	if ce <= cs+1 {
		return ""
	}
	return "Ministry " + p.textOf(cs, ce)
}

// ---- evidence for the country ----

// evidenceAt says how the person whose anchor starts at token a relates
// to the publishing government.
func (p *entParser) evidenceAt(a int, rp *rawPerson) (personEvidence, string) {
	tkA := &p.t[a]
	// in the headline
	if ts := p.d.Meta.TitleSpan; ts.End > ts.Start && tkA.start >= ts.Start && tkA.start < ts.End {
		return evHome, ""
	}
	// "(MOIS, Minister Chin Young)", "(Minister Kim)"
	k := a - 1
	if k >= 0 && p.lows[k] == "," && k-1 >= 0 && p.t[k-1].caps {
		k -= 2
		for k >= 0 && p.t[k].caps {
			k--
		}
	}
	if k >= 0 && p.lows[k] == "(" && p.same(k, a) {
		if k == 0 || !p.foreignOrgBefore(k) {
			return evHome, ""
		}
	}
	cue := false
	for k := a - 1; k >= 0 && p.same(k, a); k-- {
		// A quote or a speech verb closes the clause the name is in:
		// "... stand with the people affected,' says Minister X".
		if low := p.lows[k]; p.is(k, wfSpeechVerb) || low == "'" || low == "\"" {
			break
		}
		if p.is(k, wfMeetCue) {
			cue = true
			break
		}
	}
	local, unplaced := false, false
	for _, c := range rp.cands {
		switch c.rank {
		case gazetteer.RankMayor, gazetteer.RankCouncillor, gazetteer.RankGovernor:
			local = true
			unplaced = unplaced || c.hasComp && len(c.countries) == 0 && !slices.ContainsFunc(c.places, func(pl string) bool { return pl != "-" })
		}
	}
	if unplaced {
		// "Mayor of Aalborg": a place the gazetteer does not know. A
		// country in the same sentence ties it to one, or one the context
		// names as a place ("visited Denmark"); not the demonym of another
		// person's title ("Malaysian Vice Minister"): none is better than
		// that guess.
		if c := p.sentenceCountry(a); c != "" {
			return evContext, c
		}
		return evContext, p.placeContextCountry(tkA.start)
	}
	if !cue && !local {
		// the first official named, as a subject
		first := true
		for _, r := range p.raw {
			if len(r.cands) > 0 {
				first = false
				break
			}
		}
		if first && len(rp.cands) > 0 {
			return evHome, ""
		}
		return evNone, ""
	}
	if c := p.contextCountry(tkA.start); c != "" {
		return evContext, c
	}
	return evNone, ""
}

// companionOf returns the raw person that the person anchored at token a
// accompanies: the first person of the sentence when "accompanied by" or
// "joined by" stands between them ("DPM Bounthavy was accompanied by Vice
// Minister ..."), or -1.
func (p *entParser) companionOf(a int) int {
	for ri := range p.raw {
		r := p.raw[ri]
		if r.start >= a || !p.same(r.start, a) {
			continue
		}
		for k := r.end; k < a; k++ {
			switch p.lows[k] {
			case "accompanied", "accompanying", "joined":
				return ri
			}
		}
		return -1
	}
	return -1
}

// foreignOrgBefore reports whether the organization right before the
// bracket at token k names a foreign country.
func (p *entParser) foreignOrgBefore(k int) bool {
	for _, g := range p.orgs {
		if g.end == k || g.end == k-1 {
			return g.country != "" && g.country != p.home
		}
	}
	return false
}

// contextCountry returns the last foreign country mentioned before byte
// offset off, within a few paragraphs.
func (p *entParser) contextCountry(off int) string {
	i := sort.Search(len(p.countries), func(i int) bool { return p.countries[i].Span.Start >= off })
	for i--; i >= 0; i-- {
		m := p.countries[i]
		if off-m.Span.Start > 3000 {
			break
		}
		iso := m.Value
		if iso == "" {
			iso = m.Country
		}
		if iso != "" && iso != p.home {
			return iso
		}
	}
	// none before: the first one later in the paragraph
	end := strings.IndexByte(p.text[off:], '\n')
	if end < 0 {
		end = len(p.text) - off
	}
	for i := sort.Search(len(p.countries), func(i int) bool { return p.countries[i].Span.Start >= off }); i < len(p.countries); i++ {
		m := p.countries[i]
		if m.Span.Start >= off+end {
			break
		}
		if iso := m.Value; iso != "" && iso != p.home {
			return iso
		}
	}
	return ""
}

// placeContextCountry returns the last foreign country mentioned before
// byte offset off, within a few paragraphs, outside the titles and names
// of the persons found so far: a country named as a place of the story,
// not another official's; or "".
func (p *entParser) placeContextCountry(off int) string {
	i := sort.Search(len(p.countries), func(i int) bool { return p.countries[i].Span.Start >= off })
	for i--; i >= 0 && off-p.countries[i].Span.Start <= 3000; i-- {
		m := p.countries[i]
		iso := m.Value
		if iso == "" {
			iso = m.Country
		}
		if iso == "" || iso == p.home {
			continue
		}
		k := sort.Search(len(p.t), func(k int) bool { return p.t[k].end > m.Span.Start })
		if k < len(p.t) && p.taken[k] {
			continue
		}
		return iso
	}
	return ""
}

// sentenceCountry returns the foreign country mentioned in the sentence of
// token a: the last before it, else the first after it; or "".
func (p *entParser) sentenceCountry(a int) string {
	s, e := a, a
	for s > 0 && p.t[s-1].sent == p.t[a].sent {
		s--
	}
	for e < len(p.t) && p.t[e].sent == p.t[a].sent {
		e++
	}
	before, after := "", ""
	for k := s; k < e; k++ {
		c := p.ctry(k)
		if c == "" || c == p.home || k > s && p.t[k-1].cty == p.t[k].cty {
			continue
		}
		if k < a {
			before = c
		} else if after == "" {
			after = c
		}
	}
	if before != "" {
		return before
	}
	return after
}

// ---- names: values ----

// canonical returns the name of tokens [s, e) as a value: honorifics are
// not in it already; a part written in capitals is title-cased
// ("KAMIKAWA" -> "Kamikawa"), space runs collapse.
func (p *entParser) canonical(s, e int) string {
	var b strings.Builder
	if e > s {
		b.Grow(p.spanEnd(e-1) - p.t[s].start) // about the name as written
	}
	for k := s; k < e; k++ {
		tk := &p.t[k]
		if k > s {
			if tk.joined {
				b.WriteByte('-')
			} else if tk.start > p.t[k-1].end {
				b.WriteByte(' ')
			}
		}
		w := p.text[tk.start:tk.end]
		if tk.caps && !p.is(k, wfSuffix) {
			w = titleCaseWord(w)
		}
		b.WriteString(w)
		if tk.dot {
			b.WriteByte('.')
		}
	}
	return b.String()
}

// countFields returns len(strings.Fields(s)) without making the slice.
func countFields(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

func titleCaseWord(w string) string {
	var b strings.Builder
	first := true
	for _, r := range w {
		if first {
			b.WriteRune(r)
			first = false
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// personNameKeys returns the lower-case words of a name, for comparing forms.
func personNameKeys(v string) []string {
	return strings.FieldsFunc(strings.ToLower(v), func(r rune) bool {
		return r == ' ' || r == '-' || r == '.'
	})
}

func keysSubset(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// ---- resolving persons ----

type personCluster struct {
	value string
	keys  []string
	raws  []int
	forms map[string]bool // lower-case name forms seen anchored
	title string
	rank  string
	org   string
	ctry  string
	// byDefault is set when ctry is the home country for want of evidence
	byDefault bool
}

// resolve groups the names of pass 1 into persons, gives each its
// attributes, finds the other occurrences of their names and appends the
// mentions to dst in text order.
func (p *entParser) resolve(dst []Mention) []Mention {
	if len(p.raw) == 0 {
		return dst
	}
	p.trimHeadlineNames()
	// Longest names first: shorter forms join the person whose name holds
	// them.
	order := make([]int, len(p.raw))
	for i := range order {
		order[i] = i
	}
	keys := make([][]string, len(p.raw))
	for i, r := range p.raw {
		keys[i] = personNameKeys(r.value)
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(keys[b]), len(keys[a])) })
	var cls []*personCluster
	owner := make([]int, len(p.raw))
	for _, ri := range order {
		r := p.raw[ri]
		best := -1
		for ci, c := range cls {
			if !keysSubset(keys[ri], c.keys) {
				continue
			}
			if best < 0 {
				best = ci
				continue
			}
			// several persons hold this form: the same rank, then the one
			// named last before it
			if p.clusterRank(c) == rawRank(r) && p.clusterRank(cls[best]) != rawRank(r) {
				best = ci
			} else if p.lastBefore(c, r.start) > p.lastBefore(cls[best], r.start) {
				best = ci
			}
		}
		if best < 0 {
			cls = append(cls, &personCluster{value: r.value, keys: keys[ri], forms: map[string]bool{}})
			best = len(cls) - 1
		}
		cls[best].raws = append(cls[best].raws, ri)
		owner[ri] = best
		if r.anchored || len(keys[ri]) > 1 {
			cls[best].forms[strings.Join(keys[ri], " ")] = true
		}
	}
	for _, c := range cls {
		p.attributes(c)
	}
	// a member of a delegation is of the country of the one it accompanies
	for _, c := range cls {
		if !c.byDefault {
			continue
		}
		for _, ri := range c.raws {
			if comp := p.raw[ri].companion; comp >= 0 && cls[owner[comp]] != c && cls[owner[comp]].ctry != "" {
				c.ctry = cls[owner[comp]].ctry
				break
			}
		}
	}
	n := len(dst)
	dst = slices.Grow(dst, 2*len(p.raw)) // pass2 finds about as many as pass1
	for ri, r := range p.raw {
		dst = append(dst, p.mention(r.start, r.end, cls[owner[ri]]))
	}
	dst = p.pass2(dst, cls)
	slices.SortStableFunc(dst[n:], func(a, b Mention) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	return dst
}

// trimHeadlineNames cuts a name read in a title-case headline that runs
// into the headline's words ("Minister Kim Hong-kyun Champions Ties",
// "Secretary Villareal Pushes for ...") to a name the body gives
// ("Kim Hong-kyun", "Villareal"), unless the words cut belong to a longer
// name of the body ("Lee Sang-min" is not cut to "Lee").
func (p *entParser) trimHeadlineNames() {
	for i := range p.raw {
		r := &p.raw[i]
		if r.end-r.start < 2 || !p.headline(r.start) {
			continue
		}
		best := 0
		for j, o := range p.raw {
			n := o.end - o.start
			if j == i || n >= r.end-r.start || n <= best || p.headline(o.start) {
				continue
			}
			same := true
			for k := 0; k < n && same; k++ {
				same = p.lows[r.start+k] == p.lows[o.start+k]
			}
			next := p.t[r.start+n]
			if !same || next.joined || p.inBodyName(o, p.lows[r.start+n]) {
				continue
			}
			// cut to a short form only before a headline verb ("Pushes",
			// "Meets"): "Yoon Suk Yeol" is not cut to "Yoon"
			if p.units(o.start, o.end) < 2 && (!strings.HasSuffix(p.lows[r.start+n], "s") || p.unitEnd(r.start+n) > r.start+n+1) {
				continue
			}
			best = n
		}
		// "Secretary Villareal Pushes ..." when the body has "Antonio B.
		// Villareal": the first word of the headline's name is a word of a
		// body name, the next a headline verb that is in none. Only in the
		// document's title: in a table row in title case, "Minister ...
		// Žygimantas Stankevičius" is a full name that shares its given
		// name with another ("Žygimantas Šimkus").
		ts := p.d.Meta.TitleSpan
		inTitle := ts.End > ts.Start && p.t[r.start].start >= ts.Start && p.t[r.start].start < ts.End
		if u := p.unitEnd(r.start); best == 0 && inTitle && u < r.end && u == r.start+1 && strings.HasSuffix(p.lows[u], "s") &&
			p.unitEnd(u) == u+1 {
			for _, b := range p.raw {
				if b.end-b.start > 1 && !p.headline(b.start) && p.hasWord(b, p.lows[r.start]) && !p.hasWord(b, p.lows[u]) {
					best = 1
					break
				}
			}
		}
		if best > 0 {
			r.end = r.start + best
			r.value = p.canonical(r.start, r.end)
		}
	}
}

// hasWord reports whether the name of b has the lower-case word w.
func (p *entParser) hasWord(b rawPerson, w string) bool {
	for k := b.start; k < b.end; k++ {
		if p.lows[k] == w {
			return true
		}
	}
	return false
}

// inBodyName reports whether a name outside the headline holds all the
// words of o and the word w too.
func (p *entParser) inBodyName(o rawPerson, w string) bool {
	for _, b := range p.raw {
		if p.headline(b.start) {
			continue
		}
		ok := false
		for k := b.start; k < b.end; k++ {
			if p.lows[k] == w {
				ok = true
			}
		}
		for k := o.start; k < o.end && ok; k++ {
			found := false
			for q := b.start; q < b.end; q++ {
				found = found || p.lows[q] == p.lows[k]
			}
			ok = found
		}
		if ok {
			return true
		}
	}
	return false
}

// units counts the hyphen groups in tokens [s, e).
func (p *entParser) units(s, e int) int {
	n := 0
	for k := s; k < e; k++ {
		if !p.t[k].joined {
			n++
		}
	}
	return n
}

func rawRank(r rawPerson) string {
	for _, c := range r.cands {
		if c.isOffice {
			return c.rank
		}
	}
	return ""
}

func (p *entParser) clusterRank(c *personCluster) string {
	for _, ri := range c.raws {
		if r := rawRank(p.raw[ri]); r != "" {
			return r
		}
	}
	return ""
}

func (p *entParser) lastBefore(c *personCluster, tok int) int {
	last := -1
	for _, ri := range c.raws {
		if s := p.raw[ri].start; s < tok && s > last {
			last = s
		}
	}
	return last
}

// attributes chooses a person's title, rank, org and country.
func (p *entParser) attributes(c *personCluster) {
	var best *personCand
	bestScore := -1
	royal, honRank := false, ""
	explicit := ""
	for _, ri := range c.raws {
		r := &p.raw[ri]
		for k := range r.cands {
			cd := &r.cands[k]
			if !cd.isOffice {
				if explicit == "" && len(cd.countries) > 0 {
					explicit = cd.countries[0]
				}
				if cd.rank == gazetteer.RankRoyal {
					royal = true
				} else if cd.rank != "" && honRank == "" {
					honRank = cd.rank
				}
				continue
			}
			if cd.rank == "" {
				continue
			}
			// the most specific title ("Minister of State for AI" over
			// "Minister"), then the more senior office, then one that
			// names its country
			score := countFields(cd.title)*10000 + gazetteer.Seniority(cd.rank)*100
			if len(cd.countries) > 0 {
				score += 10
			}
			if score > bestScore {
				best, bestScore = cd, score
			}
			if explicit == "" && len(cd.countries) > 0 {
				explicit = cd.countries[0]
			}
		}
	}
	// country
	switch {
	case best != nil && len(best.countries) > 0:
		c.ctry = best.countries[0]
	case explicit != "":
		c.ctry = explicit
	default:
		for _, ri := range c.raws {
			for _, cd := range p.raw[ri].cands {
				for _, pl := range cd.places {
					if c.ctry == "" && pl != "-" {
						c.ctry = pl
					}
				}
			}
		}
	}
	if c.ctry == "" {
		ev, ctx := evNone, ""
		for _, ri := range c.raws {
			r := p.raw[ri]
			if r.ev > ev || r.ev == evContext && ev == evContext && ctx == "" {
				ev = r.ev
				if r.ev == evContext {
					ctx = r.context
				}
			}
		}
		switch {
		case best != nil && best.intl:
			// an official of an international body has no country
		case ev == evContext:
			c.ctry = ctx
		default:
			c.ctry = p.home
			c.byDefault = true
		}
	}
	switch {
	case best != nil:
		c.title = best.title
		c.rank, _ = gazetteer.TitleIn(best.title, c.ctry)
		if c.rank == "" || c.rank == gazetteer.RankHeadOfState && best.body {
			c.rank = best.rank
		}
		c.org = best.org
	case royal:
		c.rank = gazetteer.RankRoyal
	case honRank != "":
		c.rank = honRank
	default:
		for _, ri := range c.raws {
			if o := p.raw[ri].optional; o != "" {
				c.rank = o
			}
		}
	}
}

func (p *entParser) mention(s, e int, c *personCluster) Mention {
	sp := Span{p.t[s].start, p.spanEnd(e - 1)}
	return Mention{
		Kind: KindPerson, Span: sp, Text: p.text[sp.Start:sp.End], Value: c.value,
		Title: c.title, Rank: Rank(c.rank), Org: c.org, Country: c.ctry,
	}
}

// pass2 finds the other occurrences of the persons' names: the full name,
// or a form seen with a title ("Calderoli" after "Minister Calderoli"),
// standing alone as a whole name.
func (p *entParser) pass2(out []Mention, cls []*personCluster) []Mention {
	forms := map[string]int{}
	var firsts []string // the first words of the forms
	maxLen := 0
	for ci, c := range cls {
		for f := range c.forms {
			if _, dup := forms[f]; dup {
				forms[f] = -1 // ambiguous
				continue
			}
			forms[f] = ci
			n := 0
			for w := range strings.FieldsSeq(f) {
				if n == 0 && !slices.Contains(firsts, w) {
					firsts = append(firsts, w)
				}
				n++
			}
			if n > maxLen {
				maxLen = n
			}
		}
	}
	var key []byte
	for i := 0; i < len(p.t); i++ {
		tk := &p.t[i]
		if p.taken[i] || tk.kind != ptWord || !tk.capital || tk.joined {
			continue
		}
		if !slices.Contains(firsts, p.lows[i]) {
			continue // no form starts with the word
		}
		if i > 0 && p.same(i-1, i) && p.t[i-1].kind == ptWord && (p.t[i-1].capital || p.is(i-1, wfParticle)) && !p.is(i-1, wfStop) {
			continue
		}
		// the form that starts here and ends a capitalized run
		key = key[:0]
		for j := i; j < len(p.t) && p.same(i, j) && p.t[j].kind == ptWord && j-i < maxLen*2; j++ {
			if p.taken[j] {
				break
			}
			if j > i {
				key = append(key, ' ')
			}
			key = append(key, p.lows[j]...)
			ci, ok := forms[string(key)]
			if !ok || ci < 0 {
				continue
			}
			e := j + 1
			if e < len(p.t) && p.same(i, e) && p.t[e].kind == ptWord && (p.t[e].capital && !p.is(e, wfStop)) {
				continue
			}
			out = append(out, p.mention(i, e, cls[ci]))
			p.mark(i, e)
			i = e - 1
			break
		}
	}
	return out
}
