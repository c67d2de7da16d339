// Package gen generates a deterministic synthetic corpus of government press
// releases for benchmarks: the same Options give the same files, byte for
// byte, on every machine, so a throughput or memory figure measured anywhere
// is measured on the same data.
//
// The documents imitate the English releases communique reads (see the
// seeds in ../shared/corpus/seeds): outgoing multi-country trips with
// per-country date ranges in tab-separated tables and in prose, announced
// trips, incoming visits, meetings with named foreign officials (Minister,
// Foreign Minister, Vice Minister, State Secretary, Ambassador, Mayor, Prime
// Minister, President, Secretary-General; H.E., His Highness, Dr, Mr, Ms),
// MOUs signed or agreed to be signed, named forums and summits with dates,
// index rankings ("ranked 13th in the E-Government Development Index 2022"),
// and the noise of real releases: site navigation and kicker lines,
// publication dates in a dozen formats or none, bullets, footers, curly
// quotes, PDF page breaks that split a name ("Lee Sang-" + blank line +
// "min") or a sentence, a stray line of Devanagari in about 5% of documents,
// CRLF line ends in about 3%. Fourteen publishing governments, over 70
// counterpart countries, and fictional people named per naming culture.
// Every document is valid UTF-8 with no control characters but tab, LF and
// (in CRLF documents) CR.
//
// Sizes: about 9% are short statements of 0.8-1.5 KB, about 85% run 2-8.5 KB,
// and about 5% are long releases of 12-19 KB; the mean is about 5.3 KB.
//
// Document(seed, i) composes document i alone, from a PCG stream seeded by
// (seed, i), so documents can be made in any order and in parallel; Write
// does so with a fixed pool of workers. Templates and word lists live in
// data/ as embedded text and TSV files (data/README.md describes them). The
// package draws raw 64-bit values from math/rand/v2's PCG, whose output is
// fixed by its published algorithm, and does its own bounded sampling; it
// iterates no maps and uses no floating point while composing. Changing the
// data or the composer changes the corpus, which TestCorpusFingerprint
// reports.
package gen
