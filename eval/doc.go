// Package eval scores communique output against hand-annotated gold. It is
// an exact port of ../shared/eval/score.py: Score reads the same inputs,
// counts the same matches and misses, and Report.Write prints the same bytes
// as `python3 score.py --gold GOLD --out OUT [-v]`, so a figure quoted from
// either tool means the same thing.
//
// Inputs: GOLD holds one DOC_ID.json per document (format: see
// ../shared/gold/seeds); OUT is what `communique run --out OUT` wrote, each
// of the tables documents, events and mentions as OUT/T.jsonl, as
// OUT/T/*.jsonl parts, or both. Only documents that have gold are scored.
//
// The port keeps Python's semantics where they show: JSON values keep their
// dynamic types (1 == 1.0 == true, objects keep key order), tokenizing uses
// Python's Unicode \w and \s classes, str.split and str.lower (with final
// sigma and U+0130), messages print values the way str() and repr() do, and
// counters break ties by first insertion like collections.Counter. Input
// that would crash score.py (a row that is not an object, a gold "name" that
// is a number) makes Score return an error instead.
//
// Unicode data comes from Go and golang.org/x/text, whose editions may
// differ from the Python build's for characters assigned in recent
// editions; Python's JSON extensions NaN and Infinity are rejected as the
// pipeline never writes them.
package eval
