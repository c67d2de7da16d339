package extractors

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"communique/gazetteer"
)

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
	// rawsBySent holds, per sentence, the indices of the raw persons
	// whose names start in it, in the order of raw
	rawsBySent [][]int32
	// joinCues holds the tokens "accompanied", "accompanying" and
	// "joined" in text order, found on first need (joinCuesDone)
	joinCues     []int32
	joinCuesDone bool
	// stops holds, per sentence, its clause stops (see clauseStops)
	stops   []stopList
	taken   []bool                  // tokens inside a person's name, title or apposition
	covered []bool                  // tokens inside an organization's name (findOrgs)
	lowBuf  []byte                  // lower-case forms, while tokenizing
	fromBuf []int32                 // the tokens whose lower-case form is in lowBuf, while tokenizing
	sentTok []int32                 // per sentence: its first token (see sentTokens)
	heads   []int32                 // the words that start with a capital or a digit: see pushWord
	isos    []string                // interned codes of ptok.cty and ptok.plc; isos[0] is ""
	isoIdx  map[string]uint16       // index of a code in isos
	matchN  []int8                  // per token: 0 not looked up, -1 no title, n words of the title there
	matchE  []*gazetteer.TitleEntry // per token: the title there, when matchN > 0
	pluralN []int8                  // per token: 0 not looked up, -1 no office in the plural, n words of it: see pluralAt
	flags   []wordFlags             // per token: see flagsOf
	ranks   map[string]string       // gazetteer.TitleIn's rank of a title phrase: see rankIn
	cands   []personCand            // the raw persons' candidates: see candRoom
	strs    []string                // the offices' countries and places: see strRoom
	// resolve's scratch, kept for the next document: the clusters (in a
	// block, pointed to by clsPtrs), the clusters of each key (keyLists,
	// indexed by byKey), the order and owner of the raw persons (ints)
	clusters []personCluster
	clsPtrs  []*personCluster
	byKey    map[string]int32
	keyLists [][]int32
	ints     []int
	nameKeys nameKeyBufs    // rawNameKeys' slices
	formIdx  map[string]int // pass2's index of the name forms
	firsts   []string       // pass2's first words of the forms
	// locB and locOK cache locativeCountry's answer for the country
	// mention starting at token locB-1 (locB 0: none)
	locB  int
	locOK bool
}

// entParsers recycles the parsers' buffers: a document's tokens take
// about twenty times its size.
var entParsers = sync.Pool{New: func() any { return new(entParser) }}

// newEntParserIn tokenizes the sentences sents of d, about size bytes,
// and marks the tokens inside the mentions of d at the indices ov (nil:
// all of them; see overlay). The caller must call release when done
// with the parser and everything that points into its buffers.
func newEntParserIn(d *Doc, sents []Span, size int, ov []int32) *entParser {
	p := entParsers.Get().(*entParser)
	p.d, p.text, p.home = d, d.Text, ""
	p.t = grow(p.t[:0], size/5+8)
	p.lows = grow(p.lows[:0], size/5+8)
	p.lowBuf = grow(p.lowBuf[:0], size/4+16)
	p.fromBuf = p.fromBuf[:0]
	p.sentTok = p.sentTok[:0]
	p.heads = p.heads[:0]
	for si, s := range sents {
		p.sentTok = append(p.sentTok, int32(len(p.t)))
		if si > 0 {
			p.push(ptok{start: s.Start, end: s.Start, kind: ptBreak, sent: si}, "\n")
		}
		p.tokenize(s.Start, s.End, si)
	}
	all := string(p.lowBuf)
	for _, i := range p.fromBuf {
		tk := &p.t[i]
		p.lows[i] = all[tk.la:tk.lb]
	}
	p.countries = p.countries[:0]
	p.isos = append(p.isos[:0], "")
	clear(p.isoIdx) // used only past isoScan codes
	p.overlay(ov)
	p.taken = grow(p.taken[:0], len(p.t))[:len(p.t)]
	clear(p.taken)
	p.covered = grow(p.covered[:0], len(p.t))[:len(p.t)]
	clear(p.covered)
	p.matchN = grow(p.matchN[:0], len(p.t))[:len(p.t)]
	clear(p.matchN)
	p.matchE = grow(p.matchE[:0], len(p.t))[:len(p.t)] // read only where matchN is set
	p.pluralN = grow(p.pluralN[:0], len(p.t))[:len(p.t)]
	clear(p.pluralN)
	p.flags = grow(p.flags[:0], len(p.t))[:len(p.t)]
	clear(p.flags)
	p.orgs, p.raw, p.headlines = p.orgs[:0], p.raw[:0], p.headlines[:0]
	p.rawsBySent, p.joinCues, p.joinCuesDone = p.rawsBySent[:0], p.joinCues[:0], false
	p.stops = p.stops[:0]
	p.cands = p.cands[:0]
	p.strs = p.strs[:0]
	p.locB = 0
	return p
}

// candRoom returns an empty slice with room for n candidates, cut from
// p.cands: the candidates of a document's raw persons take one
// allocation, not one each.
func (p *entParser) candRoom(n int) []personCand { return room(&p.cands, n) }

// room returns an empty slice with room for n elements, cut from the
// block *b: many small slices of a document take one allocation, not one
// each. Appending more than n moves the slice out. A full block is
// replaced by a new one; the slices cut from it keep the old.
func room[T any](b *[]T, n int) []T {
	k := len(*b)
	if cap(*b)-k < n {
		*b, k = make([]T, 0, max(2*cap(*b), n, 32)), 0
	}
	*b = (*b)[:k+n]
	return (*b)[k : k : k+n]
}

// rank returns gazetteer.Title's rank of the title phrase.
func (p *entParser) rank(title string) string { return p.rankIn(title, "") }

// rankIn returns gazetteer.TitleIn's rank of the title phrase for the
// country, looked up once per parser: the titles of a release repeat, and
// so do those of the releases after it. The ranks are kept from document
// to document (gazetteer.TitleIn reads only its fixed tables), up to
// maxRanks of them, their keys copied out of the document; they are
// keyed by the title alone, as only a chancellor's rank depends on the
// country (gazetteer.TitleNeedsCountry), and a chancellor's is not kept.
func (p *entParser) rankIn(title, country string) string {
	if r, ok := p.ranks[title]; ok {
		return r
	}
	r, _ := gazetteer.TitleIn(title, country)
	if gazetteer.TitleNeedsCountry(title) {
		return r
	}
	if p.ranks == nil {
		p.ranks = make(map[string]string, maxRanks) // sized once: not grown by rehashing
	} else if len(p.ranks) >= maxRanks {
		clear(p.ranks) // its room kept
	}
	p.ranks[strings.Clone(title)] = r
	return r
}

// maxRanks bounds the ranks a parser keeps.
const maxRanks = 1024

// sentTokens returns the tokens [a, e) of sentence s, the break before
// it included.
func (p *entParser) sentTokens(s int) (a, e int) {
	a, e = int(p.sentTok[s]), len(p.t)
	if s+1 < len(p.sentTok) {
		e = int(p.sentTok[s+1])
	}
	return a, e
}

// push appends token tk, whose lower-case form is low: "" for a word
// lower-cased into lowBuf, whose form newEntParserIn sets when the text is
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
	clear(p.cands)
	clear(p.strs)
	p.nameKeys.clear()
	clear(p.clsPtrs[:cap(p.clsPtrs)])
	for k := range p.clusters {
		c := &p.clusters[k]
		clear(c.forms)
		*c = personCluster{raws: c.raws[:0], forms: c.forms[:0]} // the lists kept, the strings let go
	}
	clear(p.firsts)
	if len(p.formIdx) > 256 {
		p.formIdx = nil // an outsized document's: let it go
	} else {
		clear(p.formIdx)
	}
	if len(p.byKey) > 256 {
		p.byKey = nil // an outsized document's: let it go
	} else {
		clear(p.byKey)
	}
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

// The classes of entASCII, bits to gather a word's classes by.
const (
	entLower = 1 << iota // a to z
	entUpper             // A to Z
	entDigit             // 0 to 9
)

// entASCII classes the bytes for tokenize's word scan: 0 for a byte that
// is no ASCII letter or digit.
var entASCII = func() (t [256]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = entLower
		case 'A' <= c && c <= 'Z':
			t[c] = entUpper
		case '0' <= c && c <= '9':
			t[c] = entDigit
		}
	}
	return t
}()

// tokenize appends the tokens of text[start:end], sentence si.
func (p *entParser) tokenize(start, end, si int) {
	text := p.text
	joinNext := false
	for i := start; i < end; {
		if text[i] == ' ' { // between most tokens: passed first
			i++
			joinNext = false
			continue
		}
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
			// an ASCII word's classes and capitals are gathered as it is
			// read (see addWord), in registers: counts kept in memory
			// made each byte wait for the last
			var seen uint8
			upper := 0
			ascii := r < utf8.RuneSelf
			if ascii {
				seen = entASCII[r]
				upper = int(seen >> 1 & 1)
			}
			j := i + n
			for j < end {
				if k := entASCII[text[j]]; k != 0 {
					seen |= k
					upper += int(k >> 1 & 1) // entUpper
					j++                      // the common case, first
					continue
				}
				if c := text[j]; c < utf8.RuneSelf && c != '\'' {
					break
				}
				r2, n2 := rune(text[j]), 1
				if r2 >= utf8.RuneSelf {
					r2, n2 = utf8.DecodeRuneInString(text[j:])
				}
				if entWordRune(r2) {
					ascii = false // a word rune past ASCII
					j += n2
					continue
				}
				if entApos(r2) && j+n2 < end {
					r3, _ := utf8.DecodeRuneInString(text[j+n2:])
					if entWordRune(r3) {
						ascii = ascii && r2 < utf8.RuneSelf
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
			if ascii && poss == 0 {
				// addWord's common case, gathered already (a possessive's
				// word, less its "s", is read again by addWord)
				tk := ptok{start: i, end: we, sent: si, joined: joinNext, kind: ptWord, capital: 'A' <= r && r <= 'Z'}
				p.pushWord(tk, w, upper, seen&entLower != 0, seen&entDigit != 0, true, false)
			} else {
				p.addWord(i, we, si, joinNext)
			}
			if poss > 0 {
				p.push(ptok{start: we, end: j, kind: ptPunct, sent: si}, "'s")
			} else if j < end && text[j] == '.' && p.isAbbrev(len(p.t)-1) && !p.nameEndsAt(len(p.t)-1, j, end) {
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
		p.pushWord(tk, w, upper, letters > upper, digits > 0, true, false)
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
	p.pushWord(tk, w, upper, letters > upper, digits > 0, false, curly)
}

// pushWord appends the word w with the count of its upper-case letters
// and whether it has another letter (lower) and a digit; ascii is set
// when w is ASCII, curly when it has a closing quote for an apostrophe.
func (p *entParser) pushWord(tk ptok, w string, upper int, lower, digits bool, ascii, curly bool) {
	if !lower && upper == 0 && digits {
		tk.kind = ptNum
	}
	tk.caps = !lower && upper >= 2
	if tk.capital || tk.kind == ptWord && w[0]-'0' <= 9 {
		// the only words that can head an organization or open a name
		// form: findOrgs and pass2 read these, not every token
		p.heads = append(p.heads, int32(len(p.t)))
	}
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
		p.fromBuf = append(p.fromBuf, int32(len(p.t)))
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
		p.fromBuf = append(p.fromBuf, int32(len(p.t)))
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

// nameEndsAt reports whether the dot at byte dot, after the word of
// token i, ends a name rather than an abbreviated office: the word is an
// office's abbreviation that is also a name's word ("Sen.", "Gov."), it
// follows a capitalized word that is no title ("Premier Hun Sen."), and
// no name follows the dot: the sentence ends, or a lower-case or function
// word comes next ("Hun Sen. His programme"). "Sen. Amara Diallo" and
// "Minister and Sen. Diallo" keep the abbreviation. end is the end of the
// sentence.
func (p *entParser) nameEndsAt(i, dot, end int) bool {
	if i < 1 || !gazetteer.IsOfficeAbbreviation(p.lowOf(i)) {
		return false
	}
	prev := &p.t[i-1]
	if prev.kind != ptWord || prev.sent != p.t[i].sent || !prev.capital || p.t[i].joined || prev.end+1 != p.t[i].start ||
		gazetteer.ClassOf(p.lowOf(i-1))&(gazetteer.ClassOfficeStart|gazetteer.ClassHonorificStart) != 0 {
		return false
	}
	k := dot + 1
	for k < end && p.text[k] == ' ' {
		k++
	}
	if k >= end {
		return true
	}
	r, _ := utf8.DecodeRuneInString(p.text[k:end])
	if !unicode.IsUpper(r) {
		return true
	}
	e := k
	for e < end {
		r, n := utf8.DecodeRuneInString(p.text[e:end])
		if !unicode.IsLetter(r) {
			break
		}
		e += n
	}
	return lexStop[strings.ToLower(p.text[k:e])]
}

// overlay marks the tokens inside country, place and date mentions:
// those of d.Mentions at the indices ov, or all when ov is nil.
func (p *entParser) overlay(ov []int32) {
	n := 0
	for k := range p.overlayLen(ov) {
		if p.overlayAt(ov, k).Kind == KindCountry {
			n++
		}
	}
	// Grown once, not copied as it grows: a one-line document of country
	// chains holds hundreds of thousands (the hyphens shape of make
	// bench-sizes).
	p.countries = slices.Grow(p.countries, n)
	for k := range p.overlayLen(ov) {
		m := p.overlayAt(ov, k)
		code := "" // the country's ISO3, or the place's country ("-" for none)
		switch m.Kind {
		case KindCountry:
			p.countries = append(p.countries, *m)
			code = cmp.Or(m.Value, m.Country)
		case KindPlace:
			code = cmp.Or(m.Country, "-")
		case KindDate:
		default:
			continue
		}
		date, country := m.Kind == KindDate, m.Kind == KindCountry
		idx, interned := uint16(0), false // code's index in p.isos, interned at its first token
		i := sort.Search(len(p.t), func(i int) bool { return p.t[i].end > m.Span.Start })
		for ; i < len(p.t) && p.t[i].start < m.Span.End; i++ {
			if p.t[i].kind == ptBreak {
				continue
			}
			if date {
				p.t[i].date = true
				continue
			}
			if !interned {
				idx, interned = p.intern(code), true
			}
			if country {
				p.t[i].cty = idx
			} else {
				p.t[i].plc = idx
			}
		}
	}
	byStart := func(a, b Mention) int { return cmp.Compare(a.Span.Start, b.Span.Start) }
	if !slices.IsSortedFunc(p.countries, byStart) { // they come sorted from Countries
		slices.SortStableFunc(p.countries, byStart)
	}
}

// overlayLen and overlayAt read the k-th of the mentions overlay marks.
func (p *entParser) overlayLen(ov []int32) int {
	if ov == nil {
		return len(p.d.Mentions)
	}
	return len(ov)
}

func (p *entParser) overlayAt(ov []int32, k int) *Mention {
	if ov == nil {
		return &p.d.Mentions[k]
	}
	return &p.d.Mentions[ov[k]]
}

// intern returns the index of code in p.isos.
func (p *entParser) intern(code string) uint16 {
	if code == "" {
		return 0
	}
	if len(p.isos) <= isoScan {
		// a document names a few countries: they are scanned, not hashed
		for i, c := range p.isos[1:] {
			if c == code {
				return uint16(i + 1)
			}
		}
	} else if i, ok := p.isoIdx[code]; ok {
		return i
	}
	p.isos = append(p.isos, code)
	i := uint16(len(p.isos) - 1)
	if len(p.isos) > isoScan {
		if p.isoIdx == nil {
			p.isoIdx = map[string]uint16{}
		}
		if len(p.isoIdx) == 0 {
			for k, c := range p.isos {
				p.isoIdx[c] = uint16(k)
			}
		}
		p.isoIdx[code] = i
	}
	return i
}

// isoScan is the most codes intern scans before it indexes them.
const isoScan = 16

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

// unitFlags returns the wordIndex flags of the lower-case text of the
// unit [i, j) of two or more tokens, lower-cased on the stack when it is
// short and ASCII: the lookup does not keep it.
func (p *entParser) unitFlags(i, j int) wordFlags {
	var buf [32]byte
	f, _ := wordIndex.lookup(string(appendLower(buf[:0], p.text[p.t[i].start:p.t[j-1].end])))
	return f
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
	// is fine, "Director" of "Director-General" is not), unless the group
	// ends with a word that marks the office's holder-to-be
	// ("High Commissioner-designate", "President-elect").
	if k := i + n; k < len(p.t) && p.t[k].joined {
		if !lexOfficeSuffixes[p.lows[k]] || k+1 < len(p.t) && p.t[k+1].joined {
			return 0, nil, false
		}
		n++
	}
	return n, e, true
}

// lexOfficeSuffixes end an office's hyphen group: "-designate", "-elect".
var lexOfficeSuffixes = vocabSet("office.suffixes")

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
