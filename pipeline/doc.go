// Package pipeline runs communique's stages: a reader that lists the
// input and orders it by doc_id, a fixed pool of workers that read,
// normalize, extract and validate, and one writer that puts results back
// in order and writes the output tables (Run). Pipe does the same for JSON
// lines on a stream (Spark RDD.pipe, Hadoop Streaming), and Merge compacts
// the parts of a sharded run. It also defines the table rows, their
// validation and the JSONL and Parquet sinks that write them.
package pipeline
