package extractors

import (
	"strings"
)

// Meetings finds meetings between an official of the publishing
// government and foreign officials: named counterparts ("met with the
// Saudi Arabian Minister of ..., Abdullah Alswaha"), and unnamed
// counterparts of named countries ("bilateral meetings ... with his
// counterparts of Vietnam, Laos and Cambodia"). Counterparts named in the
// rest of a paragraph that opens with an unnamed meeting ("met with three
// Italian ministers ... Minister for Public Administration Paolo
// Zangrillo expressed ...") are that meeting's participants. One record
// per counterpart country per sentence; a counterpart met again later in
// the text is not a new record, and an unnamed meeting with a country is
// dropped when a named one with that country exists.
type Meetings struct{}

var (
	meetPh = newPhrases(vocab("meeting.cues")...)
	// counterpartNouns name unnamed counterparts.
	counterpartNouns = vocabSet("counterpart.nouns")
	// notMeetPh: a meeting noun in a name or a meeting between others.
	notMeetPh = newPhrases(vocab("not.meeting")...)
)

// Events returns d's meeting records.
func (Meetings) Events(d *Doc, c *Frame) []Event {
	var named, unnamed []Event
	seen := map[string]bool{}
	for i := range d.Sentences {
		text, sp := c.sentence(i)
		if !c.has(c.paragraph(sp.Start), KindPerson, KindCountry) {
			continue // no one to meet
		}
		loc := c.findIn(meetPh, text)
		if loc == nil || (c.matches(notMeetPh, text) && !strings.Contains(lower(text), " with ")) {
			continue
		}
		actor, _ := c.meetingActor(sp, sp.Start+loc[0])
		parts := c.counterparts(sp, actor)
		if len(parts) == 0 {
			countries := c.unnamedCountries(text, sp, loc[0])
			// Counterparts named later in the paragraph belong to it.
			para := c.paragraph(sp.Start)
			rest := Span{sp.End, para.End}
			for _, p := range c.counterparts(rest, actor) {
				if len(countries) == 0 || countries[p.Country] {
					parts = append(parts, p)
				}
			}
			if len(parts) == 0 {
				for _, iso := range sortedKeys(countries) {
					unnamed = append(unnamed, c.meeting(actor, iso, nil, text, sp))
				}
				continue
			}
		}
		byCountry := map[string][]Person{}
		var order []string
		for _, p := range parts {
			if seen[lower(p.Name)] {
				continue
			}
			seen[lower(p.Name)] = true
			if _, ok := byCountry[p.Country]; !ok {
				order = append(order, p.Country)
			}
			byCountry[p.Country] = append(byCountry[p.Country], p)
		}
		for _, iso := range order {
			named = append(named, c.meeting(actor, iso, byCountry[iso], text, sp))
		}
	}
	met := map[string]bool{}
	for _, e := range named {
		met[e.CounterpartCountry] = true
	}
	out := named
	for _, e := range unnamed {
		if !met[e.CounterpartCountry] {
			met[e.CounterpartCountry] = true
			out = append(out, e)
		}
	}
	for i := range out {
		out[i].Direction = c.meetingDirection(out[i])
	}
	return out
}

func (c *Frame) meeting(actor Person, iso string, parts []Person, text string, sp Span) Event {
	ev := Event{
		Type: Meeting, Actor: actor, CounterpartCountry: iso, Participants: parts,
		Evidence: sp, Confidence: 0.8, Country: c.countryAt(sp.Start),
	}
	if len(parts) == 0 {
		ev.Confidence = 0.6
	}
	if ds := c.datesIn(sp); len(ds) > 0 {
		ev.Dates = nearestDate(ds, sp.Start)
	}
	ev.Status = c.statusOf(text, ev.Dates, c.d.Meta.Published)
	return ev
}

// meetingActor is the publishing side's official in a meeting sentence:
// the first home person named before the verb, else the principal.
func (c *Frame) meetingActor(sp Span, verbAt int) (Person, bool) {
	for _, m := range c.in(KindPerson, sp) {
		if m.Span.Start < verbAt && !c.foreign(m.Country) && !inParens(c.d.Text, m.Span) {
			return c.withHome(personOf(m)), true
		}
	}
	return c.Principal, false
}

// counterparts returns the foreign officials named in span s: persons
// whose office belongs to another country than the publisher's. A person
// with no stated country takes the country of the itinerary section the
// sentence is in, when that is foreign.
func (c *Frame) counterparts(s Span, actor Person) []Person {
	var out []Person
	for _, m := range c.in(KindPerson, s) {
		p := personOf(m)
		if p.Name == actor.Name || strings.Contains(actor.Name, p.Name) {
			continue
		}
		if p.Country == "" || p.Country == c.Home {
			if sc := c.countryAt(m.Span.Start); sc != "" && p.Country == "" {
				p.Country = sc
			}
		}
		if !c.foreign(p.Country) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// unnamedCountries returns the foreign countries a meeting sentence names
// without naming the officials: "his counterparts of Vietnam, Laos and
// Cambodia", "three Italian ministers", "six ministers from Saudi Arabia
// and the UAE".
func (c *Frame) unnamedCountries(text string, sp Span, verbAt int) map[string]bool {
	out := map[string]bool{}
	for _, d := range c.chains(sp, sp.Start+verbAt, isCounterpartLead) {
		if c.foreign(d.country) && d.place == "" {
			out[d.country] = true
		}
	}
	// "three Italian ministers", "his Omani counterpart"
	for _, m := range c.in(KindCountry, sp) {
		if m.Span.Start-sp.Start < verbAt || !c.foreign(m.Value) || !isDemonymMention(m) || c.insideOrgName(m) {
			continue
		}
		next := strings.Fields(strings.ToLower(c.d.Text[m.Span.End:min(sp.End, m.Span.End+40)]))
		if len(next) > 0 && counterpartNouns[strings.Trim(next[0], ",.")] {
			out[m.Value] = true
		}
	}
	return out
}

// isCounterpartLead reports whether a word introduces the country of
// unnamed counterparts: "his counterparts of Vietnam", "ministers from
// Saudi Arabia and the UAE", "the delegation of Japan".
func isCounterpartLead(w string) bool { return w == "of" || w == "from" }

func sortedKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	// insertion sort: these maps hold a handful of keys
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
