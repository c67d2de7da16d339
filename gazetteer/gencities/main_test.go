package main

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The inputs, as go generate finds them from the gazetteer directory.
const (
	dataDir   = "../../../shared/data"
	wordsFile = "/usr/share/dict/british-english"
)

// TestUpToDate regenerates the table from its inputs and compares it
// with the committed data/cities.tsv. It is skipped where the inputs
// are missing (shared/data beside the repository; the wbritish
// package).
func TestUpToDate(t *testing.T) {
	for _, p := range []string{dataDir + "/" + simplemapsFile, dataDir + "/" + geonamesFile, wordsFile} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("input missing: %v", err)
		}
	}
	var b strings.Builder
	if err := generate(&b, dataDir, wordsFile); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../data/cities.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if b.String() != string(want) {
		t.Errorf("data/cities.tsv is not what gencities makes of its inputs (%d bytes, want %d): run go generate ./gazetteer",
			len(want), b.Len())
	}
}

func TestCleanName(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Nice", []string{"Nice"}},
		{" Addis  Ababa ", []string{"Addis Ababa"}},
		{"Biel/Bienne", []string{"Biel", "Bienne"}},
		{"'Alī Ābād", []string{"Alī Ābād"}},
		// error rows: names the table leaves out
		{"", nil},
		{"les Escaldes", nil},
		{"Zürich (Kreis 11) / Seebach", nil},
		{"Al Qusais 1", nil},
		{"Islamorada, Village of Islands", nil},
	}
	for _, tt := range tests {
		got, ok := cleanName(tt.in)
		if diff := cmp.Diff(tt.want, got); diff != "" || ok != (tt.want != nil) {
			t.Errorf("cleanName(%q) = %q, %v (-want +got):\n%s", tt.in, got, ok, diff)
		}
	}
}

func TestCountryISO3(t *testing.T) {
	tests := []struct{ in, want string }{
		{"France", "FRA"},
		{"Korea, Republic of", "KOR"},
		{"Korea, Democratic People's Republic of", "PRK"},
		{"Bolivia, Plurinational State of", "BOL"},
		{"Congo, The Democratic Republic of the", "COD"},
		{"Falkland Islands (Malvinas)", "FLK"},
		{"Cocos (Keeling) Islands", "CCK"},
		{"Virgin Islands, British", "VGB"},
		{"Taiwan, Province of China", "TWN"},
		{"No country found for alpha-2 code: XK", "XKX"},
		// error rows
		{"Atlantis", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := countryISO3(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("countryISO3(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestMergeAndAlternates(t *testing.T) {
	sm := []city{
		{name: "Santiago", iso3: "CHL", admin: "Región Metropolitana", pop: 5720000, capital: "primary"},
		{name: "Tiny", iso3: "CHL", pop: 900, capital: "none"},
		{name: "Saint Petersburg", iso3: "RUS", pop: 4553000, capital: "admin"},
	}
	gn := []city{
		{name: "SANTIAGO", iso3: "CHL", admin: "Santiago Metropolitan", capital: "none"}, // same city
		{name: "Tiny", iso3: "CHL", admin: "Maule", capital: "none"},                     // not selected in simplemaps
		{name: "Santiago", iso3: "DOM", admin: "Santiago", capital: "none"},
	}
	var got []string
	for _, c := range merge(sm, gn) {
		got = append(got, c.name+" "+c.iso3+" "+c.capital+" "+strings.Join(alternates(c), "|"))
	}
	want := []string{
		"Santiago CHL primary ",
		"Tiny CHL none ",
		"Santiago DOM none ",
		"Saint Petersburg RUS admin St. Petersburg|St Petersburg",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("merge (-want +got):\n%s", diff)
	}
}
