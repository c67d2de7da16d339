package extractors

import "communique/gazetteer"

// titlePhrase is a title phrase in the text: pre-modifiers (country words,
// portfolio words, modifiers), one or more offices, and the portfolio or
// body after a preposition.
type titlePhrase struct {
	start, end int // tokens
	headEnd    int // end of the pre-modifiers and offices, before the portfolio
	countries  []string
	places     []string
	intlBody   bool // the office's body, named after it, is international
}

// isPortfolioUnit reports whether the unit [i, j) is a portfolio or body
// word ("Interior", "Indo-Pacific", "Agency").
func (p *entParser) isPortfolioUnit(i, j int) bool {
	if j == i+1 {
		return p.is(i, wfPortfolio|wfOrgHead)
	}
	// the text as written: IsPortfolioWord lower-cases it, without
	// allocating
	return gazetteer.IsPortfolioWord(p.text[p.t[i].start:p.t[j-1].end])
}

// parseOffice parses an office phrase starting at token i: "Minister",
// "Saudi Arabia's Interior Minister", "Czech Deputy Minister of the
// Interior", "State Secretary at the Romanian Ministry of ...", "Deputy
// Prime Minister and Foreign Minister".
func (p *entParser) parseOffice(i int) (titlePhrase, bool) {
	o := titlePhrase{start: i}
	last := -1
	dest := false // an envoy's office goes on with its destination
	j := i
	for j < len(p.t) && j-i < 12 && p.same(i, j) {
		tk := &p.t[j]
		if tk.kind != ptWord {
			if p.lows[j] == "'s" && j > i && p.ctry(j-1) != "" {
				j++
				continue
			}
			if p.lows[j] == "&" && j > i {
				j++
				continue
			}
			break
		}
		if n, e, ok := p.officeAt(j); ok {
			if last == j && p.styleIsGivenName(i, j) {
				break // "Vice Minister Amir Hamzah"
			}
			j += n
			last = j
			dest = e.Rank == gazetteer.RankAmbassador
			continue
		}
		if !tk.capital {
			// a lower-case office after the name of its body: "Senate
			// president", "National Assembly president", "Foreign Office
			// spokesperson"
			if j > i && p.t[j-1].capital && p.is(j-1, wfOrgHead) {
				if n, e, ok := p.match(j); ok && e.Kind == gazetteer.Office && e.Rank != "" {
					j += n
					last = j
					continue
				}
			}
			break
		}
		if _, _, ok := p.honorific(j); ok {
			break
		}
		u := p.unitEnd(j)
		if p.ctry(j) != "" && p.locativeCountry(j) {
			break // "In Solomon Islands Prime Minister Rudd held talks"
		}
		if p.ctry(j) != "" || p.is(j, wfTitleModifier|wfIntl) || p.isPortfolioUnit(j, u) || tk.caps && u == j+1 {
			// "Saudi", "Deputy", "Foreign", "United Nations", "UN"
			j = u
			continue
		}
		break
	}
	if last < 0 {
		return o, false
	}
	o.headEnd, o.end = last, last
	if c := p.parseComplement(last, dest); c > last {
		o.end = c
	} else if last < len(p.t) && p.lows[last] == "and" {
		// an office whose own name ends in a portfolio, which goes on
		// with another: "Minister of State and Foreign Affairs"
		for q := last - 2; q > i; q-- {
			if p.lows[q] == "of" {
				if c := p.parseComplement(q, dest); c > last {
					o.end = c
				}
				break
			}
		}
	}
	// "Deputy Prime Minister and Foreign Minister Bui Thanh Son",
	// "Minister of State, Minister of Foreign Affairs of Côte d'Ivoire"
	if o.end < len(p.t) && (p.lows[o.end] == "and" || p.lows[o.end] == "&" || p.lows[o.end] == ",") && p.same(i, o.end+1) {
		if _, _, ok := p.officeAt(o.end + 1); ok {
			if o2, ok := p.parseOffice(o.end + 1); ok {
				o.end = o2.end
				if o2.headEnd == o2.end {
					o.headEnd = o2.end
				}
			}
		}
	}
	p.officeCountries(&o)
	return o, true
}

// lexPlacePreps before a country's name make it the place of the clause.
var lexPlacePreps = vocabSet("person.place.preps")

// locativeCountry reports whether the country mention token j lies in is
// where the clause happens, not the qualifier of an office after it: a
// country's name (not a demonym) right after a preposition of place ("In
// Solomon Islands Prime Minister Rudd held talks", not "from Kenyan
// President X").
func (p *entParser) locativeCountry(j int) bool {
	c := p.t[j].cty
	b, e := j, j+1
	for b > 0 && p.t[b-1].cty == c && p.same(b-1, j) {
		b--
	}
	k := b - 1
	if k >= 0 && p.lows[k] == "the" {
		k--
	}
	if c == 0 || k < 0 || !p.same(k, j) || !lexPlacePreps[p.lows[k]] {
		return false
	}
	if p.locB == b+1 {
		return p.locOK // asked again, for another of the mention's tokens or by another reader
	}
	for e < len(p.t) && p.t[e].cty == c && p.same(j, e) {
		e++
	}
	_, dem := demonym(p.text[p.t[b].start:p.t[e-1].end])
	p.locB, p.locOK = b+1, !dem
	return !dem
}

// officeCountries collects the countries an office names: in its
// pre-modifiers ("Saudi Arabia's", "Czech") and its portfolio ("of
// Indonesia", "at the Romanian Ministry"), but not a destination ("to
// Italy", "Envoy for Afghanistan").
func (p *entParser) officeCountries(o *titlePhrase) {
	nc, np := 0, 0 // counted first, for room cut to size from p.strs
	for k := o.start; k < o.end; k++ {
		if c, ok := p.officeCountryAt(o, k); ok && c != "" {
			nc++
		} else if ok {
			np++
		}
	}
	if nc > 0 && o.countries == nil {
		o.countries = p.strRoom(nc)
	}
	if np > 0 && o.places == nil {
		o.places = p.strRoom(np)
	}
	for k := o.start; k < o.end && nc+np > 0; k++ {
		if c, ok := p.officeCountryAt(o, k); ok && c != "" {
			o.countries = append(o.countries, c)
		} else if ok {
			o.places = append(o.places, p.plc(k))
		}
	}
}

// officeCountryAt reports whether token k of office o starts a country or
// place the office names (see officeCountries), and returns the country,
// "" for a place.
func (p *entParser) officeCountryAt(o *titlePhrase, k int) (string, bool) {
	tk := &p.t[k]
	if p.ctry(k) == "" && (p.plc(k) == "" || p.plc(k) == "-") {
		return "", false
	}
	if k > o.start && (p.t[k-1].cty == tk.cty && tk.cty != 0 || p.t[k-1].plc == tk.plc && tk.plc != 0) {
		return "", false // same mention
	}
	b := k - 1
	for b > o.start && p.lows[b] == "the" {
		b--
	}
	if b >= o.start && (p.lows[b] == "to" || p.lows[b] == "for") {
		return "", false
	}
	return p.ctry(k), true
}

// strRoom returns an empty slice with room for n strings, cut from
// p.strs: the countries of a document's offices take one allocation, not
// one each.
func (p *entParser) strRoom(n int) []string { return room(&p.strs, n) }

// parseComplement parses the portfolio or body after an office, starting
// at the preposition at token k ("of the Interior and Safety", "for the
// Indo-Pacific", "at the Romanian Ministry of Communications and
// Information Society"). It returns the end of the complement, or k when
// there is none. It stops before a name: the first capitalized word that
// is not a portfolio word, a country or place, nor the word after "the".
func (p *entParser) parseComplement(k int, dest bool) int {
	if k >= len(p.t) || !p.same(k-1, k) {
		return k
	}
	switch p.lows[k] {
	case "of", "for", "at", "to", "in", "on":
	default:
		return k
	}
	end := k // end of the last accepted content word
	afterThe := false
	afterConn := false // the last token was a preposition, "the" or "and"
	j := k
	for j < len(p.t) && p.same(k, j) && j-k < 24 {
		tk := &p.t[j]
		switch p.lows[j] {
		case "to", "in", "at", "on":
			// a destination or venue after the portfolio: "of the
			// Interior and Safety to Greece"; but an envoy's title goes on:
			// "Ambassador of Korea to the Kingdom of Saudi Arabia"
			if j > k && !dest {
				return end
			}
			afterThe, afterConn = false, true
			j++
			continue
		case "of", "for", "the", "and", "&":
			if p.lows[j] == "and" || p.lows[j] == "&" {
				// "and the Minister of ..." or "and host of": another phrase.
				nx := j + 1
				if nx < len(p.t) && p.lows[nx] == "the" {
					return end
				}
				if nx >= len(p.t) || !p.same(j, nx) || !p.unitCapital(nx, p.unitEnd(nx)) {
					return end
				}
				if _, _, ok := p.officeAt(nx); ok {
					return end
				}
			}
			afterThe = p.lows[j] == "the"
			afterConn = true
			j++
			continue
		case ",":
			// a list of portfolios: "Digital Policy, Telecommunications and Media"
			nx := j + 1
			if nx < len(p.t) && p.lows[nx] == "and" && end > k && p.same(j, nx) {
				// with a comma before its last item: "Civilian Security,
				// Democracy, and Human Rights"; "and" is read next
				j++
				continue
			}
			if nx < len(p.t) && p.same(j, nx) && p.t[nx].kind == ptWord && p.t[nx].capital &&
				p.isPortfolioUnit(nx, p.unitEnd(nx)) && end > k {
				j++
				continue
			}
			return end
		case "'s":
			if j > 0 && p.ctry(j-1) != "" {
				j++
				continue
			}
			return end
		}
		if tk.kind != ptWord {
			return end
		}
		u := p.unitEnd(j)
		if tk.cty != 0 && j > k && p.t[j-1].cty == tk.cty {
			// the rest of a country's name: "Côte d'Ivoire"
			j, end = u, u
			continue
		}
		if !p.unitCapital(j, u) {
			return end
		}
		if _, _, ok := p.honorific(j); ok {
			return end
		}
		if n, _, ok := p.officeAt(j); ok && afterConn {
			// an office as the portfolio of another: "Special Envoy of the
			// Prime Minister", "Adviser to the President"
			j, end, afterThe, afterConn = j+n, j+n, false, false
			continue
		}
		switch {
		case (tk.cty != 0 || tk.plc != 0) && (afterConn || j > 0 && (p.t[j-1].cty == tk.cty && tk.cty != 0 || p.t[j-1].plc == tk.plc && tk.plc != 0)):
			// "of Indonesia", "of the Republic of Korea", "at the Romanian
			// Ministry", "in Busan"; but "Affairs Rosario G. Manansala"
			// is a name
		case afterThe:
		case p.isPortfolioUnit(j, u):
		case tk.caps && u == j+1:
			// an acronym ("of KOTRA", "of the UN"), unless it follows the
			// portfolio: a family name in capitals before a given name
			// ("Minister for Foreign Affairs KAMIKAWA Yoko")
			if end > k && u < len(p.t) && p.same(j, u) && p.t[u].kind == ptWord && p.t[u].capital && !p.t[u].caps &&
				!p.isPortfolioUnit(u, p.unitEnd(u)) {
				return end
			}
		default:
			// a word the lists lack, inside a portfolio that a head
			// word closes: "for Migrant Affairs", "of Export Promotion"
			if q := p.portfolioHeadAhead(j); q > j {
				j, end, afterThe, afterConn = q, q, false, false
				continue
			}
			return end
		}
		afterThe, afterConn = false, false
		j = u
		end = u
	}
	return end
}

// lexPortfolioHeads close the name of a portfolio: "Migrant Affairs",
// "Export Growth", "Bureaucratic Reform".
var lexPortfolioHeads = vocabSet("portfolio.heads")

// portfolioHeadAhead looks ahead of the unknown capitalized word at j for
// a portfolio head word or the head of a body within two more words
// ("Information System Authority"); it returns the index after that head,
// or j.
func (p *entParser) portfolioHeadAhead(j int) int {
	k := p.unitEnd(j)
	for n := 0; n < 2 && k < len(p.t) && p.same(j, k); n++ {
		tk := &p.t[k]
		if tk.kind != ptWord || !tk.capital {
			return j
		}
		if _, _, ok := p.honorific(k); ok {
			return j
		}
		u := p.unitEnd(k)
		if u == k+1 && p.is(k, wfPortfolioHead|wfOrgHead) {
			return u
		}
		k = u
	}
	return j
}
