package extractors

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// analyze runs the production entity stack over text, as the pipeline
// does.
func analyze(text string) *Doc {
	d := &Doc{ID: "t", Text: text}
	Default().Mentions(d)
	return d
}

// brief renders an event as one comparable line.
func brief(e Event) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", e.Type, e.Status)
	switch e.Type {
	case Visit:
		fmt.Fprintf(&b, " %s by %s", e.Country, e.Actor.Name)
	case Meeting, Agreement:
		fmt.Fprintf(&b, " with %s", e.CounterpartCountry)
		for _, p := range e.Participants {
			fmt.Fprintf(&b, " [%s]", p.Name)
		}
	case Gathering:
		fmt.Fprintf(&b, " %q in %s", e.Name, e.Country)
	case Ranking:
		fmt.Fprintf(&b, " %s #%d %q %d", e.Country, e.RankPosition, e.Name, e.RankYear)
	}
	if e.Dates != nil {
		fmt.Fprintf(&b, " %s", e.Dates.Value())
	}
	return b.String()
}

// dated frames a test release: the publisher line (which tells the
// publishing government, as real releases do), a headline, a date line.
const dated = "%s\n\nPress Release\n\n%s\n\nPublished 12 March 2024\n\n%s\n"

// Publishers of the test releases.
const (
	kor = "Ministry of Foreign Affairs of the Republic of Korea"
	gbr = "Foreign, Commonwealth & Development Office of the United Kingdom"
	jpn = "Ministry of Foreign Affairs of Japan"
	ltu = "Ministry of Foreign Affairs of the Republic of Lithuania"
	ind = "Ministry of External Affairs, Government of India"
	can = "Global Affairs Canada, Government of Canada"
	sau = "Ministry of Foreign Affairs of the Kingdom of Saudi Arabia"
	est = "Ministry of Foreign Affairs of the Republic of Estonia"
	// none of these is in the corpus
	ken = "Ministry of Foreign and Diaspora Affairs, Republic of Kenya"
	gha = "Ministry of Foreign Affairs and Regional Integration, Republic of Ghana"
	nor = "Norwegian Ministry of Foreign Affairs"
	hrv = "Ministry of Foreign and European Affairs of the Republic of Croatia"
	chl = "Ministerio de Relaciones Exteriores, Gobierno de Chile"
	vnm = "Ministry of Foreign Affairs of Viet Nam"
)

func TestEventExtractors(t *testing.T) {
	tests := []struct {
		name     string
		pub      string
		headline string
		body     string
		x        EventExtractor
		want     []string
	}{
		{"multi-country trip with one span", kor, "Minister concludes visit to Greece and Romania",
			"Vice Minister of Foreign Affairs Kim Soo-jin visited Greece and Romania from March 1 to 6 to strengthen cooperation.",
			Visits{}, []string{"visit occurred GRC by Kim Soo-jin 2024-03-01/2024-03-06", "visit occurred ROU by Kim Soo-jin 2024-03-01/2024-03-06"}},
		{"per-country dates, respectively", kor, "Delegation visits Czechia and Georgia",
			"The delegation headed by Vice Minister Shim Bo-kyun visited the Czech Republic on March 5-6 and Georgia on March 7-8 respectively.",
			Visits{}, []string{"visit occurred CZE by Shim Bo-kyun 2024-03-05/2024-03-06", "visit occurred GEO by Shim Bo-kyun 2024-03-07/2024-03-08"}},
		{"itinerary table, date cell first", ind, "Visit of Minister of State to West Africa",
			"Minister of State for External Affairs Shri Devendra Nath Tripathi paid official visits to Ghana and Senegal from 1-9 March 2024.\n\n1-4 Mar 2024\tGhana\tAccra: talks\n5-9 Mar 2024\tSenegal\tDakar: business forum",
			Visits{}, []string{"visit occurred GHA by Devendra Nath Tripathi 2024-03-01/2024-03-04", "visit occurred SEN by Devendra Nath Tripathi 2024-03-05/2024-03-09"}},
		{"incoming visit: the visitor travels", gbr, "Foreign Secretary welcomes Jordanian counterpart",
			"Foreign Secretary Edward Ashcombe welcomed Jordanian Foreign Minister Faris Al-Majali to London on 8 March for talks on regional security and the crisis in Syria.",
			Visits{}, []string{"visit occurred GBR by Faris Al-Majali 2024-03-08"}},
		{"a visitor whose office's country is not read", gbr, "Foreign Secretary hosts Kenyan counterpart",
			"Cabinet Secretary Amina Wanjiru is in the United Kingdom on an official visit from 8 to 10 March.",
			Visits{}, []string{"visit occurred GBR by Amina Wanjiru 2024-03-08/2024-03-10"}},
		{"cities only: the first stands for the country", jpn, "Foreign Minister visits the United States",
			"Foreign Minister TAKEDA Haruka is in Washington March 4-6 for talks. She will then travel to Chicago on March 7.",
			Visits{}, []string{"visit occurred USA by Takeda Haruka 2024-03-04/2024-03-06", "visit planned USA by Takeda Haruka 2024-03-07"}},
		{"planned visit", jpn, "Minister to visit Brazil",
			"Ms. TAKEDA Haruka, Minister for Foreign Affairs of Japan, will visit Brazil from March 20 to 23.",
			Visits{}, []string{"visit planned BRA by Takeda Haruka 2024-03-20/2024-03-23"}},
		{"a tour of several countries", can, "Minister tours East Africa",
			"Minister of International Development Hélène Gagnon concluded a three-nation tour of Kenya, Ethiopia and Rwanda from March 2 to 9.",
			Visits{}, []string{"visit occurred KEN by Hélène Gagnon 2024-03-02/2024-03-09", "visit occurred ETH by Hélène Gagnon 2024-03-02/2024-03-09", "visit occurred RWA by Hélène Gagnon 2024-03-02/2024-03-09"}},
		{"postponed trip is not a visit", ltu, "Visit to Ukraine postponed",
			"The planned visit of Foreign Minister Gabrielius Rimkus to Ukraine from March 20 to 22 has been postponed.",
			Visits{}, nil},
		{"video call is not a visit", ltu, "Minister holds video conference",
			"Foreign Minister Gabrielius Rimkus held a video conference with the Foreign Minister of Moldova, Aurelia Ciobanu, on March 10.",
			Visits{}, nil},
		{"countries named in passing are not destinations", can, "Minister visits Kenya",
			"Minister of International Development Hélène Gagnon travelled to Kenya on March 4, where she visited a camp hosting refugees from South Sudan and Somalia, and discussed the crisis in Venezuela.",
			Visits{}, []string{"visit occurred KEN by Hélène Gagnon 2024-03-04"}},
		{"the day of the telling does not date a trip told with its dates (New Zealand)", "Ministry of Foreign Affairs and Trade, New Zealand", "Minister reports on Pacific trip",
			"Foreign Minister Aroha Tane visited Samoa from 3 to 7 March.\n\nToday, the Minister reported to Parliament on her recent trip to Samoa.",
			Visits{}, []string{"visit occurred WSM by Aroha Tane 2024-03-03/2024-03-07"}},
		{"the day of the telling does not date a trip told with its dates (Kenya)", "Ministry of Foreign and Diaspora Affairs, Republic of Kenya", "Cabinet Secretary back from Ethiopia",
			"Yesterday, Cabinet Secretary Wanjiku Njoroge briefed the Cabinet on her visit to Ethiopia.\n\nThe Cabinet Secretary was in Ethiopia from 4 to 6 March for talks on trade.",
			Visits{}, []string{"visit occurred ETH by Wanjiku Njoroge 2024-03-04/2024-03-06"}},
		{"departure and return give the trip's span (Kenya)", "Ministry of Foreign and Diaspora Affairs, Republic of Kenya", "Cabinet Secretary to visit Japan",
			"Cabinet Secretary Wanjiku Njoroge will travel to Japan this week for talks on trade.\n\nThe Cabinet Secretary departs on 14 March and returns on 18 March.",
			Visits{}, []string{"visit planned JPN by Wanjiku Njoroge 2024-03-14/2024-03-18"}},
		{"departure and return give the trip's span (Croatia)", "Ministry of Foreign and European Affairs of the Republic of Croatia", "Minister heads to Canada",
			"Minister Ana Horvat heads to Canada for consultations. The Minister leaves on 20 March and returns 24 March.",
			Visits{}, []string{"visit planned CAN by Ana Horvat 2024-03-20/2024-03-24"}},
		{"a start told before the destinations (Chile)", "Ministry of Foreign Affairs of Chile", "Minister travels to Central America",
			"On 14 March, Foreign Minister Pablo Rojas sets off for Central America.\n\nIt is the Minister's first official visit to Guatemala and Honduras.",
			Visits{}, []string{"visit planned GTM by Pablo Rojas 2024-03-14/..", "visit planned HND by Pablo Rojas 2024-03-14/.."}},
		{"a start told before the destinations (Vietnam)", "Ministry of Foreign Affairs of Viet Nam", "Deputy Minister tours Southern Africa",
			"On 18 March, Deputy Minister Nguyen Thanh Son begins a tour of Southern Africa. The Deputy Minister will pay official visits to Zambia and Zimbabwe.",
			Visits{}, []string{"visit planned ZMB by Nguyen Thanh Son 2024-03-18/..", "visit planned ZWE by Nguyen Thanh Son 2024-03-18/.."}},
		{"the visit dated in a later sentence (Ghana)", "Ministry of Foreign Affairs and Regional Integration, Ghana", "Minister to visit Senegal",
			"Foreign Minister Kwame Mensah will pay an official visit to Senegal.\n\nThe official visit, taking place from 10 to 12 April, will focus on trade.",
			Visits{}, []string{"visit planned SEN by Kwame Mensah 2024-04-10/2024-04-12"}},
		{"the visit dated in a later sentence (Norway)", "Norwegian Ministry of Foreign Affairs, Norway", "State Secretary to Estonia",
			"State Secretary Ola Berg will make a working visit to Estonia.\n\nThe visit takes place from 21 to 22 March.",
			Visits{}, []string{"visit planned EST by Ola Berg 2024-03-21/2024-03-22"}},
		{"a start alone (Latvia)", "Ministry of Foreign Affairs of the Republic of Latvia", "Minister in Japan",
			"Foreign Minister Anna Ozola began an official visit to Japan on 11 March.",
			Visits{}, []string{"visit occurred JPN by Anna Ozola 2024-03-11/.."}},
		{"a start alone (Peru)", "Ministry of Foreign Affairs of Peru", "Minister to Brazil",
			"Foreign Minister Rosa Quispe departs for Brazil on 14 March for talks on the Amazon.",
			Visits{}, []string{"visit planned BRA by Rosa Quispe 2024-03-14/.."}},
		{"legs told with will be in and go on to (India)", ind, "MoS to visit East Africa",
			"Minister of State Raj Kumar will be in Kenya from 4 to 6 March. He will then go on to Tanzania from 6 to 8 March.",
			Visits{}, []string{"visit planned KEN by Raj Kumar 2024-03-04/2024-03-06", "visit planned TZA by Raj Kumar 2024-03-06/2024-03-08"}},
		{"a neighbouring country (Czechia)", "Ministry of Foreign Affairs of the Czech Republic", "Minister in Vienna",
			"Foreign Minister Tomas Novak travelled to neighbouring Austria on 12 March.",
			Visits{}, []string{"visit occurred AUT by Tomas Novak 2024-03-12"}},
		{"a start that is not the trip's does not date it (Peru)", "Ministry of Foreign Affairs of Peru", "Minister to visit Chile",
			"Foreign Minister Rosa Quispe will visit Chile.\n\nThe conference on trade began on 5 March in Lima.",
			Visits{}, []string{"visit planned CHL by Rosa Quispe"}},
		{"the speaker of remarks is the first person (Ghana)", "Ministry of Foreign Affairs and Regional Integration, Ghana", "Remarks by Foreign Minister Kwame Mensah on his return from Japan",
			"Deputy Minister Ama Owusu joined the delegation. Good afternoon. I travelled to Japan from 3 to 6 March to deepen our partnership, and Deputy Minister Ama Owusu stayed on.",
			Visits{}, []string{"visit occurred JPN by Kwame Mensah 2024-03-03/2024-03-06"}},
		{"a transcript's speaker is the first person (Norway)", "Norwegian Ministry of Foreign Affairs, Norway", "Press conference in Nairobi",
			"State Secretary Ola Berg: Good morning. Today I arrived in Kenya for my first visit to East Africa. Deputy Minister Kari Lie joined me. Kari Lie will meet the President, and Kari Lie will open a school.",
			Visits{}, []string{"visit occurred KEN by Ola Berg 2024-03-12/.."}}, // an arrival is a start
		{"a visit of a named visitor (Ghana)", "Ministry of Foreign Affairs and Regional Integration, Ghana", "President of Botswana in Accra",
			"The programme of the official visit to Ghana of the President of Botswana, Duma Boko, opened with talks at Jubilee House.",
			Visits{}, []string{"visit occurred GHA by Duma Boko"}},
		{"a visit by a named visitor (Finland)", "Ministry for Foreign Affairs of Finland", "State visit from Lithuania",
			"The state visit to Finland by President Gitanas Nauseda of Lithuania included talks on energy.",
			Visits{}, []string{"visit occurred FIN by Gitanas Nauseda"}},
		{"a visit told by the visitor's title (Chile)", "Ministry of Foreign Affairs of Chile", "Chancellor receives US Secretary of State",
			"Chancellor Ana Ruiz received Secretary of State Mark Davis of the United States on 4 March.\n\nIt was the Secretary's first visit to Chile since 2019.",
			Visits{}, []string{"visit occurred CHL by Mark Davis 2024-03-04"}},
		{"a visit told by the visitor's title (Thailand)", "Ministry of Foreign Affairs, Kingdom of Thailand", "Foreign Minister meets Japanese Prime Minister",
			"Foreign Minister Somchai Wong met Prime Minister Kenji Sato of Japan.\n\nThis is the Prime Minister's second visit to Thailand.",
			Visits{}, []string{"visit occurred THA by Kenji Sato"}},
		{"welcome to a home city, said to the visitor (Kenya)", "Ministry of Foreign and Diaspora Affairs, Republic of Kenya", "Remarks by the Cabinet Secretary",
			"Foreign Minister Lars Holm, dear Lars, welcome to Nairobi. It is an honour to host you.",
			Visits{}, []string{"visit occurred KEN by Lars Holm"}},
		{"welcome to a home city, said to the visitor (Ghana)", "Ministry of Foreign Affairs and Regional Integration, Ghana", "Opening remarks",
			"Foreign Minister Ana Costa, welcome to Accra once again.",
			Visits{}, []string{"visit occurred GHA by Ana Costa"}},
		{"a delegation to a body where it meets (United States)", "U.S. Department of State, United States", "Delegation to the International Labour Conference",
			"On 3 June, Ambassador Lisa Chen will lead a delegation to the International Labour Conference (ILC) in Geneva, Switzerland.",
			Visits{}, []string{"visit planned CHE by Lisa Chen 2024-06-03"}},
		{"a delegation to a body where it meets (Brazil)", "Ministry of Foreign Affairs of Brazil", "Minister at the FAO Council",
			"Minister Carlos Silva led the delegation to the Council of the Food and Agriculture Organization (FAO) in Rome, Italy, on 4 March.",
			Visits{}, []string{"visit occurred ITA by Carlos Silva 2024-03-04"}},
		{"an undated visit takes the one day the release reports (Latvia)", "Ministry of Foreign Affairs of the Republic of Latvia", "Minister in Japan",
			"Foreign Minister Anna Ozola was in Japan on an official visit.\n\nOn 5 March, the Minister met her Japanese counterpart Kenji Ito and opened an exhibition of Latvian design at the National Museum.",
			Visits{}, []string{"visit occurred JPN by Anna Ozola 2024-03-05"}},
		{"an undated visit takes the one day the release reports (Tanzania)", "Ministry of Foreign Affairs and East African Cooperation, Tanzania", "Minister in Uganda",
			"Foreign Minister Asha Juma paid a working visit to Uganda.\n\nOn Friday, 8 March 2024, the Minister laid a wreath at the Heroes Monument and held talks with the Speaker of Parliament.",
			Visits{}, []string{"visit occurred UGA by Asha Juma 2024-03-08"}},
		{"two days reported date no undated visit (Kenya)", "Ministry of Foreign and Diaspora Affairs, Republic of Kenya", "Cabinet Secretary in Ghana",
			"Cabinet Secretary Wanjiku Njoroge paid an official visit to Ghana.\n\nOn 4 March, she met the Speaker of Parliament of Ghana, and on 6 March she opened the new chancery of the Embassy.",
			Visits{}, []string{"visit occurred GHA by Wanjiku Njoroge"}},
		{"a bound of time does not date a visit (Chile)", "Ministry of Foreign Affairs of Chile", "Chancellor receives US Secretary of State",
			"It was the first visit to Chile by Secretary of State Mark Davis of the United States since 2019.",
			Visits{}, []string{"visit occurred CHL by Mark Davis"}},
		{"events in the page furniture are other releases' (Jamaica)", "Ministry of Foreign Affairs and Foreign Trade, Jamaica", "Minister in Peru",
			"Foreign Minister Ana Reid travelled to Peru on 4 March for talks on trade.\n\nRelated posts\n\nMinister visits Chile to open new embassy in Santiago",
			Visits{}, []string{"visit occurred PER by Ana Reid 2024-03-04"}},
		{"events in the page furniture are other releases' (Nepal)", "Ministry of Foreign Affairs, Nepal", "Foreign Secretary in Japan",
			"Foreign Secretary Ram Thapa travelled to Japan on 4 March for consultations.\n\nRead more:\n\nForeign Secretary travels to India for the Joint Commission",
			Visits{}, []string{"visit occurred JPN by Ram Thapa 2024-03-04"}},
		{"courtesy calls on two leaders (Laos)", "Ministry of Foreign Affairs, Lao PDR", "Minister to visit Thailand",
			"Separate courtesy calls by Foreign Minister Khamsay Vong on Prime Minister Somchai Dee of Thailand and on Speaker Niran Kit of Thailand are on the schedule.",
			Meetings{}, []string{"meeting occurred with THA [Somchai Dee] [Niran Kit]"}},
		{"spoke with a counterpart over breakfast (Sweden)", "Government Offices of Sweden",
			"Forum in Oslo", "At the forum in Oslo, the Prime Minister spoke with President of Iceland Anna Jonsdottir over breakfast.",
			Meetings{}, []string{"meeting occurred with ISL [Anna Jonsdottir]"}},
		{"a host who will receive the minister (Mexico)", "Secretaría de Relaciones Exteriores, Mexico", "Secretary continues to Peru",
			"The Secretary will continue on to Peru, where Foreign Minister Luis Vega will receive him.",
			Meetings{}, []string{"meeting planned with PER [Luis Vega]"}},
		{"a meeting that will not take place (Finland)", "Office of the President of the Republic of Finland", "Visit postponed",
			"President of Estonia Mari Kask will not make her visit or hold her meeting with President of the Republic Ville Niemi on Thursday: both have been postponed.",
			Meetings{}, nil},
		{"a meeting put off (Kenya)", "Ministry of Foreign and Diaspora Affairs, Republic of Kenya", "Talks deferred",
			"The meeting of Cabinet Secretary Wanjiku Njoroge with Foreign Minister Kofi Mensah of Ghana has been deferred to a later date.",
			Meetings{}, nil},
		{"counterparts named in the next paragraph (Korea)", kor, "Minister meets Nordic officials",
			"Foreign Minister Kim Soo-jin met officials from Norway and Finland on March 5.\n\nThe delegation comprised Norwegian State Secretary Ola Berg and Finnish State Secretary Anna Virtanen.",
			Meetings{}, []string{"meeting occurred with NOR [Ola Berg] 2024-03-05", "meeting occurred with FIN [Anna Virtanen] 2024-03-05"}},
		{"talks in the programme of a visit are with the visitor (Thailand)", "Ministry of Foreign Affairs, Kingdom of Thailand", "Prime Minister of Laos visits Thailand",
			"On 7 March, Prime Minister of Laos Sonexay Vong made an official visit to Thailand.\n\nMain programmes: bilateral talks with the Prime Minister, and a joint press conference.",
			Meetings{}, []string{"meeting occurred with LAO [Sonexay Vong]"}},
		{"talks in the programme of a visit are with the visitor (Mongolia)", "Ministry of Foreign Affairs of Mongolia", "Foreign Minister of Kazakhstan begins visit",
			"Minister of Foreign Affairs of Kazakhstan Aidar Nurlan started his official visit to Mongolia today. The Foreign Ministers of the two countries are expected to hold official talks.",
			Meetings{}, []string{"meeting planned with KAZ [Aidar Nurlan]"}},
		{"a meeting word in a gathering's name is not a meeting (Cambodia)", "Ministry of Foreign Affairs and International Cooperation, Cambodia", "Joint Commission held",
			"The 12th Meeting of the Cambodia-Laos Joint Commission on Economic Cooperation reviewed trade with Laos.",
			Meetings{}, nil},
		{"a visit at another time is a visit of its own (Indonesia)", "Ministry of Foreign Affairs of the Republic of Indonesia", "Minister to visit Japan",
			"Foreign Minister Sari Dewi will be in Japan from 20 to 22 March. Her previous visits were to Japan in 2019 and to Korea in 2017.",
			Visits{}, []string{"visit planned JPN by Sari Dewi 2024-03-20/2024-03-22", "visit occurred JPN by Sari Dewi 2019-01-01/2019-12-31", "visit occurred KOR by Sari Dewi 2017-01-01/2017-12-31"}},
		{"a visit at another time is a visit of its own (Norway)", "Norwegian Ministry of Foreign Affairs, Norway", "State Secretary to Kenya",
			"State Secretary Ola Berg will travel to Kenya on 20 March. He last travelled to Kenya in May 2021.",
			Visits{}, []string{"visit planned KEN by Ola Berg 2024-03-20", "visit occurred KEN by Ola Berg 2021-05-01/2021-05-31"}},
		{"a visit that began today (Ghana)", "Ministry of Foreign Affairs and Regional Integration, Ghana", "Portuguese Foreign Minister in Accra",
			"Foreign Minister Ana Costa of Portugal began her official visit to Ghana today.",
			Visits{}, []string{"visit occurred GHA by Ana Costa 2024-03-12/.."}},
		{"a visit starting today, in the first person (Kenya)", "Ministry of Foreign and Diaspora Affairs, Republic of Kenya", "Remarks by Cabinet Secretary Wanjiku Njoroge in Tokyo",
			"Good evening. Starting from today, I am on a visit to Japan, a valued partner.",
			Visits{}, []string{"visit occurred JPN by Wanjiku Njoroge 2024-03-12/.."}},
		{"an invitation to visit is not a visit (Ireland)", "Department of Foreign Affairs, Ireland", "Minister speaks with Ghanaian counterpart",
			"Foreign Minister Kofi Mensah of Ghana accepted an invitation to visit Ireland in May.",
			Visits{}, nil},
		{"a wish to visit is not a visit (Chile)", "Ministry of Foreign Affairs of Chile", "Chancellor meets Indian envoy",
			"Minister of State Raj Kumar of India expressed his wish to pay a visit to Chile next year.",
			Visits{}, nil},
		{"the Kingdom is the publisher's kingdom (Morocco)", "Ministry of Foreign Affairs, African Cooperation and Moroccan Expatriates, Kingdom of Morocco", "Minister receives Gabonese counterpart",
			"Minister of Foreign Affairs of Gabon Paul Ndong, who was on a working visit to the Kingdom on 4 and 5 March, held talks with the Minister.",
			Visits{}, []string{"visit occurred MAR by Paul Ndong 2024-03-04/2024-03-05"}},
		{"the Grand Duchy is the publisher's (Luxembourg)", "Ministry of Foreign and European Affairs, Grand Duchy of Luxembourg", "Latvian minister in Luxembourg",
			"On 5 March, Latvian Foreign Minister Anna Ozola came to the Grand Duchy for talks.",
			Visits{}, []string{"visit occurred LUX by Anna Ozola 2024-03-05"}},
		{"the visit of a country's official is not a visit to it (Ghana)", "Ministry of Foreign Affairs and Regional Integration, Ghana", "Remarks by Foreign Minister Kofi Adu at the Joint Press Conference on the Visit of Nigeria Foreign Minister Ade Bello",
			"Foreign Minister Ade Bello of Nigeria is in Accra on an official visit.",
			Visits{}, []string{"visit occurred GHA by Ade Bello"}},
		{"the visit of a country's official is not a visit to it (Thailand)", "Ministry of Foreign Affairs, Kingdom of Thailand", "Statement by Foreign Minister Somchai Wong on the Visit of the UAE Minister of State Kenji Ito",
			"Minister of State Kenji Ito of the UAE arrived in Bangkok on 11 March.",
			Visits{}, []string{"visit occurred THA by Kenji Ito 2024-03-11/.."}}, // an arrival is a start
		{"a foreign minister met at home made a visit (Latvia)", "Ministry of Foreign Affairs of the Republic of Latvia", "Foreign Minister meets Czech counterpart",
			"On 21 March in Riga, Foreign Minister Anna Ozola will hold a meeting with the Minister of Foreign Affairs of the Czech Republic, Tomas Novak.",
			Visits{}, []string{"visit planned LVA by Tomas Novak 2024-03-21"}},
		{"a foreign minister met at home made a visit (Kenya)", "Ministry of Foreign and Diaspora Affairs, Republic of Kenya", "Cabinet Secretary meets Ugandan counterpart",
			"Cabinet Secretary Wanjiku Njoroge held talks with the Minister of Foreign Affairs of Uganda, Okello Mugisha, on 5 March.",
			Visits{}, []string{"visit occurred KEN by Okello Mugisha 2024-03-05"}},
		{"a resident ambassador's call is no visit; a video call neither (Kenya)", "Ministry of Foreign and Diaspora Affairs, Republic of Kenya", "Cabinet Secretary receives envoys",
			"Cabinet Secretary Wanjiku Njoroge received Ambassador of Japan Kenji Ito on 5 March. She held a video conference with the Minister of Foreign Affairs of Ghana, Kofi Mensah, on 6 March.",
			Visits{}, nil},
		{"met abroad is no visit home (Peru)", "Ministry of Foreign Affairs of Peru", "Minister in Brasilia",
			"Foreign Minister Rosa Quispe travelled to Brazil on 4 March. In Brasilia, she held talks with the Minister of Foreign Affairs of Brazil, Carlos Silva.",
			Visits{}, []string{"visit occurred BRA by Rosa Quispe 2024-03-04"}},
		{"here in a city abroad, in the speaker's words (Canada)", "Global Affairs Canada, Government of Canada", "Remarks by Minister Anne Leblanc at the Canadian Embassy",
			"Good morning. I am glad to welcome you here in Tokyo, at the residence of our Embassy.",
			Visits{}, []string{"visit occurred JPN by Anne Leblanc"}},
		{"here in a city abroad, in the speaker's words (Chile)", "Ministry of Foreign Affairs of Chile", "Remarks by Chancellor Pablo Rojas to the Chilean community",
			"Dear friends, it is a joy to be here in Madrid with the Chilean community in Spain.",
			Visits{}, []string{"visit occurred ESP by Pablo Rojas"}},
		{"here in a home city is no visit (Chile)", "Ministry of Foreign Affairs of Chile", "Remarks by Chancellor Pablo Rojas to the diplomatic corps",
			"Dear friends, it is a joy to welcome you here in Santiago.",
			Visits{}, nil},
		{"the two ministers: with the principal's counterpart (Cambodia)", "Ministry of Foreign Affairs and International Cooperation, Cambodia", "Minister to visit Laos",
			"Foreign Minister Sok Chenda will visit Laos at the invitation of his Lao counterpart Saleumxay Kommasith.\n\nThe two foreign ministers will hold a bilateral dialogue on border trade.",
			Meetings{}, []string{"meeting planned with LAO [Saleumxay Kommasith]"}},
		{"both ministers: with the principal's counterpart (Croatia)", "Ministry of Foreign and European Affairs of the Republic of Croatia", "Minister in Ljubljana",
			"Minister Ana Horvat travelled to Slovenia, where Minister of Foreign Affairs of Slovenia Tanja Fajon received her.\n\nBoth ministers discussed energy links.",
			Meetings{}, []string{"meeting occurred with SVN [Tanja Fajon]"}},
		{"the attendance of an official at a summit abroad (Nepal)", "Ministry of Foreign Affairs, Nepal", "Foreign Secretary briefs the press",
			"The Spokesperson briefed the press on the attendance of Foreign Secretary Ram Thapa at the 80th session of the Economic and Social Commission for Asia and the Pacific, held on 4-5 March in Bangkok.",
			Visits{}, []string{"visit occurred THA by Ram Thapa 2024-03-04/2024-03-05"}},
		{"the participation of an official in a forum abroad (Ghana)", "Ministry of Foreign Affairs and Regional Integration, Ghana", "Deputy Minister at forum",
			"The Ministry welcomed the participation of Deputy Minister Ama Owusu in the 5th Africa Trade Forum, held on 6 March in Nairobi.",
			Visits{}, []string{"visit occurred KEN by Ama Owusu 2024-03-06"}},
		{"an official known by office and country visits, dated by the meeting at home (Peru)", "Ministry of Foreign Affairs of Peru", "Joint Statement on the Official Visit to Peru by the Minister of Foreign Affairs of Ecuador",
			"The Ministers of Foreign Affairs of Peru and Ecuador held a meeting in Lima today on border trade.",
			Visits{}, []string{"visit occurred PER by  2024-03-12"}},
		{"the ministers of two countries meeting at home: an unnamed counterpart (Kenya)", "Ministry of Foreign and Diaspora Affairs, Republic of Kenya", "Kenya and Uganda hold talks",
			"The Foreign Ministers of Kenya and Uganda held talks in Nairobi on 5 March.\n\nIt was also confirmed that President Yoweri Tumusiime will visit Kenya in June.",
			Meetings{}, []string{"meeting occurred with UGA 2024-03-05"}},
		{"two travellers to one country are two visits (Chile)", "Ministry of Foreign Affairs of Chile", "Colombian minister in Santiago",
			"Foreign Minister Luisa Gomez of Colombia visited Chile on 5 March. It was confirmed that President Ivan Rios of Colombia will visit Chile on 21 June.",
			Visits{}, []string{"visit occurred CHL by Luisa Gomez 2024-03-05", "visit planned CHL by Ivan Rios 2024-06-21"}},
		{"a travel advisory has no traveller", sau, "Advisory on travel to Brazil",
			"Citizens are advised to postpone non-essential travel to Brazil, Colombia and Venezuela until further notice.",
			Visits{}, nil},
		{"named counterpart", kor, "Foreign Minister meets Czech counterpart",
			"Foreign Minister Kim Soo-jin had a bilateral meeting with Czech Deputy Minister of the Interior Jaroslave Strouhal in Prague on March 6.",
			Meetings{}, []string{"meeting occurred with CZE [Jaroslave Strouhal] 2024-03-06"}},
		{"unnamed counterparts of named countries", kor, "Minister holds bilateral talks",
			"Minister Chin Young held three bilateral meetings with his counterparts of Vietnam, Laos and Cambodia on March 5.",
			Meetings{}, []string{"meeting occurred with KHM 2024-03-05", "meeting occurred with LAO 2024-03-05", "meeting occurred with VNM 2024-03-05"}},
		{"a counterpart introduced by an adjective", kor, "Minister hosts Kenyan counterpart",
			"Foreign Minister Kim Soo-jin hosted her Kenyan counterpart, the Cabinet Secretary for Foreign Affairs, Ambassador Amina Wanjiru, in Seoul on March 6.",
			Meetings{}, []string{"meeting occurred with KEN [Amina Wanjiru] 2024-03-06"}},
		{"political consultations", kor, "Korea and Georgia hold consultations",
			"Vice Minister Shim Bo-kyun and First Deputy Minister of Foreign Affairs of Georgia Nino Gelashvili held political consultations on March 6.",
			Meetings{}, []string{"meeting occurred with GEO [Nino Gelashvili] 2024-03-06"}},
		{"officials of one government are not a meeting", kor, "Minister briefs cabinet",
			"Minister Chin Young met with Vice Minister Shim Bo-kyun of the Interior and Safety to review the plan.",
			Meetings{}, nil},
		{"signed and agreed to sign", kor, "Korea and Romania sign MOU",
			"Vice Minister Shim Bo-kyun met with Maria-Manuela Catrina, State Secretary at the Romanian Ministry of Communications, and signed a Memorandum of Understanding on e-government. Both sides agreed to sign an agreement on visa exemption with Senegal at an early date.",
			Agreements{}, []string{"agreement occurred with ROU [Maria-Manuela Catrina] 2024-03-12", "agreement planned with SEN"}},
		{"past agreement cited with its own date", kor, "Korea and Greece review cooperation on e-government",
			"In October 2017, a Memorandum of Understanding for cooperation on e-government was signed between Korea and Greece.",
			Agreements{}, []string{"agreement occurred with GRC 2017-10-01/2017-10-31"}},
		{"agreement word without signing", gbr, "Ministers discuss trade",
			"The ministers exchanged views on the implementation of the Paris Agreement and regional security.",
			Agreements{}, nil},
		{"named gathering with place and dates", kor, "Roundtable held in Busan",
			"The Ministry of the Interior and Safety held the 2019 ASEAN-ROK Ministerial Roundtable on Public Service Innovation from 10:00 a.m. to 5:00 p.m. on November 26 in BEXCO Exhibition Hall 2, Busan.",
			Gatherings{}, []string{`gathering occurred "2019 ASEAN-ROK Ministerial Roundtable on Public Service Innovation" in KOR 2019-11-26`}},
		{"an ordinal session of a named body", kor, "Foreign Minister attends the UN General Assembly",
			"Foreign Minister Kim Soo-jin attended the high-level week of the 78th session of the United Nations General Assembly in New York on September 19-22.",
			Gatherings{}, []string{`gathering occurred "78th session of the United Nations General Assembly" in USA 2023-09-19/2023-09-22`}},
		{"a forum that is a platform, a theme, a venue", kor, "Korea shares practices",
			"The Vice Minister introduced platforms such as \"Open Communication Forum\" that bring policy changes, under the theme \"Agile and Active Digital Governance\", at the BEXCO Exhibition Hall.",
			Gatherings{}, nil},
		{"rankings with ordinals, years and respectively", est, "Estonia among leaders",
			"In the United Nations E-Government Survey 2020, Estonia ranked 3rd in the E-Government Development Index. Denmark and the Republic of Korea took first and second place respectively.",
			Rankings{}, []string{`ranking occurred EST #3 "E-Government Development Index" 2020`, `ranking occurred DNK #1 "E-Government Development Index" 2020`, `ranking occurred KOR #2 "E-Government Development Index" 2020`}},
		{"a ranking table and standings without a verb", est, "Estonia rises to 3rd in 2023 Digital Readiness Index",
			"The Nordic countries performed strongly, with Sweden 4th and Finland 8th. Estonia ranked 10th in Infrastructure.\n\nDigital Readiness Index, selected economies\n\nEconomy\t2023\t2022\nEstonia\t3\t5\nDenmark\t1\t1",
			Rankings{}, []string{`ranking occurred EST #3 "Digital Readiness Index" 2023`, `ranking occurred EST #5 "Digital Readiness Index" 2022`,
				`ranking occurred DNK #1 "Digital Readiness Index" 2023`, `ranking occurred DNK #1 "Digital Readiness Index" 2022`,
				`ranking occurred SWE #4 "2023 Digital Readiness Index" 2023`, `ranking occurred FIN #8 "2023 Digital Readiness Index" 2023`}},
		{"editions and vague standings are not rankings", kor, "Summit news",
			"Korea hosted the 5th Summit on the 140th anniversary of relations and remains one of the top leaders in digital government.",
			Rankings{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkEvents(t, tt.x, tt.pub, tt.headline, tt.body, tt.want) })
	}
}

// checkEvents runs an event extractor over a test release (see dated), as
// the stack does, and compares its records, as brief renders them, with
// want.
func checkEvents(t *testing.T, x EventExtractor, pub, headline, body string, want []string) {
	t.Helper()
	d := analyze(fmt.Sprintf(dated, pub, headline, body))
	var got []string
	for _, e := range (Stack{Events: []EventExtractor{x}}).events(d, BuildFrame(d)) {
		got = append(got, brief(e))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
}

func TestAnyWordIn(t *testing.T) {
	set := map[string]bool{"forum": true, "round-table": true}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"The FORUM was held.", true}, {"the Round-Table met", true}, {"forums and fora", false},
		{"platform", false}, {"", false}, {"Fórum", false},
	} {
		if got := anyWordIn(tt.text, set, shapeOf(set)); got != tt.want {
			t.Errorf("anyWordIn(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestDirection(t *testing.T) {
	const nzl = "Ministry of Foreign Affairs and Trade, New Zealand"
	tests := []struct {
		name, pub, headline, body string
		x                         EventExtractor
		want                      []Direction
	}{
		{"the publisher's minister abroad", nzl, "Minister to visit Fiji",
			"Foreign Minister Aroha Tane travelled to Fiji on March 4 for talks on climate finance.",
			Visits{}, []Direction{Outgoing}},
		{"a foreign minister received at home", ken, "Cabinet Secretary receives Ugandan counterpart",
			"Cabinet Secretary Wanjiku Njoroge welcomed Ugandan Foreign Minister Okello Mugisha to Nairobi on March 6.",
			Visits{}, []Direction{Incoming}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := analyze(fmt.Sprintf(dated, tt.pub, tt.headline, tt.body))
			var got []Direction
			for _, e := range tt.x.Events(d, BuildFrame(d)) {
				got = append(got, e.Direction)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("directions (-want +got):\n%s", diff)
			}
		})
	}
}

// TestMergeVisitsUndated: visits to one country by travellers each named,
// without dates, are visits of their own, and the same traveller told
// again is one of them (this panicked on a third undated traveller).
func TestMergeVisitsUndated(t *testing.T) {
	v := func(name string) visit {
		return visit{Event: Event{Type: Visit, Country: "NOR", Actor: Person{Name: name}}, explicit: true}
	}
	got := mergeVisits([]visit{v("Ann Lee"), v("Bo Kim"), v("Cy Park"), v("Bo Kim")})
	var names []string
	for _, e := range got {
		names = append(names, e.Actor.Name)
	}
	if want := []string{"Ann Lee", "Bo Kim", "Cy Park"}; !cmp.Equal(names, want) {
		t.Errorf("mergeVisits travellers = %q, want %q", names, want)
	}
}

// hasDay is a filter in front of tripDaysRe: a sentence it turns away has
// no match, and one with "day" only inside a word is turned away.
func TestHasDay(t *testing.T) {
	for _, s := range []string{
		"a two-day official visit", "A THREE-DAY STATE VISIT", "his 4 Days' Visit to Peru",
		"the Minister's Visit to Peru", "Monday", "today", "", "da", "ＤＡＹ", " day",
	} {
		want := tripDaysRe.MatchString(s) || strings.Contains(strings.ToLower(s), " day") || strings.Contains(strings.ToLower(s), "-day")
		if hasDay(s) != want {
			t.Errorf("hasDay(%q) = %v, want %v", s, hasDay(s), want)
		}
	}
}

// firstFields is the start of strings.Fields(s), on texts of words,
// spaces, spaces beyond ASCII and bytes that are not UTF-8.
func TestFirstFields(t *testing.T) {
	check := func(s string) {
		t.Helper()
		want := strings.Fields(s)
		got, n := firstFields(s)
		if n != min(len(want), 3) {
			t.Fatalf("firstFields(%q): %d fields, want %d", s, n, min(len(want), 3))
		}
		for i := 0; i < min(n, 2); i++ {
			if got[i] != want[i] {
				t.Fatalf("firstFields(%q)[%d] = %q, want %q", s, i, got[i], want[i])
			}
		}
	}
	for _, s := range []string{"", "  ", "The Ministers of Chile", "BOTH\u00a0Presidents  held", "one", "Ωmega  ÇA", "a b"} {
		check(s)
	}
	pieces := []string{"The", "both", "a", "Ω", " ", "  ", "\t", "\n", "\u00a0", "\u2028", "\u3000", "\u0085", "\xff", "\xe2\x80", ",", "ministers"}
	rng := rand.New(rand.NewPCG(17, 18))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(8) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		check(b.String())
	}
}

// tailWords is a suffix of the gap's lower-cased words long enough for
// leadsTo: the whole list, or three or more words that keep two or more
// once trailing fillers are dropped.
func TestTailWords(t *testing.T) {
	words := []string{"visit", "to", "the", "İSTANBUL", "Minister", "also", "then", "on", "in", "and", "of", "Ж", "trip,", "—", "  ", "\u00a0", "for",
		"\xff", "A\xc3", "ǅ", "\u0085"}
	for n := range 3000 {
		var b strings.Builder
		for k := range n % 80 {
			b.WriteString(words[(n*7+k*k)%len(words)])
			b.WriteString([]string{" ", "  ", "\t", " \n"}[(n+k)%4])
		}
		gap := b.String()
		full := strings.Fields(strings.ToLower(gap))
		got := tailWords(nil, gap)
		if got2 := tailWords(make([]string, 0, 3), gap); !slices.Equal(got, got2) {
			t.Fatalf("tailWords(%q) = %q in a buffer, %q without", gap, got2, got)
		}
		if len(got) > len(full) || !slices.Equal(got, full[len(full)-len(got):]) {
			t.Fatalf("tailWords(%q) = %q, not a suffix of %q", gap, got, full)
		}
		if len(got) < len(full) {
			n := len(got)
			for n > 0 && fillerWords[strings.Trim(got[n-1], ",")] {
				n--
			}
			if len(got) < 3 || n < 2 {
				t.Fatalf("tailWords(%q) = %q: too short a tail", gap, got)
			}
		}
	}
}

// sentenceTexts returns the sentences of generated documents and random
// texts of the words and bytes the filters below look for.
func sentenceTexts(t *testing.T) []string {
	_, docs := areaDocs(t, 30)
	var out []string
	for _, d := range docs {
		for _, sp := range d.Sentences {
			out = append(out, d.Text[sp.Start:sp.End])
		}
	}
	rng := rand.New(rand.NewPCG(13, 14))
	words := []string{"three", "3", "-", " ", "day", "Day", "DAYS", "days'", "visit", "trip", "official ", "today", "Monday",
		"Rome", "St. John's", "Port-au-Prince", "São", ",", ", ", "\t", " with ", "WITH", "İ", "K", "ſ", "week", "Week", "x",
		" three-day visit", "Respectively", "beTWEEN", "a 2 DAYS' official trip", "-day stay", "ten days tour"}
	for range 20000 {
		var sb strings.Builder
		for range rng.IntN(10) {
			sb.WriteString(words[rng.IntN(len(words))])
		}
		out = append(out, sb.String())
	}
	return out
}

// TestEventFilters checks each filter against what it stands in for:
// hasDay is true wherever tripDaysRe matches, mayEndInCity wherever
// unknownCityRe would change a gap ending in a comma, and containsLower,
// equalLower and hasSuffixLower agree with strings.ToLower.
func TestEventFilters(t *testing.T) {
	n := 0
	for _, s := range sentenceTexts(t) {
		if tripDaysRe.MatchString(s) {
			n++
			if !hasDay(s) {
				t.Errorf("hasDay(%q) is false; tripDaysRe matches", s)
			}
		}
		if strings.HasSuffix(strings.TrimRight(s, "\t\n\f\r "), ",") && unknownCityRe.ReplaceAllString(s, " ") != s && !mayEndInCity(s) {
			t.Errorf("mayEndInCity(%q) is false; unknownCityRe matches", s)
		}
		low := strings.ToLower(s)
		for _, sub := range []string{" with ", "with", ", ", "", "respectively", "between"} {
			if got, want := containsLower(s, sub), strings.Contains(low, sub); got != want {
				t.Errorf("containsLower(%q, %q) = %v, want %v", s, sub, got, want)
			}
		}
		for _, w := range []string{"today", "yesterday", "week", "k", ""} {
			if got, want := equalLower(s, w), low == w; got != want {
				t.Errorf("equalLower(%q, %q) = %v, want %v", s, w, got, want)
			}
			if got, want := hasSuffixLower(s, w), strings.HasSuffix(low, w); got != want {
				t.Errorf("hasSuffixLower(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
	if n == 0 {
		t.Error("tripDaysRe matches no text")
	}
}

// TestLastWord checks lastWord against the last of strings.Fields.
func TestLastWord(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	parts := []string{"a", "Bc", " ", "\t", "\n", "\u00a0", "\u0085", "\u2003", "\xff", "é", "\v", "x\xc3"}
	for range 20000 {
		var sb strings.Builder
		for range rng.IntN(8) {
			sb.WriteString(parts[rng.IntN(len(parts))])
		}
		s := sb.String()
		want := ""
		if f := strings.Fields(s); len(f) > 0 {
			want = f[len(f)-1]
		}
		if got := lastWord(s); got != want {
			t.Fatalf("lastWord(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestAppendLowerFields checks appendLowerFields, which lower-cases its
// text whole, against appendLowerFieldsRef, which lower-cased each word,
// on the corpus texts' sentences and on random strings of letters, spaces
// of both kinds, and bytes that are not UTF-8.
func TestAppendLowerFields(t *testing.T) {
	_, docs := areaDocs(t, 30)
	var texts []string
	for _, d := range docs {
		for _, sp := range d.Sentences {
			texts = append(texts, d.Text[sp.Start:sp.End])
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	alphabet := []string{"a", "B", "İ", "Σ", "ẞ", " ", "\u00a0", "\u0085", "\u2003", "\n", "\xff", "\xe2\x80", ",", "K"}
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := appendLowerFields(nil, s), appendLowerFieldsRef(nil, s); !slices.Equal(got, want) {
			t.Fatalf("%q: appendLowerFields %q, want %q", s, got, want)
		}
	}
}

// appendLowerFieldsRef is appendLowerFields as it was.
func appendLowerFieldsRef(dst []string, s string) []string {
	for w := range strings.FieldsSeq(s) {
		dst = append(dst, strings.ToLower(w))
	}
	return dst
}

// onlyJoinsRef is onlyJoins as it was: the gap's punctuation replaced,
// the whole lower-cased and split.
func (c *Frame) onlyJoinsRef(gap string, at int) bool {
	s := c.blankDates(gap, at)
	for {
		i := strings.IndexByte(s, '(')
		j := strings.IndexByte(s, ')')
		if i < 0 || j < i {
			break
		}
		s = s[:i] + " " + s[j+1:]
	}
	dated := s != gap
	s = strings.NewReplacer(",", " ", ")", " ", "(", " ", ";", " ", ":", " ").Replace(s)
	ws := strings.Fields(strings.ToLower(s))
	for k, w := range ws {
		if !listWords[w] && !fillerWords[w] {
			if dated && (w == "in" || w == "to") && k == len(ws)-1 {
				continue
			}
			return false
		}
	}
	return true
}

// TestOnlyJoins checks onlyJoins, which reads the gap's words in place,
// against onlyJoinsRef on the gaps between the mentions of generated
// documents and on random gaps of list words, dates, marks and spaces.
func TestOnlyJoins(t *testing.T) {
	_, docs := areaDocs(t, 30)
	rng := rand.New(rand.NewPCG(19, 20))
	pieces := []string{"and", "And", "AND", "the", "The", "in", "In", "to", "To", "respectively", "as well as", "from", "on",
		"Kenya", ",", ";", ":", "(", ")", " ", "  ", "\u00a0", "\u2028", "\t", "\xff", "é", "İN", "and\u00a0in", "1 June"}
	yes := 0
	for _, d := range docs {
		d.Mentions = slices.Clone(d.Mentions)
		c := BuildFrame(&d)
		check := func(gap string, at int) {
			got, want := c.onlyJoins(gap, at), c.onlyJoinsRef(gap, at)
			if got != want {
				t.Fatalf("%s: onlyJoins(%q, %d) = %v, want %v", d.ID, gap, at, got, want)
			}
			if got {
				yes++
			}
		}
		for i := 1; i < len(d.Mentions); i++ {
			if a, b := d.Mentions[i-1].Span.End, d.Mentions[i].Span.Start; a <= b {
				check(d.Text[a:b], a)
			}
		}
		for _, m := range d.Mentions {
			if m.Kind == KindDate {
				// a gap that holds the date, with words around it
				a, b := max(0, m.Span.Start-rng.IntN(12)), min(len(d.Text), m.Span.End+rng.IntN(12))
				check(d.Text[a:b], a)
			}
		}
		for range 300 {
			var b strings.Builder
			for range rng.IntN(7) {
				b.WriteString(pieces[rng.IntN(len(pieces))])
				if rng.IntN(2) == 0 {
					b.WriteByte(' ')
				}
			}
			check(b.String(), rng.IntN(len(d.Text)))
		}
	}
	if yes == 0 {
		t.Fatal("no gap only joins")
	}
}

// TestAppendFields checks appendFields against strings.Fields on texts of
// words, spaces, spaces beyond ASCII and bytes that are not UTF-8.
func TestAppendFields(t *testing.T) {
	pieces := []string{"The", "to", "a", "Ω", " ", "  ", "\t", "\n", "\u00a0", "\u2028", "\u3000", "\u0085", "\xff", "\xe2\x80", ",", "(INB)"}
	rng := rand.New(rand.NewPCG(21, 22))
	for range 50000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := appendFields([]string{"x"}, s, -1), append([]string{"x"}, strings.Fields(s)...); !slices.Equal(got, want) {
			t.Fatalf("appendFields(%q) = %q, want %q", s, got, want)
		}
	}
}
