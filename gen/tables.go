package gen

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// The data tables. data/README.md says where each came from.
//
//go:embed data/*.tsv data/*.txt
var dataFS embed.FS

// segKind is the kind of one piece of a template.
type segKind uint8

const (
	segLit  segKind = iota // literal text
	segSlot                // a document value, {pub_country}
	segList                // a pick from a phrase list, {quote.visit}
	segAlt                 // a pick among literal alternatives, {met|held talks with}
)

// seg is one piece of a template.
type seg struct {
	kind segKind
	cap  bool // {^...}: upper-case the first letter of what is written
	low  bool // {_...}: lower-case it
	id   int  // slot or list id
	lit  string
	alts []string
}

// tmpl is a parsed template: literal text with {slots}, {lists} and
// {alternatives|like|this}.
type tmpl []seg

// Domains: the policy area a release is about. Each has its own topic,
// portfolio, MOU, forum, index, agency and background lists in phrases.txt
// ("topic.govtech", ...).
const (
	domGovtech = iota
	domForeign
	domTrade
	domSafety
	domClimate
	nDomains
)

var domainNames = [nDomains]string{"govtech", "foreign", "trade", "safety", "climate"}

// Per-domain lists.
const (
	dlTopic = iota
	dlPortfolio
	dlMOU
	dlForum
	dlIndex
	dlAgency
	dlArea
	dlBackground
	dlTheme
	dlBgSentence
	nDomLists
)

var domListNames = [nDomLists]string{"topic", "portfolio", "mou", "forum", "index", "agency", "area", "bg", "theme", "bgs"}

// country is a row of countries.tsv.
type country struct {
	key, name, formal, alias, demonym string
	culture                           int
	region                            string
	capital                           string
	cities                            []string
	royal                             string // "His Highness Sheikh", or ""
	president, premier                bool   // has an office of President, of Prime Minister
}

// culture is a naming culture: how a person's name is put together.
type culture struct {
	key          string
	format       string
	male, female []string
	family, syl  []string
	father       []string // patronymic given names; male list when empty
}

// ministry is a row of ministries.tsv.
type ministry struct {
	name, abbr         string
	domain             int
	minTitle, minShort string
	depTitle, depShort string
}

// publisher is a government that issues releases: a row of publishers.tsv.
type publisher struct {
	country     int
	leaderTitle string
	leaderShort string
	sites       []*site
	ministries  []ministry
	us          bool // month-first dates
}

// site is a website style: navigation, date line formats and position,
// footers. A row of sites.tsv.
type site struct {
	key     string
	dates   []string
	datePos string // before, after, prefix
	head    tmpl
	foot    []tmpl
}

// title is a foreign official's office: a row of titles.tsv.
type title struct {
	pattern   tmpl
	short     string
	rank      string
	honors    []string
	contained bool // the pattern names the country itself: no "Italian ..." form
}

// tables holds every embedded data table, parsed.
type tables struct {
	lists           [][]tmpl
	listNames       []string
	listID          map[string]int
	dom             [nDomains][nDomLists]int
	L               [nLists]int // ids of the lists the composer names
	listOff         []int       // bit offset of each list's items in doc.used
	nItems          int         // total items in all lists
	countries       []country
	countryID       map[string]int
	cultures        []culture
	publishers      []publisher
	pubCum          []int
	titles          []title
	titleCum        []int
	foreignMinister int // index of the "Minister of Foreign Affairs" title
	garbled         []string
}

var loadTables = sync.OnceValues(func() (*tables, error) { return parseTables(dataFS) })

// mustTables returns the parsed tables. The data is embedded, so a parse
// failure is a bug in this package, caught by its tests; it panics.
func mustTables() *tables {
	t, err := loadTables()
	if err != nil {
		panic(err)
	}
	return t
}

// readTSV returns the rows of an embedded TSV file, without comments and
// blank lines, checking that each has n fields.
func readTSV(fs embed.FS, name string, n int) ([][]string, error) {
	b, err := fs.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	sc := bufio.NewScanner(bytes.NewReader(b))
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != n {
			return nil, fmt.Errorf("gen: data/%s:%d: %d fields, want %d", name, line, len(f), n)
		}
		for i := range f {
			if f[i] == "-" {
				f[i] = ""
			}
		}
		rows = append(rows, f)
	}
	return rows, sc.Err()
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func parseTables(fs embed.FS) (*tables, error) {
	t := &tables{listID: map[string]int{}, countryID: map[string]int{}}

	// Phrase lists first: templates elsewhere may refer to them.
	b, err := fs.ReadFile("data/phrases.txt")
	if err != nil {
		return nil, err
	}
	type rawList struct {
		name  string
		lines []string
		at    []int
	}
	var raw []*rawList
	for n, s := range strings.Split(string(b), "\n") {
		s = strings.TrimRight(s, " \r")
		switch {
		case s == "" || s[0] == '#':
		case s[0] == '@':
			name := strings.TrimSpace(s[1:])
			if _, dup := t.listID[name]; dup {
				return nil, fmt.Errorf("gen: data/phrases.txt:%d: list %q defined twice", n+1, name)
			}
			t.listID[name] = len(raw)
			raw = append(raw, &rawList{name: name})
		default:
			if len(raw) == 0 {
				return nil, fmt.Errorf("gen: data/phrases.txt:%d: text before the first @list", n+1)
			}
			l := raw[len(raw)-1]
			l.lines = append(l.lines, s)
			l.at = append(l.at, n+1)
		}
	}
	// Names become lists too ("name.kor.family"), so patterns can use them.
	rows, err := readTSV(fs, "names.tsv", 3)
	if err != nil {
		return nil, err
	}
	names := map[string][]string{}
	for _, r := range rows {
		k := "name." + r[0] + "." + r[1]
		for _, v := range strings.Split(r[2], ",") {
			if v = strings.TrimSpace(v); v != "" {
				names[k] = append(names[k], v)
			}
		}
	}

	t.lists = make([][]tmpl, len(raw))
	t.listNames = make([]string, len(raw))
	for i, l := range raw {
		t.listNames[i] = l.name
		if len(l.lines) == 0 {
			return nil, fmt.Errorf("gen: data/phrases.txt: list %q is empty", l.name)
		}
		for j, s := range l.lines {
			tp, err := t.parse(s)
			if err != nil {
				return nil, fmt.Errorf("gen: data/phrases.txt:%d: %w", l.at[j], err)
			}
			t.lists[i] = append(t.lists[i], tp)
		}
	}
	for _, l := range t.lists {
		t.listOff = append(t.listOff, t.nItems)
		t.nItems += len(l)
	}
	if err := t.checkCycles(); err != nil {
		return nil, err
	}
	for d := range nDomains {
		for k := range nDomLists {
			name := domListNames[k] + "." + domainNames[d]
			id, ok := t.listID[name]
			if !ok {
				return nil, fmt.Errorf("gen: data/phrases.txt: missing list %q", name)
			}
			t.dom[d][k] = id
		}
	}
	for i, need := range requiredLists {
		id, ok := t.listID[need]
		if !ok {
			return nil, fmt.Errorf("gen: data/phrases.txt: missing list %q", need)
		}
		t.L[i] = id
	}

	// Cultures.
	rows, err = readTSV(fs, "cultures.tsv", 2)
	if err != nil {
		return nil, err
	}
	cultureID := map[string]int{}
	for _, r := range rows {
		c := culture{key: r[0], format: r[1],
			male: names["name."+r[0]+".m"], female: names["name."+r[0]+".f"],
			family: names["name."+r[0]+".family"], syl: names["name."+r[0]+".syl"],
			father: names["name."+r[0]+".father"]}
		if !knownFormats[c.format] {
			return nil, fmt.Errorf("gen: data/cultures.tsv: culture %q: unknown format %q", c.key, c.format)
		}
		if c.format != "korean" && (len(c.male) == 0 || len(c.female) == 0) {
			return nil, fmt.Errorf("gen: data/names.tsv: culture %q needs m and f names", c.key)
		}
		if c.format != "malay" && len(c.family) == 0 {
			return nil, fmt.Errorf("gen: data/names.tsv: culture %q needs family names", c.key)
		}
		if (c.format == "korean" || c.format == "chinese") && len(c.syl) == 0 {
			return nil, fmt.Errorf("gen: data/names.tsv: culture %q needs syllables", c.key)
		}
		if len(c.father) == 0 {
			c.father = c.male
		}
		cultureID[c.key] = len(t.cultures)
		t.cultures = append(t.cultures, c)
	}

	// Countries.
	rows, err = readTSV(fs, "countries.tsv", 11)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		cu, ok := cultureID[r[5]]
		if !ok {
			return nil, fmt.Errorf("gen: data/countries.tsv: %s: unknown culture %q", r[0], r[5])
		}
		c := country{key: r[0], name: r[1], formal: r[2], alias: r[3], demonym: r[4],
			culture: cu, region: r[6], capital: r[7], cities: splitList(r[8]), royal: r[9],
			president: strings.Contains(r[10], "P"), premier: strings.Contains(r[10], "M")}
		if c.name == "" || c.demonym == "" || c.capital == "" {
			return nil, fmt.Errorf("gen: data/countries.tsv: %s: name, demonym and capital are required", r[0])
		}
		if c.formal == "" {
			c.formal = c.name
		}
		if len(c.cities) == 0 {
			c.cities = []string{c.capital}
		}
		t.countryID[c.key] = len(t.countries)
		t.countries = append(t.countries, c)
	}

	// Sites.
	rows, err = readTSV(fs, "sites.tsv", 5)
	if err != nil {
		return nil, err
	}
	sites := map[string]*site{}
	for _, r := range rows {
		s := &site{key: r[0], dates: splitList(r[1]), datePos: r[2]}
		for _, f := range s.dates {
			if !knownDateFormats[f] {
				return nil, fmt.Errorf("gen: data/sites.tsv: %s: unknown date format %q", s.key, f)
			}
		}
		if len(s.dates) == 0 {
			return nil, fmt.Errorf("gen: data/sites.tsv: %s: no date formats (use none)", s.key)
		}
		if s.datePos != "before" && s.datePos != "after" && s.datePos != "prefix" {
			return nil, fmt.Errorf("gen: data/sites.tsv: %s: date position %q", s.key, s.datePos)
		}
		if s.head, err = t.parse(unescape(r[3])); err != nil {
			return nil, fmt.Errorf("gen: data/sites.tsv: %s: %w", s.key, err)
		}
		for _, f := range splitList(r[4]) {
			tp, err := t.parse(unescape(f))
			if err != nil {
				return nil, fmt.Errorf("gen: data/sites.tsv: %s: %w", s.key, err)
			}
			s.foot = append(s.foot, tp)
		}
		sites[s.key] = s
	}

	// Publishers and their ministries.
	rows, err = readTSV(fs, "publishers.tsv", 6)
	if err != nil {
		return nil, err
	}
	pubID := map[string]int{}
	total := 0
	for _, r := range rows {
		ci, ok := t.countryID[r[0]]
		if !ok {
			return nil, fmt.Errorf("gen: data/publishers.tsv: unknown country %q", r[0])
		}
		w, err := strconv.Atoi(r[1])
		if err != nil || w <= 0 {
			return nil, fmt.Errorf("gen: data/publishers.tsv: %s: weight %q", r[0], r[1])
		}
		p := publisher{country: ci, leaderTitle: r[2], leaderShort: r[3], us: r[5] == "US"}
		if r[5] != "US" && r[5] != "UK" {
			return nil, fmt.Errorf("gen: data/publishers.tsv: %s: date style %q", r[0], r[5])
		}
		for _, k := range splitList(r[4]) {
			s, ok := sites[k]
			if !ok {
				return nil, fmt.Errorf("gen: data/publishers.tsv: %s: unknown site %q", r[0], k)
			}
			p.sites = append(p.sites, s)
		}
		pubID[r[0]] = len(t.publishers)
		t.publishers = append(t.publishers, p)
		total += w
		t.pubCum = append(t.pubCum, total)
	}
	rows, err = readTSV(fs, "ministries.tsv", 8)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		pi, ok := pubID[r[0]]
		if !ok {
			return nil, fmt.Errorf("gen: data/ministries.tsv: unknown publisher %q", r[0])
		}
		d := -1
		for i, n := range domainNames {
			if n == r[3] {
				d = i
			}
		}
		if d < 0 {
			return nil, fmt.Errorf("gen: data/ministries.tsv: %s: unknown domain %q", r[1], r[3])
		}
		t.publishers[pi].ministries = append(t.publishers[pi].ministries, ministry{
			name: r[1], abbr: r[2], domain: d, minTitle: r[4], minShort: r[5], depTitle: r[6], depShort: r[7]})
	}
	for _, p := range t.publishers {
		if len(p.ministries) == 0 || len(p.sites) == 0 {
			return nil, fmt.Errorf("gen: publisher %s needs ministries and sites", t.countries[p.country].key)
		}
	}

	// Titles of foreign officials.
	rows, err = readTSV(fs, "titles.tsv", 5)
	if err != nil {
		return nil, err
	}
	total = 0
	for _, r := range rows {
		w, err := strconv.Atoi(r[3])
		if err != nil || w <= 0 {
			return nil, fmt.Errorf("gen: data/titles.tsv: %q: weight %q", r[0], r[3])
		}
		tp, err := t.parse(r[0])
		if err != nil {
			return nil, fmt.Errorf("gen: data/titles.tsv: %w", err)
		}
		t.titles = append(t.titles, title{pattern: tp, short: r[1], rank: r[2], honors: splitList(r[4]),
			contained: strings.Contains(r[0], "{cp_") || strings.Contains(r[0], "{org")})
		if r[0] == "Minister of Foreign Affairs" {
			t.foreignMinister = len(t.titles) - 1
		}
		total += w
		t.titleCum = append(t.titleCum, total)
	}

	b, err = fs.ReadFile("data/garbled.txt")
	if err != nil {
		return nil, err
	}
	for _, s := range strings.Split(string(b), "\n") {
		if s = strings.TrimSpace(s); s != "" && s[0] != '#' {
			t.garbled = append(t.garbled, s)
		}
	}
	if len(t.garbled) == 0 {
		return nil, fmt.Errorf("gen: data/garbled.txt is empty")
	}
	return t, nil
}

// unescape turns the two-character sequences \n and \t of a TSV field into
// a newline and a tab.
func unescape(s string) string {
	return strings.NewReplacer(`\n`, "\n", `\t`, "\t").Replace(s)
}

// parse compiles a template. {name} is a slot if name is one of slotNames,
// else a phrase list; {^name} upper-cases the first letter, {_name}
// lower-cases it; {a|b} picks a literal.
func (t *tables) parse(s string) (tmpl, error) {
	var out tmpl
	for s != "" {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			out = append(out, seg{kind: segLit, lit: s})
			break
		}
		if i > 0 {
			out = append(out, seg{kind: segLit, lit: s[:i]})
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return nil, fmt.Errorf("unclosed { in %q", s)
		}
		body := s[i+1 : i+j]
		s = s[i+j+1:]
		if strings.IndexByte(body, '{') >= 0 {
			return nil, fmt.Errorf("nested { in %q", body)
		}
		if strings.IndexByte(body, '|') >= 0 {
			out = append(out, seg{kind: segAlt, alts: strings.Split(body, "|")})
			continue
		}
		sg := seg{}
		if strings.HasPrefix(body, "^") {
			sg.cap = true
			body = body[1:]
		} else if strings.HasPrefix(body, "_") {
			sg.low = true
			body = body[1:]
		}
		if id, ok := slotID[body]; ok {
			sg.kind, sg.id = segSlot, id
		} else if id, ok := t.listID[body]; ok {
			sg.kind, sg.id = segList, id
		} else {
			return nil, fmt.Errorf("unknown slot or list {%s}", body)
		}
		out = append(out, sg)
	}
	return out, nil
}

// checkCycles rejects phrase lists that refer to themselves, directly or
// not, which would never finish expanding.
func (t *tables) checkCycles() error {
	state := make([]uint8, len(t.lists)) // 0 new, 1 on stack, 2 done
	var visit func(i int) error
	visit = func(i int) error {
		switch state[i] {
		case 1:
			return fmt.Errorf("gen: data/phrases.txt: list %q refers to itself", t.listNames[i])
		case 2:
			return nil
		}
		state[i] = 1
		for _, tp := range t.lists[i] {
			for _, sg := range tp {
				if sg.kind == segList {
					if err := visit(sg.id); err != nil {
						return err
					}
				}
			}
		}
		state[i] = 2
		return nil
	}
	for i := range t.lists {
		if err := visit(i); err != nil {
			return err
		}
	}
	return nil
}
