#!/usr/bin/env bash
# Runs reset-service on this machine, in the foreground, on http://127.0.0.1:8080.
#
#   ./run.sh              start PostgreSQL and Redis (unless ConnectionStrings__Postgres /
#                         ConnectionStrings__Redis are set), apply migrations, make sure the demo
#                         customer exists, then run the service until Ctrl-C
#   ./run.sh reset-demo   the same, giving the demo customer a fresh password first
#   ./run.sh stop         stop the PostgreSQL and Redis that ./run.sh started
#
# Servers and their data live in var/ (ignored by git); e-mails land in var/mail/ as .eml files
# unless Email__Smtp__Host is set. ASPNETCORE_URLS and ASPNETCORE_ENVIRONMENT override the defaults.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

seed_args=()
case "${1:-}" in
  "") ;;
  reset-demo) seed_args+=(--new-password) ;;
  stop) exec scripts/servers.sh stop ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

servers=()
[[ -n "${ConnectionStrings__Postgres:-}" ]] || servers+=(postgres)
[[ -n "${ConnectionStrings__Redis:-}" ]] || servers+=(redis)
if ((${#servers[@]} > 0)); then
  scripts/servers.sh start "${servers[@]}"
  eval "$(scripts/servers.sh env "${servers[@]}")"
fi

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:8080}"
export Email__PickupDirectory="${Email__PickupDirectory:-$ROOT/var/mail}"
mkdir -p var

echo "run: building the service" >&2
dotnet build Reset.Api/Reset.Api.csproj -c Release -nologo -v quiet -clp:ErrorsOnly
OUT="$ROOT/Reset.Api/bin/Release/net10.0"
api() { dotnet "$OUT/Reset.Api.dll" "$@" --contentRoot "$OUT"; }

api migrate
api seed-demo --password-file "$ROOT/var/demo-password" "${seed_args[@]}"

url="${ASPNETCORE_URLS%%;*}"
cat <<INFO

  API:          $url/api/v1
  Swagger UI:   $url/swagger
  Demo page:    $url/demo   (the reset journey in a browser; Demo__Enabled)
  OpenAPI:      $url/openapi/v1.json
  Health:       $url/health/ready
  E-mails:      $Email__PickupDirectory (unless Email__Smtp__Host is set)

  Ctrl-C stops the service; ./run.sh stop stops PostgreSQL and Redis.

INFO
exec dotnet "$OUT/Reset.Api.dll" --contentRoot "$OUT"
