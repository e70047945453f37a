#pragma once

#include <QJsonArray>
#include <QPlainTextEdit>
#include <QStringList>
#include <QWidget>

class QCheckBox;
class QCompleter;
class QLabel;
class QPushButton;
class QStringListModel;

namespace tierdesk::ui {

// The reply editor: Ctrl+Enter sends, Escape closes the picker, and "/" at
// the start opens the canned-response picker.
class ReplyEdit : public QPlainTextEdit {
    Q_OBJECT

public:
    explicit ReplyEdit(QWidget *parent = nullptr);
    void setCompleter(QCompleter *completer) { m_completer = completer; }

signals:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QCompleter *m_completer = nullptr;
};

// Where the agent writes: the text, the note toggle, send, and the canned
// responses (picked with "/", rendered by the server). A reply that still
// holds a placeholder the server could not fill is never sent.
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
    ReplyEdit *editor() const { return m_edit; }

    // GET /canned-responses' items: {id, shortcut, title, content}.
    void setCannedResponses(const QJsonArray &items);
    // A rendered canned response replaces the text; `missing` placeholders block sending.
    void insertRendered(const QString &content, const QStringList &missing);
    // The placeholders still in the text that the server could not fill.
    QStringList unresolved() const;
    // Which canned response a "/" pick names ("" when none).
    QString cannedIdFor(const QString &pick) const;
    // Opens the picker as typing "/" does.
    void openPicker();

signals:
    // The agent asked to send (button or Ctrl+Enter) and nothing blocks it.
    void sendRequested(const QString &text, bool internal);
    void cannedChosen(const QString &cannedId);
    // The box went from empty to written (the agent started a reply).
    void typingStarted();
    // The text changed and is not empty: the agent is writing a reply (or, `internal`, a note).
    void writing(bool internal);

private:
    void trySend();
    void onTextChanged();
    void showWarning(const QString &text);

    ReplyEdit *m_edit;
    QCheckBox *m_note;
    QPushButton *m_send;
    QLabel *m_warning;
    QLabel *m_notes;
    QCompleter *m_completer;
    QStringListModel *m_picks;
    QJsonArray m_canned;
    QStringList m_missing;
    bool m_wasEmpty = true;
};

} // namespace tierdesk::ui
