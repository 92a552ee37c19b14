#!/usr/bin/env bash
# Azurite (the Azure Storage emulator) for the tests. Source this file, then:
#   azurite_start   installs azurite@$AZURITE_VERSION under tests/.tools/azurite when missing, starts it on free
#                   loopback ports with its data in a temporary folder, and exports
#                     PILGI_TEST_STORAGE           the connection string of the default account (devstoreaccount1)
#                     PILGI_TEST_STORAGE_ACCOUNTS  more accounts of the same instance, comma-separated, with the same
#                                                  key: tests that must not see each other's blobs take one each
#   azurite_stop    SIGTERM, then SIGKILL after a few seconds (it can hang), and removes its data
# Run as a script: `bash tests/azurite.sh start|stop|install` (start prints the exports; stop reads the pid file).
AZURITE_VERSION=3.37.0
_azurite_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_azurite_tools="$_azurite_root/tests/.tools/azurite"
# another script (tests/soak.sh) keeps an instance of its own by naming another state file
_azurite_state="${PILGI_AZURITE_STATE:-$_azurite_root/tests/.tools/azurite.state}"
# the well-known development key (public; Azurite only)
_azurite_key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
# one account per test that runs a host (tests take them in turn; past the last they share the default account,
# whose scans container every such host would read): keep well above the number of those tests
_azurite_accounts=$(seq -s, -f 'pilgit%g' 1 40)

azurite_install() {
  local bin="$_azurite_tools/node_modules/.bin/azurite"
  if [ -x "$bin" ] && grep -q "\"version\": \"$AZURITE_VERSION\"" "$_azurite_tools/node_modules/azurite/package.json" 2>/dev/null; then
    return 0
  fi
  command -v npm >/dev/null || { echo "azurite: npm is needed to install azurite@$AZURITE_VERSION" >&2; return 1; }
  mkdir -p "$_azurite_tools"
  echo "azurite: installing azurite@$AZURITE_VERSION into ${_azurite_tools#$_azurite_root/}" >&2
  [ -f "$_azurite_tools/package.json" ] || echo '{"private": true}' >"$_azurite_tools/package.json"
  (cd "$_azurite_tools" && npm install --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >&2)
}

_azurite_free_ports() {
  python3 - <<'PY'
import socket
socks = []
for _ in range(3):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks: s.close()
PY
}

_azurite_connection() { # account blob queue table
  echo "DefaultEndpointsProtocol=http;AccountName=$1;AccountKey=$_azurite_key;BlobEndpoint=http://127.0.0.1:$2/$1;QueueEndpoint=http://127.0.0.1:$3/$1;TableEndpoint=http://127.0.0.1:$4/$1;"
}

azurite_start() {
  azurite_stop # one at a time: an instance this script started before is stopped first
  azurite_install || return 1
  local ports blob queue table data pid accounts a
  read -r blob queue table <<<"$(_azurite_free_ports)"
  data=$(mktemp -d -t pilgi-azurite-XXXXXX)
  accounts="devstoreaccount1:$_azurite_key"
  for a in ${_azurite_accounts//,/ }; do accounts="$accounts;$a:$_azurite_key"; done
  AZURITE_ACCOUNTS="$accounts" setsid "$_azurite_tools/node_modules/.bin/azurite" --silent --skipApiVersionCheck --loose \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" --location "$data" >"$data/azurite.out" 2>&1 </dev/null &
  pid=$!
  printf '%s\n%s\n' "$pid" "$data" >"$_azurite_state"
  local i
  for i in $(seq 1 150); do
    if python3 - "$blob" "$queue" "$table" <<'PY'
import socket, sys
try:
    for p in sys.argv[1:]:
        socket.create_connection(("127.0.0.1", int(p)), timeout=0.2).close()
except OSError:
    sys.exit(1)
PY
    then
      export PILGI_TEST_STORAGE="$(_azurite_connection devstoreaccount1 "$blob" "$queue" "$table")"
      export PILGI_TEST_STORAGE_ACCOUNTS="$_azurite_accounts"
      echo "azurite: pid $pid on 127.0.0.1 ports $blob (blob), $queue (queue), $table (table)" >&2
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 0.2
  done
  echo "azurite: did not start:" >&2
  cat "$data/azurite.out" >&2
  azurite_stop
  return 1
}

azurite_stop() {
  [ -f "$_azurite_state" ] || return 0
  local pid data i
  { read -r pid; read -r data; } <"$_azurite_state"
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    for i in $(seq 1 25); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "azurite: pid $pid ignored SIGTERM; killing it" >&2
      kill -KILL "$pid" 2>/dev/null
    fi
  fi
  case "$data" in */pilgi-azurite-*) rm -rf "$data" ;; esac
  rm -f "$_azurite_state"
  unset PILGI_TEST_STORAGE PILGI_TEST_STORAGE_ACCOUNTS
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -u
  case "${1:-}" in
    install) azurite_install ;;
    start) azurite_start && printf 'export PILGI_TEST_STORAGE=%q\nexport PILGI_TEST_STORAGE_ACCOUNTS=%q\n' "$PILGI_TEST_STORAGE" "$PILGI_TEST_STORAGE_ACCOUNTS" ;;
    stop) azurite_stop ;;
    *) echo "usage: bash tests/azurite.sh install|start|stop" >&2; exit 64 ;;
  esac
fi
