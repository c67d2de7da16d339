// Package gazetteer holds communique's data tables (countries with their
// names, aliases, demonyms and major cities; the world's cities; official
// titles) as embedded data files, and the lookups over them.
//
// Countries: Find finds country references in text, Lookup and ByISO3
// look them up. Cities: FindCities finds candidate city names in text in
// one pass, CityContext.Resolve decides which are cities and of which
// country, Cities looks a name up. The city table, data/cities.tsv, is
// generated from CC BY 4.0 sources by gencities (go generate); its
// header gives the sources, attributions and selection rule.
package gazetteer

import (
	"iter"
	"strings"
)

// dataLines yields the data lines of an embedded table with their 1-based
// line numbers: "\r" trimmed from the end, blank lines and "#" comments
// skipped.
func dataLines(text string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for n, line := range strings.Split(text, "\n") {
			line = strings.TrimRight(line, "\r")
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if !yield(n+1, line) {
				return
			}
		}
	}
}
