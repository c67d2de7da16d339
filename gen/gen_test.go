package gen

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func TestTablesParse(t *testing.T) {
	tb, err := loadTables()
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.publishers) < 12 {
		t.Errorf("%d publishers, want at least 12", len(tb.publishers))
	}
	if len(tb.countries) < 40 {
		t.Errorf("%d countries, want at least 40", len(tb.countries))
	}
	for i, l := range tb.lists {
		if len(l) == 0 {
			t.Errorf("list %s is empty", tb.listNames[i])
		}
	}
}

func TestParseTemplate(t *testing.T) {
	tb := mustTables()
	tests := []struct {
		in      string
		wantErr bool
		kinds   []segKind
	}{
		{in: "plain text", kinds: []segKind{segLit}},
		{in: "{pub_country} and {cp_country}", kinds: []segKind{segSlot, segLit, segSlot}},
		{in: "{^actor_short} {met|saw} {quote.body}.", kinds: []segKind{segSlot, segLit, segAlt, segLit, segList, segLit}},
		{in: "{_area}", kinds: []segKind{segSlot}},
		{in: "{no_such_thing}", wantErr: true},
		{in: "{unclosed", wantErr: true},
		{in: "{a|{b}}", wantErr: true},
	}
	for _, tt := range tests {
		got, err := tb.parse(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("parse(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if tt.wantErr {
			continue
		}
		var kinds []segKind
		for _, s := range got {
			kinds = append(kinds, s.kind)
		}
		if fmt.Sprint(kinds) != fmt.Sprint(tt.kinds) {
			t.Errorf("parse(%q) kinds = %v, want %v", tt.in, kinds, tt.kinds)
		}
	}
}

func TestDocumentDeterministic(t *testing.T) {
	for _, seed := range []uint64{0, 1, 42, 1 << 63} {
		for i := range 50 {
			n1, b1 := Document(seed, i)
			n2, b2 := Document(seed, i)
			if n1 != n2 || !bytes.Equal(b1, b2) {
				t.Fatalf("Document(%d, %d) differs between calls", seed, i)
			}
		}
	}
}

func TestDocumentConcurrent(t *testing.T) {
	const n = 200
	want := make([][]byte, n)
	for i := range n {
		_, want[i] = Document(7, i)
	}
	var wg sync.WaitGroup
	errs := make(chan string, n)
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each worker walks the documents in its own order.
			for k := range n {
				i := (k*7 + w*13) % n
				if _, b := Document(7, i); !bytes.Equal(b, want[i]) {
					errs <- fmt.Sprintf("document %d differs when made concurrently", i)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}

func corpusHash(seed uint64, n int) [32]byte {
	h := sha256.New()
	for i := range n {
		name, b := Document(seed, i)
		fmt.Fprintf(h, "%s %d\n", name, len(b))
		h.Write(b)
	}
	var out [32]byte
	copy(out[:], h.Sum(nil))
	return out
}

func TestSeedsDiffer(t *testing.T) {
	if corpusHash(1, 100) == corpusHash(2, 100) {
		t.Fatal("seeds 1 and 2 give the same corpus")
	}
	same := 0
	for i := range 100 {
		_, a := Document(1, i)
		_, b := Document(2, i)
		if bytes.Equal(a, b) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d of 100 documents identical between seeds 1 and 2", same)
	}
	// Documents of one corpus differ from each other too.
	seen := map[[32]byte]int{}
	for i := range 500 {
		_, b := Document(1, i)
		k := sha256.Sum256(b)
		if j, ok := seen[k]; ok {
			t.Fatalf("documents %d and %d of seed 1 are identical", j, i)
		}
		seen[k] = i
	}
}

func TestName(t *testing.T) {
	tests := []struct {
		i      int
		prefix string
	}{
		{0, "0000/0000000_"},
		{999, "0000/0000999_"},
		{1000, "0001/0001000_"},
		{123456, "0123/0123456_"},
	}
	re := regexp.MustCompile(`^\d{4}/\d{7}_[0-9a-f]{16}\.txt$`)
	for _, tt := range tests {
		got := Name(5, tt.i)
		if !strings.HasPrefix(got, tt.prefix) || !re.MatchString(got) {
			t.Errorf("Name(5, %d) = %q, want prefix %q and form DDDD/DDDDDDD_hex16.txt", tt.i, got, tt.prefix)
		}
		if n, _ := Document(5, tt.i); n != got {
			t.Errorf("Document(5, %d) name = %q, Name = %q", tt.i, n, got)
		}
	}
	if Name(5, 1) == Name(6, 1) {
		t.Error("names do not depend on the seed")
	}
}

func TestWriteMatchesDocument(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	const docs = 1203 // two folders, the second partly filled
	opt := Options{Docs: docs, Seed: 99}
	total, err := Write(dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	files := 0
	var sum int64
	err = filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sum += int64(len(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files != docs {
		t.Errorf("Write made %d files, want %d", files, docs)
	}
	if sum != total {
		t.Errorf("Write returned %d bytes, files hold %d", total, sum)
	}
	for i := range docs {
		name, want := Document(opt.Seed, i)
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil {
			t.Fatalf("document %d: %v", i, err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("file %s differs from Document(%d, %d)", name, opt.Seed, i)
		}
	}
	for _, sub := range []string{"0000", "0001"} {
		ents, err := os.ReadDir(filepath.Join(dir, sub))
		if err != nil {
			t.Fatal(err)
		}
		if want := map[string]int{"0000": 1000, "0001": 203}[sub]; len(ents) != want {
			t.Errorf("folder %s has %d files, want %d", sub, len(ents), want)
		}
	}

	// A second Write of the same corpus gives the same bytes.
	total2, err := Write(dir, opt)
	if err != nil || total2 != total {
		t.Errorf("second Write = %d, %v; want %d, nil", total2, err, total)
	}
}

func TestWriteErrors(t *testing.T) {
	tmp := t.TempDir()
	file := filepath.Join(tmp, "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		dir  string
		opt  Options
	}{
		{"negative count", filepath.Join(tmp, "a"), Options{Docs: -1}},
		{"dir is a file", file, Options{Docs: 3}},
		{"parent is a file", filepath.Join(file, "sub"), Options{Docs: 3}},
	}
	for _, tt := range tests {
		n, err := Write(tt.dir, tt.opt)
		if err == nil {
			t.Errorf("%s: Write succeeded, want error", tt.name)
		}
		if n != 0 {
			t.Errorf("%s: Write reported %d bytes", tt.name, n)
		}
	}
	// Zero documents is not an error: the folder is made, empty.
	empty := filepath.Join(tmp, "empty")
	if n, err := Write(empty, Options{}); err != nil || n != 0 {
		t.Errorf("Write of 0 documents = %d, %v", n, err)
	}
	if ents, err := os.ReadDir(empty); err != nil || len(ents) != 0 {
		t.Errorf("Write of 0 documents left %d entries, %v", len(ents), err)
	}
}

// sample returns documents 0..n-1 of seed 1 as strings.
func sample(n int) []string {
	out := make([]string, n)
	for i := range n {
		_, b := Document(1, i)
		out[i] = string(b)
	}
	return out
}

func TestSizeDistribution(t *testing.T) {
	docs := sample(2000)
	var total, short, mid, long int
	minSize, maxSize := 1<<30, 0
	for _, d := range docs {
		n := len(d)
		total += n
		minSize, maxSize = min(minSize, n), max(maxSize, n)
		switch {
		case n < 1600:
			short++
		case n >= 2000 && n <= 8500:
			mid++
		case n >= 14000:
			long++
		}
	}
	mean := total / len(docs)
	t.Logf("sizes: mean %d, min %d, max %d; short %d, 2-8.5 KB %d, long %d of %d", mean, minSize, maxSize, short, mid, long, len(docs))
	checks := []struct {
		what     string
		got      int
		min, max int
	}{
		{"mean size", mean, 4500, 6500},
		{"smallest document", minSize, 300, 1500},
		{"largest document", maxSize, 15000, 21500},
		{"short statements (< 1.6 KB) per 2000", short, 60, 300},
		{"seed-sized documents (2-8.5 KB) per 2000", mid, 1400, 2000},
		{"long releases (>= 14 KB) per 2000", long, 40, 240},
	}
	for _, c := range checks {
		if c.got < c.min || c.got > c.max {
			t.Errorf("%s = %d, want %d..%d", c.what, c.got, c.min, c.max)
		}
	}
}

func TestValidText(t *testing.T) {
	for i, d := range sample(2000) {
		if !utf8.ValidString(d) {
			t.Fatalf("document %d is not valid UTF-8", i)
		}
		if strings.ContainsRune(d, utf8.RuneError) {
			t.Errorf("document %d has U+FFFD", i)
		}
		crlf := strings.Contains(d, "\r\n")
		for j, r := range d {
			switch {
			case r == '\r':
				if !crlf || j+1 >= len(d) || d[j+1] != '\n' {
					t.Errorf("document %d: stray CR at %d", i, j)
				}
			case r == '\n' && crlf:
				if j == 0 || d[j-1] != '\r' {
					t.Errorf("document %d mixes CRLF and LF line ends (at %d)", i, j)
				}
			case r < 0x20 && r != '\t' && r != '\n', r == 0x7f:
				t.Errorf("document %d: control character %U at %d", i, r, j)
			}
		}
		if strings.Contains(d, "  ") && !strings.Contains(d, "\t") {
			// Double spaces come only from an empty slot or alternative.
			if k := strings.Index(d, "  "); k >= 0 {
				t.Errorf("document %d: double space near %q", i, d[max(0, k-40):min(len(d), k+40)])
			}
		}
		for _, bad := range []string{" ,", " .", "{", "}", "the the ", "The the ", "..", "(the ", " a an "} {
			if k := strings.Index(d, bad); k >= 0 {
				t.Errorf("document %d has %q near %q", i, bad, d[max(0, k-40):min(len(d), k+40)])
			}
		}
	}
}

func TestNoUnsetSlots(t *testing.T) {
	tb := mustTables()
	for i := range 3000 {
		d := doc{t: tb, strict: true}
		d.r.seed(3, i)
		d.compose()
		if len(d.unset) > 0 {
			t.Fatalf("document %d reads unset slots %v", i, d.unset)
		}
	}
}

var (
	reMonth   = `(?:January|February|March|April|May|June|July|August|September|October|November|December)`
	reUSRange = regexp.MustCompile(reMonth + ` \d{1,2}(?:-|–| - | to )\d{1,2}\b`)
	reUKRange = regexp.MustCompile(`\b\d{1,2}(?:-|–| - | to )\d{1,2} ` + reMonth)
	reCross   = regexp.MustCompile(reMonth + ` \d{1,2} (?:-|–|to) ` + reMonth + ` \d{1,2}|\d{1,2} ` + reMonth + ` (?:-|–|to) \d{1,2} ` + reMonth)
	reKorLong = regexp.MustCompile(`(?m)^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d{1,2} ` + reMonth + ` \d{4}, \d{1,2}:\d\d [AP]M\r?$`)
	reRead    = regexp.MustCompile(`(?m)^Date : \d{4}\.\d\d\.\d\d Read : \d+\r?$`)
	reDateln  = regexp.MustCompile(`(?m)^(?:Vilnius|Mexico City|Ottawa|Santiago), (?:\d{1,2} ` + reMonth + ` \d{4}|` + reMonth + ` \d{1,2}, \d{4})`)
	rePublish = regexp.MustCompile(`(?m)^Published \d{1,2} ` + reMonth + ` \d{4}\r?$`)
	reRanked  = regexp.MustCompile(`(?i)\branked \d{1,3}(?:st|nd|rd|th) (?:in|among|out|overall)`)
	reIndexYr = regexp.MustCompile(`\d{1,3}(?:st|nd|rd|th) in the [A-Z][\w-]*(?: [\w&-]+)* (?:Index|Survey|Ranking|Barometer)(?: \(?(?:19|20)\d\d\)?)?`)
	reTabRow  = regexp.MustCompile(`(?m)^[^\t\n]+\t[^\t\n]+`)
	reSplit   = regexp.MustCompile(`[A-Z][a-z]+-\r?\n\r?\n[a-z]{2,4}\b`)
	reDeva    = regexp.MustCompile(`\p{Devanagari}`)
	reBullet  = regexp.MustCompile(`(?m)^(?:\* |- |o |• |▪ )\S`)
	reHonor   = regexp.MustCompile(`\b(?:H\.E\.|His Highness|Dr|Mr|Ms) [A-Z]`)
)

func TestShapeMix(t *testing.T) {
	docs := sample(500)
	has := func(s string) func(string) bool { return func(d string) bool { return strings.Contains(d, s) } }
	re := func(r *regexp.Regexp) func(string) bool { return r.MatchString }
	tests := []struct {
		name     string
		match    func(string) bool
		min, max int // documents of 500
	}{
		{"tab-separated table row", re(reTabRow), 40, 300},
		{"itinerary table header", func(d string) bool {
			return strings.Contains(d, "Countries Visited\t") || strings.Contains(d, "Country\tDates\t") ||
				strings.Contains(d, "Date\tCity\t") || strings.Contains(d, "Country\tPeriod\t")
		}, 20, 200},
		{"US date range (March 3-5)", re(reUSRange), 50, 500},
		{"UK date range (3-5 March)", re(reUKRange), 50, 500},
		{"cross-month range", re(reCross), 5, 500},
		{"ranked Nth in", re(reRanked), 60, 500},
		{"Nth in the ... Index", re(reIndexYr), 60, 500},
		{"MOU", has("MOU"), 100, 500},
		{"Memorandum of Understanding", has("Memorandum of Understanding"), 80, 500},
		{"agreed to sign", has("agreed to sign"), 30, 500},
		{"incoming visit (paid an official visit to / visited ... at the invitation)", func(d string) bool {
			return strings.Contains(d, "at the invitation of") || strings.Contains(d, "received a courtesy call")
		}, 20, 500},
		{"forum or summit", func(d string) bool {
			return strings.Contains(d, "Summit") || strings.Contains(d, "Forum") || strings.Contains(d, "Conference") || strings.Contains(d, "Dialogue")
		}, 120, 500},
		{"Minister", has("Minister "), 400, 500},
		{"Vice Minister", has("Vice Minister"), 30, 500},
		{"Foreign Minister", has("Foreign Minister"), 20, 500},
		{"State Secretary", has("State Secretary"), 10, 500},
		{"Ambassador", has("Ambassador"), 40, 500},
		{"Mayor", has("Mayor "), 30, 500},
		{"Prime Minister", has("Prime Minister"), 30, 500},
		{"President", has("President "), 30, 500},
		{"Secretary-General", has("Secretary-General"), 5, 500},
		{"honorific", re(reHonor), 200, 500},
		{"His Highness", has("His Highness"), 3, 200},
		{"H.E.", has("H.E. "), 80, 500},
		{"site navigation", func(d string) bool { return strings.Contains(d, "HOME >") || strings.Contains(d, "Home >") }, 10, 200},
		{"kicker line", func(d string) bool {
			for _, k := range []string{"Press Release\n", "Press release\n", "Media release\n", "News story\n", "News release\n", "PRESS RELEASE\n", "Press Release\r\n"} {
				if strings.Contains(d, k) {
					return true
				}
			}
			return false
		}, 40, 400},
		{"Date : 2018.10.05 Read : 123", re(reRead), 10, 150},
		{"Tuesday, 12 March 2024, 10:00 AM", re(reKorLong), 10, 150},
		{"dateline (Vilnius, 4 May 2021)", re(reDateln), 5, 150},
		{"Published 9 January 2015", re(rePublish), 10, 150},
		{"bullets", re(reBullet), 80, 500},
		{"curly quotes", func(d string) bool { return strings.ContainsAny(d, "“”’") }, 80, 300},
		{"straight quotes", has(`"`), 100, 450},
		{"page-break split name (Sang-\\n\\nmin)", re(reSplit), 2, 60},
		{"Devanagari line", re(reDeva), 10, 45},
		{"CRLF line ends", has("\r\n"), 3, 40},
	}
	for _, tt := range tests {
		n := 0
		for _, d := range docs {
			if tt.match(d) {
				n++
			}
		}
		t.Logf("%-60s %3d/500", tt.name, n)
		if n < tt.min || n > tt.max {
			t.Errorf("%s: %d of 500 documents, want %d..%d", tt.name, n, tt.min, tt.max)
		}
	}
	// Publishers and counterparts vary.
	pubs := map[string]bool{}
	for _, d := range docs {
		for _, p := range []string{"Korea", "Japan", "Singapore", "United Kingdom", "Lithuania", "Australia", "India", "Philippines", "United Arab Emirates", "Mexico", "Chile", "Estonia"} {
			if strings.Contains(d, p) {
				pubs[p] = true
			}
		}
	}
	if len(pubs) < 12 {
		t.Errorf("only %d of 12 publisher countries appear in 500 documents: %v", len(pubs), pubs)
	}
}

func BenchmarkDocument(b *testing.B) {
	var n int64
	i := 0
	for b.Loop() {
		_, body := Document(1, i)
		n += int64(len(body))
		i++
	}
	b.SetBytes(n / int64(i))
}

func BenchmarkDocumentParallel(b *testing.B) {
	var total sync.Mutex
	var n, docs int64
	b.RunParallel(func(pb *testing.PB) {
		var mine, k int64
		i := 0
		for pb.Next() {
			_, body := Document(2, i)
			mine += int64(len(body))
			k++
			i++
		}
		total.Lock()
		n += mine
		docs += k
		total.Unlock()
	})
	if docs > 0 {
		b.SetBytes(n / docs)
	}
}

// corpusFingerprint is the SHA-256 of the first 300 documents of seed 1,
// names and bytes. It pins the corpus: the same on every machine, and
// changed only on purpose. When a change to the generator or its data is
// intended, update it (the test prints the new value) and say in the commit
// that benchmark corpora changed.
const corpusFingerprint = "e4ea451d984b655b3713d542b80786e8ec36e698404d5a5624295e4d1e0bc25b"

func TestCorpusFingerprint(t *testing.T) {
	got := fmt.Sprintf("%x", corpusHash(1, 300))
	if got != corpusFingerprint {
		t.Errorf("corpus fingerprint = %s, want %s\n(the corpus changed: if intended, update corpusFingerprint)", got, corpusFingerprint)
	}
}
