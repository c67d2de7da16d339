package extractors

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// analyze runs the production entity stack over text, as the pipeline
// does.
func analyze(text string) *Doc {
	d := &Doc{ID: "t", Text: text}
	Default().Mentions(d)
	return d
}

// brief renders an event as one comparable line.
func brief(e Event) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", e.Type, e.Status)
	switch e.Type {
	case Visit:
		fmt.Fprintf(&b, " %s by %s", e.Country, e.Actor.Name)
	case Meeting, Agreement:
		fmt.Fprintf(&b, " with %s", e.CounterpartCountry)
		for _, p := range e.Participants {
			fmt.Fprintf(&b, " [%s]", p.Name)
		}
	case Gathering:
		fmt.Fprintf(&b, " %q in %s", e.Name, e.Country)
	case Ranking:
		fmt.Fprintf(&b, " %s #%d %q %d", e.Country, e.RankPosition, e.Name, e.RankYear)
	}
	if e.Dates != nil {
		fmt.Fprintf(&b, " %s", e.Dates.Value())
	}
	return b.String()
}

// dated frames a test release: the publisher line (which tells the
// publishing government, as real releases do), a headline, a date line.
const dated = "%s\n\nPress Release\n\n%s\n\nPublished 12 March 2024\n\n%s\n"

// Publishers of the test releases.
const (
	kor = "Ministry of Foreign Affairs of the Republic of Korea"
	gbr = "Foreign, Commonwealth & Development Office of the United Kingdom"
	jpn = "Ministry of Foreign Affairs of Japan"
	ltu = "Ministry of Foreign Affairs of the Republic of Lithuania"
	ind = "Ministry of External Affairs, Government of India"
	can = "Global Affairs Canada, Government of Canada"
	sau = "Ministry of Foreign Affairs of the Kingdom of Saudi Arabia"
	est = "Ministry of Foreign Affairs of the Republic of Estonia"
	// none of these is in the corpus
	ken = "Ministry of Foreign and Diaspora Affairs, Republic of Kenya"
	gha = "Ministry of Foreign Affairs and Regional Integration, Republic of Ghana"
	nor = "Norwegian Ministry of Foreign Affairs"
	hrv = "Ministry of Foreign and European Affairs of the Republic of Croatia"
	chl = "Ministerio de Relaciones Exteriores, Gobierno de Chile"
	vnm = "Ministry of Foreign Affairs of Viet Nam"
)

func TestEventExtractors(t *testing.T) {
	tests := []struct {
		name     string
		pub      string
		headline string
		body     string
		x        EventExtractor
		want     []string
	}{
		{"multi-country trip with one span", kor, "Minister concludes visit to Greece and Romania",
			"Vice Minister of Foreign Affairs Kim Soo-jin visited Greece and Romania from March 1 to 6 to strengthen cooperation.",
			Visits{}, []string{"visit occurred GRC by Kim Soo-jin 2024-03-01/2024-03-06", "visit occurred ROU by Kim Soo-jin 2024-03-01/2024-03-06"}},
		{"per-country dates, respectively", kor, "Delegation visits Czechia and Georgia",
			"The delegation headed by Vice Minister Shim Bo-kyun visited the Czech Republic on March 5-6 and Georgia on March 7-8 respectively.",
			Visits{}, []string{"visit occurred CZE by Shim Bo-kyun 2024-03-05/2024-03-06", "visit occurred GEO by Shim Bo-kyun 2024-03-07/2024-03-08"}},
		{"itinerary table, date cell first", ind, "Visit of Minister of State to West Africa",
			"Minister of State for External Affairs Shri Devendra Nath Tripathi paid official visits to Ghana and Senegal from 1-9 March 2024.\n\n1-4 Mar 2024\tGhana\tAccra: talks\n5-9 Mar 2024\tSenegal\tDakar: business forum",
			Visits{}, []string{"visit occurred GHA by Devendra Nath Tripathi 2024-03-01/2024-03-04", "visit occurred SEN by Devendra Nath Tripathi 2024-03-05/2024-03-09"}},
		{"incoming visit: the visitor travels", gbr, "Foreign Secretary welcomes Jordanian counterpart",
			"Foreign Secretary Edward Ashcombe welcomed Jordanian Foreign Minister Faris Al-Majali to London on 8 March for talks on regional security and the crisis in Syria.",
			Visits{}, []string{"visit occurred GBR by Faris Al-Majali 2024-03-08"}},
		{"a visitor whose office's country is not read", gbr, "Foreign Secretary hosts Kenyan counterpart",
			"Cabinet Secretary Amina Wanjiru is in the United Kingdom on an official visit from 8 to 10 March.",
			Visits{}, []string{"visit occurred GBR by Amina Wanjiru 2024-03-08/2024-03-10"}},
		{"cities only: the first stands for the country", jpn, "Foreign Minister visits the United States",
			"Foreign Minister TAKEDA Haruka is in Washington March 4-6 for talks. She will then travel to Chicago on March 7.",
			Visits{}, []string{"visit occurred USA by Takeda Haruka 2024-03-04/2024-03-06", "visit planned USA by Takeda Haruka 2024-03-07"}},
		{"planned visit", jpn, "Minister to visit Brazil",
			"Ms. TAKEDA Haruka, Minister for Foreign Affairs of Japan, will visit Brazil from March 20 to 23.",
			Visits{}, []string{"visit planned BRA by Takeda Haruka 2024-03-20/2024-03-23"}},
		{"a tour of several countries", can, "Minister tours East Africa",
			"Minister of International Development Hélène Gagnon concluded a three-nation tour of Kenya, Ethiopia and Rwanda from March 2 to 9.",
			Visits{}, []string{"visit occurred KEN by Hélène Gagnon 2024-03-02/2024-03-09", "visit occurred ETH by Hélène Gagnon 2024-03-02/2024-03-09", "visit occurred RWA by Hélène Gagnon 2024-03-02/2024-03-09"}},
		{"postponed trip is not a visit", ltu, "Visit to Ukraine postponed",
			"The planned visit of Foreign Minister Gabrielius Rimkus to Ukraine from March 20 to 22 has been postponed.",
			Visits{}, nil},
		{"video call is not a visit", ltu, "Minister holds video conference",
			"Foreign Minister Gabrielius Rimkus held a video conference with the Foreign Minister of Moldova, Aurelia Ciobanu, on March 10.",
			Visits{}, nil},
		{"countries named in passing are not destinations", can, "Minister visits Kenya",
			"Minister of International Development Hélène Gagnon travelled to Kenya on March 4, where she visited a camp hosting refugees from South Sudan and Somalia, and discussed the crisis in Venezuela.",
			Visits{}, []string{"visit occurred KEN by Hélène Gagnon 2024-03-04"}},
		{"a travel advisory has no traveller", sau, "Advisory on travel to Brazil",
			"Citizens are advised to postpone non-essential travel to Brazil, Colombia and Venezuela until further notice.",
			Visits{}, nil},
		{"named counterpart", kor, "Foreign Minister meets Czech counterpart",
			"Foreign Minister Kim Soo-jin had a bilateral meeting with Czech Deputy Minister of the Interior Jaroslave Strouhal in Prague on March 6.",
			Meetings{}, []string{"meeting occurred with CZE [Jaroslave Strouhal] 2024-03-06"}},
		{"unnamed counterparts of named countries", kor, "Minister holds bilateral talks",
			"Minister Chin Young held three bilateral meetings with his counterparts of Vietnam, Laos and Cambodia on March 5.",
			Meetings{}, []string{"meeting occurred with KHM 2024-03-05", "meeting occurred with LAO 2024-03-05", "meeting occurred with VNM 2024-03-05"}},
		{"a counterpart introduced by an adjective", kor, "Minister hosts Kenyan counterpart",
			"Foreign Minister Kim Soo-jin hosted her Kenyan counterpart, the Cabinet Secretary for Foreign Affairs, Ambassador Amina Wanjiru, in Seoul on March 6.",
			Meetings{}, []string{"meeting occurred with KEN [Amina Wanjiru] 2024-03-06"}},
		{"political consultations", kor, "Korea and Georgia hold consultations",
			"Vice Minister Shim Bo-kyun and First Deputy Minister of Foreign Affairs of Georgia Nino Gelashvili held political consultations on March 6.",
			Meetings{}, []string{"meeting occurred with GEO [Nino Gelashvili] 2024-03-06"}},
		{"officials of one government are not a meeting", kor, "Minister briefs cabinet",
			"Minister Chin Young met with Vice Minister Shim Bo-kyun of the Interior and Safety to review the plan.",
			Meetings{}, nil},
		{"signed and agreed to sign", kor, "Korea and Romania sign MOU",
			"Vice Minister Shim Bo-kyun met with Maria-Manuela Catrina, State Secretary at the Romanian Ministry of Communications, and signed a Memorandum of Understanding on e-government. Both sides agreed to sign an agreement on visa exemption with Senegal at an early date.",
			Agreements{}, []string{"agreement occurred with ROU [Maria-Manuela Catrina] 2024-03-12", "agreement planned with SEN"}},
		{"past agreement cited with its own date", kor, "Korea and Greece review cooperation on e-government",
			"In October 2017, a Memorandum of Understanding for cooperation on e-government was signed between Korea and Greece.",
			Agreements{}, []string{"agreement occurred with GRC 2017-10-01/2017-10-31"}},
		{"agreement word without signing", gbr, "Ministers discuss trade",
			"The ministers exchanged views on the implementation of the Paris Agreement and regional security.",
			Agreements{}, nil},
		{"named gathering with place and dates", kor, "Roundtable held in Busan",
			"The Ministry of the Interior and Safety held the 2019 ASEAN-ROK Ministerial Roundtable on Public Service Innovation from 10:00 a.m. to 5:00 p.m. on November 26 in BEXCO Exhibition Hall 2, Busan.",
			Gatherings{}, []string{`gathering occurred "2019 ASEAN-ROK Ministerial Roundtable on Public Service Innovation" in KOR 2019-11-26`}},
		{"an ordinal session of a named body", kor, "Foreign Minister attends the UN General Assembly",
			"Foreign Minister Kim Soo-jin attended the high-level week of the 78th session of the United Nations General Assembly in New York on September 19-22.",
			Gatherings{}, []string{`gathering occurred "78th session of the United Nations General Assembly" in USA 2023-09-19/2023-09-22`}},
		{"a forum that is a platform, a theme, a venue", kor, "Korea shares practices",
			"The Vice Minister introduced platforms such as \"Open Communication Forum\" that bring policy changes, under the theme \"Agile and Active Digital Governance\", at the BEXCO Exhibition Hall.",
			Gatherings{}, nil},
		{"rankings with ordinals, years and respectively", est, "Estonia among leaders",
			"In the United Nations E-Government Survey 2020, Estonia ranked 3rd in the E-Government Development Index. Denmark and the Republic of Korea took first and second place respectively.",
			Rankings{}, []string{`ranking occurred EST #3 "E-Government Development Index" 2020`, `ranking occurred DNK #1 "E-Government Development Index" 2020`, `ranking occurred KOR #2 "E-Government Development Index" 2020`}},
		{"a ranking table and standings without a verb", est, "Estonia rises to 3rd in 2023 Digital Readiness Index",
			"The Nordic countries performed strongly, with Sweden 4th and Finland 8th. Estonia ranked 10th in Infrastructure.\n\nDigital Readiness Index, selected economies\n\nEconomy\t2023\t2022\nEstonia\t3\t5\nDenmark\t1\t1",
			Rankings{}, []string{`ranking occurred EST #3 "Digital Readiness Index" 2023`, `ranking occurred EST #5 "Digital Readiness Index" 2022`,
				`ranking occurred DNK #1 "Digital Readiness Index" 2023`, `ranking occurred DNK #1 "Digital Readiness Index" 2022`,
				`ranking occurred SWE #4 "2023 Digital Readiness Index" 2023`, `ranking occurred FIN #8 "2023 Digital Readiness Index" 2023`}},
		{"editions and vague standings are not rankings", kor, "Summit news",
			"Korea hosted the 5th Summit on the 140th anniversary of relations and remains one of the top leaders in digital government.",
			Rankings{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkEvents(t, tt.x, tt.pub, tt.headline, tt.body, tt.want) })
	}
}

// checkEvents runs an event extractor over a test release (see dated)
// and compares its records, as brief renders them, with want.
func checkEvents(t *testing.T, x EventExtractor, pub, headline, body string, want []string) {
	t.Helper()
	d := analyze(fmt.Sprintf(dated, pub, headline, body))
	var got []string
	for _, e := range x.Events(d, BuildFrame(d)) {
		got = append(got, brief(e))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestAnyWordIn(t *testing.T) {
	set := map[string]bool{"forum": true, "round-table": true}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"The FORUM was held.", true}, {"the Round-Table met", true}, {"forums and fora", false},
		{"platform", false}, {"", false}, {"Fórum", false},
	} {
		if got := anyWordIn(tt.text, set, shapeOf(set)); got != tt.want {
			t.Errorf("anyWordIn(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestDirection(t *testing.T) {
	const nzl = "Ministry of Foreign Affairs and Trade, New Zealand"
	tests := []struct {
		name, pub, headline, body string
		x                         EventExtractor
		want                      []Direction
	}{
		{"the publisher's minister abroad", nzl, "Minister to visit Fiji",
			"Foreign Minister Aroha Tane travelled to Fiji on March 4 for talks on climate finance.",
			Visits{}, []Direction{Outgoing}},
		{"a foreign minister received at home", ken, "Cabinet Secretary receives Ugandan counterpart",
			"Cabinet Secretary Wanjiku Njoroge welcomed Ugandan Foreign Minister Okello Mugisha to Nairobi on March 6.",
			Visits{}, []Direction{Incoming}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(fmt.Sprintf(dated, tt.pub, tt.headline, tt.body))
			var got []Direction
			for _, e := range tt.x.Events(d, BuildFrame(d)) {
				got = append(got, e.Direction)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("directions (-want +got):\n%s", diff)
			}
		})
	}
}
