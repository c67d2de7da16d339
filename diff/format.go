package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Formats are the formats Write prints.
var Formats = []string{"text", "markdown", "json"}

// Write prints res in format "text", "markdown" or "json". The output
// depends only on res: the same runs give the same bytes.
func Write(w io.Writer, res *Result, format string) error {
	var b bytes.Buffer
	switch format {
	case "text":
		writeText(&b, res)
	case "markdown":
		writeMarkdown(&b, res)
	case "json":
		out, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			return err
		}
		b.Write(out)
		b.WriteByte('\n')
	default:
		return fmt.Errorf("unknown format %q (want text, markdown or json)", format)
	}
	_, err := w.Write(b.Bytes())
	return err
}

func kindText(k string) string {
	if k == "" {
		return "-"
	}
	return k
}

func writeText(b *bytes.Buffer, res *Result) {
	fmt.Fprintf(b, "communique diff %s %s\n", res.Old, res.New)
	fmt.Fprintf(b, "%d documents, %d with changes; %d rows added, removed or changed\n\n", res.Docs, res.DocsChanged, res.Changes())
	fmt.Fprintf(b, "%-10s %-13s %9s %9s %8s %8s %8s\n", "table", "kind", "old", "new", "added", "removed", "changed")
	for _, c := range res.Counts {
		fmt.Fprintf(b, "%-10s %-13s %9d %9d %8d %8d %8d\n", c.Table, kindText(c.Kind), c.Old, c.New, c.Added, c.Removed, c.Changed)
	}
	for _, s := range res.Skipped {
		fmt.Fprintf(b, "not compared: %s\n", s)
	}
	if len(res.Top) == 0 {
		return
	}
	fmt.Fprintf(b, "\nThe %d documents with the most changes (of %d):\n", len(res.Top), res.DocsChanged)
	for _, d := range res.Top {
		fmt.Fprintf(b, "\n== %s: %s\n", d.DocID, plural(d.N, "change"))
		for _, r := range d.Rows {
			fmt.Fprintf(b, "  %s %s %s: %s%s\n", r.Change, r.Table, kindText(r.Kind), r.Label, ids(r))
			width := 0
			for _, f := range r.Fields {
				width = max(width, utf8.RuneCountInString(f.Name))
			}
			oldWidth := 0
			for _, f := range r.Fields {
				oldWidth = max(oldWidth, utf8.RuneCountInString(clip(f.Old)))
			}
			for _, f := range r.Fields {
				switch r.Change {
				case Added:
					fmt.Fprintf(b, "      %-*s  %s\n", width, f.Name, clip(f.New))
				case Removed:
					fmt.Fprintf(b, "      %-*s  %s\n", width, f.Name, clip(f.Old))
				default:
					fmt.Fprintf(b, "      %-*s  %-*s | %s\n", width, f.Name, oldWidth, clip(f.Old), clip(f.New))
				}
			}
		}
	}
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// ids shows the event ids of a row, where it has them.
func ids(r Row) string {
	switch {
	case r.OldID != "" && r.NewID != "" && r.OldID != r.NewID:
		return " [event_id " + r.OldID + " | " + r.NewID + "]"
	case r.OldID != "":
		return " [event_id " + r.OldID + "]"
	case r.NewID != "":
		return " [event_id " + r.NewID + "]"
	}
	return ""
}

// clipRunes is the widest value the text format prints.
const clipRunes = 60

// clip shows a JSON value for the text format: strings unquoted, null as
// "-", long values cut.
func clip(v json.RawMessage) string {
	s := show(v)
	if utf8.RuneCountInString(s) > clipRunes {
		s = string([]rune(s)[:clipRunes-1]) + "…"
	}
	return s
}

// show is a JSON value as people read it: strings unquoted, null as "-",
// everything else as compact JSON, on one line.
func show(v json.RawMessage) string {
	if string(v) == "null" {
		return "-"
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		return strings.Join(strings.Fields(s), " ")
	}
	return string(v)
}

// cell is a value in a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "|", `\|`)
	return s
}

func writeMarkdown(b *bytes.Buffer, res *Result) {
	fmt.Fprintf(b, "## communique diff `%s` `%s`\n\n", res.Old, res.New)
	fmt.Fprintf(b, "%d documents, %d with changes; %d rows added, removed or changed.\n\n", res.Docs, res.DocsChanged, res.Changes())
	b.WriteString("| table | kind | old | new | added | removed | changed |\n|---|---|--:|--:|--:|--:|--:|\n")
	for _, c := range res.Counts {
		fmt.Fprintf(b, "| %s | %s | %d | %d | %d | %d | %d |\n", c.Table, kindText(c.Kind), c.Old, c.New, c.Added, c.Removed, c.Changed)
	}
	for _, s := range res.Skipped {
		fmt.Fprintf(b, "\nNot compared: %s.\n", s)
	}
	if len(res.Top) == 0 {
		return
	}
	fmt.Fprintf(b, "\n### The %d documents with the most changes (of %d)\n", len(res.Top), res.DocsChanged)
	for _, d := range res.Top {
		fmt.Fprintf(b, "\n#### `%s`: %s\n", d.DocID, plural(d.N, "change"))
		for _, r := range d.Rows {
			fmt.Fprintf(b, "\n**%s** %s %s: %s%s\n\n", r.Change, r.Table, kindText(r.Kind), cell(r.Label), ids(r))
			b.WriteString("| column | old | new |\n|---|---|---|\n")
			for _, f := range r.Fields {
				fmt.Fprintf(b, "| %s | %s | %s |\n", f.Name, cell(show(f.Old)), cell(show(f.New)))
			}
		}
	}
}
