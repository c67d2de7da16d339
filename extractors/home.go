package extractors

import (
	"math/bits"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"communique/gazetteer"
)

// Home evidence: how the publishing government was decided, strongest
// first.
const (
	HomeByPublisher = "publisher line" // Meta.Publisher names a country's body
	HomeByURL       = "page address"   // the page's URL, given with the document, is a government's
	HomeByIssuer    = "issuer line"    // a head or foot line, or "Source:", names a country's body
	HomeByDomain    = "government domain"
	HomeByScript    = "page script" // the page's labels are in a script only one country writes
	HomeByMentions  = "mentions"    // the weighted vote of the country mentions
)

// HomeCountry returns the ISO3 code of the government that published d,
// or "" when the document gives no basis. It reads d's KindCountry and
// KindPlace mentions, so it must run after the countries extractor. When
// Stack.Mentions has decided it (d.Home), that is the answer; otherwise
// it decides, changing nothing. See decideHome for the evidence.
func HomeCountry(d *Doc) string {
	if d.homeDecided {
		return d.Home
	}
	iso, _ := decideHome(d)
	return iso
}

// settleHome decides d's publisher once, for the extractors that run
// after the countries extractor and the frame.
func settleHome(d *Doc) {
	d.Home, d.HomeBy = decideHome(d)
	d.homeDecided = true
}

// decideHome returns the publishing government's country and the kind of
// evidence that decided it. In order:
//   - a country in the publisher line (Meta.Publisher);
//   - the page's own address, given with the document (Doc.Given.URL),
//     on a government's domain ("https://www.mfa.gov.sg/..." -> SGP);
//   - an issuer line: a line of the page's head or foot that is the name
//     of a government body with its country ("Office of the President of
//     the Republic of Finland", "Government of Pakistan"), or what follows
//     "Source:" or "on behalf of";
//   - a government web address or e-mail ("media@mfa.gov.lv");
//   - the page's labels, dropped as chrome (Doc.Chrome), in a script only
//     one country writes (a Thai date label: THA);
//   - failing those, a vote of the country mentions, each weighted by how
//     the text uses it (see homeVotes).
func decideHome(d *Doc) (string, string) {
	if d.Meta.Publisher != "" {
		for _, m := range gazetteer.Find(d.Meta.Publisher) {
			if m.Form != gazetteer.FormCity {
				return m.ISO3, HomeByPublisher
			}
		}
	}
	if iso := urlCountry(d.Given.URL); iso != "" {
		return iso, HomeByURL
	}
	headEnd, footStart := homeFrame(d.Text)
	if iso := issuerCountry(d, headEnd); iso != "" {
		return iso, HomeByIssuer
	}
	if iso := domainCountry(d.Text); iso != "" {
		return iso, HomeByDomain
	}
	if iso, n := ownScript(d.Chrome); n >= 3 {
		return iso, HomeByScript
	}
	if iso := bestHome(homeVotes(d, headEnd, footStart)); iso != "" {
		return iso, HomeByMentions
	}
	return "", ""
}

// homeScore is a candidate of the vote: its score and where it was first
// named, for ties.
type homeScore struct {
	score float64
	first int
}

// bestHome returns the country with the highest score, if it scores above
// -1 (a country named only as someone else's is not the publisher); ties
// go to the one named first.
func bestHome(votes map[string]homeScore) string {
	best, bs := "", homeScore{score: -1}
	for iso, v := range votes {
		if v.score > bs.score || v.score == bs.score && best != "" && v.first < bs.first {
			best, bs = iso, v
		}
	}
	return best
}

// homeVotes is the vote of decideHome: every country mention is a vote,
// weighted by how the text uses it:
//   - a dateline ("MANILA, 12 June 2024 -", "SINGAPORE:") counts 4;
//   - a short line at the top or the bottom of the page ("SINGAPORE")
//     counts 3;
//   - "Korea's", "the Korean government", "the Government of Korea", and
//     a country that is the subject of a verb ("Japan welcomes"): a
//     country that owns achievements and acts is the publisher's (x3);
//   - a mention in the headline or the first lines counts double;
//   - someone else's official ("German Foreign Minister", "Minister of
//     Foreign Affairs of Latvia", "his Italian counterpart") counts -1;
//   - a destination ("to Italy", "visited Italy") counts a fifth, "in
//     Italy" a half, a partner ("an agreement with Malta", "relations with
//     Russia") a third;
//   - of two countries paired ("Korea and Italy", "Japan-Australia"), the
//     first gets 1.5 more: a government names itself first;
//   - text in a script only one country writes (Thai, Georgian, Khmer)
//     counts 4 for it.
//
// headEnd and footStart are homeFrame's. It returns every country named
// with its score.
func homeVotes(d *Doc, headEnd, footStart int) map[string]homeScore {
	text := d.Text
	// the first lines: up to the end of the first body paragraph of some
	// length
	lead := len(text)
	if n := homeLeadEnd(text); n < lead {
		lead = n
	}
	ix := newTextIndex(text)
	score := map[string]float64{}
	first := map[string]int{}
	var prev Mention // the previous country mention
	prevMul := 1.0   // the relation it stood in: a destination, a partner
	for _, m := range d.Mentions {
		if d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		if m.Kind != KindCountry && m.Kind != KindPlace {
			continue
		}
		iso := m.Value
		if m.Kind == KindPlace {
			iso = m.Country
		}
		if iso == "" {
			continue
		}
		if dateline(text, ix, m, lead) {
			// "MANILA, 12 June 2024 -", "ABU DHABI, 5th March 2024 (WAM)
			// --", "SINGAPORE:", "Ulaanbaatar/MONTSAME/."
			score[iso] += 4
			if _, ok := first[iso]; !ok {
				first[iso] = m.Span.Start
			}
			continue
		}
		if m.Kind != KindCountry {
			continue
		}
		if _, ok := first[iso]; !ok {
			first[iso] = m.Span.Start
		}
		ls, le := ix.lineStart(m.Span.Start), ix.lineEnd(m.Span.End)
		line := text[ls:le]
		if ix.hasNavSep(ls, le) || homeLabel(line) {
			// navigation and labels ("Home > International > Jordan",
			// "World locations: Jordan, Syria") name topics, not the
			// publisher
			continue
		}
		ts := d.Meta.TitleSpan
		inTitle := ts.End > ts.Start && m.Span.Start >= ts.Start && m.Span.End <= ts.End
		if (ls < headEnd || ls >= footStart) && len(strings.TrimSpace(line)) <= 60 && !inTitle {
			// a publisher line at the top or the bottom: "Ministry of
			// Foreign Affairs Singapore", "SINGAPORE"
			score[iso] += 3
		}
		w := 1.0
		before := homeWordsBefore(text[:m.Span.Start])
		rest := text[m.Span.End:]
		switch {
		case strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") ||
			strings.HasSuffix(m.Text, "s") && (strings.HasPrefix(rest, "' ") || strings.HasPrefix(rest, "’ ")):
			w = 2
		case strings.EqualFold(homeFirstWord(rest), "government") || before.last("government", "of"):
			w = 3
		case subjectOfVerb(text, d.Sentences, m):
			w = 2
		}
		if foreignOfficial(rest) || officeAt(text, ix, ls, m.Span.Start) {
			// "German Foreign Minister", "Saudi Arabia's Interior
			// Minister", "his Italian counterpart", "Minister of Foreign
			// Affairs of the Lao People's Democratic Republic": someone
			// else's official; the publisher's own go without a country
			w = -1
		}
		mul := 1.0
		switch {
		case prev.Span.End > 0 && listGap(text[prev.Span.End:m.Span.Start]):
			// "to Greece, Romania and Bulgaria": the relation of the
			// list's first member holds for the rest
			mul = prevMul
		case before.last("to") || before.last("visited") || before.last("visiting") || before.last("visit") ||
			before.last("visits") || before.last("into") || before.last("toward") || before.last("towards") ||
			before.last("bound", "for"):
			mul = 0.2
		case before.last("with"):
			mul = 0.3
		case before.n == 1 && (before.last("In") || before.last("While", "in")) && strings.HasPrefix(rest, ","):
			// "In Italy, Minister Champagne held talks with ...": a
			// story set abroad
			mul = -1
		case before.last("in") || before.last("at"):
			mul = 0.5
		}
		w *= mul
		// "Korea and Italy", "Japan-Australia", "the UAE and France": a
		// government names itself first. Not in a longer list: "Estonia,
		// Latvia and Lithuania".
		if prev.Span.End > 0 && pairGap(text[prev.Span.End:m.Span.Start]) && !inList(text, prev, m) {
			pi := prev.Value
			if pi != iso {
				score[pi] += 1.5
				w *= 0.5
			}
		}
		prev, prevMul = m, mul
		if w > 0 && (inTitle || m.Span.End <= lead) {
			w *= 2
		}
		score[iso] += w
	}
	travelVotes(d, ix, score, first)
	if iso, n := ownScript(text); n >= 3 {
		score[iso] += 4
		if _, ok := first[iso]; !ok {
			first[iso] = len(text)
		}
	}
	votes := make(map[string]homeScore, len(score))
	for iso, s := range score {
		votes[iso] = homeScore{s, first[iso]}
	}
	return votes
}

// travelVotes adds what travel tells of the publisher: the destination of
// a trip told in the first person ("I am on a visit to Mongolia", "we
// travelled to Laos") is abroad (-4); the destination of a traveller
// named as another country's official ("Deputy Secretary of State X of
// the US, who had come to China", "the President of Malta's visit to
// Chile") is the host, most often the publisher (+2). Each sentence
// counts once for each destination.
func travelVotes(d *Doc, ix *textIndex, score map[string]float64, first map[string]int) {
	// the country mentions (their indices in d.Mentions), in order of
	// their starts: a sentence without one is passed over before its
	// words are read, and one with them finds its qualifiers here
	n := 0
	for i := range d.Mentions {
		if d.Mentions[i].Kind == KindCountry {
			n++
		}
	}
	countries := make([]int32, 0, n)
	for i := range d.Mentions {
		if d.Mentions[i].Kind == KindCountry {
			countries = append(countries, int32(i))
		}
	}
	slices.SortStableFunc(countries, func(a, b int32) int { return d.Mentions[a].Span.Start - d.Mentions[b].Span.Start })
	var c *Frame            // made for the first sentence whose destinations count
	var qualifiers []string // a handful
	k := 0                  // countries[:k] start before the sentence: the sentences are in order
	for si, sp := range d.Sentences {
		if d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		for k < len(countries) && d.Mentions[countries[k]].Span.Start < sp.Start {
			k++
		}
		if k == len(countries) || d.Mentions[countries[k]].Span.Start >= sp.End {
			continue
		}
		ws := d.sentenceWords(si)
		vi, _, ok := travelPh.find(ws)
		if !ok {
			continue
		}
		self := false
		for _, w := range ws[:vi] {
			if w.s == "i" || w.s == "we" {
				self = true
			}
		}
		qualifiers = qualifiers[:0]
		for _, i := range countries[k:] {
			m := &d.Mentions[i]
			if m.Span.Start >= sp.End {
				break
			}
			if !sp.Contains(m.Span) || slices.Contains(qualifiers, m.Value) {
				continue
			}
			ls := max(sp.Start, ix.lineStart(m.Span.Start))
			if foreignOfficial(d.Text[m.Span.End:]) || officeAt(d.Text, ix, ls, m.Span.Start) ||
				ownerOfVisit(d.Text[m.Span.End:]) {
				qualifiers = append(qualifiers, m.Value)
			}
		}
		if !self && len(qualifiers) == 0 {
			continue // no destination of the sentence would count
		}
		// chains reads only the mentions that start in the sentence: one
		// frame of all of them, sorted once, not one of each sentence's
		// (which had every mention of the document read for each)
		if c == nil {
			c = &Frame{d: d, ix: ix}
			c.setByStart(sortedByStart(d.Mentions))
		}
		for _, dst := range c.chains(sp, sp.Start+ws[vi].start, isTravelLead) {
			if dst.place != "" {
				continue // a city may be a trip at home
			}
			switch {
			case self:
				score[dst.country] -= 10
			case len(qualifiers) > 0 && !slices.Contains(qualifiers, dst.country):
				score[dst.country] += 3
			default:
				continue
			}
			if _, ok := first[dst.country]; !ok {
				first[dst.country] = dst.at
			}
		}
	}
}

// ownerOfVisit reports whether the text after a country mention makes it
// the owner of a visit: "'s visit to", "'s official visit to".
func ownerOfVisit(after string) bool {
	after, ok := strings.CutPrefix(after, "'s ")
	if !ok {
		if after, ok = strings.CutPrefix(after, "’s "); !ok {
			return false
		}
	}
	after = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(after, "state "), "official "), "working ")
	return strings.HasPrefix(after, "visit to ") || strings.HasPrefix(after, "visit of ")
}

// listGap reports whether the text between two mentions joins members of
// a list: ", ", " and ", ", and ", " & ".
func listGap(gap string) bool {
	switch strings.TrimSpace(gap) {
	case ",", "and", ", and", "&", "or", ", or", "and the", ", the", ", and the":
		return true
	}
	return false
}

// inList reports whether the pair a, b stands in a longer list: a comma
// before a ("Estonia, Latvia and Lithuania") or a list word after b.
func inList(text string, a, b Mention) bool {
	pre := strings.TrimRight(text[max(0, a.Span.Start-3):a.Span.Start], " ")
	if strings.HasSuffix(pre, ",") {
		return true
	}
	post := text[b.Span.End:min(len(text), b.Span.End+6)]
	return strings.HasPrefix(post, ",") || strings.HasPrefix(post, " and ")
}

// subjectOfVerb reports whether a country name opens its sentence as the
// subject of a verb: "Japan welcomes the decree", "Pakistan on Tuesday
// conveyed its condolences", "Today the UK signed up to".
func subjectOfVerb(text string, sents []Span, m Mention) bool {
	ss := 0 // where the mention's sentence starts
	if si := SentenceAt(sents, m.Span.Start); si >= 0 {
		ss = sents[si].Start
	}
	for w := range strings.FieldsSeq(text[ss:m.Span.Start]) {
		if w != "the" && w != "The" && w != "Today" && w != "." {
			return false
		}
	}
	w := homeFirstWord(text[m.Span.End:])
	if w == "" || w[0] < 'a' || w[0] > 'z' || isDemonymMention(m) { // the look-up last: it costs the most
		return false
	}
	switch w {
	case "will", "has", "have", "is", "was", "would", "shall", "strongly", "also", "on", "today", "firmly", "fully":
		return true
	}
	return len(w) > 3 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"))
}

// ownScript returns the country whose script only it writes (Thai,
// Georgian, Khmer, Lao, Armenian, Sinhala, Myanmar, Hangul, Hebrew,
// Ethiopic) with the most letters in text, and how many: a page's labels
// ("วันที่", a date label) are in its publisher's script.
func ownScript(text string) (string, int) {
	var n [len(ownScripts)]int
	for j := 0; j < len(text); {
		// A rune from U+0590 on starts with a byte from 0xD6 on, which no
		// other rune holds: the bytes below are passed over, eight ASCII
		// ones at a time.
		if j+8 <= len(text) && load64(text[j:j+8])&0x8080808080808080 == 0 {
			j += 8
			continue
		}
		if text[j] < 0xD6 {
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[j:])
		j += size
		if 0x2000 <= r && r <= 0x206f {
			continue // general punctuation ("’", "–", "…"), which no script of its own writes
		}
		countScript(&n, r)
	}
	best, bn := "", 0
	for i, c := range n {
		if c > bn {
			best, bn = ownScripts[i].iso, c
		}
	}
	return best, bn
}

// countScript counts r in n if one of ownScripts writes it.
func countScript(n *[len(ownScripts)]int, r rune) {
	for i, s := range ownScripts {
		if unicode.Is(s.table, r) {
			n[i]++
			return
		}
	}
}

var ownScripts = [...]struct {
	table *unicode.RangeTable
	iso   string
}{
	{unicode.Thai, "THA"}, {unicode.Georgian, "GEO"}, {unicode.Khmer, "KHM"}, {unicode.Lao, "LAO"},
	{unicode.Armenian, "ARM"}, {unicode.Sinhala, "LKA"}, {unicode.Myanmar, "MMR"}, {unicode.Hangul, "KOR"},
	{unicode.Hebrew, "ISR"}, {unicode.Ethiopic, "ETH"},
}

// issuerCues introduce the issuing body in a line: "Source: Ministry of
// Foreign Affairs of the Republic of Uzbekistan", "on behalf of: U.S.
// Department of State".
var issuerCues = []string{"source:", "on behalf of:", "on behalf of", "issued by", "released by"}

// cueKeys are letters in a row that every issuer cue holds, in either
// case: a line without one holds no cue, and the common line has none.
var cueKeys = []string{"ource", "OURCE", "ehalf", "EHALF", "ssued", "SSUED", "eleased", "ELEASED"}

// cueOffsets is substringOffsets(text, cueKeys), in one pass: each key
// holds a "u" before an "r" or an "e", or an "l" before an "f" or an
// "e", in its case ("ource", "ehalf"); such pairs, in any case, are
// found eight at a time and checked for the keys around them.
func cueOffsets(text string) []int32 {
	var out []int32
	for j := 0; j < len(text); j += 8 {
		var w, n uint64 // the eight bytes from j, and from j+1
		if j+9 <= len(text) {
			w, n = load64(text[j:j+8]), load64(text[j+1:j+9])
		} else {
			w, n = loadTail(text, j), loadTail(text, j+1) // eight bytes at most
		}
		// in either case: only "U" and "u" fold into "u", and so on
		w, n = w|0x2020202020202020, n|0x2020202020202020
		e := byteIs(n, 'e')
		hits := byteIs(w, 'u')&(byteIs(n, 'r')|e) | byteIs(w, 'l')&(byteIs(n, 'f')|e)
		for ; hits != 0; hits &= hits - 1 {
			p := j + bits.TrailingZeros64(hits)/8
			for _, k := range cueAnchors[cueAnchor(text[p])] {
				if at := p - k.back; at >= 0 && strings.HasPrefix(text[at:], k.key) {
					out = append(out, int32(at))
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// byteIs returns the high bit of each byte of w that is c, and no other.
func byteIs(w uint64, c byte) uint64 { return zeroBytes(w ^ uint64(c)*loBits) }

// cueAnchors are the keys around each "u", "U", "l" and "L"
// (cueAnchor), and how far before it each starts.
var cueAnchors = [4][2]struct {
	back int
	key  string
}{
	{{1, "ource"}, {2, "ssued"}}, {{1, "OURCE"}, {2, "SSUED"}},
	{{3, "ehalf"}, {1, "eleased"}}, {{3, "EHALF"}, {1, "ELEASED"}},
}

// cueAnchor is the index in cueAnchors of c, one of "u", "U", "l", "L".
func cueAnchor(c byte) int {
	i := 0
	if c == 'l' || c == 'L' {
		i = 2
	}
	if c < 'a' {
		i++
	}
	return i
}

// bodyWords name a government body in an issuer line.
var bodyWords = map[string]bool{"Ministry": true, "Ministries": true, "Department": true, "Office": true,
	"Government": true, "Embassy": true, "Presidency": true, "Secretariat": true, "Agency": true,
	"Cabinet": true, "Chancellery": true, "Mission": true, "Consulate": true, "Commission": true}

// issuerCountry returns the country of the government body that a line of
// the page's head or foot names by itself ("Office of the President of the
// Republic of Finland", "Government of Pakistan"), or that follows an
// issuer cue anywhere ("Source: Republic of Lithuania"), or "". The
// headline is not an issuer line. headEnd is homeFrame's.
func issuerCountry(d *Doc, headEnd int) string {
	text := d.Text
	footStart := homeFootStart(text, 6)
	ts := d.Meta.TitleSpan
	keys := cueOffsets(text) // searched once in the text, not line by line
	next := 0                // keys[:next] lie before the line read
	for ls := 0; ls < len(text); {
		if ls >= headEnd && ls < footStart {
			// a line between head and foot is read only for a cue: the
			// next one with a key, else the foot's first
			for next < len(keys) && int(keys[next]) < ls {
				next++
			}
			if next < len(keys) && int(keys[next]) < footStart {
				ls = strings.LastIndexByte(text[:keys[next]], '\n') + 1
			} else if ls = footStart; ls >= len(text) {
				break
			}
		}
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		l := Span{ls, le}
		ls = le + 1
		line := text[l.Start:l.End]
		for next < len(keys) && int(keys[next]) < l.Start {
			next++
		}
		low := ""
		if next < len(keys) && int(keys[next]) < l.End { // a key starting on the line ends on it
			low = strings.ToLower(line)
		}
		for _, cue := range issuerCues {
			if i := strings.Index(low, cue); low != "" && i >= 0 {
				s := l.Start + i + len(cue)
				e := l.End
				if k := strings.IndexAny(text[s:e], "·|•"); k >= 0 {
					e = s + k
				}
				if iso := nameCountry(d, Span{s, e}, false); iso != "" {
					return iso
				}
			}
		}
		if l.Start >= headEnd && l.Start < footStart || ts.End > ts.Start && l.Start < ts.End && l.End > ts.Start {
			continue
		}
		if iso := nameCountry(d, l, true); iso != "" {
			return iso
		}
	}
	return ""
}

// nameCountry returns the country named in s when s, trimmed, is only the
// name of a body: capitalized words and function words, a dozen at most,
// with a body word when needBody ("Government of Pakistan"), holding a
// country's name, alias or demonym; else "".
func nameCountry(d *Doc, s Span, needBody bool) string {
	t := strings.Trim(d.Text[s.Start:s.End], " \t:-–—,.")
	if t == "" || len(t) > 100 || strings.ContainsAny(t, ">|") {
		return ""
	}
	body := false
	n := 0
	for _, w := range strings.Fields(t) {
		n++
		w = strings.Trim(w, ",.()")
		switch w {
		case "", "-", "–", "—", "/":
			continue // "Ministry of Foreign Affairs - Argentine Republic"
		}
		if bodyWords[w] {
			body = true
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			continue
		}
		switch w {
		case "of", "the", "and", "for", "&", "on", "de", "du", "des":
			continue
		}
		return ""
	}
	if n > 12 || needBody && !body {
		return ""
	}
	start := s.Start + strings.Index(d.Text[s.Start:s.End], t)
	for _, m := range d.Mentions {
		if m.Kind == KindCountry && m.Span.Start >= start && m.Span.End <= start+len(t) && m.Value != "" {
			return m.Value
		}
	}
	return ""
}

// homeFootStart returns the start of the last n non-empty lines.
func homeFootStart(text string, n int) int {
	k := 0
	for end := len(text); end > 0; {
		b := strings.LastIndexByte(text[:end], '\n') + 1
		if strings.TrimSpace(text[b:end]) != "" {
			k++
			if k == n {
				return b
			}
		}
		end = b - 1
	}
	return 0
}

// hostRe finds host names in addresses and e-mails: "www.moib.gov.pk",
// "media@mfa.gov.lv".
var hostRe = regexp.MustCompile(`(?i)(?:[a-z0-9][a-z0-9-]*\.)+[a-z]{2,6}\b`)

// urlCountry returns the country of a URL's host when it is a
// government's (gazetteer.GovDomain), or "".
func urlCountry(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	iso, _ := gazetteer.GovDomain(u.Hostname())
	return iso
}

// hostDot reports whether text holds ".go" (".gov"), ".gc.", ".admin.",
// ".bund." or ".GOV": a dot that may start a government host's suffix.
func hostDot(text string) bool {
	for i := 0; ; i++ {
		k := strings.IndexByte(text[i:], '.')
		if k < 0 {
			return false
		}
		i += k
		switch rest := text[i+1:]; {
		case strings.HasPrefix(rest, "go"), strings.HasPrefix(rest, "gc."), strings.HasPrefix(rest, "admin."),
			strings.HasPrefix(rest, "bund."), strings.HasPrefix(rest, "GOV"):
			return true
		}
	}
}

// domainCountry returns the country of the first government host name in
// text ("mfa.gov.lv" -> LVA), or "".
func domainCountry(text string) string {
	if !hostDot(text) {
		return "" // the common case, without the regexp
	}
	for _, h := range hostRe.FindAllString(text, -1) {
		if iso, ok := gazetteer.GovDomain(h); ok {
			return iso
		}
	}
	return ""
}

// homeFrame returns the end of the first three non-empty lines and the
// start of the last four: where a publisher's name stands.
func homeFrame(text string) (headEnd, footStart int) {
	n := 0
	headEnd = len(text)
	for l := range lineSpans(text) {
		if strings.TrimSpace(text[l.Start:l.End]) != "" {
			n++
			if n == 3 {
				headEnd = l.End
				break
			}
		}
	}
	n = 0
	footStart = 0
	for end := len(text); end > 0; {
		b := strings.LastIndexByte(text[:end], '\n') + 1
		if strings.TrimSpace(text[b:end]) != "" {
			n++
			if n == 4 {
				footStart = b
				break
			}
		}
		end = b - 1
		if end < 0 {
			break
		}
	}
	if footStart < headEnd {
		footStart = headEnd // a short text is all lead
	}
	return headEnd, footStart
}

// homeLabel reports whether a line opens with a label: "World locations:",
// "Topical events:".
func homeLabel(line string) bool {
	c := strings.IndexByte(line[:min(len(line), 31)], ':') // none further on opens a label
	if c < 0 || c > 30 {
		return false
	}
	for _, r := range line[:c] {
		if !(r == ' ' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// officeOf reports whether the text before a country mention, on its
// line, ends with an office and its portfolio and "of": "Minister of
// Foreign Affairs of (the)".
func officeOf(pre string) bool {
	if c := strings.LastIndexAny(pre, ".,;"); c >= 0 {
		pre = pre[c+1:]
	}
	return officeClause(pre)
}

// officeAt is officeOf(text[from:to]), the clause found through ix.
func officeAt(text string, ix *textIndex, from, to int) bool {
	// the clause ends with "of" or "of the" only if the text does
	if t := strings.TrimRight(text[from:to], " "); !strings.HasSuffix(t, " of") && !strings.HasSuffix(t, " of the") {
		return false
	}
	return officeClause(text[ix.clauseStart(from, to):to])
}

// officeClause is officeOf of a clause: text with no ".", "," or ";".
func officeClause(pre string) bool {
	pre = strings.TrimSuffix(strings.TrimRight(pre, " "), " the")
	if !strings.HasSuffix(pre, " of") {
		return false
	}
	// "Ministry of Foreign Affairs of the Republic of Korea" is a body,
	// the publisher itself, not someone's office.
	for _, body := range []string{"Ministry", "Department", "Government", "Embassy", "Office", "Agency", "Mission"} {
		if strings.Contains(pre, body+" ") {
			return false
		}
	}
	pre = pre[max(0, len(pre)-80):]
	var low [80]byte
	arr, n, ok := titleWords(&low, pre)
	ws := arr[:n]
	if !ok {
		ws = gazetteer.TitleWords(pre)
	}
	for i := range ws {
		if n, e, ok := gazetteer.MatchTitle(ws[i:]); ok && n > 0 && e.Kind == gazetteer.Office {
			return true
		}
	}
	return false
}

// pairGap reports whether two country mentions are joined as a pair:
// "Korea and Italy", "Korea-Italy", "the UAE and France".
func pairGap(gap string) bool {
	switch strings.TrimSpace(gap) {
	case "and", "and the", "-", "–", "/":
		return true
	}
	return false
}

// dateline reports whether a place or country mention opens a dateline:
// the start of a line in the lead, followed by a comma, a colon, a slash
// or a dash ("MANILA, 12 June", "SINGAPORE:", "Ulaanbaatar/MONTSAME/.",
// "ISLAMABAD -"). A country's name does so only in capitals or before a
// colon: "Japan, Korea and China agreed" opens a sentence.
func dateline(text string, ix *textIndex, m Mention, lead int) bool {
	sp := m.Span
	if sp.Start > lead+200 || sp.Start > 3000 {
		return false
	}
	ls := ix.lineStart(sp.Start)
	if strings.TrimSpace(text[ls:sp.Start]) != "" {
		return false
	}
	rest := text[sp.End:]
	if m.Kind == KindCountry {
		if isDemonymMention(m) {
			return false
		}
		if strings.HasPrefix(rest, ":") {
			return true
		}
		if m.Text != strings.ToUpper(m.Text) {
			return false
		}
	}
	return strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, " -") || strings.HasPrefix(rest, " –") ||
		strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "/") || strings.HasPrefix(rest, "--")
}

// foreignOfficial reports whether the text after a country mention goes
// on with an office or a counterpart: "German Foreign Minister", "'s
// Interior Minister", "Italian counterpart", "Czech Deputy Minister".
func foreignOfficial(after string) bool {
	after = strings.TrimPrefix(strings.TrimPrefix(after, "'s"), "’s")
	w := homeFirstWord(after)
	if w == "" {
		return false
	}
	if r := w[0]; r < 'A' || r > 'Z' {
		return strings.EqualFold(w, "counterpart") || strings.EqualFold(w, "counterparts") ||
			strings.EqualFold(w, "ministers")
	}
	after = after[:min(len(after), 60)]
	var low [80]byte
	arr, n, ok := titleWords(&low, after)
	ws := arr[:n]
	if !ok {
		ws = gazetteer.TitleWords(after)
	}
	for i := 0; i < len(ws) && i < 3; i++ {
		if n, e, ok := gazetteer.MatchTitle(ws[i:]); ok && n > 0 && e.Kind == gazetteer.Office {
			return true
		}
		if !gazetteer.IsPortfolioWord(ws[i]) && !gazetteer.IsTitleModifier(ws[i]) {
			return false
		}
	}
	return false
}

// titleWords is gazetteer.TitleWords(s) for s ASCII of up to 80 bytes
// and of 24 words at most, else ok is false: the words are cut from a
// lower-cased copy in low, not allocated, for foreignOfficial and
// officeClause, which ask about every country mention and do not keep
// them. They are returned by value: written through a pointer, they
// would move low to the heap.
func titleWords(low *[80]byte, s string) (ws [24]string, n int, ok bool) {
	if len(s) > len(low) || !isASCII(s) {
		return ws, 0, false
	}
	for i := 0; i < len(s); {
		// a word: letters, digits and apostrophes; the rest separates
		b := i
		for ; i < len(s); i++ {
			c := s[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			} else if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '\'') {
				break
			}
			low[i] = c
		}
		if i == b {
			i++
			continue
		}
		w := strings.Trim(unsafe.String(&low[b], i-b), "'")
		if strings.HasSuffix(w, "'s") && len(w) > 2 {
			w = w[:len(w)-2]
		}
		if w == "" {
			continue
		}
		if n == len(ws) {
			return ws, 0, false
		}
		ws[n] = w
		n++
	}
	return ws, n, true
}

// homeLeadEnd returns the end of the first line of 150 bytes or more: the
// lead paragraph, after headline and navigation lines.
func homeLeadEnd(text string) int {
	for l := range lineSpans(text) {
		if l.End-l.Start >= 150 {
			return l.End
		}
	}
	return len(text)
}

// homeFirstWord returns the first word of s, after spaces: letters and
// digits.
func homeFirstWord(s string) string {
	s = strings.TrimLeft(s, " ")
	e := 0
	for e < len(s) && (s[e] >= 'a' && s[e] <= 'z' || s[e] >= 'A' && s[e] <= 'Z' || s[e] >= '0' && s[e] <= '9') {
		e++
	}
	return s[:e]
}

// homeWords holds the last words before a mention, "the" left out, the
// last word last.
type homeWords struct {
	w [3]string
	n int
}

// homeWordsBefore returns the last three words of s, without "the".
func homeWordsBefore(s string) homeWords {
	var hw homeWords
	var rev [3]string
	e := len(s)
	for hw.n < 3 && e > 0 {
		for e > 0 && !homeWordByte(s[e-1]) {
			if s[e-1] == '\n' || s[e-1] == '.' || s[e-1] == ',' {
				e = 0 // words of another clause do not count
				break
			}
			e--
		}
		b := e
		for b > 0 && homeWordByte(s[b-1]) {
			b--
		}
		if b == e {
			break
		}
		if w := s[b:e]; !strings.EqualFold(w, "the") {
			rev[hw.n] = w
			hw.n++
		}
		e = b
	}
	for i := 0; i < hw.n; i++ {
		hw.w[i] = rev[hw.n-1-i]
	}
	return hw
}

func homeWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// last reports whether the words end with ws, case-insensitively.
func (hw homeWords) last(ws ...string) bool {
	if len(ws) > hw.n {
		return false
	}
	for i, w := range ws {
		if !strings.EqualFold(hw.w[hw.n-len(ws)+i], w) {
			return false
		}
	}
	return true
}
