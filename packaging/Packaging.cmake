# Install rules and CPack (DEB) settings for platform packages.
# Included at the end of the top-level CMakeLists.txt; packaging/build-deb.sh drives it.

include(GNUInstallDirs)

set(WSSCOPE_APP_ID io.github.wsscope.WsScope)
set(_pkgdir ${CMAKE_CURRENT_LIST_DIR})
# GNUInstallDirs would name it after the project (WsScope); Debian policy 12.5 wants the package name.
set(_docdir ${CMAKE_INSTALL_DATADIR}/doc/wsscope)

# Freedesktop integration: launcher, software-centre entry, icon, session file type.
install(FILES ${_pkgdir}/${WSSCOPE_APP_ID}.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${_pkgdir}/${WSSCOPE_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/wsscope.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME ${WSSCOPE_APP_ID}.svg)
install(FILES ${_pkgdir}/${WSSCOPE_APP_ID}.mime.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
        RENAME ${WSSCOPE_APP_ID}.xml)

# Debian policy 12.1 and 12.7: man pages and changelogs are installed compressed with gzip -9n
# (no name or time stamp in the header, so the package is reproducible).
find_program(WSSCOPE_GZIP gzip)
if(WSSCOPE_GZIP)
    set(_gz ${CMAKE_CURRENT_BINARY_DIR}/packaging)
    add_custom_command(OUTPUT ${_gz}/wsscope.1.gz
                       COMMAND ${CMAKE_COMMAND} -E make_directory ${_gz}
                       COMMAND ${WSSCOPE_GZIP} -9nc ${_pkgdir}/wsscope.1 > ${_gz}/wsscope.1.gz
                       DEPENDS ${_pkgdir}/wsscope.1
                       VERBATIM)
    add_custom_command(OUTPUT ${_gz}/changelog.Debian.gz
                       COMMAND ${CMAKE_COMMAND} -E make_directory ${_gz}
                       COMMAND ${WSSCOPE_GZIP} -9nc ${_pkgdir}/changelog.Debian > ${_gz}/changelog.Debian.gz
                       DEPENDS ${_pkgdir}/changelog.Debian
                       VERBATIM)
    add_custom_target(wsscope_packaging_docs ALL
                      DEPENDS ${_gz}/wsscope.1.gz ${_gz}/changelog.Debian.gz)
    install(FILES ${_gz}/wsscope.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    install(FILES ${_gz}/changelog.Debian.gz ${_pkgdir}/copyright
            DESTINATION ${_docdir})
else()
    install(FILES ${_pkgdir}/wsscope.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
    install(FILES ${_pkgdir}/copyright DESTINATION ${_docdir})
endif()

install(FILES ${_pkgdir}/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
        RENAME wsscope)

# A stripped install (cmake --install --strip, CPack with CPACK_STRIP_FILES) also drops the
# compiler's .comment and .note sections, as dh_strip does. This runs after app/'s install rule
# (policy CMP0082: install rules run in the order they were declared).
if(CMAKE_STRIP)
    install(CODE "
        if(CMAKE_INSTALL_DO_STRIP)
            execute_process(COMMAND \"${CMAKE_STRIP}\" --remove-section=.comment --remove-section=.note
                                    \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/wsscope\")
        endif()")
endif()

# CPack: a Debian binary package. Build it with packaging/build-deb.sh.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME wsscope)
set(CPACK_PACKAGE_VENDOR "WsScope developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "WebSocket traffic inspector")
set(CPACK_PACKAGE_INSTALL_DIRECTORY wsscope)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_NAME wsscope)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
# Not a mailbox anyone reads: a no-reply placeholder until the project has a contact address.
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "WsScope developers <wsscope@users.noreply.github.com>")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# dpkg-shlibdeps cannot see what Qt loads at run time: Qt's TLS backend dlopen()s libssl for
# wss://, and the Wayland platform plugin is a separate package (X11's ships with libqt6gui6).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libssl3, qt6-wayland")
# CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY in front as the synopsis line.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "WsScope shows what WebSocket connections really do: every handshake
header, every frame both ways with its FIN/RSV/opcode/mask bits, pings
and pongs with round-trip times, and every close with who closed it and
why. It records the bytes on the wire beside Qt WebSockets and decodes
them with its own RFC 6455 decoder, so it also shows the raw 101
response, pings sent by the server and protocol violations.

Besides the window, the wsscope command records, prints, replays, mocks,
compares, exports (HAR, NDJSON, CSV) and imports sessions without a
display.")

include(CPack)
