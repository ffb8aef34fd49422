#!/usr/bin/env bash
# Dry run of the exit from Camunda 7 CE (end of life October 2025) to Operaton 1.x, its open-source
# successor (same engine, same database schema): copies the working tree to a temporary folder, migrates the
# copy and builds it there. Nothing here changes the repository or the main build.
#
#   scripts/operaton-dry-run.sh              # migrate, then unit tests and integration tests (browser tests skipped)
#
# Settings (environment):
#   OPERATON_VERSION   Operaton release (default: the newest 1.x that Maven Central serves)
#   DRY_RUN_MINUTES    time cap of the build (default 40); reports count what ran until then
#   DRY_RUN_BROWSER=1  include the headless Chromium tests
#   KEEP=1             keep the temporary folder (its path is printed)
#
# Operaton's OpenRewrite recipe (org.operaton:migrate-camunda-recipe) is used when Maven Central serves it;
# otherwise the script renames what Operaton's published Camunda-to-Operaton mapping renames: Java packages
# (org.camunda.bpm/spin/commons/connect -> org.operaton.*), Camunda* types -> Operaton*, the Maven
# coordinates (camunda-* -> operaton-*), the Spring Boot properties (camunda.bpm.* -> operaton.bpm.*), the
# admin group (camunda-admin -> operaton-admin) and the webapps' path and webjar folder (/camunda -> /operaton).
# BPMN files keep the camunda: extension namespace, which the Operaton 1.x engine still reads.
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
minutes=${DRY_RUN_MINUTES:-40}
central=https://repo.maven.apache.org/maven2

work=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-operaton.XXXXXX")
if [ "${KEEP:-0}" != 1 ]; then
  trap 'rm -rf "$work"' EXIT
fi
echo "== copying $src to $work"
(cd "$src" && tar --exclude=./target --exclude=./data --exclude=./.git -cf - .) | tar -xf - -C "$work"
cd "$work"

# --- which Operaton -----------------------------------------------------------------------------------------
version=${OPERATON_VERSION:-}
if [ -z "$version" ]; then
  version=$(curl -fsS -m 30 "$central/org/operaton/bpm/operaton-bom/maven-metadata.xml" 2>/dev/null \
    | grep -o '<version>1\.[0-9]*\.[0-9]*</version>' | sed 's/<[^>]*>//g' | sort -V | tail -1 || true)
fi
version=${version:-1.0.3}
./mvnw -B -q dependency:get -Dartifact="org.operaton.bpm:operaton-bom:$version:pom" -Dtransitive=false >/dev/null \
  || { echo "operaton-bom $version does not resolve"; exit 1; }
echo "== Operaton $version"

# --- migrate ------------------------------------------------------------------------------------------------
if ./mvnw -B -q dependency:get -Dartifact=org.operaton:migrate-camunda-recipe:RELEASE -Dtransitive=false >/dev/null 2>&1; then
  echo "== OpenRewrite recipe org.operaton:migrate-camunda-recipe"
  ./mvnw -B -q org.openrewrite.maven:rewrite-maven-plugin:run \
    -Drewrite.recipeArtifactCoordinates=org.operaton:migrate-camunda-recipe:RELEASE \
    -Drewrite.activeRecipes=org.operaton.rewrite.MigrateFromCamunda
else
  echo "== recipe org.operaton:migrate-camunda-recipe not served by Maven Central: scripted rename"
  # Maven coordinates
  sed -i \
    -e 's|<camunda.version>[^<]*</camunda.version>|<operaton.version>'"$version"'</operaton.version>|' \
    -e 's|\${camunda.version}|${operaton.version}|g' \
    -e 's|<groupId>org.camunda.bpm\([.a-z]*\)</groupId>|<groupId>org.operaton.bpm\1</groupId>|g' \
    -e 's|<artifactId>camunda-bom</artifactId>|<artifactId>operaton-bom</artifactId>|' \
    -e 's|<artifactId>camunda-\([a-z0-9-]*\)</artifactId>|<artifactId>operaton-\1</artifactId>|g' \
    pom.xml
  # Operaton 1.0.x ships the JUnit 5 extension as operaton-engine's classifier junit5; operaton-bpm-assert is
  # listed in its BOM but not served by Maven Central: the process tests written with BpmnAwareTests are set aside
  perl -0pi -e 's|<artifactId>operaton-bpm-junit5</artifactId>|<artifactId>operaton-engine</artifactId>\n      <classifier>junit5</classifier>|' pom.xml
  if ! ./mvnw -B -q dependency:get -Dartifact="org.operaton.bpm:operaton-bpm-assert:$version" -Dtransitive=false >/dev/null 2>&1; then
    perl -0pi -e 's|\s*<dependency>\s*<groupId>org.operaton.bpm</groupId>\s*<artifactId>operaton-bpm-assert</artifactId>.*?</dependency>||s' pom.xml
    mkdir -p set-aside
    for f in $(grep -rl 'test\.assertions' src/test/java); do
      echo "   set aside (needs operaton-bpm-assert): $f"
      mv "$f" set-aside/
    done
  fi
  # Java: packages, Camunda* types, constants and property names
  find src -name '*.java' -print0 | xargs -0 sed -i -E \
    -e 's/org\.camunda\.(bpm|spin|commons|connect)\b/org.operaton.\1/g' \
    -e 's/"org\.camunda\.\."/"org.operaton.."/g' \
    -e 's/\.instance\.camunda\./.instance.operaton./g' \
    -e 's/\bCamunda([A-Z][A-Za-z0-9]*)\b/Operaton\1/g' \
    -e 's/\b(get|set|is)Camunda([A-Z])/\1Operaton\2/g' \
    -e 's/\.camunda([A-Z][A-Za-z0-9]*)\(/.operaton\1(/g' \
    -e 's/\bCAMUNDA_ADMIN\b/OPERATON_ADMIN/g' \
    -e 's/\bcamunda\.bpm\./operaton.bpm./g' \
    -e 's/"camunda-admin"/"operaton-admin"/g'
  # configuration: camunda.bpm.* -> operaton.bpm.*
  find src -name 'application*.yml' -print0 | xargs -0 sed -i -E \
    -e 's/^camunda:/operaton:/' -e 's/\bcamunda\.bpm\./operaton.bpm./g'
  find src -name '*.properties' -print0 | xargs -0 -r sed -i -E 's/^camunda\.bpm\./operaton.bpm./'
  # the webapps live under /operaton/app, their webjar under webjars/operaton
  if [ -d src/main/resources/META-INF/resources/webjars/camunda ]; then
    mv src/main/resources/META-INF/resources/webjars/camunda src/main/resources/META-INF/resources/webjars/operaton
  fi
  grep -rlE '/camunda/(app|api|lib|assets)|webjars/camunda' src | xargs -r sed -i -E \
    -e 's#/camunda/(app|api|lib|assets)#/operaton/\1#g' -e 's#webjars/camunda#webjars/operaton#g'
  grep -rl 'application-path:/camunda' src | xargs -r sed -i 's#application-path:/camunda#application-path:/operaton#g'
  grep -rl 'camunda-admin' src | xargs -r sed -i 's/camunda-admin/operaton-admin/g'
fi
echo "== what the migration changed: $(grep -rl 'operaton' src pom.xml | wc -l) files mention operaton;" \
  "$(grep -rl 'org\.camunda' src pom.xml | wc -l) still mention org.camunda"

# --- build --------------------------------------------------------------------------------------------------
skip_browser=true
[ "${DRY_RUN_BROWSER:-0}" = 1 ] && skip_browser=false
echo "== building (unit tests and integration tests, at most $minutes minutes)"
set +e
timeout --signal=TERM --kill-after=60 "${minutes}m" ./mvnw -B verify -Dmaven.test.failure.ignore=true \
  -Dspotless.check.skip=true -Dgongkai.browser-tests.skip="$skip_browser" > build.log 2>&1
rc=$?
set -e
[ $rc = 124 ] && echo "== build stopped after $minutes minutes; the counts below are what ran until then"
grep -E '^\[ERROR\] (COMPILATION ERROR|.*\.java:\[)' build.log | head -40 || true
grep -E 'BUILD (SUCCESS|FAILURE)' build.log || true

# --- what passed ---------------------------------------------------------------------------------------------
count() {
  local dir=$1 t=0 f=0 e=0 s=0
  for x in "$dir"/TEST-*.xml; do
    [ -f "$x" ] || continue
    read -r tt ff ee ss < <(sed -n '0,/<testsuite /{s/.*<testsuite \(.*\)/\1/p}' "$x" | tr ' ' '\n' \
      | awk -F'"' '/^tests=/{t=$2}/^failures=/{f=$2}/^errors=/{e=$2}/^skipped=/{s=$2}END{print t+0,f+0,e+0,s+0}')
    t=$((t + tt)); f=$((f + ff)); e=$((e + ee)); s=$((s + ss))
  done
  echo "$t $f $e $s"
}
for kind in surefire failsafe; do
  read -r t f e s < <(count "target/$kind-reports")
  echo "== $kind: $((t - f - e - s)) passed, $f failed, $e errors, $s skipped (of $t)"
done
echo "== failing test classes:"
grep -lE '<(failure|error)[ >]' target/surefire-reports/TEST-*.xml target/failsafe-reports/TEST-*.xml 2>/dev/null \
  | sed -E 's#.*/TEST-(.*)\.xml#  \1#' || true
[ "${KEEP:-0}" = 1 ] && echo "== kept: $work (build.log, target/*-reports)"
exit 0
