# Desktop integration (desktop entry, AppStream metainfo, hicolor icons, man pages) and the Debian
# package: `cpack -G DEB` in a build directory, or scripts/package for the whole flow.
# The translations need no rule here: the .qm files are embedded in tideline_ui as resources.
#
# Included from the top-level CMakeLists.txt; the guard makes a second inclusion (for example via
# -DCMAKE_PROJECT_INCLUDE) harmless.
include_guard(GLOBAL)

include(GNUInstallDirs)

# The reverse-DNS id names the desktop entry, the metainfo and the icon alike, as AppStream wants.
set(TIDELINE_APP_ID "io.github.tideline.Tideline")
set(_tideline_packaging_dir "${PROJECT_SOURCE_DIR}/packaging")
set(_tideline_packaging_out "${PROJECT_BINARY_DIR}/packaging")
set(_tideline_icon_svg "${PROJECT_SOURCE_DIR}/resources/icons/tideline.svg")

install(FILES "${_tideline_packaging_dir}/${TIDELINE_APP_ID}.desktop"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/applications")
install(FILES "${_tideline_packaging_dir}/${TIDELINE_APP_ID}.metainfo.xml"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
install(FILES "${_tideline_icon_svg}"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps"
        RENAME "${TIDELINE_APP_ID}.svg")

# Bitmap icons are rendered from the one SVG at build time, so they can never drift from it.
# Without rsvg-convert (librsvg2-bin) the build still works; only the PNG sizes are left out,
# and tests/packaging/test-deb.sh reports them missing.
set(TIDELINE_ICON_SIZES 16 32 48 64 128 256)
find_program(TIDELINE_RSVG_CONVERT rsvg-convert)
set(_tideline_generated "")
if(TIDELINE_RSVG_CONVERT)
    foreach(_size IN LISTS TIDELINE_ICON_SIZES)
        set(_dir "${_tideline_packaging_out}/icons/${_size}x${_size}")
        set(_png "${_dir}/${TIDELINE_APP_ID}.png")
        add_custom_command(OUTPUT "${_png}"
            COMMAND "${CMAKE_COMMAND}" -E make_directory "${_dir}"
            COMMAND "${TIDELINE_RSVG_CONVERT}" --width ${_size} --height ${_size}
                    --output "${_png}" "${_tideline_icon_svg}"
            DEPENDS "${_tideline_icon_svg}"
            COMMENT "Rendering the ${_size}x${_size} application icon"
            VERBATIM)
        list(APPEND _tideline_generated "${_png}")
        install(FILES "${_png}" DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_size}x${_size}/apps")
    endforeach()
else()
    message(WARNING "rsvg-convert not found (Debian: librsvg2-bin): the PNG application icons "
                    "will not be built or installed; only the scalable SVG icon will.")
endif()

# Debian policy wants man pages compressed with gzip -9 and no timestamp (-n).
foreach(_page tideline.1 tideline-cli.1)
    set(_src "${_tideline_packaging_dir}/man/${_page}")
    set(_gz "${_tideline_packaging_out}/man/${_page}.gz")
    add_custom_command(OUTPUT "${_gz}"
        COMMAND "${CMAKE_COMMAND}" -E make_directory "${_tideline_packaging_out}/man"
        COMMAND "${CMAKE_COMMAND}" -E copy "${_src}" "${_tideline_packaging_out}/man/${_page}"
        COMMAND gzip -9 -n -f "${_tideline_packaging_out}/man/${_page}"
        DEPENDS "${_src}"
        COMMENT "Compressing the ${_page} man page"
        VERBATIM)
    list(APPEND _tideline_generated "${_gz}")
    install(FILES "${_gz}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
endforeach()

add_custom_target(tideline_desktop_files ALL DEPENDS ${_tideline_generated})

# ---- CPack: one Debian package with both binaries ------------------------------------------
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "tideline")
set(CPACK_PACKAGE_VENDOR "The Tideline developers")
set(CPACK_PACKAGE_CONTACT "The Tideline developers <maintainers@tideline.invalid>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# The extended description: CPack indents it and turns empty lines into " ." for dpkg.
set(CPACK_PACKAGE_DESCRIPTION
"Tideline is a native Qt desktop console for operators of queue-based systems.
It shows a live MQTT topic tree (MQTT 3.1.1 and 5 over TCP, TLS and websockets)
with per-topic message counts, rates and payload previews, broker statistics
from $SYS topics, and keeps passwords only in the system keychain.

The package also contains tideline-cli, which publishes, subscribes and runs
ingest benchmarks from scripts.")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_RELEASE "1")
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# dpkg-shlibdeps computes Depends from the libraries the binaries really link.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time as plugins, so dpkg-shlibdeps cannot see them: the platform plugins
# (xcb, wayland, offscreen) and the SQLite driver of the local history store.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite, libqt6svg6")
# Qt's own strings (standard dialogs and buttons) in Chinese when the UI runs in zh_CN.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
# The keychain the credential store talks to through the Secret Service API.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gnome-keyring")

# `cpack --config CPackSourceConfig.cmake` must not sweep the build trees into the tarball.
set(CPACK_SOURCE_GENERATOR "TXZ")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/")

include(CPack)
