package extractors

import (
	"os"
	"path/filepath"
	"testing"
)

func TestHomeCountry(t *testing.T) {
	tests := []struct {
		name, pub, text, want string
	}{
		{
			name: "publisher line decides",
			pub:  "Ministry of Foreign Affairs of Japan",
			text: "Foreign Minister Kamikawa met Secretary of State Blinken in Washington. The United States and Australia were discussed.",
			want: "JPN",
		},
		{
			name: "own country named first in pairs, foreign officials discounted",
			text: "Foreign Secretary visits Germany\n\nForeign Secretary David Lammy met German Foreign Minister Annalena Baerbock in Berlin. He said: \"The UK and Germany are close partners.\"",
			want: "GBR",
		},
		{
			name: "dateline",
			text: "Secretary Manalo meets Chinese Foreign Minister\n\nMANILA, 12 June 2024 - Secretary of Foreign Affairs Enrique A. Manalo held a bilateral meeting with Chinese Foreign Minister Wang Yi. Foreign Minister Wang said China is ready to manage differences.",
			want: "PHL",
		},
		{
			name: "possessive and government",
			text: "Korea's e-government ranked first. In response to the request by Greece and Romania, the Korean government sent the delegation to Greece and Romania. The delegation visited Romania.",
			want: "KOR",
		},
		{
			name: "destinations are discounted",
			text: "His Highness Sheikh Abdullah bin Zayed Al Nahyan received the French Minister for Europe. The UAE and France discussed relations. The minister later travelled to France and visited France again.",
			want: "ARE",
		},
		{name: "no country at all", text: "The minister met the mayor.", want: ""},
		{name: "empty", text: "", want: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := personsDoc(tt.text, tt.pub)
			if got := HomeCountry(d); got != tt.want {
				t.Errorf("HomeCountry = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestHomeCountrySeeds: every seed is a release of the Korean Ministry of
// the Interior and Safety.
func TestHomeCountrySeeds(t *testing.T) {
	files, _ := filepath.Glob("../../shared/corpus/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("no seeds at ../../shared/corpus/seeds")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := personsDoc(personsNormalize(string(b)), "")
		if got := HomeCountry(d); got != "KOR" {
			t.Errorf("%s: HomeCountry = %q, want KOR", filepath.Base(f), got)
		}
	}
}
