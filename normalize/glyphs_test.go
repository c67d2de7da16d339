package normalize

import (
	"strings"
	"testing"
)

func TestSwappedCase(t *testing.T) {
	filler := strings.Repeat("The Prime Minister met the delegation and discussed trade. ", 8)
	swappedN := strings.ReplaceAll(filler, "n", "N")
	tests := []struct {
		name, in, want string
	}{
		{"n printed as N throughout (a digest)",
			"The GermaN Federal PresideNt FraNk-Walter SteiNmeier was iN Georgia oN aN official visit. NatioNal Assembly. " + swappedN,
			"The German Federal President Frank-Walter Steinmeier was in Georgia on an official visit. National Assembly. " + filler},
		{"e printed as E throughout (a bulletin)",
			strings.ReplaceAll("The Minister met the President of Kenya. "+filler, "e", "E"),
			"The Minister met the President of Kenya. " + filler},
		{"ordinary text is left alone", "The NATO Summit in McAllen and iPhone sales. " + filler, "The NATO Summit in McAllen and iPhone sales. " + filler},
		{"too short to tell", "The GermaN PresideNt iN Georgia.", "The GermaN PresideNt iN Georgia."},
		{"a letter that also appears in lower case is not swapped", strings.ReplaceAll(filler, "in", "iN"), strings.ReplaceAll(filler, "in", "iN")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := swappedCase(tt.in)
			if got != tt.want {
				t.Errorf("swappedCase:\n got  %q\n want %q", got[:min(120, len(got))], tt.want[:min(120, len(tt.want))])
			}
			if len(got) != len(tt.in) {
				t.Errorf("length changed: %d -> %d", len(tt.in), len(got))
			}
		})
	}
}
