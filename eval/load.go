package eval

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// loadTable reads the rows of table name under out: OUT/NAME.jsonl, then
// OUT/NAME/*.jsonl in name order, skipping files that do not exist and
// lines that are blank. Lines end at \n, \r\n or \r, as Python's text mode
// reads them. A line that is not a JSON object is an error naming the file
// and line.
func loadTable(out, name string) ([]*object, error) {
	paths := []string{filepath.Join(out, name+".jsonl")}
	parts, err := glob(filepath.Join(out, name), "*.jsonl")
	if err != nil {
		return nil, err
	}
	paths = append(paths, parts...)
	var rows []*object
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if !utf8.Valid(data) {
			return nil, fmt.Errorf("%s: not UTF-8", p)
		}
		s := strings.ReplaceAll(string(data), "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
		for n, line := range strings.SplitAfter(s, "\n") {
			line = strip(line)
			if line == "" {
				continue
			}
			v, err := decodeJSON([]byte(line))
			if err != nil {
				return nil, fmt.Errorf("%s:%d: not JSON: %w", p, n+1, err)
			}
			o, ok := v.(*object)
			if !ok {
				return nil, fmt.Errorf("%s:%d: not a JSON object", p, n+1)
			}
			rows = append(rows, o)
		}
	}
	return rows, nil
}

// loadGold reads one gold file, which must hold a JSON object.
func loadGold(path string) (*object, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%s: not UTF-8", path)
	}
	v, err := decodeJSON(data)
	if err != nil {
		return nil, fmt.Errorf("%s: not JSON: %w", path, err)
	}
	o, ok := v.(*object)
	if !ok {
		return nil, fmt.Errorf("%s: not a JSON object", path)
	}
	return o, nil
}

// glob is Python's sorted(glob.glob(os.path.join(dir, pattern))): like
// filepath.Glob, but names starting with a dot are hidden from a pattern
// that does not start with one.
func glob(dir, pattern string) ([]string, error) {
	matches, err := filepath.Glob(filepath.Join(dir, pattern))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range matches {
		if !strings.HasPrefix(filepath.Base(m), ".") {
			out = append(out, m)
		}
	}
	sort.Strings(out)
	return out, nil
}
