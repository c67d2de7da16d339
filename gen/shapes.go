package gen

import (
	"strconv"
	"strings"
)

// The shapes of release the corpus has. Each sets the slots its title
// needs, writes the header, then the body, growing it with background
// paragraphs to d.target before the closing quote.

// stop is one country of a trip.
type stop struct {
	c      int
	city   string
	a, z   day
	people []person
	mou    int // 0 none, 1 signed, 2 agreed to sign
	forum  string
	rank   bool
	mayor  bool
}

// visit is an outgoing trip to n countries, with meetings, MOUs, forums
// and rankings along the way.
func (d *doc) visit(n int, long bool) {
	d.shape = "visit"
	cs := d.pickCountries(n)
	a := d.startDay()
	stops := make([]stop, n)
	for i, c := range cs {
		z := a.add(oneOf(d, []int{0, 1, 1, 2, 2, 3}))
		st := stop{c: c, a: a, z: z, city: d.one(d.t.countries[c].cities)}
		np := d.r.between(1, 3)
		if long {
			np = 3
		}
		// One official of each tier at most: a country has one foreign
		// minister.
		tiers := [][]string{{"minister"}, {"vice_minister", "minister_of_state", "director"},
			{"head_of_government", "head_of_state", "minister_of_state"}}
		first := 0
		if d.r.pct(25) {
			first = d.r.intn(3)
		}
		for k := 0; k < np; k++ {
			st.people = append(st.people, d.foreigner(c, tiers[(first+k)%3]...))
		}
		if d.r.pct(35) {
			st.mou = 1 + d.r.intn(2)
		}
		if d.r.pct(22) || long && d.r.pct(30) {
			d.setCountry(c)
			st.forum = d.domStr(dlForum)
		}
		st.rank = d.r.pct(25)
		st.mayor = d.r.pct(18)
		stops[i] = st
		a = z.add(d.r.intn(2))
	}
	first, last := stops[0].a, stops[n-1].z
	pub := last.add(d.r.intn(5))

	d.v[sNCountries] = numberWord(n)
	d.v[sCountries] = d.countryList(cs)
	d.setCountry(cs[0])
	d.setCp(stops[0].people[0])
	d.setDates(first, last)
	nsub := 0
	if d.r.pct(45) {
		nsub = d.r.between(1, 3)
	}
	d.header(lTitleVisit, lSubVisit, nsub, pub)

	if d.r.pct(60) && n >= 2 || long && d.r.pct(70) {
		d.visitTable(stops)
	}
	d.v[sCountries] = d.countryList(cs)
	d.setDates(first, last)
	if d.r.pct(50) {
		d.p(lVisitIntro, lVisitPurpose)
	} else {
		d.p(lVisitIntro)
		d.p(lVisitPurpose)
	}
	if d.r.pct(50) || long {
		d.p(lVisitContext)
	}
	tail := 700
	for i := range stops {
		st := &stops[i]
		d.setCountry(st.c)
		d.setCity(st.city)
		d.setDates(st.a, st.z)
		d.v[sSession] = strconv.Itoa(i + 1)
		switch {
		case i == 0:
			d.v[sStopOrd] = "first"
		case i == n-1:
			d.v[sStopOrd] = "last"
		default:
			d.v[sStopOrd] = "next"
		}
		if n > 1 && d.r.pct(55) || long {
			d.sent(lHeaderStyle)
			d.b = append(d.b, d.sep...)
		}
		d.setCp(st.people[0])
		if long || d.r.pct(50) {
			d.p(lArrive, lArrive2)
		} else {
			d.p(lArrive)
		}
		if st.forum != "" {
			d.setForum(st.forum)
			d.p(lForumAttend, lForumDetail)
		}
		for k, p := range st.people {
			d.setCp(p)
			if k+1 < len(st.people) {
				d.setCp2(st.people[k+1])
			}
			if long || d.r.pct(50) {
				d.p(lMeetOut, lMeetBody, lMeetOutcome)
			} else {
				d.p(lMeetOut, lMeetBody)
			}
		}
		d.setCp(st.people[0])
		switch st.mou {
		case 1:
			d.p(lMOUSigned)
		case 2:
			d.p(lMOUAgreed)
		}
		if st.rank {
			d.setRank()
			if d.r.pct(50) {
				d.bullets(lRankBullet)
			} else {
				d.p(lRankStop)
			}
		}
		if st.mayor {
			d.setCp(d.foreigner(st.c, "mayor"))
			d.p(lSiteVisit, lSiteVisit2)
		}
		if long {
			// Country background may repeat its sentence shapes from one
			// country to the next, as country profiles do.
			d.reset(lBgCountry)
			d.fill(d.body+(d.target-tail-d.body)*(i+1)/n, lBgCountry)
		}
	}
	d.fill(d.target-tail, lBgGeneric)
	d.p(lQuoteVisit)
	if d.r.pct(60) {
		d.p(lClose)
	}
}

// meetRanks are the offices met on a trip abroad; homeRanks those met at
// home, where foreign ambassadors call.
var (
	meetRanks = []string{"minister", "vice_minister", "minister_of_state",
		"head_of_government", "head_of_state", "secretary_general", "director"}
	homeRanks = []string{"minister", "vice_minister", "minister_of_state", "ambassador", "director", "secretary_general"}
)

// visitTable writes the itinerary as a tab-separated table.
func (d *doc) visitTable(stops []stop) {
	style := d.r.intn(4)
	switch style {
	case 0:
		d.b = append(d.b, "Countries Visited\tKey Achievements\n"...)
	case 1:
		d.b = append(d.b, "Country\tDates\tMain Activities\n"...)
	case 2:
		d.b = append(d.b, "Date\tCity\tProgramme\n"...)
	default:
		d.b = append(d.b, "Country\tPeriod\tKey Counterparts\n"...)
	}
	for i := range stops {
		st := &stops[i]
		d.setCountry(st.c)
		d.setCity(st.city)
		d.setCp(st.people[0])
		d.setForum(st.forum)
		name := capFirst(d.v[sCpCountry])
		dates := d.rangeStr(st.a, st.z, false)
		switch style {
		case 0:
			d.b = append(d.b, name...)
			d.b = append(d.b, " ("...)
			d.b = append(d.b, dates...)
			d.b = append(d.b, ")\t "...)
			d.achievements(st)
		case 1:
			d.b = append(d.b, name...)
			d.b = append(d.b, '\t')
			d.b = append(d.b, dates...)
			d.b = append(d.b, '\t')
			d.achievements(st)
		case 2:
			d.b = append(d.b, dates...)
			d.b = append(d.b, '\t')
			d.b = append(d.b, capFirst(d.v[sCpPlace])...)
			d.b = append(d.b, '\t')
			d.achievements(st)
		default:
			d.b = append(d.b, name...)
			d.b = append(d.b, '\t')
			d.b = append(d.b, dates...)
			d.b = append(d.b, '\t')
			for k, p := range st.people {
				if k > 0 {
					d.b = append(d.b, "; "...)
				}
				d.b = append(d.b, p.title...)
				d.b = append(d.b, ' ')
				d.b = append(d.b, p.name...)
			}
		}
		d.b = append(d.b, '\n')
	}
	d.b = append(d.b, '\n')
	clear(d.named)
}

// achievements writes a table cell of run-together phrases, as tables
// copied out of PDFs read.
func (d *doc) achievements(st *stop) {
	join := d.one([]string{" ", " ", "; ", ". "})
	d.sent(lAchMeet)
	if st.forum != "" {
		d.b = append(d.b, join...)
		d.sent(lAchForum)
	}
	switch st.mou {
	case 1:
		d.b = append(d.b, join...)
		d.sent(lAchMOUSigned)
	case 2:
		d.b = append(d.b, join...)
		d.sent(lAchMOUAgreed)
	}
	if st.rank {
		d.setRank()
		d.b = append(d.b, join...)
		d.sent(lAchRank)
	}
	if st.mayor {
		d.b = append(d.b, join...)
		d.sent(lAchSite)
	}
	if d.r.pct(40) {
		d.b = append(d.b, join...)
		d.sent(lAchGeneric)
	}
}

// setRank sets {index}, {index_year} and {ord} for a ranking.
func (d *doc) setRank() {
	d.v[sIndex] = d.domStr(dlIndex)
	y, _ := strconv.Atoi(d.v[sYear])
	d.v[sIndexYear] = strconv.Itoa(y - d.r.intn(2))
	d.v[sOrd] = ordinal(d.rankPos())
	d.v[sOrd2] = ordinal(d.rankPos())
}

// rankPos is a position in an index, mostly near the top.
func (d *doc) rankPos() int {
	switch x := d.r.intn(10); {
	case x < 5:
		return d.r.between(1, 10)
	case x < 8:
		return d.r.between(11, 40)
	default:
		return d.r.between(41, 150)
	}
}

// visitPlanned announces a trip.
func (d *doc) visitPlanned() {
	d.shape = "visitPlanned"
	n := d.r.between(1, 3)
	cs := d.pickCountries(n)
	a := d.startDay()
	z := a.add(d.r.between(n, 2*n+2))
	pub := a.add(-d.r.between(1, 20))
	d.v[sCountries] = d.countryList(cs)
	d.v[sNCountries] = numberWord(n)
	d.setCountry(cs[0])
	d.setCp(d.foreigner(cs[0], meetRanks...))
	d.setDates(a, z)
	d.header(lTitleVisitPlanned, lSubVisit, 0, pub)
	d.v[sCountries] = d.countryList(cs)
	d.p(lVisitPlannedIntro)
	d.p(lVisitPurpose)
	for _, c := range cs {
		d.setCountry(c)
		d.setCp(d.foreigner(c, meetRanks...))
		d.setCp2(d.foreigner(c, meetRanks...))
		if d.r.pct(40) {
			d.p(lVisitPlannedMeet, lVisitPlannedMore)
		} else {
			d.p(lVisitPlannedMeet)
		}
	}
	if d.r.pct(50) {
		d.setForum(d.domStr(dlForum))
		d.p(lVisitPlannedForum)
	}
	d.fill(d.target-600, lBgGeneric)
	d.p(lQuotePlanned)
}

// incoming is a foreign official's visit to the publisher's country.
func (d *doc) incoming() {
	d.shape = "incoming"
	c := d.pickCountries(1)[0]
	d.setCountry(c)
	vis := d.foreigner(c, "minister", "head_of_government", "head_of_state", "vice_minister", "minister_of_state", "secretary_general")
	a := d.startDay()
	z := a.add(d.r.intn(5))
	pub := z.add(d.r.intn(3))
	d.setCp(vis)
	d.setDates(a, z)
	d.header(lTitleIncoming, lSubVisit, 0, pub)
	d.setCountry(c)
	d.p(lIncomingIntro, lIncomingProgram)
	if d.r.pct(50) {
		d.p(lIncomingMeet, lMeetBody, lMeetOutcome)
	} else {
		d.p(lIncomingMeet, lMeetBody)
		d.p(lMeetOutcome)
	}
	if d.r.pct(45) {
		if d.r.pct(60) {
			d.p(lMOUSigned)
		} else {
			d.p(lMOUAgreed)
		}
	}
	if d.r.pct(30) {
		d.scheduleTable(a, z)
	}
	// Further calls on the publisher's officials, as room allows.
	h := &d.t.cultures[d.t.countries[d.home].culture]
	for k := 0; k < 3 && (k == 0 && d.r.pct(45) || len(d.b) < d.target-2000); k++ {
		on, _, _ := d.newName(h)
		d.v[sOfficial] = d.str(lPubOfficial) + " " + on
		d.p(lIncomingOfficial)
	}
	if d.r.pct(40) || len(d.b) < d.target-1500 {
		d.p(lIncomingSite)
	}
	if len(d.b) < d.target-1500 {
		d.p(lMOUPast)
	}
	if d.r.pct(25) {
		d.setRank()
		d.p(lRankStop)
	}
	d.fill(d.target-600, lBgCountry)
	if d.r.pct(50) {
		d.p(lQuoteVisit)
	} else {
		d.p(lQuoteCp)
	}
	if d.r.pct(40) {
		d.p(lClose)
	}
}

// scheduleTable writes a day-by-day programme.
func (d *doc) scheduleTable(a, z day) {
	style := d.r.intn(3)
	d.b = append(d.b, [...]string{"Date\tProgramme\n", "Day\tSchedule\n", "Date\tTime\tProgramme\n"}[style]...)
	timed := style == 2
	for x := a; ; x = x.add(1) {
		d.b = appendDay(d.b, x, d.us, false)
		d.b = append(d.b, '\t')
		if timed {
			d.b = appendInt(d.b, d.r.between(9, 17))
			d.b = append(d.b, ":00\t"...)
		}
		d.sent(lAchIncoming)
		d.b = append(d.b, '\n')
		if x == z {
			break
		}
	}
	d.b = append(d.b, '\n')
}

// meeting is a courtesy call or bilateral meeting at home.
func (d *doc) meeting() {
	d.shape = "meeting"
	c := d.pickCountries(1)[0]
	d.setCountry(c)
	var cp person
	if d.r.pct(40) {
		cp = d.foreigner(c, "ambassador")
	} else {
		cp = d.foreigner(c, homeRanks...)
	}
	a := d.startDay()
	pub := a.add(d.r.intn(3))
	d.setCp(cp)
	d.setDates(a, a)
	d.header(lTitleMeeting, lSubVisit, 0, pub)
	d.setCountry(c)
	d.p(lMeetingIntro, lMeetBody)
	d.p(lMeetBody, lMeetOutcome)
	for k := 0; k < 2 && len(d.b) < d.target-1500; k++ {
		d.v[sTopic2] = d.domStr(dlTopic)
		d.p(lMeetBody, lMeetBody)
	}
	if d.r.pct(35) || len(d.b) < d.target-1500 {
		d.p(lMOUAgreed)
	}
	if len(d.b) < d.target-1500 {
		d.p(lMOUPast)
	}
	if d.r.pct(30) {
		d.setRank()
		d.p(lRankStop)
	}
	d.fill(d.target-500, lBgCountry)
	if d.r.pct(60) {
		d.p(lQuoteVisit)
	} else {
		d.p(lQuoteCp)
	}
}

// mou is an agreement signed or agreed to be signed.
func (d *doc) mou() {
	d.shape = "mou"
	c := d.pickCountries(1)[0]
	d.setCountry(c)
	cp := d.foreigner(c, "minister", "minister", "vice_minister", "ambassador", "minister_of_state", "director")
	a := d.startDay()
	signed := d.r.pct(70)
	pub := a.add(d.r.intn(3))
	d.setCp(cp)
	d.setDates(a, a)
	if signed {
		d.header(lTitleMOU, lSubVisit, 0, pub)
		d.setCountry(c)
		d.p(lMOUIntro)
	} else {
		d.header(lTitleMOUPlanned, lSubVisit, 0, pub)
		d.setCountry(c)
		d.p(lMOUIntroPlanned)
	}
	d.p(lMOUAreasLead)
	for k := d.r.between(2, 5); k > 0; k-- {
		d.b = append(d.b, d.bullet...)
		d.b = append(d.b, d.domStr(dlArea)...)
		d.b = append(d.b, '\n')
	}
	if d.sep == "\n\n" {
		d.b = append(d.b, '\n')
	}
	d.p(lMeetBody)
	for k := 0; k < 2 && (k == 0 && d.r.pct(30) || len(d.b) < d.target-2000); k++ {
		d.v[sMOUTopic] = d.domStr(dlMOU)
		d.v[sAgency] = d.domStr(dlAgency)
		d.p(lMOUMore)
	}
	if d.r.pct(50) || len(d.b) < d.target-1500 {
		d.p(lMOUPast)
	}
	if d.r.pct(40) {
		d.setRank()
		d.p(lRankStop)
	}
	d.p(lMOUNext)
	d.fill(d.target-500, lBgCountry)
	d.p(lQuoteVisit)
}

// forum is a named gathering, hosted at home or attended abroad.
func (d *doc) forum(long bool) {
	d.shape = "forum"
	abroad := d.r.pct(40)
	np := d.r.between(2, 4)
	if long {
		np = d.r.between(6, 8)
	}
	cs := d.pickCountries(np)
	host := cs[0]
	d.setCountry(host)
	a := d.startDay()
	z := a.add(d.r.intn(4))
	planned := !abroad && d.r.pct(30)
	pub := z.add(d.r.intn(3))
	if planned {
		pub = a.add(-d.r.between(3, 30))
	}
	d.setForum(d.domStr(dlForum))
	if abroad {
		d.v[sVenue] = d.str(lVenueAbroad)
	}
	ps := make([]person, np)
	for i, c := range cs {
		if i == np-1 && d.r.pct(40) {
			// An international organization's head takes part.
			ps[i] = d.foreigner(c, "secretary_general")
		} else {
			ps[i] = d.foreigner(c, meetRanks...)
		}
	}
	d.setCp(ps[0])
	d.setDates(a, z)
	d.v[sCountries] = d.countryList(cs[1:])
	nsub := 0
	if d.r.pct(40) {
		nsub = d.r.between(1, 2)
	}
	if abroad {
		d.header(lTitleForumAbroad, lSubForum, nsub, pub)
		d.setCountry(host)
		d.p(lForumAbroadIntro, lForumDetail)
	} else {
		d.header(lTitleForum, lSubForum, nsub, pub)
		d.setCountry(host)
		if planned {
			d.p(lForumHostPlanned, lForumDetail)
		} else {
			d.p(lForumHost, lForumDetail)
		}
	}
	d.p(lForumTheme)
	nsess := d.r.between(2, 3)
	if long {
		nsess = np
	}
	for k := 0; k < nsess; k++ {
		d.v[sSession] = strconv.Itoa(k + 1)
		d.v[sArea] = d.domStr(dlArea)
		p := ps[k%len(ps)]
		d.setCountry(p.country)
		d.setCp(p)
		d.p(lForumSession)
	}
	d.setCountry(ps[0].country)
	d.setCp(ps[0])
	d.setCp2(ps[1%len(ps)])
	d.p(lForumParticipants)
	if !planned {
		d.v[sCountries] = d.countryList(cs)
		d.p(lForumSide)
		side := 1 + d.r.intn(3)
		if long {
			side = len(ps)
		}
		for k := 0; k < len(ps) && k < side; k++ {
			d.setCountry(ps[k].country)
			d.setCp(ps[k])
			if long {
				d.p(lMeetSide, lMeetBody, lMeetOutcome)
				d.reset(lBgCountry)
				d.p(lBgCountry)
			} else {
				d.p(lMeetSide, lMeetBody)
			}
		}
	}
	if !planned {
		if long || d.r.pct(40) {
			d.p(lForumExhibit)
		}
		if d.r.pct(35) || long {
			d.setRank()
			d.p(lRankStop)
		}
		if d.r.pct(40) || long {
			d.p(lMOUAgreed)
		}
	}
	d.fill(d.target-700, lBgGeneric)
	d.setCountry(cs[len(cs)-1])
	d.p(lForumNext)
	d.p(lQuoteVisit)
	if d.r.pct(50) {
		d.p(lClose)
	}
}

// ranking is a release about the publisher's place in an index.
func (d *doc) ranking() {
	d.shape = "ranking"
	d.setRank()
	a := d.startDay()
	pub := a
	top := d.pickCountries(3)
	d.setCountry(top[0])
	d.setCp(d.foreigner(top[0], meetRanks...))
	d.setDates(a, a)
	nsub := 0
	if d.r.pct(35) {
		nsub = 1
	}
	d.header(lTitleRank, lSubRank, nsub, pub)
	d.p(lRankIntro)
	main := [3]string{d.v[sIndex], d.v[sOrd], d.v[sIndexYear]}
	for k := d.r.between(2, 4); k > 0; k-- {
		d.setRank()
		d.v[sIndexYear] = main[2]
		d.b = append(d.b, d.bullet...)
		d.sent(lRankBullet)
		d.b = append(d.b, '\n')
	}
	if d.sep == "\n\n" {
		d.b = append(d.b, '\n')
	}
	d.v[sIndex], d.v[sOrd], d.v[sIndexYear] = main[0], main[1], main[2]
	// The top places other countries hold, skipping the publisher's own.
	own, _ := strconv.Atoi(strings.TrimRight(main[1], "stndrh"))
	var pos []int
	for p := 1; len(pos) < len(top); p++ {
		if p != own {
			pos = append(pos, p)
		}
	}
	var rl []byte
	for i, c := range top {
		if i > 0 {
			if i == len(top)-1 {
				rl = append(rl, " and "...)
			} else {
				rl = append(rl, ", "...)
			}
		}
		rl = append(rl, d.countryName(c)...)
		rl = append(rl, " ("...)
		rl = append(rl, ordinal(pos[i])...)
		rl = append(rl, ')')
	}
	d.v[sRankList] = string(rl)
	d.setCountry(top[0])
	d.p(lRankCompare)
	if d.r.pct(60) {
		d.p(lRankHistory)
	}
	for i, c := range top {
		if d.r.pct(50) {
			continue
		}
		d.setCountry(c)
		d.v[sOrd2] = ordinal(pos[i])
		d.p(lRankCountry)
	}
	d.p(lRankBg)
	d.fill(d.target-500, lBgGeneric)
	d.p(lQuoteRank)
}

// statement is a short release: a call, a courtesy visit, a readout.
func (d *doc) statement() {
	d.shape = "statement"
	c := d.pickCountries(1)[0]
	d.setCountry(c)
	d.setCp(d.foreigner(c, homeRanks...))
	a := d.startDay()
	d.setDates(a, a)
	d.header(lTitleStatement, lSubVisit, 0, a.add(d.r.intn(2)))
	d.setCountry(c)
	d.p(lStatementBody)
	more := []int{lMeetBody, lMeetOutcome, lMeetBody, lQuoteCp, lMOUAgreed}
	for _, l := range more {
		if len(d.b) >= d.target {
			break
		}
		d.p(l)
	}
}

func numberWord(n int) string {
	if n < len(smallNumbers) {
		return smallNumbers[n]
	}
	return strconv.Itoa(n)
}

func capFirst(s string) string {
	if s != "" && 'a' <= s[0] && s[0] <= 'z' {
		return string(s[0]-('a'-'A')) + s[1:]
	}
	return s
}
