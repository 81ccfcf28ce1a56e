#include "ProxyEnvironment.h"

#include <QHostAddress>
#include <QList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace tideline::kube {

namespace {

// net.ParseIP: dotted-quad IPv4 without leading zeros, or IPv6 without a zone. Qt's parser is
// more lenient ("127.1"), which would turn host names into addresses.
std::optional<QHostAddress> parseIp(const QString &text)
{
    if (text.isEmpty() || text.contains(u'%'))
        return std::nullopt;
    if (text.contains(u':')) {
        QHostAddress address;
        if (address.setAddress(text) && address.protocol() == QAbstractSocket::IPv6Protocol)
            return address;
        return std::nullopt;
    }
    const QStringList parts = text.split(u'.');
    if (parts.size() != 4)
        return std::nullopt;
    for (const QString &part : parts) {
        if (part.isEmpty() || part.size() > 3 || (part.size() > 1 && part.front() == u'0'))
            return std::nullopt;
        for (const QChar c : part) {
            if (!c.isDigit() || c.unicode() > 127)
                return std::nullopt;
        }
        if (part.toInt() > 255)
            return std::nullopt;
    }
    return QHostAddress(text);
}

// net.SplitHostPort: "host:port" or "[v6]:port"; nullopt when there is no port part or the
// host holds a bare colon.
std::optional<std::pair<QString, QString>> splitHostPort(const QString &text)
{
    QString host;
    qsizetype colon = -1;
    if (text.startsWith(u'[')) {
        const qsizetype end = text.indexOf(u']');
        if (end < 0 || end + 1 >= text.size() || text.at(end + 1) != u':')
            return std::nullopt;
        host = text.mid(1, end - 1);
        colon = end + 1;
    } else {
        colon = text.lastIndexOf(u':');
        if (colon < 0)
            return std::nullopt;
        host = text.left(colon);
        if (host.contains(u':'))
            return std::nullopt;
    }
    const QString port = text.mid(colon + 1);
    if (port.contains(u'[') || port.contains(u']'))
        return std::nullopt;
    return std::make_pair(host, port);
}

int defaultPort(const QString &scheme)
{
    if (scheme == u"https"_s)
        return 443;
    if (scheme == u"socks5"_s)
        return 1080;
    return 80;
}

// Go's parseProxy: a URL with scheme http, https or socks5, else "http://" + value.
std::optional<QUrl> parseProxyValue(const QString &value)
{
    const QUrl direct(value, QUrl::StrictMode);
    const QString scheme = direct.scheme();
    if (direct.isValid() && (scheme == u"http"_s || scheme == u"https"_s || scheme == u"socks5"_s))
        return direct.host().isEmpty() ? std::nullopt : std::optional<QUrl>(direct);
    // "socks4://host" would otherwise become a proxy named "socks4" (Go's parser does that).
    if (value.contains(u"://"_s))
        return std::nullopt;
    const QUrl prefixed(u"http://"_s + value, QUrl::StrictMode);
    if (prefixed.isValid() && !prefixed.host().isEmpty())
        return prefixed;
    return std::nullopt;
}

// A value that failed to parse may still hold a password: show nothing before the last '@'.
QString redactedValue(const QString &value)
{
    const qsizetype at = value.lastIndexOf(u'@');
    if (at < 0)
        return value;
    const qsizetype schemeEnd = value.indexOf(u"://"_s);
    const qsizetype start = schemeEnd >= 0 && schemeEnd < at ? schemeEnd + 3 : 0;
    return value.left(start) + u"***"_s + value.mid(at);
}

QString firstSet(const QProcessEnvironment &environment, const QString &upper, const QString &lower,
                 QString *variable)
{
    for (const QString &name : {upper, lower}) {
        const QString value = environment.value(name);
        if (!value.isEmpty()) {
            if (variable)
                *variable = name;
            return value;
        }
    }
    return {};
}

bool portMatches(const QString &wanted, int port)
{
    return wanted.isEmpty() || wanted == QString::number(port);
}

} // namespace

ProxyEnvironment ProxyEnvironment::fromEnvironment(const QProcessEnvironment &environment)
{
    ProxyEnvironment env;
    env.httpProxy = firstSet(environment, u"HTTP_PROXY"_s, u"http_proxy"_s, &env.httpProxyVariable);
    env.httpsProxy = firstSet(environment, u"HTTPS_PROXY"_s, u"https_proxy"_s, &env.httpsProxyVariable);
    env.noProxy = firstSet(environment, u"NO_PROXY"_s, u"no_proxy"_s, nullptr);
    env.cgi = !environment.value(u"REQUEST_METHOD"_s).isEmpty();
    return env;
}

Result<ProxyEnvironment::Choice> ProxyEnvironment::proxyFor(const QUrl &url) const
{
    Choice choice;
    QString value;
    if (url.scheme() == u"https"_s) {
        value = httpsProxy;
        choice.variable = httpsProxyVariable.isEmpty() ? u"HTTPS_PROXY"_s : httpsProxyVariable;
    } else if (url.scheme() == u"http"_s) {
        value = httpProxy;
        choice.variable = httpProxyVariable.isEmpty() ? u"HTTP_PROXY"_s : httpProxyVariable;
    }
    if (value.isEmpty())
        return choice;
    const std::optional<QUrl> proxy = parseProxyValue(value);
    if (!proxy) {
        choice.ignored = tr("%1=\"%2\" is not a proxy address; connecting directly, as kubectl does")
                             .arg(choice.variable, redactedValue(value));
        return choice;
    }
    if (url.scheme() == u"http"_s && cgi) {
        return Error{u"kube.proxy"_s,
                     tr("refusing to use %1 in a CGI environment (REQUEST_METHOD is set): a client could have "
                        "set it; see golang.org/s/cgihttpproxy").arg(choice.variable), {}};
    }
    if (bypasses(noProxy, url.host(QUrl::EncodeUnicode), url.port(defaultPort(url.scheme()))))
        return choice;
    choice.proxy = *proxy;
    return choice;
}

bool ProxyEnvironment::bypasses(const QString &noProxy, const QString &urlHost, int port)
{
    const QString host = urlHost.trimmed().toLower();
    if (host.isEmpty())
        return false;
    if (host == u"localhost"_s)
        return true;
    const std::optional<QHostAddress> ip = parseIp(host);
    if (ip && ip->isLoopback())
        return true;

    const QStringList entries = noProxy.split(u',');
    for (QString entry : entries) {
        entry = entry.trimmed().toLower();
        if (entry.isEmpty())
            continue;
        if (entry == u"*"_s)
            return true;

        // IPv4/CIDR, IPv6/CIDR (net.ParseCIDR: address, '/', decimal prefix length).
        if (const qsizetype slash = entry.indexOf(u'/'); slash > 0) {
            const std::optional<QHostAddress> network = parseIp(entry.left(slash));
            bool okLength = false;
            const QString lengthText = entry.mid(slash + 1);
            const int length = lengthText.toInt(&okLength);
            const int bits = network && network->protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32;
            const bool digitsOnly = !lengthText.isEmpty()
                && std::all_of(lengthText.begin(), lengthText.end(), [](QChar c) { return c.isDigit(); });
            if (network && okLength && digitsOnly && length >= 0 && length <= bits) {
                if (ip && ip->isInSubnet(*network, length))
                    return true;
                continue;
            }
        }

        QString entryHost = entry;
        QString entryPort;
        if (const auto split = splitHostPort(entry)) {
            if (split->first.isEmpty())
                continue;
            entryHost = split->first;
            entryPort = split->second;
        }
        if (const std::optional<QHostAddress> entryIp = parseIp(entryHost)) {
            if (ip && ip->isEqual(*entryIp, QHostAddress::ConvertV4MappedToIPv4) && portMatches(entryPort, port))
                return true;
            continue;
        }
        if (entryHost.isEmpty())
            continue;

        // "foo.com" matches foo.com and its subdomains; ".foo.com" and "*.foo.com" only subdomains.
        if (entryHost.startsWith(u"*."_s))
            entryHost.remove(0, 1);
        const bool matchHost = !entryHost.startsWith(u'.');
        if (!matchHost)
            entryHost.remove(0, 1);
        // QUrl::toAce() refuses a name that starts with a dot; an invalid name stays as written.
        if (const QByteArray ace = QUrl::toAce(entryHost); !ace.isEmpty())
            entryHost = QString::fromLatin1(ace);
        if (entryHost.isEmpty())
            continue;
        entryHost.prepend(u'.');
        if ((host.endsWith(entryHost) || (matchHost && host == entryHost.mid(1))) && portMatches(entryPort, port))
            return true;
    }
    return false;
}

Result<QNetworkProxy> networkProxyFor(const QUrl &proxyUrl, const QString &origin)
{
    QNetworkProxy proxy;
    const QString scheme = proxyUrl.scheme();
    if (scheme == u"http"_s) {
        proxy.setType(QNetworkProxy::HttpProxy);
    } else if (scheme == u"socks5"_s) {
        proxy.setType(QNetworkProxy::Socks5Proxy);
    } else if (scheme == u"https"_s) {
        return Error{u"kube.config"_s,
                     ProxyEnvironment::tr("%1: proxy %2 is an https:// proxy (TLS to the proxy), which Tideline "
                                          "cannot use; use an http:// or socks5:// proxy")
                         .arg(origin, redactedProxy(proxyUrl)), {}};
    } else {
        return Error{u"kube.config"_s,
                     ProxyEnvironment::tr("%1: proxy \"%2\" must be http:// or socks5://")
                         .arg(origin, redactedProxy(proxyUrl)), {}};
    }
    if (proxyUrl.host().isEmpty()) {
        return Error{u"kube.config"_s,
                     ProxyEnvironment::tr("%1: proxy \"%2\" names no host").arg(origin, redactedProxy(proxyUrl)), {}};
    }
    proxy.setHostName(proxyUrl.host());
    proxy.setPort(quint16(proxyUrl.port(defaultPort(scheme))));
    proxy.setUser(proxyUrl.userName());
    proxy.setPassword(proxyUrl.password());
    return proxy;
}

QString redactedProxy(const QUrl &proxyUrl)
{
    return proxyUrl.toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

} // namespace tideline::kube
