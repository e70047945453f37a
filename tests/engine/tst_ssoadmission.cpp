// The role a sign-in gives: the role claim read as a string or an array of strings, the highest
// role mapped winning, the default role when nothing maps (the admission itself runs end to end in
// tests/e2e/oidc.test.mjs against a real provider).
#include "core/engine/access/SsoAdmission.h"

#include <QJsonArray>
#include <QTest>

using namespace tierdesk;

class TestSsoAdmission : public QObject {
    Q_OBJECT

private:
    static OidcSettings settings()
    {
        OidcSettings s;
        s.roleClaim = QStringLiteral("groups");
        s.roleMap = {{QStringLiteral("staff"), QStringLiteral("agent")},
            {QStringLiteral("leads"), QStringLiteral("supervisor")}, {QStringLiteral("it"), QStringLiteral("admin")}};
        s.defaultRole = QStringLiteral("agent");
        return s;
    }
    static QString roleOf(const QJsonValue &groups)
    {
        return SsoAdmission::roleOf(settings(), QJsonObject{{QStringLiteral("groups"), groups}});
    }

private slots:
    void highestMappedRoleWins()
    {
        QCOMPARE(roleOf(QJsonArray{QStringLiteral("staff"), QStringLiteral("leads")}), QStringLiteral("supervisor"));
        QCOMPARE(roleOf(QJsonArray{QStringLiteral("it"), QStringLiteral("leads"), QStringLiteral("staff")}),
            QStringLiteral("admin"));
        QCOMPARE(roleOf(QStringLiteral("leads")), QStringLiteral("supervisor"));
    }

    void defaultWhenNothingMaps()
    {
        OidcSettings s = settings();
        s.defaultRole = QStringLiteral("supervisor");
        QCOMPARE(SsoAdmission::roleOf(s, QJsonObject{{QStringLiteral("groups"), QJsonArray{QStringLiteral("other")}}}),
            QStringLiteral("supervisor"));
        QCOMPARE(SsoAdmission::roleOf(s, QJsonObject{}), QStringLiteral("supervisor"));
        // Values that are not strings map to nothing; the map's keys are compared exactly.
        QCOMPARE(roleOf(QJsonArray{1, true, QJsonObject{}}), QStringLiteral("agent"));
        QCOMPARE(roleOf(QStringLiteral("IT")), QStringLiteral("agent"));
    }
};

QTEST_APPLESS_MAIN(TestSsoAdmission)
#include "tst_ssoadmission.moc"
