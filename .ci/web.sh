#!/usr/bin/env bash
# The dashboard's browser tests drive Debian's Chromium at /usr/bin/chromium through Playwright: install it from
# the distribution (never a downloaded browser, never 'playwright install'). Run as root before 'dotnet test'.
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version
