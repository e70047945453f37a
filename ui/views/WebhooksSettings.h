#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace tierdesk::ui {

class ApiClient;
class ConfirmButton;
class DeliveriesModel;
class WebhooksModel;
struct ApiError;

// Settings > Webhooks (admins): registered webhooks, a form to add one (address,
// events, signing secret), the recent deliveries of the selected one, and Delete
// (a second click confirms).
class WebhooksSettings : public QWidget {
    Q_OBJECT

public:
    explicit WebhooksSettings(ApiClient &client, QWidget *parent = nullptr);
    WebhooksModel &model() { return *m_model; }
    DeliveriesModel &deliveries() { return *m_deliveries; }
    QString selectedId() const;

public slots:
    void refresh();

signals:
    void loaded();
    void deliveriesLoaded();

private:
    QWidget *buildCreateForm();
    void create();
    void remove();
    void showDeliveries(); // of the selected webhook, from the server
    void say(const QString &text, bool error = false);
    void sayError(const ApiError &e);

    ApiClient &m_client;
    WebhooksModel *m_model;
    DeliveriesModel *m_deliveries;
    QTableView *m_table;
    QTableView *m_deliveryTable;
    QLineEdit *m_url;
    QLineEdit *m_secret;
    QList<QCheckBox *> m_events;
    QPushButton *m_create;
    ConfirmButton *m_delete;
    QLabel *m_message;
};

} // namespace tierdesk::ui
