# Instrumented builds. Each goes in its own build folder (make test uses build-asan and
# build-fuzz); the flags apply to every target of the tree, tests included, so a test that
# starts the built program starts the instrumented one.
#
#   TIERDESK_SANITIZE  AddressSanitizer + UndefinedBehaviorSanitizer, any report aborts.
#   TIERDESK_FUZZ      clang only: libraries instrumented for libFuzzer (coverage, ASan, UBSan);
#                      fuzz/ adds one fuzzer binary per target, linked with -fsanitize=fuzzer.
option(TIERDESK_SANITIZE "Build everything with AddressSanitizer and UBSan" OFF)
option(TIERDESK_FUZZ "Build the libFuzzer targets in fuzz/ (clang only)" OFF)

if(TIERDESK_SANITIZE AND TIERDESK_FUZZ)
  message(FATAL_ERROR "TIERDESK_SANITIZE and TIERDESK_FUZZ are separate build trees: enable one")
endif()

# Frame pointers keep the stacks of reports (and of leak checks) complete and cheap to take;
# -g1 (line tables only) gives every frame a file:line at little build cost.
set(tierdesk_sanitizers address,undefined)
set(tierdesk_sanitizer_flags -fno-omit-frame-pointer -fno-sanitize-recover=all -g1)

# TIERDESK_SANITIZED lets a test skip what instrumentation makes meaningless (time budgets).
if(TIERDESK_SANITIZE)
  add_compile_definitions(TIERDESK_SANITIZED)
  add_compile_options(-fsanitize=${tierdesk_sanitizers} ${tierdesk_sanitizer_flags})
  add_link_options(-fsanitize=${tierdesk_sanitizers})
endif()

if(TIERDESK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "TIERDESK_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,${tierdesk_sanitizers} ${tierdesk_sanitizer_flags})
  add_link_options(-fsanitize=${tierdesk_sanitizers})
endif()
