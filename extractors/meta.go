package extractors

import (
	"bytes"
	"communique/gazetteer"
	"math/bits"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits of the header and footer that ReadMeta searches.
const (
	metaHeaderLines = 15   // non-empty lines
	metaHeaderBytes = 1500 // from the first non-empty line
	metaFooterLines = 5
	metaLongLine    = 400 // a longer line is body text
	metaLongPrefix  = 160 // of which only the start is read, for a dateline
)

// ReadMeta reads a release's own metadata from normalized text: the
// headline, the publication date and time, and the issuing body. It looks
// only at the header (the first 15 non-empty lines, within 1500 bytes)
// and the footer (the last 5 non-empty lines after the headline): a date
// inside the story is not a publication date.
//
// Title is the headline: the first line before the body that reads like
// one (2 to 40 words, starting with a capital, digit or quote, no
// terminal period or comma), skipping site navigation ("HOME > News",
// "the body go topmenu go", "View this article in another language"),
// kickers ("Press Release", "News & Notices"), metadata labels ("Editor
// : ...", "Share :"), date and time lines, subtitle bullets ("- ..."),
// table rows, photo captions and credits, place lines ("London, United
// Kingdom") and issuing-body lines; a line that stands twice (the page's
// title and its heading) wins, even with a terminal period. A speech's
// salutations ("Your Excellency,") start the body. A release number
// opening the line ("No: 4, 7 January 2023, ") is not part of the title,
// nor a country tag glued to its end ("... talks Austria" after "Vienna").
// Failing that, a headline glued to a dateline inside the first body line
// ("ISSUE N: 122 <headline> 06-08.10.2019 TBILISI • ..."), then an
// issuing-body line (a Title Case headline can look like one) or site
// furniture. A body sentence is never the title: a page without a
// headline has none. Title is the trimmed text and TitleSpan its place in
// text; a headline wrapped over two lines (the second starting in lower
// case, or the first ending in a joining word) is joined with a space,
// and TitleSpan covers both lines.
//
// Published is a full date with a year, by preference: after a label
// ("Date :", "Published", "Posted on:", "Release date:", "Press Release
// Date and Time" with the date on the next line, "... Published May 29,
// 2024 | 01:30 AM" inside a byline); a line that is a date at or after
// the headline ("Tuesday, 12 March 2024, 10:00 AM", "No: 112, 3 April
// 2016"); a dateline opening the body ("Vilnius, 4 May 2021 - ...", "ABU
// DHABI, 12th March 2019 (WAM) --", a yearless one with the year of the
// same date later in the line); a date line in the footer ("Ministry of
// Foreign Affairs, 3 April 2016"); a date line above the headline (an
// aggregator's stamp); a "Last updated" date. A site's clock (a date above
// its menu, "Today is ...") never counts; years before 1800 (Hijri) are
// no dates. Dotted and slashed numeric dates read day first unless
// impossible or the page writes its dates month first. A time of day on
// the date's line (10:00 AM, 11:05 am, 14:30, 10.00 hrs, T09:30), or
// alone on the line after a labeled date, sets HasTime, except on a
// distribution or e-mail wrapper's stamp ("Distributed by ... on
// 10/03/2024 20:31"). Nil when no such date is found.
//
// Publisher is the issuing body where the text names it as such: "Issued
// by ...", "Source: ...", "From: ...", also inside a line (" date
// 2019-05-03 Source: Republic of Croatia"), "Press release - Ministry of
// X", "MOFA Press Release", an issuing-body line next to the headline or
// the site's banner above it, the issuer closing a dateline ("August 26,
// 2020 - Ottawa, Ontario - Global Affairs Canada"), a body's name in the
// footer or its copyright line. Empty otherwise. PublisherCountry and
// Dateline are read from the same lines.
func ReadMeta(text string) Meta {
	sc := metaScratches.Get().(*metaScratch)
	lines, rest := metaHeadLines(text, sc.lines[:0])
	hdr, ftr, tail := sc.hdr[:0], sc.ftr[:0], sc.tail[:0]
	defer func() {
		if cap(sc.toks) <= maxPooledTokens {
			// the lines point into text: cleared, the pool keeps none alive
			clear(lines)
			clear(tail)
			clear(hdr)
			clear(ftr)
			sc.lines, sc.tail, sc.hdr, sc.ftr = lines[:0], tail[:0], hdr[:0], ftr[:0]
			metaScratches.Put(sc)
		}
	}()
	if len(lines) == 0 {
		return Meta{}
	}
	nh := len(lines)
	hdr = slices.Grow(hdr, nh)[:nh]
	ftr = slices.Grow(ftr, metaFooterLines)
	for i := range hdr {
		hdr[i] = metaAnalyzeLine(lines[i], sc)
	}
	t, tEnd := metaFindTitle(hdr, sc)
	// The footer: the last lines after the headline; in a short release
	// they are header lines too. The lines between the header and the
	// last metaFooterLines lines are never read, so they are not split:
	// indices count as if the tail followed the header directly, which
	// leaves the footer the whole tail whenever it is that long.
	tail = metaTailLines(text, rest, metaFooterLines, tail)
	n := nh + len(tail)
	for i := max(t+1, 1, n-metaFooterLines); i < n; i++ {
		if i < nh {
			ftr = append(ftr, hdr[i])
		} else {
			ftr = append(ftr, metaAnalyzeLine(tail[i-nh], sc))
		}
	}
	var m Meta
	m.Published = metaFindPublished(hdr, ftr, t)
	if t >= 0 {
		l := &hdr[t]
		m.Title, m.TitleSpan = l.s[l.titleOff:tEnd], Span{l.Start + l.titleOff, l.Start + tEnd}
		if tEnd == len(l.s) && t+1 < len(hdr) && metaJoinsTitle(l, &hdr[t+1]) {
			m.Title += " " + hdr[t+1].s
			m.TitleSpan.End = hdr[t+1].End
		}
		if n := metaTrimTag(m.Title); n < len(m.Title) {
			m.Title = m.Title[:n]
			m.TitleSpan.End = m.TitleSpan.Start + n
			if m.TitleSpan.End > l.End {
				// The tag stood on the joined line: the span ends where the title does.
				m.TitleSpan.End = hdr[t+1].Start + n - len(l.s[l.titleOff:]) - 1
			}
		}
	}
	m.Publisher = metaFindPublisher(hdr, ftr, t)
	m.PublisherCountry = metaPublisherCountry(m.Publisher, hdr, ftr, t)
	m.Dateline = metaFindDateline(hdr, ftr, t, sc)
	return m
}

// metaLine is one non-empty line of the text, trimmed of spaces.
type metaLine struct {
	Span
	s         string
	blankLine bool // an empty line precedes it
}

// metaTrim returns the bounds of text[start:end] trimmed of white space.
// ASCII bytes are told apart here; at a non-ASCII one the rest is left to
// strings.TrimLeftFunc and TrimRightFunc.
func metaTrim(text string, start, end int) (s, e int) {
	for start < end && text[start] < utf8.RuneSelf && asciiSpaceByte[text[start]] {
		start++
	}
	if start < end && text[start] >= utf8.RuneSelf {
		start = end - len(strings.TrimLeftFunc(text[start:end], unicode.IsSpace))
	}
	for end > start && text[end-1] < utf8.RuneSelf && asciiSpaceByte[text[end-1]] {
		end--
	}
	if end > start && text[end-1] >= utf8.RuneSelf {
		end = start + len(strings.TrimRightFunc(text[start:end], unicode.IsSpace))
	}
	return start, end
}

// metaHeadLines returns the header lines of text, appended to lines (an
// empty buffer): the first metaHeaderLines non-empty lines that start
// within metaHeaderBytes of the first one; and the offset just past the
// last of them, where the other lines begin.
func metaHeadLines(text string, lines []metaLine) ([]metaLine, int) {
	rest := 0
	blank := false
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if s, e := metaTrim(text, start, end); e > s {
			if len(lines) == metaHeaderLines || len(lines) > 0 && s-lines[0].Start >= metaHeaderBytes {
				break
			}
			lines = append(lines, metaLine{Span: Span{s, e}, s: text[s:e], blankLine: blank || len(lines) == 0})
			blank = false
			rest = min(end+1, len(text))
		} else {
			blank = true
		}
		start = end + 1
	}
	return lines, rest
}

// metaTailLines returns the last n non-empty lines of text[from:], in
// text order, scanning backwards; from is the start of a line that
// follows a non-empty one. They are appended to rev (an empty buffer),
// newest first, then reversed.
func metaTailLines(text string, from, n int, rev []metaLine) []metaLine {
	for end := len(text); ; {
		start := from
		if i := metaLastNewline(text[from:end]); i >= 0 {
			start = from + i + 1
		}
		if s, e := metaTrim(text, start, end); e > s {
			if len(rev) == n {
				break
			}
			rev = append(rev, metaLine{Span: Span{s, e}, s: text[s:e]})
		} else if len(rev) > 0 {
			rev[len(rev)-1].blankLine = true // an empty line precedes it
		}
		if start == from {
			break
		}
		end = start - 1
	}
	slices.Reverse(rev)
	return rev
}

// metaLastNewline is strings.LastIndexByte(s, '\n'), eight bytes at a
// time: a footer's lines may be long paragraphs, and LastIndexByte reads
// one byte at a time.
func metaLastNewline(s string) int {
	const ones uint64 = 0x0101010101010101
	i := len(s)
	for ; i >= 8; i -= 8 {
		if nl := zeroBytes(load64(s[i-8:]) ^ '\n'*ones); nl != 0 {
			return i - 1 - bits.LeadingZeros64(nl)>>3
		}
	}
	return strings.LastIndexByte(s[:i], '\n')
}

type metaLineKind uint8

const (
	mlText     metaLineKind = iota
	mlNav                   // site navigation
	mlKicker                // "Press Release", "News & Notices"
	mlLabel                 // a metadata label, with or without its value
	mlDate                  // a line that is a date
	mlTime                  // a line that is a time of day: "10:00 AM"
	mlDateline              // "Vilnius, 4 May 2021 - The Minister ..."
	mlBullet                // "- subtitle", "* note", "o item"
	mlTable                 // tab-separated columns
	mlOrg                   // an issuing body's name alone
	mlBody                  // a body paragraph
	mlCaption               // a photo caption or credit, an image's file name
	mlSalute                // "Your Excellency,", "Ladies and gentlemen,": a speech begins
	mlPlace                 // a place alone: "London, United Kingdom"
)

type metaLabelKind uint8

const (
	lblNone      metaLabelKind = iota
	lblPublished               // Date, Published, Posted on, Release date
	lblUpdated                 // Last updated
	lblPublisher               // Issued by, Source:, From:
	lblOther                   // Read :, Tags:, Share, Editor :
	lblClock                   // Today is: the site's clock, never the release's date
)

// metaLineInfo is what ReadMeta knows about one line.
type metaLineInfo struct {
	metaLine
	kind     metaLineKind
	label    metaLabelKind
	labelEnd int       // byte offset in s after the label and its separator
	date     Timestamp // the line's first full date, when hasDate
	hasDate  bool
	dateAt   int    // byte offset in s of the date
	dateEnd  int    // byte offset in s after the date
	words    int    // words and numbers, of the first metaLongPrefix bytes of a long line
	long     bool   // longer than metaLongLine: body text
	orgKick  string // "MOFA" of "MOFA Press Release"
	// titleOff is where a headline starts in s past a release number
	// ("No: 4, 7 January 2023, Minister meets ..."); 0 for the whole line.
	titleOff int
	numOrder metaNumOrder // how the line's date reads when it is numeric
	altDate  Date         // the month-first reading when numOrder is numEither
	stamp    bool         // a distribution or e-mail wrapper's stamp: its time is not the release's
}

// metaNumOrder says how a numeric date ("10/03/2024") reads.
type metaNumOrder uint8

const (
	numNone       metaNumOrder = iota // not numeric, or year first
	numDayFirst                       // 13/03/2024: only day first is a date
	numMonthFirst                     // 03/14/2024: only month first is a date
	numEither                         // 10/03/2024: read day first, altDate the other way
)

// metaScratch holds the token and expression buffers that metaAnalyzeLine
// reuses from one line to the next.
type metaScratch struct {
	toks   []dtToken
	starts []int
	exprs  []dtExpr
	// cleared when pooled
	lines, tail []metaLine
	hdr, ftr    []metaLineInfo
}

// metaScratches recycles ReadMeta's buffers between documents: they are
// dead once it returns, and hold no pointers but to constant strings (an
// expression's Precision) once the lines are cleared, so a pooled one
// keeps nothing alive.
var metaScratches = sync.Pool{New: func() any { return &metaScratch{toks: make([]dtToken, 0, 128)} }}

func metaAnalyzeLine(l metaLine, sc *metaScratch) metaLineInfo {
	li := metaLineInfo{metaLine: l}
	src := l.s
	if len(src) > metaLongLine {
		li.long = true
		i := strings.LastIndexByte(src[:metaLongPrefix], ' ')
		if i <= 0 {
			for i = metaLongPrefix; i > 0 && !utf8.RuneStart(src[i]); i-- {
			}
		}
		src = src[:i]
	}
	s := dtScanner{text: src, exprs: sc.exprs[:0]}
	s.toks, s.starts = dtTokenize(src, sc.toks[:0], sc.starts[:0])
	s.parseAll()
	sc.toks, sc.starts, sc.exprs = s.toks, s.starts, s.exprs // keep the grown buffers
	for _, e := range s.toks {
		if e.kind == dtWord && e.end-e.start > 1 || e.kind == dtNum {
			li.words++
		}
	}
	de := metaDatelineYear(&s)
	for i := range s.exprs {
		if de != nil {
			break
		}
		e := &s.exprs[i]
		if e.prec == Day && e.rel == drNone && e.y1 != 0 && e.m2 == 0 && (Date{e.y1, time.Month(e.m1), e.d1}).Valid() {
			de = e
			break
		}
	}
	if de != nil {
		li.hasDate = true
		li.date.Date = Date{de.y1, time.Month(de.m1), de.d1}
		li.dateAt, li.dateEnd = s.toks[de.ts].start, s.toks[de.te-1].end
		li.numOrder, li.altDate = metaNumericOrder(&s, de)
		li.stamp = metaIsStamp(src)
		// The time after the date, else one before it: "10:00 AM, 12 March 2024".
		h, m, sec, ok := s.timeIn(de.te, len(s.toks))
		if !ok {
			h, m, sec, ok = s.timeIn(0, de.ts)
		}
		if ok {
			li.date.HasTime, li.date.Hour, li.date.Minute, li.date.Second = true, h, m, sec
		}
	}
	li.label, li.labelEnd = metaReadLabel(l.s)
	if li.label == lblNone && li.hasDate && !li.long {
		if k := metaLabelBefore(l.s[:li.dateAt]); k != lblNone {
			li.label, li.labelEnd = k, li.dateAt
		}
	}
	li.kind = metaClassify(&li, &s, de)
	return li
}

// metaDatelineYear returns the date of a dateline that gives no year
// ("UZBEKISTAN, April 13 - On April 13, 2023 in Samarkand ...") with the
// year of a later full date of the same month and day on the line, or
// nil.
func metaDatelineYear(s *dtScanner) *dtExpr {
	var first *dtExpr
	for i := range s.exprs {
		e := &s.exprs[i]
		if e.prec != Day || e.rel != drNone || e.m2 != 0 {
			continue
		}
		if first == nil {
			if e.y1 != 0 || !s.isDateline(e) {
				return nil
			}
			first = e
			continue
		}
		if e.y1 != 0 && e.m1 == first.m1 && e.d1 == first.d1 && (Date{e.y1, time.Month(e.m1), e.d1}).Valid() {
			first.y1 = e.y1
			return first
		}
	}
	return nil
}

// metaNumericOrder tells how the date de reads when it is numeric with
// the year last ("10/03/2024"), and the month-first reading of an
// ambiguous one.
func metaNumericOrder(s *dtScanner, de *dtExpr) (metaNumOrder, Date) {
	if de.te-de.ts != 5 {
		return numNone, Date{}
	}
	a, b, y := s.tok(de.ts), s.tok(de.ts+2), s.tok(de.ts+4)
	if a.kind != dtNum || b.kind != dtNum || y.kind != dtNum || a.ndig > 2 || y.ndig != 4 ||
		s.tok(de.ts+1).kind != dtPunct || s.tok(de.ts+3).kind != dtPunct {
		return numNone, Date{}
	}
	switch {
	case a.val > 12:
		return numDayFirst, Date{}
	case b.val > 12:
		return numMonthFirst, Date{}
	case a.val == b.val:
		return numNone, Date{}
	}
	return numEither, Date{int(y.val), time.Month(a.val), int(b.val)}
}

// metaStampWords mark a line as a distribution or e-mail wrapper's stamp
// ("Distributed by Public on 10/03/2024 20:31"): the date is the
// release's, the time the wrapper's.
var metaStampWords = []string{"distributed by", "distributed on", "this email was sent", "this e-mail was sent",
	"forwarded message", "sent via", "sent by email", "you are subscribed"}

// metaIsStamp reports whether a line is a wrapper's stamp, by
// metaStampWords.
func metaIsStamp(s string) bool {
	var buf [metaLongLine]byte
	if len(s) > len(buf) {
		s = s[:len(buf)]
	}
	k := appendLowerASCII(buf[:0], s)
	for _, w := range metaStampWords {
		if bytes.Contains(k, []byte(w)) {
			return true
		}
	}
	return false
}

// metaInlineLabels stand before a date inside a line: "Mohammad Ali
// Published May 29, 2024 | 01:30 AM", "News | Posted 3 May 2021".
var metaInlineLabels = []struct {
	p string
	k metaLabelKind
}{
	{"published on", lblPublished}, {"published", lblPublished}, {"posted on", lblPublished},
	{"posted", lblPublished}, {"released on", lblPublished}, {"released", lblPublished},
	{"issued on", lblPublished}, {"last updated", lblUpdated}, {"updated on", lblUpdated}, {"updated", lblUpdated},
}

// metaLabelBefore returns the kind of a label that ends before (the text
// before a date), capitalized and standing after a space, a bar or a
// bracket: "... Published", "| Posted on". A lower-case "published" is
// a sentence's verb ("the report published 3 May").
func metaLabelBefore(before string) metaLabelKind {
	before = strings.TrimRight(before, " :-")
	for _, l := range metaInlineLabels {
		if !hasLowerSuffix(before, l.p) {
			continue
		}
		at := len(before) - len(l.p)
		if before[at] < 'A' || before[at] > 'Z' {
			return lblNone
		}
		if at > 0 && !strings.ContainsRune(" |([", rune(before[at-1])) {
			return lblNone
		}
		return l.k
	}
	return lblNone
}

// metaClassify decides what a line is, for the title search.
func metaClassify(li *metaLineInfo, s *dtScanner, de *dtExpr) metaLineKind {
	str := li.s
	if li.long {
		if de != nil && s.isDateline(de) {
			return mlDateline
		}
		return mlBody
	}
	switch {
	case strings.IndexByte(str, '\t') >= 0:
		return mlTable
	case metaIsBullet(str):
		return mlBullet
	case metaIsNav(str, li.words) && !(de != nil && de.prec == Day && strings.Contains(str, "|") && s.residualWords(de) == 0):
		// a date and its time between bars is no menu: "03.11.2024 | 17:45"
		return mlNav
	case metaIsSalutation(str, li.words):
		return mlSalute
	}
	if k, org := metaKickerOf(str); k {
		li.orgKick = org
		return mlKicker
	}
	if off := metaNumberPrefix(s, de); off > 0 {
		li.titleOff = off
		return mlText
	}
	if de != nil {
		if li.stamp || s.residualWords(de) <= 2 || metaSlashByline(str, li.dateEnd) {
			return mlDate // a wrapper's stamp dates the release too
		}
		if s.isDateline(de) {
			return mlDateline
		}
	} else if li.words <= 6 {
		if _, _, _, ok := s.timeIn(0, len(s.toks)); ok && s.residualWords(&dtExpr{}) == 0 {
			return mlTime
		}
	}
	if li.label != lblNone {
		return mlLabel
	}
	if li.words <= 2 && strings.HasSuffix(str, ":") {
		li.label = lblOther // "Comparte :", "Share this:"
		return mlLabel
	}
	if metaIsCaption(str, li.words) {
		return mlCaption
	}
	if metaIsOrgName(str) {
		return mlOrg
	}
	if de == nil && metaIsPlace(str, li.words) {
		return mlPlace
	}
	if li.words > 45 || li.words > 30 && metaEndsSentence(str) {
		return mlBody
	}
	return mlText
}

// metaSlashByline reports whether a line is a byline of short fields
// between slashes that ends with its date: "Antalya / Information Office
// / 02 March 2024".
func metaSlashByline(s string, dateEnd int) bool {
	if !strings.Contains(s, " / ") || strings.TrimSpace(s[dateEnd:]) != "" {
		return false
	}
	fields := strings.Split(s, " / ")
	if len(fields) > 4 {
		return false
	}
	for _, f := range fields {
		if n := len(strings.Fields(f)); n == 0 || n > 4 {
			return false
		}
	}
	return true
}

// metaWords may stand beside a date on a date line.
var metaWords = map[string]bool{
	"date": true, "time": true, "and": true, "press": true, "release": true, "released": true,
	"published": true, "posted": true, "on": true, "updated": true, "last": true, "issued": true,
	"read": true, "hit": true, "hits": true, "views": true, "view": true, "no": true, "number": true,
	"ref": true, "reference": true, "media": true, "statement": true, "news": true, "at": true,
	"local": true, "hrs": true, "am": true, "pm": true, "of": true, "modified": true, "dated": true,
	"publication": true, "issue": true, "by": true, "the": true, "hours": true, "notice": true,
}

// residualWords counts the words of the line outside the date expression
// de that are not metadata words, weekdays or months; a lower-case one
// (a sentence: "On 3 May 2021, ministers met.") counts as many.
func (s *dtScanner) residualWords(de *dtExpr) int {
	n := 0
	for i := range s.toks {
		t := &s.toks[i]
		if i >= de.ts && i < de.te || t.kind != dtWord || t.end-t.start == 1 || t.w.weekday || t.w.month != 0 {
			continue
		}
		var buf [32]byte
		if !metaWords[string(appendLowerASCII(buf[:0], s.text[t.start:t.end]))] {
			if t.flags&dtUpper == 0 {
				return len(s.toks)
			}
			n++
		}
	}
	return n
}

// isDateline reports whether a line opens with "Place, date -" or
// "date -": the dateline of a release body.
func (s *dtScanner) isDateline(de *dtExpr) bool {
	i, words := 0, 0
	for i < de.ts && words < 5 && s.toks[i].kind == dtWord && s.toks[i].flags&dtUpper != 0 {
		i++
		words++
		// a hyphenated place: "Nur-Sultan", "Port-au-Prince"
		for i+1 < de.ts && dtIsPunct(s.tok(i), '-') && s.glued(i) && s.glued(i+1) && s.toks[i+1].kind == dtWord {
			i += 2
		}
	}
	if i > 0 {
		if !dtIsPunct(s.tok(i), ',') {
			return false
		}
		i++
		i = s.skipHijri(i, de.ts)
	}
	if i != de.ts && !(s.tok(i).w.weekday && (de.ts == i+1 || de.ts == i+2 && dtIsPunct(s.tok(i+1), ','))) {
		return false
	}
	n := s.tok(de.te)
	return de.te >= len(s.toks) || n.kind == dtPunct && (n.val == '-' || n.val == ':' || n.val == '(' || n.val == 0x80 || n.val == ',')
}

// skipHijri returns the token after a Hijri date written before the
// Gregorian one, "Rabi al-Awwal 06, 1445, September 21, 2023", when
// tokens [i, end) are one: a few words and numbers that end with a year
// of the Hijri calendar (1300-1499, "AH" or "H" may follow) and a comma.
// Otherwise it returns i.
func (s *dtScanner) skipHijri(i, end int) int {
	if end-i < 3 || end-i > 9 || !dtIsPunct(s.tok(end-1), ',') {
		return i
	}
	y := end - 2
	if t := s.tok(y); t.kind == dtWord && (strings.EqualFold(s.text[t.start:t.end], "AH") || strings.EqualFold(s.text[t.start:t.end], "H")) {
		y--
	}
	if t := s.tok(y); t.kind != dtNum || t.ndig != 4 || t.val < 1300 || t.val > 1499 {
		return i
	}
	return end
}

// timeIn finds the first time of day starting in tokens [i, end): 10:00
// AM, 11:05 am, 14:30, 10.00 hrs, 9 a.m., T09:30. It returns 24-hour
// values.
func (s *dtScanner) timeIn(i, end int) (h, m, sec int, ok bool) {
	for ; i < end; i++ {
		t := &s.toks[i]
		if t.kind != dtNum || t.ndig > 2 {
			continue
		}
		h, j := int(t.val), i+1
		m, sec = 0, 0
		sep := s.tok(j)
		switch {
		case (dtIsPunct(sep, ':') || dtIsPunct(sep, '.')) && sep.sp == 0 && s.tok(j+1).kind == dtNum && s.tok(j+1).ndig == 2 && s.glued(j+1):
			m, j = int(s.tok(j+1).val), j+2
			if dtIsPunct(s.tok(j), ':') && s.glued(j) && s.tok(j+1).ndig == 2 && s.glued(j+1) {
				sec, j = int(s.tok(j+1).val), j+2
			}
		case sep.kind == dtWord:
		default:
			continue
		}
		mer := s.meridiem(j)
		if dtIsPunct(sep, '.') && mer == 0 && !(s.tok(j).w.id == dkMeridiem && s.near(j)) {
			continue // 5.30 is a decimal unless "hrs" or am/pm follows
		}
		if sep.kind == dtWord && mer == 0 {
			continue // a bare number
		}
		switch mer {
		case 'a':
			if h == 12 {
				h = 0
			}
		case 'p':
			if h < 12 {
				h += 12
			}
		}
		if (mer != 0 && (t.val < 1 || t.val > 12)) || h > 23 || m > 59 || sec > 59 {
			continue
		}
		return h, m, sec, true
	}
	return 0, 0, 0, false
}

// meridiem reads "AM", "pm", "a.m." at j: 'a', 'p' or 0.
func (s *dtScanner) meridiem(j int) byte {
	t := s.tok(j)
	if t.kind != dtWord || t.sp > 1 {
		return 0
	}
	w := s.text[t.start:t.end]
	switch {
	case strings.EqualFold(w, "am"):
		return 'a'
	case strings.EqualFold(w, "pm"):
		return 'p'
	case len(w) == 1 && (w[0]|0x20 == 'a' || w[0]|0x20 == 'p') && dtIsPunct(s.tok(j+1), '.') && s.glued(j+1) &&
		s.glued(j+2) && s.tok(j+2).end-s.tok(j+2).start == 1 && s.text[s.tok(j+2).start]|0x20 == 'm':
		return w[0] | 0x20
	}
	return 0
}

// metaLabel is a metadata label, lower case, and its kind.
type metaLabel struct {
	p string
	k metaLabelKind
}

// labels, longest first within a shared prefix.
var metaLabels = []metaLabel{
	{"press release date and time", lblPublished}, {"press release date", lblPublished},
	{"date and time", lblPublished}, {"date of release", lblPublished}, {"date of issue", lblPublished},
	{"date of article", lblPublished}, {"date of the article", lblPublished}, {"article date", lblPublished},
	{"article categories", lblOther}, {"article category", lblOther}, {"article type", lblOther},
	{"date of publication", lblPublished}, {"date published", lblPublished}, {"date posted", lblPublished},
	{"date issued", lblPublished}, {"date", lblPublished}, {"dated", lblPublished},
	{"release date", lblPublished}, {"publication date", lblPublished}, {"publish date", lblPublished},
	{"published by", lblPublisher}, {"published on", lblPublished}, {"published", lblPublished},
	{"posted by", lblOther}, {"posted on", lblPublished}, {"posted", lblPublished},
	{"issued by", lblPublisher}, {"issued on", lblPublished}, {"issued", lblPublished},
	{"released on", lblPublished}, {"released", lblPublished},
	{"last updated", lblUpdated}, {"last update", lblUpdated}, {"last modified", lblUpdated},
	{"updated on", lblUpdated}, {"updated", lblUpdated}, {"modified", lblUpdated},
	{"source", lblPublisher}, {"from", lblPublisher}, {"publisher", lblPublisher}, {"issuer", lblPublisher},
	{"read", lblOther}, {"views", lblOther}, {"hits", lblOther}, {"tags", lblOther},
	{"category", lblOther}, {"categories", lblOther}, {"topics", lblOther}, {"share", lblOther},
	{"contact", lblOther}, {"media contact", lblOther}, {"no.", lblOther}, {"no:", lblOther},
	{"ref", lblOther}, {"reference", lblOther},
	{"editor", lblOther}, {"edited by", lblOther}, {"author", lblOther}, {"written by", lblOther},
	{"by", lblOther}, {"reporter", lblOther}, {"photo credit", lblOther},
	{"photo", lblOther}, {"photos", lblOther}, {"credit", lblOther}, {"credits", lblOther},
	{"caption", lblOther},
	{"today is", lblClock}, {"today", lblClock}, {"current date", lblClock}, {"current time", lblClock},
	{"local time", lblClock},
}

// metaLabelsBy holds metaLabels by their first letter, in their order.
var metaLabelsBy = func() (by [26][]metaLabel) {
	for _, l := range metaLabels {
		by[l.p[0]-'a'] = append(by[l.p[0]-'a'], l)
	}
	return by
}()

// metaReadLabel reads a metadata label at the start of a line. A label is
// followed by the end of the line, ':' or '-', or (published and updated
// labels) a date: "Published 9 January 2015". "By" and "from" labels
// need a colon or the line to end ("From:", "Source: MOFA"), except "issued
// by" and "published by". It returns the kind and where the value starts.
func metaReadLabel(s string) (metaLabelKind, int) {
	c := s[0] | 0x20
	if c < 'a' || c > 'z' {
		return lblNone, 0
	}
	// Every label starts with a letter, which only itself folds to in an
	// ASCII string as long: the first byte picks the labels to try.
	for _, l := range metaLabelsBy[c-'a'] {
		if len(s) < len(l.p) || !strings.EqualFold(s[:len(l.p)], l.p) {
			continue
		}
		rest := s[len(l.p):]
		if rest != "" && dtIsLetter(rest[0]) {
			continue
		}
		r := strings.TrimLeft(rest, " ")
		switch {
		case r == "":
			return l.k, len(s)
		case r[0] == ':' || r[0] == '-' && l.k != lblOther:
			return l.k, len(s) - len(strings.TrimLeft(r[1:], " "))
		case l.p == "issued by" || l.p == "published by":
			return l.k, len(s) - len(r)
		case (l.k == lblPublished || l.k == lblUpdated || l.k == lblClock) && metaStartsDate(r):
			return l.k, len(s) - len(r)
		case l.p == "no." || l.p == "no:":
			return l.k, len(s) - len(r)
		}
		return lblNone, 0
	}
	return lblNone, 0
}

// metaStartsDate reports whether s begins with a digit, a month or a weekday.
func metaStartsDate(s string) bool {
	if s == "" {
		return false
	}
	if dtIsDigit(s[0]) {
		return true
	}
	j := 0
	for j < len(s) && dtIsLetter(s[j]) {
		j++
	}
	w := dtLookup(s[:j])
	return j > 0 && (w.month != 0 || w.weekday)
}

// metaKickers are section names that stand above a headline.
var metaKickers = map[string]bool{
	"press release": true, "press releases": true, "news": true, "news & notices": true,
	"news and notices": true, "notices": true, "notice": true, "statement": true, "statements": true,
	"media release": true, "media releases": true, "media statement": true, "media statements": true,
	"press statement": true, "press statements": true, "news release": true, "news releases": true,
	"announcement": true, "announcements": true, "speech": true, "speeches": true, "latest news": true,
	"what's new": true, "whats new": true, "media centre": true, "media center": true,
	"press briefing": true, "press briefings": true, "readout": true, "readouts": true,
	"press": true, "media": true, "newsroom": true, "news room": true, "press room": true,
	"press center": true, "press centre": true, "updates": true, "highlights": true, "top stories": true,
	"remarks": true, "transcript": true, "briefing": true, "circular": true, "news and events": true,
	"news & events": true, "news and press releases": true, "news and media": true, "article": true,
	"spokesperson's statement": true, "statement by the spokesperson": true, "joint statement": true,
	"joint press release": true, "press note": true, "press notes": true, "bilateral": true,
	"press and media": true, "public diplomacy": true, "our news": true, "news story": true,
	"world news story": true, "official statement": true, "press information": true,
	"release": true, "releases": true, "news item": true, "latest releases": true,
}

// metaKickerMax is the length of the longest of metaKickers.
var metaKickerMax = func() (n int) {
	for k := range metaKickers {
		n = max(n, len(k))
	}
	return n
}()

// metaKickerPhrases name a release or a statement, and the issuer beside
// them.
var metaKickerPhrases = []string{"press release", "media release", "news release", "press statement", "media statement"}

// metaKickerOf reports whether s is a kicker, and returns the issuing body it
// names, if any ("MOFA Press Release", "Press release - Ministry of X").
func metaKickerOf(s string) (bool, string) {
	if len(s) > 200 {
		return false, ""
	}
	s = metaTrimReleaseNumber(s)
	var buf [200]byte
	if len(s) <= metaKickerMax && metaKickers[string(appendLowerASCII(buf[:0], s))] {
		return true, ""
	}
	// A kicker that names its issuer opens or closes the line with its
	// phrase, but for separators: the others are not lower-cased.
	t, named := metaSeparators.trim(s), false
	for _, kk := range metaKickerPhrases {
		named = named || asciiPrefixFold(t, kk) || hasLowerSuffix(t, kk)
	}
	if !named {
		return false, ""
	}
	k := appendLowerASCII(buf[:0], s) // same byte offsets as s
	for _, kk := range metaKickerPhrases {
		i := bytes.Index(k, []byte(kk))
		if i < 0 {
			continue
		}
		before := strings.Trim(s[:i], " -:|")
		after := strings.Trim(s[i+len(kk):], " -:|")
		switch {
		case after == "" && (metaIsAcronym(before) || metaIsOrgName(before)):
			return true, before
		case before == "" && metaIsOrgName(after):
			return true, after
		}
	}
	return false, ""
}

// metaByteSet marks the bytes of an ASCII cutset: it trims as
// strings.Trim and TrimRight do with the cutset, which build such a set
// on every call.
type metaByteSet [256]bool

func metaBytes(cutset string) (t metaByteSet) {
	for i := 0; i < len(cutset); i++ {
		t[cutset[i]] = true
	}
	return t
}

func (t *metaByteSet) trimRight(s string) string {
	for len(s) > 0 && t[s[len(s)-1]] {
		s = s[:len(s)-1]
	}
	return s
}

func (t *metaByteSet) trim(s string) string {
	for len(s) > 0 && t[s[0]] {
		s = s[1:]
	}
	return t.trimRight(s)
}

// The cutsets of the hot trims: a release number's tail, a kicker's
// separators, punctuation around a navigation word and a name's word.
var (
	metaNumberTail = metaBytes("0123456789/ .:#-|")
	metaSeparators = metaBytes(" -:|")
	metaNavPunct   = metaBytes(".,:;!?()")
	metaWordPunct  = metaBytes(",()")
)

// metaTrimReleaseNumber drops a release number and trailing separators:
// "Press Release No. 045/2019" -> "Press Release", "SRE Press Release 045"
// -> "SRE Press Release".
func metaTrimReleaseNumber(s string) string {
	for {
		t := metaNumberTail.trimRight(s)
		for _, suf := range []string{" no", " nr", " number", "no"} {
			if len(t) > len(suf) && hasLowerSuffix(t, suf) && !dtIsLetter(t[len(t)-len(suf)-1]) {
				t = t[:len(t)-len(suf)]
				break
			}
		}
		if t == s {
			return s
		}
		s = t
	}
}

// metaIsAcronym reports whether s is an organization's acronym: MOFA, DFAT.
func metaIsAcronym(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !(s[i] >= 'A' && s[i] <= 'Z' || s[i] == '&') {
			return false
		}
	}
	return true
}

// metaOrgHeads name the kind of an issuing body.
var metaOrgHeads = map[string]bool{
	"ministry": true, "department": true, "office": true, "embassy": true, "consulate": true,
	"consulate-general": true, "mission": true, "secretariat": true, "agency": true, "commission": true,
	"directorate": true, "bureau": true, "presidency": true, "chancellery": true, "government": true,
	"cabinet": true, "ministries": true, "administration": true, "service": true, "council": true,
}

// metaOrgFunction words may stay lower case inside a body's name.
var metaOrgFunction = map[string]bool{"of": true, "the": true, "and": true, "for": true, "on": true, "in": true,
	"&": true, "to": true, "de": true, "del": true, "la": true, "at": true}

// metaIsOrgName reports whether s is only the name of an issuing body:
// "Ministry of Foreign Affairs", "Foreign, Commonwealth & Development
// Office", "The Department of Foreign Affairs and Trade". At most four
// words precede the head word, every other word is
// capitalized or a function word, and nothing follows but "of ...".
func metaIsOrgName(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || len(s) > 160 || metaHasLowerWord(s) {
		return false
	}
	var fields [15]string // the words of s, as strings.Fields, when at most 14
	ws := fields[:0]
	for w := range strings.FieldsSeq(s) {
		if len(ws) == len(fields) {
			return false
		}
		ws = append(ws, w)
	}
	if len(ws) < 2 || len(ws) > 14 {
		return false
	}
	if strings.EqualFold(ws[0], "the") {
		ws = ws[1:]
	}
	head := -1
	var buf [32]byte
	for i, w := range ws {
		w = metaWordPunct.trim(w)
		r, _ := utf8.DecodeRuneInString(w)
		lw := appendLower(buf[:0], w)
		if metaOrgHeads[string(lw)] && head < 0 && i <= 4 {
			head = i
		}
		if w == "" || unicode.IsDigit(r) {
			return false
		}
		if !unicode.IsUpper(r) && !metaOrgFunction[string(lw)] {
			return false
		}
	}
	if head < 0 {
		return false
	}
	// After the head: nothing, or a prepositional phrase ("of Foreign Affairs").
	if head+1 < len(ws) {
		nx := strings.ToLower(ws[head+1])
		if nx != "of" && nx != "for" && nx != "on" && nx != "and" && nx != "&" && !metaOrgHeads[strings.Trim(nx, ",")] {
			return false
		}
	}
	return true
}

// metaHasLowerWord reports whether a word of s opens with four ASCII
// letters, the first lower case: no function word does, so s is no body's
// name (metaIsOrgName), and most lines are told so before they are split.
func metaHasLowerWord(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if s[i] >= 'a' && s[i] <= 'z' && (i == 0 || s[i-1] == ' ') &&
			dtIsLetter(s[i+1]) && dtIsLetter(s[i+2]) && dtIsLetter(s[i+3]) {
			return true
		}
	}
	return false
}

// metaIsBullet reports whether s is a subtitle or list item: "- ...",
// "* ...", "o ...", "• ...".
func metaIsBullet(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '*', '•', '·', '▶', '►', '■', '□', '◆', '◇', '※', '▷', '◦', '‣', '○', '●', '+', '>':
		return true
	case 'o':
		return len(s) > n && s[n] == ' '
	}
	return false
}

// metaNavWords make up short site-furniture lines ("Share this page",
// "Back to list"): true for navigation words, false for the fillers
// between them.
var metaNavWords = map[string]bool{"home": true, "share": true, "print": true, "email": true, "e-mail": true,
	"tweet": true, "facebook": true, "twitter": true, "back": true, "list": true, "top": true, "menu": true,
	"search": true, "login": true, "sitemap": true, "language": true, "english": true, "font": true,
	"size": true, "topmenu": true, "skip": true, "go": true, "breadcrumb": true, "navigation": true,
	"previous": true, "next": true, "download": true, "pdf": true, "rss": true, "linkedin": true,
	"view": true, "languages": true, "read": true, "more": true,
	"to": false, "this": false, "page": false, "the": false, "a": false, "of": false, "on": false,
	"via": false, "content": false, "main": false, "article": false, "post": false, "in": false,
	"another": false, "other": false, "also": false, "available": false, "version": false}

// metaIsNav reports whether s is site navigation: a breadcrumb ("HOME >
// What's New> News"), "the body go topmenu go", "Share | Print", a line
// without capital letters, or a short line of navigation words and
// fillers only ("Share this page", "View this article in another
// language", not "Top diplomats meet in Seoul").
func metaIsNav(s string, words int) bool {
	if strings.Contains(s, ">") || strings.Contains(s, "»") {
		return true
	}
	if strings.Contains(s, "|") { // "Share | Print"; not "Minister visits Japan | MOFA"
		short := true
		for _, seg := range strings.Split(s, "|") {
			short = short && len(strings.Fields(seg)) <= 3
		}
		if short {
			return true
		}
	}
	upper, letters := false, false
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters = true
			if unicode.IsUpper(r) {
				upper = true
				break
			}
		}
	}
	if letters && !upper || !letters && words == 0 {
		return true
	}
	if metaIsMenu(s) {
		return true
	}
	if words > 7 {
		return false
	}
	nav := false
	var buf [32]byte
	for w := range strings.FieldsSeq(s) {
		isNav, known := metaNavWords[string(appendLowerASCII(buf[:0], metaNavPunct.trim(w)))]
		if !known {
			return false
		}
		nav = nav || isNav
	}
	return nav
}

// metaCaptionLabels, followed by a colon, label a photo's caption or
// credit: "Credit: MFA", "Photo: ONA".
var metaCaptionLabels = map[string]bool{"credit": true, "credits": true, "photo": true, "photos": true,
	"photograph": true, "caption": true, "foto": true, "image": true, "picture": true}

// metaImageWords open the placeholder line of a picture: "Imagen
// foto_00000001", "Photo 3".
var metaImageWords = map[string]bool{"photo": true, "foto": true, "image": true, "imagen": true,
	"picture": true, "img": true}

// metaCaptionMarks are the bytes of the words past the first that
// metaIsCaption reads: a colon, a bracket, a dot, an underscore and the
// bytes of non-ASCII characters.
var metaCaptionMarks = func() (t [256]bool) {
	for c := range t {
		t[c] = c == ':' || c == '(' || c == '.' || c == '_' || c >= utf8.RuneSelf
	}
	return t
}()

// metaIsCaption reports whether s is a photo caption, a credit or a
// picture's placeholder: "Jean Smith with the Minister; Credit: MFA",
// "(Photo by ONA)", "Photo credit ...", "MPA PHOTO 2016-3961 ...",
// "Imagen foto_00000001", "161117_visit_art1.jpg", "© 2024 Ministry of
// Foreign Affairs". It reads the line's words once and, past the first
// (unless the line has PHOTO or FOTO), only those that hold a byte of
// metaCaptionMarks or follow "photo".
func metaIsCaption(s string, words int) bool {
	if !metaMayBeCaption(s, words) {
		return false
	}
	var buf [32]byte
	prevPhoto := false
	photo := strings.Contains(s, "PHOTO") || strings.Contains(s, "FOTO")
	for i, n := 0, 0; i < len(s); n++ {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if n > 0 && !prevPhoto && !photo {
			// Words without a marking byte are passed over as below: to
			// the word that holds the next one.
			p := i
			for p < len(s) && !metaCaptionMarks[s[p]] {
				p++
			}
			if p == len(s) {
				break
			}
			if k := strings.LastIndexByte(s[i:p], ' '); k >= 0 {
				i += k + 1
			}
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		if i == j {
			break
		}
		w := s[i:j]
		i = j
		if w == "PHOTO" || w == "FOTO" { // a credit inside a line in mixed case
			return true
		}
		// Only a word with a colon, a bracket, a dot, an underscore or
		// a non-ASCII byte, the first word, or a word after "photo" can
		// mark a caption: the others are not lower-cased.
		last := w[len(w)-1]
		marked := false
		for k := 0; k < len(w) && !marked; k++ {
			marked = w[k] == '.' || w[k] == '_' || w[k] >= utf8.RuneSelf
		}
		if !(n == 0 || prevPhoto || last == ':' || w[0] == '(' || marked) || len(w) > len(buf) {
			prevPhoto = false
			continue
		}
		if strings.Contains(w, "©") {
			return true
		}
		lw := appendLowerASCII(buf[:0], w)
		for len(lw) > 0 && strings.IndexByte(".,;:)", lw[len(lw)-1]) >= 0 {
			lw = lw[:len(lw)-1]
		}
		open := w[0] == '('
		if open {
			lw = lw[1:]
		}
		switch {
		case last == ':' && metaCaptionLabels[string(lw)],
			open && string(lw) == "photo",
			prevPhoto && (string(lw) == "credit" || string(lw) == "by"),
			n == 0 && metaImageWords[string(lw)] && j < len(s) && words <= 3,
			(bytes.IndexByte(lw, '.') >= 0 || bytes.IndexByte(lw, '_') >= 0) && metaIsFileName(string(lw)):
			return true
		}
		prevPhoto = string(lw) == "photo"
	}
	return false
}

// metaMayBeCaption reports whether metaIsCaption may find a caption in
// s: a line of more than three words needs a byte or a word that one of
// its rules reads (a colon, a bracket, an underscore, "©", "photo" or
// "foto" in any case, an image's extension after a dot). Most lines have
// none, and are passed over in one scan.
func metaMayBeCaption(s string, words int) bool {
	if words <= 3 {
		return true
	}
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if metaCueBytes(load64(s[i:])) == 0 {
			continue // none of the eight bytes tells
		}
		for k := i; k < i+8; k++ {
			if metaCueAt(s, k) {
				return true
			}
		}
	}
	for ; i < len(s); i++ {
		if metaCueAt(s, i) {
			return true
		}
	}
	return false
}

// metaCueAt reports whether a caption may follow from byte i of s.
func metaCueAt(s string, i int) bool {
	switch metaCaptionCue[s[i]] {
	case 1:
		return true
	case 2: // "oto" of photo or foto
		return i+2 < len(s) && s[i+1]|0x20 == 't' && s[i+2]|0x20 == 'o'
	case 3: // .jpg, .jpeg, .png, .gif, .webp
		if i+1 < len(s) {
			e := s[i+1] | 0x20
			return e == 'j' || e == 'p' || e == 'g' || e == 'w'
		}
	}
	return false
}

// metaCueBytes has the high bit set of the bytes of w, eight bytes of a
// line read little-endian, where metaCueAt may hold (and of no other): a
// byte of class 1 or 3, an o before a t, an o last (its t is past w).
func metaCueBytes(w uint64) uint64 {
	const ones uint64 = 0x0101010101010101
	l := w | 0x20*ones
	o := zeroBytes(l ^ 'o'*ones)
	return zeroBytes(w^':'*ones) | zeroBytes(w^'('*ones) | zeroBytes(w^'_'*ones) |
		zeroBytes(w^0xC2*ones) | zeroBytes(w^'.'*ones) | o&(zeroBytes(l^'t'*ones)>>8) | o&(0x80<<56)
}

// metaCaptionCue classes the bytes metaMayBeCaption looks at: 1 tells a
// caption may follow, 2 an o, 3 a dot.
var metaCaptionCue = func() (t [256]uint8) {
	for _, c := range []byte{':', '(', '_', 0xC2} { // 0xC2 opens "©"
		t[c] = 1
	}
	t['o'], t['O'], t['.'] = 2, 2, 3
	return t
}()

// metaIsFileName reports whether a lower-cased word is a file's name: an
// image extension, or letters and digits joined by underscores
// ("foto_00000001").
func metaIsFileName(w string) bool {
	for _, ext := range []string{".jpg", ".jpeg", ".png", ".gif", ".webp"} {
		if strings.HasSuffix(w, ext) && len(w) > len(ext) {
			return true
		}
	}
	i := strings.IndexByte(w, '_')
	return i > 0 && i < len(w)-1 && strings.IndexAny(w, "0123456789") >= 0 && !strings.HasPrefix(w, "@")
}

// metaSalutations open a speech: the body starts with them.
var metaSalutations = []string{"your excellency", "your excellencies", "your majesty", "your royal highness",
	"your highness", "excellencies", "excellency", "ladies and gentlemen", "dear colleagues", "dear friends",
	"distinguished guests", "distinguished delegates", "distinguished participants", "good morning",
	"good afternoon", "good evening", "colleagues from the media", "friends from the media",
	"members of the press", "honourable members", "honorable members"}

// metaIsSalutation reports whether s is a speech's salutation: a short
// line opening with one of metaSalutations and ending in a comma, colon
// or exclamation mark ("Your Excellency, Secretary Smith,").
func metaIsSalutation(s string, words int) bool {
	if words > 12 || !strings.ContainsAny(s[len(s)-1:], ",:!;") {
		return false
	}
	var buf [64]byte
	k := appendLowerASCII(buf[:0], s[:min(len(s), len(buf))])
	for _, p := range metaSalutations {
		if bytes.HasPrefix(k, []byte(p)) && (len(k) == len(p) || !dtIsLetter(k[len(p)])) {
			return true
		}
	}
	return false
}

// metaNumberPrefix returns where a headline starts after a release number
// (and a date) opening the line: "No: 4, 7 January 2023, Minister
// receives the Ambassador of Chile" -> the offset of "Minister". It is 0
// when the line does not open with "No", "Nr" or "Number" and a number,
// or when no capitalized text of three words or more follows.
func metaNumberPrefix(s *dtScanner, de *dtExpr) int {
	t := s.tok(0)
	if t.kind != dtWord {
		return 0
	}
	if w := s.text[t.start:t.end]; !strings.EqualFold(w, "no") && !strings.EqualFold(w, "nr") && !strings.EqualFold(w, "number") {
		return 0
	}
	i := 1
	if p := s.tok(i); dtIsPunct(p, '.') || dtIsPunct(p, ':') || dtIsPunct(p, '#') {
		i++
	}
	if s.tok(i).kind != dtNum {
		return 0
	}
	i++
	for (dtIsPunct(s.tok(i), '/') || dtIsPunct(s.tok(i), '-')) && s.glued(i) && s.tok(i+1).kind == dtNum && s.glued(i+1) {
		i += 2 // "045/2019"
	}
	skip := func() {
		for p := s.tok(i); dtIsPunct(p, ',') || dtIsPunct(p, '-') || dtIsPunct(p, ':') || dtIsPunct(p, '|'); p = s.tok(i) {
			i++
		}
	}
	skip()
	if de != nil && de.ts == i {
		i = de.te
		skip()
	}
	if i >= len(s.toks) || s.toks[i].kind != dtWord || s.toks[i].flags&dtUpper == 0 {
		return 0
	}
	n := 0
	for j := i; j < len(s.toks) && n < 3; j++ {
		if s.toks[j].kind == dtWord {
			n++
		}
	}
	if n < 3 {
		return 0
	}
	return s.toks[i].start
}

// metaIsPlace reports whether s only names a place: a city and its
// country ("London, United Kingdom", "Nairobi, Kenya"). A city alone
// ("Muscat") is furniture already.
func metaIsPlace(s string, words int) bool {
	if words > 6 {
		return false
	}
	i := strings.LastIndexByte(s, ',')
	if i <= 0 {
		return false
	}
	if _, ok := gazetteer.Lookup(strings.TrimSpace(s[i+1:])); !ok {
		return false
	}
	for w := range strings.FieldsSeq(s[:i]) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// metaIsMenu reports whether s is a row of menu entries: "Home Releases
// Speeches Features Ministers": it starts with Home and every word is
// capitalized (no function words, as a headline would have).
func metaIsMenu(s string) bool {
	// s is trimmed, and no other character folds to one of "home": a
	// menu starts with those four bytes.
	if len(s) < 4 || !strings.EqualFold(s[:4], "home") {
		return false
	}
	ws := strings.Fields(s)
	if len(ws) < 3 || !strings.EqualFold(ws[0], "home") {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// Preferences of metaFindPublished, best first.
const (
	pubLabeled  = iota + 1 // "Published 9 January 2015", "Date : 2018.10.05"
	pubLine                // a date line at or after the headline, a dated kicker or release number
	pubDateline            // "Vilnius, 4 May 2021 - ..."
	pubFooter              // "Ministry of Foreign Affairs, 3 April 2016" at the end
	pubAbove               // a date line above the headline: an aggregator's stamp
	pubUpdated             // "Last updated 10 January 2015"
	pubNone
)

// metaFindPublished picks the publication date by preference: a labeled
// date, a date line at or after the headline hdr[title], a dateline, a
// footer date, a date line above the headline (an aggregator's or a
// blog's stamp, which counts when the release gives no date), an updated
// date. A date line above the site's menu or breadcrumb (the site's
// clock) and a clock's label ("Today is") never count. An ambiguous
// numeric date ("10/03/2024") reads month first when the page writes
// another date month first ("03/14/2024") or names the month-first
// reading elsewhere ("October 03, 2024"). A wrapper's stamp
// ("Distributed by ... on 10/03/2024 20:31") gives the date only.
// metaNewsItem reports whether a line opens with a date and goes on with
// other words: an item of a list of other news ("07.05.2025  Statement on
// Europe Day").
func metaNewsItem(l *metaLineInfo) bool {
	return l.hasDate && l.dateAt == 0 && l.label == lblNone && len(strings.Fields(l.s[l.dateEnd:])) >= 3
}

func metaFindPublished(hdr, ftr []metaLineInfo, title int) *Timestamp {
	var best *metaLineInfo
	bestTS, bestP := Timestamp{}, pubNone
	take := func(l *metaLineInfo, ts Timestamp, p int) {
		if p < bestP {
			best, bestTS, bestP = l, ts, p
		}
	}
	// The site's clock stands above its menu or breadcrumb.
	menu := -1
	for i := 0; i < title; i++ {
		if hdr[i].kind == mlNav && metaIsMenuNav(hdr[i].s) {
			menu = i
		}
	}
	hdrListed := 0
	for i := title + 1; i < len(hdr); i++ {
		if metaNewsItem(&hdr[i]) {
			hdrListed++
		}
	}
	for i := range hdr {
		l := &hdr[i]
		if i > title && hdrListed >= 2 && metaNewsItem(l) {
			continue
		}
		switch {
		case l.label == lblPublished || l.label == lblUpdated:
			p := pubLabeled
			if l.label == lblUpdated {
				p = pubUpdated
			}
			if l.hasDate {
				take(l, l.date, p)
				continue
			}
			if l.labelEnd < len(l.s) {
				continue // a label with some other value
			}
			// The value on the next line(s): "Published\n9 January 2015".
			for j := i + 1; j < len(hdr) && j <= i+2; j++ {
				if n := &hdr[j]; n.hasDate && (n.kind == mlDate || n.kind == mlDateline) {
					ts := n.date
					if !ts.HasTime && j+1 < len(hdr) {
						ts = metaWithTimeLine(ts, &hdr[j+1])
					}
					take(n, ts, p)
					break
				}
			}
		case l.label == lblClock || i < menu:
		case l.kind == mlDate:
			p := pubLine
			if i < title && l.label == lblNone {
				p = pubAbove
			}
			take(l, l.date, p)
		case l.kind == mlDateline:
			take(l, l.date, pubDateline)
		case l.hasDate && (l.kind == mlKicker || l.kind == mlText && l.titleOff > 0):
			take(l, l.date, pubLine)
		}
	}
	// Lines that open with a date, two or more of them at the foot, list
	// other news ("09.05.2025  Deputy Minister at the SEECP meeting"):
	// none is the release's date.
	listed := 0
	for i := range ftr {
		if metaNewsItem(&ftr[i]) {
			listed++
		}
	}
	for i := len(ftr) - 1; i >= 0; i-- {
		l := &ftr[i]
		if listed >= 2 && metaNewsItem(l) {
			continue
		}
		if l.hasDate && (l.kind == mlDate || metaFooterSignature(l) != "" || l.label == lblPublished) {
			take(l, l.date, pubFooter)
		}
	}
	if best == nil {
		return nil
	}
	if best.numOrder == numEither && metaMonthFirst(hdr, ftr, best.altDate) {
		bestTS.Date = best.altDate
	}
	if best.stamp {
		bestTS = Timestamp{Date: bestTS.Date}
	}
	return &bestTS
}

// metaMonthFirst reports whether the page writes its numeric dates month
// first: one reads only that way, or alt (an ambiguous date read month
// first) stands elsewhere as a date with a month's name or a year first.
func metaMonthFirst(hdr, ftr []metaLineInfo, alt Date) bool {
	for _, ls := range [][]metaLineInfo{hdr, ftr} {
		for i := range ls {
			l := &ls[i]
			if l.numOrder == numMonthFirst || l.hasDate && l.numOrder == numNone && l.date.Date == alt {
				return true
			}
		}
	}
	return false
}

// metaIsMenuNav reports whether a navigation line is the site's menu or
// breadcrumb ("Home > News", "Home | About | News | Contact", "Home
// Releases Speeches"), not a row of buttons ("Share | Print").
func metaIsMenuNav(s string) bool {
	return strings.IndexByte(s, '>') >= 0 || strings.Contains(s, "»") || strings.Count(s, "|") >= 2 || metaIsMenu(s)
}

// metaWithTimeLine adds the time of a line that holds only a time ("10:00
// AM") to ts.
func metaWithTimeLine(ts Timestamp, l *metaLineInfo) Timestamp {
	if l.kind != mlTime {
		return ts
	}
	s := dtScanner{text: l.s}
	s.toks, s.starts = dtTokenize(l.s, nil, nil)
	if h, m, sec, ok := s.timeIn(0, len(s.toks)); ok {
		ts.HasTime, ts.Hour, ts.Minute, ts.Second = true, h, m, sec
	}
	return ts
}

// metaFooterSignature returns the body named in a footer line that ends with
// a date: "Ministry of Foreign Affairs, 3 April 2016" -> "Ministry of
// Foreign Affairs". Place names ("Tokyo, 3 April 2016") return "-".
func metaFooterSignature(l *metaLineInfo) string {
	if !l.hasDate || strings.TrimRight(l.s[l.dateEnd:], " .") != "" {
		return ""
	}
	before := strings.TrimRight(l.s[:l.dateAt], " ,")
	if before == "" || len(strings.Fields(before)) > 12 {
		return ""
	}
	name, _, _ := strings.Cut(before, ",")
	if metaIsOrgName(name) {
		return strings.TrimSpace(name)
	}
	for _, w := range strings.Fields(before) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return ""
		}
	}
	return "-"
}

// metaFindTitle returns the index of the headline among the header lines, or
// -1. Before the body starts, the first headline-like text line wins;
// else a headline glued to the dateline that opens the body (a digest's
// "ISSUE N: 122 Minister Made an Official Visit to Kenya 06-08.10.2019
// NAIROBI • ..."), whose bounds it sets in the line's titleOff and
// titleEnd; else a line that reads as a body's name ("Ministry of Foreign
// Affairs Hosts Forum" is one too, in Title Case) or site furniture.
// A body sentence is never the headline: a page without one has none.
func metaFindTitle(hdr []metaLineInfo, sc *metaScratch) (t, end int) {
	// Site chrome (navigation, kickers) comes before the headline: when
	// there is a candidate after the last chrome line, the lines above it
	// are the site's own name and menus.
	body := len(hdr)
	for i := range hdr {
		if k := hdr[i].kind; k == mlBody || k == mlDateline || k == mlSalute {
			body = i
			break
		}
	}
	from := 0
	for i := 0; i < body; i++ {
		if hdr[i].kind == mlNav || hdr[i].kind == mlKicker {
			if metaTitleAt(hdr, i+1, body, false) >= 0 {
				from = i + 1
			}
		}
	}
	// A headline that stands twice may stand above the chrome too: a
	// page's title line above a view counter.
	for i := 0; i < from; i++ {
		if hdr[i].kind == mlText && metaStandsTwice(hdr, i) {
			if t := metaTitleAt(hdr, 0, from, false); t >= 0 && metaStandsTwice(hdr, t) {
				return t, len(hdr[t].s)
			}
			break
		}
	}
	if t := metaTitleAt(hdr, from, body, false); t >= 0 {
		return t, len(hdr[t].s)
	}
	if body < len(hdr) {
		if off, end := metaGluedTitle(&hdr[body], sc); end > 0 {
			hdr[body].titleOff = off
			return body, end
		}
	}
	t = metaTitleAt(hdr, 0, len(hdr), true)
	if t < 0 {
		return -1, 0
	}
	return t, len(hdr[t].s)
}

// metaTitleAt returns the headline among hdr[from:to]: of the
// headline-like lines before the body, the one that reads most like a
// headline: it stands twice in the header (the page's title and its
// heading, or an e-mail's subject and the heading), it stands right
// above the date line or the body, it is not a short name of an office or
// body ("Minister for Trade and Tourism", "The Hon Daniel Harris MP"), it
// has some length; ties go to the earlier line. A line ending in a period
// or a comma is a sentence or a salutation unless it stands twice. With
// fallback, a body's name or site furniture stand in when nothing else
// does. -1 if none.
func metaTitleAt(hdr []metaLineInfo, from, to int, fallback bool) int {
	org, furniture := -1, -1
	best, bestScore := -1, -100
	for i := from; i < to; i++ {
		l := &hdr[i]
		if l.kind == mlBody || l.kind == mlDateline || l.kind == mlSalute {
			break
		}
		switch l.kind {
		case mlOrg:
			if org < 0 {
				org = i
			}
			continue
		case mlText:
		default:
			continue
		}
		s := l.s[l.titleOff:]
		if l.words < 2 || l.words > 40 || len(s) > 350 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s)
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '\'' || r == '“' || r == '‘') {
			continue
		}
		twice := metaStandsTwice(hdr, i)
		if !twice && metaEndsSentence(s) {
			if best >= 0 && l.words >= 8 {
				break // a paragraph of the body: the headline is above
			}
			continue
		}
		if metaIsFurniture(s, l.words) {
			if furniture < 0 {
				furniture = i
			}
			continue
		}
		if strings.HasSuffix(s, ":") {
			continue // "The below is attributable to ...:" introduces text
		}
		if !twice && strings.HasSuffix(s, ",") && !(i+1 < len(hdr) && metaJoinsTitle(l, &hdr[i+1])) {
			continue // "Colleagues from the media,"
		}
		score := 0
		if twice {
			score += 5
		}
		if metaAboveBody(hdr, i) {
			score += 3
		}
		if l.words >= 6 {
			score++
		}
		if metaIsOfficeName(s, l.words) {
			score -= 3
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best >= 0 || !fallback {
		return best
	}
	for _, c := range []int{org, furniture} {
		if c >= 0 {
			return c
		}
	}
	return -1
}

// metaObjectVerbs take a country as their object in a headline ("Minister
// visits Vienna, thanks Austria"): a country after them is no tag.
var metaObjectVerbs = map[string]bool{"visits": true, "visit": true, "meets": true, "thanks": true,
	"welcomes": true, "joins": true, "hosts": true, "supports": true, "congratulates": true, "leaves": true,
	"tours": true, "backs": true, "urges": true, "invites": true, "calls": true, "receives": true,
	"praises": true, "lauds": true, "condemns": true, "commends": true, "assists": true, "helps": true,
	"beats": true, "sanctions": true, "recognizes": true, "recognises": true, "reaches": true, "enters": true,
	"heads": true, "returns": true, "represents": true, "engages": true, "honours": true, "honors": true,
	"named": true, "elected": true, "rejoins": true, "defends": true, "informs": true, "briefs": true}

// metaJoinedByWord reports whether s ends with a word that joins a
// following name to it or takes it as an object: "in", "and", "visits".
func metaJoinedByWord(s string) bool {
	prev := s[strings.LastIndexByte(s, ' ')+1:]
	var buf [32]byte
	if len(prev) > len(buf) {
		return false
	}
	lw := appendLower(buf[:0], prev)
	return metaJoinWords[string(lw)] || metaOrgFunction[string(lw)] || metaObjectVerbs[string(lw)]
}

// metaTrimTag returns the length of title without a country tag glued to
// its end, as the page's topic label often is: "Foreign Minister visits
// Vienna for bilateral talks Austria" loses " Austria". The tag is the
// name of a country ending the title after a lower-case word that
// neither joins it ("in", "and", "to"...) nor takes it as an object
// ("visits", "thanks"...), where the title already names one of that
// country's cities. Otherwise it returns len(title).
func metaTrimTag(title string) int {
	// Only a capitalized last word after a lower-case one can be a tag.
	sp := strings.LastIndexByte(title, ' ')
	if sp <= 0 || sp+1 == len(title) || !unicode.IsUpper(rune(title[sp+1])) {
		return len(title)
	}
	if r, _ := utf8.DecodeLastRuneInString(title[:sp]); !unicode.IsLower(r) {
		return len(title)
	}
	if metaJoinedByWord(title[:sp]) {
		return len(title) // "... to Italy": no tag, whatever the name's length
	}
	ms := gazetteer.Find(title)
	if len(ms) < 2 {
		return len(title)
	}
	last := ms[len(ms)-1]
	if last.End != len(title) || last.Form != gazetteer.FormName && last.Form != gazetteer.FormAlias {
		return len(title)
	}
	before := strings.TrimRight(title[:last.Start], " ")
	if before == "" || len(before) == last.Start {
		return len(title) // no space before the name
	}
	prev := before[strings.LastIndexByte(before, ' ')+1:]
	if r, _ := utf8.DecodeRuneInString(prev); !unicode.IsLower(r) || metaJoinedByWord(before) {
		return len(title)
	}
	for _, m := range ms[:len(ms)-1] {
		if m.ISO3 == last.ISO3 && m.Form == gazetteer.FormCity {
			return len(before)
		}
	}
	return len(title)
}

// metaStandsTwice reports whether the text of hdr[i], of three words or
// more, stands again in the header: as a line of its own, or ending a
// line after a colon or a bracket ("[list] Press Releases: <headline>",
// an e-mail's subject).
func metaStandsTwice(hdr []metaLineInfo, i int) bool {
	s := hdr[i].s
	if hdr[i].words < 3 {
		return false
	}
	for j := range hdr {
		o := hdr[j].s
		if j == i || len(o) < len(s) || hdr[j].long {
			continue
		}
		if o == s {
			return true
		}
		if strings.HasSuffix(o, s) {
			pre := strings.TrimRight(o[:len(o)-len(s)], " ")
			if len(pre) < len(o)-len(s) && (strings.HasSuffix(pre, ":") || strings.HasSuffix(pre, "]")) {
				return true
			}
		}
	}
	return false
}

// metaGluedTitle finds a headline glued to the dateline inside a line
// of body text: "SOCIAL MEDIA ISSUE N: 122 The Federal President Made an
// Official Visit to Georgia 06-08.10.2019 TBILISI • The President ..."
// or "Minister visits Kenya NAIROBI, 12 March 2024 - The Minister ...".
// The dateline is a place in capitals followed by "•", "-" or ":" (with
// a date and numbers before it, or a comma and a date after it); the
// headline is the Title Case run before it, back to a number or
// punctuation, or when the run stops at a lower-case word, the text from
// the start of the line. It returns the headline's bounds in l.s, or
// end 0.
func metaGluedTitle(l *metaLineInfo, sc *metaScratch) (off, end int) {
	src := l.s
	if len(src) > 2*metaLongPrefix {
		i := strings.LastIndexByte(src[:2*metaLongPrefix], ' ')
		if i <= 0 {
			return 0, 0
		}
		src = src[:i]
	}
	s := dtScanner{text: src}
	s.toks, s.starts = dtTokenize(src, sc.toks[:0], sc.starts[:0])
	sc.toks, sc.starts = s.toks, s.starts
	for p := 1; p < len(s.toks); p++ {
		if !metaCapsWord(&s, p) || metaCapsWord(&s, p-1) {
			continue
		}
		q := p + 1
		for q < len(s.toks) && q < p+3 && metaCapsWord(&s, q) {
			q++
		}
		// The title ends before the date chunk: "... Georgia 06-08.10.2019 TBILISI •".
		h := p
		if sep := s.tok(q); sep.kind == dtPunct && (sep.val == 0x80 || sep.val == '-' || sep.val == ':') {
			for h > 0 && (s.toks[h-1].kind == dtNum || s.toks[h-1].kind == dtPunct && s.toks[h-1].val != 0x80) {
				h--
			}
			if h == p || s.tok(h).kind != dtNum {
				continue
			}
		} else if !dtIsPunct(sep, ',') || !metaStartsDate(src[s.tok(q+1).start:]) {
			continue // not "NAIROBI, 12 March 2024"
		}
		if off, end := metaTitleRun(&s, h); end > 0 {
			return off, end
		}
		return 0, 0 // only the first dateline of the line
	}
	return 0, 0
}

// metaCapsWord reports whether token i is a word in capitals of two
// letters or more: a dateline's place.
func metaCapsWord(s *dtScanner, i int) bool {
	t := s.tok(i)
	if t.kind != dtWord || t.end-t.start < 2 {
		return false
	}
	for _, r := range s.text[t.start:t.end] {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// metaTitleRun returns the bounds of the headline that ends before token
// h: the Title Case words before it (function words such as "of" and
// "an" may stay lower case), when it starts after a number or
// punctuation and has four words or more; else the text from the start
// of the line, when it starts with a capital, holds no digit and no
// sentence's end, and has four to 30 words.
func metaTitleRun(s *dtScanner, h int) (off, end int) {
	if h == 0 {
		return 0, 0
	}
	end = s.toks[h-1].end
	i, words := h, 0
	var buf [32]byte
	for i > 0 {
		t := &s.toks[i-1]
		if t.kind == dtWord {
			if t.flags&dtUpper == 0 && !metaOrgFunction[string(appendLower(buf[:0], s.text[t.start:t.end]))] &&
				!metaJoinWords[string(appendLower(buf[:0], s.text[t.start:t.end]))] {
				break
			}
			words++
		} else if !(t.kind == dtPunct && (t.val == '-' || t.val == '\'') && t.sp == 0) {
			break // "Frank-Walter", "President's" stay in the run
		}
		i--
	}
	for i < h && (s.toks[i].kind != dtWord || s.toks[i].flags&dtUpper == 0) {
		i++ // the run starts with a capital
	}
	if i > 0 && (s.toks[i-1].kind == dtNum || s.toks[i-1].kind == dtPunct) && words >= 4 && i < h {
		return s.toks[i].start, end
	}
	head := s.text[:end]
	if r, _ := utf8.DecodeRuneInString(head); !unicode.IsUpper(r) || strings.ContainsAny(head, "0123456789") ||
		strings.Contains(head, ". ") {
		return 0, 0
	}
	if n := len(strings.Fields(head)); n < 4 || n > 30 {
		return 0, 0
	}
	return 0, end
}

// metaAboveBody reports whether the next line after hdr[i], past
// subtitles and bullets, is a date, a dateline, a label, a table or the
// body: where a headline stands.
func metaAboveBody(hdr []metaLineInfo, i int) bool {
	for j := i + 1; j < len(hdr); j++ {
		switch hdr[j].kind {
		case mlBullet:
			continue
		case mlDate, mlDateline, mlBody, mlLabel, mlTable, mlTime:
			return true
		}
		return metaEndsSentence(hdr[j].s) && hdr[j].words > 12
	}
	return true
}

// metaOfficeWords head the names of offices and bodies.
var metaOfficeWords = map[string]bool{"minister": true, "ministry": true, "government": true,
	"department": true, "office": true, "embassy": true, "hon": true, "mp": true, "secretary": true,
	"president": true, "prime": true, "cabinet": true, "agency": true, "council": true}

// metaIsOfficeName reports whether a short line only names an office or
// a person holding one: every content word capitalized, with an office
// word, and no verb-like lower-case word.
func metaIsOfficeName(s string, words int) bool {
	if words > 8 || strings.IndexByte(s, ':') >= 0 { // "CIDA: Minister Oda Heads to Peru"
		return false
	}
	office := false
	var buf [32]byte
	for w := range strings.FieldsSeq(s) {
		w = strings.Trim(w, ",.()")
		lw := appendLower(buf[:0], w)
		if metaOfficeWords[string(lw)] {
			office = true
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !metaOrgFunction[string(lw)] {
			return false
		}
	}
	return office
}

// metaIsFurniture reports whether a short line is the site's or the
// government's name rather than a headline: "GOV.UK", "Beehive.govt.nz",
// "KEMENTERIAN LUAR NEGERI MALAYSIA", "Republic of Estonia", "Government
// of Canada / Gouvernement du Canada", "SRE | Secretaría de Relaciones".
func metaIsFurniture(s string, words int) bool {
	if words <= 2 && !strings.ContainsAny(s, ",:") {
		return true
	}
	if strings.Contains(s, " | ") || strings.Contains(s, " / ") {
		return true
	}
	upper := true
	for _, r := range s {
		if unicode.IsLower(r) {
			upper = false
			break
		}
	}
	if upper && words <= 8 {
		return true
	}
	for w := range strings.FieldsSeq(s) {
		if i := strings.LastIndexByte(w, '.'); i > 0 && i < len(w)-1 {
			tld := strings.ToLower(w[i+1:])
			if tld == "uk" || tld == "nz" || tld == "mx" || tld == "gov" || tld == "go" || tld == "au" || tld == "com" || tld == "org" || tld == "int" || tld == "net" || len(tld) == 2 && strings.Contains(strings.ToLower(w), "gov") {
				return true
			}
		}
	}
	name := strings.TrimPrefix(strings.TrimPrefix(s, "The "), "Government of ")
	if _, ok := gazetteer.Lookup(name); ok {
		return true
	}
	return false
}

// metaEndsSentence reports whether s ends with a period that closes a
// sentence, not an abbreviation ("U.S.").
func metaEndsSentence(s string) bool {
	if !strings.HasSuffix(s, ".") || strings.HasSuffix(s, "...") {
		return false
	}
	return !isAbbrevBefore(s, len(s)-1)
}

// metaJoinWords end a line that a wrapped headline continues.
var metaJoinWords = map[string]bool{"and": true, "of": true, "to": true, "for": true, "the": true,
	"with": true, "in": true, "on": true, "at": true, "a": true, "an": true, "by": true, "from": true,
	"between": true, "as": true, "its": true, "their": true, "into": true, "over": true}

// metaJoinsTitle reports whether n continues the headline t wrapped over two
// lines: n follows without a blank line, is short and text, and starts in
// lower case or t ends with a joining word or a comma.
func metaJoinsTitle(t, n *metaLineInfo) bool {
	if n.blankLine || n.kind != mlText || t.words > 24 || n.words > 15 || metaEndsSentence(n.s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(n.s)
	if unicode.IsLower(r) {
		return true
	}
	last := t.s[strings.LastIndexByte(t.s, ' ')+1:]
	return strings.HasSuffix(t.s, ",") || metaJoinWords[strings.ToLower(last)]
}

// metaFindPublisher returns the issuing body where the text states it.
func metaFindPublisher(hdr, ftr []metaLineInfo, title int) string {
	for _, ls := range [][]metaLineInfo{hdr, ftr} {
		for i := range ls {
			l := &ls[i]
			if l.label == lblPublisher {
				v := l.s[l.labelEnd:]
				if v == "" && i+1 < len(ls) {
					v = ls[i+1].s
				}
				if p := metaCleanPublisher(v); p != "" {
					return p
				}
			}
		}
	}
	for i := range hdr {
		if at := metaInlinePublisher(&hdr[i]); at > 0 {
			if p := metaCleanPublisher(hdr[i].s[at:]); p != "" {
				return p
			}
		}
	}
	for i := range hdr {
		if hdr[i].orgKick != "" {
			return hdr[i].orgKick
		}
	}
	if title >= 0 {
		// The topmost of the body-name lines right above the headline
		// ("Ministry of External Affairs" / "Government of India"), else
		// one right below it, else the site's banner further up.
		j := title - 1
		for j >= 0 && hdr[j].kind == mlOrg {
			j--
		}
		if j+1 < title {
			return hdr[j+1].s
		}
		for _, j := range []int{title + 1, title + 2} {
			if j < len(hdr) && hdr[j].kind == mlOrg {
				return hdr[j].s
			}
		}
		for j := range title {
			if hdr[j].kind == mlOrg {
				return hdr[j].s
			}
		}
	}
	for i := range hdr {
		if _, issuer := metaDatelineParts(&hdr[i]); issuer != "" {
			return issuer
		}
	}
	for i := len(ftr) - 1; i >= 0; i-- {
		if p := metaFooterSignature(&ftr[i]); p != "" && p != "-" {
			return p
		}
	}
	// A signature block: "MINISTRY OF FOREIGN AFFAIRS / SINGAPORE / 5 MARCH 2024".
	for i := max(0, len(ftr)-3); i < len(ftr); i++ {
		if ftr[i].kind == mlOrg {
			return ftr[i].s
		}
	}
	// A copyright line: "© 2024 Ministry of Foreign Affairs of Kenya".
	for i := range ftr {
		if at := strings.Index(ftr[i].s, "©"); at >= 0 {
			v := strings.TrimLeft(ftr[i].s[at+len("©"):], " 0123456789-")
			if metaIsOrgName(v) {
				return v
			}
		}
	}
	return ""
}

// metaInlinePublisher returns where the value of a "Source:" or "Issued
// by" label inside a short dated line starts (an aggregator's stamp: "
// date 2019-05-03 Source: Republic of Croatia"), or 0.
func metaInlinePublisher(l *metaLineInfo) int {
	if l.long || !l.hasDate || l.label == lblPublisher {
		return 0
	}
	for _, lb := range []string{" Source:", " SOURCE:", " Issued by ", " Published by "} {
		if i := strings.Index(l.s, lb); i > 0 {
			return i + len(lb)
		}
	}
	return 0
}

// metaDatelineParts reads a line of the form "DATE - PLACE - ISSUER"
// ("August 26, 2020 - Ottawa, Ontario - Global Affairs Canada"): the
// place and the issuing body, capitalized words without digits each.
func metaDatelineParts(l *metaLineInfo) (place, issuer string) {
	if !l.hasDate || l.long || strings.TrimSpace(l.s[:l.dateAt]) != "" {
		return "", ""
	}
	rest := l.s[l.dateEnd:]
	cut := func(s string) (string, string, bool) {
		s = strings.TrimLeft(s, " ")
		for _, d := range []string{"- ", "– ", "— "} {
			if strings.HasPrefix(s, d) {
				s = s[len(d):]
				for _, e := range []string{" - ", " – ", " — "} {
					if i := strings.Index(s, e); i > 0 {
						return s[:i], s[i+len(e):], true
					}
				}
				return s, "", true
			}
		}
		return "", "", false
	}
	place, tail, ok := cut(rest)
	if !ok || tail == "" || !metaIsNameRun(place, 5) || !metaIsNameRun(tail, 8) {
		return "", ""
	}
	return place, strings.TrimSpace(tail)
}

// metaIsNameRun reports whether s is one to max capitalized words (or
// function words: "of", "and"), without digits: a place's or a body's
// name.
func metaIsNameRun(s string, max int) bool {
	n := 0
	var buf [32]byte
	for w := range strings.FieldsSeq(s) {
		n++
		r, _ := utf8.DecodeRuneInString(w)
		if n > max || strings.ContainsAny(w, "0123456789") ||
			!unicode.IsUpper(r) && !metaOrgFunction[string(appendLower(buf[:0], strings.Trim(w, ",")))] {
			return false
		}
	}
	return n > 0
}

// metaPublisherCountry returns the country the page names for its issuing
// body (Meta.PublisherCountry): in the publisher's name, in a body's name
// or a state's formal name above the headline, or on the line under a
// signature block's body in the footer.
func metaPublisherCountry(publisher string, hdr, ftr []metaLineInfo, title int) string {
	if c := metaCountryIn(publisher, false); c != "" {
		return c
	}
	for i := 0; i < title; i++ {
		l := &hdr[i]
		if l.kind == mlOrg || l.kind == mlText && metaIsFurniture(l.s, l.words) {
			if c := metaCountryIn(l.s, l.kind != mlOrg); c != "" {
				return c
			}
		}
	}
	for i := 0; i+1 < len(ftr); i++ {
		if ftr[i].kind == mlOrg && ftr[i].s == publisher {
			if c, ok := gazetteer.Lookup(ftr[i+1].s); ok {
				return c
			}
		}
	}
	return ""
}

// metaCountryIn returns the first country s names by name, alias or
// demonym (not by a city); with formal, only by a formal name
// ("Republic of Estonia", not "Estonia": a bare country above a headline
// is a topic's label).
func metaCountryIn(s string, formal bool) string {
	if s == "" {
		return ""
	}
	for _, m := range gazetteer.Find(s) {
		if m.Form == gazetteer.FormCity {
			continue
		}
		if formal {
			c, _ := gazetteer.ByISO3(m.ISO3)
			if m.Form != gazetteer.FormName || m.Entry == c.Name {
				continue
			}
		}
		return m.ISO3
	}
	return ""
}

// metaFindDateline returns the place of the release's dateline
// (Meta.Dateline): the place before the date of a date line or dateline
// ("Vilnius, 4 May 2021 - ..."), the place of a "DATE - PLACE - ISSUER"
// line, else the place opening the body ("SINGAPORE: ...", "OTTAWA,
// ONTARIO--(Newswire ...", "Ulaanbaatar/MONTSAME/."), else a place
// signing the footer before its date ("Santiago, Chile, November 08,
// 2018.").
func metaFindDateline(hdr, ftr []metaLineInfo, title int, sc *metaScratch) string {
	for i := range hdr {
		l := &hdr[i]
		if !l.hasDate || l.label != lblNone || l.kind != mlDate && l.kind != mlDateline {
			continue
		}
		// A date line alone names a place the gazetteer knows; a word
		// before the date may be a weekday in another language ("Kamis,
		// 22 September 2011").
		if p := metaPlaceBefore(l.s[:l.dateAt]); p != "" && (l.kind == mlDateline || metaKnownPlace(p)) {
			return p
		}
		if p, _ := metaDatelineParts(l); p != "" {
			return p
		}
		if p, _, ok := strings.Cut(l.s, " / "); ok && metaSlashByline(l.s, l.dateEnd) && metaKnownPlace(p) {
			return p // "Antalya / Information Office / 02 March 2024"
		}
	}
	for i := max(title+1, 0); i < len(hdr); i++ {
		// The first paragraph after the headline.
		if k := hdr[i].kind; k == mlBody || k == mlDateline || k == mlText && (hdr[i].words > 15 || metaEndsSentence(hdr[i].s)) {
			if p := metaPlaceOpening(hdr[i].s, sc); p != "" {
				return p
			}
			break
		}
	}
	for i := len(ftr) - 1; i >= 0; i-- {
		if l := &ftr[i]; metaFooterSignature(l) == "-" {
			if p := metaPlaceBefore(l.s[:l.dateAt]); p != "" {
				return p
			}
		}
	}
	return ""
}

// metaPlaceBefore returns the place in the text before a date ("Vilnius,",
// "Santiago, Chile,", "MEXICO CITY"): one to five capitalized words, none
// a weekday, a month or a metadata word; else "".
func metaPlaceBefore(before string) string {
	raw := before
	before = strings.TrimRight(before, " ,:-–(")
	if len(before) == len(raw) || !metaIsNameRun(before, 5) {
		return ""
	}
	var buf [32]byte
	for w := range strings.FieldsSeq(before) {
		w = strings.Trim(w, ",")
		if d := dtLookup(w); d.weekday || d.month != 0 || metaWords[string(appendLowerASCII(buf[:0], w))] {
			return ""
		}
	}
	return before
}

// metaKnownPlace reports whether p starts with a city or country the
// gazetteer knows.
func metaKnownPlace(p string) bool {
	ms := gazetteer.Find(p)
	return len(ms) > 0 && ms[0].Start == 0
}

// metaPlaceOpening returns the place in capitals that opens a body line
// ahead of ":", "-", "--", "(" or ", (" ("SINGAPORE: Senior Minister ...",
// "OTTAWA, ONTARIO--(Newswire ...", "ISLAMABAD, (Wire - 29th May, 2024)"),
// or the capitalized place before "/AGENCY/" ("Ulaanbaatar/MONTSAME/.").
// The place must start with a city or country the gazetteer knows: a
// speaker's name in a transcript ("MINISTER SMITH: Good morning") is
// none.
func metaPlaceOpening(s string, scratch *metaScratch) string {
	src := s[:min(len(s), metaLongPrefix)]
	// A place in capitals ("SINGAPORE:") or before "/" ("Ulaanbaatar/").
	sp := strings.IndexByte(src, ' ')
	if sp < 0 {
		sp = len(src)
	}
	if len(src) < 2 || !unicode.IsUpper(rune(src[0])) || !unicode.IsUpper(rune(src[1])) && strings.IndexByte(src[:sp], '/') < 0 {
		return ""
	}
	sc := dtScanner{text: src}
	sc.toks, sc.starts = dtTokenize(src, scratch.toks[:0], scratch.starts[:0])
	scratch.toks, scratch.starts = sc.toks, sc.starts
	t0 := sc.tok(0)
	known := func(p string) string {
		if metaKnownPlace(p) {
			return p
		}
		return ""
	}
	if t0.kind == dtWord && t0.flags&dtUpper != 0 && dtIsPunct(sc.tok(1), '/') && metaCapsWord(&sc, 2) && dtIsPunct(sc.tok(3), '/') {
		return known(src[t0.start:t0.end])
	}
	i, end := 0, 0
	for i < len(sc.toks) && i < 6 {
		if metaCapsWord(&sc, i) {
			end = sc.toks[i].end
			i++
			continue
		}
		if dtIsPunct(sc.tok(i), ',') && metaCapsWord(&sc, i+1) {
			i++ // "OTTAWA, ONTARIO"
			continue
		}
		break
	}
	if end == 0 {
		return ""
	}
	switch n := sc.tok(i); {
	case dtIsPunct(n, ':') || dtIsPunct(n, '-') || dtIsPunct(n, '('),
		dtIsPunct(n, ',') && dtIsPunct(sc.tok(i+1), '('):
		return known(src[:end])
	}
	return ""
}

// metaCleanPublisher trims a labeled publisher value: the date after it ("on
// 5 May 2021", ", 5 May 2021"), a person after the body ("and The Rt Hon
// ..."), trailing punctuation. Values that do not look like a name (no
// capital start, more than 12 words) are dropped.
func metaCleanPublisher(v string) string {
	v = strings.TrimSpace(v)
	if len(v) > 4 && strings.EqualFold(v[:4], "the ") {
		v = v[4:]
	}
	for _, cut := range []string{" and The Rt Hon", " and Rt Hon", " and the Rt Hon", " on ", ";", " | ", " - "} {
		if i := strings.Index(v, cut); i > 0 {
			v = v[:i]
		}
	}
	if i := strings.LastIndexByte(v, ','); i > 0 && metaStartsDate(strings.TrimSpace(v[i+1:])) {
		v = v[:i]
	}
	v = strings.TrimRightFunc(v, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(".,:;-", r) })
	r, _ := utf8.DecodeRuneInString(v)
	if v == "" || !(unicode.IsUpper(r) || unicode.IsDigit(r)) || len(strings.Fields(v)) > 12 || strings.Contains(v, "http") {
		return ""
	}
	return v
}

// appendLowerASCII appends w to dst with its ASCII letters lower-cased,
// keeping its byte offsets. With a stack buffer for dst, a lookup
// m[string(appendLowerASCII(buf[:0], w))] does not allocate.
func appendLowerASCII(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// appendLower appends w lower-cased to dst, as strings.ToLower does: pure
// ASCII words, the common case, byte by byte, so that a lookup
// m[string(appendLower(buf[:0], w))] with a stack buffer does not allocate.
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(w)...)
		}
	}
	return appendLowerASCII(dst, w)
}

// hasLowerSuffix reports whether s, its ASCII letters lower-cased, ends
// with suffix, which is lower case, without building the lower-cased
// string.
func hasLowerSuffix(s, suffix string) bool {
	if len(s) < len(suffix) {
		return false
	}
	s = s[len(s)-len(suffix):]
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suffix[i] {
			return false
		}
	}
	return true
}
