// Package bench measures communique: Go benchmarks of the whole
// Processor per document and of each extractor on seed-sized documents
// (bench_test.go), the harness behind `make bench` (bench/harness), and
// the naive baseline it is compared with, prose's full NLP pipeline
// (bench/naive). BENCHMARKS.md says how to run them and what they gave.
//
// The package itself only holds the extractor wiring the benchmarks run:
// extractors.Default, the list `communique run` runs.
package bench

import (
	"communique/extractors"
	"communique/pipeline"
)

// Entities returns the entity extractors in the order `communique run`
// runs them (extractors.Default); each sees the mentions of those before
// it.
func Entities() []extractors.Extractor { return extractors.Default().Entities }

// Events returns the event extractors in the order `communique run` runs
// them.
func Events() []extractors.EventExtractor { return extractors.Default().Events }

// Processor returns a Processor wired as `communique run` wires it, with
// the default normalize options.
func Processor() *pipeline.Processor {
	return &pipeline.Processor{Stack: extractors.Default()}
}
