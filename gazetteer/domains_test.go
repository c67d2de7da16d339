package gazetteer

import "testing"

func TestGovDomain(t *testing.T) {
	tests := []struct {
		host, want string
		ok         bool
	}{
		{"mfa.gov.lv", "LVA", true},
		{"www.moib.gov.pk", "PAK", true},
		{"MOFA.GO.JP", "JPN", true},
		{"www.sre.gob.mx.", "MEX", true},
		{"mfat.govt.nz", "NZL", true},
		{"www.gov.uk", "GBR", true},
		{"www.state.gov", "USA", true},
		{"international.gc.ca", "CAN", true},
		{"www.eda.admin.ch", "CHE", true},
		{"ec.europa.eu", "", false},
		{"example.com", "", false},
		{"bbc.co.uk", "", false},
		{"gov", "", false},
		{"www.gov.zz", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := GovDomain(tt.host)
		if got != tt.want || ok != tt.ok {
			t.Errorf("GovDomain(%q) = %q, %v; want %q, %v", tt.host, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseDomainsErrors(t *testing.T) {
	for _, bad := range []string{"sld\tgov", "sld\tGOV\t-", "suffix\tx.y\tXXX", "cctld\tuk\t-", "tld\tuk\tGBR"} {
		if _, err := parseDomains(bad); err == nil {
			t.Errorf("parseDomains(%q): no error", bad)
		}
	}
}
