#pragma once

#include "core/Result.h"

#include <QCoreApplication>
#include <QNetworkProxy>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

namespace tideline::kube {

// Which proxy a connection to the API server goes through when the kubeconfig has no
// proxy-url: the rules of Go's http.ProxyFromEnvironment (golang.org/x/net/http/httpproxy),
// which kubectl and every client-go program follow, so Tideline and kubectl agree.
// - HTTPS_PROXY (else https_proxy) for https:// servers, HTTP_PROXY (else http_proxy) for http://.
//   A value without a scheme ("proxy:3128") is taken as http://.
// - NO_PROXY (else no_proxy), comma-separated: "*" (nothing is proxied); an IP address or a CIDR
//   range; a domain name, which matches itself and its subdomains ("foo.com" matches foo.com and
//   bar.foo.com), or with a leading "." or "*." its subdomains only; IPs and names may carry a
//   ":port". Case-insensitive; malformed entries are ignored.
// - "localhost" and loopback IP literals are never proxied.
// - As a CGI handler (REQUEST_METHOD set), HTTP_PROXY is refused: a client may have set it.
// A pure value type: the environment is passed in, nothing is read behind the caller's back.
struct ProxyEnvironment
{
    Q_DECLARE_TR_FUNCTIONS(ProxyEnvironment)

public:
    QString httpProxy;
    QString httpProxyVariable;          // which variable it came from ("HTTP_PROXY" or "http_proxy")
    QString httpsProxy;
    QString httpsProxyVariable;
    QString noProxy;
    bool cgi = false;

    // Upper-case names first, then lower-case; an empty value counts as unset (as in Go).
    static ProxyEnvironment fromEnvironment(const QProcessEnvironment &environment);

    struct Choice
    {
        std::optional<QUrl> proxy;      // nullopt: connect directly
        QString variable;               // the variable `proxy` came from
        // A proxy value that could not be parsed and was ignored (Go ignores it silently;
        // Tideline says so).
        QString ignored;
    };
    // The proxy for a request to `url` (only its scheme, host and port matter). Fails only in
    // the CGI case.
    Result<Choice> proxyFor(const QUrl &url) const;

    // Whether NO_PROXY (or the loopback rule) sends a request to host:port past the proxy.
    // `host` as in a URL (no brackets around IPv6), `port` the effective port.
    static bool bypasses(const QString &noProxy, const QString &host, int port);
};

// A proxy URL (from proxy-url or the environment) as Qt's proxy: http:// (default port 80) and
// socks5:// (default port 1080; host names are resolved by the proxy, as in Go). https:// (TLS to
// the proxy itself) is refused: Qt's network stack cannot speak it.
Result<QNetworkProxy> networkProxyFor(const QUrl &proxyUrl, const QString &origin);

// The proxy URL without its user info, for messages and logs.
QString redactedProxy(const QUrl &proxyUrl);

} // namespace tideline::kube
