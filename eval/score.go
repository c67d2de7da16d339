package eval

import (
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
)

// Score scores the tables under outDir against the gold files
// goldDir/*.json, as score.py does, and returns the figures. Each gold
// document is compared with the rows that share its doc_id; documents
// without gold are ignored.
//
// It returns an error when there is no gold file, when a file cannot be
// read or a line is not a JSON object, and where score.py would stop with
// an exception (a gold file without doc_id, a name that is not a string).
func Score(goldDir, outDir string) (rep *Report, err error) {
	where := outDir // the input being scored, for errors
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(pyError)
			if !ok {
				panic(r)
			}
			rep, err = nil, fmt.Errorf("eval: %s: %w", where, e)
		}
	}()

	var tables [3][]*object
	for i, name := range []string{"documents", "events", "mentions"} {
		if tables[i], err = loadTable(outDir, name); err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
	}
	paths, err := glob(goldDir, "*.json")
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("eval: no gold files in %s (want one DOC_ID.json per document: see docs/gold.md)", goldDir)
	}

	s := &scorer{
		docs:   map[string]*object{},
		events: byDoc(tables[1]),
		ments:  byDoc(tables[2]),
		prf:    map[string]*PRF{},
		acc:    map[string]*Acc{},
	}
	for _, d := range tables[0] {
		s.docs[hashKey(d.get("doc_id"))] = d
	}
	for _, k := range kinds {
		s.prf[k] = &PRF{}
	}
	for _, k := range attributes {
		s.acc[k] = &Acc{}
	}
	for _, path := range paths {
		where = path
		g, err := loadGold(path)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		s.document(g)
	}

	rep = &Report{PRF: map[string]PRF{}, Acc: map[string]Acc{}, Docs: len(paths), Misses: s.lines, Records: s.misses}
	var sum float64
	for _, k := range kinds {
		rep.PRF[k] = *s.prf[k]
		sum += rep.PRF[k].F1()
	}
	for _, k := range attributes {
		rep.Acc[k] = *s.acc[k]
	}
	for _, k := range headline {
		sum += rep.Acc[k].V()
	}
	rep.Quality = sum / float64(len(kinds)+len(headline))
	return rep, nil
}

// scorer accumulates the figures over gold documents.
type scorer struct {
	docs          map[string]*object   // by hashKey(doc_id); the last row wins
	events, ments map[string][]*object // by hashKey(doc_id), in row order
	prf           map[string]*PRF
	acc           map[string]*Acc
	lines         []string // the verbose report
	doc           string   // the document being scored
	misses        []Miss
}

// align is align, recording each record missed or spurious for the
// current document.
func (s *scorer) align(golds, preds []*object, match func(g, p *object) int, log func(string),
	kind string, describe func(*object) string) (tp, fp, fn int, pairs [][2]*object) {
	return align(golds, preds, match, log, kind, describe, func(missed bool, x *object) {
		m := Miss{DocID: s.doc, Kind: kind, Missed: missed, Record: describe(x)}
		if id, ok := x.get("event_id").(string); ok && !missed {
			m.EventID = id
		}
		s.misses = append(s.misses, m)
	})
}

func byDoc(rows []*object) map[string][]*object {
	m := map[string][]*object{}
	for _, r := range rows {
		k := hashKey(r.get("doc_id"))
		m[k] = append(m[k], r)
	}
	return m
}

// document scores one gold document G, in score.py's order of checks.
func (s *scorer) document(G *object) {
	docID := G.must("doc_id")
	s.doc = pyStr(docID)
	key := hashKey(docID)
	var out []string
	log := func(line string) { out = append(out, line) }
	D := s.docs[key]
	if D == nil {
		log("  document row missing")
		D = newObject()
	}
	E, M := s.events[key], s.ments[key]
	etype := func(t string) []*object {
		var es []*object
		for _, e := range E {
			if pyEqual(e.get("event_type"), t) {
				es = append(es, e)
			}
		}
		return es
	}

	s.metadata(G, D, E, M, log)
	s.countries(G, M, log)
	s.persons(G, M, log)
	s.visits(G, etype("visit"), log)
	s.meetings(G, etype("meeting"), log)
	s.agreements(G, etype("agreement"), log)
	s.gatherings(G, etype("gathering"), log)
	s.rankings(G, etype("ranking"), log)

	if len(out) > 0 {
		s.lines = append(s.lines, pyStr(docID)+":")
		s.lines = append(s.lines, out...)
	}
}

// agreements matches on the counterpart country, then checks span and
// status.
func (s *scorer) agreements(G *object, pa []*object, log func(string)) {
	tp, fp, fn, pairs := s.align(goldRecords(G, "agreements"), pa,
		func(g, p *object) int { return b2i(pyEqual(g.must("country"), p.get("counterpart_country"))) },
		log, "agreement", func(x *object) string {
			return pyStr(or(x.get("country"), x.get("counterpart_country"))) + " " + pyStr(x.get("status"))
		})
	s.prf["agreements"].add(tp, fp, fn)
	s.datesStatus(pairs, log)
}

// gatherings matches names with gatheringMatch, then checks span and
// status.
func (s *scorer) gatherings(G *object, pg []*object, log func(string)) {
	tp, fp, fn, pairs := s.align(goldRecords(G, "gatherings"), pg,
		func(g, p *object) int { return b2i(gatheringMatch(g.must("name"), or(p.get("name"), ""))) },
		log, "gathering", func(x *object) string {
			return pyStr(x.get("name")) + " (" + pyStr(x.get("country")) + ")"
		})
	s.prf["gatherings"].add(tp, fp, fn)
	s.datesStatus(pairs, log)
}

// rankings matches on country and position, and on year where gold has one.
func (s *scorer) rankings(G *object, pr []*object, log func(string)) {
	tp, fp, fn, _ := s.align(goldRecords(G, "rankings"), pr,
		func(g, p *object) int {
			return b2i(pyEqual(g.must("country"), p.get("country")) &&
				pyEqual(g.must("rank"), p.get("rank_position")) &&
				(g.get("year") == nil || pyEqual(g.must("year"), p.get("rank_year"))))
		},
		log, "ranking", func(x *object) string {
			return fmt.Sprintf("%s #%s %s %s", pyStr(x.get("country")),
				pyStr(x.getOr("rank", x.get("rank_position"))),
				pyStr(or(x.get("index"), x.get("name"))),
				pyStr(x.getOr("year", x.get("rank_year"))))
		})
	s.prf["rankings"].add(tp, fp, fn)
}

func (c *PRF) add(tp, fp, fn int) {
	c.TP += tp
	c.FP += fp
	c.FN += fn
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// goldRecords is G.get(key, []) for a list of records.
func goldRecords(G *object, key string) []*object {
	return records(G.getOr(key, []any{}))
}

// metadata checks the published date (to the minute when gold has a time,
// else to the day), the title (folded, spaces collapsed) and garbling
// (garbled_chars > 0 as gold says, and no Devanagari or U+FFFD left in
// mention texts or evidence when gold says garbled).
func (s *scorer) metadata(G, D *object, E, M []*object, log func(string)) {
	gp, pp := G.get("published"), D.get("published")
	var ok bool
	switch {
	case gp == nil:
		ok = pp == nil
	case pyContains(gp, "T"):
		ok = pyEqual(pySlice(or(pp, ""), 16), pySlice(gp, 16))
	default:
		ok = pyEqual(pySlice(or(pp, ""), 10), pySlice(gp, 10))
	}
	s.acc["published"].add(ok)
	if !ok {
		log("  published: gold " + pyStr(gp) + " got " + pyStr(pp))
	}

	ok = strings.Join(split(fold(G.get("title"))), " ") == strings.Join(split(fold(D.get("title"))), " ")
	s.acc["title"].add(ok)
	if !ok {
		log("  title: got " + pyRepr(D.get("title")))
	}

	gc := or(D.get("garbled_chars"), json.Number("0"))
	ok = positive(gc) == truthy(G.get("garbled"))
	if truthy(G.get("garbled")) {
		leftover := false
		for _, m := range M {
			leftover = garbledScript(mustStr(or(m.get("text"), ""), "re.search")) || leftover
		}
		for _, e := range E {
			leftover = garbledScript(mustStr(or(e.get("evidence_text"), ""), "re.search")) || leftover
		}
		ok = ok && !leftover
	}
	s.acc["garbled"].add(ok)
	if !ok {
		log("  garbled: gold " + pyStr(G.get("garbled")) + " garbled_chars " + pyStr(gc))
	}
}

// positive is Python's v > 0 for a number.
func positive(v any) bool {
	n, ok := toNumber(v)
	if !ok {
		raise("TypeError: '>' not supported between instances of '%s' and 'int'", typeName(v))
	}
	c, ok := cmpNumbers(n, number{i: new(big.Int), isInt: true})
	return ok && c > 0
}

// countries matches the gold countries against the distinct values of the
// country mentions, sorted.
func (s *scorer) countries(G *object, M []*object, log func(string)) {
	var golds []*object
	for _, c := range pyIter(G.getOr("countries", []any{})) {
		golds = append(golds, newObject("c", c))
	}
	var vals []any
	seen := map[string]bool{}
	for _, m := range M {
		if v := m.get("value"); pyEqual(m.get("kind"), "country") && truthy(v) {
			if k := hashKey(v); !seen[k] {
				seen[k] = true
				vals = append(vals, v)
			}
		}
	}
	var preds []*object
	for _, i := range sortedOrder(vals) {
		preds = append(preds, newObject("c", vals[i]))
	}
	tp, fp, fn, _ := s.align(golds, preds,
		func(g, p *object) int { return b2i(pyEqual(g.must("c"), p.must("c"))) },
		log, "country", func(x *object) string { return pyStr(x.must("c")) })
	s.prf["countries"].add(tp, fp, fn)
}

// persons matches gold persons by name against the persons of the person
// mentions, then checks rank and country of each pair; a person not found
// counts as a wrong rank and country.
func (s *scorer) persons(G *object, M []*object, log func(string)) {
	tp, fp, fn, pairs := s.align(goldRecords(G, "persons"), personsFromMentions(M),
		func(g, p *object) int { return nameMatch(g.must("name"), p.must("name")) },
		log, "person", func(x *object) string {
			return pyStr(x.must("name")) + " (" + pyStr(x.get("rank")) + ", " + pyStr(x.get("country")) + ")"
		})
	s.prf["persons"].add(tp, fp, fn)
	for range fn {
		s.acc["person_rank"].add(false)
		s.acc["person_country"].add(false)
	}
	for _, gp := range pairs {
		g, p := gp[0], gp[1]
		ok := pyEqual(g.get("rank"), p.get("rank"))
		s.acc["person_rank"].add(ok)
		if !ok {
			log("  rank: " + pyStr(g.must("name")) + " gold " + pyStr(g.get("rank")) + " got " + pyStr(p.get("rank")))
		}
		ok = pyEqual(g.get("country"), p.get("country"))
		s.acc["person_country"].add(ok)
		if !ok {
			log("  person country: " + pyStr(g.must("name")) + " gold " + pyStr(g.get("country")) + " got " + pyStr(p.get("country")))
		}
	}
}

// visits matches on country and exact span, or one of the gold's
// alt_spans (other readings the text allows); a gold visit with no dates
// matches on country and traveller. Pairs check the traveller and status.
func (s *scorer) visits(G *object, pv []*object, log func(string)) {
	match := func(g, p *object) int {
		if !pyEqual(g.must("country"), p.get("country")) {
			return 0
		}
		if g.get("start") == nil {
			return b2i(nameMatch(or(g.get("actor"), ""), or(p.get("actor_name"), "")) > 0)
		}
		if pyEqual(g.get("start"), p.get("start_date")) && pyEqual(g.get("end"), p.get("end_date")) {
			return 1
		}
		alts, _ := g.get("alt_spans").([]any)
		for _, a := range alts {
			if l, ok := a.([]any); ok && len(l) == 2 && pyEqual(l[0], p.get("start_date")) && pyEqual(l[1], p.get("end_date")) {
				return 1
			}
		}
		return 0
	}
	describe := func(x *object) string {
		start, end := datesOf(x)
		return pyStr(x.get("country")) + " " + pyStr(start) + ".." + pyStr(end) + " " +
			pyStr(or(x.get("actor"), x.get("actor_name"), ""))
	}
	tp, fp, fn, pairs := s.align(goldRecords(G, "visits"), pv, match, log, "visit", describe)
	s.prf["visits"].add(tp, fp, fn)
	for _, gp := range pairs {
		g, p := gp[0], gp[1]
		if truthy(g.get("actor")) {
			s.acc["visit_actor"].add(nameMatch(g.must("actor"), or(p.get("actor_name"), "")) > 0)
		}
		if truthy(g.get("status")) {
			s.acc["status"].add(pyEqual(g.must("status"), p.get("status")))
		}
	}
}

// datesOf is the span of a gold (start, end) or predicted (start_date,
// end_date) record.
func datesOf(x *object) (start, end any) {
	start, end = x.get("start_date"), x.get("end_date")
	if x.has("start") {
		start = x.get("start")
	}
	if x.has("end") {
		end = x.get("end")
	}
	return start, end
}

// meetings matches gold meetings against one item per counterpart: each
// named participant of a meeting event (distinct by name tokens), or the
// counterpart country of an event without named participants (distinct by
// country).
func (s *scorer) meetings(G *object, events []*object, log func(string)) {
	var pm []*object
	seen := map[string]bool{}
	for _, e := range events {
		var named []*object
		for _, x := range records(or(e.get("participants"), []any{})) {
			if truthy(x.get("name")) {
				named = append(named, x)
			}
		}
		for _, x := range named {
			if k := "t" + strings.Join(nameTokens(x.must("name")), "\x00"); !seen[k] {
				seen[k] = true
				pm = append(pm, newObject("name", x.must("name"), "country", or(x.get("country"), e.get("counterpart_country")), "event_id", e.get("event_id")))
			}
		}
		if len(named) == 0 {
			if k := "c" + hashKey(e.get("counterpart_country")); !seen[k] {
				seen[k] = true
				pm = append(pm, newObject("name", nil, "country", e.get("counterpart_country"), "event_id", e.get("event_id")))
			}
		}
	}
	match := func(g, p *object) int {
		if truthy(g.get("counterpart")) {
			return nameMatch(g.must("counterpart"), or(p.must("name"), ""))
		}
		return b2i(truthy(g.get("country")) && pyEqual(g.must("country"), p.get("country")))
	}
	tp, fp, fn, _ := s.align(goldRecords(G, "meetings"), pm, match, log, "meeting", func(x *object) string {
		return pyStr(or(x.get("counterpart"), x.get("name"))) + " (" + pyStr(x.get("country")) + ")"
	})
	s.prf["meetings"].add(tp, fp, fn)
}

// datesStatus checks, on matched agreements and gatherings, the span where
// gold has a start and the status where gold has one.
func (s *scorer) datesStatus(pairs [][2]*object, log func(string)) {
	for _, gp := range pairs {
		g, p := gp[0], gp[1]
		if truthy(g.get("start")) {
			ok := pyEqual(p.get("start_date"), g.get("start")) && pyEqual(p.get("end_date"), g.get("end"))
			s.acc["event_dates"].add(ok)
			if !ok {
				log(fmt.Sprintf("  dates: %s gold %s..%s got %s..%s", pyStr(or(g.get("name"), g.get("country"))),
					pyStr(g.get("start")), pyStr(g.get("end")), pyStr(p.get("start_date")), pyStr(p.get("end_date"))))
			}
		}
		if truthy(g.get("status")) {
			ok := pyEqual(g.must("status"), p.get("status"))
			s.acc["status"].add(ok)
			if !ok {
				log("  status: " + pyStr(or(g.get("name"), g.get("country"))) + " gold " + pyStr(g.must("status")) + " got " + pyStr(p.get("status")))
			}
		}
	}
}
