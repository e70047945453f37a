#include "core/engine/customers/CustomerErasure.h"

#include "core/nlu/text/PiiDetector.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace tierdesk {
namespace {

// Every occurrence of `value` (whole words) replaced by `mask`.
void maskValue(QString &text, const QString &value, const QString &mask, Qt::CaseSensitivity cs)
{
    if (value.size() < 2 || !text.contains(value, cs))
        return;
    QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
    if (cs == Qt::CaseInsensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    const QRegularExpression word(
        QStringLiteral("(?<![\\w@.+-])") + QRegularExpression::escape(value) + QStringLiteral("(?![\\w@])"), options);
    text.replace(word, mask);
}

} // namespace

QString CustomerErasure::masked(const QString &text, const Customer &customer)
{
    QString out = text;
    QList<nlu::PiiDetector::Match> found = nlu::PiiDetector::find(out);
    // From the end, so earlier offsets still hold.
    std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) { return a.start > b.start; });
    for (const auto &m : found)
        out.replace(m.start, m.length, QStringLiteral("[erased %1]").arg(nlu::PiiDetector::kindName(m.kind)));
    maskValue(out, customer.email, QStringLiteral("[erased email]"), Qt::CaseInsensitive);
    maskValue(out, customer.phone, QStringLiteral("[erased phone]"), Qt::CaseSensitive);
    const QString name = customer.name.simplified();
    maskValue(out, name, QStringLiteral("[erased name]"), Qt::CaseInsensitive);
    // Each part of the name as written ("Ben" of "Ben Carter" in "Hi Ben!").
    for (const QString &part : name.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        maskValue(out, part, QStringLiteral("[erased name]"), Qt::CaseSensitive);
    return out;
}

Status CustomerErasure::erase(const Customer &customer, const Actor &actor)
{
    Store &store = m_core.store();
    QSet<QString> sessions;
    int maskedTexts = 0;
    const Status done = store.batch().run([&]() -> Status {
        auto texts = store.customerAdmin().sessionTexts(customer.companyId, customer.id);
        if (!texts)
            return texts.error();
        for (const auto &cell : *texts) {
            sessions.insert(cell.sessionId);
            const QString text = masked(cell.text, customer);
            if (text == cell.text)
                continue;
            if (const Status ok = store.customerAdmin().rewrite(cell, text); !ok)
                return ok;
            ++maskedTexts;
        }
        if (const Status ok = store.customerAdmin().forgetDialogues(customer.companyId, customer.id); !ok)
            return ok;
        // The files they sent or were sent in the chat, and those their mails brought.
        if (const Status ok = store.sessionFiles().eraseOfCustomer(customer.companyId, customer.id); !ok)
            return ok;
        if (const Status ok = store.customerAdmin().erase(customer.companyId, customer.id, m_core.clock().nowMs()); !ok)
            return ok;
        return m_core.record(customer.companyId, actor, QStringLiteral("customer.erase"),
            QStringLiteral("customer:") + customer.id, AuditOutcome::Removed,
            {{QStringLiteral("sessions"), int(sessions.size())}, {QStringLiteral("maskedTexts"), maskedTexts}});
    });
    store.customers().forget(customer.companyId, customer.id);
    for (const QString &id : sessions)
        m_core.forget(id);
    if (!done)
        return done;
    if (const Status committed = store.batch().commitNow(); !committed)
        return committed;
    if (!store.db().truncateLog())
        qWarning("customer erased; the write-ahead log is emptied at its next checkpoint");
    return Ok{};
}

} // namespace tierdesk
