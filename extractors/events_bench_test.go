package extractors

import (
	"slices"
	"testing"
)

// BenchmarkOnlyJoins times onlyJoins on the gaps between the mentions of
// 200 generated documents, one op a document.
func BenchmarkOnlyJoins(b *testing.B) {
	_, docs := areaDocs(b, 200)
	type gap struct {
		c    *Frame
		text string
		at   int
	}
	var gaps [][]gap
	for _, d := range docs {
		d.Mentions = slices.Clone(d.Mentions)
		c := BuildFrame(&d)
		var gs []gap
		for i := 1; i < len(d.Mentions); i++ {
			if a, e := d.Mentions[i-1].Span.End, d.Mentions[i].Span.Start; a <= e && e-a < 80 {
				gs = append(gs, gap{c, d.Text[a:e], a})
			}
		}
		gaps = append(gaps, gs)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		for _, g := range gaps[i%len(gaps)] {
			g.c.onlyJoins(g.text, g.at)
		}
		i++
	}
}
