package report

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strings"

	"communique/eval"
	"communique/pipeline"
)

// Options says what Write reads.
type Options struct {
	// In is the output folder of a run (OUT/T.jsonl or OUT/T/part-*.jsonl).
	In string
	// Gold, when set, is a folder of gold files: the page shows the
	// scorer's figures and each document's missed and spurious records.
	Gold string
	// MaxDocs is the most documents the page shows (0: all); a larger run
	// is sampled.
	MaxDocs int
	// Docs are doc_ids shown whatever the sample.
	Docs []string
}

// DefaultMaxDocs is the sample size when a command line does not say: a
// page that opens in a second.
const DefaultMaxDocs = 200

// Summary says what Write put on the page.
type Summary struct {
	Docs, Shown int64 // documents in the run, and on the page
	Events      int64 // events of the documents shown
	Sampled     bool
	HasText     bool
}

// tables are the tables the report reads, in this order.
var tables = []string{"documents", "events", "mentions", "rejects", pipeline.TextsTable}

const (
	tDocuments = iota
	tEvents
	tMentions
	tRejects
	tTexts
)

// Write reads the run in opt.In and writes the page to w.
func Write(ctx context.Context, w io.Writer, opt Options) (Summary, error) {
	p := &page{In: opt.In}
	if err := p.overview(ctx, opt); err != nil {
		return Summary{}, err
	}
	if opt.Gold != "" {
		rep, err := eval.Score(opt.Gold, opt.In)
		if err != nil {
			return Summary{}, fmt.Errorf("report: %w", err)
		}
		p.gold(rep)
	}
	if err := p.documents(ctx); err != nil {
		return Summary{}, err
	}
	p.timeline()
	if err := render(w, p); err != nil {
		return Summary{}, fmt.Errorf("report: write: %w", err)
	}
	s := Summary{Docs: p.NDocs, Shown: int64(len(p.Docs)), Sampled: p.Sampled, HasText: p.HasText}
	for _, d := range p.Docs {
		s.Events += int64(len(d.Events))
	}
	return s, nil
}

// page is everything the template shows.
type page struct {
	In      string
	NDocs   int64
	Sampled bool
	HasText bool

	ByStatus, ByKind, ByEventStatus, ByCountry, ByMention []bar
	NEvents, NMentions, NRejects                          int64

	Gold     *goldFigures
	Timeline *timeline
	Docs     []*docView

	show    map[string]bool // doc_ids on the page
	goldFor map[string]*docGold
}

// bar is one line of a count chart.
type bar struct {
	Label string
	N     int64
	Pct   float64 // of the largest in its chart
}

// counter counts labels, for the charts.
type counter map[string]int64

// bars returns the counts largest first (ties by label), the rest beyond
// limit summed as "others".
func (c counter) bars(limit int) []bar {
	var out []bar
	for k, n := range c {
		out = append(out, bar{Label: k, N: n})
	}
	slices.SortFunc(out, func(a, b bar) int {
		if a.N != b.N {
			return cmp.Compare(b.N, a.N)
		}
		return strings.Compare(a.Label, b.Label)
	})
	if limit > 0 && len(out) > limit {
		var rest int64
		for _, b := range out[limit:] {
			rest += b.N
		}
		out = append(out[:limit], bar{Label: fmt.Sprintf("%d others", len(out)-limit), N: rest})
	}
	var top int64
	for _, b := range out {
		top = max(top, b.N)
	}
	for i := range out {
		if top > 0 {
			out[i].Pct = 100 * float64(out[i].N) / float64(top)
		}
	}
	return out
}

// sample keeps the k doc_ids of smallest hash, a deterministic sample
// spread over the run, in order of hash.
type sample struct {
	k   int
	ids []sampled
}

type sampled struct {
	h  uint64
	id string
}

func (s *sample) add(id string) {
	h := fnv.New64a()
	io.WriteString(h, id)
	x := sampled{h.Sum64(), id}
	i, _ := slices.BinarySearchFunc(s.ids, x, func(a, b sampled) int {
		if c := cmp.Compare(a.h, b.h); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	if i >= s.k {
		return
	}
	s.ids = slices.Insert(s.ids, i, x)
	if len(s.ids) > s.k {
		s.ids = s.ids[:s.k]
	}
}

// overview reads the run once for the counts and picks the documents to
// show.
func (p *page) overview(ctx context.Context, opt Options) error {
	run, err := pipeline.OpenRun(opt.In, tables)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	defer run.Close()
	if len(run.Files(tDocuments)) == 0 {
		return fmt.Errorf("report: %s has no documents.jsonl nor documents/part-*.jsonl: not the output of communique run, or a run without JSONL (the report reads JSONL; see docs/report.md)", opt.In)
	}
	p.HasText = len(run.Files(tTexts)) > 0
	status, kinds, evStatus, countries, mentions := counter{}, counter{}, counter{}, counter{}, counter{}
	smp := &sample{k: opt.MaxDocs}
	p.show = map[string]bool{}
	for _, id := range opt.Docs {
		p.show[id] = true
	}
	for n := 0; ; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		id, rows, err := run.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		for _, r := range rows[tDocuments] {
			p.NDocs++
			s, _ := pipeline.JSONString(r, "status")
			status[s]++
		}
		for _, r := range rows[tEvents] {
			p.NEvents++
			k, _ := pipeline.JSONString(r, "event_type")
			kinds[k]++
			s, _ := pipeline.JSONString(r, "status")
			evStatus[s]++
			if c, ok := pipeline.JSONString(r, "country"); ok {
				countries[c]++
			} else {
				countries["(none)"]++
			}
		}
		for _, r := range rows[tMentions] {
			p.NMentions++
			k, _ := pipeline.JSONString(r, "kind")
			mentions[k]++
		}
		p.NRejects += int64(len(rows[tRejects]))
		if opt.MaxDocs > 0 {
			smp.add(id)
		} else {
			p.show[id] = true
		}
	}
	for _, s := range smp.ids {
		p.show[s.id] = true
	}
	p.Sampled = opt.MaxDocs > 0 && p.NDocs > int64(opt.MaxDocs)
	p.ByStatus, p.ByKind, p.ByEventStatus = status.bars(0), kinds.bars(0), evStatus.bars(0)
	p.ByCountry, p.ByMention = countries.bars(20), mentions.bars(0)
	return nil
}

// goldFigures are the scorer's figures.
type goldFigures struct {
	Docs    int
	Quality float64
	PRF     []prfRow
	Acc     []accRow
}

type prfRow struct {
	Kind       string
	P, R, F1   float64
	TP, FP, FN int
}

type accRow struct {
	Name    string
	V       float64
	OK, N   int
	Counted bool // part of quality
}

// docGold is one document's misses.
type docGold struct {
	Missed, Spurious []eval.Miss
	Notes            []string // the scorer's other lines: dates, ranks, status, ...
	SpuriousEvents   map[string]bool
}

// Scorer figures in the order score.py prints them.
var (
	goldKinds = []string{"countries", "persons", "visits", "meetings", "agreements", "gatherings", "rankings"}
	goldAccs  = []string{"published", "title", "garbled", "person_rank", "person_country", "event_dates", "status", "visit_actor"}
	headline  = map[string]bool{"published": true, "title": true, "person_rank": true}
)

func (p *page) gold(rep *eval.Report) {
	g := &goldFigures{Docs: rep.Docs, Quality: rep.Quality}
	for _, k := range goldKinds {
		v := rep.PRF[k]
		g.PRF = append(g.PRF, prfRow{Kind: k, P: v.P(), R: v.R(), F1: v.F1(), TP: v.TP, FP: v.FP, FN: v.FN})
	}
	for _, k := range goldAccs {
		v := rep.Acc[k]
		g.Acc = append(g.Acc, accRow{Name: k, V: v.V(), OK: v.OK, N: v.N, Counted: headline[k]})
	}
	p.Gold = g
	p.goldFor = map[string]*docGold{}
	get := func(id string) *docGold {
		d := p.goldFor[id]
		if d == nil {
			d = &docGold{SpuriousEvents: map[string]bool{}}
			p.goldFor[id] = d
		}
		return d
	}
	for _, m := range rep.Records {
		d := get(m.DocID)
		if m.Missed {
			d.Missed = append(d.Missed, m)
		} else {
			d.Spurious = append(d.Spurious, m)
			if m.EventID != "" {
				d.SpuriousEvents[m.EventID] = true
			}
		}
	}
	// The verbose report: "DOC_ID:" then the document's lines; the FN and
	// FP lines are the Records above.
	doc := ""
	for _, l := range rep.Misses {
		if !strings.HasPrefix(l, " ") {
			doc = strings.TrimSuffix(l, ":")
			continue
		}
		l = strings.TrimSpace(l)
		if !strings.HasPrefix(l, "FN ") && !strings.HasPrefix(l, "FP ") {
			d := get(doc)
			d.Notes = append(d.Notes, l)
		}
	}
	// Documents with gold are always on the page.
	for id := range p.goldFor {
		p.show[id] = true
	}
}

// documents reads the run again and builds the view of each document shown.
func (p *page) documents(ctx context.Context) error {
	run, err := pipeline.OpenRun(p.In, tables)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	defer run.Close()
	for n := 0; ; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		id, ok := run.Peek()
		if !ok {
			break
		}
		_, rows, err := run.Next()
		if err != nil {
			return fmt.Errorf("report: %w", err)
		}
		if !p.show[id] {
			continue
		}
		d, err := newDocView(id, rows, p.goldFor[id])
		if err != nil {
			return fmt.Errorf("report: document %q: %w", id, err)
		}
		p.Docs = append(p.Docs, d)
	}
	return nil
}

// decodeRows decodes JSONL rows into values of type T.
func decodeRows[T any](rows [][]byte) ([]T, error) {
	out := make([]T, 0, len(rows))
	for _, r := range rows {
		var v T
		dec := json.NewDecoder(bytes.NewReader(r))
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
