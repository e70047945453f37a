#include "core/engine/reply/providers/PromptText.h"

namespace tierdesk::prompt {

QString line(const QString &label, const QString &value)
{
    return value.isEmpty() ? QString() : QStringLiteral("- %1: %2\n").arg(label, value);
}

QString customer(const Customer &c)
{
    return line(QStringLiteral("Customer"),
        QStringLiteral("%1 (%2%3)")
            .arg(c.name.isEmpty() ? QStringLiteral("name unknown") : c.name, c.tier,
                c.isVIP ? QStringLiteral(", VIP") : QString()));
}

QString articles(const QList<KbHit> &hits)
{
    // The sections the search ranked for the question, where it found any (a long page's answer
    // is rarely in its opening); else the article's opening.
    QString out;
    for (const KbHit &hit : hits) {
        const QString source = QStringLiteral("- Article [kb:%1] \"%2\"").arg(hit.article.slug, hit.article.title);
        if (hit.passages.isEmpty()) {
            out += QStringLiteral("%1: %2\n").arg(source, hit.article.body.simplified().left(kMaxPassageChars));
            continue;
        }
        for (const KbPassageHit &p : hit.passages) {
            const QString where
                = p.heading.isEmpty() ? source : source + QStringLiteral(", section \"%1\"").arg(p.heading);
            out += QStringLiteral("%1: %2\n").arg(where, p.text.simplified().left(kMaxPassageChars));
        }
    }
    return out;
}

} // namespace tierdesk::prompt
