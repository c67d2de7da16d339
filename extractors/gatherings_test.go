package extractors

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestGatherings(t *testing.T) {
	tests := []struct {
		name, pub, headline, body string
		want                      []string
	}{
		{"plural possessives in a list of names", ken, "Cabinet Secretary to travel to Qatar",
			"During her time in Qatar, Cabinet Secretary Wanjiku Njoroge will take part in the annual EAC-Gulf Foreign Ministers' Meeting, the Commonwealth Trade Ministers' Meeting, and the Africa Climate Forum.",
			[]string{`gathering planned "EAC-Gulf Foreign Ministers' Meeting" in KEN`, `gathering planned "Commonwealth Trade Ministers' Meeting" in KEN`, `gathering planned "Africa Climate Forum" in KEN`}},
		{"a possessive after of", nor, "Minister meets partners in Oslo",
			"The ministers shared views on the outcomes of the Third Ministerial Meeting of Sudan's Neighbouring Countries held in Oslo on 11 March.",
			[]string{`gathering occurred "Third Ministerial Meeting of Sudan's Neighbouring Countries" in NOR 2024-03-11`}},
		{"a session of a body named with a possessive", gha, "Deputy Minister in Addis Ababa",
			"The Deputy Minister attended the 57th session of the UN’s ECA, held on 4-5 March 2024 in Addis Ababa.",
			[]string{`gathering occurred "57th session of the UN’s ECA" in ETH 2024-03-04/2024-03-05`}},
		{"a comma list closed by and", gha, "Minister to visit Nigeria",
			"The Minister will co-chair the 9th Session of the Ghana-Nigeria Joint Commission on Trade, Energy, Security and Cultural Cooperation (9th JC) in Abuja.",
			[]string{`gathering planned "9th Session of the Ghana-Nigeria Joint Commission on Trade, Energy, Security and Cultural Cooperation" in NGA`}},
		{"present for a forum", vnm, "Deputy Minister receives Mekong delegations",
			"Present in Viet Nam for the 5th Mekong-Lancang Cooperation Forum, the delegation comprised deputy ministers of five countries.",
			[]string{`gathering occurred "5th Mekong-Lancang Cooperation Forum" in VNM`}},
		{"a name stops before the weekday", chl, "President speaks in Bergen",
			"The President spoke at the Bergen International Forum on Democracy on Monday, 11 March, before meeting the Prime Minister.",
			[]string{`gathering occurred "Bergen International Forum on Democracy" in NOR 2024-03-11`}},
		{"a quoted title after a lower-case head", vnm, "Ministry hosts regional seminar",
			"The Minister opened the regional seminar “Ocean governance in a changing climate”, held at the Ministry of Foreign Affairs on 11 March 2024.",
			[]string{`gathering occurred "regional seminar “Ocean governance in a changing climate”" in VNM 2024-03-11`}},
		{"an acronym told again gives place, date and status", hrv, "Delegation to migration talks",
			"Croatian Delegation to the Intergovernmental Committee on Migration (ICM) Meeting on a Global Compact\n\nOn 19 March 2024, Ambassador Ana Kovač will head a delegation to the ICM in Geneva, Switzerland for the fifth round of talks.",
			[]string{`gathering planned "Intergovernmental Committee on Migration (ICM) Meeting on a Global Compact" in CHE 2024-03-19`}},
		{"looking forward to hosting", gha, "Ghana and Canada review relations",
			"In the coming months, we look forward to hosting the 4th Ghana-Canada Bilateral Dialogue here in Accra.",
			[]string{`gathering planned "4th Ghana-Canada Bilateral Dialogue" in GHA`}},
		{"a relative clause in the future", nor, "Minister meets US Deputy Secretary",
			"He also met the Deputy Secretary of State, with whom he discussed the Arctic Ocean Conference that Norway will host in Tromsø.",
			[]string{`gathering planned "Arctic Ocean Conference" in NOR`}},
		{"a past edition with its own date stays apart", ken, "Cabinet Secretary to attend Nordic meeting",
			"The Cabinet Secretary will take part in the Africa-Nordic Foreign Ministers' Meeting in Helsinki. She attended the inaugural Africa-Nordic Foreign Ministers' meeting in Oslo in May 2015.",
			[]string{`gathering planned "Africa-Nordic Foreign Ministers' Meeting" in FIN`, `gathering occurred "Africa-Nordic Foreign Ministers' meeting" in NOR 2015-05-01/2015-05-31`}},
		{"a commemoration and an inauguration in lower case", chl, "Minister travels to Argentina",
			"The Minister will attend the ceremony commemorating the 200th anniversary of the Battle of Maipú. He will then represent Chile at the presidential inauguration in Buenos Aires on 15 March.",
			[]string{`gathering planned "ceremony commemorating the 200th anniversary of the Battle of Maipú" in CHL`, `gathering planned "presidential inauguration" in ARG 2024-03-15`}},
		{"a press conference is no gathering", hrv, "Remarks at the press conference",
			"Remarks by the Minister at the Joint Press Conference on the Visit of the Slovenian Foreign Minister to Zagreb",
			nil},
		{"an organization whose head is met", chl, "Minister in Geneva",
			"He also saw Ana Ruiz, President, Andean Economic Forum; and Luis Vega, Founder and Chairman, Andean Economic Forum, along with officials of the World Health Organization.",
			nil},
		{"a format in quotes", ken, "Ministers meet in Mombasa",
			"The ministers discussed preparations for the ministerial meeting in the format \"East Africa-Gulf\" to be held in Mombasa on 20 March.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkEvents(t, Gatherings{}, tt.pub, tt.headline, tt.body, tt.want) })
	}
}

// hasGatheringWordRef is hasGatheringWord as it was before one pass and
// the pair filter: the reference for TestHasGatheringWord.
func hasGatheringWordRef(text string) bool {
	return strings.IndexByte(text, '"') >= 0 || strings.Contains(text, "“") ||
		anyWordIn(text, gatheringWords, gatheringWordShape)
}

// hasGatheringWord answers as hasGatheringWordRef does on the corpus's
// sentences and on random texts of nouns, near misses and marks.
func TestHasGatheringWord(t *testing.T) {
	check := func(text string) {
		if got, want := hasGatheringWord(text), hasGatheringWordRef(text); got != want {
			t.Fatalf("hasGatheringWord(%q) = %v, want %v", text, got, want)
		}
	}
	yes := 0
	for _, doc := range regressionCorpus(t) {
		for _, sp := range Sentences(doc.text) {
			check(doc.text[sp.Start:sp.End])
			if hasGatheringWord(doc.text[sp.Start:sp.End]) {
				yes++
			}
		}
	}
	if yes == 0 {
		t.Fatal("no sentence of the corpus has a gathering word")
	}
	pieces := []string{"Summit", "summit", "SUMMIT", "summits", "summi", "day", "Days", "da", "a", "I", "fair", "fairy",
		"swearing-in", "swearing-", "round-table", "round", "-", "table", "forum", "Forums", "meeting", "meetings",
		"Expo", "ex", "x", "co", "week", "weekly", "show", "SHOW", "talks", "talk", "\"", "“", "”", "’", "\xe2",
		"\xe2\x80", "é", "2024", " ", " ", " ", ",", ".", "\n", strings.Repeat("a", 30), "commemoration", "commemorations"}
	r := rand.New(rand.NewPCG(9, 10))
	for range 50000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// appendWordsOfRef is appendWordsOf as it was before its ASCII fast
// paths: the reference for TestAppendWordsOf.
func appendWordsOfRef(out []tok, s string, base int) []tok {
	i := 0
	for i < len(s) {
		r, n := runeAt(s, i)
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(s) {
				if c := s[j]; c < utf8.RuneSelf && asciiAlnum[c] {
					j++
					continue
				}
				r2, n2 := runeAt(s, j)
				if unicode.IsLetter(r2) || unicode.IsDigit(r2) || r2 == '\'' && j+n2 < len(s) && isLetterAt(s, j+n2) && !strings.HasPrefix(s[j:], "'s") || (r2 == '-' || r2 == '&' || r2 == '.') && j+n2 < len(s) && isLetterAt(s, j+n2) {
					j += n2
					continue
				}
				break
			}
			out = append(out, tok{s[i:j], base + i, base + j})
			i = j
		default:
			out = append(out, tok{s[i : i+n], base + i, base + i + n})
			i += n
		}
	}
	return out
}

// appendWordsOf splits as appendWordsOfRef does, on the corpus and on
// random texts of words, marks, spaces and bytes beyond ASCII.
func TestAppendWordsOf(t *testing.T) {
	check := func(text string) {
		got, want := appendWordsOf(nil, text, 7), appendWordsOfRef(nil, text, 7)
		if !slices.Equal(got, want) {
			t.Fatalf("appendWordsOf(%q) = %v, want %v", text, got, want)
		}
	}
	for _, doc := range regressionCorpus(t) {
		check(doc.text)
	}
	pieces := []string{"Summit", "a", "I", "2024", "5th", "'", "'s", "'S", "’", "-", "&", ".", ",", " ", " ", "\t", "\n",
		"\v", "\u0085", "\u00a0", "\u2028", "é", "Zürich", "日本", "\xff", "\xe2\x80", "K", "x", "\"", "(", "e-Government"}
	r := rand.New(rand.NewPCG(11, 12))
	for range 50000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// letterRunEnd, eight bytes at a time, stops where the byte loop it
// replaces stops, from every offset of random texts.
func TestLetterRunEnd(t *testing.T) {
	ref := func(text string, j int) int {
		for j < len(text) && letterOrHyphen[text[j]] {
			j++
		}
		return j
	}
	const edges = "@AZ[`az{,-./\x7f\x80\xc0\xc1\xda\xdb\xff\x0d\x2c\x2e\xad\x4d\xcd"
	r := rand.New(rand.NewPCG(13, 14))
	for range 30000 {
		b := make([]byte, r.IntN(40))
		for k := range b {
			switch r.IntN(4) {
			case 0:
				b[k] = byte(r.IntN(256))
			case 1:
				b[k] = edges[r.IntN(len(edges))]
			default:
				b[k] = byte('a' + r.IntN(26))
			}
		}
		text := string(b)
		for j := 0; j <= len(text); j++ {
			if got, want := letterRunEnd(text, j), ref(text, j); got != want {
				t.Fatalf("letterRunEnd(%q, %d) = %d, want %d", text, j, got, want)
			}
		}
	}
}

// TestIsHeadNoun checks isHeadNoun, behind its table of first two bytes
// and lengths, against the look-up of the lower-cased word, on the words
// of the corpus and on random words.
func TestIsHeadNoun(t *testing.T) {
	check := func(w string) {
		if got, want := isHeadNoun(w), headNouns[strings.ToLower(w)]; got != want {
			t.Fatalf("isHeadNoun(%q) = %v, want %v", w, got, want)
		}
	}
	yes := 0
	for _, doc := range regressionCorpus(t) {
		for _, w := range appendWordsOf(nil, doc.text, 0) {
			check(w.s)
			if isHeadNoun(w.s) {
				yes++
			}
		}
	}
	if yes == 0 {
		t.Fatal("no word of the corpus is a head noun")
	}
	pieces := []string{"Summit", "summit", "SUMMIT", "s", "Sum", "mit", "day", "Da", "y", "week", "-", "round", "table", "İ",
		"\u212a", "talks", "TALK", "s", "é", "x", "2", "'", strings.Repeat("a", 60), "meeting", "Meetings", "fair", "FAİR"}
	r := rand.New(rand.NewPCG(13, 14))
	for range 50000 {
		var b strings.Builder
		for range 1 + r.IntN(3) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// dedupeSpansRef is dedupeSpans as it was: each mention against all.
func dedupeSpansRef(ms []Mention) []Mention {
	var out []Mention
	for i, m := range ms {
		keep := true
		for j, o := range ms {
			if i != j && o.Span.Contains(m.Span) && (o.Span != m.Span || j < i) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, m)
		}
	}
	return out
}

// TestDedupeSpansSame compares dedupeSpans with the reference on random
// spans, many of them equal, nested or sharing an end.
func TestDedupeSpansSame(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		ms := make([]Mention, r.IntN(12))
		for i := range ms {
			s := r.IntN(10)
			ms[i] = Mention{Span: Span{s, s + r.IntN(6)}, Value: string(rune('a' + i))}
		}
		if got, want := dedupeSpans(ms), dedupeSpansRef(ms); !slices.Equal(got, want) {
			t.Fatalf("%v: got %v, want %v", ms, got, want)
		}
	}
}
