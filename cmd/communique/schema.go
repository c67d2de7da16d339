package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"communique/pipeline"
)

const schemaUsage = `Usage: communique schema [--format duckdb|trino|json] [--location DIR]

Prints the schema of the output tables (documents, events, mentions,
rejects, and the optional texts), read from the code that writes the
Parquet files:
  duckdb  CREATE TABLE statements for DuckDB, NOT NULL where a column is
          never null; load a run with
          INSERT INTO events SELECT * FROM 'out/events.parquet';
  trino   CREATE TABLE statements for Trino's Hive connector, external
          tables over Parquet (--location: the folder holding T/ for each
          table T, whose files must all be that table's Parquet parts, as
          a sharded run with --format parquet writes them)
  json    {"tables": [{"name", "columns": [{"name", "type", "nullable",
          "fields"}]}]}, types string, int64, double, date, list (of
          structs, whose fields are in "fields"), for dbt sources or code

What each column means is in docs/output.md.

Examples:
  communique schema --format duckdb > schema.sql && duckdb db.duckdb < schema.sql
  communique schema --format trino --location s3://bucket/out
  communique schema --format json | jq '.tables[].name'

Flags:
`

func cmdSchema(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("schema", flag.ContinueOnError)
	fl.SetOutput(stderr)
	format := fl.String("format", "duckdb", "`FORMAT`: duckdb, trino or json")
	location := fl.String("location", "", "trino: the external location `DIR` holding one folder per table")
	fl.Usage = func() { fmt.Fprint(stderr, schemaUsage); fl.PrintDefaults() }
	if help, err := parseFlags(fl, args, stderr); help || err != nil {
		return err
	}
	switch *format {
	case "duckdb", "trino":
		ddl, err := pipeline.DDL(*format, *location)
		if err != nil {
			return fmt.Errorf("schema: %w", err)
		}
		_, err = io.WriteString(stdout, ddl)
		return err
	case "json":
		tables, err := pipeline.Schema()
		if err != nil {
			return fmt.Errorf("schema: %w", err)
		}
		b, err := json.MarshalIndent(struct {
			Tables []pipeline.TableSchema `json:"tables"`
		}{tables}, "", "  ")
		if err != nil {
			return fmt.Errorf("schema: %w", err)
		}
		_, err = stdout.Write(append(b, '\n'))
		return err
	}
	return fmt.Errorf("schema: --format %q: want duckdb, trino or json", *format)
}
