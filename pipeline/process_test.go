package pipeline

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLanguage(t *testing.T) {
	for _, w := range []string{"the", "and", "of", "to", "in", "with", "for", "on", "was", "is", "will", "a"} {
		if !isEnglishMarker([]byte(w)) {
			t.Errorf("isEnglishMarker(%q) is false", w)
		}
		if len(w) > maxEnglishWord {
			t.Errorf("marker %q is longer than maxEnglishWord %d", w, maxEnglishWord)
		}
	}
	for _, w := range []string{"", "th", "them", "an", "wit", "is."} {
		if isEnglishMarker([]byte(w)) {
			t.Errorf("isEnglishMarker(%q) is true", w)
		}
	}
	for _, c := range []struct{ text, want string }{
		{"The Minister met with the Ambassador of Spain to discuss trade.", "en"},
		{"THE MINISTER WILL TRAVEL TO ITALY AND SPAIN.", "en"},
		{"Der Minister traf den Botschafter Spaniens, um über Handel zu sprechen.", "und"},
		{"", "und"},
		{"12345 --- !!!", "und"},
	} {
		if got := language(c.text); got != c.want {
			t.Errorf("language(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

// languageRef is language without its early answer: every word counted.
func languageRef(text string) string {
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
			if n <= len(buf) {
				for k := range n {
					buf[k] = text[i+k] | 0x20
				}
				if isEnglishMarker(buf[:n]) {
					hits++
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

// TestLanguageEarly checks language, which stops once the answer cannot
// change, against counting every word, on texts near the 8% threshold:
// marker words first or last, one-letter words to the end.
func TestLanguageEarly(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	words := []string{"the", "a", "Minister", "x", "y", "trade", "of", "und", "z", "I", "talks"}
	seps := []string{" ", "", ", ", ".", "\n", "-", "é", "3"}
	for range 50000 {
		var sb strings.Builder
		for range r.IntN(60) {
			sb.WriteString(words[r.IntN(len(words))])
			sb.WriteString(seps[r.IntN(len(seps))])
		}
		text := sb.String()
		if got, want := language(text), languageRef(text); got != want {
			t.Fatalf("language(%q) = %q, want %q", text, got, want)
		}
	}
	for _, text := range []string{
		"the " + strings.Repeat("x ", 11), "the " + strings.Repeat("x ", 12), "the " + strings.Repeat("x ", 13),
		strings.Repeat("x ", 12) + "the", strings.Repeat("x ", 11) + "the", "the" + strings.Repeat(" x", 12),
	} {
		if got, want := language(text), languageRef(text); got != want {
			t.Errorf("language(%q) = %q, want %q", text, got, want)
		}
	}
}

func BenchmarkLanguage(b *testing.B) {
	text := strings.Repeat("The Minister met with the Ambassador of Spain, H.E. José Núñez, to discuss trade. ", 64)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		language(text)
	}
}

// TestRuneOffsets checks runeOffsets at every byte of texts with
// characters of every length across its block boundaries: the offset of
// a byte is the number of characters before the one it is in.
func TestRuneOffsets(t *testing.T) {
	pieces := []string{"a", "é", "한", "𝄞", " ", "ü"}
	for n := range 300 {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(pieces[(i*7+n)%len(pieces)])
		}
		text := b.String()
		ro := newRuneOffsets(text)
		starts := int64(0) // characters starting before i
		for i := 0; i <= len(text); i++ {
			want := starts
			if i < len(text) && !utf8.RuneStart(text[i]) {
				want-- // inside a character that started before i
			}
			if got := ro.rune(i); got != want {
				t.Fatalf("text %q: rune(%d) = %d, want %d", text, i, got, want)
			}
			if i < len(text) && utf8.RuneStart(text[i]) {
				starts++
			}
		}
	}
}
