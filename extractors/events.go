package extractors

import (
	"regexp"
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
}

// section is a stretch of text that a header or table row ties to a
// visited country.
type section struct {
	start, end int
	country    string
}

func newContext(d *Doc) *context {
	c := &context{d: d, home: HomeCountry(d)}
	c.principal = principal(d, c.home)
	c.sections = sections(d, c.home)
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
	for _, m := range c.d.Mentions {
		if m.Kind == k && s.Contains(m.Span) {
			out = append(out, m)
		}
	}
	return out
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
func sections(d *Doc, home string) []section {
	var out []section
	for _, h := range itineraryLines(d, home) {
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
func itineraryLines(d *Doc, home string) []itinerary {
	var out []itinerary
	t := d.Text
	for ls := 0; ls < len(t); {
		le := strings.IndexByte(t[ls:], '\n')
		if le < 0 {
			le = len(t)
		} else {
			le += ls
		}
		if it, ok := itineraryLine(d, ls, le, home); ok {
			out = append(out, it)
		}
		ls = le + 1
	}
	return out
}

func itineraryLine(d *Doc, ls, le int, home string) (itinerary, bool) {
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
	for _, m := range d.Mentions {
		if m.Span.Start != off {
			continue
		}
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
			if cl > 0 && cl < 12 && !strings.ContainsAny(q[1:cl], "0123456789") {
				p = le - len(q) + cl + 1
				continue
			}
		}
		if strings.HasPrefix(q, ",") {
			for _, m := range d.Mentions {
				if m.Kind == KindCountry && m.Span.Start > p && m.Span.Start <= p+3 && m.Span.End <= le {
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
	for _, m := range d.Mentions {
		if m.Kind == KindDate && m.Span.Start >= p && m.Span.Start <= p+4 && m.Span.End <= le && m.Dates != nil && m.Dates.Precision == Day {
			rest := strings.TrimLeft(d.Text[m.Span.End:le], " )")
			return itinerary{lineStart: ls, lineEnd: le, country: country, place: place, dates: m.Dates, row: len(rest) > 0}, true
		}
	}
	return itinerary{}, false
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
	futureRe = regexp.MustCompile(`(?i)\b(will|shall|is set to|are set to|is scheduled to|are scheduled to|scheduled for|is to|are to|to be (held|signed|hosted|organi[sz]ed)|plans? to|planning to|is expected to (visit|sign|attend|host|travel)|upcoming|forthcoming|next (week|month|year)|later this (week|month|year)|intends? to|would (visit|attend|sign|host)|invited .* to)\b`)
	pastRe   = regexp.MustCompile(`(?i)\b(visited|met|held|signed|attended|took place|was held|were held|travell?ed|arrived|went|concluded|came to a close|participated|discussed|hosted|exchanged|paid|called on|received|welcomed|had)\b`)
	cancelRe = regexp.MustCompile(`(?i)\b(postponed|cancell?ed|called off|put off|deferred|suspended|scrapped|virtual(ly)?|video ?conferenc\w*|videoconferenc\w*|online meeting|via video|by video|telephone|phone call|teleconferenc\w*)\b`)
)

// statusOf reads a sentence's tense, with the dates as a tie-breaker:
// dates after publication are planned.
func statusOf(sentence string, dr *DateRange, pub *Timestamp) Status {
	if futureRe.MatchString(sentence) && !strongPast(sentence) {
		return Planned
	}
	if dr != nil && pub != nil && pub.Date.Before(dr.Start) {
		return Planned
	}
	return Occurred
}

// strongPast reports a plainly past main verb that outweighs a future
// word elsewhere in the sentence ("signed an MOU that will ...").
func strongPast(sentence string) bool {
	loc := pastRe.FindStringIndex(sentence)
	if loc == nil {
		return false
	}
	f := futureRe.FindStringIndex(sentence)
	return f != nil && loc[0] < f[0] && !strings.Contains(strings.ToLower(sentence[:loc[0]]), " will ")
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
