package normalize

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"
)

// release is one short press release in its clean, normalized form.
const release = `Minister Kim Visits Italy to Expand Digital Government Cooperation

Date : 2024.03.12

Minister of the Interior and Safety Kim Min-jun visited Rome on March 8 and met Italian Minister for Public Administration Paolo Zangrillo. "We will strengthen our cooperation on e-Government and digital innovation," Minister Kim said.

The two ministers signed a Memorandum of Understanding on the digital transformation of public services - the first agreement of its kind between Korea and Italy. They also discussed the Korea-Italy Cooperation Forum on Public Governance, which will be held in Seoul in June.
`

// fancy is release as a word processor writes it: curly quotes, an en
// dash, a no-break space.
var fancy = strings.NewReplacer(
	`"We`, "\u201cWe",
	`," Minister`, ",\u201d Minister",
	"services - the", "services \u2013 the",
	"March 8", "March\u00a08",
).Replace(release)

func utf16Bytes(s string, big, bom bool) []byte {
	var out []byte
	if bom {
		if big {
			out = append(out, 0xfe, 0xff)
		} else {
			out = append(out, 0xff, 0xfe)
		}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if big {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func cp1252(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// mojibake returns s's UTF-8 bytes read as Windows-1252 and written back
// as UTF-8, the way a misconfigured export garbles text.
func mojibake(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewDecoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

const releaseHTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Minister Kim Visits Italy | Ministry of the Interior and Safety</title>
<script>var menu = "<p>not text</p>"; if (a < b) { go(); }</script>
<style>p { margin: 0 }</style></head>
<body>
<div id="skipnav"><a href="#content">Skip to content</a></div>
<header class="site-header"><a href="/"><img src="logo.png" alt="Ministry"></a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/about">About us</a></li></ul></nav>
</header>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/news">News</a> &gt; Press Releases</div>
<main id="content"><article>
<h1>Minister Kim Visits Italy to Expand
    Digital Government Cooperation</h1>
<p class="date">Date : 2024.03.12</p>
<p>Minister of the Interior and Safety Kim Min-jun visited Rome on March&nbsp;8 and met Italian Minister for Public Administration <b>Paolo Zangrillo</b>. &ldquo;We will strengthen our cooperation on e-Government and digital innovation,&rdquo; Minister Kim said.</p>
<p>The two ministers signed a Memorandum of Understanding on the digital transformation of public services &#8211; the first agreement of its kind between Korea and Italy.
They also discussed the Korea-Italy Cooperation Forum on Public Governance, which will be held in Seoul in June.</p>
<div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Print</a></div>
</article></main>
<aside><h2>Related news</h2><ul><li><a href="/1">Minister Kim meets UAE delegation</a></li></ul></aside>
<footer><p>Copyright &copy; 2024 Ministry of the Interior and Safety. All rights reserved.</p></footer>
<script>track();</script>
</body></html>
`

// releaseWrapped is release as a PDF-to-text dump: hard-wrapped at 60
// columns, a headline over two lines, words hyphenated at line ends, a
// page footer and a page break inside a paragraph.
const releaseWrapped = `Minister Kim Visits Italy to Expand Digital Government
Cooperation

Date : 2024.03.12

Minister of the Interior and Safety Kim Min-jun visited Rome
on March 8 and met Italian Minister for Public Administra-
tion Paolo Zangrillo. "We will strengthen our cooperation on
e-Government and digital innov-
ation," Minister Kim said.

                            - 1 -
` + "\f" + `
The two ministers signed a Memorandum of Understanding on
the digital transformation of public services - the first
agreement of its kind between Korea and Italy. They also
discussed the Korea-
Italy Cooperation Forum on Public Governance, which will be
held in Seoul in June.

Page 2 of 2
`

// releaseChrome is release below a web page's header chrome, with footer
// chrome after it.
const releaseChrome = `Skip to main content
the body go topmenu go
Home > News & Notices > Press Releases

Press Release

Minister Kim Visits Italy to Expand Digital Government Cooperation

Date : 2024.03.12

Read : 14923

Minister of the Interior and Safety Kim Min-jun visited Rome on March 8 and met Italian Minister for Public Administration Paolo Zangrillo. "We will strengthen our cooperation on e-Government and digital innovation," Minister Kim said.

The two ministers signed a Memorandum of Understanding on the digital transformation of public services - the first agreement of its kind between Korea and Italy. They also discussed the Korea-Italy Cooperation Forum on Public Governance, which will be held in Seoul in June.

Share this page
Back to top
Copyright (c) 2024 Ministry of the Interior and Safety. All rights reserved.
`

// releaseGarbled is release with garbled script: a Devanagari line under
// the headline, a loose-jamo run and a Devanagari run inside sentences,
// replacement and control characters.
var releaseGarbled = strings.NewReplacer(
	"Cooperation\n\nDate", "Cooperation\n\nस्थापित स्थापिता । स्थापित स्थापिता\n\nDate",
	"visited Rome", "visited \u1100\u1161\u11ab\u3131 Rome",
	"met Italian", "met \ufffdItalian",
	"Italy. They", "Italy. स्थापित They\x07",
).Replace(release)

// TestForms normalizes the same release in every form a crawler meets and
// expects the clean text each time.
func TestForms(t *testing.T) {
	tests := []struct {
		name     string
		raw      []byte
		file     string
		enc      string
		format   string
		garbled  int // -1: any positive count
		wantText string
	}{
		{"utf-8", []byte(release), "a.txt", EncUTF8, FormatText, 0, release},
		{"utf-8 fancy", []byte(fancy), "a.txt", EncUTF8, FormatText, 0, release},
		{"utf-8 bom", append([]byte("\ufeff"), fancy...), "a.txt", EncUTF8BOM, FormatText, 0, release},
		{"utf-16le bom", utf16Bytes(fancy, false, true), "a.txt", EncUTF16LE, FormatText, 0, release},
		{"utf-16be bom", utf16Bytes(fancy, true, true), "a.txt", EncUTF16BE, FormatText, 0, release},
		{"utf-16le no bom", utf16Bytes(fancy, false, false), "a.txt", EncUTF16LE, FormatText, 0, release},
		{"utf-16be no bom", utf16Bytes(fancy, true, false), "a.txt", EncUTF16BE, FormatText, 0, release},
		{"windows-1252", cp1252(t, fancy), "a.txt", EncCP1252, FormatText, 0, release},
		{"crlf", []byte(strings.ReplaceAll(fancy, "\n", "\r\n")), "a.txt", EncUTF8, FormatText, 0, release},
		{"cr", []byte(strings.ReplaceAll(fancy, "\n", "\r")), "a.txt", EncUTF8, FormatText, 0, release},
		{"html by name", []byte(releaseHTML), "a.html", EncUTF8, FormatHTML, 0, release},
		{"html by content", []byte(releaseHTML), "a.txt", EncUTF8, FormatHTML, 0, release},
		{"html windows-1252 crlf", cp1252(t, strings.NewReplacer("\n", "\r\n", "&ldquo;", "\u201c").Replace(releaseHTML)), "a.htm", EncCP1252, FormatHTML, 0, release},
		{"pdf dump", []byte(releaseWrapped), "a.txt", EncUTF8, FormatText, 0, release},
		{"site chrome", []byte(releaseChrome), "a.txt", EncUTF8, FormatText, 0, release},
		{"mojibake", mojibake(t, fancy), "a.txt", EncUTF8, FormatText, 4, release},
		{"garbled script", []byte(releaseGarbled), "a.txt", EncUTF8, FormatText, 42, release},
		{"spaces and tabs", []byte(strings.ReplaceAll(strings.ReplaceAll(fancy, " ", "  "), "\n", " \t \n")), "a.txt", EncUTF8, FormatText, 0, release},
		{"blank lines", []byte("\n\n\n" + strings.ReplaceAll(fancy, "\n\n", "\n\n\n\n") + "\n\n\n"), "a.txt", EncUTF8, FormatText, 0, release},
		{"zero-width", []byte(strings.ReplaceAll(fancy, "Korea", "Ko\u200brea\u00ad")), "a.txt", EncUTF8, FormatText, 0, release},
		{"fullwidth", []byte(strings.ReplaceAll(fancy, "2024.03.12", "２０２４.０３.１２")), "a.txt", EncUTF8, FormatText, 0, release},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Document(tt.raw, tt.file, Options{})
			if err != nil {
				t.Fatalf("Document: %v", err)
			}
			if diff := cmp.Diff(tt.wantText, res.Text); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
			got := struct{ Enc, Format string }{res.Encoding, res.Format}
			if diff := cmp.Diff(struct{ Enc, Format string }{tt.enc, tt.format}, got); diff != "" {
				t.Errorf("encoding/format (-want +got):\n%s", diff)
			}
			if tt.garbled < 0 && res.Garbled <= 0 || tt.garbled >= 0 && res.Garbled != tt.garbled {
				t.Errorf("Garbled = %d, want %d", res.Garbled, tt.garbled)
			}
			checkMap(t, tt.raw, res)
			checkIdempotent(t, res)
		})
	}
}

// checkMap verifies the offset contract: monotone, in bounds, and exact
// for copied ASCII words.
func checkMap(t *testing.T, raw []byte, res Result) {
	t.Helper()
	prev := 0
	for i := 0; i <= len(res.Text); i++ {
		r := res.Map.Raw(i)
		if r < prev || r < 0 || r > len(raw) {
			t.Fatalf("Map.Raw(%d) = %d after %d, raw length %d", i, r, prev, len(raw))
		}
		prev = r
	}
	// Words the text copied verbatim map back to the same word.
	for _, w := range []string{"Zangrillo", "Memorandum", "Seoul"} {
		i := strings.Index(res.Text, w)
		if i < 0 {
			continue
		}
		a, b := res.Map.Span(i, i+len(w))
		var got string
		switch res.Encoding {
		case EncUTF16LE, EncUTF16BE:
			u := make([]uint16, 0, len(w))
			for k := a; k+1 < b; k += 2 {
				if res.Encoding == EncUTF16LE {
					u = append(u, uint16(raw[k])|uint16(raw[k+1])<<8)
				} else {
					u = append(u, uint16(raw[k])<<8|uint16(raw[k+1]))
				}
			}
			got = string(utf16.Decode(u))
		default:
			got = string(raw[a:b])
		}
		if got != w {
			t.Errorf("raw span [%d,%d) of %q is %q", a, b, w, got)
		}
	}
}

func checkIdempotent(t *testing.T, res Result) {
	t.Helper()
	again, err := Document([]byte(res.Text), "again.txt", Options{Format: FormatText})
	if err != nil {
		t.Fatalf("second pass: %v", err)
	}
	if diff := cmp.Diff(res.Text, again.Text); diff != "" {
		t.Errorf("not idempotent (-first +second):\n%s", diff)
	}
	if again.Garbled != 0 {
		t.Errorf("second pass Garbled = %d, want 0", again.Garbled)
	}
}

func TestReject(t *testing.T) {
	random := make([]byte, 4096)
	x := uint32(2463534242)
	for i := range random {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		random[i] = byte(x)
	}
	tests := []struct {
		name   string
		raw    []byte
		opt    Options
		reason string // "" for accepted
	}{
		{"empty", nil, Options{}, "empty"},
		{"blank", []byte(" \r\n\t\n  \n"), Options{}, "empty"},
		{"bom only", []byte("\ufeff\n"), Options{}, "empty"},
		{"utf-16 blank", utf16Bytes("  \n ", false, true), Options{}, "empty"},
		{"random bytes", random, Options{}, "binary (control bytes)"},
		{"nul heavy", bytes.Repeat([]byte("ab\x00\x00\x00c"), 100), Options{}, "binary (nul bytes)"},
		{"png", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), random[:64]...), Options{}, "png image"},
		{"jpeg", append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF"), random[:64]...), Options{}, "jpeg image"},
		{"zip", append([]byte("PK\x03\x04\x14\x00\x00\x00"), random[:64]...), Options{}, "zip archive"},
		{"gzip", append([]byte("\x1f\x8b\x08\x00"), random[:64]...), Options{}, "gzip archive"},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), Options{}, "pdf document"},
		{"parquet", []byte("PAR1\x15\x04\x15\x10\x15\x14L\x15\x02\x15\x00\x12\x00\x00PAR1"), Options{}, "parquet file"},
		{"utf-16 garbage", append([]byte{0xff, 0xfe}, random[:512]...), Options{}, "binary (not utf-16 text)"},
		{"nul-patterned binary", append([]byte("\x00\x00\x01\x00"), bytes.Repeat([]byte{0x41, 0}, 64)...), Options{}, "icon image"},
		{"too large", []byte(strings.Repeat("word ", 100)), Options{MaxBytes: 100}, "too large"},
		{"only garbage", []byte("\ufffd\ufffd \x01"), Options{}, "no text"},
		{"empty html", []byte("<html><body><script>x()</script></body></html>"), Options{}, "no text"},
		{"text starting PAR1", []byte("PAR1 is the magic of Parquet files.\n"), Options{}, ""},
		{"text starting %PDF", []byte("%PDF-1.4 files are documents.\n"), Options{}, ""},
		{"one stray nul", []byte("The minister\x00 said.\n"), Options{}, ""},
		{"no limit", []byte(strings.Repeat("word ", 100)), Options{MaxBytes: -1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Document(tt.raw, "a.txt", tt.opt)
			var rej *RejectError
			switch {
			case tt.reason == "" && err != nil:
				t.Fatalf("Document: %v, want accepted", err)
			case tt.reason == "":
			case !errors.As(err, &rej):
				t.Fatalf("Document error = %v, want RejectError %q", err, tt.reason)
			case rej.Reason != tt.reason:
				t.Errorf("Reason = %q, want %q", rej.Reason, tt.reason)
			}
		})
	}
}

func TestInvalidBytes(t *testing.T) {
	tests := []struct {
		name    string
		raw     string
		want    string
		enc     string
		garbled int
	}{
		{"stray bytes in utf-8", "Caf\u00e9 au lait \xff\xfeis served in S\u00e3o Paulo.\n", "Café au lait is served in São Paulo.\n", EncUTF8, 2},
		{"truncated sequence", "The \u201cminister\u201d left\xe2\x80 today.\n", "The \"minister\" left today.\n", EncUTF8, 2},
		{"latin-1", "Caf\xe9 au lait in S\xe3o Paulo \x96 \x93quoted\x94.\n", "Café au lait in São Paulo - \"quoted\".\n", EncCP1252, 0},
		{"undefined windows-1252 byte", "Caf\xe9 \x81ok.\n", "Café ok.\n", EncCP1252, 1},
		{"controls", "Tab\tstays,\x01bell\x07 and DEL\x7f go.\n", "Tab\tstays,bell and DEL go.\n", EncUTF8, 3},
		{"c1 controls", "Text\u0080\u009f here.\n", "Text here.\n", EncUTF8, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Document([]byte(tt.raw), "a.txt", Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := []any{res.Text, res.Encoding, res.Garbled}
			if diff := cmp.Diff([]any{tt.want, tt.enc, tt.garbled}, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if !utf8.ValidString(res.Text) {
				t.Errorf("invalid UTF-8 %q", res.Text)
			}
			checkMap(t, []byte(tt.raw), res)
			checkIdempotent(t, res)
		})
	}
}
