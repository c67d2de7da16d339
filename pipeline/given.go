package pipeline

import (
	"fmt"
	"net/url"
	"strings"
	"unicode"

	"communique/extractors"
)

// Given is what an input says of a document besides its bytes: the fields
// of a JSON-lines manifest line or of a pipe line. They fill the
// documents row (source_url, publisher, and published when the text gives
// none, with published_source "input"), and the extractors read them
// (extractors.Doc.Given): a government's address names the publishing
// country where the text is silent. Zero fields are unknown.
type Given struct {
	DocID     string // the document's id; "" derives it from the path
	URL       string // the page's address, absolute
	Publisher string // the issuing body
	Published *extractors.Timestamp
	// Invalid, when set, says why the input's line cannot be used (a
	// manifest line that is not JSON, a field that does not parse): the
	// document is not read, and its row has status error and this reason.
	Invalid string
}

// ParseGiven checks and reads an input's fields: docID without control
// characters, url an absolute http(s) address, published a date
// ("2024-03-12") or time ("2024-03-12T10:00:00"). Empty fields are
// absent. The error names the field.
func ParseGiven(docID, rawURL, publisher, published string) (Given, error) {
	g := Given{DocID: docID, Publisher: strings.TrimSpace(publisher)}
	// Event ids digest the doc_id and fields joined by control
	// characters, none of which a field holds: so a doc_id may not.
	if strings.ContainsFunc(docID, unicode.IsControl) {
		return Given{}, fmt.Errorf(`"doc_id" holds a control character`)
	}
	if strings.ContainsFunc(g.Publisher, unicode.IsControl) {
		return Given{}, fmt.Errorf(`"publisher" holds a control character`)
	}
	if rawURL = strings.TrimSpace(rawURL); rawURL != "" {
		u, err := url.Parse(rawURL)
		if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
			return Given{}, fmt.Errorf(`"url" %q is not an absolute http or https address (https://www.mfa.gov.sg/...)`, rawURL)
		}
		g.URL = rawURL
	}
	if published = strings.TrimSpace(published); published != "" {
		ts, err := extractors.ParseTimestamp(published)
		if err != nil {
			return Given{}, fmt.Errorf(`"published": %v`, err)
		}
		g.Published = ts
	}
	return g, nil
}

// extractors returns the fields the extractors read.
func (g Given) extractors() extractors.Given {
	return extractors.Given{URL: g.URL, Publisher: g.Publisher, Published: g.Published}
}
