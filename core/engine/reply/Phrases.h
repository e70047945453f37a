#pragma once

#include "core/domain/CompanyProfile.h"
#include "core/domain/Language.h"

#include <QString>

class QTimeZone;

namespace tierdesk {

// Every sentence the engine says to a customer, by id. The wording of each is in
// Phrases.cpp, in English and German; callers fill the %1.. placeholders with arg().
enum class Phrase {
    // Openings and small talk (LocalResponder)
    Hello,
    HelloName,
    SorryUpset,
    SorryInconvenience,
    OpenFormal,
    OpenEmpathetic,
    OpenFriendly,
    HowCanIHelp,
    YoureWelcome,
    Goodbye,
    TellMeMore,
    OutOfScope,
    // Hand-overs between tiers
    HandedToPerson,
    ManagerTookOver,
    TeamWillLookAt,
    // Order facts
    OrderCarrier,
    OrderShipped,
    OrderExpected,
    OrderDelivered,
    OrderNotShipped,
    OrderCancelled,
    OrderRefunded,
    OrderStatus,
    // Knowledge-base passages (which stay in the article's language)
    ArticleFrame,
    ArticlesFrame,
    // Details still needed
    NeedOrderNumber,
    CreditAmountPrompt,
    UnknownOrder,
    // The company's own order system (sources/): it could not be asked, or tells only some facts
    OrderCannotCheck,
    OrdersCannotCheck,
    OrderDeliveryDate,
    NoMoneyOnOrder,
    // What was done on a yes
    Refunded,
    RefundedOrder,
    RefundedItem,
    OrderCancelledDone,
    CreditAdded,
    MembershipCancelled,
    MembershipPaused,
    MembershipActive,
    MembershipPlan,
    Declined,
    // Summaries put to the customer for confirmation
    GoAhead,
    GoAheadBoth,
    GoAheadAll,
    RefundCapped,
    WillRefundOrder,
    WillRefundItem,
    WillCancelInstead,
    WillCancel,
    ItemInParentheses,
    WillCredit,
    WillResume,
    WillPause,
    WillCancelMembership,
    WillSwitch,
    // What a person will look at after a hand-over
    DescribeExceptionOrder,
    DescribeExceptionItem,
    DescribeRefund,
    DescribeCredit,
    DescribeMembership,
    DescribeCancel,
    // Refusals and facts
    CannotCancelShipped,
    CannotCancelDelivered,
    CannotCancelStatus,
    CannotCancelNow,
    CannotCancelHere,
    AlreadyRefundedHere,
    ItemRefundedBefore,
    ItemBeyondLeft,
    OutsideReturnWindow,
    InTransitItem,
    InTransitOrder,
    InTransit,
    OtherAccountMembership,
    NoActiveMembership,
    NoActiveSubscription,
    MembershipAlready,
    MembershipIs,
    NoAuthorityClaims,
    RefundFactIssued,
    RefundFactNone,
    RefundedInFull,
    NotChargedCancelled,
    NotChargedYet,
    OnlyLeftToRefund,
    RefundBeyondTier,
    CreditBeyondTier,
    MembershipBeyondTier,
    // The desk: waiting for a person, a person's actions and resolve
    SafeReply,
    TeamBusy,
    TeamAway,
    CallUs,
    AMinute,
    Minutes,
    AnHour,
    Hours,
    Days,
    Closing,
    WebChatByMail, // the subject of a web chat going on by e-mail (WebChatMail): %1 the company
    PersonRefunded,
    PersonCredited,
    // Money at a payment provider (sources/MoneyOutbox): what the provider said, never more.
    RefundRequested,
    RefundAwaitingAnswer,
    RefundNotThrough,
    CreditNotThrough,
    RefundNotFromHere,
    CreditNotFromHere,
    RefundDoneLater,
    RefundFailedLater,
    CreditDoneLater,
    CreditFailedLater,
    PersonRefundRequested,
    CreditAwaitingAnswer,
    // A cancellation at the company's order system (the `cancel` purpose), the same way.
    CancelRequested,
    CancelAwaitingAnswer,
    CancelNotThrough,
    CancelDoneLater,
    CancelFailedLater,
    // The company's own facts: its contact, its AI's name, what its knowledge does not hold
    OtherAccountMembershipAt,
    NotInKnowledge,
    NotInKnowledgeContact,
    NotInKnowledgeToAStranger, // a customer with no purchase on file: no orders offered
    NotInKnowledgeContactToAStranger,
    ContactUs,
    ContactByPhone,
    ContactByEmail,
    ContactOnWebsite,
    ContactOr,
    IntroducesItself,
    ReadMoreAt, // the imported article's page, after its answer
    Count
};

// The phrasebook of one language: its sentences, amounts, dates and status words, with the
// company's currency and time zone.
class Phrases {
public:
    explicit Phrases(Language language = Language::En) : m_language(language) { }
    Phrases(Language language, const CompanyProfile &company)
        : m_language(language), m_currency(company.currency), m_timeZone(company.timeZone)
    {
    }

    Language language() const { return m_language; }
    // The sentence with its placeholders; empty for a phrase a language leaves out.
    QString operator()(Phrase id) const;
    // In the company's currency: "€25.00" in English, "25,00 €" in German.
    QString money(double amount) const;
    const QString &currency() const { return m_currency; }
    // "Monday, March 3" / "Montag, 3. März", in the company's time zone.
    QString day(qint64 msSinceEpoch) const;
    // A wait: "a minute", "2 hours", "3 days" / "einer Minute", "2 Stunden", "3 Tagen".
    QString waitTime(int minutes) const;
    // When a closed company opens, in its time zone: "Monday, 09:00 (Europe/Berlin)" /
    // "Montag, 09:00 Uhr (Europe/Berlin)"; with the date ("Monday, January 5, 09:00 ...")
    // when it is six days or more after `nowMs`.
    QString opening(qint64 msSinceEpoch, const QTimeZone &zone, qint64 nowMs) const;
    // An order's status ("pending") and a membership's ("paused") as the reply says them.
    QString orderStatus(const QString &status) const;
    QString membershipStatus(const QString &status) const;

private:
    Language m_language;
    QString m_currency = CompanyProfile{}.currency;
    QString m_timeZone = CompanyProfile{}.timeZone;
};

} // namespace tierdesk
