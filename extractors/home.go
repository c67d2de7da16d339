package extractors

import (
	"strings"

	"communique/gazetteer"
)

// HomeCountry returns the ISO3 code of the government that published d,
// inferred from its KindCountry mentions (so it must run after the
// countries extractor), or "" when the document gives no basis.
//
// Every country mention is a vote, weighted by how the text uses it:
//   - a country in the publisher line (Meta.Publisher) decides;
//   - "Korea's", "the Korean government", "the Government of Korea": a
//     country that owns achievements and acts is the publisher's (x3);
//   - a mention in the headline or the first lines counts double;
//   - a destination ("to Italy", "visited Italy", "in Italy") is where the
//     publisher's officials go: it counts a fifth (a half for "in").
//
// The country with the highest score wins; ties go to the one named
// first. HomeCountry reads d and changes nothing: OrgsAndPersons and
// BuildFrame each call it once.
func HomeCountry(d *Doc) string {
	if d.Meta.Publisher != "" {
		for _, m := range gazetteer.Find(d.Meta.Publisher) {
			if m.Form != gazetteer.FormCity {
				return m.ISO3
			}
		}
	}
	text := d.Text
	// the first lines: up to the end of the first body paragraph of some
	// length
	lead := len(text)
	if n := homeLeadEnd(text); n < lead {
		lead = n
	}
	headEnd, footStart := homeFrame(text)
	score := map[string]float64{}
	first := map[string]int{}
	var prev Mention // the previous country mention
	for _, m := range d.Mentions {
		if m.Kind == KindPlace && m.Country != "" && dateline(text, m.Span, lead) {
			// "MANILA, 12 June 2024 -", "ABU DHABI, 5th March 2024 (WAM) --"
			score[m.Country] += 4
			if _, ok := first[m.Country]; !ok {
				first[m.Country] = m.Span.Start
			}
			continue
		}
		if m.Kind != KindCountry {
			continue
		}
		iso := m.Value
		if iso == "" {
			iso = m.Country
		}
		if iso == "" {
			continue
		}
		if _, ok := first[iso]; !ok {
			first[iso] = m.Span.Start
		}
		ls := strings.LastIndexByte(text[:m.Span.Start], '\n') + 1
		le := len(text)
		if n := strings.IndexByte(text[m.Span.End:], '\n'); n >= 0 {
			le = m.Span.End + n
		}
		line := text[ls:le]
		if strings.ContainsAny(line, ">|") || homeLabel(line) {
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
			w = 3
		case strings.EqualFold(homeFirstWord(rest), "government") || before.last("government", "of"):
			w = 3
		}
		if foreignOfficial(rest) || officeOf(text[ls:m.Span.Start]) {
			// "German Foreign Minister", "Saudi Arabia's Interior
			// Minister", "his Italian counterpart", "Minister of Foreign
			// Affairs of the Lao People's Democratic Republic": someone
			// else's official; the publisher's own go without a country
			w = -1
		}
		switch {
		case before.last("to") || before.last("visited") || before.last("visiting") || before.last("visit") ||
			before.last("visits") || before.last("into") || before.last("toward") || before.last("towards") ||
			before.last("bound", "for"):
			w *= 0.2
		case before.last("in") || before.last("at"):
			w *= 0.5
		}
		// "Korea and Italy", "Japan-Australia", "the UAE and France": a
		// government names itself first
		if prev.Span.End > 0 && pairGap(text[prev.Span.End:m.Span.Start]) {
			pi := prev.Value
			if pi == "" {
				pi = prev.Country
			}
			if pi != iso {
				score[pi] += 1.5
				w *= 0.5
			}
		}
		prev = m
		if w > 0 && (inTitle || m.Span.End <= lead) {
			w *= 2
		}
		score[iso] += w
	}
	best, bestScore := "", 0.0
	for iso, s := range score {
		if s > bestScore || s == bestScore && best != "" && first[iso] < first[best] {
			best, bestScore = iso, s
		}
	}
	return best
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
	c := strings.IndexByte(line, ':')
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
	ws := gazetteer.TitleWords(pre[max(0, len(pre)-80):])
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

// dateline reports whether a place mention opens a dateline: the start of
// a line in the lead, followed by a comma or a dash.
func dateline(text string, sp Span, lead int) bool {
	if sp.Start > lead+200 || sp.Start > 3000 {
		return false
	}
	ls := strings.LastIndexByte(text[:sp.Start], '\n') + 1
	if strings.TrimSpace(text[ls:sp.Start]) != "" {
		return false
	}
	rest := text[sp.End:]
	return strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, " -") || strings.HasPrefix(rest, " –")
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
	ws := gazetteer.TitleWords(after[:min(len(after), 60)])
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
