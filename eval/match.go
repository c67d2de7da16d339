package eval

import (
	"sort"
	"strings"
)

// honorifics are the name tokens name matching ignores.
var honorifics = set("h.e.", "he", "his", "her", "highness", "excellency", "royal",
	"mr", "mrs", "ms", "dr", "prof", "prince", "princess", "sheikh",
	"sheikha", "hon", "honourable", "honorable", "sir", "dame")

// stopWords are the title tokens gathering matching ignores.
var stopWords = set("the", "of", "on", "and", "for", "in", "a", "an", "to", "at", "with")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// nameTokens are the folded words of a person's name without honorifics,
// in order and with repeats: punctuation other than ' and - is a space, -
// is a space, a possessive 's before a space goes.
func nameTokens(v any) []string {
	s := blankUnless(fold(v), "'-")
	s = strings.ReplaceAll(s, "-", " ")
	s = strings.ReplaceAll(s, "'s ", " ")
	var toks []string
	for _, t := range split(s) {
		if !honorifics[t] {
			toks = append(toks, t)
		}
	}
	return toks
}

// nameMatch scores a predicted name against a gold one: 2 when their token
// sets are equal, 1 when one is a sub-name of the other sharing at least
// two tokens (one when the gold name has one), 0 otherwise or when either
// has no tokens.
func nameMatch(gold, pred any) int {
	g, p := set(nameTokens(gold)...), set(nameTokens(pred)...)
	if len(g) == 0 || len(p) == 0 {
		return 0
	}
	common := 0
	for t := range g {
		if p[t] {
			common++
		}
	}
	switch {
	case common == len(g) && common == len(p):
		return 2
	case (common == len(g) || common == len(p)) && common >= min(2, len(g)):
		return 1
	}
	return 0
}

// titleTokens are the folded words of a gathering's name without stop
// words: every character but word characters, spaces and - is a space, and
// so is -.
func titleTokens(v any) []string {
	s := strings.ReplaceAll(blankUnless(fold(v), "-"), "-", " ")
	var toks []string
	for _, t := range split(s) {
		if !stopWords[t] {
			toks = append(toks, t)
		}
	}
	return toks
}

// gatheringMatch reports whether a predicted gathering name matches a gold
// one: the distinct title tokens they share are at least 60% of the gold's
// and 50% of the prediction's.
func gatheringMatch(gold, pred any) bool {
	g, p := set(titleTokens(gold)...), set(titleTokens(pred)...)
	if len(g) == 0 || len(p) == 0 {
		return false
	}
	common := 0
	for t := range g {
		if p[t] {
			common++
		}
	}
	return float64(common)/float64(len(g)) >= 0.6 && float64(common)/float64(len(p)) >= 0.5
}

// align pairs gold records with predictions greedily, one to one. Golds are
// taken required first (a stable sort on their "optional" value), each
// choosing among the unused predictions, in order, the first with the
// highest score match(g, p) > 0. A matched required gold is a true
// positive and a pair; a matched optional gold absorbs its prediction
// without counting; an unmatched required gold is a false negative and an
// unused prediction a false positive, each logged as "  FN KIND: ..." or
// "  FP KIND: ..." (FNs first, then FPs in prediction order).
func align(golds, preds []*object, match func(g, p *object) int, log func(string),
	kind string, describe func(*object) string, miss func(missed bool, x *object)) (tp, fp, fn int, pairs [][2]*object) {
	keys := make([]any, len(golds))
	for i, g := range golds {
		keys[i] = g.getOr("optional", false)
	}
	used := make([]bool, len(preds))
	for _, gi := range sortedOrder(keys) {
		g := golds[gi]
		best, bscore := -1, 0
		for pi, p := range preds {
			if used[pi] {
				continue
			}
			if s := match(g, p); s > bscore {
				best, bscore = pi, s
			}
		}
		optional := truthy(g.get("optional"))
		switch {
		case best >= 0:
			used[best] = true
			if !optional {
				tp++
				pairs = append(pairs, [2]*object{g, preds[best]})
			}
		case !optional:
			fn++
			log("  FN " + kind + ": " + describe(g))
			if miss != nil {
				miss(true, g)
			}
		}
	}
	for pi, p := range preds {
		if !used[pi] {
			fp++
			log("  FP " + kind + ": " + describe(p))
			if miss != nil {
				miss(false, p)
			}
		}
	}
	return tp, fp, fn, pairs
}

// counter is a collections.Counter over hashable JSON values: it keeps each
// value as first added and the order values were first added in.
type counter struct {
	order []string
	items map[string]*count
}

type count struct {
	v any
	n int
}

func (c *counter) add(v any, n int) {
	k := hashKey(v)
	if e, ok := c.items[k]; ok {
		e.n += n
		return
	}
	if c.items == nil {
		c.items = make(map[string]*count)
	}
	c.order = append(c.order, k)
	c.items[k] = &count{v, n}
}

// update is Counter.update(other).
func (c *counter) update(other *counter) {
	for _, k := range other.order {
		e := other.items[k]
		c.add(e.v, e.n)
	}
}

// mostCommon is most_common(1)[0][0]: the most frequent value, the first
// added among ties; nil when the counter is empty.
func (c *counter) mostCommon() any {
	var best *count
	for _, k := range c.order {
		if e := c.items[k]; best == nil || e.n > best.n {
			best = e
		}
	}
	if best == nil {
		return nil
	}
	return best.v
}

// personsFromMentions returns one predicted person per distinct name among
// the person mentions (value, else text, stripped), as objects with name,
// rank and country. Longer names come first; a name whose token set is a
// proper subset of an earlier kept one folds into it. Rank and country are
// the most frequent over the name and everything folded into it.
func personsFromMentions(ments []*object) []*object {
	type entry struct {
		name             string
		ranks, countries counter
	}
	var names []*entry
	byName := map[string]*entry{}
	for _, m := range ments {
		if !pyEqual(m.get("kind"), "person") {
			continue
		}
		n := strip(mustStr(or(m.get("value"), m.get("text"), ""), "str.strip"))
		if n == "" {
			continue
		}
		e := byName[n]
		if e == nil {
			e = &entry{name: n}
			byName[n] = e
			names = append(names, e)
		}
		if truthy(m.get("rank")) {
			e.ranks.add(m.get("rank"), 1)
		}
		if truthy(m.get("country")) {
			e.countries.add(m.get("country"), 1)
		}
	}
	// sorted(key=-len(name_tokens)): most tokens (repeats count) first, stable.
	order := make([]int, len(names))
	ntoks := make([]int, len(names))
	toks := make([]map[string]bool, len(names))
	for i, e := range names {
		t := nameTokens(e.name)
		order[i], ntoks[i], toks[i] = i, len(t), set(t...)
	}
	sort.SliceStable(order, func(a, b int) bool { return ntoks[order[a]] > ntoks[order[b]] })
	var kept []int
	for _, i := range order {
		host := -1
		for _, k := range kept {
			if len(toks[i]) > 0 && properSubset(toks[i], toks[k]) {
				host = k
				break
			}
		}
		if host >= 0 {
			names[host].ranks.update(&names[i].ranks)
			names[host].countries.update(&names[i].countries)
		} else {
			kept = append(kept, i)
		}
	}
	out := make([]*object, len(kept))
	for j, i := range kept {
		e := names[i]
		out[j] = newObject("name", e.name, "rank", e.ranks.mostCommon(), "country", e.countries.mostCommon())
	}
	return out
}

func properSubset(a, b map[string]bool) bool {
	if len(a) >= len(b) {
		return false
	}
	for t := range a {
		if !b[t] {
			return false
		}
	}
	return true
}
