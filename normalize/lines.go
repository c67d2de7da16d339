package normalize

import (
	"bytes"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// lineInfo describes one line of the text the line pass reads.
type lineInfo struct {
	start, end int // content, trimmed of spaces and tabs
	nl         int // offset of the line's "\n", or len(text)
	indent     int // bytes of leading spaces and tabs
	runes      int
	words      int
	tab        bool // a table row: content holds a tab
	collapse   bool // content holds a run of two or more spaces and tabs
	drop       bool // chrome or a page footer: removed, and transparent for joins
}

func (l *lineInfo) blank() bool { return l.start == l.end }

// join says how a line continues the content line before it.
type join uint8

const (
	joinNone     join = iota // a new line
	joinSpace                // same paragraph, a space between
	joinHyphen               // a word split after its hyphen: no space, hyphen kept
	joinDehyphen             // a word hyphenated at the line end: hyphen dropped
)

// lineText holds a text split into lines and what the line pass decided.
type lineText struct {
	s      string
	lines  []lineInfo
	width  int // wrap width of a hard-wrapped text, 0 when not hard-wrapped
	body   int // index of the first body paragraph line, len(lines) when none
	header int // lines before this index are the header area
	joins  []join
	gap    []bool          // a blank line separates this line from the content before it
	vocab  map[string]bool // the text's words and hyphenated compounds, built on demand
	asked  int             // questions answered without vocab
}

// knows reports whether w is a word or hyphenated compound of the text.
// The first few questions are answered by searching the text; a text that
// asks more builds its vocabulary once.
func (t *lineText) knows(w string) bool {
	if t.vocab == nil && t.asked < 8 {
		t.asked++
		return containsWord(t.s, w)
	}
	if t.vocab == nil {
		t.vocab = vocabulary(t.s)
	}
	return t.vocab[w]
}

// containsWord reports whether w occurs in s between non-letters (a
// hyphen counts as a boundary only when not followed by a letter, so that
// "co" is not found in "co-operation" but "co-operation" is).
func containsWord(s, w string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		i += off
		j := i + len(w)
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, size := utf8.DecodeRuneInString(s[j:])
		if after == '-' {
			after, _ = utf8.DecodeRuneInString(s[j+size:])
		}
		if (i == 0 || !unicode.IsLetter(before) && before != '-') && (j == len(s) || !unicode.IsLetter(after)) {
			return true
		}
		off = i + 1
	}
}

// vocabulary returns the set of words (runs of letters) of s and of its
// hyphenated compounds (words joined by single hyphens, "co-operation").
func vocabulary(s string) map[string]bool {
	m := make(map[string]bool, len(s)/16)
	isLetter := func(i int) (bool, int) {
		if c := s[i]; c < utf8.RuneSelf {
			return c|0x20 >= 'a' && c|0x20 <= 'z', 1
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		return unicode.IsLetter(r), size
	}
	for i := 0; i < len(s); {
		ok, size := isLetter(i)
		if !ok {
			i += size
			continue
		}
		start, part := i, i
		for i < len(s) {
			if ok, size = isLetter(i); ok {
				i += size
				continue
			}
			if s[i] == '-' && i+1 < len(s) {
				if next, _ := isLetter(i + 1); next {
					m[s[part:i]] = true
					i++
					part = i
					continue
				}
			}
			break
		}
		m[s[part:i]] = true
		if part != start {
			m[s[start:i]] = true
		}
	}
	return m
}

func (t *lineText) c(i int) string { return t.s[t.lines[i].start:t.lines[i].end] }

// cc returns line i's content as emit writes it, white space collapsed.
func (t *lineText) cc(i int) string {
	c := t.c(i)
	if !t.lines[i].collapse {
		return c
	}
	b := newBuilder(len(c))
	emitCollapsed(b, c, 0, len(c))
	return b.out.String()
}

// maxHeaderLines bounds the header area, counted in content lines.
const maxHeaderLines = 40

// layout is the line pass:
//
//   - lines are trimmed, runs of spaces become one space, and a run of
//     spaces and tabs holding a tab becomes one tab (a table column
//     separator); rows stay one per line;
//   - broken lines are rejoined into paragraphs: in a hard-wrapped text
//     (most lines of about the same width, many ending mid-sentence) the
//     soft-wrapped lines of a paragraph and a headline wrapped over two
//     lines; in any text a sentence broken across a page break or blank
//     lines (4+ words not ending a sentence, followed by a line starting
//     in lower case, or ending with a function word or a hyphenated
//     fragment). A word hyphenated at the break loses its hyphen only
//     when both parts are lower case (the first may be capitalized when
//     5+ letters long), the first has 3+ letters and is no prefix, and
//     the second is not the head of a common compound; the document's own
//     spelling elsewhere decides first. Table rows, bullet items and
//     short lines are never merged;
//   - page footers ("- 2 -", "Page 3 of 5"; in a hard-wrapped text also a
//     lone page number, "3 / 5" and the repeats of running heads) are
//     dropped anywhere;
//   - in the header area, the paragraphs before the first body paragraph
//     (10 or more words ending a sentence) and at most 40 of them, site
//     chrome is dropped: skip links and menus of chrome words,
//     breadcrumbs starting with Home, view counters alone on a line, and
//     kickers such as "Press Release" or "News & Notices"; labelled
//     metadata lines, datelines and headlines stay;
//   - after the body, chrome paragraphs at the very end go: "Back to top",
//     "Share this page", share bars, copyright lines;
//   - blank lines collapse to one, leading and trailing ones go, and
//     every line ends with "\n".
//
// Dropped lines are transparent to joins. Drops and joins are settled
// together on joined paragraphs, as a second pass over the output sees
// them, which keeps the pass idempotent.
func layout(s string) stage {
	t := lineText{s: s}
	t.split()
	t.width = t.wrapWidth()
	t.findBody()
	t.dropChrome()
	t.decideJoins()
	// Drops and joins settle together, and the header area is found
	// again on joined paragraphs, as a second pass over the output will
	// see them.
	for round := 0; round < 4; round++ {
		t.findBodyJoined()
		if !t.dropJoinedChrome() {
			break
		}
		t.decideJoins()
	}
	t.dropFooter()
	st := t.emit()
	for _, j := range t.joins {
		st.rewrapped = st.rewrapped || j != joinNone
	}
	return st
}

func (t *lineText) split() {
	t.lines = make([]lineInfo, 0, strings.Count(t.s, "\n")+1)
	for i := 0; i <= len(t.s); {
		nl := strings.IndexByte(t.s[i:], '\n')
		if nl < 0 {
			nl = len(t.s)
		} else {
			nl += i
		}
		l := lineInfo{start: i, end: nl, nl: nl}
		for l.start < l.end && (t.s[l.start] == ' ' || t.s[l.start] == '\t') {
			l.start++
		}
		for l.end > l.start && (t.s[l.end-1] == ' ' || t.s[l.end-1] == '\t') {
			l.end--
		}
		l.indent = l.start - i
		c := t.s[l.start:l.end]
		words, runs, seen := countLine(c)
		l.words, l.collapse, l.tab = words, runs > 0, seen&lineTab != 0
		l.runes = len(c)
		if seen&lineHigh != 0 {
			l.runes = utf8.RuneCountInString(c)
		}
		if nl == len(t.s) && l.blank() && i == len(t.s) && len(t.lines) > 0 {
			break
		}
		t.lines = append(t.lines, l)
		i = nl + 1
	}
}

// countLine counts the words of line content c (a byte that is no
// separator after one that is) and its separators that follow a
// separator, and tells whether c holds a tab or a non-ASCII byte; c
// starts with neither a space nor a tab. Eight bytes at a time, each
// byte's flags in its top bit, then the tail through lineBytes.
func countLine(c string) (words, runs int, seen byteClass) {
	var prev uint64 = hi8 // the byte before c counts as a separator
	var seps, tabs, high uint64
	k := 0
	for ; k+8 <= len(c); k += 8 {
		x := load64(c[k : k+8])
		tab := zeroBytes(x ^ 0x0909090909090909)
		sep := zeroBytes(x^0x2020202020202020) | tab
		before := sep<<8 | prev>>56
		words += bits.OnesCount64(before &^ sep)
		runs += bits.OnesCount64(before & sep)
		seps |= sep
		tabs |= tab
		high |= x & hi8
		prev = sep
	}
	if seps != 0 {
		seen |= lineSep
	}
	if tabs != 0 {
		seen |= lineTab
	}
	if high != 0 {
		seen |= lineHigh
	}
	p := byteClass(prev >> 63)
	for ; k < len(c); k++ {
		cl := lineBytes[c[k]]
		sep := cl & lineSep
		words += int(p &^ sep)
		runs += int(p & sep)
		seen |= cl
		p = sep
	}
	return words, runs, seen
}

// byteClass tells what the line pass needs to know of a byte.
type byteClass uint8

const (
	lineSep  byteClass = 1 << iota // a space or a tab
	lineTab                        // a tab
	lineHigh                       // not ASCII
)

// lineBytes classifies every byte value.
var lineBytes = func() (t [256]byteClass) {
	t[' '], t['\t'] = lineSep, lineSep|lineTab
	for c := utf8.RuneSelf; c < len(t); c++ {
		t[c] = lineHigh
	}
	return t
}()

// wrapWidth returns the width a hard-wrapped text was wrapped at, or 0:
// at least 6 prose lines, the 90th percentile of their widths between 30
// and 110 runes, 40% of them near that width, and a quarter of them
// ending mid-sentence and continued on the very next line.
func (t *lineText) wrapWidth() int {
	lens := make([]int, 0, len(t.lines))
	for i := range t.lines {
		if l := &t.lines[i]; !l.blank() && !l.tab {
			lens = append(lens, l.runes)
		}
	}
	n := len(lens)
	if n < 6 {
		return 0
	}
	slices.Sort(lens) // only their number is needed later
	w := lens[(n-1)*9/10]
	if w < 30 || w > 110 {
		return 0
	}
	var full, over, cont int
	for i := range t.lines {
		l := &t.lines[i]
		if l.blank() || l.tab {
			continue
		}
		if l.runes > w+w/8 {
			over++
			continue
		}
		if l.runes < w*3/4 {
			continue
		}
		full++
		if i+1 < len(t.lines) && !t.lines[i+1].blank() && !endsSentence(t.c(i)) && continues(t.c(i+1)) {
			cont++
		}
	}
	if over*10 > n || full*10 < n*4 || cont < 3 || cont*4 < n {
		return 0
	}
	return w
}

// continues reports whether a line can carry on a sentence from the line
// before: it does not open a list item, a table row or a metadata label
// ("Date : 2018.10.05 Read : 14923", "Published 9 January 2015").
func continues(c string) bool {
	if c == "" || isBullet(c) || isLabelLine(c) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(c)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'(", r)
}

// labelWords open the metadata lines of a release.
var labelWords = []string{"date", "dated", "published", "posted", "updated", "last updated", "released",
	"release date", "issued", "read", "hits", "views", "source", "from", "no.", "no:", "ref", "reference"}

// maxLabelLen is the length of the longest of labelWords.
const maxLabelLen = len("release date")

// isLabelLine reports whether c opens with a metadata label followed by a
// colon or a number: "Date : 2018.10.05", "Published 9 January 2015",
// "No: 112, 3 April 2016".
func isLabelLine(c string) bool {
	// Lower-casing changes neither the ASCII bytes before the first other
	// one nor whether a character is a space, a colon or a digit; so
	// strings.ToLower is needed only when c does not start with
	// maxLabelLen ASCII bytes.
	lc := c
	if !isASCII(c[:min(len(c), maxLabelLen)]) {
		lc = strings.ToLower(c)
	}
	for _, w := range labelWords {
		if len(lc) < len(w) || !equalLowerASCII(lc[:len(w)], w) {
			continue
		}
		rest := strings.TrimLeft(lc[len(w):], " ")
		if rest == "" {
			return w != "from" && w != "source"
		}
		if rest[0] == ':' || rest[0] >= '0' && rest[0] <= '9' {
			return true
		}
	}
	return false
}

// isASCII reports whether s holds only ASCII bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// equalLowerASCII reports whether s with its ASCII letters lower-cased
// equals lower, which is lower case.
func equalLowerASCII(s, lower string) bool {
	if len(s) != len(lower) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}

// appendLowerASCII appends s to dst with its ASCII letters lower-cased,
// which for ASCII s is strings.ToLower. With a stack buffer for dst, a
// lookup m[string(appendLowerASCII(buf[:0], s))] does not allocate.
func appendLowerASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// hasPrefixLowerASCII reports whether s with its ASCII letters
// lower-cased starts with lower, which is lower case.
func hasPrefixLowerASCII(s, lower string) bool {
	return len(s) >= len(lower) && equalLowerASCII(s[:len(lower)], lower)
}

// appendFirstField appends the first run of bytes of ASCII s for which in
// holds to dst, lower-cased; ok is false when there is none.
func appendFirstField(dst []byte, s string, in func(byte) bool) (_ []byte, ok bool) {
	i := 0
	for i < len(s) && !in(s[i]) {
		i++
	}
	j := i
	for j < len(s) && in(s[j]) {
		j++
	}
	return appendLowerASCII(dst, s[i:j]), j > i
}

// isChromeWordByte reports an ASCII byte of a word as chromeFields splits
// words: a letter, a digit or an apostrophe.
func isChromeWordByte(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9' || c == '\''
}

// isCounterWordByte reports an ASCII byte of a word as isCounterLine splits
// words.
func isCounterWordByte(c byte) bool { return c != ' ' && c != ':' && c != '|' }

func (t *lineText) full(i int) bool {
	l := &t.lines[i]
	return t.width > 0 && l.runes >= t.width*3/5 && l.runes <= t.width+t.width/8
}

func (t *lineText) findBody() {
	t.body = len(t.lines)
	content := 0
	t.header = len(t.lines)
	for i := range t.lines {
		l := &t.lines[i]
		if l.blank() {
			continue
		}
		content++
		if content > maxHeaderLines && t.header == len(t.lines) {
			t.header = i
		}
		if l.tab || l.words < 10 || isBullet(t.c(i)) {
			continue
		}
		wrapped := t.full(i) && i+1 < len(t.lines) && !t.lines[i+1].blank() && continues(t.c(i+1))
		if endsSentence(t.c(i)) || wrapped {
			t.body = i
			break
		}
	}
	t.header = min(t.header, t.body)
}

// findBodyJoined finds the first body paragraph among joined paragraphs:
// 10 or more words, ending a sentence, not a table row or list item.
func (t *lineText) findBodyJoined() {
	t.body, t.header = len(t.lines), len(t.lines)
	groups := 0
	t.eachParagraph(func(first, end, words int) bool {
		groups++
		if groups > maxHeaderLines {
			t.header = first
			return false
		}
		if t.lines[first].tab || words < 10 {
			return true
		}
		if last := t.lastContent(first, end); !isBullet(t.c(first)) && endsSentence(t.c(last)) {
			t.body, t.header = first, first
			return false
		}
		return true
	})
}

// eachParagraph calls f for each paragraph of joined content lines, with
// its first line, the index past its last line and its word count, until
// f returns false.
func (t *lineText) eachParagraph(f func(first, end, words int) bool) {
	first, words := -1, 0
	for i := range t.lines {
		l := &t.lines[i]
		if l.blank() || l.drop {
			continue
		}
		if t.joins[i] == joinNone {
			if first >= 0 && !f(first, i, words) {
				return
			}
			first, words = i, 0
		}
		words += l.words
	}
	if first >= 0 {
		f(first, len(t.lines), words)
	}
}

func (t *lineText) dropChrome() {
	wrapped := t.width > 0
	if wrapped {
		t.dropRunningHeads()
	}
	for i := range t.lines {
		l := &t.lines[i]
		if l.blank() {
			continue
		}
		c := t.cc(i)
		switch {
		case isPageFooter(c, wrapped):
			l.drop = true
		case i < t.header && !l.tab && (isChromeLine(c) || isBreadcrumb(c) || isCounterLine(c) || isKicker(c)):
			l.drop = true
		}
	}
}

// dropRunningHeads drops the repeats of running page headers and footers in
// a hard-wrapped dump: a short line of two or more words that occurs three
// or more times keeps its first occurrence only.
func (t *lineText) dropRunningHeads() {
	seen := map[string]int{}
	for i := range t.lines {
		if l := &t.lines[i]; !l.blank() && !l.tab && l.words >= 2 && l.runes <= 100 {
			seen[t.cc(i)]++
		}
	}
	first := map[string]bool{}
	for i := range t.lines {
		l := &t.lines[i]
		if l.blank() || l.tab || l.words < 2 || l.runes > 100 {
			continue
		}
		if c := t.cc(i); seen[c] >= 3 {
			l.drop = first[c]
			first[c] = true
		}
	}
}

// isHeaderChrome reports a header-area line of site chrome.
func isHeaderChrome(c string) bool {
	return isChromeLine(c) || isBreadcrumb(c) || isCounterLine(c) || isKicker(c)
}

// dropJoinedChrome drops header-area paragraphs that read as chrome once
// joined (a second pass over the output sees each as one line). It
// reports whether it dropped any.
func (t *lineText) dropJoinedChrome() bool {
	dropped := false
	t.eachParagraph(func(first, end, _ int) bool {
		if first >= t.header {
			return false
		}
		if !t.lines[first].tab && isHeaderChrome(t.paragraph(first, end)) {
			for i := first; i < end; i++ {
				t.lines[i].drop = true
			}
			dropped = true
		}
		return true
	})
	return dropped
}

// dropFooter drops chrome paragraphs at the very end, after the first body
// paragraph. It runs on joined lines, so that a second pass over the
// output sees the same paragraphs.
func (t *lineText) dropFooter() {
	if t.body == len(t.lines) {
		return
	}
	end := len(t.lines)
	for end > t.body+1 {
		first := -1 // first line of the last paragraph before end
		for i := end - 1; i > t.body; i-- {
			if l := &t.lines[i]; !l.blank() && !l.drop {
				first = i
				if t.joins[i] == joinNone {
					break
				}
			}
		}
		if first < 0 || t.joins[first] != joinNone {
			return
		}
		if !isFooterChrome(t.paragraph(first, end)) {
			return
		}
		for i := first; i < end; i++ {
			t.lines[i].drop = true
		}
		end = first
	}
}

// lastContent returns the last content line in [first, end).
func (t *lineText) lastContent(first, end int) int {
	last := first
	for i := first; i < end; i++ {
		if l := &t.lines[i]; !l.blank() && !l.drop {
			last = i
		}
	}
	return last
}

// maxChromeLen bounds the length of a paragraph checked for chrome: every
// chrome test rejects longer ones.
const maxChromeLen = 400

// paragraph returns the content lines in [first, end) joined as emit would
// join them, or "" when they are longer than maxChromeLen.
func (t *lineText) paragraph(first, end int) string {
	n := 0
	for i := first; i < end && n <= maxChromeLen; i++ {
		if l := &t.lines[i]; !l.blank() && !l.drop {
			n += len(t.cc(i)) + 1 // measured as emitted
		}
	}
	if n > maxChromeLen {
		return ""
	}
	var b strings.Builder
	b.Grow(n)
	for i := first; i < end; i++ {
		if l := &t.lines[i]; l.blank() || l.drop {
			continue
		}
		if b.Len() > 0 && t.joins[i] == joinSpace {
			b.WriteByte(' ')
		}
		c := t.cc(i)
		if next := t.nextContent(i); next >= 0 && next < end && t.joins[next] == joinDehyphen {
			c = c[:len(c)-1]
		}
		b.WriteString(c)
	}
	return b.String()
}

func (t *lineText) decideJoins() {
	if t.joins == nil {
		t.joins = make([]join, len(t.lines))
		t.gap = make([]bool, len(t.lines))
	} else { // deciding again
		clear(t.joins)
		clear(t.gap)
	}
	prev, words, gap := -1, 0, false
	for i := range t.lines {
		l := &t.lines[i]
		if l.blank() {
			gap = prev >= 0
			continue
		}
		if l.drop {
			continue
		}
		t.gap[i] = gap
		if prev >= 0 {
			t.joins[i] = t.decide(prev, i, gap, words)
		}
		if t.joins[i] == joinNone {
			words = 0
		}
		words += l.words
		prev, gap = i, false
	}
}

// decide says whether content line q continues content line p, whose
// paragraph so far has words words.
func (t *lineText) decide(p, q int, gap bool, words int) join {
	lp, lq := &t.lines[p], &t.lines[q]
	cp, cq := t.c(p), t.c(q)
	if lp.tab || lq.tab || !continues(cq) {
		return joinNone
	}
	term := endsSentence(cp)
	ok := false
	switch {
	case !gap && t.full(p):
		// A soft-wrapped line: it stops mid-sentence, or the next word
		// would not have fit on it (and the next line is not indented
		// like a new paragraph).
		fits := lp.runes+1+firstWordRunes(cq) <= t.width
		ok = !term || !fits && lq.indent <= lp.indent
	case !term && words >= 4 && (startsLower(cq) || endsWithFunctionWord(cp) || hyphenFragment(cp) != ""):
		ok = true
	case !gap && t.width > 0 && q < t.header && !term && lp.words >= 3 && lp.runes >= t.width/2 &&
		lq.words <= 12 && titleLike(cp) && titleLike(cq):
		ok = true
	}
	if !ok {
		return joinNone
	}
	if frag := hyphenFragment(cp); frag != "" && !term {
		if startsLower(cq) && t.dehyphenate(frag, cq) {
			return joinDehyphen
		}
		return joinHyphen
	}
	return joinSpace
}

// dehyphenate decides whether "frag-" at a line end and the next line's
// first word are one word split by hyphenation: the document's own
// spelling elsewhere decides; else both parts must be lower case (the
// first may be capitalized when 5+ letters long), the first 3+ letters
// and no prefix (co-, e-, self-...), the second no compound head (-based,
// -led...).
func (t *lineText) dehyphenate(frag, next string) bool {
	head := next
	for i, r := range next {
		if !unicode.IsLetter(r) {
			head = next[:i]
			break
		}
	}
	if head == "" {
		return false
	}
	if t.knows(frag + head) {
		return true
	}
	if t.knows(frag + "-" + head) {
		return false
	}
	first, size := utf8.DecodeRuneInString(frag)
	letters := utf8.RuneCountInString(frag)
	switch {
	case letters < 3 || !isLowerWord(frag[size:]) || !isLowerWord(head):
		return false
	case !unicode.IsLower(first) && (!unicode.IsUpper(first) || letters < 5):
		// "Sang-" + "min": a capitalized fragment is a name part unless
		// it is long ("Administra-" + "tion").
		return false
	}
	lf := strings.ToLower(frag)
	return !hyphenPrefixes[lf] && !compoundHeads[strings.ToLower(head)]
}

func isLowerWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func (t *lineText) emit() stage {
	b := newBuilder(len(t.s))
	last := -1 // last emitted content line
	for i := range t.lines {
		l := &t.lines[i]
		if l.blank() || l.drop {
			continue
		}
		if last >= 0 {
			switch t.joins[i] {
			case joinNone:
				t.newline(b, last)
				if t.gap[i] {
					b.put("\n", t.lines[last].nl)
				}
			case joinSpace:
				b.put(" ", t.lines[last].end)
			}
		}
		end := l.end
		if next := t.nextContent(i); next >= 0 && t.joins[next] == joinDehyphen {
			end--
		}
		if l.collapse {
			emitCollapsed(b, t.s, l.start, end)
		} else {
			b.copy(t.s, l.start, end)
		}
		b.consumed(l.end)
		last = i
	}
	if last >= 0 {
		t.newline(b, last)
	}
	return b.stage()
}

func (t *lineText) newline(b *builder, i int) {
	if nl := t.lines[i].nl; nl < len(t.s) {
		b.copy(t.s, nl, nl+1)
	} else {
		b.put("\n", nl)
	}
}

func (t *lineText) nextContent(i int) int {
	for j := i + 1; j < len(t.lines); j++ {
		if l := &t.lines[j]; !l.blank() && !l.drop {
			return j
		}
	}
	return -1
}

// emitCollapsed copies s[i:j], replacing each run of spaces by one space
// and each run of spaces and tabs holding a tab by one tab.
func emitCollapsed(b *builder, s string, i, j int) {
	run := i
	for k := i; k < j; k++ {
		if c := s[k]; c != ' ' && c != '\t' {
			continue
		}
		e, tab := k, -1
		for e < j && (s[e] == ' ' || s[e] == '\t') {
			if s[e] == '\t' && tab < 0 {
				tab = e
			}
			e++
		}
		if e-k > 1 {
			keep := k
			if tab >= 0 {
				keep = tab
			}
			b.copy(s, run, k)
			b.copy(s, keep, keep+1)
			b.consumed(e)
			run = e
		}
		k = e - 1
	}
	b.copy(s, run, j)
}

// endsSentence reports whether a line ends with sentence-final or
// clause-final punctuation, looking through closing quotes, brackets and
// footnote marks.
func endsSentence(c string) bool {
	c = strings.TrimRight(c, "\"')]*")
	if c == "" {
		return false
	}
	switch c[len(c)-1] {
	case '.', '!', '?', ':', ';':
		return true
	}
	return false
}

func startsLower(c string) bool {
	r, _ := utf8.DecodeRuneInString(c)
	return unicode.IsLower(r)
}

func firstWordRunes(c string) int {
	if i := strings.IndexAny(c, " \t"); i >= 0 {
		c = c[:i]
	}
	return utf8.RuneCountInString(c)
}

func lastWord(c string) string {
	if i := strings.LastIndexAny(c, " \t"); i >= 0 {
		return c[i+1:]
	}
	return c
}

func endsWithFunctionWord(c string) bool { return functionWords[lastWord(c)] }

// hyphenFragment returns the word part before a hyphen that ends c
// ("Sang" for "... Lee Sang-"), or "" when c does not end with a letter
// and a hyphen.
func hyphenFragment(c string) string {
	if len(c) < 2 || c[len(c)-1] != '-' {
		return ""
	}
	w := lastWord(c[:len(c)-1])
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		w = w[i+1:]
	}
	r, _ := utf8.DecodeLastRuneInString(w)
	if w == "" || !unicode.IsLetter(r) {
		return ""
	}
	return w
}

// isBullet reports whether a line opens a list item: a bullet sign, "- ",
// "* ", "o ", "+ ", "> ", or an enumerator such as "1.", "2)", "(3)",
// "a)", followed by a space.
func isBullet(c string) bool {
	r, _ := utf8.DecodeRuneInString(c)
	if strings.ContainsRune("•·▪■□◦‣●○◆◇►▶※➢➤✓✔➔→", r) {
		return true
	}
	if len(c) >= 2 && c[1] == ' ' && strings.IndexByte("-*o+>", c[0]) >= 0 {
		return true
	}
	i := 0
	paren := len(c) > 0 && c[0] == '('
	if paren {
		i++
	}
	j := i
	for j < len(c) && j-i < 3 && c[j] >= '0' && c[j] <= '9' {
		j++
	}
	if j == i && j < len(c) && c[j] >= 'a' && c[j] <= 'z' {
		j++
	}
	if j == i || j+1 >= len(c) || c[j+1] != ' ' {
		return false
	}
	if paren {
		return c[j] == ')'
	}
	return c[j] == ')' || c[j] == '.' && c[i] >= '0' && c[i] <= '9'
}

// isPageFooter reports a page header or footer line: "- 2 -", "Page 3",
// "Page 3 of 5"; when wrapped also "3", "3 / 5", "3 of 5".
func isPageFooter(c string, wrapped bool) bool {
	// Every form holds a number, and lower-casing makes no digits.
	if len(c) > 20 || !strings.ContainsAny(c, "0123456789") {
		return false
	}
	if len(c) >= 3 && c[0] == '-' && c[len(c)-1] == '-' {
		return isNumber(strings.Trim(c, "- "))
	}
	lc := strings.ToLower(c)
	if rest, ok := strings.CutPrefix(lc, "page"); ok {
		return isPageNumbers(strings.TrimLeft(rest, " .:"))
	}
	return wrapped && isPageNumbers(lc)
}

// isPageNumbers matches "N", "N of M", "N/M" and "N / M".
func isPageNumbers(s string) bool {
	a, b, ok := strings.Cut(s, "/")
	if !ok {
		a, b, ok = strings.Cut(s, " of ")
	}
	if !ok {
		return isNumber(s)
	}
	return isNumber(strings.TrimSpace(a)) && isNumber(strings.TrimSpace(b))
}

func isNumber(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// chromeFields splits a line into lower-case words at anything that is not
// a letter, digit or apostrophe, so that "Home | About" and "A+ A-" split.
func chromeFields(c string) []string {
	return strings.FieldsFunc(strings.ToLower(c), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && !isMark(r)
	})
}

// isChromeLine reports a line of site chrome: at most 12 words, all of them
// chrome words, function words or language names, with a word only chrome
// uses, or two or more words of which one is no function word.
func isChromeLine(c string) bool {
	if len(c) > 200 {
		return false
	}
	// Most lines fail on their first word, which is checked first without
	// allocating when the line is ASCII: its words are then the runs of
	// letters, digits and apostrophes.
	if isASCII(c) {
		var buf [32]byte
		w, ok := appendFirstField(buf[:0], c, isChromeWordByte)
		if ok && !chromeLineWords[string(w)] {
			return false
		}
	}
	f := chromeFields(c)
	if len(f) == 0 {
		return !strings.ContainsFunc(c, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) &&
			strings.ContainsAny(c, "|>»")
	}
	if len(f) > 12 {
		return false
	}
	strong, content := false, false
	for _, w := range f {
		switch {
		case chromeStrong[w]:
			strong = true
		case functionWords[w]:
		case chromeWords[w], langNames[w]:
			content = true
		default:
			return false
		}
	}
	if strong || content && len(f) >= 2 {
		return true
	}
	switch f[0] {
	case "home", "search", "menu", "sitemap", "print", "share", "close", "top":
		return true
	}
	return false
}

// chromeLineWords holds the words a chrome line is made of (chromeStrong,
// functionWords, chromeWords and langNames): one lookup turns most lines
// away on their first word.
var chromeLineWords = func() map[string]bool {
	m := map[string]bool{}
	for _, set := range []map[string]bool{chromeStrong, functionWords, chromeWords, langNames} {
		for w, ok := range set {
			if ok {
				m[w] = true
			}
		}
	}
	return m
}()

// isBreadcrumb reports a breadcrumb trail starting with Home: "HOME >
// What's New> News & Notices", "You are here: Home / News".
func isBreadcrumb(c string) bool {
	if len(c) > 300 {
		return false
	}
	if isASCII(c) && !hasPrefixLowerASCII(c, "home") && !hasPrefixLowerASCII(c, "you are here") {
		return false // the common case, without lower-casing the line
	}
	lc := strings.ToLower(c)
	if rest, ok := strings.CutPrefix(lc, "you are here"); ok {
		lc = strings.TrimLeft(rest, " :")
	}
	rest, ok := strings.CutPrefix(lc, "home")
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " ")
	for _, sep := range []string{">", "»", "›", "/", "|", "→", "::", "≫"} {
		if strings.HasPrefix(rest, sep) {
			return true
		}
	}
	return false
}

// isCounterLine reports a line of view counters only: "Read : 14923",
// "Views: 1,204 Hits 3".
func isCounterLine(c string) bool {
	if len(c) > 100 {
		return false
	}
	if isASCII(c) {
		// The first word must be a label; checked without allocating.
		var buf [32]byte
		if w, ok := appendFirstField(buf[:0], c, isCounterWordByte); !ok || !counterLabels[string(w)] {
			return false
		}
	}
	f := strings.FieldsFunc(strings.ToLower(c), func(r rune) bool { return r == ' ' || r == ':' || r == '|' })
	if len(f) == 0 || len(f)%2 != 0 {
		return false
	}
	for i := 0; i < len(f); i += 2 {
		if !counterLabels[f[i]] || !isCount(f[i+1]) {
			return false
		}
	}
	return true
}

func isCount(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != ',' && s[i] != '.' {
			return false
		}
	}
	return true
}

// phrase lower-cases c and joins its words with single spaces.
func phrase(c string) string {
	return strings.Join(strings.Fields(strings.ToLower(c)), " ")
}

// appendPhraseASCII appends phrase(s) of an ASCII s to dst.
func appendPhraseASCII(dst []byte, s string) []byte {
	start := len(dst)
	for w := range strings.FieldsSeq(s) {
		if len(dst) > start {
			dst = append(dst, ' ')
		}
		dst = appendLowerASCII(dst, w)
	}
	return dst
}

// isKicker reports a section label alone on a line ("Press Release",
// "News & Notices").
func isKicker(c string) bool {
	if len(c) > 40 {
		return false
	}
	if isASCII(c) {
		var buf [40]byte // the phrase, built without allocating
		return kickers[string(bytes.TrimRight(appendPhraseASCII(buf[:0], c), " :|-"))]
	}
	return kickers[strings.TrimRight(phrase(c), " :|-")]
}

// isFooterChrome reports chrome after the story: "Back to top", "Share this
// page", "Print", copyright lines, share bars, view counters, page
// feedback prompts.
func isFooterChrome(c string) bool {
	if len(c) > 200 {
		return false
	}
	var buf [200]byte // the phrase, built without allocating when c is ASCII
	var p []byte
	if isASCII(c) {
		p = appendPhraseASCII(buf[:0], c)
	} else {
		p = append(buf[:0], phrase(c)...)
	}
	if footerPhrases[string(bytes.TrimRight(p, " :|.!^"))] || isChromeLine(c) || isCounterLine(c) {
		return true
	}
	for _, prefix := range footerPrefixes {
		if len(p) >= len(prefix) && string(p[:len(prefix)]) == prefix {
			return true
		}
	}
	return bytes.Contains(p, []byte("all rights reserved"))
}

// footerPrefixes start lines of page chrome after the story.
var footerPrefixes = []string{
	"copyright", "©", "(c) ", "is this page useful", "was this page useful", "was this page helpful",
	"is this page helpful", "report a problem", "help us improve", "share on ", "share via ",
	"you may also like", "related content", "related links", "related news", "follow us",
}

// titleLike reports a line most of whose words start with a capital or a
// digit.
func titleLike(c string) bool {
	var n, caps int
	for _, w := range strings.Fields(c) {
		n++
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || unicode.IsDigit(r) || functionWords[w] {
			caps++
		}
	}
	return n > 0 && caps*2 >= n
}
