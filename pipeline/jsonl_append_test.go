package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// encodeRef is what the JSONL writer wrote before the appenders: a row
// through encoding/json's Encoder, HTML left unescaped.
func encodeRef(t *testing.T, row any) ([]byte, error) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(row)
	return buf.Bytes(), err
}

func encodeNew(row any) ([]byte, error) {
	var b []byte
	var err error
	switch r := row.(type) {
	case *Document:
		b = appendDocumentJSON(b, r)
	case *Event:
		b, err = appendEventJSON(b, r)
	case *Mention:
		b = appendMentionJSON(b, r)
	case *Reject:
		b, err = appendRejectJSON(b, r)
	case *Text:
		b = appendTextJSON(b, r)
	}
	return append(b, '\n'), err
}

// randString mixes what JSON escapes (quotes, backslashes, every control
// byte, U+2028 and U+2029, invalid UTF-8, cut sequences) with plain
// ASCII and other scripts.
func randString(r *rand.Rand) string {
	parts := []string{"a", "Seoul", " ", `"`, `\`, "<>&", "\x7f", "é", "한국", "\u2028", "\u2029", "\u2027", "\u202a",
		"\xff", "\xe2\x80", "\xed\xa0\x80", "\U0001F600", "\ufffd", "\x00", "\b", "\f", "\n", "\r", "\t", "\x1f", "\x01"}
	var sb strings.Builder
	for range r.IntN(12) {
		if r.IntN(4) == 0 {
			sb.WriteByte(byte(r.IntN(256)))
			continue
		}
		sb.WriteString(parts[r.IntN(len(parts))])
	}
	return sb.String()
}

func randPtr(r *rand.Rand) *string {
	if r.IntN(3) == 0 {
		return nil
	}
	s := randString(r)
	return &s
}

func randIntPtr(r *rand.Rand) *int64 {
	if r.IntN(3) == 0 {
		return nil
	}
	n := r.Int64N(1<<40) - 1<<39
	return &n
}

func randFloat(r *rand.Rand) float64 {
	switch r.IntN(8) {
	case 0:
		return 0
	case 1:
		return math.Copysign(0, -1)
	case 2:
		return r.Float64() * 1e-7
	case 3:
		return -r.Float64() * 1e25
	case 4:
		return 1e21
	case 5:
		return 1e-6
	default:
		return float64(r.IntN(101)) / 100
	}
}

func randEvent(r *rand.Rand) Event {
	e := Event{EventID: randString(r), DocID: randString(r), EventType: randString(r), Status: randString(r),
		ActorName: randPtr(r), ActorTitle: randPtr(r), ActorRank: randPtr(r), ActorOrg: randPtr(r), ActorCountry: randPtr(r),
		CounterpartCountry: randPtr(r), Country: randPtr(r), Direction: randPtr(r), Place: randPtr(r),
		StartDate: randPtr(r), EndDate: randPtr(r), DatePrecision: randPtr(r), YearSource: randPtr(r), DateText: randPtr(r),
		Name: randPtr(r), RankPosition: randIntPtr(r), RankYear: randIntPtr(r), EvidenceText: randString(r),
		EvidenceStart: r.Int64(), EvidenceEnd: -r.Int64(), Confidence: randFloat(r), PloverType: randPtr(r), PloverMode: randPtr(r)}
	switch r.IntN(3) {
	case 0: // nil: null, as encoding/json writes it
	case 1:
		e.Participants = []Participant{}
	default:
		for range 1 + r.IntN(3) {
			e.Participants = append(e.Participants, Participant{randPtr(r), randPtr(r), randPtr(r), randPtr(r), randPtr(r)})
		}
	}
	return e
}

func TestAppendRowJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 20000 {
		var row any
		switch i % 5 {
		case 0:
			row = &Document{DocID: randString(r), Source: randString(r), SHA256: randString(r), Status: randString(r),
				Error: randPtr(r), Title: randPtr(r), Published: randPtr(r), PublishedDate: randPtr(r), Publisher: randPtr(r),
				Language: randString(r), Bytes: r.Int64(), GarbledChars: -r.Int64N(9), NEvents: r.Int64N(100),
				Encoding: randString(r), Format: randString(r), NMentions: r.Int64N(1000), NRejects: r.Int64N(3),
				SourceURL: randPtr(r), PublishedSource: randPtr(r)}
		case 1:
			e := randEvent(r)
			row = &e
		case 2:
			row = &Mention{DocID: randString(r), Kind: randString(r), Text: randString(r), Value: randPtr(r),
				Start: r.Int64N(1 << 20), End: r.Int64N(1 << 20), Title: randPtr(r), Rank: randPtr(r), Country: randPtr(r)}
		case 3:
			row = &Reject{Event: randEvent(r), Reason: randString(r)}
		case 4:
			row = &Text{DocID: randString(r), Text: randString(r) + randString(r)}
		}
		want, werr := encodeRef(t, row)
		got, gerr := encodeNew(row)
		if werr != nil || gerr != nil {
			t.Fatalf("row %d: errors %v and %v", i, werr, gerr)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("row %d %T:\n got %s\nwant %s", i, row, got, want)
		}
	}
}

// A confidence JSON cannot hold is the same error as encoding/json's,
// which the writer tells from a file's by its type.
func TestAppendRowJSONUnsupported(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		e := Event{Confidence: f}
		_, werr := encodeRef(t, &e)
		_, gerr := encodeNew(&e)
		_, rerr := encodeNew(&Reject{Event: e})
		var uv *json.UnsupportedValueError
		if !errors.As(gerr, &uv) || !errors.As(rerr, &uv) || werr == nil || gerr.Error() != werr.Error() {
			t.Errorf("confidence %v: errors %v, %v; want %v", f, gerr, rerr, werr)
		}
	}
}
