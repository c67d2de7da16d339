package eval

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// kinds are the record kinds scored by precision and recall, in score.py's
// order; attributes are the accuracies, likewise.
var (
	kinds      = []string{"countries", "persons", "visits", "meetings", "agreements", "gatherings", "rankings"}
	attributes = []string{"published", "title", "garbled", "person_rank", "person_country", "event_dates", "status", "visit_actor"}
	// headline are the accuracies that count towards Quality with the F1s.
	headline = []string{"published", "title", "person_rank"}
)

// PRF counts the records of one kind over all documents: gold records
// matched by a prediction (TP), predictions matching no gold (FP) and gold
// records nothing matched (FN).
type PRF struct{ TP, FP, FN int }

// P is the precision TP/(TP+FP), 1 when there were no predictions.
func (c PRF) P() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// R is the recall TP/(TP+FN), 1 when there was no gold.
func (c PRF) R() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// F1 is the harmonic mean of P and R, 0 when both are 0.
func (c PRF) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Acc counts checks of one attribute: N checked, OK right.
type Acc struct{ OK, N int }

// V is the accuracy OK/N, 1 when nothing was checked.
func (a Acc) V() float64 {
	if a.N == 0 {
		return 1
	}
	return float64(a.OK) / float64(a.N)
}

func (a *Acc) add(ok bool) {
	a.N++
	if ok {
		a.OK++
	}
}

// Report holds the figures of one scoring run.
//
// PRF has the keys countries, persons, visits, meetings, agreements,
// gatherings and rankings; Acc has published, title, garbled, person_rank,
// person_country, event_dates, status and visit_actor. Quality is the mean
// of the seven F1s and the published, title and person_rank accuracies.
// Docs is the number of gold documents scored. Misses lists, for each
// document with any, a line "DOC_ID:" followed by one indented line per
// miss, exactly as score.py -v prints them.
//
// Records lists the same misses of records as data: each record of gold
// that nothing matched, and each one predicted that matched no gold, in
// the order the misses are printed.
type Report struct {
	PRF     map[string]PRF
	Acc     map[string]Acc
	Quality float64
	Docs    int
	Misses  []string
	Records []Miss
}

// A Miss is one record the scorer counted as missed (in gold, not found:
// a false negative) or spurious (found, not in gold: a false positive).
type Miss struct {
	DocID string
	// Kind is country, person, visit, meeting, agreement, gathering or
	// ranking.
	Kind   string
	Missed bool
	// Record describes the record as the verbose report does.
	Record string
	// EventID is the event_id of a spurious visit, meeting, agreement,
	// gathering or ranking.
	EventID string
}

// Write prints the report in score.py's format, byte for byte: the PRF
// table, the accuracies, with verbose the misses, then the document count
// and quality. Errors are the writer's: Write makes one call to w.Write.
func (r *Report) Write(w io.Writer, verbose bool) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%-12s %6s %6s %6s   tp  fp  fn\n", "kind", "P", "R", "F1")
	for _, k := range kinds {
		v := r.PRF[k]
		fmt.Fprintf(&b, "%-12s %6.3f %6.3f %6.3f %4d%4d%4d\n", k, v.P(), v.R(), v.F1(), v.TP, v.FP, v.FN)
	}
	b.WriteString("\n")
	for _, k := range attributes {
		v := r.Acc[k]
		fmt.Fprintf(&b, "%-20s %6.3f  (%d/%d)\n", k+" acc", v.V(), v.OK, v.N)
	}
	if verbose && len(r.Misses) > 0 {
		b.WriteString("\n")
		b.WriteString(strings.Join(r.Misses, "\n"))
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\ndocuments scored: %d\n", r.Docs)
	fmt.Fprintf(&b, "quality %.3f\n", r.Quality)
	w.Write(b.Bytes())
}

// JSON returns the figures as score.py --json writes them, byte for byte:
// {"quality", "prf": {KIND: {p, r, f1, tp, fp, fn}}, "acc": {ATTR: value}}
// with one-space indentation, floats as Python's repr and no final newline.
func (r *Report) JSON() ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\n \"quality\": %s,\n \"prf\": {", floatRepr(r.Quality))
	for i, k := range kinds {
		v := r.PRF[k]
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n  %q: {\n   \"p\": %s,\n   \"r\": %s,\n   \"f1\": %s,\n   \"tp\": %d,\n   \"fp\": %d,\n   \"fn\": %d\n  }",
			k, floatRepr(v.P()), floatRepr(v.R()), floatRepr(v.F1()), v.TP, v.FP, v.FN)
	}
	b.WriteString("\n },\n \"acc\": {")
	for i, k := range attributes {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n  %q: %s", k, floatRepr(r.Acc[k].V()))
	}
	b.WriteString("\n }\n}")
	return b.Bytes(), nil
}
