#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (tests/test_browser.py), only where missing.
#
# Why apt and not a downloaded browser build: the machines reach package registries only, so a
# browser that fetches its own binary (playwright, puppeteer) cannot install. Idempotent: does
# nothing when /usr/bin/chromium exists. Never fatal: without chromium the browser tests skip
# with a reason, the rest of set-up must still succeed.
set -u

if [ -x /usr/bin/chromium ]; then
    echo "chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null || echo unknown))"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo -n"
    else
        echo "chromium: not root and no sudo; browser tests will skip" >&2
        exit 0
    fi
fi

export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -qq; then
    echo "chromium: apt-get update failed; browser tests will skip" >&2
    exit 0
fi
if ! $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; then
    echo "chromium: apt-get install failed; browser tests will skip" >&2
    exit 0
fi
echo "chromium: installed ($(/usr/bin/chromium --version 2>/dev/null || echo unknown))"
