#!/usr/bin/env bash
# Copies the README's screenshots from the last real-editor test run (npm run test:e2e)
# into docs/images/. Run it after a green e2e run when the UI changed.
set -euo pipefail
cd "$(dirname "$0")/../.."
SRC=test-results/e2e
[ -f "$SRC/3-hover.png" ] && [ -f "$SRC/5-decisions-view.png" ] || { echo "run npm run test:e2e first (no screenshots in $SRC)" >&2; exit 1; }
mkdir -p docs/images
cp "$SRC/3-hover.png" docs/images/hover-and-outline.png
cp "$SRC/5-decisions-view.png" docs/images/decisions-and-problems.png
cp "$SRC/8-pdf-letter.png" docs/images/pdf-letter.png
ls -l docs/images
