// Package normalize turns the raw bytes of a press release into clean,
// NFKC-normalized UTF-8 text with an offset map back to the raw input.
package normalize
