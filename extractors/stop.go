package extractors

import "sync/atomic"

// Stop tells an extractor when to give up on a document: once the
// pipeline's time budget for the document is spent, or the run is
// cancelled. The pipeline then drops whatever the document's extractors
// return, so an extractor that sees Stopped may return at once, with
// nothing or with what it has. The zero Stop never stops.
//
// Stopped is one atomic load: cheap enough to ask once per sentence, per
// mention or per pass of any loop whose length grows with the document.
type Stop struct {
	flag *atomic.Bool
	at   *atomic.Pointer[any] // the extractor at work, for the pipeline's rows
}

// NewStop returns a Stop that reports stopped once flag is set (the
// pipeline sets it from a timer or on cancellation), and records in at,
// when not nil, the extractor Enter was last called with.
func NewStop(flag *atomic.Bool, at *atomic.Pointer[any]) Stop { return Stop{flag, at} }

// Stopped reports whether work on the document should end.
func (s Stop) Stopped() bool { return s.flag != nil && s.flag.Load() }

// Enter notes that extractor x starts on the document, so that a
// document given up on can say where it was, and reports whether x should
// run at all (false once stopped). Once stopped it notes nothing: the
// stage the document was given up in stays the one it names.
func (s Stop) Enter(x any) bool {
	if s.Stopped() {
		return false
	}
	if s.at != nil {
		s.at.Store(&x)
	}
	return true
}

// Equal reports whether s and o stop together (the same flag), so that
// go-cmp can compare Docs.
func (s Stop) Equal(o Stop) bool { return s.flag == o.flag && s.at == o.at }
