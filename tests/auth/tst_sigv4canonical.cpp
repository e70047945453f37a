// The SigV4 canonical request: AWS's own test-suite vector, and the forms npm
// aws4 (mhart/aws4, aws4.js) sends, derived by hand from its canonicalString():
// each path segment passed through encodeRfc3986Full (so "!'()*" become %XX),
// repeated slashes and dot segments removed; the query parsed with Node's
// querystring ('+' is a space), re-encoded with encodeRfc3986Full and sorted
// by name, repeated names by value; the headers it adds (Host with the port,
// Content-Type, Content-Length, X-Amz-Date) signed, values trimmed.
#include "core/integrations/SigV4Canonical.h"

#include <QTest>

using namespace tierdesk;

class TestSigV4Canonical : public QObject {
    Q_OBJECT

private slots:
    void awsSuiteVectorSignsAlike();
    void canonicalUri_data();
    void canonicalUri();
    void canonicalQuery_data();
    void canonicalQuery();
    void headersAreTrimmedAndJoined();
    void missingSignedHeaderIsNamed();
};

// post-vanilla-query-nonunreserved from the AWS Signature Version 4 test suite
// (also in aws4's test/fixtures): raw reserved characters in the query, a
// '+' that is a space, an invalid percent sequence kept as it is.
void TestSigV4Canonical::awsSuiteVectorSignsAlike()
{
    const QByteArray rawQuery = "@#$%^&+=/,?><`\";:\\|][{}";
    const sigv4::HeaderList headers{{"Date", "Mon, 09 Sep 2011 23:36:00 GMT"}, {"Host", "host.foo.com"}};
    QByteArray missing;
    const QByteArray canonicalHeaders = sigv4::canonicalHeaders({"date", "host"}, headers, &missing);
    QVERIFY(missing.isEmpty());
    const QByteArray creq = sigv4::canonicalRequest("POST", sigv4::canonicalUri("/"), sigv4::canonicalQuery(rawQuery),
        canonicalHeaders, "date;host", sigv4::sha256Hex({}));
    QCOMPARE(creq,
        QByteArray("POST\n/\n%20=%2F%2C%3F%3E%3C%60%22%3B%3A%5C%7C%5D%5B%7B%7D&%40%23%24%25%5E=\n"
                   "date:Mon, 09 Sep 2011 23:36:00 GMT\nhost:host.foo.com\n\ndate;host\n"
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    const QByteArray sts = sigv4::stringToSign("20110909T233600Z", "20110909/us-east-1/host/aws4_request", creq);
    QCOMPARE(sts,
        QByteArray("AWS4-HMAC-SHA256\n20110909T233600Z\n20110909/us-east-1/host/aws4_request\n"
                   "eb3f16b23b20c91e1b5d6f3cd1c1f8c32a6ddcae6024e44bcfa980fbf8561f6c"));
    const QByteArray key
        = sigv4::signingKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20110909", "us-east-1", "host");
    QCOMPARE(
        sigv4::signature(key, sts), QByteArray("28675d93ac1d686ab9988d6617661da4dffe7ba848a2285cb75eac6512e861f9"));
}

void TestSigV4Canonical::canonicalUri_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("empty") << QByteArray() << QByteArray("/");
    QTest::newRow("root") << QByteArray("/") << QByteArray("/");
    QTest::newRow("plain") << QByteArray("/chatbot/message") << QByteArray("/chatbot/message");
    QTest::newRow("encoded space twice") << QByteArray("/kb/a%20b") << QByteArray("/kb/a%2520b");
    QTest::newRow("encoded slash stays in its segment") << QByteArray("/kb/a%2Fb") << QByteArray("/kb/a%252Fb");
    QTest::newRow("aws4 sub-delims") << QByteArray("/kb/(x)!*'") << QByteArray("/kb/%28x%29%21%2A%27");
    QTest::newRow("unreserved stay") << QByteArray("/a-b_c.d~e") << QByteArray("/a-b_c.d~e");
    QTest::newRow("colon and at") << QByteArray("/a:b@c") << QByteArray("/a%3Ab%40c");
    QTest::newRow("utf-8 as sent") << QByteArray("/caf\xc3\xa9") << QByteArray("/caf%C3%A9");
    QTest::newRow("repeated slashes") << QByteArray("/a//b///c") << QByteArray("/a/b/c");
    QTest::newRow("dot segments") << QByteArray("/a/./b/../c") << QByteArray("/a/c");
    QTest::newRow("dot-dot past the root") << QByteArray("/../a") << QByteArray("/a");
    QTest::newRow("trailing slash kept") << QByteArray("/a/b/") << QByteArray("/a/b/");
    QTest::newRow("only dots") << QByteArray("/a/..") << QByteArray("/");
}

void TestSigV4Canonical::canonicalUri()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, canonical);
    QCOMPARE(sigv4::canonicalUri(raw), canonical);
}

void TestSigV4Canonical::canonicalQuery_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("canonical");
    QTest::newRow("none") << QByteArray() << QByteArray();
    QTest::newRow("sorted by name") << QByteArray("b=2&a=1") << QByteArray("a=1&b=2");
    QTest::newRow("repeated names by value") << QByteArray("a=2&a=10&a=1") << QByteArray("a=1&a=10&a=2");
    QTest::newRow("plus is a space") << QByteArray("q=a+b") << QByteArray("q=a%20b");
    QTest::newRow("encoded plus stays a plus") << QByteArray("q=a%2Bb") << QByteArray("q=a%2Bb");
    QTest::newRow("lower-case hex made upper") << QByteArray("q=%2f") << QByteArray("q=%2F");
    QTest::newRow("encoded unreserved decoded") << QByteArray("q=%7E%41") << QByteArray("q=~A");
    QTest::newRow("aws4 sub-delims encoded") << QByteArray("x=%21%27%28%29%2A") << QByteArray("x=%21%27%28%29%2A");
    QTest::newRow("botocore sub-delims raw") << QByteArray("x=!'()*") << QByteArray("x=%21%27%28%29%2A");
    QTest::newRow("name without value") << QByteArray("flag&a=1") << QByteArray("a=1&flag=");
    QTest::newRow("empty value") << QByteArray("flag=") << QByteArray("flag=");
    QTest::newRow("empty pieces skipped") << QByteArray("a=1&&b=2&") << QByteArray("a=1&b=2");
    QTest::newRow("equals in a value") << QByteArray("a=b=c") << QByteArray("a=b%3Dc");
    QTest::newRow("sorted after encoding") << QByteArray("%5A=1&a=1&B=1") << QByteArray("B=1&Z=1&a=1");
    QTest::newRow("utf-8") << QByteArray("q=caf%C3%A9") << QByteArray("q=caf%C3%A9");
}

void TestSigV4Canonical::canonicalQuery()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, canonical);
    QCOMPARE(sigv4::canonicalQuery(raw), canonical);
}

void TestSigV4Canonical::headersAreTrimmedAndJoined()
{
    const sigv4::HeaderList headers{{"Host", "127.0.0.1:8080"}, {"X-Amz-Date", " 20240101T000000Z "}, {"x-multi", "a"},
        {"X-Multi", "  b   c "}, {"Content-Type", "application/json;\tcharset=utf-8"}};
    QByteArray missing;
    QCOMPARE(sigv4::canonicalHeaders({"content-type", "host", "x-amz-date", "x-multi"}, headers, &missing),
        QByteArray("content-type:application/json; charset=utf-8\nhost:127.0.0.1:8080\n"
                   "x-amz-date:20240101T000000Z\nx-multi:a,b c\n"));
    QVERIFY(missing.isEmpty());
}

void TestSigV4Canonical::missingSignedHeaderIsNamed()
{
    QByteArray missing;
    QVERIFY(sigv4::canonicalHeaders({"host", "x-gone"}, {{"Host", "h"}}, &missing).isEmpty());
    QCOMPARE(missing, QByteArray("x-gone"));
}

QTEST_GUILESS_MAIN(TestSigV4Canonical)
#include "tst_sigv4canonical.moc"
