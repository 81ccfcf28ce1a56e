// Tideline's GUI entry point: application identity, translations, the command line, the window.

#include "DemoSession.h"
#include "MainWindow.h"
#include "Settings.h"
#include "Theme.h"
#include "Translations.h"
#include "WorkspaceController.h"
#include "models/TopicFilter.h"
#include "mqtt/ConnectionProfile.h"

#include <QApplication>
#include <QIcon>
#include <QCommandLineParser>
#include <QLocale>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int DefaultScreenshotDelayMs = 3000;
// --demo --screenshot without --quit-after: the picture is taken this long after the demo is
// laid out (the first samples and replica counts are in), or the run fails after the cap.
constexpr int DemoScreenshotSettleMs = 8000;
constexpr int DemoScreenshotCapMs = 240'000;

void printError(const QString &message)
{
    std::fprintf(stderr, "tideline: %s\n", qPrintable(message));
}

// --lang and --settings must take effect before the parser exists, so that --help is
// translated as well (in the language --lang or the settings choose).
QString earlyOption(const QStringList &arguments, const QString &name)
{
    const QString flag = u"--"_s + name;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == flag && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (a.startsWith(flag + u'='))
            return a.mid(flag.size() + 1);
    }
    return {};
}

// --lang wins; then View › Language (saved in the settings); then the system's language.
void installTranslations(QApplication &app, const QString &forced)
{
    QLocale locale = QLocale::system();
    QString chosen = forced;
    if (chosen.isEmpty()) {
        const auto s = tideline::settings::open();
        chosen = tideline::settings::Language.read(*s);
    }
    if (!chosen.isEmpty()) {
        locale = QLocale(chosen);
        if (locale.language() != QLocale::Chinese && locale.language() != QLocale::English) {
            printError(QCoreApplication::translate("main", "Unsupported language \"%1\"; using English.")
                           .arg(chosen));
            locale = QLocale(QLocale::English, QLocale::UnitedStates);
        }
        QLocale::setDefault(locale);
    }
    // English too: its translation holds the plural forms ("1 key", "6 keys").
    tideline::ui::installTranslators(locale, &app);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Tideline"_s);
    QCoreApplication::setApplicationName(u"Tideline"_s);
    // Wayland and the desktop shells match the window to packaging/*.desktop by this id.
    QGuiApplication::setDesktopFileName(u"io.github.tideline.Tideline"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/tideline.svg"_s));
    QCoreApplication::setApplicationVersion(QStringLiteral(TIDELINE_VERSION));

    if (const QString ini = earlyOption(QCoreApplication::arguments(), u"settings"_s); !ini.isEmpty())
        tideline::settings::useIniFile(ini);
    installTranslations(app, earlyOption(QCoreApplication::arguments(), u"lang"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Tideline: a live MQTT topic explorer for operators of queue-based systems."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption urlOption(
        u"url"_s, QCoreApplication::translate("main", "Connect to the broker at URL (mqtt://, mqtts://, ws://, wss://)."),
        u"URL"_s);
    const QCommandLineOption subscribeOption(
        u"subscribe"_s,
        QCoreApplication::translate("main", "Subscribe to FILTER (repeatable; default # with --url)."),
        u"FILTER"_s);
    const QCommandLineOption profileOption(
        u"profile"_s, QCoreApplication::translate("main", "Open the saved connection NAME (name or id)."),
        u"NAME"_s);
    const QCommandLineOption screenshotOption(
        u"screenshot"_s,
        QCoreApplication::translate("main", "Save a PNG of the main window to FILE, then quit (see --quit-after)."),
        u"FILE"_s);
    const QCommandLineOption quitAfterOption(
        u"quit-after"_s,
        QCoreApplication::translate("main", "Quit after MS milliseconds (default with --screenshot: %1; with "
                                            "--demo --screenshot: %2 after the demo is ready).")
            .arg(DefaultScreenshotDelayMs)
            .arg(DemoScreenshotSettleMs),
        u"MS"_s);
    const QCommandLineOption settingsOption(
        u"settings"_s, QCoreApplication::translate("main", "Read and write settings in the ini FILE."),
        u"FILE"_s);
    const QCommandLineOption langOption(
        u"lang"_s, QCoreApplication::translate("main", "Use the language LANG (zh_CN or en) instead of the system's."),
        u"LANG"_s);
    const QCommandLineOption demoOption(
        u"demo"_s, QCoreApplication::translate("main", "Start the surge demo: local brokers, shop, workers and a demo "
                                                       "cluster, all stopped on exit."));
    const QCommandLineOption demoSpeedOption(
        u"demo-speed"_s, QCoreApplication::translate("main", "Run the demo's surge profile F times faster (default 1)."),
        u"F"_s, u"1"_s);
    const QCommandLineOption screenshotEveryOption(
        u"screenshot-every"_s,
        QCoreApplication::translate("main", "With --screenshot FILE: save a PNG every MS milliseconds as FILE-001.png, "
                                            "FILE-002.png, …"),
        u"MS"_s);
    parser.addOptions({urlOption, subscribeOption, profileOption, screenshotOption, quitAfterOption,
                       settingsOption, langOption, demoOption, demoSpeedOption, screenshotEveryOption});
    parser.addPositionalArgument(
        u"workspace"_s,
        QCoreApplication::translate("main", "A workspace file (*.tideline) to open: its connections, "
                                            "dashboards and window layout."),
        u"[WORKSPACE]"_s);
    parser.process(app);

    if (parser.isSet(settingsOption))
        tideline::settings::useIniFile(parser.value(settingsOption));
    if (parser.positionalArguments().size() > 1) {
        printError(QCoreApplication::translate("main", "Open one workspace at a time."));
        return 2;
    }
    const QString workspacePath = parser.positionalArguments().value(0);

    if (parser.isSet(urlOption) && parser.isSet(profileOption)) {
        printError(QCoreApplication::translate("main", "Use either --url or --profile, not both."));
        return 2;
    }

    QList<tideline::Subscription> subscriptions;
    for (const QString &filter : parser.values(subscribeOption)) {
        QString why;
        if (!tideline::TopicFilter::isValidFilter(filter, &why)) {
            printError(QCoreApplication::translate("main", "--subscribe \"%1\": %2").arg(filter, why));
            return 2;
        }
        subscriptions.append({filter, 0});
    }

    std::optional<tideline::ConnectionProfile> profile;
    if (parser.isSet(urlOption)) {
        auto fromUrl = tideline::ConnectionProfile::fromUrl(parser.value(urlOption));
        if (!fromUrl) {
            printError(fromUrl.error().message);
            return 2;
        }
        profile = fromUrl.value();
        profile->subscriptions = subscriptions.isEmpty()
                                     ? QList<tideline::Subscription>{{u"#"_s, 0}}
                                     : subscriptions;
    } else if (parser.isSet(profileOption)) {
        const auto s = tideline::settings::open();
        profile = tideline::ProfileStore(*s).byName(parser.value(profileOption));
        if (!profile) {
            printError(QCoreApplication::translate("main", "There is no saved connection named \"%1\".")
                           .arg(parser.value(profileOption)));
            return 2;
        }
        for (const auto &sub : std::as_const(subscriptions)) {
            if (!profile->subscriptions.contains(sub))
                profile->subscriptions.append(sub);
        }
    }

    int quitAfterMs = -1;
    if (parser.isSet(quitAfterOption)) {
        bool ok = false;
        quitAfterMs = parser.value(quitAfterOption).toInt(&ok);
        if (!ok || quitAfterMs < 0) {
            printError(QCoreApplication::translate("main", "--quit-after needs a number of milliseconds, not \"%1\".")
                           .arg(parser.value(quitAfterOption)));
            return 2;
        }
    }
    const QString screenshot = parser.value(screenshotOption);
    // A demo screenshot waits for the demo (brokers start in seconds to a minute) instead of a
    // fixed delay.
    const bool demoScreenshot = parser.isSet(demoOption) && !screenshot.isEmpty() && quitAfterMs < 0;
    if (!screenshot.isEmpty() && quitAfterMs < 0 && !demoScreenshot)
        quitAfterMs = DefaultScreenshotDelayMs;

    tideline::ui::applySavedTheme();
    tideline::MainWindow window;
    if (!workspacePath.isEmpty()) {
        const auto opened = window.workspaces()->open(workspacePath);
        if (!opened) {
            printError(opened.error().message);
            return 2;
        }
    }
    if (!screenshot.isEmpty())
        window.resize(tideline::MainWindow::DefaultSize); // reproducible pictures for the docs
    // A scripted run ends by itself: nobody is there to answer "save changes?".
    if (quitAfterMs >= 0 || demoScreenshot)
        window.workspaces()->setAskToSave(false);
    window.show();
    if (profile)
        window.openConnection(*profile);
    int exitCode = 0;
    // Takes the --screenshot picture (if asked) and quits.
    const auto finish = [&] {
        if (!screenshot.isEmpty()) {
            const QPixmap picture = window.grab();
            if (!picture.save(screenshot, "PNG")) {
                printError(QCoreApplication::translate("main", "Could not write the screenshot to %1.").arg(screenshot));
                exitCode = 1;
            }
        }
        window.close();
        QCoreApplication::exit(exitCode);
    };
    tideline::DemoSession::attachTo(&window);
    if (parser.isSet(demoOption)) {
        bool ok = false;
        const double speed = parser.value(demoSpeedOption).toDouble(&ok);
        if (!ok || speed < 0.01 || speed > 100) {
            printError(QCoreApplication::translate("main", "--demo-speed needs a number from 0.01 to 100."));
            return 2;
        }
        tideline::demo::DemoEnvironment::Options demoOptions;
        demoOptions.profile = demoOptions.profile.scaled(speed);
        demoOptions.hpaSyncMs = qMax(1000, int(demoOptions.hpaSyncMs / speed));
        demoOptions.scaleUpPeriodSeconds = qMax(1, int(demoOptions.scaleUpPeriodSeconds / speed));
        demoOptions.scaleDownWindowSeconds = qMax(1, int(demoOptions.scaleDownWindowSeconds / speed));
        auto *session = new tideline::DemoSession(&window, demoOptions);
        session->start();
        if (demoScreenshot) {
            QObject::connect(session, &tideline::DemoSession::ready, &window, [&] {
                QTimer::singleShot(DemoScreenshotSettleMs, &window, [&] { finish(); });
            });
            QTimer::singleShot(DemoScreenshotCapMs, &window, [&] {
                printError(QCoreApplication::translate("main", "The demo was not ready after %1 s; no screenshot.")
                               .arg(DemoScreenshotCapMs / 1000));
                exitCode = 1;
                window.close();
                QCoreApplication::exit(exitCode);
            });
        }
    }
    QTimer seriesTimer;
    int seriesIndex = 0;
    if (parser.isSet(screenshotEveryOption) && !screenshot.isEmpty()) {
        const int every = parser.value(screenshotEveryOption).toInt();
        if (every < 100) {
            printError(QCoreApplication::translate("main", "--screenshot-every needs at least 100 milliseconds."));
            return 2;
        }
        QString base = screenshot;
        if (base.endsWith(u".png"_s, Qt::CaseInsensitive))
            base.chop(4);
        seriesTimer.setInterval(every);
        QObject::connect(&seriesTimer, &QTimer::timeout, &window, [&window, &seriesIndex, base] {
            const QString file = u"%1-%2.png"_s.arg(base).arg(++seriesIndex, 3, 10, QLatin1Char('0'));
            if (!window.grab().save(file, "PNG"))
                printError(QCoreApplication::translate("main", "Could not write the screenshot to %1.").arg(file));
        });
        seriesTimer.start();
    }

    if (quitAfterMs >= 0)
        QTimer::singleShot(quitAfterMs, &window, [&] { finish(); });
    const int rc = app.exec();
    return exitCode != 0 ? exitCode : rc;
}
