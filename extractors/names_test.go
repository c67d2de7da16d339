package extractors

import (
	"math/rand"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jdkato/prose/v2"
)

func TestProseNames(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"untitled counterpart in a meeting", "In Santiago, the Foreign Minister met with Antonia Fuentes Echaurren to discuss trade.", []string{"Antonia Fuentes Echaurren"}},
		{"no meeting, no look", "Antonia Fuentes Echaurren spoke about trade in Santiago.", nil},
		{"countries and bodies are not people", "The Minister met with the Saudi Arabia delegation and the World Bank in Riyadh.", nil},
		{"a titled name is Persons' job", "The Minister met with Foreign Minister Antonia Fuentes Echaurren in Santiago.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Doc{Text: tt.text}
			d.Sentences = Sentences(tt.text)
			for _, x := range []Extractor{Countries{}, Orgs{}, Persons{}} {
				d.Mentions = append(d.Mentions, x.Extract(d)...)
			}
			var got []string
			for _, m := range (ProseNames{}).Extract(d) {
				if tt.text[m.Span.Start:m.Span.End] != m.Text {
					t.Errorf("span %v holds %q, not %q", m.Span, tt.text[m.Span.Start:m.Span.End], m.Text)
				}
				got = append(got, m.Value)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("names (-want +got):\n%s", diff)
			}
		})
	}
}

// TestProseNamesConcurrent shares the model between goroutines; run with
// -race.
func TestProseNamesConcurrent(t *testing.T) {
	text := "In Santiago, the Foreign Minister met with Antonia Fuentes Echaurren to discuss trade."
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := &Doc{Text: text, Sentences: Sentences(text)}
			if got := (ProseNames{}).Extract(d); len(got) != 1 {
				t.Errorf("got %d names, want 1", len(got))
			}
		}()
	}
	wg.Wait()
}

func TestPreload(t *testing.T) {
	done := make(chan struct{})
	go func() { Preload(); close(done) }()
	Preload() // concurrent calls share one load
	<-done
	if model() == nil {
		t.Fatal("Preload left no model")
	}
}

// proseNamesRef is ProseNames.Extract as it was before it found the
// meeting clauses first and indexed only the mentions in their sentences.
func proseNamesRef(d *Doc) []Mention {
	var out []Mention
	calls := 0
	var ix *spanIndex // d.Mentions by position, on first need
	for si, sp := range d.Sentences {
		if d.Stop.Stopped() {
			break // given up on: what is found is dropped
		}
		ws := d.sentenceWords(si)
		vi, vj, ok := meetPh.find(ws)
		if !ok || vj >= len(ws) {
			continue
		}
		// The counterpart follows "with" right after the meeting word;
		// the clause runs to the next comma or stop, twelve words at most.
		w := vj
		for w < len(ws) && w < vj+4 && ws[w].s != "with" {
			w++
		}
		if w >= len(ws) || ws[w].s != "with" {
			continue
		}
		end := sp.Start + ws[min(len(ws)-1, w+12)].end
		if k := strings.IndexAny(d.Text[sp.Start+ws[w].end:end], ",.;:("); k >= 0 {
			end = sp.Start + ws[w].end + k
		}
		if ix == nil {
			ix = newSpanIndex(d.Mentions)
		}
		if ix.hasKind(Span{sp.Start + ws[vi].start, sp.End}, KindPerson) ||
			!capitalizedRun(d, ix, Span{sp.Start + ws[w].end, end}) {
			continue // Persons found the counterpart, or nothing reads as a name
		}
		// The model reads the meeting word and the "with" clause: enough
		// context to label a name, a dozen words to pay for.
		after := Span{sp.Start + ws[vi].start, end}
		if calls++; calls > maxProseCalls {
			break
		}
		m := model()
		if m == nil {
			return nil
		}
		clause := d.Text[after.Start:sp.End]
		pd, err := prose.NewDocument(clause, prose.WithSegmentation(false), prose.UsingModel(m))
		if err != nil {
			continue
		}
		from := 0
		for _, e := range pd.Entities() {
			if e.Label != "PERSON" {
				continue
			}
			i := strings.Index(clause[from:], e.Text)
			if i < 0 {
				continue
			}
			start := after.Start + from + i
			from += i + len(e.Text)
			span := Span{start, start + len(e.Text)}
			if !personLike(e.Text) || afterArticle(d.Text[:span.Start]) || ix.overlaps(span) || overlapsAny(out, span) {
				continue
			}
			out = append(out, Mention{Kind: KindPerson, Span: span, Text: e.Text, Value: e.Text})
		}
	}
	return out
}

// TestProseNamesSame checks ProseNames against proseNamesRef on the
// regression corpus and on meeting sentences of every shape.
func TestProseNamesSame(t *testing.T) {
	var texts []string
	for _, doc := range regressionCorpus(t) {
		texts = append(texts, doc.text)
	}
	parts := []string{"The Minister met with ", "Minister Lee met with Foreign Minister Kim Jong-un of Korea. ", "He held talks with ",
		"Antonia Fuentes Echaurren", " and ", "the World Bank", ", ", "in Santiago", ". ", "Saudi Arabia", "\n\n", "to discuss trade",
		"President Ruto met with Amara Diallo Keita", "Ambassador Jane Doe"}
	r := rand.New(rand.NewSource(4))
	for range 300 {
		var b strings.Builder
		for range 2 + r.Intn(10) {
			b.WriteString(parts[r.Intn(len(parts))])
		}
		texts = append(texts, b.String())
	}
	found := 0
	for _, text := range texts {
		d := &Doc{Text: text}
		d.Meta = ReadMeta(text)
		d.Sentences = Sentences(text)
		for _, x := range []Extractor{Dates{}, Countries{}, OrgsAndPersons{}} {
			d.Mentions = append(d.Mentions, x.Extract(d)...)
		}
		want := proseNamesRef(d)
		found += len(want)
		if diff := cmp.Diff(want, ProseNames{}.Extract(d)); diff != "" {
			t.Fatalf("%.80q: ProseNames differs from the reference (-want +got):\n%s", text, diff)
		}
	}
	if found == 0 {
		t.Error("the reference found no name")
	}
}
