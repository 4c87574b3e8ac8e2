#!/usr/bin/env bash
# Installs BookingBot as a systemd service on a bare Debian 12 (or Ubuntu 24.04) server, from this repository.
#
#   sudo deploy/install.sh                      # SQLite in /var/lib/bookingbot (the default)
#   sudo deploy/install.sh --with-postgres      # also PostgreSQL and Redis from the distribution, on this machine
#   sudo deploy/install.sh --no-start           # install everything but do not enable or start the service
#   sudo deploy/install.sh --business salon     # one more business on this server: its own bot, settings and data
#
# BOT_TOKEN and ADMIN_IDS may be given in the environment; otherwise edit /etc/bookingbot/bookingbot.env (with
# --business NAME: /etc/bookingbot/NAME.env) afterwards. Running it again upgrades the bot in place (the settings and
# data are kept); every business on the server runs the same published bot, so one upgrade serves them all.
set -euo pipefail

with_postgres=0
start=1
business=
while [ $# -gt 0 ]; do
  case "$1" in
    --with-postgres) with_postgres=1 ;;
    --no-start) start=0 ;;
    --business)
      business="${2:-}"
      shift
      [[ "$business" =~ ^[a-z][a-z0-9-]{0,30}$ ]] || { echo "install.sh: --business needs a name of small Latin letters, digits and dashes, e.g. salon" >&2; exit 2; }
      ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

[ "$(id -u)" -eq 0 ] || { echo "install.sh: run as root (sudo)" >&2; exit 1; }
repo="$(cd "$(dirname "$0")/.." && pwd)"
app_dir=/opt/bookingbot
conf_dir=/etc/bookingbot
if [ -z "$business" ]; then
  data_dir=/var/lib/bookingbot
  log_dir=/var/log/bookingbot
  env_file="$conf_dir/bookingbot.env"
  unit=bookingbot
  db_name=bookingbot
  port=8080
else
  data_dir="/var/lib/bookingbot/$business"
  log_dir="/var/log/bookingbot/$business"
  env_file="$conf_dir/$business.env"
  unit="bookingbot@$business"
  db_name="bookingbot_${business//-/_}"
  if [ -f "$env_file" ]; then
    # Installed before: the port is whatever its settings file says (empty: the bot's default, 8080).
    port="$(sed -n 's|^URLS=http://127.0.0.1:\([0-9]*\)$|\1|p' "$env_file")"
  else
    # Each business listens on a port of its own: 8081 for the first, then the next one free.
    port=8081
    while grep -qs "^URLS=http://127.0.0.1:${port}\$" "$conf_dir"/*.env; do
      port=$((port + 1))
    done
  fi
fi

step() { printf '==> %s\n' "$*"; }

install_dotnet() {
  if command -v dotnet >/dev/null 2>&1 && dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
    step ".NET 10 SDK already present"
    return
  fi
  step "Installing the .NET 10 SDK from Microsoft's package repository"
  apt-get update -qq
  apt-get install -y -qq ca-certificates curl >/dev/null
  . /etc/os-release
  curl -fsSL "https://packages.microsoft.com/config/${ID}/${VERSION_ID}/packages-microsoft-prod.deb" -o /tmp/packages-microsoft-prod.deb
  dpkg -i /tmp/packages-microsoft-prod.deb >/dev/null
  rm -f /tmp/packages-microsoft-prod.deb
  apt-get update -qq
  apt-get install -y -qq dotnet-sdk-10.0 >/dev/null
}

install_postgres() {
  step "Installing PostgreSQL and Redis from the distribution"
  apt-get install -y -qq postgresql redis-server >/dev/null
  systemctl enable --now postgresql redis-server >/dev/null 2>&1 || true
  # A role and a database per business; the Redis keys are kept apart by each bot's id.
  if ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$db_name'\"" | grep -q 1; then
    local password
    password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
    su postgres -c "psql -q -c \"CREATE ROLE $db_name LOGIN PASSWORD '$password'\""
    su postgres -c "createdb -O $db_name $db_name"
    set_setting DATABASE_URL "postgres://${db_name}:${password}@127.0.0.1:5432/${db_name}"
    set_setting REDIS_URL "redis://127.0.0.1:6379"
  fi
}

# Writes NAME=VALUE into the settings file, replacing an earlier line of that name.
set_setting() {
  local name="$1" value="$2"
  if grep -q "^${name}=" "$env_file"; then
    sed -i "s|^${name}=.*|${name}=${value}|" "$env_file"
  else
    printf '%s=%s\n' "$name" "$value" >>"$env_file"
  fi
}

apt-get update -qq
apt-get install -y -qq tzdata >/dev/null
install_dotnet

step "Creating the bookingbot user and folders"
id bookingbot >/dev/null 2>&1 || useradd --system --home-dir /var/lib/bookingbot --shell /usr/sbin/nologin bookingbot
install -d -o bookingbot -g bookingbot -m 750 /var/lib/bookingbot /var/log/bookingbot "$data_dir" "$log_dir"
install -d -m 755 "$conf_dir"
if [ ! -f "$env_file" ]; then
  install -m 640 -g bookingbot /dev/null "$env_file"
  grep -v -e '^POSTGRES_PASSWORD=' -e 'Only for docker-compose' "$repo/deploy/.env.example" >"$env_file"
  if [ -n "${BOT_TOKEN:-}" ]; then set_setting BOT_TOKEN "$BOT_TOKEN"; fi
  if [ -n "${ADMIN_IDS:-}" ]; then set_setting ADMIN_IDS "$ADMIN_IDS"; fi
  if [ -n "$business" ]; then set_setting URLS "http://127.0.0.1:${port}"; fi
fi
if [ "$with_postgres" -eq 1 ]; then install_postgres; fi

step "Building the bot into $app_dir"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish "$repo/src/Booking.Web/Booking.Web.csproj" -c Release -o "$app_dir" --nologo -v quiet

step "Installing the systemd unit"
install -m 644 "$repo/deploy/bookingbot.service" /etc/systemd/system/bookingbot.service
install -m 644 "$repo/deploy/bookingbot@.service" /etc/systemd/system/bookingbot@.service
if [ "$start" -eq 1 ]; then
  systemctl daemon-reload
  systemctl enable "$unit" >/dev/null
  systemctl restart "$unit"
  step "Started. Logs: journalctl -u $unit -f   Health: curl -s http://127.0.0.1:${port:-8080}/health"
else
  step "Installed, not started (--no-start). Start with: systemctl daemon-reload && systemctl enable --now $unit"
fi
if grep -q 'replace-with-the-token' "$env_file"; then
  echo "Now put your bot's token and your Telegram id into $env_file, then: systemctl restart $unit"
fi
