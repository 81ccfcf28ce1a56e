#include "ConnectionView.h"
#include "MainWindow.h"
#include "PublishPanel.h"
#include "Settings.h"
#include "TestServers.h"
#include "core/IngestPipeline.h"
#include "core/MessageInbox.h"
#include "core/TopicTree.h"
#include "models/TopicTreeModel.h"
#include "mqtt/MqttConnection.h"
#include "payload/CloudEventsDecoder.h"

#include <QAbstractItemView>
#include <QAction>
#include <QToolBar>
#include <QSplitter>
#include <QTreeView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDialog>
#include <QDir>
#include <QDoubleSpinBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace tideline;
using namespace tideline::test;
using namespace Qt::StringLiterals;

namespace {

const QRegularExpression UuidPattern(u"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"_s);

template<typename T>
T *child(const QObject *parent, const QString &name)
{
    T *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

QString valueOf(const QList<QPair<QString, QString>> &pairs, const QString &name)
{
    for (const auto &[k, v] : pairs) {
        if (k == name)
            return v;
    }
    return {};
}

// QTest::keyClicks, with Return for each line break (keyClicks knows no '\n').
void typeLines(QWidget *widget, const QString &text)
{
    const QStringList lines = text.split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(widget, Qt::Key_Return);
        QTest::keyClicks(widget, lines.at(i));
    }
}

// The editor the table has open (a line edit in its viewport).
QWidget *cellEditor(QTableWidget *table)
{
    const QList<QLineEdit *> editors = table->viewport()->findChildren<QLineEdit *>();
    for (QLineEdit *editor : editors) {
        if (editor->isVisible())
            return editor;
    }
    return nullptr;
}

// Return in a cell editor commits it once the event loop runs (the delegate queues it); let it
// run before the next cell is touched.
void commitCell(QWidget *editor)
{
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents();
}

// Types into the cell editor the table opened (a user property name or value) and commits it.
void typeIntoCell(QTableWidget *table, int row, int column, const QString &text)
{
    table->setCurrentCell(row, column);
    table->setFocus();
    if (!table->isPersistentEditorOpen(table->item(row, column)))
        QTest::keyClick(table, Qt::Key_F2); // EditKeyPressed
    QWidget *editor = cellEditor(table);
    QVERIFY(editor);
    QTest::keyClicks(editor, text);
    commitCell(editor);
}

// Selects the combo box entry with this text the way a keyboard user does.
void chooseInCombo(QComboBox *combo, const QString &text)
{
    const int target = combo->findText(text);
    QVERIFY2(target >= 0, qPrintable(text));
    combo->setFocus();
    while (combo->currentIndex() < target)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > target)
        QTest::keyClick(combo, Qt::Key_Up);
    QCOMPARE(combo->currentIndex(), target);
}

} // namespace

// The publish panel driven through its widgets against a real mosquitto: what it sends comes
// back into the topic tree with its MQTT 5 properties, CloudEvents keep their attributes,
// bursts report what they did, retained messages can be cleared, templates are kept per
// connection.
class TestPublishPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MosquittoProcess> m_broker;

    // A connection tab subscribed to tst/#, with the publish panel shown.
    std::unique_ptr<ConnectionView> openView(ConnectionProfile::Version version = ConnectionProfile::Version::Mqtt5,
                                             const QString &id = {})
    {
        ConnectionProfile p = ConnectionProfile::fromUrl(m_broker->url()).value();
        if (!id.isEmpty())
            p.id = id;
        p.version = version;
        p.subscribeSys = false;
        p.subscriptions = {{u"tst/#"_s, 1}};
        auto view = std::make_unique<ConnectionView>(p, nullptr);
        view->setPanelVisible(ConnectionView::Panel::Publish, true);
        view->resize(1400, 900);
        view->show();
        view->activateWindow();
        QSignalSpy subscribed(view->connection(), &MqttConnection::subscribed);
        view->connectToBroker();
        [&] {
            QVERIFY(QTest::qWaitForWindowExposed(view.get()));
            QVERIFY(QTest::qWaitForWindowActive(view.get()));
            QTRY_COMPARE_WITH_TIMEOUT(view->connection()->state(), MqttConnection::State::Connected, 10000);
            QTRY_COMPARE_WITH_TIMEOUT(subscribed.size(), 1, 5000);
        }();
        if (QTest::currentTestFailed())
            return nullptr;
        return view;
    }

    // The last message on `topic` as the view's topic tree has it.
    static const TopicTree::Node *arrived(ConnectionView *view, const QByteArray &topic)
    {
        view->pipeline()->drainNow();
        const TopicTree &tree = view->pipeline()->tree();
        const TopicTree::NodeId id = tree.find(topic);
        return id == TopicTree::InvalidId || !tree.node(id).hasMessage ? nullptr : &tree.node(id);
    }

    static void replaceText(QLineEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    static void replacePayload(QPlainTextEdit *edit, const QString &text)
    {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }

    // A fresh subscriber: whatever it gets within `waitMs` (the retained message, if any).
    std::vector<MqttMessage> newSubscriberSees(const QString &filter, int waitMs)
    {
        ConnectionProfile p = ConnectionProfile::fromUrl(m_broker->url()).value();
        p.subscribeSys = false;
        p.subscriptions = {{filter, 1}};
        auto inbox = std::make_shared<MessageInbox>();
        MqttConnection connection(p, inbox);
        QSignalSpy subscribed(&connection, &MqttConnection::subscribed);
        connection.open();
        subscribed.wait(10000);
        QTest::qWait(waitMs);
        std::vector<MqttMessage> out;
        inbox->takeAll(out);
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        settings::useIniFile(m_dir.filePath(u"settings.ini"_s));
        m_broker = std::make_unique<MosquittoProcess>();
        QString error;
        QVERIFY2(m_broker->start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_broker.reset(); }

    void publishWithPropertiesComesBackIntoTheTree()
    {
        auto view = openView();
        QVERIFY(view);
        PublishPanel *panel = view->publishPanel();
        QVERIFY(panel && panel->isVisible());
        auto *topic = child<QLineEdit>(panel, u"publishTopic"_s);
        auto *payload = child<QPlainTextEdit>(panel, u"publishPayload"_s);
        auto *status = child<QLabel>(panel, u"payloadStatus"_s);
        auto *publish = child<QPushButton>(panel, u"publishButton"_s);
        auto *table = child<QTableWidget>(panel, u"userProperties"_s);
        QVERIFY(topic && payload && status && publish && table);
        QVERIFY(!child<QLabel>(panel, u"mqtt5Note"_s)->isVisible());

        QTest::keyClicks(topic, u"tst/panel/orders/{{seq}}"_s);
        chooseInCombo(child<QComboBox>(panel, u"publishQos"_s), u"1 – at least once"_s);
        chooseInCombo(child<QComboBox>(panel, u"publishFormat"_s), u"JSON"_s);
        // JSON is checked while it is typed: an error names its line and column.
        typeLines(payload, u"{\"sku\": \"A-1\",\n \"n\" {{seq}}}"_s);
        QVERIFY2(status->text().startsWith(u"Line 2, column"_s), qPrintable(status->text()));
        QVERIFY(!publish->isEnabled());
        replacePayload(payload, u"{\"sku\": \"A-1\", \"n\": {{seq}}}"_s);
        QVERIFY2(status->text().startsWith(u"Valid JSON"_s), qPrintable(status->text()));
        QVERIFY(publish->isEnabled());

        QTest::keyClicks(child<QLineEdit>(panel, u"propContentType"_s), u"application/json"_s);
        QTest::keyClicks(child<QLineEdit>(panel, u"propResponseTopic"_s), u"tst/panel/replies"_s);
        QTest::keyClicks(child<QLineEdit>(panel, u"propCorrelationData"_s), u"req-{{seq}}"_s);
        QTest::mouseClick(child<QToolButton>(panel, u"addUserProperty"_s), Qt::LeftButton);
        QVERIFY(cellEditor(table));
        QTest::keyClicks(cellEditor(table), u"tenant"_s);
        commitCell(cellEditor(table));
        typeIntoCell(table, 0, 1, u"t1"_s);
        QTest::mouseClick(child<QToolButton>(panel, u"addUserProperty"_s), Qt::LeftButton);
        QVERIFY(cellEditor(table));
        QTest::keyClicks(cellEditor(table), u"trace"_s);
        commitCell(cellEditor(table));
        typeIntoCell(table, 1, 1, u"{{uuid}}"_s);
        QCOMPARE(table->rowCount(), 2);

        QSignalSpy answered(panel, &PublishPanel::publishAnswered);
        QTest::mouseClick(publish, Qt::LeftButton);
        QVERIFY(answered.wait(10000));
        QCOMPARE(answered.first().at(1).toBool(), true);
        QCOMPARE(answered.first().at(0).toString(), u"tst/panel/orders/1"_s);

        const TopicTree::Node *node = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((node = arrived(view.get(), "tst/panel/orders/1")) != nullptr, 10000);
        QCOMPARE(node->lastQos, quint8(1));
        const TopicTree &tree = view->pipeline()->tree();
        const TopicTree::NodeId id = tree.find("tst/panel/orders/1");
        QCOMPARE(QJsonDocument::fromJson(tree.lastPayload(id)).object(),
                 (QJsonObject{{u"sku"_s, u"A-1"_s}, {u"n"_s, 1}}));
        const auto props = tree.lastProperties(id);
        QVERIFY(props);
        QCOMPARE(props->contentType, u"application/json"_s);
        QCOMPARE(props->responseTopic, u"tst/panel/replies"_s);
        QCOMPARE(props->correlationData, QByteArray("req-1"));
        QCOMPARE(props->userProperties.size(), 2);
        QCOMPARE(props->userProperties.at(0), (QPair<QString, QString>{u"tenant"_s, u"t1"_s}));
        QCOMPARE(props->userProperties.at(1).first, u"trace"_s);
        QVERIFY(UuidPattern.match(props->userProperties.at(1).second).hasMatch());

        // The topic tree shows it too, and the next click is message 2.
        QTRY_VERIFY(view->topicModel()->indexForTopic(u"tst/panel/orders/1"_s).isValid());
        QTest::mouseClick(publish, Qt::LeftButton);
        QVERIFY(answered.wait(10000));
        QTRY_VERIFY_WITH_TIMEOUT(arrived(view.get(), "tst/panel/orders/2") != nullptr, 10000);
    }

    void topicCompletesFromTheTree()
    {
        auto view = openView();
        QVERIFY(view);
        QVERIFY(view->connection()->publish("tst/complete/store-12/orders", "x", 1, false) != 0);
        QVERIFY(view->connection()->publish("tst/complete/store-27/orders", "x", 1, false) != 0);
        QTRY_VERIFY_WITH_TIMEOUT(view->topicModel()->indexForTopic(u"tst/complete/store-27/orders"_s).isValid(), 10000);
        auto *topic = child<QLineEdit>(view->publishPanel(), u"publishTopic"_s);
        QVERIFY(topic->completer());
        topic->setFocus();
        QTest::keyClicks(topic, u"tst/complete/st"_s);
        QCompleter *completer = topic->completer();
        QTRY_COMPARE(completer->completionCount(), 2);
        QCOMPARE(completer->currentCompletion(), u"tst/complete/store-12"_s);
    }

    void cloudEventInBinaryModeFromThePanel()
    {
        auto view = openView();
        QVERIFY(view);
        PublishPanel *panel = view->publishPanel();
        QTest::keyClicks(child<QLineEdit>(panel, u"publishTopic"_s), u"tst/panel/ce"_s);
        chooseInCombo(child<QComboBox>(panel, u"publishFormat"_s), u"JSON"_s);
        QTest::keyClicks(child<QPlainTextEdit>(panel, u"publishPayload"_s), u"{\"sku\": \"B-2\"}"_s);

        QTest::mouseClick(child<QPushButton>(panel, u"cloudEventsButton"_s), Qt::LeftButton);
        QPointer<QDialog> dialog = child<QDialog>(panel, u"cloudEventsDialog"_s);
        QVERIFY(dialog && dialog->isVisible());
        replaceText(child<QLineEdit>(dialog, u"ceType"_s), u"com.example.order.created"_s);
        replaceText(child<QLineEdit>(dialog, u"ceSource"_s), u"/shop/store-12"_s);
        QTest::keyClicks(child<QLineEdit>(dialog, u"ceSubject"_s), u"order-{{seq}}"_s);
        auto *binary = child<QRadioButton>(dialog, u"ceBinary"_s);
        QVERIFY(binary->isEnabled());
        QTest::mouseClick(binary, Qt::LeftButton);
        QVERIFY(binary->isChecked());
        QTest::mouseClick(child<QPushButton>(dialog, u"ceApply"_s), Qt::LeftButton);
        QTRY_VERIFY(!dialog || !dialog->isVisible());

        // The attributes are in the user properties table, where the operator can see them.
        auto *table = child<QTableWidget>(panel, u"userProperties"_s);
        QStringList names;
        for (int row = 0; row < table->rowCount(); ++row)
            names << table->item(row, 0)->text();
        QCOMPARE(names, (QStringList{u"specversion"_s, u"id"_s, u"source"_s, u"type"_s, u"subject"_s, u"time"_s}));
        QCOMPARE(child<QLineEdit>(panel, u"propContentType"_s)->text(), u"application/json"_s);

        QSignalSpy answered(panel, &PublishPanel::publishAnswered);
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        QTest::mouseClick(child<QPushButton>(panel, u"publishButton"_s), Qt::LeftButton);
        QVERIFY(answered.wait(10000));
        QVERIFY(answered.first().at(1).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(arrived(view.get(), "tst/panel/ce") != nullptr, 10000);
        const TopicTree &tree = view->pipeline()->tree();
        const TopicTree::NodeId id = tree.find("tst/panel/ce");
        const QByteArray payload = tree.lastPayload(id);
        const auto props = tree.lastProperties(id);
        QVERIFY(props);
        QCOMPARE(payload, QByteArray("{\"sku\": \"B-2\"}"));
        QCOMPARE(props->contentType, u"application/json"_s);
        const auto &user = props->userProperties;
        QCOMPARE(valueOf(user, u"specversion"_s), u"1.0"_s);
        QCOMPARE(valueOf(user, u"type"_s), u"com.example.order.created"_s);
        QCOMPARE(valueOf(user, u"source"_s), u"/shop/store-12"_s);
        QCOMPARE(valueOf(user, u"subject"_s), u"order-1"_s);
        QVERIFY(UuidPattern.match(valueOf(user, u"id"_s)).hasMatch());
        const QDateTime time = QDateTime::fromString(valueOf(user, u"time"_s), Qt::ISODateWithMs);
        QVERIFY(time.isValid() && time.toMSecsSinceEpoch() >= before - 1000);
        const DecodedPayload decoded = CloudEventsDecoder::decode(payload, {QString(), props.get()});
        QVERIFY2(decoded.ok, qPrintable(decoded.error));
        QCOMPARE(decoded.contentMode, u"binary"_s);
        QVERIFY2(decoded.warnings.isEmpty(), qPrintable(decoded.warnings.value(0).message));

        // Structured mode from the same dialog: the payload becomes the JSON envelope.
        QTest::mouseClick(child<QPushButton>(panel, u"cloudEventsButton"_s), Qt::LeftButton);
        dialog = child<QDialog>(panel, u"cloudEventsDialog"_s);
        QVERIFY(dialog);
        QCOMPARE(child<QLineEdit>(dialog, u"ceType"_s)->text(), u"com.example.order.created"_s); // remembered
        QTest::mouseClick(child<QRadioButton>(dialog, u"ceStructured"_s), Qt::LeftButton);
        QTest::mouseClick(child<QPushButton>(dialog, u"ceApply"_s), Qt::LeftButton);
        QTRY_VERIFY(!dialog || !dialog->isVisible());
        QCOMPARE(child<QComboBox>(panel, u"publishFormat"_s)->currentText(), u"JSON"_s);
        QCOMPARE(child<QLineEdit>(panel, u"propContentType"_s)->text(), u"application/cloudevents+json"_s);
        QCOMPARE(table->rowCount(), 0);
        const QJsonObject envelope
            = QJsonDocument::fromJson(child<QPlainTextEdit>(panel, u"publishPayload"_s)->toPlainText().toUtf8()).object();
        QCOMPARE(envelope.value(u"data"_s).toObject(), (QJsonObject{{u"sku"_s, u"B-2"_s}}));
        QCOMPARE(envelope.value(u"id"_s).toString(), u"{{uuid}}"_s);
    }

    void mqtt311DisablesProperties()
    {
        auto view = openView(ConnectionProfile::Version::Mqtt311);
        QVERIFY(view);
        PublishPanel *panel = view->publishPanel();
        QVERIFY(child<QLabel>(panel, u"mqtt5Note"_s)->isVisible());
        QVERIFY(!child<QLineEdit>(panel, u"propContentType"_s)->isEnabled());
        QVERIFY(!child<QTableWidget>(panel, u"userProperties"_s)->isEnabled());
        QTest::mouseClick(child<QPushButton>(panel, u"cloudEventsButton"_s), Qt::LeftButton);
        auto *dialog = child<QDialog>(panel, u"cloudEventsDialog"_s);
        QVERIFY(dialog);
        QVERIFY(!child<QRadioButton>(dialog, u"ceBinary"_s)->isEnabled());
        QVERIFY(child<QRadioButton>(dialog, u"ceStructured"_s)->isChecked());
        dialog->reject();
    }

    void burstReportsRateAndFailures()
    {
        auto view = openView();
        QVERIFY(view);
        PublishPanel *panel = view->publishPanel();
        QTest::keyClicks(child<QLineEdit>(panel, u"publishTopic"_s), u"tst/panel/burst"_s);
        QTest::keyClicks(child<QPlainTextEdit>(panel, u"publishPayload"_s), u"m{{seq}}"_s);
        // QoS 1 on a connection that also receives what it publishes: the case where Nagle's
        // algorithm (left on by Paho) held every acknowledgement for a 40 ms delayed ACK.
        chooseInCombo(child<QComboBox>(panel, u"publishQos"_s), u"1 – at least once"_s);
        auto *tabs = child<QTabWidget>(panel, u"publishTabs"_s);
        tabs->setCurrentIndex(2);
        auto *count = child<QSpinBox>(panel, u"burstCount"_s);
        auto *rate = child<QDoubleSpinBox>(panel, u"burstRate"_s);
        replaceText(count->findChild<QLineEdit *>(), u"1000"_s);
        replaceText(rate->findChild<QLineEdit *>(), u"500"_s);
        QCOMPARE(count->value(), 1000);
        QCOMPARE(rate->value(), 500.0);

        QSignalSpy finished(panel, &PublishPanel::burstFinished);
        QTest::mouseClick(child<QPushButton>(panel, u"burstStartButton"_s), Qt::LeftButton);
        QVERIFY(panel->isBurstRunning());
        QVERIFY(child<QPushButton>(panel, u"burstCancelButton"_s)->isEnabled());
        QVERIFY(finished.wait(20000)); // a real event loop: acknowledgements are not polled
        const BurstPublisher::Report report = panel->lastBurstReport();
        QCOMPARE(report.sent, quint64(1000));
        QCOMPARE(report.failed, quint64(0));
        QVERIFY2(qAbs(report.achievedRate() - 500) <= 50, qPrintable(QString::number(report.achievedRate())));
        const QString text = child<QLabel>(panel, u"burstReport"_s)->text();
        QVERIFY2(text.contains(u"Sent 1,000 of 1,000"_s) && text.contains(u"target 500 msgs/s"_s)
                     && text.contains(u"None failed"_s),
                 qPrintable(text));
        QCOMPARE(child<QProgressBar>(panel, u"burstProgress"_s)->value(), 1000);
        QTRY_COMPARE_WITH_TIMEOUT(arrived(view.get(), "tst/panel/burst") ? arrived(view.get(), "tst/panel/burst")->messageCount : 0,
                                  quint64(1000), 10000);

        // Cancelled half way: the report says what was not sent.
        replaceText(count->findChild<QLineEdit *>(), u"100000"_s);
        QTest::mouseClick(child<QPushButton>(panel, u"burstStartButton"_s), Qt::LeftButton);
        QTest::qWait(300);
        QTest::mouseClick(child<QPushButton>(panel, u"burstCancelButton"_s), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QVERIFY(panel->lastBurstReport().cancelled);
        QVERIFY2(child<QLabel>(panel, u"burstReport"_s)->text().contains(u"Cancelled"_s),
                 qPrintable(child<QLabel>(panel, u"burstReport"_s)->text()));
    }

    void clearRetainedRemovesTheRetainedMessage()
    {
        auto view = openView();
        QVERIFY(view);
        PublishPanel *panel = view->publishPanel();
        const QString topicName = u"tst/panel/retained"_s;
        QTest::keyClicks(child<QLineEdit>(panel, u"publishTopic"_s), topicName);
        QTest::keyClicks(child<QPlainTextEdit>(panel, u"publishPayload"_s), u"keep me"_s);
        QTest::mouseClick(child<QCheckBox>(panel, u"publishRetain"_s), Qt::LeftButton);
        QSignalSpy answered(panel, &PublishPanel::publishAnswered);
        QTest::mouseClick(child<QPushButton>(panel, u"publishButton"_s), Qt::LeftButton);
        QVERIFY(answered.wait(10000));
        // Control: a new subscriber gets the retained message...
        const std::vector<MqttMessage> before = newSubscriberSees(topicName, 500);
        QCOMPARE(before.size(), size_t(1));
        QCOMPARE(before.front().payload, QByteArray("keep me"));
        QVERIFY(before.front().retained);

        // ...until it is cleared, after a confirmation.
        QTest::mouseClick(child<QPushButton>(panel, u"clearRetainedButton"_s), Qt::LeftButton);
        QPointer<QMessageBox> box = child<QMessageBox>(panel, u"clearRetainedConfirm"_s);
        QVERIFY(box && box->isVisible());
        QVERIFY(box->text().contains(topicName));
        QTest::mouseClick(child<QPushButton>(box, u"clearRetainedConfirmButton"_s), Qt::LeftButton);
        QVERIFY(answered.wait(10000));
        QTRY_VERIFY(box.isNull()); // closed and gone
        QCOMPARE(answered.last().at(0).toString(), topicName);
        QVERIFY(answered.last().at(1).toBool());
        QVERIFY(newSubscriberSees(topicName, 1000).empty());

        // Cancelling the confirmation publishes nothing.
        QTest::mouseClick(child<QPushButton>(panel, u"clearRetainedButton"_s), Qt::LeftButton);
        box = child<QMessageBox>(panel, u"clearRetainedConfirm"_s);
        QVERIFY(box);
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTest::qWait(300);
        QCOMPARE(answered.size(), 2);
    }

    void templatesAreKeptPerConnection()
    {
        const QString id = ConnectionProfile::newId();
        auto view = openView(ConnectionProfile::Version::Mqtt5, id);
        QVERIFY(view);
        PublishPanel *panel = view->publishPanel();
        QTest::keyClicks(child<QLineEdit>(panel, u"publishTopic"_s), u"tst/panel/template"_s);
        chooseInCombo(child<QComboBox>(panel, u"publishFormat"_s), u"Hex"_s);
        QTest::keyClicks(child<QPlainTextEdit>(panel, u"publishPayload"_s), u"de ad be ef"_s);
        QTest::keyClicks(child<QLineEdit>(panel, u"propContentType"_s), u"application/octet-stream"_s);
        child<QTabWidget>(panel, u"publishTabs"_s)->setCurrentIndex(1);
        QTest::keyClicks(child<QLineEdit>(panel, u"templateName"_s), u"dead beef"_s);
        QTest::mouseClick(child<QPushButton>(panel, u"saveTemplateButton"_s), Qt::LeftButton);
        auto *list = child<QListWidget>(panel, u"templateList"_s);
        QCOMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), u"dead beef"_s);

        // Another tab of the same connection sees it and loads it; another connection does not.
        auto other = openView(ConnectionProfile::Version::Mqtt5);
        QVERIFY(other);
        QCOMPARE(child<QListWidget>(other->publishPanel(), u"templateList"_s)->count(), 0);
        view.reset();
        auto again = openView(ConnectionProfile::Version::Mqtt5, id);
        QVERIFY(again);
        panel = again->publishPanel();
        list = child<QListWidget>(panel, u"templateList"_s);
        QCOMPARE(list->count(), 1);
        list->setCurrentRow(0);
        QTest::mouseClick(child<QPushButton>(panel, u"loadTemplateButton"_s), Qt::LeftButton);
        const MessageTemplate loaded = panel->currentTemplate();
        QCOMPARE(loaded.topic, u"tst/panel/template"_s);
        QCOMPARE(loaded.payloadFormat, MessageTemplate::PayloadFormat::Hex);
        QCOMPARE(loaded.payload, u"de ad be ef"_s);
        QCOMPARE(loaded.properties.contentType, u"application/octet-stream"_s);
        QCOMPARE(child<QComboBox>(panel, u"publishFormat"_s)->currentText(), u"Hex"_s);

        QTest::mouseClick(child<QPushButton>(panel, u"deleteTemplateButton"_s), Qt::LeftButton);
        QCOMPARE(list->count(), 0);
    }

    void formatSwitchKeepsTheBytes()
    {
        auto view = openView();
        QVERIFY(view);
        PublishPanel *panel = view->publishPanel();
        auto *format = child<QComboBox>(panel, u"publishFormat"_s);
        auto *payload = child<QPlainTextEdit>(panel, u"publishPayload"_s);
        QTest::keyClicks(payload, u"hi!"_s);
        chooseInCombo(format, u"Hex"_s);
        QCOMPARE(payload->toPlainText(), u"68 69 21"_s);
        chooseInCombo(format, u"Base64"_s);
        QCOMPARE(payload->toPlainText(), u"aGkh"_s);
        chooseInCombo(format, u"Text"_s);
        QCOMPARE(payload->toPlainText(), u"hi!"_s);
        chooseInCombo(format, u"Hex"_s);
        replacePayload(payload, u"zz"_s);
        QVERIFY(child<QLabel>(panel, u"payloadStatus"_s)->text().startsWith(u"Line 1, column 1"_s));
        QVERIFY(!child<QPushButton>(panel, u"publishButton"_s)->isEnabled());
    }

    void mainWindowActionShowsThePanel()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *action = window.publishPanelAction();
        QVERIFY(action && action->isCheckable());
        QVERIFY(!action->isChecked()); // hidden until asked for
        QVERIFY(window.findChild<QToolBar *>(u"mainToolBar"_s)->actions().contains(action));
        ConnectionProfile p = ConnectionProfile::fromUrl(m_broker->url()).value();
        p.subscribeSys = false;
        ConnectionView *view = window.openConnection(p);
        QVERIFY(view && view->publishPanel());
        QVERIFY(!view->publishPanel()->isVisible());
        // Enabled once the broker answers (publishActionFollowsTheConnection).
        QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), 30000);
        action->trigger();
        QVERIFY(view->publishPanel()->isVisible());
        QTRY_VERIFY(view->publishPanel()->height() >= view->publishPanel()->minimumSizeHint().height());
        // The tree stays the main view: with the details shown as well, the panel keeps no more
        // than its minimum height...
        PublishPanel *panel = view->publishPanel();
        QTRY_COMPARE(panel->height(), panel->minimumSizeHint().height());
        QVERIFY2(view->topicView()->height() > 100, qPrintable(QString::number(view->topicView()->height())));
        QVERIFY(window.grab().save(QDir(QDir::temp().filePath(u"tideline-ui-tests"_s))
                                       .filePath(u"publish-mainwindow.png"_s),
                                   "PNG"));
        // ...and without them the tree keeps at least 45 % of the height.
        action->trigger();
        window.findChild<QAction *>(u"viewTopicDetailsAction"_s)->trigger();
        action->trigger();
        auto *splitter = qobject_cast<QSplitter *>(panel->parentWidget());
        QVERIFY(splitter);
        QTRY_VERIFY2(splitter->sizes().at(0) * 100 >= splitter->height() * 44,
                     qPrintable(QDebug::toString(splitter->sizes())));
        window.findChild<QAction *>(u"viewTopicDetailsAction"_s)->trigger();
        QVERIFY(settings::ShowPublishPanel.read(*settings::open()));
        action->trigger();
        QVERIFY(!view->publishPanel()->isVisible());
        QVERIFY(!settings::ShowPublishPanel.read(*settings::open()));
    }

    // Publishing needs a connected broker: the toolbar and menu action is grey without one, and
    // its tooltip says why.
    void publishActionFollowsTheConnection()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *action = window.publishPanelAction();
        auto *button = qobject_cast<QToolButton *>(
            window.findChild<QToolBar *>(u"mainToolBar"_s)->widgetForAction(action));
        QVERIFY(button);
        QVERIFY(!action->isEnabled());
        QVERIFY(!button->isEnabled());
        QCOMPARE(action->toolTip(), u"Publishing needs an MQTT connection: open one first"_s);

        ConnectionProfile p = ConnectionProfile::fromUrl(m_broker->url()).value();
        p.subscribeSys = false;
        ConnectionView *view = window.openConnection(p);
        QVERIFY(view);
        if (view->state() != MqttConnection::State::Connected) {
            QVERIFY(!action->isEnabled());
            QVERIFY2(action->toolTip() == u"Publishing waits until the broker answers"_s
                         || action->toolTip() == u"Publishing needs a connected broker: connect this connection first"_s,
                     qPrintable(action->toolTip()));
        }
        QTRY_COMPARE_WITH_TIMEOUT(view->state(), MqttConnection::State::Connected, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), 30000);
        QVERIFY(button->isEnabled());
        QCOMPARE(action->toolTip(), u"Show the panel for publishing test messages, templates and bursts"_s);

        window.connectAction()->trigger(); // Disconnect
        QTRY_COMPARE_WITH_TIMEOUT(view->state(), MqttConnection::State::Disconnected, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!action->isEnabled(), 30000);
        QCOMPARE(action->toolTip(), u"Publishing needs a connected broker: connect this connection first"_s);

        window.connectAction()->trigger(); // Connect again
        QTRY_VERIFY_WITH_TIMEOUT(action->isEnabled(), 30000);

        window.closeCurrentConnection();
        QVERIFY(!action->isEnabled());
        QCOMPARE(action->toolTip(), u"Publishing needs an MQTT connection: open one first"_s);
    }

    void screenshot()
    {
        auto view = openView();
        QVERIFY(view);
        view->setPanelVisible(ConnectionView::Panel::TopicDetails, false);
        // Shown again without the details: the panel takes the height it wants.
        view->setPanelVisible(ConnectionView::Panel::Publish, false);
        view->setPanelVisible(ConnectionView::Panel::Publish, true);
        PublishPanel *panel = view->publishPanel();
        QTRY_VERIFY(panel->height() >= panel->sizeHint().height());
        QTest::keyClicks(child<QLineEdit>(panel, u"publishTopic"_s), u"tst/shop/store-12/orders/{{seq}}"_s);
        chooseInCombo(child<QComboBox>(panel, u"publishQos"_s), u"1 – at least once"_s);
        chooseInCombo(child<QComboBox>(panel, u"publishFormat"_s), u"JSON"_s);
        typeLines(child<QPlainTextEdit>(panel, u"publishPayload"_s),
                  u"{\n  \"orderId\": \"{{uuid}}\",\n  \"seq\": {{seq}},\n  \"placedAt\": \"{{now}}\",\n"
                         "  \"items\": [{\"sku\": \"A-1\", \"qty\": 2}]\n}"_s);
        QTest::keyClicks(child<QLineEdit>(panel, u"propContentType"_s), u"application/json"_s);
        QTest::keyClicks(child<QLineEdit>(panel, u"propResponseTopic"_s), u"tst/shop/replies"_s);
        QTest::keyClicks(child<QLineEdit>(panel, u"propCorrelationData"_s), u"req-{{seq}}"_s);
        auto *table = child<QTableWidget>(panel, u"userProperties"_s);
        QTest::mouseClick(child<QToolButton>(panel, u"addUserProperty"_s), Qt::LeftButton);
        QVERIFY(cellEditor(table));
        QTest::keyClicks(cellEditor(table), u"tenant"_s);
        commitCell(cellEditor(table));
        typeIntoCell(table, 0, 1, u"store-12"_s);
        QTest::mouseClick(child<QToolButton>(panel, u"addUserProperty"_s), Qt::LeftButton);
        QVERIFY(cellEditor(table));
        QTest::keyClicks(cellEditor(table), u"traceparent"_s);
        commitCell(cellEditor(table));
        typeIntoCell(table, 1, 1, u"00-{{uuid}}-01"_s);
        QSignalSpy answered(panel, &PublishPanel::publishAnswered);
        QTest::mouseClick(child<QPushButton>(panel, u"publishButton"_s), Qt::LeftButton);
        QVERIFY(answered.wait(10000));
        QTest::qWait(1200); // the tree shows the message and its rate

        const QString dir = qEnvironmentVariableIsSet("TIDELINE_SCREENSHOT_DIR")
                                ? qEnvironmentVariable("TIDELINE_SCREENSHOT_DIR")
                                : QDir::temp().filePath(u"tideline-ui-tests"_s);
        QDir().mkpath(dir);
        const QString shot = QDir(dir).filePath(u"publish-panel.png"_s);
        QVERIFY(panel->grab().save(shot, "PNG"));
        const QString whole = QDir(QDir::temp().filePath(u"tideline-ui-tests"_s)).filePath(u"publish-view.png"_s);
        QDir().mkpath(QFileInfo(whole).path());
        QVERIFY(view->grab().save(whole, "PNG"));
        qInfo("screenshots: %s %s", qPrintable(shot), qPrintable(whole));

        // The other tabs and the CloudEvents dialog, to look at (not part of the documentation).
        const QDir temp(QDir::temp().filePath(u"tideline-ui-tests"_s));
        auto *tabs = child<QTabWidget>(panel, u"publishTabs"_s);
        tabs->setCurrentIndex(1);
        QTest::keyClicks(child<QLineEdit>(panel, u"templateName"_s), u"order created"_s);
        QTest::mouseClick(child<QPushButton>(panel, u"saveTemplateButton"_s), Qt::LeftButton);
        QVERIFY(panel->grab().save(temp.filePath(u"publish-panel-templates.png"_s), "PNG"));
        tabs->setCurrentIndex(2);
        replaceText(child<QSpinBox>(panel, u"burstCount"_s)->findChild<QLineEdit *>(), u"2000"_s);
        replaceText(child<QDoubleSpinBox>(panel, u"burstRate"_s)->findChild<QLineEdit *>(), u"1000"_s);
        QSignalSpy finished(panel, &PublishPanel::burstFinished);
        QTest::mouseClick(child<QPushButton>(panel, u"burstStartButton"_s), Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QVERIFY(panel->grab().save(temp.filePath(u"publish-panel-burst.png"_s), "PNG"));
        view->setPanelVisible(ConnectionView::Panel::TopicDetails, true);
        QTest::qWait(100);
        QVERIFY(view->grab().save(temp.filePath(u"publish-view-details.png"_s), "PNG"));
        QTest::mouseClick(child<QPushButton>(panel, u"cloudEventsButton"_s), Qt::LeftButton);
        auto *dialog = child<QDialog>(panel, u"cloudEventsDialog"_s);
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->grab().save(temp.filePath(u"publish-cloudevents-dialog.png"_s), "PNG"));
        dialog->reject();
    }
};

QTEST_MAIN(TestPublishPanel)
#include "tst_publishpanel.moc"
