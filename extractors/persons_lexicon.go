package extractors

import (
	"hash/maphash"
	"strings"

	"communique/gazetteer"
)

func lexSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// wordFlags are facts about a token's lower-case form: the lexicons it is
// in and its classes in the title tables (gazetteer.ClassOf). The parser
// asks many of them of one token; flagsOf looks them up once per token.
type wordFlags uint32

const (
	wfStop wordFlags = 1 << iota
	wfCalendar
	wfCommon
	wfOrgHead
	wfEvent
	wfParticle
	wfSuffix
	wfSpeechVerb
	wfMeetCue
	wfGapVerb
	wfVenue
	wfPortfolioHead
	wfNameLikeTitle
	wfIntl
	wfGivenName
	wfKnown // the flags of the token are looked up

	wfClassShift = 16 // gazetteer.WordClass bits from here
	wfClasses    = 0xff << wfClassShift
)

// The gazetteer.ClassOf bits of a token.
const (
	wfOfficeStart      = wordFlags(gazetteer.ClassOfficeStart) << wfClassShift
	wfHonorificStart   = wordFlags(gazetteer.ClassHonorificStart) << wfClassShift
	wfPostNominalStart = wordFlags(gazetteer.ClassPostNominalStart) << wfClassShift
	wfTitleModifier    = wordFlags(gazetteer.ClassTitleModifier) << wfClassShift
	wfPortfolio        = wordFlags(gazetteer.ClassPortfolio) << wfClassShift
)

// wordIndex holds the lexicon flags of every word in a lexicon and the
// classes of every word gazetteer.ListedClasses lists, complete (see
// classFlags): one lookup finds a token's flags.
var wordIndex = func() *wordTable {
	m := lexFlags()
	for w, c := range gazetteer.ListedClasses() {
		m[w] |= wordFlags(c) << wfClassShift
	}
	for w, fl := range m {
		m[w] = classFlags(w, fl)
	}
	return newWordTable(m)
}()

// wordTable is a read-only hash table from words to their flags, with
// open addressing, at most a third full: a word is found, or found
// missing, in one or two probes, for less than a map lookup costs.
type wordTable struct {
	slots []wordSlot // a power of two, at most a third full
}

type wordSlot struct {
	w string // "" for an empty slot
	f wordFlags
}

func newWordTable(m map[string]wordFlags) *wordTable {
	n := 1
	for n < 3*len(m) {
		n *= 2
	}
	t := &wordTable{slots: make([]wordSlot, n)}
	for w, f := range m {
		if w == "" {
			continue // no token is empty
		}
		i := wordHash(w) & uint64(n-1)
		for t.slots[i].w != "" {
			i = (i + 1) & uint64(n-1)
		}
		t.slots[i] = wordSlot{w, f}
	}
	return t
}

// lookup returns the flags of w and whether the table has it.
func (t *wordTable) lookup(w string) (wordFlags, bool) {
	mask := uint64(len(t.slots) - 1)
	for i := wordHash(w) & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.w == w {
			return s.f, w != ""
		}
		if s.w == "" {
			return 0, false
		}
	}
}

// wordHash hashes w for wordTable, with the runtime's string hash.
func wordHash(w string) uint64 { return maphash.String(wordSeed, w) }

// wordSeed is the seed of wordHash, set once per process.
var wordSeed = maphash.MakeSeed()

// classFlags returns fl, the wordIndex flags of w or 0, with the classes
// that gazetteer.ClassFrom gives w.
func classFlags(w string, fl wordFlags) wordFlags {
	c := gazetteer.ClassFrom(w, gazetteer.WordClass(fl>>wfClassShift))
	return fl&^wfClasses | wordFlags(c)<<wfClassShift
}

// lexFlags returns the lexicon flags of every word in a lexicon.
func lexFlags() map[string]wordFlags {
	m := map[string]wordFlags{}
	for _, l := range []struct {
		set  map[string]bool
		flag wordFlags
	}{
		{lexStop, wfStop}, {lexCalendar, wfCalendar}, {lexCommon, wfCommon}, {lexOrgHeads, wfOrgHead},
		{lexEvents, wfEvent}, {lexParticles, wfParticle}, {lexSuffixes, wfSuffix},
		{lexSpeechVerbs, wfSpeechVerb}, {lexMeetCues, wfMeetCue}, {lexGapVerbs, wfGapVerb},
		{lexVenues, wfVenue}, {lexPortfolioHeads, wfPortfolioHead}, {lexNameLikeTitles, wfNameLikeTitle},
		{lexIntl, wfIntl}, {lexGivenNames, wfGivenName},
	} {
		for w, ok := range l.set {
			if ok {
				m[w] |= l.flag
			}
		}
	}
	return m
}

// is reports whether token i has any of the flags in want.
func (p *entParser) is(i int, want wordFlags) bool { return p.flagsOf(i)&want != 0 }

// flagsOf returns the flags of token i, looked up on first use.
func (p *entParser) flagsOf(i int) wordFlags {
	f := p.flags[i]
	if f == 0 {
		low := p.lows[i]
		var ok bool
		if f, ok = wordIndex.lookup(low); !ok {
			f = classFlags(low, 0)
		}
		f |= wfKnown
		p.flags[i] = f
	}
	return f
}

// lexStop are function words: capitalized, they open a sentence, not a
// name.
var lexStop = lexSet(`the a an this that these those his her their its our my your in on at of
for to from by with and or but as if when while after before during since until upon about over
under into through between among against without within across also meanwhile moreover however
furthermore additionally besides thus therefore then there here both each every all some any many
most more other such no not yes only just even still yet so it he she they we i you who whom which
what where why how according following regarding concerning including via per amid despite toward
towards around near beyond above below up down out off again once today yesterday tomorrow tonight
mr mrs ms dear please thank thanks welcome hello`)

// lexCommon are capitalized words that are not names: the verbs and
// nouns of headlines and labels ("Minister Lee Sang-min Expands ...").
var lexCommon = lexSet(`expands expand visits visit visited meets meet met holds hold held signs
sign signed attends attend attended discusses discuss hosts host hosted calls call urges welcomes
welcome welcomed receives received launches launch opens delivers stresses highlights pledges
reaffirms announces announce leads lead joins join agrees agree emphasizes emphasises promotes
spreads spread shares share strengthens paves congratulates condemns says said speaks travels
arrives departs participates presents unveils inaugurates addresses tours wraps concludes begins
heads returns seeks vows explores boosts bolsters deepens takes makes gives wins ranks talks
chairs reviews outlines proposes supports backs marks celebrates commemorates honours honors
appoints named elected becomes continues completes establishes builds closes ends starts kicks sets
hails lauds praises thanks invites accepts offers provides showcases introduces enhances advances
accelerates underscores affirms reiterates notes cites eyes taps tackles witnesses keynotes
confers pays graces greets bids thanks salutes inspects checks assures vows backs tours discussed stated noted added told explained commented remarked expressed emphasized
underlined underscored will would shall should can could may might must is are was were be been
has have had do does did not press release releases news notices notice date read time day week
month year years home page menu go back top body more view list print share tweet contact
photo photos video gallery caption source sources note notes annex attachment summary background
key achievements achievement countries country visited agenda outcome outcomes results result
opportunities opportunity way ways spread systems system export exports government governments
ministers officials people citizens public joint statement statements remarks speech keynote
opening closing session sessions panel dialogue talks meeting meetings visit visits forum
conference summit ceremony exhibition pavilion index survey report plan project projects program
programme initiative vision strategy policy policies cooperation partnership relations agreement
agreements memorandum understanding mou treaty declaration communique communiqué council
committee group delegation team titlePhrase ministry department agency service services embassy
mission consulate assembly parliament congress senate court bank fund union organization
organisation association federation institute university academy foundation center centre
authority board commission secretariat bureau directorate network alliance platform hall
palace house tower city town village province state region district county island islands
republic kingdom emirates federation nations states international national global regional local digital ai ict it e
first second third fourth fifth new old annual special official officially several various
mainly about around approximately total whole entire every administration`)

// lexOrgHeads end (or open) the name of an organization.
var lexOrgHeads = lexSet(`ministry ministries department agency service services titlePhrase commission
committee council authority bureau institute organization organisation bank fund corporation
association federation secretariat directorate board court parliament assembly senate congress
centre center academy university foundation union partnership alliance police embassy consulate
cabinet`)

// lexEvents after an organization-like phrase make it an event
// ("Cooperation Committee Meeting").
var lexEvents = lexSet(`meeting meetings forum summit conference ceremony exhibition session
roundtable dialogue workshop seminar symposium expo fair festival awards award week day talks
consultation consultations`)

// lexParticles are lower-case (or "Al") parts of a name that link or
// precede its capitalized parts.
var lexParticles = lexSet(`bin bint binti ibn ben van von der den de di da du del della dos das la le
al el y e ter ten zu af av abu ould`)

// lexNameLikeTitles are offices and styles that also occur inside names
// ("Omar Sultan Al Olama").
var lexNameLikeTitles = lexSet(`sultan king prince amir emir sheikh major marshal lord duke regent
chief justice`)

// lexGivenNames are given names that are also a style or office ("Amir
// Hamzah", "Sultan Al Jaber") or a word of another lexicon ("Per
// Karlsson", "Will Quince", "An Duk-geun", "Do Hung Viet", "Jan
// Lipavsky", a month's abbreviation): right after a title, and before
// a unit that can be a name's ("Jan Lipavsky", not "Jan 12"), they may
// open a name (see chain).
var lexGivenNames = lexSet(`amir emir sultan per will an do said jan`)

// months and weekdays are not names even when no date mention covers them.
var lexCalendar = lexSet(`january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
thursday friday saturday sunday`)

// lexMeetCues before a person in a sentence make the person the one met.
var lexMeetCues = lexSet(`with met meets meet received receives welcomed welcomes`)

// lexSpeechVerbs next to a bare name make it a person.
var lexSpeechVerbs = lexSet(`said says stated noted added told explained commented remarked stressed
emphasized emphasised underlined`)

// lexGapVerbs between a title and a later name mean a new clause.
var lexGapVerbs = lexSet(`is are was were be been has have had will would shall should can could
may might must do does did said says met meets visited visits who which that whom whose where
when while as because said`)

// lexSuffixes are generational suffixes that end a name.
var lexSuffixes = lexSet(`jr sr ii iii iv`)
