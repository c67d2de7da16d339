package gazetteer

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestCityTable(t *testing.T) {
	ct := cityTable()
	if ct.rows < 30000 {
		t.Fatalf("city table has %d rows, want 30,000 or more", ct.rows)
	}
	names, capitals := 0, map[string]int{}
	for _, first := range ct.index {
		for g := first; g != nil; g = g.next {
			names++
			if len(g.Cities) == 0 {
				t.Errorf("%q: no cities", g.Spelling)
			}
			if !slices.IsSortedFunc(g.Cities, func(a, b City) int { return b.Population - a.Population }) {
				t.Errorf("%q: cities not ordered by population", g.Spelling)
			}
			if g.next != nil && len(g.next.toks) > len(g.toks) {
				t.Errorf("%q: chain not longest first", g.Spelling)
			}
			for _, c := range g.Cities {
				if !Valid(c.ISO3) {
					t.Errorf("%q: invalid country %q", c.Name, c.ISO3)
				}
				if c.Capital == NationalCapital && Fold(c.Name) == g.folded {
					capitals[c.ISO3]++
				}
			}
		}
	}
	if names < ct.rows*9/10 {
		t.Errorf("%d names for %d rows", names, ct.rows)
	}
	// Most countries have one national capital; a few have two or three
	// (Bolivia, South Africa, Malaysia's administrative capital).
	if len(capitals) < 190 {
		t.Errorf("national capitals of %d countries, want 190 or more", len(capitals))
	}
	for iso, n := range capitals {
		if n > 3 {
			t.Errorf("%s has %d national capitals", iso, n)
		}
	}
}

func TestCities(t *testing.T) {
	tests := []struct {
		name      string
		wantFirst string // "Name ISO3", "" for none
		wantISO3  []string
	}{
		{"Nice", "Nice FRA", []string{"FRA"}},
		{"sao paulo", "São Paulo BRA", nil},
		{"SÃO PAULO", "São Paulo BRA", nil},
		{"St. Petersburg", "Saint Petersburg RUS", nil},
		{"Saint Petersburg", "Saint Petersburg RUS", nil},
		{"  Addis   Ababa ", "Addis Ababa ETH", []string{"ETH"}},
		{"Male", "Male MDV", nil},
		{"Zurich", "Zürich CHE", nil},
		{"Lodz", "Łódź POL", nil},
		{"Tripoli", "Tripoli LBY", nil},
		{"Biel", "Biel CHE", nil},
		{"Bienne", "Biel CHE", nil},
		// error rows: no such city
		{"", "", nil},
		{"Xanadu-on-Sea", "", nil},
		{"Addis", "", nil},
		{"the Hague", "The Hague NLD", nil},
		{"Hague", "", nil}, // the article is part of the name
	}
	for _, tt := range tests {
		got := Cities(tt.name)
		first := ""
		if len(got) > 0 {
			first = got[0].Name + " " + got[0].ISO3
		}
		if first != tt.wantFirst {
			t.Errorf("Cities(%q)[0] = %q, want %q", tt.name, first, tt.wantFirst)
		}
		if tt.wantISO3 != nil {
			var isos []string
			for _, c := range got {
				isos = append(isos, c.ISO3)
			}
			if diff := cmp.Diff(tt.wantISO3, isos); diff != "" {
				t.Errorf("Cities(%q) countries (-want +got):\n%s", tt.name, diff)
			}
		}
	}
	// The slice returned is the caller's.
	a := Cities("Nice")
	a[0].Name = "changed"
	if Cities("Nice")[0].Name != "Nice" {
		t.Error("Cities returned the table's own slice")
	}
	if got := Cities("Santiago"); len(got) < 3 || got[0].ISO3 != "CHL" {
		t.Errorf("Cities(Santiago) = %v, want Chile's first of several", got)
	}
}

func TestFindCities(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"lower case starts no name", "nice weather in nairobi", nil},
		{"multi-word names, longest match",
			"Talks in Abu Dhabi, New York, Addis Ababa, Kuala Lumpur and Nay Pyi Taw.",
			[]string{"Abu Dhabi", "New York", "Addis Ababa", "Kuala Lumpur", "Nay Pyi Taw"}},
		{"capitals and accents", "ABU DHABI and SAO PAULO and São Paulo", []string{"ABU DHABI", "SAO PAULO", "São Paulo"}},
		{"lower-case particles in any case", "Santa Cruz de la Sierra", []string{"Santa Cruz de la Sierra"}},
		{"a capitalized word stays capitalized", "New york", nil},
		{"countries are not cities", "Singapore, Luxembourg, Djibouti, Kuwait and Panama", nil},
		{"longer names that hold one are", "Kuwait City and Mexico City", []string{"Kuwait City", "Mexico City"}},
		{"no name across lines", "Addis\nAbaba, New\nYork", []string{"York"}},
		{"St. and Saint", "St. Petersburg, St Petersburg", []string{"St. Petersburg", "St Petersburg"}},
		{"words that are names are candidates", "Nice to meet you. Reading the statement.", []string{"Nice", "Reading"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range FindCities(tt.text) {
				got = append(got, tt.text[m.Start:m.End])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("FindCities(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// resolved runs Find, FindCities and Resolve on text as the Places
// extractor does, with the country references (not the places) of Find:
// "Text=Name/ISO3".
func resolved(text string) []string {
	var countries []Match
	for _, m := range Find(text) {
		if m.Form != FormCity {
			countries = append(countries, m)
		}
	}
	x := CityContext{Text: text, Countries: countries}
	var out []string
	for _, p := range x.Resolve(FindCities(text)) {
		out = append(out, fmt.Sprintf("%s=%s/%s", text[p.Start:p.End], p.City.Name, p.City.ISO3))
	}
	return out
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		// Seychelles, Croatia, Maldives, France, Lebanon, Dominican
		// Republic, Portugal, Ghana: invented sentences in their
		// governments' wording.
		{"a word as a city after a preposition, with its country named",
			"The Minister arrived in Nice on 3 May for talks with French officials.",
			[]string{"Nice=Nice/FRA"}},
		{"a word at the start of a sentence", "Nice to meet you, the Minister told the students.", nil},
		{"qualified by its country", "The ceremony took place in Victoria, Seychelles, on Friday.",
			[]string{"Victoria=Victoria/SYC"}},
		{"a queen", "A portrait of Queen Victoria hangs in State House.", nil},
		{"a state, not a city", "The delegation toured Victoria, Australia, last week.", nil},
		{"the document's country decides: Chile",
			"She travelled on to Santiago, where she met the Chilean Minister of Foreign Affairs.",
			[]string{"Santiago=Santiago/CHL"}},
		{"the document's country decides: Dominican Republic",
			"The Dominican Republic's Ministry of Foreign Affairs opened a consular office in Santiago.",
			[]string{"Santiago=Santiago/DOM"}},
		{"Lebanon named elsewhere",
			"The Ministry of Foreign Affairs and Emigrants condemned the attack in Tripoli. Lebanon's government thanked its partners.",
			[]string{"Tripoli=Tripoli/LBN"}},
		{"no other country: the capital", "The envoy held talks in Tripoli on Monday.", []string{"Tripoli=Tripoli/LBY"}},
		{"a participle", "Reading the statement, the spokesperson recalled the ceasefire.", nil},
		{"Male, Maldives", "The President returned to Male, Maldives, on Sunday evening.", []string{"Male=Male/MDV"}},
		{"bare word", "Bath salts were among the donated goods.", nil},
		{"Split, Croatia", "The Ministry of Foreign and European Affairs hosted the meeting in Split, Croatia.",
			[]string{"Split=Split/HRV"}},
		{"mobile phones", "Mobile phone operators restored service, the Ministry said.", nil},
		{"a dateline", "ACCRA, 12 June 2024 - The Minister for Foreign Affairs received the Ghanaian envoy.",
			[]string{"ACCRA=Accra/GHA"}},
		{"a leg and the next", "The Minister left for Porto, then travelled to Braga and Coimbra, Portugal.",
			[]string{"Porto=Porto/PRT", "Braga=Braga/PRT", "Coimbra=Coimbra/PRT"}},
		{"a first-level area qualifies", "The Consul General visited Kingston, Ontario, and Halifax.",
			[]string{"Kingston=Kingston/CAN", "Halifax=Halifax/CAN"}},
		{"Kingston alone is Jamaica's capital", "The Minister met counterparts in Kingston.",
			[]string{"Kingston=Kingston/JAM"}},
		{"two cities of one name, neither country named", "A forum was held in Valencia on Tuesday.", nil},
		{"Valencia with Spain named", "Spain's Foreign Minister opened a forum in Valencia on Tuesday.",
			[]string{"Valencia=Valencia/ESP"}},
		{"persons", "Florence Nightingale and George Washington. Charlotte said the talks went well.", nil},
		{"honorific first word", "General Santos said the operation ended.", nil},
		{"state of", "The Governor of the state of Washington met the delegation.", nil},
		{"a small town needs its country", "The delegation stopped in Ādaži on the way.", nil},
		{"a small town with its country", "The delegation stopped in Ādaži, Latvia, on the way.", []string{"Ādaži=Ādaži/LVA"}},
		{"a country is never a city", "Officials of Georgia and Jordan met in Djibouti.", nil},
		{"Kuwait City is", "Officials of Georgia and Jordan met in Kuwait City.", []string{"Kuwait City=Kuwait City/KWT"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, resolved(tt.text)); diff != "" {
				t.Errorf("Resolve(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestResolvePersonNames checks that the document's personal names are
// not read as cities unless qualified.
func TestResolvePersonNames(t *testing.T) {
	text := "Minister Lisa Jackson spoke first. Jackson thanked the hosts in Jackson, Mississippi, before flying to Atlanta."
	x := CityContext{Text: text, Names: map[string]bool{"lisa": true, "jackson": true}}
	var got []string
	for _, p := range x.Resolve(FindCities(text)) {
		got = append(got, fmt.Sprintf("%d:%s/%s", p.Start, p.City.Name, p.City.ISO3))
	}
	want := []string{"64:Jackson/USA", "103:Atlanta/USA"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Resolve (-want +got):\n%s", diff)
	}
}

func TestBuildCitiesErrors(t *testing.T) {
	const h = citiesHeader + "\n"
	tests := []struct {
		name, tsv, want string
	}{
		{"no header", "", "no header"},
		{"bad header", "name\tiso3\n", "header"},
		{"few columns", h + "Nice\t-\tFRA\t-\t1\tnone\n", "columns"},
		{"many columns", h + "Nice\t-\tFRA\t-\t1\tnone\t-\tx\n", "columns"},
		{"no name", h + "-\t-\tFRA\t-\t1\tnone\t-\n", "no name"},
		{"unknown country", h + "Nice\t-\tXYZ\t-\t1\tnone\t-\n", "unknown country"},
		{"bad population", h + "Nice\t-\tFRA\t-\tmany\tnone\t-\n", "bad population"},
		{"negative population", h + "Nice\t-\tFRA\t-\t-1\tnone\t-\n", "bad population"},
		{"bad capital", h + "Nice\t-\tFRA\t-\t1\tminor\t-\n", "bad capital"},
		{"bad flags", h + "Nice\t-\tFRA\t-\t1\tnone\tx\n", "bad flags"},
		{"lower-case name", h + "les Escaldes\t-\tAND\t-\t1\tnone\t-\n", "capitalized"},
		{"punctuation only", h + "'\t-\tFRA\t-\t1\tnone\t-\n", "capitalized"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := buildCities(tt.tsv)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("buildCities: error %v, want one containing %q", err, tt.want)
			}
		})
	}
	if _, err := buildCities(h + "Nice\tNizza\tFRA\tProvence\t342000\tnone\tw\n"); err != nil {
		t.Errorf("buildCities of one good row: %v", err)
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"nice", "nice"},
		{"São Tomé", "sao tome"},
		{"ZÜRICH", "zurich"},
		{"Łódź", "lodz"},
		{"Malmö", "malmo"},
		{"Straße", "strasse"},
		{"Ærøskøbing", "aeroskobing"},
		{"Xi’an", "xi'an"},
		{"Porto‐Novo", "porto-novo"},
		{"Ḩawallī", "hawalli"},
		{"Иркутск", "иркутск"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := foldedEqual(tt.in, tt.want); !got {
			t.Errorf("foldedEqual(%q, %q) = false", tt.in, tt.want)
		}
	}
	if foldedEqual("Nice", "nicer") || foldedEqual("Nicé", "nice!") {
		t.Error("foldedEqual of different words")
	}
}

// TestFindCitiesInvariants checks spans over the regression corpus: in
// bounds, on rune boundaries, ordered and without overlaps.
func TestFindCitiesInvariants(t *testing.T) {
	files, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		prev := 0
		for _, m := range FindCities(text) {
			if m.Start < prev || m.End <= m.Start || m.End > len(text) || !boundary(text, m.Start) || !boundary(text, m.End) {
				t.Errorf("%s: bad span [%d,%d) after %d", f, m.Start, m.End, prev)
			}
			if m.Name == nil || len(m.Name.Cities) == 0 {
				t.Errorf("%s: match %q without cities", f, text[m.Start:m.End])
			}
			prev = m.End
		}
	}
}

// AppendFindCities appends to a slice what FindCities returns.
func TestAppendFindCities(t *testing.T) {
	files, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	reused := make([]CityMatch, 0, 8)
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		want := FindCities(text)
		first := CityMatch{Start: 1, End: 2}
		if got := AppendFindCities([]CityMatch{first}, text); !slices.Equal(got, append([]CityMatch{first}, want...)) {
			t.Errorf("%s: AppendFindCities after a match = %d matches, want %d", f, len(got), len(want)+1)
		}
		reused = AppendFindCities(reused[:0], text)
		if !slices.Equal(reused, want) {
			t.Errorf("%s: AppendFindCities into a used slice = %d matches, want %d", f, len(reused), len(want))
		}
	}
}

// TestCityTableMemory reports what building the table costs; it fails
// only when the table grows far past its present size (about 9 MiB of
// heap), which would make start-up expensive.
func TestCityTableMemory(t *testing.T) {
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	ct, err := buildCities(citiesTSV)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&m1)
	heap := int64(m1.HeapAlloc) - int64(m0.HeapAlloc)
	t.Logf("city table: %d rows, %d KiB of heap", ct.rows, heap/1024)
	if heap > 32<<20 {
		t.Errorf("city table holds %d MiB of heap, want under 32", heap>>20)
	}
	runtime.KeepAlive(ct)
}

func BenchmarkBuildCities(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := buildCities(citiesTSV); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFindCities scans the 10 KB of benchText, about two seed
// releases.
func BenchmarkFindCities(b *testing.B) {
	text := benchText()
	FindCities(text) // build the index outside the timer
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		FindCities(text)
	}
}

// BenchmarkResolveCities finds and resolves the cities of benchText with
// its country references, as the Places extractor does.
func BenchmarkResolveCities(b *testing.B) {
	text := benchText()
	x := CityContext{Text: text, Countries: Find(text)}
	FindCities(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		x.Resolve(FindCities(text))
	}
}

func ExampleFindCities() {
	text := "Talks in Kingston, then on to Nice, France. Nice to meet you."
	x := CityContext{Text: text, Countries: Find(text)}
	for _, p := range x.Resolve(FindCities(text)) {
		fmt.Println(text[p.Start:p.End], p.City.Name, p.City.ISO3, p.Evidence)
	}
	// Output:
	// Kingston Kingston JAM preposition
	// Nice Nice FRA qualified
}

// TestCityDatelineLookBack: dateline looks back only over the bytes that
// may open a line before a city, and answers as the scan of the whole
// line did.
func TestCityDatelineLookBack(t *testing.T) {
	old := func(x *CityContext, m CityMatch) bool {
		ls := strings.LastIndexByte(x.Text[:m.Start], '\n') + 1
		return strings.Trim(x.Text[ls:m.Start], " \t*•-") == ""
	}
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{" ", "\t", "*", "-", "•", "—", "\n", "a", "\xe2", "\x80", "\xa2"}
	for range 5000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		pre := b.String()
		x := &CityContext{Text: pre + "NICE, 3 May - text"}
		m := CityMatch{Start: len(pre), End: len(pre) + len("NICE")}
		if got, want := x.dateline(m), old(x, m); got != want {
			t.Fatalf("dateline after %q = %v, want %v", pre, got, want)
		}
	}
}

// The key filter lets every key of the index through (a name it turned
// away would never be found), and turns most other words away.
func TestCityKeyFilter(t *testing.T) {
	c := cityTable()
	for key := range c.index {
		if !c.keys.mayHave(fnvString(key)) {
			t.Fatalf("the filter turns away the key %q", key)
		}
	}
	through, others := 0, 0
	for i := range 20000 {
		w := fmt.Sprintf("zq%dxw", i) // no city's first word
		if c.index[w] != nil {
			continue
		}
		others++
		if c.keys.mayHave(fnvString(w)) {
			through++
		}
	}
	if through*20 > others {
		t.Errorf("%d of %d words that are no key get through the filter; want under 5%%", through, others)
	}
	t.Logf("%d keys; %d of %d other words get through", len(c.index), through, others)
}

// A long chain's index by second word walks, for each second word, the
// chain's names with that second word in chain order, and then its
// one-word names, which end the chain: what first skips is only what the
// full walk would skip.
func TestCityChainIndex(t *testing.T) {
	indexed := 0
	for _, head := range cityTable().index {
		if head.bySecond == nil {
			continue
		}
		indexed++
		var chain []*CityName
		for g := head; g != nil; g = g.next {
			chain = append(chain, g)
		}
		for k, g := range head.bySecond {
			var want []*CityName
			for _, c := range chain {
				if len(c.toks) > 0 && c.toks[0] == k {
					want = append(want, c)
				}
			}
			var got []*CityName
			for ; g != nil; g = g.nextSame {
				got = append(got, g)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%s %s: the index walks %d names, the chain has %d", head.folded, k, len(got), len(want))
			}
		}
		var tail []*CityName
		for g := head.single; g != nil; g = g.next {
			if len(g.toks) > 0 {
				t.Fatalf("%s: %q follows a one-word name", head.folded, g.folded)
			}
			tail = append(tail, g)
		}
		n := 0
		for _, c := range chain {
			if len(c.toks) == 0 {
				n++
			}
		}
		if len(tail) != n {
			t.Fatalf("%s: %d one-word names from single, %d in the chain", head.folded, len(tail), n)
		}
	}
	if indexed == 0 {
		t.Fatal("no chain is indexed")
	}
}

// skipPlain, eight bytes at a time, stops where the byte loop it
// replaces stops, from every offset of random texts and the corpus.
func TestSkipPlain(t *testing.T) {
	ref := func(text string, i int) int {
		for i < len(text) && plainByte[text[i]] {
			i++
		}
		return i
	}
	check := func(text string) {
		for i := 0; i <= len(text); i++ {
			if got, want := skipPlain(text, i), ref(text, i); got != want {
				t.Fatalf("skipPlain(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for k := range b {
			switch r.IntN(4) {
			case 0:
				b[k] = byte(r.IntN(256))
			case 1:
				const edges = "@AZ[`az{\x7f\x80\xc0\xc1\xda\xdb\xff"
				b[k] = edges[r.IntN(len(edges))]
			default:
				b[k] = byte('a' + r.IntN(26))
			}
		}
		check(string(b))
	}
	files, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, f := range files[:5] {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		check(string(raw))
	}
}

// findRef is find as it was before mayFollow, reading the token after
// every candidate's first word: the reference for TestFindCitiesSame.
func (t *cities) findRef(dst []CityMatch, text string) []CityMatch {
	var (
		out = dst
		w   window
		buf [64]byte
	)
	for i := 0; i < len(text); {
		// Only a capital or a byte beyond ASCII can start a name: pass
		// over the other bytes, then over the rest of a word they leave
		// us in ("McDonald", "Zürich").
		i = skipPlain(text, i)
		if i == len(text) {
			break
		}
		if i > 0 && wordBefore(text, i) {
			if e := wordEnd(text, i); e > i {
				i = e
				continue
			}
			// a rune that is no word's follows one: "Korea’s"
		}
		c := text[i]
		var tok token
		var g *CityName
		if c < utf8.RuneSelf { // a capital
			e, h := asciiWordHash(text, i, buf[:])
			if e < len(text) && text[e] >= utf8.RuneSelf {
				// the word goes on past ASCII: read it whole
				tok, _ = scan(text, i)
				i = tok.end
				g = t.candidates(tok.s)
			} else {
				start := i
				i = e
				if e-start > len(buf) || !t.keys.mayHave(h) {
					continue
				}
				tok = token{start: start, end: e, s: text[start:e], word: true}
				g = t.index[string(buf[:e-start])]
			}
		} else {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				i += n
				continue
			}
			if !unicode.IsUpper(r) {
				i = wordEnd(text, i+n)
				continue
			}
			tok, _ = scan(text, i)
			i = tok.end
			g = t.candidates(tok.s)
		}
		if g == nil {
			continue
		}
		w.reset(text, tok)
		// The next token, folded if ASCII, turns most longer names away
		// before they match token by token.
		var next []byte
		nextOK := false
		if nt := w.at(1); nt != nil && nt.nl == 0 {
			next, nextOK = lowerASCII(&buf, nt.s)
		}
		if g = g.first(&w, next, nextOK); g != nil && !g.country { // a country wins: "Singapore", "Djibouti"
			end := w.toks[len(g.toks)].end
			if out == nil {
				out = make([]CityMatch, 0, len(text)/200+4) // about a candidate in 250 bytes of a release
			}
			out = append(out, CityMatch{Start: tok.start, End: end, Name: g})
			i = end
		}
	}
	return out
}

// find returns what findRef does on the corpus and on random texts of
// names' words, in any case, on one line or two.
func TestFindCitiesSame(t *testing.T) {
	ct := cityTable()
	check := func(text string) {
		if got, want := ct.find(nil, text), ct.findRef(nil, text); !slices.Equal(got, want) {
			t.Fatalf("find(%q) = %v, want %v", text, got, want)
		}
	}
	files, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		check(string(raw))
	}
	words := []string{"New", "York", "NEW", "YORK", "new", "Delhi", "San", "José", "Jose", "SAN", "The", "Hague", "Valley",
		"Al", "Ain", "Santa", "Cruz", "de", "la", "Sierra", "Nice", "Paris", "Saint", "St", ".", "Petersburg", "Kuala",
		"Lumpur", "N", "'", "`", "’", "Djamena", "Addis", "Ababa", "Abu", "Dhabi", "Male", "Malé", "Zürich", "Kuwait",
		"City", "Singapore", "Jackson", "-", ",", "x", "1st"}
	seps := []string{" ", " ", " ", "  ", "\n", "\t", "\u2028", "\u00a0", "", "\r"}
	r := rand.New(rand.NewPCG(17, 18))
	for range 30000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteString(seps[r.IntN(len(seps))])
		}
		check(b.String())
	}
}
