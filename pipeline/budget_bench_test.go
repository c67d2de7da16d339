package pipeline

import (
	"context"
	"testing"
	"time"
)

// BenchmarkBoundedOverhead measures what the time budget adds to each
// document: a goroutine, a timer and a channel around a Process that
// does nothing but hash an empty document (it rejects it at once).
func BenchmarkBoundedOverhead(b *testing.B) {
	p := &Processor{}
	for _, budget := range []time.Duration{-1, time.Minute} {
		bp := newBounded(p, budget, 2)
		b.Run(budget.String(), func(b *testing.B) {
			for b.Loop() {
				if _, err := bp.process(context.Background(), "a", "a.txt", nil, Given{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("direct", func(b *testing.B) {
		for b.Loop() {
			p.Process("a", "a.txt", nil)
		}
	})
}
