#!/usr/bin/env bash
# Cold start and memory of the monitor: (a) the plain fat jar on JDK 17 with default flags
# against (b) the image's tuned launch on JDK 25, several interleaved runs each.
#
# The tuned layout is built on the host with the Dockerfile's steps. They are a Spring AOT build
# (-Paot), the extracted jar layout merged from its layers and the sqlite-jdbc native library
# unpacked next to it. The JVM flags are read from the Dockerfile's JAVA_TOOL_OPTIONS, and the
# AOT cache comes from the same training run that the image build performs.
#
# Environment: ROUNDS (default 5), JAVA17_HOME and JAVA25_HOME (found under /usr/lib/jvm when
# unset), SKIP_BUILD=1 to reuse the jars of a previous run, LEVERS=1 to also measure the tuned
# launch without the AOT cache, without Spring AOT and without flags. Output goes to
# bench/out/startup/.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/bench/out/startup"
rounds="${ROUNDS:-5}"

# Prints the home of an installed JDK whose release file names the major version $1.
find_jdk() {
	local major="$1" home
	for home in /usr/lib/jvm/* /opt/java/* "${JAVA_HOME:-}"; do
		if [[ -x "$home/bin/javac" ]] && grep -Eq "^JAVA_VERSION=\"$major(\.|\")" "$home/release" 2>/dev/null; then
			echo "$home"
			return
		fi
	done
	echo "No JDK $major found under /usr/lib/jvm or /opt/java: set JAVA${major}_HOME" >&2
	exit 1
}

java17="${JAVA17_HOME:-$(find_jdk 17)}/bin/java"
jdk25="${JAVA25_HOME:-$(find_jdk 25)}"
java25="$jdk25/bin/java"
mkdir -p "$out"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
	echo "Building the plain jar and the Spring AOT jar"
	(cd "$root" && ./mvnw -q -B -DskipTests package)
	cp "$root"/target/claude-usage-monitor-*.jar "$out/plain.jar"
	(cd "$root" && ./mvnw -q -B -DskipTests -Paot package)
	cp "$root"/target/claude-usage-monitor-*.jar "$out/application.jar"
fi

echo "Extracting the tuned layout as the Dockerfile does"
rm -rf "$out/extracted" "$out/app"
"$java25" -Djarmode=tools -jar "$out/application.jar" extract --layers --destination "$out/extracted"
mkdir -p "$out/app/native"
for layer in dependencies spring-boot-loader snapshot-dependencies application; do
	cp -a "$out/extracted/$layer/." "$out/app/"
done
(cd "$out/app/native" \
	&& "$jdk25/bin/jar" xf "$(ls "$out"/app/lib/sqlite-jdbc-*.jar)" \
		"org/sqlite/native/Linux/$(uname -m)/libsqlitejdbc.so" \
	&& mv org/sqlite/native/Linux/*/libsqlitejdbc.so . && rm -r org)

echo "Compiling the benchmark tools"
rm -rf "$out/classes"
"$jdk25/bin/javac" -d "$out/classes" "$root"/bench/startup/*.java
tools=("$java25" -cp "$out/classes" ColdStart)
flags="$("${tools[@]}" image-flags "$root/Dockerfile" "$out/app")"
echo "Image flags: $flags"

echo "Training the AOT cache"
"${tools[@]}" train --java "$java25" --app-dir "$out/app" --flags "$flags" \
	--fixtures "$root/src/test/resources/fixtures" --work "$out/training"

variants=(--variant "a) fat jar, JDK 17, defaults=$java17 -jar $out/plain.jar"
	--variant "b) tuned, JDK 25=$java25 $flags -jar $out/app/application.jar")
if [[ "${LEVERS:-0}" == 1 ]]; then
	# The tuned launch with levers taken away, to show what each one contributes.
	without_cache="$(sed 's/-XX:AOTCache=[^ ]*//' <<<"$flags")"
	jvm_only="$(sed 's/-Dspring.aot.enabled=true//' <<<"$without_cache")"
	variants+=(--variant "c) extracted, JDK 25, defaults=$java25 -jar $out/app/application.jar"
		--variant "d) c + JVM flags=$java25 $jvm_only -jar $out/app/application.jar"
		--variant "e) d + Spring AOT=$java25 $without_cache -jar $out/app/application.jar")
fi

echo "Measuring $rounds rounds"
"${tools[@]}" measure --rounds "$rounds" --fixtures "$root/src/test/resources/fixtures" --work "$out/runs" \
	--report "$out/report.md" "${variants[@]}"
echo "Report: $out/report.md"
