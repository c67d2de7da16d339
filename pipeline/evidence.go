package pipeline

import (
	"strings"
	"unicode/utf8"

	"communique/extractors"
)

// maxEvidence is the longest evidence_text, in bytes. A sentence longer
// than that (a table flattened into one line, a run-on list of names) is
// cut to a window of this size around the part of it the event was read
// from, so that a document of ten events in one long sentence does not
// write that sentence ten times.
const maxEvidence = 2000

// evidenceWindow returns the span of text an event's evidence_text is:
// its evidence span, or, when that is longer than maxEvidence, a window of
// at most maxEvidence bytes inside it, centred on the event's dates or,
// failing them, on the first of its names found in the span, and cut at
// spaces where one is near. The offsets are those of the text returned.
func evidenceWindow(text string, e extractors.Event) (start, end int) {
	s, t := e.Evidence.Start, e.Evidence.End
	if t-s <= maxEvidence {
		return s, t
	}
	as, ae := s, s // the anchor
	if d := e.Dates; d != nil && d.Span.Start >= s && d.Span.End <= t && d.Span.End > d.Span.Start {
		as, ae = d.Span.Start, d.Span.End
	} else {
		for _, name := range eventNames(e) {
			if i := strings.Index(text[s:t], name); name != "" && i >= 0 {
				as, ae = s+i, s+i+len(name)
				break
			}
		}
	}
	// Centre the window on the anchor, inside the span.
	start = max(s, (as+ae)/2-maxEvidence/2)
	end = min(t, start+maxEvidence)
	start = max(s, end-maxEvidence)
	// Cut at spaces near the edges, and never inside a character.
	if start > s {
		if i := strings.IndexByte(text[start:min(end, start+40)], ' '); i >= 0 && start+i+1 <= as {
			start += i + 1
		}
		for start < end && !utf8.RuneStart(text[start]) {
			start++
		}
	}
	if end < t {
		if i := strings.LastIndexByte(text[max(start, end-40):end], ' '); i >= 0 && max(start, end-40)+i >= ae {
			end = max(start, end-40) + i
		}
		for end > start && !utf8.RuneStart(text[end]) {
			end--
		}
	}
	return start, end
}

// eventNames lists the names an event holds, in the order an anchor is
// looked for: counterparts, the actor, the event's own name, its place.
func eventNames(e extractors.Event) []string {
	var names []string
	for _, p := range e.Participants {
		names = append(names, p.Name)
	}
	return append(names, e.Actor.Name, e.Name, e.Place)
}
