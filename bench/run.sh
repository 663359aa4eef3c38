#!/usr/bin/env bash
# Runs every benchmark of the monitor: cold start and memory, then the dashboard queries when
# this checkout has them. Results are under bench/out/.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/startup/run.sh"
if [[ -f "$here/dashboard/run.sh" ]]; then
	bash "$here/dashboard/run.sh"
fi
