package extractors

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// metaWant is a Meta as the tests compare it: the published timestamp as its
// string ("" for nil).
type metaWant struct {
	Title     string
	Published string
	Publisher string
}

func TestReadMeta(t *testing.T) {
	tests := []struct {
		name string
		text string
		want metaWant
	}{
		{"Korea MOIS: kicker, label, date and time line",
			"\n\nPress Release\n\nPress Release Date and Time\n\nTuesday, 12 March 2024, 10:00 AM\n\n" +
				"Minister Lee Sang-min Expands Opportunities to Export Digital Platform Government Systems\n\n" +
				"- Bilateral discussion on future strategy\n\nMinister of the Interior and Safety Lee Sang-min visited Saudi Arabia from March 3 to 9.\n",
			metaWant{"Minister Lee Sang-min Expands Opportunities to Export Digital Platform Government Systems", "2024-03-12T10:00:00", ""}},
		{"Korea MOIS: navigation and Date : line",
			"the body go topmenu go\n\nHOME > What's New> News & Notices\n\nNews & Notices\n\n" +
				"MOIS to bolster cooperation on e-Government with BSEC member states\nDate : 2018.10.05 Read : 14923\n" +
				"The Ministry of the Interior and Safety sent a delegation to Greece and Romania from September 27 to October 2.\n",
			metaWant{"MOIS to bolster cooperation on e-Government with BSEC member states", "2018-10-05", ""}},
		{"site tagline above the headline, no date",
			"Press releases and events to keep you updated about recent government innovation activities.\n" +
				"The Republic of Korea takes center stage among leading digital governments\n" +
				"- MOIS to host the 2022 Digital Nations Ministerial Summit -\n" +
				"Korea will hold a ministerial summit from November 1 to 3.\n",
			metaWant{"The Republic of Korea takes center stage among leading digital governments", "", ""}},
		{"UK gov.uk: From and Published labels",
			"Press release\n\nUK and Japan agree new partnership on semiconductors\n\n" +
				"The Foreign Secretary has announced a new partnership with Japan.\n\n" +
				"From:\nForeign, Commonwealth & Development Office and The Rt Hon James Cleverly MP\nPublished\n9 January 2015\n\n" +
				"The UK and Japan have agreed to work together on semiconductors.\n",
			metaWant{"UK and Japan agree new partnership on semiconductors", "2015-01-09", "Foreign, Commonwealth & Development Office"}},
		{"site name and menus above the navigation are not the headline",
			"GOV.UK\nDepartments Worldwide How government works Get involved\n\nHome > World > Chile\n\nNews story\n\n" +
				"Minister for Europe meets Chilean Foreign Minister in London\n\nPublished 9 January 2015\n\n" +
				"The Minister for Europe met the Foreign Minister of Chile today to discuss trade, science and climate cooperation between the two countries.\n",
			metaWant{"Minister for Europe meets Chilean Foreign Minister in London", "2015-01-09", ""}},
		{"government name lines and a menu row without separators",
			"Republic of Estonia\nMinistry of Foreign Affairs\n\nHome News Ministry Policy Contacts\n\nRELEASE\n\n" +
				"Estonia ranks third in the world for digital public services\n\n3 March 2021\n\n" +
				"Estonia placed third in the E-Government Development Index, the foreign ministry said today in Tallinn.\n",
			metaWant{"Estonia ranks third in the world for digital public services", "2021-03-03", ""}},
		{"office and minister name lines above the headline, no navigation left",
			"Australian Government\nMinister for Trade and Tourism\nThe Hon Daniel Harris MP\n\n" +
				"Trade mission strengthens ties with Canada and the United States\n\n16 May 2023\n\n" +
				"Minister for Trade and Tourism, the Hon Daniel Harris MP, returned to Australia this week after leading a trade mission to Canada.\n",
			metaWant{"Trade mission strengthens ties with Canada and the United States", "2023-05-16", ""}},
		{"a line introducing a quote is not the headline",
			"READOUT\n\nDeputy Secretary meets Kazakhstan's Foreign Minister\n\nSEPTEMBER 10, 2019\n\nThe below is attributable to Deputy Spokesperson Jordan Castellanos:\n\nDeputy Secretary of State Margaret Hollis met today with Kazakhstan's Minister of Foreign Affairs in Washington.\n",
			metaWant{"Deputy Secretary meets Kazakhstan's Foreign Minister", "2019-09-10", ""}},
		{"Lithuania MFA: dateline",
			"Minister Landsbergis meets Ukrainian counterpart in Vilnius\n\n" +
				"Vilnius, 4 May 2021 - Foreign Minister Gabrielius Landsbergis met the Minister of Foreign Affairs of Ukraine on 3 May.\n",
			metaWant{"Minister Landsbergis meets Ukrainian counterpart in Vilnius", "2021-05-04", ""}},
		{"Philippines DFA: acronym kicker and dateline",
			"DFA Press Release\n\nPhilippines and Japan hold Strategic Dialogue\n\n" +
				"MANILA, 12 June 2019 - The Department of Foreign Affairs hosted the 7th Strategic Dialogue.\n",
			metaWant{"Philippines and Japan hold Strategic Dialogue", "2019-06-12", "DFA"}},
		{"Singapore MFA: title with a range, footer signature block",
			"MFA Press Statement: Visit by Minister for Foreign Affairs Dr Vivian Balakrishnan to Japan, 5 to 7 March 2024\n\n" +
				"Minister for Foreign Affairs Dr Vivian Balakrishnan will make a working visit to Japan from 5 to 7 March 2024.\n\n" +
				"The Minister will meet his counterpart.\n\nMINISTRY OF FOREIGN AFFAIRS\nSINGAPORE\n4 MARCH 2024\n",
			metaWant{"MFA Press Statement: Visit by Minister for Foreign Affairs Dr Vivian Balakrishnan to Japan, 5 to 7 March 2024", "2024-03-04", "MINISTRY OF FOREIGN AFFAIRS"}},
		{"India MEA: body lines above the headline, US-style date line",
			"Ministry of External Affairs\nGovernment of India\n\nVisit of External Affairs Minister to Japan (March 6-8, 2024)\n\nMarch 05, 2024\n\n" +
				"External Affairs Minister Dr. S. Jaishankar will visit Japan from March 6 to 8, 2024.\n",
			metaWant{"Visit of External Affairs Minister to Japan (March 6-8, 2024)", "2024-03-05", "Ministry of External Affairs"}},
		{"Mexico SRE: numbered kicker, place and date line",
			"SRE Press Release 045\n\nMexico and the United States agree on migration cooperation\n\nMexico City, March 10, 2019\n\n" +
				"Foreign Secretary Marcelo Ebrard met with the U.S. Secretary of State on March 9.\n",
			metaWant{"Mexico and the United States agree on migration cooperation", "2019-03-10", "SRE"}},
		{"UAE MOFA: release number with date",
			"No: 112, 3 April 2016\n\nUAE and Saudi Arabia sign cooperation agreement\n\nAbu Dhabi: The UAE signed an agreement with Saudi Arabia on 2 April.\n",
			metaWant{"UAE and Saudi Arabia sign cooperation agreement", "2016-04-03", ""}},
		{"press release number line with dotted date",
			"Press release No. 045/2019 ... 12.03.2019\n\nMinister meets the Ambassador of Chile\n\nThe Minister met the Ambassador.\n",
			metaWant{"Minister meets the Ambassador of Chile", "2019-03-12", ""}},
		{"Date label with ISO date and hits",
			"Foreign Minister receives Japanese delegation\nDate 2016-02-11 hit 532\nThe Foreign Minister received a delegation.\n",
			metaWant{"Foreign Minister receives Japanese delegation", "2016-02-11", ""}},
		{"Posted on label with slashed date",
			"Posted on: 2019/03/04\nEmbassy hosts reception for National Day\nThe Embassy hosted a reception.\n",
			metaWant{"Embassy hosts reception for National Day", "2019-03-04", ""}},
		{"Release date label, day first",
			"Australia and Indonesia hold ministerial meeting\nRelease date: 03.04.2020\nThe ministers met in Jakarta.\n",
			metaWant{"Australia and Indonesia hold ministerial meeting", "2020-04-03", ""}},
		{"Published wins over Last updated",
			"Last updated 10 January 2015\nPublished 9 January 2015\nForeign Secretary statement on Nigeria\n\nThe Foreign Secretary said.\n",
			metaWant{"Foreign Secretary statement on Nigeria", "2015-01-09", ""}},
		{"only Last updated",
			"Foreign Secretary statement on Nigeria\nLast updated 10 January 2015\n\nThe Foreign Secretary said the talks were useful.\n",
			metaWant{"Foreign Secretary statement on Nigeria", "2015-01-10", ""}},
		{"ISO date and time",
			"Joint communique of Korea and Viet Nam\nPublished: 2016-02-11T09:30\nThe two ministers met.\n",
			metaWant{"Joint communique of Korea and Viet Nam", "2016-02-11T09:30:00", ""}},
		{"hrs time",
			"Minister to address the General Assembly\nDate: 5 June 2023, 10.00 hrs\nThe Minister will speak.\n",
			metaWant{"Minister to address the General Assembly", "2023-06-05T10:00:00", ""}},
		{"24-hour time, time before the date",
			"Statement on the situation in the Middle East\n14:30, 7 October 2023\nThe Ministry is concerned.\n",
			metaWant{"Statement on the situation in the Middle East", "2023-10-07T14:30:00", ""}},
		{"pm time",
			"Press Release Date and Time\n12 March 2024, 3:15 p.m.\nMinister visits Rome\nThe Minister visited Rome.\n",
			metaWant{"Minister visits Rome", "2024-03-12T15:15:00", ""}},
		{"a time alone is not a date", "Minister visits Rome\n10:00 AM\nThe Minister visited Rome.\n", metaWant{"Minister visits Rome", "", ""}},
		{"label then date then time line",
			"Press Release Date and Time\n\nTuesday, 12 March 2024\n10:00 AM\n\nMinister visits Rome\n\nThe Minister visited Rome.\n",
			metaWant{"Minister visits Rome", "2024-03-12T10:00:00", ""}},
		{"footer: ministry and date",
			"Japan-Australia Foreign Ministers' Meeting\n\nOn April 2, Foreign Minister Kishida held a meeting with Foreign Minister Bishop.\n\n" +
				"The two ministers agreed to strengthen cooperation.\n\nMinistry of Foreign Affairs, 3 April 2016\n",
			metaWant{"Japan-Australia Foreign Ministers' Meeting", "2016-04-03", "Ministry of Foreign Affairs"}},
		{"footer: date alone on the last line",
			"Canada and Mexico renew partnership\n\nThe ministers met in Ottawa.\n\nThey agreed a new action plan.\n\n12 March 2024\n",
			metaWant{"Canada and Mexico renew partnership", "2024-03-12", ""}},
		{"Issued by label",
			"Statement by the Spokesperson on the elections in Nigeria\nIssued by the Ministry of Foreign Affairs on 5 March 2023\n\nThe Ministry welcomes the peaceful elections.\n",
			metaWant{"Statement by the Spokesperson on the elections in Nigeria", "", "Ministry of Foreign Affairs"}},
		{"Source label",
			"Japan provides emergency relief to Türkiye\nSource: Ministry of Foreign Affairs of Japan\n\nThe Government of Japan decided to provide relief.\n",
			metaWant{"Japan provides emergency relief to Türkiye", "", "Ministry of Foreign Affairs of Japan"}},
		{"kicker naming the ministry",
			"Press release - Ministry of Foreign Affairs of the Republic of Lithuania\n\nLithuania opens embassy in Seoul\n\nVilnius, 4 May 2021 - Lithuania opened an embassy.\n",
			metaWant{"Lithuania opens embassy in Seoul", "2021-05-04", "Ministry of Foreign Affairs of the Republic of Lithuania"}},
		{"ministry line above the headline",
			"Ministry of Foreign Affairs of Japan\n\nForeign Minister Kamikawa Meets Foreign Minister of Australia\n\nOn March 5, Foreign Minister Kamikawa held a meeting.\n",
			metaWant{"Foreign Minister Kamikawa Meets Foreign Minister of Australia", "", "Ministry of Foreign Affairs of Japan"}},
		{"Title Case headline that starts with a ministry",
			"Ministry of Foreign Affairs Hosts Annual Diplomatic Forum\n\nThe Ministry hosted its annual forum on 3 May 2023 in Hanoi with many guests from abroad.\n",
			metaWant{"Ministry of Foreign Affairs Hosts Annual Diplomatic Forum", "", ""}},
		{"wrapped headline ending in a joining word",
			"Media release\n\nForeign Minister Wong to visit Papua New Guinea and\nSolomon Islands\n\nForeign Minister Penny Wong will visit Papua New Guinea.\n",
			metaWant{"Foreign Minister Wong to visit Papua New Guinea and Solomon Islands", "", ""}},
		{"wrapped headline continuing in lower case",
			"PRESS RELEASE\n\nSecretary Manalo calls for stronger maritime\ncooperation in ASEAN\n\nSecretary Manalo spoke at the meeting.\n",
			metaWant{"Secretary Manalo calls for stronger maritime cooperation in ASEAN", "", ""}},
		{"headline with site suffix after a bar",
			"Share | Print\nJoint Statement on Korea-Japan Relations | Ministry of Foreign Affairs\n\nThe two governments issued a statement.\n",
			metaWant{"Joint Statement on Korea-Japan Relations | Ministry of Foreign Affairs", "", ""}},
		{"short headline with a navigation word", "Back to list\nTop diplomats meet in Seoul\n\nThe diplomats met.\n",
			metaWant{"Top diplomats meet in Seoul", "", ""}},
		{"headline ending in an abbreviation",
			"News release\nForeign Secretary Ebrard meets with Secretary of State of the U.S.\nThe two officials met.\n",
			metaWant{"Foreign Secretary Ebrard meets with Secretary of State of the U.S.", "", ""}},

		// Error rows: nothing to read, or only story dates.
		{"empty", "", metaWant{}},
		{"blank lines only", "\n\n \t\n", metaWant{}},
		{"story dates are not publication dates",
			"Foreign Minister visits Brazil\n\nThe Foreign Minister visited Brazil on 3 May 2021 and met his counterpart in Brasilia.\n\n" +
				"In October 2017, a Memorandum of Understanding was signed.\n",
			metaWant{"Foreign Minister visits Brazil", "", ""}},
		{"short dated sentence in the header is not a date line",
			"Ministers meet in Oslo\n\nOn 3 May 2021, ministers met.\n",
			metaWant{"Ministers meet in Oslo", "", ""}},
		{"yearless dateline",
			"Korea and Japan agree on talks\n\nSEOUL, March 5 (Yonhap) - Korea and Japan agreed to resume talks.\n",
			metaWant{"Korea and Japan agree on talks", "", ""}},
		{"navigation only", "the body go topmenu go\nHOME > News\nPress Release\n", metaWant{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := ReadMeta(tc.text)
			checkMetaInvariants(t, tc.text, m)
			got := metaWant{Title: m.Title, Publisher: m.Publisher}
			if m.Published != nil {
				got.Published = m.Published.String()
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ReadMeta mismatch (-want +got):\n%s\ntext:\n%s", diff, tc.text)
			}
		})
	}
}

// checkMetaInvariants verifies the invariants of a Meta read from text.
func checkMetaInvariants(t *testing.T, text string, m Meta) {
	t.Helper()
	sp := m.TitleSpan
	if m.Title == "" {
		if sp != (Span{}) {
			t.Fatalf("empty title with span %v", sp)
		}
	} else {
		if sp.Start < 0 || sp.Start >= sp.End || sp.End > len(text) {
			t.Fatalf("title span %v out of bounds (len %d)", sp, len(text))
		}
		if utf8.ValidString(text) && (!utf8.RuneStart(text[sp.Start]) || sp.End < len(text) && !utf8.RuneStart(text[sp.End])) {
			t.Fatalf("title span %v not on rune boundaries", sp)
		}
		// The title is the span's text, its lines joined by single spaces.
		if want := strings.Join(strings.Fields(text[sp.Start:sp.End]), " "); strings.Join(strings.Fields(m.Title), " ") != want {
			t.Fatalf("title %q does not match its span %q", m.Title, text[sp.Start:sp.End])
		}
		if m.Title != strings.TrimSpace(m.Title) || strings.Contains(m.Title, "\n") {
			t.Fatalf("title %q not trimmed to one line", m.Title)
		}
	}
	if p := m.Published; p != nil {
		if !p.Valid() || p.Hour < 0 || p.Hour > 23 || p.Minute < 0 || p.Minute > 59 || p.Second < 0 || p.Second > 59 {
			t.Fatalf("invalid published %+v", *p)
		}
		if !p.HasTime && (p.Hour != 0 || p.Minute != 0 || p.Second != 0) {
			t.Fatalf("time without HasTime: %+v", *p)
		}
	}
	if m.Publisher != strings.TrimSpace(m.Publisher) || strings.Contains(m.Publisher, "\n") {
		t.Fatalf("publisher %q not trimmed to one line", m.Publisher)
	}
}

func TestReadMetaTitleSpan(t *testing.T) {
	text := "News & Notices\n\nMOIS to bolster cooperation on e-Government\nDate : 2018.10.05\n"
	m := ReadMeta(text)
	want := Span{16, 59}
	if m.TitleSpan != want || text[want.Start:want.End] != m.Title {
		t.Errorf("TitleSpan = %v (%q), want %v (%q)", m.TitleSpan, m.Title, want, text[want.Start:want.End])
	}
}

func BenchmarkReadMeta(b *testing.B) {
	text := benchSeedText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		ReadMeta(text)
	}
}

func FuzzReadMeta(f *testing.F) {
	for _, s := range []string{
		"Press Release\n\nPress Release Date and Time\n\nTuesday, 12 March 2024, 10:00 AM\n\nMinister visits Rome\n",
		"the body go topmenu go\nHOME > News\nNews & Notices\nMOIS to bolster cooperation\nDate : 2018.10.05 Read : 14923\n",
		"Published\n9 January 2015\nFrom:\nForeign Office\n", "MANILA, 12 June 2019 - The Department\n",
		"Headline wrapped and\ncontinued here\n", "Ministry of X, 3 April 2016", "No: 112, 3 April 2016\n12:61 pm",
		"Date: 2016-02-11T25:99\n", "\xff\n\xfe Press release -\n", "o \n- \n|\n>\n", "0:00", "0\xde00\v",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkMetaInvariants(t, text, ReadMeta(text))
	})
}
