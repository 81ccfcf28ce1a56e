# One interface target carries every warning and define; all project targets link it.
add_library(tideline_options INTERFACE)
target_compile_definitions(tideline_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    TIDELINE_VERSION="${PROJECT_VERSION}")
target_compile_options(tideline_options INTERFACE
    -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>)

# Warnings are errors in CI (CI=true) and whenever asked for explicitly.
if(DEFINED ENV{CI})
    set(_tideline_werror_default ON)
else()
    set(_tideline_werror_default OFF)
endif()
option(TIDELINE_WERROR "Treat warnings as errors" ${_tideline_werror_default})
if(TIDELINE_WERROR)
    target_compile_options(tideline_options INTERFACE -Werror)
endif()

# libFuzzer builds (clang only): instrument every project target, link the fuzzer runtime only
# into the fuzz targets themselves (tests/fuzz).
option(TIDELINE_FUZZ "Build libFuzzer targets (needs clang)" OFF)
if(TIDELINE_FUZZ)
    target_compile_options(tideline_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined)
    target_link_options(tideline_options INTERFACE -fsanitize=address,undefined)
endif()
