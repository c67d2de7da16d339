package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// mergeCorpus is a small tree whose walk order is its doc_id order, as a
// flat folder of .txt files or gen's corpus is.
func mergeCorpus() fstest.MapFS {
	fsys := fstest.MapFS{}
	for i := range 40 {
		name := fmt.Sprintf("d%02d.txt", i)
		if i%10 == 9 {
			name = fmt.Sprintf("sub/s%02d.txt", i)
		}
		text := strings.Repeat(fmt.Sprintf("Place %d\n", i), 1+i%4)
		if i == 7 {
			text = "" // a rejected document: a documents row only
		}
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// runInto runs the pipeline over fsys into out, as shard i of n (n 0: not
// sharded).
func runInto(t *testing.T, fsys fstest.MapFS, out string, i, n int) {
	t.Helper()
	_, err := Run(context.Background(), Config{Input: fsys, Out: out, Workers: 2, Shard: i, Shards: n, Processor: testProcessor(), Parquet: ParquetOptions{RowGroupRows: 7}})
	if err != nil {
		t.Fatalf("run shard %d/%d: %v", i, n, err)
	}
}

// sealParts writes, for every shard whose parts dir holds, the manifest
// its shard would have written had it written the parts as they are now.
func sealParts(t *testing.T, dir string) {
	t.Helper()
	byBase := map[string][]ManifestPart{}
	for _, table := range Tables {
		paths, _ := filepath.Glob(filepath.Join(dir, table, "part-*"))
		for _, p := range paths {
			base := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(p), ".jsonl"), ".parquet")
			jsonl, _ := os.ReadFile(strings.TrimSuffix(strings.TrimSuffix(p, ".jsonl"), ".parquet") + ".jsonl")
			rows := int64(0)
			for line := range bytes.Lines(jsonl) {
				if len(bytes.TrimSpace(line)) > 0 {
					rows++
				}
			}
			size, sum, err := digestFile(p)
			if err != nil {
				t.Fatal(err)
			}
			rel, _ := filepath.Rel(dir, p)
			byBase[base] = append(byBase[base], ManifestPart{Table: table, Path: filepath.ToSlash(rel), Rows: rows, Bytes: size, SHA256: sum})
		}
	}
	os.MkdirAll(filepath.Join(dir, manifestDir), 0o755)
	for base, parts := range byBase {
		var i, n int
		fmt.Sscanf(base, "part-%d-of-%d", &i, &n)
		b, _ := json.Marshal(ShardManifest{Shard: i, Shards: n, Formats: []string{"jsonl", "parquet"}, Parts: parts})
		if err := os.WriteFile(filepath.Join(dir, manifestDir, base+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func runShards(t *testing.T, fsys fstest.MapFS, n int) string {
	t.Helper()
	out := t.TempDir()
	for i := range n {
		runInto(t, fsys, out, i, n)
	}
	return out
}

// TestMergeEqualsSingleRun checks that merging the parts of a sharded run
// gives the files of a single run, byte for byte, JSONL and Parquet.
func TestMergeEqualsSingleRun(t *testing.T) {
	fsys := mergeCorpus()
	single := t.TempDir()
	runInto(t, fsys, single, 0, 0)
	for _, n := range []int{1, 3, 7} {
		parts := runShards(t, fsys, n)
		merged := t.TempDir()
		st, err := Merge(context.Background(), MergeConfig{In: parts, Out: merged, Parquet: ParquetOptions{RowGroupRows: 7}})
		if err != nil {
			t.Fatalf("%d shards: %v", n, err)
		}
		if st.Docs != 40 || st.Rejected != 1 || st.Mentions == 0 || len(st.Files) != 8 {
			t.Errorf("%d shards: got stats %+v", n, st)
		}
		for _, table := range Tables {
			for _, ext := range []string{".jsonl", ".parquet"} {
				want, err := os.ReadFile(filepath.Join(single, table+ext))
				if err != nil {
					t.Fatal(err)
				}
				got, err := os.ReadFile(filepath.Join(merged, table+ext))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%d shards: merged %s%s differs from the single run's", n, table, ext)
				}
			}
		}
	}
}

// TestMergeOrder checks the order of merged rows when walk order and
// doc_id order differ, and that rows of one document keep their order.
func TestMergeOrder(t *testing.T) {
	in := t.TempDir()
	write := func(table, part string, lines ...string) {
		dir := filepath.Join(in, table)
		os.MkdirAll(dir, 0o755)
		if err := os.WriteFile(filepath.Join(dir, part), []byte(strings.Join(lines, "")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc := func(id string) string { return fmt.Sprintf("{\"doc_id\":%q,\"status\":\"ok\"}\n", id) }
	men := func(id, text string) string { return fmt.Sprintf("{\"doc_id\":%q,\"text\":%q}\n", id, text) }
	write("documents", "part-00000-of-00002.jsonl", doc("b"), doc("a-z"))
	write("documents", "part-00001-of-00002.jsonl", doc("a"), doc("c"))
	write("mentions", "part-00000-of-00002.jsonl", men("b", "3"), men("b", "1"), men("a-z", "x"), "\n", men("a-z", "y"))
	write("mentions", "part-00001-of-00002.jsonl", men("a", "2"), men("c", "9"))
	for _, table := range []string{"events", "rejects"} {
		write(table, "part-00000-of-00002.jsonl")
		write(table, "part-00001-of-00002.jsonl")
	}
	sealParts(t, in)
	out := t.TempDir()
	if _, err := Merge(context.Background(), MergeConfig{In: in, Out: out, Formats: []string{"jsonl"}}); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(filepath.Join(out, "mentions.jsonl"))
	want := men("a", "2") + men("a-z", "x") + men("a-z", "y") + men("b", "3") + men("b", "1") + men("c", "9")
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, err := os.Stat(filepath.Join(out, "mentions.parquet")); err == nil {
		t.Error("wrote Parquet, which was not asked for")
	}
}

// TestMergeErrors checks that parts which do not make one run are refused
// with a reason, and that nothing is written then.
func TestMergeErrors(t *testing.T) {
	fsys := mergeCorpus()
	part := func(dir, table string, i, n int) string {
		return filepath.Join(dir, table, fmt.Sprintf("part-%05d-of-%05d.jsonl", i, n))
	}
	tests := []struct {
		name    string
		setup   func(t *testing.T) string // returns IN
		partial bool
		err     string // "" for no error
	}{
		{"no parts", func(t *testing.T) string { return t.TempDir() }, false, "no parts to merge"},
		{"not sharded", func(t *testing.T) string {
			dir := t.TempDir()
			runInto(t, fsys, dir, 0, 0)
			return dir
		}, false, "no parts to merge"},
		{"Parquet parts only", func(t *testing.T) string {
			dir := runShards(t, fsys, 2)
			for _, table := range Tables {
				os.Remove(part(dir, table, 0, 2))
				os.Remove(part(dir, table, 1, 2))
			}
			return dir
		}, false, "only Parquet ones"},
		{"different shard counts", func(t *testing.T) string {
			dir := runShards(t, fsys, 3)
			runInto(t, fsys, dir, 1, 7) // a stale run into the same folder
			return dir
		}, false, "different shard counts are mixed in"},
		{"shard missing", func(t *testing.T) string {
			dir := runShards(t, fsys, 3)
			for _, table := range Tables {
				os.Remove(part(dir, table, 1, 3))
			}
			return dir
		}, false, "shards 1 of 3 have no parts"},
		{"shard missing, partial", func(t *testing.T) string {
			dir := runShards(t, fsys, 3)
			for _, table := range Tables {
				os.Remove(part(dir, table, 1, 3))
			}
			return dir
		}, true, ""},
		{"table lacks a part", func(t *testing.T) string {
			dir := runShards(t, fsys, 3)
			os.Remove(part(dir, "mentions", 2, 3))
			return dir
		}, false, "%IN%/mentions/part-00002-of-00003.jsonl is missing; its shard's manifest lists it"},
		{"document in two parts", func(t *testing.T) string {
			dir := runShards(t, fsys, 2)
			for _, table := range Tables {
				a, _ := os.ReadFile(part(dir, table, 0, 2))
				f, _ := os.OpenFile(part(dir, table, 1, 2), os.O_APPEND|os.O_WRONLY, 0)
				f.Write(a)
				f.Close()
			}
			sealParts(t, dir)
			return dir
		}, false, "has rows in two parts of documents"},
		{"rows without a documents row", func(t *testing.T) string {
			dir := runShards(t, fsys, 2)
			p := part(dir, "documents", 0, 2)
			b, _ := os.ReadFile(p)
			lines := strings.SplitAfter(string(b), "\n")
			os.WriteFile(p, []byte(strings.Join(lines[1:], "")), 0o644)
			sealParts(t, dir)
			return dir
		}, false, "has no documents row in part-00000-of-00002"},
		{"not a row", func(t *testing.T) string {
			dir := runShards(t, fsys, 2)
			f, _ := os.OpenFile(part(dir, "mentions", 1, 2), os.O_APPEND|os.O_WRONLY, 0)
			f.WriteString("oops\n")
			f.Close()
			sealParts(t, dir)
			return dir
		}, false, "part-00001-of-00002.jsonl:"},
		{"unknown column", func(t *testing.T) string {
			dir := runShards(t, fsys, 1)
			p := part(dir, "documents", 0, 1)
			b, _ := os.ReadFile(p)
			os.WriteFile(p, bytes.Replace(b, []byte(`"status"`), []byte(`"extra":1,"status"`), 1), 0o644)
			sealParts(t, dir)
			return dir
		}, false, `unknown field "extra"`},
		{"part cut at a line boundary", func(t *testing.T) string {
			dir := runShards(t, fsys, 2)
			cutLastLine(t, part(dir, "mentions", 0, 2))
			return dir
		}, false, "%IN%/mentions/part-00000-of-00002.jsonl does not verify"},
		{"empty part", func(t *testing.T) string {
			dir := runShards(t, fsys, 2)
			os.WriteFile(part(dir, "mentions", 1, 2), nil, 0o644)
			return dir
		}, false, "%IN%/mentions/part-00001-of-00002.jsonl does not verify"},
		{"rows fewer than the documents row says", func(t *testing.T) string {
			// A shard that wrote inconsistent parts, or a manifest
			// rewritten to match a cut part: the counts still tell.
			dir := runShards(t, fsys, 2)
			cutLastLine(t, part(dir, "mentions", 0, 2))
			sealParts(t, dir)
			return dir
		}, false, "its documents row (in %IN%/documents/part-00000-of-00002.jsonl) says n_mentions"},
		{"no manifest", func(t *testing.T) string {
			dir := runShards(t, fsys, 2)
			os.Remove(filepath.Join(dir, manifestDir, "part-00001-of-00002.json"))
			return dir
		}, false, "part-00001-of-00002 has no manifest"},
		{"no manifest, partial", func(t *testing.T) string {
			dir := runShards(t, fsys, 2)
			os.Remove(filepath.Join(dir, manifestDir, "part-00001-of-00002.json"))
			return dir
		}, true, ""},
		{"changed part, partial", func(t *testing.T) string {
			dir := runShards(t, fsys, 3)
			cutLastLine(t, part(dir, "events", 2, 3))
			os.WriteFile(part(dir, "documents", 1, 3), nil, 0o644)
			return dir
		}, true, ""},
		{"part not in the manifest", func(t *testing.T) string {
			dir := runShards(t, fsys, 2)
			sealed := filepath.Join(dir, manifestDir, "part-00001-of-00002.json")
			b, _ := os.ReadFile(sealed)
			var m ShardManifest
			json.Unmarshal(b, &m)
			m.Parts = slices.DeleteFunc(m.Parts, func(p ManifestPart) bool { return p.Table == "rejects" })
			b, _ = json.Marshal(m)
			os.WriteFile(sealed, b, 0o644)
			return dir
		}, false, "rejects/part-00001-of-00002.jsonl is not in its shard's manifest"},
		{"other parts mixed in", func(t *testing.T) string {
			dir := runShards(t, fsys, 1)
			for _, table := range Tables {
				os.WriteFile(filepath.Join(dir, table, "part-00009.jsonl"), nil, 0o644)
			}
			return dir
		}, false, "and other parts"},
		{"temporary files are not parts", func(t *testing.T) string {
			dir := runShards(t, fsys, 2)
			os.WriteFile(filepath.Join(dir, "events", ".part-00000-of-00005.jsonl.tmp-123"), []byte("junk"), 0o644)
			return dir
		}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.setup(t)
			out := t.TempDir()
			_, err := Merge(context.Background(), MergeConfig{In: in, Out: out, AllowPartial: tt.partial})
			want := strings.ReplaceAll(tt.err, "%IN%", in)
			switch {
			case want == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
				t.Fatalf("got error %v, want one containing %q", err, want)
			}
			names, _ := os.ReadDir(out)
			if want != "" && len(names) > 0 {
				t.Errorf("a failed merge left files in OUT: %v", names)
			}
			if want == "" && len(names) != 8 {
				t.Errorf("got %d files in OUT, want 8", len(names))
			}
		})
	}
}

// cutLastLine removes the last line of a file.
func cutLastLine(t *testing.T, name string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	if i := bytes.LastIndexByte(b, '\n'); i >= 0 {
		b = b[:i+1]
	} else {
		b = nil
	}
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestMergeInPlace checks a merge into the run's own folder: the tables
// are in place, the parts gone, and a reader of both OUT/T.jsonl and
// OUT/T/*.jsonl sees each row once.
func TestMergeInPlace(t *testing.T) {
	fsys := mergeCorpus()
	single := t.TempDir()
	runInto(t, fsys, single, 0, 0)
	dir := runShards(t, fsys, 3)
	if _, err := Merge(context.Background(), MergeConfig{In: dir, Out: dir, RemoveParts: true}); err != nil {
		t.Fatal(err)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	var want []string
	for _, table := range Tables {
		want = append(want, table+".jsonl", table+".parquet")
	}
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Errorf("got %v in OUT, want %v", names, want)
	}
	for _, table := range Tables {
		a, _ := os.ReadFile(filepath.Join(single, table+".jsonl"))
		b, _ := os.ReadFile(filepath.Join(dir, table+".jsonl"))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs from the single run's", table)
		}
	}
	// In place, Parquet only: the JSONL parts stay, the only copy of
	// their rows in JSONL.
	dir2 := runShards(t, fsys, 2)
	if _, err := Merge(context.Background(), MergeConfig{In: dir2, Out: dir2, Formats: []string{"parquet"}, RemoveParts: true}); err != nil {
		t.Fatal(err)
	}
	jsonl, _ := filepath.Glob(filepath.Join(dir2, "*", "part-*.jsonl"))
	pq, _ := filepath.Glob(filepath.Join(dir2, "*", "part-*.parquet"))
	if len(jsonl) != 8 || len(pq) != 0 {
		t.Errorf("after a Parquet-only merge in place: %d JSONL parts (want 8), %d Parquet parts (want 0)", len(jsonl), len(pq))
	}
	// Again: nothing left to merge.
	if _, err := Merge(context.Background(), MergeConfig{In: dir, Out: dir, RemoveParts: true}); err == nil || !strings.Contains(err.Error(), "no parts") {
		t.Errorf("second merge: got %v, want no parts", err)
	}
}

// TestMergeKeepsUnverified merges in place with AllowPartial a run one of
// whose parts was cut short: the shard that verifies is merged and its
// parts removed; the other's parts are all left, never deleted.
func TestMergeKeepsUnverified(t *testing.T) {
	dir := runShards(t, mergeCorpus(), 2)
	bad := filepath.Join(dir, "mentions", "part-00001-of-00002.jsonl")
	cutLastLine(t, bad)
	st, err := Merge(context.Background(), MergeConfig{In: dir, Out: dir, RemoveParts: true, AllowPartial: true})
	if err != nil {
		t.Fatal(err)
	}
	if st.Docs == 0 || st.Docs >= 40 {
		t.Errorf("merged %d documents, want those of shard 0 only", st.Docs)
	}
	for _, table := range Tables {
		for _, ext := range []string{"jsonl", "parquet"} {
			if _, err := os.Stat(filepath.Join(dir, table, "part-00001-of-00002."+ext)); err != nil {
				t.Errorf("the unverified shard's %s part: %v", table, err)
			}
			if _, err := os.Stat(filepath.Join(dir, table, "part-00000-of-00002."+ext)); err == nil {
				t.Errorf("the merged shard's %s.%s part is still there", table, ext)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, manifestDir, "part-00001-of-00002.json")); err != nil {
		t.Errorf("the unverified shard's manifest: %v", err)
	}
}

// TestMergeWhileShardWrites merges while a shard holds its lock: the
// merge is refused, naming the holder.
func TestMergeWhileShardWrites(t *testing.T) {
	dir := runShards(t, mergeCorpus(), 2)
	l, err := lockFile(filepath.Join(dir, ".communique-shard-00001-of-00002.lock"), "a test shard")
	if err != nil {
		t.Fatal(err)
	}
	defer l.release()
	_, err = Merge(context.Background(), MergeConfig{In: dir, Out: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "part-00001-of-00002 is still being written") || !strings.Contains(err.Error(), "a test shard") {
		t.Errorf("got %v, want a refusal naming the shard and its holder", err)
	}
}
