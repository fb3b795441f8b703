#!/usr/bin/env bash
# Rewrites openapi.yaml from the document the service serves at /openapi/v1.json, through the same
# test that fails when the two differ. Review the diff, then commit it with the endpoint change.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RESET_UPDATE_OPENAPI=1 ./test.sh --filter-class '*OpenApiDocumentTests'
git --no-pager diff --stat -- openapi.yaml
