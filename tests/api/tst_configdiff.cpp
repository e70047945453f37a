// configChanges: the field-level before/after that PUT /config writes to the audit log.
#include "core/api/cs/CsConfigJson.h"

#include <QTest>

using namespace tierdesk;
using namespace tierdesk::api::cs;

class TestConfigDiff : public QObject {
    Q_OBJECT

private slots:
    void sameConfigNoChanges()
    {
        QCOMPARE(configChanges(configJson(CsConfig::defaults()), configJson(CsConfig::defaults())), QJsonArray());
    }
    void leavesWithDottedPathsInKeyOrder()
    {
        const QJsonObject before = configJson(CsConfig::defaults());
        const QJsonObject after = configJson(mergeConfig(CsConfig::defaults(),
            {{QStringLiteral("irateProtocol"),
                 QJsonObject{{QStringLiteral("detectionThreshold"), 0.5},
                     {QStringLiteral("triggerKeywords"), QJsonArray{QStringLiteral("livid")}}}},
                {QStringLiteral("escalationRules"), QJsonObject{{QStringLiteral("complexIssueAfterTurns"), 3}}}})
                                                 .value());
        const QJsonArray expected{
            QJsonObject{{QStringLiteral("path"), QStringLiteral("escalationRules.complexIssueAfterTurns")},
                {QStringLiteral("before"), 2}, {QStringLiteral("after"), 3}},
            QJsonObject{{QStringLiteral("path"), QStringLiteral("irateProtocol.detectionThreshold")},
                {QStringLiteral("before"), 0.7}, {QStringLiteral("after"), 0.5}},
            QJsonObject{{QStringLiteral("path"), QStringLiteral("irateProtocol.triggerKeywords")},
                {QStringLiteral("before"),
                    QJsonArray{QStringLiteral("angry"), QStringLiteral("furious"), QStringLiteral("unacceptable")}},
                {QStringLiteral("after"), QJsonArray{QStringLiteral("livid")}}}};
        QCOMPARE(configChanges(before, after), expected);
    }
    void addedAndRemovedKeys()
    {
        const QJsonArray changes = configChanges({{QStringLiteral("a"), 1}}, {{QStringLiteral("b"), true}});
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).toObject().value(QLatin1String("after")), QJsonValue(QJsonValue::Null));
        QCOMPARE(changes.at(1).toObject().value(QLatin1String("before")), QJsonValue(QJsonValue::Null));
    }
};

QTEST_GUILESS_MAIN(TestConfigDiff)
#include "tst_configdiff.moc"
