// Package communique holds what the command embeds: the default corpus
// that `communique run` reads when no --in is given (the five seed
// releases and the development set under testdata/corpus).
package communique

import (
	"embed"
	"io/fs"
)

//go:embed testdata/corpus
var corpus embed.FS

// DefaultCorpus returns the embedded default corpus, rooted so that
// document ids match the gold files under testdata/gold.
func DefaultCorpus() fs.FS {
	sub, err := fs.Sub(corpus, "testdata/corpus")
	if err != nil {
		panic(err) // the embedded path is fixed at build time
	}
	return sub
}
