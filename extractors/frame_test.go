package extractors

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"communique/gazetteer"
	"communique/gen"
	"communique/normalize"
)

// TestSettlePersons checks the country the frame settles for persons whose
// title states none.
func TestSettlePersons(t *testing.T) {
	tests := []struct {
		name, pub, body, person, want string
	}{
		{"a visitor is foreign (Jordan)", "Ministry of Foreign Affairs and Expatriates, Jordan",
			"The visit to Jordan by Secretary Lars Holm follows talks in Oslo last year. Norway's support for refugees and Norway's aid to schools were discussed.",
			"Lars Holm", "NOR"},
		{"a visitor is foreign (Ghana)", "Ministry of Foreign Affairs and Regional Integration, Ghana",
			"Minister Ana Costa, dear Ana, welcome to Accra. Portugal's investment and Portugal's schools were discussed.",
			"Ana Costa", "PRT"},
		{"met where the sentence opens (Norway in Ghana)", "Norwegian Ministry of Foreign Affairs, Norway",
			"In Accra, the State Secretary held talks with Foreign Minister Ama Boateng.",
			"Ama Boateng", "GHA"},
		{"met where the sentence opens (Australia in Vietnam)", "Department of Foreign Affairs and Trade, Australia",
			"While in Hanoi, the Minister called on Deputy Prime Minister Tran Van Binh.",
			"Tran Van Binh", "VNM"},
		{"met where the paragraph opens (Chile in Peru)", "Ministry of Foreign Affairs of Chile",
			"In Lima, the Minister met President Ana Torres on Monday. She also held talks with Foreign Minister Luis Vega.",
			"Luis Vega", "PER"},
		{"the host where the trip goes on (Mexico)", "Secretaría de Relaciones Exteriores, Mexico",
			"The Secretary will continue on to Peru, where Foreign Minister Luis Vega will receive him.",
			"Luis Vega", "PER"},
		{"met on a trip to one country (Norway)", "Norwegian Ministry of Foreign Affairs, Norway",
			"Foreign Minister Kari Lie is on an official visit to Ghana. Today she paid a courtesy call on President John Mensah.",
			"John Mensah", "GHA"},
		{"the host of a foreign visitor (Finland)", "Ministry for Foreign Affairs of Finland",
			"The programme of the state visit to Finland by the President of Estonia, Mari Kask, opened with a meeting with President Ville Niemi.",
			"Ville Niemi", "FIN"},
		{"the one who held a meeting with the speaker is met (Korea in Kenya)", "Ministry of Foreign Affairs, Republic of Korea",
			"Foreign Minister Park Ji-won: Good evening. I am on a visit to Kenya. Today, Cabinet Secretary Wanjiku Njoroge and I held a meeting on trade. Cabinet Secretary Njoroge will host a dinner.",
			"Wanjiku Njoroge", "KEN"},
		{"the host of a postponed meeting, told later without a place (Finland)", "Office of the President of the Republic of Finland",
			"President of Estonia Mari Kask will not hold her meeting with President of the Republic Ville Niemi on Thursday: it has been postponed. President Niemi spoke with the President of Latvia at the forum.",
			"Ville Niemi", "FIN"},
		{"an envoy sent to a country is the publisher's (Bangladesh)", "Ministry of Foreign Affairs, Bangladesh",
			"Foreign Minister Hasan Mahmud met Ambassador-designate to Japan Rina Akter in Dhaka. He said Japan's support for Bangladesh's ports matters.",
			"Rina Akter", "BGD"},
		{"an envoy sent to a country is the publisher's (Ghana)", "Ministry of Foreign Affairs and Regional Integration, Ghana",
			"In a separate meeting with High Commissioner to Canada Kwesi Owusu, the Minister spoke of trade with Canada.",
			"Kwesi Owusu", "GHA"},
		{"a companion of the traveller is of the delegation (Fiji)", "Ministry of Foreign Affairs, Fiji",
			"Prime Minister Sitiveni Rabuka, together with Assistant Minister Ana Tuivaga, travelled to Samoa and Tonga, where he met Prime Minister Fiame Naomi.",
			"Ana Tuivaga", "FJI"},
		{"a companion of the traveller is of the delegation (Sweden)", "Government Offices of Sweden",
			"Minister for Foreign Affairs Lars Berg, accompanied by State Secretary Eva Lind, visited Kenya and Tanzania on 4 March.",
			"Eva Lind", "SWE"},
		{"companions listed with styles and post-nominals (Australia)", "Department of Foreign Affairs and Trade, Australia",
			"From 4-6 March the Prime Minister, the Hon. Mark Ellis MP, together with Assistant Minister for Trade the Hon. Jo Reid MP and Parliamentary Secretary for the Pacific the Hon. Sam Park MP, travelled to Fiji and Tonga.",
			"Sam Park", "AUS"},
		{"the traveller in a place where others are met stays home (Fiji)", "Ministry of Foreign Affairs, Fiji",
			"Prime Minister Sitiveni Rabuka travelled to Samoa on 4 March. The visit opened with talks in Apia, where Prime Minister Rabuka met Prime Minister Fiame Naomi.",
			"Sitiveni Rabuka", "FJI"},
		{"the host met in the programme of a visit is not its visitor (Chile)", "Ministry of Foreign Affairs of Chile",
			"The programme of the President of Uruguay's visit to Chile opened with a bilateral meeting with President Ana Rojas.",
			"Ana Rojas", "CHL"},
		{"the host met in the programme of a visit is not its visitor (Ghana)", "Ministry of Foreign Affairs and Regional Integration, Ghana",
			"The state visit to Ghana by the President of Togo began with talks with President John Mensah at Jubilee House.",
			"John Mensah", "GHA"},
		{"officials meeting between themselves stay home (Peru)", "Ministry of Foreign Affairs of Peru",
			"The Minister recalled the meeting between President Ana Torres and Prime Minister Juan Paz on trade with Chile.",
			"Juan Paz", "PER"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(fmt.Sprintf(dated, tt.pub, "Press release", tt.body))
			BuildFrame(d)
			got, found := "", false
			for _, m := range d.Mentions {
				if m.Kind == KindPerson && m.Value == tt.person {
					got, found = m.Country, true
				}
			}
			if !found {
				t.Fatalf("no person %q", tt.person)
			}
			if got != tt.want {
				t.Errorf("%s: country %q, want %q", tt.person, got, tt.want)
			}
		})
	}
}

// areaDocs prepares n generated documents as a run has them when the
// publisher is decided (dates and countries found) and when the frame is
// built (every mention found and sorted).
func areaDocs(b testing.TB, n int) (atHome, atFrame []Doc) {
	b.Helper()
	s := Default()
	for i := range n {
		name, raw := gen.Document(1, i)
		res, err := normalize.Document(raw, name, normalize.Options{})
		if err != nil {
			b.Fatal(err)
		}
		d := Doc{ID: name, Text: res.Text}
		d.Meta = ReadMeta(d.Text)
		d.Sentences = Sentences(d.Text)
		d.splitSentenceWords()
		for _, x := range s.Entities {
			d.Mentions = append(d.Mentions, x.Extract(&d)...)
			if _, ok := x.(Countries); ok {
				h := d
				h.Mentions = slices.Clone(d.Mentions)
				atHome = append(atHome, h)
				settleHome(&d)
			}
		}
		sortMentions(d.Mentions)
		atFrame = append(atFrame, d)
	}
	return atHome, atFrame
}

// BenchmarkFrameArea times what a run pays after the entity extractors
// for the publisher, the frame and the event extractors, one document per
// op: decideHome, BuildFrame and Stack.events.
func BenchmarkFrameArea(b *testing.B) {
	atHome, atFrame := areaDocs(b, 200)
	s := Default()
	b.ReportAllocs()
	i := 0
	t0 := userTime(b)
	for b.Loop() {
		k := i % len(atFrame)
		i++
		frameAreaOp(s, atHome[k], atFrame[k])
	}
	// the machine is shared: the process's own CPU time varies less
	// than the wall clock
	b.ReportMetric(float64((userTime(b)-t0).Nanoseconds())/float64(i), "user-ns/op")
}

// BenchmarkBuildFrame times BuildFrame alone on generated documents, one
// document per op.
func BenchmarkBuildFrame(b *testing.B) {
	_, docs := areaDocs(b, 200)
	b.ReportAllocs()
	i := 0
	t0 := userTime(b)
	for b.Loop() {
		d := docs[i%len(docs)]
		i++
		d.Mentions = slices.Clone(d.Mentions) // settlePersons writes them
		BuildFrame(&d)
	}
	b.ReportMetric(float64((userTime(b)-t0).Nanoseconds())/float64(i), "user-ns/op")
}

func userTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano())
}

// frameAreaOp is one op of BenchmarkFrameArea, a function of its own
// for profilers that count what one function runs.
//
//go:noinline
func frameAreaOp(s Stack, h, d Doc) {
	decideHome(&h)
	d.Mentions = slices.Clone(d.Mentions)
	s.events(&d, BuildFrame(&d))
}

// TestEach checks each against in, which copies the mentions, on the
// frames of generated documents and random spans.
func TestEach(t *testing.T) {
	_, docs := areaDocs(t, 30)
	rng := rand.New(rand.NewPCG(1, 2))
	kinds := []Kind{KindPerson, KindCountry, KindPlace, KindDate, KindOrganization, KindGathering}
	for _, d := range docs {
		d.Mentions = slices.Clone(d.Mentions)
		c := BuildFrame(&d)
		for range 300 {
			a := rng.IntN(len(d.Text) + 1)
			b := a + rng.IntN(len(d.Text)+1-a)
			s := Span{a, b}
			for _, k := range kinds {
				if got, want := slices.Collect(c.each(k, s)), c.in(k, s); !slices.Equal(got, want) {
					t.Fatalf("%s %v %s: each gives %d mentions, in %d", d.ID, s, k, len(got), len(want))
				}
			}
		}
	}
}

// withinSearch is within as it was, a binary search of all of starts.
func withinSearch(c *Frame, s Span) []Mention {
	lo, _ := slices.BinarySearch(c.starts, s.Start)
	if lo == len(c.starts) || c.starts[lo] >= s.End {
		return c.byStart[lo:lo]
	}
	hi, _ := slices.BinarySearch(c.starts[lo:], s.End)
	return c.byStart[lo : lo+hi]
}

// TestWithin checks within, which reads startsAt, against withinSearch
// on the frames of generated documents, with spans of every length,
// some reaching outside the text, and on random mentions.
func TestWithin(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	check := func(c *Frame, s Span) {
		t.Helper()
		got, want := c.within(s), withinSearch(c, s)
		if len(got) != len(want) || len(got) > 0 && &got[0] != &want[0] {
			t.Fatalf("%s: within%v gives %d mentions, the search %d", c.d.ID, s, len(got), len(want))
		}
	}
	_, docs := areaDocs(t, 30)
	for _, d := range docs {
		d.Mentions = slices.Clone(d.Mentions)
		c := BuildFrame(&d)
		for range 2000 {
			a := rng.IntN(len(d.Text)+140) - 70
			check(c, Span{a, a + rng.IntN(1<<rng.IntN(14))})
		}
		for _, m := range c.byStart {
			check(c, m.Span)
			check(c, Span{m.Span.Start + 1, m.Span.End + 1})
			check(c, Span{m.Span.Start - 1, m.Span.Start})
		}
	}
	// dense and sparse mentions, many at one offset
	for range 200 {
		d := &Doc{ID: "random", Text: strings.Repeat("x", rng.IntN(600))}
		for range rng.IntN(80) {
			a := rng.IntN(len(d.Text) + 1)
			d.Mentions = append(d.Mentions, Mention{Kind: KindPerson, Span: Span{a, a + rng.IntN(len(d.Text)+1-a)}})
		}
		c := &Frame{d: d}
		c.setMentions()
		for range 500 {
			a := rng.IntN(len(d.Text)+140) - 70
			check(c, Span{a, a + rng.IntN(1<<rng.IntN(11))})
		}
	}
}

// randomText returns a short string of letters, spaces and the bytes the
// rules look for, with runes that lower-case to ASCII or change length.
func randomText(rng *rand.Rand, n int) string {
	const alphabet = "aAbBeEkKoOfFrRdDsSyYtT :.,…İKſÀé\t"
	rs := []rune(alphabet)
	var sb strings.Builder
	for range rng.IntN(n) {
		sb.WriteRune(rs[rng.IntN(len(rs))])
	}
	return sb.String()
}

// TestFormOf checks formOf against the expression it replaces, on every
// country name and random names.
func TestFormOf(t *testing.T) {
	old := func(n, f string) bool { return strings.HasPrefix(strings.ToLower(n), f+" of ") }
	rng := rand.New(rand.NewPCG(5, 6))
	var names []string
	for _, c := range gazetteer.Countries() {
		names = append(names, c.Names...)
	}
	for range 3000 {
		f := stateForms[rng.IntN(len(stateForms))]
		n := randomText(rng, 8)
		if rng.IntN(2) == 0 {
			n = strings.ToUpper(f[:1]) + f[1:] + n
		}
		names = append(names, n, "İ"+n, strings.ToUpper(n))
	}
	hits := 0
	for _, n := range names {
		for _, f := range stateForms {
			if got, want := formOf(n, f), old(n, f); got != want {
				t.Fatalf("formOf(%q, %q) = %v, want %v", n, f, got, want)
			} else if got {
				hits++
			}
		}
	}
	if hits == 0 {
		t.Fatal("no name holds a form of state")
	}
}

// TestFurnitureHead checks furnitureHead against the lower-casing it
// replaces, on the heads, the corpus lines and random lines.
func TestFurnitureHead(t *testing.T) {
	old := func(line string) bool {
		line = strings.TrimRight(strings.ToLower(line), " :.…")
		return len(line) <= 40 && furnitureHeads[line]
	}
	var lines []string
	for h := range furnitureHeads {
		lines = append(lines, h, strings.ToUpper(h)+":", h+" …", "İ"+h, h+"ſ")
	}
	_, docs := areaDocs(t, 30)
	for _, d := range docs {
		for l := range lineSpans(d.Text) {
			lines = append(lines, strings.TrimSpace(d.Text[l.Start:l.End]))
		}
	}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 5000 {
		lines = append(lines, randomText(rng, 50))
	}
	hits := 0
	for _, l := range lines {
		if got, want := furnitureHead(l), old(l); got != want {
			t.Fatalf("furnitureHead(%q) = %v, want %v", l, got, want)
		} else if got {
			hits++
		}
	}
	if hits == 0 {
		t.Fatal("no line is a head")
	}
}

// sortedByIndex is sortedByStart as it was: a stable sort of all of them.
func sortedByIndex(ms []Mention) []Mention {
	out := slices.Clone(ms)
	slices.SortStableFunc(out, func(a, b Mention) int { return a.Span.Start - b.Span.Start })
	return out
}

// TestSortedByStart checks the merge of sorted runs against a stable sort,
// on one, two and more runs with ties, and on the mentions of generated
// documents as the publisher's vote sees them.
func TestSortedByStart(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	run := func(n, k int) []Mention {
		var ms []Mention
		for range n {
			a := rng.IntN(40)
			ms = append(ms, Mention{Kind: KindPerson, Span: Span{a, a + 1}, Text: fmt.Sprint(k, len(ms))})
		}
		slices.SortStableFunc(ms, func(a, b Mention) int { return a.Span.Start - b.Span.Start })
		return ms
	}
	for range 2000 {
		var ms []Mention
		for k := range 1 + rng.IntN(3) {
			ms = append(ms, run(rng.IntN(12), k)...)
		}
		if got, want := sortedByStart(ms), sortedByIndex(ms); !slices.Equal(got, want) {
			t.Fatalf("sortedByStart(%v) = %v, want %v", ms, got, want)
		}
	}
	atHome, _ := areaDocs(t, 30)
	for _, d := range atHome {
		if got, want := sortedByStart(d.Mentions), sortedByIndex(d.Mentions); !slices.Equal(got, want) {
			t.Fatalf("%s: the mentions sort otherwise", d.ID)
		}
	}
}

// homeFormsIndex is homeForms' search for the forms as it was: each form
// "the Kingdom" sought whole.
func homeFormsIndex(text string, forms []string, home string) []Mention {
	var add []Mention
	for _, f := range forms {
		for i := 0; ; {
			k := strings.Index(text[i:], f)
			if k < 0 {
				break
			}
			s := i + k + len("the ")
			e := i + k + len(f)
			i = e
			if e < len(text) && (isWordByte(text[e]) || strings.HasPrefix(text[e:], " of ")) {
				continue
			}
			add = append(add, Mention{Kind: KindCountry, Span: Span{s, e}, Text: text[s:e], Value: home})
		}
	}
	return add
}

// TestHomeForms checks the mentions homeForms adds for the forms of state
// against homeFormsIndex, on generated documents and random texts, for
// publishers with forms.
func TestHomeForms(t *testing.T) {
	_, docs := areaDocs(t, 30)
	var texts []string
	for _, d := range docs {
		texts = append(texts, d.Text)
	}
	rng := rand.New(rand.NewPCG(11, 12))
	words := []string{"the ", "The ", "Kingdom", "Grand Duchy", "Duchy", "Republic", " of ", "s", "the Kingdom of", "\n", ",", "x"}
	for range 3000 {
		var sb strings.Builder
		for range rng.IntN(12) {
			sb.WriteString(words[rng.IntN(len(words))])
		}
		texts = append(texts, sb.String())
	}
	found := 0
	for _, home := range []string{"SAU", "LUX", "KOR", "OMN", "BEL"} {
		var forms []string
		c, _ := gazetteer.ByISO3(home)
		for _, n := range c.Names {
			for _, f := range stateForms {
				if formOf(n, f) {
					forms = append(forms, "the "+titleCaseWords(f))
				}
			}
		}
		if len(forms) == 0 {
			t.Fatalf("%s: no form of state", home)
		}
		for _, text := range texts {
			d := &Doc{Text: text}
			homeForms(d, home)
			var got []Mention
			for _, m := range d.Mentions {
				if !strings.HasSuffix(text[:m.Span.Start], " in the ") || !strings.HasPrefix(text[m.Span.Start:], "country") {
					got = append(got, m)
				}
			}
			want := homeFormsIndex(text, forms, home)
			sortMentions(want)
			if !slices.Equal(got, want) {
				t.Fatalf("%s %q: homeForms adds %v, want %v", home, text, got, want)
			}
			found += len(want)
		}
	}
	if found == 0 {
		t.Fatal("no form found")
	}
}

// TestSentenceMay checks that sentenceMay turns away no sentence where a
// phrase set finds a phrase, for every set, on generated documents, with
// the sentences' words split ahead and on demand.
func TestSentenceMay(t *testing.T) {
	_, docs := areaDocs(t, 30)
	found, skipped := 0, 0
	for k, d := range docs {
		d.Mentions = slices.Clone(d.Mentions)
		if k%2 == 1 {
			d.sentWords = nil // a Doc built by hand
		}
		c := BuildFrame(&d)
		for i, sp := range d.Sentences {
			ws := lowerWords(d.Text[sp.Start:sp.End])
			for _, p := range allPhrases {
				_, _, ok := p.find(ws)
				switch may := c.sentenceMay(i, p); {
				case ok && !may:
					t.Fatalf("%s sentence %d: sentenceMay is false, the set finds a phrase", d.ID, i)
				case ok:
					found++
				case !may:
					skipped++
				}
			}
		}
	}
	if found == 0 || skipped == 0 {
		t.Fatalf("%d sentences with a phrase, %d skipped", found, skipped)
	}
}

// The pairs Frame.findIn returns, cut from one buffer, stay what the
// package's findIn finds while later ones are cut.
func TestFrameFindIn(t *testing.T) {
	_, docs := areaDocs(t, 40)
	found := 0
	for _, d := range docs {
		d.Mentions = slices.Clone(d.Mentions)
		c := BuildFrame(&d)
		var texts []string
		var got [][]int
		for _, p := range []*phrases{travelPh, meetPh, incomingPh} {
			for _, sp := range d.Sentences {
				text := d.Text[sp.Start:sp.End]
				texts = append(texts, text)
				got = append(got, c.findIn(p, text))
			}
		}
		for k, text := range texts {
			p := []*phrases{travelPh, meetPh, incomingPh}[k/len(d.Sentences)]
			if want := findIn(p, text); !slices.Equal(got[k], want) {
				t.Fatalf("%s: findIn(%q) = %v, want %v", d.ID, text, got[k], want)
			}
			if got[k] != nil {
				found++
			}
		}
	}
	if found < 20 {
		t.Fatalf("only %d phrases found: the test compares little", found)
	}
}

// itineraryLinesRef is itineraryLines as it was, reading every line.
func itineraryLinesRef(c *Frame) []Leg {
	var out []Leg
	for l := range lineSpans(c.d.Text) {
		if it, ok := itineraryLine(c, l.Start, l.End); ok {
			out = append(out, it)
		}
	}
	return out
}

// itineraryLines, which passes over the lines no mention starts on,
// finds the legs itineraryLinesRef finds, on generated documents and on
// documents of random itinerary lines.
func TestItineraryLines(t *testing.T) {
	_, docs := areaDocs(t, 100)
	lines := []string{"", "Ghana (1-4 March 2024)", "1-4 Mar 2024\tGhana\tAccra: talks", "Senegal\t5-9 Mar 2024\tDakar",
		"• Monday, 2 June – Santiago: political consultations", "• Tuesday, 3 June and Wednesday, 4 June – Buenos Aires: talks",
		"The Minister visited Chile on 2 June.", "Japan, 12 June 2024", " - Peru, Lima (3 June)", "\t", "Programme:",
		"o Brazil: 5 June", "Brasília, Brazil (6-7 June 2024)"}
	r := rand.New(rand.NewPCG(9, 10))
	for range 300 {
		var b strings.Builder
		b.WriteString("Minister of Foreign Affairs of Canada\n\nThe Minister travels to South America.\n")
		for range r.IntN(10) {
			b.WriteString(lines[r.IntN(len(lines))])
			b.WriteByte('\n')
		}
		docs = append(docs, *analyze(b.String()))
	}
	legs := 0
	for _, d := range docs {
		d.Mentions = slices.Clone(d.Mentions)
		c := BuildFrame(&d)
		got, want := itineraryLines(c), itineraryLinesRef(c)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: itineraryLines = %v, want %v", d.ID, got, want)
		}
		legs += len(want)
	}
	if legs < 50 {
		t.Fatalf("only %d legs found: the test compares little", legs)
	}
}

// principalRef is principal as it was: the candidates sorted, stably,
// and the first taken.
func principalRef(d *Doc, home string, ix *textIndex) Person {
	type cand struct {
		m     Mention
		n     int
		first int
	}
	byName := map[string]*cand{}
	var order []string
	for _, m := range d.Mentions {
		if m.Kind != KindPerson || (m.Country != "" && m.Country != home) {
			continue
		}
		if ix.inParens(m.Span.Start) {
			continue
		}
		key := m.Value
		if key == "" {
			key = m.Text
		}
		c, ok := byName[key]
		if !ok {
			c = &cand{m: m, first: m.Span.Start}
			byName[key] = c
			order = append(order, key)
		}
		c.n++
		if c.m.Title == "" && m.Title != "" {
			c.m = m
		}
	}
	if len(order) == 0 {
		return Person{}
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := byName[order[i]], byName[order[j]]
		if a.n != b.n {
			return a.n > b.n
		}
		if rankOrder[a.m.Rank] != rankOrder[b.m.Rank] {
			return rankOrder[a.m.Rank] > rankOrder[b.m.Rank]
		}
		return a.first < b.first
	})
	p := personOf(byName[order[0]].m)
	if p.Country == "" {
		p.Country = home
	}
	return p
}

// principal, which picks the best candidate in one pass, picks the one
// principalRef sorts first, on generated documents and on random person
// mentions: ties of count, of rank, several at one offset.
func TestPrincipal(t *testing.T) {
	_, docs := areaDocs(t, 100)
	for _, d := range docs {
		ix := newTextIndex(d.Text)
		if got, want := principal(&d, d.Home, ix), principalRef(&d, d.Home, ix); got != want {
			t.Fatalf("%s: principal = %+v, want %+v", d.ID, got, want)
		}
	}
	r := rand.New(rand.NewPCG(11, 12))
	names := []string{"", "A", "B", "C", "D"}
	ranks := []Rank{"", HeadOfState, Minister, MinisterOfState, Ambassador, Royal}
	countries := []string{"", "CAN", "FRA"}
	text := strings.Repeat("x (y) ", 40)
	for range 20000 {
		d := Doc{Text: text}
		off := 0
		for range r.IntN(9) {
			off += r.IntN(3) * 5
			d.Mentions = append(d.Mentions, Mention{Kind: KindPerson, Span: Span{off, off + 3}, Text: names[1+r.IntN(4)],
				Value: names[r.IntN(5)], Title: []string{"", "Minister"}[r.IntN(2)], Rank: ranks[r.IntN(len(ranks))],
				Country: countries[r.IntN(3)]})
		}
		ix := newTextIndex(text)
		if got, want := principal(&d, "CAN", ix), principalRef(&d, "CAN", ix); got != want {
			t.Fatalf("principal(%+v) = %+v, want %+v", d.Mentions, got, want)
		}
	}
}

// hasRef is Frame.has as it was: every mention starting in s.
func hasRef(c *Frame, s Span, kinds ...Kind) bool {
	for _, m := range c.within(s) {
		for _, k := range kinds {
			if m.Kind == k {
				return true
			}
		}
	}
	return false
}

// TestFrameHasSame compares has with the reference on random spans, long
// and short, of regression releases run together.
func TestFrameHasSame(t *testing.T) {
	docs := regressionCorpus(t)
	r := rand.New(rand.NewPCG(5, 6))
	kinds := []Kind{KindPerson, KindCountry, KindOrganization, KindDate, KindPlace, KindGathering}
	long := 0
	for n := 0; n < 6; n++ {
		var b strings.Builder
		for b.Len() < 60000 {
			b.WriteString(docs[r.IntN(len(docs))].text)
			b.WriteString("\n")
		}
		d := &Doc{Text: b.String()}
		Default().Mentions(d)
		c := BuildFrame(d)
		for range 3000 {
			s := r.IntN(len(d.Text))
			sp := Span{s, s + r.IntN(1<<uint(r.IntN(15)))}
			if m := c.byStart[r.IntN(len(c.byStart))]; r.IntN(2) == 0 {
				// ending or starting right at a mention
				sp = Span{max(0, m.Span.Start-r.IntN(20000)), m.Span.Start}
				if r.IntN(2) == 0 {
					sp = Span{m.Span.Start, m.Span.Start + r.IntN(20000)}
				}
			}
			ks := []Kind{kinds[r.IntN(len(kinds))], kinds[r.IntN(len(kinds))]}[:1+r.IntN(2)]
			if len(c.within(sp)) > 64 {
				long++
			}
			if got, want := c.has(sp, ks...), hasRef(c, sp, ks...); got != want {
				t.Fatalf("has(%v, %v) = %v, want %v", sp, ks, got, want)
			}
		}
	}
	if long < 1000 {
		t.Fatalf("only %d spans long enough for the index", long)
	}
	// one person after many countries: a span that ends at its start holds
	// none, one a byte longer holds it
	d := &Doc{Text: strings.Repeat("Italy, Sweden and Kenya. ", 40) + "Foreign Minister Anna Berg of Sweden spoke."}
	Default().Mentions(d)
	c := BuildFrame(d)
	at := -1
	for _, m := range c.byStart {
		if m.Kind == KindPerson {
			at = m.Span.Start
			break
		}
	}
	if at < 0 || len(c.within(Span{0, at})) <= 64 {
		t.Fatalf("no person after the countries in %q (at %d)", d.Text, at)
	}
	for _, sp := range []Span{{0, at}, {0, at + 1}, {at, at + 1}, {at + 1, len(d.Text)}} {
		if got, want := c.has(sp, KindPerson), hasRef(c, sp, KindPerson); got != want {
			t.Errorf("has(%v, person) = %v, want %v", sp, got, want)
		}
	}
}
