#!/usr/bin/env bash
# Runs the build project (build/_build.csproj) with the arguments passed through.
# The project is compiled only when a source file changed since the last compile, so a
# second run with nothing changed starts the build at once.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PROJECT="$ROOT/build/_build.csproj"
OUTPUT="$ROOT/build/bin/Debug/net10.0/_build.dll"
STAMP="$ROOT/build/bin/.compiled"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v dotnet >/dev/null 2>&1; then
  echo "build.sh: the .NET SDK 10 is not installed. Install it (on Debian: see" >&2
  echo "https://learn.microsoft.com/dotnet/core/install/linux-debian) and run again." >&2
  exit 2
fi

changed_sources() {
  find "$ROOT/build" "$ROOT/src" "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" \
    \( -path '*/bin' -o -path '*/obj' \) -prune -o \
    -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.yml' -o -name '*.json' \) \
    -newer "$STAMP" -print -quit
}

if [[ ! -f "$OUTPUT" || ! -f "$STAMP" || -n "$(changed_sources)" ]]; then
  echo "Compiling the build project..."
  if ! dotnet build "$PROJECT" --nologo -v q -clp:ErrorsOnly >"$ROOT/build/.compile.log" 2>&1; then
    cat "$ROOT/build/.compile.log" >&2
    echo "build.sh: the build project did not compile (log: build/.compile.log)." >&2
    exit 2
  fi
  touch "$STAMP"
fi

cd "$ROOT"
exec dotnet "$OUTPUT" "$@"
