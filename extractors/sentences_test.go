package extractors

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSentencesBounded checks that a stretch of text without a stop is cut
// into sentences of at most maxSentence bytes, at a comma or a space where
// there is one and never inside a character, and that together they hold
// all of its text, in order.
func TestSentencesBounded(t *testing.T) {
	tests := []struct {
		name string
		text string
		cut  string // what every piece but the last ends with, "" for anything
	}{
		{"a list of names", "Heads of delegation: " + strings.Repeat("Deputy Minister Jan Novak of Czechia, ", 6000) + "and others.", ","},
		{"capitalised words", strings.Repeat("Alpha Bravo Council Delta ", 9000), ""},
		{"no spaces", strings.Repeat("ÅngströmÖdegård", 12000), ""},
		{"short", "Minister Lee visited Italy. He met the Mayor.", ""},
	}
	for _, tt := range tests {
		spans := Sentences(tt.text)
		var joined strings.Builder
		prevEnd := 0
		for i, sp := range spans {
			s := tt.text[sp.Start:sp.End]
			if sp.Len() > maxSentence {
				t.Errorf("%s: sentence %d is %d bytes, over %d", tt.name, i, sp.Len(), maxSentence)
			}
			if sp.Start < prevEnd || !utf8.ValidString(s) || s != strings.TrimSpace(s) {
				t.Errorf("%s: sentence %d [%d, %d) overlaps, cuts a character or is not trimmed", tt.name, i, sp.Start, sp.End)
			}
			if tt.cut != "" && i < len(spans)-1 && !strings.HasSuffix(s, tt.cut) {
				t.Errorf("%s: sentence %d ends with %q, want a cut after %q", tt.name, i, s[max(0, len(s)-10):], tt.cut)
			}
			prevEnd = sp.End
			joined.WriteString(s)
		}
		if strings.Join(strings.Fields(joined.String()), "") != strings.Join(strings.Fields(tt.text), "") {
			t.Errorf("%s: the sentences do not hold all the text", tt.name)
		}
		if len(tt.text) > maxSentence && len(spans) < len(tt.text)/maxSentence {
			t.Errorf("%s: %d sentences for %d bytes", tt.name, len(spans), len(tt.text))
		}
	}
}

func BenchmarkSentences(b *testing.B) {
	docs := regressionCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			Sentences(d.text)
		}
	}
}
