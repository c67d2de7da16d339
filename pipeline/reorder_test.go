package pipeline

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestReorder(t *testing.T) {
	r := newReorder[string]()
	var got []string
	for _, in := range []struct {
		seq int
		v   string
	}{{2, "c"}, {0, "a"}, {3, "d"}, {1, "b"}} {
		r.add(in.seq, in.v)
		for {
			v, ok := r.pop()
			if !ok {
				break
			}
			got = append(got, v)
		}
	}
	if diff := cmp.Diff([]string{"a", "b", "c", "d"}, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if r.waiting() != 0 {
		t.Errorf("%d results still waiting", r.waiting())
	}
	r.add(5, "f")
	if _, ok := r.pop(); ok || r.waiting() != 1 {
		t.Errorf("a result out of sequence was handed out")
	}
}
