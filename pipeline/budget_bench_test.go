package pipeline

import (
	"context"
	"testing"
	"time"
)

// BenchmarkBoundedOverhead measures what the time budget adds to each
// document: a timer and a watch on its context, around a Process that
// does nothing but hash an empty document (it rejects it at once), fed
// to one worker through a channel as Run's are.
func BenchmarkBoundedOverhead(b *testing.B) {
	p := &Processor{}
	for _, budget := range []time.Duration{-1, time.Minute} {
		b.Run(budget.String(), func(b *testing.B) {
			in := make(chan struct{})
			next := func(ctx context.Context) (int, *docTask, bool, error) {
				_, ok := <-in
				return 0, &docTask{docID: "a", source: "a.txt"}, ok, nil
			}
			done := func(context.Context, int, Output, bool) error { return nil }
			ended := make(chan error, 1)
			go func() { ended <- runLanes(context.Background(), newBounded(p, budget, 1), 1, next, done) }()
			for b.Loop() {
				in <- struct{}{}
			}
			close(in)
			if err := <-ended; err != nil {
				b.Fatal(err)
			}
		})
	}
	b.Run("direct", func(b *testing.B) {
		for b.Loop() {
			p.Process("a", "a.txt", nil)
		}
	})
}
