package extractors

import (
	"maps"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"communique/gazetteer"
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
	// gatheringGeneric words do not name a gathering: "Joint Press
	// Conference", "Plenary Session".
	gatheringGeneric = vocabSet("gathering.generic")
	// ceremonyNouns are events named in lower case: "the presidential
	// inauguration"; occasionPhrases after a head say what a gathering
	// marks ("the ceremony commemorating ..."), and occasionStops end it.
	ceremonyNouns   = vocabSet("gathering.ceremonies")
	occasionPhrases = splitAll(vocab("gathering.occasions"))
	occasionStops   = vocabSet("gathering.occasion.stops")
	// gatheringOrgTitles before a name make it an organization's:
	// "President, World Economic Forum".
	gatheringOrgTitles = vocabSet("gathering.org.titles")
	// gatheringPlannedPh just before a name make it planned: "we look
	// forward to hosting the 10th Strategic Dialogue".
	gatheringPlannedPh = newPhrases(vocab("gathering.planned")...)
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
func wordsOf(s string, base int) []tok { return appendWordsOf(nil, s, base) }

// appendWordsOf appends the words of s (see wordsOf) to out. An ASCII
// byte is classed by table, without decoding it as a rune.
func appendWordsOf(out []tok, s string, base int) []tok {
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpaceByte[c] {
				i++
				continue
			}
			if !asciiAlnum[c] {
				out = append(out, tok{s[i : i+1], base + i, base + i + 1})
				i++
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				out = append(out, tok{s[i : i+n], base + i, base + i + n})
				i += n
				continue
			}
		}
		j := i
		for j < len(s) {
			c := s[j]
			if c >= utf8.RuneSelf {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
					break
				}
				j += n2
				continue
			}
			if asciiAlnum[c] || (c == '\'' && !strings.HasPrefix(s[j:], "'s") || c == '-' || c == '&' || c == '.') &&
				j+1 < len(s) && isLetterAt(s, j+1) {
				j++
				continue
			}
			break
		}
		out = append(out, tok{s[i:j], base + i, base + j})
		i = j
	}
	return out
}

// asciiSpaceByte marks the ASCII bytes unicode.IsSpace reports.
var asciiSpaceByte = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isASCIISpace reports whether c is one of asciiSpaceByte's.
func isASCIISpace(c byte) bool { return c < utf8.RuneSelf && asciiSpaceByte[c] }

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
	sc := gatherScratches.Get().(*gatherScratch)
	defer sc.release()
	started := false
	for _, sp := range d.Sentences {
		if d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		text := d.Text[sp.Start:sp.End]
		if !hasGatheringWord(text) {
			continue
		}
		if !started {
			sc.starts, started = appendMentionStarts(sc.starts[:0], d), true
		}
		ws := appendWordsOf(sc.toks[:0], text, sp.Start)
		sc.toks = ws
		sc.kinds = wordStarts(sc.kinds, ws, sc.starts)
		out = append(out, headedNames(d, ws, sc.kinds, sc)...)
		out = append(out, occasionNames(d, ws, sc.kinds, sc)...)
		out = append(out, quotedNames(d, text, sp)...)
	}
	return dedupeSpans(out)
}

// startKind is the kind of mention that starts at a word, of those a
// gathering's name heeds: a name stops before a date ("Forum on Holocaust
// on Wednesday, 13 October") and does not run on into a lone country
// ("Forum for Kenya"). A date wins where both start.
type startKind uint8

const (
	startNone startKind = iota
	startCountry
	startDate
)

// mentionStart is where a mention of d starts, and its startKind.
type mentionStart struct {
	at   int
	kind startKind
}

// appendMentionStarts appends to starts where d's country and date
// mentions start, and sorts starts by offset (not one per offset:
// wordStarts takes the date).
func appendMentionStarts(starts []mentionStart, d *Doc) []mentionStart {
	for i := range d.Mentions {
		switch m := &d.Mentions[i]; m.Kind {
		case KindCountry:
			starts = append(starts, mentionStart{m.Span.Start, startCountry})
		case KindDate:
			starts = append(starts, mentionStart{m.Span.Start, startDate})
		}
	}
	slices.SortFunc(starts, func(a, b mentionStart) int { return a.at - b.at })
	return starts
}

// wordStarts returns, in kinds' storage, the startKind of each word of
// ws: of the mentions of starts that start where the word does.
func wordStarts(kinds []startKind, ws []tok, starts []mentionStart) []startKind {
	kinds = slices.Grow(kinds[:0], len(ws))[:len(ws)]
	if len(ws) == 0 {
		return kinds
	}
	p, _ := slices.BinarySearchFunc(starts, ws[0].start, func(m mentionStart, off int) int { return m.at - off })
	for k, w := range ws {
		kinds[k] = startNone
		for p < len(starts) && starts[p].at < w.start {
			p++
		}
		for q := p; q < len(starts) && starts[q].at == w.start; q++ {
			kinds[k] = max(kinds[k], starts[q].kind)
		}
	}
	return kinds
}

// gatherScratch holds the buffers GatheringNames.Extract reuses from one
// sentence to the next: nothing found keeps a reference to them.
type gatherScratch struct {
	starts []mentionStart // the document's (appendMentionStarts)
	toks   []tok          // the sentence's words
	kinds  []startKind    // the mention each of them starts
	words  []word         // the lower-cased words around a name
	// headedNames' reach and distinct
	reach, distinct []int32
}

// gatherScratches keeps the scratch of GatheringNames.Extract from one
// document to the next.
var gatherScratches = sync.Pool{New: func() any { return new(gatherScratch) }}

// release returns sc to gatherScratches, emptied first when a document
// with outsized sentences or mention lists grew it.
func (sc *gatherScratch) release() {
	if cap(sc.starts) > 1<<12 || cap(sc.toks) > 1<<12 || cap(sc.words) > 1<<12 {
		*sc = gatherScratch{}
	}
	gatherScratches.Put(sc)
}

var headNounShape = shapeOf(headNouns)

// gatheringWords are the head and ceremony nouns, in one set, so that
// hasGatheringWord reads a sentence once.
var (
	gatheringWords     = union(headNouns, ceremonyNouns)
	gatheringWordShape = shapeOf(gatheringWords)
)

// hasGatheringWord reports whether a sentence holds a head noun, a
// ceremony noun or a quotation mark: the only places a gathering's name
// can start. It reads the sentence once, its words as anyWordIn does (a
// letter, then letters and hyphens), and looks up only a word whose
// first two bytes and length some noun has (see gatheringPairs).
func hasGatheringWord(text string) bool {
	var buf [24]byte
	for i := 0; i < len(text); {
		c := text[i]
		if !asciiLetter[c] {
			if c == '"' || c == 0xe2 && strings.HasPrefix(text[i:], "“") {
				return true
			}
			i++
			continue
		}
		j := letterRunEnd(text, i+1)
		n := j - i
		may := n >= 2 && gatheringPairs[pairIndex(c, text[i+1])]&(1<<(n-1)) != 0 ||
			n == 1 && gatheringWordShape.mayStart(c|0x20, 1)
		if may && n <= len(buf) && gatheringWords[string(appendLowerASCII(buf[:0], text[i:j]))] {
			return true
		}
		i = j
	}
	return false
}

// gatheringPairs has bit n-1 of entry pairIndex(a, b) set when a word of
// gatheringWords has n bytes, up to 64, and starts with a and b.
var gatheringPairs = pairsOf(gatheringWords)

// pairsOf returns the table of first two bytes and lengths of set's
// words (see gatheringPairs).
func pairsOf(set map[string]bool) *[26 * 27]uint64 {
	t := new([26 * 27]uint64)
	for w := range set {
		if len(w) >= 2 && len(w) <= 64 && 'a' <= w[0] && w[0] <= 'z' && letterOrHyphen[w[1]] {
			t[pairIndex(w[0], w[1])] |= 1 << (len(w) - 1)
		}
	}
	return t
}

// pairIndex returns the index of the first two bytes of a word, a letter
// and a letter or a hyphen, in any case.
func pairIndex(a, b byte) int {
	k := 26
	if b != '-' {
		k = int(b|0x20) - 'a'
	}
	return (int(a|0x20)-'a')*27 + k
}

// letterRunEnd returns the end of the run of ASCII letters and hyphens
// (see letterOrHyphen) from j. It tests eight bytes at a time: the high
// bit of a byte of stop is set for a byte beyond ASCII, or for one that
// is neither a letter (lower-cased, a byte that adding 0x80-'a' lifts to
// 0x80 and adding 0x80-'z'-1 does not) nor a hyphen (a byte of x that is
// not zero). A sum carries into the next byte only from a byte beyond
// ASCII, so the lowest flagged byte is flagged rightly.
func letterRunEnd(text string, j int) int {
	for ; j+8 <= len(text); j += 8 {
		w := load64(text[j : j+8])
		notHyphen := ^zeroBytes(w^'-'*loBits) & hiBits
		if stop := (^letterBytes(w)&notHyphen | w) & hiBits; stop != 0 {
			return j + bits.TrailingZeros64(stop)>>3
		}
	}
	for j < len(text) && letterOrHyphen[text[j]] {
		j++
	}
	return j
}

// letterOrHyphen marks the bytes of a word after its first letter.
var letterOrHyphen = func() (t [256]bool) {
	for c := range t {
		t[c] = asciiLetter[c] || c == '-'
	}
	return t
}()

// union returns a new set of the words of a and b.
func union(a, b map[string]bool) map[string]bool {
	u := make(map[string]bool, len(a)+len(b))
	for w := range a {
		u[w] = true
	}
	for w := range b {
		u[w] = true
	}
	return u
}

// occasionNames finds gatherings named in lower case by what they mark:
// a head noun and its occasion ("the ceremony commemorating the 115th
// anniversary of the founding of the city", "a reception marking
// Independence Day"), or a ceremony noun with its adjectives when the
// text attends it ("represent the Government at the presidential
// inauguration"). The occasion runs to a clause's end, a date or a place.
func occasionNames(d *Doc, ws []tok, kinds []startKind, sc *gatherScratch) []Mention {
	var out []Mention
	for i, w := range ws {
		if !isLowerWord(w.s) || w.s == "" || !gatheringWordShape.mayStart(w.s[0], len(w.s)) { // neither a head nor a ceremony noun
			continue
		}
		s, e := i, i+1
		switch {
		case headNouns[w.s]:
			n := occasionAt(ws, i+1)
			if n == 0 {
				continue
			}
			e = occasionEnd(ws, i+1+n, kinds)
			if e <= i+1+n {
				continue
			}
		case ceremonyNouns[w.s]:
			for s > 0 && s > i-2 && isLowerWord(ws[s-1].s) && !isJoiner(ws[s-1].s) && ws[s-1].s != "a" && ws[s-1].s != "an" &&
				!gatherCuePh.in(lowerWords(ws[s-1].s)) {
				s--
			}
		default:
			continue
		}
		sp := Span{ws[s].start, ws[e-1].end}
		before := d.Text[max(0, sp.Start-60):sp.Start]
		sc.words = appendLowerWords(sc.words[:0], before)
		if notContextWords(sc.words) || !gatherCuePh.in(sc.words) {
			continue
		}
		out = append(out, Mention{Kind: KindGathering, Span: sp, Text: d.Text[sp.Start:sp.End], Value: d.Text[sp.Start:sp.End]})
	}
	return out
}

// occasionAt returns how many words of an occasion phrase start at word
// i ("commemorating", "to mark", "on the occasion of"), or 0.
func occasionAt(ws []tok, i int) int { return phraseLenAt(ws, i, occasionPhrases) }

// phraseLenAt returns the length of the first phrase of list (words
// compared without case) that starts at word i, or 0.
func phraseLenAt(ws []tok, i int, list [][]string) int {
	for _, ph := range list {
		if i+len(ph) > len(ws) {
			continue
		}
		ok := true
		for k, p := range ph {
			if !strings.EqualFold(ws[i+k].s, p) {
				ok = false
				break
			}
		}
		if ok {
			return len(ph)
		}
	}
	return 0
}

// occasionEnd returns the end of an occasion's object from word k: at a
// punctuation mark, a date, a relative word, or "in"/"at" and a name.
func occasionEnd(ws []tok, k int, kinds []startKind) int {
	e := k
	for e < len(ws) && e < k+14 {
		w := ws[e].s
		if !isWordTok(w) || kinds[e] == startDate || occasionStops[strings.ToLower(w)] ||
			(w == "in" || w == "at") && e+1 < len(ws) && capWord(ws[e+1].s) {
			break
		}
		e++
	}
	for e > k && isJoiner(ws[e-1].s) {
		e--
	}
	return e
}

// headedNames finds capitalized runs that end in a head noun.
func headedNames(d *Doc, ws []tok, kinds []startKind, sc *gatherScratch) []Mention {
	var out []Mention
	// where the expansion to the left from each word stops, and how many
	// words before each distinguish a name: found once for the sentence,
	// not once per head over its whole capitalized run, in sc's storage
	var reach []int32
	var distinct []int32
	for i, w := range ws {
		if !isHeadNoun(w.s) {
			continue
		}
		// A lower-case head needs a capitalized word right before it.
		// An ordinal will do when the head is followed by "of the" and a
		// name: "the 70th session of the United Nations General Assembly".
		ofThe := i+3 < len(ws) && ws[i+1].s == "of" && ws[i+2].s == "the" && capWord(ws[i+3].s)
		possessed := i >= 2 && isApostrophe(ws[i-1].s) && capWord(ws[i-2].s) // "Foreign Ministers' meeting"
		if !capWord(w.s) && !possessed && (i == 0 || !capWord(ws[i-1].s) || ordinalWord(ws[i-1].s) && !ofThe) {
			continue
		}
		// Expand left over capitalized words, ordinals, years and a
		// parenthesized acronym.
		if reach == nil {
			reach = slices.Grow(sc.reach[:0], len(ws))[:len(ws)]
			sc.reach = reach
			for k := range reach {
				reach[k] = -1
			}
		}
		s := leftReach(ws, i, reach)
		// Expand right over "on/of/for/to" + capitalized words (with an
		// article: "Summit of the Americas", "Meeting on a Pandemic
		// Accord"), "and" + capitalized words ending in another head, and
		// a year.
		e := i + 1
		for e < len(ws) {
			n := ws[e]
			if len(n.s) == 4 && ordinalWord(n.s) && n.s[0] <= '2' {
				e++
				continue
			}
			and := n.s == "and" || n.s == "&"
			if !and && n.s != "on" && n.s != "of" && n.s != "for" && n.s != "to" {
				break
			}
			k := e + 1
			if !and && k+1 < len(ws) && (ws[k].s == "the" || ws[k].s == "a" || ws[k].s == "an") {
				k++
			}
			if k >= len(ws) || !capWord(ws[k].s) || ordinalWord(ws[k].s) || kinds[k] == startDate {
				break
			}
			first := k
			k = nameRun(ws, k, kinds)
			if and && !inLower(headNouns, ws[k-1].s) {
				break
			}
			if kinds[first] == startCountry && (k == first+1 || n.s == "to") {
				break // "Forum for Kenya", "delegation to Kenya": a place, not the name
			}
			e = k
		}
		for s < i && isNameJoiner(ws[s].s) {
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
		if distinct == nil {
			distinct = slices.Grow(sc.distinct[:0], len(ws)+1)[:len(ws)+1]
			sc.distinct = distinct
			distinct[0] = 0
			for k, x := range ws {
				distinct[k+1] = distinct[k]
				if distinguishing(x.s) {
					distinct[k+1]++
				}
			}
		}
		n := distinct[i] - distinct[s]
		if x := ws[0].s; s == 0 && i > 0 && distinguishing(x) && !capWord(w.s) && !ordinalWord(x) && !allCaps(x) {
			n-- // a sentence's capitalized first word
		}
		named := n > 0
		// Generic words and a subject do not name one either: "the Joint
		// Press Conference on the Visit of ...".
		if !named && (e == i+1 || s < i && ws[i+1].s == "on") {
			continue
		}
		if s == i && e > i+1 && !capWord(w.s) {
			continue
		}
		sp := Span{ws[s].start, ws[e-1].end}
		before := d.Text[max(0, sp.Start-60):sp.Start]
		after := d.Text[sp.End:min(len(d.Text), sp.End+80)]
		// A name listed after another takes its cue: "will take part in
		// the A Meeting, the B Meeting, and the C Forum".
		listed := len(out) > 0 && out[len(out)-1].Span.End <= sp.Start && onlyListWords(d.Text[out[len(out)-1].Span.End:sp.Start])
		sc.words = appendLowerWords(sc.words[:0], before)
		if notContextWords(sc.words) || orgContext(before, sc.words) {
			continue
		}
		if !listed {
			// The words of before, then those of after: the words of
			// before+" "+after, whose space ends any word.
			if sc.words = appendLowerWords(sc.words, after); !gatherCuePh.in(sc.words) {
				continue
			}
		}
		out = append(out, Mention{Kind: KindGathering, Span: sp, Text: d.Text[sp.Start:sp.End], Value: d.Text[sp.Start:sp.End]})
	}
	return out
}

// isHeadNoun reports whether w, lower-cased, is a head noun. An ASCII
// word that starts with a letter and a letter or a hyphen is looked up
// only when a head noun starts with those two and is as long (headPairs),
// which rules out more words than the shape of the first byte alone.
func isHeadNoun(w string) bool {
	if len(w) >= 2 && len(w) <= 64 && asciiLetter[w[0]] && letterOrHyphen[w[1]] && isASCII(w) {
		return headPairs[pairIndex(w[0], w[1])]&(1<<(len(w)-1)) != 0 && inLower(headNouns, w)
	}
	return inLowerShape(headNouns, headNounShape, w)
}

// headPairs is the table of first two bytes and lengths of headNouns.
var headPairs = pairsOf(headNouns)

// inLowerShape is inLower behind shape, set's filter, which rules out
// most ASCII words without a map look-up (an ASCII word keeps its length
// when lower-cased).
func inLowerShape(set map[string]bool, shape *wordShape, w string) bool {
	if len(w) > 0 && isASCII(w) {
		c := w[0]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if !shape.mayStart(c, len(w)) {
			return false
		}
	}
	return inLower(set, w)
}

// distinguishing reports whether a word before a head can distinguish a
// gathering's name: capitalized, not generic.
func distinguishing(w string) bool {
	return capWord(w) && w != "(" && !inLower(gatheringGeneric, w)
}

// leftReach returns where headedNames' expansion to the left from word s
// stops, memoized in reach (-1: not known): the steps from a word depend
// on the words before it only, so each word is stepped over once.
func leftReach(ws []tok, s int, reach []int32) int {
	var path []int
	for reach[s] < 0 {
		next := s
		switch p := ws[max(s-1, 0)].s; {
		case s == 0:
		case p == ")" && s >= 3 && ws[s-3].s == "(":
			next = s - 3
		// "Foreign Ministers' Meeting", "Afghanistan's Neighbours Forum"
		case isApostrophe(p) && s >= 2 && strings.HasSuffix(ws[s-2].s, "s") && capWord(ws[s-2].s):
			next = s - 1
		case p == "s" && s >= 3 && isApostrophe(ws[s-2].s) && capWord(ws[s-3].s):
			next = s - 2
		case capWord(p) && !nameStop[p] || isNameJoiner(p) && s >= 2 && capWord(ws[s-2].s) && !nameStop[ws[s-2].s]:
			next = s - 1
		}
		if next == s {
			reach[s] = int32(s)
			break
		}
		path = append(path, s)
		s = next
	}
	for _, k := range path {
		reach[k] = reach[s]
	}
	return int(reach[s])
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

// nameRun returns the end of the run of capitalized words from word k:
// with inner joiners ("Ambassadors and Consuls"), possessives
// ("Afghanistan's Neighbouring Countries", "the UN's ESCAP") and a
// comma list closed by "and" ("Economic, Cultural, Scientific and
// Technological Cooperation"); it stops before a date.
func nameRun(ws []tok, k int, kinds []startKind) int {
	capAt := func(j int) bool {
		return j < len(ws) && capWord(ws[j].s) && !ordinalWord(ws[j].s) && kinds[j] != startDate
	}
	for k < len(ws) {
		w := ws[k].s
		switch {
		case capAt(k):
			k++
			continue
		case (w == "and" || w == "&" || w == "of") && capAt(k+1):
			k++
			continue
		case isApostrophe(w) && k+1 < len(ws) && ws[k+1].s == "s" && capAt(k+2):
			k += 2
			continue
		case isApostrophe(w) && k > 0 && strings.HasSuffix(ws[k-1].s, "s") && capAt(k+1):
			k++
			continue
		case w == "," && capAt(k+1):
			m := k + 1
			for m < len(ws) && (capAt(m) || ws[m].s == "," && capAt(m+1)) {
				m++
			}
			if m+1 < len(ws) && (ws[m].s == "and" || ws[m].s == "&") && capAt(m+1) {
				k = m
				continue
			}
		}
		break
	}
	return k
}

// splitAll splits each phrase of a list into its words.
func splitAll(list []string) [][]string {
	out := make([][]string, len(list))
	for i, p := range list {
		out[i] = strings.Fields(p)
	}
	return out
}

// onlyListWords reports whether the text between two names joins them in
// a list: a comma or "and", with articles.
func onlyListWords(gap string) bool {
	if !strings.Contains(gap, ",") && !strings.Contains(gap, "and") || strings.ContainsAny(gap, ".;:()\"") {
		return false
	}
	for _, w := range lowerWords(gap) {
		switch w.s {
		case "and", "the", "as", "well", "also":
		default:
			return false
		}
	}
	return true
}

// isNameJoiner reports a lower-case word that may join the capitalized
// words before a head: "Committee on Migration (ICM) Meeting", "Ambassadors
// and Consuls Forum".
func isNameJoiner(w string) bool {
	return w == "of" || w == "&" || w == "and" || w == "on" || w == "for"
}

func isApostrophe(w string) bool { return w == "'" || w == "’" }

// orgContext reports whether the words just before a name make it an
// organization: "Børge Brende, President, World Economic Forum", "the
// Chairman of the Forum". ws are the lower-cased words of before.
func orgContext(before string, ws []word) bool {
	n := len(ws)
	if n == 0 {
		return false
	}
	t := strings.TrimRight(before, " ")
	if strings.HasSuffix(t, ",") {
		return gatheringOrgTitles[ws[n-1].s]
	}
	return n >= 3 && ws[n-1].s == "the" && ws[n-2].s == "of" && gatheringOrgTitles[ws[n-3].s]
}

// quotedNames finds quoted names of gatherings: short, capitalized, with
// an event cue close by; or any quoted title right after a head noun,
// which the name takes with its adjectives ("the international workshop
// “State rules in large resource projects”").
func quotedNames(d *Doc, text string, sp Span) []Mention {
	var out []Mention
	for i := 0; i < len(text); {
		q, open := nextQuote(text, i, true)
		if q < 0 {
			break
		}
		e, closing := nextQuote(text, q+open, false)
		if e < 0 {
			break
		}
		i = e + closing
		name := strings.TrimRight(strings.TrimSpace(text[q+open:e]), ",.")
		ws := strings.Fields(name)
		if len(ws) == 0 || len(ws) > 10 {
			continue
		}
		before := text[max(0, q-60):q]
		after := text[e+closing : min(len(text), e+closing+60)]
		if notContext(before) {
			continue
		}
		start := sp.Start + q + open + strings.Index(text[q+open:e], name)
		end := start + len(name)
		if hs := headBefore(text, q); hs >= 0 && !strings.ContainsAny(name, ";!?") {
			// "workshop “...”": the head names it, whatever the case of
			// the title.
			out = append(out, Mention{Kind: KindGathering, Span: Span{sp.Start + hs, sp.Start + e + closing}, Text: text[hs : e+closing], Value: text[hs : e+closing]})
			continue
		}
		if !capWord(ws[0]) {
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
		out = append(out, Mention{Kind: KindGathering, Span: Span{start, end}, Text: name, Value: name})
	}
	return out
}

// nextQuote returns the byte offset of the next opening (or closing)
// quotation mark in text from i, straight or curly, and its width; -1
// when none.
func nextQuote(text string, i int, opening bool) (int, int) {
	curly := "“"
	if !opening {
		curly = "”"
	}
	s := strings.IndexByte(text[i:], '"')
	c := strings.Index(text[i:], curly)
	switch {
	case s < 0 && c < 0:
		return -1, 0
	case c < 0 || s >= 0 && s < c:
		return i + s, 1
	}
	return i + c, len(curly)
}

// headBefore returns where a gathering's description starts when the
// words just before a quotation at q are a lower-case head noun and its
// adjectives after an article ("the international workshop "), else -1.
func headBefore(text string, q int) int {
	ws := lowerWords(text[max(0, q-60):q])
	off := max(0, q-60)
	n := len(ws)
	if n == 0 || !headNouns[ws[n-1].s] || strings.TrimSpace(text[off+ws[n-1].end:q]) != "" {
		return -1
	}
	start := n - 1
	for start > 0 && start > n-4 {
		w := ws[start-1].s
		if w == "the" || w == "a" || w == "an" || isJoiner(w) || !isLowerWord(text[off+ws[start-1].start:off+ws[start-1].end]) ||
			gatherCuePh.in(ws[start-1:start]) {
			break
		}
		start--
	}
	return off + ws[start].start
}

// isLowerWord reports whether a word is written in lower case.
func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
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
func notContext(before string) bool { return notContextWords(lowerWords(before)) }

// notContextWords is notContext given the words before a name.
func notContextWords(ws []word) bool {
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

// dedupeSpans drops mentions contained in another, and those whose span
// an earlier one has. In the order of start, longer first, then of ms, a
// mention is contained in one before it exactly when the furthest end
// before it reaches its own: a sort, not each against all.
func dedupeSpans(ms []Mention) []Mention {
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := ms[a].Span.Start - ms[b].Span.Start; c != 0 {
			return c
		}
		if c := ms[b].Span.End - ms[a].Span.End; c != 0 {
			return c
		}
		return a - b
	})
	drop := make([]bool, len(ms))
	furthest := -1
	for _, i := range order {
		drop[i] = furthest >= ms[i].Span.End
		furthest = max(furthest, ms[i].Span.End)
	}
	var out []Mention
	for i, m := range ms {
		if !drop[i] {
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
	if !c.gatherDone {
		c.gatherMemo, c.gatherDone = readGatherings(d, c), true
	}
	return c.gatherMemo
}

// readGatherings reads the document's gatherings: see Gatherings.
func readGatherings(d *Doc, c *Frame) []Event {
	type group struct {
		ev      Event
		dist    int // how far from the name its date stood
		keys    []map[string]bool
		name    string
		edition string // edition(name)
		planned bool   // a telling says it is yet to come
	}
	var groups []*group
	// the groups whose keys hold each word: a group can take a name only
	// if one key holds the other, so only if they share a word (keys are
	// never empty)
	byWord := map[string][]int{}
	for _, m := range d.MentionsOf(KindGathering) {
		if d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		k := nameKey(m.Value)
		if len(k) == 0 {
			continue
		}
		si := SentenceAt(d.Sentences, m.Span.Start)
		if si < 0 {
			continue
		}
		text, sp := c.sentence(si)
		country, place := c.venue(sp, m.Span)
		dr, dist := c.gatheringDate(sp, m.Span)
		status := c.gatheringStatus(text, sp, m.Span, dr)
		var g *group
		gi := -1
		ea := edition(m.Value)
		var cands []int
		for w := range k {
			cands = append(cands, byWord[w]...)
		}
		slices.Sort(cands) // in the groups' order, as each against all
		for j, xi := range cands {
			if j > 0 && xi == cands[j-1] {
				continue
			}
			x := groups[xi]
			// A past edition told with its own date ("the inaugural
			// meeting in December 2005") is not the one planned or held
			// lately.
			if c.longAgo(dr) && (x.planned || x.ev.Dates != nil && !c.longAgo(x.ev.Dates)) ||
				c.longAgo(x.ev.Dates) && (status == Planned || dr != nil && !c.longAgo(dr)) {
				continue
			}
			for _, xk := range x.keys {
				eb := x.edition
				if (subset(k, xk) || subset(xk, k)) && sameHead(m.Value, x.name) && (ea == "" || eb == "" || ea == eb) {
					g, gi = x, xi
					break
				}
			}
			if g != nil {
				break
			}
		}
		if g == nil {
			gi = len(groups)
			g = &group{name: m.Value, edition: ea, dist: dist, planned: status == Planned}
			g.ev = Event{Type: Gathering, Name: m.Value, Actor: c.Principal, Country: country, Place: place,
				Dates: dr, Evidence: sp, Confidence: 0.7, Status: status}
			groups = append(groups, g)
		} else {
			g.planned = g.planned || status == Planned
			if preferName(m.Value, g.name) {
				g.name, g.edition = m.Value, ea
				g.ev.Name = m.Value
			}
			if dr != nil && (g.ev.Dates == nil || dist < g.dist) {
				g.ev.Dates, g.dist = dr, dist
				g.ev.Evidence = sp
				g.ev.Status = status
			}
			if g.ev.Dates == nil && status == Planned {
				g.ev.Status = Planned // undated, and a telling says it is to come
			}
			if g.ev.Place == "" && place != "" {
				g.ev.Place, g.ev.Country = place, country
			}
			if g.ev.Country == "" {
				g.ev.Country = country
			}
		}
		if slices.ContainsFunc(g.keys, func(x map[string]bool) bool { return maps.Equal(x, k) }) {
			// a key once, and its words listed once: a name told again (a
			// forum on every line of a programme) would have each later
			// mention compare with all its earlier ones
			continue
		}
		g.keys = append(g.keys, k)
		for w := range k {
			if gs := byWord[w]; len(gs) == 0 || gs[len(gs)-1] != gi {
				byWord[w] = append(gs, gi) // duplicates are skipped when read
			}
		}
	}
	out := make([]Event, 0, len(groups))
	for _, g := range groups {
		if g.ev.Dates == nil {
			c.acronymTold(&g.ev)
		}
		if g.ev.Country == "" {
			g.ev.Country = c.Home
		}
		out = append(out, g.ev)
	}
	return out
}

// longAgo reports whether a day or month ends more than a year before the
// publication: an edition of its own ("in December 2005"), where a bare
// year ("since 2022") may tell of a series.
func (c *Frame) longAgo(dr *DateRange) bool {
	pub := c.d.Meta.Published
	return dr != nil && dr.Precision != Year && pub != nil && dr.End.Before(pub.Date.AddDays(-365))
}

// gatheringStatus reads a gathering's status: planned when the words just
// before its name say so ("we look forward to hosting the ..."), or a
// relative clause after it ("the Ocean Conference that Chile will host"),
// else the tense of its sentence.
func (c *Frame) gatheringStatus(text string, sp, name Span, dr *DateRange) Status {
	var buf [24]word // the words of 60 bytes: most fit
	if gatheringPlannedPh.in(appendLowerWords(buf[:0], c.d.Text[max(sp.Start, name.Start-60):name.Start])) {
		return Planned
	}
	if after := appendLowerWords(buf[:0], c.d.Text[name.End:min(sp.End, name.End+60)]); len(after) > 1 &&
		(after[0].s == "that" || after[0].s == "which") && futurePh.in(after[:min(len(after), 6)]) {
		return Planned
	}
	return c.statusOf(text, dr, c.d.Meta.Published)
}

// acronymTold dates an undated gathering whose name carries an acronym in
// parentheses by the first other sentence that names the acronym ("the
// Intergovernmental Negotiating Body (INB) Meeting on ..." then "On
// February 19, ... a delegation to the ... (INB) in Geneva"), which also
// gives its place and status.
func (c *Frame) acronymTold(ev *Event) {
	o := strings.IndexByte(ev.Name, '(')
	cl := strings.IndexByte(ev.Name, ')')
	if o < 0 || cl < o+2 {
		return
	}
	acr := ev.Name[o+1 : cl]
	if !allCaps(acr) || strings.ContainsAny(acr, " ") {
		return
	}
	t := c.d.Text
	for from := ev.Evidence.End; from < len(t); {
		k := strings.Index(t[from:], acr)
		if k < 0 {
			return
		}
		at := Span{from + k, from + k + len(acr)}
		from = at.End
		if at.Start > 0 && isLetterAt(t, at.Start-1) || at.End < len(t) && isLetterAt(t, at.End) {
			continue // inside a longer word
		}
		si := SentenceAt(c.d.Sentences, at.Start)
		if si < 0 {
			continue
		}
		text, sp := c.sentence(si)
		dr, _ := c.gatheringDate(sp, at)
		ev.Dates = dr
		if country, place := c.venue(sp, at); country != "" {
			ev.Country, ev.Place = country, place
		}
		ev.Status = c.gatheringStatus(text, sp, at, dr)
		return
	}
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
			// "... held today, and on the preparations for the meeting
			// of ... to be held on April 14": another gathering's date.
			if anyWordIn(c.d.Text[name.End:m.Span.Start], headNouns, headNounShape) {
				continue
			}
			dist = m.Span.Start - name.End
		case m.Span.End <= name.Start:
			dist = (name.Start - m.Span.End) * 2
			// "the programme X, on 16-21 April 2016, and on the workshop
			// Y": the date of the item before.
			if gap := c.d.Text[m.Span.End:name.Start]; strings.Contains(gap, ", and ") || strings.Contains(gap, ";") {
				dist += 100
			}
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
// heldPh are the words of where a gathering took place.
var heldPh = newPhrases("held", "hosted", "taking place", "took place", "takes place", "convened", "being held")

// heldAt returns the country where a gathering named at name in the
// sentence sp was held, from the words that say so only: a city or
// country after "in" or "at" behind its name ("held in Jakarta"), or a
// city in its name ("Antalya Diplomacy Forum"), with the city; else "".
func (c *Frame) heldAt(sp, name Span) (country, place string) {
	for _, m := range c.in(KindPlace, name) {
		if m.Country != "" {
			return m.Country, m.Text
		}
	}
	for _, m := range c.within(Span{name.End, sp.End}) {
		if !sp.Contains(m.Span) || m.Kind != KindPlace && (m.Kind != KindCountry || isDemonymMention(m)) {
			continue
		}
		gap := c.d.Text[name.End:m.Span.Start]
		if len(gap) > 40 && !heldPh.in(c.lowerWords(gap)) {
			break // "... and cooperation in Antarctica": not where it was held
		}
		pre := strings.TrimSuffix(strings.TrimRight(c.d.Text[max(name.End, m.Span.Start-8):m.Span.Start], " "), " the")
		if strings.HasSuffix(pre, " in") || strings.HasSuffix(pre, " at") {
			if m.Kind == KindPlace {
				return m.Country, m.Text
			}
			return m.Value, ""
		}
	}
	return "", ""
}

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
	// A city in the name: "Malmö International Forum on ...".
	for _, m := range c.in(KindPlace, name) {
		if m.Country != "" {
			return m.Country, m.Text
		}
	}
	return c.countryAt(sp.Start), ""
}
