package extractors

import (
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
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
