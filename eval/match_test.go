package eval

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestNameTokens(t *testing.T) {
	tests := []struct {
		in   any
		want []string
	}{
		{"Lee Sang-min", []string{"lee", "sang", "min"}},
		{"His Excellency Majed Al-Hogail", []string{"majed", "al", "hogail"}},
		{"H.E. Ohood Al Roumi", []string{"h", "e", "ohood", "al", "roumi"}}, // "h.e." never survives as a token
		{"Lee's team", []string{"lee", "team"}},
		{"O'Brien's", []string{"o'brien's"}}, // 's only goes before a space
		{"Kim Kim Jong", []string{"kim", "kim", "jong"}},
		{"İlham Aliyev", []string{"i", "lham", "aliyev"}}, // the combining dot is not \w
		{"Mr.", nil},
		{nil, nil},
	}
	for _, tc := range tests {
		if diff := cmp.Diff(tc.want, nameTokens(tc.in)); diff != "" {
			t.Errorf("nameTokens(%#v) (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestNameMatch(t *testing.T) {
	tests := []struct {
		gold, pred any
		want       int
	}{
		{"Lee Sang-min", "Minister Lee Sang Min", 1}, // "minister" is no honorific
		{"Lee Sang-min", "Mr. LEE Sang-min", 2},
		{"Abdulaziz bin Saud bin Nayef Al Saud", "Prince Abdulaziz bin Saud", 1},
		{"Sergio Mattarella", "Mattarella", 0}, // one shared token, gold has two
		{"Mattarella", "Sergio Mattarella", 1},
		{"Ohood Al Roumi", "H.E. Ohood Al Roumi", 1},
		{"Ohood Al Roumi", "Ohood Al Olama", 0},
		{"Lee", "", 0},
		{"Dr.", "Dr.", 0},
	}
	for _, tc := range tests {
		if got := nameMatch(tc.gold, tc.pred); got != tc.want {
			t.Errorf("nameMatch(%q, %q) = %d, want %d", tc.gold, tc.pred, got, tc.want)
		}
	}
}

func TestGatheringMatch(t *testing.T) {
	tests := []struct {
		gold, pred string
		want       bool
	}{
		{"LEAP 2024", "the LEAP 2024 conference", true},
		{"LEAP 2024", "LEAP 2024 conference and exhibition week", false}, // 2 of 5
		{"Korea-Italy Cooperation Forum on Public Governance", "Korea–Italy Forum on Public Governance", true},
		{"CSI Korea 2024", "CSI", false}, // 1 of 3
		{"E-Government Cooperation Forum", "e-Government Forum", true},
		{"The Summit", "the", false}, // no tokens
	}
	for _, tc := range tests {
		if got := gatheringMatch(tc.gold, tc.pred); got != tc.want {
			t.Errorf("gatheringMatch(%q, %q) = %v, want %v", tc.gold, tc.pred, got, tc.want)
		}
	}
}

func TestAlign(t *testing.T) {
	obj := func(name string, optional any) *object {
		o := newObject("name", name)
		if optional != nil {
			o.set("optional", optional)
		}
		return o
	}
	type result struct {
		TP, FP, FN int
		Pairs      [][2]string
		Log        []string
	}
	tests := []struct {
		name         string
		golds, preds []*object
		want         result
	}{{
		name:  "required golds choose first, then optional ones absorb",
		golds: []*object{obj("Lee", true), obj("Lee Sang-min", nil), obj("Kim", nil)},
		preds: []*object{obj("Lee Sang-min", nil), obj("Lee", nil), obj("Park", nil)},
		want: result{TP: 1, FP: 1, FN: 1,
			Pairs: [][2]string{{"Lee Sang-min", "Lee Sang-min"}},
			Log:   []string{"  FN person: Kim", "  FP person: Park"}},
	}, {
		name:  "strictly higher score wins, first among equals",
		golds: []*object{obj("Lee Sang-min", nil)},
		preds: []*object{obj("Minister Lee Sang-min", nil), obj("Sang-min Lee", nil), obj("Lee Sang-min", nil)},
		want: result{TP: 1, FP: 2,
			Pairs: [][2]string{{"Lee Sang-min", "Sang-min Lee"}},
			Log:   []string{"  FP person: Minister Lee Sang-min", "  FP person: Lee Sang-min"}},
	}, {
		name:  "optional given as numbers sorts numerically",
		golds: []*object{obj("A B", json.Number("1")), obj("A B", json.Number("0"))},
		preds: []*object{obj("A B", nil)},
		want:  result{TP: 1, Pairs: [][2]string{{"A B", "A B"}}},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got result
			log := func(s string) { got.Log = append(got.Log, s) }
			var pairs [][2]*object
			got.TP, got.FP, got.FN, pairs = align(tc.golds, tc.preds,
				func(g, p *object) int { return nameMatch(g.get("name"), p.get("name")) },
				log, "person", func(x *object) string { return pyStr(x.get("name")) }, nil)
			for _, p := range pairs {
				got.Pairs = append(got.Pairs, [2]string{pyStr(p[0].get("name")), pyStr(p[1].get("name"))})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("align (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPersonsFromMentions(t *testing.T) {
	m := func(kind, text, value, rank, country any) *object {
		return newObject("kind", kind, "text", text, "value", value, "rank", rank, "country", country)
	}
	ments := []*object{
		m("person", "Lee", "Mr. Lee", "vice_minister", "KOR"),
		m("person", "Minister Lee Sang-min", "Lee Sang-min", "minister", "KOR"),
		m("country", "Korea", "KOR", nil, nil),
		m("person", "Omar Sultan Al Olama", nil, "minister_of_state", "ARE"),
		m("person", " Al Olama ", "", "minister", "ARE"),
		m("person", "Olama", nil, "minister", nil),
		m("person", nil, nil, "minister", "ARE"), // no name: skipped
		m("person", "Kim", "Kim", json.Number("1.0"), nil),
		m("person", "Kim", "Kim", true, nil),
		m("person", "Kim", "Kim", json.Number("1"), nil),
	}
	type person struct{ Name, Rank, Country string }
	want := []person{
		{"Omar Sultan Al Olama", "minister", "ARE"}, // 2 minister (folded) beat 1 minister_of_state
		{"Lee Sang-min", "minister", "KOR"},         // a tie: the host's own rank was added first
		{"Kim", "1.0", "None"},                      // 1.0, true and 1 are one key, kept as first seen
	}
	var got []person
	for _, p := range personsFromMentions(ments) {
		got = append(got, person{pyStr(p.get("name")), pyStr(p.get("rank")), pyStr(p.get("country"))})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("personsFromMentions (-want +got):\n%s", diff)
	}
}
