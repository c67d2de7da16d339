//go:build !unix

package normalize

import "time"

// processCPU is not known here.
func processCPU() time.Duration { return 0 }
