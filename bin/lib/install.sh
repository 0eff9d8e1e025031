# Sourced by bin/run and bin/test: finds what Herald needs and is missing on this machine, and installs it with
# apt-get (Debian, Ubuntu), or names it and stops where there is no apt-get.
#
#   herald_install run    what bin/run needs: a JDK 17+, Maven, Redis, PostgreSQL, curl
#   herald_install test   that, plus the servers and the browser the tests start
#
# Nothing is installed when everything is there. Each need is a command or file to look for, what to tell a person,
# and the Debian packages that provide it (alternatives separated by "|": the first one apt knows is taken, as a
# later release may carry another JDK or rename a package).

herald_needs=()

herald_need() { # what packages
  herald_needs+=("$1=$2")
}

herald_java_major() { # the major version of the javac on the PATH, 0 without one
  local version
  version=$(javac -version 2>&1 | awk '/^javac / {print $2}') || true
  version=${version#1.}
  echo "${version%%[.-]*}" | grep -E '^[0-9]+$' || echo 0
}

herald_redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
herald_pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

herald_find_needs() { # run|test
  herald_needs=()
  if [ "$(herald_java_major)" -lt 17 ]; then
    herald_need "JDK 17 or later (java, javac)" "openjdk-17-jdk-headless|openjdk-21-jdk-headless"
  fi
  command -v mvn >/dev/null || herald_need "Maven 3.8+ (mvn)" maven
  command -v curl >/dev/null || herald_need "curl" curl
  # A server already answering (say in a container) is used as it is: only its client tools are needed then.
  if ! command -v redis-server >/dev/null && ! { command -v redis-cli >/dev/null && herald_redis_up; }; then
    herald_need "Redis 7 (redis-server, redis-cli)" redis-server
  elif ! command -v redis-cli >/dev/null; then
    herald_need "redis-cli" redis-tools
  fi
  if ! command -v pg_ctlcluster >/dev/null && ! { command -v pg_isready >/dev/null && herald_pg_up; }; then
    herald_need "PostgreSQL 15 (server, psql, createdb, pg_isready)" postgresql
  elif ! command -v psql >/dev/null || ! command -v createdb >/dev/null || ! command -v pg_isready >/dev/null; then
    herald_need "PostgreSQL client (psql, createdb, pg_isready)" postgresql-client
  fi
  [ "$1" = test ] || return 0

  # Probe tests run real servers: nginx (HTTP, TLS, ActiveSync), dnsmasq, dovecot (IMAP, POP3), postfix (SMTP).
  command -v nginx >/dev/null || herald_need "nginx" "nginx-light|nginx"
  command -v dnsmasq >/dev/null || herald_need "dnsmasq" dnsmasq-base
  [ -x /usr/lib/dovecot/imap ] || herald_need "dovecot IMAP" dovecot-imapd
  [ -x /usr/lib/dovecot/pop3 ] || herald_need "dovecot POP3" dovecot-pop3d
  [ -x /usr/sbin/postfix ] || herald_need "postfix" postfix
  command -v openssl >/dev/null || herald_need "openssl" openssl
  command -v wrk >/dev/null || herald_need "wrk" wrk
  # Browser tests drive Debian's Chromium through its matching chromedriver, at these paths.
  [ -x /usr/bin/chromium ] || herald_need "Chromium at /usr/bin/chromium" chromium
  [ -x /usr/bin/chromedriver ] || herald_need "chromedriver at /usr/bin/chromedriver" chromium-driver
}

herald_list_needs() {
  local need alternatives
  for need in "${herald_needs[@]}"; do
    alternatives=${need#*=}
    echo "  - ${need%%=*}: Debian/Ubuntu package ${alternatives//|/ or }"
  done
}

herald_apt_knows() { # package: true when apt has a version of it to install
  LC_ALL=C apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [^(]'
}

herald_choose_packages() { # fills the caller's packages (first alternative apt knows) and missing (none known)
  local need alternatives package choice
  for need in "${herald_needs[@]}"; do
    alternatives=${need#*=}
    choice=
    for package in ${alternatives//|/ }; do
      if herald_apt_knows "$package"; then choice=$package; break; fi
    done
    if [ -n "$choice" ]; then packages+=("$choice"); else missing+=("$need"); fi
  done
}

herald_install() { # run|test
  herald_find_needs "$1"
  [ ${#herald_needs[@]} -gt 0 ] || return 0

  if ! command -v apt-get >/dev/null; then
    echo "Herald needs these, and this machine has no apt-get to install them: install them, then run again." >&2
    herald_list_needs >&2
    exit 1
  fi
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "Herald needs these; run this script as root to install them with apt-get, or install them:" >&2
      herald_list_needs >&2
      exit 1
    fi
    sudo=(sudo)
  fi

  echo "Installing what Herald needs and this machine lacks (apt-get):"
  herald_list_needs
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q </dev/null

  local packages=() missing=()
  herald_choose_packages
  if [ ${#missing[@]} -gt 0 ]; then
    # apt's lists on disk can be partial (an update cut short, lists half-cleaned by an image build) while the
    # release files look current, so apt-get update fetches nothing more: start the lists afresh, once.
    echo "apt knows no candidate for some of these; fetching apt's package lists afresh" >&2
    "${sudo[@]}" rm -rf /var/lib/apt/lists/partial /var/lib/apt/lists/*_Packages* /var/lib/apt/lists/*Release*
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q -o Acquire::Retries=3 </dev/null
    packages=() missing=()
    herald_choose_packages
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    herald_needs=("${missing[@]}")
    LC_ALL=C apt-cache policy "${missing[0]##*=}" 2>&1 | sed 's/^/    apt-cache policy: /' >&2 || true
    echo "apt-get has no package for these; install them another way, then run again:" >&2
    herald_list_needs >&2
    case " ${missing[*]} " in
      *chromium*) echo "  (Ubuntu ships Chromium only as a snap; the browser tests need Debian's chromium and" \
        "chromium-driver at /usr/bin/chromium and /usr/bin/chromedriver, as in a Debian container.)" >&2 ;;
    esac
    exit 1
  fi

  if [[ " ${packages[*]} " == *" postfix "* ]]; then
    # postfix asks how it should deliver mail; "Local only" is what the tests expect.
    echo "postfix postfix/main_mailer_type select Local only" | "${sudo[@]}" debconf-set-selections
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${packages[@]}" </dev/null

  herald_use_installed_jdk
  herald_find_needs "$1"
  if [ ${#herald_needs[@]} -gt 0 ]; then
    echo "Still missing after apt-get install:" >&2
    herald_list_needs >&2
    exit 1
  fi
  herald_warn_old_versions
}

# An older default java may stay first on the PATH after a JDK 17 or 21 was installed beside it.
herald_use_installed_jdk() {
  [ "$(herald_java_major)" -lt 17 ] || return 0
  local home
  for home in /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/java-21-openjdk-*; do
    if [ -x "$home/bin/javac" ]; then
      export JAVA_HOME=$home PATH=$home/bin:$PATH
      echo "Using the JDK in $JAVA_HOME"
      return 0
    fi
  done
}

herald_warn_old_versions() {
  local maven redis
  # mvn -v colours its first line on some terminals: match the number anywhere in it.
  maven=$(mvn -v 2>/dev/null | sed -n 's/.*Apache Maven \([0-9][0-9]*\.[0-9][0-9]*\).*/\1/p' | head -1)
  if [ -n "$maven" ] && ! printf '%s\n' 3.8 "$maven" | sort -V -C; then
    echo "Warning: Maven $maven is older than the 3.8 Herald is built with; if the build fails, install a newer" \
      "Maven from https://maven.apache.org/download.cgi" >&2
  fi
  redis=$(redis-server --version 2>/dev/null | sed -n 's/.* v=\([0-9]*\).*/\1/p')
  if [ -n "$redis" ] && [ "$redis" -lt 7 ]; then
    echo "Warning: Redis $redis is older than the Redis 7 Herald is built and tested with." >&2
  fi
}
