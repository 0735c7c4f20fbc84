#!/usr/bin/env bash
# Two app servers on one PostgreSQL and one Redis, nginx in front, on this machine
# (docs/deploy.md, "Several app servers on one machine").
#
#   scripts/two-servers.sh start    set up (database, demo, nginx) and start everything
#   scripts/two-servers.sh check    a notice signed off on A is served by nginx and found by B's
#                                   search, and the other way round (scripts/two_servers_check.py)
#   scripts/two-servers.sh stop     stop the two gunicorns and nginx (by their pid files)
#   scripts/two-servers.sh restart  stop, then start the processes again (no new set-up)
#   scripts/two-servers.sh status
#
# Each app server has its own data directory and build folder (A: $DIR/a, B: $DIR/b); both
# publish to one web root ($DIR/webroot) that nginx serves. The signing key and the uploads are
# shared (B's keys are A's; B's media is a link to A's), as they would be on shared storage.
# Environment (defaults in brackets): GK_TWO_DIR [/tmp/gongkai-two], GK_PORT_A [8104],
# GK_PORT_B [8114], GK_PORT_NGINX [8124], GK_TWO_DB [postgres://postgres@127.0.0.1:5432/gk_two],
# GK_TWO_REDIS [redis://127.0.0.1:6379/4], GK_WORKERS [2 per server].
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIR=${GK_TWO_DIR:-/tmp/gongkai-two}
PORT_A=${GK_PORT_A:-8104}
PORT_B=${GK_PORT_B:-8114}
PORT_N=${GK_PORT_NGINX:-8124}
DB=${GK_TWO_DB:-postgres://postgres@127.0.0.1:5432/gk_two}
REDIS=${GK_TWO_REDIS:-redis://127.0.0.1:6379/4}
WORKERS=${GK_WORKERS:-2}
VENV=$ROOT/.venv/bin

env_for() {  # $1 = a | b
  cat <<EOF
DATABASE_URL=$DB
REDIS_URL=$REDIS
SECRET_KEY=two-servers-demo-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz
ALLOWED_HOSTS=127.0.0.1,localhost
CSRF_TRUSTED_ORIGINS=http://127.0.0.1:$PORT_N,http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B
GONGKAI_DATA_DIR=$DIR/$1
GONGKAI_PUBLIC_BASE_URL=http://127.0.0.1:$PORT_N
GONGKAI_PUBLISH_TARGETS=file://$DIR/webroot
GONGKAI_BACKUP_AT=
GONGKAI_APPLY_RATE_LIMIT=${GONGKAI_APPLY_RATE_LIMIT:-1000000}
GONGKAI_STATUS_RATE_LIMIT=${GONGKAI_STATUS_RATE_LIMIT:-1000000}
GONGKAI_SEARCH_RATE_LIMIT=${GONGKAI_SEARCH_RATE_LIMIT:-1000000}
EOF
}

run_as() {  # $1 = a | b, then the command
  local who=$1; shift
  env $(env_for "$who" | xargs) "$@"
}

need_nginx() {
  if ! command -v nginx >/dev/null; then
    echo "安装 nginx（Debian 软件包）……"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx >/dev/null
  fi
}

nginx_conf() {
  local static=$DIR/a/static
  cat <<EOF
worker_processes 2;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    open_file_cache max=10000 inactive=30s;
    open_file_cache_valid 1s;
    client_body_temp_path $DIR/nginx-tmp/body;
    proxy_temp_path $DIR/nginx-tmp/proxy;
    fastcgi_temp_path $DIR/nginx-tmp/fastcgi;
    uwsgi_temp_path $DIR/nginx-tmp/uwsgi;
    scgi_temp_path $DIR/nginx-tmp/scgi;
    upstream gongkai_app {
        server 127.0.0.1:$PORT_A;
        server 127.0.0.1:$PORT_B;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$PORT_N;
        root $DIR/webroot/kjj/current;
        index index.html;
        error_page 404 /404.html;
        client_max_body_size 60m;
        add_header X-Content-Type-Options nosniff always;
        add_header X-Frame-Options DENY always;
        add_header Referrer-Policy same-origin always;
        add_header Content-Security-Policy "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'" always;
        location ^~ /static/ { alias $static/; expires 7d; }
        location ~ ^/(staff|admin|api|search|apply|verify|media)(/|\$) {
            proxy_pass http://gongkai_app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        }
        location / {
            try_files \$uri \$uri/ =404;
            etag on;
            add_header Cache-Control "no-cache";
        }
    }
}
EOF
}

start_app() {  # $1 = a | b, $2 = port
  run_as "$1" "$VENV/gunicorn" gongkai.wsgi:application --bind "127.0.0.1:$2" \
    --workers "$WORKERS" --timeout 120 --daemon --pid "$DIR/gunicorn-$1.pid" \
    --error-logfile "$DIR/gunicorn-$1.log" --chdir "$ROOT"
}

wait_for() {  # $1 = URL
  for _ in $(seq 1 60); do
    curl -s -o /dev/null "$1" && return 0
    sleep 1
  done
  echo "$1 没有响应" >&2
  return 1
}

do_start() {
  need_nginx
  mkdir -p "$DIR/a" "$DIR/b" "$DIR/webroot" "$DIR/nginx-tmp"
  "$VENV/python" - "$DB" <<'PY'
import sys, psycopg
from urllib.parse import urlsplit
u = urlsplit(sys.argv[1]); name = u.path.lstrip("/")
with psycopg.connect(host=u.hostname, port=u.port or 5432, user=u.username, password=u.password,
                     dbname="postgres", autocommit=True) as db:
    if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        db.execute(f'CREATE DATABASE "{name}"')
        print(f"created database {name}")
PY
  run_as a "$VENV/gongkai" migrate --noinput -v0
  run_as a "$VENV/gongkai" collectstatic --noinput -v0
  run_as a "$VENV/gongkai" demo >/dev/null  # builds on A and distributes to the web root
  mkdir -p "$DIR/b/keys"
  cp -p "$DIR"/a/keys/* "$DIR/b/keys/"
  [ -e "$DIR/b/media" ] || ln -s "$DIR/a/media" "$DIR/b/media"
  run_as b "$VENV/gongkai" collectstatic --noinput -v0
  start_app a "$PORT_A"
  start_app b "$PORT_B"
  nginx_conf > "$DIR/nginx.conf"
  nginx -t -c "$DIR/nginx.conf" -p "$DIR" 2>/dev/null || nginx -t -c "$DIR/nginx.conf" -p "$DIR"
  nginx -c "$DIR/nginx.conf" -p "$DIR"
  wait_for "http://127.0.0.1:$PORT_A/search/"
  wait_for "http://127.0.0.1:$PORT_B/search/"
  wait_for "http://127.0.0.1:$PORT_N/"
  do_status
}

do_run() {  # start the processes of a set-up made by `start`
  start_app a "$PORT_A"
  start_app b "$PORT_B"
  nginx_conf > "$DIR/nginx.conf"
  nginx -c "$DIR/nginx.conf" -p "$DIR"
  wait_for "http://127.0.0.1:$PORT_A/search/"
  wait_for "http://127.0.0.1:$PORT_B/search/"
  wait_for "http://127.0.0.1:$PORT_N/"
  do_status
}

do_stop() {
  for f in "$DIR/gunicorn-a.pid" "$DIR/gunicorn-b.pid" "$DIR/nginx.pid"; do
    if [ -f "$f" ]; then
      kill "$(cat "$f")" 2>/dev/null || true
      rm -f "$f"
    fi
  done
  echo "已停止。"
}

do_status() {
  echo "app server A  http://127.0.0.1:$PORT_A   (data $DIR/a)"
  echo "app server B  http://127.0.0.1:$PORT_B   (data $DIR/b)"
  echo "nginx         http://127.0.0.1:$PORT_N   (web root $DIR/webroot/kjj/current -> $(readlink "$DIR/webroot/kjj/current" 2>/dev/null || echo '?'))"
  echo "database $DB, redis $REDIS"
}

case "${1:-}" in
  start) do_start ;;
  restart) do_stop; sleep 2; do_run ;;
  stop) do_stop ;;
  status) do_status ;;
  check) "$VENV/python" scripts/two_servers_check.py --a "http://127.0.0.1:$PORT_A" \
           --b "http://127.0.0.1:$PORT_B" --nginx "http://127.0.0.1:$PORT_N" ;;
  env) env_for "${2:-a}" ;;
  *) echo "用法：$0 start | check | restart | stop | status | env a|b" >&2; exit 2 ;;
esac
