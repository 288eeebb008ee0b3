# Sourced by the installation tests: each check prints PASS/FAIL and appends it to the results file.
twinprint_results=${1:-/dev/null}
twinprint_failed=0
check() { # description command...
  local what=$1; shift
  if "$@"; then
    echo "PASS $what" | tee -a "$twinprint_results"
  else
    echo "FAIL $what" | tee -a "$twinprint_results"
    twinprint_failed=1
  fi
}
