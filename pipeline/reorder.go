package pipeline

import "fmt"

// reorder puts results that workers finish in any order back in the
// order their inputs were handed out. It holds at most as many values as
// are in flight. Not safe for concurrent use: the one writer owns it.
type reorder[T any] struct {
	pending map[int]T
	next    int
}

func newReorder[T any]() *reorder[T] { return &reorder[T]{pending: make(map[int]T)} }

// add stores v, the result of input number seq.
func (r *reorder[T]) add(seq int, v T) { r.pending[seq] = v }

// pop returns the next result in input order, once it has arrived.
func (r *reorder[T]) pop() (T, bool) {
	v, ok := r.pending[r.next]
	if ok {
		delete(r.pending, r.next)
		r.next++
	}
	return v, ok
}

// waiting is how many results are held, waiting for an earlier one.
func (r *reorder[T]) waiting() int { return len(r.pending) }

// complete reports the input ended with every result written: nothing is
// left waiting for a result that never came.
func (r *reorder[T]) complete() error {
	if n := r.waiting(); n > 0 {
		return fmt.Errorf("internal error: %d results out of sequence", n)
	}
	return nil
}
