#include "BenchChartCommand.h"
#include "CommandDispatcher.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    // A QApplication only for `bench chart`, which draws a real chart offscreen.
    const auto app = tideline::cli::BenchChartCommand::createApplication(argc, argv);
    QCoreApplication::setApplicationName(u"tideline-cli"_s);
    QCoreApplication::setOrganizationName(u"Tideline"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(TIDELINE_VERSION));
    // The commands report failures themselves in one line on stderr; the library's log lines
    // would only repeat them in more technical words. QT_LOGGING_RULES still overrides this
    // (QT_LOGGING_RULES="tideline.*=true" shows everything, including Paho's raw errors).
    QLoggingCategory::setFilterRules(u"tideline.*.info=false\ntideline.*.warning=false"_s);
    // The CLI speaks English only; its translation holds the plural forms ("%n more warning(s)").
    tideline::ui::installTranslators(QLocale(QLocale::English), app.get());

    tideline::cli::CommandDispatcher dispatcher;
    return dispatcher.run(QCoreApplication::arguments());
}
