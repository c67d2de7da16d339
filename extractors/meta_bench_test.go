package extractors

import "testing"

// BenchmarkReadMetaCorpus reads the metadata of every document of the
// regression corpus; one op is the whole corpus.
func BenchmarkReadMetaCorpus(b *testing.B) {
	docs := regressionCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			ReadMeta(d.text)
		}
	}
}

// BenchmarkDatesCorpus finds the dates of every document of the
// regression corpus, given its sentences; one op is the whole corpus.
func BenchmarkDatesCorpus(b *testing.B) {
	docs := regressionCorpus(b)
	ds := make([]Doc, len(docs))
	for i, d := range docs {
		ds[i] = Doc{Text: d.text, Meta: ReadMeta(d.text), Sentences: Sentences(d.text)}
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range ds {
			Dates{}.Extract(&ds[i])
		}
	}
}
