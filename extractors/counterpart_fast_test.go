package extractors

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// counterpartOfRef is counterpartOf as it was: every person for each
// "counterpart" phrase, and the sentence's words before the phrase
// lower-cased and split whole.
func counterpartOfRef(d *Doc, ms []Mention) {
	fix := map[string]string{}
	for _, c := range d.Mentions {
		if c.Kind != KindCountry {
			continue
		}
		rest := d.Text[c.Span.End:min(len(d.Text), c.Span.End+16)]
		if !strings.HasPrefix(rest, " counterpart") || !isDemonymMention(c) {
			continue
		}
		si := SentenceAt(d.Sentences, c.Span.Start)
		if si < 0 {
			continue
		}
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

// TestCounterpartOfSame compares counterpartOf with the reference on the
// persons of the regression corpus and of texts of counterparts: plain,
// opening the sentence ("With his ... counterpart"), shuffled in ms,
// named far after the phrase.
func TestCounterpartOfSame(t *testing.T) {
	texts := []string{
		"With his Italian counterpart, Minister Jan Novak discussed trade. Together with her Kenyan counterpart Amara Okafor she opened the forum.",
		strings.Repeat("The Minister met his Italian counterpart Antonio Rossi and her Swedish counterpart Anna Berg in Rome. ", 40),
		"The Minister hosted her Kenyan counterpart, the Cabinet Secretary for Foreign Affairs, Ambassador Wanjiru Kamau-Odhiambo. " +
			"He thanked his German counterpart for the invitation " + strings.Repeat("and the warm welcome ", 12) + "extended by Minister Lars Larsen.",
	}
	for _, doc := range regressionCorpus(t) {
		texts = append(texts, doc.text)
	}
	checked := 0
	for i, text := range texts {
		d := &Doc{Text: text}
		d.Meta = ReadMeta(d.Text)
		d.Sentences = Sentences(d.Text)
		for _, x := range []Extractor{Dates{}, Countries{}} {
			d.Mentions = append(d.Mentions, x.Extract(d)...)
		}
		settleHome(d)
		var ms []Mention
		eachWindow(d, func(p *entParser) {
			p.findOrgs()
			p.pass1()
			ms = p.resolve(ms)
		})
		if i%2 == 1 {
			slices.Reverse(ms) // the first in ms, not in the text
		}
		got, want := slices.Clone(ms), slices.Clone(ms)
		counterpartOf(d, got)
		counterpartOfRef(d, want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("text %d (-ref +new):\n%s", i, diff)
		}
		if !slices.Equal(got, ms) {
			checked++
		}
	}
	if checked < 3 {
		t.Fatalf("counterpartOf changed the persons of only %d texts", checked)
	}
}
