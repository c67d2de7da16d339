package extractors

import (
	"cmp"
	"slices"
	"sort"
	"strings"

	"communique/gazetteer"
)

// evidenceAt says how the person whose anchor starts at token a relates
// to the publishing government.
func (p *entParser) evidenceAt(a int, rp *rawPerson) (personEvidence, string) {
	tkA := &p.t[a]
	// in the headline
	if ts := p.d.Meta.TitleSpan; ts.End > ts.Start && tkA.start >= ts.Start && tkA.start < ts.End {
		return evHome, ""
	}
	// "(MOIS, Minister Chin Young)", "(Minister Kim)"
	k := a - 1
	if k >= 0 && p.lows[k] == "," && k-1 >= 0 && p.t[k-1].caps {
		k -= 2
		for k >= 0 && p.t[k].caps {
			k--
		}
	}
	if k >= 0 && p.lows[k] == "(" && p.same(k, a) {
		if k == 0 || !p.foreignOrgBefore(k) {
			return evHome, ""
		}
	}
	// The nearest clause stop before the name in its sentence: a meeting
	// cue, or a quote or a speech verb, which closes the clause the name
	// is in ("... stand with the people affected,' says Minister X").
	cue := false
	if a < len(p.t) && p.t[a].kind != ptBreak {
		st := p.clauseStops(a)
		if j := below(st.toks, a); j > 0 {
			cue = st.cue[j-1]
		}
	}
	local, unplaced := false, false
	for _, c := range rp.cands {
		switch c.rank {
		case gazetteer.RankMayor, gazetteer.RankCouncillor, gazetteer.RankGovernor:
			local = true
			unplaced = unplaced || c.hasComp && len(c.countries) == 0 && !slices.ContainsFunc(c.places, func(pl string) bool { return pl != "-" })
		}
	}
	if unplaced {
		// "Mayor of Aalborg": a place the gazetteer does not know. A
		// country in the same sentence ties it to one, or one the context
		// names as a place ("visited Denmark"); not the demonym of another
		// person's title ("Malaysian Vice Minister"): none is better than
		// that guess.
		if c := p.sentenceCountry(a); c != "" {
			return evContext, c
		}
		return evContext, p.placeContextCountry(tkA.start)
	}
	if local && p.homePlaceAfter(rp.end) {
		return evHome, "" // "Councillor X of Goa, India": a local official at home
	}
	if !cue && !local {
		// the first official named, as a subject
		first := true
		for _, r := range p.raw {
			if len(r.cands) > 0 {
				first = false
				break
			}
		}
		if first && len(rp.cands) > 0 {
			return evHome, ""
		}
		return evNone, ""
	}
	if c := p.contextCountry(tkA.start); c != "" {
		return evContext, c
	}
	return evNone, ""
}

// stopList holds the tokens of a sentence, up to where it has been read,
// that are a quote, a speech verb or a meeting cue, in order; cue is set
// for a meeting cue.
type stopList struct {
	read int // the tokens before read are listed; 0: none read yet
	toks []int32
	cue  []bool
}

// clauseStops returns the stopList of the sentence of token a, read up to
// a: each token of a sentence is read once, however many names it holds.
func (p *entParser) clauseStops(a int) *stopList {
	s := p.t[a].sent
	for n := len(p.stops); n <= s; n++ {
		if n < cap(p.stops) {
			p.stops = p.stops[:n+1]
			old := &p.stops[n] // a list of an earlier document: its slices reused
			*old = stopList{toks: old.toks[:0], cue: old.cue[:0]}
		} else {
			p.stops = append(p.stops, stopList{})
		}
	}
	st := &p.stops[s]
	k := st.read
	if k == 0 {
		for k = a; k > 0 && p.t[k-1].sent == s; k-- { // the sentence's start
		}
	}
	for ; k < a; k++ {
		if low := p.lows[k]; p.is(k, wfSpeechVerb) || low == "'" || low == "\"" {
			st.toks, st.cue = append(st.toks, int32(k)), append(st.cue, false)
		} else if p.is(k, wfMeetCue) {
			st.toks, st.cue = append(st.toks, int32(k)), append(st.cue, true)
		}
	}
	st.read = max(st.read, k)
	return st
}

// homePlaceAfter reports whether the name ending at token e goes on with
// "of <Place>, <the publisher's country>": "Councillor X of Goa, India".
func (p *entParser) homePlaceAfter(e int) bool {
	if p.home == "" || e >= len(p.t) || p.lows[e] != "of" {
		return false
	}
	k := e + 1
	for k < len(p.t) && k < e+5 && p.same(e, k) && p.t[k].kind == ptWord && p.t[k].capital && p.ctry(k) == "" {
		k++
	}
	return k > e+1 && k+1 < len(p.t) && p.lows[k] == "," && p.same(e, k+1) && p.ctry(k+1) == p.home
}

// companionOf returns the raw person that the person anchored at token a
// accompanies: the first person of the sentence when "accompanied by" or
// "joined by" stands between them ("DPM Bounthavy was accompanied by Vice
// Minister ..."), or -1.
func (p *entParser) companionOf(a int) int {
	if a >= len(p.t) || p.t[a].kind == ptBreak {
		return -1
	}
	s := p.t[a].sent
	if s >= len(p.rawsBySent) {
		return -1
	}
	for _, ri := range p.rawsBySent[s] { // the persons of a's sentence
		r := p.raw[ri]
		if r.start >= a {
			continue
		}
		if p.joinCueIn(r.end, a) {
			return int(ri)
		}
		return -1
	}
	return -1
}

// joinCueIn reports whether "accompanied", "accompanying" or "joined" is
// among tokens [s, e).
func (p *entParser) joinCueIn(s, e int) bool {
	if !p.joinCuesDone {
		p.joinCuesDone = true
		for k, low := range p.lows[:len(p.t)] {
			switch low {
			case "accompanied", "accompanying", "joined":
				p.joinCues = append(p.joinCues, int32(k))
			}
		}
	}
	return count(p.joinCues, s, e) > 0
}

// foreignOrgBefore reports whether the organization right before the
// bracket at token k names a foreign country.
func (p *entParser) foreignOrgBefore(k int) bool {
	for _, g := range p.orgs {
		if g.end == k || g.end == k-1 {
			return g.country != "" && g.country != p.home
		}
	}
	return false
}

// contextCountry returns the last foreign country mentioned before byte
// offset off, within a few paragraphs.
func (p *entParser) contextCountry(off int) string {
	i := sort.Search(len(p.countries), func(i int) bool { return p.countries[i].Span.Start >= off })
	for i--; i >= 0; i-- {
		m := p.countries[i]
		if off-m.Span.Start > 3000 {
			break
		}
		iso := m.Value
		if iso == "" {
			iso = m.Country
		}
		if iso != "" && iso != p.home {
			return iso
		}
	}
	// none before: the first one later in the paragraph. The text is
	// searched for the paragraph's end only as far as the countries
	// looked at, not to the end of a document on one line for each name.
	at := off // no line break in p.text[off:at]
	for i := sort.Search(len(p.countries), func(i int) bool { return p.countries[i].Span.Start >= off }); i < len(p.countries); i++ {
		m := p.countries[i]
		if strings.IndexByte(p.text[at:m.Span.Start], '\n') >= 0 {
			break
		}
		at = m.Span.Start
		if iso := m.Value; iso != "" && iso != p.home {
			return iso
		}
	}
	return ""
}

// placeContextCountry returns the last foreign country mentioned before
// byte offset off, within a few paragraphs, outside the titles and names
// of the persons found so far: a country named as a place of the story,
// not another official's; or "".
func (p *entParser) placeContextCountry(off int) string {
	i := sort.Search(len(p.countries), func(i int) bool { return p.countries[i].Span.Start >= off })
	for i--; i >= 0 && off-p.countries[i].Span.Start <= 3000; i-- {
		m := p.countries[i]
		iso := m.Value
		if iso == "" {
			iso = m.Country
		}
		if iso == "" || iso == p.home {
			continue
		}
		k := sort.Search(len(p.t), func(k int) bool { return p.t[k].end > m.Span.Start })
		if k < len(p.t) && p.taken[k] {
			continue
		}
		return iso
	}
	return ""
}

// sentenceCountry returns the foreign country mentioned in the sentence of
// token a: the last before it, else the first after it; or "".
func (p *entParser) sentenceCountry(a int) string {
	s, e := a, a
	for s > 0 && p.t[s-1].sent == p.t[a].sent {
		s--
	}
	for e < len(p.t) && p.t[e].sent == p.t[a].sent {
		e++
	}
	before, after := "", ""
	for k := s; k < e; k++ {
		c := p.ctry(k)
		if c == "" || c == p.home || k > s && p.t[k-1].cty == p.t[k].cty {
			continue
		}
		if k < a {
			before = c
		} else if after == "" {
			after = c
		}
	}
	if before != "" {
		return before
	}
	return after
}

// ---- resolving persons ----

type personCluster struct {
	value string
	keys  []string
	raws  []int
	forms []string // lower-case name forms seen anchored, each once
	title string
	rank  string
	org   string
	ctry  string
	// byDefault is set when ctry is the home country for want of evidence
	byDefault bool
	// byContext is set when ctry is a country of the context (the last
	// foreign country named before a person met), not of the title
	byContext bool
}

// resolve groups the names of pass 1 into persons, gives each its
// attributes, finds the other occurrences of their names and appends the
// mentions to dst in text order.
func (p *entParser) resolve(dst []Mention) []Mention {
	if len(p.raw) == 0 {
		return dst
	}
	p.trimHeadlineNames()
	// Longest names first: shorter forms join the person whose name holds
	// them.
	p.ints = grow(p.ints[:0], 2*len(p.raw))[:2*len(p.raw)]
	order, owner := p.ints[:len(p.raw)], p.ints[len(p.raw):]
	for i := range order {
		order[i] = i
	}
	keys, keyForms := rawNameKeys(p.raw, &p.nameKeys)
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(keys[b]), len(keys[a])) })
	// the clusters, in one block that does not move: a name makes at most
	// one
	if cap(p.clusters) < len(p.raw) {
		p.clusters = make([]personCluster, 0, len(p.raw))
	}
	p.clusters = p.clusters[:0]
	cls := p.clsPtrs[:0]
	// the clusters holding each key, in the order made (p.keyLists[i] for
	// the key of index i in byKey): a name is compared only with the
	// clusters that hold its first key
	if p.byKey == nil {
		p.byKey = map[string]int32{}
	}
	byKey := p.byKey
	p.keyLists = p.keyLists[:0]
	var all []int32
	for _, ri := range order {
		r := p.raw[ri]
		best := -1
		var cands []int32
		if len(keys[ri]) > 0 {
			if ki, ok := byKey[keys[ri][0]]; ok {
				cands = p.keyLists[ki]
			}
		} else {
			for len(all) < len(cls) {
				all = append(all, int32(len(all)))
			}
			cands = all[:len(cls)]
		}
		for _, ci32 := range cands {
			ci := int(ci32)
			c := cls[ci]
			if !keysSubset(keys[ri], c.keys) {
				continue
			}
			if best < 0 {
				best = ci
				continue
			}
			// several persons hold this form: the same rank, then the one
			// named last before it
			if p.clusterRank(c) == rawRank(r) && p.clusterRank(cls[best]) != rawRank(r) {
				best = ci
			} else if p.lastBefore(c, r.start) > p.lastBefore(cls[best], r.start) {
				best = ci
			}
		}
		if best < 0 {
			p.clusters = p.clusters[:len(p.clusters)+1]
			c := &p.clusters[len(p.clusters)-1]
			*c = personCluster{value: r.value, keys: keys[ri], raws: c.raws[:0], forms: c.forms[:0]}
			cls = append(cls, c)
			best = len(cls) - 1
			for i, k := range keys[ri] {
				if !slices.Contains(keys[ri][:i], k) {
					p.addKeyCluster(k, best)
				}
			}
		}
		cls[best].raws = append(cls[best].raws, ri)
		owner[ri] = best
		if r.anchored || len(keys[ri]) > 1 {
			if f := keyForms[ri]; f != "" {
				if !slices.Contains(cls[best].forms, f) {
					cls[best].forms = append(cls[best].forms, f)
				}
			} else if !slices.ContainsFunc(cls[best].forms, func(f string) bool { return joinedIs(f, keys[ri]) }) {
				cls[best].forms = append(cls[best].forms, strings.Join(keys[ri], " "))
			}
		}
	}
	p.clsPtrs = cls
	for _, c := range cls {
		p.attributes(c)
	}
	// a member of a delegation is of the country of the one it accompanies
	for _, c := range cls {
		if !c.byDefault {
			continue
		}
		for _, ri := range c.raws {
			if comp := p.raw[ri].companion; comp >= 0 && cls[owner[comp]] != c && cls[owner[comp]].ctry != "" {
				c.ctry = cls[owner[comp]].ctry
				c.byDefault = cls[owner[comp]].byDefault
				break
			}
		}
	}
	n := len(dst)
	dst = slices.Grow(dst, 2*len(p.raw)) // pass2 finds about as many as pass1
	for ri, r := range p.raw {
		dst = append(dst, p.mention(r.start, r.end, cls[owner[ri]]))
	}
	dst = p.pass2(dst, cls)
	slices.SortStableFunc(dst[n:], func(a, b Mention) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	return dst
}

// trimHeadlineNames cuts a name read in a title-case headline that runs
// into the headline's words ("Minister Kim Hong-kyun Champions Ties",
// "Secretary Villareal Pushes for ...") to a name the body gives
// ("Kim Hong-kyun", "Villareal"), unless the words cut belong to a longer
// name of the body ("Lee Sang-min" is not cut to "Lee").
func (p *entParser) trimHeadlineNames() {
	// the names outside headlines by their first word, found on first
	// need: a headline's name is compared with those that share its first
	// word, not with every name
	var body map[string][]int
	inBody := map[string]bool{} // inBodyName by the words of o and w
	for i := range p.raw {
		r := &p.raw[i]
		if r.end-r.start < 2 || !p.headline(r.start) {
			continue
		}
		if body == nil {
			body = map[string][]int{}
			for j, o := range p.raw {
				if !p.headline(o.start) && o.end > o.start {
					body[p.lows[o.start]] = append(body[p.lows[o.start]], j)
				}
			}
		}
		// the longest name of the body that the headline's starts with
		best := 0
		for n := r.end - r.start - 1; n > 0 && best == 0; n-- {
			for _, j := range body[p.lows[r.start]] {
				o := p.raw[j]
				same := o.end-o.start == n
				for k := 0; k < n && same; k++ {
					same = p.lows[r.start+k] == p.lows[o.start+k]
				}
				if !same || p.t[r.start+n].joined {
					continue
				}
				w := p.lows[r.start+n]
				ik := p.wordsKey(o.start, o.end) + "\x00\x00" + w
				in, ok := inBody[ik]
				if !ok {
					in = p.inBodyName(o, w)
					inBody[ik] = in
				}
				if in {
					continue
				}
				// cut to a short form only before a headline verb ("Pushes",
				// "Meets"): "Yoon Suk Yeol" is not cut to "Yoon"
				if p.units(o.start, o.end) < 2 && (!strings.HasSuffix(w, "s") || p.unitEnd(r.start+n) > r.start+n+1) {
					continue
				}
				best = n
				break
			}
		}
		// "Secretary Villareal Pushes ..." when the body has "Antonio B.
		// Villareal": the first word of the headline's name is a word of a
		// body name, the next a headline verb that is in none. Only in the
		// document's title: in a table row in title case, "Minister ...
		// Žygimantas Stankevičius" is a full name that shares its given
		// name with another ("Žygimantas Šimkus").
		ts := p.d.Meta.TitleSpan
		inTitle := ts.End > ts.Start && p.t[r.start].start >= ts.Start && p.t[r.start].start < ts.End
		if u := p.unitEnd(r.start); best == 0 && inTitle && u < r.end && u == r.start+1 && strings.HasSuffix(p.lows[u], "s") &&
			p.unitEnd(u) == u+1 {
			for _, b := range p.raw {
				if b.end-b.start > 1 && !p.headline(b.start) && p.hasWord(b, p.lows[r.start]) && !p.hasWord(b, p.lows[u]) {
					best = 1
					break
				}
			}
		}
		if best > 0 {
			r.end = r.start + best
			r.value = p.canonical(r.start, r.end)
		}
	}
}

// wordsKey joins the lower-case words of tokens [s, e): equal words, equal
// keys.
func (p *entParser) wordsKey(s, e int) string {
	return strings.Join(p.lows[s:e], "\x00")
}

// hasWord reports whether the name of b has the lower-case word w.
func (p *entParser) hasWord(b rawPerson, w string) bool {
	for k := b.start; k < b.end; k++ {
		if p.lows[k] == w {
			return true
		}
	}
	return false
}

// inBodyName reports whether a name outside the headline holds all the
// words of o and the word w too.
func (p *entParser) inBodyName(o rawPerson, w string) bool {
	for _, b := range p.raw {
		if p.headline(b.start) {
			continue
		}
		ok := false
		for k := b.start; k < b.end; k++ {
			if p.lows[k] == w {
				ok = true
			}
		}
		for k := o.start; k < o.end && ok; k++ {
			found := false
			for q := b.start; q < b.end; q++ {
				found = found || p.lows[q] == p.lows[k]
			}
			ok = found
		}
		if ok {
			return true
		}
	}
	return false
}

// units counts the hyphen groups in tokens [s, e).
func (p *entParser) units(s, e int) int {
	n := 0
	for k := s; k < e; k++ {
		if !p.t[k].joined {
			n++
		}
	}
	return n
}

func rawRank(r rawPerson) string {
	for _, c := range r.cands {
		if c.isOffice {
			return c.rank
		}
	}
	return ""
}

func (p *entParser) clusterRank(c *personCluster) string {
	for _, ri := range c.raws {
		if r := rawRank(p.raw[ri]); r != "" {
			return r
		}
	}
	return ""
}

func (p *entParser) lastBefore(c *personCluster, tok int) int {
	last := -1
	for _, ri := range c.raws {
		if s := p.raw[ri].start; s < tok && s > last {
			last = s
		}
	}
	return last
}

// attributes chooses a person's title, rank, org and country.
func (p *entParser) attributes(c *personCluster) {
	var best *personCand
	bestScore := -1
	royal, honRank := false, ""
	explicit := ""
	for _, ri := range c.raws {
		r := &p.raw[ri]
		for k := range r.cands {
			cd := &r.cands[k]
			if !cd.isOffice {
				if explicit == "" && len(cd.countries) > 0 {
					explicit = cd.countries[0]
				}
				if cd.rank == gazetteer.RankRoyal {
					royal = true
				} else if cd.rank != "" && honRank == "" {
					honRank = cd.rank
				}
				continue
			}
			if cd.rank == "" {
				// a position that is no public office ("the Patriarch
				// of Georgia") still names its country
				if explicit == "" && len(cd.countries) > 0 {
					explicit = cd.countries[0]
				}
				continue
			}
			// the most specific title ("Minister of State for AI" over
			// "Minister"), then the more senior office, then one that
			// names its country; but any rank of its own beats the
			// catch-all official's ("Ambassador X, U.S. Chief Negotiator
			// for ..." is an ambassador)
			score := countFields(cd.title)*10000 + gazetteer.Seniority(cd.rank)*100
			if len(cd.countries) > 0 {
				score += 10
			}
			if cd.rank != gazetteer.RankOfficial {
				score += 1 << 24
			}
			if score > bestScore {
				best, bestScore = cd, score
			}
			if explicit == "" && len(cd.countries) > 0 {
				explicit = cd.countries[0]
			}
		}
	}
	// country
	switch {
	case best != nil && len(best.countries) > 0:
		c.ctry = best.countries[0]
	case explicit != "":
		c.ctry = explicit
	default:
		for _, ri := range c.raws {
			for _, cd := range p.raw[ri].cands {
				for _, pl := range cd.places {
					if c.ctry == "" && pl != "-" {
						c.ctry = pl
					}
				}
			}
		}
	}
	if c.ctry == "" {
		ev, ctx := evNone, ""
		for _, ri := range c.raws {
			r := p.raw[ri]
			if r.ev > ev || r.ev == evContext && ev == evContext && ctx == "" {
				ev = r.ev
				if r.ev == evContext {
					ctx = r.context
				}
			}
		}
		switch {
		case best != nil && best.intl:
			// an official of an international body has no country
		case ev == evContext:
			c.ctry, c.byContext = ctx, ctx != ""
		default:
			c.ctry = p.home
			c.byDefault = true
		}
	}
	switch {
	case best != nil:
		c.title = best.title
		c.rank = p.rankIn(best.title, c.ctry)
		if c.rank == "" || c.rank == gazetteer.RankHeadOfState && best.body || best.ruled {
			c.rank = best.rank
		}
		c.org = best.org
	case royal:
		c.rank = gazetteer.RankRoyal
	case honRank != "":
		c.rank = honRank
	default:
		for _, ri := range c.raws {
			if o := p.raw[ri].optional; o != "" {
				c.rank = o
			}
		}
	}
}

func (p *entParser) mention(s, e int, c *personCluster) Mention {
	sp := Span{p.t[s].start, p.spanEnd(e - 1)}
	return Mention{
		Kind: KindPerson, Span: sp, Text: p.text[sp.Start:sp.End], Value: c.value,
		Title: c.title, Rank: Rank(c.rank), Org: c.org, Country: c.ctry, CountryAssumed: c.byDefault || c.byContext,
	}
}

// pass2 finds the other occurrences of the persons' names: the full name,
// or a form seen with a title ("Calderoli" after "Minister Calderoli"),
// standing alone as a whole name.
func (p *entParser) pass2(out []Mention, cls []*personCluster) []Mention {
	if p.formIdx == nil {
		p.formIdx = map[string]int{}
	}
	forms := p.formIdx
	firsts := p.firsts[:0] // the first words of the forms
	var firstBits wordBits // and their bits, to skip most other words unread
	maxLen := 0
	for ci, c := range cls {
		for _, f := range c.forms {
			if _, dup := forms[f]; dup {
				forms[f] = -1 // ambiguous
				continue
			}
			forms[f] = ci
			n := 0
			for w := range strings.FieldsSeq(f) {
				if n == 0 && !slices.Contains(firsts, w) {
					firsts = append(firsts, w)
					firstBits.add(w)
				}
				n++
			}
			if n > maxLen {
				maxLen = n
			}
		}
	}
	p.firsts = firsts // kept for the next document
	var key []byte
	next := 0 // the tokens before it are read
	// a form starts with a capital: at one of p.heads
	for _, i32 := range p.heads {
		i := int(i32)
		if i < next {
			continue
		}
		if p.d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		tk := &p.t[i]
		if !tk.capital || p.taken[i] || tk.joined {
			continue
		}
		if !firstBits.may(p.lows[i]) || !slices.Contains(firsts, p.lows[i]) {
			continue // no form starts with the word
		}
		if i > 0 && p.same(i-1, i) && p.t[i-1].kind == ptWord && (p.t[i-1].capital || p.is(i-1, wfParticle)) && !p.is(i-1, wfStop) {
			continue
		}
		// the form that starts here and ends a capitalized run
		key = key[:0]
		for j := i; j < len(p.t) && p.same(i, j) && p.t[j].kind == ptWord && j-i < maxLen*2; j++ {
			if p.taken[j] {
				break
			}
			if j > i {
				key = append(key, ' ')
			}
			key = append(key, p.lows[j]...)
			ci, ok := forms[string(key)]
			if !ok && j > i {
				// "Edgars Rinkēvičswill hold": the source lost a space
				if ci, cut, ok := p.gluedForm(key, j, forms); ok {
					m := p.mention(i, j+1, cls[ci])
					m.Span.End, m.Text = cut, p.text[m.Span.Start:cut]
					out = append(out, m)
					p.mark(i, j+1)
					next = j + 1
					break
				}
			}
			if !ok || ci < 0 {
				continue
			}
			e := j + 1
			if e < len(p.t) && p.same(i, e) && p.t[e].kind == ptWord && (p.t[e].capital && !p.is(e, wfStop)) {
				continue
			}
			out = append(out, p.mention(i, e, cls[ci]))
			p.mark(i, e)
			next = e
			break
		}
	}
	return out
}

// lexGlued are the words a source may glue to the name before them by
// losing a space ("Rinkēvičswill hold").
var lexGlued = vocab("name.glued.words")

// gluedForm reports whether key, the lower-case words of tokens from a
// name's first word to token j, is a form of a person's name (in forms)
// with a word of lexGlued glued to its last word, the name going on with
// a lower-case word: "edgars rinkēvičswill" before "hold" when "Edgars
// Rinkēvičs" is a name of the document. It returns the person and the
// byte where the name ends inside token j.
func (p *entParser) gluedForm(key []byte, j int, forms map[string]int) (ci, cut int, ok bool) {
	if k := j + 1; k >= len(p.t) || !p.same(j, k) || p.t[k].kind != ptWord || p.t[k].capital {
		return 0, 0, false
	}
	low := p.lows[j]
	for _, w := range lexGlued {
		if len(low) < len(w)+3 || !strings.HasSuffix(low, w) {
			continue
		}
		orig := p.text[p.t[j].start:p.t[j].end]
		if !strings.EqualFold(orig[len(orig)-len(w):], w) {
			continue
		}
		if ci, ok := forms[string(key[:len(key)-len(w)])]; ok && ci >= 0 {
			return ci, p.t[j].end - len(w), true
		}
	}
	return 0, 0, false
}

// addKeyCluster adds cluster ci to the clusters that hold key k.
func (p *entParser) addKeyCluster(k string, ci int) {
	ki, ok := p.byKey[k]
	if !ok {
		ki = int32(len(p.keyLists))
		p.byKey[k] = ki
		if len(p.keyLists) < cap(p.keyLists) {
			p.keyLists = p.keyLists[:ki+1]
			p.keyLists[ki] = p.keyLists[ki][:0] // a list of an earlier document, reused
		} else {
			p.keyLists = append(p.keyLists, nil)
		}
	}
	p.keyLists[ki] = append(p.keyLists[ki], int32(ci))
}

// joinedIs reports whether f is strings.Join(ws, " ").
func joinedIs(f string, ws []string) bool {
	for i, w := range ws {
		if i > 0 {
			if f == "" || f[0] != ' ' {
				return false
			}
			f = f[1:]
		}
		if !strings.HasPrefix(f, w) {
			return false
		}
		f = f[len(w):]
	}
	return f == ""
}

// wordBits is a set of words by a bit of their first and last bytes and
// length: may(w) is false for most words not added, true for all added.
type wordBits [4]uint64

func wordBit(w string) uint { return (uint(w[0])*7 + uint(w[len(w)-1]) + uint(len(w))*13) & 255 }

// add adds w, not empty.
func (b *wordBits) add(w string) { k := wordBit(w); b[k/64] |= 1 << (k % 64) }

// may reports whether w, not empty, may have been added.
func (b *wordBits) may(w string) bool { k := wordBit(w); return b[k/64]&(1<<(k%64)) != 0 }
