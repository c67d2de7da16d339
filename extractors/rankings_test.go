package extractors

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
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

// topAtRef is topAt as it was, lower-casing every word.
func (c *Frame) topAtRef(ws []tok, i int) bool {
	var buf [32]byte
	w := appendLower(buf[:0], ws[i].s) // strings.ToLower, without allocating
	if topVerbs[string(w)] {
		return i > 0 && c.countryEndsAt(ws[i-1].end)
	}
	if string(w) != "top" || i+1 >= len(ws) {
		return false
	}
	next := strings.ToLower(ws[i+1].s)
	switch next {
	case "spot", "place", "position", "rank":
		return true
	}
	if _, err := strconv.Atoi(next); err == nil || ordinalWords[next] != 0 || cardinals[next] != 0 || next == "of" && i+2 < len(ws) && strings.EqualFold(ws[i+2].s, "the") {
		return false
	}
	return i > 0 && inLower(rankVerbs, ws[i-1].s)
}

// TestTopAt checks topAt, which passes over a word that does not start
// with t, against topAtRef on the words of generated documents' sentences
// and on sentences of random words, some of them top words.
func TestTopAt(t *testing.T) {
	for w := range topVerbs {
		if w[0] != 't' {
			t.Fatalf("top verb %q: topAt passes over words that do not start with t", w)
		}
	}
	_, docs := areaDocs(t, 30)
	rng := rand.New(rand.NewPCG(5, 6))
	pool := []string{"top", "Top", "TOP", "tops", "Tops", "topped", "TOPPING", "topping", "tōp", "spot", "place", "10", "of", "the",
		"ranked", "ranks", "Kenya", "Ghana", "first", "ten", "top-ranked", "to", "t", "T", "", "İtop", "ｔop"}
	for _, d := range docs {
		d.Mentions = slices.Clone(d.Mentions)
		c := BuildFrame(&d)
		check := func(ws []tok) {
			for i := range ws {
				if got, want := c.topAt(ws, i), c.topAtRef(ws, i); got != want {
					t.Fatalf("%s: topAt(%q, %d) = %v, want %v", d.ID, ws[i].s, i, got, want)
				}
			}
		}
		var ws []tok
		for i := range d.Sentences {
			text, sp := c.sentence(i)
			ws = appendWordsOf(ws[:0], text, sp.Start)
			check(ws)
		}
		for range 200 {
			ws = ws[:0]
			at := 0
			for range 1 + rng.IntN(8) {
				w := pool[rng.IntN(len(pool))]
				ws = append(ws, tok{s: w, start: at, end: at + len(w)})
				at += len(w) + 1
			}
			check(ws)
		}
	}
}

// ordinalAtRef is ordinalAt as it was, lower-casing every word.
func ordinalAtRef(ws []tok, i int) (int, int) {
	var buf [32]byte
	lw := appendLower(buf[:0], ws[i].s)
	if ordinalShape.may(lw) {
		if n, ok := ordinalWords[string(lw)]; ok {
			return n, 1
		}
	}
	w := ws[i].s
	if ordinalWord(w) && len(w) > 2 && !isYearWord(w) {
		if n, err := strconv.Atoi(w[:len(w)-2]); err == nil && n < 1000 {
			return n, 1
		}
	}
	if (string(lw) == "no" || string(lw) == "number") && i+1 < len(ws) {
		j := i + 1
		if ws[j].s == "." && j+1 < len(ws) {
			j++
		}
		if n, err := strconv.Atoi(ws[j].s); err == nil && n > 0 && n < 300 {
			return n, j - i + 1
		}
	}
	return 0, 0
}

// TestOrdinalAt checks ordinalAt, which passes over an ASCII word its
// first byte and length rule out, against ordinalAtRef on the words of
// generated documents' sentences and on sentences of random words.
func TestOrdinalAt(t *testing.T) {
	_, docs := areaDocs(t, 30)
	rng := rand.New(rand.NewPCG(7, 8))
	pool := []string{"first", "First", "FIRST", "FİRST", "fİrst", "THİRD", "second", "Twentieth", "nineteenth", "Ninth", "No", "NO", "no", "Number",
		"number", ".", "1", "12", "300", "13th", "21st", "2nd", "3RD", "2023", "1999th", "Kenya", "ranked", "firsts", "", "ｆirst", "_first", "[first"}
	check := func(ws []tok) {
		for i := range ws {
			n, w := ordinalAt(ws, i)
			if rn, rw := ordinalAtRef(ws, i); n != rn || w != rw {
				t.Fatalf("ordinalAt(%q, %d) = %d, %d; want %d, %d", ws[i].s, i, n, w, rn, rw)
			}
		}
	}
	var ws []tok
	for _, d := range docs {
		for _, sp := range d.Sentences {
			ws = appendWordsOf(ws[:0], d.Text[sp.Start:sp.End], sp.Start)
			check(ws)
		}
	}
	for range 20000 {
		ws = ws[:0]
		for range 1 + rng.IntN(4) {
			ws = append(ws, tok{s: pool[rng.IntN(len(pool))]})
		}
		check(ws)
	}
}
