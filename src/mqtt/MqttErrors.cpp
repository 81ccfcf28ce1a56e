#include "MqttErrors.h"

#include "MqttConnection.h"

#include <MQTTAsync.h>
#include <MQTTReasonCodes.h>

using namespace Qt::StringLiterals;

namespace tideline::mqtterrors {

namespace {

// 3.1.1 CONNACK return codes expressed as their MQTT 5 equivalents, so one table serves both.
int toV5(int connackCode)
{
    switch (connackCode) {
    case 1:
        return MQTTREASONCODE_UNSUPPORTED_PROTOCOL_VERSION;
    case 2:
        return MQTTREASONCODE_CLIENT_IDENTIFIER_NOT_VALID;
    case 3:
        return MQTTREASONCODE_SERVER_UNAVAILABLE;
    case 4:
        return MQTTREASONCODE_BAD_USER_NAME_OR_PASSWORD;
    case 5:
        return MQTTREASONCODE_NOT_AUTHORIZED;
    default:
        return MQTTREASONCODE_UNSPECIFIED_ERROR;
    }
}

} // namespace

QString reasonText(int reasonCode)
{
    switch (reasonCode) {
    case MQTTREASONCODE_UNSPECIFIED_ERROR:
        return MqttConnection::tr("unspecified error");
    case MQTTREASONCODE_MALFORMED_PACKET:
        return MqttConnection::tr("malformed packet");
    case MQTTREASONCODE_PROTOCOL_ERROR:
        return MqttConnection::tr("protocol error");
    case MQTTREASONCODE_IMPLEMENTATION_SPECIFIC_ERROR:
        return MqttConnection::tr("implementation-specific error");
    case MQTTREASONCODE_UNSUPPORTED_PROTOCOL_VERSION:
        return MqttConnection::tr("unsupported protocol version");
    case MQTTREASONCODE_CLIENT_IDENTIFIER_NOT_VALID:
        return MqttConnection::tr("client ID not valid");
    case MQTTREASONCODE_BAD_USER_NAME_OR_PASSWORD:
        return MqttConnection::tr("bad username or password");
    case MQTTREASONCODE_NOT_AUTHORIZED:
        return MqttConnection::tr("not authorised");
    case MQTTREASONCODE_SERVER_UNAVAILABLE:
        return MqttConnection::tr("server unavailable");
    case MQTTREASONCODE_SERVER_BUSY:
        return MqttConnection::tr("server busy");
    case MQTTREASONCODE_BANNED:
        return MqttConnection::tr("banned");
    case MQTTREASONCODE_SERVER_SHUTTING_DOWN:
        return MqttConnection::tr("server shutting down");
    case MQTTREASONCODE_BAD_AUTHENTICATION_METHOD:
        return MqttConnection::tr("bad authentication method");
    case MQTTREASONCODE_KEEP_ALIVE_TIMEOUT:
        return MqttConnection::tr("keep-alive timeout");
    case MQTTREASONCODE_SESSION_TAKEN_OVER:
        return MqttConnection::tr("session taken over");
    case MQTTREASONCODE_TOPIC_FILTER_INVALID:
        return MqttConnection::tr("topic filter invalid");
    case MQTTREASONCODE_TOPIC_NAME_INVALID:
        return MqttConnection::tr("topic name invalid");
    case MQTTREASONCODE_PACKET_IDENTIFIER_IN_USE:
        return MqttConnection::tr("packet identifier in use");
    case MQTTREASONCODE_PACKET_IDENTIFIER_NOT_FOUND:
        return MqttConnection::tr("packet identifier not found");
    case MQTTREASONCODE_RECEIVE_MAXIMUM_EXCEEDED:
        return MqttConnection::tr("receive maximum exceeded");
    case MQTTREASONCODE_TOPIC_ALIAS_INVALID:
        return MqttConnection::tr("topic alias invalid");
    case MQTTREASONCODE_PACKET_TOO_LARGE:
        return MqttConnection::tr("packet too large");
    case MQTTREASONCODE_MESSAGE_RATE_TOO_HIGH:
        return MqttConnection::tr("message rate too high");
    case MQTTREASONCODE_QUOTA_EXCEEDED:
        return MqttConnection::tr("quota exceeded");
    case MQTTREASONCODE_ADMINISTRATIVE_ACTION:
        return MqttConnection::tr("administrative action");
    case MQTTREASONCODE_PAYLOAD_FORMAT_INVALID:
        return MqttConnection::tr("payload format invalid");
    case MQTTREASONCODE_RETAIN_NOT_SUPPORTED:
        return MqttConnection::tr("retain not supported");
    case MQTTREASONCODE_QOS_NOT_SUPPORTED:
        return MqttConnection::tr("QoS not supported");
    case MQTTREASONCODE_USE_ANOTHER_SERVER:
        return MqttConnection::tr("use another server");
    case MQTTREASONCODE_SERVER_MOVED:
        return MqttConnection::tr("server moved");
    case MQTTREASONCODE_SHARED_SUBSCRIPTIONS_NOT_SUPPORTED:
        return MqttConnection::tr("shared subscriptions not supported");
    case MQTTREASONCODE_CONNECTION_RATE_EXCEEDED:
        return MqttConnection::tr("connection rate exceeded");
    case MQTTREASONCODE_MAXIMUM_CONNECT_TIME:
        return MqttConnection::tr("maximum connect time");
    case MQTTREASONCODE_SUBSCRIPTION_IDENTIFIERS_NOT_SUPPORTED:
        return MqttConnection::tr("subscription identifiers not supported");
    case MQTTREASONCODE_WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED:
        return MqttConnection::tr("wildcard subscriptions not supported");
    default:
        return MqttConnection::tr("reason code 0x%1").arg(reasonCode, 2, 16, QLatin1Char('0'));
    }
}

Failure connackRefusal(int code, bool mqtt5, const QString &endpoint, const QString &clientId)
{
    const int reason = mqtt5 ? code : toV5(code);
    switch (reason) {
    case MQTTREASONCODE_BAD_USER_NAME_OR_PASSWORD:
        return { u"mqtt.auth"_s, MqttConnection::tr("Wrong username or password for %1.").arg(endpoint),
                 false };
    case MQTTREASONCODE_NOT_AUTHORIZED:
        // Mosquitto answers a wrong password with "not authorised", so name both causes.
        return { u"mqtt.notauthorized"_s,
                 MqttConnection::tr(
                     "%1 refused the connection: not authorised. Check the username or password, and "
                     "that the broker allows this client.")
                     .arg(endpoint),
                 false };
    case MQTTREASONCODE_UNSUPPORTED_PROTOCOL_VERSION:
        return { u"mqtt.version"_s,
                 MqttConnection::tr("%1 does not accept this MQTT version. Choose the other protocol version "
                                    "(3.1.1 or 5) in the connection settings.")
                     .arg(endpoint),
                 false };
    case MQTTREASONCODE_CLIENT_IDENTIFIER_NOT_VALID:
        return { u"mqtt.clientid"_s,
                 MqttConnection::tr(
                     "%1 rejected the client ID \"%2\". Use another client ID, or leave it empty to "
                     "generate one.")
                     .arg(endpoint, clientId),
                 false };
    case MQTTREASONCODE_BANNED:
        return { u"mqtt.banned"_s, MqttConnection::tr("%1 has banned this client.").arg(endpoint), false };
    case MQTTREASONCODE_BAD_AUTHENTICATION_METHOD:
        return { u"mqtt.authmethod"_s,
                 MqttConnection::tr("%1 does not accept the authentication method.").arg(endpoint), false };
    case MQTTREASONCODE_USE_ANOTHER_SERVER:
    case MQTTREASONCODE_SERVER_MOVED:
        return { u"mqtt.moved"_s,
                 MqttConnection::tr("%1 asks clients to use another server (%2).")
                     .arg(endpoint, reasonText(reason)),
                 false };
    case MQTTREASONCODE_PAYLOAD_FORMAT_INVALID:
    case MQTTREASONCODE_RETAIN_NOT_SUPPORTED:
    case MQTTREASONCODE_QOS_NOT_SUPPORTED:
        return { u"mqtt.will"_s,
                 MqttConnection::tr(
                     "%1 refused the last will message (%2). Change or turn off the last will in the "
                     "connection settings.")
                     .arg(endpoint, reasonText(reason)),
                 false };
    case MQTTREASONCODE_UNSPECIFIED_ERROR:
    case MQTTREASONCODE_IMPLEMENTATION_SPECIFIC_ERROR:
    case MQTTREASONCODE_SERVER_UNAVAILABLE:
    case MQTTREASONCODE_SERVER_BUSY:
    case MQTTREASONCODE_SERVER_SHUTTING_DOWN:
    case MQTTREASONCODE_QUOTA_EXCEEDED:
    case MQTTREASONCODE_CONNECTION_RATE_EXCEEDED:
        return { u"mqtt.unavailable"_s,
                 MqttConnection::tr("%1 cannot take the connection right now (%2).")
                     .arg(endpoint, reasonText(reason)),
                 true };
    default:
        return { u"mqtt.connack"_s,
                 MqttConnection::tr("%1 refused the connection (%2).").arg(endpoint, reasonText(reason)),
                 false };
    }
}

QString opensslReason(const QString &line)
{
    // ERR_print_errors: "<thread>:error:<code>:<library>:<function>:<reason>:<file>:<line>:"
    // Qt:               "Error during SSL handshake: error:<code>:<library>:<function>:<reason>"
    const qsizetype at = line.indexOf(u"error:"_s);
    if (at < 0)
        return line.trimmed();
    const QStringList fields = line.mid(at + 6).split(u':');
    if (fields.size() > 3 && !fields[3].trimmed().isEmpty())
        return fields[3].trimmed();
    for (qsizetype i = fields.size() - 1; i >= 0; --i) {
        if (!fields[i].trimmed().isEmpty())
            return fields[i].trimmed();
    }
    return line.trimmed();
}

Failure tlsFailure(const QStringList &opensslErrors, const QString &endpoint)
{
    QStringList reasons;
    for (const QString &line : opensslErrors) {
        const QString r = opensslReason(line);
        if (!r.isEmpty() && !reasons.contains(r))
            reasons << r;
    }
    const QString all = reasons.join(u"; "_s);
    const auto has = [&all](QLatin1StringView needle) { return all.contains(needle, Qt::CaseInsensitive); };

    if (has("certificate verify failed"_L1))
        return { u"mqtt.tls.verify"_s,
                 MqttConnection::tr(
                     "TLS: the certificate of %1 could not be verified. It is not signed by a trusted "
                     "CA, or it does not match the host name. Check the CA file, or turn off server "
                     "verification only if you trust this broker.")
                     .arg(endpoint),
                 false };
    if (has("key values mismatch"_L1))
        return { u"mqtt.tls.keymismatch"_s,
                 MqttConnection::tr(
                     "TLS: the client certificate and the private key do not belong together."),
                 false };
    if (has("bad decrypt"_L1) || has("bad password"_L1) || has("maybe wrong password"_L1))
        return { u"mqtt.tls.passphrase"_s,
                 MqttConnection::tr(
                     "TLS: the private key could not be decrypted. Is the key passphrase right?"),
                 false };
    if (has("no such file"_L1) || has("no start line"_L1) || has("BIO"_L1) || has("PEM"_L1)
        || has("system lib"_L1))
        return { u"mqtt.tls.files"_s,
                 MqttConnection::tr(
                     "TLS: a certificate or key file could not be loaded (%1). Check the files in the "
                     "connection settings.")
                     .arg(all),
                 false };
    if (has("wrong version number"_L1) || has("packet length too long"_L1) || has("unexpected eof"_L1)
        || has("record layer failure"_L1))
        return tlsNotTls(endpoint, all);
    if (has("alert"_L1))
        return { u"mqtt.tls.rejected"_s,
                 MqttConnection::tr(
                     "TLS: %1 rejected the handshake (%2). It may require a client certificate, or not "
                     "accept the one given.")
                     .arg(endpoint, all),
                 false };
    return { u"mqtt.tls"_s, MqttConnection::tr("TLS: the handshake with %1 failed (%2).").arg(endpoint, all),
             false };
}

Failure tlsNotTls(const QString &endpoint, const QString &reason)
{
    return { u"mqtt.tls.notls"_s,
             MqttConnection::tr("TLS: the handshake with %1 failed (%2). Is this a TLS port? For a plain "
                                "MQTT port use mqtt://.")
                 .arg(endpoint, reason),
             false };
}

Failure tlsUntrusted(const QString &endpoint, const QString &reason)
{
    return { u"mqtt.tls.verify"_s,
             MqttConnection::tr(
                 "TLS: the certificate of %1 could not be verified (%2). Check the CA file, or "
                 "turn off server verification only if you trust this broker.")
                 .arg(endpoint, reason),
             false };
}

Failure tlsClientCertificate(const QString &endpoint, bool haveCertificate, const QString &reason)
{
    if (!haveCertificate)
        return { u"mqtt.tls.clientcert"_s,
                 MqttConnection::tr("TLS: %1 requires a client certificate. Set the certificate and its key "
                                    "in the connection settings.")
                     .arg(endpoint),
                 false };
    return { u"mqtt.tls.clientcert"_s,
             MqttConnection::tr("TLS: %1 did not accept the client certificate (%2).").arg(endpoint, reason),
             false };
}

Failure tlsNoMqttAnswer(const QString &endpoint)
{
    return { u"mqtt.noanswer"_s,
             MqttConnection::tr("%1 completed the TLS handshake but closed the connection without an MQTT "
                                "answer.")
                 .arg(endpoint),
             true };
}

Failure tlsCaFileUnusable(const QString &path)
{
    return { u"mqtt.tls.files"_s,
             MqttConnection::tr("TLS: the CA file \"%1\" contains no PEM certificate.").arg(path), false };
}

Failure tlsCertificateFileUnusable(const QString &path)
{
    return {
        u"mqtt.tls.files"_s,
        MqttConnection::tr("TLS: the client certificate file \"%1\" contains no PEM certificate.").arg(path),
        false
    };
}

Failure tlsKeyUnusable(const QString &path, bool withPassphrase)
{
    if (withPassphrase)
        return { u"mqtt.tls.passphrase"_s,
                 MqttConnection::tr(
                     "TLS: the private key \"%1\" could not be decrypted. Is the key passphrase "
                     "right?")
                     .arg(path),
                 false };
    return { u"mqtt.tls.files"_s,
             MqttConnection::tr(
                 "TLS: the private key \"%1\" could not be read. It is not a PEM private key, or "
                 "it needs a passphrase.")
                 .arg(path),
             false };
}

Failure connectionRefused(const QString &endpoint)
{
    return { u"mqtt.refused"_s,
             MqttConnection::tr("Connection refused by %1 (is the broker running?)").arg(endpoint), true };
}

Failure unreachable(const QString &endpoint, const QString &socketError)
{
    return { u"mqtt.unreachable"_s, MqttConnection::tr("Could not reach %1 (%2).").arg(endpoint, socketError),
             true };
}

Failure noMqttAnswer(const QString &endpoint)
{
    return { u"mqtt.noanswer"_s,
             MqttConnection::tr(
                 "%1 accepted the connection but closed it without an MQTT answer. Is this an MQTT "
                 "port (or a TLS-only one: then use mqtts://)?")
                 .arg(endpoint),
             true };
}

Failure unknownHost(const QString &host)
{
    return { u"mqtt.unknownhost"_s,
             MqttConnection::tr(
                 "Unknown host \"%1\": the name could not be resolved. Check the broker address.")
                 .arg(host),
             false };
}

Failure lookupFailed(const QString &host, const QString &error)
{
    return { u"mqtt.lookup"_s, MqttConnection::tr("Could not look up the host \"%1\" (%2).").arg(host, error),
             true };
}

Failure connectionLost(const QString &endpoint)
{
    return { u"mqtt.lost"_s, MqttConnection::tr("Lost the connection to %1.").arg(endpoint), true };
}

Failure serverDisconnect(int reasonCode, const QString &endpoint, const QString &clientId)
{
    if (reasonCode == MQTTREASONCODE_SESSION_TAKEN_OVER)
        // Reconnecting would only throw the other client out again, and so on forever.
        return { u"mqtt.takenover"_s,
                 MqttConnection::tr(
                     "Another client connected to %1 with the same client ID \"%2\", so the broker "
                     "closed this connection.")
                     .arg(endpoint, clientId),
                 false };
    return { u"mqtt.serverdisconnect"_s,
             MqttConnection::tr("%1 closed the connection (%2).").arg(endpoint, reasonText(reasonCode)),
             true };
}

Failure setupFailed(const QString &endpoint, const QString &detail)
{
    return { u"mqtt.setup"_s,
             MqttConnection::tr("Could not start the MQTT client for %1 (%2).").arg(endpoint, detail),
             false };
}

Failure invalidProfile(const QString &validationMessage)
{
    return { u"mqtt.profile"_s, validationMessage, false };
}

QString subscribeRefusal(const QString &filter, int code)
{
    switch (code) {
    case 0x80: // 3.1.1 "failure" and MQTT 5 "unspecified error" share the value
        return MqttConnection::tr("The broker refused the subscription to \"%1\".").arg(filter);
    case MQTTREASONCODE_NOT_AUTHORIZED:
        return MqttConnection::tr("Not authorised to subscribe to \"%1\".").arg(filter);
    case MQTTREASONCODE_TOPIC_FILTER_INVALID:
        return MqttConnection::tr("The broker does not accept the topic filter \"%1\".").arg(filter);
    case MQTTREASONCODE_SHARED_SUBSCRIPTIONS_NOT_SUPPORTED:
        return MqttConnection::tr("The broker does not support shared subscriptions (\"%1\").").arg(filter);
    case MQTTREASONCODE_WILDCARD_SUBSCRIPTIONS_NOT_SUPPORTED:
        return MqttConnection::tr("The broker does not support wildcard subscriptions (\"%1\").").arg(filter);
    case MQTTREASONCODE_QUOTA_EXCEEDED:
        return MqttConnection::tr("The broker refused the subscription to \"%1\": quota exceeded.")
            .arg(filter);
    default:
        return MqttConnection::tr("The broker refused the subscription to \"%1\" (%2).")
            .arg(filter, reasonText(code));
    }
}

QString invalidFilter(const QString &filter)
{
    return MqttConnection::tr(
               "\"%1\" is not a valid topic filter: \"#\" must be the whole last level and \"+\" a "
               "whole level.")
        .arg(filter);
}

QString publishFailure(int pahoReturnCode, int reasonCode)
{
    if (reasonCode >= 0x80)
        return MqttConnection::tr("The broker refused the message (%1).").arg(reasonText(reasonCode));
    switch (pahoReturnCode) {
    case MQTTASYNC_DISCONNECTED:
    case MQTTASYNC_OPERATION_INCOMPLETE:
        return MqttConnection::tr("The connection closed before the message was delivered.");
    case MQTTASYNC_BAD_UTF8_STRING:
        return MqttConnection::tr("The topic is not valid UTF-8.");
    case MQTTASYNC_BAD_QOS:
        return MqttConnection::tr("The QoS must be 0, 1 or 2.");
    case MQTTASYNC_MAX_MESSAGES_INFLIGHT:
    case MQTTASYNC_MAX_BUFFERED_MESSAGES:
        return MqttConnection::tr("Too many messages are waiting to be sent; try again in a moment.");
    default:
        return MqttConnection::tr("The message could not be sent (error %1).").arg(pahoReturnCode);
    }
}

} // namespace tideline::mqtterrors
