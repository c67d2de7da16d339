//go:build unix

package pipeline

import (
	"os"
	"syscall"
)

// openReadFlags opens a document for reading without blocking: opening a
// named pipe that slipped past the check before the open returns at once
// instead of waiting for a writer. Reads of a regular file are the same.
const openReadFlags = os.O_RDONLY | syscall.O_NONBLOCK | syscall.O_NOCTTY
