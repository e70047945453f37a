// X-Twilio-Signature: Twilio's own published vectors (its helper libraries' tests), a signature
// computed by an independent signer (Python's hmac, run here), and what must be refused.
#include "core/integrations/twilio/TwilioSignature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

using namespace tierdesk;

namespace {

// Twilio's documented example ("Webhooks security"; RequestValidator tests of twilio-python,
// twilio-php, twilio-csharp): auth token 12345, this URL and these POST parameters.
const QString kToken = QStringLiteral("12345");
const QString kUrl = QStringLiteral("https://mycompany.com/myapp.php?foo=1&bar=2");
const QByteArray kExpected = QByteArrayLiteral("RSOYDt4T1cUTdK1PDd93/VVr8B8=");

TwilioSignature::Params documentedParams()
{
    // Not in name order: the signer sorts them.
    return {{QStringLiteral("CallSid"), QStringLiteral("CA1234567890ABCDE")},
        {QStringLiteral("Digits"), QStringLiteral("1234")}, {QStringLiteral("From"), QStringLiteral("+14158675309")},
        {QStringLiteral("To"), QStringLiteral("+18005551212")},
        {QStringLiteral("Caller"), QStringLiteral("+14158675309")}};
}

// Twilio's algorithm written out in Python, run as a separate process: url + name + value for
// each parameter sorted by name, HMAC-SHA1 with the token, base64.
QByteArray pythonSignature(const QString &token, const QString &url, const TwilioSignature::Params &params)
{
    QJsonArray pairs;
    for (const auto &p : params)
        pairs.append(QJsonArray{p.first, p.second});
    const QString script = QStringLiteral(R"(
import base64, hashlib, hmac, json, sys
token, url, params = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
data = url + "".join(name + value for name, value in sorted(params))
print(base64.b64encode(hmac.new(token.encode(), data.encode(), hashlib.sha1).digest()).decode())
)");
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
        {QStringLiteral("-c"), script, token, url,
            QString::fromUtf8(QJsonDocument(pairs).toJson(QJsonDocument::Compact))});
    if (!python.waitForFinished(30000) || python.exitCode() != 0)
        return "python3 failed: " + python.readAllStandardError();
    return python.readAllStandardOutput().trimmed();
}

} // namespace

class TestTwilioSignature : public QObject {
    Q_OBJECT

private slots:
    void documentedExample()
    {
        QCOMPARE(TwilioSignature::compute(kToken, kUrl, documentedParams()), kExpected);
        QVERIFY(TwilioSignature::verify(kToken, kUrl, documentedParams(), kExpected));
    }

    // twilio-python's test: a repeated name signs each distinct value once, values sorted.
    void repeatedNames()
    {
        const TwilioSignature::Params params{{QStringLiteral("Sid"), QStringLiteral("CA123")},
            {QStringLiteral("SidAccount"), QStringLiteral("AC123")}, {QStringLiteral("Digits"), QStringLiteral("5678")},
            {QStringLiteral("Digits"), QStringLiteral("1234")}, {QStringLiteral("Digits"), QStringLiteral("1234")}};
        QCOMPARE(TwilioSignature::compute(kToken, kUrl, params), QByteArrayLiteral("IK+Dwps556ElfBT0I3Rgjkr1wJU="));
    }

    // twilio-python's vectors: a signature made with the port explicit or left out holds either way.
    void portGivenOrNot_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QByteArray>("signature");
        QTest::newRow("https, port 1234 dropped")
            << QStringLiteral("https://mycompany.com:1234/myapp.php?foo=1&bar=2") << kExpected;
        QTest::newRow("https, 443 added") << kUrl << QByteArrayLiteral("kvajT1Ptam85bY51eRf/AJRuM3w=");
        QTest::newRow("http, port 1234 kept") << QStringLiteral("http://mycompany.com:1234/myapp.php?foo=1&bar=2")
                                              << QByteArrayLiteral("Zmvh+3yNM1Phv2jhDCwEM3q5ebU=");
        QTest::newRow("http, 80 added") << QStringLiteral("http://mycompany.com/myapp.php?foo=1&bar=2")
                                        << QByteArrayLiteral("0ZXoZLH/DfblKGATFgpif+LLRf4=");
    }

    void portGivenOrNot()
    {
        QFETCH(QString, url);
        QFETCH(QByteArray, signature);
        QVERIFY(TwilioSignature::verify(kToken, url, documentedParams(), signature));
    }

    void urlForms_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QStringList>("forms");
        QTest::newRow("https") << QStringLiteral("https://a.example/x?y=1")
                               << QStringList{QStringLiteral("https://a.example/x?y=1"),
                                      QStringLiteral("https://a.example:443/x?y=1")};
        QTest::newRow("http with port") << QStringLiteral("http://127.0.0.1:8080/x")
                                        << QStringList{QStringLiteral("http://127.0.0.1:8080/x"),
                                               QStringLiteral("http://127.0.0.1/x")};
        QTest::newRow("no path") << QStringLiteral("https://a.example")
                                 << QStringList{
                                        QStringLiteral("https://a.example"), QStringLiteral("https://a.example:443")};
        QTest::newRow("ipv6 with port") << QStringLiteral("http://[::1]:8080/x")
                                        << QStringList{
                                               QStringLiteral("http://[::1]:8080/x"), QStringLiteral("http://[::1]/x")};
        QTest::newRow("ipv6") << QStringLiteral("https://[::1]/x")
                              << QStringList{QStringLiteral("https://[::1]/x"), QStringLiteral("https://[::1]:443/x")};
        QTest::newRow("user info") << QStringLiteral("https://u:p@a.example:8443/x")
                                   << QStringList{QStringLiteral("https://u:p@a.example:8443/x"),
                                          QStringLiteral("https://u:p@a.example/x")};
        QTest::newRow("not a url") << QStringLiteral("a.example/x") << QStringList{QStringLiteral("a.example/x")};
    }

    void urlForms()
    {
        QFETCH(QString, url);
        QFETCH(QStringList, forms);
        QCOMPARE(TwilioSignature::urlForms(url), forms);
    }

    // An inbound WhatsApp message with spaces, '+', '&', '=' and non-ASCII text: the independent
    // signer and ours agree, and ours verifies it.
    void independentSigner()
    {
        const QString token = QStringLiteral("0123456789abcdef0123456789abcdef");
        const QString url = QStringLiteral("https://desk.example.com/api/v1/twilio/c_1/messages");
        const TwilioSignature::Params params{{QStringLiteral("SmsMessageSid"), QStringLiteral("SM0123")},
            {QStringLiteral("NumMedia"), QStringLiteral("0")},
            {QStringLiteral("ProfileName"), QStringLiteral("Zoë Müller")},
            {QStringLiteral("Body"), QStringLiteral("Where is my order #42? 5+5=10 & more 😀")},
            {QStringLiteral("To"), QStringLiteral("whatsapp:+15550100")},
            {QStringLiteral("From"), QStringLiteral("whatsapp:+4915112345678")},
            {QStringLiteral("AccountSid"), QStringLiteral("AC0123")},
            {QStringLiteral("WaId"), QStringLiteral("4915112345678")}};
        const QByteArray theirs = pythonSignature(token, url, params);
        QCOMPARE(TwilioSignature::compute(token, url, params), theirs);
        QVERIFY(TwilioSignature::verify(token, url, params, theirs));
    }

    void refusals()
    {
        const TwilioSignature::Params params = documentedParams();
        QVERIFY(!TwilioSignature::verify(QStringLiteral("12346"), kUrl, params, kExpected)); // another token
        QVERIFY(!TwilioSignature::verify(kToken, kUrl + QStringLiteral("&baz=3"), params, kExpected)); // another URL
        QVERIFY(!TwilioSignature::verify(kToken, QStringLiteral("https://mycompany.com/myapp.php"), params, kExpected));
        TwilioSignature::Params changed = params;
        changed[1].second = QStringLiteral("9999");
        QVERIFY(!TwilioSignature::verify(kToken, kUrl, changed, kExpected)); // a value changed
        QVERIFY(!TwilioSignature::verify(kToken, kUrl, params.mid(1), kExpected)); // a parameter left out
        QVERIFY(!TwilioSignature::verify(kToken, kUrl,
            params + TwilioSignature::Params{{QStringLiteral("Body"), QString()}},
            kExpected)); // one added
        QVERIFY(!TwilioSignature::verify(kToken, kUrl, params, QByteArray())); // none
        QVERIFY(!TwilioSignature::verify(QString(), kUrl, params, kExpected)); // no token to check with
        QVERIFY(!TwilioSignature::verify(kToken, kUrl, params, kExpected.toLower()));
        QVERIFY(!TwilioSignature::verify(kToken, kUrl, params, kExpected + ' '));
        QVERIFY(
            !TwilioSignature::verify(kToken, kUrl, params, QByteArray(TwilioSignature::kMaxSignatureBytes + 1, 'A')));
    }
};

QTEST_GUILESS_MAIN(TestTwilioSignature)
#include "tst_twiliosignature.moc"
