package extractors

import "strings"

// counterpartOf gives a person introduced as someone's counterpart the
// country of the adjective before "counterpart": "hosted her Kenyan
// counterpart, the Cabinet Secretary for Foreign Affairs, Ambassador
// Wanjiru Kamau-Odhiambo", "met his Italian counterpart Antonio Rossi".
// The first person named after the phrase, in the same sentence, takes
// that country, and so do the other mentions of the same person. It
// rewrites ms in place.
func counterpartOf(d *Doc, ms []Mention) {
	fix := map[string]string{} // person value -> country
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
		if lead := strings.Fields(strings.ToLower(d.Text[d.Sentences[si].Start:c.Span.Start])); len(lead) <= 3 && len(lead) > 0 && (lead[0] == "with" || lead[0] == "together") {
			continue
		}
		end := d.Sentences[si].End
		for _, m := range ms {
			if m.Kind == KindPerson && m.Span.Start > c.Span.End && m.Span.Start < end && m.Span.Start-c.Span.End < 200 {
				if m.Country != c.Value {
					fix[m.Value] = c.Value
				}
				break
			}
		}
	}
	for i := range ms {
		if iso, ok := fix[ms[i].Value]; ok && ms[i].Kind == KindPerson {
			ms[i].Country = iso
		}
	}
}
