package main

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"communique/gen"
)

// A shape is one kind of document, built at any size: the hostile forms
// that once made a run's cost grow faster than the document (issue 11),
// and ordinary ones beside them for comparison.
type shape struct {
	name string
	desc string // for the table
	ext  string // file extension: steers format detection
	// build returns a document of about n bytes (never more).
	build func(n int) []byte
}

// shapes lists every shape, in table order.
var shapes = []shape{
	{"short", "one line of short sentences (\"Minister Lee visited Italy (March 6-9). \")", ".txt", oneLine(func(i int) string {
		return "Minister Lee visited Italy (March 6-9). "
	})},
	{"neutral", "one line of neutral sentences", ".txt", oneLine(func(i int) string {
		return neutral[i%len(neutral)] + " "
	})},
	{"titles", "titled person names in one sentence (\"Deputy Minister X of Czechia, Foreign Minister Y of Sweden, ...\")", ".txt", oneLine(func(i int) string {
		return fmt.Sprintf("%s %s %s of %s, ", titles[i%len(titles)], given[i%len(given)], family[(i/len(given))%len(family)], countries[i%len(countries)])
	})},
	{"meetings", "one line of meetings between officials of no named country (\"Ambassador Jan Novak met Ambassador Anna Berg to discuss trade. \")", ".txt", oneLine(func(i int) string {
		return fmt.Sprintf("%s %s %s met %s %s %s to discuss trade. ", titles[i%len(titles)], given[i%len(given)], family[i%len(family)],
			titles[(i+3)%len(titles)], given[(i+5)%len(given)], family[(i+7)%len(family)])
	})},
	{"forums", "one line of forums, a score of editions of eight (\"The Minister attended the 12th Italy Forum on Trade on May 13. \")", ".txt", oneLine(func(i int) string {
		return fmt.Sprintf("The Minister attended the %dth %s Forum on Trade on %s %d. ", 4+i%20, countries[i%8], months[i%12], 1+i%28)
	})},
	{"agreements", "one line of agreements and no day (\"The two sides signed an MOU on cooperation in trade with Italy. \")", ".txt", oneLine(func(i int) string {
		return fmt.Sprintf("The two sides signed an MOU on cooperation in %s with %s. ", fields[i%len(fields)], countries[i%len(countries)])
	})},
	{"counterparts", "one line of counterparts (\"The Minister met his Italian counterpart Jan Novak to discuss trade. \")", ".txt", oneLine(func(i int) string {
		return fmt.Sprintf("The Minister met his %s counterpart %s %s to discuss trade. ", demonyms[i%len(demonyms)], given[i%len(given)], family[i%len(family)])
	})},
	{"acronyms", "one line of meetings of bodies named by acronyms, no person or country (\"The Ministry of Foreign Affairs (MOFA3) and MOFA10 met the Agency for Trade (AFT3). \")", ".txt", oneLine(func(i int) string {
		return fmt.Sprintf("The Ministry of Foreign Affairs (MOFA%d) and MOFA%d met the Agency for Trade (AFT%d). ", i%30, (i+7)%30, i%20)
	})},
	{"invitations", "one line of visits at a foreign official's invitation (\"At the invitation of Foreign Minister Jan Novak of Czechia, the Minister paid an official visit. \")", ".txt", oneLine(func(i int) string {
		return fmt.Sprintf("At the invitation of Foreign Minister %s %s of %s, the Minister paid an official visit. ", given[i%len(given)], family[i%len(family)], countries[i%8])
	})},
	{"capwords", "capitalised words, no punctuation", ".txt", oneLine(func(i int) string {
		return capWords[i%len(capWords)] + " "
	})},
	{"table", "one huge HTML table", ".html", wrapped("<html><body><table>\n", "</table></body></html>\n", func(i int) string {
		return fmt.Sprintf("<tr><td>%s</td><td>%s %d, 2024</td><td>%s %s</td><td>Visit to %s</td></tr>\n",
			countries[i%len(countries)], months[i%12], 1+i%28, given[i%len(given)], family[i%len(family)], cities[i%len(cities)])
	})},
	{"quoted", "quoted names on one line", ".txt", oneLine(func(i int) string {
		return fmt.Sprintf("%q ", given[i%len(given)]+" "+family[(i/len(given))%len(family)])
	})},
	{"hyphens", "hyphen chains (\"Korea-Italy-France-...\") on one line", ".txt", oneLine(func(i int) string {
		if i%12 == 11 {
			return countries[i%len(countries)] + " "
		}
		return countries[i%len(countries)] + "-"
	})},
	{"paragraphs", "normal releases, paragraph after paragraph", ".txt", releases},
	{"ptags", "thousands of <p> paragraphs", ".html", wrapped("<html><body>\n", "</body></html>\n", func(i int) string {
		return fmt.Sprintf("<p>%s %s %s met %s on %s %d, 2024.</p>\n", titles[i%len(titles)], given[i%len(given)], family[i%len(family)], countries[i%len(countries)], months[i%12], 1+i%28)
	})},
	{"nospace", "no spaces at all", ".txt", oneLine(func(i int) string {
		return "MinisterLeevisited" + countries[i%len(countries)] + "onMarch6,2024."
	})},
	{"countries", "lines of country names", ".txt", lines(func(i int) string {
		return fmt.Sprintf("Delegation %d: %s", i+1, strings.Join([]string{countries[i%len(countries)], countries[(i+3)%len(countries)], countries[(i+7)%len(countries)]}, ", "))
	})},
	{"dates", "lines of dates", ".txt", lines(func(i int) string {
		return fmt.Sprintf("Session %d: %s %d-%d, %d; %d %s %d", i+1, months[i%12], 1+i%20, 3+i%20, 2020+i%6, 1+i%28, months[(i+5)%12], 2020+i%6)
	})},
	{"itinerary", "itinerary rows", ".txt", lines(func(i int) string {
		return fmt.Sprintf("- %d. %s %d: %s, %s - meeting with %s %s %s", i+1, months[i%12], 1+i%28, cities[i%len(cities)], countries[i%len(countries)], titles[i%len(titles)], given[i%len(given)], family[i%len(family)])
	})},
	{"garbled", "garbled runs between sentences", ".txt", lines(func(i int) string {
		if i%2 == 1 {
			return fmt.Sprintf("च्या स्थापिता । स्थापित %d स्थापिता Ã©tÃ© â€œ Ð¿Ñ€Ð¸Ð²ÐµÑ‚ 事務所 ﾃｽﾄ", i)
		}
		return fmt.Sprintf("Item %d. %s", i, neutral[i%len(neutral)])
	})},
	{"utf16", "normal releases in UTF-16LE with a BOM", ".txt", func(n int) []byte {
		return toUTF16(string(releases(n / 2)))
	}},
}

// nfkcShape is a document that NFKC expands 18 times (U+FDFA is one rune
// of three bytes that becomes 18 runes, 33 bytes): the shape of the memory
// measurement.
var nfkcShape = shape{"nfkc", "U+FDFA repeated (NFKC expands it 11x in bytes)", ".txt", oneLine(func(i int) string {
	if i%16 == 15 {
		return "\uFDFA "
	}
	return "\uFDFA"
})}

// writeShape writes a document of the shape and size args name to
// stdout.
func writeShape(args []string) error {
	if len(args) != 2 {
		return fmt.Errorf("usage: harness shape NAME BYTES (harness sizes -list names the shapes)")
	}
	s, ok := shapeByName(args[0])
	n, err := strconv.Atoi(args[1])
	if !ok || err != nil || n < 1 {
		return fmt.Errorf("shape %q of %q bytes: unknown shape or bad size", args[0], args[1])
	}
	_, err = os.Stdout.Write(s.build(n))
	return err
}

func shapeByName(name string) (shape, bool) {
	if name == nfkcShape.name {
		return nfkcShape, true
	}
	for _, s := range shapes {
		if s.name == name {
			return s, true
		}
	}
	return shape{}, false
}

// oneLine builds one line of the pieces piece(0), piece(1), ...
func oneLine(piece func(i int) string) func(n int) []byte {
	return wrapped("", "\n", piece)
}

// lines builds one piece per line.
func lines(piece func(i int) string) func(n int) []byte {
	return wrapped("", "", func(i int) string { return piece(i) + "\n" })
}

// wrapped builds head, the pieces, then tail, in at most n bytes.
func wrapped(head, tail string, piece func(i int) string) func(n int) []byte {
	return func(n int) []byte {
		var b bytes.Buffer
		b.Grow(n)
		b.WriteString(head)
		for i := 0; ; i++ {
			p := piece(i)
			if b.Len()+len(p)+len(tail) > n {
				break
			}
			b.WriteString(p)
		}
		b.WriteString(tail)
		return b.Bytes()
	}
}

// releases concatenates the generated corpus's documents, a blank line
// between them, up to n bytes.
func releases(n int) []byte {
	var b bytes.Buffer
	b.Grow(n)
	for i := 0; ; i++ {
		_, body := gen.Document(1, i)
		if b.Len()+len(body)+2 > n {
			// Fill the rest with the start of the next one, at a rune
			// boundary, so that every size is reached.
			rest := body[:max(0, n-b.Len()-1)]
			for len(rest) > 0 && !utf8.Valid(rest) {
				rest = rest[:len(rest)-1]
			}
			b.Write(rest)
			b.WriteByte('\n')
			return b.Bytes()
		}
		b.Write(body)
		b.WriteString("\n\n")
	}
}

func toUTF16(s string) []byte {
	u := utf16.Encode([]rune(s))
	out := make([]byte, 0, 2+2*len(u))
	out = append(out, 0xFF, 0xFE)
	for _, c := range u {
		out = append(out, byte(c), byte(c>>8))
	}
	return out
}

var (
	neutral = []string{
		"The committee reviewed the annual report on water quality.",
		"Officials said the new rules would take effect next year.",
		"The ministry published its budget proposal for public comment.",
		"Participants discussed ways to improve regional cooperation.",
		"The program has supported more than two hundred small businesses.",
	}
	titles    = []string{"Deputy Minister", "Foreign Minister", "Prime Minister", "Ambassador", "State Secretary", "Vice Minister", "President", "Minister of Trade"}
	given     = []string{"Jan", "Anna", "Marco", "Sofia", "Kenji", "Amara", "Lars", "Elena", "Tomas", "Priya", "Omar", "Ingrid", "Mateo"}
	family    = []string{"Novak", "Berg", "Rossi", "Silva", "Tanaka", "Okafor", "Larsen", "Petrova", "Horvat", "Sharma", "Haddad", "Nilsson"}
	countries = []string{"Czechia", "Sweden", "Italy", "Korea", "France", "Germany", "Japan", "Brazil", "Kenya", "India", "Canada", "Norway", "Chile", "Egypt", "Poland", "Spain", "Viet Nam"}
	cities    = []string{"Rome", "Seoul", "Paris", "Berlin", "Tokyo", "Nairobi", "Ottawa", "Oslo", "Santiago", "Cairo", "Warsaw", "Madrid"}
	fields    = []string{"trade", "health", "energy", "education", "tourism"}
	demonyms  = []string{"Italian", "Swedish", "Korean", "French", "German", "Japanese", "Brazilian", "Kenyan"}
	capWords  = []string{"Alpha", "Bravo", "Council", "Delta", "Economic", "Forum", "Global", "Harbor", "Institute", "Joint", "Kingdom", "Liberty", "Ministry", "National", "Ocean", "Partnership"}
)
