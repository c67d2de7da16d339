package report

import (
	"fmt"
	"html"
	"html/template"
	"slices"
	"strings"

	"communique/pipeline"
)

// docView is one document's section of the page.
type docView struct {
	ID        string
	Anchor    string // the section's HTML id
	Doc       pipeline.Document
	HasText   bool
	Text      template.HTML // the normalized text with its highlights
	Events    []eventView
	Rejects   []rejectView
	Persons   []personView
	NMentions int
	Gold      *docGold
}

type eventView struct {
	ID, Type, Status, Actor, Country, Place, Direction, Dates, What string
	Evidence                                                        string
	Confidence                                                      float64
	Placed                                                          bool // its evidence is highlighted in the text
	Spurious                                                        bool // with gold: matched no gold record
	start, end                                                      string
}

type rejectView struct {
	Type, Reason, Evidence string
}

type personView struct {
	Name, Rank, Country string
	N                   int
}

// anchorOf is the HTML id of a document's section.
func anchorOf(docID string) string { return "doc-" + docID }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func newDocView(id string, rows [][][]byte, gold *docGold) (*docView, error) {
	d := &docView{ID: id, Anchor: anchorOf(id), Gold: gold}
	docs, err := decodeRows[pipeline.Document](rows[tDocuments])
	if err != nil {
		return nil, fmt.Errorf("documents row: %w", err)
	}
	if len(docs) > 0 {
		d.Doc = docs[0]
	} else {
		d.Doc = pipeline.Document{DocID: id, Status: "(no documents row)"}
	}
	events, err := decodeRows[pipeline.Event](rows[tEvents])
	if err != nil {
		return nil, fmt.Errorf("events row: %w", err)
	}
	mentions, err := decodeRows[pipeline.Mention](rows[tMentions])
	if err != nil {
		return nil, fmt.Errorf("mentions row: %w", err)
	}
	rejects, err := decodeRows[pipeline.Reject](rows[tRejects])
	if err != nil {
		return nil, fmt.Errorf("rejects row: %w", err)
	}
	texts, err := decodeRows[pipeline.Text](rows[tTexts])
	if err != nil {
		return nil, fmt.Errorf("texts row: %w", err)
	}
	d.NMentions = len(mentions)

	for i, e := range events {
		v := eventView{
			ID: e.EventID, Type: e.EventType, Status: e.Status, Actor: deref(e.ActorName),
			Country: deref(e.Country), Place: deref(e.Place), Evidence: e.EvidenceText,
			Confidence: e.Confidence, start: deref(e.StartDate), end: deref(e.EndDate),
		}
		// direction: read from the row, so the page shows it whatever
		// version of the row type wrote it.
		v.Direction, _ = pipeline.JSONString(rows[tEvents][i], "direction")
		switch {
		case v.start != "" && v.end != "" && v.start != v.end:
			v.Dates = v.start + " – " + v.end
			if len(v.start) == 10 && len(v.end) == 10 && v.start[:5] == v.end[:5] {
				v.Dates = v.start + " – " + v.end[5:] // the same year
			}
		case v.start != "":
			v.Dates = v.start
		case v.end != "":
			v.Dates = "– " + v.end
		}
		v.What = eventDetails(e)
		if gold != nil {
			v.Spurious = gold.SpuriousEvents[e.EventID]
		}
		d.Events = append(d.Events, v)
	}
	for _, r := range rejects {
		d.Rejects = append(d.Rejects, rejectView{Type: r.EventType, Reason: r.Reason, Evidence: r.EvidenceText})
	}
	d.Persons = persons(mentions)
	if len(texts) > 0 {
		d.HasText = true
		d.Text = highlight(texts[0].Text, mentions, events, d.Events)
	} else {
		d.Text = evidenceOnly(events, d.Events)
	}
	return d, nil
}

// eventDetails is what the events table says beside actor and country:
// the name, the counterparts, the rank.
func eventDetails(e pipeline.Event) string {
	var parts []string
	if e.Name != nil {
		parts = append(parts, *e.Name)
	}
	if e.RankPosition != nil {
		s := fmt.Sprintf("#%d", *e.RankPosition)
		if e.RankYear != nil {
			s += fmt.Sprintf(" (%d)", *e.RankYear)
		}
		parts = append(parts, s)
	}
	var names []string
	for _, p := range e.Participants {
		n := deref(p.Name)
		if n == "" {
			n = deref(p.Title)
		}
		if c := deref(p.Country); c != "" {
			n += " (" + c + ")"
		}
		if n != "" {
			names = append(names, n)
		}
	}
	if len(names) > 0 {
		parts = append(parts, "with "+strings.Join(names, ", "))
	} else if c := deref(e.CounterpartCountry); c != "" {
		parts = append(parts, "with "+c)
	}
	return strings.Join(parts, "; ")
}

// persons lists the document's persons: one per name (a mention's value,
// or its text), with the first rank and country given.
func persons(ms []pipeline.Mention) []personView {
	var out []personView
	at := map[string]int{}
	for _, m := range ms {
		if m.Kind != "person" {
			continue
		}
		name := deref(m.Value)
		if name == "" {
			name = m.Text
		}
		i, ok := at[name]
		if !ok {
			i = len(out)
			at[name] = i
			out = append(out, personView{Name: name})
		}
		p := &out[i]
		p.N++
		if p.Rank == "" {
			p.Rank = deref(m.Rank)
		}
		if p.Country == "" {
			p.Country = deref(m.Country)
		}
	}
	return out
}

// A span is one highlight: a mention or an event's evidence, in runes.
type span struct {
	start, end int
	evidence   bool
	class      string
	eventID    string
	title      string
	rank       int // nesting order: outer spans first
}

// highlight returns the text as HTML with every mention and every event's
// evidence highlighted. Highlights nest; where two cross, the inner one is
// split in pieces that each carry its attributes. It sets Placed on each
// event whose evidence lies in the text.
func highlight(text string, ms []pipeline.Mention, es []pipeline.Event, views []eventView) template.HTML {
	runes := []rune(text)
	n := len(runes)
	var spans []*span
	for i, e := range es {
		s, t := int(e.EvidenceStart), int(e.EvidenceEnd)
		if s < 0 || t > n || s >= t {
			continue
		}
		views[i].Placed = true
		spans = append(spans, &span{start: s, end: t, evidence: true, class: "ev k-" + cssName(e.EventType),
			eventID: e.EventID, title: e.EventType + ": " + eventTitle(views[i])})
	}
	for _, m := range ms {
		s, t := int(m.Start), int(m.End)
		if s < 0 || t > n || s >= t {
			continue
		}
		title := m.Kind
		for _, x := range []string{deref(m.Value), deref(m.Rank), deref(m.Country)} {
			if x != "" {
				title += " · " + x
			}
		}
		spans = append(spans, &span{start: s, end: t, class: "m m-" + cssName(m.Kind), title: title})
	}
	slices.SortStableFunc(spans, func(a, b *span) int {
		switch {
		case a.start != b.start:
			return a.start - b.start
		case a.end != b.end:
			return b.end - a.end
		case a.evidence != b.evidence:
			if a.evidence {
				return -1
			}
			return 1
		}
		return 0
	})
	bounds := []int{0, n}
	for i, s := range spans {
		s.rank = i
		bounds = append(bounds, s.start, s.end)
	}
	slices.Sort(bounds)
	bounds = slices.Compact(bounds)

	var b strings.Builder
	var stack []*span
	next := 0 // spans[next:] start at or after the current position
	var active []*span
	for i := 0; i+1 < len(bounds); i++ {
		from, to := bounds[i], bounds[i+1]
		// The spans covering [from, to), in rank order.
		active = slices.DeleteFunc(active, func(s *span) bool { return s.end <= from })
		for next < len(spans) && spans[next].start <= from {
			if spans[next].end > from {
				active = append(active, spans[next])
			}
			next++
		}
		slices.SortFunc(active, func(a, b *span) int { return a.rank - b.rank })
		common := 0
		for common < len(stack) && common < len(active) && stack[common] == active[common] {
			common++
		}
		for j := len(stack) - 1; j >= common; j-- {
			b.WriteString(closeTag(stack[j]))
		}
		stack = append(stack[:common], active[common:]...)
		for _, s := range active[common:] {
			b.WriteString(openTag(s))
		}
		b.WriteString(html.EscapeString(string(runes[from:to])))
	}
	for j := len(stack) - 1; j >= 0; j-- {
		b.WriteString(closeTag(stack[j]))
	}
	return template.HTML(b.String())
}

// evidenceOnly shows, for a run without texts, each event's evidence as a
// paragraph of its own, highlighted.
func evidenceOnly(es []pipeline.Event, views []eventView) template.HTML {
	var b strings.Builder
	for i, e := range es {
		if e.EvidenceText == "" {
			continue
		}
		views[i].Placed = true
		s := &span{evidence: true, class: "ev k-" + cssName(e.EventType), eventID: e.EventID,
			title: e.EventType + ": " + eventTitle(views[i])}
		b.WriteString("<p>" + openTag(s) + html.EscapeString(e.EvidenceText) + closeTag(s) + "</p>")
	}
	return template.HTML(b.String())
}

func openTag(s *span) string {
	if s.evidence {
		return `<mark class="` + s.class + `" data-event-id="` + html.EscapeString(s.eventID) + `" title="` + html.EscapeString(s.title) + `">`
	}
	return `<span class="` + s.class + `" title="` + html.EscapeString(s.title) + `">`
}

func closeTag(s *span) string {
	if s.evidence {
		return "</mark>"
	}
	return "</span>"
}

// eventTitle is an event in a few words, for tooltips.
func eventTitle(v eventView) string {
	var parts []string
	for _, x := range []string{v.Actor, v.Country, v.Place, v.Dates, v.What} {
		if x != "" {
			parts = append(parts, x)
		}
	}
	return strings.Join(parts, ", ")
}

// cssName keeps a kind to the characters of a CSS class name.
func cssName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			return r
		}
		return '_'
	}, strings.ToLower(s))
}
