package extractors

import (
	"math/rand"
	"strings"
	"testing"
)

// TestAcronymSkip checks findOrgs' test of a token that cannot be an
// acronym, by its capital and first byte, against the one it replaced,
// by its first byte and orgAcronym.
func TestAcronymSkip(t *testing.T) {
	texts := fastTexts(t)
	pieces := []string{"UN", "DESA", "3GPP", "WeGO", "eGov", "G20", "20", "Élan", "ÉU", "KISA", "iPhone", "A", "x1", " ", "-", "’"}
	r := rand.New(rand.NewSource(4))
	for range 3000 {
		var b strings.Builder
		for range 1 + r.Intn(12) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	n := 0
	for _, s := range texts {
		p := newEntParser(&Doc{Text: s})
		for i := range p.t {
			tk := &p.t[i]
			if tk.kind != ptWord {
				continue
			}
			w := p.text[tk.start:tk.end]
			old := w[0] >= 'a' || !orgAcronym(w)
			got := !tk.capital && p.text[tk.start]-'0' > 9 || !orgAcronym(w)
			if got != old {
				t.Fatalf("%q: skip %v, want %v", w, got, old)
			}
			if !old {
				n++
			}
		}
		p.release()
	}
	if n == 0 {
		t.Fatal("no acronym seen")
	}
}
