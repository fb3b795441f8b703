#!/usr/bin/env bash
# Runs the whole test suite against real PostgreSQL and Redis, and ends with one line:
# "N passed, N failed, N skipped".
#
#   ./test.sh                      everything
#   ./test.sh --filter-class '*ProblemDetailsTests'   any further arguments go to `dotnet test`
#
# Servers: ConnectionStrings__Postgres / ConnectionStrings__Redis when set; else, where a Docker
# engine answers, Testcontainers (started by the tests); else throwaway servers from
# scripts/servers.sh in var/test/ on ports 55442 and 56389, stopped again at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

export RESET_VAR_DIR="$ROOT/var/test"
export RESET_PG_PORT="${RESET_PG_PORT:-55442}"
export RESET_REDIS_PORT="${RESET_REDIS_PORT:-56389}"
export RESET_PG_DATABASE="${RESET_PG_DATABASE:-reset_test}"
export RESET_SERVERS_FAST=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

servers=()
[[ -n "${ConnectionStrings__Postgres:-}" ]] || servers+=(postgres)
[[ -n "${ConnectionStrings__Redis:-}" ]] || servers+=(redis)
started=()
if ((${#servers[@]} > 0)) && ! docker info >/dev/null 2>&1; then
  started=("${servers[@]}")
  scripts/servers.sh start "${started[@]}"
  trap 'scripts/servers.sh stop "${started[@]}"' EXIT
  eval "$(scripts/servers.sh env "${started[@]}")"
fi

# The ALTCHA tests solve challenges with the real altcha-lib from npm (pinned by its package-lock.json).
# Without the registry the install fails and those tests fail with it; they never skip.
echo "test: npm ci (altcha-lib, for the ALTCHA tests)" >&2
npm ci --prefix Reset.Tests/HumanCheck/node --no-audit --no-fund --loglevel=error \
  || echo "test: npm ci failed; the ALTCHA reference-library tests will fail" >&2

# The browser tests drive Debian's Chromium; without it they fail, never skip.
scripts/chromium.sh || echo "test: chromium is missing; the browser tests will fail" >&2
# The contract checks (Reset.Tests/Contract) lint openapi.yaml and compile a TypeScript client with the
# npm packages of contract/package-lock.json, and regenerate the C# client with the NSwag tool of
# .config/dotnet-tools.json. Without them those tests fail; they never skip.
echo "test: npm ci (Spectral, openapi-typescript, TypeScript) and dotnet tool restore (NSwag)" >&2
npm ci --prefix contract --no-audit --no-fund --loglevel=error \
  || echo "test: npm ci --prefix contract failed; the contract tooling tests will fail" >&2
dotnet tool restore >/dev/null || echo "test: dotnet tool restore failed; the NSwag client drift test will fail" >&2

# Reset.Tests/Deployment has Debian's docker-compose (1.29; it needs no engine for `config`) validate
# docker-compose.yml. No recommends: they would pull in a Docker engine.
command -v docker-compose >/dev/null || {
  echo "test: installing docker-compose (to validate docker-compose.yml)" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker-compose >/dev/null; } \
    || echo "test: docker-compose is missing; the compose validation test will fail" >&2
}

# The Dockerfile's build step, so a broken container build shows here even without a Docker engine.
echo "test: dotnet publish (as in the Dockerfile)" >&2
dotnet publish Reset.Api/Reset.Api.csproj -c Release -o var/test/publish -p:UseAppHost=false -nologo -v quiet -clp:ErrorsOnly

echo "test: building and running the tests" >&2
results="$ROOT/var/test/results"
rm -rf "$results"
status=0
dotnet test --project Reset.Tests/Reset.Tests.csproj --results-directory "$results" \
  --report-xunit-xml "$@" || status=$?

# Count from the xunit XML reports, not from the runner's console summary.
sum() {
  cat "$results"/*.xml 2>/dev/null | grep -o '<assembly [^>]*>' | grep -o " $1=\"[0-9]*\"" \
    | grep -o '[0-9]*' | awk '{ s += $1 } END { print s + 0 }'
}
passed=$(sum passed)
failed=$(( $(sum failed) + $(sum errors) ))
skipped=$(sum skipped)
if ((status != 0 && failed == 0)); then
  # The run broke before reporting (build error, crash): count that as a failure, never as green.
  failed=1
fi
if ((${#started[@]} > 0)); then
  scripts/servers.sh stop "${started[@]}"
  trap - EXIT
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
