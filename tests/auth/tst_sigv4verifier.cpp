// SigV4Verifier against requests signed by a real signer: botocore's SigV4Auth
// (tests/auth/sigv4_sign.py, run with python3). Skipped only when
// python3-botocore is missing (scripts/install-deps.sh installs it).
#include "core/api/auth/SigV4Verifier.h"

#include "tests/support/TestPaths.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace tierdesk;

namespace {

const QString kAccessKey = QStringLiteral("TDAKTESTKEY234567ABC");
const QByteArray kSecret = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";
const QString kRegion = QStringLiteral("eu-west-1");
const QString kBase = QStringLiteral("http://127.0.0.1:8080");

// What a test asks botocore to sign.
struct Spec {
    QString method = QStringLiteral("GET");
    QString url;
    QString body;
    QJsonObject headers;
    QString region = kRegion;
    QString service = QStringLiteral("execute-api");
    QByteArray secret = kSecret;
    QString accessKey = kAccessKey;
};

QJsonObject specJson(const Spec &s)
{
    return {{QStringLiteral("accessKeyId"), s.accessKey},
        {QStringLiteral("secretAccessKey"), QString::fromLatin1(s.secret)}, {QStringLiteral("region"), s.region},
        {QStringLiteral("service"), s.service}, {QStringLiteral("method"), s.method}, {QStringLiteral("url"), s.url},
        {QStringLiteral("headers"), s.headers}, {QStringLiteral("body"), s.body}};
}

SignedRequest fromJson(const QJsonObject &o)
{
    SignedRequest r;
    r.method = o.value(QLatin1String("method")).toString().toLatin1();
    r.rawPath = o.value(QLatin1String("path")).toString().toLatin1();
    r.rawQuery = o.value(QLatin1String("query")).toString().toLatin1();
    r.body = o.value(QLatin1String("body")).toString().toUtf8();
    for (const QJsonValue &h : o.value(QLatin1String("headers")).toArray())
        r.headers.append({h.toArray().at(0).toString().toLatin1(), h.toArray().at(1).toString().toUtf8()});
    return r;
}

QByteArray header(const SignedRequest &r, const QByteArray &lowerName)
{
    for (const auto &h : r.headers)
        if (h.first.toLower() == lowerName)
            return h.second;
    return {};
}

void setHeader(SignedRequest &r, const QByteArray &name, const QByteArray &value)
{
    for (auto &h : r.headers)
        if (h.first.toLower() == name.toLower())
            h.second = value;
}

// When botocore signed it (its X-Amz-Date), in ms.
qint64 signedAt(const SignedRequest &r)
{
    return QDateTime::fromString(QString::fromLatin1(header(r, "x-amz-date")), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))
        .toTimeSpec(Qt::UTC)
        .toMSecsSinceEpoch();
}

} // namespace

class TestSigV4Verifier : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void getWithQueryIsAccepted();
    void postWithJsonBodyIsAccepted();
    void pathNeedingEncodingIsAccepted();
    void extraSignedHeadersAreAccepted();
    void contentSha256IsChecked();
    void changedRequestIsRefused();
    void wrongSecretIsRefused();
    void dateOffByMoreThanFiveMinutesIsRefused();
    void otherRegionOrServiceIsRefused();
    void revokedExpiredOrUnknownKeyIsRefused();
    void malformedAuthorizationIsRefused();
    void dateHeaderServesWithoutXAmzDate();
    void lexServiceAndUnsignedPayload();

private:
    // Signs each spec with botocore; fails the test (returns empty) if it cannot.
    QList<SignedRequest> sign(const QList<Spec> &specs);
    SignedRequest signOne(const Spec &spec);
    KeyVerdict verify(const SignedRequest &r, qint64 offsetMs = 0) const;
    KeyVerdict verifyFor(const SignedRequest &r, const QByteArray &service, SigV4Verifier::Payload payload) const;

    QString m_python;
    ApiTokenRecord m_key;
};

void TestSigV4Verifier::initTestCase()
{
    m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (m_python.isEmpty())
        QSKIP("python3 is not installed");
    QProcess probe;
    probe.start(m_python, {QStringLiteral("-c"), QStringLiteral("import botocore.auth")});
    QVERIFY(probe.waitForFinished(30000));
    if (probe.exitCode() != 0)
        QSKIP("python3-botocore is not installed (scripts/install-deps.sh installs it)");
    m_key.id = QStringLiteral("tok_sigv4");
    m_key.companyId = QStringLiteral("company-a");
    m_key.role = QStringLiteral("admin");
    m_key.kind = tokenkind::SigV4;
    m_key.lookup = kAccessKey;
    m_key.region = kRegion;
    m_key.secret = kSecret;
}

QList<SignedRequest> TestSigV4Verifier::sign(const QList<Spec> &specs)
{
    QJsonArray input;
    for (const Spec &s : specs)
        input.append(specJson(s));
    QProcess p;
    p.start(m_python, {test::sourceDir() + QStringLiteral("/tests/auth/sigv4_sign.py")});
    p.write(QJsonDocument(input).toJson(QJsonDocument::Compact));
    p.closeWriteChannel();
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning("sigv4_sign.py failed: %s", p.readAllStandardError().constData());
        return {};
    }
    QList<SignedRequest> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(p.readAllStandardOutput()).array())
        out << fromJson(v.toObject());
    return out;
}

SignedRequest TestSigV4Verifier::signOne(const Spec &spec)
{
    const QList<SignedRequest> signedRequests = sign({spec});
    return signedRequests.isEmpty() ? SignedRequest{} : signedRequests.constFirst();
}

KeyVerdict TestSigV4Verifier::verify(const SignedRequest &r, qint64 offsetMs) const
{
    const ApiTokenRecord key = m_key;
    const SigV4Verifier verifier([key](const QString &id) -> std::optional<ApiTokenRecord> {
        return id == key.lookup ? std::optional<ApiTokenRecord>(key) : std::nullopt;
    });
    return verifier.verify(r, signedAt(r) + offsetMs);
}

KeyVerdict TestSigV4Verifier::verifyFor(
    const SignedRequest &r, const QByteArray &service, SigV4Verifier::Payload payload) const
{
    const ApiTokenRecord key = m_key;
    const SigV4Verifier verifier(
        [key](const QString &id) -> std::optional<ApiTokenRecord> {
            return id == key.lookup ? std::optional<ApiTokenRecord>(key) : std::nullopt;
        },
        service, payload);
    return verifier.verify(r, signedAt(r));
}

// The Lex runtime family verifies service "lex"; its RecognizeUtterance is sent with UNSIGNED-PAYLOAD
// (botocore's v4-unsigned-body), which only a verifier made for it takes.
void TestSigV4Verifier::lexServiceAndUnsignedPayload()
{
    Spec text;
    text.method = QStringLiteral("POST");
    text.url = kBase + QStringLiteral("/bots/b1/botAliases/a1/botLocales/en_US/sessions/s-1/text");
    text.body = QStringLiteral(R"({"text":"hello"})");
    text.service = QStringLiteral("lex");
    Spec audio = text;
    audio.url = kBase + QStringLiteral("/bots/b1/botAliases/a1/botLocales/en_US/sessions/s-1/utterance");
    audio.body = QStringLiteral("pcm bytes");
    audio.headers = {{QStringLiteral("X-Amz-Content-SHA256"), QStringLiteral("UNSIGNED-PAYLOAD")}};
    const QList<SignedRequest> signedRequests = sign({text, audio});
    QCOMPARE(signedRequests.size(), 2);
    const SignedRequest &t = signedRequests.at(0);
    const SignedRequest &u = signedRequests.at(1);
    using P = SigV4Verifier::Payload;
    QVERIFY(verifyFor(t, "lex", P::Signed).accepted());
    QCOMPARE(verifyFor(t, "execute-api", P::Signed).refusal, KeyRefusal::WrongService);
    QCOMPARE(verify(t).refusal, KeyRefusal::WrongService); // the platform services' verifier
    QCOMPARE(verifyFor(u, "lex", P::Signed).refusal, KeyRefusal::BodyChanged);
    QVERIFY(verifyFor(u, "lex", P::MayBeUnsigned).accepted());
    SignedRequest other = u;
    other.body = "other audio"; // unsigned: the body is not covered, the rest still is
    QVERIFY(verifyFor(other, "lex", P::MayBeUnsigned).accepted());
    other.rawPath = "/bots/b1/botAliases/a1/botLocales/en_US/sessions/s-2/utterance";
    QCOMPARE(verifyFor(other, "lex", P::MayBeUnsigned).refusal, KeyRefusal::WrongSignature);
    // A signed body stays checked by the verifier that also takes unsigned ones.
    SignedRequest changed = t;
    changed.body = R"({"text":"bye"})";
    QCOMPARE(verifyFor(changed, "lex", P::MayBeUnsigned).refusal, KeyRefusal::WrongSignature);
}

void TestSigV4Verifier::getWithQueryIsAccepted()
{
    Spec s;
    // Out of order, a repeated name, encoded spaces and reserved characters, a name without a value.
    s.url = kBase + QStringLiteral("/knowledge/search?q=refund%20policy&limit=5&tag=b&tag=a&x=%2F%3D%26&flag=");
    const SignedRequest r = signOne(s);
    QVERIFY(!r.method.isEmpty());
    const KeyVerdict v = verify(r);
    QVERIFY2(v.accepted(), qPrintable(refusalName(v.refusal) + QLatin1Char(' ') + v.reason));
    QCOMPARE(v.key->companyId, QStringLiteral("company-a"));
    QCOMPARE(v.key->role, QStringLiteral("admin"));
    QCOMPARE(v.key->id, QStringLiteral("tok_sigv4"));
    QVERIFY(v.key->secret.isEmpty()); // the verdict never carries the secret
}

void TestSigV4Verifier::postWithJsonBodyIsAccepted()
{
    Spec s;
    s.method = QStringLiteral("POST");
    s.url = kBase + QStringLiteral("/chatbot/message");
    s.body = QStringLiteral(R"({"sessionId":"s1","message":"Where is my order? — ünïcødé"})");
    s.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json")}};
    const SignedRequest r = signOne(s);
    const KeyVerdict v = verify(r);
    QVERIFY2(v.accepted(), qPrintable(v.reason));
}

void TestSigV4Verifier::pathNeedingEncodingIsAccepted()
{
    // On the wire the path is percent-encoded once; AWS encodes it once more to sign.
    Spec s;
    s.url = kBase + QStringLiteral("/knowledge/articles/caf%C3%A9%20menu/a%2Fb/(draft)!*'~:@");
    const SignedRequest r = signOne(s);
    QCOMPARE(r.rawPath, QByteArray("/knowledge/articles/caf%C3%A9%20menu/a%2Fb/(draft)!*'~:@"));
    KeyVerdict v = verify(r);
    QVERIFY2(v.accepted(), qPrintable(v.reason));
    // Dot segments and repeated slashes are removed before signing, as botocore does.
    s.url = kBase + QStringLiteral("/knowledge//a/./b/../c/");
    v = verify(signOne(s));
    QVERIFY2(v.accepted(), qPrintable(v.reason));
}

void TestSigV4Verifier::extraSignedHeadersAreAccepted()
{
    // As npm aws4 sends them: Content-Type and Content-Length signed, odd spacing in a value.
    Spec s;
    s.method = QStringLiteral("PUT");
    s.url = kBase + QStringLiteral("/routing/rules/r1");
    s.body = QStringLiteral(R"({"queue":"orders"})");
    s.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json; charset=utf-8")},
        {QStringLiteral("Content-Length"), QString::number(s.body.size())},
        {QStringLiteral("X-Tenant-Note"), QStringLiteral("  two   spaces  inside ")}};
    const SignedRequest r = signOne(s);
    QVERIFY(header(r, "authorization").contains("content-length;content-type;host;x-amz-date;x-tenant-note"));
    const KeyVerdict v = verify(r);
    QVERIFY2(v.accepted(), qPrintable(v.reason));
    SignedRequest changed = r;
    setHeader(changed, "x-tenant-note", "other");
    QCOMPARE(verify(changed).refusal, KeyRefusal::WrongSignature);
}

void TestSigV4Verifier::contentSha256IsChecked()
{
    Spec s;
    s.method = QStringLiteral("POST");
    s.url = kBase + QStringLiteral("/sentiment/analyze");
    s.body = QStringLiteral(R"({"text":"great"})");
    s.headers = {{QStringLiteral("X-Amz-Content-SHA256"), QString::fromLatin1(sigv4::sha256Hex(s.body.toUtf8()))}};
    SignedRequest r = signOne(s);
    KeyVerdict v = verify(r);
    QVERIFY2(v.accepted(), qPrintable(v.reason));
    r.body = R"({"text":"awful"})";
    v = verify(r);
    QCOMPARE(v.refusal, KeyRefusal::BodyChanged);
    s.headers = {{QStringLiteral("X-Amz-Content-SHA256"), QStringLiteral("UNSIGNED-PAYLOAD")}};
    QCOMPARE(verify(signOne(s)).refusal, KeyRefusal::BodyChanged);
}

void TestSigV4Verifier::changedRequestIsRefused()
{
    Spec post;
    post.method = QStringLiteral("POST");
    post.url = kBase + QStringLiteral("/escalation/create?priority=high");
    post.body = QStringLiteral(R"({"sessionId":"s1","amount":10})");
    const SignedRequest r = signOne(post);
    QVERIFY(verify(r).accepted());

    SignedRequest body = r;
    body.body = R"({"sessionId":"s1","amount":1000})";
    QCOMPARE(verify(body).refusal, KeyRefusal::WrongSignature);
    SignedRequest path = r;
    path.rawPath = "/escalation/delete";
    QCOMPARE(verify(path).refusal, KeyRefusal::WrongSignature);
    SignedRequest query = r;
    query.rawQuery = "priority=low";
    QCOMPARE(verify(query).refusal, KeyRefusal::WrongSignature);
    SignedRequest method = r;
    method.method = "PUT";
    QCOMPARE(verify(method).refusal, KeyRefusal::WrongSignature);
    SignedRequest host = r;
    setHeader(host, "host", "evil.example.com");
    QCOMPARE(verify(host).refusal, KeyRefusal::WrongSignature);
}

void TestSigV4Verifier::wrongSecretIsRefused()
{
    Spec s;
    s.url = kBase + QStringLiteral("/analytics/summary");
    s.secret = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEZ";
    const KeyVerdict v = verify(signOne(s));
    QCOMPARE(v.refusal, KeyRefusal::WrongSignature);
    QVERIFY(!v.accepted());
}

void TestSigV4Verifier::dateOffByMoreThanFiveMinutesIsRefused()
{
    Spec s;
    s.url = kBase + QStringLiteral("/audit/logs");
    const SignedRequest r = signOne(s);
    QVERIFY(verify(r, 299 * 1000).accepted());
    QVERIFY(verify(r, -299 * 1000).accepted());
    QCOMPARE(verify(r, 6 * 60 * 1000).refusal, KeyRefusal::DateSkew); // a replay six minutes later
    QCOMPARE(verify(r, -6 * 60 * 1000).refusal, KeyRefusal::DateSkew); // signed six minutes ahead
    // Moving X-Amz-Date along breaks the signature: the date is signed.
    SignedRequest moved = r;
    setHeader(moved, "x-amz-date",
        QDateTime::fromMSecsSinceEpoch(signedAt(r) + 360000, Qt::UTC)
            .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))
            .toLatin1());
    QVERIFY(!verify(moved).accepted()); // checked at the moved time: not too old, but not signed so
}

void TestSigV4Verifier::otherRegionOrServiceIsRefused()
{
    Spec region;
    region.url = kBase + QStringLiteral("/notifications/list");
    region.region = QStringLiteral("us-east-1");
    Spec service = region;
    service.region = kRegion;
    service.service = QStringLiteral("s3");
    const QList<SignedRequest> both = sign({region, service});
    QCOMPARE(both.size(), 2);
    QCOMPARE(verify(both.at(0)).refusal, KeyRefusal::WrongRegion);
    QCOMPARE(verify(both.at(1)).refusal, KeyRefusal::WrongService);
}

void TestSigV4Verifier::revokedExpiredOrUnknownKeyIsRefused()
{
    Spec s;
    s.url = kBase + QStringLiteral("/webhook/list");
    const SignedRequest r = signOne(s);
    QVERIFY(verify(r).accepted());
    const ApiTokenRecord good = m_key;
    m_key.revokedAt = signedAt(r) - 1000;
    QCOMPARE(verify(r).refusal, KeyRefusal::Revoked);
    m_key = good;
    m_key.expiresAt = signedAt(r) - 1;
    QCOMPARE(verify(r).refusal, KeyRefusal::Expired);
    m_key = good;
    m_key.kind = tokenkind::ApiKey; // the same id, but not a SigV4 key
    QCOMPARE(verify(r).refusal, KeyRefusal::UnknownKey);
    m_key = good;
    m_key.secret.clear(); // the data key could not open it
    QCOMPARE(verify(r).refusal, KeyRefusal::UnknownKey);
    m_key = good;
    Spec other = s;
    other.accessKey = QStringLiteral("TDAKNOSUCHKEY2345678");
    QCOMPARE(verify(signOne(other)).refusal, KeyRefusal::UnknownKey);
}

void TestSigV4Verifier::malformedAuthorizationIsRefused()
{
    Spec s;
    s.url = kBase + QStringLiteral("/routing/queues");
    const SignedRequest r = signOne(s);
    const QByteArray auth = header(r, "authorization");
    QVERIFY(verify(r).accepted());
    const QList<QPair<QByteArray, KeyRefusal>> cases{
        {QByteArray(), KeyRefusal::NoCredential},
        {"Bearer abc", KeyRefusal::Malformed},
        {QByteArray(auth).replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA1"), KeyRefusal::Malformed},
        {QByteArray(auth).replace("/aws4_request", "/aws5_request"), KeyRefusal::Malformed},
        {QByteArray(auth).replace("host;x-amz-date", "x-amz-date"), KeyRefusal::Malformed}, // host not signed
        {QByteArray(auth).replace("host;x-amz-date", "host"), KeyRefusal::Malformed}, // the date not signed
        {QByteArray(auth).replace("host;x-amz-date", "host;x-amz-date;x-missing"), KeyRefusal::Malformed},
        {auth.left(auth.indexOf("Signature=")) + "Signature=zz", KeyRefusal::Malformed},
        {auth.left(auth.indexOf(", SignedHeaders")), KeyRefusal::Malformed},
        {auth + QByteArray(5000, 'x'), KeyRefusal::Malformed},
    };
    for (const auto &c : cases) {
        SignedRequest bad = r;
        setHeader(bad, "authorization", c.first);
        const KeyVerdict v = verify(bad);
        QVERIFY2(v.refusal == c.second,
            qPrintable(QString::fromLatin1(c.first.left(80)) + QStringLiteral(" -> ") + refusalName(v.refusal)
                + QLatin1Char(' ') + v.reason));
    }
    // The credential's date must be the request's.
    SignedRequest otherDay = r;
    const QByteArray day = header(r, "x-amz-date").left(8);
    setHeader(otherDay, "authorization", QByteArray(auth).replace(QByteArray("/" + day + "/"), "/20200101/"));
    QCOMPARE(verify(otherDay).refusal, KeyRefusal::Malformed);
}

// Without X-Amz-Date the signed Date header (an HTTP date) is the request time,
// written yyyyMMddTHHmmssZ in the string to sign. Signed here by hand (botocore
// always sends X-Amz-Date).
void TestSigV4Verifier::dateHeaderServesWithoutXAmzDate()
{
    const QDateTime at(QDate(2025, 12, 19), QTime(12, 0, 0), Qt::UTC);
    SignedRequest r;
    r.method = "GET";
    r.rawPath = "/health";
    r.headers = {{"Host", "127.0.0.1:8080"}, {"Date", "Fri, 19 Dec 2025 12:00:00 GMT"}};
    QByteArray missing;
    const QByteArray creq = sigv4::canonicalRequest("GET", "/health", QByteArray(),
        sigv4::canonicalHeaders({"date", "host"}, r.headers, &missing), "date;host", sigv4::sha256Hex({}));
    const QByteArray scope = "20251219/" + kRegion.toLatin1() + "/execute-api/aws4_request";
    const QByteArray signature
        = sigv4::signature(sigv4::signingKey(kSecret, "20251219", kRegion.toLatin1(), "execute-api"),
            sigv4::stringToSign("20251219T120000Z", scope, creq));
    r.headers.append({"Authorization",
        "AWS4-HMAC-SHA256 Credential=" + kAccessKey.toLatin1() + '/' + scope
            + ",SignedHeaders=date;host,Signature=" + signature});
    const ApiTokenRecord key = m_key;
    const SigV4Verifier verifier([key](const QString &) { return std::optional<ApiTokenRecord>(key); });
    KeyVerdict v = verifier.verify(r, at.toMSecsSinceEpoch() + 60000);
    QVERIFY2(v.accepted(), qPrintable(v.reason));
    QCOMPARE(verifier.verify(r, at.toMSecsSinceEpoch() + 301000).refusal, KeyRefusal::DateSkew);
    SignedRequest unsignedDate = r;
    unsignedDate.headers.last().second.replace("SignedHeaders=date;host", "SignedHeaders=host");
    QCOMPARE(verifier.verify(unsignedDate, at.toMSecsSinceEpoch()).refusal, KeyRefusal::Malformed);
}

QTEST_GUILESS_MAIN(TestSigV4Verifier)
#include "tst_sigv4verifier.moc"
