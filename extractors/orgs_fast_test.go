package extractors

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
)

// TestAcronymSkip checks that findOrgs, reading only p.heads for
// acronyms, skips the tokens the test it replaced skipped: by their
// first byte and orgAcronym.
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
			got := !slices.Contains(p.heads, int32(i)) || !orgAcronym(w)
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

// TestHeads checks the parser's list of the words that start with a
// capital or a digit against every token's.
func TestHeads(t *testing.T) {
	for _, s := range fastTexts(t) {
		p := newEntParser(&Doc{Text: s})
		var want []int32
		for i, tk := range p.t {
			if tk.kind == ptWord && (tk.capital || '0' <= s[tk.start] && s[tk.start] <= '9') {
				want = append(want, int32(i))
			}
		}
		if !slices.Equal(p.heads, want) {
			t.Fatalf("%.80q: heads %v, want %v", s, p.heads, want)
		}
		p.release()
	}
}

// TestPass1Skip checks that pass1, passing over the lower-case words
// that start with neither 't' nor 'c', passes over none that it read
// before: "the" and the words whose lower-case form starts with 'c'.
func TestPass1Skip(t *testing.T) {
	texts := fastTexts(t)
	pieces := []string{"the", "tHE", "The", "counterpart", "cOVID", "ǅemal", "ça", "Ça", "K", "Å", "20", " ", "-", "’s", ".", "x"}
	r := rand.New(rand.NewSource(6))
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
		for i, tk := range p.t {
			if tk.kind != ptWord || tk.capital || p.lows[i] != "the" && p.lows[i][0] != 'c' {
				continue
			}
			n++
			if c := s[tk.start]; c != 't' && c != 'c' {
				t.Fatalf("%.80q: token %d %q passed over", s, i, p.lows[i])
			}
		}
		p.release()
	}
	if n == 0 {
		t.Fatal("no lower-case anchor word seen")
	}
}

// TestNoTitleAt checks that chain finds nothing at the words noTitleAt
// lets pass1 pass over.
func TestNoTitleAt(t *testing.T) {
	n := 0
	for _, s := range fastTexts(t) {
		d := &Doc{Text: s}
		d.Mentions = Countries{}.Extract(d)
		p := newEntParser(d)
		p.findOrgs()
		for i, tk := range p.t {
			if tk.kind != ptWord || !tk.capital && p.lows[i] != "the" || !p.noTitleAt(i) {
				continue
			}
			n++
			if _, ok := p.chain(i); ok {
				t.Fatalf("%.80q: chain at token %d %q", s, i, p.lows[i])
			}
		}
		p.release()
	}
	if n == 0 {
		t.Fatal("no word passed over")
	}
}
