package extractors

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tense and modality. Future markers make a record planned; negations of
// the event (postponed, cancelled, virtual) drop a visit.
var (
	futurePh = newPhrases(vocab("tense.future")...)
	pastPh   = newPhrases(vocab("tense.past")...)
	cancelPh = newPhrases(vocab("cancel")...)
)

// statusFromWords is statusOf over a sentence's words.
func statusFromWords(ws []word, dr *DateRange, pub *Timestamp) Status {
	if futurePh.in(ws) && !strongPast(ws) {
		return Planned
	}
	if dr != nil && pub != nil && pub.Date.Before(dr.Start) {
		return Planned
	}
	return Occurred
}

// strongPast reports a plainly past main verb that comes before any future
// word in the sentence ("signed an MOU that will ...").
func strongPast(ws []word) bool {
	p, _, ok := pastPh.find(ws)
	if !ok {
		return false
	}
	f, _, ok := futurePh.find(ws)
	return ok && p < f
}

// datesIn returns the day- or month-precision date mentions of a span.
func (c *Frame) datesIn(s Span) []Mention {
	return collect(c.within(s), func(m *Mention) bool { return m.Kind == KindDate && m.Dates != nil && s.Contains(m.Span) })
}

// eventDatesIn is datesIn without the dates that bound another time
// rather than date an event: "since 2019", "until 2025", "by 2030".
func (c *Frame) eventDatesIn(s Span) []Mention {
	out := c.datesIn(s)
	n := 0
	for _, m := range out {
		w := strings.ToLower(lastWord(c.d.Text[max(s.Start, m.Span.Start-12):m.Span.Start]))
		if w == "since" || w == "until" || w == "till" || w == "by" || w == "before" || w == "after" {
			continue
		}
		out[n] = m
		n++
	}
	return out[:n]
}

// lastWord returns the last word of s.
func lastWord(s string) string {
	// the last of strings.Fields(s), without splitting all of s
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i+size:]
}

// nearestDate returns the date mention in s closest after off (or, if
// none after, closest before), preferring day precision.
func nearestDate(ds []Mention, off int) *DateRange {
	var best *DateRange
	bestDist := 1 << 30
	for i := range ds {
		m := ds[i]
		dist := m.Span.Start - off
		if dist < 0 {
			dist = -dist + 1000 // prefer dates after the name
		}
		if m.Dates.Precision == Year {
			dist += 500
		}
		if dist < bestDist {
			best, bestDist = m.Dates, dist
		}
	}
	return best
}

// lower is strings.ToLower, named for brevity in patterns.
func lower(s string) string { return strings.ToLower(s) }

// lowersToASCII reports whether s holds one of the only runes outside
// ASCII that strings.ToLower maps to ASCII: "İ" ("i") and the Kelvin
// sign ("k").
func lowersToASCII(s string) bool {
	return strings.Contains(s, "\u0130") || strings.Contains(s, "\u212a")
}

// containsLower is strings.Contains(strings.ToLower(s), sub) for sub in
// lower-case ASCII, without lower-casing s.
func containsLower(s, sub string) bool {
	if lowersToASCII(s) {
		return strings.Contains(strings.ToLower(s), sub)
	}
	if sub != "" && (sub[0] < 'a' || sub[0] > 'z') {
		// a first byte no other folds to: sought as it stands
		for i := 0; ; i++ {
			k := strings.IndexByte(s[i:], sub[0])
			if k < 0 || i+k+len(sub) > len(s) {
				return false
			}
			if i += k; asciiPrefixFold(s[i:], sub) {
				return true
			}
		}
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if asciiPrefixFold(s[i:], sub) {
			return true
		}
	}
	return false
}

// hasPrefixLower is strings.HasPrefix(strings.ToLower(s), prefix) for
// prefix in lower-case ASCII, lower-casing no more of s than can matter.
func hasPrefixLower(s, prefix string) bool {
	head := s[:min(len(s), 3*len(prefix)+4)] // a rune lower-cases to a third of its bytes at least
	if lowersToASCII(head) {
		return strings.HasPrefix(strings.ToLower(head), prefix)
	}
	return asciiPrefixFold(s, prefix)
}

// asciiLower lower-cases an ASCII letter, and returns any other byte as
// it is.
func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return c
}

// asciiPrefixFold reports whether s starts with prefix, a lower-case
// ASCII string, ASCII letters of s compared in lower case.
func asciiPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for j := 0; j < len(prefix); j++ {
		c := s[j]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[j] {
			return false
		}
	}
	return true
}

// dest is a country named as the object of a travel or meeting phrase,
// with the city that stood for it, if any.
type dest struct {
	country, place string
	at             int // byte offset of the mention in Doc.Text
}

// fillerWords may stand between a lead word and a country, or around the
// country's name: "visited the Federative Republic of Brazil".
var fillerWords = vocabSet("filler")

// listWords may join the members of a list of destinations: "Greece and
// Romania", "the Czech Republic on July 15-16 and Georgia on July 17-18
// respectively", "Saudi Arabia (March 3-5), the UAE".
var listWords = vocabSet("list.join")

// chains returns the countries named in sp after off as objects of a lead
// word (lead reports whether a lower-case word introduces a destination),
// with the countries coordinated with them. A country after any other
// word ("refugees from Somalia", "on the border with Venezuela", "the
// situation surrounding Ukraine") is not a destination.
func (c *Frame) chains(sp Span, off int, lead func(string) bool) []dest {
	var out []dest
	var seenBuf [8][2]string
	seen := seenBuf[:0] // the destinations met: a handful
	inChain := false
	prevEnd, prevGap := off, ""
	for _, m := range c.within(Span{max(off, sp.Start), sp.End}) {
		if !sp.Contains(m.Span) {
			continue
		}
		var d dest
		switch {
		case m.Kind == KindCountry && !isDemonymMention(m) && !c.insideOrgName(m) && !c.insideGathering(m):
			d = dest{country: m.Value, at: m.Span.Start}
		case m.Kind == KindPlace && m.Country != "":
			d = dest{country: m.Country, place: m.Text, at: m.Span.Start}
		case m.Kind == KindDate:
			continue
		default:
			continue
		}
		if m.Span.Start < prevEnd {
			continue // inside the previous country's name
		}
		gap := c.d.Text[prevEnd:m.Span.Start]
		if m.Kind == KindCountry && mayEndInCity(gap) {
			// a city the gazetteer does not know, with its country:
			// "for Rarotonga, Cook Islands" (the pattern ends in a comma)
			gap = unknownCityRe.ReplaceAllString(gap, " ")
		}
		// a possessive does not go on a list of destinations: "his visit
		// to Ethiopia last week and on Egypt's efforts"
		ok := inChain && c.onlyJoins(gap, prevEnd) && !possessive(c.d.Text, m)
		var blanked string // the gap without its dates, read once
		if !ok {
			blanked = c.blankDates(gap, prevEnd)
			ok = leadsTo(blanked, lead)
		}
		if !ok && lead("to") && departLeads[strings.ToLower(lastWord(prevGap))] {
			// "departed Nadi for Rarotonga", "departed Bangkok on 28
			// November for Hanoi": from the first, for the second
			switch f := strings.Fields(strings.ToLower(blanked)); {
			case len(f) == 1 && f[0] == "for", len(f) == 2 && f[0] == "on" && f[1] == "for":
				ok = true
			}
		}
		prevGap = gap
		if ok && m.Kind == KindCountry && strings.HasSuffix(strings.TrimSuffix(strings.ToLower(strings.TrimSpace(gap)), " the"), "of") &&
			foreignOfficial(c.d.Text[m.Span.End:]) {
			ok = false // "the Visit of U.S. Secretary of State X": whose, not where
		}
		inChain = ok
		prevEnd = m.Span.End
		if !ok {
			continue
		}
		key := [2]string{d.country, d.place}
		if slices.Contains(seen, key) {
			continue
		}
		seen = append(seen, key)
		// "Tbilisi, Georgia": the country named with its city is what
		// was visited.
		if n := len(out); n > 0 && out[n-1].place != "" && out[n-1].country == d.country && d.place == "" {
			out[n-1].place = ""
			continue
		}
		out = append(out, d)
	}
	return out
}

// mayEndInCity reports whether gap ends with a comma, then spaces, after
// a byte that may end a word of unknownCityRe ("[\p{L}'-]"): most
// commas between countries follow none ("Greece, Romania").
func mayEndInCity(gap string) bool {
	t := strings.TrimRight(gap, "\t\n\f\r ")
	if len(t) < 2 || t[len(t)-1] != ',' {
		return false
	}
	b := t[len(t)-2]
	return b >= 0x80 || b == '\'' || b == '-' || b|0x20 >= 'a' && b|0x20 <= 'z'
}

// unknownCityRe matches capitalized words and a comma at the end of a
// gap before a country: a city the gazetteer does not know.
var unknownCityRe = regexp.MustCompile(`\s(?:\p{Lu}[\p{L}'-]+ ){0,2}\p{Lu}[\p{L}'-]+,\s*$`)

// blankDates returns gap, the text at offset at, with its dates blanked
// out: "arrives today in" reads as "arrives in".
func (c *Frame) blankDates(gap string, at int) string {
	var b []byte
	for _, m := range c.within(Span{at, at + len(gap)}) {
		if m.Kind == KindDate && m.Span.Start >= at && m.Span.End <= at+len(gap) {
			if b == nil {
				b = []byte(gap)
			}
			for i := m.Span.Start - at; i < m.Span.End-at; i++ {
				b[i] = ' '
			}
			// and the preposition that introduces it: "visits from 3 to
			// 5 June in Korea" reads as "visits in Korea"
			i := m.Span.Start - at
			for i > 0 && b[i-1] == ' ' {
				i--
			}
			for _, w := range []string{"from", "on", "between"} {
				if i >= len(w) && strings.EqualFold(string(b[i-len(w):i]), w) && (i == len(w) || b[i-len(w)-1] == ' ') {
					for k := i - len(w); k < i; k++ {
						b[k] = ' '
					}
					break
				}
			}
		}
	}
	if b == nil {
		return gap
	}
	return string(b)
}

// leadsTo reports whether the last word of gap, after fillers, is a lead
// word.
func leadsTo(gap string, lead func(string) bool) bool {
	var buf [24]string // most gaps' words fit: no allocation for them
	ws := tailWords(buf[:0], gap)
	var fields [24]string
	if len(ws) >= 3 && ws[len(ws)-1] == "in" && lead("in") && nameAfterTo(appendFields(fields[:0], gap, -1)) {
		// "a delegation to the World Health Organization Intergovernmental
		// Negotiating Body (INB) in Geneva": where the body met
		return true
	}
	// leadAt checks the word at the end of ws; "in" leads only after a
	// word of being or arriving somewhere ("was in Riyadh", not "the
	// crisis in Syria").
	leadAt := func(ws []string) bool {
		w := ws[len(ws)-1]
		if w == "of" && lead("to") && len(ws) >= 2 {
			// "a three-nation tour of Kenya", "his trip of" reads as "to"
			switch strings.Trim(ws[len(ws)-2], ",") {
			case "tour", "trip", "visit", "visits":
				return true
			}
		}
		if w == "for" && lead("to") && len(ws) >= 2 && departLeads[strings.Trim(ws[len(ws)-2], ",")] {
			return true // "departs for Brazil", "left for Accra"
		}
		if strings.HasSuffix(w, ",") || !lead(w) {
			return false
		}
		return w != "in" || len(ws) >= 2 && inLeads[strings.Trim(ws[len(ws)-2], ",")]
	}
	if len(ws) > 0 && leadAt(ws) {
		return true
	}
	for len(ws) > 0 && fillerWords[strings.Trim(ws[len(ws)-1], ",")] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) == 0 {
		return lead("") // the start of the sentence
	}
	return leadAt(ws)
}

// tailWords returns the last words of strings.Fields(strings.ToLower(gap))
// that leadsTo reads: all of them, or, for a long gap, those of its last
// 160 bytes when they are enough (three or more, and two or more once the
// trailing fillers are dropped). Lower-casing never makes or unmakes a
// space, so the words of the tail lower-case one by one.
func tailWords(dst []string, gap string) []string {
	const tail = 160
	if len(gap) > tail {
		ws := appendLowerFields(dst, gap[len(gap)-tail:])
		if len(ws) > 0 {
			ws = ws[1:] // the first may be cut
		}
		n := len(ws)
		for n > 0 && fillerWords[strings.Trim(ws[n-1], ",")] {
			n--
		}
		if len(ws) >= 3 && n >= 2 {
			return ws
		}
	}
	return appendLowerFields(dst[:0], gap)
}

// appendLowerFields appends the words of strings.Fields(s), each
// lower-cased, to dst: strings.Fields(strings.ToLower(s)), since
// lower-casing never makes or unmakes a space. s is lower-cased whole,
// one copy at most, not one for each capitalized word.
func appendLowerFields(dst []string, s string) []string {
	for w := range strings.FieldsSeq(strings.ToLower(s)) {
		dst = append(dst, w)
	}
	return dst
}

// appendFields appends the words of strings.Fields(s) to dst, the first
// limit of them at most.
func appendFields(dst []string, s string, limit int) []string {
	start, n := -1, 0 // the start of the field being read, the fields read
	for i := 0; i <= len(s); {
		space, size := true, 1 // the end of s ends a field
		if i < len(s) {
			if c := s[i]; c < utf8.RuneSelf {
				space = asciiSpaceByte[c]
			} else {
				var r rune
				r, size = utf8.DecodeRuneInString(s[i:])
				space = unicode.IsSpace(r)
			}
		}
		switch {
		case !space && start < 0:
			start = i
		case space && start >= 0:
			if dst, n = append(dst, s[start:i]), n+1; n == limit {
				return dst
			}
			start = -1
		}
		i += size
	}
	return dst
}

// nameAfterTo reports whether the words before a final "in" are "to"
// and a name: capitalized words, function words and parenthesized
// acronyms, at most a dozen ("to the Intergovernmental Negotiating Body
// (INB) in").
func nameAfterTo(ws []string) bool {
	caps := 0
	for i := len(ws) - 2; i >= 0 && i >= len(ws)-14; i-- {
		w := strings.Trim(ws[i], "()")
		switch {
		case ws[i] == "to":
			return caps > 0
		case w == "the" || w == "of" || w == "for" || w == "on" || w == "and" || w == "&":
		case w != "" && w[0] >= 'A' && w[0] <= 'Z' && !strings.HasSuffix(ws[i], ","):
			caps++
		default:
			return false
		}
	}
	return false
}

// departLeads may stand before "for" when it introduces a destination:
// "departs for", "left for", "sets off for", "bound for".
var departLeads = vocabSet("depart.leads")

// onlyJoins reports whether the text between two list members holds only
// separators, joining words, fillers, dates and parenthesized asides.
func (c *Frame) onlyJoins(gap string, at int) bool {
	s := c.blankDates(gap, at)
	for {
		i := strings.IndexByte(s, '(')
		j := strings.IndexByte(s, ')')
		if i < 0 || j < i {
			break
		}
		s = s[:i] + " " + s[j+1:]
	}
	dated := s != gap
	// the words between spaces and the punctuation of a list (joinByte),
	// each looked up lower-cased
	last := false // the word read was "in" or "to", which only a last one may be
	for i := 0; i < len(s); {
		if joinByte[s[i]] {
			i++
			continue
		}
		j := i
		for j < len(s) && !joinByte[s[j]] {
			if s[j] < utf8.RuneSelf {
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		if j == i { // a space beyond ASCII
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
			continue
		}
		w := s[i:j]
		i = j
		if last {
			return false // "in" or "to" not last
		}
		if inLower(listWords, w) || inLower(fillerWords, w) {
			continue
		}
		// "from 3 to 5 June in Korea and from 5 to 7 June in Japan": a
		// dated member's own "in" or "to"
		if !dated || !equalLower(w, "in") && !equalLower(w, "to") {
			return false
		}
		last = true
	}
	return true
}

// joinByte marks the bytes that part the words onlyJoins reads: ASCII
// spaces and the punctuation between list members.
var joinByte = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true,
	',': true, ')': true, '(': true, ';': true, ':': true}
