#!/usr/bin/env bash
# Prints the path of the dotnet muxer our processes must use.
#
# TorchSharp 0.107's native library needs GLIBCXX_3.4.32 (GCC 13's libstdc++).
# Debian 12 ships an older libstdc++, so there we build, once, a side-by-side C
# runtime from Debian 13's packages and a hard-linked copy of the dotnet root
# whose muxer is patched to load it. Nothing else on the machine changes, and
# nothing goes into LD_LIBRARY_PATH, so Chromium and npm are unaffected.
# See docs/torchsharp-runtime.md.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache="$repo/.cache/runtime"
system_dotnet=$(command -v dotnet || true)
if [ -z "$system_dotnet" ]; then
  echo "error: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  exit 1
fi

needs_side_by_side() {
  local lib
  lib=$(/sbin/ldconfig -p 2>/dev/null | awk '/libstdc\+\+\.so\.6 .*x86-64/ {print $NF; exit}')
  [ -n "$lib" ] || return 1
  ! grep -q 'GLIBCXX_3\.4\.32' "$lib"
}

if ! needs_side_by_side; then
  echo "$system_dotnet"
  exit 0
fi

sbs_dotnet="$cache/dotnet/dotnet"
dotnet_root=$(dirname "$(readlink -f "$system_dotnet")")
stamp="$cache/.ready"
# Rebuild when the system SDK changes, so the hard-linked tree never goes stale.
want_stamp="$dotnet_root $(ls "$dotnet_root/sdk" "$dotnet_root/shared/Microsoft.NETCore.App" 2>/dev/null | tr '\n' ' ')"
if [ -x "$sbs_dotnet" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want_stamp" ]; then
  echo "$sbs_dotnet"
  exit 0
fi

echo "Setting up the side-by-side C runtime for TorchSharp (Debian 12; once)..." >&2
for tool in apt-get dpkg patchelf; do
  if ! command -v "$tool" >/dev/null; then
    if [ "$tool" = patchelf ] && [ "$(id -u)" = 0 ]; then
      (apt-get update -qq && apt-get install -y -qq patchelf) >&2
    else
      echo "error: $tool is required (apt-get install patchelf)" >&2
      exit 1
    fi
  fi
done

rm -rf "$cache"
mkdir -p "$cache/apt/lists/partial" "$cache/apt/archives/partial" "$cache/debs" "$cache/sysroot"

# The machine's own Debian mirror, asked for the next release's suite.
uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
if [ -z "$uri" ]; then
  uri=$(awk '$1 == "deb" && $0 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
fi
[ -n "$uri" ] || { echo "error: no Debian mirror found in the apt sources" >&2; exit 1; }
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri trixie main" > "$cache/apt/sources.list"

apt_opts=(-o "Dir::Etc::SourceList=$cache/apt/sources.list" -o "Dir::Etc::SourceParts=/nonexistent"
  -o "Dir::State::Lists=$cache/apt/lists" -o "Dir::Cache=$cache/apt" -o "Dir::State::status=/dev/null"
  -o "APT::Get::List-Cleanup=0" -o "APT::Sandbox::User=root" -o "Debug::NoLocking=1")
apt-get "${apt_opts[@]}" -qq update >&2
(cd "$cache/debs" && apt-get "${apt_opts[@]}" -qq download libc6 libstdc++6 libgcc-s1 >&2)
for deb in "$cache/debs"/*.deb; do dpkg -x "$deb" "$cache/sysroot"; done
libdir="$cache/sysroot/usr/lib/x86_64-linux-gnu"
loader="$libdir/ld-linux-x86-64.so.2"
[ -e "$loader" ] || loader="$cache/sysroot/lib64/ld-linux-x86-64.so.2"

# Hard links, not symlinks: the SDK locates itself (and DOTNET_HOST_PATH for the
# test host) from where its own files resolve.
cp -al "$dotnet_root" "$cache/dotnet" 2>/dev/null || cp -a "$dotnet_root" "$cache/dotnet"
rm "$cache/dotnet/dotnet"
cp "$dotnet_root/dotnet" "$cache/dotnet/dotnet"
patchelf --set-interpreter "$loader" --force-rpath --set-rpath "$libdir" "$cache/dotnet/dotnet"
"$cache/dotnet/dotnet" --version >/dev/null
# Directory.Build.targets patches test app hosts (xUnit v3 requires them) the same way.
echo "$loader" > "$cache/loader"
echo "$libdir" > "$cache/libdir"
echo "$want_stamp" > "$stamp"
echo "$sbs_dotnet"
