//go:build unix

package pipeline

import (
	"errors"
	"os"
	"syscall"
)

// errLocked reports a lock another process holds.
var errLocked = errors.New("locked")

// tryLock takes an exclusive lock on f without waiting.
func tryLock(f *os.File) error {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return nil
		case errors.Is(err, syscall.EINTR):
			continue
		case errors.Is(err, syscall.EWOULDBLOCK):
			return errLocked
		}
		return err
	}
}
