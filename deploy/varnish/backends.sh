#!/usr/bin/env bash
# Prints newsroom-backends.vcl, the part of the edge configuration that differs between machines:
# the app servers, the round-robin director `app` over them, and the ACL `purgers` of the
# addresses allowed to purge. newsroom.vcl includes it by name, so put the output in a folder on
# varnishd's vcl_path (-p vcl_path=...).
#
# Usage: deploy/varnish/backends.sh [--purgers "127.0.0.1 ::1 10.0.0.0/24"] HOST:PORT [HOST:PORT...]
# Example: deploy/varnish/backends.sh 10.0.0.11:8000 10.0.0.12:8000 > /etc/varnish/newsroom-backends.vcl
set -euo pipefail

purgers="127.0.0.1 ::1"
if [ "${1:-}" = "--purgers" ]; then
  purgers="${2:?--purgers needs a space-separated list of addresses or networks}"
  shift 2
fi
if [ "$#" -eq 0 ]; then
  echo "usage: $0 [--purgers \"ADDRESS ...\"] HOST:PORT [HOST:PORT...]" >&2
  exit 2
fi

echo "# Written by deploy/varnish/backends.sh: the app servers and who may purge. Regenerate, do not edit."
echo

number=0
for server in "$@"; do
  number=$((number + 1))
  host="${server%:*}"
  port="${server##*:}"
  host="${host#[}"   # [::1]:8081 names an IPv6 address
  host="${host%]}"
  if [ -z "$host" ] || [ "$host" = "$server" ] || ! [[ "$port" =~ ^[0-9]+$ ]]; then
    echo "$0: '$server' is not HOST:PORT" >&2
    exit 2
  fi
  cat <<VCL
backend app$number {
    .host = "$host";
    .port = "$port";
    .probe = app_probe;
    .connect_timeout = 1s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

VCL
done

echo "acl purgers {"
for entry in $purgers; do
  # "10.0.0.0/24" is written "10.0.0.0"/24 in VCL.
  if [[ "$entry" == */* ]]; then
    echo "    \"${entry%/*}\"/${entry##*/};"
  else
    echo "    \"$entry\";"
  fi
done
echo "}"
echo

echo "sub vcl_init {"
echo "    new app = directors.round_robin();"
for index in $(seq "$number"); do
  echo "    app.add_backend(app$index);"
done
echo "}"
