package extractors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"communique/gazetteer"
)

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
	a, e := p.sentTokens(s)
	// a headline has no full stop (tested first: most sentences end
	// with one)
	last := e - 1
	for last > a && p.t[last].kind == ptBreak {
		last--
	}
	h := false
	if p.lows[last] != "." {
		words, caps := 0, 0
		for k := a; k < e; k++ {
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
		lf = p.unitFlags(i, j)
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
			if !(lf&wfNameLikeTitle != 0 && !first && n == 1) && !(!first && p.abbrevInName(i, n)) {
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

// abbrevInName reports whether the office of n words matched at token i,
// inside a name, is the name's word: an office's abbreviation written
// without its dot ("Sen", "Gov"; see nameEndsAt) that no name follows
// ("Premier Hun Sen.", "Hun Sen said"; not "... and Sen Amara Diallo").
func (p *entParser) abbrevInName(i, n int) bool {
	if n != 1 || p.t[i].dot || !gazetteer.IsOfficeAbbreviation(p.lows[i]) {
		return false
	}
	k := i + 1
	return k >= len(p.t) || !p.same(i, k) || p.t[k].kind != ptWord || !p.t[k].capital
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
		if tk.dot && p.postNominalEnds(j) {
			break // "Eamon Gilmore T.D.": letters after the name, not initials
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

// postNominalEnds reports whether a post-nominal written with dots
// ("T.D.", "Ph.D.") starts at token j and no name's word follows it.
func (p *entParser) postNominalEnds(j int) bool {
	n, pe, ok := p.matchPostNominal(j, min(j+3, len(p.lows)))
	if !ok || pe.Caps {
		return false
	}
	k := j + n
	return k >= len(p.t) || !p.same(j, k) || p.t[k].kind != ptWord || !p.t[k].capital
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
	switch p.rank(p.textOf(s, j)) {
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
		if p.rank(p.textOf(s, j)) == gazetteer.RankHeadOfState {
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
	ruled     bool // rank is set by a rule, not read from the title (a consort's)
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
		if p.d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		tk := &p.t[i]
		if tk.kind != ptWord || !tk.capital && p.text[tk.start] != 't' && p.text[tk.start] != 'c' || p.taken[i] {
			// no capital, "the" or counterpart noun: the lower-case ones
			// told by their first byte (the only one that lower-cases to
			// 't' or 'c' is itself)
			i++
			continue
		}
		if !tk.capital && p.lows[i] != "the" {
			if p.lows[i][0] == 'c' {
				if next, ok := p.counterpartNames(i); ok {
					i = next
					continue
				}
			}
			i++
			continue
		}
		if next, ok := p.pluralList(i); ok {
			i = next
			continue
		}
		if !p.noTitleAt(i) {
			if next, ok := p.chain(i); ok {
				i = next
				continue
			}
		}
		if next, ok := p.bareName(i); ok {
			i = next
			continue
		}
		i++
	}
}

// noTitleAt reports whether token i, a word, can start no title,
// honorific or office qualifier, so that chain finds nothing there: one
// word (no hyphen group) of no country, not in capitals, whose flags
// name none of the words that parseOffice and chain go on with.
func (p *entParser) noTitleAt(i int) bool {
	tk := &p.t[i]
	return tk.cty == 0 && !tk.caps && (i+1 >= len(p.t) || !p.t[i+1].joined) &&
		p.flagsOf(i)&(wfOfficeStart|wfHonorificStart|wfTitleModifier|wfIntl|wfPortfolio|wfOrgHead) == 0
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
		if c := p.ctry(j); c != "" && len(offs) == 0 && !p.locativeCountry(j) {
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
				rp.cands = p.candRoom(len(offs) + len(more) + 1)
				for _, o := range append(offs, more...) {
					rp.cands = append(rp.cands, p.officeCand(o, -1, -1))
				}
				// "the Speaker of the Saeima (the Latvian Parliament), X":
				// the gloss names the office's country
				if last := &rp.cands[len(offs)-1]; len(last.countries) == 0 && !last.intl {
					last.countries = p.glossCountries(j, s)
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
	rp.cands = p.candRoom(len(offs) + len(hons) + 1) // and one in apposition
	postComp := -1
	pcEnd := -1
	if end < len(p.t) && p.lows[end] == "of" && len(offs) > 0 && offs[len(offs)-1].end == offs[len(offs)-1].headEnd {
		last := offs[len(offs)-1]
		if c := p.parseComplement(end, p.rank(p.textOf(last.start, last.end)) == gazetteer.RankAmbassador); c > end+1 {
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
	if p.consortAt(i, j) {
		// "King Felipe and Queen Letizia": a consort, no monarch
		for k := range rp.cands {
			if rp.cands[k].rank == gazetteer.RankHeadOfState {
				rp.cands[k].rank, rp.cands[k].ruled = gazetteer.RankRoyal, true
			}
		}
	}
	if len(offs) == 0 {
		// "his Vietnamese counterpart H.E. Bui Thanh Son"
		if c, ok := p.counterpartCand(i); ok {
			rp.cands = append(rp.cands, c)
		}
	}
	p.mark(i, j)
	idx := p.add(rp, i)
	e := end
	if pcEnd > 0 {
		p.mark(end, pcEnd)
		e = pcEnd
		p.shareQualifier(idx, rp.cands[len(offs)-1].countries)
	}
	return p.after(&p.raw[idx], e), true
}

// shareQualifier gives the countries of the qualifier after the name of
// raw person ri ("... and Foreign Minister Gahr-Stoere of Norway") to the
// titled person joined to it by "and" right before it ("Prime Minister
// Stoltenberg and ..."), whose offices name none. Not to one the
// publisher's own by position (see evidenceAt): "President Ruto and Prime
// Minister Abiy of Ethiopia" in a Kenyan release.
func (p *entParser) shareQualifier(ri int, countries []string) {
	r := &p.raw[ri]
	a := r.start
	for a > 0 && p.taken[a-1] && p.lows[a-1] != "and" && p.same(a-1, r.start) {
		a-- // the titles before the name
	}
	if len(countries) == 0 || ri == 0 || a < 2 || p.lows[a-1] != "and" || !p.same(a-1, a) {
		return
	}
	q := &p.raw[ri-1]
	if q.end != a-1 || !q.anchored || q.ev == evHome {
		return
	}
	for _, c := range q.cands {
		if c.isOffice && len(c.countries) > 0 {
			return
		}
	}
	for k := range q.cands {
		if q.cands[k].isOffice {
			q.cands[k].countries = countries
		}
	}
}

// lexMonarchs are the words of a reigning monarch's title; lexConsorts
// those of a monarch's spouse's.
var (
	lexMonarchs = vocabSet("monarch.titles")
	lexConsorts = vocabSet("consort.titles")
)

// consortAt reports whether the titles of tokens [i, j) name a monarch's
// consort: a consort's title ("Queen", "Japanese Empress") right after
// "and" and the name of a reigning monarch ("Their Majesties King Maha
// Vajiralongkorn Phra Vajiraklaochaoyuhua and Queen Suthida": the
// monarch's name may run on over a line break).
func (p *entParser) consortAt(i, j int) bool {
	if i < 2 || p.lows[i-1] != "and" || len(p.raw) == 0 {
		return false
	}
	consort := false
	for k := i; k < j && !consort; k++ {
		consort = lexConsorts[p.lows[k]]
	}
	if !consort {
		return false
	}
	r := &p.raw[len(p.raw)-1]
	for k := i - 2; k >= r.end && k > i-8; k-- {
		if p.t[k].kind != ptBreak && (p.t[k].kind != ptWord || !p.t[k].capital) {
			return false
		}
	}
	if r.end < i-7 {
		return false
	}
	for _, c := range r.cands {
		if c.rank != gazetteer.RankHeadOfState {
			continue
		}
		for _, w := range gazetteer.TitleWords(c.title) {
			if lexMonarchs[w] {
				return true
			}
		}
	}
	return false
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
	// ", Director-General, World Trade Organization": the body after a
	// comma is the office's
	if o.end+1 < len(p.t) && p.lows[o.end] == "," && p.same(o.end, o.end+1) {
		if be, intl := p.bodyAt(o.end + 1); be > o.end+1 && p.clauseEnd(be) {
			o.end, o.intlBody = be, intl
			o.countries, o.places = nil, nil
			p.officeCountries(&o) // "..., Philippine Statistics Authority"
		}
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

// bodyAt returns the end of the name of a body that starts at token k,
// and whether it is an international one: an organization findOrgs found
// ("World Trade Organization"), or a capitalized name that opens with a
// word of international bodies and ends with the head of a body or
// gathering ("World Economic Forum"). It returns k when there is none.
func (p *entParser) bodyAt(k int) (end int, intl bool) {
	if k >= len(p.t) || !p.t[k].capital {
		return k, false
	}
	if p.covered[k] {
		for _, g := range p.orgs {
			if g.start == k {
				return g.end, g.intl
			}
		}
	}
	if !p.is(k, wfIntl) {
		return k, false
	}
	end = k
	for j := k; j < len(p.t) && j-k < 8 && p.same(k, j) && p.t[j].kind == ptWord && p.t[j].capital; j++ {
		if p.is(j, wfOrgHead|wfEvent) {
			end = j + 1
		}
	}
	return end, end > k
}

// titleLine parses the office of a name that is a line (or a table
// cell) of its own, tokens [s, e), when the next line (or cell) is that
// office and nothing else, as in the head of a speech or a signature:
// "John Kerry\nSecretary of State", "Ana Ruiz\tAmbassador of Chile".
func (p *entParser) titleLine(s, e int) (titlePhrase, bool) {
	if s > 0 && p.t[s-1].kind != ptBreak || e+1 >= len(p.t) || p.t[e].kind != ptBreak || !p.t[e+1].capital {
		return titlePhrase{}, false
	}
	o, ok := p.parseOffice(e + 1)
	if !ok || o.end < len(p.t) && p.t[o.end].kind != ptBreak {
		return titlePhrase{}, false
	}
	return o, true
}

// bareApposition parses an office right after a name, without a comma,
// that names its country or body and ends the clause: "will meet Michel
// Aoun President of Lebanon." (not "Ana Ruiz Minister of Health Bo
// Li": the office is the next name's).
func (p *entParser) bareApposition(e int) (titlePhrase, bool) {
	if e >= len(p.t) || !p.same(e-1, e) || !p.t[e].capital || p.headline(e) {
		return titlePhrase{}, false
	}
	o, ok := p.parseOffice(e)
	if !ok || o.end == o.headEnd || len(o.countries) == 0 && !p.international(o.start, o.end) || !p.clauseEnd(o.end) || p.lows[o.end] == "(" {
		return titlePhrase{}, false
	}
	return o, true
}

// lexVenues end the names of places and institutions named after people.
var lexVenues = vocabSet("venue.heads")

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
			if units == 0 && s < len(p.t) && !p.is(s, wfOfficeStart) && p.givenNameAt(s) {
				e, units = p.parseNameFrom(s, true, true) // ", Jan Novak": a given name that is also a word
			}
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
				case ",", "and", "(", ")", ".", ";", "'s":
				default:
					// the subject of a verb: "the Minister of Foreign
					// Affairs of Latvia, Edgars Rinkēvičs will hold ..."
					if units < 2 || p.t[f].capital || !p.is(f, wfGapVerb|wfSpeechVerb) {
						return 0, 0, nil, false
					}
				}
			}
			return s, e, offs, true
		}
		if p.lows[k] == "(" {
			// a gloss of the body: "the Speaker of the Saeima (the
			// Latvian Parliament), Eduards Smiltēns"
			if c := p.closeParen(k, 8); c > k {
				k = c
				continue
			}
			return 0, 0, nil, false
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

// glossCountries returns the countries named inside brackets between
// tokens a and b.
func (p *entParser) glossCountries(a, b int) []string {
	var out []string
	depth := 0
	for k := a; k < b; k++ {
		switch p.lows[k] {
		case "(":
			depth++
		case ")":
			depth--
		default:
			if c := p.t[k].cty; c != 0 && depth > 0 && (k == a || p.t[k-1].cty != c) {
				out = append(out, p.isos[c])
			}
		}
	}
	return out
}

// closeParen returns the ")" that closes the "(" at token k within max
// tokens of the sentence, with no verb between (see delayedName), or k.
func (p *entParser) closeParen(k, max int) int {
	for c := k + 1; c < len(p.t) && c-k <= max && p.same(k, c); c++ {
		switch tk := &p.t[c]; {
		case p.lows[c] == ")":
			return c
		case tk.kind == ptPunct && p.lows[c] != "-" && p.lows[c] != "&":
			return k
		case tk.kind == ptWord && !tk.capital && (p.is(c, wfGapVerb) || strings.HasSuffix(p.lows[c], "ed")):
			return k
		}
	}
	return k
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
		o, ok := p.apposition(end)
		if !ok {
			o, ok = p.bareApposition(end)
		}
		if ok {
			rp := p.newRaw(i, end)
			rp.cands = append(rp.cands, p.officeCand(o, -1, -1))
			p.add(rp, -1)
			p.mark(end, o.end)
			return o.end, true
		}
		if o, ok := p.titleLine(i, end); ok {
			// "John Kerry\nSecretary of State": a name line over its title
			rp := p.newRaw(i, end)
			rp.cands = append(rp.cands, p.officeCand(o, -1, -1))
			p.add(rp, -1)
			p.mark(o.start, o.end)
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
	s := p.t[rp.start].sent
	for n := len(p.rawsBySent); n <= s; n++ {
		if n < cap(p.rawsBySent) {
			p.rawsBySent = p.rawsBySent[:n+1]
			p.rawsBySent[n] = p.rawsBySent[n][:0] // a list of an earlier document, reused
		} else {
			p.rawsBySent = append(p.rawsBySent, nil)
		}
	}
	p.rawsBySent[s] = append(p.rawsBySent[s], int32(len(p.raw)-1))
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
	c.rank = p.rank(title)
	c.body = p.namesBody(o.start, o.end)
	if c.rank == gazetteer.RankHeadOfState && c.body {
		c.rank = gazetteer.RankChair // "President of KOTRA"
	}
	c.org = p.officeOrg(o, ps, pe)
	c.intl = o.intlBody || p.international(o.start, o.end)
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
	for _, g := range p.orgsFrom(s, e) {
		if g.end <= e && g.intl {
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
	for _, g := range p.orgsFrom(s, e) {
		if g.end <= e {
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

// ---- names: values ----

// canonical returns the name of tokens [s, e) as a value: honorifics are
// not in it already; a part written in capitals is title-cased
// ("KAMIKAWA" -> "Kamikawa"), space runs collapse.
func (p *entParser) canonical(s, e int) string {
	if v, ok := p.asWritten(s, e); ok {
		return v
	}
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

// asWritten returns the text of tokens [s, e) when it is already their
// canonical form, which it mostly is: a name costs no allocation then.
// It walks the tokens as canonical writes them, checking each piece
// against the text.
func (p *entParser) asWritten(s, e int) (string, bool) {
	if e <= s {
		return "", false
	}
	pos := p.t[s].start
	for k := s; k < e; k++ {
		tk := &p.t[k]
		if k > s {
			switch {
			case tk.joined:
				if p.text[pos] != '-' {
					return "", false
				}
				pos++
			case tk.start > p.t[k-1].end:
				if p.text[pos] != ' ' {
					return "", false
				}
				pos++
			}
		}
		if pos != tk.start || tk.caps && !p.is(k, wfSuffix) || tk.trail > 0 && !tk.dot {
			return "", false
		}
		pos = tk.end
		if tk.dot {
			pos++ // the dot is in the text
		}
	}
	return p.text[p.t[s].start:pos], true
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

// rawNameKeys returns the keys of each raw person's value, for comparing
// forms: the lower-case words of the name (strings.ToLower, then
// strings.FieldsFunc at spaces, hyphens and dots), those of all the names
// cut from one string and one slice; nil for a name with no word. It
// also returns each name's form, strings.Join of its keys with spaces,
// when the lower-cased value holds it already (words apart by one space),
// or "". The slices are sc's, grown as needed.
func rawNameKeys(raws []rawPerson, sc *nameKeyBufs) (keys [][]string, forms []string) {
	size, words := 0, 0
	for _, r := range raws {
		size += len(r.value)
		words += strings.Count(r.value, " ") + strings.Count(r.value, "-") + strings.Count(r.value, ".") + 1
	}
	// the values lower-cased as strings.ToLower does
	buf := grow(sc.buf[:0], size) // grown when a lower-case rune is longer
	ends := grow(sc.ends[:0], len(raws))
	for _, r := range raws {
		for _, c := range r.value {
			switch {
			case 'A' <= c && c <= 'Z':
				buf = append(buf, byte(c)+'a'-'A')
			case c < utf8.RuneSelf:
				buf = append(buf, byte(c))
			default:
				buf = utf8.AppendRune(buf, unicode.ToLower(c))
			}
		}
		ends = append(ends, len(buf))
	}
	all := string(buf)
	ws := grow(sc.ws[:0], words) // at most one more than the separators of each
	keys = grow(sc.keys[:0], len(raws))[:len(raws)]
	forms = grow(sc.forms[:0], len(raws))[:len(raws)]
	start := 0
	for i, end := range ends {
		a := len(ws)
		w := -1                 // the start of the word being read
		first, last := -1, -1   // the start of the first word, the end of the last
		seps, spaced := 0, true // the separators since the last word; all spaces
		joined := true          // one space between each two words
		for k := start; k < end; k++ {
			if c := all[k]; c == ' ' || c == '-' || c == '.' {
				if w >= 0 {
					ws = append(ws, all[w:k])
					last, w = k, -1
					seps, spaced = 0, true
				}
				seps++
				spaced = spaced && c == ' '
			} else if w < 0 {
				if first < 0 {
					first = k
				} else if seps != 1 || !spaced {
					joined = false
				}
				w = k
			}
		}
		if w >= 0 {
			ws = append(ws, all[w:end])
			last = end
		}
		keys[i], forms[i] = nil, ""
		if len(ws) > a {
			keys[i] = ws[a:len(ws):len(ws)]
			if joined {
				forms[i] = all[first:last]
			}
		}
		start = end
	}
	*sc = nameKeyBufs{buf: buf, ends: ends, ws: ws, keys: keys, forms: forms}
	return keys, forms
}

// nameKeyBufs are rawNameKeys' slices, kept for the next document.
type nameKeyBufs struct {
	buf   []byte
	ends  []int
	ws    []string
	keys  [][]string
	forms []string
}

// clear lets go of the strings of the last document.
func (sc *nameKeyBufs) clear() {
	clear(sc.ws)
	clear(sc.keys)
	clear(sc.forms)
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
