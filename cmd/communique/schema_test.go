package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"communique/pipeline"
)

func TestSchemaCommand(t *testing.T) {
	ddl, err := pipeline.DDL("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args    []string
		check   func(out string) bool
		wantErr string
	}{
		{[]string{"schema"}, func(out string) bool { return out == ddl }, ""},
		{[]string{"schema", "--format", "duckdb"}, func(out string) bool { return out == ddl }, ""},
		{[]string{"schema", "--format", "trino", "--location", "s3://b/out"}, func(out string) bool {
			return strings.Contains(out, "external_location = 's3://b/out/events/'") && strings.Contains(out, "array(row(")
		}, ""},
		{[]string{"schema", "--format", "json"}, func(out string) bool {
			var v struct {
				Tables []pipeline.TableSchema `json:"tables"`
			}
			if json.Unmarshal([]byte(out), &v) != nil || len(v.Tables) != len(pipeline.Tables)+1 {
				return false
			}
			for _, c := range v.Tables[1].Columns {
				if c.Name == "participants" {
					return c.Type == "list" && len(c.Fields) == 5 && !c.Nullable
				}
			}
			return false
		}, ""},
		{[]string{"schema", "--format", "yaml"}, nil, `--format "yaml"`},
		{[]string{"schema", "extra"}, nil, "usage"},
	}
	for _, tt := range tests {
		var stdout, stderr bytes.Buffer
		err := dispatch(context.Background(), tt.args, &stdout, &stderr)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%v: error %v, want %q", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%v: %v", tt.args, err)
			continue
		}
		if !tt.check(stdout.String()) {
			t.Errorf("%v: unexpected output:\n%s", tt.args, stdout.String())
		}
	}
}
