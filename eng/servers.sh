#!/usr/bin/env bash
# Installs and runs the servers SectorMesh needs (PostgreSQL, RabbitMQ, Redis) from Debian's
# packages, on loopback only, without systemd.
#
#   eng/servers.sh install        install whatever is missing (idempotent)
#   eng/servers.sh start [NAME..] start all three (or only those named: postgres, rabbitmq, redis)
#                                 in the background and wait until each answers
#   eng/servers.sh stop [NAME..]  stop what `start` started (or only those named)
#   eng/servers.sh run NAME       run one server in the foreground (used by the Aspire AppHost)
#   eng/servers.sh env            print the connection settings the tests read
#
# Ports and the state folder come from the environment so that the test servers and the
# AppHost's servers can run side by side. The state lives outside the clone, where the postgres
# and rabbitmq users can reach it even when the clone is in a home folder only its owner can read:
#   SM_SERVERS_DIR (default /var/tmp/sectormesh/test), SM_PG_PORT (25432), SM_RABBIT_PORT (25672),
#   SM_RABBIT_DIST_PORT (25673), SM_REDIS_PORT (26379), SM_RABBIT_NODE (sectormesh-test@localhost)
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${SM_SERVERS_DIR:-/var/tmp/sectormesh/test}"
pg_port="${SM_PG_PORT:-25432}"
rabbit_port="${SM_RABBIT_PORT:-25672}"
rabbit_dist_port="${SM_RABBIT_DIST_PORT:-25673}"
redis_port="${SM_REDIS_PORT:-26379}"
rabbit_node="${SM_RABBIT_NODE:-sectormesh-test@localhost}"
pg_password="${SM_PG_PASSWORD:-sectormesh}"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"

export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_NODENAME="$rabbit_node"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$rabbit_port"
export RABBITMQ_DIST_PORT="$rabbit_dist_port"
export RABBITMQ_MNESIA_BASE="$dir/rabbitmq/mnesia"
export RABBITMQ_LOG_BASE="$dir/rabbitmq/log"

missing() {
    local need=()
    [ -n "$pg_bin" ] || need+=(postgresql)
    command -v rabbitmq-server >/dev/null || need+=(rabbitmq-server)
    command -v redis-server >/dev/null || need+=(redis-server)
    echo "${need[@]:-}"
}

require_installed() {
    local need
    need="$(missing)"
    if [ -n "$need" ]; then
        echo "Not installed: $need. Install with: sudo $repo/eng/servers.sh install (or apt-get install -y $need)" >&2
        exit 3
    fi
}

install() {
    local need
    need="$(missing)"
    [ -z "$need" ] && { echo "PostgreSQL, RabbitMQ and Redis are installed."; return; }
    echo "Installing $need from Debian's packages..."
    apt-get update -qq
    # apt must not start the servers itself: they run on our ports, under our folders.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
}

prepare_postgres() {
    mkdir -p "$dir/postgres"
    chmod 755 "$dir" "$(dirname "$dir")"
    chown postgres:postgres "$dir/postgres"
    if [ ! -f "$dir/postgres/data/PG_VERSION" ]; then
        local pwfile="$dir/postgres/pwfile"
        printf '%s\n' "$pg_password" >"$pwfile"
        chown postgres:postgres "$pwfile"
        runuser -u postgres -- "$pg_bin/initdb" -D "$dir/postgres/data" -A scram-sha-256 \
            --pwfile="$pwfile" -U postgres >/dev/null
        rm -f "$pwfile"
    fi
}

# PostgreSQL's defaults are sized for a small shared host: with 128 MB of shared buffers and 1 GB of WAL between
# checkpoints, a PIRL import of a million people checkpointed six times and its backend wrote most pages itself.
postgres_options() {
    echo "-p $pg_port -c listen_addresses=127.0.0.1 -k $dir/postgres -c max_connections=300" \
        "-c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=15min"
}

prepare_rabbitmq() {
    mkdir -p "$RABBITMQ_MNESIA_BASE" "$RABBITMQ_LOG_BASE"
    chown -R rabbitmq:rabbitmq "$dir/rabbitmq"
}

redis_args() {
    mkdir -p "$dir/redis"
    echo "--port $redis_port --bind 127.0.0.1 --dir $dir/redis --save '' --appendonly no"
}

wait_for() {
    local what="$1" tries="$2"; shift 2
    for _ in $(seq "$tries"); do
        if "$@" >/dev/null 2>&1; then return 0; fi
        sleep 1
    done
    echo "$what did not become ready" >&2
    return 1
}

# True when the server is among those named on the command line, or when none is named.
wanted() {
    [ "$#" -eq 1 ] && return 0
    local name="$1"; shift
    local each
    for each in "$@"; do [ "$each" = "$name" ] && return 0; done
    return 1
}

start() {
    require_installed
    if wanted postgres "$@"; then
        prepare_postgres
        if ! runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/postgres/data" status >/dev/null 2>&1; then
            runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/postgres/data" -l "$dir/postgres/log" \
                -o "$(postgres_options)" start >/dev/null
        fi
        wait_for PostgreSQL 30 "$pg_bin/pg_isready" -h 127.0.0.1 -p "$pg_port"
        echo "PostgreSQL :$pg_port is running."
    fi

    if wanted redis "$@"; then
        if ! redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
            eval redis-server "$(redis_args)" --daemonize yes --pidfile "$dir/redis/redis.pid" \
                --logfile "$dir/redis/redis.log"
        fi
        wait_for Redis 30 redis-cli -p "$redis_port" ping
        echo "Redis :$redis_port is running."
    fi

    if wanted rabbitmq "$@"; then
        prepare_rabbitmq
        if ! rabbitmqctl -q -n "$rabbit_node" status >/dev/null 2>&1; then
            rabbitmq-server -detached
        fi
        # `ping` answers before the AMQP port is open; await_startup waits for the whole broker.
        wait_for RabbitMQ 90 rabbitmqctl -q -n "$rabbit_node" await_startup
        echo "RabbitMQ :$rabbit_port ($rabbit_node) is running."
    fi
}

stop() {
    if wanted rabbitmq "$@"; then
        rabbitmqctl -q -n "$rabbit_node" stop >/dev/null 2>&1 || true
    fi
    if wanted redis "$@"; then
        redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
    fi
    if wanted postgres "$@" && [ -n "$pg_bin" ] && [ -d "$dir/postgres/data" ]; then
        runuser -u postgres -- "$pg_bin/pg_ctl" -D "$dir/postgres/data" stop -m fast >/dev/null 2>&1 || true
    fi
}

run() {
    require_installed
    case "${1:-}" in
        postgres)
            prepare_postgres
            # shellcheck disable=SC2046
            exec runuser -u postgres -- "$pg_bin/postgres" -D "$dir/postgres/data" $(postgres_options)
            ;;
        rabbitmq)
            prepare_rabbitmq
            exec rabbitmq-server
            ;;
        redis)
            eval exec redis-server "$(redis_args)"
            ;;
        *) echo "usage: $0 run postgres|rabbitmq|redis" >&2; exit 2 ;;
    esac
}

print_env() {
    echo "SM_PG=Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password"
    echo "SM_RABBIT=amqp://guest:guest@127.0.0.1:$rabbit_port"
    echo "SM_REDIS=127.0.0.1:$redis_port"
    echo "SM_RABBIT_NODE=$rabbit_node"
}

case "${1:-}" in
    install) install ;;
    start) shift; start "$@" ;;
    stop) shift; stop "$@" ;;
    run) shift; run "$@" ;;
    env) print_env ;;
    *) sed -n '2,18p' "$0"; exit 2 ;;
esac
