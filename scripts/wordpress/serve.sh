#!/usr/bin/env bash
# A real WordPress on loopback for tests/wordpress (Debian's packages: see README, "Embeds in a real WordPress").
#   scripts/wordpress/serve.sh <built site folder>
# Starts MariaDB (unless it already runs), gives WordPress a database and a config naming the site's port, installs
# it (once), writes its content afresh (content.php), then serves it with `php -S 127.0.0.1:$WP_PORT` until stopped.
# On SIGTERM/SIGINT it stops PHP, and MariaDB if it started it. Needs root (MariaDB's files, /etc/wordpress).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dist="$(cd "${1:?usage: serve.sh <built site folder>}" && pwd)"
WP_PORT="${RESET_WP_PORT:-8080}"
WP=/usr/share/wordpress
SOCK=/run/mysqld/mysqld.sock

if [[ ! -d "$WP" ]]; then
  echo "WordPress is not installed: apt-get install -y --no-install-recommends wordpress wordpress-theme-twentytwentythree php-cli php-mysql php-curl php-xml php-mbstring mariadb-server" >&2
  exit 1
fi
first_json="$(ls "$dist"/oembed/*.json | head -n1)"
origin="$(php -r 'echo rtrim(json_decode(file_get_contents($argv[1]), true)["provider_url"], "/");' "$first_json")"
site_port="$(php -r '$u = parse_url($argv[1]); echo $u["port"] ?? ($u["scheme"] === "https" ? 443 : 80);' "$origin")"

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# ── MariaDB, on its socket only (no TCP port to collide with) ──
if ! mysqladmin --socket="$SOCK" ping >/dev/null 2>&1; then
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  /usr/sbin/mariadbd --user=mysql --datadir=/var/lib/mysql --socket="$SOCK" --skip-networking >/tmp/reset-wp-mariadb.log 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do mysqladmin --socket="$SOCK" ping >/dev/null 2>&1 && break; sleep 0.1; done
  mysqladmin --socket="$SOCK" ping >/dev/null || { cat /tmp/reset-wp-mariadb.log >&2; exit 1; }
fi
mysql --socket="$SOCK" -e "CREATE DATABASE IF NOT EXISTS reset_wp; CREATE USER IF NOT EXISTS 'reset_wp'@'localhost' IDENTIFIED BY 'reset_wp'; GRANT ALL ON reset_wp.* TO 'reset_wp'@'localhost';"

# ── Debian's wp-config.php reads /etc/wordpress/config-<host>.php ──
config=/etc/wordpress/config-127.0.0.1.php
salt() { head -c 48 /dev/urandom | base64 | tr -d '\n/+='; }
{
  echo "<?php"
  echo "// Written by The Reset's scripts/wordpress/serve.sh for its tests."
  echo "define('DB_NAME', 'reset_wp'); define('DB_USER', 'reset_wp'); define('DB_PASSWORD', 'reset_wp'); define('DB_HOST', 'localhost');"
  echo "define('WP_HOME', 'http://127.0.0.1:$WP_PORT'); define('WP_SITEURL', 'http://127.0.0.1:$WP_PORT');"
  for k in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do echo "define('$k', '$(salt)');"; done
  echo "// No calls to wordpress.org (no network here), no cron requests to itself."
  echo "define('WP_HTTP_BLOCK_EXTERNAL', true); define('WP_ACCESSIBLE_HOSTS', '127.0.0.1,localhost');"
  echo "define('DISABLE_WP_CRON', true); define('AUTOMATIC_UPDATER_DISABLED', true);"
  echo "define('RESET_SITE_PORT', $site_port);"
} > "$config"
mkdir -p /var/lib/wordpress/wp-content/mu-plugins
cp "$here/mu-plugin.php" /var/lib/wordpress/wp-content/mu-plugins/reset-loopback.php

cd "$here"
php install.php
php content.php "$dist"
echo "WordPress on http://127.0.0.1:$WP_PORT/ embeds $origin"
php -S "127.0.0.1:$WP_PORT" -t "$WP" "$here/router.php" >/tmp/reset-wp-php.log 2>&1 &
pids+=($!)
wait "${pids[-1]}"
