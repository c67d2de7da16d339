package extractors

import (
	"hash/maphash"

	"communique/gazetteer"
)

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
// missing, in one or two probes, for less than a map lookup costs. Most
// words of a text are in no lexicon: a bit set by their length, first
// and last bytes finds most of those missing without hashing them.
type wordTable struct {
	slots []wordSlot // a power of two, at most a third full
	// seen has the bit wordSieve(w) of every word w in slots set
	seen [1 << 16 / 64]uint64
}

// wordSieve returns the bit of w in wordTable.seen: of its length, its
// first and its last byte. w is not empty.
func wordSieve(w string) uint32 {
	return (uint32(w[0])<<8 | uint32(w[len(w)-1])) ^ uint32(len(w))*0x9e3&0xffff
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
		k := wordSieve(w)
		t.seen[k/64] |= 1 << (k % 64)
	}
	return t
}

// lookup returns the flags of w and whether the table has it.
func (t *wordTable) lookup(w string) (wordFlags, bool) {
	if w == "" {
		return 0, false
	}
	if k := wordSieve(w); t.seen[k/64]&(1<<(k%64)) == 0 {
		return 0, false
	}
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
var lexStop = vocabSet("person.stop")

// lexCommon are capitalized words that are not names: the verbs and
// nouns of headlines and labels ("Minister Lee Sang-min Expands ...").
var lexCommon = vocabSet("person.common")

// lexOrgHeads end (or open) the name of an organization.
var lexOrgHeads = vocabSet("org.heads")

// lexEvents after an organization-like phrase make it an event
// ("Cooperation Committee Meeting"): the gathering heads, one list.
var lexEvents = headNouns

// lexParticles are lower-case (or "Al") parts of a name that link or
// precede its capitalized parts.
var lexParticles = vocabSet("name.particles")

// lexNameLikeTitles are offices and styles that also occur inside names
// ("Omar Sultan Al Olama").
var lexNameLikeTitles = vocabSet("name.titles")

// lexGivenNames are given names that are also a style or office ("Amir
// Hamzah", "Sultan Al Jaber") or a word of another lexicon ("Per
// Karlsson", "Will Quince", "An Duk-geun", "Do Hung Viet", "Jan
// Lipavsky", a month's abbreviation): right after a title, and before
// a unit that can be a name's ("Jan Lipavsky", not "Jan 12"), they may
// open a name (see chain).
var lexGivenNames = vocabSet("name.given.words")

// months and weekdays are not names even when no date mention covers them.
var lexCalendar = vocabSet("calendar")

// lexMeetCues before a person in a sentence make the person the one met.
var lexMeetCues = vocabSet("person.meet.cues")

// lexSpeechVerbs next to a bare name make it a person.
var lexSpeechVerbs = vocabSet("speech.verbs")

// lexGapVerbs between a title and a later name mean a new clause.
var lexGapVerbs = vocabSet("gap.verbs")

// lexSuffixes are generational suffixes that end a name.
var lexSuffixes = vocabSet("name.suffixes")
