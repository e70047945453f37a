#include "core/engine/reply/ReplyGuard.h"

#include "core/common/CaselessRegex.h"
#include "core/common/StemIndex.h"
#include "core/engine/reply/Phrases.h"
#include "core/nlu/text/PiiDetector.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace tierdesk {
namespace {

constexpr double kCent = 0.005;

// Every sentence the engine itself may say in LANGUAGE ("it looks like ORD-12345"), lower-case:
// the same for every reply, so made once.
QString engineWords(Language language)
{
    const Phrases say(language);
    QStringList parts;
    for (int id = 0; id < static_cast<int>(Phrase::Count); ++id)
        parts << say(static_cast<Phrase>(id));
    return parts.join(QLatin1Char('\n')).toLower();
}

const QString &engineWordsOf(Language language)
{
    static const QString en = engineWords(Language::En);
    static const QString de = engineWords(Language::De);
    return language == Language::De ? de : en;
}

// First person, perfect or past: "I've refunded", "we just cancelled". "I'll",
// "shall I" and "I can" promise or offer; they claim nothing.
#define FIRST_PERSON_DONE R"(\b(?:i|we)(?:'ve| have)?(?: just| now| already| also)? )"

enum class Claim { None, Refund, Credit, Cancel, Subscription };

// Every claim pattern below has one of these stems: most sentences are passed on them alone.
const StemIndex &claimStems()
{
    static const StemIndex stems{"refund", "credit", "cancel", "paus", "resum", "reactivat", "switch", "upgrad",
        "downgrad", "active again", "now on the",
        // German
        "erstatt", "gutgeschrieben", "guthaben", "gutschrift", "storniert", "gekündigt", "fortgesetzt", "reaktiviert",
        "umgestellt", "gewechselt", "wieder aktiv", "im tarif"};
    return stems;
}

// Every German claim pattern has one of these: an English sentence is passed on them.
const StemIndex &germanClaimStems()
{
    static const StemIndex stems{"erstatt", "gutgeschrieben", "guthaben", "gutschrift", "storniert", "gekündigt",
        "pausiert", "fortgesetzt", "reaktiviert", "umgestellt", "gewechselt", "wieder aktiv", "jetzt im tarif"};
    return stems;
}

QRegularExpression caselessWords(const char *pattern)
{
    return QRegularExpression(QString::fromUtf8(pattern),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
}

// German claims are perfect or passive: "ich habe Ihnen 36,00 $ erstattet", "die Bestellung wurde storniert".
// "Ich erstatte Ihnen ..." and "soll ich ...?" offer; a negated participle ("wurde noch nicht
// erstattet", "nichts zu erstatten") claims nothing.
Claim germanClaimOf(const QString &sentence)
{
    static const QRegularExpression negated = caselessWords(
        R"(\b(?:nicht|nie|niemals|kein\w*|nichts)\b(?:\s+\w+){0,3}?\s+\w*(?:erstattet|gutgeschrieben|storniert|gekündigt|pausiert|fortgesetzt|reaktiviert|umgestellt)\b)");
    const QString s = QString(sentence).remove(negated);
#define DONE_DE R"((?:\b(?:habe|haben|hat|wurde|wurden|ist|sind|worden)\b.*))"
    static const QRegularExpression refund = caselessWords(DONE_DE
        R"(\b(?:zurück)?erstattet\b|\berstattung\b.*\b(?:veranlasst|ausgezahlt|genehmigt|angewiesen|überwiesen|durchgeführt|bearbeitet)\b)");
    static const QRegularExpression credit = caselessWords(DONE_DE
        R"(\bgutgeschrieben\b|\b(?:guthaben|gutschrift)\b.*\b(?:hinzugefügt|gebucht|angelegt|erteilt|ausgestellt)\b)");
    static const QRegularExpression cancel = caselessWords(DONE_DE R"(\b(?:storniert|gekündigt)\b)");
    static const QRegularExpression subscription = caselessWords(DONE_DE
        R"(\b(?:pausiert|fortgesetzt|reaktiviert|umgestellt|gewechselt)\b|\bwieder aktiv\b|\bjetzt im tarif\b)");
#undef DONE_DE
    if (refund.match(s).hasMatch())
        return Claim::Refund;
    if (credit.match(s).hasMatch())
        return Claim::Credit;
    if (cancel.match(s).hasMatch())
        return Claim::Cancel;
    if (subscription.match(s).hasMatch())
        return Claim::Subscription;
    return Claim::None;
}

Claim claimOf(const QString &sentence)
{
    const QString folded = foldedForSearch(sentence);
    if (!claimStems().foundIn(folded))
        return Claim::None;
    static const QRegularExpression refund = caselessRegex(FIRST_PERSON_DONE
        R"((?:refunded|(?:issued|processed|sent)\b.*\brefund)\b)"
        R"(|\brefund (?:of \$[\d,.]+ )?(?:has been|have been|was|is) (?:issued|processed|sent|approved|on its way)\b)"
        R"(|\b(?:has|have) been refunded\b|^\W*(?:your )?refunds? (?:is |has been )?(?:approved|granted|issued|processed|completed)\b)");
    static const QRegularExpression credit = caselessRegex(FIRST_PERSON_DONE
        R"((?:added|applied|issued|credited|put|given you)\b.*\bcredit)"
        R"(|\bcredit (?:of \$[\d,.]+ )?(?:has been|was|is now) (?:added|applied|issued)\b|\b(?:has|have) been credited\b)");
    static const QRegularExpression cancel = caselessRegex(
        FIRST_PERSON_DONE R"(cancell?ed\b|\b(?:has|have) (?:now )?been cancell?ed\b|\bis (?:now )?cancell?ed\b)");
    static const QRegularExpression subscription = caselessRegex(FIRST_PERSON_DONE
        R"((?:paused|resumed|reactivated|switched|upgraded|downgraded)\b)"
        R"(|\b(?:is now|has (?:now )?been) (?:paused|resumed|reactivated|upgraded|downgraded|switched)\b)"
        R"(|\b(?:subscription|membership) is paused\b|\bis active again\b|\bis now on the\b)");
    if (refund.match(sentence).hasMatch())
        return Claim::Refund;
    if (credit.match(sentence).hasMatch())
        return Claim::Credit;
    if (cancel.match(sentence).hasMatch())
        return Claim::Cancel;
    if (subscription.match(sentence).hasMatch())
        return Claim::Subscription;
    return germanClaimStems().foundIn(folded) ? germanClaimOf(sentence) : Claim::None;
}

bool aboutMembership(const QString &sentence)
{
    static const QRegularExpression re
        = caselessWords(R"(\b(?:subscription|membership|plan|club|mitgliedschaft|abo\w*|tarif)\b)");
    return re.match(sentence).hasMatch();
}

QStringList orderIdsIn(const QString &sentence)
{
    static const QRegularExpression re(QStringLiteral("\\bORD-\\d+\\b"), QRegularExpression::CaseInsensitiveOption);
    QStringList ids;
    for (auto it = re.globalMatch(sentence); it.hasNext();)
        ids << it.next().captured(0).toUpper();
    return ids;
}

bool allEqual(const QList<double> &values, double to)
{
    return std::all_of(values.cbegin(), values.cend(), [to](double v) { return qAbs(v - to) < kCent; });
}

// The engine's own sentences: facts and offers it wrote, true by construction.
QStringList engineSentences(const ActionReport &a)
{
    return {a.confirmation, a.handover, a.refusal, a.refundFact, a.subscriptionFact, a.slotPrompt, a.declined};
}

QList<Order> ordersOf(const ActionReport &a)
{
    QList<Order> orders = a.orders;
    if (a.order)
        orders << *a.order;
    return orders;
}

// Lower case, without Markdown marks, single spaces: how a quoted passage and its article compare.
QString plain(const QString &text)
{
    static const QRegularExpression markup(QStringLiteral("[*_#`>]+"));
    return QString(text).remove(markup).simplified().toLower();
}

// "I will refund", "we'll credit", "you will receive a refund": an action promised for later.
bool promisesAction(const QString &sentence)
{
    static const QRegularExpression promise = caselessRegex(
        R"(\b(?:i|we)(?:'ll| will| are going to| shall)\s+(?:\w+\s+)?(?:refund|credit|cancel|reimburse|compensate)\b|)"
        R"(\byou(?:'ll| will) (?:receive|get|see) (?:a |your |the )?(?:full )?(?:refund|credit|money back)\b)");
    return promise.match(sentence).hasMatch();
}

// "I've passed you to a colleague", "I have escalated this": a hand-over stated as done.
bool claimsHandover(const QString &sentence)
{
    static const QRegularExpression handover
        = caselessRegex(FIRST_PERSON_DONE R"((?:passed|transferred|escalated|forwarded|handed|assigned|connected)\b)");
    return handover.match(sentence).hasMatch();
}

// "Click the button below", "tap here", "Klicken Sie auf den Link unten": what only a screen of ours
// shows. A web address written out is fine anywhere; a keypad's "press 1" names no screen.
bool refersToScreen(const QString &sentence)
{
    static const QRegularExpression screen
        = caselessRegex(R"(\b(?:click|tap|klicken|tippen)\w*\b|\bbuttons?\b|\bschaltfl\x{00E4}che|)"
                        R"(\b(?:link|form|menu)s?\s+(?:below|above)\b|\b(?:link|formular)\s+(?:unten|oben)\b)");
    return screen.match(sentence).hasMatch();
}

// Tracking numbers and the like: 10 or more letters and digits with both in them.
QStringList codesIn(const QString &sentence)
{
    static const QRegularExpression code(QStringLiteral("\\b(?=[A-Z0-9]*\\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{10,}\\b"));
    QStringList out;
    for (auto it = code.globalMatch(sentence); it.hasNext();)
        out << it.next().captured(0);
    return out;
}

// Words that state where an order is: said of an order the company's system could not be asked about, they are made up.
bool statesOrderFacts(const QString &sentence)
{
    static const QRegularExpression facts = caselessWords(
        R"(\b(?:shipped|delivered|dispatched|in transit|on (?:its|the) way|out for delivery|arriv\w*|processing|)"
        R"(tracking|carrier|expected (?:by|on)|versandt|zugestellt|geliefert|unterwegs|in bearbeitung|)"
        R"(sendungsnummer|zustellung)\b)");
    return facts.match(sentence).hasMatch();
}

} // namespace

ReplyGuard::ReplyGuard(
    const ActionReport &actions, const QList<KbHit> &knowledge, const QString &customerMessage, Language language)
    : m_actions(actions), m_knowledge(knowledge), m_customerMessage(customerMessage), m_language(language)
{
}

QList<double> ReplyGuard::knownAmounts() const
{
    const ActionReport &a = m_actions;
    // A refund a provider took but did not confirm, or did not make, is stated with its amount (claimProblem
    // still refuses any claim that it was made).
    QList<double> known{a.refunded, a.credited, a.refundRequested, a.creditAwaitingAnswer, a.moneyFailed};
    known << amounts(m_customerMessage, m_language);
    for (const QString &s : engineSentences(a))
        known << amounts(s, m_language);
    for (const Order &o : ordersOf(a)) {
        known << o.total << o.refundedAmount << o.total - o.refundedAmount;
        for (const OrderItem &item : o.items)
            known << item.price << item.price * qMax(1, item.quantity);
    }
    for (const KbHit &hit : m_knowledge)
        known << amounts(hit.article.body);
    return known;
}

QStringList ReplyGuard::sentences(const QString &text)
{
    static const QRegularExpression end(QStringLiteral("(?<=[.!?])\\s+"));
    return text.split(end, Qt::SkipEmptyParts);
}

QList<double> ReplyGuard::amounts(const QString &text, Language language)
{
    // Any currency's sign (\\p{Sc}: $, €, £, ¥, ...): a company's currency is its own.
    static const QRegularExpression money(QStringLiteral("\\p{Sc}\\s?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?"));
    // German: the sign after the number, "." groups thousands, "," before the cents (Phrases::money).
    static const QRegularExpression german(
        QStringLiteral("(?<![\\w.,-])(\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,(\\d{1,2}))?\\s?\\p{Sc}"));
    QList<double> out;
    const auto isSign = [](QChar c) { return c.category() == QChar::Symbol_Currency; };
    if (std::none_of(text.cbegin(), text.cend(), isSign)) // both patterns need the sign: most sentences state none
        return out;
    const auto read = [&out, &text](const QRegularExpression &re, QChar group) {
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            QString number = m.captured(1).remove(group);
            if (m.hasCaptured(2))
                number += QLatin1Char('.') + m.captured(2);
            out << number.toDouble();
        }
    };
    read(money, QLatin1Char(','));
    if (language == Language::De)
        read(german, QLatin1Char('.'));
    return out;
}

bool ReplyGuard::quotesKnowledge(const QString &sentence) const
{
    // Policy quoted from an article ("we e-mail you when the refund is issued") claims nothing done.
    // A reply in another language introduces the passage ("Aus unserem Hilfeartikel „…“: ..."):
    // the words after a colon are the quote.
    QStringList wanted{plain(sentence)};
    for (qsizetype colon = sentence.indexOf(QLatin1String(": ")); colon >= 0;
         colon = sentence.indexOf(QLatin1String(": "), colon + 2))
        wanted << plain(sentence.mid(colon + 2));
    return std::any_of(m_knowledge.cbegin(), m_knowledge.cend(), [&](const KbHit &hit) {
        const QString body = plain(hit.article.body);
        return std::any_of(
            wanted.cbegin(), wanted.cend(), [&](const QString &w) { return !w.isEmpty() && body.contains(w); });
    });
}

bool ReplyGuard::known(double amount) const
{
    if (!m_known)
        m_known = knownAmounts();
    return std::any_of(m_known->cbegin(), m_known->cend(), [amount](double k) { return qAbs(k - amount) < kCent; });
}

std::optional<QString> ReplyGuard::claimProblem(const QString &sentence) const
{
    const Claim claim = claimOf(sentence);
    if (claim == Claim::None) // most sentences: their amounts are checked by check() alone
        return std::nullopt;
    const QList<double> stated = amounts(sentence, m_language);
    const ActionReport &a = m_actions;
    switch (claim) {
    case Claim::None:
        return std::nullopt;
    case Claim::Refund: {
        if (a.refunded > 0 && allEqual(stated, a.refunded))
            return std::nullopt;
        // A refund given earlier, stated with its amount, is a fact of the order.
        const QList<Order> orders = ordersOf(a);
        const bool earlier = !stated.isEmpty() && std::all_of(stated.cbegin(), stated.cend(), [&](double v) {
            return std::any_of(orders.cbegin(), orders.cend(),
                [v](const Order &o) { return o.refundedAmount > 0 && qAbs(o.refundedAmount - v) < kCent; });
        });
        if (earlier)
            return std::nullopt;
        return a.refunded > 0
            ? QStringLiteral("states a refund amount other than the %1 refunded").arg(a.refunded, 0, 'f', 2)
            : QStringLiteral("claims a refund that was not made");
    }
    case Claim::Credit:
        if (a.credited > 0 && allEqual(stated, a.credited))
            return std::nullopt;
        return a.credited > 0
            ? QStringLiteral("states a credit amount other than the %1 applied").arg(a.credited, 0, 'f', 2)
            : QStringLiteral("claims a credit that was not applied");
    case Claim::Cancel: {
        if (aboutMembership(sentence))
            return a.subscriptionChange == QLatin1String("cancelled")
                ? std::nullopt
                : std::optional<QString>(QStringLiteral("claims a membership cancellation that was not made"));
        const QStringList ids = orderIdsIn(sentence);
        if (!a.cancelledOrder.isEmpty() && (ids.isEmpty() || ids == QStringList{a.cancelledOrder}))
            return std::nullopt;
        const QList<Order> orders = ordersOf(a);
        const bool alreadyCancelled = !ids.isEmpty() && std::all_of(ids.cbegin(), ids.cend(), [&](const QString &id) {
            return std::any_of(orders.cbegin(), orders.cend(),
                [&](const Order &o) { return o.id == id && o.status == QLatin1String("cancelled"); });
        });
        return alreadyCancelled ? std::nullopt
                                : std::optional<QString>(QStringLiteral("claims a cancellation that was not made"));
    }
    case Claim::Subscription:
        return a.subscriptionChange.isEmpty()
            ? std::optional<QString>(QStringLiteral("claims a membership change that was not made"))
            : std::nullopt;
    }
    return std::nullopt;
}

const QString &ReplyGuard::knownText() const
{
    if (m_knownText)
        return *m_knownText;
    QStringList parts{
        m_customerMessage, m_scope ? m_scope->customerWords : QString(), m_scope ? m_scope->companyFacts : QString()};
    parts += engineSentences(m_actions);
    parts << m_actions.cancelledOrder << m_actions.cancelRequested << m_actions.cancelFailed;
    for (const Order &o : ordersOf(m_actions))
        parts << o.id << o.trackingNumber;
    for (const KbHit &hit : m_knowledge)
        parts << hit.article.body;
    m_knownText = parts.join(QLatin1Char('\n')).toLower() + QLatin1Char('\n') + engineWordsOf(m_language);
    return *m_knownText;
}

std::optional<QString> ReplyGuard::unavailableProblem(const QString &sentence) const
{
    const ActionReport &a = m_actions;
    if (a.ordersUnavailable.isEmpty() || !statesOrderFacts(sentence))
        return std::nullopt;
    for (const QString &number : a.ordersUnavailable)
        if (!number.isEmpty() && sentence.contains(number, Qt::CaseInsensitive))
            return QStringLiteral("states facts of %1, which the order system could not be asked about").arg(number);
    // Facts of an order that was found are facts; with none found, any are made up.
    const QList<Order> orders = ordersOf(a);
    const bool aboutFound = std::any_of(orders.cbegin(), orders.cend(),
        [&sentence](const Order &o) { return !o.id.isEmpty() && sentence.contains(o.id, Qt::CaseInsensitive); });
    if (aboutFound || (!orders.isEmpty() && orderIdsIn(sentence).isEmpty()))
        return std::nullopt;
    return QStringLiteral("states order facts while the order system could not be asked");
}

std::optional<QString> ReplyGuard::scopeProblem(const QString &sentence) const
{
    if (!m_scope)
        return std::nullopt;
    const ActionReport &a = m_actions;
    if (a.confirmation.isEmpty() && a.handover.isEmpty() && promisesAction(sentence))
        return QStringLiteral("promises an action that is not pending confirmation");
    if (!m_scope->handedOver && claimsHandover(sentence))
        return QStringLiteral("claims a hand-over that did not happen");
    if (m_scope->medium != ReplyMedium::WebChat && refersToScreen(sentence))
        return QStringLiteral("refers to a button or screen the customer does not have here");
    const QStringList orderIds = orderIdsIn(sentence);
    const QStringList codes = codesIn(sentence);
    const QList<nlu::PiiDetector::Match> personal = nlu::PiiDetector::find(sentence);
    if (orderIds.isEmpty() && codes.isEmpty() && personal.isEmpty())
        return std::nullopt; // nothing to look up in the facts (most sentences)
    const QString &known = knownText();
    for (const QString &id : orderIds)
        if (!known.contains(id.toLower()))
            return QStringLiteral("names %1, an order not in the facts").arg(id);
    for (const QString &code : codes)
        if (!known.contains(code.toLower()))
            return QStringLiteral("names %1, a number not in the facts").arg(code);
    for (const nlu::PiiDetector::Match &m : personal) {
        const QString value = sentence.mid(m.start, m.length);
        if (!known.contains(value.toLower()))
            return QStringLiteral("names %1, which is not in the facts or the customer's words").arg(value);
    }
    return std::nullopt;
}

std::optional<QString> ReplyGuard::figureProblem(const QString &sentence) const
{
    if (!m_scope || !m_scope->checkFigures)
        return std::nullopt;
    static const QRegularExpression figure = caselessUnicodeRegex(QStringLiteral(
        R"((?:https?://|www\.)[^\s)>\]"]+|\d+(?:[.,]\d+)?\s?%|\d+(?:\s?(?:-|to|bis)\s?\d+)?[- ](?:business |working )?)"
        R"((?:days?|weeks?|months?|years?|werktage?n?|tage?n?|wochen?|monate?n?|jahre?n?)\b)"));
    static const QRegularExpression number(QStringLiteral("\\d+"));
    static const QRegularExpression unitStem
        = caselessUnicodeRegex(QStringLiteral("(day|week|month|year|tag|woche|monat|jahr)"));
    auto it = figure.globalMatch(sentence);
    if (!it.hasNext())
        return std::nullopt; // most sentences state no figure
    const QString &known = knownText();
    while (it.hasNext()) {
        QString stated = it.next().captured(0).toLower();
        while (!stated.isEmpty() && QStringLiteral(".,;:!?/").contains(stated.back()))
            stated.chop(1);
        if (known.contains(stated) || known.contains(QString(stated).remove(QLatin1Char(' '))))
            continue;
        // "7 to 14 days" where the facts say "7-14 business days": each number, with its unit near it.
        const QString unit = unitStem.match(stated).captured(1);
        bool found = !unit.isEmpty();
        for (auto n = number.globalMatch(stated); found && n.hasNext();) {
            const QRegularExpression near(QStringLiteral("\\b%1\\b[^.\\n]{0,24}%2").arg(n.next().captured(0), unit));
            found = near.match(known).hasMatch();
        }
        if (!found)
            return QStringLiteral("states %1, which the company's knowledge and the facts do not hold").arg(stated);
    }
    return std::nullopt;
}

QList<ReplyGuard::Violation> ReplyGuard::check(const QString &reply) const
{
    QList<Violation> out;
    if (m_scope && m_scope->maxChars > 0 && reply.size() > m_scope->maxChars)
        out << Violation{reply, QStringLiteral("is longer than the tier's %1 characters").arg(m_scope->maxChars)};
    const QStringList trusted = engineSentences(m_actions);
    for (const QString &raw : sentences(reply)) {
        const QString sentence = raw.trimmed();
        const bool engineWrote = std::any_of(
            trusted.cbegin(), trusted.cend(), [&](const QString &t) { return !t.isEmpty() && t.contains(sentence); });
        if (engineWrote)
            continue;
        if (const auto problem = claimProblem(sentence); problem && !quotesKnowledge(sentence)) {
            out << Violation{sentence, *problem};
            continue;
        }
        if (const auto problem = unavailableProblem(sentence); problem && !quotesKnowledge(sentence)) {
            out << Violation{sentence, *problem};
            continue;
        }
        if (const auto problem = figureProblem(sentence); problem) {
            out << Violation{sentence, *problem};
            continue;
        }
        if (const auto problem = scopeProblem(sentence); problem && !quotesKnowledge(sentence)) {
            out << Violation{sentence, *problem};
            continue;
        }
        for (double amount : amounts(sentence, m_language))
            if (!known(amount)) {
                out << Violation{
                    sentence, QStringLiteral("states %1, an amount not in the facts").arg(amount, 0, 'f', 2)};
                break;
            }
    }
    return out;
}

QString ReplyGuard::strip(const QString &reply) const
{
    const QList<Violation> bad = check(reply);
    QStringList kept;
    for (const QString &raw : sentences(reply))
        if (std::none_of(bad.cbegin(), bad.cend(), [&](const Violation &v) { return v.sentence == raw.trimmed(); }))
            kept << raw.trimmed();
    return kept.join(QLatin1Char(' '));
}

} // namespace tierdesk

#undef FIRST_PERSON_DONE // a macro of this file only (unity builds join files)
