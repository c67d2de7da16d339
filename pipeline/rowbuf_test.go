package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"communique/extractors"
	"communique/normalize"
)

// The row makers before rowBuf, the reference of TestRowBuf: a copy and
// a pointer allocated for each value.

func mentionRowRef(docID string, m extractors.Mention, ro runeOffsets) Mention {
	return Mention{
		DocID:   docID,
		Kind:    string(m.Kind),
		Text:    strings.Clone(m.Text),
		Value:   optional(strings.Clone(m.Value)),
		Start:   ro.rune(m.Span.Start),
		End:     ro.rune(m.Span.End),
		Title:   optional(strings.Clone(m.Title)),
		Rank:    optional(string(m.Rank)),
		Country: optional(m.Country),
	}
}
func participantRef(p extractors.Person) Participant {
	return Participant{
		Name:    optional(strings.Clone(p.Name)),
		Title:   optional(strings.Clone(p.Title)),
		Rank:    optional(string(p.Rank)),
		Org:     optional(p.Org),
		Country: optional(p.Country),
	}
}
func eventRowRef(docID, text string, e extractors.Event, ro runeOffsets) Event {
	r := Event{
		DocID:              docID,
		EventType:          string(e.Type),
		Status:             string(e.Status),
		ActorName:          optional(strings.Clone(e.Actor.Name)),
		ActorTitle:         optional(strings.Clone(e.Actor.Title)),
		ActorRank:          optional(string(e.Actor.Rank)),
		ActorOrg:           optional(e.Actor.Org),
		ActorCountry:       optional(e.Actor.Country),
		CounterpartCountry: optional(e.CounterpartCountry),
		Participants:       []Participant{},
		Country:            optional(e.Country),
		Direction:          optional(string(e.Direction)),
		Place:              optional(e.Place),
		Name:               optional(strings.Clone(e.Name)),
		Confidence:         e.Confidence,
	}
	for _, p := range e.Participants {
		r.Participants = append(r.Participants, participantRef(p))
	}
	if dr := e.Dates; dr != nil {
		r.StartDate = ptr(dr.Start.String())
		if !dr.End.IsZero() { // a zero End: a start whose end the text does not give
			r.EndDate = ptr(dr.End.String())
		}
		r.DatePrecision = optional(string(dr.Precision))
		r.YearSource = optional(string(dr.YearSource))
		r.DateText = optional(strings.Clone(dr.Text))
	}
	if e.RankPosition != 0 {
		r.RankPosition = ptr(int64(e.RankPosition))
	}
	if e.RankYear != 0 {
		r.RankYear = ptr(int64(e.RankYear))
	}
	if e.Evidence.Start >= 0 && e.Evidence.End <= len(text) && e.Evidence.Start <= e.Evidence.End {
		s, t := evidenceWindow(text, e)
		r.EvidenceText = strings.Clone(text[s:t])
		r.EvidenceStart = ro.rune(s)
		r.EvidenceEnd = ro.rune(t)
	} else {
		r.EvidenceStart, r.EvidenceEnd = -1, -1
	}
	r.PloverType, r.PloverMode = ploverRef(e)
	return r
}
func ploverRef(e extractors.Event) (typ, mode *string) {
	switch e.Type {
	case extractors.Visit:
		if e.Status == extractors.Planned {
			return ptr("AGREE"), ptr("visit")
		}
		return ptr("CONSULT"), ptr("visit")
	case extractors.Meeting:
		return ptr("CONSULT"), ptr("meeting")
	case extractors.Gathering:
		return ptr("CONSULT"), ptr("multilateral")
	case extractors.Agreement:
		if e.Status == extractors.Occurred {
			return ptr("SUPPORT"), ptr("agreement")
		}
		return ptr("AGREE"), ptr("agreement")
	}
	return nil, nil
}

// TestRowBuf checks the rows a rowBuf makes against the reference's, on
// every document of the regression corpus, and that its block and slice
// were sized to what the rows took.
func TestRowBuf(t *testing.T) {
	files, err := filepath.Glob("../testdata/corpus/*")
	if err != nil || len(files) < 10 {
		t.Fatalf("corpus: %d files, %v", len(files), err)
	}
	stack := extractors.Default()
	rows := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := normalize.Document(raw, f, normalize.Options{})
		if err != nil {
			continue
		}
		d := &extractors.Doc{ID: filepath.Base(f), Text: res.Text}
		events, _ := stack.Run(d)
		ro := newRuneOffsets(d.Text)
		rb := newRowBuf(d.Mentions, events, len(d.Text))
		copied, ptrs := 0, 0 // what the rows took: all of it from rb, unless newRowBuf undercounted
		opt := func(ss ...*string) {
			for _, s := range ss {
				if s != nil {
					ptrs++
				}
			}
		}
		for _, m := range d.Mentions {
			r := rb.mention(d.ID, m, ro)
			if diff := cmp.Diff(mentionRowRef(d.ID, m, ro), r); diff != "" {
				t.Fatalf("%s: mention row (-ref +rowBuf):\n%s", f, diff)
			}
			copied += len(r.Text) + len(m.Value) + len(m.Title)
			opt(r.Value, r.Title, r.Rank, r.Country)
			rows++
		}
		for _, e := range events {
			r := rb.event(d.ID, d.Text, e, ro)
			if diff := cmp.Diff(eventRowRef(d.ID, d.Text, e, ro), r); diff != "" {
				t.Fatalf("%s: event row (-ref +rowBuf):\n%s", f, diff)
			}
			copied += len(e.Actor.Name) + len(e.Actor.Title) + len(e.Name) + len(r.EvidenceText)
			opt(r.ActorName, r.ActorTitle, r.ActorRank, r.ActorOrg, r.ActorCountry, r.CounterpartCountry, r.Country,
				r.Direction, r.Place, r.StartDate, r.EndDate, r.DatePrecision, r.YearSource, r.DateText, r.Name,
				r.PloverType, r.PloverMode)
			if e.Dates != nil {
				copied += len(e.Dates.Text)
			}
			for _, p := range r.Participants {
				for _, s := range []*string{p.Name, p.Title} {
					if s != nil {
						copied += len(*s)
					}
				}
				opt(p.Name, p.Title, p.Rank, p.Org, p.Country)
			}
			rows++
		}
		if rb.text.Len() != copied || len(rb.strs) != ptrs {
			t.Fatalf("%s: rowBuf holds %d bytes and %d pointers of the rows' %d and %d: newRowBuf undercounts",
				f, rb.text.Len(), len(rb.strs), copied, ptrs)
		}
	}
	if rows < 100 {
		t.Fatalf("only %d rows compared", rows)
	}
}

// A copy does not share the memory of the text it was cut from.
func TestRowBufClones(t *testing.T) {
	text := strings.Repeat("Seoul ", 100)
	rb := newRowBuf([]extractors.Mention{{Text: text[6:11]}}, nil, len(text))
	m := rb.mention("d", extractors.Mention{Text: text[6:11]}, newRuneOffsets(text))
	if m.Text != "Seoul" || unsafe.StringData(m.Text) == unsafe.StringData(text[6:11]) {
		t.Fatalf("text %q is not a copy", m.Text)
	}
	if rb.text.Len() != 5 || rb.text.Cap() < 5 {
		t.Errorf("block holds %d of %d bytes, want the 5 of Seoul", rb.text.Len(), rb.text.Cap())
	}
}
