#include "TestServers.h"

#include <QtTest>

using namespace tideline::test;

// The harness itself: a broker we start must listen, accept a round trip and die by PID.
class TestMosquittoProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsAndStops()
    {
        MosquittoProcess broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        QVERIFY(broker.port() > 0);
        QVERIFY(broker.pid() > 0);
        QVERIFY(waitForPort(broker.port(), 1000));
        broker.stop();
        QVERIFY(!broker.isRunning());
        QVERIFY(!waitForPort(broker.port(), 300));
    }
    void tlsListenerComesUp()
    {
        MosquittoProcess::Options o;
        o.tls = true;
        o.requireClientCert = true;
        MosquittoProcess broker(o);
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        QVERIFY(QFile::exists(broker.caFile()));
        QVERIFY(QFile::exists(broker.clientCertFile()));
        QVERIFY(broker.url().startsWith(QStringLiteral("mqtts://localhost:")));
    }
};

QTEST_GUILESS_MAIN(TestMosquittoProcess)
#include "tst_mosquittoprocess.moc"
