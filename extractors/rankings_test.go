package extractors

import (
	"testing"
)

func TestRankings(t *testing.T) {
	tests := []struct {
		name, pub, headline, body string
		want                      []string
	}{
		{"tops, years per position, a place that went to a country and those after it", gha, "Ghana tops African port efficiency index",
			"Ghana came first in the African Port Efficiency Index (APEI) published on 5 March by the Regional Ports Council. Ghana ranked fourth in 2022 and sixth in 2021. Second place went to Morocco, followed by Egypt, Kenya, and Senegal.",
			[]string{`ranking occurred GHA #1 "African Port Efficiency Index" 2024`,
				`ranking occurred GHA #4 "African Port Efficiency Index" 2022`, `ranking occurred GHA #6 "African Port Efficiency Index" 2021`,
				`ranking occurred MAR #2 "African Port Efficiency Index" 2024`, `ranking occurred EGY #3 "African Port Efficiency Index" 2024`,
				`ranking occurred KEN #4 "African Port Efficiency Index" 2024`, `ranking occurred SEN #5 "African Port Efficiency Index" 2024`}},
		{"a named field first, and a climb to a number", chl, "Chile leads in open data",
			"Chile was recognised for how it publishes Open Government Data, coming first within Latin America in the newly released Regional Digital Scoreboard 2023. Overall, the scoreboard shows Chile climbing one place to number 4 in the region.",
			[]string{`ranking occurred CHL #1 "Open Government Data" 2023`, `ranking occurred CHL #4 "Regional Digital Scoreboard 2023" 2023`}},
		{"ranked top, the acronym dropped", ken, "Kenya leads digital index",
			"Kenya was ranked top in the East African Digital Index (EADI) 2023, ahead of Rwanda.",
			[]string{`ranking occurred KEN #1 "East African Digital Index 2023" 2023`}},
		{"an index named with of, and a previous edition told before the place", ken, "Kenya in economic freedom index",
			"Kenya ranked 2nd in the Index of Economic Freedom 2023. Compared with the previous edition, in which it placed 12th, Kenya improved its scores.",
			[]string{`ranking occurred KEN #2 "Index of Economic Freedom 2023" 2023`, `ranking occurred KEN #12 "Index of Economic Freedom 2023" 0`}},
		{"the top ten, the top of an agenda and top performers are no positions", hrv, "Croatia in regional index",
			"Croatia remains within the top 10 of the Adriatic Tourism Index. Security tops the agenda, and Croatia is one of the top performers in the index.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkEvents(t, Rankings{}, tt.pub, tt.headline, tt.body, tt.want) })
	}
}
