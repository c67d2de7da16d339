package normalize

// swappedCase repairs text in which a PDF font printed one lower-case
// letter as its capital throughout ("The GermaN Federal PresideNt
// FraNk-Walter SteiNmeier", n printed as N). It acts only when the
// evidence is plain: the letter's lower case appears in no word of the
// text, while its capital follows a lower-case letter inside words at
// least minSwapped times. Then every such capital inside a word, after a
// lower-case letter or before one, becomes lower case ("GermaN" ->
// "German", "iN" -> "in", "KEnya" -> "Kenya"); a capital that opens a
// word stays ("National"). The result has
// the same length as text, so offsets are unchanged; it is text itself
// when nothing is repaired.
func swappedCase(text string) string {
	// A histogram of the bytes costs one increment a byte; capitals after
	// a lower-case letter are counted only for the rare letter whose
	// lower case is missing and whose capital is common enough.
	var count [256]int
	for i := 0; i < len(text); i++ {
		count[text[i]]++
	}
	letters := 0
	var fix [26]bool
	any := false
	for k := range fix {
		lower, upper := int(count['a'+k]), int(count['A'+k])
		letters += lower + upper
		fix[k] = lower == 0 && upper >= minSwapped
		any = any || fix[k]
	}
	if letters < minSwapLetters || !any {
		return text
	}
	var swapped [26]int
	for i := 1; i < len(text); i++ {
		if c := text[i]; c >= 'A' && c <= 'Z' && fix[c-'A'] && text[i-1] >= 'a' && text[i-1] <= 'z' {
			swapped[c-'A']++
		}
	}
	any = false
	for k := range fix {
		fix[k] = fix[k] && swapped[k] >= minSwapped
		any = any || fix[k]
	}
	if !any {
		return text
	}
	b := []byte(text)
	isLower := func(c byte) bool { return c >= 'a' && c <= 'z' }
	isLetter := func(c byte) bool { return isLower(c) || c >= 'A' && c <= 'Z' }
	for i := 1; i < len(b); i++ {
		c := b[i]
		if c < 'A' || c > 'Z' || !fix[c-'A'] {
			continue
		}
		// after a lower-case letter ("GermaN"), or inside a word before
		// one ("KEnya")
		if isLower(b[i-1]) || isLetter(b[i-1]) && i+1 < len(b) && isLower(b[i+1]) {
			b[i] = c + ('a' - 'A')
		}
	}
	return string(b)
}

// minSwapped is how often a capital must follow a lower-case letter, and
// minSwapLetters how many letters the text must have, before swappedCase
// believes a font swapped the letter: English text of that length never
// lacks a common lower-case letter.
const (
	minSwapped     = 10
	minSwapLetters = 400
)
