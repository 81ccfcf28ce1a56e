#include "ConnectionView.h"
#include "FieldTreeModel.h"
#include "MainWindow.h"
#include "MessageHistoryModel.h"
#include "PayloadContentView.h"
#include "StateStyle.h"
#include "PayloadDiffView.h"
#include "PayloadInspectorView.h"
#include "Settings.h"
#include "TestServers.h"
#include "ValuePlotView.h"
#include "core/IngestPipeline.h"
#include "core/MessageInbox.h"
#include "core/TopicTree.h"
#include "models/TopicFilterProxyModel.h"
#include "models/TopicTreeModel.h"
#include "payload/HistoryExport.h"

#include "../unit/tst_payload_wire.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QCborMap>
#include <QCborValue>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProcess>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTextBlock>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace tideline;
using namespace tideline::test;
using namespace Qt::StringLiterals;

namespace {

qint64 g_clock = 1738324800000; // fixed, increasing timestamps for reproducible histories

MqttMessage message(const QByteArray &topic, const QByteArray &payload, quint8 qos = 0, bool retained = false,
                    std::shared_ptr<const MessageProperties> properties = nullptr)
{
    MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.timestampMs = (g_clock += 1000);
    m.qos = qos;
    m.retained = retained;
    m.properties = std::move(properties);
    return m;
}

std::shared_ptr<const MessageProperties> contentType(const QString &type)
{
    auto p = std::make_shared<MessageProperties>();
    p->contentType = type;
    return p;
}

// Measures the longest time the event loop did not run a 5 ms timer: what an operator would
// feel as a frozen window.
class StallMeter
{
public:
    StallMeter()
    {
        m_clock.start();
        m_timer.setInterval(5);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            const qint64 now = m_clock.elapsed();
            m_worst = std::max(m_worst, now - m_last);
            m_last = now;
            ++m_ticks;
        });
        m_timer.start();
    }
    qint64 worstGapMs() const { return m_worst; }
    int ticks() const { return m_ticks; }

private:
    QElapsedTimer m_clock;
    QTimer m_timer;
    qint64 m_last = 0;
    qint64 m_worst = 0;
    int m_ticks = 0;
};

// Every extra selection's text in a text view (marked spots).
QStringList markedTexts(QPlainTextEdit *edit)
{
    QStringList out;
    for (const auto &s : edit->extraSelections()) {
        if (s.cursor.hasSelection())
            out << s.cursor.selectedText();
    }
    return out;
}

// Any node, also a level without messages of its own (TopicTree::find() knows topics only).
TopicTree::NodeId nodeFor(const TopicTree &tree, const QString &path)
{
    TopicTree::NodeId id = TopicTree::RootId;
    for (const QString &level : path.split(u'/')) {
        TopicTree::NodeId next = TopicTree::InvalidId;
        for (const TopicTree::NodeId child : tree.node(id).children) {
            if (tree.node(child).name == level)
                next = child;
        }
        if (next == TopicTree::InvalidId)
            return next;
        id = next;
    }
    return id;
}

QString shotDir()
{
    const QString fromEnv = qEnvironmentVariable("TIDELINE_SCREENSHOT_DIR");
    const QString dir = fromEnv.isEmpty() ? QDir::temp().filePath(u"tideline-ui-tests"_s) : fromEnv;
    QDir().mkpath(dir);
    return dir;
}

QModelIndex proxyIndexFor(ConnectionView *view, const QString &topic)
{
    const QModelIndex source = view->topicModel()->indexForTopic(topic);
    return source.isValid() ? view->filterModel()->mapFromSource(source) : QModelIndex();
}

void selectTopic(ConnectionView *view, const QString &topic)
{
    QModelIndex index;
    QTRY_VERIFY_WITH_TIMEOUT((index = proxyIndexFor(view, topic)).isValid(), 10000);
    view->topicView()->scrollTo(index, QAbstractItemView::PositionAtCenter);
    view->topicView()->setCurrentIndex(index);
}

} // namespace

// The payload inspector fed from a real TopicTree (and, at the end, from a real mosquitto
// through the connection view), checked view by view.
class TestPayloadInspector : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_iniSerial = 0;
    std::unique_ptr<TopicTree> m_tree;
    std::unique_ptr<PayloadInspectorView> m_view;

    TopicTree::NodeId publish(const MqttMessage &m)
    {
        m_tree->apply(m);
        return m_tree->find(m.topic);
    }

    // Applies the message and shows its topic.
    void show(const MqttMessage &m)
    {
        const TopicTree::NodeId id = publish(m);
        QVERIFY(id != TopicTree::InvalidId);
        m_view->setNode(id);
        m_view->refreshNow();
    }

    PayloadContentView *content() const { return m_view->contentView(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        settings::useIniFile(m_dir.filePath(u"settings-%1.ini"_s.arg(++m_iniSerial)));
        m_tree = std::make_unique<TopicTree>();
        m_view = std::make_unique<PayloadInspectorView>();
        m_view->resize(1100, 560);
        m_view->setTopicTree(m_tree.get());
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup()
    {
        if (QTest::currentTestFailed() && m_view)
            m_view->grab().save(QDir(shotDir()).filePath(u"failed-%1.png"_s.arg(QString::fromLatin1(QTest::currentTestFunction()))));
        m_view.reset();
        m_tree.reset();
    }

    void jsonTextAndTree()
    {
        show(message("plant/press-4/telemetry"_ba,
                      "{\"temp\":21.5,\"pressure\":{\"value\":4.2,\"unit\":\"bar\"},\"ok\":true,\"tags\":[\"a\",\"b\"]}"_ba,
                      1, true));
        QCOMPARE(m_view->shownDecoderId(), u"json"_s);
        QCOMPARE(m_view->decoderBox()->currentText(), u"Auto (JSON)"_s);
        QCOMPARE(content()->page(), PayloadContentView::Page::Text);
        const QString text = content()->textView()->toPlainText();
        QVERIFY2(text.contains(u"\"temp\": 21.5"_s), qPrintable(text));
        QVERIFY(text.contains(u"\n  \"pressure\": {\n    \"value\": 4.2,"_s));

        // The tree: one root, keys by name, values as published, containers collapsible.
        QTreeView *tree = content()->fieldView();
        QVERIFY(tree->isVisible());
        FieldTreeModel *fields = content()->fieldModel();
        QAbstractItemModelTester tester(fields, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(fields->rowCount(), 1);
        const QModelIndex root = fields->index(0, 0);
        QCOMPARE(root.data().toString(), u"$"_s);
        QCOMPARE(fields->rowCount(root), 4);
        const QModelIndex pressure = fields->indexForPath(u"$.pressure"_s);
        QCOMPARE(pressure.data().toString(), u"pressure"_s);
        QCOMPARE(pressure.siblingAtColumn(FieldTreeModel::TypeColumn).data().toString(), u"object"_s);
        const QModelIndex value = fields->indexForPath(u"$.pressure.value"_s);
        QCOMPARE(value.data().toString(), u"value"_s);
        QCOMPARE(value.parent(), pressure);
        QCOMPARE(value.siblingAtColumn(FieldTreeModel::ValueColumn).data().toString(), u"4.2"_s);
        QCOMPARE(fields->indexForPath(u"$.tags[1]"_s).data().toString(), u"[1]"_s);
        QVERIFY(tree->isExpanded(pressure));
        tree->collapse(pressure);
        QVERIFY(!tree->isExpanded(pressure));

        // Metadata and properties of the shown message.
        const QString meta = m_view->metaLabel()->text();
        QVERIFY2(meta.contains(u"QoS 1"_s) && meta.contains(u"retained"_s), qPrintable(meta));
        QVERIFY(meta.contains(u"2025-01-31"_s));
    }

    void jsonSyntaxErrorShowsLineAndColumn()
    {
        // The content type says JSON, so JSON it is, and its error is the answer.
        show(message("cfg/app"_ba, "{\n  \"a\": 1,\n  \"b\": tru,\n  \"c\": 3\n}"_ba, 0, false,
                     contentType(u"application/json"_s)));
        QCOMPARE(m_view->shownDecoderId(), u"json"_s);
        const QString status = content()->statusLabel()->text();
        QVERIFY2(status.contains(u"line 3"_s) && status.contains(u"column"_s), qPrintable(status));
        // The raw text is shown with the cursor and a mark at the error.
        QPlainTextEdit *text = content()->textView();
        QVERIFY(text->toPlainText().startsWith(u"{\n  \"a\": 1,"_s));
        QCOMPARE(text->textCursor().blockNumber(), 2);
        QVERIFY(!markedTexts(text).isEmpty());
        QVERIFY(!content()->fieldView()->isVisible());
    }

    void invalidUtf8IsMarked()
    {
        const QByteArray payload("temp=21.5 \xff\xfe unit=C \xc3\x28", 22);
        show(message("legacy/device"_ba, payload));
        // Not valid UTF-8: not auto-detected as text. Pick text by hand.
        QVERIFY(m_view->shownDecoderId() != u"text"_s);
        m_view->setDecoderOverride(u"text"_s);
        QCOMPARE(m_view->shownDecoderId(), u"text"_s);
        QCOMPARE(m_view->decoderBox()->currentData().toString(), u"text"_s);
        QPlainTextEdit *text = content()->textView();
        QCOMPARE(text->toPlainText(), u"temp=21.5 \uFFFD\uFFFD unit=C \uFFFD("_s);
        const QStringList marks = markedTexts(text);
        QCOMPARE(marks, (QStringList{u"\uFFFD\uFFFD"_s, u"\uFFFD"_s}));
        QVERIFY(content()->warningList()->isVisible());
        QVERIFY(content()->warningList()->item(0)->text().contains(u"Invalid UTF-8"_s));
    }

    void overrideIsRememberedPerTopic()
    {
        const TopicTree::NodeId a = publish(message("a/json"_ba, "{\"x\":1}"_ba));
        const TopicTree::NodeId b = publish(message("b/json"_ba, "{\"y\":2}"_ba));
        m_view->setNode(a);
        QCOMPARE(m_view->shownDecoderId(), u"json"_s);
        // Through the selector, as an operator would.
        QComboBox *box = m_view->decoderBox();
        const int hexIndex = box->findData(u"hex"_s);
        QVERIFY(hexIndex > 0);
        box->setCurrentIndex(hexIndex);
        Q_EMIT box->activated(hexIndex);
        QCOMPARE(m_view->shownDecoderId(), u"hex"_s);
        QVERIFY(content()->textView()->toPlainText().startsWith(u"00000000  7b 22 78 22"_s));

        m_view->setNode(b);
        QCOMPARE(m_view->shownDecoderId(), u"json"_s);
        QCOMPARE(box->currentData().toString(), QString());
        m_view->setNode(a);
        QCOMPARE(m_view->shownDecoderId(), u"hex"_s);
        QCOMPARE(box->currentData().toString(), u"hex"_s);
        // New messages on the topic keep the pick.
        m_tree->apply(message("a/json"_ba, "{\"x\":2}"_ba));
        m_view->refreshNow();
        QCOMPARE(m_view->shownDecoderId(), u"hex"_s);
        // Back to automatic.
        m_view->setDecoderOverride(QString());
        QCOMPARE(m_view->shownDecoderId(), u"json"_s);
    }

    void cloudEventStructuredMissingSource()
    {
        show(message("shop/events"_ba,
                     "{\"specversion\":\"1.0\",\"id\":\"e-17\",\"type\":\"com.shop.order.created\","
                     "\"time\":\"2025-01-31T12:00:00Z\",\"datacontenttype\":\"application/json\","
                     "\"data\":{\"orderId\":\"o-17\",\"total\":42.5}}"_ba));
        QCOMPARE(m_view->shownDecoderId(), u"cloudevents"_s);
        QCOMPARE(content()->page(), PayloadContentView::Page::Wrapper);
        QTableWidget *table = content()->attributeTable();
        QVERIFY(table->isVisible());
        QHash<QString, int> rows;
        for (int r = 0; r < table->rowCount(); ++r)
            rows.insert(table->item(r, 0)->text(), r);
        QVERIFY(rows.contains(u"id"_s) && rows.contains(u"type"_s) && rows.contains(u"time"_s));
        QCOMPARE(table->item(rows.value(u"id"_s), 1)->text(), u"e-17"_s);
        // The missing required attribute has a row of its own, flagged.
        QVERIFY(rows.contains(u"source"_s));
        const int source = rows.value(u"source"_s);
        QCOMPARE(table->item(source, 1)->text(), u"missing"_s);
        QCOMPARE(table->item(source, 2)->text(), u"required, missing"_s);
        QVERIFY(table->item(source, 1)->background().color() != table->item(rows.value(u"id"_s), 1)->background().color());
        QVERIFY(content()->warningList()->isVisible());
        // The data, decoded by its content type.
        PayloadContentView *data = content()->dataView();
        QVERIFY(data);
        QCOMPARE(data->page(), PayloadContentView::Page::Text);
        QVERIFY(data->textView()->toPlainText().contains(u"\"total\": 42.5"_s));
        QCOMPARE(data->fieldModel()->indexForPath(u"$.orderId"_s).siblingAtColumn(FieldTreeModel::ValueColumn).data().toString(),
                 u"o-17"_s);
    }

    void cloudEventBinaryMode()
    {
        auto props = std::make_shared<MessageProperties>();
        props->contentType = u"application/json"_s;
        props->userProperties = {{u"specversion"_s, u"1.0"_s}, {u"id"_s, u"b-1"_s},
                                 {u"source"_s, u"/plant/line-1"_s}, {u"type"_s, u"com.plant.reading"_s},
                                 {u"traceparent"_s, u"00-abc-01"_s}};
        show(message("plant/line-1/events"_ba, "{\"value\":7}"_ba, 1, false, props));
        QCOMPARE(m_view->shownDecoderId(), u"cloudevents"_s);
        QTableWidget *table = content()->attributeTable();
        QStringList names;
        for (int r = 0; r < table->rowCount(); ++r)
            names << table->item(r, 0)->text() + u'=' + table->item(r, 1)->text();
        QVERIFY2(names.contains(u"source=/plant/line-1"_s), qPrintable(names.join(u", "_s)));
        QVERIFY(names.contains(u"datacontenttype=application/json"_s));
        QVERIFY(names.contains(u"traceparent=00-abc-01"_s));
        QVERIFY(!names.contains(u"source=missing"_s));
        QVERIFY(content()->dataView()->textView()->toPlainText().contains(u"\"value\": 7"_s));
        // The MQTT 5 properties are listed, user properties included.
        QTreeWidget *properties = m_view->propertiesView();
        const auto found = properties->findItems(u"traceparent"_s, Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first()->text(1), u"00-abc-01"_s);
        QCOMPARE(properties->findItems(u"Content type"_s, Qt::MatchExactly | Qt::MatchRecursive).first()->text(1),
                 u"application/json"_s);
        QCOMPARE(m_view->tabs()->tabText(1), u"Properties (6)"_s);
    }

    void allProperties()
    {
        auto props = std::make_shared<MessageProperties>();
        props->contentType = u"text/plain"_s;
        props->payloadFormatIndicator = 1;
        props->responseTopic = u"replies/7"_s;
        props->correlationData = QByteArray("\x01\x02\xff", 3);
        props->messageExpiryInterval = 90;
        props->userProperties = {{u"k"_s, u"v"_s}};
        show(message("rpc/req"_ba, "ping"_ba, 2, false, props));
        QTreeWidget *t = m_view->propertiesView();
        const auto value = [t](const QString &name) {
            const auto items = t->findItems(name, Qt::MatchExactly | Qt::MatchRecursive);
            return items.isEmpty() ? QString() : items.first()->text(1);
        };
        QCOMPARE(value(u"Payload format indicator"_s), u"1 (UTF-8 text)"_s);
        QCOMPARE(value(u"Response topic"_s), u"replies/7"_s);
        QCOMPARE(value(u"Correlation data"_s), u"hex 01 02 ff"_s);
        QCOMPARE(value(u"Message expiry interval"_s), u"90 s"_s);
        QCOMPARE(value(u"QoS"_s), u"2"_s);
        QCOMPARE(value(u"Size"_s), u"4 B"_s);
        QCOMPARE(m_view->shownDecoderId(), u"text"_s);
        QCOMPARE(content()->textView()->toPlainText(), u"ping"_s);
    }

    void binaryFieldTrees_data()
    {
        QTest::addColumn<QByteArray>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("decoder");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("value");

        QCborMap map;
        map.insert(u"temp"_s, 21.5);
        map.insert(u"ok"_s, true);
        QTest::newRow("cbor") << "s/cbor"_ba << QCborValue(map).toCbor() << u"application/cbor"_s << u"cbor"_s
                              << u"$.temp"_s << u"21.5"_s;
        // {"a": 1, "b": true}
        QTest::newRow("msgpack") << "s/msgpack"_ba << QByteArray::fromHex("82a16101a162c3") << u"application/msgpack"_s
                                 << u"msgpack"_s << u"$.a"_s << u"1"_s;
        QTest::newRow("protobuf") << "s/proto"_ba << pbtest::fVarint(1, 150) + pbtest::fBytes(2, "hello, world")
                                  << QString() << u"protobuf"_s << u"1"_s << u"150"_s;
        QByteArray sparkplug = pbtest::fVarint(1, 1486144502122ULL);
        sparkplug += pbtest::fBytes(2, pbtest::fBytes(1, "Temperature") + pbtest::fVarint(2, 1)
                                           + pbtest::fVarint(4, 9) + pbtest::fFloat(12, 21.5f));
        sparkplug += pbtest::fVarint(3, 4);
        QTest::newRow("sparkplug") << "spBv1.0/plant/DDATA/edge1/dev1"_ba << sparkplug << QString() << u"sparkplug"_s
                                   << u"metrics[0].float_value"_s << u"21.5"_s;
    }

    void binaryFieldTrees()
    {
        QFETCH(QByteArray, topic);
        QFETCH(QByteArray, payload);
        QFETCH(QString, type);
        QFETCH(QString, decoder);
        QFETCH(QString, path);
        QFETCH(QString, value);
        show(message(topic, payload, 0, false, type.isEmpty() ? nullptr : contentType(type)));
        QCOMPARE(m_view->shownDecoderId(), decoder);
        QVERIFY2(content()->statusLabel()->palette().color(QPalette::WindowText) != ui::errorTextColor(content()->palette()),
                 qPrintable(content()->statusLabel()->text()));
        QVERIFY(content()->fieldView()->isVisible());
        const QModelIndex index = content()->fieldModel()->indexForPath(path);
        QVERIFY2(index.isValid(), qPrintable(path));
        QCOMPARE(index.siblingAtColumn(FieldTreeModel::ValueColumn).data().toString(), value);
        QAbstractItemModelTester tester(content()->fieldModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void hexDump()
    {
        QByteArray payload;
        for (int i = 0; i < 40; ++i)
            payload += char(i * 7);
        show(message("bin/blob"_ba, payload));
        m_view->setDecoderOverride(u"hex"_s);
        QCOMPARE(content()->page(), PayloadContentView::Page::Text);
        QPlainTextEdit *text = content()->textView();
        QCOMPARE(text->lineWrapMode(), QPlainTextEdit::NoWrap);
        const QStringList lines = text->toPlainText().split(u'\n');
        QCOMPARE(lines.at(0), u"00000000  00 07 0e 15 1c 23 2a 31  38 3f 46 4d 54 5b 62 69  |.....#*18?FMT[bi|"_s);
        QVERIFY(lines.at(2).startsWith(u"00000020  "_s));
        QVERIFY(!content()->fieldView()->isVisible());
    }

    void imagePreview_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::newRow("png") << "PNG"_ba;
        QTest::newRow("jpeg") << "JPEG"_ba;
    }

    void imagePreview()
    {
        QFETCH(QByteArray, format);
        QImage image(64, 48, QImage::Format_RGB32);
        image.fill(QColor(0x1a, 0x73, 0xe8));
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, format.constData()));
        show(message("cam/1/snapshot"_ba, bytes));
        QCOMPARE(m_view->shownDecoderId(), u"image"_s);
        QCOMPARE(content()->page(), PayloadContentView::Page::Image);
        QCOMPARE(content()->imageLabel()->pixmap().size(), QSize(64, 48));
        QVERIFY(content()->statusLabel()->text().contains(u"64 × 48"_s));
    }

    void historySelectionAndDiff()
    {
        const QByteArray topic = "plant/press-4/state"_ba;
        publish(message(topic, "{\"temp\":20.0,\"mode\":\"auto\",\"count\":1}"_ba));
        publish(message(topic, "{\"temp\":20.5,\"mode\":\"auto\",\"count\":2}"_ba));
        show(message(topic, "{\"temp\":21.0,\"mode\":\"manual\",\"count\":3,\"alarm\":true}"_ba));
        MessageHistoryModel *history = m_view->historyModel();
        QAbstractItemModelTester tester(history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(history->rowCount(), 3);
        QVERIFY(history->index(0, MessageHistoryModel::PreviewColumn).data().toString().contains(u"manual"_s));
        QVERIFY(m_view->followsLatest());
        QCOMPARE(m_view->historyView()->currentIndex().row(), 0);

        // The diff of the newest against the one before: changed keys named and coloured.
        m_view->setCurrentTab(PayloadInspectorView::Tab::Diff);
        QTreeWidget *changes = m_view->diffView()->changeList();
        QMap<QString, QTreeWidgetItem *> byPath;
        for (int i = 0; i < changes->topLevelItemCount(); ++i)
            byPath.insert(changes->topLevelItem(i)->text(1), changes->topLevelItem(i));
        QCOMPARE(byPath.keys(), (QList<QString>{u"$.alarm"_s, u"$.count"_s, u"$.mode"_s, u"$.temp"_s}));
        QTreeWidgetItem *mode = byPath.value(u"$.mode"_s);
        QCOMPARE(mode->text(0), u"changed"_s);
        QCOMPARE(mode->text(2), u"\"auto\""_s);
        QCOMPARE(mode->text(3), u"\"manual\""_s);
        QCOMPARE(mode->background(1).color(), PayloadDiffView::colorFor(PayloadDiff::Change::Kind::Changed));
        QCOMPARE(byPath.value(u"$.alarm"_s)->text(0), u"added"_s);
        QCOMPARE(byPath.value(u"$.alarm"_s)->background(0).color(), PayloadDiffView::colorFor(PayloadDiff::Change::Kind::Added));

        // Picking an older row shows it, stops following, and the diff follows the pick.
        QTest::mouseClick(m_view->historyView()->viewport(), Qt::LeftButton, {},
                          m_view->historyView()->visualRect(history->index(1, 1)).center());
        QVERIFY(!m_view->followsLatest());
        QVERIFY(!m_view->findChild<QToolButton *>(u"followLatestButton"_s)->isChecked());
        QVERIFY(m_view->metaLabel()->text().contains(u"from history"_s));
        QCOMPARE(changes->topLevelItemCount(), 2);
        const auto temp = changes->findItems(u"$.temp"_s, Qt::MatchExactly, 1);
        QCOMPARE(temp.size(), 1);
        QCOMPARE(temp.first()->text(2), u"20"_s);
        QCOMPARE(temp.first()->text(3), u"20.5"_s);
        m_view->setCurrentTab(PayloadInspectorView::Tab::Payload);
        QVERIFY(content()->textView()->toPlainText().contains(u"\"count\": 2"_s));

        // New messages do not move the pinned view; following again shows the newest.
        m_tree->apply(message(topic, "{\"temp\":22.0,\"mode\":\"manual\",\"count\":4}"_ba));
        m_view->refreshNow();
        QCOMPARE(history->rowCount(), 4);
        QVERIFY(content()->textView()->toPlainText().contains(u"\"count\": 2"_s));
        QCOMPARE(m_view->historyView()->currentIndex().row(), 2); // the same message, one row down
        m_view->setFollowLatest(true);
        QVERIFY(content()->textView()->toPlainText().contains(u"\"count\": 4"_s));
        QCOMPARE(m_view->historyView()->currentIndex().row(), 0);

        // The oldest has nothing to compare with.
        m_view->setCurrentTab(PayloadInspectorView::Tab::Diff);
        m_view->showHistoryRow(3);
        QVERIFY(m_view->diffView()->summaryLabel()->text().contains(u"oldest"_s));
    }

    void textDiffAndByteDiff()
    {
        publish(message("log/a"_ba, "line one\nline two\nline three\n"_ba));
        show(message("log/a"_ba, "line one\nline 2\nline three\n"_ba));
        m_view->setCurrentTab(PayloadInspectorView::Tab::Diff);
        QTreeWidget *changes = m_view->diffView()->changeList();
        QCOMPARE(changes->topLevelItemCount(), 2);
        QCOMPARE(changes->topLevelItem(0)->text(0), u"removed"_s);
        QCOMPARE(changes->topLevelItem(0)->text(1), u"line 2"_s);
        QCOMPARE(changes->topLevelItem(1)->text(0), u"added"_s);

        publish(message("bin/b"_ba, QByteArray("\x00\x01\x02\x03", 4)));
        show(message("bin/b"_ba, QByteArray("\x00\x01\xff\x03", 4)));
        QCOMPARE(changes->topLevelItemCount(), 1);
        QCOMPARE(changes->topLevelItem(0)->text(1), u"offset 2, length 1"_s);
    }

    void plotFromHistory()
    {
        const QByteArray topic = "plant/press-4/telemetry"_ba;
        for (int i = 0; i < 20; ++i)
            publish(message(topic, u"{\"temp\":%1,\"hum\":%2,\"label\":\"x\"}"_s.arg(20 + i * 0.5).arg(40 + i).toUtf8()));
        m_view->setNode(m_tree->find(topic));
        m_view->setCurrentTab(PayloadInspectorView::Tab::Plot);
        ValuePlotView *plot = m_view->plotView();
        // No path typed: the first numeric field is suggested and plotted.
        QCOMPARE(plot->pathEdit()->placeholderText(), u"$.temp"_s);
        QTRY_COMPARE(plot->points().size(), 20);
        QCOMPARE(plot->points().first().y(), 20.0);
        QCOMPARE(plot->points().last().y(), 29.5);
        QCOMPARE(qint64(plot->points().last().x()), g_clock);

        QSignalSpy plotted(plot, &ValuePlotView::plotted);
        QElapsedTimer burst;
        QTest::keyClicks(plot->pathEdit(), u"$.hum"_s);
        QVERIFY(plotted.wait());
        QCOMPARE(plot->points().size(), 20);
        QCOMPARE(plot->points().last().y(), 59.0);
        // A path with nothing numeric says so.
        plot->setPath(u"$.label"_s);
        QVERIFY(plotted.wait());
        QCOMPARE(plot->points().size(), 0);
        QVERIFY(plot->statusLabel()->text().contains(u"No numeric value"_s));
        plot->setPath(u"$.[bad"_s);
        QTRY_VERIFY(plot->statusLabel()->text().contains(u"not a JSON path"_s));

        // Updates are coalesced: a burst of messages gives a few replacements, not one each.
        plot->setPath(u"$.temp"_s);
        QVERIFY(plotted.wait());
        plotted.clear();
        burst.start();
        for (int i = 0; i < 50; ++i) {
            m_tree->apply(message(topic, u"{\"temp\":%1}"_s.arg(i).toUtf8()));
            m_view->refresh();
            QTest::qWait(10);
        }
        QTRY_COMPARE(plot->points().size(), 70);
        // At most one replacement per interval (plus the one that was already scheduled).
        const qint64 allowed = burst.elapsed() / ValuePlotView::UpdateIntervalMs + 2;
        QVERIFY2(plotted.size() <= allowed && plotted.size() < 50,
                 qPrintable(u"%1 replacements in %2 ms"_s.arg(plotted.size()).arg(burst.elapsed())));
    }

    // A 100 MB payload and absurdly deep JSON never stop the event loop.
    void hugePayloadsDecodeOffThread_data()
    {
        // Payloads are made in the test itself: only one 100 MB array lives at a time.
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("expectedDecoder");
        QTest::newRow("100 MB JSON array") << u"json"_s << u"json"_s;
        // Below the JSON size limit: parsed for real, 20,000 tree rows and capped text shown.
        QTest::newRow("20 MB JSON objects") << u"json20"_s << u"json"_s;
        QTest::newRow("100 MB random bytes") << u"random"_s << u"hex"_s;
        QTest::newRow("100 MB of one line of text") << u"text"_s << u"text"_s;
        // Refused by detection (too deep to parse), so shown as text.
        QTest::newRow("100,000-deep JSON") << u"deep"_s << u"text"_s;
        // Too big to parse for detection: JSON by its first byte, refused by the decoder.
        QTest::newRow("2,000,000-deep JSON") << u"deeper"_s << u"json"_s;
    }

    void hugePayloadsDecodeOffThread()
    {
        QFETCH(QString, kind);
        QFETCH(QString, expectedDecoder);
        constexpr qsizetype Big = 100 * 1024 * 1024;
        QByteArray payload;
        if (kind == u"json"_s) {
            payload.reserve(Big + 16);
            payload += '[';
            while (payload.size() < Big)
                payload += "12345.678,";
            payload += "0]";
        } else if (kind == u"json20"_s) {
            payload.reserve(20 * 1024 * 1024 + 64);
            payload += '[';
            for (int i = 0; payload.size() < 20 * 1024 * 1024; ++i)
                payload += "{\"id\":" + QByteArray::number(i) + ",\"name\":\"sensor\",\"v\":[1.5,2.5]},";
            payload += "{}]";
        } else if (kind == u"random"_s) {
            payload = QByteArray(Big, Qt::Uninitialized);
            QRandomGenerator rng(42);
            rng.fillRange(reinterpret_cast<quint32 *>(payload.data()), payload.size() / 4);
        } else if (kind == u"text"_s) {
            payload = QByteArray(Big, 'a');
        } else if (kind == u"deep"_s) {
            payload = QByteArray(100000, '[') + QByteArray(100000, ']');
        } else {
            payload = QByteArray(2000000, '[') + QByteArray(2000000, ']');
        }
        const TopicTree::NodeId id = publish(message("big/topic"_ba, payload));
        payload.clear(); // the tree holds the only copy

        QSignalSpy rendered(m_view.get(), &PayloadInspectorView::rendered);
        StallMeter meter;
        QElapsedTimer clock;
        clock.start();
        bool decodingSeen = false;
        // Selected from the event loop, like a click in the tree.
        QTimer::singleShot(0, m_view.get(), [&] {
            m_view->setNode(id);
            decodingSeen = m_view->isDecoding();
        });
        QVERIFY(rendered.wait(60000));
        const qint64 total = clock.elapsed();
        QTest::qWait(50); // the repaint after the result counts too
        qInfo("decoded in %lld ms; longest event loop stall %lld ms (%d ticks)", total, meter.worstGapMs(), meter.ticks());
        QVERIFY2(meter.worstGapMs() < 250, qPrintable(u"the GUI stalled for %1 ms"_s.arg(meter.worstGapMs())));
        QCOMPARE(decodingSeen, m_tree->node(id).historySize() > 0
                                   && m_tree->lastPayload(id).size() > PayloadInspectorView::BackgroundThreshold);
        QCOMPARE(m_view->shownDecoderId(), expectedDecoder);
        QVERIFY(!content()->statusLabel()->text().isEmpty());
        QVERIFY(content()->textView()->toPlainText().size() <= PayloadRendering::MaxDisplayChars + 8);
        if (kind == u"json20"_s) { // parsed: the row cap and the display cap say so
            QCOMPARE(content()->fieldModel()->fieldCount(), qsizetype(PayloadLimits::MaxFields));
            QVERIFY(content()->statusLabel()->text().contains(u"display shortened"_s));
        } else if (expectedDecoder == u"json"_s) { // refused with a reason, shown raw
            QVERIFY(content()->statusLabel()->text().contains(u"cannot decode"_s));
        }

        // The other views cope as well: history preview, diff, plot.
        m_view->setCurrentTab(PayloadInspectorView::Tab::Diff);
        m_view->setCurrentTab(PayloadInspectorView::Tab::Plot);
        QTest::qWait(ValuePlotView::UpdateIntervalMs + 100);
        QVERIFY2(meter.worstGapMs() < 250, qPrintable(u"the GUI stalled for %1 ms"_s.arg(meter.worstGapMs())));
    }

    void staleResultIsDiscarded()
    {
        QByteArray big(64 * 1024 * 1024, 'x');
        big[0] = '\xff';
        const TopicTree::NodeId bigId = publish(message("big/one"_ba, big));
        const TopicTree::NodeId smallId = publish(message("small/one"_ba, "{\"small\":true}"_ba));
        QSignalSpy discarded(m_view.get(), &PayloadInspectorView::renderDiscarded);
        m_view->setNode(bigId);
        QVERIFY(m_view->isDecoding());
        QCOMPARE(content()->page(), PayloadContentView::Page::Busy);
        m_view->setNode(smallId);
        QVERIFY(!m_view->isDecoding());
        QVERIFY(content()->textView()->toPlainText().contains(u"\"small\": true"_s));
        QVERIFY(discarded.wait(60000));
        QVERIFY(content()->textView()->toPlainText().contains(u"\"small\": true"_s));
        QCOMPARE(m_view->shownDecoderId(), u"json"_s);
    }

    void copyAndFileActions()
    {
        const QByteArray binary("\x00\x01\xfe\xff", 4);
        auto props = std::make_shared<MessageProperties>();
        props->contentType = u"application/octet-stream"_s;
        props->userProperties = {{u"k"_s, u"v"_s}};
        publish(message("fleet/truck-1/gps"_ba, "{\"lat\":52.5,\"lon\":13.4}"_ba, 1));
        publish(message("fleet/truck-1/raw"_ba, binary, 0, false, props));
        show(message("fleet/truck-1/gps"_ba, "{\"lat\":52.6,\"lon\":13.4}"_ba, 1, true));

        m_view->copyTopic();
        QCOMPARE(QApplication::clipboard()->text(), u"fleet/truck-1/gps"_s);
        m_view->copyPayload();
        QCOMPARE(QApplication::clipboard()->text(), u"{\"lat\":52.6,\"lon\":13.4}"_s);
        QCOMPARE(QApplication::clipboard()->mimeData()->data(u"application/octet-stream"_s), "{\"lat\":52.6,\"lon\":13.4}"_ba);

        QTemporaryDir dir;
        QSignalSpy finished(m_view.get(), &PayloadInspectorView::fileActionFinished);
        const QString payloadFile = dir.filePath(u"payload.bin"_s);
        m_view->savePayload(payloadFile);
        QVERIFY(finished.wait());
        QVERIFY(finished.last().at(0).toBool());
        QFile saved(payloadFile);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), "{\"lat\":52.6,\"lon\":13.4}"_ba);

        // Export the subtree (both topics, arrival order) and read it back.
        m_view->setNode(nodeFor(*m_tree, u"fleet/truck-1"_s));
        for (const auto format : {HistoryExport::Format::JsonLines, HistoryExport::Format::Csv}) {
            const QString file = dir.filePath(format == HistoryExport::Format::Csv ? u"h.csv"_s : u"h.jsonl"_s);
            m_view->exportHistory(file, format, true);
            QVERIFY(finished.wait());
            QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
            QVERIFY2(finished.last().at(1).toString().contains(u"(messages: 3)"_s), qPrintable(finished.last().at(1).toString()));

            std::vector<MqttMessage> imported;
            auto connection = connect(m_view.get(), &PayloadInspectorView::messagesImported, this,
                                      [&](const std::vector<MqttMessage> &messages) { imported = messages; });
            m_view->importMessages(file);
            QVERIFY(finished.wait());
            disconnect(connection);
            QVERIFY(finished.last().at(0).toBool());
            QCOMPARE(imported.size(), size_t(3));
            QCOMPARE(imported.at(0).topic, "fleet/truck-1/gps"_ba);
            QCOMPARE(imported.at(1).topic, "fleet/truck-1/raw"_ba);
            QCOMPARE(imported.at(1).payload, binary);
            QVERIFY(imported.at(1).properties);
            QCOMPARE(imported.at(1).properties->userProperties, props->userProperties);
            QCOMPARE(imported.at(2).payload, "{\"lat\":52.6,\"lon\":13.4}"_ba);
            QCOMPARE(imported.at(2).retained, true);
            QCOMPARE(imported.at(2).qos, quint8(1));
        }
        // A topic alone exports only itself.
        m_view->setNode(m_tree->find("fleet/truck-1/raw"));
        m_view->exportHistory(dir.filePath(u"raw.jsonl"_s), HistoryExport::Format::JsonLines, false);
        QVERIFY(finished.wait());
        QVERIFY(finished.last().at(1).toString().contains(u"(messages: 1)"_s));
        // Failures are reported, not swallowed.
        m_view->importMessages(dir.filePath(u"missing.jsonl"_s));
        QVERIFY(finished.wait());
        QVERIFY(!finished.last().at(0).toBool());
        QVERIFY(m_view->actionStatusLabel()->text().contains(u"missing.jsonl"_s));
    }

    // Imported messages land in the connection's own topic tree, offline too.
    void importIntoConnectionView()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"set.jsonl"_s);
        std::vector<MqttMessage> messages = {message("imported/a"_ba, "1"_ba), message("imported/b"_ba, "{\"v\":2}"_ba)};
        QVERIFY(HistoryExport::writeFile(file, messages, HistoryExport::Format::JsonLines).ok());

        ConnectionView view(ConnectionProfile::fromUrl(u"mqtt://127.0.0.1:1"_s).value(), nullptr);
        view.resize(1200, 800);
        view.show();
        QSignalSpy finished(view.inspector(), &PayloadInspectorView::fileActionFinished);
        view.inspector()->importMessages(file);
        QVERIFY(finished.wait());
        selectTopic(&view, u"imported/b"_s);
        QCOMPARE(view.inspector()->topic(), u"imported/b"_s);
        QVERIFY(view.inspector()->contentView()->textView()->toPlainText().contains(u"\"v\": 2"_s));
        QVERIFY(view.inspector()->metaLabel()->text().contains(u"2025-01-31"_s));
    }

    // The whole path (pipeline, tree model, details, inspector) with a 100 MB message.
    void hugePayloadThroughConnectionView()
    {
        ConnectionView view(ConnectionProfile::fromUrl(u"mqtt://127.0.0.1:1"_s).value(), nullptr);
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        MqttMessage m = message("huge/payload"_ba, QByteArray(100 * 1024 * 1024, '7'));
        view.pipeline()->inbox()->push(std::move(m));
        QModelIndex index;
        QTRY_VERIFY((index = proxyIndexFor(&view, u"huge/payload"_s)).isValid());
        QSignalSpy rendered(view.inspector(), &PayloadInspectorView::rendered);
        StallMeter meter;
        QTimer::singleShot(0, &view, [&] { view.topicView()->setCurrentIndex(index); });
        QVERIFY(rendered.wait(60000));
        QTest::qWait(1200); // a details tick and a rate tick
        qInfo("longest event loop stall %lld ms", meter.worstGapMs());
        QVERIFY2(meter.worstGapMs() < 250, qPrintable(u"the GUI stalled for %1 ms"_s.arg(meter.worstGapMs())));
        QVERIFY(!view.inspector()->shownDecoderId().isEmpty());
    }

    // A real broker: mosquitto_pub publishes a JSON document and CloudEvents (structured and
    // binary mode with MQTT 5 properties); the inspector shows them. The pictures for the docs
    // come from this run (TIDELINE_SCREENSHOT_DIR=docs/screenshots to refresh them).
    void realBrokerAndScreenshots()
    {
        MosquittoProcess broker;
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        const QString pub = findProgram(u"mosquitto_pub"_s);
        QVERIFY2(!pub.isEmpty(), "mosquitto_pub is not installed");
        const auto publishCli = [&](const QString &topic, const QByteArray &payload, QStringList extra = {}) {
            QTemporaryFile file;
            QVERIFY(file.open());
            file.write(payload);
            file.flush();
            QProcess p;
            p.start(pub, QStringList{u"-h"_s, broker.host(), u"-p"_s, QString::number(broker.port()), u"-V"_s,
                                     u"mqttv5"_s, u"-q"_s, u"1"_s, u"-t"_s, topic, u"-f"_s, file.fileName()}
                             + extra);
            QVERIFY(p.waitForFinished(10000));
            QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        };

        MainWindow window;
        window.resize(MainWindow::DefaultSize);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConnectionProfile profile = ConnectionProfile::fromUrl(broker.url()).value();
        profile.subscriptions = {{u"#"_s, 1}};
        ConnectionView *view = window.openConnection(profile);
        // The side panel narrow, as an operator working in the inspector would have it.
        if (auto *splitter = view->findChild<QSplitter *>(u"connectionSplitter"_s))
            splitter->setSizes({1080, 320});
        QSignalSpy subscribed(view->connection(), &MqttConnection::subscribed);
        QTRY_COMPARE_WITH_TIMEOUT(view->state(), MqttConnection::State::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(subscribed.cbegin(), subscribed.cend(),
                                             [](const QList<QVariant> &args) { return args.at(0).toString() == u"#"_s; }),
                                 10000);
        PayloadInspectorView *inspector = view->inspector();

        // Some neighbours so the tree looks like a plant.
        publishCli(u"plant/line-1/press-04/status"_s, "running"_ba, {u"-r"_s});
        publishCli(u"plant/line-1/press-05/status"_s, "maintenance"_ba, {u"-r"_s});
        publishCli(u"plant/line-2/oven-01/temperature"_s, "231.4"_ba);
        // The JSON topic, several times so history, diff and plot have something.
        const QString telemetry = u"plant/line-1/press-04/telemetry"_s;
        const double temps[] = {70.4, 70.9, 71.2, 71.1, 71.6, 72.3, 72.2, 72.8, 73.5, 73.4, 74.1, 74.9, 75.3, 75.2, 75.8, 76.4};
        const int count = int(std::size(temps));
        for (int i = 0; i < count; ++i) {
            const QByteArray json = u"{\"ts\":\"2025-01-31T12:00:%1Z\",\"temperature\":%2,\"pressure\":{\"value\":%3,"
                                    "\"unit\":\"bar\"},\"cycle\":%4,\"state\":\"%5\",\"alarms\":[%6]}"_s
                                        .arg(10 + i, 2, 10, QChar(u'0'))
                                        .arg(temps[i])
                                        .arg(4.2 + i * 0.05)
                                        .arg(1830 + i)
                                        .arg(i < count - 1 ? u"pressing"_s : u"cooling"_s)
                                        .arg(i < count - 1 ? QString() : u"\"overtemp-warning\""_s)
                                        .toUtf8();
            publishCli(telemetry, json, {u"-D"_s, u"publish"_s, u"content-type"_s, u"application/json"_s});
            QTest::qWait(60);
        }
        // CloudEvents: structured (complete) and binary mode with a missing "source".
        publishCli(u"shop/store-12/events"_s,
                   "{\"specversion\":\"1.0\",\"id\":\"evt-20931\",\"source\":\"/shop/store-12/checkout\","
                   "\"type\":\"com.example.order.created\",\"time\":\"2025-01-31T12:00:04Z\","
                   "\"datacontenttype\":\"application/json\",\"data\":{\"orderId\":\"o-4711\",\"items\":2,"
                   "\"total\":42.5,\"currency\":\"EUR\"}}"_ba,
                   {u"-D"_s, u"publish"_s, u"content-type"_s, u"application/cloudevents+json"_s});
        publishCli(u"shop/store-12/payments"_s, "{\"paymentId\":\"p-981\",\"amount\":42.5,\"method\":\"card\"}"_ba,
                   {u"-D"_s, u"publish"_s, u"content-type"_s, u"application/json"_s,
                    u"-D"_s, u"publish"_s, u"user-property"_s, u"specversion"_s, u"1.0"_s,
                    u"-D"_s, u"publish"_s, u"user-property"_s, u"id"_s, u"pay-981"_s,
                    u"-D"_s, u"publish"_s, u"user-property"_s, u"type"_s, u"com.example.payment.captured"_s,
                    u"-D"_s, u"publish"_s, u"user-property"_s, u"time"_s, u"2025-01-31T12:00:05Z"_s,
                    u"-D"_s, u"publish"_s, u"user-property"_s, u"traceparent"_s,
                    u"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"_s});
        // A binary frame (a made-up fieldbus record).
        QByteArray frame;
        for (int i = 0; i < 200; ++i)
            frame += char((i * 37 + 11) & 0xff);
        frame.replace(16, 10, QByteArray("PRESS-04\x00\x01", 10));
        publishCli(u"plant/line-1/press-04/raw"_s, frame);

        const auto settle = [&] { QTest::qWait(PayloadInspectorView::RefreshIntervalMs + 150); };
        const auto save = [&](const QString &name) {
            settle();
            view->topicView()->scrollTo(view->topicView()->currentIndex(), QAbstractItemView::PositionAtCenter);
            const QString path = QDir(shotDir()).filePath(name);
            QVERIFY(window.grab().save(path, "PNG"));
            qInfo("screenshot: %s", qPrintable(path));
        };

        // JSON.
        selectTopic(view, telemetry);
        QTRY_COMPARE(inspector->historyModel()->rowCount(), count);
        QCOMPARE(inspector->shownDecoderId(), u"json"_s);
        QVERIFY(inspector->contentView()->textView()->toPlainText().contains(u"\"state\": \"cooling\""_s));
        QVERIFY(inspector->metaLabel()->text().contains(u"application/json"_s));
        if (QTreeView *fields = inspector->contentView()->fieldView())
            fields->expandAll();
        save(u"inspector-json.png"_s);

        // Diff against the previous message.
        inspector->setCurrentTab(PayloadInspectorView::Tab::Diff);
        QTreeWidget *changes = inspector->diffView()->changeList();
        QVERIFY(changes->findItems(u"$.state"_s, Qt::MatchExactly, 1).size() == 1);
        save(u"inspector-diff.png"_s);
        inspector->setCurrentTab(PayloadInspectorView::Tab::Plot);
        QTRY_COMPARE(inspector->plotView()->points().size(), count);
        save(u"inspector-plot.png"_s);
        inspector->setCurrentTab(PayloadInspectorView::Tab::Payload);

        // Structured CloudEvent.
        selectTopic(view, u"shop/store-12/events"_s);
        QTRY_COMPARE(inspector->shownDecoderId(), u"cloudevents"_s);
        QTableWidget *attributes = inspector->contentView()->attributeTable();
        QVERIFY(attributes->findItems(u"evt-20931"_s, Qt::MatchExactly).size() == 1);
        QVERIFY(attributes->findItems(u"missing"_s, Qt::MatchExactly).isEmpty());
        QVERIFY(inspector->contentView()->dataView()->textView()->toPlainText().contains(u"\"orderId\": \"o-4711\""_s));

        // Binary-mode CloudEvent: attributes from user properties; "source" is missing.
        selectTopic(view, u"shop/store-12/payments"_s);
        QTRY_COMPARE(inspector->shownDecoderId(), u"cloudevents"_s);
        QVERIFY(attributes->findItems(u"pay-981"_s, Qt::MatchExactly).size() == 1);
        QCOMPARE(attributes->findItems(u"missing"_s, Qt::MatchExactly).size(), 1);
        QVERIFY(inspector->contentView()->dataView()->textView()->toPlainText().contains(u"\"method\": \"card\""_s));
        QVERIFY(inspector->tabs()->tabText(1).startsWith(u"Properties ("_s));
        save(u"inspector-cloudevents.png"_s);

        // Binary: the hex dump, picked by hand.
        selectTopic(view, u"plant/line-1/press-04/raw"_s);
        QTRY_COMPARE(inspector->historyModel()->rowCount(), 1);
        inspector->setDecoderOverride(u"hex"_s);
        QVERIFY(inspector->contentView()->textView()->toPlainText().contains(u"|PRESS-04"_s));
        save(u"inspector-hex.png"_s);
    }
};

QTEST_MAIN(TestPayloadInspector)
#include "tst_payloadinspector.moc"
