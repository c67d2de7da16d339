// Command naive is the baseline communique is measured against: the naive
// Go approach to the same job, prose's full NLP pipeline (sentence
// segmentation, part-of-speech tagging and named-entity recognition, the
// default options of prose.NewDocument) over every document.
//
// Each worker loads prose's model once, before the clock starts, and
// passes it to every later document with prose.UsingModel; without that,
// prose.NewDocument reloads the model on every call and is about five
// times slower still. The baseline only finds entities: it extracts no
// events and writes no tables, so the ratio it gives is a lower bound.
//
// Usage:
//
//	naive --in DIR [--docs N] [--workers N] [--json]
//
// It reads the first N documents of DIR in the order `communique run`
// reads them (a lexical walk, hidden files and folders skipped) and prints
// documents per second; with --json, one JSON object on stdout.
package main

import (
	"communique/bench"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"time"

	"github.com/jdkato/prose/v2"
)

// result is what one run found and how long it took.
type result struct {
	Docs      int     `json:"docs"`
	Workers   int     `json:"workers"`
	Bytes     int64   `json:"bytes"`
	Sentences int     `json:"sentences"`
	Tokens    int     `json:"tokens"`
	Entities  int     `json:"entities"`
	LoadS     float64 `json:"model_load_s"` // per worker, outside the clock
	ElapsedS  float64 `json:"elapsed_s"`
	DocsPerS  float64 `json:"docs_per_s"`
	MBPerS    float64 `json:"mb_per_s"`
}

func main() {
	in := flag.String("in", "", "corpus `DIR`")
	docs := flag.Int("docs", 500, "read the first `N` documents (0: all)")
	workers := flag.Int("workers", 1, "worker `N`, each with its own model")
	asJSON := flag.Bool("json", false, "print the result as JSON")
	flag.Parse()
	if *in == "" || *workers < 1 || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	r, err := run(os.DirFS(*in), *docs, *workers)
	if err != nil {
		fmt.Fprintln(os.Stderr, "naive:", err)
		os.Exit(1)
	}
	if *asJSON {
		b, _ := json.Marshal(r)
		fmt.Println(string(b))
		return
	}
	fmt.Printf("naive (prose segmentation+tagging+NER, model loaded once per worker): %d documents, %.1f MB in %.2fs with %d workers: %.1f docs/s, %.3f MB/s (%d sentences, %d tokens, %d entities; model load %.2fs)\n",
		r.Docs, float64(r.Bytes)/1e6, r.ElapsedS, r.Workers, r.DocsPerS, r.MBPerS, r.Sentences, r.Tokens, r.Entities, r.LoadS)
}

// list returns the first n document paths of fsys, as the harness lists
// them; an empty corpus is an error.
func list(fsys fs.FS, n int) ([]string, error) {
	paths, err := bench.ListDocs(fsys, n)
	if err == nil && len(paths) == 0 {
		err = errors.New("no documents")
	}
	return paths, err
}

func run(fsys fs.FS, n, workers int) (result, error) {
	paths, err := list(fsys, n)
	if err != nil {
		return result{}, err
	}
	// Read everything first: the baseline is timed on NLP, not on I/O.
	texts := make([]string, len(paths))
	r := result{Docs: len(paths), Workers: workers}
	for i, p := range paths {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return result{}, err
		}
		texts[i] = string(b)
		r.Bytes += int64(len(b))
	}

	// Load one model per worker, outside the clock.
	models := make([]*prose.Model, workers)
	t := time.Now()
	for w := range models {
		d, err := prose.NewDocument("Warm up.")
		if err != nil {
			return result{}, fmt.Errorf("load model: %w", err)
		}
		models[w] = d.Model
	}
	r.LoadS = time.Since(t).Seconds() / float64(workers)

	type counts struct{ sentences, tokens, entities int }
	per := make([]counts, workers)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	start := time.Now()
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(texts); i += workers {
				d, err := prose.NewDocument(texts[i], prose.UsingModel(models[w]))
				if err != nil {
					errs[w] = fmt.Errorf("%s: %w", paths[i], err)
					return
				}
				per[w].sentences += len(d.Sentences())
				per[w].tokens += len(d.Tokens())
				per[w].entities += len(d.Entities())
			}
		}()
	}
	wg.Wait()
	r.ElapsedS = time.Since(start).Seconds()
	if err := errors.Join(errs...); err != nil {
		return result{}, err
	}
	for _, c := range per {
		r.Sentences += c.sentences
		r.Tokens += c.tokens
		r.Entities += c.entities
	}
	r.DocsPerS = float64(r.Docs) / r.ElapsedS
	r.MBPerS = float64(r.Bytes) / 1e6 / r.ElapsedS
	return r, nil
}
