package extractors

import (
	"slices"
	"strings"
)

// The legs of a trip through several countries, dated from the narrative:
// "arrived in Accra on Monday ... then travelled to Abidjan on Wednesday
// ... today returned to Nairobi" is Ghana Monday to Wednesday and Côte
// d'Ivoire Wednesday to today; "a working visit to Norway and Sweden from
// 14 to 17 May ... In Oslo, on 15 May ... then proceed to Stockholm,
// where ... on 16 May" is Norway 14-15 and Sweden 16-17.

// legMovePh are the words of moving on to a place: an arrival's date is
// the leg's first day, and the previous leg's last.
var legMovePh = newPhrases(vocab("leg.move")...)

// legEndPh are the words of a trip's end: the last day of the sentence
// that tells it ends the last leg ("where the tour will end on
// Saturday").
var legEndPh = newPhrases(vocab("leg.end")...)

// tripLeg is what the narrative tells of one country of a trip.
type tripLeg struct {
	at          int        // the visit's index among the visits
	arrival     *DateRange // the day of arriving: "travelled to Abidjan on Wednesday"
	first, last *DateRange // the first and last days told in the country
}

// chainLegs dates the country visits of one traveller's trip through
// several countries leg by leg, when the text tells where the traveller
// was on which days. A leg starts on the trip's first day (the first
// leg) or on the day of arriving, else on the first day told in the
// country; it ends on the day of arriving in the next country, else on
// the last day told in it when days are told in the next one too, and
// the last leg ends with the trip (the return, or the trip's span; open
// when neither is told). A move the text does not date (one activity
// told in the last country alone) leaves every country the trip's span.
// Nothing changes unless every leg is dated, the legs follow one
// another, and each keeps the days it had; a leg the text dated on its
// own stands.
func (c *Frame) chainLegs(out []Event) {
	if c.Home == "" {
		return
	}
	var trip []tripLeg
	byCountry := map[string]int{}
	for i, e := range out {
		if e.Place != "" || !c.ownTraveller(e) {
			continue
		}
		if len(trip) > 0 && !sameTraveller(out[trip[0].at].Actor, e.Actor) {
			continue
		}
		if _, dup := byCountry[e.Country]; dup {
			return // a country twice: visits of other times
		}
		byCountry[e.Country] = len(trip)
		trip = append(trip, tripLeg{at: i})
	}
	// legs in the order of their days when every one has them ("is in
	// Singapore since yesterday ... a tour that began in India on
	// Monday"), else in the order told
	dated := true
	for _, l := range trip {
		dated = dated && out[l.at].Dates != nil && out[l.at].Dates.Precision == Day
	}
	if dated {
		slices.SortStableFunc(trip, func(a, b tripLeg) int {
			return out[a.at].Dates.Start.Time().Compare(out[b.at].Dates.Start.Time())
		})
		for k, l := range trip {
			byCountry[out[l.at].Country] = k
		}
	}
	switch {
	case len(trip) == 0:
		return
	case len(trip) == 1:
		// one country: only a start the text leaves open may gain its
		// end ("began an official visit to Viet Nam on Monday. The
		// visit concludes on Thursday")
		if d := out[trip[0].at].Dates; d == nil || !d.Open() {
			return
		}
	}
	// The trip's own span, when every leg has it: "to Norway and Sweden
	// from 14 to 17 May"; or its start alone ("will begin his tour on
	// Tuesday").
	var span *DateRange
	if d := out[trip[0].at].Dates; d != nil && (d.Open() || d.Start != d.End) && d.Precision == Day && !weakDates(d) {
		span = d
		for _, l := range trip[1:] {
			if o := out[l.at].Dates; o == nil || o.Start != d.Start || o.End != d.End {
				span = nil
				break
			}
		}
	}
	for _, l := range trip {
		// a leg the text dated on its own ("Italy (March 6-9)") stands
		if d := out[l.at].Dates; d != nil && d.Precision == Day && !d.Open() && d.Start != d.End && !weakDates(d) &&
			(span == nil || d.Start != span.Start || d.End != span.End) {
			return
		}
	}
	var ret *DateRange // the day of returning home
	var fin *DateRange // the day the trip ends
	here := -1         // the leg the narrative is in
	for _, sp := range c.clauses() {
		if c.inFurniture(sp.Start) {
			break
		}
		text := c.d.Text[sp.Start:sp.End]
		ws := c.lowerWords(text)
		days := c.legDays(sp, span)
		at, elsewhere := c.legPlaces(sp, byCountry)
		if returnPh.in(ws) && (at == nil || len(at) == 1 && at[0] == len(trip)-1) {
			// "will return to Oslo on Thursday 17 March", "On Saturday,
			// before returning to Prague, he will visit Samarkand": the
			// trip's end, the day after the return words or the clause's
			// only day
			ri, _, _ := returnPh.find(ws)
			back := sp.Start + ws[ri].start
			var before []Mention
			for _, m := range days {
				if m.Span.Start < back {
					before = append(before, m)
				}
			}
			if ret == nil {
				if r := dayAfter(days, back); r != nil {
					ret = r
				} else if len(days) == 1 {
					ret, before = days[0].Dates, nil
				}
			}
			if at == nil || len(before) == 0 {
				here = -1
				continue
			}
			// "on Friday he travels on to Tashkent, before returning to
			// Prague on Saturday": the days before the return are the leg's
			days = before
		}
		switch {
		case len(at) == 0 && elsewhere:
			here = -1 // a city of no leg: the narrative is elsewhere
		case len(at) == 1:
			here = at[0]
		case len(at) > 1:
			here = -1 // "Norway and Sweden": the trip, not a leg
			if k, ok := c.movedTo(text, sp, byCountry); ok {
				here = k
			}
		}
		if len(days) > 0 && legEndPh.in(ws) && (here < 0 || here == len(trip)-1) && fin == nil {
			fin = days[len(days)-1].Dates // "the tour will end on Saturday"
		}
		if here < 0 || len(days) == 0 {
			continue
		}
		l := &trip[here]
		if a, ok := c.arrivalDay(text, sp, days); ok && l.arrival == nil {
			l.arrival = a
		}
		for _, m := range days {
			if l.first == nil || m.Dates.Start.Before(l.first.Start) {
				l.first = m.Dates
			}
			if l.last == nil || l.last.End.Before(m.Dates.End) {
				l.last = m.Dates
			}
		}
	}
	if ret == nil {
		ret = fin
	}
	legs, ok := dateLegs(trip, span, ret)
	if !ok {
		return
	}
	for k, l := range trip {
		cur := out[l.at].Dates
		if cur != nil && !weakDates(cur) && !(span != nil && cur.Start == span.Start && cur.End == span.End) && !within(cur, legs[k]) {
			return // a leg the text dated otherwise
		}
	}
	for k, l := range trip {
		out[l.at].Dates = legs[k]
	}
}

// clauses returns the document's sentences split into clauses where a
// new clause starts after ", and" or ";": "On Wednesday he is in Astana,
// and on Friday he travels on to Uzbekistan". A list's last item
// ("Estonia, Latvia, and Lithuania") starts none.
func (c *Frame) clauses() []Span {
	var out []Span
	for _, sp := range c.d.Sentences {
		start := sp.Start
		text := c.d.Text[sp.Start:sp.End]
		for i := 0; i < len(text); i++ {
			if text[i] != ';' && text[i] != ',' {
				continue // the cases below start at one of these
			}
			next := -1
			switch {
			case text[i] == ';':
				next = i + 1
			case strings.HasPrefix(text[i:], ", and ") && i+6 < len(text) && 'a' <= text[i+6] && text[i+6] <= 'z':
				next = i + 6
			}
			if next < 0 {
				continue
			}
			out = append(out, Span{start, sp.Start + i})
			start = sp.Start + next
			for start < sp.End && c.d.Text[start] == ' ' {
				start++
			}
		}
		out = append(out, Span{start, sp.End})
	}
	return out
}

// dateLegs computes the legs' spans (see chainLegs), or false when the
// text does not date every leg or the legs do not follow one another.
func dateLegs(trip []tripLeg, span, ret *DateRange) ([]*DateRange, bool) {
	told := false
	for _, l := range trip {
		told = told || l.first != nil
	}
	if !told {
		return nil, false
	}
	var end *DateRange
	switch {
	case ret != nil:
		end = ret
	case span != nil && !span.Open():
		end = &DateRange{Start: span.End, End: span.End, Precision: Day, YearSource: span.YearSource}
	}
	legs := make([]*DateRange, len(trip))
	for k, l := range trip {
		var from, to *DateRange
		switch {
		case k == 0 && span != nil:
			from = span
		case l.arrival != nil:
			from = l.arrival
		default:
			from = l.first
		}
		switch {
		case k == len(trip)-1 && k > 0 && end == nil && l.arrival == nil && l.last != nil:
			to = l.last // the last day told there, when nothing ends the trip
		case k == len(trip)-1:
			to = end
		case trip[k+1].arrival != nil:
			to = trip[k+1].arrival
		case l.last != nil && trip[k+1].first != nil:
			// days told on both sides of the move
			to = l.last
		}
		if from == nil || k < len(trip)-1 && to == nil {
			return nil, false
		}
		leg := &DateRange{Start: from.Start, Precision: Day, YearSource: from.YearSource, Text: from.Text, Span: from.Span}
		if to != nil {
			leg.End = to.End
			if to.Text != from.Text && to.Text != "" {
				leg.Text = from.Text + " - " + to.Text
			}
		}
		if !leg.Open() && leg.End.Before(leg.Start) {
			return nil, false
		}
		if k > 0 && (legs[k-1].Open() || leg.Start.Before(legs[k-1].End)) {
			return nil, false
		}
		legs[k] = leg
	}
	if span != nil && (legs[0].Start.Before(span.Start) || !span.Open() && !legs[len(legs)-1].Open() && span.End.Before(legs[len(legs)-1].End)) {
		return nil, false
	}
	return legs, true
}

// within reports whether the days of a lie inside b.
func within(a, b *DateRange) bool {
	if a.Start.Before(b.Start) {
		return false
	}
	if b.Open() {
		return true
	}
	end := a.End
	if a.Open() {
		end = a.Start
	}
	return !b.End.Before(end)
}

// legDays returns the day-precision dates of a sentence that may date a
// leg: not the trip's own span, and not a week ("next week").
func (c *Frame) legDays(sp Span, span *DateRange) []Mention {
	var out []Mention
	for _, m := range c.eventDatesIn(sp) {
		dr := m.Dates
		if dr.Precision != Day || dr.Open() || strings.HasSuffix(strings.ToLower(dr.Text), "week") {
			continue
		}
		if span != nil && dr.Start == span.Start && dr.End == span.End {
			continue
		}
		out = append(out, m)
	}
	return out
}

// legPlaces returns the legs a sentence places itself in: the countries
// of the trip whose cities it names, else the countries it names (not as
// adjectives, nor inside the name of a body or a gathering); elsewhere
// tells whether it names a city of no leg ("in Geneva", "to Nairobi").
func (c *Frame) legPlaces(sp Span, byCountry map[string]int) (legs []int, elsewhere bool) {
	var cities, countries []int
	add := func(list []int, k int) []int {
		if slices.Contains(list, k) {
			return list
		}
		return append(list, k)
	}
	for _, m := range c.within(sp) {
		if !sp.Contains(m.Span) {
			continue
		}
		switch m.Kind {
		case KindPlace:
			if k, ok := byCountry[m.Country]; ok {
				cities = add(cities, k)
			} else if m.Country != "" {
				elsewhere = true
			}
		case KindCountry:
			if k, ok := byCountry[m.Value]; ok && !isDemonymMention(m) && !c.insideOrgName(m) && !c.insideGathering(m) {
				countries = add(countries, k)
			}
		}
	}
	if len(cities) > 0 {
		return cities, elsewhere
	}
	return countries, elsewhere
}

// movedTo returns the leg a sentence of several of the trip's countries
// moves to: "then travelled to Abidjan, where she met ... of Ghana and
// Côte d'Ivoire".
func (c *Frame) movedTo(text string, sp Span, byCountry map[string]int) (int, bool) {
	verb := c.findIn(legMovePh, text)
	if verb == nil {
		return 0, false
	}
	ds := c.chains(sp, sp.Start+verb[0], isTravelLead)
	if len(ds) != 1 {
		return 0, false
	}
	k, ok := byCountry[ds[0].country]
	return k, ok
}

// arrivalDay returns the day a sentence tells of arriving: the date of
// the moving words themselves, "arrived in Accra on Monday", "will then
// proceed to Kuwait City on 7 November", "On Wednesday the State
// Secretary will travel on to Addis Ababa"; not a date of what is done
// there ("proceed to Stockholm, where she will hold talks ... on 16
// May").
func (c *Frame) arrivalDay(text string, sp Span, days []Mention) (*DateRange, bool) {
	verb := c.findIn(legMovePh, text)
	if verb == nil {
		return nil, false
	}
	vs, ve := sp.Start+verb[0], sp.Start+verb[1]
	if departLeads[strings.ToLower(text[verb[0]:verb[1]])] && len(c.chains(sp, vs, isTravelLead)) == 0 {
		return nil, false // "left Hanoi on 29 November": a departure, not for the next leg
	}
	for _, m := range days {
		if m.Dates.Start != m.Dates.End {
			continue
		}
		if m.Span.End <= vs {
			// a date opening the sentence: "On Wednesday(,) the ..."
			lead := strings.TrimSpace(c.d.Text[sp.Start:m.Span.Start])
			if lead == "" || strings.EqualFold(lead, "on") {
				return m.Dates, true
			}
			continue
		}
		// after the verb: only place names and the words of a place
		// between ("to Kuwait City on", "in New York, United States, on")
		gap := c.d.Text[ve:m.Span.Start]
		for _, p := range c.within(Span{ve, m.Span.Start}) {
			if (p.Kind == KindPlace || p.Kind == KindCountry) && p.Span.End <= m.Span.Start {
				gap = strings.Replace(gap, c.d.Text[p.Span.Start:p.Span.End], " ", 1)
			}
		}
		if placeGap(gap) {
			return m.Dates, true
		}
	}
	return nil, false
}

// placeGap reports whether the text between a verb of moving and a date
// holds nothing but the little words around a destination.
func placeGap(gap string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(gap), func(r rune) bool { return r == ' ' || r == ',' || r == '\n' }) {
		switch w {
		case "on", "in", "to", "at", "the", "for", "onward", "onwards", "on to", "back":
		default:
			return false
		}
	}
	return true
}
