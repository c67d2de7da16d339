package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"

	"communique/extractors"
)

// eventID is a deterministic id for an event: a digest of the document
// and the fields that make the record what it is. The same input gives the
// same id on every run and machine; it does not depend on the order in
// which extractors ran or on the evidence offsets. The fields are joined
// by NUL and SOH, which none of them holds (normalized text has no control
// characters, and neither has a doc_id), so two records that differ in a
// field digest different strings.
func eventID(docID string, e extractors.Event) string {
	// Joined in a buffer on the stack, which most events fit.
	var buf [256]byte
	b := buf[:0]
	for _, s := range []string{docID, string(e.Type), e.Actor.Name, e.Country, e.CounterpartCountry, e.Place, e.Name} {
		b = append(b, s...)
		b = append(b, 0)
	}
	if e.Dates != nil {
		b = append(b, e.Dates.Value()...)
	}
	b = append(b, 0)
	for _, p := range e.Participants {
		b = append(b, p.Name...)
		b = append(b, 1)
		b = append(b, p.Country...)
		b = append(b, 0)
	}
	b = strconv.AppendInt(b, int64(e.RankPosition), 10)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:10])
}

// uniqueID returns id, or id with a counter suffix when the document
// already used it (two records alike in every identifying field).
func uniqueID(seen map[string]int, id string) string {
	n := seen[id]
	seen[id] = n + 1
	if n == 0 {
		return id
	}
	return id + "-" + strconv.Itoa(n+1)
}
