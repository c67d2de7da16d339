package gazetteer

import (
	_ "embed"
	"fmt"
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The title tables, embedded from data/. Each file says where its rows
// came from.
var (
	//go:embed data/titles.tsv
	titlesTSV string
	//go:embed data/honorifics.tsv
	honorificsTSV string
	//go:embed data/titles_words.txt
	titleWordsTXT string
)

// Ranks, as in records.md. Title and the title tables use these strings;
// the extractors package has them as its Rank type.
const (
	RankHeadOfState      = "head_of_state"
	RankHeadOfGovernment = "head_of_government"
	RankMinister         = "minister"
	RankMinisterOfState  = "minister_of_state"
	RankViceMinister     = "vice_minister"
	RankAmbassador       = "ambassador"
	RankGovernor         = "governor"
	RankMayor            = "mayor"
	RankCouncillor       = "councillor"
	RankLegislator       = "legislator"
	RankSecretaryGeneral = "secretary_general"
	RankDirector         = "director"
	RankChair            = "chair"
	RankRoyal            = "royal"
	RankOfficial         = "official"
)

var validRanks = map[string]bool{
	RankHeadOfState: true, RankHeadOfGovernment: true, RankMinister: true, RankMinisterOfState: true,
	RankViceMinister: true, RankAmbassador: true, RankGovernor: true, RankMayor: true,
	RankCouncillor: true, RankLegislator: true, RankSecretaryGeneral: true, RankDirector: true,
	RankChair: true, RankRoyal: true, RankOfficial: true,
}

// TitleKind says what a title-table entry is.
type TitleKind uint8

// Kinds of title-table entries.
const (
	Office      TitleKind = 1 + iota // an office: "Minister of State", "Mayor"
	Honorific                        // a style before a name: "H.E.", "Dato' Sri", "Prince"
	PostNominal                      // letters after a name: "MP", "OBE"
)

// TitleEntry is one row of the title tables.
type TitleEntry struct {
	Phrase string // the table's words, lower case, single-spaced: "minister of state"
	Rank   string // a records.md rank; "" for honorifics that carry none
	Kind   TitleKind
	// Caps is set for entries written in capitals only ("HE", "CEO"):
	// they stand for the entry only when the text writes them in capitals.
	Caps bool
}

type trieNode struct {
	next  map[string]*trieNode
	entry *TitleEntry
}

func (n *trieNode) add(words []string, e *TitleEntry) {
	for _, w := range words {
		if n.next == nil {
			n.next = map[string]*trieNode{}
		}
		c := n.next[w]
		if c == nil {
			c = &trieNode{}
			n.next[w] = c
		}
		n = c
	}
	if n.entry == nil {
		n.entry = e
	}
}

// longest returns the length and entry of the longest entry that is a
// prefix of words.
func (n *trieNode) longest(words []string) (int, *TitleEntry) {
	if len(words) == 0 {
		return 0, nil
	}
	return longestAfter(n.next[words[0]], words)
}

// titleTables is the parsed form of the embedded tables.
type titleTables struct {
	offices, pre, post *trieNode
	vocab              map[string]bool // every word of an office phrase
	abbrevs            map[string]bool // words written with a final dot ("dr", "gen", "h")
	officeAbbrevs      map[string]bool // one-word offices written with a final dot ("sen", "gov")
	portfolio          map[string]bool
	// words answers in one lookup what ClassOf asks of a word (the first
	// words of the three tries, the modifiers, the portfolio words), and
	// where the tries go on after a first word.
	words map[string]wordEntry
}

// wordEntry is what titleTables.words knows of a word.
type wordEntry struct {
	class             WordClass
	office, pre, post *trieNode // the tries' nodes after the word as a first word, or nil
}

// longestAfter is n.longest(words) for the node first that n has after
// words[0] (nil for none).
func longestAfter(first *trieNode, words []string) (int, *TitleEntry) {
	if first == nil {
		return 0, nil
	}
	best, bestE := 0, first.entry
	if bestE != nil {
		best = 1
	}
	n := first
	for i, w := range words[1:] {
		c := n.next[w]
		if c == nil {
			break
		}
		n = c
		if n.entry != nil {
			best, bestE = i+2, n.entry
		}
	}
	return best, bestE
}

// WordClass is a set of facts about a lower-case word, as ClassOf
// reports them.
type WordClass uint8

// Word classes.
const (
	ClassOfficeStart      WordClass = 1 << iota // an office starts with the word: MatchTitle may find one
	ClassHonorificStart                         // an honorific starts with the word
	ClassPostNominalStart                       // a post-nominal starts with the word: MatchPostNominal may find one
	ClassTitleModifier                          // IsTitleModifier
	ClassPortfolio                              // IsPortfolioWord
)

// ClassOf returns the classes of the lower-case word w (as TitleWords
// makes it), for a caller that asks several questions of one word: one
// map lookup answers them all.
func ClassOf(w string) WordClass { return ClassFrom(w, tables.words[w].class) }

// ListedClasses returns the words the tables list with classes of their
// own, and those classes. A caller with word tables of its own can merge
// them with these and call ClassFrom, for one map lookup per word.
func ListedClasses() iter.Seq2[string, WordClass] {
	return func(yield func(string, WordClass) bool) {
		for w, e := range tables.words {
			if !yield(w, e.class) {
				return
			}
		}
	}
}

// ClassFrom returns ClassOf(w) given the classes ListedClasses lists for
// w (0 for a word it does not list): those, and the portfolio words known
// by their ending.
func ClassFrom(w string, listed WordClass) WordClass {
	c := listed
	if !isLowerASCII(w) {
		// not a key of the portfolio map as written: ask as IsPortfolioWord does
		c &^= ClassPortfolio
		if IsPortfolioWord(w) {
			c |= ClassPortfolio
		}
	} else if c&ClassPortfolio == 0 && portfolioEnding(w) {
		c |= ClassPortfolio
	}
	return c
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// buildWords fills t.words from the tries and word sets.
func (t *titleTables) buildWords() {
	t.words = map[string]wordEntry{}
	for w, n := range t.offices.next {
		e := t.words[w]
		e.class, e.office = e.class|ClassOfficeStart, n
		t.words[w] = e
	}
	for w, n := range t.pre.next {
		e := t.words[w]
		e.class, e.pre = e.class|ClassHonorificStart, n
		t.words[w] = e
	}
	for w, n := range t.post.next {
		e := t.words[w]
		e.class, e.post = e.class|ClassPostNominalStart, n
		t.words[w] = e
	}
	for w, ok := range modifiers {
		if ok {
			e := t.words[w]
			e.class |= ClassTitleModifier
			t.words[w] = e
		}
	}
	for w, ok := range t.portfolio {
		if ok {
			e := t.words[w]
			e.class |= ClassPortfolio
			t.words[w] = e
		}
	}
}

var tables = mustLoadTitles()

func mustLoadTitles() *titleTables {
	t, err := loadTitles(titlesTSV, honorificsTSV, titleWordsTXT)
	if err != nil {
		panic(err) // the embedded tables are part of the program
	}
	return t
}

func loadTitles(titles, honorifics, words string) (*titleTables, error) {
	t := &titleTables{offices: &trieNode{}, pre: &trieNode{}, post: &trieNode{},
		vocab: map[string]bool{}, abbrevs: map[string]bool{}, officeAbbrevs: map[string]bool{}, portfolio: map[string]bool{}}
	add := func(file string, n int, phrase, rank string, kind TitleKind) error {
		if rank == "-" {
			rank = ""
		}
		if rank != "" && !validRanks[rank] {
			return fmt.Errorf("gazetteer: %s:%d: unknown rank %q", file, n, rank)
		}
		ws := TitleWords(phrase)
		if len(ws) == 0 {
			return fmt.Errorf("gazetteer: %s:%d: empty phrase", file, n)
		}
		e := &TitleEntry{Phrase: strings.Join(ws, " "), Rank: rank, Kind: kind, Caps: isCaps(phrase)}
		root := t.offices
		switch kind {
		case Honorific:
			root = t.pre
		case PostNominal:
			root = t.post
		default:
			for _, w := range ws {
				t.vocab[w] = true
			}
		}
		root.add(ws, e)
		// Words written with a closing dot are abbreviations: "Dr.", "Lt.", "H.E.".
		if kind == Office && len(ws) == 1 && strings.HasSuffix(phrase, ".") {
			t.officeAbbrevs[ws[0]] = true
		}
		for _, f := range strings.Fields(phrase) {
			if strings.HasSuffix(f, ".") {
				for _, w := range TitleWords(f) {
					t.abbrevs[w] = true
				}
			}
		}
		return nil
	}
	for n, line := range dataLines(titles) {
		f := strings.Split(line, "\t")
		if len(f) != 2 {
			return nil, fmt.Errorf("gazetteer: titles.tsv:%d: want 2 fields, got %d", n, len(f))
		}
		if err := add("titles.tsv", n, f[0], f[1], Office); err != nil {
			return nil, err
		}
	}
	for n, line := range dataLines(honorifics) {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("gazetteer: honorifics.tsv:%d: want 3 fields, got %d", n, len(f))
		}
		kind := Honorific
		switch f[2] {
		case "pre":
		case "post":
			kind = PostNominal
		default:
			return nil, fmt.Errorf("gazetteer: honorifics.tsv:%d: unknown kind %q", n, f[2])
		}
		if err := add("honorifics.tsv", n, f[0], f[1], kind); err != nil {
			return nil, err
		}
	}
	for _, line := range strings.Split(words, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		t.portfolio[strings.ToLower(line)] = true
		for _, w := range TitleWords(line) {
			t.portfolio[w] = true
		}
	}
	t.buildWords()
	return t, nil
}

// isCaps reports whether phrase is a short all-capitals abbreviation
// written without dots ("HE", "CEO", "MP"), of two letters or more.
func isCaps(phrase string) bool {
	if len(phrase) < 2 || len(phrase) > 5 || strings.ContainsAny(phrase, ". ") {
		return false
	}
	for _, r := range phrase {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return phrase != ""
}

// TitleWords splits s into the lower-case words the title tables are
// keyed by: runs of letters and digits, apostrophes kept inside a word
// ("d'affaires") and dropped at its edges ("Dato'" -> "dato"), a
// possessive "'s" dropped, every other character a separator (so
// "Vice-Minister" and "Vice Minister" are the same words). Callers that
// tokenize text themselves must produce the same words to use MatchTitle.
func TitleWords(s string) []string { return appendTitleWords(nil, s) }

// appendTitleWords appends the TitleWords of s to dst, which stays nil
// when s has none. The words are lower-cased into one buffer and cut
// from it: one allocation, and one for dst if it has no room.
func appendTitleWords(dst []string, s string) []string {
	var b strings.Builder
	b.Grow(len(s))
	var spanBuf [16][2]int
	spans := spanBuf[:0] // the words' bytes in b, before trimming
	begin := 0
	for _, r := range s {
		switch {
		case r == '\'' || r == '’':
			b.WriteByte('\'')
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			b.WriteByte(byte(r))
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			b.WriteByte(byte(r) + 'a' - 'A')
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			if b.Len() > begin {
				spans = append(spans, [2]int{begin, b.Len()})
				begin = b.Len()
			}
		}
	}
	if b.Len() > begin {
		spans = append(spans, [2]int{begin, b.Len()})
	}
	all := b.String()
	for _, sp := range spans {
		w := strings.Trim(all[sp[0]:sp[1]], "'")
		if strings.HasSuffix(w, "'s") && len(w) > 2 {
			w = w[:len(w)-2]
		}
		if w != "" {
			if dst == nil {
				dst = make([]string, 0, len(spans))
			}
			dst = append(dst, w)
		}
	}
	return dst
}

// MatchTitle returns the longest office or honorific (not post-nominal)
// whose words are a prefix of words, which must be lower-case words as
// TitleWords makes them (punctuation between words, if kept by the
// caller as its own element, ends a match). n is the number of words
// matched; ok is false when no entry starts at words[0]. When an office
// and an honorific match equally long, the office wins. An entry with
// Caps set stands for the entry only if the text wrote it in capitals:
// the caller checks.
func MatchTitle(words []string) (n int, e TitleEntry, ok bool) {
	n, p := MatchTitleEntry(words)
	if n == 0 {
		return 0, TitleEntry{}, false
	}
	return n, *p, true
}

// MatchTitleEntry is MatchTitle returning the table's entry itself, which
// the caller must not modify, or nil when n is 0.
func MatchTitleEntry(words []string) (n int, e *TitleEntry) {
	if len(words) == 0 {
		return 0, nil
	}
	first := tables.words[words[0]]
	no, eo := longestAfter(first.office, words)
	nh, eh := longestAfter(first.pre, words)
	switch {
	case no == 0 && nh == 0:
		return 0, nil
	case no >= nh:
		return no, eo
	default:
		return nh, eh
	}
}

// MatchPluralOffice returns the longest office whose words, the last of
// them in the plural, are a prefix of words (lower-case, as TitleWords
// makes them): "foreign ministers" -> the entry "foreign minister",
// "prime ministers", "secretaries", "chairmen". n is the number of words
// matched, 0 when there is none; a plural inside the phrase ("heads of
// state") and entries written in capitals ("MPs") are not matched.
func MatchPluralOffice(words []string) (n int, e *TitleEntry) {
	node := tables.offices
	for i, w := range words {
		if s, ok := singularWord(w); ok {
			if c := node.next[s]; c != nil && c.entry != nil && !c.entry.Caps {
				n, e = i+1, c.entry
			}
		}
		c := node.next[w]
		if c == nil {
			break
		}
		node = c
	}
	return n, e
}

// Singular returns the singular of the plural English noun w, in w's
// case, and whether w is a plural it knows: "Ministers" -> "Minister",
// "Secretaries" -> "Secretary", "Chairmen" -> "Chairman". Words ending in
// "ss" ("Congress") are no plurals.
func Singular(w string) (string, bool) {
	lw := strings.ToLower(w)
	s, ok := singularWord(lw)
	if !ok || len(lw) != len(w) {
		return w, ok && len(lw) == len(w)
	}
	switch {
	case strings.HasSuffix(lw, "ies"):
		y := "y"
		if c := w[len(w)-3]; 'A' <= c && c <= 'Z' {
			y = "Y"
		}
		return w[:len(w)-3] + y, true
	case strings.HasSuffix(lw, "men"):
		return w[:len(w)-2] + string(w[len(w)-2]+'a'-'e') + w[len(w)-1:], true
	}
	return w[:len(s)], true
}

// singularWord is Singular of a lower-case word.
func singularWord(w string) (string, bool) {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y", true
	case len(w) > 4 && strings.HasSuffix(w, "men"):
		return w[:len(w)-3] + "man", true
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1], true
	}
	return w, false
}

// MatchPostNominal returns the longest post-nominal ("MP", "OBE") whose
// words are a prefix of words, as MatchTitle.
func MatchPostNominal(words []string) (n int, e TitleEntry, ok bool) {
	if len(words) == 0 {
		return 0, TitleEntry{}, false
	}
	n, p := longestAfter(tables.words[words[0]].post, words)
	if n == 0 {
		return 0, TitleEntry{}, false
	}
	return n, *p, true
}

// IsHonorific reports whether phrase, as a whole, is an honorific
// ("H.E.", "His Highness", "Dato' Sri", "Dr").
func IsHonorific(phrase string) bool {
	ws := TitleWords(phrase)
	n, _ := tables.pre.longest(ws)
	return n > 0 && n == len(ws)
}

// HonorificRank returns the rank implied by phrase when phrase is a run of
// honorifics only ("His Highness Prince" -> royal, "H.E. Mr." -> ""): ok
// is false when phrase holds anything else.
func HonorificRank(phrase string) (rank string, ok bool) {
	ws := TitleWords(phrase)
	if len(ws) == 0 {
		return "", false
	}
	for i := 0; i < len(ws); {
		n, e := tables.pre.longest(ws[i:])
		if n == 0 {
			return "", false
		}
		if rank == "" || e.Rank == RankRoyal {
			rank = e.Rank
		}
		i += n
	}
	return rank, true
}

// IsAbbreviation reports whether the lower-case word w is written with a
// closing dot in the title tables ("dr", "gen", "lt", "amb", and the
// letters of "h.e."), so that the dot after it does not end a sentence.
func IsAbbreviation(w string) bool { return tables.abbrevs[w] }

// IsOfficeAbbreviation reports whether the lower-case word w is a
// one-word office written with a closing dot in the title tables ("sen"
// for "Sen.", "gov", "amb"): a word that may also be a name's ("Hun Sen").
func IsOfficeAbbreviation(w string) bool { return tables.officeAbbrevs[w] }

// IsTitleWord reports whether the lower-case word w occurs in any office
// phrase ("minister", "deputy", "state", "general").
func IsTitleWord(w string) bool { return tables.vocab[w] }

// modifiers are words that change an office's rank without being offices
// themselves ("Deputy Foreign Minister", "Acting Minister").
var modifiers = map[string]bool{
	"vice": true, "deputy": true, "assistant": true, "under": true, "junior": true,
	"senior": true, "first": true, "second": true, "acting": true, "state": true,
	"permanent": true, "parliamentary": true, "special": true, "lieutenant": true,
	"associate": true, "principal": true, "interim": true, "former": true, "incoming": true,
	"outgoing": true, "designate": true, "elect": true, "co": true, "executive": true,
	"administrative": true, "grand": true, "lord": true, "chief": true,
}

// IsTitleModifier reports whether the lower-case word w modifies an office
// that follows it ("deputy", "vice", "acting", "state").
func IsTitleModifier(w string) bool { return modifiers[w] }

// portfolioSuffixes end words that name a field of government rather than
// a person ("Administration", "Autonomies", "Telecommunications").
var portfolioSuffixes = []string{"tion", "tions", "sion", "sions", "ment", "ments", "ities",
	"ity", "ism", "ics", "ogy", "ogies", "ness", "ship", "ure", "ures", "ance", "ances", "acy"}

// IsPortfolioWord reports whether w (any case) is a word of the portfolio
// of an office or of the name of a public body ("Interior", "Safety",
// "Affairs", "Autonomies"), from data/titles_words.txt and the endings
// such words have in English.
func IsPortfolioWord(w string) bool {
	var buf [32]byte
	if len(w) <= len(buf) && isASCII(w) {
		// lower-cased on the stack: the lookup and the suffix tests do
		// not keep it
		b := buf[:len(w)]
		for i := 0; i < len(w); i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		if tables.portfolio[string(b)] {
			return true
		}
		return portfolioEnding(string(b))
	}
	lw := strings.ToLower(w)
	return tables.portfolio[lw] || portfolioEnding(lw)
}

// portfolioEnding reports whether the lower-case word lw has an ending of
// a portfolio word.
func portfolioEnding(lw string) bool {
	if len(lw) < 6 {
		return false // fewer than six runes
	}
	last := lw[len(lw)-1]
	if last == 's' && strings.HasSuffix(lw, "ies") && utf8.RuneCountInString(lw) >= 8 {
		return true
	}
	suffixes := portfolioSuffixesByLast[last]
	if len(suffixes) == 0 || utf8.RuneCountInString(lw) < 6 {
		return false
	}
	for _, s := range suffixes {
		if strings.HasSuffix(lw, s) {
			return true
		}
	}
	return false
}

// portfolioSuffixesByLast holds portfolioSuffixes by their last byte.
var portfolioSuffixesByLast = func() (by [256][]string) {
	for _, s := range portfolioSuffixes {
		by[s[len(s)-1]] = append(by[s[len(s)-1]], s)
	}
	return by
}()

// prepositions end the head of a title phrase: what follows is its
// portfolio or the body it serves ("Minister of ...", "Envoy to ...").
var prepositions = map[string]bool{
	"of": true, "for": true, "at": true, "to": true, "in": true, "on": true, "with": true,
	"from": true, "without": true, "under": true,
}

// legislatureWords make a President the presiding officer of a chamber.
var legislatureWords = map[string]bool{
	"senate": true, "parliament": true, "congress": true, "house": true, "deputies": true,
	"bundestag": true, "bundesrat": true, "duma": true, "knesset": true, "diet": true,
	"cortes": true, "sejm": true, "seimas": true, "saeima": true, "riigikogu": true,
	"storting": true, "riksdag": true, "folketing": true, "majlis": true, "shura": true,
}

// bodyWords make a President (or a Chancellor, Secretary, Governor) the
// head of a body that is not a country.
var bodyWords = map[string]bool{
	"bank": true, "association": true, "council": true, "commission": true, "committee": true,
	"court": true, "tribunal": true, "university": true, "college": true, "company": true,
	"corporation": true, "federation": true, "foundation": true, "institute": true,
	"agency": true, "organization": true, "organisation": true, "forum": true, "party": true,
	"group": true, "board": true, "club": true, "academy": true, "authority": true,
	"society": true, "fund": true, "conference": true, "summit": true, "network": true,
	"service": true, "office": true, "institution": true, "union": true, "assembly": true,
	"chamber": true, "league": true, "alliance": true, "centre": true, "center": true,
	"federal": false, "secretariat": true, "school": true, "hospital": true,
	"cooperation": true, "partnership": true, "programme": true, "program": true,
}

// Latin American and Iberian governments call their foreign minister
// "Chancellor" (Canciller) in English.
var chancellorIsMinister = map[string]bool{
	"ARG": true, "BOL": true, "BRA": true, "CHL": true, "COL": true, "CRI": true, "CUB": true,
	"DOM": true, "ECU": true, "GTM": true, "HND": true, "MEX": true, "NIC": true, "PAN": true,
	"PER": true, "PRY": true, "SLV": true, "URY": true, "VEN": true,
}

// Title returns the rank of the office named by phrase, the office as
// written in a press release with any country words and portfolio:
// "Saudi Arabia's Interior Minister" and "Minister of the Interior and
// Safety" -> minister, "State Secretary at the Romanian Ministry of ..." ->
// vice_minister, "Deputy Foreign Minister" -> vice_minister, "President of
// the World Bank" -> chair. ok is false when phrase names no office;
// honorifics alone ("His Highness Prince") are not offices (see
// HonorificRank). Of offices joined by "and", the most senior ranks the
// phrase ("Member of the Political Bureau ... and Minister of Foreign
// Affairs" -> minister), and an office beats an honorific ("Crown Prince
// and Prime Minister" -> head_of_government).
//
// Decisions: a Vice President of a country is head_of_state; a Deputy
// Prime Minister or Vice Premier is minister (records.md names only the
// head of government itself head_of_government); a Permanent Secretary
// is vice_minister; a President or Chairman presiding a legislature is
// legislator, a President (or Chancellor) of any other body is chair; a
// Governor of a bank is director; a High Commissioner "for" a cause
// (UNHCR) is director, otherwise ambassador; the deputy of a director,
// secretary-general, chair or envoy is official; an Assistant Secretary
// (US) is director; the Head of a (Federal) Department that is the
// ministry ("of Foreign Affairs", not "of the Ministry of ...") is
// minister; a position that is no public office ("Patriarch",
// "Founder") has no rank.
func Title(phrase string) (rank string, ok bool) { return TitleIn(phrase, "") }

// TitleIn is Title for an office of the given country (ISO3, or ""): a
// Chancellor of Germany or Austria heads the government, a Latin American
// "Chancellor" is the foreign minister.
func TitleIn(phrase, country string) (rank string, ok bool) {
	var wsBuf [24]string
	ws := appendTitleWords(wsBuf[:0], phrase)
	start := 0
	best := ""
	var prevHead []string // the office words of the last chunk when it ends "of X"
	for i := 0; i <= len(ws); i++ {
		if i < len(ws) && ws[i] != "and" && ws[i] != "&" {
			continue
		}
		// "and" inside an entry ("Ambassador Extraordinary and
		// Plenipotentiary") does not split it.
		if i < len(ws) && i > start {
			if n, _ := tables.offices.longest(ws[start:]); start+n > i {
				continue
			}
		}
		r, ok := chunkRank(ws[start:i], ws, country)
		if !ok && prevHead != nil && start < i {
			// a portfolio alone goes on the office before it: "Minister
			// of State and Foreign Affairs" is a Minister of Foreign
			// Affairs too
			r, ok = chunkRank(append(append(prevHead[:len(prevHead):len(prevHead)], "of"), ws[start:i]...), ws, country)
		}
		if ok && (best == "" || seniority[r] > seniority[best]) {
			best = r
		}
		prevHead = nil
		if k := i - 2; k > start && ws[k] == "of" {
			prevHead = ws[start:k] // "minister" of "minister of state"
		}
		start = i + 1
	}
	return best, best != ""
}

// TitleNeedsCountry reports whether TitleIn's rank of phrase may depend
// on its country: only a chancellor's does (see adjust), and the word
// "chancellor" can come only from those ASCII letters (no other letter
// lower-cases to one of them), so a phrase without them, in any case,
// has the same rank in every country.
func TitleNeedsCountry(phrase string) bool {
	const w = "chancellor"
	for i := 0; i+len(w) <= len(phrase); i++ {
		if phrase[i]|0x20 == 'c' && phrase[i+1]|0x20 == 'h' && strings.EqualFold(phrase[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// seniority orders ranks: a person with two offices is ranked by the
// more senior.
var seniority = map[string]int{
	RankHeadOfState: 14, RankHeadOfGovernment: 13, RankMinister: 12, RankMinisterOfState: 11,
	RankViceMinister: 10, RankSecretaryGeneral: 9, RankAmbassador: 8, RankGovernor: 7, RankMayor: 6,
	RankChair: 5, RankDirector: 4, RankLegislator: 3, RankCouncillor: 2, RankOfficial: 1, RankRoyal: 0,
}

// Seniority orders ranks from head_of_state (highest) down to official
// and royal (0); it is -1 for a string that is no rank.
func Seniority(rank string) int {
	if n, ok := seniority[rank]; ok {
		return n
	}
	return -1
}

// chunkRank ranks one office phrase (no "and" at its top level): the
// head is the last office before the first preposition, modified by the
// modifier words before it; the other words (country words, portfolio,
// the body after the preposition, anywhere in the phrase) can adjust it.
func chunkRank(ws, phrase []string, country string) (string, bool) {
	var head *TitleEntry
	var mods []string // modifier words since the previous office
	for i := 0; i < len(ws); {
		w := ws[i]
		first := tables.words[w] // where the tries go on after w
		if n, e := longestAfter(first.office, ws[i:]); n > 0 {
			// A modifier that is also an office ("Deputy" the legislator)
			// modifies a following office when one comes.
			if modifiers[w] && n == 1 && followingOffice(ws[i+1:]) {
				mods = append(mods, w)
				i++
				continue
			}
			head = e
			i += n
			if len(mods) > 0 {
				if e2, ok := lookupOffice(append(append([]string{}, mods...), strings.Fields(e.Phrase)...)); ok {
					head = e2
				} else {
					head = combine(mods, e)
				}
				mods = nil
			}
			continue
		}
		if nh, _ := longestAfter(first.pre, ws[i:]); nh > 0 {
			i += nh
			continue
		}
		if prepositions[w] && head != nil {
			break
		}
		if modifiers[w] {
			mods = append(mods, w)
		}
		i++
	}
	if head == nil {
		return "", false
	}
	return adjust(head, phrase, country), true
}

// followingOffice reports whether an office starts among the next few
// words, before a preposition.
func followingOffice(ws []string) bool {
	for i := 0; i < len(ws) && i < 4; i++ {
		if prepositions[ws[i]] {
			return false
		}
		if n, _ := tables.offices.longest(ws[i:]); n > 0 {
			return true
		}
	}
	return false
}

func lookupOffice(ws []string) (*TitleEntry, bool) {
	n, e := tables.offices.longest(ws)
	if n == len(ws) && e != nil {
		return e, true
	}
	return nil, false
}

// combine applies modifiers that are not part of a table entry to a head
// office: "Deputy Foreign Minister" -> vice_minister, "State Foreign
// Minister" -> minister_of_state, "Vice Premier" -> minister.
func combine(mods []string, head *TitleEntry) *TitleEntry {
	var vice, state bool
	for _, m := range mods {
		switch m {
		case "vice", "deputy", "assistant", "under":
			vice = true
		case "state", "junior":
			state = true
		}
	}
	rank := head.Rank
	switch {
	case vice && head.Rank == RankMinister:
		rank = RankViceMinister
	case state && head.Rank == RankMinister:
		rank = RankMinisterOfState
	case vice && head.Rank == RankHeadOfGovernment:
		rank = RankMinister
	case vice && deputyIsOfficial[head.Rank]:
		// deputies do not take their principal's rank: "Deputy
		// Executive Director", "Assistant Commissioner"
		rank = RankOfficial
	}
	if rank == head.Rank {
		return head
	}
	return &TitleEntry{Phrase: strings.Join(mods, " ") + " " + head.Phrase, Rank: rank, Kind: Office}
}

// deputyIsOfficial are the ranks whose holders' deputies are officials
// (see combine): a minister's deputies have ranks of their own, and
// local and elected offices keep theirs ("Deputy Mayor").
var deputyIsOfficial = map[string]bool{
	RankDirector: true, RankSecretaryGeneral: true, RankChair: true, RankAmbassador: true,
}

// adjust ranks offices whose rank depends on what they head.
func adjust(head *TitleEntry, all []string, country string) string {
	// what the office heads may be said anywhere in the phrase:
	// "President and CEO of X Bank"
	has := func(set map[string]bool) bool {
		for _, w := range all {
			if set[w] && !isHeadWord(head, w) {
				return true
			}
		}
		return false
	}
	switch head.Phrase {
	case "president", "vice president", "pres":
		switch {
		case containsSeq(all, "general", "assembly"):
			return RankChair
		case has(legislatureWords) || containsSeq(all, "national", "assembly"):
			return RankLegislator
		case has(bodyWords):
			return RankChair
		}
	case "chancellor":
		switch {
		case chancellorIsMinister[country]:
			return RankMinister
		case has(bodyWords):
			return RankChair
		}
	case "vice chancellor":
		if has(bodyWords) {
			return RankChair
		}
	case "governor", "deputy governor", "vice governor":
		if has(map[string]bool{"bank": true, "fund": true, "authority": true}) {
			return RankDirector
		}
	case "high commissioner":
		for i, w := range all {
			if w == "commissioner" && i+1 < len(all) && all[i+1] == "for" {
				return RankDirector
			}
		}
	case "secretary":
		if has(bodyWords) {
			return RankOfficial
		}
	case "chairman", "chairperson", "chairwoman", "chair":
		// "Chairman of the Parliament", "Chairperson of the Senate": the
		// presiding officer of a chamber, as a President of one
		if has(legislatureWords) || containsSeq(all, "national", "assembly") {
			return RankLegislator
		}
	case "head":
		// "Head of the Federal Department of Foreign Affairs" (Swiss
		// usage), "Head of the Department of Foreign Affairs": the
		// department is the ministry; a department inside a ministry
		// ("... of the Ministry of X") has a director
		if (containsSeq(all, "federal", "department") || containsSeq(all, "department", "of") && containsSeq(all, "foreign", "affairs")) &&
			!slices.Contains(all, "ministry") {
			return RankMinister
		}
	}
	return head.Rank
}

// isHeadWord reports whether w is a word of the head office itself.
func isHeadWord(head *TitleEntry, w string) bool {
	for _, h := range strings.Fields(head.Phrase) {
		if h == w {
			return true
		}
	}
	return false
}

func containsSeq(ws []string, a, b string) bool {
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] == a && ws[i+1] == b {
			return true
		}
	}
	return false
}
