#include "core/integrations/mail/DeliveryStatus.h"

#include <QHash>
#include <QList>

namespace tierdesk::mail {

namespace {

constexpr qsizetype kMaxStatusBytes = 64 * 1024; // a report names its recipients in far less
constexpr int kMaxFailedRecipients = 100;
constexpr qsizetype kMaxFieldChars = 1000;

using StatusFields = QHash<QByteArray, QString>; // lower-case field name → unfolded value

// The report's blocks of fields (blank lines between them), folded lines joined.
QList<StatusFields> fieldBlocks(const QByteArray &part)
{
    QByteArray text = part.left(kMaxStatusBytes);
    text.replace("\r\n", "\n").replace('\r', '\n');
    QList<StatusFields> blocks{StatusFields{}};
    QByteArray lastName;
    for (const QByteArray &line : text.split('\n')) {
        if (line.trimmed().isEmpty()) {
            if (!blocks.last().isEmpty())
                blocks.append(StatusFields{});
            lastName.clear();
        } else if ((line.startsWith(' ') || line.startsWith('\t')) && !lastName.isEmpty()) {
            QString &value = blocks.last()[lastName];
            value = QString(value + QLatin1Char(' ') + QString::fromUtf8(line.trimmed())).left(kMaxFieldChars);
        } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
            lastName = line.left(colon).trimmed().toLower();
            blocks.last().insert(lastName, QString::fromUtf8(line.mid(colon + 1).trimmed()).left(kMaxFieldChars));
        }
    }
    return blocks;
}

// "rfc822; jane@example.com" → "jane@example.com"; "smtp; 550 ..." → "550 ...".
QString afterType(const QString &value)
{
    const qsizetype semicolon = value.indexOf(QLatin1Char(';'));
    QString rest = (semicolon >= 0 ? value.mid(semicolon + 1) : value).trimmed();
    if (rest.startsWith(QLatin1Char('<')) && rest.endsWith(QLatin1Char('>')))
        rest = rest.mid(1, rest.size() - 2).trimmed();
    return rest;
}

} // namespace

BounceReport DeliveryStatus::parse(const QByteArray &part)
{
    const QList<StatusFields> blocks = fieldBlocks(part);
    QList<StatusFields> recipients;
    bool anyAction = false;
    for (const StatusFields &block : blocks) {
        if (block.contains("final-recipient") || block.contains("original-recipient")) {
            recipients.append(block);
            anyAction = anyAction || block.contains("action");
        }
    }
    BounceReport report;
    bool first = true;
    for (const StatusFields &r : recipients) {
        if (anyAction && r.value("action").trimmed().toLower() != QLatin1String("failed"))
            continue;
        const QString who = afterType(r.value("final-recipient", r.value("original-recipient")));
        if (!who.isEmpty() && report.failedRecipients.size() < kMaxFailedRecipients)
            report.failedRecipients.append(who);
        if (first) {
            report.status = r.value("status").section(QLatin1Char(' '), 0, 0);
            report.diagnostic = afterType(r.value("diagnostic-code"));
            first = false;
        }
    }
    return report;
}

} // namespace tierdesk::mail
