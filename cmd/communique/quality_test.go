package main

import (
	"bufio"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"communique/eval"
)

var updateFloors = flag.Bool("update-floors", false,
	"rewrite testdata/gold/floors.tsv a little under the measured figures")

const floorsFile = "../../testdata/gold/floors.tsv"

// floorKinds are the figures each gold set keeps a floor for: the quality,
// the F1 of each record kind, and the attribute accuracies.
var floorKinds = []string{"quality", "countries", "persons", "visits", "meetings", "agreements",
	"gatherings", "rankings", "person_rank", "person_country", "title", "published"}

// figure returns one figure of a report by floor kind.
func figure(rep *eval.Report, kind string) float64 {
	if kind == "quality" {
		return rep.Quality
	}
	if p, ok := rep.PRF[kind]; ok {
		return p.F1()
	}
	return rep.Acc[kind].V()
}

// TestQualityFloors scores the regression corpus against every gold set
// under testdata/gold and fails when a figure falls under its floor in
// testdata/gold/floors.tsv, so that what a change gained is kept. After an
// improvement, -update-floors sets each floor 0.01 under the figure (a
// floor only rises: it is never lowered by the flag).
func TestQualityFloors(t *testing.T) {
	out := runCorpus(t, corpusDir, 2)
	floors, err := readFloors(floorsFile)
	if err != nil {
		t.Fatal(err)
	}
	sets, err := filepath.Glob("../../testdata/gold/*")
	if err != nil {
		t.Fatal(err)
	}
	measured := map[string]float64{}
	for _, dir := range sets {
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		set := filepath.Base(dir)
		rep, err := eval.Score(dir, out)
		if err != nil {
			t.Fatalf("score %s: %v", set, err)
		}
		var line []string
		for _, k := range floorKinds {
			v := figure(rep, k)
			measured[set+"\t"+k] = v
			line = append(line, fmt.Sprintf("%s %.3f", k, v))
			floor, ok := floors[set+"\t"+k]
			if !ok {
				t.Errorf("%s %s: no floor in %s", set, k, floorsFile)
				continue
			}
			if v < floor {
				t.Errorf("%s %s: %.3f is under its floor %.3f", set, k, v, floor)
			}
		}
		t.Logf("%-8s %s", set, strings.Join(line, ", "))
	}
	if *updateFloors {
		for k, v := range measured {
			f := math.Floor((v-0.01)*100) / 100
			if f > floors[k] {
				floors[k] = f
			}
		}
		if err := writeFloors(floorsFile, floors); err != nil {
			t.Fatal(err)
		}
	}
}

// readFloors reads "set<TAB>kind<TAB>floor" lines; # starts a comment.
func readFloors(path string) (map[string]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	floors := map[string]float64{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) != 3 {
			return nil, fmt.Errorf("%s:%d: want set, kind and floor separated by tabs", path, n)
		}
		v, err := strconv.ParseFloat(fs[2], 64)
		if err != nil || v < 0 || v > 1 {
			return nil, fmt.Errorf("%s:%d: floor %q is not a number in 0..1", path, n, fs[2])
		}
		floors[fs[0]+"\t"+fs[1]] = v
	}
	return floors, sc.Err()
}

func writeFloors(path string, floors map[string]float64) error {
	keys := make([]string, 0, len(floors))
	for k := range floors {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(`# floors.tsv: the lowest figure TestQualityFloors accepts, per gold set
# (testdata/gold/SET) and figure (quality, the F1 of each record kind, the
# attribute accuracies), scored over the regression corpus. Set a little
# under what was measured, so that a regression fails the tests; after an
# improvement, go test ./cmd/communique -run TestQualityFloors -update-floors
# raises them.
`)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\t%.2f\n", k, floors[k])
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
