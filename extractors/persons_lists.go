package extractors

import "communique/gazetteer"

// lexCounterparts name the holder of the same office in another
// government: a name right after one is a person's ("his Austrian
// counterpart Kurz").
var lexCounterparts = vocabSet("person.counterpart.nouns")

// lexPossessives stand before a counterpart noun: "his counterpart",
// "their Chilean counterparts".
var lexPossessives = vocabSet("person.possessives")

// nameAt parses a name at token k, after any honorifics, as a name after
// a title: see parseName and givenNameAt. It returns the name's tokens
// [s, e), the honorifics before it, and whether there is one.
func (p *entParser) nameAt(k int) (s, e int, hons []*gazetteer.TitleEntry, ok bool) {
	s = k
	for s < len(p.t) && p.same(k, s) {
		n, h, ok := p.honorific(s)
		if !ok {
			break
		}
		hons = append(hons, h)
		s += n
	}
	e, units := p.parseName(s, true)
	if units == 0 && s < len(p.t) && !p.is(s, wfOfficeStart) && p.givenNameAt(s) {
		if e, units = p.parseNameFrom(s, true, true); units < 2 {
			units = 0
		}
	}
	return s, e, hons, units > 0
}

// listNext returns the token after the separator of a list at token k
// (",", "and", ", and"), or -1 when the list ends there.
func (p *entParser) listNext(k int) int {
	if k >= len(p.t) || !p.same(k-1, k) {
		return -1
	}
	switch p.lows[k] {
	case ",":
		k++
		if k < len(p.t) && p.lows[k] == "and" {
			k++
		}
	case "and":
		k++
	default:
		return -1
	}
	if k >= len(p.t) || !p.same(k-1, k) {
		return -1
	}
	return k
}

// listedName is one name of a list after a plural office or a counterpart
// noun.
type listedName struct {
	start, end int
	hons       []*gazetteer.TitleEntry
	country    string // the country named before it ("of ... Belarus - A"), or ""
}

// nameList parses names joined by commas and "and" from token k, each
// after any honorifics: "Ana Ruiz, Ben Okafor and I". The list ends at
// the first item that is no name.
func (p *entParser) nameList(k int) []listedName {
	var out []listedName
	for k >= 0 && k < len(p.t) {
		s, e, hons, ok := p.nameAt(k)
		if !ok {
			break
		}
		out = append(out, listedName{start: s, end: e, hons: hons})
		k = p.listNext(e)
	}
	return out
}

// holderList parses the countries an office is "of", each with the name
// of its holder, from token k: "the Republic of Belarus - Sergey Aleinik,
// the Islamic Republic of Iran Hossein Amir Abdollahian, and ...". The
// list ends at the first item that is not a country then a name.
func (p *entParser) holderList(k int) []listedName {
	var out []listedName
	for k >= 0 && k < len(p.t) {
		c, s, e, ok := p.listedCountry(k)
		if !ok {
			break
		}
		if e < len(p.t) && p.same(s, e) {
			switch p.lows[e] {
			case "-", "–", "—", ":":
				e++
			case ",":
				// "of Brazil, Marcos Vieira Lins; Uruguay, ...", not "of
				// Brazil, Uruguay and Paraguay"
				if e+1 < len(p.t) && p.same(e, e+1) && p.t[e+1].cty == 0 {
					e++
				}
			}
		}
		ns, ne, hons, ok := p.nameAt(e)
		if !ok {
			break
		}
		out = append(out, listedName{start: ns, end: ne, hons: hons, country: p.isos[c]})
		k = p.listNext(ne)
		if k < 0 && ne < len(p.t) && p.lows[ne] == ";" && p.same(ne-1, ne) {
			// "Brazil, A; Uruguay, B; and Paraguay, C"
			if k = ne + 1; k < len(p.t) && p.lows[k] == "and" {
				k++
			}
			if k >= len(p.t) || !p.same(ne, k) {
				k = -1
			}
		}
	}
	return out
}

// listedCountry reads a country's name at token k of a list, after any
// "the": its country index and its tokens [s, e).
func (p *entParser) listedCountry(k int) (c uint16, s, e int, ok bool) {
	s = k
	for s < len(p.t) && p.lows[s] == "the" && p.same(k, s) {
		s++
	}
	if s >= len(p.t) || !p.same(k, s) || p.t[s].cty == 0 {
		return 0, 0, 0, false
	}
	c = p.t[s].cty
	e = s
	for e < len(p.t) && p.same(s, e) && p.t[e].cty == c {
		e++
	}
	return c, s, e, true
}

// respectiveList parses, from token k, countries joined by commas and
// "and", a comma, then as many names: "Germany, Türkiye and Indonesia,
// H.E. A, H.E. B and H.E. C". Each name is of the country in its place.
// It returns nil unless the counts agree.
func (p *entParser) respectiveList(k int) []listedName {
	var countries []string
	for k >= 0 && k < len(p.t) {
		c, _, e, ok := p.listedCountry(k)
		if !ok {
			break
		}
		countries = append(countries, p.isos[c])
		if e < len(p.t) && p.lows[e] == "," && e+1 < len(p.t) && p.same(e, e+1) && p.t[e+1].cty == 0 && p.lows[e+1] != "and" && p.lows[e+1] != "the" {
			k = e + 1 // the list of countries ends: the names follow
			break
		}
		if k = p.listNext(e); k < 0 {
			return nil
		}
	}
	if len(countries) < 2 {
		return nil
	}
	names := p.nameList(k)
	if len(names) != len(countries) {
		return nil
	}
	for i := range names {
		names[i].country = countries[i]
	}
	return names
}

// pluralOffice parses an office in the plural at token i, with its
// pre-modifiers: "Foreign Ministers", "Deputy Prime Ministers",
// "Ambassadors". It returns the phrase (no complement yet) and the title
// one of its holders has: the phrase with its last word in the singular.
func (p *entParser) pluralOffice(i int) (o titlePhrase, single string, ok bool) {
	for j := i; j < len(p.t) && j-i < 6 && p.same(i, j); {
		tk := &p.t[j]
		if tk.kind != ptWord || !tk.capital {
			return o, "", false
		}
		if n := p.pluralAt(j); n > 0 {
			he := j + n
			if he < len(p.t) && p.t[he].joined {
				return o, "", false // "Ministers-designate": not a name's title
			}
			last := &p.t[he-1]
			sing, _ := gazetteer.Singular(p.text[last.start:last.end])
			return titlePhrase{start: i, end: he, headEnd: he}, p.text[p.t[i].start:last.start] + sing, true
		}
		u := p.unitEnd(j)
		if p.ctry(j) == "" && !p.is(j, wfTitleModifier) && !p.isPortfolioUnit(j, u) {
			return o, "", false
		}
		j = u
	}
	return o, "", false
}

// pluralAt returns the number of words of the office in the plural that
// starts at token j (gazetteer.MatchPluralOffice), 0 for none, looked up
// once per token: pluralOffice reads the words after each capitalized
// word again. Such an office starts with a plural ("Ministers") or with
// the first word of an office ("Foreign Ministers"): other words are not
// looked up.
func (p *entParser) pluralAt(j int) int {
	if n := p.pluralN[j]; n != 0 {
		return max(int(n), 0)
	}
	n := 0
	if p.is(j, wfOfficeStart) || p.pluralWord(j) {
		n, _ = gazetteer.MatchPluralOffice(p.lows[j:min(j+8, len(p.lows))])
	}
	p.pluralN[j] = int8(n)
	if n == 0 {
		p.pluralN[j] = -1
	}
	return n
}

// pluralList parses a plural office and the names it introduces, at
// token i: "Foreign Ministers Ana Ruiz, Ben Okafor and I", "Presidents
// Lula and Boric", or, after "of", the countries each with its holder:
// "the Foreign Ministers of the Republic of Belarus - A, the Islamic
// Republic of Iran B, ...". Each name holds the office in the singular
// ("Foreign Minister"), of the country named before it if any. It returns
// the token after the list.
func (p *entParser) pluralList(i int) (int, bool) {
	if !p.is(i, wfOfficeStart|wfTitleModifier|wfPortfolio) && p.t[i].cty == 0 && !p.pluralWord(i) {
		return i, false // the cheap test first: most capitalized words open no office
	}
	o, single, ok := p.pluralOffice(i)
	if !ok {
		return i, false
	}
	var names []listedName
	if he := o.end; he < len(p.t) && p.lows[he] == "of" {
		names = p.holderList(he + 1)
		if len(names) == 0 {
			// "the Ambassadors of Germany, Türkiye and Indonesia, H.E. A,
			// H.E. B and H.E. C"
			names = p.respectiveList(he + 1)
		}
	}
	if len(names) == 0 {
		// "the Ministers of Foreign Affairs of Angola, A; and Mozambique,
		// B": the holders after the portfolio
		if c := p.parseComplement(o.end, false); c > o.end {
			for k := c - 1; k > o.end; k-- {
				if p.lows[k] == "of" && p.t[k+1].cty != 0 && p.same(k, k+1) {
					if hs := p.holderList(k + 1); len(hs) > 0 {
						single += " " + p.textOf(o.end, k)
						o.end, names = k, hs
					}
					break
				}
			}
		}
	}
	if len(names) == 0 {
		if c := p.parseComplement(o.end, p.rank(single) == gazetteer.RankAmbassador); c > o.end {
			single += " " + p.textOf(o.end, c)
			o.end = c
		}
		// in a title-case line, one capitalized word after a plural is
		// the line's next word ("Ministers Portfolios" in a menu)
		if names = p.nameList(o.end); len(names) == 0 || len(names) == 1 && p.headline(i) {
			return i, false
		}
		// "Presidents Alvarado and Quesada of Costa Rica": the country
		// after the list is every name's
		if e := names[len(names)-1].end; o.end == o.headEnd && e < len(p.t) && p.lows[e] == "of" {
			extra := titlePhrase{start: e, end: p.parseComplement(e, false), headEnd: e}
			if p.officeCountries(&extra); len(extra.countries) > 0 {
				single += " " + p.textOf(e, extra.end)
				o.countries = append(o.countries, extra.countries...)
				p.mark(e, extra.end)
			}
		}
	}
	p.officeCountries(&o) // appends to the countries after the list
	cand := p.officeCand(o, -1, -1)
	cand.title = single
	cand.rank = p.rank(single)
	if cand.rank == gazetteer.RankHeadOfState && cand.body {
		cand.rank = gazetteer.RankChair
	}
	for _, nm := range names {
		p.addListed(nm, cand, i)
	}
	end := names[len(names)-1].end
	p.mark(i, end)
	return end, true
}

// addListed adds a listed name as a person anchored by the list's office
// cand (at the name's own country when the list told one) and by its
// honorifics; at is where the list starts (see add).
func (p *entParser) addListed(nm listedName, cand personCand, at int) {
	rp := p.newRaw(nm.start, nm.end)
	rp.anchored = true
	if nm.country != "" {
		cand.countries = []string{nm.country}
	}
	rp.cands = append(p.candRoom(1+len(nm.hons)), cand)
	for _, h := range nm.hons {
		rp.cands = append(rp.cands, personCand{rank: h.Rank})
	}
	p.add(rp, at)
}

// pluralWord reports whether token i may be an office in the plural
// ("Ministers", "Secretaries", "Chairmen").
func (p *entParser) pluralWord(i int) bool {
	w := p.lows[i]
	return len(w) > 3 && w[len(w)-1] == 's' || len(w) > 4 && w[len(w)-3:] == "men"
}

// counterpartAnchor reports whether token k is a counterpart noun after a
// possessive ("his counterpart", "her Kenyan counterpart", "Chile's
// counterpart") that introduces the person named after it, and returns
// the country of a demonym or country before the noun and the rank of the
// office held by the one whose counterpart the person is: the last
// official named before it in the sentence ("Foreign Minister X sat down
// with his Austrian counterpart Kurz": a minister of AUT). A sentence that
// opens with the counterpart ("With his Liberian counterpart, Mr X
// proposed ...") names its subject after it, not the counterpart.
func (p *entParser) counterpartAnchor(k int) (countries []string, rank string, ok bool) {
	if k < 1 || p.t[k].kind != ptWord || p.t[k].capital || !lexCounterparts[p.lows[k]] {
		return nil, "", false
	}
	b := k - 1
	if c := p.t[b].cty; c != 0 && p.same(b, k) {
		countries = []string{p.isos[c]}
		for b >= 0 && p.t[b].cty == c && p.same(b, k) {
			b--
		}
	}
	if b < 0 || !p.same(b, k) {
		return nil, "", false
	}
	if p.lows[b] == "'s" && b > 0 && p.t[b-1].cty != 0 {
		countries = []string{p.isos[p.t[b-1].cty]}
	} else if !lexPossessives[p.lows[b]] {
		return nil, "", false
	}
	s := b
	for s > 0 && p.same(s-1, b) {
		s--
	}
	if b-s <= 2 && (p.lows[s] == "with" || p.lows[s] == "together") {
		return nil, "", false
	}
	for r := len(p.raw) - 1; r >= 0 && p.raw[r].start < k; r-- {
		if !p.same(p.raw[r].start, k) {
			break
		}
		if rank = rawRank(p.raw[r]); rank != "" {
			break
		}
	}
	return countries, rank, true
}

// counterpartNames reads the names after a counterpart noun at token i
// (", " between them is allowed): "his Austrian counterpart Kurz", "his
// counterpart, Sebastian Kurz,", "their counterparts Ana Ruiz and Ben
// Okafor". A title or honorific after the noun is chain's to read (see
// counterpartCand). It returns the token after the names.
func (p *entParser) counterpartNames(i int) (int, bool) {
	countries, rank, ok := p.counterpartAnchor(i)
	if !ok {
		return i, false
	}
	k := i + 1
	if k < len(p.t) && (p.lows[k] == "from" || p.lows[k] == "of") {
		// "his counterparts from Mozambique and Ghana, Hon. A and Hon.
		// B": each of them from the country in the same place
		if names := p.respectiveList(k + 1); len(names) > 0 {
			for _, nm := range names {
				p.addListed(nm, personCand{isOffice: true, rank: rank}, nm.start)
			}
			return names[len(names)-1].end, true
		}
	}
	if k < len(p.t) && p.lows[k] == "," {
		k++
	}
	if k >= len(p.t) || !p.same(i, k) || !p.t[k].capital {
		return i, false
	}
	if _, _, ok := p.match(k); ok {
		return i, false
	}
	names := p.nameList(k)
	if len(names) == 0 {
		return i, false
	}
	for _, nm := range names {
		rp := p.newRaw(nm.start, nm.end)
		rp.anchored = true
		rp.cands = append(rp.cands, personCand{isOffice: true, rank: rank, countries: countries})
		p.add(rp, nm.start)
	}
	return names[len(names)-1].end, true
}

// counterpartCand returns the candidate office of a person whose titles
// and honorifics start at token a, right after a counterpart noun (and a
// comma): "his Vietnamese counterpart H.E. Bui Thanh Son" holds the rank
// of the one whose counterpart he is (see counterpartAnchor).
func (p *entParser) counterpartCand(a int) (personCand, bool) {
	k := a - 1
	if k > 0 && p.lows[k] == "," {
		k--
	}
	if k < 0 {
		return personCand{}, false
	}
	countries, rank, ok := p.counterpartAnchor(k)
	if !ok {
		return personCand{}, false
	}
	return personCand{isOffice: true, rank: rank, countries: countries}, true
}
