#!/bin/sh
# Build-time only (both Dockerfiles' "assets" stage): the face models and the SignalR browser files
# from the npm registry, the same packages scripts/setup.sh installs for a checkout, checked against
# the hashes pinned in the repository. The images download nothing when they run.
# Usage (from the repository root): docker/fetch-assets.sh
set -eu

work=$(mktemp -d)

# Unpacks one npm package into DEST.
fetch() {
  spec=$1 dest=$2
  mkdir -p "$dest"
  tarball=$(cd "$work" && npm pack "$spec" --silent | tail -n 1)
  tar -xzf "$work/$tarball" -C "$dest" --strip-components=1
}

fetch "faceplugin-face-recognition-js@0.0.1" "$work/faceplugin"
mkdir -p models/onnx
while read -r _ file; do
  cp "$work/faceplugin/model/$file" "models/onnx/$file"
done < models/models.sha256
(cd models/onnx && sha256sum -c ../models.sha256)

fetch "@microsoft/signalr@10.0.0" "$work/signalr"
fetch "@microsoft/signalr-protocol-msgpack@10.0.0" "$work/signalr-msgpack"
mkdir -p wwwroot/lib/signalr
cp "$work/signalr/dist/browser/signalr.min.js" wwwroot/lib/signalr/
cp "$work/signalr-msgpack/dist/browser/signalr-protocol-msgpack.min.js" wwwroot/lib/signalr/
(cd wwwroot/lib && sha256sum -c browser-libraries.sha256)

rm -rf "$work"
