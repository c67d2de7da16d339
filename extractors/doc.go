// Package extractors finds entities and events in normalized press-release
// text.
//
// Entity extractors (Extractor) return mentions; the pipeline appends them
// to Doc.Mentions in a fixed order, so a later extractor sees what earlier
// ones found. Event extractors (EventExtractor) read a Doc whose mentions
// are complete. All offsets inside this package are byte offsets into
// Doc.Text, half-open; the pipeline converts them to rune offsets for the
// output tables. Extractors are pure: no goroutines, no logging, no state
// mutated after construction, safe for concurrent use.
package extractors
