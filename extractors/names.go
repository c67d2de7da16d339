package extractors

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"

	"communique/gazetteer"
)

// ProseNames finds people named without a title where a meeting is told:
// "the Minister met with Antonia Fuentes to discuss ...". The rule-based
// Persons extractor anchors names on titles and honorifics; this one asks
// prose's named-entity model for candidate names, but only in sentences
// that tell of a meeting and where Persons found nobody after the meeting
// word, so the model's cost (about 10 µs a token) is paid on a handful of
// sentences, not on every document. prose reads "Saudi Arabia" as a
// person and "MOIS" as a place, so a candidate must look like a personal
// name: two to five capitalized words, none a country, an office, a
// portfolio or a body's word, and not overlapping another mention.
//
// It runs after Persons. The model is loaded once, on first use, and is
// only read after that, so ProseNames is safe for concurrent use.
type ProseNames struct{}

// maxProseCalls bounds the model's work on one document: the first
// meeting sentence that needs it.
const maxProseCalls = 1

var (
	proseModel     *prose.Model
	proseModelOnce sync.Once
)

func model() *prose.Model {
	proseModelOnce.Do(func() {
		d, err := prose.NewDocument("Load the model.", prose.WithSegmentation(false))
		if err == nil {
			proseModel = d.Model
		}
	})
	return proseModel
}

// Preload loads what the extractors would otherwise load on the first
// document that needs it (prose's model: half a second; the city table:
// a tenth of a second), so that a run can pay for it on an idle core
// while its first documents are read. It is safe to call at any time,
// from any goroutine, more than once.
func Preload() {
	gazetteer.FindCities("")
	model()
}

// Extract returns person mentions for untitled names in meeting sentences.
func (ProseNames) Extract(d *Doc) []Mention {
	// The meeting clauses first: most documents have none, and the
	// mentions are then indexed only where clauses are.
	var buf [4]meetClause
	clauses := buf[:0]
	for si, sp := range d.Sentences {
		if d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		ws := d.sentenceWords(si)
		vi, vj, ok := meetPh.find(ws)
		if !ok || vj >= len(ws) {
			continue
		}
		// The counterpart follows "with" right after the meeting word;
		// the clause runs to the next comma or stop, twelve words at most.
		w := vj
		for w < len(ws) && w < vj+4 && ws[w].s != "with" {
			w++
		}
		if w >= len(ws) || ws[w].s != "with" {
			continue
		}
		end := sp.Start + ws[min(len(ws)-1, w+12)].end
		if k := strings.IndexAny(d.Text[sp.Start+ws[w].end:end], ",.;:("); k >= 0 {
			end = sp.Start + ws[w].end + k
		}
		clauses = append(clauses, meetClause{sent: sp, verb: sp.Start + ws[vi].start, with: sp.Start + ws[w].end, end: end})
	}
	if len(clauses) == 0 {
		return nil
	}
	ix := indexSpans(mentionsIn(d.Mentions, clauses))
	var out []Mention
	calls := 0
	for _, c := range clauses {
		if d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		sp := c.sent
		if ix.hasKind(Span{c.verb, sp.End}, KindPerson) || !capitalizedRun(d, ix, Span{c.with, c.end}) {
			continue // Persons found the counterpart, or nothing reads as a name
		}
		// The model reads the meeting word and the "with" clause: enough
		// context to label a name, a dozen words to pay for.
		after := Span{c.verb, c.end}
		if calls++; calls > maxProseCalls {
			break
		}
		m := model()
		if m == nil {
			return nil
		}
		clause := d.Text[after.Start:sp.End]
		pd, err := prose.NewDocument(clause, prose.WithSegmentation(false), prose.UsingModel(m))
		if err != nil {
			continue
		}
		from := 0
		for _, e := range pd.Entities() {
			if e.Label != "PERSON" {
				continue
			}
			i := strings.Index(clause[from:], e.Text)
			if i < 0 {
				continue
			}
			start := after.Start + from + i
			from += i + len(e.Text)
			span := Span{start, start + len(e.Text)}
			if !personLike(e.Text) || afterArticle(d.Text[:span.Start]) || ix.overlaps(span) || overlapsAny(out, span) {
				continue
			}
			out = append(out, Mention{Kind: KindPerson, Span: span, Text: e.Text, Value: e.Text})
		}
	}
	return out
}

// meetClause is a sentence that tells of a meeting "with" someone: the
// sentence, where its meeting word starts, where "with" ends and where
// the clause after it ends.
type meetClause struct {
	sent            Span
	verb, with, end int
}

// mentionsIn returns the spans and kinds of the mentions that touch the
// sentence of a clause (cs, in text order): the only ones Extract asks
// about, as its spans lie in those sentences. Only what the index keeps
// is copied, not the mentions: in a programme of meetings they are most
// of the document's.
func mentionsIn(ms []Mention, cs []meetClause) []kindSpan {
	var in []kindSpan
	lo, hi := cs[0].sent.Start, cs[len(cs)-1].sent.End
	for i := range ms {
		m := &ms[i]
		if m.Span.End < lo || m.Span.Start > hi {
			continue // before the first sentence or after the last
		}
		if len(cs) > 1 {
			// the first sentence that ends at or after the mention's start
			k := sort.Search(len(cs), func(k int) bool { return cs[k].sent.End >= m.Span.Start })
			if k == len(cs) || cs[k].sent.Start > m.Span.End {
				continue
			}
		}
		in = append(in, kindSpan{m.Span, m.Kind})
	}
	return in
}

// personLike reports whether a candidate reads as a personal name.
func personLike(s string) bool {
	ws := strings.Fields(s)
	if len(ws) < 2 || len(ws) > 5 {
		return false
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		lw := strings.ToLower(strings.Trim(w, ".,"))
		if !unicode.IsUpper(r) || gazetteer.IsTitleWord(lw) || gazetteer.IsPortfolioWord(w) || gazetteer.IsHonorific(lw) {
			return false
		}
		if _, ok := gazetteer.Lookup(w); ok {
			return false
		}
		for _, c := range w {
			if unicode.IsDigit(c) {
				return false
			}
		}
	}
	if _, ok := gazetteer.Lookup(s); ok {
		return false
	}
	return true
}

// afterArticle reports whether the text before a candidate ends in an
// article or "of": "the Two Holy Mosques" is not a person.
func afterArticle(before string) bool {
	ws := strings.Fields(strings.ToLower(before[max(0, len(before)-12):]))
	if len(ws) == 0 {
		return false
	}
	switch ws[len(ws)-1] {
	case "the", "a", "an", "of", "two", "three":
		return true
	}
	return false
}

// capitalizedRun reports whether s holds two or more capitalized words in
// a row outside other mentions: the shape of a name, worth asking the
// model about.
func capitalizedRun(d *Doc, ix *spanIndex, s Span) bool {
	run := 0
	for _, w := range lowerWords(d.Text[s.Start:s.End]) {
		orig := d.Text[s.Start+w.start : s.Start+w.end]
		r, _ := utf8.DecodeRuneInString(orig)
		if unicode.IsUpper(r) && !gazetteer.IsTitleWord(w.s) && !gazetteer.IsPortfolioWord(orig) &&
			!gazetteer.IsHonorific(w.s) && !ix.overlaps(Span{s.Start + w.start, s.Start + w.end}) {
			run++
			if run >= 2 {
				return true
			}
			continue
		}
		run = 0
	}
	return false
}

func overlapsAny(ms []Mention, s Span) bool {
	for _, m := range ms {
		if m.Span.Overlaps(s) {
			return true
		}
	}
	return false
}
