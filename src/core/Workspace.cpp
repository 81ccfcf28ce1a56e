#include "Workspace.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

// JSON keys, in one place. There is no key for a secret on purpose.
namespace Key {
const auto Format = u"format"_s;
const auto Version = u"version"_s;
const auto Connections = u"connections"_s;
const auto CurrentConnection = u"currentConnection"_s;
const auto WorkloadLinks = u"workloadLinks"_s;
const auto Layout = u"layout"_s;
const auto Geometry = u"geometry"_s;
const auto State = u"state"_s;
const auto Sections = u"sections"_s;

const auto Id = u"id"_s;
const auto Name = u"name"_s;
const auto Url = u"url"_s;
const auto MqttVersion = u"mqttVersion"_s;
const auto ClientId = u"clientId"_s;
const auto CleanStart = u"cleanStart"_s;
const auto SessionExpiry = u"sessionExpirySeconds"_s;
const auto KeepAlive = u"keepAliveSeconds"_s;
const auto Username = u"username"_s;
const auto HasPassword = u"hasPassword"_s;
const auto Tls = u"tls"_s;
const auto CaFile = u"caFile"_s;
const auto ClientCert = u"clientCertFile"_s;
const auto ClientKey = u"clientKeyFile"_s;
const auto HasKeyPassphrase = u"hasKeyPassphrase"_s;
const auto VerifyServer = u"verifyServer"_s;
const auto Will = u"will"_s;
const auto Enabled = u"enabled"_s;
const auto Topic = u"topic"_s;
const auto Payload = u"payload"_s;
const auto PayloadBase64 = u"payloadBase64"_s;
const auto Qos = u"qos"_s;
const auto Retain = u"retain"_s;
const auto Subscriptions = u"subscriptions"_s;
const auto Filter = u"filter"_s;
const auto SubscribeSys = u"subscribeSys"_s;
const auto Reconnect = u"reconnect"_s;
const auto MinSeconds = u"minSeconds"_s;
const auto MaxSeconds = u"maxSeconds"_s;

const auto Series = u"series"_s;
const auto Cluster = u"cluster"_s;
const auto Context = u"context"_s;
const auto Namespace = u"namespace"_s;
const auto Deployment = u"deployment"_s;
} // namespace Key

Error formatError(const QString &message, const QString &detail = {})
{
    return Error{u"workspace.format"_s, message, detail};
}

bool isUtf8Text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes).toUtf8() == bytes;
}

} // namespace

void Workspace::setSection(const QString &name, const QJsonObject &value)
{
    if (value.isEmpty())
        m_sections.remove(name);
    else
        m_sections.insert(name, value);
}

QJsonObject Workspace::profileToJson(const ConnectionProfile &p)
{
    QJsonObject tls{{Key::CaFile, p.caFile},
                    {Key::ClientCert, p.clientCertFile},
                    {Key::ClientKey, p.clientKeyFile},
                    {Key::HasKeyPassphrase, p.hasKeyPassphrase},
                    {Key::VerifyServer, p.verifyServer}};
    QJsonObject will{{Key::Enabled, p.will.enabled},
                     {Key::Topic, p.will.topic},
                     {Key::Qos, p.will.qos},
                     {Key::Retain, p.will.retain}};
    // Text stays readable in the file; anything else goes as base64.
    if (isUtf8Text(p.will.payload))
        will.insert(Key::Payload, QString::fromUtf8(p.will.payload));
    else
        will.insert(Key::PayloadBase64, QString::fromLatin1(p.will.payload.toBase64()));
    QJsonArray subscriptions;
    for (const Subscription &s : p.subscriptions)
        subscriptions.append(QJsonObject{{Key::Filter, s.filter}, {Key::Qos, s.qos}});
    const QJsonObject reconnect{{Key::Enabled, p.autoReconnect},
                                {Key::MinSeconds, p.reconnectMinSeconds},
                                {Key::MaxSeconds, p.reconnectMaxSeconds}};
    return QJsonObject{{Key::Id, p.id},
                       {Key::Name, p.name},
                       {Key::Url, p.url},
                       {Key::MqttVersion, int(p.version)},
                       {Key::ClientId, p.clientId},
                       {Key::CleanStart, p.cleanStart},
                       {Key::SessionExpiry, qint64(p.sessionExpirySeconds)},
                       {Key::KeepAlive, p.keepAliveSeconds},
                       {Key::Username, p.username},
                       {Key::HasPassword, p.hasPassword},
                       {Key::Tls, tls},
                       {Key::Will, will},
                       {Key::Subscriptions, subscriptions},
                       {Key::SubscribeSys, p.subscribeSys},
                       {Key::Reconnect, reconnect}};
}

ConnectionProfile Workspace::profileFromJson(const QJsonObject &json)
{
    const ConnectionProfile d;
    ConnectionProfile p;
    p.id = json.value(Key::Id).toString(d.id);
    p.name = json.value(Key::Name).toString(d.name);
    p.url = json.value(Key::Url).toString(d.url);
    p.version = json.value(Key::MqttVersion).toInt(int(d.version)) == int(ConnectionProfile::Version::Mqtt311)
                    ? ConnectionProfile::Version::Mqtt311
                    : ConnectionProfile::Version::Mqtt5;
    p.clientId = json.value(Key::ClientId).toString(d.clientId);
    p.cleanStart = json.value(Key::CleanStart).toBool(d.cleanStart);
    p.sessionExpirySeconds = quint32(qBound<qint64>(
        0, json.value(Key::SessionExpiry).toInteger(d.sessionExpirySeconds), 0xffffffffLL));
    p.keepAliveSeconds = json.value(Key::KeepAlive).toInt(d.keepAliveSeconds);
    p.username = json.value(Key::Username).toString(d.username);
    p.hasPassword = json.value(Key::HasPassword).toBool(d.hasPassword);

    const QJsonObject tls = json.value(Key::Tls).toObject();
    p.caFile = tls.value(Key::CaFile).toString(d.caFile);
    p.clientCertFile = tls.value(Key::ClientCert).toString(d.clientCertFile);
    p.clientKeyFile = tls.value(Key::ClientKey).toString(d.clientKeyFile);
    p.hasKeyPassphrase = tls.value(Key::HasKeyPassphrase).toBool(d.hasKeyPassphrase);
    p.verifyServer = tls.value(Key::VerifyServer).toBool(d.verifyServer);

    const QJsonObject will = json.value(Key::Will).toObject();
    p.will.enabled = will.value(Key::Enabled).toBool(d.will.enabled);
    p.will.topic = will.value(Key::Topic).toString(d.will.topic);
    if (will.contains(Key::PayloadBase64))
        p.will.payload = QByteArray::fromBase64(will.value(Key::PayloadBase64).toString().toLatin1());
    else
        p.will.payload = will.value(Key::Payload).toString().toUtf8();
    p.will.qos = will.value(Key::Qos).toInt(d.will.qos);
    p.will.retain = will.value(Key::Retain).toBool(d.will.retain);

    const QJsonArray subscriptions = json.value(Key::Subscriptions).toArray();
    for (const QJsonValue &v : subscriptions) {
        const QJsonObject s = v.toObject();
        const QString filter = s.value(Key::Filter).toString();
        if (!filter.isEmpty())
            p.subscriptions.append({filter, qBound(0, s.value(Key::Qos).toInt(0), 2)});
    }
    p.subscribeSys = json.value(Key::SubscribeSys).toBool(d.subscribeSys);
    const QJsonObject reconnect = json.value(Key::Reconnect).toObject();
    p.autoReconnect = reconnect.value(Key::Enabled).toBool(d.autoReconnect);
    p.reconnectMinSeconds = reconnect.value(Key::MinSeconds).toInt(d.reconnectMinSeconds);
    p.reconnectMaxSeconds = reconnect.value(Key::MaxSeconds).toInt(d.reconnectMaxSeconds);
    return p;
}

QJsonObject Workspace::contentJson() const
{
    QJsonArray connectionArray;
    for (const ConnectionProfile &p : connections)
        connectionArray.append(profileToJson(p));
    QJsonArray links;
    for (const WorkloadLink &l : workloadLinks) {
        links.append(QJsonObject{{Key::Series, l.seriesKey},
                                 {Key::Cluster, l.cluster},
                                 {Key::Context, l.context},
                                 {Key::Namespace, l.ns},
                                 {Key::Deployment, l.deployment}});
    }
    QJsonObject sections;
    for (auto it = m_sections.cbegin(); it != m_sections.cend(); ++it)
        sections.insert(it.key(), it.value());
    return QJsonObject{{Key::Format, formatName()},
                       {Key::Version, FormatVersion},
                       {Key::Connections, connectionArray},
                       {Key::WorkloadLinks, links},
                       {Key::Sections, sections}};
}

QJsonObject Workspace::toJson() const
{
    QJsonObject json = contentJson();
    json.insert(Key::CurrentConnection, currentConnection);
    json.insert(Key::Layout,
                QJsonObject{{Key::Geometry, QString::fromLatin1(layout.geometry.toBase64())},
                            {Key::State, QString::fromLatin1(layout.state.toBase64())}});
    return json;
}

Result<Workspace> Workspace::fromJson(const QJsonObject &json)
{
    if (json.value(Key::Format).toString() != formatName())
        return formatError(tr("This file is not a Tideline workspace."));
    const QJsonValue versionValue = json.value(Key::Version);
    const int version = versionValue.toInt(0);
    if (!versionValue.isDouble() || version < 1)
        return formatError(tr("The workspace has no valid format version."));
    if (version > FormatVersion) {
        return Error{u"workspace.newer"_s,
                     tr("This workspace was saved by a newer version of Tideline (workspace format "
                        "%1; this version reads up to format %2). Update Tideline to open it.")
                         .arg(version)
                         .arg(FormatVersion),
                     {}};
    }

    Workspace ws;
    const QJsonValue connections = json.value(Key::Connections);
    if (!connections.isUndefined() && !connections.isArray())
        return formatError(tr("The workspace's connection list is damaged."));
    const QJsonArray connectionArray = connections.toArray();
    for (qsizetype i = 0; i < connectionArray.size(); ++i) {
        const QJsonObject p = connectionArray.at(i).toObject();
        const int number = int(i) + 1;
        if (!connectionArray.at(i).isObject() || p.value(Key::Url).toString().isEmpty())
            return formatError(tr("Connection %1 in the workspace has no broker URL.").arg(number));
        ws.connections.append(profileFromJson(p));
    }
    ws.currentConnection = json.value(Key::CurrentConnection).toInt(-1);
    if (ws.currentConnection >= ws.connections.size())
        ws.currentConnection = -1;

    const QJsonValue links = json.value(Key::WorkloadLinks);
    if (!links.isUndefined() && !links.isArray())
        return formatError(tr("The workspace's workload links are damaged."));
    for (const QJsonValue &v : links.toArray()) {
        const QJsonObject l = v.toObject();
        ws.workloadLinks.append({l.value(Key::Series).toString(), l.value(Key::Cluster).toString(),
                                 l.value(Key::Context).toString(), l.value(Key::Namespace).toString(),
                                 l.value(Key::Deployment).toString()});
    }

    const QJsonObject layout = json.value(Key::Layout).toObject();
    ws.layout.geometry = QByteArray::fromBase64(layout.value(Key::Geometry).toString().toLatin1());
    ws.layout.state = QByteArray::fromBase64(layout.value(Key::State).toString().toLatin1());

    const QJsonValue sections = json.value(Key::Sections);
    if (!sections.isUndefined() && !sections.isObject())
        return formatError(tr("The workspace's settings sections are damaged."));
    const QJsonObject sectionObject = sections.toObject();
    for (auto it = sectionObject.constBegin(); it != sectionObject.constEnd(); ++it) {
        if (!it.value().isObject()) {
            qCWarning(lcCore) << "workspace: ignoring section" << it.key() << "(not an object)";
            continue;
        }
        ws.setSection(it.key(), it.value().toObject());
    }
    return ws;
}

Result<void> Workspace::save(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error{u"workspace.write"_s,
                     tr("Could not write the workspace to %1: %2").arg(QDir::toNativeSeparators(path),
                                                                        file.errorString()),
                     file.errorString()};
    }
    file.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        return Error{u"workspace.write"_s,
                     tr("Could not write the workspace to %1: %2").arg(QDir::toNativeSeparators(path),
                                                                        file.errorString()),
                     file.errorString()};
    }
    return {};
}

Result<Workspace> Workspace::load(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!QFileInfo::exists(path)) {
        return Error{u"workspace.missing"_s, tr("The workspace %1 does not exist.").arg(shown), {}};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error{u"workspace.unreadable"_s,
                     tr("Could not read the workspace %1: %2").arg(shown, file.errorString()),
                     file.errorString()};
    }
    // A workspace is a few kilobytes; refuse something that clearly is not one before parsing.
    constexpr qint64 MaxBytes = qint64(64) * 1024 * 1024;
    if (file.size() > MaxBytes)
        return formatError(tr("%1 is too large to be a Tideline workspace.").arg(shown));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error{u"workspace.json"_s,
                     tr("The workspace %1 is damaged: %2 at byte %3.")
                         .arg(shown, parseError.errorString())
                         .arg(parseError.offset),
                     parseError.errorString()};
    }
    if (!doc.isObject())
        return formatError(tr("%1 is not a Tideline workspace.").arg(shown));
    Result<Workspace> ws = fromJson(doc.object());
    if (!ws)
        return Error{ws.error().code, tr("Could not open %1: %2").arg(shown, ws.error().message), ws.error().detail};
    return ws;
}

QString Workspace::displayNameFor(const QString &path)
{
    return QFileInfo(path).completeBaseName();
}

// --- recent workspaces ------------------------------------------------------------------------

QStringList RecentWorkspaces::paths() const
{
    const QStringList stored = m_settings.value(settingsKey()).toStringList();
    QStringList existing;
    for (const QString &p : stored) {
        if (QFileInfo(p).isFile() && !existing.contains(p))
            existing.append(p);
    }
    while (existing.size() > MaxEntries)
        existing.removeLast();
    if (existing != stored)
        m_settings.setValue(settingsKey(), existing);
    return existing;
}

void RecentWorkspaces::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = m_settings.value(settingsKey()).toStringList();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > MaxEntries)
        list.removeLast();
    m_settings.setValue(settingsKey(), list);
}

void RecentWorkspaces::remove(const QString &path)
{
    QStringList list = m_settings.value(settingsKey()).toStringList();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    list.removeAll(path);
    m_settings.setValue(settingsKey(), list);
}

void RecentWorkspaces::clear()
{
    m_settings.remove(settingsKey());
}

} // namespace tideline
