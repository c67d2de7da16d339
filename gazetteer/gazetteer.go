package gazetteer

import "strings"

// Form says how a country was named in the text.
type Form string

// Forms of a country reference.
const (
	FormName    Form = "name"    // official or short name: "Saudi Arabia", "the Kingdom of Saudi Arabia"
	FormAlias   Form = "alias"   // abbreviation or other name: "UAE", "ROK", "the U.S."
	FormDemonym Form = "demonym" // "Italian", "Emirati"
	FormCity    Form = "city"    // a capital or major city: evidence of location, not a country mention
)

// Match is one country reference in a text: the half-open byte range
// [Start, End) of the surface form, and the country it names.
type Match struct {
	Start, End int
	ISO3       string
	Form       Form
}

// Country is one ISO 3166-1 country.
type Country struct {
	ISO3, ISO2 string
	Name       string // English short name, "Saudi Arabia"
}

// STUB: replaced by the embedded tables. Kept tiny so dependants compile.
var stub = map[string]string{"korea": "KOR", "italy": "ITA", "saudi arabia": "SAU"}

// ByISO3 returns the country with the given alpha-3 code.
func ByISO3(code string) (Country, bool) {
	for _, v := range stub {
		if v == code {
			return Country{ISO3: code}, true
		}
	}
	return Country{}, false
}

// Lookup returns the alpha-3 code for a country name, alias or demonym as
// it would be written in running text ("Saudi Arabia", "UAE", "Italian").
func Lookup(name string) (string, bool) {
	v, ok := stub[strings.ToLower(name)]
	return v, ok
}

// City returns the alpha-3 code of the country a capital or major city is in.
func City(name string) (string, bool) { return "", false }

// Find returns the country references in text, longest match first at each
// position, in text order, without overlaps, with ambiguous forms resolved
// by context ("the U.S. state of Georgia", "Saud" inside a name).
func Find(text string) []Match { return nil }
