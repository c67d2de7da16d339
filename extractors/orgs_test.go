package extractors

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOrgsExtract(t *testing.T) {
	const kor = "Ministry of the Interior and Safety, Republic of Korea"
	type row struct{ Text, Value, Country string }
	tests := []struct {
		name, pub, text string
		want            []row
	}{
		{
			name: "acronyms defined and reused",
			pub:  kor,
			text: "The Ministry of the Interior and Safety (MOIS) sent a delegation to Greece. The delegation is composed of MOIS, National Tax Service (NTS), Korea Internet & Security Agency (KISA) and World Smart Sustainable Cities Organization (WeGO).",
			want: []row{
				{"Ministry of the Interior and Safety", "Ministry of the Interior and Safety", "KOR"},
				{"MOIS", "Ministry of the Interior and Safety", "KOR"},
				{"MOIS", "Ministry of the Interior and Safety", "KOR"},
				{"National Tax Service", "National Tax Service", "KOR"},
				{"NTS", "National Tax Service", "KOR"},
				{"Korea Internet & Security Agency", "Korea Internet & Security Agency", "KOR"},
				{"KISA", "Korea Internet & Security Agency", "KOR"},
				{"World Smart Sustainable Cities Organization", "World Smart Sustainable Cities Organization", ""},
				{"WeGO", "World Smart Sustainable Cities Organization", ""},
			},
		},
		{
			name: "demonyms and two bodies joined by and",
			pub:  kor,
			text: "The forum was jointly organized by the Italian Ministry for Public Administration, the Korean Ministry of Personnel Management and the Korean Public Procurement Service. Minister Lee requested the participation of the Saudi Ministry of Interior and of the Italian Interior Ministry.",
			want: []row{
				{"Italian Ministry for Public Administration", "Italian Ministry for Public Administration", "ITA"},
				{"Korean Ministry of Personnel Management", "Korean Ministry of Personnel Management", "KOR"},
				{"Korean Public Procurement Service", "Korean Public Procurement Service", "KOR"},
				{"Saudi Ministry of Interior", "Saudi Ministry of Interior", "SAU"},
				{"Italian Interior Ministry", "Italian Interior Ministry", "ITA"},
			},
		},
		{
			name: "international organizations",
			pub:  kor,
			text: "At the forum, the United Nations Department of Economic and Social Affairs (UN DESA), the Organisation for Economic Cooperation and Development (OECD), and the World Bank will join the discussion. UN DESA presented.",
			want: []row{
				{"United Nations Department of Economic and Social Affairs", "United Nations Department of Economic and Social Affairs", ""},
				{"UN DESA", "United Nations Department of Economic and Social Affairs", ""},
				{"Organisation for Economic Cooperation and Development", "Organisation for Economic Cooperation and Development", ""},
				{"OECD", "Organisation for Economic Cooperation and Development", ""},
				{"World Bank", "World Bank", ""},
				{"UN DESA", "United Nations Department of Economic and Social Affairs", ""},
			},
		},
		{
			name: "a foreign ministry named with its country",
			pub:  "Ministry of Foreign Affairs, Philippines",
			text: "The Ministry of Foreign Affairs of Japan and the Department of Foreign Affairs signed an agreement with the OECD.",
			want: []row{
				{"Ministry of Foreign Affairs of Japan", "Ministry of Foreign Affairs of Japan", "JPN"},
				{"Department of Foreign Affairs", "Department of Foreign Affairs", "PHL"},
				{"OECD", "OECD", ""},
			},
		},
		{
			name: "events, delegations and programmes are not organizations",
			pub:  kor,
			text: "The delegation held the 2nd e-Government Cooperation Committee Meeting. The Public Service Innovation Pavilion showcased cases of the Public Administration Cooperation Group and the Korea-EU Public Administration Cooperation Delegation. And, the ministry explained the events.",
		},
		{
			name: "an office is a body",
			pub:  "Ministry of Foreign Affairs, Malaysia",
			text: "Officials of the Cabinet Office briefed the visiting delegation on the programme.",
			want: []row{{"Cabinet Office", "Cabinet Office", "MYS"}},
		},
		{
			name: "a foreign office named with its demonym",
			pub:  "Department of Foreign Affairs, Government of Ireland",
			text: "A team from the German Federal Foreign Office arrived in Dublin on Monday.",
			want: []row{{"German Federal Foreign Office", "German Federal Foreign Office", "DEU"}},
		},
		{name: "empty", text: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := personsDoc(tt.text, tt.pub)
			ms := Orgs{}.Extract(d)
			checkMentions(t, d, ms, KindOrganization)
			var got []row
			for _, m := range ms {
				got = append(got, row{m.Text, m.Value, m.Country})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Orgs mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func BenchmarkOrgs(b *testing.B) {
	text := personsBenchText(b)
	d := personsDoc(text, "")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Orgs{}.Extract(d)
	}
}

// TestOrgsAndPersonsSame checks the one-pass extractor gives exactly the
// mentions of Orgs then Persons, over the regression corpus.
func TestOrgsAndPersonsSame(t *testing.T) {
	for _, doc := range regressionCorpus(t) {
		base := func() *Doc {
			d := &Doc{Text: doc.text}
			d.Meta = ReadMeta(d.Text)
			d.Sentences = Sentences(d.Text)
			for _, x := range []Extractor{Dates{}, Countries{}} {
				d.Mentions = append(d.Mentions, x.Extract(d)...)
			}
			return d
		}
		d1 := base()
		want := (Orgs{}).Extract(d1)
		d1.Mentions = append(d1.Mentions, want...)
		want = append(want, (Persons{}).Extract(d1)...)
		got := (OrgsAndPersons{}).Extract(base())
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: OrgsAndPersons differs from Orgs then Persons (-want +got):\n%s", doc.name, diff)
		}
	}
}

// BenchmarkOrgsAndPersons runs the one-pass extractor over the regression
// corpus, each document prepared as in a run (meta, sentences, dates and
// countries); one op is the whole corpus.
func BenchmarkOrgsAndPersons(b *testing.B) {
	var docs []*Doc
	size := 0
	for _, doc := range regressionCorpus(b) {
		d := &Doc{Text: doc.text}
		d.Meta = ReadMeta(d.Text)
		d.Sentences = Sentences(d.Text)
		for _, x := range []Extractor{Dates{}, Countries{}} {
			d.Mentions = append(d.Mentions, x.Extract(d)...)
		}
		settleHome(d) // decided once, as Stack.Mentions does after the countries
		docs = append(docs, d)
		size += len(doc.text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			OrgsAndPersons{}.Extract(d)
		}
	}
}

// corpusDoc is a document of the regression corpus: its file name and text.
type corpusDoc struct{ name, text string }

// regressionCorpus returns the documents of the regression corpus.
func regressionCorpus(tb testing.TB) []corpusDoc {
	tb.Helper()
	files, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no corpus: %v", err)
	}
	var docs []corpusDoc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, corpusDoc{filepath.Base(f), string(b)})
	}
	return docs
}
