#include "core/IngestPipeline.h"
#include "models/TopicTreeModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using tideline::IngestPipeline;
using tideline::MqttMessage;
using tideline::TopicTree;
using tideline::TopicTreeModel;
using NodeId = TopicTree::NodeId;

namespace {

MqttMessage message(const QByteArray &topic, const QByteArray &payload = "v", qint64 ts = 1000,
                    quint8 qos = 0, bool retained = false)
{
    MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.timestampMs = ts;
    m.qos = qos;
    m.retained = retained;
    return m;
}

// Goes through the real hand-over: inbox, drain, batchApplied, sync.
void feed(IngestPipeline &pipeline, std::vector<MqttMessage> batch)
{
    pipeline.inbox()->pushBatch(batch);
    pipeline.drainNow();
}

// The model shows exactly the tree (everything is announced after a sync).
void verifyMirrors(const TopicTreeModel &model, const TopicTree &tree, const QModelIndex &parent,
                   NodeId id, int depthLeft)
{
    const TopicTree::Node &n = tree.node(id);
    QCOMPARE(model.rowCount(parent), int(n.children.size()));
    if (depthLeft == 0)
        return;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex child = model.index(row, 0, parent);
        QVERIFY(child.isValid());
        QCOMPARE(model.nodeId(child), n.children[size_t(row)]);
        QCOMPARE(model.parent(child), parent);
        QCOMPARE(child.data(TopicTreeModel::FullTopicRole).toString(),
                 tree.topicOf(n.children[size_t(row)]));
        verifyMirrors(model, tree, child, n.children[size_t(row)], depthLeft - 1);
        if (QTest::currentTestFailed())
            return;
    }
}

QModelIndex parentOfSignal(const QList<QVariant> &args)
{
    return args.at(0).value<QModelIndex>();
}

} // namespace

class TestTopicTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void manyBatchesUnderTheTester()
    {
        IngestPipeline pipeline;
        TopicTreeModel model(&pipeline);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The tester re-checks the whole model on every signal, so the tree stays small
        // (a few hundred nodes) while the batches still mix inserts, updates and rate ticks.
        QRandomGenerator rng(42);
        for (int batchNo = 0; batchNo < 30; ++batchNo) {
            std::vector<MqttMessage> batch;
            for (int i = 0; i < 60; ++i) {
                // New topics at depths 1..4, more of them later as the tree fills.
                const int depth = 1 + int(rng.bounded(4));
                const int spread = batchNo < 10 ? 3 : 4;
                QByteArray topic;
                for (int level = 0; level < depth; ++level) {
                    if (level > 0)
                        topic += '/';
                    topic += "l" + QByteArray::number(level) + "_" + QByteArray::number(rng.bounded(spread));
                }
                batch.push_back(message(topic, QByteArray::number(i), 1000 + batchNo));
            }
            feed(pipeline, std::move(batch));
            if (batchNo % 7 == 3) {
                pipeline.tree().tickRates(10'000 + batchNo * 1000);
                model.sync();
            }
            if (QTest::currentTestFailed())
                return;
        }
        verifyMirrors(model, pipeline.tree(), {}, TopicTree::RootId, 5);
        QCOMPARE(model.rowCount(), int(pipeline.tree().node(TopicTree::RootId).children.size()));
    }

    void oneInsertPerParentPerSync()
    {
        IngestPipeline pipeline;
        TopicTreeModel model(&pipeline);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        feed(pipeline, {message("a/x")});
        QCOMPARE(model.rowCount(), 1);

        QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        feed(pipeline, {message("a/1"), message("b/1"), message("a/2"), message("b/2"),
                        message("a/3"), message("c"), message("a/x")});

        QCOMPARE(inserted.count(), 3);
        QCOMPARE(aboutToInsert.count(), 3);
        // Root first (b and c), then a (new children appended after x), then the new b.
        QCOMPARE(parentOfSignal(inserted.at(0)), QModelIndex());
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        const QModelIndex a = model.indexForTopic(u"a"_s);
        QCOMPARE(parentOfSignal(inserted.at(1)), a);
        QCOMPARE(inserted.at(1).at(1).toInt(), 1);
        QCOMPARE(inserted.at(1).at(2).toInt(), 3);
        const QModelIndex b = model.indexForTopic(u"b"_s);
        QCOMPARE(parentOfSignal(inserted.at(2)), b);
        QCOMPARE(inserted.at(2).at(1).toInt(), 0);
        QCOMPARE(inserted.at(2).at(2).toInt(), 1);
        verifyMirrors(model, pipeline.tree(), {}, TopicTree::RootId, 3);

        // Nothing new: no insert at all.
        inserted.clear();
        feed(pipeline, {message("a/1"), message("b/2")});
        QCOMPARE(inserted.count(), 0);
    }

    void dataChangedIsCoalescedPerParent()
    {
        IngestPipeline pipeline;
        TopicTreeModel model(&pipeline);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<MqttMessage> first;
        for (int i = 1; i <= 10; ++i)
            first.push_back(message("a/" + QByteArray::number(i)));
        first.push_back(message("z"));
        feed(pipeline, std::move(first));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        feed(pipeline, {message("a/3"), message("a/7"), message("a/5"), message("a/3")});
        QCOMPARE(changed.count(), 2);
        // The root's row for "a" (its subtree count changed), then a/3..a/7 in one range.
        const QModelIndex rootTopLeft = changed.at(0).at(0).value<QModelIndex>();
        const QModelIndex rootBottomRight = changed.at(0).at(1).value<QModelIndex>();
        QCOMPARE(rootTopLeft.parent(), QModelIndex());
        QCOMPARE(rootTopLeft.row(), 0);
        QCOMPARE(rootBottomRight.row(), 0);
        const QModelIndex topLeft = changed.at(1).at(0).value<QModelIndex>();
        const QModelIndex bottomRight = changed.at(1).at(1).value<QModelIndex>();
        QCOMPARE(topLeft.parent(), model.indexForTopic(u"a"_s));
        QCOMPARE(topLeft.row(), 2);
        QCOMPARE(bottomRight.row(), 6);
        QCOMPARE(topLeft.column(), int(TopicTreeModel::TopicColumn));
        QCOMPARE(bottomRight.column(), int(TopicTreeModel::AgeColumn));

        // New rows and changes in one batch: the new row is covered by its insert only.
        changed.clear();
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        feed(pipeline, {message("a/11"), message("a/11"), message("a/1")});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.at(1).at(0).value<QModelIndex>().row(), 0);
        QCOMPARE(changed.at(1).at(1).value<QModelIndex>().row(), 0);
    }

    void rowsAppearOnlyWhenAnnounced()
    {
        IngestPipeline pipeline;
        TopicTreeModel model(&pipeline);
        pipeline.tree().apply(message("quiet/topic")); // no batchApplied: not announced yet
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.indexForTopic(u"quiet/topic"_s).isValid());
        QVERIFY(!model.indexForNode(pipeline.tree().find("quiet/topic")).isValid());
        model.sync();
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.indexForTopic(u"quiet/topic"_s).isValid());
    }

    void columnsAndRoles()
    {
        IngestPipeline pipeline;
        TopicTreeModel model(&pipeline);
        model.setNowForTesting(100'000);
        feed(pipeline, {message("home/kitchen/temp", "21.5", 99'600, 1, true),
                        message("home/kitchen/temp", "21.7", 99'600, 1, true),
                        message("home/hall", "x", 88'000, 0, false)});
        pipeline.tree().apply(message("home/hall", "y", 88'000, 2, false), false);
        model.sync();

        const QModelIndex temp = model.indexForTopic(u"home/kitchen/temp"_s);
        const QModelIndex hall = model.indexForTopic(u"home/hall"_s);
        const QModelIndex home = model.indexForTopic(u"home"_s);
        QVERIFY(temp.isValid() && hall.isValid() && home.isValid());
        auto cell = [&](const QModelIndex &i, int column, int role = Qt::DisplayRole) {
            return model.index(i.row(), column, i.parent()).data(role);
        };
        QCOMPARE(cell(temp, TopicTreeModel::TopicColumn).toString(), u"temp"_s);
        QCOMPARE(cell(temp, TopicTreeModel::MessagesColumn).toString(), u"2"_s);
        QCOMPARE(cell(temp, TopicTreeModel::RateColumn).toString(), u"0.0"_s);
        QCOMPARE(cell(temp, TopicTreeModel::RetainedColumn).toString(), u"retained"_s);
        QCOMPARE(cell(temp, TopicTreeModel::QosColumn).toString(), u"1"_s);
        QCOMPARE(cell(temp, TopicTreeModel::LastValueColumn).toString(), u"21.7"_s);
        QCOMPARE(cell(temp, TopicTreeModel::AgeColumn).toString(), u"0.4 s"_s);
        QVERIFY(!cell(temp, TopicTreeModel::RetainedColumn, Qt::CheckStateRole).isValid());

        QCOMPARE(cell(hall, TopicTreeModel::RetainedColumn).toString(), QString());
        QCOMPARE(cell(hall, TopicTreeModel::QosColumn).toString(), u"2"_s);
        QCOMPARE(cell(hall, TopicTreeModel::LastValueColumn).toString(), u"y"_s);
        QCOMPARE(cell(hall, TopicTreeModel::AgeColumn).toString(), u"12 s"_s);

        // A parent shows its subtree; it has no value, QoS or retained flag of its own.
        QCOMPARE(cell(home, TopicTreeModel::MessagesColumn).toString(), u"4"_s);
        QCOMPARE(cell(home, TopicTreeModel::QosColumn).toString(), QString());
        QCOMPARE(cell(home, TopicTreeModel::LastValueColumn).toString(), QString());
        // The subtree's last message (by arrival) was the one on home/hall.
        QCOMPARE(cell(home, TopicTreeModel::AgeColumn).toString(), u"12 s"_s);
        QVERIFY(cell(home, TopicTreeModel::MessagesColumn, Qt::ToolTipRole).toString().contains(u"0 on this topic"_s));

        const QString tip = cell(temp, TopicTreeModel::TopicColumn, Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"home/kitchen/temp"_s), qPrintable(tip));
        QVERIFY(tip.contains(u"Topics in this subtree: 1"_s));

        // Sort keys are numbers for numeric columns.
        const QVariant count = cell(home, TopicTreeModel::MessagesColumn, TopicTreeModel::SortRole);
        QCOMPARE(count.typeId(), int(QMetaType::ULongLong));
        QCOMPARE(count.toULongLong(), 4u);
        QCOMPARE(cell(temp, TopicTreeModel::AgeColumn, TopicTreeModel::SortRole).toLongLong(), 400);
        QCOMPARE(cell(home, TopicTreeModel::QosColumn, TopicTreeModel::SortRole).toInt(), -1);
        QCOMPARE(cell(temp, TopicTreeModel::RateColumn, TopicTreeModel::SortRole).typeId(),
                 int(QMetaType::Double));

        QCOMPARE(temp.data(TopicTreeModel::FullTopicRole).toString(), u"home/kitchen/temp"_s);
        QCOMPARE(temp.data(TopicTreeModel::NodeIdRole).toUInt(), pipeline.tree().find("home/kitchen/temp"));
        QVERIFY(temp.data(TopicTreeModel::HasMessageRole).toBool());
        QVERIFY(!home.data(TopicTreeModel::HasMessageRole).toBool());
        QCOMPARE(cell(temp, TopicTreeModel::MessagesColumn, Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignRight | Qt::AlignVCenter));

        // New rows are highlighted for highlightMs(), as a colour views paint as it is.
        QVERIFY(temp.data(TopicTreeModel::IsNewRole).toBool());
        QVERIFY(temp.data(Qt::BackgroundRole).value<QColor>().isValid());
        QVERIFY(!hall.data(TopicTreeModel::IsNewRole).toBool());
        QVERIFY(!hall.data(Qt::BackgroundRole).isValid());

        for (int c = 0; c < TopicTreeModel::ColumnCount; ++c)
            QVERIFY(!model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().isEmpty());
    }

    void rateColumn()
    {
        IngestPipeline pipeline;
        TopicTreeModel model(&pipeline);
        pipeline.tree().tickRates(1000);
        std::vector<MqttMessage> batch;
        for (int i = 0; i < 10; ++i)
            batch.push_back(message("r/one"));
        feed(pipeline, std::move(batch));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        pipeline.tree().tickRates(2000);
        model.sync();
        QCOMPARE(changed.count(), 2); // the row of r, the row of r/one
        const QModelIndex one = model.indexForTopic(u"r/one"_s);
        QCOMPARE(model.index(one.row(), TopicTreeModel::RateColumn, one.parent()).data().toString(), u"7.0"_s);
        const QModelIndex r = model.indexForTopic(u"r"_s);
        QCOMPARE(model.index(r.row(), TopicTreeModel::RateColumn, r.parent()).data().toString(), u"7.0"_s);
    }

    void highlightFadesAndEnds()
    {
        IngestPipeline pipeline;
        TopicTreeModel model(&pipeline);
        model.setNowForTesting(1'000'000);
        feed(pipeline, {message("f/new", "1", 1'000'000)});
        const QModelIndex fresh = model.indexForTopic(u"f/new"_s);
        const double alphaEarly = fresh.data(Qt::BackgroundRole).value<QColor>().alphaF();

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setNowForTesting(1'001'500);
        model.sync();
        QCOMPARE(changed.count(), 2); // f under the root, f/new under f
        QVERIFY(fresh.data(TopicTreeModel::IsNewRole).toBool());
        QVERIFY(fresh.data(Qt::BackgroundRole).value<QColor>().alphaF() < alphaEarly);

        model.setNowForTesting(1'001'800); // within the same fade step
        model.sync();
        QCOMPARE(changed.count(), 2);

        model.setNowForTesting(1'003'600); // expired: one last change so views clear it
        model.sync();
        QCOMPARE(changed.count(), 4);
        QVERIFY(!fresh.data(TopicTreeModel::IsNewRole).toBool());
        QVERIFY(!fresh.data(Qt::BackgroundRole).isValid());

        model.setNowForTesting(1'006'000);
        model.sync();
        QCOMPARE(changed.count(), 4);
    }

    void emptyLevelsAreVisible()
    {
        IngestPipeline pipeline;
        TopicTreeModel model(&pipeline);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        feed(pipeline, {message("a//b"), message("/x"), message("x/")});
        QCOMPARE(model.rowCount(), 3); // "a", "", "x"

        const QModelIndex leading = model.index(1, 0);
        QCOMPARE(leading.data().toString(), u"(empty)"_s);
        QVERIFY(leading.data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(!model.index(0, 0).data(Qt::FontRole).isValid());

        const QModelIndex ab = model.indexForTopic(u"a//b"_s);
        QCOMPARE(ab.data().toString(), u"b"_s);
        QCOMPARE(ab.parent().data().toString(), u"(empty)"_s);
        QCOMPARE(ab.parent().parent(), model.index(0, 0));
        QCOMPARE(model.indexForTopic(u"a/"_s), ab.parent()); // a level, not a topic
        QCOMPARE(model.indexForTopic(u"x/"_s).data().toString(), u"(empty)"_s);
        QCOMPARE(model.indexForTopic(u"/x"_s).data().toString(), u"x"_s);
        QVERIFY(!model.indexForTopic(u"a/b"_s).isValid());
        QVERIFY(!model.indexForTopic(u"nothing/here"_s).isValid());
    }

    void hostileInput()
    {
        IngestPipeline pipeline;
        TopicTreeModel model(&pipeline);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QByteArray longTopic(65535, 'L');
        const QByteArray big(16 * 1024 * 1024, 'B');
        feed(pipeline, {message(longTopic, "long"), message("bad\xff\xfe/topic", "caf\xe9 au lait \xff"),
                        message("$SYS/broker/uptime", "12 seconds"), message("big", big),
                        message("bin", QByteArray("\x00\x01\x02\x03\xff\xfe", 6))});
        QCOMPARE(model.rowCount(), 5);
        const QModelIndex longIndex = model.indexForTopic(QString::fromLatin1(longTopic));
        QCOMPARE(longIndex.data().toString().size(), 65535);

        const QModelIndex bad = model.index(1, 0);
        QVERIFY(bad.data().toString().contains(QChar(QChar::ReplacementCharacter)));
        const QModelIndex badChild = model.index(0, TopicTreeModel::LastValueColumn, bad);
        QVERIFY2(badChild.data().toString().startsWith(u"⚠ invalid UTF-8: "_s),
                 qPrintable(badChild.data().toString()));

        const QModelIndex bigIndex = model.indexForTopic(u"big"_s);
        const QString preview = model.index(bigIndex.row(), TopicTreeModel::LastValueColumn).data().toString();
        QVERIFY(preview.size() <= TopicTreeModel::previewChars());
        QVERIFY(preview.endsWith(u'…'));

        const QModelIndex bin = model.indexForTopic(u"bin"_s);
        QCOMPARE(model.index(bin.row(), TopicTreeModel::LastValueColumn).data().toString(),
                 u"hex: 00 01 02 03 ff fe"_s);
        QVERIFY(model.indexForTopic(u"$SYS/broker/uptime"_s).isValid());
    }

    void deepestTopic()
    {
        // 32,768 levels in a 65,535-byte topic: indexes and parents still work. (Not under the
        // tester: it walks the whole tree on each of the 32,768 inserts.)
        IngestPipeline pipeline;
        TopicTreeModel model(&pipeline);
        const QByteArray deep = QByteArray("d/").repeated(32767) + 'd';
        feed(pipeline, {message(deep)});
        const QModelIndex deepIndex = model.indexForTopic(QString::fromLatin1(deep));
        QVERIFY(deepIndex.isValid());
        int depth = 0;
        for (QModelIndex i = deepIndex; i.isValid(); i = i.parent())
            ++depth;
        QCOMPARE(depth, 32768);
    }

    void clearingTheTreeResetsTheModel()
    {
        IngestPipeline pipeline;
        TopicTreeModel model(&pipeline);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        feed(pipeline, {message("a/b"), message("c")});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        pipeline.tree().clear();
        model.sync();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        feed(pipeline, {message("x/y/z")});
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.indexForTopic(u"x/y/z"_s).isValid());
    }

    void modelOverAFilledTree()
    {
        IngestPipeline pipeline;
        feed(pipeline, {message("pre/one"), message("pre/two")});
        TopicTreeModel model(&pipeline);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowCount(model.index(0, 0)), 2);
        feed(pipeline, {message("pre/three")});
        QCOMPARE(model.rowCount(model.index(0, 0)), 3);
    }

    void pipelineDestroyedFirst()
    {
        auto *pipeline = new IngestPipeline;
        TopicTreeModel model(pipeline);
        feed(*pipeline, {message("a/b")});
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        delete pipeline;
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.indexForTopic(u"a/b"_s).isValid());
        model.sync(); // harmless
    }

    void previewOf_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("text") << "hello world"_ba << u"hello world"_s;
        QTest::newRow("utf-8") << "温度 23.5 °C"_ba << u"温度 23.5 °C"_s;
        QTest::newRow("json") << "{\"a\": [1, 2]}"_ba << u"{\"a\": [1, 2]}"_s;
        QTest::newRow("newline and tab") << "a\nb\tc\r\n"_ba << u"a\\nb\\tc\\r\\n"_s;
        QTest::newRow("one control char") << "\x01status ok"_ba << u"\\x01status ok"_s;
        QTest::newRow("bidi override") << "abc\xe2\x80\xae" "def"_ba << u"abc\\u202edef"_s;
        QTest::newRow("long text") << QByteArray(500, 'x')
                                   << QString(TopicTreeModel::previewChars() - 1, u'x') + u'…';
        QTest::newRow("exactly the limit") << QByteArray(TopicTreeModel::previewChars(), 'y')
                                           << QString(TopicTreeModel::previewChars(), u'y');
        QTest::newRow("invalid utf-8") << "caf\xe9 au lait"_ba
                                       << u"⚠ invalid UTF-8: caf\uFFFD au lait"_s;
        QTest::newRow("binary") << QByteArray("\x00\x01\xff\x10", 4) << u"hex: 00 01 ff 10"_s;
        QTest::newRow("utf-16 text is binary")
            << QByteArray("h\0e\0l\0l\0o\0", 10) << u"hex: 68 00 65 00 6c 00 6c 00 6f 00"_s;
        QTest::newRow("long binary")
            << QByteArray(100, '\0')
            << u"hex: "_s + QStringList(37, u"00"_s).join(u' ') + u" …"_s;
        QTest::newRow("cut inside a character")
            << (QByteArray(2047, 'a') + "\xe2\x82\xac") // the sample ends inside "€"
            << QString(TopicTreeModel::previewChars() - 1, u'a') + u'…';
    }

    void previewOf()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, expected);
        const QString preview = TopicTreeModel::previewOf(payload);
        QCOMPARE(preview, expected);
    }

    void previewNeverSplitsAPairOrGrowsPastTheLimit()
    {
        QByteArray emoji;
        for (int i = 0; i < 200; ++i)
            emoji += "\xf0\x9f\x98\x80"; // U+1F600, two UTF-16 units
        const QString preview = TopicTreeModel::previewOf(emoji);
        QVERIFY(preview.size() <= TopicTreeModel::previewChars());
        QVERIFY(preview.endsWith(u'…'));
        QVERIFY(!preview.at(preview.size() - 2).isHighSurrogate());

        const QByteArray huge(16 * 1024 * 1024, '\x07');
        const QString hex = TopicTreeModel::previewOf(huge);
        QVERIFY(hex.startsWith(u"hex: 07 07"_s));
        QVERIFY(hex.size() <= TopicTreeModel::previewChars());
    }

    void formatAge_data()
    {
        QTest::addColumn<qint64>("ageMs");
        QTest::addColumn<QString>("expected");
        QTest::newRow("zero") << qint64(0) << u"0.0 s"_s;
        QTest::newRow("clock skew") << qint64(-5000) << u"0.0 s"_s;
        QTest::newRow("0.4 s") << qint64(400) << u"0.4 s"_s;
        QTest::newRow("9.9 s") << qint64(9949) << u"9.9 s"_s;
        QTest::newRow("12 s") << qint64(12'300) << u"12 s"_s;
        QTest::newRow("59 s") << qint64(59'999) << u"59 s"_s;
        QTest::newRow("3 min") << qint64(3 * 60'000 + 59'000) << u"3 min"_s;
        QTest::newRow("2 h") << qint64(2 * 3'600'000 + 1000) << u"2 h"_s;
        QTest::newRow("5 d") << qint64(5 * 86'400'000LL) << u"5 d"_s;
    }

    void formatAge()
    {
        QFETCH(qint64, ageMs);
        QFETCH(QString, expected);
        QCOMPARE(TopicTreeModel::formatAge(ageMs), expected);
    }
};

QTEST_MAIN(TestTopicTreeModel)
#include "tst_topictreemodel.moc"
