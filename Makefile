# The two commands: `make run` and `make test`. Both install what is missing first.
SHELL := /bin/bash
BUILD_DIR ?= build
ASAN_DIR ?= build-asan
JOBS ?= $(shell nproc)
# A unity build compiles several sources as one, so the big headers are parsed once per batch: a
# clean build takes about a third of the time. Off by default, so an edit recompiles one file;
# .ci/run turns it on (it always starts from a clean clone).
UNITY ?= OFF
DATA ?= var
PORT ?= 8080

.PHONY: deps build server web run test test-unit test-asan test-api test-e2e lint-api bench package clean fuzz

deps:
	@scripts/install-deps

server:
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_UNITY_BUILD=$(UNITY) -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 >/dev/null
	@cmake --build $(BUILD_DIR) -j $(JOBS)

web:
	@cd web && npm run --silent build

build: deps server web

run: build
	@$(BUILD_DIR)/diplomado init --data $(DATA)
	@$(BUILD_DIR)/diplomado demo --data $(DATA)
	@$(BUILD_DIR)/diplomado serve --data $(DATA) --port $(PORT)

test: build
	@UNITY=$(UNITY) scripts/test-all

# The libFuzzer targets (tests/fuzz), 60 s each; `make test` runs them 20 s each.
fuzz: deps
	@FUZZ_SECONDS=$${FUZZ_SECONDS:-60} scripts/fuzz

# Every benchmark on SQLite and PostgreSQL; writes docs/performance.md (bench/all).
bench: build
	@bench/all

# A .deb for Debian 12 (build/diplomado_VERSION_amd64.deb): apt install ./build/diplomado_*.deb
package: build
	cd $(BUILD_DIR) && cpack -G DEB

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR) web/dist
