//go:build !unix

package pipeline

import "errors"

func mkfifo(string) error { return errors.New("no named pipes on this platform") }
