#!/bin/sh
# Runs SltMain (io.velaria.sqllogictest.SltMain) on the jars of this checkout's reactor build:
#   mvn -q -o -DskipTests -pl sqllogictest -am package
#   sqllogictest/slt.sh [SltMain options] (@fast | @all | PATH)...
# The class path is the driver's shaded -all jar, this module's jar, and the suite library
# with its two dependencies from the local Maven repository (never a jar installed from another
# checkout). SLT_JAVA_OPTS adds JVM options (default -Xmx3g).
# SLT_COPY_TO=DIR first copies these jars to DIR and runs from there, so that later builds of
# the checkout do not change the classes under a run of hours.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
m2=${M2_REPO:-$HOME/.m2/repository}
jars="$root/driver/target/velaria-jdbc-0.1.0-SNAPSHOT-all.jar
$root/sqllogictest/target/velaria-sqllogictest-0.1.0-SNAPSHOT.jar
$m2/net/hydromatic/sql-logic-test/0.3/sql-logic-test-0.3.jar
$m2/org/reflections/reflections/0.10.2/reflections-0.10.2.jar
$m2/org/javassist/javassist/3.28.0-GA/javassist-3.28.0-GA.jar
$m2/org/slf4j/slf4j-api/1.7.33/slf4j-api-1.7.33.jar"
cp=""
for j in $jars; do
  if [ ! -f "$j" ]; then
    echo "slt.sh: missing $j; build first: mvn -q -o -DskipTests -pl sqllogictest -am package" >&2
    exit 2
  fi
  if [ -n "$SLT_COPY_TO" ]; then
    mkdir -p "$SLT_COPY_TO"
    cp "$j" "$SLT_COPY_TO/"
    j="$SLT_COPY_TO/$(basename "$j")"
  fi
  cp="$cp${cp:+:}$j"
done
exec java ${SLT_JAVA_OPTS:--Xmx3g} -cp "$cp" io.velaria.sqllogictest.SltMain "$@"
