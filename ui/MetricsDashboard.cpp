#include "MetricsDashboard.h"

#include "AlertNotifier.h"
#include "MainWindow.h"
#include "QueueDepthChart.h"
#include "StateStyle.h"
#include "WelcomePage.h"
#include "WorkspaceController.h"
#include "core/HistoryStore.h"
#include "core/Logging.h"
#include "core/TimeSeries.h"
#include "ConnectionView.h"
#include "metrics/MqttSysSource.h"
#include "metrics/PrometheusQueryClient.h"
#include "metrics/PrometheusQuerySource.h"
#include "metrics/PrometheusScrapeSource.h"
#include "metrics/RabbitMqManagementApi.h"
#include "metrics/RabbitMqManagementSource.h"
#include "secrets/CredentialStore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeWidget>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

QString kindKey(MetricSourceConfig::Kind kind)
{
    switch (kind) {
    case MetricSourceConfig::Kind::RabbitMq:
        return u"rabbitmq"_s;
    case MetricSourceConfig::Kind::PrometheusScrape:
        return u"scrape"_s;
    case MetricSourceConfig::Kind::PrometheusQuery:
        return u"promql"_s;
    case MetricSourceConfig::Kind::MqttSys:
        return u"mqttsys"_s;
    }
    return u"rabbitmq"_s;
}

MetricSourceConfig::Kind kindFromKey(const QString &key)
{
    if (key == u"scrape"_s)
        return MetricSourceConfig::Kind::PrometheusScrape;
    if (key == u"promql"_s)
        return MetricSourceConfig::Kind::PrometheusQuery;
    if (key == u"mqttsys"_s)
        return MetricSourceConfig::Kind::MqttSys;
    return MetricSourceConfig::Kind::RabbitMq;
}

MqttConnection::State asConnectionState(MetricSource::State state)
{
    switch (state) {
    case MetricSource::State::Ok:
        return MqttConnection::State::Connected;
    case MetricSource::State::Failing:
        return MqttConnection::State::Failed;
    case MetricSource::State::Idle:
        break;
    }
    return MqttConnection::State::Disconnected;
}

// How a well-known series looks on a queue chart; nullopt for series a queue chart leaves out.
struct KnownSeries
{
    ChartSeriesSpec::Role role;
    const char *name;
    int axis;
};

std::optional<KnownSeries> knownSeries(const QString &metric)
{
    if (metric == RabbitMqManagementApi::Messages)
        return KnownSeries{ChartSeriesSpec::Role::Depth, QT_TRANSLATE_NOOP("tideline::MetricsDashboard", "Depth"),
                           QueueDepthChart::LeftAxis};
    if (metric == RabbitMqManagementApi::MessagesReady)
        return KnownSeries{ChartSeriesSpec::Role::Ready, QT_TRANSLATE_NOOP("tideline::MetricsDashboard", "Ready"),
                           QueueDepthChart::LeftAxis};
    if (metric == RabbitMqManagementApi::MessagesUnacknowledged)
        return KnownSeries{ChartSeriesSpec::Role::Unacked,
                           QT_TRANSLATE_NOOP("tideline::MetricsDashboard", "Unacked"), QueueDepthChart::LeftAxis};
    if (metric == RabbitMqManagementApi::PublishRate)
        return KnownSeries{ChartSeriesSpec::Role::InRate,
                           QT_TRANSLATE_NOOP("tideline::MetricsDashboard", "In (msg/s)"), QueueDepthChart::RightAxis};
    if (metric == RabbitMqManagementApi::DeliverGetRate)
        return KnownSeries{ChartSeriesSpec::Role::OutRate,
                           QT_TRANSLATE_NOOP("tideline::MetricsDashboard", "Out (msg/s)"), QueueDepthChart::RightAxis};
    return std::nullopt;
}

// How an MQTT $SYS series looks on its broker chart; nullopt for those left to the history.
// Broker figures are not a queue: nothing is "depth" (so no time to drain); the message rates
// fill the chart's In and Out figures.
struct MqttSeriesLook
{
    const char *name;
    int axis;
    bool visible;
    ChartSeriesSpec::Role role = ChartSeriesSpec::Role::Other;
};

std::optional<MqttSeriesLook> mqttSeries(const QString &metric)
{
    const int left = QueueDepthChart::LeftAxis;
    const int right = QueueDepthChart::RightAxis;
    if (metric == MqttSysSource::MessagesStored)
        return MqttSeriesLook{QT_TRANSLATE_NOOP("tideline::MetricsDashboard", "Stored messages"), left, true};
    if (metric == MqttSysSource::RetainedMessages)
        return MqttSeriesLook{QT_TRANSLATE_NOOP("tideline::MetricsDashboard", "Retained"), left, true};
    if (metric == MqttSysSource::ClientsConnected)
        return MqttSeriesLook{QT_TRANSLATE_NOOP("tideline::MetricsDashboard", "Clients"), left, true};
    if (metric == MqttSysSource::MessagesReceivedRate)
        return MqttSeriesLook{QT_TRANSLATE_NOOP("tideline::MetricsDashboard", "In (msg/s)"), right, true,
                              ChartSeriesSpec::Role::InRate};
    if (metric == MqttSysSource::MessagesSentRate)
        return MqttSeriesLook{QT_TRANSLATE_NOOP("tideline::MetricsDashboard", "Out (msg/s)"), right, true,
                              ChartSeriesSpec::Role::OutRate};
    // Totals only grow; shown when asked for in the legend.
    if (metric == MqttSysSource::MessagesReceivedTotal)
        return MqttSeriesLook{QT_TRANSLATE_NOOP("tideline::MetricsDashboard", "Received (total)"), left, false};
    if (metric == MqttSysSource::MessagesSentTotal)
        return MqttSeriesLook{QT_TRANSLATE_NOOP("tideline::MetricsDashboard", "Sent (total)"), left, false};
    // Bytes would need an axis of their own: they stay in the history.
    return std::nullopt;
}

QString rabbitGroup(const MetricLabels &labels)
{
    return labels.value(u"vhost"_s) + u'\n' + labels.value(u"queue"_s);
}

} // namespace

// --- MetricSourceConfig -------------------------------------------------------------------------

QJsonObject MetricSourceConfig::toJson() const
{
    QJsonObject o{{u"id"_s, id},
                  {u"kind"_s, kindKey(kind)},
                  {u"url"_s, url.toString()},
                  {u"intervalMs"_s, intervalMs}};
    auto put = [&o](const QString &name, const QString &value) {
        if (!value.isEmpty())
            o.insert(name, value);
    };
    put(u"user"_s, user);
    put(u"vhost"_s, vhost);
    put(u"queue"_s, queue);
    put(u"match"_s, match);
    put(u"query"_s, query);
    put(u"caFile"_s, caFile);
    put(u"connection"_s, connection);
    if (!historyUrl.isEmpty())
        o.insert(u"historyUrl"_s, historyUrl.toString());
    put(u"connectionName"_s, connectionName);
    if (rangeMs > 0)
        o.insert(u"rangeMs"_s, rangeMs);
    if (stepMs > 0)
        o.insert(u"stepMs"_s, stepMs);
    return o;
}

MetricSourceConfig MetricSourceConfig::fromJson(const QJsonObject &json)
{
    MetricSourceConfig c;
    c.id = json.value(u"id"_s).toString();
    c.kind = kindFromKey(json.value(u"kind"_s).toString());
    c.url = QUrl(json.value(u"url"_s).toString());
    c.user = json.value(u"user"_s).toString();
    c.vhost = json.value(u"vhost"_s).toString();
    c.queue = json.value(u"queue"_s).toString();
    c.match = json.value(u"match"_s).toString();
    c.query = json.value(u"query"_s).toString();
    c.caFile = json.value(u"caFile"_s).toString();
    c.connection = json.value(u"connection"_s).toString();
    c.historyUrl = QUrl(json.value(u"historyUrl"_s).toString());
    c.connectionName = json.value(u"connectionName"_s).toString();
    c.rangeMs = qMax<qint64>(0, json.value(u"rangeMs"_s).toInteger());
    c.stepMs = qMax<qint64>(0, json.value(u"stepMs"_s).toInteger());
    c.intervalMs = json.value(u"intervalMs"_s).toInt(MetricSource::DefaultIntervalMs);
    return c;
}

QString MetricSourceConfig::displayName() const
{
    const QString where = url.toDisplayString(QUrl::RemoveUserInfo);
    switch (kind) {
    case Kind::RabbitMq:
        if (!queue.isEmpty())
            return MetricsDashboard::tr("RabbitMQ %1 (%2 on %3)").arg(where, queue, vhost.isEmpty() ? u"/"_s : vhost);
        return MetricsDashboard::tr("RabbitMQ %1").arg(where);
    case Kind::PrometheusScrape:
        return match.isEmpty() ? MetricsDashboard::tr("Metrics %1").arg(where)
                               : MetricsDashboard::tr("Metrics %1 (%2)").arg(where, match);
    case Kind::PrometheusQuery:
        return MetricsDashboard::tr("Prometheus %1: %2").arg(where, query);
    case Kind::MqttSys:
        return MetricsDashboard::tr("MQTT $SYS %1").arg(connectionName.isEmpty() ? connection : connectionName);
    }
    return where;
}

QString MetricSourceConfig::problem() const
{
    if (kind == Kind::MqttSys) {
        if (connection.isEmpty())
            return MetricsDashboard::tr("Open an MQTT connection first: its $SYS statistics are read from there.");
        if (intervalMs < MetricSource::MinimumIntervalMs)
            return MetricsDashboard::tr("The interval is too short.");
        return {};
    }
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s))
        return MetricsDashboard::tr("Enter an http:// or https:// URL with a host name.");
    if (kind == Kind::RabbitMq && user.isEmpty())
        return MetricsDashboard::tr("Enter the RabbitMQ user name.");
    if (kind == Kind::PrometheusQuery && query.trimmed().isEmpty())
        return MetricsDashboard::tr("Enter a PromQL expression.");
    if (kind == Kind::PrometheusScrape && !historyUrl.isEmpty()
        && (!historyUrl.isValid() || historyUrl.host().isEmpty()
            || (historyUrl.scheme() != u"http"_s && historyUrl.scheme() != u"https"_s)))
        return MetricsDashboard::tr("Enter the history server as an http:// or https:// URL, or leave it empty.");
    if (kind == Kind::PrometheusQuery && rangeMs < 0)
        return MetricsDashboard::tr("Enter the history range as a duration such as 5m, 1h or 2d.");
    if (kind == Kind::PrometheusQuery && stepMs < 0)
        return MetricsDashboard::tr("Enter the step as a duration such as 1s or 15s.");
    if (intervalMs < MetricSource::MinimumIntervalMs)
        return MetricsDashboard::tr("The interval is too short.");
    return {};
}

// --- AddMetricSourceDialog ---------------------------------------------------------------------

AddMetricSourceDialog::AddMetricSourceDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(u"addMetricSourceDialog"_s);
    setWindowTitle(tr("Add metric source"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(u"sourceKind"_s);
    m_kind->addItem(tr("RabbitMQ management API"));
    m_kind->addItem(tr("Prometheus /metrics endpoint"));
    m_kind->addItem(tr("Prometheus server (PromQL)"));
    m_kind->addItem(tr("MQTT broker statistics ($SYS)"));

    auto lineEdit = [this](const QString &objectName, const QString &text, const QString &placeholder) {
        auto *edit = new QLineEdit(text, this);
        edit->setObjectName(objectName);
        edit->setPlaceholderText(placeholder);
        connect(edit, &QLineEdit::textChanged, this, &AddMetricSourceDialog::validate);
        return edit;
    };

    m_pages = new QStackedWidget(this);
    auto *rabbit = new QWidget(m_pages);
    auto *rabbitForm = new QFormLayout(rabbit);
    rabbitForm->setContentsMargins(0, 0, 0, 0);
    m_rabbitUrl = lineEdit(u"rabbitUrl"_s, u"http://localhost:15672"_s, u"http://host:15672"_s);
    m_rabbitUser = lineEdit(u"rabbitUser"_s, u"guest"_s, {});
    m_rabbitPassword = lineEdit(u"rabbitPassword"_s, {}, {});
    m_rabbitPassword->setEchoMode(QLineEdit::Password);
    m_rabbitVhost = lineEdit(u"rabbitVhost"_s, {}, tr("all virtual hosts"));
    m_rabbitQueue = lineEdit(u"rabbitQueue"_s, {}, tr("all queues"));
    m_remember = new QCheckBox(tr("Remember the password in the system keychain"), rabbit);
    m_remember->setObjectName(u"rabbitRemember"_s);
    m_remember->setChecked(true);
    rabbitForm->addRow(tr("Management &URL:"), m_rabbitUrl);
    rabbitForm->addRow(tr("&User:"), m_rabbitUser);
    rabbitForm->addRow(tr("&Password:"), m_rabbitPassword);
    rabbitForm->addRow(tr("&Virtual host:"), m_rabbitVhost);
    rabbitForm->addRow(tr("&Queue:"), m_rabbitQueue);
    rabbitForm->addRow(QString(), m_remember);
    m_pages->addWidget(rabbit);

    auto *scrape = new QWidget(m_pages);
    auto *scrapeForm = new QFormLayout(scrape);
    scrapeForm->setContentsMargins(0, 0, 0, 0);
    m_scrapeUrl = lineEdit(u"scrapeUrl"_s, u"http://localhost:15692/metrics"_s, u"http://host:port/metrics"_s);
    m_scrapeMatch = lineEdit(u"scrapeMatch"_s, u"rabbitmq_queue_messages*"_s, tr("every sample"));
    m_scrapeMatch->setToolTip(tr("A sample or family name, or a pattern with * and ?"));
    scrapeForm->addRow(tr("Endpoint &URL:"), m_scrapeUrl);
    m_scrapeHistory = lineEdit(u"scrapeHistory"_s, {}, tr("none: Tideline's own history"));
    m_scrapeHistory->setToolTip(tr("A Prometheus server that scrapes this endpoint too; charts take their "
                                   "history from it, for any window"));
    scrapeForm->addRow(tr("&Match:"), m_scrapeMatch);
    scrapeForm->addRow(tr("&History from:"), m_scrapeHistory);
    m_pages->addWidget(scrape);

    auto *prom = new QWidget(m_pages);
    auto *promForm = new QFormLayout(prom);
    promForm->setContentsMargins(0, 0, 0, 0);
    m_promUrl = lineEdit(u"promUrl"_s, u"http://localhost:9090"_s, u"http://host:9090"_s);
    m_promQuery = lineEdit(u"promQuery"_s, {}, u"sum by (queue) (rabbitmq_queue_messages)"_s);
    m_promRange = lineEdit(u"promRange"_s, {}, tr("the chart's window"));
    m_promRange->setToolTip(tr("History to fetch from the server with query_range when a chart opens, "
                               "as a PromQL duration: 5m, 1h, 2d"));
    m_promStep = lineEdit(u"promStep"_s, {}, tr("about one point per pixel"));
    m_promStep->setToolTip(tr("The range query's step, as a PromQL duration: 1s, 15s, 1m"));
    promForm->addRow(tr("Server &URL:"), m_promUrl);
    promForm->addRow(tr("&PromQL:"), m_promQuery);
    promForm->addRow(tr("&History range:"), m_promRange);
    promForm->addRow(tr("S&tep:"), m_promStep);
    m_pages->addWidget(prom);

    auto *mqtt = new QWidget(m_pages);
    auto *mqttForm = new QFormLayout(mqtt);
    mqttForm->setContentsMargins(0, 0, 0, 0);
    m_mqttConnection = new QComboBox(mqtt);
    m_mqttConnection->setObjectName(u"mqttConnection"_s);
    connect(m_mqttConnection, &QComboBox::currentIndexChanged, this, &AddMetricSourceDialog::validate);
    m_mqttNone = new QLabel(tr("No MQTT connection is open. Open one (with \"Also subscribe to $SYS/#\") "
                               "and add this source again."),
                            mqtt);
    m_mqttNone->setWordWrap(true);
    mqttForm->addRow(tr("C&onnection:"), m_mqttConnection);
    mqttForm->addRow(QString(), m_mqttNone);
    m_pages->addWidget(mqtt);

    m_caFile = lineEdit(u"caFile"_s, {}, tr("system trust store"));
    m_caFile->setToolTip(tr("A PEM file with the certificate authority of an https server"));
    m_interval = new QSpinBox(this);
    m_interval->setObjectName(u"sourceInterval"_s);
    m_interval->setRange(1, 3600);
    m_interval->setValue(MetricSource::DefaultIntervalMs / 1000);
    m_interval->setSuffix(tr(" s"));

    auto *common = new QFormLayout;
    common->addRow(tr("&Kind:"), m_kind);
    auto *commonBelow = new QFormLayout;
    commonBelow->addRow(tr("CA &file:"), m_caFile);
    commonBelow->addRow(tr("&Interval:"), m_interval);

    m_problem = new QLabel(this);
    m_problem->setObjectName(u"sourceProblem"_s);
    m_problem->setWordWrap(true);
    QPalette pal = m_problem->palette();
    pal.setColor(QPalette::WindowText, ui::errorTextColor(palette()));
    m_problem->setPalette(pal);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Add"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(common);
    layout->addWidget(m_pages);
    layout->addLayout(commonBelow);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_pages->setCurrentIndex(index);
        validate();
    });
    validate();
    resize(520, sizeHint().height());
}

AddMetricSourceDialog::~AddMetricSourceDialog() = default;

MetricSourceConfig AddMetricSourceDialog::config() const
{
    MetricSourceConfig c;
    c.kind = MetricSourceConfig::Kind(m_kind->currentIndex());
    switch (c.kind) {
    case MetricSourceConfig::Kind::RabbitMq:
        c.url = QUrl::fromUserInput(m_rabbitUrl->text().trimmed());
        c.user = m_rabbitUser->text().trimmed();
        c.vhost = m_rabbitVhost->text().trimmed();
        c.queue = m_rabbitQueue->text().trimmed();
        break;
    case MetricSourceConfig::Kind::PrometheusScrape:
        c.url = QUrl::fromUserInput(m_scrapeUrl->text().trimmed());
        c.match = m_scrapeMatch->text().trimmed();
        if (const QString history = m_scrapeHistory->text().trimmed(); !history.isEmpty())
            c.historyUrl = QUrl::fromUserInput(history);
        break;
    case MetricSourceConfig::Kind::PrometheusQuery: {
        c.url = QUrl::fromUserInput(m_promUrl->text().trimmed());
        c.query = m_promQuery->text().trimmed();
        // -1 marks text that is not a duration; problem() names it.
        const auto duration = [](const QLineEdit *edit) -> qint64 {
            const QString text = edit->text().trimmed();
            if (text.isEmpty())
                return 0;
            return PrometheusApi::parseDurationMs(text).value_or(-1);
        };
        c.rangeMs = duration(m_promRange);
        c.stepMs = duration(m_promStep);
        break;
    }
    case MetricSourceConfig::Kind::MqttSys:
        c.connection = m_mqttConnection->currentData().toString();
        c.connectionName = m_mqttConnection->currentText();
        break;
    }
    c.caFile = m_caFile->text().trimmed();
    c.intervalMs = m_interval->value() * 1000;
    return c;
}

void AddMetricSourceDialog::setConfig(const MetricSourceConfig &c)
{
    m_kind->setCurrentIndex(int(c.kind));
    const QString url = c.url.toString();
    switch (c.kind) {
    case MetricSourceConfig::Kind::RabbitMq:
        m_rabbitUrl->setText(url);
        m_rabbitUser->setText(c.user);
        m_rabbitVhost->setText(c.vhost);
        m_rabbitQueue->setText(c.queue);
        break;
    case MetricSourceConfig::Kind::PrometheusScrape:
        m_scrapeUrl->setText(url);
        m_scrapeMatch->setText(c.match);
        m_scrapeHistory->setText(c.historyUrl.toString());
        break;
    case MetricSourceConfig::Kind::PrometheusQuery:
        m_promUrl->setText(url);
        m_promQuery->setText(c.query);
        m_promRange->setText(c.rangeMs > 0 ? QString::number(c.rangeMs / 1000.0) : QString());
        m_promStep->setText(c.stepMs > 0 ? QString::number(c.stepMs / 1000.0) : QString());
        break;
    case MetricSourceConfig::Kind::MqttSys:
        if (const int i = m_mqttConnection->findData(c.connection); i >= 0)
            m_mqttConnection->setCurrentIndex(i);
        break;
    }
    m_caFile->setText(c.caFile);
    m_interval->setValue(std::max(1, c.intervalMs / 1000));
    validate();
}

void AddMetricSourceDialog::setMqttConnections(const QList<std::pair<QString, QString>> &connections)
{
    m_mqttConnection->clear();
    for (const auto &[id, name] : connections)
        m_mqttConnection->addItem(name, id);
    m_mqttConnection->setEnabled(!connections.isEmpty());
    m_mqttNone->setVisible(connections.isEmpty());
    validate();
}

QString AddMetricSourceDialog::password() const
{
    return m_rabbitPassword->text();
}

bool AddMetricSourceDialog::rememberPassword() const
{
    return m_remember->isChecked();
}

void AddMetricSourceDialog::validate()
{
    const QString problem = config().problem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_ok->setEnabled(problem.isEmpty());
}

// --- MetricsDashboard ---------------------------------------------------------------------------

MetricsDashboard::MetricsDashboard(CredentialStore *credentials, QWidget *parent)
    : QWidget(parent), m_credentials(credentials), m_store(std::make_unique<TimeSeriesStore>())
{
    setObjectName(u"metricsDashboard"_s);
    m_alerts = new MetricAlertModel(this);
    m_notifier = new AlertNotifier(this);

    m_addButton = new QPushButton(tr("&Add source…"), this);
    m_addButton->setObjectName(u"addMetricSource"_s);
    m_addButton->setToolTip(tr("Read queue depth from RabbitMQ's management API, a /metrics endpoint or Prometheus"));
    connect(m_addButton, &QPushButton::clicked, this, &MetricsDashboard::promptAddSource);
    m_removeButton = new QPushButton(tr("&Remove source"), this);
    m_removeButton->setObjectName(u"removeMetricSource"_s);
    m_removeButton->setEnabled(false);
    m_status = new QLabel(this);
    m_status->setObjectName(u"dashboardStatus"_s);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    m_sourceList = new QTreeWidget(this);
    m_sourceList->setObjectName(u"metricSources"_s);
    m_sourceList->setAccessibleName(tr("Metric sources"));
    m_sourceList->setRootIsDecorated(false);
    m_sourceList->setHeaderLabels({tr("Source"), tr("State")});
    m_sourceList->header()->setStretchLastSection(true);
    m_sourceList->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_sourceList->setColumnWidth(0, 380);
    connect(m_sourceList, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_removeButton->setEnabled(!m_sourceList->selectedItems().isEmpty()); });
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        const auto items = m_sourceList->selectedItems();
        if (!items.isEmpty())
            removeSource(items.constFirst()->data(0, Qt::UserRole).toString());
    });

    m_empty = new QLabel(tr("No metric source yet. Add RabbitMQ's management API, a Prometheus /metrics "
                            "endpoint or a Prometheus server to chart queue depth over time."),
                         this);
    m_empty->setObjectName(u"dashboardEmpty"_s);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);

    m_chartArea = new QWidget(this);
    m_chartLayout = new QVBoxLayout(m_chartArea);
    m_chartLayout->setContentsMargins(0, 0, 0, 0);
    m_chartLayout->setSpacing(10);
    m_chartLayout->addWidget(m_empty, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"chartScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_chartArea);

    m_alertView = new QTableView(this);
    m_alertView->setObjectName(u"metricAlerts"_s);
    m_alertView->setAccessibleName(tr("Alerts"));
    m_alertView->setModel(m_alerts);
    m_alertView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_alertView->verticalHeader()->hide();
    m_alertView->horizontalHeader()->setStretchLastSection(true);
    m_alertView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_alertView->horizontalHeader()->setSectionResizeMode(MetricAlertModel::StateColumn, QHeaderView::Stretch);
    m_alertView->setWordWrap(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_addButton);
    top->addWidget(m_removeButton);
    top->addWidget(m_status, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(u"dashboardSplitter"_s);
    splitter->addWidget(scroll);
    splitter->addWidget(m_alertView);
    splitter->setStretchFactor(0, 5);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({600, 110});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_sourceList);
    layout->addWidget(splitter, 1);

    connect(m_alerts, &MetricAlertModel::activeCountChanged, this, [this](int active) {
        m_alertView->setToolTip(tr("%n active alert(s)", nullptr, active));
    });
    updateEmptyState();
}

MetricsDashboard::~MetricsDashboard()
{
    // Sources first: a late reply must not reach a half-destroyed dashboard.
    for (auto &e : m_sources)
        delete e->source;
    m_sources.clear();
    // The charts read the store, which goes before the child widgets do.
    for (const ChartEntry &c : m_charts)
        delete c.chart;
    m_charts.clear();
}

MetricsDashboard::SourceEntry *MetricsDashboard::entry(const QString &id)
{
    for (auto &e : m_sources) {
        if (e->config.id == id)
            return e.get();
    }
    return nullptr;
}

const MetricsDashboard::SourceEntry *MetricsDashboard::entry(const QString &id) const
{
    for (const auto &e : m_sources) {
        if (e->config.id == id)
            return e.get();
    }
    return nullptr;
}

const MetricsDashboard::SourceEntry *MetricsDashboard::entryForSourceId(const QString &sourceId) const
{
    for (const auto &e : m_sources) {
        if (e->source && e->source->sourceId() == sourceId)
            return e.get();
    }
    return nullptr;
}

Result<MetricSource *> MetricsDashboard::addSource(MetricSourceConfig config, const std::optional<QString> &password,
                                                   bool remember)
{
    if (const QString problem = config.problem(); !problem.isEmpty())
        return Error{u"metrics.config"_s, problem, {}};
    if (config.id.isEmpty() || entry(config.id))
        config.id = QUuid::createUuid().toString(QUuid::WithoutBraces);

    if (!m_history && m_historyProvider) {
        if (HistoryStore *history = m_historyProvider())
            setHistoryStore(history);
    }

    MetricHttp::TlsOptions tls;
    tls.caFile = config.caFile;
    MetricSource *source = nullptr;
    switch (config.kind) {
    case MetricSourceConfig::Kind::RabbitMq: {
        RabbitMqManagementSource::Options o;
        o.url = config.url;
        o.user = config.user;
        o.vhost = config.vhost;
        o.queue = config.queue;
        o.tls = tls;
        source = new RabbitMqManagementSource(o, this);
        break;
    }
    case MetricSourceConfig::Kind::PrometheusScrape:
        source = new PrometheusScrapeSource({config.url, config.match, tls}, this);
        break;
    case MetricSourceConfig::Kind::PrometheusQuery:
        source = new PrometheusQuerySource({config.url, config.query, tls}, this);
        break;
    case MetricSourceConfig::Kind::MqttSys:
        source = new MqttSysSource(config.connectionName.isEmpty() ? config.connection : config.connectionName, this);
        break;
    }
    source->setIntervalMs(config.intervalMs);

    auto e = std::make_unique<SourceEntry>();
    e->config = config;
    e->source = source;
    const QString id = config.id;
    m_sources.push_back(std::move(e));

    connect(source, &MetricSource::samplesReady, this, &MetricsDashboard::ingest);
    connect(source, &MetricSource::seriesReady, this, &MetricsDashboard::ingestSeries);
    connect(source, &MetricSource::stateChanged, this, [this, id] { onSourceState(id); });
    if (config.kind == MetricSourceConfig::Kind::MqttSys)
        bindMqttSource(*entry(id));

    auto *rabbit = qobject_cast<RabbitMqManagementSource *>(source);
    if (rabbit && password) {
        rabbit->setPassword(*password);
        if (remember && m_credentials) {
            QPointer<MetricsDashboard> self(this);
            m_credentials->write(RabbitMqManagementSource::secretKey(config.url, config.user), *password,
                                 [self](Result<void> r) {
                                     if (self && !r)
                                         self->setStatus(tr("The password is kept for this session only: %1")
                                                             .arg(r.error().message),
                                                         true);
                                 });
        }
        source->start();
    } else if (rabbit && m_credentials) {
        QPointer<RabbitMqManagementSource> guard(rabbit);
        m_credentials->read(RabbitMqManagementSource::secretKey(config.url, config.user), [this, guard, id](Result<QString> r) {
            if (!guard)
                return;
            if (r) {
                guard->setPassword(r.value());
                if (SourceEntry *se = entry(id))
                    se->passwordProblem.clear();
                guard->start();
            } else if (SourceEntry *se = entry(id)) {
                se->passwordProblem = tr("no password: %1").arg(r.error().message);
                onSourceState(id);
            }
        });
    } else if (rabbit) {
        entry(id)->passwordProblem = tr("no password: %1").arg(CredentialStore::unavailableMessage());
        onSourceState(id);
    } else {
        source->start();
    }
    updateSourceList();
    updateEmptyState();
    Q_EMIT configChanged();
    return source;
}

void MetricsDashboard::removeSource(const QString &id)
{
    const auto it = std::find_if(m_sources.begin(), m_sources.end(), [&](const auto &e) { return e->config.id == id; });
    if (it == m_sources.end())
        return;
    const QString sourceId = (*it)->source->sourceId();
    delete (*it)->source;
    m_sources.erase(it);
    for (auto c = m_charts.begin(); c != m_charts.end();) {
        if (c->sourceId == sourceId) {
            m_chartLayout->removeWidget(c->chart);
            delete c->chart;
            c = m_charts.erase(c);
        } else {
            ++c;
        }
    }
    updateSourceList();
    updateEmptyState();
    Q_EMIT configChanged();
}

QList<MetricSourceConfig> MetricsDashboard::sourceConfigs() const
{
    QList<MetricSourceConfig> out;
    for (const auto &e : m_sources)
        out.append(e->config);
    return out;
}

MetricSource *MetricsDashboard::source(const QString &id) const
{
    const SourceEntry *e = entry(id);
    return e ? e->source : nullptr;
}

void MetricsDashboard::promptAddSource()
{
    AddMetricSourceDialog dialog(this);
    QList<std::pair<QString, QString>> connections;
    if (m_mqttProvider) {
        for (const MqttConnectionRef &ref : m_mqttProvider())
            connections.append({ref.id, ref.name});
    }
    dialog.setMqttConnections(connections);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const MetricSourceConfig config = dialog.config();
    const bool rabbit = config.kind == MetricSourceConfig::Kind::RabbitMq;
    auto r = addSource(config, rabbit ? std::optional<QString>(dialog.password()) : std::nullopt,
                       dialog.rememberPassword());
    if (!r)
        setStatus(r.error().message, true);
}

void MetricsDashboard::setMqttConnectionProvider(std::function<QList<MqttConnectionRef>()> provider)
{
    m_mqttProvider = std::move(provider);
    rebindMqttSources();
}

void MetricsDashboard::rebindMqttSources()
{
    for (const auto &e : m_sources) {
        if (e->config.kind == MetricSourceConfig::Kind::MqttSys)
            bindMqttSource(*e);
    }
}

void MetricsDashboard::bindMqttSource(const SourceEntry &e)
{
    auto *source = qobject_cast<MqttSysSource *>(e.source);
    if (!source)
        return;
    const QList<MqttConnectionRef> refs = m_mqttProvider ? m_mqttProvider() : QList<MqttConnectionRef>();
    for (const MqttConnectionRef &ref : refs) {
        if (ref.id == e.config.connection) {
            source->setConnection(ref.connection, ref.pipeline);
            return;
        }
    }
    // Not open (yet): the source says so on its chart and in the list.
    source->setConnection(nullptr, nullptr);
}

QString MetricsDashboard::sourceStateText(const QString &id) const
{
    const SourceEntry *e = entry(id);
    if (!e)
        return {};
    if (!e->passwordProblem.isEmpty())
        return e->passwordProblem;
    const MetricSource::State state = e->source->state();
    if (state == MetricSource::State::Failing)
        return tr("failing: %1").arg(e->source->stateReason());
    if (state == MetricSource::State::Idle)
        return e->source->isBusy() ? tr("connecting…") : MetricSource::stateName(state);
    return MetricSource::stateName(state);
}

void MetricsDashboard::onSourceState(const QString &id)
{
    const SourceEntry *e = entry(id);
    if (!e)
        return;
    MetricSource::State state = e->source->state();
    QString reason = e->source->stateReason();
    if (!e->passwordProblem.isEmpty()) {
        state = MetricSource::State::Failing;
        reason = e->passwordProblem;
    }
    for (const ChartEntry &c : m_charts) {
        if (c.sourceId == e->source->sourceId())
            c.chart->setSourceState(c.sourceId, state, reason);
    }
    updateSourceList();
}

void MetricsDashboard::updateSourceList()
{
    m_sourceList->clear();
    for (const auto &e : m_sources) {
        auto *item = new QTreeWidgetItem(m_sourceList);
        item->setText(0, e->config.displayName());
        item->setData(0, Qt::UserRole, e->config.id);
        MetricSource::State state = e->source->state();
        if (!e->passwordProblem.isEmpty())
            state = MetricSource::State::Failing;
        item->setIcon(0, ui::stateDotIcon(asConnectionState(state)));
        item->setText(1, sourceStateText(e->config.id));
        item->setToolTip(1, sourceStateText(e->config.id));
        if (state == MetricSource::State::Failing)
            item->setForeground(1, ui::stateTextColor(MqttConnection::State::Failed, palette()));
    }
    m_sourceList->setVisible(!m_sources.empty());
    // As tall as its rows (up to four), not a fixed block of empty lines.
    const int rows = std::clamp(int(m_sources.size()), 1, 4);
    const int rowHeight = std::max(m_sourceList->sizeHintForRow(0), fontMetrics().height() + 6);
    m_sourceList->setFixedHeight(m_sourceList->header()->sizeHint().height() + rows * rowHeight
                                 + 2 * m_sourceList->frameWidth() + 2);
    m_removeButton->setEnabled(!m_sourceList->selectedItems().isEmpty());
}

void MetricsDashboard::updateEmptyState()
{
    m_empty->setVisible(m_charts.empty());
    if (m_charts.empty() && !m_sources.empty())
        m_empty->setText(tr("Waiting for the first figures from the sources…"));
    else if (m_charts.empty())
        m_empty->setText(tr("No metric source yet. Add RabbitMQ's management API, a Prometheus /metrics "
                            "endpoint or a Prometheus server to chart queue depth over time."));
}

void MetricsDashboard::setStatus(const QString &text, bool error)
{
    QPalette pal = palette();
    if (error)
        pal.setColor(QPalette::WindowText, ui::errorTextColor(palette()));
    m_status->setPalette(pal);
    m_status->setText(text);
}

// --- charts ---

QList<QueueDepthChart *> MetricsDashboard::charts() const
{
    QList<QueueDepthChart *> out;
    for (const ChartEntry &c : m_charts)
        out.append(c.chart);
    return out;
}

QueueDepthChart *MetricsDashboard::chart(const QString &title) const
{
    for (const ChartEntry &c : m_charts) {
        if (c.chart->title() == title)
            return c.chart;
    }
    return nullptr;
}

QueueDepthChart *MetricsDashboard::createChart(const QString &sourceId, const QString &group, const QString &title)
{
    auto *chart = new QueueDepthChart(m_store.get(), m_chartArea);
    chart->setTitle(title);
    chart->setAlertModel(m_alerts);
    chart->setMinimumHeight(300);
    connect(chart, &QueueDepthChart::alertFired, this, &MetricsDashboard::showAlert);
    connect(chart, &QueueDepthChart::configChanged, this, &MetricsDashboard::configChanged);
    // A longer window may reach past what memory holds: ask the history again.
    connect(chart, &QueueDepthChart::windowChanged, this, [this, chart] { backfill(chart); });
    // One chart fills the panel; more share it down to their minimum height, then scroll.
    m_chartLayout->insertWidget(int(m_charts.size()) + 1, chart, 1);
    m_charts.push_back({sourceId, group, chart});
    for (const TimelineEvent &event : std::as_const(m_events))
        chart->addTimelineEvent(event);
    if (const SourceEntry *e = entryForSourceId(sourceId))
        onSourceState(e->config.id);
    updateEmptyState();
    return chart;
}

QueueDepthChart *MetricsDashboard::chartFor(const QString &sourceId, const MetricLabels &labels)
{
    const SourceEntry *e = entryForSourceId(sourceId);
    const bool rabbit = e && e->config.kind == MetricSourceConfig::Kind::RabbitMq;
    const QString group = rabbit ? rabbitGroup(labels) : QString();
    int count = 0;
    for (const ChartEntry &c : m_charts) {
        if (c.sourceId != sourceId)
            continue;
        if (c.group == group)
            return c.chart;
        ++count;
    }
    if (count >= MaxChartsPerSource)
        return nullptr;
    QString title;
    if (rabbit)
        title = tr("%1 on %2").arg(labels.value(u"queue"_s), labels.value(u"vhost"_s));
    else
        title = e ? e->config.displayName() : sourceId;
    QueueDepthChart *chart = createChart(sourceId, group, title);
    Q_EMIT configChanged();
    return chart;
}

void MetricsDashboard::addSeriesFor(QueueDepthChart *chart, const MetricSeriesKey &key)
{
    if (chart->hasSeries(key))
        return;
    const SourceEntry *e = entryForSourceId(key.source);
    if (e && e->config.kind == MetricSourceConfig::Kind::MqttSys) {
        const auto look = mqttSeries(key.name);
        if (!look || chart->seriesSpecs().size() >= MaxSeriesPerChart)
            return;
        ChartSeriesSpec spec(key, tr(look->name), look->role, look->axis);
        spec.visible = look->visible;
        chart->addSeries(spec);
        backfill(chart);
        return;
    }
    const bool rabbit = e && e->config.kind == MetricSourceConfig::Kind::RabbitMq;
    const auto known = knownSeries(key.name);
    if (rabbit && !known)
        return; // consumers and ack rate stay out of the queue chart
    if (chart->seriesSpecs().size() >= MaxSeriesPerChart)
        return;
    ChartSeriesSpec spec;
    spec.key = key;
    if (rabbit || (known && !e)) {
        spec.role = known->role;
        spec.name = tr(known->name);
        spec.axis = known->axis;
    } else {
        // Prometheus: the series as Prometheus names it; known names still feed the figures.
        if (known)
            spec.role = known->role;
        spec.axis = known ? known->axis : QueueDepthChart::LeftAxis;
        QString text = key.toString();
        if (text.size() > 60)
            text = text.left(59) + u'…';
        spec.name = text;
    }
    chart->addSeries(spec);
    backfill(chart);
}

bool MetricsDashboard::charted(const MetricSeriesKey &key)
{
    QueueDepthChart *c = chartFor(key.source, key.labels);
    if (!c)
        return false;
    addSeriesFor(c, key);
    return c->hasSeries(key);
}

void MetricsDashboard::ingest(const QList<MetricSample> &samples)
{
    if (samples.isEmpty())
        return;
    // Everything goes into the history; memory holds only what a chart shows (a broker with a
    // thousand queues would otherwise fill it with series nobody looks at).
    if (m_history)
        m_history->append(samples);
    QList<MetricSample> shown;
    shown.reserve(samples.size());
    for (const MetricSample &s : samples) {
        if (charted(s.key))
            shown.append(s);
    }
    m_store->append(shown);
}

void MetricsDashboard::ingestSeries(const QList<MetricSeries> &series)
{
    for (const MetricSeries &s : series) {
        if (m_history)
            m_history->append(s);
        if (charted(s.key))
            m_store->insert(s);
    }
}

void MetricsDashboard::addTimelineEvent(const TimelineEvent &event)
{
    for (const ChartEntry &c : m_charts)
        c.chart->addTimelineEvent(event);
    m_events.append(event);
    while (m_events.size() > MaxEvents)
        m_events.removeFirst();
    if (m_history)
        m_history->appendEvent(event);
}

void MetricsDashboard::showAlert(const MetricAlert &alert)
{
    Q_EMIT alertFired(alert);
    setStatus(tr("Alert at %1: %2")
                  .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(alert.firedMs), u"HH:mm:ss"_s),
                       MetricAlertModel::describe(alert)),
              true);
    m_notifier->notify(alert);
}

// --- history ---

Result<void> MetricsDashboard::openHistory(const QString &path)
{
    auto history = std::make_unique<HistoryStore>();
    if (auto r = history->open(path); !r)
        return r;
    setHistoryStore(history.get());
    m_ownHistory = std::move(history);
    return {};
}

void MetricsDashboard::setHistoryStore(HistoryStore *store)
{
    if (m_history == store)
        return;
    if (m_history)
        disconnect(m_history, nullptr, this, nullptr);
    m_history = store;
    if (!store)
        return;
    connect(store, &HistoryStore::errorOccurred, this,
            [this](const Error &e) { setStatus(tr("History: %1").arg(e.message), true); });
    connect(store, &HistoryStore::reopened, this, [this] {
        for (const ChartEntry &c : m_charts)
            backfill(c.chart);
    });
    for (const ChartEntry &c : m_charts)
        backfill(c.chart);
}

MetricsDashboard *MetricsDashboard::attachTo(MainWindow *window)
{
    auto *dashboard = new MetricsDashboard(window->credentialStore());
    auto *dock = new QDockWidget(tr("Queue depth"), window);
    dock->setObjectName(u"queueDepthDock"_s);
    dock->setWidget(dashboard);
    window->addDockWidget(Qt::BottomDockWidgetArea, dock);
    dock->hide();
    dock->toggleViewAction()->setText(tr("&Queue depth"));
    dock->toggleViewAction()->setObjectName(u"viewQueueDepthAction"_s);
    if (auto *view = window->menuBar()->findChild<QMenu *>(u"viewMenu"_s))
        view->addAction(dock->toggleViewAction());

    auto showDock = [dock] {
        dock->show();
        dock->raise();
    };
    if (WorkspaceController *ws = window->workspaces()) {
        ws->registerSection(
            u"dashboards"_s, [dashboard] { return dashboard->saveConfig(); },
            [dashboard, showDock](const QJsonObject &config) {
                dashboard->restoreConfig(config);
                if (!dashboard->sourceConfigs().isEmpty())
                    showDock();
            });
        connect(dashboard, &MetricsDashboard::configChanged, ws, &WorkspaceController::updateModified);
    }
    const QPointer<MainWindow> win(window);
    // The workspace's history, the file and object MainWindow::openCluster() uses, so queue
    // depth and scaling history end up in one timeline.
    dashboard->setHistoryProvider([win]() -> HistoryStore * {
        return win && win->workspaces() ? win->workspaces()->history() : nullptr;
    });
    // "MQTT $SYS" sources read the connection tabs of this window.
    dashboard->setMqttConnectionProvider([win] {
        QList<MqttConnectionRef> refs;
        for (int i = 0; win && i < win->connectionCount(); ++i) {
            if (ConnectionView *view = win->viewAt(i))
                refs.append({view->profile().id, view->profile().displayName(), view->connection(), view->pipeline()});
        }
        return refs;
    });
    connect(window, &MainWindow::connectionOpened, dashboard, &MetricsDashboard::rebindMqttSources);
    connect(window, &MainWindow::connectionClosed, dashboard, &MetricsDashboard::rebindMqttSources);
    if (WelcomePage *welcome = window->welcomePage()) {
        connect(welcome, &WelcomePage::addMetricSourceRequested, dashboard, [dashboard, showDock] {
            showDock();
            dashboard->promptAddSource();
        });
    }
    return dashboard;
}

qint64 MetricsDashboard::historyStepMs(qint64 spanMs, int pixels, qint64 configuredStepMs)
{
    qint64 step = configuredStepMs > 0 ? configuredStepMs : std::max<qint64>(1000, spanMs / std::max(pixels, 1));
    // points = span / step + 1 must stay within the server's limit.
    const qint64 minimum = (spanMs + MaxPrometheusPoints - 2) / (MaxPrometheusPoints - 1);
    return std::max({step, minimum, qint64(1)});
}

bool MetricsDashboard::backfillFromPrometheus(QueueDepthChart *chart)
{
    const auto it = std::find_if(m_charts.begin(), m_charts.end(), [chart](const ChartEntry &c) { return c.chart == chart; });
    if (it == m_charts.end())
        return false;
    const auto se = std::find_if(m_sources.begin(), m_sources.end(),
                                 [&](const auto &s) { return s->source && s->source->sourceId() == it->sourceId; });
    if (se == m_sources.end())
        return false;
    SourceEntry &e = **se;
    auto *promql = qobject_cast<PrometheusQuerySource *>(e.source);
    const bool scrape = e.config.kind == MetricSourceConfig::Kind::PrometheusScrape && !e.config.historyUrl.isEmpty();
    if (!promql && !scrape)
        return false;

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 span = std::max(chart->windowMs(), e.config.rangeMs);
    const qint64 step = historyStepMs(span, chart->plotWidth() > 0 ? chart->plotWidth() : 800, e.config.stepMs);
    // Aligned to the step, so a later, longer window asks for the same instants.
    const qint64 from = (now - span) / step * step;
    const QUrl serverUrl = promql ? e.config.url : e.config.historyUrl;
    const QString server = serverUrl.toDisplayString(QUrl::RemoveUserInfo);

    // What to ask: the source's own expression (its answer keys itself), or per series of a
    // scraped endpoint the same name and labels as the server stores them from that target.
    struct Ask
    {
        QString promql;
        std::optional<MetricSeriesKey> key;
    };
    QList<Ask> asks;
    if (promql) {
        asks.append({e.config.query, std::nullopt});
    } else {
        const int defaultPort = e.config.url.scheme() == u"https"_s ? 443 : 80;
        const QString instance = e.config.url.host() + u':' + QString::number(e.config.url.port(defaultPort));
        for (const ChartSeriesSpec &spec : chart->seriesSpecs()) {
            MetricLabels labels = spec.key.labels;
            labels.insert(u"instance"_s, instance);
            asks.append({spec.key.name + formatLabels(labels), spec.key});
        }
    }

    QPointer<QueueDepthChart> guard(chart);
    const auto answered = [this, guard, server, step](const QString &expression, const std::optional<MetricSeriesKey> &key,
                                                      const Result<QList<MetricSeries>> &r) {
        if (!guard)
            return;
        if (!r) {
            for (ChartEntry &c : m_charts) {
                if (c.chart == guard)
                    c.serverHistoryFromMs.remove(expression); // the next window change tries again
            }
            guard->setHistorySource(tr("history: Prometheus failed"), r.error().message);
            return;
        }
        qsizetype points = 0;
        for (const MetricSeries &answer : r.value()) {
            const MetricSeries s = key ? MetricSeries{*key, answer.points} : answer;
            if (!charted(s.key))
                continue;
            m_store->insert(s);
            points += s.points.size();
            if (key)
                break; // one target, one series
        }
        const int stepSeconds = int(std::max<qint64>(1, step / 1000));
        const int pointCount = int(points);
        guard->setHistorySource(tr("history: Prometheus"),
                                tr("%n point(s) from %1 (query_range, step %2 s)", nullptr, pointCount)
                                    .arg(server)
                                    .arg(stepSeconds));
        guard->refresh();
    };

    bool asked = false;
    for (const Ask &ask : std::as_const(asks)) {
        const qint64 covered = it->serverHistoryFromMs.value(ask.promql, 0);
        // Asked already (or in flight); less than a step more is not worth a query.
        if (covered != 0 && covered <= from + step)
            continue;
        it->serverHistoryFromMs.insert(ask.promql, from);
        asked = true;
        if (promql) {
            promql->queryRange(from, now, step, [answered, ask](const Result<QList<MetricSeries>> &r) {
                answered(ask.promql, ask.key, r);
            });
            continue;
        }
        if (!e.historyClient) {
            PrometheusQueryClient::Options o;
            o.url = e.config.historyUrl;
            o.tls.caFile = e.config.caFile;
            o.timeoutMs = e.source->timeoutMs();
            e.historyClient = new PrometheusQueryClient(o, e.source);
        }
        e.historyClient->queryRange(ask.promql, from, now, step,
                                    [answered, ask](const Result<PrometheusApi::QueryResult> &r) {
                                        if (!r)
                                            answered(ask.promql, ask.key, r.error());
                                        else
                                            answered(ask.promql, ask.key, r.value().series);
                                    });
    }
    if (asked)
        chart->setHistorySource(tr("history: Prometheus…"), tr("Asking %1 for the window's history").arg(server));
    return true;
}

void MetricsDashboard::backfill(QueueDepthChart *chart)
{
    if (backfillFromPrometheus(chart))
        return;
    if (!m_history)
        return;
    chart->setHistorySource(tr("history: local store"), tr("Points from before this session come from Tideline's own history file"));
    // What the history has from before this session, up to what the live store keeps.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - m_store->limits().maxAgeMs;
    QPointer<QueueDepthChart> guard(chart);
    for (const ChartSeriesSpec &spec : chart->seriesSpecs()) {
        const MetricSeriesKey key = spec.key;
        const auto first = m_store->pointsRef(key).isEmpty() ? now : m_store->pointsRef(key).constFirst().timestampMs;
        if (first <= from)
            continue;
        m_history->querySamples(key, from, first - 1, 0, this, [this, key, guard](Result<QList<MetricPoint>> r) {
            if (!r || r.value().isEmpty())
                return;
            m_store->insert(key, r.value());
            if (guard)
                guard->refresh();
        });
    }
}

// --- config ---

QJsonObject MetricsDashboard::saveConfig() const
{
    QJsonArray sources;
    for (const auto &e : m_sources)
        sources.append(e->config.toJson());
    QJsonArray charts;
    for (const ChartEntry &c : m_charts) {
        const SourceEntry *e = entryForSourceId(c.sourceId);
        QJsonObject o{{u"group"_s, c.group}, {u"state"_s, c.chart->saveState()}};
        if (e)
            o.insert(u"source"_s, e->config.id);
        else
            o.insert(u"sourceId"_s, c.sourceId);
        charts.append(o);
    }
    return {{u"version"_s, ConfigVersion}, {u"sources"_s, sources}, {u"charts"_s, charts}};
}

void MetricsDashboard::restoreConfig(const QJsonObject &config)
{
    for (const auto &e : m_sources)
        delete e->source;
    m_sources.clear();
    for (const ChartEntry &c : m_charts) {
        m_chartLayout->removeWidget(c.chart);
        delete c.chart;
    }
    m_charts.clear();

    for (const QJsonValue &v : config.value(u"sources"_s).toArray()) {
        const MetricSourceConfig c = MetricSourceConfig::fromJson(v.toObject());
        if (auto r = addSource(c); !r)
            setStatus(tr("A saved source was skipped: %1").arg(r.error().message), true);
    }
    for (const QJsonValue &v : config.value(u"charts"_s).toArray()) {
        const QJsonObject o = v.toObject();
        QString sourceId = o.value(u"sourceId"_s).toString();
        if (const SourceEntry *e = entry(o.value(u"source"_s).toString()))
            sourceId = e->source->sourceId();
        if (sourceId.isEmpty())
            continue;
        const QJsonObject state = o.value(u"state"_s).toObject();
        QueueDepthChart *chart = createChart(sourceId, o.value(u"group"_s).toString(), state.value(u"title"_s).toString());
        chart->restoreState(state);
        backfill(chart);
    }
    updateSourceList();
    updateEmptyState();
}

} // namespace tideline
