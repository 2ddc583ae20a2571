#!/bin/sh
# Make /usr/bin/chromium available for the browser test (tests/integration/calendar/test_timeline_browser.py).
# Installs Debian's `chromium` package with apt-get when it is missing and we run as root.
# Never fails the build: when it cannot install, it says why and exits 0 (the test then skips).
CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "ensure_chromium: $CHROMIUM is missing and we are not root; the browser test will skip" >&2
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_chromium: $CHROMIUM is missing and apt-get is not available; the browser test will skip" >&2
    exit 0
fi

echo "ensure_chromium: installing Debian's chromium package (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq >/dev/null; then
    echo "ensure_chromium: apt-get update failed; the browser test will skip" >&2
    exit 0
fi
# A font too: without one the screenshot shows boxes instead of text.
if ! apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; then
    echo "ensure_chromium: apt-get install chromium failed; the browser test will skip" >&2
    exit 0
fi
if [ -x "$CHROMIUM" ]; then
    echo "ensure_chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo chromium)" >&2
else
    echo "ensure_chromium: chromium installed but $CHROMIUM is missing; the browser test will skip" >&2
fi
exit 0
