#include "core/common/GatedRegex.h"

#include "core/common/LastAnswer.h"

#include <QMutex>

#include <atomic>

namespace tierdesk {
namespace {

std::atomic<bool> g_verifying{false};

QMutex &hiddenLock()
{
    static QMutex lock;
    return lock;
}

QStringList &hidden()
{
    static QStringList list;
    return list;
}

} // namespace

GatedRegex::GatedRegex(QRegularExpression regex, std::initializer_list<const char *> stems)
    : m_regex(std::move(regex)), m_stems(stems)
{
    Q_ASSERT(m_regex.patternOptions().testFlag(QRegularExpression::CaseInsensitiveOption));
    m_regex.optimize();
}

bool GatedRegex::mayMatch(const QString &text) const
{
    // Folded once per text and thread: the planners ask many expressions of one message.
    const QString folded = lastAnswer(text, [](const QString &t) { return foldedForSearch(t); });
    return m_stems.foundIn(folded);
}

QRegularExpressionMatch GatedRegex::match(const QString &text) const
{
    if (mayMatch(text))
        return m_regex.match(text);
    verifyClosed(text);
    static const QRegularExpressionMatch none; // a copy of it costs less than making one
    return none;
}

QRegularExpressionMatchIterator GatedRegex::globalMatch(const QString &text) const
{
    if (mayMatch(text))
        return m_regex.globalMatch(text);
    verifyClosed(text);
    return {};
}

void GatedRegex::verifyClosed(const QString &text) const
{
    if (!g_verifying.load(std::memory_order_relaxed) || !m_regex.match(text).hasMatch())
        return;
    const QMutexLocker locker(&hiddenLock());
    hidden() << m_regex.pattern().left(80) + QStringLiteral(": ") + text;
}

void GatedRegex::setVerifying(bool on)
{
    g_verifying.store(on, std::memory_order_relaxed);
}

QStringList GatedRegex::hiddenMatches()
{
    const QMutexLocker locker(&hiddenLock());
    return hidden();
}

} // namespace tierdesk
