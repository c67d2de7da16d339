package normalize

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestOffsetMap checks Raw, Span and composition on hand-made stages.
func TestOffsetMap(t *testing.T) {
	// raw "xxABCyyDEF" -> decoded "ABCyyDEF" (copy from 2)
	m := identityMap(8, 2)
	// stage 1: "ABC" copied, "yy" rewritten to "-", "DEF" copied: "ABC-DEF"
	b := newBuilder(8)
	b.copy("ABCyyDEF", 0, 3)
	b.put("-", 3)
	b.consumed(5)
	b.copy("ABCyyDEF", 5, 8)
	m = m.then(b.stage())
	// stage 2: drop "A", copy the rest: "BC-DEF"
	b = newBuilder(8)
	b.consumed(1)
	b.copy("ABC-DEF", 1, 7)
	m = m.then(b.stage())
	var got []int
	for i := -1; i <= 7; i++ {
		got = append(got, m.Raw(i))
	}
	// text:      B  C  -  D  E  F  end
	want := []int{3, 3, 4, 5, 7, 8, 9, 10, 10}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Raw(-1..7) (-want +got):\n%s", diff)
	}
	spans := [][2]int{}
	for _, sp := range [][2]int{{0, 2}, {2, 3}, {3, 6}, {1, 1}} {
		a, z := m.Span(sp[0], sp[1])
		spans = append(spans, [2]int{a, z})
	}
	if diff := cmp.Diff([][2]int{{3, 5}, {5, 7}, {7, 10}, {4, 4}}, spans); diff != "" {
		t.Errorf("Span (-want +got):\n%s", diff)
	}
	if m.Segments() > 4 {
		t.Errorf("Segments() = %d, want at most 4", m.Segments())
	}
	var zero OffsetMap
	if zero.Raw(5) != 0 {
		t.Errorf("zero map Raw(5) = %d", zero.Raw(5))
	}
}
