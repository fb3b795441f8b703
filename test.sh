#!/usr/bin/env bash
# Runs the whole test suite against real PostgreSQL and Redis, and ends with one line:
# "N passed, N failed, N skipped".
#
#   ./test.sh                      everything on one Redis, then the journey tests again on a Redis Cluster
#   ./test.sh --filter-class '*ProblemDetailsTests'   any further arguments go to `dotnet test` (one Redis only)
#   ./test.sh --on-redis-cluster [arguments]          only the Redis Cluster pass (the journey tests by default)
#
# Servers: ConnectionStrings__Postgres / ConnectionStrings__Redis / RESET_REDIS_CLUSTER when set;
# else, where a Docker engine answers, Testcontainers (started by the tests); else throwaway servers
# from scripts/servers.sh in var/test/ on ports 55442, 56389 and 56391-56396 (a Redis Cluster of
# three masters), stopped again at the end.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

export RESET_VAR_DIR="$ROOT/var/test"
export RESET_PG_PORT="${RESET_PG_PORT:-55442}"
export RESET_REDIS_PORT="${RESET_REDIS_PORT:-56389}"
export RESET_REDIS_CLUSTER_PORT="${RESET_REDIS_CLUSTER_PORT:-56391}"
export RESET_PG_DATABASE="${RESET_PG_DATABASE:-reset_test}"
export RESET_SERVERS_FAST=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The journey tests that run a second time, with every app on the Redis Cluster: the whole public
# journey over HTTP, idempotency, rate limits, the human check's replay guard, the internal API and
# its event stream, readiness, and the cluster's own checks. Not the tests with a Redis of their own.
cluster_tests=(
  'Reset.Tests.Http.PasswordResets.StartTests' 'Reset.Tests.Http.PasswordResets.SendCodeTests'
  'Reset.Tests.Http.PasswordResets.VerifyCodeTests' 'Reset.Tests.Http.PasswordResets.SetPasswordTests'
  'Reset.Tests.Http.PasswordResets.SupportRequestTests' 'Reset.Tests.Http.PasswordResets.EnumerationTests'
  'Reset.Tests.Http.PasswordResets.RateLimitTests' 'Reset.Tests.Http.PasswordResets.PasswordChangeFailureTests'
  'Reset.Tests.Http.PasswordResets.SecretsStaySecretTests' 'Reset.Tests.Http.IdempotencyTests'
  'Reset.Tests.Http.HealthTests' 'Reset.Tests.Http.Internal.EventStreamTests'
  'Reset.Tests.Http.Internal.StartResetForUserTests' 'Reset.Tests.Http.Internal.ProvisionUserTests'
  'Reset.Tests.Contract.GeneratedClientJourneyTests' 'Reset.Tests.HumanCheck.AltchaVerifierTests'
  'Reset.Tests.HumanCheck.AltchaReferenceLibraryTests' 'Reset.Tests.HumanCheck.HumanCheckEndpointTests'
  'Reset.Tests.HumanCheck.ChallengeRateLimitTests' 'Reset.Tests.Infrastructure.DecoyStoreTests'
  'Reset.Tests.Cluster.RedisClusterTests'
)
main_pass=1
cluster_pass=1
if (($# > 0)); then
  if [[ "$1" == --on-redis-cluster ]]; then
    shift
    main_pass=0
  else
    cluster_pass=0
  fi
fi

servers=()
[[ -n "${ConnectionStrings__Postgres:-}" ]] || servers+=(postgres)
[[ -n "${ConnectionStrings__Redis:-}" ]] || servers+=(redis)
[[ -n "${RESET_REDIS_CLUSTER:-}" ]] || servers+=(redis-cluster)
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
# The several-instances tests (Reset.Tests/Scale) put Debian's nginx in front of three service processes.
scripts/servers.sh install nginx || echo "test: nginx is missing; the several-instances tests will fail" >&2
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

results="$ROOT/var/test/results"
rm -rf "$results"
status=0
broken=0
echo "test: building the tests" >&2
if ! dotnet build Reset.Tests/Reset.Tests.csproj -nologo -v quiet -clp:ErrorsOnly; then
  status=1
  broken=1
  main_pass=0
  cluster_pass=0
fi

# Count from the xunit XML reports, not from the runner's console summary.
sum() {
  local files=$1 field=$2
  cat $files 2>/dev/null | grep -o '<assembly [^>]*>' | grep -o " $field=\"[0-9]*\"" \
    | grep -o '[0-9]*' | awk '{ s += $1 } END { print s + 0 }'
}
run_pass() {
  local report=$1
  shift
  local pass_status=0
  dotnet test --project Reset.Tests/Reset.Tests.csproj --no-build --results-directory "$results" \
    --report-xunit-xml --report-xunit-xml-filename "$report" "$@" || pass_status=$?
  if ((pass_status != 0)); then
    status=$pass_status
    # A pass that broke before reporting (crash, no test matched) counts as a failure, never as green.
    if (($(sum "$results/$report" failed) + $(sum "$results/$report" errors) == 0)); then broken=$((broken + 1)); fi
  fi
}

if ((main_pass)); then
  echo "test: running the tests on one Redis" >&2
  run_pass single-redis.xml "$@"
fi
if ((cluster_pass)); then
  echo "test: running the journey tests again on the Redis Cluster (RESET_REDIS_CLUSTER)" >&2
  cluster_started=$SECONDS
  filters=()
  if (($# == 0)); then
    for class in "${cluster_tests[@]}"; do filters+=(--filter-class "$class"); done
  fi
  RESET_TEST_ON_REDIS_CLUSTER=1 run_pass on-redis-cluster.xml "${filters[@]}" "$@"
  # Say in the report itself which tests ran on the cluster.
  [[ ! -f "$results/on-redis-cluster.xml" ]] || sed -i 's/ name="Reset\.Tests/ name="[on Redis Cluster] Reset.Tests/g' "$results/on-redis-cluster.xml"
  echo "test: on the Redis Cluster: $(sum "$results/on-redis-cluster.xml" passed) passed," \
    "$(( $(sum "$results/on-redis-cluster.xml" failed) + $(sum "$results/on-redis-cluster.xml" errors) )) failed," \
    "$(sum "$results/on-redis-cluster.xml" skipped) skipped in $((SECONDS - cluster_started)) s" >&2
fi

passed=$(sum "$results/*.xml" passed)
failed=$(( $(sum "$results/*.xml" failed) + $(sum "$results/*.xml" errors) + broken ))
skipped=$(sum "$results/*.xml" skipped)
if ((${#started[@]} > 0)); then
  scripts/servers.sh stop "${started[@]}"
  trap - EXIT
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
