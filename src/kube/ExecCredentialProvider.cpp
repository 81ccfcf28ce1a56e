#include "ExecCredentialProvider.h"

#include "core/Logging.h"
#include "kube/KubeTypes.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace tideline::kube {

ExecCredentialProvider::ExecCredentialProvider(KubeExecConfig config, QString userName, KubeCluster cluster,
                                               QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_userName(std::move(userName))
    , m_cluster(std::move(cluster))
    , m_stdinTerminal(::isatty(STDIN_FILENO) == 1)
{
}

ExecCredentialProvider::~ExecCredentialProvider()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000);
    }
}

bool ExecCredentialProvider::hasCachedCredential() const
{
    if (!m_cached)
        return false;
    return !m_cached->expirationTimestamp.isValid()
        || QDateTime::currentDateTimeUtc() < m_cached->expirationTimestamp;
}

void ExecCredentialProvider::invalidate()
{
    m_cached.reset();
}

void ExecCredentialProvider::get(QObject *context, Callback callback)
{
    if (hasCachedCredential()) {
        const ExecCredential cred = *m_cached;
        QTimer::singleShot(0, context ? context : this, [callback = std::move(callback), cred] { callback(cred); });
        return;
    }
    m_waiters.push_back({QPointer<QObject>(context ? context : this), std::move(callback)});
    if (!m_process)
        start();
}

QString ExecCredentialProvider::resolvedProgram() const
{
    const QString &cmd = m_config.command;
    // client-go resolves a command with a path separator against the kubeconfig's directory;
    // a bare name is looked up on PATH.
    if (cmd.contains(u'/')) {
        const QString path = QDir::isAbsolutePath(cmd) ? cmd : QDir(m_config.baseDir).filePath(cmd);
        const QFileInfo info(path);
        return info.exists() && info.isExecutable() && info.isFile() ? info.absoluteFilePath() : QString();
    }
    return QStandardPaths::findExecutable(cmd);
}

QByteArray ExecCredentialProvider::execInfo(bool interactive) const
{
    QJsonObject spec{{u"interactive"_s, interactive}};
    if (m_config.provideClusterInfo) {
        QJsonObject cluster{{u"server"_s, m_cluster.server}};
        if (!m_cluster.tlsServerName.isEmpty())
            cluster.insert(u"tls-server-name"_s, m_cluster.tlsServerName);
        if (m_cluster.insecureSkipTlsVerify)
            cluster.insert(u"insecure-skip-tls-verify"_s, true);
        if (!m_cluster.certificateAuthorityData.isEmpty())
            cluster.insert(u"certificate-authority-data"_s,
                           QString::fromLatin1(m_cluster.certificateAuthorityData.toBase64()));
        if (!m_cluster.proxyUrl.isEmpty())
            cluster.insert(u"proxy-url"_s, m_cluster.proxyUrl);
        spec.insert(u"cluster"_s, cluster);
    }
    const QJsonObject info{{u"apiVersion"_s, m_config.apiVersion}, {u"kind"_s, u"ExecCredential"_s},
                           {u"spec"_s, spec}};
    return QJsonDocument(info).toJson(QJsonDocument::Compact);
}

void ExecCredentialProvider::start()
{
    const QString program = resolvedProgram();
    const QString who = m_userName.isEmpty() ? QString() : m_userName;
    if (program.isEmpty()) {
        QString message = tr("exec plugin '%1' not found: install it or fix users[%2].exec.command")
                              .arg(m_config.command, who);
        if (!m_config.installHint.isEmpty())
            message += u"\n"_s + m_config.installHint.trimmed();
        const Result<ExecCredential> result = Error{u"kube.exec.notfound"_s, message, {}};
        QTimer::singleShot(0, this, [this, result] { finish(result); });
        return;
    }
    bool interactive = false;
    switch (m_config.interactiveMode) {
    case ExecInteractiveMode::Never:
        interactive = false;
        break;
    case ExecInteractiveMode::IfAvailable:
        interactive = m_stdinTerminal;
        break;
    case ExecInteractiveMode::Always:
        if (!m_stdinTerminal) {
            const Result<ExecCredential> result = Error{
                u"kube.exec.interactive"_s,
                tr("exec plugin '%1' needs an interactive terminal (interactiveMode: Always), but stdin "
                   "is not a terminal").arg(m_config.command), {}};
            QTimer::singleShot(0, this, [this, result] { finish(result); });
            return;
        }
        interactive = true;
        break;
    }

    auto *process = new QProcess(this);
    m_process = process;
    ++m_runs;
    QProcessEnvironment env = m_baseEnvironment;
    for (const auto &[name, value] : m_config.env)
        env.insert(name, value);
    env.insert(u"KUBERNETES_EXEC_INFO"_s, QString::fromUtf8(execInfo(interactive)));
    process->setProcessEnvironment(env);
    process->setInputChannelMode(interactive ? QProcess::ForwardedInputChannel : QProcess::ManagedInputChannel);
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        process->deleteLater();
        finish(Error{u"kube.exec.failed"_s,
                     tr("exec plugin '%1' could not be started: %2").arg(m_config.command, process->errorString()),
                     {}});
    });
    connect(process, &QProcess::finished, this, [this, process](int exitCode, QProcess::ExitStatus status) {
        process->deleteLater();
        const QByteArray out = process->readAllStandardOutput();
        const QString err = QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
        if (!err.isEmpty())
            qCDebug(lcKube) << "exec plugin" << m_config.command << "stderr:" << err.left(2000);
        if (status != QProcess::NormalExit || exitCode != 0) {
            const QString why = status != QProcess::NormalExit ? tr("it crashed") : tr("exit code %1").arg(exitCode);
            QString message = tr("exec plugin '%1' failed (%2)").arg(m_config.command, why);
            if (!err.isEmpty())
                message += u": "_s + err.section(u'\n', -1);
            finish(Error{u"kube.exec.failed"_s, message, err});
            return;
        }
        finish(parseOutput(out, m_config.apiVersion, m_config.command));
    });
    process->start(program, m_config.args);
    if (!interactive)
        process->closeWriteChannel(); // Never / not a terminal: the plugin must not wait for input
}

void ExecCredentialProvider::finish(const Result<ExecCredential> &result)
{
    m_process = nullptr;
    if (result.ok())
        m_cached = result.value();
    std::vector<Waiter> waiters;
    waiters.swap(m_waiters);
    for (Waiter &w : waiters) {
        if (w.context)
            w.callback(result);
    }
}

Result<ExecCredential> ExecCredentialProvider::parseOutput(const QByteArray &stdoutBytes,
                                                           const QString &expectedApiVersion, const QString &command)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(stdoutBytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return Error{u"kube.exec.output"_s,
                     tr("exec plugin '%1' did not print an ExecCredential JSON object: %2")
                         .arg(command, parseError.errorString()),
                     QString::fromUtf8(stdoutBytes.left(200))};
    }
    const QJsonObject o = doc.object();
    if (o.value(u"kind"_s).toString() != u"ExecCredential"_s) {
        return Error{u"kube.exec.output"_s,
                     tr("exec plugin '%1' printed kind \"%2\", expected ExecCredential")
                         .arg(command, o.value(u"kind"_s).toString()), {}};
    }
    const QString apiVersion = o.value(u"apiVersion"_s).toString();
    if (apiVersion != expectedApiVersion) {
        return Error{u"kube.exec.output"_s,
                     tr("exec plugin '%1' is configured to use API version %2, but it returned %3")
                         .arg(command, expectedApiVersion, apiVersion), {}};
    }
    if (!o.contains(u"status"_s)) {
        return Error{u"kube.exec.output"_s,
                     tr("exec plugin '%1' returned an ExecCredential without status").arg(command), {}};
    }
    const QJsonObject status = o.value(u"status"_s).toObject();
    ExecCredential c;
    c.token = status.value(u"token"_s).toString();
    c.clientCertificatePem = status.value(u"clientCertificateData"_s).toString().toUtf8();
    c.clientKeyPem = status.value(u"clientKeyData"_s).toString().toUtf8();
    const QString expiry = status.value(u"expirationTimestamp"_s).toString();
    if (!expiry.isEmpty()) {
        c.expirationTimestamp = KubeTypes::parseTime(expiry);
        if (!c.expirationTimestamp.isValid()) {
            return Error{u"kube.exec.output"_s,
                         tr("exec plugin '%1' returned an invalid expirationTimestamp \"%2\"").arg(command, expiry),
                         {}};
        }
    }
    if (c.clientCertificatePem.isEmpty() != c.clientKeyPem.isEmpty()) {
        return Error{u"kube.exec.output"_s,
                     tr("exec plugin '%1' returned clientCertificateData without clientKeyData, or the reverse")
                         .arg(command), {}};
    }
    if (c.token.isEmpty() && c.clientCertificatePem.isEmpty()) {
        return Error{u"kube.exec.output"_s,
                     tr("exec plugin '%1' returned neither a token nor a client certificate").arg(command), {}};
    }
    return c;
}

} // namespace tideline::kube
