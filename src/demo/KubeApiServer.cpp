#include "KubeApiServer.h"

#include "LocalServers.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace tideline::demo {

// ---------------------------------------------------------------------------------------------
// Types

struct KubeApiServer::Resource
{
    QString group;
    QString version;
    QString plural;
    QString singular;
    QString kind;
    QStringList shortNames;
    QStringList subresources;
    bool builtin = true;                // typed lists leave kind/apiVersion out of their items
    QString storedAs;                   // another resource's store ("events" for events.k8s.io)

    QString groupVersion() const { return group.isEmpty() ? version : group + u'/' + version; }
    // "deployments.apps", "events" (the qualified resource in API messages)
    QString qualified() const { return group.isEmpty() ? plural : plural + u'.' + group; }
};

struct KubeApiServer::Watch
{
    const Resource *resource = nullptr;
    QString ns;
    QString path;
    QList<QPair<QString, QString>> labelEq;
    QString fieldSelector;
    QString labelSelector;
    bool bookmarks = false;
    QTimer *bookmarkTimer = nullptr;
    QTimer *timeoutTimer = nullptr;

    ~Watch()
    {
        // Stopped and deleted later: the timeout timer may be the one calling endWatch().
        for (QTimer *t : {bookmarkTimer, timeoutTimer}) {
            if (t) {
                t->stop();
                t->disconnect();
                t->deleteLater();
            }
        }
    }
};

struct KubeApiServer::Connection
{
    QPointer<QSslSocket> socket;
    QByteArray buffer;
    QString certUser;
    std::unique_ptr<Watch> watch;
};

struct KubeApiServer::Request
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QString rawQuery;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    bool keepAlive = true;
};

struct KubeApiServer::Response
{
    int code = 200;
    QJsonObject body;
    bool streaming = false;             // a watch took over the connection
};

namespace {

QString nowString()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString reasonPhrase(int code)
{
    switch (code) {
    case 200: return u"OK"_s;
    case 201: return u"Created"_s;
    case 400: return u"Bad Request"_s;
    case 401: return u"Unauthorized"_s;
    case 403: return u"Forbidden"_s;
    case 404: return u"Not Found"_s;
    case 405: return u"Method Not Allowed"_s;
    case 409: return u"Conflict"_s;
    case 410: return u"Gone"_s;
    case 415: return u"Unsupported Media Type"_s;
    case 422: return u"Unprocessable Entity"_s;
    default: return u"Error"_s;
    }
}

QJsonObject status(int code, const QString &reason, const QString &message, const QJsonObject &details = {})
{
    QJsonObject s{{u"kind"_s, u"Status"_s},
                  {u"apiVersion"_s, u"v1"_s},
                  {u"metadata"_s, QJsonObject{}},
                  {u"status"_s, u"Failure"_s},
                  {u"message"_s, message},
                  {u"reason"_s, reason},
                  {u"code"_s, code}};
    if (!details.isEmpty())
        s.insert(u"details"_s, details);
    return s;
}

QJsonObject details(const QString &name, const QString &group, const QString &kind)
{
    QJsonObject d;
    if (!name.isEmpty())
        d.insert(u"name"_s, name);
    d.insert(u"group"_s, group);
    d.insert(u"kind"_s, kind);
    return d;
}

QJsonObject notFoundPath()
{
    return status(404, u"NotFound"_s, u"the server could not find the requested resource"_s, QJsonObject{});
}

// RFC 7386.
QJsonValue mergePatch(const QJsonValue &target, const QJsonValue &patch)
{
    if (!patch.isObject())
        return patch;
    QJsonObject out = target.isObject() ? target.toObject() : QJsonObject{};
    const QJsonObject p = patch.toObject();
    for (auto it = p.constBegin(); it != p.constEnd(); ++it) {
        if (it.value().isNull())
            out.remove(it.key());
        else
            out.insert(it.key(), mergePatch(out.value(it.key()), it.value()));
    }
    return out;
}

// RFC 6902, enough for objects and arrays addressed by index.
bool jsonPointerApply(QJsonValue &node, QStringList tokens, const QString &op, const QJsonValue &value)
{
    if (tokens.isEmpty())
        return false;
    const QString key = tokens.takeFirst();
    if (node.isObject()) {
        QJsonObject o = node.toObject();
        if (tokens.isEmpty()) {
            if (op == u"remove"_s) {
                if (!o.contains(key))
                    return false;
                o.remove(key);
            } else if (op == u"test"_s) {
                return o.value(key) == value;
            } else {
                if (op == u"replace"_s && !o.contains(key))
                    return false;
                o.insert(key, value);
            }
            node = o;
            return true;
        }
        QJsonValue child = o.value(key);
        if (!jsonPointerApply(child, tokens, op, value))
            return false;
        if (op != u"test"_s) {
            o.insert(key, child);
            node = o;
        }
        return true;
    }
    if (node.isArray()) {
        QJsonArray a = node.toArray();
        bool ok = false;
        const qsizetype index = key == u"-"_s ? a.size() : key.toLongLong(&ok);
        if (key != u"-"_s && (!ok || index < 0 || index > a.size()))
            return false;
        if (tokens.isEmpty()) {
            if (op == u"add"_s)
                a.insert(index, value);
            else if (index >= a.size())
                return false;
            else if (op == u"remove"_s)
                a.removeAt(index);
            else if (op == u"replace"_s)
                a[index] = value;
            else if (op == u"test"_s)
                return a.at(index) == value;
            node = a;
            return true;
        }
        if (index >= a.size())
            return false;
        QJsonValue child = a.at(index);
        if (!jsonPointerApply(child, tokens, op, value))
            return false;
        if (op != u"test"_s) {
            a[index] = child;
            node = a;
        }
        return true;
    }
    return false;
}

std::optional<QJsonObject> jsonPatch(const QJsonObject &target, const QJsonArray &ops, QString *why)
{
    QJsonValue doc = target;
    for (const QJsonValue &v : ops) {
        const QJsonObject op = v.toObject();
        const QString name = op.value(u"op"_s).toString();
        QStringList tokens = op.value(u"path"_s).toString().split(u'/');
        if (tokens.isEmpty() || !tokens.first().isEmpty()) {
            *why = u"invalid path"_s;
            return std::nullopt;
        }
        tokens.removeFirst();
        for (QString &t : tokens)
            t.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
        if (!jsonPointerApply(doc, tokens, name, op.value(u"value"_s))) {
            *why = u"the operation %1 on %2 failed"_s.arg(name, op.value(u"path"_s).toString());
            return std::nullopt;
        }
    }
    return doc.toObject();
}

QJsonValue lookupPath(const QJsonObject &o, const QString &dotted)
{
    QJsonValue v = o;
    for (const QString &part : dotted.split(u'.'))
        v = v.toObject().value(part);
    return v;
}

QString scalarText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 15);
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return {};
}

// fieldSelector "a.b=c,d!=e".
bool matchesFields(const QJsonObject &o, const QString &selector)
{
    for (const QString &term : selector.split(u',', Qt::SkipEmptyParts)) {
        const bool negate = term.contains(u"!="_s);
        const QString sep = negate ? u"!="_s : (term.contains(u"=="_s) ? u"=="_s : u"="_s);
        const qsizetype at = term.indexOf(sep);
        if (at < 0)
            return false;
        const QString field = term.left(at).trimmed();
        const QString want = term.mid(at + sep.size()).trimmed();
        const bool equal = scalarText(lookupPath(o, field)) == want;
        if (equal == negate)
            return false;
    }
    return true;
}

// labelSelector "a=b,c!=d,e,!f" (set-based "in" is not supported).
bool matchesLabels(const QJsonObject &o, const QString &selector)
{
    const QJsonObject labels = o.value(u"metadata"_s).toObject().value(u"labels"_s).toObject();
    for (QString term : selector.split(u',', Qt::SkipEmptyParts)) {
        term = term.trimmed();
        if (term.startsWith(u'!')) {
            if (labels.contains(term.mid(1)))
                return false;
            continue;
        }
        const bool negate = term.contains(u"!="_s);
        const QString sep = negate ? u"!="_s : (term.contains(u"=="_s) ? u"=="_s : u"="_s);
        const qsizetype at = term.indexOf(sep);
        if (at < 0) {
            if (!labels.contains(term))
                return false;
            continue;
        }
        const bool equal = labels.value(term.left(at)).toString() == term.mid(at + sep.size());
        if (equal == negate)
            return false;
    }
    return true;
}

qint64 rvOf(const QJsonObject &o)
{
    return o.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString().toLongLong();
}

QJsonObject withMeta(QJsonObject o, const QString &key, const QJsonValue &value)
{
    QJsonObject meta = o.value(u"metadata"_s).toObject();
    meta.insert(key, value);
    o.insert(u"metadata"_s, meta);
    return o;
}

// core/v1 Event -> events.k8s.io/v1 Event.
QJsonObject toEventsV1(const QJsonObject &core)
{
    QJsonObject e{{u"kind"_s, u"Event"_s}, {u"apiVersion"_s, u"events.k8s.io/v1"_s},
                  {u"metadata"_s, core.value(u"metadata"_s)}};
    const auto copy = [&](const QString &from, const QString &to) {
        if (core.contains(from))
            e.insert(to, core.value(from));
    };
    copy(u"eventTime"_s, u"eventTime"_s);
    copy(u"series"_s, u"series"_s);
    copy(u"reason"_s, u"reason"_s);
    copy(u"type"_s, u"type"_s);
    copy(u"action"_s, u"action"_s);
    copy(u"involvedObject"_s, u"regarding"_s);
    copy(u"related"_s, u"related"_s);
    copy(u"message"_s, u"note"_s);
    copy(u"source"_s, u"deprecatedSource"_s);
    copy(u"firstTimestamp"_s, u"deprecatedFirstTimestamp"_s);
    copy(u"lastTimestamp"_s, u"deprecatedLastTimestamp"_s);
    copy(u"count"_s, u"deprecatedCount"_s);
    copy(u"reportingInstance"_s, u"reportingInstance"_s);
    if (core.contains(u"reportingComponent"_s))
        e.insert(u"reportingController"_s, core.value(u"reportingComponent"_s));
    else if (core.value(u"source"_s).toObject().contains(u"component"_s))
        e.insert(u"reportingController"_s, core.value(u"source"_s).toObject().value(u"component"_s));
    return e;
}

QJsonObject invalid(const QString &kindQualified, const QString &name, const QString &group, const QString &kind,
                    const QList<QPair<QString, QString>> &causes)
{
    // causes: (field, "Invalid value: X: text")
    QStringList parts;
    QJsonArray causeArray;
    for (const auto &[field, text] : causes) {
        parts << field + u": "_s + text;
        causeArray.append(QJsonObject{{u"reason"_s, u"FieldValueInvalid"_s}, {u"message"_s, text},
                                      {u"field"_s, field}});
    }
    const QString list = parts.size() == 1 ? parts.first() : u"["_s + parts.join(u", "_s) + u"]"_s;
    QJsonObject d = details(name, group, kind);
    d.insert(u"causes"_s, causeArray);
    return status(422, u"Invalid"_s, u"%1 \"%2\" is invalid: %3"_s.arg(kindQualified, name, list), d);
}

// Length-delimited fields of one protobuf message (wire type 2), by field number; other wire
// types are skipped. Enough for the string-only messages of a SelfSubjectAccessReview.
QMultiMap<int, QByteArray> protobufFields(const QByteArray &m)
{
    QMultiMap<int, QByteArray> out;
    qsizetype i = 0;
    const auto varint = [&](bool *ok) {
        quint64 v = 0;
        int shift = 0;
        while (i < m.size() && shift < 64) {
            const auto b = quint8(m.at(i++));
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                *ok = true;
                return v;
            }
            shift += 7;
        }
        *ok = false;
        return v;
    };
    while (i < m.size()) {
        bool ok = false;
        const quint64 key = varint(&ok);
        if (!ok)
            break;
        const int wire = int(key & 7);
        if (wire == 0) {
            varint(&ok);
        } else if (wire == 2) {
            const quint64 len = varint(&ok);
            if (!ok || i + qsizetype(len) > m.size())
                break;
            out.insert(int(key >> 3), m.mid(i, qsizetype(len)));
            i += qsizetype(len);
        } else if (wire == 1) {
            i += 8;
        } else if (wire == 5) {
            i += 4;
        } else {
            break;
        }
    }
    return out;
}

// runtime.Unknown envelope ("k8s\0" + Unknown{typeMeta, raw}) holding a SelfSubjectAccessReview,
// turned into its JSON form.
QJsonObject protobufAccessReview(const QByteArray &body)
{
    if (!body.startsWith(QByteArray("k8s\0", 4)))
        return {};
    const QByteArray raw = protobufFields(body.mid(4)).value(2);
    const QByteArray spec = protobufFields(raw).value(2);
    const QByteArray attrs = protobufFields(spec).value(1);
    const auto f = protobufFields(attrs);
    const QStringList names{u"namespace"_s, u"verb"_s, u"group"_s, u"version"_s, u"resource"_s, u"subresource"_s, u"name"_s};
    QJsonObject a;
    for (int n = 1; n <= names.size(); ++n) {
        if (f.contains(n))
            a.insert(names.at(n - 1), QString::fromUtf8(f.value(n)));
    }
    return QJsonObject{{u"kind"_s, u"SelfSubjectAccessReview"_s}, {u"apiVersion"_s, u"authorization.k8s.io/v1"_s},
                       {u"spec"_s, QJsonObject{{u"resourceAttributes"_s, a}}}};
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Setup

KubeApiServer::KubeApiServer(QObject *parent) : QObject(parent)
{
    const QStringList rw{u"create"_s, u"delete"_s, u"get"_s, u"list"_s, u"patch"_s, u"update"_s, u"watch"_s};
    m_resources = {
        {u""_s, u"v1"_s, u"events"_s, u"event"_s, u"Event"_s, {u"ev"_s}, {}, true, {}},
        {u"apps"_s, u"v1"_s, u"deployments"_s, u"deployment"_s, u"Deployment"_s, {u"deploy"_s}, {u"scale"_s}, true, {}},
        {u"apps"_s, u"v1"_s, u"statefulsets"_s, u"statefulset"_s, u"StatefulSet"_s, {u"sts"_s}, {u"scale"_s}, true, {}},
        {u"autoscaling"_s, u"v2"_s, u"horizontalpodautoscalers"_s, u"horizontalpodautoscaler"_s,
         u"HorizontalPodAutoscaler"_s, {u"hpa"_s}, {}, true, {}},
        {u"events.k8s.io"_s, u"v1"_s, u"events"_s, u"event"_s, u"Event"_s, {u"ev"_s}, {}, true, u"events"_s},
        {u"keda.sh"_s, u"v1alpha1"_s, u"scaledobjects"_s, u"scaledobject"_s, u"ScaledObject"_s, {u"so"_s}, {}, false, {}},
    };
}

KubeApiServer::~KubeApiServer()
{
    stop();
}

bool KubeApiServer::runOpenssl(const QStringList &args, QString *error)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(findProgram(u"openssl"_s), args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = u"openssl %1 failed: %2"_s.arg(args.join(u' '), QString::fromLocal8Bit(p.readAllStandardError()));
        return false;
    }
    return true;
}

bool KubeApiServer::generatePki(QString *error)
{
    if (findProgram(u"openssl"_s).isEmpty()) {
        *error = u"openssl not found"_s;
        return false;
    }
    QFile ext(m_dir.filePath(u"server.ext"_s));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("subjectAltName=DNS:localhost,DNS:kubernetes.default.svc,IP:127.0.0.1\n"
              "extendedKeyUsage=serverAuth\nkeyUsage=digitalSignature,keyEncipherment\n");
    ext.close();
    QFile caExt(m_dir.filePath(u"ca.ext"_s));
    if (!caExt.open(QIODevice::WriteOnly))
        return false;
    caExt.write("basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign,digitalSignature\n"
                "subjectKeyIdentifier=hash\n");
    caExt.close();
    return runOpenssl({u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"2"_s,
                       u"-subj"_s, u"/CN=tideline-fake-kube-ca"_s, u"-addext"_s,
                       u"basicConstraints=critical,CA:TRUE"_s, u"-addext"_s,
                       u"keyUsage=critical,keyCertSign,cRLSign,digitalSignature"_s, u"-keyout"_s, u"ca.key"_s,
                       u"-out"_s, u"ca.crt"_s}, error)
        && runOpenssl({u"req"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-subj"_s, u"/CN=kube-apiserver"_s,
                       u"-keyout"_s, u"server.key"_s, u"-out"_s, u"server.csr"_s}, error)
        && runOpenssl({u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.crt"_s, u"-CAkey"_s,
                       u"ca.key"_s, u"-CAcreateserial"_s, u"-days"_s, u"2"_s, u"-extfile"_s, u"server.ext"_s,
                       u"-out"_s, u"server.crt"_s}, error);
}

bool KubeApiServer::issueClientCertificate(const QString &user, QString *certFile, QString *keyFile,
                                               QString *error, bool ec)
{
    const QString base = u"client-"_s + QString::number(qHash(user), 16) + (ec ? u"-ec"_s : u""_s);
    QFile ext(m_dir.filePath(u"client.ext"_s));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("extendedKeyUsage=clientAuth\nkeyUsage=digitalSignature,keyEncipherment\n");
    ext.close();
    const QStringList keyArgs = ec ? QStringList{u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s}
                                   : QStringList{u"-newkey"_s, u"rsa:2048"_s};
    if (!runOpenssl(QStringList{u"req"_s} + keyArgs
                        + QStringList{u"-nodes"_s, u"-subj"_s, u"/O=tideline-testers/CN="_s + user, u"-keyout"_s,
                                      base + u".key"_s, u"-out"_s, base + u".csr"_s},
                    error)
        || !runOpenssl({u"x509"_s, u"-req"_s, u"-in"_s, base + u".csr"_s, u"-CA"_s, u"ca.crt"_s, u"-CAkey"_s,
                        u"ca.key"_s, u"-CAcreateserial"_s, u"-days"_s, u"2"_s, u"-extfile"_s, u"client.ext"_s,
                        u"-out"_s, base + u".crt"_s},
                       error))
        return false;
    *certFile = m_dir.filePath(base + u".crt"_s);
    *keyFile = m_dir.filePath(base + u".key"_s);
    return true;
}

bool KubeApiServer::issueUntrustedCertificate(const QString &user, QString *certFile, QString *keyFile,
                                                  QString *error)
{
    if (!runOpenssl({u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-days"_s, u"2"_s,
                     u"-subj"_s, u"/CN="_s + user, u"-keyout"_s, u"untrusted.key"_s, u"-out"_s,
                     u"untrusted.crt"_s}, error))
        return false;
    *certFile = m_dir.filePath(u"untrusted.crt"_s);
    *keyFile = m_dir.filePath(u"untrusted.key"_s);
    return true;
}

bool KubeApiServer::start(QString *error)
{
    QString local;
    if (!error)
        error = &local;
    if (!m_dir.isValid()) {
        *error = u"cannot create a temporary directory"_s;
        return false;
    }
    if (!QFile::exists(caFile()) && !generatePki(error))
        return false;
    QFile certFile(m_dir.filePath(u"server.crt"_s));
    QFile keyFile(m_dir.filePath(u"server.key"_s));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        *error = u"cannot read the generated server certificate"_s;
        return false;
    }
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificate(QSslCertificate(certFile.readAll(), QSsl::Pem));
    ssl.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem));
    ssl.setCaCertificates(QSslCertificate::fromPath(caFile()));
    // Ask for a client certificate, but let token users in without one; a certificate that
    // does not verify is checked after the handshake and makes the user anonymous.
    ssl.setPeerVerifyMode(QSslSocket::QueryPeer);
    m_server = std::make_unique<QSslServer>();
    m_server->setSslConfiguration(ssl);
    connect(m_server.get(), &QSslServer::pendingConnectionAvailable, this, &KubeApiServer::onNewConnection);
    connect(m_server.get(), &QSslServer::peerVerifyError, this, [](QSslSocket *socket, const QSslError &) {
        socket->setProperty("tidelinePeerVerifyFailed", true);
    });
    connect(m_server.get(), &QSslServer::sslErrors, this, [](QSslSocket *socket, const QList<QSslError> &) {
        // QueryPeer: errors about the client's certificate are judged per request.
        socket->ignoreSslErrors();
    });
    if (!m_server->listen(QHostAddress(m_listenAddress), 0)) {
        *error = u"cannot listen: %1"_s.arg(m_server->errorString());
        return false;
    }
    return true;
}

void KubeApiServer::stop()
{
    for (Connection *c : std::as_const(m_connections)) {
        if (c->socket) {
            c->socket->disconnect(this);
            c->socket->abort();
            c->socket->deleteLater();
        }
        delete c;
    }
    m_connections.clear();
    if (m_server)
        m_server->close();
    m_server.reset();
}

quint16 KubeApiServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString KubeApiServer::url() const
{
    const QHostAddress address(m_listenAddress);
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + m_listenAddress + u']'
                                                                               : m_listenAddress;
    return u"https://%1:%2"_s.arg(host).arg(port());
}

QString KubeApiServer::caFile() const
{
    return m_dir.filePath(u"ca.crt"_s);
}

QByteArray KubeApiServer::caPem() const
{
    QFile f(caFile());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString KubeApiServer::writeKubeconfig(const QString &fileName, const QStringList &userYaml,
                                          const QString &ns) const
{
    const QString path = m_dir.filePath(fileName);
    QStringList lines{u"apiVersion: v1"_s, u"kind: Config"_s, u"clusters:"_s, u"- name: fake"_s, u"  cluster:"_s,
                      u"    server: %1"_s.arg(url()), u"    certificate-authority: %1"_s.arg(caFile()),
                      u"contexts:"_s, u"- name: fake"_s, u"  context:"_s, u"    cluster: fake"_s,
                      u"    user: tester"_s, u"    namespace: %1"_s.arg(ns), u"current-context: fake"_s,
                      u"users:"_s, u"- name: tester"_s, u"  user:"_s};
    for (const QString &l : userYaml)
        lines << u"    "_s + l;
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    f.write(lines.join(u'\n').toUtf8() + '\n');
    return path;
}

static QJsonObject workload(const QString &kind, const QString &name, int replicas, int ready, const QString &ns)
{
    const QJsonObject labels{{u"app"_s, name}};
    QJsonObject status{{u"replicas"_s, replicas}, {u"readyReplicas"_s, ready}, {u"updatedReplicas"_s, replicas},
                       {u"observedGeneration"_s, 1}};
    if (kind == u"Deployment"_s)
        status.insert(u"availableReplicas"_s, ready);
    else
        status.insert(u"availableReplicas"_s, ready);
    return QJsonObject{
        {u"kind"_s, kind}, {u"apiVersion"_s, u"apps/v1"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, ns}, {u"labels"_s, labels}}},
        {u"spec"_s, QJsonObject{{u"replicas"_s, replicas},
                                {u"selector"_s, QJsonObject{{u"matchLabels"_s, labels}}},
                                {u"template"_s, QJsonObject{
                                     {u"metadata"_s, QJsonObject{{u"labels"_s, labels}}},
                                     {u"spec"_s, QJsonObject{{u"containers"_s, QJsonArray{QJsonObject{
                                                                 {u"name"_s, name}, {u"image"_s, u"busybox"_s}}}}}}}}}},
        {u"status"_s, status}};
}

QJsonObject KubeApiServer::deployment(const QString &name, int replicas, int ready, const QString &ns)
{
    return workload(u"Deployment"_s, name, replicas, ready, ns);
}

QJsonObject KubeApiServer::statefulSet(const QString &name, int replicas, int ready, const QString &ns)
{
    QJsonObject o = workload(u"StatefulSet"_s, name, replicas, ready, ns);
    QJsonObject spec = o.value(u"spec"_s).toObject();
    spec.insert(u"serviceName"_s, name);
    o.insert(u"spec"_s, spec);
    return o;
}

QJsonObject KubeApiServer::hpa(const QString &name, const QString &target, int minReplicas, int maxReplicas,
                                   const QString &metric, double targetValue, int currentReplicas,
                                   double currentValue, const QString &ns)
{
    const QJsonObject metricId{{u"name"_s, metric}};
    return QJsonObject{
        {u"kind"_s, u"HorizontalPodAutoscaler"_s}, {u"apiVersion"_s, u"autoscaling/v2"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, ns}}},
        {u"spec"_s, QJsonObject{
             {u"scaleTargetRef"_s, QJsonObject{{u"apiVersion"_s, u"apps/v1"_s}, {u"kind"_s, u"Deployment"_s},
                                               {u"name"_s, target}}},
             {u"minReplicas"_s, minReplicas}, {u"maxReplicas"_s, maxReplicas},
             {u"metrics"_s, QJsonArray{QJsonObject{
                  {u"type"_s, u"Pods"_s},
                  {u"pods"_s, QJsonObject{{u"metric"_s, metricId},
                                          {u"target"_s, QJsonObject{{u"type"_s, u"AverageValue"_s},
                                                                    {u"averageValue"_s, QString::number(targetValue)}}}}}}}}}},
        {u"status"_s, QJsonObject{
             {u"currentReplicas"_s, currentReplicas}, {u"desiredReplicas"_s, currentReplicas},
             {u"currentMetrics"_s, QJsonArray{QJsonObject{
                  {u"type"_s, u"Pods"_s},
                  {u"pods"_s, QJsonObject{{u"metric"_s, metricId},
                                          {u"current"_s, QJsonObject{{u"averageValue"_s, QString::number(currentValue)}}}}}}}},
             {u"conditions"_s, QJsonArray{QJsonObject{{u"type"_s, u"AbleToScale"_s}, {u"status"_s, u"True"_s},
                                                      {u"reason"_s, u"ReadyForNewScale"_s},
                                                      {u"message"_s, u"recommended size matches current size"_s},
                                                      {u"lastTransitionTime"_s, nowString()}}}}}}};
}

QJsonObject KubeApiServer::event(const QString &name, const QString &kind, const QString &objectName,
                                     const QString &reason, const QString &message, const QString &type,
                                     const QString &ns)
{
    const QString now = nowString();
    return QJsonObject{
        {u"kind"_s, u"Event"_s}, {u"apiVersion"_s, u"v1"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, ns}}},
        {u"involvedObject"_s, QJsonObject{{u"kind"_s, kind}, {u"namespace"_s, ns}, {u"name"_s, objectName},
                                          {u"apiVersion"_s, kind == u"HorizontalPodAutoscaler"_s ? u"autoscaling/v2"_s
                                                                                                  : u"apps/v1"_s}}},
        {u"reason"_s, reason}, {u"message"_s, message}, {u"type"_s, type},
        {u"source"_s, QJsonObject{{u"component"_s, u"deployment-controller"_s}}},
        {u"firstTimestamp"_s, now}, {u"lastTimestamp"_s, now}, {u"count"_s, 1},
        {u"eventTime"_s, QJsonValue()}, {u"reportingComponent"_s, u"deployment-controller"_s},
        {u"reportingInstance"_s, u""_s}};
}

QJsonObject KubeApiServer::scaledObject(const QString &name, const QString &target, int minReplicas,
                                            int maxReplicas, const QString &ns)
{
    return QJsonObject{
        {u"kind"_s, u"ScaledObject"_s}, {u"apiVersion"_s, u"keda.sh/v1alpha1"_s},
        {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, ns}}},
        {u"spec"_s, QJsonObject{
             {u"scaleTargetRef"_s, QJsonObject{{u"name"_s, target}}},
             {u"minReplicaCount"_s, minReplicas}, {u"maxReplicaCount"_s, maxReplicas},
             {u"triggers"_s, QJsonArray{QJsonObject{
                  {u"type"_s, u"rabbitmq"_s},
                  {u"metadata"_s, QJsonObject{{u"queueName"_s, u"jobs"_s}, {u"mode"_s, u"QueueLength"_s},
                                              {u"value"_s, u"20"_s}}}}}}}},
        {u"status"_s, QJsonObject{{u"hpaName"_s, QString(u"keda-hpa-"_s + name)}}}};
}

void KubeApiServer::addToken(const QString &token, const QString &user)
{
    m_tokens.insert(token, user);
}

void KubeApiServer::allowAll(const QString &user)
{
    m_rules[user] = {Rule{{u"*"_s}, {u"*"_s}, {u"*"_s}, {}, {}}};
}

void KubeApiServer::setRules(const QString &user, const QList<Rule> &rules)
{
    m_rules[user] = rules;
}

// ---------------------------------------------------------------------------------------------
// Store

const KubeApiServer::Resource *KubeApiServer::findResource(const QString &group, const QString &version,
                                                                   const QString &plural) const
{
    for (const Resource &r : m_resources) {
        if (r.group == group && r.version == version && r.plural == plural) {
            if (r.group == u"keda.sh"_s && !m_keda)
                return nullptr;
            return &r;
        }
    }
    return nullptr;
}

QString KubeApiServer::storeKey(const Resource &r, const QString &ns, const QString &name) const
{
    const QString plural = r.storedAs.isEmpty() ? r.plural : r.storedAs;
    const QString group = r.storedAs.isEmpty() ? r.group : QString();
    return group + u'/' + plural + u'/' + ns + u'/' + name;
}

QJsonObject KubeApiServer::view(const Resource &r, const QJsonObject &stored) const
{
    if (r.group == u"events.k8s.io"_s)
        return toEventsV1(stored);
    return stored;
}

QJsonObject KubeApiServer::seed(const QJsonObject &input)
{
    const QString kind = input.value(u"kind"_s).toString();
    const QString apiVersion = input.value(u"apiVersion"_s).toString();
    const Resource *resource = nullptr;
    for (const Resource &r : m_resources) {
        if (r.kind == kind && r.groupVersion() == apiVersion && r.storedAs.isEmpty())
            resource = &r;
    }
    Q_ASSERT_X(resource, "KubeApiServer::seed", "unknown kind/apiVersion");
    if (!resource)
        return {};
    QJsonObject o = input;
    QJsonObject meta = o.value(u"metadata"_s).toObject();
    if (!meta.contains(u"namespace"_s))
        meta.insert(u"namespace"_s, u"default"_s);
    meta.insert(u"uid"_s, QUuid::createUuid().toString(QUuid::WithoutBraces));
    if (!meta.contains(u"creationTimestamp"_s))
        meta.insert(u"creationTimestamp"_s, nowString());
    if (kind != u"Event"_s)
        meta.insert(u"generation"_s, 1);
    meta.insert(u"resourceVersion"_s, QString::number(++m_rv));
    o.insert(u"metadata"_s, meta);
    const QString key = storeKey(*resource, meta.value(u"namespace"_s).toString(), meta.value(u"name"_s).toString());
    const bool existed = m_store.contains(key);
    m_store.insert(key, o);
    record(existed ? u"MODIFIED"_s : u"ADDED"_s, key, o);
    return o;
}

QJsonObject KubeApiServer::object(const QString &resource, const QString &ns, const QString &name) const
{
    for (const Resource &r : m_resources) {
        if (r.plural == resource && r.storedAs.isEmpty())
            return m_store.value(storeKey(r, ns, name));
    }
    return {};
}

bool KubeApiServer::mutate(const QString &resource, const QString &ns, const QString &name,
                               const std::function<void(QJsonObject &)> &change)
{
    for (const Resource &r : m_resources) {
        if (r.plural != resource || !r.storedAs.isEmpty())
            continue;
        const QString key = storeKey(r, ns, name);
        if (!m_store.contains(key))
            return false;
        QJsonObject o = m_store.value(key);
        change(o);
        o = withMeta(o, u"resourceVersion"_s, QString::number(++m_rv));
        m_store.insert(key, o);
        record(u"MODIFIED"_s, key, o);
        return true;
    }
    return false;
}

bool KubeApiServer::remove(const QString &resource, const QString &ns, const QString &name)
{
    for (const Resource &r : m_resources) {
        if (r.plural != resource || !r.storedAs.isEmpty())
            continue;
        const QString key = storeKey(r, ns, name);
        if (!m_store.contains(key))
            return false;
        QJsonObject o = withMeta(m_store.take(key), u"resourceVersion"_s, QString::number(++m_rv));
        record(u"DELETED"_s, key, o);
        return true;
    }
    return false;
}

void KubeApiServer::compact()
{
    m_compactedRv = m_rv;
    m_history.clear();
}

void KubeApiServer::record(const QString &type, const QString &key, const QJsonObject &object)
{
    const qint64 rv = rvOf(object);
    m_history.append({rv, type, key, object});
    notify(type, key, object, rv);
}

void KubeApiServer::notify(const QString &type, const QString &key, const QJsonObject &object, qint64)
{
    for (Connection *c : std::as_const(m_connections)) {
        if (!c->watch || !c->socket)
            continue;
        const Watch &w = *c->watch;
        const Resource &r = *w.resource;
        const QString prefix = storeKey(r, w.ns, QString());
        // Namespace-wide: prefix ends with "ns/"; all namespaces: match "group/plural/".
        const QString scope = w.ns.isEmpty() ? storeKey(r, QString(), QString()).chopped(1) : prefix;
        if (!key.startsWith(scope))
            continue;
        const QJsonObject v = view(r, object);
        if (!w.fieldSelector.isEmpty() && !matchesFields(v, w.fieldSelector))
            continue;
        if (!w.labelSelector.isEmpty() && !matchesLabels(v, w.labelSelector))
            continue;
        const QJsonObject event{{u"type"_s, type}, {u"object"_s, v}};
        writeChunk(c, QJsonDocument(event).toJson(QJsonDocument::Compact) + '\n');
    }
}

// ---------------------------------------------------------------------------------------------
// HTTP

void KubeApiServer::onNewConnection()
{
    while (QTcpSocket *tcp = m_server->nextPendingConnection()) {
        auto *socket = qobject_cast<QSslSocket *>(tcp);
        if (!socket) {
            tcp->abort();
            tcp->deleteLater();
            continue;
        }
        auto *c = new Connection;
        c->socket = socket;
        // The client certificate counts only if it verified against our CA.
        const QSslCertificate peer = socket->peerCertificate();
        if (!peer.isNull()) {
            bool verified = !socket->property("tidelinePeerVerifyFailed").toBool();
            for (const QSslError &e : socket->sslHandshakeErrors()) {
                if (!e.certificate().isNull() || e.error() != QSslError::NoError)
                    verified = false;
            }
            const QList<QSslCertificate> cas = QSslCertificate::fromPath(caFile());
            if (verified && !cas.isEmpty() && peer.issuerDisplayName() != cas.first().subjectDisplayName())
                verified = false;
            if (verified)
                c->certUser = peer.subjectInfo(QSslCertificate::CommonName).value(0);
        }
        m_connections.append(c);
        connect(socket, &QSslSocket::readyRead, this, [this, c] { onReadyRead(c); });
        connect(socket, &QSslSocket::disconnected, this, [this, c] {
            // Deleted later: this can run inside onReadyRead() for the same connection.
            m_connections.removeOne(c);
            c->watch.reset();
            if (c->socket)
                c->socket->deleteLater();
            QMetaObject::invokeMethod(this, [c] { delete c; }, Qt::QueuedConnection);
        });
        if (socket->bytesAvailable() > 0)
            onReadyRead(c);
    }
}

void KubeApiServer::onReadyRead(Connection *c)
{
    if (!c->socket)
        return;
    c->buffer += c->socket->readAll();
    while (!c->watch) {
        const qsizetype end = c->buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request req;
        const QList<QByteArray> lines = c->buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        if (first.size() != 3) {
            c->socket->abort();
            return;
        }
        req.method = first.at(0);
        const QByteArray target = first.at(1);
        const qsizetype q = target.indexOf('?');
        req.path = QUrl::fromPercentEncoding(q < 0 ? target : target.left(q));
        req.rawQuery = q < 0 ? QString() : QString::fromLatin1(target.mid(q + 1));
        req.query = QUrlQuery(req.rawQuery);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                req.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        qsizetype bodyStart = end + 4;
        if (req.headers.value("transfer-encoding").toLower() == "chunked") {
            QByteArray body;
            qsizetype pos = bodyStart;
            for (;;) {
                const qsizetype nl = c->buffer.indexOf("\r\n", pos);
                if (nl < 0)
                    return; // wait for more
                bool ok = false;
                const qsizetype size = c->buffer.mid(pos, nl - pos).split(';').first().trimmed().toLongLong(&ok, 16);
                if (!ok) {
                    c->socket->abort();
                    return;
                }
                if (c->buffer.size() < nl + 2 + size + 2)
                    return;
                body += c->buffer.mid(nl + 2, size);
                pos = nl + 2 + size + 2;
                if (size == 0)
                    break;
            }
            req.body = body;
            bodyStart = pos;
        } else {
            const qsizetype length = req.headers.value("content-length", "0").toLongLong();
            if (c->buffer.size() < bodyStart + length)
                return;
            req.body = c->buffer.mid(bodyStart, length);
            bodyStart += length;
        }
        c->buffer.remove(0, bodyStart);
        req.keepAlive = first.at(2) == "HTTP/1.1" && req.headers.value("connection").toLower() != "close";
        dispatch(c, req);
        if (!c->socket || c->socket->state() != QAbstractSocket::ConnectedState)
            return;
    }
}

void KubeApiServer::dispatch(Connection *c, const Request &req)
{
    QString user = c->certUser;
    const QByteArray auth = req.headers.value("authorization");
    if (user.isEmpty() && auth.startsWith("Bearer "))
        user = m_tokens.value(QString::fromUtf8(auth.mid(7).trimmed()));
    RequestRecord rec{req.method, req.path, req.rawQuery, req.headers.value("content-type"),
                      req.headers.value("accept"), user, auth.split(' ').first(), 0};
    Response res;
    if (user.isEmpty())
        res = {401, status(401, u"Unauthorized"_s, u"Unauthorized"_s), false};
    else
        res = route(c, req, user);
    rec.status = res.code;
    m_requests.append(rec);
    if (!res.streaming)
        send(c, res, req);
}

void KubeApiServer::send(Connection *c, const Response &res, const Request &req)
{
    if (!c->socket)
        return;
    const QByteArray body = QJsonDocument(res.body).toJson(QJsonDocument::Compact) + '\n';
    QByteArray head = "HTTP/1.1 " + QByteArray::number(res.code) + ' ' + reasonPhrase(res.code).toLatin1() + "\r\n";
    head += "Content-Type: application/json\r\n";
    head += "Cache-Control: no-cache, private\r\n";
    head += "Audit-Id: " + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + "\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (!req.keepAlive)
        head += "Connection: close\r\n";
    head += "\r\n";
    c->socket->write(head + body);
    if (!req.keepAlive)
        c->socket->disconnectFromHost();
}

void KubeApiServer::writeChunk(Connection *c, const QByteArray &data)
{
    if (!c->socket)
        return;
    c->socket->write(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
}

void KubeApiServer::endWatch(Connection *c, bool closeConnection)
{
    if (!c->watch)
        return;
    c->watch.reset();
    if (!c->socket)
        return;
    c->socket->write("0\r\n\r\n");
    if (closeConnection)
        c->socket->disconnectFromHost();
    else if (!c->buffer.isEmpty())
        QTimer::singleShot(0, this, [this, socket = c->socket, c] {
            if (socket)
                onReadyRead(c);
        });
}

void KubeApiServer::dropWatchConnections()
{
    const QList<Connection *> all = m_connections;
    for (Connection *c : all) {
        if (c->watch && c->socket)
            c->socket->abort(); // disconnected() deletes the connection
    }
}

int KubeApiServer::activeWatchCount() const
{
    int n = 0;
    for (const Connection *c : m_connections) {
        if (c->watch && c->socket)
            ++n;
    }
    return n;
}

// ---------------------------------------------------------------------------------------------
// Routing

KubeApiServer::Response KubeApiServer::discovery(const QString &path) const
{
    if (path == u"/version"_s) {
        return {200, QJsonObject{{u"major"_s, u"1"_s}, {u"minor"_s, u"32"_s}, {u"gitVersion"_s, u"v1.32.0-tideline-fake"_s},
                                 {u"gitCommit"_s, u"0000000000000000000000000000000000000000"_s},
                                 {u"gitTreeState"_s, u"clean"_s}, {u"buildDate"_s, u"2025-01-01T00:00:00Z"_s},
                                 {u"goVersion"_s, u"go1.23.4"_s}, {u"compiler"_s, u"gc"_s},
                                 {u"platform"_s, u"linux/amd64"_s}}, false};
    }
    if (path == u"/api"_s) {
        return {200, QJsonObject{{u"kind"_s, u"APIVersions"_s}, {u"versions"_s, QJsonArray{u"v1"_s}},
                                 {u"serverAddressByClientCIDRs"_s,
                                  QJsonArray{QJsonObject{{u"clientCIDR"_s, u"0.0.0.0/0"_s},
                                                         {u"serverAddress"_s, u"127.0.0.1:%1"_s.arg(port())}}}}},
                false};
    }
    if (path == u"/apis"_s) {
        QJsonArray groups;
        QStringList seen;
        for (const Resource &r : m_resources) {
            if (r.group.isEmpty() || seen.contains(r.group) || (r.group == u"keda.sh"_s && !m_keda))
                continue;
            seen << r.group;
            const QJsonObject gv{{u"groupVersion"_s, r.groupVersion()}, {u"version"_s, r.version}};
            groups.append(QJsonObject{{u"name"_s, r.group}, {u"versions"_s, QJsonArray{gv}}, {u"preferredVersion"_s, gv}});
        }
        const QJsonObject authz{{u"groupVersion"_s, u"authorization.k8s.io/v1"_s}, {u"version"_s, u"v1"_s}};
        groups.append(QJsonObject{{u"name"_s, u"authorization.k8s.io"_s}, {u"versions"_s, QJsonArray{authz}},
                                  {u"preferredVersion"_s, authz}});
        return {200, QJsonObject{{u"kind"_s, u"APIGroupList"_s}, {u"apiVersion"_s, u"v1"_s}, {u"groups"_s, groups}},
                false};
    }
    QString gv;
    if (path == u"/api/v1"_s)
        gv = u"v1"_s;
    else if (path.startsWith(u"/apis/"_s) && path.count(u'/') == 3)
        gv = path.mid(6);
    if (gv.isEmpty())
        return {404, notFoundPath(), false};
    QJsonArray resources;
    if (gv == u"authorization.k8s.io/v1"_s) {
        resources.append(QJsonObject{{u"name"_s, u"selfsubjectaccessreviews"_s}, {u"singularName"_s, u"selfsubjectaccessreview"_s},
                                     {u"namespaced"_s, false}, {u"kind"_s, u"SelfSubjectAccessReview"_s},
                                     {u"verbs"_s, QJsonArray{u"create"_s}}});
    }
    for (const Resource &r : m_resources) {
        if (r.groupVersion() != gv || (r.group == u"keda.sh"_s && !m_keda))
            continue;
        QJsonArray shortNames;
        for (const QString &s : r.shortNames)
            shortNames.append(s);
        resources.append(QJsonObject{{u"name"_s, r.plural}, {u"singularName"_s, r.singular}, {u"namespaced"_s, true},
                                     {u"kind"_s, r.kind},
                                     {u"verbs"_s, QJsonArray{u"create"_s, u"delete"_s, u"get"_s, u"list"_s,
                                                             u"patch"_s, u"update"_s, u"watch"_s}},
                                     {u"shortNames"_s, shortNames}});
        for (const QString &sub : r.subresources) {
            resources.append(QJsonObject{{u"name"_s, QString(r.plural + u'/' + sub)}, {u"singularName"_s, u""_s},
                                         {u"namespaced"_s, true}, {u"group"_s, u"autoscaling"_s},
                                         {u"version"_s, u"v1"_s}, {u"kind"_s, u"Scale"_s},
                                         {u"verbs"_s, QJsonArray{u"get"_s, u"patch"_s, u"update"_s}}});
        }
    }
    if (resources.isEmpty())
        return {404, notFoundPath(), false};
    return {200, QJsonObject{{u"kind"_s, u"APIResourceList"_s}, {u"apiVersion"_s, u"v1"_s},
                             {u"groupVersion"_s, gv}, {u"resources"_s, resources}}, false};
}

bool KubeApiServer::allowed(const QString &user, const QString &verb, const QString &group,
                                const QString &resource, const QString &ns, const QString &name) const
{
    const auto has = [](const QStringList &list, const QString &value) {
        return list.contains(u"*"_s) || list.contains(value);
    };
    for (const Rule &rule : m_rules.value(user)) {
        if (!has(rule.verbs, verb) || !has(rule.apiGroups, group) || !has(rule.resources, resource))
            continue;
        if (!rule.namespaces.isEmpty() && !rule.namespaces.contains(ns))
            continue;
        if (!rule.resourceNames.isEmpty() && !rule.resourceNames.contains(name))
            continue;
        return true;
    }
    return false;
}

KubeApiServer::Response KubeApiServer::route(Connection *c, const Request &req, const QString &user)
{
    const QString &path = req.path;
    if (path == u"/version"_s || path == u"/api"_s || path == u"/apis"_s || path == u"/api/v1"_s
        || (path.startsWith(u"/apis/"_s) && path.count(u'/') == 3)) {
        if (req.method != "GET")
            return {405, status(405, u"MethodNotAllowed"_s, u"the server does not allow this method on the requested resource"_s), false};
        return discovery(path);
    }
    if (path == u"/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"_s) {
        if (req.method != "POST")
            return {405, status(405, u"MethodNotAllowed"_s, u"the server does not allow this method on the requested resource"_s), false};
        return accessReview(req, user);
    }
    QStringList seg = path.split(u'/', Qt::SkipEmptyParts);
    QString group;
    QString version;
    if (seg.size() >= 2 && seg.at(0) == u"api"_s) {
        version = seg.at(1);
        seg = seg.mid(2);
    } else if (seg.size() >= 3 && seg.at(0) == u"apis"_s) {
        group = seg.at(1);
        version = seg.at(2);
        seg = seg.mid(3);
    } else {
        return {404, notFoundPath(), false};
    }
    QString ns;
    if (seg.size() >= 3 && seg.at(0) == u"namespaces"_s) {
        ns = seg.at(1);
        seg = seg.mid(2);
    }
    if (seg.isEmpty() || seg.size() > 3)
        return {404, notFoundPath(), false};
    const Resource *resource = findResource(group, version, seg.at(0));
    if (!resource)
        return {404, notFoundPath(), false};
    const QString name = seg.value(1);
    const QString sub = seg.value(2);
    if (!sub.isEmpty() && !resource->subresources.contains(sub))
        return {404, notFoundPath(), false};

    const bool watch = req.query.queryItemValue(u"watch"_s) == u"1"_s || req.query.queryItemValue(u"watch"_s) == u"true"_s;
    QString verb;
    if (req.method == "GET")
        verb = !name.isEmpty() ? u"get"_s : (watch ? u"watch"_s : u"list"_s);
    else if (req.method == "PATCH")
        verb = u"patch"_s;
    else if (req.method == "PUT")
        verb = u"update"_s;
    else if (req.method == "DELETE")
        verb = u"delete"_s;
    else if (req.method == "POST")
        verb = u"create"_s;
    else
        return {405, status(405, u"MethodNotAllowed"_s, u"the server does not allow this method on the requested resource"_s), false};
    const QString rbacResource = sub.isEmpty() ? resource->plural : resource->plural + u'/' + sub;
    if (!allowed(user, verb, group, rbacResource, ns, name)) {
        const QString where = ns.isEmpty() ? u"at the cluster scope"_s : u"in the namespace \"%1\""_s.arg(ns);
        const QString subject = name.isEmpty() ? resource->qualified() : u"%1 \"%2\""_s.arg(resource->qualified(), name);
        const QString message = u"%1 is forbidden: User \"%2\" cannot %3 resource \"%4\" in API group \"%5\" %6"_s
                                    .arg(subject, user, verb, rbacResource, group, where);
        return {403, status(403, u"Forbidden"_s, message, details(name, group, resource->plural)), false};
    }
    return resourceRequest(c, req, user, *resource, ns, name, sub);
}

KubeApiServer::Response KubeApiServer::accessReview(const Request &req, const QString &user)
{
    const QByteArray contentType = req.headers.value("content-type").split(';').first().trimmed().toLower();
    QJsonObject body;
    if (contentType == "application/vnd.kubernetes.protobuf") {
        // kubectl auth can-i sends protobuf (as client-go does for built-in kinds).
        body = protobufAccessReview(req.body);
    } else if (contentType == "application/json") {
        body = QJsonDocument::fromJson(req.body).object();
    } else {
        return {415, status(415, u"UnsupportedMediaType"_s,
                            u"the body of the request was in an unknown format - accepted media types include: "
                            "application/json, application/yaml, application/vnd.kubernetes.protobuf"_s), false};
    }
    if (body.value(u"kind"_s).toString() != u"SelfSubjectAccessReview"_s) {
        return {400, status(400, u"BadRequest"_s,
                            u"the body of the request is not a SelfSubjectAccessReview"_s), false};
    }
    const QJsonObject spec = body.value(u"spec"_s).toObject();
    const QJsonObject a = spec.value(u"resourceAttributes"_s).toObject();
    QJsonObject out{{u"kind"_s, u"SelfSubjectAccessReview"_s}, {u"apiVersion"_s, u"authorization.k8s.io/v1"_s},
                    {u"metadata"_s, QJsonObject{{u"creationTimestamp"_s, QJsonValue()}}}, {u"spec"_s, spec}};
    QJsonObject st{{u"allowed"_s, false}};
    if (!a.isEmpty()) {
        const QString sub = a.value(u"subresource"_s).toString();
        const QString res = a.value(u"resource"_s).toString() + (sub.isEmpty() ? QString() : u'/' + sub);
        if (allowed(user, a.value(u"verb"_s).toString(), a.value(u"group"_s).toString(), res,
                    a.value(u"namespace"_s).toString(), a.value(u"name"_s).toString())) {
            st.insert(u"allowed"_s, true);
            st.insert(u"reason"_s, u"RBAC: allowed by the test rules of User \"%1\""_s.arg(user));
        }
    }
    out.insert(u"status"_s, st);
    return {201, out, false};
}

KubeApiServer::Response KubeApiServer::resourceRequest(Connection *c, const Request &req, const QString &,
                                                               const Resource &resource, const QString &ns,
                                                               const QString &name, const QString &sub)
{
    if (req.method == "GET" && name.isEmpty()) {
        const QString w = req.query.queryItemValue(u"watch"_s);
        if (w == u"1"_s || w == u"true"_s)
            return startWatch(c, req, resource, ns);
        const QString fields = req.query.queryItemValue(u"fieldSelector"_s, QUrl::FullyDecoded);
        const QString labels = req.query.queryItemValue(u"labelSelector"_s, QUrl::FullyDecoded);
        const QString prefix = ns.isEmpty() ? storeKey(resource, QString(), QString()).chopped(1)
                                            : storeKey(resource, ns, QString());
        QJsonArray items;
        for (auto it = m_store.constBegin(); it != m_store.constEnd(); ++it) {
            if (!it.key().startsWith(prefix))
                continue;
            QJsonObject v = view(resource, it.value());
            if ((!fields.isEmpty() && !matchesFields(v, fields)) || (!labels.isEmpty() && !matchesLabels(v, labels)))
                continue;
            if (resource.builtin) {
                v.remove(u"kind"_s);
                v.remove(u"apiVersion"_s);
            }
            items.append(v);
        }
        return {200, QJsonObject{{u"kind"_s, QString(resource.kind + u"List"_s)}, {u"apiVersion"_s, resource.groupVersion()},
                                 {u"metadata"_s, QJsonObject{{u"resourceVersion"_s, QString::number(m_rv)}}},
                                 {u"items"_s, items}}, false};
    }
    const QString key = storeKey(resource, ns, name);
    if (!m_store.contains(key) && req.method != "POST") {
        return {404, status(404, u"NotFound"_s, u"%1 \"%2\" not found"_s.arg(resource.qualified(), name),
                            details(name, resource.group, resource.plural)), false};
    }
    if (req.method == "GET") {
        const QJsonObject stored = m_store.value(key);
        if (sub == u"scale"_s) {
            const QJsonObject meta = stored.value(u"metadata"_s).toObject();
            QStringList sel;
            const QJsonObject ml = stored.value(u"spec"_s).toObject().value(u"selector"_s).toObject()
                                       .value(u"matchLabels"_s).toObject();
            for (auto it = ml.constBegin(); it != ml.constEnd(); ++it)
                sel << it.key() + u'=' + it.value().toString();
            return {200, QJsonObject{{u"kind"_s, u"Scale"_s}, {u"apiVersion"_s, u"autoscaling/v1"_s},
                                     {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, ns},
                                                                 {u"uid"_s, meta.value(u"uid"_s)},
                                                                 {u"resourceVersion"_s, meta.value(u"resourceVersion"_s)},
                                                                 {u"creationTimestamp"_s, meta.value(u"creationTimestamp"_s)}}},
                                     {u"spec"_s, QJsonObject{{u"replicas"_s, stored.value(u"spec"_s).toObject()
                                                                               .value(u"replicas"_s).toInt(1)}}},
                                     {u"status"_s, QJsonObject{{u"replicas"_s, stored.value(u"status"_s).toObject()
                                                                                 .value(u"replicas"_s).toInt()},
                                                               {u"selector"_s, sel.join(u',')}}}}, false};
        }
        return {200, view(resource, stored), false};
    }
    if (req.method == "POST")
        return {405, status(405, u"MethodNotAllowed"_s, u"the fake API server does not create objects; seed them"_s), false};
    return applyWrite(req, resource, ns, name, sub);
}

KubeApiServer::Response KubeApiServer::applyWrite(const Request &req, const Resource &resource,
                                                          const QString &ns, const QString &name, const QString &sub)
{
    const QString key = storeKey(resource, ns, name);
    const QJsonObject stored = m_store.value(key);
    const bool dryRun = req.query.queryItemValue(u"dryRun"_s) == u"All"_s;
    if (req.query.hasQueryItem(u"dryRun"_s) && !dryRun) {
        return {400, status(400, u"BadRequest"_s,
                            u"dryRun: Unsupported value: \"%1\": supported values: \"All\""_s
                                .arg(req.query.queryItemValue(u"dryRun"_s))), false};
    }
    const bool scale = sub == u"scale"_s;
    const QString qualifiedKind = scale ? u"Scale.autoscaling"_s
                                        : resource.kind + (resource.group.isEmpty() ? QString() : u'.' + resource.group);
    const QString conflictMessage = u"Operation cannot be fulfilled on %1 \"%2\": the object has been modified; please "
                                    "apply your changes to the latest version and try again"_s
                                        .arg(resource.qualified(), name);
    const Response conflict{409, status(409, u"Conflict"_s, conflictMessage,
                                        details(name, resource.group, resource.plural)), false};

    if (req.method == "DELETE") {
        if (!dryRun) {
            QJsonObject o = withMeta(m_store.take(key), u"resourceVersion"_s, QString::number(++m_rv));
            record(u"DELETED"_s, key, o);
        }
        QJsonObject ok{{u"kind"_s, u"Status"_s}, {u"apiVersion"_s, u"v1"_s}, {u"metadata"_s, QJsonObject{}},
                       {u"status"_s, u"Success"_s},
                       {u"details"_s, details(name, resource.group, resource.plural)}};
        return {200, ok, false};
    }

    // The object the request addresses: the Scale view for the subresource.
    QJsonObject current = scale ? QJsonObject{{u"kind"_s, u"Scale"_s}, {u"apiVersion"_s, u"autoscaling/v1"_s},
                                              {u"metadata"_s, QJsonObject{{u"name"_s, name}, {u"namespace"_s, ns},
                                                                          {u"resourceVersion"_s, stored.value(u"metadata"_s).toObject().value(u"resourceVersion"_s)}}},
                                              {u"spec"_s, QJsonObject{{u"replicas"_s, stored.value(u"spec"_s).toObject().value(u"replicas"_s).toInt(1)}}}}
                                : stored;
    QJsonObject updated;
    const QByteArray contentType = req.headers.value("content-type").split(';').first().trimmed().toLower();
    QJsonParseError parseError;
    const QJsonDocument body = QJsonDocument::fromJson(req.body, &parseError);
    if (req.method == "PATCH") {
        if (contentType == "application/merge-patch+json" || contentType == "application/strategic-merge-patch+json") {
            if (!body.isObject())
                return {400, status(400, u"BadRequest"_s, u"error decoding patch: %1"_s.arg(parseError.errorString())), false};
            updated = mergePatch(current, body.object()).toObject();
            const QString wantedRv = body.object().value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString();
            if (!wantedRv.isEmpty() && wantedRv != stored.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString())
                return conflict;
        } else if (contentType == "application/json-patch+json") {
            if (!body.isArray())
                return {400, status(400, u"BadRequest"_s, u"error decoding patch: a JSON patch is an array"_s), false};
            QString why;
            const auto patched = jsonPatch(current, body.array(), &why);
            if (!patched)
                return {422, status(422, u"Invalid"_s, u"the server rejected our request due to an error in our request: "_s + why), false};
            updated = *patched;
        } else {
            return {415, status(415, u"UnsupportedMediaType"_s,
                                u"the body of the request was in an unknown format - accepted media types include: "
                                "application/json-patch+json, application/merge-patch+json, "
                                "application/strategic-merge-patch+json"_s), false};
        }
    } else if (req.method == "PUT") {
        if (contentType != "application/json") {
            return {415, status(415, u"UnsupportedMediaType"_s,
                                u"the body of the request was in an unknown format - accepted media types include: "
                                "application/json, application/yaml"_s), false};
        }
        if (!body.isObject())
            return {400, status(400, u"BadRequest"_s, u"error decoding body: %1"_s.arg(parseError.errorString())), false};
        updated = body.object();
        const QString wantedRv = updated.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString();
        // A PUT must name the version it replaces (an empty one is an unconditional update).
        if (!wantedRv.isEmpty() && wantedRv != stored.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString())
            return conflict;
    } else {
        return {405, status(405, u"MethodNotAllowed"_s, u"the server does not allow this method on the requested resource"_s), false};
    }

    // Validation.
    QList<QPair<QString, QString>> causes;
    const QJsonObject spec = updated.value(u"spec"_s).toObject();
    if (scale || resource.kind == u"Deployment"_s || resource.kind == u"StatefulSet"_s) {
        const QJsonValue replicas = spec.value(u"replicas"_s);
        if (replicas.isDouble() && replicas.toDouble() < 0) {
            causes.append({u"spec.replicas"_s, u"Invalid value: %1: must be greater than or equal to 0"_s
                                                   .arg(qint64(replicas.toDouble()))});
        }
    }
    if (resource.kind == u"HorizontalPodAutoscaler"_s) {
        const int minR = spec.value(u"minReplicas"_s).toInt(1);
        const int maxR = spec.value(u"maxReplicas"_s).toInt();
        if (minR < 1)
            causes.append({u"spec.minReplicas"_s, u"Invalid value: %1: must be greater than or equal to 1"_s.arg(minR)});
        if (maxR < minR)
            causes.append({u"spec.maxReplicas"_s,
                           u"Invalid value: %1: must be greater than or equal to `minReplicas`"_s.arg(maxR)});
        if (maxR < 1)
            causes.append({u"spec.maxReplicas"_s, u"Invalid value: %1: must be greater than 0"_s.arg(maxR)});
    }
    if (!causes.isEmpty()) {
        const QString group = scale ? u"autoscaling"_s : resource.group;
        const QString kind = scale ? u"Scale"_s : resource.kind;
        return {422, invalid(qualifiedKind, name, group, kind, causes), false};
    }

    // Build the new stored object.
    QJsonObject next = stored;
    if (scale) {
        QJsonObject s = next.value(u"spec"_s).toObject();
        s.insert(u"replicas"_s, spec.value(u"replicas"_s));
        next.insert(u"spec"_s, s);
    } else {
        // Metadata the server owns is kept; spec and status come from the request.
        QJsonObject meta = stored.value(u"metadata"_s).toObject();
        const QJsonObject newMeta = updated.value(u"metadata"_s).toObject();
        for (const QString &k : {u"labels"_s, u"annotations"_s}) {
            if (newMeta.contains(k))
                meta.insert(k, newMeta.value(k));
            else if (req.method == "PUT")
                meta.remove(k);
        }
        next = updated;
        next.insert(u"metadata"_s, meta);
        next.insert(u"kind"_s, stored.value(u"kind"_s));
        next.insert(u"apiVersion"_s, stored.value(u"apiVersion"_s));
    }
    const bool specChanged = next.value(u"spec"_s) != stored.value(u"spec"_s);
    if (specChanged && next.value(u"metadata"_s).toObject().contains(u"generation"_s)) {
        next = withMeta(next, u"generation"_s,
                        stored.value(u"metadata"_s).toObject().value(u"generation"_s).toInt() + 1);
    }
    if (!dryRun && next != stored) {
        next = withMeta(next, u"resourceVersion"_s, QString::number(++m_rv));
        m_store.insert(key, next);
        record(u"MODIFIED"_s, key, next);
        if (m_simulateControllers && specChanged && (resource.kind == u"Deployment"_s || resource.kind == u"StatefulSet"_s))
            QTimer::singleShot(0, this, [this, key] { simulateController(key); });
    }
    if (scale) {
        QJsonObject result = current;
        result.insert(u"spec"_s, QJsonObject{{u"replicas"_s, next.value(u"spec"_s).toObject().value(u"replicas"_s)}});
        result = withMeta(result, u"resourceVersion"_s, next.value(u"metadata"_s).toObject().value(u"resourceVersion"_s));
        result = withMeta(result, u"uid"_s, stored.value(u"metadata"_s).toObject().value(u"uid"_s));
        result = withMeta(result, u"creationTimestamp"_s, stored.value(u"metadata"_s).toObject().value(u"creationTimestamp"_s));
        QStringList sel;
        const QJsonObject ml = stored.value(u"spec"_s).toObject().value(u"selector"_s).toObject()
                                   .value(u"matchLabels"_s).toObject();
        for (auto it = ml.constBegin(); it != ml.constEnd(); ++it)
            sel << it.key() + u'=' + it.value().toString();
        result.insert(u"status"_s, QJsonObject{{u"replicas"_s, stored.value(u"status"_s).toObject().value(u"replicas"_s).toInt()},
                                               {u"selector"_s, sel.join(u',')}});
        return {200, result, false};
    }
    return {200, view(resource, next), false};
}

void KubeApiServer::simulateController(const QString &key)
{
    if (!m_store.contains(key))
        return;
    QJsonObject o = m_store.value(key);
    const int replicas = o.value(u"spec"_s).toObject().value(u"replicas"_s).toInt(1);
    QJsonObject st = o.value(u"status"_s).toObject();
    st.insert(u"replicas"_s, replicas);
    st.insert(u"updatedReplicas"_s, replicas);
    st.insert(u"readyReplicas"_s, replicas);
    st.insert(u"availableReplicas"_s, replicas);
    st.insert(u"observedGeneration"_s, o.value(u"metadata"_s).toObject().value(u"generation"_s));
    o.insert(u"status"_s, st);
    o = withMeta(o, u"resourceVersion"_s, QString::number(++m_rv));
    m_store.insert(key, o);
    record(u"MODIFIED"_s, key, o);
}

KubeApiServer::Response KubeApiServer::startWatch(Connection *c, const Request &req, const Resource &resource,
                                                          const QString &ns)
{
    const QString rvText = req.query.queryItemValue(u"resourceVersion"_s);
    const qint64 from = rvText.toLongLong();
    const bool fromNow = rvText.isEmpty() || rvText == u"0"_s;
    const QJsonObject gone = status(410, u"Expired"_s,
                                    u"too old resource version: %1 (%2)"_s.arg(rvText).arg(m_compactedRv + 1));
    if (!fromNow && from < m_compactedRv && m_goneAsHttp)
        return {410, gone, false};

    auto w = std::make_unique<Watch>();
    w->resource = &resource;
    w->ns = ns;
    w->path = req.path;
    w->fieldSelector = req.query.queryItemValue(u"fieldSelector"_s, QUrl::FullyDecoded);
    w->labelSelector = req.query.queryItemValue(u"labelSelector"_s, QUrl::FullyDecoded);
    w->bookmarks = req.query.queryItemValue(u"allowWatchBookmarks"_s) == u"true"_s;
    c->socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nCache-Control: no-cache, private\r\n"
                     "Transfer-Encoding: chunked\r\nAudit-Id: "
                     + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + "\r\n\r\n");
    c->watch = std::move(w);
    const auto emitEvent = [this, c](const QString &type, const QJsonObject &object) {
        writeChunk(c, QJsonDocument(QJsonObject{{u"type"_s, type}, {u"object"_s, object}}).toJson(QJsonDocument::Compact)
                          + '\n');
    };
    if (!fromNow && from < m_compactedRv) {
        emitEvent(u"ERROR"_s, gone);
        endWatch(c, false);
        return {200, {}, true};
    }
    const QString prefix = ns.isEmpty() ? storeKey(resource, QString(), QString()).chopped(1)
                                        : storeKey(resource, ns, QString());
    const auto selected = [&](const QJsonObject &v) {
        return (c->watch->fieldSelector.isEmpty() || matchesFields(v, c->watch->fieldSelector))
            && (c->watch->labelSelector.isEmpty() || matchesLabels(v, c->watch->labelSelector));
    };
    if (fromNow) {
        for (auto it = m_store.constBegin(); it != m_store.constEnd(); ++it) {
            const QJsonObject v = view(resource, it.value());
            if (it.key().startsWith(prefix) && selected(v))
                emitEvent(u"ADDED"_s, v);
        }
    } else {
        for (const HistoryEntry &h : std::as_const(m_history)) {
            if (h.rv <= from || !h.key.startsWith(prefix))
                continue;
            const QJsonObject v = view(resource, h.object);
            if (selected(v))
                emitEvent(h.type, v);
        }
    }
    if (c->watch->bookmarks) {
        c->watch->bookmarkTimer = new QTimer;
        connect(c->watch->bookmarkTimer, &QTimer::timeout, this, [this, c, &resource] {
            if (!c->watch)
                return;
            const QJsonObject bookmark{{u"kind"_s, resource.kind}, {u"apiVersion"_s, resource.groupVersion()},
                                       {u"metadata"_s, QJsonObject{{u"resourceVersion"_s, QString::number(m_rv)}}}};
            writeChunk(c, QJsonDocument(QJsonObject{{u"type"_s, u"BOOKMARK"_s}, {u"object"_s, bookmark}})
                              .toJson(QJsonDocument::Compact) + '\n');
        });
        c->watch->bookmarkTimer->start(m_bookmarkIntervalMs);
    }
    const int timeoutSeconds = req.query.queryItemValue(u"timeoutSeconds"_s).toInt();
    if (timeoutSeconds > 0) {
        c->watch->timeoutTimer = new QTimer;
        c->watch->timeoutTimer->setSingleShot(true);
        connect(c->watch->timeoutTimer, &QTimer::timeout, this, [this, c] { endWatch(c, false); });
        c->watch->timeoutTimer->start(timeoutSeconds * 1000);
    }
    Q_EMIT watchStarted(req.path);
    return {200, {}, true};
}

} // namespace tideline::demo
