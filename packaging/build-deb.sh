#!/bin/sh
# Build a Release .deb of WsScope with CPack into build-deb/ and check it and its metadata:
# lintian on the package, appstreamcli on the AppStream metainfo, desktop-file-validate on the
# desktop entry. Needs: cmake ninja-build g++ qt6 dev packages, dpkg-dev, lintian, appstream,
# desktop-file-utils. Exits non-zero when the build or a check fails.
#
#   packaging/build-deb.sh              # build and check
#   JOBS=4 BUILD_DIR=/tmp/deb packaging/build-deb.sh
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-deb}
jobs=${JOBS:-2}
appid=io.github.wsscope.WsScope

# Debian's hardening and optimisation flags (PIE, RELRO, bindnow, _FORTIFY_SOURCE, stack
# protector), as a package built by dpkg-buildpackage would get them. CMake reads no CPPFLAGS.
cxxflags=""
ldflags=""
if command -v dpkg-buildflags >/dev/null 2>&1; then
    export DEB_BUILD_MAINT_OPTIONS=hardening=+all
    cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
    ldflags=$(dpkg-buildflags --get LDFLAGS)
fi

cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX=/usr \
    -DWSSCOPE_BUILD_TESTS=OFF \
    -DWSSCOPE_BUILD_BENCHMARKS=OFF \
    -DCMAKE_CXX_FLAGS="$cxxflags" \
    -DCMAKE_EXE_LINKER_FLAGS="$ldflags" \
    -DCMAKE_SHARED_LINKER_FLAGS="$ldflags"
cmake --build "$build" -j "$jobs"
rm -f "$build"/wsscope_*.deb
(cd "$build" && cpack -G DEB)

deb=$(ls "$build"/wsscope_*.deb)
echo "== package: $deb"
dpkg-deb --info "$deb"
dpkg-deb --contents "$deb"

status=0
check() {
    tool=$1
    shift
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "== $tool not found: apt-get install lintian appstream desktop-file-utils" >&2
        status=1
        return
    fi
    echo "== $tool $*"
    "$tool" "$@" || status=1
}
check lintian --info --display-info --pedantic --tag-display-limit 0 "$deb"
check appstreamcli validate --no-net --pedantic "$root/packaging/$appid.metainfo.xml"
check desktop-file-validate "$root/packaging/$appid.desktop"
if command -v xmllint >/dev/null 2>&1 && [ -f /usr/share/mime/packages/freedesktop.org.xml ]; then
    echo "== xmllint (shared-mime-info)"
    xmllint --noout "$root/packaging/$appid.mime.xml" || status=1
fi

if [ "$status" -eq 0 ]; then
    echo "== all checks passed: install with  apt-get install ./${deb#"$root"/}"
else
    echo "== some checks failed (see above)" >&2
fi
exit "$status"
