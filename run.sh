#!/usr/bin/env bash
# Starts FacePortal. Usage: ./run.sh [--urls http://127.0.0.1:5080] [other ASP.NET Core options]
# Does all set-up first (models, runtime, build); re-running it is fast.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
"$repo/scripts/setup.sh"
dotnet=$(cat "$repo/.cache/dotnet-path")
"$dotnet" build "$repo/src/FacePortal.Web" -c Release -nologo -v quiet -clp:NoSummary
urls=${ASPNETCORE_URLS:-http://127.0.0.1:5080}
# The app finds its settings, the models and its data directory (default: data/ in the repository,
# outside the build output so a clean build keeps it; FacePortal__DataDirectory moves it) from its own
# location, whatever the working directory.
echo "FacePortal starting on $urls (Ctrl+C stops it)" >&2
exec "$dotnet" "$repo/src/FacePortal.Web/bin/Release/net10.0/FacePortal.Web.dll" --urls "$urls" "$@"
