#!/usr/bin/env bash
# CI gate for CDK Terrain (issue 7): copy the repo to a temp dir, install
# `cdktf` as an alias of cdktn 0.24.0 (a drop-in fork: it is imported as
# 'cdktf' by the library, examples and tests), and run the whole test suite.
#
#   bash scripts/ci-cdktn.sh            # uses cdktn 0.24.0
#   CDKTN_VERSION=0.24.1 bash scripts/ci-cdktn.sh
#
# The working tree is never modified. Exits non-zero if the install or any
# test fails. KEEP_CDKTN_COPY=1 keeps the copy for debugging.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cdktn_version="${CDKTN_VERSION:-0.24.0}"
# cdktn 0.24.0 peer range: constructs >=10.6.0 <10.8.0.
constructs_version="${CONSTRUCTS_VERSION:-10.7.0}"

work="$(mktemp -d "${TMPDIR:-/tmp}/cdktn-ci.XXXXXX")"
cleanup() {
  if [ "${KEEP_CDKTN_COPY:-}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

copy="$work/main"
mkdir -p "$copy"
# tar rather than rsync: rsync is not installed everywhere.
tar -C "$repo" -cf - \
  --exclude=./.git --exclude=node_modules --exclude=./dist --exclude=./cdktf.out \
  --exclude=./coverage --exclude=./test/.tmp --exclude='*.tgz' . | tar -C "$copy" -xf -
# Tests look for the provider schema checker at ../shared (next to the
# checkout); keep that check alive in the copy when it exists.
if [ -d "$repo/../shared" ]; then ln -s "$(cd "$repo/../shared" && pwd)" "$work/shared"; fi

cd "$copy"
node -e '
  const fs = require("fs");
  const [cdktn, constructs] = process.argv.slice(1);
  const p = JSON.parse(fs.readFileSync("package.json", "utf8"));
  p.devDependencies.cdktf = `npm:cdktn@${cdktn}`;
  p.devDependencies.constructs = constructs;
  fs.writeFileSync("package.json", JSON.stringify(p, null, 2) + "\n");
' "$cdktn_version" "$constructs_version"

echo "-- npm install (cdktf -> npm:cdktn@$cdktn_version, constructs $constructs_version)"
npm install --no-audit --no-fund

# The alias must really have put cdktn under node_modules/cdktf, and only one
# copy of cdktf/cdktn and constructs must be installed.
node -e '
  const [want, wantConstructs] = process.argv.slice(1);
  const c = require("cdktf/package.json");
  const k = require("constructs/package.json");
  console.log(`node_modules/cdktf is ${c.name}@${c.version}; constructs@${k.version}`);
  if (c.name !== "cdktn" || c.version !== want) { console.error(`expected cdktn@${want}`); process.exit(1); }
  if (k.version !== wantConstructs) { console.error(`expected constructs@${wantConstructs}`); process.exit(1); }
' "$cdktn_version" "$constructs_version"
npm ls cdktf constructs

echo "-- npm test under cdktn $cdktn_version"
npm test
