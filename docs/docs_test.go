package docs

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"communique/pipeline"
)

// userPages are the pages a user of the repository reads.
func userPages(t *testing.T) []string {
	pages := []string{"../README.md", "../deploy/README.md"}
	md, err := filepath.Glob("*.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(md) < 5 {
		t.Fatalf("only %d pages in docs/", len(md))
	}
	return append(pages, md...)
}

var (
	// upPath is a relative path that climbs: ../x, ../../x.
	upPath = regexp.MustCompile(`(?:\.\./)+[\w.\-/]*`)
	// mdLink is the target of a Markdown link or image.
	mdLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)
)

// TestPagesStayInside checks that no page a user reads points outside the
// repository (../shared is not there for them), and that every relative
// link of a page leads to a file of the repository.
func TestPagesStayInside(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	inside := func(page, target string) (string, bool) {
		p := filepath.Join(filepath.Dir(page), filepath.FromSlash(target))
		abs, err := filepath.Abs(p)
		if err != nil {
			return p, false
		}
		rel, err := filepath.Rel(root, abs)
		return abs, err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	for _, page := range userPages(t) {
		b, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for _, m := range upPath.FindAllString(text, -1) {
			if _, ok := inside(page, m); !ok {
				t.Errorf("%s points outside the repository: %s", page, m)
			}
		}
		if strings.Contains(text, "shared/") {
			t.Errorf("%s mentions shared/, which users do not have", page)
		}
		for _, m := range mdLink.FindAllStringSubmatch(text, -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "#") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			target, _, _ = strings.Cut(target, "#")
			abs, ok := inside(page, target)
			if !ok {
				t.Errorf("%s links outside the repository: %s", page, m[1])
				continue
			}
			if _, err := os.Stat(abs); err != nil {
				t.Errorf("%s links to %s, which does not exist", page, m[1])
			}
		}
	}
}

// TestColumnsDocumented checks that output.md documents every column of
// every table, in the section of its table.
func TestColumnsDocumented(t *testing.T) {
	b, err := os.ReadFile("output.md")
	if err != nil {
		t.Fatal(err)
	}
	sections := map[string]string{}
	for _, s := range strings.Split(string(b), "\n## ")[1:] {
		name, _, _ := strings.Cut(s, ":")
		sections[strings.TrimSpace(name)] = s
	}
	tables, err := pipeline.Schema()
	if err != nil {
		t.Fatal(err)
	}
	for _, ts := range tables {
		sec, ok := sections[ts.Name]
		if !ok {
			t.Errorf("output.md has no section \"## %s: ...\"", ts.Name)
			continue
		}
		if ts.Name == "rejects" {
			sec += sections["events"] // rejects has the events columns
		}
		for _, c := range ts.Columns {
			// A row of a column table: | `name` | or | `a`, `name` |.
			row := regexp.MustCompile("(?m)^\\| (`[a-z_]+`, )*`" + c.Name + "`( \\||,)")
			if !row.MatchString(sec) {
				t.Errorf("output.md does not document %s.%s in a table row", ts.Name, c.Name)
			}
		}
	}
}
