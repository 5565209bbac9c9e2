#!/usr/bin/env bash
# One-time, idempotent set-up shared by ./run.sh, ./test.sh and ./faceportal.
# Usage: scripts/setup.sh [--for-tests]
# Prints nothing but progress on stderr; safe and fast to re-run.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
for_tests=false
[ "${1:-}" = "--for-tests" ] && for_tests=true

npm_cache="$repo/.cache/npm"
mkdir -p "$npm_cache"

# Unpacks one npm registry package into DEST (once per name@version).
fetch_npm_package() {
  local spec=$1 dest=$2
  if [ -f "$dest/.package" ] && [ "$(cat "$dest/.package")" = "$spec" ]; then
    return 0
  fi
  command -v npm >/dev/null || { echo "error: npm is required to install $spec (apt-get install npm)" >&2; exit 1; }
  echo "Installing $spec from the npm registry..." >&2
  local tarball
  tarball=$(cd "$npm_cache" && npm pack "$spec" --silent 2>/dev/null | tail -n 1)
  rm -rf "$dest" && mkdir -p "$dest"
  tar -xzf "$npm_cache/$tarball" -C "$dest" --strip-components=1
  echo "$spec" > "$dest/.package"
}

# Face models: the pinned files from faceplugin-face-recognition-js, checked against models/models.sha256.
models_package="faceplugin-face-recognition-js@0.0.1"
fetch_npm_package "$models_package" "$npm_cache/faceplugin"
mkdir -p models/onnx
if ! (cd models/onnx && sha256sum --quiet -c ../models.sha256 >/dev/null 2>&1); then
  while read -r _ file; do
    cp "$npm_cache/faceplugin/model/$file" "models/onnx/$file"
  done < models/models.sha256
  (cd models/onnx && sha256sum --quiet -c ../models.sha256) || {
    echo "error: the model files from $models_package do not match models/models.sha256" >&2; exit 1; }
fi

# Browser libraries for live recognition (SignalR with MessagePack), checked against wwwroot/lib/browser-libraries.sha256.
if ! (cd wwwroot/lib && sha256sum --quiet -c browser-libraries.sha256 >/dev/null 2>&1); then
  fetch_npm_package "@microsoft/signalr@10.0.0" "$npm_cache/signalr"
  fetch_npm_package "@microsoft/signalr-protocol-msgpack@10.0.0" "$npm_cache/signalr-msgpack"
  mkdir -p wwwroot/lib/signalr
  cp "$npm_cache/signalr/dist/browser/signalr.min.js" wwwroot/lib/signalr/
  cp "$npm_cache/signalr-msgpack/dist/browser/signalr-protocol-msgpack.min.js" wwwroot/lib/signalr/
  (cd wwwroot/lib && sha256sum --quiet -c browser-libraries.sha256) || {
    echo "error: the SignalR browser files from npm do not match wwwroot/lib/browser-libraries.sha256" >&2; exit 1; }
fi

if $for_tests; then
  # Group photos used by the detection tests.
  fetch_npm_package "@vladmandic/face-api@1.7.15" "$npm_cache/face-api"
  # Debian's Chromium for the browser tests (never a downloaded browser build).
  if [ ! -x /usr/bin/chromium ] && ! command -v chromium >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing Chromium (Debian package) for the browser tests..." >&2
      apt-get update -qq >&2 && apt-get install -y -qq chromium >&2
    else
      echo "error: the browser tests need Chromium: install your distribution's chromium package" >&2
      exit 1
    fi
  fi
  # Private PostgreSQL and Redis instances for the scale-out tests and the PostgreSQL leg (tests/TestSupport/Engines).
  missing=()
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
  [ -x /usr/bin/redis-server ] || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "Installing ${missing[*]} (Debian packages) for the scale-out tests..." >&2
      apt-get update -qq >&2 && apt-get install -y -qq "${missing[@]}" >&2
    else
      echo "error: the scale-out tests need ${missing[*]}: install your distribution's packages" >&2
      exit 1
    fi
  fi
fi

# The dotnet muxer that can load TorchSharp on this machine.
scripts/runtime.sh > .cache/dotnet-path
