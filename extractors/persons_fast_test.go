package extractors

import (
	"math/rand"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"communique/gazetteer"
)

// The fast paths of the persons parser, each checked against the code it
// replaced, kept here as the reference.

// canonicalRef is entParser.canonical before asWritten.
func canonicalRef(p *entParser, s, e int) string {
	var b strings.Builder
	for k := s; k < e; k++ {
		tk := &p.t[k]
		if k > s {
			if tk.joined {
				b.WriteByte('-')
			} else if tk.start > p.t[k-1].end {
				b.WriteByte(' ')
			}
		}
		w := p.text[tk.start:tk.end]
		if tk.caps && !p.is(k, wfSuffix) {
			w = titleCaseWord(w)
		}
		b.WriteString(w)
		if tk.dot {
			b.WriteByte('.')
		}
	}
	return b.String()
}

// fastTexts returns the regression corpus and random strings made of
// name-like pieces, for the fast path tests.
func fastTexts(t *testing.T) []string {
	var texts []string
	for _, doc := range regressionCorpus(t) {
		texts = append(texts, doc.text)
	}
	pieces := []string{"Lee", "Sang", "-", "min", " ", "  ", ".", "J", "KIM", "Jr", "III", "Dato'", "Dato’", "’s", "'s",
		"O'Brien", "\n", "\t", "İlham", "ÉLYSÉE", "Dr", "de", "la", "Minister", "Al", "-Sabah", ",", "Sen", "US", "A1", "x"}
	r := rand.New(rand.NewSource(1))
	for range 3000 {
		var b strings.Builder
		for range 1 + r.Intn(20) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestCanonicalAsWritten checks canonical, with its fast path, against
// canonicalRef on every run of up to six word tokens.
func TestCanonicalAsWritten(t *testing.T) {
	fast := 0
	for _, text := range fastTexts(t) {
		p := newEntParser(&Doc{Text: text})
		for s := range p.t {
			for e := s + 1; e <= min(s+6, len(p.t)) && p.t[e-1].kind == ptWord; e++ {
				if _, ok := p.asWritten(s, e); ok {
					fast++
				}
				if got, want := p.canonical(s, e), canonicalRef(p, s, e); got != want {
					t.Fatalf("%q: canonical(%d, %d) = %q, want %q", text, s, e, got, want)
				}
			}
		}
		p.release()
	}
	if fast == 0 {
		t.Error("the fast path was never taken")
	}
}

// unitLowRef is the lower-case text of the unit [i, j), as the parser
// made it before unitFlags.
func unitLowRef(p *entParser, i, j int) string {
	if j == i+1 {
		return p.lows[i]
	}
	return strings.ToLower(p.text[p.t[i].start:p.t[j-1].end])
}

// TestUnitFlags checks unitFlags and isPortfolioUnit, which read the
// text as written, against the lookups of the lower-cased unit.
func TestUnitFlags(t *testing.T) {
	units := 0
	texts := append(fastTexts(t), "Indo-Pacific Asia-Pacific Socio-Economic SOCIO-ECONOMIC E-GOVERNMENT Self-Reliance Ad-Hoc Co-Operation",
		"Ẓaaaaaaaaaaaaaaaaa-Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb Ǆemal-Ǆemal ÀB-ÇD")
	for _, text := range texts {
		p := newEntParser(&Doc{Text: text})
		for i := range p.t {
			j := p.unitEnd(i)
			if j == i+1 || p.t[i].kind != ptWord {
				continue
			}
			units++
			low := unitLowRef(p, i, j)
			if want, _ := wordIndex.lookup(low); p.unitFlags(i, j) != want {
				t.Fatalf("unitFlags(%q) = %x, want %x", low, p.unitFlags(i, j), want)
			}
			if got, want := p.isPortfolioUnit(i, j), gazetteer.IsPortfolioWord(low); got != want {
				t.Fatalf("isPortfolioUnit(%q) = %v, want %v", low, got, want)
			}
		}
		p.release()
	}
	if units == 0 {
		t.Error("no unit of two tokens")
	}
}

// TestJoinedIs checks joinedIs against strings.Join.
func TestJoinedIs(t *testing.T) {
	words := []string{"", "a", "b", "ab", " ", "a b", "lee", "sang"}
	r := rand.New(rand.NewSource(2))
	hits := 0
	for range 20000 {
		ws := make([]string, 1+r.Intn(3))
		for i := range ws {
			ws[i] = words[r.Intn(len(words))]
		}
		f := strings.Join(ws, " ")
		if r.Intn(2) == 0 {
			vs := make([]string, 1+r.Intn(3))
			for i := range vs {
				vs[i] = words[r.Intn(len(words))]
			}
			f = strings.Join(vs, " ")
		}
		got, want := joinedIs(f, ws), f == strings.Join(ws, " ")
		if got != want {
			t.Fatalf("joinedIs(%q, %q) = %v, want %v", f, ws, got, want)
		}
		if got {
			hits++
		}
	}
	if hits == 0 {
		t.Error("no match")
	}
}

// TestParserReuse checks that a parser's buffers, kept from one document
// to the next, carry nothing over: each document of the corpus gives the
// same mentions run first, and run after all the others in reverse.
func TestParserReuse(t *testing.T) {
	var docs []*Doc
	for _, doc := range regressionCorpus(t) {
		d := &Doc{Text: doc.text}
		d.Meta = ReadMeta(d.Text)
		d.Sentences = Sentences(d.Text)
		for _, x := range []Extractor{Dates{}, Countries{}} {
			d.Mentions = append(d.Mentions, x.Extract(d)...)
		}
		settleHome(d)
		docs = append(docs, d)
	}
	want := make([][]Mention, len(docs))
	for i, d := range docs {
		want[i] = OrgsAndPersons{}.Extract(d)
	}
	for i := len(docs) - 1; i >= 0; i-- {
		if diff := cmp.Diff(want[i], OrgsAndPersons{}.Extract(docs[i])); diff != "" {
			t.Fatalf("document %d, run again after others (-first +again):\n%s", i, diff)
		}
	}
}

// internRef is entParser.intern before it scanned: every code indexed.
type internRef struct {
	isos []string
	idx  map[string]uint16
}

func (r *internRef) intern(code string) uint16 {
	if i, ok := r.idx[code]; ok {
		return i
	}
	if code == "" {
		return 0
	}
	r.isos = append(r.isos, code)
	r.idx[code] = uint16(len(r.isos) - 1)
	return uint16(len(r.isos) - 1)
}

// TestIntern checks intern against internRef, below and past isoScan
// codes, on a parser used for several documents.
func TestIntern(t *testing.T) {
	rnd := rand.New(rand.NewSource(3))
	for _, n := range []int{1, 3, isoScan - 1, isoScan, isoScan + 1, 40, 300} {
		p := newEntParser(&Doc{Text: "x"})
		ref := &internRef{isos: []string{""}, idx: map[string]uint16{}}
		for range 2000 {
			code := ""
			if k := rnd.Intn(n + 1); k > 0 {
				code = string(rune('A'+k%26)) + string(rune('A'+k/26%26)) + "X"
			}
			if got, want := p.intern(code), ref.intern(code); got != want {
				t.Fatalf("%d codes: intern(%q) = %d, want %d", n, code, got, want)
			}
		}
		if !slices.Equal(p.isos, ref.isos) {
			t.Fatalf("%d codes: isos %q, want %q", n, p.isos, ref.isos)
		}
		p.release()
	}
}

// BenchmarkEntParser tokenizes the regression corpus, with the overlay of
// the mentions; one op is the whole corpus.
func BenchmarkEntParser(b *testing.B) {
	var docs []*Doc
	for _, doc := range regressionCorpus(b) {
		d := &Doc{Text: doc.text}
		d.Sentences = Sentences(d.Text)
		d.Mentions = Countries{}.Extract(d)
		docs = append(docs, d)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			newEntParser(d).release()
		}
	}
}

// TestRankIn checks the ranks a parser keeps against gazetteer.TitleIn,
// asked of titles again and again, past maxRanks of them.
func TestRankIn(t *testing.T) {
	titles := []string{"Minister", "Minister of Foreign Affairs", "Chancellor", "Prime Minister", "Vice Minister",
		"Ambassador", "President", "Secretary of State", "Foreign Minister", "Mayor of Busan", "xyzzy"}
	countries := []string{"", "DEU", "CHL", "KOR", "USA"}
	p := newEntParser(&Doc{Text: "x"})
	defer p.release()
	r := rand.New(rand.NewSource(6))
	for i := range 3 * maxRanks {
		title := titles[r.Intn(len(titles))]
		if i%3 == 0 {
			title += " " + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) // many distinct titles
		}
		country := countries[r.Intn(len(countries))]
		want, _ := gazetteer.TitleIn(title, country)
		if got := p.rankIn(title, country); got != want {
			t.Fatalf("rankIn(%q, %q) = %q, want %q", title, country, got, want)
		}
		if len(p.ranks) > maxRanks {
			t.Fatalf("%d ranks kept, want at most %d", len(p.ranks), maxRanks)
		}
	}
}

// trimHeadlineNamesRef is entParser.trimHeadlineNames as it was before it
// found the body's names by their first word instead of all their words.
func trimHeadlineNamesRef(p *entParser) {
	// the names outside headlines by their words, found on first need:
	// a headline's name is compared with those that share its first
	// words, not with every name
	var body map[string][]int
	inBody := map[string]bool{} // inBodyName by the words of o and w
	for i := range p.raw {
		r := &p.raw[i]
		if r.end-r.start < 2 || !p.headline(r.start) {
			continue
		}
		if body == nil {
			body = map[string][]int{}
			for j, o := range p.raw {
				if !p.headline(o.start) {
					k := p.wordsKey(o.start, o.end)
					body[k] = append(body[k], j)
				}
			}
		}
		// the longest name of the body that the headline's starts with
		best := 0
		for n := r.end - r.start - 1; n > 0 && best == 0; n-- {
			for _, j := range body[p.wordsKey(r.start, r.start+n)] {
				o := p.raw[j]
				same := o.end-o.start == n
				for k := 0; k < n && same; k++ {
					same = p.lows[r.start+k] == p.lows[o.start+k]
				}
				if !same || p.t[r.start+n].joined {
					continue
				}
				w := p.lows[r.start+n]
				ik := p.wordsKey(o.start, o.end) + "\x00\x00" + w
				in, ok := inBody[ik]
				if !ok {
					in = p.inBodyName(o, w)
					inBody[ik] = in
				}
				if in {
					continue
				}
				// cut to a short form only before a headline verb ("Pushes",
				// "Meets"): "Yoon Suk Yeol" is not cut to "Yoon"
				if p.units(o.start, o.end) < 2 && (!strings.HasSuffix(w, "s") || p.unitEnd(r.start+n) > r.start+n+1) {
					continue
				}
				best = n
				break
			}
		}
		// "Secretary Villareal Pushes ..." when the body has "Antonio B.
		// Villareal": the first word of the headline's name is a word of a
		// body name, the next a headline verb that is in none. Only in the
		// document's title: in a table row in title case, "Minister ...
		// Žygimantas Stankevičius" is a full name that shares its given
		// name with another ("Žygimantas Šimkus").
		ts := p.d.Meta.TitleSpan
		inTitle := ts.End > ts.Start && p.t[r.start].start >= ts.Start && p.t[r.start].start < ts.End
		if u := p.unitEnd(r.start); best == 0 && inTitle && u < r.end && u == r.start+1 && strings.HasSuffix(p.lows[u], "s") &&
			p.unitEnd(u) == u+1 {
			for _, b := range p.raw {
				if b.end-b.start > 1 && !p.headline(b.start) && p.hasWord(b, p.lows[r.start]) && !p.hasWord(b, p.lows[u]) {
					best = 1
					break
				}
			}
		}
		if best > 0 {
			r.end = r.start + best
			r.value = p.canonical(r.start, r.end)
		}
	}
}

// TestTrimHeadlineNames checks trimHeadlineNames against
// trimHeadlineNamesRef on the raw persons of the corpus and of headlines
// made to be cut.
func TestTrimHeadlineNames(t *testing.T) {
	texts := []string{
		"Minister Kim Hong-kyun Champions Ties\n\nVice Minister Kim Hong-kyun met the Ambassador.",
		"Minister Kim Hong-kyun Champions Ties\n\nVice Minister Kim Hong-soo met Minister Kim Min.",
		"Secretary Villareal Pushes for Reform\n\nSecretary Antonio B. Villareal said so. Villareal added.",
		"Minister Lee Sang-min Visits Italy\n\nMinister Lee met Minister Lee Sang-min and Lee.",
		"President Yoon Suk Yeol Meets Leaders\n\nPresident Yoon said. President Yoon Suk Yeol spoke.",
	}
	for _, doc := range regressionCorpus(t) {
		texts = append(texts, doc.text)
	}
	cut := 0
	for _, text := range texts {
		d := personsDoc(text, "")
		p := newEntParser(d)
		p.home = HomeCountry(d)
		p.findOrgs()
		p.pass1()
		raws := slices.Clone(p.raw)
		trimHeadlineNamesRef(p)
		want := slices.Clone(p.raw)
		copy(p.raw, raws)
		p.trimHeadlineNames()
		for i := range want {
			if want[i].end != p.raw[i].end || want[i].value != p.raw[i].value {
				t.Fatalf("%.60q: raw %d is %q, want %q", text, i, p.raw[i].value, want[i].value)
			}
			if want[i].end != raws[i].end {
				cut++
			}
		}
		p.release()
	}
	if cut == 0 {
		t.Error("no name was cut")
	}
}

// TestWordBits checks that wordBits.may holds for every word added, and
// is false for most others.
func TestWordBits(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	word := func() string {
		b := make([]byte, 1+r.Intn(10))
		for i := range b {
			b[i] = byte('a' + r.Intn(26))
		}
		return string(b)
	}
	for range 200 {
		var b wordBits
		var added []string
		for range 1 + r.Intn(30) {
			w := word()
			b.add(w)
			added = append(added, w)
		}
		for _, w := range added {
			if !b.may(w) {
				t.Fatalf("may(%q) = false for a word added", w)
			}
		}
	}
	var b wordBits
	for _, w := range []string{"lee", "kim", "antonio", "yoon"} {
		b.add(w)
	}
	passed := 0
	for range 10000 {
		if w := word(); b.may(w) && !slices.Contains([]string{"lee", "kim", "antonio", "yoon"}, w) {
			passed++
		}
	}
	if passed > 1000 {
		t.Errorf("%d of 10000 other words pass, want few", passed)
	}
}

// contextCountryRef is entParser.contextCountry before it searched the
// text for the paragraph's end only as far as the countries it looks at.
func contextCountryRef(p *entParser, off int) string {
	i := sort.Search(len(p.countries), func(i int) bool { return p.countries[i].Span.Start >= off })
	for i--; i >= 0; i-- {
		m := p.countries[i]
		if off-m.Span.Start > 3000 {
			break
		}
		iso := m.Value
		if iso == "" {
			iso = m.Country
		}
		if iso != "" && iso != p.home {
			return iso
		}
	}
	end := strings.IndexByte(p.text[off:], '\n')
	if end < 0 {
		end = len(p.text) - off
	}
	for i := sort.Search(len(p.countries), func(i int) bool { return p.countries[i].Span.Start >= off }); i < len(p.countries); i++ {
		m := p.countries[i]
		if m.Span.Start >= off+end {
			break
		}
		if iso := m.Value; iso != "" && iso != p.home {
			return iso
		}
	}
	return ""
}

// TestContextCountrySame compares contextCountry with the reference on
// random texts of words and line breaks, with country mentions of the
// home country, of others and of none, at every offset.
func TestContextCountrySame(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	isos := []string{"", "KOR", "ITA", "SWE"}
	for range 300 {
		var b strings.Builder
		var ms []Mention
		for b.Len() < 400 {
			switch r.Intn(6) {
			case 0:
				b.WriteString("\n")
			case 1:
				s := b.Len()
				b.WriteString("Italy")
				ms = append(ms, Mention{Kind: KindCountry, Span: Span{s, b.Len()}, Value: isos[r.Intn(len(isos))], Country: isos[r.Intn(len(isos))]})
				b.WriteString(" ")
			default:
				b.WriteString("word ")
			}
		}
		p := &entParser{text: b.String(), countries: ms, home: "KOR"}
		for off := 0; off < len(p.text); off++ {
			if got, want := p.contextCountry(off), contextCountryRef(p, off); got != want {
				t.Fatalf("%q at %d: %q, want %q", p.text, off, got, want)
			}
		}
	}
}
