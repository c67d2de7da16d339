package normalize

import (
	"communique/gen"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// equivalenceTexts returns texts to compare a fast path against the code
// it replaces: generated releases, the goldens' inputs, those with a
// letter printed as its capital, and random strings over a small
// alphabet that makes the rare cases common.
func equivalenceTexts(t testing.TB) []string {
	var texts []string
	for i := range 300 {
		_, body := gen.Document(1, i)
		texts = append(texts, string(body))
	}
	inputs, err := filepath.Glob("testdata/*.input")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs: %v", err)
	}
	for _, name := range inputs {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(raw))
	}
	for i, n := 0, len(texts); i < n; i++ {
		c := 'a' + i%26
		texts = append(texts, strings.ReplaceAll(texts[i], string(rune(c)), string(rune(c-'a'+'A'))))
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", "N", "E", "n", " ", "  ", "\t", "\n", "\n\n", "-", ".", "é", "1", "Page 2", "\r", "\x00", "\x01", "\x7f", "\xff"}
	for range 2000 {
		var b strings.Builder
		for range r.IntN(1200) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

func TestSwappedCaseMatchesReference(t *testing.T) {
	for _, s := range equivalenceTexts(t) {
		if got, want := swappedCase(s), swappedCaseRef(s); got != want {
			t.Fatalf("swappedCase(%.80q) = %.80q, want %.80q", s, got, want)
		}
	}
}

// BenchmarkDocumentReleases normalizes 50 generated plain-text releases,
// the common case.
func BenchmarkDocumentReleases(b *testing.B) {
	var raws [][]byte
	for i := range 50 {
		_, body := gen.Document(1, i)
		raws = append(raws, body)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, raw := range raws {
			if _, err := Document(raw, "a.txt", Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// swappedCaseRef is swappedCase before it counted through a histogram.
func swappedCaseRef(text string) string {
	var lower, swapped [26]int
	letters := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 'a' && c <= 'z':
			lower[c-'a']++
			letters++
		case c >= 'A' && c <= 'Z':
			letters++
			if i > 0 && text[i-1] >= 'a' && text[i-1] <= 'z' {
				swapped[c-'A']++
			}
		}
	}
	if letters < minSwapLetters {
		return text
	}
	var fix [26]bool
	any := false
	for k := range fix {
		fix[k] = lower[k] == 0 && swapped[k] >= minSwapped
		any = any || fix[k]
	}
	if !any {
		return text
	}
	b := []byte(text)
	isLower := func(c byte) bool { return c >= 'a' && c <= 'z' }
	isLetter := func(c byte) bool { return isLower(c) || c >= 'A' && c <= 'Z' }
	for i := 1; i < len(b); i++ {
		c := b[i]
		if c < 'A' || c > 'Z' || !fix[c-'A'] {
			continue
		}
		// after a lower-case letter ("GermaN"), or inside a word before
		// one ("KEnya")
		if isLower(b[i-1]) || isLetter(b[i-1]) && i+1 < len(b) && isLower(b[i+1]) {
			b[i] = c + ('a' - 'A')
		}
	}
	return string(b)
}

// releaseTexts returns 50 generated releases as the line pass reads them.
func releaseTexts(b *testing.B) []string {
	var texts []string
	for i := range 50 {
		_, body := gen.Document(1, i)
		res, err := Document(body, "a.txt", Options{})
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, res.Text)
	}
	return texts
}

func BenchmarkSwappedCase(b *testing.B) {
	texts := releaseTexts(b)
	for b.Loop() {
		for _, s := range texts {
			swappedCase(s)
		}
	}
}

// countLineRef is countLine as split counted before, a byte at a time.
func countLineRef(c string) (words, runs int, seen byteClass) {
	prev := byteClass(lineSep)
	for k := 0; k < len(c); k++ {
		cl := lineBytes[c[k]]
		sep := cl & lineSep
		words += int(prev &^ sep)
		runs += int(prev & sep)
		seen |= cl
		prev = sep
	}
	return words, runs, seen
}

func TestCountLineMatchesReference(t *testing.T) {
	check := func(c string) {
		w, r, s := countLine(c)
		if rw, rr, rs := countLineRef(c); w != rw || r != rr || s != rs {
			t.Fatalf("countLine(%q) = %d, %d, %b; want %d, %d, %b", c, w, r, s, rw, rr, rs)
		}
	}
	for _, text := range equivalenceTexts(t) {
		for _, line := range strings.Split(text, "\n") {
			check(line)
			for k := 1; k < min(len(line), 17); k++ {
				check(line[k:])
			}
		}
	}
}

func BenchmarkSplit(b *testing.B) {
	texts := releaseTexts(b)
	for b.Loop() {
		for _, s := range texts {
			t := lineText{s: s}
			t.split()
		}
	}
}

// countControlsRef is countControls as binaryReason counted before, a
// byte at a time.
func countControlsRef(b []byte) (nul, ctrl int) {
	for _, c := range b {
		k := sniffBytes[c]
		nul += int(k & sniffNUL)
		ctrl += int(k >> 1)
	}
	return nul, ctrl
}

func TestCountControlsMatchesReference(t *testing.T) {
	texts := equivalenceTexts(t)
	var all []byte
	for c := range 256 {
		all = append(all, byte(c), 'a', byte(c), byte(c), ' ', 0x7f, byte(c), 'x', 0x1f)
	}
	texts = append(texts, string(all))
	for _, s := range texts {
		for k := 0; k < min(len(s), 9); k++ {
			b := []byte(s[k:])
			n, c := countControls(b)
			if rn, rc := countControlsRef(b); n != rn || c != rc {
				t.Fatalf("countControls(%.80q) = %d, %d; want %d, %d", b, n, c, rn, rc)
			}
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	var raws [][]byte
	for i := range 50 {
		_, body := gen.Document(1, i)
		raws = append(raws, body)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, raw := range raws {
			_, valid := binaryReason(raw)
			decodeBytes(raw, valid)
		}
	}
}

func TestSkipPlainMatchesReference(t *testing.T) {
	var all strings.Builder
	for c := range 256 {
		all.WriteString("abcdefghi")
		all.WriteByte(byte(c))
	}
	for _, s := range append(equivalenceTexts(t), all.String()) {
		for i := 0; i <= len(s); i++ {
			if i > 16 && plainASCII[s[i-1]] {
				continue // clean skips from the start and after a byte that is not plain
			}
			want := i
			for want < len(s) && plainASCII[s[want]] {
				want++
			}
			if got := skipPlain(s, i); got != want {
				t.Fatalf("skipPlain(%.80q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}

func BenchmarkClean(b *testing.B) {
	var texts []string
	for i := range 50 {
		_, body := gen.Document(1, i)
		texts = append(texts, string(body))
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range texts {
			clean(s, 0)
		}
	}
}

func TestChromeLineWordsMatchesSets(t *testing.T) {
	words := []string{"", "the", "home", "minister", "xyz", "中文", "Home"}
	for _, set := range []map[string]bool{chromeStrong, functionWords, chromeWords, langNames} {
		for w := range set {
			words = append(words, w, w+"s", strings.ToUpper(w))
		}
	}
	for _, text := range equivalenceTexts(t) {
		words = append(words, strings.Fields(strings.ToLower(text))...)
	}
	for _, w := range words {
		want := chromeStrong[w] || functionWords[w] || chromeWords[w] || langNames[w]
		if got := chromeLineWords[w]; got != want {
			t.Fatalf("chromeLineWords[%q] = %v, want %v", w, got, want)
		}
	}
}

func BenchmarkIsChromeLine(b *testing.B) {
	var lines []string
	for _, s := range releaseTexts(b) {
		lines = append(lines, strings.Split(s, "\n")...)
	}
	for b.Loop() {
		for _, c := range lines {
			isChromeLine(c)
		}
	}
}
