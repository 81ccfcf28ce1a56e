#pragma once

#include <QString>

namespace tideline::detail {

// Turns Nagle's algorithm off (TCP_NODELAY) on this process's TCP sockets connected to
// `host`:`port` (any address when `host` is a name rather than an IP address), and returns how
// many it changed. Linux only (it walks /proc/self/fd); elsewhere it does nothing and returns 0.
//
// Why: Paho C 1.3.12 leaves Nagle on and offers no option for it (eclipse-paho/paho.mqtt.c#530).
// A connection that also receives what it publishes then sends small PUBACKs and PUBLISHes
// interleaved, and each QoS 1/2 publish can wait for the broker's 40 ms delayed ACK: a burst
// at 1,000 msgs/s arrived at about 220. The sockets are Paho's own; only their option changes.
int disableNagle(const QString &host, quint16 port);

} // namespace tideline::detail
