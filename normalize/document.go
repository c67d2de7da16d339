package normalize

import (
	"context"
	"fmt"
	"strings"
	"unicode"
)

// Formats reported in Result.Format.
const (
	FormatText = "text"
	FormatHTML = "html"
)

// Document normalizes one raw input file; name is its path (the extension
// hints at HTML). It returns a *RejectError when the input is not a text
// document: empty or blank, binary, undecodable, over Options.MaxBytes
// (raw, decoded or normalized), or without any text left once normalized;
// any other error is a bad Options value.
//
// The steps, each mapping its output back so that Result.Map is exact
// where text was copied:
//
//  1. decode: UTF-16 by BOM or NUL pattern, else UTF-8 (a BOM is
//     skipped; stray invalid bytes are dropped and counted), else
//     Windows-1252;
//  2. HTML pages (by extension, by sniffing, or Options.Format): the
//     article text, see extractHTML;
//  3. characters: line ends, controls, format characters, mojibake, NFKC
//     and folding, see clean;
//  4. garbled script, see scripts;
//  5. lines: white space, tables, site chrome, page footers, broken and
//     hard-wrapped lines, see layout.
//
// Document is idempotent: normalizing Result.Text again (with Format
// "text") returns the same Text and Garbled 0. It is safe for concurrent
// use.
func Document(raw []byte, name string, opt Options) (Result, error) {
	return DocumentContext(context.Background(), raw, name, opt)
}

// DocumentContext is Document, giving up when ctx is done: between its
// steps it checks ctx, and returns an error that wraps context.Cause(ctx)
// (context.DeadlineExceeded for a deadline) once it is done.
func DocumentContext(ctx context.Context, raw []byte, name string, opt Options) (Result, error) {
	limit := opt.MaxBytes
	if limit == 0 {
		limit = DefaultMaxBytes
	}
	switch {
	case len(raw) == 0:
		return Result{}, &RejectError{Reason: "empty"}
	case limit > 0 && int64(len(raw)) > limit:
		return Result{}, &RejectError{Reason: "too large"}
	}
	stopped := func(step string) error {
		if ctx.Err() != nil {
			return fmt.Errorf("normalize: stopped before %s: %w", step, context.Cause(ctx))
		}
		return nil
	}
	var (
		res  Result
		text string
		m    OffsetMap
	)
	if enc, bom := utf16Order(raw); enc != "" {
		if reason := magicReason(raw, true); reason != "" && bom == 0 {
			return Result{}, &RejectError{Reason: reason}
		}
		var err error
		if text, m, err = decodeUTF16(raw, enc, bom); err != nil {
			return Result{}, err
		}
		if reason := utf16Reason(text); reason != "" {
			return Result{}, &RejectError{Reason: reason}
		}
		res.Encoding = enc
	} else {
		reason, valid := binaryReason(raw)
		if reason != "" {
			return Result{}, &RejectError{Reason: reason}
		}
		text, m, res.Encoding, res.Garbled = decodeBytes(raw, valid)
	}
	// Decoding can make text longer than its bytes (Windows-1252 and
	// UTF-16 to UTF-8): the limit bounds the text too.
	if limit > 0 && int64(len(text)) > limit {
		return Result{}, &RejectError{Reason: fmt.Sprintf("too large once decoded: %d bytes of text, limit %d (see --max-bytes)", len(text), limit)}
	}
	if isBlank(text) {
		return Result{}, &RejectError{Reason: "empty"}
	}
	switch res.Format = opt.Format; res.Format {
	case FormatText, FormatHTML:
	case "":
		// A file named .html without a single "<" is text that the
		// HTML rules would flatten into one line.
		res.Format = FormatText
		if isHTMLName(name) && strings.IndexByte(text, '<') >= 0 || looksHTML(text) {
			res.Format = FormatHTML
		}
	default:
		return Result{}, fmt.Errorf("normalize: unknown format %q", opt.Format)
	}
	if res.Format == FormatHTML {
		if err := stopped("html"); err != nil {
			return Result{}, err
		}
		st := extractHTML(text)
		m, text = m.then(st), st.text
	}
	// Removing garbled script can bring characters together that the
	// character pass treats differently (mojibake halves); so the two
	// passes repeat, a bounded number of times, until nothing is removed.
	var st stage
	for round := 0; round < 3; round++ {
		if err := stopped("characters"); err != nil {
			return Result{}, err
		}
		var cs cleanStats
		var err error
		if st, cs, err = clean(text, int(max(limit, 0))); err != nil {
			return Result{}, err
		}
		m, text = m.then(st), st.text
		res.Garbled += cs.garbled
		if !cs.high {
			break // no combining mark, no foreign script: nothing for scripts
		}
		if err := stopped("scripts"); err != nil {
			return Result{}, err
		}
		st, removed, n, chrome := scripts(text)
		if !removed {
			break
		}
		m, text = m.then(st), st.text
		res.Garbled += n
		if chrome != "" && len(res.Chrome) < maxChrome {
			res.Chrome += chrome
		}
	}
	// A font that printed one lower-case letter as its capital: the same
	// length, so the offset map holds.
	text = swappedCase(text)
	// The line rules read the wrap width and the header area off the
	// text they are given, and joined lines can change both (a pathological
	// dump of digits and fragments); so the pass repeats, a bounded number
	// of times, until it changes nothing, which keeps Document idempotent.
	for round := 0; round < 4; round++ {
		if err := stopped("lines"); err != nil {
			return Result{}, err
		}
		st = layout(text)
		if st.text == text {
			break
		}
		m, text = m.then(st), st.text
		if !st.rewrapped {
			break // nothing was rejoined: the pass is already final
		}
	}
	if text == "" {
		return Result{}, &RejectError{Reason: "no text"}
	}
	res.Text, res.Map = text, m
	return res, nil
}

// isBlank reports whether s holds nothing but white space, format
// characters and replacement characters.
func isBlank(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && r != unicode.ReplacementChar && r != 0
	}) < 0
}
