package pipeline

import (
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"unicode/utf8"
)

// The appenders below write a row exactly as encoding/json's Encoder does
// with SetEscapeHTML(false) (TestAppendRowJSON compares them on random
// rows), without its reflection: encoding rows was most of the writer's
// time. Fields go in the order of the row struct.

func appendDocumentJSON(b []byte, d *Document) []byte {
	b = appendStrField(b, `{"doc_id":`, d.DocID)
	b = appendStrField(b, `,"source":`, d.Source)
	b = appendStrField(b, `,"sha256":`, d.SHA256)
	b = appendStrField(b, `,"status":`, d.Status)
	b = appendPtrField(b, `,"error":`, d.Error)
	b = appendPtrField(b, `,"title":`, d.Title)
	b = appendPtrField(b, `,"published":`, d.Published)
	b = appendPtrField(b, `,"published_date":`, d.PublishedDate)
	b = appendPtrField(b, `,"publisher":`, d.Publisher)
	b = appendStrField(b, `,"language":`, d.Language)
	b = appendIntField(b, `,"bytes":`, d.Bytes)
	b = appendIntField(b, `,"garbled_chars":`, d.GarbledChars)
	b = appendIntField(b, `,"n_events":`, d.NEvents)
	b = appendStrField(b, `,"encoding":`, d.Encoding)
	b = appendStrField(b, `,"format":`, d.Format)
	b = appendIntField(b, `,"n_mentions":`, d.NMentions)
	b = appendIntField(b, `,"n_rejects":`, d.NRejects)
	b = appendPtrField(b, `,"source_url":`, d.SourceURL)
	b = appendPtrField(b, `,"published_source":`, d.PublishedSource)
	return append(b, '}')
}

// appendEventFields writes an event's fields without the closing brace,
// so that a reject can add its reason. A confidence that JSON cannot hold
// (NaN, ±Inf) is an error, as encoding/json's.
func appendEventFields(b []byte, e *Event) ([]byte, error) {
	b = appendStrField(b, `{"event_id":`, e.EventID)
	b = appendStrField(b, `,"doc_id":`, e.DocID)
	b = appendStrField(b, `,"event_type":`, e.EventType)
	b = appendStrField(b, `,"status":`, e.Status)
	b = appendPtrField(b, `,"actor_name":`, e.ActorName)
	b = appendPtrField(b, `,"actor_title":`, e.ActorTitle)
	b = appendPtrField(b, `,"actor_rank":`, e.ActorRank)
	b = appendPtrField(b, `,"actor_org":`, e.ActorOrg)
	b = appendPtrField(b, `,"actor_country":`, e.ActorCountry)
	b = appendPtrField(b, `,"counterpart_country":`, e.CounterpartCountry)
	b = append(b, `,"participants":`...)
	if e.Participants == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range e.Participants {
			p := &e.Participants[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = appendPtrField(b, `{"name":`, p.Name)
			b = appendPtrField(b, `,"title":`, p.Title)
			b = appendPtrField(b, `,"rank":`, p.Rank)
			b = appendPtrField(b, `,"org":`, p.Org)
			b = appendPtrField(b, `,"country":`, p.Country)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = appendPtrField(b, `,"country":`, e.Country)
	b = appendPtrField(b, `,"direction":`, e.Direction)
	b = appendPtrField(b, `,"place":`, e.Place)
	b = appendPtrField(b, `,"start_date":`, e.StartDate)
	b = appendPtrField(b, `,"end_date":`, e.EndDate)
	b = appendPtrField(b, `,"date_precision":`, e.DatePrecision)
	b = appendPtrField(b, `,"year_source":`, e.YearSource)
	b = appendPtrField(b, `,"date_text":`, e.DateText)
	b = appendPtrField(b, `,"name":`, e.Name)
	b = appendIntPtrField(b, `,"rank_position":`, e.RankPosition)
	b = appendIntPtrField(b, `,"rank_year":`, e.RankYear)
	b = appendStrField(b, `,"evidence_text":`, e.EvidenceText)
	b = appendIntField(b, `,"evidence_start":`, e.EvidenceStart)
	b = appendIntField(b, `,"evidence_end":`, e.EvidenceEnd)
	b = append(b, `,"confidence":`...)
	b, err := appendFloatJSON(b, e.Confidence)
	if err != nil {
		return b, err
	}
	b = appendPtrField(b, `,"plover_type":`, e.PloverType)
	b = appendPtrField(b, `,"plover_mode":`, e.PloverMode)
	return b, nil
}

func appendEventJSON(b []byte, e *Event) ([]byte, error) {
	b, err := appendEventFields(b, e)
	return append(b, '}'), err
}

func appendRejectJSON(b []byte, r *Reject) ([]byte, error) {
	b, err := appendEventFields(b, &r.Event)
	b = appendStrField(b, `,"reason":`, r.Reason)
	return append(b, '}'), err
}

func appendMentionJSON(b []byte, m *Mention) []byte {
	b = appendStrField(b, `{"doc_id":`, m.DocID)
	b = appendStrField(b, `,"kind":`, m.Kind)
	b = appendStrField(b, `,"text":`, m.Text)
	b = appendPtrField(b, `,"value":`, m.Value)
	b = appendIntField(b, `,"start":`, m.Start)
	b = appendIntField(b, `,"end":`, m.End)
	b = appendPtrField(b, `,"title":`, m.Title)
	b = appendPtrField(b, `,"rank":`, m.Rank)
	b = appendPtrField(b, `,"country":`, m.Country)
	return append(b, '}')
}

func appendTextJSON(b []byte, t *Text) []byte {
	b = appendStrField(b, `{"doc_id":`, t.DocID)
	b = appendStrField(b, `,"text":`, t.Text)
	return append(b, '}')
}

func appendStrField(b []byte, key, s string) []byte {
	return appendJSONString(append(b, key...), s)
}

func appendPtrField(b []byte, key string, s *string) []byte {
	b = append(b, key...)
	if s == nil {
		return append(b, "null"...)
	}
	return appendJSONString(b, *s)
}

func appendIntField(b []byte, key string, n int64) []byte {
	return strconv.AppendInt(append(b, key...), n, 10)
}

func appendIntPtrField(b []byte, key string, n *int64) []byte {
	b = append(b, key...)
	if n == nil {
		return append(b, "null"...)
	}
	return strconv.AppendInt(b, *n, 10)
}

// appendFloatJSON formats f as encoding/json does: like ES6, 'f' unless
// the magnitude is under 1e-6 or from 1e21, then 'e' with the exponent
// unpadded.
func appendFloatJSON(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, &json.UnsupportedValueError{Value: reflect.ValueOf(f), Str: strconv.FormatFloat(f, 'g', -1, 64)}
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does without HTML escaping:
// `"` and `\` escaped, control bytes as \b \f \n \r \t or \u00XX, each
// invalid UTF-8 byte as \ufffd, U+2028 and U+2029 as \u2028 and \u2029,
// everything else as is.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
