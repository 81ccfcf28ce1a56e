#include "CommandPalette.h"
#include "ConnectionView.h"
#include "MainWindow.h"
#include "Settings.h"
#include "TestServers.h"
#include "core/IngestPipeline.h"
#include "core/MessageInbox.h"
#include "models/TopicFilterProxyModel.h"
#include "models/TopicTreeModel.h"
#include "mqtt/MqttConnection.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace tideline;
using namespace tideline::test;
using namespace Qt::StringLiterals;

namespace {

void pushMessage(IngestPipeline *pipeline, const QByteArray &topic, const QByteArray &payload)
{
    MqttMessage m;
    m.topic = topic;
    m.payload = payload;
    m.timestampMs = QDateTime::currentMSecsSinceEpoch();
    pipeline->inbox()->push(std::move(m));
}

QStringList shown(const CommandPalette *palette)
{
    QStringList out;
    for (int i = 0; i < palette->shownCount(); ++i)
        out << palette->shownText(i);
    return out;
}

QString shotPath(const QString &name)
{
    const QString dir = QDir::temp().filePath(u"tideline-ui-tests"_s);
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

} // namespace

// Ctrl+K: find a command or a topic by typing a few letters, run it with Enter.
class TestCommandPalette : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_serial = 0;

    CommandPalette *openPalette(MainWindow &window)
    {
        window.commandPaletteAction()->trigger();
        CommandPalette *palette = window.commandPalette();
        if (!palette->isVisible() || !palette->filterEdit()->hasFocus())
            return nullptr;
        return palette;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void init() { settings::useIniFile(m_dir.filePath(u"settings-%1.ini"_s.arg(++m_serial))); }

    void shortcutOpensAndEscapeCloses()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.commandPaletteAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        CommandPalette *palette = window.commandPalette();
        QTRY_VERIFY(palette->isVisible());
        QVERIFY(palette->filterEdit()->hasFocus());
        QVERIFY(palette->filterEdit()->text().isEmpty());
        // Every enabled menu command is listed, with its shortcut; disabled ones are not.
        const QStringList all = shown(palette);
        QVERIFY2(all.contains(u"Open workspace…"_s), qPrintable(all.join(u", "_s)));
        QVERIFY(all.contains(u"New connection…"_s));
        QVERIFY(!all.contains(u"Close connection"_s)); // no tab is open
        QVERIFY(window.grab().save(shotPath(u"palette-window.png"_s), "PNG"));
        QVERIFY(palette->grab().save(shotPath(u"palette.png"_s), "PNG"));

        QTest::keyClick(palette->filterEdit(), Qt::Key_Escape);
        QVERIFY(!palette->isVisible());
    }

    void filtersAndEnterTriggersAnAction()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAction *panel = window.findChild<QAction *>(u"viewBrokerStatsAction"_s);
        QVERIFY(panel && panel->isChecked());

        CommandPalette *palette = openPalette(window);
        QVERIFY(palette);
        QTest::keyClicks(palette->filterEdit(), u"brk stats"_s);
        QVERIFY(palette->shownCount() >= 1);
        QCOMPARE(palette->shownText(0), u"Broker statistics panel"_s);
        QCOMPARE(palette->currentRow(), 0);
        QVERIFY(palette->grab().save(shotPath(u"palette-filtered.png"_s), "PNG"));
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QVERIFY(!palette->isVisible());
        QTRY_VERIFY(!panel->isChecked()); // it ran, after the popup closed
        const auto s = settings::open();
        QCOMPARE(settings::ShowBrokerStatsPanel.read(*s), false);

        // Nothing matches: an empty list and a line saying so; Enter does nothing.
        palette = openPalette(window);
        QTest::keyClicks(palette->filterEdit(), u"zzqqxx"_s);
        QCOMPARE(palette->shownCount(), 0);
        QVERIFY(palette->findChild<QLabel *>(u"commandPaletteEmpty"_s)->isVisible());
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QVERIFY(palette->isVisible());
        QTest::keyClick(palette->filterEdit(), Qt::Key_Escape);
    }

    void arrowKeysMoveTheChoice()
    {
        MainWindow window;
        window.show();
        CommandPalette *palette = openPalette(window);
        QVERIFY(palette);
        QTest::keyClicks(palette->filterEdit(), u"panel"_s);
        QVERIFY(palette->shownCount() >= 3);
        QCOMPARE(palette->currentRow(), 0);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Down);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Down);
        QCOMPARE(palette->currentRow(), 2);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Up);
        QCOMPARE(palette->currentRow(), 1);
        QTest::keyClick(palette->filterEdit(), Qt::Key_PageDown);
        QCOMPARE(palette->currentRow(), palette->shownCount() - 1);
        QTest::keyClick(palette->filterEdit(), Qt::Key_PageUp);
        QCOMPARE(palette->currentRow(), 0);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Up); // stays at the top
        QCOMPARE(palette->currentRow(), 0);

        // The chosen row is the one that runs.
        const QString second = palette->shownText(1);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Down);
        QString ran;
        connect(palette, &CommandPalette::itemActivated, this, [&](const QString &text) { ran = text; });
        QTest::keyClick(palette->filterEdit(), Qt::Key_Enter);
        QTRY_COMPARE(ran, second);
    }

    void enterJumpsToATopic()
    {
        MainWindow window;
        window.show();
        // No broker needed: messages go straight into the connection's inbox.
        ConnectionProfile p = ConnectionProfile::fromUrl(u"mqtt://127.0.0.1:%1"_s.arg(freePort())).value();
        p.autoReconnect = false;
        ConnectionView *view = window.openConnection(p);
        for (int store = 1; store <= 30; ++store) {
            pushMessage(view->pipeline(), "shop/store-" + QByteArray::number(store) + "/orders/created", "{}");
            pushMessage(view->pipeline(), "shop/store-" + QByteArray::number(store) + "/devices/freezer-3/temp",
                        "-18");
        }
        view->pipeline()->drainNow();
        const QString target = u"shop/store-27/devices/freezer-3/temp"_s;
        QTRY_VERIFY(view->topicModel()->indexForTopic(target).isValid());

        // A filter hides the topic; jumping to it clears the filter.
        QTest::keyClicks(view->filterEdit(), u"orders"_s);
        QTRY_VERIFY(!view->filterModel()->mapFromSource(view->topicModel()->indexForTopic(target)).isValid());

        CommandPalette *palette = openPalette(window);
        QVERIFY(palette);
        QTest::keyClicks(palette->filterEdit(), u"27 freezer"_s);
        QVERIFY(palette->shownCount() >= 1);
        QCOMPARE(palette->shownText(0), target);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QTRY_VERIFY(view->topicView()->currentIndex().isValid());
        QCOMPARE(view->topicView()->currentIndex().data(TopicTreeModel::FullTopicRole).toString(), target);
        QVERIFY(view->filterEdit()->text().isEmpty());
        QCOMPARE(view->findChild<QLineEdit *>(u"detailTopic"_s)->text(), target);
        // Scrolled into view.
        const QRect row = view->topicView()->visualRect(view->topicView()->currentIndex());
        QVERIFY(view->topicView()->viewport()->rect().intersects(row));
    }

    void providersExtendThePalette()
    {
        MainWindow window;
        window.show();
        int scaled = 0;
        window.commandPalette()->addProvider([&] {
            PaletteItem deployment;
            deployment.text = u"order-worker"_s;
            deployment.context = u"Deployment · shop"_s;
            deployment.activate = [&] { ++scaled; };
            PaletteItem disabled;
            disabled.text = u"order-archiver"_s;
            disabled.context = u"Deployment · shop"_s;
            disabled.enabled = false;
            disabled.activate = [&] { scaled += 100; };
            return QList<PaletteItem>{deployment, disabled};
        });
        CommandPalette *palette = openPalette(window);
        QTest::keyClicks(palette->filterEdit(), u"order"_s);
        QStringList list = shown(palette);
        QVERIFY2(list.contains(u"order-worker"_s) && list.contains(u"order-archiver"_s), qPrintable(list.join(u", "_s)));
        // The context is matched too.
        palette->filterEdit()->clear();
        QTest::keyClicks(palette->filterEdit(), u"deployment shop worker"_s);
        QCOMPARE(palette->shownText(0), u"order-worker"_s);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QTRY_COMPARE(scaled, 1);

        // A disabled item is shown but does not run.
        palette = openPalette(window);
        QTest::keyClicks(palette->filterEdit(), u"archiver"_s);
        QCOMPARE(palette->shownText(0), u"order-archiver"_s);
        QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
        QTest::qWait(50);
        QCOMPARE(scaled, 1);
        QVERIFY(palette->isVisible());
    }
};

QTEST_MAIN(TestCommandPalette)
#include "tst_commandpalette.moc"
