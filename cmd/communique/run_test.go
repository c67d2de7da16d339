package main

import (
	"bytes"
	"context"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestSetMemoryLimit(t *testing.T) {
	defer debug.SetMemoryLimit(math.MaxInt64)
	tests := []struct {
		flag, env string
		want      int64 // -1: error
	}{
		{"384MiB", "", 384 << 20},
		{"1GiB", "", 1 << 30},
		{"256", "", 256 << 20},
		{"0", "", math.MaxInt64},
		{"384MiB", "1GiB", math.MaxInt64}, // the environment's own limit wins
		{"lots", "", -1},
		{"-5MiB", "", -1},
	}
	for _, tt := range tests {
		debug.SetMemoryLimit(math.MaxInt64)
		err := setMemoryLimit(tt.flag, tt.env)
		if tt.want == -1 {
			if err == nil {
				t.Errorf("setMemoryLimit(%q): no error", tt.flag)
			}
			continue
		}
		if err != nil {
			t.Errorf("setMemoryLimit(%q): %v", tt.flag, err)
			continue
		}
		if got := debug.SetMemoryLimit(-1); got != tt.want {
			t.Errorf("setMemoryLimit(%q, env %q): limit %d, want %d", tt.flag, tt.env, got, tt.want)
		}
	}
}

// TestPreload runs the same documents with each --preload: when the
// model loads changes no row, and an unknown value is refused before
// anything is written.
func TestPreload(t *testing.T) {
	in := t.TempDir()
	for _, name := range []string{"000_04ee34f6f69b9616.txt", "dev_003_uk_fco_jordan_meeting.txt"} {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "corpus", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var want []byte
	for _, mode := range []string{"need", "start", "background"} {
		out := filepath.Join(t.TempDir(), "out")
		args := []string{"run", "--in", in, "--out", out, "--format", "jsonl", "--quiet", "--preload", mode}
		if err := dispatch(context.Background(), args, io.Discard, io.Discard); err != nil {
			t.Fatalf("--preload %s: %v", mode, err)
		}
		got, err := os.ReadFile(filepath.Join(out, "events.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 {
			t.Fatalf("--preload %s: no events", mode)
		}
		if want == nil {
			want = got
		} else if !bytes.Equal(got, want) {
			t.Errorf("--preload %s: events differ from --preload need's", mode)
		}
	}
	out := filepath.Join(t.TempDir(), "out")
	err := dispatch(context.Background(), []string{"run", "--in", in, "--out", out, "--preload", "eager"}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "want background, start or need") {
		t.Fatalf("--preload eager: %v, want an error naming the values", err)
	}
	if ents, _ := os.ReadDir(out); len(ents) > 0 {
		t.Errorf("--preload eager: OUT holds %d entries, want none", len(ents))
	}
}
