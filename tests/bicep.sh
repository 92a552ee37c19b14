#!/usr/bin/env bash
# Compiles and lints infra/main.bicep (and the modules it uses) with the Bicep CLI that tests/Pilgi.Infra.Tests
# restores from NuGet (PackageDownload of Azure.Bicep.CommandLine.linux-x64). Any error or warning fails: which rules
# are on is infra/bicepconfig.json's business. The ARM template goes to artifacts/infra/main.json.
set -uo pipefail
cd "$(dirname "$0")/.."
bicep=$(dotnet msbuild tests/Pilgi.Infra.Tests/Pilgi.Infra.Tests.csproj -getProperty:BicepPath -nologo 2>/dev/null | tail -1)
if [ ! -f "$bicep" ]; then
  echo "bicep.sh: no Bicep CLI at '$bicep' (restore tests/Pilgi.Infra.Tests first)" >&2
  exit 1
fi
[ -x "$bicep" ] || chmod +x "$bicep"
mkdir -p artifacts/infra
diagnostics=$( { "$bicep" build infra/main.bicep --outdir artifacts/infra && "$bicep" lint infra/main.bicep; } 2>&1 )
status=$?
if [ $status -ne 0 ] || [ -n "$diagnostics" ]; then
  printf '%s\n' "$diagnostics" >&2
  echo "bicep.sh: infra/main.bicep does not build and lint clean" >&2
  exit 1
fi
echo "bicep.sh: infra/main.bicep builds and lints with no errors or warnings ($("$bicep" --version))"
