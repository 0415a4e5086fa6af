# Debian's emscripten 3.1.6 package with plain CMake + the toolchain file.
# See /work/shared/TOOLCHAIN.md §4.2 and §9 (pitfalls 1, 3, 5).
if(NOT EMSCRIPTEN)
  return()
endif()

# 1. Optimised emcc links run tools/acorn-optimizer.js, which needs Debian's
#    acorn from /usr/share/nodejs. Pass NODE_PATH on link lines only, so nobody
#    has to export it.
set(NIANBAO_NODE_PATH "/usr/share/nodejs" CACHE PATH "NODE_PATH for emcc links (Debian's acorn)")
set(CMAKE_CXX_LINKER_LAUNCHER "${CMAKE_COMMAND};-E;env;NODE_PATH=${NIANBAO_NODE_PATH}")

# 2. emcmake adds --experimental-wasm-threads to the emulator; Node 20 rejects it.
if(CMAKE_CROSSCOMPILING_EMULATOR MATCHES "--experimental-wasm-threads")
  list(REMOVE_ITEM CMAKE_CROSSCOMPILING_EMULATOR "--experimental-wasm-threads")
  set(CMAKE_CROSSCOMPILING_EMULATOR "${CMAKE_CROSSCOMPILING_EMULATOR}"
      CACHE FILEPATH "Path to the emulator for the target system." FORCE)
endif()
if(NOT CMAKE_CROSSCOMPILING_EMULATOR)
  find_program(NIANBAO_NODE node REQUIRED)
  set(CMAKE_CROSSCOMPILING_EMULATOR "${NIANBAO_NODE}"
      CACHE FILEPATH "Path to the emulator for the target system." FORCE)
endif()

# 3. The toolchain file restricts package search to the emscripten sysroot;
#    Debian's header-only packages live outside it.
find_package(nlohmann_json 3.11 CONFIG REQUIRED NO_CMAKE_FIND_ROOT_PATH)
if(BUILD_TESTING)
  find_package(doctest 2.4 CONFIG REQUIRED NO_CMAKE_FIND_ROOT_PATH)
  include(doctest)
endif()

# 4. Their targets point at /usr/include, which must never reach em++ (glibc
#    headers). Stage just their folders under <build>/host-include.
include(HostHeaderOnly)
host_header_only(nlohmann_json::nlohmann_json nlohmann)
if(BUILD_TESTING)
  host_header_only(doctest::doctest doctest)
endif()
