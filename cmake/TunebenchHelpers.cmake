# Helpers that keep every CMakeLists.txt in the tree short and alike.

# tb_core_library(<area> SOURCES ... [DEPS ...])
# Builds tunebench_core_<area>, a static library that links no Qt. DEPS are other targets.
function(tb_core_library area)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  set(target tunebench_core_${area})
  add_library(${target} STATIC ${ARG_SOURCES})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${target} PUBLIC ${ARG_DEPS})
  set_property(GLOBAL APPEND PROPERTY TUNEBENCH_CORE_AREAS ${target})
endfunction()

# tb_gtest(<name> SOURCES ... LIBS ... [LABELS ...] [TIMEOUT s])
# A GoogleTest executable whose tests CTest discovers one by one (so counts show in CTest output).
function(tb_gtest name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    TUNEBENCH_SHARED_DIR="${TUNEBENCH_SHARED_DIR}"
    TUNEBENCH_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  # Slow suites are compute-heavy and use both cores through OpenMP: run them alone, because OpenMP
  # threads sharing 2 cores with another test's threads slow down by an order of magnitude.
  set(serial FALSE)
  if("slow" IN_LIST ARG_LABELS)
    set(serial TRUE)
  endif()
  gtest_discover_tests(${name}
    PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT ${ARG_TIMEOUT} RUN_SERIAL ${serial}
    DISCOVERY_TIMEOUT 60)
endfunction()

# tb_qtest(<name> SOURCES ... LIBS ... [LABELS ...])
# A Qt Test executable run offscreen.
function(tb_qtest name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  if(NOT ARG_LABELS)
    set(ARG_LABELS gui)
  endif()
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBS} Qt6::Test)
  target_compile_definitions(${name} PRIVATE
    TUNEBENCH_SHARED_DIR="${TUNEBENCH_SHARED_DIR}"
    TUNEBENCH_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}" TIMEOUT ${ARG_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endfunction()
