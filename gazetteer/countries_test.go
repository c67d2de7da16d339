package gazetteer

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/language"
)

// notISO lists the two-letter regions x/text reports as countries that
// are not current ISO 3166-1 countries: exceptionally reserved codes
// (AC, CP, DG, TA) and codes withdrawn without a single successor.
var notISO = map[string]bool{
	"AC": true, "CP": true, "DG": true, "TA": true, // exceptionally reserved
	"AN": true, "CS": true, "FQ": true, "NT": true, "PC": true, "SU": true, "YU": true, // withdrawn
}

// userAssigned are codes in the table outside ISO 3166-1.
var userAssigned = map[string]bool{"XKX": true}

// isoCountries returns the current ISO 3166-1 countries x/text knows,
// alpha-2 to alpha-3.
func isoCountries(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			code := string([]rune{a, b})
			r, err := language.ParseRegion(code)
			if err != nil || r.String() != code || !r.IsCountry() || r.IsPrivateUse() ||
				r.ISO3() == "ZZZ" || r.Canonicalize() != r || notISO[code] {
				continue
			}
			out[code] = r.ISO3()
		}
	}
	return out
}

func TestCountriesTableMatchesISO(t *testing.T) {
	iso := isoCountries(t)
	if len(iso) != 249 {
		t.Fatalf("x/text lists %d ISO 3166-1 countries, want 249", len(iso))
	}
	seen := map[string]bool{}
	for _, c := range Countries() {
		if seen[c.ISO3] {
			t.Errorf("%s: duplicate row", c.ISO3)
		}
		seen[c.ISO3] = true
		if !Valid(c.ISO3) {
			t.Errorf("Valid(%q) = false for a table row", c.ISO3)
		}
		if userAssigned[c.ISO3] {
			continue
		}
		if got, ok := iso[c.ISO2]; !ok || got != c.ISO3 {
			t.Errorf("%s/%s: ISO 3166-1 has %s -> %q (present %v)", c.ISO3, c.ISO2, c.ISO2, got, ok)
		}
	}
	for iso2, iso3 := range iso {
		if !seen[iso3] {
			t.Errorf("ISO 3166-1 country %s/%s missing from countries.tsv", iso3, iso2)
		}
	}
	if got, want := len(seen), len(iso)+len(userAssigned); got != want {
		t.Errorf("table has %d rows, want %d", got, want)
	}
}

func TestCountriesByISO3(t *testing.T) {
	tests := []struct {
		code   string
		want   string // Name
		wantOK bool
	}{
		{"KOR", "South Korea", true},
		{"SAU", "Saudi Arabia", true},
		{"ARE", "United Arab Emirates", true},
		{"TUR", "Türkiye", true},
		{"XKX", "Kosovo", true},
		{"kor", "", false},
		{"ZZZ", "", false},
		{"KR", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		c, ok := ByISO3(tt.code)
		if ok != tt.wantOK || c.Name != tt.want {
			t.Errorf("ByISO3(%q) = %q, %v; want %q, %v", tt.code, c.Name, ok, tt.want, tt.wantOK)
		}
		if Valid(tt.code) != tt.wantOK {
			t.Errorf("Valid(%q) = %v, want %v", tt.code, !tt.wantOK, tt.wantOK)
		}
	}
	if c, _ := ByISO3("KOR"); !contains(c.Aliases, "ROK") || !contains(c.Demonyms, "Korean") || !contains(c.Cities, "Busan") {
		t.Errorf("ByISO3(KOR) = %+v, want ROK, Korean, Busan among its forms", c)
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestCountriesLookup(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for not found
	}{
		{"Republic of Korea", "KOR"},
		{"South Korea", "KOR"},
		{"Korea", "KOR"},
		{"korea", "KOR"},
		{"KOREA", "KOR"},
		{"ROK", "KOR"},
		{"Korea's", "KOR"},
		{"North Korea", "PRK"},
		{"DPRK", "PRK"},
		{"Democratic People's Republic of Korea", "PRK"},
		{"Democratic People’s Republic of Korea", "PRK"},
		{"United Arab Emirates", "ARE"},
		{"UAE", "ARE"},
		{"the UAE", "ARE"},
		{"the Emirates", "ARE"},
		{"Emirati", "ARE"},
		{"United States", "USA"},
		{"U.S.", "USA"},
		{"US", "USA"},
		{"USA", "USA"},
		{"United States of America", "USA"},
		{"America", "USA"},
		{"American", "USA"},
		{"us", ""},
		{"Us", ""},
		{"United Kingdom", "GBR"},
		{"UK", "GBR"},
		{"U.K.", "GBR"},
		{"Britain", "GBR"},
		{"Great Britain", "GBR"},
		{"British", "GBR"},
		{"uk", ""},
		{"Lao PDR", "LAO"},
		{"Laos", "LAO"},
		{"Lao", "LAO"},
		{"Türkiye", "TUR"},
		{"Turkiye", "TUR"},
		{"Turkey", "TUR"},
		{"Czechia", "CZE"},
		{"Czech Republic", "CZE"},
		{"Czech", "CZE"},
		{"Viet Nam", "VNM"},
		{"Vietnam", "VNM"},
		{"Myanmar", "MMR"},
		{"Burma", "MMR"},
		{"Kingdom of Saudi Arabia", "SAU"},
		{"KSA", "SAU"},
		{"Saudi", "SAU"},
		{"Saudi Arabian", "SAU"},
		{"PRC", "CHN"},
		{"People's Republic of China", "CHN"},
		{"Republic of China", "TWN"},
		{"Chinese Taipei", "TWN"},
		{"Côte d'Ivoire", "CIV"},
		{"Cote d'Ivoire", "CIV"},
		{"Ivory Coast", "CIV"},
		{"Eswatini", "SWZ"},
		{"Swaziland", "SWZ"},
		{"North Macedonia", "MKD"},
		{"Timor-Leste", "TLS"},
		{"East Timor", "TLS"},
		{"Cabo Verde", "CPV"},
		{"Cape Verde", "CPV"},
		{"the Philippines", "PHL"},
		{"Filipino", "PHL"},
		{"Philippine", "PHL"},
		{"the Netherlands", "NLD"},
		{"Dutch", "NLD"},
		{"the Gambia", "GMB"},
		{"Bosnia and Herzegovina", "BIH"},
		{"Russian Federation", "RUS"},
		{"Islamic Republic of Iran", "IRN"},
		{"Syrian Arab Republic", "SYR"},
		{"Republic of Moldova", "MDA"},
		{"United Republic of Tanzania", "TZA"},
		{"Brunei Darussalam", "BRN"},
		{"Holy See", "VAT"},
		{"Vatican", "VAT"},
		{"Guinea-Bissau", "GNB"},
		{"Equatorial Guinea", "GNQ"},
		{"Papua New Guinea", "PNG"},
		{"Guinea", "GIN"},
		{"American Samoa", "ASM"},
		{"Samoa", "WSM"},
		{"South Sudan", "SSD"},
		{"Sudan", "SDN"},
		{"Dominica", "DMA"},
		{"Dominican Republic", "DOM"},
		{"Niger", "NER"},
		{"Nigeria", "NGA"},
		{"Qatari", "QAT"},
		{"Omani", "OMN"},
		{"Thai", "THA"},
		{"Singaporean", "SGP"},
		{"Koreans", "KOR"},
		// Not countries.
		{"Korean Peninsula", ""},
		{"New Mexico", ""},
		{"Middle East", ""},
		{"ASEAN", ""},
		{"EU", ""},
		{"European Union", ""},
		{"United Nations", ""},
		{"UN", ""},
		{"Saud", ""},
		{"Al", ""},
		{"Seoul", ""}, // a city, see City
		{"Holland", ""},
		{"", ""},
		{"Korea Italy", ""},
	}
	for _, tt := range tests {
		got, ok := Lookup(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestCountriesDemonym(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Korean", "KOR"}, {"Koreans", "KOR"}, {"Emirati", "ARE"}, {"Emiratis", "ARE"}, {"Saudi", "SAU"},
		{"Saudi Arabian", "SAU"}, {"Qatari", "QAT"}, {"Italian", "ITA"}, {"Filipino", "PHL"}, {"Filipinos", "PHL"},
		{"Philippine", "PHL"}, {"Omani", "OMN"}, {"Czech", "CZE"}, {"Lao", "LAO"}, {"Indonesian", "IDN"},
		{"Vietnamese", "VNM"}, {"British", "GBR"}, {"American", "USA"}, {"Dutch", "NLD"}, {"Thai", "THA"},
		{"Malaysian", "MYS"}, {"Singaporean", "SGP"}, {"North Korean", "PRK"}, {"Greek", "GRC"},
		{"Romanian", "ROU"}, {"Georgian", "GEO"}, {"Swiss", "CHE"}, {"korean", "KOR"},
		{"Korea", ""}, {"Italy", ""}, {"UAE", ""}, {"Latin American", ""}, {"Swisss", ""}, {"", ""},
	}
	for _, tt := range tests {
		got, ok := Demonym(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Demonym(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestCountriesCity(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Seoul", "KOR"}, {"Busan", "KOR"}, {"Riyadh", "SAU"}, {"Jeddah", "SAU"}, {"Dubai", "ARE"},
		{"Abu Dhabi", "ARE"}, {"Rome", "ITA"}, {"Milan", "ITA"}, {"Prague", "CZE"}, {"Tbilisi", "GEO"},
		{"Athens", "GRC"}, {"Bucharest", "ROU"}, {"Tokyo", "JPN"}, {"Osaka", "JPN"}, {"Washington", "USA"},
		{"Washington, D.C.", "USA"}, {"New York", "USA"}, {"Mexico City", "MEX"}, {"Vilnius", "LTU"},
		{"Manila", "PHL"}, {"Santiago", "CHL"}, {"Canberra", "AUS"}, {"New Delhi", "IND"}, {"the Hague", "NLD"},
		{"seoul", "KOR"}, {"Korea", ""}, {"Maenza", ""}, {"", ""},
	}
	for _, tt := range tests {
		got, ok := MajorCity(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("MajorCity(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// found is a Match as the tests compare it: the surface text instead of
// offsets.
type found struct {
	Text, ISO3 string
	Form       Form
}

func finds(text string) []found {
	out := []found{}
	for _, m := range Find(text) {
		out = append(out, found{text[m.Start:m.End], m.ISO3, m.Form})
	}
	return out
}

// n, a, d and c build expected matches of each form.
func n(text, iso string) found { return found{text, iso, FormName} }
func a(text, iso string) found { return found{text, iso, FormAlias} }
func d(text, iso string) found { return found{text, iso, FormDemonym} }
func c(text, iso string) found { return found{text, iso, FormCity} }

func TestCountriesFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []found
	}{
		{"seed visit list",
			"Minister of the Interior and Safety Lee Sang-min visited the Kingdom of Saudi Arabia (Saudi Arabia), the United Arab Emirates (UAE), and Italy from March 3 to 9",
			[]found{n("Kingdom of Saudi Arabia", "SAU"), n("Saudi Arabia", "SAU"), n("United Arab Emirates", "ARE"), a("UAE", "ARE"), n("Italy", "ITA")}},
		{"Saud inside a name",
			"His Highness Prince Abdulaziz bin Saud bin Nayef Al Saud, Saudi Arabia's Interior Minister",
			[]found{n("Saudi Arabia", "SAU")}},
		{"OCR'd AI", "the Minister of State for Artificial Intelligence (the world's first Al minister)", []found{}},
		{"grouping", "to Greece and Romania, the members of Black Sea Economic Cooperation Organization (BSEC), from September 27",
			[]found{n("Greece", "GRC"), n("Romania", "ROU")}},
		{"ASEAN", "public administration ministers from Korea and 10 ASEAN countries", []found{n("Korea", "KOR")}},
		{"compounds", "the Korea-Italy Cooperation Forum, the 2019 ASEAN-ROK Ministerial Roundtable and the Korea-Czech Cooperation Forum",
			[]found{n("Korea", "KOR"), n("Italy", "ITA"), a("ROK", "KOR"), n("Korea", "KOR"), d("Czech", "CZE")}},
		{"demonym in an organization",
			"the Korean Public Procurement Service and the Italian Ministry for Public Administration",
			[]found{d("Korean", "KOR"), d("Italian", "ITA")}},
		{"possessives", "Korea's e-government and Romania’s great potential",
			[]found{n("Korea", "KOR"), n("Romania", "ROU")}},
		{"city with country", "the 5th OGP Global Summit in Tbilisi, Georgia on July 17-19",
			[]found{c("Tbilisi", "GEO"), n("Georgia", "GEO")}},
		{"city alone", "held in BEXCO Exhibition Hall 2, Busan.", []found{c("Busan", "KOR")}},
		{"Japan",
			"Foreign Minister Kamikawa Yoko held a meeting with H.E. Mr. Penny Wong, Minister for Foreign Affairs of Australia, in Tokyo. The two ministers confirmed that Japan and Australia will cooperate toward a free and open Indo-Pacific.",
			[]found{n("Australia", "AUS"), c("Tokyo", "JPN"), n("Japan", "JPN"), n("Australia", "AUS")}},
		{"Philippines",
			"President Ferdinand R. Marcos Jr. welcomed the Filipino community in Jakarta and thanked the Republic of Indonesia for its support to Philippine fishermen.",
			[]found{d("Filipino", "PHL"), c("Jakarta", "IDN"), n("Republic of Indonesia", "IDN"), d("Philippine", "PHL")}},
		{"UK",
			"The Foreign Secretary travelled to Washington, D.C. to meet the U.S. Secretary of State, and reaffirmed the UK's commitment to its American and European partners.",
			[]found{c("Washington, D.C.", "USA"), a("U.S.", "USA"), a("UK", "GBR"), d("American", "USA")}},
		{"Lithuania",
			"Lithuanian Minister of Foreign Affairs Gabrielius Landsbergis met his Ukrainian counterpart in Vilnius and discussed support for Ukraine.",
			[]found{d("Lithuanian", "LTU"), d("Ukrainian", "UKR"), c("Vilnius", "LTU"), n("Ukraine", "UKR")}},
		{"UAE",
			"His Highness Sheikh Abdullah bin Zayed Al Nahyan received in Abu Dhabi the Minister of Foreign Affairs of the Hashemite Kingdom of Jordan, and the Emirati and Jordanian sides signed an MoU.",
			[]found{c("Abu Dhabi", "ARE"), n("Hashemite Kingdom of Jordan", "JOR"), d("Emirati", "ARE"), d("Jordanian", "JOR")}},
		{"Mexico",
			"La Secretaría de Relaciones Exteriores informa que el Canciller viajó a Mexico City; Mexico and the United States agreed on the USMCA review with Canada.",
			[]found{c("Mexico City", "MEX"), n("Mexico", "MEX"), n("United States", "USA"), n("Canada", "CAN")}},
		{"Chile",
			"The Chilean Minister of Foreign Affairs visited Santiago de Chile's sister city, Buenos Aires, Argentina, and met Brazilian and Peruvian delegations.",
			[]found{d("Chilean", "CHL"), c("Santiago de Chile", "CHL"), c("Buenos Aires", "ARG"), n("Argentina", "ARG"), d("Brazilian", "BRA"), d("Peruvian", "PER")}},
		{"India",
			"Prime Minister Shri Narendra Modi held talks with the President of the French Republic in New Delhi on the Indian Ocean and India-France ties.",
			[]found{n("French Republic", "FRA"), c("New Delhi", "IND"), n("India", "IND"), n("France", "FRA")}},
		{"all caps heading", "KOREA AND SAUDI ARABIA SIGN MOU ON DIGITAL GOVERNMENT",
			[]found{n("KOREA", "KOR"), n("SAUDI ARABIA", "SAU")}},
		{"title case heading", "Minister Visits The Republic Of Korea And Viet Nam",
			[]found{n("Republic Of Korea", "KOR"), n("Viet Nam", "VNM")}},
		{"line-wrapped name", "bilateral ties with the Republic of\nKorea were", []found{n("Republic of\nKorea", "KOR")}},
		{"no match across paragraphs", "the Republic of\n\nKorea", []found{n("Korea", "KOR")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, finds(tt.text)); diff != "" {
				t.Errorf("Find(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestFindAmbiguity lists the hard cases as the countries Find reports,
// in order: the positive and the negative reading of each.
func TestCountriesFindAmbiguity(t *testing.T) {
	tests := []struct {
		text string
		want string // ISO3 codes found, space-separated
	}{
		// Georgia: the country or the US state.
		{"Vice Minister Shim attended the summit in Georgia.", "GEO"},
		{"President of Georgia Salome Zourabichvili received the delegation.", "GEO"},
		{"Georgia and Armenia signed the agreement.", "GEO ARM"},
		{"The company opened a plant in the U.S. state of Georgia.", "USA"},
		{"The company opened a plant in the state of Georgia.", ""},
		{"delegates from Atlanta, Georgia attended", "USA"},
		{"researchers at Georgia Tech and Georgia State University", ""},
		{"Ms. Georgia Smith, a trade officer, spoke.", ""},
		// Saudi, Saud.
		{"bin Saud bin Nayef Al Saud", ""},
		{"the House of Saud", ""},
		{"Saudi Vision 2030 and the Saudi delegation", "SAU SAU"},
		{"Mr. Ahmed Al Saudi, director", ""},
		// Jordan: the country or a person.
		{"The Minister visited Jordan and Egypt.", "JOR EGY"},
		{"King Abdullah II of Jordan welcomed", "JOR"},
		{"Jordan's Foreign Minister Ayman Safadi", "JOR"},
		{"the Jordan Investment Commission", "JOR"},
		{"a lecture by Jordan Peterson on policy", ""},
		{"a meeting with Michael Jordan, the athlete", ""},
		{"Mr. Jordan thanked the hosts", ""},
		{"Egypt, Jordan, and Iraq", "EGY JOR IRQ"},
		// Chad, Korea.
		{"Chad and Niger agreed", "TCD NER"},
		{"the official, Chad Brown, said", ""},
		{"the Lake Chad basin", ""},
		{"Korea", "KOR"},
		{"North Korea and South Korea", "PRK KOR"},
		{"the DPRK and the ROK", "PRK KOR"},
		{"the Korean Peninsula", ""},
		{"N. Korea and S. Korea", "PRK KOR"},
		{"Korea, Dem. People's Rep. and Korea, Rep.", "PRK KOR"},
		{"Congo, Dem. Rep. and Congo, Rep.", "COD COG"},
		{"North Korean and South Korean officials", "PRK KOR"},
		// Niger/Nigeria, Dominica, Congo, Sudan, Guinea, Samoa.
		{"Niger, Nigeria and Nigerien troops", "NER NGA NER"},
		{"Dominica and the Dominican Republic", "DMA DOM"},
		{"the Dominican government", "DOM"},
		{"Dominica and the Dominican government", "DMA DMA"},
		{"the Democratic Republic of the Congo (DRC) and Congo", "COD COD COD"},
		{"the Republic of the Congo and Congo-Brazzaville", "COG COG"},
		{"Congo", "COG"},
		{"Kinshasa is the capital of Congo", "COD COD"},
		{"Sudan and South Sudan", "SDN SSD"},
		{"Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea", "GIN GNB GNQ PNG"},
		{"the island of New Guinea", ""},
		{"Samoa and American Samoa", "WSM ASM"},
		// Turkey, Mali, China, Taiwan.
		{"Türkiye (Turkey) and Mali", "TUR TUR MLI"},
		{"the People's Republic of China and the Republic of China", "CHN TWN"},
		{"Chinese Taipei", "TWN"},
		{"Minister Chin Young", ""},
		{"disputes in the South China Sea", ""},
		// America, American.
		{"American investors", "USA"},
		{"Latin American and South American and Central American states", ""},
		{"North American markets and the Inter-American Development Bank", ""},
		{"Latin America and the Caribbean", ""},
		{"exports to America", "USA"},
		// New X, Jersey, Man, Cook.
		{"New Mexico and New Jersey", ""},
		{"Jersey and Guernsey", "JEY GGY"},
		{"the Isle of Man", "IMN"},
		{"the Cook Islands", "COK"},
		{"Minister Cook said", ""},
		{"Malta, Cyprus, Mauritius, Nauru, Tonga and Niue", "MLT CYP MUS NRU TON NIU"},
		{"the man who", ""},
		// Features and groupings.
		{"the Indian Ocean and the Gulf of Mexico", ""},
		{"Indian and Mexican officials", "IND MEX"},
		{"the Middle East, ASEAN, the EU, the European Union, the Gulf and the United Nations (UN)", ""},
		{"the Arabian Gulf", ""},
		// US: country or pronoun.
		{"the US and the UK", "USA GBR"},
		{"join us in Seoul", "KOR"},
		{"CONTACT US", ""},
		{"JOIN US FOR THE FORUM", ""},
		{"KOREA-US FTA", "KOR USA"},
		{"US$ 5 million", ""},
		{"the U.S. dollar", ""},
		// Lao, Laos.
		{"the Lao PDR and Lao officials", "LAO LAO"},
		// Lower case is never a country.
		{"roast turkey, chad and a guinea pig in china", ""},
		{"www.korea.kr", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range Find(tt.text) {
			got = append(got, m.ISO3)
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("Find(%q) = %q, want %q\n%v", tt.text, s, tt.want, finds(tt.text))
		}
	}
}

func TestCountriesBuildErrors(t *testing.T) {
	row := func(cols ...string) string { return strings.Join(cols, "\t") }
	good := header + "\n" + row("KOR", "KR", "Korea", "-", "ROK", "Korean", "Seoul") + "\n"
	tests := []struct {
		name      string
		countries string
		not       string
		wantErr   string // "" for success
	}{
		{"ok", good, "Korean Peninsula\n", ""},
		{"real data", countriesTSV, notCountriesTSV, ""},
		{"no header", row("KOR", "KR", "Korea", "-", "-", "-", "-"), "", "header"},
		{"empty", "# nothing\n", "", "no header"},
		{"columns", header + "\n" + row("KOR", "KR", "Korea"), "", "columns"},
		{"bad code", header + "\n" + row("KO", "KR", "Korea", "-", "-", "-", "-"), "", "bad codes"},
		{"lower-case code", header + "\n" + row("kor", "KR", "Korea", "-", "-", "-", "-"), "", "bad codes"},
		{"duplicate", good + row("KOR", "KP", "North Korea", "-", "-", "-", "-"), "", "duplicate"},
		{"no name", header + "\n" + row("KOR", "KR", "-", "-", "-", "-", "-"), "", "no name"},
		{"conflict", good + row("PRK", "KP", "Korea", "-", "-", "-", "-"), "", "names both"},
		{"conflict with a non-country", good, "Korea\n", "names both"},
		{"bad alternative", header + "\n" + row("KOR", "KR", "Korea", "-", "Corea@XXX", "-", "-"), "", "bad alternative"},
		{"bad marker", header + "\n" + row("KOR", "KR", "Korea", "-", "Co?rea", "-", "-"), "", "bad entry"},
		{"starts with punctuation", header + "\n" + row("KOR", "KR", "Korea", "-", "(Korea)", "-", "-"), "", "starting with a word"},
	}
	for _, tt := range tests {
		_, err := build(tt.countries, tt.not)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: build: %v", tt.name, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("%s: build error = %v, want one containing %q", tt.name, err, tt.wantErr)
		}
	}
}

// TestFindInvariants checks what Find promises on awkward input: offsets
// in bounds on rune boundaries, in order, without overlaps, and the same
// result every time.
func TestCountriesFindInvariants(t *testing.T) {
	for _, text := range invariantInputs {
		checkInvariants(t, text)
	}
}

var invariantInputs = []string{
	"", " ", "Korea", "Korea'", "U.S", "U.S.", "the", "the Emirates", "\xffKorea\xfe", "Korea\u2019s\u00a0Italy",
	"Democratic People's Republic of", "São Tomé and Príncipe", "İstanbul, Türkiye", "Korea\n\nItaly",
	strings.Repeat("Korea-", 100), "Jordan", "Mr.", "Mr. Jordan", "CONTACT US", "KoreA\x920",
}

// boundary reports whether byte offset i of s starts a rune as range
// decodes s (an invalid byte is a rune of its own), or is len(s).
func boundary(s string, i int) bool {
	if i == len(s) {
		return true
	}
	for j := range s {
		if j == i {
			return true
		}
		if j > i {
			break
		}
	}
	return false
}

func checkInvariants(t *testing.T, text string) {
	t.Helper()
	ms := Find(text)
	prevEnd := 0
	for _, m := range ms {
		if m.Start < prevEnd || m.End <= m.Start || m.End > len(text) {
			t.Fatalf("Find(%q): bad span %+v after %d", text, m, prevEnd)
		}
		if !boundary(text, m.Start) || !boundary(text, m.End) {
			t.Fatalf("Find(%q): span %+v not on rune boundaries", text, m)
		}
		if !Valid(m.ISO3) || m.Entry == "" {
			t.Fatalf("Find(%q): bad match %+v", text, m)
		}
		prevEnd = m.End
	}
	if again := Find(text); !cmp.Equal(ms, again) {
		t.Fatalf("Find(%q) not deterministic: %v then %v", text, ms, again)
	}
}

func FuzzCountriesFind(f *testing.F) {
	for _, s := range invariantInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { checkInvariants(t, text) })
}

func TestCountriesFindConcurrent(t *testing.T) {
	text := benchText()
	want := Find(text)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				if got := Find(text); !cmp.Equal(want, got) {
					t.Error("concurrent Find differs")
					return
				}
			}
		}()
	}
	wg.Wait()
}

// benchText is about 10 KB of press-release prose from several
// governments.
func benchText() string {
	paras := []string{
		"Minister of the Interior and Safety Lee Sang-min visited the Kingdom of Saudi Arabia (Saudi Arabia), the United Arab Emirates (UAE), and Italy from March 3 to 9 leading the \"Public Administration Cooperation Group\" to spread best practices in Korean public administration and promote cooperation with public administration ministries.",
		"Meetings were also held with His Highness Prince Abdulaziz bin Saud bin Nayef Al Saud, Saudi Arabia's Interior Minister, and the LEAP 2024 attendee, Qatari Minister of Communications and Information Technology, Mohammed bin Ali Al Mannai, upon their urgent request for a meeting with Minister Lee before his departure.",
		"Foreign Minister Kamikawa Yoko held a meeting with H.E. Ms. Penny Wong, Minister for Foreign Affairs of Australia, in Tokyo. The two ministers confirmed that Japan and Australia, as Special Strategic Partners, will continue to cooperate closely toward realizing a free and open Indo-Pacific, together with the United States and India.",
		"The Secretary of Foreign Affairs of the Philippines met with his counterparts from Viet Nam, the Lao PDR, Cambodia and Myanmar on the sidelines of the ASEAN Foreign Ministers' Meeting in Jakarta, Indonesia, and discussed the situation in the South China Sea.",
		"The UK and Lithuania today signed a joint statement on defence cooperation in Vilnius. The Lithuanian Minister of National Defence welcomed the British contribution to NATO's enhanced Forward Presence and the continued support of the U.S. and Germany.",
		"The Secretaría de Relaciones Exteriores of Mexico reported that the Chilean and Mexican delegations met in Santiago to review the Pacific Alliance agenda with Colombia and Peru, and agreed to meet again in Mexico City next year.",
		"Bilateral cooperation between Korea and Italy has been strengthening since the meeting between President Yoon Suk Yeol and Italian President Sergio Mattarella during President Mattarella's visit to Korea in November last year, and the Korea-Italy Cooperation Forum on Public Governance will become an annual event.",
	}
	var b strings.Builder
	for i := 0; b.Len() < 10_000; i++ {
		b.WriteString(paras[i%len(paras)])
		b.WriteString("\n\n")
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	text := benchText()
	Find(text) // build the index outside the timer
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text)
	}
}

func ExampleFind() {
	text := "Minister Lee visited the Kingdom of Saudi Arabia, the UAE and Seoul's partner Italy; Italian officials joined."
	for _, m := range Find(text) {
		fmt.Printf("%s %s %q\n", m.ISO3, m.Form, text[m.Start:m.End])
	}
	// Output:
	// SAU name "Kingdom of Saudi Arabia"
	// ARE alias "UAE"
	// KOR city "Seoul"
	// ITA name "Italy"
	// ITA demonym "Italian"
}

func ExampleLookup() {
	for _, s := range []string{"Republic of Korea", "UAE", "Emirati", "us", "Korean Peninsula"} {
		iso, ok := Lookup(s)
		fmt.Printf("%q %s %v\n", s, iso, ok)
	}
	// Output:
	// "Republic of Korea" KOR true
	// "UAE" ARE true
	// "Emirati" ARE true
	// "us"  false
	// "Korean Peninsula"  false
}

// TestFindOneSense checks that a bare name reads as the document reads it
// elsewhere: after "the U.S. states of Georgia", "Governor of Georgia" is
// the state; with the capital named, Georgia is the country.
func TestFindOneSense(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"state said once", "Mr Harris visited the U.S. states of Georgia and Texas. He met the Governor of Georgia.", []string{"USA"}},
		{"country with its capital", "She visited the U.S. state of Georgia in May and Georgia in June, meeting officials in Tbilisi.", []string{"USA", "GEO", "GEO"}},
		{"country alone", "The Minister met the Foreign Minister of Georgia.", []string{"GEO"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range Find(tt.text) {
			got = append(got, m.ISO3)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s: Find(%q) (-want +got):\n%s", tt.name, tt.text, diff)
		}
	}
}

// TestFindFirstNames checks country names used as first names after an
// office or before a middle initial.
func TestFindFirstNames(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The below is attributable to Deputy Spokesperson Jordan Castellanos.", nil},
		{"The delegation was led by Ambassador Chad R. Mercer of the United States.", []string{"USA"}},
		{"The Minister visited Jordan and Chad last week.", []string{"JOR", "TCD"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range Find(tt.text) {
			got = append(got, m.ISO3)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Find(%q) (-want +got):\n%s", tt.text, diff)
		}
	}
}

// TestCandidatesFilter checks that the key filter lets every key of the
// index through, in any case.
func TestCandidatesFilter(t *testing.T) {
	tb := table()
	for key, k := range tb.index {
		es := k.all
		for _, s := range []string{key, strings.ToUpper(key)} {
			if got := tb.candidates(s); len(got) != len(es) || got[0] != es[0] {
				t.Errorf("candidates(%q) = %d entries, want %d", s, len(got), len(es))
			}
		}
	}
}

// BenchmarkFindCorpus runs Find over the regression corpus; one op is the
// whole corpus.
func BenchmarkFindCorpus(b *testing.B) {
	files, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no corpus: %v", err)
	}
	var texts []string
	size := 0
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(text))
		size += len(text)
	}
	Find(texts[0]) // build the index outside the timer
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range texts {
			Find(text)
		}
	}
}

// findRef is find as first written, token by token: the reference for
// TestFindSame.
func (t *gazTable) findRef(text string) []Match {
	var (
		out       []Match
		ambiguous []int    // indexes in out of entries with an alternative reading
		hidden    []string // not-country phrases found ("state of Georgia")
		w         window
		p1, p2    token // the two tokens before the current one
		np        int   // how many of p1, p2 are set
		i         int
	)
	for {
		tok, ok := scan(text, i)
		if !ok {
			break
		}
		i = tok.end
		var hit *entry
		if c := tok.s[0]; tok.word && !('a' <= c && c <= 'z' && !t.lowerOK[c]) {
			if cands := t.candidates(tok.s); len(cands) > 0 {
				w.reset(text, tok)
				for _, e := range cands {
					if !e.matches(&w, false) {
						continue
					}
					if len(e.toks) == 1 && t.vetoed(e, &w, p1, p2, np) {
						continue
					}
					hit = e
					break
				}
			}
		}
		if hit == nil {
			p2, p1, np = p1, tok, min(np+1, 2)
			continue
		}
		k := len(hit.toks)
		last := w.toks[k-1]
		i = last.end
		if k >= 2 {
			p2, p1, np = w.toks[k-2], last, 2
		} else {
			p2, p1, np = p1, last, min(np+1, 2)
		}
		if hit.iso3 == "" {
			hidden = append(hidden, hit.text)
			continue // a phrase that names no country
		}
		if hit.alt != "" {
			ambiguous = append(ambiguous, len(out))
		}
		if out == nil {
			out = make([]Match, 0, len(text)/256+4) // about one match in 200 bytes of a release
		}
		out = append(out, Match{Start: tok.start, End: last.end, ISO3: hit.iso3, Form: hit.form, Entry: hit.text})
	}
	if len(ambiguous) > 0 {
		resolve(out, ambiguous, t)
	}
	if len(hidden) > 0 {
		out = oneSense(out, hidden)
	}
	return out
}

// TestFindSame compares Find with findRef over the regression corpus and
// the test texts.
func TestFindSame(t *testing.T) {
	files, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	texts := []string{benchText(), "", "us", "CONTACT US", "Mr. Chad R. Mercer met Jordan Peterson in Jordan.",
		"the Emirates\n\nand the U.S. state of Georgia; Georgia’s President\u2028Chad  Smith", "naïve café Korea"}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	for _, text := range texts {
		checkFind(t, text)
	}
}

func checkFind(t *testing.T, text string) {
	t.Helper()
	want := table().findRef(text)
	if diff := cmp.Diff(want, table().find(nil, text)); diff != "" {
		t.Errorf("find(%.60q) differs from findRef (-want +got):\n%s", text, diff)
	}
	// appended after other matches, which count for nothing
	dst := []Match{{Start: 0, End: 1, ISO3: "COD", Form: FormName, Entry: "Georgia"}}
	got := table().find(slices.Clip(dst), text)
	if diff := cmp.Diff(append(dst, want...), got); diff != "" {
		t.Errorf("find(dst, %.60q) differs from dst and findRef (-want +got):\n%s", text, diff)
	}
	got = table().find(make([]Match, 1, 64), text)
	if diff := cmp.Diff(append(make([]Match, 1), want...), got); diff != "" {
		t.Errorf("find(dst, %.60q) differs from dst and findRef (-want +got):\n%s", text, diff)
	}
}

// TestFindSameRandom compares Find with findRef on texts of words that
// start, continue and veto entries, in any case, with spaces, line breaks
// and marks beyond ASCII between them.
func TestFindSameRandom(t *testing.T) {
	words := []string{"the", "The", "THE", "Emirates", "Hague", "state", "State", "of", "Georgia", "Kuwait", "Korea",
		"Korean", "Peninsula", "s", "S", ".", ",", "DPR", "Democratic", "People", "’", "'", "`", "Republic", "Congo",
		"Jordan", "Chad", "Peterson", "Mr", "Minister", "US", "us", "CONTACT", "United", "Arab", "Kingdom", "Saudi",
		"Arabia", "former", "Yugoslav", "Macedonia", "mainland", "China", "delegation", "ſtate", "Ünited", "Côte",
		"d", "Ivoire", "São", "Tomé", "1st", "x", "Kinshasa", "Congolese"}
	seps := []string{" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u2028", "\u00a0", "", "-"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(seps[r.IntN(len(seps))])
			b.WriteString(words[r.IntN(len(words))])
		}
		checkFind(t, b.String())
	}
}

func FuzzFindSame(f *testing.F) {
	f.Add("Mr. Chad met Jordan Peterson in Jordan and the Republic of Korea.")
	f.Add("CONTACT US\n\nthe Emirates, Georgia")
	f.Fuzz(func(t *testing.T, text string) { checkFind(t, text) })
}
