package diff

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"communique/pipeline"
)

// Options tunes Runs.
type Options struct {
	// Top is how many of the documents with the most changes the Result
	// lists with their rows (0: none).
	Top int
}

// DefaultTop is the number of documents listed when a command line does
// not say.
const DefaultTop = 10

// Result is what changed between two runs.
type Result struct {
	Old string `json:"old"`
	New string `json:"new"`
	// Docs is the number of documents in either run; DocsChanged those
	// with any row added, removed or changed.
	Docs        int64 `json:"docs"`
	DocsChanged int64 `json:"docs_changed"`
	// Counts has one entry per table and record kind present in either
	// run, in table order (documents, events, mentions, rejects, texts)
	// and kind order.
	Counts []Count `json:"counts"`
	// Skipped names tables that only one run has, which are not compared.
	Skipped []string `json:"skipped,omitempty"`
	// Top lists the documents with the most changes, most first (ties in
	// doc_id order), each with its changed rows.
	Top []DocChanges `json:"top"`
}

// Count is the rows of one table and kind.
type Count struct {
	Table   string `json:"table"`
	Kind    string `json:"kind"`
	Old     int64  `json:"old"`
	New     int64  `json:"new"`
	Added   int64  `json:"added"`
	Removed int64  `json:"removed"`
	Changed int64  `json:"changed"`
}

// Changes is the number of rows added, removed or changed.
func (c Count) Changes() int64 { return c.Added + c.Removed + c.Changed }

// Changes is the number of rows added, removed or changed over all tables.
func (r *Result) Changes() int64 {
	var n int64
	for _, c := range r.Counts {
		n += c.Changes()
	}
	return n
}

// DocChanges is one document's changed rows.
type DocChanges struct {
	DocID string `json:"doc_id"`
	N     int    `json:"changes"`
	Rows  []Row  `json:"rows"`
}

// Row is one row added, removed or changed.
type Row struct {
	Table  string `json:"table"`
	Kind   string `json:"kind"`
	Change string `json:"change"` // added, removed, changed
	// Label is the row's identity: the values of its Key columns.
	Label string `json:"label"`
	// OldID and NewID are the event_id of an event or reject row on each
	// side.
	OldID string `json:"old_event_id,omitempty"`
	NewID string `json:"new_event_id,omitempty"`
	// Fields are, for a changed row, the columns that differ; for an
	// added or removed row, every column that is not null (Old or New
	// null on the other side).
	Fields []Field `json:"fields"`
}

// Field is one column's value on each side, as JSON.
type Field struct {
	Name string          `json:"name"`
	Old  json.RawMessage `json:"old"`
	New  json.RawMessage `json:"new"`
}

// Changes of a Row.
const (
	Added   = "added"
	Removed = "removed"
	Changed = "changed"
)

// compared are the tables Runs compares, in order.
var compared = append(slices.Clone(pipeline.Tables), pipeline.TextsTable)

// Runs compares the output of two runs, the folders oldDir and newDir
// (each OUT/T.jsonl, OUT/T/part-*.jsonl, or both). Both must hold a
// documents table; a table only one of them has (texts, say) is listed in
// Skipped.
func Runs(ctx context.Context, oldDir, newDir string, opt Options) (*Result, error) {
	res := &Result{Old: oldDir, New: newDir}
	old, err := pipeline.OpenRun(oldDir, compared)
	if err != nil {
		return nil, fmt.Errorf("diff: old run: %w", err)
	}
	defer old.Close()
	neu, err := pipeline.OpenRun(newDir, compared)
	if err != nil {
		return nil, fmt.Errorf("diff: new run: %w", err)
	}
	defer neu.Close()
	both := make([]bool, len(compared))
	for i, table := range compared {
		hasOld, hasNew := len(old.Files(i)) > 0, len(neu.Files(i)) > 0
		both[i] = hasOld && hasNew
		switch {
		case table == "documents" && !both[i]:
			dir := oldDir
			if hasOld {
				dir = newDir
			}
			return nil, fmt.Errorf("diff: %s has no documents.jsonl nor documents/part-*.jsonl: not the output of communique run, or a run without JSONL (diff reads JSONL; see docs/diff.md)", dir)
		case hasOld && !hasNew:
			res.Skipped = append(res.Skipped, table+" (only in the old run)")
		case hasNew && !hasOld:
			res.Skipped = append(res.Skipped, table+" (only in the new run)")
		}
	}

	counts := map[[2]string]*Count{}
	count := func(table, kind string) *Count {
		c := counts[[2]string{table, kind}]
		if c == nil {
			c = &Count{Table: table, Kind: kind}
			counts[[2]string{table, kind}] = c
		}
		return c
	}
	top := &topDocs{max: opt.Top}
	for n := 0; ; n++ {
		if n%1024 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		oldID, okOld := old.Peek()
		newID, okNew := neu.Peek()
		if !okOld && !okNew {
			break
		}
		doc := oldID
		if !okOld || okNew && newID < oldID {
			doc = newID
		}
		var oldRows, newRows [][][]byte
		if okOld && oldID == doc {
			if _, oldRows, err = old.Next(); err != nil {
				return nil, fmt.Errorf("diff: old run: %w", err)
			}
		}
		if okNew && newID == doc {
			if _, newRows, err = neu.Next(); err != nil {
				return nil, fmt.Errorf("diff: new run: %w", err)
			}
		}
		res.Docs++
		var changes []Row
		for i, table := range compared {
			if !both[i] {
				continue
			}
			var o, nw [][]byte
			if oldRows != nil {
				o = oldRows[i]
			}
			if newRows != nil {
				nw = newRows[i]
			}
			rows, err := compareDoc(table, o, nw, count, opt.Top > 0)
			if err != nil {
				return nil, fmt.Errorf("diff: %s of document %q: %w", table, doc, err)
			}
			changes = append(changes, rows...)
		}
		if len(changes) > 0 {
			res.DocsChanged++
			top.add(DocChanges{DocID: doc, N: len(changes), Rows: changes})
		}
	}

	for _, c := range counts {
		res.Counts = append(res.Counts, *c)
	}
	order := map[string]int{}
	for i, t := range compared {
		order[t] = i
	}
	slices.SortFunc(res.Counts, func(a, b Count) int {
		if a.Table != b.Table {
			return order[a.Table] - order[b.Table]
		}
		return strings.Compare(a.Kind, b.Kind)
	})
	res.Top = top.sorted()
	return res, nil
}

// compareDoc compares one document's rows of one table, adds them to the
// counts, and returns the rows added, removed and changed (their Fields
// only when detail is set: the document may be kept for the report).
func compareDoc(table string, oldLines, newLines [][]byte, count func(table, kind string) *Count, detail bool) ([]Row, error) {
	kindCol := kindColumn(table)
	kindOf := func(line []byte) string {
		if kindCol == "" {
			return ""
		}
		k, _ := pipeline.JSONString(line, kindCol)
		return k
	}
	for _, l := range oldLines {
		count(table, kindOf(l)).Old++
	}
	for _, l := range newLines {
		count(table, kindOf(l)).New++
	}
	if slices.EqualFunc(oldLines, newLines, bytes.Equal) {
		return nil, nil
	}

	decode := func(lines [][]byte) ([]*row, error) {
		rows := make([]*row, len(lines))
		for i, l := range lines {
			r, err := decodeRow(table, l)
			if err != nil {
				return nil, err
			}
			rows[i] = r
		}
		return rows, nil
	}
	or, err := decode(oldLines)
	if err != nil {
		return nil, fmt.Errorf("old run: %w", err)
	}
	nr, err := decode(newLines)
	if err != nil {
		return nil, fmt.Errorf("new run: %w", err)
	}

	// Group by key, keys in order of first appearance (old, then new).
	var keys []string
	groups := map[string]*[2][]*row{}
	add := func(side int, r *row) {
		g := groups[r.key]
		if g == nil {
			g = new([2][]*row)
			groups[r.key] = g
			keys = append(keys, r.key)
		}
		g[side] = append(g[side], r)
	}
	for _, r := range or {
		add(0, r)
	}
	for _, r := range nr {
		add(1, r)
	}

	var out []Row
	for _, k := range keys {
		g := groups[k]
		olds, news := g[0], g[1]
		// Equal rows pair first, then the rest in file order.
		used := make([]bool, len(news))
		var restOld []*row
		for _, o := range olds {
			j := -1
			for k, n := range news {
				if !used[k] && sameContent(o, n) {
					j = k
					break
				}
			}
			if j >= 0 {
				used[j] = true
				continue
			}
			restOld = append(restOld, o)
		}
		var restNew []*row
		for j, n := range news {
			if !used[j] {
				restNew = append(restNew, n)
			}
		}
		for i := 0; i < max(len(restOld), len(restNew)); i++ {
			switch {
			case i < len(restOld) && i < len(restNew):
				o, n := restOld[i], restNew[i]
				count(table, o.kind).Changed++
				r := Row{Table: table, Kind: o.kind, Change: Changed, Label: o.label(table)}
				if detail {
					r.OldID, r.NewID = eventID(o), eventID(n)
					r.Fields = changedFields(o, n)
				}
				out = append(out, r)
			case i < len(restOld):
				o := restOld[i]
				count(table, o.kind).Removed++
				r := Row{Table: table, Kind: o.kind, Change: Removed, Label: o.label(table)}
				if detail {
					r.OldID = eventID(o)
					r.Fields = changedFields(o, &row{})
				}
				out = append(out, r)
			default:
				n := restNew[i]
				count(table, n.kind).Added++
				r := Row{Table: table, Kind: n.kind, Change: Added, Label: n.label(table)}
				if detail {
					r.NewID = eventID(n)
					r.Fields = changedFields(&row{}, n)
				}
				out = append(out, r)
			}
		}
	}
	return out, nil
}

func eventID(r *row) string {
	var s string
	json.Unmarshal(r.get("event_id"), &s)
	return s
}

// topDocs keeps the max documents with the most changes, in order: most
// changes first, ties by doc_id.
type topDocs struct {
	max  int
	docs []DocChanges
}

func byChanges(a, b DocChanges) int {
	if a.N != b.N {
		return b.N - a.N
	}
	return strings.Compare(a.DocID, b.DocID)
}

func (t *topDocs) add(d DocChanges) {
	i, _ := slices.BinarySearchFunc(t.docs, d, byChanges)
	if i >= t.max {
		return
	}
	t.docs = slices.Insert(t.docs, i, d)
	if len(t.docs) > t.max {
		t.docs = t.docs[:t.max]
	}
}

// sorted returns the documents kept, most changes first.
func (t *topDocs) sorted() []DocChanges {
	if t.docs == nil {
		return []DocChanges{}
	}
	return t.docs
}
