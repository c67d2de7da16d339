package main

import (
	"context"
	"io"
)

func cmdReport(ctx context.Context, args []string, stdout, stderr io.Writer) error { return nil }
