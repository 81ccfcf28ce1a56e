// Colours chosen in code follow View › Theme: error text, the new-topic highlight and the charts
// stay readable on the dark palette (WCAG contrast), and switching the theme at run time repaints
// them without a restart.

#include "ConnectionView.h"
#include "HpaPreviewPanel.h"
#include "MainWindow.h"
#include "PreferenceMenus.h"
#include "QueueDepthChart.h"
#include "Settings.h"
#include "StateStyle.h"
#include "Theme.h"
#include "ValuePlotView.h"
#include "core/IngestPipeline.h"
#include "core/MessageInbox.h"
#include "core/TimeSeries.h"
#include "models/TopicTreeModel.h"
#include "mqtt/ConnectionProfile.h"

#include <QAbstractAxis>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QTemporaryDir>
#include <QTreeView>
#include <QVBoxLayout>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

namespace {

constexpr double TextContrast = 4.5; // WCAG 2 AA for normal text

// `over` painted with its alpha on `base`.
QColor composite(const QColor &over, const QColor &base)
{
    const double a = over.alphaF();
    return QColor::fromRgbF(float(over.redF() * a + base.redF() * (1 - a)),
                            float(over.greenF() * a + base.greenF() * (1 - a)),
                            float(over.blueF() * a + base.blueF() * (1 - a)));
}

QString describe(const QColor &fg, const QColor &bg)
{
    return u"%1 on %2: %3:1"_s.arg(fg.name(), bg.name()).arg(ui::contrastRatio(fg, bg), 0, 'f', 2);
}

// Every axis label and the legend in a colour readable on the chart's background.
void verifyChartFollows(QChart *chart, const QPalette &palette, bool dark)
{
    QCOMPARE(chart->theme(), dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    const QColor background = chart->backgroundBrush().color();
    QCOMPARE(background, palette.color(QPalette::Base));
    QCOMPARE(ui::isDarkPalette(palette), dark);
    const auto axes = chart->axes();
    QVERIFY(!axes.isEmpty());
    for (QAbstractAxis *axis : axes) {
        QVERIFY2(ui::contrastRatio(axis->labelsColor(), background) >= TextContrast,
                 qPrintable(describe(axis->labelsColor(), background)));
        QVERIFY2(ui::contrastRatio(axis->titleBrush().color(), background) >= TextContrast,
                 qPrintable(describe(axis->titleBrush().color(), background)));
    }
    QVERIFY2(ui::contrastRatio(chart->legend()->labelColor(), background) >= TextContrast,
             qPrintable(describe(chart->legend()->labelColor(), background)));
}

} // namespace

class TestDarkTheme : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QString shotPath(const QString &name)
    {
        QDir dir(QDir::temp().filePath(u"tideline-ui-tests"_s));
        dir.mkpath(u"."_s);
        return dir.filePath(name);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        settings::useIniFile(m_dir.filePath(u"settings.ini"_s));
    }

    void cleanup() { ui::applyTheme(ui::Theme::Light); }

    void themeColoursContrast_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }
    void themeColoursContrast()
    {
        QFETCH(bool, dark);
        const QPalette palette = dark ? ui::darkPalette() : ui::lightPalette();
        const QColor window = palette.color(QPalette::Window);
        const QColor base = palette.color(QPalette::Base);
        const QColor text = palette.color(QPalette::Text);
        for (const QColor &background : {window, base}) {
            const QColor error = ui::errorTextColor(palette);
            QVERIFY2(ui::contrastRatio(error, background) >= TextContrast, qPrintable(describe(error, background)));
            const QColor warning = ui::warningTextColor(palette);
            QVERIFY2(ui::contrastRatio(warning, background) >= TextContrast, qPrintable(describe(warning, background)));
        }
        // Invalid rows and lines keep their text readable.
        const QColor invalid = ui::errorBackground(palette);
        QVERIFY2(ui::contrastRatio(text, invalid) >= TextContrast, qPrintable(describe(text, invalid)));
        // The highlight is a background under the tree's text, at full strength and fading into Base.
        const QColor highlight = ui::newTopicHighlight(palette);
        for (const double alpha : {1.0, 0.6, 0.2}) {
            QColor faded = highlight;
            faded.setAlphaF(float(alpha));
            const QColor shown = composite(faded, base);
            QVERIFY2(ui::contrastRatio(text, shown) >= TextContrast, qPrintable(describe(text, shown)));
        }
        // It must also be seen: clearly another colour than Base (a tint, so luminance alone
        // would not say it; the summed channel difference does).
        const int distance = qAbs(highlight.red() - base.red()) + qAbs(highlight.green() - base.green())
                             + qAbs(highlight.blue() - base.blue());
        QVERIFY2(distance >= 60, qPrintable(describe(highlight, base)));
    }

    void contrastRatioMatchesWcag()
    {
        QCOMPARE(qRound(ui::contrastRatio(Qt::black, Qt::white) * 100), 2100);
        QCOMPARE(ui::contrastRatio(Qt::white, Qt::white), 1.0);
        // WCAG's own example: #777777 on white is 4.48:1.
        QCOMPARE(qRound(ui::contrastRatio(QColor(0x77, 0x77, 0x77), Qt::white) * 100), 448);
    }

    // The plot's "not a JSON path" status is the error label: readable after switching to dark.
    void errorLabelFollowsTheTheme()
    {
        ui::applyTheme(ui::Theme::Light);
        ValuePlotView view;
        view.resize(600, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        TopicTree::HistoryEntry entry;
        entry.timestampMs = QDateTime::currentMSecsSinceEpoch();
        entry.seq = 1;
        entry.payload = "{\"t\":1}";
        view.setHistory(u"plant/temp"_s, {entry});
        view.setPath(u"$[["_s);
        QLabel *status = view.statusLabel();
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"is not a JSON path"_s), 30000);
        const QColor lightError = status->palette().color(QPalette::WindowText);
        QCOMPARE(lightError, ui::errorTextColor(ui::lightPalette()));

        ui::applyTheme(ui::Theme::Dark);
        QTRY_COMPARE_WITH_TIMEOUT(status->palette().color(QPalette::WindowText),
                                  ui::errorTextColor(ui::darkPalette()), 30000);
        QVERIFY(status->text().contains(u"is not a JSON path"_s));
        const QColor background = status->palette().color(QPalette::Window);
        QCOMPARE(background, ui::darkPalette().color(QPalette::Window));
        const QColor error = status->palette().color(QPalette::WindowText);
        QVERIFY2(ui::contrastRatio(error, background) >= TextContrast, qPrintable(describe(error, background)));
        // The old colour was unreadable there.
        QVERIFY(ui::contrastRatio(QColor(0xb0, 0x1c, 0x1c), background) < TextContrast);
        verifyChartFollows(view.chartView()->chart(), view.palette(), true);
        QVERIFY(view.grab().save(shotPath(u"darktheme-valueplot.png"_s), "PNG"));
    }

    // A topic that has just appeared is highlighted in a colour the dark theme's text reads on.
    void newTopicHighlightFollowsTheTheme()
    {
        ui::applyTheme(ui::Theme::Light);
        ConnectionProfile profile = ConnectionProfile::fromUrl(u"mqtt://127.0.0.1:1"_s).value();
        ConnectionView view(profile, nullptr);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        TopicTreeModel *model = view.topicModel();
        QCOMPARE(model->newTopicColor(), ui::newTopicHighlight(ui::lightPalette()));

        ui::applyTheme(ui::Theme::Dark);
        QTRY_COMPARE_WITH_TIMEOUT(model->newTopicColor(), ui::newTopicHighlight(ui::darkPalette()), 30000);

        // A message through the same hand-over as received ones: the new row is highlighted.
        MqttMessage message;
        message.topic = "plant/line-1/temperature";
        message.payload = "21.5";
        message.timestampMs = QDateTime::currentMSecsSinceEpoch();
        std::vector<MqttMessage> batch{message};
        view.pipeline()->inbox()->pushBatch(batch);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() > 0, 30000);
        const QModelIndex top = model->index(0, TopicTreeModel::TopicColumn);
        const QVariant background = top.data(Qt::BackgroundRole);
        const QPalette treePalette = view.topicView()->palette();
        const QColor text = treePalette.color(QPalette::Text);
        const QColor base = treePalette.color(QPalette::Base);
        QCOMPARE(base, ui::darkPalette().color(QPalette::Base));
        if (background.isValid()) { // a very slow machine may have let it fade already
            const QColor highlight = background.value<QColor>();
            QCOMPARE(highlight.rgb(), ui::newTopicHighlight(ui::darkPalette()).rgb());
            const QColor shown = composite(highlight, base);
            QVERIFY2(ui::contrastRatio(text, shown) >= TextContrast, qPrintable(describe(text, shown)));
        }
        const QColor full = model->newTopicColor();
        QVERIFY2(ui::contrastRatio(text, full) >= TextContrast, qPrintable(describe(text, full)));
        // The light yellow it used to be is unreadable under the dark theme's text.
        QVERIFY(ui::contrastRatio(text, QColor(0xff, 0xf3, 0xb0)) < TextContrast);
        QVERIFY(view.grab().save(shotPath(u"darktheme-connectionview.png"_s), "PNG"));

        ui::applyTheme(ui::Theme::Light);
        QTRY_COMPARE_WITH_TIMEOUT(model->newTopicColor(), ui::newTopicHighlight(ui::lightPalette()), 30000);
    }

    // Qt Charts has themes of its own: every chart switches with the palette, both ways.
    void chartsFollowTheTheme()
    {
        ui::applyTheme(ui::Theme::Light);
        TimeSeriesStore store;
        QWidget window;
        auto *queueChart = new QueueDepthChart(&store, &window);
        const MetricSeriesKey key{u"test"_s, u"rabbitmq_queue_messages_ready"_s, {{u"queue"_s, u"orders"_s}}};
        ChartSeriesSpec spec;
        spec.key = key;
        spec.name = u"orders"_s;
        spec.role = ChartSeriesSpec::Role::Depth;
        queueChart->addSeries(spec);
        auto *plot = new ValuePlotView(&window);
        auto *preview = new HpaPreviewPanel(&window);
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(queueChart);
        layout->addWidget(plot);
        layout->addWidget(preview);
        window.resize(900, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QChart *charts[] = {queueChart->chart(), plot->chartView()->chart(), preview->chartView()->chart()};
        for (QChart *chart : charts)
            verifyChartFollows(chart, window.palette(), false);

        ui::applyTheme(ui::Theme::Dark);
        for (QChart *chart : charts) {
            QTRY_COMPARE_WITH_TIMEOUT(chart->backgroundBrush().color(), ui::darkPalette().color(QPalette::Base), 30000);
            verifyChartFollows(chart, window.palette(), true);
        }
        // The series keep Tideline's colours, in their dark-theme shades.
        QLineSeries *depth = queueChart->lineSeries(key);
        QVERIFY(depth);
        QCOMPARE(depth->pen().color(), QColor(0x6c, 0xa8, 0xff));
        QVERIFY(window.grab().save(shotPath(u"darktheme-charts.png"_s), "PNG"));

        ui::applyTheme(ui::Theme::Light);
        for (QChart *chart : charts) {
            QTRY_COMPARE_WITH_TIMEOUT(chart->backgroundBrush().color(), ui::lightPalette().color(QPalette::Base), 30000);
            verifyChartFollows(chart, window.palette(), false);
        }
        QCOMPARE(depth->pen().color(), QColor(0x1a, 0x5f, 0xd0));
    }

    // The way an operator switches: View › Theme › Dark in the main window, with a connection
    // tab open (its payload plot is a chart); every chart in the window follows, both ways.
    void themeMenuSwitchesTheCharts()
    {
        ui::applyTheme(ui::Theme::Light);
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Nothing listens on port 1: the tab stays disconnected, which is all this needs.
        window.openConnection(ConnectionProfile::fromUrl(u"mqtt://127.0.0.1:1"_s).value());
        const QList<QChartView *> views = window.findChildren<QChartView *>();
        QVERIFY(!views.isEmpty());
        window.findChild<QAction *>(u"themeDarkAction"_s)->trigger();
        QVERIFY(ui::isDarkTheme());
        // The application palette reaches the top-level window through a posted event.
        QTRY_COMPARE_WITH_TIMEOUT(window.palette().color(QPalette::Window),
                                  ui::darkPalette().color(QPalette::Window), 30000);
        for (QChartView *view : views) {
            QTRY_COMPARE_WITH_TIMEOUT(view->chart()->theme(), QChart::ChartThemeDark, 30000);
            verifyChartFollows(view->chart(), view->palette(), true);
        }
        QVERIFY(window.grab().save(shotPath(u"darktheme-mainwindow.png"_s), "PNG"));
        window.findChild<QAction *>(u"themeLightAction"_s)->trigger();
        for (QChartView *view : views) {
            QTRY_COMPARE_WITH_TIMEOUT(view->chart()->theme(), QChart::ChartThemeLight, 30000);
            verifyChartFollows(view->chart(), view->palette(), false);
        }
    }
};

QTEST_MAIN(TestDarkTheme)
#include "tst_darktheme.moc"
