# Networking of one host: routes to every other minion's pod subnet (marked with the route protocol 211, so that
# destroy removes exactly these); on a minion also the kernel settings pods need, two small iptables chains (pod
# egress masqueraded, pod traffic forwarded even where the FORWARD policy drops), and, on a host without a default
# route (air-gapped ones often have none), a route for the service range, without which the kernel refuses a
# connection to a service's cluster IP before kube-proxy's rules could rewrite it.
#   sh -s -- ROLE ADDRESS POD-CIDR SERVICE-CIDR "SUBNET=VIA ..."
role=$1 address=$2 pods=$3 services=$4 routes=$5
changed=""
PROTO=211
device=$(ip -o -4 addr show | awk -v a="$address" 'index($4, a "/") == 1 { print $2; exit }')
want=$(for pair in $routes; do echo "${pair%%=*} via ${pair#*=}"; done
  if [ "$role" = minion ] && [ -z "$(ip -4 route show default)" ]; then echo "$services dev $device"; fi)
want=$(echo "$want" | sed '/^$/d' | sort)
have=$(ip -4 route show proto $PROTO | awk '{ if ($2 == "via") print $1 " via " $3; else print $1 " dev " $3 }' | sort)
if [ "$want" != "$have" ]; then
  ip -4 route flush proto $PROTO 2>/dev/null
  echo "$want" | while read -r destination kind next; do
    [ -n "$destination" ] && { ip route replace "$destination" "$kind" "$next" proto $PROTO || exit 1; }
  done || exit 1
  changed="$changed routes"
fi
if [ "$role" = minion ]; then
  for module in overlay br_netfilter; do
    case $module in
      overlay) grep -qw overlay /proc/filesystems || { modprobe overlay && changed="$changed overlay"; } ;;
      br_netfilter) [ -e /proc/sys/net/bridge/bridge-nf-call-iptables ] || { modprobe br_netfilter && changed="$changed br_netfilter"; } ;;
    esac
  done
  for setting in net.ipv4.ip_forward net.bridge.bridge-nf-call-iptables; do
    file=/proc/sys/$(echo "$setting" | tr . /)
    [ "$(cat "$file")" = 1 ] || { echo 1 > "$file" && changed="$changed $setting"; }
  done
  chain() { # TABLE CHAIN PARENT RULE...
    table=$1 name=$2 parent=$3; shift 3
    if ! iptables -t "$table" -S "$name" >/dev/null 2>&1; then
      iptables -t "$table" -N "$name" || exit 1
      for rule in "$@"; do eval "iptables -t $table -A $name $rule" || exit 1; done
      changed="$changed $name"
    fi
    iptables -t "$table" -C "$parent" -j "$name" 2>/dev/null || { iptables -t "$table" -I "$parent" 1 -j "$name" || exit 1; }
  }
  chain nat CNCFDEMO-POSTROUTING POSTROUTING "-s $pods ! -d $pods -m comment --comment cncfdemo-pod-egress -j MASQUERADE"
  chain filter CNCFDEMO-FORWARD FORWARD "-s $pods -j ACCEPT" "-d $pods -j ACCEPT"
fi
if [ -n "$changed" ]; then echo "changed:$changed"; else echo unchanged; fi
