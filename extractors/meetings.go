package extractors

import (
	"slices"
	"sort"
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
	// cancelEventPh: the event did not or will not take place.
	cancelEventPh = newPhrases(vocab("cancel.event")...)
)

// Events returns d's meeting records.
func (Meetings) Events(d *Doc, c *Frame) []Event {
	out := c.meetings()
	// A meeting whose place the sentence does not give stands where the
	// trips put it: at home when the publisher's side went nowhere (or
	// the text places it there), in the counterpart's country when the
	// publisher's side travelled there, else in a third country.
	visits := (Visits{}).visits(d, c)
	away := map[string]bool{}
	for _, v := range visits {
		if v.Country != c.Home && !c.foreign(v.Actor.Country) {
			away[v.Country] = true
		}
	}
	for i := range out {
		e := &out[i]
		if e.Direction != DirectionNone || c.Home == "" || e.CounterpartCountry == "" {
			continue
		}
		switch {
		case c.meetingAtHome(*e, len(away) > 0):
			e.Direction = Incoming
		case away[e.CounterpartCountry]:
			e.Direction = Outgoing
		case len(away) > 0:
			e.Direction = ThirdCountry
		}
	}
	return out
}

// meetings returns the document's meeting records, read once per frame:
// the visits read them too (a foreign official met at home made a visit).
func (c *Frame) meetings() []Event {
	if !c.meetingsDone {
		c.meetingsDone = true
		c.meetingsMemo = c.readMeetings()
	}
	return c.meetingsMemo
}

// meetingReach bounds how far past a meeting sentence its counterparts
// are looked for, in bytes: the rest of a release's paragraph and the
// next (the longest of the corpora is under 2 KB), not the rest of a
// document on one line, read again for every meeting sentence in it.
const meetingReach = 4 << 10

func (c *Frame) readMeetings() []Event {
	d := c.d
	var named, unnamed []Event
	seen := map[string]bool{}
	for i := range d.Sentences {
		if d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		text, sp := c.sentence(i)
		if !c.sentenceMay(i, meetPh) || !meetPh.in(c.lowerWords(text)) {
			continue // no meeting word: meetingCue finds none
		}
		if len(c.visitors) == 0 && !c.has(c.paragraph(sp.Start), KindPerson, KindCountry) && !bothSides(c.lowerWords(text)) {
			continue // no one to meet
		}
		loc := c.meetingCue(text, sp)
		if loc < 0 || c.matches(cancelEventPh, text) {
			continue
		}
		actor, _ := c.meetingActor(sp, sp.Start+loc)
		parts := c.counterparts(sp, actor)
		if len(parts) == 0 {
			var buf [4]string
			countries := c.unnamedCountries(buf[:0], text, sp, loc)
			// Counterparts named later in the paragraph belong to it, and
			// in the next one when the countries are named ("met five
			// officials from A, B, ... The delegation comprised ...").
			para := c.paragraph(sp.Start)
			rest := Span{sp.End, para.End}
			if len(countries) > 0 {
				rest.End = c.nextParagraphEnd(para.End)
			}
			rest.End = min(rest.End, sp.End+meetingReach)
			for _, p := range c.counterparts(rest, actor) {
				if (len(countries) == 0 || countries.has(p.Country)) && !c.ownEvent(p, para.End) {
					parts = append(parts, p)
				}
			}
			if len(parts) == 0 && len(countries) == 0 {
				// "bilateral talks" in the programme of a visit to the
				// publisher's country: with the visitor; "the two foreign
				// ministers will hold a dialogue": with the principal's
				// counterpart
				if v, ok := c.onlyVisitor(); ok && !inLower(seen, v.Name) {
					parts = append(parts, v)
				} else if v, ok := c.peer(); ok && bothSides(c.lowerWords(text)) && !inLower(seen, v.Name) {
					parts = append(parts, v)
				}
			}
			if len(parts) == 0 {
				for _, iso := range countries {
					unnamed = append(unnamed, c.meeting(actor, iso, nil, text, sp))
				}
				continue
			}
		}
		var groups [4]countryParts
		byCountry := groups[:0] // in the order of their first counterpart
		for _, p := range parts {
			if inLower(seen, p.Name) {
				continue
			}
			seen[lower(p.Name)] = true
			k := slices.IndexFunc(byCountry, func(g countryParts) bool { return g.iso == p.Country })
			if k < 0 {
				k = len(byCountry)
				byCountry = append(byCountry, countryParts{iso: p.Country})
			}
			byCountry[k].parts = append(byCountry[k].parts, p)
		}
		for _, g := range byCountry {
			named = append(named, c.meeting(actor, g.iso, g.parts, text, sp))
		}
		// unnamed counterparts beside named ones: "with his counterparts
		// from Portugal, Andorra and the Dominican Republic, as well as
		// with Spain's Minister of Foreign Affairs, X"
		// Not when the names are theirs: "his counterparts from Spain,
		// Cyprus and Greece, Mr A, Mr B and Mr C".
		var buf [4]string
		var extra isoSet
		if pluralCounterparts(c.lowerWords(text)) {
			extra = c.unnamedCountries(buf[:0], text, sp, loc)
		}
		theirs := len(parts) >= 2
		for _, g := range byCountry {
			theirs = theirs && extra.has(g.iso)
		}
		if theirs {
			extra = nil
		}
		for _, iso := range extra {
			unnamed = append(unnamed, c.meeting(actor, iso, nil, text, sp))
		}
	}
	met := map[string]bool{}
	for _, e := range named {
		met[e.CounterpartCountry] = true
	}
	out := named
	at := map[string]int{} // counterpart country -> index in out of its unnamed meeting
	for _, e := range unnamed {
		if i, ok := at[e.CounterpartCountry]; ok {
			if out[i].Dates == nil && e.Dates != nil {
				out[i] = e // told again with its date: the headline, then the body
			}
			continue
		}
		if !met[e.CounterpartCountry] {
			met[e.CounterpartCountry] = true
			at[e.CounterpartCountry] = len(out)
			out = append(out, e)
		}
	}
	for i := range out {
		out[i].Direction = c.meetingDirection(out[i])
	}
	return out
}

// countryParts are the counterparts of one country met in a sentence.
type countryParts struct {
	iso   string
	parts []Person
}

// meetingCue returns the offset in text of the first meeting word that
// is not part of a gathering's name ("the IV Meeting of the Committee",
// "the annual meeting of ambassadors"), or -1. In a sentence with "with"
// any meeting word counts: "co-chaired the Joint Commission Meeting with
// the Minister of Foreign Affairs of Thailand".
func (c *Frame) meetingCue(text string, sp Span) int {
	ws := c.lowerWords(text)
	with := containsLower(text, " with ") // "co-chaired the Joint Commission Meeting with X"
	for i, j, ok := meetPh.find(ws); ok; i, j, ok = meetPh.findFrom(ws, j) {
		if with {
			return ws[i].start
		}
		if c.inGathering(sp.Start + ws[i].start) {
			continue
		}
		if k, _, ok := notMeetPh.findFrom(ws, max(0, i-1)); ok && k <= i {
			continue
		}
		return ws[i].start
	}
	return -1
}

// inGathering reports whether off lies inside a gathering's name.
func (c *Frame) inGathering(off int) bool {
	// the gatherings that start at or before off, in text order: one of
	// them holds off when the furthest end among them lies past it
	k := sort.Search(len(c.gatheringsByStart), func(i int) bool { return c.gatheringsByStart[i].Start > off })
	return k > 0 && c.gatheringEnds[k-1] > off
}

// nextParagraphEnd returns the end of the paragraph after the one that
// ends at end, or end when there is none.
func (c *Frame) nextParagraphEnd(end int) int {
	t := c.d.Text
	i := end
	for i < len(t) && (t[i] == '\n' || t[i] == ' ') {
		i++
	}
	if i >= len(t) {
		return end
	}
	return c.paragraph(i).End
}

// ownEvent reports whether the person, first named after the meeting's
// paragraph (which ends at paraEnd), stands in a sentence that tells of
// travel of its own ("It was also confirmed that President X will visit
// Chile"): not the meeting's.
func (c *Frame) ownEvent(p Person, paraEnd int) bool {
	for _, i := range c.personMentions(p.Name) {
		m := c.byStart[i]
		if m.Span.Start < paraEnd {
			return false // named in the meeting's paragraph
		}
		si := SentenceAt(c.d.Sentences, m.Span.Start)
		if si < 0 {
			return false
		}
		text, _ := c.sentence(si)
		return c.matches(travelPh, text)
	}
	return false
}

// peer returns the principal's counterpart: the one foreign official of
// the principal's rank the document names.
func (c *Frame) peer() (Person, bool) {
	if !c.peerDone {
		c.peerMemo, c.peerOK = c.findPeer()
		c.peerDone = true
	}
	return c.peerMemo, c.peerOK
}

func (c *Frame) findPeer() (Person, bool) {
	if c.Principal.Rank == RankNone {
		return Person{}, false
	}
	var found Person
	for _, m := range c.byStart {
		if m.Kind != KindPerson || !c.foreign(m.Country) || m.Rank != c.Principal.Rank {
			continue
		}
		if p := personOf(m); found.Name == "" {
			found = p
		} else if p.Name != found.Name {
			return Person{}, false
		}
	}
	return found, found.Name != ""
}

// bothSides reports whether a sentence tells of the two sides together:
// "the two foreign ministers", "both ministers", "the two sides".
func bothSides(ws []word) bool {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i].s != "both" && !(ws[i].s == "two" && i > 0 && ws[i-1].s == "the") {
			continue
		}
		for j := i + 1; j < len(ws) && j <= i+3; j++ {
			if counterpartNouns[ws[j].s] || ws[j].s == "sides" || ws[j].s == "parties" {
				return true
			}
		}
	}
	return false
}

// onlyVisitor returns the one foreign official who visited the
// publisher's country, when the document tells of exactly one.
func (c *Frame) onlyVisitor() (Person, bool) {
	if len(c.visitors) != 1 {
		return Person{}, false
	}
	for _, i := range c.personMentions(c.visitors[0]) {
		if m := c.byStart[i]; c.foreign(m.Country) {
			return personOf(m), true
		}
	}
	return Person{}, false
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
	for m := range c.each(KindPerson, sp) {
		if m.Span.Start < verbAt && !c.foreign(m.Country) && !c.index().inParens(m.Span.Start) {
			return c.withHome(personOf(m)), true
		}
		if m.Span.Start > verbAt && calledBy(c.d.Text[verbAt:m.Span.Start]) {
			// "courtesy calls by Foreign Minister X on ...": X calls
			return c.withHome(personOf(m)), true
		}
	}
	return c.Principal, false
}

// calledBy reports whether the text between a meeting word and a person
// makes the person its agent: "courtesy calls by Foreign Minister".
func calledBy(gap string) bool {
	i := strings.Index(gap, " by ")
	if i < 0 || i > 24 {
		return false
	}
	rest := gap[i+4:]
	return len(rest) < 60 && !strings.ContainsAny(rest, ",;.") && !strings.Contains(rest, " on ")
}

// counterparts returns the foreign officials named in span s: persons
// whose office belongs to another country than the publisher's. A person
// with no stated country takes the country of the itinerary section the
// sentence is in, when that is foreign.
func (c *Frame) counterparts(s Span, actor Person) []Person {
	var out []Person
	for m := range c.each(KindPerson, s) {
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
// and the UAE". They are added to out, which they share with no one.
func (c *Frame) unnamedCountries(out isoSet, text string, sp Span, verbAt int) isoSet {
	// "The Ministers of Foreign Affairs of Chile and Colombia held a
	// meeting", "Kenya and Uganda hold talks": the parties of a plural
	// subject
	if ws, n := firstFields(text[:verbAt]); n >= 3 && (equalLower(ws[0], "the") || equalLower(ws[0], "both")) &&
		pluralOffice(lower(ws[1])) {
		for _, d := range c.chains(Span{sp.Start, sp.Start + verbAt}, sp.Start, isCounterpartLead) {
			if c.foreign(d.country) && d.place == "" {
				out = out.add(d.country)
			}
		}
	} else if c.countriesSubject(sp, verbAt) {
		for m := range c.each(KindCountry, Span{sp.Start, sp.Start + verbAt}) {
			if c.foreign(m.Value) {
				out = out.add(m.Value)
			}
		}
	}
	for _, d := range c.chains(sp, sp.Start+verbAt, isCounterpartLead) {
		if c.foreign(d.country) && d.place == "" {
			out = out.add(d.country)
		}
	}
	// "three Italian ministers", "his Omani counterpart"
	for m := range c.each(KindCountry, sp) {
		if m.Span.Start-sp.Start < verbAt || !c.foreign(m.Value) || !isDemonymMention(m) || c.insideOrgName(m) {
			continue
		}
		if next, n := firstFields(c.d.Text[m.Span.End:min(sp.End, m.Span.End+40)]); n > 0 && inLower(counterpartNouns, strings.Trim(next[0], ",.")) {
			out = out.add(m.Value)
		}
	}
	return out
}

// firstFields returns the first two of strings.Fields(s) and how many
// there are, up to three: all the rules ask of them. The caller
// lower-cases what it compares (lower-casing makes and unmakes no space).
func firstFields(s string) (ws [2]string, n int) {
	var buf [3]string
	fs := appendFields(buf[:0], s, len(buf))
	copy(ws[:], fs)
	return ws, len(fs)
}

// pluralCounterparts reports whether a sentence's words name counterparts
// or officials in the plural ("counterparts", "Prime Ministers"): only
// then may it meet unnamed ones beside named ones.
func pluralCounterparts(ws []word) bool {
	for _, w := range ws {
		if w.s == "counterparts" || pluralOffice(w.s) {
			return true
		}
	}
	return false
}

// countriesSubject reports whether the text before the verb at verbAt is
// two or more countries joined by "and" or commas: "Kenya and Uganda hold
// talks".
func (c *Frame) countriesSubject(sp Span, verbAt int) bool {
	prev, n := sp.Start, 0
	for _, m := range c.within(Span{sp.Start, sp.Start + verbAt}) {
		if m.Kind != KindCountry || isDemonymMention(m) {
			continue
		}
		gap := strings.ToLower(strings.TrimSpace(c.d.Text[prev:m.Span.Start]))
		if n == 0 && gap != "" && gap != "the" || n > 0 && !listGap(c.d.Text[prev:m.Span.Start]) {
			return false
		}
		prev, n = m.Span.End, n+1
	}
	rest := strings.TrimSpace(c.d.Text[prev : sp.Start+verbAt])
	return n >= 2 && (rest == "" || len(strings.Fields(rest)) <= 2)
}

// pluralOffice reports whether a word names several officials: "ministers",
// "foreign ministers", "delegations", "heads".
func pluralOffice(w string) bool {
	return strings.HasSuffix(w, "s") && counterpartNouns[w] || w == "foreign" || w == "ministries"
}

// isCounterpartLead reports whether a word introduces the country of
// unnamed counterparts: "his counterparts of Vietnam", "ministers from
// Saudi Arabia and the UAE", "the delegation of Japan".
func isCounterpartLead(w string) bool { return w == "of" || w == "from" }

// isoSet is a set of a handful of ISO codes, sorted, each once.
type isoSet []string

func (s isoSet) has(iso string) bool {
	_, ok := slices.BinarySearch(s, iso)
	return ok
}

// add returns s with iso, in s's storage when it has room.
func (s isoSet) add(iso string) isoSet {
	i, ok := slices.BinarySearch(s, iso)
	if ok {
		return s
	}
	return slices.Insert(s, i, iso)
}
