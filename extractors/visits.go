package extractors

import (
	"hash/maphash"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"communique/gazetteer"
)

// Visits finds country visits: an official or delegation travelling to a
// country not their own, one record per country, with that country's
// dates. It reads itinerary headers and table rows ("Saudi Arabia (March
// 3-5)"), travel verbs in prose ("visited Greece and Romania from
// September 27 to October 2", "visited the Czech Republic on July 15-16
// and Georgia on July 17-18 respectively"), incoming visits ("Foreign
// Minister X of Y visited Seoul"), and summits attended abroad. Postponed
// or cancelled trips and video calls are not visits.
type Visits struct{}

var (
	// travelPh marks a sentence that tells of travel to a place.
	travelPh = newPhrases(vocab("travel")...)
	// incomingPh marks a reception at home: it makes a visit only to the
	// publisher's own country ("welcomed X to London").
	incomingPh = newPhrases(vocab("incoming")...)
	// ledPh finds the head of a delegation.
	ledPh = newPhrases(vocab("led.by")...)
	// whoVisitsPh: "X, who is on an official visit to ...".
	whoVisitsPh = newPhrases(vocab("who.visits")...)
	visitWordPh = newPhrases(vocab("visit.word")...)
	// wishPh makes a travel word a wish or an invitation.
	wishPh = newPhrases(vocab("visit.wish")...)
	// startPh and returnPh tell a trip's start and return.
	startPh  = newPhrases(vocab("visit.start")...)
	returnPh = newPhrases(vocab("visit.return")...)
	attendPh = newPhrases(vocab("attend")...)
)

// possVisitIn finds "X's visit to", "X's state visits to", "X's first
// official visit to" in the lower-cased words of a text and returns the
// byte span from the "'s" on, or nil.
func possVisitIn(ws []word) []int {
	for i, w := range ws {
		if !strings.HasSuffix(w.s, "'s") {
			continue
		}
		// up to two words between: "state", "official", "first", "recent"
		j := i + 1
		for j < len(ws) && j <= i+2 && ws[j].s != "visit" && ws[j].s != "visits" && !strings.HasSuffix(ws[j].s, "'s") {
			j++
		}
		if j+1 < len(ws) && (ws[j].s == "visit" || ws[j].s == "visits") && ws[j+1].s == "to" {
			return []int{w.end - 2, ws[j+1].end}
		}
	}
	return nil
}

// possVisit is possVisitIn over the cached words of text.
func (c *Frame) possVisit(text string) []int {
	if !strings.Contains(text, "'s") && !strings.Contains(text, "'S") {
		return nil // no word ends in 's
	}
	return possVisitIn(c.lowerWords(text))
}

// visit is a candidate record with how much its dates can be trusted:
// a per-country statement beats a shared trip span, which beats a
// summit's dates.
type visit struct {
	Event
	prio     int
	explicit bool // the actor was named in the sentence
	// close is set when the dates stand right by the destination ("to
	// Cambodia in 2002", "Italy (March 6-9)"): such a visit at another
	// time than the main one is a visit of its own
	close bool
}

const (
	prioReport = 0 // dated only by the day of the telling: "Today, she highlighted her trip to Kenya"
	prioSummit = 1
	prioSpan   = 2
	prioOwn    = 3
)

// Events returns d's visit records.
func (Visits) Events(d *Doc, c *Frame) []Event { return Visits{}.visits(d, c) }

// visits reads the visits once per frame: the meetings read them too.
func (Visits) visits(d *Doc, c *Frame) []Event {
	if c.visitsDone {
		return c.visitsMemo
	}
	c.visitsDone = true
	c.visitsMemo = readVisits(d, c)
	return c.visitsMemo
}

func readVisits(d *Doc, c *Frame) []Event {
	n := len(c.Legs) // the candidates known up front: one growth of cands, not one per doubling
	for _, vs := range c.sentVisits {
		n += len(vs)
	}
	cands := make([]visit, 0, n)
	for _, it := range c.Legs {
		ev := Event{
			Type: Visit, Country: it.Country, Place: it.Place, Dates: it.Dates,
			Actor: c.Principal, Evidence: Span{it.Line.Start, it.Line.End}, Confidence: 0.9,
		}
		if it.Place != "" {
			ev.Place = "" // a city heading names the country's visit
		}
		ev.Status = c.statusOf(d.Text[it.Line.Start:it.Line.End], it.Dates, d.Meta.Published)
		cands = append(cands, visit{Event: ev, prio: prioOwn, close: true})
	}
	for i := range d.Sentences {
		if d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		if c.sentVisits != nil {
			cands = append(cands, c.sentVisits[i]...)
		} else {
			cands = append(cands, c.sentenceVisits(i)...)
		}
	}
	cands = append(cands, c.summitVisits()...)
	cands = append(cands, c.hereVisits()...)
	cands = append(cands, c.datelineVisits()...)
	out := mergeVisits(cands)
	out = append(out, c.metAtHome(out)...)
	// the trip's span dates only weakly dated visits: without one, it is
	// not sought
	if trip := c.tripDatesFor(out); trip != nil {
		for i := range out {
			if out[i].Place == "" && weakDates(out[i].Dates) {
				out[i].Dates = trip
				out[i].Status = c.statusOf(d.Text[out[i].Evidence.Start:out[i].Evidence.End], trip, d.Meta.Published)
			}
		}
	}
	for i := range out {
		if out[i].Dates == nil {
			// "led the delegation to the TICAD Ministerial Meeting in
			// Tokyo" and "the Meeting, held in Tokyo on 24 and 25
			// August": the gathering's days
			out[i].Dates = c.gatheringDays(out[i])
		}
	}
	for i := range out {
		// "will travel to Brussels on 17 July to take part in the
		// Summit, to be held on 17 and 18 July": the gathering's days
		if dr := c.attendedFrom(out[i].Evidence, out[i].Dates); dr != nil {
			out[i].Dates = dr
		}
	}
	if day := c.activityDay(out); day != nil {
		// No span told at all: the visit is dated by the day of what the
		// text reports.
		for i := range out {
			if out[i].Dates == nil {
				out[i].Dates = day
			}
		}
	}
	c.chainLegs(out)
	c.closeByNextLeg(out)
	c.closeLastLeg(out)
	c.closeByEnd(out)
	for i := range out {
		out[i].Direction = c.visitDirection(out[i])
	}
	return out
}

// wished reports whether the travel word at verbAt is a wish or an
// invitation: "accepted an invitation to visit Ireland", "expressed the
// hope to visit".
func (c *Frame) wished(text string, verbAt int) bool {
	ws := c.lowerWords(text)
	n := 0 // the words before the travel word
	for n < len(ws) && ws[n].start < verbAt {
		n++
	}
	ws = ws[:n]
	for _, j, ok := wishPh.find(ws); ok; _, j, ok = wishPh.findFrom(ws, j) {
		if len(ws)-j <= 2 { // at most two words between: "to pay a visit"
			return true
		}
	}
	// An infinitive an invitation governs, whoever is named between:
	// "extended an invitation to the Sheikh to visit Quito", "conveyed
	// an invitation from the President for the Minister to visit".
	inf := len(ws)
	if inf > 0 && ws[inf-1].s == "to" {
		inf--
	} else {
		// "to pay a visit", "to pay a state visit", "to make an official
		// working visit"
		k := inf - 1
		for k >= 0 && inf-k <= 4 && ws[k].s != "pay" && ws[k].s != "make" && ws[k].s != "undertake" {
			k--
		}
		if k < 1 || inf-k > 4 || ws[k-1].s != "to" {
			return false
		}
		inf = k - 1
	}
	_, _, ok := invitePh.find(ws[max(0, inf-16):inf])
	return ok
}

// invitePh are the words of an invitation.
var invitePh = newPhrases(vocab("visit.invite")...)

// hereVisits reads "here in London" in the words of the release's speaker
// (or of the principal, when the speaker is not named): the speaker is in
// that place, so abroad it is a visit.
func (c *Frame) hereVisits() []visit {
	actor := c.Speaker
	if actor.Name == "" {
		actor = c.Principal
	}
	if actor.Name == "" {
		return nil
	}
	var out []visit
	text := c.d.Text
	const here = "here in "
	// the mentions right after "here in ", in text order: the text's
	// occurrences of it do not overlap, so this is each occurrence's
	// mentions in turn
	for _, m := range c.byStart {
		at := m.Span.Start
		if at < len(here) || text[at-len(here):at] != here {
			continue
		}
		if at-len(here) > 0 && isWordByte(text[at-len(here)-1]) {
			continue // "where in", "there in"
		}
		iso := namedCountry(m)
		if iso == "" {
			continue
		}
		if !c.foreign(iso) || iso == actor.Country {
			continue
		}
		si := SentenceAt(c.d.Sentences, at)
		if si < 0 {
			continue
		}
		sentence, sp := c.sentence(si)
		ev := Event{Type: Visit, Actor: actor, Country: iso, Evidence: sp, Confidence: 0.6}
		ev.Status = c.statusOf(sentence, nil, c.d.Meta.Published)
		out = append(out, visit{Event: ev, prio: prioSummit})
	}
	return out
}

// datelineVisits reads a release dated from a foreign place ("New York,
// September 21, 2023, SPA --", "Antalya / Information Office / 02 March
// 2024"): the publisher's principal was there on the day of the release.
// It dates the visit only when nothing else does.
func (c *Frame) datelineVisits() []visit {
	dl, pub := c.d.Meta.Dateline, c.d.Meta.Published
	if dl == "" || pub == nil || c.Principal.Name == "" || c.Principal.Rank == Ambassador {
		return nil
	}
	for _, m := range c.d.Mentions {
		if m.Text != dl || m.Kind != KindPlace && m.Kind != KindCountry {
			continue
		}
		country := m.Country
		if m.Kind == KindCountry {
			country = m.Value
		}
		if !c.foreign(country) || c.foreign(c.Principal.Country) {
			return nil
		}
		day := &DateRange{Start: pub.Date, End: pub.Date, Precision: Day, YearSource: YearPublished, Text: pub.Date.String()}
		ev := Event{Type: Visit, Actor: c.withHome(c.Principal), Country: country, Dates: day, Status: Occurred,
			Evidence: m.Span, Confidence: 0.5}
		return []visit{{Event: ev, prio: prioReport}}
	}
	return nil
}

// metAtHome returns the visits of foreign officials met at home: "A
// foreign official whom the publisher's official receives, hosts or meets
// at home made a visit to the host country", dated by the meeting. A
// meeting is at home when its place is the publisher's country, or when
// the publisher's officials went nowhere and the sentence places it at
// home ("in Riga") or nowhere at all. Officials of
// international bodies (no country) and ambassadors (resident in the
// country) made no visit; a visitor already told of is not told again,
// nor the members of a delegation whose head's visit is told.
func (c *Frame) metAtHome(visits []Event) []Event {
	if c.Home == "" {
		return nil
	}
	away := false
	seen := map[string]bool{} // visitors, and the countries they came from
	for _, v := range visits {
		if v.Country != c.Home && !c.foreign(v.Actor.Country) {
			away = true // the publisher's side travelled
		}
		if v.Country == c.Home {
			seen[v.Actor.Name] = true
			seen[v.Actor.Country] = true
		}
	}
	var out []Event
	var unnamed map[string][]int // the undated visits of unnamed officials, by their country
	for _, m := range c.meetings() {
		if !c.meetingAtHome(m, away) {
			continue
		}
		if len(m.Participants) == 0 {
			// "The Ministers of Foreign Affairs of Chile and Colombia held
			// a meeting in Santiago today": it dates the visit of the
			// unnamed official the text tells of
			if m.Dates == nil {
				continue // nothing to date them with
			}
			if unnamed == nil {
				unnamed = map[string][]int{}
				for i, v := range visits {
					if v.Country == c.Home && v.Actor.Name == "" && v.Dates == nil {
						unnamed[v.Actor.Country] = append(unnamed[v.Actor.Country], i)
					}
				}
			}
			for _, i := range unnamed[m.CounterpartCountry] {
				visits[i].Dates = m.Dates
			}
			delete(unnamed, m.CounterpartCountry) // dated now
			continue
		}
		for _, p := range m.Participants {
			// a delegation's members came with its head: one visit
			if !c.foreign(p.Country) || p.Rank == Ambassador || seen[p.Name] || seen[p.Country] || !c.statedCountry(p.Name) {
				continue
			}
			seen[p.Name], seen[p.Country] = true, true
			dr := m.Dates
			if dr == nil {
				dr = c.dayToldBefore(m.Evidence.Start, visits)
			}
			out = append(out, Event{Type: Visit, Actor: p, Country: c.Home, Dates: dr, Status: m.Status,
				Evidence: m.Evidence, Confidence: 0.6, Direction: Incoming})
		}
	}
	return out
}

// dayToldBefore returns the last single day the body tells before off,
// which dates a meeting its own sentence does not: "opened the Forum
// today ... On the margins of the Forum, the Minister held bilateral
// meetings with ...". Spans ("on 12 and 13 July"), dates of headers and
// datelines, and days told of another place do not count; nor does a
// day further back than a few dates.
func (c *Frame) dayToldBefore(off int, visits []Event) *DateRange {
	ms := c.within(Span{0, off})
	for n, k := 0, len(ms)-1; k >= 0 && n < 8; k-- {
		m := ms[k]
		if m.Kind != KindDate || m.Dates == nil {
			continue
		}
		n++
		if m.Dates.Precision != Day || m.Dates.Open() || m.Dates.Start != m.Dates.End || !c.bodyDate(m, visits) {
			continue
		}
		return m.Dates
	}
	return nil
}

// bodyDate reports whether a date mention is one the body reports of
// what happened here: in a sentence of some length (datelines and header
// lines date the release), outside the page's furniture, and not told of
// another place ("the conference, which will be held in Geneva on 20
// June").
func (c *Frame) bodyDate(m Mention, visits []Event) bool {
	si := SentenceAt(c.d.Sentences, m.Span.Start)
	if si < 0 || c.d.Sentences[si].Len() < 60 || c.inFurniture(m.Span.Start) {
		return false
	}
	return !c.elsewhere(visits, c.d.Sentences[si], m)
}

// meetingAtHome reports whether a meeting took place in the publisher's
// country: see metAtHome.
func (c *Frame) meetingAtHome(m Event, away bool) bool {
	if m.Country != "" {
		return m.Country == c.Home
	}
	// the place the sentence names decides ("held bilateral meetings
	// today in Puerto Iguazú"), even when the publisher's side travels at
	// another time, if told before the one met ("met X, with whom he
	// discussed the conference Chile will host in Valparaíso" is not);
	// else, when it travelled, it met them there
	limit := m.Evidence.End
	if away {
		for pm := range c.each(KindPerson, m.Evidence) {
			if c.foreign(pm.Country) {
				limit = pm.Span.Start
				break
			}
		}
	}
	for _, p := range c.within(Span{m.Evidence.Start, limit}) {
		if p.Kind != KindPlace && (away || p.Kind != KindCountry || isDemonymMention(p)) {
			continue // when it travelled, only a city says it met at home
		}
		iso := p.Value
		if p.Kind == KindPlace {
			iso = p.Country
		}
		w := strings.ToLower(lastWord(c.d.Text[max(m.Evidence.Start, p.Span.Start-6):p.Span.Start]))
		if w == "in" || w == "at" {
			return iso == c.Home
		}
	}
	if away {
		return false // the publisher's side was abroad: met there
	}
	return !c.matches(cancelPh, c.d.Text[m.Evidence.Start:m.Evidence.End]) // not a video call
}

// statedCountry reports whether the person's country was stated by the
// text (their title or the settled frame), not assumed for want of
// evidence.
func (c *Frame) statedCountry(name string) bool {
	ms := c.personMentions(name)
	if len(ms) == 0 {
		return false
	}
	m := c.byStart[ms[0]] // the first
	return !m.CountryAssumed || c.foreign(m.Country)
}

// tripDatesFor is tripDates when a visit of visits may take the trip's
// span (a country's, weakly dated), else nil.
func (c *Frame) tripDatesFor(visits []Event) *DateRange {
	for _, v := range visits {
		if v.Place == "" && weakDates(v.Dates) {
			return c.tripDates()
		}
	}
	return nil
}

// tripDates returns the span of the document's trip told apart from its
// destinations: "The Minister leaves on July 9 and returns July 12";
// "On 25 April, the Minister sets off for the South Caucasus" (a start
// alone); "The official visit and the Joint Commission, both taking place
// from Mar. 20 to 22, 2023". Only a sentence that names no country as a
// destination counts, and only when the document tells one such span.
func (c *Frame) tripDates() *DateRange {
	var found *DateRange
	for i := range c.d.Sentences {
		if c.d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		text, sp := c.sentence(i)
		ws := c.lowerWords(text)
		si, start := 0, false
		if c.sentenceMay(i, startPh) {
			si, _, start = startPh.find(ws)
		}
		if !start && !theVisit(ws) {
			continue // none of the cases below: most sentences
		}
		if c.matches(cancelPh, text) {
			continue
		}
		var dr *DateRange
		ri, _, ret := returnPh.find(ws)
		ds := c.datesIn(sp)
		switch {
		case start && ret && si < ri:
			a, b := dayAfter(ds, sp.Start+ws[si].start), dayAfter(ds, sp.Start+ws[ri].start)
			if a != nil && b != nil && !b.End.Before(a.Start) {
				dr = &DateRange{Start: a.Start, End: b.End, Precision: Day, YearSource: a.YearSource,
					Text: c.d.Text[a.Span.Start:b.Span.End], Span: Span{a.Span.Start, b.Span.End}}
			}
		case start && len(ds) == 1 && ds[0].Dates.Precision == Day && ds[0].Dates.Start == ds[0].Dates.End &&
			!dayOfTelling(ds[0].Dates) && c.travelSentence(ws):
			dr = startOnly(ds[0].Dates, text)
		case len(ds) == 1 && ds[0].Dates.Precision == Day && theVisit(ws):
			dr = ds[0].Dates
		}
		if dr == nil || c.namesDestination(sp, text) {
			continue
		}
		if found != nil && (found.Start != dr.Start || found.End != dr.End) {
			return nil // two trips, or a trip and something else
		}
		found = dr
	}
	return found
}

// activityDay returns the one day a document's body reports, or nil: the
// day of every day-precision date in sentences of some length (datelines
// and header lines, which date the release, do not count), when they are
// all one day ("On 18 October 2017, the Minister came to ..."; "Today,
// the Minister signed ..." with the publication date).
func (c *Frame) activityDay(visits []Event) *DateRange {
	var day *DateRange
	for _, m := range c.d.Mentions {
		if m.Kind != KindDate || m.Dates == nil || m.Dates.Precision != Day {
			continue
		}
		if !c.bodyDate(m, visits) {
			continue
		}
		if day == nil {
			day = m.Dates
			continue
		}
		if day.Start != m.Dates.Start || day.End != m.Dates.End {
			return nil
		}
	}
	return day
}

// withoutReturnDay drops from ds the day of coming home, which ends the
// trip rather than dates a visit: "returned home yesterday after leading
// the delegation to the meeting in Tokyo" (the trip's end is read with
// the legs, and the first such day is kept as the frame's retDay).
func (c *Frame) withoutReturnDay(ds []Mention, sp Span, text string) []Mention {
	k := c.returnDayIn(ds, sp, text)
	if k < 0 {
		return ds
	}
	if c.retDay == nil {
		c.retDay = ds[k].Dates
	}
	return append(ds[:k:k], ds[k+1:]...)
}

// returnDayIn returns the index in ds of the day of coming home a
// sentence tells right after its return words ("returned home
// yesterday", "returned to Harare on 29 August"), or -1.
func (c *Frame) returnDayIn(ds []Mention, sp Span, text string) int {
	if len(ds) == 0 || c.Home == "" {
		return -1
	}
	ws := c.lowerWords(text)
	_, rj, ok := returnPh.find(ws)
	if !ok {
		return -1
	}
	after := sp.Start + ws[rj-1].end
	for k, m := range ds {
		if m.Span.Start < after {
			continue
		}
		if m.Dates.Precision != Day || m.Dates.Start != m.Dates.End || m.Span.Start-after > 40 {
			return -1
		}
		// between them: "home", "to", "on", the publisher's places
		gap := []byte(c.d.Text[after:m.Span.Start])
		for _, p := range c.within(Span{after, m.Span.Start}) {
			if p.Kind == KindPlace && p.Country == c.Home || p.Kind == KindCountry && p.Value == c.Home {
				for i := p.Span.Start - after; i < p.Span.End-after && i < len(gap); i++ {
					gap[i] = ' '
				}
			}
		}
		for _, w := range strings.Fields(strings.ToLower(string(gap))) {
			switch strings.Trim(w, ",") {
			case "home", "to", "on", "in", "the":
			default:
				return -1
			}
		}
		return k
	}
	return -1
}

// firstReturnDay returns the first day of coming home the body tells, in
// any sentence ("returned to Colombo on Sunday" names no destination
// abroad), or nil.
func (c *Frame) firstReturnDay() *DateRange {
	for i := range c.d.Sentences {
		text, sp := c.sentence(i)
		if c.inFurniture(sp.Start) {
			break
		}
		if !returnPh.in(c.lowerWords(text)) {
			continue
		}
		ds := c.eventDatesIn(sp)
		if k := c.returnDayIn(ds, sp, text); k >= 0 {
			return ds[k].Dates
		}
	}
	return nil
}

// withEnd returns a copy of d that ends on end.
func withEnd(d *DateRange, end Date) *DateRange {
	e := *d
	e.End = end
	return &e
}

// closeByEnd ends the one visit left open on the day a later sentence
// says the visit ends: "who arrived in Baghdad on Sunday ... The Uzbek
// President will visit Najaf tomorrow, where his visit to Iraq
// concludes". Only when a single visit is open, and the sentence names
// no other country.
func (c *Frame) closeByEnd(out []Event) {
	open := -1
	for i, e := range out {
		if e.Dates != nil && e.Dates.Open() {
			if open >= 0 {
				return
			}
			open = i
		}
	}
	if open < 0 {
		return
	}
	v := &out[open]
	for _, sp := range c.d.Sentences {
		if sp.Start <= v.Evidence.Start || c.inFurniture(sp.Start) {
			continue
		}
		text := c.d.Text[sp.Start:sp.End]
		if !legEndPh.in(c.lowerWords(text)) {
			continue
		}
		for _, p := range c.within(sp) {
			iso := namedCountry(p)
			if iso == "" {
				continue
			}
			if iso != "" && iso != v.Country {
				return
			}
		}
		days := c.legDays(sp, nil)
		if len(days) == 0 {
			continue
		}
		end := days[len(days)-1].Dates
		if end.Start.Before(v.Dates.Start) || v.Dates.Start.AddDays(31).Before(end.Start) {
			return
		}
		v.Dates = withEnd(v.Dates, end.End)
		return
	}
}

// closeByNextLeg ends a leg of the publisher's traveller left open on
// the first day of their next leg elsewhere: "departed yesterday for
// Antananarivo" and "will proceed to Windhoek on 18 August for a two-day
// Working Visit" is Madagascar 14-18.
func (c *Frame) closeByNextLeg(out []Event) {
	if len(out) > maxLegs {
		return // not one trip's legs
	}
	for i := range out {
		d := out[i].Dates
		if d == nil || !d.Open() || d.Precision != Day || !c.ownTraveller(out[i]) {
			continue
		}
		var next *DateRange
		for j, e := range out {
			if j == i || e.Dates == nil || e.Country == out[i].Country || !c.ownTraveller(e) || !sameTraveller(e.Actor, out[i].Actor) {
				continue
			}
			if d.Start.Before(e.Dates.Start) && (next == nil || e.Dates.Start.Before(next.Start)) {
				next = e.Dates
			}
		}
		if next == nil || d.Start.AddDays(31).Before(next.Start) {
			continue
		}
		out[i].Dates = withEnd(d, next.Start)
	}
}

// maxLegs bounds the visits closeByNextLeg compares pairwise: more are
// no trip's legs, and the comparison stays linear.
const maxLegs = 64

// ownTraveller reports whether a visit is a trip abroad of the
// publisher's side.
func (c *Frame) ownTraveller(e Event) bool {
	return e.Country != c.Home && (e.Actor.Country == "" || e.Actor.Country == c.Home)
}

// closeLastLeg ends the last leg of the publisher's traveller on the day
// of coming home, when that leg's end is open or it was told of one day:
// "proceeded to Singapore on 26 August" and "returned home yesterday" (29
// August) is 26-29.
func (c *Frame) closeLastLeg(out []Event) {
	ret := c.retDay
	if ret == nil {
		ret = c.firstReturnDay()
	}
	if ret == nil {
		return
	}
	last := -1
	for i, e := range out {
		if !c.ownTraveller(e) {
			continue
		}
		if e.Dates == nil {
			return // an undated leg may be the last
		}
		if last < 0 || out[last].Dates.Start.Before(e.Dates.Start) {
			last = i
		}
	}
	if last < 0 {
		return
	}
	d := out[last].Dates
	// open, or a single day before the return ("proceeded to Singapore
	// on 26 August" and "returned home yesterday")
	if !d.Open() && d.Start != d.End || d.Precision != Day || ret.Start.Before(d.Start) || d.Start.AddDays(31).Before(ret.Start) {
		return
	}
	out[last].Dates = withEnd(d, ret.Start)
}

// gatheringDays returns the days of the gathering a visit's sentence
// names, held in the visited country, when the document dates it; else
// nil.
func (c *Frame) gatheringDays(v Event) *DateRange {
	gs := c.in(KindGathering, v.Evidence)
	if len(gs) == 0 {
		return nil
	}
	for _, g := range (Gatherings{}).Events(c.d, c) {
		if g.Country != v.Country || g.Dates == nil || g.Dates.Precision != Day {
			continue
		}
		for _, m := range gs {
			if m.Value == g.Name {
				return g.Dates
			}
		}
	}
	return nil
}

// sinceDay returns the open span from a day told with "since" right
// after the destination at off: "is in Singapore since yesterday". Else
// nil.
func (c *Frame) sinceDay(sp Span, off int) *DateRange {
	for _, m := range c.within(Span{off, min(sp.End, off+48)}) {
		if m.Kind != KindDate || m.Dates == nil || m.Span.Start < 6 {
			continue
		}
		if m.Dates.Precision != Day || m.Dates.Start != m.Dates.End || !strings.EqualFold(c.d.Text[m.Span.Start-6:m.Span.Start], "since ") {
			return nil
		}
		if strings.ContainsAny(c.d.Text[off:m.Span.Start], ".;") {
			return nil
		}
		open := *m.Dates
		open.End = Date{}
		open.Text = c.d.Text[m.Span.Start-6 : m.Span.End]
		open.Span.Start = m.Span.Start - 6
		return &open
	}
	return nil
}

// departureDay returns the single day told between a word of leaving
// ("departed", "left", "set off") and the first destination at off:
// "departed Gaborone yesterday for Antananarivo". Else nil.
func (c *Frame) departureDay(text string, sp Span, ds []Mention, off int) *DateRange {
	ws := c.lowerWords(text)
	si, _, ok := startPh.find(ws)
	if !ok || !departLeads[ws[si].s] {
		return nil
	}
	var day *DateRange
	for _, m := range ds {
		if m.Span.Start > sp.Start+ws[si].start && m.Span.End <= off {
			if day != nil || m.Dates.Precision != Day || m.Dates.Start != m.Dates.End {
				return nil
			}
			day = m.Dates
		}
	}
	return day
}

// datePrep reports whether the text between a date and a country only
// says where: "in", "to", "in the".
func datePrep(between string) bool {
	switch strings.ToLower(strings.TrimSpace(between)) {
	case "in", "to", "in the", "to the":
		return true
	}
	return false
}

// datesBeforeMentions returns each destination's own dates when the
// sentence names each again after its dates: "to Bangladesh and
// Thailand, from 3 to 5 June in Bangladesh and from 5 to 7 June in
// Thailand". Else nil.
func (c *Frame) datesBeforeMentions(sp Span, dests []dest, ds []Mention) []*DateRange {
	own := make([]*DateRange, len(dests))
	for k, dst := range dests {
		for _, m := range c.within(Span{dst.at + 1, sp.End}) {
			iso := namedCountry(m)
			if iso == "" {
				continue
			}
			if iso != dst.country || !sp.Contains(m.Span) {
				continue
			}
			for _, d := range ds {
				if d.Span.End > m.Span.Start || d.Dates.Precision != Day {
					continue
				}
				if datePrep(c.d.Text[d.Span.End:m.Span.Start]) {
					own[k] = d.Dates
				}
			}
			if own[k] != nil {
				break
			}
		}
		if own[k] == nil {
			return nil
		}
	}
	return own
}

// attendedFrom returns the days of a gathering a trip that starts on d's
// day goes to attend, when its sentence tells them: the trip's start (a
// day, or a start alone) is the gathering's first day, and it lasts as
// long (two weeks at most). Else nil.
func (c *Frame) attendedFrom(sp Span, d *DateRange) *DateRange {
	if d == nil || d.Precision != Day || !d.Open() && d.Start != d.End || !c.has(sp, KindGathering) {
		return nil
	}
	if !c.matches(attendPh, c.d.Text[sp.Start:sp.End]) {
		return nil
	}
	for _, m := range c.datesIn(sp) {
		g := m.Dates
		if g.Precision == Day && !g.Open() && g.Start == d.Start && g.Start.Before(g.End) &&
			!g.Start.AddDays(14).Before(g.End) {
			return g
		}
	}
	return nil
}

// dayAfter returns the first day-precision date in ds that starts after
// off.
func dayAfter(ds []Mention, off int) *DateRange {
	for _, m := range ds {
		if m.Span.Start > off && m.Dates.Precision == Day {
			return m.Dates
		}
	}
	return nil
}

// travelSentence reports whether a sentence's words tell of travel.
func (c *Frame) travelSentence(ws []word) bool { return travelPh.in(ws) }

// theVisit reports whether a sentence refers back to the trip: "the
// official visit", "the trip", "the visit".
func theVisit(ws []word) bool {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i].s != "the" {
			continue
		}
		j := i + 1
		for j < len(ws) && j <= i+2 && (ws[j].s == "official" || ws[j].s == "state" || ws[j].s == "working") {
			j++
		}
		if j < len(ws) && (ws[j].s == "visit" || ws[j].s == "trip" || ws[j].s == "tour") {
			return true
		}
	}
	return false
}

// namesDestination reports whether a sentence names a country as the
// destination of travel.
func (c *Frame) namesDestination(sp Span, text string) bool {
	verb := c.findIn(travelPh, text)
	return verb != nil && len(c.chains(sp, sp.Start+verb[0], isTravelLead)) > 0
}

// weakDates reports whether a visit's dates may give way to the trip's:
// none, the day of the telling, or a week ("this week", "next week").
func weakDates(dr *DateRange) bool {
	return dr == nil || dayOfTelling(dr) || hasSuffixLower(dr.Text, "week")
}

// hasSuffixLower is strings.HasSuffix(strings.ToLower(s), suffix) for
// suffix in lower-case ASCII, without the copy when s is ASCII.
func hasSuffixLower(s, suffix string) bool {
	if !isASCII(s) {
		return strings.HasSuffix(strings.ToLower(s), suffix)
	}
	return len(s) >= len(suffix) && asciiPrefixFold(s[len(s)-len(suffix):], suffix)
}

// equalLower is strings.ToLower(s) == t for t in lower-case ASCII,
// without the copy when s is ASCII.
func equalLower(s, t string) bool {
	if !isASCII(s) {
		return strings.ToLower(s) == t
	}
	return len(s) == len(t) && asciiPrefixFold(s, t)
}

// sentenceVisits reads one sentence.
func (c *Frame) sentenceVisits(i int) []visit {
	text, sp := c.sentence(i)
	if !c.has(sp, KindCountry, KindPlace) {
		return nil // no place to go to
	}
	if !c.sentenceMay(i, travelPh) && !c.sentenceMay(i, incomingPh) {
		return nil // no word that goes anywhere
	}
	if c.sentenceMay(i, cancelPh) && c.matches(cancelPh, text) {
		return nil
	}
	verb := c.findIn(travelPh, text)
	var dests []dest
	if verb != nil && !c.wished(text, verb[0]) {
		dests = c.chains(sp, sp.Start+verb[0], isTravelLead)
	}
	if len(dests) == 0 && c.Home != "" {
		// "welcomed Jordanian Foreign Minister Faris Al-Majali to London"
		if verb = c.findIn(incomingPh, text); verb != nil {
			for _, d := range c.chains(sp, sp.Start+verb[0], isTravelLead) {
				if d.country == c.Home {
					dests = append(dests, d)
				}
			}
		}
	}
	if len(dests) == 0 {
		return nil
	}
	incoming, homeNamed := false, false
	for _, d := range dests {
		if d.country == c.Home && c.Home != "" {
			incoming = true
			homeNamed = homeNamed || d.place == ""
		}
	}
	actor, explicit := c.traveller(text, sp, verb[0], incoming, homeNamed)
	if actor.Name == "" && actor.Title == "" {
		return nil // nobody travels: an advisory, a general statement
	}
	// A summit attended abroad is a visit too, at lower priority.
	prio := prioSpan
	if c.matches(attendPh, text) && !c.matches(visitWordPh, text) {
		prio = prioSummit
	}
	ds := c.withoutReturnDay(c.eventDatesIn(sp), sp, text)
	var out []visit
	// Pair dates with countries when they alternate: "the Czech Republic
	// on July 15-16 and Georgia on July 17-18".
	pair := len(ds) == len(dests) && len(ds) > 1
	for k := 0; pair && k < len(ds); k++ {
		pair = ds[k].Span.Start > dests[k].at && (k+1 == len(dests) || ds[k].Span.Start < dests[k+1].at)
	}
	if !pair && len(ds) == len(dests) && len(ds) > 1 {
		// or each before its country: "from 3 to 5 June in Bangladesh and
		// from 5 to 7 June in Thailand"
		pair = true
		for k := 0; pair && k < len(ds); k++ {
			pair = ds[k].Span.End <= dests[k].at && (k == 0 || ds[k].Span.Start > dests[k-1].at) &&
				datePrep(c.d.Text[ds[k].Span.End:dests[k].at])
		}
	}
	var own []*DateRange
	if !pair && len(dests) > 1 {
		own = c.datesBeforeMentions(sp, dests, ds)
	}
	for k, dst := range dests {
		if dst.country == actor.Country || (actor.Country == "" && dst.country == c.Home && !incoming) {
			continue // not a visit abroad
		}
		if dst.country == c.Home && actor.Rank == Ambassador {
			continue // an envoy resident here: calls are meetings ("courtesy calls from the Ambassador of Korea to Ethiopia")
		}
		ev := Event{Type: Visit, Actor: actor, Country: dst.country, Evidence: sp, Confidence: 0.75}
		p := prio
		var since *DateRange
		if !pair && own == nil {
			since = c.sinceDay(sp, dst.at)
		}
		switch {
		case pair:
			ev.Dates = ds[k].Dates
			p = prioOwn
		case own != nil:
			ev.Dates = own[k]
			p = prioOwn
		case since != nil:
			// "is in Singapore since yesterday": there from that day on
			ev.Dates = since
			p = prioOwn
		case len(ds) > 0:
			var buf [8]Mention
			ev.Dates = nearestDate(c.datesOfDest(buf[:0], ds, dst, dests, sp), dst.at)
			if k == 0 {
				// "departed Gaborone yesterday for Antananarivo, to attend
				// the Summit, which will be held on Sunday": the day of
				// leaving starts the trip (its first destination), not
				// the Summit's
				if d := c.departureDay(text, sp, ds, dst.at); d != nil {
					ev.Dates = d
				}
			}
			if ev.Dates != nil && dayOfTelling(ev.Dates) {
				p = prioReport
			}
		}
		close := pair
		for _, m := range ds {
			if ev.Dates == m.Dates && m.Span.Start > dst.at && m.Span.Start-dst.at < 40 {
				close = true
			}
		}
		if dr := ev.Dates; dr != nil && dr.Precision == Day && dr.Start == dr.End &&
			c.matches(startPh, text) && !c.matches(returnPh, text) {
			// "started his official visit to Mongolia on September 15",
			// "starting from today, I am on a visit": the start alone; a
			// start is the trip's own date even when it is today
			ev.Dates = startOnly(dr, text)
			if p < prioSpan {
				p = prioSpan // the trip's own start, even to attend a summit
			}
		} else if dr := ev.Dates; dr != nil && dr.Precision == Day && dr.Start == dr.End && dr.Span.End > sp.Start {
			// "will proceed to Lusaka on 18 March for a two-day working
			// visit": the day it starts and the trip's length after it
			if loc := tripDaysIndex(text); loc != nil && loc[0] >= dr.Span.End-sp.Start {
				if n := tripDays(text[loc[0]:]); n > 1 {
					ev.Dates = withEnd(dr, dr.Start.AddDays(n-1))
				}
			}
		}
		ev.Place = dst.place
		ev.Status = c.statusOf(text, ev.Dates, c.d.Meta.Published)
		if out == nil {
			out = make([]visit, 0, len(dests)-k) // room for the destinations left
		}
		out = append(out, visit{Event: ev, prio: p, explicit: explicit, close: close})
	}
	return out
}

// datesOfDest appends to out a sentence's dates but those told of another
// place after the destination: "will travel to Mexico ... to prepare the
// summit, which will be held in Brussels on 17 and 18 July".
func (c *Frame) datesOfDest(out, ds []Mention, dst dest, dests []dest, sp Span) []Mention {
	for _, m := range ds {
		if m.Span.Start > dst.at && c.placeBetween(Span{dst.at + 1, m.Span.Start}, sp, func(iso string) bool {
			return !slices.ContainsFunc(dests, func(d dest) bool { return d.country == iso })
		}) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// elsewhere reports whether a date is told of a place none of the visits
// went to: a city, or a country after "in", before it in its sentence.
func (c *Frame) elsewhere(visits []Event, sp Span, m Mention) bool {
	return c.placeBetween(Span{sp.Start, m.Span.Start}, sp, func(iso string) bool {
		return iso != c.Home && !slices.ContainsFunc(visits, func(v Event) bool { return v.Country == iso })
	})
}

// placeBetween reports whether between holds a place where something
// happens, a city or a country after "in" ("President of Mongolia" is
// none), whose country other accepts.
func (c *Frame) placeBetween(between, sp Span, other func(iso string) bool) bool {
	for _, p := range c.within(between) {
		if !sp.Contains(p.Span) || p.Span.End > between.End {
			continue
		}
		iso := p.Country
		switch {
		case p.Kind == KindCountry && !isDemonymMention(p) && strings.HasSuffix(strings.TrimSuffix(strings.TrimRight(c.d.Text[max(sp.Start, p.Span.Start-8):p.Span.Start], " "), " the"), " in"):
			iso = p.Value
		case p.Kind != KindPlace:
			continue
		}
		if iso != "" && other(iso) {
			return true
		}
	}
	return false
}

// attendingRe marks taking part in a gathering in person.
var attendingPh = newPhrases(vocab("attending")...)

// summitVisits reads gatherings attended abroad as visits to the country
// that hosted them ("led the Chilean delegation to the 70th session of the
// United Nations General Assembly in New York, 29 September - 2 October
// 2015"), at the lowest priority: a visit stated outright wins.
func (c *Frame) summitVisits() []visit {
	var out []visit
	for _, m := range c.d.MentionsOf(KindGathering) {
		if c.d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		si := SentenceAt(c.d.Sentences, m.Span.Start)
		if si < 0 {
			continue
		}
		text, sp := c.sentence(si)
		loc := c.findIn(attendingPh, text)
		if loc == nil || c.matches(cancelPh, text) || sp.Start+loc[0] > m.Span.Start {
			continue
		}
		country, _ := c.venue(sp, m.Span)
		sidelines := strings.HasPrefix(strings.ToLower(text[loc[0]:]), "on the")
		if sidelines {
			// "on the sidelines of X": only where X itself was held
			country, _ = c.heldAt(sp, m.Span)
		}
		if !c.foreign(country) || c.wished(text, loc[0]) {
			continue
		}
		actor, explicit := c.traveller(text, sp, loc[0], false, false)
		if w := strings.ToLower(homeFirstWord(text[loc[0]:])); w == "attendance" || w == "participation" {
			// "the attendance of the State Secretary X at the session":
			// the one named after it
			for p := range c.each(KindPerson, Span{sp.Start + loc[1], m.Span.Start}) {
				actor, explicit = c.withHome(personOf(p)), true
				break
			}
		}
		if actor.Name == "" || actor.Country == country {
			continue
		}
		dr, _ := c.gatheringDate(sp, m.Span)
		if sidelines {
			// "met today ... on the sidelines of the Forum, which opened
			// yesterday": the meeting's day, told before the sidelines
			for _, d := range c.datesIn(Span{sp.Start, sp.Start + loc[0]}) {
				if d.Dates.Precision == Day && !d.Dates.Open() && d.Dates.Start == d.Dates.End {
					dr = d.Dates
				}
			}
		}
		ev := Event{Type: Visit, Actor: actor, Country: country, Dates: dr, Evidence: sp, Confidence: 0.6}
		ev.Status = c.statusOf(text, dr, c.d.Meta.Published)
		out = append(out, visit{Event: ev, prio: prioSummit, explicit: explicit})
	}
	return out
}

// travelLeads introduce a destination.
var travelLeads = vocabSet("travel.leads")

func isTravelLead(w string) bool { return travelLeads[w] }

// inLeads may stand before "in" when it introduces where someone went:
// "was in Riyadh", "arrived in Tamale", "stayed in", "then in"; after
// other words "in" is a plain preposition ("the crisis in Syria",
// "investing in the Lao PDR").
var inLeads = vocabSet("in.leads")

// traveller finds who travels in a sentence: the head of a delegation
// ("headed by X"), the person whose visit it is ("X's visit to", "X, who
// is on an official visit to"), for a visit to the publisher's own country
// the first foreign official named, else the first person named before
// the travel verb and outside parentheses. Failing those, the document's
// principal official.
func (c *Frame) traveller(text string, sp Span, verbAt int, incoming, homeNamed bool) (Person, bool) {
	persons := c.in(KindPerson, sp)
	if m, ok := c.visitOf(text, sp, verbAt, persons); ok {
		// "a possible visit by President Marcos to Washington", "the
		// Official Visit to Chile of that country's President, X"
		p := personOf(m)
		if incoming && !c.foreign(p.Country) {
			p.Country = ""
		}
		return c.withHomeUnlessIncoming(p, incoming), true
	}
	if p, ok := c.possTitleVisit(text, sp); ok {
		return p, true
	}
	if p, ok := c.officeVisit(text, sp, verbAt); ok {
		// "the Official Visit to Chile by the Minister of Foreign Affairs
		// of Colombia": a traveller known by office and country only
		return p, true
	}
	if incoming && welcomeVocative(text, verbAt) {
		// "Secretary X, Dear Mike, welcome to Jakarta": the one addressed
		for _, m := range persons {
			if m.Span.Start-sp.Start < verbAt {
				p := personOf(m)
				if !c.foreign(p.Country) {
					p.Country = ""
				}
				return p, true
			}
		}
	}
	if loc := c.findIn(ledPh, text); loc != nil {
		for _, m := range persons {
			if m.Span.Start-sp.Start >= loc[1] && m.Span.Start-sp.Start <= loc[1]+60 {
				return c.withHome(personOf(m)), true
			}
		}
	}
	if loc := c.possVisit(text); loc != nil {
		for _, m := range persons {
			if m.Span.End-sp.Start == loc[0] {
				return c.withHome(personOf(m)), true
			}
		}
	}
	if loc := c.findIn(whoVisitsPh, text); loc != nil {
		var last *Mention
		for i := range persons {
			if persons[i].Span.End-sp.Start <= loc[0] {
				last = &persons[i]
			}
		}
		if last != nil {
			return c.withHome(personOf(*last)), true
		}
	}
	if incoming {
		// "welcomed Jordanian Foreign Minister X to London": the one
		// received follows a host's verb; a traveller precedes a travel
		// word ("X arrived in Riga"), and after it is met ("the visit to
		// Chile opened with a meeting with President X")
		// "talks with visiting Tajik Foreign Minister X": the one after it
		// (the words of the verb's 12 bytes, split here: no other rule
		// asks for them, so the frame need not keep them)
		var buf [8]word
		hostVerb := incomingPh.in(appendLowerWords(buf[:0], text[verbAt:min(len(text), verbAt+12)])) ||
			hasPrefixLower(text[verbAt:], "visiting ")
		for _, m := range persons {
			if c.foreign(m.Country) && (hostVerb || m.Span.Start-sp.Start < verbAt) {
				return personOf(m), true
			}
		}
		// Someone who "is in South Africa on an official visit" is a
		// visitor even when their office's country was not read: the
		// first person before the verb, with the country left unknown.
		// Only a visit to a home city can be the publisher's own
		// official's domestic trip: then the principal is not taken.
		for _, m := range persons {
			if m.Span.Start-sp.Start < verbAt && (homeNamed || personOf(m).Name != c.Principal.Name) && !c.index().inParens(m.Span.Start) {
				p := personOf(m)
				p.Country = ""
				return p, true
			}
		}
		return Person{}, false
	}
	for _, m := range persons {
		if m.Span.Start-sp.Start < verbAt && !c.index().inParens(m.Span.Start) && !c.foreign(m.Country) {
			return c.withHome(personOf(m)), true
		}
	}
	if iso, ok := c.foreignSubject(text, sp, verbAt); ok {
		// "the Indonesian foreign minister left for San José": the
		// official of that country the document names, not the principal
		for _, m := range c.within(Span{max(0, sp.Start-lookBack), sp.Start + verbAt}) {
			if m.Kind == KindPerson && m.Country == iso {
				return personOf(m), true
			}
		}
		return Person{}, false
	}
	return c.Principal, false
}

// foreignSubject reports whether the subject right before the travel
// word is a foreign official named by country and office alone: "the
// Indonesian foreign minister left for", "the Portuguese minister will
// travel on to". It returns the official's country.
func (c *Frame) foreignSubject(text string, sp Span, verbAt int) (string, bool) {
	for m := range c.each(KindCountry, Span{sp.Start, sp.Start + verbAt}) {
		if !isDemonymMention(m) || !c.foreign(m.Value) {
			continue
		}
		before := strings.ToLower(strings.TrimSpace(c.d.Text[max(sp.Start, m.Span.Start-5):m.Span.Start]))
		if !strings.HasSuffix(before, "the") {
			continue
		}
		// the office, then at most an auxiliary before the verb
		ws := strings.Fields(c.d.Text[m.Span.End : sp.Start+verbAt])
		if len(ws) == 0 || len(ws) > 5 {
			continue
		}
		if rank, _ := gazetteer.Title(strings.Join(ws, " ")); rank != "" {
			return m.Value, true
		}
		if len(ws) > 1 {
			if rank, _ := gazetteer.Title(strings.Join(ws[:len(ws)-1], " ")); rank != "" {
				return m.Value, true // "the Portuguese minister will travel on"
			}
		}
	}
	return "", false
}

// visitOf returns the traveller a visit noun names after it: "visit by
// X to C", "visit of X to C", "visit to C by X", "visit to C of X". The
// travel word at verbAt must be a noun (visit, visits, trip, tour); only
// the destination, dates and joining words may stand between it and the
// "by" or "of" (not "at the invitation of X"), and a destination must
// follow the noun or the person.
func (c *Frame) visitOf(text string, sp Span, verbAt int, persons []Mention) (Mention, bool) {
	w := strings.ToLower(homeFirstWord(text[verbAt:]))
	if w != "visit" && w != "visits" && w != "trip" && w != "tour" {
		return Mention{}, false
	}
	nounEnd := verbAt + len(w)
	for _, m := range persons {
		at := m.Span.Start - sp.Start
		if at <= verbAt || at-verbAt > 160 {
			continue
		}
		gap := text[nounEnd:at]
		destAfter := strings.HasPrefix(strings.TrimLeft(text[m.Span.End-sp.Start:], ", "), "to ")
		// the first "by" or "of" that only the destination precedes
		for k := 0; k < len(gap); k++ {
			if !strings.HasPrefix(gap[k:], " by ") && !strings.HasPrefix(gap[k:], " of ") {
				continue
			}
			if len(gap)-k > 60 || !titleOnly(gap[k+4:]) {
				continue
			}
			destBefore := c.onlyDestination(Span{sp.Start + nounEnd, sp.Start + nounEnd + k})
			if destBefore || k == 0 && destAfter {
				return m, true
			}
		}
	}
	return Mention{}, false
}

// titleOnly reports whether s can be the title before a name: capitalized
// words, and lower-case ones only of the kind titles hold ("the", "of",
// "that country's"); not a clause ("the President of Togo began with
// talks with President").
func titleOnly(s string) bool {
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ",.()")
		if w == "" || w[0] < 'a' || w[0] > 'z' {
			continue
		}
		switch w {
		case "the", "of", "for", "and", "on", "that", "this", "its", "his", "her", "their":
			continue
		}
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			continue
		}
		return false
	}
	return !strings.ContainsAny(s, ";")
}

// onlyDestination reports whether s holds "to" and a country or place,
// with nothing else but dates and joining words: " to Chile from 2 to 6
// May".
func (c *Frame) onlyDestination(s Span) bool {
	b := []byte(c.d.Text[s.Start:s.End])
	named := false
	for _, m := range c.within(s) {
		if m.Span.End > s.End || m.Kind != KindCountry && m.Kind != KindPlace && m.Kind != KindDate {
			continue
		}
		named = named || m.Kind != KindDate
		for i := m.Span.Start - s.Start; i < m.Span.End-s.Start; i++ {
			b[i] = ' '
		}
	}
	if !named {
		return false
	}
	ws := strings.Fields(strings.ToLower(string(b)))
	if len(ws) == 0 || ws[0] != "to" {
		return false
	}
	for _, w := range ws {
		if !listWords[strings.Trim(w, ",")] && !fillerWords[strings.Trim(w, ",")] {
			return false
		}
	}
	return true
}

// officeVisit reads a visit noun followed by "by" or "of" and an office
// of a named country, with no name: "Visit to Chile by the Minister of
// Foreign Affairs of Colombia". The traveller has that title and
// country, and no name.
func (c *Frame) officeVisit(text string, sp Span, verbAt int) (Person, bool) {
	w := strings.ToLower(homeFirstWord(text[verbAt:]))
	if w != "visit" && w != "visits" {
		return Person{}, false
	}
	rest := text[verbAt+len(w):]
	k := strings.Index(rest, " by the ")
	if j := strings.Index(rest, " of the "); k < 0 || j >= 0 && j < k {
		k = j
	}
	if k < 0 || k > 40 || !c.onlyDestination(Span{sp.Start + verbAt + len(w), sp.Start + verbAt + len(w) + k}) {
		return Person{}, false
	}
	start := sp.Start + verbAt + len(w) + k + len(" by the ")
	for _, q := range c.within(Span{start, min(sp.End, start+80)}) {
		if q.Kind == KindPerson {
			return Person{}, false // named: visitOf reads it
		}
		if q.Kind != KindCountry || isDemonymMention(q) || !officeOf(c.d.Text[start:q.Span.Start]) {
			continue
		}
		title := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(c.d.Text[start:q.Span.Start]), " of"))
		title = strings.TrimSuffix(title, " of the")
		return Person{Title: title + " of " + q.Text, Country: q.Value}, true
	}
	return Person{}, false
}

// possTitleVisit reads "the Secretary's first visit to the Philippines":
// the traveller is the last person named before the sentence whose title
// holds the word before "'s".
func (c *Frame) possTitleVisit(text string, sp Span) (Person, bool) {
	loc := c.possVisit(text)
	if loc == nil {
		return Person{}, false
	}
	ws := strings.Fields(text[:loc[0]])
	if len(ws) == 0 {
		return Person{}, false
	}
	title := strings.ToLower(strings.Trim(ws[len(ws)-1], ",.;:()"))
	if title == "" || title[0] < 'a' || title[0] > 'z' {
		return Person{}, false
	}
	// the last person before it with that title, within a window
	end := sp.Start + loc[0]
	ms := c.within(Span{max(0, end-lookBack), end})
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.Kind != KindPerson {
			continue
		}
		for _, tw := range strings.Fields(m.Title) {
			if strings.EqualFold(tw, title) {
				return personOf(m), true
			}
		}
	}
	return Person{}, false
}

// lookBack bounds how far back a rule looks for what a phrase refers to:
// far beyond any release's length, and linear on pathological ones.
const lookBack = 64 << 10

// welcomeVocative reports whether the word at verbAt is a bare "welcome"
// said to someone: after a comma or at the start of the sentence ("Dear
// Mike, welcome to Jakarta").
func welcomeVocative(text string, verbAt int) bool {
	if !hasPrefixLower(text[verbAt:], "welcome ") {
		return false
	}
	pre := strings.TrimRight(text[:verbAt], " ")
	return pre == "" || strings.HasSuffix(pre, ",")
}

// withHomeUnlessIncoming is withHome for an outgoing traveller; the
// visitor of an incoming visit keeps the country it has.
func (c *Frame) withHomeUnlessIncoming(p Person, incoming bool) Person {
	if incoming {
		return p
	}
	return c.withHome(p)
}

// withHome gives a person with no stated country the publisher's.
func (c *Frame) withHome(p Person) Person {
	if p.Country == "" {
		p.Country = c.Home
	}
	return p
}

// insideOrgName reports whether a country mention is part of an
// organization's name ("Korea Internet & Security Agency").
func (c *Frame) insideOrgName(m Mention) bool {
	return c.orgSpans.contains(m.Span, true)
}

// mergeVisits keeps one record per country: the dates of the
// highest-priority, then narrowest, candidate, and the actor of the
// candidate that named one. A city stands for its country when nothing
// else names the country; inside a country already visited, a city with a
// date outside the country's span is a visit of its own with place set,
// and one without a date, or within the span, is a stop of the country's.
func mergeVisits(cands []visit) []Event {
	countryLevel := map[string]bool{}
	for _, v := range cands {
		// a summit's country is read from its venue, a city itself
		if v.Place == "" && v.prio > prioSummit {
			countryLevel[v.Country] = true
		}
	}
	// Where only cities name a country, the first city told stands for
	// the country's visit; later ones are stops or visits of their own.
	for i := range cands {
		if v := &cands[i]; v.Place != "" && !countryLevel[v.Country] {
			v.Place = ""
			countryLevel[v.Country] = true
		}
	}
	type key struct{ country, place string }
	best := map[key]*visit{}     // the main visit of each country or city
	others := map[key][]*visit{} // visits of other times: "previous visits were to Cambodia in 2002"
	var order []key
	for i := range cands {
		v := &cands[i]
		if v.Place != "" && v.Dates == nil {
			continue
		}
		k := key{v.Country, v.Place}
		b, ok := best[k]
		if !ok {
			best[k] = v
			order = append(order, k)
			continue
		}
		if v.close && b.close && v.prio > prioReport && b.prio > prioReport && v.Dates != nil && b.Dates != nil &&
			!overlap(v.Dates, b.Dates) || v.explicit && b.explicit && !sameTraveller(v.Actor, b.Actor) {
			// another time: a visit of its own, unless one told with it
			merged := false
			for j, o := range others[k] {
				// the same time; undated, the same traveller
				if v.Dates != nil && o.Dates != nil && overlap(v.Dates, o.Dates) ||
					(v.Dates == nil || o.Dates == nil) && sameTraveller(v.Actor, o.Actor) {
					if better(v, o) {
						m := *o
						m.Dates, m.prio, m.Evidence, m.Status = v.Dates, v.prio, v.Evidence, v.Status
						others[k][j] = &m
					}
					merged = true
					break
				}
			}
			if !merged {
				others[k] = append(others[k], v)
			}
			continue
		}
		// b is a candidate of its own, held nowhere else: merged in place
		if better(v, b) {
			b.Dates, b.prio, b.Evidence, b.Status, b.close = v.Dates, v.prio, v.Evidence, v.Status, v.close
		}
		if v.explicit && !b.explicit {
			b.Actor, b.explicit = v.Actor, true
		}
	}
	// A country's visit told without dates takes those of its first dated
	// city: "visits the United States" and "is in Washington March 4-6".
	adopted := map[key]bool{}
	for _, k := range order {
		if v := best[k]; k.place == "" && v.Dates == nil {
			for _, kc := range order {
				if c := best[kc]; kc.place != "" && kc.country == k.country && c.Dates != nil {
					merged := *v
					merged.Dates, merged.Evidence, merged.Status = c.Dates, c.Evidence, c.Status
					best[k] = &merged
					adopted[kc] = true
					break
				}
			}
		}
	}
	out := make([]Event, 0, len(order))
	for _, k := range order {
		v := best[k]
		if adopted[k] {
			continue
		}
		if k.place != "" {
			// A city visit within its country's span is a stop of that
			// visit, not a visit of its own.
			if c, ok := best[key{k.country, ""}]; ok && c.Dates != nil && v.Dates != nil &&
				!v.Dates.Start.Before(c.Dates.Start) && (c.Dates.Open() || !v.Dates.Open() && !c.Dates.End.Before(v.Dates.End)) {
				continue
			}
			v.Confidence = 0.5
		}
		out = append(out, v.Event)
		for _, o := range others[k] {
			out = append(out, o.Event)
		}
	}
	return out
}

// sameTraveller reports whether two travellers may be one: the same name,
// or no name on either side and the same title.
func sameTraveller(a, b Person) bool {
	if a.Name != "" || b.Name != "" {
		return a.Name == b.Name
	}
	return a.Title == b.Title
}

// overlap reports whether two date ranges share a day; an open range is
// its start.
func overlap(a, b *DateRange) bool {
	ae, be := a.End, b.End
	if a.Open() {
		ae = a.Start
	}
	if b.Open() {
		be = b.Start
	}
	return !ae.Before(b.Start) && !be.Before(a.Start)
}

// dayOfTelling reports whether a date is a day named relative to the
// telling ("today", "yesterday", "tomorrow"): it dates what the release
// reports, which is the trip itself only when nothing else dates it.
func dayOfTelling(dr *DateRange) bool {
	return equalLower(dr.Text, "today") || equalLower(dr.Text, "yesterday") || equalLower(dr.Text, "tomorrow")
}

// better reports whether v's dates should replace b's.
func better(v, b *visit) bool {
	if v.Dates == nil {
		return false
	}
	if b.Dates == nil {
		return true
	}
	if v.prio != b.prio {
		return v.prio > b.prio
	}
	if v.Dates.Open() != b.Dates.Open() {
		return !v.Dates.Open() // a span the text gives beats a start alone
	}
	return v.Dates.End.Time().Sub(v.Dates.Start.Time()) < b.Dates.End.Time().Sub(b.Dates.Start.Time())
}

// demonym reports whether a word is a country adjective, and whose.
// The rules ask it of the same few country words again and again, so the
// answers are kept in a table of demonymSlots, one word a slot (a word
// whose slot another took is looked up again), each copied so that no
// document's text is held: a hash and one load, where a sync.Map took
// twice as long.
func demonym(s string) (string, bool) {
	slot := &demonymMemo[maphash.String(demonymSeed, s)&(demonymSlots-1)]
	if e := slot.Load(); e != nil && e.word == s {
		return e.iso, e.iso != ""
	}
	iso, ok := gazetteer.Demonym(strings.TrimSuffix(s, "'s"))
	if !ok {
		iso = ""
	}
	slot.Store(&demonymEntry{word: strings.Clone(s), iso: iso})
	return iso, ok
}

// demonymEntry is a word and its country, "" when it is no demonym.
type demonymEntry struct{ word, iso string }

const demonymSlots = 1 << 13 // a power of two

var (
	demonymMemo [demonymSlots]atomic.Pointer[demonymEntry]
	demonymSeed = maphash.MakeSeed()
)

// startOnly returns the span of a trip that starts on dr's day: open,
// unless the sentence tells the trip's length ("arrived yesterday for a
// three-day working visit", "began a two-day state visit today").
func startOnly(dr *DateRange, sentence string) *DateRange {
	var end Date // open
	if n := tripDays(sentence); n > 1 {
		end = dr.Start.AddDays(n - 1)
	}
	return withEnd(dr, end)
}

// tripDaysRe finds a trip's length in days: "a three-day visit", "a
// 2-day official visit", "three days' working visit".
var tripDaysRe = regexp.MustCompile(`(?i)\b(two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-4])[- ]days?'?\s+(?:(?:official|state|working|bilateral|friendship|goodwill|private|official working)\s+)?(?:visit|trip|tour|stay|mission)\b`)

// hasDay reports whether s holds "day" in any case (no other letter
// folds to d, a or y) after a space or a hyphen, as tripDaysRe's
// "[- ]days?" does: "today" and "Monday" have no trip's length.
func hasDay(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == ' ' || s[i] == '-') && s[i+1]|0x20 == 'd' && s[i+2]|0x20 == 'a' && s[i+3]|0x20 == 'y' {
			return true
		}
	}
	return false
}

// tripDaysIndex is tripDaysRe.FindStringIndex.
func tripDaysIndex(s string) []int {
	if !hasDay(s) {
		return nil
	}
	return tripDaysRe.FindStringIndex(s)
}

// tripDays returns the length of the trip a sentence tells, or 0.
func tripDays(sentence string) int {
	if !hasDay(sentence) {
		return 0 // the pattern needs "day"
	}
	m := tripDaysRe.FindStringSubmatch(sentence)
	if m == nil {
		return 0
	}
	if n, err := strconv.Atoi(m[1]); err == nil {
		return n
	}
	return slices.Index([]string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}, strings.ToLower(m[1]))
}
