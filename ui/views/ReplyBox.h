#pragma once

#include <QJsonArray>
#include <QPlainTextEdit>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QHBoxLayout;
class QCompleter;
class QLabel;
class QPushButton;
class QStringListModel;

namespace tierdesk::ui {

class MentionCompleter;

// The reply editor: Ctrl+Enter sends, Escape closes a picker, and "/" at
// the start opens the canned-response picker ("@" in a note the people's).
class ReplyEdit : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit ReplyEdit(QWidget *parent = nullptr);
    // While one of their popups shows, Enter, Escape and Tab are the popup's.
    void addCompleter(QCompleter *completer) { m_completers << completer; }

signals:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QList<QCompleter *> m_completers;
};

// Where the agent writes: the text, the note toggle, send, and the canned
// responses (picked with "/", rendered by the server). A reply that still
// holds a placeholder the server could not fill is never sent. A note looks like
// one (it says so, in yellow) and offers the company's people after "@".
class ReplyBox : public QWidget {
    Q_OBJECT

public:
    explicit ReplyBox(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    // Replaces the whole text as one step the agent can undo (Ctrl+Z brings theirs back).
    void replaceText(const QString &text);
    // A warning line under the text (the guard's notes on an AI draft); empty hides it.
    void setDraftNotes(const QString &notes);
    QString draftNotes() const;
    void clear();
    bool isNote() const;
    void setNote(bool on);
    void toggleNote();
    void focusEditor();
    void setBusy(bool busy);
    // A button beside Send (the conversation's "Attach a file…").
    void addButton(QWidget *button);
    ReplyEdit *editor() const { return m_edit; }

    // GET /canned-responses' items: {id, shortcut, title, content}.
    void setCannedResponses(const QJsonArray &items);
    // A rendered canned response replaces the text; `missing` placeholders block sending.
    void insertRendered(const QString &content, const QStringList &missing);
    // The placeholders still in the text that the server could not fill.
    QStringList unresolved() const;
    // Which canned response a "/" pick names ("" when none).
    QString cannedIdFor(const QString &pick) const;
    // Opens the picker as typing "/" does; the first entry is highlighted (Enter takes it).
    void openPicker();
    // The people "@" offers in a note (their full names).
    void setMentionNames(const QStringList &names);
    MentionCompleter *mentions() const { return m_mentions; }
    // What the note box says of itself ("" while writing a reply).
    QString noteHint() const;

signals:
    // The agent asked to send (button or Ctrl+Enter) and nothing blocks it.
    void sendRequested(const QString &text, bool internal);
    void cannedChosen(const QString &cannedId);
    // The box went from empty to written (the agent started a reply).
    void typingStarted();
    // The text changed and is not empty: the agent is writing a reply (or, `internal`, a note).
    void writing(bool internal);
    // "/" was typed at the start: the list may have changed since it was read.
    void pickerOpened();
    // A new "@" in a note: the people may have changed since they were read.
    void mentionNamesWanted();

private:
    void trySend();
    void onTextChanged();
    void showWarning(const QString &text);
    void showNoteMode(bool note);
    // "/" and a word at the very start: picking a canned response.
    bool pickingCanned() const;

    ReplyEdit *m_edit;
    QCheckBox *m_note;
    QPushButton *m_send;
    QHBoxLayout *m_row = nullptr;
    QLabel *m_warning;
    QLabel *m_notes;
    QLabel *m_noteHint;
    MentionCompleter *m_mentions;
    QCompleter *m_completer;
    QStringListModel *m_picks;
    QJsonArray m_canned;
    QStringList m_missing;
    bool m_wasEmpty = true;
};

} // namespace tierdesk::ui
