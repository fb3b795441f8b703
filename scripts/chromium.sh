#!/usr/bin/env bash
# Installs Debian's Chromium (/usr/bin/chromium) when it is missing, for the browser tests
# (Reset.Tests/Browser), which drive it with Playwright. Playwright never downloads a browser here.
set -euo pipefail

if [[ -x /usr/bin/chromium ]]; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "chromium: /usr/bin/chromium is missing and only root can install it (apt-get install chromium)" >&2
  exit 1
fi
echo "chromium: installing chromium from Debian packages" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
