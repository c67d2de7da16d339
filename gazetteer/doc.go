// Package gazetteer holds communique's data tables (countries with their
// names, aliases, demonyms and cities; official titles) as embedded data
// files, and the lookups over them.
package gazetteer
