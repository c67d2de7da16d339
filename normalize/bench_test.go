package normalize

import (
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
