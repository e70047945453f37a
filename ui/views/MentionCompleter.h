#pragma once

#include <QObject>
#include <QStringList>

class QCompleter;
class QPlainTextEdit;
class QStringListModel;

namespace tierdesk::ui {

// "@" in a note offers the company's people, narrowed as one types ("@ba" finds Bob Baker);
// the chosen one is written as "@Full Name " (the server notifies who a note mentions).
class MentionCompleter : public QObject {
    Q_OBJECT

public:
    explicit MentionCompleter(QPlainTextEdit *edit);

    QCompleter *completer() const { return m_completer; }
    void setNames(const QStringList &names);
    QStringList names() const;
    // After each change of the text in a note: opens, narrows or closes the list.
    void update() { refresh(true); }
    void hide();
    // Where the "@name" being written before `cursor` starts (its "@"), -1 when none.
    static int mentionStart(const QString &text, int cursor);

signals:
    // A new "@" was typed: the people may have changed since they were read.
    void namesWanted();

private:
    // `typed`: the text changed (a new "@" then asks for the people; new names do not).
    void refresh(bool typed);
    void insert(const QString &name);

    QPlainTextEdit *m_edit;
    QCompleter *m_completer;
    QStringListModel *m_names;
};

} // namespace tierdesk::ui
