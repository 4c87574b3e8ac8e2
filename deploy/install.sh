#!/usr/bin/env bash
# Installs BookingBot as a systemd service on a bare Debian 12 (or Ubuntu 24.04) server, from this repository.
#
#   sudo deploy/install.sh                      # SQLite in /var/lib/bookingbot (the default)
#   sudo deploy/install.sh --with-postgres      # also PostgreSQL and Redis from the distribution, on this machine
#   sudo deploy/install.sh --no-start           # install everything but do not enable or start the service
#
# BOT_TOKEN and ADMIN_IDS may be given in the environment; otherwise edit /etc/bookingbot/bookingbot.env afterwards.
# Running it again upgrades the bot in place (the settings file and the data are kept).
set -euo pipefail

with_postgres=0
start=1
for arg in "$@"; do
  case "$arg" in
    --with-postgres) with_postgres=1 ;;
    --no-start) start=0 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

[ "$(id -u)" -eq 0 ] || { echo "install.sh: run as root (sudo)" >&2; exit 1; }
repo="$(cd "$(dirname "$0")/.." && pwd)"
app_dir=/opt/bookingbot
data_dir=/var/lib/bookingbot
log_dir=/var/log/bookingbot
conf_dir=/etc/bookingbot
env_file="$conf_dir/bookingbot.env"

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
  if ! su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='bookingbot'\"" | grep -q 1; then
    local password
    password="$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)"
    su postgres -c "psql -q -c \"CREATE ROLE bookingbot LOGIN PASSWORD '$password'\""
    su postgres -c "createdb -O bookingbot bookingbot"
    set_setting DATABASE_URL "postgres://bookingbot:${password}@127.0.0.1:5432/bookingbot"
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
id bookingbot >/dev/null 2>&1 || useradd --system --home-dir "$data_dir" --shell /usr/sbin/nologin bookingbot
install -d -o bookingbot -g bookingbot -m 750 "$data_dir" "$log_dir"
install -d -m 755 "$conf_dir"
if [ ! -f "$env_file" ]; then
  install -m 640 -g bookingbot /dev/null "$env_file"
  grep -v -e '^POSTGRES_PASSWORD=' -e 'Only for docker-compose' "$repo/deploy/.env.example" >"$env_file"
  if [ -n "${BOT_TOKEN:-}" ]; then set_setting BOT_TOKEN "$BOT_TOKEN"; fi
  if [ -n "${ADMIN_IDS:-}" ]; then set_setting ADMIN_IDS "$ADMIN_IDS"; fi
fi
if [ "$with_postgres" -eq 1 ]; then install_postgres; fi

step "Building the bot into $app_dir"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet publish "$repo/src/Booking.Web/Booking.Web.csproj" -c Release -o "$app_dir" --nologo -v quiet

step "Installing the systemd unit"
install -m 644 "$repo/deploy/bookingbot.service" /etc/systemd/system/bookingbot.service
if [ "$start" -eq 1 ]; then
  systemctl daemon-reload
  systemctl enable bookingbot >/dev/null
  systemctl restart bookingbot
  step "Started. Logs: journalctl -u bookingbot -f   Health: curl -s http://127.0.0.1:8080/health"
else
  step "Installed, not started (--no-start). Start with: systemctl daemon-reload && systemctl enable --now bookingbot"
fi
if grep -q 'replace-with-the-token' "$env_file"; then
  echo "Now put your bot's token and your Telegram id into $env_file, then: systemctl restart bookingbot"
fi
