package pipeline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// An outDir is a writer's hold on an output folder OUT: a lock, and a
// staging folder inside OUT where the new files are written, which a
// commit puts in place of the old ones so that OUT holds either all the
// old files or all the new ones, never some of each.
//
// A scope names what a writer owns in OUT: "" is a whole run's or a
// merge's tables (OUT/T.ext); "shard-IIIII-of-NNNNN" one shard's parts
// (OUT/T/part-IIIII-of-NNNNN.ext and its manifest). Writers of different
// scopes work in one OUT side by side; two of the same scope cannot: the
// second fails at once with a *LockedError naming the first.
//
// The commit works on any folder, a mount point included, with renames
// inside OUT and a journal:
//
//  1. the new files are written, synced, into the staging folder
//     OUT/.communique-staging[-SCOPE];
//  2. the old files of the scope are linked into the staging folder's
//     .old (links: OUT itself is not touched yet);
//  3. the journal, OUT/.communique-commit[-SCOPE], listing the new files
//     and the old, is written and renamed into place, synced;
//  4. each new file is renamed over its old one; old files the new
//     output has no counterpart for are removed;
//  5. the journal is removed: this is the commit point.
//
// A failure before 3 leaves OUT as it was. A failure after it is undone
// at once (roll back): each old file is renamed back from .old, each new
// one without an old counterpart removed, then the journal. Rolling back
// only renames and removes, and can be repeated: if it fails too, or the
// process dies, the journal stays, and the next writer of the scope rolls
// back before anything else, as it removes the staging folders and
// temporary files that a killed writer left. So after any failure OUT
// holds the complete previous output, or, past the commit point, the
// complete new one. A reader that looks at OUT during step 4 (a few
// renames) may see a mix.
type outDir struct {
	ops   fileOps
	dir   string // OUT
	scope string
	lock  *outLock
	log   *slog.Logger
}

// Names inside OUT.
const (
	stagingName = ".communique-staging"
	journalName = ".communique-commit"
	lockName    = ".communique"
	oldName     = ".old" // inside the staging folder
)

func scoped(name, scope, ext string) string {
	if scope != "" {
		name += "-" + scope
	}
	return name + ext
}

func (o *outDir) stagingDir() string { return filepath.Join(o.dir, scoped(stagingName, o.scope, "")) }
func (o *outDir) journalPath() string {
	return filepath.Join(o.dir, scoped(journalName, o.scope, ""))
}

// staged returns where the file at rel (a slash path relative to OUT) is
// written before the commit.
func (o *outDir) staged(rel string) string {
	return filepath.Join(o.stagingDir(), filepath.FromSlash(rel))
}

// openOutDir creates OUT if needed, takes the scope's lock (what names the
// holder in the lock file), finishes what a failed or killed writer of
// the scope left (rolls back its commit, removes its staging folder and
// its temporary files) and creates an empty staging folder.
func openOutDir(ops fileOps, dir, scope, what string, log *slog.Logger) (*outDir, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create output directory: %w", err)
	}
	lock, err := lockFile(filepath.Join(dir, scoped(lockName, scope, ".lock")), what)
	if err != nil {
		return nil, err
	}
	o := &outDir{ops: opsOr(ops), dir: dir, scope: scope, lock: lock, log: log}
	if err := o.recover(); err != nil {
		lock.release()
		return nil, err
	}
	if err := os.MkdirAll(o.stagingDir(), 0o755); err != nil {
		lock.release()
		return nil, fmt.Errorf("create staging folder: %w", err)
	}
	return o, nil
}

// close removes the staging folder and releases the lock. A commit that
// could not be rolled back leaves its journal, and then the staging
// folder stays too: it holds the previous files, which the next writer
// of the scope puts back.
func (o *outDir) close() {
	if o == nil {
		return
	}
	if _, err := os.Lstat(o.journalPath()); errors.Is(err, fs.ErrNotExist) {
		os.RemoveAll(o.stagingDir())
	}
	o.lock.release()
}

// journal is what a commit in progress writes down: the files it puts in
// place and the old files it replaces, slash paths relative to OUT.
type journal struct {
	Scope string   `json:"scope"`
	New   []string `json:"new"`
	Old   []string `json:"old"`
}

// recover rolls back a commit that a failed or killed writer of the
// scope left, and removes its staging folder and temporary files.
func (o *outDir) recover() error {
	b, err := os.ReadFile(o.journalPath())
	switch {
	case err == nil:
		var j journal
		if err := json.Unmarshal(b, &j); err != nil {
			return fmt.Errorf("%s: %w (a commit that was cut short: restore the previous output by hand, then remove it)", o.journalPath(), err)
		}
		if err := o.rollback(j); err != nil {
			return fmt.Errorf("roll back the commit that %s records: %w", o.journalPath(), err)
		}
		o.log.Warn("rolled back the commit of a run that failed or was killed", "dir", o.dir, "n", len(j.New))
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("read %s: %w", o.journalPath(), err)
	}
	if names, _ := filepath.Glob(o.journalPath() + ".tmp-*"); len(names) > 0 {
		for _, name := range names {
			os.Remove(name)
		}
	}
	if err := os.RemoveAll(o.stagingDir()); err != nil {
		return fmt.Errorf("remove the staging folder a killed run left: %w", err)
	}
	// Temporary files written beside the tables by earlier versions.
	n := 0
	for _, pat := range o.legacyTemps() {
		names, _ := filepath.Glob(pat)
		for _, name := range names {
			if os.Remove(name) == nil {
				n++
			}
		}
	}
	if n > 0 {
		o.log.Info("removed the temporary files a killed run left", "dir", o.dir, "n", n)
	}
	return nil
}

// legacyTemps are the patterns of the temporary files that writers
// before the staging folder left beside the tables of the scope.
func (o *outDir) legacyTemps() []string {
	var pats []string
	for _, t := range Tables {
		if o.scope == "" {
			pats = append(pats, filepath.Join(o.dir, "."+t+".*.tmp-*"))
		} else {
			pats = append(pats, filepath.Join(o.dir, t, ".part-"+strings.TrimPrefix(o.scope, "shard-")+".*.tmp-*"))
		}
	}
	return pats
}

// commit puts the staged files newFiles in place, and removes the files
// of replace that are not among them, as one change (see outDir). Both
// are slash paths relative to OUT; every file of newFiles must be synced
// in the staging folder. Files of neither list are left alone.
func (o *outDir) commit(newFiles, replace []string) error {
	ops := o.ops
	stage := o.stagingDir()
	oldDir := filepath.Join(stage, oldName)
	// Make the staged files' entries durable.
	for _, d := range dirsOf(stage, newFiles) {
		if err := ops.SyncDir(d); err != nil {
			return fmt.Errorf("commit: sync %s: %w", d, err)
		}
	}
	// Keep the old files, as links, for a roll back.
	var old []string
	for _, rel := range replace {
		p := filepath.Join(o.dir, filepath.FromSlash(rel))
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("commit: %w", err)
		}
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("commit: %s is not a regular file; move it away", p)
		}
		keep := filepath.Join(oldDir, filepath.FromSlash(rel))
		if err := ops.MkdirAll(filepath.Dir(keep), 0o755); err != nil {
			return fmt.Errorf("commit: %w", err)
		}
		if err := ops.Link(p, keep); err != nil {
			// A file system without hard links: a copy then.
			if cerr := copyFile(ops, p, keep); cerr != nil {
				return fmt.Errorf("commit: keep the previous %s: %w", rel, errors.Join(err, cerr))
			}
		}
		old = append(old, rel)
	}
	if len(old) > 0 {
		for _, d := range dirsOf(oldDir, old) {
			if err := ops.SyncDir(d); err != nil {
				return fmt.Errorf("commit: sync %s: %w", d, err)
			}
		}
	}
	// The journal: from here on, a failure rolls back.
	if err := o.writeJournal(journal{Scope: o.scope, New: newFiles, Old: old}); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	fail := func(err error) error {
		if rerr := o.rollback(journal{Scope: o.scope, New: newFiles, Old: old}); rerr != nil {
			return fmt.Errorf("commit: %w; and rolling back failed too: %v (the next run into %s rolls back)", err, rerr, o.dir)
		}
		return fmt.Errorf("commit: %w (rolled back: the previous output is in place)", err)
	}
	for _, rel := range newFiles {
		p := filepath.Join(o.dir, filepath.FromSlash(rel))
		if err := ops.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fail(err)
		}
		if err := ops.Rename(o.staged(rel), p); err != nil {
			return fail(err)
		}
	}
	for _, rel := range old {
		if slices.Contains(newFiles, rel) {
			continue
		}
		if err := ops.Remove(filepath.Join(o.dir, filepath.FromSlash(rel))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fail(err)
		}
	}
	for _, d := range dirsOf(o.dir, append(slices.Clone(newFiles), old...)) {
		if err := ops.SyncDir(d); err != nil {
			return fail(err)
		}
	}
	// The commit point.
	if err := ops.Remove(o.journalPath()); err != nil {
		return fail(err)
	}
	if err := ops.SyncDir(o.dir); err != nil {
		// The journal may come back after a crash, and the next run roll
		// back a complete output: say so, but the output is in place.
		o.log.Warn("committed, but the output folder could not be synced", "dir", o.dir, "error", err)
	}
	os.RemoveAll(stage)
	return nil
}

// writeJournal writes the journal, atomically and durably.
func (o *outDir) writeJournal(j journal) error {
	b, err := json.Marshal(j)
	if err != nil {
		return err
	}
	tmp := o.journalPath() + ".tmp"
	f, err := o.ops.CreateTemp(o.dir, filepath.Base(tmp)+"-*")
	if err != nil {
		return fmt.Errorf("write journal: %w", err)
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = o.ops.Rename(f.Name(), o.journalPath())
	}
	if err == nil {
		err = o.ops.SyncDir(o.dir)
	}
	if err != nil {
		o.ops.Remove(f.Name())
		if _, serr := os.Stat(o.journalPath()); serr == nil {
			// Renamed, but not durably: nothing was moved yet.
			o.ops.Remove(o.journalPath())
		}
		return fmt.Errorf("write journal: %w", err)
	}
	return nil
}

// rollback undoes a commit that j records: every old file renamed back
// from the staging folder, every new file without an old counterpart
// removed, then the journal. Every step can be repeated, so a roll back
// cut short is finished by the next one.
func (o *outDir) rollback(j journal) error {
	ops := o.ops
	oldDir := filepath.Join(o.stagingDir(), oldName)
	for _, rel := range j.Old {
		keep := filepath.Join(oldDir, filepath.FromSlash(rel))
		if _, err := os.Lstat(keep); errors.Is(err, fs.ErrNotExist) {
			continue // already back
		}
		if err := ops.Rename(keep, filepath.Join(o.dir, filepath.FromSlash(rel))); err != nil {
			return err
		}
	}
	for _, rel := range j.New {
		if slices.Contains(j.Old, rel) {
			continue
		}
		if err := ops.Remove(filepath.Join(o.dir, filepath.FromSlash(rel))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	for _, d := range dirsOf(o.dir, append(slices.Clone(j.New), j.Old...)) {
		if _, err := os.Stat(d); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err := ops.SyncDir(d); err != nil {
			return err
		}
	}
	if err := ops.Remove(o.journalPath()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return ops.SyncDir(o.dir)
}

// dirsOf returns the folders under root that hold the files rels, each
// once, root first when it holds one.
func dirsOf(root string, rels []string) []string {
	var out []string
	for _, rel := range rels {
		d := filepath.Join(root, filepath.FromSlash(path.Dir(rel)))
		if !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// copyFile copies the file src to dst, synced.
func copyFile(ops fileOps, src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := ops.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".tmp-*")
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = ops.Rename(out.Name(), dst)
	}
	if err != nil {
		ops.Remove(out.Name())
	}
	return err
}
