#pragma once

#include <QJsonObject>
#include <QMainWindow>

class QLabel;
class QListWidget;

namespace tierdesk::ui {

// The console's first window: where the server is, where data and secrets
// live, and a live feed of session events.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    void showStarted(const QString &baseUrl, const QString &dataDir, const QString &secrets, const QString &warning);
    void showFailed(const QString &error);
    void addEvent(const QString &companyId, const QString &sessionId, const QString &type, const QJsonObject &data);

private:
    QLabel *m_status;
    QLabel *m_details;
    QListWidget *m_events;
};

} // namespace tierdesk::ui
