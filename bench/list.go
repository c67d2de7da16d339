package bench

import (
	"errors"
	"io/fs"
	"strings"
)

// ListDocs returns the first n (0: all) document paths of fsys in the
// order communique reads a generated corpus: a lexical walk, hidden files
// and folders skipped, regular files only. The harness and the naive
// baseline both use it, so they time the same documents.
func ListDocs(fsys fs.FS, n int) ([]string, error) {
	var paths []string
	errEnough := errors.New("enough")
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		paths = append(paths, p)
		if n > 0 && len(paths) == n {
			return errEnough
		}
		return nil
	})
	if err != nil && err != errEnough {
		return nil, err
	}
	return paths, nil
}
