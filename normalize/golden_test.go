package normalize

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// TestGolden normalizes every testdata/NAME.input and compares the text
// with NAME.golden. On a mismatch it reports a diff and writes the actual
// output to NAME.actual for inspection; -update rewrites the golden files.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.input"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range inputs {
		base := strings.TrimSuffix(in, ".input")
		t.Run(filepath.Base(base), func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Document(raw, base+".txt", Options{})
			if err != nil {
				t.Fatalf("Document: %v", err)
			}
			got := goldenText(res)
			golden := base + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				actual := base + ".actual"
				if err := os.WriteFile(actual, []byte(got), 0o644); err != nil {
					t.Error(err)
				}
				t.Errorf("%s mismatch (-golden +actual), actual output in %s:\n%s", golden, actual, diff)
			} else {
				os.Remove(base + ".actual")
			}
		})
	}
}

// goldenText is what a golden file holds: a header with the result's
// metadata, then the text.
func goldenText(r Result) string {
	var b strings.Builder
	b.WriteString("# encoding: " + r.Encoding + "\n")
	b.WriteString("# format: " + r.Format + "\n")
	b.WriteString("# garbled: " + itoa(r.Garbled) + "\n")
	b.WriteString("\n")
	b.WriteString(r.Text)
	return b.String()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		d = append([]byte{byte('0' + n%10)}, d...)
		n /= 10
	}
	if neg {
		d = append([]byte{'-'}, d...)
	}
	return string(d)
}

// TestConcurrent normalizes the golden inputs from many goroutines at once
// and expects the same results as one at a time: Document keeps no state.
func TestConcurrent(t *testing.T) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "*.input"))
	var raws [][]byte
	var want []string
	for _, in := range inputs {
		raw, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Document(raw, in, Options{})
		if err != nil {
			t.Fatal(err)
		}
		raws, want = append(raws, raw), append(want, res.Text)
	}
	raws, want = append(raws, []byte(releaseHTML)), append(want, release)
	got := make([][]string, 8)
	var wg sync.WaitGroup
	for w := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, raw := range raws {
				name := "a.txt"
				if raw[0] == '<' {
					name = "a.html"
				}
				res, _ := Document(raw, name, Options{})
				got[w] = append(got[w], res.Text)
			}
		}()
	}
	wg.Wait()
	for w := range got {
		if diff := cmp.Diff(want, got[w]); diff != "" {
			t.Errorf("worker %d (-sequential +concurrent):\n%s", w, diff)
		}
	}
}
