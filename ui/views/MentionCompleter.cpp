#include "ui/views/MentionCompleter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QPlainTextEdit>
#include <QStringListModel>
#include <QTextCursor>

namespace tierdesk::ui {
namespace {
constexpr int kLongestName = 60; // what may stand between "@" and the cursor
} // namespace

MentionCompleter::MentionCompleter(QPlainTextEdit *edit) : QObject(edit), m_edit(edit)
{
    m_names = new QStringListModel(this);
    m_completer = new QCompleter(m_names, this);
    m_completer->setWidget(edit);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->popup()->setObjectName(QStringLiteral("mentionPicker"));
    connect(m_completer, QOverload<const QString &>::of(&QCompleter::activated), this, &MentionCompleter::insert);
}

void MentionCompleter::setNames(const QStringList &names)
{
    m_names->setStringList(names);
    if (m_completer->popup()->isVisible() || m_edit->isVisible())
        refresh(false);
}

QStringList MentionCompleter::names() const
{
    return m_names->stringList();
}

int MentionCompleter::mentionStart(const QString &text, int cursor)
{
    for (int i = cursor - 1; i >= 0 && i >= cursor - 1 - kLongestName; --i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\n'))
            return -1;
        if (c == QLatin1Char('@'))
            return i == 0 || text.at(i - 1).isSpace() ? i : -1; // not an e-mail address
    }
    return -1;
}

void MentionCompleter::refresh(bool typed)
{
    const QString text = m_edit->toPlainText();
    const int cursor = m_edit->textCursor().position();
    const int start = mentionStart(text, cursor);
    if (start < 0)
        return hide();
    const QString prefix = text.mid(start + 1, cursor - start - 1);
    if (typed && prefix.isEmpty())
        emit namesWanted();
    m_completer->setCompletionPrefix(prefix);
    if (m_names->rowCount() == 0 || m_completer->completionCount() == 0)
        return hide();
    QRect r = m_edit->cursorRect();
    r.setWidth(qMax(240, m_edit->width() / 3));
    m_completer->complete(r);
    // Enter takes the first one unless another is chosen.
    if (!m_completer->popup()->currentIndex().isValid())
        m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void MentionCompleter::hide()
{
    if (m_completer->popup()->isVisible())
        m_completer->popup()->hide();
}

void MentionCompleter::insert(const QString &name)
{
    QTextCursor cursor = m_edit->textCursor();
    const int start = mentionStart(m_edit->toPlainText(), cursor.position());
    if (start < 0)
        return;
    cursor.setPosition(start, QTextCursor::KeepAnchor);
    cursor.insertText(QLatin1Char('@') + name + QLatin1Char(' '));
    m_edit->setTextCursor(cursor);
}

} // namespace tierdesk::ui
