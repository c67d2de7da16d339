package pipeline

import (
	"bufio"
	"fmt"
)

// jsonlBufSize is the write buffer of a JSONL file.
const jsonlBufSize = 256 << 10

// noParticipants encodes as [] where an Event has no participants.
var noParticipants = []Participant{}

type jsonlWriter struct {
	tmp   *tempFile
	bw    *bufio.Writer
	table string // of the first row; later rows must match
	err   error  // sticky I/O error
	buf   []byte // the row being encoded
}

// maxKeptRowBuf bounds the encoding buffer a writer keeps between rows.
const maxKeptRowBuf = 1 << 20

// NewJSONLWriter returns a Writer of JSON Lines to path: one JSON object per
// row and line, UTF-8, "\n" line ends, fields in the order of the row
// struct, absent values as null, participants as [] when there are none.
// Invalid UTF-8 in strings is replaced by U+FFFD, byte by byte. Non-ASCII
// text is written as is, not \u-escaped.
func NewJSONLWriter(path string) (Writer, error) { return newJSONLWriter(osOps, path) }

func newJSONLWriter(ops fileOps, path string) (Writer, error) {
	tmp, err := createTemp(ops, path)
	if err != nil {
		return nil, fmt.Errorf("jsonl: %w", err)
	}
	return &jsonlWriter{tmp: tmp, bw: bufio.NewWriterSize(tmp.f, jsonlBufSize)}, nil
}

func (w *jsonlWriter) Write(row any) error {
	if w.err != nil {
		return w.err
	}
	if w.tmp.done {
		return fmt.Errorf("jsonl %s: %w", w.tmp.path, errDone)
	}
	table := rowTable(row)
	if table == "" {
		return fmt.Errorf("jsonl %s: unsupported row type %T", w.tmp.path, row)
	}
	if w.table == "" {
		w.table = table
	} else if table != w.table {
		return fmt.Errorf("jsonl %s: %s row in a file of %s", w.tmp.path, table, w.table)
	}

	// A row is encoded whole before any of it is written, so a row that
	// cannot be encoded (a NaN) writes nothing and the file stays valid;
	// only errors from the file itself are sticky.
	b := w.buf[:0]
	var err error
	switch r := row.(type) {
	case Document:
		b = appendDocumentJSON(b, &r)
	case Event:
		if r.Participants == nil {
			r.Participants = noParticipants
		}
		b, err = appendEventJSON(b, &r)
	case Mention:
		b = appendMentionJSON(b, &r)
	case Reject:
		if r.Participants == nil {
			r.Participants = noParticipants
		}
		b, err = appendRejectJSON(b, &r)
	case Text:
		b = appendTextJSON(b, &r)
	}
	if err != nil {
		return fmt.Errorf("jsonl %s: %w", w.tmp.path, err)
	}
	b = append(b, '\n')
	if _, err := w.bw.Write(b); err != nil {
		w.err = fmt.Errorf("jsonl %s: %w", w.tmp.path, err)
		return w.err
	}
	if cap(b) > maxKeptRowBuf {
		b = nil // a --with-text row of a large document
	}
	w.buf = b
	return nil
}

func (w *jsonlWriter) Commit() error {
	if w.err != nil {
		w.tmp.abort()
		return w.err
	}
	if w.tmp.done {
		return fmt.Errorf("jsonl %s: %w", w.tmp.path, errDone)
	}
	if err := w.bw.Flush(); err != nil {
		w.err = fmt.Errorf("jsonl %s: %w", w.tmp.path, err)
		w.tmp.abort()
		return w.err
	}
	if err := w.tmp.commit(); err != nil {
		w.err = fmt.Errorf("jsonl %s: commit: %w", w.tmp.path, err)
		return w.err
	}
	return nil
}

func (w *jsonlWriter) Abort() error {
	if err := w.tmp.abort(); err != nil {
		return fmt.Errorf("jsonl %s: abort: %w", w.tmp.path, err)
	}
	return nil
}
