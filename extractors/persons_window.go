package extractors

import "sort"

// entWindow is the most text the persons parser reads at once, in bytes.
// A long document is read a window of whole sentences at a time, so that
// its tokens and their tables (some twenty bytes per byte of text) stay
// bounded and are reused from window to window, as those of consecutive
// releases are: the buffers of one large document would otherwise be
// fresh memory, dearer than the parsing. A release fits in one window
// (the longest of the corpora has 61 KB); in a longer document, names,
// acronyms and titles are not related across windows.
const entWindow = 128 << 10

// entWindows cuts sents into runs of whole sentences that span at most
// max bytes each, or one sentence when it is longer.
func entWindows(sents []Span, max int) [][]Span {
	var ws [][]Span
	for a := 0; a < len(sents); {
		e := a + 1
		for e < len(sents) && sents[e].End-sents[a].Start <= max {
			e++
		}
		ws = append(ws, sents[a:e])
		a = e
	}
	return ws
}

// eachWindow calls fn with a parser over each window of d's sentences in
// turn (one for a release), its home set to d's publisher, and releases
// the parser after. It stops when d is given up on.
func eachWindow(d *Doc, fn func(p *entParser)) { eachWindowOf(d, entWindow, fn) }

// eachWindowOf is eachWindow with windows of at most max bytes.
func eachWindowOf(d *Doc, max int, fn func(p *entParser)) {
	sents := d.Sentences
	if sents == nil {
		sents = Sentences(d.Text)
	}
	home := HomeCountry(d)
	if len(sents) == 0 || sents[len(sents)-1].End-sents[0].Start <= max {
		p := newEntParserIn(d, sents, len(d.Text), nil)
		defer p.release()
		p.home = home
		fn(p)
		return
	}
	ws := entWindows(sents, max)
	ov := overlayLists(d.Mentions, ws)
	for k, w := range ws {
		if d.Stop.Stopped() {
			return // given up on: what is found is dropped
		}
		p := newEntParserIn(d, w, w[len(w)-1].End-w[0].Start, ov[k])
		p.home = home
		fn(p)
		p.release()
	}
}

// overlayLists returns, per window, the indices of the country, place
// and date mentions of ms that overlap it, in the order of ms: what
// overlay marks in the window's tokens. Each mention is placed by binary
// search, so that the lists cost the mentions, not mentions times
// windows.
func overlayLists(ms []Mention, ws [][]Span) [][]int32 {
	lists := make([][]int32, len(ws))
	for i := range ms {
		m := &ms[i]
		if m.Kind != KindCountry && m.Kind != KindPlace && m.Kind != KindDate {
			continue
		}
		k := sort.Search(len(ws), func(k int) bool { w := ws[k]; return w[len(w)-1].End > m.Span.Start })
		for ; k < len(ws) && ws[k][0].Start < m.Span.End; k++ {
			lists[k] = append(lists[k], int32(i))
		}
	}
	for k := range lists {
		if lists[k] == nil {
			lists[k] = []int32{} // none: not nil, which overlay reads as all
		}
	}
	return lists
}
