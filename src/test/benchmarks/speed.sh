#!/usr/bin/env bash
# Speed benchmark (issue 15): gongkai against a bare Camunda process (deployed into the running gongkai) and a
# bare Camunda Spring Boot app built from the same starters, side by side in one run. Builds both jars, then runs
# cn.gongkai.bench.SpeedBenchmark (JDK only) and appends the results to src/test/benchmarks/speed-results.md.
# Options are passed on: --cases=200 --warmup=40 --block=20 --startups=3 --port=18200 --only=startup|lifecycle
# JVM flags of both apps: BENCH_JVM_FLAGS (default -Xmx1g -XX:+UseSerialGC -Dfile.encoding=UTF-8 -Duser.timezone=Asia/Shanghai).
set -euo pipefail
cd "$(dirname "$0")/../../.."
offline=${BENCH_OFFLINE:+-o}
if [[ "${BENCH_SKIP_BUILD:-}" != "true" ]]; then
  ./mvnw -B -q $offline package -DskipTests
  ./mvnw -B -q $offline -f src/test/benchmarks/bare-app/pom.xml package -DskipTests
fi
exec java src/test/java/cn/gongkai/bench/SpeedBenchmark.java "$@"
