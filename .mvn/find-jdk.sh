# Finds a JDK 21 or newer for the build; sourced by ./mvnw and .ci/run, so the rule lives in one place.
# The build copies this file into the app image as bin/find-jdk.sh, where bin/grid sources it too. The
# jar's launcher (grid-runner, io.gridbot.runner.launch.JdkSearch) searches the same places in the same
# order.
#
#   gridbot_find_jdk   prints the folder of the JDK to use, or fails (status 1) printing nothing.
#
# JAVA_HOME wins when it is a JDK 21 or newer; otherwise the newest JDK 21 or newer among the usual places
# (the first one found on a tie). A JDK's version comes from its `release` file, so no java is run.
# GRIDBOT_JDK_DIRS, when set, replaces the usual places with its own colon-separated list of folders or
# globs (tests use it; GRIDBOT_JDK_DIRS=/nonexistent shows what happens on a machine with no such JDK).
# A folder counts when it has bin/java and bin/javac; a caller that only runs java (bin/grid) sets the
# shell variable GRIDBOT_JDK_RUN_ONLY=1 before sourcing, and then a JRE will do too.

GRIDBOT_JDK_NEEDED=21
GRIDBOT_JDK_PLACES="/usr/lib/jvm/*:/opt/java/*:/opt/jdk*:/Library/Java/JavaVirtualMachines/*/Contents/Home:${HOME:-}/.sdkman/candidates/java/*:${HOME:-}/.jdks/*"
GRIDBOT_JDK_INSTALL="install a JDK $GRIDBOT_JDK_NEEDED or newer, e.g. \`apt install openjdk-$GRIDBOT_JDK_NEEDED-jdk\` or Temurin from https://adoptium.net, or set JAVA_HOME to one"

# The major version a JDK folder's `release` file states (25 for "25.0.1", 8 for "1.8.0_392"), or nothing.
gridbot_jdk_major() {
  [ -f "$1/release" ] || return 0
  sed -n 's/^JAVA_VERSION="\(1\.\)\{0,1\}\([0-9][0-9]*\).*/\2/p' "$1/release" | head -n 1
}

gridbot_jdk_usable() {
  [ -x "$1/bin/java" ] && { [ "${GRIDBOT_JDK_RUN_ONLY:-}" = 1 ] || [ -x "$1/bin/javac" ]; }
}

gridbot_find_jdk() (
  set +f # the wrapper runs with globbing off; the places are globs
  if [ -n "${JAVA_HOME:-}" ] && gridbot_jdk_usable "$JAVA_HOME"; then
    major=$(gridbot_jdk_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge "$GRIDBOT_JDK_NEEDED" ]; then
      printf '%s\n' "$JAVA_HOME"
      return 0
    fi
  fi
  places=${GRIDBOT_JDK_DIRS-$GRIDBOT_JDK_PLACES}
  best="" best_major=0
  # Split on colons only, then expand each glob: folders with spaces stay whole.
  IFS=:
  for dir in $places; do
    gridbot_jdk_usable "$dir" || continue
    major=$(gridbot_jdk_major "$dir")
    if [ -n "$major" ] && [ "$major" -ge "$GRIDBOT_JDK_NEEDED" ] && [ "$major" -gt "$best_major" ]; then
      best=$dir best_major=$major
    fi
  done
  [ -n "$best" ] || return 1
  printf '%s\n' "$best"
)
