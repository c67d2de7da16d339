//go:build cgo

package docs

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"

	"communique/bench"
	"communique/pipeline"
)

// TestSchemaLoadsInDuckDB creates the tables in DuckDB from the schema
// `communique schema --format duckdb` prints, and inserts a run's Parquet
// files into them: every row goes in (so no column declared NOT NULL
// holds a null), each table's columns have the types DuckDB reads from the
// Parquet file, and the row counts are the JSONL's. A sharded run's parts
// go in the same way.
func TestSchemaLoadsInDuckDB(t *testing.T) {
	plain, sharded := t.TempDir(), t.TempDir()
	run := func(out string, shard, shards int) {
		if _, err := pipeline.Run(context.Background(), pipeline.Config{
			Input: os.DirFS("../testdata/corpus"), Out: out, Workers: 2, Processor: bench.Processor(),
			WithText: true, Shard: shard, Shards: shards,
			Parquet: pipeline.ParquetOptions{RowGroupRows: 100},
		}); err != nil {
			t.Fatal(err)
		}
	}
	run(plain, 0, 0)
	for i := range 2 {
		run(sharded, i, 2)
	}
	ddl, err := pipeline.DDL("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	tables, err := pipeline.Schema()
	if err != nil {
		t.Fatal(err)
	}
	for _, layout := range []struct{ name, out, file string }{
		{"plain", plain, "%s.parquet"},
		{"sharded", sharded, "%s/*.parquet"},
	} {
		t.Run(layout.name, func(t *testing.T) {
			db, err := sql.Open("duckdb", "")
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.Exec(ddl); err != nil {
				t.Fatalf("the DDL does not run in DuckDB: %v\n%s", err, ddl)
			}
			for _, ts := range tables {
				src := filepath.Join(layout.out, fmt.Sprintf(layout.file, ts.Name))
				read := fmt.Sprintf("read_parquet('%s')", src)
				if _, err := db.Exec(fmt.Sprintf(`INSERT INTO %q SELECT * FROM %s`, ts.Name, read)); err != nil {
					t.Errorf("%s: insert from %s: %v", ts.Name, src, err)
					continue
				}
				var n int64
				if err := db.QueryRow(fmt.Sprintf(`SELECT count(*) FROM %q`, ts.Name)).Scan(&n); err != nil {
					t.Fatal(err)
				}
				if want := jsonlRows(t, layout.out, ts.Name); n != want {
					t.Errorf("%s: %d rows in DuckDB, %d in the JSONL", ts.Name, n, want)
				}
				if n == 0 && ts.Name != "rejects" {
					t.Errorf("%s: no rows to load", ts.Name)
				}
				declared := describe(t, db, fmt.Sprintf(`DESCRIBE %q`, ts.Name))
				inFile := describe(t, db, "DESCRIBE SELECT * FROM "+read)
				if declared != inFile {
					t.Errorf("%s: the declared columns are not the Parquet file's:\ndeclared: %s\nin file:  %s", ts.Name, declared, inFile)
				}
			}
			// Dates are DATE and participants a list of structs, queryable.
			var visits, counterparts int64
			err = db.QueryRow(`SELECT count(*) FILTER (WHERE event_type = 'visit' AND start_date >= DATE '2000-01-01'),
				(SELECT count(*) FROM events e, UNNEST(e.participants) AS t(p) WHERE p.name IS NOT NULL) FROM events`).Scan(&visits, &counterparts)
			if err != nil {
				t.Fatal(err)
			}
			if visits == 0 || counterparts == 0 {
				t.Errorf("%d dated visits, %d named participants: the typed columns read nothing", visits, counterparts)
			}
		})
	}
}

// describe returns DuckDB's column names and types of a DESCRIBE query.
func describe(t *testing.T, db *sql.DB, query string) string {
	t.Helper()
	rows, err := db.Query(query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%v %v", vals[0], vals[1]))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(out, ", ")
}

// jsonlRows counts the JSONL rows of a table, plain or in parts.
func jsonlRows(t *testing.T, out, table string) int64 {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(out, table, "*.jsonl"))
	files = append(files, filepath.Join(out, table+".jsonl"))
	var n int64
	for _, p := range files {
		f, err := os.Open(p)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<26)
		for sc.Scan() {
			n++
		}
		f.Close()
	}
	return n
}
