package pipeline

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// fileOps are the file system calls that writing output makes: the
// operating system's (osOps), or in tests calls that fail on purpose, one
// after another, to show that no failure leaves a mix of two runs'
// tables behind.
type fileOps interface {
	// CreateTemp creates a new file in dir, as os.CreateTemp, readable by
	// all (0644).
	CreateTemp(dir, pattern string) (outFile, error)
	Rename(oldpath, newpath string) error
	Remove(name string) error
	Link(oldname, newname string) error
	MkdirAll(path string, perm fs.FileMode) error
	// SyncDir makes the entries of a folder durable. Best effort where a
	// file system cannot sync a folder.
	SyncDir(dir string) error
}

// outFile is a file being written.
type outFile interface {
	io.Writer
	Sync() error
	Close() error
	Name() string
}

// osOps are the operating system's calls.
var osOps fileOps = osFileOps{}

type osFileOps struct{}

func (osFileOps) CreateTemp(dir, pattern string) (outFile, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	// CreateTemp makes the file 0600; tables are read by other users and tools.
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return f, nil
}

func (osFileOps) Rename(oldpath, newpath string) error         { return os.Rename(oldpath, newpath) }
func (osFileOps) Remove(name string) error                     { return os.Remove(name) }
func (osFileOps) Link(oldname, newname string) error           { return os.Link(oldname, newname) }
func (osFileOps) MkdirAll(path string, perm fs.FileMode) error { return os.MkdirAll(path, perm) }

func (osFileOps) SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !isUnsupported(err) {
		return err
	}
	return nil
}

// opsOr returns ops, or osOps when it is nil.
func opsOr(ops fileOps) fileOps {
	if ops == nil {
		return osOps
	}
	return ops
}

// isUnsupported reports an error of a file system that cannot sync a
// folder.
func isUnsupported(err error) bool {
	return errors.Is(err, errors.ErrUnsupported) || errors.Is(err, syscall.EINVAL)
}
