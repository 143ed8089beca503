#!/usr/bin/env bash
# The quality bars on the demo site: the Nu Html Checker, axe-core and Lighthouse (tools/quality/run.py).
# Usage: tools/quality/run.sh [--url http://127.0.0.1:8000] [--keep]
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium not installed at /usr/bin/chromium: run 'apt-get install -y chromium' first." >&2
  exit 2
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund
fi
exec .venv/bin/python tools/quality/run.py "$@"
