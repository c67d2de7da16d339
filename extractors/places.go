package extractors

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"communique/gazetteer"
)

// Places finds the cities a text names ("arrived in Nice", "KAMPALA, 3
// June -", "Split, Croatia", "talks in Tripoli" in a release on Lebanon)
// as KindPlace mentions whose Value is the city's name as the gazetteer's
// city table spells it ("Malé" for "Male") and whose Country is its
// ISO3 code. It reads the mentions already in d.Mentions, so it runs
// after the other entity extractors: the countries the document names
// (KindCountry mentions, and KindPlace mentions with a country) choose
// between cities of one name and make small towns safe; a span that
// another mention holds is never a city (a country, "Georgia",
// "Djibouti"; a place Countries found; a person, "Florence Nightingale";
// an organization, "University of Nairobi"); and the words of persons'
// names are names elsewhere too ("Jackson" after "Lisa Jackson").
// Mentions inside a gathering's name count ("the Riga Conference"). See
// gazetteer.CityContext.Resolve for what makes a candidate a city.
type Places struct{}

// cityCandidates holds the gazetteer's candidates while Extract resolves
// them: they name only the city table, never the text.
var cityCandidates = sync.Pool{New: func() any { return new([]gazetteer.CityMatch) }}

// Extract returns d's city mentions in text order. It does not modify d.
func (Places) Extract(d *Doc) []Mention {
	buf := cityCandidates.Get().(*[]gazetteer.CityMatch)
	defer cityCandidates.Put(buf)
	cands := gazetteer.AppendFindCities((*buf)[:0], d.Text)
	*buf = cands
	if cap(cands) > 4096 {
		*buf = nil // an outsized list is not kept
	}
	if len(cands) == 0 {
		return nil
	}
	x := gazetteer.CityContext{Text: d.Text}
	// size the two lists once: a release has dozens of country mentions
	nc, nt := 0, 0
	for i := range d.Mentions {
		switch m := &d.Mentions[i]; m.Kind {
		case KindCountry:
			if m.Value != "" || m.Country != "" {
				nc++
				nt++
			}
		case KindPlace:
			if m.Country != "" {
				nc++
			}
			nt++
		case KindPerson, KindOrganization:
			nt++
		}
	}
	x.Countries = make([]gazetteer.Match, 0, nc)
	taken := make([]Span, 0, nt)
	for i := range d.Mentions {
		switch m := &d.Mentions[i]; m.Kind {
		case KindCountry:
			iso := cmp.Or(m.Value, m.Country)
			if iso == "" {
				continue
			}
			// the form is left unknown: Resolve asks only of the few
			// references right after a candidate
			x.Countries = append(x.Countries, gazetteer.Match{Start: m.Span.Start, End: m.Span.End, ISO3: iso})
			taken = append(taken, m.Span)
		case KindPlace:
			if m.Country != "" {
				x.Countries = append(x.Countries, gazetteer.Match{Start: m.Span.Start, End: m.Span.End,
					ISO3: m.Country, Form: gazetteer.FormCity, Entry: m.Value})
			}
			taken = append(taken, m.Span)
		case KindPerson:
			taken = append(taken, m.Span)
		case KindOrganization:
			taken = append(taken, m.Span)
		}
	}
	slices.SortStableFunc(x.Countries, func(a, b gazetteer.Match) int { return a.Start - b.Start })
	slices.SortFunc(taken, func(a, b Span) int { return a.Start - b.Start })
	// Both are in text order: a candidate overlaps a taken span if one
	// that starts before the candidate ends reaches past its start.
	kept := cands[:0]
	j, reach := 0, -1
	for _, c := range cands {
		for ; j < len(taken) && taken[j].Start < c.End; j++ {
			reach = max(reach, taken[j].End)
		}
		if reach <= c.Start {
			kept = append(kept, c)
		}
	}
	x.Names = personWords(d, kept)
	places := x.Resolve(kept)
	if len(places) == 0 {
		return nil
	}
	out := make([]Mention, 0, len(places))
	for _, p := range places {
		sp := Span{p.Start, p.End}
		out = append(out, Mention{Kind: KindPlace, Span: sp, Text: d.Text[p.Start:p.End], Value: p.City.Name, Country: p.City.ISO3})
	}
	return out
}

// personWords returns the folded words of the names of d's persons that
// Resolve asks about: the keys of one-word candidates of cands. Most words
// of names are none, and cost no string.
func personWords(d *Doc, cands []gazetteer.CityMatch) map[string]bool {
	var asked map[string]bool
	for _, c := range cands {
		if k := c.Name.Key(); k != "" {
			if asked == nil {
				asked = map[string]bool{}
			}
			asked[k] = true
		}
	}
	if asked == nil {
		return nil
	}
	var names map[string]bool
	for i := range d.Mentions {
		if m := &d.Mentions[i]; m.Kind == KindPerson {
			names = addNameWords(names, m.Text, asked)
		}
	}
	return names
}

// addNameWords adds to names the folded words of a personal name, split
// at spaces, periods and commas as strings.FieldsFunc would, that are in
// asked. It makes names when it is nil and has a word to add.
func addNameWords(names map[string]bool, name string, asked map[string]bool) map[string]bool {
	var buf [64]byte
	for len(name) > 0 {
		i := strings.IndexAny(name, " .,")
		if i < 0 {
			i = len(name)
		}
		if i > 0 {
			if w := gazetteer.AppendFold(buf[:0], name[:i]); asked[string(w)] && !names[string(w)] {
				if names == nil {
					names = map[string]bool{}
				}
				names[string(w)] = true
			}
		}
		name = name[min(i+1, len(name)):]
	}
	return names
}
