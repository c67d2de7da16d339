package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// commands are the commands of the usage, each with a --help.
var commands = []string{"run", "pipe", "merge", "eval", "diff", "report", "schema", "gen"}

// docRef is a page of docs/ that a help text names.
var docRef = regexp.MustCompile(`docs/[\w./-]+\.md`)

// TestHelpStaysInside checks every help text: it points to no path
// outside the repository (a user has no ../shared), and the pages of docs/
// it names exist.
func TestHelpStaysInside(t *testing.T) {
	var texts []string
	var stdout, stderr bytes.Buffer
	if err := dispatch(context.Background(), []string{"help"}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	texts = append(texts, stdout.String())
	for _, c := range commands {
		if !strings.Contains(texts[0], "communique "+c) {
			t.Errorf("the usage does not list %s", c)
		}
		stdout.Reset()
		stderr.Reset()
		if err := dispatch(context.Background(), []string{c, "--help"}, &stdout, &stderr); err != nil {
			t.Errorf("%s --help: %v", c, err)
		}
		if !strings.Contains(stderr.String(), "Usage: communique "+c) {
			t.Errorf("%s --help printed no usage:\n%s", c, stderr.String())
		}
		texts = append(texts, stderr.String())
	}
	named := 0
	for _, text := range texts {
		if strings.Contains(text, "../") || strings.Contains(text, "shared/") {
			t.Errorf("a help text points outside the repository:\n%s", text)
		}
		for _, ref := range docRef.FindAllString(text, -1) {
			named++
			if _, err := os.Stat(filepath.Join("..", "..", ref)); err != nil {
				t.Errorf("a help text names %s, which does not exist", ref)
			}
		}
	}
	if named == 0 {
		t.Error("no help text names a page of docs/")
	}
}
