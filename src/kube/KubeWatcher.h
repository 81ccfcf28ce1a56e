#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

class QNetworkReply;
class QTimer;

namespace tideline::kube {

class KubeClient;

// One event of a watch stream ({"type": ..., "object": ...}).
struct WatchEvent
{
    QString type;                       // ADDED, MODIFIED, DELETED, BOOKMARK, ERROR
    QJsonObject object;
};

// Splits a watch response body (one JSON object per line, arriving in arbitrary pieces) into
// events. Incomplete trailing data waits for the next feed().
class WatchStreamParser final
{
public:
    struct Output
    {
        QList<WatchEvent> events;
        QStringList errors;             // lines that were not a watch event
    };
    Output feed(const QByteArray &bytes);
    qsizetype pendingBytes() const { return m_buffer.size(); }
    void reset() { m_buffer.clear(); }

private:
    QByteArray m_buffer;
};

// List-then-watch for one collection, keeping a keyed cache ("namespace/name") in step with
// the server: watch from the list's resourceVersion with bookmarks, resume from the last
// resourceVersion seen after a dropped connection (capped exponential backoff), relist when
// the server says the version is gone (HTTP 410, or an ERROR event carrying a 410 Status) and
// emit the difference between the old cache and the new list as added/modified/deleted.
class KubeWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KubeWatcher)

public:
    enum class State { Idle, Listing, Watching, Waiting };
    Q_ENUM(State)

    // `collectionPath` as from KubeClient::collectionPath(); `kind`/`apiVersion` are put on
    // listed items (lists leave them out).
    KubeWatcher(KubeClient *client, QString collectionPath, QString kind, QString apiVersion,
                QObject *parent = nullptr);
    ~KubeWatcher() override;

    // labelSelector / fieldSelector, applied to both the list and the watch.
    void setSelectors(const QUrlQuery &selectors) { m_selectors = selectors; }
    void setBackoff(int initialMs, int maxMs);
    // timeoutSeconds asked of the server per watch request (client-go: 5-10 minutes).
    void setWatchTimeoutSeconds(int seconds) { m_watchTimeoutSeconds = seconds; }

    void start();
    void stop();

    State state() const { return m_state; }
    QString resourceVersion() const { return m_resourceVersion; }
    const QMap<QString, QJsonObject> &objects() const { return m_objects; }
    int listCount() const { return m_lists; }
    int watchCount() const { return m_watches; }
    int bookmarkCount() const { return m_bookmarks; }
    int currentBackoffMs() const { return m_backoffMs; }

    static QString keyOf(const QJsonObject &object);

Q_SIGNALS:
    void objectAdded(const QString &key, const QJsonObject &object);
    void objectModified(const QString &key, const QJsonObject &object);
    void objectDeleted(const QString &key, const QJsonObject &lastKnown);
    // The cache mirrors a fresh list (after the first list and after every relist).
    void synced();
    void bookmarkReceived(const QString &resourceVersion);
    // Something went wrong; the watcher keeps trying (after a backoff) unless stopped.
    void errorOccurred(const tideline::Error &error);
    void stateChanged(tideline::kube::KubeWatcher::State state);

private:
    void setState(State state);
    void list();
    void watch();
    void onReadyRead();
    void onFinished();
    void handle(const WatchEvent &event);
    void retryLater(void (KubeWatcher::*step)());
    void dropReply();
    int stallLimitMs() const;

    QPointer<KubeClient> m_client;
    QString m_path;
    QString m_kind;
    QString m_apiVersion;
    QUrlQuery m_selectors;
    int m_initialBackoffMs = 500;
    int m_maxBackoffMs = 30000;
    int m_backoffMs = 500;
    int m_watchTimeoutSeconds = 300;
    State m_state = State::Idle;
    bool m_running = false;
    QString m_resourceVersion;
    QMap<QString, QJsonObject> m_objects;
    QNetworkReply *m_reply = nullptr;
    WatchStreamParser m_parser;
    QTimer *m_retryTimer;
    QTimer *m_stallTimer;               // a watch silent for longer than its timeout is dead
    bool m_relistRequested = false;
    int m_lists = 0;
    int m_watches = 0;
    int m_bookmarks = 0;
    quint64 m_generation = 0;
};

} // namespace tideline::kube
