#pragma once

#include "CliCommand.h"

#include <QCommandLineOption>
#include <QCoreApplication>

#include <optional>

namespace tideline::kube {
class KubeClient;
}

namespace tideline::cli {

// The options every `kube` command shares: which kubeconfig, context and namespace.
class KubeTargetOptions final
{
    Q_DECLARE_TR_FUNCTIONS(KubeTargetOptions)

public:
    KubeTargetOptions();
    void addTo(QCommandLineParser &parser) const;
    // Configures `client` (printing its warnings) and returns the namespace the command works
    // in: -n, else the context's. On failure prints the error and returns nullopt.
    std::optional<QString> configure(const QCommandLineParser &parser, kube::KubeClient &client) const;

private:
    QCommandLineOption m_kubeconfig;
    QCommandLineOption m_context;
    QCommandLineOption m_namespace;
};

// `tideline-cli kube get deployments|statefulsets|hpa|events|scaledobjects`.
class KubeGetCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(KubeGetCommand)

public:
    KubeGetCommand();
    QString name() const override;
    QString summary() const override;
    QString synopsis() const override;
    QString details() const override;
    bool acceptsPositionalArguments() const override { return true; }
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser) override;

private:
    KubeTargetOptions m_target;
    QCommandLineOption m_allNamespaces;
    QCommandLineOption m_json;
    QCommandLineOption m_for;
    QCommandLineOption m_eventsApi;
};

// `tideline-cli kube scale deployment/NAME --replicas N`: SSAR first, a server-side dry run,
// a y/N question unless --yes, then the PATCH of the scale subresource; every attempt is
// appended to the audit log.
class KubeScaleCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(KubeScaleCommand)

public:
    KubeScaleCommand();
    QString name() const override;
    QString summary() const override;
    QString synopsis() const override;
    QString details() const override;
    bool acceptsPositionalArguments() const override { return true; }
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser) override;

private:
    KubeTargetOptions m_target;
    QCommandLineOption m_replicas;
    QCommandLineOption m_dryRun;
    QCommandLineOption m_yes;
    QCommandLineOption m_auditLog;
};

// `tideline-cli kube preview hpa/NAME`: what the HPA controller will do next (HpaModel).
class KubePreviewCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(KubePreviewCommand)

public:
    KubePreviewCommand();
    QString name() const override;
    QString summary() const override;
    QString synopsis() const override;
    QString details() const override;
    bool acceptsPositionalArguments() const override { return true; }
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser) override;

private:
    KubeTargetOptions m_target;
    QCommandLineOption m_metricValue;
    QCommandLineOption m_json;
};

} // namespace tideline::cli
