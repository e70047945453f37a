#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace tierdesk::ui {

class ApiClient;
class ConfirmButton;
class KbGapsModel;

// The Knowledge view's Gaps tab (supervisor and admin): what customers asked that the company's
// knowledge did not answer, similar questions grouped, biggest first, over the chosen range. For
// the selected group its wordings; "Draft an article" hands a draft from the questions and the
// people's answers to the article editor (draftReady); "Dismiss" hides the group.
class KbGapsView : public QWidget {
    Q_OBJECT

public:
    explicit KbGapsView(ApiClient &client, QWidget *parent = nullptr);
    KbGapsModel &model() { return *m_model; }
    QString currentId() const;
    // The range's days (0: all time), as the combo box chooses them.
    int days() const;

public slots:
    void refresh();
    void select(const QString &id);

signals:
    void status(const QString &text);
    // A draft article (title, category, content, keywords) for the editor.
    void draftReady(const QJsonObject &draft);

private:
    QWidget *buildDetail();
    void showCurrent();
    void draftCurrent();
    void dismissCurrent();
    void say(const QString &text, bool error = false);

    ApiClient &m_client;
    KbGapsModel *m_model;
    QComboBox *m_range;
    QTableView *m_table;
    QLabel *m_summary;
    QLabel *m_title;
    QListWidget *m_examples;
    QPushButton *m_draft;
    ConfirmButton *m_dismiss;
    QLabel *m_message;
};

} // namespace tierdesk::ui
