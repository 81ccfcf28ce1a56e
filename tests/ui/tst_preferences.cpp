#include "MainWindow.h"
#include "PreferenceMenus.h"
#include "Settings.h"
#include "ShortcutsDialog.h"
#include "StateStyle.h"
#include "Theme.h"
#include "UiTestHelpers.h"
#include "WorkspaceController.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStyle>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <functional>

using namespace tideline;
using namespace tideline::test;
using namespace Qt::StringLiterals;

namespace {

// WCAG contrast ratio of two colours.
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace

// View › Theme, View › Language and Help › Keyboard shortcuts.
class TestPreferences : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }


    void init() { useFreshSettings(m_dir); }

    // A dialog poller that found nothing must not outlive its test (it captures the test's locals).
    void cleanup()
    {
        ui::applyTheme(ui::Theme::Light);
        qDeleteAll(findChildren<QTimer *>(Qt::FindDirectChildrenOnly));
    }

    void themeSwitchChangesThePalette()
    {
        MainWindow window;
        window.show();
        QAction *dark = window.findChild<QAction *>(u"themeDarkAction"_s);
        QAction *light = window.findChild<QAction *>(u"themeLightAction"_s);
        QAction *system = window.findChild<QAction *>(u"themeSystemAction"_s);
        QVERIFY(dark && light && system);
        QVERIFY(system->isChecked()); // the default

        dark->trigger();
        QVERIFY(dark->isChecked());
        QVERIFY(ui::isDarkTheme());
        // Widgets hear about the application palette through a posted event.
        QTRY_VERIFY(window.palette().color(QPalette::Window).lightness() < 80);
        QCOMPARE(QApplication::style()->name().toLower(), u"fusion"_s);
        {
            const auto s = settings::open();
            QCOMPARE(settings::Theme.read(*s), u"dark"_s);
        }
        const QString shotDir = QDir::temp().filePath(u"tideline-ui-tests"_s);
        QDir().mkpath(shotDir);
        QVERIFY(window.grab().save(QDir(shotDir).filePath(u"welcome-dark.png"_s), "PNG"));

        light->trigger();
        QVERIFY(!ui::isDarkTheme());
        QTRY_VERIFY(window.palette().color(QPalette::Window).lightness() > 200);
        const auto s = settings::open();
        QCOMPARE(settings::Theme.read(*s), u"light"_s);

        // The saved choice is what a new window's menu shows.
        MainWindow next;
        QVERIFY(next.findChild<QAction *>(u"themeLightAction"_s)->isChecked());
    }

    void followSystemDetectsADarkDesktop()
    {
        QVERIFY(ui::isDarkPalette(ui::darkPalette()));
        QVERIFY(!ui::isDarkPalette(ui::lightPalette()));
        QPalette blackOnWhite(Qt::black, Qt::white);
        QVERIFY(!ui::isDarkPalette(blackOnWhite));
        QPalette whiteOnBlack(Qt::white, QColor(0x20, 0x20, 0x20));
        whiteOnBlack.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
        whiteOnBlack.setColor(QPalette::WindowText, Qt::white);
        QVERIFY(ui::isDarkPalette(whiteOnBlack));
        // The offscreen platform's palette is light, so "system" is light here.
        QVERIFY(!ui::applyTheme(ui::Theme::System));
        QCOMPARE(ui::themeFromKey(u"nonsense"_s), ui::Theme::System);
        QCOMPARE(ui::themeFromKey(ui::themeKey(ui::Theme::Dark)), ui::Theme::Dark);
    }

    void stateColoursStayReadable_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void stateColoursStayReadable()
    {
        QFETCH(bool, dark);
        const QPalette p = dark ? ui::darkPalette() : ui::lightPalette();
        const QColor window = p.color(QPalette::Window);
        for (auto state : {MqttConnection::State::Connected, MqttConnection::State::Connecting,
                           MqttConnection::State::Reconnecting, MqttConnection::State::Failed,
                           MqttConnection::State::Disconnected}) {
            const double c = contrast(ui::stateTextColor(state, p), window);
            QVERIFY2(c >= 4.5, qPrintable(u"%1: %2"_s.arg(MqttConnection::stateName(state)).arg(c)));
            // The dot is a shape, not text: 3:1 is what it needs.
            QVERIFY2(contrast(ui::stateColor(state), window) >= 2.0 || state == MqttConnection::State::Disconnected,
                     qPrintable(MqttConnection::stateName(state)));
        }
        QVERIFY(contrast(ui::errorTextColor(p), window) >= 4.5);
        QVERIFY(contrast(ui::warningTextColor(p), window) >= 4.5);
        QVERIFY(contrast(p.color(QPalette::Text), p.color(QPalette::Base)) >= 7.0);
        QVERIFY(contrast(p.color(QPalette::PlaceholderText), p.color(QPalette::Base)) >= 4.5);
        QVERIFY(contrast(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)) >= 4.5);
    }

    void languageSwitchIsStoredForTheNextStart()
    {
        MainWindow window;
        window.show();
        QAction *chinese = window.findChild<QAction *>(u"languageChineseAction"_s);
        QAction *english = window.findChild<QAction *>(u"languageEnglishAction"_s);
        QAction *system = window.findChild<QAction *>(u"languageSystemAction"_s);
        QVERIFY(chinese && english && system);
        QVERIFY(system->isChecked());
        QCOMPARE(PreferenceMenus::runningLanguage(), u"en"_s);

        chinese->trigger();
        QVERIFY(chinese->isChecked());
        {
            const auto s = settings::open();
            QCOMPARE(settings::Language.read(*s), u"zh_CN"_s);
        }
        // A message says when it applies (not modal: it does not block the window).
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(u"languageRestartMessage"_s)) && box->isVisible());
        QVERIFY2(box->text().contains(u"next start"_s), qPrintable(box->text()));
        QVERIFY(box->informativeText().contains(u"简体中文"_s));
        box->accept();

        // Back to English (the running language): stored, nothing to say.
        english->trigger();
        {
            const auto s = settings::open();
            QCOMPARE(settings::Language.read(*s), u"en"_s);
        }
        QTest::qWait(50);
        const auto boxes = window.findChildren<QMessageBox *>(u"languageRestartMessage"_s);
        for (QMessageBox *b : boxes)
            QVERIFY(!b->isVisible());

        MainWindow next;
        QVERIFY(next.findChild<QAction *>(u"languageEnglishAction"_s)->isChecked());
    }

    void shortcutsDialogIsGeneratedFromTheMenus()
    {
        MainWindow window;
        window.show();
        QStringList rows;
        QStringList keys;
        whenModalOpens<ShortcutsDialog>(this, [&](ShortcutsDialog *dialog) {
            QTreeWidget *list = dialog->list();
            for (int g = 0; g < list->topLevelItemCount(); ++g) {
                for (int i = 0; i < list->topLevelItem(g)->childCount(); ++i) {
                    rows << list->topLevelItem(g)->child(i)->text(0);
                    keys << list->topLevelItem(g)->child(i)->text(1);
                }
            }
            const QString shotDir = QDir::temp().filePath(u"tideline-ui-tests"_s);
            QDir().mkpath(shotDir);
            dialog->grab().save(QDir(shotDir).filePath(u"shortcuts.png"_s), "PNG");
            dialog->reject();
        });
        window.shortcutsAction()->trigger();
        QVERIFY2(rows.contains(u"Open workspace…"_s), qPrintable(rows.join(u", "_s)));
        QVERIFY(rows.contains(u"Save workspace"_s));
        QVERIFY(rows.contains(u"Command palette…"_s));
        QVERIFY(rows.contains(u"Keyboard shortcuts"_s));
        const int open = int(rows.indexOf(u"Open workspace…"_s));
        QCOMPARE(keys.at(open), QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText));
        QVERIFY(keys.at(rows.indexOf(u"Command palette…"_s)).contains(u"Ctrl+K"_s));

        // An action added to a menu later shows up without anyone editing a list.
        QMenu *view = window.findChild<QMenu *>(u"viewMenu"_s);
        QAction *extra = view->addAction(u"Zoom the chart"_s);
        extra->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Equal));
        rows.clear();
        whenModalOpens<ShortcutsDialog>(this, [&](ShortcutsDialog *dialog) {
            const auto items = dialog->list()->findItems(u"Zoom the chart"_s, Qt::MatchExactly | Qt::MatchRecursive);
            if (!items.isEmpty())
                rows << items.first()->text(1);
            dialog->reject();
        });
        window.shortcutsAction()->trigger();
        QCOMPARE(rows, QStringList{QKeySequence(Qt::CTRL | Qt::Key_Equal).toString(QKeySequence::NativeText)});
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
