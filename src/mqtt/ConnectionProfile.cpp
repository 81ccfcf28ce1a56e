#include "ConnectionProfile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostAddress>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

// Settings keys, in one place. Secrets have no key here on purpose: they live in the keychain.
namespace Key {
const auto Id = u"id"_s;
const auto Name = u"name"_s;
const auto Url = u"url"_s;
const auto Version = u"mqttVersion"_s;
const auto ClientId = u"clientId"_s;
const auto CleanStart = u"cleanStart"_s;
const auto SessionExpiry = u"sessionExpirySeconds"_s;
const auto KeepAlive = u"keepAliveSeconds"_s;
const auto Username = u"username"_s;
const auto HasPassword = u"hasPassword"_s;
const auto CaFile = u"tls/caFile"_s;
const auto ClientCert = u"tls/clientCertFile"_s;
const auto ClientKey = u"tls/clientKeyFile"_s;
const auto HasKeyPassphrase = u"tls/hasKeyPassphrase"_s;
const auto VerifyServer = u"tls/verifyServer"_s;
const auto WillEnabled = u"will/enabled"_s;
const auto WillTopic = u"will/topic"_s;
const auto WillPayload = u"will/payload"_s;
const auto WillQos = u"will/qos"_s;
const auto WillRetain = u"will/retain"_s;
const auto Subscriptions = u"subscriptions"_s;
const auto SubFilter = u"filter"_s;
const auto SubQos = u"qos"_s;
const auto SubscribeSys = u"subscribeSys"_s;
const auto AutoReconnect = u"reconnect/enabled"_s;
const auto ReconnectMin = u"reconnect/minSeconds"_s;
const auto ReconnectMax = u"reconnect/maxSeconds"_s;
} // namespace Key

// A broker URL taken apart. QUrl alone cannot say *why* a URL is bad (it rejects port 70000
// as "invalid URL"), so the authority is split here and each part gets its own message.
struct ParsedUrl
{
    QString scheme; // lower case
    QString userName;
    bool hasPassword = false;
    QString host; // without IPv6 brackets
    bool ipv6 = false;
    int port = -1; // -1: not given
    QString path; // from the first '/', '?' or '#' after the authority
    QString error; // translated; empty when the URL is usable

    int effectivePort() const
    {
        if (port > 0)
            return port;
        if (scheme == u"mqtt")
            return 1883;
        if (scheme == u"mqtts")
            return 8883;
        if (scheme == u"ws")
            return 80;
        if (scheme == u"wss")
            return 443;
        return 0;
    }
    QString hostForUri() const { return ipv6 ? u'[' + host + u']' : host; }
};

bool isHostName(const QString &host)
{
    // Letters (including IDN), digits, '-', '.', '_'; QUrl::toAce rejects the rest.
    if (host.startsWith(u'.') || host.contains(u".."_s))
        return false;
    for (const QChar c : host) {
        if (c.isSpace() || c == u'/' || c == u'\\' || c == u'@' || c == u':' || c == u'?' || c == u'#'
            || c == u'[' || c == u']' || c == u'%')
            return false;
    }
    return !QUrl::toAce(host).isEmpty();
}

ParsedUrl parseUrl(const QString &text)
{
    ParsedUrl r;
    const QString t = text.trimmed();
    if (t.isEmpty()) {
        r.error = QCoreApplication::translate("ConnectionProfile", "The broker URL is empty.");
        return r;
    }
    const qsizetype sep = t.indexOf(u"://"_s);
    if (sep <= 0) {
        r.error = QCoreApplication::translate(
                      "ConnectionProfile",
                      "The broker URL \"%1\" has no scheme: write it like mqtt://host:1883 "
                      "(or mqtts://, ws://, wss://).")
                      .arg(t);
        return r;
    }
    r.scheme = t.left(sep).toLower();
    static const QStringList schemes = { u"mqtt"_s, u"mqtts"_s, u"ws"_s, u"wss"_s };
    if (!schemes.contains(r.scheme)) {
        r.error
            = QCoreApplication::translate(
                  "ConnectionProfile", "Unsupported scheme \"%1\": use mqtt://, mqtts://, ws:// or wss://.")
                  .arg(t.left(sep));
        return r;
    }
    const QString rest = t.mid(sep + 3);
    qsizetype end = rest.size();
    for (const QChar stop : { u'/', u'?', u'#' }) {
        const qsizetype i = rest.indexOf(stop);
        if (i >= 0)
            end = std::min(end, i);
    }
    QString authority = rest.left(end);
    r.path = rest.mid(end);

    const qsizetype at = authority.lastIndexOf(u'@');
    if (at >= 0) {
        const QString userInfo = authority.left(at);
        authority = authority.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(u':');
        r.userName = QUrl::fromPercentEncoding(userInfo.left(colon).toUtf8());
        r.hasPassword = colon >= 0;
    }

    QString portText;
    bool hasPortSeparator = false;
    if (authority.startsWith(u'[')) {
        const qsizetype close = authority.indexOf(u']');
        if (close < 0) {
            r.error = QCoreApplication::translate("ConnectionProfile",
                                                  "The IPv6 address in \"%1\" is missing its closing \"]\".")
                          .arg(t);
            return r;
        }
        r.host = authority.mid(1, close - 1);
        r.ipv6 = true;
        const QString after = authority.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(u':')) {
                r.error = QCoreApplication::translate("ConnectionProfile",
                                                      "Unexpected text \"%1\" after the IPv6 address.")
                              .arg(after);
                return r;
            }
            hasPortSeparator = true;
            portText = after.mid(1);
        }
        if (QHostAddress(r.host).protocol() != QAbstractSocket::IPv6Protocol) {
            r.error = QCoreApplication::translate("ConnectionProfile", "\"%1\" is not a valid IPv6 address.")
                          .arg(r.host);
            return r;
        }
    } else {
        if (authority.count(u':') > 1) {
            r.error = QCoreApplication::translate("ConnectionProfile",
                                                  "Put an IPv6 address in brackets, like mqtt://[::1]:1883.");
            return r;
        }
        const qsizetype colon = authority.indexOf(u':');
        r.host = colon >= 0 ? authority.left(colon) : authority;
        if (colon >= 0) {
            hasPortSeparator = true;
            portText = authority.mid(colon + 1);
        }
    }

    if (r.host.isEmpty()) {
        r.error = QCoreApplication::translate("ConnectionProfile", "The broker URL \"%1\" has no host name.")
                      .arg(t);
        return r;
    }
    if (!r.ipv6 && !isHostName(r.host)) {
        r.error = QCoreApplication::translate("ConnectionProfile", "\"%1\" is not a valid host name.")
                      .arg(r.host);
        return r;
    }
    if (hasPortSeparator) {
        if (portText.isEmpty()) {
            r.error = QCoreApplication::translate("ConnectionProfile", "The port is missing after \"%1:\".")
                          .arg(r.host);
            return r;
        }
        bool isNumber = !portText.isEmpty();
        for (const QChar c : portText)
            isNumber = isNumber && c.isDigit() && c.unicode() < 128;
        if (!isNumber) {
            r.error = QCoreApplication::translate("ConnectionProfile", "The port \"%1\" is not a number.")
                          .arg(portText);
            return r;
        }
        const qlonglong port = portText.size() > 6 ? 999999 : portText.toLongLong();
        if (port < 1 || port > 65535) {
            r.error = QCoreApplication::translate("ConnectionProfile",
                                                  "The port %1 is out of range: use 1 to 65535.")
                          .arg(portText);
            return r;
        }
        r.port = int(port);
    }
    if ((r.scheme == u"mqtt" || r.scheme == u"mqtts") && !r.path.isEmpty() && r.path != u"/") {
        r.error = QCoreApplication::translate(
                      "ConnectionProfile", "A %1:// URL has no path (\"%2\"); only ws:// and wss:// URLs do.")
                      .arg(r.scheme, r.path);
        return r;
    }
    return r;
}

QString schemeOf(const QString &url)
{
    const QString t = url.trimmed();
    const qsizetype sep = t.indexOf(u"://"_s);
    return sep > 0 ? t.left(sep).toLower() : QString();
}

bool isValidTopicCommon(const QString &topic)
{
    return !topic.isEmpty() && !topic.contains(QChar(0)) && topic.toUtf8().size() <= 65535;
}

} // namespace

bool ConnectionProfile::usesTls() const
{
    const QString s = schemeOf(url);
    return s == u"mqtts" || s == u"wss";
}

bool ConnectionProfile::usesWebSockets() const
{
    const QString s = schemeOf(url);
    return s == u"ws" || s == u"wss";
}

QString ConnectionProfile::pahoUri() const
{
    const ParsedUrl p = parseUrl(url);
    if (!p.error.isEmpty())
        return {};
    QString scheme = p.scheme;
    if (scheme == u"mqtt")
        scheme = u"tcp"_s;
    else if (scheme == u"mqtts")
        scheme = u"ssl"_s;
    QString uri = scheme + u"://"_s + p.hostForUri() + u':' + QString::number(p.effectivePort());
    if (usesWebSockets())
        uri += p.path;
    return uri;
}

QString ConnectionProfile::host() const
{
    const ParsedUrl p = parseUrl(url);
    return p.error.isEmpty() ? p.host : QString();
}

int ConnectionProfile::port() const
{
    const ParsedUrl p = parseUrl(url);
    return p.error.isEmpty() ? p.effectivePort() : 0;
}

QString ConnectionProfile::displayName() const
{
    if (!name.trimmed().isEmpty())
        return name.trimmed();
    const ParsedUrl p = parseUrl(url);
    if (!p.error.isEmpty())
        return url.trimmed();
    return p.hostForUri() + u':' + QString::number(p.effectivePort());
}

bool ConnectionProfile::isValidTopicName(const QString &topic)
{
    return isValidTopicCommon(topic) && !topic.contains(u'+') && !topic.contains(u'#');
}

bool ConnectionProfile::isValidTopicFilter(const QString &filter)
{
    if (!isValidTopicCommon(filter))
        return false;
    const QStringList levels = filter.split(u'/');
    for (qsizetype i = 0; i < levels.size(); ++i) {
        const QString &level = levels[i];
        if (level.contains(u'#') && (level != u"#" || i != levels.size() - 1))
            return false;
        if (level.contains(u'+') && level != u"+")
            return false;
    }
    // $share/<group>/<filter>: a named group without wildcards, then a real filter.
    if (levels.first() == u"$share") {
        if (levels.size() < 3 || levels[1].isEmpty() || levels[1] == u"+" || levels[1] == u"#")
            return false;
    }
    return true;
}

QString ConnectionProfile::validate() const
{
    const ParsedUrl p = parseUrl(url);
    if (!p.error.isEmpty())
        return p.error;
    if (p.hasPassword)
        return QCoreApplication::translate(
            "ConnectionProfile",
            "The broker URL contains a password. Remove it from the URL; the password "
            "is kept in the system keychain.");
    if (version != Version::Mqtt311 && version != Version::Mqtt5)
        return QCoreApplication::translate("ConnectionProfile",
                                           "Unsupported MQTT version %1: use 3.1.1 or 5.")
            .arg(int(version));
    if (keepAliveSeconds < 0 || keepAliveSeconds > 65535)
        return QCoreApplication::translate(
                   "ConnectionProfile",
                   "The keep-alive interval must be between 0 and 65535 seconds (it is %1).")
            .arg(keepAliveSeconds);
    if (clientId.toUtf8().size() > 65535)
        return QCoreApplication::translate("ConnectionProfile",
                                           "The client ID is too long (at most 65535 bytes).");
    if (version == Version::Mqtt311 && hasPassword && username.isEmpty())
        return QCoreApplication::translate("ConnectionProfile",
                                           "MQTT 3.1.1 does not allow a password without a username.");

    if (!clientCertFile.isEmpty() && clientKeyFile.isEmpty())
        return QCoreApplication::translate("ConnectionProfile",
                                           "The client certificate needs its private key file as well.");
    if (clientCertFile.isEmpty() && !clientKeyFile.isEmpty())
        return QCoreApplication::translate("ConnectionProfile",
                                           "A private key file is set but no client certificate.");
    const auto unreadable = [](const QString &path) {
        const QFileInfo info(path);
        return !path.isEmpty() && !(info.isFile() && info.isReadable());
    };
    if (unreadable(caFile))
        return QCoreApplication::translate("ConnectionProfile",
                                           "The CA file \"%1\" does not exist or cannot be read.")
            .arg(caFile);
    if (unreadable(clientCertFile))
        return QCoreApplication::translate(
                   "ConnectionProfile",
                   "The client certificate file \"%1\" does not exist or cannot be read.")
            .arg(clientCertFile);
    if (unreadable(clientKeyFile))
        return QCoreApplication::translate("ConnectionProfile",
                                           "The private key file \"%1\" does not exist or cannot be read.")
            .arg(clientKeyFile);

    if (will.enabled) {
        if (will.topic.isEmpty())
            return QCoreApplication::translate("ConnectionProfile", "The last will needs a topic.");
        if (!isValidTopicName(will.topic))
            return QCoreApplication::translate(
                       "ConnectionProfile",
                       "The last-will topic \"%1\" is not a valid topic name (no + or #).")
                .arg(will.topic);
        if (will.qos < 0 || will.qos > 2)
            return QCoreApplication::translate("ConnectionProfile",
                                               "The last-will QoS must be 0, 1 or 2 (it is %1).")
                .arg(will.qos);
    }
    for (const Subscription &s : subscriptions) {
        if (s.filter.isEmpty())
            return QCoreApplication::translate("ConnectionProfile",
                                               "A subscription has an empty topic filter.");
        if (!isValidTopicFilter(s.filter))
            return QCoreApplication::translate(
                       "ConnectionProfile",
                       "\"%1\" is not a valid topic filter: \"#\" must be the whole last level "
                       "and \"+\" a whole level.")
                .arg(s.filter);
        if (s.qos < 0 || s.qos > 2)
            return QCoreApplication::translate(
                       "ConnectionProfile",
                       "The QoS of the subscription \"%1\" must be 0, 1 or 2 (it is %2).")
                .arg(s.filter)
                .arg(s.qos);
    }
    if (reconnectMinSeconds < 1)
        return QCoreApplication::translate(
                   "ConnectionProfile", "The shortest reconnect delay must be at least 1 second (it is %1).")
            .arg(reconnectMinSeconds);
    if (reconnectMaxSeconds < reconnectMinSeconds)
        return QCoreApplication::translate(
                   "ConnectionProfile",
                   "The longest reconnect delay (%1 s) must not be shorter than the shortest (%2 s).")
            .arg(reconnectMaxSeconds)
            .arg(reconnectMinSeconds);
    return {};
}

Result<ConnectionProfile> ConnectionProfile::fromUrl(const QString &text)
{
    QString t = text.trimmed();
    // "broker:1883" or "localhost" as typed on a command line: plain MQTT.
    if (!t.isEmpty() && !t.contains(u"://"_s))
        t.prepend(u"mqtt://"_s);
    const ParsedUrl p = parseUrl(t);
    if (!p.error.isEmpty())
        return Error { u"mqtt.url"_s, p.error, text };
    if (p.hasPassword)
        return Error { u"mqtt.url.password"_s,
                       QCoreApplication::translate(
                           "ConnectionProfile",
                           "The URL contains a password. A password in a URL ends up in the shell "
                           "history: leave it out and enter it when asked, or store it in the "
                           "keychain."),
                       QString() };

    ConnectionProfile profile;
    profile.id = newId();
    profile.username = p.userName;
    profile.url = p.scheme + u"://"_s + p.hostForUri();
    if (p.port > 0)
        profile.url += u':' + QString::number(p.port);
    if (p.scheme == u"ws" || p.scheme == u"wss")
        profile.url += p.path;
    return profile;
}

QString ConnectionProfile::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString ConnectionProfile::secretKey(const QString &profileId, const QString &what)
{
    return u"connections/"_s + profileId + u'/' + what;
}

void ConnectionProfile::save(QSettings &settings) const
{
    settings.setValue(Key::Id, id);
    settings.setValue(Key::Name, name);
    settings.setValue(Key::Url, url);
    settings.setValue(Key::Version, int(version));
    settings.setValue(Key::ClientId, clientId);
    settings.setValue(Key::CleanStart, cleanStart);
    settings.setValue(Key::SessionExpiry, sessionExpirySeconds);
    settings.setValue(Key::KeepAlive, keepAliveSeconds);
    settings.setValue(Key::Username, username);
    settings.setValue(Key::HasPassword, hasPassword);
    settings.setValue(Key::CaFile, caFile);
    settings.setValue(Key::ClientCert, clientCertFile);
    settings.setValue(Key::ClientKey, clientKeyFile);
    settings.setValue(Key::HasKeyPassphrase, hasKeyPassphrase);
    settings.setValue(Key::VerifyServer, verifyServer);
    settings.setValue(Key::WillEnabled, will.enabled);
    settings.setValue(Key::WillTopic, will.topic);
    settings.setValue(Key::WillPayload, will.payload);
    settings.setValue(Key::WillQos, will.qos);
    settings.setValue(Key::WillRetain, will.retain);
    // Drop the old array first, or a shorter list would leave stale entries behind.
    settings.remove(Key::Subscriptions);
    settings.beginWriteArray(Key::Subscriptions, int(subscriptions.size()));
    for (int i = 0; i < subscriptions.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(Key::SubFilter, subscriptions[i].filter);
        settings.setValue(Key::SubQos, subscriptions[i].qos);
    }
    settings.endArray();
    settings.setValue(Key::SubscribeSys, subscribeSys);
    settings.setValue(Key::AutoReconnect, autoReconnect);
    settings.setValue(Key::ReconnectMin, reconnectMinSeconds);
    settings.setValue(Key::ReconnectMax, reconnectMaxSeconds);
}

ConnectionProfile ConnectionProfile::load(QSettings &settings)
{
    const ConnectionProfile defaults;
    ConnectionProfile p;
    p.id = settings.value(Key::Id, defaults.id).toString();
    p.name = settings.value(Key::Name, defaults.name).toString();
    p.url = settings.value(Key::Url, defaults.url).toString();
    const int version = settings.value(Key::Version, int(defaults.version)).toInt();
    p.version = version == int(Version::Mqtt311) ? Version::Mqtt311 : Version::Mqtt5;
    p.clientId = settings.value(Key::ClientId, defaults.clientId).toString();
    p.cleanStart = settings.value(Key::CleanStart, defaults.cleanStart).toBool();
    p.sessionExpirySeconds = settings.value(Key::SessionExpiry, defaults.sessionExpirySeconds).toUInt();
    p.keepAliveSeconds = settings.value(Key::KeepAlive, defaults.keepAliveSeconds).toInt();
    p.username = settings.value(Key::Username, defaults.username).toString();
    p.hasPassword = settings.value(Key::HasPassword, defaults.hasPassword).toBool();
    p.caFile = settings.value(Key::CaFile, defaults.caFile).toString();
    p.clientCertFile = settings.value(Key::ClientCert, defaults.clientCertFile).toString();
    p.clientKeyFile = settings.value(Key::ClientKey, defaults.clientKeyFile).toString();
    p.hasKeyPassphrase = settings.value(Key::HasKeyPassphrase, defaults.hasKeyPassphrase).toBool();
    p.verifyServer = settings.value(Key::VerifyServer, defaults.verifyServer).toBool();
    p.will.enabled = settings.value(Key::WillEnabled, defaults.will.enabled).toBool();
    p.will.topic = settings.value(Key::WillTopic, defaults.will.topic).toString();
    p.will.payload = settings.value(Key::WillPayload, defaults.will.payload).toByteArray();
    p.will.qos = settings.value(Key::WillQos, defaults.will.qos).toInt();
    p.will.retain = settings.value(Key::WillRetain, defaults.will.retain).toBool();
    const int count = settings.beginReadArray(Key::Subscriptions);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        Subscription s;
        s.filter = settings.value(Key::SubFilter).toString();
        s.qos = settings.value(Key::SubQos, 0).toInt();
        p.subscriptions.append(s);
    }
    settings.endArray();
    p.subscribeSys = settings.value(Key::SubscribeSys, defaults.subscribeSys).toBool();
    p.autoReconnect = settings.value(Key::AutoReconnect, defaults.autoReconnect).toBool();
    p.reconnectMinSeconds = settings.value(Key::ReconnectMin, defaults.reconnectMinSeconds).toInt();
    p.reconnectMaxSeconds = settings.value(Key::ReconnectMax, defaults.reconnectMaxSeconds).toInt();
    return p;
}

// ---------------------------------------------------------------------------------------------

namespace {
const auto ConnectionsGroup = u"connections"_s;
}

QList<ConnectionProfile> ProfileStore::all() const
{
    QList<ConnectionProfile> result;
    m_settings.beginGroup(ConnectionsGroup);
    const QStringList ids = m_settings.childGroups();
    for (const QString &groupId : ids) {
        m_settings.beginGroup(groupId);
        ConnectionProfile p = ConnectionProfile::load(m_settings);
        m_settings.endGroup();
        p.id = groupId; // the group name is authoritative
        result.append(std::move(p));
    }
    m_settings.endGroup();
    std::sort(result.begin(), result.end(), [](const ConnectionProfile &a, const ConnectionProfile &b) {
        const int c = a.displayName().compare(b.displayName(), Qt::CaseInsensitive);
        return c != 0 ? c < 0 : a.id < b.id;
    });
    return result;
}

std::optional<ConnectionProfile> ProfileStore::byName(const QString &nameOrId) const
{
    const QList<ConnectionProfile> profiles = all();
    for (const ConnectionProfile &p : profiles) {
        if (p.id == nameOrId)
            return p;
    }
    for (const ConnectionProfile &p : profiles) {
        if (p.name == nameOrId)
            return p;
    }
    for (const ConnectionProfile &p : profiles) {
        if (p.name.compare(nameOrId, Qt::CaseInsensitive) == 0 || p.displayName() == nameOrId)
            return p;
    }
    return std::nullopt;
}

void ProfileStore::save(const ConnectionProfile &profile)
{
    ConnectionProfile copy = profile;
    if (copy.id.isEmpty())
        copy.id = ConnectionProfile::newId();
    m_settings.beginGroup(ConnectionsGroup + u'/' + copy.id);
    m_settings.remove(QString()); // whatever an older version wrote here
    copy.save(m_settings);
    m_settings.endGroup();
}

void ProfileStore::remove(const QString &id)
{
    if (id.isEmpty())
        return; // never wipe the whole "connections" group by accident
    m_settings.remove(ConnectionsGroup + u'/' + id);
}

} // namespace tideline
