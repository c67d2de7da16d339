package extractors

// Persons finds named persons: one KindPerson mention per occurrence of a
// name, full ("Lee Sang-min") or short ("Minister Lee", "President
// Mattarella"). It runs after the countries extractor and reads the
// KindCountry, KindPlace and KindDate mentions already in Doc.Mentions,
// and Doc.Meta (the headline span, the publisher).
//
// A mention's Span and Text are the name as written, without titles,
// honorifics or post-nominals. Value is the canonical name: the fullest
// form of the name in the document, a family name written in capitals
// title-cased ("KAMIKAWA Yoko" -> "Kamikawa Yoko"). Title, Rank, Org and
// Country are those of the person's best titled mention, carried to every
// occurrence: an office beats an honorific ("His Highness Prince ...,
// Saudi Arabia's Interior Minister" is a minister); of several offices the
// most specific title wins ("Minister of State for AI" over "Minister"),
// then the more senior. Rank comes from gazetteer.TitleIn; Org is the body
// named in the title, or the ministry a minister's portfolio names
// ("Minister of the Interior and Safety" -> "Ministry of the Interior and
// Safety"), or the body in "(MOIS, Minister Chin Young)".
//
// A name is taken only with an anchor: a title or honorific before it
// ("Minister of the Interior Matteo Piantedosi", "H.E. Ohood Al Roumi",
// "Senator the Hon Penny Wong", "Senate president Chea Sim"), an office
// in apposition after it ("Maria-Manuela Catrina, State Secretary at
// ...", "X, Director-General, World Trade Organization", "meet Michel
// Aoun President of Lebanon."), a title followed at a short distance by
// ", Name" ("the Saudi Arabian Minister of ... and host of LEAP 2024,
// Abdullah Alswaha,"), an office in the plural before a list of names
// ("Foreign Ministers A, B and I"; "the Foreign Ministers of <country> -
// A, <country> B": each holds the office, of the country before it), a
// counterpart noun ("his Austrian counterpart Kurz": the rank of the
// official whose counterpart he is), a line of its own over a line that
// is only its office ("John Kerry\nSecretary of State"), a speech verb
// ("said Jane Doe"), or a form of a name already anchored in the
// document. A name in a
// title-case headline is cut to the form the body gives ("Secretary
// Villareal Pushes ..." -> "Villareal"). A name inside the name of a venue
// or institution ("King Abdulaziz International Conference Center") is
// not a person; one that qualifies an "Administration" ("the Moon Jae-in
// Administration") is emitted as a head of state of the home country with
// no title (the gold marks these optional).
//
// The country of an office is, in order: a country, demonym or city in
// the title ("Saudi Arabia's Interior Minister", "Czech Deputy Minister",
// "Minister ... of Indonesia", "Mayor of Busan"; not a destination, "to
// Italy", nor a place, "In Solomon Islands Prime Minister Rudd ..."), or
// after a second titled name joined by "and" ("Prime Minister X and
// Foreign Minister Y of Norway"); none for an official of an
// international body ("President of the European Commission", "ASEAN
// Secretary-General", "X, President, World Economic Forum"); the publishing
// government's (HomeCountry) when the person is its official by position
// (in the headline, in "(MOIS, Minister Chin Young)", or the first official
// named, as a subject); the foreign country of the context when the person
// is met ("met with the Minister of the Interior Matteo Piantedosi") or
// holds a local office (mayor, councillor, governor); the country of the
// person a delegation member accompanies ("X was accompanied by Vice
// Minister Y"); else the home country.
//
// Persons is safe for concurrent use; it pools its token buffers.
type Persons struct{}

// Extract implements Extractor.
func (Persons) Extract(d *Doc) []Mention {
	var ms []Mention
	eachWindow(d, func(p *entParser) {
		p.findOrgs()
		p.pass1()
		ms = p.resolve(ms)
	})
	counterpartOf(d, ms)
	return ms
}
