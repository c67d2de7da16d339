package extractors

import (
	"fmt"
	"strings"
	"testing"
)

// Publishers of the itinerary tests, none of them in any corpus.
const (
	swe = "Government Offices of Sweden, Ministry for Foreign Affairs"
	prt = "Ministry of Foreign Affairs of the Portuguese Republic"
	bgd = "Ministry of Foreign Affairs of the People's Republic of Bangladesh"
	wsm = "Ministry of Foreign Affairs and Trade, Government of Samoa"
	omn = "Ministry of Foreign Affairs of the Sultanate of Oman"
)

// TestLegs checks the legs of trips through several countries, dated from
// the narrative, and the shapes around them: an arrival, an invitation,
// a possessive, a departure from a home city.
func TestLegs(t *testing.T) {
	tests := []struct {
		name, pub, headline, body string
		want                      []string
	}{
		{"arrival, flight on and return date each leg (Ghana)", gha, "Foreign Minister concludes Southern Africa tour",
			"Foreign Minister Kwesi Ampofo arrived in Lusaka on 4 March, where he held talks with his Zambian counterpart. He flew to Harare on 6 March for consultations with the Government of Zimbabwe. The Minister returned to Accra on 8 March.",
			[]string{"visit occurred ZMB by Kwesi Ampofo 2024-03-04/2024-03-06", "visit occurred ZWE by Kwesi Ampofo 2024-03-06/2024-03-08"}},
		{"the trip's span and a day told in each country (Sweden)", swe, "Foreign Minister to visit Japan and Korea",
			"Minister for Foreign Affairs Karin Lindgren will visit Japan and the Republic of Korea from 18 to 22 March.\n\nIn Tokyo on 19 March, she will meet Japan's Foreign Minister to discuss trade and security.\n\nThe Minister will then go on to Seoul, where she will open a Swedish-Korean trade seminar on 21 March.",
			[]string{"visit planned JPN by Karin Lindgren 2024-03-18/2024-03-19", "visit planned KOR by Karin Lindgren 2024-03-21/2024-03-22"}},
		{"a weekday arrival ends the previous leg (Oman)", omn, "Minister to visit Jordan and Egypt",
			"Foreign Minister Sayyid Badr Al Harthy will visit Jordan and Egypt next week.\n\nIn Amman on Monday, the Minister will meet his Jordanian counterpart.\n\nOn Wednesday the Minister will travel on to Cairo, where he will hold talks on the situation in the region.\n\nThe Minister will return to Muscat on Thursday 21 March.",
			[]string{"visit planned JOR by Badr Al Harthy 2024-03-18/2024-03-20", "visit planned EGY by Badr Al Harthy 2024-03-20/2024-03-21"}},
		{"a day told in the last country alone keeps the trip's span (Portugal)", prt, "Minister to visit Angola and Mozambique",
			"Minister of State and Foreign Affairs Rui Sampaio will travel to Angola and Mozambique from 18 to 23 March.\n\nIn Maputo, on 22 March, the Minister will attend the opening of the new Portuguese school.",
			[]string{"visit planned AGO by Rui Sampaio 2024-03-18/2024-03-23", "visit planned MOZ by Rui Sampaio 2024-03-18/2024-03-23"}},
		{"an arrival alone is a start (Bangladesh)", bgd, "Foreign Minister in Nairobi for UN conference",
			"Foreign Minister Mahbub Karim arrived in Nairobi on 10 March to attend the ministerial conference on climate migration.",
			[]string{"visit occurred KEN by Mahbub Karim 2024-03-10/.."}},
		{"an arrival alone is a start (Samoa)", wsm, "Prime Minister arrives in Wellington",
			"Prime Minister Tui Leaupepe arrived in Wellington, New Zealand, on 11 March for the Pacific leaders' dialogue on ocean finance.",
			[]string{"visit occurred NZL by Tui Leaupepe 2024-03-11/.."}},
		{"an invitation with the invitee named between is no visit (Ghana)", gha, "Foreign Minister receives Peruvian envoy",
			"Foreign Minister Kwesi Ampofo received the Ambassador of Peru, who extended an invitation from the Foreign Minister of Peru to Minister Ampofo to visit Lima.",
			nil},
		{"an invitation with the invitee named between is no visit (Croatia)", hrv, "Minister receives Chilean envoy",
			"Minister Ana Horvat received the Ambassador of Chile, who conveyed an invitation from the President of Chile for the Minister to pay a visit to Santiago.",
			nil},
		{"a possessive is not a further destination (Norway)", nor, "State Secretary meets Danish minister",
			"State Secretary Eirik Berg briefed the Danish minister on his visit to Sudan on 5 March and on Egypt's mediation efforts.",
			[]string{"visit occurred SDN by Eirik Berg 2024-03-05"}},
		{"a possessive is not a further destination (Tanzania)", "Ministry of Foreign Affairs and East African Cooperation, United Republic of Tanzania", "Minister briefs envoys",
			"Minister Zawadi Mfinanga briefed the envoys on her trip to Malawi on 4 March and on Zambia's preparations for the summit.",
			[]string{"visit occurred MWI by Zawadi Mfinanga 2024-03-04"}},
		{"departing a home city for a provincial town (Papua New Guinea)", "Department of Foreign Affairs, Papua New Guinea", "Minister departs for Solomon Islands",
			"Foreign Minister Kila Tau departed Port Moresby for Auki, Solomon Islands, on 9 March for the Melanesian leaders' dialogue.",
			[]string{"visit occurred SLB by Kila Tau 2024-03-09/.."}},
		{"departing a home city for a city the gazetteer lacks (Samoa)", wsm, "Prime Minister departs for Tonga",
			"The Prime Minister, Hon. Tui Leaupepe, departed Apia for Neiafu, Tonga, on 10 March to attend the Pacific leaders' retreat.",
			[]string{"visit occurred TON by Tui Leaupepe 2024-03-10/.."}},
		{"departing a home city for an island the gazetteer lacks (Fiji)", "Ministry of Foreign Affairs, Republic of Fiji", "Prime Minister departs for Tonga",
			"Prime Minister Vilimone Tora left Suva for Vava'u, Tonga, on 10 March to open the regional fisheries dialogue.",
			[]string{"visit occurred TON by Vilimone Tora 2024-03-10/.."}},
		{"departing a home city for a foreign capital (Kenya)", ken, "Cabinet Secretary leaves for Kinshasa",
			"Cabinet Secretary Wanjiku Njoroge left Nairobi for Kinshasa, Democratic Republic of the Congo, on 11 March for talks on regional security.",
			[]string{"visit occurred COD by Wanjiku Njoroge 2024-03-11/.."}},
		{"a tour that starts on a weekday, moves on by weekdays and ends on one (Spain)", "Ministry of Foreign Affairs, European Union and Cooperation, Government of Spain", "Minister travels to Central America",
			"The Minister for Foreign Affairs, Inés Calvo, will travel next week to Panama and Costa Rica to prepare the EU-CELAC ministerial meeting, which will be held in Brussels on 17 and 18 July.\n\nThe minister will begin her tour on Monday in Panama City, where she will meet the Foreign Minister of Panama.\n\nOn Wednesday, the minister will fly on to San José, where the tour will end on Thursday with a meeting with the Spanish community.",
			[]string{"visit planned PAN by Inés Calvo 2024-03-18/2024-03-20", "visit planned CRI by Inés Calvo 2024-03-20/2024-03-21"}},
		{"a date told of another place is not the trip's (Netherlands)", "Ministry of Foreign Affairs of the Kingdom of the Netherlands", "Minister to visit Ghana",
			"Minister Joris de Wit will travel to Ghana to prepare the donor conference, which will be held in Geneva on 20 and 21 June.",
			[]string{"visit planned GHA by Joris de Wit"}},
		{"a trip's length with its start (Ethiopia)", "Ministry of Foreign Affairs of Ethiopia", "Foreign Minister receives Djiboutian counterpart",
			"Minister Getahun Bekele received Foreign Minister Omar Ali Robleh of Djibouti, who arrived in Addis Ababa yesterday for a three-day working visit.",
			[]string{"visit occurred ETH by Omar Ali Robleh 2024-03-11/2024-03-13"}},
		{"a trip's length with its start (Malta)", "Ministry for Foreign and European Affairs and Trade, Malta", "Minister begins visit to Japan",
			"Minister Ian Borg began a 4-day official visit to Japan on 10 March.",
			[]string{"visit occurred JPN by Ian Borg 2024-03-10/2024-03-13"}},
		{"a resident ambassador's call is no visit (Bangladesh)", bgd, "Foreign Minister receives envoys",
			"Foreign Minister Mahbub Karim received on Monday a courtesy call from the newly appointed Ambassador of Brazil to Bangladesh, Ana Souza.",
			nil},
		{"a resident ambassador's call is no visit (Oman)", omn, "Minister receives ambassador",
			"Foreign Minister Badr Al Harthy received the Ambassador of Japan to the Sultanate of Oman, Kenji Sato, who called on him in Muscat today.",
			nil},
		{"a meeting on the sidelines of a summit held abroad (Qatar)", "Ministry of Foreign Affairs, State of Qatar", "Minister meets counterparts",
			"Minister of State Khalifa Al Thani met today with the Foreign Minister of Ghana, Ama Owusu, on the sidelines of the Antalya Diplomacy Forum.",
			[]string{"visit occurred TUR by Khalifa Al Thani 2024-03-12"}},
		{"a meeting on the sidelines of a summit held abroad (Viet Nam)", vnm, "Deputy Minister meets counterparts",
			"On 12 March, on the sidelines of the East Asia Ministerial Dialogue, held in Vientiane, Laos, Deputy Foreign Minister Nguyen Van Long met the Deputy Foreign Minister of Japan.",
			[]string{"visit occurred LAO by Nguyen Van Long 2024-03-12"}},
		{"an arrival with its day between verb and place (Indonesia)", "Ministry of Foreign Affairs of the Republic of Indonesia", "Foreign Minister in Canberra",
			"Foreign Minister Retno Wulandari arrived today in Canberra for talks with her Australian counterpart.",
			[]string{"visit occurred AUS by Retno Wulandari 2024-03-12/.."}},
		{"an arrival with its day between verb and place (Jordan)", "Ministry of Foreign Affairs and Expatriates, Hashemite Kingdom of Jordan", "Deputy Prime Minister begins European tour",
			"Deputy Prime Minister Ayman Haddad arrived yesterday in Rome at the start of a European tour.",
			[]string{"visit occurred ITA by Ayman Haddad 2024-03-11/.."}},
		{"departing one leg's city on a day for the next (Thailand)", "Ministry of Foreign Affairs, Kingdom of Thailand", "Foreign Minister concludes visit to Viet Nam and Cambodia",
			"Foreign Minister Somchai Wongsa paid an official visit to Viet Nam and Cambodia from 4 to 8 March 2024.\n\nIn Hanoi, the Foreign Minister co-chaired the Joint Commission with his Vietnamese counterpart on 5 March.\n\nThe Foreign Minister departed Hanoi on 6 March for Phnom Penh, where he called on the Prime Minister of Cambodia on 7 March.",
			[]string{"visit occurred VNM by Somchai Wongsa 2024-03-04/2024-03-06", "visit occurred KHM by Somchai Wongsa 2024-03-06/2024-03-08"}},
		{"departing one leg's city on a day for the next (Chile)", chl, "Minister concludes tour of Peru and Ecuador",
			"Minister Pablo Rojas travelled to Peru and Ecuador from 4 to 8 March 2024.\n\nIn Lima, the Minister held talks with the Peruvian Foreign Minister on 4 March.\n\nThe Minister left Lima on Wednesday for Quito, where he met the President of Ecuador on 7 March.",
			[]string{"visit occurred PER by Pablo Rojas 2024-03-04/2024-03-06", "visit occurred ECU by Pablo Rojas 2024-03-06/2024-03-08"}},
		{"legs told in clauses of one sentence (Czech Republic)", "Ministry of Foreign Affairs of the Czech Republic", "Minister in Central Asia",
			"Minister Tomas Dvorak will travel to Kazakhstan and Uzbekistan this week. On Wednesday he is in Astana, and on Friday he travels on to Tashkent, where he will hold talks before returning to Prague on Saturday.",
			[]string{"visit planned KAZ by Tomas Dvorak 2024-03-13/2024-03-15", "visit planned UZB by Tomas Dvorak 2024-03-15/2024-03-16"}},
		{"legs told in clauses split by a semicolon (Slovenia)", "Ministry of Foreign and European Affairs of the Republic of Slovenia", "State Secretary to visit South Caucasus",
			"State Secretary Maja Novak will visit Georgia and Armenia next week. She will be in Tbilisi on Monday and Tuesday; on Wednesday she will fly on to Yerevan, and she will return to Ljubljana on Thursday.",
			[]string{"visit planned GEO by Maja Novak 2024-03-18/2024-03-20", "visit planned ARM by Maja Novak 2024-03-20/2024-03-21"}},
		{"a visit that concludes on a weekday (Ireland)", "Department of Foreign Affairs, Ireland", "Minister in Viet Nam",
			"Minister of State Niamh Byrne began an official visit to Viet Nam on Monday. The visit will conclude on Thursday with a meeting with the Irish community in Ho Chi Minh City.",
			[]string{"visit occurred VNM by Niamh Byrne 2024-03-11/2024-03-14"}},
		{"a mission that ends on a weekday (Zambia)", "Ministry of Foreign Affairs and International Cooperation, Republic of Zambia", "Minister on mission to Brazil",
			"Minister Mulenga Chanda arrived in Brasilia on Sunday for a working mission to Brazil. The mission will end on Wednesday.",
			[]string{"visit occurred BRA by Mulenga Chanda 2024-03-10/2024-03-13"}},
		{"a meeting at home undated in its sentence takes the day told before (Slovenia)", "Ministry of Foreign and European Affairs of the Republic of Slovenia", "Minister opens Bled Strategic Forum",
			"Minister Maja Novak opened the 19th Bled Strategic Forum today, which is being held on 12 and 13 March under the title Resilient Europe.\n\nOn the margins of the Forum, Minister Novak held bilateral meetings with the Minister of Foreign Affairs of Austria, Klaus Berger, and the Foreign Minister of Hungary, Zoltan Kiss.",
			[]string{"visit occurred SVN by Klaus Berger 2024-03-12", "visit occurred SVN by Zoltan Kiss 2024-03-12"}},
		{"a meeting at home undated in its sentence takes the day told before (Kenya)", ken, "Cabinet Secretary opens climate dialogue",
			"Cabinet Secretary Wanjiku Njoroge today opened the Africa Climate Dialogue at the Kenyatta International Convention Centre, which runs from 12 to 14 March.\n\nShe later held talks with the Minister of Foreign Affairs of Tanzania, Amani Mushi, on the sidelines of the Dialogue.",
			[]string{"visit occurred KEN by Amani Mushi 2024-03-12"}},
		{"a trip to a gathering from its first day lasts as long (Portugal)", prt, "Minister to attend EU-AU ministerial",
			"Minister Rui Sampaio will travel to Brussels on 17 March to take part in the EU-AU Ministerial Meeting, to be held on 17 and 18 March.",
			[]string{"visit planned BEL by Rui Sampaio 2024-03-17/2024-03-18"}},
		{"a trip to a gathering from its first day lasts as long (Kenya)", ken, "Cabinet Secretary to attend AU Executive Council",
			"Cabinet Secretary Wanjiku Njoroge will leave for Addis Ababa on 14 March to attend the 44th Ordinary Session of the Executive Council of the African Union, which takes place from 14 to 15 March.",
			[]string{"visit planned ETH by Wanjiku Njoroge 2024-03-14/2024-03-15"}},
		{"a gathering that starts on another day does not stretch a trip (Ghana)", gha, "Minister to attend ECOWAS Council",
			"Minister Kwesi Ampofo will travel to Abuja on 13 March to attend the ECOWAS Council of Ministers, to be held on 14 and 15 March.",
			[]string{"visit planned NGA by Kwesi Ampofo 2024-03-13"}},
		{"a meeting's own day dates a sidelines visit, not the gathering's opening (United Arab Emirates)", "Ministry of Foreign Affairs, United Arab Emirates", "Minister of State meets counterparts",
			"Minister of State Noura Al Kaabi met today with the Foreign Minister of Ghana, Ama Owusu, on the sidelines of the Antalya Diplomacy Forum, which opened yesterday.",
			[]string{"visit occurred TUR by Noura Al Kaabi 2024-03-12"}},
		{"a meeting's own day dates a sidelines visit, not the gathering's opening (Indonesia)", "Ministry of Foreign Affairs of the Republic of Indonesia", "Foreign Minister meets Peruvian counterpart",
			"On 12 March, Foreign Minister Retno Wulandari held talks with the Foreign Minister of Peru on the sidelines of the APEC Ministerial Meeting, held in Lima, Peru, which opened on 11 March.",
			[]string{"visit occurred PER by Retno Wulandari 2024-03-12"}},
		{"a trade mission led abroad is a trip (Denmark)", "Ministry of Foreign Affairs of Denmark", "Minister leads trade mission to Ghana and Nigeria",
			"Minister for Development Cooperation Anne Holm will lead a business mission to Ghana and Nigeria from 18 to 22 March.",
			[]string{"visit planned GHA by Anne Holm 2024-03-18/2024-03-22", "visit planned NGA by Anne Holm 2024-03-18/2024-03-22"}},
		{"a trade mission led abroad is a trip (Finland)", "Ministry for Foreign Affairs of Finland", "Minister led trade mission to Chile",
			"Minister for Foreign Trade Ville Tanskanen led a trade mission to Chile on 4-6 March, accompanied by 30 Finnish companies.",
			[]string{"visit occurred CHL by Ville Tanskanen 2024-03-04/2024-03-06"}},
		{"a permanent mission is no trip (Austria)", "Federal Ministry for European and International Affairs, Republic of Austria", "Minister meets ambassador",
			"The Permanent Mission of Austria to the United Nations in New York hosted a reception on 4 March.",
			nil},
		{"met at home in a city it names while a trip abroad comes later (Uruguay)", "Ministry of Foreign Affairs, Oriental Republic of Uruguay", "Minister meets Paraguayan counterpart",
			"Minister Omar Paganini held bilateral meetings today in Colonia del Sacramento with the Foreign Minister of Paraguay, Rubén Ramírez.\n\nThe Minister will travel to Brussels on 17 July to take part in the EU-CELAC Summit.",
			[]string{"visit planned BEL by Omar Paganini 2024-07-17", "visit occurred URY by Rubén Ramírez 2024-03-12"}},
		{"met at home in a city it names while a trip abroad comes later (Kenya)", ken, "Cabinet Secretary receives Ugandan minister",
			"Cabinet Secretary Wanjiku Njoroge met today in Mombasa with the Minister of Foreign Affairs of Uganda, Okello Oryem.\n\nOn 20 March the Cabinet Secretary will travel to Addis Ababa for the AU Executive Council.",
			[]string{"visit planned ETH by Wanjiku Njoroge 2024-03-20", "visit occurred KEN by Okello Oryem 2024-03-12"}},
		{"each country after its dates (Nepal)", "Ministry of Foreign Affairs of Nepal", "Foreign Minister to visit Bangladesh and Thailand",
			"Foreign Minister Arzu Rana will undertake official visits from 3 to 5 June in Bangladesh and from 5 to 7 June in Thailand.",
			[]string{"visit planned BGD by Arzu Rana 2024-06-03/2024-06-05", "visit planned THA by Arzu Rana 2024-06-05/2024-06-07"}},
		{"each country after its dates (Mongolia)", "Ministry of Foreign Affairs of Mongolia", "State Secretary to visit Central Asia",
			"State Secretary Bat-Erdene Dorj will pay working visits from 10 to 12 April in Kazakhstan and from 12 to 14 April in Kyrgyzstan.",
			[]string{"visit planned KAZ by Bat-Erdene Dorj 2024-04-10/2024-04-12", "visit planned KGZ by Bat-Erdene Dorj 2024-04-12/2024-04-14"}},
		{"countries named again after their dates (Fiji)", "Ministry of Foreign Affairs, Republic of Fiji", "Prime Minister to visit Australia and New Zealand",
			"Prime Minister Sitiveni Naivalu will travel to Australia and New Zealand, from 20 to 22 March in Australia and from 22 to 24 March in New Zealand.",
			[]string{"visit planned AUS by Sitiveni Naivalu 2024-03-20/2024-03-22", "visit planned NZL by Sitiveni Naivalu 2024-03-22/2024-03-24"}},
		{"countries named again after their dates (Costa Rica)", "Ministerio de Relaciones Exteriores y Culto, Costa Rica", "Minister concludes visits to Panama and Colombia",
			"Foreign Minister Ana Solís made official visits to Panama and Colombia, from 4 to 5 March in Panama and from 6 to 8 March in Colombia.",
			[]string{"visit occurred PAN by Ana Solís 2024-03-04/2024-03-05", "visit occurred COL by Ana Solís 2024-03-06/2024-03-08"}},
		{"the day of coming home ends the last leg and dates no visit (Kenya)", ken, "Cabinet Secretary returns from Egypt and Jordan",
			"Cabinet Secretary Wanjiku Njoroge returned home yesterday after a working visit to Egypt and Jordan.\n\nIn Cairo she met the Foreign Minister of Egypt on 4 March. She then proceeded to Amman on 6 March, where she held talks with the Foreign Minister of Jordan.",
			[]string{"visit occurred EGY by Wanjiku Njoroge 2024-03-04/2024-03-06", "visit occurred JOR by Wanjiku Njoroge 2024-03-06/2024-03-11"}},
		{"the day of coming home closes a visit begun by proceeding there (Sri Lanka)", "Ministry of Foreign Affairs, Sri Lanka", "Minister returns from Maldives",
			"Foreign Minister Nalin Perera returned to Colombo on Sunday. The Minister had proceeded to Malé on 7 March to attend the Indian Ocean Dialogue.",
			[]string{"visit occurred MDV by Nalin Perera 2024-03-07/2024-03-10"}},
		{"an undated visit takes the days of the gathering it went to (Ghana)", gha, "Minister returns from ECOWAS Summit",
			"Minister Kwesi Ampofo returned home yesterday after leading Ghana's delegation to the ECOWAS Summit in Abuja.\n\nThe ECOWAS Summit, held in Abuja on 7 and 8 March, adopted a declaration on regional security.",
			[]string{"visit occurred NGA by Kwesi Ampofo 2024-03-07/2024-03-08"}},
		{"an undated visit takes the days of the gathering it went to (Philippines)", "Department of Foreign Affairs, Republic of the Philippines", "Secretary at ASEAN meeting",
			"Secretary Jose Reyes returned to Manila on Sunday after leading the Philippine delegation to the ASEAN Foreign Ministers' Meeting in Vientiane.\n\nThe ASEAN Foreign Ministers' Meeting, held in Vientiane on 5 and 6 March, adopted a joint communiqué.",
			[]string{"visit occurred LAO by Jose Reyes 2024-03-05/2024-03-06"}},
		{"a programme's bullets opening with their days (Slovakia)", "Ministry of Foreign and European Affairs of the Slovak Republic", "State Secretary to visit Kenya and Tanzania",
			"State Secretary Ivan Novak will visit Kenya and Tanzania next week.\n\nProgramme of the visit:\n• Monday, 18 March – Nairobi: talks with the Principal Secretary for Foreign Affairs\n• Tuesday, 19 March and Wednesday, 20 March – Dar es Salaam: business forum and political consultations",
			[]string{"visit planned KEN by Ivan Novak 2024-03-18", "visit planned TZA by Ivan Novak 2024-03-19/2024-03-20"}},
		{"a programme's bullets opening with their days (Estonia)", "Ministry of Foreign Affairs of the Republic of Estonia", "Minister to visit the South Caucasus",
			"Minister Margus Tamm will visit Georgia and Armenia.\n\n- 25 March – Tbilisi: meeting with the Foreign Minister of Georgia\n- 26 March – Yerevan: political consultations",
			[]string{"visit planned GEO by Margus Tamm 2024-03-25", "visit planned ARM by Margus Tamm 2024-03-26"}},
		{"a visitor named by country and office travels on, not the host (Chile)", chl, "Minister receives Indonesian counterpart",
			"Minister Pablo Rojas received the Foreign Minister of Indonesia, Ratna Sari, in Santiago today.\n\nThe Indonesian foreign minister will travel on to Lima on 14 March.",
			[]string{"visit planned PER by Ratna Sari 2024-03-14", "visit occurred CHL by Ratna Sari 2024-03-12"}},
		{"a visitor named by country and office travels on, not the host (Croatia)", hrv, "Minister hosts Japanese counterpart",
			"Minister Goran Horvat hosted the Foreign Minister of Japan, Kenji Sato, in Zagreb today.\n\nOn Wednesday the Japanese minister will travel to Ljubljana.",
			[]string{"visit planned SVN by Kenji Sato 2024-03-13", "visit occurred HRV by Kenji Sato 2024-03-12"}},
		{"an invitation to pay a state visit is no visit (Ghana)", gha, "President receives Ivorian envoy",
			"President Kofi Mensah accepted an invitation extended by his Ivorian counterpart to pay a state visit to Côte d'Ivoire at a date to be agreed.",
			nil},
		{"an invitation to make an official working visit is no visit (Peru)", "Ministerio de Relaciones Exteriores del Perú", "Minister meets Korean envoy",
			"Minister Elmer Schialer accepted the invitation of the Korean Foreign Minister to make an official working visit to Korea next year.",
			nil},
		{"a visitor's stay begun on a day ends when the text says the visit ends (Oman)", omn, "Minister receives Slovenian counterpart",
			"Foreign Minister Badr Al Harthy received the Foreign Minister of Slovenia, Tanja Fajon, who arrived in Muscat yesterday on an official visit.\n\nOn Wednesday the two ministers will open a business forum, on the day her visit to Oman concludes.",
			[]string{"visit occurred OMN by Tanja Fajon 2024-03-11/2024-03-13"}},
		{"a visitor's stay begun on a day ends when the text says the visit ends (Ethiopia)", "Ministry of Foreign Affairs of Ethiopia", "Minister receives Kenyan counterpart",
			"Minister Taye Atske received the Foreign Minister of Kenya, Musalia Mudavadi, who arrived in Addis Ababa on Sunday for a working visit.\n\nThe visit will end on Wednesday.",
			[]string{"visit occurred ETH by Musalia Mudavadi 2024-03-10/2024-03-13"}},
		{"participation in a gathering held abroad is a visit (Barbados)", "Prime Minister's Office, Government of Barbados", "Prime Minister returns from CHOGM",
			"Prime Minister Mia Thompson returned home yesterday following her participation in the Commonwealth Heads of Government Meeting, held in Apia, Samoa, from 4 to 8 March.",
			[]string{"visit occurred WSM by Mia Thompson 2024-03-04/2024-03-08"}},
		{"attendance at a gathering held abroad is a visit (Lithuania)", "Ministry of Foreign Affairs of the Republic of Lithuania", "Minister returns from OSCE meeting",
			"Minister Gabrielius Kaunas returned to Vilnius on Thursday following his attendance at the OSCE Ministerial Council Meeting, held in Valletta, Malta, on 5 and 6 March.",
			[]string{"visit occurred MLT by Gabrielius Kaunas 2024-03-05/2024-03-06"}},
		{"the day of leaving starts a trip to a gathering held later, and the next leg ends it (Lesotho)", "Office of the Prime Minister, Kingdom of Lesotho", "Prime Minister departs for SADC Summit",
			"Prime Minister Thabo Lekhanya departed Maseru yesterday for Luanda, Angola, to attend the SADC Extraordinary Summit, which will be held on Saturday.\n\nFrom Luanda, the Prime Minister will proceed to Lusaka, Zambia, on 18 March for a two-day working visit.",
			[]string{"visit planned AGO by Thabo Lekhanya 2024-03-11/2024-03-18", "visit planned ZMB by Thabo Lekhanya 2024-03-18/2024-03-19"}},
		{"the day of leaving starts a trip to a gathering held later, and the next leg ends it (Malawi)", "Office of the President and Cabinet, Republic of Malawi", "President leaves for COMESA Summit",
			"President Peter Banda left Lilongwe yesterday for Nairobi, Kenya, to attend the COMESA Summit, which opens on Thursday.\n\nThe President will then travel to Kampala, Uganda, on 16 March for a state visit.",
			[]string{"visit occurred KEN by Peter Banda 2024-03-11/2024-03-16", "visit planned UGA by Peter Banda 2024-03-16/.."}},
		{"a trip's day and its length after it (Namibia)", "Ministry of International Relations and Trade, Republic of Namibia", "Minister to visit Botswana",
			"Minister Penda Amutenya will travel to Gaborone on 20 March for a three-day official visit.",
			[]string{"visit planned BWA by Penda Amutenya 2024-03-20/2024-03-22"}},
		{"a visiting official who arrived in the country (Bahrain)", "Ministry of Foreign Affairs, Kingdom of Bahrain", "Foreign Minister receives Kazakh counterpart",
			"Foreign Minister Abdullatif Al-Zayani held talks today with visiting Kazakh Foreign Minister Murat Nurtleu, who arrived in the country yesterday on a two-day official visit.",
			[]string{"visit occurred BHR by Murat Nurtleu 2024-03-11/2024-03-12"}},
		{"a visiting official who arrived in the country (Qatar)", "Ministry of Foreign Affairs, State of Qatar", "Minister of State meets Peruvian counterpart",
			"Minister of State Khalifa Al Thani held talks with visiting Peruvian Foreign Minister Ana Quispe, who arrived in the country on Sunday.",
			[]string{"visit occurred QAT by Ana Quispe 2024-03-10/.."}},
		{"in a country since a day, on a tour that began elsewhere (Malta)", "Ministry for Foreign and European Affairs and Trade, Malta", "Minister continues Asian tour in Japan",
			"Minister Ian Borg is in Tokyo since yesterday, on the second leg of an Asian tour that began in Seoul on Saturday. He will return to Valletta on Saturday.",
			[]string{"visit occurred JPN by Ian Borg 2024-03-11/2024-03-16", "visit occurred KOR by Ian Borg 2024-03-09/2024-03-11"}},
		{"in a country since a day, on a tour that began elsewhere (Estonia)", "Ministry of Foreign Affairs of the Republic of Estonia", "Minister in Kenya",
			"Minister Margus Tamm is in Nairobi since 10 March, on the last leg of an African tour that began in Addis Ababa on 7 March.",
			[]string{"visit occurred KEN by Margus Tamm 2024-03-10/..", "visit occurred ETH by Margus Tamm 2024-03-07/2024-03-10"}},
		{"a possible meeting on a summit's sidelines is no visit (Philippines)", "Department of Foreign Affairs, Republic of the Philippines", "Secretary meets counterpart",
			"Secretary Jose Reyes said the two sides would explore a possible meeting on the sidelines of the UN General Assembly in New York.",
			nil},
		{"a possible visit is no visit (Chile)", chl, "Minister meets envoy",
			"Minister Pablo Rojas and the envoy discussed a possible visit by the President to Canberra later this year.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkEvents(t, Visits{}, tt.pub, tt.headline, tt.body, tt.want) })
	}
}

// TestDatelineVisits checks that a release dated from a foreign place
// puts its principal there on the day of the release.
func TestDatelineVisits(t *testing.T) {
	for _, tt := range []struct{ name, text, want string }{
		{"an agency dateline abroad (Saudi Arabia)",
			"Saudi Press Agency\n\nForeign Minister meets Peruvian counterpart\n\nNew York, September 21, 2023, SPA -- Prince Faisal Al Rashid, Minister of Foreign Affairs, met today with the Minister of Foreign Affairs of Peru, Ana Quispe.\n",
			"visit occurred USA by Faisal Al Rashid 2023-09-21"},
		{"a slash byline abroad (Qatar)",
			"Ministry of Foreign Affairs - State of Qatar\n\nMinister of State meets Kenyan counterpart\n\nAntalya / Information Office / 02 March 2024\n\nMinister of State Khalifa Al Thani met today with the Cabinet Secretary of Kenya, Peter Langat.\n",
			"visit occurred TUR by Khalifa Al Thani 2024-03-02"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(tt.text)
			var got []string
			for _, e := range (Stack{Events: []EventExtractor{Visits{}}}).events(d, BuildFrame(d)) {
				got = append(got, brief(e))
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("visits %q, want [%s]", got, tt.want)
			}
		})
	}
}

// TestUnnamedBesideNamed checks that counterparts met unnamed, of named
// countries, are meetings beside a counterpart met by name.
func TestUnnamedBesideNamed(t *testing.T) {
	tests := []struct {
		name, pub, headline, body string
		want                      []string
	}{
		{"unnamed counterparts beside a named one (Paraguay)", "Ministerio de Relaciones Exteriores, República del Paraguay", "Chancellor at the Ibero-American meeting",
			"In Madrid, the Chancellor held bilateral meetings with his counterparts from Portugal, Andorra and the Dominican Republic, as well as with Spain's Minister of Foreign Affairs, Luis Ortega, on 11 March.",
			[]string{"meeting occurred with ESP [Luis Ortega] 2024-03-11", "meeting occurred with AND 2024-03-11", "meeting occurred with DOM 2024-03-11", "meeting occurred with PRT 2024-03-11"}},
		{"unnamed counterparts beside a named one (Nigeria)", "Federal Ministry of Foreign Affairs, Nigeria", "Minister meets ECOWAS counterparts",
			"On 11 March, Minister Aisha Bello held talks with her counterparts from Ghana and Togo, as well as with the Foreign Minister of Benin, Olushegun Adjadi.",
			[]string{"meeting occurred with BEN [Olushegun Adjadi] 2024-03-11", "meeting occurred with GHA 2024-03-11", "meeting occurred with TGO 2024-03-11"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkEvents(t, Meetings{}, tt.pub, tt.headline, tt.body, tt.want) })
	}
}

// TestChainsUnknownCityAfterDate checks that a departure's day is read out
// of the gap before a country whose unknown city was cut from it:
// "departed Apia on 9 March for Vava'u, Tonga".
func TestChainsUnknownCityAfterDate(t *testing.T) {
	for _, tt := range []struct{ name, pub, body, want string }{
		{"Samoa", wsm, "Prime Minister Tui Leaupepe departed Apia on 9 March for Vava'u, Tonga.", "TON"},
		{"Fiji", "Ministry of Foreign Affairs, Republic of Fiji", "Prime Minister Vilimone Tora departed Suva on 9 March for Funafuti, Tuvalu.", "TUV"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(fmt.Sprintf(dated, tt.pub, "Prime Minister departs", tt.body))
			c := BuildFrame(d)
			var got []string
			for i := range d.Sentences {
				text, sp := c.sentence(i)
				if !strings.Contains(text, "departed") {
					continue
				}
				for _, ds := range c.chains(sp, sp.Start, isTravelLead) {
					got = append(got, ds.country)
				}
			}
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("chains = %v, want [%s]", got, tt.want)
			}
		})
	}
}
