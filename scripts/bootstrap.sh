#!/usr/bin/env bash
# Installs everything ContentMachine needs on a fresh Debian 12 machine. Idempotent: what is present is left alone.
#   apt: PostgreSQL 15, Redis, RabbitMQ, ffmpeg, espeak-ng (+ libespeak-ng1), Node.js/npm where absent, util-linux,
#        chromium (the browser tests drive it through Playwright), wrk (the HTTP benchmarks)
#   npm: s3rver, pinned in ContentMachine.AppHost/s3rver/package-lock.json and installed inside the repository
#   dotnet: local tools (dotnet-ef) from .config/dotnet-tools.json
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

packages=(postgresql-15 redis-server rabbitmq-server ffmpeg espeak-ng libespeak-ng1 util-linux chromium wrk)
command -v node > /dev/null || packages+=(nodejs)
command -v npm > /dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do installed "$p" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "bootstrap: s3rver needs Node.js 20 or newer; this machine has $(node --version). Install Node.js 20+ and run again." >&2
  exit 1
fi

s3rver=ContentMachine.AppHost/s3rver
if [ ! -f "$s3rver/node_modules/@20minutes/s3rver/package.json" ] || [ "$s3rver/package-lock.json" -nt "$s3rver/node_modules/.package-lock.json" ]; then
  echo "bootstrap: installing s3rver into $s3rver"
  npm ci --prefix "$s3rver" --no-audit --no-fund --loglevel=error > /dev/null
fi

dotnet tool restore > /dev/null
echo "bootstrap: ready (PostgreSQL 15, Redis, RabbitMQ, ffmpeg, espeak-ng, Chromium, wrk, Node $(node --version), s3rver, dotnet tools)"
