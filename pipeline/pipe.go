package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/sync/errgroup"
)

// PipeConfig says how Pipe reads its input lines and processes the
// documents they carry.
type PipeConfig struct {
	// Root is the folder that "path" lines name files in, as Config.Input
	// is for Run: a path line's doc_id and source are its path relative
	// to Root, so they match those of `communique run --in ROOT`. Every
	// path resolves inside Root, symbolic links included: a path or link
	// that leads out of it gives an error row. Nil refuses path lines
	// (each becomes an error row).
	Root *os.Root
	// RootDir is Root's directory in the operating system, used to make
	// absolute paths relative to Root. Empty refuses absolute paths.
	RootDir string
	// Workers is the size of the worker pool; 0 means one per CPU.
	Workers int
	// MaxBytes is the largest document processed, as in Config; larger
	// ones get a rejected row. 0 means 16 MiB.
	MaxBytes int64
	// MaxLineBytes is the longest input line read; a longer line gets a
	// rejected row and the stream goes on. 0 means 2*MaxBytes + 1 MiB,
	// room for a document of MaxBytes as base64 or JSON-escaped text.
	MaxLineBytes int64
	// DocTimeout is the time budget of one document, as in Config.
	DocTimeout time.Duration
	// Processor does the per-document work.
	Processor *Processor
	// Logger receives per-document failures; nil is silent.
	Logger *slog.Logger
}

// PipeInput is one input line of Pipe: a JSON object that carries a
// document in one of three ways:
//
//	{"doc_id": "2024/visit", "text": "..."}             the text, UTF-8
//	{"doc_id": "2024/visit", "text_base64": "..."}      the raw bytes, standard base64 (any encoding, as files are read)
//	{"path": "2024/visit.txt"}                          a file under PipeConfig.Root
//
// For text lines, doc_id is required and source defaults to doc_id (the
// source's extension, ".html", steers format detection as a file name
// does). For path lines, doc_id defaults to the path without its
// extension and source is the path, both relative to Root, as in Run.
// Any line may add "url", "publisher" and "published" (see the fields).
// Other fields are ignored; null is the same as absent.
type PipeInput struct {
	DocID      *string `json:"doc_id"`
	Source     *string `json:"source"`
	Text       *string `json:"text"`
	TextBase64 *string `json:"text_base64"`
	Path       *string `json:"path"`
	// What the line says of the document: they fill the documents
	// row's source_url, publisher and (when the text has none) published,
	// and a government's address names the publishing country where the
	// text is silent. published is "2024-03-12" or "2024-03-12T10:00:00".
	URL       *string `json:"url"`
	Publisher *string `json:"publisher"`
	Published *string `json:"published"`
}

// PipeRecord is one output line of Pipe: a row of one table, under a key
// named after the table, tagged with the table's name:
//
//	{"table":"documents","documents":{"doc_id":...}}
//	{"table":"events","events":{"event_id":...}}
//
// A row sits under its table's key, not under one shared key, so that a
// reader that infers one schema for all lines (Spark's read.json) infers
// each table's columns apart: where table = 'events', select events.*
// gives exactly the columns of the events table. The row is encoded
// exactly as the JSONL Writer encodes it, byte for byte.
type PipeRecord struct {
	Table string `json:"table"`
	// One of these is set, the one named by Table.
	Documents *Document `json:"documents,omitempty"`
	Events    *Event    `json:"events,omitempty"`
	Mentions  *Mention  `json:"mentions,omitempty"`
	Rejects   *Reject   `json:"rejects,omitempty"`
}

// Pipe reads documents as JSON lines from r (see PipeInput), processes them
// on a fixed pool of workers, and writes their rows to w as JSON lines (see
// PipeRecord): for each input line, in input order, its documents row,
// then its events, mentions and rejects. The output depends only on the
// input, not on the number of workers or their scheduling. w is flushed
// after each document, and at most a few documents per worker are in
// memory at once.
//
// Every input line except a blank one gives a documents row. A line that
// is not a JSON object, lacks a field, cannot be decoded or names a file
// that cannot be read gives a row with status error (or rejected, for a
// document or line over the size limits) and the reason; its doc_id is
// the one the line gives, or "invalid-input/" and a digest of the line,
// its source "stdin:N" for line N, and its sha256 and bytes describe the
// line. Only failures of the stream itself (reading r, writing w,
// cancellation) return an error.
//
// When ctx is cancelled, Pipe returns without waiting for a read from r
// that is blocked; that read's goroutine ends when the read returns.
func Pipe(ctx context.Context, cfg PipeConfig, r io.Reader, w io.Writer) (Stats, error) {
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.NumCPU()
	}
	if cfg.MaxBytes <= 0 {
		cfg.MaxBytes = DefaultMaxBytes
	}
	if cfg.MaxLineBytes <= 0 {
		cfg.MaxLineBytes = 2*cfg.MaxBytes + 1<<20
	}
	if cfg.Processor.Normalize.MaxBytes == 0 {
		cfg.Processor.Normalize.MaxBytes = cfg.MaxBytes
	}
	if cfg.DocTimeout == 0 {
		cfg.DocTimeout = DefaultDocTimeout
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	bp := newBounded(cfg.Processor, cfg.DocTimeout, cfg.Workers)

	g, ctx := errgroup.WithContext(ctx)
	// A slot is taken for each line read and given back when its rows are
	// written: this bounds the lines in memory, waiting in the channels or
	// for an earlier line to be written.
	slots := make(chan struct{}, 2*cfg.Workers)
	lines := make(chan pipeLine, cfg.Workers)
	results := make(chan pipeResult, cfg.Workers)

	// Reader: not in the group, so that a read blocked on a quiet stdin
	// does not hold up a cancelled Pipe.
	var readErr error
	go func() {
		defer close(lines)
		lr := newLineReader(r, cfg.MaxLineBytes)
		for seq := 0; ; {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			l, err := lr.next()
			if err == io.EOF {
				return
			}
			if err != nil {
				readErr = fmt.Errorf("read input line %d: %w", lr.n, err)
				return
			}
			if l.blank() {
				<-slots
				continue
			}
			l.seq = seq
			seq++
			select {
			case lines <- l:
			case <-ctx.Done():
				return
			}
		}
	}()

	// Workers: decode the line, read or decode the document, process it,
	// and encode its rows.
	encoders := sync.Pool{New: func() any { return new(recordEncoder) }}
	g.Go(func() error {
		defer close(results)
		next := func(ctx context.Context) (pipeResult, *docTask, bool, error) {
			// Wait for a line or cancellation: the reader may be blocked
			// on a quiet stdin and never close lines.
			l, ok, err := recv(ctx, lines)
			if err != nil || !ok {
				return pipeResult{}, nil, false, err
			}
			out, doc := cfg.pipeDocument(l)
			return pipeResult{seq: l.seq, out: out}, doc, true, nil
		}
		done := func(ctx context.Context, r pipeResult, out Output, processed bool) error {
			if processed {
				r.out = out
			}
			enc := encoders.Get().(*recordEncoder)
			defer encoders.Put(enc)
			data, err := enc.encode(r.out)
			if err != nil {
				r.out = failed(r.out.Document, StatusError, fmt.Sprintf("encode rows of %s: %v", r.out.Document.DocID, err))
				if data, err = enc.encode(r.out); err != nil {
					return err // a documents row that cannot be encoded is a bug
				}
			}
			r.data = data
			return send(ctx, results, r)
		}
		return runLanes(ctx, bp, cfg.Workers, next, done)
	})

	// Writer: put results back in input order, write and flush each.
	var st Stats
	g.Go(func() error {
		bw := bufio.NewWriterSize(w, 64<<10)
		seq := newReorder[pipeResult]()
		for {
			var r pipeResult
			var ok bool
			select {
			case r, ok = <-results:
			case <-ctx.Done():
				return ctx.Err()
			}
			if !ok {
				return seq.complete()
			}
			seq.add(r.seq, r)
			for {
				r, ok := seq.pop()
				if !ok {
					break
				}
				bw.Write(r.data)
				if err := bw.Flush(); err != nil {
					return fmt.Errorf("write output: %w", err)
				}
				<-slots
				st.add(result{out: r.out})
				if d := r.out.Document; d.Status != StatusOK {
					log.Warn("document not processed", "doc_id", d.DocID, "source", d.Source, "status", d.Status, "error", deref(d.Error))
				}
			}
		}
	})

	err := g.Wait()
	if err == nil {
		err = readErr
	}
	return st, err
}

// pipeLine is one input line. Data holds the line without its line end
// ("\n" or "\r\n"); for a line over the limit it holds the first
// MaxLineBytes bytes, and size and sum describe the whole line, without
// its line end.
type pipeLine struct {
	seq     int
	n       int // line number, from 1
	data    []byte
	tooLong bool
	size    int64
	sum     string // hex SHA-256 of the whole line, when tooLong
}

func (l pipeLine) blank() bool {
	return !l.tooLong && len(bytes.TrimSpace(l.data)) == 0
}

type pipeResult struct {
	seq  int
	out  Output
	data []byte
}

// pipeDocument turns one input line into the document to process, or,
// when there is none to process, into the row that says why.
func (cfg *PipeConfig) pipeDocument(l pipeLine) (Output, *docTask) {
	source := fmt.Sprintf("stdin:%d", l.n)
	bad := func(docID, status, reason string) Output {
		if docID == "" {
			docID = invalidID(l)
		}
		d := newDocument(docID, source, l.data, Given{})
		if l.tooLong {
			d.SHA256, d.Bytes = l.sum, l.size
		}
		return failed(d, status, fmt.Sprintf("input line %d: %s", l.n, reason))
	}
	if l.tooLong {
		return bad(peekID(l.data), StatusRejected, fmt.Sprintf("line of %d bytes is over the limit of %d (see --max-bytes)", l.size, cfg.MaxLineBytes)), nil
	}
	data := l.data
	if l.n == 1 {
		data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	}
	var in PipeInput
	if err := json.Unmarshal(data, &in); err != nil {
		var te *json.UnmarshalTypeError
		switch {
		case !errors.As(err, &te):
			return bad(peekID(data), StatusError, fmt.Sprintf("not JSON: %v", err)), nil
		case te.Field == "":
			return bad("", StatusError, fmt.Sprintf("not a JSON object but a JSON %s", te.Value)), nil
		}
		// Unmarshal went on past the field; what it read names the line.
		id := ""
		if in.DocID != nil {
			id = *in.DocID
		}
		return bad(id, StatusError, fmt.Sprintf("%q is a JSON %s, want a string", te.Field, te.Value)), nil
	}
	docID := ""
	if in.DocID != nil {
		if docID = *in.DocID; docID == "" {
			return bad("", StatusError, `empty "doc_id"`), nil
		}
	}
	g, err := ParseGiven(docID, deref(in.URL), deref(in.Publisher), deref(in.Published))
	if err != nil {
		if strings.ContainsFunc(docID, unicode.IsControl) {
			docID = ""
		}
		return bad(docID, StatusError, err.Error()), nil
	}
	switch {
	case in.Path != nil && (in.Text != nil || in.TextBase64 != nil):
		return bad(docID, StatusError, `"path" and "text" or "text_base64" both given; give one`), nil
	case in.Text != nil && in.TextBase64 != nil:
		return bad(docID, StatusError, `"text" and "text_base64" both given; give one`), nil
	case in.Path != nil:
		return cfg.pipePath(*in.Path, g, bad)
	case in.Text == nil && in.TextBase64 == nil:
		return bad(docID, StatusError, `no "text", "text_base64" or "path"`), nil
	case docID == "":
		return bad("", StatusError, `no "doc_id" for the text`), nil
	}
	src := docID
	if in.Source != nil && *in.Source != "" {
		src = *in.Source
	}
	var raw []byte
	if in.Text != nil {
		raw = []byte(*in.Text)
	} else {
		var err error
		if raw, err = base64.StdEncoding.DecodeString(*in.TextBase64); err != nil {
			return bad(docID, StatusError, fmt.Sprintf(`"text_base64" is not standard base64: %v`, err)), nil
		}
	}
	if int64(len(raw)) > cfg.MaxBytes {
		d := newDocument(docID, src, raw, g)
		return failed(d, StatusRejected, fmt.Sprintf("%v: %d bytes, limit %d (see --max-bytes)", errTooLarge, len(raw), cfg.MaxBytes)), nil
	}
	return Output{}, &docTask{docID, src, raw, g}
}

// pipePath reads and processes the file a path line names, as Run does.
func (cfg *PipeConfig) pipePath(p string, g Given, bad func(docID, status, reason string) Output) (Output, *docTask) {
	docID := g.DocID
	if p == "" {
		return bad(docID, StatusError, `empty "path"`), nil
	}
	if cfg.Root == nil {
		return bad(docID, StatusError, fmt.Sprintf("path %q: no root folder to read it from (see --root)", p)), nil
	}
	rel := p
	if filepath.IsAbs(p) {
		if cfg.RootDir == "" {
			return bad(docID, StatusError, fmt.Sprintf("path %q is absolute and there is no root folder to make it relative to (see --root)", p)), nil
		}
		r, err := filepath.Rel(cfg.RootDir, p)
		if err != nil {
			return bad(docID, StatusError, fmt.Sprintf("path %q is not under the root folder %s (see --root)", p, cfg.RootDir)), nil
		}
		rel = r
	}
	rel = filepath.ToSlash(filepath.Clean(rel))
	if !fs.ValidPath(rel) || rel == "." {
		return bad(docID, StatusError, fmt.Sprintf("path %q is not a file below the root folder (see --root)", p)), nil
	}
	if docID == "" {
		docID = DocID(rel)
	}
	j := job{docID: docID, source: rel, given: g}
	raw, err := readDoc(docSource{root: cfg.Root}, rel, cfg.MaxBytes)
	if err != nil {
		return readFailure(j, err), nil
	}
	return Output{}, &docTask{docID, rel, raw, g}
}

// invalidID is the doc_id of a line that names none: a digest of the line,
// so that the same line always gets the same id.
func invalidID(l pipeLine) string {
	sum := l.sum
	if !l.tooLong {
		h := sha256.Sum256(l.data)
		sum = hex.EncodeToString(h[:])
	}
	return "invalid-input/" + sum[:16]
}

// peekID returns the doc_id, or else the path-derived id, that the start
// of a line which cannot be decoded whole gives, if any: the top-level
// "doc_id" or "path" members read before the first error.
func peekID(data []byte) string {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return ""
	}
	var path string
	for {
		k, err := dec.Token()
		if err != nil {
			break
		}
		key, ok := k.(string)
		if !ok {
			break
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			break
		}
		var s string
		if json.Unmarshal(v, &s) != nil || s == "" {
			continue
		}
		switch key {
		case "doc_id":
			return s
		case "path":
			path = s
		}
	}
	if path != "" && !filepath.IsAbs(path) {
		if rel := filepath.ToSlash(filepath.Clean(path)); fs.ValidPath(rel) {
			return DocID(rel)
		}
	}
	return ""
}

// lineReader splits a stream into lines at "\n" (a "\r" before it is
// dropped), holding at most max bytes of a line.
type lineReader struct {
	br  *bufio.Reader
	max int64
	n   int // lines read
	buf []byte
	h   hash.Hash
}

func newLineReader(r io.Reader, max int64) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10), max: max, h: sha256.New()}
}

// next returns the next line, or io.EOF after the last. A last line
// without a line end is a line.
func (lr *lineReader) next() (pipeLine, error) {
	lr.buf = lr.buf[:0]
	lr.h.Reset()
	var (
		read    int64 // bytes read of this line, with its line end
		tooLong bool
		size    int64 // bytes of the line without its line end, once tooLong
		cr      bool  // a "\r" held back from the digest: it may end the line
	)
	feed := func(p []byte) {
		if cr {
			lr.h.Write([]byte{'\r'})
			size++
			cr = false
		}
		if n := len(p); n > 0 && p[n-1] == '\r' {
			p, cr = p[:n-1], true
		}
		lr.h.Write(p)
		size += int64(len(p))
	}
	for {
		chunk, err := lr.br.ReadSlice('\n')
		read += int64(len(chunk))
		if err == io.EOF && read == 0 {
			return pipeLine{}, io.EOF
		}
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			lr.n++
			return pipeLine{}, err
		}
		end := err != bufio.ErrBufferFull // the line ends with this chunk
		if end {
			chunk = bytes.TrimSuffix(chunk, []byte("\n"))
		}
		switch {
		case tooLong:
			feed(chunk)
		case read > lr.max+2: // +2: room for "\r\n"
			// Over the limit: keep the first max bytes, to find the
			// line's doc_id in, and only a digest of the rest.
			tooLong = true
			feed(lr.buf)
			if room := lr.max - int64(len(lr.buf)); room > 0 {
				lr.buf = append(lr.buf, chunk[:min(room, int64(len(chunk)))]...)
			}
			feed(chunk)
		default:
			lr.buf = append(lr.buf, chunk...)
		}
		if end {
			break
		}
	}
	lr.n++
	l := pipeLine{n: lr.n}
	if !tooLong {
		data := bytes.TrimSuffix(lr.buf, []byte("\r"))
		if int64(len(data)) <= lr.max {
			l.data = bytes.Clone(data)
			l.size = int64(len(data))
			return l, nil
		}
		tooLong = true
		feed(data)
	}
	// A "\r" still held back ended the line.
	l.tooLong = true
	l.size = size
	l.sum = hex.EncodeToString(lr.h.Sum(nil))
	l.data = bytes.Clone(lr.buf[:min(int64(len(lr.buf)), lr.max)])
	return l, nil
}

// recordEncoder encodes the rows of one document as PipeRecord lines.
// The row inside each record is encoded as the JSONL Writer encodes it.
type recordEncoder struct {
	buf bytes.Buffer
	row bytes.Buffer
	enc *json.Encoder
}

func (e *recordEncoder) encode(o Output) ([]byte, error) {
	if e.enc == nil {
		e.enc = json.NewEncoder(&e.row)
		e.enc.SetEscapeHTML(false)
	}
	e.buf.Reset()
	if err := e.put("documents", &o.Document); err != nil {
		return nil, err
	}
	for i := range o.Events {
		ev := o.Events[i]
		if ev.Participants == nil {
			ev.Participants = noParticipants
		}
		if err := e.put("events", &ev); err != nil {
			return nil, err
		}
	}
	for i := range o.Mentions {
		if err := e.put("mentions", &o.Mentions[i]); err != nil {
			return nil, err
		}
	}
	for i := range o.Rejects {
		rej := o.Rejects[i]
		if rej.Participants == nil {
			rej.Participants = noParticipants
		}
		if err := e.put("rejects", &rej); err != nil {
			return nil, err
		}
	}
	return bytes.Clone(e.buf.Bytes()), nil
}

func (e *recordEncoder) put(table string, row any) error {
	e.row.Reset()
	if err := e.enc.Encode(row); err != nil {
		return fmt.Errorf("%s row: %w", table, err)
	}
	// {"table":"T","T":ROW}\n, ROW without the Encoder's line end.
	e.buf.WriteString(`{"table":"`)
	e.buf.WriteString(table)
	e.buf.WriteString(`","`)
	e.buf.WriteString(table)
	e.buf.WriteString(`":`)
	e.buf.Write(bytes.TrimSuffix(e.row.Bytes(), []byte("\n")))
	e.buf.WriteString("}\n")
	return nil
}
