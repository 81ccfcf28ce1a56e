#include "CommandDispatcher.h"

#include "BenchChartCommand.h"
#include "BenchE2eCommand.h"
#include "BenchIngestCommand.h"
#include "DemoCommand.h"
#include "CliSupport.h"
#include "KubeCommand.h"
#include "MetricsCommand.h"
#include "PubCommand.h"
#include "SubCommand.h"

#include <QCommandLineParser>

using namespace Qt::StringLiterals;

namespace tideline::cli {

namespace {
bool isHelpFlag(const QString &arg)
{
    return arg == u"-h"_s || arg == u"--help"_s || arg == u"-help"_s || arg == u"-?"_s;
}

QStringList nameWords(const Command &command)
{
    return command.name().split(u' ', Qt::SkipEmptyParts);
}
} // namespace

CommandDispatcher::CommandDispatcher()
{
    m_commands.push_back(std::make_unique<SubCommand>());
    m_commands.push_back(std::make_unique<PubCommand>());
    m_commands.push_back(std::make_unique<BenchIngestCommand>());
    m_commands.push_back(std::make_unique<BenchE2eCommand>());
    m_commands.push_back(std::make_unique<BenchChartCommand>());
    m_commands.push_back(std::make_unique<KubeGetCommand>());
    m_commands.push_back(std::make_unique<KubeScaleCommand>());
    m_commands.push_back(std::make_unique<KubePreviewCommand>());
    m_commands.push_back(std::make_unique<MetricsRabbitMqCommand>());
    m_commands.push_back(std::make_unique<MetricsScrapeCommand>());
    m_commands.push_back(std::make_unique<MetricsQueryCommand>());
    m_commands.push_back(std::make_unique<DemoCommand>());
}

CommandDispatcher::~CommandDispatcher() = default;

Command *CommandDispatcher::find(const QStringList &words) const
{
    Command *best = nullptr;
    qsizetype bestLength = 0;
    for (const auto &command : m_commands) {
        const QStringList name = nameWords(*command);
        if (name.size() > words.size() || name.size() <= bestLength)
            continue;
        if (words.mid(0, name.size()) == name) {
            best = command.get();
            bestLength = name.size();
        }
    }
    return best;
}

std::vector<Command *> CommandDispatcher::commandsIn(const QString &group) const
{
    std::vector<Command *> out;
    for (const auto &command : m_commands) {
        const QStringList name = nameWords(*command);
        if (name.size() > 1 && name.first() == group)
            out.push_back(command.get());
    }
    return out;
}

int CommandDispatcher::nameColumnWidth() const
{
    qsizetype width = 16;
    for (const auto &command : m_commands)
        width = qMax(width, command->name().size() + 2);
    return int(width);
}

QString CommandDispatcher::generalHelp() const
{
    const int width = nameColumnWidth();
    QString commands;
    for (const auto &command : m_commands)
        commands += u"  %1%2\n"_s.arg(command->name(), -width).arg(command->summary());
    return tr("Usage: tideline-cli COMMAND [options]\n"
              "\n"
              "Tideline on the command line: MQTT automation and benchmarks.\n"
              "\n"
              "Commands:\n"
              "%1"
              "  %2Show the options of a command\n"
              "\n"
              "Options:\n"
              "  -h, --help      Show this help\n"
              "  -v, --version   Show the version\n"
              "\n"
              "Run 'tideline-cli help COMMAND' or 'tideline-cli COMMAND --help' for the options of a "
              "command. Exit codes: 0 success, 1 runtime failure, 2 usage error.\n")
        .arg(commands, u"help [COMMAND]"_s.leftJustified(width));
}

QString CommandDispatcher::groupHelp(const QString &group) const
{
    const int width = nameColumnWidth();
    QString commands;
    for (Command *command : commandsIn(group))
        commands += u"  %1%2\n"_s.arg(command->name(), -width).arg(command->summary());
    return tr("Usage: tideline-cli %1 SUBCOMMAND [options]\n\nSubcommands:\n%2").arg(group, commands);
}

QString CommandDispatcher::commandHelp(Command &command) const
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption({u"h"_s, u"help"_s}, tr("Show this help.")));
    command.addOptions(parser);
    // helpText() starts with Qt's own usage line, which does not know about commands.
    QString options = parser.helpText();
    const qsizetype at = options.indexOf(u"Options:"_s);
    if (at >= 0)
        options = options.mid(at);
    QString text = tr("Usage: tideline-cli %1\n\n%2\n\n").arg(command.synopsis(), command.summary()) + options;
    const QString details = command.details();
    if (!details.isEmpty())
        text += u'\n' + details + u'\n';
    return text;
}

int CommandDispatcher::runCommand(Command &command, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption help({u"h"_s, u"help"_s}, tr("Show this help."));
    parser.addOption(help);
    command.addOptions(parser);
    QStringList argv{u"tideline-cli %1"_s.arg(command.name())};
    argv += arguments;
    if (!parser.parse(argv))
        return usageError(command.name(), parser.errorText());
    if (parser.isSet(help)) {
        writeStdout(commandHelp(command).toLocal8Bit(), true);
        return ExitOk;
    }
    if (!command.acceptsPositionalArguments() && !parser.positionalArguments().isEmpty()) {
        return usageError(command.name(),
                          tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst()));
    }
    return command.run(parser);
}

int CommandDispatcher::run(const QStringList &arguments)
{
    const QStringList args = arguments.mid(1);
    if (args.isEmpty()) {
        printStderr(generalHelp());
        return ExitUsage;
    }
    const QString &first = args.constFirst();
    if (isHelpFlag(first)) {
        writeStdout(generalHelp().toLocal8Bit(), true);
        return ExitOk;
    }
    if (first == u"-v"_s || first == u"--version"_s) {
        writeStdout(u"tideline-cli %1\n"_s.arg(QCoreApplication::applicationVersion()).toLocal8Bit(), true);
        return ExitOk;
    }
    if (first == u"help"_s) {
        const QStringList topic = args.mid(1);
        if (topic.isEmpty()) {
            writeStdout(generalHelp().toLocal8Bit(), true);
            return ExitOk;
        }
        if (Command *command = find(topic); command && nameWords(*command).size() == topic.size()) {
            writeStdout(commandHelp(*command).toLocal8Bit(), true);
            return ExitOk;
        }
        if (topic.size() == 1 && !commandsIn(topic.constFirst()).empty()) {
            writeStdout(groupHelp(topic.constFirst()).toLocal8Bit(), true);
            return ExitOk;
        }
        printStderr(tr("tideline-cli: unknown command \"%1\". Run 'tideline-cli --help' for the list.")
                        .arg(topic.join(u' ')));
        return ExitUsage;
    }
    if (Command *command = find(args))
        return runCommand(*command, args.mid(nameWords(*command).size()));
    if (!commandsIn(first).empty()) {
        // A group without (or with an unknown) subcommand: "bench", "bench --help", "bench foo".
        if (args.size() >= 2 && isHelpFlag(args.at(1))) {
            writeStdout(groupHelp(first).toLocal8Bit(), true);
            return ExitOk;
        }
        if (args.size() >= 2)
            printStderr(tr("tideline-cli %1: unknown subcommand \"%2\".").arg(first, args.at(1)));
        printStderr(groupHelp(first));
        return ExitUsage;
    }
    printStderr(tr("tideline-cli: unknown command \"%1\". Run 'tideline-cli --help' for the list.").arg(first));
    return ExitUsage;
}

} // namespace tideline::cli
