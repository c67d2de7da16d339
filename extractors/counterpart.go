package extractors

import (
	"slices"
	"sort"
	"strings"
)

// counterpartOf gives a person introduced as someone's counterpart the
// country of the adjective before "counterpart": "hosted her Kenyan
// counterpart, the Cabinet Secretary for Foreign Affairs, Ambassador
// Wanjiru Kamau-Odhiambo", "met his Italian counterpart Antonio Rossi".
// The first person named after the phrase, in the same sentence, takes
// that country, and so do the other mentions of the same person. It
// rewrites ms in place.
func counterpartOf(d *Doc, ms []Mention) {
	fix := map[string]string{} // person value -> country
	var byStart []int          // the persons of ms by start, made on first need
	for _, c := range d.Mentions {
		if c.Kind != KindCountry {
			continue
		}
		// the cheap test first: few country words precede "counterpart"
		rest := d.Text[c.Span.End:min(len(d.Text), c.Span.End+16)]
		if !strings.HasPrefix(rest, " counterpart") || !isDemonymMention(c) {
			continue
		}
		si := SentenceAt(d.Sentences, c.Span.Start)
		if si < 0 {
			continue
		}
		// "With his Liberian counterpart, Mr X proposed ...": an opening
		// phrase; the name after it is the subject, not the counterpart.
		// (Four words are enough to tell, not the whole sentence's.)
		var buf [4]string
		if lead := appendFields(buf[:0], d.Text[d.Sentences[si].Start:c.Span.Start], len(buf)); len(lead) <= 3 && len(lead) > 0 && (equalLower(lead[0], "with") || equalLower(lead[0], "together")) {
			continue
		}
		if byStart == nil {
			byStart = make([]int, 0, len(ms))
			for i := range ms {
				if ms[i].Kind == KindPerson {
					byStart = append(byStart, i)
				}
			}
			slices.SortStableFunc(byStart, func(a, b int) int { return ms[a].Span.Start - ms[b].Span.Start })
		}
		// the first in ms of the persons starting in the 200 bytes after
		// the phrase, in its sentence: those are found by start, not
		// through every person of the document
		end := min(d.Sentences[si].End, c.Span.End+200)
		first := -1
		for k := sort.Search(len(byStart), func(k int) bool { return ms[byStart[k]].Span.Start > c.Span.End }); k < len(byStart) && ms[byStart[k]].Span.Start < end; k++ {
			if first < 0 || byStart[k] < first {
				first = byStart[k]
			}
		}
		if first >= 0 && ms[first].Country != c.Value {
			fix[ms[first].Value] = c.Value
		}
	}
	for i := range ms {
		if iso, ok := fix[ms[i].Value]; ok && ms[i].Kind == KindPerson {
			ms[i].Country = iso
		}
	}
}
