# Tierdesk: two commands on a fresh Debian 12 machine.
#   make run   installs what is missing, builds, starts Tierdesk on its embedded defaults
#   make test  installs what is missing, builds, runs every test (ctest, then tests/e2e with Node
#              and the npm clients it installs with npm ci); builds the Debian package
#              and checks it (scripts/check-package.sh); then the tests again with
#              AddressSanitizer + UBSan (build-asan), then each fuzz target for
#              FUZZ_SMOKE_SECONDS (build-fuzz, clang + libFuzzer)
#   make package  builds, then the Debian package BUILD_DIR/tierdesk_<version>_<arch>.deb (CPack)
#   make fuzz  the fuzz targets for FUZZ_SECONDS each, building on earlier runs' corpus
#   make format / make format-check  apply .clang-format to every tracked C++ file / fail on any
#              difference (make test runs the check first)
#   make translations  runs lupdate: new console strings into translations/*.ts (to translate),
#              vanished ones out; make test fails until every string is translated
BUILD_DIR ?= build
SAN_BUILD_DIR ?= build-asan
FUZZ_BUILD_DIR ?= build-fuzz
BUILD_TYPE ?= Release
JOBS ?= 2
CMAKE_ARGS ?=
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 60

.PHONY: all deps configure build run test check-translations translations package check-package test-sanitize fuzz-build fuzz fuzz-smoke bench format format-check clean

all: build

deps:
	./scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS)

build: configure
	cmake --build $(BUILD_DIR) -j$(JOBS)

run: build
	./scripts/run.sh $(BUILD_DIR)/app/tierdesk

test: format-check check-translations build
	./scripts/run-tests.sh $(BUILD_DIR)
	$(MAKE) --no-print-directory check-package test-sanitize fuzz-smoke

# Every console string translated, none new or vanished (lupdate on the sources; no build needed).
check-translations: deps
	./scripts/check-translations.sh

translations: deps
	./scripts/check-translations.sh --update

package: build
	cd $(BUILD_DIR) && cpack -G DEB

# Validators, lintian, the package's contents, and the unpacked program started once.
check-package: package
	./scripts/check-package.sh $(BUILD_DIR)

# The whole suite again with ASan + UBSan; any sanitizer report fails it.
test-sanitize: deps
	cmake -S . -B $(SAN_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DTIERDESK_SANITIZE=ON $(CMAKE_ARGS)
	cmake --build $(SAN_BUILD_DIR) -j$(JOBS)
	./scripts/run-tests.sh $(SAN_BUILD_DIR)

fuzz-build: deps
	cmake -S . -B $(FUZZ_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DCMAKE_CXX_COMPILER=clang++ \
	  -DTIERDESK_FUZZ=ON -DTIERDESK_BUILD_TESTS=OFF $(CMAKE_ARGS)
	cmake --build $(FUZZ_BUILD_DIR) -j$(JOBS) --target tierdesk_fuzzers

fuzz-smoke: fuzz-build
	./scripts/run-fuzz.sh $(FUZZ_BUILD_DIR) $(FUZZ_SMOKE_SECONDS)

fuzz: fuzz-build
	./scripts/run-fuzz.sh $(FUZZ_BUILD_DIR) $(FUZZ_SECONDS)

bench: build
	TIERDESK_WITH_BENCH=1 ./scripts/install-deps.sh
	./bench/run.sh $(BUILD_DIR)/app/tierdesk

format: deps
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

format-check: deps
	git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror

clean:
	rm -rf $(BUILD_DIR) $(SAN_BUILD_DIR) $(FUZZ_BUILD_DIR)
