package pipeline

import "testing"

func TestValidate(t *testing.T) {
	s := func(v string) *string { return &v }
	visit := func() Event {
		return Event{EventID: "e", DocID: "d", EventType: "visit", Status: "occurred",
			Country: s("KEN"), ActorCountry: s("IRL"), EvidenceText: "x", EvidenceStart: 0, EvidenceEnd: 1,
			Confidence: 0.5}
	}
	tests := []struct {
		name string
		edit func(e *Event)
		want string
	}{
		{"a valid visit", func(e *Event) {}, ""},
		{"a visit with a direction", func(e *Event) { e.Direction = s("outgoing") }, ""},
		{"a meeting with a direction", func(e *Event) {
			e.EventType, e.CounterpartCountry, e.Direction = "meeting", s("KEN"), s("third_country")
		}, ""},
		{"an unknown direction", func(e *Event) { e.Direction = s("inbound") }, `unknown direction "inbound"`},
		{"a direction on an agreement", func(e *Event) {
			e.EventType, e.CounterpartCountry, e.Direction = "agreement", s("KEN"), s("incoming")
		}, `direction "incoming" on event_type agreement: only visits and meetings have one`},
		{"a visit to the actor's own country", func(e *Event) { e.ActorCountry = s("KEN") }, "visit to the actor's own country"},
		{"a bad country", func(e *Event) { e.Country = s("XX") }, `country "XX" is not an ISO 3166-1 alpha-3 code`},
		{"a start with no end", func(e *Event) { e.StartDate = s("2024-04-25") }, ""},
		{"an end with no start", func(e *Event) { e.EndDate = s("2024-04-25") }, "an end_date without a start_date"},
		{"start after end", func(e *Event) { e.StartDate, e.EndDate = s("2024-04-25"), s("2024-04-24") },
			"start_date 2024-04-25 after end_date 2024-04-24"},
		{"evidence out of bounds", func(e *Event) { e.EvidenceEnd = 99 }, "evidence missing or out of the text's bounds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := visit()
			tt.edit(&e)
			if got := Validate(e, nil, 10); got != tt.want {
				t.Errorf("Validate = %q, want %q", got, tt.want)
			}
		})
	}
}
