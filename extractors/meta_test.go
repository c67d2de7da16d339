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
		{"a date and its time between bars (Kazakhstan)",
			"Ministry of Foreign Affairs of the Republic of Kazakhstan\nMain / Press Service / News\n\n" +
				"Foreign Minister holds talks with Turkmen counterpart\n\n14.05.2024 | 11:20\n\n" +
				"The Minister of Foreign Affairs held talks today with the Minister of Foreign Affairs of Turkmenistan in Astana.\n",
			metaWant{"Foreign Minister holds talks with Turkmen counterpart", "2024-05-14T11:20:00", "Ministry of Foreign Affairs of the Republic of Kazakhstan"}},
		{"a date and its time between bars (Jordan)",
			"Ministry of Foreign Affairs and Expatriates\nHome | News | Statements\n\n" +
				"Deputy Prime Minister receives Cypriot Foreign Minister\n\n2024-05-14 | 09:05\n\n" +
				"The Deputy Prime Minister received the Foreign Minister of Cyprus in Amman today.\n",
			metaWant{"Deputy Prime Minister receives Cypriot Foreign Minister", "2024-05-14T09:05:00", "Ministry of Foreign Affairs and Expatriates"}},
		{"dated items of other news at the foot are not the release's date (North Macedonia)",
			"Ministry of Foreign Affairs\nHome / Media / News\n\n12.05.2025\n\nMinister receives new ambassadors\n\n" +
				"The Minister today received the newly appointed Ambassador of Brazil.\n\nRelated news\n09.05.2025  Deputy Minister at the regional meeting in Tirana\n07.05.2025  Statement on Europe Day\n",
			metaWant{"Minister receives new ambassadors", "2025-05-12", "Ministry of Foreign Affairs"}},
		{"dated items of other news at the foot are not the release's date (Montenegro)",
			"Government of Montenegro\n\n3 June 2025\n\nMinister meets Albanian counterpart\n\n" +
				"The Minister met the Foreign Minister of Albania in Podgorica today.\n\nMore news\n30 May 2025 Prime Minister opens the new border crossing\n28 May 2025 Government adopts the economic reform programme\n",
			metaWant{"Minister meets Albanian counterpart", "2025-06-03", "Government of Montenegro"}},
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
			metaWant{"Estonia ranks third in the world for digital public services", "2021-03-03", "Ministry of Foreign Affairs"}},
		{"office and minister name lines above the headline, no navigation left",
			"Australian Government\nMinister for Trade and Tourism\nThe Hon Daniel Harris MP\n\n" +
				"Trade mission strengthens ties with Canada and the United States\n\n16 May 2023\n\n" +
				"Minister for Trade and Tourism, the Hon Daniel Harris MP, returned to Australia this week after leading a trade mission to Canada.\n",
			metaWant{"Trade mission strengthens ties with Canada and the United States", "2023-05-16", "Australian Government"}},
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

		// Headlines after site chrome; what is not a headline.
		{"Kenya: page title repeated as the heading, view counter after",
			"Cabinet Secretary hosts Ghanaian counterpart in Nairobi for talks on trade\n\nCabinet Secretary hosts Ghanaian counterpart in Nairobi for talks on trade\n\n" +
				"12 Mar 2024\n\n| 1,204 views\n\nSummary of the talks held by\n\nthe Cabinet Secretary and the Minister\n\nThe Cabinet Secretary received the Minister of Foreign Affairs of Ghana in Nairobi on 11 March 2024 for talks on trade and visas.\n",
			metaWant{"Cabinet Secretary hosts Ghanaian counterpart in Nairobi for talks on trade", "2024-03-12", ""}},
		{"Ghana: e-mail subject and heading, the heading ends with hrs.",
			"[ghana-mfa] Press Releases: Weekly Briefing by the Spokesperson, Monday 4 March 2024 at 10.00 hrs.\n\nYou are subscribed to Press Releases of the Ministry.\n\n" +
				"Weekly Briefing by the Spokesperson, Monday 4 March 2024 at 10.00 hrs.\n\nJane Mensah\nSpokesperson\nAccra, Ghana\nMarch 4, 2024\n\nThe Spokesperson briefed the press on the visit of the Minister to Kenya and Oman this week.\n",
			metaWant{"Weekly Briefing by the Spokesperson, Monday 4 March 2024 at 10.00 hrs.", "2024-03-04", ""}},
		{"Fiji: a speech opens with salutations, no headline",
			"Your Excellency, Prime Minister of Tonga,\nColleagues from the media,\nLadies and gentlemen,\nIt is my honour to welcome you to Suva once again, and to thank you\nfor the warm friendship between our two countries. We met today\n",
			metaWant{"", "", ""}},
		{"Zambia: salutations under the headline",
			"Remarks by the Minister of Foreign Affairs at the Zambia-Kenya Joint Commission\n\nExcellencies,\nDistinguished guests,\nLadies and gentlemen,\nGood morning.\n",
			metaWant{"Remarks by the Minister of Foreign Affairs at the Zambia-Kenya Joint Commission", "", ""}},
		{"a Title Case headline that opens with Good Morning",
			"Good Morning Dhaka Festival Opens With Sri Lankan Dancers\n\n3 May 2022\n\nThe festival opened in Dhaka today with dancers from Sri Lanka and Bangladesh on the stage.\n",
			metaWant{"Good Morning Dhaka Festival Opens With Sri Lankan Dancers", "2022-05-03", ""}},
		{"Oman: a photo credit and a body sentence are not headlines",
			"Sayyid Badr with the Kenyan Cabinet Secretary; Photo: ONA\n\nThe Minister of Foreign Affairs of Kenya was in Muscat today on an official visit to the Sultanate.\n\nThe two ministers discussed trade.\n",
			metaWant{"", "", ""}},
		{"Croatia: a picture placeholder after the headline, a share label",
			"Naslovnica > Vijesti\nFriday, March 1, 2024\nMinister Grlić Radman signs cooperation agreement with Portugal\nPodijeli :\n\nImagen foto_00000017\n\n" +
				"Today the Minister of Foreign and European Affairs signed an agreement on political consultations with Portugal in Zagreb, in the presence of both delegations.\n",
			metaWant{"Minister Grlić Radman signs cooperation agreement with Portugal", "2024-03-01", ""}},
		{"Bhutan: image file name and an all-caps photo credit",
			"IMG_2041.jpg\nMFA PHOTO 2023-118 The Foreign Minister received the Ambassador of Bangladesh in Thimphu today.\n\nThe two sides discussed hydropower and trade.\n",
			metaWant{"", "", ""}},
		{"a Title Case headline that starts with Photo",
			"Photo Exhibition Marks 50 Years of Ghana-Japan Ties\n\n12 June 2023\n\nThe exhibition opened in Accra today in the presence of the Ambassador.\n",
			metaWant{"Photo Exhibition Marks 50 Years of Ghana-Japan Ties", "2023-06-12", ""}},
		{"Kenya: editor line and a local weekday above the headline",
			"Editor : Jane Wanjiru, MA |Jane Wanjiru Blog\n\nJumatatu, 12 Februari 2024\n\nKenya tops regional e-government index: UN\n\n" +
				"Kenya has been named the best performer in East Africa in the United Nations E-Government Survey released this week in New York.\n",
			metaWant{"Kenya tops regional e-government index: UN", "", ""}},
		{"Qatar: language switcher and a section name, no headline",
			"Policies\n\nMar 3, 2024\n\nView this article in another language\nMarking 50 years of diplomatic relations, Qatar and Kenya have agreed to build a framework for a stronger partnership.\n",
			metaWant{"", "2024-03-03", ""}},
		{"Ecuador: speaker block with a place line under the headline",
			"[ecuador-news] Press Releases: Remarks With Peruvian Foreign Minister Ahead of Their Meeting\n\nMonday, May 6, 2024\n\n" +
				"Remarks With Peruvian Foreign Minister Ahead of Their Meeting\n\nMaría Pérez\nMinister of Foreign Affairs\nCarondelet Palace\nQuito, Ecuador\nMay 6, 2024\n\n" +
				"MINISTER PÉREZ: Good morning, all. I am glad to welcome the Foreign Minister of Peru to Quito today.\n",
			metaWant{"Remarks With Peruvian Foreign Minister Ahead of Their Meeting", "2024-05-06", ""}},
		{"Ghana: a colon-prefixed headline under a business site's name",
			"Google\n\nGhana Business Window\n\nFriday, January 4, 2008\n\nMFA: Minister Botchwey Heads to Kenya and Oman\n\n" +
				"ACCRA, GHANA--(Newswire - Jan. 4, 2008) - The Honourable Shirley Ayorkor Botchwey, Minister for Foreign Affairs, is to travel to Kenya and Oman from January 6 to 13, 2008.\n",
			metaWant{"MFA: Minister Botchwey Heads to Kenya and Oman", "2008-01-04", ""}},
		{"Oman: release number and date before the headline on one line",
			"No: 4, 7 January 2023, Foreign Minister receives the Ambassador of Portugal\n\nMuscat: Sayyid Badr received the Ambassador of Portugal on 6 January.\n",
			metaWant{"Foreign Minister receives the Ambassador of Portugal", "2023-01-07", ""}},
		{"Qatar: release number without a date before the headline",
			"Nr. 112 - Minister of State meets Kenyan delegation in Doha\n\nDOHA, 5 March 2024 - The Minister of State met a delegation from Kenya.\n",
			metaWant{"Minister of State meets Kenyan delegation in Doha", "2024-03-05", ""}},
		{"Georgia-style digest: the headline glued to a dateline in one line",
			"WEEKLY DIGEST 11 - 17 MARCH 2024 ISSUE N: 45 The Foreign Minister of Kenya Made an Official Visit to Ghana 12-14.03.2024 ACCRA • The Foreign Minister of Kenya was in Ghana on an official visit and met the President of Ghana and the Minister of Foreign Affairs. • The two ministers signed a memorandum on visas. MORE Minister Attended a Forum in Oman 15.03.2024 MUSCAT • The Minister attended.\n",
			metaWant{"The Foreign Minister of Kenya Made an Official Visit to Ghana", "", ""}},
		{"Oman: sentence-case headline glued to the dateline",
			"Minister of Foreign Affairs visits Kenya and Tanzania NAIROBI, 12 March 2024 - The Minister of Foreign Affairs of Oman arrived in Nairobi today at the start of a visit to Kenya and Tanzania that will last until Friday, the ministry said in a statement issued in Muscat on Tuesday evening after the cabinet met to review the programme of visits for the coming months and agreed to send a delegation of officials to prepare the trip in detail with their counterparts in both capitals.\n",
			metaWant{"Minister of Foreign Affairs visits Kenya and Tanzania", "", ""}},
		{"an agency dateline alone gives no glued headline",
			"MUSCAT, 5th May 2021 (ONA) -- The Sultanate of Oman and the Republic of Kenya signed an agreement on air services today in Muscat, in the presence of the two foreign ministers, who also discussed trade, investment, tourism and the situation in the region, and agreed to hold the next round of political consultations in Nairobi before the end of the year, the ministry said in a statement.\n",
			metaWant{"", "2021-05-05", ""}},
		{"a body's name standing twice is no headline",
			"Ministry of Foreign Affairs of Ghana\nMinistry of Foreign Affairs of Ghana\n\nGhana and Kenya sign visa waiver\n\n3 March 2024\n\nThe two ministers signed a visa waiver.\n",
			metaWant{"Ghana and Kenya sign visa waiver", "2024-03-03", "Ministry of Foreign Affairs of Ghana"}},
		{"a Title Case headline with a country tag glued to it",
			"Foreign Minister visits Nairobi for bilateral talks Kenya\n\n3 May 2022 - Article\n\nThe Foreign Minister of Ghana met his Kenyan counterpart in Nairobi on 3 May.\n",
			metaWant{"Foreign Minister visits Nairobi for bilateral talks", "2022-05-03", ""}},
		{"a country that the headline's verb takes is no tag",
			"Minister in Muscat thanks Oman\n\n3 May 2022\n\nThe Minister of Foreign Affairs of Kenya thanked Oman for its help.\n",
			metaWant{"Minister in Muscat thanks Oman", "2022-05-03", ""}},
		{"a country after a preposition is no tag",
			"Kenyan envoy in Accra presents credentials in Ghana\n\n3 May 2022\n\nThe Ambassador of Kenya presented her credentials.\n",
			metaWant{"Kenyan envoy in Accra presents credentials in Ghana", "2022-05-03", ""}},

		// Publication dates: labels inside a line, agency datelines,
		// aggregator stamps, site clocks, Hijri dates, ambiguous numbers.
		{"Kenya: byline with an inline Published label and its time",
			"Open Menu\n\nKenya Offers Condolences Over Floods In Ghana\n\nJane Wanjiru (@jwanjiru) Published March 12, 2024 | 09:15 AM\n\n" +
				"NAIROBI, (Kenya Wire - 12th March, 2024) Kenya on Tuesday conveyed its condolences over the floods in Ghana.\n",
			metaWant{"Kenya Offers Condolences Over Floods In Ghana", "2024-03-12T09:15:00", ""}},
		{"Ghana: inline Posted label after a section name",
			"Ghana and Oman agree on visa waiver\nNews | Posted 3 May 2021\n\nThe two ministers agreed on a visa waiver.\n",
			metaWant{"Ghana and Oman agree on visa waiver", "2021-05-03", ""}},
		{"a lower-case published is a sentence's verb",
			"Kenya ranks first in the region\nThe report published 3 May 2021 shows Kenya first in East Africa\n\nKenya ranked first.\n",
			metaWant{"Kenya ranks first in the region", "", ""}},
		{"Oman: agency dateline with an ordinal day",
			"Oman and Kenya sign an agreement on air services\n\nMUSCAT, 5th May 2021 (ONA) -- The Sultanate of Oman and Kenya signed an agreement on air services today.\n",
			metaWant{"Oman and Kenya sign an agreement on air services", "2021-05-05", ""}},
		{"Qatar: agency dateline",
			"Qatar hosts the Kenyan Cabinet Secretary\n\nDOHA, 12th March 2019 (QNA) -- HE the Minister of State received the Cabinet Secretary of Kenya.\n",
			metaWant{"Qatar hosts the Kenyan Cabinet Secretary", "2019-03-12", ""}},
		{"Kenya: yearless dateline, the year from the same date in the line",
			"Cabinet Secretary holds meetings with foreign partners\n\nNAIROBI, March 12 - On March 12, 2024 in Mombasa the Cabinet Secretary met separately with the Ministers of Foreign Affairs of Ghana and Oman.\n",
			metaWant{"Cabinet Secretary holds meetings with foreign partners", "2024-03-12", ""}},
		{"yearless dateline with another day in the line stays undated",
			"Minister meets partners\n\nMUSCAT, May 5 - On 4 May 2021 the Minister met the Ambassador of Kenya in Muscat.\n",
			metaWant{"Minister meets partners", "", ""}},
		{"Kuwait: Hijri date beside the Gregorian one",
			"Kuwait and Kenya hold political consultations\n1445/8/22 H - 3 March 2024\n\nThe two delegations met in Kuwait City.\n",
			metaWant{"Kuwait and Kenya hold political consultations", "2024-03-03", ""}},
		{"Saudi agency: a Hijri date before the Gregorian one in the dateline",
			"Minister meets Kenyan counterpart\n\nRiyadh, Jumada al-Akhirah 12, 1445, December 25, 2023, SPA -- The Minister of Foreign Affairs met the Cabinet Secretary of Kenya today.\n",
			metaWant{"Minister meets Kenyan counterpart", "2023-12-25", ""}},
		{"Qatar: a byline of place, office and date between slashes",
			"Minister of State meets Ghanaian counterpart\n\nDoha / Information Office / 14 May 2023\n\nThe Minister of State met the Foreign Minister of Ghana today.\n",
			metaWant{"Minister of State meets Ghanaian counterpart", "2023-05-14", ""}},
		{"Bahrain: a byline of place, agency and date between slashes",
			"Foreign Minister receives envoy\n\nManama / BNA / 3 June 2022\n\nThe Foreign Minister received the Ambassador of Peru.\n",
			metaWant{"Foreign Minister receives envoy", "2022-06-03", ""}},
		{"Czech Republic: 'Date of article' and 'Article categories' labels",
			"Minister Dvorak on a working visit to Ghana\n\nDate of article: 25.04.2024\nArticle categories: Minister's activities, Press releases\n\nThe Minister held talks in Accra.\n",
			metaWant{"Minister Dvorak on a working visit to Ghana", "2024-04-25", ""}},
		{"Slovakia: an 'Article date' label",
			"State Secretary visits Peru\n\nArticle date: 3 May 2022\n\nThe State Secretary held talks in Lima.\n",
			metaWant{"State Secretary visits Peru", "2022-05-03", ""}},
		{"Kazakhstan: a hyphenated place in the dateline",
			"Kazakhstan and Ghana hold consultations\n\nNur-Sultan, 14 May 2021 - The Deputy Foreign Minister held consultations with Ghana.\n",
			metaWant{"Kazakhstan and Ghana hold consultations", "2021-05-14", ""}},
		{"Haiti: a hyphenated place of several parts",
			"Haiti and Peru sign an agreement\n\nPort-au-Prince, 3 May 2022 - The two ministers signed an agreement.\n",
			metaWant{"Haiti and Peru sign an agreement", "2022-05-03", ""}},
		{"Qatar: Hijri with a month name beside the Gregorian one",
			"Qatar and Ghana sign an MoU\nDate: 22 Shaban 1445 AH - 3 March 2024\n\nThe two sides signed an MoU.\n",
			metaWant{"Qatar and Ghana sign an MoU", "2024-03-03", ""}},
		{"Sri Lanka: a blog's stamp above the headline loses to the release's date",
			"Monday, 23 November 2009\n\nMinister to travel to Bangladesh and Nepal\n\n22 November 2009\n\n(Lanka News Blog)\n\nCOLOMBO: The Minister will be in Bangladesh from 23-24 November.\n",
			metaWant{"Minister to travel to Bangladesh and Nepal", "2009-11-22", ""}},
		{"Bangladesh: an aggregator's stamp counts when the release has no date",
			"Sunday, 4 June 2023\n\nForeign Minister meets Sri Lankan counterpart in Dhaka\n\nThe Foreign Minister met his Sri Lankan counterpart in Dhaka to discuss trade.\n",
			metaWant{"Foreign Minister meets Sri Lankan counterpart in Dhaka", "2023-06-04", ""}},
		{"Ghana: site clock above the menu, the release dated in its dateline",
			"Friday, 6 December 2026\nHome > Media > Press Releases\n\nGhana and Kenya sign a visa waiver\n\nACCRA, 3 March 2019 - The ministers of Ghana and Kenya signed a visa waiver.\n",
			metaWant{"Ghana and Kenya sign a visa waiver", "2019-03-03", ""}},
		{"Kenya: a site clock is never the publication date",
			"Friday, 6 December 2026\nHome | About | Media | Contact\n\nKenya and Oman agree on air services\n\nThe ministers agreed on air services.\n",
			metaWant{"Kenya and Oman agree on air services", "", ""}},
		{"Oman: a clock's label",
			"Today is Friday, 6 December 2026\n\nOman welcomes Kenyan delegation\n\nThe Ministry welcomed a delegation from Kenya.\n",
			metaWant{"Oman welcomes Kenyan delegation", "", ""}},
		{"Croatia: an aggregator's date and source stamp",
			" date 2019-05-03 Source: Republic of Croatia\nOn 3 May, the Minister of Foreign and European Affairs travelled to Slovenia, where she held talks with the Slovenian Foreign Minister.\n",
			metaWant{"", "2019-05-03", "Republic of Croatia"}},
		{"Kenya: Posted on with a day-first slashed date",
			"Home > News\nKenya hosts Ghanaian trade mission\nPosted on 12/03/2024\nThe Cabinet Secretary hosted a trade mission.\n",
			metaWant{"Kenya hosts Ghanaian trade mission", "2024-03-12", ""}},
		{"Ecuador: a distribution stamp read month first by the page's own date",
			"Ministry of Foreign Affairs of Ecuador\n\n05/04/2024 | Press release | Distributed by Public on 05/04/2024 14:02\n\n" +
				"Protecting Ecuadorians abroad is a top priority, says the Foreign Minister\n\nPress Release No. 12\n\nMinistry of Foreign Affairs | May 04, 2024 | Press Release\n\nToday the Foreign Minister set out the priorities of the ministry.\n",
			metaWant{"Protecting Ecuadorians abroad is a top priority, says the Foreign Minister", "2024-05-04", "Ministry of Foreign Affairs of Ecuador"}},
		{"Kenya: a distribution wrapper's stamp gives the date only",
			"Kenya and Ghana sign a visa waiver\n\nDistributed by Kenya Wire on 12/03/2024 09:15\n\nThe two ministers signed a visa waiver in Nairobi.\n",
			metaWant{"Kenya and Ghana sign a visa waiver", "2024-03-12", ""}},
		{"Oman: an e-mail wrapper's stamp gives the date only",
			"Oman welcomes Kenyan delegation\n\nThis email was sent to list@example.org on 5 May 2021, 10:42 AM\n\nThe Ministry welcomed a delegation from Kenya.\n",
			metaWant{"Oman welcomes Kenyan delegation", "2021-05-05", ""}},
		{"Ghana: a month-first date elsewhere settles an ambiguous one",
			"Ghana and Oman hold consultations\n\n04/05/2024\n\nThe two sides met in Accra.\n\nThe consultations ended on 04/13/2024 with a joint statement.\n",
			metaWant{"Ghana and Oman hold consultations", "2024-04-05", ""}},

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

// TestReadMetaIssuer checks what ReadMeta reads of the issuing body and
// the dateline: Publisher, PublisherCountry and Dateline.
func TestReadMetaIssuer(t *testing.T) {
	type issuer struct{ Publisher, Country, Dateline string }
	tests := []struct {
		name string
		text string
		want issuer
	}{
		{"Ghana: capitals banner above navigation and kicker",
			"MINISTRY OF FOREIGN AFFAIRS OF GHANA\nHome > Media > Press Releases\nPress Release\n\nGhana and Oman sign visa waiver\n\n3 March 2024\n\nThe ministers signed a visa waiver.\n",
			issuer{"MINISTRY OF FOREIGN AFFAIRS OF GHANA", "GHA", ""}},
		{"Kenya: banner with the state after a comma",
			"Ministry of Foreign Affairs, Republic of Kenya\nHome > News\n\nCabinet Secretary receives Omani envoy\n\nNAIROBI, 3 March 2024 - The Cabinet Secretary received the Ambassador of Oman.\n",
			issuer{"Ministry of Foreign Affairs, Republic of Kenya", "KEN", "NAIROBI"}},
		{"a department that names no country",
			"Department of Foreign Affairs and Trade\nHome > News\nMedia release\n\nMinister to visit Fiji and Tonga\n\nThe Minister will visit Fiji and Tonga next week.\n",
			issuer{"Department of Foreign Affairs and Trade", "", ""}},
		{"Oman: the state's formal name above the ministry",
			"Sultanate of Oman\nMinistry of Foreign Affairs\nHome > News\n\nOman and Kenya hold consultations\n\nMUSCAT, 5th May 2021 (ONA) -- The two sides held consultations.\n",
			issuer{"Ministry of Foreign Affairs", "OMN", "MUSCAT"}},
		{"Fiji: date, place and issuer on one line",
			"Fiji and Tonga sign a fisheries agreement\n\nMarch 3, 2024 – Suva – Fiji Ministry of Foreign Affairs\n\nThe Minister signed a fisheries agreement with Tonga.\n",
			issuer{"Fiji Ministry of Foreign Affairs", "FJI", "Suva"}},
		{"Ghana: a place in capitals opens the body",
			"Minister to travel to Kenya and Oman\n\n22 November 2023\n\nACCRA: The Minister will be in Kenya from 23-24 November.\n",
			issuer{"", "", "ACCRA"}},
		{"Kenya: place and agency before the body",
			"Cabinet Secretary receives Ghanaian delegation\n2023-09-15 15:49:25\nNairobi/KNA/. The Cabinet Secretary received a delegation from Ghana.\n",
			issuer{"", "", "Nairobi"}},
		{"Fiji: a place and date sign the footer",
			"Joint Statement on the Visit to Fiji by the Foreign Minister of Tonga\n\nThe two ministers met in Suva today.\n\nThey agreed to meet again next year.\n\nSuva, Fiji, 3 March 2024.\n",
			issuer{"", "", "Suva, Fiji"}},
		{"Sri Lanka: a signature block names the country under the body",
			"Foreign Minister to visit Kenya\n\nThe Foreign Minister will visit Kenya next week.\n\nMINISTRY OF FOREIGN AFFAIRS\nSRI LANKA\n4 MARCH 2024\n",
			issuer{"MINISTRY OF FOREIGN AFFAIRS", "LKA", ""}},
		{"Kenya: copyright line in the footer",
			"Kenya and Ghana agree on visas\n\nThe ministers agreed on visas.\n\nThey met in Nairobi.\n\n© 2024 Ministry of Foreign Affairs of Kenya\n",
			issuer{"Ministry of Foreign Affairs of Kenya", "KEN", ""}},
		{"Croatia: a source label inside an aggregator's stamp",
			" date 2019-05-03 Source: Republic of Croatia\nOn 3 May, the Minister travelled to Slovenia.\n",
			issuer{"Republic of Croatia", "HRV", ""}},

		// Error rows.
		{"a speaker in a transcript is no dateline",
			"Remarks with the Foreign Minister of Ghana\n\nMay 6, 2024\n\nMINISTER SMITH: Good morning, all. I am glad to welcome the Foreign Minister of Ghana.\n",
			issuer{"", "", ""}},
		{"a bare country above the headline is a topic, not the issuer's",
			"Home > World > Chile\nOman\nNews story\n\nMinister for the Middle East meets Omani counterpart\n\n3 March 2024\n\nThe Minister met the Omani Foreign Minister in London.\n",
			issuer{"", "", ""}},
		{"a site name glued to the date is no place",
			"Foreign Minister To Visit Kenya\nNewswire07-07-2025\nThe Foreign Minister will visit Kenya.\n",
			issuer{"", "", ""}},
		{"a weekday before the date is no place",
			"Ghana and Fiji sign accord\nThursday, November 8, 2018\nThe ministers signed an accord.\n",
			issuer{"", "", ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := ReadMeta(tc.text)
			checkMetaInvariants(t, tc.text, m)
			got := issuer{m.Publisher, m.PublisherCountry, m.Dateline}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("ReadMeta issuer mismatch (-want +got):\n%s\ntext:\n%s", diff, tc.text)
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
		"ISSUE N: 45 The Minister Made an Official Visit to Ghana 12-14.03.2024 ACCRA • The Minister\n",
		"Minister visits Kenya NAIROBI, 12 March 2024 - The Minister arrived.\n", "No: 4, 7 January 2023, Minister meets Envoy\n",
		"Nairobi/KNA/. The Cabinet Secretary\n", "March 3, 2024 – Suva – Fiji Ministry\n", "Your Excellency,\n(Photo\n©\n_1.jpg\n",
		"Talks in Vienna for talks Austria\n", "NAIROBI, March 12 - On March 12, 2024 the\n", "10/03/2024\nOctober 03, 2024\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkMetaInvariants(t, text, ReadMeta(text))
	})
}
