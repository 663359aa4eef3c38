#!/usr/bin/env bash
# Benchmark: importing Claude Code transcripts with the monitor versus ccusage 20.0.24 reading the
# same generated corpus. Measures, in alternating rounds:
#   - our first import into an empty SQLite database (java -Xmx256m -jar ... --import),
#   - our re-import with nothing new,
#   - ccusage claude daily --json --offline (it keeps no state, so every run reads everything),
#   - the same two runs through scripts/import-transcripts.sh (extracted jar, class-data-sharing archive),
# and once: our first import with the JVM's default JIT settings, and our import of the whole corpus
# written as a single file. Our runs use -Xmx256m and, unless stated, -XX:TieredStopAtLevel=1 (the
# C1 compiler only), which halves the CPU time of a one-shot import.
#
# Usage: bench/transcript-import.sh [MEGABYTES] [ROUNDS]    (defaults: 1000 MB, 3 rounds)
# Needs: JDK 17+, Node.js 20+ with npm, GNU time (/usr/bin/time). Writes only below bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."

megabytes=${1:-1000}
rounds=${2:-3}
out=bench/out
corpus=$out/corpus-$megabytes
single=$out/single-$megabytes
ccusage_prefix=$out/ccusage-20.0.24
ccusage=$ccusage_prefix/node_modules/.bin/ccusage
results=$out/transcript-import-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p "$out/home"

[[ -x /usr/bin/time ]] || { echo "GNU time is missing: apt-get install time" >&2; exit 2; }
command -v node >/dev/null || { echo "Node.js is missing: install Node.js 20 or newer" >&2; exit 2; }

echo "Building the jar and the corpus generator"
./mvnw -q -B -DskipTests package
jar=$(ls target/claude-usage-monitor-*.jar | grep -v original | head -1)
if [[ ! -x $ccusage ]]; then
	npm install --silent --prefix "$ccusage_prefix" --no-audit --no-fund ccusage@20.0.24
fi
generate() {
	if [[ ! -d $1/projects ]]; then
		java -cp target/test-classes dev.usagemonitor.transcript.corpus.CorpusGenerator "$1" "$megabytes" \
			20260914 "${2:-}"
	fi
}
generate "$corpus"
generate "$single" single

import() {
	# import DATABASE FOLDER [JVM OPTION...]: prints "wall user+sys rss import-phase-seconds"
	local log=$out/import.log database=$1 folder=$2
	shift 2
	local options=("$@")
	[[ ${#options[@]} -gt 0 ]] || options=(-XX:TieredStopAtLevel=1)
	/usr/bin/time -f '%e %U %S %M' -o "$out/time.txt" java -Xmx256m "${options[@]}" -jar "$jar" \
		--import="$folder" --account=bench \
		'--monitor.accounts[0].name=bench' '--monitor.accounts[0].source=push' \
		--spring.datasource.url="jdbc:sqlite:$database" >"$log"
	local phase
	phase=$(sed -n 's/^Read .* in \([0-9.]*\) s;.*/\1/p' "$log")
	awk -v phase="$phase" '{ printf "%s %.2f %d %s\n", $1, $2 + $3, $4 / 1024, phase }' "$out/time.txt"
}

import_fast() {
	# import_fast DATABASE FOLDER: as import, through scripts/import-transcripts.sh
	/usr/bin/time -f '%e %U %S %M' -o "$out/time.txt" env USAGE_MONITOR_CACHE="$PWD/$out/cache" \
		scripts/import-transcripts.sh "$jar" --import="$2" --account=bench \
		'--monitor.accounts[0].name=bench' '--monitor.accounts[0].source=push' \
		--spring.datasource.url="jdbc:sqlite:$1" >"$out/import.log"
	local phase
	phase=$(sed -n 's/^Read .* in \([0-9.]*\) s;.*/\1/p' "$out/import.log")
	awk -v phase="$phase" '{ printf "%s %.2f %d %s\n", $1, $2 + $3, $4 / 1024, phase }' "$out/time.txt"
}

run_ccusage() {
	/usr/bin/time -f '%e %U %S %M' -o "$out/time.txt" env HOME="$PWD/$out/home" \
		CLAUDE_CONFIG_DIR="$PWD/$corpus" "$ccusage" claude daily --json --offline >"$out/ccusage.json"
	awk '{ printf "%s %.2f %d -\n", $1, $2 + $3, $4 / 1024 }' "$out/time.txt"
}

{
	echo "# Transcript import benchmark, $(date -u +%Y-%m-%dT%H:%MZ)"
	echo "corpus: $(du -sm "$corpus/projects" | cut -f1) MB in $(find "$corpus/projects" -name '*.jsonl' | wc -l) files;" \
		"single file: $(du -sm "$single/projects" | cut -f1) MB"
	echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
		"$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p')"
	echo "java: $(java -version 2>&1 | head -1); node: $(node --version); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "columns: run, wall s, cpu (user+sys) s, max RSS MiB, import phase s (ours: without JVM and Spring start)"
} | tee "$results"

# The first run through the script extracts the jar and records the class-data-sharing archive.
rm -rf "$out/cache" "$out/training" "$out/training.db"
java -cp target/test-classes dev.usagemonitor.transcript.corpus.CorpusGenerator "$out/training" 2 >/dev/null
import_fast "$out/training.db" "$out/training/projects" >/dev/null

for ((round = 1; round <= rounds; round++)); do
	rm -f "$out/bench.db" "$out/bench.db-wal" "$out/bench.db-shm"
	echo "round $round ccusage-daily $(run_ccusage)" | tee -a "$results"
	echo "round $round ours-first $(import "$out/bench.db" "$corpus/projects")" | tee -a "$results"
	echo "round $round ours-again $(import "$out/bench.db" "$corpus/projects")" | tee -a "$results"
	rm -f "$out/bench.db" "$out/bench.db-wal" "$out/bench.db-shm"
	echo "round $round fast-first $(import_fast "$out/bench.db" "$corpus/projects")" | tee -a "$results"
	echo "round $round fast-again $(import_fast "$out/bench.db" "$corpus/projects")" | tee -a "$results"
done
rm -f "$out/bench.db" "$out/bench.db-wal" "$out/bench.db-shm"
echo "default-jit ours-first $(import "$out/bench.db" "$corpus/projects" -XX:+TieredCompilation)" | tee -a "$results"
rm -f "$out/single.db" "$out/single.db-wal" "$out/single.db-shm"
echo "single-file ours-first $(import "$out/single.db" "$single/projects")" | tee -a "$results"
tail -3 "$out/import.log" | tee -a "$results"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$results"

echo
echo "Medians over $rounds rounds (wall s, cpu s, RSS MiB, import phase s):" | tee -a "$results"
for run in ccusage-daily ours-first ours-again fast-first fast-again; do
	line=$(printf '%-14s' "$run")
	for column in 4 5 6 7; do
		median=$(awk -v run="$run" -v column="$column" '$3 == run { print $column }' "$results" | sort -n |
			awk '{ values[NR] = $1 } END { print (values[1] == "-") ? "-" : values[int((NR + 1) / 2)] }')
		line+=$(printf ' %8s' "$median")
	done
	printf '%s\n' "$line"
done | tee -a "$results"
echo "Results written to $results"
