#!/usr/bin/env bash
# First run: from a fresh clone to both monthly workbooks in one command.
#
#   deploy/first-run.sh
#
# On Debian 12 with the .NET SDK (run as root so missing packages can be installed): installs postgresql and
# docker-registry when missing, starts throwaway instances on loopback (or uses ConnectionStrings__Postgres and
# REGISTRYJANITOR_DEMO_REGISTRY when set), fetches a few small Debian packages as real demo content, builds the
# product, seeds a demo registry and runs migrate, seed-demo, scan, costs, analyze, rank and report for this
# month.
#
# State lives in .run/ of the repository (or $XDG_STATE_HOME/registryjanitor when that is set): the database, the
# registry storage, the package cache, the build stamp and the reports. A second run reuses all of it: running
# instances are reused, stopped ones restarted, seeding is skipped and the scan only fetches what is new.
# Stop the instances with: deploy/first-run.sh --stop
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=deploy/lib/services.sh
. "$REPO_ROOT/deploy/lib/services.sh"

STATE="${XDG_STATE_HOME:+$XDG_STATE_HOME/registryjanitor}"
STATE="${STATE:-$REPO_ROOT/.run}"
mkdir -p "$STATE"
chmod 755 "$STATE"
MONTH="$(date -u +%Y-%m)"
REPORTS="$STATE/reports"
DEMO_PACKAGES=(base-files dash zlib1g make libc6-dev python3.11-minimal libpython3.11-minimal nodejs)
STARTED_AT=$SECONDS

step() { printf '\n==> %s\n' "$*"; }
elapsed() { printf '%ds' $((SECONDS - STARTED_AT)); }

pg_as() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_instances() {
    local bindir
    bindir="$(rj_pg_bindir)"
    [ -d "$STATE/postgres" ] && pg_as "$bindir/pg_ctl" -D "$STATE/postgres" -m fast stop >/dev/null 2>&1 || true
    if [ -f "$STATE/registry.pid" ] && kill -0 "$(cat "$STATE/registry.pid")" 2>/dev/null; then
        kill "$(cat "$STATE/registry.pid")"
    fi
    rm -f "$STATE/registry.pid"
    rj_log "stopped the demo PostgreSQL and registry (state kept in $STATE)"
}

# PostgreSQL in $STATE/postgres on a port chosen once; reused when running, restarted when stopped.
start_postgres() {
    if [ -n "${ConnectionStrings__Postgres:-}" ]; then
        rj_log "using PostgreSQL from ConnectionStrings__Postgres"
        return 0
    fi
    rj_ensure_packages postgresql
    local bindir data port
    bindir="$(rj_pg_bindir)"
    data="$STATE/postgres"
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
        rj_free_port >"$STATE/postgres.port"
        mkdir -p "$data"
        [ "$(id -u)" -eq 0 ] && chown -R postgres "$data"
        pg_as "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-sync >"$STATE/initdb.log" 2>&1 \
            || { cat "$STATE/initdb.log" >&2; return 1; }
    fi
    port="$(cat "$STATE/postgres.port")"
    if pg_as "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        rj_log "PostgreSQL already running on 127.0.0.1:$port"
    else
        pg_as "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
            -o "-h 127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off" start >/dev/null \
            || { tail -n 20 "$data/server.log" >&2; return 1; }
        rj_log "PostgreSQL started on 127.0.0.1:$port"
    fi
    if ! pg_as "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = 'registryjanitor'" | grep -q 1; then
        pg_as "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE registryjanitor" >/dev/null
    fi
    export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$port;Username=postgres;Database=registryjanitor"
}

# A distribution registry storing under $STATE/registry; reused when it answers, restarted otherwise.
start_registry() {
    if [ -n "${REGISTRYJANITOR_DEMO_REGISTRY:-}" ]; then
        rj_log "using the registry at $REGISTRYJANITOR_DEMO_REGISTRY"
        return 0
    fi
    rj_ensure_packages docker-registry
    local config="$STATE/registry.yml" port
    if [ ! -f "$config" ]; then
        port="$(rj_free_port)"
        mkdir -p "$STATE/registry"
        cat >"$config" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $STATE/registry
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
YAML
    fi
    port="$(sed -n 's/^  addr: 127.0.0.1:\([0-9]*\)$/\1/p' "$config")"
    REGISTRYJANITOR_DEMO_REGISTRY="http://127.0.0.1:$port"
    if curl -fsS "$REGISTRYJANITOR_DEMO_REGISTRY/v2/" >/dev/null 2>&1; then
        rj_log "registry already running on 127.0.0.1:$port"
        return 0
    fi
    nohup docker-registry serve "$config" >>"$STATE/registry.log" 2>&1 &
    echo $! >"$STATE/registry.pid"
    local i
    for i in $(seq 1 100); do
        curl -fsS "$REGISTRYJANITOR_DEMO_REGISTRY/v2/" >/dev/null 2>&1 && break
        kill -0 "$(cat "$STATE/registry.pid")" 2>/dev/null || { tail -n 20 "$STATE/registry.log" >&2; return 1; }
        sleep 0.1
    done
    rj_log "registry started on 127.0.0.1:$port"
}

# Real demo content: a few small Debian packages, downloaded once and unpacked with dpkg-deb.
fetch_demo_files() {
    local debs="$STATE/debs" files="$STATE/files" pkg deb
    mkdir -p "$debs" "$files"
    local missing=()
    for pkg in "${DEMO_PACKAGES[@]}"; do
        compgen -G "$debs/${pkg}_*.deb" >/dev/null || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        rj_log "downloading ${missing[*]}"
        # apt-get download drops privileges to _apt, which must be able to write the folder.
        chmod 777 "$debs"
        apt-cache madison "${missing[0]}" 2>/dev/null | grep -c . >/dev/null || apt-get update -qq >/dev/null
        # The newest version a repository offers (an installed local build may not be downloadable).
        local wanted=()
        for pkg in "${missing[@]}"; do
            wanted+=("$pkg=$(apt-cache madison "$pkg" | awk -F'|' 'NR == 1 {gsub(/ /, "", $2); print $2}')")
        done
        (cd "$debs" && apt-get download -qq "${wanted[@]}" >/dev/null)
    fi
    for pkg in "${DEMO_PACKAGES[@]}"; do
        deb="$(compgen -G "$debs/${pkg}_*.deb" | sed -n 1p)"
        if [ ! -f "$files/$pkg/DEBIAN/control" ]; then
            rm -rf "$files/$pkg"
            dpkg-deb -x "$deb" "$files/$pkg"
            dpkg-deb -e "$deb" "$files/$pkg/DEBIAN"
        fi
    done
    rj_log "demo files: ${#DEMO_PACKAGES[@]} packages, $(du -sh "$debs" | cut -f1) downloaded, in $files"
}

# Builds once per source state: the stamp is the committed src and migrations trees plus uncommitted changes.
build_product() {
    local stamp out="$REPO_ROOT/src/RegistryJanitor/bin/Release/net10.0"
    stamp="$(cd "$REPO_ROOT" && { git rev-parse HEAD:src HEAD:migrations; git status --porcelain -- src migrations appsettings.json \
        | sort | sha256sum; } 2>/dev/null | sha256sum | cut -c1-16)"
    if [ -f "$STATE/build.stamp" ] && [ "$(cat "$STATE/build.stamp")" = "$stamp" ] && [ -f "$out/RegistryJanitor.dll" ]; then
        rj_log "build is current ($stamp)"
    else
        dotnet build "$REPO_ROOT/src/RegistryJanitor/RegistryJanitor.csproj" -c Release -nologo -v quiet \
            -clp:NoSummary -p:TreatWarningsAsErrors=false >"$STATE/build.log" 2>&1 \
            || { tail -n 30 "$STATE/build.log" >&2; return 1; }
        echo "$stamp" >"$STATE/build.stamp"
    fi
    PRODUCT=(dotnet "$out/RegistryJanitor.dll")
}

# Stage output is piped through tee, which would make the product log JSON lines; a person reads these.
product() { (cd "$STATE" && Logging__Console__FormatterName="${Logging__Console__FormatterName:-simple}" \
    "${PRODUCT[@]}" "$@"); }

has_command() { grep -Eq "^[[:space:]]*$1([[:space:]]|$)" "$STATE/commands.txt"; }

# Runs a stage when this build has its command; says so plainly when it does not.
stage() {
    local name="$1"
    shift
    step "$name"
    if ! has_command "$name"; then
        printf '    not available: this build has no "%s" command yet; skipped\n' "$name"
        SKIPPED+=("$name")
        return 0
    fi
    local t=$SECONDS
    product "$name" "$@" 2>&1 | tee "$STATE/stage-$name.log"
    printf '    %s done in %ds\n' "$name" $((SECONDS - t))
    RAN+=("$name")
}

# The three biggest savings from the Ranked sheet of the optimization workbook (python3 reads the .xlsx).
print_top_savings() {
    local workbook="$1"
    command -v python3 >/dev/null 2>&1 || { echo "    (python3 not found: open the Ranked sheet)"; return 0; }
    python3 - "$workbook" <<'PY' || echo "    (could not read the Ranked sheet; open the workbook)"
import re, sys, zipfile
import xml.etree.ElementTree as ET
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
z = zipfile.ZipFile(sys.argv[1])
shared = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
        shared.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
book = ET.fromstring(z.read("xl/workbook.xml"))
rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
targets = {r.get("Id"): r.get("Target") for r in rels}
sheet = next(s for s in book.find("m:sheets", ns) if s.get("name") == "Ranked")
target = targets[sheet.get("{%s}id" % ns["r"])].lstrip("/")
path = target if target.startswith("xl/") else "xl/" + target
rows = []
for row in ET.fromstring(z.read(path)).iter("{%s}row" % ns["m"]):
    cells = {}
    for c in row.findall("m:c", ns):
        col = re.match(r"[A-Z]+", c.get("r")).group(0)
        v = c.find("m:v", ns)
        inline = c.find("m:is", ns)
        text = "".join(t.text or "" for t in inline.iter("{%s}t" % ns["m"])) if inline is not None else None
        if text is None and v is not None:
            text = shared[int(v.text)] if c.get("t") == "s" else v.text
        cells[col] = text or ""
    rows.append(cells)
header = rows[0]
col = {name: key for key, name in header.items()}
# The Summary sheet's subtitle names the currency ("Money in USD per month").
currency = ""
summary = next((s for s in book.find("m:sheets", ns) if s.get("name") == "Summary"), None)
if summary is not None:
    starget = targets[summary.get("{%s}id" % ns["r"])].lstrip("/")
    spath = starget if starget.startswith("xl/") else "xl/" + starget
    for c in ET.fromstring(z.read(spath)).iter("{%s}c" % ns["m"]):
        if c.get("r") != "A2":
            continue
        inline = c.find("m:is", ns)
        v = c.find("m:v", ns)
        text = "".join(t.text or "" for t in inline.iter("{%s}t" % ns["m"])) if inline is not None else (
            shared[int(v.text)] if v is not None and c.get("t") == "s" else "")
        found = re.search(r"Money in ([A-Z]{3})", text)
        currency = " " + found.group(1) if found else ""
shown = 0
for cells in rows[1:]:
    if shown == 3 or not cells.get(col.get("Rank", "A")):
        break
    get = lambda name: cells.get(col.get(name, ""), "")
    try:
        value = float(get("Savings per month"))
        # Demo images are small, so their money is fractions of a cent: show enough digits to see it.
        money = "%.2f" % value if value >= 0.01 else "%.6f" % value
    except ValueError:
        money = get("Savings per month")
    # Savings bytes are the bytes saved across the repository's retained tags, not per image (rank prints those).
    try:
        saved = "%.1f MB" % (float(get("Savings bytes")) / 1e6)
    except ValueError:
        saved = get("Savings bytes")
    print("    %s. %s:%s  %s saved across its tags, %s%s per month  (%s; %s)" % (get("Rank"), get("Repository"),
          get("Tag"), saved, money, currency, get("Scenario"), get("Recommended approach")))
    shown += 1
if shown == 0:
    print("    (the Ranked sheet has no rows)")
PY
}

if [ "${1:-}" = "--stop" ]; then
    stop_instances
    exit 0
fi

step "Services"
start_postgres
start_registry
export Registries__0__Name=demo
export Registries__0__Url="$REGISTRYJANITOR_DEMO_REGISTRY"
# Per-request retry lines of the HTTP pipeline are noise here; the commands print their own progress and summary,
# so informational log lines would only repeat them. Warnings and errors still show.
export Logging__LogLevel__Polly="${Logging__LogLevel__Polly:-Warning}"
export Logging__LogLevel__Default="${Logging__LogLevel__Default:-Warning}"

step "Demo content"
fetch_demo_files

step "Build (Release)"
build_product
product help >"$STATE/commands.txt" 2>&1 || true
rj_log "build ready, $(elapsed) since the start"

RAN=()
SKIPPED=()
rm -f "$STATE"/stage-*.log
mkdir -p "$REPORTS"
stage migrate
stage seed-demo --files "$STATE/files"
stage scan --registry demo
# The seeder's second pass moves a tag the scan has seen, so the next scan records an untagged manifest.
if grep -q "first pass done" "$STATE/stage-seed-demo.log" 2>/dev/null; then
    stage seed-demo --files "$STATE/files"
    stage scan --registry demo
fi
stage costs --registry demo
stage analyze --registry demo
stage rank
stage report --month "$MONTH" --out "$REPORTS"

step "Result"
printf '    stages run: %s\n' "${RAN[*]:-none}"
[ ${#SKIPPED[@]} -gt 0 ] && printf '    stages not available in this build: %s\n' "${SKIPPED[*]}"
costs="$REPORTS/registry-costs-$MONTH.xlsx"
optimization="$REPORTS/registry-optimization-$MONTH.xlsx"
for workbook in "$costs" "$optimization"; do
    if [ -f "$workbook" ]; then
        printf '    workbook: %s\n' "$workbook"
    else
        printf '    workbook not written: %s\n' "$workbook"
    fi
done
if [ -f "$optimization" ]; then
    echo "    three biggest savings:"
    print_top_savings "$optimization"
elif [ -f "$STATE/stage-rank.log" ] && grep -Eq '^ +[0-9]+\. ' "$STATE/stage-rank.log"; then
    echo "    three biggest savings (from rank; without analyze, content findings are unknown):"
    grep -E '^ +[0-9]+\. ' "$STATE/stage-rank.log" | sed -n 1,3p
fi
printf '    finished in %s (state in %s; stop the instances with deploy/first-run.sh --stop)\n' "$(elapsed)" "$STATE"
