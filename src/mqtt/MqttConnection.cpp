#include "MqttConnection.h"

#include "MqttErrors.h"
#include "PahoBridge.h"
#include "SocketTuning.h"
#include "core/Logging.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QHostInfo>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <optional>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

constexpr int ConnectTimeoutSeconds = 10;
constexpr int ProbeTimeoutMs = 5000;
constexpr int TlsRejectWindowMs = 1000;
constexpr int BusyRetryMs = 50;
constexpr int MaxBusyRetries = 100;
// Paho queues at most this many outgoing messages; bursts from the CLI need room.
constexpr int MaxBufferedMessages = 10000;
constexpr int DisconnectTimeoutMs = 500;
constexpr int DestructorWaitMs = 1000;
const auto SysFilter = u"$SYS/#"_s;

QString generatedClientId()
{
    static constexpr char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString id = u"tideline-"_s;
    for (int i = 0; i < 10; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof(alphabet) - 1))]);
    return id;
}

std::string toStd(const QByteArray &bytes)
{
    return std::string(bytes.constData(), size_t(bytes.size()));
}

std::string toStdPath(const QString &path)
{
    return toStd(QFile::encodeName(path));
}

// "host:port" as shown in messages ("[::1]:1883" for IPv6).
QString endpointOf(const ConnectionProfile &profile)
{
    const QString host = profile.host();
    const QString port = QString::number(profile.port());
    if (host.contains(u':'))
        return u'[' + host + u"]:"_s + port;
    return host + u':' + port;
}

} // namespace

using State = MqttConnection::State;
namespace errors = mqtterrors;

// Owns the Paho client, the reconnect policy and the subscription list of one MqttConnection.
// Everything here runs on the owner's thread except what the bridge forwards.
class MqttConnectionPrivate
{
public:
    MqttConnectionPrivate(MqttConnection *owner, ConnectionProfile p, std::shared_ptr<MessageInbox> in);

    void open();
    void close();
    void shutdown();
    void subscribe(const Subscription &subscription);
    void unsubscribe(const QString &filter);
    quint64 publish(const QByteArray &topic, const QByteArray &payload, int qos, bool retain,
                    const MessageProperties &properties);
    int secondsUntilReconnect() const;

    bool isMqtt5() const { return profile.version == ConnectionProfile::Version::Mqtt5; }
    void setState(State next);

    void startAttempt();
    void onLookup(quint64 attemptId, const QHostInfo &info);
    bool ensureClient();
    mqtt::connect_options buildOptions() const;
    void connectNow();
    void onAction(const detail::ActionResult &r);
    void onConnectResult(const detail::ActionResult &r);
    enum class ProbeOutcome { Open, Untrusted, Error };
    std::optional<errors::Failure> tlsConfiguration(QSslConfiguration &config) const;
    void startProbe(quint64 attemptId, const QString &detail);
    void onProbeResult(quint64 attemptId, ProbeOutcome outcome, QAbstractSocket::SocketError error,
                       const QString &errorString, const QString &detail);
    void stopProbe();
    void onConnectionLost(const QString &cause);
    void onServerDisconnect(int reasonCode);
    void fail(const errors::Failure &failure, const QString &detail);
    void scheduleReconnect();
    void stopReconnectWait();
    void restoreSubscriptions(bool sessionPresent);
    void sendSubscribe(const QString &filter, int qos);
    void onSubscribeResult(const detail::ActionResult &r);
    void emitQueued(std::function<void()> fn);
    void hangUp();
    void resumeIfIdle();

    MqttConnection *const q;
    const ConnectionProfile profile;
    const QString endpoint; // "host:port" for messages
    QString clientId;
    QString password;
    QString keyPassphrase;

    std::shared_ptr<MessageInbox> inbox;
    std::shared_ptr<detail::PahoBridge> bridge;
    // Declared before the client: Paho holds a reference to it until the client is gone.
    std::unique_ptr<detail::ActionListener> listener;
    std::unique_ptr<mqtt::async_client> client;

    State state = State::Disconnected;
    QString lastError;
    QString lastErrorCode;
    bool wantConnected = false;
    quint64 attempt = 0; // bumps on each connect attempt and on close(): older results are stale
    int failures = 0; // consecutive, drives the backoff
    int busyRetries = 0; // connect() refused while Paho still processes a disconnect
    // Paho gets one connect or disconnect at a time: a connect asked for while the previous one
    // (or a disconnect) is still out waits for it, so that results never cross.
    bool connectPending = false;
    bool disconnectPending = false;
    bool startWhenIdle = false;
    int lookupId = -1;
    QTcpSocket *probe = nullptr; // diagnoses a failed connect (a QSslSocket for TLS)
    bool probeEncrypted = false;
    QTimer probeTimer;
    QTimer reconnectTimer;
    QTimer countdownTimer;
    QDeadlineTimer reconnectDeadline;

    QList<Subscription> subscriptions;
    QSet<QString> activeFilters; // acknowledged by the broker in the current session
    bool sysActive = false;
    quint64 nextPublishId = 1;
};

MqttConnectionPrivate::MqttConnectionPrivate(MqttConnection *owner, ConnectionProfile p,
                                             std::shared_ptr<MessageInbox> in)
    : q(owner)
    , profile(std::move(p))
    , endpoint(endpointOf(profile))
    , clientId(profile.clientId.isEmpty() ? generatedClientId() : profile.clientId)
    , inbox(in ? std::move(in) : std::make_shared<MessageInbox>())
    , bridge(std::make_shared<detail::PahoBridge>(owner, inbox))
    , subscriptions(profile.subscriptions)
{
    listener
        = std::make_unique<detail::ActionListener>([b = bridge, this](const mqtt::token &token, bool ok) {
              // Paho's thread: copy the outcome out of the token, then hand it over.
              b->post([this, r = detail::toActionResult(token, ok)] { onAction(r); });
          });

    reconnectTimer.setSingleShot(true);
    QObject::connect(&reconnectTimer, &QTimer::timeout, q, [this] {
        countdownTimer.stop();
        Q_EMIT q->reconnectCountdownChanged(-1);
        startAttempt();
    });
    countdownTimer.setInterval(1000);
    QObject::connect(&countdownTimer, &QTimer::timeout, q,
                     [this] { Q_EMIT q->reconnectCountdownChanged(secondsUntilReconnect()); });
    probeTimer.setSingleShot(true);
}

void MqttConnectionPrivate::setState(State next)
{
    if (next == state)
        return;
    qCDebug(lcMqtt).noquote() << endpoint << "state" << MqttConnection::stateName(state) << "->"
                              << MqttConnection::stateName(next);
    state = next;
    Q_EMIT q->stateChanged(next);
}

void MqttConnectionPrivate::emitQueued(std::function<void()> fn)
{
    // Results of a call are always reported later, never from inside the call.
    QMetaObject::invokeMethod(q, std::move(fn), Qt::QueuedConnection);
}

void MqttConnectionPrivate::open()
{
    if (wantConnected)
        return; // already connecting, connected or waiting to reconnect
    lastError.clear();
    lastErrorCode.clear();
    failures = 0;
    const QString invalid = profile.validate();
    if (!invalid.isEmpty()) {
        fail(errors::invalidProfile(invalid), u"profile does not validate"_s);
        return;
    }
    wantConnected = true;
    setState(State::Connecting);
    startAttempt();
}

void MqttConnectionPrivate::startAttempt()
{
    stopReconnectWait();
    stopProbe();
    ++attempt;
    busyRetries = 0;
    const QString host = profile.host();
    if (!QHostAddress(host).isNull()) {
        connectNow();
        return;
    }
    // Resolving first gives "unknown host" its own message; Paho would only say "connect failure".
    const quint64 id = attempt;
    lookupId = QHostInfo::lookupHost(host, q, [this, id](const QHostInfo &info) { onLookup(id, info); });
}

void MqttConnectionPrivate::onLookup(quint64 attemptId, const QHostInfo &info)
{
    if (attemptId != attempt || !wantConnected)
        return;
    lookupId = -1;
    if (info.error() == QHostInfo::NoError && !info.addresses().isEmpty()) {
        connectNow();
        return;
    }
    const QString detail = u"host lookup: "_s + info.errorString();
    if (info.error() == QHostInfo::HostNotFound)
        fail(errors::unknownHost(profile.host()), detail);
    else
        fail(errors::lookupFailed(profile.host(), info.errorString()), detail);
}

bool MqttConnectionPrivate::ensureClient()
{
    if (client)
        return true;
    try {
        mqtt::create_options options(isMqtt5() ? MQTTVERSION_5 : MQTTVERSION_3_1_1);
        options.set_send_while_disconnected(false);
        options.set_max_buffered_messages(MaxBufferedMessages);
        client = std::make_unique<mqtt::async_client>(profile.pahoUri().toStdString(), clientId.toStdString(),
                                                      options, nullptr);
    } catch (const mqtt::exception &e) {
        fail(errors::setupFailed(endpoint, QString::fromStdString(e.get_message())),
             QString::fromStdString(e.what()));
        return false;
    }
    // Paho's threads: push messages, post everything else. Nothing here touches a QObject.
    const std::shared_ptr<detail::PahoBridge> b = bridge;
    client->set_message_callback([b](mqtt::const_message_ptr message) { b->deliver(message); });
    client->set_connection_lost_handler([b, this](const std::string &cause) {
        b->post([this, c = QString::fromStdString(cause)] { onConnectionLost(c); });
    });
    client->set_disconnected_handler([b, this](const mqtt::properties &, mqtt::ReasonCode reason) {
        b->post([this, r = int(reason)] { onServerDisconnect(r); });
    });
    return true;
}

mqtt::connect_options MqttConnectionPrivate::buildOptions() const
{
    mqtt::connect_options o;
    o.set_mqtt_version(isMqtt5() ? MQTTVERSION_5 : MQTTVERSION_3_1_1);
    o.set_keep_alive_interval(profile.keepAliveSeconds);
    o.set_connect_timeout(ConnectTimeoutSeconds);
    o.set_automatic_reconnect(false); // our own backoff, visible as a countdown
    if (isMqtt5()) {
        o.set_clean_start(profile.cleanStart);
        if (profile.sessionExpirySeconds > 0) {
            mqtt::properties props;
            props.add(mqtt::property(mqtt::property::SESSION_EXPIRY_INTERVAL,
                                     int32_t(profile.sessionExpirySeconds)));
            o.set_properties(std::move(props));
        }
    } else {
        o.set_clean_session(profile.cleanStart);
    }
    if (!profile.username.isEmpty())
        o.set_user_name(profile.username.toStdString());
    if (!password.isEmpty())
        o.set_password(password.toStdString());
    if (profile.will.enabled) {
        o.set_will(mqtt::will_options(profile.will.topic.toStdString(), profile.will.payload.constData(),
                                      size_t(profile.will.payload.size()), profile.will.qos,
                                      profile.will.retain));
    }
    if (profile.usesTls()) {
        mqtt::ssl_options ssl;
        if (!profile.caFile.isEmpty())
            ssl.set_trust_store(toStdPath(profile.caFile));
        if (!profile.clientCertFile.isEmpty()) {
            ssl.set_key_store(toStdPath(profile.clientCertFile));
            ssl.set_private_key(toStdPath(profile.clientKeyFile));
        }
        if (!keyPassphrase.isEmpty())
            ssl.set_private_key_password(keyPassphrase.toStdString());
        // Off only by the operator's explicit choice (the UI shows a warning for it).
        ssl.set_enable_server_cert_auth(profile.verifyServer);
        ssl.set_verify(profile.verifyServer);
        o.set_ssl(std::move(ssl));
    }
    return o;
}

void MqttConnectionPrivate::connectNow()
{
    if (connectPending || disconnectPending) {
        startWhenIdle = true;
        return;
    }
    if (!ensureClient())
        return;
    try {
        client->connect(buildOptions(), detail::toContext(attempt), *listener);
        connectPending = true;
        qCDebug(lcMqtt).noquote() << "connecting to" << profile.pahoUri() << "as" << clientId << "MQTT"
                                  << (isMqtt5() ? "5" : "3.1.1");
    } catch (const mqtt::exception &e) {
        if (e.get_return_code() == MQTTASYNC_COMMAND_IGNORED && busyRetries < MaxBusyRetries) {
            // Paho is still finishing the disconnect of a close() just before: ask again shortly.
            ++busyRetries;
            QTimer::singleShot(BusyRetryMs, q, [this, id = attempt] {
                if (id == attempt && wantConnected)
                    connectNow();
            });
            return;
        }
        fail(errors::setupFailed(endpoint, QString::fromStdString(e.get_message())),
             QString::fromStdString(e.what()));
    }
}

void MqttConnectionPrivate::onAction(const detail::ActionResult &r)
{
    switch (r.type) {
    case mqtt::token::CONNECT:
        onConnectResult(r);
        break;
    case mqtt::token::SUBSCRIBE:
        onSubscribeResult(r);
        break;
    case mqtt::token::PUBLISH:
        Q_EMIT q->publishFinished(r.context, r.ok,
                                  r.ok ? QString() : errors::publishFailure(r.returnCode, r.reasonCode));
        break;
    case mqtt::token::UNSUBSCRIBE:
        if (!r.ok)
            qCInfo(lcMqtt).noquote() << endpoint << "unsubscribe" << r.topics << "failed: rc" << r.returnCode
                                     << "reason" << r.reasonCode << r.pahoMessage;
        break;
    case mqtt::token::DISCONNECT:
        disconnectPending = false;
        resumeIfIdle();
        break;
    }
}

void MqttConnectionPrivate::resumeIfIdle()
{
    if (!startWhenIdle || connectPending || disconnectPending)
        return;
    startWhenIdle = false;
    if (wantConnected)
        connectNow();
}

void MqttConnectionPrivate::onConnectResult(const detail::ActionResult &r)
{
    connectPending = false;
    if (!wantConnected) {
        if (r.ok)
            hangUp(); // a connect that completed after close()
        resumeIfIdle();
        return;
    }
    if (r.context != attempt) {
        // A connect from before a quick close() and open(); ours has not been sent yet.
        if (!r.ok) {
            resumeIfIdle();
            return;
        }
        // It got through: same client, same profile, so it is as good as ours.
        ++attempt;
        startWhenIdle = false;
        if (lookupId >= 0) {
            QHostInfo::abortHostLookup(lookupId);
            lookupId = -1;
        }
        stopReconnectWait();
        stopProbe();
    }
    if (r.ok) {
        failures = 0;
        lastError.clear();
        lastErrorCode.clear();
        qCInfo(lcMqtt).noquote() << "connected to" << endpoint << "as" << clientId
                                 << "session present:" << r.sessionPresent;
        // Paho leaves Nagle on (SocketTuning.h): small PUBLISHes and PUBACKs would wait for the
        // broker's delayed ACK. Each connect is a new socket, so every time.
        detail::disableNagle(profile.host(), quint16(profile.port()));
        setState(State::Connected);
        if (state == State::Connected) // a slot may have closed us already
            restoreSubscriptions(r.sessionPresent);
        return;
    }
    const QString detail
        = u"paho rc %1, reason %2: %3"_s.arg(r.returnCode).arg(r.reasonCode).arg(r.pahoMessage);
    // A CONNACK refusal: 3.1.1 puts its return code (1-5) in rc; MQTT 5 a reason code >= 0x80.
    if (r.returnCode > 0 || r.reasonCode >= 0x80) {
        const int code = isMqtt5() ? (r.reasonCode >= 0x80 ? r.reasonCode : r.returnCode) : r.returnCode;
        fail(errors::connackRefusal(code, isMqtt5(), endpoint, clientId), detail);
        return;
    }
    // Paho says "TCP/TLS connect failure" for a refused port, a distrusted certificate and a
    // rejected client certificate alike, and its TLS error callback cannot be used safely (Paho
    // C++ 1.2 hands the C library a pointer into a temporary). So one diagnostic connection of
    // our own, with the same TLS settings, tells the cases apart; only after a failure.
    startProbe(attempt, detail);
}

std::optional<errors::Failure> MqttConnectionPrivate::tlsConfiguration(QSslConfiguration &config) const
{
    config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(profile.verifyServer ? QSslSocket::VerifyPeer : QSslSocket::VerifyNone);
    if (!profile.caFile.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(profile.caFile, QSsl::Pem);
        if (cas.isEmpty())
            return errors::tlsCaFileUnusable(profile.caFile);
        config.setCaCertificates(cas);
    }
    if (profile.clientCertFile.isEmpty())
        return std::nullopt;
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(profile.clientCertFile, QSsl::Pem);
    if (chain.isEmpty())
        return errors::tlsCertificateFileUnusable(profile.clientCertFile);
    config.setLocalCertificateChain(chain);
    QFile keyFile(profile.clientKeyFile);
    const QByteArray pem = keyFile.open(QIODevice::ReadOnly) ? keyFile.readAll() : QByteArray();
    for (const QSsl::KeyAlgorithm algorithm : { QSsl::Rsa, QSsl::Ec, QSsl::Dsa }) {
        const QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey, keyPassphrase.toUtf8());
        if (!key.isNull()) {
            config.setPrivateKey(key);
            return std::nullopt;
        }
    }
    return errors::tlsKeyUnusable(profile.clientKeyFile, !keyPassphrase.isEmpty());
}

void MqttConnectionPrivate::startProbe(quint64 attemptId, const QString &detail)
{
    stopProbe();
    probeEncrypted = false;
    if (profile.usesTls()) {
        QSslConfiguration config;
        if (const std::optional<errors::Failure> problem = tlsConfiguration(config)) {
            fail(*problem, detail + u"; TLS files rejected by QSslCertificate/QSslKey"_s);
            return;
        }
        auto *socket = new QSslSocket(q);
        socket->setSslConfiguration(config);
        QObject::connect(
            socket, &QSslSocket::sslErrors, q, [this, attemptId, detail](const QList<QSslError> &list) {
                QStringList reasons;
                for (const QSslError &e : list)
                    reasons << e.errorString();
                onProbeResult(attemptId, ProbeOutcome::Untrusted, QAbstractSocket::SslHandshakeFailedError,
                              reasons.join(u"; "_s), detail);
            });
        QObject::connect(socket, &QSslSocket::encrypted, q, [this] {
            // The handshake passed on our side; a broker that rejects the client certificate
            // says so right after (TLS 1.3), so listen a moment longer.
            probeEncrypted = true;
            probeTimer.start(TlsRejectWindowMs);
        });
        probe = socket;
    } else {
        probe = new QTcpSocket(q);
        QObject::connect(probe, &QTcpSocket::connected, q, [this, attemptId, detail] {
            onProbeResult(attemptId, ProbeOutcome::Open, QAbstractSocket::UnknownSocketError, QString(),
                          detail);
        });
    }
    QObject::connect(probe, &QAbstractSocket::errorOccurred, q,
                     [this, attemptId, detail](QAbstractSocket::SocketError error) {
                         onProbeResult(attemptId, ProbeOutcome::Error, error,
                                       probe ? probe->errorString() : QString(), detail);
                     });
    probeTimer.disconnect();
    QObject::connect(&probeTimer, &QTimer::timeout, q, [this, attemptId, detail] {
        if (probeEncrypted)
            onProbeResult(attemptId, ProbeOutcome::Open, QAbstractSocket::UnknownSocketError, QString(),
                          detail);
        else
            onProbeResult(attemptId, ProbeOutcome::Error, QAbstractSocket::SocketTimeoutError,
                          MqttConnection::tr("no answer within %1 s").arg(ProbeTimeoutMs / 1000), detail);
    });
    probeTimer.start(ProbeTimeoutMs);
    if (auto *socket = qobject_cast<QSslSocket *>(probe))
        socket->connectToHostEncrypted(profile.host(), quint16(profile.port()));
    else
        probe->connectToHost(profile.host(), quint16(profile.port()));
}

void MqttConnectionPrivate::stopProbe()
{
    probeTimer.stop();
    if (!probe)
        return;
    QTcpSocket *socket = std::exchange(probe, nullptr);
    socket->disconnect(q);
    socket->abort();
    socket->deleteLater(); // we may be inside one of its signals
}

void MqttConnectionPrivate::onProbeResult(quint64 attemptId, ProbeOutcome outcome,
                                          QAbstractSocket::SocketError error, const QString &errorString,
                                          const QString &detail)
{
    if (attemptId != attempt || !wantConnected)
        return;
    const bool tls = profile.usesTls();
    const bool afterHandshake = probeEncrypted;
    stopProbe();
    const QString probeDetail = detail + (tls ? u"; tls probe: "_s : u"; tcp probe: "_s)
        + (outcome == ProbeOutcome::Open
               ? u"open"_s
               : u"error %1 (%2)%3"_s.arg(int(error))
                     .arg(errorString, afterHandshake ? u" after the handshake"_s : QString()));
    switch (outcome) {
    case ProbeOutcome::Untrusted:
        fail(errors::tlsUntrusted(endpoint, errorString), probeDetail);
        return;
    case ProbeOutcome::Open:
        // The port (and TLS) work now: the broker dropped MQTT, or it has just come up.
        fail(tls ? errors::tlsNoMqttAnswer(endpoint) : errors::noMqttAnswer(endpoint), probeDetail);
        return;
    case ProbeOutcome::Error:
        break;
    }
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        fail(errors::connectionRefused(endpoint), probeDetail);
        return;
    case QAbstractSocket::HostNotFoundError:
        fail(errors::unknownHost(profile.host()), probeDetail);
        return;
    case QAbstractSocket::SocketTimeoutError:
    case QAbstractSocket::NetworkError:
        fail(errors::unreachable(endpoint, errorString), probeDetail);
        return;
    default:
        break;
    }
    if (!tls) {
        fail(errors::unreachable(endpoint, errorString), probeDetail);
        return;
    }
    if (!afterHandshake && error == QAbstractSocket::RemoteHostClosedError) {
        // Hung up on our ClientHello: whatever listens there does not speak TLS.
        fail(errors::tlsNotTls(endpoint, errorString), probeDetail);
        return;
    }
    const QString reason = errors::opensslReason(errorString);
    const bool aboutClientCertificate = reason.contains(u"certificate required"_s)
        || reason.contains(u"bad certificate"_s) || reason.contains(u"unknown ca"_s)
        || reason.contains(u"certificate unknown"_s) || reason.contains(u"handshake failure"_s)
        || (afterHandshake && error == QAbstractSocket::RemoteHostClosedError);
    if (aboutClientCertificate)
        fail(errors::tlsClientCertificate(endpoint, !profile.clientCertFile.isEmpty(), reason), probeDetail);
    else
        fail(errors::tlsFailure({ errorString }, endpoint), probeDetail);
}

void MqttConnectionPrivate::onConnectionLost(const QString &cause)
{
    if (state != State::Connected)
        return; // already handled (server DISCONNECT), or we closed it ourselves
    failures = 0;
    fail(errors::connectionLost(endpoint),
         u"connection lost: "_s + (cause.isEmpty() ? u"(no cause)"_s : cause));
}

void MqttConnectionPrivate::onServerDisconnect(int reasonCode)
{
    if (state != State::Connected)
        return;
    failures = 0;
    fail(errors::serverDisconnect(reasonCode, endpoint, clientId),
         u"broker sent DISCONNECT, reason 0x%1"_s.arg(reasonCode, 2, 16, QLatin1Char('0')));
}

void MqttConnectionPrivate::fail(const errors::Failure &failure, const QString &detail)
{
    // The log has the raw detail (never a password: options are not logged), the UI the message.
    qCWarning(lcMqtt).noquote() << endpoint << failure.code
                                << (failure.retryable && profile.autoReconnect && wantConnected
                                        ? "(will retry)"
                                        : "(giving up)")
                                << "-" << detail;
    lastError = failure.message;
    lastErrorCode = failure.code;
    const QPointer<MqttConnection> guard(q);
    Q_EMIT q->errorOccurred(failure.message);
    if (!guard)
        return;
    if (failure.retryable && profile.autoReconnect && wantConnected) {
        scheduleReconnect();
        return;
    }
    wantConnected = false;
    stopReconnectWait();
    stopProbe();
    // A lost connection may leave Paho half-open; make sure nothing lingers.
    hangUp();
    setState(failure.retryable ? State::Disconnected : State::Failed);
}

void MqttConnectionPrivate::scheduleReconnect()
{
    const int minSeconds = std::max(1, profile.reconnectMinSeconds);
    const int maxSeconds = std::max(minSeconds, profile.reconnectMaxSeconds);
    qint64 delay = minSeconds;
    for (int i = 0; i < failures && delay < maxSeconds; ++i)
        delay *= 2;
    delay = std::min<qint64>(delay, maxSeconds);
    ++failures;
    reconnectDeadline.setRemainingTime(delay * 1000);
    reconnectTimer.start(std::chrono::milliseconds(delay * 1000));
    countdownTimer.start();
    qCInfo(lcMqtt).noquote() << "reconnecting to" << endpoint << "in" << delay << "s";
    setState(State::Reconnecting);
    Q_EMIT q->reconnectCountdownChanged(secondsUntilReconnect());
}

void MqttConnectionPrivate::stopReconnectWait()
{
    const bool wasWaiting = reconnectTimer.isActive();
    reconnectTimer.stop();
    countdownTimer.stop();
    if (wasWaiting)
        Q_EMIT q->reconnectCountdownChanged(-1);
}

int MqttConnectionPrivate::secondsUntilReconnect() const
{
    if (!reconnectTimer.isActive())
        return -1;
    const qint64 ms = std::max<qint64>(0, reconnectDeadline.remainingTime());
    return int((ms + 999) / 1000);
}

void MqttConnectionPrivate::hangUp()
{
    if (!client)
        return;
    try {
        if (client->is_connected()) {
            client->disconnect(DisconnectTimeoutMs, nullptr, *listener);
            disconnectPending = true;
        }
    } catch (const mqtt::exception &e) {
        qCDebug(lcMqtt).noquote() << endpoint << "disconnect:" << e.what();
    }
}

void MqttConnectionPrivate::close()
{
    wantConnected = false;
    startWhenIdle = false;
    ++attempt;
    if (lookupId >= 0) {
        QHostInfo::abortHostLookup(lookupId);
        lookupId = -1;
    }
    stopReconnectWait();
    stopProbe();
    hangUp();
    setState(State::Disconnected);
}

void MqttConnectionPrivate::shutdown()
{
    bridge->detach();
    wantConnected = false;
    ++attempt;
    if (lookupId >= 0)
        QHostInfo::abortHostLookup(lookupId);
    reconnectTimer.stop();
    countdownTimer.stop();
    probeTimer.stop();
    delete std::exchange(probe, nullptr); // not inside its signal: we are in the destructor
    if (client) {
        // The only wait on this thread: a clean DISCONNECT (no last will), bounded to ~1 s.
        // Destroying Paho's last client also stops its worker threads, which Paho polls in
        // 100 ms steps; keeping an idle client alive would avoid that, but a long-lived receive
        // thread notices new sockets only at its next 1 s select() timeout, so every connect
        // would then take a second.
        try {
            // Timeout 0: send DISCONNECT now rather than wait for messages still in flight.
            if (client->is_connected())
                client->disconnect(0)->wait_for(std::chrono::milliseconds(DestructorWaitMs));
        } catch (const mqtt::exception &e) {
            qCDebug(lcMqtt).noquote() << endpoint << "disconnect on destruction:" << e.what();
        }
        client.reset(); // pending actions fail into the listener, which the detached bridge ignores
    }
    listener.reset();
}

void MqttConnectionPrivate::restoreSubscriptions(bool sessionPresent)
{
    if (!sessionPresent) {
        activeFilters.clear();
        sysActive = false;
    }
    const QList<Subscription> toSend = subscriptions;
    for (const Subscription &s : toSend) {
        if (!activeFilters.contains(s.filter))
            sendSubscribe(s.filter, s.qos);
    }
    if (profile.subscribeSys && !sysActive)
        sendSubscribe(SysFilter, 0);
}

void MqttConnectionPrivate::sendSubscribe(const QString &filter, int qos)
{
    if (!client || state != State::Connected)
        return;
    try {
        if (isMqtt5()) {
            // Retain-as-published: a live message keeps the retain flag it was published with,
            // so the topic tree can show which topics are being retained right now.
            const mqtt::subscribe_options options(mqtt::subscribe_options::SUBSCRIBE_LOCAL,
                                                  mqtt::subscribe_options::RETAIN_AS_PUBLISHED);
            client->subscribe(filter.toStdString(), qos, nullptr, *listener, options);
        } else {
            client->subscribe(filter.toStdString(), qos, nullptr, *listener);
        }
    } catch (const mqtt::exception &e) {
        qCWarning(lcMqtt) << endpoint << "subscribe" << filter << "failed:" << e.what();
        if (filter != SysFilter) {
            const QString reason
                = errors::subscribeRefusal(filter, e.get_reason_code() >= 0x80 ? e.get_reason_code() : 0x80);
            emitQueued([this, filter, reason] { Q_EMIT q->subscribeFailed(filter, reason); });
        }
    }
}

void MqttConnectionPrivate::onSubscribeResult(const detail::ActionResult &r)
{
    if (!r.ok && r.returnCode < 0 && r.reasonCode < 0x80) {
        // Not a refusal: the connection went away mid-request. Restored on reconnect.
        qCDebug(lcMqtt).noquote() << endpoint << "subscribe" << r.topics << "interrupted: rc" << r.returnCode
                                  << r.pahoMessage;
        return;
    }
    const QPointer<MqttConnection> guard(q);
    for (qsizetype i = 0; i < r.topics.size() && guard; ++i) {
        const QString &filter = r.topics[i];
        int code = i < r.reasonCodes.size() ? r.reasonCodes[i] : 0x80;
        if (!r.ok)
            code = r.reasonCode >= 0x80 ? r.reasonCode : (r.returnCode >= 0x80 ? r.returnCode : 0x80);
        const bool isSys = filter == SysFilter;
        if (code < 0x80) {
            if (isSys) {
                sysActive = true;
                qCDebug(lcMqtt).noquote() << endpoint << "subscribed to" << filter;
                continue;
            }
            const auto it = std::find_if(subscriptions.cbegin(), subscriptions.cend(),
                                         [&filter](const Subscription &s) { return s.filter == filter; });
            if (it == subscriptions.cend())
                continue; // unsubscribed while the request was in flight
            activeFilters.insert(filter);
            Q_EMIT q->subscribed(filter, code);
            continue;
        }
        qCWarning(lcMqtt).noquote() << endpoint << "subscription to" << filter << "refused: code"
                                    << u"0x%1"_s.arg(code, 2, 16, QLatin1Char('0')) << r.pahoMessage;
        if (isSys) {
            // Brokers may keep $SYS to themselves; that is not the operator's problem.
            continue;
        }
        // Refused for good: drop it, or every reconnect would ask again.
        subscriptions.removeIf([&filter](const Subscription &s) { return s.filter == filter; });
        activeFilters.remove(filter);
        Q_EMIT q->subscribeFailed(filter, errors::subscribeRefusal(filter, code));
    }
}

void MqttConnectionPrivate::subscribe(const Subscription &subscription)
{
    const QString filter = subscription.filter;
    if (!ConnectionProfile::isValidTopicFilter(filter)) {
        qCWarning(lcMqtt) << endpoint << "not subscribing to invalid filter" << filter;
        emitQueued([this, filter] { Q_EMIT q->subscribeFailed(filter, errors::invalidFilter(filter)); });
        return;
    }
    const int qos = std::clamp(subscription.qos, 0, 2);
    auto it = std::find_if(subscriptions.begin(), subscriptions.end(),
                           [&filter](const Subscription &s) { return s.filter == filter; });
    if (it != subscriptions.end())
        it->qos = qos;
    else
        subscriptions.append({ filter, qos });
    activeFilters.remove(filter);
    if (state == State::Connected)
        sendSubscribe(filter, qos);
}

void MqttConnectionPrivate::unsubscribe(const QString &filter)
{
    const qsizetype removed
        = subscriptions.removeIf([&filter](const Subscription &s) { return s.filter == filter; });
    activeFilters.remove(filter);
    if (removed == 0 || state != State::Connected || !client)
        return;
    try {
        client->unsubscribe(filter.toStdString(), nullptr, *listener);
    } catch (const mqtt::exception &e) {
        qCWarning(lcMqtt) << endpoint << "unsubscribe" << filter << "failed:" << e.what();
    }
}

quint64 MqttConnectionPrivate::publish(const QByteArray &topic, const QByteArray &payload, int qos,
                                       bool retain, const MessageProperties &properties)
{
    if (state != State::Connected || !client)
        return 0;
    const quint64 id = nextPublishId++;
    if (!ConnectionProfile::isValidTopicName(QString::fromUtf8(topic))) {
        const QString error = MqttConnection::tr("\"%1\" is not a valid topic name: it must not be empty "
                                                 "or contain + or #.")
                                  .arg(QString::fromUtf8(topic));
        emitQueued([this, id, error] { Q_EMIT q->publishFinished(id, false, error); });
        return id;
    }
    if (qos < 0 || qos > 2) {
        const QString error = errors::publishFailure(MQTTASYNC_BAD_QOS, 0);
        emitQueued([this, id, error] { Q_EMIT q->publishFinished(id, false, error); });
        return id;
    }
    try {
        mqtt::message_ptr message
            = mqtt::message::create(toStd(topic), payload.constData(), size_t(payload.size()), qos, retain);
        if (isMqtt5() && !properties.isEmpty())
            message->set_properties(detail::toPahoProperties(properties));
        client->publish(message, detail::toContext(id), *listener);
    } catch (const mqtt::exception &e) {
        qCWarning(lcMqtt) << endpoint << "publish failed:" << e.what();
        const QString error = errors::publishFailure(e.get_return_code(), e.get_reason_code());
        emitQueued([this, id, error] { Q_EMIT q->publishFinished(id, false, error); });
    }
    return id;
}

// ---------------------------------------------------------------------------------------------

MqttConnection::MqttConnection(ConnectionProfile profile, std::shared_ptr<MessageInbox> inbox,
                               QObject *parent)
    : QObject(parent)
    , d(std::make_unique<MqttConnectionPrivate>(this, std::move(profile), std::move(inbox)))
{
}

MqttConnection::~MqttConnection()
{
    d->shutdown();
}

const ConnectionProfile &MqttConnection::profile() const
{
    return d->profile;
}

void MqttConnection::setPassword(const QString &password)
{
    d->password = password;
}

void MqttConnection::setKeyPassphrase(const QString &passphrase)
{
    d->keyPassphrase = passphrase;
}

void MqttConnection::open()
{
    Q_ASSERT(QThread::currentThread() == thread());
    d->open();
}

void MqttConnection::close()
{
    Q_ASSERT(QThread::currentThread() == thread());
    d->close();
}

void MqttConnection::subscribe(const Subscription &subscription)
{
    Q_ASSERT(QThread::currentThread() == thread());
    d->subscribe(subscription);
}

void MqttConnection::unsubscribe(const QString &filter)
{
    Q_ASSERT(QThread::currentThread() == thread());
    d->unsubscribe(filter);
}

QList<Subscription> MqttConnection::subscriptions() const
{
    return d->subscriptions;
}

quint64 MqttConnection::publish(const QByteArray &topic, const QByteArray &payload, int qos, bool retain,
                                const MessageProperties &properties)
{
    Q_ASSERT(QThread::currentThread() == thread());
    return d->publish(topic, payload, qos, retain, properties);
}

MqttConnection::State MqttConnection::state() const
{
    return d->state;
}

QString MqttConnection::stateText() const
{
    switch (d->state) {
    case State::Disconnected:
        return tr("Disconnected");
    case State::Connecting:
        return tr("Connecting…");
    case State::Connected:
        return tr("Connected");
    case State::Reconnecting: {
        const int seconds = d->secondsUntilReconnect();
        return seconds >= 0 ? tr("Reconnecting in %n s", nullptr, seconds) : tr("Reconnecting…");
    }
    case State::Failed:
        return d->lastError.isEmpty() ? tr("Failed") : tr("Failed: %1").arg(d->lastError);
    }
    return {};
}

QString MqttConnection::lastError() const
{
    return d->lastError;
}

QString MqttConnection::lastErrorCode() const
{
    return d->lastErrorCode;
}

int MqttConnection::secondsUntilReconnect() const
{
    return d->secondsUntilReconnect();
}

QString MqttConnection::clientId() const
{
    return d->clientId;
}

QString MqttConnection::stateName(State state)
{
    switch (state) {
    case State::Disconnected:
        return tr("Disconnected");
    case State::Connecting:
        return tr("Connecting");
    case State::Connected:
        return tr("Connected");
    case State::Reconnecting:
        return tr("Reconnecting");
    case State::Failed:
        return tr("Failed");
    }
    return {};
}

} // namespace tideline
