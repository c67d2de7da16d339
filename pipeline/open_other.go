//go:build !unix

package pipeline

import "os"

// openReadFlags opens a document for reading.
const openReadFlags = os.O_RDONLY
