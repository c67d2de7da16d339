package pipeline

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xitongsys/parquet-go/marshal"
)

// marshalRows returns n rows of a flat table with nulls, empty strings,
// non-ASCII text and extreme integers in varying places.
func marshalRows(t *testing.T, table string, n int) []any {
	r := rand.New(rand.NewPCG(1, uint64(len(table))))
	maybe := func(s string) *string {
		if r.IntN(3) == 0 {
			return nil
		}
		return &s
	}
	texts := []string{"", "Korea", "São Tomé and Príncipe", "Lee Sang-\nmin", "第一", "a\x00b"}
	text := func() string { return texts[r.IntN(len(texts))] }
	var rows []any
	for i := range n {
		switch table {
		case "documents":
			d := Document{DocID: fmt.Sprint("doc-", i), Source: text(), SHA256: "ab", Status: "ok",
				Error: maybe(text()), Title: maybe(text()), Published: maybe("2024-03-12T10:00:00"),
				Publisher: maybe(text()), Language: "en", Bytes: int64(r.Uint64() >> 1), GarbledChars: -1,
				NEvents: int64(i), Encoding: "utf-8", Format: "text", NMentions: int64(r.IntN(5))}
			if r.IntN(2) == 0 {
				d.PublishedDate = sp("2024-03-12")
			}
			row, err := toPqDocument(&d)
			if err != nil {
				t.Fatal(err)
			}
			rows = append(rows, row)
		case "mentions":
			m := Mention{DocID: fmt.Sprint("doc-", i/7), Kind: "person", Text: text(), Value: maybe(text()),
				Start: int64(i), End: int64(i + 3), Title: maybe(text()), Rank: maybe("minister"), Country: maybe("KOR")}
			rows = append(rows, toPqMention(&m))
		case "events", "rejects":
			e := Event{EventID: fmt.Sprint("ev-", i), DocID: fmt.Sprint("doc-", i/3), EventType: "meeting",
				Status: "occurred", ActorName: maybe(text()), ActorCountry: maybe("KOR"), Country: maybe("ITA"),
				DatePrecision: maybe("day"), Name: maybe(text()), EvidenceText: text(), EvidenceStart: int64(i),
				EvidenceEnd: int64(i + 10), Confidence: r.Float64()}
			if r.IntN(2) == 0 {
				e.StartDate, e.EndDate = sp("2024-03-05"), sp("2024-03-09")
			}
			if r.IntN(4) == 0 {
				e.RankPosition, e.RankYear = ip(int64(r.IntN(200))), ip(2022)
			}
			for range r.IntN(4) { // 0 to 3 participants, with nulls
				e.Participants = append(e.Participants, Participant{Name: maybe(text()), Title: maybe(text()),
					Rank: maybe("minister"), Org: maybe(text()), Country: maybe("ITA")})
			}
			pe, err := toPqEvent(&e)
			if err != nil {
				t.Fatal(err)
			}
			if table == "events" {
				rows = append(rows, pe)
			} else {
				pr := pqReject(pe)
				pr.Reason = text()
				rows = append(rows, pr)
			}
		}
	}
	return rows
}

// TestColumnMarshalMatchesParquetGo checks that columnMarshal builds the very
// columns parquet-go's own marshal.Marshal builds from the same rows, and
// that the files written both ways are the same bytes.
func TestColumnMarshalMatchesParquetGo(t *testing.T) {
	for _, table := range []string{"documents", "mentions", "events", "rejects"} {
		t.Run(table, func(t *testing.T) {
			rows := marshalRows(t, table, 3000)
			dir := t.TempDir()
			files := map[string][]byte{}
			for _, name := range []string{"flat", "parquet-go"} {
				path := filepath.Join(dir, name+".parquet")
				w, err := NewParquetWriter(path, table, ParquetOptions{RowGroupRows: 1000})
				if err != nil {
					t.Fatal(err)
				}
				pw := w.(*parquetWriter).pw
				if reflect.ValueOf(pw.MarshalFunc).Pointer() != reflect.ValueOf(columnMarshal).Pointer() {
					t.Fatalf("the %s writer does not use columnMarshal", table)
				}
				if name == "parquet-go" {
					pw.MarshalFunc = marshal.Marshal
					want, err := marshal.Marshal(rows, pw.SchemaHandler)
					if err != nil {
						t.Fatal(err)
					}
					got, err := columnMarshal(rows, pw.SchemaHandler)
					if err != nil {
						t.Fatal(err)
					}
					if len(*got) != len(*want) {
						t.Fatalf("columnMarshal: %d columns, marshal.Marshal %d", len(*got), len(*want))
					}
					for path, wt := range *want {
						if gt := (*got)[path]; !reflect.DeepEqual(gt, wt) {
							t.Errorf("column %s differs from marshal.Marshal's", path)
						}
					}
				}
				for _, row := range rows {
					var err error
					if err = w.(*parquetWriter).pw.Write(row); err != nil {
						t.Fatal(err)
					}
				}
				if err := w.Commit(); err != nil {
					t.Fatal(err)
				}
				if files[name], err = os.ReadFile(path); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(files["flat"], files["parquet-go"]) {
				t.Errorf("the files differ: %d and %d bytes", len(files["flat"]), len(files["parquet-go"]))
			}
		})
	}
}

func TestColumnMarshalRefuses(t *testing.T) {
	w, err := NewParquetWriter(filepath.Join(t.TempDir(), "events.parquet"), "events", ParquetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Abort()
	sh := w.(*parquetWriter).pw.SchemaHandler
	type short struct{ EventID string } // no DocID, ... fields
	type list struct {
		EventID      string
		DocID        []string // a list where a leaf is
		Participants []pqParticipant
	}
	for _, row := range []any{short{"e"}, list{EventID: "e"}, "a string", pqMention{}} {
		if _, err := columnMarshal([]any{row}, sh); err == nil {
			t.Errorf("columnMarshal took a row %T for events", row)
		}
	}
}
