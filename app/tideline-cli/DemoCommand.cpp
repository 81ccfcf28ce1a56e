#include "DemoCommand.h"

#include "CliSupport.h"
#include "demo/DemoCluster.h"
#include "demo/DemoEnvironment.h"
#include "demo/OrderShop.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <atomic>
#include <csignal>

using namespace Qt::StringLiterals;

namespace tideline::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void onInterrupt(int)
{
    g_interrupted = true;
}

} // namespace

DemoCommand::DemoCommand()
    : m_profile(u"profile"_s, tr("Surge profile JSON file (default: the built-in launch-day profile)."), tr("FILE"))
    , m_speed(u"speed"_s, tr("Run the profile this many times faster (default 1)."), tr("F"), u"1"_s)
    , m_hpaSync(u"hpa-sync-ms"_s, tr("The demo HPA's sync period in ms (default 15000, as Kubernetes)."), tr("MS"),
                u"15000"_s)
    , m_duration(u"duration"_s, tr("Stop after this many seconds (default: run until Ctrl+C)."), tr("S"))
    , m_interval(u"interval"_s, tr("Seconds between status lines (default 5)."), tr("S"), u"5"_s)
    , m_json(u"json"_s, tr("Print the endpoints and status lines as JSON objects."))
{
}

QString DemoCommand::name() const
{
    return u"demo"_s;
}

QString DemoCommand::summary() const
{
    return tr("Run the surge demo: brokers, shop, workers and a demo cluster on loopback");
}

QString DemoCommand::synopsis() const
{
    return tr("demo [--profile FILE] [--speed F] [--hpa-sync-ms MS] [--duration S] [--json]");
}

QString DemoCommand::details() const
{
    return tr("Starts a real mosquitto and a real RabbitMQ on free loopback ports, a storefront publishing orders "
              "along the surge profile, workers consuming them, and the demo cluster: a local Kubernetes API "
              "endpoint whose HPA scales the workers from the queue depth. kubectl works against the kubeconfig "
              "it prints. Everything stops on Ctrl+C or after --duration.");
}

void DemoCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({m_profile, m_speed, m_hpaSync, m_duration, m_interval, m_json});
}

int DemoCommand::run(const QCommandLineParser &parser)
{
    demo::DemoEnvironment::Options options;
    if (parser.isSet(m_profile)) {
        auto profile = demo::SurgeProfile::load(parser.value(m_profile));
        if (!profile)
            return usageError(name(), profile.error().message);
        options.profile = profile.value();
    }
    const auto speed = parseNumber(parser.value(m_speed), 0.01, 1000);
    if (!speed)
        return usageError(name(), tr("--speed must be a number from 0.01 to 1000."));
    options.profile = options.profile.scaled(*speed);
    const auto sync = parseInteger(parser.value(m_hpaSync), 100, 600000);
    if (!sync)
        return usageError(name(), tr("--hpa-sync-ms must be from 100 to 600000."));
    options.hpaSyncMs = int(*sync);
    std::optional<qint64> duration;
    if (parser.isSet(m_duration)) {
        duration = parseInteger(parser.value(m_duration), 1, 86400 * 30);
        if (!duration)
            return usageError(name(), tr("--duration must be a whole number of seconds."));
    }
    const auto interval = parseInteger(parser.value(m_interval), 1, 3600);
    if (!interval)
        return usageError(name(), tr("--interval must be from 1 to 3600 seconds."));
    const bool json = parser.isSet(m_json);

    demo::DemoEnvironment env(options);
    QEventLoop loop;
    QObject::connect(&env, &demo::DemoEnvironment::progress, &loop, [json](const QString &m) {
        if (!json)
            printStderr(m);
    });
    QObject::connect(&env, &demo::DemoEnvironment::componentFailed, &loop,
                     [](demo::DemoEnvironment::Component, const QString &reason) { printStderr(reason); });
    QObject::connect(&env, &demo::DemoEnvironment::ready, &loop, [&env, json] {
        const QJsonObject endpoints{{u"mqtt"_s, env.mqttUrl()},
                                    {u"rabbitmq_management"_s, env.managementUrl()},
                                    {u"amqp"_s, env.amqpUrl()},
                                    {u"metrics"_s, env.metricsUrl()},
                                    {u"kubeconfig"_s, env.cluster() ? env.kubeconfigPath() : QString()},
                                    {u"summary"_s, env.summary()}};
        if (json) {
            writeStdout(QJsonDocument(endpoints).toJson(QJsonDocument::Compact) + '\n', true);
        } else {
            QByteArray text;
            for (auto it = endpoints.begin(); it != endpoints.end(); ++it)
                text += it.key().toUtf8() + ": " + it.value().toString().toUtf8() + '\n';
            writeStdout(text, true);
        }
    });

    QElapsedTimer clock;
    clock.start();
    QTimer status;
    status.setInterval(int(*interval) * 1000);
    QObject::connect(&status, &QTimer::timeout, &loop, [&] {
        if (!env.isReady())
            return;
        const demo::OrderShop *shop = env.shop();
        const demo::DemoCluster *cluster = env.cluster();
        const QJsonObject line{{u"t"_s, qRound(double(clock.elapsed()) / 1000.0)},
                               {u"phase"_s, shop ? shop->currentPhase() : QString()},
                               {u"rate"_s, shop ? shop->currentRate() : 0.0},
                               {u"depth"_s, env.queueDepth() ? *env.queueDepth() : -1.0},
                               {u"replicas"_s, cluster ? cluster->specReplicas() : 0},
                               {u"ready"_s, shop ? shop->readyWorkers() : 0},
                               {u"published"_s, qint64(shop ? shop->published() : 0)},
                               {u"consumed"_s, qint64(shop ? shop->consumed() : 0)}};
        if (json) {
            writeStdout(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n', true);
        } else {
            writeStdout(tr("%1 s  %2 %3/s  depth %4  workers %5 (%6 ready)  orders %7 in, %8 done\n")
                            .arg(line.value(u"t"_s).toInt())
                            .arg(line.value(u"phase"_s).toString())
                            .arg(line.value(u"rate"_s).toDouble(), 0, 'f', 1)
                            .arg(line.value(u"depth"_s).toDouble())
                            .arg(line.value(u"replicas"_s).toInt())
                            .arg(line.value(u"ready"_s).toInt())
                            .arg(line.value(u"published"_s).toInteger())
                            .arg(line.value(u"consumed"_s).toInteger())
                            .toUtf8(),
                        true);
        }
    });
    status.start();

    QTimer watch;
    watch.setInterval(200);
    QObject::connect(&watch, &QTimer::timeout, &loop, [&] {
        if (g_interrupted || (duration && clock.elapsed() >= *duration * 1000))
            loop.quit();
    });
    watch.start();
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);

    env.start();
    loop.exec();
    env.stop();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return env.failure(demo::DemoEnvironment::Component::RabbitMq).isEmpty()
                   && env.failure(demo::DemoEnvironment::Component::Mosquitto).isEmpty()
               ? ExitOk
               : ExitFailure;
}

} // namespace tideline::cli
