#pragma once

#include "BenchSupport.h"
#include "mqtt/ConnectionProfile.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace tideline::cli {

// The benchmark's load generator: a bare MQTT 3.1.1 QoS 0 publisher over one blocking TCP
// socket. Paho spends tens of microseconds per publish (its command queue and heap tracking),
// which would make the publisher, not the subscriber under test, the bottleneck; this one
// writes pre-encoded PUBLISH packets in large chunks and costs well under a microsecond each.
// Benchmarks only: plain mqtt:// (no TLS, no WebSockets), QoS 0, no session.
class RawPublisher final
{
    Q_DECLARE_TR_FUNCTIONS(RawPublisher)

public:
    struct Result
    {
        bool connected = false;
        quint64 published = 0; // handed to the kernel's socket buffer
        double seconds = 0;    // from the first PUBLISH written to the last one sent
        QString error;         // translated; empty on success
    };

    static bool supports(const ConnectionProfile &profile);

    // Blocks: connects, publishes `count` messages of `traffic` (message n to
    // traffic.topicIndexOf(n - 1), payload traffic.payload(n)), disconnects.
    // Needs no event loop; run it on a thread of its own.
    static Result run(const ConnectionProfile &profile, const std::optional<QString> &password,
                      quint64 count, const BenchTraffic &traffic);
};

} // namespace tideline::cli
