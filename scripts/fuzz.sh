#!/usr/bin/env bash
# `make fuzz`: schemathesis against /api/openapi.json of a demo server (SQLite in a temporary
# folder, `gongkai demo`), once anonymously and once with a read/write API token of a demo
# agency's administrator. Checks: no 5xx (not_a_server_error) and every response as the schema
# declares it (response_schema_conformance). Fails if either run finds a failure.
#   FUZZ_SECONDS   time budget of each run (default 90)
#   FUZZ_EXAMPLES  the most test cases per operation (default 30)
#   FUZZ_PORT      port of the demo server (default 8765)
#   FUZZ_ARGS      more schemathesis options, e.g. --seed 1 or --include-path-regex /api/office/
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
SECONDS_PER_RUN=${FUZZ_SECONDS:-90}
EXAMPLES=${FUZZ_EXAMPLES:-30}
PORT=${FUZZ_PORT:-8765}
AGENCY=411400-gxw   # 市工信委 (gongkai/demo/data/accounts.py)
ADMIN=gxw_admin     # its administrator

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=config.settings.local
export GONGKAI_VAR_DIR="$work/var" DJANGO_MEDIA_ROOT="$work/var/media"
unset DATABASE_URL
# Every request of the run comes from 127.0.0.1: raise the limits so that they answer, not 429.
export GONGKAI_API_RATE_ANON=100000/minute GONGKAI_API_RATE_USER=100000/minute
export GONGKAI_API_RATE_TOKEN=100000/minute
mkdir -p "$GONGKAI_VAR_DIR"

echo "== demo data in $GONGKAI_VAR_DIR"
"$BIN/gongkai" migrate --noinput -v 0
"$BIN/gongkai" demo >"$work/demo.log" 2>&1 || { cat "$work/demo.log"; exit 1; }
echo "   loaded in ${SECONDS}s"
token=$("$BIN/gongkai" token create --agency "$AGENCY" --user "$ADMIN" --name fuzz \
  --access write --quiet)

"$BIN/gongkai" runserver --noreload --nothreading "127.0.0.1:$PORT" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  "$BIN/python" -c "import urllib.request as u; u.urlopen('http://127.0.0.1:$PORT/api/openapi.json')" \
    2>/dev/null && break
  sleep 0.5
done

status=0
fuzz() {  # $1: label; the rest: extra schemathesis options
  local label=$1; shift
  echo "== schemathesis, $label (${SECONDS_PER_RUN}s, at most $EXAMPLES cases per operation)"
  "$BIN/schemathesis" run "http://127.0.0.1:$PORT/api/openapi.json" \
    --checks not_a_server_error,response_schema_conformance \
    --max-time "$SECONDS_PER_RUN" --max-examples "$EXAMPLES" --workers 1 \
    --generation-database none --no-color --warnings off \
    --report junit --report-junit-path "${FUZZ_REPORT_DIR:-$work}/fuzz-$label.xml" \
    "$@" ${FUZZ_ARGS:-} || status=1
}
fuzz anonymous
fuzz token -H "Authorization: Bearer $token"

if [ "$status" -ne 0 ]; then
  echo "== server errors logged by the demo server:"
  grep -B2 -A30 "Traceback" "$work/server.log" | tail -200 || true
fi
exit "$status"
