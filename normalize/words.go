package normalize

import "strings"

// Word lists for the line pass. They describe the genre (site chrome of
// government news pages, English function words, hyphenation), not any
// one site; all entries are lower case.

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(s, "\n") {
		if w = strings.TrimSpace(w); w != "" && !strings.HasPrefix(w, "#") {
			m[w] = true
		}
	}
	return m
}

// chromeStrong are words that only site chrome uses: a short header line
// made of chrome words is dropped when it holds one of them.
var chromeStrong = wordSet(`
skip
topmenu
menu
submenu
navigation
nav
sitemap
login
logout
gnb
lnb
snb
breadcrumb
breadcrumbs
accessibility
toggle
jump
`)

// chromeWords are the words of navigation, skip links, tool bars and
// share bars ("the body go topmenu go", "Skip to main content", "Home
// About Contact", "Share Print Email").
var chromeWords = wordSet(`
a
about
all
and
area
back
body
bookmark
bottom
close
careers
contact
content
contents
contrast
dark
decrease
email
e
mail
english
events
facebook
faq
following
faqs
feedback
follow
font
footer
global
go
header
help
high
home
in
increase
instagram
kakao
kakaotalk
language
languages
light
line
link
linkedin
links
listen
log
main
map
mobile
mode
more
new
newsroom
next
of
on
only
open
opens
out
page
prev
previous
print
privacy
publications
quick
reader
register
reset
resources
rss
screen
search
section
select
services
settings
share
sign
site
size
sns
subscribe
tab
terms
text
the
this
to
top
translate
tweet
twitter
up
us
version
whatsapp
window
x
youtube
zoom
`)

// kickers are section labels printed above a headline.
var kickers = wordSet(`
press release
press releases
news release
news releases
media release
media releases
news
news & notices
news and notices
notices
notice
statement
statements
press statement
press statements
announcement
announcements
what's new
latest news
newsroom
news room
news centre
news center
media centre
media center
media
press
press room
press center
press centre
press office
for immediate release
immediate release
readout
readouts
remarks
speech
speeches
fact sheet
media statement
media statements
media advisory
press briefing
press briefings
news brief
news & events
news and events
news & media
news and media
news & updates
latest updates
`)

// footerPhrases are whole lines of page chrome found after the story.
var footerPhrases = wordSet(`
back to top
top
go to top
to top
scroll to top
back
go back
back to list
list
print
print this page
print page
share
share this
share this page
share this article
share this story
email
e-mail
email this page
previous
next
prev
previous post
next post
related links
related news
related articles
tags
`)

// counterLabels label view counters ("Read : 14923", "Views 1,204").
var counterLabels = wordSet(`
read
reads
view
views
viewed
hits
hit
visits
count
조회
조회수
`)

// functionWords cannot end an English sentence or headline: a line ending
// with one continues on the next line.
var functionWords = wordSet(`
a
an
the
of
to
and
or
nor
but
in
on
at
by
for
from
with
into
onto
upon
about
as
than
that
which
who
whose
whom
its
their
his
her
our
your
my
this
these
those
between
among
amongst
during
including
such
via
per
is
are
was
were
be
been
has
have
had
will
would
shall
should
can
could
may
might
must
not
also
both
either
neither
`)

// hyphenPrefixes keep their hyphen when a line break splits them from the
// rest of the word ("e-" + "Government", "co-" + "operation").
var hyphenPrefixes = wordSet(`
e
co
ex
re
de
pre
post
non
anti
pro
self
vice
semi
mid
sub
super
ultra
multi
inter
intra
cross
counter
well
long
high
low
full
half
all
first
second
third
one
two
three
large
small
short
wide
world
state
top
cyber
socio
eco
bio
geo
`)

// compoundHeads are second parts of common hyphenated compounds
// ("evidence-" + "based", "locally-" + "led").
var compoundHeads = wordSet(`
based
led
related
level
scale
term
wide
making
oriented
driven
owned
run
known
being
friendly
free
specific
centric
focused
sized
type
style
class
like
old
year
day
time
up
in
out
off
on
over
down
back
making
building
sharing
speaking
ranking
standing
income
party
generation
`)
