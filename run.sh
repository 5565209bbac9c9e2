#!/usr/bin/env bash
# Starts FacePortal. Usage: ./run.sh [--urls http://127.0.0.1:5080] [other ASP.NET Core options]
# Does all set-up first (models, runtime, build); re-running it is fast.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$repo"
scripts/setup.sh
dotnet=$(cat .cache/dotnet-path)
"$dotnet" build src/FacePortal.Web -c Release -nologo -v quiet -clp:NoSummary
bin="$repo/src/FacePortal.Web/bin/Release/net10.0"
urls=${ASPNETCORE_URLS:-http://127.0.0.1:5080}
# State (database, photos, crops) lives outside the build output, so a clean build keeps it.
data=${FacePortal__DataDirectory:-$repo/data}
echo "FacePortal starting on $urls (Ctrl+C stops it)" >&2
exec "$dotnet" "$bin/FacePortal.Web.dll" --contentRoot "$bin" --urls "$urls" --FacePortal:DataDirectory "$data" "$@"
