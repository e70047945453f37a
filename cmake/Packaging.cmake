# What `cmake --install` puts beside the program (desktop entry, AppStream
# metainfo, icons, manual page, copyright, changelog) and the Debian package
# CPack builds from it: `make package` (cpack -G DEB) writes
# tierdesk_<version>_<arch>.deb into the build directory.
#
# The program reads nothing of this at run time (its data is embedded), so the
# package is only the binary and the files desktops, software centres and man
# look for. Everything here is plain text or checked-in PNGs: the build needs
# gzip and, for the package, dpkg-dev (dpkg-shlibdeps); nothing renders icons.
# After a change to packaging/icons/tierdesk.svg, render the PNGs again by hand:
#   for s in 16 32 48 64 128 256; do rsvg-convert -w $s -h $s tierdesk.svg -o tierdesk-$s.png; done

include(GNUInstallDirs)
find_program(GZIP_PROGRAM gzip REQUIRED)

set(TIERDESK_APP_ID io.github.tierdesk.Tierdesk)
set(TIERDESK_PACKAGE_MAINTAINER "Tierdesk developers <tierdesk@example.org>"
  CACHE STRING "Maintainer field of the Debian package (Name <address>)")

set(packaging_src ${PROJECT_SOURCE_DIR}/packaging)
set(packaging_out ${PROJECT_BINARY_DIR}/packaging)
file(MAKE_DIRECTORY ${packaging_out})

# The release is named in three hand-written files; a version bump in project()
# that forgets one of them stops here rather than shipping a stale entry.
foreach(check
    "changelog|^tierdesk \\(${PROJECT_VERSION}\\)"
    "${TIERDESK_APP_ID}.metainfo.xml|<releases>[ \n]*<release version=\"${PROJECT_VERSION}\""
    "tierdesk.1|\n.TH TIERDESK 1 [^\n]* \"Tierdesk ${PROJECT_VERSION}\"")
  string(REPLACE "|" ";" check "${check}")
  list(GET check 0 file)
  list(GET check 1 pattern)
  file(READ ${packaging_src}/${file} text)
  string(REPLACE "." "\\." pattern "${pattern}")
  if(NOT text MATCHES "${pattern}")
    message(FATAL_ERROR "packaging/${file} does not name version ${PROJECT_VERSION} (project()) as the latest release")
  endif()
endforeach()

# copyright (DEP-5): the CDLA-Sharing text is taken from resources/nlu, where the
# data it covers lives, and indented as a licence paragraph ("." for empty lines).
file(READ ${PROJECT_SOURCE_DIR}/resources/nlu/LICENSE-bitext-CDLA-Sharing-1.0.txt TIERDESK_CDLA_SHARING_TEXT)
string(STRIP "${TIERDESK_CDLA_SHARING_TEXT}" TIERDESK_CDLA_SHARING_TEXT)
foreach(pass 1 2) # twice: a run of empty lines overlaps itself
  string(REPLACE "\n\n" "\n.\n" TIERDESK_CDLA_SHARING_TEXT "${TIERDESK_CDLA_SHARING_TEXT}")
endforeach()
string(REPLACE "\n" "\n " TIERDESK_CDLA_SHARING_TEXT " ${TIERDESK_CDLA_SHARING_TEXT}")
configure_file(${packaging_src}/copyright.in ${packaging_out}/copyright @ONLY)

# The manual page and the changelog, compressed as Debian wants them (-n: no
# name or time stamp in the header, so the same input gives the same bytes).
set(gzipped)
foreach(pair "tierdesk.1|tierdesk.1.gz" "changelog|changelog.gz")
  string(REPLACE "|" ";" pair "${pair}")
  list(GET pair 0 in)
  list(GET pair 1 out)
  add_custom_command(OUTPUT ${packaging_out}/${out}
    COMMAND ${CMAKE_COMMAND} -E copy ${packaging_src}/${in} ${packaging_out}/${in}
    COMMAND ${GZIP_PROGRAM} -n -9 -f ${packaging_out}/${in}
    DEPENDS ${packaging_src}/${in}
    COMMENT "Compressing packaging/${in}"
    VERBATIM)
  list(APPEND gzipped ${packaging_out}/${out})
endforeach()
add_custom_target(tierdesk_packaging_files ALL DEPENDS ${gzipped})

set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
install(FILES ${packaging_src}/${TIERDESK_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${packaging_src}/${TIERDESK_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${packaging_src}/icons/tierdesk.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size 16 32 48 64 128 256)
  install(FILES ${packaging_src}/icons/tierdesk-${size}.png
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps RENAME tierdesk.png)
endforeach()
install(FILES ${packaging_out}/tierdesk.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${packaging_out}/copyright ${packaging_out}/changelog.gz DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/tierdesk)
# `tierdesk serve` as a system service, not enabled (docs/deploy.md). Debian 12 keeps units in /lib.
install(FILES ${packaging_src}/tierdesk.service DESTINATION /lib/systemd/system)

# The Debian package.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tierdesk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Tierdesk developers")
set(CPACK_PACKAGE_CONTACT "${TIERDESK_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "console and server for AI-assisted customer service")
set(CPACK_PACKAGE_DESCRIPTION "Tierdesk is a desktop console for AI-assisted customer service. One
program holds a three-tier session and escalation engine (AI Rep, AI
Manager, human agent), an embedded REST and WebSocket server that chat
clients use, and the Qt console where people work the escalations.
The AI tiers run locally, inside the program: no cloud service is needed.
.
tierdesk serve runs the engine and the server without a window.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # tierdesk_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The libraries the binary links (dpkg-shlibdeps), plus what it loads as a
# plugin, which shlibdeps cannot see: Qt's SQLite and PostgreSQL drivers. Qt's xcb platform
# plugin and TLS backends come with libqt6gui6 and libqt6network6 on Debian 12.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# pocketsphinx-en-us: the speech model calls are heard with, read at run time (shlibdeps cannot see it).
# Qt's GStreamer media backend (a call's recording in the console) needs the base and good plugins.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, libqt6sql6-psql, pocketsphinx-en-us, gstreamer1.0-plugins-base, gstreamer1.0-plugins-good")
# A keyring keeps the secrets (else <data dir>/secrets.json, 0600); the Wayland
# plugin gives a native window on Wayland desktops (else XWayland).
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring, qt6-wayland")
include(CPack)
