# Sanitizer and fuzzing builds (native only). Included before any target is
# created, so the flags reach the core, the CLI and the tests alike.
#
#   NIANBAO_SANITIZE=ON  AddressSanitizer + UndefinedBehaviorSanitizer, every
#                        finding fatal (scripts/test.sh builds the unit tests so
#                        in build-asan/):
#     cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNIANBAO_SANITIZE=ON
#     cmake --build build-asan --target nianbao_tests && ctest --test-dir build-asan
#   NIANBAO_FUZZ=ON      the libFuzzer targets of tests/fuzz (clang only; implies
#                        the sanitizers; scripts/fuzz.sh builds them in build-fuzz/):
#     cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug -DNIANBAO_FUZZ=ON \
#           -DCMAKE_CXX_COMPILER=clang++-14 -DBUILD_TESTING=OFF
#   NIANBAO_FUZZ_SANITIZE=OFF  with NIANBAO_FUZZ: the same targets without the
#                        sanitizers, -O2, for many more executions a second
#                        (scripts/fuzz.sh with SANITIZE=none, in build-fuzz-nosan/,
#                        also with NIANBAO_FUZZ_TRACE_CMP=OFF).
option(NIANBAO_SANITIZE "Build with -fsanitize=address,undefined (native)" OFF)
option(NIANBAO_FUZZ "Build the libFuzzer targets in tests/fuzz (clang; implies NIANBAO_SANITIZE)" OFF)
option(NIANBAO_FUZZ_SANITIZE "With NIANBAO_FUZZ: build with ASan + UBSan" ON)
option(NIANBAO_FUZZ_TRACE_CMP "With NIANBAO_FUZZ: trace comparisons for libFuzzer (trace-cmp)" ON)

if(EMSCRIPTEN)
  if(NIANBAO_SANITIZE OR NIANBAO_FUZZ)
    message(FATAL_ERROR "NIANBAO_SANITIZE / NIANBAO_FUZZ are for the native build")
  endif()
  return()
endif()

if(NIANBAO_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "NIANBAO_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++-14")
  endif()
  if(NIANBAO_FUZZ_SANITIZE)
    set(NIANBAO_SANITIZE ON)
  endif()
  # Coverage instrumentation for everything; only the fuzz targets link the
  # libFuzzer driver (-fsanitize=fuzzer, tests/fuzz/CMakeLists.txt).
  add_compile_options(-fsanitize=fuzzer-no-link)
  # Comparison tracing lets libFuzzer learn the words the code compares
  # against; it costs about half of a check's time (perf, docs/fuzzing.md).
  if(NOT NIANBAO_FUZZ_TRACE_CMP)
    add_compile_options(-fno-sanitize-coverage=trace-cmp)
  endif()
endif()

if(NIANBAO_SANITIZE)
  # -O1 after the build type's flags: fast enough, still precise reports.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer -g -O1)
  add_link_options(-fsanitize=address,undefined)
endif()
