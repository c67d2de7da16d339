package gazetteer

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed data/countries.tsv
var countriesTSV string

//go:embed data/not_countries.tsv
var notCountriesTSV string

var (
	tableOnce sync.Once
	theTable  *gazTable
)

// table returns the index built from the embedded data files. It is built
// once, on first use, and never modified afterwards.
func table() *gazTable {
	tableOnce.Do(func() {
		t, err := build(countriesTSV, notCountriesTSV)
		if err != nil {
			// The data is embedded: a bad file is a bug caught by the tests.
			panic("gazetteer: " + err.Error())
		}
		theTable = t
	})
	return theTable
}

// maxTokens bounds the length of an entry in tokens ("Democratic People's
// Republic of Korea" is 7: the apostrophe is a token of its own).
const maxTokens = 16

// caseMode says how an entry's token compares with a text token.
type caseMode uint8

const (
	anyCase caseMode = iota // lower-case word or punctuation: any case ("of", "the")
	capital                 // capitalised word: the text word must start with a capital too
	exact                   // capitals after the first letter ("US", "BiH"): byte for byte
)

// ptok is one token of an entry.
type ptok struct {
	s string
	m caseMode
}

// entry is one form in the table: a sequence of tokens naming a country,
// or (iso3 == "") a phrase that names none.
type entry struct {
	toks    []ptok
	iso3    string
	form    Form
	text    string // the table's spelling
	alt     string // "@ISO3": the reading when the text names ISO3 and not iso3
	person  bool   // "?": also a personal name
	pronoun bool   // "^": also an English word written in capitals ("US")
	// next is the lower-cased first byte of the second token when it is
	// ASCII, else 0.
	next byte
}

// gazTable is the parsed data and the index over it.
type gazTable struct {
	countries []Country
	byISO3    map[string]int
	byISO2    map[string]string // alpha-2 -> alpha-3
	// index maps the lower-cased first token of every entry to the entries
	// starting with it.
	index     map[string]*keyed
	maxKeyLen int
	// lowerOK marks the lower-case ASCII letters that start an entry whose
	// first word may be written in lower case ("the Emirates"). Other
	// lower-case words cannot start a match and skip the index.
	lowerOK [128]bool
	// keys is a Bloom filter over the ASCII keys of index: most words of
	// a text start no entry, and the filter turns them away without a
	// map lookup.
	keys keyFilter
}

// keyFilter is a Bloom filter over FNV-1a hashes of keys: 2^bits bits,
// two probes a key (the hash's low bits and the bits above them). The
// country index's has 2^15 bits for about 1,400 keys (about one word in
// 150 that is no key gets through); the city index's 2^19 bits (64 KB,
// held in a core's cache) for 28,749 keys (about one in a hundred).
type keyFilter struct {
	words []uint64
	bits  uint
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func newKeyFilter(bits uint) keyFilter {
	return keyFilter{words: make([]uint64, 1<<bits/64), bits: bits}
}

func (f *keyFilter) add(h uint64) {
	mask := uint64(1)<<f.bits - 1
	for _, b := range [2]uint64{h & mask, h >> f.bits & mask} {
		f.words[b/64] |= 1 << (b % 64)
	}
}

// mayHave reports whether a key with hash h may be in the filter.
func (f *keyFilter) mayHave(h uint64) bool {
	mask := uint64(1)<<f.bits - 1
	b1, b2 := h&mask, h>>f.bits&mask
	return f.words[b1/64]&(1<<(b1%64)) != 0 && f.words[b2/64]&(1<<(b2%64)) != 0
}

// fnvString returns the FNV-1a hash of s.
func fnvString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// keyed holds the entries whose first token folds to one key.
type keyed struct {
	all []*entry // longest first
	// A long list ("Republic ...", "Saint ...") is split by second token,
	// so that a word does not try every entry it starts: byNext maps a
	// lower-case ASCII second token to the entries of all, in order, that
	// can follow it: those with that second token and those in short.
	// short holds the entries that any second token may follow: one
	// token long, or with a second token that is not ASCII.
	byNext map[string][]*entry
	short  []*entry
	// follow has the bit of each lower-cased ASCII byte that a second
	// token of all starts with, unless anyNext: some entry is one token
	// long or has a second token that is not ASCII.
	follow  [4]uint64
	anyNext bool
}

// mayFollow reports whether an entry of k may match when its first token
// ends at byte i of text: whether the token after it may start as a
// second token of k does. It reads only ASCII spaces and the next byte.
func (k *keyed) mayFollow(text string, i int) bool {
	if k.anyNext {
		return true
	}
	for i < len(text) && asciiSpace[text[i]] {
		i++
	}
	if i == len(text) {
		return false // every entry has a second token
	}
	c := text[i]
	if c >= utf8.RuneSelf {
		return true
	}
	if c == '`' {
		c = '\'' // as scan reads it
	}
	c = asciiLower[c]
	return k.follow[c>>6]&(1<<(c&63)) != 0
}

// minSplit is the length from which a key's list is split by second token.
const minSplit = 8

// split fills k.byNext and k.short when k.all is long.
func (k *keyed) split() {
	if len(k.all) < minSplit {
		return
	}
	isShort := func(e *entry) bool { return len(e.toks) == 1 || !isASCII(e.toks[1].s) }
	k.byNext = map[string][]*entry{}
	for _, e := range k.all {
		if isShort(e) {
			k.short = append(k.short, e)
			continue
		}
		k.byNext[strings.ToLower(e.toks[1].s)] = nil
	}
	for next := range k.byNext {
		var es []*entry
		for _, e := range k.all {
			if isShort(e) || strings.ToLower(e.toks[1].s) == next {
				es = append(es, e)
			}
		}
		k.byNext[next] = es
	}
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

const header = "iso3\tiso2\tname\tnames\taliases\tdemonyms\tcities"

// build parses the two data files and indexes every form.
func build(countries, notCountries string) (*gazTable, error) {
	t := &gazTable{byISO3: map[string]int{}, byISO2: map[string]string{}, index: map[string]*keyed{}, keys: newKeyFilter(15)}
	seenISO2 := map[string]bool{}
	type pending struct {
		iso3, text, alt string
		form            Form
		person, pronoun bool
		generated       bool
	}
	var forms []pending
	sawHeader := false
	for n, line := range dataLines(countries) {
		if !sawHeader {
			if line != header {
				return nil, fmt.Errorf("countries.tsv:%d: header %q, want %q", n, line, header)
			}
			sawHeader = true
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 7 {
			return nil, fmt.Errorf("countries.tsv:%d: %d columns, want 7", n, len(cols))
		}
		iso3, iso2 := cols[0], cols[1]
		if !isUpperCode(iso3, 3) || !isUpperCode(iso2, 2) {
			return nil, fmt.Errorf("countries.tsv:%d: bad codes %q %q", n, iso3, iso2)
		}
		if _, dup := t.byISO3[iso3]; dup || seenISO2[iso2] {
			return nil, fmt.Errorf("countries.tsv:%d: duplicate code %s/%s", n, iso3, iso2)
		}
		seenISO2[iso2] = true
		c := Country{ISO3: iso3, ISO2: iso2}
		cells := []struct {
			form Form
			dst  *[]string
		}{{FormName, nil}, {FormName, &c.Names}, {FormAlias, &c.Aliases}, {FormDemonym, &c.Demonyms}, {FormCity, &c.Cities}}
		for k, cell := range cells {
			raw := cols[2+k]
			if raw == "-" {
				if k == 0 {
					return nil, fmt.Errorf("countries.tsv:%d: %s has no name", n, iso3)
				}
				continue
			}
			for _, item := range strings.Split(raw, "|") {
				p := pending{iso3: iso3, form: cell.form}
				text := strings.TrimSpace(item)
				for len(text) > 0 && (text[0] == '?' || text[0] == '^') {
					p.person = p.person || text[0] == '?'
					p.pronoun = p.pronoun || text[0] == '^'
					text = text[1:]
				}
				if i := strings.LastIndexByte(text, '@'); i >= 0 {
					text, p.alt = text[:i], text[i+1:]
				}
				if text == "" || strings.ContainsAny(text, "?^@") {
					return nil, fmt.Errorf("countries.tsv:%d: bad entry %q", n, item)
				}
				p.text = text
				forms = append(forms, p)
				if k == 0 {
					c.Name = text
				} else {
					*cell.dst = append(*cell.dst, text)
				}
				if cell.form == FormDemonym {
					if pl, ok := plural(text); ok {
						q := p
						q.text, q.generated = pl, true
						forms = append(forms, q)
					}
				}
			}
		}
		t.byISO3[iso3] = len(t.countries)
		t.byISO2[iso2] = iso3
		t.countries = append(t.countries, c)
	}
	if !sawHeader {
		return nil, fmt.Errorf("countries.tsv: no header")
	}
	sort.Slice(t.countries, func(i, j int) bool { return t.countries[i].ISO3 < t.countries[j].ISO3 })
	for i, c := range t.countries {
		t.byISO3[c.ISO3] = i
	}
	for n, line := range dataLines(notCountries) {
		text, _, _ := strings.Cut(line, "\t")
		if text = strings.TrimSpace(text); text == "" {
			return nil, fmt.Errorf("not_countries.tsv:%d: empty phrase", n)
		}
		forms = append(forms, pending{text: text})
	}

	// Index every form. The same tokens may be listed twice for one
	// country (a generated plural equal to a name: "Laos"); tokens that
	// fold to the same words for two countries are an ambiguity the
	// table must resolve by hand.
	folded := map[string]string{} // folded token sequence -> iso3
	seen := map[string]bool{}     // exact token sequence
	for _, p := range forms {
		if p.alt != "" {
			if _, ok := t.byISO3[p.alt]; !ok || p.alt == p.iso3 {
				return nil, fmt.Errorf("countries.tsv: %s %q: bad alternative %q", p.iso3, p.text, p.alt)
			}
		}
		e := &entry{iso3: p.iso3, form: p.form, text: p.text, alt: p.alt, person: p.person, pronoun: p.pronoun}
		for i := 0; i < len(p.text); {
			tok, ok := scan(p.text, i)
			if !ok {
				break
			}
			e.toks = append(e.toks, ptok{s: tok.s, m: modeOf(tok.s)})
			i = tok.end
		}
		if len(e.toks) == 0 || len(e.toks) > maxTokens || !e.toks[0].isWord() {
			return nil, fmt.Errorf("entry %q: must be 1 to %d tokens starting with a word", p.text, maxTokens)
		}
		if len(e.toks) > 1 && e.toks[1].s[0] < utf8.RuneSelf {
			e.next = asciiLower[e.toks[1].s[0]]
		}
		var fk, ek strings.Builder
		for _, pt := range e.toks {
			fk.WriteString(strings.ToLower(pt.s))
			fk.WriteByte(0)
			ek.WriteString(pt.s)
			ek.WriteByte(0)
		}
		if seen[ek.String()] {
			if folded[fk.String()] == p.iso3 {
				continue
			}
		}
		if iso, ok := folded[fk.String()]; ok && iso != p.iso3 {
			if p.generated {
				continue
			}
			return nil, fmt.Errorf("entry %q names both %q and %q", p.text, iso, p.iso3)
		}
		folded[fk.String()] = p.iso3
		seen[ek.String()] = true
		key := strings.ToLower(e.toks[0].s)
		if t.index[key] == nil {
			t.index[key] = &keyed{}
		}
		t.index[key].all = append(t.index[key].all, e)
		if e.toks[0].m == anyCase && key[0] < utf8.RuneSelf {
			t.lowerOK[key[0]] = true
		}
		t.maxKeyLen = max(t.maxKeyLen, len(key))
	}
	if t.maxKeyLen > 64 {
		return nil, fmt.Errorf("a first word longer than 64 bytes")
	}
	for key, k := range t.index {
		es := k.all
		sort.SliceStable(es, func(i, j int) bool { return len(es[i].toks) > len(es[j].toks) })
		k.split()
		for _, e := range es {
			if e.next == 0 {
				k.anyNext = true
			}
			k.follow[e.next>>6] |= 1 << (e.next & 63)
		}
		t.keys.add(fnvString(key))
	}
	return t, nil
}

func isUpperCode(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < n; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// plural returns the -s plural of a demonym, unless it has none ("Swiss",
// "British", "Vietnamese").
func plural(d string) (string, bool) {
	l := strings.ToLower(d)
	for _, suf := range []string{"s", "sh", "ch", "x", "z", "ese", "i-kiribati", "ni-vanuatu"} {
		if strings.HasSuffix(l, suf) {
			return "", false
		}
	}
	r, _ := utf8.DecodeLastRuneInString(d)
	if !unicode.IsLetter(r) {
		return "", false
	}
	return d + "s", true
}

// modeOf returns how an entry token compares with text.
func modeOf(s string) caseMode {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return anyCase
	}
	for _, r := range s[n:] {
		if unicode.IsUpper(r) {
			return exact
		}
	}
	return capital
}

func (p ptok) isWord() bool {
	r, _ := utf8.DecodeRuneInString(p.s)
	return isWordRune(r)
}

// equal reports whether text token s matches p. In lookup mode a
// capitalised entry word matches any case.
func (p ptok) equal(s string, lookup bool) bool {
	switch p.m {
	case exact:
		return s == p.s
	case capital:
		if !lookup {
			r, _ := utf8.DecodeRuneInString(s)
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return strings.EqualFold(s, p.s)
}

// token is one token of a text: a run of letters, digits and marks, or a
// single other character. Apostrophes and hyphens are normalized in s so
// that "People’s" and "People's" compare equal.
type token struct {
	start, end int
	s          string
	word       bool
	nl         int // line breaks in the space before the token, at most 2
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isASCIIWord(c byte) bool { return asciiWord[c] }

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := range 128 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// scan returns the first token of text at or after byte i.
func scan(text string, i int) (token, bool) {
	nl := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch c {
			case '\n':
				nl++
				i++
				continue
			case ' ', '\t', '\r', '\v', '\f':
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\u2028' || r == '\u2029' {
			nl++
		} else if !unicode.IsSpace(r) && r != '\u200b' && r != '\ufeff' {
			break
		}
		i += n
	}
	if i >= len(text) {
		return token{}, false
	}
	nl = min(nl, 2)
	start := i
	c := text[i]
	if c < utf8.RuneSelf && !isASCIIWord(c) {
		s := text[i : i+1]
		if c == '`' {
			s = "'"
		}
		return token{start: start, end: i + 1, s: s, nl: nl}, true
	}
	r, n := rune(c), 1
	if c >= utf8.RuneSelf {
		r, n = utf8.DecodeRuneInString(text[i:])
	}
	if !isWordRune(r) {
		s := text[i : i+n]
		switch r {
		case '\u2018', '\u2019', '\u02bc', '\u2032':
			s = "'"
		case '\u2010', '\u2011', '\u2012', '\u2013':
			s = "-"
		}
		return token{start: start, end: i + n, s: s, nl: nl}, true
	}
	i = wordEnd(text, i+n)
	return token{start: start, end: i, s: text[start:i], word: true, nl: nl}, true
}

// candidates returns the entries whose first token folds to s's fold,
// longest first.
func (t *gazTable) candidates(s string) []*entry {
	if k := t.keyed(s); k != nil {
		return k.all
	}
	return nil
}

// keyed returns the entries whose first token folds to s's fold, or nil.
// An ASCII word is lower-cased on the stack and looked up only when the
// key filter lets it through.
func (t *gazTable) keyed(s string) *keyed {
	var buf [64]byte
	if len(s) > t.maxKeyLen || len(s) > len(buf) {
		return nil
	}
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return t.keyedUnicode(s)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
		h ^= uint64(c)
		h *= fnvPrime
	}
	if !t.keys.mayHave(h) {
		return nil
	}
	return t.index[string(buf[:len(s)])]
}

// keyedUnicode is keyed for a word that is not ASCII, lower-cased as
// strings.ToLower does (a word is valid UTF-8), on the stack when it is
// short.
func (t *gazTable) keyedUnicode(s string) *keyed {
	var buf [64]byte
	b := buf[:0]
	for _, r := range s {
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	if !t.keys.mayHave(fnvBytes(b)) {
		return nil
	}
	return t.index[string(b)]
}

// fnvBytes returns the FNV-1a hash of b.
func fnvBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// window holds the tokens from one position on, scanned on demand.
type window struct {
	text string
	toks [maxTokens + 1]token
	n    int
	done bool
}

func (w *window) reset(text string, first token) {
	w.text, w.toks[0], w.n, w.done = text, first, 1, false
}

// at returns the k-th token of the window, or nil after the end of the
// text. The token stays valid until the next reset.
func (w *window) at(k int) *token {
	for w.n <= k {
		if w.done {
			return nil
		}
		t, ok := scan(w.text, w.toks[w.n-1].end)
		if !ok {
			w.done = true
			return nil
		}
		w.toks[w.n] = t
		w.n++
	}
	return &w.toks[k]
}

// matches reports whether e matches the window's first tokens. An entry
// never spans a paragraph break.
func (e *entry) matches(w *window, lookup bool) bool {
	for k := range e.toks {
		tok := w.at(k)
		if tok == nil || (k > 0 && tok.nl > 1) || !e.toks[k].equal(tok.s, lookup) {
			return false
		}
	}
	return true
}

// from returns the entries of k that may match the window, longest
// first: all of them, or for a split list those that can follow its
// second token.
func (k *keyed) from(w *window) []*entry {
	if k.byNext == nil {
		return k.all
	}
	next := w.at(1)
	if next == nil {
		return k.all
	}
	var buf [64]byte
	low, ok := lowerASCII(&buf, next.s)
	if !ok {
		return k.all
	}
	if es, ok := k.byNext[string(low)]; ok {
		return es
	}
	return k.short
}

// find implements AppendFind.
func (t *gazTable) find(dst []Match, text string) []Match {
	var (
		out       = dst
		base      = len(dst)
		ambiguous []int    // indexes in out[base:] of entries with an alternative reading
		hidden    []string // not-country phrases found ("state of Georgia")
		w         window
		buf       [64]byte
		prev      prevs
		i         int
		tok       token
	)
	for {
		// The common cases first (see skip): the tokens that start no
		// entry, passed over without scan, and an ASCII word the key
		// filter lets through, read and lower-cased on the way.
		var read bool
		i, read = t.skip(text, i, &buf, &prev, &tok)
		from := i
		var ks *keyed
		if read {
			i = tok.end
			ks = t.index[string(buf[:tok.end-tok.start])]
		} else {
			var ok bool
			if tok, ok = scan(text, i); !ok {
				break
			}
			i = tok.end
			if c := tok.s[0]; tok.word && !('a' <= c && c <= 'z' && !t.lowerOK[c]) {
				ks = t.keyed(tok.s)
			}
		}
		var hit *entry
		if ks != nil && ks.mayFollow(text, tok.end) {
			w.reset(text, tok)
			for _, e := range ks.from(&w) {
				// an entry whose second token starts with another ASCII
				// byte than the text's cannot match
				if e.next != 0 {
					if nt := w.at(1); nt != nil && nt.s[0] < utf8.RuneSelf && asciiLower[nt.s[0]] != e.next {
						continue
					}
				}
				if !e.matches(&w, false) {
					continue
				}
				// only a personal name or a pronoun can be vetoed
				if len(e.toks) == 1 && (e.person || e.pronoun) &&
					t.vetoed(e, &w, prevToken(text, prev.pos1, prev.np >= 1), prevToken(text, prev.pos2, prev.np >= 2), prev.np) {
					continue
				}
				hit = e
				break
			}
		}
		if hit == nil {
			prev.push(from)
			continue
		}
		k := len(hit.toks)
		last := w.toks[k-1]
		i = last.end
		if k >= 2 {
			// the entry's last two tokens, scanned from the ends of the
			// tokens before them
			prev = prevs{pos1: w.toks[k-2].end, pos2: from, np: 2}
			if k >= 3 {
				prev.pos2 = w.toks[k-3].end
			}
		} else {
			prev.push(from)
		}
		if hit.iso3 == "" {
			hidden = append(hidden, hit.text)
			continue // a phrase that names no country
		}
		if hit.alt != "" {
			ambiguous = append(ambiguous, len(out)-base)
		}
		if out == nil {
			out = make([]Match, 0, len(text)/256+4) // about one match in 200 bytes of a release
		}
		out = append(out, Match{Start: tok.start, End: last.end, ISO3: hit.iso3, Form: hit.form, Entry: hit.text})
	}
	if len(ambiguous) > 0 {
		resolve(out[base:], ambiguous, t)
	}
	if len(hidden) > 0 {
		out = out[:base+len(oneSense(out[base:], hidden))]
	}
	return out
}

// prevs are the two tokens before find's current one, kept as the
// offsets their scans started from and scanned again in the rare case that
// a veto reads them (see prevToken).
type prevs struct {
	pos1, pos2 int
	np         int // how many of them there are
}

// push makes the token scanned from pos the one before the next.
func (p *prevs) push(pos int) { p.pos2, p.pos1, p.np = p.pos1, pos, min(p.np+1, 2) }

// skip passes over the tokens from i that start no entry and lie in
// ASCII with only ASCII spaces before them: punctuation marks, lower-case
// words whose first letter starts no entry (see lowerOK), and words the
// key filter turns away. It returns where the scan of the first other
// token starts, with p updated for the tokens passed over. When that
// token is a word the filter lets through, skip also reports it read:
// it is in tok as scan reads it, lower-cased in buf (the key keyed looks
// up).
func (t *gazTable) skip(text string, i int, buf *[64]byte, p *prevs, tok *token) (int, bool) {
	for {
		from := i
		for i < len(text) && asciiSpace[text[i]] {
			i++
		}
		if i == len(text) {
			return from, false
		}
		c := text[i]
		if c >= utf8.RuneSelf {
			return from, false
		}
		e := i + 1
		switch {
		case !asciiWord[c]:
		case 'a' <= c && c <= 'z' && !t.lowerOK[c]:
			for e < len(text) && asciiWord[text[e]] {
				e++
			}
			if e < len(text) && text[e] >= utf8.RuneSelf {
				return from, false
			}
		default:
			// hashed lower-cased, as keyed does
			var h uint64
			e, h = asciiWordHash(text, i, buf[:])
			if e < len(text) && text[e] >= utf8.RuneSelf {
				return from, false
			}
			if e-i <= t.maxKeyLen && t.keys.mayHave(h) {
				nl := min(strings.Count(text[from:i], "\n"), 2)
				*tok = token{start: i, end: e, s: text[i:e], word: true, nl: nl}
				return from, true
			}
		}
		p.push(from)
		i = e
	}
}

// asciiWordHash reads the run of ASCII word bytes of text from i: it
// returns where the run ends and the FNV-1a hash of its lower case, which
// it also copies into buf as far as buf goes.
func asciiWordHash(text string, i int, buf []byte) (int, uint64) {
	h := uint64(fnvOffset)
	e := i
	for ; e < len(text) && asciiWord[text[e]]; e++ {
		b := asciiLower[text[e]]
		if e-i < len(buf) {
			buf[e-i] = b
		}
		h ^= uint64(b)
		h *= fnvPrime
	}
	return e, h
}

// asciiSpace marks the ASCII spaces scan skips.
var asciiSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

// asciiLower maps an ASCII byte to its lower case.
var asciiLower = func() (t [256]byte) {
	for c := range 256 {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

// prevToken returns the token that a scan of text from pos reads, or
// none when ok is false.
func prevToken(text string, pos int, ok bool) token {
	if !ok {
		return token{}
	}
	tok, _ := scan(text, pos)
	return tok
}

// oneSense reads a bare name the way the document reads it elsewhere:
// once the text has said "the U.S. states of Georgia", a later "Governor
// of Georgia" is the state too. It drops matches of a bare name that a
// not-country phrase of the document contains, unless the document also
// names that country otherwise (its capital, its official name).
func oneSense(out []Match, hidden []string) []Match {
	words := map[string]bool{}
	for _, h := range hidden {
		for _, w := range strings.Fields(h) {
			words[w] = true
		}
	}
	other := map[string]bool{} // countries named by another form too
	for _, m := range out {
		if !words[m.Entry] {
			other[m.ISO3] = true
		}
	}
	kept := out[:0]
	for _, m := range out {
		if words[m.Entry] && m.Form == FormName && !other[m.ISO3] {
			continue
		}
		kept = append(kept, m)
	}
	return kept
}

// resolve reads an ambiguous form ("Congo") as its alternative country
// when the text names that country unambiguously and not the default one.
func resolve(out []Match, ambiguous []int, t *gazTable) {
	named := map[string]bool{}
	for i, m := range out {
		if !slices.Contains(ambiguous, i) {
			named[m.ISO3] = true
		}
	}
	for _, i := range ambiguous {
		alt := t.altOf(out[i])
		if alt != "" && named[alt] && !named[out[i].ISO3] {
			out[i].ISO3 = alt
		}
	}
}

// altOf returns the alternative reading of m's entry.
func (t *gazTable) altOf(m Match) string {
	for _, e := range t.candidates(firstWord(m.Entry)) {
		if e.text == m.Entry && e.iso3 == m.ISO3 {
			return e.alt
		}
	}
	return ""
}

func firstWord(s string) string {
	tok, _ := scan(s, 0)
	return tok.s
}

// Context words for vetoes. They are compared as written.
var (
	// honorifics before a personal name: "Mr. Jordan", "Dr Chad Smith",
	// and titles: "Minister Jordan" is a person; the country's minister is
	// "Minister of Jordan" or "Jordan's Minister".
	honorifics = set("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Mme", "Madam", "Mister",
		"Lady", "Lord", "Minister", "President", "Secretary", "Senator", "Sen", "Ambassador", "Governor", "Gov", "Mayor",
		"Director", "Chairman", "Chairwoman", "Chairperson", "Commissioner", "Judge", "Justice", "General", "Gen",
		"Colonel", "Col", "Captain", "Capt", "Deputy", "Representative", "Rep", "Councillor", "Councilman",
		"Congressman", "Congresswoman", "Officer", "Coach", "Father", "Reverend", "Rev", "Hon", "Honourable", "Honorable")
	// abbreviated are the honorifics written with a period: "Mr. Jordan",
	// but "... the Minister. Georgia is ...".
	abbreviated = set("Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Mme", "Sen", "Gov", "Gen", "Col", "Capt", "Rep", "Rev", "Hon")
	// followers are capitalised words that follow a country's name in
	// names of bodies, places and offices ("Jordan Valley Authority",
	// "Georgia Minister"), unlike a surname ("Jordan Peterson").
	followers = set("Minister", "Ministers", "Ministry", "Ministries", "Government", "President", "Prime", "Premier",
		"King", "Queen", "Crown", "Royal", "Emir", "Embassy", "Embassies", "Ambassador", "Consulate", "Parliament",
		"Senate", "Cabinet", "Council", "Office", "Authority", "Agency", "Commission", "Committee", "Department",
		"National", "Foreign", "Armed", "Army", "Navy", "Air", "Airways", "Airlines", "Police", "Defence", "Defense",
		"Forces", "Customs", "Post", "Telecom", "Bank", "Central", "Investment", "Chamber", "Trade", "Export",
		"Development", "Institute", "University", "Museum", "Foundation", "Society", "Association", "Federation",
		"Union", "Company", "Corporation", "Group", "Team", "Pavilion", "Week", "Day", "Days", "Expo", "Forum",
		"Summit", "Partnership", "Peace", "Treaty", "Agreement", "Accord", "Times", "News", "Radio", "Television",
		"Valley", "River", "Basin", "Lake", "Delegation", "Mission", "Permanent", "Relations", "Hashemite",
		"First", "Today", "Vision", "Country", "Strategy", "Plan", "Programme", "Program", "Fund", "Office",
		"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
	// notNameFirst are lower-case words after which a capitalised word
	// following the country does not make it a first name: "President of
	// Georgia Salome Zourabichvili", "visit to Jordan Monday".
	notNameFirst = set("the", "of", "in", "to", "from", "for", "at", "on", "and", "or", "between", "across",
		"into", "toward", "towards", "via", "visiting", "visited", "visit", "visits", "including", "both", "than")
	// leaders are capitalised words that may stand right before a
	// country's name without being a first name: "The", "Visit Jordan".
	leaders = set("The", "In", "To", "Of", "And", "From", "With", "For", "By", "At", "On", "As", "Visit", "Visits",
		"Visiting", "Kingdom", "Hashemite", "Republic", "State", "Embassy", "Welcome", "About", "Via", "Between",
		"Including", "Both", "Neighbouring", "Neighboring", "Southern", "Northern", "Eastern", "Western", "Central",
		"Today", "Yesterday", "Meanwhile", "Also", "Then", "Here", "There", "Now", "While", "When", "Where", "Although",
		"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
	// pronounVerbs take "us" as object: "CONTACT US", "JOIN US".
	pronounVerbs = set("ABOUT", "CONTACT", "FOLLOW", "JOIN", "HELP", "LET", "TELL", "GIVE", "SHOW", "EMAIL", "CALL", "WRITE", "OF", "AMONG")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// vetoed reports whether a one-word match is, by its context, not a
// country: a personal name ("Jordan Peterson", "Michael Jordan", "Mr.
// Chad") or the pronoun in a heading ("CONTACT US").
func (t *gazTable) vetoed(e *entry, w *window, p1, p2 token, np int) bool {
	hasPrev := np >= 1 && w.toks[0].nl == 0
	hasPrev2 := hasPrev && np >= 2 && p1.nl == 0
	next := w.at(1)
	hasNext := next != nil && next.nl == 0
	if e.pronoun && hasPrev && p1.word && pronounVerbs[strings.ToUpper(p1.s)] {
		if isAllCaps(p1.s) || !hasNext || !next.word {
			return true
		}
	}
	if !e.person {
		return false
	}
	if hasPrev && (honorifics[p1.s] || p1.s == "." && hasPrev2 && abbreviated[p2.s]) {
		return true
	}
	prevCap := hasPrev && isCapWord(p1.s)
	nextCap := hasNext && isCapWord(next.s)
	// "Deputy Spokesperson Jordan Castellanos": an office, then the name.
	if prevCap && nextCap && IsTitleWord(strings.ToLower(p1.s)) {
		return true
	}
	// "Chad R. Mercer": a middle initial follows.
	if hasNext && len(next.s) == 1 && next.s[0] >= 'A' && next.s[0] <= 'Z' {
		if dot := w.at(2); dot != nil && dot.s == "." && dot.nl == 0 {
			return true
		}
	}
	// "said Jordan Peterson": a surname follows, and the words are not a
	// title-case heading ("Jordan Hosts Regional Summit").
	if nextCap && !prevCap && !followers[next.s] && len(t.candidates(next.s)) == 0 &&
		!(hasPrev && notNameFirst[p1.s]) {
		if n2 := w.at(2); n2 == nil || n2.nl > 0 || !isCapWord(n2.s) {
			return true
		}
	}
	// "with Michael Jordan.": a first name precedes, mid-sentence.
	if prevCap && !nextCap && !leaders[p1.s] && len(t.candidates(p1.s)) == 0 &&
		hasPrev2 && (p2.word || p2.s == ",") {
		return true
	}
	return false
}

// isCapWord reports whether s is a capitalised word: "Peterson", not
// "PETERSON", "peterson" or "McDonald".
func isCapWord(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) || n == len(s) {
		return false
	}
	for _, r := range s[n:] {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

func isAllCaps(s string) bool {
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return s != ""
}

// lookup finds s as a whole entry of one of the given forms.
func lookup(s string, forms ...Form) (string, bool) {
	t := table()
	s = strings.TrimSpace(s)
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if v, ok := strings.CutSuffix(s, suf); ok {
			s = v
			break
		}
	}
	variants := []string{s}
	for _, the := range []string{"the ", "The ", "THE "} {
		if v, ok := strings.CutPrefix(s, the); ok {
			variants = append(variants, strings.TrimSpace(v))
		}
	}
	for _, v := range variants {
		if e := t.whole(v); e != nil && e.iso3 != "" && slices.Contains(forms, e.form) {
			return e.iso3, true
		}
	}
	return "", false
}

// whole returns the entry that s is, token for token, or nil.
func (t *gazTable) whole(s string) *entry {
	first, ok := scan(s, 0)
	if !ok || !first.word {
		return nil
	}
	var w window
	w.reset(s, first)
	for _, e := range t.candidates(first.s) {
		if !e.matches(&w, true) {
			continue
		}
		if w.at(len(e.toks)) == nil {
			return e
		}
	}
	return nil
}
