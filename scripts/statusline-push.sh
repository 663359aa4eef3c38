#!/usr/bin/env bash
# Claude Code statusline command: prints a one-line status and forwards the statusline JSON (with its
# rate_limits) to the usage monitor. The post runs in the background and the script exits without
# waiting for it, so a slow or unreachable monitor does not delay Claude Code. A failed post is dropped
# without a message.
#
# Settings (environment variables):
#   USAGE_MONITOR_URL         base URL of the monitor, for example http://localhost:8080
#   USAGE_MONITOR_ACCOUNT     account name, as in monitor.accounts[N].name
#   USAGE_MONITOR_TOKEN       the account's push-token, or
#   USAGE_MONITOR_TOKEN_FILE  a file that contains it (default ~/.config/usage-monitor/push-token)
set -u

input=$(cat)

percent() {
	# Prints used_percentage of the named window, rounded, or nothing when it is absent.
	local pattern="\"$1\"[[:space:]]*:[[:space:]]*\\{[^}]*\"used_percentage\"[[:space:]]*:[[:space:]]*([0-9.]+)"
	if [[ $input =~ $pattern ]]; then
		printf '%.0f' "${BASH_REMATCH[1]}"
	fi
}

session=$(percent five_hour)
weekly=$(percent seven_day)
if [[ -n $session || -n $weekly ]]; then
	printf 'Session %s%% · Week %s%%\n' "${session:-?}" "${weekly:-?}"
else
	printf 'Usage limits not reported yet\n'
fi

url=${USAGE_MONITOR_URL:-}
account=${USAGE_MONITOR_ACCOUNT:-}
token=${USAGE_MONITOR_TOKEN:-}
token_file=${USAGE_MONITOR_TOKEN_FILE:-$HOME/.config/usage-monitor/push-token}
if [[ -z $token && -r $token_file ]]; then
	token=$(<"$token_file")
fi
if [[ -z $url || -z $account || -z $token ]] || ! command -v curl >/dev/null 2>&1; then
	exit 0
fi

# The token goes to curl through a private header file, never on its command line.
(
	umask 077
	header_file=$(mktemp "${TMPDIR:-/tmp}/usage-monitor-header.XXXXXX") || exit 0
	printf 'Authorization: Bearer %s\n' "$token" >"$header_file"
	printf '%s' "$input" | curl --silent --output /dev/null --connect-timeout 1 --max-time 5 \
		-H @"$header_file" -H 'Content-Type: application/json' --data-binary @- \
		"${url%/}/recordStatusline?account=${account}"
	rm -f "$header_file"
) </dev/null >/dev/null 2>&1 &
disown 2>/dev/null || true
exit 0
