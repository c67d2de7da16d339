package normalize

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzDocument checks Document's properties on any input: it does not
// panic or hang, fails only with a *RejectError, returns valid UTF-8
// without control characters other than "\n" and "\t", maps every text
// offset into [0, len(raw)] monotonically (and every one-byte span to a
// raw span starting there), and is idempotent with Garbled 0 on its own
// output.
func FuzzDocument(f *testing.F) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "*.input"))
	for _, in := range inputs {
		if raw, err := os.ReadFile(in); err == nil {
			f.Add(raw, false)
		}
	}
	for _, s := range []string{release, fancy, releaseWrapped, releaseChrome, releaseGarbled, wrapped} {
		f.Add([]byte(s), false)
	}
	f.Add([]byte(releaseHTML), true)
	f.Add(utf16Bytes(fancy, false, true), false)
	f.Add([]byte("\u00e2\u20ac\u0153Yes\u00e2\u20ac\u009d Lee Sang-\n\nmin (이상민) \u3131 स्थापित\r\n- 2 -\r\n"), false)
	f.Add([]byte("<p>a&amp;b<td>c<br>d</p><table><tr><td>x<td>y</table>"), true)
	f.Add([]byte("\xff\xfe\x00\xd8a\x00"), false)
	f.Fuzz(func(t *testing.T, raw []byte, asHTML bool) {
		watchdog := time.AfterFunc(20*time.Second, func() { panic(fmt.Sprintf("Document hangs on %q", raw)) })
		defer watchdog.Stop()
		name := "doc.txt"
		if asHTML {
			name = "doc.html"
		}
		res, err := Document(raw, name, Options{})
		if err != nil {
			var rej *RejectError
			if !errors.As(err, &rej) || rej.Reason == "" {
				t.Fatalf("error %v is not a RejectError with a reason", err)
			}
			return
		}
		if !utf8.ValidString(res.Text) {
			t.Fatalf("invalid UTF-8: %q", res.Text)
		}
		if i := strings.IndexFunc(res.Text, func(r rune) bool {
			return r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r < 0xa0 || r == utf8.RuneError
		}); i >= 0 {
			t.Fatalf("control or replacement character at %d: %q", i, res.Text)
		}
		if res.Garbled < 0 {
			t.Fatalf("Garbled = %d", res.Garbled)
		}
		prev := 0
		for i := 0; i <= len(res.Text); i++ {
			r := res.Map.Raw(i)
			if r < prev || r > len(raw) {
				t.Fatalf("Map.Raw(%d) = %d after %d, raw length %d", i, r, prev, len(raw))
			}
			prev = r
			if a, b := res.Map.Span(i, i+1); a != r || b < a || b > len(raw) {
				t.Fatalf("Map.Span(%d, %d) = [%d, %d), Raw = %d, raw length %d", i, i+1, a, b, r, len(raw))
			}
		}
		again, err := Document([]byte(res.Text), "again.txt", Options{Format: FormatText})
		if err != nil {
			t.Fatalf("second pass of %q: %v", res.Text, err)
		}
		if again.Text != res.Text || again.Garbled != 0 {
			t.Fatalf("not idempotent (garbled %d):\nfirst  %q\nsecond %q", again.Garbled, res.Text, again.Text)
		}
	})
}
