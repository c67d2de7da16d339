package gen

import (
	"strconv"
	"time"
)

// day is a calendar day. Arithmetic goes through time.Date in UTC, which is
// the same on every machine.
type day struct{ y, m, d int }

func (a day) time() time.Time       { return time.Date(a.y, time.Month(a.m), a.d, 0, 0, 0, 0, time.UTC) }
func mkday(t time.Time) day         { return day{t.Year(), int(t.Month()), t.Day()} }
func (a day) add(n int) day         { return mkday(a.time().AddDate(0, 0, n)) }
func (a day) weekday() time.Weekday { return a.time().Weekday() }

var monthNames = [13]string{"", "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December"}

var monthCaps = [13]string{"", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"}

func appendInt(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }

func append2(b []byte, n int) []byte {
	if n < 10 {
		b = append(b, '0')
	}
	return appendInt(b, n)
}

// ordinal returns "1st", "2nd", "13th", ...
func ordinal(n int) string {
	suf := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suf = "st"
		case 2:
			suf = "nd"
		case 3:
			suf = "rd"
		}
	}
	return strconv.Itoa(n) + suf
}

var smallNumbers = [...]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

// appendDay writes "March 3" (us) or "3 March", with ", 2024" or " 2024".
func appendDay(b []byte, a day, us, year bool) []byte {
	if us {
		b = append(b, monthNames[a.m]...)
		b = append(b, ' ')
		b = appendInt(b, a.d)
		if year {
			b = append(b, ", "...)
			b = appendInt(b, a.y)
		}
		return b
	}
	b = appendInt(b, a.d)
	b = append(b, ' ')
	b = append(b, monthNames[a.m]...)
	if year {
		b = append(b, ' ')
		b = appendInt(b, a.y)
	}
	return b
}

// appendRange writes the range a..b as a press release would: "March 3-5",
// "3-5 March", "March 30 - April 2", with sep between the ends ("-",
// " - ", "–", " to "). A one-day range is written as a day.
func appendRange(b []byte, a, z day, us, year bool, sep string) []byte {
	if a == z {
		return appendDay(b, a, us, year)
	}
	if a.m == z.m && a.y == z.y {
		if us {
			b = append(b, monthNames[a.m]...)
			b = append(b, ' ')
			b = appendInt(b, a.d)
			b = append(b, sep...)
			b = appendInt(b, z.d)
			if year {
				b = append(b, ", "...)
				b = appendInt(b, a.y)
			}
			return b
		}
		b = appendInt(b, a.d)
		b = append(b, sep...)
		b = appendInt(b, z.d)
		b = append(b, ' ')
		b = append(b, monthNames[a.m]...)
		if year {
			b = append(b, ' ')
			b = appendInt(b, a.y)
		}
		return b
	}
	if sep == "-" || sep == "–" {
		sep = " " + sep + " "
	}
	b = appendDay(b, a, us, year && a.y != z.y)
	b = append(b, sep...)
	return appendDay(b, z, us, year)
}

// appendFromTo writes "from March 3 to 5", "from 30 March to 2 April", or
// "on March 3" for one day.
func appendFromTo(b []byte, a, z day, us, year bool) []byte {
	if a == z {
		b = append(b, "on "...)
		return appendDay(b, a, us, year)
	}
	b = append(b, "from "...)
	if a.m == z.m && a.y == z.y {
		if us {
			b = append(b, monthNames[a.m]...)
			b = append(b, ' ')
			b = appendInt(b, a.d)
			b = append(b, " to "...)
			b = appendInt(b, z.d)
			if year {
				b = append(b, ", "...)
				b = appendInt(b, a.y)
			}
			return b
		}
		b = appendInt(b, a.d)
		b = append(b, " to "...)
		return appendDay(b, z, false, year)
	}
	b = appendDay(b, a, us, year && a.y != z.y)
	b = append(b, " to "...)
	return appendDay(b, z, us, year)
}

// Publication date formats, named in sites.tsv.
var knownDateFormats = map[string]bool{
	"read": true, "korlong": true, "published": true, "usdate": true, "ukdate": true,
	"dateline": true, "pib": true, "iso": true, "dotted": true, "slash": true,
	"wam": true, "caps": true, "weekday": true, "release": true, "none": true,
}

// appendPubDate writes the publication date p (with time hh:mm) in format
// f. city is the dateline city. Prefix formats ("dateline", "wam", "caps")
// end with a dash and a space, ready for the first paragraph to follow.
func appendPubDate(b []byte, f string, p day, hh, mm int, city string, us bool, reads int, prefix bool) []byte {
	switch f {
	case "read":
		b = append(b, "Date : "...)
		b = appendInt(b, p.y)
		b = append(b, '.')
		b = append2(b, p.m)
		b = append(b, '.')
		b = append2(b, p.d)
		b = append(b, " Read : "...)
		b = appendInt(b, reads)
	case "korlong":
		b = append(b, p.weekday().String()...)
		b = append(b, ", "...)
		b = appendDay(b, p, false, true)
		b = append(b, ", "...)
		b = appendClock12(b, hh, mm, " ")
	case "published":
		b = append(b, "Published "...)
		b = appendDay(b, p, false, true)
	case "usdate":
		b = appendDay(b, p, true, true)
	case "ukdate":
		b = appendDay(b, p, false, true)
	case "weekday":
		b = append(b, p.weekday().String()...)
		b = append(b, ' ')
		b = appendDay(b, p, us, true)
	case "dateline":
		b = append(b, city...)
		b = append(b, ", "...)
		b = appendDay(b, p, us, true)
		if prefix {
			b = append(b, " – "...)
		}
	case "caps":
		b = appendUpper(b, city)
		b = append(b, ", "...)
		b = appendDay(b, p, us, true)
		if prefix {
			b = append(b, " - "...)
		}
	case "wam":
		b = appendUpper(b, city)
		b = append(b, ", "...)
		b = appendInt(b, p.d)
		b = append(b, ordinal(p.d)[len(strconv.Itoa(p.d)):]...)
		b = append(b, ' ')
		b = append(b, monthNames[p.m]...)
		b = append(b, " "...)
		b = appendInt(b, p.y)
		b = append(b, " (WAM)"...)
		if prefix {
			b = append(b, " -- "...)
		}
	case "pib":
		b = append(b, "Posted On: "...)
		b = append2(b, p.d)
		b = append(b, ' ')
		b = append(b, monthCaps[p.m]...)
		b = append(b, ' ')
		b = appendInt(b, p.y)
		b = append(b, ' ')
		b = appendClock12(b, hh, mm, "")
		b = append(b, " by PIB Delhi"...)
	case "iso":
		b = appendInt(b, p.y)
		b = append(b, '-')
		b = append2(b, p.m)
		b = append(b, '-')
		b = append2(b, p.d)
	case "dotted":
		b = append2(b, p.d)
		b = append(b, '.')
		b = append2(b, p.m)
		b = append(b, '.')
		b = appendInt(b, p.y)
	case "slash":
		b = append(b, "Date: "...)
		b = append2(b, p.d)
		b = append(b, '/')
		b = append2(b, p.m)
		b = append(b, '/')
		b = appendInt(b, p.y)
	case "release":
		b = append(b, "Release Date: "...)
		b = appendDay(b, p, us, true)
	}
	return b
}

// appendUpper appends s with its ASCII letters in capitals ("MANILA").
func appendUpper(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// appendClock12 appends hh:mm on a 12-hour clock, "3:05" then sep then "AM"
// or "PM".
func appendClock12(b []byte, hh, mm int, sep string) []byte {
	h := hh % 12
	if h == 0 {
		h = 12
	}
	b = appendInt(b, h)
	b = append(b, ':')
	b = append2(b, mm)
	b = append(b, sep...)
	if hh < 12 {
		return append(b, "AM"...)
	}
	return append(b, "PM"...)
}
