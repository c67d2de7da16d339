package pipeline

// Document is one row of the documents table: one per input file,
// including files that failed. Nil pointers are nulls.
type Document struct {
	DocID         string  `json:"doc_id"`
	Source        string  `json:"source"`
	SHA256        string  `json:"sha256"`
	Status        string  `json:"status"` // ok, rejected, error
	Error         *string `json:"error"`
	Title         *string `json:"title"`
	Published     *string `json:"published"`      // 2024-03-12T10:00:00 or 2018-10-05
	PublishedDate *string `json:"published_date"` // 2024-03-12
	Publisher     *string `json:"publisher"`
	Language      string  `json:"language"`
	Bytes         int64   `json:"bytes"`
	GarbledChars  int64   `json:"garbled_chars"`
	NEvents       int64   `json:"n_events"`
	// Added columns, not in the base contract.
	Encoding  string `json:"encoding"` // how the bytes were decoded: utf-8, utf-16le, windows-1252
	Format    string `json:"format"`   // text or html
	NMentions int64  `json:"n_mentions"`
	NRejects  int64  `json:"n_rejects"` // event records that failed validation
	// What the input said of the document (a manifest or pipe line).
	SourceURL *string `json:"source_url"` // the page's address
	// PublishedSource says where published came from: "text" (the
	// document's own), "input" (the input's, the text giving none);
	// null when published is null.
	PublishedSource *string `json:"published_source"`
}

// Participant is one named counterpart of an event.
type Participant struct {
	Name    *string `json:"name"`
	Title   *string `json:"title"`
	Rank    *string `json:"rank"`
	Org     *string `json:"org"`
	Country *string `json:"country"`
}

// Event is one row of the events table.
type Event struct {
	EventID            string        `json:"event_id"`
	DocID              string        `json:"doc_id"`
	EventType          string        `json:"event_type"`
	Status             string        `json:"status"`
	ActorName          *string       `json:"actor_name"`
	ActorTitle         *string       `json:"actor_title"`
	ActorRank          *string       `json:"actor_rank"`
	ActorOrg           *string       `json:"actor_org"`
	ActorCountry       *string       `json:"actor_country"`
	CounterpartCountry *string       `json:"counterpart_country"`
	Participants       []Participant `json:"participants"` // never null: [] when none
	Country            *string       `json:"country"`
	Direction          *string       `json:"direction"` // visit and meeting: outgoing, incoming, third_country
	Place              *string       `json:"place"`
	StartDate          *string       `json:"start_date"` // 2024-03-05
	EndDate            *string       `json:"end_date"`
	DatePrecision      *string       `json:"date_precision"`
	YearSource         *string       `json:"year_source"`
	DateText           *string       `json:"date_text"`
	Name               *string       `json:"name"`
	RankPosition       *int64        `json:"rank_position"`
	RankYear           *int64        `json:"rank_year"`
	EvidenceText       string        `json:"evidence_text"`
	EvidenceStart      int64         `json:"evidence_start"` // rune offsets in the normalized text
	EvidenceEnd        int64         `json:"evidence_end"`
	Confidence         float64       `json:"confidence"`
	PloverType         *string       `json:"plover_type"`
	PloverMode         *string       `json:"plover_mode"`
}

// Mention is one row of the mentions table.
type Mention struct {
	DocID   string  `json:"doc_id"`
	Kind    string  `json:"kind"`
	Text    string  `json:"text"`
	Value   *string `json:"value"`
	Start   int64   `json:"start"` // rune offsets in the normalized text
	End     int64   `json:"end"`
	Title   *string `json:"title"`
	Rank    *string `json:"rank"`
	Country *string `json:"country"`
}

// Reject is an event record that failed validation: the event as it would
// have been written, and why it was not.
type Reject struct {
	Event
	Reason string `json:"reason"`
}

// Text is one row of the optional texts table (`communique run
// --with-text`): the normalized text of a document, which the rune offsets
// of mentions and evidence index. Only documents with status ok have one.
type Text struct {
	DocID string `json:"doc_id"`
	Text  string `json:"text"`
}
