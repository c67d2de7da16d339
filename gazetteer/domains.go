package gazetteer

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
)

//go:embed data/govdomains.tsv
var govDomainsTSV string

type domainTable struct {
	slds     map[string]bool
	suffixes map[string]string // suffix -> ISO3, "" for a suffix of no country
	cctlds   map[string]string // ccTLD -> ISO3, for the exceptions
}

var domains = sync.OnceValue(func() *domainTable {
	t, err := parseDomains(govDomainsTSV)
	if err != nil {
		panic(err) // embedded data: TestGovDomain catches it
	}
	return t
})

func parseDomains(text string) (*domainTable, error) {
	t := &domainTable{slds: map[string]bool{}, suffixes: map[string]string{}, cctlds: map[string]string{}}
	for n, line := range dataLines(text) {
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[1] == "" || f[1] != strings.ToLower(f[1]) {
			return nil, fmt.Errorf("govdomains.tsv:%d: want kind, lower-case label and iso3", n)
		}
		iso := f[2]
		if iso == "-" {
			iso = ""
		} else if !Valid(iso) {
			return nil, fmt.Errorf("govdomains.tsv:%d: %q is not a country code", n, iso)
		}
		switch f[0] {
		case "sld":
			t.slds[f[1]] = true
		case "suffix":
			t.suffixes[f[1]] = iso
		case "cctld":
			if iso == "" {
				return nil, fmt.Errorf("govdomains.tsv:%d: a cctld row needs a country", n)
			}
			t.cctlds[f[1]] = iso
		default:
			return nil, fmt.Errorf("govdomains.tsv:%d: unknown kind %q", n, f[0])
		}
	}
	return t, nil
}

// GovDomain returns the country whose government a host name belongs to
// ("mfa.gov.lv" -> LVA, "www.state.gov" -> USA, "www.gov.uk" -> GBR,
// "international.gc.ca" -> CAN), or false when the host is not a
// government's by the table's conventions ("example.com", "bbc.co.uk").
// The host is compared case-insensitively; a trailing dot is ignored.
func GovDomain(host string) (string, bool) {
	h := strings.TrimSuffix(strings.ToLower(host), ".")
	labels := strings.Split(h, ".")
	if len(labels) < 2 {
		return "", false
	}
	t := domains()
	for i := range labels {
		if iso, ok := t.suffixes[strings.Join(labels[i:], ".")]; ok {
			return iso, iso != ""
		}
	}
	cc := labels[len(labels)-1]
	if !t.slds[labels[len(labels)-2]] || len(cc) != 2 {
		return "", false
	}
	if iso, ok := t.cctlds[cc]; ok {
		return iso, true
	}
	return ByISO2(strings.ToUpper(cc))
}

// ByISO2 returns the alpha-3 code of the country with the given alpha-2
// code ("LV" -> "LVA").
func ByISO2(code string) (string, bool) {
	iso, ok := table().byISO2[code]
	return iso, ok
}
