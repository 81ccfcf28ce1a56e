#include "KubeConfig.h"

#include "core/Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace tideline::kube {

namespace {

// Thrown inside parse() only, turned into a Result there.
struct ParseError
{
    QString message;
};

QString toQ(const std::string &s)
{
    return QString::fromStdString(s);
}

QString scalar(const YAML::Node &map, const char *key, const QString &where)
{
    const YAML::Node n = map[key];
    if (!n || n.IsNull())
        return {};
    if (!n.IsScalar())
        throw ParseError{KubeConfig::tr("%1.%2 must be a string").arg(where, QString::fromLatin1(key))};
    return toQ(n.Scalar());
}

bool boolean(const YAML::Node &map, const char *key, const QString &where)
{
    const YAML::Node n = map[key];
    if (!n || n.IsNull())
        return false;
    bool value = false;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, value))
        throw ParseError{KubeConfig::tr("%1.%2 must be true or false").arg(where, QString::fromLatin1(key))};
    return value;
}

QByteArray base64Field(const YAML::Node &map, const char *key, const QString &where)
{
    const QString text = scalar(map, key, where);
    if (text.isEmpty())
        return {};
    auto decoded = QByteArray::fromBase64Encoding(text.toLatin1().trimmed(),
                                                  QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        throw ParseError{KubeConfig::tr("%1.%2 is not valid base64").arg(where, QString::fromLatin1(key))};
    return *decoded;
}

QString resolvePath(const QString &path, const QString &baseDir)
{
    if (path.isEmpty())
        return {};
    QString p = path;
    if (p.startsWith(u"~/"_s))
        p = QDir::homePath() + p.mid(1);
    if (QDir::isAbsolutePath(p))
        return QDir::cleanPath(p);
    return QDir::cleanPath(QDir(baseDir).filePath(p));
}

// A named list: "clusters: [{name: x, cluster: {...}}]"; `inner` is the nested key.
template<typename F>
void forEachNamed(const YAML::Node &root, const char *listKey, const char *inner, F &&f)
{
    const YAML::Node list = root[listKey];
    if (!list || list.IsNull())
        return;
    if (!list.IsSequence())
        throw ParseError{KubeConfig::tr("%1 must be a list").arg(QString::fromLatin1(listKey))};
    int index = 0;
    for (const YAML::Node &item : list) {
        const QString at = u"%1[%2]"_s.arg(QString::fromLatin1(listKey)).arg(index++);
        if (!item.IsMap())
            throw ParseError{KubeConfig::tr("%1 must be a mapping").arg(at)};
        const QString name = scalar(item, "name", at);
        if (name.isEmpty())
            throw ParseError{KubeConfig::tr("%1 has no name").arg(at)};
        const YAML::Node body = item[inner];
        if (body && !body.IsNull() && !body.IsMap())
            throw ParseError{KubeConfig::tr("%1.%2 must be a mapping").arg(at, QString::fromLatin1(inner))};
        const QString where = u"%1[%2].%3"_s.arg(QString::fromLatin1(listKey), name, QString::fromLatin1(inner));
        f(name, body ? body : YAML::Node(YAML::NodeType::Map), where);
    }
}

KubeExecConfig parseExec(const YAML::Node &n, const QString &where, const QString &baseDir)
{
    KubeExecConfig e;
    e.command = scalar(n, "command", where);
    if (e.command.isEmpty())
        throw ParseError{KubeConfig::tr("%1.command is required").arg(where)};
    e.apiVersion = scalar(n, "apiVersion", where);
    e.installHint = scalar(n, "installHint", where);
    e.provideClusterInfo = boolean(n, "provideClusterInfo", where);
    e.baseDir = baseDir;
    if (const YAML::Node args = n["args"]; args && !args.IsNull()) {
        if (!args.IsSequence())
            throw ParseError{KubeConfig::tr("%1.args must be a list").arg(where)};
        for (const YAML::Node &a : args)
            e.args << toQ(a.Scalar());
    }
    if (const YAML::Node env = n["env"]; env && !env.IsNull()) {
        if (!env.IsSequence())
            throw ParseError{KubeConfig::tr("%1.env must be a list").arg(where)};
        for (const YAML::Node &v : env) {
            if (!v.IsMap())
                throw ParseError{KubeConfig::tr("%1.env entries must have name and value").arg(where)};
            e.env.append({scalar(v, "name", where + u".env"_s), scalar(v, "value", where + u".env"_s)});
        }
    }
    const QString mode = scalar(n, "interactiveMode", where);
    const bool v1 = e.apiVersion == u"client.authentication.k8s.io/v1"_s;
    if (mode.isEmpty()) {
        // v1 makes the field required; v1beta1 defaults to IfAvailable (client-go).
        if (v1)
            throw ParseError{KubeConfig::tr("%1.interactiveMode must be specified for apiVersion %2")
                                 .arg(where, e.apiVersion)};
        e.interactiveMode = ExecInteractiveMode::IfAvailable;
    } else if (mode == u"Never"_s) {
        e.interactiveMode = ExecInteractiveMode::Never;
    } else if (mode == u"IfAvailable"_s) {
        e.interactiveMode = ExecInteractiveMode::IfAvailable;
    } else if (mode == u"Always"_s) {
        e.interactiveMode = ExecInteractiveMode::Always;
    } else {
        throw ParseError{KubeConfig::tr("%1.interactiveMode \"%2\" is not one of Never, IfAvailable, Always")
                             .arg(where, mode)};
    }
    if (e.apiVersion != u"client.authentication.k8s.io/v1"_s
        && e.apiVersion != u"client.authentication.k8s.io/v1beta1"_s) {
        throw ParseError{KubeConfig::tr("%1.apiVersion \"%2\" is not supported (use "
                                        "client.authentication.k8s.io/v1 or v1beta1)")
                             .arg(where, e.apiVersion)};
    }
    return e;
}

Result<QByteArray> readReferenced(const QString &file, const QString &what, const QString &source)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        return Error{u"kube.config"_s,
                     KubeConfig::tr("kubeconfig %1: %2: cannot read %3: %4").arg(source, what, file, f.errorString()),
                     {}};
    }
    return f.readAll();
}

} // namespace

QStringList KubeConfig::defaultPaths()
{
    const QByteArray env = qgetenv("KUBECONFIG");
    if (!env.isEmpty()) {
        QStringList out;
        for (const QString &p : QString::fromLocal8Bit(env).split(u':', Qt::SkipEmptyParts))
            out << p;
        return out;
    }
    return {QDir::homePath() + u"/.kube/config"_s};
}

Result<KubeConfig> KubeConfig::parse(const QByteArray &yaml, const QString &fileName)
{
    KubeConfig config;
    config.files << fileName;
    const QString baseDir = QFileInfo(fileName).absolutePath();
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root || root.IsNull())
            return config; // an empty file is an empty config
        if (!root.IsMap())
            throw ParseError{tr("the top level is not a mapping")};
        const QString kind = scalar(root, "kind", u"kind"_s);
        if (!kind.isEmpty() && kind != u"Config"_s)
            throw ParseError{tr("kind is \"%1\", expected Config").arg(kind)};
        config.currentContext = scalar(root, "current-context", u"current-context"_s);

        forEachNamed(root, "clusters", "cluster", [&](const QString &name, const YAML::Node &n, const QString &at) {
            if (config.cluster(name))
                return; // the first entry of a name wins, as in kubectl
            KubeCluster c;
            c.name = name;
            c.sourceFile = fileName;
            c.server = scalar(n, "server", at);
            c.certificateAuthority = resolvePath(scalar(n, "certificate-authority", at), baseDir);
            c.certificateAuthorityData = base64Field(n, "certificate-authority-data", at);
            c.insecureSkipTlsVerify = boolean(n, "insecure-skip-tls-verify", at);
            c.tlsServerName = scalar(n, "tls-server-name", at);
            c.proxyUrl = scalar(n, "proxy-url", at);
            config.clusters.append(c);
        });
        forEachNamed(root, "users", "user", [&](const QString &name, const YAML::Node &n, const QString &at) {
            if (config.user(name))
                return;
            KubeUser u;
            u.name = name;
            u.sourceFile = fileName;
            u.clientCertificate = resolvePath(scalar(n, "client-certificate", at), baseDir);
            u.clientCertificateData = base64Field(n, "client-certificate-data", at);
            u.clientKey = resolvePath(scalar(n, "client-key", at), baseDir);
            u.clientKeyData = base64Field(n, "client-key-data", at);
            u.token = scalar(n, "token", at);
            u.tokenFile = resolvePath(scalar(n, "tokenFile", at), baseDir);
            u.username = scalar(n, "username", at);
            u.password = scalar(n, "password", at);
            if (const YAML::Node exec = n["exec"]; exec && !exec.IsNull()) {
                if (!exec.IsMap())
                    throw ParseError{tr("%1.exec must be a mapping").arg(at)};
                u.exec = parseExec(exec, at + u".exec"_s, baseDir);
            }
            if (const YAML::Node ap = n["auth-provider"]; ap && ap.IsMap())
                u.authProvider = scalar(ap, "name", at + u".auth-provider"_s);
            config.users.append(u);
        });
        forEachNamed(root, "contexts", "context", [&](const QString &name, const YAML::Node &n, const QString &at) {
            if (config.context(name))
                return;
            KubeContext c;
            c.name = name;
            c.sourceFile = fileName;
            c.cluster = scalar(n, "cluster", at);
            c.user = scalar(n, "user", at);
            c.ns = scalar(n, "namespace", at);
            config.contexts.append(c);
        });
    } catch (const ParseError &e) {
        return Error{u"kube.config"_s, tr("kubeconfig %1: %2").arg(fileName, e.message), {}};
    } catch (const YAML::Exception &e) {
        // mark is 0-based; people count lines from 1.
        const QString where = e.mark.is_null() ? QString()
                                               : tr("line %1, column %2: ").arg(e.mark.line + 1).arg(e.mark.column + 1);
        return Error{u"kube.config"_s,
                     tr("kubeconfig %1: invalid YAML: %2%3").arg(fileName, where, toQ(e.msg)),
                     toQ(e.what())};
    }
    return config;
}

void KubeConfig::merge(const KubeConfig &other)
{
    for (const KubeCluster &c : other.clusters) {
        if (!cluster(c.name))
            clusters.append(c);
    }
    for (const KubeUser &u : other.users) {
        if (!user(u.name))
            users.append(u);
    }
    for (const KubeContext &c : other.contexts) {
        if (!context(c.name))
            contexts.append(c);
    }
    if (currentContext.isEmpty())
        currentContext = other.currentContext;
    files += other.files;
}

Result<KubeConfig> KubeConfig::loadFiles(const QStringList &paths)
{
    KubeConfig merged;
    for (const QString &path : paths) {
        QFileInfo info(path);
        if (!info.exists()) {
            qCDebug(lcKube) << "kubeconfig" << path << "does not exist, skipped";
            continue;
        }
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return Error{u"kube.config"_s, tr("kubeconfig %1: cannot read: %2").arg(path, f.errorString()), {}};
        auto one = parse(f.readAll(), info.absoluteFilePath());
        if (!one)
            return one.error();
        merged.merge(one.value());
    }
    return merged;
}

Result<KubeConfig> KubeConfig::load(const QString &explicitPath)
{
    if (explicitPath.isEmpty())
        return loadFiles(defaultPaths());
    if (!QFileInfo::exists(explicitPath))
        return Error{u"kube.config"_s, tr("kubeconfig %1: no such file").arg(explicitPath), {}};
    return loadFiles({explicitPath});
}

const KubeCluster *KubeConfig::cluster(const QString &name) const
{
    for (const KubeCluster &c : clusters) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

const KubeUser *KubeConfig::user(const QString &name) const
{
    for (const KubeUser &u : users) {
        if (u.name == name)
            return &u;
    }
    return nullptr;
}

const KubeContext *KubeConfig::context(const QString &name) const
{
    for (const KubeContext &c : contexts) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

Result<ResolvedKubeContext> KubeConfig::resolve(const QString &contextName) const
{
    const QString fileList = files.isEmpty() ? tr("(no kubeconfig file found)") : files.join(u':');
    const QString name = contextName.isEmpty() ? currentContext : contextName;
    if (name.isEmpty()) {
        return Error{u"kube.config"_s,
                     tr("kubeconfig %1: no current-context is set; pass a context").arg(fileList), {}};
    }
    const KubeContext *ctx = context(name);
    if (!ctx)
        return Error{u"kube.config"_s, tr("kubeconfig %1: context \"%2\" not found").arg(fileList, name), {}};
    const KubeCluster *cl = cluster(ctx->cluster);
    if (!cl) {
        return Error{u"kube.config"_s,
                     tr("kubeconfig %1: context \"%2\" refers to cluster \"%3\", which is not defined")
                         .arg(ctx->sourceFile, name, ctx->cluster), {}};
    }
    if (cl->server.isEmpty()) {
        return Error{u"kube.config"_s,
                     tr("kubeconfig %1: cluster \"%2\" has no server").arg(cl->sourceFile, cl->name), {}};
    }
    ResolvedKubeContext out;
    out.contextName = name;
    if (!ctx->ns.isEmpty())
        out.ns = ctx->ns;
    out.cluster = *cl;
    if (!ctx->user.isEmpty()) {
        const KubeUser *u = user(ctx->user);
        if (!u) {
            return Error{u"kube.config"_s,
                         tr("kubeconfig %1: context \"%2\" refers to user \"%3\", which is not defined")
                             .arg(ctx->sourceFile, name, ctx->user), {}};
        }
        out.user = *u;
    }
    const KubeUser &u = out.user;
    if (!u.authProvider.isEmpty()) {
        return Error{u"kube.config"_s,
                     tr("kubeconfig %1: user \"%2\" uses auth-provider \"%3\", which is not supported; "
                        "use an exec plugin instead").arg(u.sourceFile, u.name, u.authProvider), {}};
    }

    if (!cl->certificateAuthorityData.isEmpty()) {
        out.caPem = cl->certificateAuthorityData;
    } else if (!cl->certificateAuthority.isEmpty()) {
        auto ca = readReferenced(cl->certificateAuthority,
                                 u"clusters[%1].certificate-authority"_s.arg(cl->name), cl->sourceFile);
        if (!ca)
            return ca.error();
        out.caPem = ca.value();
    }
    if (!u.clientCertificateData.isEmpty()) {
        out.clientCertPem = u.clientCertificateData;
    } else if (!u.clientCertificate.isEmpty()) {
        auto cert = readReferenced(u.clientCertificate, u"users[%1].client-certificate"_s.arg(u.name), u.sourceFile);
        if (!cert)
            return cert.error();
        out.clientCertPem = cert.value();
    }
    if (!u.clientKeyData.isEmpty()) {
        out.clientKeyPem = u.clientKeyData;
    } else if (!u.clientKey.isEmpty()) {
        auto key = readReferenced(u.clientKey, u"users[%1].client-key"_s.arg(u.name), u.sourceFile);
        if (!key)
            return key.error();
        out.clientKeyPem = key.value();
    }
    if (out.clientCertPem.isEmpty() != out.clientKeyPem.isEmpty()) {
        return Error{u"kube.config"_s,
                     tr("kubeconfig %1: user \"%2\" has a client certificate without a key, or a key "
                        "without a certificate").arg(u.sourceFile, u.name), {}};
    }
    if (!u.tokenFile.isEmpty() && u.token.isEmpty() && !QFileInfo::exists(u.tokenFile)) {
        return Error{u"kube.config"_s,
                     tr("kubeconfig %1: users[%2].tokenFile: %3 does not exist").arg(u.sourceFile, u.name, u.tokenFile),
                     {}};
    }
    if (!u.token.isEmpty() && !u.username.isEmpty()) {
        return Error{u"kube.config"_s,
                     tr("kubeconfig %1: user \"%2\" sets both a token and a username/password; choose one")
                         .arg(u.sourceFile, u.name), {}};
    }
    return out;
}

} // namespace tideline::kube
