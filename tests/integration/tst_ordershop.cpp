// The demo shop's storefront and workers against a real RabbitMQ: every published order is
// consumed exactly once, whatever the worker count does meanwhile.

#include "RabbitMqProcess.h"
#include "demo/OrderShop.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tideline::demo;
using tideline::test::RabbitMqProcess;

class TestOrderShop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_rabbit.start(&error), qPrintable(error));
    }

    void everyOrderConsumedExactlyOnceWhileScaling()
    {
        AmqpEndpoint endpoint;
        endpoint.port = m_rabbit.amqpPort();
        SurgeProfile profile;
        profile.processingMs = 20;
        profile.phases = {{u"burst"_s, 3.0, 100.0, 0.0}};
        OrderShop shop(endpoint, profile);
        auto started = shop.start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
        shop.setReplicas(2);
        QTRY_COMPARE_WITH_TIMEOUT(shop.readyWorkers(), 2, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(shop.published() >= 100, 20000);
        shop.setReplicas(6);  // scale up
        QTRY_COMPARE_WITH_TIMEOUT(shop.readyWorkers(), 6, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(shop.published() >= 250, 20000);
        shop.setReplicas(1);  // scale down while orders are in hand
        QTRY_VERIFY_WITH_TIMEOUT(shop.secondsSinceStart() > 3.0, 20000);
        shop.setPublishing(false);
        const quint64 published = shop.published();
        QVERIFY2(published >= 250, qPrintable(QString::number(published)));
        shop.setReplicas(4);
        QTRY_COMPARE_WITH_TIMEOUT(shop.consumed(), published, 60000);
        // The management API agrees that the queue is empty.
        QTRY_COMPARE_WITH_TIMEOUT(m_rabbit.queueMessages(u"orders"_s), qint64(0), 20000);
        QCOMPARE(shop.duplicates(), quint64(0));
        const QSet<quint64> ids = shop.consumedIds();
        QCOMPARE(quint64(ids.size()), published);
        for (quint64 id = 1; id <= published; ++id)
            QVERIFY2(ids.contains(id), qPrintable(u"order %1 was never consumed"_s.arg(id)));
        shop.stop();
        QCOMPARE(shop.readyWorkers(), 0);
    }

    void queueGrowsWithoutWorkers()
    {
        AmqpEndpoint endpoint;
        endpoint.port = m_rabbit.amqpPort();
        SurgeProfile profile;
        profile.phases = {{u"steady"_s, 60.0, 50.0, 0.0}};
        OrderShop shop(endpoint, profile);
        QVERIFY(shop.start().ok());
        const qint64 before = qMax<qint64>(0, m_rabbit.queueMessages(u"orders"_s));
        QTRY_VERIFY_WITH_TIMEOUT(shop.published() >= 50, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_rabbit.queueMessages(u"orders"_s) >= before + 50, 20000);
        QCOMPARE(shop.consumed(), quint64(0));
        shop.stop();
    }

    void wrongPasswordIsReported()
    {
        AmqpEndpoint endpoint;
        endpoint.port = m_rabbit.amqpPort();
        endpoint.password = u"wrong"_s;
        OrderShop shop(endpoint, SurgeProfile::launchDay());
        const auto r = shop.start();
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(u"refused the login"_s), qPrintable(r.error().message));
    }

    void deadBrokerIsReported()
    {
        AmqpEndpoint endpoint;
        endpoint.port = 1; // nothing listens there
        OrderShop shop(endpoint, SurgeProfile::launchDay());
        const auto r = shop.start();
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(u"Cannot reach RabbitMQ"_s), qPrintable(r.error().message));
    }

    void cleanupTestCase() { m_rabbit.stop(); }

private:
    RabbitMqProcess m_rabbit;
};

QTEST_GUILESS_MAIN(TestOrderShop)
#include "tst_ordershop.moc"
