# Runs the host's cncfdemo services: as systemd units where systemd is the init, else under a small supervisor
# (a process group per service that restarts it when it exits, its pid in /run/cncfdemo/NAME.pid). A service is
# its script /etc/cncfdemo/services/NAME.sh.
#   sh -s -- start NAME [FILE...]   start it, or restart it when it runs but its script or FILEs changed
#   sh -s -- stop NAME...           stop them (harmless when they do not run)
#   sh -s -- wait NAME TCP-PORT|/SOCKET SECONDS   wait until it listens; else fail with the end of its log
cmd=$1; shift
run=/run/cncfdemo
logs=/var/log/cncfdemo
mkdir -p "$run" "$logs"

uses_systemd() { [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; }
unit() { echo "cncfdemo-$1.service"; }
pid_of() { cat "$run/$1.pid" 2>/dev/null; }
running() {
  if uses_systemd; then systemctl is-active --quiet "$(unit "$1")"; return; fi
  pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}
log_tail() {
  if uses_systemd; then journalctl -u "$(unit "$1")" -n 30 --no-pager 2>/dev/null
  else tail -n 30 "$logs/$1.log" 2>/dev/null; fi
}
stop_one() {
  name=$1
  if uses_systemd; then
    if [ -f "/etc/systemd/system/$(unit "$name")" ]; then
      systemctl disable --now "$(unit "$name")" >/dev/null 2>&1
      rm -f "/etc/systemd/system/$(unit "$name")"
      systemctl daemon-reload
      echo "$name stopped"
    fi
  else
    pid=$(pid_of "$name")
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -15 "-$pid" 2>/dev/null
      i=0
      while kill -0 "-$pid" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.1; i=$((i + 1)); done
      kill -9 "-$pid" 2>/dev/null
      echo "$name stopped"
    fi
  fi
  rm -f "$run/$name.pid" "$run/$name.sha"
}

case "$cmd" in
start)
  name=$1; shift
  script=/etc/cncfdemo/services/$name.sh
  [ -x "$script" ] || { echo "no service script $script" >&2; exit 1; }
  want=$(cat "$script" "$@" | sha256sum | cut -d' ' -f1)
  if running "$name" && [ "$(cat "$run/$name.sha" 2>/dev/null)" = "$want" ]; then echo unchanged; exit 0; fi
  if running "$name"; then what=restarted; else what=started; fi
  stop_one "$name" >/dev/null
  if uses_systemd; then
    {
      printf '[Unit]\nDescription=cncfdemo %s\nAfter=network-online.target\n\n[Service]\n' "$name"
      printf 'ExecStart=%s\nRestart=always\nRestartSec=2\n' "$script"
      sed -n 's/^# systemd: //p' "$script" | tr ' ' '\n'
      printf '\n[Install]\nWantedBy=multi-user.target\n'
    } > "/etc/systemd/system/$(unit "$name")"
    systemctl daemon-reload && systemctl enable --now "$(unit "$name")" >/dev/null 2>&1 || { log_tail "$name"; exit 1; }
  else
    setsid sh -c 'echo $$ > "$1"; while :; do "$2"; echo "cncfdemo: $3 exited with status $?; restarting in 2s"; sleep 2; done' \
      supervise "$run/$name.pid.new" "$script" "$name" >> "$logs/$name.log" 2>&1 < /dev/null &
    i=0
    while [ ! -s "$run/$name.pid.new" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
    mv -f "$run/$name.pid.new" "$run/$name.pid"
  fi
  echo "$want" > "$run/$name.sha"
  echo "$what"
  ;;
stop)
  for name in "$@"; do stop_one "$name"; done
  ;;
wait)
  name=$1 what=$2 seconds=$3
  hex=$(printf '%04X' "$what" 2>/dev/null)
  i=0
  while [ $i -lt $((seconds * 10)) ]; do
    case "$what" in
      /*) [ -S "$what" ] && { echo ready; exit 0; } ;;
      *) for f in /proc/net/tcp /proc/net/tcp6; do
           [ -r $f ] && awk -v p="$hex" 'NR > 1 && $4 == "0A" { split($2, a, ":"); if (a[2] == p) found = 1 } END { exit !found }' $f \
             && { echo ready; exit 0; }
         done ;;
    esac
    sleep 0.1; i=$((i + 1))
  done
  echo "$name did not listen on $what within ${seconds}s; the end of its log:" >&2
  log_tail "$name" >&2
  exit 1
  ;;
*) echo "usage: service.sh start|stop|wait ..." >&2; exit 2 ;;
esac
