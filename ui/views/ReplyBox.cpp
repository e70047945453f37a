#include "ui/views/ReplyBox.h"

#include "ui/views/MentionCompleter.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QCompleter>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QStringListModel>
#include <QTextCursor>
#include <QVBoxLayout>

namespace tierdesk::ui {

ReplyEdit::ReplyEdit(QWidget *parent) : QPlainTextEdit(parent) { }

void ReplyEdit::keyPressEvent(QKeyEvent *event)
{
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    // While a picker is open its keys are its own (the completer acts on them).
    const bool pickerKey
        = enter || event->key() == Qt::Key_Escape || event->key() == Qt::Key_Tab || event->key() == Qt::Key_Backtab;
    for (QCompleter *c : std::as_const(m_completers))
        if (pickerKey && c->popup()->isVisible()) {
            event->ignore();
            return;
        }
    if (enter && (event->modifiers() & Qt::ControlModifier)) {
        emit submitted();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

ReplyBox::ReplyBox(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("replyBox"));
    m_edit = new ReplyEdit(this);
    m_edit->setObjectName(QStringLiteral("replyEdit"));
    m_edit->setPlaceholderText(tr("Write a reply… ( / for canned responses, Ctrl+Enter to send)"));
    m_edit->setTabChangesFocus(true);
    m_edit->setMinimumHeight(fontMetrics().lineSpacing() * 4);
    m_edit->setMaximumHeight(fontMetrics().lineSpacing() * 7);
    m_note = new QCheckBox(tr("Internal note"), this);
    m_note->setObjectName(QStringLiteral("noteToggle"));
    m_note->setToolTip(tr("Only agents see notes (Ctrl+Shift+N)"));
    m_send = new QPushButton(tr("Send"), this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setToolTip(tr("Ctrl+Enter"));
    m_send->setMinimumWidth(110);
    m_warning = new QLabel(this);
    m_warning->setObjectName(QStringLiteral("replyWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #9b1c1c;"));
    m_warning->hide();
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("draftNotes"));
    m_notes->setWordWrap(true);
    m_notes->setStyleSheet(QStringLiteral("color:#92400e; background:#fef3c7; padding:3px 6px; border-radius:3px;"));
    m_notes->hide();
    m_noteHint = new QLabel(tr("Internal note — only your team sees this"), this);
    m_noteHint->setObjectName(QStringLiteral("noteHint"));
    m_noteHint->setStyleSheet(QStringLiteral("color:#7a4b00; font-weight:600;"));
    m_noteHint->hide();

    m_picks = new QStringListModel(this);
    m_completer = new QCompleter(m_picks, this);
    m_completer->setWidget(m_edit);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->popup()->setObjectName(QStringLiteral("cannedPicker"));
    m_edit->addCompleter(m_completer);
    m_mentions = new MentionCompleter(m_edit);
    m_edit->addCompleter(m_mentions->completer());

    auto *row = new QHBoxLayout;
    row->addWidget(m_note);
    row->addWidget(m_warning, 1);
    row->addStretch();
    row->addWidget(m_send);
    m_row = row;
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_noteHint);
    layout->addWidget(m_edit);
    layout->addWidget(m_notes);
    layout->addLayout(row);

    connect(m_send, &QPushButton::clicked, this, &ReplyBox::trySend);
    connect(m_edit, &ReplyEdit::submitted, this, &ReplyBox::trySend);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &ReplyBox::onTextChanged);
    connect(m_note, &QCheckBox::toggled, this, &ReplyBox::showNoteMode);
    connect(m_mentions, &MentionCompleter::namesWanted, this, &ReplyBox::mentionNamesWanted);
    showNoteMode(false);
    connect(m_completer, QOverload<const QString &>::of(&QCompleter::activated), this, [this](const QString &pick) {
        const QString id = cannedIdFor(pick);
        if (!id.isEmpty())
            emit cannedChosen(id);
    });
}

QString ReplyBox::text() const
{
    return m_edit->toPlainText();
}

void ReplyBox::showNoteMode(bool note)
{
    m_edit->setStyleSheet(note
            ? QStringLiteral("QPlainTextEdit { background:#fff8d6; border:2px solid #e8c55c; border-radius:3px; }")
            : QString());
    m_edit->setPlaceholderText(note
            ? tr("Internal note — only your team sees this (@ to mention a colleague, Ctrl+Enter to add)")
            : tr("Write a reply… ( / for canned responses, Ctrl+Enter to send)"));
    m_noteHint->setVisible(note);
    m_send->setText(note ? tr("Add note") : tr("Send"));
    // A note's button is amber like its box: what goes to the customer stays blue.
    m_send->setStyleSheet(QStringLiteral("QPushButton { background:%1; color:white; border:none; border-radius:4px;"
                                         " padding:6px 18px; font-weight:600; }"
                                         "QPushButton:disabled { background:%2; }"
                                         "QPushButton:hover { background:%3; }")
                              .arg(note ? QStringLiteral("#b45309") : QStringLiteral("#2563eb"),
                                  note ? QStringLiteral("#e5b98a") : QStringLiteral("#9db7ef"),
                                  note ? QStringLiteral("#92400e") : QStringLiteral("#1d4ed8")));
    if (!note)
        m_mentions->hide();
}

QString ReplyBox::noteHint() const
{
    return m_noteHint->isHidden() ? QString() : m_noteHint->text();
}

void ReplyBox::setMentionNames(const QStringList &names)
{
    m_mentions->setNames(names);
}

void ReplyBox::setText(const QString &text)
{
    m_edit->setPlainText(text);
    m_edit->moveCursor(QTextCursor::End);
}

void ReplyBox::replaceText(const QString &text)
{
    QTextCursor cursor(m_edit->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    cursor.endEditBlock();
    m_edit->moveCursor(QTextCursor::End);
}

void ReplyBox::setDraftNotes(const QString &notes)
{
    m_notes->setText(notes);
    m_notes->setVisible(!notes.isEmpty());
}

QString ReplyBox::draftNotes() const
{
    return m_notes->isHidden() ? QString() : m_notes->text();
}

void ReplyBox::clear()
{
    m_missing.clear();
    m_edit->clear();
    m_warning->hide();
    setDraftNotes({});
}

bool ReplyBox::isNote() const
{
    return m_note->isChecked();
}

void ReplyBox::setNote(bool on)
{
    m_note->setChecked(on);
}

void ReplyBox::toggleNote()
{
    m_note->toggle();
    focusEditor();
}

void ReplyBox::focusEditor()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
}

void ReplyBox::addButton(QWidget *button)
{
    m_row->insertWidget(m_row->indexOf(m_send), button);
}

void ReplyBox::setBusy(bool busy)
{
    m_send->setEnabled(!busy);
    m_edit->setReadOnly(busy);
}

void ReplyBox::setCannedResponses(const QJsonArray &items)
{
    m_canned = items;
    QStringList picks;
    for (const QJsonValue &v : items) {
        const QJsonObject c = v.toObject();
        picks << QStringLiteral("/%1 — %2")
                     .arg(c.value(QLatin1String("shortcut")).toString(), c.value(QLatin1String("title")).toString());
    }
    m_picks->setStringList(picks);
    // Read again while the agent picks: the picker follows what they typed.
    if (pickingCanned() && m_edit->isVisible())
        openPicker();
}

bool ReplyBox::pickingCanned() const
{
    const QString t = text();
    return t.startsWith(QLatin1Char('/')) && !t.contains(QLatin1Char(' ')) && !t.contains(QLatin1Char('\n'));
}

QString ReplyBox::cannedIdFor(const QString &pick) const
{
    for (int i = 0; i < m_canned.size(); ++i)
        if (m_picks->stringList().value(i) == pick)
            return m_canned.at(i).toObject().value(QLatin1String("id")).toString();
    return {};
}

void ReplyBox::openPicker()
{
    if (m_canned.isEmpty()) {
        showWarning(tr("No canned responses yet: a supervisor adds them."));
        return;
    }
    const QString typed = text().startsWith(QLatin1Char('/')) ? text().mid(1) : QString();
    m_completer->setCompletionPrefix(typed);
    QRect r = m_edit->cursorRect();
    r.setWidth(qMax(320, m_edit->width() / 2));
    m_completer->complete(r);
    if (!m_completer->popup()->currentIndex().isValid())
        m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void ReplyBox::insertRendered(const QString &content, const QStringList &missing)
{
    m_missing = missing;
    setText(content);
    if (!missing.isEmpty())
        showWarning(tr("Fill in %1 before sending.").arg(missing.join(QStringLiteral(", "))));
    focusEditor();
}

QStringList ReplyBox::unresolved() const
{
    QStringList left;
    const QString t = text();
    for (const QString &name : m_missing) {
        const QString placeholder = name.startsWith(QLatin1String("{{")) ? name : QStringLiteral("{{%1}}").arg(name);
        if (t.contains(placeholder))
            left << placeholder;
    }
    return left;
}

void ReplyBox::trySend()
{
    const QString t = text().trimmed();
    if (t.isEmpty() || !m_send->isEnabled())
        return;
    const QStringList left = unresolved();
    if (!left.isEmpty()) {
        showWarning(tr("Not sent: %1 has no value. Replace it first.").arg(left.join(QStringLiteral(", "))));
        return;
    }
    m_warning->hide();
    emit sendRequested(t, isNote());
}

void ReplyBox::onTextChanged()
{
    const QString t = text();
    const bool empty = t.isEmpty();
    if (m_wasEmpty && !empty && !t.startsWith(QLatin1Char('/')))
        emit typingStarted();
    m_wasEmpty = empty;
    if (!empty)
        emit writing(isNote());
    if (m_missing.isEmpty() || unresolved().isEmpty())
        m_warning->hide();
    // "/" and a word at the very start: the picker, narrowed as one types.
    if (t == QLatin1String("/"))
        emit pickerOpened();
    if (pickingCanned())
        openPicker();
    else if (m_completer->popup()->isVisible())
        m_completer->popup()->hide();
    if (isNote())
        m_mentions->update();
}

void ReplyBox::showWarning(const QString &text)
{
    m_warning->setText(text);
    m_warning->show();
}

} // namespace tierdesk::ui
