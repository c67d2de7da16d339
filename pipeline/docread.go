package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// docSource is where documents are read from: an fs.FS, and, when the
// documents are files of the operating system, the folder or os.Root
// they are opened through. Through the operating system a document is
// checked before it is opened and opened without blocking, so that a
// named pipe, socket or device is never opened for reading (an open of a
// named pipe would wait for a writer, and ignore signals meanwhile).
type docSource struct {
	fsys fs.FS
	dir  string   // the folder of fsys, when it is one; "" otherwise
	root *os.Root // when set, paths resolve inside it, links included
}

// errTooLarge marks a document over the size limit.
var errTooLarge = errors.New("document too large")

// errNotRegular marks a path that is not a regular file.
var errNotRegular = errors.New("not a regular file")

// tooLarge is the error of a document over the limit, which was not
// read: size is its size from the file system.
type tooLarge struct {
	size, max int64
}

func (e *tooLarge) Error() string {
	return fmt.Sprintf("%v: %d bytes, limit %d (see --max-bytes); not read, so no sha256 was taken", errTooLarge, e.size, e.max)
}

func (e *tooLarge) Unwrap() error { return errTooLarge }

// stat describes name, following links.
func (s docSource) stat(name string) (fs.FileInfo, error) {
	switch {
	case s.root != nil:
		return s.root.Stat(name)
	case s.dir != "":
		return os.Stat(filepath.Join(s.dir, filepath.FromSlash(name)))
	}
	return fs.Stat(s.fsys, name)
}

// open opens name for reading, without blocking where the operating
// system opens it.
func (s docSource) open(name string) (fs.File, error) {
	switch {
	case s.root != nil:
		return s.root.OpenFile(name, openReadFlags, 0)
	case s.dir != "":
		return os.OpenFile(filepath.Join(s.dir, filepath.FromSlash(name)), openReadFlags, 0)
	}
	return s.fsys.Open(name)
}

// checkFile returns why fi cannot be a document, or nil.
func checkFile(fi fs.FileInfo, max int64) error {
	switch m := fi.Mode(); {
	case m.IsDir():
		return errors.New("is a directory (a link to a directory is not followed)")
	case !m.IsRegular():
		return fmt.Errorf("%w (%s); not opened", errNotRegular, fileKind(m))
	case fi.Size() > max:
		return &tooLarge{size: fi.Size(), max: max}
	}
	return nil
}

// fileKind names the type of a file that is not a regular file.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m&fs.ModeIrregular != 0:
		return "irregular file"
	}
	return m.Type().String()
}

// readDoc reads one document of at most max bytes. It looks at the file
// before opening it: a directory, a file that is not a regular file, and
// a file over the limit (a *tooLarge error) are never opened. The file is
// looked at again once open, in case it was replaced in between.
func readDoc(src docSource, name string, max int64) ([]byte, error) {
	fi, err := src.stat(name)
	if err != nil {
		return nil, err
	}
	if err := checkFile(fi, max); err != nil {
		return nil, err
	}
	f, err := src.open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := checkFile(fi, max); err != nil {
		return nil, err
	}
	// Room for the whole file and a read that sees its end: a file read
	// in two calls, not in doubling chunks.
	var buf bytes.Buffer
	buf.Grow(int(min(fi.Size(), max)) + bytes.MinRead)
	_, err = buf.ReadFrom(io.LimitReader(f, max+1))
	b := buf.Bytes()
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		// It grew since it was looked at: still not read whole.
		return nil, &tooLarge{size: int64(len(b)), max: max}
	}
	return b, nil
}

// readFailure is the row of a document that could not be read. A
// document over the limit is rejected, from its size alone: its row has
// no sha256, and its bytes are the size the file system gave.
func readFailure(j job, err error) Output {
	d := newDocument(j.docID, j.source, nil, j.given)
	var tl *tooLarge
	if errors.As(err, &tl) {
		d.SHA256, d.Bytes = "", tl.size
		return failed(d, StatusRejected, err.Error())
	}
	return failed(d, StatusError, fmt.Sprintf("read %s: %v", j.source, unwrapPath(err)))
}

// unwrapPath drops the *PathError wrapper, whose path the message repeats.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		// os.Root names its operations after the system calls.
		op := pe.Op
		if op == "statat" || op == "openat" {
			op = strings.TrimSuffix(op, "at")
		}
		return fmt.Errorf("%s: %w", op, pe.Err)
	}
	return err
}
