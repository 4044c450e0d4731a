#!/usr/bin/env bash
# Runs one benchmark in Release: starts throwaway PostgreSQL and registry instances on loopback like
# deploy/test.sh (unless REGISTRYJANITOR_TEST_POSTGRES and REGISTRYJANITOR_TEST_REGISTRY name existing ones),
# runs `dotnet run -c Release --project tests/RegistryJanitor.Benchmarks -- NAME [ARGS]`, and stops them.
# Usage: deploy/benchmark.sh NAME [ARGS...]   (for example: deploy/benchmark.sh scan)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/services.sh
. "$root/deploy/lib/services.sh"
trap rj_stop_all EXIT INT TERM

if [ $# -lt 1 ]; then
    echo "usage: deploy/benchmark.sh NAME [ARGS...]" >&2
    exit 2
fi

command -v curl >/dev/null 2>&1 || rj_ensure_packages curl
rj_ensure_packages postgresql docker-registry
rj_start_postgres
rj_start_registry
command -v docker-registry >/dev/null 2>&1 && export REGISTRYJANITOR_TEST_REGISTRY_BINARY="$(command -v docker-registry)"

dotnet run -c Release --project "$root/tests/RegistryJanitor.Benchmarks" -- "$@"
