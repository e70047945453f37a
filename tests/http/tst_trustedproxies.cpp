#include "RawHttpClient.h"

#include "core/api/http/HttpServer.h"
#include "core/api/http/TrustedProxies.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

// Behind a proxy: who the client is (Forwarded, X-Forwarded-For), the scheme and host it asked
// for, only from trusted peers; over real connections, the client an echo route sees and the
// per-address connection cap that a proxy's connections are not held to.

using namespace tierdesk::http;
using tierdesk::test::RawHttpClient;

namespace {

const QHostAddress kUntrusted(QStringLiteral("127.0.0.2"));

TrustedProxies proxies(const char *list)
{
    const auto p = TrustedProxies::parse(QString::fromLatin1(list));
    return p ? *p : TrustedProxies();
}

// A request from `peer` with the given headers, as TrustedProxies::apply leaves it.
HttpRequest applied(
    const TrustedProxies &trusted, const char *peer, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    HttpRequest r;
    r.peerAddress = QHostAddress(QString::fromLatin1(peer));
    r.host = QStringLiteral("10.0.0.11:8080");
    for (const auto &[name, value] : headers)
        r.headers.insert(name, value);
    trusted.apply(r);
    return r;
}

QString clientOf(const TrustedProxies &trusted, const char *peer, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return applied(trusted, peer, headers).peerAddress.toString();
}

} // namespace

class TestTrustedProxies : public QObject {
    Q_OBJECT

private slots:
    void theListIsChecked();
    void onlyATrustedPeerNamesTheClient();
    void theRightMostUntrustedHopIsTheClient();
    void forwardedAsRfc7239Writes();
    void schemeAndHostOfTheNearestProxy();
    void aRealServerSeesTheClient();
    void aProxyIsNotHeldToThePerAddressCap();
};

void TestTrustedProxies::theListIsChecked()
{
    QVERIFY(TrustedProxies::parse(QString())->isEmpty());
    const auto ok = TrustedProxies::parse(QStringLiteral(" 10.0.0.5, 192.168.0.0/16,::1 , 2001:db8::/32"));
    QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
    QVERIFY(ok->trusts(QHostAddress(QStringLiteral("10.0.0.5"))));
    QVERIFY(!ok->trusts(QHostAddress(QStringLiteral("10.0.0.6"))));
    QVERIFY(ok->trusts(QHostAddress(QStringLiteral("192.168.7.9"))));
    QVERIFY(ok->trusts(QHostAddress(QStringLiteral("::1"))));
    QVERIFY(ok->trusts(QHostAddress(QStringLiteral("2001:db8:1::9"))));
    // A peer accepted on an IPv6 socket as IPv4-mapped is its IPv4 self.
    QVERIFY(ok->trusts(QHostAddress(QStringLiteral("::ffff:10.0.0.5"))));
    for (const char *bad : {"10.0.0.300", "proxy.example.com", "10.0.0.0/33", "10.0.0.1 10.0.0.2"}) {
        const auto refused = TrustedProxies::parse(QString::fromLatin1(bad));
        QVERIFY2(!refused, bad);
        QVERIFY2(refused.error().message.contains(QLatin1String("server/trustedProxies")),
            qPrintable(refused.error().message));
    }
    QStringList many;
    for (int i = 0; i <= TrustedProxies::kMaxEntries; ++i)
        many << QStringLiteral("10.1.0.%1").arg(i);
    QVERIFY(!TrustedProxies::parse(many.join(QLatin1Char(','))));
}

void TestTrustedProxies::onlyATrustedPeerNamesTheClient()
{
    const TrustedProxies trusted = proxies("10.0.0.0/24");
    const QList<QPair<QByteArray, QByteArray>> forged{
        {"x-forwarded-for", "203.0.113.9"}, {"x-forwarded-proto", "https"}, {"x-forwarded-host", "desk.example.com"}};
    const HttpRequest fromAClient = applied(trusted, "198.51.100.4", forged);
    QCOMPARE(fromAClient.peerAddress.toString(), QStringLiteral("198.51.100.4"));
    QCOMPARE(fromAClient.scheme, QStringLiteral("http"));
    QCOMPARE(fromAClient.host, QStringLiteral("10.0.0.11:8080"));
    // No proxy trusted: none names anyone.
    QCOMPARE(clientOf(TrustedProxies(), "10.0.0.2", forged), QStringLiteral("10.0.0.2"));
    QCOMPARE(clientOf(trusted, "10.0.0.2", forged), QStringLiteral("203.0.113.9"));
    // A trusted peer that forwards nothing is the client.
    QCOMPARE(clientOf(trusted, "10.0.0.2", {}), QStringLiteral("10.0.0.2"));
}

void TestTrustedProxies::theRightMostUntrustedHopIsTheClient()
{
    const TrustedProxies trusted = proxies("10.0.0.0/8");
    // What the client wrote itself stands left of the address its proxy saw.
    QCOMPARE(clientOf(trusted, "10.0.0.2", {{"x-forwarded-for", "6.6.6.6, 198.51.100.4, 10.0.0.3"}}),
        QStringLiteral("198.51.100.4"));
    // Every hop a trusted proxy: the first of them.
    QCOMPARE(clientOf(trusted, "10.0.0.2", {{"x-forwarded-for", "10.0.0.4,10.0.0.3"}}), QStringLiteral("10.0.0.4"));
    // Ports and brackets as proxies write them.
    QCOMPARE(clientOf(trusted, "10.0.0.2", {{"x-forwarded-for", "198.51.100.4:5123"}}), QStringLiteral("198.51.100.4"));
    QCOMPARE(clientOf(trusted, "10.0.0.2", {{"x-forwarded-for", "[2001:db8::7]:443"}}), QStringLiteral("2001:db8::7"));
    // A hop that names no address: nothing to its left is believed.
    QCOMPARE(
        clientOf(trusted, "10.0.0.2", {{"x-forwarded-for", "198.51.100.4, nonsense"}}), QStringLiteral("10.0.0.2"));
    QCOMPARE(
        clientOf(trusted, "10.0.0.2", {{"x-forwarded-for", "nonsense, 198.51.100.4"}}), QStringLiteral("198.51.100.4"));
    QCOMPARE(clientOf(trusted, "10.0.0.2", {{"x-forwarded-for", ""}}), QStringLiteral("10.0.0.2"));
}

void TestTrustedProxies::forwardedAsRfc7239Writes()
{
    const TrustedProxies trusted = proxies("10.0.0.0/8");
    // RFC 7239's own examples: quoted IPv6 with a port, several elements, parameters in any case.
    const HttpRequest r = applied(trusted, "10.0.0.2",
        {{"forwarded",
             "for=192.0.2.60;proto=http;by=203.0.113.43, For=\"[2001:db8:cafe::17]:4711\";PROTO=https;"
             "host=desk.example.com"},
            {"x-forwarded-for", "198.51.100.99"}});
    QCOMPARE(r.peerAddress.toString(), QStringLiteral("2001:db8:cafe::17")); // Forwarded wins over X-Forwarded-For
    QCOMPARE(r.scheme, QStringLiteral("https"));
    QCOMPARE(r.host, QStringLiteral("desk.example.com"));
    QCOMPARE(clientOf(trusted, "10.0.0.2", {{"forwarded", "for=unknown"}}), QStringLiteral("10.0.0.2"));
    QCOMPARE(clientOf(trusted, "10.0.0.2", {{"forwarded", "for=\"_hidden\", for=198.51.100.4"}}),
        QStringLiteral("198.51.100.4"));
    QCOMPARE(clientOf(trusted, "10.0.0.2", {{"forwarded", "for=198.51.100.4, for=10.1.2.3"}}),
        QStringLiteral("198.51.100.4"));
}

void TestTrustedProxies::schemeAndHostOfTheNearestProxy()
{
    const TrustedProxies trusted = proxies("10.0.0.2");
    HttpRequest r = applied(trusted, "10.0.0.2",
        {{"x-forwarded-proto", "http, HTTPS"}, {"x-forwarded-host", "evil.example, desk.example.com:8443"}});
    QCOMPARE(r.scheme, QStringLiteral("https"));
    QCOMPARE(r.host, QStringLiteral("desk.example.com:8443"));
    QCOMPARE(r.baseUrl(), QStringLiteral("https://desk.example.com:8443"));
    // What could not be a scheme or a host is not taken.
    r = applied(trusted, "10.0.0.2", {{"x-forwarded-proto", "javascript"}, {"x-forwarded-host", "a b/c"}});
    QCOMPARE(r.scheme, QStringLiteral("http"));
    QCOMPARE(r.host, QStringLiteral("10.0.0.11:8080"));
}

void TestTrustedProxies::aRealServerSeesTheClient()
{
    HttpServer server;
    server.setTrustedProxies(proxies("127.0.0.1"));
    server.router().route("GET", QStringLiteral("/who"), [](const HttpRequest &req, const HttpResponder &res) {
        res.send(HttpResponse::json(200,
            QJsonObject{
                {QStringLiteral("client"), req.peerAddress.toString()}, {QStringLiteral("base"), req.baseUrl()}}));
    });
    QVERIFY(server.listen(QHostAddress::AnyIPv4, 0));
    const QByteArray request = "GET /who HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-For: 203.0.113.9\r\n"
                               "X-Forwarded-Proto: https\r\nX-Forwarded-Host: desk.example.com\r\n\r\n";
    RawHttpClient proxy;
    QVERIFY(proxy.connectTo(server.serverPort()));
    proxy.send(request);
    QJsonObject seen = QJsonDocument::fromJson(proxy.read().body).object();
    QCOMPARE(seen.value(QLatin1String("client")).toString(), QStringLiteral("203.0.113.9"));
    QCOMPARE(seen.value(QLatin1String("base")).toString(), QStringLiteral("https://desk.example.com"));
    // The same headers from a peer nobody trusts: its own address, the Host it sent.
    RawHttpClient forger;
    QVERIFY(forger.connectTo(server.serverPort(), kUntrusted));
    forger.send(request);
    seen = QJsonDocument::fromJson(forger.read().body).object();
    QCOMPARE(seen.value(QLatin1String("client")).toString(), QStringLiteral("127.0.0.2"));
    QCOMPARE(seen.value(QLatin1String("base")).toString(), QStringLiteral("http://127.0.0.1"));
}

void TestTrustedProxies::aProxyIsNotHeldToThePerAddressCap()
{
    HttpLimits limits;
    limits.maxConnectionsPerAddress = 2;
    HttpServer server(limits);
    server.setTrustedProxies(proxies("127.0.0.1"));
    server.router().route("GET", QStringLiteral("/hello"), [](const HttpRequest &, const HttpResponder &res) {
        res.send(HttpResponse::json(200, QJsonObject{{QStringLiteral("ok"), true}}));
    });
    QVERIFY(server.listen(QHostAddress::AnyIPv4, 0));
    const QByteArray hello = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";
    // The proxy keeps three connections open (many clients' requests): all served.
    std::vector<std::unique_ptr<RawHttpClient>> proxy;
    for (int i = 0; i < 3; ++i) {
        proxy.push_back(std::make_unique<RawHttpClient>());
        QVERIFY(proxy.back()->connectTo(server.serverPort()));
        proxy.back()->send(hello);
        QCOMPARE(proxy.back()->read().status, 200);
    }
    // A client of its own is held to two.
    std::vector<std::unique_ptr<RawHttpClient>> client;
    for (int i = 0; i < 3; ++i) {
        client.push_back(std::make_unique<RawHttpClient>());
        QVERIFY(client.back()->connectTo(server.serverPort(), kUntrusted));
        client.back()->send(hello);
        QCOMPARE(client.back()->read().status, i < 2 ? 200 : 503);
    }
}

QTEST_GUILESS_MAIN(TestTrustedProxies)
#include "tst_trustedproxies.moc"
