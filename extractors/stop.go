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
type Stop struct{ flag *atomic.Bool }

// NewStop returns a Stop that reports stopped once flag is set. The
// pipeline sets it from a timer or on cancellation.
func NewStop(flag *atomic.Bool) Stop { return Stop{flag} }

// Stopped reports whether work on the document should end.
func (s Stop) Stopped() bool { return s.flag != nil && s.flag.Load() }

// Equal reports whether s and o stop together (the same flag), so that
// go-cmp can compare Docs.
func (s Stop) Equal(o Stop) bool { return s.flag == o.flag }
