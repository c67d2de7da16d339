package gen

// Slots are the per-document values a template can name: {pub_country},
// {cp}, {dates}, ... The composer sets them as it goes (the counterpart
// slots change from one country or official to the next); a template reads
// whatever is current.
const (
	sPubCountry    = iota // "Korea", "the United Kingdom"
	sPubFormal            // "the Republic of Korea"
	sPubDemonym           // "Korean"
	sPubCapital           // "Seoul"
	sPubCity              // a city of the publisher's country
	sPubShort             // "Korea", "UK", "UAE": the name as in "Korea-Italy Forum"
	sMinistry             // "Ministry of the Interior and Safety"
	sMinistryRef          // "the Ministry of the Interior and Safety (MOIS)"
	sMinistryShort        // "MOIS", or "the Ministry"
	sMinistryActor        // "the Ministry of the Interior and Safety (MOIS, Minister Lee Sang-min)"
	sAgency               // a publisher-side agency taking part
	sActor                // "Minister of the Interior and Safety Lee Sang-min"
	sActorName            // "Lee Sang-min"
	sActorTitle           // "Minister of the Interior and Safety"
	sActorShort           // "Minister Lee"
	sActorRef             // the actor's full title and name the first time in the body, then "Minister Lee"
	sActorRole            // "Minister"
	sHe                   // actor's pronoun: he, she
	sHis                  // his, her
	sLeader               // the publisher's head of state or government: "President Kim Min-su"
	sOfficial             // a second publisher official, full: "Ambassador Kim Min-ji"
	sCpCountry            // counterpart country: "Italy", "the United Arab Emirates (UAE)" on first use
	sCpFormal             // "the Italian Republic"
	sCpDemonym            // "Italian"
	sCpCity               // a city of the counterpart country
	sCpCapital            // its capital
	sCpShortName          // "Italy", "UAE"
	sCpPlace              // "Kutaisi, Georgia", or "Singapore" for a city-state
	sStopOrd              // "first", "next", "last": where the stop is in the trip
	sCpOrg                // "the Italian Ministry for Public Administration"
	sCp                   // counterpart official, full first mention
	sCpName               // "Paolo Zangrillo"
	sCpTitle              // "Minister for Public Administration"
	sCpShort              // "Minister Zangrillo"
	sCpRef                // {cp} the first time after setCp, then {cp_short}
	sCpHe                 // counterpart's pronoun
	sCpHis                //
	sCp2                  // a second counterpart official, full
	sCp2Short             //
	sDates                // current range: "March 3-5", "3-5 March"
	sFromTo               // "from March 3 to 5", "on 3 March"
	sDate                 // a single day: "March 8"
	sPubDate              // the publication day: "March 12"
	sEndDate              // the last day of the current range
	sYear                 // the story's year: "2024"
	sPrevYear             // "2023"
	sNextYear             // "2025"
	sMonth                // "March"
	sCountries            // "Saudi Arabia, the UAE and Italy"
	sNCountries           // "three"
	sForum                // "LEAP 2024"
	sForumShort           // "forum", "summit", "roundtable"
	sVenue                // "BEXCO Exhibition Hall 2, Busan"
	sIndex                // "E-Government Development Index"
	sIndexYear            // "2022"
	sOrd                  // "13th"
	sOrd2                 // another ordinal
	sRankList             // "Denmark (1st), Estonia (2nd) and Finland (3rd)"
	sMOU                  // "Memorandum of Understanding (MOU) on ..." title
	sMOUTopic             // "cooperation in e-government"
	sTopic                // main topic of the release
	sTopic2               // second topic
	sTheme                // forum theme
	sArea                 // an area of cooperation
	sPortfolio            // a ministry portfolio, for foreign officials' titles
	sN                    // a count: "150"
	sN2                   // a smaller count: "12"
	sNum4                 // four digits, for phone numbers
	sReads                // page views
	sSession              // session number
	sCount
)

var slotNames = [sCount]string{
	"pub_country", "pub_formal", "pub_demonym", "pub_capital", "pub_city", "pub_short",
	"ministry", "ministry_ref", "ministry_short", "ministry_actor", "agency",
	"actor", "actor_name", "actor_title", "actor_short", "actor_ref", "actor_role", "he", "his",
	"leader", "official",
	"cp_country", "cp_formal", "cp_demonym", "cp_city", "cp_capital", "cp_short_name", "cp_place", "stop_ord", "cp_org",
	"cp", "cp_name", "cp_title", "cp_short", "cp_ref", "cp_he", "cp_his", "cp2", "cp2_short",
	"dates", "from_to", "date", "pub_date", "end_date", "year", "prev_year", "next_year", "month",
	"countries", "n_countries",
	"forum", "forum_short", "venue",
	"index", "index_year", "ord", "ord2", "rank_list",
	"mou", "mou_topic", "topic", "topic2", "theme", "area", "portfolio",
	"n", "n2", "num4", "reads", "session",
}

var slotID = func() map[string]int {
	m := make(map[string]int, sCount)
	for i, n := range slotNames {
		m[n] = i
	}
	return m
}()

// Phrase lists the composer names. parseTables checks that each exists.
const (
	lTitleVisit = iota
	lTitleVisitPlanned
	lTitleIncoming
	lTitleMeeting
	lTitleMOU
	lTitleMOUPlanned
	lTitleForum
	lTitleForumAbroad
	lTitleRank
	lTitleStatement
	lSubVisit
	lSubForum
	lSubRank
	lVisitIntro
	lVisitPurpose
	lVisitContext
	lVisitPlannedIntro
	lVisitPlannedMeet
	lVisitPlannedMore
	lVisitPlannedForum
	lArrive
	lArrive2
	lMeetOut
	lMeetBody
	lMeetOutcome
	lMeetSide
	lMOUSigned
	lMOUAgreed
	lMOUPast
	lForumAttend
	lForumDetail
	lRankStop
	lRankBullet
	lSiteVisit
	lSiteVisit2
	lBgCountry
	lBgGeneric
	lBgSentence
	lQuoteVisit
	lQuoteBody
	lQuoteCp
	lQuoteRank
	lQuotePlanned
	lClose
	lIncomingIntro
	lIncomingProgram
	lIncomingMeet
	lIncomingOfficial
	lIncomingSite
	lMeetingIntro
	lMOUIntro
	lMOUIntroPlanned
	lMOUAreasLead
	lMOUNext
	lMOUMore
	lForumHost
	lForumHostPlanned
	lForumAbroadIntro
	lForumTheme
	lForumSession
	lForumParticipants
	lForumSide
	lForumNext
	lForumExhibit
	lRankIntro
	lRankCompare
	lRankBg
	lRankHistory
	lRankCountry
	lStatementBody
	lAchMeet
	lAchMOUSigned
	lAchMOUAgreed
	lAchForum
	lAchRank
	lAchSite
	lAchGeneric
	lAchIncoming
	lHeaderStyle
	lDelegation
	lVenue
	lVenueAbroad
	lPubOfficial
	lFooter
	nLists
)

var requiredLists = [nLists]string{
	"title.visit", "title.visit_planned", "title.incoming", "title.meeting", "title.mou", "title.mou_planned",
	"title.forum", "title.forum_abroad", "title.rank", "title.statement",
	"sub.visit", "sub.forum", "sub.rank",
	"visit.intro", "visit.purpose", "visit.context",
	"visit.planned_intro", "visit.planned_meet", "visit.planned_more", "visit.planned_forum",
	"arrive", "arrive2", "meet.out", "meet.body", "meet.outcome", "meet.side",
	"mou.signed", "mou.agreed", "mou.past",
	"forum.attend", "forum.detail", "rank.stop", "rank.bullet", "site.visit", "site.visit2",
	"bg.country", "bg.generic", "bgs.generic", "quote.visit", "quote.body", "quote.cp", "quote.rank", "quote.planned", "close",
	"incoming.intro", "incoming.program", "incoming.meet", "incoming.official", "incoming.site",
	"meeting.intro", "mou.intro", "mou.intro_planned", "mou.areas_lead", "mou.next", "mou.more",
	"forum.host", "forum.host_planned", "forum.abroad_intro", "forum.theme", "forum.session", "forum.participants",
	"forum.side", "forum.next", "forum.exhibit",
	"rank.intro", "rank.compare", "rank.bg", "rank.history", "rank.country", "statement.body",
	"ach.meet", "ach.mou_signed", "ach.mou_agreed", "ach.forum", "ach.rank", "ach.site", "ach.generic", "ach.incoming",
	"header.style", "delegation", "venue", "venue.abroad", "pub.official", "footer",
}
