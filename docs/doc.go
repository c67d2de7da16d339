// Package docs holds communique's documentation for its users, the
// Markdown files beside this one:
//
//   - input.md: folders, manifests (paths or JSON lines with a URL,
//     publisher and date) and pipe lines;
//   - output.md: the tables communique writes, their columns and enums;
//   - annotation.md: what counts as each record, to annotate gold;
//   - gold.md: the gold format communique eval scores against;
//   - diff.md: communique diff;
//   - report.md: communique report.
//
// The package has no code; its tests check the documents against the
// code: every column the Parquet writer declares is documented, no page
// a user reads points outside the repository, and the schema that
// `communique schema` prints creates tables in DuckDB that take a run's
// Parquet files.
package docs
