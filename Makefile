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

## test: vet, unit and golden tests, and a short fuzz of normalize and date parsing
test:
	$(GO) mod download
	$(GO) vet ./...
	$(GO) test -count=1 ./...
	$(MAKE) --no-print-directory fuzz FUZZTIME=10s

FUZZTIME ?= 30s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzDocument$$' -fuzztime $(FUZZTIME) ./normalize/
	$(GO) test -run '^$$' -fuzz '^FuzzFindDates$$' -fuzztime $(FUZZTIME) ./extractors/
	$(GO) test -run '^$$' -fuzz '^FuzzReadMeta$$' -fuzztime $(FUZZTIME) ./extractors/

## golden: rewrite the golden outputs under testdata/golden after a reviewed change
golden:
	$(GO) test -count=1 ./cmd/communique/ -run TestGolden -update

## eval: score the embedded corpus against the seed and development gold
eval: build
	./$(BIN) run --out $(OUT) --quiet
	./$(BIN) eval --gold testdata/gold/seeds --out $(OUT)
	./$(BIN) eval --gold testdata/gold/dev --out $(OUT)

vet:
	$(GO) vet ./...

clean:
	rm -rf bin $(OUT)
