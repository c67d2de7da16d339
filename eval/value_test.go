package eval

import (
	"encoding/json"
	"math"
	"testing"
)

func mustDecode(t *testing.T, s string) any {
	t.Helper()
	v, err := decodeJSON([]byte(s))
	if err != nil {
		t.Fatalf("decodeJSON(%q): %v", s, err)
	}
	return v
}

func TestDecodeJSON(t *testing.T) {
	tests := []struct {
		in      string
		repr    string // of the value; "" for an error
		wantErr bool
	}{
		{in: `{"b": 1, "a": [true, null, 1.50, "x"], "b": 2}`, repr: `{'b': 2, 'a': [True, None, 1.5, 'x']}`},
		{in: ` 12345678901234567890 `, repr: `12345678901234567890`},
		{in: `-0`, repr: `0`},
		{in: `1e400`, repr: `inf`},
		{in: `{} {}`, wantErr: true},
		{in: `{"a": 1,}`, wantErr: true},
		{in: ``, wantErr: true},
		{in: `NaN`, wantErr: true}, // Python accepts it; the pipeline never writes it
	}
	for _, tc := range tests {
		v, err := decodeJSON([]byte(tc.in))
		if (err != nil) != tc.wantErr {
			t.Errorf("decodeJSON(%q) error %v, want error %v", tc.in, err, tc.wantErr)
			continue
		}
		if err == nil && pyRepr(v) != tc.repr {
			t.Errorf("decodeJSON(%q) = %s, want %s", tc.in, pyRepr(v), tc.repr)
		}
	}
}

func TestPyEqual(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{`1`, `1.0`, true},
		{`1`, `true`, true},
		{`0`, `false`, true},
		{`0`, `null`, false},
		{`"1"`, `1`, false},
		{`12345678901234567890`, `12345678901234567890.0`, false}, // the float is ...168
		{`9007199254740992`, `9007199254740992.0`, true},
		{`[1, "a"]`, `[1.0, "a"]`, true},
		{`{"a": 1, "b": 2}`, `{"b": 2, "a": 1}`, true},
		{`{"a": 1}`, `{"a": 1, "b": 2}`, false},
		{`null`, `null`, true},
	}
	for _, tc := range tests {
		a, b := mustDecode(t, tc.a), mustDecode(t, tc.b)
		if got := pyEqual(a, b); got != tc.want {
			t.Errorf("%s == %s: %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := pyEqual(b, a); got != tc.want {
			t.Errorf("%s == %s: %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestHashKey(t *testing.T) {
	same := [][]string{{`1`, `1.0`, `true`}, {`0`, `-0.0`, `false`}, {`"a"`}, {`null`}, {`1.5`}, {`"1"`}}
	seen := map[string]string{}
	for _, group := range same {
		k := hashKey(mustDecode(t, group[0]))
		if prev, ok := seen[k]; ok {
			t.Errorf("%s and %s share key %q", prev, group[0], k)
		}
		seen[k] = group[0]
		for _, s := range group[1:] {
			if got := hashKey(mustDecode(t, s)); got != k {
				t.Errorf("hashKey(%s) = %q, want %q as for %s", s, got, k, group[0])
			}
		}
	}
}

func TestFloatRepr(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{1, "1.0"},
		{0.5, "0.5"},
		{2.0 / 3, "0.6666666666666666"},
		{100, "100.0"},
		{1e15, "1000000000000000.0"},
		{1e16, "1e+16"},
		{1.5e300, "1.5e+300"},
		{0.0001, "0.0001"},
		{0.00001, "1e-05"},
		{5e-324, "5e-324"},
		{math.Copysign(0, -1), "-0.0"},
		{-12.25, "-12.25"},
		{math.Inf(1), "inf"},
		{math.NaN(), "nan"},
	}
	for _, tc := range tests {
		if got := floatRepr(tc.in); got != tc.want {
			t.Errorf("floatRepr(%v) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestStrRepr(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", `'plain'`},
		{"What's New", `"What's New"`},
		{`'"`, `'\'"'`},
		{"a\\b", `'a\\b'`},
		{"tab\tnl\ncr\r", `'tab\tnl\ncr\r'`},
		{"\x00\x1f\x7f", `'\x00\x1f\x7f'`},
		{"é ü 한국", `'é ü 한국'`},
		{"\u00a0\u00ad\u200b\u2028", `'\xa0\xad\u200b\u2028'`},
		{"\U000e0001", `'\U000e0001'`},
	}
	for _, tc := range tests {
		if got := strRepr(tc.in); got != tc.want {
			t.Errorf("strRepr(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestSortedOrder(t *testing.T) {
	n := func(s string) any { return json.Number(s) }
	tests := []struct {
		name    string
		keys    []any
		want    []int
		wantErr bool
	}{
		{name: "stable on bools", keys: []any{true, false, true, false}, want: []int{1, 3, 0, 2}},
		{name: "numbers and bools", keys: []any{n("2"), true, n("0.5"), false}, want: []int{3, 2, 1, 0}},
		{name: "strings", keys: []any{"b", "a", "é", "z"}, want: []int{1, 0, 3, 2}},
		{name: "one key of any type", keys: []any{nil}, want: []int{0}},
		{name: "None", keys: []any{nil, false}, wantErr: true},
		{name: "mixed", keys: []any{"a", n("1")}, wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []int
			err := catch(func() { got = sortedOrder(tc.keys) })
			if (err != nil) != tc.wantErr {
				t.Fatalf("error %v, want error %v", err, tc.wantErr)
			}
			if err == nil && !equalInts(got, tc.want) {
				t.Errorf("sortedOrder = %v, want %v", got, tc.want)
			}
		})
	}
}

// catch runs f and returns the pyError it raised, if any.
func catch(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = r.(pyError)
		}
	}()
	f()
	return nil
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
