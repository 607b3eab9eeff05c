#!/usr/bin/env sh
# Installs Debian's Chromium for the browser tests. Playwright's own browser
# download cannot reach its CDN here, so the tests drive the distribution build.
# A small CJK font comes with it: without one, Chinese renders as boxes in the
# screenshots the tests write for the README.
set -eu

have_font() {
    command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]
}

if [ -x /usr/bin/chromium ] && have_font; then
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
else
    SUDO="sudo"
fi

PKGS="chromium"
have_font || PKGS="$PKGS fonts-wqy-microhei"

echo "install_chromium.sh: installing $PKGS (Debian packages) for the browser tests..." >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
# shellcheck disable=SC2086  # PKGS is a word list on purpose
$SUDO apt-get install -y -qq --no-install-recommends $PKGS >/dev/null 2>&1

if [ ! -x /usr/bin/chromium ]; then
    echo "install_chromium.sh: chromium installed but /usr/bin/chromium is missing" >&2
    exit 1
fi
