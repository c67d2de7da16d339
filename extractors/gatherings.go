package extractors

import (
	"communique/gazetteer"
	"strings"
	"unicode"
	"unicode/utf8"
)

// GatheringNames finds named gatherings: forums, summits, conferences,
// roundtables, committee meetings, exhibitions and ceremonies. A name is a
// run of capitalized words, numbers and ordinals ending in a head noun
// ("2019 ASEAN-ROK Ministerial Roundtable on Public Service Innovation",
// "5th OGP Global Summit", "1st Cooperation Committee meeting"), or a
// quoted name in an event context ("participated in "LEAP 2024" held for
// four days"). Mentions are of kind gathering, with Value the name.
type GatheringNames struct{}

// Gatherings turns gathering mentions into records: one per real-world
// gathering however often it is named (names that differ only by a year,
// an ordinal or extra words merge), with where it took place (a city or
// country in the sentence, the itinerary section, or the publisher's
// country), its dates and status.
type Gatherings struct{}

var headNouns = vocabSet("gathering.heads")

// nameStop are capitalized words that do not start a gathering name.
var nameStop = map[string]bool{
	"The": true, "In": true, "On": true, "At": true, "During": true, "After": true, "Before": true,
	"Following": true, "As": true, "For": true, "With": true, "This": true, "That": true,
	"These": true, "Meanwhile": true, "Moreover": true, "And": true, "But": true, "A": true,
	"An": true, "Its": true, "His": true, "Her": true, "Their": true, "Our": true, "By": true,
	"From": true, "To": true, "Of": true, "Since": true, "Through": true, "Also": true,
	"Upon": true, "Under": true, "Both": true, "Each": true, "Last": true, "Next": true,
}

var (
	gatherCuePh = newPhrases(vocab("gathering.cues")...)
	// gatherNot words just before a name make it a theme or an example.
	gatherNot = vocabSet("gathering.not")
	// venueWords after a head noun make the name a place: "BEXCO
	// Exhibition Hall 2", "King Abdulaziz International Conference Center".
	venueWords = vocabSet("venue.words")
	// afterHead may follow a lower-case head noun that ends a name:
	// "the 1st Cooperation Committee meeting was held"; a noun would make
	// it a compound ("dialogue partnership").
	afterHead = vocabSet("after.head")
)

type tok struct {
	s          string
	start, end int
}

// wordsOf splits a sentence into words and single punctuation marks, with
// byte offsets relative to base.
func wordsOf(s string, base int) []tok {
	var out []tok
	i := 0
	for i < len(s) {
		r, n := runeAt(s, i)
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(s) {
				if c := s[j]; c < utf8.RuneSelf && asciiAlnum[c] {
					j++ // the common case: an ASCII letter or digit
					continue
				}
				r2, n2 := runeAt(s, j)
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '\'' && j+n2 < len(s) && isLetterAt(s, j+n2) && !strings.HasPrefix(s[j:], "'s") || (r2 == '-' || r2 == '&' || r2 == '.') && j+n2 < len(s) && isLetterAt(s, j+n2) {
					j += n2
					continue
				}
				break
			}
			out = append(out, tok{s[i:j], base + i, base + j})
			i = j
		default:
			out = append(out, tok{s[i : i+n], base + i, base + i + n})
			i += n
		}
	}
	return out
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// capWord reports whether w reads as part of a proper name: it has an
// upper-case letter ("Korea-Italy", "e-Government", "OGP") or is an
// ordinal or a year.
func capWord(w string) bool {
	if ordinalWord(w) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		return true
	}
	if i := strings.IndexByte(w, '-'); i > 0 && i+1 < len(w) {
		r2, _ := utf8.DecodeRuneInString(w[i+1:])
		return unicode.IsUpper(r2)
	}
	return false
}

// Extract returns the gathering mentions of d.
func (GatheringNames) Extract(d *Doc) []Mention {
	var out []Mention
	for _, sp := range d.Sentences {
		text := d.Text[sp.Start:sp.End]
		if !hasGatheringWord(text) {
			continue
		}
		ws := wordsOf(text, sp.Start)
		out = append(out, headedNames(d, ws)...)
		out = append(out, quotedNames(d, text, sp)...)
	}
	return dedupeSpans(out)
}

var headNounShape = shapeOf(headNouns)

// hasGatheringWord reports whether a sentence holds a head noun or a
// quotation mark: the only places a gathering's name can start.
func hasGatheringWord(text string) bool {
	return strings.IndexByte(text, '"') >= 0 || anyWordIn(text, headNouns, headNounShape)
}

// headedNames finds capitalized runs that end in a head noun.
func headedNames(d *Doc, ws []tok) []Mention {
	var out []Mention
	for i, w := range ws {
		if !inLower(headNouns, w.s) {
			continue
		}
		// A lower-case head needs a capitalized word right before it.
		// An ordinal will do when the head is followed by "of the" and a
		// name: "the 70th session of the United Nations General Assembly".
		ofThe := i+3 < len(ws) && ws[i+1].s == "of" && ws[i+2].s == "the" && capWord(ws[i+3].s)
		if !capWord(w.s) && (i == 0 || !capWord(ws[i-1].s) || ordinalWord(ws[i-1].s) && !ofThe) {
			continue
		}
		// Expand left over capitalized words, ordinals, years and a
		// parenthesized acronym.
		s := i
		for s > 0 {
			p := ws[s-1]
			if p.s == ")" && s >= 3 && ws[s-3].s == "(" {
				s -= 3
				continue
			}
			if capWord(p.s) && !nameStop[p.s] || (p.s == "of" || p.s == "&" || p.s == "and") && s >= 2 && capWord(ws[s-2].s) && !nameStop[ws[s-2].s] {
				s--
				continue
			}
			break
		}
		// Expand right over "on/of/for" + capitalized words, "and" +
		// capitalized words ending in another head, and a year.
		e := i + 1
		for e < len(ws) {
			n := ws[e]
			// "of the" + a name: "Summit of the Americas", "6th Session of
			// the South Africa-Kenya Joint Commission for Cooperation".
			the := n.s == "of" && e+2 < len(ws) && ws[e+1].s == "the" && capWord(ws[e+2].s) && !ordinalWord(ws[e+2].s)
			if the || (n.s == "on" || n.s == "of" || n.s == "for" || n.s == "and" || n.s == "&") && e+1 < len(ws) && capWord(ws[e+1].s) && !ordinalWord(ws[e+1].s) {
				k := e + 1
				if the {
					k = e + 2
				}
				for k < len(ws) && (capWord(ws[k].s) && !ordinalWord(ws[k].s) || (ws[k].s == "and" || ws[k].s == "&" || ws[k].s == "of") && k+1 < len(ws) && capWord(ws[k+1].s)) {
					k++
				}
				if n.s == "and" && !inLower(headNouns, ws[k-1].s) {
					break
				}
				if isCountryAt(d, ws[e+1].start) && k == e+2 {
					break // "Forum in Italy": a place, not the name
				}
				e = k
				continue
			}
			if len(n.s) == 4 && ordinalWord(n.s) && n.s[0] <= '2' {
				e++
				continue
			}
			break
		}
		for s < i && (ws[s].s == "and" || ws[s].s == "of" || ws[s].s == "&") {
			s++
		}
		if i+1 < len(ws) && inLower(venueWords, ws[i+1].s) {
			continue
		}
		if !capWord(w.s) && i+1 < len(ws) {
			n := ws[i+1].s
			r, _ := utf8.DecodeRuneInString(n)
			if unicode.IsLetter(r) && !inLower(afterHead, n) {
				continue
			}
		}
		// A named gathering has a distinguishing word besides its head,
		// other than a sentence's capitalized first word.
		named := false
		for k, x := range ws[s:i] {
			if capWord(x.s) && x.s != "(" && !(s+k == 0 && !capWord(w.s) && !ordinalWord(x.s) && !allCaps(x.s)) {
				named = true
			}
		}
		if !named && e == i+1 {
			continue
		}
		if s == i && e > i+1 && !capWord(w.s) {
			continue
		}
		sp := Span{ws[s].start, ws[e-1].end}
		before := d.Text[max(0, sp.Start-60):sp.Start]
		after := d.Text[sp.End:min(len(d.Text), sp.End+80)]
		if notContext(before) || !matches(gatherCuePh, before+" "+after) {
			continue
		}
		out = append(out, Mention{Kind: KindGathering, Span: sp, Text: d.Text[sp.Start:sp.End], Value: d.Text[sp.Start:sp.End]})
	}
	return out
}

func allCaps(w string) bool {
	up := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		up = up || unicode.IsUpper(r)
	}
	return up
}

// isCountryAt reports whether a country mention starts at off.
func isCountryAt(d *Doc, off int) bool {
	for _, m := range d.Mentions {
		if m.Kind == KindCountry && m.Span.Start == off {
			return true
		}
	}
	return false
}

// quotedNames finds quoted names of gatherings: short, capitalized, with
// an event cue close by.
func quotedNames(d *Doc, text string, sp Span) []Mention {
	var out []Mention
	for i := 0; i < len(text); {
		q := strings.IndexByte(text[i:], '"')
		if q < 0 {
			break
		}
		q += i
		e := strings.IndexByte(text[q+1:], '"')
		if e < 0 {
			break
		}
		e += q + 1
		name := strings.TrimRight(strings.TrimSpace(text[q+1:e]), ",.")
		i = e + 1
		ws := strings.Fields(name)
		if len(ws) == 0 || len(ws) > 10 || !capWord(ws[0]) {
			continue
		}
		caps := 0
		for _, w := range ws {
			if capWord(w) {
				caps++
			}
		}
		if caps*2 < len(ws) || strings.ContainsAny(name, ":;!?") {
			continue
		}
		before := text[max(0, q-60):q]
		after := text[e+1 : min(len(text), e+1+60)]
		if notContext(before) {
			continue
		}
		last := strings.ToLower(ws[len(ws)-1])
		if strings.HasSuffix(last, "index") || strings.HasSuffix(last, "survey") || strings.HasSuffix(last, "ranking") || strings.HasSuffix(last, "report") {
			continue
		}
		if !headNouns[last] && !matches(gatherCuePh, before) && !matches(gatherCuePh, after) {
			continue
		}
		if !headNouns[last] && !hasYear(ws) && !matches(strongCuePh, before+" "+after) {
			continue
		}
		start := sp.Start + q + 1 + strings.Index(text[q+1:e], name)
		out = append(out, Mention{Kind: KindGathering, Span: Span{start, start + len(name)}, Text: name, Value: name})
	}
	return out
}

var strongCuePh = newPhrases(vocab("gathering.cues.strong")...)

// ordinalWord reports an ordinal ("5th", "21st") or a four-digit number.
func ordinalWord(w string) bool {
	n := 0
	for n < len(w) && w[n] >= '0' && w[n] <= '9' {
		n++
	}
	if n == 0 {
		return false
	}
	if n == len(w) {
		return n == 4
	}
	switch strings.ToLower(w[n:]) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// notContext reports whether the words just before a name make it a
// theme, an example or a title: "such as", "under the theme", "titled".
func notContext(before string) bool {
	ws := lowerWords(before)
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1].s
	if gatherNot[last] {
		return true
	}
	return last == "as" && len(ws) >= 2 && ws[len(ws)-2].s == "such"
}

func hasYear(ws []string) bool {
	for _, w := range ws {
		if len(w) == 4 && ordinalWord(w) {
			return true
		}
	}
	return false
}

// dedupeSpans drops mentions contained in another.
func dedupeSpans(ms []Mention) []Mention {
	var out []Mention
	for i, m := range ms {
		keep := true
		for j, o := range ms {
			if i != j && o.Span.Contains(m.Span) && (o.Span != m.Span || j < i) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, m)
		}
	}
	return out
}

// nameKey returns the words that identify a gathering: lower-case, without
// years, ordinals, acronyms in parentheses and joiners.
// A country's names count as one word: "ASEAN-Korea" and "ASEAN-ROK".
func nameKey(name string) map[string]bool {
	k := map[string]bool{}
	for _, w := range strings.FieldsFunc(name, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r))
	}) {
		if iso, ok := gazetteer.Lookup(w); ok {
			w = iso
		}
		if full, ok := bodyAcronyms[w]; ok {
			for _, f := range strings.Fields(full) {
				k[f] = true
			}
			continue
		}
		w = strings.ToLower(w)
		if isJoiner(w) || ordinalWord(w) || w == "the" {
			continue
		}
		k[w] = true
	}
	return k
}

// bodyAcronyms spell out the bodies gatherings are named after, so "UN
// General Assembly" and "United Nations General Assembly" are one.
var bodyAcronyms = map[string]string{"UN": "united nations", "EU": "european union",
	"WEF": "world economic forum", "OAS": "organization american states", "AU": "african union",
	"OSCE": "organization security co-operation europe", "WTO": "world trade organization"}

// edition returns a name's years and ordinals: "2019", "5th".
func edition(name string) string {
	var out []string
	for _, w := range strings.Fields(name) {
		if w = strings.Trim(w, ",.()\""); ordinalWord(w) {
			out = append(out, strings.ToLower(w))
		}
	}
	return strings.Join(out, " ")
}

func subset(a, b map[string]bool) bool {
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

func hasNumber(name string) bool {
	for _, w := range strings.Fields(name) {
		if ordinalWord(strings.Trim(w, ",.()\"")) {
			return true
		}
	}
	return false
}

// Events returns d's gathering records.
func (Gatherings) Events(d *Doc, c *Frame) []Event {
	type group struct {
		ev   Event
		dist int // how far from the name its date stood
		keys []map[string]bool
		name string
	}
	var groups []*group
	for _, m := range d.MentionsOf(KindGathering) {
		k := nameKey(m.Value)
		if len(k) == 0 {
			continue
		}
		si := SentenceAt(d.Sentences, m.Span.Start)
		if si < 0 {
			continue
		}
		text, sp := c.sentence(si)
		var g *group
		for _, x := range groups {
			for _, xk := range x.keys {
				ea, eb := edition(m.Value), edition(x.name)
				if (subset(k, xk) || subset(xk, k)) && sameHead(m.Value, x.name) && (ea == "" || eb == "" || ea == eb) {
					g = x
					break
				}
			}
			if g != nil {
				break
			}
		}
		country, place := c.venue(sp, m.Span)
		dr, dist := c.gatheringDate(sp, m.Span)
		if g == nil {
			g = &group{name: m.Value, dist: dist}
			g.ev = Event{Type: Gathering, Name: m.Value, Actor: c.Principal, Country: country, Place: place,
				Dates: dr, Evidence: sp, Confidence: 0.7}
			g.ev.Status = c.statusOf(text, dr, d.Meta.Published)
			groups = append(groups, g)
		} else {
			if preferName(m.Value, g.name) {
				g.name = m.Value
				g.ev.Name = m.Value
			}
			if dr != nil && (g.ev.Dates == nil || dist < g.dist) {
				g.ev.Dates, g.dist = dr, dist
				g.ev.Evidence = sp
				g.ev.Status = c.statusOf(text, dr, d.Meta.Published)
			}
			if g.ev.Place == "" && place != "" {
				g.ev.Place, g.ev.Country = place, country
			}
			if g.ev.Country == "" {
				g.ev.Country = country
			}
		}
		g.keys = append(g.keys, k)
	}
	out := make([]Event, 0, len(groups))
	for _, g := range groups {
		if g.ev.Country == "" {
			g.ev.Country = c.Home
		}
		out = append(out, g.ev)
	}
	return out
}

// sameHead reports whether two names end in the same kind of gathering,
// so "OGP Global Summit" and "OGP Regional Meeting" stay apart.
func sameHead(a, b string) bool {
	ha, hb := headOf(a), headOf(b)
	return ha == "" || hb == "" || ha == hb
}

func headOf(name string) string {
	ws := strings.Fields(strings.ToLower(name))
	for i := len(ws) - 1; i >= 0; i-- {
		if headNouns[ws[i]] {
			return ws[i]
		}
	}
	return ""
}

// preferName chooses between two names of one gathering: the one with a
// year or ordinal, then the longer.
func preferName(a, b string) bool {
	if hasNumber(a) != hasNumber(b) {
		return hasNumber(a)
	}
	return len(strings.Fields(a)) > len(strings.Fields(b))
}

// gatheringDate returns the date closest to a gathering's name in its
// sentence (after the name preferred), and how far it stands; dates far
// from the name belong to something else.
func (c *Frame) gatheringDate(sp, name Span) (*DateRange, int) {
	var best *DateRange
	bestDist := 1 << 30
	for _, m := range c.datesIn(sp) {
		var dist int
		switch {
		case m.Span.Start >= name.End:
			dist = m.Span.Start - name.End
		case m.Span.End <= name.Start:
			dist = (name.Start - m.Span.End) * 2
		default:
			continue // a year inside the name
		}
		if m.Dates.Precision == Year {
			dist += 200
		}
		if dist < bestDist {
			best, bestDist = m.Dates, dist
		}
	}
	if bestDist > 250 {
		return nil, bestDist
	}
	return best, bestDist
}

// venue finds where a gathering named at name within sentence sp took
// place: a city in the sentence, a country after "in", or the itinerary
// section's country.
func (c *Frame) venue(sp, name Span) (country, place string) {
	// A city after "in" or "at" is where it was held ("also known as
	// Summer Davos, in Tianjin"); else the first city named.
	var first *Mention
	for _, m := range c.in(KindPlace, sp) {
		if m.Country == "" || name.Contains(m.Span) {
			continue
		}
		pre := strings.TrimRight(c.d.Text[max(sp.Start, m.Span.Start-4):m.Span.Start], " ")
		if strings.HasSuffix(pre, " in") || strings.HasSuffix(pre, " at") {
			return m.Country, m.Text
		}
		if first == nil {
			first = &m
		}
	}
	if first != nil {
		return first.Country, first.Text
	}
	for _, m := range c.in(KindCountry, sp) {
		if name.Contains(m.Span) || m.Span.Start < name.End {
			continue
		}
		pre := strings.TrimSpace(c.d.Text[max(sp.Start, m.Span.Start-8):m.Span.Start])
		if (strings.HasSuffix(pre, " in") || strings.HasSuffix(pre, "in the")) && !isDemonymMention(m) {
			return m.Value, ""
		}
	}
	return c.countryAt(sp.Start), ""
}
