#!/usr/bin/env bash
# One call for GPU verification: build, run the GPU tests (tag "gpu", required to pass, not skip),
# run ./dismc info and ./dismc bench --backend cuda, print a short table. Raw logs go to $OUT (the
# device tool's output folder) or target/gpu-check/.
#
#   scripts/gpu-check.sh            build (needs JDK 17 + Maven) then run
#   scripts/gpu-check.sh prepare    build target/gpu-bundle: jar, test classes, JUnit console launcher and a
#                                   jlink'd Java runtime, for a GPU machine without JDK or network
#                                   (carry target/gpu-bundle, about 35 MB)
#   scripts/gpu-check.sh run        run from target/gpu-bundle (no Maven, no JDK needed)
#   QUICK=1 scripts/gpu-check.sh run  smaller benchmark sizes
#   DRY_RUN=1 scripts/gpu-check.sh run  rehearse this script without a GPU: against the emulating driver
#                                   (target/emulated-driver, built by mvn verify), only the tests tagged
#                                   "emulated" and the benchmark at smoke sizes
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bundle="$root/target/gpu-bundle"
logs="${OUT:-$root/target/gpu-check}"
mode="${1:-all}"
junit_version=1.14.3

prepare() {
  cd "$root"
  mvn -q -B -DskipTests package test-compile || { echo "gpu-check: build failed" >&2; exit 1; }
  rm -rf "$bundle"; mkdir -p "$bundle/lib"
  cp target/dismc-*[0-9].jar "$bundle/dismc.jar"
  cp -r target/test-classes "$bundle/tests"
  mvn -q -B dependency:copy -Dartifact=org.junit.platform:junit-platform-console-standalone:$junit_version \
      -DoutputDirectory="$bundle/lib" || { echo "gpu-check: cannot fetch the JUnit console launcher" >&2; exit 1; }
  mvn -q -B dependency:copy-dependencies -DincludeScope=test -DincludeGroupIds=org.apache.commons \
      -DoutputDirectory="$bundle/lib" >/dev/null
  # enough for the GPU tests and the benchmark (no figures: java.desktop would double the size)
  jlink --add-modules java.base,java.logging,java.management,jdk.management,jdk.incubator.vector,jdk.unsupported \
        --strip-debug --no-header-files --no-man-pages --compress=2 --output "$bundle/runtime" 2>/dev/null \
      || { echo "gpu-check: jlink failed" >&2; exit 1; }
  du -sh "$bundle" | awk '{print "gpu-check: bundle ready: " $1 " in target/gpu-bundle"}'
}

run() {
  [ -d "$bundle" ] || { echo "gpu-check: no target/gpu-bundle; run 'scripts/gpu-check.sh prepare' first" >&2; exit 1; }
  mkdir -p "$logs"
  java="$bundle/runtime/bin/java"; [ -x "$java" ] || java="java"
  export DISMC_JAR="$bundle/dismc.jar" JAVA_HOME="$bundle/runtime"
  cp_tests="$bundle/dismc.jar:$bundle/tests:$(ls "$bundle"/lib/commons-rng-*.jar | tr '\n' ':')"
  tag=gpu
  if [ -n "${DRY_RUN:-}" ]; then
    [ -f "$root/target/emulated-driver/libcuda.so.1" ] || { echo "gpu-check: no emulating driver; run mvn verify first" >&2; exit 1; }
    export LD_LIBRARY_PATH="$root/target/emulated-driver" DISMC_JAVA_OPTS="-Ddismc.bench.smoke=true"
    tag=emulated
  fi
  echo "== GPU tests" | tee "$logs/tests.txt"
  (cd "$root" && "$java" --add-modules jdk.incubator.vector -Ddismc.requireGpu=true -Djava.io.tmpdir="$(mktemp -d)" \
      -jar "$bundle"/lib/junit-platform-console-standalone-*.jar execute --class-path "$cp_tests" \
      --scan-class-path "$bundle/tests" --include-tag "$tag" --details=tree --disable-banner) >>"$logs/tests.txt" 2>&1
  tests_rc=$?
  # zero tests found is a failure too: the tag filter or the classpath is wrong
  if ! grep -qE "\[ *[1-9][0-9]* tests successful" "$logs/tests.txt"; then tests_rc=1; fi
  echo "== info" > "$logs/info.txt"; "$root/dismc" info >>"$logs/info.txt" 2>&1
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader >>"$logs/info.txt" 2>/dev/null
  quick=""; [ -n "${QUICK:-}" ] && quick="--quick"
  "$root/dismc" bench --backend cuda $quick >"$logs/bench.txt" 2>&1
  bench_rc=$?
  echo
  echo "================ gpu-check summary ($(date -u +%Y-%m-%dT%H:%MZ)) ================"
  sed -n 's/^cuda: /device:  /p' "$logs/info.txt" | head -1
  grep -E "tests (successful|failed|skipped)" "$logs/tests.txt" | sed 's/^[^0-9]*\[ *\([0-9]*\) tests \(.*\) *\]/  tests \2: \1/' || true
  echo "  GPU tests: $([ $tests_rc = 0 ] && echo PASSED || echo FAILED) (log: $logs/tests.txt)"
  echo "  bench:     $([ $bench_rc = 0 ] && echo done || echo FAILED) (log: $logs/bench.txt)"
  grep -E "^(philox|hebbian|sign_projection)|^[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ " "$logs/bench.txt" | sed 's/^/  /'
  [ $tests_rc = 0 ] && [ $bench_rc = 0 ]
}

case "$mode" in
  prepare) prepare ;;
  run) run ;;
  all) prepare && run ;;
  *) echo "usage: scripts/gpu-check.sh [prepare|run]" >&2; exit 2 ;;
esac
