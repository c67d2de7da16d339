package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// A Writer writes one table's rows to one file, atomically: rows go to a
// temporary file in the destination directory; Commit flushes, syncs, closes
// and renames it into place; Abort removes the temporary file. Not safe for
// concurrent use.
//
// Until Commit returns nil no file exists at the destination path, so a
// crashed or aborted run never leaves a file that looks like a complete table.
type Writer interface {
	// Write appends one row. The row is a Document, Event, Mention, Reject
	// or Text value (not a pointer); all rows of one file have the same
	// type. Any other type is an error. An error that leaves the file in an
	// unknown state (an I/O error) is sticky: later calls, including Commit,
	// return it.
	Write(row any) error
	// Commit finishes the file and renames it into place. After Commit the
	// Writer is done: Write and Commit return errors, Abort does nothing.
	// If Commit fails, the temporary file is removed.
	Commit() error
	// Abort removes the temporary file. It is safe to call more than once
	// and after Commit, where it does nothing.
	Abort() error
}

// errDone is returned by Write and Commit on a committed or aborted Writer.
var errDone = errors.New("writer already committed or aborted")

// tempFile is the file a Writer writes to before Commit: a hidden temporary
// file next to the destination, named .NAME.tmp-RANDOM.
type tempFile struct {
	ops  fileOps
	f    outFile
	path string // destination
	done bool   // committed or aborted
}

// createTemp creates the temporary file for path, creating path's directory
// if needed.
func createTemp(ops fileOps, path string) (*tempFile, error) {
	ops = opsOr(ops)
	dir, name := filepath.Split(path)
	if name == "" {
		return nil, fmt.Errorf("create %q: no file name", path)
	}
	if dir == "" {
		dir = "."
	}
	if err := ops.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := ops.CreateTemp(dir, "."+name+".tmp-*")
	if err != nil {
		return nil, err
	}
	return &tempFile{ops: ops, f: f, path: path}, nil
}

// commit syncs and closes the temporary file and renames it to the
// destination. On failure the temporary file is removed.
func (t *tempFile) commit() error {
	if t.done {
		return errDone
	}
	t.done = true
	name := t.f.Name()
	err := t.f.Sync()
	if cerr := t.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = t.ops.Rename(name, t.path)
	}
	if err == nil {
		// Make the rename itself durable.
		err = t.ops.SyncDir(filepath.Dir(t.path))
	}
	if err != nil {
		t.ops.Remove(name)
		return err
	}
	return nil
}

// abort closes and removes the temporary file. It does nothing once the file
// is committed or aborted.
func (t *tempFile) abort() error {
	if t.done {
		return nil
	}
	t.done = true
	t.f.Close()
	if err := t.ops.Remove(t.f.Name()); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	return nil
}

// rowTable names the table a row belongs to, or returns "" if row is not a
// table row.
func rowTable(row any) string {
	switch row.(type) {
	case Document:
		return "documents"
	case Event:
		return "events"
	case Mention:
		return "mentions"
	case Reject:
		return "rejects"
	case Text:
		return TextsTable
	}
	return ""
}

// validUTF8 returns s with every byte that is not part of valid UTF-8
// replaced by U+FFFD, as encoding/json does, so JSONL and Parquet carry the
// same string. It does not allocate when s is valid.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
