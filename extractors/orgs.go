package extractors

import (
	"slices"
	"sort"
	"strings"
)

// Orgs finds organizations: ministries, agencies and other public bodies,
// international organizations ("Ministry of the Interior and Safety",
// "Saudi Arabian Ministry of the Interior", "Korea Internet & Security
// Agency", "United Nations Department of Economic and Social Affairs",
// "World Bank", "OECD"). It runs after the countries extractor.
//
// A name is a capitalized phrase that ends in a word like Ministry,
// Agency, Service, Committee or Bank ("National Tax Service"), or opens
// with one followed by its portfolio ("Ministry for Public Administration",
// "Organisation for Economic Cooperation and Development"). A phrase
// followed by an event word ("Cooperation Committee Meeting") is an event,
// not an organization. An acronym in brackets after a name ("(MOIS)") is a
// mention of its own with the name as Value, and so is every later use of
// the acronym; well-known international acronyms (OECD, UN, ...) are
// mentions with themselves as Value unless the text spells them out.
//
// Country is the country or demonym in the name ("Saudi Arabian Ministry
// of the Interior" -> SAU, "Korea Internet & Security Agency" -> KOR);
// none for international organizations; the publishing government's
// (HomeCountry) for a national body named without one ("Ministry of the
// Interior and Safety", "National Tax Service").
type Orgs struct{}

// Extract implements Extractor.
func (Orgs) Extract(d *Doc) []Mention {
	var out []Mention
	eachWindow(d, func(p *entParser) {
		p.findOrgs()
		out = p.orgMentions(out)
	})
	return out
}

// OrgsAndPersons is Orgs and Persons in one pass: the same mentions as
// running Orgs then Persons (Persons does not read Orgs' mentions), with
// the document tokenized once instead of twice.
type OrgsAndPersons struct{}

// Extract returns d's organization and person mentions.
func (OrgsAndPersons) Extract(d *Doc) []Mention {
	var out, persons []Mention
	eachWindow(d, func(p *entParser) {
		p.findOrgs()
		p.pass1() // reads p.orgs, does not change them
		if out == nil {
			out = make([]Mention, 0, len(p.orgs)+3*len(p.raw))
		}
		out = p.orgMentions(out)
		persons = p.resolve(persons)
	})
	n := len(out)
	out = append(out, persons...)
	counterpartOf(d, out[n:])
	return out
}

// orgMentions appends the organizations findOrgs found to out, as mentions.
func (p *entParser) orgMentions(out []Mention) []Mention {
	for _, g := range p.orgs {
		sp := Span{p.t[g.start].start, p.spanEnd(g.end - 1)}
		out = append(out, Mention{Kind: KindOrganization, Span: sp, Text: p.text[sp.Start:sp.End],
			Value: g.value, Country: g.country})
	}
	return out
}

// orgSpan is an organization named at tokens [start, end).
type orgSpan struct {
	start, end int
	value      string
	acronym    bool
	country    string
	intl       bool // an international organization: no country
}

// lexKnownOrgs are international organizations known by an acronym.
var lexKnownOrgs = vocabSet("org.known")

// lexIntl mark an organization as international.
var lexIntl = vocabSet("org.intl")

// findOrgs finds the organizations of the document into p.orgs, in text
// order.
func (p *entParser) findOrgs() {
	acr := map[string]string{} // acronym -> name
	acrCountry := map[string]string{}
	acrIntl := map[string]bool{}
	covered := p.covered
	for _, h32 := range p.heads {
		if p.d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		h := int(h32)
		tk := &p.t[h]
		if !tk.capital || tk.joined || tk.cty != 0 || covered[h] || !p.is(h, wfOrgHead) {
			continue // "Union" in "Republic of the Union of Myanmar" is a country's
		}
		if h+1 < len(p.t) && p.t[h+1].joined {
			continue
		}
		// pre-modifiers: the capitalized words before the head
		s := h
		for s > 0 && p.same(s-1, h) && !covered[s-1] {
			q := &p.t[s-1]
			if p.lows[s-1] == "&" && s-2 >= 0 && p.t[s-2].capital {
				s--
				continue
			}
			if q.kind != ptWord || (!q.capital && !q.joined) || p.is(s-1, wfStop|wfCalendar) {
				break
			}
			if _, _, ok := p.officeAt(s - 1); ok {
				break
			}
			if _, _, ok := p.honorific(s - 1); ok {
				break
			}
			s--
		}
		for s < h && p.t[s].joined {
			s++
		}
		e := h + 1
		if c := p.parseOrgComplement(e); c > e {
			e = c
		} else if e < len(p.t) && p.same(h, e) && p.t[e].kind == ptWord && p.t[e].capital {
			continue // the head is not the last word: "Public Service Innovation Pavilion"
		}
		if e-s < 2 {
			continue
		}
		if e < len(p.t) && p.same(h, e) && p.is(e, wfEvent) {
			continue // "Cooperation Committee Meeting"
		}
		g := orgSpan{start: s, end: e, value: p.textOf(s, e)}
		g.country, g.intl = p.orgCountry(s, h, e)
		p.orgs = append(p.orgs, g)
		for k := s; k < e; k++ {
			covered[k] = true
		}
		// "(MOIS)", "(UN DESA)", "(MOIS, Minister ...)"
		if e < len(p.t) && p.lows[e] == "(" {
			k := e + 1
			for k < len(p.t) && k-e <= 3 && p.t[k].kind == ptWord && orgAcronym(p.text[p.t[k].start:p.t[k].end]) {
				k++
			}
			if k > e+1 && k < len(p.t) && (p.lows[k] == ")" || p.lows[k] == ",") {
				a := p.textOf(e+1, k)
				if lexKnownOrgs[a] {
					g.country, g.intl = "", true
					p.orgs[len(p.orgs)-1] = g
				}
				acr[a] = g.value
				acrCountry[a] = g.country
				acrIntl[a] = g.intl
				p.orgs = append(p.orgs, orgSpan{start: e + 1, end: k, value: g.value, acronym: true, country: g.country, intl: g.intl})
				for q := e + 1; q < k; q++ {
					covered[q] = true
				}
			}
		}
	}
	// later uses of acronyms, and well-known ones: an acronym starts with
	// a capital or a digit (see orgAcronym), one of p.heads
	for k := 0; k < len(p.heads); k++ {
		if p.d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		i := int(p.heads[k])
		tk := &p.t[i]
		if covered[i] || tk.joined || (i+1 < len(p.t) && p.t[i+1].joined) {
			continue
		}
		w := p.text[tk.start:tk.end]
		if !orgAcronym(w) {
			continue
		}
		// two-word acronyms first ("UN DESA")
		if i+1 < len(p.t) && p.same(i, i+1) && p.t[i+1].kind == ptWord {
			two := w + " " + p.text[p.t[i+1].start:p.t[i+1].end]
			if v, ok := acr[two]; ok && p.t[i+1].start == tk.end+1 {
				p.orgs = append(p.orgs, orgSpan{start: i, end: i + 2, value: v, acronym: true, country: acrCountry[two], intl: acrIntl[two]})
				if k+1 < len(p.heads) && int(p.heads[k+1]) == i+1 {
					k++ // the second word is read
				}
				continue
			}
		}
		if v, ok := acr[w]; ok {
			p.orgs = append(p.orgs, orgSpan{start: i, end: i + 1, value: v, acronym: true, country: acrCountry[w], intl: acrIntl[w]})
		} else if lexKnownOrgs[w] {
			p.orgs = append(p.orgs, orgSpan{start: i, end: i + 1, value: w, acronym: true, intl: true})
		}
	}
	sortOrgs(p.orgs)
}

func sortOrgs(gs []orgSpan) {
	slices.SortStableFunc(gs, func(a, b orgSpan) int { return a.start - b.start })
}

// orgsFrom returns the organizations, in p.orgs' order (by start), that
// start in tokens [s, e].
func (p *entParser) orgsFrom(s, e int) []orgSpan {
	lo := sort.Search(len(p.orgs), func(i int) bool { return p.orgs[i].start >= s })
	hi := sort.Search(len(p.orgs), func(i int) bool { return p.orgs[i].start > e })
	return p.orgs[lo:max(lo, hi)]
}

// orgAcronym reports whether w is an acronym: two or more letters, at least
// two of them capitals and no lower-case letter first ("MOIS", "WeGO" is
// accepted for its capitals, "KISA").
func orgAcronym(w string) bool {
	if len(w) < 2 || len(w) > 10 {
		return false
	}
	upper := 0
	for i, r := range w {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			if i == 0 {
				return false
			}
		case r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return upper >= 2
}

// parseOrgComplement parses the portfolio of an organization after its
// head word ("of the Interior and Safety"), like an office's, but it does
// not run into a second organization ("... and the Korean Public
// Procurement Service").
func (p *entParser) parseOrgComplement(k int) int {
	if k >= len(p.t) {
		return k
	}
	switch p.lows[k] {
	case "of", "for", "on":
	default:
		return k
	}
	return p.parseComplement(k, false)
}

// orgCountry returns the country of the organization at tokens [s, e)
// whose head word is at h, and whether it is an international one: one
// named so before or in its head ("United Nations Department of ...",
// "World Bank", "Organisation for ..."), not in its portfolio ("Ministry of
// Foreign Affairs and International Cooperation").
func (p *entParser) orgCountry(s, h, e int) (string, bool) {
	for k := s; k < e; k++ {
		if c := p.ctry(k); c != "" {
			if k > s && p.lows[k-1] == "to" {
				continue
			}
			return c, false
		}
	}
	for k := s; k <= h && k < e; k++ {
		if p.is(k, wfIntl) {
			return "", true
		}
	}
	if lexKnownOrgs[strings.TrimSpace(p.textOf(s, e))] {
		return "", true
	}
	return p.home, false
}
