#include "core/integrations/EscalationMailer.h"

#include <QFutureWatcher>
#include <QRegularExpression>

namespace tierdesk {

namespace {

constexpr int kMaxFieldChars = 120; // one value in the subject line

// One line of header text: control characters and line breaks become spaces,
// runs of white space one space, and overlong values are cut with an ellipsis.
QString oneLine(const QString &text, int maxChars = kMaxFieldChars)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        out += (c.unicode() < 0x20 || c.unicode() == 0x7f || (c.unicode() >= 0x80 && c.unicode() < 0xa0) || c.isSpace())
            ? QLatin1Char(' ')
            : c;
    out = out.simplified();
    if (out.size() > maxChars)
        out = out.left(maxChars - 1) + QChar(0x2026);
    return out;
}

// REFUND_OVER_THRESHOLD -> "Refund over threshold"
QString humanReason(const QString &reason)
{
    QString r = oneLine(reason).toLower().replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!r.isEmpty())
        r[0] = r.at(0).toUpper();
    return r;
}

QString orDash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("-") : s;
}

QStringList splitAddresses(const QString &list)
{
    QStringList out;
    for (const QString &a : list.split(QRegularExpression(QStringLiteral("[,;]")), Qt::SkipEmptyParts)) {
        if (!a.trimmed().isEmpty())
            out.append(a.trimmed());
    }
    return out;
}

} // namespace

EscalationNotice EscalationNotice::fromQueueItem(
    const QJsonObject &item, const QString &companyName, const QString &queueAddress, const QString &consoleLink)
{
    const QJsonObject customer = item.value(QLatin1String("customer")).toObject();
    EscalationNotice n;
    n.companyName = companyName;
    n.queueName = item.value(QLatin1String("queue")).toString();
    n.queueAddress = queueAddress;
    n.sessionId = item.value(QLatin1String("sessionId")).toString();
    n.customerName = customer.value(QLatin1String("name")).toString();
    if (n.customerName.isEmpty())
        n.customerName = customer.value(QLatin1String("id")).toString();
    n.customerIsVip = customer.value(QLatin1String("isVIP")).toBool();
    n.reason = item.value(QLatin1String("reason")).toString();
    n.priority = item.value(QLatin1String("priority")).toString();
    n.fromTier = item.value(QLatin1String("fromTier")).toString();
    n.sentiment = item.value(QLatin1String("sentiment")).toString();
    n.summary = item.value(QLatin1String("issueSummary")).toString();
    n.consoleLink = consoleLink;
    return n;
}

MailMessage composeEscalationMail(const EscalationNotice &n, const QString &from)
{
    const QString customer
        = n.customerName.trimmed().isEmpty() ? QStringLiteral("a customer") : oneLine(n.customerName);
    const QString vip = n.customerIsVip ? QStringLiteral(" (VIP)") : QString();
    MailMessage m;
    m.from = from;
    m.to = splitAddresses(n.queueAddress);
    m.subject = QStringLiteral("New escalation in %1: %2%3 %4 %5 (%6)")
                    .arg(oneLine(n.queueName), customer, vip, QString(QChar(0x2014)), humanReason(n.reason),
                        oneLine(n.priority));

    QString body = QStringLiteral("A session was escalated to the %1 queue of %2.\n\n")
                       .arg(oneLine(n.queueName), orDash(oneLine(n.companyName)));
    body += QStringLiteral("Customer:  %1%2\n").arg(customer, vip);
    body += QStringLiteral("Reason:    %1\n").arg(orDash(humanReason(n.reason)));
    body += QStringLiteral("Priority:  %1\n").arg(orDash(oneLine(n.priority)));
    body += QStringLiteral("From tier: %1\n").arg(orDash(oneLine(n.fromTier)));
    body += QStringLiteral("Sentiment: %1\n").arg(orDash(oneLine(n.sentiment)));
    body += QStringLiteral("Summary:   %1\n").arg(orDash(n.summary.trimmed()));
    if (!n.consoleLink.isEmpty())
        body += QStringLiteral("\nOpen it in the Tierdesk console:\n%1\n").arg(oneLine(n.consoleLink, 2000));
    body += QStringLiteral("\nSession: %1\n").arg(oneLine(n.sessionId));
    body += QStringLiteral("\n-- \nTierdesk sends this because notifyOnEscalation is on for %1.\n")
                .arg(orDash(oneLine(n.companyName)));
    m.body = body;
    return m;
}

EscalationMailer::EscalationMailer(Mailer &mailer, QString from, QObject *parent)
    : QObject(parent), m_mailer(mailer), m_from(std::move(from))
{
}

bool EscalationMailer::notify(const EscalationNotice &notice)
{
    const MailMessage message = composeEscalationMail(notice, m_from);
    if (message.to.isEmpty())
        return false;
    const QString sessionId = notice.sessionId;
    auto *watcher = new QFutureWatcher<Status>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, sessionId] {
        const Status r = watcher->result();
        watcher->deleteLater();
        if (r)
            emit sent(sessionId);
        else
            emit failed(sessionId, r.error().message);
    });
    watcher->setFuture(m_mailer.send(message));
    return true;
}

} // namespace tierdesk
