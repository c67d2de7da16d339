# communique: make run, make test. Everything below installs what it needs
# through the Go module proxy; nothing is installed by hand.
GO      ?= go
BIN     := bin/communique
OUT     ?= out
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
SHARED  ?= ../shared

.PHONY: all build run test golden fuzz bench vet eval clean

all: build

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/communique

## run: the main job on the embedded default corpus, writing Parquet and JSONL to $(OUT)
run: build
	./$(BIN) run --out $(OUT)

## test: vet, unit and golden tests, and a short fuzz of normalize, date parsing, metadata and word splitting
test:
	$(GO) mod download
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(MAKE) --no-print-directory fuzz FUZZTIME=5s

FUZZTIME ?= 30s
# Minimizing a new input may take Go's default of 60 s, which took all of a
# short run (FuzzDocument: 65 inputs tried in 5 s, 11,000 with 1 s) and let
# its deadline fall in a minimization under load.
FUZZMINTIME ?= 1s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDocument$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINTIME) ./normalize/
	$(GO) test -run '^$$' -fuzz '^FuzzFindDates$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINTIME) ./extractors/
	$(GO) test -run '^$$' -fuzz '^FuzzReadMeta$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINTIME) ./extractors/
	$(GO) test -run '^$$' -fuzz '^FuzzLowerWords$$' -fuzztime $(FUZZTIME) -fuzzminimizetime $(FUZZMINTIME) ./extractors/

## golden: rewrite the golden outputs under testdata/golden after a reviewed change
golden:
	$(GO) test -count=1 ./cmd/communique/ -run TestGolden -update

## eval: score the embedded corpus against every gold set under testdata/gold
eval: build
	./$(BIN) run --out $(OUT) --quiet
	for g in testdata/gold/*/; do echo "== $$g"; ./$(BIN) eval --gold $$g --out $(OUT) || exit 1; done

vet:
	$(GO) vet ./...

## bench: throughput over a cached synthetic corpus of $(BENCH_DOCS) documents with 1 and
## 2 workers (best of $(BENCH_RUNS)), the naive prose baseline on its first $(BENCH_NAIVE_DOCS)
## documents and the ratio, output validated and identical across worker counts, the
## CPU profile's top entries; then bench-scale unless BENCH_SCALE=0. Prints Markdown
## for BENCHMARKS.md. BENCH_FLAGS passes flags to every harness run (-strict, -keep).
BENCH_DOCS       ?= 20000
BENCH_RUNS       ?= 3
BENCH_WORKERS    ?= 1,2
BENCH_NAIVE_DOCS ?= 500
BENCH_SCALE      ?= 1
BENCH_SIZES      ?= 10000,100000
BENCH_FLAGS      ?=
BENCH_SCALE_RUN   = ./bin/bench-harness scale -bin $(BIN) -sizes $(BENCH_SIZES) -workers 2 $(BENCH_FLAGS)

.PHONY: bench-quick bench-scale bench-sizes bench-go bench-tools bench-diff

bench: build bench-tools
	./bin/bench-harness throughput -bin $(BIN) -docs $(BENCH_DOCS) -runs $(BENCH_RUNS) \
		-workers $(BENCH_WORKERS) -naive bin/bench-naive -naive-docs $(BENCH_NAIVE_DOCS) \
		-profile -go $(GO) $(BENCH_FLAGS)
	if [ "$(BENCH_SCALE)" != 0 ]; then $(BENCH_SCALE_RUN); fi

## bench-quick: the same checks in well under a minute: 2,000 documents, one run each,
## a 100-document baseline, no profile, no scaling run. A smoke test: on 2,000
## documents start-up (prose's model, half a second) weighs on the ratio, so it
## reads about 40x where make bench, the measure of the targets, reads over 60x.
bench-quick: build bench-tools
	./bin/bench-harness throughput -bin $(BIN) -docs 2000 -runs 1 -workers $(BENCH_WORKERS) \
		-naive bin/bench-naive -naive-docs 100 $(BENCH_FLAGS)

## bench-scale: peak RSS over $(BENCH_SIZES) documents with 2 workers (corpora cached)
bench-scale: build bench-tools
	$(BENCH_SCALE_RUN)

## bench-sizes: marginal seconds per MB of one document of each hostile shape (one line
## of short sentences, a huge HTML table, no spaces, ...) at 100 KB, 400 KB, 1.6 MB and
## 6.4 MB, the ratio of the per-MB cost at 1.6 MB to that at 100 KB (flagged over 1.5),
## and the peak RSS of one run over two documents of the largest size --max-bytes allows.
## A run is killed at BENCH_SHAPE_CAP. Only some: BENCH_SHAPES=short,table
## BENCH_SHAPE_SIZES=100000,400000 (bin/bench-harness sizes -list names the shapes).
## --preload=start: every run loads the model before its documents, so that the fixed
## cost is the same in every run (in the background, it finished only in the longer ones).
BENCH_SHAPES      ?=
BENCH_SHAPE_SIZES ?= 100000,400000,1600000,6400000
BENCH_SHAPE_CAP   ?= 60s
BENCH_SHAPE_ARGS  ?= --doc-timeout=0 --preload=start
BENCH_SHAPE_RSS   ?= 1
bench-sizes: build bench-tools
	./bin/bench-harness sizes -bin $(BIN) -shapes '$(BENCH_SHAPES)' -sizes $(BENCH_SHAPE_SIZES) \
		-timeout $(BENCH_SHAPE_CAP) -args '$(BENCH_SHAPE_ARGS)' -rss=$(if $(filter 0,$(BENCH_SHAPE_RSS)),false,true) $(BENCH_FLAGS)

## bench-diff: communique diff over two runs of $(BENCH_DIFF_SIZES) documents (the
## generated corpus and a changed copy): seconds and peak RSS of the diff
BENCH_DIFF_SIZES ?= 10000,100000
bench-diff: build bench-tools
	./bin/bench-harness diff -bin $(BIN) -sizes $(BENCH_DIFF_SIZES) -workers 2 $(BENCH_FLAGS)

## bench-go: the Go benchmarks: the whole Processor and each extractor (bench/),
## normalize, metadata and dates, countries, writers
bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./bench/ ./normalize/ ./extractors/ ./gazetteer/ ./pipeline/

bench-tools:
	$(GO) build -o bin/bench-harness ./bench/harness
	$(GO) build -o bin/bench-naive ./bench/naive

clean:
	rm -rf bin $(OUT)
