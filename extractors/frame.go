package extractors

import (
	"bytes"
	"iter"
	"regexp"

	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"communique/gazetteer"
)

// Frame is what the event extractors know about a document beyond its
// mentions: whose side each person, place and date is on. BuildFrame
// decides it once per document, between the entity extractors and the
// event extractors; the event extractors read it and write nothing into
// the Doc. A Frame is used by one goroutine at a time: the lookups it
// memoizes (the words of a sentence, a ranking release's index) are its
// own.
type Frame struct {
	d *Doc
	// Home is the ISO3 code of the publishing government, or "" when the
	// document gives no basis (see HomeCountry), and HomeBy the kind of
	// evidence that decided it (HomeByPublisher, ...).
	Home, HomeBy string
	// Principal is the publishing side's lead official, if any: the
	// Speaker when the release is someone's words, else the official of
	// the publisher named most often.
	Principal Person
	// Speaker is the person whose words the release is, when it says so:
	// "Remarks by X", "X's Statement", a transcript's "X, Minister ...:".
	// The first person ("I", "we") is the Speaker.
	Speaker Person
	// Legs are the itinerary lines: a visited country (or city) with its
	// dates, as a header or a table row.
	Legs []Leg
	// Sections tie stretches of text to a visited country: the text after
	// an itinerary header up to the next one, or a table row's own line.
	Sections []Section
	// Furniture is the offset where the page's furniture starts: the
	// related-articles lists, comments and share buttons after the
	// release ("Related posts", "Leave a Reply"); len(d.Text) when none.
	// Countries named there are the document's; events told there are
	// other releases', and Stack.Run drops them.
	Furniture int

	byStart []Mention // d.Mentions by start offset
	starts  []int     // the start offset of each of byStart, searched by within
	// startsAt[b] is the index in byStart of the first mention that
	// starts at or after b<<startShift: within looks there, not through
	// all of starts
	startsAt []int32
	// the spans of organization and gathering mentions
	orgs, gatherings []Span
	// the organizations' and the sections' spans, to search
	orgSpans, sectionSpans spanSet
	// the gatherings by start, and the furthest end of each prefix:
	// gatheringEnds[i] of gatheringsByStart[:i+1]
	gatheringsByStart []Span
	gatheringEnds     []int
	// the person mentions of byStart by name, found on first need
	// (personMentions)
	personsByName map[string][]int
	// the start offsets of the mentions of each kind, in order, made on
	// the first long span has asks about
	kindStarts map[Kind][]int
	// peer's answer, found on first need
	peerMemo Person
	peerOK   bool
	peerDone bool
	// mostNamedForeign's answer, found on first need
	mostForeign     string
	mostForeignDone bool
	// the index a ranking release is about, found on first need
	docIndex     *indexName
	docIndexDone bool
	// the meetings and the visits, read once: each reads the other
	meetingsMemo []Event
	meetingsDone bool
	visitsMemo   []Event
	visitsDone   bool
	// the gatherings' events, read once for the extractor and the visits
	gatherMemo []Event
	gatherDone bool
	// retDay is the day the publisher's traveller came home, as a
	// sentence tells it right after its return words (withoutReturnDay)
	retDay *DateRange
	// the names of the officials who visited the publisher's country
	visitors []string
	// the visits read from each sentence while settling persons, when
	// the settling changed none of them
	sentVisits [][]visit
	words      wordCache
	// found backs the pairs findIn returns
	found []int
	// sentBits[i] is the union of the phrase bits (word.starts) of
	// sentence i's words, found on first need (sentenceMay)
	sentBits []uint64
	// lastSentence is the sentence lowerWords was last asked about, or
	// the one sentence returned last: most often the one asked about next
	lastSentence int
	ix           *textIndex // built on first need (index)
}

// index returns the document's textIndex, built on first need.
func (c *Frame) index() *textIndex {
	if c.ix == nil {
		c.ix = newTextIndex(c.d.Text)
	}
	return c.ix
}

// wordCache holds lowerWords of the sentences and lines that several
// event extractors read, by where the text lies in Doc.Text.
type wordCache struct {
	m   map[textKey][]word
	buf []word // backs the slices of m
}

// textKey identifies a substring of a document by the address and length
// of its bytes: two extractors reading the same sentence share its words,
// and the cache never hashes whole sentences. Strings are immutable, so
// one address and length always hold the same text.
type textKey struct {
	p *byte
	n int
}

// lowerWords returns lowerWords(text), tokenized once per frame for each
// substring of the document's text it is asked about.
func (c *Frame) lowerWords(text string) []word {
	if i := c.d.sentenceOfText(text, c.lastSentence); i >= 0 {
		c.lastSentence = i
		return c.d.sentWords[i] // a sentence: split once with the sentences
	}
	w := &c.words
	k := textKey{unsafe.StringData(text), len(text)}
	if ws, ok := w.m[k]; ok {
		return ws
	}
	if w.m == nil {
		// Most texts asked about are sentences, split elsewhere; the rest
		// are few and short, so the buffer starts small and grows.
		w.m = make(map[textKey][]word)
		w.buf = make([]word, 0, 64)
	}
	// The words of all texts share one backing array; each text's slice
	// is capped, so that nothing appended to it can overwrite another's.
	start := len(w.buf)
	w.buf = appendLowerWords(w.buf, text)
	ws := w.buf[start:len(w.buf):len(w.buf)]
	w.m[k] = ws
	return ws
}

// sentenceMay reports whether p may occur in sentence i: whether a word
// of it can start one of p's phrases. When not, p.find over the
// sentence's words finds none, and is not run.
func (c *Frame) sentenceMay(i int, p *phrases) bool {
	if c.sentBits == nil {
		c.sentBits = make([]uint64, len(c.d.Sentences))
		for k, sp := range c.d.Sentences {
			var ws []word
			if c.d.sentWords != nil {
				ws = c.d.sentWords[k] // split with the sentences
			} else {
				ws = c.lowerWords(c.d.Text[sp.Start:sp.End]) // into the frame's cache, for the readings to come
			}
			for _, w := range ws {
				c.sentBits[k] |= w.starts
			}
		}
	}
	return c.sentBits[i]&p.bit != 0
}

// findIn is findIn over the cached words. The pairs it returns are cut
// from a buffer that is never written again, not allocated one by one.
func (c *Frame) findIn(p *phrases, text string) []int {
	ws := c.lowerWords(text)
	i, j, ok := p.find(ws)
	if !ok {
		return nil
	}
	if len(c.found)+2 > cap(c.found) {
		c.found = make([]int, 0, 16) // the old one stays with the pairs cut from it
	}
	n := len(c.found)
	c.found = append(c.found, ws[i].start, ws[j-1].end)
	return c.found[n : n+2 : n+2]
}

// matches is matches over the cached words.
func (c *Frame) matches(p *phrases, text string) bool { return p.in(c.lowerWords(text)) }

// statusOf reads a sentence's tense, with the dates as a tie-breaker:
// dates after publication are planned. It reads the cached words.
// A headline's bare infinitive ("Minister to visit Chile") is future.
func (c *Frame) statusOf(sentence string, dr *DateRange, pub *Timestamp) Status {
	ws := c.lowerWords(sentence)
	if t := c.d.Meta.Title; t != "" && strings.TrimSpace(t) == strings.TrimSpace(sentence) && headlineFuturePh.in(ws) {
		return Planned
	}
	return statusFromWords(ws, dr, pub)
}

// headlineFuturePh are headline infinitives: "Minister to visit Chile".
var headlineFuturePh = newPhrases(vocab("tense.future.headline")...)

// Section is a stretch of text that an itinerary header or table row ties
// to a visited country.
type Section struct {
	Span
	Country string // ISO3
}

// BuildFrame decides d's frame. d's mentions must be complete and sorted
// by start offset. It does not modify d.
func BuildFrame(d *Doc) *Frame {
	c := &Frame{d: d, Home: HomeCountry(d), HomeBy: d.HomeBy}
	homeForms(d, c.Home)
	c.setMentions()
	for _, m := range d.Mentions {
		switch m.Kind {
		case KindOrganization:
			c.orgs = append(c.orgs, m.Span)
		case KindGathering:
			c.gatherings = append(c.gatherings, m.Span)
		}
	}
	c.orgSpans = newSpanSet(len(c.orgs), func(i int) Span { return c.orgs[i] })
	c.gatheringsByStart = slices.Clone(c.gatherings)
	slices.SortStableFunc(c.gatheringsByStart, func(a, b Span) int { return a.Start - b.Start })
	c.gatheringEnds = make([]int, len(c.gatherings))
	for i, g := range c.gatheringsByStart {
		c.gatheringEnds[i] = g.End
		if i > 0 {
			c.gatheringEnds[i] = max(g.End, c.gatheringEnds[i-1])
		}
	}
	c.Furniture = furnitureStart(d.Text)
	c.principals()
	c.Legs = itineraryLines(c)
	c.Sections = sections(d, c.Legs)
	c.sectionSpans = newSpanSet(len(c.Sections), func(i int) Span { return c.Sections[i].Span })
	if c.settlePersons() {
		c.setMentions()
		c.principals()
	}
	return c
}

// setMentions sets byStart from d.Mentions and forgets what was read from
// the mentions before.
func (c *Frame) setMentions() {
	// Stack.Mentions sorts them, and no reading writes into byStart, so
	// most often byStart is d.Mentions itself; unsorted ones (while the
	// mentions are still being found) are copied, not reordered in d.
	ms := c.d.Mentions
	if !slices.IsSortedFunc(ms, mentionByStart) {
		ms = sortedByStart(c.d.Mentions)
	}
	c.setByStart(ms)
	c.personsByName = nil
	c.peerDone = false
}

func mentionByStart(a, b Mention) int { return a.Span.Start - b.Span.Start }

// setByStart makes ms, sorted by start, the mentions the frame reads.
func (c *Frame) setByStart(ms []Mention) {
	c.byStart = ms
	c.kindStarts = nil // read from byStart: made again on need
	c.starts = slices.Grow(c.starts[:0], len(c.byStart))
	for _, m := range c.byStart {
		c.starts = append(c.starts, m.Span.Start)
	}
	n := len(c.d.Text)>>startShift + 1
	c.startsAt = slices.Grow(c.startsAt[:0], n)[:n]
	for b, i := 0, 0; b < n; b++ {
		for i < len(c.starts) && c.starts[i] < b<<startShift {
			i++
		}
		c.startsAt[b] = int32(i)
	}
}

// sortedByStart returns a copy of ms stably sorted by start offset. While
// the mentions are still being found, they are most often two sorted
// runs, the dates' and the countries': those are merged.
func sortedByStart(ms []Mention) []Mention {
	cut := min(1, len(ms))
	for cut < len(ms) && ms[cut-1].Span.Start <= ms[cut].Span.Start {
		cut++
	}
	a, b := ms[:cut], ms[cut:]
	if !slices.IsSortedFunc(b, func(x, y Mention) int { return x.Span.Start - y.Span.Start }) {
		// sorted through their indices, which are cheaper to move
		order := make([]int32, len(ms))
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortStableFunc(order, func(a, b int32) int { return ms[a].Span.Start - ms[b].Span.Start })
		out := make([]Mention, len(ms))
		for i, k := range order {
			out[i] = ms[k]
		}
		return out
	}
	out := make([]Mention, 0, len(ms))
	for len(a) > 0 && len(b) > 0 {
		if b[0].Span.Start < a[0].Span.Start { // a's first on a tie: stable
			out, b = append(out, b[0]), b[1:]
		} else {
			out, a = append(out, a[0]), a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// personMentions returns the indices in byStart of the person mentions
// of the person named name (personOf's Name), in text order.
func (c *Frame) personMentions(name string) []int {
	if c.personsByName == nil {
		c.personsByName = map[string][]int{}
		for i, m := range c.byStart {
			if m.Kind == KindPerson {
				n := personOf(m).Name
				c.personsByName[n] = append(c.personsByName[n], i)
			}
		}
	}
	return c.personsByName[name]
}

// stateForms are forms of state that stand for a country: "the Kingdom".
var stateForms = vocab("state.forms")

// homeForms adds a country mention of home for each "the Kingdom", "the
// Grand Duchy" (capitalized, not followed by "of") when home's official
// name holds that form of state: a release calls its own country so
// ("who was on a working visit to the Kingdom"). d.Mentions stays sorted.
func homeForms(d *Doc, home string) {
	if home == "" {
		return
	}
	ctry, ok := gazetteer.ByISO3(home)
	if !ok {
		return
	}
	var forms []string
	for _, n := range ctry.Names {
		for _, f := range stateForms {
			if formOf(n, f) {
				forms = append(forms, "the "+titleCaseWords(f))
			}
		}
	}
	text := d.Text
	// "who arrived in the country on Sunday": the publisher's country
	var add []Mention
	for i := 0; ; {
		k := strings.Index(text[i:], " in the country")
		if k < 0 {
			break
		}
		at := i + k
		i = at + len(" in the country")
		if i < len(text) && isWordByte(text[i]) {
			continue
		}
		switch strings.ToLower(lastWord(text[max(0, at-12):at])) {
		case "arrived", "arrives", "arriving", "arrival", "arrive":
			s := at + len(" in the ")
			add = append(add, Mention{Kind: KindCountry, Span: Span{s, i}, Text: text[s:i], Value: home})
		}
	}
	for _, f := range forms {
		// "the Kingdom" sought from "Kingdom", whose capital is rarer
		// than a "t": neither overlaps itself, so each finds the same
		name := f[len("the "):]
		for i := 0; ; {
			k := strings.Index(text[i:], name)
			if k < 0 {
				break
			}
			s := i + k
			e := s + len(name)
			i = e
			if s < len("the ") || text[s-len("the "):s] != "the " {
				continue
			}
			if e < len(text) && (isWordByte(text[e]) || strings.HasPrefix(text[e:], " of ")) {
				continue
			}
			add = append(add, Mention{Kind: KindCountry, Span: Span{s, e}, Text: text[s:e], Value: home})
		}
	}
	if len(add) == 0 {
		return
	}
	d.Mentions = append(d.Mentions, add...)
	sortMentions(d.Mentions)
}

// formOf is strings.HasPrefix(strings.ToLower(name), form+" of "),
// without lower-casing the name when that cannot change what it starts
// with.
func formOf(name, form string) bool {
	if lowersToASCII(name) {
		return strings.HasPrefix(strings.ToLower(name), form+" of ")
	}
	return asciiPrefixFold(name, form) && asciiPrefixFold(name[len(form):], " of ")
}

// titleCaseWords capitalizes each word: "grand duchy" -> "Grand Duchy".
func titleCaseWords(s string) string {
	ws := strings.Fields(s)
	for i, w := range ws {
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// principals decides the Speaker and the Principal.
func (c *Frame) principals() {
	c.Speaker = Person{}
	if sp, ok := speaker(c.d, c.index()); ok {
		c.Speaker = c.withHome(personOf(sp))
	}
	c.Principal = principal(c.d, c.Home, c.index())
	if c.Speaker.Name != "" && (c.Speaker.Country == c.Home || c.Speaker.Country == "") {
		c.Principal = c.Speaker
	}
}

// settlePersons decides the country of each person whose title states
// none (Mention.CountryAssumed), in d.Mentions, and reports whether it
// changed any:
//   - a visitor, the traveller of a visit to the publisher's country, is
//     foreign: of the country the context gave, else of the foreign
//     country the document names most;
//   - a person told where they are ("In Mongolia, ...", "While in
//     Luxembourg, ...", "in Riga", an itinerary section, "continuing on
//     to Lebanon, where X will receive him") is of that place's country;
//   - a person met on a trip of the publisher's officials to one country
//     only is of that country;
//   - anyone else is the publisher's.
func (c *Frame) settlePersons() bool {
	d := c.d
	if c.Home == "" {
		return false
	}
	// who travels where: a first reading of the visits, kept for the
	// visits extractor unless the settling changes a person
	dests := map[string]bool{}
	visitors := map[string]bool{}
	c.sentVisits = make([][]visit, len(d.Sentences))
	for i := range d.Sentences {
		c.sentVisits[i] = c.sentenceVisits(i)
		if d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		for _, v := range c.sentVisits[i] {
			switch {
			case v.Country == c.Home && v.Actor.Name != "":
				if !visitors[v.Actor.Name] {
					c.visitors = append(c.visitors, v.Actor.Name)
				}
				visitors[v.Actor.Name] = true
			case v.Country != c.Home && v.Place == "" && (v.Actor.Country == c.Home || v.Actor.Country == ""):
				dests[v.Country] = true
			}
		}
	}
	if !slices.ContainsFunc(d.Mentions, func(m Mention) bool { return m.Kind == KindPerson && m.CountryAssumed }) {
		return false // every person's country stated
	}
	// the subjects of meetings and travel are the side that acts: never
	// the one met
	subjects := map[string]bool{}
	for i := range d.Sentences {
		if d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		if !c.has(d.Sentences[i], KindPerson) || !c.sentenceMay(i, meetPh) && !c.sentenceMay(i, travelPh) {
			continue // no subject to find, or no word to find one by
		}
		text, sp := c.sentence(i)
		ws := c.lowerWords(text)
		vi, ok := 0, false
		if c.sentenceMay(i, meetPh) {
			vi, _, ok = meetPh.find(ws)
		}
		if c.sentenceMay(i, travelPh) {
			if ti, _, tok := travelPh.find(ws); tok && (!ok || ti < vi) {
				vi, ok = ti, true
			}
		}
		if !ok {
			continue
		}
		for m := range c.each(KindPerson, sp) {
			if m.Span.Start-sp.Start < ws[vi].start && !c.index().inParens(m.Span.Start) &&
				!strings.HasPrefix(d.Text[m.Span.End:], " and I ") { // "X and I held a meeting": X is met
				subjects[m.Value] = true
			}
			break
		}
	}
	onlyDest := ""
	if len(dests) == 1 {
		for k := range dests {
			onlyDest = k
		}
	}
	decided := map[string]string{} // person value -> country
	found := map[string]bool{}     // decided by a rule, not for want of one
	for _, m := range d.Mentions {
		if m.Kind != KindPerson || !m.CountryAssumed || found[m.Value] {
			continue
		}
		iso, rule := m.Country, true // the publisher's, or a guess from the context
		switch {
		case visitors[personOf(m).Name]:
			if !c.foreign(iso) {
				iso = c.mostNamedForeign()
			}
		case m.Rank == Ambassador && envoyTo(m.Title):
			iso = c.Home // "High Commissioner-designate to Canada X": the publisher's envoy
		case c.companion(m):
			iso = c.Home // "together with Parliamentary Secretary X": of the delegation
		default:
			if where := c.whereClause(m); where != "" && !subjects[m.Value] {
				iso = where
				break
			}
			met := c.met(m)
			switch {
			case met && c.metByForeign(m):
				iso = c.Home // the host of a foreign visitor
			case met && !subjects[m.Value]:
				switch loc := c.locationOf(m); {
				case loc != "":
					iso = loc
				case onlyDest != "" && iso == c.Home:
					iso = onlyDest
				default:
					rule = false
				}
			default:
				rule = false
			}
		}
		if _, ok := decided[m.Value]; !ok || rule {
			decided[m.Value] = iso
		}
		found[m.Value] = rule
	}
	changed := false
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Kind != KindPerson || !m.CountryAssumed {
			continue
		}
		if iso := decided[m.Value]; iso != m.Country {
			m.Country = iso
			if m.Title != "" {
				if r, _ := gazetteer.TitleIn(m.Title, iso); r != "" {
					m.Rank = Rank(r)
				}
			}
			changed = true
		}
	}
	if changed {
		c.sentVisits = nil // read again with the settled countries
	}
	return changed
}

// locationOf returns the country where m's sentence, or its paragraph's
// first sentence, places it: "In X, ...", "While in X, ..." (a country or
// a city), or "in <city>, " in the clause before m; or the itinerary
// section's country; else "".
func (c *Frame) locationOf(m Mention) string {
	si := SentenceAt(c.d.Sentences, m.Span.Start)
	if si < 0 {
		return ""
	}
	_, sp := c.sentence(si)
	if iso := c.placeIn(Span{sp.Start, m.Span.Start}); iso != "" {
		return iso
	}
	// the paragraph's first sentence: "In Nay Pyi Taw, the Minister called
	// on ... He also held a bilateral meeting with X."
	para := c.paragraph(sp.Start)
	if first := SentenceAt(c.d.Sentences, para.Start); first >= 0 && first < si {
		_, fs := c.sentence(first)
		if iso := c.placeIn(Span{fs.Start, min(fs.End, fs.Start+40)}); iso != "" {
			return iso
		}
	}
	return c.countryAt(m.Span.Start)
}

// placeIn returns the country of a place or country named after "in" in
// s, at its start ("In Mongolia, ...", "While in Riga, ...") or before a
// comma ("in Riga, the Minister met ..."); else "".
func (c *Frame) placeIn(s Span) string {
	text := c.d.Text
	for _, p := range c.within(s) {
		iso := namedCountry(p)
		if iso == "" {
			continue
		}
		w := strings.ToLower(lastWord(text[max(s.Start, p.Span.Start-8):p.Span.Start]))
		if w == "in" && (p.Span.Start-s.Start < 12 || strings.HasPrefix(text[p.Span.End:], ",")) {
			return iso
		}
	}
	return ""
}

// whereClause returns X when m stands in "to X, where m ..."
// ("continuing on to Lebanon, where X will receive him"), else "".
func (c *Frame) whereClause(m Mention) string {
	si := SentenceAt(c.d.Sentences, m.Span.Start)
	if si < 0 {
		return ""
	}
	_, sp := c.sentence(si)
	text := c.d.Text
	for _, p := range c.within(Span{sp.Start, m.Span.Start}) {
		if (p.Kind == KindCountry && !isDemonymMention(p) || p.Kind == KindPlace) &&
			strings.HasPrefix(text[p.Span.End:], ", where") && m.Span.Start-p.Span.End < 40 {
			if p.Kind == KindPlace {
				return p.Country
			}
			return p.Value
		}
	}
	return ""
}

// metByForeign reports whether the person before the meeting word in m's
// sentence is of a stated foreign country: m is then the host.
func (c *Frame) metByForeign(m Mention) bool {
	si := SentenceAt(c.d.Sentences, m.Span.Start)
	_, sp := c.sentence(si)
	for p := range c.each(KindPerson, Span{sp.Start, m.Span.Start}) {
		if p.Value != m.Value {
			return !p.CountryAssumed && c.foreign(p.Country)
		}
	}
	// "The programme of the President of Malta's visit to Chile opened
	// with a bilateral meeting with President X": a foreign official's
	// visit, unnamed, meets X
	for q := range c.each(KindCountry, Span{sp.Start, m.Span.Start}) {
		if !c.foreign(q.Value) {
			continue
		}
		// "the President of Malta's visit", "the visit to Ghana by the
		// President of Togo began with talks with X"
		if ownerOfVisit(c.d.Text[q.Span.End:]) || officeAt(c.d.Text, c.index(), sp.Start, q.Span.Start) && visitWordPh.in(c.lowerWords(c.d.Text[sp.Start:q.Span.Start])) {
			return true
		}
	}
	return false
}

// met reports whether m is someone met: a person named shortly after a
// meeting word in the same clause ("paid a courtesy call on Prime
// Minister X", "held talks with the President, X"), or before "and I"
// with one ("X and I held a meeting"). Not a meeting between others
// ("the meeting between President X and ...").
func (c *Frame) met(m Mention) bool {
	si := SentenceAt(c.d.Sentences, m.Span.Start)
	if si < 0 {
		return false
	}
	text, sp := c.sentence(si)
	at := m.Span.Start - sp.Start
	if hasPrefixLower(text[m.Span.End-sp.Start:], " and i ") {
		return true
	}
	ws := c.lowerWords(text)
	for i, j, ok := meetPh.find(ws); ok && ws[i].start < at; i, j, ok = meetPh.findFrom(ws, j) {
		gap := text[ws[j-1].end:at]
		if calledBy(gap) {
			continue // "courtesy calls by X": X calls
		}
		if len(gap) <= 80 && !strings.ContainsAny(gap, ";") && strings.Count(gap, ",") <= 2 && !containsLower(gap, "between") {
			return true
		}
	}
	return false
}

// envoyTo reports whether an envoy's title names where they are sent and
// not whose they are: "High Commissioner-designate to Canada",
// "Ambassador to Japan".
func envoyTo(title string) bool {
	t := strings.ToLower(title)
	return strings.Contains(t, " to ") && !strings.Contains(t, " of ")
}

// companion reports whether m is named as the companion of the sentence's
// traveller: "together with Parliamentary Secretary X", "accompanied by",
// "along with", "joined by".
func (c *Frame) companion(m Mention) bool {
	si := SentenceAt(c.d.Sentences, m.Span.Start)
	if si < 0 {
		return false
	}
	_, sp := c.sentence(si)
	raw := c.d.Text[max(sp.Start, m.Span.Start-200):m.Span.Start]
	if !mayHoldCue(raw) {
		return false
	}
	pre := strings.ToLower(raw)
	for _, cue := range companionCues {
		// the list after the cue: "together with A and B", titles between
		if i := strings.LastIndex(pre, cue); i >= 0 && !strings.ContainsAny(pre[i:], ";") && strings.Count(pre[i:], ",") <= 2 &&
			!travelPh.in(lowerWords(pre[i:])) {
			return true
		}
	}
	return false
}

// companionCues introduce those who travel with someone.
var companionCues = vocab("companion.cues")

// mayHoldCue reports whether strings.ToLower(s), s of up to 200 bytes,
// may hold one of the companionCues: false only when s is ASCII and
// holds none of them in any case, which it tells without allocating.
func mayHoldCue(s string) bool {
	var buf [200]byte
	if len(s) > len(buf) {
		return true
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= utf8.RuneSelf {
			return true // lower-cased by strings.ToLower, read there
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf[i] = b
	}
	low := buf[:len(s)]
	for _, cue := range companionCues {
		if bytes.Contains(low, []byte(cue)) {
			return true
		}
	}
	return false
}

// mostNamedForeign returns the foreign country the document names most
// often (first named on a tie), or "".
func (c *Frame) mostNamedForeign() string {
	if !c.mostForeignDone {
		c.mostForeign, c.mostForeignDone = c.findMostNamedForeign(), true
	}
	return c.mostForeign
}

// findMostNamedForeign computes mostNamedForeign: it reads the country
// mentions, which settling persons does not change.
func (c *Frame) findMostNamedForeign() string {
	n := map[string]int{}
	best := ""
	for _, m := range c.d.Mentions {
		if m.Kind != KindCountry || !c.foreign(m.Value) {
			continue
		}
		n[m.Value]++
		if best == "" || n[m.Value] > n[best] {
			best = m.Value
		}
	}
	return best
}

// sentence returns the text and span of sentence i. Its words are most
// often asked for next: lowerWords tries it first.
func (c *Frame) sentence(i int) (string, Span) {
	s := c.d.Sentences[i]
	c.lastSentence = i
	return c.d.Text[s.Start:s.End], s
}

// in returns the mentions of kind k inside span s, in text order.
func (c *Frame) in(k Kind, s Span) []Mention {
	return collect(c.within(s), func(m *Mention) bool { return m.Kind == k && s.Contains(m.Span) })
}

// each yields the mentions of kind k inside span s, in text order: in
// without the copy, for a reading that only walks them.
func (c *Frame) each(k Kind, s Span) iter.Seq[Mention] {
	return func(yield func(Mention) bool) {
		for i, ms := 0, c.within(s); i < len(ms); i++ {
			if ms[i].Kind == k && s.Contains(ms[i].Span) && !yield(ms[i]) {
				return
			}
		}
	}
}

// collect returns copies of the mentions of ms that keep accepts, or nil;
// they are counted first, so that one allocation holds them.
func collect(ms []Mention, keep func(*Mention) bool) []Mention {
	n := 0
	for i := range ms {
		if keep(&ms[i]) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Mention, 0, n)
	for i := range ms {
		if keep(&ms[i]) {
			out = append(out, ms[i])
		}
	}
	return out
}

// has reports whether a mention of one of the kinds starts inside s.
func (c *Frame) has(s Span, kinds ...Kind) bool {
	ms := c.within(s)
	if len(ms) > 64 {
		// a long span (a paragraph of a document on one line, asked
		// about for each of its sentences): each kind's starts are
		// searched, not every mention in it
		if c.kindStarts == nil {
			c.kindStarts = map[Kind][]int{}
			for i := range c.byStart {
				k := c.byStart[i].Kind
				c.kindStarts[k] = append(c.kindStarts[k], c.starts[i])
			}
		}
		for _, k := range kinds {
			st := c.kindStarts[k]
			if i := sort.SearchInts(st, s.Start); i < len(st) && st[i] < s.End {
				return true
			}
		}
		return false
	}
	for _, m := range ms {
		for _, k := range kinds {
			if m.Kind == k {
				return true
			}
		}
	}
	return false
}

// within returns the mentions that start inside s, by start offset.
func (c *Frame) within(s Span) []Mention {
	lo := c.firstFrom(s.Start)
	if lo == len(c.starts) || c.starts[lo] >= s.End {
		return c.byStart[lo:lo]
	}
	return c.byStart[lo:c.firstFrom(s.End)]
}

// startShift sets the stretch of text a startsAt entry covers: 64 bytes,
// which few mentions start in.
const startShift = 6

// firstFrom returns the index in byStart of the first mention that starts
// at or after off, or len(byStart): from startsAt, then a step per
// mention that starts in off's stretch before off.
func (c *Frame) firstFrom(off int) int {
	if off <= 0 {
		return 0
	}
	b := off >> startShift
	if b >= len(c.startsAt) {
		return len(c.starts) // past the text, where every mention starts
	}
	i := int(c.startsAt[b])
	for i < len(c.starts) && c.starts[i] < off {
		i++
	}
	return i
}

// countryAt returns the visited country whose section holds off, or "".
func (c *Frame) countryAt(off int) string {
	if i := c.sectionSpans.first(off); i >= 0 {
		return c.Sections[i].Country
	}
	return ""
}

// paragraph returns the span of the paragraph (text between blank lines
// or line breaks) that holds off.
func (c *Frame) paragraph(off int) Span {
	ix := c.index()
	return Span{ix.lineStart(off), ix.lineEnd(off)}
}

// foreign reports whether a country is neither empty nor the publisher's.
func (c *Frame) foreign(iso string) bool { return iso != "" && iso != c.Home }

// personOf returns the Person a person mention stands for.
func personOf(m Mention) Person {
	name := m.Value
	if name == "" {
		name = m.Text
	}
	return Person{Name: name, Title: m.Title, Rank: m.Rank, Org: m.Org, Country: m.Country}
}

// rankOrder orders ranks by seniority, for choosing the principal.
var rankOrder = map[Rank]int{
	HeadOfState: 10, HeadOfGovernment: 9, Royal: 8, Minister: 7, MinisterOfState: 6,
	ViceMinister: 5, SecretaryGeneral: 5, Ambassador: 4, Governor: 4, Mayor: 3,
	Chair: 3, Director: 3, Legislator: 3, Councillor: 2, Official: 1,
}

// principal picks the publishing side's lead official: among persons of
// the home country (or with no country), the one mentioned most often,
// then the more senior, then the earliest. Heads of state mentioned in
// passing rarely lead a delegation, so they only win on frequency.
func principal(d *Doc, home string, ix *textIndex) Person {
	type cand struct {
		m     Mention
		n     int
		first int
	}
	var cands []cand // in order of first mention
	byName := map[string]int{}
	for _, m := range d.Mentions {
		if m.Kind != KindPerson || (m.Country != "" && m.Country != home) {
			continue
		}
		if ix.inParens(m.Span.Start) {
			continue // "(MOIS, Minister Kim)": the head of the sending body
		}
		key := m.Value
		if key == "" {
			key = m.Text
		}
		k, ok := byName[key]
		if !ok {
			k = len(cands)
			cands = append(cands, cand{m: m, first: m.Span.Start})
			byName[key] = k
		}
		c := &cands[k]
		c.n++
		if c.m.Title == "" && m.Title != "" {
			c.m = m
		}
	}
	if len(cands) == 0 {
		return Person{}
	}
	// the most named, then the highest ranked, then the first named: the
	// first of the candidates that none comes before
	best := &cands[0]
	for k := 1; k < len(cands); k++ {
		a := &cands[k]
		if a.n != best.n {
			if a.n > best.n {
				best = a
			}
			continue
		}
		if ra, rb := rankOrder[a.m.Rank], rankOrder[best.m.Rank]; ra != rb {
			if ra > rb {
				best = a
			}
			continue
		}
		if a.first < best.first {
			best = a
		}
	}
	p := personOf(best.m)
	if p.Country == "" {
		p.Country = home
	}
	return p
}

// speechNouns name a release that is someone's words.
var speechNouns = vocabSet("speech.nouns")

// speaker returns the person whose words the release is: the person the
// headline names after a speech noun and "by", "of" or "from" ("Remarks
// by Secretary X", "Press Conference by Foreign Minister X") or before
// one with "'s" ("X's Remarks to the Media"), or the person who opens a
// line as a transcript's speaker, before a colon ("Mr. X, Minister for
// Foreign Affairs: Good evening").
func speaker(d *Doc, ix *textIndex) (Mention, bool) {
	text := d.Text
	ts := d.Meta.TitleSpan
	for _, m := range d.Mentions {
		if m.Kind != KindPerson {
			continue
		}
		if ts.End > ts.Start && ts.Contains(m.Span) {
			// "by X", "of X" after a speech noun, before the name's title
			pre := strings.Fields(strings.ToLower(text[ts.Start:m.Span.Start]))
			for i := len(pre) - 1; i >= 1 && i >= len(pre)-8; i-- {
				if (pre[i] == "by" || pre[i] == "of" || pre[i] == "from") && speechNouns[strings.Trim(pre[i-1], ",:")] {
					return m, true
				}
			}
			// "X's Remarks"
			rest := text[m.Span.End:ts.End]
			if r, ok := strings.CutPrefix(rest, "'s "); ok {
				if speechNouns[strings.ToLower(homeFirstWord(r))] {
					return m, true
				}
			}
			continue
		}
		// a transcript's speaker: the line opens with the person (after
		// an honorific) and a colon ends the label before any full stop
		ls := ix.lineStart(m.Span.Start)
		if !labelLead(text[ls:m.Span.Start]) {
			continue
		}
		line := text[m.Span.End:ix.lineEnd(m.Span.End)]
		line = line[:min(len(line), 80)] // a colon further on ends no label
		if k := strings.IndexByte(line, ':'); k >= 0 && k < 80 && !strings.Contains(line[:k], ". ") {
			return m, true
		}
	}
	return Mention{}, false
}

// furnitureHeads open the page furniture after a release.
var furnitureHeads = vocabSet("furniture.heads")

// furnitureStart returns the start of the first line, after the first
// quarter of the text, that is a furniture heading ("Related posts",
// "Related Articles", "Leave a Reply", "No comments:"), or len(text).
func furnitureStart(text string) int {
	for l := range lineSpans(text) {
		if l.Start < len(text)/4 {
			continue
		}
		line := strings.TrimSpace(text[l.Start:l.End])
		if len(strings.TrimRight(line, " :.…")) > 3*40 {
			continue // over 40 bytes lower-cased too: no rune lower-cases to under a third of its bytes
		}
		if furnitureHead(line) {
			return l.Start
		}
	}
	return len(text)
}

// furnitureHead reports whether a trimmed line, lower-cased and without
// its trailing " :.…", is one of furnitureHeads. An ASCII line is
// lower-cased into a buffer, which the map look-up reads without copying.
func furnitureHead(line string) bool {
	t := strings.TrimRight(line, " :.…")
	for i := 0; i < len(t); i++ {
		if t[i] >= utf8.RuneSelf {
			t = strings.TrimRight(strings.ToLower(line), " :.…")
			return len(t) <= 40 && furnitureHeads[t]
		}
	}
	var buf [40]byte
	return len(t) <= len(buf) && furnitureHeads[string(appendLowerASCII(buf[:0], t))]
}

// inFurniture reports whether off lies in the page furniture.
func (c *Frame) inFurniture(off int) bool { return off >= c.Furniture }

// labelLead reports whether the text before a name on its line can open a
// speaker's label: nothing, or an honorific or title of capitalized words
// ("Mr.", "State Secretary").
func labelLead(lead string) bool {
	if len(lead) > 60 || strings.ContainsAny(lead, ",:;") {
		return false
	}
	for w := range strings.FieldsSeq(lead) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// headerRe matches the start of an itinerary line: a country (checked by
// the caller against the country mentions) then a date in parentheses or
// after a colon or tab.
var headerTail = regexp.MustCompile(`^\s*(?:\(|:|\t|-\s)`)

// sections finds itinerary headers and table rows ("Saudi Arabia (March
// 3-5)\t...", "Italy: March 6-9") and ties the text after each header, up
// to the next one, to its country. Table rows tie only their own line.
func sections(d *Doc, legs []Leg) []Section {
	var out []Section
	for _, h := range legs {
		end := len(d.Text)
		if h.Row {
			end = h.Line.End
		}
		out = append(out, Section{Span: Span{h.Line.Start, end}, Country: h.Country})
	}
	// A header's section ends where the next header starts.
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j].Start > out[i].Start && out[j].Start < out[i].End {
				out[i].End = out[j].Start
				break
			}
		}
	}
	return out
}

// Leg is one itinerary line: a visited country and its dates.
type Leg struct {
	Line    Span   // the line, without its "\n"
	Country string // ISO3 of the country visited
	Place   string // the city that named it, if a city did
	Dates   *DateRange
	Row     bool // a table row (text follows on the line), not a header
}

// itineraryLines returns lines that start with a foreign country (or a
// city) followed at once by a date: "Saudi Arabia (March 3-5)",
// "The United Arab Emirates (UAE) (March 5-6)", "Italy: March 6-9",
// "Prague, Czechia\t2-4 May".
func itineraryLines(c *Frame) []Leg {
	var out []Leg
	for l := range lineSpans(c.d.Text) {
		// a leg is read from the mentions that start on its line, or at
		// its end: a line without one holds none
		if i := c.firstFrom(l.Start); i == len(c.starts) || c.starts[i] > l.End {
			continue
		}
		if it, ok := itineraryLine(c, l.Start, l.End); ok {
			out = append(out, it)
		}
	}
	return out
}

func itineraryLine(c *Frame, ls, le int) (Leg, bool) {
	d, home := c.d, c.Home
	if it, ok := tableRow(c, ls, le); ok {
		return it, true
	}
	line := d.Text[ls:le]
	lead := len(line) - len(strings.TrimLeft(line, " -*•o\t"))
	if lead > 0 && strings.HasPrefix(strings.TrimLeft(line, " "), "o") && !strings.HasPrefix(strings.TrimLeft(line, " "), "o ") {
		lead = len(line) - len(strings.TrimLeft(line, " "))
	}
	if lead > 0 {
		if it, ok := dateFirstLine(c, ls+lead, le); ok {
			return it, true
		}
	}
	rest := strings.TrimPrefix(line[lead:], "The ")
	rest = strings.TrimPrefix(rest, "the ")
	off := ls + (len(line) - len(rest))
	var country, place string
	var nameEnd int
	for _, m := range c.within(Span{off, off + 1}) {
		switch m.Kind {
		case KindCountry:
			if m.Value != home && !isDemonymMention(m) {
				country, nameEnd = m.Value, m.Span.End
			}
		case KindPlace:
			if m.Country != "" && m.Country != home && country == "" {
				country, place, nameEnd = m.Country, m.Text, m.Span.End
			}
		}
	}
	if country == "" {
		return Leg{}, false
	}
	// Skip an alias in parentheses and a ", Country" after a city.
	p := nameEnd
	for {
		q := strings.TrimLeft(d.Text[p:le], " ")
		if strings.HasPrefix(q, "(") {
			cl := strings.IndexByte(q, ')')
			if cl > 0 && cl < 40 && !strings.ContainsAny(q[1:cl], "0123456789") {
				p = le - len(q) + cl + 1
				continue
			}
		}
		if strings.HasPrefix(q, ",") {
			for _, m := range c.within(Span{p + 1, p + 4}) {
				if m.Kind == KindCountry && m.Span.End <= le {
					p = m.Span.End
					break
				}
			}
			if p != le-len(q) {
				continue
			}
		}
		break
	}
	tail := d.Text[p:le]
	if !headerTail.MatchString(tail) && !strings.HasPrefix(tail, " (") {
		return Leg{}, false
	}
	for _, m := range c.within(Span{p, p + 5}) {
		if m.Kind == KindDate && m.Span.End <= le && m.Dates != nil && m.Dates.Precision == Day {
			rest := strings.TrimLeft(d.Text[m.Span.End:le], " )")
			return Leg{Line: Span{ls, le}, Country: country, Place: place, Dates: m.Dates, Row: len(rest) > 0}, true
		}
	}
	return Leg{}, false
}

// dateFirstLine reads a bullet of a programme that opens with its days,
// then a dash or a colon and a foreign city or country: "• Monday, 2 June
// – Santiago: political consultations", "• Tuesday, 3 June and
// Wednesday, 4 June – Buenos Aires: talks with ...". The bullet starts at
// s.
func dateFirstLine(c *Frame, s, le int) (Leg, bool) {
	var first, last *Mention
	p := s
	for _, m := range c.within(Span{s, le}) {
		if m.Kind != KindDate {
			continue
		}
		gap := strings.TrimSpace(c.d.Text[p:m.Span.Start])
		if first != nil && gap != "and" && gap != "-" && gap != "–" && gap != "to" && gap != "," || first == nil && m.Span.Start-s > 12 {
			break
		}
		if m.Dates == nil || m.Dates.Precision != Day {
			return Leg{}, false
		}
		if first == nil {
			first = &m
		}
		last, p = &m, m.Span.End
	}
	if first == nil {
		return Leg{}, false
	}
	q := strings.TrimLeft(c.d.Text[p:le], " ")
	switch {
	case strings.HasPrefix(q, "– "), strings.HasPrefix(q, "- "), strings.HasPrefix(q, "— "), strings.HasPrefix(q, ": "):
	default:
		return Leg{}, false
	}
	at := le - len(q)
	at += strings.IndexByte(q, ' ') + 1
	for _, m := range c.within(Span{at, at + 1}) {
		var country, place string
		switch {
		case m.Kind == KindCountry && m.Value != c.Home && !isDemonymMention(m):
			country = m.Value
		case m.Kind == KindPlace && m.Country != "" && m.Country != c.Home:
			country, place = m.Country, m.Text
		default:
			continue
		}
		dr := *first.Dates
		if last != first {
			dr.End = last.Dates.End
			dr.Text = c.d.Text[first.Span.Start:last.Span.End]
			dr.Span = Span{first.Span.Start, last.Span.End}
		}
		if dr.End.Before(dr.Start) {
			return Leg{}, false
		}
		return Leg{Line: Span{s, le}, Country: country, Place: place, Dates: &dr, Row: true}, true
	}
	return Leg{}, false
}

// tableRow reads a tab-separated row with a date cell and a cell that
// opens with a foreign country or city, in either order: "11-13 Nov
// 2014\tGhana\tAccra: call on the President", "Prague\t2-4 May\t...".
func tableRow(c *Frame, ls, le int) (Leg, bool) {
	home := c.Home
	line := c.d.Text[ls:le]
	if strings.IndexByte(line, '\t') < 0 {
		return Leg{}, false
	}
	var it Leg
	start := ls
	for cell := range strings.SplitSeq(line, "\t") {
		lead := len(cell) - len(strings.TrimLeft(cell, " "))
		cs := start + lead
		ce := start + len(cell)
		start = ce + 1
		for _, m := range c.within(Span{cs, cs + 5}) {
			if m.Span.End > ce {
				continue
			}
			switch {
			case m.Kind == KindDate && m.Dates != nil && m.Dates.Precision == Day && it.Dates == nil:
				it.Dates = m.Dates
			case m.Kind == KindCountry && m.Value != home && !isDemonymMention(m) && it.Country == "":
				it.Country = m.Value
			case m.Kind == KindPlace && m.Country != "" && m.Country != home && it.Country == "":
				it.Country, it.Place = m.Country, m.Text
			}
		}
	}
	if it.Country == "" || it.Dates == nil {
		return Leg{}, false
	}
	it.Line, it.Row = Span{ls, le}, true
	return it, true
}

// namedCountry returns the country a mention names as a place: a city's
// country, or a country named (not as an adjective, "Italian"); else "".
func namedCountry(m Mention) string {
	switch {
	case m.Kind == KindPlace:
		return m.Country
	case m.Kind == KindCountry && !isDemonymMention(m):
		return m.Value
	}
	return ""
}

// isDemonymMention reports whether a country mention is an adjective
// ("Italian") rather than a name.
func isDemonymMention(m Mention) bool {
	_, ok := demonym(m.Text)
	return ok
}

// visitDirection says which side travelled on a visit: a visit to the
// publisher's country is incoming, one by the publisher's official (or an
// official of no stated country) abroad is outgoing, and a foreign
// official's visit to another foreign country is third_country. Without
// a publisher it is unknown.
func (c *Frame) visitDirection(e Event) Direction {
	switch {
	case c.Home == "":
		return DirectionNone
	case e.Country == c.Home:
		return Incoming
	case e.Actor.Country == "" || e.Actor.Country == c.Home:
		return Outgoing
	}
	return ThirdCountry
}

// meetingDirection says where a meeting stood for its two sides: at home
// (incoming), in the counterpart's country (outgoing), or in a third
// country. A meeting whose place is not known has none.
func (c *Frame) meetingDirection(e Event) Direction {
	switch {
	case c.Home == "" || e.Country == "":
		return DirectionNone
	case e.Country == c.Home:
		return Incoming
	case e.Country == e.CounterpartCountry:
		return Outgoing
	}
	return ThirdCountry
}
