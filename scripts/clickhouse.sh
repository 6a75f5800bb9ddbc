#!/usr/bin/env bash
# Throwaway ClickHouse servers for the tests and benchmarks: SERVERS servers (default 1) on
# loopback ports, each with its own config and data under DIR, nothing kept when they stop.
# Every config names the cluster 'northstar' with each server as one shard.
#
#   scripts/clickhouse.sh start DIR [BASEPORT] [SERVERS]
#       prints: export NORTHSTAR_TEST_CLICKHOUSE='http://127.0.0.1:BASEPORT'
#               export NORTHSTAR_TEST_CLICKHOUSE_SHARDS='http://127.0.0.1:P1,http://127.0.0.1:P2'
#   scripts/clickhouse.sh stop DIR
#
# Server i (from 0) listens on http BASEPORT+10*i, tcp +1, interserver +2. Installs Debian's
# clickhouse-server and clickhouse-client (18.16 here) when missing. Run as root, the servers
# run as the clickhouse user.
set -euo pipefail

cmd=${1:-}
dir=${2:-}
base=${3:-58123}
servers=${4:-1}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR [BASEPORT] [SERVERS]" >&2
  exit 2
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ] && id clickhouse >/dev/null 2>&1; then runuser -u clickhouse -- "$@"; else "$@"; fi
}

write_config() { # index http tcp interserver
  local d="$dir/s$1"
  mkdir -p "$d/data" "$d/tmp" "$d/log" "$d/user_files" "$d/format_schemas"
  local shards=""
  for ((j = 0; j < servers; j++)); do
    shards+="<shard><replica><host>127.0.0.1</host><port>$((base + 10 * j + 1))</port></replica></shard>"
  done
  cat >"$d/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$d/log/server.log</log><errorlog>$d/log/error.log</errorlog><size>100M</size><count>2</count></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$2</http_port>
  <tcp_port>$3</tcp_port>
  <interserver_http_port>$4</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <max_connections>256</max_connections>
  <keep_alive_timeout>30</keep_alive_timeout>
  <max_concurrent_queries>100</max_concurrent_queries>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <mark_cache_size>134217728</mark_cache_size>
  <path>$d/data/</path>
  <tmp_path>$d/tmp/</tmp_path>
  <user_files_path>$d/user_files/</user_files_path>
  <format_schema_path>$d/format_schemas/</format_schema_path>
  <users_config>$d/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mlock_executable>false</mlock_executable>
  <remote_servers><northstar>$shards</northstar></remote_servers>
  <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
  <max_session_timeout>3600</max_session_timeout>
  <default_session_timeout>60</default_session_timeout>
  <merge_tree><parts_to_throw_insert>1000</parts_to_throw_insert></merge_tree>
</yandex>
XML
  cat >"$d/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage><use_uncompressed_cache>0</use_uncompressed_cache><load_balancing>random</load_balancing></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
XML
}

case "$cmd" in
  start)
    if ! command -v clickhouse-server >/dev/null; then
      echo "Installing ClickHouse..." >&2
      sudo_=""
      if [ "$(id -u)" -ne 0 ]; then sudo_="sudo"; fi
      $sudo_ apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive $sudo_ apt-get install -y -qq clickhouse-server clickhouse-client >/dev/null
    fi
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    urls=()
    for ((i = 0; i < servers; i++)); do
      http=$((base + 10 * i))
      write_config "$i" "$http" "$((http + 1))" "$((http + 2))"
      if [ "$(id -u)" -eq 0 ] && id clickhouse >/dev/null 2>&1; then chown -R clickhouse "$dir"; fi
      as_owner nohup clickhouse-server --config-file="$dir/s$i/config.xml" \
        >"$dir/s$i/log/stdout.log" 2>&1 &
      urls+=("http://127.0.0.1:$http")
    done
    for url in "${urls[@]}"; do
      ok=""
      for _ in $(seq 1 120); do
        if [ "$(curl -s "$url/ping" || true)" = "Ok." ]; then ok=1; break; fi
        sleep 0.5
      done
      if [ -z "$ok" ]; then
        echo "ClickHouse at $url did not answer /ping; see $dir/s*/log" >&2
        cat "$dir"/s*/log/error.log >&2 2>/dev/null || true
        exit 1
      fi
    done
    echo "export NORTHSTAR_TEST_CLICKHOUSE='${urls[0]}'"
    echo "export NORTHSTAR_TEST_CLICKHOUSE_SHARDS='$(IFS=,; echo "${urls[*]}")'"
    ;;
  stop)
    if [ -d "$dir" ]; then
      dir=$(cd "$dir" && pwd)
      # The servers started on this directory's configs (not every clickhouse-server on the machine).
      for config in "$dir"/s*/config.xml; do
        [ -f "$config" ] || continue
        for pid in $(pgrep -f -- "--config-file=$config" || true); do
          [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = "clickhouse-serv" ] || continue
          kill "$pid" 2>/dev/null || true
          for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
          kill -9 "$pid" 2>/dev/null || true
        done
      done
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR [BASEPORT] [SERVERS]" >&2
    exit 2
    ;;
esac
