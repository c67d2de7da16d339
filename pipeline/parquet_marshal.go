package pipeline

import (
	"fmt"
	"reflect"

	"github.com/xitongsys/parquet-go/common"
	"github.com/xitongsys/parquet-go/layout"
	"github.com/xitongsys/parquet-go/parquet"
	"github.com/xitongsys/parquet-go/schema"
)

// columnMarshal is a parquet-go MarshalFunc for the rows of this package:
// structs whose fields are leaf columns (a pointer an OPTIONAL column, nil
// a null) or a REQUIRED list of such structs (participants). It fills
// each column straight from its struct field, where parquet-go's
// marshal.Marshal walks every row as a tree of reflected nodes. The
// columns it returns are marshal.Marshal's, value for value and level for
// level (TestColumnMarshalMatchesParquetGo); a schema of another shape is
// refused by rowColumns, and its writer keeps marshal.Marshal.
func columnMarshal(src []any, sh *schema.SchemaHandler) (*map[string]*layout.Table, error) {
	cols, err := rowColumns(sh)
	if err != nil {
		return nil, err
	}
	res := make(map[string]*layout.Table, len(cols))
	for i := range cols {
		t := cols[i].table
		t.Values = make([]any, 0, len(src))
		t.DefinitionLevels = make([]int32, 0, len(src))
		t.RepetitionLevels = make([]int32, 0, len(src))
		res[cols[i].path] = t
	}
	var typ reflect.Type
	for _, row := range src {
		v := reflect.ValueOf(row)
		if v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		if v.Type() != typ {
			if err := bindColumns(v.Type(), cols); err != nil {
				return nil, err
			}
			typ = v.Type()
		}
		for i := range cols {
			c := &cols[i]
			f := v.Field(c.field)
			if c.elem < 0 {
				c.add(f, 0, 0)
				continue
			}
			// A list: an empty one is one null at level 0; element j is
			// one level deeper, and repeats the list from the second on.
			if f.Len() == 0 {
				c.table.Values = append(c.table.Values, nil)
				c.table.DefinitionLevels = append(c.table.DefinitionLevels, 0)
				c.table.RepetitionLevels = append(c.table.RepetitionLevels, 0)
				continue
			}
			for j := range f.Len() {
				rl := int32(0)
				if j > 0 {
					rl = c.table.MaxRepetitionLevel
				}
				c.add(f.Index(j).Field(c.elem), 1, rl)
			}
		}
	}
	return &res, nil
}

// rowColumn is a leaf column and the struct field that fills it.
type rowColumn struct {
	path  string
	names []string // Go field names: [Field] or [List, ElementField]
	field int      // index of names[0] in the row struct
	elem  int      // index of names[1] in the list's element, or -1
	table *layout.Table
}

// add appends field value f at definition level dl (dl+1 when a pointer
// is set) and repetition level rl.
func (c *rowColumn) add(f reflect.Value, dl, rl int32) {
	t := c.table
	switch {
	case f.Kind() != reflect.Pointer:
		t.Values = append(t.Values, f.Interface())
	case f.IsNil():
		t.Values = append(t.Values, nil)
	default:
		t.Values = append(t.Values, f.Elem().Interface())
		dl++
	}
	t.DefinitionLevels = append(t.DefinitionLevels, dl)
	t.RepetitionLevels = append(t.RepetitionLevels, rl)
}

// rowColumns returns the leaf columns of a schema columnMarshal can fill,
// in schema order, with empty tables carrying their schema facts.
func rowColumns(sh *schema.SchemaHandler) ([]rowColumn, error) {
	var cols []rowColumn
	for i, se := range sh.SchemaElements {
		if se.GetNumChildren() != 0 {
			continue
		}
		path := sh.IndexMap[int32(i)]
		names := common.StrToPath(path)[1:] // without the root
		c := rowColumn{path: path, elem: -1, table: layout.NewEmptyTable()}
		switch {
		case len(names) == 1:
			c.names = names
		case len(names) == 4 && names[1] == "List" && names[2] == "Element":
			// A three-level list: REQUIRED list field, REPEATED list,
			// REQUIRED element; anything else has other levels.
			root := common.StrToPath(path)[0]
			for k, want := range []parquet.FieldRepetitionType{
				parquet.FieldRepetitionType_REQUIRED, parquet.FieldRepetitionType_REPEATED, parquet.FieldRepetitionType_REQUIRED,
			} {
				p := common.PathToStr(append([]string{root}, names[:k+1]...))
				idx, ok := sh.MapIndex[p]
				if !ok || sh.SchemaElements[idx].GetRepetitionType() != want {
					return nil, fmt.Errorf("columnMarshal: column %s is not in a required three-level list", path)
				}
			}
			c.names = []string{names[0], names[3]}
		default:
			return nil, fmt.Errorf("columnMarshal: column %s is nested %d deep", path, len(names))
		}
		t := c.table
		t.Path = common.StrToPath(path)
		t.MaxDefinitionLevel, _ = sh.MaxDefinitionLevel(t.Path)
		t.MaxRepetitionLevel, _ = sh.MaxRepetitionLevel(t.Path)
		t.RepetitionType = se.GetRepetitionType()
		t.Schema = sh.SchemaElements[sh.MapIndex[path]]
		t.Info = sh.Infos[i]
		cols = append(cols, c)
	}
	return cols, nil
}

// bindColumns finds the struct fields of row type typ that fill cols.
func bindColumns(typ reflect.Type, cols []rowColumn) error {
	if typ.Kind() != reflect.Struct {
		return fmt.Errorf("columnMarshal: row of type %s", typ)
	}
	for i := range cols {
		c := &cols[i]
		f, ok := typ.FieldByName(c.names[0])
		if !ok || len(f.Index) != 1 {
			return fmt.Errorf("columnMarshal: %s has no field %s", typ, c.names[0])
		}
		c.field = f.Index[0]
		if len(c.names) == 1 {
			if f.Type.Kind() == reflect.Slice {
				return fmt.Errorf("columnMarshal: field %s of %s is a list", c.names[0], typ)
			}
			continue
		}
		if f.Type.Kind() != reflect.Slice || f.Type.Elem().Kind() != reflect.Struct {
			return fmt.Errorf("columnMarshal: field %s of %s is not a list of structs", c.names[0], typ)
		}
		e, ok := f.Type.Elem().FieldByName(c.names[1])
		if !ok || len(e.Index) != 1 || e.Type.Kind() == reflect.Slice {
			return fmt.Errorf("columnMarshal: %s has no leaf field %s", f.Type.Elem(), c.names[1])
		}
		c.elem = e.Index[0]
	}
	return nil
}
