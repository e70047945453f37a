#pragma once

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace tierdesk::ui {

// Close a conversation with one of the seed's resolution types and a summary, with the
// closing message the customer will get (shown, editable, or none at all), and then, if
// chosen, go on to the next conversation. Shown with open(), never exec().
class ResolveDialog : public QDialog {
    Q_OBJECT

public:
    static constexpr int kMaxClosingChars = 2000;

    explicit ResolveDialog(QWidget *parent = nullptr);

    static QStringList resolutionTypes();
    QString resolutionType() const;
    QString summary() const;
    void setResolutionType(const QString &type);
    void setSummary(const QString &summary);

    // The server's wording of the closing message; fills the box unless the agent wrote in it.
    void setDefaultClosingMessage(const QString &text);
    // The default could not be read: the server words it (the box says so).
    void closingMessageUnavailable();
    // What to send: nullopt leaves the server's default, "" sends no closing message.
    std::optional<QString> closingMessage() const;
    void setClosingMessage(const QString &text);
    void setSendClosingMessage(bool send);
    bool openNext() const;
    void setOpenNext(bool next);

private:
    void updateClosing();

    QComboBox *m_type;
    QPlainTextEdit *m_summary;
    QCheckBox *m_sendClosing;
    QPlainTextEdit *m_closing;
    QLabel *m_closingNote;
    QCheckBox *m_next;
    QPushButton *m_ok;
    bool m_closingKnown = false; // the box holds the default or the agent's words
    bool m_settingDefault = false;
    bool m_closingEdited = false;
};

} // namespace tierdesk::ui
