package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file models the JSON values score.py works with as Python sees them
// after json.loads: nil (None), bool, json.Number (int or float), string,
// []any (list) and *object (dict, keys in document order).

// object is a decoded JSON object. Like a Python dict it keeps its keys in
// the order they first appear; a repeated key keeps its first position and
// takes its last value.
type object struct {
	keys []string
	vals map[string]any
}

// newObject returns an object holding the key-value pairs kv in order.
func newObject(kv ...any) *object {
	o := &object{vals: make(map[string]any, len(kv)/2)}
	for i := 0; i+1 < len(kv); i += 2 {
		o.set(kv[i].(string), kv[i+1])
	}
	return o
}

func (o *object) set(k string, v any) {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
}

// get is dict.get: the value of k, nil when k is absent.
func (o *object) get(k string) any { return o.vals[k] }

// has is `k in dict`.
func (o *object) has(k string) bool {
	_, ok := o.vals[k]
	return ok
}

// getOr is dict.get(k, def): def only when k is absent, not when it is null.
func (o *object) getOr(k string, def any) any {
	if v, ok := o.vals[k]; ok {
		return v
	}
	return def
}

// must is dict[k]: the value of k; a missing key raises KeyError.
func (o *object) must(k string) any {
	v, ok := o.vals[k]
	if !ok {
		raise("KeyError: %s", strRepr(k))
	}
	return v
}

// pyError is what score.py would have died of (a TypeError, a KeyError).
// Helpers panic with it; Score recovers it and returns it as an error.
type pyError struct{ msg string }

func (e pyError) Error() string { return e.msg }

func raise(format string, args ...any) {
	panic(pyError{fmt.Sprintf(format, args...)})
}

// decodeJSON parses data as one JSON value, as json.loads does: surrounding
// whitespace is allowed, anything else after the value is an error.
func decodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	v, err := readValue(dec)
	if err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			err = errors.New("extra data after the value")
		}
		return nil, err
	}
	return v, nil
}

func readValue(dec *json.Decoder) (any, error) {
	t, err := dec.Token()
	if err != nil {
		return nil, err
	}
	d, ok := t.(json.Delim)
	if !ok {
		return t, nil // nil, bool, json.Number or string
	}
	switch d {
	case '[':
		list := []any{}
		for dec.More() {
			v, err := readValue(dec)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		_, err := dec.Token() // ']'
		return list, err
	case '{':
		o := newObject()
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return nil, err
			}
			v, err := readValue(dec)
			if err != nil {
				return nil, err
			}
			o.set(k.(string), v)
		}
		_, err := dec.Token() // '}'
		return o, err
	}
	return nil, fmt.Errorf("unexpected %v", d)
}

// number is a JSON number or bool as Python holds it: an exact int (bools
// are the ints 0 and 1) or a float.
type number struct {
	i     *big.Int // nil for a float
	f     float64
	isInt bool
}

// toNumber returns v as a number, ok false when v is not numeric.
func toNumber(v any) (number, bool) {
	switch v := v.(type) {
	case bool:
		if v {
			return number{i: big.NewInt(1), isInt: true}, true
		}
		return number{i: big.NewInt(0), isInt: true}, true
	case json.Number:
		s := string(v)
		if !strings.ContainsAny(s, ".eE") {
			if i, ok := new(big.Int).SetString(s, 10); ok {
				return number{i: i, isInt: true}, true
			}
		}
		// Out of range parses to ±Inf, as float() does; the syntax was
		// checked by the decoder.
		f, _ := strconv.ParseFloat(s, 64)
		return number{f: f}, true
	}
	return number{}, false
}

// cmpNumbers compares exactly, as Python compares int and float; ok is
// false when a NaN takes part.
func cmpNumbers(a, b number) (c int, ok bool) {
	if a.isInt && b.isInt {
		return a.i.Cmp(b.i), true
	}
	if math.IsNaN(a.f) && !a.isInt || math.IsNaN(b.f) && !b.isInt {
		return 0, false
	}
	return a.big().Cmp(b.big()), true
}

func (n number) big() *big.Float {
	if n.isInt {
		return new(big.Float).SetInt(n.i) // precision grows to fit: exact
	}
	return new(big.Float).SetFloat64(n.f)
}

// pyEqual is Python's == on two JSON values.
func pyEqual(a, b any) bool {
	switch a := a.(type) {
	case nil:
		return b == nil
	case string:
		s, ok := b.(string)
		return ok && a == s
	case bool, json.Number:
		na, _ := toNumber(a)
		nb, ok := toNumber(b)
		if !ok {
			return false
		}
		c, ok := cmpNumbers(na, nb)
		return ok && c == 0
	case []any:
		l, ok := b.([]any)
		if !ok || len(a) != len(l) {
			return false
		}
		for i := range a {
			if !pyEqual(a[i], l[i]) {
				return false
			}
		}
		return true
	case *object:
		o, ok := b.(*object)
		if !ok || len(a.keys) != len(o.keys) {
			return false
		}
		for _, k := range a.keys {
			if !o.has(k) || !pyEqual(a.vals[k], o.vals[k]) {
				return false
			}
		}
		return true
	}
	return false
}

// truthy is Python's bool(v).
func truthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case string:
		return v != ""
	case json.Number:
		n, _ := toNumber(v)
		if n.isInt {
			return n.i.Sign() != 0
		}
		return n.f != 0
	case []any:
		return len(v) > 0
	case *object:
		return len(v.keys) > 0
	}
	return true
}

// or is Python's `a or b or ...`: the first truthy value, else the last.
func or(vs ...any) any {
	for _, v := range vs[:len(vs)-1] {
		if truthy(v) {
			return v
		}
	}
	return vs[len(vs)-1]
}

// hashKey returns a string that is equal for two hashable values exactly
// when Python's == holds between them (1, 1.0 and true share a key). Lists
// and objects are unhashable: hashKey raises TypeError.
func hashKey(v any) string {
	switch v := v.(type) {
	case nil:
		return "N"
	case string:
		return "s" + v
	case bool, json.Number:
		n, _ := toNumber(v)
		if n.isInt {
			return "i" + n.i.String()
		}
		if !math.IsInf(n.f, 0) && !math.IsNaN(n.f) && n.f == math.Trunc(n.f) {
			i, _ := n.big().Int(nil)
			return "i" + i.String()
		}
		return "f" + strconv.FormatFloat(n.f, 'g', -1, 64)
	}
	raise("TypeError: unhashable type: '%s'", typeName(v))
	return ""
}

func typeName(v any) string {
	switch v := v.(type) {
	case nil:
		return "NoneType"
	case bool:
		return "bool"
	case string:
		return "str"
	case json.Number:
		if n, _ := toNumber(v); n.isInt {
			return "int"
		}
		return "float"
	case []any:
		return "list"
	case *object:
		return "dict"
	}
	return fmt.Sprintf("%T", v)
}

// sortedOrder returns the indices of keys in the order of Python's stable
// sorted() by those keys. Keys must be mutually orderable as in Python:
// all numbers and bools, or all strings; otherwise, when there are at
// least two of them, it raises TypeError as sorted() would.
func sortedOrder(keys []any) []int {
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	if len(keys) < 2 {
		return idx
	}
	nums := make([]number, len(keys))
	allNum, allStr := true, true
	for i, k := range keys {
		n, ok := toNumber(k)
		nums[i] = n
		allNum = allNum && ok
		_, ok = k.(string)
		allStr = allStr && ok
	}
	switch {
	case allNum:
		sort.SliceStable(idx, func(a, b int) bool {
			c, ok := cmpNumbers(nums[idx[a]], nums[idx[b]])
			return ok && c < 0
		})
	case allStr:
		// Byte order of UTF-8 is code point order, Python's str order.
		sort.SliceStable(idx, func(a, b int) bool {
			return keys[idx[a]].(string) < keys[idx[b]].(string)
		})
	default:
		raise("TypeError: '<' not supported between the sort keys %s", pyRepr(keys))
	}
	return idx
}

// pyStr is Python's str(v) for a JSON value.
func pyStr(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return pyRepr(v)
}

// pyRepr is Python's repr(v) for a JSON value.
func pyRepr(v any) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case bool:
		if v {
			return "True"
		}
		return "False"
	case string:
		return strRepr(v)
	case json.Number:
		n, _ := toNumber(v)
		if n.isInt {
			return n.i.String()
		}
		return floatRepr(n.f)
	case []any:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = pyRepr(x)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case *object:
		parts := make([]string, len(v.keys))
		for i, k := range v.keys {
			parts[i] = strRepr(k) + ": " + pyRepr(v.vals[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return fmt.Sprint(v)
}

// floatRepr is Python's repr(float): the shortest digits that read back as
// f, positional when the decimal point falls within 16 digits of them,
// otherwise scientific with a signed exponent of at least two digits.
func floatRepr(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // [-]d[.ddd]e±XX
	sign := ""
	if e[0] == '-' {
		sign, e = "-", e[1:]
	}
	mant, exp, _ := strings.Cut(e, "e")
	digits := strings.Replace(mant, ".", "", 1)
	x, _ := strconv.Atoi(exp)
	decpt := x + 1 // value = 0.DIGITS × 10^decpt
	if decpt <= -4 || decpt > 16 {
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		es := "+"
		if x < 0 {
			es, x = "-", -x
		}
		return fmt.Sprintf("%s%se%s%02d", sign, m, es, x)
	}
	switch {
	case decpt <= 0:
		return sign + "0." + strings.Repeat("0", -decpt) + digits
	case decpt >= len(digits):
		return sign + digits + strings.Repeat("0", decpt-len(digits)) + ".0"
	}
	return sign + digits[:decpt] + "." + digits[decpt:]
}

// strRepr is Python's repr(str): single quotes unless the string holds a
// single quote and no double quote; backslash escapes for the quote, the
// backslash, \t \n \r, other control characters and every character
// str.isprintable() rejects.
func strRepr(s string) string {
	q := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < ' ' || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x7f:
			b.WriteRune(r)
		case unicode.IsPrint(r): // L, M, N, P, S: str.isprintable
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// pyContains is Python's `x in container` for a JSON container.
func pyContains(container any, x any) bool {
	switch c := container.(type) {
	case string:
		s, ok := x.(string)
		if !ok {
			raise("TypeError: 'in <string>' requires string as left operand, not %s", typeName(x))
		}
		return strings.Contains(c, s)
	case []any:
		for _, e := range c {
			if pyEqual(e, x) {
				return true
			}
		}
		return false
	case *object:
		s, ok := x.(string)
		return ok && c.has(s)
	}
	raise("TypeError: argument of type '%s' is not iterable", typeName(container))
	return false
}

// pySlice is Python's v[:n] for a string (in code points) or a list.
func pySlice(v any, n int) any {
	switch v := v.(type) {
	case string:
		i := 0
		for j := range v {
			if i == n {
				return v[:j]
			}
			i++
		}
		return v
	case []any:
		return v[:min(n, len(v))]
	}
	raise("TypeError: '%s' object is not subscriptable", typeName(v))
	return nil
}

// pyIter lists what `for x in v` yields: list items, the characters of a
// string, the keys of an object. Other values raise TypeError.
func pyIter(v any) []any {
	switch v := v.(type) {
	case []any:
		return v
	case string:
		out := make([]any, 0, utf8.RuneCountInString(v))
		for _, r := range v {
			out = append(out, string(r))
		}
		return out
	case *object:
		out := make([]any, len(v.keys))
		for i, k := range v.keys {
			out[i] = k
		}
		return out
	}
	raise("TypeError: '%s' object is not iterable", typeName(v))
	return nil
}

// records is pyIter for a sequence whose items score.py calls .get on:
// every item must be an object.
func records(v any) []*object {
	items := pyIter(v)
	out := make([]*object, len(items))
	for i, x := range items {
		o, ok := x.(*object)
		if !ok {
			raise("AttributeError: '%s' object has no attribute 'get'", typeName(x))
		}
		out[i] = o
	}
	return out
}

// mustStr returns v, which must be a string, for op (re.search, str.strip
// and the like); anything else raises TypeError.
func mustStr(v any, op string) string {
	s, ok := v.(string)
	if !ok {
		raise("TypeError: %s: expected str, got %s", op, typeName(v))
	}
	return s
}
