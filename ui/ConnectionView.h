#pragma once

#include "mqtt/ConnectionProfile.h"
#include "mqtt/MqttConnection.h"
#include "core/TopicTree.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTreeView;
class QTreeWidget;
class QModelIndex;

namespace tideline {

class CredentialStore;
class IngestPipeline;
class PublishPanel;
class PayloadInspectorView;
class TopicFilterProxyModel;
class TopicTreeModel;

// The content of one connection tab: the live topic tree of one broker connection.
//
// Owns the connection's whole data path — one IngestPipeline, one MqttConnection feeding the
// pipeline's inbox, the TopicTreeModel over the pipeline's tree and a TopicFilterProxyModel for
// the filter line — plus the widgets: a state header, the filter line and tree, a details area
// for the selected topic (its counts and a PayloadInspectorView), a subscriptions panel and a
// broker statistics ($SYS) panel.
// Secrets are fetched from the CredentialStore asynchronously before the connection opens.
class ConnectionView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionView)

public:
    enum class Panel { Subscriptions, BrokerStats, TopicDetails, Publish };

    // What the main window's status bar shows for the current tab.
    struct Stats
    {
        MqttConnection::State state = MqttConnection::State::Disconnected;
        QString stateText;
        quint64 messages = 0;
        double rate = 0.0;
        quint64 topics = 0;
        qint64 historyBytes = 0;
        qint64 historyBudget = 0;
        bool historyTrimmed = false;
        quint64 shedMessages = 0;
    };

    // `store` may be null (then stored secrets cannot be read and the connection opens without
    // them); it must outlive this view.
    ConnectionView(const ConnectionProfile &profile, CredentialStore *store,
                   QWidget *parent = nullptr);
    ~ConnectionView() override;

    // Secrets typed in the connection dialog; a nullopt one is read from the keychain when the
    // profile says it is stored there.
    void setSecrets(const std::optional<QString> &password,
                    const std::optional<QString> &keyPassphrase);

    void connectToBroker();
    void disconnectFromBroker();
    // Connecting, connected or reconnecting (or fetching secrets to do so).
    bool isActive() const;

    void subscribe(const Subscription &subscription);
    void unsubscribe(const QString &filter);
    // Asks for a filter and QoS in a small dialog, then subscribes.
    void promptSubscribe();

    void setPanelVisible(Panel panel, bool visible);

    const ConnectionProfile &profile() const { return m_profile; }
    MqttConnection *connection() const { return m_connection; }
    IngestPipeline *pipeline() const { return m_pipeline; }
    TopicTreeModel *topicModel() const { return m_model; }
    TopicFilterProxyModel *filterModel() const { return m_proxy; }
    QTreeView *topicView() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    PublishPanel *publishPanel() const { return m_publishPanel; }
    PayloadInspectorView *inspector() const { return m_inspector; }

    MqttConnection::State state() const;
    // The state sentence, including problems found before the connection could open.
    QString stateText() const;
    Stats stats() const;

    void saveLayout() const;

Q_SIGNALS:
    void stateChanged(tideline::MqttConnection::State state);
    // About once a second and on every state change.
    void statsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    QWidget *buildHeader();
    QWidget *buildTopicArea();
    QWidget *buildDetails();
    QWidget *buildSidePanel();
    void restoreLayout();

    void openWhenReady();
    void onSecretRead(const QString &what, const Result<QString> &result);
    void onConnectionStateChanged(MqttConnection::State state);
    void onSubscribed(const QString &filter, int grantedQos);
    void onSubscribeFailed(const QString &filter, const QString &reason);
    void applyFilterText(const QString &text);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void autoExpand(const QModelIndex &index, int depth);
    void onCurrentChanged(const QModelIndex &current);
    void addSubscriptionFromInputs();
    void removeSelectedSubscription();
    void refreshSubscriptionList();

    void tick();
    void refreshHeader();
    void refreshDetails();
    void refreshBrokerStats();

    ConnectionProfile m_profile;
    QPointer<CredentialStore> m_store;
    IngestPipeline *m_pipeline = nullptr;
    MqttConnection *m_connection = nullptr;
    TopicTreeModel *m_model = nullptr;
    TopicFilterProxyModel *m_proxy = nullptr;

    bool m_passwordKnown = false;
    bool m_passphraseKnown = false;
    int m_pendingSecrets = 0;
    QString m_preOpenError; // e.g. the keychain refused; shown as Failed
    qint64 m_connectedSinceMs = 0;
    // Subscriptions the user asked for and what the broker said (granted QoS or a reason).
    struct SubscriptionStatus
    {
        QString text; // empty: not answered yet
        bool failed = false;
    };
    QHash<QString, SubscriptionStatus> m_subscriptionStatus;

    TopicTree::NodeId m_selectedNode = TopicTree::InvalidId;
    quint64 m_detailsShownCount = ~quint64(0);
    int m_autoExpanded = 0;
    QTimer m_tickTimer;

    // Header
    QLabel *m_stateDot = nullptr;
    QLabel *m_stateLabel = nullptr;
    QLabel *m_endpointLabel = nullptr;
    QLabel *m_insecureLabel = nullptr;
    QPushButton *m_connectButton = nullptr;
    // Topics
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_topicSplitter = nullptr;
    PublishPanel *m_publishPanel = nullptr; // below the details, hidden until asked for
    QLineEdit *m_filterEdit = nullptr;
    QLabel *m_filterStatus = nullptr;
    QTreeView *m_tree = nullptr;
    // Details
    QGroupBox *m_detailsGroup = nullptr;
    QLineEdit *m_detailTopic = nullptr;
    QLabel *m_detailMessages = nullptr;
    QLabel *m_detailRate = nullptr;
    QLabel *m_detailLastUpdate = nullptr;
    PayloadInspectorView *m_inspector = nullptr;
    // Side panel
    QWidget *m_sidePanel = nullptr;
    QGroupBox *m_subscriptionsGroup = nullptr;
    QTreeWidget *m_subscriptionList = nullptr;
    QLineEdit *m_subscribeEdit = nullptr;
    QComboBox *m_subscribeQos = nullptr;
    QPushButton *m_subscribeButton = nullptr;
    QPushButton *m_unsubscribeButton = nullptr;
    QGroupBox *m_statsGroup = nullptr;
    QTreeWidget *m_statsList = nullptr;
    QLabel *m_statsEmptyLabel = nullptr;
};

} // namespace tideline
