#pragma once

#include "core/HistoryStore.h"
#include "core/Result.h"
#include "core/TimelineEvent.h"
#include "metrics/MetricSource.h"
#include "metrics/MetricTypes.h"
#include "models/MetricAlertModel.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTreeWidget;
class QVBoxLayout;

namespace tideline {

class AlertNotifier;
class CredentialStore;
class IngestPipeline;
class MainWindow;
class MqttConnection;
class PrometheusQueryClient;
class PrometheusQuerySource;
class QueueDepthChart;
class TimeSeriesStore;

// Where the dashboard reads metrics from; everything but the password, which lives in the
// keychain under RabbitMqManagementSource::secretKey().
struct MetricSourceConfig
{
    enum class Kind { RabbitMq, PrometheusScrape, PrometheusQuery, MqttSys };

    QString id;            // stable within a dashboard config
    Kind kind = Kind::RabbitMq;
    QUrl url;              // management base, /metrics endpoint or Prometheus server
    QString user;          // RabbitMQ
    QString vhost;         // RabbitMQ; empty: all
    QString queue;         // RabbitMQ; empty: all
    QString match;         // scrape: name filter (PrometheusScrapeSource::nameMatches)
    QUrl historyUrl;       // scrape: a Prometheus server that scrapes the same endpoint; charts
                           // take their history from it (empty: the local store)
    QString query;         // PromQL
    qint64 rangeMs = 0;    // PromQL: history to fetch with query_range (0: the chart's window)
    qint64 stepMs = 0;     // PromQL: its step (0: about one point per pixel)
    QString connection;    // MQTT $SYS: the connection profile's id
    QString connectionName; // MQTT $SYS: its name when added (names the source)
    QString caFile;        // https with a private CA
    int intervalMs = MetricSource::DefaultIntervalMs;

    QJsonObject toJson() const;
    static MetricSourceConfig fromJson(const QJsonObject &json);
    // "RabbitMQ http://host:15672 (orders on /)", for lists and messages.
    QString displayName() const;
    // Empty when usable; otherwise a translated sentence naming the problem.
    QString problem() const;
};

// "Add source": RabbitMQ management (URL, user, password), a Prometheus /metrics endpoint (URL,
// name match), a Prometheus server (URL, PromQL, history range and step) or the $SYS figures of
// an open MQTT connection. OK stays disabled until the input is usable.
class AddMetricSourceDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddMetricSourceDialog)

public:
    explicit AddMetricSourceDialog(QWidget *parent = nullptr);
    ~AddMetricSourceDialog() override;

    MetricSourceConfig config() const;
    QString password() const;
    bool rememberPassword() const;
    void setConfig(const MetricSourceConfig &config);
    // The open MQTT connections to offer: profile id and name.
    void setMqttConnections(const QList<std::pair<QString, QString>> &connections);

    QComboBox *kindCombo() const { return m_kind; }
    QComboBox *mqttConnectionCombo() const { return m_mqttConnection; }
    QPushButton *okButton() const { return m_ok; }
    QLabel *problemLabel() const { return m_problem; }

private:
    void validate();

    QComboBox *m_kind = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_rabbitUrl = nullptr;
    QLineEdit *m_rabbitUser = nullptr;
    QLineEdit *m_rabbitPassword = nullptr;
    QLineEdit *m_rabbitVhost = nullptr;
    QLineEdit *m_rabbitQueue = nullptr;
    QCheckBox *m_remember = nullptr;
    QLineEdit *m_scrapeUrl = nullptr;
    QLineEdit *m_scrapeMatch = nullptr;
    QLineEdit *m_scrapeHistory = nullptr;
    QLineEdit *m_promUrl = nullptr;
    QLineEdit *m_promQuery = nullptr;
    QLineEdit *m_promRange = nullptr;
    QLineEdit *m_promStep = nullptr;
    QComboBox *m_mqttConnection = nullptr;
    QLabel *m_mqttNone = nullptr;
    QLineEdit *m_caFile = nullptr;
    QSpinBox *m_interval = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_ok = nullptr;
};

// The "Queue depth" panel: metric sources, one QueueDepthChart per queue (RabbitMQ) or per
// source (Prometheus), the alerts those charts raise, and the local history.
//
// Owns the sources, the in-memory TimeSeriesStore every chart reads, the alert model and,
// once opened, the HistoryStore that records every sample. Its configuration (sources without
// secrets, charts with their series, windows and thresholds) is a JSON object the caller
// stores (a workspace section or QSettings).
class MetricsDashboard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsDashboard)

public:
    static constexpr int MaxChartsPerSource = 12;
    static constexpr int MaxSeriesPerChart = 8;
    static constexpr int ConfigVersion = 1;
    static constexpr int MaxEvents = 1000;
    // Prometheus refuses a range query of more than 11,000 points per series.
    static constexpr qint64 MaxPrometheusPoints = 11000;

    // An open MQTT connection an "MQTT $SYS" source can read.
    struct MqttConnectionRef
    {
        QString id;   // ConnectionProfile::id
        QString name; // ConnectionProfile::displayName()
        MqttConnection *connection = nullptr;
        IngestPipeline *pipeline = nullptr;
    };

    // `credentials` may be null (no keychain: passwords are kept for this session only).
    explicit MetricsDashboard(CredentialStore *credentials, QWidget *parent = nullptr);
    ~MetricsDashboard() override;

    // --- sources ---
    // Creates and starts a source. A RabbitMQ password given here is used at once and saved to
    // the keychain when `remember`; without one it is read from the keychain first.
    Result<MetricSource *> addSource(MetricSourceConfig config, const std::optional<QString> &password = std::nullopt,
                                     bool remember = true);
    void removeSource(const QString &id);
    QList<MetricSourceConfig> sourceConfigs() const;
    MetricSource *source(const QString &id) const;
    // Runs the "Add source" dialog and adds what it returns.
    void promptAddSource();
    // The one-line state shown for a source ("ok", "failing: 401 Unauthorized …").
    QString sourceStateText(const QString &id) const;

    // --- MQTT $SYS sources ---
    // Lists the open connections (attachTo(): the main window's tabs).
    void setMqttConnectionProvider(std::function<QList<MqttConnectionRef>()> provider);
    // Points every MQTT $SYS source at its connection again (a tab opened or closed).
    void rebindMqttSources();

    // --- charts ---
    QList<QueueDepthChart *> charts() const;
    QueueDepthChart *chart(const QString &title) const;
    // The chart for samples of `sourceId` with `labels`; created on first sight.
    QueueDepthChart *chartFor(const QString &sourceId, const MetricLabels &labels);

    // --- data ---
    // What sources deliver; public so tests and other panels (Kubernetes) can feed it too.
    void ingest(const QList<MetricSample> &samples);
    void ingestSeries(const QList<MetricSeries> &series);
    // A scaling event or replica change: a marker on every chart, and into the history.
    void addTimelineEvent(const TimelineEvent &event);
    TimeSeriesStore *timeSeries() const { return m_store.get(); }
    MetricAlertModel *alertModel() const { return m_alerts; }
    // Sends each alert to the desktop (notification server or tray).
    AlertNotifier *notifier() const { return m_notifier; }

    // --- history ---
    // Records every sample from now on into its own HistoryStore at `path` (tests, tools) and
    // fills the charts from it.
    Result<void> openHistory(const QString &path);
    // Records into a store someone else owns (the main window's, shared with the cluster tabs).
    void setHistoryStore(HistoryStore *store);
    // Asked for the store when the first source is added, so an unused panel opens no file.
    void setHistoryProvider(std::function<HistoryStore *()> provider) { m_historyProvider = std::move(provider); }
    HistoryStore *history() const { return m_history; }
    // A chart whose series come from a Prometheus query, or from a /metrics endpoint that a
    // Prometheus server also scrapes (MetricSourceConfig::historyUrl), takes its history from
    // the server (query_range over the chart's window, or the source's range when longer)
    // instead of the local store: the step is `configuredStepMs`, or the span over `pixels` (at least 1 s),
    // and never so small that one series would exceed MaxPrometheusPoints.
    static qint64 historyStepMs(qint64 spanMs, int pixels, qint64 configuredStepMs);

    // --- config ---
    QJsonObject saveConfig() const;
    // Replaces sources and charts with those of `config`; passwords come from the keychain.
    void restoreConfig(const QJsonObject &config);

    // Puts a dashboard into `window` as the "Queue depth" dock (hidden until used, toggled from
    // the View menu), stores its config in the workspace's "dashboards" section, records into
    // the window's shared HistoryStore (object name "historyStore", the one the cluster tabs
    // use) and answers the welcome page's "add metric source".
    static MetricsDashboard *attachTo(MainWindow *window);

    QTreeWidget *sourceList() const { return m_sourceList; }
    QTableView *alertView() const { return m_alertView; }
    QPushButton *addSourceButton() const { return m_addButton; }
    QLabel *statusLabel() const { return m_status; }

Q_SIGNALS:
    void configChanged();
    void alertFired(const tideline::MetricAlert &alert);

private:
    struct SourceEntry
    {
        MetricSourceConfig config;
        MetricSource *source = nullptr;
        QString passwordProblem; // the keychain could not give the password
        QPointer<PrometheusQueryClient> historyClient; // scrape with historyUrl; a child of the source
    };
    struct ChartEntry
    {
        QString sourceId;   // MetricSource::sourceId()
        QString group;      // "vhost/queue" for RabbitMQ, empty otherwise
        QueueDepthChart *chart = nullptr;
        // PromQL asked of the history server -> back to when (asked or in flight).
        QHash<QString, qint64> serverHistoryFromMs = {};
    };

    SourceEntry *entry(const QString &id);
    const SourceEntry *entry(const QString &id) const;
    const SourceEntry *entryForSourceId(const QString &sourceId) const;
    QueueDepthChart *createChart(const QString &sourceId, const QString &group, const QString &title);
    void addSeriesFor(QueueDepthChart *chart, const MetricSeriesKey &key);
    // Finds or makes the chart and line for `key`; false when no chart shows it.
    bool charted(const MetricSeriesKey &key);
    void onSourceState(const QString &id);
    void updateSourceList();
    void updateEmptyState();
    void showAlert(const MetricAlert &alert);
    void backfill(QueueDepthChart *chart);
    // True when the chart's history comes from Prometheus (asked now, or already covered).
    bool backfillFromPrometheus(QueueDepthChart *chart);
    void bindMqttSource(const SourceEntry &entry);
    void setStatus(const QString &text, bool error);

    CredentialStore *m_credentials;
    std::unique_ptr<TimeSeriesStore> m_store;
    std::unique_ptr<HistoryStore> m_ownHistory;
    QPointer<HistoryStore> m_history;
    std::function<HistoryStore *()> m_historyProvider;
    std::function<QList<MqttConnectionRef>()> m_mqttProvider;
    MetricAlertModel *m_alerts = nullptr;
    std::vector<std::unique_ptr<SourceEntry>> m_sources;
    std::vector<ChartEntry> m_charts;
    QList<TimelineEvent> m_events; // the newest MaxEvents, for charts created later

    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QTreeWidget *m_sourceList = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_empty = nullptr;
    QWidget *m_chartArea = nullptr;
    QVBoxLayout *m_chartLayout = nullptr;
    QTableView *m_alertView = nullptr;
    AlertNotifier *m_notifier = nullptr;
    int m_nextSourceNumber = 1;
};

} // namespace tideline
