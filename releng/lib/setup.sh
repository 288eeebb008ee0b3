# Sourced by releng/run and releng/test: installs what a fresh Debian machine lacks and picks a
# JDK >= 21 for Maven, Tycho and the product. Sets TWINPRINT_ROOT, JAVA_HOME and TWINPRINT_LIBPATH.

TWINPRINT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TWINPRINT_LIBPATH=/usr/lib/x86_64-linux-gnu/java/vtk-Linux-x86_64:/usr/lib/x86_64-linux-gnu/jni
export TWINPRINT_ROOT TWINPRINT_LIBPATH

twinprint_log() { echo "[twinprint] $*" >&2; }

# Debian packages the product needs: VTK and PixelMed (no Maven registry has them), GDCM's gdcmconv
# (run as a child process for JPEG-LS and 12-bit JPEG: its native code may abort), GTK 3
# for SWT, Xvfb for headless screenshots.
TWINPRINT_RUNTIME_PACKAGES=(libvtk9-java libpixelmed-java libgdcm-tools xvfb xauth libgtk-3-0 fonts-dejavu-core)

# Installs the Debian packages named that are not installed (one dpkg-query for all of them).
twinprint_install_packages() {
  local -A installed=()
  local name state missing=()
  while read -r name state; do
    [ "$state" = installed ] && installed[$name]=1
  done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null || true)
  for name in "$@"; do
    [ -n "${installed[$name]:-}" ] || missing+=("$name")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { twinprint_log "please install: ${missing[*]}"; return 1; }
    sudo=sudo
  fi
  twinprint_log "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
}

# The newest JDK of version 21 or later: JAVA_HOME if it qualifies, else one under /usr/lib/jvm.
twinprint_find_jdk() {
  local best="" best_version=0 candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = //p')
    version=${version%%.*}
    if [ -n "$version" ] && [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best=$candidate
      best_version=$version
    fi
  done
  if [ -z "$best" ]; then
    twinprint_log "no JDK 21 or later found (JAVA_HOME or /usr/lib/jvm); TwinPrint needs one to build and run"
    return 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}

twinprint_setup() {
  twinprint_install_packages "${TWINPRINT_RUNTIME_PACKAGES[@]}"
  twinprint_find_jdk
  "$TWINPRINT_ROOT/releng/lib/install-debian-jars"
}

# Where the build materialises the product (TWINPRINT_PRODUCT may point at a copy of it instead).
TWINPRINT_BUILT_PRODUCT="$TWINPRINT_ROOT/product/target/products/org.twinprint.product/linux/gtk/x86_64"
TWINPRINT_PRODUCT="${TWINPRINT_PRODUCT:-$TWINPRINT_BUILT_PRODUCT}"
TWINPRINT_REPOSITORY="$TWINPRINT_ROOT/product/target/repository"
export TWINPRINT_BUILT_PRODUCT TWINPRINT_PRODUCT TWINPRINT_REPOSITORY
