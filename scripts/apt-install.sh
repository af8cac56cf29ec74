# Sourced by scripts/test.sh: apt_install PACKAGE... installs Debian packages, waiting for another package manager run
# (unattended-upgrades, a parallel install) to release apt's and dpkg's locks instead of failing. `apt-get install` waits by
# itself (DPkg::Lock::Timeout); `apt-get update` may not honour it, so it is retried while its error is about a lock.
# SODALITE_APT_WAIT_SECONDS (default 600) bounds the wait; SODALITE_APT_RETRY_SECONDS (default 10) spaces the retries.
apt_install() {
  local wait="${SODALITE_APT_WAIT_SECONDS:-600}" step="${SODALITE_APT_RETRY_SECONDS:-10}" waited=0 out
  until out=$(apt-get -o DPkg::Lock::Timeout="$wait" update -qq 2>&1); do
    if ! grep -qi "lock" <<<"$out" || [ "$waited" -ge "$wait" ]; then
      echo "$out" >&2
      return 1
    fi
    echo "Waiting for another package manager to release its lock (${waited}s of ${wait}s)..." >&2
    sleep "$step"
    waited=$((waited + step))
  done
  DEBIAN_FRONTEND=noninteractive apt-get install -o DPkg::Lock::Timeout="$wait" -y -qq "$@" >/dev/null
}
