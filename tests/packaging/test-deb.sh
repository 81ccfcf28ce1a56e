#!/bin/sh
# Checks a Tideline .deb without installing it: unpacks it with dpkg-deb into a temporary
# directory, then checks the control fields, the file list, the desktop entry and AppStream
# metainfo (desktop-file-validate, appstreamcli), the icons and man pages, and that the unpacked
# binaries run: both print their version, and the GUI renders an offscreen screenshot.
#
# Usage: tests/packaging/test-deb.sh [PACKAGE.deb]
#        (default: the newest build-package/tideline_*.deb; scripts/package makes one)
# Needs: dpkg, desktop-file-utils, appstream, man-db, binutils, and the package's runtime
# dependencies (the build machine has them). Exit status: 0 when every check passed.
set -eu

APP_ID=io.github.tideline.Tideline
ICON_SIZES="16 32 48 64 128 256"

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ge 1 ]; then
    deb=$1
else
    # shellcheck disable=SC2012 # the newest first; the names have no odd characters
    deb=$(ls -t "$here/../../build-package"/tideline_*.deb 2>/dev/null | head -n 1 || true)
fi
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
    echo "test-deb: no package to check${deb:+ at $deb}; build one with scripts/package" >&2
    exit 2
fi
for tool in dpkg-deb desktop-file-validate appstreamcli man readelf; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "test-deb: $tool is missing (scripts/install-deps installs it)" >&2
        exit 2
    fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tideline-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
root=$tmp/root
failures=0
checks=0

pass() { checks=$((checks + 1)); echo "ok   $*"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL $*"; }
# check DESCRIPTION COMMAND...: passes when COMMAND succeeds; shows its output when it fails.
check() {
    desc=$1
    shift
    if "$@" >"$tmp/out" 2>&1; then
        pass "$desc"
    else
        fail "$desc"
        sed 's/^/     | /' "$tmp/out"
    fi
}
field() { dpkg-deb --field "$deb" "$1"; }
# Width and height of a PNG, from its IHDR chunk (bytes 16-23, big-endian).
png_size() {
    od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d\n", $1*16777216 + $2*65536 + $3*256 + $4, $5*16777216 + $6*65536 + $7*256 + $8 }'
}
is_png() { test -s "$1" && test "$(od -An -tx1 -N8 "$1" | tr -d ' \n')" = "89504e470d0a1a0a"; }
# The predicates the checks below run, each true or false.
has_dependency() { printf '%s\n' "$depends" | tr ',' '\n' | grep -Eq "^ *$1( |\$)"; }
all_owned_by_root() { ! dpkg-deb -c "$deb" | awk '{ print $2 }' | grep -v '^root/root$'; }
is_stripped() { ! readelf -S "$1" | grep -q '\.symtab'; }
# Anything else would be an install rule gone astray (headers, static libraries, test binaries).
only_expected_files() {
    (cd "$root" && ! find . -type f \
        | grep -Ev '^\./usr/(bin/tideline(-cli)?|share/(applications|metainfo|icons/hicolor|man/man1|doc/tideline)/.+)$')
}
png_is_size() { test "$(png_size "$1")" = "$2"; }
exec_is_packaged() { test -x "$root/usr/bin/$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$1")"; }
newest_release_is() { grep -o '<release [^>]*version="[^"]*"' "$1" | head -n 1 | grep -q "version=\"$2\""; }
renders_cleanly() {
    # groff's warnings on stderr, as lintian checks them.
    test -z "$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$1" 2>&1 >/dev/null)"
}
man_version_is() { gzip -dc "$1" | grep '^\.TH' | grep -q "\"Tideline $2\""; }
prints_version() { test "$(timeout 30 "$1" --version)" = "$2"; }
at_least() { test "${1%x*}" -ge "$2" && test "${1#*x}" -ge "$3"; }
# The translations are resources inside the binaries, not files (cmake/Packaging.cmake): rcc
# stores each resource's name in UTF-16BE, so the name, NUL-interleaved, is in the binary.
carries_resource() {
    LC_ALL=C grep -qaP "$(printf '%s' "$2" | sed 's/./\\x00&/g; s/\\x00\./\\x00\\./g')" "$1"
}

echo "# $deb"

# ---- control fields ------------------------------------------------------------------------
version=$(field Version)
upstream=${version%-*}
depends=$(field Depends)
check "Package is tideline" test "$(field Package)" = tideline
check "Architecture is $(dpkg --print-architecture)" test "$(field Architecture)" = "$(dpkg --print-architecture)"
check "Version $version is upstream-revision" test "$upstream" != "$version"
check "Maintainer is set" test -n "$(field Maintainer)"
check "Section is set" test -n "$(field Section)"
check "Description has a summary and a long text" test "$(field Description | wc -l)" -ge 3
# Libraries from dpkg-shlibdeps, plugins from the explicit list.
for dep in libqt6core6 libqt6widgets6 libc6 qt6-qpa-plugins libqt6sql6-sqlite; do
    check "Depends names $dep" has_dependency "$dep"
done
echo "     Depends: $depends"

# ---- contents --------------------------------------------------------------------------------
check "dpkg-deb unpacks the package" dpkg-deb -x "$deb" "$root"
check "every entry is owned by root:root" all_owned_by_root
for f in usr/bin/tideline usr/bin/tideline-cli; do
    check "$f is an executable" test -x "$root/$f"
    check "$f is stripped" is_stripped "$root/$f"
    for qm in tideline_zh_CN.qm tideline_en.qm; do
        check "$f carries the translation $qm" carries_resource "$root/$f" "$qm"
    done
done
required="usr/share/applications/$APP_ID.desktop
usr/share/metainfo/$APP_ID.metainfo.xml
usr/share/icons/hicolor/scalable/apps/$APP_ID.svg
usr/share/man/man1/tideline.1.gz
usr/share/man/man1/tideline-cli.1.gz"
for size in $ICON_SIZES; do
    required="$required
usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
for f in $required; do
    check "contains /$f" test -s "$root/$f"
done
check "no files outside bin/ and share/{applications,metainfo,icons,man,doc}/" only_expected_files
for size in $ICON_SIZES; do
    png=$root/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png
    if [ -f "$png" ]; then
        check "${size}x${size} icon is a ${size}x${size} PNG" png_is_size "$png" "${size}x${size}"
    fi
done

# ---- desktop entry and AppStream -----------------------------------------------------------------
desktop=$root/usr/share/applications/$APP_ID.desktop
metainfo=$root/usr/share/metainfo/$APP_ID.metainfo.xml
check "desktop-file-validate" desktop-file-validate "$desktop"
check "Exec= runs a packaged binary" exec_is_packaged "$desktop"
check "Icon= is the installed icon" test "$(sed -n 's/^Icon=//p' "$desktop")" = "$APP_ID"
check "appstreamcli validate --strict --no-net" appstreamcli validate --strict --no-net "$metainfo"
check "appstreamcli validate-tree --strict --no-net" appstreamcli validate-tree --strict --no-net "$root"
check "metainfo's newest release is $upstream" newest_release_is "$metainfo" "$upstream"

# ---- man pages ---------------------------------------------------------------------------------
for page in tideline tideline-cli; do
    gz=$root/usr/share/man/man1/$page.1.gz
    [ -f "$gz" ] || continue
    check "$page.1.gz is gzip-compressed" gzip -t "$gz"
    check "$page(1) renders without warnings" renders_cleanly "$gz"
    check "$page(1) is for version $upstream" man_version_is "$gz" "$upstream"
    gzip -dc "$gz" | sed 's/\\-/-/g' >"$tmp/$page.man"
done

# ---- the unpacked binaries run ------------------------------------------------------------------
# A private home, so that nothing reads or writes the user's settings.
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_CACHE_HOME="$tmp/home/.cache"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$XDG_CONFIG_HOME"
cli=$root/usr/bin/tideline-cli
gui=$root/usr/bin/tideline

check "tideline-cli --version prints tideline-cli $upstream" prints_version "$cli" "tideline-cli $upstream"
check "tideline --version prints Tideline $upstream" prints_version "$gui" "Tideline $upstream"

# Every option the binaries offer is documented in their man page.
if [ -f "$tmp/tideline.man" ] && timeout 30 "$gui" --help >"$tmp/gui-help" 2>&1; then
    # shellcheck disable=SC2013 # option names are single words
    for opt in $(grep -Eo -- '--[a-z][a-z-]*' "$tmp/gui-help" | sort -u); do
        check "tideline(1) documents $opt" grep -qF -- "$opt" "$tmp/tideline.man"
    done
else
    fail "tideline --help runs"
fi
if [ -f "$tmp/tideline-cli.man" ] && timeout 30 "$cli" --help >"$tmp/cli-help" 2>&1; then
    # The command list: the indented lines between "Commands:" and the next empty line.
    sed -n '/^Commands:/,/^$/p' "$tmp/cli-help" | sed -n 's/^  \([a-z][a-z0-9]*\( [a-z][a-z0-9]*\)\?\)  .*/\1/p' \
        | grep -v '^help' >"$tmp/commands" || true
    check "tideline-cli --help lists commands" test -s "$tmp/commands"
    while IFS= read -r command; do
        check "tideline-cli(1) has a section for '$command'" grep -qx "\.SS $command" "$tmp/tideline-cli.man"
        # shellcheck disable=SC2086 # the command's words are separate arguments
        if timeout 30 "$cli" $command --help >"$tmp/cmd-help" 2>&1; then
            # shellcheck disable=SC2013 # option names are single words
            for opt in $(grep -Eo -- '--[a-z][a-z-]*' "$tmp/cmd-help" | sort -u); do
                check "tideline-cli(1) documents $command $opt" grep -qF -- "$opt" "$tmp/tideline-cli.man"
            done
        else
            fail "tideline-cli $command --help runs"
        fi
    done <"$tmp/commands"
else
    fail "tideline-cli --help runs"
fi

# The offscreen screenshot: the whole GUI starts from the unpacked files, with no broker.
shot=$tmp/screenshot.png
if timeout 60 "$gui" --settings "$tmp/settings.ini" --screenshot "$shot" --quit-after 1500 >"$tmp/gui.log" 2>&1; then
    pass "tideline --screenshot exits with 0"
else
    fail "tideline --screenshot exits with 0 (status $?)"
    sed 's/^/     | /' "$tmp/gui.log"
fi
check "the screenshot is a non-empty PNG" is_png "$shot"
if is_png "$shot"; then
    size=$(png_size "$shot")
    check "the screenshot has a window's size ($size)" at_least "$size" 320 200
fi

# The demo from the installed binary: real mosquitto and RabbitMQ, the shop and the demo
# cluster start, the window is shot once the demo is laid out, and nothing it started is left
# running after it quits. Its temporary files go to a folder of its own; every process it starts
# inherits TMPDIR pointing there, which is how strays are recognised (other tests running at the
# same time have their own brokers).
demo_tmp=$tmp/demo-tmp
mkdir -p "$demo_tmp"
chmod 755 "$tmp"
chmod 1777 "$demo_tmp" # RabbitMQ runs as the rabbitmq user and keeps its data below it
demo_shot=$tmp/demo.png
if TMPDIR=$demo_tmp timeout 300 "$gui" --settings "$tmp/settings.ini" --demo --demo-speed 4 \
        --screenshot "$demo_shot" >"$tmp/demo.log" 2>&1; then
    pass "tideline --demo --screenshot exits with 0"
else
    fail "tideline --demo --screenshot exits with 0 (status $?)"
    tail -40 "$tmp/demo.log" | sed 's/^/     | /'
fi
check "the demo screenshot is a non-empty PNG" is_png "$demo_shot"
if is_png "$demo_shot"; then
    size=$(png_size "$demo_shot")
    check "the demo screenshot has a window's size ($size)" at_least "$size" 800 500
fi
demo_started() { grep -E "demo ready:.*mosquitto: running.*RabbitMQ: running.*demo cluster: running" "$tmp/demo.log"; }
check "mosquitto, RabbitMQ and the demo cluster ran (log)" demo_started
# Processes whose environment names the demo's TMPDIR: none may outlive the window.
demo_strays() {
    sleep 2
    for e in /proc/[0-9]*/environ; do
        if (tr '\0' '\n' <"$e") 2>/dev/null | grep -qx "TMPDIR=$demo_tmp"; then
            pid=${e#/proc/}
            pid=${pid%/environ}
            echo "left running: $pid $(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)"
        fi
    done
}
no_demo_strays() { test -z "$(demo_strays)"; }
check "no process started by the demo is left running" no_demo_strays
demo_strays

echo "# $checks checks, $failures failed"
[ "$failures" -eq 0 ]
