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
)

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
