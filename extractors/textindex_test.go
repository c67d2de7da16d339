package extractors

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestTextIndex checks each answer of textIndex against the scan it
// replaces, at every offset of texts made of the bytes it indexes.
func TestTextIndex(t *testing.T) {
	texts := []string{"", "\n", "a", "(a)\n(b", "x (y, z. w; (v\n)) u > t | s\n\n"}
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "ab \n(),.;>|"
	for range 200 {
		b := make([]byte, r.IntN(60))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		texts = append(texts, string(b))
	}
	// long lines with sparse punctuation: clauseStart looks back past
	// its first window
	for range 5 {
		b := make([]byte, 3000)
		for i := range b {
			b[i] = "abcdefgh "[r.IntN(9)]
			if r.IntN(400) == 0 {
				b[i] = ".,;\n("[r.IntN(5)]
			}
		}
		text := string(b)
		ix := newTextIndex(text)
		for range 2000 {
			off := r.IntN(len(text) + 1)
			from := r.IntN(off + 1)
			cs := from
			if k := strings.LastIndexAny(text[from:off], ".,;"); k >= 0 {
				cs = from + k + 1
			}
			if got := ix.clauseStart(from, off); got != cs {
				t.Fatalf("long text: clauseStart(%d, %d) = %d, want %d", from, off, got, cs)
			}
		}
	}
	for _, text := range texts {
		ix := newTextIndex(text)
		for off := 0; off <= len(text); off++ {
			ls := strings.LastIndexByte(text[:off], '\n') + 1
			if got := ix.lineStart(off); got != ls {
				t.Fatalf("%q: lineStart(%d) = %d, want %d", text, off, got, ls)
			}
			le := len(text)
			if k := strings.IndexByte(text[off:], '\n'); k >= 0 {
				le = off + k
			}
			if got := ix.lineEnd(off); got != le {
				t.Fatalf("%q: lineEnd(%d) = %d, want %d", text, off, got, le)
			}
			pre := text[ls:off]
			if got, want := ix.inParens(off), strings.Count(pre, "(") > strings.Count(pre, ")"); got != want {
				t.Fatalf("%q: inParens(%d) = %v, want %v", text, off, got, want)
			}
			for from := 0; from <= off; from++ {
				cs := from
				if k := strings.LastIndexAny(text[from:off], ".,;"); k >= 0 {
					cs = from + k + 1
				}
				if got := ix.clauseStart(from, off); got != cs {
					t.Fatalf("%q: clauseStart(%d, %d) = %d, want %d", text, from, off, got, cs)
				}
				if got, want := ix.hasNavSep(from, off), strings.ContainsAny(text[from:off], ">|"); got != want {
					t.Fatalf("%q: hasNavSep(%d, %d) = %v, want %v", text, from, off, got, want)
				}
			}
		}
	}
}

// TestOfficeAt: officeAt answers as officeOf over the same text.
func TestOfficeAt(t *testing.T) {
	words := []string{"Minister", "of", "Foreign", "Affairs", "the", "Ministry", "Prime", " ", ",", ".", ";", "\n", "Korea"}
	r := rand.New(rand.NewPCG(5, 6))
	texts := []string{"Minister of Foreign Affairs of ", "the Ministry of Foreign Affairs of the ", "Talks, Minister of Trade of the  "}
	for range 3000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(words[r.IntN(len(words))])
			b.WriteByte(' ')
		}
		texts = append(texts, b.String())
	}
	offices := 0
	for _, text := range texts {
		ix := newTextIndex(text)
		for from := 0; from <= len(text); from += 3 {
			got, want := officeAt(text, ix, from, len(text)), officeOf(text[from:])
			if got != want {
				t.Fatalf("officeAt(%q, %d) = %v, officeOf says %v", text, from, got, want)
			}
			if want {
				offices++
			}
		}
	}
	if offices == 0 {
		t.Fatal("no text ends with an office: the test compares nothing")
	}
}

// TestLowerASCII: containsLower and hasPrefixLower answer as
// strings.ToLower would, whatever the runes and bytes around.
func TestLowerASCII(t *testing.T) {
	pieces := []string{"w", "W", "i", "I", "İ", "t", "T", "h", "H", " ", "K", "k", "K", "\xe2", "\xff", "é", "’", "WITH", "with"}
	r := rand.New(rand.NewPCG(7, 8))
	seen := 0
	for range 20000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		for _, sub := range []string{" with ", "with", "ik", " and i "} {
			want := strings.Contains(strings.ToLower(s), sub)
			if got := containsLower(s, sub); got != want {
				t.Fatalf("containsLower(%q, %q) = %v, want %v", s, sub, got, want)
			}
			if want {
				seen++
			}
			if got, want := hasPrefixLower(s, sub), strings.HasPrefix(strings.ToLower(s), sub); got != want {
				t.Fatalf("hasPrefixLower(%q, %q) = %v, want %v", s, sub, got, want)
			}
		}
	}
	if seen == 0 {
		t.Fatal("no string holds the words: the test compares nothing")
	}
}

// TestSpanIndex checks spanIndex against the scans it replaces.
func TestSpanIndex(t *testing.T) {
	hasKind := func(ms []Mention, s Span, k Kind) bool {
		for _, m := range ms {
			if m.Kind == k && s.Contains(m.Span) {
				return true
			}
		}
		return false
	}
	r := rand.New(rand.NewPCG(9, 10))
	kinds := []Kind{KindPerson, KindCountry}
	found := 0
	for range 500 {
		var ms []Mention
		for range r.IntN(8) {
			s := r.IntN(40)
			ms = append(ms, Mention{Kind: kinds[r.IntN(2)], Span: Span{s, s + r.IntN(6)}})
		}
		x := newSpanIndex(ms)
		for s := 0; s < 45; s++ {
			for e := s; e < 50; e += 2 {
				sp := Span{s, e}
				if got, want := x.overlaps(sp), overlapsAny(ms, sp); got != want {
					t.Fatalf("%v: overlaps(%v) = %v, want %v", ms, sp, got, want)
				}
				got, want := x.hasKind(sp, KindPerson), hasKind(ms, sp, KindPerson)
				if got != want {
					t.Fatalf("%v: hasKind(%v) = %v, want %v", ms, sp, got, want)
				}
				if want {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no span holds a person: the test compares nothing")
	}
}

// TestSpanSet checks spanSet against scans of the spans in their order.
func TestSpanSet(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	found := 0
	for range 500 {
		var spans []Span
		for range r.IntN(8) {
			s := r.IntN(40)
			spans = append(spans, Span{s, s + r.IntN(12)})
		}
		x := newSpanSet(len(spans), func(i int) Span { return spans[i] })
		for off := 0; off < 55; off++ {
			want := -1
			for i, o := range spans {
				if o.Start <= off && off < o.End {
					want = i
					break
				}
			}
			if got := x.first(off); got != want {
				t.Fatalf("%v: first(%d) = %d, want %d", spans, off, got, want)
			}
			for e := off; e < 55; e += 3 {
				s := Span{off, e}
				want := false
				for _, o := range spans {
					if o.Contains(s) && o != s {
						want = true
					}
				}
				if got := x.contains(s, true); got != want {
					t.Fatalf("%v: contains(%v) = %v, want %v", spans, s, got, want)
				}
				if want {
					found++
				}
			}
		}
	}
	if found == 0 {
		t.Fatal("no span is held: the test compares nothing")
	}
}

// newSpanIndex indexes the spans and kinds of ms.
func newSpanIndex(ms []Mention) *spanIndex {
	ks := make([]kindSpan, len(ms))
	for i, m := range ms {
		ks[i] = kindSpan{m.Span, m.Kind}
	}
	return indexSpans(ks)
}
