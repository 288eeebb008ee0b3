# Sourced by releng/test: the Debian packages the tests use as independent references, and one
# probe for each, so that a machine missing any of them fails at the start, naming the package,
# instead of deep inside one module's tests.

# package|probe (run with bash; must exit 0)
TWINPRINT_TEST_TOOLS=(
  "python3-numpy|/usr/bin/python3 -c 'import numpy'"
  "python3-pydicom|/usr/bin/python3 -c 'import pydicom'"
  "python3-gdcm|/usr/bin/python3 -c 'import gdcm'"
  "python3-savitar|/usr/bin/python3 -c 'import Savitar'"
  "python3-jsonschema|/usr/bin/python3 -c 'import jsonschema'"
  "admesh|admesh --version"
  "dcmtk|dcmdump --version && dcmcjpeg --version && dcmodify --version && dcmconv --version"
  "dicom3tools|command -v dciodvfy"
  "libgdcm-tools|gdcmconv --version"
  "orthanc|/usr/sbin/Orthanc --version"
  "orthanc-dicomweb|test -f /usr/share/orthanc/plugins/libOrthancDicomWeb.so"
  "xvfb|command -v xvfb-run && command -v Xvfb"
  "xauth|command -v xauth"
  "nodejs|command -v node && command -v npm"
  "chromium|command -v chromium"
  "python3-pil|/usr/bin/python3 -c 'import PIL'"
  "poppler-utils|command -v pdftoppm && command -v pdffonts && command -v pdftotext"
)

# npm packages the tests use as references (pinned), installed into out/node-tools.
TWINPRINT_NODE_TOOLS=(gltf-validator@2.0.0-dev.3.10)

twinprint_test_packages() {
  local entry
  for entry in "${TWINPRINT_TEST_TOOLS[@]}"; do echo "${entry%%|*}"; done
}

# Runs every probe; names each package whose probe fails and returns 1 if any did.
twinprint_check_test_tools() {
  local entry package probe failed=()
  for entry in "${TWINPRINT_TEST_TOOLS[@]}"; do
    package=${entry%%|*}
    probe=${entry#*|}
    if ! bash -c "$probe" >/dev/null 2>&1; then
      twinprint_log "missing for the tests: Debian package $package (this failed: $probe)"
      failed+=("$package")
    fi
  done
  if [ ${#failed[@]} -gt 0 ]; then
    twinprint_log "install them with: apt-get install ${failed[*]}"
    return 1
  fi
}

# Where the npm reference tools live: out/ of the checkout (not committed).
twinprint_node_dir() { echo "$TWINPRINT_ROOT/out/node-tools"; }

# Installs the npm reference tools if any is missing, then checks that node can load each.
twinprint_install_node_tools() {
  local spec name missing=0 TWINPRINT_NODE_DIR
  TWINPRINT_NODE_DIR=$(twinprint_node_dir)
  for spec in "${TWINPRINT_NODE_TOOLS[@]}"; do
    name=${spec%@*}
    [ -f "$TWINPRINT_NODE_DIR/node_modules/$name/package.json" ] || missing=1
  done
  if [ $missing -eq 1 ]; then
    twinprint_log "installing npm packages for the tests: ${TWINPRINT_NODE_TOOLS[*]}"
    mkdir -p "$TWINPRINT_NODE_DIR"
    npm install --silent --no-audit --no-fund --prefix "$TWINPRINT_NODE_DIR" "${TWINPRINT_NODE_TOOLS[@]}" >&2 || {
      twinprint_log "could not install ${TWINPRINT_NODE_TOOLS[*]} from the npm registry"; return 1; }
  fi
  for spec in "${TWINPRINT_NODE_TOOLS[@]}"; do
    name=${spec%@*}
    node -e "require('$TWINPRINT_NODE_DIR/node_modules/$name')" >/dev/null 2>&1 || {
      twinprint_log "missing for the tests: npm package $spec (node cannot load it from $TWINPRINT_NODE_DIR)"; return 1; }
  done
}
