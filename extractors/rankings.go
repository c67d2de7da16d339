package extractors

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Rankings finds a country's position in a named index, survey or league
// table. It reads every ordinal that stands in a ranking context (after
// ranked/placed/stood at/took, before place/position, or coordinated with
// such an ordinal: "first in X and third in Y"), then looks for the index
// (a capitalized name ending in Index, Survey, Ranking, Report... after
// the ordinal, else before it in the sentence, else the one the text just
// named when it says "of the same survey"), the ranked country (the
// subject before the ordinal, the object of "placed Estonia 5th", pairs
// under "respectively", else the subject of the sentence before, for "it"
// and footnotes) and the edition year (in the index name, "in 2018", "as
// of 2017", "last year"). Superlatives with a position ("the world's
// fifth fastest broadband internet") count with a lower confidence; vague
// standings ("one of the top leaders", "within the top 3") do not.
type Rankings struct{}

var (
	ordinalWords = map[string]int{
		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
		"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
		"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
		"nineteenth": 19, "twentieth": 20,
	}
	// ordinalShape is the filter of ordinalWords' words.
	ordinalShape = shapeOf(ordinalWords)
	// ordinalPh holds the words of ordinalWords, so that a sentence's
	// words say whether they are one without a look-up.
	ordinalPh = newPhrases(slices.Collect(maps.Keys(ordinalWords))...)
	rankCuePh = newPhrases(vocab("rank.cues")...)
	// rankVerbs stand before a position: "ranked 13th", "placed Estonia 5th".
	rankVerbs = vocabSet("rank.verbs")
	// editionWords after an ordinal make it an edition or a count, not a place.
	editionWords = vocabSet("edition.words")
	indexHeads   = vocabSet("index.heads")
	sameIndexPh  = newPhrases(vocab("same.index")...)
	// rankGoesTo after a position names the country that holds it:
	// "Second place went to Sweden".
	rankGoesTo = splitAll(vocab("rank.goes.to"))
	// topWords say first: "Korea tops the index", "ranked top", "the
	// top spot".
	topVerbs = vocabSet("rank.top.verbs")
	// rankParticiples after a field and a comma put it first: "Digital
	// Public Services, coming first".
	rankParticiples = vocabSet("rank.participles")
)

// Events returns d's ranking records.
func (Rankings) Events(d *Doc, c *Frame) []Event {
	var out []Event
	seen := map[string]bool{}
	// The subject for a position that names no country: the country of
	// the last position, or the first country of a sentence after it
	// (subjectCountry), whichever came last. The sentences from subjFrom
	// on are read for theirs only when a position needs it: most
	// documents have no such position.
	var lastSubject string
	subjFrom := 0
	subjectBefore := func(i int) string {
		for j := i - 1; j >= subjFrom; j-- {
			if s := c.subjectCountry(d.Sentences[j]); s != "" {
				lastSubject = s
				break
			}
		}
		subjFrom = i
		return lastSubject
	}
	var ws []tok            // the sentence's words, in a buffer reused from one to the next
	var prevIdx []indexName // the index names of the sentence before
	lastYear := 0           // the year of the last index named with one
	out = append(out, c.tableRankings()...)
	for _, e := range out {
		seen[rankingKey(e.Country, e.RankPosition, e.RankYear)] = true
	}
	for i := range d.Sentences {
		if d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		text, sp := c.sentence(i)
		var idx []indexName
		if c.sentenceMay(i, rankCuePh) && c.matches(rankCuePh, text) || c.hasOrdinal(text) {
			// room for the sentence's words at once, about a word or mark
			// in four bytes, not grown one doubling at a time
			ws = appendWordsOf(slices.Grow(ws[:0], len(text)/4), text, sp.Start)
			idx = indexNames(ws)
			pos := c.positions(ws)
			pairs := c.respectively(text, sp, pos)
			sentYear := 0 // a year another index of the sentence carries: the survey's edition
			for _, ix := range idx {
				if ix.year != 0 {
					sentYear = ix.year
				}
			}
			claimed := claimedYears(ws, pos)
			for k, p := range pos {
				name, year, superl := "", 0, false
				switch ix := pickIndex(idx, ws, p.at); {
				case ix != nil:
					name, year = ix.name, ix.year
				case p.superlative != "":
					name, superl = p.superlative, true
				case category(ws, p.at):
					continue // "ranked 10th in Economic Performance": a sub-ranking
				case len(prevIdx) > 0:
					ix := prevIdx[len(prevIdx)-1]
					name, year = ix.name, ix.year
					if year == 0 {
						year = lastYear
					}
				case c.documentIndex() != nil:
					name, year = c.documentIndex().name, c.documentIndex().year
				default:
					continue
				}
				// "ranked third in 2010 and second in 2009": the year
				// right after a position is its own.
				if y := claimed.byPos[p.at]; y != 0 {
					year = y
				}
				if year == 0 && !superl {
					year = sentYear
				}
				if year == 0 && c.matches(sameIndexPh, text) {
					year = lastYear
				}
				if year == 0 {
					year = yearNear(ws, p.at, d.Meta.Published, claimed)
				}
				if p.previous {
					year = 0
				} else if p.lastYear && year != 0 {
					year--
				} else if p.lastYear && d.Meta.Published != nil {
					year = d.Meta.Published.Year - 1
				} else if year == 0 {
					// The current edition: the release's index year, else
					// the year it was published.
					if ix := c.documentIndex(); ix != nil && ix.year != 0 {
						year = ix.year
					} else if d.Meta.Published != nil {
						year = d.Meta.Published.Year
					}
				}
				if sub := subIndexBefore(ws, p.at); sub != "" {
					name = sub
				} else {
					name = withoutAcronym(name)
				}
				country := ""
				if pairs != nil {
					country = pairs[k]
				}
				if country == "" {
					country = c.holderAfter(ws, p)
				}
				if country == "" {
					country = c.rankedCountry(ws, p.at, idx)
				}
				if country == "" {
					country = subjectBefore(i)
				}
				if country == "" {
					continue
				}
				conf := 0.8
				if superl {
					conf = 0.5
				}
				add := func(country string, n int, conf float64) {
					key := rankingKey(country, n, year)
					if seen[key] {
						return
					}
					seen[key] = true
					out = append(out, Event{
						Type: Ranking, Status: Occurred, Country: country, Name: name,
						RankPosition: n, RankYear: year, Evidence: sp, Confidence: conf,
					})
				}
				add(country, p.n, conf)
				// "Second place went to Sweden, followed by Iceland,
				// Denmark, and Finland": the places after it.
				for j, f := range c.followedBy(sp, country, ws, p) {
					add(f, p.n+1+j, conf*0.8)
				}
				lastSubject, subjFrom = country, i // sentence i's own subject is still to come
			}
			for _, ix := range idx {
				if ix.year != 0 {
					lastYear = ix.year
				}
			}
		}
		prevIdx = idx
	}
	return out
}

// isYearWord reports a plausible year: 1950 to 2099.
func isYearWord(w string) bool {
	if len(w) != 4 {
		return false
	}
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1950 && n <= 2099
}

// rankingKey identifies a standing: a table and the prose around it
// telling "Taiwan 7th in 2022" are one record whatever they call the index.
func rankingKey(country string, pos, year int) string {
	return country + "|" + strconv.Itoa(pos) + "|" + strconv.Itoa(year)
}

// hasOrdinal reports whether a sentence holds an ordinal ("4th",
// "third"): standings listed without a ranking verb ("with Sweden 4th,
// Finland 8th") still need a look.
func (c *Frame) hasOrdinal(text string) bool {
	for _, w := range c.lowerWords(text) {
		if w.starts&ordinalPh.bit != 0 || ordinalWord(w.s) && !isYearWord(w.s) && len(w.s) > 2 {
			return true
		}
	}
	return false
}

// documentIndex returns the index a release is about: the first index
// named in its headline, else the first named in its text.
func (c *Frame) documentIndex() *indexName {
	if c.docIndexDone {
		return c.docIndex
	}
	c.docIndexDone = true
	c.docIndex = c.findDocumentIndex()
	return c.docIndex
}

func (c *Frame) findDocumentIndex() *indexName {
	var first *indexName
	for _, sp := range c.d.Sentences {
		if c.d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		if !c.hasIndexWord(c.d.Text[sp.Start:sp.End]) {
			continue
		}
		idx := indexNames(wordsOf(c.d.Text[sp.Start:sp.End], sp.Start))
		if len(idx) == 0 {
			continue
		}
		ts := c.d.Meta.TitleSpan
		if ts.Start <= sp.Start && sp.End <= ts.End || ts.Start >= sp.Start && ts.End <= sp.End && ts.End > ts.Start {
			return &idx[0]
		}
		if first == nil {
			first = &idx[0]
		}
	}
	return first
}

var indexHeadShape = shapeOf(indexHeads)

// hasIndexWord reports whether a sentence holds an index noun.
func (c *Frame) hasIndexWord(text string) bool {
	return anyWordIn(text, indexHeads, indexHeadShape)
}

// category reports a position followed by "in" and a capitalized phrase
// that is no index: a category of a ranking ("10th in Economic
// Performance"), not the ranking itself.
func category(ws []tok, i int) bool {
	if i+2 >= len(ws) {
		return false
	}
	p := strings.ToLower(ws[i+1].s)
	if p != "in" && p != "on" && p != "for" {
		return false
	}
	n := ws[i+2].s
	return capWord(n) && n != "the" && !ordinalWord(n)
}

// tableRankings reads ranking tables: a header row whose cells after the
// first are years, then rows that open with a country and hold positions
// under those years ("Economy\t2022\t2021" / "Taiwan\t7\t8"). The index
// is the one named on the lines just above the table, else the release's.
func (c *Frame) tableRankings() []Event {
	var out []Event
	t := c.d.Text
	var years []int
	var name string
	var caption *indexName
	prevLine := Span{}
	for l := range lineSpans(t) {
		ls, le := l.Start, l.End
		line := t[ls:le]
		var cells []string // none for a line without a tab, which is no row
		if strings.IndexByte(line, '\t') >= 0 {
			cells = strings.Split(line, "\t")
		}
		switch {
		case len(cells) >= 2 && tableYears(cells[1:]) != nil:
			years = tableYears(cells[1:])
			caption = nil
			if ix := indexNames(wordsOf(t[prevLine.Start:prevLine.End], prevLine.Start)); len(ix) > 0 {
				caption = &ix[0]
			}
			name = ""
			switch {
			case caption != nil:
				name = caption.name
			case c.documentIndex() != nil:
				name = c.documentIndex().name
			}
		case len(cells) >= 2 && years != nil && len(cells)-1 == len(years):
			iso := ""
			for _, m := range c.within(Span{ls, le}) {
				if m.Kind == KindCountry && m.Span.Start == ls {
					iso = m.Value
				}
			}
			if iso == "" || name == "" {
				break
			}
			for k, cell := range cells[1:] {
				n, err := strconv.Atoi(strings.TrimSpace(cell))
				if err != nil || n < 1 || n > 300 {
					continue
				}
				out = append(out, Event{Type: Ranking, Status: Occurred, Country: iso, Name: name,
					RankPosition: n, RankYear: years[k], Evidence: Span{ls, le}, Confidence: 0.7})
			}
		default:
			years = nil
		}
		if strings.TrimSpace(line) != "" {
			prevLine = l
		}
	}
	return out
}

// tableYears returns the years of a header row's cells, or nil if they
// are not all years.
func tableYears(cells []string) []int {
	var ys []int
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if !isYearWord(c) {
			return nil
		}
		y, _ := strconv.Atoi(c)
		ys = append(ys, y)
	}
	return ys
}

// position is an ordinal read as a place in a ranking.
type position struct {
	n           int
	at          int    // index in the sentence's words
	superlative string // "fastest broadband internet", for "fifth fastest ..."
	lastYear    bool   // "up from 34th last year"
	previous    bool   // "from 16th place in the previous edition"
}

// ordinalAt reads the ordinal at ws[i] ("13th", "first", "No. 1"), and
// how many words it takes.
func ordinalAt(ws []tok, i int) (int, int) {
	if w := ws[i].s; w != "" && w[0] > '9' && w[0]|0x20 != 'n' && !ordinalShape.mayStart(asciiLower(w[0]), len(w)) && isASCII(w) {
		// lower-cased, an ASCII word keeps its length: no ordinal word,
		// and no digits or "No."
		return 0, 0
	}
	var buf [32]byte
	lw := appendLower(buf[:0], ws[i].s) // strings.ToLower, without allocating
	// Most words are no ordinal, and skip the map.
	if ordinalShape.may(lw) {
		if n, ok := ordinalWords[string(lw)]; ok {
			return n, 1
		}
	}
	// An ordinal is ASCII, which lower-casing leaves as long, and
	// ordinalWord reads its suffix without case.
	w := ws[i].s
	if ordinalWord(w) && len(w) > 2 && !isYearWord(w) {
		if n, err := strconv.Atoi(w[:len(w)-2]); err == nil && n < 1000 {
			return n, 1
		}
	}
	if (string(lw) == "no" || string(lw) == "number") && i+1 < len(ws) {
		j := i + 1
		if ws[j].s == "." && j+1 < len(ws) {
			j++
		}
		if n, err := strconv.Atoi(ws[j].s); err == nil && n > 0 && n < 300 {
			return n, j - i + 1
		}
	}
	return 0, 0
}

// positions returns the ordinals of a sentence that state a place in a
// ranking.
func (c *Frame) positions(ws []tok) []position {
	var out []position
	for i := 0; i < len(ws); i++ {
		n, width := ordinalAt(ws, i)
		top := false
		if n == 0 && c.topAt(ws, i) {
			n, width, top = 1, 1, true
		}
		if n == 0 || n > 300 {
			continue
		}
		next := ""
		if i+width < len(ws) {
			next = strings.ToLower(ws[i+width].s)
		}
		if editionWords[next] {
			continue
		}
		ok := top || next == "place" || next == "position" || next == "spot" || next == "rank"
		// "with Sweden 4th, Finland 8th": an ordinal right after a country.
		if i > 0 && c.countryEndsAt(ws[i-1].end) {
			ok = true
		}
		for j := i - 1; j >= 0 && j >= i-4 && !ok; j-- {
			w := strings.ToLower(ws[j].s)
			if rankVerbs[w] || w == "at" && j > 0 && inLower(rankVerbs, ws[j-1].s) {
				ok = true
			}
			if w == "," || w == "." {
				break
			}
		}
		// "first and second place", "third in X and fourth in Y"
		if !ok && len(out) > 0 && i > 0 {
			prev := strings.ToLower(ws[i-1].s)
			ok = (prev == "and" || prev == "," || prev == "or") && i-out[len(out)-1].at <= 14
		}
		var sup string
		if next != "" && (strings.HasSuffix(next, "est") && len(next) > 4 || next == "most" || next == "largest" || next == "highest") {
			var phrase []string
			for j := i + width; j < len(ws) && len(phrase) < 5; j++ {
				w := ws[j].s
				lw := strings.ToLower(w)
				if !isWordTok(w) || lw == "as" || lw == "in" || lw == "and" || lw == "which" || lw == "with" || lw == "since" || lw == "among" || lw == "for" || (lw == "of" && len(phrase) >= 3) {
					break
				}
				phrase = append(phrase, w)
			}
			if len(phrase) >= 2 {
				sup = strings.Join(phrase, " ")
				ok = ok || i > 0 && strings.ToLower(ws[i-1].s) == "world's"
			}
		}
		if !ok {
			continue
		}
		p := position{n: n, at: i, superlative: sup}
		tail := strings.ToLower(joinWords(ws[i+width : min(len(ws), i+width+6)]))
		p.lastYear = strings.Contains(tail, "last year") || strings.Contains(tail, "previous year") || strings.Contains(tail, "a year earlier")
		// "from 16th place in the previous edition", "Compared with the
		// previous edition, in which it placed 131st"
		head := strings.ToLower(joinWords(ws[max(0, i-8):i]))
		p.previous = previousEdition(tail) || previousEdition(head) && strings.Contains(head, " which ")
		out = append(out, p)
		i += width - 1
	}
	return out
}

// previousEdition reports words that tell of an index's edition before.
func previousEdition(s string) bool {
	return strings.Contains(s, "previous edition") || strings.Contains(s, "last edition") || strings.Contains(s, "previous survey")
}

// countryEndsAt reports whether a country name (not an adjective) ends at
// byte offset off.
func (c *Frame) countryEndsAt(off int) bool {
	for _, m := range c.within(Span{max(0, off-60), off}) {
		if m.Kind == KindCountry && m.Span.End == off && !isDemonymMention(m) {
			return true
		}
	}
	return false
}

func isWordTok(w string) bool {
	for _, r := range w {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return false
}

func joinWords(ws []tok) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.s)
	}
	return b.String()
}

// indexName is a named index in a sentence: words ws[start:end].
type indexName struct {
	name       string
	start, end int
	year       int
}

// indexNames finds capitalized names that end in an index noun, with a
// trailing year, "(DESI)" and "of the UN e-Government Survey" kept:
// "United Nations E-Government Survey 2022", "E-Government Development
// Index of the UN e-Government Survey 2018".
func indexNames(ws []tok) []indexName {
	var out []indexName
	for i := 0; i < len(ws); i++ {
		if !inLowerShape(indexHeads, indexHeadShape, ws[i].s) || !capWord(ws[i].s) && (i == 0 || !capWord(ws[i-1].s)) {
			continue
		}
		s := i
		for s > 0 {
			p := ws[s-1].s
			if p == ")" && s >= 3 && ws[s-3].s == "(" {
				s -= 3
				continue
			}
			if capWord(p) && !nameStop[p] || (p == "and" || p == "&" || p == "of") && s >= 2 && capWord(ws[s-2].s) && !nameStop[ws[s-2].s] {
				s--
				continue
			}
			break
		}
		for s < i && !capWord(ws[s].s) {
			s++
		}
		if s == i && !capWord(ws[i].s) {
			continue
		}
		e := i + 1
		for e < len(ws) {
			switch {
			case ws[e].s == "(" && e+2 < len(ws) && ws[e+2].s == ")":
				e += 3
				continue
			case isYearWord(ws[e].s):
				e++
				continue
			case (ws[e].s == "of" || ws[e].s == "on") && e+2 < len(ws) && ws[e+1].s == "the" && capWord(ws[e+2].s):
				// "of the UN e-Government Survey"
				k := e + 2
				for k < len(ws) && k < e+8 && isWordTok(ws[k].s) && !inLower(indexHeads, ws[k].s) {
					k++
				}
				if k < len(ws) && inLower(indexHeads, ws[k].s) && capWord(ws[k].s) {
					e = k + 1
					continue
				}
			case (ws[e].s == "of" || ws[e].s == "on") && inLower(indexHeads, ws[e-1].s) && e+1 < len(ws) &&
				capWord(ws[e+1].s) && !isYearWord(ws[e+1].s):
				// "Index of Economic Freedom 2024"
				k := e + 1
				for k < len(ws) && capWord(ws[k].s) && !isYearWord(ws[k].s) {
					k++
				}
				e = k
				continue
			}
			break
		}
		if e-s < 2 && !capWord(ws[s].s) {
			continue
		}
		var parts []string
		year := 0
		for _, w := range ws[s:e] {
			parts = append(parts, w.s)
			if isYearWord(w.s) {
				year, _ = strconv.Atoi(w.s)
			}
		}
		name := parenSpaces.Replace(strings.Join(parts, " "))
		out = append(out, indexName{name: name, start: s, end: e, year: year})
		i = e - 1
	}
	return out
}

// parenSpaces drops the spaces inside parentheses that joining words puts
// there: "Index ( DESI )" is "Index (DESI)".
var parenSpaces = strings.NewReplacer("( ", "(", " )", ")")

// pickIndex chooses the index a position at word i refers to: the first
// index name after it when only a preposition phrase stands between
// ("3rd in the E-Government Development Index"), else the nearest before
// it ("In the Online Services Index ..., Estonia was ranked 2nd").
func pickIndex(idx []indexName, ws []tok, i int) *indexName {
	for k := range idx {
		ix := &idx[k]
		if ix.start <= i {
			continue
		}
		gap := ws[i+1 : ix.start]
		if len(gap) <= 10 && !containsTok(gap, ",") && !containsTok(gap, "and") {
			return ix
		}
		break
	}
	var best *indexName
	for k := range idx {
		if idx[k].end <= i {
			best = &idx[k]
		}
	}
	return best
}

func containsTok(ws []tok, s string) bool {
	for _, w := range ws {
		if w.s == s {
			return true
		}
	}
	return false
}

// yearNear returns a year stated with "in/as of/for YYYY" in the
// sentence, nearest the position, that is not another position's own.
func yearNear(ws []tok, i int, pub *Timestamp, claimed yearClaims) int {
	best, bestDist := 0, 1<<30
	for k := 1; k < len(ws); k++ {
		if !isYearWord(ws[k].s) || claimed.used[k] {
			continue
		}
		p := strings.ToLower(ws[k-1].s)
		if p != "in" && p != "of" && p != "for" && p != "since" {
			continue
		}
		y, _ := strconv.Atoi(ws[k].s)
		if pub != nil && y > pub.Year {
			continue
		}
		dist := k - i
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

// yearClaims are the years that stand right after a position ("third in
// 2010 and second in 2009"): each is that position's own.
type yearClaims struct {
	byPos map[int]int  // word index of a position -> its year
	used  map[int]bool // word indexes of the years claimed
}

func claimedYears(ws []tok, pos []position) yearClaims {
	var cl yearClaims // its maps made at the first claim: most sentences have none
	for _, p := range pos {
		for k := p.at + 1; k+1 < len(ws) && k <= p.at+3; k++ {
			w := strings.ToLower(ws[k].s)
			if w != "in" && w != "for" {
				continue
			}
			if isYearWord(ws[k+1].s) {
				y, _ := strconv.Atoi(ws[k+1].s)
				if cl.byPos == nil {
					cl.byPos, cl.used = map[int]int{}, map[int]bool{}
				}
				cl.byPos[p.at], cl.used[k+1] = y, true
			}
			break
		}
	}
	return cl
}

// topAt reports a word that states first place without an ordinal: "Korea
// tops the index", "was ranked top in ...", "took the top spot"; not "the
// top 10" or "one of the top leaders".
func (c *Frame) topAt(ws []tok, i int) bool {
	if s := ws[i].s; s == "" || s[0]|0x20 != 't' {
		return false // "top" and the top verbs start with t, which only T lower-cases to
	}
	var buf [32]byte
	w := appendLower(buf[:0], ws[i].s) // strings.ToLower, without allocating
	if topVerbs[string(w)] {
		return i > 0 && c.countryEndsAt(ws[i-1].end)
	}
	if string(w) != "top" || i+1 >= len(ws) {
		return false
	}
	next := strings.ToLower(ws[i+1].s)
	switch next {
	case "spot", "place", "position", "rank":
		return true
	}
	if _, err := strconv.Atoi(next); err == nil || ordinalWords[next] != 0 || cardinals[next] != 0 || next == "of" && i+2 < len(ws) && strings.EqualFold(ws[i+2].s, "the") {
		return false
	}
	return i > 0 && inLower(rankVerbs, ws[i-1].s)
}

// holderAfter returns the country a position goes to when the text names
// it after: "Second place went to Sweden". "" when none.
func (c *Frame) holderAfter(ws []tok, p position) string {
	for j := p.at + 1; j < len(ws) && j <= p.at+3; j++ {
		n := phraseLenAt(ws, j, rankGoesTo)
		if n == 0 {
			continue
		}
		end := ws[j+n-1].end
		for _, m := range c.within(Span{end, end + 40}) {
			if m.Kind == KindCountry && !isDemonymMention(m) {
				return m.Value
			}
		}
		return ""
	}
	return ""
}

// followedBy returns the countries a text lists after a position with
// "followed by": the places after it, in order.
func (c *Frame) followedBy(sp Span, holder string, ws []tok, p position) []string {
	for j := p.at + 1; j+1 < len(ws) && j <= p.at+8; j++ {
		if !strings.EqualFold(ws[j].s, "followed") || !strings.EqualFold(ws[j+1].s, "by") {
			continue
		}
		var out []string
		for _, d := range c.chains(sp, ws[j+1].end, func(w string) bool { return w == "" }) {
			if d.place == "" && d.country != holder {
				out = append(out, d.country)
			}
		}
		return out
	}
	return nil
}

// subIndexBefore returns the named field a position is in when the text
// puts it first: "develops Digital Public Services, coming first within
// the EU". "" when none.
func subIndexBefore(ws []tok, i int) string {
	if i < 3 || !rankParticiples[strings.ToLower(ws[i-1].s)] || ws[i-2].s != "," {
		return ""
	}
	s := i - 2
	for s > 0 && capWord(ws[s-1].s) && !ordinalWord(ws[s-1].s) && !nameStop[ws[s-1].s] {
		s--
	}
	if i-2-s < 2 || inLower(indexHeads, ws[i-3].s) {
		return ""
	}
	return joinWords(ws[s : i-2])
}

// withoutAcronym drops an acronym in parentheses from an index's name:
// "ICT Development Index (IDI)" is the "ICT Development Index".
func withoutAcronym(name string) string {
	o := strings.IndexByte(name, '(')
	cl := strings.IndexByte(name, ')')
	if o <= 0 || cl < o || !allCaps(name[o+1:cl]) {
		return name
	}
	return strings.TrimSpace(strings.TrimSpace(name[:o]) + " " + strings.TrimSpace(name[cl+1:]))
}

// rankedCountry returns the country a position belongs to: the object of
// "placed Estonia 5th", else the last country named before the position
// outside index and organization names.
func (c *Frame) rankedCountry(ws []tok, i int, idx []indexName) string {
	inIndex := func(off int) bool {
		for _, ix := range idx {
			if ws[ix.start].start <= off && off < ws[ix.end-1].end {
				return true
			}
		}
		return false
	}
	iso := ""
	for _, m := range c.within(Span{ws[0].start, ws[i].start}) {
		if m.Kind != KindCountry {
			continue
		}
		if inIndex(m.Span.Start) || c.insideOrgName(m) || c.insideGathering(m) || isDemonymMention(m) && !possessive(c.d.Text, m) {
			continue
		}
		iso = m.Value
	}
	return iso
}

// possessive reports "Korea's", which names the subject like a noun.
func possessive(text string, m Mention) bool {
	rest := text[m.Span.End:]
	return strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "\u2019s")
}

// respectively pairs the countries and positions of "Denmark and the
// Republic of Korea took first and second place respectively".
func (c *Frame) respectively(text string, sp Span, pos []position) []string {
	if len(pos) < 2 || !containsLower(text, "respectively") {
		return nil
	}
	var cs []string
	for _, d := range c.chains(sp, sp.Start, func(w string) bool { return w == "" }) {
		if d.place == "" {
			cs = append(cs, d.country)
		}
	}
	if len(cs) != len(pos) {
		return nil
	}
	return cs
}

// subjectCountry returns the first country named in a sentence, the
// likely subject for the sentence after it.
func (c *Frame) subjectCountry(s Span) string {
	ms := c.within(s)
	for i := range ms {
		if m := &ms[i]; m.Kind == KindCountry && s.Contains(m.Span) && !c.insideOrgName(*m) && !c.insideGathering(*m) && !isDemonymMention(*m) {
			return m.Value
		}
	}
	return ""
}

// insideGathering reports whether a mention is part of a gathering's
// name ("the Korea-Central Asia Summit").
func (c *Frame) insideGathering(m Mention) bool {
	for _, g := range c.gatherings {
		if g.Contains(m.Span) {
			return true
		}
	}
	return false
}
