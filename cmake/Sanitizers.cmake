# Instrumented builds. make test builds one instrumented tree, build-asan: clang with both options,
# so the whole suite runs under ASan + UBSan and the fuzzers link against the same objects. The flags
# apply to every target of the tree, tests included, so a test that starts the built program starts
# the instrumented one.
#
#   TIERDESK_SANITIZE  AddressSanitizer + UndefinedBehaviorSanitizer, any report aborts.
#   TIERDESK_FUZZ      clang only: code instrumented for libFuzzer too (coverage); fuzz/ adds one
#                      fuzzer binary per target, linked with -fsanitize=fuzzer.
option(TIERDESK_SANITIZE "Build everything with AddressSanitizer and UBSan" OFF)
option(TIERDESK_FUZZ "Build the libFuzzer targets in fuzz/ (clang only; implies the sanitizers)" OFF)

# Frame pointers keep the stacks of reports (and of leak checks) complete and cheap to take;
# -g1 (line tables only) gives every frame a file:line at little build cost. -O1 is what the
# sanitizers' authors advise: fast enough to run, much cheaper to compile than -O3.
set(tierdesk_sanitizers address,undefined)
set(tierdesk_sanitizer_flags -fno-omit-frame-pointer -fno-sanitize-recover=all -g1 -O1)

set(tierdesk_instrument "")
if(TIERDESK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "TIERDESK_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  set(tierdesk_instrument fuzzer-no-link,)
endif()

# LLVM's linker for the instrumented tree: it links its ~160 test binaries against the static core
# modules several times faster than GNU ld (same clang version; Debian's lld).
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  find_program(TIERDESK_LLD NAMES ld.lld)
  if(TIERDESK_LLD)
    add_link_options(-fuse-ld=lld)
  endif()
endif()

# TIERDESK_SANITIZED lets a test skip what instrumentation makes meaningless.
if(TIERDESK_SANITIZE OR TIERDESK_FUZZ)
  add_compile_definitions(TIERDESK_SANITIZED)
  add_compile_options(-fsanitize=${tierdesk_instrument}${tierdesk_sanitizers} ${tierdesk_sanitizer_flags})
  add_link_options(-fsanitize=${tierdesk_sanitizers})
endif()
