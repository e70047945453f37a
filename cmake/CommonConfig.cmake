# One INTERFACE target carries the language level, warnings and Qt strictness
# for every Tierdesk target.
add_library(tierdesk_common_flags INTERFACE)
target_compile_features(tierdesk_common_flags INTERFACE cxx_std_17)
target_compile_options(tierdesk_common_flags INTERFACE
  -Wall -Wextra -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual)
if(TIERDESK_WERROR)
  target_compile_options(tierdesk_common_flags INTERFACE -Werror)
endif()
target_compile_definitions(tierdesk_common_flags INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CONTEXTLESS_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_NO_FOREACH
  TIERDESK_VERSION="${PROJECT_VERSION}")
target_include_directories(tierdesk_common_flags INTERFACE ${PROJECT_SOURCE_DIR})

# Core modules and the console compile their files in batches (one translation unit a few files):
# each batch parses Qt's headers once, not once a file. Names at file scope must then be unique
# within a module (unnamed namespaces included). Off: one unit a file (quicker after a one-file edit).
option(TIERDESK_UNITY "Compile core modules and the console as unity batches" ON)

# tierdesk_unity(TARGET): TARGET's sources compile in unity batches when TIERDESK_UNITY is on.
function(tierdesk_unity target)
  if(TIERDESK_UNITY)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
  endif()
endfunction()

# tierdesk_add_module(NAME DIR LIBS...) builds one static sub-library of core
# from every source file in DIR.
function(tierdesk_add_module name dir)
  file(GLOB sources CONFIGURE_DEPENDS "${dir}/*.cpp")

  if(sources)
    file(GLOB headers CONFIGURE_DEPENDS "${dir}/*.h")
    add_library(${name} STATIC ${sources} ${headers})
    target_link_libraries(${name} PUBLIC tierdesk_common_flags ${ARGN})
    tierdesk_unity(${name})
  else() # a module not written yet
    add_library(${name} INTERFACE)
    target_link_libraries(${name} INTERFACE tierdesk_common_flags ${ARGN})
  endif()
endfunction()
