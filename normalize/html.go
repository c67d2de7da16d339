package normalize

import (
	"path/filepath"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// isHTMLName reports whether a file name's extension says HTML.
func isHTMLName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return true
	}
	return false
}

// looksHTML sniffs decoded text for markup at its start, as a browser
// would for a document served without a type.
func looksHTML(s string) bool {
	t := strings.TrimLeft(s[:min(len(s), 1024)], " \t\r\n\f\ufeff")
	if !strings.HasPrefix(t, "<") {
		return false
	}
	lt := strings.ToLower(t[:min(len(t), 16)])
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<title",
		"<div", "<p>", "<p ", "<table", "<h1", "<article", "<section", "<?xml", "<main", "<header", "<nav"} {
		if strings.HasPrefix(lt, p) {
			return true
		}
	}
	return false
}

// hnode is an element of the parsed page.
type hnode struct {
	a         atom.Atom
	name      string // for elements without an atom
	parent    int
	hard      bool // script, style, nav, hidden...: never text
	soft      bool // header, footer, form, chrome classes: text unless it holds the story
	inLink    bool
	inPre     bool
	article   bool // an article or main element, or role=main
	textLen   int  // text bytes in the subtree outside hard-dropped elements
	linkLen   int  // of which inside links
	links     int  // a elements in the subtree
	pScore    int  // text of the paragraphs directly inside
	cells     int  // table cells opened so far, for a tr
	dropped   bool // hard- or soft-dropped, itself or an ancestor
	forced    bool // the headline: kept wherever it is
	keep      bool
	inArticle bool
}

type itemKind uint8

const (
	itemText itemKind = iota
	itemOpen
	itemClose
	itemBreak // <br>
)

type hitem struct {
	kind       itemKind
	node       int
	start, end int
}

// page is a tokenized HTML document.
type page struct {
	s     string
	nodes []hnode
	items []hitem
	title int // the <title> element, or -1
}

var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Param: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true, atom.Keygen: true,
}

// hardDrop elements never hold article text.
var hardDrop = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Select: true, atom.Option: true, atom.Button: true, atom.Input: true,
	atom.Textarea: true, atom.Audio: true, atom.Video: true, atom.Map: true, atom.Nav: true,
	atom.Aside: true, atom.Menu: true, atom.Dialog: true, atom.Datalist: true, atom.Frameset: true,
	atom.Noframes: true, atom.Noembed: true,
}

// softDrop elements are page chrome unless they hold the story.
var softDrop = map[atom.Atom]bool{atom.Header: true, atom.Footer: true, atom.Form: true}

// chromeClasses are class and id words of chrome blocks.
var chromeClasses = wordSet(`
nav
navbar
navigation
menu
menubar
gnb
lnb
snb
topmenu
breadcrumb
breadcrumbs
sidebar
skip
skipnav
share
sharing
social
sns
cookie
cookies
banner
footer
masthead
toolbar
utility
util
topbar
pagination
pager
related
lang
language
`)

// paraBreak elements are separated by a blank line, lineBreak elements
// start a new line.
var paraBreak = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Table: true, atom.Blockquote: true, atom.Pre: true,
	atom.Figure: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true,
	atom.Footer: true, atom.Address: true, atom.Hr: true, atom.Title: true, atom.Form: true,
	atom.Fieldset: true, atom.Details: true, atom.Aside: true, atom.Nav: true,
}

var lineBreak = map[atom.Atom]bool{
	atom.Div: true, atom.Li: true, atom.Tr: true, atom.Dt: true, atom.Dd: true, atom.Caption: true,
	atom.Figcaption: true, atom.Center: true, atom.Summary: true, atom.Legend: true, atom.Body: true,
	atom.Html: true,
}

// paragraphish elements are parts of a text block, not containers.
var paragraphish = map[atom.Atom]bool{
	atom.P: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Figure: true, atom.Figcaption: true, atom.Center: true,
	atom.Address: true,
}

// closesP are start tags that close an open <p>.
var closesP = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true, atom.Div: true,
	atom.Dl: true, atom.Fieldset: true, atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true,
	atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Table: true, atom.Ul: true, atom.Li: true, atom.Dd: true, atom.Dt: true,
	atom.Figure: true, atom.Details: true,
}

var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Cite: true,
	atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true, atom.Font: true, atom.I: true,
	atom.Kbd: true, atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true, atom.Small: true,
	atom.Span: true, atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true,
	atom.Var: true, atom.Strike: true, atom.Big: true, atom.Tt: true, atom.Label: true, atom.Nobr: true,
}

// maxDepth bounds element nesting, and with it every walk up the tree.
const maxDepth = 128

// parsePage tokenizes s with the x/net/html tokenizer and rebuilds the
// element tree with the parser's main implied-end-tag rules (a block start
// closes an open <p>, <li> closes <li>, cells and rows close their
// siblings). The tokenizer's raw bytes partition the input, which gives
// every text token its byte offsets.
func parsePage(s string) *page {
	p := &page{s: s, title: -1}
	p.nodes = append(p.nodes, hnode{parent: -1})
	stack := []int{0}
	z := html.NewTokenizer(strings.NewReader(s))
	off := 0
	closeTo := func(k int) { // pop stack[k:]
		for len(stack) > k {
			n := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			p.items = append(p.items, hitem{kind: itemClose, node: n, start: off})
		}
	}
	// find returns the stack index of the nearest open element matching,
	// not looking past a barrier element.
	find := func(match func(*hnode) bool, barrier func(*hnode) bool) int {
		for k := len(stack) - 1; k > 0; k-- {
			n := &p.nodes[stack[k]]
			if match(n) {
				return k
			}
			if barrier != nil && barrier(n) {
				return -1
			}
		}
		return -1
	}
	isA := func(as ...atom.Atom) func(*hnode) bool {
		return func(n *hnode) bool {
			for _, a := range as {
				if n.a == a {
					return true
				}
			}
			return false
		}
	}
	notInline := func(n *hnode) bool { return !inline[n.a] }
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := off
		off += len(raw)
		switch tt {
		case html.TextToken:
			p.items = append(p.items, hitem{kind: itemText, node: stack[len(stack)-1], start: start, end: off})
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Br {
				p.items = append(p.items, hitem{kind: itemBreak, start: start})
				continue
			}
			if closesP[a] {
				if k := find(isA(atom.P), notInline); k > 0 {
					closeTo(k)
				}
			}
			switch a {
			case atom.Li:
				if k := find(isA(atom.Li), isA(atom.Ul, atom.Ol, atom.Menu)); k > 0 {
					closeTo(k)
				}
			case atom.Dt, atom.Dd:
				if k := find(isA(atom.Dt, atom.Dd), isA(atom.Dl)); k > 0 {
					closeTo(k)
				}
			case atom.Td, atom.Th:
				if k := find(isA(atom.Td, atom.Th), isA(atom.Tr, atom.Table)); k > 0 {
					closeTo(k)
				}
			case atom.Tr:
				if k := find(isA(atom.Tr), isA(atom.Table)); k > 0 {
					closeTo(k)
				}
			}
			n := hnode{a: a, parent: stack[len(stack)-1]}
			if a == 0 {
				n.name = string(name)
			}
			n.hard = hardDrop[a]
			n.soft = softDrop[a]
			n.article = a == atom.Article || a == atom.Main
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "hidden":
					n.hard = true
				case "aria-hidden":
					n.hard = n.hard || strings.EqualFold(string(v), "true")
				case "style":
					sv := strings.ReplaceAll(strings.ToLower(string(v)), " ", "")
					n.hard = n.hard || strings.Contains(sv, "display:none") || strings.Contains(sv, "visibility:hidden")
				case "role":
					switch strings.ToLower(string(v)) {
					case "navigation", "search", "menu", "menubar", "complementary":
						n.hard = true
					case "banner", "contentinfo":
						n.soft = true
					case "main", "article":
						n.article = true
					}
				case "class", "id":
					for _, w := range strings.FieldsFunc(strings.ToLower(string(v)), func(r rune) bool {
						return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
					}) {
						if chromeClasses[w] {
							n.soft = true
						}
					}
				}
			}
			if len(stack) >= maxDepth && !voidElements[a] {
				continue // too deep: the element's content joins its parent
			}
			idx := len(p.nodes)
			p.nodes = append(p.nodes, n)
			if a == atom.Title && p.title < 0 {
				p.title = idx
			}
			p.items = append(p.items, hitem{kind: itemOpen, node: idx, start: start})
			if voidElements[a] || tt == html.SelfClosingTagToken && a != atom.Script {
				p.items = append(p.items, hitem{kind: itemClose, node: idx, start: off})
				continue
			}
			stack = append(stack, idx)
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Br {
				p.items = append(p.items, hitem{kind: itemBreak, start: start})
				continue
			}
			k := find(func(n *hnode) bool { return n.a == a && (a != 0 || n.name == string(name)) }, nil)
			if k > 0 {
				closeTo(k)
			} else if a == atom.P {
				p.items = append(p.items, hitem{kind: itemBreak, start: start})
			}
		}
	}
	closeTo(1)
	return p
}

// extractHTML returns the article text of an HTML page: script, style,
// navigation, asides, forms, menus and hidden elements are dropped, and so
// are headers, footers and chrome-classed blocks that do not hold the
// story; the text comes from the <article> or <main> element, or else the
// block with the most paragraph text, when one holds a fair share of the
// page; the <h1> (or, without one, the <title> up to a " | " site suffix)
// is kept as its own line wherever it sits. Entities are decoded; p, div,
// h1-h6, li, tr, br and other blocks end lines, paragraphs are separated
// by blank lines, and table cells by tabs.
func extractHTML(s string) stage {
	p := parsePage(s)
	p.measure()
	root := p.chooseRoot()
	p.markKept(root)
	return p.emit()
}

func (p *page) measure() {
	for i := 1; i < len(p.nodes); i++ {
		n := &p.nodes[i]
		par := &p.nodes[n.parent]
		n.hard = n.hard || par.hard
		n.inLink = n.a == atom.A || par.inLink
		n.inPre = n.a == atom.Pre || n.a == atom.Textarea || par.inPre
		n.inArticle = par.article || par.inArticle
	}
	for i := len(p.nodes) - 1; i > 0; i-- {
		n := &p.nodes[i]
		if n.a == atom.A {
			n.links++
		}
		p.nodes[n.parent].links += n.links
	}
	for _, it := range p.items {
		if it.kind != itemText || p.nodes[it.node].hard {
			continue
		}
		l := len(strings.TrimSpace(p.s[it.start:it.end]))
		if l == 0 {
			continue
		}
		link := p.nodes[it.node].inLink
		// Credit the paragraph container: the nearest enclosing block
		// that is not itself a paragraph, heading or list.
		blk := it.node
		for blk > 0 && (inline[p.nodes[blk].a] || paragraphish[p.nodes[blk].a]) {
			blk = p.nodes[blk].parent
		}
		if !link {
			p.nodes[blk].pScore += l
		}
		for n := it.node; n >= 0; n = p.nodes[n].parent {
			p.nodes[n].textLen += l
			if link {
				p.nodes[n].linkLen += l
			}
		}
	}
}

// chooseRoot picks the element the text comes from: the largest article
// or main element holding a quarter of the page's text, else the block
// with the most paragraph text when it holds half of it (widened to its
// ancestors while they add at most 200 bytes or a quarter more prose, to
// take in the headline and date), else the page.
func (p *page) chooseRoot() int {
	total := p.nodes[0].textLen
	root, best := 0, 0
	for i := 1; i < len(p.nodes); i++ {
		n := &p.nodes[i]
		if n.article && !n.hard && n.textLen > best {
			root, best = i, n.textLen
		}
	}
	if best*4 < total {
		root, best = 0, 0
		for i := 1; i < len(p.nodes); i++ {
			if n := &p.nodes[i]; !n.hard && n.pScore > best {
				root, best = i, n.pScore
			}
		}
		if best*2 < total-p.nodes[0].linkLen {
			root = 0
		}
		// The densest block often leaves out the headline and date
		// around it: widen it while that adds little prose.
		for root > 0 {
			par := p.nodes[root].parent
			own := p.nodes[root].textLen - p.nodes[root].linkLen
			extra := p.nodes[par].textLen - p.nodes[par].linkLen - own
			if par == 0 || extra > max(200, own/4) {
				break
			}
			root = par
		}
	}
	// Soft-dropped chrome is dropped unless it holds the root or half the
	// page's text.
	for i := 1; i < len(p.nodes); i++ {
		n := &p.nodes[i]
		if n.soft && n.a == atom.Header && n.inArticle {
			n.soft = false
		}
		if n.soft && (n.textLen*2 >= total || p.isAncestor(i, root)) {
			n.soft = false
		}
	}
	// The headline: the first h1 in the root, else the first one on the
	// page; the root grows to take it in when that adds little text.
	h1 := -1
	for i := 1; i < len(p.nodes); i++ {
		if n := &p.nodes[i]; n.a == atom.H1 && !n.hard && n.textLen > 0 {
			if p.isAncestor(root, i) {
				h1 = i
				break
			}
			if h1 < 0 {
				h1 = i
			}
		}
	}
	if h1 >= 0 && !p.isAncestor(root, h1) {
		l := p.lca(h1, root)
		if p.nodes[l].textLen <= p.nodes[root].textLen*13/10+300 {
			root = l
		}
	}
	if h1 >= 0 {
		p.nodes[h1].forced = true
	} else if p.title >= 0 {
		p.nodes[p.title].forced = true
	}
	return root
}

func (p *page) isAncestor(a, n int) bool {
	for ; n >= 0; n = p.nodes[n].parent {
		if n == a {
			return true
		}
	}
	return false
}

func (p *page) lca(a, b int) int {
	for n := a; n >= 0; n = p.nodes[n].parent {
		if p.isAncestor(n, b) {
			return n
		}
	}
	return 0
}

// markKept decides which elements' text is emitted. A link-heavy list or
// block (three or more links' worth, 60% of its text in links) is a menu.
func (p *page) markKept(root int) {
	inRoot := make([]bool, len(p.nodes))
	forced := make([]bool, len(p.nodes))
	inRoot[root] = true
	forced[0] = p.nodes[0].forced
	for i := 1; i < len(p.nodes); i++ {
		n := &p.nodes[i]
		par := &p.nodes[n.parent]
		inRoot[i] = inRoot[n.parent] || i == root
		forced[i] = n.forced || forced[n.parent]
		menu := false
		switch n.a {
		case atom.Ul, atom.Ol, atom.Dl, atom.Div, atom.Section, atom.Table, atom.Td, atom.P:
			menu = n.linkLen*10 >= n.textLen*6 && n.linkLen >= 3*12 && n.links >= 3
		}
		n.dropped = par.dropped || n.hard || n.soft || menu
		hard := n.hard && !(n.a == atom.Title || forced[i] && !hardDrop[n.a])
		n.keep = !hard && (forced[i] || inRoot[i] && !n.dropped)
	}
	p.nodes[0].keep = root == 0
}

// htmlEmitter writes the kept text with collapsed white space and the
// breaks that blocks call for.
type htmlEmitter struct {
	b       *builder
	s       string
	brk     int  // pending line breaks: 1 new line, 2 blank line
	tab     bool // pending cell separator
	space   int  // offset of pending white space, -1 for none
	started bool
}

func (p *page) emit() stage {
	e := &htmlEmitter{b: newBuilder(len(p.s) / 2), s: p.s, space: -1}
	for _, it := range p.items {
		switch it.kind {
		case itemBreak:
			// A <br> in dropped chrome adds at most a break before the
			// next kept text, where breaks collapse anyway.
			e.brk = min(e.brk+1, 2)
			e.space = -1
		case itemOpen, itemClose:
			n := &p.nodes[it.node]
			if !n.keep {
				continue
			}
			switch {
			case paraBreak[n.a] || n.forced:
				e.brk = 2
			case lineBreak[n.a]:
				e.brk = max(e.brk, 1)
			case (n.a == atom.Td || n.a == atom.Th) && it.kind == itemOpen:
				if tr := n.parent; p.nodes[tr].a == atom.Tr {
					if p.nodes[tr].cells > 0 {
						e.tab = true
					}
					p.nodes[tr].cells++
				}
			}
			if n.brkRelevant() {
				e.space = -1
			}
		case itemText:
			n := &p.nodes[it.node]
			if !n.keep {
				continue
			}
			end := it.end
			if p.title >= 0 && it.node == p.title {
				// The title is one RCDATA text token.
				if cut := siteSuffix(p.s[it.start:it.end]); cut >= 0 {
					end = it.start + cut
				}
			}
			e.text(it.start, end, n.inPre)
		}
	}
	return e.b.stage()
}

func (n *hnode) brkRelevant() bool { return paraBreak[n.a] || lineBreak[n.a] }

// siteSuffix returns where a " | Site name" suffix starts in a title, or
// -1 when there is none or the part before has fewer than 3 words.
func siteSuffix(t string) int {
	i := strings.Index(t, " | ")
	if i < 0 || len(strings.Fields(t[:i])) < 3 {
		return -1
	}
	return i
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func (e *htmlEmitter) flush(at int) {
	switch {
	case !e.started:
	case e.brk > 0:
		e.b.put("\n\n"[:e.brk], at)
	case e.tab:
		e.b.put("\t", at)
	case e.space >= 0:
		if e.s[e.space] == ' ' {
			e.b.copy(e.s, e.space, e.space+1)
		} else {
			e.b.put(" ", e.space)
		}
	}
	e.brk, e.tab, e.space, e.started = 0, false, -1, true
}

// text emits raw text s[i:j], decoding entities; outside pre, white
// space runs collapse to one space.
func (e *htmlEmitter) text(i, j int, pre bool) {
	s := e.s
	for k := i; k < j; {
		c := s[k]
		if !pre && isHTMLSpace(c) {
			if e.space < 0 {
				e.space = k
			}
			k++
			continue
		}
		e.flush(k)
		m := k
		for m < j && s[m] != '&' && (pre || !isHTMLSpace(s[m])) {
			m++
		}
		e.b.copy(s, k, m)
		if m < j && s[m] == '&' {
			n := entityLen(s[m:j])
			e.b.put(html.UnescapeString(s[m:m+n]), m)
			e.b.consumed(m + n)
			m += n
		}
		k = m
	}
}

// entityLen returns the length of the character reference starting at
// s[0] == '&': "&#123;", "&#x1F;", "&name;" (the ";" optional), or 1.
func entityLen(s string) int {
	i := 1
	if i < len(s) && s[i] == '#' {
		i++
		hex := i < len(s) && (s[i] == 'x' || s[i] == 'X')
		if hex {
			i++
		}
		for i < len(s) && i < 12 && (s[i] >= '0' && s[i] <= '9' || hex && (s[i]|0x20 >= 'a' && s[i]|0x20 <= 'f')) {
			i++
		}
	} else {
		for i < len(s) && i < 40 && (s[i]|0x20 >= 'a' && s[i]|0x20 <= 'z' || s[i] >= '0' && s[i] <= '9') {
			i++
		}
	}
	if i < len(s) && s[i] == ';' {
		i++
	}
	return i
}
