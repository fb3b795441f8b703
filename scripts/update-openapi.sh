#!/usr/bin/env bash
# Rewrites openapi.yaml from the document the service serves at /openapi/v1.json, through the same
# test that fails when the two differ, then everything made from it: the NSwag C# client in
# Reset.Tests/Contract/Generated/ (contract/nswag.json). Review the diff, then commit it with the
# endpoint change. contract/'s TypeScript types are made afresh by every test run, never committed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RESET_UPDATE_OPENAPI=1 ./test.sh --filter-class '*OpenApiDocumentTests'
dotnet tool restore >/dev/null
dotnet nswag run contract/nswag.json >/dev/null
git --no-pager diff --stat -- openapi.yaml Reset.Tests/Contract/Generated
