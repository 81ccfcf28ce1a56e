#pragma once

#include "core/Result.h"
#include "kube/KubeConfig.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>

#include <functional>
#include <vector>

class QProcess;

namespace tideline::kube {

// What an exec plugin returned (ExecCredential.status).
struct ExecCredential
{
    QString token;
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QDateTime expirationTimestamp;      // invalid: does not expire (until a 401)
};

// Runs a client.authentication.k8s.io credential plugin (users[].exec) asynchronously with
// QProcess and caches its answer until expirationTimestamp. Concurrent callers share one run.
// The plugin gets the base environment (the host's, or its client's), users[].exec.env and
// KUBERNETES_EXEC_INFO; stdin is forwarded only in interactive mode (Never: never; IfAvailable:
// when stdin is a terminal; Always: required, an error without a terminal).
class ExecCredentialProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExecCredentialProvider)

public:
    using Callback = std::function<void(const Result<ExecCredential> &)>;

    ExecCredentialProvider(KubeExecConfig config, QString userName, KubeCluster cluster,
                           QObject *parent = nullptr);
    ~ExecCredentialProvider() override;

    // Calls `callback` (on this thread, never synchronously inside get()) with the cached
    // credential or the result of a new run. Dropped when `context` is gone.
    void get(QObject *context, Callback callback);
    // Forgets the cached credential (after the server answered 401 with it).
    void invalidate();

    // Overrides the terminal check for IfAvailable/Always (tests, and the CLI knows better).
    void setStdinIsTerminal(bool terminal) { m_stdinTerminal = terminal; }
    // The environment the plugin inherits (default: this process's), so that a client given its
    // own environment (HTTPS_PROXY, ...) hands the same one to its plugin.
    void setBaseEnvironment(const QProcessEnvironment &environment) { m_baseEnvironment = environment; }
    int runCount() const { return m_runs; }
    bool hasCachedCredential() const;

    // The KUBERNETES_EXEC_INFO JSON for a run.
    QByteArray execInfo(bool interactive) const;
    // Parses the plugin's stdout; public for unit tests.
    static Result<ExecCredential> parseOutput(const QByteArray &stdoutBytes, const QString &expectedApiVersion,
                                              const QString &command);

private:
    void start();
    void finish(const Result<ExecCredential> &result);
    QString resolvedProgram() const;

    KubeExecConfig m_config;
    QString m_userName;
    KubeCluster m_cluster;
    bool m_stdinTerminal;
    QProcessEnvironment m_baseEnvironment = QProcessEnvironment::systemEnvironment();
    int m_runs = 0;
    std::optional<ExecCredential> m_cached;
    QPointer<QProcess> m_process;
    struct Waiter
    {
        QPointer<QObject> context;
        Callback callback;
    };
    std::vector<Waiter> m_waiters;
};

} // namespace tideline::kube
