#include "core/engine/reply/AnswerKind.h"

#include <QRegularExpression>

namespace tierdesk::passages {

AnswerKind AnswerKind::of(const QString &question)
{
    static const QRegularExpression time(
        QStringLiteral("\\b(?:how long|when|till|until|how soon|week|weeks|days|expire|expires)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression price(
        QStringLiteral("\\b(?:how much|cost|costs|price|fee|fees|pay|charged?|free)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression phone(
        QStringLiteral("\\b(?:phone|call (?:you|us))\\b"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression definition(
        QStringLiteral("^\\W*(?:what'?s|what is|whats) (?:this |that |the |a |an )?([a-z][a-z ]{2,30}?)(?: thing| "
                       "about| exactly)?\\W*$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression next(
        QStringLiteral("\\b(?:then what|what then|what next|what now|what happens (?:then|next|after))\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const QString defines = definition.match(question).captured(1).trimmed();
    return {time.match(question).hasMatch(), price.match(question).hasMatch(), phone.match(question).hasMatch(),
        next.match(question).hasMatch(), defines.isEmpty() ? QString() : defines + QStringLiteral(" is ")};
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
