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
    QString out;
    for (const KbHit &hit : hits)
        out += QStringLiteral("- Article [kb:%1] \"%2\": %3\n")
                   .arg(hit.article.slug, hit.article.title, hit.article.body.simplified().left(kMaxPassageChars));
    return out;
}

} // namespace tierdesk::prompt
