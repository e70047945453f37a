#pragma once

#include <QDialog>

class QComboBox;
class QPlainTextEdit;

namespace tierdesk::ui {

// Close a conversation with one of the seed's resolution types and a summary.
// Shown with open(), never exec().
class ResolveDialog : public QDialog {
    Q_OBJECT

public:
    explicit ResolveDialog(QWidget *parent = nullptr);

    static QStringList resolutionTypes();
    QString resolutionType() const;
    QString summary() const;
    void setResolutionType(const QString &type);
    void setSummary(const QString &summary);

private:
    QComboBox *m_type;
    QPlainTextEdit *m_summary;
};

} // namespace tierdesk::ui
