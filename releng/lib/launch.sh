# Sourced after setup: starts the materialised product with the Equinox launcher jar (no native
# launcher is on Maven Central). twinprint_launch APPLICATION [ARGS...]
twinprint_launch() {
  local app=$1; shift
  local launcher
  launcher=$(ls "$TWINPRINT_PRODUCT"/plugins/org.eclipse.equinox.launcher_*.jar 2>/dev/null | head -n 1)
  [ -n "$launcher" ] || { twinprint_log "product not built: $TWINPRINT_PRODUCT"; return 1; }
  "$JAVA_HOME/bin/java" -Djava.library.path="$TWINPRINT_LIBPATH" --enable-native-access=ALL-UNNAMED \
    -jar "$launcher" -application "$app" -nosplash -consoleLog "$@"
}

# Builds the product when it is missing or older than any source file.
twinprint_build_if_needed() {
  local stamp="$TWINPRINT_PRODUCT/.built"
  if [ -f "$stamp" ] && [ -z "$(find "$TWINPRINT_ROOT"/{bundles,features,product,targetplatform} "$TWINPRINT_ROOT/pom.xml" \
        -newer "$stamp" -type f -not -path '*/target/*' -not -name '.*' 2>/dev/null | head -n 1)" ]; then
    return 0
  fi
  twinprint_log "building the product (first run takes a few minutes)"
  (cd "$TWINPRINT_ROOT" && ./mvnw -B -q -DskipTests verify) >&2
  touch "$stamp"
}
