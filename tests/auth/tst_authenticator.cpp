// Authenticator: a token verified once is remembered, but never past its time,
// and a token that differs by a byte is checked from scratch.
#include "core/api/auth/Authenticator.h"
#include "tests/support/FakeClock.h"

#include <QtTest>

using namespace tierdesk;
using namespace tierdesk::api;

namespace {

http::HttpRequest bearing(const QByteArray &token)
{
    http::HttpRequest req;
    req.headers.insert("authorization", "Bearer " + token);
    return req;
}

} // namespace

class TestAuthenticator : public QObject {
    Q_OBJECT

private slots:
    void rememberedTokensStillExpire()
    {
        test::FakeClock clock;
        const Authenticator auth(QByteArray(32, 'k'), clock);
        const QByteArray token = auth.issue(QStringLiteral("co"), Role::Agent, QStringLiteral("ann"), 60);
        for (int i = 0; i < 3; ++i) { // the second and third use come from the remembered check
            const auto p = auth.authenticate(bearing(token), false);
            QVERIFY2(p, p ? "" : qPrintable(p.error().message));
            QCOMPARE(p->subject, QStringLiteral("ann"));
            QCOMPARE(p->role, Role::Agent);
        }
        clock.advanceSecs(61);
        const auto expired = auth.authenticate(bearing(token), false);
        QVERIFY(!expired);
        QCOMPARE(expired.error().message, QStringLiteral("token expired"));
    }

    void aChangedTokenIsCheckedAgain()
    {
        test::FakeClock clock;
        const Authenticator auth(QByteArray(32, 'k'), clock);
        const QByteArray token
            = auth.issue(QStringLiteral("co"), Role::Client, QStringLiteral("w"), 600, QStringLiteral("c1"));
        QVERIFY(auth.authenticate(bearing(token), false));
        QByteArray forged = token;
        forged[forged.size() - 2] = forged.at(forged.size() - 2) == 'A' ? 'B' : 'A'; // the signature's last characters
        const auto refused = auth.authenticate(bearing(forged), false);
        QVERIFY(!refused);
        QCOMPARE(refused.error().message, QStringLiteral("bad signature"));
        // Another key never accepts what this one signed, remembered or not.
        const Authenticator other(QByteArray(32, 'x'), clock);
        QVERIFY(!other.authenticate(bearing(token), false));
    }
};

QTEST_GUILESS_MAIN(TestAuthenticator)
#include "tst_authenticator.moc"
