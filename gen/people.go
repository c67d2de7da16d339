package gen

import "strings"

// Name formats, named in cultures.tsv.
var knownFormats = map[string]bool{
	"western": true, "korean": true, "chinese": true, "gulf": true, "arab": true,
	"hispanic": true, "initial": true, "vie": true, "givenshort": true, "malay": true,
	"patro": true, "eastfirst": true,
}

// person is an official, foreign or of the publisher.
type person struct {
	name   string // "Paolo Zangrillo"
	family string // what follows a short title: "Zangrillo", "Al Olama", "Lee"
	female bool
	title  string // office as written: "Minister for Public Administration"
	short  string // short office: "Minister"
	hon    string // "H.E.", "Dr", "Mr", "His Highness Sheikh", or ""
	rank   string
	// contained: the title names the country itself ("Ambassador of Italy
	// to Korea"), so it takes no demonym.
	contained bool
	country   int
	city      string // the city a mayor is mayor of
}

func (d *doc) one(l []string) string { return l[d.r.intn(len(l))] }

// newName makes a plausible, fictional name in culture cu, with a family
// name not yet used in this document when it can.
func (d *doc) newName(cu *culture) (name, family string, female bool) {
	for try := 0; ; try++ {
		name, family, female = d.newName1(cu)
		if try == 4 || !hasRank(d.families, family) {
			d.families = append(d.families, family)
			return name, family, female
		}
	}
}

func (d *doc) newName1(cu *culture) (name, family string, female bool) {
	female = d.r.pct(28)
	if cu.format == "korean" {
		f := d.one(cu.family)
		s1, s2 := d.one(cu.syl), d.one(cu.syl)
		for s2 == s1 {
			s2 = d.one(cu.syl)
		}
		return f + " " + s1 + "-" + strings.ToLower(s2), f, female
	}
	given := cu.male
	if female {
		given = cu.female
	}
	g := d.one(given)
	switch cu.format {
	case "chinese":
		f := d.one(cu.family)
		if d.r.pct(70) {
			s1, s2 := d.one(cu.syl), d.one(cu.syl)
			return f + " " + s1 + " " + s2, f, female
		}
		return g + " " + f, f, female
	case "eastfirst":
		f := d.one(cu.family)
		return f + " " + g, f, female
	case "gulf":
		f := "Al " + d.one(cu.family)
		if d.r.pct(40) {
			link := " bin "
			if female {
				link = " bint "
			}
			return g + link + d.one(cu.father) + " " + f, f, female
		}
		return g + " " + f, f, female
	case "arab":
		f := d.one(cu.family)
		if d.r.pct(45) {
			return g + " " + d.one(cu.father) + " " + f, f, female
		}
		return g + " " + f, f, female
	case "hispanic":
		f := d.one(cu.family)
		n := g
		if d.r.pct(25) {
			g2 := d.one(given)
			if g2 != g {
				n += " " + g2
			}
		}
		n += " " + f
		if d.r.pct(50) {
			f2 := d.one(cu.family)
			if f2 != f {
				n += " " + f2
			}
		}
		return n, f, female
	case "initial":
		f := d.one(cu.family)
		if d.r.pct(55) {
			return g + " " + string(rune('A'+d.r.intn(26))) + ". " + f, f, female
		}
		return g + " " + f, f, female
	case "vie":
		f := d.one(cu.family)
		mid := "Van"
		if female {
			mid = "Thi"
		}
		if len(cu.syl) > 0 && d.r.pct(50) {
			mid = d.one(cu.syl)
		}
		return f + " " + mid + " " + g, g, female
	case "givenshort":
		return g + " " + d.one(cu.family), g, female
	case "malay":
		link := " bin "
		if female {
			link = " binti "
		}
		return g + link + d.one(cu.father), g, female
	case "patro":
		return d.one(cu.family) + " " + g, g, female
	}
	f := d.one(cu.family) // western
	return g + " " + f, f, female
}

// foreigner makes an official of country c with an office from titles.tsv,
// restricted to ranks when ranks is non-empty.
func (d *doc) foreigner(c int, ranks ...string) person {
	t := d.t
	ti := &t.titles[d.r.weighted(t.titleCum)]
	if len(ranks) > 0 {
		// Weighted pick among the titles of the allowed ranks.
		total := 0
		for i := range t.titles {
			if hasRank(ranks, t.titles[i].rank) {
				total += t.titleCum[i] - cumBefore(t.titleCum, i)
			}
		}
		x := d.r.intn(total)
		for i := range t.titles {
			if hasRank(ranks, t.titles[i].rank) {
				w := t.titleCum[i] - cumBefore(t.titleCum, i)
				if x < w {
					ti = &t.titles[i]
					break
				}
				x -= w
			}
		}
	}
	co := &t.countries[c]
	if ti.rank == "head_of_state" && !co.president || ti.rank == "head_of_government" && !co.premier {
		// No such office there: the foreign minister instead.
		ti = &t.titles[t.foreignMinister]
	}
	p := person{country: c, rank: ti.rank, short: ti.short, contained: ti.contained}
	p.name, p.family, p.female = d.newName(&t.cultures[co.culture])
	// The title may name the counterpart's country, a city of it, a
	// portfolio or an organization: set those slots before expanding it.
	saved := [3]string{d.v[sCpCountry], d.v[sCpDemonym], d.v[sCpCity]}
	city := d.one(co.cities)
	d.v[sCpCountry], d.v[sCpDemonym], d.v[sCpCity] = co.name, co.demonym, city
	d.v[sPortfolio] = d.domStr(dlPortfolio)
	p.title = d.expandString(ti.pattern)
	d.v[sCpCountry], d.v[sCpDemonym], d.v[sCpCity] = saved[0], saved[1], saved[2]
	if p.rank == "mayor" {
		p.city = city
	}
	if len(ti.honors) > 0 {
		h := d.one(ti.honors)
		if h == "Mr/Ms" {
			h = "Mr"
			if p.female {
				h = "Ms"
			}
		}
		p.hon = h
	}
	if co.royal != "" && !p.female && (p.rank == "minister" || p.rank == "head_of_government") && d.r.pct(30) {
		p.hon = co.royal
	}
	return p
}

// mention is a person's first mention: name, office and country in one of
// the shapes press releases use.
func (d *doc) mention(p person) string {
	co := &d.t.countries[p.country]
	hon := ""
	if p.hon != "" {
		hon = p.hon + " "
	}
	if p.contained {
		switch d.r.intn(3) {
		case 0:
			return p.title + " " + p.name
		case 1:
			return hon + p.name + ", " + p.title
		default:
			return hon + p.name + ", the " + p.title
		}
	}
	switch d.r.intn(6) {
	case 0, 1:
		return co.demonym + " " + p.title + " " + p.name
	case 2:
		return hon + p.name + ", " + possessive(co.name) + " " + p.title
	case 3:
		return "the " + p.title + " of " + co.name + ", " + hon + p.name
	case 4:
		return hon + p.name + ", the " + co.demonym + " " + p.title
	default:
		return hon + p.name + ", " + p.title + " of " + co.name
	}
}

// shortRef is how a person is named after the first mention.
func (d *doc) shortRef(p person) string {
	if strings.HasPrefix(p.hon, "His ") || (p.hon == "H.E." && d.r.pct(30)) {
		return p.hon + " " + p.name
	}
	return p.short + " " + p.family
}

func possessive(s string) string {
	if strings.HasSuffix(s, "s") {
		return s + "'"
	}
	return s + "'s"
}

// setCp makes p the current counterpart: {cp}, {cp_short}, {cp_name}, ...
func (d *doc) setCp(p person) {
	if d.v[sCpName] != p.name {
		d.cpNamed = false
	}
	d.v[sCp] = d.mention(p)
	d.v[sCpName] = p.name
	d.v[sCpTitle] = p.title
	d.v[sCpShort] = d.shortRef(p)
	d.v[sCpRef] = d.v[sCpShort] // expanded specially
	if p.city != "" {
		d.setCity(p.city)
	}
	if p.female {
		d.v[sCpHe], d.v[sCpHis] = "she", "her"
	} else {
		d.v[sCpHe], d.v[sCpHis] = "he", "his"
	}
}

// setCp2 makes p the second counterpart: {cp2}, {cp2_short}.
func (d *doc) setCp2(p person) {
	d.v[sCp2] = d.mention(p)
	d.v[sCp2Short] = d.shortRef(p)
}

func hasRank(ranks []string, r string) bool {
	for _, x := range ranks {
		if x == r {
			return true
		}
	}
	return false
}

func cumBefore(cum []int, i int) int {
	if i == 0 {
		return 0
	}
	return cum[i-1]
}

func oneOf[T any](d *doc, l []T) T { return l[d.r.intn(len(l))] }
