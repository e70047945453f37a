# Tierdesk: two commands on a fresh Debian 12 machine.
#   make run   installs what is missing, builds, starts Tierdesk on its embedded defaults
#   make test  installs what is missing; checks formatting, the house's rules and translations;
#              builds the program (BUILD_DIR, no tests), the Debian package
#              BUILD_DIR/tierdesk_<version>_<arch>.deb and checks it (scripts/check-package.sh);
#              then builds the instrumented tree
#              (SAN_BUILD_DIR: clang, AddressSanitizer + UBSan + libFuzzer coverage) with every test
#              and fuzzer, runs every test there (ctest, then tests/e2e with Node and the npm clients
#              it installs with npm ci), and each fuzz target for FUZZ_SMOKE_SECONDS
#   make check runs every test in BUILD_DIR, uninstrumented (quicker while developing)
#   make package  builds, then the Debian package (CPack)
#   make fuzz  the fuzz targets for FUZZ_SECONDS each, building on earlier runs' corpus
#   make format / make format-check  apply .clang-format to every tracked C++ file / fail on any
#              difference (make test runs the check first)
#   make check-house  the house's rules of DESIGN.md over the tracked files (scripts/check-house.sh:
#              SQL only in core/store, no store header in api/ui/app, no Qt JSON in domain or store
#              headers, no HTTP status literal in core/engine, no sleep in tests, no .cpp over 600
#              lines in core/ui/app, no widgets in core); make test runs it after format-check
#   make translations  runs lupdate: new console strings into translations/*.ts (to translate),
#              vanished ones out; make test fails until every string is translated
BUILD_DIR ?= build
SAN_BUILD_DIR ?= build-asan
BUILD_TYPE ?= Release
# make check turns them on in BUILD_DIR; make test runs them in SAN_BUILD_DIR only.
BUILD_TESTS ?= OFF
JOBS ?= 2
CMAKE_ARGS ?=
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 20

.PHONY: all deps configure build run test check check-house check-translations translations package check-package san-build test-sanitize fuzz fuzz-smoke bench format format-check clean

all: build

deps:
	./scripts/install-deps.sh

configure: deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DTIERDESK_BUILD_TESTS=$(BUILD_TESTS) $(CMAKE_ARGS)

build: configure
	cmake --build $(BUILD_DIR) -j$(JOBS)

run: build
	./scripts/run.sh $(BUILD_DIR)/app/tierdesk

test: format-check check-house check-translations check-package
	$(MAKE) --no-print-directory test-sanitize fuzz-smoke

check:
	$(MAKE) --no-print-directory build BUILD_TESTS=ON
	./scripts/run-tests.sh $(BUILD_DIR)

# The house's rules (DESIGN.md; scripts/check-house.py, a function each): first the rules against
# their own examples, then over every tracked file. Needs git and python3 (deps), no build.
check-house: deps
	./scripts/check-house.sh --self-test
	./scripts/check-house.sh

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

# One instrumented tree (clang): ASan + UBSan (any report fails), libFuzzer coverage; tests and fuzzers.
san-build: deps
	cmake -S . -B $(SAN_BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DCMAKE_CXX_COMPILER=clang++ \
	  -DTIERDESK_SANITIZE=ON -DTIERDESK_FUZZ=ON -DTIERDESK_BUILD_TESTS=ON $(CMAKE_ARGS)
	cmake --build $(SAN_BUILD_DIR) -j$(JOBS)

# The whole suite under ASan + UBSan.
test-sanitize: san-build
	./scripts/run-tests.sh $(SAN_BUILD_DIR)

fuzz-smoke: san-build
	./scripts/run-fuzz.sh $(SAN_BUILD_DIR) $(FUZZ_SMOKE_SECONDS)

fuzz: san-build
	./scripts/run-fuzz.sh $(SAN_BUILD_DIR) $(FUZZ_SECONDS)

bench: build
	TIERDESK_WITH_BENCH=1 ./scripts/install-deps.sh
	./bench/run.sh $(BUILD_DIR)/app/tierdesk

format: deps
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

format-check: deps
	git ls-files '*.cpp' '*.h' | xargs clang-format --dry-run --Werror

clean:
	rm -rf $(BUILD_DIR) $(SAN_BUILD_DIR)
