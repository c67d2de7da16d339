package normalize

import (
	"os"
	"strings"
	"testing"
	"time"
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
// rejected at once; with the limit raised it is processed in linear time.
func TestHugeLine(t *testing.T) {
	line := []byte(strings.Repeat("The minister visited Rome and met officials, ", 20<<20/45))
	_, err := Document(line, "big.txt", Options{})
	if rej, ok := err.(*RejectError); !ok || rej.Reason != "too large" {
		t.Fatalf("default limit: err = %v, want too large", err)
	}
	if testing.Short() {
		t.Skip("skipping the 20 MB run in -short mode")
	}
	start := time.Now()
	res, err := Document(line, "big.txt", Options{MaxBytes: 32 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("20 MB line took %v", d)
	}
	if want := strings.TrimSpace(string(line)) + "\n"; res.Text != want {
		t.Errorf("text differs from the trimmed input (len %d vs %d)", len(res.Text), len(want))
	}
	t.Logf("20 MB single line: %v, %d segments", time.Since(start), res.Map.Segments())
}
