# Fuzz targets that build and run everywhere.
#
# tb_fuzz_target(<name> SOURCES ... [LIBS ...] CORPUS <dirs or files> [SECONDS n])
#   SOURCES define `extern "C" int LLVMFuzzerTestOneInput(const uint8_t*, size_t)`.
#   Always: builds <name> with tests/fuzz/fuzz_driver.cpp (any compiler) and registers a CTest test
#   <name> labelled `fuzz` that runs the seeds, then random mutations for SECONDS (default 20).
#   Run one by hand: `<build>/tests/.../<name> --seconds 60 --seed 1 <corpus>`.
#   With -DTUNEBENCH_BUILD_FUZZ=ON and clang: also builds <name>_libfuzzer, a real libFuzzer binary
#   (-fsanitize=fuzzer,address). For coverage inside the libraries too, configure that build folder with
#   CC=clang CXX=clang++ -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address". Clang 14's libFuzzer
#   runtime (libclang_rt.fuzzer) ships with Debian's clang package.
#   Run: `<name>_libfuzzer -max_total_time=60 <copy-of-corpus-dir>`.
# Usage from any tests/core/<area>/CMakeLists.txt: include(TunebenchFuzz) then tb_fuzz_target(...).
include_guard(GLOBAL)

# The driver lives in tests/fuzz/; PROJECT_SOURCE_DIR is used inside the function so any directory can call it.

function(tb_fuzz_target name)
  cmake_parse_arguments(ARG "" "SECONDS" "SOURCES;LIBS;CORPUS" ${ARGN})
  if(NOT ARG_SECONDS)
    set(ARG_SECONDS 20)
  endif()
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "tb_fuzz_target(${name}): SOURCES is required")
  endif()
  add_executable(${name} ${ARG_SOURCES} ${PROJECT_SOURCE_DIR}/tests/fuzz/fuzz_driver.cpp)
  target_link_libraries(${name} PRIVATE ${ARG_LIBS})
  target_compile_definitions(${name} PRIVATE
    TUNEBENCH_SHARED_DIR="${TUNEBENCH_SHARED_DIR}" TUNEBENCH_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  math(EXPR timeout "${ARG_SECONDS} + 120")
  add_test(NAME ${name} COMMAND ${name} --seconds ${ARG_SECONDS} ${ARG_CORPUS})
  set_tests_properties(${name} PROPERTIES LABELS fuzz TIMEOUT ${timeout})

  if(TUNEBENCH_BUILD_FUZZ)
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
      add_executable(${name}_libfuzzer ${ARG_SOURCES})
      target_link_libraries(${name}_libfuzzer PRIVATE ${ARG_LIBS})
      target_compile_definitions(${name}_libfuzzer PRIVATE
        TUNEBENCH_SHARED_DIR="${TUNEBENCH_SHARED_DIR}" TUNEBENCH_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
      target_compile_options(${name}_libfuzzer PRIVATE -fsanitize=fuzzer,address -fno-omit-frame-pointer)
      target_link_options(${name}_libfuzzer PRIVATE -fsanitize=fuzzer,address)
    else()
      message(STATUS "TUNEBENCH_BUILD_FUZZ: ${name}_libfuzzer needs clang (compiler is ${CMAKE_CXX_COMPILER_ID}); only the portable driver is built")
    endif()
  endif()
endfunction()
