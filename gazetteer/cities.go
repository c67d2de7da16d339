package gazetteer

import (
	_ "embed"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:generate go run ./gencities -data ../../shared/data -words /usr/share/dict/british-english -out data/cities.tsv

//go:embed data/cities.tsv
var citiesTSV string

// CapitalKind says whether a city is a capital, and of what.
type CapitalKind uint8

// Kinds of capital, as the city table's capital column writes them.
const (
	NotCapital      CapitalKind = iota // "none"
	AdminCapital                       // "admin": capital of a first-level administrative area
	NationalCapital                    // "primary": capital of its country
)

// String returns the table's spelling of k: "none", "admin" or "primary".
func (k CapitalKind) String() string {
	switch k {
	case AdminCapital:
		return "admin"
	case NationalCapital:
		return "primary"
	}
	return "none"
}

// City is one row of the city table (data/cities.tsv, derived from the
// simplemaps and GeoNames world city tables, CC BY 4.0).
type City struct {
	Name       string // as the table writes it: "Malé", "São Paulo"
	ISO3       string // its country
	Admin      string // first-level administrative area, "" when unknown
	Population int    // 0 when unknown (then at least 15,000)
	Capital    CapitalKind
}

// Cities returns the cities named name, compared case-insensitively and
// without diacritics ("sao paulo" finds "São Paulo"; "St. Petersburg"
// finds "Saint Petersburg"), the most populous first. Countries are not
// cities, but the table may hold a city of a country's name: Cities
// returns it ("Djibouti"), FindCities never does.
func Cities(name string) []City {
	if g := cityTable().byName(string(appendFoldedName(nil, name))); g != nil {
		return slices.Clone(g.Cities)
	}
	return nil
}

// CityMatch is a candidate city name in a text: the half-open byte range
// [Start, End) of the name, and the cities it may be.
type CityMatch struct {
	Start, End int
	Name       *CityName
}

// CityName is a name shared by one or more cities of the table.
type CityName struct {
	// Spelling is the table's spelling of the name that matched ("Malé"
	// for "MALE", "St. Petersburg" for "ST PETERSBURG").
	Spelling string
	// Cities are the cities of that name, the most populous first. The
	// slice is shared: callers must not modify it.
	Cities []City
	// Word: the name is one word that is also an English word ("Nice",
	// "Reading", "Split", "Male").
	Word bool
	// Province: the name is also that of a first-level administrative
	// area of a country none of these cities is in ("Victoria" the
	// Australian state, "Ontario" the Canadian province).
	Province bool
	// Honorific: the name opens with a title or honorific ("General
	// Santos", "President Roxas"), so it may be a person.
	Honorific bool

	country bool     // also a country's name, alias or demonym
	folded  string   // Fold(Spelling), its words separated by single spaces
	toks    []string // folded tokens after the first, substrings of folded
	anyCase uint16   // bit k: token k may be written in lower case ("de", "la")
	next    *CityName
	// A long chain ("San ...", "Al ...", "North ...") is indexed on its
	// head by second word: bySecond holds the first name of the chain with
	// each second word, nextSame the next such name, in chain order; and
	// single is the chain's first one-word name (they end the chain).
	bySecond map[string]*CityName
	nextSame *CityName
	single   *CityName
	// The head of a chain also has in follow bit c&63 of each ASCII
	// byte c that a longer name's second word starts with, and in oneWord
	// the chain's first one-word name, or nil: what first returns when no
	// longer name can match.
	follow  uint64
	oneWord *CityName
}

// mayFollow reports whether a longer name of the chain headed by head may
// match when its first word ends at byte i of text: whether the token
// after it lies on the same line and may start as one of their second
// words does. It reads only ASCII spaces and the next byte.
func (head *CityName) mayFollow(text string, i int) bool {
	for i < len(text) && asciiSpace[text[i]] {
		if text[i] == '\n' {
			return false // the name would span a line
		}
		i++
	}
	if i == len(text) {
		return false
	}
	c := text[i]
	if c >= utf8.RuneSelf {
		return true
	}
	if c == '`' {
		c = '\'' // as scan reads it
	}
	return head.follow&(1<<(asciiLower[c]&63)) != 0
}

// Key returns the word CityContext.Names is asked for this name: its
// fold when it is one word ("jackson" for "Jackson"), else "" (a longer
// name is never a person's).
func (g *CityName) Key() string {
	if len(g.toks) > 0 {
		return ""
	}
	return g.folded
}

// longChain is the length from which a chain is indexed by second word.
const longChain = 8

// first returns the first name of the chain headed by head that the
// window's tokens match, in chain order, or nil. next is the folded token
// after the first, when nextOK.
func (head *CityName) first(w *window, next []byte, nextOK bool) *CityName {
	if nextOK && head.bySecond != nil {
		// only the names whose second word is next can match, then the
		// one-word names
		for g := head.bySecond[string(next)]; g != nil; g = g.nextSame {
			if g.matches(w) {
				return g
			}
		}
		for g := head.single; g != nil; g = g.next {
			if g.matches(w) {
				return g
			}
		}
		return nil
	}
	for g := head; g != nil; g = g.next {
		if len(g.toks) > 0 && nextOK && g.toks[0] != string(next) || !g.matches(w) {
			continue
		}
		return g
	}
	return nil
}

// FindCities returns the candidate city names in text, the longest
// match at each position, in text order, without overlaps. A name starts
// with a capitalized word ("Nice", "NICE"; never "nice") and lies on one
// line; its words compare case- and accent-insensitively, but a word the
// table capitalizes must be capitalized in the text ("Addis Ababa",
// "Kuala Lumpur", "Nay Pyi Taw"; "Santa Cruz de la Sierra" with "de la"
// in any case). Names of countries ("Singapore", "Luxembourg",
// "Djibouti") are never candidates, longer names that contain one are
// ("Kuwait City"). FindCities does not decide whether a candidate is a
// city: see CityContext.Resolve. It runs in time linear in the text and
// is safe for concurrent use.
func FindCities(text string) []CityMatch {
	return cityTable().find(nil, text)
}

// AppendFindCities appends the candidate city names of text (see
// FindCities) to dst and returns the extended slice, so that a caller may
// reuse one.
func AppendFindCities(dst []CityMatch, text string) []CityMatch {
	return cityTable().find(dst, text)
}

var (
	cityOnce  sync.Once
	theCities *cities
)

// cityTable returns the city index, built on first use from the embedded
// table and never modified afterwards.
func cityTable() *cities {
	cityOnce.Do(func() {
		t, err := buildCities(citiesTSV)
		if err != nil {
			// The data is embedded: a bad file is a bug caught by the tests.
			panic("gazetteer: " + err.Error())
		}
		theCities = t
	})
	return theCities
}

// cities is the parsed city table and its index.
type cities struct {
	// index maps a folded first token to the names starting with it,
	// chained through CityName.next, longest first.
	index map[string]*CityName
	// keys is a Bloom filter of index's keys: most capitalized words of
	// a text start no city's name, and it turns them away without a
	// look-up in the large index.
	keys keyFilter
	rows int
}

const citiesHeader = "name\talt\tiso3\tadmin\tpopulation\tcapital\tflags"

// cityRow is a parsed line of the table.
type cityRow struct {
	city  City
	alts  []string // other spellings
	word  bool     // the "w" flag
	admin string   // the admin area, folded
}

// parseCities parses the city table.
func parseCities(tsv string) ([]cityRow, error) {
	rows := make([]cityRow, 0, strings.Count(tsv, "\n")+1)
	adminFold := map[string]string{}
	sawHeader := false
	lastISO := ""
	for n, line := range dataLines(tsv) {
		if !sawHeader {
			if line != citiesHeader {
				return nil, fmt.Errorf("cities.tsv:%d: header %q, want %q", n, line, citiesHeader)
			}
			sawHeader = true
			continue
		}
		var cols [7]string
		rest := line
		for k := range cols {
			var ok bool
			cols[k], rest, ok = strings.Cut(rest, "\t")
			if ok != (k < len(cols)-1) {
				return nil, fmt.Errorf("cities.tsv:%d: want %d tab-separated columns", n, len(cols))
			}
		}
		r := cityRow{city: City{Name: cols[0], ISO3: cols[2], Admin: cols[3]}}
		c := &r.city
		if c.Name == "" || c.Name == "-" {
			return nil, fmt.Errorf("cities.tsv:%d: no name", n)
		}
		if cols[1] != "-" {
			r.alts = strings.Split(cols[1], "|")
		}
		if c.ISO3 != lastISO && !Valid(c.ISO3) {
			return nil, fmt.Errorf("cities.tsv:%d: %s: unknown country %q", n, c.Name, c.ISO3)
		}
		lastISO = c.ISO3
		if c.Admin == "-" {
			c.Admin = ""
		}
		pop, err := strconv.Atoi(cols[4])
		if err != nil || pop < 0 {
			return nil, fmt.Errorf("cities.tsv:%d: %s: bad population %q", n, c.Name, cols[4])
		}
		c.Population = pop
		switch cols[5] {
		case "primary":
			c.Capital = NationalCapital
		case "admin":
			c.Capital = AdminCapital
		case "none":
		default:
			return nil, fmt.Errorf("cities.tsv:%d: %s: bad capital %q", n, c.Name, cols[5])
		}
		switch cols[6] {
		case "w":
			r.word = true
		case "-":
		default:
			return nil, fmt.Errorf("cities.tsv:%d: %s: bad flags %q", n, c.Name, cols[6])
		}
		if c.Admin != "" {
			a, ok := adminFold[c.Admin]
			if !ok {
				a = string(appendFoldedName(nil, c.Admin))
				adminFold[c.Admin] = a
			}
			r.admin = a
		}
		rows = append(rows, r)
	}
	if !sawHeader {
		return nil, fmt.Errorf("cities.tsv: no header")
	}
	return rows, nil
}

// buildCities parses the city table and indexes every spelling. The
// folds of all spellings share one string, and the cities of all names
// one array.
func buildCities(tsv string) (*cities, error) {
	rows, err := parseCities(tsv)
	if err != nil {
		return nil, err
	}
	type spelling struct {
		text       string
		row        int32
		start, end int32 // of its fold in arena
	}
	spellings := make([]spelling, 0, len(rows)+len(rows)/8)
	var arena []byte
	admins := map[string]string{} // folded admin -> the countries that have one, concatenated
	for i, r := range rows {
		for k := -1; k < len(r.alts); k++ {
			text := r.city.Name
			if k >= 0 {
				text = r.alts[k]
			}
			start := len(arena)
			arena = appendFoldedName(arena, text)
			spellings = append(spellings, spelling{text, int32(i), int32(start), int32(len(arena))})
		}
		if isos := admins[r.admin]; r.admin != "" && !strings.Contains(isos, r.city.ISO3) {
			admins[r.admin] = isos + r.city.ISO3
		}
	}
	folded := string(arena)

	// One name per distinct fold, and the cities of each name.
	ids := make(map[string]int32, len(spellings))
	names := make([]CityName, 0, len(rows))
	of := make([]int32, len(spellings)) // spelling -> name
	for i, sp := range spellings {
		f := folded[sp.start:sp.end]
		id, ok := ids[f]
		if !ok {
			g, err := newCityName(sp.text, f)
			if err != nil {
				return nil, fmt.Errorf("cities.tsv: %s: %w", rows[sp.row].city.Name, err)
			}
			id = int32(len(names))
			ids[f] = id
			names = append(names, g)
		}
		of[i] = id
		// the flag is the name's, not an alternate spelling's
		names[id].Word = names[id].Word || rows[sp.row].word && sp.text == rows[sp.row].city.Name
	}
	start := make([]int32, len(names)+1)
	for _, id := range of {
		start[id+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	all := make([]City, len(spellings))
	fill := slices.Clone(start[:len(names)])
	for i, sp := range spellings {
		all[fill[of[i]]] = rows[sp.row].city
		fill[of[i]]++
	}

	t := &cities{index: make(map[string]*CityName, len(names)), rows: len(rows)}
	countries := table()
	for i := range names {
		g := &names[i]
		g.Cities = all[start[i]:start[i+1]:start[i+1]]
		slices.SortStableFunc(g.Cities, func(a, b City) int { return b.Population - a.Population })
		// A province of the name counts unless a city of the name lies
		// in its country ("Madrid", "Tokyo", "New York").
		for isos := admins[g.folded]; isos != ""; isos = isos[3:] {
			iso := isos[:3]
			if !slices.ContainsFunc(g.Cities, func(c City) bool { return c.ISO3 == iso }) {
				g.Province = true
			}
		}
		first := g.firstWord()
		if countries.keyed(first) != nil {
			_, g.country = Lookup(g.Spelling)
		}
		g.Honorific = len(g.toks) > 0 && honorifics[first]
		key := g.folded[:len(g.folded)-len(strings.TrimLeftFunc(g.folded, isWordRune))]
		if key == "" {
			key = g.folded[:1]
		}
		g.next = t.index[key]
		t.index[key] = g
	}
	// Each chain longest first.
	var chain []*CityName
	for key, g := range t.index {
		if g.next == nil {
			continue
		}
		chain = chain[:0]
		for ; g != nil; g = g.next {
			chain = append(chain, g)
		}
		slices.SortStableFunc(chain, func(a, b *CityName) int { return len(b.toks) - len(a.toks) })
		for k, g := range chain {
			g.next = nil
			if k+1 < len(chain) {
				g.next = chain[k+1]
			}
		}
		t.index[key] = chain[0]
		if len(chain) >= longChain {
			head := chain[0]
			head.bySecond = map[string]*CityName{}
			last := map[string]*CityName{}
			for _, g := range chain {
				if len(g.toks) == 0 {
					if head.single == nil {
						head.single = g
					}
					continue
				}
				if p := last[g.toks[0]]; p != nil {
					p.nextSame = g
				} else {
					head.bySecond[g.toks[0]] = g
				}
				last[g.toks[0]] = g
			}
		}
	}
	for _, head := range t.index {
		for g := head; g != nil; g = g.next {
			if len(g.toks) == 0 {
				if head.oneWord == nil {
					head.oneWord = g
				}
			} else if c := g.toks[0][0]; c < utf8.RuneSelf {
				head.follow |= 1 << (c & 63)
			}
		}
	}
	t.keys = newKeyFilter(19)
	for key := range t.index {
		t.keys.add(fnvString(key))
	}
	return t, nil
}

// appendFoldedName appends Fold(s) to dst with its words separated by
// single spaces.
func appendFoldedName(dst []byte, s string) []byte {
	n := 0
	for w := range strings.FieldsSeq(s) {
		if n > 0 {
			dst = append(dst, ' ')
		}
		dst = appendFold(dst, w)
		n++
	}
	return dst
}

// newCityName returns the name spelled s, whose fold is f.
func newCityName(s, f string) (CityName, error) {
	g := CityName{Spelling: s, folded: f}
	k := 0
	for i, j := 0, 0; ; k++ {
		tok, ok := scan(s, i)
		ft, fok := scan(f, j)
		if ok != fok || k > maxTokens {
			return g, fmt.Errorf("name %q: more than %d tokens, or folds to other tokens", s, maxTokens)
		}
		if !ok {
			break
		}
		if r, _ := utf8.DecodeRuneInString(tok.s); !unicode.IsUpper(r) {
			g.anyCase |= 1 << k
		}
		if k > 0 {
			g.toks = append(g.toks, ft.s)
		}
		i, j = tok.end, ft.end
	}
	if k == 0 || g.anyCase&1 != 0 {
		return g, fmt.Errorf("name %q: must start with a capitalized word", s)
	}
	return g, nil
}

// firstWord returns the first token of g's spelling.
func (g *CityName) firstWord() string {
	tok, _ := scan(g.Spelling, 0)
	return tok.s
}

// byName returns the name whose fold is f, or nil.
func (t *cities) byName(f string) *CityName {
	first, ok := scan(f, 0)
	if !ok {
		return nil
	}
	for g := t.index[first.s]; g != nil; g = g.next {
		if g.folded == f {
			return g
		}
	}
	return nil
}

// candidates returns the names whose first token folds like the word s,
// chained longest first. A word is folded on the stack.
func (t *cities) candidates(s string) *CityName {
	var buf [64]byte
	if b, ok := lowerASCII(&buf, s); ok {
		if !t.keys.mayHave(fnvBytes(b)) {
			return nil
		}
		return t.index[string(b)]
	}
	if len(s) > len(buf) {
		return nil
	}
	return t.index[string(appendFold(buf[:0], s))]
}

// matches reports whether g's tokens after the first match the window's:
// on one line, each text token folding like g's, capitalized where g's
// is.
func (g *CityName) matches(w *window) bool {
	for k, want := range g.toks {
		tok := w.at(k + 1)
		if tok == nil || tok.nl > 0 || !foldedEqual(tok.s, want) {
			return false
		}
		if tok.word && g.anyCase&(1<<(k+1)) == 0 {
			if r, _ := utf8.DecodeRuneInString(tok.s); !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return true
}

// find implements AppendFindCities. It passes over the spaces,
// punctuation and words that do not start with a capital (the tokens scan
// would read) without scanning them, and folds and hashes a capitalized
// ASCII word as it reads it.
func (t *cities) find(dst []CityMatch, text string) []CityMatch {
	var (
		out = dst
		w   window
		buf [64]byte
	)
	for i := 0; i < len(text); {
		// Only a capital or a byte beyond ASCII can start a name: pass
		// over the other bytes, then over the rest of a word they leave
		// us in ("McDonald", "Zürich").
		i = skipPlain(text, i)
		if i == len(text) {
			break
		}
		if i > 0 && wordBefore(text, i) {
			if e := wordEnd(text, i); e > i {
				i = e
				continue
			}
			// a rune that is no word's follows one: "Korea’s"
		}
		c := text[i]
		var tok token
		var g *CityName
		if c < utf8.RuneSelf { // a capital
			e, h := asciiWordHash(text, i, buf[:])
			if e < len(text) && text[e] >= utf8.RuneSelf {
				// the word goes on past ASCII: read it whole
				tok, _ = scan(text, i)
				i = tok.end
				g = t.candidates(tok.s)
			} else {
				start := i
				i = e
				if e-start > len(buf) || !t.keys.mayHave(h) {
					continue
				}
				tok = token{start: start, end: e, s: text[start:e], word: true}
				g = t.index[string(buf[:e-start])]
			}
		} else {
			r, n := utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				i += n
				continue
			}
			if !unicode.IsUpper(r) {
				i = wordEnd(text, i+n)
				continue
			}
			tok, _ = scan(text, i)
			i = tok.end
			g = t.candidates(tok.s)
		}
		if g == nil {
			continue
		}
		end := tok.end
		if !g.mayFollow(text, tok.end) {
			g = g.oneWord // most names are one word, alone in their chain
		} else {
			w.reset(text, tok)
			// The next token, folded if ASCII, turns most longer names
			// away before they match token by token.
			var next []byte
			nextOK := false
			if nt := w.at(1); nt != nil && nt.nl == 0 {
				next, nextOK = lowerASCII(&buf, nt.s)
			}
			if g = g.first(&w, next, nextOK); g != nil {
				end = w.toks[len(g.toks)].end
			}
		}
		if g != nil && !g.country { // a country wins: "Singapore", "Djibouti"
			if out == nil {
				out = make([]CityMatch, 0, len(text)/200+4) // about a candidate in 250 bytes of a release
			}
			out = append(out, CityMatch{Start: tok.start, End: end, Name: g})
			i = end
		}
	}
	return out
}

// skipPlain returns the offset of the first byte of text from i that is
// a capital or beyond ASCII, or len(text). It tests eight bytes at a time:
// the high bit of each byte of m is set for a byte beyond ASCII, or for
// an ASCII byte that adding 0x80-'A' lifts to 0x80 and adding 0x80-'Z'-1
// does not. A sum carries into the next byte only from a byte beyond
// ASCII, so the lowest flagged byte is flagged rightly.
func skipPlain(text string, i int) int {
	const ones = 0x0101010101010101
	for ; i+8 <= len(text); i += 8 {
		s := text[i : i+8]
		w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		if m := (w | (w+(0x80-'A')*ones)&^(w+(0x80-'Z'-1)*ones)) & (0x80 * ones); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for i < len(text) && plainByte[text[i]] {
		i++
	}
	return i
}

// plainByte marks the ASCII bytes other than capitals.
var plainByte = func() (t [256]bool) {
	for c := range 128 {
		t[c] = c < 'A' || c > 'Z'
	}
	return t
}()

// wordBefore reports whether the rune before byte i of text is a word
// rune, so that a word does not start at i. Decoding backwards finds the
// rune that decoding forwards from the start of text ends at i with: a
// multi-byte rune begins with a byte that no other rune holds.
func wordBefore(text string, i int) bool {
	if c := text[i-1]; c < utf8.RuneSelf {
		return asciiWord[c]
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return isWordRune(r)
}

// wordEnd returns the end of the word that goes on at byte i of text: the
// end of the run of word runes from i.
func wordEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if asciiWord[c] {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		i += n
	}
	return i
}
