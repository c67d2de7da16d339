// Package pipeline runs communique's stages: a reader that lists and reads
// input documents, a fixed pool of workers that normalize, extract and
// validate, and one writer that sequences results and writes the output
// tables. It also defines the table rows and the sinks that write them.
package pipeline
