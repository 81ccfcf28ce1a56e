#pragma once

#include "CliCommand.h"

#include <QCoreApplication>
#include <QStringList>

#include <memory>
#include <vector>

namespace tideline::cli {

// Owns the commands and routes a command line to one of them: "COMMAND [options]",
// "help [COMMAND]", "COMMAND --help", "--help", "--version". Usage errors exit with 2.
class CommandDispatcher final
{
    Q_DECLARE_TR_FUNCTIONS(CommandDispatcher)

public:
    CommandDispatcher();
    ~CommandDispatcher();
    CommandDispatcher(const CommandDispatcher &) = delete;
    CommandDispatcher &operator=(const CommandDispatcher &) = delete;

    // `arguments` as from QCoreApplication::arguments(): the program first.
    int run(const QStringList &arguments);

private:
    // The command whose name words start `words`, the longest match; nullptr when none.
    Command *find(const QStringList &words) const;
    // Commands whose name starts with `group` ("bench"), for a group's help.
    std::vector<Command *> commandsIn(const QString &group) const;
    // Width of the command-name column in the help: the longest name plus two spaces.
    int nameColumnWidth() const;
    QString generalHelp() const;
    QString groupHelp(const QString &group) const;
    QString commandHelp(Command &command) const;
    int runCommand(Command &command, const QStringList &arguments);

    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace tideline::cli
