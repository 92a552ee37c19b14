#!/usr/bin/env bash
# The whole test suite from a fresh clone: installs what the tests need, runs every test project,
# and ends with one "N passed, N failed, N skipped" line.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# Azurite (the Azure Storage emulator, from npm into tests/.tools/) for the tests that need storage: started on free
# loopback ports, found by the tests through PILGI_TEST_STORAGE(_ACCOUNTS), stopped however this script ends.
source tests/azurite.sh
trap azurite_stop EXIT
azurite_install || { echo "run.sh: could not install Azurite (npm)" >&2; exit 1; }

# Only this machine's native libraries are copied into the build outputs and the published app (Directory.Build.targets):
# every platform's would take some 3 GB across the test projects.
rid=$(dotnet --info | awk '$1 == "RID:" { print $2; exit }')
dotnet build Pipeline.sln -c Release -nologo -v q ${rid:+-p:PilgiNativeRuntimes=$rid} || exit 1
# infra/ compiles and lints clean with the Bicep CLI the build restored.
bash tests/bicep.sh || exit 1
# The Functions app cannot run here, but it must publish cleanly (host.json, functions.metadata, models).
dotnet publish src/Pilgi.Functions/Pilgi.Functions.csproj -c Release --no-build -nologo -v q -o "$root/artifacts/functions" \
  ${rid:+-p:PilgiNativeRuntimes=$rid} || exit 1
test -f "$root/artifacts/functions/functions.metadata" || { echo "run.sh: publish produced no functions.metadata" >&2; exit 1; }
# every file the published recogniser descriptor names (models, character prior) was published beside it
python3 - "$root/artifacts/functions/models/recognizer" <<'PY' || exit 1
import json, os, sys
d = json.load(open(os.path.join(sys.argv[1], "pilgi-rec.json"), encoding="utf-8"))
named = [d["file"]] + [s["file"] for s in d.get("specialists", [])] + ([d["characterPrior"]["file"]] if "characterPrior" in d else [])
missing = [f for f in named if not os.path.isfile(os.path.join(sys.argv[1], f))]
if missing:
    sys.exit(f"run.sh: the published Functions app lacks {missing}, named by its recogniser descriptor")
PY
azurite_start || { echo "run.sh: Azurite did not start" >&2; exit 1; }
status=0
dotnet test Pipeline.sln -c Release --no-build -nologo --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=minimal" || status=$?

# Sum the counters of every TRX file into the closing line.
python3 - "$results" <<'PY'
import glob, re, sys
t = {"passed": 0, "failed": 0, "notExecuted": 0}
for f in glob.glob(sys.argv[1] + "/*.trx"):
    m = re.search(r"<Counters [^>]*>", open(f, encoding="utf-8").read())
    if m:
        for k in t:
            v = re.search(k + r'="(\d+)"', m.group(0))
            t[k] += int(v.group(1)) if v else 0
print(f"{t['passed']} passed, {t['failed']} failed, {t['notExecuted']} skipped")
PY
exit $status
