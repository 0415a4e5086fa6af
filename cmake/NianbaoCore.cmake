# The core library: every .cpp under core/src, whoever adds it (CONFIGURE_DEPENDS
# makes a new file trigger a re-glob on the next build).
file(GLOB_RECURSE NIANBAO_CORE_SOURCES CONFIGURE_DEPENDS
     "${PROJECT_SOURCE_DIR}/core/src/*.cpp")

add_library(nianbao_core STATIC ${NIANBAO_CORE_SOURCES})
target_include_directories(nianbao_core
  PUBLIC  "${PROJECT_SOURCE_DIR}/core/include"
  PRIVATE "${PROJECT_SOURCE_DIR}/core/src")
target_compile_features(nianbao_core PUBLIC cxx_std_17)
# The version lives in one place: project(VERSION) in CMakeLists.txt.
target_compile_definitions(nianbao_core PRIVATE NIANBAO_VERSION="${PROJECT_VERSION}")
# nlohmann is header-only and not part of the public API.
target_link_libraries(nianbao_core PRIVATE nlohmann_json::nlohmann_json)

if(EMSCRIPTEN)
  # The core uses no exceptions (nlohmann's non-throwing API): smaller wasm.
  option(NIANBAO_NO_EXCEPTIONS "Compile the core and the binding with -fno-exceptions" ON)
  if(NIANBAO_NO_EXCEPTIONS)
    target_compile_options(nianbao_core PRIVATE -fno-exceptions)
  endif()
  # The page loads the wasm: size first (-Oz, link-time optimisation), see
  # wasm/CMakeLists.txt for the link side. 595 KB -> ~300 KB, 208 -> ~131 KB gz.
  # The rules' long doc texts stay out of the page's wasm: the page reads them
  # from rules.json (made by the CLI) when its rule docs are opened. PUBLIC: the
  # tests and the binding see the same registry. See core/src/rules/rule.h.
  option(NIANBAO_WASM_RULE_DOCS "Keep the rules' long doc texts in the wasm" OFF)
  if(NOT NIANBAO_WASM_RULE_DOCS)
    target_compile_definitions(nianbao_core PUBLIC NIANBAO_RULE_DOC_TEXTS=0)
  endif()
  option(NIANBAO_WASM_SMALL "Build the core for size (-Oz -flto) in the wasm build" ON)
  if(NIANBAO_WASM_SMALL)
    target_compile_options(nianbao_core PRIVATE -Oz -flto)
  endif()
else()
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    # The format tables use partial aggregate initialisation on purpose.
    target_compile_options(nianbao_core PRIVATE -Wall -Wextra -Wno-missing-field-initializers)
  endif()
endif()
