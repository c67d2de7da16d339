package extractors

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestVocab checks that data/vocab.txt holds exactly the lists the code
// names, each non-empty and without duplicate entries.
func TestVocab(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	re := regexp.MustCompile(`vocab(?:Set)?\("([^"]+)"\)`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
	}
	var want, got []string
	for k := range used {
		want = append(want, k)
	}
	for k, l := range vocabLists {
		got = append(got, k)
		seen := map[string]bool{}
		for _, w := range l {
			if seen[w] {
				t.Errorf("list %s: %q twice", k, w)
			}
			seen[w] = true
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lists in vocab.txt (-used by the code +in the file):\n%s", diff)
	}
}

func TestParseVocab(t *testing.T) {
	got := parseVocab("# c\n[a]\nx y\n\n z \n[b]\nw\n")
	want := map[string][]string{"a": {"x y", "z"}, "b": {"w"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("parseVocab (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"x\n[a]\ny", "[a]\nx\n[a]\ny", "[]\nx"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("parseVocab(%q) did not panic", bad)
				}
			}()
			parseVocab(bad)
		}()
	}
}
