package pipeline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// A TableReader reads back one table of a run's output, one document at a
// time, in doc_id order (byte order, as Run and Merge write it). It reads
// OUT/T.jsonl and the parts OUT/T/*.jsonl of a sharded run, each of which
// is in doc_id order, and merges them as it goes: it holds one line of each
// file and the rows of one document, whatever the size of the table.
//
// A file whose rows are not in doc_id order, or whose rows of one document
// are not together, is an error naming the file and line: such a file was
// not written by communique run or merge (communique pipe writes input
// order).
type TableReader struct {
	srcs  []*tableSource
	files []string
	// Two sets of buffers, used in turn, so that a document's rows stay
	// valid while the next one is read.
	arena [2][]byte
	rows  [2][][]byte
	turn  int
}

// tableSource is one JSONL file of a table and its next row.
type tableSource struct {
	path   string
	f      *os.File
	br     *bufio.Reader
	line   int    // number of the head line
	head   []byte // the next row; nil at the end
	headID string
	lastID string // of the last document read from this file
	read   bool   // a document was read from this file
}

// tableReadBuf is the read buffer of each file of a table.
const tableReadBuf = 64 << 10

// OpenTable opens the JSONL files of table under out. A table with no file
// reads as empty; Files says which files there are.
func OpenTable(out, table string) (*TableReader, error) {
	paths := []string{filepath.Join(out, table+".jsonl")}
	parts, err := filepath.Glob(filepath.Join(out, table, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	sort.Strings(parts)
	paths = append(paths, parts...)
	r := &TableReader{}
	for _, p := range paths {
		if strings.HasPrefix(filepath.Base(p), ".") {
			continue // a temporary file of a run in progress
		}
		f, err := os.Open(p)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			r.Close()
			return nil, fmt.Errorf("read %s: %w", table, err)
		}
		s := &tableSource{path: p, f: f, br: bufio.NewReaderSize(f, tableReadBuf)}
		r.srcs = append(r.srcs, s)
		r.files = append(r.files, p)
		if err := s.advance(); err != nil {
			r.Close()
			return nil, err
		}
	}
	return r, nil
}

// Files lists the files the table is read from.
func (r *TableReader) Files() []string { return r.files }

// Next returns the doc_id of the next document and its rows, one JSON
// object per row without the line end, in file order (OUT/T.jsonl first,
// then the parts in name order). The rows stay valid during the next call
// and until the one after it. At the end it returns io.EOF.
func (r *TableReader) Next() (string, [][]byte, error) {
	var min *tableSource
	for _, s := range r.srcs {
		if s.head != nil && (min == nil || s.headID < min.headID) {
			min = s
		}
	}
	if min == nil {
		return "", nil, io.EOF
	}
	id := min.headID
	r.turn ^= 1
	arena, rows := r.arena[r.turn][:0], r.rows[r.turn][:0]
	var ends []int
	for _, s := range r.srcs {
		if s.head == nil || s.headID != id {
			continue
		}
		if s.read && id <= s.lastID {
			what := "its rows are not together"
			if id < s.lastID {
				what = fmt.Sprintf("it comes after %q", s.lastID)
			}
			return "", nil, fmt.Errorf("%s:%d: document %q is out of doc_id order (%s): not a table as communique run or merge writes it", s.path, s.line, id, what)
		}
		s.read, s.lastID = true, id
		for s.head != nil && s.headID == id {
			arena = append(arena, s.head...)
			ends = append(ends, len(arena))
			if err := s.advance(); err != nil {
				return "", nil, err
			}
		}
	}
	start := 0
	for _, e := range ends {
		rows = append(rows, arena[start:e:e])
		start = e
	}
	r.arena[r.turn], r.rows[r.turn] = arena, rows
	return id, rows, nil
}

// Close closes the files.
func (r *TableReader) Close() error {
	var first error
	for _, s := range r.srcs {
		if err := s.f.Close(); err != nil && first == nil {
			first = err
		}
	}
	r.srcs = nil
	return first
}

// advance reads the next row of the file into head, skipping blank lines.
func (s *tableSource) advance() error {
	s.head = s.head[:0]
	for {
		s.line++
		var err error
		for {
			var chunk []byte
			chunk, err = s.br.ReadSlice('\n')
			s.head = append(s.head, chunk...)
			if !errors.Is(err, bufio.ErrBufferFull) {
				break
			}
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("read %s: %w", s.path, err)
		}
		s.head = bytes.TrimRight(s.head, "\r\n")
		if len(bytes.TrimSpace(s.head)) > 0 {
			id, ok := JSONString(s.head, "doc_id")
			if !ok {
				return fmt.Errorf("%s:%d: not a row with a doc_id", s.path, s.line)
			}
			s.headID = id
			return nil
		}
		if err == io.EOF {
			s.head = nil
			return nil
		}
		s.head = s.head[:0]
	}
}

// JSONString returns the string value of the top-level field key of the
// JSON object row, and false when row has no such field, when its value is
// not a string (null, say), or when row is not a JSON object. It scans the
// row without decoding it, skipping nested values, and allocates only the
// string it returns.
func JSONString(row []byte, key string) (string, bool) {
	i := skipSpace(row, 0)
	if i >= len(row) || row[i] != '{' {
		return "", false
	}
	i = skipSpace(row, i+1)
	if i < len(row) && row[i] == '}' {
		return "", false
	}
	for i < len(row) {
		ke := stringEnd(row, i)
		if ke < 0 {
			return "", false
		}
		match := keyIs(row[i:ke], key)
		i = skipSpace(row, ke)
		if i >= len(row) || row[i] != ':' {
			return "", false
		}
		i = skipSpace(row, i+1)
		if match {
			if i >= len(row) || row[i] != '"' {
				return "", false
			}
			ve := stringEnd(row, i)
			if ve < 0 {
				return "", false
			}
			return unquote(row[i:ve])
		}
		if i = valueEnd(row, i); i < 0 {
			return "", false
		}
		i = skipSpace(row, i)
		if i >= len(row) || row[i] != ',' {
			return "", false // the object ends, or is broken
		}
		i = skipSpace(row, i+1)
	}
	return "", false
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the index after the JSON string starting at b[i], or
// -1 if there is none.
func stringEnd(b []byte, i int) int {
	if i >= len(b) || b[i] != '"' {
		return -1
	}
	for j := i + 1; j < len(b); j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
	return -1
}

// valueEnd returns the index after the JSON value starting at b[i] (a
// string, an object or array with what it holds, or a number or literal),
// or -1 if it is broken.
func valueEnd(b []byte, i int) int {
	switch {
	case i >= len(b):
		return -1
	case b[i] == '"':
		return stringEnd(b, i)
	case b[i] == '{' || b[i] == '[':
		depth := 0
		for j := i; j < len(b); j++ {
			switch b[j] {
			case '"':
				if j = stringEnd(b, j); j < 0 {
					return -1
				}
				j--
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
		return -1
	}
	j := i
	for j < len(b) && b[j] != ',' && b[j] != '}' && b[j] != ']' && b[j] != ' ' && b[j] != '\t' && b[j] != '\n' && b[j] != '\r' {
		j++
	}
	if j == i {
		return -1
	}
	return j
}

// keyIs reports whether the quoted JSON string q is key.
func keyIs(q []byte, key string) bool {
	if bytes.IndexByte(q, '\\') < 0 {
		return string(q[1:len(q)-1]) == key
	}
	s, ok := unquote(q)
	return ok && s == key
}

// unquote decodes the quoted JSON string q.
func unquote(q []byte) (string, bool) {
	if bytes.IndexByte(q, '\\') < 0 {
		return string(q[1 : len(q)-1]), true
	}
	var s string
	if json.Unmarshal(q, &s) != nil {
		return "", false
	}
	return s, true
}

// A RunReader reads several tables of a run together, a document at a
// time, in doc_id order: each document's rows of every table.
type RunReader struct {
	tables []string
	curs   []*tableCursor
	rows   [][][]byte
}

// tableCursor is a TableReader positioned on its next document.
type tableCursor struct {
	r    *TableReader
	id   string
	rows [][]byte
	eof  bool
}

func (c *tableCursor) next() error {
	id, rows, err := c.r.Next()
	if err == io.EOF {
		c.eof, c.id, c.rows = true, "", nil
		return nil
	}
	c.id, c.rows = id, rows
	return err
}

// OpenRun opens the JSONL files of the tables under out (see OpenTable).
func OpenRun(out string, tables []string) (*RunReader, error) {
	r := &RunReader{tables: tables, rows: make([][][]byte, len(tables))}
	for _, t := range tables {
		tr, err := OpenTable(out, t)
		if err != nil {
			r.Close()
			return nil, err
		}
		c := &tableCursor{r: tr}
		r.curs = append(r.curs, c)
		if err := c.next(); err != nil {
			r.Close()
			return nil, err
		}
	}
	return r, nil
}

// Files lists the files of table i, as OpenTable found them.
func (r *RunReader) Files(i int) []string { return r.curs[i].r.Files() }

// Peek returns the doc_id of the next document, and false at the end.
func (r *RunReader) Peek() (string, bool) {
	id, ok := "", false
	for _, c := range r.curs {
		if !c.eof && (!ok || c.id < id) {
			id, ok = c.id, true
		}
	}
	return id, ok
}

// Next returns the next document's doc_id and its rows: rows[i] are the
// rows of the i-th table opened, nil where it has none. They are valid
// until the next call. At the end it returns io.EOF.
func (r *RunReader) Next() (string, [][][]byte, error) {
	id, ok := r.Peek()
	if !ok {
		return "", nil, io.EOF
	}
	for i, c := range r.curs {
		r.rows[i] = nil
		if !c.eof && c.id == id {
			// Valid while the table reads the document after.
			r.rows[i] = c.rows
			if err := c.next(); err != nil {
				return "", nil, err
			}
		}
	}
	return id, r.rows, nil
}

// Close closes every table.
func (r *RunReader) Close() error {
	var first error
	for _, c := range r.curs {
		if err := c.r.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
