package extractors

import (
	"regexp"
	"slices"
	"sort"
	"strings"
)

// context is what every event extractor derives from a Doc before it looks
// at sentences: the publishing government's country, the principal
// official, and where the text is "in" a visited country (itinerary
// headers and table rows), so that a sentence without a country can be
// placed.
type context struct {
	d         *Doc
	home      string // ISO3 of the publishing government, or ""
	principal Person // the publishing side's lead official, if any
	sections  []section
	byStart   []Mention // d.Mentions by start offset
	// the lines that open with a visited country (itineraryLines)
	itineraries []itinerary
	// the spans of organization and gathering mentions
	orgs, gatherings []Span
	// the index a ranking release is about, found on first need
	docIndex     *indexName
	docIndexDone bool
}

// lowerWords returns the lower-cased words of text, from the document's
// cache.
func (c *context) lowerWords(text string) []word { return c.d.lowerWords(text) }

// findIn is findIn over the cached words.
func (c *context) findIn(p *phrases, text string) []int {
	ws := c.lowerWords(text)
	i, j, ok := p.find(ws)
	if !ok {
		return nil
	}
	return []int{ws[i].start, ws[j-1].end}
}

// matches is matches over the cached words.
func (c *context) matches(p *phrases, text string) bool { return p.in(c.lowerWords(text)) }

// statusOf reads a sentence's tense, with the dates as a tie-breaker:
// dates after publication are planned. It reads the cached words.
func (c *context) statusOf(sentence string, dr *DateRange, pub *Timestamp) Status {
	return statusFromWords(c.lowerWords(sentence), dr, pub)
}

// section is a stretch of text that a header or table row ties to a
// visited country.
type section struct {
	start, end int
	country    string
}

func newContext(d *Doc) *context {
	if d.events != nil {
		return d.events
	}
	c := &context{d: d, home: HomeCountry(d)}
	c.byStart = slices.Clone(d.Mentions)
	slices.SortStableFunc(c.byStart, func(a, b Mention) int { return a.Span.Start - b.Span.Start })
	for _, m := range d.Mentions {
		switch m.Kind {
		case KindOrganization:
			c.orgs = append(c.orgs, m.Span)
		case KindGathering:
			c.gatherings = append(c.gatherings, m.Span)
		}
	}
	c.principal = principal(d, c.home)
	c.itineraries = itineraryLines(c)
	c.sections = sections(d, c.itineraries)
	d.events = c
	return c
}

// sentence returns the text and span of sentence i.
func (c *context) sentence(i int) (string, Span) {
	s := c.d.Sentences[i]
	return c.d.Text[s.Start:s.End], s
}

// in returns the mentions of kind k inside span s, in text order.
func (c *context) in(k Kind, s Span) []Mention {
	var out []Mention
	for _, m := range c.within(s) {
		if m.Kind == k && s.Contains(m.Span) {
			out = append(out, m)
		}
	}
	return out
}

// has reports whether a mention of one of the kinds starts inside s.
func (c *context) has(s Span, kinds ...Kind) bool {
	for _, m := range c.within(s) {
		for _, k := range kinds {
			if m.Kind == k {
				return true
			}
		}
	}
	return false
}

// within returns the mentions that start inside s, by start offset.
func (c *context) within(s Span) []Mention {
	lo, _ := slices.BinarySearchFunc(c.byStart, s.Start, func(m Mention, off int) int { return m.Span.Start - off })
	hi := lo
	for hi < len(c.byStart) && c.byStart[hi].Span.Start < s.End {
		hi++
	}
	return c.byStart[lo:hi]
}

// countryAt returns the visited country whose section holds off, or "".
func (c *context) countryAt(off int) string {
	for _, s := range c.sections {
		if s.start <= off && off < s.end {
			return s.country
		}
	}
	return ""
}

// paragraph returns the span of the paragraph (text between blank lines
// or line breaks) that holds off.
func (c *context) paragraph(off int) Span {
	t := c.d.Text
	s := strings.LastIndex(t[:off], "\n")
	e := strings.Index(t[off:], "\n")
	if e < 0 {
		e = len(t)
	} else {
		e += off
	}
	return Span{s + 1, e}
}

// foreign reports whether a country is neither empty nor the publisher's.
func (c *context) foreign(iso string) bool { return iso != "" && iso != c.home }

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
func principal(d *Doc, home string) Person {
	type cand struct {
		m     Mention
		n     int
		first int
	}
	byName := map[string]*cand{}
	var order []string
	for _, m := range d.Mentions {
		if m.Kind != KindPerson || (m.Country != "" && m.Country != home) {
			continue
		}
		if inParens(d.Text, m.Span) {
			continue // "(MOIS, Minister Kim)": the head of the sending body
		}
		key := m.Value
		if key == "" {
			key = m.Text
		}
		c, ok := byName[key]
		if !ok {
			c = &cand{m: m, first: m.Span.Start}
			byName[key] = c
			order = append(order, key)
		}
		c.n++
		if c.m.Title == "" && m.Title != "" {
			c.m = m
		}
	}
	if len(order) == 0 {
		return Person{}
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := byName[order[i]], byName[order[j]]
		if a.n != b.n {
			return a.n > b.n
		}
		if rankOrder[a.m.Rank] != rankOrder[b.m.Rank] {
			return rankOrder[a.m.Rank] > rankOrder[b.m.Rank]
		}
		return a.first < b.first
	})
	p := personOf(byName[order[0]].m)
	if p.Country == "" {
		p.Country = home
	}
	return p
}

// inParens reports whether s sits inside an open parenthesis on its line.
func inParens(text string, s Span) bool {
	ls := strings.LastIndexByte(text[:s.Start], '\n') + 1
	pre := text[ls:s.Start]
	return strings.Count(pre, "(") > strings.Count(pre, ")")
}

// headerRe matches the start of an itinerary line: a country (checked by
// the caller against the country mentions) then a date in parentheses or
// after a colon or tab.
var headerTail = regexp.MustCompile(`^\s*(?:\(|:|\t|-\s)`)

// sections finds itinerary headers and table rows ("Saudi Arabia (March
// 3-5)\t...", "Italy: March 6-9") and ties the text after each header, up
// to the next one, to its country. Table rows tie only their own line.
func sections(d *Doc, itineraries []itinerary) []section {
	var out []section
	for _, h := range itineraries {
		end := len(d.Text)
		if h.row {
			end = h.lineEnd
		}
		out = append(out, section{start: h.lineStart, end: end, country: h.country})
	}
	// A header's section ends where the next header starts.
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j].start > out[i].start && out[j].start < out[i].end {
				out[i].end = out[j].start
				break
			}
		}
	}
	return out
}

// itinerary is one line that opens with a visited country and its dates.
type itinerary struct {
	lineStart, lineEnd int
	country            string
	place              string
	dates              *DateRange
	row                bool // a table row (text follows on the line), not a header
}

// itineraryLines returns lines that start with a foreign country (or a
// city) followed at once by a date: "Saudi Arabia (March 3-5)",
// "The United Arab Emirates (UAE) (March 5-6)", "Italy: March 6-9",
// "Prague, Czechia\t2-4 May".
func itineraryLines(c *context) []itinerary {
	var out []itinerary
	for l := range lineSpans(c.d.Text) {
		if it, ok := itineraryLine(c, l.Start, l.End); ok {
			out = append(out, it)
		}
	}
	return out
}

func itineraryLine(c *context, ls, le int) (itinerary, bool) {
	d, home := c.d, c.home
	if it, ok := tableRow(c, ls, le); ok {
		return it, true
	}
	line := d.Text[ls:le]
	lead := len(line) - len(strings.TrimLeft(line, " -*•o\t"))
	if lead > 0 && strings.HasPrefix(strings.TrimLeft(line, " "), "o") && !strings.HasPrefix(strings.TrimLeft(line, " "), "o ") {
		lead = len(line) - len(strings.TrimLeft(line, " "))
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
		return itinerary{}, false
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
		return itinerary{}, false
	}
	for _, m := range c.within(Span{p, p + 5}) {
		if m.Kind == KindDate && m.Span.End <= le && m.Dates != nil && m.Dates.Precision == Day {
			rest := strings.TrimLeft(d.Text[m.Span.End:le], " )")
			return itinerary{lineStart: ls, lineEnd: le, country: country, place: place, dates: m.Dates, row: len(rest) > 0}, true
		}
	}
	return itinerary{}, false
}

// tableRow reads a tab-separated row with a date cell and a cell that
// opens with a foreign country or city, in either order: "11-13 Nov
// 2014\tGhana\tAccra: call on the President", "Prague\t2-4 May\t...".
func tableRow(c *context, ls, le int) (itinerary, bool) {
	home := c.home
	line := c.d.Text[ls:le]
	if strings.IndexByte(line, '\t') < 0 {
		return itinerary{}, false
	}
	var it itinerary
	start := ls
	for _, cell := range strings.Split(line, "\t") {
		lead := len(cell) - len(strings.TrimLeft(cell, " "))
		cs := start + lead
		ce := start + len(cell)
		start = ce + 1
		for _, m := range c.within(Span{cs, cs + 5}) {
			if m.Span.End > ce {
				continue
			}
			switch {
			case m.Kind == KindDate && m.Dates != nil && m.Dates.Precision == Day && it.dates == nil:
				it.dates = m.Dates
			case m.Kind == KindCountry && m.Value != home && !isDemonymMention(m) && it.country == "":
				it.country = m.Value
			case m.Kind == KindPlace && m.Country != "" && m.Country != home && it.country == "":
				it.country, it.place = m.Country, m.Text
			}
		}
	}
	if it.country == "" || it.dates == nil {
		return itinerary{}, false
	}
	it.lineStart, it.lineEnd, it.row = ls, le, true
	return it, true
}

// isDemonymMention reports whether a country mention is an adjective
// ("Italian") rather than a name.
func isDemonymMention(m Mention) bool {
	_, ok := demonym(m.Text)
	return ok
}

// Tense and modality. Future markers make a record planned; negations of
// the event (postponed, cancelled, virtual) drop a visit.
var (
	futurePh = newPhrases("will", "shall", "is set to", "are set to", "is scheduled to", "are scheduled to",
		"scheduled for", "is to", "are to", "to be held", "to be signed", "to be hosted", "to be organized",
		"to be organised", "plan to", "plans to", "planning to", "is expected to visit", "is expected to sign",
		"is expected to attend", "is expected to host", "is expected to travel", "upcoming", "forthcoming",
		"next week", "next month", "next year", "later this week", "later this month", "later this year",
		"intend to", "intends to", "would visit", "would attend", "would sign", "would host",
		"invited to", "invited _ to", "invited _ _ to", "invited _ _ _ to", "invited _ _ _ _ to")
	pastPh = newPhrases("visited", "met", "held", "signed", "attended", "took place", "was held", "were held",
		"traveled", "travelled", "arrived", "went", "concluded", "came to a close", "participated", "discussed",
		"hosted", "exchanged", "paid", "called on", "received", "welcomed", "had")
	cancelPh = newPhrases("postponed", "cancelled", "canceled", "called off", "put off", "deferred", "suspended",
		"scrapped", "virtual", "virtually", "video*", "online meeting", "via video", "by video", "telephone",
		"phone call", "teleconferenc*")
)

// statusFromWords is statusOf over a sentence's words.
func statusFromWords(ws []word, dr *DateRange, pub *Timestamp) Status {
	if futurePh.in(ws) && !strongPast(ws) {
		return Planned
	}
	if dr != nil && pub != nil && pub.Date.Before(dr.Start) {
		return Planned
	}
	return Occurred
}

// strongPast reports a plainly past main verb that comes before any future
// word in the sentence ("signed an MOU that will ...").
func strongPast(ws []word) bool {
	p, _, ok := pastPh.find(ws)
	if !ok {
		return false
	}
	f, _, ok := futurePh.find(ws)
	return ok && p < f
}

// datesIn returns the day- or month-precision date mentions of a span.
func (c *context) datesIn(s Span) []Mention {
	var out []Mention
	for _, m := range c.in(KindDate, s) {
		if m.Dates != nil {
			out = append(out, m)
		}
	}
	return out
}

// nearestDate returns the date mention in s closest after off (or, if
// none after, closest before), preferring day precision.
func nearestDate(ds []Mention, off int) *DateRange {
	var best *DateRange
	bestDist := 1 << 30
	for i := range ds {
		m := ds[i]
		dist := m.Span.Start - off
		if dist < 0 {
			dist = -dist + 1000 // prefer dates after the name
		}
		if m.Dates.Precision == Year {
			dist += 500
		}
		if dist < bestDist {
			best, bestDist = m.Dates, dist
		}
	}
	return best
}

// lower is strings.ToLower, named for brevity in patterns.
func lower(s string) string { return strings.ToLower(s) }

// dest is a country named as the object of a travel or meeting phrase,
// with the city that stood for it, if any.
type dest struct {
	country, place string
	at             int // byte offset of the mention in Doc.Text
}

// fillerWords may stand between a lead word and a country, or around the
// country's name: "visited the Federative Republic of Brazil".
var fillerWords = map[string]bool{
	"the": true, "republic": true, "kingdom": true, "state": true, "of": true, "federal": true,
	"federative": true, "democratic": true, "people's": true, "islamic": true, "sultanate": true,
	"principality": true, "grand": true, "duchy": true, "commonwealth": true, "socialist": true,
	"arab": true, "hashemite": true, "plurinational": true, "bolivarian": true, "oriental": true,
	"argentine": true, "capital": true, "city": true, "cities": true, "of the": true,
}

// listWords may join the members of a list of destinations: "Greece and
// Romania", "the Czech Republic on July 15-16 and Georgia on July 17-18
// respectively", "Saudi Arabia (March 3-5), the UAE".
var listWords = map[string]bool{
	"and": true, "&": true, "the": true, "on": true, "from": true, "to": true, "respectively": true,
	"then": true, "later": true, "finally": true, "as": true, "well": true, "also": true,
	"between": true, "through": true, "till": true, "until": true, "before": true, "via": true,
	"onward": true, "onwards": true, "continuing": true, "proceeding": true, "and then": true,
}

// chains returns the countries named in sp after off as objects of a lead
// word (lead reports whether a lower-case word introduces a destination),
// with the countries coordinated with them. A country after any other
// word ("refugees from Somalia", "on the border with Venezuela", "the
// situation surrounding Ukraine") is not a destination.
func (c *context) chains(sp Span, off int, lead func(string) bool) []dest {
	var out []dest
	seen := map[string]bool{}
	inChain := false
	prevEnd := off
	for _, m := range c.within(Span{max(off, sp.Start), sp.End}) {
		if !sp.Contains(m.Span) {
			continue
		}
		var d dest
		switch {
		case m.Kind == KindCountry && !isDemonymMention(m) && !c.insideOrgName(m) && !c.insideGathering(m):
			d = dest{country: m.Value, at: m.Span.Start}
		case m.Kind == KindPlace && m.Country != "":
			d = dest{country: m.Country, place: m.Text, at: m.Span.Start}
		case m.Kind == KindDate:
			continue
		default:
			continue
		}
		if m.Span.Start < prevEnd {
			continue // inside the previous country's name
		}
		gap := c.d.Text[prevEnd:m.Span.Start]
		ok := inChain && c.onlyJoins(gap, prevEnd)
		if !ok {
			ok = leadsTo(gap, lead)
		}
		inChain = ok
		prevEnd = m.Span.End
		if !ok {
			continue
		}
		if seen[d.country+"|"+d.place] {
			continue
		}
		seen[d.country+"|"+d.place] = true
		// "Tbilisi, Georgia": the country named with its city is what
		// was visited.
		if n := len(out); n > 0 && out[n-1].place != "" && out[n-1].country == d.country && d.place == "" {
			out[n-1].place = ""
			continue
		}
		out = append(out, d)
	}
	return out
}

// leadsTo reports whether the last word of gap, after fillers, is a lead
// word.
func leadsTo(gap string, lead func(string) bool) bool {
	ws := strings.Fields(strings.ToLower(gap))
	// leadAt checks the word at the end of ws; "in" leads only after a
	// word of being or arriving somewhere ("was in Riyadh", not "the
	// crisis in Syria").
	leadAt := func(ws []string) bool {
		w := ws[len(ws)-1]
		if w == "of" && lead("to") && len(ws) >= 2 {
			// "a three-nation tour of Kenya", "his trip of" reads as "to"
			switch strings.Trim(ws[len(ws)-2], ",") {
			case "tour", "trip", "visit", "visits":
				return true
			}
		}
		if strings.HasSuffix(w, ",") || !lead(w) {
			return false
		}
		return w != "in" || len(ws) >= 2 && inLeads[strings.Trim(ws[len(ws)-2], ",")]
	}
	if len(ws) > 0 && leadAt(ws) {
		return true
	}
	for len(ws) > 0 && fillerWords[strings.Trim(ws[len(ws)-1], ",")] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return lead("") // the start of the sentence
	}
	return leadAt(ws)
}

// onlyJoins reports whether the text between two list members holds only
// separators, joining words, fillers, dates and parenthesized asides.
func (c *context) onlyJoins(gap string, at int) bool {
	// Blank out dates inside the gap.
	b := []byte(gap)
	for _, m := range c.within(Span{at, at + len(gap)}) {
		if m.Kind == KindDate && m.Span.End <= at+len(gap) {
			for i := m.Span.Start - at; i < m.Span.End-at; i++ {
				b[i] = ' '
			}
		}
	}
	s := string(b)
	for {
		i := strings.IndexByte(s, '(')
		j := strings.IndexByte(s, ')')
		if i < 0 || j < i {
			break
		}
		s = s[:i] + " " + s[j+1:]
	}
	s = strings.NewReplacer(",", " ", ")", " ", "(", " ", ";", " ", ":", " ").Replace(s)
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if !listWords[w] && !fillerWords[w] {
			return false
		}
	}
	return true
}
