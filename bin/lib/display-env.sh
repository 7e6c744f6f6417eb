# Sourced by the player's benchmark scripts: a private Xvfb display and PulseAudio with a null sink, as
# bin/run-tests sets up for the tests, torn down again on exit; and the player's test classpath.
# Needs the Debian packages xvfb, pulseaudio and libasound2-plugins (bin/run-tests installs them).

display_env_work=$(mktemp -d /tmp/ihati-bench.XXXXXX)
display_env_pids=()
display_env_asoundrc=""
display_env_cleanup() {
  for pid in "${display_env_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -n "${display_env_pulse:-}" ]] && pulseaudio --kill 2>/dev/null || true
  [[ -n "$display_env_asoundrc" ]] && rm -f "$HOME/.asoundrc"
  rm -rf "$display_env_work"
}
trap display_env_cleanup EXIT

# start_display_env [WIDTHxHEIGHT]: a private X display from :90 up, exported as DISPLAY.
start_display_env() {
  local size=${1:-1280x1024} display=90
  while [[ -e /tmp/.X11-unix/X$display || -e /tmp/.X$display-lock ]]; do display=$((display + 1)); done
  Xvfb ":$display" -screen 0 "${size}x24" -nolisten tcp >"$display_env_work/xvfb.log" 2>&1 &
  display_env_pids+=($!)
  export DISPLAY=":$display"
  for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X$display ]] && break; sleep 0.1; done
  if ! pulseaudio --check 2>/dev/null; then
    pulseaudio --daemonize=yes --exit-idle-time=-1 -n \
      --load="module-null-sink sink_name=null" --load=module-native-protocol-unix \
      >"$display_env_work/pulse.log" 2>&1 || true
    display_env_pulse=1
  fi
  if [[ ! -e "$HOME/.asoundrc" ]]; then
    printf 'pcm.!default { type pulse }\nctl.!default { type pulse }\n' >"$HOME/.asoundrc"
    display_env_asoundrc=1
  fi
}

# player_test_classpath: compiles the player and its tests (offline when possible) and prints the classpath
# that runs its benchmark main classes. The classes are copied, so rebuilding during a long run is harmless.
player_test_classpath() {
  local cpfile="$display_env_work/cp.txt"
  mvn -B -q -ntp -o -pl player -am test-compile -DskipTests >&2 2>/dev/null \
    || mvn -B -q -ntp -pl player -am test-compile -DskipTests >&2
  mvn -B -q -ntp -o -pl player dependency:build-classpath -Dmdep.outputFile="$cpfile" >&2 2>/dev/null \
    || mvn -B -q -ntp -pl player dependency:build-classpath -Dmdep.outputFile="$cpfile" >&2
  cp -r player/target/classes "$display_env_work/classes"
  cp -r player/target/test-classes "$display_env_work/test-classes"
  echo "$display_env_work/test-classes:$display_env_work/classes:$(cat "$cpfile")"
}
