package gazetteer

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CityContext is what the city resolver knows of a document: its text,
// the countries it names and the words of its personal names.
type CityContext struct {
	Text string
	// Countries are the document's country references in text order:
	// names, aliases and demonyms, and places whose country is known
	// (Find's matches, or an extractor's mentions turned into Matches;
	// Form may be left empty, except FormCity for a place, and Entry is
	// not read).
	Countries []Match
	// Names holds the folded words of the document's personal names
	// ("jackson" for "Lisa Jackson"): a one-word city name among them is
	// the person unless the text qualifies it ("Jackson, Mississippi").
	// Resolve asks it only for its candidates' keys (CityName.Key), so
	// it may hold just those words.
	Names map[string]bool
}

// Evidence says what made a candidate a city.
type Evidence uint8

// Kinds of evidence, strongest first.
const (
	Qualified   Evidence = iota + 1 // "Split, Croatia", "Atlanta, Georgia", "Santiago (Chile)", "Split in Croatia"
	Dateline                        // "NICE, 3 May -" at the start of a line
	Preposition                     // "in Nice", "to Riga", "visited Kampala"
	Coordinated                     // "Riga and Vilnius", after a place
	Repeated                        // the name resolved elsewhere in the text by stronger evidence
	Bare                            // a well-known city of a country the text names: "the Nairobi talks"
)

var evidenceNames = [...]string{"", "qualified", "dateline", "preposition", "coordinated", "repeated", "bare"}

// String returns the evidence's name: "qualified", "dateline", ...
func (e Evidence) String() string {
	if int(e) < len(evidenceNames) {
		return evidenceNames[e]
	}
	return "unknown"
}

// Place is a candidate resolved as a city mention.
type Place struct {
	Start, End int
	City       City
	Evidence   Evidence
}

// Resolve decides which candidates (FindCities' matches of x.Text) are
// mentions of a city, and of which. Candidates that overlap a country
// reference are not: the country wins ("Georgia", "Jordan"). A candidate
// is a city when the text qualifies it with its country or first-level
// area ("Male, Maldives", "Kingston, Ontario"), opens a dateline with it,
// or puts it after a preposition or a verb of travel ("in", "to",
// "visited"), or beside a city so read ("Riga and Vilnius"); a bare name
// is enough only for a large city or a capital of a country the document
// names ("Nairobi" in a release on Kenya). Names that are also English
// words ("Nice", "Reading", "Split"), provinces ("Victoria", "Ontario"),
// personal names of the document, and names after a capitalized word
// ("Queen Victoria") or before one ("Florence Nightingale") need more:
// the city's country named in the document, a qualification, or a
// dateline. Small towns need their country named within a few lines.
//
// The country is the one of the city that scores best on population,
// capital status, and the countries the document names (anywhere, and
// near the candidate): "Santiago" is Chile's, or the Dominican Republic's
// in a release that names only the Dominican Republic; "Tripoli" is
// Lebanon's when Lebanon is named and Libya is not. When two countries'
// cities score alike ("Valencia": Spain or Venezuela) and the text does
// not say, the candidate is left out. Resolve returns the places in text
// order; it reads x and the candidates and modifies neither.
func (x *CityContext) Resolve(cands []CityMatch) []Place {
	named := map[string]bool{}
	for _, m := range x.Countries {
		named[m.ISO3] = true
	}
	type state struct {
		place   Place
		ok      bool
		vetoed  bool // cannot be a city by weak evidence
		risky   bool
		initial bool // at the start of a sentence
		end     int  // of the qualifier: "Kingston, Ontario"
		covered bool // inside another's qualifier
	}
	st := make([]state, len(cands))
	qualEnd := -1 // the end of the last qualifier: "Kingston, Ontario"
	for i, m := range cands {
		s := &st[i]
		s.place = Place{Start: m.Start, End: m.End}
		s.end = m.End
		if m.Start < qualEnd {
			s.vetoed, s.covered = true, true
			continue
		}
		if x.overlapsCountry(m) {
			s.vetoed = true
			continue
		}
		g := m.Name
		s.risky = g.Word || g.Province || len(g.toks) == 0 && x.Names[g.folded]
		if q, end, ok := x.qualifier(m); ok {
			if len(q) > 0 {
				s.place.City, s.place.Evidence, s.ok, s.end = q[0], Qualified, true, end
				qualEnd = end
				continue
			}
			if s.risky {
				s.vetoed = true // "Victoria, Australia": the state
				continue
			}
		}
		p1, p2 := x.before(m.Start)
		n1 := x.after(m.End)
		s.initial = p1.s == "" || strings.Contains(".!?:;\"“(•*", p1.s)
		switch {
		case g.Honorific,
			len(g.toks) == 0 && x.Names[g.folded],
			nameBefore(p1, p2, m.Start),
			nameAfter(n1, m.End) && (s.risky || !placeCue(p1, p2) || tierOf(g.Cities[0]) == small),
			p1.s == "of" && geoNouns[strings.ToLower(p2.s)]:
			s.vetoed = true
			continue
		}
		c, ok := x.choose(g.Cities, m.Start, named)
		if !ok {
			s.vetoed = true
			continue
		}
		s.place.City = c
		tier := tierOf(c)
		inDoc := named[c.ISO3]
		near := x.namedNear(c.ISO3, m.Start)
		switch {
		case x.dateline(m):
			s.ok = inDoc || tier >= mid
			s.place.Evidence = Dateline
		case placeCue(p1, p2):
			s.ok = !s.risky && tier == big || inDoc && (tier >= mid || near)
			s.place.Evidence = Preposition
		case s.risky:
		case p1.s == "the" || p1.s == "The":
			s.ok = tier >= mid && inDoc
			s.place.Evidence = Bare
		case s.initial:
			s.ok = tier >= mid && inDoc && (tier == big || near)
			s.place.Evidence = Bare
		case n1.word && reportingVerbs[n1.s] && c.Capital != NationalCapital:
			// "Charlotte said": a person; but "Washington said"
		default:
			s.ok = tier == big && (inDoc || c.Capital == NationalCapital) || tier == mid && near
			s.place.Evidence = Bare
		}
	}
	// Weaker evidence from the places found: a name beside one ("Riga
	// and Vilnius"), and a name found elsewhere by stronger evidence.
	for changed := true; changed; {
		changed = false
		for i, m := range cands {
			s := &st[i]
			if s.ok || s.vetoed || s.place.City.Name == "" {
				continue
			}
			c := s.place.City
			tier := tierOf(c)
			prev, next := i-1, i+1
			for prev >= 0 && st[prev].covered {
				prev--
			}
			for next < len(st) && st[next].covered {
				next++
			}
			if (tier >= mid || x.namedNear(c.ISO3, m.Start)) && (!s.risky || named[c.ISO3]) &&
				(prev >= 0 && st[prev].ok && x.joined(st[prev].end, m.Start) ||
					next < len(st) && st[next].ok && x.joined(s.end, cands[next].Start) ||
					x.besidePlace(m)) {
				s.ok, s.place.Evidence, changed = true, Coordinated, true
				continue
			}
			if s.risky && s.initial {
				continue
			}
			for j, o := range cands {
				if st[j].ok && st[j].place.Evidence < Repeated && o.Name == m.Name {
					s.place.City, s.ok, s.place.Evidence, changed = st[j].place.City, true, Repeated, true
					break
				}
			}
		}
	}
	var out []Place
	for _, s := range st {
		if s.ok {
			out = append(out, s.place)
		}
	}
	return out
}

// tiers of a city by size and status.
type tier uint8

const (
	small tier = iota
	mid        // 100,000 inhabitants, or a provincial capital of 50,000
	big        // a national capital or a million inhabitants
)

// tierOf returns c's tier. A provincial capital of unknown population is
// small: the table's are the seats of small districts ("Ādaži").
func tierOf(c City) tier {
	switch {
	case c.Capital == NationalCapital || c.Population >= 1_000_000:
		return big
	case c.Population >= 100_000 || c.Capital == AdminCapital && c.Population >= 50_000:
		return mid
	}
	return small
}

// nearBytes is how close a country must be named to count as near.
const nearBytes = 400

// choose returns the city a candidate at off most likely names: the best
// score of population, capital status and the document's countries, if
// no city of another country scores within half a point.
func (x *CityContext) choose(rows []City, off int, named map[string]bool) (City, bool) {
	score := func(c City) float64 {
		s := math.Log10(float64(max(c.Population, 15000)))
		switch c.Capital {
		case NationalCapital:
			s += 2.5
		case AdminCapital:
			s += 0.5
		}
		if named[c.ISO3] {
			s += 3
			if x.namedNear(c.ISO3, off) {
				s++
			}
		}
		return s
	}
	best, bestScore := -1, 0.0
	for i, c := range rows {
		if s := score(c); best < 0 || s > bestScore {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return City{}, false
	}
	for _, c := range rows {
		if c.ISO3 != rows[best].ISO3 && score(c) > bestScore-0.5 {
			return City{}, false
		}
	}
	return rows[best], true
}

// namedNear reports whether a reference to country iso stands within
// nearBytes of off.
func (x *CityContext) namedNear(iso string, off int) bool {
	i, _ := slices.BinarySearchFunc(x.Countries, off-nearBytes, func(m Match, o int) int { return m.Start - o })
	for ; i < len(x.Countries) && x.Countries[i].Start <= off+nearBytes; i++ {
		if x.Countries[i].ISO3 == iso {
			return true
		}
	}
	return false
}

// overlapsCountry reports whether m overlaps a country reference that
// is not inside it ("Kuwait City" holds "Kuwait").
func (x *CityContext) overlapsCountry(m CityMatch) bool {
	i, _ := slices.BinarySearchFunc(x.Countries, m.Start, func(c Match, o int) int { return c.End - o })
	for ; i < len(x.Countries) && x.Countries[i].Start < m.End; i++ {
		c := x.Countries[i]
		if c.End > m.Start && !(m.Start <= c.Start && c.End <= m.End && c.End-c.Start < m.End-m.Start) {
			return true
		}
	}
	return false
}

// qualifier reads what follows a candidate for its country or area:
// ", <country>", " (<country>)", " in <country>", ", <area>". It
// returns the candidate's cities there, best first (none: the text
// names a country none of them is in), where the qualifier ends, and
// whether there is one.
func (x *CityContext) qualifier(m CityMatch) ([]City, int, bool) {
	rest := x.Text[m.End:]
	var skip int
	switch {
	case strings.HasPrefix(rest, ", "), strings.HasPrefix(rest, " ("):
		skip = 2
	case strings.HasPrefix(rest, " in "):
		skip = 4
	default:
		return nil, 0, false
	}
	at := m.End + skip
	comma := skip == 2
	// a first-level area: "Atlanta, Georgia", "Kingston, Ontario"
	if comma {
		var in []City
		end := 0
		for _, c := range m.Name.Cities {
			if n := x.foldedPrefix(at, c.Admin); n > 0 {
				in, end = append(in, c), at+n
			}
		}
		if len(in) > 0 {
			return in, end, true
		}
	}
	i, _ := slices.BinarySearchFunc(x.Countries, at, func(c Match, o int) int { return c.Start - o })
	if i == len(x.Countries) || x.Countries[i].Start != at || x.demonym(x.Countries[i]) {
		return nil, 0, false // "Nice, French officials said"
	}
	iso := x.Countries[i].ISO3
	var in []City
	for _, c := range m.Name.Cities {
		if c.ISO3 == iso {
			in = append(in, c)
		}
	}
	if len(in) == 0 && !comma {
		return nil, 0, false // "Reading in Nigeria" may be a verb
	}
	return in, x.Countries[i].End, true
}

// demonym reports whether the reference c is a demonym.
func (x *CityContext) demonym(c Match) bool {
	if c.Form != "" {
		return c.Form == FormDemonym
	}
	_, ok := Demonym(x.Text[c.Start:c.End])
	return ok
}

// foldedPrefix returns the length of the text at off that folds like
// name and ends on a word boundary, or 0.
func (x *CityContext) foldedPrefix(off int, name string) int {
	if name == "" {
		return 0
	}
	want := string(appendFoldedName(nil, name))
	// the text's words, folded, until want is reached or missed
	var got []byte
	for i := off; i < len(x.Text) && len(got) < len(want); {
		tok, ok := scan(x.Text, i)
		if !ok || tok.nl > 0 {
			break
		}
		if len(got) > 0 && tok.start > i {
			got = append(got, ' ')
		}
		got = appendFold(got, tok.s)
		i = tok.end
		if string(got) == want {
			return i - off
		}
	}
	return 0
}

// dateline reports whether m opens a line as a dateline: "NICE, 3 May
// -", "Abu Dhabi, 12th March 2019 (WAM) --", "RIGA (LETA) -".
func (x *CityContext) dateline(m CityMatch) bool {
	// Only the bytes of " \t*•-" may stand between the line's start and
	// m: look back over them only, not over the whole line.
	ls := m.Start
	for ls > 0 && strings.IndexByte(" \t*-\xe2\x80\xa2", x.Text[ls-1]) >= 0 {
		ls--
	}
	if ls > 0 && x.Text[ls-1] != '\n' {
		return false
	}
	if strings.Trim(x.Text[ls:m.Start], " \t*•-") != "" {
		return false
	}
	rest := x.Text[m.End:]
	switch {
	case strings.HasPrefix(rest, ","), strings.HasPrefix(rest, " -"), strings.HasPrefix(rest, " –"),
		strings.HasPrefix(rest, " —"), strings.HasPrefix(rest, " ("):
	default:
		return false
	}
	rest = rest[:min(len(rest), 40)]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	return strings.ContainsAny(rest, "0123456789") || strings.HasPrefix(rest, " (") && strings.Contains(rest, ")")
}

// besidePlace reports whether a place among x.Countries is joined to m:
// "Siem Reap and Songkhla".
func (x *CityContext) besidePlace(m CityMatch) bool {
	i, _ := slices.BinarySearchFunc(x.Countries, m.Start, func(c Match, o int) int { return c.Start - o })
	return i > 0 && x.Countries[i-1].Form == FormCity && x.joined(x.Countries[i-1].End, m.Start) ||
		i < len(x.Countries) && x.Countries[i].Form == FormCity && x.joined(m.End, x.Countries[i].Start)
}

// joined reports whether the text between two places only joins them:
// ", ", " and ", " or ", " & ", ", and ".
func (x *CityContext) joined(end, start int) bool {
	if start < end || start-end > 6 {
		return false
	}
	switch x.Text[end:start] {
	case ", ", " and ", " or ", " & ", ", and ", " / ", "/", " to ", "-":
		return true
	}
	return false
}

// placeCue reports whether the words before a candidate put a place
// there: "in", "to", "visited", "left for", "the capital", "the city of".
func placeCue(p1, p2 ctok) bool {
	if !p1.word {
		return false
	}
	w1, w2 := strings.ToLower(p1.s), strings.ToLower(p2.s)
	switch {
	case placePrepositions[w1], placeNouns[w1]:
		return true
	case w1 == "for":
		return travelVerbs[w2]
	case w1 == "of":
		return placeNouns[w2]
	}
	return false
}

// ctok is a word or punctuation mark next to a candidate on its line.
type ctok struct {
	s          string
	start, end int
	word       bool
}

// before returns the two tokens before off on its line ("" when there
// is none).
func (x *CityContext) before(off int) (p1, p2 ctok) {
	p1 = x.tokenBefore(off)
	if p1.s != "" {
		p2 = x.tokenBefore(p1.start)
	}
	return p1, p2
}

// tokenBefore returns the token that ends before off, past spaces, on
// off's line.
func (x *CityContext) tokenBefore(off int) ctok {
	t := x.Text
	e := off
	for e > 0 && (t[e-1] == ' ' || t[e-1] == '\t') {
		e--
	}
	if e == 0 || t[e-1] == '\n' || t[e-1] == '\r' {
		return ctok{}
	}
	r, n := utf8.DecodeLastRuneInString(t[:e])
	if !isWordRune(r) {
		return ctok{s: t[e-n : e], start: e - n, end: e}
	}
	s := e
	for s > 0 {
		r, n := utf8.DecodeLastRuneInString(t[:s])
		if !isWordRune(r) {
			break
		}
		s -= n
	}
	return ctok{s: t[s:e], start: s, end: e, word: true}
}

// after returns the token after off on its line, and whether only one
// space separates them.
func (x *CityContext) after(off int) ctok {
	tok, ok := scan(x.Text, off)
	if !ok || tok.nl > 0 {
		return ctok{}
	}
	return ctok{s: tok.s, start: tok.start, end: tok.end, word: tok.word}
}

// nameBefore reports whether the capitalized word right before a
// candidate makes it part of a longer name: "Queen Victoria", "George
// Washington", "Mr. Jackson"; but not "In Nice" or "Visit Riga".
func nameBefore(p1, p2 ctok, start int) bool {
	if p1.s == "." && p2.word && abbreviated[p2.s] {
		return true
	}
	return p1.word && start-p1.end == 1 && startsUpper(p1.s) && !strings.ContainsAny(p1.s, "0123456789") &&
		!leaders[p1.s] && !cityLeaders[p1.s]
}

// nameAfter reports whether a capitalized word right after a candidate
// makes it part of a longer name: "Florence Nightingale", "Reading
// Football Club", but not "Riga Summit" or "Abu Dhabi Crown Prince".
func nameAfter(n1 ctok, end int) bool {
	return n1.word && n1.start-end == 1 && startsUpper(n1.s) && !followers[n1.s] && !cityFollowers[n1.s] &&
		!leaders[n1.s] && !IsTitleWord(strings.ToLower(n1.s))
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// Context words for cities, beside the countries' (leaders, followers).
var (
	// placePrepositions put a place after them.
	placePrepositions = set("in", "to", "at", "from", "near", "outside", "via", "into", "toward", "towards",
		"visited", "visiting", "visit", "visits", "reached", "across", "around", "throughout", "between",
		"departed", "left", "leaving")
	// reportingVerbs follow a person more often than a city: "Charlotte
	// said".
	reportingVerbs = set("said", "says", "told", "added", "noted", "stated", "explained", "stressed", "recalled",
		"thanked", "emphasized", "emphasised", "underlined", "remarked", "replied", "asked", "urged", "spoke")
	// travelVerbs take a destination after "for": "left for Kampala".
	travelVerbs = set("left", "leave", "leaves", "leaving", "depart", "departs", "departed", "departing",
		"bound", "headed", "heading", "flew", "fly", "flies", "set", "sets")
	// placeNouns put a city after them or after "of": "the capital
	// Nairobi", "the city of Nice".
	placeNouns = set("capital", "city", "town", "port", "municipality", "cities", "towns", "district", "centre",
		"center", "outskirts", "suburbs", "streets", "mayor", "people", "residents")
	// geoNouns name an area or a title "of" a place that is not the
	// city: "the state of Washington", "the Duke of York".
	geoNouns = set("state", "states", "province", "provinces", "county", "region", "governorate",
		"prefecture", "department", "territory", "university", "governor", "duke", "duchess", "earl",
		"prince", "princess", "archbishop", "bishop")
	// cityLeaders may stand before a city's name: "Downtown Nairobi".
	cityLeaders = set("Greater", "Downtown", "Metro", "Metropolitan", "Old", "Arrival", "Departure", "Dateline",
		"And", "Or", "Also", "Capital")
	// cityFollowers may follow a city's name in the name of a place,
	// body or event held there: "Riga Conference", "Nice Airport".
	cityFollowers = set("Airport", "Conference", "Convention", "Declaration", "Dialogue", "Process", "Protocol",
		"Charter", "Principles", "Statement", "Round", "Talks", "Meeting", "Meetings", "Consensus", "Communiqué",
		"Communique", "Action", "Call", "Commitment", "Framework", "Agenda", "Port", "Harbour", "Harbor",
		"Station", "Centre", "Center", "Office", "Municipality", "Municipal", "Metropolitan", "Region", "Province",
		"Governorate", "Prefecture", "District", "Initiative", "Group", "Format", "Plus", "DC",
		"And", "Or", "To", "In", "On", "For", "From", "With", "At", "By", "Of", "The", "Is", "Was", "Will", "Has",
		"Hosts", "Host", "Welcomes", "Visit", "Visits")
)
