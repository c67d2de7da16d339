package extractors

import (
	_ "embed"
	"fmt"
	"strings"
)

// vocabText is the rules' vocabulary: data/vocab.txt, whose header says
// the format.
//
//go:embed data/vocab.txt
var vocabText string

// vocabLists holds vocabText's lists by name, parsed once at package
// initialization and read-only after.
var vocabLists = parseVocab(vocabText)

// parseVocab parses the vocabulary format. It panics on a malformed file:
// the file is embedded, so that is a build defect, which TestVocab
// catches.
func parseVocab(text string) map[string][]string {
	lists := map[string][]string{}
	cur := ""
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			cur = line[1 : len(line)-1]
			if _, dup := lists[cur]; dup || cur == "" {
				panic(fmt.Sprintf("vocab.txt:%d: list %q opened twice or unnamed", n+1, cur))
			}
			lists[cur] = nil
		case cur == "":
			panic(fmt.Sprintf("vocab.txt:%d: entry before the first [list]", n+1))
		default:
			lists[cur] = append(lists[cur], line)
		}
	}
	return lists
}

// vocab returns the entries of a vocabulary list. It panics when there is
// no such list: names are constants of the code.
func vocab(name string) []string {
	l, ok := vocabLists[name]
	if !ok || len(l) == 0 {
		panic("extractors: no vocabulary list " + name)
	}
	return l
}

// vocabSet returns a vocabulary list as a set.
func vocabSet(name string) map[string]bool {
	m := map[string]bool{}
	for _, w := range vocab(name) {
		m[w] = true
	}
	return m
}
