package extractors

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"
	"unsafe"
)

// Span is a half-open byte range [Start, End) in Doc.Text. Extractors work
// in bytes; the pipeline converts to rune offsets when it writes rows.
type Span struct {
	Start, End int
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Date is a calendar day with no zone.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// MakeDate returns the Date of t's calendar day.
func MakeDate(t time.Time) Date { return Date{t.Year(), t.Month(), t.Day()} }

// Time returns d at midnight UTC.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d.Year == 0 && d.Month == 0 && d.Day == 0 }

// Valid reports whether d names a real calendar day.
func (d Date) Valid() bool {
	return d.Year > 0 && d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Time().Day() == d.Day
}

// Before reports whether d is strictly earlier than o.
func (d Date) Before(o Date) bool { return d.Time().Before(o.Time()) }

// AddDays returns d moved by n days.
func (d Date) AddDays(n int) Date { return MakeDate(d.Time().AddDate(0, 0, n)) }

// String formats d as ISO 8601, 2006-01-02.
func (d Date) String() string {
	if !d.fourDigitYear() {
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
	var b [10]byte
	return string(d.appendTo(b[:0]))
}

// fourDigitYear reports whether d's fields fit the common case of String:
// four, two and two digits.
func (d Date) fourDigitYear() bool {
	return d.Year >= 0 && d.Year <= 9999 && d.Month >= 0 && d.Month <= 99 && d.Day >= 0 && d.Day <= 99
}

// appendTo appends d as String does to b, when fourDigitYear, without fmt.
func (d Date) appendTo(b []byte) []byte {
	return append(b, '0'+byte(d.Year/1000), '0'+byte(d.Year/100%10), '0'+byte(d.Year/10%10), '0'+byte(d.Year%10), '-',
		'0'+byte(d.Month/10), '0'+byte(d.Month%10), '-', '0'+byte(d.Day/10), '0'+byte(d.Day%10))
}

// Precision says how exactly a DateRange is known.
type Precision string

// Precisions, as in the contract's date_precision enum.
const (
	Day   Precision = "day"
	Month Precision = "month"
	Year  Precision = "year"
)

// YearSource says where a DateRange's year came from.
type YearSource string

// Year sources, as in the contract's year_source enum.
const (
	YearExplicit     YearSource = "explicit"      // written in the expression
	YearPublished    YearSource = "published"     // the publication year
	YearContext      YearSource = "context"       // another year stated in the text
	YearInferredPast YearSource = "inferred_past" // publication year moved back
)

// DateRange is a resolved date expression: Start..End inclusive. A single
// day has Start == End. Month and year precision span the whole period.
// On an event, a zero End is a start whose end the text does not give
// ("began a three-day visit today"); date mentions always have both.
type DateRange struct {
	Start, End Date
	Precision  Precision
	YearSource YearSource
	Text       string // the expression as written, e.g. "March 3-5"
	Span       Span   // where Text stands in Doc.Text
}

// Open reports whether r has a start and no end.
func (r DateRange) Open() bool { return r.End.IsZero() }

// Value formats r as the mentions.value string: a day or an ISO interval.
func (r DateRange) Value() string {
	if r.Open() {
		return r.Start.String() + "/.." // ISO 8601-2: an open end
	}
	if r.Start == r.End {
		return r.Start.String()
	}
	if r.Start.fourDigitYear() && r.End.fourDigitYear() {
		var b [21]byte // one string, not three
		return string(r.End.appendTo(append(r.Start.appendTo(b[:0]), '/')))
	}
	return r.Start.String() + "/" + r.End.String()
}

// Timestamp is a publication date with an optional local time of day.
type Timestamp struct {
	Date
	HasTime              bool
	Hour, Minute, Second int
}

// String formats t as 2006-01-02 or 2006-01-02T15:04:05.
func (t Timestamp) String() string {
	if !t.HasTime {
		return t.Date.String()
	}
	return fmt.Sprintf("%sT%02d:%02d:%02d", t.Date, t.Hour, t.Minute, t.Second)
}

// Rank is an official's rank, the contract's rank enum.
type Rank string

// Ranks, as in records.md.
const (
	RankNone         Rank = ""
	HeadOfState      Rank = "head_of_state"
	HeadOfGovernment Rank = "head_of_government"
	Minister         Rank = "minister"
	MinisterOfState  Rank = "minister_of_state"
	ViceMinister     Rank = "vice_minister"
	Ambassador       Rank = "ambassador"
	Governor         Rank = "governor"
	Mayor            Rank = "mayor"
	Councillor       Rank = "councillor"
	Legislator       Rank = "legislator"
	SecretaryGeneral Rank = "secretary_general"
	Director         Rank = "director"
	Chair            Rank = "chair"
	Royal            Rank = "royal"
	Official         Rank = "official"
)

// Ranks lists every valid non-empty Rank.
var Ranks = []Rank{HeadOfState, HeadOfGovernment, Minister, MinisterOfState, ViceMinister,
	Ambassador, Governor, Mayor, Councillor, Legislator, SecretaryGeneral, Director, Chair, Royal, Official}

// Kind is a mention's kind, the contract's mentions.kind enum.
type Kind string

// Mention kinds.
const (
	KindPerson       Kind = "person"
	KindOrganization Kind = "organization"
	KindCountry      Kind = "country"
	KindPlace        Kind = "place"
	KindDate         Kind = "date"
	KindGathering    Kind = "gathering"
)

// Mention is one entity mention in Doc.Text.
type Mention struct {
	Kind  Kind
	Span  Span   // byte offsets in Doc.Text
	Text  string // Doc.Text[Span.Start:Span.End]
	Value string // ISO3 for countries, DateRange.Value for dates, canonical full name for persons
	// Person, organization and place attributes.
	Title   string // person: the office as written, "Minister of the Interior and Safety"
	Rank    Rank
	Org     string // person: the organization of the office, when stated
	Country string // ISO3 the person, organization or place belongs to
	// CountryAssumed is set on a person whose title states no country:
	// Country is the publisher's for want of evidence, or a guess from
	// the context (the last foreign country named before the person
	// met). BuildFrame settles such countries once it knows who published
	// the document and who went where.
	CountryAssumed bool
	// Dates holds the resolved range of a date mention.
	Dates *DateRange
}

// EventType is the contract's event_type enum.
type EventType string

// Event types.
const (
	Visit     EventType = "visit"
	Meeting   EventType = "meeting"
	Agreement EventType = "agreement"
	Gathering EventType = "gathering"
	Ranking   EventType = "ranking"
)

// Status is the contract's event status enum.
type Status string

// Event statuses.
const (
	Occurred      Status = "occurred"
	Planned       Status = "planned"
	StatusUnknown Status = "unknown"
)

// Direction says which side travelled, for visits and meetings: the
// contract's direction enum.
type Direction string

// Directions.
const (
	DirectionNone Direction = ""
	Outgoing      Direction = "outgoing"      // the publisher's official abroad
	Incoming      Direction = "incoming"      // a foreign official received at home
	ThirdCountry  Direction = "third_country" // both sides abroad: the sidelines of a summit
)

// Person is an official as events carry them: the actor or a participant.
type Person struct {
	Name    string
	Title   string
	Rank    Rank
	Org     string
	Country string // ISO3
}

// Event is one extracted event record, before validation.
type Event struct {
	Type               EventType
	Status             Status
	Actor              Person
	CounterpartCountry string    // ISO3
	Participants       []Person  // named counterparts, never the actor
	Country            string    // ISO3: visited, venue, signing place, or ranked country
	Direction          Direction // visits and meetings: who travelled
	Place              string    // city or venue
	Dates              *DateRange
	Name               string // gathering name, agreement title, ranking index
	RankPosition       int    // ranking: 1 for first; 0 when not a ranking
	RankYear           int    // ranking: edition year; 0 when unknown
	Evidence           Span   // sentence(s) the record was read from
	Confidence         float64
}

// Given is what a document's input says of it: the page's URL, its
// publisher, its publication time. Zero fields are unknown.
type Given struct {
	URL       string
	Publisher string
	Published *Timestamp
}

// Meta is a document's own metadata: headline, publication time, publisher.
type Meta struct {
	Title     string
	TitleSpan Span
	Published *Timestamp
	Publisher string
	// PublisherCountry is the ISO 3166-1 alpha-3 code of the country the
	// page names for its issuing body: in Publisher ("Ministry of Foreign
	// Affairs of Mongolia" -> MNG), in a body's name or a state's formal
	// name standing above the headline ("Government of India", "Republic
	// of Estonia", "Australian Government"), or under a signature block's
	// body ("MINISTRY OF FOREIGN AFFAIRS / SINGAPORE"). Empty when the
	// page names none; a hint for the publishing country, not a decision.
	PublisherCountry string
	// Dateline is the place that opens the release's dateline as the
	// text writes it ("ABU DHABI" of "ABU DHABI, 12th March 2019 (WAM)
	// --", "Ottawa, Ontario" of "August 26, 2020 - Ottawa, Ontario -
	// Global Affairs Canada", "Ulaanbaatar" of "Ulaanbaatar/MONTSAME/."),
	// or a place signing the footer ("Santiago, Chile, November 08,
	// 2018."). Empty when there is none.
	Dateline string
	// PublishedGiven is set when Published is not the page's own but
	// the input's (Doc.Given): the text gives none.
	PublishedGiven bool
	// PublisherGiven is set when Publisher is the input's (Doc.Given).
	PublisherGiven bool
}

// Doc is one normalized document as the extractors see it. The pipeline
// fills Text, then Meta and Sentences, then appends each entity
// extractor's mentions in order, so later extractors see earlier results.
// Doc holds what the stages found and no caches: what the event
// extractors share is the Frame's.
type Doc struct {
	ID   string
	Text string
	// Chrome holds the site labels in another script that normalization
	// dropped as page chrome (normalize.Result.Chrome): the script of a
	// page's labels is its publisher's.
	Chrome string
	// Given is what the input said of the document besides its text (a
	// manifest line's URL, publisher, publication date); Stack.Mentions
	// fills Meta's gaps from it.
	Given     Given
	Meta      Meta
	Sentences []Span
	Mentions  []Mention
	// Home is the publishing government's country and HomeBy the kind of
	// evidence that decided it (see HomeCountry), once Stack.Mentions has
	// decided them: right after the countries extractor, for the
	// extractors after it and the frame to read.
	Home, HomeBy string
	homeDecided  bool
	// sentWords holds each sentence's lower-cased words (lowerWords),
	// split once with the sentences by Stack.Mentions; nil when a Doc is
	// built by hand (SentenceWords then splits on demand).
	sentWords [][]word
	// Stop says when to give up on the document (see Stop).
	Stop Stop
}

// SentenceWords returns the lower-cased words of sentence i.
func (d *Doc) sentenceWords(i int) []word {
	if d.sentWords != nil {
		return d.sentWords[i]
	}
	s := d.Sentences[i]
	return lowerWords(d.Text[s.Start:s.End])
}

// splitSentenceWords splits every sentence into its words, in one backing
// array; each sentence's slice is capped so that nothing appended to one
// can overwrite another's.
func (d *Doc) splitSentenceWords() {
	var buf []word
	// The capitalized words' lower-case copies: a byte in four or fewer.
	arena := make([]byte, 0, len(d.Text)/4+16)
	d.sentWords = make([][]word, len(d.Sentences))
	for i, s := range d.Sentences {
		// About a word in six bytes. The words are held in arrays of
		// up to wordChunk words, each sentence's in one: a larger
		// array is a large object, costlier to allocate.
		if cap(buf)-len(buf) < s.Len()/6+16 {
			buf = make([]word, 0, max(s.Len()/6+16, min((len(d.Text)-s.Start)/6+16, wordChunk)))
		}
		start := len(buf)
		buf, arena = appendLowerWordsIn(buf, d.Text[s.Start:s.End], arena)
		d.sentWords[i] = buf[start:len(buf):len(buf)]
	}
}

// wordChunk is the size of splitSentenceWords's arrays: 20 KB, below
// the runtime's 32 KB large objects.
const wordChunk = 512

// sentenceOfText returns the index of the sentence whose text is exactly
// text, a substring of d.Text, or -1. Sentence hint, the one most often
// asked about next, is tried first.
func (d *Doc) sentenceOfText(text string, hint int) int {
	if d.sentWords == nil || len(text) == 0 {
		return -1
	}
	off := int(uintptr(unsafe.Pointer(unsafe.StringData(text))) - uintptr(unsafe.Pointer(unsafe.StringData(d.Text))))
	if off < 0 || off >= len(d.Text) {
		return -1
	}
	if hint >= 0 && hint < len(d.Sentences) && d.Sentences[hint].Start == off && (hint == 0 || d.Sentences[hint-1].Start != off) {
		if d.Sentences[hint].Len() != len(text) {
			return -1
		}
		return hint
	}
	i, ok := slices.BinarySearchFunc(d.Sentences, off, func(s Span, off int) int { return s.Start - off })
	if !ok || d.Sentences[i].Len() != len(text) {
		return -1
	}
	return i
}

// MentionsOf returns d's mentions of kind k, in text order.
func (d *Doc) MentionsOf(k Kind) []Mention {
	var out []Mention
	for _, m := range d.Mentions {
		if m.Kind == k {
			out = append(out, m)
		}
	}
	return out
}

// An Extractor finds entity mentions. Extract must not modify d and must be
// safe for concurrent use on different Docs.
type Extractor interface {
	Extract(d *Doc) []Mention
}

// An EventExtractor finds event records in a Doc whose mentions are
// complete, reading the document's Frame (see BuildFrame). Events must not
// modify d and must be safe for concurrent use on different Docs.
type EventExtractor interface {
	Events(d *Doc, f *Frame) []Event
}

// lineSpans yields the span of each line of text, without its "\n", in
// order; a text ending in "\n" has no empty last line.
func lineSpans(text string) iter.Seq[Span] {
	return func(yield func(Span) bool) {
		for ls := 0; ls < len(text); {
			le := strings.IndexByte(text[ls:], '\n')
			if le < 0 {
				le = len(text)
			} else {
				le += ls
			}
			if !yield(Span{ls, le}) {
				return
			}
			ls = le + 1
		}
	}
}

// ParseTimestamp reads a publication time as the tables write it:
// "2024-03-12" or "2024-03-12T10:00:00" (seconds optional).
func ParseTimestamp(s string) (*Timestamp, error) {
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", time.DateOnly} {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		ts := &Timestamp{Date: MakeDate(t)}
		if layout != time.DateOnly {
			ts.HasTime, ts.Hour, ts.Minute, ts.Second = true, t.Hour(), t.Minute(), t.Second()
		}
		return ts, nil
	}
	return nil, fmt.Errorf("published %q is not a date (2024-03-12) or a time (2024-03-12T10:00:00)", s)
}
