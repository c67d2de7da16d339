package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"communique/extractors"
	"communique/pipeline"
)

// stall is an extractor that never returns on one document and ignores
// Doc.Stop: the slowest document there can be.
type stall struct{ on string }

func (s stall) Extract(d *extractors.Doc) []extractors.Mention {
	if d.ID == s.on {
		fmt.Fprintf(os.Stderr, "test: stalled on %s\n", s.on)
		select {}
	}
	return nil
}

// runAsCommand runs this test binary as the command, for tests of the
// process as a whole: with $COMMUNIQUE_TEST_STALL set, the extractors
// stall on the document of that id.
func runAsCommand() {
	if id := os.Getenv("COMMUNIQUE_TEST_STALL"); id != "" {
		processor = func() *pipeline.Processor {
			p := newProcessor()
			p.Entities = append([]extractors.Extractor{stall{on: id}}, p.Entities...)
			return p
		}
	}
	main()
	os.Exit(0)
}

// startCommand starts this test binary as the command with args, the
// extractors stalling on document stallOn, and returns it with its
// standard error.
func startCommand(t *testing.T, stallOn string, args ...string) (*exec.Cmd, *bufio.Reader) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "COMMUNIQUE_TEST_MAIN=1", "COMMUNIQUE_TEST_STALL="+stallOn)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd, bufio.NewReader(stderr)
}

// waitLine reads r until a line containing want, failing the test after
// a minute.
func waitLine(t *testing.T, r *bufio.Reader, want string) {
	t.Helper()
	found := make(chan error, 1)
	go func() {
		for {
			line, err := r.ReadString('\n')
			if strings.Contains(line, want) {
				found <- nil
				io.Copy(io.Discard, r)
				return
			}
			if err != nil {
				found <- fmt.Errorf("no line %q before %v", want, err)
				return
			}
		}
	}()
	select {
	case err := <-found:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatalf("no line %q within a minute", want)
	}
}

// TestSIGTERMDuringSlowDocument sends SIGTERM to a run while one of its
// documents is stuck in an extractor that never returns: the process
// exits within three seconds, with the status of SIGTERM, and leaves
// nothing in OUT.
func TestSIGTERMDuringSlowDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the command")
	}
	in := t.TempDir()
	for _, name := range []string{"000_04ee34f6f69b9616.txt", "001_e93f635198d8ac1a.txt", "002_1f7498822c93944a.txt", "003_706e5976577bdfeb.txt", "004_788e7e7c4202af77.txt"} {
		b, err := os.ReadFile(filepath.Join(corpusDir, name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(in, name), b, 0o644)
		if name == "002_1f7498822c93944a.txt" {
			os.WriteFile(filepath.Join(in, "slow.txt"), b, 0o644)
		}
	}
	out := filepath.Join(t.TempDir(), "out")
	cmd, stderr := startCommand(t, "slow", "run", "--in", in, "--out", out, "--workers", "2")
	waitLine(t, stderr, "stalled on slow")
	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	select {
	case err = <-done:
	case <-time.After(3 * time.Second):
		t.Fatal("the run did not exit within 3 s of SIGTERM")
	}
	t.Logf("exited %v after SIGTERM", time.Since(start).Round(time.Millisecond))
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 128+int(syscall.SIGTERM) {
		t.Errorf("exit: %v, want status %d", err, 128+int(syscall.SIGTERM))
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		t.Errorf("OUT holds %s after SIGTERM", e.Name())
	}
}

// TestStopOnSignal checks the second signal and the grace period: either
// exits at once, with the status of the signal, after cancelling the run
// on the first.
func TestStopOnSignal(t *testing.T) {
	for _, tt := range []struct {
		name    string
		signals []os.Signal
		code    int
	}{
		{"second signal", []os.Signal{syscall.SIGTERM, syscall.SIGINT}, 130},
		{"grace period over", []os.Signal{syscall.SIGTERM}, 143},
	} {
		sigs := make(chan os.Signal, 2)
		for _, s := range tt.signals {
			sigs <- s
		}
		ctx, cancel := context.WithCancelCause(context.Background())
		exited := make(chan int, 1)
		go stopOnSignal(sigs, cancel, 50*time.Millisecond, io.Discard, func(code int) { exited <- code })
		select {
		case code := <-exited:
			if code != tt.code {
				t.Errorf("%s: exit %d, want %d", tt.name, code, tt.code)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: no exit", tt.name)
		}
		var sig interrupted
		if !errors.As(context.Cause(ctx), &sig) || sig.sig != tt.signals[0] {
			t.Errorf("%s: the run was cancelled with %v, want the first signal", tt.name, context.Cause(ctx))
		}
	}
}
