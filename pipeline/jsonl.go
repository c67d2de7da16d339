package pipeline

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
)

// jsonlBufSize is the write buffer of a JSONL file.
const jsonlBufSize = 256 << 10

// noParticipants encodes as [] where an Event has no participants.
var noParticipants = []Participant{}

type jsonlWriter struct {
	tmp   *tempFile
	bw    *bufio.Writer
	enc   *json.Encoder
	table string // of the first row; later rows must match
	err   error  // sticky I/O error

	// The row being encoded: a copy here, not in Write's frame, so that
	// encoding it does not allocate.
	doc Document
	ev  Event
	men Mention
	rej Reject
	txt Text
}

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
	bw := bufio.NewWriterSize(tmp.f, jsonlBufSize)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &jsonlWriter{tmp: tmp, bw: bw, enc: enc}, nil
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

	// The Encoder marshals the whole row before writing it, so a row that
	// cannot be encoded (a NaN) writes nothing and the file stays valid;
	// only errors from the file itself are sticky.
	var err error
	switch r := row.(type) {
	case Document:
		w.doc = r
		err = w.enc.Encode(&w.doc)
	case Event:
		w.ev = r
		if w.ev.Participants == nil {
			w.ev.Participants = noParticipants
		}
		err = w.enc.Encode(&w.ev)
	case Mention:
		w.men = r
		err = w.enc.Encode(&w.men)
	case Reject:
		w.rej = r
		if w.rej.Participants == nil {
			w.rej.Participants = noParticipants
		}
		err = w.enc.Encode(&w.rej)
	case Text:
		w.txt = r
		err = w.enc.Encode(&w.txt)
	}
	if err != nil {
		var uv *json.UnsupportedValueError
		if errors.As(err, &uv) {
			return fmt.Errorf("jsonl %s: %w", w.tmp.path, err)
		}
		w.err = fmt.Errorf("jsonl %s: %w", w.tmp.path, err)
		return w.err
	}
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
