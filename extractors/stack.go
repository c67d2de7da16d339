package extractors

import (
	"slices"
	"strings"
)

// Stack is the list of extractors a document goes through, in the order
// they run: entity extractors first (each sees the mentions of those
// before it), then BuildFrame, then the event extractors.
type Stack struct {
	Entities []Extractor
	Events   []EventExtractor
}

// Default returns the stack communique runs. It is the one wiring list:
// `communique run`, the benchmarks and the tests all read it.
func Default() Stack {
	return Stack{
		Entities: []Extractor{
			Dates{},
			Countries{},
			OrgsAndPersons{},
			ProseNames{},
			GatheringNames{},
			Places{},
		},
		Events: []EventExtractor{
			Visits{},
			Meetings{},
			Agreements{},
			Gatherings{},
			Rankings{},
		},
	}
}

// Mentions fills d's metadata, sentences and mentions from d.Text: it
// reads the metadata, splits sentences, runs the entity extractors in
// order and sorts the mentions by position (start, then end, then kind).
// Right after the countries extractor it decides the publisher (d.Home).
// What the input says of the document (d.Given) fills the gaps of the
// page's own metadata: a publication date, a publisher.
func (s Stack) Mentions(d *Doc) {
	d.Meta = ReadMeta(d.Text)
	if d.Meta.Published == nil && d.Given.Published != nil {
		// the input's date, when the page gives none: it anchors the
		// years and the relative dates as the page's own would
		d.Meta.Published, d.Meta.PublishedGiven = d.Given.Published, true
	}
	if d.Meta.Publisher == "" && d.Given.Publisher != "" {
		d.Meta.Publisher, d.Meta.PublisherGiven = d.Given.Publisher, true
	}
	d.Sentences = Sentences(d.Text)
	d.splitSentenceWords()
	// room for the mentions of most documents (one in some 80 bytes, a
	// few in 50) at once: growing the slice as the extractors append
	// allocated more
	d.Mentions = slices.Grow(d.Mentions, len(d.Text)/48+8)
	for _, x := range s.Entities {
		if !d.Stop.Enter(x) {
			break // given up on: the pipeline drops what is found
		}
		d.Mentions = append(d.Mentions, x.Extract(d)...)
		if _, ok := x.(Countries); ok {
			settleHome(d) // the publisher, once its evidence is in
		}
	}
	sortMentions(d.Mentions)
}

// Run analyzes d.Text whole: Mentions, then BuildFrame, then each event
// extractor in order. It returns the events, less those told in the page
// furniture (Frame.Furniture), and the frame they read.
func (s Stack) Run(d *Doc) ([]Event, *Frame) {
	s.Mentions(d)
	if !d.Stop.Enter(BuildFrame) {
		return nil, nil
	}
	f := BuildFrame(d)
	return s.events(d, f), f
}

// events runs the event extractors over d and its frame, dropping the
// events told in the page furniture.
func (s Stack) events(d *Doc, f *Frame) []Event {
	// each extractor's events, gathered first so that one allocation
	// holds them all
	var buf [8][]Event
	found, n := buf[:0], 0
	for _, x := range s.Events {
		if !d.Stop.Enter(x) {
			break
		}
		es := x.Events(d, f)
		found, n = append(found, es), n+len(es)
	}
	var events []Event
	for _, es := range found {
		for _, e := range es {
			if !f.inFurniture(e.Evidence.Start) {
				if events == nil {
					events = make([]Event, 0, n)
				}
				events = append(events, e)
			}
		}
	}
	return events
}

// sortMentions orders mentions by position: start, then end, then kind;
// mentions alike in all three keep their order. It sorts small keys and
// then moves each mention once: a Mention is large, and a stable sort of
// the mentions themselves moved them many times over.
func sortMentions(ms []Mention) {
	var buf [128]mentionKey
	keys := buf[:0]
	if len(ms) > len(buf) {
		keys = make([]mentionKey, 0, len(ms))
	}
	sorted := true
	for i := range ms {
		k := mentionKey{ms[i].Span.Start, ms[i].Span.End, i}
		if i > 0 && sorted && compareMentions(ms, keys[i-1], k) > 0 {
			sorted = false
		}
		keys = append(keys, k)
	}
	if sorted {
		return
	}
	slices.SortFunc(keys, func(a, b mentionKey) int { return compareMentions(ms, a, b) })
	// keys[j].i is the mention that goes to j: follow each cycle of the
	// permutation, marking the places filled with -1
	for i := range keys {
		if keys[i].i == i || keys[i].i < 0 {
			continue
		}
		tmp := ms[i]
		j := i
		for {
			k := keys[j].i
			keys[j].i = -1
			if k == i {
				ms[j] = tmp
				break
			}
			ms[j] = ms[k]
			j = k
		}
	}
}

// mentionKey is a mention's place in the order and its index.
type mentionKey struct {
	start, end, i int
}

// compareMentions orders keys of ms by start, end, kind, then index, which
// makes the order total: an unstable sort keeps ties in order.
func compareMentions(ms []Mention, a, b mentionKey) int {
	if a.start != b.start {
		return a.start - b.start
	}
	if a.end != b.end {
		return a.end - b.end
	}
	if c := strings.Compare(string(ms[a.i].Kind), string(ms[b.i].Kind)); c != 0 {
		return c
	}
	return a.i - b.i
}
