# The libraries and model of core/voice (DESIGN.md, "Calls"), all Debian 12 packages that
# scripts/install-deps.sh installs: a missing one stops configure, naming its package.
#   PocketSphinx 5prealpha (libpocketsphinx-dev, with sphinxbase) and its US English model
#   (pocketsphinx-en-us); Flite 2.2 with its 16 kHz US voices slt and rms (flite1-dev);
#   speexdsp's resampler (libspeexdsp-dev).
function(tierdesk_speech_missing what package)
  message(FATAL_ERROR "${what} not found: install the Debian package ${package} (scripts/install-deps.sh)")
endfunction()

pkg_check_modules(POCKETSPHINX pocketsphinx sphinxbase)
if(NOT POCKETSPHINX_FOUND)
  tierdesk_speech_missing("PocketSphinx" libpocketsphinx-dev)
endif()
# Debian's pocketsphinx.pc names /usr/include/sphinxbase, which its multiarch layout does not have
# (sphinxbase.pc names the real folder): an imported target would refuse the missing path.
set(POCKETSPHINX_EXISTING_INCLUDE_DIRS)
foreach(dir ${POCKETSPHINX_INCLUDE_DIRS})
  if(IS_DIRECTORY ${dir})
    list(APPEND POCKETSPHINX_EXISTING_INCLUDE_DIRS ${dir})
  endif()
endforeach()
add_library(tierdesk_pocketsphinx INTERFACE)
target_include_directories(tierdesk_pocketsphinx SYSTEM INTERFACE ${POCKETSPHINX_EXISTING_INCLUDE_DIRS})
target_link_libraries(tierdesk_pocketsphinx INTERFACE ${POCKETSPHINX_LINK_LIBRARIES})
pkg_check_modules(SPEEXDSP IMPORTED_TARGET speexdsp)
if(NOT SPEEXDSP_FOUND)
  tierdesk_speech_missing("speexdsp" libspeexdsp-dev)
endif()

# The model is read at run time; its folder is the default a caller may override.
pkg_get_variable(POCKETSPHINX_PKG_MODEL_DIR pocketsphinx modeldir)
find_path(TIERDESK_POCKETSPHINX_MODEL_DIR en-us/mdef PATHS ${POCKETSPHINX_PKG_MODEL_DIR}/en-us
  /usr/share/pocketsphinx/model/en-us NO_DEFAULT_PATH)
if(NOT TIERDESK_POCKETSPHINX_MODEL_DIR)
  tierdesk_speech_missing("PocketSphinx's US English model" pocketsphinx-en-us)
endif()

# Flite has no pkg-config file: its libraries one by one, in link order (voice, language, lexicon, core).
find_path(FLITE_INCLUDE_DIR flite/flite.h)
if(NOT FLITE_INCLUDE_DIR)
  tierdesk_speech_missing("Flite's headers" flite1-dev)
endif()
set(FLITE_LIBRARIES)
foreach(lib flite_cmu_us_slt flite_cmu_us_rms flite_usenglish flite_cmulex flite)
  find_library(FLITE_${lib}_LIBRARY NAMES ${lib})
  if(NOT FLITE_${lib}_LIBRARY)
    tierdesk_speech_missing("Flite's lib${lib}" flite1-dev)
  endif()
  list(APPEND FLITE_LIBRARIES ${FLITE_${lib}_LIBRARY})
endforeach()
add_library(tierdesk_flite INTERFACE)
target_include_directories(tierdesk_flite SYSTEM INTERFACE ${FLITE_INCLUDE_DIR})
target_link_libraries(tierdesk_flite INTERFACE ${FLITE_LIBRARIES} m)
