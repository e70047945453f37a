#include "core/domain/Enums.h"

#include <QtTest>

using namespace tierdesk;

// Every enum of seed 001: each value's wire name parses back to the same value,
// the wire names are the seed's, and anything else parses to nothing.
class TestEnums : public QObject {
    Q_OBJECT

private:
    template <typename E> void roundTrip(int count, const QStringList &expectedNames)
    {
        QCOMPARE(allNames<E>(), expectedNames);
        for (int i = 0; i < count; ++i) {
            const E value = static_cast<E>(i);
            const QString name = toString(value);
            QCOMPARE(name, expectedNames.at(i));
            const std::optional<E> back = parse<E>(name);
            QVERIFY2(back.has_value(), qPrintable(name));
            QVERIFY2(*back == value, qPrintable(name));
        }
        const QString first = expectedNames.first();
        const QStringList bads{QString(), QStringLiteral(" "), QStringLiteral("UNKNOWN"),
            QString(first + QLatin1Char(' ')), QString(QLatin1Char(' ') + first), QString(first + QLatin1Char('X')),
            first.toLower() == first ? first.toUpper() : first.toLower()};
        for (const QString &bad : bads)
            QVERIFY2(!parse<E>(bad).has_value(), qPrintable(bad));
    }

private slots:
    void tiers()
    {
        roundTrip<Tier>(3, {QStringLiteral("AI_REP"), QStringLiteral("AI_MANAGER"), QStringLiteral("HUMAN_AGENT")});
        QVERIFY(!parse<Tier>(QStringLiteral("ai_rep")).has_value());
        QVERIFY(rank(Tier::AiRep) < rank(Tier::AiManager));
        QVERIFY(rank(Tier::AiManager) < rank(Tier::HumanAgent));
    }

    void statuses()
    {
        roundTrip<SessionStatus>(5,
            {QStringLiteral("ACTIVE"), QStringLiteral("WAITING_CUSTOMER"), QStringLiteral("ESCALATED"),
                QStringLiteral("RESOLVED"), QStringLiteral("ABANDONED")});
        QVERIFY(!parse<SessionStatus>(QStringLiteral("active")).has_value());
    }

    void channels()
    {
        // The seed writes channels in lower case.
        roundTrip<Channel>(
            4, {QStringLiteral("voice"), QStringLiteral("chat"), QStringLiteral("email"), QStringLiteral("sms")});
        QVERIFY(!parse<Channel>(QStringLiteral("CHAT")).has_value());
        QVERIFY(!parse<Channel>(QStringLiteral("phone")).has_value());
    }

    void categories()
    {
        roundTrip<IssueCategory>(10,
            {QStringLiteral("BILLING"), QStringLiteral("SHIPPING"), QStringLiteral("PRODUCT_QUALITY"),
                QStringLiteral("SUBSCRIPTION"), QStringLiteral("REFUND"), QStringLiteral("TECHNICAL"),
                QStringLiteral("ACCOUNT"), QStringLiteral("GENERAL_INQUIRY"), QStringLiteral("COMPLAINT"),
                QStringLiteral("CANCELLATION")});
    }

    void sentiments()
    {
        roundTrip<Sentiment>(6,
            {QStringLiteral("HAPPY"), QStringLiteral("SATISFIED"), QStringLiteral("NEUTRAL"),
                QStringLiteral("FRUSTRATED"), QStringLiteral("ANGRY"), QStringLiteral("IRATE")});
        QVERIFY(!isNegative(Sentiment::Happy));
        QVERIFY(!isNegative(Sentiment::Satisfied));
        QVERIFY(!isNegative(Sentiment::Neutral));
        QVERIFY(isNegative(Sentiment::Frustrated));
        QVERIFY(isNegative(Sentiment::Angry));
        QVERIFY(isNegative(Sentiment::Irate));
    }

    void escalationReasons()
    {
        roundTrip<EscalationReason>(12,
            {QStringLiteral("IRATE_CUSTOMER"), QStringLiteral("REFUND_REQUEST"), QStringLiteral("COMPLEX_ISSUE"),
                QStringLiteral("REPEAT_CONTACT"), QStringLiteral("HIGH_VALUE_CUSTOMER"),
                QStringLiteral("LEGAL_MENTION"), QStringLiteral("SOCIAL_MEDIA_THREAT"),
                QStringLiteral("REFUND_OVER_THRESHOLD"), QStringLiteral("CUSTOMER_REQUEST"),
                QStringLiteral("POLICY_EXCEPTION"), QStringLiteral("ESCALATED_COMPLAINT"),
                QStringLiteral("TECHNICAL_LIMITATION")});
    }

    void resolutionTypes()
    {
        roundTrip<ResolutionType>(9,
            {QStringLiteral("INFORMATION_PROVIDED"), QStringLiteral("ISSUE_RESOLVED"),
                QStringLiteral("REFUND_PROCESSED"), QStringLiteral("REPLACEMENT_SENT"),
                QStringLiteral("CREDIT_APPLIED"), QStringLiteral("SUBSCRIPTION_MODIFIED"),
                QStringLiteral("ESCALATED_TO_HUMAN"), QStringLiteral("CUSTOMER_SATISFIED"),
                QStringLiteral("UNRESOLVED")});
    }

    void namesOfOneEnumAreNotAnother()
    {
        QVERIFY(!parse<Tier>(QStringLiteral("ACTIVE")).has_value());
        QVERIFY(!parse<Sentiment>(QStringLiteral("AI_REP")).has_value());
        QVERIFY(!parse<EscalationReason>(QStringLiteral("REFUND")).has_value());
        QVERIFY(!parse<IssueCategory>(QStringLiteral("REFUND_REQUEST")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestEnums)
#include "tst_enums.moc"
