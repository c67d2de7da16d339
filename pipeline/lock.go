package pipeline

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// LockedError reports that another process holds the lock on an output
// folder: a run or merge is writing there.
type LockedError struct {
	Path   string // the lock file
	Holder string // who holds it, as it wrote: pid, host, start time, command
}

func (e *LockedError) Error() string {
	holder := e.Holder
	if holder == "" {
		holder = "another process (it has not said which yet)"
	}
	return fmt.Sprintf("output folder in use: %s holds %s; wait for it to end, or write elsewhere", holder, e.Path)
}

// outLock is a held lock on an output folder: a lock file that the
// operating system locks (flock) for as long as the process holds it open,
// so that a killed holder never leaves a stale lock. The file says who
// holds it, and is removed on release.
type outLock struct {
	f    *os.File
	path string
}

// lockFile takes the lock at path, or fails at once with a *LockedError
// naming the holder. what describes the holder ("communique run").
func lockFile(path, what string) (*outLock, error) {
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		if err := tryLock(f); err != nil {
			holder := readHolder(f)
			f.Close()
			if errors.Is(err, errLocked) {
				return nil, &LockedError{Path: path, Holder: holder}
			}
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		// The holder before us removes the file as it releases the lock:
		// if it did so between our open and our lock, we hold a lock on a
		// file nobody else will open. Then start again.
		fi, err1 := f.Stat()
		cur, err2 := os.Stat(path)
		if err1 != nil || err2 != nil || !os.SameFile(fi, cur) {
			f.Close()
			continue
		}
		host, _ := os.Hostname()
		info := fmt.Sprintf("pid %d on host %s since %s (%s)\n", os.Getpid(), host, time.Now().UTC().Format(time.RFC3339), what)
		if err := f.Truncate(0); err == nil {
			f.WriteAt([]byte(info), 0)
		}
		return &outLock{f: f, path: path}, nil
	}
}

// readHolder returns what the holder of a lock file wrote in it.
func readHolder(f *os.File) string {
	b, _ := io.ReadAll(io.NewSectionReader(f, 0, 4096))
	return strings.TrimSpace(string(b))
}

// release removes the lock file and releases the lock. It is safe to call
// more than once.
func (l *outLock) release() {
	if l == nil || l.f == nil {
		return
	}
	os.Remove(l.path)
	l.f.Close()
	l.f = nil
}
