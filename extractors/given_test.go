package extractors

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseTimestamp(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{in: "2024-03-12", want: "2024-03-12"},
		{in: "2024-03-12T10:00:00", want: "2024-03-12T10:00:00"},
		{in: "2024-03-12T10:30", want: "2024-03-12T10:30:00"},
		{in: "12/03/2024", bad: true},
		{in: "2024-13-01", bad: true},
		{in: "", bad: true},
	}
	for _, tt := range tests {
		ts, err := ParseTimestamp(tt.in)
		if tt.bad {
			if err == nil {
				t.Errorf("ParseTimestamp(%q) = %v, want an error", tt.in, ts)
			}
			continue
		}
		if err != nil || ts.String() != tt.want {
			t.Errorf("ParseTimestamp(%q) = %v, %v; want %s", tt.in, ts, err, tt.want)
		}
	}
}

// TestGiven checks that what the input says of a document fills the gaps
// of the page's metadata and names the publisher through its address.
func TestGiven(t *testing.T) {
	pub, _ := ParseTimestamp("2024-05-29")
	tests := []struct {
		name  string
		text  string
		given Given
		home  string
		by    string
		pub   string
		gave  bool // the date is the given one
	}{
		{name: "a government address names the publisher (Singapore)",
			text:  "Minister visits Japan and Korea\n\nThe Minister met the Foreign Minister of Japan in Tokyo. Japan's support and Japan's grants were welcomed.",
			given: Given{URL: "https://www.mfa.gov.sg/Newsroom/Press-Statements/2024/05/visit"}, home: "SGP", by: HomeByURL},
		{name: "a government address names the publisher (Kenya)",
			text:  "Cabinet Secretary in Uganda\n\nThe Cabinet Secretary held talks with the Minister of Foreign Affairs of Uganda. Uganda's ports were discussed.",
			given: givens("https://www.mfa.go.ke/news/cs-in-kampala", ""), home: "KEN", by: HomeByURL},
		{name: "an aggregator's address says nothing",
			text:  "Minister in Rome\n\nFrance's Minister met Italy's Minister in Rome. France's support was welcomed.",
			given: givens("https://www.example-news.com/a/1", ""), home: "FRA", by: HomeByMentions},
		{name: "a given publisher fills the page's gap (Ghana)",
			text:  "Minister receives envoys\n\nThe Minister received the ambassadors of Chile and Peru.",
			given: givens("", "Ministry of Foreign Affairs and Regional Integration, Ghana"), home: "GHA", by: HomeByPublisher},
		{name: "a given date anchors the page's relative dates",
			text:  "Minister receives envoys\n\nToday the Minister of Peru received the ambassador of Chile.",
			given: Given{Published: pub}, pub: "2024-05-29", gave: true},
		{name: "the page's own date wins over the given one",
			text:  "Minister receives envoys\n\nPublished 12 March 2024\n\nThe Minister of Peru received the ambassador of Chile.",
			given: Given{Published: pub}, pub: "2024-03-12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Doc{Text: tt.text, Given: tt.given}
			Default().Mentions(d)
			if tt.home != "" && (d.Home != tt.home || d.HomeBy != tt.by) {
				t.Errorf("home %q by %q, want %q by %q", d.Home, d.HomeBy, tt.home, tt.by)
			}
			if tt.pub != "" {
				got := ""
				if d.Meta.Published != nil {
					got = d.Meta.Published.String()
				}
				if diff := cmp.Diff([]any{tt.pub, tt.gave}, []any{got, d.Meta.PublishedGiven}); diff != "" {
					t.Errorf("published (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// givens is a Given of an address and a publisher.
func givens(url, publisher string) Given { return Given{URL: url, Publisher: publisher} }
