#!/usr/bin/env bash
# Runs the monitor's local transcript import (java -jar JAR --import ...) with a faster start-up.
# The jar is extracted once into a cache folder. The first run records a class-data-sharing archive,
# and later runs load it instead of reading and verifying thousands of classes again. The JVM uses
# its quick C1 compiler only, which suits a run of a few seconds.
#
# Usage: scripts/import-transcripts.sh JAR [--import[=FOLDER,...]] [--account=NAME] [OPTION...]
#   Without --import, --import is added (Claude Code's default folders). Every other option is
#   passed on, for example --spring.datasource.url=jdbc:sqlite:/path/usage.db.
# Settings: USAGE_MONITOR_CACHE (default ~/.cache/usage-monitor) contains the extracted jars and archives;
#   JAVA_OPTS adds JVM options (default -Xmx256m).
set -euo pipefail

if [[ $# -lt 1 || ! -f $1 ]]; then
	echo "Usage: $0 JAR [--import[=FOLDER,...]] [--account=NAME] [OPTION...]: JAR must be the monitor's jar file" >&2
	exit 2
fi
jar=$1
shift
arguments=("$@")
if ! printf '%s\n' "${arguments[@]}" | grep -q -e '^--import$' -e '^--import='; then
	arguments=(--import "${arguments[@]}")
fi

checksum=$(cksum <"$jar" | cut -d' ' -f1)
cache=${USAGE_MONITOR_CACHE:-$HOME/.cache/usage-monitor}/$(basename "$jar" .jar)-$checksum
application=$cache/$(basename "$jar")
archive=$cache/import.jsa
if [[ ! -f $application ]]; then
	mkdir -p "$cache"
	java -Djarmode=tools -jar "$jar" extract --force --destination "$cache" >/dev/null
fi

read -r -a java_options <<<"${JAVA_OPTS:--Xmx256m}"
if [[ -f $archive ]]; then
	sharing=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
else
	sharing=(-XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
exec java "${java_options[@]}" -XX:TieredStopAtLevel=1 "${sharing[@]}" -jar "$application" "${arguments[@]}"
