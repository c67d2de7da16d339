package extractors

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAgreements(t *testing.T) {
	tests := []struct {
		name, pub, headline, body string
		want                      []string
	}{
		{"a count is one record for each agreement counted", gha, "President Mahama receives Togolese President",
			"President of Togo Faure Lawson paid a state visit to Ghana on 10 March 2024. The two Presidents held talks. The programme also included a state banquet and the signing of three MoUs.",
			[]string{"agreement occurred with TGO 2024-03-10", "agreement occurred with TGO 2024-03-10", "agreement occurred with TGO 2024-03-10"}},
		{"agreements told apart by subject", hrv, "Croatia and Slovenia hold consultations",
			"Foreign Minister Ivana Horvat received her Slovenian counterpart Marko Novak. The ministers announced that the two governments are negotiating agreements, to be signed, on social security, on the recognition of driving licences and on police cooperation.",
			[]string{"agreement planned with SVN", "agreement planned with SVN", "agreement planned with SVN"}},
		{"two agreements in one sentence, the place opening it", nor, "Minister visits Viet Nam",
			"In Hanoi, a Letter of Intent on ocean research was signed on 11 March, together with an agreement on the avoidance of double taxation.",
			[]string{"agreement occurred with VNM 2024-03-11", "agreement occurred with VNM 2024-03-11"}},
		{"an exchange of notes; the country of the document", ken, "Cabinet Secretary receives Japanese delegation",
			"State Minister for Foreign Affairs of Japan Haruto Sato called on Cabinet Secretary Wanjiku Njoroge in Nairobi on 8 March 2024. The talks covered trade and maritime security. Kenya thanked Japan for its support. They later signed an Exchange of Notes for a grant to support flood relief in Kenya.",
			[]string{"agreement occurred with JPN 2024-03-08"}},
		{"a programme of consultations after negotiations", gha, "Ghana and Togo sign consultation programme",
			"The Ghana-Togolese negotiations ended with the signing of a Programme of Consultations between the Ministries of Foreign Affairs of the Republic of Ghana and the Togolese Republic for 2024-2025.",
			[]string{"agreement occurred with TGO 2024-03-12"}},
		{"the counterpart after with; the headline told again", chl, "Foreign Minister signs Cultural Cooperation Agreement with Paraguay",
			"Today Foreign Minister Alberto Rojas put his name to an Agreement on Cultural Cooperation with Paraguay, during the visit of its President.",
			[]string{"agreement occurred with PRY 2024-03-12"}},
		{"countries of the agenda are no parties", nor, "Foreign Minister in Ottawa",
			"On 3 March Foreign Minister Kari Solberg met her Canadian counterpart Mark Tremblay for talks. Talks on the Sudan conflict, Haiti and the Arctic, and the signing of an agreement on polar research: the Minister's programme in Ottawa on 3 March was full.",
			[]string{"agreement occurred with CAN 2024-03-03"}},
		{"a renewal and a conclusion planned, told apart from a signed one", ken, "Kenya and Uganda to renew border agreement",
			"During the visit, the ministers are expected to sign the Lake Victoria Fisheries Agreement with Uganda. In addition, the plan is to renew the bilateral agreement on border posts and to conclude an agreement on the export of tea from Kenya to Uganda.",
			[]string{"agreement planned with UGA", "agreement planned with UGA", "agreement planned with UGA"}},
		{"the nearest word of intent decides", vnm, "Deputy Prime Minister meets Barbadian Prime Minister",
			"Meeting Prime Minister of Barbados Mia Grant on 4 March, the Deputy Prime Minister proposed that the two countries soon sign a Memorandum of Understanding on fisheries.",
			[]string{"agreement planned with BRB [Mia Grant] 2024-03-04"}},
		{"a treaty in an official's title is no agreement", chl, "Delegation to plastics talks",
			"Ambassador Rosa Fuentes, Chief Negotiator for the Plastics Treaty, will lead a Chilean delegation to the talks in Nairobi on 20 March, where negotiating groups meet.",
			nil},
		{"a party that is no country keeps the document's country out", ken, "Cabinet Secretary receives Japanese delegation",
			"State Minister for Foreign Affairs of Japan Haruto Sato called on Cabinet Secretary Wanjiku Njoroge in Nairobi on 8 March 2024. The talks covered trade. Kenya thanked Japan for its support. Separately, the Ministry signed an MoU with the Kenya School of Government on diplomatic training.",
			nil},
		{"a reference is no agreement, a second one is new, this one is told before", nor, "Norway and Indonesia sign climate MOU",
			"Norway and Indonesia signed an MOU on climate finance on 5 March. On the occasion, a second Memorandum of Understanding, on cooperation under Article 6 of the Paris Agreement, was signed between the Norwegian Environment Agency and its Indonesian counterpart. This agreement builds on the MOU on forestry that the two ministries signed in 2019.",
			[]string{"agreement occurred with IDN 2024-03-05", "agreement occurred with IDN 2024-03-05", "agreement occurred with IDN 2019-01-01/2019-12-31"}},
		{"a letter of intent and an MOU are two", hrv, "Minister meets Slovenian counterpart",
			"Minister Ivana Horvat met Slovenian Foreign Minister Marko Novak on 4 March and signed a letter of intent on youth exchanges. The two ministers also signed a Memorandum of Understanding.",
			[]string{"agreement occurred with SVN [Marko Novak] 2024-03-04", "agreement occurred with SVN 2024-03-04"}},
		{"a tour of several countries gives no document's country", gha, "Minister tours West Africa",
			"The Minister visited Togo, Benin and Nigeria from 1 to 6 March. Agreement to sign MOUs on trade at the earliest date.",
			nil},
		{"an agreement to act is no document", gha, "Ghana and Nigeria agree on trade",
			"The ministers reached an agreement to expand trade and welcomed the signing ceremony of the new ECOWAS office.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkEvents(t, Agreements{}, tt.pub, tt.headline, tt.body, tt.want) })
	}
}

func TestAgreementSubjects(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"agreements on trade, on health and on energy.", []string{"on trade", "on health", "on energy"}},
		{"agreements, to be signed, on visas and on customs", []string{"on visas", "on customs"}},
		{"agreement on border posts and their regimes and to conclude", []string{"on border posts and their regimes"}},
		{"agreement for a new credit line was signed", []string{"for a new credit line"}},
		{"agreement with Kenya", nil},
		{"agreement", nil},
	}
	for _, tt := range tests {
		ws := lowerWords(tt.text)
		if got := agreementSubjects(tt.text, ws, 1); !cmp.Equal(got, tt.want) {
			t.Errorf("agreementSubjects(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestDayBeforeReach checks that dayBefore finds the date a long release
// opens with, and looks no further back than dayReach.
func TestDayBeforeReach(t *testing.T) {
	head := "Seoul, March 3, 2024. The Minister arrived in Rome. "
	filler := strings.Repeat("The delegation discussed trade and investment. ", (dayReach+4096)/47)
	d := &Doc{Text: head + filler}
	Default().Mentions(d)
	f := BuildFrame(d)
	dateEnd := strings.Index(head, "2024") + 4
	for _, c := range []struct {
		off  int
		want bool
	}{
		{len(head), true},
		{dateEnd + dayReach - 200, true},
		{dateEnd + dayReach + 200, false},
	} {
		off := c.off
		for off < len(d.Text) && d.Text[off-1] != ' ' {
			off++ // between words
		}
		if got := f.dayBefore(off); (got != nil) != c.want {
			t.Errorf("dayBefore(%d), %d bytes after the date: %v, want one: %v", off, off-dateEnd, got, c.want)
		}
	}
}
