package extractors

import (
	"strconv"
	"strings"
)

// Agreements finds MOUs, agreements, treaties, exchanges of notes and
// programmes signed (occurred), agreed to be signed, renewed later or
// proposed (planned), including past ones cited as background with their
// own date.
//
// An agreement is an agreement noun with a signing word close by ("signed
// a Memorandum of Understanding", "an agreement ..., to be signed"). The
// agreements a sentence tells apart are one record each: several nouns
// ("a Cultural Exchange Agreement was signed, together with an agreement
// for a Credit Line"), a plural with a list of subjects ("agreements on
// extradition, on the transfer of convicted persons and on ..."), a count
// ("witnessing 5 MoU signing ceremonies": five records, which the text
// does not tell apart). A later telling of the same agreement (headline,
// summary, body) merges into the record it repeats: same counterpart and
// status, no other month, no other subject.
//
// The counterpart is the foreign party: a country the sentence names as
// one ("with Malta", "between Germany and Austria", "A-B negotiations",
// "the Kenyan side", "the Ministry of Foreign Affairs of Georgia", a
// sentence's subject or its opening "In Vientiane,"), else the foreign
// officials of the sentence or the one before, else the itinerary
// section's country, else the document's main foreign country. Countries
// named otherwise ("an exchange on the Ukraine conflict, Iraq ...") are
// topics, not parties.
type Agreements struct{}

var (
	agreementPh   = newPhrases(vocab("agreement.nouns")...)
	signPh        = newPhrases(vocab("sign")...)
	plannedSignPh = newPhrases(vocab("sign.planned")...)
	signedPh      = newPhrases(vocab("sign.past")...)
	// partyNouns after a demonym or a possessive make the country a party
	// of the agreement: "the Kenyan side", "Chile's Ministry of ...".
	partyNouns = vocabSet("party.nouns")
	// agreementGeneric are words of agreement titles and subjects that do
	// not tell two agreements apart.
	agreementGeneric = vocabSet("agreement.generic")
	// subjectPreps introduce an agreement's subject: "an agreement on
	// extradition"; subjectEnds end it: "... on border ports and their
	// regimes and to conclude ...".
	subjectPreps = vocabSet("agreement.subject.preps")
	subjectEnds  = vocabSet("agreement.subject.ends")
	// agreementRefPreps before an agreement's title (and its article)
	// make it a reference, not one signed: "under the Paris Agreement".
	agreementRefPreps    = vocabSet("agreement.reference.preps")
	agreementDeterminers = vocabSet("agreement.determiners")
	// demonstratives before an agreement refer back to one told before:
	// "This agreement builds on ...".
	demonstratives = vocabSet("demonstratives")
	// anotherWords before an agreement make it one not told before: "a
	// second Memorandum of Understanding".
	anotherWords   = vocabSet("agreement.another")
	agreementKinds = kindsOf(vocab("agreement.kinds"))
)

// kindsOf reads lines of words that name one kind, the first word naming
// it: "mou memorandum memoranda" maps each word to "mou".
func kindsOf(lines []string) map[string]string {
	m := map[string]string{}
	for _, l := range lines {
		ws := strings.Fields(l)
		for _, w := range ws {
			m[w] = ws[0]
		}
	}
	return m
}

// signWindow is how many words from an agreement noun a signing word may
// stand: "the signing of a Program of consultations", "a Cultural Exchange
// Agreement for the years 2011-13 was signed".
const signWindow = 12

// maxCounted caps the records of a counted agreement ("signed 40 MoUs").
const maxCounted = 10

// agreementItem is one agreement a sentence tells.
type agreementItem struct {
	at      Span   // the agreement noun in Doc.Text
	name    string // its title, or noun and subject
	subject map[string]bool
	status  Status
	// back is set on "this agreement", "these MoUs": a telling of one
	// named before, which adds no record.
	back bool
	// other is set on "a second MOU", "another agreement": not one told
	// before.
	other bool
	kind  string // see agreementKind
}

// agreementRecord is an output record with what later tellings merge by.
type agreementRecord struct {
	ev       Event
	subject  map[string]bool
	kind     string
	sentence int
}

// Events returns d's agreement records.
func (Agreements) Events(d *Doc, c *Frame) []Event {
	var recs []agreementRecord
	docParty, docPartyDone := "", false
	for i := range d.Sentences {
		if d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		if !c.sentenceMay(i, agreementPh) || !c.sentenceMay(i, signPh) && !c.sentenceMay(i, plannedSignPh) {
			continue // the words below find nothing
		}
		text, sp := c.sentence(i)
		ws := c.lowerWords(text)
		if !agreementPh.in(ws) || !(signPh.in(ws) || plannedSignPh.in(ws)) {
			continue
		}
		items := c.agreementItems(text, sp, ws)
		if len(items) == 0 {
			continue
		}
		countries := c.agreementParties(i)
		if len(countries) == 0 && !c.namesOtherParty(text, sp) {
			if !docPartyDone {
				docParty, docPartyDone = c.mainForeignCountry(), true
			}
			if docParty != "" {
				countries = []string{docParty}
			}
		}
		claimed := map[int]bool{} // records this sentence has told again
		for _, it := range items {
			if it.back {
				continue
			}
			dr := c.agreementDate(sp, it.at)
			if dr == nil && it.status == Occurred {
				// Signed with no date of its own: on the day of its
				// sentence or row, else of the visit or talks the text
				// reports before it.
				if dr = c.rowDates(sp); dr == nil {
					dr = c.dayBefore(sp.Start)
				}
			}
			for _, iso := range countries {
				if j := mergeAgreement(recs, iso, it, dr, i, claimed); j >= 0 {
					claimed[j] = true
					r := &recs[j]
					if r.ev.Dates == nil && dr != nil {
						r.ev.Dates = dr
					}
					if len(r.ev.Participants) == 0 {
						r.ev.Participants = c.signatories(sp, iso)
					}
					if len(r.subject) == 0 && len(it.subject) > 0 {
						r.subject, r.ev.Name = it.subject, it.name
					}
					if r.kind == "" {
						r.kind = it.kind
					}
					continue
				}
				claimed[len(recs)] = true
				recs = append(recs, agreementRecord{
					ev: Event{
						Type: Agreement, Status: it.status, Actor: c.Principal, CounterpartCountry: iso,
						Dates: dr, Name: it.name, Evidence: sp, Confidence: 0.75,
						Country: c.countryAt(sp.Start), Participants: c.signatories(sp, iso),
					},
					subject: it.subject, kind: it.kind, sentence: i,
				})
			}
		}
	}
	out := make([]Event, len(recs))
	for k, r := range recs {
		out[k] = r.ev
	}
	return out
}

// mergeAgreement returns the record that item it, told in sentence i with
// counterpart iso and dates dr, tells again, or -1: a record of another
// sentence, not yet told again by this one, with the same counterpart and
// status, dates of the same month (or none), and a subject that shares a
// word (or none).
func mergeAgreement(recs []agreementRecord, iso string, it agreementItem, dr *DateRange, i int, claimed map[int]bool) int {
	if it.other {
		return -1
	}
	for j := range recs {
		r := &recs[j]
		if r.sentence == i || claimed[j] || r.ev.CounterpartCountry != iso || r.ev.Status != it.status {
			continue
		}
		if dr != nil && r.ev.Dates != nil && dr.Start.String()[:7] != r.ev.Dates.Start.String()[:7] {
			continue
		}
		if len(it.subject) > 0 && len(r.subject) > 0 && !sharesWord(it.subject, r.subject) {
			continue
		}
		if it.kind != "" && r.kind != "" && it.kind != r.kind {
			continue // an MOU is not the letter of intent
		}
		return j
	}
	return -1
}

func sharesWord(a, b map[string]bool) bool {
	for w := range a {
		if b[w] {
			return true
		}
	}
	return false
}

// agreementItems returns the agreements sentence sp tells, in order.
func (c *Frame) agreementItems(text string, sp Span, ws []word) []agreementItem {
	// Where the signing words stand, and which say planned or signed.
	var cues []signCue
	for _, p := range []*phrases{signPh, plannedSignPh, signedPh} {
		for k := 0; ; {
			s, e, ok := p.findFrom(ws, k)
			if !ok {
				break
			}
			cues = append(cues, signCue{at: s, end: e, planned: p == plannedSignPh, signed: p == signedPh})
			k = e
		}
	}
	sentStatus := Status("")
	var out []agreementItem
	for k := 0; ; {
		s, e, ok := agreementPh.findFrom(ws, k)
		if !ok {
			break
		}
		k = e
		at := Span{sp.Start + ws[s].start, sp.Start + ws[e-1].end}
		// "agreement to finalise ...": a decision, not a document; and a
		// noun inside a gathering's or organization's name is no
		// agreement of its own.
		// "(MOU)" after the full name is the same agreement.
		if e+1 < len(ws) && ws[e].s == "to" && ws[e+1].s != "be" && !strings.HasSuffix(ws[e-1].s, "s") || c.inName(at) ||
			strings.HasSuffix(strings.TrimRight(text[:ws[s].start], " "), "(") {
			continue
		}
		name, end := agreementNameAt(text, ws[s].start)
		if end < ws[e-1].end { // "an exchange of notes"
			name, end = text[ws[s].start:ws[e-1].end], ws[e-1].end
		}
		nameEnd := e
		for nameEnd < len(ws) && ws[nameEnd].start < end {
			nameEnd++
		}
		ns := s // the first word of the title
		for ns > 0 && ws[ns-1].start >= end-len(name) {
			ns--
		}
		// "under Article 6 of the Paris Agreement" refers to one; "in
		// terms of the General Cooperation Agreement signed by the two
		// countries in 2012" tells of its signing.
		if referenced(ws, ns) && !signedAfter(text, ws, cues, nameEnd) {
			continue
		}
		// A signing word must stand close to the noun; the planned or
		// signed word nearest it says its status ("proposed that the two
		// countries soon sign a Memorandum" is planned), else the
		// sentence's tense does.
		near := false
		best, bestDist := -1, signWindow+1
		for k, q := range cues {
			dist := s - q.end
			if q.at >= s {
				dist = q.at - max(e, nameEnd)
			}
			if dist < 0 || dist > signWindow {
				continue
			}
			near = true
			if q.weight() > 0 && (dist < bestDist || dist == bestDist && q.weight() > cues[best].weight()) {
				best, bestDist = k, dist
			}
		}
		if !near {
			continue
		}
		var status Status
		switch {
		case best >= 0 && cues[best].planned:
			status = Planned
		case best >= 0:
			status = Occurred
		case futurePh.in(ws) && !strongPast(ws):
			status = Planned
		default:
			if sentStatus == "" {
				sentStatus = c.statusOf(text, c.rowDates(sp), c.d.Meta.Published)
			}
			status = sentStatus
		}
		noun := singular(text[ws[s].start:ws[e-1].end])
		subjects := agreementSubjects(text, ws, max(e, nameEnd))
		if strings.HasSuffix(ws[e-1].s, "s") && len(subjects) >= 2 {
			// "agreements on extradition, on the transfer of convicted
			// persons and on ...": one each.
			for _, sub := range subjects {
				out = append(out, agreementItem{at: at, name: noun + " " + sub, subject: contentWords(sub), status: status, kind: agreementKind(ws[s].s)})
			}
			continue
		}
		subject := contentWords(name)
		if len(subjects) > 0 {
			addContentWords(subject, subjects[0])
		}
		// "the agreement" told again in its sentence adds no record.
		if len(out) > 0 && len(subject) == 0 {
			continue
		}
		it := agreementItem{at: at, name: name, subject: subject, status: status, kind: agreementKind(ws[s].s),
			back:  ns > 0 && demonstratives[ws[ns-1].s],
			other: ns > 0 && anotherWords[ws[ns-1].s] || ns > 1 && anotherWords[ws[ns-2].s]}
		n := countBefore(ws, s)
		for range min(max(n, 1), maxCounted) {
			out = append(out, it)
		}
	}
	return out
}

// referenced reports whether the agreement whose title starts at word i
// is only referred to: the object of a preposition ("under Article 6 of
// the Paris Agreement", "in line with the Treaty") that no signing word
// governs ("the signing of", "negotiations on").
func referenced(ws []word, i int) bool {
	k := i
	for k > 0 && agreementDeterminers[ws[k-1].s] {
		k--
	}
	if k == 0 || !agreementRefPreps[ws[k-1].s] {
		return false
	}
	// The preposition ends a signing phrase ("conclusion of",
	// "negotiations on") or follows a signing word ("the signing of").
	for _, p := range []*phrases{signPh, plannedSignPh} {
		for j := max(0, k-4); j < k; j++ {
			if s, e, ok := p.findFrom(ws[:k], j); ok && s == j && (e == k || e == k-1) {
				return false
			}
		}
	}
	return true
}

// signedAfter reports a signed word among cues within eight words after
// a title that ends before word end, in its clause: "the General
// Cooperation Agreement signed by the two countries", not "a second MOU,
// on cooperation under the Paris Agreement, was signed".
func signedAfter(text string, ws []word, cues []signCue, end int) bool {
	for _, q := range cues {
		if q.signed && q.at >= end && q.at < end+8 && !strings.ContainsAny(text[ws[end-1].end:ws[q.at].start], ",;:") {
			return true
		}
	}
	return false
}

// signCue is a signing word of a sentence: neutral ("signing"), planned
// ("to be signed") or signed.
type signCue struct {
	at, end         int // word indexes: the first and the one after the last
	planned, signed bool
}

// weight orders cues at one distance: planned, then signed, then neutral.
func (q signCue) weight() int {
	switch {
	case q.planned:
		return 2
	case q.signed:
		return 1
	}
	return 0
}

// inName reports whether a span lies inside an organization's or a
// gathering's name.
func (c *Frame) inName(s Span) bool {
	for _, o := range c.orgs {
		if o.Contains(s) {
			return true
		}
	}
	for _, g := range c.gatherings {
		if g.Contains(s) {
			return true
		}
	}
	return false
}

// cardinals are the number words that count agreements.
var cardinals = map[string]int{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

// countBefore reads a count just before the agreement noun at word s:
// "5 MoU", "four agreements", "two new bilateral agreements". 0 when none.
func countBefore(ws []word, s int) int {
	for k := s - 1; k >= 0 && k >= s-3; k-- {
		w := ws[k].s
		if n, ok := cardinals[w]; ok {
			return n
		}
		if n, err := strconv.Atoi(w); err == nil && n >= 2 && n <= 100 {
			return n
		}
		if !agreementGeneric[w] {
			return 0
		}
	}
	return 0
}

// agreementSubjects reads the subjects after an agreement noun that ends
// at word e: "on extradition, on the transfer of convicted persons and on
// cooperation between ..." gives three; "on border ports and their
// regimes" one. A comma may stand first (", on climate change,"), or a
// clause between commas (", to be signed,").
func agreementSubjects(text string, ws []word, e int) []string {
	gap := func(k int) string { return text[ws[k-1].end:ws[k].start] }
	k := e
	if k < len(ws) && k > 0 && strings.Contains(gap(k), ",") && !subjectPrep(ws[k].s) {
		k = -1
		for m := e + 1; m < len(ws) && m <= e+4; m++ {
			if strings.Contains(gap(m), ",") && subjectPrep(ws[m].s) {
				k = m
				break
			}
		}
		if k < 0 {
			return nil
		}
	}
	if k >= len(ws) || !subjectPrep(ws[k].s) {
		return nil
	}
	prep := ws[k].s
	var out []string
	start := k
	for m := k + 1; m <= len(ws); m++ {
		end := m == len(ws) || strings.ContainsAny(gap(m), ";:.()") || m-start > 12 ||
			subjectEnds[ws[m].s] || phraseAt0(agreementPh, ws, m) || phraseAt0(signPh, ws, m) || phraseAt0(plannedSignPh, ws, m)
		next := !end && ws[m].s == prep && (strings.Contains(gap(m), ",") || ws[m-1].s == "and" || ws[m-1].s == "or")
		if !end && !next && strings.Contains(gap(m), ",") && ws[m].s != "and" && ws[m].s != "or" {
			end = true
		}
		if end || next {
			last := m
			for last > start+1 && (ws[last-1].s == "and" || ws[last-1].s == "or") {
				last--
			}
			out = append(out, text[ws[start].start:ws[last-1].end])
			if end {
				break
			}
			start = m
		}
	}
	return out
}

func subjectPrep(w string) bool { return subjectPreps[w] }

// phraseAt0 reports whether a phrase of p starts at word i.
func phraseAt0(p *phrases, ws []word, i int) bool {
	if ws[i].starts&p.bit == 0 {
		return false
	}
	s, _, ok := p.findFrom(ws[:min(len(ws), i+8)], i)
	return ok && s == i
}

// contentWords returns the words of a title or subject that tell it from
// others: lower-case, without joiners and generic words.
func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	addContentWords(out, s)
	return out
}

// addContentWords adds the content words of s to set.
func addContentWords(set map[string]bool, s string) {
	for _, w := range lowerWords(s) {
		if isJoiner(w.s) || agreementGeneric[w.s] || agreementPh.in([]word{w}) || len(w.s) < 3 {
			continue
		}
		set[w.s] = true
	}
}

// agreementKind returns the kind of document an agreement noun's first
// word names ("mou" for "Memorandum", "intent" for "letter of intent"), or
// "" for a word that may name any ("agreement", "accord").
func agreementKind(first string) string { return agreementKinds[first] }

// singular returns a plural agreement noun in the singular: "MoUs" ->
// "MoU", "treaties" -> "treaty".
func singular(noun string) string {
	switch {
	case strings.HasSuffix(noun, "ies"):
		return strings.TrimSuffix(noun, "ies") + "y"
	case strings.HasSuffix(noun, "s") && !strings.HasSuffix(noun, "ss"):
		return strings.TrimSuffix(noun, "s")
	}
	return noun
}

// signatories returns the officials of country iso named in sentence sp:
// they sign for it.
func (c *Frame) signatories(sp Span, iso string) []Person {
	var out []Person
	for _, p := range c.counterparts(sp, c.Principal) {
		if p.Country == iso {
			out = append(out, p)
		}
	}
	return out
}

// rowDates returns the dates of a sentence, or of the itinerary row it
// stands in, for reading its tense.
func (c *Frame) rowDates(sp Span) *DateRange {
	if ds := c.datesIn(sp); len(ds) > 0 {
		return ds[0].Dates
	}
	for _, it := range c.Legs {
		if it.Line.Start <= sp.Start && sp.End <= it.Line.End {
			return it.Dates
		}
	}
	return nil
}

// agreementDate returns the date that goes with an agreement phrase: the
// nearest date within a short distance ("In October 2017, a Memorandum of
// Understanding ... was signed"), not a date of another clause.
func (c *Frame) agreementDate(sp, at Span) *DateRange {
	var best *DateRange
	bestDist := 120
	for _, m := range c.datesIn(sp) {
		dist := m.Span.Start - at.End
		if m.Span.End <= at.Start {
			dist = at.Start - m.Span.End
		}
		if dist < 0 {
			dist = 0
		}
		if dist < bestDist {
			best, bestDist = m.Dates, dist
		}
	}
	return best
}

// dayBefore returns the dates of the last day-precision date mention
// before byte offset off that may date news of the release: not after its
// publication, not more than a month before, and not told as the future
// ("to be held in Samarkand on April 14"). Nil when none. It looks back
// as far as a long release (dayReach), not through every earlier
// mention of a long document for every agreement in it.
func (c *Frame) dayBefore(off int) *DateRange {
	pub := c.d.Meta.Published
	ms := c.within(Span{max(0, off-dayReach), off})
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.Kind != KindDate || m.Dates == nil || m.Dates.Precision != Day || m.Span.End > off {
			continue
		}
		if pub != nil && (pub.Date.Before(m.Dates.End) || m.Dates.Start.Before(pub.Date.AddDays(-31))) {
			continue
		}
		if futurePh.in(lowerWords(c.d.Text[max(0, m.Span.Start-40):m.Span.Start])) {
			continue
		}
		return m.Dates
	}
	return nil
}

// dayReach bounds dayBefore's look-back, in bytes: the longest release of
// the corpora has 61 KB, its dateline on top.
const dayReach = 64 << 10

// agreementParties returns the foreign parties an agreement sentence
// names, else the foreign officials of it or the sentence before, else
// the itinerary section's country.
func (c *Frame) agreementParties(i int) []string {
	_, sp := c.sentence(i)
	var out []string
	add := func(iso string) {
		for _, x := range out {
			if x == iso {
				return
			}
		}
		out = append(out, iso)
	}
	lastParty := -1 // where the last party named ended, for lists
	for _, m := range c.within(sp) {
		if !sp.Contains(m.Span) || m.Span.Start < lastParty {
			continue
		}
		switch m.Kind {
		case KindOrganization:
			// "the Saudi Arabian Ministry of the Interior"
			if c.foreign(m.Country) {
				add(m.Country)
			}
		case KindCountry, KindPlace:
			iso := m.Value
			if m.Kind == KindPlace {
				iso = m.Country
			}
			if iso == "" || c.insideGathering(m) || !c.party(sp, m, lastParty) {
				continue
			}
			lastParty = m.Span.End
			if c.foreign(iso) {
				add(iso)
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	for j := i; j >= 0 && j >= i-1; j-- {
		_, s := c.sentence(j)
		for _, p := range c.counterparts(s, c.Principal) {
			add(p.Country)
		}
		if len(out) > 0 {
			return out
		}
	}
	if sc := c.countryAt(sp.Start); sc != "" {
		add(sc)
	}
	return out
}

// party reports whether a country (or city) mention m in sentence sp is
// named as a party: in a list after "with" or "between", continuing a list
// of parties that ended at lastParty, as the sentence's subject or opening
// place, in "A-B", as a demonym or possessive before a party noun ("the
// Kenyan side", "Chile's Ministry"), or after "of" that follows a
// capitalized name ("the Ministry of Foreign Affairs of Georgia").
func (c *Frame) party(sp Span, m Mention, lastParty int) bool {
	t := c.d.Text
	if lastParty >= 0 && c.onlyJoins(t[lastParty:m.Span.Start], lastParty) {
		return true
	}
	// The sentence's opening: "Kenya and Chile signed", "In Nairobi, ...".
	lead := strings.TrimSpace(t[sp.Start:m.Span.Start])
	for _, p := range []string{"In ", "At ", "in ", "at "} {
		lead = strings.TrimPrefix(lead, p)
	}
	if c.onlyJoins(lead, m.Span.Start-len(lead)) {
		return true
	}
	// "A-B": a country joined to another by a hyphen.
	if m.Span.End < sp.End && t[m.Span.End] == '-' && c.countryStartsAt(m.Span.End+1) ||
		m.Span.Start > sp.Start && t[m.Span.Start-1] == '-' && c.countryEndsAt(m.Span.Start-1) {
		return true
	}
	after := lowerWords(t[m.Span.End:min(sp.End, m.Span.End+40)])
	if len(after) > 0 {
		next := after[0].s
		if next == "s" && len(after) > 1 && possessive(t, m) { // "Chile's"
			next = after[1].s
		}
		if (isDemonymMention(m) || possessive(t, m)) && partyNouns[next] {
			return true
		}
	}
	before := lowerWords(t[max(sp.Start, m.Span.Start-60):m.Span.Start])
	k := len(before)
	for k > 0 && fillerWords[before[k-1].s] && before[k-1].s != "of" {
		k--
	}
	if k > 0 {
		switch before[k-1].s {
		case "with", "between":
			return true
		case "of":
			// "... of the Republic of X": the word before the "of"s is a
			// capitalized name.
			for k > 0 && fillerWords[before[k-1].s] {
				k--
			}
			if k > 0 {
				b := before[k-1]
				off := max(sp.Start, m.Span.Start-60)
				return capWord(t[off+b.start : off+b.end])
			}
		}
	}
	return false
}

// namesOtherParty reports whether an agreement sentence names a party
// that is no state, official or city, after "with" or "between" right
// behind an agreement, its title or a signing word: "an MoU with the Kenya
// School of Government", "signed agreements with several partners".
// Such an agreement does not take the document's foreign country.
func (c *Frame) namesOtherParty(text string, sp Span) bool {
	ws := c.lowerWords(text)
	for k := 1; k+1 < len(ws); k++ {
		if ws[k].s != "with" && ws[k].s != "between" ||
			!(phraseAt0(agreementPh, ws, k-1) || phraseAt0(signPh, ws, k-1) || capWord(text[ws[k-1].start:ws[k-1].end])) {
			continue
		}
		j := k + 1
		for j+1 < len(ws) && agreementDeterminers[ws[j].s] {
			j++
		}
		w := text[ws[j].start:ws[j].end]
		if partyNouns[ws[j].s] || phraseAt0(agreementPh, ws, j) {
			continue // "with the Prime Minister", "with his counterpart": a state's
		}
		at := sp.Start + ws[j].start
		other := true
		for _, m := range c.within(Span{at, at + 1}) {
			switch m.Kind {
			case KindOrganization:
				return true
			case KindCountry, KindPlace:
				// "the Kenya School of Government": a body named after
				// its country.
				if next := strings.Fields(text[min(len(text), m.Span.End-sp.Start):]); len(next) > 0 && capWord(next[0]) && !partyNouns[strings.ToLower(next[0])] {
					return true
				}
				other = false
			case KindPerson:
				other = false
			}
		}
		if other && (capWord(w) || isLowerWord(w)) {
			return true
		}
	}
	return false
}

// countryStartsAt reports whether a country mention (a name or an
// adjective) starts at byte offset off.
func (c *Frame) countryStartsAt(off int) bool {
	for _, m := range c.within(Span{off, off + 1}) {
		if m.Kind == KindCountry {
			return true
		}
	}
	return false
}

// mainForeignCountry returns the foreign country a document is most
// about: the one its foreign officials, countries and cities name most
// (officials count twice, names in the headline three times), half again
// as often as any other; "" when none is (a tour of several countries).
func (c *Frame) mainForeignCountry() string {
	score := map[string]int{}
	best, bestScore, second := "", 0, 0
	for _, m := range c.byStart {
		iso, w := "", 1
		switch m.Kind {
		case KindPerson:
			iso, w = m.Country, 2
		case KindCountry:
			if c.insideOrgName(m) || c.insideGathering(m) {
				continue
			}
			iso = m.Value
		case KindPlace:
			iso = m.Country
		}
		if !c.foreign(iso) {
			continue
		}
		if c.d.Meta.TitleSpan.Contains(m.Span) {
			w = 3
		}
		score[iso] += w
	}
	for iso, n := range score {
		switch {
		case n > bestScore || n == bestScore && iso < best:
			best, bestScore, second = iso, n, bestScore
		case n > second:
			second = n
		}
	}
	if 2*bestScore < 3*second {
		return ""
	}
	return best
}

// agreementNameAt returns the title of the agreement whose noun starts at
// byte off of text, and the byte offset where the title ends: "Memorandum
// of Understanding on Cooperation in the Area of Public Administration",
// "Agreement of Political Consultation", with the capitalized words right
// before the noun ("Economic and Technical Cooperation Agreement").
func agreementNameAt(text string, off int) (string, int) {
	start := off
	for {
		pre := text[:start]
		if !strings.HasSuffix(pre, " ") {
			break
		}
		pre = pre[:len(pre)-1]
		i := strings.LastIndexAny(pre, " \n\t(\"") + 1
		w := pre[i:]
		switch {
		case w == "" || nameStop[w] || strings.ContainsAny(w, ",;:.)"):
		case capWord(w):
			start = i
			continue
		case (w == "and" || w == "&" || w == "of") && start < off && i > 0 && capWord(prevWord(pre[:i])):
			start = i
			continue
		}
		break
	}
	// The joiners before the noun belong to it only after a capitalized
	// word: trim "and" left at the start.
	for {
		w, rest, ok := strings.Cut(text[start:off], " ")
		if !ok || !(w == "and" || w == "&" || w == "of") {
			break
		}
		start = off - len(rest)
	}
	// The words after the noun, with their ends, 40 at most: on the stack.
	var wordBuf [40]string
	var endBuf [40]int
	words, ends := wordBuf[:0], endBuf[:0]
	for i := off; i < len(text) && len(words) < len(wordBuf); {
		for i < len(text) && text[i] == ' ' {
			i++
		}
		j := i
		for j < len(text) && text[j] != ' ' && text[j] != '\n' && text[j] != '\t' {
			j++
		}
		if j == i {
			break
		}
		words, ends = append(words, text[i:j]), append(ends, j)
		i = j
	}
	// Extend over "on/for/in X" while words stay capitalized or are
	// joiners.
	n := 0
	for i, w := range words {
		if i == 0 {
			n = 1
			continue
		}
		lw := strings.Trim(w, ",.;:()\"")
		if lw != w && i > 1 && !strings.HasSuffix(w, ")") {
			break
		}
		if isJoiner(lw) || (lw != "" && lw[0] >= 'A' && lw[0] <= 'Z') {
			n = i + 1
			continue
		}
		break
	}
	for n > 1 && isJoiner(strings.Trim(words[n-1], ",.;:()\"")) {
		n--
	}
	if n == 0 {
		return "", off
	}
	end := ends[n-1]
	for end > off && strings.IndexByte(",.;:\"", text[end-1]) >= 0 {
		end--
	}
	return text[start:end], end
}

// prevWord returns the last word of s.
func prevWord(s string) string {
	s = strings.TrimRight(s, " ")
	return s[strings.LastIndexByte(s, ' ')+1:]
}

func isJoiner(w string) bool {
	switch w {
	case "of", "on", "for", "in", "the", "and", "between", "to", "&":
		return true
	}
	return false
}
