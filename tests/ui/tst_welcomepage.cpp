#include "ConnectionDialog.h"
#include "MainWindow.h"
#include "Settings.h"
#include "UiTestHelpers.h"
#include "WelcomePage.h"
#include "WorkspaceController.h"
#include "core/Workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QCommandLinkButton>
#include <QDir>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

using namespace tideline;
using namespace tideline::test;
using namespace Qt::StringLiterals;

namespace {

QString shotPath(const QString &name)
{
    const QString dir = QDir::temp().filePath(u"tideline-ui-tests"_s);
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

} // namespace

// The page a first run lands on: its actions, what it does when a feature is missing, and the
// recent workspaces.
class TestWelcomePage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // A dialog poller that found nothing must not outlive its test (it captures the test's locals).
    void cleanup() { qDeleteAll(findChildren<QTimer *>(Qt::FindDirectChildrenOnly)); }

    void init() { useFreshSettings(m_dir); }

    void shownWhenNoConnectionIsOpen()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WelcomePage *page = window.welcomePage();
        QVERIFY(page);
        QVERIFY(page->isVisible());
        QCOMPARE(window.connectionCount(), 0);
        // Empty recent list: the explanation instead of an empty box.
        QVERIFY(page->findChild<QLabel *>(u"recentWorkspacesEmpty"_s)->isVisible());
        QVERIFY(!page->recentList()->isVisible());
        QVERIFY(window.grab().save(shotPath(u"welcome-empty.png"_s), "PNG"));
    }

    void newConnectionOpensTheDialog()
    {
        MainWindow window;
        window.show();
        QCommandLinkButton *button = window.welcomePage()->newConnectionButton();
        QVERIFY(button->isEnabled());
        bool opened = false;
        whenModalOpens<ConnectionDialog>(this, [&](ConnectionDialog *dialog) {
            opened = true;
            dialog->reject();
        });
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(opened);
        QCOMPARE(window.connectionCount(), 0);
    }

    void unhandledActionsAreDisabledWithATooltip()
    {
        WelcomePage page;
        page.show();
        for (QCommandLinkButton *b : {page.demoButton(), page.newConnectionButton(), page.addClusterButton(),
                                       page.addMetricSourceButton()}) {
            QVERIFY2(!b->isEnabled(), qPrintable(b->text()));
            QVERIFY2(!b->toolTip().isEmpty(), qPrintable(b->text()));
        }
        QVERIFY(page.demoButton()->toolTip().contains(u"demo"_s));
        QVERIFY(!page.openWorkspaceButton()->isEnabled());

        // Once someone handles the demo, it is offered; when they stop, it is withdrawn.
        int demos = 0;
        const auto connection = connect(&page, &WelcomePage::demoRequested, this, [&] { ++demos; });
        QVERIFY(page.demoButton()->isEnabled());
        QVERIFY(page.demoButton()->toolTip().isEmpty());
        QTest::mouseClick(page.demoButton(), Qt::LeftButton);
        QCOMPARE(demos, 1);
        disconnect(connection);
        QTRY_VERIFY(!page.demoButton()->isEnabled());

        connect(&page, &WelcomePage::addMetricSourceRequested, this, [] {});
        QVERIFY(page.addMetricSourceButton()->isEnabled());
        QVERIFY(!page.addClusterButton()->isEnabled());
    }

    void recentWorkspacesAreListedAndOpen()
    {
        // Three workspaces, one of which is deleted before the window opens.
        QStringList files;
        for (const QString &name : {u"shop floor"_s, u"night shift"_s, u"gone"_s}) {
            files << m_dir.filePath(name + u".tideline"_s);
            QVERIFY(Workspace().save(files.last()).ok());
            const auto s = settings::open();
            RecentWorkspaces(*s).add(files.last());
        }
        QVERIFY(QFile::remove(files.at(2)));

        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QListWidget *list = window.welcomePage()->recentList();
        QTRY_VERIFY(list->isVisible());
        QCOMPARE(list->count(), 2); // the missing one is pruned
        QCOMPARE(list->item(0)->text(), u"night shift"_s);
        QCOMPARE(list->item(1)->text(), u"shop floor"_s);
        QCOMPARE(list->item(1)->data(Qt::UserRole).toString(), files.at(0));
        QVERIFY(window.grab().save(shotPath(u"welcome-recent.png"_s), "PNG"));

        // The File menu offers the same list.
        QMenu *recentMenu = window.workspaces()->recentMenu();
        QVERIFY(recentMenu->menuAction()->isEnabled());
        QCOMPARE(recentMenu->actions().first()->data().toString(), files.at(1));

        // A click opens it: the title names it, and it moves to the top of the list.
        QSignalSpy replaced(window.workspaces(), &WorkspaceController::workspaceReplaced);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(1)).center());
        QCOMPARE(replaced.count(), 1);
        QCOMPARE(window.workspaces()->filePath(), files.at(0));
        QVERIFY2(window.windowTitle().startsWith(u"shop floor"_s), qPrintable(window.windowTitle()));
        QTRY_COMPARE(list->item(0)->text(), u"shop floor"_s);
    }

    void recentFileThatVanishedSaysSo()
    {
        const QString file = m_dir.filePath(u"vanishing.tideline"_s);
        QVERIFY(Workspace().save(file).ok());
        MainWindow window;
        window.show();
        {
            const auto s = settings::open();
            RecentWorkspaces(*s).add(file);
        }
        QVERIFY(QFile::remove(file));
        QString message;
        whenModalOpens<QMessageBox>(this, [&](QMessageBox *box) {
            message = box->text();
            box->accept();
        });
        window.workspaces()->openRecent(file);
        QVERIFY2(message.contains(u"does not exist"_s), qPrintable(message));
        QVERIFY(!window.workspaces()->recentPaths().contains(file));
        QVERIFY(!window.workspaces()->hasFile());
    }

    void everyControlHasAName()
    {
        // Screen readers need a name for controls that show no text of their own.
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QList<QWidget *> widgets = window.findChildren<QWidget *>();
        QStringList unnamed;
        for (QWidget *w : widgets) {
            if (!w->isVisibleTo(&window) || w->objectName().startsWith(u"qt_"_s))
                continue;
            QString text;
            if (auto *b = qobject_cast<QAbstractButton *>(w))
                text = b->text();
            const bool needsName = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w)
                                   || qobject_cast<QAbstractItemView *>(w) || qobject_cast<QComboBox *>(w);
            if (needsName && text.isEmpty() && w->accessibleName().isEmpty())
                unnamed << (QString::fromLatin1(w->metaObject()->className()) + u' ' + w->objectName());
        }
        QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u", "_s)));
    }
};

QTEST_MAIN(TestWelcomePage)
#include "tst_welcomepage.moc"
