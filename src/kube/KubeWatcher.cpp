#include "KubeWatcher.h"

#include "core/Logging.h"
#include "kube/KubeClient.h"
#include "kube/KubeTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace tideline::kube {

WatchStreamParser::Output WatchStreamParser::feed(const QByteArray &bytes)
{
    Output out;
    m_buffer += bytes;
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = m_buffer.indexOf('\n', start);
        if (nl < 0)
            break;
        const QByteArray line = m_buffer.mid(start, nl - start).trimmed();
        start = nl + 1;
        if (line.isEmpty())
            continue;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
        const QJsonObject o = doc.object();
        if (error.error != QJsonParseError::NoError || !o.value(u"type"_s).isString()
            || !o.value(u"object"_s).isObject()) {
            out.errors << QString::fromUtf8(line.left(200));
            continue;
        }
        out.events.append({o.value(u"type"_s).toString(), o.value(u"object"_s).toObject()});
    }
    m_buffer.remove(0, start);
    return out;
}

KubeWatcher::KubeWatcher(KubeClient *client, QString collectionPath, QString kind, QString apiVersion,
                         QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_path(std::move(collectionPath))
    , m_kind(std::move(kind))
    , m_apiVersion(std::move(apiVersion))
    , m_retryTimer(new QTimer(this))
    , m_stallTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    m_stallTimer->setSingleShot(true);
    // The server ends every watch after timeoutSeconds and sends bookmarks meanwhile; a stream
    // that stays silent well past that lost its connection without a reset (NAT, suspend).
    connect(m_stallTimer, &QTimer::timeout, this, [this] {
        if (!m_reply)
            return;
        dropReply();
        Q_EMIT errorOccurred(Error{u"kube.watch"_s, tr("the watch of %1 stalled; reconnecting").arg(m_path), {}});
        retryLater(&KubeWatcher::watch);
    });
}

KubeWatcher::~KubeWatcher()
{
    dropReply();
}

void KubeWatcher::setBackoff(int initialMs, int maxMs)
{
    m_initialBackoffMs = std::max(1, initialMs);
    m_maxBackoffMs = std::max(m_initialBackoffMs, maxMs);
    m_backoffMs = m_initialBackoffMs;
}

QString KubeWatcher::keyOf(const QJsonObject &object)
{
    const QJsonObject meta = object.value(u"metadata"_s).toObject();
    const QString ns = meta.value(u"namespace"_s).toString();
    const QString name = meta.value(u"name"_s).toString();
    return ns.isEmpty() ? name : ns + u'/' + name;
}

int KubeWatcher::stallLimitMs() const
{
    return m_watchTimeoutSeconds * 1000 + 30000;
}

void KubeWatcher::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void KubeWatcher::start()
{
    if (m_running)
        return;
    m_running = true;
    m_backoffMs = m_initialBackoffMs;
    list();
}

void KubeWatcher::stop()
{
    m_running = false;
    m_retryTimer->stop();
    ++m_generation;
    dropReply();
    setState(State::Idle);
}

void KubeWatcher::dropReply()
{
    m_stallTimer->stop();
    if (!m_reply)
        return;
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->abort();
    reply->deleteLater();
}

void KubeWatcher::retryLater(void (KubeWatcher::*step)())
{
    if (!m_running)
        return;
    setState(State::Waiting);
    const int delay = m_backoffMs;
    m_backoffMs = std::min(m_maxBackoffMs, m_backoffMs * 2);
    qCDebug(lcKube) << "watch" << m_path << "retry in" << delay << "ms";
    m_retryTimer->disconnect(this);
    connect(m_retryTimer, &QTimer::timeout, this, step);
    m_retryTimer->start(delay);
}

void KubeWatcher::list()
{
    if (!m_running || !m_client)
        return;
    dropReply();
    setState(State::Listing);
    const quint64 generation = ++m_generation;
    m_client->request("GET", m_path, m_selectors, {}, {}, this, [this, generation](const Result<KubeResponse> &r) {
        if (generation != m_generation || !m_running)
            return;
        if (!r) {
            if (r.error().code == u"kube.unauthorized"_s)
                m_client->credentialsRejected();
            Q_EMIT errorOccurred(r.error());
            retryLater(&KubeWatcher::list);
            return;
        }
        ++m_lists;
        const QJsonObject json = r.value().json;
        QMap<QString, QJsonObject> fresh;
        for (const QJsonValue &v : json.value(u"items"_s).toArray()) {
            QJsonObject o = v.toObject();
            if (!o.contains(u"kind"_s))
                o.insert(u"kind"_s, m_kind);
            if (!o.contains(u"apiVersion"_s))
                o.insert(u"apiVersion"_s, m_apiVersion);
            fresh.insert(keyOf(o), o);
        }
        const QMap<QString, QJsonObject> old = std::exchange(m_objects, fresh);
        m_resourceVersion = json.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString();
        m_backoffMs = m_initialBackoffMs;
        for (auto it = old.constBegin(); it != old.constEnd(); ++it) {
            if (!fresh.contains(it.key()))
                Q_EMIT objectDeleted(it.key(), it.value());
        }
        for (auto it = fresh.constBegin(); it != fresh.constEnd(); ++it) {
            const auto before = old.constFind(it.key());
            if (before == old.constEnd())
                Q_EMIT objectAdded(it.key(), it.value());
            else if (before.value() != it.value())
                Q_EMIT objectModified(it.key(), it.value());
        }
        Q_EMIT synced();
        watch();
    });
}

void KubeWatcher::watch()
{
    if (!m_running || !m_client)
        return;
    dropReply();
    m_parser.reset();
    QUrlQuery query = m_selectors;
    query.addQueryItem(u"watch"_s, u"1"_s);
    query.addQueryItem(u"resourceVersion"_s, m_resourceVersion);
    query.addQueryItem(u"allowWatchBookmarks"_s, u"true"_s);
    query.addQueryItem(u"timeoutSeconds"_s, QString::number(m_watchTimeoutSeconds));
    const quint64 generation = ++m_generation;
    setState(State::Watching);
    m_client->openStream(m_path, query, this, [this, generation](const Result<QNetworkReply *> &r) {
        if (generation != m_generation || !m_running) {
            if (r)
                r.value()->deleteLater();
            return;
        }
        if (!r) {
            Q_EMIT errorOccurred(r.error());
            retryLater(&KubeWatcher::watch);
            return;
        }
        ++m_watches;
        m_reply = r.value();
        m_reply->setParent(this);
        connect(m_reply, &QNetworkReply::readyRead, this, &KubeWatcher::onReadyRead);
        connect(m_reply, &QNetworkReply::finished, this, &KubeWatcher::onFinished);
        m_stallTimer->start(stallLimitMs());
    });
}

void KubeWatcher::onReadyRead()
{
    if (!m_reply)
        return;
    const int http = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (http != 200)
        return; // an error body: read whole in onFinished
    QNetworkReply *reply = m_reply;
    m_stallTimer->start(stallLimitMs());
    const WatchStreamParser::Output out = m_parser.feed(reply->readAll());
    for (const QString &bad : out.errors)
        qCWarning(lcKube) << "watch" << m_path << "skipped a line that is not a watch event:" << bad;
    for (const WatchEvent &e : out.events) {
        handle(e);
        if (m_reply != reply)
            return; // handle() dropped the stream (410, stop)
    }
}

void KubeWatcher::handle(const WatchEvent &event)
{
    const QString rv = event.object.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString();
    if (event.type == u"ERROR"_s) {
        const auto status = KubeTypes::parseStatus(event.object);
        const int code = status ? status->code : 0;
        if (code == 410) {
            qCDebug(lcKube) << "watch" << m_path << "resourceVersion" << m_resourceVersion << "expired: relist";
            dropReply();
            list();
            return;
        }
        Q_EMIT errorOccurred(Error{u"kube.watch"_s,
                                   tr("watch of %1 failed: %2").arg(m_path, status ? status->message : tr("unknown error")),
                                   QString::fromUtf8(QJsonDocument(event.object).toJson(QJsonDocument::Compact))});
        dropReply();
        retryLater(&KubeWatcher::watch);
        return;
    }
    // A working stream: the next failure starts the backoff from the beginning again.
    m_backoffMs = m_initialBackoffMs;
    if (event.type == u"BOOKMARK"_s) {
        if (!rv.isEmpty())
            m_resourceVersion = rv;
        ++m_bookmarks;
        Q_EMIT bookmarkReceived(rv);
        return;
    }
    const QString key = keyOf(event.object);
    if (!rv.isEmpty())
        m_resourceVersion = rv;
    if (event.type == u"ADDED"_s || event.type == u"MODIFIED"_s) {
        const bool known = m_objects.contains(key);
        m_objects.insert(key, event.object);
        if (known)
            Q_EMIT objectModified(key, event.object);
        else
            Q_EMIT objectAdded(key, event.object);
    } else if (event.type == u"DELETED"_s) {
        m_objects.remove(key);
        Q_EMIT objectDeleted(key, event.object);
    } else {
        qCWarning(lcKube) << "watch" << m_path << "unknown event type" << event.type;
    }
}

void KubeWatcher::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_stallTimer->stop();
    m_reply = nullptr;
    reply->deleteLater();
    const int http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (http == 200) {
        // Whatever is still buffered, then resume from the last version seen.
        const WatchStreamParser::Output out = m_parser.feed(reply->readAll() + '\n');
        m_reply = reply; // so that handle() can tell a 410 from the end of the stream
        for (const WatchEvent &e : out.events) {
            handle(e);
            if (m_reply != reply)
                return;
        }
        m_reply = nullptr;
    }
    if (!m_running)
        return;
    if (http == 200 && reply->error() == QNetworkReply::NoError) {
        qCDebug(lcKube) << "watch" << m_path << "ended by the server; resuming at" << m_resourceVersion;
        watch();
        return;
    }
    if (http == 410) {
        list();
        return;
    }
    const QByteArray body = http != 200 ? reply->readAll() : QByteArray();
    if (auto error = m_client ? m_client->errorFor(reply, body) : std::nullopt) {
        if (error->code == u"kube.unauthorized"_s && m_client)
            m_client->credentialsRejected();
        Q_EMIT errorOccurred(*error);
    } else {
        Q_EMIT errorOccurred(Error{u"kube.watch"_s, tr("the watch of %1 was interrupted").arg(m_path), {}});
    }
    retryLater(&KubeWatcher::watch);
}

} // namespace tideline::kube
