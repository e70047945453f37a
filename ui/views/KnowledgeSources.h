#pragma once

#include "ui/dialogs/KbSourceDialog.h" // QPointer<KbSourceDialog> needs the whole class where it is destroyed

#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace tierdesk::ui {

class ApiClient;
class ConfirmButton;
class KbSourcesModel;

// The Knowledge view's Sources tab (admin): the company's help centers read into articles and
// kept in sync. A table of the sources; for the selected one its sync's progress, the pages that
// failed and the last error; add a website or a Zendesk Help Center, sync now, remove one (its
// articles go too). While a source is queued or running, each such source is read again every
// second (GET /api/cs/kb/sources/:id); the timer stops once none is.
class KnowledgeSources : public QWidget {
    Q_OBJECT

public:
    static constexpr int kPollMs = 1000;

    explicit KnowledgeSources(ApiClient &client, QWidget *parent = nullptr);
    KbSourcesModel &model() { return *m_model; }
    qint64 currentId() const { return m_current.value(QLatin1String("id")).toInteger(); }
    bool isPolling() const { return m_poll.isActive(); }
    // The add dialog while it is open (tests fill it), else null.
    KbSourceDialog *dialog() const { return m_dialog; }

public slots:
    void refresh();
    // Opens the dialog for a new source: `kind` "website" or "zendesk".
    void addSource(const QString &kind);
    void select(qint64 id);

signals:
    void status(const QString &text);
    // A sync ended or a source went: the article list reads again.
    void articlesChanged();

private:
    QWidget *buildDetail();
    void takeSources(const QJsonArray &sources);
    void take(const QJsonObject &source);
    void showCurrent();
    void followPolling();
    void poll();
    void syncCurrent();
    void removeCurrent();
    void say(const QString &text, bool error = false);

    ApiClient &m_client;
    KbSourcesModel *m_model;
    QTableView *m_table;
    QPushButton *m_sync;
    ConfirmButton *m_remove;
    QLabel *m_title;
    QProgressBar *m_progress;
    QLabel *m_figures;
    QLabel *m_failedLabel;
    QTreeWidget *m_failed;
    QLabel *m_lastError;
    QLabel *m_message;
    QJsonObject m_current; // the selected source as last read
    QTimer m_poll;
    int m_pollsInFlight = 0;
    QPointer<KbSourceDialog> m_dialog;
};

} // namespace tierdesk::ui
