package eval

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPRF(t *testing.T) {
	tests := []struct {
		c       PRF
		p, r, f float64
	}{
		{PRF{}, 1, 1, 1},
		{PRF{TP: 3, FP: 1, FN: 1}, 0.75, 0.75, 0.75},
		{PRF{FP: 2}, 0, 1, 0},
		{PRF{FN: 2}, 1, 0, 0},
		{PRF{FP: 1, FN: 1}, 0, 0, 0},
		{PRF{TP: 1, FP: 1}, 0.5, 1, 2 * 0.5 * 1 / 1.5},
	}
	for _, tc := range tests {
		got := []float64{tc.c.P(), tc.c.R(), tc.c.F1()}
		if diff := cmp.Diff([]float64{tc.p, tc.r, tc.f}, got); diff != "" {
			t.Errorf("%+v: P, R, F1 (-want +got):\n%s", tc.c, diff)
		}
	}
}

func TestAcc(t *testing.T) {
	tests := []struct {
		a    Acc
		want float64
	}{
		{Acc{}, 1},
		{Acc{OK: 1, N: 4}, 0.25},
		{Acc{OK: 0, N: 3}, 0},
	}
	for _, tc := range tests {
		if got := tc.a.V(); got != tc.want {
			t.Errorf("%+v.V() = %v, want %v", tc.a, got, tc.want)
		}
	}
}
