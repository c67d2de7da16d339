package extractors

import (
	"strings"
)

// Agreements finds MOUs, agreements and treaties signed (occurred), agreed
// to be signed or proposed (planned), including past ones cited as
// background with their own date. The counterpart is the foreign party:
// a foreign country or foreign ministry in the sentence, else the
// foreign officials of the sentence or the one before ("The two
// ministers proposed a speedy signing of an MOU"), else the itinerary
// section's country. One record per counterpart country and date.
type Agreements struct{}

var (
	agreementPh   = newPhrases(vocab("agreement.nouns")...)
	signPh        = newPhrases(vocab("sign")...)
	plannedSignPh = newPhrases(vocab("sign.planned")...)
	signedPh      = newPhrases(vocab("sign.past")...)
)

// Events returns d's agreement records.
func (Agreements) Events(d *Doc, c *Frame) []Event {
	var out []Event
	seen := map[string]int{} // record key -> index in out
	for i := range d.Sentences {
		text, sp := c.sentence(i)
		ws := c.lowerWords(text)
		if !agreementPh.in(ws) || !(signPh.in(ws) || plannedSignPh.in(ws)) {
			continue
		}
		loc := c.findIn(agreementPh, text)
		dr := c.agreementDate(sp, Span{sp.Start + loc[0], sp.Start + loc[1]})
		// Signed is occurred; agreed, proposed or to be signed is planned;
		// a bare "signing of MoU" takes the tense of its sentence or row.
		var status Status
		switch {
		case plannedSignPh.in(ws) || futurePh.in(ws) && !strongPast(ws):
			status = Planned
		case signedPh.in(ws):
			status = Occurred
		default:
			status = c.statusOf(text, c.rowDates(sp), d.Meta.Published)
		}
		countries := c.agreementCountries(i)
		name := agreementName(text)
		for _, iso := range countries {
			// One record per counterpart, status and month: the summary
			// and the body telling the same plan are one; a past signing
			// with its own date is another.
			k := iso + "|" + string(status)
			if dr != nil {
				k += "|" + dr.Start.String()[:7]
			}
			if j, ok := seen[k]; ok {
				// Told again (headline, summary, body): one record, with
				// the signatories the fuller telling names.
				if len(out[j].Participants) == 0 {
					out[j].Participants = c.signatories(sp, iso)
				}
				continue
			}
			seen[k] = len(out)
			ev := Event{
				Type: Agreement, Status: status, Actor: c.Principal, CounterpartCountry: iso,
				Dates: dr, Name: name, Evidence: sp, Confidence: 0.75,
				Country: c.countryAt(sp.Start),
			}
			ev.Participants = c.signatories(sp, iso)
			out = append(out, ev)
		}
	}
	return out
}

// signatories returns the officials of country iso named in sentence sp:
// they sign for it.
func (c *Frame) signatories(sp Span, iso string) []Person {
	var out []Person
	for _, p := range c.counterparts(sp, c.Principal) {
		if p.Country == iso {
			out = append(out, p)
		}
	}
	return out
}

// rowDates returns the dates of a sentence, or of the itinerary row it
// stands in, for reading its tense.
func (c *Frame) rowDates(sp Span) *DateRange {
	if ds := c.datesIn(sp); len(ds) > 0 {
		return ds[0].Dates
	}
	for _, it := range c.Legs {
		if it.Line.Start <= sp.Start && sp.End <= it.Line.End {
			return it.Dates
		}
	}
	return nil
}

// agreementDate returns the date that goes with an agreement phrase: the
// nearest date within a short distance ("In October 2017, a Memorandum of
// Understanding ... was signed"), not a date of another clause.
func (c *Frame) agreementDate(sp, at Span) *DateRange {
	var best *DateRange
	bestDist := 120
	for _, m := range c.datesIn(sp) {
		dist := m.Span.Start - at.End
		if m.Span.End <= at.Start {
			dist = at.Start - m.Span.End
		}
		if dist < 0 {
			dist = 0
		}
		if dist < bestDist {
			best, bestDist = m.Dates, dist
		}
	}
	return best
}

// agreementCountries returns the foreign parties of an agreement in
// sentence i.
func (c *Frame) agreementCountries(i int) []string {
	_, sp := c.sentence(i)
	var out []string
	add := func(iso string) {
		for _, x := range out {
			if x == iso {
				return
			}
		}
		out = append(out, iso)
	}
	for _, m := range c.in(KindCountry, sp) {
		if c.foreign(m.Value) {
			add(m.Value)
		}
	}
	for _, m := range c.in(KindOrganization, sp) {
		if c.foreign(m.Country) {
			add(m.Country)
		}
	}
	for _, m := range c.in(KindPlace, sp) {
		if c.foreign(m.Country) {
			add(m.Country)
		}
	}
	if len(out) > 0 {
		return out
	}
	for j := i; j >= 0 && j >= i-1; j-- {
		_, s := c.sentence(j)
		for _, p := range c.counterparts(s, c.Principal) {
			add(p.Country)
		}
		if len(out) > 0 {
			return out
		}
	}
	if sc := c.countryAt(sp.Start); sc != "" {
		add(sc)
	}
	return out
}

// agreementName returns the agreement's title when the sentence gives
// one: "Memorandum of Understanding on Cooperation in the Area of Public
// Administration".
func agreementName(text string) string {
	loc := findIn(agreementPh, text)
	if loc == nil {
		return ""
	}
	rest := text[loc[0]:]
	// Extend over "on/for/in X" while words stay capitalized or are
	// joiners.
	words := strings.Fields(rest)
	n := 0
	for i, w := range words {
		if i == 0 {
			n = 1
			continue
		}
		lw := strings.Trim(w, ",.;:()\"")
		if lw != w && i > 1 && !strings.HasSuffix(w, ")") {
			break
		}
		if isJoiner(lw) || (lw != "" && lw[0] >= 'A' && lw[0] <= 'Z') {
			n = i + 1
			continue
		}
		break
	}
	for n > 1 && isJoiner(strings.Trim(words[n-1], ",.;:()\"")) {
		n--
	}
	if n <= 2 {
		return strings.Trim(strings.Join(words[:n], " "), ",.;:\"")
	}
	return strings.Trim(strings.Join(words[:n], " "), ",.;:\"")
}

func isJoiner(w string) bool {
	switch w {
	case "of", "on", "for", "in", "the", "and", "between", "to", "&":
		return true
	}
	return false
}
