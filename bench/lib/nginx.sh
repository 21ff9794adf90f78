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
  }
}
CONF
}
