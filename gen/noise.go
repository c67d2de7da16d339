package gen

import "bytes"

// pageBreak splits the body as text copied out of a PDF is split at a page
// break: inside a hyphenated given name ("Lee Sang-" + blank line + "min")
// when the body has one, else mid-sentence at a space.
func (d *doc) pageBreak() {
	b := d.b
	var cands []int // offsets just after a name's hyphen
	for i := d.body + 1; i+2 < len(b); i++ {
		if b[i] != '-' || !isLower(b[i-1]) || !isLower(b[i+1]) {
			continue
		}
		j := i - 1
		for j > 0 && isLetter(b[j-1]) {
			j--
		}
		if !isUpper(b[j]) || j == 0 || b[j-1] != ' ' {
			continue
		}
		k := i + 1
		for k < len(b) && isLower(b[k]) {
			k++
		}
		if n := k - i - 1; n >= 2 && n <= 4 && (k == len(b) || !isLetter(b[k])) {
			cands = append(cands, i+1)
		}
	}
	if len(cands) > 0 && d.r.pct(70) {
		at := cands[d.r.intn(len(cands))]
		d.b = insertAt(b, at, "\n\n")
		return
	}
	// A space in the middle of a long paragraph.
	var spaces []int
	start := d.body
	for i := d.body; i <= len(b); i++ {
		if i < len(b) && b[i] != '\n' {
			continue
		}
		if i-start > 300 {
			for j := start + (i-start)/3; j < start+2*(i-start)/3; j++ {
				if b[j] == ' ' {
					spaces = append(spaces, j)
				}
			}
		}
		start = i + 1
	}
	if len(spaces) == 0 {
		return
	}
	at := spaces[d.r.intn(len(spaces))]
	b[at] = '\n'
	d.b = insertAt(b, at, "\n")
}

// garble inserts a line of Devanagari that does not belong: after the
// first line, or between two paragraphs.
func (d *doc) garble() {
	line := d.one(d.t.garbled)
	var cands []int
	first := bytes.IndexByte(d.b, '\n')
	if first >= 0 {
		cands = append(cands, first+1)
	}
	for i := d.body; i+1 < len(d.b); i++ {
		if d.b[i] == '\n' && d.b[i+1] == '\n' {
			cands = append(cands, i+2)
		}
	}
	if len(cands) == 0 {
		return
	}
	at := cands[0]
	if d.r.pct(50) {
		at = cands[d.r.intn(len(cands))]
	}
	d.b = insertAt(d.b, at, "\n"+line+"\n\n")
}

func insertAt(b []byte, at int, s string) []byte {
	b = append(b, s...)
	copy(b[at+len(s):], b[at:len(b)-len(s)])
	copy(b[at:], s)
	return b
}

func isLower(c byte) bool  { return 'a' <= c && c <= 'z' }
func isUpper(c byte) bool  { return 'A' <= c && c <= 'Z' }
func isLetter(c byte) bool { return isLower(c) || isUpper(c) }

// curlyQuotes turns straight quotes into typographic ones: " into “ or ”
// by what precedes it, ' into ’ after a letter or digit and ‘ elsewhere.
func curlyQuotes(b []byte) []byte {
	n := bytes.Count(b, []byte{'"'}) + bytes.Count(b, []byte{'\''})
	if n == 0 {
		return b
	}
	out := make([]byte, 0, len(b)+2*n)
	for i, c := range b {
		opening := i == 0 || b[i-1] == ' ' || b[i-1] == '\n' || b[i-1] == '(' || b[i-1] == '\t' || b[i-1] == '['
		switch c {
		case '"':
			if opening {
				out = append(out, "“"...)
			} else {
				out = append(out, "”"...)
			}
		case '\'':
			if opening {
				out = append(out, "‘"...)
			} else {
				out = append(out, "’"...)
			}
		default:
			out = append(out, c)
		}
	}
	return out
}

// toCRLF turns every line end into CRLF.
func toCRLF(b []byte) []byte {
	n := bytes.Count(b, []byte{'\n'})
	out := make([]byte, 0, len(b)+n)
	for _, c := range b {
		if c == '\n' {
			out = append(out, '\r')
		}
		out = append(out, c)
	}
	return out
}
