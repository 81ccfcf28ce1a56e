#include "RabbitMqProcess.h"
#include "TestServers.h"

#include <QtTest>

#include <QDir>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

using namespace tideline::test;

namespace {

// Socket inodes of every listening TCP socket on the machine, with its local address.
QHash<QByteArray, QByteArray> listeningSockets()
{
    QHash<QByteArray, QByteArray> byInode;
    for (const QString &table : {QStringLiteral("/proc/net/tcp"), QStringLiteral("/proc/net/tcp6")}) {
        QFile f(table);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        f.readLine(); // header
        while (!f.atEnd()) {
            const QList<QByteArray> fields = f.readLine().simplified().split(' ');
            // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
            if (fields.size() > 9 && fields.at(3) == "0A")
                byInode.insert(fields.at(9), fields.at(1).split(':').first());
        }
    }
    return byInode;
}

bool isLoopbackHex(const QByteArray &address)
{
    // /proc/net/tcp prints addresses as little-endian hex words.
    return address == "0100007F" || address == "00000000000000000000000001000000";
}

} // namespace

// The harness itself: a real RabbitMQ node with its plugins, on loopback only, reachable
// through its management API and rabbitmqctl, and gone without a trace after stop().
class TestRabbitMqProcess : public QObject
{
    Q_OBJECT

private:
    RabbitMqProcess m_broker;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_broker.start(&error), qPrintable(error));
        qInfo("RabbitMQ node %s up in %lld ms", qPrintable(m_broker.nodeName()), m_broker.startDurationMs());
    }

    void cleanupTestCase() { m_broker.stop(); }

    void listenerAcceptsConnections_data()
    {
        QTest::addColumn<quint16>("port");
        QTest::newRow("amqp") << m_broker.amqpPort();
        QTest::newRow("mqtt") << m_broker.mqttPort();
        QTest::newRow("web-mqtt") << m_broker.webMqttPort();
        QTest::newRow("management") << m_broker.managementPort();
        QTest::newRow("prometheus") << m_broker.prometheusPort();
        QTest::newRow("distribution") << m_broker.distributionPort();
        QTest::newRow("epmd") << m_broker.epmdPort();
    }
    void listenerAcceptsConnections()
    {
        QFETCH(quint16, port);
        QVERIFY(port > 0);
        QVERIFY(waitForPort(port, 2000));
    }

    void urlsNameTheListeners()
    {
        QCOMPARE(m_broker.mqttUrl(), QStringLiteral("mqtt://127.0.0.1:%1").arg(m_broker.mqttPort()));
        QCOMPARE(m_broker.webMqttUrl(), QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_broker.webMqttPort()));
        QCOMPARE(m_broker.managementUrl(), QStringLiteral("http://127.0.0.1:%1").arg(m_broker.managementPort()));
        QCOMPARE(m_broker.nodeName(), QStringLiteral("tideline-%1@localhost").arg(m_broker.amqpPort()));
    }

    // Nothing the node or its epmd listens on may be reachable from outside the machine.
    void everyListenerIsLoopbackOnly()
    {
        const QHash<QByteArray, QByteArray> sockets = listeningSockets();
        const QList<qint64> pids = m_broker.leftoverProcesses();
        QVERIFY(pids.contains(m_broker.pid()));
        QVERIFY(pids.contains(m_broker.epmdPid()));
        int listening = 0;
        for (qint64 pid : pids) {
            const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
            const QStringList entries = fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
            for (const QString &fd : entries) {
                char buffer[256] = {};
                const QByteArray link = QFile::encodeName(fds.filePath(fd));
                const ssize_t length = ::readlink(link.constData(), buffer, sizeof(buffer) - 1);
                const QByteArray target(buffer, length > 0 ? length : 0);
                if (!target.startsWith("socket:["))
                    continue;
                const QByteArray inode = target.mid(8).chopped(1);
                const auto it = sockets.constFind(inode);
                if (it == sockets.constEnd())
                    continue;
                ++listening;
                QVERIFY2(isLoopbackHex(it.value()),
                         qPrintable(QStringLiteral("pid %1 listens on %2").arg(pid).arg(QString::fromLatin1(it.value()))));
            }
        }
        // AMQP, MQTT, web-MQTT, management, Prometheus, distribution, epmd (v4 and v6).
        QVERIFY2(listening >= 7, qPrintable(QString::number(listening)));
    }

    void managementOverviewAnswers()
    {
        QString error;
        const QJsonObject overview = m_broker.managementJson(QStringLiteral("/api/overview"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(overview.value(QStringLiteral("management_version")).toString().startsWith(QLatin1String("3.")));
        QCOMPARE(overview.value(QStringLiteral("node")).toString(), m_broker.nodeName());
    }

    void managementRejectsWrongPassword()
    {
        QNetworkAccessManager manager;
        manager.setProxy(QNetworkProxy::NoProxy);
        QNetworkRequest request(QUrl(m_broker.managementUrl() + QStringLiteral("/api/overview")));
        request.setRawHeader("Authorization", "Basic " + QByteArrayLiteral("guest:wrong").toBase64());
        QNetworkReply *reply = manager.get(request);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
        delete reply;
    }

    void publishedMessagesAreCounted()
    {
        QString error;
        QVERIFY2(m_broker.declareQueue(QStringLiteral("q"), &error), qPrintable(error));
        QVERIFY2(m_broker.publishToQueue(QStringLiteral("q"), 10, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(m_broker.queueMessages(QStringLiteral("q")), qint64(10), 15000);
        const QJsonObject queue = m_broker.managementJson(QStringLiteral("/api/queues/%2F/q"), &error);
        QCOMPARE(queue.value(QStringLiteral("messages")).toInt(), 10);
    }

    void publishToMissingQueueFails()
    {
        QString error;
        QVERIFY(!m_broker.publishToQueue(QStringLiteral("no-such-queue"), 1, &error));
        QVERIFY2(error.contains(QLatin1String("not routed")), qPrintable(error));
    }

    // Each rabbitmqctl call boots an Erlang VM (a second or more): keep their number small.
    void rabbitmqctlTalksToTheNode()
    {
        QString output;
        QVERIFY2(m_broker.rabbitmqctl({QStringLiteral("add_user"), QStringLiteral("tideline"),
                                       QStringLiteral("s3cret")}, &output), qPrintable(output));
        QVERIFY2(m_broker.rabbitmqctl({QStringLiteral("set_permissions"), QStringLiteral("-p"), QStringLiteral("/"),
                                       QStringLiteral("tideline"), QStringLiteral(".*"), QStringLiteral(".*"),
                                       QStringLiteral(".*")}, &output), qPrintable(output));
        QString error;
        const QJsonObject user = m_broker.managementJson(QStringLiteral("/api/users/tideline"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(user.value(QStringLiteral("name")).toString(), QStringLiteral("tideline"));
        const QJsonObject permissions = m_broker.managementJson(QStringLiteral("/api/permissions/%2F/tideline"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(permissions.value(QStringLiteral("read")).toString(), QStringLiteral(".*"));

        QVERIFY2(m_broker.rabbitmqctl({QStringLiteral("-q"), QStringLiteral("list_queues"), QStringLiteral("name"),
                                       QStringLiteral("messages")}, &output), qPrintable(output));
        QVERIFY2(output.contains(QRegularExpression(QStringLiteral("^q\\s+10$"),
                                                    QRegularExpression::MultilineOption)),
                 qPrintable(output));
    }

    void prometheusServesMetrics()
    {
        QNetworkAccessManager manager;
        manager.setProxy(QNetworkProxy::NoProxy);
        QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(m_broker.prometheusUrl())));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QVERIFY(reply->readAll().contains("rabbitmq_"));
        delete reply;
    }

    // A node that cannot start must say why (with its log) instead of hanging or passing.
    void brokenConfigFailsWithLogTail()
    {
        RabbitMqProcess::Options options;
        options.extraConfig = {QStringLiteral("no_such_setting.at_all = 42")};
        options.startTimeoutMs = 30000;
        RabbitMqProcess broken(options);
        QElapsedTimer clock;
        clock.start();
        QString error;
        QVERIFY(!broken.start(&error));
        QVERIFY2(clock.elapsed() < 30000, "start() waited for the timeout instead of noticing the exit");
        QVERIFY2(error.contains(QLatin1String("no_such_setting")), qPrintable(error));
        QVERIFY(!broken.isRunning());
        QVERIFY(broken.leftoverProcesses().isEmpty());
    }

    // Runs last: stopping by PID must leave no beam, erl_child_setup or epmd behind.
    void stopLeavesNoProcess()
    {
        const qint64 beam = m_broker.pid();
        const qint64 epmd = m_broker.epmdPid();
        QVERIFY(beam > 0);
        QVERIFY(epmd > 0);
        QVERIFY(::kill(pid_t(beam), 0) == 0);
        QVERIFY(m_broker.leftoverProcesses().size() >= 3); // beam, erl_child_setup, epmd at least
        QElapsedTimer clock;
        clock.start();
        m_broker.stop();
        qInfo("stopped in %lld ms", clock.elapsed());
        QVERIFY(!m_broker.isRunning());
        QVERIFY2(m_broker.leftoverProcesses().isEmpty(), qPrintable(QString::number(m_broker.leftoverProcesses().size())));
        QVERIFY(::kill(pid_t(beam), 0) != 0);
        QVERIFY(::kill(pid_t(epmd), 0) != 0);
        QVERIFY(!waitForPort(m_broker.amqpPort(), 300));
        QVERIFY(!waitForPort(m_broker.epmdPort(), 300));
    }
};

QTEST_GUILESS_MAIN(TestRabbitMqProcess)
#include "tst_rabbitmqprocess.moc"
