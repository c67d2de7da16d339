package report

import (
	"fmt"
	"hash/fnv"
	"io"
	"slices"
	"strings"
	"time"
)

// timeline is the chart of visits: one row per traveller, one bar per leg.
type timeline struct {
	Rows    []travellerRow
	Ticks   []tick
	Omitted int // travellers beyond the rows shown
	Undated int // visits without dates, not drawn
	From    string
	To      string
}

type travellerRow struct {
	Name string
	Legs []leg
}

type leg struct {
	Country, Title, EventID, Anchor string
	Left, Width                     float64 // percent of the axis
	Colour                          string
}

type tick struct {
	Label string
	Left  float64
}

// maxTravellers is the most rows the timeline draws.
const maxTravellers = 60

// timeline builds the chart from the visits of the documents shown.
func (p *page) timeline() {
	type visit struct {
		actor, country, title, id, anchor string
		start, end                        time.Time
	}
	var visits []visit
	undated := 0
	for _, d := range p.Docs {
		for _, e := range d.Events {
			if e.Type != "visit" {
				continue
			}
			s, err1 := time.Parse(time.DateOnly, e.start)
			t, err2 := time.Parse(time.DateOnly, e.end)
			if err1 != nil && err2 != nil {
				undated++
				continue
			}
			if err1 != nil {
				s = t
			}
			if err2 != nil || t.Before(s) {
				t = s
			}
			actor := e.Actor
			if actor == "" {
				actor = "(traveller not named)"
			}
			visits = append(visits, visit{actor: actor, country: e.Country, id: e.ID, anchor: d.Anchor,
				title: fmt.Sprintf("%s in %s, %s (%s)", actor, orDash(e.Country), e.Dates, d.ID), start: s, end: t})
		}
	}
	if len(visits) == 0 && undated == 0 {
		return
	}
	tl := &timeline{Undated: undated}
	p.Timeline = tl
	if len(visits) == 0 {
		return
	}
	// Travellers in order of their first leg.
	byActor := map[string][]visit{}
	var actors []string
	for _, v := range visits {
		if _, ok := byActor[v.actor]; !ok {
			actors = append(actors, v.actor)
		}
		byActor[v.actor] = append(byActor[v.actor], v)
	}
	first := func(a string) time.Time {
		f := byActor[a][0].start
		for _, v := range byActor[a] {
			if v.start.Before(f) {
				f = v.start
			}
		}
		return f
	}
	slices.SortStableFunc(actors, func(a, b string) int {
		if c := first(a).Compare(first(b)); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	if len(actors) > maxTravellers {
		tl.Omitted = len(actors) - maxTravellers
		actors = actors[:maxTravellers]
	}
	var lo, hi time.Time
	for i, a := range actors {
		for _, v := range byActor[a] {
			if i == 0 && lo.IsZero() || v.start.Before(lo) {
				lo = v.start
			}
			if v.end.After(hi) {
				hi = v.end
			}
		}
	}
	hi = hi.AddDate(0, 0, 1) // the last day is drawn whole
	days := hi.Sub(lo).Hours() / 24
	pct := func(t time.Time) float64 { return 100 * t.Sub(lo).Hours() / 24 / days }
	tl.From, tl.To = lo.Format(time.DateOnly), hi.AddDate(0, 0, -1).Format(time.DateOnly)
	for _, a := range actors {
		row := travellerRow{Name: a}
		vs := byActor[a]
		slices.SortStableFunc(vs, func(x, y visit) int { return x.start.Compare(y.start) })
		for _, v := range vs {
			left := pct(v.start)
			row.Legs = append(row.Legs, leg{Country: v.country, Title: v.title, EventID: v.id, Anchor: v.anchor,
				Left: left, Width: max(pct(v.end.AddDate(0, 0, 1))-left, 0.4), Colour: countryColour(v.country)})
		}
		tl.Rows = append(tl.Rows, row)
	}
	tl.Ticks = ticks(lo, hi, pct)
}

// ticks returns about six labelled dates along the axis.
func ticks(lo, hi time.Time, pct func(time.Time) float64) []tick {
	var out []tick
	span := hi.Sub(lo)
	for i := 0; i <= 5; i++ {
		t := lo.Add(span * time.Duration(i) / 5).Truncate(24 * time.Hour)
		out = append(out, tick{Label: t.Format(time.DateOnly), Left: pct(t)})
	}
	return out
}

// countryColour gives each country a colour of its own, the same on every
// page.
func countryColour(iso string) string {
	if iso == "" {
		return "hsl(0, 0%, 60%)"
	}
	h := fnv.New32a()
	io.WriteString(h, iso)
	v := h.Sum32()
	return fmt.Sprintf("hsl(%d, %d%%, %d%%)", v%360, 55+v/360%25, 42+v/9000%16)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
