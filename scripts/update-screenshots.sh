#!/usr/bin/env bash
# Retakes the /demo reference page's screenshots in docs/screenshots (shown in README) through the
# browser test that walks the journey. Look at them, then commit them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RESET_UPDATE_SCREENSHOTS=1 ./test.sh --filter-class '*DemoPageTests'
git --no-pager diff --stat -- docs/screenshots
