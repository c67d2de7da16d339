package main

import (
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"

	"communique/eval"
	"communique/pipeline"
)

// A form rewrites a clean release the way it reaches data engineers. It
// returns the new file name and bytes, or ok false when the release
// cannot take that form (Hangul has no Windows-1252 encoding).
type form func(name, text string) (string, []byte, bool)

var forms = []struct {
	name string
	f    form
}{
	{"crlf", func(n, t string) (string, []byte, bool) { return n, []byte(strings.ReplaceAll(t, "\n", "\r\n")), true }},
	{"cr", func(n, t string) (string, []byte, bool) { return n, []byte(strings.ReplaceAll(t, "\n", "\r")), true }},
	{"bom", func(n, t string) (string, []byte, bool) { return n, append([]byte("\ufeff"), t...), true }},
	{"utf16le", func(n, t string) (string, []byte, bool) { return n, utf16Bytes(t, false), true }},
	{"utf16be", func(n, t string) (string, []byte, bool) { return n, utf16Bytes(t, true), true }},
	{"windows1252", func(n, t string) (string, []byte, bool) {
		b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(t))
		return n, b, err == nil
	}},
	{"html", func(n, t string) (string, []byte, bool) {
		return strings.TrimSuffix(n, filepath.Ext(n)) + ".html", []byte(htmlPage(t)), true
	}},
	{"pdf", func(n, t string) (string, []byte, bool) { return n, []byte(pdfDump(t)), true }},
	{"mojibake", func(n, t string) (string, []byte, bool) {
		s, err := charmap.Windows1252.NewDecoder().String(t) // UTF-8 bytes read as 1252
		return n, []byte(s), err == nil && s != t
	}},
	{"garbled", func(n, t string) (string, []byte, bool) { return n, []byte(garbledLines(t)), true }},
}

func utf16Bytes(s string, big bool) []byte {
	u := utf16.Encode([]rune("\ufeff" + s))
	b := make([]byte, 0, 2*len(u))
	for _, c := range u {
		if big {
			b = append(b, byte(c>>8), byte(c))
		} else {
			b = append(b, byte(c), byte(c>>8))
		}
	}
	return b
}

// htmlPage renders a release as a ministry web page: site navigation, a
// script and a style, the article (first substantive line as <h1>, tab
// rows as a table, other lines as paragraphs) and a footer.
func htmlPage(t string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Ministry | News</title>")
	b.WriteString("<style>p { margin: 0 }</style><script>var menu = ['Home', 'News'];</script></head><body>")
	b.WriteString("<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li><li><a href=\"/en\">English</a></li></ul></nav>\n<article>\n")
	inTable := false
	for _, line := range strings.Split(t, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.Contains(line, "\t") {
			if !inTable {
				b.WriteString("<table>")
				inTable = true
			}
			b.WriteString("<tr>")
			for _, cell := range strings.Split(line, "\t") {
				b.WriteString("<td>" + html.EscapeString(cell) + "</td>")
			}
			b.WriteString("</tr>\n")
			continue
		}
		if inTable {
			b.WriteString("</table>\n")
			inTable = false
		}
		b.WriteString("<p>" + html.EscapeString(line) + "</p>\n")
	}
	if inTable {
		b.WriteString("</table>\n")
	}
	b.WriteString("</article>\n<footer><p>Copyright Ministry. All rights reserved.</p><a href=\"#top\">Back to top</a></footer></body></html>\n")
	return b.String()
}

// pdfDump hard-wraps every paragraph at 72 columns, hyphenating long
// lower-case words across line ends, and puts a page footer between
// paragraphs every forty lines.
func pdfDump(t string) string {
	var b strings.Builder
	lines, page := 0, 1
	for _, para := range strings.Split(t, "\n") {
		if strings.Contains(para, "\t") || len(para) <= 72 {
			b.WriteString(para + "\n")
			lines++
		} else {
			col := 0
			for _, w := range strings.Fields(para) {
				if col > 0 && col+1+len(w) > 72 {
					if len(w) >= 9 && isLowerWord(w) && col+6 <= 72 {
						cut := (72 - col - 2)
						if cut > len(w)-4 {
							cut = len(w) - 4
						}
						if cut >= 4 {
							b.WriteString(" " + w[:cut] + "-\n")
							w = w[cut:]
							col = 0
							lines++
							b.WriteString(w)
							col = len(w)
							continue
						}
					}
					b.WriteString("\n")
					lines++
					col = 0
				}
				if col > 0 {
					b.WriteString(" ")
					col++
				}
				b.WriteString(w)
				col += len(w)
			}
			b.WriteString("\n")
			lines++
		}
		if lines >= 40 && strings.TrimSpace(para) == "" {
			page++
			fmt.Fprintf(&b, "\n- %d -\n\n", page)
			lines = 0
		}
	}
	return b.String()
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// garbledLines inserts lines of garbled Devanagari under the first line
// and in the middle of the release.
func garbledLines(t string) string {
	const junk = "च्या स्थापिता । स्थापित स्थापिता स्थापिता"
	lines := strings.Split(t, "\n")
	mid := len(lines) / 2
	var out []string
	for i, l := range lines {
		out = append(out, l)
		if i == 0 || i == mid {
			out = append(out, "", junk, "")
		}
	}
	return strings.Join(out, "\n")
}

// TestHostileForms takes every annotated release of the regression corpus
// through each form and checks that the scorer's quality, on the seed
// gold and on the development gold, stays at 0.97 or more of the clean
// text's.
func TestHostileForms(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline eleven times")
	}
	golds := map[string]string{"seeds": "../../testdata/gold/seeds", "dev": "../../testdata/gold/dev", "holdout": "../../testdata/gold/holdout"}
	entries, err := os.ReadDir(corpusDir)
	if err != nil {
		t.Fatal(err)
	}
	score := func(in string) map[string]float64 {
		out := t.TempDir()
		if _, err := pipeline.Run(context.Background(), pipeline.Config{
			Input: os.DirFS(in), Out: out, Formats: []string{"jsonl"}, Workers: 2, Processor: newProcessor(),
		}); err != nil {
			t.Fatal(err)
		}
		q := map[string]float64{}
		for set, dir := range golds {
			r, err := eval.Score(dir, out)
			if err != nil {
				t.Fatal(err)
			}
			q[set] = r.Quality
		}
		return q
	}
	clean := score(corpusDir)
	for _, fm := range forms {
		in := t.TempDir()
		if keep := os.Getenv("COMMUNIQUE_KEEP_FORMS"); keep != "" {
			// Keep the transformed corpus for inspection.
			in = filepath.Join(keep, fm.name)
			if err := os.MkdirAll(in, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		n := 0
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(corpusDir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			name, data, ok := fm.f(e.Name(), string(b))
			if !ok {
				data, name = b, e.Name() // cannot take this form: keep it clean
			} else {
				n++
			}
			if err := os.WriteFile(filepath.Join(in, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got := score(in)
		for set := range golds {
			ratio := got[set] / clean[set]
			t.Logf("%-12s %-7s quality %.3f (clean %.3f, ratio %.3f, %d documents transformed)", fm.name, set, got[set], clean[set], ratio, n)
			if ratio < 0.97 {
				t.Errorf("%s form: %s quality %.3f is below 0.97 of the clean %.3f", fm.name, set, got[set], clean[set])
			}
		}
	}
}
