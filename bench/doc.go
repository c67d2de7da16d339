// Package bench measures communique: Go benchmarks of the whole
// Processor per document and of each extractor on seed-sized documents
// (bench_test.go), the harness behind `make bench` (bench/harness), and
// the naive baseline it is compared with, prose's full NLP pipeline
// (bench/naive). BENCHMARKS.md says how to run them and what they gave.
//
// The package itself only holds the extractor wiring the benchmarks run:
// the same list, in the same order, as `communique run` (TestWiring keeps
// the two in step).
package bench

import (
	"communique/extractors"
	"communique/pipeline"
)

// Entities returns the entity extractors in the order `communique run`
// runs them; each sees the mentions of those before it.
func Entities() []extractors.Extractor {
	return []extractors.Extractor{
		extractors.Dates{},
		extractors.Countries{},
		extractors.OrgsAndPersons{},
		extractors.ProseNames{},
		extractors.GatheringNames{},
	}
}

// Events returns the event extractors in the order `communique run` runs
// them.
func Events() []extractors.EventExtractor {
	return []extractors.EventExtractor{
		extractors.Visits{},
		extractors.Meetings{},
		extractors.Agreements{},
		extractors.Gatherings{},
		extractors.Rankings{},
	}
}

// Processor returns a Processor wired as `communique run` wires it, with
// the default normalize options.
func Processor() *pipeline.Processor {
	return &pipeline.Processor{Entities: Entities(), Events: Events()}
}
