# Sourced after setup: starts the materialised product with the Equinox launcher jar (no native
# launcher is on Maven Central). twinprint_launch APPLICATION [ARGS...]
twinprint_launch() {
  local app=$1; shift
  local launcher
  launcher=$(ls "$TWINPRINT_PRODUCT"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n 1)
  [ -n "$launcher" ] || { twinprint_log "product not built: $TWINPRINT_PRODUCT"; return 1; }
  # TWINPRINT_VMARGS: extra JVM options, e.g. -Dtwinprint.nodemo=true (split on spaces)
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" -Djava.library.path="$TWINPRINT_LIBPATH" --enable-native-access=ALL-UNNAMED ${TWINPRINT_VMARGS:-} \
    -jar "$launcher" -application "$app" -nosplash -consoleLog "$@"
}

# A Java heap sized to the data a command reads: six times the size of its input (the first
# argument after the subcommand that is an existing path; the demo CT when there is none), at least 640 MB, at most three quarters
# of the memory; compressed input gets the most. The JVM's
# own default (a quarter of the memory, grown lazily) lets the heap swell to twice what the
# work needs. Prints "-Xmx<N>m".
twinprint_heap_for() {
  local bytes=0 input="" arg
  for arg in "$@"; do
    if [ "${arg#-}" = "$arg" ] && [ -e "$arg" ]; then input=$arg; break; fi
  done
  if [ -n "$input" ]; then
    bytes=$(du -sb "$input" 2>/dev/null | cut -f1)
  fi
  if [ "$bytes" -eq 0 ]; then
    bytes=$(du -sb "$TWINPRINT_ROOT/bundles/org.twinprint.demo/data" 2>/dev/null | cut -f1)
  fi
  local mb=$((6 * bytes / 1048576))
  local total_mb=$(($(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' /proc/meminfo) / 1024))
  # compressed input says nothing of its size on disk: it may have all the heap there is
  if [ -f "$input" ]; then
    case "$input" in
      *.gz|*.zip|*.mha) mb=$total_mb ;;
      *.nrrd|*.nhdr) head -c 4096 "$input" 2>/dev/null | grep -aqi '^encoding: *gz' && mb=$total_mb ;;
    esac
  fi
  [ "$mb" -lt 640 ] && mb=640
  [ "$mb" -gt $((total_mb * 3 / 4)) ] && mb=$((total_mb * 3 / 4))
  echo "-Xmx${mb}m"
}

# JVM options for a command-line run: the heap for its input, and only the quick (C1) JIT compiler.
# A command is one pass over its data: on a small machine C2's compilations (about 5 s of CPU on the
# demo model, measured with -XX:+CITime) cost more than its faster code wins back (releng/bench).
# C1 compiles at a tenth of its usual thresholds: a loop body run once per block of a parallel loop
# otherwise waits for over a hundred calls before it is compiled, and until then each call starts up to 1024
# turns in the interpreter before it moves into the loop's compiled code (about 0.27 s less on the
# demo model, taking turns in both orders). TWINPRINT_VMARGS, coming later, can override all three.
twinprint_cli_vmargs() {
  echo "$(twinprint_heap_for "$@") -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.1"
}

# Installs a feature from a p2 repository into the product with p2's director (run by Tycho's
# director goal, so the product needs no p2 UI of its own). The plugin is there at the next start.
twinprint_install_plugin() {
  local feature=${1:-} repository="$TWINPRINT_REPOSITORY"
  [ -n "$feature" ] || { twinprint_log "usage: releng/run install-plugin <feature-id> [--repository DIR|URL]"; return 2; }
  if [ "${2:-}" = "--repository" ]; then repository=${3:?--repository needs a folder or URL}; fi
  case "$repository" in *:*) ;; *) repository="file:$(cd "$repository" && pwd)" ;; esac
  twinprint_log "installing $feature from $repository into $TWINPRINT_PRODUCT"
  (cd "$TWINPRINT_ROOT" && ./mvnw -B -q -N org.eclipse.tycho:tycho-p2-director-plugin:5.0.2:director \
    -Drepositories="$repository" -DinstallIUs="$feature.feature.group" \
    -Ddestination="$TWINPRINT_PRODUCT" -Dprofile=DefaultProfile) >&2
  twinprint_log "installed $feature; 'releng/run tools' lists its services"
}

# Builds the product when it is missing or older than any source file.
twinprint_build_if_needed() {
  [ "$TWINPRINT_PRODUCT" = "$TWINPRINT_BUILT_PRODUCT" ] || return 0  # a copy is used as it is
  local stamp="$TWINPRINT_PRODUCT/.built"
  if [ -f "$stamp" ] && [ -z "$(find "$TWINPRINT_ROOT"/{bundles,features,product,targetplatform} "$TWINPRINT_ROOT/pom.xml" \
        -newer "$stamp" -type f -not -path '*/target/*' -not -name '.*' 2>/dev/null | head -n 1)" ]; then
    return 0
  fi
  twinprint_log "building the product (first run takes a few minutes)"
  (cd "$TWINPRINT_ROOT" && ./mvnw -B -q -DskipTests clean verify) >&2  # clean: the plain-JUnit test fragments need it
  touch "$stamp"
}
