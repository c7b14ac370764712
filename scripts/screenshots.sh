#!/usr/bin/env bash
# Takes the screenshots in docs/screenshots/ from the real program: `wsscope --demo` on a virtual
# X display, driven with xdotool, captured with ImageMagick's import.
#
#   scripts/screenshots.sh [path/to/wsscope] [output-dir]
#
# Needs xvfb (xvfb-run), xdotool and imagemagick (Debian packages of the same names). The binary
# defaults to build/app/wsscope (scripts/build.sh), the output directory to docs/screenshots.
# Settings and the crash journal go to temporary folders, so a user's saved window layout and
# journals are neither used nor changed (and no recovery question pops up). Positions are for the window's default layout at 1600x1000.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$(realpath "${1:-$root/build/app/wsscope}")"
out="$(realpath -m "${2:-$root/docs/screenshots}")"

if [[ -z "${WSSCOPE_SCREENSHOTS_INNER:-}" ]]; then
    for tool in xvfb-run xdotool import convert; do
        command -v "$tool" >/dev/null || {
            echo "screenshots.sh: $tool is missing; install xvfb, xdotool and imagemagick." >&2
            exit 2
        }
    done
    [[ -x "$bin" ]] || {
        echo "screenshots.sh: no binary at $bin; build first (scripts/build.sh)." >&2
        exit 2
    }
    mkdir -p "$out"
    WSSCOPE_SCREENSHOTS_INNER=1 exec xvfb-run -a -s '-screen 0 1600x1000x24' "$0" "$bin" "$out"
fi

tmp="$(mktemp -d)"
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache"
export XDG_RUNTIME_DIR="$tmp/runtime" LC_ALL=C.UTF-8 LANG=C.UTF-8
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=xcb

"$bin" --demo >"$tmp/wsscope.log" 2>&1 &
app=$!
cleanup() {
    kill "$app" 2>/dev/null || true
    wait "$app" 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT

win="$(timeout 30 xdotool search --sync --onlyvisible --name 'WsScope' | head -n 1)"
# No window manager on the virtual display: place the window over the whole screen ourselves.
xdotool windowmove "$win" 0 0 windowsize "$win" 1600 1000
xdotool windowfocus --sync "$win"

pause() { sleep "${1:-0.6}"; }
key() {
    xdotool key --clearmodifiers "$@"
    pause
}
type_text() {
    xdotool type --delay 15 "$1"
    pause
}
click() {
    xdotool mousemove "$1" "$2" sleep 0.2 click 1
    pause
}
# Moves the pointer out of the way so no hover highlight or tooltip lands in a picture.
park() { xdotool mousemove 1599 999; }
shot() {
    park
    pause 0.8
    import -silent -window root "$tmp/raw.png"
    # 8-bit palette PNG: the window uses few colours, and this keeps each picture small.
    convert "$tmp/raw.png" -strip -dither None -colors 255 "PNG8:$out/$1.png"
    echo "$out/$1.png"
}

# Let the demo feed run: tickers, a CBOR book, a fragmented snapshot, pings and pongs both ways.
sleep 9

# Places in the default layout (1600x1000, no saved settings).
new_button=(81 35)
bar_close=(1582 65)
only_matching=(1053 65)
first_row=(806 107)
second_row=(806 127)
composer_editor=(1037 904)
close_code=(1267 962)
close_reason=(1446 962)
close_button=(1555 962)

# 1. The timeline with the JSON tree of a fragmented message: find the snapshots, select the first.
key ctrl+f
type_text snapshot
pause 1
click "${second_row[@]}"
shot timeline-json

# 2. A masked client frame: send a message (the demo echoes it), find it, show its header bits.
click "${composer_editor[@]}"
type_text '{"type":"hello","from":"WsScope"}'
key ctrl+Return
pause 1
key ctrl+f
key ctrl+a
type_text hello
pause 1
click "${first_row[@]}"
key alt+r
shot frame-details
click "${bar_close[@]}"

# 3. The handshake, and the round trips with their chart.
key alt+h
shot handshake
key alt+g
shot ping-pong

# 4. The filter bar marking matches among all rows (Only matching off).
key alt+p
key ctrl+f
key ctrl+a
type_text BTC-USD
click "${only_matching[@]}"
pause 1
shot filter-bar
click "${only_matching[@]}"
click "${bar_close[@]}"

# 5. The connect dialog, filled in; only its own window (it has no frame without a window manager).
click "${new_button[@]}"
pause 1
dialog="$(timeout 30 xdotool search --sync --onlyvisible --name 'New Connection' | head -n 1)"
pause 1
xdotool windowfocus --sync "$dialog"
xdotool mousemove --window "$dialog" 400 56 sleep 0.2 click 1 # the URL field
pause
type_text 'wss://stream.example.org/v2/market'
key Tab
type_text 'Market stream'
key Tab
type_text 'market.v2, json'
park
pause 0.8
import -silent -window "$dialog" "$tmp/raw.png"
convert "$tmp/raw.png" -strip -dither None -colors 255 "PNG8:$out/connect-dialog.png"
echo "$out/connect-dialog.png"
key Escape

# 6. Close with a code and a reason of our own: the banner says who closed, how, and when.
click "${close_code[@]}"
key ctrl+a
type_text 4000
click "${close_reason[@]}"
type_text 'maintenance window'
click "${close_button[@]}"
pause 1.5
shot close-banner
