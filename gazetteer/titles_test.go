package gazetteer

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestTitle(t *testing.T) {
	tests := []struct {
		phrase, country string
		rank            string
		ok              bool
	}{
		// seeds
		{"Minister of the Interior and Safety", "", RankMinister, true},
		{"Saudi Arabia's Interior Minister", "", RankMinister, true},
		{"Saudi Arabian Minister of Communications and Information Technology", "", RankMinister, true},
		{"Minister of State for Government Development and Future and Chairman of the Higher Committee for Government Digital Transformation", "", RankMinisterOfState, true},
		{"the Minister of State for Artificial Intelligence", "", RankMinisterOfState, true},
		{"State Secretary at the Romanian Ministry of Communications and Information Society", "", RankViceMinister, true},
		{"Czech Deputy Minister of the Interior", "", RankViceMinister, true},
		{"Vice Minister of the Interior and Safety", "", RankViceMinister, true},
		{"Italian President", "", RankHeadOfState, true},
		{"Mayor", "", RankMayor, true},
		{"City Councilman", "", RankCouncillor, true},
		{"UAE Commissioner for Digital Government", "", RankDirector, true},
		{"Director General of Government Services", "", RankDirector, true},
		// other governments
		{"Foreign Minister", "", RankMinister, true},
		{"Secretary of State of the United States", "", RankMinister, true},
		{"Minister for Foreign Affairs", "", RankMinister, true},
		{"Foreign Secretary", "", RankMinister, true},
		{"Home Secretary", "", RankMinister, true},
		{"Minister of State for the Indo-Pacific", "", RankMinisterOfState, true},
		{"Secretary", "", RankMinister, true},
		{"External Affairs Minister", "", RankMinister, true},
		{"Vice Minister of Foreign Affairs", "", RankViceMinister, true},
		{"Vice-Minister", "", RankViceMinister, true},
		{"Deputy Foreign Minister", "", RankViceMinister, true},
		{"Vice Foreign Minister", "", RankViceMinister, true},
		{"Parliamentary Vice-Minister for Foreign Affairs", "", RankViceMinister, true},
		{"Senior Parliamentary Secretary", "", RankViceMinister, true},
		{"Under-Secretary of State", "", RankViceMinister, true},
		{"Undersecretary for International Economic Relations", "", RankViceMinister, true},
		{"Permanent Secretary", "", RankViceMinister, true},
		{"First Deputy Minister", "", RankViceMinister, true},
		{"Assistant Minister for Foreign Affairs", "", RankViceMinister, true},
		{"State Minister for Foreign Affairs", "", RankMinisterOfState, true},
		{"Junior Minister", "", RankMinisterOfState, true},
		{"Senior Minister of State", "", RankMinisterOfState, true},
		// an office ending in a portfolio goes on with another: the
		// foreign minister of Portugal, of Côte d'Ivoire's style
		{"Minister of State and Foreign Affairs", "", RankMinister, true},
		{"Minister of State and Economy", "", RankMinister, true},
		{"Minister of State for Foreign Trade and Investment", "", RankMinisterOfState, true},
		{"Senior Minister", "", RankMinister, true},
		{"Emeritus Senior Minister", "", RankMinister, true},
		{"Acting Minister of Finance", "", RankMinister, true},
		{"Cabinet Secretary", "", RankMinister, true},
		{"Prime Minister", "", RankHeadOfGovernment, true},
		{"Premier", "", RankHeadOfGovernment, true},
		{"Taoiseach", "", RankHeadOfGovernment, true},
		{"Federal Chancellor", "DEU", RankHeadOfGovernment, true},
		{"Chancellor", "AUT", RankHeadOfGovernment, true},
		{"Chancellor", "MEX", RankMinister, true},
		{"Chancellor of the Exchequer", "GBR", RankMinister, true},
		{"Deputy Prime Minister", "", RankMinister, true},
		{"Deputy Prime Minister and Minister of Foreign Affairs", "", RankMinister, true},
		{"Crown Prince and Prime Minister", "", RankHeadOfGovernment, true},
		{"Vice President", "", RankHeadOfState, true},
		{"President of the Republic of Korea", "", RankHeadOfState, true},
		{"King", "", RankHeadOfState, true},
		{"Emir of the State of Qatar", "", RankHeadOfState, true},
		{"Grand Duke", "", RankHeadOfState, true},
		{"President of the World Bank", "", RankChair, true},
		{"World Bank President", "", RankChair, true},
		{"President of the Korea Internet & Security Agency", "", RankChair, true},
		{"President of the Senate", "", RankLegislator, true},
		{"President of the UN General Assembly", "", RankChair, true},
		{"Ambassador of the Republic of Korea to Italy", "", RankAmbassador, true},
		{"Ambassador Extraordinary and Plenipotentiary", "", RankAmbassador, true},
		{"Special Envoy for Climate", "", RankAmbassador, true},
		{"Consul General", "", RankAmbassador, true},
		{"High Commissioner to Singapore", "", RankAmbassador, true},
		{"High Commissioner for Refugees", "", RankDirector, true},
		{"Chargé d'Affaires a.i.", "", RankAmbassador, true},
		{"Governor of Tokyo", "", RankGovernor, true},
		{"Governor of the Bank of Korea", "", RankDirector, true},
		{"Lord Mayor", "", RankMayor, true},
		{"Deputy Mayor", "", RankMayor, true},
		{"Councillor", "", RankCouncillor, true},
		{"Council Member", "", RankCouncillor, true},
		{"Member of Parliament", "", RankLegislator, true},
		{"Senator", "", RankLegislator, true},
		{"Speaker of the National Assembly", "", RankLegislator, true},
		{"Secretary-General of the United Nations", "", RankSecretaryGeneral, true},
		{"Secretary General", "", RankSecretaryGeneral, true},
		{"Deputy Secretary-General", "", RankOfficial, true},
		{"Director-General", "", RankDirector, true},
		{"Administrator", "", RankDirector, true},
		{"Chief Executive", "", RankDirector, true},
		{"Chairman", "", RankChair, true},
		{"Chairperson of the African Union Commission", "", RankChair, true},
		{"Spokesperson", "", RankOfficial, true},
		{"Member of the Political Bureau of the CPC Central Committee and Minister of Foreign Affairs", "", RankMinister, true},
		{"President and CEO of the Korea Development Bank", "", RankChair, true},
		{"President of the Korea Chamber of Commerce and Industry", "", RankChair, true},
		{"President of the Chamber of Deputies", "", RankLegislator, true},
		{"Vice President and Prime Minister", "", RankHeadOfState, true},
		// deputies do not take their principal's rank; Assistant Secretary (US)
		{"Deputy Director-General of the Department of Asian Affairs", "", RankOfficial, true},
		{"Deputy Executive Director", "", RankOfficial, true},
		{"Assistant Commissioner for Trade", "", RankOfficial, true},
		{"Vice-Chairperson of the Commission", "", RankOfficial, true},
		{"Deputy Head of Mission", "", RankOfficial, true},
		{"Deputy Mayor of Valparaíso", "", RankMayor, true},
		{"Deputy Minister of Foreign Affairs", "", RankViceMinister, true},
		{"Assistant Secretary of State for African Affairs", "", RankDirector, true},
		{"Assistant Secretary for Consular Services", "", RankDirector, true},
		// heads of chambers and of departments that are ministries
		{"Chairman of the National Assembly", "", RankLegislator, true},
		{"Chairperson of the Storting", "", RankLegislator, true},
		{"Chairman of the Board", "", RankChair, true},
		{"Head of the Federal Department of Home Affairs", "", RankMinister, true},
		{"Head of the Department of Foreign Affairs", "", RankMinister, true},
		{"Head of the Department of Asian Affairs of the Ministry of Foreign Affairs", "", RankDirector, true},
		{"Head of the Europe Unit", "", RankDirector, true},
		// heads of international bodies, as written after a name
		{"United Nations High Commissioner for Human Rights", "", RankDirector, true},
		{"President, World Economic Forum", "", RankChair, true},
		{"Founder and Executive Chairman, Asia Business Council", "", RankChair, true},
		// a position that is no public office
		{"Patriarch of All Georgia", "", "", false},
		{"Founder", "", "", false},
		// not offices
		{"His Highness Prince", "", "", false},
		{"H.E.", "", "", false},
		{"Ministry of the Interior and Safety", "", "", false},
		{"Digital Platform Government", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		rank, ok := TitleIn(tt.phrase, tt.country)
		if rank != tt.rank || ok != tt.ok {
			t.Errorf("TitleIn(%q, %q) = %q, %v; want %q, %v", tt.phrase, tt.country, rank, ok, tt.rank, tt.ok)
		}
	}
}

func TestHonorificRank(t *testing.T) {
	tests := []struct {
		phrase string
		rank   string
		ok     bool
	}{
		{"H.E.", "", true},
		{"His Highness Prince", RankRoyal, true},
		{"His Highness Sheikh", RankRoyal, true},
		{"Tan Sri Dato' Sri Haji", "", true},
		{"Senator the Hon", "", false}, // Senator is an office
		{"The Rt Hon", "", true},
		{"Dr.", "", true},
		{"Lt. Gen.", RankOfficial, true},
		{"Minister", "", false},
		{"Lee", "", false},
	}
	for _, tt := range tests {
		rank, ok := HonorificRank(tt.phrase)
		if rank != tt.rank || ok != tt.ok {
			t.Errorf("HonorificRank(%q) = %q, %v; want %q, %v", tt.phrase, rank, ok, tt.rank, tt.ok)
		}
	}
}

func TestMatchTitle(t *testing.T) {
	type result struct {
		N      int
		Phrase string
		Rank   string
		Kind   TitleKind
		OK     bool
	}
	tests := []struct {
		text string
		want result
	}{
		{"Minister of State for AI", result{3, "minister of state", RankMinisterOfState, Office, true}},
		{"Minister of the Interior", result{1, "minister", RankMinister, Office, true}},
		{"Vice-Minister Shim", result{2, "vice minister", RankViceMinister, Office, true}},
		{"Secretary-General Guterres", result{2, "secretary general", RankSecretaryGeneral, Office, true}},
		{"H.E. Ohood", result{2, "h e", "", Honorific, true}},
		{"His Royal Highness Prince", result{3, "his royal highness", RankRoyal, Honorific, true}},
		{"Dato' Sri Haji", result{2, "dato sri", "", Honorific, true}},
		{"Prime Minister Kishida", result{2, "prime minister", RankHeadOfGovernment, Office, true}},
		{"Lee Sang-min", result{}},
		{"Ministry of Interior", result{}},
	}
	for _, tt := range tests {
		n, e, ok := MatchTitle(TitleWords(tt.text))
		got := result{n, e.Phrase, e.Rank, e.Kind, ok}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("MatchTitle(%q) mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestTitleWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Vice-Minister", []string{"vice", "minister"}},
		{"Saudi Arabia's Interior Minister", []string{"saudi", "arabia", "interior", "minister"}},
		{"Chargé d’Affaires a.i.", []string{"chargé", "d'affaires", "a", "i"}},
		{"Dato' Sri", []string{"dato", "sri"}},
		{"H.E.", []string{"h", "e"}},
		{"", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, TitleWords(tt.in)); diff != "" {
			t.Errorf("TitleWords(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestIsPortfolioWord(t *testing.T) {
	tests := []struct {
		w    string
		want bool
	}{
		{"Interior", true}, {"Safety", true}, {"Affairs", true}, {"Autonomies", true},
		{"Telecommunications", true}, {"Administration", true}, {"Indo-Pacific", true},
		{"Democracy", true}, {"Diplomacy", true},
		{"Matteo", false}, {"Lee", false}, {"Tracy", false}, {"Roberto", false}, {"Catrina", false}, {"Davies", false},
	}
	for _, tt := range tests {
		if got := IsPortfolioWord(tt.w); got != tt.want {
			t.Errorf("IsPortfolioWord(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestAbbreviations(t *testing.T) {
	for _, w := range []string{"dr", "gen", "lt", "h", "e", "prof", "amb", "hon"} {
		if !IsAbbreviation(w) {
			t.Errorf("IsAbbreviation(%q) = false", w)
		}
	}
	for _, w := range []string{"minister", "lee", "he"} {
		if IsAbbreviation(w) {
			t.Errorf("IsAbbreviation(%q) = true", w)
		}
	}
	for _, w := range []string{"sen", "gov", "amb", "rep"} {
		if !IsOfficeAbbreviation(w) {
			t.Errorf("IsOfficeAbbreviation(%q) = false", w)
		}
	}
	// honorifics, letters of a dotted honorific, and offices written out
	for _, w := range []string{"dr", "hon", "h", "e", "senator", "minister"} {
		if IsOfficeAbbreviation(w) {
			t.Errorf("IsOfficeAbbreviation(%q) = true", w)
		}
	}
}

func TestLoadTitlesErrors(t *testing.T) {
	tests := []struct {
		name               string
		titles, hon, words string
		wantErr            bool
	}{
		{"ok", "Minister\tminister\n", "Dr.\t-\tpre\n", "affairs\n", false},
		{"bad rank", "Minister\tboss\n", "", "", true},
		{"missing field", "Minister\n", "", "", true},
		{"bad kind", "", "Dr.\t-\tmiddle\n", "", true},
		{"empty phrase", "...\tminister\n", "", "", true},
	}
	for _, tt := range tests {
		_, err := loadTitles(tt.titles, tt.hon, tt.words)
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: loadTitles error = %v, wantErr %v", tt.name, err, tt.wantErr)
		}
	}
}

// TestClassOf checks that ClassOf answers as the functions it stands for.
func TestClassOf(t *testing.T) {
	words := []string{"", "minister", "Minister", "h", "dato", "mp", "obe", "deputy", "interior", "Interior",
		"administration", "autonomies", "policies", "côte", "sécurité", "communications", "lee", "the", "of"}
	for w := range tables.words {
		words = append(words, w, strings.ToUpper(w))
	}
	for w := range tables.vocab {
		words = append(words, w)
	}
	for _, w := range words {
		c := ClassOf(w)
		_, off := tables.offices.next[w]
		_, pre := tables.pre.next[w]
		_, post := tables.post.next[w]
		for _, q := range []struct {
			name string
			bit  WordClass
			want bool
		}{
			{"office start", ClassOfficeStart, off},
			{"honorific start", ClassHonorificStart, pre},
			{"post-nominal start", ClassPostNominalStart, post},
			{"modifier", ClassTitleModifier, IsTitleModifier(w)},
			{"portfolio", ClassPortfolio, IsPortfolioWord(w)},
		} {
			if got := c&q.bit != 0; got != q.want {
				t.Errorf("ClassOf(%q) %s = %v, want %v", w, q.name, got, q.want)
			}
		}
	}
}

// TestIsPortfolioWordNoAlloc checks that IsPortfolioWord lower-cases an
// ASCII word without allocating.
func TestIsPortfolioWordNoAlloc(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		IsPortfolioWord("Administration")
		IsPortfolioWord("INTERIOR")
		MatchTitle([]string{"minister", "of", "state"})
	})
	if n != 0 {
		t.Errorf("%v allocations, want 0", n)
	}
}

// titleWordsRef is TitleWords as first written, one string per word: the
// reference for TestTitleWordsSame.
func titleWordsRef(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		w := b.String()
		b.Reset()
		w = strings.Trim(w, "'")
		if strings.HasSuffix(w, "'s") && len(w) > 2 {
			w = w[:len(w)-2]
		}
		if w != "" {
			out = append(out, w)
		}
	}
	for _, r := range s {
		switch {
		case r == '\'' || r == '’':
			b.WriteByte('\'')
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return out
}

func TestTitleWordsSame(t *testing.T) {
	inputs := []string{"", "'", "''s", "Dato' Sri", "Minister's", "H.E.", "Vice-Minister", "Chargé d’Affaires",
		"KAMIKAWA Yoko", "Ⅻ Ǆemal", "x\xffy", "Côte d'Ivoire's 'Minister'", strings.Repeat("Minister of State ", 20)}
	for _, text := range []string{titlesTSV, honorificsTSV, titleWordsTXT} {
		inputs = append(inputs, strings.Split(text, "\n")...)
	}
	for _, s := range inputs {
		if diff := cmp.Diff(titleWordsRef(s), TitleWords(s)); diff != "" {
			t.Errorf("TitleWords(%q) (-want +got):\n%s", s, diff)
		}
	}
}

func FuzzTitleWords(f *testing.F) {
	f.Add("Minister of the Interior and Safety")
	f.Add("Dato' Sri Ⅻ’s x\xffy")
	f.Fuzz(func(t *testing.T, s string) {
		if diff := cmp.Diff(titleWordsRef(s), TitleWords(s)); diff != "" {
			t.Errorf("TitleWords(%q) (-want +got):\n%s", s, diff)
		}
	})
}

// TestPortfolioEnding compares portfolioEnding with its plain statement.
func TestPortfolioEnding(t *testing.T) {
	ref := func(lw string) bool {
		n := utf8.RuneCountInString(lw)
		if n >= 8 && strings.HasSuffix(lw, "ies") {
			return true
		}
		if n < 6 {
			return false
		}
		for _, s := range portfolioSuffixes {
			if strings.HasSuffix(lw, s) {
				return true
			}
		}
		return false
	}
	words := []string{"", "ies", "policies", "ponies", "éécies", "ééties", "nation", "ation", "ürtion", "ship", "leadership",
		"culture", "cultures", "finance", "ogies", "biology", "ethics", "economics", "tourism", "ness", "business"}
	for w := range tables.words {
		words = append(words, w)
	}
	for _, w := range words {
		if got, want := portfolioEnding(w), ref(w); got != want {
			t.Errorf("portfolioEnding(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestMatchTitleEntry checks the matches that start from a word's entry
// against a walk of the tries from their roots.
func TestMatchTitleEntry(t *testing.T) {
	var inputs [][]string
	for _, text := range []string{titlesTSV, honorificsTSV} {
		for _, line := range strings.Split(text, "\n") {
			phrase, _, _ := strings.Cut(line, "\t")
			ws := TitleWords(phrase)
			inputs = append(inputs, ws, append(ws, "of", "state", "lee"), append([]string{"the"}, ws...))
			if len(ws) > 1 {
				inputs = append(inputs, ws[:len(ws)-1], ws[1:])
			}
		}
	}
	inputs = append(inputs, nil, []string{"lee"}, []string{"the", "hon"}, []string{"mp"}, []string{"minister", "of", "state"})
	for _, ws := range inputs {
		no, eo := tables.offices.longest(ws)
		nh, eh := tables.pre.longest(ws)
		wantN, wantE := no, eo
		if nh > no {
			wantN, wantE = nh, eh
		}
		if n, e := MatchTitleEntry(ws); n != wantN || e != wantE {
			t.Errorf("MatchTitleEntry(%q) = %d, %v; want %d, %v", ws, n, e, wantN, wantE)
		}
		np, ep := tables.post.longest(ws)
		n, e, ok := MatchPostNominal(ws)
		if n != np || ok != (np > 0) || ok && e != *ep {
			t.Errorf("MatchPostNominal(%q) = %d, %v, %v; want %d, %v", ws, n, e, ok, np, ep)
		}
	}
}

// TestDataLines checks the line numbers and the lines a table yields, and
// that an error names the file's own line.
func TestDataLines(t *testing.T) {
	var got []string
	for n, line := range dataLines("# header comment\r\nA\tb\r\n\n  \nC\n#x\nD") {
		got = append(got, fmt.Sprintf("%d:%q", n, line))
	}
	want := []string{`2:"A\tb"`, `4:"  "`, `5:"C"`, `7:"D"`}
	if !slices.Equal(got, want) {
		t.Errorf("dataLines = %v, want %v", got, want)
	}
	_, err := loadTitles("# offices\nMinister\tminister\nSecretary\n", "", "")
	if err == nil || !strings.Contains(err.Error(), "titles.tsv:3:") {
		t.Errorf("loadTitles error = %v, want one at titles.tsv:3", err)
	}
}

func TestMatchPluralOffice(t *testing.T) {
	tests := []struct {
		text   string
		n      int
		phrase string
	}{
		{"Foreign Ministers Ana and Ben", 2, "foreign minister"},
		{"Prime Ministers of the two countries", 2, "prime minister"},
		{"Ministers of Foreign Affairs", 1, "minister"},
		{"Vice-Ministers", 2, "vice minister"},
		{"Ambassadors to Chile", 1, "ambassador"},
		{"Deputy Secretaries of State", 2, "deputy secretary"},
		{"Councilmen of Lyon", 1, "councilman"},
		{"High Commissioners-designate", 2, "high commissioner"},
		// singular offices, plurals that are no office, capitals-only entries
		{"Foreign Minister Ana", 0, ""},
		{"Ministries of Finance", 0, ""},
		{"MPs", 0, ""},
		{"Congress", 0, ""},
		{"", 0, ""},
	}
	for _, tt := range tests {
		n, e := MatchPluralOffice(TitleWords(tt.text))
		phrase := ""
		if e != nil {
			phrase = e.Phrase
		}
		if n != tt.n || phrase != tt.phrase {
			t.Errorf("MatchPluralOffice(%q) = %d, %q; want %d, %q", tt.text, n, phrase, tt.n, tt.phrase)
		}
	}
}

func TestSingular(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Ministers", "Minister", true},
		{"Secretaries", "Secretary", true},
		{"SECRETARIES", "SECRETARY", true},
		{"Chairmen", "Chairman", true},
		{"ambassadors", "ambassador", true},
		{"Congress", "Congress", false},
		{"Minister", "Minister", false},
		{"His", "His", false},
	}
	for _, tt := range tests {
		got, ok := Singular(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Singular(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// TestTitleNeedsCountry checks that a phrase TitleNeedsCountry clears has
// the same rank in every country, and that it flags every phrase with the
// word "chancellor", on the tables' phrases, their words glued in pairs
// and random strings of title letters.
func TestTitleNeedsCountry(t *testing.T) {
	countries := []string{"DEU", "USA", "AUT"}
	for c := range chancellorIsMinister {
		countries = append(countries, c)
	}
	phrases := []string{"Chancellor", "Vice-CHANCELLOR of the University", "Federal Chancellor and Minister",
		"Chancellor of the Exchequer", "chancellors", "Kanzler", "Chancel lor", "Minister of Foreign Affairs"}
	for _, text := range []string{titlesTSV, honorificsTSV, titleWordsTXT} {
		for _, line := range strings.Split(text, "\n") {
			line, _, _ = strings.Cut(line, "\t")
			phrases = append(phrases, line, "President and "+line, line+" of the Bank", "Vice "+line)
		}
	}
	r := rand.New(rand.NewPCG(3, 0))
	const letters = "chancelorCHANCELORKİ -'’"
	for range 20000 {
		var b strings.Builder
		for range 4 + r.IntN(20) {
			b.WriteRune([]rune(letters)[r.IntN(len([]rune(letters)))])
		}
		phrases = append(phrases, b.String())
	}
	flagged := 0
	for _, p := range phrases {
		needs := TitleNeedsCountry(p)
		if slices.Contains(TitleWords(p), "chancellor") && !needs {
			t.Errorf("TitleNeedsCountry(%q) = false, but it has the word chancellor", p)
		}
		if needs {
			flagged++
			continue
		}
		want, _ := TitleIn(p, "")
		for _, c := range countries {
			if got, _ := TitleIn(p, c); got != want {
				t.Errorf("TitleIn(%q, %q) = %q, but %q with no country, and TitleNeedsCountry is false", p, c, got, want)
			}
		}
	}
	if flagged == 0 || flagged == len(phrases) {
		t.Errorf("%d of %d phrases flagged", flagged, len(phrases))
	}
}
