// ReplyGuard: no reply claims an action that was not taken or states an amount
// that is neither moved nor in the facts it was composed from.
#include "core/engine/reply/Phrases.h"
#include "core/engine/reply/ReplyGuard.h"

#include <QJsonArray>
#include <QtTest>

using namespace tierdesk;

namespace {

Order pantsOrder()
{
    Order o;
    o.id = QStringLiteral("ORD-10005");
    o.status = QStringLiteral("delivered");
    o.total = 115;
    o.items = {{QString(), QStringLiteral("Switchback Hiking Pants"), 1, 79.0},
        {QString(), QStringLiteral("Hiker Wool Socks (2-pack)"), 2, 18.0}};
    return o;
}

QStringList reasons(const QList<ReplyGuard::Violation> &violations)
{
    QStringList out;
    for (const auto &v : violations)
        out << v.reason;
    return out;
}

} // namespace

class TestReplyGuard : public QObject {
    Q_OBJECT

private slots:
    void refundClaimNeedsTheRefund();
    void refundClaimMustStateTheAmountMoved();
    void summaryToConfirmIsNoClaim();
    void creditClaimNeedsTheCredit();
    void cancellationClaims();
    void membershipClaims();
    void amountsMustBeInTheFacts();
    void earlierRefundIsAFact();
    void policyQuotedFromAnArticleIsNoClaim();
    void stripKeepsTheTruthfulSentences();
    void amountsAreRead();
    void germanClaimsAreRead();
    void germanOffersAndNegationsClaimNothing();
    void germanAmountsAreRead();
    void claimsInCapitalsAreRead();
    void providerMoneyIsClaimedOnlyWhenConfirmed();
    void screensAreReferredToOnlyInTheWebChat();
    void aModelStatesOnlyTheCompanysFigures();
};

void TestReplyGuard::refundClaimNeedsTheRefund()
{
    ActionReport nothing;
    nothing.order = pantsOrder();
    const QList<KbHit> kb;
    const QString said = QStringLiteral("refund the pants");
    const ReplyGuard guard(nothing, kb, said);
    for (const char *claim : {"I've refunded $79.00 for the pants.", "We have processed your refund of $79.00.",
             "Your refund has been issued.", "I refunded the pants to your card.", "The order has been refunded.",
             "Refund approved! Enjoy."}) {
        const auto bad = guard.check(QString::fromLatin1(claim));
        QVERIFY2(bad.size() == 1, claim);
        QVERIFY2(
            bad.first().reason.contains(QLatin1String("refund that was not made")), qPrintable(bad.first().reason));
    }
    ActionReport done = nothing;
    done.refunded = 79;
    done.actionsTaken = {QStringLiteral("order_lookup"), QStringLiteral("process_refund")};
    QVERIFY(ReplyGuard(done, kb, said).check(QStringLiteral("I've refunded $79.00 for the pants.")).isEmpty());
}

void TestReplyGuard::refundClaimMustStateTheAmountMoved()
{
    ActionReport done;
    done.order = pantsOrder();
    done.refunded = 79;
    const QList<KbHit> kb;
    const QString said;
    const auto bad
        = ReplyGuard(done, kb, said).check(QStringLiteral("Happy to help! I've refunded $115.00 for order ORD-10005."));
    QCOMPARE(bad.size(), 1);
    QVERIFY(bad.first().reason.contains(QLatin1String("other than the 79.00")));
}

void TestReplyGuard::summaryToConfirmIsNoClaim()
{
    ActionReport asked;
    asked.order = pantsOrder();
    asked.confirmation
        = QStringLiteral("I'll refund $79.00 for the Switchback Hiking Pants from ORD-10005 to your original "
                         "payment method. Shall I go ahead?");
    const QList<KbHit> kb;
    const QString said;
    const ReplyGuard guard(asked, kb, said);
    QVERIFY(guard.check(asked.confirmation).isEmpty());
    // Worded differently by another responder: an offer still claims nothing.
    QVERIFY(guard.check(QStringLiteral("I can refund $79.00 for the pants. Would you like me to go ahead?")).isEmpty());
}

void TestReplyGuard::creditClaimNeedsTheCredit()
{
    const QList<KbHit> kb;
    const QString said = QStringLiteral("my package is late");
    ActionReport nothing;
    QCOMPARE(reasons(ReplyGuard(nothing, kb, said).check(QStringLiteral("I've added a $5.00 credit to your account."))),
        QStringList{QStringLiteral("claims a credit that was not applied")});
    ActionReport credited;
    credited.credited = 5;
    QVERIFY(
        ReplyGuard(credited, kb, said).check(QStringLiteral("I've added a $5.00 credit to your account.")).isEmpty());
    QCOMPARE(ReplyGuard(credited, kb, said).check(QStringLiteral("I've applied a $50.00 credit for you.")).size(), 1);
}

void TestReplyGuard::cancellationClaims()
{
    const QList<KbHit> kb;
    const QString said;
    ActionReport nothing;
    const ReplyGuard none(nothing, kb, said);
    QCOMPARE(none.check(QStringLiteral("I've cancelled order ORD-10004.")).size(), 1);
    QCOMPARE(none.check(QStringLiteral("Order ORD-10004 is cancelled; it was never charged.")).size(), 1);
    QCOMPARE(none.check(QStringLiteral("Your membership has been cancelled.")).size(), 1);
    // A question about cancelling, or an order cancelled long ago, claims nothing new.
    QVERIFY(none.check(QStringLiteral("Order ORD-10019 is shipped, so it can no longer be cancelled.")).isEmpty());
    ActionReport history;
    Order old = pantsOrder();
    old.id = QStringLiteral("ORD-10013");
    old.status = QStringLiteral("cancelled");
    history.orders = {old};
    QVERIFY(ReplyGuard(history, kb, said).check(QStringLiteral("Order ORD-10013 is cancelled.")).isEmpty());

    ActionReport cancelled;
    cancelled.cancelledOrder = QStringLiteral("ORD-10004");
    const ReplyGuard done(cancelled, kb, said);
    QVERIFY(done.check(QStringLiteral("Order ORD-10004 is cancelled; it was never charged.")).isEmpty());
    QCOMPARE(done.check(QStringLiteral("I've cancelled order ORD-10016.")).size(), 1);
}

void TestReplyGuard::membershipClaims()
{
    const QList<KbHit> kb;
    const QString said;
    ActionReport nothing;
    nothing.subscriptionFact = QStringLiteral("Your basic membership is paused.");
    const ReplyGuard none(nothing, kb, said);
    QCOMPARE(none.check(QStringLiteral("I've resumed your membership.")).size(), 1);
    QCOMPARE(none.check(QStringLiteral("Your subscription is active again.")).size(), 1);
    QCOMPARE(none.check(QStringLiteral("Your subscription is now on the premium plan.")).size(), 1);
    // The engine's own statement of how things stand is a fact, not a claim.
    QVERIFY(none.check(nothing.subscriptionFact).isEmpty());
    ActionReport changed;
    changed.subscriptionChange = QStringLiteral("active");
    QVERIFY(ReplyGuard(changed, kb, said).check(QStringLiteral("Your subscription is active again.")).isEmpty());
}

void TestReplyGuard::amountsMustBeInTheFacts()
{
    ActionReport looked;
    looked.orders = {pantsOrder()};
    KbHit article;
    article.article.body = QStringLiteral("Return shipping labels cost $6.95, deducted from the refund.");
    const QList<KbHit> kb{article};
    const QString said = QStringLiteral("can i get $20 off");
    const ReplyGuard guard(looked, kb, said);
    QVERIFY(guard.check(QStringLiteral("The pants were $79.00 and the socks $36.00; the order came to $115.00."))
                .isEmpty());
    QVERIFY(guard.check(QStringLiteral("A return label costs $6.95.")).isEmpty());
    QVERIFY(guard.check(QStringLiteral("I can't take $20 off, I'm afraid.")).isEmpty()); // the customer's own figure
    const auto bad = guard.check(QStringLiteral("You'll get $42.50 back."));
    QCOMPARE(bad.size(), 1);
    QVERIFY(bad.first().reason.contains(QLatin1String("42.50")));
}

void TestReplyGuard::earlierRefundIsAFact()
{
    ActionReport looked;
    Order o = pantsOrder();
    o.refundedAmount = 79;
    looked.orders = {o};
    const QList<KbHit> kb;
    const QString said;
    const ReplyGuard guard(looked, kb, said);
    QVERIFY(guard.check(QStringLiteral("A refund of $79.00 was issued for order ORD-10005.")).isEmpty());
    QCOMPARE(guard.check(QStringLiteral("A refund of $115.00 was issued for order ORD-10005.")).size(), 1);
}

void TestReplyGuard::policyQuotedFromAnArticleIsNoClaim()
{
    ActionReport nothing;
    KbHit returns;
    returns.article.body
        = QStringLiteral("We inspect and process your return within **2 business days** of its arrival,\n"
                         "and email you when the refund is issued.");
    const QList<KbHit> kb{returns};
    const QString said;
    const ReplyGuard guard(nothing, kb, said);
    QVERIFY(
        guard
            .check(QStringLiteral("We inspect and process your return within 2 business days of its arrival, and email "
                                  "you when the refund is issued."))
            .isEmpty());
    QCOMPARE(guard.check(QStringLiteral("Your refund is issued.")).size(), 1);
}

void TestReplyGuard::stripKeepsTheTruthfulSentences()
{
    ActionReport looked;
    looked.orders = {pantsOrder()};
    const QList<KbHit> kb;
    const QString said;
    const ReplyGuard guard(looked, kb, said);
    QCOMPARE(guard.strip(QStringLiteral(
                 "Your order ORD-10005 was delivered. I've refunded $115.00 to your card. Anything else?")),
        QStringLiteral("Your order ORD-10005 was delivered. Anything else?"));
}

void TestReplyGuard::amountsAreRead()
{
    QCOMPARE(ReplyGuard::amounts(QStringLiteral("$79, $1,250.50 and $ 6.95 but not 42 or $.")),
        (QList<double>{79, 1250.5, 6.95}));
}

void TestReplyGuard::germanClaimsAreRead()
{
    ActionReport nothing;
    nothing.order = pantsOrder();
    const QList<KbHit> kb;
    const QString said = QStringLiteral("refund the pants");
    const ReplyGuard guard(nothing, kb, said, Language::De);
    const QList<QPair<const char *, const char *>> claims{
        {"Ich habe Ihnen 79,00 $ für die Hose erstattet.", "refund that was not made"},
        {"Wir haben den Betrag bereits zurückerstattet.", "refund that was not made"},
        {"Ihre Erstattung wurde veranlasst.", "refund that was not made"},
        {"Ich habe Ihrem Konto ein Guthaben von 10,00 $ gutgeschrieben.", "credit that was not applied"},
        {"Die Bestellung ORD-10005 wurde storniert.", "cancellation that was not made"},
        {"Ihre Mitgliedschaft ist gekündigt.", "membership cancellation that was not made"},
        {"Ihre Mitgliedschaft ist jetzt pausiert.", "membership change that was not made"},
        {"Ihre Mitgliedschaft ist wieder aktiv.", "membership change that was not made"},
    };
    for (const auto &[claim, reason] : claims) {
        const auto bad = guard.check(QString::fromUtf8(claim));
        QVERIFY2(bad.size() == 1, claim);
        QVERIFY2(bad.first().reason.contains(QLatin1String(reason)), qPrintable(bad.first().reason));
    }
    ActionReport done = nothing;
    done.refunded = 79;
    QVERIFY(ReplyGuard(done, kb, said, Language::De)
                .check(QString::fromUtf8("Ich habe Ihnen 79,00 $ erstattet."))
                .isEmpty());
    const auto wrong
        = ReplyGuard(done, kb, said, Language::De).check(QString::fromUtf8("Ich habe Ihnen 115,00 $ erstattet."));
    QCOMPARE(wrong.size(), 1);
    QVERIFY(wrong.first().reason.contains(QLatin1String("other than the 79.00")));
}

void TestReplyGuard::germanOffersAndNegationsClaimNothing()
{
    ActionReport nothing;
    nothing.order = pantsOrder();
    const QList<KbHit> kb;
    const QString said;
    const ReplyGuard guard(nothing, kb, said, Language::De);
    for (const char *fine : {"Ich erstatte Ihnen 79,00 $ für „Switchback Hiking Pants“ aus der Bestellung ORD-10005. "
                             "Soll ich das für Sie erledigen?",
             "Für die Bestellung ORD-10005 wurde bisher nichts erstattet.",
             "Die Bestellung ORD-10005 kann noch nicht erstattet werden.",
             "Ich storniere die Bestellung ORD-10005, bevor sie versandt wird."})
        QVERIFY2(guard.check(QString::fromUtf8(fine)).isEmpty(), fine);
    // An English article quoted after a German introduction claims nothing done.
    KbHit hit;
    hit.article.body = QStringLiteral(
        "Refunds are issued to the original payment method. We have refunded most orders within a week.");
    const QList<KbHit> article{hit};
    QVERIFY(ReplyGuard(nothing, article, said, Language::De)
                .check(QString::fromUtf8(
                    "Aus unserem Hilfeartikel „Returns“ (auf Englisch): We have refunded most orders within a week."))
                .isEmpty());
}

void TestReplyGuard::germanAmountsAreRead()
{
    QList<double> read = ReplyGuard::amounts(
        QString::fromUtf8("1.250,50 $, 79 $ und $18 aber nicht ORD-10005 $ oder 42"), Language::De);
    std::sort(read.begin(), read.end());
    QCOMPARE(read, (QList<double>{18, 79, 1250.5}));
    // English replies read only "$" before the number.
    QCOMPARE(ReplyGuard::amounts(QStringLiteral("79 $ and $18")), QList<double>{18});
    // An amount in German form that is in no fact is held back.
    ActionReport nothing;
    nothing.order = pantsOrder();
    const QList<KbHit> kb;
    const QString said;
    const auto bad = ReplyGuard(nothing, kb, said, Language::De).check(QString::fromUtf8("Die Hose kostet 99,00 $."));
    QCOMPARE(bad.size(), 1);
    QVERIFY(ReplyGuard(nothing, kb, said, Language::De).check(QString::fromUtf8("Die Hose kostet 79,00 $.")).isEmpty());
}

// Capitals hide no claim: the stems every claim has are looked for in any case.
void TestReplyGuard::claimsInCapitalsAreRead()
{
    ActionReport nothing;
    nothing.order = pantsOrder();
    const QList<KbHit> kb;
    const QString said = QStringLiteral("refund the pants");
    const QList<QPair<const char *, Language>> claims{{"I'VE REFUNDED the pants.", Language::En},
        {"Your Order Has Been CANCELLED.", Language::En}, {"Ihre Mitgliedschaft wurde GEKÜNDIGT.", Language::De}};
    for (const auto &[claim, language] : claims) {
        const auto bad = ReplyGuard(nothing, kb, said, language).check(QString::fromUtf8(claim));
        QVERIFY2(bad.size() == 1, claim);
    }
}

// Money at a payment provider: what the engine says of a refund or credit the provider took but
// did not confirm, did not answer, or refused claims nothing, in English and German; a claim that
// it was done is refused until the provider confirmed it.
void TestReplyGuard::providerMoneyIsClaimedOnlyWhenConfirmed()
{
    ActionReport waiting;
    waiting.order = pantsOrder();
    waiting.moneyActions = {QStringLiteral("mny_1")};
    waiting.refundRequested = 79;
    waiting.creditAwaitingAnswer = 12.5;
    waiting.moneyFailed = 79;
    const QList<KbHit> kb;
    for (const Language language : {Language::En, Language::De}) {
        const Phrases say(language);
        const QString pants
            = say(Phrase::RefundedItem).arg(QStringLiteral("Switchback Hiking Pants"), waiting.order->id);
        const QStringList said{say(Phrase::RefundRequested).arg(say.money(79), pants),
            say(Phrase::RefundAwaitingAnswer).arg(say.money(79), pants),
            say(Phrase::RefundNotThrough).arg(say.money(79), pants),
            say(Phrase::RefundNotFromHere).arg(say.money(79), waiting.order->id),
            say(Phrase::CreditAwaitingAnswer).arg(say.money(12.5)), say(Phrase::CreditNotThrough).arg(say.money(12.5)),
            say(Phrase::CreditNotFromHere).arg(say.money(12.5))};
        const ReplyGuard guard(waiting, kb, QStringLiteral("yes"), language);
        for (const QString &sentence : said)
            QVERIFY2(guard.check(sentence).isEmpty(),
                qPrintable(sentence + QLatin1String(": ") + reasons(guard.check(sentence)).join(QLatin1String("; "))));
        QVERIFY(!guard.check(say(Phrase::Refunded).arg(say.money(79), pants)).isEmpty());
    }
}

// A text on a phone, a mail and a call show no buttons of ours: a model's reply that points at one
// is refused there, and kept in the web chat (where the chat page shows them).
void TestReplyGuard::screensAreReferredToOnlyInTheWebChat()
{
    ActionReport nothing;
    nothing.order = pantsOrder();
    const QList<KbHit> kb;
    const QString said = QStringLiteral("where is my order");
    const QStringList pointing{QStringLiteral("Click the button below to track it."),
        QStringLiteral("Just tap here and choose a new date."), QStringLiteral("Use the form below."),
        QStringLiteral("Klicken Sie auf den Link unten."), QStringLiteral("Please press the Confirm button.")};
    const QStringList plain{QStringLiteral("Your order ORD-10005 was delivered."),
        QStringLiteral("Reply YES and I will look into it."), QStringLiteral("Press 1 to hear it again."),
        QStringLiteral("You can track it at https://shop.example/track.")};
    for (const ReplyMedium medium : {ReplyMedium::Email, ReplyMedium::Sms, ReplyMedium::WhatsApp, ReplyMedium::Voice}) {
        ReplyGuard guard(nothing, kb, said);
        guard.setScope({QString(), false, 0, medium});
        for (const QString &sentence : pointing) {
            const auto bad = guard.check(sentence);
            QVERIFY2(bad.size() == 1, qPrintable(sentence));
            QVERIFY2(bad.first().reason.contains(QLatin1String("button or screen")), qPrintable(bad.first().reason));
        }
        for (const QString &sentence : plain)
            QVERIFY2(guard.check(sentence).isEmpty(), qPrintable(sentence));
    }
    ReplyGuard chat(nothing, kb, said);
    chat.setScope({QString(), false, 0, ReplyMedium::WebChat});
    for (const QString &sentence : pointing)
        QVERIFY2(chat.check(sentence).isEmpty(), qPrintable(sentence));
}

// A model's web addresses, percentages and durations are the passages', the company's profile and
// policies' or the turn's; the local responder's words (no figure check) are not held to it.
void TestReplyGuard::aModelStatesOnlyTheCompanysFigures()
{
    ActionReport nothing;
    KbArticle returns;
    returns.body = QStringLiteral("You can return most items within 30 days of delivery. Members get a 15% discount. "
                                  "Refunds reach you in 5-10 business days.");
    const QList<KbHit> kb{{returns, -1.0, false, {}}};
    const QString said = QStringLiteral("what is your return policy");
    ReplyGuard guard(nothing, kb, said);
    ReplyGuard::Scope scope{QString(), false, 0, ReplyMedium::WebChat,
        QStringLiteral("+1 503 555 0142\nhttps://acme.example\n45 days"), true};
    guard.setScope(scope);
    for (const char *fine : {"You can return it within 30 days of delivery.", "Members save 15% on full-price items.",
             "The refund reaches you in 5 to 10 business days.", "See https://acme.example/ for more.",
             "Gold customers have 45 days.", "Thanks for asking!"})
        QVERIFY2(guard.check(QString::fromLatin1(fine)).isEmpty(), fine);
    for (const char *made : {"You can return it within 60 days.", "Members save 20% on everything.",
             "Read more at https://other.example/returns.", "Refunds take 2 weeks.", "See www.northwind.example."}) {
        const auto bad = guard.check(QString::fromLatin1(made));
        QVERIFY2(bad.size() == 1, made);
        QVERIFY2(bad.first().reason.contains(QLatin1String("knowledge and the facts do not hold")), made);
    }
    // Without the model's check (the local responder), figures are not looked up.
    scope.checkFigures = false;
    guard.setScope(scope);
    QVERIFY(guard.check(QStringLiteral("You can return it within 60 days.")).isEmpty());
}

QTEST_APPLESS_MAIN(TestReplyGuard)
#include "tst_replyguard.moc"
