package pipeline

import (
	"strings"
	"testing"
	"unicode/utf8"

	"communique/extractors"
)

func TestEvidenceWindow(t *testing.T) {
	// A long sentence with non-ASCII letters, so that a cut by bytes
	// alone would split characters.
	filler := strings.Repeat("Ministerin Ødegård traf Vertreter, ", 200) // 7,200 bytes
	text := "Title\n" + filler + "met Foreign Minister Anna Berg on March 6, 2024 in Rome, " + filler + "end.\n"
	sent := extractors.Span{Start: 6, End: len(text) - 1}
	date := strings.Index(text, "March 6, 2024")
	name := strings.Index(text, "Anna Berg")
	tests := []struct {
		name       string
		e          extractors.Event
		wantInside []int // offsets the window must hold
	}{
		{"short sentence kept whole", extractors.Event{Evidence: extractors.Span{Start: 0, End: 5}}, []int{0, 4}},
		{"around the dates", extractors.Event{Evidence: sent, Dates: &extractors.DateRange{Span: extractors.Span{Start: date, End: date + 13}}}, []int{date, date + 12}},
		{"around a counterpart", extractors.Event{Evidence: sent, Participants: []extractors.Person{{Name: "Anna Berg"}}}, []int{name, name + 8}},
		{"no anchor: the start", extractors.Event{Evidence: sent}, []int{sent.Start}},
	}
	for _, tt := range tests {
		s, e := evidenceWindow(text, tt.e)
		if tt.e.Evidence.Len() <= maxEvidence {
			if s != tt.e.Evidence.Start || e != tt.e.Evidence.End {
				t.Errorf("%s: [%d, %d), want the whole span", tt.name, s, e)
			}
			continue
		}
		if e-s > maxEvidence || e-s < maxEvidence-100 || s < tt.e.Evidence.Start || e > tt.e.Evidence.End {
			t.Errorf("%s: [%d, %d) of %d bytes, want about %d inside [%d, %d)", tt.name, s, e, e-s, maxEvidence, tt.e.Evidence.Start, tt.e.Evidence.End)
		}
		if !utf8.ValidString(text[s:e]) {
			t.Errorf("%s: the window cuts a character", tt.name)
		}
		for _, off := range tt.wantInside {
			if off < s || off >= e {
				t.Errorf("%s: [%d, %d) leaves out offset %d", tt.name, s, e, off)
			}
		}
	}
}

// longMeetings is an event extractor that finds ten meetings in the one
// long sentence of a document, each with its own date.
type longMeetings struct{}

func (longMeetings) Events(d *extractors.Doc, _ *extractors.Frame) []extractors.Event {
	var out []extractors.Event
	for i := 0; len(out) < 10; {
		j := strings.Index(d.Text[i:], "March ")
		if j < 0 {
			break
		}
		at := i + j
		out = append(out, extractors.Event{Type: extractors.Meeting, Status: extractors.Occurred, Country: "ITA", Confidence: 0.5,
			Participants: []extractors.Person{{Name: "X"}},
			Evidence:     d.Sentences[extractors.SentenceAt(d.Sentences, at)],
			Dates:        &extractors.DateRange{Start: extractors.Date{Year: 2024, Month: 3, Day: 6}, End: extractors.Date{Year: 2024, Month: 3, Day: 6}, Precision: extractors.Day, YearSource: extractors.YearExplicit, Text: "March 6, 2024", Span: extractors.Span{Start: at, End: at + 13}}})
		i = at + 13
	}
	return out
}

// TestEvidenceCapped processes a document whose one sentence of 400 KB
// holds ten meetings: each event's evidence_text is a window of at most
// maxEvidence bytes around its own date, and its offsets are those of
// that window in the text.
func TestEvidenceCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString("Talks in Rome\n\n")
	for i := 0; b.Len() < 400_000; i++ {
		if i%40 == 20 {
			b.WriteString("the minister met Foreign Minister Ødegård on March 6, 2024 and ")
		}
		b.WriteString("officials of the two ministries discussed cooperation and ")
	}
	b.WriteString("trade.\n")
	p := &Processor{Stack: extractors.Stack{Events: []extractors.EventExtractor{longMeetings{}}}}
	out := p.Process("long", "long.txt", []byte(b.String()))
	if out.Document.Status != StatusOK {
		t.Fatalf("status %s: %s", out.Document.Status, deref(out.Document.Error))
	}
	rows := append(out.Events, func() []Event {
		var r []Event
		for _, x := range out.Rejects {
			r = append(r, x.Event)
		}
		return r
	}()...)
	if len(rows) != 10 {
		t.Fatalf("%d events, want 10", len(rows))
	}
	text := []rune(b.String()) // the text is already normal: offsets match
	total := 0
	for _, r := range rows {
		total += len(r.EvidenceText)
		if len(r.EvidenceText) > maxEvidence || !strings.Contains(r.EvidenceText, "March 6, 2024") {
			t.Errorf("evidence of %d bytes, want at most %d around its date: %.80q...", len(r.EvidenceText), maxEvidence, r.EvidenceText)
		}
		if got := string(text[r.EvidenceStart:r.EvidenceEnd]); got != r.EvidenceText {
			t.Errorf("offsets [%d, %d) hold %.40q..., not the evidence text %.40q...", r.EvidenceStart, r.EvidenceEnd, got, r.EvidenceText)
		}
	}
	if total > 10*maxEvidence {
		t.Errorf("%d bytes of evidence for 10 events", total)
	}
}
