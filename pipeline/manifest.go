package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ShardManifest is the record a shard writes of its parts, last and in
// the same commit as they, the way Hadoop and Spark committers write
// _SUCCESS: OUT/_manifest/part-IIIII-of-NNNNN.json. Merge checks every
// part against it, so that a part cut short, emptied, left from another
// run or missing is found, named, and never merged or deleted.
type ShardManifest struct {
	Shard   int            `json:"shard"`
	Shards  int            `json:"shards"`
	Formats []string       `json:"formats"`
	Parts   []ManifestPart `json:"parts"`
}

// ManifestPart describes one part file.
type ManifestPart struct {
	Table  string `json:"table"`
	Path   string `json:"path"` // relative to OUT, with '/' separators
	Rows   int64  `json:"rows"`
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// manifestDir is the folder of the shard manifests in OUT.
const manifestDir = "_manifest"

// shardManifestRel is where shard i of n's manifest goes, relative to OUT.
func shardManifestRel(i, n int) string {
	return manifestDir + "/" + partBase(i, n) + ".json"
}

// writeShardManifest describes the staged files rels of a shard (rows by
// table) and writes the manifest into the staging folder, synced.
func writeShardManifest(od *outDir, shard, shards int, formats []string, rels []string, tableOf map[string]string, rows map[string]int64) error {
	m := ShardManifest{Shard: shard, Shards: shards, Formats: formats}
	for _, rel := range rels {
		size, sum, err := digestFile(od.staged(rel))
		if err != nil {
			return fmt.Errorf("manifest: %w", err)
		}
		t := tableOf[rel]
		m.Parts = append(m.Parts, ManifestPart{Table: t, Path: rel, Rows: rows[t], Bytes: size, SHA256: sum})
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	tf, err := createTemp(od.ops, od.staged(shardManifestRel(shard, shards)))
	if err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	if _, err := tf.f.Write(append(b, '\n')); err != nil {
		tf.abort()
		return fmt.Errorf("manifest: %w", err)
	}
	if err := tf.commit(); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	return nil
}

// readShardManifest reads the manifest of shard base ("part-IIIII-of-NNNNN")
// in the folder in.
func readShardManifest(in, base string) (ShardManifest, error) {
	var m ShardManifest
	b, err := os.ReadFile(filepath.Join(in, manifestDir, base+".json"))
	if err != nil {
		return m, err
	}
	if err := json.Unmarshal(b, &m); err != nil {
		return m, fmt.Errorf("%s: %w", filepath.Join(in, manifestDir, base+".json"), err)
	}
	return m, nil
}

// digestFile returns the size and hex SHA-256 of a file.
func digestFile(name string) (int64, string, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return 0, "", err
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}
