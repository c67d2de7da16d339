package extractors

import (
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// newEntParser tokenizes d whole, in one window. The caller must call
// release when done with the parser.
func newEntParser(d *Doc) *entParser {
	sents := d.Sentences
	if sents == nil {
		sents = Sentences(d.Text)
	}
	return newEntParserIn(d, sents, len(d.Text), nil)
}

func TestEntWindows(t *testing.T) {
	sp := func(se ...int) []Span {
		var out []Span
		for i := 0; i < len(se); i += 2 {
			out = append(out, Span{se[i], se[i+1]})
		}
		return out
	}
	cases := []struct {
		name  string
		sents []Span
		max   int
		want  []int // sentences per window
	}{
		{"none", nil, 100, nil},
		{"one window", sp(0, 10, 11, 40, 41, 100), 100, []int{3}},
		{"cut before the sentence that would pass max", sp(0, 10, 11, 40, 41, 101), 100, []int{2, 1}},
		{"a sentence longer than max is a window alone", sp(0, 10, 11, 300, 301, 320), 100, []int{1, 1, 1}},
		{"gaps between sentences count", sp(0, 10, 90, 101, 102, 110), 100, []int{1, 2}},
		{"many", sp(0, 30, 30, 60, 60, 90, 90, 120, 120, 150, 150, 180, 180, 210), 60, []int{2, 2, 2, 1}},
	}
	for _, c := range cases {
		var got []int
		at := 0
		for _, w := range entWindows(c.sents, c.max) {
			got = append(got, len(w))
			if &w[0] != &c.sents[at] {
				t.Errorf("%s: window %d does not start at sentence %d", c.name, len(got)-1, at)
			}
			at += len(w)
			if len(w) > 1 && w[len(w)-1].End-w[0].Start > c.max {
				t.Errorf("%s: window %v spans over %d bytes", c.name, w, c.max)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: windows of %v sentences, want %v", c.name, got, c.want)
		}
	}
}

// TestOverlayLists checks the lists against a scan of every mention for
// every window, on random mentions and windows.
func TestOverlayLists(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	kinds := []Kind{KindCountry, KindPlace, KindDate, KindPerson, KindOrganization}
	for range 200 {
		var sents []Span
		for at := r.Intn(5); len(sents) < 1+r.Intn(30); {
			e := at + 1 + r.Intn(40)
			sents = append(sents, Span{at, e})
			at = e + r.Intn(3)
		}
		end := sents[len(sents)-1].End
		ms := make([]Mention, r.Intn(60))
		for i := range ms {
			s := r.Intn(end + 5)
			ms[i] = Mention{Kind: kinds[r.Intn(len(kinds))], Span: Span{s, s + 1 + r.Intn(30)}}
		}
		ws := entWindows(sents, 10+r.Intn(80))
		got := overlayLists(ms, ws)
		for k, w := range ws {
			want := []int32{}
			for i, m := range ms {
				if (m.Kind == KindCountry || m.Kind == KindPlace || m.Kind == KindDate) &&
					m.Span.End > w[0].Start && m.Span.Start < w[len(w)-1].End {
					want = append(want, int32(i))
				}
			}
			if !slices.Equal(got[k], want) || got[k] == nil {
				t.Fatalf("window %d %v of %v: got %v, want %v", k, w, ms, got[k], want)
			}
		}
	}
}

// TestWindowedCopies reads documents made of copies of each release of
// the regression corpus in windows of about two copies: every copy that
// lies whole in a window gets the organizations and persons the release
// gets alone, and the parser never holds more tokens than a window has
// bytes.
func TestWindowedCopies(t *testing.T) {
	prepare := func(text string) *Doc {
		d := &Doc{Text: text}
		d.Meta = ReadMeta(d.Text)
		d.Sentences = Sentences(d.Text)
		for _, x := range []Extractor{Dates{}, Countries{}, Places{}} {
			d.Mentions = append(d.Mentions, x.Extract(d)...)
		}
		settleHome(d)
		return d
	}
	extract := func(d *Doc, size int) ([]Mention, int) {
		var orgs, persons []Mention
		most := 0
		eachWindowOf(d, size, func(p *entParser) {
			most = max(most, len(p.t))
			p.findOrgs()
			p.pass1()
			orgs = p.orgMentions(orgs)
			persons = p.resolve(persons)
		})
		out := append(orgs, persons...)
		counterpartOf(d, out[len(orgs):])
		return out, most
	}
	const copies = 7
	checked := 0
	for _, doc := range regressionCorpus(t) {
		if len(doc.text) < 2000 {
			continue
		}
		one := prepare(doc.text)
		alone, _ := extract(one, len(doc.text))
		sep := "\n\n"
		long := strings.Repeat(doc.text+sep, copies)
		max := 2*len(doc.text) + 2*len(sep)
		d := prepare(long)
		if HomeCountry(d) != HomeCountry(one) {
			// the publisher is the document's, decided before the windows
			t.Logf("%s: publisher %s alone, %s in copies", doc.name, HomeCountry(one), HomeCountry(d))
			continue
		}
		got, most := extract(d, max)
		if most > max {
			t.Errorf("%s: a window of %d tokens, over its %d bytes", doc.name, most, max)
		}
		ws := entWindows(d.Sentences, max)
		if len(ws) < 3 {
			t.Fatalf("%s: %d windows", doc.name, len(ws))
		}
		for c := range copies {
			off := c * (len(doc.text) + len(sep))
			whole := false
			for _, w := range ws {
				whole = whole || w[0].Start <= off && off+len(doc.text) <= w[len(w)-1].End
			}
			if !whole {
				continue
			}
			var in []Mention
			for _, m := range got {
				if m.Span.Start >= off && m.Span.End <= off+len(doc.text) {
					m.Span.Start -= off
					m.Span.End -= off
					in = append(in, m)
				}
			}
			sortMentions(in)
			want := slices.Clone(alone)
			sortMentions(want)
			if diff := cmp.Diff(want, in); diff != "" {
				t.Errorf("%s: copy %d (-alone +in the long document):\n%s", doc.name, c, diff)
			}
			checked++
		}
	}
	if checked < 50 {
		t.Fatalf("only %d copies lay whole in a window", checked)
	}
}
