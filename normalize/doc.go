// Package normalize turns the raw bytes of a press release into clean,
// NFKC-normalized UTF-8 text with an offset map back to the raw input.
//
// Document is the entry point. It decodes the bytes (UTF-8 with or
// without BOM, UTF-16 with a BOM or by its NUL pattern, or Windows-1252),
// extracts the article text of HTML pages, normalizes characters (NFKC,
// straight quotes, ASCII hyphens, plain spaces, "\n" line ends, no
// control or zero-width characters), repairs mojibake, removes garbled
// script (runs of a writing system that does not belong in an English
// release, while keeping "Lee Sang-min (이상민)"), and tidies lines: white
// space and tables, site chrome around the story, page footers, sentences
// broken by page breaks and hard-wrapped PDF dumps. Whatever it removes as
// garbage is counted in Result.Garbled; site labels in the publisher's own
// script (a Thai date label, a Korean breadcrumb) are chrome, removed but
// not counted. Inputs that are not text documents
// are rejected with a *RejectError, a per-document outcome that the
// pipeline records rather than a failure of the run.
//
// # Offsets
//
// All offsets are byte offsets, spans half-open. Result.Map.Raw(i) is the
// offset in the raw input that byte i of Result.Text comes from: exact
// for copied text, the start of the source for rewritten text, monotone
// non-decreasing throughout. Result.Map.Span(i, j) is the raw span a text
// span comes from. The map is a list of segments, one per stretch copied
// or rewritten as a whole, so it stays small.
//
// # Design
//
// Each step is a pure function from a string to a string plus the
// segments that map its output back to its input (a stage); Document
// composes them. Character-level work goes through golang.org/x/text
// (encoding/charmap, encoding/unicode, unicode/norm), HTML through the
// golang.org/x/net/html tokenizer, whose raw token bytes give every text
// node its offsets. Word lists (site chrome, kickers, function words,
// hyphenation prefixes) describe the genre, not any one site.
//
// Document is idempotent: normalizing Result.Text again with Options.Format
// "text" gives the same text and Garbled 0. It is safe for concurrent use.
package normalize
