package extractors

import (
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"communique/gazetteer"
)

func TestHomeCountry(t *testing.T) {
	tests := []struct {
		name, pub, text, want string
	}{
		{
			name: "publisher line decides",
			pub:  "Ministry of Foreign Affairs of Japan",
			text: "Foreign Minister Kamikawa met Secretary of State Blinken in Washington. The United States and Australia were discussed.",
			want: "JPN",
		},
		{
			name: "own country named first in pairs, foreign officials discounted",
			text: "Foreign Secretary visits Germany\n\nForeign Secretary David Lammy met German Foreign Minister Annalena Baerbock in Berlin. He said: \"The UK and Germany are close partners.\"",
			want: "GBR",
		},
		{
			name: "dateline",
			text: "Secretary Manalo meets Chinese Foreign Minister\n\nMANILA, 12 June 2024 - Secretary of Foreign Affairs Enrique A. Manalo held a bilateral meeting with Chinese Foreign Minister Wang Yi. Foreign Minister Wang said China is ready to manage differences.",
			want: "PHL",
		},
		{
			name: "possessive and government",
			text: "Korea's e-government ranked first. In response to the request by Greece and Romania, the Korean government sent the delegation to Greece and Romania. The delegation visited Romania.",
			want: "KOR",
		},
		{
			name: "destinations are discounted",
			text: "His Highness Sheikh Abdullah bin Zayed Al Nahyan received the French Minister for Europe. The UAE and France discussed relations. The minister later travelled to France and visited France again.",
			want: "ARE",
		},
		{
			name: "an issuer line at the foot",
			text: "Minister receives envoys\n\nThe Minister received the ambassadors of Chile and Peru. Chile's support for the bid, Chile's offer of training and Peru's loan were welcomed.\n\nMinistry of Foreign Affairs and Regional Integration, Ghana\nAccra",
			want: "GHA",
		},
		{
			name: "an issuer line at the head, under the site name",
			text: "News\nMinistry of Foreign Affairs of the Republic of Croatia\n\nState Secretary meets Slovenian counterpart\n\nThe State Secretary held talks with the Slovenian State Secretary in Ljubljana. Slovenia's presidency of the forum, Slovenia's plans and Austria's bid were discussed.",
			want: "HRV",
		},
		{
			name: "an issuer line whose country follows a dash (Paraguay)",
			text: "Ministry of Foreign Affairs - Republic of Paraguay\nHome / News\n\nMinister meets Bolivian counterpart\n\nThe Minister met the Foreign Minister of Bolivia. Bolivia's ports, Bolivia's gas and Bolivia's roads were discussed.",
			want: "PRY",
		},
		{
			name: "an issuer line whose country follows a dash (Mongolia)",
			text: "Ministry of Foreign Affairs – Mongolia\n\nState Secretary visits Kazakhstan\n\nThe State Secretary held talks in Astana. Kazakhstan's proposals, Kazakhstan's railways and Kazakhstan's grain were discussed.",
			want: "MNG",
		},
		{
			name: "a source line",
			text: "Minister attends ministerial in Brussels\n\nThe Minister took part in the meeting. Belgium's proposal, Belgium's budget and France's reply were discussed.\n\nSource: Ministry of Foreign Affairs of the Republic of Estonia",
			want: "EST",
		},
		{
			name: "a government address decides",
			text: "Talks with Norway and Denmark\n\nThe Minister met the Foreign Ministers of Norway and Denmark.\n\nFor enquiries: press@mfa.gov.is",
			want: "ISL",
		},
		{
			name: "a dateline in capitals",
			text: "Prime Minister to visit Vietnam\n\nKUALA LUMPUR: Prime Minister Datuk Seri Ahmad will visit Vietnam and Cambodia next week, where he will meet Vietnamese leaders.\n\nThe visit to Vietnam is the first since 2019.",
			want: "MYS",
		},
		{
			name: "a country that acts is the publisher's",
			text: "Statement on the elections in Bolivia\n\nUruguay welcomes the peaceful conduct of the elections in Bolivia. Uruguay calls on all Bolivian parties to respect the results.",
			want: "URY",
		},
		{
			name: "partners named after with, a list taking its first member's relation",
			text: "Joint statement with Kenya, Uganda and Tanzania\n\nToday Rwanda signed a joint statement with Kenya, Uganda and Tanzania on regional trade.",
			want: "RWA",
		},
		{
			name: "a trip told in the first person is abroad",
			text: "Remarks by the Foreign Minister\n\nGood evening. I am on a visit to Argentina, a close partner. Argentina's ports and Argentina's farms are strong. Chile and Argentina share a long border.",
			want: "CHL",
		},
		{
			name: "a foreign official who came to a country is its guest",
			text: "Minister receives visitor\n\nThe Foreign Minister of Ecuador, Maria Perez, who has come to Panama for talks, met the Minister. Ecuador's exports were discussed.",
			want: "PAN",
		},
		{
			name: "a story set abroad",
			text: "Minister completes tour\n\nIn Ghana, the Minister held talks on trade. In Togo, she met the President.\n\nNorway's support for the region was recalled.",
			want: "NOR",
		},
		{name: "no country at all", text: "The minister met the mayor.", want: ""},
		{name: "empty", text: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := personsDoc(tt.text, tt.pub)
			if got := HomeCountry(d); got != tt.want {
				t.Errorf("HomeCountry = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHomeCountrySeeds: every seed is a release of the Korean Ministry of
// the Interior and Safety.
func TestHomeCountrySeeds(t *testing.T) {
	files, _ := filepath.Glob("../../shared/corpus/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("no seeds at ../../shared/corpus/seeds")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := personsDoc(personsNormalize(string(b)), "")
		if got := HomeCountry(d); got != "KOR" {
			t.Errorf("%s: HomeCountry = %q, want KOR", filepath.Base(f), got)
		}
	}
}

func TestDecideHomeEvidence(t *testing.T) {
	tests := []struct {
		name, text, want string
		by               []string // the evidence that may decide it
		chrome           string   // labels normalization dropped as chrome
	}{
		{"a foot line naming a body and its country",
			"Minister receives envoys\n\nThe Minister received the ambassadors of Chile and Peru.\n\nMinistry of Foreign Affairs and Regional Integration, Ghana\nAccra",
			"GHA", []string{HomeByPublisher, HomeByIssuer}, ""},
		{"a head line under the site name",
			"News\nOffice of the President of the Republic of Botswana\n\nPresident receives Zambian envoy\n\nThe President received the High Commissioner of Zambia.",
			"BWA", []string{HomeByPublisher, HomeByIssuer}, ""},
		{"a source cue mid-line",
			"date 2022-05-04 Source: Republic of Slovenia\n\nThe State Secretary travelled to Croatia for talks.",
			"SVN", []string{HomeByPublisher, HomeByIssuer}, ""}, // ReadMeta reads the mid-line source as the publisher
		{"on behalf of, up to a separator",
			"Remarks to the press\n\nThe Secretary spoke to reporters in Rome.\n\nThis message was sent on behalf of: Foreign Ministry of Israel · 9 Yitzhak Rabin Blvd",
			"ISR", []string{HomeByIssuer}, ""},
		{"a government e-mail",
			"Talks with Norway\n\nThe Minister met the Foreign Minister of Norway.\n\nFor enquiries: press@mfa.gov.is",
			"ISL", []string{HomeByDomain}, ""},
		{"a headline is not an issuer line",
			"Ministry of Foreign Affairs of Japan\n\nMinister meets Kenyan counterpart\n\nThe Minister held talks with his Kenyan counterpart in Nairobi. Kenya's growth was discussed.",
			"JPN", []string{HomeByPublisher, HomeByIssuer}, ""},
		{"the page's labels in the publisher's script (Laos)",
			"Minister visits Japan and Korea\n\nThe Minister met the Foreign Minister of Japan in Tokyo and the Foreign Minister of Korea in Seoul. Japan's support and Korea's grants were welcomed.",
			"LAO", []string{HomeByScript}, "ວັນທີ ເບິ່ງ"},
		{"the page's labels in the publisher's script (Georgia)",
			"Minister in Kyiv\n\nThe Minister held talks with the Foreign Minister of Ukraine. Ukraine's reforms were discussed.",
			"GEO", []string{HomeByScript}, "მთავარი სიახლეები"},
		{"a sentence in the foot is not a body's name",
			"Envoys meet\n\nThe ambassadors met.\n\nThe Ministry of Foreign Affairs of Peru thanked the Government of Chile for its support.",
			"CHL", []string{HomeByMentions}, ""}, // a vote, not an issuer line
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := personsDoc(tt.text, "")
			d.Chrome = tt.chrome
			iso, by := decideHome(d)
			if iso != tt.want || !slices.Contains(tt.by, by) {
				t.Errorf("decideHome = %q by %q, want %q by %q", iso, by, tt.want, tt.by)
			}
		})
	}
}

// hostDot is the test domainCountry had: any of the suffix starts.
func TestHostDot(t *testing.T) {
	for _, s := range []string{"", ".", "x.", "mfa.gov.lv", "www.go.jp", "canada.gc.ca", "x.admin.ch", "auswaertiges-amt.bund.de",
		"STATE.GOV", "a.go", "no dots here", "end.", "a.Gov", "a. gov", "a.admin", "..go"} {
		want := strings.Contains(s, ".gov") || strings.Contains(s, ".go") || strings.Contains(s, ".gc.") ||
			strings.Contains(s, ".admin.") || strings.Contains(s, ".bund.") || strings.Contains(s, ".GOV")
		if got := hostDot(s); got != want {
			t.Errorf("hostDot(%q) = %v, want %v", s, got, want)
		}
	}
}

// ownScript counts the letters that ranging over the text's runes does,
// invalid bytes included.
func TestOwnScriptBytes(t *testing.T) {
	parts := []string{"a", "é", "วันที่", "ქართ", "한국", "\xe0", "\xd6", "\xd6\x90", "\xe0\xb8", "ש", " ", "\xff", "ж",
		"’", "…", "\u206f", "\u2070", "twelve ascii", "\xe2\x80"}
	for n := range 5000 {
		var b strings.Builder
		for k := range n % 23 {
			b.WriteString(parts[(n*5+k*3+k*k)%len(parts)])
		}
		s := b.String()
		var want [len(ownScripts)]int
		for _, r := range s {
			countScript(&want, r)
		}
		iso, got := ownScript(s)
		i := slices.IndexFunc(ownScripts[:], func(o struct {
			table *unicode.RangeTable
			iso   string
		}) bool {
			return o.iso == iso
		})
		if wantMax := slices.Max(want[:]); got != wantMax || got > 0 && (i < 0 || want[i] != got || slices.Index(want[:], got) != i) {
			t.Fatalf("ownScript(%q) = %s %d; the runes count %v", s, iso, got, want)
		}
	}
}

// No script of ownScripts writes general punctuation, which ownScript
// passes over.
func TestOwnScriptPunctuation(t *testing.T) {
	for r := rune(0x2000); r <= 0x206f; r++ {
		var n [len(ownScripts)]int
		if countScript(&n, r); slices.Max(n[:]) > 0 {
			t.Errorf("%U is counted", r)
		}
	}
}

// cueOffsets finds what substringOffsets finds for the cue keys, on
// generated documents and on random strings.
func TestCueOffsets(t *testing.T) {
	_, docs := areaDocs(t, 50)
	found := 0
	for _, d := range docs {
		got, want := cueOffsets(d.Text), substringOffsets(d.Text, cueKeys)
		if !slices.Equal(got, want) {
			t.Fatalf("%s: cueOffsets = %v, want %v", d.ID, got, want)
		}
		found += len(want)
	}
	parts := []string{"Source: ", "SOURCE", "ource", "on behalf of", "ON BEHALF", "ehalf", "Issued by", "ISSUED", "ssued", "sued",
		"released", "RELEASED", "leased", "urce", "lf", "e", "o", "O", "ss", " ", "é", "\n", "u", "U", "l", "L", "OurCE", "\xd5", "\xcc"}
	for n := range 20000 {
		var b strings.Builder
		for k := range n % 31 {
			b.WriteString(parts[(n*7+k*k+k)%len(parts)])
		}
		s := b.String()
		got, want := cueOffsets(s), substringOffsets(s, cueKeys)
		if !slices.Equal(got, want) {
			t.Fatalf("cueOffsets(%q) = %v, want %v", s, got, want)
		}
		found += len(want)
	}
	if found == 0 {
		t.Fatal("no key found: the test compares nothing")
	}
}

// TestTravelVotes checks travelVotes against travelVotesRef, which runs
// the chains of every sentence with a travel word before asking whether
// its destinations count, on generated documents as the publisher is
// decided.
func TestTravelVotes(t *testing.T) {
	docs, _ := areaDocs(t, 300)
	// and a long document on one line, many sentences of it counting
	long := Doc{ID: "long", Text: strings.Repeat("At the invitation of Foreign Minister Anna Berg of Sweden, the Minister paid an official visit to Sweden. "+
		"Minister Lee travelled to Italy with Vice Minister Marco Rossi of Italy. ", 200)}
	Default().Mentions(&long)
	docs = append(docs, long)
	voted := 0
	for _, d := range docs {
		ix := newTextIndex(d.Text)
		got, gotFirst := map[string]float64{}, map[string]int{}
		travelVotes(&d, ix, got, gotFirst)
		want, wantFirst := map[string]float64{}, map[string]int{}
		travelVotesRef(&d, ix, want, wantFirst)
		if !maps.Equal(got, want) || !maps.Equal(gotFirst, wantFirst) {
			t.Fatalf("%s: travelVotes %v %v, want %v %v", d.ID, got, gotFirst, want, wantFirst)
		}
		if len(want) > 0 {
			voted++
		}
	}
	if voted == 0 {
		t.Fatal("no document has a travel vote: the test compares nothing")
	}
}

// travelVotesRef is travelVotes as it was.
func travelVotesRef(d *Doc, ix *textIndex, score map[string]float64, first map[string]int) {
	var c *Frame
	var countries []int
	for _, m := range d.Mentions {
		if m.Kind == KindCountry {
			countries = append(countries, m.Span.Start)
		}
	}
	slices.Sort(countries)
	for si, sp := range d.Sentences {
		if k, _ := slices.BinarySearch(countries, sp.Start); k == len(countries) || countries[k] >= sp.End {
			continue
		}
		ws := d.sentenceWords(si)
		vi, _, ok := travelPh.find(ws)
		if !ok {
			continue
		}
		if c == nil {
			c = &Frame{d: d, ix: ix}
			c.setMentions()
		}
		dests := c.chains(sp, sp.Start+ws[vi].start, isTravelLead)
		if len(dests) == 0 {
			continue
		}
		self := false
		for _, w := range ws[:vi] {
			if w.s == "i" || w.s == "we" {
				self = true
			}
		}
		qualifiers := map[string]bool{}
		for m := range c.each(KindCountry, sp) {
			ls := max(sp.Start, ix.lineStart(m.Span.Start))
			if foreignOfficial(d.Text[m.Span.End:]) || officeAt(d.Text, ix, ls, m.Span.Start) ||
				ownerOfVisit(d.Text[m.Span.End:]) {
				qualifiers[m.Value] = true
			}
		}
		for _, dst := range dests {
			if dst.place != "" {
				continue
			}
			switch {
			case self:
				score[dst.country] -= 10
			case len(qualifiers) > 0 && !qualifiers[dst.country]:
				score[dst.country] += 3
			default:
				continue
			}
			if _, ok := first[dst.country]; !ok {
				first[dst.country] = dst.at
			}
		}
	}
}

// BenchmarkDecideHome times decideHome on generated documents as
// Stack.Mentions has them when it decides, one document per op.
func BenchmarkDecideHome(b *testing.B) {
	docs, _ := areaDocs(b, 200)
	b.ReportAllocs()
	i := 0
	t0 := userTime(b)
	for b.Loop() {
		decideHome(&docs[i%len(docs)])
		i++
	}
	b.ReportMetric(float64((userTime(b)-t0).Nanoseconds())/float64(i), "user-ns/op")
}

// titleWords cuts the words gazetteer.TitleWords cuts, or says it cannot,
// on windows of generated documents (as foreignOfficial and officeClause
// take them) and on random strings.
func TestTitleWords(t *testing.T) {
	_, docs := areaDocs(t, 100)
	var texts []string
	for _, d := range docs {
		for _, m := range d.Mentions {
			texts = append(texts, d.Text[m.Span.End:min(len(d.Text), m.Span.End+60)],
				d.Text[max(0, m.Span.Start-80):m.Span.Start])
		}
	}
	parts := []string{"Minister", "of", "'s", "'", "’s", "Dato'", "d'affaires", "O'Neil", "''s", "a", "Vice-", "3rd", " ", ",",
		".", "é", "Ü", "\n", "x", "MP", "'S", "s'"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		texts = append(texts, b.String())
	}
	cut := 0
	for _, s := range texts {
		var low [80]byte
		ws, n, ok := titleWords(&low, s)
		want := gazetteer.TitleWords(s)
		if !ok {
			if len(s) <= len(low) && isASCII(s) && len(want) <= len(ws) {
				t.Fatalf("titleWords(%q) gives up; TitleWords cuts %q", s, want)
			}
			continue
		}
		cut++
		if !slices.Equal(ws[:n], want) {
			t.Fatalf("titleWords(%q) = %q, TitleWords %q", s, ws[:n], want)
		}
	}
	if cut < len(texts)/2 {
		t.Fatalf("titleWords cut only %d of %d texts", cut, len(texts))
	}
}

// issuerCountryRef is issuerCountry as it was, reading every line.
func issuerCountryRef(d *Doc) string {
	text := d.Text
	headEnd, _ := homeFrame(text)
	footStart := homeFootStart(text, 6)
	ts := d.Meta.TitleSpan
	keys := substringOffsets(text, cueKeys)
	for l := range lineSpans(text) {
		line := text[l.Start:l.End]
		low := ""
		if count(keys, l.Start, l.End) > 0 {
			low = strings.ToLower(line)
		}
		for _, cue := range issuerCues {
			if i := strings.Index(low, cue); low != "" && i >= 0 {
				s := l.Start + i + len(cue)
				e := l.End
				if k := strings.IndexAny(text[s:e], "·|•"); k >= 0 {
					e = s + k
				}
				if iso := nameCountry(d, Span{s, e}, false); iso != "" {
					return iso
				}
			}
		}
		if l.Start >= headEnd && l.Start < footStart || ts.End > ts.Start && l.Start < ts.End && l.End > ts.Start {
			continue
		}
		if iso := nameCountry(d, l, true); iso != "" {
			return iso
		}
	}
	return ""
}

// issuerCountry, which reads only the head, the foot and the lines with
// a cue's key, answers as issuerCountryRef on generated documents and on
// documents of random lines: bodies, cues, blank lines.
func TestIssuerCountry(t *testing.T) {
	docs, _ := areaDocs(t, 200)
	found := 0
	for _, d := range docs {
		headEnd, _ := homeFrame(d.Text)
		got, want := issuerCountry(&d, headEnd), issuerCountryRef(&d)
		if got != want {
			t.Fatalf("%s: issuerCountry = %q, want %q", d.ID, got, want)
		}
		if want != "" {
			found++
		}
	}
	lines := []string{"", " ", "Ministry of Foreign Affairs of Japan", "Government of Pakistan", "Source: Republic of Lithuania",
		"SOURCE: Government of Chile", "Issued by the Embassy of Peru", "released by Ministry of Health of Ghana",
		"The talks were held in Japan.", "Home > News", "Japan", "Released by: Japan | News", "on behalf of Chile",
		"issued", "Mr Smith", "Office of the President of the Republic of Finland · 2024"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var b strings.Builder
		n := r.IntN(16)
		for i := range n {
			b.WriteString(lines[r.IntN(len(lines))])
			if i < n-1 || r.IntN(2) == 0 {
				b.WriteByte('\n')
			}
		}
		d := Doc{Text: b.String()}
		d.Meta = ReadMeta(d.Text)
		d.Mentions = Countries{}.Extract(&d)
		headEnd, _ := homeFrame(d.Text)
		got, want := issuerCountry(&d, headEnd), issuerCountryRef(&d)
		if got != want {
			t.Fatalf("issuerCountry(%q) = %q, want %q", d.Text, got, want)
		}
		if want != "" {
			found++
		}
	}
	if found == 0 {
		t.Fatal("no issuer found: the test compares nothing")
	}
}
