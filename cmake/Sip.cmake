# The libraries of core/voice/sip (DESIGN.md, "Calls"), all Debian 12 packages that
# scripts/install-deps.sh installs: a missing one stops configure, naming its package.
#   libre 1.1 (libre-dev): SIP, SDP, RTP and its main loop; Opus 1.3 (libopus-dev);
#   spandsp 0.0.6 (libspandsp-dev): G.722 and G.711.
pkg_check_modules(LIBRE libre)
if(NOT LIBRE_FOUND)
  tierdesk_speech_missing("libre" libre-dev)
endif()
# libre's headers take the platform's facts from the build's defines, as its own re.mk sets them
# for Linux; HAVE_INET6 changes struct sa, so it must match the library Debian built.
add_library(tierdesk_libre INTERFACE)
target_include_directories(tierdesk_libre SYSTEM INTERFACE ${LIBRE_INCLUDE_DIRS})
target_link_libraries(tierdesk_libre INTERFACE ${LIBRE_LINK_LIBRARIES})
target_compile_definitions(tierdesk_libre INTERFACE HAVE_INTTYPES_H HAVE_STDBOOL_H HAVE_INET6 HAVE_PTHREAD)

pkg_check_modules(OPUS IMPORTED_TARGET opus)
if(NOT OPUS_FOUND)
  tierdesk_speech_missing("Opus" libopus-dev)
endif()
pkg_check_modules(SPANDSP IMPORTED_TARGET spandsp)
if(NOT SPANDSP_FOUND)
  tierdesk_speech_missing("spandsp" libspandsp-dev)
endif()
