package normalize

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// body is a body paragraph: it ends the header area.
const body = "The minister met his counterpart in the capital on Monday to discuss digital government cooperation.\n"

type textCase struct {
	name    string
	in      string
	want    string
	garbled int
}

func runText(t *testing.T, tests []textCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Document([]byte(tt.in), "a.txt", Options{})
			if err != nil {
				t.Fatalf("Document: %v", err)
			}
			if diff := cmp.Diff(tt.want, res.Text); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
			if res.Garbled != tt.garbled {
				t.Errorf("Garbled = %d, want %d", res.Garbled, tt.garbled)
			}
			checkMap(t, []byte(tt.in), res)
			checkIdempotent(t, res)
		})
	}
}

func TestCharacters(t *testing.T) {
	runText(t, []textCase{
		{"curly quotes", "\u2018One\u2019 and \u201ctwo\u201d, \u201elow\u201f.", "'One' and \"two\", \"low\".\n", 0},
		{"dashes", "a\u2010b c\u2011d e\u2012f g\u2013h i\u2014j k\u2015l m\u2212n", "a-b c-d e-f g-h i-j k-l m-n\n", 0},
		{"spaces", "a\u00a0b\u2002c\u2003d\u2009e\u202ff\u3000g\u205fh", "a b c d e f g h\n", 0},
		{"invisible", "zero\u200bwidth\u200c join\u200der soft\u00adhyphen word\u2060joiner mid\ufeffbom lrm\u200e", "zerowidth joiner softhyphen wordjoiner midbom lrm\n", 0},
		{"nfkc", "ﬁnance Ｒｏｍｅ ①  ½ ㎞ Ⅳ", "finance Rome 1 1⁄2 km IV\n", 0},
		{"nfkc composes", "Cafe\u0301 Sa\u0303o", "Café São\n", 0},
		{"ellipsis", "Wait\u2026 what", "Wait... what\n", 0},
		{"replacement chars", "Bad \ufffd\ufffdbytes", "Bad bytes\n", 2},
		{"line separators", "one\u2028two\u2029three\u0085four\fv\vw", "one\ntwo\nthree\nfour\nv\nw\n", 0},
		{"accents kept", "Zürich, Kraków, İstanbul, Hà Nội, Đà Nẵng", "Zürich, Kraków, İstanbul, Hà Nội, Đà Nẵng\n", 0},
		{"symbols kept", "€5 • 30°C © ™ → ✓", "€5 • 30°C © TM → ✓\n", 0},
		{"private use dropped", "Bullet\ue000 text", "Bullet text\n", 0},
	})
}

func TestMojibake(t *testing.T) {
	runText(t, []textCase{
		{"apostrophe", "Korea\u00e2\u20ac\u2122s plan", "Korea's plan\n", 1},
		{"quotes", "\u00e2\u20ac\u0153Yes,\u00e2\u20ac\ufffd he said", "\"Yes,\" he said\n", 2},
		{"lost 0x9d", "\u00e2\u20ac\u0153Yes\u00e2\u20ac he said", "\"Yes\" he said\n", 2},
		{"dash", "2020 \u00e2\u20ac\u201c 2024", "2020 - 2024\n", 1},
		{"accent", "Caf\u00c3\u00a9 in S\u00c3\u00a3o Paulo", "Café in São Paulo\n", 2},
		{"nbsp", "10\u00c2\u00a0km", "10 km\n", 1},
		{"double encoded", "Korea\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2s", "Korea's\n", 4},
		{"real Latin-1 kept", "Ã  la carte, Â is a letter, ô and ¢", "Ã la carte, Â is a letter, ô and ¢\n", 0},
	})
}

func TestGarbledScript(t *testing.T) {
	runText(t, []textCase{
		{"devanagari line", "Press Release Date and Time\n\nस्थापित स्थापिता । स्थापित\n\n" + body,
			"Press Release Date and Time\n\n" + body, 23},
		{"devanagari in sentence", "The minister स्थापित visited Rome.", "The minister visited Rome.\n", 7},
		{"devanagari in headline", "Minister visits स्थापित Italy\n\n" + body, "Minister visits Italy\n\n" + body, 7},
		{"loose jamo", "The \u3131\u3134\u314f plan was set.", "The plan was set.\n", 2}, // ㄴ+ㅏ compose to 나, ㄱ stays loose
		{"marks without base", "Bad \u0301\u0302 marks and \u093f\u0947 signs.", "Bad marks and signs.\n", 4},
		{"mixed scripts", "Text 이상स्थ here.", "Text here.\n", 5},
		{"hangul name in parentheses", "Minister Lee Sang-min (이상민) said.", "Minister Lee Sang-min (이상민) said.\n", 0},
		{"two-part name in parentheses", "President Yoon Suk Yeol (윤 석열) spoke.", "President Yoon Suk Yeol (윤 석열) spoke.\n", 0},
		{"han name in parentheses", "Xi Jinping (习近平) and Kishida (岸田文雄) met.", "Xi Jinping (习近平) and Kishida (岸田文雄) met.\n", 0},
		{"arabic in quotes", "The slogan \"رؤية ٢٠٣٠\" was shown.", "The slogan \"رؤية ٢٠٣٠\" was shown.\n", 0},
		{"long run in parentheses", body + "Note (" + strings.Repeat("स्थापित ", 8) + ") here.", body + "Note ( ) here.\n", 56},
		{"jamo in parentheses", "Name (\u3131\u3134) here.", "Name ( ) here.\n", 2},
		{"language names", "English | 한국어 | 中文 | العربية\n\n" + body, body, 0},
		{"language name in text", "Available in English and 한국어.", "Available in English and 한국어.\n", 0},
		{"greek symbols", "The α variant and 5 µg doses.", "The α variant and 5 μg doses.\n", 0},
		{"greek words", body + "The Ελληνική Δημοκρατία signed.", body + "The signed.\n", 18},
		{"mostly korean document", "보도자료 행정안전부 장관 이상민 이탈리아 방문 Seoul", "보도자료 행정안전부 장관 이상민 이탈리아 방문 Seoul\n", 0},
		// Site chrome in a script of the publisher's own is removed as
		// chrome but not counted: a label of a date or a count, a
		// breadcrumb, a lone button word.
		{"lao date label", "ວັນທີ 12/03/2024\n\n" + body, "12/03/2024\n\n" + body, 0},
		{"ethiopic date label", "Ethiopia hosts IGAD talks\nቀን: 5 May 2021\n\n" + body, "Ethiopia hosts IGAD talks\n: 5 May 2021\n\n" + body, 0},
		{"arabic label with colon", "Oman and Kenya sign MoU\nالتاريخ: 2024/03/03\n\n" + body, "Oman and Kenya sign MoU\n: 2024/03/03\n\n" + body, 0},
		{"count then label", "Oman and Kenya sign MoU\n| 1,562 ครั้ง\n\n" + body, "Oman and Kenya sign MoU\n| 1,562\n\n" + body, 0},
		{"armenian breadcrumb", "Գլխավոր > Նորություններ > Մամուլի հաղորդագրություններ\nArmenia and Laos hold consultations\n\n" + body,
			"Armenia and Laos hold consultations\n\n" + body, 0},
		{"arabic share button", "Oman welcomes Kenyan minister\nمشاركة\n\n" + body, "Oman welcomes Kenyan minister\n\n" + body, 0},
		{"site name in its own script (Kyrgyzstan)", "Министерство иностранных дел Кыргызской Республики\nMinistry of Foreign Affairs of the Kyrgyz Republic\n\n" + body,
			"Ministry of Foreign Affairs of the Kyrgyz Republic\n\n" + body, 0},
		{"site name in its own script (Georgia)", "საქართველოს საგარეო საქმეთა სამინისტრო\nMinistry of Foreign Affairs of Georgia\n\n" + body,
			"Ministry of Foreign Affairs of Georgia\n\n" + body, 0},
		{"language switcher with an unlisted name (Thailand)", "ภาษาไทย | English | Français\n\n" + body, "| English | Français\n\n" + body, 0},
		{"language switcher with an unlisted name (Afghanistan)", "دری | English | Français\n\n" + body, "| English | Français\n\n" + body, 0},
		{"a label of Tibetan syllables (Bhutan)", "ཚེས་གྲངས་ 12/03/2024\n\n" + body, "12/03/2024\n\n" + body, 0},
		// Not chrome: a sentence of another script, a run inside English
		// text, a long run before a value, a label of a Latin word.
		{"devanagari line with a number", "स्थापित स्थापिता । स्थापित 2024\n\n" + body, "2024\n\n" + body, 23},
		{"sinhala word before a word", "Sri Lanka and Laos sign accord\nප්‍රවෘත්ති Colombo\n\n" + body, "Sri Lanka and Laos sign accord\nColombo\n\n" + body, 9},
		{"long label", "ක ඛ ග ඝ ඞ 2024\n\n" + body, "2024\n\n" + body, 5},
		{"foreign words on both sides of a value", "ວັນທີ 12/03/2024 ວັນທີ\n\n" + body, "12/03/2024\n\n" + body, 10},
		{"mostly korean keeps malformed out", "행정안전부 장관 \u3131\u3134 이상민", "행정안전부 장관 이상민\n", 2},
	})
}

func TestWhitespaceAndTables(t *testing.T) {
	runText(t, []textCase{
		{"collapse spaces", "  Many    spaces   here.   ", "Many spaces here.\n", 0},
		{"blank lines", "\n\n\nOne.\n\n\n\n\nTwo.\n\n\n", "One.\n\nTwo.\n", 0},
		{"blank lines with spaces", "One.\n \t \n  \nTwo.", "One.\n\nTwo.\n", 0},
		{"table tabs", "Country \t\t Dates\t  Result\nItaly\t\t\tMarch 6-9\tForum", "Country\tDates\tResult\nItaly\tMarch 6-9\tForum\n", 0},
		{"table rows not merged", "Countries Visited\tKey Achievements\nSaudi Arabia (March 3-5)\tKeynote at LEAP and\nItaly (March 6-9)\tforum held", "Countries Visited\tKey Achievements\nSaudi Arabia (March 3-5)\tKeynote at LEAP and\nItaly (March 6-9)\tforum held\n", 0},
		{"trailing tabs", "a\tb\t\t\n", "a\tb\n", 0},
	})
}

func TestChrome(t *testing.T) {
	runText(t, []textCase{
		{"nav and breadcrumb", "the body go topmenu go\n\nHOME > What's New> News & Notices\n\nNews & Notices\n\nMOIS to bolster cooperation on e-Government with BSEC member states\nDate : 2018.10.05 Read : 14923\n" + body,
			"MOIS to bolster cooperation on e-Government with BSEC member states\nDate : 2018.10.05 Read : 14923\n" + body, 0},
		{"skip link", "Skip to main content\nJump to navigation\nMinister Visits Rome\n" + body, "Minister Visits Rome\n" + body, 0},
		{"menu line", "Home | About Us | Contact | Sitemap | Login\nMinister Visits Rome\n" + body, "Minister Visits Rome\n" + body, 0},
		{"breadcrumb slash", "You are here: Home / Media / Releases\nMinister Visits Rome\n" + body, "Minister Visits Rome\n" + body, 0},
		{"counter alone", "Minister Visits Rome\nViews: 1,234\n" + body, "Minister Visits Rome\n" + body, 0},
		{"kickers", "Media Release\n\nMinister Visits Rome\n\n" + body, "Minister Visits Rome\n\n" + body, 0},
		{"kicker statement", "STATEMENT\nMinister Visits Rome\n" + body, "Minister Visits Rome\n" + body, 0},
		{"metadata kept", "Press Release\nPress Release Date and Time\nTuesday, 12 March 2024, 10:00 AM\nPublished 9 January 2015\nMinister Visits Rome\n" + body,
			"Press Release Date and Time\nTuesday, 12 March 2024, 10:00 AM\nPublished 9 January 2015\nMinister Visits Rome\n" + body, 0},
		{"headline with chrome words kept", "Minister Opens New Home for Digital Government\n" + body, "Minister Opens New Home for Digital Government\n" + body, 0},
		{"headline starting Home kept", "Home Affairs Minister Visits Rome\n" + body, "Home Affairs Minister Visits Rome\n" + body, 0},
		{"headline News kept", "News Agencies Meet in Rome\n" + body, "News Agencies Meet in Rome\n" + body, 0},
		{"chrome in body kept", body + "\nPress Release\n\nHome > News\n\nRead : 12\n\nThe end of the story.\n", body + "\nPress Release\n\nHome > News\n\nRead : 12\n\nThe end of the story.\n", 0},
		{"footer chrome", body + "\nBack to top\nShare this page\nPrint\nFacebook Twitter LinkedIn\n© 2024 Ministry of Foreign Affairs\n", body, 0},
		{"feedback footer", body + "\nIs this page useful? Yes No\nReport a problem with this page\nViews 1,204\nFollow us on Twitter\n", body, 0},
		{"footer-like line mid body kept", body + "\nPrint\n\nThe end of the story.\n", body + "\nPrint\n\nThe end of the story.\n", 0},
	})
}

func TestPageBreaks(t *testing.T) {
	runText(t, []textCase{
		{"name split by page break", "Sultan Al Olama, in light of Minister Lee Sang-\n\nmin's request to attend the Forum, promised to attend.",
			"Sultan Al Olama, in light of Minister Lee Sang-min's request to attend the Forum, promised to attend.\n", 0},
		{"sentence split by blank line", "met the minister, one of the key figures behind the\n\ncountry's biggest urban project, NEOM.",
			"met the minister, one of the key figures behind the country's biggest urban project, NEOM.\n", 0},
		{"split after function word", "policies related to jobs, education, living conditions, and\n\nCulture and sports.",
			"policies related to jobs, education, living conditions, and Culture and sports.\n", 0},
		{"page footer between", "the two ministers agreed to expand the\n\n- 2 -\n\ncooperation in many areas.",
			"the two ministers agreed to expand the cooperation in many areas.\n", 0},
		{"page of footer", "End of page one.\n\nPage 1 of 3\n\nStart of page two.", "End of page one.\n\nStart of page two.\n", 0},
		{"paragraphs kept apart", "The minister visited Rome.\n\nThe minister then visited Paris.", "The minister visited Rome.\n\nThe minister then visited Paris.\n", 0},
		{"heading kept apart", "Saudi Arabia: March 3 - 5\n\nDuring the visit, the group met six ministers.", "Saudi Arabia: March 3 - 5\n\nDuring the visit, the group met six ministers.\n", 0},
		{"headline before bullet", "Korea takes center stage among leading governments\n- MOIS to host the 2022 Summit -\nKorea will hold a summit.",
			"Korea takes center stage among leading governments\n- MOIS to host the 2022 Summit -\nKorea will hold a summit.\n", 0},
		{"bullets not merged", "The plan includes the following\n\n- first, a new portal\n- second, training and\n- third, funding", "The plan includes the following\n\n- first, a new portal\n- second, training and\n- third, funding\n", 0},
		{"short label not merged", "Contact\n\nmedia@example.gov", "Contact\n\nmedia@example.gov\n", 0},
		{"lone number kept in unwrapped text", "The minister spoke.\n\n2\n\nThe end.", "The minister spoke.\n\n2\n\nThe end.\n", 0},
	})
}

// wrapped is a hard-wrapped dump of two paragraphs (60 columns).
const wrapped = `Korea and Italy Sign Agreement on Digital Government and
Public Administration Innovation

Rome, 8 March 2024

The Minister of the Interior and Safety visited Rome on 8
March and met the Italian Minister for Public Administra-
tion. The two ministers agreed to expand cooperation on the
digital transformation of public services, including govern-
ment innovation, co-
operation on e-Government and AI-based services, and the
exchange of well-known best practices between the Korea-
Italy Cooperation Forum members and other partners in the
region.

- 2 -

The ministers also discussed locally-
led balanced development and the role of the central gov-
ernment in supporting regions.
3
Both sides welcomed the results of the visit.

Countries	Dates
Italy	March 6-9
`

func TestHardWrap(t *testing.T) {
	want := `Korea and Italy Sign Agreement on Digital Government and Public Administration Innovation

Rome, 8 March 2024

The Minister of the Interior and Safety visited Rome on 8 March and met the Italian Minister for Public Administration. The two ministers agreed to expand cooperation on the digital transformation of public services, including government innovation, cooperation on e-Government and AI-based services, and the exchange of well-known best practices between the Korea-Italy Cooperation Forum members and other partners in the region.

The ministers also discussed locally-led balanced development and the role of the central government in supporting regions.
Both sides welcomed the results of the visit.

Countries	Dates
Italy	March 6-9
`
	runText(t, []textCase{{"wrapped", wrapped, want, 0}})
}

func TestRunningHeads(t *testing.T) {
	page := func(n string, body string) string {
		return "EMBASSY OF THE REPUBLIC OF KOREA - PRESS RELEASE\n\n" + body + "\n\n- " + n + " -\n\f"
	}
	in := page("1", `The Ambassador met the Minister of Foreign Affairs in the capital on
Tuesday to discuss trade, investment and the preparations for the
summit. The two sides agreed to hold regular consultations and to
expand cooperation in the fields of energy, digital economy and`) +
		page("2", `culture, and to exchange delegations of young leaders in the coming
year. The Ambassador also visited the National Assembly and met the
Speaker to convey the greetings of the President of Korea to the
parliament, and invited him to visit Seoul at a convenient time.`) +
		page("3", `The Embassy will continue to support Korean companies in the region
and to promote exchanges in culture, education and tourism between
the two countries, which will mark the anniversary of relations.`)
	want := `EMBASSY OF THE REPUBLIC OF KOREA - PRESS RELEASE

The Ambassador met the Minister of Foreign Affairs in the capital on Tuesday to discuss trade, investment and the preparations for the summit. The two sides agreed to hold regular consultations and to expand cooperation in the fields of energy, digital economy and culture, and to exchange delegations of young leaders in the coming year. The Ambassador also visited the National Assembly and met the Speaker to convey the greetings of the President of Korea to the parliament, and invited him to visit Seoul at a convenient time.

The Embassy will continue to support Korean companies in the region and to promote exchanges in culture, education and tourism between the two countries, which will mark the anniversary of relations.
`
	runText(t, []textCase{{"running heads", in, want, 0}})
}

func TestDehyphenate(t *testing.T) {
	tests := []struct {
		doc, frag, next string
		want            bool
	}{
		{"", "innov", "ation", true},
		{"", "govern", "ment", true},
		{"", "Administra", "tion", true},
		{"", "Sang", "min's", false},
		{"", "Korea", "Italy", false},
		{"", "e", "Government", false},
		{"", "co", "operation", false},
		{"", "self", "reliance", false},
		{"", "evidence", "based", false},
		{"", "locally", "led", false},
		{"", "Jae", "in", false},
		{"", "AI", "based", false},
		{"the research team", "re", "search", true},
		{"a long-term view", "long", "term", false},
		{"a re-elected mayor", "re", "elected", false},
		{"", "covid", "19", false},
	}
	for _, tt := range tests {
		lt := &lineText{s: tt.doc}
		if got := lt.dehyphenate(tt.frag, tt.next); got != tt.want {
			t.Errorf("dehyphenate(%q, %q) in %q = %v, want %v", tt.frag, tt.next, tt.doc, got, tt.want)
		}
	}
}

func TestLinePredicates(t *testing.T) {
	type row struct {
		line                                           string
		bullet, footer, chrome, crumb, counter, kicker bool
	}
	tests := []row{
		{line: "- item", bullet: true},
		{line: "o The DN was established", bullet: true},
		{line: "* Republic of Korea, UK", bullet: true},
		{line: "• point", bullet: true},
		{line: "1. First", bullet: true},
		{line: "(2) Second", bullet: true},
		{line: "a) third", bullet: true},
		{line: "2022 Digital Nations"},
		{line: "1.5 million people"},
		{line: "- 2 -", bullet: true, footer: true},
		{line: "-3-", footer: true},
		{line: "Page 3 of 5", footer: true},
		{line: "page 4", footer: true},
		{line: "Page Two of the plan"},
		{line: "the body go topmenu go", chrome: true},
		{line: "Skip to content", chrome: true},
		{line: "Home", chrome: true},
		{line: "Print", chrome: true},
		{line: "English"},
		{line: "Minister Visits Home Town"},
		{line: "HOME > What's New> News & Notices", crumb: true},
		{line: "Home » Media » News", crumb: true},
		{line: "Homeland security minister > visits"},
		{line: "Read : 14923", counter: true},
		{line: "Views 1,204 Hits 3", counter: true},
		{line: "Date : 2018.10.05 Read : 14923"},
		{line: "Press Release", kicker: true},
		{line: "PRESS RELEASE:", kicker: true},
		{line: "News & Notices", kicker: true},
		{line: "Press Release Date and Time"},
		{line: "Joint Statement on Climate"},
	}
	for _, tt := range tests {
		got := row{tt.line, isBullet(tt.line), isPageFooter(tt.line, false), isChromeLine(tt.line),
			isBreadcrumb(tt.line), isCounterLine(tt.line), isKicker(tt.line)}
		if diff := cmp.Diff(tt, got, cmp.AllowUnexported(row{})); diff != "" {
			t.Errorf("%q (-want +got):\n%s", tt.line, diff)
		}
	}
}

// TestLabelLineNotJoined checks that a hard-wrapped dump does not join a
// headline with the metadata line under it.
func TestLabelLineNotJoined(t *testing.T) {
	body := strings.Repeat("The delegation met officials of the ministry and discussed the cooperation plan in\ndetail with the other participants of the meeting held in the capital city of the\n", 6)
	raw := "MOIS to bolster cooperation on e-Government with BSEC member states\nDate : 2018.10.05 Read : 14923\n" + body
	res, err := Document([]byte(raw), "dump.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(res.Text, "\n")
	if len(lines) < 2 || lines[0] != "MOIS to bolster cooperation on e-Government with BSEC member states" || !strings.HasPrefix(lines[1], "Date : 2018.10.05") {
		t.Errorf("headline and date line were joined or lost:\n%s", res.Text[:min(len(res.Text), 300)])
	}
}

// TestChromeLabels checks that site labels dropped as chrome are kept in
// Result.Chrome, for the publisher's script, and garbled runs are not.
func TestChromeLabels(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"lao date label", "ວັນທີ 12/03/2024\n\n" + body, "ວັນທີ"},
		{"armenian breadcrumb", "Գլխավոր > Նորություններ\nArmenia and Laos hold consultations\n\n" + body, "Գլխավոր Նորություններ"},
		{"garbled is not chrome", "The minister स्थापित visited Rome.", ""},
		{"nothing foreign", body, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Document([]byte(tt.in), "a.txt", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Chrome != tt.want {
				t.Errorf("Chrome = %q, want %q", res.Chrome, tt.want)
			}
		})
	}
}

// TestCleanLongRun checks that clean, which rewrites a long run of
// non-ASCII text in pieces, gives what rewriting it whole gives: pieces
// are cut where neither side changes the other, not inside a mojibake
// sequence, a combining sequence or a Hangul syllable in jamo.
func TestCleanLongRun(t *testing.T) {
	pieces := []string{"한국", "e\u0301", "Ã©", "â€™", "\u1100\u1161", "ﷺ", "中文", "Ж", "é", "\u00a0", "ｶﾞ", "①", "\u200b", "ﬁ"}
	var b strings.Builder
	for i := 0; b.Len() < 5*maxChunk; i++ {
		b.WriteString(pieces[i%len(pieces)])
		if i%7 == 0 {
			b.WriteString(pieces[(i/7)%len(pieces)])
		}
	}
	texts := []string{b.String()}
	// Where a piece would be cut by length alone: inside a mojibake
	// sequence, between a letter and its combining mark, between two
	// jamo that NFKC composes, inside "â€™".
	fill := strings.Repeat("中", maxChunk/3) // one byte short of maxChunk
	for _, at := range []string{"Ã©", "Ж\u0301", "\u1100\u1161", "â€™", "Â\u00a0"} {
		texts = append(texts, fill+at+fill)
	}
	for _, s := range texts {
		st, _, err := clean(s, 0)
		if err != nil {
			t.Fatal(err)
		}
		var cc chunkCleaner
		var cs cleanStats
		whole := string(cc.clean(s, &cs))
		if st.text != whole {
			i := 0
			for i < len(whole) && i < len(st.text) && whole[i] == st.text[i] {
				i++
			}
			t.Errorf("cleaned in pieces, the text differs from the text cleaned whole at byte %d: %q, want %q", i, st.text[max(0, i-20):min(len(st.text), i+20)], whole[max(0, i-20):min(len(whole), i+20)])
		}
	}
}

// TestNormalizedLimit checks that the size limit bounds the text, not only
// the input: U+FDFA grows elevenfold under NFKC, Windows-1252 and UTF-16
// grow when decoded.
func TestNormalizedLimit(t *testing.T) {
	tests := []struct {
		name   string
		raw    []byte
		limit  int64
		reason string // "" for no rejection
	}{
		{"nfkc within", []byte(strings.Repeat("\uFDFA ", 100)), 4000, ""},
		{"nfkc over", []byte(strings.Repeat("\uFDFA ", 1000)), 8000, "too large once normalized"},
		{"nfkc one run over", []byte(strings.Repeat("\uFDFA", 100000)), 1 << 20, "too large once normalized"},
		{"windows-1252 over", bytes.Repeat([]byte("\xe9t\xe9 "), 1000), 4500, "too large once decoded"},
		{"raw over", []byte(strings.Repeat("word ", 1000)), 4000, "too large"},
	}
	for _, tt := range tests {
		_, err := Document(tt.raw, "a.txt", Options{MaxBytes: tt.limit})
		var rej *RejectError
		switch {
		case tt.reason == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.reason != "" && (!errors.As(err, &rej) || !strings.HasPrefix(rej.Reason, tt.reason)):
			t.Errorf("%s: error %v, want a rejection %q", tt.name, err, tt.reason)
		}
	}
}

// TestDocumentContext checks that a done context stops Document with an
// error that says why.
func TestDocumentContext(t *testing.T) {
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	_, err := DocumentContext(ctx, []byte("Minister visits Italy\n"), "a.txt", Options{})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want an error wrapping context.DeadlineExceeded", err)
	}
	if _, err := DocumentContext(context.Background(), []byte("Minister visits Italy\n"), "a.txt", Options{}); err != nil {
		t.Errorf("got %v with a live context", err)
	}
}
