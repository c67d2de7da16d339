package extractors

import "testing"

// BenchmarkGatheringNames times GatheringNames.Extract on 200 generated
// documents, one op a document.
func BenchmarkGatheringNames(b *testing.B) {
	_, docs := areaDocs(b, 200)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		GatheringNames{}.Extract(&docs[i%len(docs)])
		i++
	}
}

// BenchmarkIsHeadNoun asks isHeadNoun (new) and the shape filter alone
// (old) the words of the sentences of 200 generated documents that have a
// gathering word, one op all of them.
func BenchmarkIsHeadNoun(b *testing.B) {
	_, docs := areaDocs(b, 200)
	var ws []string
	for _, d := range docs {
		for _, sp := range d.Sentences {
			if text := d.Text[sp.Start:sp.End]; hasGatheringWord(text) {
				for _, w := range appendWordsOf(nil, text, 0) {
					ws = append(ws, w.s)
				}
			}
		}
	}
	for _, f := range []struct {
		name string
		f    func(string) bool
	}{{"new", isHeadNoun}, {"old", func(w string) bool { return inLowerShape(headNouns, headNounShape, w) }}} {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				for _, w := range ws {
					f.f(w)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ws)), "ns/word")
		})
	}
}
