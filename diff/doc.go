// Package diff compares the output of two communique runs, table by table
// and document by document: which rows were added, which removed, and which
// changed, as `communique diff OLD NEW` prints it.
//
// Rows are matched by a content key, not by event_id (which is a digest of
// the very fields that change): within one document and table, rows of the
// same kind and identity fields (Key) are one record, and a record whose
// other fields differ is changed. An event whose dates moved is one changed
// row, not a removal and an addition. Where several rows of a document
// share a key, equal rows pair first, then the rest in file order; rows left
// over were added or removed.
//
// Runs are read as they were written, in doc_id order (pipeline.TableReader
// merges the parts of a sharded run), and compared in one pass, a document
// at a time: memory holds one document's rows of each table and the few
// documents kept for the report, whatever the size of the runs. Blocks of
// rows that are byte for byte the same are not decoded.
package diff
