# Profile-guided optimisation of the native build (GCC only; scripts/build.sh
# drives it). A folder of reports is checked ~8% faster with the branch and
# inlining choices a real run measures than with -O3's guesses (callgrind:
# 598 M -> 556 M instructions for 200 reports); the budget it serves is the
# folder's 3x `wc -m` (scripts/bench.py).
#   NIANBAO_PGO=generate  instrumented build: running it writes NIANBAO_PGO_DIR
#   NIANBAO_PGO=use       optimised with NIANBAO_PGO_DIR's profile
#   NIANBAO_PGO=off       neither (the default)
# -fprofile-prefix-path names the profile files relative to the build folder,
# so an instrumented build in one folder serves the optimised build in another.
# Code the training run never reached is compiled as without a profile
# (-fprofile-partial-training); a file with no profile at all is no warning,
# nor is a function changed since the profile was written (a rebuild with
# cmake --build alone, not scripts/build.sh, which trains again): it is
# compiled as without a profile.
set(NIANBAO_PGO "off" CACHE STRING "Profile-guided optimisation: off, generate or use")
set(NIANBAO_PGO_DIR "" CACHE PATH "Where the profile is written (generate) or read (use)")
if(NOT NIANBAO_PGO STREQUAL "off")
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU" OR EMSCRIPTEN)
    message(STATUS "nianbao: NIANBAO_PGO=${NIANBAO_PGO} ignored (GCC only)")
  elseif(NOT NIANBAO_PGO_DIR)
    message(FATAL_ERROR "NIANBAO_PGO=${NIANBAO_PGO} needs NIANBAO_PGO_DIR")
  elseif(NIANBAO_PGO STREQUAL "generate")
    add_compile_options(-fprofile-generate=${NIANBAO_PGO_DIR} -fprofile-prefix-path=${CMAKE_BINARY_DIR})
    add_link_options(-fprofile-generate=${NIANBAO_PGO_DIR})
  elseif(NIANBAO_PGO STREQUAL "use")
    add_compile_options(-fprofile-use=${NIANBAO_PGO_DIR} -fprofile-prefix-path=${CMAKE_BINARY_DIR}
                        -fprofile-partial-training -Wno-missing-profile -Wno-coverage-mismatch)
  else()
    message(FATAL_ERROR "NIANBAO_PGO is off, generate or use, not ${NIANBAO_PGO}")
  endif()
endif()
