# Sourced by bin/run-tests and the player's benchmark scripts: a private Xvfb display and a private
# PulseAudio daemon with a null sink, torn down again on exit. Nothing global is touched (no ~/.asoundrc,
# no shared daemon), so several runs on one machine do not disturb each other.
# JavaFX refuses every file with sound when no audio device exists; an ALSA null device does not help
# (clips end early), PulseAudio's null sink keeps real time.
# Needs the Debian packages xvfb, pulseaudio and libasound2-plugins (bin/run-tests installs them).

display_env_work=$(mktemp -d /tmp/ihati-env.XXXXXX)
display_env_pids=()
display_env_cleanup() {
  local pids=("${display_env_pids[@]}") pid alive
  if [[ -f "$display_env_work/pulse/pid" ]]; then pids+=("$(cat "$display_env_work/pulse/pid")"); fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # Wait until they have exited: a PulseAudio still shutting down writes into the folder while rm removes it
  # ("Directory not empty"), which failed a run whose tests had all passed.
  for _ in $(seq 50); do
    alive=0
    for pid in "${pids[@]}"; do if kill -0 "$pid" 2>/dev/null; then alive=1; fi; done
    ((alive)) || break
    sleep 0.1
  done
  rm -rf "$display_env_work"
}
trap display_env_cleanup EXIT

# start_display_env [WIDTHxHEIGHT]: a private X display from :90 up (exported as DISPLAY), and a private
# PulseAudio that ALSA's default device plays into (PULSE_SERVER, ALSA_CONFIG_PATH exported).
start_display_env() {
  local size=${1:-1280x1024} display=90
  while [[ -e /tmp/.X11-unix/X$display || -e /tmp/.X$display-lock ]]; do display=$((display + 1)); done
  Xvfb ":$display" -screen 0 "${size}x24" -nolisten tcp >"$display_env_work/xvfb.log" 2>&1 &
  display_env_pids+=($!)
  export DISPLAY=":$display"
  for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X$display ]] && break; sleep 0.1; done

  mkdir -p "$display_env_work/pulse"
  export PULSE_RUNTIME_PATH="$display_env_work/pulse"
  export PULSE_SERVER="unix:$display_env_work/pulse/native"
  pulseaudio --daemonize=yes --exit-idle-time=-1 -n --use-pid-file=yes \
    --load="module-null-sink sink_name=null" \
    --load="module-native-protocol-unix socket=$display_env_work/pulse/native" \
    >"$display_env_work/pulse.log" 2>&1 || echo "display-env: PulseAudio did not start (see tests needing sound)" >&2
  printf '</usr/share/alsa/alsa.conf>\npcm.!default { type pulse }\nctl.!default { type pulse }\n' \
    >"$display_env_work/asound.conf"
  export ALSA_CONFIG_PATH="$display_env_work/asound.conf"
}

# player_test_classpath: compiles the player and its tests (offline when possible) and prints the classpath
# that runs its benchmark main classes. The sibling modules (playlists, scheduler-admin) are resolved within the
# reactor (-am), so nothing needs to be installed into ~/.m2 first; the dependency plugin's version is pinned
# because Maven's default (2.8) cannot resolve in the reactor. Every module's classes are copied, so
# rebuilding during a long run is harmless.
player_test_classpath() {
  local goals=(-B -q -ntp -pl player -am test-compile
    org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath
    -DskipTests -Dmdep.outputFile=target/bench-classpath.txt)
  mvn -o "${goals[@]}" >&2 2>/dev/null || mvn "${goals[@]}" >&2
  local entry cp="" n=0
  IFS=: read -ra entries < player/target/bench-classpath.txt
  for entry in player/target/test-classes player/target/classes "${entries[@]}"; do
    if [[ -d "$entry" ]]; then
      n=$((n + 1))
      cp -r "$entry" "$display_env_work/classes-$n"
      entry="$display_env_work/classes-$n"
    fi
    cp+="${cp:+:}$entry"
  done
  echo "$cp"
}

# player_jvm_options: the JVM options of the player's systemd unit (player/dist/ihati-player.service), so that
# the benchmarks measure the process as it is deployed.
player_jvm_options() {
  sed -n 's|^ExecStart=/usr/bin/java \(.*\) -jar .*|\1|p' player/dist/ihati-player.service
}
