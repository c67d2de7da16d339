package pipeline

import (
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// jsonNames lists the JSON field names of a row type, embedded structs
// flattened, as encoding/json writes them.
func jsonNames(t reflect.Type) []string {
	var names []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			names = append(names, jsonNames(f.Type)...)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		names = append(names, name)
	}
	return names
}

// TestSchemaMatchesJSONL checks that the Parquet columns Schema reports are
// the JSONL fields of the row types, in the same order, so the two formats
// and the schema agree.
func TestSchemaMatchesJSONL(t *testing.T) {
	rows := map[string]reflect.Type{
		"documents": reflect.TypeOf(Document{}),
		"events":    reflect.TypeOf(Event{}),
		"mentions":  reflect.TypeOf(Mention{}),
		"rejects":   reflect.TypeOf(Reject{}),
		TextsTable:  reflect.TypeOf(Text{}),
	}
	tables, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, ts := range tables {
		names = append(names, ts.Name)
		var cols []string
		for _, c := range ts.Columns {
			cols = append(cols, c.Name)
			if c.Name == "participants" {
				var fields []string
				for _, f := range c.Fields {
					fields = append(fields, f.Name)
				}
				if diff := cmp.Diff(jsonNames(reflect.TypeOf(Participant{})), fields); diff != "" {
					t.Errorf("%s.participants fields differ from Participant's JSON (-json +schema):\n%s", ts.Name, diff)
				}
			}
		}
		if diff := cmp.Diff(jsonNames(rows[ts.Name]), cols); diff != "" {
			t.Errorf("%s: Parquet columns differ from the JSONL fields (-json +schema):\n%s", ts.Name, diff)
		}
	}
	if diff := cmp.Diff(append(Tables[:len(Tables):len(Tables)], TextsTable), names); diff != "" {
		t.Errorf("tables (-want +got):\n%s", diff)
	}
}

func TestDDL(t *testing.T) {
	tests := []struct {
		dialect, location string
		want              []string // substrings
		wantErr           string
	}{
		{dialect: "duckdb", want: []string{
			`CREATE TABLE "events" (`,
			`"participants" STRUCT("name" VARCHAR, "title" VARCHAR, "rank" VARCHAR, "org" VARCHAR, "country" VARCHAR)[] NOT NULL,`,
			`"start_date" DATE,`, `"confidence" DOUBLE NOT NULL,`, `"doc_id" VARCHAR NOT NULL,`,
			`"rank_position" BIGINT,`, `"reason" VARCHAR NOT NULL`,
			"-- optional: written by communique run --with-text\nCREATE TABLE \"texts\" (",
		}},
		{dialect: "trino", location: "s3://bucket/out/", want: []string{
			`"participants" array(row("name" varchar, "title" varchar, "rank" varchar, "org" varchar, "country" varchar)),`,
			`"confidence" double,`,
			")\nWITH (format = 'PARQUET', external_location = 's3://bucket/out/events/');",
		}},
		{dialect: "trino", want: []string{")\nWITH (format = 'PARQUET');"}},
		{dialect: "postgres", wantErr: `unknown SQL dialect "postgres"`},
	}
	for _, tt := range tests {
		got, err := DDL(tt.dialect, tt.location)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("DDL(%q): error %v, want %q", tt.dialect, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("DDL(%q): %v", tt.dialect, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("DDL(%q, %q) lacks %q; got:\n%s", tt.dialect, tt.location, w, got)
			}
		}
		if tt.dialect == "trino" && strings.Contains(got, "NOT NULL") {
			t.Errorf("DDL(trino) has NOT NULL, which the Hive connector refuses")
		}
	}
}
