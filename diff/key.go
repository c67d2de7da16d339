package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// A field is one column of a decoded row: its name and its value as
// compact JSON.
type field struct {
	name string
	val  []byte
}

// A row is a decoded row and where it came from.
type row struct {
	kind   string
	key    string // kind and identity values, as Key returns them
	fields []field
	line   []byte
}

// get returns the compact JSON value of column name, nil if absent.
func (r *row) get(name string) []byte {
	for _, f := range r.fields {
		if f.name == name {
			return f.val
		}
	}
	return nil
}

// identity lists, for each record kind of the events and rejects tables,
// the columns that say which record a row is; the other columns are what
// may change about it. Kinds not listed use identityDefault.
var identity = map[string][]string{
	"visit":     {"actor_name", "country", "place"},
	"meeting":   {"actor_name", "counterpart_country", "participants"},
	"agreement": {"counterpart_country", "name"},
	"gathering": {"name"},
	"ranking":   {"country", "name", "rank_year"},
}

var identityDefault = []string{"actor_name", "country", "counterpart_country", "place", "name"}

// kindColumn names the column that holds a table's record kind.
func kindColumn(table string) string {
	switch table {
	case "events", "rejects":
		return "event_type"
	case "mentions":
		return "kind"
	}
	return ""
}

// Key returns the columns that identify a row of table with the given
// kind, beside its doc_id: for events and rejects the identity columns of
// the event type (participants by their names), for mentions the text,
// for documents and texts none (one row per document).
func Key(table, kind string) []string {
	switch table {
	case "events", "rejects":
		if cols, ok := identity[kind]; ok {
			return cols
		}
		return identityDefault
	case "mentions":
		return []string{"text"}
	}
	return nil
}

// ignored are columns left out of the comparison and of the rows shown:
// event_id is a digest of the event's fields, so it changes whenever they
// do (Row has it apart), and doc_id is the document's.
func ignored(name string) bool { return name == "event_id" || name == "doc_id" }

// decodeRow decodes one JSON object into its fields, in order.
func decodeRow(table string, line []byte) (*row, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("not a JSON object")
	}
	r := &row{line: line}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		name, _ := t.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, fmt.Errorf("column %s: %w", name, err)
		}
		var b bytes.Buffer
		if err := json.Compact(&b, raw); err != nil {
			return nil, fmt.Errorf("column %s: %w", name, err)
		}
		r.fields = append(r.fields, field{name: name, val: b.Bytes()})
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('}') {
		return nil, fmt.Errorf("not a JSON object")
	}
	if col := kindColumn(table); col != "" {
		json.Unmarshal(r.get(col), &r.kind)
	}
	var k strings.Builder
	k.WriteString(r.kind)
	for _, col := range Key(table, r.kind) {
		k.WriteByte(0)
		k.WriteString(identityValue(col, r.get(col)))
	}
	r.key = k.String()
	return r, nil
}

// identityValue is the value of an identity column as text: strings
// unquoted, participants as their sorted names, null as "".
func identityValue(col string, val []byte) string {
	if col == "participants" {
		var ps []struct {
			Name *string `json:"name"`
		}
		json.Unmarshal(val, &ps)
		var names []string
		for _, p := range ps {
			if p.Name != nil {
				names = append(names, *p.Name)
			}
		}
		slices.Sort(names)
		return strings.Join(names, "; ")
	}
	if val == nil || string(val) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(val, &s) == nil {
		return s
	}
	return string(val)
}

// label describes a row's identity for people: its key values, the empty
// ones left out.
func (r *row) label(table string) string {
	var parts []string
	for _, col := range Key(table, r.kind) {
		if v := identityValue(col, r.get(col)); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, ", ")
}

// sameContent reports whether two rows agree on every column compared.
func sameContent(a, b *row) bool {
	for _, f := range a.fields {
		if !ignored(f.name) && !equalJSON(f.val, b.get(f.name)) {
			return false
		}
	}
	for _, f := range b.fields {
		if !ignored(f.name) && a.get(f.name) == nil && !equalJSON(nil, f.val) {
			return false
		}
	}
	return true
}

// changedFields lists the columns whose values differ between old and new
// (a column one row lacks counts as null), in old's column order then
// new's.
func changedFields(old, new *row) []Field {
	var out []Field
	seen := make(map[string]bool, len(old.fields))
	for _, f := range old.fields {
		seen[f.name] = true
		if ignored(f.name) {
			continue
		}
		nv := new.get(f.name)
		if !equalJSON(f.val, nv) {
			out = append(out, Field{Name: f.name, Old: raw(f.val), New: raw(nv)})
		}
	}
	for _, f := range new.fields {
		if !seen[f.name] && !ignored(f.name) && !equalJSON(nil, f.val) {
			out = append(out, Field{Name: f.name, Old: raw(nil), New: raw(f.val)})
		}
	}
	return out
}

// equalJSON compares two compact values, an absent one (nil) as null.
func equalJSON(a, b []byte) bool {
	if a == nil {
		a = nullJSON
	}
	if b == nil {
		b = nullJSON
	}
	return bytes.Equal(a, b)
}

var nullJSON = []byte("null")

func raw(v []byte) json.RawMessage {
	if v == nil {
		return json.RawMessage(nullJSON)
	}
	return json.RawMessage(slices.Clone(v))
}
