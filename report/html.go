package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// The page's template, style sheet and script, inlined into every page.
var (
	//go:embed assets/page.html.tmpl
	pageTemplate string
	//go:embed assets/style.css
	styleSheet string
	//go:embed assets/script.js
	script string
)

var tmpl = template.Must(template.New("page").Funcs(template.FuncMap{
	"f3":  func(v float64) string { return fmt.Sprintf("%.3f", v) },
	"pct": func(v float64) string { return fmt.Sprintf("%.3f%%", v) },
	"css": func() template.CSS { return template.CSS(styleSheet) },
	"js":  func() template.JS { return template.JS(script) },
	"colour": func(iso string) template.CSS {
		return template.CSS("background:" + countryColour(iso))
	},
	"kind":   cssName,
	"plural": plural,
	"upper":  strings.ToUpper,
}).Parse(pageTemplate))

func plural(n any, what string) string {
	s := fmt.Sprint(n)
	if s == "1" {
		return "1 " + what
	}
	return s + " " + what + "s"
}

func render(w io.Writer, p *page) error { return tmpl.Execute(w, p) }

// Style places a leg on its track.
func (l leg) Style() template.CSS {
	return template.CSS(fmt.Sprintf("left:%.3f%%;width:%.3f%%;background:%s", l.Left, l.Width, countryColour(l.Country)))
}

// Style sizes a bar of a chart.
func (b bar) Style() template.CSS { return template.CSS(fmt.Sprintf("width:%.1f%%", b.Pct)) }

// Style places a tick on the axis.
func (t tick) Style() template.CSS { return template.CSS(fmt.Sprintf("left:%.3f%%", t.Left)) }
