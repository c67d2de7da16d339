// Command gencities derives the gazetteer's city table, data/cities.tsv,
// from the two CC BY 4.0 city tables in shared/data and an English word
// list. go generate runs it from the gazetteer directory:
//
//	go run ./gencities -data ../../shared/data -words /usr/share/dict/british-english -out data/cities.tsv
//
// The word list is Debian's wbritish package (SCOWL), installed with
// "apt-get install wbritish"; it only marks the city names that are also
// English words. The output is deterministic: the same inputs give the
// same bytes (TestUpToDate checks the committed table against them).
//
// Selection: every simplemaps city with a population of 15,000 or more or
// a national or provincial capital flag, and every GeoNames city (all
// have 15,000 inhabitants or more) whose folded name no selected
// simplemaps city of the same country has. Names that start in lower case
// ("les Escaldes") or hold digits, commas or parentheses (city districts:
// "Zürich (Kreis 11) / Seebach") are left out; "Biel/Bienne" gives a name
// and an alternate spelling.
package main

import (
	"bufio"
	"cmp"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"communique/gazetteer"
)

func main() {
	data := flag.String("data", "../../shared/data", "directory holding the two city tables")
	words := flag.String("words", "/usr/share/dict/british-english", "English word list, one word a line")
	out := flag.String("out", "data/cities.tsv", "table to write")
	flag.Parse()
	if err := run(*data, *words, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gencities:", err)
		os.Exit(1)
	}
}

func run(data, words, out string) error {
	var buf strings.Builder
	if err := generate(&buf, data, words); err != nil {
		return err
	}
	return os.WriteFile(out, []byte(buf.String()), 0o644)
}

// The input files, in the data directory.
const (
	simplemapsFile = "worldcities-simplemaps-basic.csv"
	geonamesFile   = "world-cities-geonames.csv"
)

// minPopulation is the population from which a simplemaps city that is
// no capital is taken: GeoNames' own threshold.
const minPopulation = 15000

// city is one row of the output.
type city struct {
	name    string
	alt     []string
	iso3    string
	admin   string
	pop     int
	capital string // primary, admin or none
	word    bool
}

// generate writes the table derived from the files in data and the word
// list at words to w.
func generate(w io.Writer, data, words string) error {
	dict, err := readWords(words)
	if err != nil {
		return err
	}
	sm, err := readSimplemaps(filepath.Join(data, simplemapsFile))
	if err != nil {
		return err
	}
	gn, err := readGeoNames(filepath.Join(data, geonamesFile))
	if err != nil {
		return err
	}
	rows := merge(sm, gn)
	for i := range rows {
		rows[i].word = isWord(rows[i].name, dict)
	}
	return write(w, rows)
}

// merge returns the selected simplemaps cities and the GeoNames cities
// they do not have, ordered by country, population (largest first) and
// name, without duplicates.
func merge(sm, gn []city) []city {
	type key struct{ name, iso3 string }
	var rows []city
	have := map[key]bool{}
	seen := map[[3]string]bool{}
	add := func(c city) {
		k := [3]string{gazetteer.Fold(c.name), c.iso3, gazetteer.Fold(c.admin)}
		if seen[k] {
			return
		}
		seen[k] = true
		rows = append(rows, c)
	}
	for _, c := range sm {
		if c.pop >= minPopulation || c.capital != "none" {
			add(c)
			have[key{gazetteer.Fold(c.name), c.iso3}] = true
		}
	}
	for _, c := range gn {
		if !have[key{gazetteer.Fold(c.name), c.iso3}] {
			add(c)
		}
	}
	slices.SortStableFunc(rows, func(a, b city) int {
		return cmp.Or(strings.Compare(a.iso3, b.iso3), cmp.Compare(b.pop, a.pop),
			strings.Compare(a.name, b.name), strings.Compare(a.admin, b.admin))
	})
	return rows
}

// readCSV returns the records of a CSV file with the given header.
func readCSV(path string, header []string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read cities: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(recs) == 0 || !slices.Equal(recs[0], header) {
		return nil, fmt.Errorf("read %s: header is not %q", path, header)
	}
	return recs[1:], nil
}

// readSimplemaps reads the simplemaps table.
func readSimplemaps(path string) ([]city, error) {
	recs, err := readCSV(path, []string{"city", "city_ascii", "lat", "lng", "country", "iso2", "iso3",
		"admin_name", "capital", "population", "id"})
	if err != nil {
		return nil, err
	}
	var out []city
	for n, r := range recs {
		line := n + 2
		names, ok := cleanName(r[0])
		if !ok {
			continue
		}
		iso3 := r[6]
		if v, ok := outsideISO[iso3]; ok {
			iso3 = v
		}
		if !gazetteer.Valid(iso3) {
			if iso3, ok = countryISO3(r[4]); !ok {
				return nil, fmt.Errorf("read %s:%d: country %q (%s) is not in the gazetteer", path, line, r[4], r[6])
			}
		}
		pop := 0
		if r[9] != "" {
			f, err := strconv.ParseFloat(r[9], 64)
			if err != nil || f < 0 || f > math.MaxInt32 {
				return nil, fmt.Errorf("read %s:%d: population %q", path, line, r[9])
			}
			pop = int(f)
		}
		capital := "none"
		switch r[8] {
		case "primary", "admin":
			capital = r[8]
		case "", "minor":
		default:
			return nil, fmt.Errorf("read %s:%d: capital %q", path, line, r[8])
		}
		c := city{name: names[0], alt: names[1:], iso3: iso3, admin: r[7], pop: pop, capital: capital}
		if a, ok := cleanName(r[1]); ok {
			c.alt = append(c.alt, a...)
		}
		out = append(out, c)
	}
	return out, nil
}

// outsideISO maps the codes simplemaps gives places outside ISO 3166-1
// to the gazetteer's.
var outsideISO = map[string]string{"XWB": "PSE", "XGZ": "PSE", "XKS": "XKX"}

// readGeoNames reads the GeoNames table.
func readGeoNames(path string) ([]city, error) {
	recs, err := readCSV(path, []string{"name", "country", "subcountry", "geonameid"})
	if err != nil {
		return nil, err
	}
	var out []city
	iso := map[string]string{}
	for n, r := range recs {
		names, ok := cleanName(r[0])
		if !ok {
			continue
		}
		iso3, ok := iso[r[1]]
		if !ok {
			if iso3, ok = countryISO3(r[1]); !ok {
				return nil, fmt.Errorf("read %s:%d: country %q is not in the gazetteer", path, n+2, r[1])
			}
			iso[r[1]] = iso3
		}
		out = append(out, city{name: names[0], alt: names[1:], iso3: iso3, admin: r[2], capital: "none"})
	}
	return out, nil
}

// cleanName returns the spellings a source's name cell gives, or false
// for a name the table leaves out: one that starts in lower case or
// holds digits, commas or parentheses.
func cleanName(s string) ([]string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, "0123456789,()\t|\"") {
		return nil, false
	}
	var out []string
	for _, p := range strings.Split(s, "/") {
		// "'Alī Ābād": a leading ayn or hamza is not written in English
		p = strings.TrimLeftFunc(strings.Join(strings.Fields(p), " "), func(r rune) bool { return !unicode.IsLetter(r) })
		if r, _ := utf8.DecodeRuneInString(p); !unicode.IsUpper(r) {
			return nil, false
		}
		out = append(out, p)
	}
	return out, true
}

// countryISO3 maps a source's country name to its alpha-3 code through
// the gazetteer: "Korea, Republic of" is tried as "Republic of Korea" and
// "Korea", "Falkland Islands (Malvinas)" as "Falkland Islands". GeoNames
// writes Kosovo, which has no ISO code, as a note.
func countryISO3(name string) (string, bool) {
	if strings.HasSuffix(name, "alpha-2 code: XK") {
		return "XKX", true
	}
	var tries []string
	for _, n := range []string{name, strings.Join(strings.Fields(dropParens(name)), " ")} {
		tries = append(tries, n)
		if a, b, ok := strings.Cut(n, ", "); ok {
			tries = append(tries, b+" "+a, a)
		}
	}
	for _, t := range tries {
		if iso3, ok := gazetteer.Lookup(t); ok {
			return iso3, true
		}
	}
	return "", false
}

// dropParens returns s without its parenthesized parts.
func dropParens(s string) string {
	for {
		i := strings.IndexByte(s, '(')
		j := strings.IndexByte(s, ')')
		if i < 0 || j < i {
			return s
		}
		s = s[:i] + s[j+1:]
	}
}

// readWords returns the lower-case words of a word list, folded.
func readWords(path string) (map[string]bool, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read word list: %w (apt-get install wbritish)", err)
	}
	out := map[string]bool{}
	for _, w := range strings.Split(string(raw), "\n") {
		w = strings.TrimSpace(w)
		if w == "" || strings.ContainsRune(w, '\'') || strings.ToLower(w[:1]) != w[:1] {
			continue
		}
		out[gazetteer.Fold(w)] = true
	}
	if len(out) < 10000 {
		return nil, errors.New("read word list: fewer than 10,000 lower-case words")
	}
	return out, nil
}

// isWord reports whether name is one word that, folded, is a lower-case
// English word: "Nice", "Reading", "Būsh". A name of several words is a
// proper name when capitalized ("Long Beach", "Cape Town").
func isWord(name string, dict map[string]bool) bool {
	return !strings.ContainsAny(name, " -") && dict[gazetteer.Fold(name)]
}

// alternates returns the other spellings of c a text may use: the
// source's, and "St." for "Saint" and back. A spelling that folds like
// the name is left out.
func alternates(c city) []string {
	var out []string
	seen := map[string]bool{gazetteer.Fold(c.name): true}
	add := func(s string) {
		if f := gazetteer.Fold(s); !seen[f] {
			seen[f] = true
			out = append(out, s)
		}
	}
	for _, s := range append([]string{c.name}, c.alt...) {
		add(s)
		for _, pre := range []string{"Saint ", "St. ", "St "} {
			if rest, ok := strings.CutPrefix(s, pre); ok {
				add("Saint " + rest)
				add("St. " + rest)
				add("St " + rest)
			}
		}
	}
	return out
}

const header = `# cities.tsv: cities of the world with their country, first-level
# administrative area, population and capital flag. Generated by
# gazetteer/gencities (go generate ./gazetteer): do not edit by hand.
#
# Sources, both licensed CC BY 4.0:
#   simplemaps World Cities Database, basic edition: attribution
#     "simplemaps.com" (https://simplemaps.com/data/world-cities)
#   GeoNames cities of 15,000 inhabitants or more, as packaged by
#     datasets/world-cities: attribution "GeoNames" (https://www.geonames.org)
# and the English word list of Debian's wbritish package (SCOWL, Kevin
# Atkinson), used only to set the "w" flag.
#
# Selection: every simplemaps city of 15,000 inhabitants or more, or
# flagged as a national ("primary") or provincial ("admin") capital; then
# every GeoNames city whose case- and accent-folded name no selected
# simplemaps city of the same country has. GeoNames country names are
# mapped to ISO 3166-1 alpha-3 codes through gazetteer.Lookup. Names that
# start in lower case or hold digits, commas or parentheses (districts)
# are left out.
#
# Columns, tab-separated, "-" for none:
#   name        the city's name as the source writes it
#   alt         other spellings, "|"-separated: the source's ASCII form,
#               a second name ("Biel/Bienne"), "St." for "Saint" and back;
#               only spellings that fold differently from name
#   iso3        ISO 3166-1 alpha-3 of its country (XKX for Kosovo)
#   admin       first-level administrative area
#   population  inhabitants (simplemaps; often the urban area); 0 when
#               unknown (a GeoNames city: 15,000 or more)
#   capital     primary (national capital), admin (first-level capital)
#               or none
#   flags       w: the name is one word that is also a lower-case English
#               word ("Nice", "Reading", "Split", "Male", "Mobile")
#
# Ordered by iso3, population (largest first) and name.
name	alt	iso3	admin	population	capital	flags
`

// write writes the table.
func write(w io.Writer, rows []city) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(header)
	for _, c := range rows {
		alt := strings.Join(alternates(c), "|")
		flags := "-"
		if c.word {
			flags = "w"
		}
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%d\t%s\t%s\n", c.name, dash(alt), c.iso3, dash(clean(c.admin)), c.pop, c.capital, flags)
	}
	return bw.Flush()
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// clean makes an admin cell safe for the table.
func clean(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' }), " ")
}
