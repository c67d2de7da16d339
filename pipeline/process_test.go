package pipeline

import (
	"strings"
	"testing"
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

func BenchmarkLanguage(b *testing.B) {
	text := strings.Repeat("The Minister met with the Ambassador of Spain, H.E. José Núñez, to discuss trade. ", 64)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		language(text)
	}
}
