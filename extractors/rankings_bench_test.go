package extractors

import (
	"slices"
	"testing"
)

// BenchmarkPositions times positions over the sentences of 200
// generated documents that Rankings reads for them, one op a document.
func BenchmarkPositions(b *testing.B) {
	_, docs := areaDocs(b, 200)
	type sent struct {
		c  *Frame
		ws []tok
	}
	var sents [][]sent
	for _, d := range docs {
		d.Mentions = slices.Clone(d.Mentions)
		c := BuildFrame(&d)
		var ss []sent
		for i := range d.Sentences {
			text, sp := c.sentence(i)
			if c.sentenceMay(i, rankCuePh) && c.matches(rankCuePh, text) || c.hasOrdinal(text) {
				ss = append(ss, sent{c, appendWordsOf(nil, text, sp.Start)})
			}
		}
		sents = append(sents, ss)
	}
	i := 0
	for b.Loop() {
		for _, s := range sents[i%len(sents)] {
			s.c.positions(s.ws)
		}
		i++
	}
}
