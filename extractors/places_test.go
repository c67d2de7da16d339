package extractors

import (
	"strings"
	"testing"

	"communique/gazetteer"

	"github.com/google/go-cmp/cmp"
)

// placesDoc makes a Doc as the pipeline has it when Places runs: meta,
// sentences, and the mentions of the entity extractors before it
// (without ProseNames, which loads a model).
func placesDoc(text string) *Doc {
	d := &Doc{Text: text, Meta: ReadMeta(text), Sentences: Sentences(text)}
	for _, x := range []Extractor{Dates{}, Countries{}, OrgsAndPersons{}, GatheringNames{}} {
		d.Mentions = append(d.Mentions, x.Extract(d)...)
	}
	return d
}

// placeRow is what the tests compare of a place mention.
type placeRow struct{ Text, Value, Country string }

func TestPlacesExtract(t *testing.T) {
	tests := []struct {
		name, text string
		want       []placeRow
	}{
		{"empty", "", nil},
		{"no city", "The Ministry welcomed the adoption of the resolution.", nil},
		// Seychelles, Croatia, Lebanon, Maldives, Portugal, Ghana:
		// invented sentences in their governments' wording.
		{"dateline of a city that is also a province",
			"VICTORIA, 3 March 2025 - The Minister of Foreign Affairs and Tourism of Seychelles received the delegation.",
			[]placeRow{{"VICTORIA", "Victoria", "SYC"}}},
		{"qualified by its country; a city Countries knows is not repeated",
			"The Minister of Foreign and European Affairs travelled to Split, Croatia, and then to Rijeka.",
			[]placeRow{{"Split", "Split", "HRV"}}},
		{"Lebanon's Tripoli",
			"The Ministry of Foreign Affairs and Emigrants of Lebanon said the delegation visited Tripoli on Monday.",
			[]placeRow{{"Tripoli", "Tripoli", "LBN"}}},
		{"a capital that is an English word, its country named",
			"The Minister of Foreign Affairs of Maldives returned to Male on Sunday after talks in Colombo.",
			[]placeRow{{"Male", "Male", "MDV"}}},
		{"cities of a leg, one beside another",
			"The Minister of Foreign Affairs of Portugal left for Braga and Guimarães on 4 May.",
			[]placeRow{{"Braga", "Braga", "PRT"}, {"Guimarães", "Guimarães", "PRT"}}},
		{"a contact line", "Ministry of Foreign Affairs of Seychelles\nMobile: +248 2 711 000\nReading room open daily.", nil},
		{"a person's name", "Minister of Foreign Affairs of Ghana Charlotte Mensah thanked the hosts. Charlotte Mensah said the talks went well.", nil},
		{"a country, not a city", "The Minister of Foreign Affairs of Djibouti met the Ambassador of Georgia.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := placesDoc(tt.text)
			var got []placeRow
			for _, m := range (Places{}).Extract(d) {
				if m.Kind != KindPlace || d.Text[m.Span.Start:m.Span.End] != m.Text {
					t.Errorf("bad mention %+v", m)
				}
				got = append(got, placeRow{m.Text, m.Value, m.Country})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Places(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestPlacesNoDuplicates checks over the regression corpus that Places
// never returns a span another mention holds, and leaves d alone.
func TestPlacesNoDuplicates(t *testing.T) {
	for _, doc := range regressionCorpus(t) {
		d := placesDoc(doc.text)
		before := len(d.Mentions)
		ms := (Places{}).Extract(d)
		if len(d.Mentions) != before {
			t.Errorf("%s: Extract changed d.Mentions", doc.name)
		}
		for _, p := range ms {
			for _, m := range d.Mentions {
				if m.Kind != KindGathering && m.Span.Overlaps(p.Span) {
					t.Errorf("%s: place %q overlaps %s mention %q", doc.name, p.Text, m.Kind, m.Text)
				}
			}
		}
	}
}

// BenchmarkPlaces runs Places over the regression corpus, each document
// prepared as in a run; one op is the whole corpus.
func BenchmarkPlaces(b *testing.B) {
	var docs []*Doc
	size := 0
	for _, doc := range regressionCorpus(b) {
		docs = append(docs, placesDoc(doc.text))
		size += len(doc.text)
	}
	(Places{}).Extract(docs[0]) // build the city index outside the timer
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ReportMetric(float64(len(docs)), "docs/op")
	for b.Loop() {
		for _, d := range docs {
			(Places{}).Extract(d)
		}
	}
}

// allNameWords is how Places filled CityContext.Names before personWords:
// every folded word of every person's name.
func allNameWords(d *Doc) map[string]bool {
	names := map[string]bool{}
	for _, m := range d.Mentions {
		if m.Kind != KindPerson {
			continue
		}
		for _, w := range strings.FieldsFunc(m.Text, func(r rune) bool { return r == ' ' || r == '.' || r == ',' }) {
			names[gazetteer.Fold(w)] = true
		}
	}
	return names
}

// personWords answers as allNameWords does for every key Resolve asks,
// those of the candidates, over the regression corpus, and holds no other
// word.
func TestPersonWords(t *testing.T) {
	docs := []*Doc{placesDoc("Lisa Jackson met Mr. Paris Hilton, Sydney Smith and Charlotte Mensah in Jackson, Paris and Sydney.")}
	for _, doc := range regressionCorpus(t) {
		docs = append(docs, placesDoc(doc.text))
	}
	asked := 0
	for _, d := range docs {
		cands := gazetteer.FindCities(d.Text)
		all, got := allNameWords(d), personWords(d, cands)
		keys := map[string]bool{}
		for _, c := range cands {
			if k := c.Name.Key(); k != "" {
				keys[k] = true
				if got[k] != all[k] {
					t.Errorf("%.40q: %q in names %v, want %v", d.Text, k, got[k], all[k])
				}
				if all[k] {
					asked++
				}
			}
		}
		for w := range got {
			if !keys[w] {
				t.Errorf("%.40q: names hold %q, no candidate's key", d.Text, w)
			}
		}
	}
	if asked == 0 {
		t.Error("no candidate is a word of a person's name")
	}
}
