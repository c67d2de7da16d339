package extractors

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestCountriesExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []Mention
	}{
		{"empty", "", nil},
		{"none", "The Ministry held a roundtable with ASEAN and the EU in the Middle East.", nil},
		{"names, aliases, demonyms, cities",
			"Minister Lee visited the UAE and met Emirati officials in Dubai.",
			[]Mention{
				{Kind: KindCountry, Span: Span{25, 28}, Text: "UAE", Value: "ARE"},
				{Kind: KindCountry, Span: Span{37, 44}, Text: "Emirati", Value: "ARE"},
				{Kind: KindPlace, Span: Span{58, 63}, Text: "Dubai", Value: "Dubai", Country: "ARE"},
			}},
		{"city spelled in capitals keeps the gazetteer's spelling",
			"SEOUL, Korea",
			[]Mention{
				{Kind: KindPlace, Span: Span{0, 5}, Text: "SEOUL", Value: "Seoul", Country: "KOR"},
				{Kind: KindCountry, Span: Span{7, 12}, Text: "Korea", Value: "KOR"},
			}},
		{"non-ASCII text, byte offsets",
			"Türkiye’s minister met the Côte d'Ivoire delegation",
			[]Mention{
				{Kind: KindCountry, Span: Span{0, 8}, Text: "Türkiye", Value: "TUR"},
				{Kind: KindCountry, Span: Span{30, 44}, Text: "Côte d'Ivoire", Value: "CIV"},
			}},
		{"Saud in a name, Saudi Arabia's",
			"Prince Abdulaziz bin Saud bin Nayef Al Saud, Saudi Arabia's Interior Minister",
			[]Mention{{Kind: KindCountry, Span: Span{45, 57}, Text: "Saudi Arabia", Value: "SAU"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Doc{ID: "t", Text: tt.text}
			got := Countries{}.Extract(d)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
			for _, m := range got {
				if d.Text[m.Span.Start:m.Span.End] != m.Text {
					t.Errorf("mention %+v: Text is not the spanned text", m)
				}
			}
		})
	}
}

func TestCountriesDoesNotModifyDoc(t *testing.T) {
	d := &Doc{
		ID:        "x",
		Text:      "Korea and Italy\n\nThe Korea-Italy Forum was held in Rome.",
		Meta:      Meta{Title: "Korea and Italy", TitleSpan: Span{0, 15}},
		Sentences: []Span{{0, 15}, {17, 55}},
		Mentions:  []Mention{{Kind: KindPerson, Span: Span{0, 5}, Text: "Korea", Value: "Korea"}},
	}
	before := *d
	before.Sentences = slices.Clone(d.Sentences)
	before.Mentions = slices.Clone(d.Mentions)
	got := Countries{}.Extract(d)
	if diff := cmp.Diff(&before, d, cmpopts.IgnoreUnexported(Doc{})); diff != "" {
		t.Errorf("Extract modified the Doc (-before +after):\n%s", diff)
	}
	// The title counts like the body.
	if len(got) != 5 || got[0].Value != "KOR" || got[1].Value != "ITA" || got[4].Kind != KindPlace {
		t.Errorf("Extract = %+v, want KOR ITA KOR ITA from title and body, then Rome", got)
	}
}

// countrySet returns the distinct KindCountry values of ms, sorted.
func countrySet(ms []Mention) []string {
	var out []string
	for _, m := range ms {
		if m.Kind == KindCountry && !slices.Contains(out, m.Value) {
			out = append(out, m.Value)
		}
	}
	slices.Sort(out)
	return out
}

// TestCountriesReleases runs the extractor on passages written in the
// style of releases from several governments and compares the set of
// countries with what an annotator would list.
func TestCountriesReleases(t *testing.T) {
	tests := []struct {
		gov, text string
		want      []string
	}{
		{"Korea MOIS",
			"The 2019 ASEAN-ROK Ministerial Roundtable on Public Service Innovation came to a close in Busan. Minister Chin Young held bilateral meetings with his counterparts of Vietnam, Laos and Cambodia, and the ASEAN Pavilion featured Thailand's online Biz Portal and Myanmar's public service reform.",
			[]string{"KHM", "KOR", "LAO", "MMR", "THA", "VNM"}},
		{"Japan MOFA",
			"On March 5, Mr. Kishida Fumio, Prime Minister of Japan, held a summit meeting with H.E. Mr. Ferdinand Romualdez Marcos Jr., President of the Republic of the Philippines, in Tokyo. The two leaders welcomed the Japan-Philippines-U.S. trilateral cooperation and expressed concern over the situation in the South China Sea and the East China Sea.",
			[]string{"JPN", "PHL", "USA"}},
		{"Philippines DFA",
			"Secretary Manalo welcomed the Filipino nurses deployed to Saudi Arabia and thanked the Kingdom of Saudi Arabia and the State of Qatar for the protection of Overseas Filipino Workers in the Gulf region.",
			[]string{"PHL", "QAT", "SAU"}},
		{"UK FCDO",
			"The Foreign Secretary met Kazakh and Uzbek counterparts in Astana and announced that the UK will fund a Central Asia water programme. The UK and Kazakhstan also signed a memorandum on critical minerals. Follow us on social media or contact us for more information.",
			[]string{"GBR", "KAZ", "UZB"}},
		{"Lithuania MFA",
			"Lithuanian Minister of Foreign Affairs Budrys met in Vilnius with the Foreign Minister of Georgia and discussed Georgia's path towards the European Union, the war in Ukraine and sanctions against Russia and Belarus.",
			[]string{"BLR", "GEO", "LTU", "RUS", "UKR"}},
		{"UAE MOFA",
			"His Highness Sheikh Abdullah bin Zayed Al Nahyan received H.E. Ayman Safadi, Deputy Prime Minister and Minister of Foreign Affairs of the Hashemite Kingdom of Jordan, in Abu Dhabi. The two sides discussed Emirati-Jordanian relations and developments in the Middle East.",
			[]string{"ARE", "JOR"}},
		{"Mexico SRE",
			"The Secretariat of Foreign Affairs reports that Mexico and Guatemala agreed to strengthen cooperation on the southern border. Mexican and Guatemalan officials met in Tapachula with representatives of Honduras, El Salvador and the United States.",
			[]string{"GTM", "HND", "MEX", "SLV", "USA"}},
		{"Chile MINREL",
			"The Undersecretary for International Economic Relations led the Chilean delegation to New Delhi, where Chile and India concluded the negotiation of the Comprehensive Economic Partnership Agreement. Latin American and Asia-Pacific markets were discussed.",
			[]string{"CHL", "IND"}},
		{"Australia DFAT",
			"Australia welcomes the election of Papua New Guinea to the UN Human Rights Council. We will work with PNG, Fiji, Samoa and Tonga, and with New Zealand, to support a peaceful and prosperous Pacific. The Minister will travel to Port Moresby and Honiara next week.",
			[]string{"AUS", "FJI", "NZL", "PNG", "TON", "WSM"}},
		{"India MEA",
			"External Affairs Minister Dr. S. Jaishankar held talks with the Foreign Minister of the Kingdom of Saudi Arabia, Prince Faisal bin Farhan Al Saud, in Riyadh. India and Saudi Arabia reviewed the Strategic Partnership Council and the Indian community in the Kingdom. The ministers also discussed the Indian Ocean region.",
			[]string{"IND", "SAU"}},
		{"US State Department",
			"Secretary Blinken met with Jordanian Foreign Minister Ayman Safadi in Washington. They discussed the humanitarian situation in Gaza and U.S. support for Jordan. Later, the Secretary traveled to Atlanta, Georgia, and spoke with Latin American business leaders.",
			[]string{"JOR", "USA"}},
	}
	for _, tt := range tests {
		t.Run(tt.gov, func(t *testing.T) {
			got := countrySet(Countries{}.Extract(&Doc{Text: tt.text}))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("countries mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestCountriesSeeds compares the extracted countries of the seed
// releases with their hand-annotated gold, when shared/ is beside the repo.
func TestCountriesSeeds(t *testing.T) {
	docs, _ := filepath.Glob("../../shared/corpus/seeds/*.txt")
	if len(docs) == 0 {
		t.Skip("no seed corpus beside the repository")
	}
	for _, path := range docs {
		id := strings.TrimSuffix(filepath.Base(path), ".txt")
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		gb, err := os.ReadFile(filepath.Join("../../shared/gold/seeds", id+".json"))
		if err != nil {
			t.Fatal(err)
		}
		var gold struct {
			Countries []string `json:"countries"`
		}
		if err := json.Unmarshal(gb, &gold); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		want := slices.Clone(gold.Countries)
		slices.Sort(want)
		got := countrySet(Countries{}.Extract(&Doc{ID: id, Text: string(raw)}))
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: countries mismatch (-gold +got):\n%s", id, diff)
		}
	}
}
