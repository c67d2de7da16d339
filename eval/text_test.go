package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/unicode/norm"
)

func TestLower(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Lee Sang-MIN", "lee sang-min"},
		{"İlham", "i\u0307lham"},       // full mapping of U+0130
		{"ΟΔΟΣ ΣΟΦΙΑΣ", "οδος σοφιας"}, // final sigma at word ends
		{"Σ", "σ"},       // no cased letter before it
		{"ΑΣ'Α", "ασ'α"}, // ' is case-ignorable: a letter follows
		{"ΑΣ.", "ας."},   // nothing cased follows
		{"ǅ", "ǆ"},       // titlecase digraph
		{"ẞ", "ß"},
	}
	for _, tc := range tests {
		if got := lower(tc.in); got != tc.want {
			t.Errorf("lower(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSplitStrip(t *testing.T) {
	tests := []struct {
		in    string
		split []string
		strip string
	}{
		{"  a  b ", []string{"a", "b"}, "a  b"},
		{"\x1ca\x1fb\u3000", []string{"a", "b"}, "a\x1fb"}, // U+001C..U+001F are spaces to Python
		{"a\u200bb", []string{"a\u200bb"}, "a\u200bb"},     // zero width space is not
		{"", []string{}, ""},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.split, split(tc.in)); diff != "" {
			t.Errorf("split(%q) (-want +got):\n%s", tc.in, diff)
		}
		if got := strip(tc.in); got != tc.strip {
			t.Errorf("strip(%q) = %q, want %q", tc.in, got, tc.strip)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{"Lee’s ‘Forum’", "lee's 'forum'"},
		{"Korea–Italy—Forum", "korea-italy-forum"},
		{"ＬＥＡＰ　２０２４", "leap 2024"},
		{nil, ""},
		{false, ""},
		{json.Number("0"), ""},
		{[]any{}, ""},
	}
	for _, tc := range tests {
		if got := fold(tc.in); got != tc.want {
			t.Errorf("fold(%#v) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestPrimitivesMatchPython compares \w, isspace, lower, NFKC and repr
// with Python's on every code point Python's Unicode database assigns.
func TestPrimitivesMatchPython(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: asks Python about every code point")
	}
	const script = `
import json, re, sys, unicodedata
w = sys.stdout.write
for c in range(0x110000):
    ch = chr(c)
    if 0xD800 <= c <= 0xDFFF or unicodedata.category(ch) == "Cn":
        continue
    w("%x\t%d\t%d\t%s\t%s\t%s\n" % (c, re.match(r"\w", ch) is not None, ch.isspace(),
      json.dumps(ch.lower()), json.dumps(unicodedata.normalize("NFKC", ch)), json.dumps(repr(ch))))
`
	out, err := exec.Command(pythonPath(t), "-c", script).Output()
	if err != nil {
		t.Fatalf("python: %v", err)
	}
	bad := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() && bad < 20 {
		f := strings.Split(sc.Text(), "\t")
		c, _ := strconv.ParseInt(f[0], 16, 32)
		r := rune(c)
		var lo, nfkc, repr string
		for i, p := range []*string{&lo, &nfkc, &repr} {
			if err := json.Unmarshal([]byte(f[3+i]), p); err != nil {
				t.Fatal(err)
			}
		}
		for _, chk := range []struct {
			what string
			ok   bool
		}{
			{`\w`, (f[1] == "1") == isWord(r)},
			{"isspace", (f[2] == "1") == isSpace(r)},
			{"lower", lower(string(r)) == lo},
			{"NFKC", norm.NFKC.String(string(r)) == nfkc},
			{"repr", strRepr(string(r)) == repr},
		} {
			if !chk.ok {
				bad++
				t.Errorf("U+%04X: %s differs from Python", r, chk.what)
			}
		}
	}
}
