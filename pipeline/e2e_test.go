package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"communique/extractors"
)

// TestEndToEndParquet runs the regression corpus through the whole
// pipeline and reads every table's Parquet file back with Arrow: the same
// rows and values as the JSONL, dates as DATE, participants as a list of
// structs.
func TestEndToEndParquet(t *testing.T) {
	proc := &Processor{Stack: extractors.Default()}
	out := t.TempDir()
	if _, err := Run(context.Background(), Config{
		Input: os.DirFS("../testdata/corpus"), Out: out, Workers: 2, Processor: proc,
		Parquet: ParquetOptions{RowGroupRows: 100},
	}); err != nil {
		t.Fatal(err)
	}
	for _, table := range Tables {
		pq := readParquet(t, filepath.Join(out, table+".parquet"), table)
		checkSchema(t, table, pq.schema)
		f, err := os.Open(filepath.Join(out, table+".jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		var rows []any
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			v := reflect.New(rowType[table])
			if err := json.Unmarshal(sc.Bytes(), v.Interface()); err != nil {
				t.Fatal(err)
			}
			rows = append(rows, v.Elem().Interface())
		}
		f.Close()
		if len(rows) != len(pq.rows) {
			t.Errorf("%s: %d JSONL rows, %d Parquet rows", table, len(rows), len(pq.rows))
		}
		if diff := cmp.Diff(rows, pq.rows, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: Parquet rows differ from JSONL (-jsonl +parquet):\n%s", table, diff)
		}
		if table == "events" {
			withParticipants := 0
			for _, r := range pq.rows {
				if len(r.(Event).Participants) > 0 {
					withParticipants++
				}
			}
			if withParticipants == 0 {
				t.Errorf("no event read back with participants")
			}
		}
		if table != "rejects" && len(rows) == 0 {
			t.Errorf("%s: no rows over the regression corpus", table)
		}
	}
}
