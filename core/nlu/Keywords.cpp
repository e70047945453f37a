#include "core/nlu/Keywords.h"

#include "core/common/GatedRegex.h"
#include "core/common/LastAnswer.h"
#include "core/nlu/text/Tokenizer.h"

#include <QRegularExpression>

namespace tierdesk::nlu {

namespace {

QString firstMatch(const QRegularExpression &re, const QString &text)
{
    return text.isEmpty() ? QString() : re.match(text).captured(0);
}

QRegularExpression caseless(const QString &pattern)
{
    QRegularExpression re(
        pattern, QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    re.optimize();
    return re;
}

} // namespace

QString legalMention(const QString &text)
{
    // A lawyer who is only described ("my sister is a lawyer", "I work as an
    // attorney") is no threat of legal action; one called, involved or heard from is.
    static const GatedRegex profession(
        caseless(QStringLiteral(R"(\b(?:lawyers?|attorneys?|solicitors?)\b)")), {"lawyer", "attorney", "solicitor"});
    static const QRegularExpression described = caseless(QStringLiteral(
        R"(\b(?:is|was|are|were|am|i'm|im|he's|she's|being|as|become|became)\s+(?:a|an)\s+(?:\w+\s+)?$)"));
    // "my lawyer friend recommended...": the lawyer names who someone is, not a threat.
    static const QRegularExpression whoSomeoneIs = caseless(QStringLiteral(
        R"(^\s+(?:friends?|buddy|buddies|pals?|colleagues?|coworkers?|neighbou?rs?|sisters?|brothers?|cousins?|mom|dad|wife|husband|partner|aunt|uncle)\b)"));
    for (auto it = profession.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!described.match(text.left(m.capturedStart())).hasMatch()
            && !whoSomeoneIs.match(text.mid(m.capturedEnd())).hasMatch())
            return m.captured(0);
    }
    static const QRegularExpression re = caseless(QStringLiteral(
        R"(\b(?:attorneys? general|sue|suing|sued|lawsuits?|law ?suits?)"
        R"(|legal (?:action|proceedings|steps|team|department|advice|counsel|rights)|litigation|litigate)"
        R"(|courts?|small[- ]claims|class[- ]action|ombudsman|trading standards)"
        R"(|consumer protection(?: agency| bureau)?)\b)"));
    return firstMatch(re, text);
}

QString socialMediaThreat(const QString &text)
{
    return lastAnswer(text, [](const QString &t) -> QString {
        static const QRegularExpression re = caseless(QStringLiteral(
            R"(\b(?:twitter|tweet(?:ing|ed|s)?|facebook|fb|instagram|insta|tik ?tok|reddit|youtube|linkedin)"
            R"(|trustpilot|yelp|social media|go(?:es|ing)? viral|tell (?:everyone|everybody|all my friends|the world))"
            R"(|warn (?:everyone|everybody|others|other people)|bbb|better business bureau|name and shame)"
            R"(|post (?:about )?(?:this|it|that) (?:everywhere|online|all over)|all over (?:the internet|online)|go(?:ing)? public)"
            R"(|(?:post|write|leave|put up) (?:a |an |my )?(?:bad |negative |terrible |scathing |honest )?)"
            R"((?:1|one)?[- ]?(?:star )?review|(?:bad|negative|terrible|scathing|1[- ]star|one[- ]star) reviews?)"
            R"(|x\.com)\b)"));
        // "X" the network only written as a capital, after "on"/"to": "I'll post this on X".
        static const QRegularExpression network(QStringLiteral(R"(\b(?:on|to) X\b(?!-))"));
        // "saw your rain jacket on instagram": a network named as where the customer saw
        // something is no threat to post there.
        static const QRegularExpression platform
            = caseless(QStringLiteral(R"(^(?:twitter|facebook|fb|instagram|insta|tik ?tok|reddit|youtube|linkedin)$)"));
        static const QRegularExpression sawItThere = caseless(QStringLiteral(
            R"(\b(?:saw|seen|see|found|heard|noticed|spotted|discovered|came across|follow(?:ed|ing)?|ad|ads|advert)\b[^.!?]*$)"));
        static const QRegularExpression publishes = caseless(QStringLiteral(
            R"(\b(?:post|posting|tweet|share|sharing|write|writing|put|putting|blast|expose|tell|telling|review|complain|know|going)\b)"));
        const QRegularExpressionMatch m = re.match(t);
        if (m.hasMatch() && platform.match(m.captured(0)).hasMatch()
            && sawItThere.match(t.left(m.capturedStart())).hasMatch() && !publishes.match(t).hasMatch())
            return QString();
        QString hit = m.captured(0); // the first match, found above
        if (hit.isEmpty())
            hit = firstMatch(network, t);
        return hit;
    });
}

QString humanRequest(const QString &text)
{
    return lastAnswer(text, [](const QString &t) -> QString {
        // A sentence that is only the word: "AGENT", "human pls", "representative!".
        static const GatedRegex alone(
            caseless(QStringLiteral(
                R"((?:^|[.!?,;:\n]\s*)((?:live |real )?(?:agent|human|representative|operator|person)(?: (?:pls|plz|please|now|asap))?)\s*(?:[.!?]+|$))")),
            {"agent", "human", "representative", "operator", "person"});
        if (const QRegularExpressionMatch m = alone.match(t.trimmed()); m.hasMatch())
            return m.captured(1);
        static const GatedRegex re(
            caseless(QStringLiteral(
                R"(\b(?:(?:talk|speak|chat|connect|transfer|put) (?:me )?(?:to|with|through to) )"
                R"((?:a |an |some |the |your )?(?:real |live |actual |human )?)"
                R"((?:person|human(?: being)?|people|agent|representative|rep|someone|somebody|operator|employee|staff))"
                R"(|(?:real|live|actual) (?:person|human|agent|people|representative|rep)|someone real|somebody real)"
                R"(|human,? please|agent,? please|representative,? please)"
                R"(|(?:want|need|get me|give me) (?:a |an )?(?:human|person|agent|representative))"
                R"((?=\s*(?:[.!?,]|$|now\b|please\b|pls\b|plz\b|asap\b|to (?:talk|speak|help|look))))"
                R"(|(?:not|no more|stop (?:the|this)?) ?(?:a )?(?:bot|robot)s?)"
                R"(|are you (?:a )?(?:bot|robot|real person|human))\b)")),
            // Each alternative ends in one of these ("rep" in representative, "bot" in robot).
            {"person", "human", "people", "agent", "rep", "someone", "somebody", "operator", "employee", "staff",
                "bot"});
        return re.match(t).captured(0);
    });
}

QString managerRequest(const QString &text)
{
    static const GatedRegex re(
        caseless(QStringLiteral(
            R"(\b(?:(?:speak|talk|chat|connect|transfer|put|get|escalate)(?: me| this| it)? (?:to|with|through to|me) )"
            R"((?:a |an |the |your |ur )?(?:manager|supervisor|superior|boss|management|someone in charge|higher[- ]ups?))"
            R"(|(?:want|need|see|demand) (?:a |the |your |ur )?(?:manager|supervisor|superior))"
            R"(|(?:your|ur|the) (?:manager|supervisor|boss|superior)s?)"
            R"(|(?:manager|supervisor),? please|someone in charge)\b)")),
        {"manager", "supervisor", "superior", "boss", "management", "in charge", "higher"});
    return re.match(text).captured(0);
}

QString matchKeyword(const QString &text, const QStringList &keywords)
{
    // Plain search with word-boundary checks: no pattern compiled per message.
    const auto isWordChar = [](QChar c) { return Tokenizer::isPlainWordChar(c, Tokenizer::Underscore::Joins); };
    for (const QString &raw : keywords) {
        const QString keyword = raw.simplified();
        if (keyword.isEmpty())
            continue;
        qsizetype from = 0;
        while (true) {
            const qsizetype at = text.indexOf(keyword, from, Qt::CaseInsensitive);
            if (at < 0)
                break;
            const qsizetype end = at + keyword.size();
            const bool startOk = at == 0 || !isWordChar(text.at(at - 1)) || !isWordChar(keyword.front());
            const bool endOk = end >= text.size() || !isWordChar(text.at(end)) || !isWordChar(keyword.back());
            if (startOk && endOk)
                return text.mid(at, keyword.size());
            from = at + 1;
        }
    }
    return QString();
}

} // namespace tierdesk::nlu
