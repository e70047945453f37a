#include "core/engine/dialogue/Requests.h"

#include "core/common/CaselessRegex.h"
#include "core/common/GatedRegex.h"
#include "core/common/LastAnswer.h"

#include <QRegularExpression>

namespace tierdesk::dialogue {
namespace {

bool has(const QRegularExpression &re, const QString &text)
{
    return re.match(text).hasMatch();
}
bool has(const GatedRegex &re, const QString &text)
{
    return re.matches(text);
}

// "if i pause", "what happens if", "how long can i pause": asks about a change, makes none.
bool onlyAsksAbout(const QString &text)
{
    static const QRegularExpression re = caselessRegex(
        R"(\b(?:if i|if we|what if|what happens if|how long can i|how do i|how does|how often|when does|when do)\b)");
    return has(re, text);
}

} // namespace

bool asksForRefund(const QString &text)
{
    return lastAnswer(text, [](const QString &t) {
        // "i want my full $378 back", "give me the 50 dollars back": an amount back is money back.
        static const GatedRegex ask(
            caselessRegex(
                R"(\b(?:refund|money back|reimburse|reimbursement)\b|\b(?:not|isnt|isn't|get|be) refunded\b)"
                R"(|\b(?:want|get|need|give me|send me)\s+(?:my|the|all my|all the)?\s*(?:full|whole|entire)?\s*)"
                R"((?:\$\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s?(?:dollars|usd|bucks)|amount|payment)\s+back\b)"),
            {"refund", "money back", "reimburse", "back"});
        return has(ask, t) && !asksRefundStatus(t);
    });
}

bool asksRefundStatus(const QString &text)
{
    static const QRegularExpression re = caselessRegex(
        R"(\b(?:where|when|status|still waiting for|track|how long)\b.*\brefund|\brefund (?:status|policy)\b)"
        R"(|\brefund\b.*\b(?:still not|not yet|hasn'?t (?:come|arrived|shown)|not on my))");
    return has(re, text);
}

bool saysStillWaiting(const QString &text)
{
    static const QRegularExpression re = caselessRegex(
        R"(\b(?:it'?s been|its been|been a (?:week|while)|still (?:not|nothing|waiting)|not (?:here|there|on my) yet|haven'?t (?:got|seen|received))\b)");
    return has(re, text);
}

bool mentionsSubscription(const QString &text)
{
    return lastAnswer(text, [](const QString &t) {
        static const GatedRegex re(
            // "club": what many companies call a membership ("the outdoor club"), whatever its name.
            caselessRegex(R"(\b(?:subscription|subscribed?|membership|member|plan|club|renewal)\b)"),
            {"subscri", "member", "plan", "club", "renewal"});
        return has(re, t);
    });
}

bool asksToCancelOrder(const QString &text)
{
    return lastAnswer(text, [](const QString &t) {
        static const GatedRegex re(caselessRegex(R"(\b(?:cancel|cancell?ing|call off)\b)"), {"cancel", "call off"});
        return has(re, t) && !mentionsSubscription(t);
    });
}

QString subscriptionChangeAsked(const QString &text)
{
    return lastAnswer(text, [](const QString &t) -> QString {
        static const GatedRegex planVerb(caselessRegex(R"(\b(?:switch|upgrade|downgrade|change|move)\b)"),
            {"switch", "upgrade", "downgrade", "change", "move"});
        static const GatedRegex plans(caselessRegex(R"(\b(premium|plus|basic)\b)"), {"premium", "plus", "basic"});
        static const GatedRegex pauseWords(
            caselessRegex(R"(\b(?:resume|unpause|reactivate|pause)\b)"), {"resume", "unpause", "reactivate", "pause"});
        static const QRegularExpression resume
            = caselessRegex(R"(\b(?:resume|unpause|reactivate|restart|turn (?:it )?back on)\b)");
        static const QRegularExpression pause = caselessRegex(R"(\bpause\b)");
        static const QRegularExpression end = caselessRegex(R"(\b(?:cancel|end|stop|terminate|quit)\b)");
        const bool changeVerb = has(planVerb, t);
        const QRegularExpressionMatch plan = plans.match(t);
        if (!mentionsSubscription(t) && !has(pauseWords, t) && !(changeVerb && plan.hasMatch()))
            return {};
        if (onlyAsksAbout(t))
            return {};
        if (changeVerb && plan.hasMatch())
            return QStringLiteral("plan:") + plan.captured(1).toLower();
        if (has(resume, t))
            return QStringLiteral("active");
        if (has(pause, t))
            return QStringLiteral("paused");
        if (has(end, t))
            return QStringLiteral("cancelled");
        return {};
    });
}

bool aboutSomeoneElsesAccount(const QString &text)
{
    static const QRegularExpression re = caselessRegex(
        R"(\b(?:her|his|their|(?!(?:it|that|what|there|here|let|who)'?s\b)[a-z]+'?s)\s+(?:[a-z]+ club\s+)?(?:membership|subscription|account|plan)\b)"
        R"(|\bi'?m (?:her|his|their) (?:husband|wife|partner|son|daughter|mom|mother|dad|father|brother|sister|friend)\b)");
    return has(re, text);
}

bool asksForCredit(const QString &text)
{
    return lastAnswer(text, [](const QString &t) {
        static const GatedRegex credit(caselessRegex(R"(\b(?:credit|store credit|account credit)\b)"), {"credit"});
        static const QRegularExpression question = caselessRegex(
            R"(\b(?:how (?:does|do|can|long|much)|what is|whats|what's|do i have|is there|balance|expire|expires|work)\b)");
        return has(credit, t) && !has(question, t);
    });
}

bool correctsDetail(const QString &text)
{
    static const QRegularExpression re
        = caselessRegex(R"(\b(?:i meant|meant|make it|change it to|instead|actually|only|just|sorry,? (?:i|it'?s))\b)");
    return has(re, text);
}

bool asksSameAgain(const QString &text)
{
    static const QRegularExpression re
        = caselessRegex(R"(\b(?:too|as well|also)\b|^\W*(?:and|what about|how about)\b)");
    return has(re, text);
}

bool asksMembershipStatus(const QString &text)
{
    static const QRegularExpression re = caselessRegex(
        R"(\b(?:status|active|paused|what plan|which plan|am i (?:on|subscribed|a member))\b)"
        R"(|\bdo i (?:have|still have) (?:a |any )?(?:membership|subscription|plan)\b|\bis my (?:membership|subscription|plan)\b)");
    return has(re, text);
}

bool asksForException(const QString &text)
{
    static const GatedRegex re(
        caselessRegex(
            R"(\b(?:make an? exception|an exception|just this once|bend the rules?|one[- ]time exception)\b)"),
        {"exception", "just this once", "bend the rule"});
    return has(re, text);
}

} // namespace tierdesk::dialogue
