package gen

import (
	"bytes"
	"strconv"
	"strings"
)

// doc is the state of one document being composed.
type doc struct {
	t          *tables
	r          rng
	b          []byte
	v          [sCount]string
	pub        *publisher
	home       int // publisher's country
	min        *ministry
	dom        int
	site       *site
	us         bool   // month-first dates
	sep        string // paragraph separator: "\n\n" or "\n"
	bullet     string // "* ", "- ", "o ", ...
	target     int    // size in bytes the body grows to with background paragraphs
	shape      string // which composer made it, for tests
	actor      person
	prefix     string   // dateline to put before the first paragraph
	body       int      // offset where the body starts, after the header
	named      []bool   // countries already named once (for "the United Arab Emirates (UAE)")
	used       []uint64 // bit set over all list items: used in this document
	families   []string // family names given to people so far
	actorNamed bool     // the body has named the actor in full
	cpNamed    bool     // the body has named the current counterpart in full
	// strict records templates that read a slot not yet set (tests).
	strict bool
	unset  []string
}

// Size classes.
const (
	sizeShort = iota
	sizeNormal
	sizeLong
)

// compose writes the whole document into d.b.
func (d *doc) compose() {
	t := d.t
	d.pub = &t.publishers[d.r.weighted(t.pubCum)]
	d.home = d.pub.country
	d.min = &d.pub.ministries[d.r.intn(len(d.pub.ministries))]
	d.dom = d.min.domain
	d.site = d.pub.sites[d.r.intn(len(d.pub.sites))]
	d.us = d.pub.us
	d.sep = "\n\n"
	if d.r.pct(20) {
		d.sep = "\n"
	}
	d.bullet = d.one(bulletStyles[:])
	d.named = make([]bool, len(t.countries))
	d.used = make([]uint64, (t.nItems+63)/64)

	size := sizeNormal
	switch x := d.r.intn(100); {
	case x < 9:
		size = sizeShort
		d.target = d.r.between(800, 1400)
	case x < 94:
		// Triangular-ish over 2.2-8 KB, mean about 5 KB.
		d.target = 2300 + (d.r.intn(3000) + d.r.intn(3000))
	default:
		size = sizeLong
		d.target = d.r.between(14500, 18500)
	}
	d.b = make([]byte, 0, d.target+4096)
	d.setCommon()

	curly, crlf := d.r.pct(35), d.r.pct(3)
	garbled, split := d.r.pct(5), d.r.pct(8)

	switch size {
	case sizeShort:
		d.statement()
	case sizeLong:
		if d.r.pct(80) {
			d.visit(d.r.between(4, 6), true)
		} else {
			d.forum(true)
		}
	default:
		// Bigger releases are more often trips and forums, which have more
		// to tell; smaller ones meetings, MOUs and rankings.
		big := d.target > 5200
		x := d.r.intn(100)
		switch {
		case x < 30 || big && x < 50:
			n := 1 + d.target/2600 + d.r.intn(2)
			d.visit(min(n, 4), false)
		case x < 36 || big && x < 55:
			d.visitPlanned()
		case x < 50 || big && x < 68:
			d.incoming()
		case x < 61 || big && x < 74:
			d.meeting()
		case x < 73 || big && x < 82:
			d.mou()
		case x < 87 || big && x < 96:
			d.forum(false)
		default:
			d.ranking()
		}
	}
	d.footer()
	d.b = tidy(d.b)

	// Noise, in an order that keeps each step's assumptions.
	if split {
		d.pageBreak()
	}
	if garbled {
		d.garble()
	}
	if curly {
		d.b = curlyQuotes(d.b)
	}
	if crlf {
		d.b = toCRLF(d.b)
	}
}

var bulletStyles = [...]string{"* ", "- ", "o ", "• ", "▪ ", "- ", "* "}

// setCommon sets the slots every template may read.
func (d *doc) setCommon() {
	t := d.t
	h := &t.countries[d.home]
	d.v[sPubCountry] = h.name
	d.v[sPubFormal] = h.formal
	d.v[sPubDemonym] = h.demonym
	d.v[sPubCapital] = h.capital
	d.v[sPubCity] = d.one(h.cities)
	d.v[sPubShort] = shortName(h)
	d.v[sMinistry] = strings.TrimPrefix(d.min.name, "the ")
	d.v[sMinistryRef] = d.min.name
	d.v[sMinistryShort] = "the Ministry"
	if d.min.abbr != "" {
		d.v[sMinistryRef] = d.min.name + " (" + d.min.abbr + ")"
		d.v[sMinistryShort] = d.min.abbr
	} else if strings.Contains(d.min.name, "Department") {
		d.v[sMinistryShort] = "the Department"
	} else if !strings.Contains(d.min.name, "Ministry") {
		d.v[sMinistryShort] = d.min.name
	}
	year := d.r.between(2014, 2025)
	d.v[sYear] = strconv.Itoa(year)
	d.v[sPrevYear] = strconv.Itoa(year - 1)
	d.v[sNextYear] = strconv.Itoa(year + 1)
	d.v[sTopic] = d.domStr(dlTopic)
	d.v[sTopic2] = d.domStr(dlTopic)
	for i := 0; i < 3 && d.v[sTopic2] == d.v[sTopic]; i++ {
		d.v[sTopic2] = d.domStr(dlTopic)
	}
	d.v[sTheme] = d.domStr(dlTheme)
	d.v[sArea] = d.domStr(dlArea)
	d.v[sMOUTopic] = d.domStr(dlMOU)
	d.v[sMOU] = d.one([]string{"Memorandum of Understanding (MOU)", "Memorandum of Understanding (MOU)", "MOU", "Memorandum of Understanding"})
	d.v[sAgency] = d.domStr(dlAgency)
	d.v[sN] = strconv.Itoa(d.r.between(3, 60) * 10)
	d.v[sN2] = strconv.Itoa(d.r.between(3, 30))
	d.v[sNum4] = strconv.Itoa(d.r.between(1000, 9999))
	d.v[sReads] = strconv.Itoa(d.r.between(120, 25000))
	d.v[sSession] = "1"
	d.v[sVenue] = d.str(lVenue)

	// The actor: the publisher's principal in the story.
	cu := &t.cultures[h.culture]
	a := person{country: d.home}
	a.name, a.family, a.female = d.newName(cu)
	if d.r.pct(60) {
		a.title, a.short, a.rank = d.min.minTitle, d.min.minShort, "minister"
	} else {
		a.title, a.short, a.rank = d.min.depTitle, d.min.depShort, "vice_minister"
	}
	d.actor = a
	if d.min.abbr != "" {
		d.v[sMinistryActor] = d.min.name + " (" + d.min.abbr + ", " + a.short + " " + a.name + ")"
	} else {
		d.v[sMinistryActor] = d.min.name + " (" + a.short + " " + a.name + ")"
	}
	d.v[sActorName] = a.name
	d.v[sActorTitle] = a.title
	d.v[sActorRole] = a.short
	d.v[sActorShort] = a.short + " " + a.family
	d.v[sActorRef] = d.v[sActorShort] // expanded specially
	d.v[sActor] = a.title + " " + a.name
	if d.r.pct(25) {
		d.v[sActor] = h.demonym + " " + a.title + " " + a.name
	}
	if a.female {
		d.v[sHe], d.v[sHis] = "she", "her"
	} else {
		d.v[sHe], d.v[sHis] = "he", "his"
	}
	on, _, _ := d.newName(cu)
	d.v[sOfficial] = d.str(lPubOfficial) + " " + on
	ln, _, _ := d.newName(cu)
	d.v[sLeader] = d.pub.leaderShort + " " + ln
}

// setForum makes name the current gathering: {forum}, and {forum_short}
// for its kind ("summit", "forum", ...).
func (d *doc) setForum(name string) {
	d.v[sForum] = name
	d.v[sForumShort] = "forum"
	for _, k := range [...]string{"Summit", "Roundtable", "Conference", "Congress", "Meeting", "Week", "Expo", "Dialogue", "Exhibition", "Festival", "Session", "Assembly", "Symposium", "Seminar", "Workshop"} {
		if strings.Contains(name, k) {
			d.v[sForumShort] = strings.ToLower(k)
			break
		}
	}
	if strings.HasPrefix(name, "LEAP") || strings.HasPrefix(name, "GITEX") {
		d.v[sForumShort] = "conference"
	}
}

func shortName(c *country) string {
	if c.alias != "" && len(c.alias) <= 4 && c.alias != "U.S." {
		return c.alias
	}
	return strings.TrimPrefix(c.name, "the ")
}

// ---- template expansion ----

func (d *doc) expand(tp tmpl) {
	for i := range tp {
		s := &tp[i]
		n := len(d.b)
		switch s.kind {
		case segLit:
			d.b = append(d.b, s.lit...)
		case segSlot:
			if d.strict && d.v[s.id] == "" {
				d.unset = append(d.unset, slotNames[s.id])
			}
			switch s.id {
			case sActorRef:
				if d.actorNamed {
					d.b = append(d.b, d.v[sActorShort]...)
				} else {
					d.b = append(d.b, d.v[sActor]...)
				}
				d.actorNamed = true
			case sCpRef:
				if d.cpNamed {
					d.b = append(d.b, d.v[sCpShort]...)
				} else {
					d.b = append(d.b, d.v[sCp]...)
				}
				d.cpNamed = true
			case sCp:
				d.cpNamed = true
				d.b = append(d.b, d.v[sCp]...)
			case sActor, sMinistryActor:
				d.actorNamed = true
				fallthrough
			default:
				d.b = append(d.b, d.v[s.id]...)
			}
		case segList:
			d.expand(d.pickID(s.id))
		case segAlt:
			d.b = append(d.b, s.alts[d.r.intn(len(s.alts))]...)
		}
		if s.cap && len(d.b) > n {
			if c := d.b[n]; 'a' <= c && c <= 'z' {
				d.b[n] = c - ('a' - 'A')
			}
		} else if s.low && len(d.b) > n+1 {
			// Lower-case a capitalized word, not an acronym.
			if c := d.b[n]; 'A' <= c && c <= 'Z' && 'a' <= d.b[n+1] && d.b[n+1] <= 'z' {
				d.b[n] = c + ('a' - 'A')
			}
		}
	}
}

// expandString expands tp into a new string.
func (d *doc) expandString(tp tmpl) string {
	n := len(d.b)
	d.expand(tp)
	s := string(d.b[n:])
	d.b = d.b[:n]
	return s
}

// pick returns a template of composer list l, avoiding ones this document
// already used when it can.
func (d *doc) pick(l int) tmpl { return d.pickID(d.t.L[l]) }

// pickID is pick for a list given by its id: a random item not used yet
// in this document, or any item once all have been.
func (d *doc) pickID(id int) tmpl {
	list := d.t.lists[id]
	n := len(list)
	k := d.r.intn(n)
	off := d.t.listOff[id]
	for j := 0; j < n; j++ {
		i := k + j
		if i >= n {
			i -= n
		}
		if bit := off + i; d.used[bit>>6]&(1<<(bit&63)) == 0 {
			d.used[bit>>6] |= 1 << (bit & 63)
			return list[i]
		}
	}
	return list[k]
}

// reset forgets which items of composer list l this document has used.
func (d *doc) reset(l int) {
	id := d.t.L[l]
	off := d.t.listOff[id]
	for i := range d.t.lists[id] {
		bit := off + i
		d.used[bit>>6] &^= 1 << (bit & 63)
	}
}

// fresh reports whether list id has an item this document has not used.
func (d *doc) fresh(id int) bool {
	off := d.t.listOff[id]
	for i := range d.t.lists[id] {
		if bit := off + i; d.used[bit>>6]&(1<<(bit&63)) == 0 {
			return true
		}
	}
	return false
}

func (d *doc) str(l int) string { return d.expandString(d.pick(l)) }

func (d *doc) domStr(k int) string { return d.expandString(d.pickID(d.t.dom[d.dom][k])) }

// pDom writes a paragraph from the document's domain list k.
func (d *doc) pDom(k int) {
	if d.prefix != "" {
		d.b = append(d.b, d.prefix...)
		d.prefix = ""
	}
	d.expand(d.pickID(d.t.dom[d.dom][k]))
	d.b = append(d.b, d.sep...)
}

// ---- writing ----

func (d *doc) sent(l int) { d.expand(d.pick(l)) }

// p writes a paragraph of one sentence from each list.
func (d *doc) p(ls ...int) {
	if d.prefix != "" {
		d.b = append(d.b, d.prefix...)
		d.prefix = ""
	}
	for i, l := range ls {
		if i > 0 {
			d.b = append(d.b, ' ')
		}
		d.sent(l)
	}
	d.b = append(d.b, d.sep...)
}

// bullets writes one bullet line per list.
func (d *doc) bullets(ls ...int) {
	for _, l := range ls {
		d.b = append(d.b, d.bullet...)
		d.sent(l)
		d.b = append(d.b, '\n')
	}
	if d.sep == "\n\n" {
		d.b = append(d.b, '\n')
	}
}

// fill writes background paragraphs until the document reaches to bytes:
// whole paragraphs from list l or the domain's background list, or
// paragraphs of two to four background sentences. It stops early when all
// are used up: a release does not repeat a paragraph.
func (d *doc) fill(to int, l int) {
	dom, own := d.t.dom[d.dom][dlBackground], d.t.L[l]
	gs, ds := d.t.L[lBgSentence], d.t.dom[d.dom][dlBgSentence]
	for len(d.b) < to {
		fd, fo := d.fresh(dom), d.fresh(own)
		fs := d.fresh(gs) || d.fresh(ds)
		x := d.r.intn(3)
		switch {
		case fd && (x == 0 || !fo && !fs):
			d.pDom(dlBackground)
		case fo && (x == 1 || !fs):
			d.p(l)
		case fs:
			if d.prefix != "" {
				d.b = append(d.b, d.prefix...)
				d.prefix = ""
			}
			for k := d.r.between(2, 4); k > 0; k-- {
				if d.r.pct(65) && d.fresh(gs) || !d.fresh(ds) {
					d.expand(d.pickID(gs))
				} else {
					d.expand(d.pickID(ds))
				}
				if k > 1 {
					d.b = append(d.b, ' ')
				}
			}
			d.b = append(d.b, d.sep...)
		default:
			return
		}
	}
}

// ---- countries and dates ----

// countryName is how country c is named here: the first time with its
// alias in parentheses ("the United Arab Emirates (UAE)") when it has one.
func (d *doc) countryName(c int) string {
	co := &d.t.countries[c]
	if co.alias == "" {
		return co.name
	}
	if !isAbbrev(co.alias) {
		// Another name, not an abbreviation: "Czechia", "Viet Nam"/"Vietnam".
		if d.named[c] && d.r.pct(40) {
			return co.alias
		}
		d.named[c] = true
		return co.name
	}
	if !d.named[c] {
		d.named[c] = true
		if d.r.pct(70) {
			return co.name + " (" + co.alias + ")"
		}
		return co.name
	}
	if d.r.pct(50) && strings.HasPrefix(co.name, "the ") {
		return "the " + co.alias
	}
	return co.name
}

// isAbbrev reports whether s is written in capitals: "UAE", "U.S.".
func isAbbrev(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return false
		}
	}
	return true
}

// setCity makes city, of the current counterpart country, the current
// city: {cp_city}, and {cp_place} with the country ("Kutaisi, Georgia").
func (d *doc) setCity(city string) {
	d.v[sCpCity] = city
	if name := d.v[sCpCountry]; city == name || city == strings.TrimSuffix(name, " City") {
		d.v[sCpPlace] = city
	} else {
		d.v[sCpPlace] = city + ", " + name
	}
}

// setCountry makes c the current counterpart country.
func (d *doc) setCountry(c int) {
	co := &d.t.countries[c]
	d.v[sCpCountry] = d.countryName(c)
	d.v[sCpFormal] = co.formal
	d.v[sCpDemonym] = co.demonym
	d.setCity(d.one(co.cities))
	d.v[sCpCapital] = co.capital
	d.v[sCpShortName] = shortName(co)
	port := d.t.lists[d.t.dom[d.dom][dlPortfolio]]
	d.v[sCpOrg] = "the " + co.demonym + " Ministry of " + d.expandString(port[d.r.intn(len(port))])
}

// pickCountries returns n distinct foreign countries, mostly from one region.
func (d *doc) pickCountries(n int) []int {
	cs := d.t.countries
	out := make([]int, 0, n)
	has := func(c int) bool {
		if c == d.home {
			return true
		}
		for _, o := range out {
			if o == c {
				return true
			}
		}
		return false
	}
	for len(out) < n {
		c := d.r.intn(len(cs))
		if len(out) > 0 && d.r.pct(65) {
			// Same region as the first stop, when one is left.
			for try := 0; try < 12; try++ {
				if cs[c].region == cs[out[0]].region && !has(c) {
					break
				}
				c = d.r.intn(len(cs))
			}
		}
		if !has(c) {
			out = append(out, c)
		}
	}
	return out
}

// countryList writes "Greece and Romania", "Saudi Arabia, the UAE, and Italy".
func (d *doc) countryList(cs []int) string {
	var sb strings.Builder
	oxford := d.r.pct(50)
	for i, c := range cs {
		if i > 0 {
			if i == len(cs)-1 {
				if oxford && len(cs) > 2 {
					sb.WriteString(",")
				}
				sb.WriteString(" and ")
			} else {
				sb.WriteString(", ")
			}
		}
		sb.WriteString(d.countryName(c))
	}
	return sb.String()
}

var rangeSeps = [...]string{"-", "-", "-", " - ", "–", " to "}

func (d *doc) rangeStr(a, z day, year bool) string {
	return string(appendRange(nil, a, z, d.us, year, d.one(rangeSeps[:])))
}

// setDates makes a..z the current date range.
func (d *doc) setDates(a, z day) {
	year := d.r.pct(20)
	d.v[sDates] = d.rangeStr(a, z, year)
	d.v[sFromTo] = string(appendFromTo(nil, a, z, d.us, year))
	d.v[sDate] = string(appendDay(nil, a, d.us, false))
	d.v[sEndDate] = string(appendDay(nil, z, d.us, false))
	d.v[sMonth] = monthNames[a.m]
}

// startDay picks the first day of the story in the document's year.
func (d *doc) startDay() day {
	y, _ := strconv.Atoi(d.v[sYear])
	return day{y, 1, 1}.add(d.r.intn(358))
}

// ---- header and footer ----

// header writes navigation, kicker, title, subtitles and the date line.
// pub is the publication day.
func (d *doc) header(titleList, subList, nsub int, pub day) {
	if d.r.pct(12) {
		d.b = append(d.b, "\n\n"...)
	}
	d.expand(d.site.head)
	f := d.one(d.site.dates)
	hh, mm := d.r.between(8, 18), oneOf(d, []int{0, 0, 0, 30, 15, 45, d.r.intn(60)})
	city := d.t.countries[d.home].capital
	if d.site.datePos == "prefix" && f != "none" {
		d.prefix = string(appendPubDate(nil, f, pub, hh, mm, city, d.us, 0, true))
	}
	if d.site.datePos == "before" && f != "none" {
		d.b = appendPubDate(d.b, f, pub, hh, mm, city, d.us, d.r.between(100, 25000), false)
		d.b = append(d.b, "\n\n"...)
	}
	d.v[sPubDate] = string(appendDay(nil, pub, d.us, false))
	n := len(d.b)
	d.sent(titleList)
	title := d.b[n:]
	if d.r.pct(30) {
		titleCase(title)
	}
	titleCopy := string(title)
	d.b = append(d.b, '\n')
	if nsub > 0 {
		style := d.r.intn(4)
		for i := 0; i < nsub; i++ {
			switch style {
			case 0, 1:
				d.b = append(d.b, "- "...)
				d.sent(subList)
			case 2:
				d.b = append(d.b, "- "...)
				d.sent(subList)
				d.b = append(d.b, " -"...)
			default:
				d.b = append(d.b, "▶ "...)
				d.sent(subList)
			}
			d.b = append(d.b, '\n')
		}
	}
	if d.site.datePos == "after" && f != "none" {
		if d.r.pct(40) {
			d.b = append(d.b, '\n')
		}
		d.b = appendPubDate(d.b, f, pub, hh, mm, city, d.us, d.r.between(100, 25000), false)
		d.b = append(d.b, '\n')
		if d.r.pct(8) {
			d.b = append(d.b, titleCopy...)
			d.b = append(d.b, '\n')
		}
	}
	if d.sep == "\n\n" || d.r.pct(30) {
		d.b = append(d.b, '\n')
	}
	d.body = len(d.b)
	clear(d.named)
	d.actorNamed, d.cpNamed = false, false
}

// footer writes optional footer lines and the document's trailing newlines.
func (d *doc) footer() {
	d.b = bytes.TrimRight(d.b, "\n")
	if d.r.pct(55) {
		d.b = append(d.b, "\n\n"...)
		if len(d.site.foot) > 0 && d.r.pct(70) {
			d.expand(d.site.foot[d.r.intn(len(d.site.foot))])
		} else {
			d.sent(lFooter)
		}
	}
	switch d.r.intn(10) {
	case 0:
	case 1:
		d.b = append(d.b, "\n\n\n\n\n\n"...)
	default:
		d.b = append(d.b, '\n')
	}
}

// titleCase upper-cases the first letter of each word but small ones.
func titleCase(b []byte) {
	start := true
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == ' ' || c == '-' && i+1 < len(b) && b[i+1] == ' ' {
			start = true
			continue
		}
		if start {
			start = false
			j := i
			for j < len(b) && b[j] != ' ' {
				j++
			}
			if i > 0 && smallWords[string(b[i:j])] {
				continue
			}
			if 'a' <= c && c <= 'z' {
				b[i] = c - ('a' - 'A')
			}
		}
	}
}

var smallWords = map[string]bool{"a": true, "an": true, "the": true, "and": true, "of": true, "in": true,
	"on": true, "to": true, "for": true, "with": true, "at": true, "by": true, "as": true, "or": true}

// tidy collapses the ".." a template's full stop makes after a value that
// ends in one ("Washington, D.C.", "the U.S.") and leaves "..." alone, and
// writes the possessive of a plural name as "the Philippines'".
func tidy(b []byte) []byte {
	if !bytes.Contains(b, []byte("..")) && !bytes.Contains(b, []byte("s's")) {
		return b
	}
	w := 0
	for r := 0; r < len(b); r++ {
		if b[r] == '.' && r+1 < len(b) && b[r+1] == '.' && (r+2 >= len(b) || b[r+2] != '.') && (r == 0 || b[r-1] != '.') {
			continue
		}
		if b[r] == 's' && r > 1 && b[r-1] == '\'' && b[r-2] == 's' && (r+1 == len(b) || !isLetter(b[r+1])) {
			continue
		}
		b[w] = b[r]
		w++
	}
	return b[:w]
}
