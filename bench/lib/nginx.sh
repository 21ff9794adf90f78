# The reference: nginx serving the app's own response bytes as static files, started by this run as its own
# process (own config, pid and log files under bench/work/nginx), listening on 127.0.0.1 only. Never the
# system service.

NGINX_DIR=
NGINX_PID=

nginx_bin() { command -v nginx 2>/dev/null || echo /usr/sbin/nginx; }

nginx_start() {
  NGINX_DIR="$WORK/nginx"
  mkdir -p "$NGINX_DIR/root" "$NGINX_DIR/logs" "$NGINX_DIR/tmp"
  chmod 755 "$NGINX_DIR" "$NGINX_DIR/root"
  write_nginx_headers >"$NGINX_DIR/headers.conf"
  write_nginx_conf >"$NGINX_DIR/nginx.conf"
  log "starting nginx on $NGINX_URL (config $NGINX_DIR/nginx.conf)"
  "$(nginx_bin)" -p "$NGINX_DIR/" -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/logs/error.log"
  for _ in $(seq 1 50); do
    [ -s "$NGINX_DIR/nginx.pid" ] && break
    sleep 0.1
  done
  NGINX_PID=$(cat "$NGINX_DIR/nginx.pid") || die "nginx did not start; see $NGINX_DIR/logs/error.log"
  remember_pid "$NGINX_PID"
}

nginx_stop() {
  [ -n "$NGINX_PID" ] || return 0
  log "stopping nginx (pid $NGINX_PID)"
  stop_pid "$NGINX_PID"
  NGINX_PID=
}

# The headers the app puts on a cached answer (those of GET /api/v1/summary: freshness, Cache-Control, Vary, CORS,
# security headers) as add_header lines, so that both sides send about the same header bytes; nginx adds its own
# ETag, Last-Modified, Content-Type and Content-Length.
write_nginx_headers() {
  local headers="$WORK/nginx-app-headers.txt"
  curl -s -o /dev/null -D "$headers" --max-time 10 "$APP_URL/api/v1/summary" || true
  tr -d '\r' <"$headers" | awk -F': ' '
    tolower($1) ~ /^(cache-control|vary|x-data-version|x-data-as-of|access-control-allow-origin|access-control-expose-headers|x-content-type-options|content-security-policy|referrer-policy|x-frame-options)$/ {
      value = substr($0, length($1) + 3); gsub(/"/, "\\\"", value); printf "add_header %s \"%s\";\n", $1, value }'
}

# Static files, no access log, keep-alive connections kept open as long as the app keeps them, and the same
# number of worker processes as cores: nginx at its best, the limit the app is compared with.
write_nginx_conf() {
  cat <<CONF
worker_processes auto;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  open_file_cache max=64 inactive=60s;
  client_body_temp_path $NGINX_DIR/tmp/client;
  proxy_temp_path $NGINX_DIR/tmp/proxy;
  fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
  uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
  scgi_temp_path $NGINX_DIR/tmp/scgi;
  types { application/json json; }
  default_type application/json;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $NGINX_DIR/root;
    include $NGINX_DIR/headers.conf;
  }
}
CONF
}
