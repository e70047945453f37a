# Tierdesk: two commands on a fresh Debian 12 machine.
#   make run   installs what is missing, builds, starts Tierdesk on its embedded defaults
#   make test  installs what is missing, builds, runs every test
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= 2
CMAKE_ARGS ?=

.PHONY: all deps configure build run test bench format clean

all: build

deps:
	./scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS)

build: configure
	cmake --build $(BUILD_DIR) -j$(JOBS)

run: build
	./scripts/run.sh $(BUILD_DIR)/app/tierdesk

test: build
	./scripts/run-tests.sh $(BUILD_DIR)

bench: build
	TIERDESK_WITH_BENCH=1 ./scripts/install-deps.sh
	./bench/run.sh $(BUILD_DIR)/app/tierdesk

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR)
