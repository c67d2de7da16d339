package normalize

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHTML(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"entities and blocks", `<p>Tom &amp; Jerry&nbsp;met &lt;here&gt; &#8220;today&#x201D; &copy.</p><div>Second.<br>Line.<br><br>After blank.</div>`,
			"Tom & Jerry met <here> \"today\" ©.\n\nSecond.\nLine.\n\nAfter blank.\n"},
		{"lists", `<ul><li>One<li>Two</ul><ol><li>Three</li></ol>`, "One\nTwo\n\nThree\n"},
		{"table", `<table><tr><th>Country<th>Dates</tr><tr><td> Italy </td><td>March 6-9</td></tr></table>`,
			"Country\tDates\nItaly\tMarch 6-9\n"},
		{"pre keeps lines", "<pre>A  b.\n  C.</pre>", "A b.\nC.\n"},
		{"headings", `<h1>Title Here</h1><h2>Sub</h2><p>Text.</p>`, "Title Here\n\nSub\n\nText.\n"},
		{"title when no h1", `<html><head><title>Minister Visits Rome | Ministry of Foreign Affairs</title></head><body><p>The minister visited Rome on Monday.</p></body></html>`,
			"Minister Visits Rome\n\nThe minister visited Rome on Monday.\n"},
		{"title kept whole when short before bar", `<title>News | Ministry</title><p>The minister visited Rome.</p>`,
			"News | Ministry\n\nThe minister visited Rome.\n"},
		{"dropped elements", `<nav>Menu</nav><aside>Side</aside><script>x</script><style>y</style><noscript>z</noscript><form><input value=q>Search</form><p hidden>h</p><p aria-hidden="true">a</p><p style="display: none">d</p><p>Kept text.</p><footer>Foot</footer>`,
			"Kept text.\n"},
		{"article preferred", `<div class="menu"><a href=1>Home</a> <a href=2>News</a></div><div>Sidebar words here</div><article><h1>Headline</h1><p>The story text is here and it is long enough to count as the story.</p></article><div>More junk</div>`,
			"Headline\n\nThe story text is here and it is long enough to count as the story.\n"},
		{"h1 outside article", `<body><div id="wrap"><h1>Headline</h1><div class="date">2024-03-12</div><article><p>The story text is here and it is long enough to count as the story of the day.</p></article></div><div>Unrelated block of text that should not be part of it at all, really not.</div></body>`,
			"Headline\n\n2024-03-12\n\nThe story text is here and it is long enough to count as the story of the day.\n"},
		{"densest block", `<div id="top"><div>Ministry banner text</div></div><div id="c"><h1>Headline</h1><p>First paragraph of the story, with plenty of words in it to be dense.</p><p>Second paragraph of the story, again with plenty of words in it.</p></div><div><a href="/a">Link one here</a> <a href="/b">Link two here</a> <a href="/c">Link three here</a></div>`,
			"Headline\n\nFirst paragraph of the story, with plenty of words in it to be dense.\n\nSecond paragraph of the story, again with plenty of words in it.\n"},
		{"link menu dropped", `<p>The story text is here.</p><ul><li><a href="/a">Ministry news archive</a></li><li><a href="/b">Ministry press releases</a></li><li><a href="/c">Ministry speeches list</a></li></ul><p>More story text.</p>`,
			"The story text is here.\n\nMore story text.\n"},
		{"header inside article kept", `<header><a>Logo</a></header><article><header><h1>Headline</h1><time>12 March 2024</time></header><p>The story text is here and is long enough to be the story.</p></article>`,
			"Headline\n\n12 March 2024\n\nThe story text is here and is long enough to be the story.\n"},
		{"form wrapping page kept", `<form id="aspnetForm"><div><h1>Headline</h1><p>The whole page sits inside one form element, as on many sites.</p></div></form>`,
			"Headline\n\nThe whole page sits inside one form element, as on many sites.\n"},
		{"table layout page", `<html><head><title>Ministry of the Interior</title></head><body>
<div id="skipNav"><a href="#c">the body go</a><a href="#gnb">topmenu go</a></div>
<div id="header"><div class="gnb"><ul><li><a href="/1">About</a></li><li><a href="/2">Policies</a></li><li><a href="/3">What's New</a></li></ul></div></div>
<div id="container"><div class="lnb"><h2>What's New</h2><ul><li><a>News &amp; Notices</a></li><li><a>Photo News</a></li></ul></div>
<div id="contents"><div class="location">HOME &gt; What's New&gt; News &amp; Notices</div><h3>News &amp; Notices</h3>
<table class="view"><tr><th colspan="2">MOIS to bolster cooperation on e-Government with BSEC member states</th></tr>
<tr><td>Date : 2018.10.05</td><td>Read : 14923</td></tr>
<tr><td colspan="2"><p>The Ministry of the Interior and Safety (MOIS) and the Ministry of the Foreign Affairs (MOFA) sent a delegation headed by Vice Minister Shim Bo-kyun to Greece and Romania.</p>
<p>Korea&rsquo;s e-government has been under the global spotlight.</p></td></tr></table>
<div class="btn"><a href="/list">List</a></div></div></div>
<div id="footer"><p>Copyright MOIS. All rights reserved.</p></div></body></html>`,
			"Ministry of the Interior\n\nMOIS to bolster cooperation on e-Government with BSEC member states\nDate : 2018.10.05\tRead : 14923\n\nThe Ministry of the Interior and Safety (MOIS) and the Ministry of the Foreign Affairs (MOFA) sent a delegation headed by Vice Minister Shim Bo-kyun to Greece and Romania.\n\nKorea's e-government has been under the global spotlight.\n"},
		{"unclosed tags", `<p>One<p>Two<div>Three`, "One\n\nTwo\n\nThree\n"},
		{"comments and cdata", `<p>A<!-- hidden -->B</p>`, "AB\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Document([]byte(tt.in), "page.html", Options{})
			if err != nil {
				t.Fatalf("Document: %v", err)
			}
			if diff := cmp.Diff(tt.want, res.Text); diff != "" {
				t.Errorf("text (-want +got):\n%s", diff)
			}
			checkMap(t, []byte(tt.in), res)
			checkIdempotent(t, res)
		})
	}
}

func TestLooksHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html><html>", true},
		{"\n  <html lang=en>", true},
		{"<p>Hello</p>", true},
		{"<div class=x>", true},
		{"Press release <p> text", false},
		{"<3 love", false},
		{"plain text", false},
	}
	for _, tt := range tests {
		if got := looksHTML(tt.in); got != tt.want {
			t.Errorf("looksHTML(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
