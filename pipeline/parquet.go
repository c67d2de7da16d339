package pipeline

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"reflect"
	"time"
	"unicode/utf8"

	"github.com/apache/thrift/lib/go/thrift"
	"github.com/xitongsys/parquet-go/parquet"
	"github.com/xitongsys/parquet-go/writer"
)

// ParquetOptions tunes a Parquet Writer. The zero value is the defaults.
type ParquetOptions struct {
	// RowGroupRows is the number of rows per row group (default 50,000).
	// The writer holds one row group in memory, compressed, before writing
	// it; a row group is also cut early when it reaches 128 MiB.
	RowGroupRows int
	// Parallel is the number of goroutines that encode a batch of rows
	// (parquet-go's np; default 1).
	Parallel int
	// Compression is "snappy" (default), "zstd" or "none". LZ4 and others
	// are refused: not every reader (DuckDB) reads parquet-go's LZ4.
	Compression string
}

// DefaultRowGroupRows is the row group size when ParquetOptions leaves it 0.
const DefaultRowGroupRows = 50_000

const (
	parquetBufSize  = 1 << 20
	parquetPageSize = 64 << 10 // bytes of values per data page, before compression
)

// The Parquet rows. Each mirrors a row type of rows.go field by field and
// in the same order, with the JSON field names as column names.
//
// The tags steer around parquet-go's traps:
//   - strings are BYTE_ARRAY with convertedtype=UTF8 (parquet-go derives
//     the STRING logical type from it); logicaltype=STRING alone reads as
//     BLOB in DuckDB;
//   - a pointer field is an OPTIONAL column and a nil pointer a null;
//   - dates are INT32 DATE, days since 1970-01-01;
//   - participants is a REQUIRED slice, which parquet-go writes as the
//     standard three-level LIST (participants.list.element). An OPTIONAL
//     slice is written with wrong definition levels: a corrupt list.

type pqDocument struct {
	DocID           string  `parquet:"name=doc_id, type=BYTE_ARRAY, convertedtype=UTF8"`
	Source          string  `parquet:"name=source, type=BYTE_ARRAY, convertedtype=UTF8"`
	SHA256          string  `parquet:"name=sha256, type=BYTE_ARRAY, convertedtype=UTF8"`
	Status          string  `parquet:"name=status, type=BYTE_ARRAY, convertedtype=UTF8"`
	Error           *string `parquet:"name=error, type=BYTE_ARRAY, convertedtype=UTF8"`
	Title           *string `parquet:"name=title, type=BYTE_ARRAY, convertedtype=UTF8"`
	Published       *string `parquet:"name=published, type=BYTE_ARRAY, convertedtype=UTF8"`
	PublishedDate   *int32  `parquet:"name=published_date, type=INT32, convertedtype=DATE"`
	Publisher       *string `parquet:"name=publisher, type=BYTE_ARRAY, convertedtype=UTF8"`
	Language        string  `parquet:"name=language, type=BYTE_ARRAY, convertedtype=UTF8"`
	Bytes           int64   `parquet:"name=bytes, type=INT64"`
	GarbledChars    int64   `parquet:"name=garbled_chars, type=INT64"`
	NEvents         int64   `parquet:"name=n_events, type=INT64"`
	Encoding        string  `parquet:"name=encoding, type=BYTE_ARRAY, convertedtype=UTF8"`
	Format          string  `parquet:"name=format, type=BYTE_ARRAY, convertedtype=UTF8"`
	NMentions       int64   `parquet:"name=n_mentions, type=INT64"`
	NRejects        int64   `parquet:"name=n_rejects, type=INT64"`
	SourceURL       *string `parquet:"name=source_url, type=BYTE_ARRAY, convertedtype=UTF8"`
	PublishedSource *string `parquet:"name=published_source, type=BYTE_ARRAY, convertedtype=UTF8"`
}

// pqParticipant has Participant's underlying type, so one converts to the
// other.
type pqParticipant struct {
	Name    *string `parquet:"name=name, type=BYTE_ARRAY, convertedtype=UTF8"`
	Title   *string `parquet:"name=title, type=BYTE_ARRAY, convertedtype=UTF8"`
	Rank    *string `parquet:"name=rank, type=BYTE_ARRAY, convertedtype=UTF8"`
	Org     *string `parquet:"name=org, type=BYTE_ARRAY, convertedtype=UTF8"`
	Country *string `parquet:"name=country, type=BYTE_ARRAY, convertedtype=UTF8"`
}

// pqEvent and pqReject have the same underlying type, so one converts to the
// other: Reason has no tag in pqEvent, which makes it no column of events.
type pqEvent struct {
	EventID            string          `parquet:"name=event_id, type=BYTE_ARRAY, convertedtype=UTF8"`
	DocID              string          `parquet:"name=doc_id, type=BYTE_ARRAY, convertedtype=UTF8"`
	EventType          string          `parquet:"name=event_type, type=BYTE_ARRAY, convertedtype=UTF8"`
	Status             string          `parquet:"name=status, type=BYTE_ARRAY, convertedtype=UTF8"`
	ActorName          *string         `parquet:"name=actor_name, type=BYTE_ARRAY, convertedtype=UTF8"`
	ActorTitle         *string         `parquet:"name=actor_title, type=BYTE_ARRAY, convertedtype=UTF8"`
	ActorRank          *string         `parquet:"name=actor_rank, type=BYTE_ARRAY, convertedtype=UTF8"`
	ActorOrg           *string         `parquet:"name=actor_org, type=BYTE_ARRAY, convertedtype=UTF8"`
	ActorCountry       *string         `parquet:"name=actor_country, type=BYTE_ARRAY, convertedtype=UTF8"`
	CounterpartCountry *string         `parquet:"name=counterpart_country, type=BYTE_ARRAY, convertedtype=UTF8"`
	Participants       []pqParticipant `parquet:"name=participants, type=LIST, repetitiontype=REQUIRED"`
	Country            *string         `parquet:"name=country, type=BYTE_ARRAY, convertedtype=UTF8"`
	Direction          *string         `parquet:"name=direction, type=BYTE_ARRAY, convertedtype=UTF8"`
	Place              *string         `parquet:"name=place, type=BYTE_ARRAY, convertedtype=UTF8"`
	StartDate          *int32          `parquet:"name=start_date, type=INT32, convertedtype=DATE"`
	EndDate            *int32          `parquet:"name=end_date, type=INT32, convertedtype=DATE"`
	DatePrecision      *string         `parquet:"name=date_precision, type=BYTE_ARRAY, convertedtype=UTF8"`
	YearSource         *string         `parquet:"name=year_source, type=BYTE_ARRAY, convertedtype=UTF8"`
	DateText           *string         `parquet:"name=date_text, type=BYTE_ARRAY, convertedtype=UTF8"`
	Name               *string         `parquet:"name=name, type=BYTE_ARRAY, convertedtype=UTF8"`
	RankPosition       *int64          `parquet:"name=rank_position, type=INT64"`
	RankYear           *int64          `parquet:"name=rank_year, type=INT64"`
	EvidenceText       string          `parquet:"name=evidence_text, type=BYTE_ARRAY, convertedtype=UTF8"`
	EvidenceStart      int64           `parquet:"name=evidence_start, type=INT64"`
	EvidenceEnd        int64           `parquet:"name=evidence_end, type=INT64"`
	Confidence         float64         `parquet:"name=confidence, type=DOUBLE"`
	PloverType         *string         `parquet:"name=plover_type, type=BYTE_ARRAY, convertedtype=UTF8"`
	PloverMode         *string         `parquet:"name=plover_mode, type=BYTE_ARRAY, convertedtype=UTF8"`
	Reason             string
}

type pqReject struct {
	EventID            string          `parquet:"name=event_id, type=BYTE_ARRAY, convertedtype=UTF8"`
	DocID              string          `parquet:"name=doc_id, type=BYTE_ARRAY, convertedtype=UTF8"`
	EventType          string          `parquet:"name=event_type, type=BYTE_ARRAY, convertedtype=UTF8"`
	Status             string          `parquet:"name=status, type=BYTE_ARRAY, convertedtype=UTF8"`
	ActorName          *string         `parquet:"name=actor_name, type=BYTE_ARRAY, convertedtype=UTF8"`
	ActorTitle         *string         `parquet:"name=actor_title, type=BYTE_ARRAY, convertedtype=UTF8"`
	ActorRank          *string         `parquet:"name=actor_rank, type=BYTE_ARRAY, convertedtype=UTF8"`
	ActorOrg           *string         `parquet:"name=actor_org, type=BYTE_ARRAY, convertedtype=UTF8"`
	ActorCountry       *string         `parquet:"name=actor_country, type=BYTE_ARRAY, convertedtype=UTF8"`
	CounterpartCountry *string         `parquet:"name=counterpart_country, type=BYTE_ARRAY, convertedtype=UTF8"`
	Participants       []pqParticipant `parquet:"name=participants, type=LIST, repetitiontype=REQUIRED"`
	Country            *string         `parquet:"name=country, type=BYTE_ARRAY, convertedtype=UTF8"`
	Direction          *string         `parquet:"name=direction, type=BYTE_ARRAY, convertedtype=UTF8"`
	Place              *string         `parquet:"name=place, type=BYTE_ARRAY, convertedtype=UTF8"`
	StartDate          *int32          `parquet:"name=start_date, type=INT32, convertedtype=DATE"`
	EndDate            *int32          `parquet:"name=end_date, type=INT32, convertedtype=DATE"`
	DatePrecision      *string         `parquet:"name=date_precision, type=BYTE_ARRAY, convertedtype=UTF8"`
	YearSource         *string         `parquet:"name=year_source, type=BYTE_ARRAY, convertedtype=UTF8"`
	DateText           *string         `parquet:"name=date_text, type=BYTE_ARRAY, convertedtype=UTF8"`
	Name               *string         `parquet:"name=name, type=BYTE_ARRAY, convertedtype=UTF8"`
	RankPosition       *int64          `parquet:"name=rank_position, type=INT64"`
	RankYear           *int64          `parquet:"name=rank_year, type=INT64"`
	EvidenceText       string          `parquet:"name=evidence_text, type=BYTE_ARRAY, convertedtype=UTF8"`
	EvidenceStart      int64           `parquet:"name=evidence_start, type=INT64"`
	EvidenceEnd        int64           `parquet:"name=evidence_end, type=INT64"`
	Confidence         float64         `parquet:"name=confidence, type=DOUBLE"`
	PloverType         *string         `parquet:"name=plover_type, type=BYTE_ARRAY, convertedtype=UTF8"`
	PloverMode         *string         `parquet:"name=plover_mode, type=BYTE_ARRAY, convertedtype=UTF8"`
	Reason             string          `parquet:"name=reason, type=BYTE_ARRAY, convertedtype=UTF8"`
}

type pqMention struct {
	DocID   string  `parquet:"name=doc_id, type=BYTE_ARRAY, convertedtype=UTF8"`
	Kind    string  `parquet:"name=kind, type=BYTE_ARRAY, convertedtype=UTF8"`
	Text    string  `parquet:"name=text, type=BYTE_ARRAY, convertedtype=UTF8"`
	Value   *string `parquet:"name=value, type=BYTE_ARRAY, convertedtype=UTF8"`
	Start   int64   `parquet:"name=start, type=INT64"`
	End     int64   `parquet:"name=end, type=INT64"`
	Title   *string `parquet:"name=title, type=BYTE_ARRAY, convertedtype=UTF8"`
	Rank    *string `parquet:"name=rank, type=BYTE_ARRAY, convertedtype=UTF8"`
	Country *string `parquet:"name=country, type=BYTE_ARRAY, convertedtype=UTF8"`
}

type pqText struct {
	DocID string `parquet:"name=doc_id, type=BYTE_ARRAY, convertedtype=UTF8"`
	Text  string `parquet:"name=text, type=BYTE_ARRAY, convertedtype=UTF8"`
}

// parquetSchema returns the Parquet row of a table, as parquet-go wants it
// for its schema.
func parquetSchema(table string) (any, error) {
	switch table {
	case "documents":
		return new(pqDocument), nil
	case "events":
		return new(pqEvent), nil
	case "mentions":
		return new(pqMention), nil
	case "rejects":
		return new(pqReject), nil
	case TextsTable:
		return new(pqText), nil
	}
	return nil, fmt.Errorf("unknown table %q", table)
}

func parquetCodec(name string) (parquet.CompressionCodec, error) {
	switch name {
	case "", "snappy":
		return parquet.CompressionCodec_SNAPPY, nil
	case "zstd":
		return parquet.CompressionCodec_ZSTD, nil
	case "none":
		return parquet.CompressionCodec_UNCOMPRESSED, nil
	}
	return 0, fmt.Errorf("unsupported parquet compression %q (want snappy, zstd or none)", name)
}

type parquetWriter struct {
	tmp          *tempFile
	bw           *bufio.Writer
	pw           *writer.ParquetWriter
	table        string
	rowGroupRows int
	rows         int // in the row group being built
	nulls        *nullCounter
	groups       int   // row groups whose statistics are settled
	err          error // sticky
}

// NewParquetWriter returns a Writer of a Parquet file of table ("documents",
// "events", "mentions", "rejects" or "texts") to path. Columns have the names of the
// JSON fields and the same values: strings are UTF8 strings (invalid UTF-8
// replaced by U+FFFD, as in JSONL), dates DATE, integers INT64, confidence
// DOUBLE, participants a list of structs, absent values nulls.
func NewParquetWriter(path string, table string, opt ParquetOptions) (Writer, error) {
	return newParquetWriter(osOps, path, table, opt)
}

func newParquetWriter(ops fileOps, path string, table string, opt ParquetOptions) (Writer, error) {
	obj, err := parquetSchema(table)
	if err != nil {
		return nil, fmt.Errorf("parquet %s: %w", path, err)
	}
	codec, err := parquetCodec(opt.Compression)
	if err != nil {
		return nil, fmt.Errorf("parquet %s: %w", path, err)
	}
	if opt.RowGroupRows < 0 || opt.Parallel < 0 {
		return nil, fmt.Errorf("parquet %s: negative option in %+v", path, opt)
	}
	if opt.RowGroupRows == 0 {
		opt.RowGroupRows = DefaultRowGroupRows
	}
	if opt.Parallel == 0 {
		opt.Parallel = 1
	}

	tmp, err := createTemp(ops, path)
	if err != nil {
		return nil, fmt.Errorf("parquet: %w", err)
	}
	bw := bufio.NewWriterSize(tmp.f, parquetBufSize)
	var pw *writer.ParquetWriter
	err = catch(func() (err error) {
		pw, err = writer.NewParquetWriterFromWriter(bw, obj, int64(opt.Parallel))
		return err
	})
	if err != nil {
		tmp.abort()
		return nil, fmt.Errorf("parquet %s: %w", path, err)
	}
	pw.CompressionType = codec
	pw.PageSize = parquetPageSize
	if _, err := rowColumns(pw.SchemaHandler); err == nil {
		pw.MarshalFunc = columnMarshal
	}
	cleanSchema(pw.Footer.Schema)
	return &parquetWriter{
		tmp:          tmp,
		bw:           bw,
		pw:           pw,
		table:        table,
		rowGroupRows: opt.RowGroupRows,
		nulls:        newNullCounter(reflect.TypeOf(obj).Elem()),
	}, nil
}

func (w *parquetWriter) Write(row any) error {
	if w.err != nil {
		return w.err
	}
	if w.tmp.done {
		return fmt.Errorf("parquet %s: %w", w.tmp.path, errDone)
	}
	if t := rowTable(row); t != w.table {
		if t == "" {
			return fmt.Errorf("parquet %s: unsupported row type %T", w.tmp.path, row)
		}
		return fmt.Errorf("parquet %s: %s row in a file of %s", w.tmp.path, t, w.table)
	}

	// A row that cannot be converted is refused before parquet-go sees it,
	// and the file stays valid.
	var obj any
	var err error
	switch r := row.(type) {
	case Document:
		obj, err = toPqDocument(&r)
	case Event:
		obj, err = toPqEvent(&r)
	case Mention:
		obj = toPqMention(&r)
	case Reject:
		var e pqEvent
		if e, err = toPqEvent(&r.Event); err == nil {
			pr := pqReject(e)
			pr.Reason = validUTF8(r.Reason)
			obj = pr
		}
	case Text:
		obj = pqText{DocID: validUTF8(r.DocID), Text: validUTF8(r.Text)}
	}
	if err != nil {
		return fmt.Errorf("parquet %s: %s row: %w", w.tmp.path, w.table, err)
	}

	// parquet-go writes a row group when it reaches pw.RowGroupSize bytes,
	// and here every rowGroupRows rows; settle gives each new row group the
	// null counts of the rows it holds.
	w.nulls.add(reflect.ValueOf(obj))
	w.rows++
	err = catch(func() error {
		if err := w.pw.Write(obj); err != nil {
			return err
		}
		w.settle()
		if w.rows >= w.rowGroupRows {
			if err := w.pw.Flush(true); err != nil {
				return err
			}
			w.settle()
		}
		return nil
	})
	if err != nil {
		w.err = fmt.Errorf("parquet %s: %w", w.tmp.path, err)
		return w.err
	}
	return nil
}

// settle sets the null counts of the row groups written since the last
// call, which hold the rows counted since then.
func (w *parquetWriter) settle() {
	groups := w.pw.Footer.RowGroups
	if len(groups) == w.groups {
		return
	}
	// One row group at a time is all parquet-go writes; if that ever
	// changes, the counts cannot be split and are left unknown.
	if len(groups) == w.groups+1 {
		w.nulls.set(groups[w.groups])
	} else {
		for _, rg := range groups[w.groups:] {
			unknownNulls(rg)
		}
	}
	w.groups = len(groups)
	w.rows = 0
	w.nulls.reset()
}

func (w *parquetWriter) Commit() error {
	if w.err != nil {
		w.tmp.abort()
		return w.err
	}
	if w.tmp.done {
		return fmt.Errorf("parquet %s: %w", w.tmp.path, errDone)
	}
	err := catch(func() error {
		if err := w.pw.Flush(true); err != nil {
			return err
		}
		w.settle()
		return finish(w.pw)
	})
	if err == nil {
		err = w.bw.Flush()
	}
	if err != nil {
		w.err = fmt.Errorf("parquet %s: %w", w.tmp.path, err)
		w.tmp.abort()
		return w.err
	}
	if err := w.tmp.commit(); err != nil {
		w.err = fmt.Errorf("parquet %s: commit: %w", w.tmp.path, err)
		return w.err
	}
	return nil
}

func (w *parquetWriter) Abort() error {
	if err := w.tmp.abort(); err != nil {
		return fmt.Errorf("parquet %s: abort: %w", w.tmp.path, err)
	}
	return nil
}

// catch runs f, turning a panic into an error: parquet-go panics on some
// failures, and a panic in the writer would take the whole run down.
func catch(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			switch x := r.(type) {
			case error:
				err = fmt.Errorf("parquet-go: %w", x)
			default:
				err = fmt.Errorf("parquet-go: %v", x)
			}
		}
	}()
	return f()
}

// cleanSchema removes what parquet-go sets on every column whatever its
// type: field_id 0 (every column the same id), and a zero type_length,
// scale and precision on columns that are not fixed-length or decimal.
func cleanSchema(schema []*parquet.SchemaElement) {
	for _, el := range schema {
		el.FieldID = nil
		if el.Type == nil || *el.Type != parquet.Type_FIXED_LEN_BYTE_ARRAY {
			el.TypeLength = nil
		}
		if el.ConvertedType == nil || *el.ConvertedType != parquet.ConvertedType_DECIMAL {
			el.Scale, el.Precision = nil, nil
		}
	}
}

// finish writes the footer after the last row group. It replaces
// parquet-go's WriteStop, which also writes page indexes (ColumnIndex and
// OffsetIndex) that are wrong in ways readers act on: the OffsetIndex of a
// column inside participants counts values where it must count rows, and its
// pages may start in the middle of a row; a page of nulls gets null_pages
// false with empty min and max. Spark and Trino skip pages by these
// indexes. Without them, readers use the column chunk statistics.
func finish(pw *writer.ParquetWriter) error {
	pw.RenameSchema()
	orderStatistics(pw.Footer)
	ts := thrift.NewTSerializer()
	ts.Protocol = thrift.NewTCompactProtocolFactoryConf(&thrift.TConfiguration{}).GetProtocol(ts.Transport)
	footer, err := ts.Write(context.Background(), pw.Footer)
	if err != nil {
		return fmt.Errorf("encode footer: %w", err)
	}
	tail := binary.LittleEndian.AppendUint32(footer, uint32(len(footer)))
	tail = append(tail, "PAR1"...)
	_, err = pw.PFile.Write(tail)
	return err
}

// orderStatistics declares the order of the min_value and max_value
// statistics: the type's order (bytewise for strings), which is how
// parquet-go computes them. Without column_orders, the order is undefined,
// and a reader may fall back to the deprecated min and max, which
// parquet-go sets to the same values although for byte arrays their order is
// signed; those are dropped for byte arrays so no reader uses them.
func orderStatistics(footer *parquet.FileMetaData) {
	footer.ColumnOrders = nil
	for _, el := range footer.Schema {
		if el.GetNumChildren() == 0 && el.Type != nil {
			footer.ColumnOrders = append(footer.ColumnOrders, &parquet.ColumnOrder{TYPE_ORDER: parquet.NewTypeDefinedOrder()})
		}
	}
	for _, rg := range footer.RowGroups {
		for _, cc := range rg.Columns {
			md := cc.MetaData
			if md != nil && md.Statistics != nil && md.Type == parquet.Type_BYTE_ARRAY {
				md.Statistics.Min, md.Statistics.Max = nil, nil
			}
		}
	}
}

// A nullCounter counts the nulls of each leaf column of a Parquet row type
// over the rows of a row group, to put right the null counts of the column
// chunk statistics: parquet-go does not count a null that is the first
// value of a page, so its counts may be too low, and a reader that skips
// row groups by them (DuckDB on IS NULL) would lose rows. (The statistics
// in the page headers keep parquet-go's counts; the readers that skip data
// do not use them.)
//
// Nulls are counted as Parquet does: a leaf value with a definition level
// below the maximum, so an empty participants list is one null in each
// participant column.
type nullCounter struct {
	plan   []leaf
	counts []int64 // by leaf column, in schema order
}

// A leaf is a field of a Parquet row type: a required or optional column,
// or a list of structs with leaves of their own.
type leaf struct {
	field    int  // index in the struct
	optional bool // a pointer
	elem     []leaf
}

func newNullCounter(t reflect.Type) *nullCounter {
	plan, n := leafPlan(t)
	return &nullCounter{plan: plan, counts: make([]int64, n)}
}

// leafPlan returns the tagged fields of struct type t in order, and the
// number of leaf columns they make, in the order parquet-go derives its
// schema.
func leafPlan(t reflect.Type) ([]leaf, int) {
	var plan []leaf
	n := 0
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Tag.Get("parquet") == "" {
			continue
		}
		l := leaf{field: i, optional: f.Type.Kind() == reflect.Pointer}
		if f.Type.Kind() == reflect.Slice {
			var m int
			l.elem, m = leafPlan(f.Type.Elem())
			n += m
		} else {
			n++
		}
		plan = append(plan, l)
	}
	return plan, n
}

func (c *nullCounter) add(row reflect.Value) { countNulls(c.plan, row, false, c.counts) }

// countNulls adds the nulls of struct v to counts and returns the rest of
// counts. If absent, v is a missing struct and every leaf is null.
func countNulls(plan []leaf, v reflect.Value, absent bool, counts []int64) []int64 {
	for _, l := range plan {
		f := v.Field(l.field)
		if l.elem == nil {
			if absent || l.optional && f.IsNil() {
				counts[0]++
			}
			counts = counts[1:]
			continue
		}
		if absent || f.Len() == 0 {
			counts = countNulls(l.elem, reflect.Zero(f.Type().Elem()), true, counts)
			continue
		}
		var rest []int64
		for j := 0; j < f.Len(); j++ {
			rest = countNulls(l.elem, f.Index(j), false, counts)
		}
		counts = rest
	}
	return counts
}

// set puts the counts in the statistics of row group rg, if its columns are
// the counted ones.
func (c *nullCounter) set(rg *parquet.RowGroup) {
	if len(rg.Columns) != len(c.counts) {
		unknownNulls(rg)
		return
	}
	for i, cc := range rg.Columns {
		if cc.MetaData == nil {
			continue
		}
		if cc.MetaData.Statistics == nil {
			cc.MetaData.Statistics = parquet.NewStatistics()
		}
		n := c.counts[i]
		cc.MetaData.Statistics.NullCount = &n
	}
}

func (c *nullCounter) reset() { clear(c.counts) }

// unknownNulls removes the null counts of row group rg: absent means
// unknown.
func unknownNulls(rg *parquet.RowGroup) {
	for _, cc := range rg.Columns {
		if cc.MetaData != nil && cc.MetaData.Statistics != nil {
			cc.MetaData.Statistics.NullCount = nil
		}
	}
}

func toPqDocument(d *Document) (pqDocument, error) {
	date, err := optDate(d.PublishedDate)
	if err != nil {
		return pqDocument{}, fmt.Errorf("doc %s: published_date: %w", d.DocID, err)
	}
	return pqDocument{
		DocID:           validUTF8(d.DocID),
		Source:          validUTF8(d.Source),
		SHA256:          validUTF8(d.SHA256),
		Status:          validUTF8(d.Status),
		Error:           optString(d.Error),
		Title:           optString(d.Title),
		Published:       optString(d.Published),
		PublishedDate:   date,
		Publisher:       optString(d.Publisher),
		Language:        validUTF8(d.Language),
		Bytes:           d.Bytes,
		GarbledChars:    d.GarbledChars,
		NEvents:         d.NEvents,
		Encoding:        validUTF8(d.Encoding),
		Format:          validUTF8(d.Format),
		NMentions:       d.NMentions,
		NRejects:        d.NRejects,
		SourceURL:       optString(d.SourceURL),
		PublishedSource: optString(d.PublishedSource),
	}, nil
}

func toPqEvent(e *Event) (pqEvent, error) {
	start, err := optDate(e.StartDate)
	if err != nil {
		return pqEvent{}, fmt.Errorf("event %s: start_date: %w", e.EventID, err)
	}
	end, err := optDate(e.EndDate)
	if err != nil {
		return pqEvent{}, fmt.Errorf("event %s: end_date: %w", e.EventID, err)
	}
	if math.IsNaN(e.Confidence) || math.IsInf(e.Confidence, 0) {
		// JSON has no NaN or infinity; refuse it here too.
		return pqEvent{}, fmt.Errorf("event %s: confidence %v", e.EventID, e.Confidence)
	}
	var ps []pqParticipant
	if len(e.Participants) > 0 {
		ps = make([]pqParticipant, len(e.Participants))
		for i, p := range e.Participants {
			ps[i] = pqParticipant{
				Name:    optString(p.Name),
				Title:   optString(p.Title),
				Rank:    optString(p.Rank),
				Org:     optString(p.Org),
				Country: optString(p.Country),
			}
		}
	}
	return pqEvent{
		EventID:            validUTF8(e.EventID),
		DocID:              validUTF8(e.DocID),
		EventType:          validUTF8(e.EventType),
		Status:             validUTF8(e.Status),
		ActorName:          optString(e.ActorName),
		ActorTitle:         optString(e.ActorTitle),
		ActorRank:          optString(e.ActorRank),
		ActorOrg:           optString(e.ActorOrg),
		ActorCountry:       optString(e.ActorCountry),
		CounterpartCountry: optString(e.CounterpartCountry),
		Participants:       ps,
		Country:            optString(e.Country),
		Direction:          optString(e.Direction),
		Place:              optString(e.Place),
		StartDate:          start,
		EndDate:            end,
		DatePrecision:      optString(e.DatePrecision),
		YearSource:         optString(e.YearSource),
		DateText:           optString(e.DateText),
		Name:               optString(e.Name),
		RankPosition:       e.RankPosition,
		RankYear:           e.RankYear,
		EvidenceText:       validUTF8(e.EvidenceText),
		EvidenceStart:      e.EvidenceStart,
		EvidenceEnd:        e.EvidenceEnd,
		Confidence:         e.Confidence,
		PloverType:         optString(e.PloverType),
		PloverMode:         optString(e.PloverMode),
	}, nil
}

func toPqMention(m *Mention) pqMention {
	return pqMention{
		DocID:   validUTF8(m.DocID),
		Kind:    validUTF8(m.Kind),
		Text:    validUTF8(m.Text),
		Value:   optString(m.Value),
		Start:   m.Start,
		End:     m.End,
		Title:   optString(m.Title),
		Rank:    optString(m.Rank),
		Country: optString(m.Country),
	}
}

// optString returns p, or a pointer to a repaired copy if *p is not valid
// UTF-8.
func optString(p *string) *string {
	if p == nil || utf8.ValidString(*p) {
		return p
	}
	s := validUTF8(*p)
	return &s
}

var errDate = errors.New("not a date YYYY-MM-DD")

// optDate converts an ISO date to days since 1970-01-01.
func optDate(p *string) (*int32, error) {
	if p == nil {
		return nil, nil
	}
	t, err := time.Parse(time.DateOnly, *p)
	if err != nil {
		return nil, fmt.Errorf("%q: %w", *p, errDate)
	}
	days := int32(t.Unix() / 86400)
	return &days, nil
}
