package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIntList(t *testing.T) {
	tests := []struct {
		in      string
		want    []int
		wantErr bool
	}{
		{"1,2", []int{1, 2}, false},
		{" 4 ", []int{4}, false},
		{"1,,2,", []int{1, 2}, false},
		{"", nil, true},
		{"0", nil, true},
		{"1,x", nil, true},
	}
	for _, tt := range tests {
		got, err := intList(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("intList(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("intList(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestScanJSONL(t *testing.T) {
	tests := []struct {
		name, body string
		rows, ok   int64
		wantErr    string
	}{
		{"empty", "", 0, 0, ""},
		{"rows", `{"doc_id":"a","status":"ok"}` + "\n" + `{"doc_id":"b","status":"rejected"}` + "\n", 2, 1, ""},
		{"no final newline", `{"status":"ok"}`, 1, 1, ""},
		{"not an object", `{"status":"ok"}` + "\n[1]\n", 0, 0, ":2: not a JSON object"},
		{"broken", `{"status":` + "\n", 0, 0, ":1: not a JSON object"},
		{"blank line", "\n", 0, 0, ":1: not a JSON object"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		name := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".jsonl")
		if err := os.WriteFile(name, []byte(tt.body), 0o644); err != nil {
			t.Fatal(err)
		}
		rows, ok, sum, err := scanJSONL(name, true)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error = %v, want %q", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if rows != tt.rows || ok != tt.ok || len(sum) != 64 {
			t.Errorf("%s: rows %d, ok %d, sum %q; want %d, %d and a SHA-256", tt.name, rows, ok, sum, tt.rows, tt.ok)
		}
	}
}

func TestListDocs(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"0001/b.txt", "0000/a.txt", "0000/c.txt", ".hidden/x.txt", "0000/.first-2.txt"} {
		name := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		n    int
		want []string
	}{
		{0, []string{"0000/a.txt", "0000/c.txt", "0001/b.txt"}},
		{2, []string{"0000/a.txt", "0000/c.txt"}},
	} {
		got, err := listDocs(dir, tt.n)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("listDocs(%d) (-want +got):\n%s", tt.n, diff)
		}
	}
}

func TestNextMonth(t *testing.T) {
	tests := []struct{ in, want string }{
		{"from 3 to 5 March and 2 April", "from 3 to 5 April and 2 April"},
		{"December 31 and then May", "January 31 and then May"},
		{"on Mayday, 4 June", "on Juneday, 4 June"},
		{"no month here", "no month here"},
	}
	for _, tt := range tests {
		if got := nextMonth(tt.in); got != tt.want {
			t.Errorf("nextMonth(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
