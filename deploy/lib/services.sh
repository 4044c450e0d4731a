# Shared shell functions: install and start throwaway PostgreSQL and distribution registry instances on
# loopback, in a temporary folder, and stop them again. Sourced by deploy/test.sh and the other scripts.
# Each function is safe to call when the environment already names an instance: then nothing is started.

RJ_STATE_DIR="${RJ_STATE_DIR:-}"
RJ_PIDS=()

rj_log() { printf '[registryjanitor] %s\n' "$*" >&2; }

# Installs the Debian packages named as arguments when their commands are missing.
rj_ensure_packages() {
    local missing=()
    local pkg
    for pkg in "$@"; do
        case "$pkg" in
            postgresql) [ -x "$(rj_pg_bindir)/initdb" ] || missing+=("$pkg") ;;
            docker-registry) command -v docker-registry >/dev/null 2>&1 || missing+=("$pkg") ;;
            libreoffice-calc) command -v soffice >/dev/null 2>&1 || missing+=("$pkg") ;;
            # Debian ships kubectl in kubernetes-client; any kubectl already on PATH will do.
            kubernetes-client) command -v kubectl >/dev/null 2>&1 || missing+=("$pkg") ;;
            *) command -v "$pkg" >/dev/null 2>&1 || missing+=("$pkg") ;;
        esac
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        rj_log "missing packages: ${missing[*]}; install them (apt-get install ${missing[*]}) or run as root"
        return 1
    fi
    rj_log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

rj_pg_bindir() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    echo /usr/lib/postgresql/15/bin
}

rj_free_port() {
    python3 - <<'PY' 2>/dev/null || shuf -i 20000-60000 -n 1
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

# Creates the state folder once and sets RJ_STATE_DIR in the calling shell. Never call it inside $(...): a
# subshell's assignment is lost, so each start would get a folder of its own and rj_stop_all would stop nothing.
rj_state_dir() {
    if [ -z "$RJ_STATE_DIR" ]; then
        RJ_STATE_DIR="$(mktemp -d -t registryjanitor.XXXXXX)"
        chmod 755 "$RJ_STATE_DIR"
    fi
}

# Starts PostgreSQL unless REGISTRYJANITOR_TEST_POSTGRES is set; exports it either way.
rj_start_postgres() {
    if [ -n "${REGISTRYJANITOR_TEST_POSTGRES:-}" ]; then
        rj_log "using PostgreSQL from REGISTRYJANITOR_TEST_POSTGRES"
        return 0
    fi
    rj_ensure_packages postgresql
    local bindir state data port run_as=()
    bindir="$(rj_pg_bindir)"
    rj_state_dir
    state="$RJ_STATE_DIR"
    data="$state/postgres"
    mkdir -p "$data"
    # PostgreSQL refuses to run as root, so a root caller runs it as the postgres system user.
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
        chown -R postgres "$data"
        run_as=(runuser -u postgres --)
    fi
    # A cluster already in this state folder is reused on its port (started again if it was stopped), so a second
    # call with the same RJ_STATE_DIR exports the same server instead of failing in initdb.
    if [ -f "$data/PG_VERSION" ] && [ -f "$state/postgres.port" ]; then
        port="$(cat "$state/postgres.port")"
    else
        port="$(rj_free_port)"
        "${run_as[@]}" "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-sync \
            >"$state/initdb.log" 2>&1 || { cat "$state/initdb.log" >&2; return 1; }
        echo "$port" >"$state/postgres.port"
    fi
    if ! "${run_as[@]}" "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        "${run_as[@]}" "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
            -o "-h 127.0.0.1 -p $port -k $data -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
                -c max_connections=300" start >/dev/null || { cat "$data/server.log" >&2; return 1; }
    fi
    echo "$bindir/pg_ctl -D $data -m fast stop" >"$state/postgres.stop"
    [ ${#run_as[@]} -gt 0 ] && echo "runuser -u postgres -- $bindir/pg_ctl -D $data -m fast stop" >"$state/postgres.stop"
    export REGISTRYJANITOR_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    rj_log "PostgreSQL on 127.0.0.1:$port"
}

# Starts a distribution registry unless REGISTRYJANITOR_TEST_REGISTRY is set; exports it either way.
rj_start_registry() {
    if [ -n "${REGISTRYJANITOR_TEST_REGISTRY:-}" ]; then
        rj_log "using the registry at $REGISTRYJANITOR_TEST_REGISTRY"
        return 0
    fi
    rj_ensure_packages docker-registry
    local state port storage config
    rj_state_dir
    state="$RJ_STATE_DIR"
    storage="$state/registry"
    config="$state/registry.yml"
    # A registry this state folder already runs is reused, so a second call does not start another one.
    if [ -f "$state/registry.pid" ] && kill -0 "$(cat "$state/registry.pid")" 2>/dev/null \
        && [ -f "$state/registry.port" ]; then
        port="$(cat "$state/registry.port")"
        export REGISTRYJANITOR_TEST_REGISTRY="http://127.0.0.1:$port"
        export REGISTRYJANITOR_TEST_REGISTRY_CONFIG="$config"
        export REGISTRYJANITOR_TEST_REGISTRY_STORAGE="$storage"
        rj_log "registry on 127.0.0.1:$port (already running)"
        return 0
    fi
    port="$(rj_free_port)"
    mkdir -p "$storage"
    cat >"$config" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $storage
  delete:
    enabled: true
  maintenance:
    uploadpurging:
      enabled: false
http:
  addr: 127.0.0.1:$port
  headers:
    X-Content-Type-Options: [nosniff]
YAML
    docker-registry serve "$config" >"$state/registry.log" 2>&1 &
    local pid=$!
    echo "kill $pid" >"$state/registry.stop"
    echo "$pid" >"$state/registry.pid"
    echo "$port" >"$state/registry.port"
    local i
    for i in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 && break
        kill -0 "$pid" 2>/dev/null || { cat "$state/registry.log" >&2; return 1; }
        sleep 0.1
    done
    export REGISTRYJANITOR_TEST_REGISTRY="http://127.0.0.1:$port"
    export REGISTRYJANITOR_TEST_REGISTRY_CONFIG="$config"
    export REGISTRYJANITOR_TEST_REGISTRY_STORAGE="$storage"
    rj_log "registry on 127.0.0.1:$port"
}

# Stops whatever this script started; safe to call twice.
rj_stop_all() {
    [ -n "$RJ_STATE_DIR" ] && [ -d "$RJ_STATE_DIR" ] || return 0
    local stop
    for stop in "$RJ_STATE_DIR"/*.stop; do
        [ -f "$stop" ] && bash "$stop" >/dev/null 2>&1
        rm -f "$stop"
    done
    rm -rf "$RJ_STATE_DIR"
    RJ_STATE_DIR=""
}
