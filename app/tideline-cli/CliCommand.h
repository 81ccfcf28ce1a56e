#pragma once

#include <QCommandLineParser>
#include <QString>

namespace tideline::cli {

// Process exit codes shared by every command.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1, // runtime failure: connection refused, bad credentials, failed publishes
    ExitUsage = 2,   // the command line itself is wrong
};

// One `tideline-cli` command ("sub", "bench ingest", ...). The dispatcher owns the parser:
// it asks the command for its options, parses, handles --help, and only then calls run().
class Command
{
public:
    Command() = default;
    virtual ~Command() = default;
    Command(const Command &) = delete;
    Command &operator=(const Command &) = delete;

    // The words that select this command, e.g. "sub" or "bench ingest".
    virtual QString name() const = 0;
    // One translated line for the command list.
    virtual QString summary() const = 0;
    // The synopsis after the program name, e.g. "sub --url URL --topic FILTER [options]".
    virtual QString synopsis() const = 0;
    // Extra help text after the option list (examples, output format); may be empty.
    virtual QString details() const { return {}; }
    // Commands that take operands ("kube get deployments") say so; others reject them.
    virtual bool acceptsPositionalArguments() const { return false; }

    virtual void addOptions(QCommandLineParser &parser) = 0;
    // Runs the command with a successfully parsed command line; returns an ExitCode.
    virtual int run(const QCommandLineParser &parser) = 0;
};

} // namespace tideline::cli
