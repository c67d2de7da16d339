package diff

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCompareDoc(t *testing.T) {
	visit := func(actor, country, start, end string) string {
		return fmt.Sprintf(`{"event_id":"%s%s","doc_id":"d","event_type":"visit","actor_name":%q,"country":%q,"place":null,"start_date":%q,"end_date":%q}`,
			country, start, actor, country, start, end)
	}
	mention := func(text string, start int) string {
		return fmt.Sprintf(`{"doc_id":"d","kind":"country","text":%q,"value":"KOR","start":%d,"end":%d}`, text, start, start+len(text))
	}
	tests := []struct {
		name     string
		table    string
		old, new []string
		want     []string // "change kind label: fields"
		wantErr  string
	}{
		{name: "same", table: "events", old: []string{visit("Lee", "SAU", "2024-03-03", "2024-03-05")},
			new: []string{visit("Lee", "SAU", "2024-03-03", "2024-03-05")}},
		{name: "dates moved: changed, event_id ignored", table: "events",
			old:  []string{visit("Lee", "SAU", "2024-03-03", "2024-03-05")},
			new:  []string{visit("Lee", "SAU", "2024-03-03", "2024-03-06")},
			want: []string{"changed visit Lee, SAU: end_date"}},
		{name: "other country: removed and added", table: "events",
			old:  []string{visit("Lee", "SAU", "2024-03-03", "2024-03-05")},
			new:  []string{visit("Lee", "ARE", "2024-03-03", "2024-03-05")},
			want: []string{"removed visit Lee, SAU: event_type actor_name country start_date end_date", "added visit Lee, ARE: event_type actor_name country start_date end_date"}},
		{name: "same key twice: equal rows pair first", table: "events",
			old:  []string{visit("Lee", "ITA", "2024-03-06", "2024-03-09"), visit("Lee", "ITA", "2024-03-08", "2024-03-08")},
			new:  []string{visit("Lee", "ITA", "2024-03-08", "2024-03-08")},
			want: []string{"removed visit Lee, ITA: event_type actor_name country start_date end_date"}},
		{name: "same key twice: the rest in file order", table: "events",
			old:  []string{visit("Lee", "ITA", "2024-03-06", "2024-03-09"), visit("Lee", "ITA", "2024-03-08", "2024-03-08")},
			new:  []string{visit("Lee", "ITA", "2024-03-06", "2024-03-10"), visit("Lee", "ITA", "2024-03-08", "2024-03-09")},
			want: []string{"changed visit Lee, ITA: end_date", "changed visit Lee, ITA: end_date"}},
		{name: "mention moved", table: "mentions", old: []string{mention("Korea", 10), mention("Korea", 50)},
			new: []string{mention("Korea", 12), mention("Korea", 50)}, want: []string{"changed country Korea: start end"}},
		{name: "a column only one side has", table: "documents",
			old: []string{`{"doc_id":"d","status":"ok"}`}, new: []string{`{"doc_id":"d","status":"ok","direction":null,"x":1}`},
			want: []string{"changed  : x"}},
		{name: "not JSON", table: "events", old: []string{`{"doc_id":"d"`}, new: nil, wantErr: "old run"},
		{name: "not an object", table: "events", old: nil, new: []string{`[1]`}, wantErr: "new run: not a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := func(ss []string) [][]byte {
				var out [][]byte
				for _, s := range ss {
					out = append(out, []byte(s))
				}
				return out
			}
			counts := map[string]*Count{}
			count := func(table, kind string) *Count {
				if counts[kind] == nil {
					counts[kind] = &Count{Table: table, Kind: kind}
				}
				return counts[kind]
			}
			rows, err := compareDoc(tt.table, lines(tt.old), lines(tt.new), count, true)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			var changes int64
			for _, r := range rows {
				var cols []string
				for _, f := range r.Fields {
					if f.Name != "place" { // null on both sides of an added or removed row
						cols = append(cols, f.Name)
					}
				}
				got = append(got, fmt.Sprintf("%s %s %s: %s", r.Change, r.Kind, r.Label, strings.Join(cols, " ")))
			}
			for _, c := range counts {
				changes += c.Changes()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if changes != int64(len(tt.want)) {
				t.Errorf("counted %d changes, want %d", changes, len(tt.want))
			}
		})
	}
}

func TestTopDocs(t *testing.T) {
	top := &topDocs{max: 2}
	for i, n := range []int{1, 5, 3, 5, 2} {
		top.add(DocChanges{DocID: fmt.Sprintf("doc%d", i), N: n})
	}
	var got []string
	for _, d := range top.sorted() {
		got = append(got, fmt.Sprintf("%s:%d", d.DocID, d.N))
	}
	if diff := cmp.Diff([]string{"doc1:5", "doc3:5"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
