package pipeline

import (
	"fmt"
	"reflect"

	"github.com/xitongsys/parquet-go/common"
	"github.com/xitongsys/parquet-go/layout"
	"github.com/xitongsys/parquet-go/schema"
)

// flatMarshal is a parquet-go MarshalFunc for rows that are flat structs:
// every field a leaf column, a pointer an OPTIONAL column and nil a null,
// no lists. It fills each column straight from its struct field, where
// parquet-go's marshal.Marshal walks every row as a tree of reflected
// nodes; the columns it returns are the same, value for value and level
// for level (TestFlatMarshalMatchesParquetGo).
func flatMarshal(src []any, sh *schema.SchemaHandler) (*map[string]*layout.Table, error) {
	cols, err := flatColumns(sh)
	if err != nil {
		return nil, err
	}
	res := make(map[string]*layout.Table, len(cols))
	for _, c := range cols {
		t := c.table
		t.Values = make([]any, 0, len(src))
		t.DefinitionLevels = make([]int32, 0, len(src))
		t.RepetitionLevels = make([]int32, len(src)) // all 0: no lists
		res[c.path] = t
	}
	var typ reflect.Type
	for _, row := range src {
		v := reflect.ValueOf(row)
		if v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		if v.Type() != typ {
			if err := checkFlatRow(v.Type(), cols); err != nil {
				return nil, err
			}
			typ = v.Type()
		}
		for _, c := range cols {
			t := c.table
			f := v.Field(c.field)
			if f.Kind() != reflect.Pointer {
				t.Values = append(t.Values, f.Interface())
				t.DefinitionLevels = append(t.DefinitionLevels, 0)
				continue
			}
			if f.IsNil() {
				t.Values = append(t.Values, nil)
				t.DefinitionLevels = append(t.DefinitionLevels, 0)
				continue
			}
			t.Values = append(t.Values, f.Elem().Interface())
			t.DefinitionLevels = append(t.DefinitionLevels, 1)
		}
	}
	return &res, nil
}

// checkFlatRow reports whether typ's fields are cols, one for one and in
// order.
func checkFlatRow(typ reflect.Type, cols []flatColumn) error {
	if typ.Kind() != reflect.Struct || typ.NumField() != len(cols) {
		return fmt.Errorf("flatMarshal: row of type %s for %d columns", typ, len(cols))
	}
	for _, c := range cols {
		if f := typ.Field(c.field); f.Name != c.table.Info.InName {
			return fmt.Errorf("flatMarshal: field %s of %s for column %s", f.Name, typ, c.table.Info.InName)
		}
	}
	return nil
}

// flatColumn is a leaf column of a flat schema and the struct field that
// fills it.
type flatColumn struct {
	path  string
	field int
	table *layout.Table // with its schema facts; values still empty
}

// flatColumns returns the leaf columns of a flat schema in schema order,
// which is the order of the struct's fields.
func flatColumns(sh *schema.SchemaHandler) ([]flatColumn, error) {
	var cols []flatColumn
	for i, se := range sh.SchemaElements {
		if i == 0 {
			continue // the root
		}
		if se.GetNumChildren() != 0 {
			return nil, fmt.Errorf("flatMarshal: column %s is not a leaf", se.GetName())
		}
		path := sh.IndexMap[int32(i)]
		t := layout.NewEmptyTable()
		t.Path = common.StrToPath(path)
		t.MaxDefinitionLevel, _ = sh.MaxDefinitionLevel(t.Path)
		t.MaxRepetitionLevel, _ = sh.MaxRepetitionLevel(t.Path)
		t.RepetitionType = se.GetRepetitionType()
		t.Schema = sh.SchemaElements[sh.MapIndex[path]]
		t.Info = sh.Infos[i]
		if t.MaxRepetitionLevel != 0 || t.MaxDefinitionLevel > 1 {
			return nil, fmt.Errorf("flatMarshal: column %s is nested", se.GetName())
		}
		cols = append(cols, flatColumn{path: path, field: len(cols), table: t})
	}
	return cols, nil
}
