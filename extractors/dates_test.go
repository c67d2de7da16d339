package extractors

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// dateWant is a resolved date as the tests compare it.
type dateWant struct {
	Text  string
	Value string
	Prec  Precision
	Src   YearSource
}

// pubDate parses "2006-01-02" into a publication Timestamp; "" is nil.
func pubDate(t *testing.T, s string) *Timestamp {
	t.Helper()
	if s == "" {
		return nil
	}
	var y, m, d int
	if _, err := fmt.Sscanf(s, "%d-%d-%d", &y, &m, &d); err != nil {
		t.Fatalf("bad test date %q: %v", s, err)
	}
	return &Timestamp{Date: Date{y, time.Month(m), d}}
}

func TestFindDates(t *testing.T) {
	tests := []struct {
		name string
		pub  string
		text string
		want []dateWant // nil: no date expression
	}{
		// Day forms and ranges.
		{"range to", "2024-03-12", "Minister Lee Sang-min visited Saudi Arabia, the UAE and Italy from March 3 to 9.",
			[]dateWant{{"March 3 to 9", "2024-03-03/2024-03-09", Day, YearPublished}}},
		{"range dash", "2024-03-12", "Saudi Arabia (March 3-5)\tKeynote at the conference",
			[]dateWant{{"March 3-5", "2024-03-03/2024-03-05", Day, YearPublished}}},
		{"range spaced dash", "2024-03-12", "Saudi Arabia: March 3 - 5",
			[]dateWant{{"March 3 - 5", "2024-03-03/2024-03-05", Day, YearPublished}}},
		{"cross month", "2018-10-05", "The delegation visited Greece and Romania from September 27 to October 2.",
			[]dateWant{{"September 27 to October 2", "2018-09-27/2018-10-02", Day, YearPublished}}},
		{"to day", "2022-10-20", "The summit will be held on November 1 to 3 in Seoul.",
			[]dateWant{{"November 1 to 3", "2022-11-01/2022-11-03", Day, YearPublished}}},
		{"through", "2019-12-26", "The exhibition was held from November 25 through 27. Talks ran May 20 through 23.",
			[]dateWant{{"November 25 through 27", "2019-11-25/2019-11-27", Day, YearPublished},
				{"May 20 through 23", "2019-05-20/2019-05-23", Day, YearPublished}}},
		{"on range", "2019-12-26", "The Commemorative Summit took place on November 25-26 in Busan.",
			[]dateWant{{"November 25-26", "2019-11-25/2019-11-26", Day, YearPublished}}},
		{"missing space", "2018-07-23", "On July16, the delegation held a forum in Prague.",
			[]dateWant{{"July16", "2018-07-16", Day, YearPublished}}},
		{"day month year range (Philippines DFA)", "2016-05-10", "Secretary Jose attended the meetings held on 2 to 6 May 2016 in Vientiane.",
			[]dateWant{{"2 to 6 May 2016", "2016-05-02/2016-05-06", Day, YearExplicit}}},
		{"cross month explicit (India MEA)", "", "The Prime Minister visited the United States, 29 September - 2 October 2015.",
			[]dateWant{{"29 September - 2 October 2015", "2015-09-29/2015-10-02", Day, YearExplicit}}},
		{"abbreviated month range", "", "The 11-19 Nov 2014 mission covered three provinces.",
			[]dateWant{{"11-19 Nov 2014", "2014-11-11/2014-11-19", Day, YearExplicit}}},
		{"weekday in parentheses (Japan MOFA)", "2023-03-10", "From March 2 (Thu) to March 9 (Thu), Foreign Minister Hayashi visited India.",
			[]dateWant{{"March 2 (Thu) to March 9 (Thu)", "2023-03-02/2023-03-09", Day, YearPublished}}},
		{"single day with weekday", "2024-06-04", "On June 3 (Monday), the Minister met the Ambassador of Chile.",
			[]dateWant{{"June 3 (Monday)", "2024-06-03", Day, YearPublished}}},
		{"day and range (UK FCDO)", "2023-05-10", "The Foreign Secretary will travel to Japan on 12 May and from 13 to 15 May to Korea.",
			[]dateWant{{"12 May", "2023-05-12", Day, YearPublished}, {"13 to 15 May", "2023-05-13/2023-05-15", Day, YearPublished}}},
		{"weekday day month year (Singapore MFA)", "", "Tuesday 07 March 2017\nMinister Balakrishnan met Minister Bishop.",
			[]dateWant{{"Tuesday 07 March 2017", "2017-03-07", Day, YearExplicit}}},
		{"weekday comma", "", "Tuesday, 12 March 2024, 10:00 AM",
			[]dateWant{{"Tuesday, 12 March 2024", "2024-03-12", Day, YearExplicit}}},
		{"US style", "", "WASHINGTON, Thursday, March 7, 2024 - The Secretary met the Minister on March 5, 2024.",
			[]dateWant{{"Thursday, March 7, 2024", "2024-03-07", Day, YearExplicit}, {"March 5, 2024", "2024-03-05", Day, YearExplicit}}},
		{"iso and dotted", "", "Date 2016-02-11 hit 532. Date : 2018.10.05 Read : 14923",
			[]dateWant{{"2016-02-11", "2016-02-11", Day, YearExplicit}, {"2018.10.05", "2018-10-05", Day, YearExplicit}}},
		{"Korean spaced dots", "", "Posted 2024. 3. 12. by the Ministry",
			[]dateWant{{"2024. 3. 12", "2024-03-12", Day, YearExplicit}}},
		{"day first numeric", "", "Release date: 03.04.2020; see also 3/14/2020 and 2019/03/04.",
			[]dateWant{{"03.04.2020", "2020-04-03", Day, YearExplicit}, {"3/14/2020", "2020-03-14", Day, YearExplicit},
				{"2019/03/04", "2019-03-04", Day, YearExplicit}}},
		{"time ignored", "", "Vilnius, 3 March 2021, 11:05 am - The Minister spoke.",
			[]dateWant{{"3 March 2021", "2021-03-03", Day, YearExplicit}}},
		{"iso with time", "", "Updated 2016-02-11T09:30 by the webmaster.",
			[]dateWant{{"2016-02-11", "2016-02-11", Day, YearExplicit}}},
		{"times before the day", "2019-12-26", "MOIS held the Roundtable from 10:00 a.m. to 5:00 p.m. on November 26 in BEXCO.",
			[]dateWant{{"November 26", "2019-11-26", Day, YearPublished}}},
		{"ordinals", "2024-04-20", "The talks on March 3rd and the forum on the 5th of May are confirmed.",
			[]dateWant{{"March 3rd", "2024-03-03", Day, YearPublished}, {"5th of May", "2024-05-05", Day, YearPublished}}},
		{"abbreviations", "", "Signed Sept. 5, 2019 in Ottawa; ratified Nov 2020.",
			[]dateWant{{"Sept. 5, 2019", "2019-09-05", Day, YearExplicit}, {"Nov 2020", "2020-11-01/2020-11-30", Month, YearExplicit}}},
		{"consecutive and", "2024-05-20", "Mexico and Chile will meet on 12 and 13 June (SRE).",
			[]dateWant{{"12 and 13 June", "2024-06-12/2024-06-13", Day, YearPublished}}},
		{"non-consecutive and", "2024-05-20", "Consultations will be held on 12 and 15 June.",
			[]dateWant{{"12", "2024-06-12", Day, YearPublished}, {"15 June", "2024-06-15", Day, YearPublished}}},
		{"between and", "2024-02-20", "The Secretary will visit Mexico between March 3 and 5.",
			[]dateWant{{"March 3 and 5", "2024-03-03/2024-03-05", Day, YearPublished}}},
		{"day range before month (Australia DFAT)", "2024-05-20", "Minister Wong will visit Fiji on 24-25 May.",
			[]dateWant{{"24-25 May", "2024-05-24/2024-05-25", Day, YearPublished}}},
		{"leap day", "", "The agreement was signed on 29 February 2024.",
			[]dateWant{{"29 February 2024", "2024-02-29", Day, YearExplicit}}},

		// Month and year precision.
		{"month year", "2018-10-05", "In October 2017, a Memorandum of Understanding was signed.",
			[]dateWant{{"October 2017", "2017-10-01/2017-10-31", Month, YearExplicit}}},
		{"month last year", "2024-03-12", "President Mattarella's visit to Korea in November last year strengthened ties.",
			[]dateWant{{"November last year", "2023-11-01/2023-11-30", Month, YearPublished}}},
		{"month alone future", "2024-03-12", "He will attend the UN Public Service Forum (to be held in Korea in June).",
			[]dateWant{{"June", "2024-06-01/2024-06-30", Month, YearPublished}}},
		{"month alone past", "2018-10-05", "Greece, which announced the end of bailout programs in August, is reforming.",
			[]dateWant{{"August", "2018-08-01/2018-08-31", Month, YearPublished}}},
		{"month modifiers", "2024-01-15", "Talks resume in mid-March and end by early April; elections come in late 2025.",
			[]dateWant{{"mid-March", "2024-03-01/2024-03-31", Month, YearPublished}, {"early April", "2024-04-01/2024-04-30", Month, YearPublished},
				{"late 2025", "2025-01-01/2025-12-31", Year, YearExplicit}}},
		{"end of month", "2024-01-15", "The report is due at the end of March.",
			[]dateWant{{"March", "2024-03-01/2024-03-31", Month, YearPublished}}},
		{"month ranges", "", "The consultations run from March to May 2024; the pilot ran March-April 2023.",
			[]dateWant{{"March to May 2024", "2024-03-01/2024-05-31", Month, YearExplicit}, {"March-April 2023", "2023-03-01/2023-04-30", Month, YearExplicit}}},
		{"last and next month names", "2024-03-12", "Since last November the two sides have met; they meet again next March.",
			[]dateWant{{"last November", "2023-11-01/2023-11-30", Month, YearPublished}, {"next March", "2025-03-01/2025-03-31", Month, YearPublished}}},
		{"relative years", "2024-03-12", "This follows state visits last year; the centre opens within this year and expands next year.",
			[]dateWant{{"last year", "2023-01-01/2023-12-31", Year, YearPublished}, {"this year", "2024-01-01/2024-12-31", Year, YearPublished},
				{"next year", "2025-01-01/2025-12-31", Year, YearPublished}}},
		{"relative months", "2024-12-15", "Ratification is expected next month; talks were held this month.",
			[]dateWant{{"next month", "2025-01-01/2025-01-31", Month, YearPublished}, {"this month", "2024-12-01/2024-12-31", Month, YearPublished}}},
		{"this week is the publication week", "2024-03-13", "The ministers met in Canberra this week.",
			[]dateWant{{"this week", "2024-03-11/2024-03-17", Day, YearPublished}}},
		{"today and yesterday (UAE MOFA)", "2024-02-01", "H.H. Sheikh Abdullah received the Minister today, who arrived yesterday.",
			[]dateWant{{"today", "2024-02-01", Day, YearPublished}, {"yesterday", "2024-01-31", Day, YearPublished}}},
		{"Today opening a sentence (Kenya MFA)", "2023-06-14", "Today the Cabinet Secretary received the envoy of Ghana. Tomorrow, she departs for Accra.",
			[]dateWant{{"Today", "2023-06-14", Day, YearPublished}, {"Tomorrow", "2023-06-15", Day, YearPublished}}},
		{"Today in a name is not a date (Norway)", "2023-06-14", "The minister spoke to Norway Today about the talks.", nil},
		{"a weekday alone, past (Ghana MFA, published on a Wednesday)", "2024-05-29", "Ghana on Tuesday conveyed its condolences to the people of Peru.",
			[]dateWant{{"Tuesday", "2024-05-28", Day, YearPublished}}},
		{"a weekday alone, future (Vietnam MOFA, published on a Wednesday)", "2024-05-29", "The Deputy Minister will meet the delegation on Friday.",
			[]dateWant{{"Friday", "2024-05-31", Day, YearPublished}}},
		{"a weekday alone, the publication day (Chile)", "2024-05-29", "The Minister met the envoy on Wednesday.",
			[]dateWant{{"Wednesday", "2024-05-29", Day, YearPublished}}},
		{"a weekday without on is not a date", "2024-05-29", "Wednesday Addams and Friday Night Lights were shown.", nil},
		{"weekdays on both ends of a range (Ghana MFA)", "2023-03-10", "The Minister will visit Togo from Monday, 13th to Friday, 17th March, 2023.",
			[]dateWant{{"Monday, 13th to Friday, 17th March, 2023", "2023-03-13/2023-03-17", Day, YearExplicit}}},
		{"weekdays on both ends of a range, month first (Liberia)", "2023-03-10", "The delegation will be in Ghana Tuesday, March 14 to Thursday, March 16, 2023.",
			[]dateWant{{"Tuesday, March 14 to Thursday, March 16, 2023", "2023-03-14/2023-03-16", Day, YearExplicit}}},
		{"weekdays after next week fall in it (Oman, published on a Tuesday)", "2024-03-12",
			"The Minister will visit Jordan next week. He will meet the King on Wednesday.",
			[]dateWant{{"next week", "2024-03-18/2024-03-24", Day, YearPublished}, {"Wednesday", "2024-03-20", Day, YearPublished}}},
		{"weekdays after last week fall in it (Tanzania, published on a Monday)", "2024-03-11",
			"The Minister visited Zambia last week. She opened the trade fair on Thursday.",
			[]dateWant{{"last week", "2024-03-04/2024-03-10", Day, YearPublished}, {"Thursday", "2024-03-07", Day, YearPublished}}},
		{"weekdays after this week fall in it (Czech Republic, published on a Thursday)", "2024-04-25",
			"The Minister is on a working visit to Central Asia this week. On Wednesday he is in Astana, and on Friday he travels on to Tashkent, where he will hold talks.",
			[]dateWant{{"this week", "2024-04-22/2024-04-28", Day, YearPublished}, {"Wednesday", "2024-04-24", Day, YearPublished}, {"Friday", "2024-04-26", Day, YearPublished}}},
		{"weekdays after this week fall in it (Latvia, published on a Monday)", "2024-03-11",
			"The State Secretary will visit Georgia this week. He will meet the Foreign Minister on Wednesday.",
			[]dateWant{{"this week", "2024-03-11/2024-03-17", Day, YearPublished}, {"Wednesday", "2024-03-13", Day, YearPublished}}},
		{"a future weekday after this week, told on a Sunday, is the coming one (Portugal)", "2024-06-09",
			"The Secretary of State will travel this week to Angola and Mozambique. She will begin the tour on Tuesday in Luanda.",
			[]dateWant{{"this week", "2024-06-10/2024-06-16", Day, YearPublished}, {"Tuesday", "2024-06-11", Day, YearPublished}}},
		{"this week told on a Sunday, in the past, is the ending one (Estonia)", "2024-06-09",
			"The Foreign Minister visited Finland this week. On Tuesday he met his Finnish counterpart in Helsinki.",
			[]dateWant{{"this week", "2024-06-03/2024-06-09", Day, YearPublished}, {"Tuesday", "2024-06-04", Day, YearPublished}}},
		{"the following day counts from the last day told (Georgia)", "2024-05-10",
			"On 7 May the Minister arrived in Vilnius. On the following day he met the Speaker of the Seimas.",
			[]dateWant{{"7 May", "2024-05-07", Day, YearPublished}, {"the following day", "2024-05-08", Day, YearPublished}}},
		{"the same day and the next day count from the last day told (Mongolia)", "2024-05-10",
			"The delegation reached Astana on May 6, 2024. The same day it called on the Prime Minister, and the next day it left for Almaty.",
			[]dateWant{{"May 6, 2024", "2024-05-06", Day, YearExplicit}, {"The same day", "2024-05-06", Day, YearExplicit}, {"the next day", "2024-05-07", Day, YearExplicit}}},
		{"the following day after a span is no date (Armenia)", "2024-05-10",
			"The forum took place on 6-7 May. The following day was a holiday.",
			[]dateWant{{"6-7 May", "2024-05-06/2024-05-07", Day, YearPublished}}},
		{"the following day with no day told before is no date (Moldova)", "2024-05-10",
			"The agreement enters into force on the following day.",
			nil},
		{"a dotted date with spaces, day first (Slovenia)", "2025-06-01",
			"Press release | 30. 5. 2025 | Ministry of Foreign and European Affairs",
			[]dateWant{{"30. 5. 2025", "2025-05-30", Day, YearExplicit}}},
		{"a dotted date with spaces, day first (Czech Republic)", "2025-06-01",
			"Published: 3. 4. 2025, Ministry of Foreign Affairs",
			[]dateWant{{"3. 4. 2025", "2025-04-03", Day, YearExplicit}}},
		{"a numbered item is no spaced date (Slovakia)", "2025-06-01",
			"Point 3. 4. The ministers agreed.",
			nil},
		{"a past weekday after next week keeps its own (Peru)", "2024-03-12",
			"The Minister will travel to Chile next week. On Monday she received the Chilean ambassador.",
			[]dateWant{{"next week", "2024-03-18/2024-03-24", Day, YearPublished}, {"Monday", "2024-03-11", Day, YearPublished}}},
		{"a dotted day range (Georgia MFA digest)", "", "President X made an official visit to Armenia 06-08.10.2019 in Yerevan.",
			[]dateWant{{"06-08.10.2019", "2019-10-06/2019-10-08", Day, YearExplicit}}},
		{"a dotted day range, Croatian style", "", "Sastanak 12-14.03.2022 was held in Zagreb.",
			[]dateWant{{"12-14.03.2022", "2022-03-12/2022-03-14", Day, YearExplicit}}},
		{"not a dotted day range: a version number", "", "Release 1-2.3.2024.5 is out.", nil},
		{"the year at a range's end dates a later yearless day (US State, no publication date)", "",
			"The Under Secretary will travel to Kenya from March 4-8, 2024. On March 5, she will meet students.",
			[]dateWant{{"March 4-8, 2024", "2024-03-04/2024-03-08", Day, YearExplicit}, {"March 5", "2024-03-05", Day, YearContext}}},
		{"the year at a range's end dates a later yearless day (Nigeria, in the next paragraph)", "",
			"The Minister is in Abuja from 2 to 6 May 2022.\n\nMedia Note\n\nOn 4 May, the Minister will open the fair.",
			[]dateWant{{"2 to 6 May 2022", "2022-05-02/2022-05-06", Day, YearExplicit}, {"4 May", "2022-05-04", Day, YearContext}}},
		{"years after prepositions", "", "Founded in 2014, the group has met since 2010 and invested from 2014 to 2020, as of 2017.",
			[]dateWant{{"2014", "2014-01-01/2014-12-31", Year, YearExplicit}, {"2010", "2010-01-01/2010-12-31", Year, YearExplicit},
				{"2014 to 2020", "2014-01-01/2020-12-31", Year, YearExplicit}, {"2017", "2017-01-01/2017-12-31", Year, YearExplicit}}},
		{"year ranges", "", "Budgets between 2014 and 2020 grew; the plan for fiscal year in 2023-24 is set.",
			[]dateWant{{"2014 and 2020", "2014-01-01/2020-12-31", Year, YearExplicit}, {"2023-24", "2023-01-01/2024-12-31", Year, YearExplicit}}},

		// Year inference.
		{"January release about December", "2024-01-10", "The Minister visited Tokyo on December 5 and met his counterpart.",
			[]dateWant{{"December 5", "2023-12-05", Day, YearInferredPast}}},
		{"December release about January, future", "2023-12-20", "The forum will be held from January 10 to 12 in Manila.",
			[]dateWant{{"January 10 to 12", "2024-01-10/2024-01-12", Day, YearPublished}}},
		{"no tense, far after publication", "2024-01-10", "Korea-Japan talks, November 5",
			[]dateWant{{"November 5", "2023-11-05", Day, YearInferredPast}}},
		{"cross year past", "2024-01-05", "The delegation visited Brazil from December 28 to January 3.",
			[]dateWant{{"December 28 to January 3", "2023-12-28/2024-01-03", Day, YearInferredPast}}},
		{"cross year future", "2023-12-20", "The envoy will be in Geneva from December 28 to January 3.",
			[]dateWant{{"December 28 to January 3", "2023-12-28/2024-01-03", Day, YearPublished}}},
		{"cross year explicit", "", "The exhibition runs 28 December - 3 January 2016.",
			[]dateWant{{"28 December - 3 January 2016", "2015-12-28/2016-01-03", Day, YearExplicit}}},
		{"reported future", "2024-03-01", "He said the summit on June 5 will open a new chapter.",
			[]dateWant{{"June 5", "2024-06-05", Day, YearPublished}}},
		{"past clause then future clause", "2018-07-23", "He promoted the regional meeting which will take place on November 5-6.",
			[]dateWant{{"November 5-6", "2018-11-05/2018-11-06", Day, YearPublished}}},
		{"context year in name", "2024-03-12", `The Group participated in "LEAP 2024" held from March 4 to 7 with 1,800 companies.`,
			[]dateWant{{"March 4 to 7", "2024-03-04/2024-03-07", Day, YearContext}}},
		{"context year differs from publication", "2019-02-10", "The 2018 ASEAN-ROK Commemorative Summit took place on November 25-26 in Busan.",
			[]dateWant{{"November 25-26", "2018-11-25/2018-11-26", Day, YearContext}}},
		{"context year from the sentence before", "2018-10-05", "In October 2017, an MOU was signed. The first committee met on November 3.",
			[]dateWant{{"October 2017", "2017-10-01/2017-10-31", Month, YearExplicit}, {"November 3", "2017-11-03", Day, YearContext}}},
		{"publication line is not context", "2024-01-05", "Date : 2024.01.05\nThe delegation visited Brazil from December 28 to January 3.",
			[]dateWant{{"2024.01.05", "2024-01-05", Day, YearExplicit}, {"December 28 to January 3", "2023-12-28/2024-01-03", Day, YearInferredPast}}},
		{"identifiers are not context", "2011-03-20", "The Council adopted Resolution 1973 on March 17 and Flight 2010 left.",
			[]dateWant{{"March 17", "2011-03-17", Day, YearPublished}}},
		{"target years are not context", "2018-10-05", "Under the Digital Agenda 2020, the minister met officials on October 1.",
			[]dateWant{{"October 1", "2018-10-01", Day, YearPublished}}},
		{"no publication date: context year", "", "MOIS is set to host the 2022 Digital Nations Ministerial Summit from November 1 to 3. At the session on November 2, experts spoke.",
			[]dateWant{{"November 1 to 3", "2022-11-01/2022-11-03", Day, YearContext}, {"November 2", "2022-11-02", Day, YearContext}}},
		{"no publication date: document year", "", "The Digital Nations Summit opens in 2022.\n\nExperts meet on November 2.",
			[]dateWant{{"2022", "2022-01-01/2022-12-31", Year, YearExplicit}, {"November 2", "2022-11-02", Day, YearContext}}},
		{"no publication date: relative", "", "The 2022 Summit met. It follows talks last year.",
			[]dateWant{{"last year", "2021-01-01/2021-12-31", Year, YearContext}}},

		// Error rows: no year to anchor, impossible days, not dates.
		{"no year anywhere", "", "The meeting was held on March 5 and again last year.", nil},
		{"no anchor for today", "", "The Minister arrived today.", nil},
		{"impossible day", "", "The forum on 31 April 2024 and 30 February 2023 was noted.", nil},
		{"end before start", "", "Valid from 5 April 2024 to 3 April 2024.", nil},
		{"counts and names", "2024-03-12", `LEAP 2024 drew more than 1,800 companies and 215,000 attendees; houses exceed 132,000; EUR 250 million; Saudi Vision 2030; Digital Agenda 2020.`, nil},
		{"may and march as words", "2024-03-12", "Korea may host it. May I add, the march of progress may 5 times exceed; they march on.", nil},
		{"ordinals and counts", "2019-12-26", "The 140th anniversary, 10 ASEAN countries, the 4th Industrial Revolution, ranked 13th, Section 3.2, Article 12.", nil},
		{"quantities after prepositions", "2019-12-26", "Projects were launched in 2000 villages and by 1900 households.", nil},
		{"decades and codes", "2019-12-26", "Since the 1990s, FY2024 budgets and 5G networks grew.", nil},
		{"generic time spans", "2024-03-12", "Over the last year and the past year, Today matters.", nil},
		{"class of", "2024-03-12", "She joined the Class of 2020 at the academy.", nil},
		{"month alone without preposition", "2024-03-12", "The Long March was remembered. June Kim spoke.", nil},
		{"version numbers", "2024-03-12", "Section 3.2.1, version 10.4.3 and phone 02-2100-3399 are listed.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := FindDates(tc.text, pubDate(t, tc.pub))
			checkDateRanges(t, tc.text, got)
			var gotDT []dateWant
			for _, r := range got {
				gotDT = append(gotDT, dateWant{r.Text, r.Value(), r.Precision, r.YearSource})
			}
			if diff := cmp.Diff(tc.want, gotDT); diff != "" {
				t.Errorf("FindDates(%q, %s) mismatch (-want +got):\n%s", tc.text, tc.pub, diff)
			}
		})
	}
}

// checkDateRanges verifies the invariants every result must hold. Rune
// boundaries are checked for valid UTF-8 only: normalized text always is.
func checkDateRanges(t *testing.T, text string, rs []DateRange) {
	t.Helper()
	prev := 0
	for _, r := range rs {
		if r.Span.Start < prev || r.Span.Start >= r.Span.End || r.Span.End > len(text) {
			t.Fatalf("span %v out of order or bounds (prev end %d, len %d)", r.Span, prev, len(text))
		}
		if utf8.ValidString(text) && (!utf8.RuneStart(text[r.Span.Start]) || r.Span.End < len(text) && !utf8.RuneStart(text[r.Span.End])) {
			t.Fatalf("span %v not on rune boundaries", r.Span)
		}
		if r.Text != text[r.Span.Start:r.Span.End] {
			t.Fatalf("Text %q != text[span] %q", r.Text, text[r.Span.Start:r.Span.End])
		}
		if !r.Start.Valid() || !r.End.Valid() || r.End.Before(r.Start) {
			t.Fatalf("%q: invalid range %v..%v", r.Text, r.Start, r.End)
		}
		switch r.Precision {
		case Day, Month, Year:
		default:
			t.Fatalf("%q: bad precision %q", r.Text, r.Precision)
		}
		switch r.YearSource {
		case YearExplicit, YearPublished, YearContext, YearInferredPast:
		default:
			t.Fatalf("%q: bad year source %q", r.Text, r.YearSource)
		}
		prev = r.Span.End
	}
}

func TestDatesExtract(t *testing.T) {
	text := "Press Release\n\nDate : 2018.07.23\n\nThe delegation visited the Czech Republic on July 15-16. It attended the summit in Tbilisi on July 17-19."
	tests := []struct {
		name string
		doc  Doc
		want []Mention
	}{
		{
			name: "publication anchor, sentences computed",
			doc:  Doc{Text: text, Meta: Meta{Published: &Timestamp{Date: Date{2018, 7, 23}}}},
			want: []Mention{
				{Kind: KindDate, Span: Span{22, 32}, Text: "2018.07.23", Value: "2018-07-23",
					Dates: &DateRange{Start: Date{2018, 7, 23}, End: Date{2018, 7, 23}, Precision: Day, YearSource: YearExplicit, Text: "2018.07.23", Span: Span{22, 32}}},
				{Kind: KindDate, Span: Span{79, 89}, Text: "July 15-16", Value: "2018-07-15/2018-07-16",
					Dates: &DateRange{Start: Date{2018, 7, 15}, End: Date{2018, 7, 16}, Precision: Day, YearSource: YearPublished, Text: "July 15-16", Span: Span{79, 89}}},
				{Kind: KindDate, Span: Span{128, 138}, Text: "July 17-19", Value: "2018-07-17/2018-07-19",
					Dates: &DateRange{Start: Date{2018, 7, 17}, End: Date{2018, 7, 19}, Precision: Day, YearSource: YearPublished, Text: "July 17-19", Span: Span{128, 138}}},
			},
		},
		{
			name: "given sentences, no publication date: context from the date line",
			doc:  Doc{Text: text, Sentences: Sentences(text)},
			want: []Mention{
				{Kind: KindDate, Span: Span{22, 32}, Text: "2018.07.23", Value: "2018-07-23",
					Dates: &DateRange{Start: Date{2018, 7, 23}, End: Date{2018, 7, 23}, Precision: Day, YearSource: YearExplicit, Text: "2018.07.23", Span: Span{22, 32}}},
				{Kind: KindDate, Span: Span{79, 89}, Text: "July 15-16", Value: "2018-07-15/2018-07-16",
					Dates: &DateRange{Start: Date{2018, 7, 15}, End: Date{2018, 7, 16}, Precision: Day, YearSource: YearContext, Text: "July 15-16", Span: Span{79, 89}}},
				{Kind: KindDate, Span: Span{128, 138}, Text: "July 17-19", Value: "2018-07-17/2018-07-19",
					Dates: &DateRange{Start: Date{2018, 7, 17}, End: Date{2018, 7, 19}, Precision: Day, YearSource: YearContext, Text: "July 17-19", Span: Span{128, 138}}},
			},
		},
		{
			name: "no dates",
			doc:  Doc{Text: "The two ministers discussed cooperation."},
			want: nil,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Dates{}.Extract(&tc.doc)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Extract mismatch (-want +got):\n%s", diff)
			}
			for _, m := range got {
				if tc.doc.Text[m.Span.Start:m.Span.End] != m.Text {
					t.Errorf("mention %q does not match its span", m.Text)
				}
			}
		})
	}
}

// benchSeedText returns a ~10 KB release: the first seed of the shared corpus
// when it is there, else a composed text of the same genre.
func benchSeedText(tb testing.TB) string {
	tb.Helper()
	if b, err := os.ReadFile("../../shared/corpus/seeds/000_04ee34f6f69b9616.txt"); err == nil && len(b) > 8000 {
		return string(b)
	}
	var sb strings.Builder
	sb.WriteString("Press Release\n\nPress Release Date and Time\n\nTuesday, 12 March 2024, 10:00 AM\n\n" +
		"Minister Lee Sang-min Expands Opportunities to Export Digital Platform Government Systems\n\n")
	for sb.Len() < 10000 {
		sb.WriteString("Minister of the Interior and Safety Lee Sang-min visited Saudi Arabia, the UAE and Italy from March 3 to 9. " +
			`The Group participated in "LEAP 2024" held from March 4 to 7 with more than 1,800 companies and 215,000 attendees. ` +
			"The bilateral cooperation has strengthened since President Mattarella's visit to Korea in November last year. " +
			"He will attend the UN Public Service Forum (to be held in Korea in June) and the CSI Korea 2024 in October.\n\n")
	}
	return sb.String()
}

func BenchmarkDates(b *testing.B) {
	text := benchSeedText(b)
	doc := &Doc{Text: text, Meta: Meta{Published: &Timestamp{Date: Date{2024, 3, 12}}}, Sentences: Sentences(text)}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Dates{}.Extract(doc)
	}
}

func FuzzFindDates(f *testing.F) {
	for _, s := range []string{
		"from March 3 to 9", "29 September - 2 October 2015", "Date : 2018.10.05 Read : 14923",
		"March 2 (Thu) to March 9 (Thu)", "in November last year", "from 10:00 a.m. to 5:00 p.m. on November 26",
		"July16", "2016-02-11T09:30", "28 December - 3 January 2016", "the 5th of May", "mid-March", "2023-24",
		"12 and 15 May", "Sept. 5, 2019", "03.04.2020", "2024. 3. 12.", "December 31 - January 1", "Feb 29",
		"\xff\xfeMarch 3", "March 3\u00a0-\u20095", "Tuesday,", "FeB1\x85",
	} {
		f.Add(s, 2024, 3, 12)
		f.Add(s, 0, 0, 0)
	}
	f.Fuzz(func(t *testing.T, text string, y, m, d int) {
		var pub *Timestamp
		if y != 0 {
			pub = &Timestamp{Date: Date{y, time.Month(m), d}}
			if !pub.Valid() {
				pub = nil
			}
		}
		checkDateRanges(t, text, FindDates(text, pub))
	})
}

// TestDtLookup checks the date word index against the map it is built
// from: every word in three spellings, and words that are not date words.
func TestDtLookup(t *testing.T) {
	for w, want := range dateWords {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			if got := dtLookup(v); got != want && len(v) <= 16 {
				t.Errorf("dtLookup(%q) = %+v, want %+v", v, got, want)
			}
		}
	}
	for _, w := range []string{"", "x", "Marc", "Marches", "M\u00e4rch", "thE", "th\u00e9", "Ma@ch", "M[rch", "2024", "ofs"} {
		var buf [64]byte
		want := dateWords[string(appendLowerASCII(buf[:0], w))]
		if len(w) < 2 {
			want = dtWordInfo{}
		}
		if got := dtLookup(w); got != want {
			t.Errorf("dtLookup(%q) = %+v, want %+v", w, got, want)
		}
	}
}

// TestDateRangeValue checks Value against its definition by String.
func TestDateRangeValue(t *testing.T) {
	var dates []Date
	for _, y := range []int{-1, 0, 2024, 9999, 10000} {
		for _, m := range []time.Month{0, 3, 12, 100} {
			for _, d := range []int{-1, 1, 31, 100} {
				dates = append(dates, Date{y, m, d})
			}
		}
	}
	for _, a := range dates {
		for _, b := range dates {
			r := DateRange{Start: a, End: b}
			want := a.String() + "/" + b.String()
			switch {
			case r.Open():
				want = a.String() + "/.."
			case a == b:
				want = a.String()
			}
			if got := r.Value(); got != want {
				t.Errorf("DateRange{%v, %v}.Value() = %q, want %q", a, b, got, want)
			}
		}
	}
}

func TestDateString(t *testing.T) {
	for _, y := range []int{-1, 0, 7, 99, 1950, 2024, 9999, 10000} {
		for _, m := range []time.Month{-1, 0, 1, 9, 10, 12, 99, 100} {
			for _, d := range []int{-1, 0, 1, 9, 10, 31, 99, 100} {
				date := Date{y, m, d}
				if got, want := date.String(), fmt.Sprintf("%04d-%02d-%02d", y, int(m), d); got != want {
					t.Errorf("Date%v.String() = %q, want %q", date, got, want)
				}
			}
		}
	}
}
