package pipeline

import "testing"

func TestLanguage(t *testing.T) {
	for w := range englishWords {
		if len(w) > maxEnglishWord {
			t.Errorf("englishWords has %q, longer than maxEnglishWord %d", w, maxEnglishWord)
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
