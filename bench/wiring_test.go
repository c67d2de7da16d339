package bench

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestWiring checks that Entities and Events list the extractors that
// cmd/communique's newProcessor wires, in the same order, so that the
// benchmarks measure what `communique run` runs.
func TestWiring(t *testing.T) {
	const src = "../cmd/communique/run.go"
	f, err := parser.ParseFile(token.NewFileSet(), src, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Name.Name != "newProcessor" {
			continue
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok {
				return true
			}
			if sel, ok := lit.Type.(*ast.SelectorExpr); ok {
				if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "extractors" {
					want = append(want, "extractors."+sel.Sel.Name)
				}
			}
			return true
		})
	}
	if len(want) == 0 {
		t.Fatalf("no extractors.X{} literals found in newProcessor in %s", src)
	}
	var got []string
	for _, x := range Entities() {
		got = append(got, typeName(x))
	}
	for _, x := range Events() {
		got = append(got, typeName(x))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("bench wiring differs from newProcessor in %s (-cmd +bench):\n%s", src, diff)
	}
}

func typeName(x any) string {
	t := reflect.TypeOf(x)
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return fmt.Sprintf("extractors.%s", t.Name())
}
