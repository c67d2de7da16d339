package main

import (
	"math"
	"runtime/debug"
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
