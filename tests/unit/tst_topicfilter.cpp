#include "core/IngestPipeline.h"
#include "models/TopicFilter.h"
#include "models/TopicFilterProxyModel.h"
#include "models/TopicTreeModel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace Qt::StringLiterals;
using tideline::IngestPipeline;
using tideline::MqttMessage;
using tideline::TopicFilter;
using tideline::TopicFilterProxyModel;
using tideline::TopicTreeModel;

namespace {

void feed(IngestPipeline &pipeline, const QList<QByteArray> &topics)
{
    std::vector<MqttMessage> batch;
    for (const QByteArray &t : topics) {
        MqttMessage m;
        m.topic = t;
        m.payload = "1";
        m.timestampMs = 1000;
        batch.push_back(std::move(m));
    }
    pipeline.inbox()->pushBatch(batch);
    pipeline.drainNow();
}

// Every visible full topic in the proxy, depth first.
QStringList visibleTopics(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        out << index.data(TopicTreeModel::FullTopicRole).toString();
        out << visibleTopics(model, index);
    }
    return out;
}

} // namespace

class TestTopicFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void substring_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<bool>("matches");
        QTest::newRow("empty matches all") << QString() << u"a/b"_s << true;
        QTest::newRow("part of a level") << u"itch"_s << u"home/kitchen/temp"_s << true;
        QTest::newRow("case-insensitive") << u"KITCHEN"_s << u"home/kitchen/temp"_s << true;
        QTest::newRow("across levels") << u"kitchen/te"_s << u"home/kitchen/temp"_s << true;
        QTest::newRow("no match") << u"garage"_s << u"home/kitchen/temp"_s << false;
        QTest::newRow("C# is text") << u"c#"_s << u"lang/C#/users"_s << true;
        QTest::newRow("invalid wildcard is text") << u"a/#/b"_s << u"x/a/#/b"_s << true;
        QTest::newRow("invalid wildcard is text, no match") << u"a/#/b"_s << u"a/x/b"_s << false;
        QTest::newRow("utf-8") << u"温度"_s << u"家/温度"_s << true;
    }

    void substring()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, topic);
        QFETCH(bool, matches);
        const TopicFilter filter(pattern);
        QVERIFY(!filter.isWildcard());
        QCOMPARE(filter.isEmpty(), pattern.isEmpty());
        QCOMPARE(filter.matches(topic), matches);
    }

    void wildcard_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<bool>("matches");
        // MQTT 3.1.1 / 5.0 §4.7 examples.
        QTest::newRow("# matches parent level") << u"sport/tennis/player1/#"_s << u"sport/tennis/player1"_s << true;
        QTest::newRow("# one below") << u"sport/tennis/player1/#"_s << u"sport/tennis/player1/ranking"_s << true;
        QTest::newRow("# two below") << u"sport/tennis/player1/#"_s << u"sport/tennis/player1/score/wimbledon"_s << true;
        QTest::newRow("sport/tennis/#, parent") << u"sport/tennis/#"_s << u"sport/tennis"_s << true;
        QTest::newRow("sport/tennis/#, deep") << u"sport/tennis/#"_s << u"sport/tennis/player1/ranking"_s << true;
        QTest::newRow("sport/tennis/#, sibling") << u"sport/tennis/#"_s << u"sport/golf"_s << false;
        QTest::newRow("sport/# matches sport") << u"sport/#"_s << u"sport"_s << true;
        QTest::newRow("# not a prefix match") << u"sport/tennis/#"_s << u"sport/tennisball"_s << false;
        QTest::newRow("+ one level") << u"sport/tennis/+"_s << u"sport/tennis/player1"_s << true;
        QTest::newRow("+ not two levels") << u"sport/tennis/+"_s << u"sport/tennis/player1/ranking"_s << false;
        QTest::newRow("+ not parent") << u"sport/tennis/+"_s << u"sport/tennis"_s << false;
        QTest::newRow("sport/+ vs sport") << u"sport/+"_s << u"sport"_s << false;
        QTest::newRow("sport/+ vs sport/") << u"sport/+"_s << u"sport/"_s << true;
        QTest::newRow("+ alone") << u"+"_s << u"finance"_s << true;
        QTest::newRow("+ vs /finance") << u"+"_s << u"/finance"_s << false;
        QTest::newRow("+/+ vs /finance") << u"+/+"_s << u"/finance"_s << true;
        QTest::newRow("/+ vs /finance") << u"/+"_s << u"/finance"_s << true;
        QTest::newRow("+/+ vs a/b/c") << u"+/+"_s << u"a/b/c"_s << false;
        QTest::newRow("middle +") << u"a/+/c"_s << u"a/b/c"_s << true;
        QTest::newRow("middle + empty level") << u"a/+/c"_s << u"a//c"_s << true;
        QTest::newRow("case-sensitive") << u"Sport/#"_s << u"sport/tennis"_s << false;
        QTest::newRow("# everything") << u"#"_s << u"a/b/c"_s << true;
        QTest::newRow("# not $SYS") << u"#"_s << u"$SYS/x"_s << false;
        QTest::newRow("+ not $SYS") << u"+/monitor/Clients"_s << u"$SYS/monitor/Clients"_s << false;
        QTest::newRow("$SYS/#") << u"$SYS/#"_s << u"$SYS/broker/uptime"_s << true;
        QTest::newRow("$SYS/monitor/+") << u"$SYS/monitor/+"_s << u"$SYS/monitor/Clients"_s << true;
        QTest::newRow("$ later is fine") << u"+/$x"_s << u"a/$x"_s << true;
        QTest::newRow("exact level text") << u"a/b/+"_s << u"a/bb/c"_s << false;
    }

    void wildcard()
    {
        QFETCH(QString, filter);
        QFETCH(QString, topic);
        QFETCH(bool, matches);
        const TopicFilter f(filter);
        QVERIFY(f.isWildcard());
        QCOMPARE(f.matches(topic), matches);
    }

    void validity_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("reasonMentions");
        QTest::newRow("plain") << u"a/b"_s << true << QString();
        QTest::newRow("#") << u"#"_s << true << QString();
        QTest::newRow("+") << u"+"_s << true << QString();
        QTest::newRow("a/#") << u"a/#"_s << true << QString();
        QTest::newRow("+/+/#") << u"+/+/#"_s << true << QString();
        QTest::newRow("/") << u"/"_s << true << QString();
        QTest::newRow("shared") << u"$share/workers/jobs/+"_s << true << QString();
        QTest::newRow("empty") << QString() << false << u"empty"_s;
        QTest::newRow("# in the middle") << u"a/#/b"_s << false << u"last level"_s;
        QTest::newRow("# glued") << u"a#"_s << false << u"whole level"_s;
        QTest::newRow("## ") << u"a/##"_s << false << u"#"_s;
        QTest::newRow("+ glued") << u"a+/b"_s << false << u"whole level"_s;
        QTest::newRow("+ glued after") << u"a/+b"_s << false << u"whole level"_s;
        QTest::newRow("NUL") << u"a/\0b"_s << false << u"NUL"_s;
        QTest::newRow("too long") << QString(65536, u'x') << false << u"65,535"_s;
        QTest::newRow("shared without group") << u"$share//a"_s << false << u"group name"_s;
        QTest::newRow("shared without filter") << u"$share/g"_s << false << u"filter after"_s;
        QTest::newRow("shared bad group") << u"$share/g+/a"_s << false << u"group name"_s;
    }

    void validity()
    {
        QFETCH(QString, filter);
        QFETCH(bool, valid);
        QFETCH(QString, reasonMentions);
        QString why;
        QCOMPARE(TopicFilter::isValidFilter(filter, &why), valid);
        if (valid) {
            QVERIFY(why.isEmpty());
        } else {
            QVERIFY2(why.contains(reasonMentions), qPrintable(why));
            QVERIFY(TopicFilter::isValidFilter(filter) == false); // without a reason too
        }
    }

    void topicNames()
    {
        QString why;
        QVERIFY(TopicFilter::isValidTopicName(u"a/b"_s, &why));
        QVERIFY(!TopicFilter::isValidTopicName(u"a/+"_s, &why));
        QVERIFY(why.contains(u"wildcards"_s));
        QVERIFY(!TopicFilter::isValidTopicName(QString(), &why));
        QVERIFY(!why.isEmpty());
    }

    void proxyKeepsAncestorsOfMatches()
    {
        IngestPipeline pipeline;
        TopicTreeModel model(&pipeline);
        TopicFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        feed(pipeline, {"sport/tennis/player1", "sport/tennis/player1/ranking", "sport/golf/x",
                        "news/tennis", "$SYS/broker/uptime"});
        QCOMPARE(visibleTopics(proxy).size(), 11);

        proxy.setFilter(TopicFilter(u"sport/tennis/#"_s));
        QCOMPARE(visibleTopics(proxy),
                 (QStringList{u"sport"_s, u"sport/tennis"_s, u"sport/tennis/player1"_s,
                              u"sport/tennis/player1/ranking"_s}));

        proxy.setFilter(TopicFilter(u"TENNIS"_s));
        QCOMPARE(visibleTopics(proxy),
                 (QStringList{u"sport"_s, u"sport/tennis"_s, u"sport/tennis/player1"_s,
                              u"sport/tennis/player1/ranking"_s, u"news"_s, u"news/tennis"_s}));

        proxy.setFilter(TopicFilter(u"#"_s));
        QVERIFY(!visibleTopics(proxy).contains(u"$SYS/broker/uptime"_s));
        QVERIFY(!visibleTopics(proxy).contains(u"$SYS"_s));
        proxy.setFilter(TopicFilter(u"$SYS/#"_s));
        QCOMPARE(visibleTopics(proxy),
                 (QStringList{u"$SYS"_s, u"$SYS/broker"_s, u"$SYS/broker/uptime"_s}));

        // Live data while filtered: a new match appears with its path, others stay hidden.
        proxy.setFilter(TopicFilter(u"+/tennis/+"_s));
        feed(pipeline, {"sport/tennis/player2", "sport/golf/y", "indoor/tennis/table"});
        QCOMPARE(visibleTopics(proxy),
                 (QStringList{u"sport"_s, u"sport/tennis"_s, u"sport/tennis/player1"_s,
                              u"sport/tennis/player2"_s, u"indoor"_s, u"indoor/tennis"_s,
                              u"indoor/tennis/table"_s}));

        proxy.setFilter(TopicFilter());
        QCOMPARE(visibleTopics(proxy).size(), 16);
    }

    void proxySortsNumbersAsNumbers()
    {
        IngestPipeline pipeline;
        TopicTreeModel model(&pipeline);
        TopicFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<QByteArray> topics;
        for (int i = 0; i < 2; ++i)
            topics << "two";
        for (int i = 0; i < 10; ++i)
            topics << "ten";
        for (int i = 0; i < 9; ++i)
            topics << "nine";
        feed(pipeline, topics);
        proxy.sort(TopicTreeModel::MessagesColumn, Qt::AscendingOrder);
        QStringList order;
        for (int row = 0; row < proxy.rowCount(); ++row)
            order << proxy.index(row, 0).data().toString();
        QCOMPARE(order, (QStringList{u"two"_s, u"nine"_s, u"ten"_s}));

        // Dynamic sorting follows the counts as they change.
        feed(pipeline, QList<QByteArray>(20, "two"));
        QCOMPARE(proxy.index(2, 0).data().toString(), u"two"_s);
    }
};

QTEST_MAIN(TestTopicFilter)
#include "tst_topicfilter.moc"
