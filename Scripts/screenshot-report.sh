#!/usr/bin/env bash
# Renders an HTML report to a PNG with headless Chromium, to look at its layout.
#
#   Scripts/screenshot-report.sh REPORT.html OUT.png [WIDTHxHEIGHT]
#
# WIDTHxHEIGHT defaults to 1280x2000; use 390x1800 for a phone. The page is
# opened from a file:// URL and, being self-contained, needs no network.
# Without a Chromium (chromium, chromium-browser, google-chrome or $CHROMIUM)
# it prints "skipped: no chromium" and exits 0, so CI without a browser passes.
set -euo pipefail

usage() { echo "usage: $0 REPORT.html OUT.png [WIDTHxHEIGHT]" >&2; exit 2; }
[[ $# -ge 2 && $# -le 3 ]] || usage
input=$1
output=$2
size=${3:-1280x2000}
[[ $size =~ ^([0-9]+)x([0-9]+)$ ]] || { echo "error: size \"$size\" is not WIDTHxHEIGHT, e.g. 390x1800" >&2; exit 2; }
width=${BASH_REMATCH[1]}
height=${BASH_REMATCH[2]}
[[ -f $input ]] || { echo "error: $input: no such file" >&2; exit 1; }

browser=${CHROMIUM:-}
if [[ -z $browser ]]; then
    for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
        if command -v "$candidate" >/dev/null 2>&1; then browser=$candidate; break; fi
    done
fi
if [[ -z $browser ]]; then
    echo "skipped: no chromium"
    exit 0
fi

absolute_input=$(cd "$(dirname "$input")" && pwd)/$(basename "$input")
mkdir -p "$(dirname "$output")"
absolute_output=$(cd "$(dirname "$output")" && pwd)/$(basename "$output")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

"$browser" --headless --disable-gpu --no-sandbox --hide-scrollbars \
    --user-data-dir="$profile" --no-first-run --no-default-browser-check \
    --screenshot="$absolute_output" --window-size="$width,$height" \
    "file://$absolute_input" >/dev/null 2>&1 || true

if [[ ! -s $absolute_output ]]; then
    echo "error: $browser wrote no screenshot to $output" >&2
    exit 1
fi
echo "wrote $output (${width}x${height})"
