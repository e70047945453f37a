// PKCE (RFC 7636) against its appendix B vector, and the random values of a sign-in.
#include "core/integrations/oidc/Pkce.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace tierdesk;

class TestPkce : public QObject {
    Q_OBJECT

private slots:
    void rfc7636AppendixB()
    {
        QCOMPARE(Pkce::challengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            QByteArrayLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
    }

    void verifiersAreLongUnreservedAndNew()
    {
        static const QRegularExpression unreserved(QStringLiteral("^[A-Za-z0-9._~-]{43,128}$"));
        QSet<QByteArray> seen;
        for (int i = 0; i < 100; ++i) {
            const QByteArray v = Pkce::newVerifier();
            QCOMPARE(v.size(), 43);
            QVERIFY(unreserved.match(QString::fromLatin1(v)).hasMatch());
            QVERIFY(!seen.contains(v));
            seen.insert(v);
            QVERIFY(Pkce::newToken() != v);
        }
    }

    void base64UrlIsStrict()
    {
        bool ok = false;
        QCOMPARE(fromBase64Url("SGVsbG8", &ok), QByteArrayLiteral("Hello"));
        QVERIFY(ok);
        QCOMPARE(base64Url("\xfb\xff"), QByteArrayLiteral("-_8"));
        for (const QByteArray &bad :
            {QByteArray("SGVsbG8="), QByteArray("SGV+bG8"), QByteArray("SGV/bG8"), QByteArray("a b")}) {
            fromBase64Url(bad, &ok);
            QVERIFY2(!ok, bad.constData());
        }
    }
};

QTEST_APPLESS_MAIN(TestPkce)
#include "tst_pkce.moc"
