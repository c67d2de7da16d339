// Package report writes `communique report`: one self-contained HTML page
// (CSS and JavaScript inline, nothing fetched, opens from disk) to look at
// what a run extracted, the way displaCy or brat show annotations.
//
// The page has a run overview (documents by status, events by kind and by
// country, a timeline of visits with one row per traveller and one bar per
// leg, coloured by country), then one section per document: its normalized
// text with each mention and each event's evidence highlighted by kind,
// beside a table of its events and persons. Clicking an event row scrolls
// to its evidence. Every event row and every evidence highlight carries the
// event's id in a data-event-id attribute. With gold (the format of
// `communique eval`), the scorer's figures head the page and each document
// lists its missed and spurious records.
//
// The text comes from the run's texts table (`communique run
// --with-text`); without it the page shows the events without their text.
// A run of more documents than Options.MaxDocs is sampled: a deterministic
// choice by a hash of doc_id (the same documents on every report of the
// run), documents with gold always in, and the page says so. The overview
// counts cover the whole run; the run is read twice, streaming, so memory
// holds only the documents shown.
package report
