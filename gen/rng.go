package gen

import (
	"math/bits"
	"math/rand/v2"
)

// rng is the only source of randomness in the package. It draws raw 64-bit
// values from a PCG (whose output math/rand/v2 fixes by algorithm) and does
// its own bounded sampling, so a corpus does not depend on how a Go release
// implements rand.Rand's helpers.
type rng struct {
	p rand.PCG
}

// mix64 is the SplitMix64 finalizer: a bijection with full avalanche.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// docKey is the 64-bit identity of document i of the corpus for seed.
func docKey(seed uint64, i int) uint64 {
	return mix64(seed ^ mix64(uint64(i)+0x9e3779b97f4a7c15))
}

// seed positions r at the start of document i's stream for seed.
func (r *rng) seed(seed uint64, i int) {
	k := docKey(seed, i)
	r.p.Seed(k, mix64(k+0x2545f4914f6cdd1d))
}

// intn returns a uniform int in [0, n). n must be positive. Lemire's
// multiply-and-reject method.
func (r *rng) intn(n int) int {
	if n <= 0 {
		panic("gen: intn: n <= 0")
	}
	un := uint64(n)
	hi, lo := bits.Mul64(r.p.Uint64(), un)
	if lo < un {
		thresh := -un % un
		for lo < thresh {
			hi, lo = bits.Mul64(r.p.Uint64(), un)
		}
	}
	return int(hi)
}

// between returns a uniform int in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// pct reports true with probability p/100.
func (r *rng) pct(p int) bool { return r.intn(100) < p }

// weighted returns an index into cum, a cumulative weight table whose last
// entry is the total weight, with probability proportional to each weight.
func (r *rng) weighted(cum []int) int {
	x := r.intn(cum[len(cum)-1])
	lo, hi := 0, len(cum)-1
	for lo < hi {
		m := (lo + hi) / 2
		if cum[m] > x {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}
