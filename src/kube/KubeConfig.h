#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace tideline::kube {

// users[].exec.interactiveMode (client.authentication.k8s.io).
enum class ExecInteractiveMode { Never, IfAvailable, Always };

// users[].user.exec: a credential plugin (kubeconfig v1 ExecConfig).
struct KubeExecConfig
{
    QString command;
    QStringList args;
    QList<QPair<QString, QString>> env;
    QString apiVersion;                 // client.authentication.k8s.io/v1 or v1beta1
    QString installHint;
    bool provideClusterInfo = false;
    ExecInteractiveMode interactiveMode = ExecInteractiveMode::IfAvailable;
    QString baseDir;                    // the kubeconfig's directory: a relative command is resolved here
};

// clusters[].cluster. File references are already absolute (resolved against the file that
// defined the entry).
struct KubeCluster
{
    QString name;
    QString server;
    QString certificateAuthority;       // path
    QByteArray certificateAuthorityData; // PEM (decoded from the base64 in the file)
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QString proxyUrl;
    QString sourceFile;
};

// users[].user.
struct KubeUser
{
    QString name;
    QString clientCertificate;          // path
    QByteArray clientCertificateData;   // PEM
    QString clientKey;                  // path
    QByteArray clientKeyData;           // PEM
    QString token;
    QString tokenFile;                  // path
    QString username;
    QString password;
    std::optional<KubeExecConfig> exec;
    QString authProvider;               // name of a legacy auth-provider (unsupported)
    QString sourceFile;
};

struct KubeContext
{
    QString name;
    QString cluster;
    QString user;
    QString ns;
    QString sourceFile;
};

// One context with its cluster and user looked up and every referenced file read.
struct ResolvedKubeContext
{
    QString contextName;
    QString ns = QStringLiteral("default");
    KubeCluster cluster;
    KubeUser user;
    QByteArray caPem;                   // from certificate-authority[-data]; empty: system CAs
    QByteArray clientCertPem;
    QByteArray clientKeyPem;
};

// A kubeconfig as kubectl sees it: one or more files merged (the first file to set a map key
// wins, and current-context comes from the first file that sets it).
class KubeConfig final
{
    Q_DECLARE_TR_FUNCTIONS(KubeConfig)

public:
    QList<KubeCluster> clusters;
    QList<KubeUser> users;
    QList<KubeContext> contexts;
    QString currentContext;
    QStringList files;                  // the files that were read, in order

    // $KUBECONFIG split on ':' (empty entries dropped), else ~/.kube/config.
    static QStringList defaultPaths();
    // Loads and merges the files; files that do not exist are skipped as kubectl does, but a
    // file that exists and cannot be read or parsed is an error naming it. No file at all
    // gives an empty config (resolve() then reports that nothing is configured).
    static Result<KubeConfig> loadFiles(const QStringList &paths);
    // `explicitPath` non-empty: that file alone, and it must exist (kubectl --kubeconfig).
    static Result<KubeConfig> load(const QString &explicitPath = {});
    // One file's text; `fileName` names it in errors and anchors relative paths.
    static Result<KubeConfig> parse(const QByteArray &yaml, const QString &fileName);

    const KubeCluster *cluster(const QString &name) const;
    const KubeUser *user(const QString &name) const;
    const KubeContext *context(const QString &name) const;

    // `contextName` empty: current-context. Fails with the file and the reason when a
    // reference is missing, a referenced file cannot be read, or the user config is invalid.
    Result<ResolvedKubeContext> resolve(const QString &contextName = {}) const;

    // Merges `other` into this config with kubectl's precedence (this one wins).
    void merge(const KubeConfig &other);
};

} // namespace tideline::kube
