package extractors

import (
	"regexp"
	"strconv"
	"strings"
)

// Rankings finds a country's position in a named index, survey or league
// table: "Ranked 13th in the "United Nations E-Government Survey 2022"
// and 4th in the "GovTech Maturity Index"", "ranking first in the
// E-Participation Index and third in the E-Government Development Index
// of the UN e-Government Survey in 2018", "stood at 67th in ...", "in
// 2020, it ranked 1st on the OECD Digital Government Index", "the world's
// fifth fastest broadband internet as of 2017". The ranked country is the
// subject: a country named before the position in the sentence, else the
// subject of the sentence before (for "it", "the country" and footnotes).
// Vague standings ("one of the top leaders", "within the top 3") are not
// rankings.
type Rankings struct{}

var (
	ordinals = map[string]int{
		"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
		"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
		"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
		"nineteenth": 19, "twentieth": 20, "top": 1,
	}
	// positionRe: an ordinal followed by "in/on/among ... Index|Survey|Ranking|Report" or a
	// superlative ("fifth fastest X").
	positionRe  = regexp.MustCompile(`(?i)\b(?:(?:rank(?:ed|s|ing)?|placed?|plac(?:ing)|stood at|stands at|came|comes|finished|is|was|remained?|retained|kept|and|or|,|world's)\s+(?:(?:at|as|the|a|mere|only|number|no\.)\s+)*)(\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|top|no\.\s*\d{1,3}|number\s+\d{1,3})\b(?:\s+(?:place|position|spot))?(?:\s+(?:out of|among)\s+\d+\s+\w+)?\s*(?:(in|on|among|of)\s+(?:the\s+)?|(\w+est|most \w+|largest|highest)\s+)`)
	vagueRe     = regexp.MustCompile(`(?i)\b(one of the|within the top|among the top|top \d+|top-\d+)\b`)
	yearRe      = regexp.MustCompile(`\b(19[5-9]\d|20\d\d)\b`)
	asOfYear    = regexp.MustCompile(`(?i)\b(?:as of|in|for)\s+((?:19|20)\d\d)\b`)
	yearAfterRe = regexp.MustCompile(`^\s*(?:in\s+)?((?:19|20)\d\d)`)
	indexEnd    = regexp.MustCompile(`(?i)\b(index|survey|ranking|rankings|report|league table|scoreboard|barometer|rating|list|outlook|monitor)\b`)
)

// Events returns d's ranking records.
func (Rankings) Events(d *Doc) []Event {
	c := newContext(d)
	var out []Event
	seen := map[string]bool{}
	var lastSubject string
	for i := range d.Sentences {
		text, sp := c.sentence(i)
		subject := c.subjectCountry(sp)
		if vagueRe.MatchString(text) && !positionRe.MatchString(strings.ReplaceAll(text, "top 3", "")) {
			if subject != "" {
				lastSubject = subject
			}
			continue
		}
		for _, loc := range positionRe.FindAllStringSubmatchIndex(text, -1) {
			pos := position(text[loc[2]:loc[3]])
			if pos <= 0 {
				continue
			}
			var name string
			superlative := loc[6] >= 0
			if superlative {
				name = phraseAfter(text[loc[6]:])
			} else {
				name = indexName(text[loc[1]:])
			}
			if name == "" {
				continue
			}
			country := c.countryBefore(sp, sp.Start+loc[0])
			if country == "" {
				country = lastSubject
			}
			if country == "" {
				continue
			}
			year := 0
			if m := yearRe.FindAllString(name, -1); len(m) > 0 {
				year, _ = strconv.Atoi(m[len(m)-1])
			} else if m := asOfYear.FindStringSubmatch(text[loc[0]:]); m != nil {
				year, _ = strconv.Atoi(m[1])
			} else if m := asOfYear.FindStringSubmatch(text[:loc[0]]); m != nil {
				year, _ = strconv.Atoi(m[1])
			}
			conf := 0.8
			if superlative {
				conf = 0.5
			}
			k := country + "|" + strconv.Itoa(pos) + "|" + strings.ToLower(name)
			if seen[k] {
				continue
			}
			seen[k] = true
			out = append(out, Event{
				Type: Ranking, Status: Occurred, Country: country, Name: name,
				RankPosition: pos, RankYear: year, Evidence: sp, Confidence: conf,
			})
			lastSubject = country
		}
		if subject != "" {
			lastSubject = subject
		}
	}
	return out
}

// position reads an ordinal: "13th", "first", "No. 1", "number 3".
func position(s string) int {
	s = strings.ToLower(strings.TrimSpace(s))
	if n, ok := ordinals[s]; ok {
		return n
	}
	s = strings.TrimPrefix(strings.TrimPrefix(s, "no."), "number")
	s = strings.TrimSpace(strings.TrimRight(s, "stndrh"))
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 300 {
		return 0
	}
	return n
}

// indexName reads the index after "in the": words up to one of the
// index nouns, then a year and "of the X Survey YYYY" qualifiers.
func indexName(s string) string {
	s = strings.TrimLeft(s, `" `)
	end := len(s)
	for _, stop := range []string{",", ";", ". ", " and ", " while ", " which ", " with ", " among ", " for "} {
		if i := strings.Index(s, stop); i >= 0 && i < end {
			end = i
		}
	}
	cand := strings.Trim(s[:end], `". `)
	loc := indexEnd.FindAllStringIndex(cand, -1)
	if loc == nil {
		return ""
	}
	cut := loc[len(loc)-1][1]
	rest := cand[cut:]
	if m := yearAfterRe.FindStringSubmatch(rest); m != nil {
		cand = cand[:cut] + " " + m[1]
	} else {
		cand = cand[:cut]
	}
	cand = strings.Trim(cand, `" `)
	if !capWord(strings.Fields(cand)[0]) && len(strings.Fields(cand)) < 2 {
		return ""
	}
	return cand
}

// phraseAfter reads a superlative's noun phrase: "fastest broadband
// internet as of 2017" -> "fastest broadband internet".
func phraseAfter(s string) string {
	ws := strings.Fields(s)
	var out []string
	for _, w := range ws {
		lw := strings.ToLower(strings.Trim(w, ",."))
		if lw == "as" || lw == "in" || lw == "and" || lw == "which" || lw == "with" || lw == "since" || lw == "among" || lw == "for" || lw == "of" && len(out) >= 3 {
			break
		}
		out = append(out, strings.Trim(w, ",."))
		if strings.ContainsAny(w, ",.") || len(out) >= 5 {
			break
		}
	}
	if len(out) < 2 {
		return ""
	}
	return strings.Join(out, " ")
}

// countryBefore returns the last non-adjective country named in s before
// off, outside organization and index names.
func (c *context) countryBefore(s Span, off int) string {
	iso := ""
	for _, m := range c.in(KindCountry, s) {
		if m.Span.Start >= off {
			break
		}
		if insideOrgName(c.d, m) || insideGathering(c.d, m) {
			continue
		}
		iso = m.Value
	}
	return iso
}

// subjectCountry returns the first country named in a sentence, the
// likely subject for the sentence after it.
func (c *context) subjectCountry(s Span) string {
	for _, m := range c.in(KindCountry, s) {
		if !insideOrgName(c.d, m) && !insideGathering(c.d, m) {
			return m.Value
		}
	}
	return ""
}

func insideGathering(d *Doc, m Mention) bool {
	for _, o := range d.Mentions {
		if o.Kind == KindGathering && o.Span.Contains(m.Span) {
			return true
		}
	}
	return false
}
