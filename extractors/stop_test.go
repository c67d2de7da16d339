package extractors

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sync/atomic"
	"testing"
)

// TestStoppedLoopsEnd: an extractor asked about a document it is to give
// up on (its Stop set while it runs; here set before it starts, so that
// Stack's checks between extractors are bypassed) leaves its loops at
// once: it finds less than it finds running to the end, and does not
// panic on what it left half done.
func TestStoppedLoopsEnd(t *testing.T) {
	paths, err := filepath.Glob("../testdata/corpus/00[0-4]_*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no seed releases: %v", err)
	}
	stopped := new(atomic.Bool)
	stopped.Store(true)
	fewer := map[string]bool{}
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d := &Doc{ID: filepath.Base(path), Text: string(raw)}
		Default().Mentions(d)
		for _, x := range []Extractor{OrgsAndPersons{}, ProseNames{}, GatheringNames{}} {
			full := x.Extract(d)
			s := clone(d)
			s.Stop = NewStop(stopped, nil)
			if got := x.Extract(&s); len(got) < len(full) {
				fewer[reflect.TypeOf(x).Name()] = true
			} else if len(got) > len(full) {
				t.Errorf("%s: %T stopped found %d mentions, %d running to the end", d.ID, x, len(got), len(full))
			}
		}
		for _, x := range Default().Events {
			dd := clone(d)
			full := x.Events(&dd, BuildFrame(&dd))
			s := clone(d)
			s.Stop = NewStop(stopped, nil)
			if got := x.Events(&s, BuildFrame(&s)); len(got) < len(full) {
				fewer[reflect.TypeOf(x).Name()] = true
			} else if len(got) > len(full) {
				t.Errorf("%s: %T stopped found %d events, %d running to the end", d.ID, x, len(got), len(full))
			}
		}
	}
	for _, name := range []string{"OrgsAndPersons", "GatheringNames", "Visits", "Meetings", "Agreements", "Gatherings", "Rankings"} {
		if !fewer[name] {
			t.Errorf("%s found as much stopped as running to the end on every seed: its loops do not check Stop", name)
		}
	}
}

// clone copies d with its own mentions: BuildFrame settles persons'
// countries in place.
func clone(d *Doc) Doc {
	c := *d
	c.Mentions = slices.Clone(d.Mentions)
	return c
}
