#!/usr/bin/env bash
# Sends the lines appended to Claude Code transcripts since the last run to a remote usage monitor
# (POST /ingestTranscripts, gzip-compressed). Offsets are kept in a state file, so each run sends only
# new complete lines; a line still being written waits for the next run. Sending the same lines
# twice is harmless: the monitor keeps one row per API response.
#
# Usage: push-transcripts.sh [FOLDER...]
#   FOLDER  transcript folders; default: ~/.claude/projects, ~/.config/claude/projects and
#           <dir>/projects for every folder listed in CLAUDE_CONFIG_DIR (comma-separated)
#
# Settings (environment variables):
#   USAGE_MONITOR_URL         base URL of the monitor, for example https://usage.example.com
#   USAGE_MONITOR_ACCOUNT     account name, as in monitor.accounts[N].name
#   USAGE_MONITOR_TOKEN       the account's push-token, or
#   USAGE_MONITOR_TOKEN_FILE  a file that contains it (default ~/.config/usage-monitor/push-token)
#   USAGE_MONITOR_STATE       state file (default ~/.local/state/usage-monitor/push-offsets.tsv)
#
# Exit status: 0 when every file with new lines was sent, 1 when a send failed, 2 for bad settings.
set -u -o pipefail

fail() {
	printf 'push-transcripts: %s\n' "$1" >&2
	exit 2
}

url=${USAGE_MONITOR_URL:-}
account=${USAGE_MONITOR_ACCOUNT:-}
token=${USAGE_MONITOR_TOKEN:-}
token_file=${USAGE_MONITOR_TOKEN_FILE:-$HOME/.config/usage-monitor/push-token}
state=${USAGE_MONITOR_STATE:-$HOME/.local/state/usage-monitor/push-offsets.tsv}
if [[ -z $token && -r $token_file ]]; then
	token=$(<"$token_file")
fi
[[ -n $url ]] || fail "USAGE_MONITOR_URL is not set: export the monitor's base URL"
[[ -n $account ]] || fail "USAGE_MONITOR_ACCOUNT is not set: export the account name from monitor.accounts"
[[ -n $token ]] || fail "no push token: export USAGE_MONITOR_TOKEN or write it to $token_file"
command -v curl >/dev/null 2>&1 || fail "curl is not installed"
command -v gzip >/dev/null 2>&1 || fail "gzip is not installed"

folders=("$@")
if [[ ${#folders[@]} -eq 0 ]]; then
	folders=("$HOME/.claude/projects" "$HOME/.config/claude/projects")
	IFS=',' read -r -a config_dirs <<<"${CLAUDE_CONFIG_DIR:-}"
	for dir in "${config_dirs[@]}"; do
		[[ -n $dir ]] && folders+=("$dir/projects")
	done
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/usage-monitor-push.XXXXXX") || fail "cannot create a temporary folder"
trap 'rm -rf "$work"' EXIT
umask 077
printf 'Authorization: Bearer %s\n' "$token" >"$work/header"
mkdir -p "$(dirname "$state")" || fail "cannot create the folder of $state"
touch "$state"

file_size() {
	stat -c %s "$1" 2>/dev/null || stat -f %z "$1"
}

stored_offset() {
	awk -F '\t' -v path="$1" '$2 == path { offset = $1 } END { print offset + 0 }' "$state"
}

url_encode() {
	local text=$1 out='' char i
	for ((i = 0; i < ${#text}; i++)); do
		char=${text:i:1}
		case $char in
			[a-zA-Z0-9._~-]) out+=$char ;;
			*) out+=$(printf '%%%02X' "'$char") ;;
		esac
	done
	printf '%s' "$out"
}

# Sends the complete lines of file $1 from byte $2 on for project $3; prints the new offset.
send_file() {
	local file=$1 offset=$2 size project length trailing complete status
	size=$(file_size "$file")

	if ((size < offset)); then
		offset=0
	fi
	if ((size == offset)); then
		printf '%s' "$offset"
		return 0
	fi

	tail -c +"$((offset + 1))" "$file" | head -c "$((size - offset))" >"$work/chunk"
	length=$(wc -c <"$work/chunk")
	trailing=0
	if [[ $(tail -c 1 "$work/chunk" | od -An -c | tr -d ' ') != '\n' ]]; then
		trailing=$(tail -n 1 "$work/chunk" | wc -c)
	fi
	complete=$((length - trailing))
	if ((complete <= 0)); then
		printf '%s' "$offset"
		return 0
	fi

	head -c "$complete" "$work/chunk" | gzip -c >"$work/chunk.gz"
	project=$3
	status=$(curl --silent --show-error --output "$work/response" --write-out '%{http_code}' \
		--connect-timeout 5 --max-time 600 -H @"$work/header" -H 'Content-Encoding: gzip' \
		-H 'Content-Type: application/x-ndjson' --data-binary @"$work/chunk.gz" \
		"${url%/}/ingestTranscripts?account=$(url_encode "$account")&project=$(url_encode "$project")") || status=000

	if [[ $status != 200 ]]; then
		printf 'push-transcripts: %s was not sent (HTTP %s): %s\n' "$file" "$status" \
			"$(head -c 300 "$work/response" 2>/dev/null)" >&2
		printf '%s' "$offset"
		return 1
	fi
	printf '%s' "$((offset + complete))"
}

sent=0 failed=0 unchanged=0
: >"$work/state"
for folder in "${folders[@]}"; do
	[[ -d $folder ]] || continue
	while IFS= read -r -d '' file; do
		relative=${file#"$folder"/}
		project=${relative%%/*}
		[[ $project == "$relative" ]] && project=$(basename "$folder")
		old=$(stored_offset "$file")
		if new=$(send_file "$file" "$old" "$project"); then
			if [[ $new == "$old" ]]; then
				unchanged=$((unchanged + 1))
			else
				sent=$((sent + 1))
			fi
		else
			failed=$((failed + 1))
		fi
		printf '%s\t%s\n' "$new" "$file" >>"$work/state"
	done < <(find "$folder" -type f -name '*.jsonl' -print0)
done
mv "$work/state" "$state"
printf 'push-transcripts: %d files sent, %d unchanged, %d failed\n' "$sent" "$unchanged" "$failed"
((failed == 0))
