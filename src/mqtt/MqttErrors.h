#pragma once

#include <QString>
#include <QStringList>

namespace tideline::mqtterrors {

// What went wrong with a connection, as the operator should read it. Every message comes from
// MqttConnection::tr (one translation context); the raw library detail goes to the log only.
struct Failure
{
    QString code; // stable: "mqtt.auth", "mqtt.tls.verify", "mqtt.refused", ...
    QString message; // translated, names the broker and what to do
    bool retryable = false; // false: retrying cannot help (credentials, TLS, unknown host)
};

// A short translated phrase for an MQTT 5 reason code ("server busy"); a hex code when unknown.
QString reasonText(int reasonCode);

// A refused CONNECT. `code` is a 3.1.1 CONNACK return code (1-5) when !mqtt5, otherwise an
// MQTT 5 reason code (>= 0x80). `endpoint` is "host:port".
Failure connackRefusal(int code, bool mqtt5, const QString &endpoint, const QString &clientId);
// A failed TLS handshake, classified from the OpenSSL text of the error(s) (never empty).
Failure tlsFailure(const QStringList &opensslErrors, const QString &endpoint);
// The other side does not speak TLS (a plain MQTT port, most likely).
Failure tlsNotTls(const QString &endpoint, const QString &reason);
// The server certificate was not accepted; `reason` is the TLS library's (translated) text.
Failure tlsUntrusted(const QString &endpoint, const QString &reason);
// The broker ended the handshake because of our client certificate (or its absence).
Failure tlsClientCertificate(const QString &endpoint, bool haveCertificate, const QString &reason);
// TLS came up fine, yet the broker closed the connection without an MQTT answer.
Failure tlsNoMqttAnswer(const QString &endpoint);
Failure tlsCaFileUnusable(const QString &path);
Failure tlsCertificateFileUnusable(const QString &path);
Failure tlsKeyUnusable(const QString &path, bool withPassphrase);
Failure connectionRefused(const QString &endpoint);
Failure unreachable(const QString &endpoint, const QString &socketError);
Failure noMqttAnswer(const QString &endpoint);
Failure unknownHost(const QString &host);
Failure lookupFailed(const QString &host, const QString &error);
Failure connectionLost(const QString &endpoint);
// An MQTT 5 DISCONNECT sent by the broker.
Failure serverDisconnect(int reasonCode, const QString &endpoint, const QString &clientId);
Failure setupFailed(const QString &endpoint, const QString &detail);
Failure invalidProfile(const QString &validationMessage);

// Translated sentence for subscribeFailed(): a SUBACK failure code (3.1.1: 0x80; 5: >= 0x80).
QString subscribeRefusal(const QString &filter, int code);
QString invalidFilter(const QString &filter);
QString publishFailure(int pahoReturnCode, int reasonCode);

// The reason field of an OpenSSL error text: "...error:CODE:LIB:FUNC:REASON[:file:line...]".
QString opensslReason(const QString &line);

} // namespace tideline::mqtterrors
