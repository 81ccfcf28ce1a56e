// ProxyEnvironment: Go's http.ProxyFromEnvironment rules (golang.org/x/net/http/httpproxy) as
// kubectl applies them. The cases follow the package's documentation: variable precedence,
// scheme-less values, NO_PROXY host/domain/IP/CIDR/port entries, "*", and the loopback rule.
#include "kube/ProxyEnvironment.h"

#include <QtTest>

using namespace tideline;
using namespace tideline::kube;
using namespace Qt::StringLiterals;

namespace {

// The NO_PROXY list of the matching table: every kind of entry once.
const QString kNoProxy = u"foobar.com, .barbaz.net, *.wildcard.io, 192.168.1.1, 192.168.1.2:81, 192.168.1.3:80, "
                         "10.0.0.0/30, 2001:db8::52:0:1, [2001:db8::52:0:2]:443, [2001:db8::52:0:3]:80, "
                         "2002:db8:a::45/64, Kube.Internal:6443"_s;

} // namespace

class TstProxyEnvironment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromEnvironment_data()
    {
        QTest::addColumn<QStringList>("variables");     // NAME=value
        QTest::addColumn<QString>("http");
        QTest::addColumn<QString>("https");
        QTest::addColumn<QString>("noProxy");
        QTest::addColumn<QString>("httpsVariable");
        QTest::addColumn<bool>("cgi");

        QTest::newRow("upper") << QStringList{u"HTTP_PROXY=h"_s, u"HTTPS_PROXY=s"_s, u"NO_PROXY=n"_s}
                               << u"h"_s << u"s"_s << u"n"_s << u"HTTPS_PROXY"_s << false;
        QTest::newRow("lower") << QStringList{u"http_proxy=h"_s, u"https_proxy=s"_s, u"no_proxy=n"_s}
                               << u"h"_s << u"s"_s << u"n"_s << u"https_proxy"_s << false;
        QTest::newRow("upper wins") << QStringList{u"HTTPS_PROXY=S"_s, u"https_proxy=s"_s, u"NO_PROXY=N"_s,
                                                   u"no_proxy=n"_s}
                                    << QString() << u"S"_s << u"N"_s << u"HTTPS_PROXY"_s << false;
        QTest::newRow("empty upper counts as unset")
            << QStringList{u"HTTPS_PROXY="_s, u"https_proxy=s"_s} << QString() << u"s"_s << QString()
            << u"https_proxy"_s << false;
        QTest::newRow("cgi") << QStringList{u"REQUEST_METHOD=GET"_s} << QString() << QString() << QString()
                             << QString() << true;
    }

    void fromEnvironment()
    {
        QFETCH(QStringList, variables);
        QProcessEnvironment environment;
        for (const QString &v : variables)
            environment.insert(v.section(u'=', 0, 0), v.section(u'=', 1));
        const ProxyEnvironment env = ProxyEnvironment::fromEnvironment(environment);
        QTEST(env.httpProxy, "http");
        QTEST(env.httpsProxy, "https");
        QTEST(env.noProxy, "noProxy");
        QTEST(env.httpsProxyVariable, "httpsVariable");
        QTEST(env.cgi, "cgi");
    }

    void proxyFor_data()
    {
        QTest::addColumn<QString>("http");
        QTest::addColumn<QString>("https");
        QTest::addColumn<QString>("noProxy");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");          // empty: direct
        QTest::addColumn<bool>("ignored");              // the value was unusable and reported

        QTest::newRow("ip:port, no scheme") << u"127.0.0.1:8080"_s << QString() << QString()
                                            << u"http://example.com"_s << u"http://127.0.0.1:8080"_s << false;
        QTest::newRow("host:port, no scheme") << u"cache.corp.example.com:1234"_s << QString() << QString()
                                              << u"http://example.com"_s << u"http://cache.corp.example.com:1234"_s
                                              << false;
        QTest::newRow("host, no scheme") << u"cache.corp.example.com"_s << QString() << QString()
                                         << u"http://example.com"_s << u"http://cache.corp.example.com"_s << false;
        QTest::newRow("single label") << u"localhost"_s << QString() << QString() << u"http://example.com"_s
                                      << u"http://localhost"_s << false;
        QTest::newRow("socks5 kept") << u"socks5://127.0.0.1"_s << QString() << QString()
                                     << u"http://example.com"_s << u"socks5://127.0.0.1"_s << false;
        QTest::newRow("http proxy only for http") << u"http.proxy.tld"_s << u"secure.proxy.tld"_s << QString()
                                                  << u"http://insecure.tld/"_s << u"http://http.proxy.tld"_s << false;
        QTest::newRow("https proxy for https") << u"http.proxy.tld"_s << u"secure.proxy.tld"_s << QString()
                                               << u"https://secure.tld/"_s << u"http://secure.proxy.tld"_s << false;
        QTest::newRow("no HTTP_PROXY fallback for https") << u"http.proxy.tld"_s << QString() << QString()
                                                          << u"https://secure.tld/"_s << QString() << false;
        QTest::newRow("nothing set") << QString() << QString() << QString() << u"https://kube.example:6443"_s
                                     << QString() << false;
        QTest::newRow("unknown scheme ignored") << QString() << u"socks4://p:1080"_s << QString()
                                                << u"https://kube.example"_s << QString() << true;
        QTest::newRow("unparsable ignored") << QString() << u"http://exa mple:80"_s << QString()
                                            << u"https://kube.example"_s << QString() << true;

        QTest::newRow("no_proxy host") << u"proxy"_s << QString() << u"example.com"_s << u"http://example.com/"_s
                                       << QString() << false;
        QTest::newRow("no_proxy .domain is subdomains only") << u"proxy"_s << QString() << u".example.com"_s
                                                             << u"http://example.com/"_s << u"http://proxy"_s << false;
        QTest::newRow("no_proxy is not a plain suffix") << u"proxy"_s << QString() << u"ample.com"_s
                                                        << u"http://example.com/"_s << u"http://proxy"_s << false;
        QTest::newRow("no_proxy domain covers subdomain") << u"proxy"_s << QString() << u"example.com"_s
                                                          << u"http://foo.example.com/"_s << QString() << false;
        QTest::newRow("no_proxy other domain") << u"proxy"_s << QString() << u".foo.com"_s
                                               << u"http://example.com/"_s << u"http://proxy"_s << false;
        QTest::newRow("no_proxy unicode entry") << u"proxy"_s << QString() << u".示例.com"_s
                                                << u"http://www.示例.com"_s << QString() << false;
        QTest::newRow("no_proxy punycode entry") << u"proxy"_s << QString() << u"xn--fsq092h.com"_s
                                                 << u"http://www.示例.com"_s << QString() << false;
        QTest::newRow("no_proxy default https port") << QString() << u"proxy:3128"_s << u"kube.example:443"_s
                                                     << u"https://kube.example/"_s << QString() << false;
        QTest::newRow("no_proxy other port") << QString() << u"proxy:3128"_s << u"kube.example:443"_s
                                             << u"https://kube.example:6443/"_s << u"http://proxy:3128"_s << false;
        QTest::newRow("localhost never proxied") << QString() << u"proxy:3128"_s << QString()
                                                 << u"https://localhost:6443"_s << QString() << false;
        QTest::newRow("127.x never proxied") << QString() << u"proxy:3128"_s << QString()
                                             << u"https://127.0.0.2:6443"_s << QString() << false;
        QTest::newRow("::1 never proxied") << QString() << u"proxy:3128"_s << QString() << u"https://[::1]:6443"_s
                                           << QString() << false;
        QTest::newRow("a name resolving to loopback is proxied")
            << QString() << u"proxy:3128"_s << QString() << u"https://kube.test:6443"_s << u"http://proxy:3128"_s
            << false;
        QTest::newRow("ftp never proxied") << u"proxy"_s << u"proxy"_s << QString() << u"ftp://example.com"_s
                                           << QString() << false;
    }

    void proxyFor()
    {
        QFETCH(QString, http);
        QFETCH(QString, https);
        QFETCH(QString, noProxy);
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QFETCH(bool, ignored);
        ProxyEnvironment env;
        env.httpProxy = http;
        env.httpsProxy = https;
        env.noProxy = noProxy;
        const auto choice = env.proxyFor(QUrl(url));
        QVERIFY(choice.ok());
        QCOMPARE(choice.value().proxy ? choice.value().proxy->toString() : QString(), expected);
        QCOMPARE(!choice.value().ignored.isEmpty(), ignored);
    }

    void ignoredValueHidesPassword()
    {
        ProxyEnvironment env;
        env.httpsProxy = u"http://user:s3cret@exa mple:80"_s;
        env.httpsProxyVariable = u"https_proxy"_s;
        const auto choice = env.proxyFor(QUrl(u"https://kube.example"_s));
        QVERIFY(choice.ok());
        QVERIFY(!choice.value().proxy);
        QVERIFY(choice.value().ignored.startsWith(u"https_proxy="_s));
        QVERIFY2(!choice.value().ignored.contains(u"s3cret"_s), qPrintable(choice.value().ignored));
    }

    void cgiRefusesHttpProxy()
    {
        ProxyEnvironment env;
        env.httpProxy = u"http://10.1.2.3:8080"_s;
        env.httpsProxy = u"http://secure.proxy.tld"_s;
        env.cgi = true;
        const auto http = env.proxyFor(QUrl(u"http://example.com"_s));
        QVERIFY(!http.ok());
        QCOMPARE(http.error().code, u"kube.proxy"_s);
        // HTTPS_PROXY is still used in a CGI environment (Go's historical behaviour).
        const auto https = env.proxyFor(QUrl(u"https://secure.tld/"_s));
        QVERIFY(https.ok());
        QCOMPARE(https.value().proxy->toString(), u"http://secure.proxy.tld"_s);
    }

    void bypasses_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("bypass");

        QTest::newRow("localhost") << u"localhost"_s << 80 << true;
        QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << 80 << true;
        QTest::newRow("127.0.0.2") << u"127.0.0.2"_s << 80 << true;
        QTest::newRow("::1") << u"::1"_s << 80 << true;
        QTest::newRow("::2 is not loopback") << u"::2"_s << 80 << false;
        QTest::newRow("exact IPv4") << u"192.168.1.1"_s << 80 << true;
        QTest::newRow("IPv4, other port") << u"192.168.1.2"_s << 80 << false;
        QTest::newRow("IPv4, listed port") << u"192.168.1.2"_s << 81 << true;
        QTest::newRow("exact IPv4:port") << u"192.168.1.3"_s << 80 << true;
        QTest::newRow("IPv4 not listed") << u"192.168.1.4"_s << 80 << false;
        QTest::newRow("IPv4 in CIDR") << u"10.0.0.2"_s << 80 << true;
        QTest::newRow("IPv4 outside CIDR") << u"10.0.0.4"_s << 80 << false;
        QTest::newRow("exact IPv6") << u"2001:db8::52:0:1"_s << 80 << true;
        QTest::newRow("IPv6, other port") << u"2001:db8::52:0:2"_s << 80 << false;
        QTest::newRow("exact [IPv6]:port") << u"2001:db8::52:0:3"_s << 80 << true;
        QTest::newRow("IPv6 in CIDR") << u"2002:db8:a::123"_s << 80 << true;
        QTest::newRow("IPv6 not listed") << u"fe80::424b:c8be:1643:a1b6"_s << 80 << false;
        QTest::newRow(".barbaz.net: not the domain itself") << u"barbaz.net"_s << 80 << false;
        QTest::newRow(".barbaz.net: subdomain") << u"www.barbaz.net"_s << 80 << true;
        QTest::newRow("foobar.com: itself") << u"foobar.com"_s << 80 << true;
        QTest::newRow("foobar.com: subdomain") << u"www.foobar.com"_s << 80 << true;
        QTest::newRow("foobar.com: not a suffix match") << u"foofoobar.com"_s << 80 << false;
        QTest::newRow("not a part of barbaz") << u"baz.com"_s << 80 << false;
        QTest::newRow("localhost.net") << u"localhost.net"_s << 80 << false;
        QTest::newRow("local.localhost") << u"local.localhost"_s << 80 << false;
        QTest::newRow("wrong domain") << u"barbarbaz.net"_s << 80 << false;
        QTest::newRow("*.wildcard.io: not itself") << u"wildcard.io"_s << 80 << false;
        QTest::newRow("*.wildcard.io: subdomain") << u"nested.wildcard.io"_s << 80 << true;
        QTest::newRow("*.wildcard.io: not a prefix") << u"awildcard.io"_s << 80 << false;
        QTest::newRow("name:port, case-insensitive") << u"kube.internal"_s << 6443 << true;
        QTest::newRow("name:port, other port") << u"kube.internal"_s << 443 << false;
        QTest::newRow("name:port, subdomain") << u"api.KUBE.internal"_s << 6443 << true;
    }

    void bypasses()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(bool, bypass);
        QCOMPARE(ProxyEnvironment::bypasses(kNoProxy, host, port), bypass);
        // "*" sends everything direct.
        QVERIFY(ProxyEnvironment::bypasses(u" * "_s, host, port));
        // Nothing but the loopback rule without a list.
        const bool loopback = host == u"localhost"_s || host.startsWith(u"127."_s) || host == u"::1"_s;
        QCOMPARE(ProxyEnvironment::bypasses(QString(), host, port), loopback);
    }

    void malformedEntriesAreIgnored()
    {
        // Go: ":1" has no host part and is skipped, not a crash or a match-all.
        QVERIFY(!ProxyEnvironment::bypasses(u":1"_s, u"example.com"_s, 80));
        QVERIFY(!ProxyEnvironment::bypasses(u",, ,"_s, u"example.com"_s, 80));
        // Qt would read "10.1" as 10.0.0.1; Go reads it as a domain name that matches nothing here.
        QVERIFY(!ProxyEnvironment::bypasses(u"10.1"_s, u"10.0.0.1"_s, 80));
        QVERIFY(!ProxyEnvironment::bypasses(u"10.0.0.0/33"_s, u"10.0.0.1"_s, 80));
    }

    void networkProxy_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("port");

        QTest::newRow("http default port") << u"http://proxy"_s << true << int(QNetworkProxy::HttpProxy) << 80;
        QTest::newRow("http port") << u"http://proxy:3128"_s << true << int(QNetworkProxy::HttpProxy) << 3128;
        QTest::newRow("socks5 default port") << u"socks5://proxy"_s << true << int(QNetworkProxy::Socks5Proxy)
                                             << 1080;
        QTest::newRow("https refused") << u"https://proxy"_s << false << 0 << 0;
        QTest::newRow("ftp refused") << u"ftp://proxy"_s << false << 0 << 0;
    }

    void networkProxy()
    {
        QFETCH(QString, url);
        QFETCH(bool, ok);
        const auto proxy = networkProxyFor(QUrl(url), u"HTTPS_PROXY"_s);
        QCOMPARE(proxy.ok(), ok);
        if (!ok) {
            QVERIFY(proxy.error().message.contains(u"HTTPS_PROXY"_s));
            return;
        }
        QTEST(int(proxy.value().type()), "type");
        QTEST(int(proxy.value().port()), "port");
        QCOMPARE(proxy.value().hostName(), u"proxy"_s);
    }

    void credentialsStayOutOfMessages()
    {
        const QUrl url(u"http://user:s3cret@proxy:3128"_s);
        const auto proxy = networkProxyFor(url, u"HTTPS_PROXY"_s);
        QVERIFY(proxy.ok());
        QCOMPARE(proxy.value().user(), u"user"_s);
        QCOMPARE(proxy.value().password(), u"s3cret"_s);
        QCOMPARE(redactedProxy(url), u"http://proxy:3128"_s);
    }
};

QTEST_GUILESS_MAIN(TstProxyEnvironment)
#include "tst_proxyenvironment.moc"
