package gen

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
)

// Options configures a corpus.
type Options struct {
	Docs int    // number of documents
	Seed uint64 // same seed, same corpus, byte for byte, on every machine
}

// PerDir is the number of documents in each subfolder Write creates.
const PerDir = 1000

// Name returns the relative path of document i of the corpus for seed:
// "0012/0012345_8f1c0d2a9b7e6f45.txt", the folder being i/PerDir. The hex
// part is a hash of (seed, i), so names differ between corpora but not
// between runs.
func Name(seed uint64, i int) string {
	b := make([]byte, 0, 32)
	b = appendPadded(b, i/PerDir, 4)
	b = append(b, '/')
	b = appendPadded(b, i, 7)
	b = append(b, '_')
	h := strconv.FormatUint(docKey(seed, i), 16)
	for k := len(h); k < 16; k++ {
		b = append(b, '0')
	}
	b = append(b, h...)
	b = append(b, ".txt"...)
	return string(b)
}

func appendPadded(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for k := len(s); k < width; k++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// Document returns document i (0 <= i) of the corpus for seed: its relative
// path (see Name) and its bytes. It is pure: the result depends on seed and
// i only, not on other documents, the machine or the Go release. It is safe
// for concurrent use. The body is valid UTF-8; its line ends are LF or, in
// a few documents, CRLF.
func Document(seed uint64, i int) (name string, body []byte) {
	d := doc{t: mustTables()}
	d.r.seed(seed, i)
	d.compose()
	return Name(seed, i), d.b
}

// Write writes opt.Docs documents under dir, creating dir and its
// subfolders, and returns the number of bytes written. Document i goes to
// filepath.Join(dir, Name(opt.Seed, i)) with the bytes Document returns;
// existing files of the same name are replaced, other files are left
// alone. It writes with a fixed pool of workers (one per CPU, at most 8);
// the output does not depend on their number or scheduling. On the first
// error it stops and returns the bytes written so far with that error.
func Write(dir string, opt Options) (int64, error) {
	if opt.Docs < 0 {
		return 0, fmt.Errorf("gen: write %s: negative document count %d", dir, opt.Docs)
	}
	if _, err := loadTables(); err != nil {
		return 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, fmt.Errorf("gen: write: %w", err)
	}
	for k := 0; k*PerDir < opt.Docs; k++ {
		sub := filepath.Join(dir, string(appendPadded(nil, k, 4)))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return 0, fmt.Errorf("gen: write: %w", err)
		}
	}

	var (
		next    atomic.Int64
		total   atomic.Int64
		failed  atomic.Bool
		errOnce sync.Once
		first   error
		wg      sync.WaitGroup
	)
	workers := min(runtime.GOMAXPROCS(0), 8, max(opt.Docs, 1))
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() {
				i := int(next.Add(1) - 1)
				if i >= opt.Docs {
					return
				}
				name, body := Document(opt.Seed, i)
				if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), body, 0o644); err != nil {
					errOnce.Do(func() { first = fmt.Errorf("gen: write document %d: %w", i, err) })
					failed.Store(true)
					return
				}
				total.Add(int64(len(body)))
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return total.Load(), first
	}
	return total.Load(), nil
}
