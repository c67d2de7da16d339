package normalize

import (
	"communique/gen"
	"fmt"
	"os"
	"strings"
	"testing"
)

func benchInput(b *testing.B, raw []byte, name string) {
	b.Helper()
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Document(raw, name, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocument normalizes the seed with garbled script, tables and
// page breaks.
func BenchmarkDocument(b *testing.B) {
	raw, err := os.ReadFile("testdata/000_04ee34f6f69b9616.input")
	if err != nil {
		b.Fatal(err)
	}
	benchInput(b, raw, "a.txt")
}

func BenchmarkDocumentHTML(b *testing.B) {
	benchInput(b, []byte(strings.Repeat(releaseHTML, 4)), "a.html")
}

func BenchmarkDocumentWrapped(b *testing.B) {
	benchInput(b, []byte(strings.Repeat(wrapped, 20)), "a.txt")
}

func BenchmarkDocumentCP1252(b *testing.B) {
	benchInput(b, cp1252(&testing.T{}, strings.Repeat(fancy, 20)), "a.txt")
}

// TestHugeLine: a 20 MB single-line input is over the default limit and is
// rejected at once; with the limit raised it is processed whole. How fast
// is BenchmarkDocumentHugeLine's business, not a test's.
func TestHugeLine(t *testing.T) {
	line := hugeLine()
	_, err := Document(line, "big.txt", Options{})
	if rej, ok := err.(*RejectError); !ok || rej.Reason != "too large" {
		t.Fatalf("default limit: err = %v, want too large", err)
	}
	if testing.Short() {
		t.Skip("skipping the 20 MB run in -short mode")
	}
	res, err := Document(line, "big.txt", Options{MaxBytes: 32 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSpace(string(line)) + "\n"; res.Text != want {
		t.Errorf("text differs from the trimmed input (len %d vs %d)", len(res.Text), len(want))
	}
}

// hugeLine is 20 MB of prose without a line break.
func hugeLine() []byte {
	return []byte(strings.Repeat("The minister visited Rome and met officials, ", 20<<20/45))
}

// BenchmarkDocumentHugeLine normalizes a 20 MB single line; its MB/s
// should be of the order of BenchmarkDocument's (linear time).
func BenchmarkDocumentHugeLine(b *testing.B) {
	line := hugeLine()
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		if _, err := Document(line, "big.txt", Options{MaxBytes: 32 << 20}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocumentSizes normalizes documents of a few shapes at 100 KB,
// 1.6 MB and 6.4 MB: MB/s should not fall with the size (linear time;
// make bench-sizes measures whole runs). Shapes: generated releases one
// after another, an HTML table on one line, thousands of <p>, and
// U+FDFA, which NFKC makes eleven times longer. cpu-s/MB is the CPU time
// of the process (the collector's included) per MB of input.
func BenchmarkDocumentSizes(b *testing.B) {
	shapes := []struct {
		name, ext string
		piece     func(i int) string
	}{
		{"releases", ".txt", func(i int) string { _, body := gen.Document(1, i); return string(body) + "\n\n" }},
		{"table", ".html", func(i int) string {
			return fmt.Sprintf("<tr><td>Country %d</td><td>March %d, 2024</td><td>Visit to City %d</td></tr>", i%97, 1+i%28, i%13)
		}},
		{"paragraphs", ".html", func(i int) string {
			return fmt.Sprintf("<p>Minister %d met Foreign Minister %d on March %d, 2024.</p>\n", i%89, i%83, 1+i%28)
		}},
		{"nfkc", ".txt", func(i int) string { return strings.Repeat("\uFDFA", 15) + " " }},
	}
	for _, sh := range shapes {
		for _, n := range []int{100_000, 1_600_000, 6_400_000} {
			var raw []byte
			for i := 0; len(raw) < n; i++ {
				raw = append(raw, sh.piece(i)...)
			}
			b.Run(fmt.Sprintf("%s/%dKB", sh.name, n/1000), func(b *testing.B) {
				b.SetBytes(int64(len(raw)))
				cpu := processCPU()
				for b.Loop() {
					if _, err := Document(raw, "a"+sh.ext, Options{MaxBytes: -1}); err != nil {
						b.Fatal(err)
					}
				}
				// CPU time moves less than elapsed time on a shared machine.
				b.ReportMetric((processCPU()-cpu).Seconds()/float64(b.N)/(float64(len(raw))/1e6), "cpu-s/MB")
			})
		}
	}
}
