#include "core/engine/reply/Phrases.h"

#include "core/common/Money.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <array>

namespace tierdesk {
namespace {

struct Entry {
    Phrase id;
    const char *en;
    const char *de; // addressed as "Sie"
};

// One row per phrase, in the order of the enum (checked when the tables are built).
// The English wording is what tests/scenarios assert: change it only with them.
constexpr Entry kPhrases[] = {
    {Phrase::Hello, "Hello!", "Hallo!"},
    {Phrase::HelloName, "Hello %1!", "Hallo %1!"},
    {Phrase::SorryUpset, "I'm truly sorry for the trouble, and I understand why you're upset.",
        "Das tut mir wirklich leid, und ich verstehe gut, dass Sie verärgert sind."},
    {Phrase::SorryInconvenience, "I'm sorry about the inconvenience.",
        "Entschuldigen Sie bitte die Unannehmlichkeiten."},
    {Phrase::OpenFormal, "Thank you for contacting us.", "Vielen Dank, dass Sie sich an uns gewandt haben."},
    {Phrase::OpenEmpathetic, "Thanks for bearing with us.", "Danke für Ihre Geduld."},
    {Phrase::OpenFriendly, "Happy to help!", "Schön, dass Sie sich melden!"},
    {Phrase::HowCanIHelp, "How can I help you today?", "Wie kann ich Ihnen heute helfen?"},
    {Phrase::YoureWelcome, "You're welcome! Is there anything else I can help with?",
        "Gern geschehen! Kann ich Ihnen sonst noch helfen?"},
    {Phrase::Goodbye, "Thanks for reaching out. Have a great day!",
        "Danke, dass Sie sich gemeldet haben. Einen schönen Tag noch!"},
    {Phrase::TellMeMore,
        "I want to make sure I get this right. Could you tell me a bit more, for example the order number or what "
        "exactly went wrong?",
        "Ich möchte sichergehen, dass ich Sie richtig verstehe. Könnten Sie mir etwas mehr dazu sagen, zum Beispiel "
        "die "
        "Bestellnummer oder was genau schiefgelaufen ist?"},
    {Phrase::OutOfScope,
        "That's outside what I can help with here. I can help with your orders, deliveries, returns and refunds, "
        "billing, and "
        "your account or membership: is there anything there I can do for you?",
        "Dabei kann ich Ihnen hier leider nicht helfen. Ich unterstütze Sie gern bei Ihren Bestellungen, Lieferungen, "
        "Rücksendungen und Erstattungen, Rechnungen sowie Ihrem Konto oder Ihrer Mitgliedschaft: Kann ich dabei etwas "
        "für Sie tun?"},

    {Phrase::HandedToPerson,
        "I've passed your conversation to a member of our support team, with everything you've told me so far. They'll "
        "reply "
        "right here as soon as they can.",
        "Ich habe Ihr Anliegen mit allem, was Sie mir bisher geschrieben haben, an unser Support-Team übergeben. Eine "
        "Mitarbeiterin oder ein Mitarbeiter antwortet Ihnen so bald wie möglich direkt hier."},
    {Phrase::ManagerTookOver, "I'm the AI support manager and I've taken over your conversation.",
        "Ich bin der KI-Support-Manager und habe Ihr Gespräch übernommen."},
    {Phrase::TeamWillLookAt, "They'll look at %1.", "Das Team kümmert sich dann um %1."},

    {Phrase::OrderCarrier, " with %1, tracking number %2", " (%1, Sendungsnummer %2)"},
    {Phrase::OrderShipped, "Your order %1 shipped on %2", "Ihre Bestellung %1 wurde am %2 versandt"},
    {Phrase::OrderExpected, ", and is expected by %1", "; die Zustellung wird bis %1 erwartet"},
    {Phrase::OrderDelivered, "Your order %1 was delivered on %2", "Ihre Bestellung %1 wurde am %2 zugestellt"},
    {Phrase::OrderNotShipped,
        "Your order %1 is %2 and hasn't shipped yet; you'll get a tracking number by e-mail when it does.",
        "Ihre Bestellung %1 ist %2 und wurde noch nicht versandt; sobald sie unterwegs ist, erhalten Sie die "
        "Sendungsnummer per "
        "E-Mail."},
    {Phrase::OrderCancelled, "Your order %1 was cancelled, and no charge was made for it.",
        "Ihre Bestellung %1 wurde storniert; dafür wurde nichts berechnet."},
    {Phrase::OrderRefunded, "Your order %1 was refunded (%2).", "Ihre Bestellung %1 wurde erstattet (%2)."},
    {Phrase::OrderStatus, "Your order %1 is %2.", "Ihre Bestellung %1 ist %2."},

    // English replies quote an article as it is; a German one says where the English text is from.
    {Phrase::ArticleFrame, "", "Aus unserem Hilfeartikel „%1“ (auf Englisch): %2"},
    {Phrase::ArticlesFrame, "", "Aus unseren Hilfeartikeln (auf Englisch): %1"},

    {Phrase::NeedOrderNumber, "Could you tell me the order number (it looks like ORD-12345)? I'll take it from there.",
        "Könnten Sie mir bitte die Bestellnummer nennen (sie sieht aus wie ORD-12345)? Dann kümmere ich mich darum."},
    {Phrase::CreditAmountPrompt, "What amount of credit are you asking for, and what happened?",
        "Welchen Betrag möchten Sie als Guthaben, und was ist passiert?"},
    {Phrase::UnknownOrder, "I couldn't find an order %1 on your account; could you check the number?",
        "Ich konnte in Ihrem Konto keine Bestellung %1 finden; könnten Sie die Nummer bitte prüfen?"},
    {Phrase::OrderCannotCheck,
        "I can't check order %1 right now: our order system isn't answering. Please try again in a little while, or "
        "ask for a person on our team and they'll look into it for you.",
        "Ich kann die Bestellung %1 gerade nicht prüfen, weil unser Bestellsystem nicht antwortet. Bitte versuchen Sie "
        "es etwas später noch einmal, oder fragen Sie nach einer Person aus unserem Team, die sich darum kümmert."},
    {Phrase::OrdersCannotCheck,
        "I can't look up your orders right now: our order system isn't answering. Please try again in a little while, "
        "or ask for a person on our team and they'll look into it for you.",
        "Ich kann Ihre Bestellungen gerade nicht abrufen, weil unser Bestellsystem nicht antwortet. Bitte versuchen "
        "Sie es etwas später noch einmal, oder fragen Sie nach einer Person aus unserem Team, die sich darum "
        "kümmert."},
    {Phrase::OrderDeliveryDate, " The delivery date given for it is %1.", " Als Liefertermin ist %1 angegeben."},
    {Phrase::NoMoneyOnOrder,
        "For order %1 I can only see its status and delivery date, so I can't refund or cancel anything on it here. "
        "A person on our team can help with that: just ask for one.",
        "Zur Bestellung %1 sehe ich nur den Status und den Liefertermin, daher kann ich hier nichts erstatten oder "
        "stornieren. Eine Person aus unserem Team hilft Ihnen dabei gern: Fragen Sie einfach danach."},

    {Phrase::Refunded,
        "I've refunded %1 for %2 to your original payment method; it usually appears within 5-10 business days.",
        "Ich habe Ihnen %1 für %2 auf Ihre ursprüngliche Zahlungsmethode erstattet; der Betrag erscheint in der Regel "
        "innerhalb von 5–10 Werktagen."},
    {Phrase::RefundedOrder, "order %1", "die Bestellung %1"},
    {Phrase::RefundedItem, "the %1 from order %2", "„%1“ aus der Bestellung %2"},
    {Phrase::OrderCancelledDone, "Order %1 is cancelled; it was never charged, so there is nothing to refund.",
        "Die Bestellung %1 ist storniert; sie wurde nie belastet, daher gibt es nichts zu erstatten."},
    {Phrase::CreditAdded, "I've added a %1 credit to your account; it's applied automatically at your next checkout.",
        "Ich habe Ihrem Konto ein Guthaben von %1 gutgeschrieben; es wird bei Ihrem nächsten Einkauf automatisch "
        "verrechnet."},
    {Phrase::MembershipCancelled,
        "Your subscription is cancelled; you keep its benefits until the end of the current billing period.",
        "Ihre Mitgliedschaft ist gekündigt; Sie behalten ihre Vorteile bis zum Ende des laufenden "
        "Abrechnungszeitraums."},
    {Phrase::MembershipPaused, "Your subscription is paused; you won't be billed while it's paused.",
        "Ihre Mitgliedschaft ist pausiert; solange sie pausiert ist, wird Ihnen nichts berechnet."},
    {Phrase::MembershipActive, "Your subscription is active again.", "Ihre Mitgliedschaft ist wieder aktiv."},
    {Phrase::MembershipPlan, "Your subscription is now on the %1 plan.",
        "Ihre Mitgliedschaft läuft jetzt im Tarif %1."},
    {Phrase::Declined, "All right, I haven't changed anything. Is there something else I can help with?",
        "In Ordnung, ich habe nichts geändert. Kann ich Ihnen sonst noch helfen?"},

    {Phrase::GoAhead, "Shall I go ahead?", "Soll ich das für Sie erledigen?"},
    {Phrase::GoAheadBoth, "Shall I go ahead with both?", "Soll ich beides für Sie erledigen?"},
    {Phrase::GoAheadAll, "Shall I go ahead with all of them?", "Soll ich all das für Sie erledigen?"},
    {Phrase::RefundCapped, "Order %1 has %2 left to refund, so that is the most I can refund. ",
        "Für die Bestellung %1 sind noch %2 offen; mehr kann ich nicht erstatten. "},
    {Phrase::WillRefundOrder, "I'll refund %1 for order %2 to your original payment method.",
        "Ich erstatte Ihnen %1 für die Bestellung %2 auf Ihre ursprüngliche Zahlungsmethode."},
    {Phrase::WillRefundItem, "I'll refund %1 for the %2 from %3 to your original payment method.",
        "Ich erstatte Ihnen %1 für „%2“ aus der Bestellung %3 auf Ihre ursprüngliche Zahlungsmethode."},
    {Phrase::WillCancelInstead,
        "Order %1%2 hasn't shipped or been charged yet, so there is nothing to refund: I'll cancel it instead.",
        "Die Bestellung %1%2 wurde noch nicht versandt oder belastet, daher gibt es nichts zu erstatten: Ich storniere "
        "sie "
        "stattdessen."},
    {Phrase::WillCancel, "I'll cancel order %1%2 before it ships; it hasn't been charged.",
        "Ich storniere die Bestellung %1%2, bevor sie versandt wird; sie wurde noch nicht belastet."},
    {Phrase::ItemInParentheses, " (%1)", " (%1)"},
    {Phrase::WillCredit, "I'll add a %1 credit to your account.", "Ich schreibe Ihrem Konto ein Guthaben von %1 gut."},
    {Phrase::WillResume, "I'll resume your %1 membership; billing starts again from today.",
        "Ich setze Ihre Mitgliedschaft (%1) fort; die Abrechnung beginnt ab heute wieder."},
    {Phrase::WillPause, "I'll pause your %1 membership; you won't be billed while it's paused.",
        "Ich pausiere Ihre Mitgliedschaft (%1); solange sie pausiert ist, wird Ihnen nichts berechnet."},
    {Phrase::WillCancelMembership,
        "I'll cancel your %1 membership; you keep its benefits until the end of the billing period.",
        "Ich kündige Ihre Mitgliedschaft (%1); Sie behalten ihre Vorteile bis zum Ende des Abrechnungszeitraums."},
    {Phrase::WillSwitch, "I'll switch your membership from %1 to the %2 plan.",
        "Ich stelle Ihre Mitgliedschaft vom Tarif %1 auf den Tarif %2 um."},

    // Said as "They'll look at %1." (TeamWillLookAt): German in the accusative.
    {Phrase::DescribeExceptionOrder, "your request for an exception to our policy for order %1",
        "Ihre Bitte um eine Ausnahme von unseren Richtlinien für die Bestellung %1"},
    {Phrase::DescribeExceptionItem, "your request for an exception to our policy for the %1 from %2",
        "Ihre Bitte um eine Ausnahme von unseren Richtlinien für „%1“ aus %2"},
    {Phrase::DescribeRefund, "your refund of %1 for %2", "Ihre Erstattung von %1 für %2"},
    {Phrase::DescribeCredit, "your request for a %1 credit", "Ihren Wunsch nach einem Guthaben von %1"},
    {Phrase::DescribeMembership, "your membership change", "die Änderung Ihrer Mitgliedschaft"},
    {Phrase::DescribeCancel, "cancelling order %1", "die Stornierung der Bestellung %1"},

    {Phrase::CannotCancelShipped,
        "Order %1 has shipped, so it can no longer be cancelled; once it arrives you can return it within %2 days of "
        "delivery, "
        "or exchange it for free.",
        "Die Bestellung %1 wurde bereits versandt und kann daher nicht mehr storniert werden; sobald sie angekommen "
        "ist, können "
        "Sie sie innerhalb von %2 Tagen nach der Zustellung zurücksenden oder kostenlos umtauschen."},
    {Phrase::CannotCancelDelivered,
        "Order %1 was delivered, so it can no longer be cancelled, but you can return it within %2 days of delivery, "
        "or "
        "exchange it for free.",
        "Die Bestellung %1 wurde bereits zugestellt und kann daher nicht mehr storniert werden, aber Sie können sie "
        "innerhalb "
        "von %2 Tagen nach der Zustellung zurücksenden oder kostenlos umtauschen."},
    {Phrase::CannotCancelStatus, "Order %1 is %2, so it can no longer be cancelled.",
        "Die Bestellung %1 ist %2 und kann daher nicht mehr storniert werden."},
    {Phrase::CannotCancelNow, "Order %1 is %2 now, so it can no longer be cancelled.",
        "Die Bestellung %1 ist inzwischen %2 und kann daher nicht mehr storniert werden."},
    {Phrase::CannotCancelHere,
        "Order %1 is kept in our order system, where I can't cancel it from here; a person on our team can: just ask "
        "for one.",
        "Die Bestellung %1 wird in unserem Bestellsystem geführt, wo ich sie von hier aus nicht stornieren kann; ein "
        "Mensch aus unserem Team kann das: fragen Sie einfach danach."},
    {Phrase::AlreadyRefundedHere,
        "The %1 from %2 has already been refunded in this conversation; refunds usually appear within 5-10 business "
        "days.",
        "„%1“ aus %2 wurde in diesem Gespräch bereits erstattet; Erstattungen erscheinen in der Regel innerhalb von "
        "5–10 "
        "Werktagen."},
    {Phrase::ItemRefundedBefore,
        "The %1 from order %2 has already been refunded: %3 on %4. Refunds usually appear within 5-10 business days.",
        "„%1“ aus der Bestellung %2 wurde bereits erstattet: %3 am %4. Erstattungen erscheinen in der Regel "
        "innerhalb von 5–10 Werktagen."},
    {Phrase::ItemBeyondLeft,
        "%2 of order %1 has already been refunded, so only %3 of it is left to refund, less than the %4 cost (%5).",
        "Von der Bestellung %1 wurden bereits %2 erstattet; offen sind nur noch %3, weniger als „%4“ gekostet hat "
        "(%5)."},
    {Phrase::OutsideReturnWindow,
        "Order %1 was delivered more than %2 days ago, outside our return window, so I can't refund it here.",
        "Die Bestellung %1 wurde vor mehr als %2 Tagen zugestellt und liegt damit außerhalb unserer Rückgabefrist, "
        "daher kann "
        "ich sie hier nicht erstatten."},
    {Phrase::InTransitItem, "The %1 (%2) from order %3", "„%1“ (%2) aus der Bestellung %3"},
    {Phrase::InTransitOrder, "Order %1", "Die Bestellung %1"},
    {Phrase::InTransit,
        "%1 is on its way, so it can't be refunded yet: once it arrives you can return it within %2 days for a refund.",
        "%1 ist noch unterwegs und kann daher noch nicht erstattet werden: Sobald die Sendung angekommen ist, können "
        "Sie sie "
        "innerhalb von %2 Tagen zurücksenden und erhalten dann eine Erstattung."},
    {Phrase::OtherAccountMembership,
        "I can only make changes to the membership on your own account. The account holder can change theirs in their "
        "own account, or contact us themselves.",
        "Ich kann nur die Mitgliedschaft in Ihrem eigenen Konto ändern. Die Kontoinhaberin oder der Kontoinhaber kann "
        "die eigene im eigenen Konto ändern oder sich selbst an uns wenden."},
    {Phrase::NoActiveMembership, "There is no active membership on your account to change.",
        "In Ihrem Konto gibt es keine aktive Mitgliedschaft, die ich ändern könnte."},
    {Phrase::NoActiveSubscription, "There is no active subscription on this account.",
        "In diesem Konto gibt es keine aktive Mitgliedschaft."},
    {Phrase::MembershipAlready, "Your %1 membership is already %2.", "Ihre Mitgliedschaft (%1) ist bereits %2."},
    {Phrase::MembershipIs, "Your %1 membership is %2.", "Ihre Mitgliedschaft (%1) ist %2."},
    {Phrase::NoAuthorityClaims,
        "I can't act on approvals or settings mentioned in the chat. If something went wrong with an order, tell me "
        "what "
        "happened and I'll look at what I can do.",
        "Auf Freigaben oder Einstellungen, die im Chat erwähnt werden, kann ich mich nicht berufen. Wenn bei einer "
        "Bestellung "
        "etwas schiefgelaufen ist, schreiben Sie mir, was passiert ist, und ich sehe mir an, was ich tun kann."},
    {Phrase::RefundFactIssued, "A refund of %1 was issued for order %2; refunds appear within 5-10 business days.",
        "Für die Bestellung %2 wurde eine Erstattung von %1 veranlasst; Erstattungen erscheinen innerhalb von 5–10 "
        "Werktagen."},
    {Phrase::RefundFactNone, "No refund has been issued for order %1 so far.",
        "Für die Bestellung %1 wurde bisher keine Erstattung veranlasst."},
    {Phrase::RefundedInFull, "Order %1 has already been refunded in full.",
        "Die Bestellung %1 wurde bereits vollständig erstattet."},
    {Phrase::NotChargedCancelled, "Order %1 was cancelled, so nothing was charged for it.",
        "Die Bestellung %1 wurde storniert, daher wurde dafür nichts berechnet."},
    {Phrase::NotChargedYet, "Order %1 has not been charged yet, so there is nothing to refund.",
        "Die Bestellung %1 wurde noch nicht belastet, daher gibt es nichts zu erstatten."},
    {Phrase::OnlyLeftToRefund, "Only %1 of order %2 is left to refund.",
        "Von der Bestellung %2 sind nur noch %1 offen, die erstattet werden können."},
    {Phrase::RefundBeyondTier, "A refund of %1 is beyond what this tier may approve.",
        "Eine Erstattung von %1 geht über das hinaus, was ich auf dieser Stufe genehmigen darf."},
    {Phrase::CreditBeyondTier, "A credit of %1 is beyond what this tier may approve.",
        "Ein Guthaben von %1 geht über das hinaus, was ich auf dieser Stufe genehmigen darf."},
    {Phrase::MembershipBeyondTier, "Subscription changes are beyond what this tier may do.",
        "Änderungen an der Mitgliedschaft darf ich auf dieser Stufe nicht vornehmen."},

    {Phrase::SafeReply, "Let me look into that for you. Could you tell me a little more about what you need?",
        "Ich sehe mir das gern für Sie an. Könnten Sie mir etwas genauer sagen, worum es geht?"},
    {Phrase::TeamBusy, "Everyone on our team is busy right now; a person will answer you here within %1.",
        "Im Moment sind alle in unserem Team beschäftigt; spätestens in %1 antwortet Ihnen hier eine Person."},
    {Phrase::TeamAway, "Our team is away now; a person will answer from %1.",
        "Unser Team ist gerade nicht da; ab %1 antwortet Ihnen hier eine Person."},
    {Phrase::CallUs, " If you would rather talk to someone now, call us on %1.",
        " Wenn Sie lieber sofort mit jemandem sprechen möchten, rufen Sie uns unter %1 an."},
    {Phrase::AMinute, "a minute", "einer Minute"},
    {Phrase::Minutes, "%1 minutes", "%1 Minuten"},
    {Phrase::AnHour, "an hour", "einer Stunde"},
    {Phrase::Hours, "%1 hours", "%1 Stunden"},
    {Phrase::Days, "%1 days", "%1 Tagen"},
    {Phrase::Closing,
        "This conversation is now resolved. Thank you for your patience - if anything else comes up, just write to us "
        "again. (%1)",
        "Dieses Gespräch ist nun abgeschlossen. Vielen Dank für Ihre Geduld – wenn noch etwas sein sollte, schreiben "
        "Sie uns "
        "einfach wieder. (%1)"},
    {Phrase::WebChatByMail, "Your chat with %1", "Ihr Chat mit %1"},
    {Phrase::PersonRefunded, "I've refunded %1 for %2 to your original payment method.",
        "Ich habe Ihnen %1 für %2 auf Ihre ursprüngliche Zahlungsmethode erstattet."},
    {Phrase::PersonCredited, "I've added a credit of %1 to your account; it is used on your next order.",
        "Ich habe Ihrem Konto ein Guthaben von %1 gutgeschrieben; es wird bei Ihrer nächsten Bestellung verrechnet."},
    {Phrase::RefundRequested,
        "I've asked our payment provider to refund %1 for %2; it has taken the request but not confirmed the refund "
        "yet. I'll let you know here once it has.",
        "Ich habe unseren Zahlungsdienstleister gebeten, %1 für %2 zu erstatten; er hat den Auftrag angenommen, die "
        "Erstattung aber noch nicht bestätigt. Ich gebe Ihnen hier Bescheid, sobald das geschehen ist."},
    {Phrase::RefundAwaitingAnswer,
        "Our payment provider has not answered yet about the refund of %1 for %2, so the refund is not confirmed. "
        "I'll let you know here once it is.",
        "Unser Zahlungsdienstleister hat auf die Erstattung von %1 für %2 noch nicht geantwortet; sie ist also noch "
        "nicht bestätigt. Ich gebe Ihnen hier Bescheid, sobald sie es ist."},
    {Phrase::RefundNotThrough,
        "The refund of %1 for %2 did not go through at our payment provider, so nothing was refunded. I'm "
        "passing this to a colleague who will sort it out.",
        "Die Erstattung von %1 für %2 ist bei unserem Zahlungsdienstleister nicht durchgegangen, es wurde also nichts "
        "erstattet. Ich gebe das an eine Kollegin oder einen Kollegen weiter, die sich darum kümmern."},
    {Phrase::CreditNotThrough,
        "The credit of %1 did not go through at our payment provider, so nothing has been added to your account. I'm "
        "passing this to a colleague who will sort it out.",
        "Das Guthaben von %1 ist bei unserem Zahlungsdienstleister nicht durchgegangen, Ihrem Konto wurde also nichts "
        "gutgeschrieben. Ich gebe das an eine Kollegin oder einen Kollegen weiter, die sich darum kümmern."},
    {Phrase::RefundNotFromHere,
        "I can't refund %1 for order %2 from here, so nothing was refunded; a colleague will take care of it.",
        "Ich kann %1 für die Bestellung %2 von hier aus nicht erstatten, es wurde also nichts erstattet; eine "
        "Kollegin oder ein Kollege kümmert sich darum."},
    {Phrase::CreditNotFromHere,
        "I can't add a %1 credit from here, so nothing has been added; a colleague will take care of it.",
        "Ich kann von hier aus kein Guthaben von %1 gutschreiben, es wurde also nichts gutgeschrieben; eine "
        "Kollegin oder ein Kollege kümmert sich darum."},
    {Phrase::RefundDoneLater,
        "Update on your refund: our payment provider has now refunded %1 for %2 to your original payment method; it "
        "usually appears within 5-10 business days.",
        "Neuigkeiten zu Ihrer Erstattung: Unser Zahlungsdienstleister hat %1 für %2 nun auf Ihre ursprüngliche "
        "Zahlungsmethode erstattet; der Betrag erscheint in der Regel innerhalb von 5–10 Werktagen."},
    {Phrase::RefundFailedLater,
        "Update on your refund: the refund of %1 for %2 did not go through at our payment provider, so nothing has "
        "been refunded. A colleague will take it from here.",
        "Neuigkeiten zu Ihrer Erstattung: Die Erstattung von %1 für %2 ist bei unserem Zahlungsdienstleister nicht "
        "durchgegangen, es wurde also nichts erstattet. Eine Kollegin oder ein Kollege kümmert sich nun darum."},
    {Phrase::CreditDoneLater, "Update on your credit: our payment provider has now added %1 to your account's balance.",
        "Neuigkeiten zu Ihrem Guthaben: Unser Zahlungsdienstleister hat Ihrem Kontoguthaben nun %1 gutgeschrieben."},
    {Phrase::CreditFailedLater,
        "Update on your credit: the credit of %1 did not go through at our payment provider, so nothing has been "
        "added. A colleague will take it from here.",
        "Neuigkeiten zu Ihrem Guthaben: Das Guthaben von %1 ist bei unserem Zahlungsdienstleister nicht "
        "durchgegangen, es wurde also nichts gutgeschrieben. Eine Kollegin oder ein Kollege kümmert sich nun darum."},
    {Phrase::PersonRefundRequested,
        "I've asked our payment provider to refund %1 for %2; I'll confirm here once it has.",
        "Ich habe unseren Zahlungsdienstleister gebeten, %1 für %2 zu erstatten; ich bestätige es hier, sobald das "
        "geschehen ist."},
    {Phrase::CreditAwaitingAnswer,
        "Our payment provider has not answered yet about the credit of %1, so it is not on your account yet. I'll "
        "let you know here once it is.",
        "Unser Zahlungsdienstleister hat auf das Guthaben von %1 noch nicht geantwortet; es ist also noch nicht auf "
        "Ihrem Konto. Ich gebe Ihnen hier Bescheid, sobald es da ist."},
    {Phrase::CancelRequested,
        "I've asked our order system to cancel order %1; it has taken the request but not confirmed the cancellation "
        "yet. I'll let you know here once it has.",
        "Ich habe unser Bestellsystem gebeten, die Bestellung %1 zu stornieren; es hat den Auftrag angenommen, die "
        "Stornierung aber noch nicht bestätigt. Ich gebe Ihnen hier Bescheid, sobald das geschehen ist."},
    {Phrase::CancelAwaitingAnswer,
        "Our order system has not answered yet about cancelling order %1, so it is not cancelled yet. I'll let you "
        "know here once it is.",
        "Unser Bestellsystem hat auf die Stornierung der Bestellung %1 noch nicht geantwortet; sie ist also noch nicht "
        "storniert. Ich gebe Ihnen hier Bescheid, sobald sie es ist."},
    {Phrase::CancelNotThrough,
        "Our order system did not cancel order %1, so nothing has changed. I'm passing this to a colleague who will "
        "sort it out.",
        "Unser Bestellsystem hat die Bestellung %1 nicht storniert, es hat sich also nichts geändert. Ich gebe das an "
        "eine Kollegin oder einen Kollegen weiter, die sich darum kümmern."},
    {Phrase::CancelDoneLater, "Update on your order: order %1 is now cancelled in our order system.",
        "Neuigkeiten zu Ihrer Bestellung: Die Bestellung %1 ist in unserem Bestellsystem jetzt storniert."},
    {Phrase::CancelFailedLater,
        "Update on your order: our order system did not cancel order %1, so nothing has changed. A colleague will take "
        "it from here.",
        "Neuigkeiten zu Ihrer Bestellung: Unser Bestellsystem hat die Bestellung %1 nicht storniert, es hat sich also "
        "nichts geändert. Eine Kollegin oder ein Kollege kümmert sich nun darum."},
    {Phrase::OtherAccountMembershipAt,
        "I can only make changes to the membership on your own account. The account holder can change theirs at %1, "
        "or contact us themselves.",
        "Ich kann nur die Mitgliedschaft in Ihrem eigenen Konto ändern. Die Kontoinhaberin oder der Kontoinhaber kann "
        "die eigene unter %1 ändern oder sich selbst an uns wenden."},
    {Phrase::NotInKnowledge,
        "I'm sorry, I don't have information about that, and I'd rather not guess. I can help with your orders, "
        "returns and refunds here, or pass you to a person on our team.",
        "Dazu habe ich leider keine Informationen, und ich möchte nichts Falsches sagen. Ich kann Ihnen hier bei "
        "Bestellungen, Rücksendungen und Erstattungen helfen oder Sie an eine Kollegin oder einen Kollegen aus "
        "unserem Team weitergeben."},
    {Phrase::NotInKnowledgeContact,
        "I'm sorry, I don't have information about that, and I'd rather not guess. You can reach our team %1; here I "
        "can help with your orders, returns and refunds, or pass you to a person.",
        "Dazu habe ich leider keine Informationen, und ich möchte nichts Falsches sagen. Sie erreichen unser Team %1; "
        "hier kann ich Ihnen bei Bestellungen, Rücksendungen und Erstattungen helfen oder Sie an eine Kollegin oder "
        "einen Kollegen weitergeben."},
    {Phrase::NotInKnowledgeToAStranger,
        "I'm sorry, I don't have information about that, and I'd rather not guess. I can pass you to a person on "
        "our team.",
        "Dazu habe ich leider keine Informationen, und ich möchte nichts Falsches sagen. Ich kann Sie an eine "
        "Kollegin oder einen Kollegen aus unserem Team weitergeben."},
    {Phrase::NotInKnowledgeContactToAStranger,
        "I'm sorry, I don't have information about that, and I'd rather not guess. You can reach our team %1, or I "
        "can pass you to a person here.",
        "Dazu habe ich leider keine Informationen, und ich möchte nichts Falsches sagen. Sie erreichen unser Team "
        "%1, oder ich gebe Sie hier an eine Kollegin oder einen Kollegen weiter."},
    {Phrase::ContactUs, "You can reach our team %1.", "Sie erreichen unser Team %1."},
    {Phrase::ContactByPhone, "by phone at %1", "telefonisch unter %1"},
    {Phrase::ContactByEmail, "by e-mail at %1", "per E-Mail an %1"},
    {Phrase::ContactOnWebsite, "on our website, %1", "auf unserer Website, %1"},
    {Phrase::ContactOr, "%1 or %2", "%1 oder %2"},
    {Phrase::IntroducesItself, "I'm %1, %2's assistant.", "Ich bin %1, der Assistent von %2."},
    {Phrase::ReadMoreAt, "More on this: %1", "Mehr dazu: %1"},
};

constexpr int kCount = static_cast<int>(Phrase::Count);
static_assert(std::size(kPhrases) == kCount, "one row per phrase");

constexpr bool inEnumOrder()
{
    for (int i = 0; i < kCount; ++i)
        if (static_cast<int>(kPhrases[i].id) != i)
            return false;
    return true;
}
static_assert(inEnumOrder(), "rows in the order of the Phrase enum");

using Table = std::array<QString, kCount>;

// Converted once: replies are worded on every message.
const Table &table(Language language)
{
    static const auto build = [](bool german) {
        Table t;
        for (int i = 0; i < kCount; ++i)
            t[i] = QString::fromUtf8(german ? kPhrases[i].de : kPhrases[i].en);
        return t;
    };
    static const Table en = build(false);
    static const Table de = build(true);
    return language == Language::De ? de : en;
}

QString word(const QString &status, std::initializer_list<std::pair<const char *, const char *>> german)
{
    for (const auto &[en, de] : german)
        if (status == QLatin1String(en))
            return QString::fromUtf8(de);
    return status;
}

} // namespace

QString Phrases::operator()(Phrase id) const
{
    return table(m_language).at(static_cast<int>(id));
}

QString Phrases::money(double amount) const
{
    return formatMoney(amount, m_currency, replyLocale(m_language == Language::De));
}

QString Phrases::day(qint64 msSinceEpoch) const
{
    const QTimeZone zone(m_timeZone.toUtf8());
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(msSinceEpoch, zone.isValid() ? zone : QTimeZone::utc());
    if (m_language == Language::De)
        return QLocale(QLocale::German, QLocale::Germany).toString(at.date(), QStringLiteral("dddd, d. MMMM"));
    return at.toString(QStringLiteral("dddd, MMMM d"));
}

QString Phrases::opening(qint64 msSinceEpoch, const QTimeZone &zone, qint64 nowMs) const
{
    static constexpr qint64 kSixDaysMs = 6LL * 24 * 3600 * 1000;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(msSinceEpoch, zone);
    const bool withDate = msSinceEpoch - nowMs >= kSixDaysMs; // a weekday alone would name the wrong week
    const QString where = QStringLiteral(" (") + QString::fromUtf8(zone.id()) + QLatin1Char(')');
    if (m_language == Language::De) {
        const QLocale german(QLocale::German, QLocale::Germany);
        return german.toString(at.date(), withDate ? QStringLiteral("dddd, d. MMMM") : QStringLiteral("dddd"))
            + QStringLiteral(", ") + at.toString(QStringLiteral("HH:mm")) + QStringLiteral(" Uhr") + where;
    }
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(at.date(), withDate ? QStringLiteral("dddd, MMMM d") : QStringLiteral("dddd"))
        + QStringLiteral(", ") + at.toString(QStringLiteral("HH:mm")) + where;
}

QString Phrases::waitTime(int minutes) const
{
    const Phrases &say = *this;
    if (minutes < 60)
        return minutes == 1 ? say(Phrase::AMinute) : say(Phrase::Minutes).arg(minutes);
    if (minutes < 48 * 60) {
        const int hours = (minutes + 59) / 60;
        return hours == 1 ? say(Phrase::AnHour) : say(Phrase::Hours).arg(hours);
    }
    return say(Phrase::Days).arg((minutes + 1439) / 1440);
}

QString Phrases::orderStatus(const QString &status) const
{
    if (m_language == Language::En)
        return status;
    return word(status,
        {{"pending", "eingegangen"}, {"processing", "in Bearbeitung"}, {"shipped", "versandt"},
            {"delivered", "zugestellt"}, {"cancelled", "storniert"}, {"refunded", "erstattet"}});
}

QString Phrases::membershipStatus(const QString &status) const
{
    if (m_language == Language::En)
        return status;
    return word(status, {{"active", "aktiv"}, {"paused", "pausiert"}, {"cancelled", "gekündigt"}});
}

} // namespace tierdesk
