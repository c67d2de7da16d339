package extractors

import (
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"communique/gazetteer"
)

// demonymDirect is demonym without its memo.
func demonymDirect(s string) (string, bool) {
	iso, ok := gazetteer.Demonym(strings.TrimSuffix(s, "'s"))
	if !ok {
		iso = ""
	}
	return iso, ok
}

// TestDemonymMemo checks demonym against the look-up it keeps, on the
// country mentions of generated documents and on more random words than
// the memo has slots (so that words take each other's), asked twice.
func TestDemonymMemo(t *testing.T) {
	_, docs := areaDocs(t, 30)
	var words []string
	for _, d := range docs {
		for _, m := range d.Mentions {
			words = append(words, m.Text)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	parts := []string{"Ital", "ian", "French", "Saudi", " Arabian", "'s", "Kore", "an", "s", "Japan", "ese", "x", "The ", "Chin"}
	for range 3 * demonymSlots {
		var b strings.Builder
		for range 1 + rng.IntN(3) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		words = append(words, b.String())
	}
	for range 2 {
		for _, w := range words {
			iso, ok := demonym(w)
			if wiso, wok := demonymDirect(w); iso != wiso || ok != wok {
				t.Fatalf("demonym(%q) = %q, %v; want %q, %v", w, iso, ok, wiso, wok)
			}
		}
	}
}

// demonymSync is demonym as it was, its memo a sync.Map.
func demonymSync(s string) (string, bool) {
	if v, ok := demonymSyncMemo.Load(s); ok {
		iso := v.(string)
		return iso, iso != ""
	}
	iso, ok := demonymDirect(s)
	demonymSyncMemo.LoadOrStore(strings.Clone(s), iso)
	return iso, ok
}

var demonymSyncMemo sync.Map

// BenchmarkDemonym asks demonym (new) and demonymSync (old) the country
// mentions of 200 generated documents.
func BenchmarkDemonym(b *testing.B) {
	_, docs := areaDocs(b, 200)
	var words []string
	for _, d := range docs {
		for _, m := range d.Mentions {
			if m.Kind == KindCountry {
				words = append(words, m.Text)
			}
		}
	}
	for _, f := range []struct {
		name string
		f    func(string) (string, bool)
	}{{"new", demonym}, {"old", demonymSync}} {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				for _, w := range words {
					f.f(w)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
		})
	}
}

// TestIsoSet checks isoSet against the map and sorted keys it replaces
// in readMeetings, on random codes added to a buffer on the stack.
func TestIsoSet(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	codes := []string{"ITA", "FRA", "DEU", "USA", "ARE", "SAU", "KEN", "BRA", "ZAF", "JPN"}
	for range 2000 {
		var buf [4]string
		s := isoSet(buf[:0])
		m := map[string]bool{}
		for range rng.IntN(12) {
			iso := codes[rng.IntN(len(codes))]
			s = s.add(iso)
			m[iso] = true
		}
		var want []string
		for k := range m {
			want = append(want, k)
		}
		slices.Sort(want)
		if !slices.Equal([]string(s), want) {
			t.Fatalf("isoSet %v, want %v", s, want)
		}
		for _, iso := range codes {
			if s.has(iso) != m[iso] {
				t.Fatalf("isoSet %v has %s: %v", s, iso, s.has(iso))
			}
		}
	}
}
