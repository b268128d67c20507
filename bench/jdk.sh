# Sourced by the bench scripts: sets JAVA_HOME to a JDK >= 21 found the way ./pathary finds one.
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for dir in /usr/lib/jvm/*; do
    if "$dir/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then export JAVA_HOME="$dir"; break; fi
  done
fi
