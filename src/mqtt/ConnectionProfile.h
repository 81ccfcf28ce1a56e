#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace tideline {

struct Subscription
{
    QString filter;
    int qos = 0;
    bool operator==(const Subscription &) const = default;
};

struct LastWill
{
    bool enabled = false;
    QString topic;
    QByteArray payload;
    int qos = 0;
    bool retain = false;
    bool operator==(const LastWill &) const = default;
};

// Everything needed to open one MQTT connection, except secrets.
// Passwords and key passphrases are never members: they live in the OS keychain
// (CredentialStore) under secretKey(...) and are handed to MqttConnection at connect time.
struct ConnectionProfile
{
    enum class Version { Mqtt311 = 4, Mqtt5 = 5 };

    QString id;    // stable, generated (UUID); keys the settings group and the keychain entries
    QString name;  // shown in tabs
    QString url;   // mqtt://host:1883, mqtts://host:8883, ws://host:9001/mqtt, wss://...
    Version version = Version::Mqtt5;
    QString clientId;            // empty: generated at connect ("tideline-" + random)
    bool cleanStart = true;      // MQTT 5 clean start / 3.1.1 clean session
    quint32 sessionExpirySeconds = 0; // MQTT 5 only
    int keepAliveSeconds = 60;
    QString username;
    bool hasPassword = false;    // a password is stored in the keychain for this profile
    QString caFile;              // PEM; empty = system trust store
    QString clientCertFile;      // PEM
    QString clientKeyFile;       // PEM
    bool hasKeyPassphrase = false;
    bool verifyServer = true;    // off only by explicit choice, and then shown as a warning
    LastWill will;
    QList<Subscription> subscriptions;
    bool subscribeSys = true;    // also subscribe to $SYS/# for broker statistics
    bool autoReconnect = true;
    int reconnectMinSeconds = 1;
    int reconnectMaxSeconds = 60;

    bool operator==(const ConnectionProfile &) const = default;

    bool usesTls() const;        // mqtts:// or wss://
    bool usesWebSockets() const; // ws:// or wss://
    // The URI handed to Paho (mqtt:// -> tcp://, mqtts:// -> ssl://, ws/wss unchanged).
    QString pahoUri() const;
    QString displayName() const; // name, or host:port when unnamed
    QString host() const;        // from url, without IPv6 brackets; empty when url is invalid
    int port() const;            // from url, or the scheme's default (1883/8883/80/443); 0 when invalid

    // MQTT topic rules: a name has no wildcards; in a filter '#' is a whole last level and '+' a
    // whole level. Both are non-empty, without NUL, at most 65535 bytes of UTF-8.
    static bool isValidTopicName(const QString &topic);
    static bool isValidTopicFilter(const QString &filter);

    // Empty when valid; otherwise a translated sentence naming the problem.
    QString validate() const;

    // A profile from a URL as typed on the command line; user info in the URL becomes the
    // username (a password in the URL is rejected: it would end up in shell history).
    static Result<ConnectionProfile> fromUrl(const QString &url);

    static QString newId();
    static QString secretKey(const QString &profileId, const QString &what); // what: "password", "key-passphrase"

    // Writes/reads the current group of `settings` (the caller picks the group).
    void save(QSettings &settings) const;
    static ConnectionProfile load(QSettings &settings);
};

// All saved profiles, in QSettings group "connections/<id>".
class ProfileStore final
{
public:
    explicit ProfileStore(QSettings &settings) : m_settings(settings) {}
    QList<ConnectionProfile> all() const;
    std::optional<ConnectionProfile> byName(const QString &nameOrId) const;
    void save(const ConnectionProfile &profile);
    void remove(const QString &id);

private:
    QSettings &m_settings;
};

} // namespace tideline
