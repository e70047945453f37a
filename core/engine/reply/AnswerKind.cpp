#include "core/engine/reply/AnswerKind.h"

#include <QRegularExpression>

namespace tierdesk::passages {

AnswerKind AnswerKind::of(const QString &question)
{
    // "when" asks for a time where it opens the question or a clause that asks ("so when will it
    // come"), not in an instruction's condition ("Stop the computer from suspending when the lid is closed").
    static const QRegularExpression time(
        QStringLiteral("\\b(?:how long|till|until|how soon|week|weeks|days|expire|expires)\\b|^\\W*(?:\\w+\\W+){0,2}"
                       "when\\b|\\bwhen (?:will|would|is|are|does|do|did|can|could|should|shall|am)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression price(
        QStringLiteral("\\b(?:how much|cost|costs|price|fee|fees|pay|charged?|free)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression phone(
        QStringLiteral("\\b(?:phone|call (?:you|us))\\b"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression definition(
        QStringLiteral("^\\W*(?:what'?s|what is|whats) (?!my |our )(?:this |that |the |a |an )?([a-z][a-z ]{2,30}?)"
                       "(?: thing| about| exactly)?\\W*$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression next(
        QStringLiteral("\\b(?:then what|what then|what next|what now|what happens (?:then|next|after))\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const QString defines = definition.match(question).captured(1).trimmed();
    AnswerKind kind;
    kind.time = time.match(question).hasMatch();
    kind.price = price.match(question).hasMatch();
    kind.phone = phone.match(question).hasMatch();
    kind.next = next.match(question).hasMatch();
    kind.defines = defines.isEmpty() ? QString() : defines + QStringLiteral(" is ");
    kind.howTo = !kind.time && !kind.price && !kind.phone && kind.defines.isEmpty() && asksHowTo(question);
    kind.way = kind.howTo || (!kind.time && !kind.price && !kind.phone && asksForAWay(question));
    return kind;
}

bool asksHowTo(const QString &question)
{
    static const QRegularExpression how(
        QStringLiteral("\\bhow (?:do|can|could|should|would) (?:i|we|you|u)\\b|\\bhow to\\b|\\b(?:steps|way) to\\b"),
        QRegularExpression::CaseInsensitiveOption);
    if (how.match(question).hasMatch())
        return true;
    // An instruction's own words ("Change your password"): no question asked, and its first word
    // is none that opens a question, a statement about oneself or a greeting.
    static const QRegularExpression opener(
        QStringLiteral(
            "^\\W*(?:(?:hi|hello|hey|ok|okay|so|and|but|also|please)\\W+)*"
            "(?:what\\w*|when|where\\w*|who|why|which|how|do|does|did|is|isn\\w*|are|can|could|will|would|should|"
            "may|has|have|i|i'?m|im|my|me|we|our|you|u|your|ur|it|its|it's|this|that|there|the|a|an|any|no|not|"
            "thanks?|thank|hi|hello|hey|yes|yeah|ok|okay|on|in|at|for|with|about|to|from|by|of|after|"
            "before|if|then|or|not|just|still|also|even|really|maybe)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return !question.contains(QLatin1Char('?')) && !opener.match(question).hasMatch();
}

bool asksForAWay(const QString &question)
{
    static const QRegularExpression way(
        QStringLiteral(
            "\\b(?:where (?:do|can|would|should) (?:i|we|u)|(?:can|could) (?:i|we|u)|is there (?:a|any|some) "
            "(?:way|setting|option)|what(?:'?s| is) my)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return asksHowTo(question) || way.match(question).hasMatch();
}

bool givesAnInstruction(const QString &sentence)
{
    static const QRegularExpression instruction(
        QStringLiteral(
            "^\\W*(?:(?:to|if|when|once|after|before|then|in|on|from|under)\\b[^,.;:]{2,80},\\s*)?(?:then "
            ")?(?:click|press|select|choose|open|type|tap|use|adjust|switch|set|go|enter|drag|hold|turn|pick|"
            "find|change|add|remove|check|make sure|right-click|double-click|scroll|move|slide|toggle|"
            "disable|enable|insert|plug|unplug|restart|sign|log|contact|call|visit|follow|write|fill|send|"
            "return|pack|print|bring|book|grab|release|wait|keep|save|install|connect|disconnect|unlock|"
            "lock|create|delete|rename|copy|paste|edit|update|reset|try|ask|start|stop|cancel|tick)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return instruction.match(sentence).hasMatch();
}

bool holdsPrice(const QString &passage)
{
    static const QRegularExpression none(
        QStringLiteral("\\b(?:free|not charged|no charge|no (?:\\w+ ){0,2}fees?|won't be charged)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression amount(QStringLiteral("\\p{Sc}\\s?\\d|\\d\\s?\\p{Sc}"));
    return amount.match(passage).hasMatch() || none.match(passage).hasMatch();
}

bool holdsPhoneNumber(const QString &passage)
{
    static const QRegularExpression re(QStringLiteral("\\+?\\d[\\d ]{8,}\\d"));
    return re.match(passage).hasMatch();
}

bool holdsTime(const QString &passage)
{
    static const QRegularExpression re(QStringLiteral(
        "\\b\\d+(?:-\\d+)?[- ](?:business )?(?:minutes?|hours?|days?|weeks?|months?|years?)\\b|\\bnever expires\\b"));
    return re.match(passage).hasMatch();
}

bool definesTerm(const QString &passage, const QString &term)
{
    if (!passage.startsWith(term, Qt::CaseInsensitive))
        return false;
    const QStringView rest = QStringView(passage).mid(term.size());
    for (const char *article : {"a ", "an ", "our ", "the "})
        if (rest.startsWith(QLatin1String(article)))
            return true;
    return false;
}

} // namespace tierdesk::passages
