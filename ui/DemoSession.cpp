#include "DemoSession.h"

#include "ClusterView.h"
#include "ConnectionView.h"
#include "MainWindow.h"
#include "MetricsDashboard.h"
#include "QueueDepthChart.h"
#include "WelcomePage.h"
#include "WorkspaceController.h"
#include "core/Logging.h"
#include "demo/DemoCluster.h"
#include "metrics/MetricTypes.h"

#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace tideline {

DemoSession::DemoSession(MainWindow *window, demo::DemoEnvironment::Options options)
    : QObject(window)
    , m_window(window)
    , m_env(std::make_unique<demo::DemoEnvironment>(std::move(options)))
{
    setObjectName(u"demoSession"_s);
    connect(m_env.get(), &demo::DemoEnvironment::progress, this, [this](const QString &message) {
        if (m_window)
            m_window->statusBar()->showMessage(tr("Demo: %1").arg(message), 10000);
    });
    connect(m_env.get(), &demo::DemoEnvironment::ready, this, &DemoSession::layOut);
}

DemoSession::~DemoSession()
{
    // Brokers, workers and the demo cluster stop here, with the window: no stray processes.
    m_env->stop();
}

DemoSession *DemoSession::find(MainWindow *window)
{
    return window ? window->findChild<DemoSession *>(u"demoSession"_s, Qt::FindDirectChildrenOnly) : nullptr;
}

void DemoSession::attachTo(MainWindow *window)
{
    if (WelcomePage *welcome = window->welcomePage()) {
        connect(welcome, &WelcomePage::demoRequested, window, [window] {
            if (find(window))
                return; // one demo per window
            auto *session = new DemoSession(window, demo::DemoEnvironment::Options{});
            session->start();
        });
    }
}

void DemoSession::start()
{
    m_env->start();
}

void DemoSession::layOut()
{
    if (!m_window)
        return;
    // The demo records into its own, empty history (under its data folder, gone with it), so
    // its timeline tells this run's story and never mixes in an earlier run or a real workspace.
    if (WorkspaceController *ws = m_window->workspaces()) {
        if (auto r = ws->useHistoryFile(m_env->dataDir() + u"/history.sqlite"_s); !r)
            qCWarning(lcUi).noquote() << "demo: no history:" << r.error().message;
    }
    if (!m_env->mqttUrl().isEmpty()) {
        auto profile = ConnectionProfile::fromUrl(m_env->mqttUrl());
        if (profile) {
            ConnectionProfile p = profile.value();
            p.name = tr("Demo shop (mosquitto)");
            p.subscriptions = {Subscription{u"#"_s, 0}};
            p.subscribeSys = true;
            m_connection = m_window->openConnection(p);
        }
    }
    auto *dashboard = m_window->findChild<MetricsDashboard *>();
    MetricSeriesKey depthKey;
    if (dashboard && !m_env->managementUrl().isEmpty()) {
        MetricSourceConfig source;
        source.kind = MetricSourceConfig::Kind::RabbitMq;
        source.url = QUrl(m_env->managementUrl());
        source.user = m_env->managementUser();
        source.vhost = u"/"_s;
        source.queue = u"orders"_s;
        source.intervalMs = 2000;
        // The demo's throwaway guest password never goes to the operator's keychain.
        const auto added = dashboard->addSource(source, m_env->managementPassword(), false);
        if (!added)
            qCWarning(lcUi) << "demo: the dashboard source failed:" << added.error().message;
        // The dashboard stays a dock the View menu opens: the cluster tab's timeline already
        // draws this queue with the replicas, which is the picture the demo is about.
        depthKey.name = u"rabbitmq_queue_messages"_s;
        depthKey.labels = {{u"queue"_s, u"orders"_s}, {u"vhost"_s, u"/"_s}};
    }
    if (m_env->cluster()) {
        m_cluster = m_window->openCluster(m_env->kubeconfigPath());
        if (m_cluster) {
            m_cluster->setAuditLogPath(m_env->dataDir() + u"/kube-audit.jsonl"_s);
            m_cluster->selectWorkload(u"Deployment"_s, QString::fromLatin1(demo::DemoCluster::Deployment));
            if (!depthKey.name.isEmpty())
                m_cluster->linkSeries(depthKey.toString(), QString::fromLatin1(demo::DemoCluster::Deployment));
            QTabWidget *tabs = m_window->tabWidget();
            const int index = tabs->indexOf(m_cluster);
            m_cluster->setLabel(tr("Demo cluster"));
            if (index >= 0) {
                tabs->setTabToolTip(index, tr("A local Kubernetes API endpoint run by Tideline's demo, not a real "
                                              "cluster. kubectl works with %1").arg(m_env->kubeconfigPath()));
            }
            tabs->setCurrentIndex(index);
            if (QTabWidget *details = m_cluster->detailTabs())
                details->setCurrentIndex(ClusterView::TimelineTab);
            // The surge plays out in minutes: show the last five, not the default hour.
            if (QueueDepthChart *chart = m_cluster->chart())
                chart->setWindowMs(5 * 60 * 1000);
        }
    }
    const QString summary = m_env->summary();
    qCInfo(lcUi).noquote() << "demo ready:" << summary;
    m_window->statusBar()->showMessage(tr("Demo: %1").arg(summary), 15000);
    if (!m_env->failure(demo::DemoEnvironment::Component::Mosquitto).isEmpty()
        || !m_env->failure(demo::DemoEnvironment::Component::RabbitMq).isEmpty()) {
        QMessageBox::warning(m_window, tr("Demo"), tr("Part of the demo could not start; the rest runs.\n\n%1")
                                                        .arg(summary));
    }
    Q_EMIT ready();
}

} // namespace tideline
