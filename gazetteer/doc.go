// Package gazetteer holds communique's data tables (countries with their
// names, aliases, demonyms and cities; official titles) as embedded data
// files, and the lookups over them.
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
