package extractors

import (
	"sync"

	"communique/gazetteer"
)

// Countries finds references to countries: names, aliases and demonyms
// ("the Kingdom of Saudi Arabia", "UAE", "Italian ministers") as
// KindCountry mentions whose Value is the ISO 3166-1 alpha-3 code, and
// capitals and major cities ("Busan", "Abu Dhabi") as KindPlace mentions
// whose Value is the city's name as the gazetteer spells it and whose
// Country is its country's code. A demonym inside an organization's name
// ("Korean Public Procurement Service") counts; regions and groupings
// ("Middle East", "ASEAN"), geographic features ("Korean Peninsula") and
// ambiguous words read otherwise by their context ("the U.S. state of
// Georgia", "bin Saud", "Michael Jordan") do not. The headline counts like
// the body. See gazetteer.Find for the rules.
type Countries struct{}

// countryMatches holds the gazetteer's matches while Extract turns them
// into mentions: they name only the table's strings, never the text.
var countryMatches = sync.Pool{New: func() any { return new([]gazetteer.Match) }}

// Extract returns d's country and place mentions in text order. It does
// not modify d.
func (Countries) Extract(d *Doc) []Mention {
	buf := countryMatches.Get().(*[]gazetteer.Match)
	defer countryMatches.Put(buf)
	ms := gazetteer.AppendFind((*buf)[:0], d.Text)
	*buf = ms
	if cap(ms) > 4096 {
		*buf = nil // an outsized list is not kept
	}
	if len(ms) == 0 {
		return nil
	}
	out := make([]Mention, 0, len(ms))
	for _, m := range ms {
		sp := Span{m.Start, m.End}
		men := Mention{Span: sp, Text: d.Text[m.Start:m.End]}
		if m.Form == gazetteer.FormCity {
			men.Kind, men.Value, men.Country = KindPlace, m.Entry, m.ISO3
		} else {
			men.Kind, men.Value = KindCountry, m.ISO3
		}
		out = append(out, men)
	}
	return out
}
