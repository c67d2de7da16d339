package pipeline

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func sp(s string) *string { return &s }
func ip(i int64) *int64   { return &i }

// sampleRows returns rows of every table with the awkward cases: nulls
// everywhere, non-ASCII text, characters JSON escapes, HTML characters,
// participants nil, empty and partly null, dates before 1970 and on a leap
// day. A null comes first in every optional column, which is where
// parquet-go miscounts nulls.
func sampleRows() map[string][]any {
	full := Event{
		EventID:            "ev-2",
		DocID:              "2019/mois/roundtable",
		EventType:          "meeting",
		Status:             "occurred",
		ActorName:          sp("Lee Sang-min"),
		ActorTitle:         sp("Minister of the Interior and Safety"),
		ActorRank:          sp("minister"),
		ActorOrg:           sp("Ministry of the Interior and Safety"),
		ActorCountry:       sp("KOR"),
		CounterpartCountry: sp("SAU"),
		Participants: []Participant{
			{Name: sp("Abdulaziz bin Saud"), Title: sp("Interior Minister"), Rank: sp("minister"), Org: sp("وزارة الداخلية"), Country: sp("SAU")},
			{Name: sp("Zoë Çelik"), Country: sp("TUR")},
			{},
		},
		Country:       sp("KOR"),
		Place:         sp("서울 BEXCO Exhibition Hall 2"),
		StartDate:     sp("2024-02-29"),
		EndDate:       sp("2024-03-01"),
		DatePrecision: sp("day"),
		YearSource:    sp("explicit"),
		DateText:      sp("February 29-March 1"),
		Name:          sp("LEAP 2024 <AI> & \"cloud\""),
		RankPosition:  ip(13),
		RankYear:      ip(2024),
		EvidenceText:  "He said \"hello\"\\n<b>&</b>\tline\nbreak\u2028sep 😀 \x01",
		EvidenceStart: 120,
		EvidenceEnd:   240,
		Confidence:    0.875,
		PloverType:    sp("CONSULT"),
		PloverMode:    sp("visit"),
	}
	empty := Event{
		EventID:      "ev-1",
		DocID:        "000_04ee34f6f69b9616",
		EventType:    "visit",
		Status:       "unknown",
		Participants: nil,
		EvidenceText: "",
		Confidence:   0,
	}
	old := Event{
		EventID:      "ev-3",
		DocID:        "d3",
		EventType:    "ranking",
		Status:       "planned",
		Participants: []Participant{},
		StartDate:    sp("1969-12-31"),
		EndDate:      sp("1970-01-01"),
		RankPosition: ip(0),
		EvidenceText: "Ranked 1st",
		Confidence:   1,
	}
	return map[string][]any{
		"documents": {
			Document{DocID: "bad", Source: "bad.bin", SHA256: "00", Status: "rejected", Error: sp("binary file"), Language: "und", Encoding: "", Format: "text"},
			Document{
				DocID: "2019/mois/roundtable", Source: "2019/mois/roundtable.html", SHA256: strings.Repeat("ab", 32),
				Status: "ok", Title: sp("장관, 사우디 내무장관과 회담 – “Cooperation”"), Published: sp("2024-03-12T10:00:00"),
				PublishedDate: sp("2024-03-12"), Publisher: sp("Ministry of the Interior and Safety"), Language: "en",
				Bytes: 1 << 40, GarbledChars: 3, NEvents: 2, Encoding: "windows-1252", Format: "html", NMentions: 7, NRejects: 1,
			},
			Document{DocID: "d3", Status: "ok", Published: sp("2018-10-05"), PublishedDate: sp("2018-10-05"), Language: "en", Bytes: -1},
		},
		"events": {empty, full, old},
		"mentions": {
			Mention{DocID: "d1", Kind: "date", Text: "March 3-5", Start: 0, End: 9},
			Mention{DocID: "d1", Kind: "person", Text: "Lee Sang-min", Value: sp("Lee Sang-min"), Start: 10, End: 22, Title: sp("Minister"), Rank: sp("minister"), Country: sp("KOR")},
			Mention{DocID: "d1", Kind: "place", Text: "서울", Value: sp(""), Start: 1 << 33, End: 1<<33 + 2},
		},
		"rejects": {
			Reject{Event: empty, Reason: "no actor"},
			Reject{Event: full, Reason: "end_date before start_date: \"x\" 😀"},
			Reject{Event: old, Reason: ""},
		},
	}
}

// wantRows is rows as they read back: participants [] when there are none.
func wantRows(rows []any) []any {
	out := make([]any, len(rows))
	for i, r := range rows {
		switch r := r.(type) {
		case Event:
			if r.Participants == nil {
				r.Participants = []Participant{}
			}
			out[i] = r
		case Reject:
			if r.Participants == nil {
				r.Participants = []Participant{}
			}
			out[i] = r
		default:
			out[i] = r
		}
	}
	return out
}

// rowType is the row type of a table.
var rowType = map[string]reflect.Type{
	"documents": reflect.TypeFor[Document](),
	"events":    reflect.TypeFor[Event](),
	"mentions":  reflect.TypeFor[Mention](),
	"rejects":   reflect.TypeFor[Reject](),
}

// jsonFields lists the JSON field names of a row type in struct order,
// flattening embedded structs as encoding/json does.
func jsonFields(t reflect.Type) []string {
	var names []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			names = append(names, jsonFields(f.Type)...)
			continue
		}
		names = append(names, strings.Split(f.Tag.Get("json"), ",")[0])
	}
	return names
}

func writeAll(t testing.TB, w Writer, rows []any) {
	t.Helper()
	for i, r := range rows {
		if err := w.Write(r); err != nil {
			w.Abort()
			t.Fatalf("Write row %d: %v", i, err)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatalf("Commit: %v", err)
	}
}

// readJSONL decodes a JSONL file into rows of typ, checking the framing on
// the way: "\n" line ends, no "\r", valid UTF-8, one object per line with
// exactly the fields of typ in struct order.
func readJSONL(t *testing.T, path string, typ reflect.Type) []any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		t.Errorf("%s does not end with \\n", path)
	}
	if bytes.Contains(data, []byte("\r")) {
		t.Errorf("%s contains \\r", path)
	}
	wantKeys := jsonFields(typ)
	var rows []any
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Bytes()
		if !json.Valid(line) {
			t.Fatalf("line %d is not JSON: %s", n, line)
		}
		if keys := objectKeys(t, line); !cmp.Equal(keys, wantKeys) {
			t.Errorf("line %d: keys (-want +got):\n%s", n, cmp.Diff(wantKeys, keys))
		}
		v := reflect.New(typ)
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(v.Interface()); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		rows = append(rows, v.Elem().Interface())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// objectKeys returns the top-level keys of a JSON object in order.
func objectKeys(t *testing.T, obj []byte) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(obj))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object: %s", obj)
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func TestJSONLRoundTrip(t *testing.T) {
	samples := sampleRows()
	for _, table := range Tables {
		t.Run(table, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), table+".jsonl")
			w, err := NewJSONLWriter(path)
			if err != nil {
				t.Fatal(err)
			}
			writeAll(t, w, samples[table])
			got := readJSONL(t, path, rowType[table])
			if diff := cmp.Diff(wantRows(samples[table]), got); diff != "" {
				t.Errorf("read back (-want +got):\n%s", diff)
			}
		})
	}
}

// TestJSONLText checks the bytes where JSON allows a choice: no HTML
// escaping, UTF-8 as is, participants [] and nulls as null.
func TestJSONLText(t *testing.T) {
	samples := sampleRows()
	path := filepath.Join(t.TempDir(), "events.jsonl")
	w, err := NewJSONLWriter(path)
	if err != nil {
		t.Fatal(err)
	}
	writeAll(t, w, samples["events"])
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want 3", len(lines))
	}
	tests := []struct {
		line int
		want string
	}{
		{0, `{"event_id":"ev-1","doc_id":"000_04ee34f6f69b9616","event_type":"visit","status":"unknown","actor_name":null,`},
		{0, `"participants":[],`},
		{0, `"rank_position":null,"rank_year":null,"evidence_text":"","evidence_start":0,"evidence_end":0,"confidence":0,"plover_type":null,"plover_mode":null}`},
		{1, `"place":"서울 BEXCO Exhibition Hall 2"`},
		{1, `"name":"LEAP 2024 <AI> & \"cloud\""`},
		{1, `😀`},
		{1, `"participants":[{"name":"Abdulaziz bin Saud","title":"Interior Minister","rank":"minister","org":"وزارة الداخلية","country":"SAU"},{"name":"Zoë Çelik","title":null,"rank":null,"org":null,"country":"TUR"},{"name":null,"title":null,"rank":null,"org":null,"country":null}]`},
		{2, `"participants":[],`},
		{2, `"start_date":"1969-12-31","end_date":"1970-01-01"`},
		{2, `"rank_position":0,`},
	}
	for _, tt := range tests {
		if !strings.Contains(lines[tt.line], tt.want) {
			t.Errorf("line %d = %s\nwant it to contain %s", tt.line, lines[tt.line], tt.want)
		}
	}
}

func TestWriterErrors(t *testing.T) {
	ev := sampleRows()["events"][1].(Event)
	nan := ev
	nan.Confidence = math.NaN()
	badDate := ev
	badDate.EndDate = sp("2024-02-30")
	shortDate := ev
	shortDate.StartDate = sp("2024-3-5")
	tests := []struct {
		name   string
		format string // jsonl or parquet
		table  string // parquet only
		rows   []any  // all but the last are written without error
	}{
		{"pointer row", "jsonl", "", []any{&ev}},
		{"string row", "jsonl", "", []any{"x"}},
		{"nil row", "jsonl", "", []any{nil}},
		{"mixed tables", "jsonl", "", []any{ev, Document{DocID: "d"}}},
		{"NaN", "jsonl", "", []any{ev, nan}},
		{"pointer row", "parquet", "events", []any{&ev}},
		{"wrong table", "parquet", "events", []any{ev, Reject{Event: ev}}},
		{"participant row", "parquet", "events", []any{Participant{}}},
		{"NaN", "parquet", "events", []any{nan}},
		{"infinite", "parquet", "rejects", []any{Reject{Event: Event{Confidence: math.Inf(1)}}}},
		{"bad date", "parquet", "events", []any{ev, badDate}},
		{"short date", "parquet", "rejects", []any{Reject{Event: shortDate}}},
		{"bad published_date", "parquet", "documents", []any{Document{PublishedDate: sp("12 March 2024")}}},
	}
	for _, tt := range tests {
		t.Run(tt.format+"/"+tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "t."+tt.format)
			var w Writer
			var err error
			if tt.format == "jsonl" {
				w, err = NewJSONLWriter(path)
			} else {
				w, err = NewParquetWriter(path, tt.table, ParquetOptions{})
			}
			if err != nil {
				t.Fatal(err)
			}
			last := len(tt.rows) - 1
			for i, r := range tt.rows[:last] {
				if err := w.Write(r); err != nil {
					t.Fatalf("Write row %d: %v", i, err)
				}
			}
			if err := w.Write(tt.rows[last]); err == nil {
				t.Fatalf("Write(%T) succeeded, want an error", tt.rows[last])
			}
			// A refused row is not written, and the file stays good.
			if last > 0 {
				if err := w.Write(tt.rows[0]); err != nil {
					t.Fatalf("Write after a refused row: %v", err)
				}
			}
			if err := w.Commit(); err != nil {
				t.Fatalf("Commit: %v", err)
			}
			if last == 0 {
				return
			}
			var n int
			if tt.format == "jsonl" {
				n = len(readJSONL(t, path, rowType["events"]))
			} else {
				n = len(readParquet(t, path, tt.table).rows)
			}
			if n != last+1 {
				t.Errorf("read %d rows, want %d", n, last+1)
			}
		})
	}
}

func TestNewParquetWriterErrors(t *testing.T) {
	tests := []struct {
		name  string
		table string
		opt   ParquetOptions
	}{
		{"unknown table", "participants", ParquetOptions{}},
		{"no table", "", ParquetOptions{}},
		{"lz4", "events", ParquetOptions{Compression: "lz4"}},
		{"gzip", "events", ParquetOptions{Compression: "gzip"}},
		{"negative rows", "events", ParquetOptions{RowGroupRows: -1}},
		{"negative parallel", "events", ParquetOptions{Parallel: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			w, err := NewParquetWriter(filepath.Join(dir, "t.parquet"), tt.table, tt.opt)
			if err == nil {
				w.Abort()
				t.Fatal("NewParquetWriter succeeded, want an error")
			}
			if names := dirNames(t, dir); len(names) != 0 {
				t.Errorf("failed NewParquetWriter left %q", names)
			}
		})
	}
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	return names
}

// newWriters opens one Writer of each format on dir/events.EXT.
var newWriters = []struct {
	ext  string
	open func(path string) (Writer, error)
}{
	{"jsonl", NewJSONLWriter},
	{"parquet", func(path string) (Writer, error) { return NewParquetWriter(path, "events", ParquetOptions{}) }},
}

func TestAtomic(t *testing.T) {
	row := sampleRows()["events"][1]
	for _, nw := range newWriters {
		t.Run(nw.ext+"/abort", func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "events."+nw.ext)
			w, err := nw.open(path)
			if err != nil {
				t.Fatal(err)
			}
			for range 3 {
				if err := w.Write(row); err != nil {
					t.Fatal(err)
				}
			}
			names := dirNames(t, dir)
			if len(names) != 1 || !strings.HasPrefix(names[0], ".events."+nw.ext+".tmp-") {
				t.Errorf("before Commit, dir has %q, want one .events.%s.tmp-*", names, nw.ext)
			}
			if _, err := os.Stat(path); !os.IsNotExist(err) {
				t.Errorf("before Commit, Stat(%s) = %v, want not exist", path, err)
			}
			if err := w.Abort(); err != nil {
				t.Fatalf("Abort: %v", err)
			}
			if names := dirNames(t, dir); len(names) != 0 {
				t.Errorf("after Abort, dir has %q, want nothing", names)
			}
			if err := w.Abort(); err != nil {
				t.Errorf("second Abort: %v", err)
			}
			if err := w.Write(row); err == nil {
				t.Error("Write after Abort succeeded")
			}
			if err := w.Commit(); err == nil {
				t.Error("Commit after Abort succeeded")
			}
			if names := dirNames(t, dir); len(names) != 0 {
				t.Errorf("after Commit of an aborted writer, dir has %q", names)
			}
		})
		t.Run(nw.ext+"/commit", func(t *testing.T) {
			dir := t.TempDir()
			// Sharded runs write into a directory per table.
			path := filepath.Join(dir, "events", "part-00001-of-00004."+nw.ext)
			w, err := nw.open(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.Write(row); err != nil {
				t.Fatal(err)
			}
			if err := w.Commit(); err != nil {
				t.Fatal(err)
			}
			if names := dirNames(t, filepath.Dir(path)); !cmp.Equal(names, []string{filepath.Base(path)}) {
				t.Errorf("after Commit, dir has %q, want only %s", names, filepath.Base(path))
			}
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm()&0o044 != 0o044 {
				t.Errorf("mode %v, want readable by all", fi.Mode())
			}
			if err := w.Abort(); err != nil {
				t.Errorf("Abort after Commit: %v", err)
			}
			if _, err := os.Stat(path); err != nil {
				t.Errorf("Abort after Commit removed the file: %v", err)
			}
			if err := w.Write(row); err == nil {
				t.Error("Write after Commit succeeded")
			}
			if err := w.Commit(); err == nil {
				t.Error("second Commit succeeded")
			}
		})
	}
}

// TestSameValues writes the same rows to JSONL and Parquet and reads both
// back: they must agree, including strings that are not valid UTF-8.
func TestSameValues(t *testing.T) {
	samples := sampleRows()
	bad := "caf\xe9 \xff\xfe ok"
	samples["mentions"] = append(samples["mentions"], Mention{DocID: "d\x80", Kind: "person", Text: bad, Title: sp(bad)})
	ev := samples["events"][1].(Event)
	ev.Participants = []Participant{{Name: sp(bad)}}
	ev.EvidenceText = bad
	samples["rejects"] = append(samples["rejects"], Reject{Event: ev, Reason: bad})
	for _, table := range Tables {
		t.Run(table, func(t *testing.T) {
			dir := t.TempDir()
			jp, pp := filepath.Join(dir, table+".jsonl"), filepath.Join(dir, table+".parquet")
			jw, err := NewJSONLWriter(jp)
			if err != nil {
				t.Fatal(err)
			}
			pw, err := NewParquetWriter(pp, table, ParquetOptions{})
			if err != nil {
				t.Fatal(err)
			}
			writeAll(t, jw, samples[table])
			writeAll(t, pw, samples[table])
			fromJSON := readJSONL(t, jp, rowType[table])
			fromParquet := readParquet(t, pp, table).rows
			if diff := cmp.Diff(fromJSON, fromParquet); diff != "" {
				t.Errorf("JSONL vs Parquet (-jsonl +parquet):\n%s", diff)
			}
		})
	}
}

// eventRow is a typical event for the benchmarks.
func eventRow(i int) Event {
	return Event{
		EventID:      fmt.Sprintf("%016x", i),
		DocID:        fmt.Sprintf("2024/mois/%06d", i/4),
		EventType:    "visit",
		Status:       "occurred",
		ActorName:    sp("Lee Sang-min"),
		ActorTitle:   sp("Minister of the Interior and Safety"),
		ActorRank:    sp("minister"),
		ActorOrg:     sp("Ministry of the Interior and Safety"),
		ActorCountry: sp("KOR"),
		Participants: []Participant{
			{Name: sp("Abdulaziz bin Saud"), Title: sp("Interior Minister"), Rank: sp("minister"), Country: sp("SAU")},
			{Name: sp("Mohammed Al-Sharif"), Title: sp("Ambassador"), Rank: sp("ambassador"), Country: sp("SAU")},
		},
		Country:       sp("SAU"),
		Place:         sp("Riyadh"),
		StartDate:     sp("2024-03-03"),
		EndDate:       sp("2024-03-05"),
		DatePrecision: sp("day"),
		YearSource:    sp("published"),
		DateText:      sp("March 3-5"),
		EvidenceText:  strings.Repeat("Minister Lee Sang-min visited Riyadh from March 3 to 5 to meet his Saudi counterpart. ", 3),
		EvidenceStart: int64(i % 5000),
		EvidenceEnd:   int64(i%5000 + 258),
		Confidence:    0.9,
		PloverType:    sp("CONSULT"),
		PloverMode:    sp("visit"),
	}
}

// benchmarkWriter writes b.N events and commits; MB/s counts the events'
// JSONL size, so the two writers compare.
func benchmarkWriter(b *testing.B, open func(path string) (Writer, error)) {
	rows := make([]Event, 1024)
	var size int64
	for i := range rows {
		rows[i] = eventRow(i)
		line, _ := json.Marshal(rows[i])
		size += int64(len(line)) + 1
	}
	b.SetBytes(size / int64(len(rows)))
	b.ReportAllocs()
	path := filepath.Join(b.TempDir(), "events.out")
	w, err := open(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := w.Write(rows[i%len(rows)]); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.Commit(); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	if fi, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(fi.Size())/float64(b.N), "file-B/row")
	}
}

func BenchmarkJSONLWriter(b *testing.B) {
	benchmarkWriter(b, NewJSONLWriter)
}

func BenchmarkParquetWriter(b *testing.B) {
	for _, opt := range []ParquetOptions{
		{},
		{Compression: "zstd"},
		{Parallel: 2},
	} {
		name := fmt.Sprintf("compression=%s/parallel=%d", orDefault(opt.Compression, "snappy"), max(opt.Parallel, 1))
		b.Run(name, func(b *testing.B) {
			benchmarkWriter(b, func(path string) (Writer, error) { return NewParquetWriter(path, "events", opt) })
		})
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
