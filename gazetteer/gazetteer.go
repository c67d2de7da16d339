package gazetteer

// Form says how a country was named in the text.
type Form string

// Forms of a country reference.
const (
	FormName    Form = "name"    // official or short name: "Saudi Arabia", "Kingdom of Saudi Arabia"
	FormAlias   Form = "alias"   // abbreviation or other name: "UAE", "ROK", "U.S."
	FormDemonym Form = "demonym" // "Italian", "Emirati", "Koreans"
	FormCity    Form = "city"    // a capital or major city: evidence of location, not a country mention
)

// Match is one country reference in a text: the half-open byte range
// [Start, End) of the surface form, and the country it names.
type Match struct {
	Start, End int
	ISO3       string
	Form       Form
	// Entry is the table's spelling of the form that matched: "Seoul" for
	// "SEOUL", "Korea" for "Korea's".
	Entry string
}

// Country is one ISO 3166-1 country and the ways the text may name it.
type Country struct {
	ISO3, ISO2 string
	Name       string   // English short name, "Saudi Arabia"
	Names      []string // official and other full names, "Kingdom of Saudi Arabia"
	Aliases    []string // abbreviations, former and informal names, "KSA"
	Demonyms   []string // "Saudi", "Saudi Arabian"
	Cities     []string // capital and major cities, "Riyadh"
}

// ByISO3 returns the country with the given alpha-3 code. The slices of
// the returned Country are shared: callers must not modify them.
func ByISO3(code string) (Country, bool) {
	t := table()
	i, ok := t.byISO3[code]
	if !ok {
		return Country{}, false
	}
	return t.countries[i], true
}

// Valid reports whether code is the alpha-3 code of a country in the table
// (every ISO 3166-1 country, plus XKX for Kosovo).
func Valid(code string) bool {
	_, ok := table().byISO3[code]
	return ok
}

// Countries returns every country in the table, ordered by alpha-3 code.
func Countries() []Country {
	return append([]Country(nil), table().countries...)
}

// Lookup returns the alpha-3 code for a country name, alias or demonym as
// it would be written in running text ("Saudi Arabia", "UAE", "Italian",
// "the Philippines", "Korea's"). Names are compared case-insensitively,
// but abbreviations written in capitals only match exactly: "US" is the
// United States, "us" is nothing. Cities and phrases that are not
// countries ("Korean Peninsula") are not found.
func Lookup(name string) (string, bool) {
	return lookup(name, FormName, FormAlias, FormDemonym)
}

// Demonym returns the alpha-3 code of the country a demonym or adjective
// belongs to: "Italian", "Emirati", "Saudi Arabian", "Koreans".
func Demonym(word string) (string, bool) {
	return lookup(word, FormDemonym)
}

// MajorCity returns the alpha-3 code of the country a capital or major
// city of the country table (Form city) is in: "Seoul", "Abu Dhabi",
// "Washington, D.C.". Cities looks a name up in the full city table.
func MajorCity(name string) (string, bool) {
	return lookup(name, FormCity)
}

// Find returns the country references in text: names, aliases, demonyms
// and cities, the longest match at each position, in text order, without
// overlaps. Ambiguous forms are resolved by context: "the U.S. state of
// Georgia", "Michael Jordan" and "Korean Peninsula" yield nothing; "Saud"
// inside a name is not Saudi Arabia. Find is safe for concurrent use.
func Find(text string) []Match {
	return table().find(nil, text)
}

// AppendFind appends the country references of text (see Find) to dst
// and returns the extended slice, so that a caller may reuse one.
func AppendFind(dst []Match, text string) []Match {
	return table().find(dst, text)
}
