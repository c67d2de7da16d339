package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"communique/extractors"
	"communique/normalize"
)

// Processor turns one raw document into its table rows: normalize, then
// its Stack (metadata, sentences, entity extractors in order, the frame,
// the event extractors), then validate. It is safe for concurrent use when its
// extractors are.
type Processor struct {
	extractors.Stack
	Normalize normalize.Options
}

// Output is everything one document contributes to the tables, and how
// long its stages took.
type Output struct {
	Document Document
	Events   []Event
	Mentions []Mention
	Rejects  []Reject
	// Text is the normalized text, for the texts table; "" unless the
	// document's status is ok.
	Text string
	// Stage timings, for progress and benchmark reports.
	NormalizeTime, ExtractTime time.Duration
}

// Document statuses, as in the contract.
const (
	StatusOK       = "ok"
	StatusRejected = "rejected"
	StatusError    = "error"
)

// newDocument returns the documents row every input gets, whatever becomes
// of it.
func newDocument(docID, source string, raw []byte, g Given) Document {
	sum := sha256.Sum256(raw)
	d := Document{
		DocID:     docID,
		Source:    source,
		SHA256:    hex.EncodeToString(sum[:]),
		Status:    StatusOK,
		Language:  "und",
		Bytes:     int64(len(raw)),
		SourceURL: optional(g.URL),
		Publisher: optional(g.Publisher),
	}
	// What the input says is kept on every row, a failed document's too;
	// a processed document's own metadata then takes precedence.
	if g.Published != nil {
		d.Published, d.PublishedDate = ptr(g.Published.String()), ptr(g.Published.Date.String())
		d.PublishedSource = ptr(PublishedFromInput)
	}
	return d
}

// Values of the documents column published_source.
const (
	PublishedFromText  = "text"
	PublishedFromInput = "input"
)

// failed returns a documents row that says why the input gave no records.
func failed(d Document, status, reason string) Output {
	d.Status = status
	d.Error = &reason
	return Output{Document: d}
}

// Process turns raw into rows. It never panics: a panic inside an
// extractor is recovered and reported on the document's row.
func (p *Processor) Process(docID, source string, raw []byte) Output {
	return p.process(context.Background(), nil, docID, source, raw, Given{})
}

// ProcessGiven is ProcessContext for a document the input says more of
// (g: its URL, publisher, publication date).
func (p *Processor) ProcessGiven(ctx context.Context, docID, source string, raw []byte, g Given) Output {
	return p.process(ctx, nil, docID, source, raw, g)
}

// ProcessContext is Process, giving up on the document when ctx is done:
// normalize checks ctx between its steps, the extractor stack before each
// extractor, and the extractors' loops through Doc.Stop. A document given up on gets
// a row with status error, saying where and why (context.Cause(ctx)).
func (p *Processor) ProcessContext(ctx context.Context, docID, source string, raw []byte) Output {
	return p.process(ctx, nil, docID, source, raw, Given{})
}

// Stages of Process, for the rows of documents given up on; the
// extractors' own are their type names.
const (
	stageNormalize = "normalize"
	stageExtract   = "extract"
	stageRows      = "rows"
)

// process is Process under ctx, recording in at (when not nil) the stage
// it is in: a stage name, or the extractor at work.
func (p *Processor) process(ctx context.Context, at *atomic.Pointer[any], docID, source string, raw []byte, g Given) (out Output) {
	row := newDocument(docID, source, raw, g)
	defer func() {
		if r := recover(); r != nil {
			out = failed(row, StatusError, fmt.Sprintf("panic during extraction: %v", r))
			out.Document.Error = ptr(*out.Document.Error + "\n" + firstFrames(debug.Stack(), 8))
		}
	}()
	var stop atomic.Bool
	if ctx.Done() != nil {
		defer context.AfterFunc(ctx, func() { stop.Store(true) })()
	}
	if at == nil {
		at = new(atomic.Pointer[any])
	}
	enter := func(stage any) { at.Store(&stage) }
	stopped := func() Output {
		o := failed(row, StatusError, stoppedReason(ctx, stageOf(at)))
		o.NormalizeTime, o.ExtractTime = out.NormalizeTime, out.ExtractTime
		return o
	}

	t0 := time.Now()
	enter(stageNormalize)
	res, err := normalize.DocumentContext(ctx, raw, source, p.Normalize)
	out.NormalizeTime = time.Since(t0)
	if err != nil {
		if ctx.Err() != nil {
			return stopped()
		}
		var rej *normalize.RejectError
		if errors.As(err, &rej) {
			o := failed(row, StatusRejected, rej.Reason)
			o.NormalizeTime = out.NormalizeTime
			return o
		}
		o := failed(row, StatusError, fmt.Sprintf("normalize %s: %v", docID, err))
		o.NormalizeTime = out.NormalizeTime
		return o
	}
	row.Encoding = res.Encoding
	row.Format = res.Format
	row.GarbledChars = int64(res.Garbled)

	t1 := time.Now()
	if stop.Load() {
		return stopped()
	}
	enter(stageExtract)
	d := &extractors.Doc{ID: docID, Text: res.Text, Chrome: res.Chrome, Given: g.extractors(), Stop: extractors.NewStop(&stop, at)}
	events, _ := p.Run(d)
	out.ExtractTime = time.Since(t1)
	if stop.Load() {
		return stopped()
	}
	enter(stageRows)

	row.Language = language(d.Text)
	if d.Meta.Title != "" {
		row.Title = ptr(strings.Clone(d.Meta.Title))
	}
	if ts := d.Meta.Published; ts != nil {
		row.Published = ptr(ts.String())
		row.PublishedDate = ptr(ts.Date.String())
		row.PublishedSource = ptr(PublishedFromText)
		if d.Meta.PublishedGiven {
			row.PublishedSource = ptr(PublishedFromInput)
		}
	}
	if d.Meta.Publisher != "" && g.Publisher == "" {
		// the input's publisher, when given, stands (newDocument)
		row.Publisher = ptr(d.Meta.Publisher)
	}

	ro := newRuneOffsets(d.Text)
	rb := newRowBuf(d.Mentions, events, len(d.Text))
	out.Mentions = make([]Mention, 0, len(d.Mentions))
	for _, m := range d.Mentions {
		out.Mentions = append(out.Mentions, rb.mention(docID, m, ro))
	}
	ids := make(map[string]int)
	textRunes := utf8.RuneCountInString(d.Text)
	out.Events = make([]Event, 0, len(events))
	for _, e := range events {
		r := rb.event(docID, d.Text, e, ro)
		r.EventID = uniqueID(ids, eventID(docID, e))
		if reason := Validate(r, d.Meta.Published, textRunes); reason != "" {
			out.Rejects = append(out.Rejects, Reject{Event: r, Reason: reason})
			continue
		}
		out.Events = append(out.Events, r)
	}
	row.NEvents = int64(len(out.Events))
	row.NMentions = int64(len(out.Mentions))
	row.NRejects = int64(len(out.Rejects))
	out.Document = row
	out.Text = d.Text
	return out
}

// firstFrames keeps the first n lines of a stack trace after the
// goroutine header, enough to locate a panic without flooding the row.
func firstFrames(stack []byte, n int) string {
	lines := strings.Split(strings.TrimSpace(string(stack)), "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

func ptr[T any](v T) *T { return &v }

// optional returns nil for the zero value, so absent values are nulls.
func optional[T comparable](v T) *T {
	var zero T
	if v == zero {
		return nil
	}
	return &v
}

// runeOffsets converts byte offsets in one text to rune offsets. It
// holds the rune offset of every runeBlock-th byte, a sixteenth of the
// text's size, and counts the rest of the way: a mention's offsets cost
// at most a block's scan.
type runeOffsets struct {
	ascii bool
	text  string
	block []int32 // block[k] = rune offset of byte k*runeBlock, when not ascii
}

// runeBlock is the stride of runeOffsets' table.
const runeBlock = 64

func newRuneOffsets(text string) runeOffsets {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return runeOffsets{ascii: true}
	}
	block := make([]int32, len(text)/runeBlock+1)
	n := int32(0)
	for i := 0; i < len(text); i++ {
		if i%runeBlock == 0 {
			block[i/runeBlock] = n
		}
		if utf8.RuneStart(text[i]) {
			n++
		}
	}
	if len(text)%runeBlock == 0 {
		block[len(text)/runeBlock] = n
	}
	return runeOffsets{text: text, block: block}
}

// rune returns the rune offset of byte b: the number of characters before
// the one b is in (or before the end, for b at or past it).
func (r runeOffsets) rune(b int) int64 {
	if r.ascii {
		return int64(b)
	}
	b = max(0, min(b, len(r.text)))
	k := b / runeBlock
	n := r.block[k]
	for i := k * runeBlock; i < b; i++ {
		if utf8.RuneStart(r.text[i]) {
			n++
		}
	}
	if b < len(r.text) && !utf8.RuneStart(r.text[b]) {
		n-- // inside a character: its start was counted
	}
	return int64(n)
}

// Rows outlive their document in the writers' buffers; strings cut from
// the document's text are copied so they do not keep the whole text alive.

// A rowBuf makes the mention and event rows of one document with two
// allocations for all their strings: it copies the strings into one
// block and hands out the pointers of the optional columns from one
// slice, each sized to what the rows need. Rows point into both, which
// are not written again once handed out.
type rowBuf struct {
	text strings.Builder
	strs []string
}

func newRowBuf(ms []extractors.Mention, es []extractors.Event, textLen int) *rowBuf {
	n, ptrs := 0, 0
	count := func(ss ...string) {
		for _, s := range ss {
			if s != "" {
				ptrs++
			}
		}
	}
	for i := range ms {
		m := &ms[i]
		n += len(m.Text) + len(m.Value) + len(m.Title)
		count(m.Value, m.Title, string(m.Rank), m.Country)
	}
	for i := range es {
		e := &es[i]
		ptrs += 2 // plover_type and plover_mode, at most
		n += len(e.Actor.Name) + len(e.Actor.Title) + len(e.Name)
		count(e.Actor.Name, e.Actor.Title, string(e.Actor.Rank), e.Actor.Org, e.Actor.Country, e.CounterpartCountry,
			e.Country, string(e.Direction), e.Place, e.Name)
		for j := range e.Participants {
			p := &e.Participants[j]
			n += len(p.Name) + len(p.Title)
			count(p.Name, p.Title, string(p.Rank), p.Org, p.Country)
		}
		if dr := e.Dates; dr != nil {
			n += len(dr.Text)
			ptrs += 2 // start_date and end_date, at most
			count(string(dr.Precision), string(dr.YearSource), dr.Text)
		}
		if s, t := e.Evidence.Start, e.Evidence.End; s >= 0 && t <= textLen && s <= t {
			n += min(t-s, maxEvidence) // the most evidenceWindow keeps
		}
	}
	rb := &rowBuf{strs: make([]string, 0, ptrs)}
	rb.text.Grow(n)
	return rb
}

// clone returns a copy of s, cut from the block holding all the copies.
func (rb *rowBuf) clone(s string) string {
	if s == "" {
		return ""
	}
	if rb.text.Len()+len(s) > rb.text.Cap() {
		return strings.Clone(s) // not counted by newRowBuf
	}
	n := rb.text.Len()
	rb.text.WriteString(s) // within its capacity: the bytes handed out stay put
	return rb.text.String()[n:]
}

// opt returns nil for "", else a pointer to s, as optional does.
func (rb *rowBuf) opt(s string) *string {
	if s == "" {
		return nil
	}
	return rb.ptr(s)
}

// ptr returns a pointer to s.
func (rb *rowBuf) ptr(s string) *string {
	if len(rb.strs) == cap(rb.strs) {
		// not counted by newRowBuf; a copy, as &s would move s to the
		// heap on every call
		p := new(string)
		*p = s
		return p
	}
	rb.strs = append(rb.strs, s)
	return &rb.strs[len(rb.strs)-1]
}

func (rb *rowBuf) mention(docID string, m extractors.Mention, ro runeOffsets) Mention {
	return Mention{
		DocID:   docID,
		Kind:    string(m.Kind),
		Text:    rb.clone(m.Text),
		Value:   rb.opt(rb.clone(m.Value)),
		Start:   ro.rune(m.Span.Start),
		End:     ro.rune(m.Span.End),
		Title:   rb.opt(rb.clone(m.Title)),
		Rank:    rb.opt(string(m.Rank)),
		Country: rb.opt(m.Country),
	}
}

func (rb *rowBuf) participant(p extractors.Person) Participant {
	return Participant{
		Name:    rb.opt(rb.clone(p.Name)),
		Title:   rb.opt(rb.clone(p.Title)),
		Rank:    rb.opt(string(p.Rank)),
		Org:     rb.opt(p.Org),
		Country: rb.opt(p.Country),
	}
}

func (rb *rowBuf) event(docID, text string, e extractors.Event, ro runeOffsets) Event {
	r := Event{
		DocID:              docID,
		EventType:          string(e.Type),
		Status:             string(e.Status),
		ActorName:          rb.opt(rb.clone(e.Actor.Name)),
		ActorTitle:         rb.opt(rb.clone(e.Actor.Title)),
		ActorRank:          rb.opt(string(e.Actor.Rank)),
		ActorOrg:           rb.opt(e.Actor.Org),
		ActorCountry:       rb.opt(e.Actor.Country),
		CounterpartCountry: rb.opt(e.CounterpartCountry),
		Participants:       []Participant{},
		Country:            rb.opt(e.Country),
		Direction:          rb.opt(string(e.Direction)),
		Place:              rb.opt(e.Place),
		Name:               rb.opt(rb.clone(e.Name)),
		Confidence:         e.Confidence,
	}
	if len(e.Participants) > 0 {
		r.Participants = make([]Participant, 0, len(e.Participants))
	}
	for _, p := range e.Participants {
		r.Participants = append(r.Participants, rb.participant(p))
	}
	if dr := e.Dates; dr != nil {
		r.StartDate = rb.ptr(dr.Start.String())
		if !dr.End.IsZero() { // a zero End: a start whose end the text does not give
			r.EndDate = rb.ptr(dr.End.String())
		}
		r.DatePrecision = rb.opt(string(dr.Precision))
		r.YearSource = rb.opt(string(dr.YearSource))
		r.DateText = rb.opt(rb.clone(dr.Text))
	}
	if e.RankPosition != 0 {
		r.RankPosition = ptr(int64(e.RankPosition))
	}
	if e.RankYear != 0 {
		r.RankYear = ptr(int64(e.RankYear))
	}
	if e.Evidence.Start >= 0 && e.Evidence.End <= len(text) && e.Evidence.Start <= e.Evidence.End {
		s, t := evidenceWindow(text, e)
		r.EvidenceText = rb.clone(text[s:t])
		r.EvidenceStart = ro.rune(s)
		r.EvidenceEnd = ro.rune(t)
	} else {
		r.EvidenceStart, r.EvidenceEnd = -1, -1
	}
	if typ, mode := plover(e); typ != "" {
		r.PloverType, r.PloverMode = rb.ptr(typ), rb.ptr(mode)
	}
	return r
}

// plover maps an event to the PLOVER ontology's type and mode, "" for
// none.
func plover(e extractors.Event) (typ, mode string) {
	switch e.Type {
	case extractors.Visit:
		if e.Status == extractors.Planned {
			return "AGREE", "visit"
		}
		return "CONSULT", "visit"
	case extractors.Meeting:
		return "CONSULT", "meeting"
	case extractors.Gathering:
		return "CONSULT", "multilateral"
	case extractors.Agreement:
		if e.Status == extractors.Occurred {
			return "SUPPORT", "agreement"
		}
		return "AGREE", "agreement"
	}
	return "", ""
}

// language returns "en" when the text reads as English, "und" otherwise.
// It counts a handful of English function words among the words of the
// text; press releases in English use them in every sentence.
func language(text string) string {
	words, hits := 0, 0
	var buf [maxEnglishWord]byte
	for i := 0; i < len(text); {
		for i < len(text) && !isLetter(text[i]) {
			i++
		}
		j := i
		for j < len(text) && isLetter(text[j]) {
			j++
		}
		if n := j - i; n > 0 {
			words++
			// The marker words are short; lower-case them into buf, which
			// the map look-up reads without allocating.
			if n <= len(buf) {
				for k := range n {
					buf[k] = text[i+k] | 0x20
				}
				if isEnglishMarker(buf[:n]) {
					hits++
					// Decided once the hits make 8% even if every byte
					// left were a one-letter word and its separator.
					if hits*100 >= (words+(len(text)-j+1)/2)*8 {
						return "en"
					}
				}
			}
		}
		i = j
	}
	if words > 0 && hits*100 >= words*8 {
		return "en"
	}
	return "und"
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isEnglishMarker reports whether w is one of the function words language
// counts, all of at most maxEnglishWord bytes. A switch, which compiles
// to a few comparisons, costs a third of a map look-up here.
func isEnglishMarker(w []byte) bool {
	switch string(w) {
	case "the", "and", "of", "to", "in", "with", "for", "on", "was", "is", "will", "a":
		return true
	}
	return false
}

// maxEnglishWord is the length of the longest word isEnglishMarker knows.
const maxEnglishWord = 4
