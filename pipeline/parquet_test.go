package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/metadata"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/apache/arrow-go/v18/parquet/schema"
	"github.com/google/go-cmp/cmp"
)

// The Parquet files are read back with Apache Arrow's Go implementation,
// which shares nothing with parquet-go.

// parquetRead is a Parquet file as Arrow reads it.
type parquetRead struct {
	rows   []any // of the table's row type
	schema *arrow.Schema
	meta   *metadata.FileMetaData
}

// readParquet reads a table's Parquet file with Arrow and converts it back
// to rows. It fails the test on a column type it does not expect, such as
// binary where a string belongs, or a string that is not valid UTF-8.
func readParquet(t testing.TB, path, table string) parquetRead {
	t.Helper()
	mem := memory.NewCheckedAllocator(memory.DefaultAllocator)
	defer mem.AssertSize(t, 0)
	pf, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer pf.Close()
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: 4096}, mem)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	defer tbl.Release()

	typ := rowType[table]
	rows := make([]any, 0, tbl.NumRows())
	tr := array.NewTableReader(tbl, 4096)
	defer tr.Release()
	for tr.Next() {
		rec := tr.RecordBatch()
		for i := 0; i < int(rec.NumRows()); i++ {
			obj := make(map[string]any, rec.NumCols())
			for c, f := range rec.Schema().Fields() {
				obj[f.Name] = arrowValue(t, rec.Column(c), i)
			}
			// Arrow value -> JSON -> row: the JSON tags of the row types
			// are the column names.
			b, err := json.Marshal(obj)
			if err != nil {
				t.Fatal(err)
			}
			v := reflect.New(typ)
			dec := json.NewDecoder(bytes.NewReader(b))
			dec.DisallowUnknownFields()
			if err := dec.Decode(v.Interface()); err != nil {
				t.Fatalf("row %d: %v", len(rows), err)
			}
			rows = append(rows, v.Elem().Interface())
		}
	}
	if err := tr.Err(); err != nil {
		t.Fatal(err)
	}
	return parquetRead{rows: rows, schema: tbl.Schema(), meta: pf.MetaData()}
}

// arrowValue converts element i of arr to its JSON form: dates as ISO
// strings, lists as slices, structs as maps, nulls as nil.
func arrowValue(t testing.TB, arr arrow.Array, i int) any {
	t.Helper()
	if arr.IsNull(i) {
		return nil
	}
	switch a := arr.(type) {
	case *array.String:
		s := a.Value(i)
		if !utf8.ValidString(s) {
			t.Errorf("string %q is not valid UTF-8", s)
		}
		return s
	case *array.Date32:
		return a.Value(i).ToTime().Format(time.DateOnly)
	case *array.Int64:
		return a.Value(i)
	case *array.Float64:
		return a.Value(i)
	case *array.List:
		start, end := a.ValueOffsets(i)
		out := []any{}
		for j := start; j < end; j++ {
			out = append(out, arrowValue(t, a.ListValues(), int(j)))
		}
		return out
	case *array.Struct:
		st := a.DataType().(*arrow.StructType)
		out := make(map[string]any, a.NumField())
		for k := 0; k < a.NumField(); k++ {
			out[st.Field(k).Name] = arrowValue(t, a.Field(k), i)
		}
		return out
	}
	t.Fatalf("unexpected Arrow type %s", arr.DataType())
	return nil
}

// dateColumns are the columns that are dates in Parquet.
var dateColumns = map[string]bool{"published_date": true, "start_date": true, "end_date": true}

// wantSchema is the Arrow schema of a table: the JSON fields of its row
// type, in order, strings as utf8 and dates as date32, nullable where the
// row field is a pointer, participants a non-null list of non-null structs.
func wantSchema(table string) *arrow.Schema {
	var fields []arrow.Field
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if f.Anonymous {
				walk(f.Type)
				continue
			}
			name := strings.Split(f.Tag.Get("json"), ",")[0]
			ft, nullable := f.Type, false
			if ft.Kind() == reflect.Pointer {
				ft, nullable = ft.Elem(), true
			}
			var dt arrow.DataType
			switch {
			case dateColumns[name]:
				dt = arrow.FixedWidthTypes.Date32
			case ft.Kind() == reflect.String:
				dt = arrow.BinaryTypes.String
			case ft.Kind() == reflect.Int64:
				dt = arrow.PrimitiveTypes.Int64
			case ft.Kind() == reflect.Float64:
				dt = arrow.PrimitiveTypes.Float64
			case ft == reflect.TypeFor[[]Participant]():
				dt = arrow.ListOfField(arrow.Field{Name: "element", Type: arrow.StructOf(
					arrow.Field{Name: "name", Type: arrow.BinaryTypes.String, Nullable: true},
					arrow.Field{Name: "title", Type: arrow.BinaryTypes.String, Nullable: true},
					arrow.Field{Name: "rank", Type: arrow.BinaryTypes.String, Nullable: true},
					arrow.Field{Name: "org", Type: arrow.BinaryTypes.String, Nullable: true},
					arrow.Field{Name: "country", Type: arrow.BinaryTypes.String, Nullable: true},
				)})
			default:
				panic(fmt.Sprintf("no Arrow type for %s", f.Type))
			}
			fields = append(fields, arrow.Field{Name: name, Type: dt, Nullable: nullable})
		}
	}
	walk(rowType[table])
	return arrow.NewSchema(fields, nil)
}

// checkSchema compares an Arrow schema with wantSchema, ignoring metadata.
func checkSchema(t *testing.T, table string, got *arrow.Schema) {
	t.Helper()
	want := wantSchema(table)
	describe := func(s *arrow.Schema) []string {
		var out []string
		for _, f := range s.Fields() {
			out = append(out, fmt.Sprintf("%s: %s nullable=%v", f.Name, f.Type, f.Nullable))
		}
		return out
	}
	if diff := cmp.Diff(describe(want), describe(got)); diff != "" {
		t.Errorf("schema (-want +got):\n%s", diff)
	}
	for i, f := range got.Fields() {
		if i < want.NumFields() && !arrow.TypeEqual(f.Type, want.Field(i).Type) {
			t.Errorf("column %s: type %s, want %s", f.Name, f.Type, want.Field(i).Type)
		}
	}
}

// checkParquetTypes checks the Parquet schema underneath: every byte array
// column is annotated with the UTF8 converted type (DuckDB reads a byte
// array with only the STRING logical type as BLOB) and every INT32 column is
// a DATE; every column chunk uses codec and has no page index.
func checkParquetTypes(t *testing.T, meta *metadata.FileMetaData, codec compress.Compression) {
	t.Helper()
	sc := meta.Schema
	for i := 0; i < sc.NumColumns(); i++ {
		col := sc.Column(i)
		// min_value and max_value are defined only with a column order.
		if col.ColumnOrder() != parquet.ColumnOrders.TypeDefinedOrder {
			t.Errorf("%s: column order %v, want type-defined", col.Path(), col.ColumnOrder())
		}
		switch col.PhysicalType() {
		case parquet.Types.ByteArray:
			if col.ConvertedType() != schema.ConvertedTypes.UTF8 {
				t.Errorf("%s: converted type %s, want UTF8", col.Path(), col.ConvertedType())
			}
			if _, ok := col.LogicalType().(schema.StringLogicalType); !ok {
				t.Errorf("%s: logical type %s, want String", col.Path(), col.LogicalType())
			}
		case parquet.Types.Int32:
			if col.ConvertedType() != schema.ConvertedTypes.Date {
				t.Errorf("%s: converted type %s, want DATE", col.Path(), col.ConvertedType())
			}
		case parquet.Types.Int64, parquet.Types.Double:
		default:
			t.Errorf("%s: unexpected physical type %s", col.Path(), col.PhysicalType())
		}
	}
	for rg := 0; rg < meta.NumRowGroups(); rg++ {
		for c := 0; c < sc.NumColumns(); c++ {
			cc, err := meta.RowGroup(rg).ColumnChunk(c)
			if err != nil {
				t.Fatal(err)
			}
			if cc.Compression() != codec {
				t.Errorf("row group %d column %s: codec %s, want %s", rg, cc.PathInSchema(), cc.Compression(), codec)
			}
			// parquet-go's page indexes are wrong; the writer leaves them out.
			if cc.GetColumnIndexLocation() != nil || cc.GetOffsetIndexLocation() != nil {
				t.Errorf("row group %d column %s has a page index", rg, cc.PathInSchema())
			}
		}
	}
}

// checkStatistics checks the column chunk statistics against the data, row
// group by row group: DuckDB, Spark and Trino skip row groups by them, so a
// wrong min, max or null count loses rows. Nulls are counted as Parquet
// counts them: in a column of participants, an empty list is one null. It
// returns how many column chunks had statistics.
func checkStatistics(t *testing.T, path string) int {
	t.Helper()
	pf, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	sc := pf.MetaData().Schema
	all := make([]int, sc.NumColumns()) // leaf columns
	for i := range all {
		all[i] = i
	}
	checked := 0
	for rg := 0; rg < pf.NumRowGroups(); rg++ {
		tbl, err := fr.ReadRowGroups(context.Background(), all, []int{rg})
		if err != nil {
			t.Fatal(err)
		}
		for c := 0; c < sc.NumColumns(); c++ {
			path := sc.Column(c).ColumnPath()
			cc, err := pf.MetaData().RowGroup(rg).ColumnChunk(c)
			if err != nil {
				t.Fatal(err)
			}
			st, err := cc.Statistics()
			if err != nil {
				t.Fatal(err)
			}
			if st == nil {
				continue
			}
			checked++
			nulls, values := leafValues(t, tbl, path)
			if st.HasNullCount() && st.NullCount() != nulls {
				t.Errorf("row group %d column %s: null_count %d, have %d nulls", rg, path, st.NullCount(), nulls)
			}
			if !st.HasMinMax() {
				continue
			}
			if len(values) == 0 {
				t.Errorf("row group %d column %s: min and max of no values", rg, path)
				continue
			}
			lo, hi := statMinMax(t, st)
			wantLo, wantHi := values[0], values[0]
			for _, v := range values[1:] {
				if less(v, wantLo) {
					wantLo = v
				}
				if less(wantHi, v) {
					wantHi = v
				}
			}
			if lo != wantLo || hi != wantHi {
				t.Errorf("row group %d column %s: min, max = %v, %v; want %v, %v", rg, path, lo, hi, wantLo, wantHi)
			}
		}
		tbl.Release()
	}
	return checked
}

// leafValues returns the number of nulls and the values of a leaf column:
// a top-level column (doc_id) or a field of participants
// (participants.list.element.name).
func leafValues(t *testing.T, tbl arrow.Table, path []string) (nulls int64, values []any) {
	t.Helper()
	idx := tbl.Schema().FieldIndices(path[0])
	if len(idx) != 1 {
		t.Fatalf("column %s: %d Arrow fields of that name", path[0], len(idx))
	}
	nested := len(path) > 1
	if nested && (len(path) != 4 || path[1] != "list" || path[2] != "element") {
		t.Fatalf("unexpected column path %s", path)
	}
	for _, chunk := range tbl.Column(idx[0]).Data().Chunks() {
		for i := 0; i < chunk.Len(); i++ {
			v := arrowValue(t, chunk, i)
			if !nested {
				if v == nil {
					nulls++
				} else {
					values = append(values, v)
				}
				continue
			}
			list := v.([]any)
			if len(list) == 0 {
				nulls++
			}
			for _, p := range list {
				if f := p.(map[string]any)[path[3]]; f == nil {
					nulls++
				} else {
					values = append(values, f)
				}
			}
		}
	}
	return nulls, values
}

// statMinMax returns the min and max of statistics in arrowValue's form.
func statMinMax(t *testing.T, st metadata.TypedStatistics) (any, any) {
	switch st := st.(type) {
	case *metadata.ByteArrayStatistics:
		return string(st.Min()), string(st.Max())
	case *metadata.Int32Statistics: // dates
		return arrow.Date32(st.Min()).ToTime().Format(time.DateOnly), arrow.Date32(st.Max()).ToTime().Format(time.DateOnly)
	case *metadata.Int64Statistics:
		return st.Min(), st.Max()
	case *metadata.Float64Statistics:
		return st.Min(), st.Max()
	}
	t.Fatalf("unexpected statistics %T", st)
	return nil, nil
}

func less(a, b any) bool {
	switch a := a.(type) {
	case string:
		return a < b.(string) // byte order, as Parquet orders UTF8; ISO dates sort as strings
	case int64:
		return a < b.(int64)
	case float64:
		return a < b.(float64)
	}
	panic(fmt.Sprintf("less(%T)", a))
}

func TestParquetReadBack(t *testing.T) {
	samples := sampleRows()
	opts := []struct {
		name  string
		opt   ParquetOptions
		codec compress.Compression
	}{
		{"defaults", ParquetOptions{}, compress.Codecs.Snappy},
		{"zstd/parallel/2 rows per group", ParquetOptions{Compression: "zstd", Parallel: 3, RowGroupRows: 2}, compress.Codecs.Zstd},
		{"none/1 row per group", ParquetOptions{Compression: "none", RowGroupRows: 1}, compress.Codecs.Uncompressed},
	}
	for _, o := range opts {
		for _, table := range Tables {
			t.Run(o.name+"/"+table, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), table+".parquet")
				w, err := NewParquetWriter(path, table, o.opt)
				if err != nil {
					t.Fatal(err)
				}
				rows := samples[table]
				writeAll(t, w, rows)

				got := readParquet(t, path, table)
				checkSchema(t, table, got.schema)
				checkParquetTypes(t, got.meta, o.codec)
				if diff := cmp.Diff(wantRows(rows), got.rows); diff != "" {
					t.Errorf("read back (-want +got):\n%s", diff)
				}
				perGroup := max(o.opt.RowGroupRows, 1)
				if o.opt.RowGroupRows == 0 {
					perGroup = DefaultRowGroupRows
				}
				if n, want := got.meta.NumRowGroups(), (len(rows)+perGroup-1)/perGroup; n != want {
					t.Errorf("%d row groups, want %d", n, want)
				}
				if n := checkStatistics(t, path); n == 0 {
					t.Error("no column chunk has statistics")
				}
			})
		}
	}
}

// TestParquetDates checks the DATE columns as Arrow reads them: Date32,
// days since 1970-01-01, the same calendar day as the ISO string.
func TestParquetDates(t *testing.T) {
	dates := []string{"1900-01-01", "1969-12-31", "1970-01-01", "2000-02-29", "2024-03-05", "2038-01-20", "9999-12-31"}
	path := filepath.Join(t.TempDir(), "events.parquet")
	w, err := NewParquetWriter(path, "events", ParquetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range dates {
		if err := w.Write(Event{EventID: fmt.Sprint(i), StartDate: sp(d)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	pf, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Release()
	col := tbl.Column(tbl.Schema().FieldIndices("start_date")[0])
	if col.DataType().ID() != arrow.DATE32 {
		t.Fatalf("start_date is %s, want date32", col.DataType())
	}
	var got []int32
	for _, c := range col.Data().Chunks() {
		for _, d := range c.(*array.Date32).Date32Values() {
			got = append(got, int32(d))
		}
	}
	var want []int32
	for _, d := range dates {
		tm, err := time.Parse(time.DateOnly, d)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, int32(arrow.Date32FromTime(tm)))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("days since epoch (-want +got):\n%s", diff)
	}
	if want[2] != 0 || want[1] != -1 {
		t.Fatalf("test is wrong: 1970-01-01 is day %d", want[2])
	}
}

func TestParquetEmpty(t *testing.T) {
	for _, table := range Tables {
		t.Run(table, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), table+".parquet")
			w, err := NewParquetWriter(path, table, ParquetOptions{})
			if err != nil {
				t.Fatal(err)
			}
			writeAll(t, w, nil)
			got := readParquet(t, path, table)
			checkSchema(t, table, got.schema)
			if len(got.rows) != 0 || got.meta.NumRows != 0 {
				t.Errorf("read %d rows (footer says %d), want 0", len(got.rows), got.meta.NumRows)
			}
		})
	}
}

// TestParquetManyRows writes many small rows in many row groups, with a
// null pattern that puts nulls first in some pages and not others.
func TestParquetManyRows(t *testing.T) {
	n, perGroup := 200_000, 10_000
	if testing.Short() {
		n, perGroup = 20_000, 1_000
	}
	mention := func(i int) Mention {
		m := Mention{DocID: fmt.Sprintf("doc-%06d", i/10), Kind: "country", Text: "Korea", Start: int64(i), End: int64(i + 5)}
		if i%3 != 0 {
			m.Value = sp("KOR")
		}
		if i%7 == 0 {
			m.Country = sp(fmt.Sprint(i))
		}
		return m
	}
	path := filepath.Join(t.TempDir(), "mentions.parquet")
	w, err := NewParquetWriter(path, "mentions", ParquetOptions{RowGroupRows: perGroup})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < n; i++ {
		if err := w.Write(mention(i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}

	pf, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer pf.Close()
	if got, want := pf.NumRowGroups(), n/perGroup; got != want {
		t.Errorf("%d row groups, want %d", got, want)
	}
	for rg := 0; rg < pf.NumRowGroups(); rg++ {
		if got := pf.MetaData().RowGroup(rg).NumRows(); got != int64(perGroup) {
			t.Errorf("row group %d has %d rows, want %d", rg, got, perGroup)
		}
	}
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: 1 << 16}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	rr, err := fr.GetRecordReader(context.Background(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer rr.Release()
	i := 0
	for rr.Next() {
		rec := rr.RecordBatch()
		doc := rec.Column(0).(*array.String)
		value := rec.Column(3).(*array.String)
		start := rec.Column(4).(*array.Int64)
		country := rec.Column(8).(*array.String)
		for r := 0; r < int(rec.NumRows()); r, i = r+1, i+1 {
			m := mention(i)
			if doc.Value(r) != m.DocID || start.Value(r) != m.Start ||
				value.IsNull(r) != (m.Value == nil) || country.IsNull(r) != (m.Country == nil) ||
				(m.Country != nil && country.Value(r) != *m.Country) {
				t.Fatalf("row %d: doc_id %q start %d value null %v country %v; want %+v",
					i, doc.Value(r), start.Value(r), value.IsNull(r), arrowValue(t, country, r), m)
			}
		}
	}
	if err := rr.Err(); err != nil {
		t.Fatal(err)
	}
	if i != n {
		t.Errorf("read %d rows, want %d", i, n)
	}
	checkStatistics(t, path)
}

// TestParquetByteCut makes parquet-go cut row groups by size, between the
// writer's cuts by row count, and checks each row group gets the null counts
// of its own rows.
func TestParquetByteCut(t *testing.T) {
	path := filepath.Join(t.TempDir(), "rejects.parquet")
	w, err := NewParquetWriter(path, "rejects", ParquetOptions{RowGroupRows: 1000})
	if err != nil {
		t.Fatal(err)
	}
	pw := w.(*parquetWriter).pw
	pw.PageSize = 512   // parquet-go encodes buffered rows every PageSize*columns bytes...
	pw.RowGroupSize = 1 // ...and then writes a row group when it has RowGroupSize bytes
	var rows []any
	for i := range 3000 {
		r := Reject{Event: eventRow(i), Reason: fmt.Sprint(i)}
		if i%3 == 0 {
			r.ActorName, r.Participants = nil, nil
		}
		if i%5 == 0 {
			r.Participants = append([]Participant{{Name: sp(fmt.Sprint(i))}}, r.Participants...)
		}
		rows = append(rows, r)
	}
	writeAll(t, w, rows)
	got := readParquet(t, path, "rejects")
	if diff := cmp.Diff(wantRows(rows), got.rows); diff != "" {
		t.Errorf("read back (-want +got):\n%s", diff)
	}
	if n := got.meta.NumRowGroups(); n <= 3 {
		t.Errorf("%d row groups, want more than the 3 cut by row count", n)
	}
	t.Logf("%d rows in %d row groups", len(rows), got.meta.NumRowGroups())
	for rg := 0; rg < got.meta.NumRowGroups(); rg++ {
		if n := got.meta.RowGroup(rg).NumRows(); n > 1000 {
			t.Errorf("row group %d has %d rows, want at most 1000", rg, n)
		}
	}
	checkStatistics(t, path)
}

// TestParquetDuckDB reads the files with DuckDB, if it is installed: the
// reader that shows the UTF8 and DATE annotations are right, and that uses
// statistics to skip row groups.
func TestParquetDuckDB(t *testing.T) {
	duckdb, err := exec.LookPath("duckdb")
	if err != nil {
		t.Skip("duckdb not installed")
	}
	dir := t.TempDir()
	ev := eventRow(1)
	var rows []any
	for i := range 30 {
		e := ev
		e.EventID = fmt.Sprint(i)
		if i%4 == 0 {
			e.ActorName, e.StartDate, e.Participants = nil, nil, nil
		}
		rows = append(rows, e)
	}
	path := filepath.Join(dir, "events.parquet")
	w, err := NewParquetWriter(path, "events", ParquetOptions{RowGroupRows: 4})
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, w, rows)
	query := func(sql string) string {
		t.Helper()
		out, err := exec.Command(duckdb, "-csv", "-noheader", "-c", sql).CombinedOutput()
		if err != nil {
			t.Fatalf("duckdb %q: %v\n%s", sql, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	src := fmt.Sprintf("read_parquet('%s')", path)
	tests := []struct{ sql, want string }{
		{"SELECT typeof(event_id), typeof(actor_name), typeof(start_date), typeof(rank_position), typeof(confidence) FROM " + src + " LIMIT 1",
			"VARCHAR,VARCHAR,DATE,BIGINT,DOUBLE"},
		{"SELECT typeof(participants) LIKE 'STRUCT(%)[]' AND typeof(participants) NOT LIKE '%BLOB%' FROM " + src + " LIMIT 1",
			"true"},
		{"SELECT count(*) FROM " + src + " WHERE actor_name IS NULL", "8"},
		{"SELECT count(*) FROM " + src + " WHERE start_date = DATE '2024-03-03'", "22"},
		{"SELECT sum(len(participants)) FROM " + src, "44"},
		{"SELECT participants[1].country FROM " + src + " WHERE event_id = '1'", "SAU"},
	}
	for _, tt := range tests {
		if got := query(tt.sql); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.sql, got, tt.want)
		}
	}
}
