#!/usr/bin/env bash
# The clawproof GitHub Action's work, as a script so it can be run (and tested) outside Actions.
# Inputs arrive as INPUT_* variables; the gate's Markdown report goes to $GITHUB_STEP_SUMMARY,
# each violation with a source location becomes an `::error file=…,line=…` annotation, and the
# script exits non-zero when the gate or the check failed (1) or could not check (2).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
clawproof=(node "$here/../bin/clawproof.js")
impl="${INPUT_IMPL:-path:.}"
base="${INPUT_BASE:-auto}"
envelope="${INPUT_ENVELOPE:-}"
baseline="${INPUT_BASELINE:-}"
format="${INPUT_FORMAT:-sarif}"
out="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/clawproof"
mkdir -p "$out"
summary="${GITHUB_STEP_SUMMARY:-$out/summary.md}"

gate=(gate --base "$base" "$impl" --format markdown --out "$out/gate.md")
[ -n "$envelope" ] && gate+=(--envelope "$envelope")
[ -n "$baseline" ] && gate+=(--baseline "$baseline")
"${clawproof[@]}" "${gate[@]}"
gate_rc=$?

check=(check "$impl" --base "$base" --format sarif --out "$out/check.sarif")
[ -n "$baseline" ] && check+=(--baseline "$baseline")
"${clawproof[@]}" "${check[@]}"
check_rc=$?

[ -f "$out/gate.md" ] && cat "$out/gate.md" >> "$summary"
if [ -f "$out/check.sarif" ]; then
  node "$here/annotate.mjs" "$out/check.sarif" "$summary"
fi

report="$out/check.sarif"
if [ "$format" != "sarif" ]; then
  report="$out/check.$format"
  "${clawproof[@]}" check "$impl" --base "$base" --format "$format" --out "$report" ${baseline:+--baseline "$baseline"} >/dev/null
fi
[ -n "${GITHUB_OUTPUT:-}" ] && echo "report=$report" >> "$GITHUB_OUTPUT"

echo "clawproof: gate exit $gate_rc, check exit $check_rc"
# exit 1 (widening or violation) and 2 (could not check) both fail the job; the larger code wins
rc=$(( gate_rc > check_rc ? gate_rc : check_rc ))
exit "$rc"
