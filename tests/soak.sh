#!/usr/bin/env bash
# Soak: a burst of N scans (copies of the sample scans under distinct names) into the local durable host.
#   bash tests/soak.sh [N]          N defaults to 1000
# Starts an Azurite of its own (fresh data folder, free ports), builds the CLI (Release) and starts `pilgi serve`
# (what `dotnet run --project src/Pilgi.Cli -c Release -- serve --storage ...` runs, real models) as a child process,
# uploads the sample forms, then the N scans at once, and waits until every scan has its result or error record, or
# SOAK_TIMEOUT_S passes (default 300 + 10 s per scan). Then it reports: completed, failures, duplicates, scans/min,
# the host's peak RSS (VmHWM from /proc/<pid>/status, sampled), the task hub's queue backlog (control and work-item
# queues: bounded by the scans in flight during the burst, since the host admits MaxScansInFlight at a time and the
# rest wait in storage; 0 after it) and the pace in each quarter of the burst, and stops the host (SIGTERM) and
# Azurite. Exits 0 when all N completed once, none failed, the queues stayed bounded and drained, and the host
# stopped cleanly. Settings: SOAK_TIMEOUT_S, SOAK_POLL_SECONDS (serve's, default 2), SOAK_KEEP=1 keeps the work
# folder (host log, samples of memory and backlog). Run it on otherwise idle cores.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
n=${1:-1000}
[[ "$n" =~ ^[0-9]+$ && "$n" -gt 0 ]] || { echo "usage: bash tests/soak.sh [N]" >&2; exit 64; }
timeout_s=${SOAK_TIMEOUT_S:-$((300 + 10 * n))}
poll=${SOAK_POLL_SECONDS:-2}
hub=soak
work=$(mktemp -d -t pilgi-soak-XXXXXX)
log="$work/serve.log"
export PILGI_AZURITE_STATE="$work/azurite.state"
source tests/azurite.sh
storage() { python3 tests/soak_storage.py "$PILGI_TEST_STORAGE" "$@"; }

host_pid=""
sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null
  if [ -n "$host_pid" ] && kill -0 "$host_pid" 2>/dev/null; then
    kill -TERM "$host_pid"
    for _ in $(seq 1 150); do kill -0 "$host_pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$host_pid" 2>/dev/null && { echo "soak: serve ignored SIGTERM; killing it" >&2; kill -KILL "$host_pid"; }
  fi
  azurite_stop
  if [ "${SOAK_KEEP:-0}" = 1 ]; then echo "soak: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "soak: building the CLI (Release)"
dotnet build src/Pilgi.Cli/Pilgi.Cli.csproj -c Release -nologo -v q >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
dll="$root/src/Pilgi.Cli/bin/Release/net10.0/pilgi.dll"
azurite_start || exit 1

dotnet "$dll" upload --storage "$PILGI_TEST_STORAGE" --container templates samples/forms/templates >/dev/null || exit 1

# N copies: <layout>/soak/NNNN.jpg, links to the samples, one folder per layout so that they upload in parallel
mapfile -t samples < <(ls samples/forms/scans/*.jpg | sort)
for ((i = 0; i < n; i++)); do
  s=${samples[$((i % ${#samples[@]}))]}
  layout=$(basename "$s" .jpg); layout=${layout%-*}
  mkdir -p "$work/scans/$layout/soak"
  ln -s "$root/$s" "$work/scans/$layout/soak/$(printf '%04d' "$i").jpg"
done

Pilgi__Serve__TaskHub=$hub dotnet "$dll" serve --storage "$PILGI_TEST_STORAGE" --poll-seconds "$poll" >"$log" 2>&1 &
host_pid=$!
for _ in $(seq 1 600); do
  grep -q "^pilgi serve: task hub" "$log" && break
  kill -0 "$host_pid" 2>/dev/null || { echo "soak: serve exited while starting:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.2
done
echo "soak: serve is pid $host_pid, task hub '$hub'; uploading $n scans"

# memory and backlog every 2 s while it runs:
#   "<seconds> <VmRSS kB> <VmHWM kB> <messages in the hub's queues> <scans ended> <scans uploaded>"
(
  t0=$(date +%s)
  while kill -0 "$host_pid" 2>/dev/null; do
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$host_pid/status" 2>/dev/null)
    hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$host_pid/status" 2>/dev/null)
    backlog=$(storage queues "$hub" 2>/dev/null | awk '{s += $2} END {print s + 0}')
    ended_now=$(grep -c '/soak/[0-9]*\.jpg  template=' "$log")
    uploaded_now=$(storage blobs scans 2>/dev/null | grep -c '/soak/')
    echo "$(($(date +%s) - t0)) ${rss:-0} ${hwm:-0} $backlog ${ended_now:-0} ${uploaded_now:-0}" >>"$work/samples"
    sleep 2
  done
) &
sampler_pid=$!

start=$(date +%s.%N)
uploads=()
for dir in "$work"/scans/*/; do
  layout=$(basename "$dir")
  dotnet "$dll" upload --storage "$PILGI_TEST_STORAGE" --container scans --prefix "$layout/" "$dir" >"$work/upload-$layout.log" 2>&1 &
  uploads+=($!)
done
wait "${uploads[@]}"
uploaded=$(storage blobs scans | grep -c '/soak/')
upload_s=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")
echo "soak: $uploaded scans uploaded in $upload_s s; waiting up to $timeout_s s for them"

# a scan is done when the host has logged its end (one line per scan: "<scan>  template=...")
ended() { grep -c '/soak/[0-9]*\.jpg  template=' "$log"; }
deadline=$(($(date +%s) + timeout_s))
last=-1
while true; do
  done_count=$(ended)
  [ "$done_count" -ge "$n" ] && break
  kill -0 "$host_pid" 2>/dev/null || { echo "soak: serve died" >&2; break; }
  [ "$(date +%s)" -ge "$deadline" ] && { echo "soak: timed out" >&2; break; }
  if [ "$done_count" != "$last" ]; then echo "soak: $done_count of $n done"; last=$done_count; fi
  sleep 5
done
elapsed=$(python3 -c "import time; print(f'{time.time() - $start:.1f}')")

# the backlog after the burst must drain: every queue of the hub empty (bounded wait)
backlog=-1
for _ in $(seq 1 30); do
  backlog=$(storage queues "$hub" | awk '{s += $2} END {print s + 0}')
  [ "$backlog" = 0 ] && break
  sleep 2
done
host_alive=yes; kill -0 "$host_pid" 2>/dev/null || host_alive=no
hwm_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$host_pid/status" 2>/dev/null)
[ -n "$hwm_kb" ] || hwm_kb=$(awk '{print $3}' "$work/samples" | sort -n | tail -1)

storage blobs results | grep '/soak/.*\.json$' | grep -v overlay >"$work/results"
storage blobs failed | grep '/soak/' >"$work/failed"
storage instances "$hub" >"$work/instances"
grep -o '[^ ]*/soak/[0-9]*\.jpg  template=' "$log" | sed 's/  template=$//' | sort | uniq -c | awk '$1 > 1' >"$work/logged-twice"

# stop it as a person would (SIGTERM: drain, then stop); a clean stop exits 0 and says so
stopped=no
if [ "$host_alive" = yes ]; then
  kill -TERM "$host_pid"
  for _ in $(seq 1 300); do kill -0 "$host_pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$host_pid" 2>/dev/null && kill -KILL "$host_pid"
  wait "$host_pid" && grep -q '^pilgi serve: stopped$' "$log" && stopped=yes
  host_pid=""
fi
python3 - "$work" "$n" "$elapsed" "$upload_s" "$hwm_kb" "$backlog" "$host_alive" "$stopped" <<'PY'
import collections, sys
work, n, elapsed, upload_s, hwm_kb, backlog, alive, stopped = sys.argv[1:]
n, elapsed = int(n), float(elapsed)
lines = lambda f: [l.split() for l in open(f"{work}/{f}") if l.strip()]
stem = lambda name: name.rsplit(".", 1)[0]
results = {stem(l[0]) for l in lines("results")}
failed = {stem(l[0]) for l in lines("failed")}
statuses = collections.Counter(l[1] for l in lines("instances"))
samples = lines("samples")
peak_backlog = max((int(s[3]) for s in samples), default=0)
twice = lines("logged-twice")
both = results & failed
completed = len(results | failed)
print(f"scans:               {n} uploaded in {float(upload_s):.1f} s, {completed} completed in {elapsed:.1f} s "
      f"({60 * completed / elapsed:.1f} scans/min, upload included)")
print(f"results / failures:  {len(results)} results, {len(failed)} failure records "
      f"({', '.join(sorted(l[0] for l in lines('failed'))[:5]) or 'none'})")
print(f"duplicates:          {len(twice)} scans logged more than once, {len(both)} with both a result and a failure record, "
      f"{sum(statuses.values())} instances for {n} scans ({dict(statuses)})")
print(f"host:                peak RSS (VmHWM) {int(hwm_kb) / 1024:.0f} MiB; still serving after the burst: {alive}; "
      f"stopped cleanly on SIGTERM: {stopped}")
print(f"backlog:             at most {peak_backlog} messages in the hub's queues during the burst; {backlog} after it")
# the burst waits in storage, not in the durable queues: their messages stay bounded by the scans in flight
# (MaxScansInFlight), far below the burst; and the pace holds from the first quarter of the burst to the last
queue_bounded = peak_backlog < max(50, n // 4)
done_at = [(int(s[0]), int(s[4])) for s in samples if len(s) >= 6]
quarters = []
for k in range(4):
    lo, hi = n * k // 4, n * (k + 1) // 4
    t_lo = next((t for t, d in done_at if d >= lo), None)
    t_hi = next((t for t, d in done_at if d >= hi), None)
    if t_lo is not None and t_hi is not None and t_hi > t_lo:
        quarters.append(60 * (hi - lo) / (t_hi - t_lo))
if quarters:
    print("pace:                " + ", ".join(f"{q:.0f}" for q in quarters) + " scans/min in the burst's four quarters")
mib = [int(s[1]) / 1024 for s in samples if int(s[1]) > 0]
if mib:
    third = max(1, len(mib) // 3)
    print(f"memory (VmRSS):      first third of the run at most {max(mib[:third]):.0f} MiB, last third at most {max(mib[-third:]):.0f} MiB")
ok = (completed == n and not failed and not twice and not both and sum(statuses.values()) == n
      and statuses.get("Completed", 0) == n and backlog == "0" and queue_bounded and alive == "yes" and stopped == "yes")
print("soak: " + ("passed" if ok else "FAILED"))
sys.exit(0 if ok else 1)
PY
