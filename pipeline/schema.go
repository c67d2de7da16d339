package pipeline

import (
	"fmt"
	"reflect"
	"strings"
)

// A Column is one column of an output table, as the Parquet writer declares
// it: Schema reads the columns from the same Go types that NewParquetWriter
// hands to parquet-go, so the two cannot drift apart.
type Column struct {
	Name string `json:"name"`
	// Type is one of string, int64, double, date, or list for a list of
	// structs, whose fields are in Fields.
	Type string `json:"type"`
	// Nullable is false for columns that never hold a null. A list is
	// never null (an empty list is []), its elements never are, and the
	// fields of its elements may be.
	Nullable bool     `json:"nullable"`
	Fields   []Column `json:"fields,omitempty"`
}

// A TableSchema names a table and lists its columns in file order.
type TableSchema struct {
	Name    string   `json:"name"`
	Columns []Column `json:"columns"`
}

// Schema returns the schema of every output table: Tables in order, then
// the optional TextsTable.
func Schema() ([]TableSchema, error) {
	var out []TableSchema
	for _, table := range append(Tables[:len(Tables):len(Tables)], TextsTable) {
		obj, err := parquetSchema(table)
		if err != nil {
			return nil, err
		}
		cols, err := columnsOf(reflect.TypeOf(obj).Elem())
		if err != nil {
			return nil, fmt.Errorf("schema of %s: %w", table, err)
		}
		out = append(out, TableSchema{Name: table, Columns: cols})
	}
	return out, nil
}

// columnsOf reads the parquet tags of struct type t, in field order.
func columnsOf(t reflect.Type) ([]Column, error) {
	var cols []Column
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := parquetTag(f.Tag.Get("parquet"))
		if tag == nil {
			continue
		}
		c := Column{Name: tag["name"], Nullable: f.Type.Kind() == reflect.Pointer}
		switch typ, conv := tag["type"], tag["convertedtype"]; {
		case typ == "BYTE_ARRAY" && conv == "UTF8":
			c.Type = "string"
		case typ == "INT32" && conv == "DATE":
			c.Type = "date"
		case typ == "INT64" && conv == "":
			c.Type = "int64"
		case typ == "DOUBLE" && conv == "":
			c.Type = "double"
		case typ == "LIST" && f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.Struct:
			c.Type = "list"
			fields, err := columnsOf(f.Type.Elem())
			if err != nil {
				return nil, err
			}
			c.Fields = fields
		default:
			return nil, fmt.Errorf("column %s: no schema type for parquet type %s %s", c.Name, typ, conv)
		}
		if c.Name == "" {
			return nil, fmt.Errorf("field %s has no column name", f.Name)
		}
		cols = append(cols, c)
	}
	return cols, nil
}

// parquetTag parses a parquet-go struct tag, "name=x, type=Y, ...", into
// its keys; nil for no tag.
func parquetTag(tag string) map[string]string {
	if tag == "" {
		return nil
	}
	m := map[string]string{}
	for _, kv := range strings.Split(tag, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(kv), "=")
		m[strings.ToLower(k)] = v
	}
	return m
}

// DDL returns CREATE TABLE statements for every table of Schema, in the
// SQL dialect named: "duckdb" or "trino". Identifiers are quoted, as some
// column names (end, rank, text) are keywords. For Trino, which reads
// Parquet through the Hive connector, the statements declare external
// tables: location, when not empty, is the folder under which each table's
// Parquet files lie, location/T/ (the Hive connector takes no NOT NULL, so
// the Trino statements leave it out).
func DDL(dialect, location string) (string, error) {
	tables, err := Schema()
	if err != nil {
		return "", err
	}
	d, ok := dialects[dialect]
	if !ok {
		return "", fmt.Errorf("unknown SQL dialect %q (want duckdb or trino)", dialect)
	}
	var b strings.Builder
	for i, t := range tables {
		if i > 0 {
			b.WriteString("\n")
		}
		if t.Name == TextsTable {
			b.WriteString("-- optional: written by communique run --with-text\n")
		}
		fmt.Fprintf(&b, "CREATE TABLE %s (\n", quoteIdent(t.Name))
		for j, c := range t.Columns {
			fmt.Fprintf(&b, "  %s %s", quoteIdent(c.Name), d.typeOf(c))
			if !c.Nullable && d.notNull {
				b.WriteString(" NOT NULL")
			}
			if j < len(t.Columns)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString(")")
		if d.external {
			b.WriteString("\nWITH (format = 'PARQUET'")
			if location != "" {
				loc := strings.TrimSuffix(location, "/") + "/" + t.Name + "/"
				fmt.Fprintf(&b, ", external_location = '%s'", strings.ReplaceAll(loc, "'", "''"))
			}
			b.WriteString(")")
		}
		b.WriteString(";\n")
	}
	return b.String(), nil
}

// sqlDialect is how a dialect writes the column types.
type sqlDialect struct {
	types    map[string]string // by Column.Type
	list     string            // list of structs: a format of the fields
	notNull  bool              // declares NOT NULL
	external bool              // declares external Parquet tables
}

var dialects = map[string]sqlDialect{
	"duckdb": {
		types:   map[string]string{"string": "VARCHAR", "int64": "BIGINT", "double": "DOUBLE", "date": "DATE"},
		list:    "STRUCT(%s)[]",
		notNull: true,
	},
	"trino": {
		types:    map[string]string{"string": "varchar", "int64": "bigint", "double": "double", "date": "date"},
		list:     "array(row(%s))",
		external: true,
	},
}

func (d sqlDialect) typeOf(c Column) string {
	if c.Type != "list" {
		return d.types[c.Type]
	}
	fields := make([]string, len(c.Fields))
	for i, f := range c.Fields {
		fields[i] = quoteIdent(f.Name) + " " + d.typeOf(f)
	}
	return fmt.Sprintf(d.list, strings.Join(fields, ", "))
}

// quoteIdent quotes a SQL identifier with double quotes.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
