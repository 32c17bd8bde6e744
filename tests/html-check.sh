#!/bin/sh
# The HTML report as a person sees it: crosscheck writes the report for a cluster (default examples/),
# tidy must find it valid, it must fetch nothing and run no script, and headless Chromium must draw it
# to a page-sized PNG that is not blank. Checks whose tool is absent are skipped, not failed.
# usage: tests/html-check.sh [CROSSCHECK_BIN] [CLUSTER]; HTML_CHECK_PNG=FILE keeps the screenshot.
set -u
bin=${1:-build/crosscheck}
cluster=${2:-examples}
here=$(dirname "$0")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
passed=0 failed=0 skipped=0
pass() { passed=$((passed + 1)); }
fail() { echo "  html-check: $*" >&2; failed=$((failed + 1)); }
skip() { echo "  html-check skipped: $*" >&2; skipped=$((skipped + 1)); }

if "$bin" analyze --format html -o "$work/report.html" "$cluster" && [ -s "$work/report.html" ]; then
    pass
else
    fail "crosscheck wrote no HTML report for $cluster"
fi

if grep -Eiq '<script|<link|<iframe|<img|src=|url\(|@import' "$work/report.html"; then
    fail "the report loads something or runs a script: $(grep -Eio '<script|<link|<iframe|<img|src=|url\(|@import' "$work/report.html" | head -1)"
else
    pass
fi

if command -v tidy >/dev/null 2>&1; then
    # exit status 1 is warnings, 2 errors: both fail
    if tidy -errors -q "$work/report.html" >"$work/tidy.txt" 2>&1; then
        pass
    else
        fail "tidy: $(head -5 "$work/tidy.txt")"
    fi
else
    skip "tidy absent (Debian package tidy)"
fi

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$browser" ]; then
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$work/profile" --screenshot="$work/report.png" --window-size=1200,2000 \
        "file://$(cd "$work" && pwd)/report.html" >"$work/chromium.txt" 2>&1
    if python3 "$here/png-check.py" "$work/report.png" 1200 2000; then
        pass
        [ -n "${HTML_CHECK_PNG:-}" ] && cp "$work/report.png" "$HTML_CHECK_PNG"
    else
        fail "chromium's screenshot is missing, blank or of the wrong size ($(tail -1 "$work/chromium.txt"))"
    fi
else
    skip "chromium absent (Debian package chromium)"
fi

if [ "$skipped" -gt 0 ]; then
    echo "html-check: $passed passed, $failed failed, $skipped skipped"
else
    echo "html-check: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
