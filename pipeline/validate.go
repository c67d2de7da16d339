package pipeline

import (
	"fmt"
	"slices"
	"time"

	"communique/extractors"
	"communique/gazetteer"
)

var (
	eventTypes = []string{"visit", "meeting", "agreement", "gathering", "ranking"}
	statuses   = []string{"occurred", "planned", "unknown"}
	precisions = []string{"day", "month", "year"}
	yearSrcs   = []string{"explicit", "published", "context", "inferred_past"}
	directions = []string{"outgoing", "incoming", "third_country"}
)

func validRank(r *string) bool {
	return r == nil || slices.Contains(extractors.Ranks, extractors.Rank(*r))
}

func validISO(c *string) bool {
	if c == nil {
		return true
	}
	_, ok := gazetteer.ByISO3(*c)
	return ok
}

func validEnum(v *string, set []string) bool { return v == nil || slices.Contains(set, *v) }

// Validate checks an event row against the contract and returns why it
// must not be written, or "" when it is valid. published anchors the
// plausibility window for dates; textRunes bounds the evidence offsets.
func Validate(e Event, published *extractors.Timestamp, textRunes int) string {
	switch {
	case e.EventID == "" || e.DocID == "":
		return "missing event_id or doc_id"
	case !slices.Contains(eventTypes, e.EventType):
		return fmt.Sprintf("unknown event_type %q", e.EventType)
	case !slices.Contains(statuses, e.Status):
		return fmt.Sprintf("unknown status %q", e.Status)
	case !validRank(e.ActorRank):
		return fmt.Sprintf("unknown actor_rank %q", *e.ActorRank)
	case !validISO(e.ActorCountry):
		return fmt.Sprintf("actor_country %q is not an ISO 3166-1 alpha-3 code", *e.ActorCountry)
	case !validISO(e.CounterpartCountry):
		return fmt.Sprintf("counterpart_country %q is not an ISO 3166-1 alpha-3 code", *e.CounterpartCountry)
	case !validISO(e.Country):
		return fmt.Sprintf("country %q is not an ISO 3166-1 alpha-3 code", *e.Country)
	case !validEnum(e.DatePrecision, precisions):
		return fmt.Sprintf("unknown date_precision %q", *e.DatePrecision)
	case !validEnum(e.YearSource, yearSrcs):
		return fmt.Sprintf("unknown year_source %q", *e.YearSource)
	case !validEnum(e.Direction, directions):
		return fmt.Sprintf("unknown direction %q", *e.Direction)
	case e.Direction != nil && e.EventType != "visit" && e.EventType != "meeting":
		return fmt.Sprintf("direction %q on event_type %s: only visits and meetings have one", *e.Direction, e.EventType)
	case e.Confidence < 0 || e.Confidence > 1:
		return fmt.Sprintf("confidence %v outside 0..1", e.Confidence)
	case e.EvidenceText == "" || e.EvidenceStart < 0 || e.EvidenceEnd > int64(textRunes) || e.EvidenceStart > e.EvidenceEnd:
		return "evidence missing or out of the text's bounds"
	}
	for _, p := range e.Participants {
		if !validRank(p.Rank) {
			return fmt.Sprintf("unknown participant rank %q", *p.Rank)
		}
		if !validISO(p.Country) {
			return fmt.Sprintf("participant country %q is not an ISO 3166-1 alpha-3 code", *p.Country)
		}
	}
	if reason := validateDates(e, published); reason != "" {
		return reason
	}
	switch e.EventType {
	case "visit":
		if e.Country == nil {
			return "visit without a visited country"
		}
		if e.ActorCountry != nil && *e.ActorCountry == *e.Country && e.Place == nil {
			return "visit to the actor's own country"
		}
	case "meeting":
		if e.CounterpartCountry == nil && len(e.Participants) == 0 {
			return "meeting without a counterpart"
		}
	case "agreement":
		if e.CounterpartCountry == nil {
			return "agreement without a counterpart country"
		}
	case "gathering":
		if e.Name == nil {
			return "gathering without a name"
		}
	case "ranking":
		if e.Country == nil || e.RankPosition == nil || *e.RankPosition < 1 {
			return "ranking without a country or a position"
		}
	}
	return ""
}

// validateDates checks that the dates parse, are ordered and fall within
// a plausible window around the publication date (or the present, when
// the document has none).
func validateDates(e Event, published *extractors.Timestamp) string {
	if e.StartDate == nil && e.EndDate == nil {
		return ""
	}
	if e.StartDate == nil {
		return "an end_date without a start_date"
	}
	// A start with no end is a trip whose end the text does not give:
	// "began a three-day visit today", "departs on 25 April".
	end := e.EndDate
	if end == nil {
		end = e.StartDate
	}
	s, err1 := time.Parse(time.DateOnly, *e.StartDate)
	t, err2 := time.Parse(time.DateOnly, *end)
	if err1 != nil || err2 != nil {
		return "unparseable start_date or end_date"
	}
	if t.Before(s) {
		return fmt.Sprintf("start_date %s after end_date %s", *e.StartDate, *end)
	}
	if t.Sub(s) > 5*366*24*time.Hour && (e.DatePrecision == nil || *e.DatePrecision == "day") {
		return fmt.Sprintf("day-precision span %s..%s longer than five years", *e.StartDate, *end)
	}
	anchor := time.Now()
	if published != nil {
		anchor = published.Date.Time()
	}
	lo, hi := anchor.AddDate(-60, 0, 0), anchor.AddDate(15, 0, 0)
	if s.Before(lo) || t.After(hi) {
		return fmt.Sprintf("dates %s..%s implausible for a release of %s", *e.StartDate, *end, anchor.Format(time.DateOnly))
	}
	return ""
}
