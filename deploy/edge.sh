#!/usr/bin/env bash
# `make edge`: the site as production serves it, on this machine. Varnish (deploy/varnish/newsroom.vcl)
# listens for readers on 127.0.0.1:$EDGE_PORT in front of one or more gunicorn app servers with
# production settings (DEBUG off), on the same database as `make run`. Ctrl-C stops everything.
#
# Environment:
#   EDGE_PORT     where readers connect (8080)
#   APP_PORTS     the app servers' ports, comma-separated: "8081,8082" runs two (default: APP_PORT, 8081)
#   APP_WORKERS   gunicorn workers per app server (2)
#   EDGE_PURGERS  addresses and networks allowed to purge, space-separated ("127.0.0.1 ::1")
#   EDGE_DIR      Varnish's work folder and the generated files (.edge); varnishd's own user must reach it
#   DATABASE_URL, REDIS_URL, NEWSROOM_PAGE_CACHE, LOG_LEVEL: as in README's configuration table
#   PYTHON        the virtualenv's python (.venv/bin/python); gunicorn is taken from beside it
set -euo pipefail
cd "$(dirname "$0")/.."

varnishd_bin=$(command -v varnishd || true)
if [ -z "$varnishd_bin" ] && [ -x /usr/sbin/varnishd ]; then
  varnishd_bin=/usr/sbin/varnishd
fi
if [ -z "$varnishd_bin" ]; then
  echo "varnishd is not installed. Install it with: apt-get install varnish varnish-modules" >&2
  exit 1
fi

EDGE_PORT=${EDGE_PORT:-8080}
APP_PORTS=${APP_PORTS:-${APP_PORT:-8081}}
APP_WORKERS=${APP_WORKERS:-2}
EDGE_PURGERS=${EDGE_PURGERS:-127.0.0.1 ::1}
EDGE_DIR=$(mkdir -p "${EDGE_DIR:-.edge}" && cd "${EDGE_DIR:-.edge}" && pwd)
PYTHON=${PYTHON:-.venv/bin/python}
GUNICORN="$(dirname "$PYTHON")/gunicorn"
HOST=127.0.0.1

IFS=, read -r -a app_ports <<<"$APP_PORTS"
servers=()
for port in "${app_ports[@]}"; do
  servers+=("$HOST:$port")
done

# --- Varnish's configuration, checked before anything starts -------------------------------------

# varnishd reads and compiles the VCL as its own unprivileged user, who may not reach this checkout:
# both files go to $EDGE_DIR, where the include is found on vcl_path.
chmod 755 "$EDGE_DIR"
cp deploy/varnish/newsroom.vcl "$EDGE_DIR/newsroom.vcl"
deploy/varnish/backends.sh --purgers "$EDGE_PURGERS" "${servers[@]}" >"$EDGE_DIR/newsroom-backends.vcl"
varnish_args=(-n "$EDGE_DIR/varnish" -f "$EDGE_DIR/newsroom.vcl" -p "vcl_path=$EDGE_DIR")
if ! "$varnishd_bin" -C "${varnish_args[@]}" >/dev/null 2>"$EDGE_DIR/vcl-check.log"; then
  cat "$EDGE_DIR/vcl-check.log" >&2
  echo "newsroom.vcl does not compile. 'import xkey' needs varnish-modules (apt-get install varnish-modules);" >&2
  echo "'Permission denied' means varnishd's user cannot read $EDGE_DIR: set EDGE_DIR to a folder it can reach." >&2
  exit 1
fi

# --- The database and the demo, as `make run` does -----------------------------------------------

DEBUG=${DEBUG:-true} "$PYTHON" manage.py migrate --noinput
DEBUG=${DEBUG:-true} "$PYTHON" manage.py load_demo

# --- Production settings for the app servers (as bench/run.py serves them) -----------------------

export DEBUG=false
SECRET_KEY=$("$PYTHON" -c 'import secrets; print(secrets.token_urlsafe(50))')
export SECRET_KEY
export ALLOWED_HOSTS="$HOST,localhost"
export NEWSROOM_SITE_URL="http://$HOST:$EDGE_PORT"
export NEWSROOM_SERVE_MEDIA=true
export STATIC_ROOT="$EDGE_DIR/static"
# Plain HTTP on loopback: no redirect to HTTPS, cookies that travel without TLS, no HSTS.
export SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false SECURE_HSTS_SECONDS=0
# The app's page cache needs a cache shared by every process; without Redis it stays off and
# Varnish is the only cache.
if [ -z "${REDIS_URL:-}" ]; then
  export NEWSROOM_PAGE_CACHE=${NEWSROOM_PAGE_CACHE:-false}
fi

"$PYTHON" manage.py collectstatic --noinput -v 0

# --- Start, and stop everything on the way out ---------------------------------------------------

pids=()
stop_all() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

for server in "${servers[@]}"; do
  "$GUNICORN" newsroom.wsgi:application --bind "$server" --workers "$APP_WORKERS" --no-control-socket &
  pids+=("$!")
done
for server in "${servers[@]}"; do
  for _ in $(seq 60); do
    if "$PYTHON" -c "import urllib.request; urllib.request.urlopen('http://$server/robots.txt', timeout=2)" 2>/dev/null; then
      break
    fi
    sleep 0.5
  done
done

"$varnishd_bin" -F "${varnish_args[@]}" -a "$HOST:$EDGE_PORT" -s malloc,256m &
pids+=("$!")

cat <<EOF

  Readers (Varnish):  http://$HOST:$EDGE_PORT/
  Admin:              http://$HOST:$EDGE_PORT/admin/  (logins as for make run)
  App servers:        ${servers[*]}
  Purge:              curl -X PURGE -H 'xkey-purge: home' http://$HOST:$EDGE_PORT/
  Watch:              varnishlog -n $EDGE_DIR/varnish    varnishstat -n $EDGE_DIR/varnish
  Ctrl-C stops them all.

EOF

# Whichever stops first (Ctrl-C, or a server that dies) takes the others with it.
wait -n
