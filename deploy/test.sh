#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs PostgreSQL and the distribution registry from
# Debian when missing, starts throwaway instances on loopback (unless REGISTRYJANITOR_TEST_POSTGRES and
# REGISTRYJANITOR_TEST_REGISTRY name existing ones), runs `dotnet test`, and stops them even on failure.
# Extra arguments go to `dotnet test` (for example: --filter "FullyQualifiedName~Scanner").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/services.sh
. "$root/deploy/lib/services.sh"
trap rj_stop_all EXIT INT TERM

command -v curl >/dev/null 2>&1 || rj_ensure_packages curl
# kubernetes-client: kubectl renders deploy/kubernetes for the deployment tests.
rj_ensure_packages postgresql docker-registry libreoffice-calc kubernetes-client
rj_start_postgres
rj_start_registry
command -v docker-registry >/dev/null 2>&1 && export REGISTRYJANITOR_TEST_REGISTRY_BINARY="$(command -v docker-registry)"

rj_state_dir
results="$RJ_STATE_DIR/results"
set +e
dotnet test "$root/RegistryJanitor.sln" --configuration Release \
    --logger "trx;LogFilePrefix=tests" --results-directory "$results" "$@"
status=$?
set -e

# One closing line in the plain form any CI reads: counts over every test project's results.
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
    [ -f "$trx" ] || continue
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
    p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
    n="$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")"
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
    echo "no test ran" >&2
    exit 1
fi
exit "$status"
