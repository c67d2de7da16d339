package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
)

// cpuSeconds returns the CPU time (user + system) a running process has
// used so far, from /proc/PID/stat, in seconds.
func cpuSeconds(pid int) (float64, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, false
	}
	// The command name, field 2, is in parentheses and may hold spaces:
	// count the fields after the last ')'. utime and stime are fields 14
	// and 15, in clock ticks of 1/100 s (USER_HZ on every Linux port Go
	// supports).
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, false
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return 0, false
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return float64(ut+st) / 100, true
}
