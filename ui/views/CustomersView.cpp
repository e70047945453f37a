#include "ui/views/CustomersView.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"
#include "ui/dialogs/CustomerDialog.h"
#include "ui/dialogs/ImportCustomersDialog.h"
#include "ui/models/CustomersModel.h"
#include "ui/views/CustomerDetails.h"
#include "ui/views/RowTable.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace tierdesk::ui {

CustomersView::CustomersView(ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new CustomersModel(this)), m_details(new CustomerDetails(this))
{
    setObjectName(QStringLiteral("customersView"));
    m_edit = new QPushButton(tr("&Edit..."), this);
    m_edit->setObjectName(QStringLiteral("customerEdit"));
    m_eraseButton = new QPushButton(tr("E&rase..."), this);
    m_eraseButton->setObjectName(QStringLiteral("customerErase"));
    m_eraseButton->setToolTip(tr("Erase this customer's personal data (GDPR Art. 17)"));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("customersMessage"));
    m_message->setWordWrap(true);
    connect(m_edit, &QPushButton::clicked, this, &CustomersView::showEdit);
    connect(m_eraseButton, &QPushButton::clicked, this, &CustomersView::askErase);
    connect(m_details, &CustomerDetails::openSession, this, &CustomersView::openSession);

    auto *detailSide = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailSide);
    detailLayout->addWidget(m_details, 1);
    detailLayout->addWidget(m_message);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_eraseButton);
    buttons->addWidget(m_edit);
    detailLayout->addLayout(buttons);

    auto *split = new QSplitter(this);
    split->addWidget(buildList());
    split->addWidget(detailSide);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({620, 460}); // the details' conversations need room for their five columns
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(split);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(kSearchDelayMs);
    connect(&m_searchDelay, &QTimer::timeout, this, [this] {
        m_offset = 0;
        refresh();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    connect(&m_client, &ApiClient::agentChanged, this, &CustomersView::applyRole);
    applyRole();
}

QWidget *CustomersView::buildList()
{
    auto *side = new QWidget(this);
    m_search = new QLineEdit(side);
    m_search->setObjectName(QStringLiteral("customersSearch"));
    m_search->setPlaceholderText(tr("Search by name, e-mail, phone or id..."));
    m_search->setClearButtonEnabled(true);
    m_new = new QPushButton(tr("&New customer..."), side);
    m_new->setObjectName(QStringLiteral("customerNew"));
    m_importButton = new QPushButton(tr("&Import CSV..."), side);
    m_importButton->setObjectName(QStringLiteral("customersImport"));
    m_importButton->setToolTip(tr("Customers from a CSV file (id, name, email, phone, tier, isVIP, lifetimeValue; "
                                  "other columns become attributes), checked first"));
    connect(m_new, &QPushButton::clicked, this, &CustomersView::showNew);
    connect(m_importButton, &QPushButton::clicked, this, &CustomersView::chooseImport);

    m_table = rowTable(m_model, QStringLiteral("customersTable"), side);
    m_table->setWordWrap(false);
    // Names whole; a long e-mail address gives way first (its tooltip shows it whole).
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(CustomersModel::Email, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (current.isValid())
                showCustomer(m_model->row(current.row()));
        });

    m_range = new QLabel(side);
    m_range->setObjectName(QStringLiteral("customersRange"));
    m_previous = new QPushButton(tr("< &Previous"), side);
    m_previous->setObjectName(QStringLiteral("customersPrevious"));
    m_next = new QPushButton(tr("Ne&xt >"), side);
    m_next->setObjectName(QStringLiteral("customersNext"));
    m_previous->setEnabled(false);
    m_next->setEnabled(false);
    connect(m_previous, &QPushButton::clicked, this, &CustomersView::previousPage);
    connect(m_next, &QPushButton::clicked, this, &CustomersView::nextPage);

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_new);
    top->addWidget(m_importButton);
    auto *pager = new QHBoxLayout;
    pager->addWidget(m_range, 1);
    pager->addWidget(m_previous);
    pager->addWidget(m_next);
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addLayout(pager);
    return side;
}

CustomerDialog *CustomersView::customerDialog() const
{
    return m_dialog;
}

QMessageBox *CustomersView::eraseDialog() const
{
    return m_erase;
}

ImportCustomersDialog *CustomersView::importDialog() const
{
    return m_import;
}

bool CustomersView::offersAdminActions() const
{
    return m_client.agent().value(QLatin1String("role")).toString() == QLatin1String("admin");
}

void CustomersView::applyRole()
{
    // Writing, importing and erasing are the admin's (the API answers others 403).
    const bool admin = offersAdminActions();
    const bool erased = m_details->isErased();
    m_new->setVisible(admin);
    m_importButton->setVisible(admin);
    m_edit->setVisible(admin);
    m_eraseButton->setVisible(admin);
    m_edit->setEnabled(!m_current.isEmpty() && !erased);
    m_eraseButton->setEnabled(!m_current.isEmpty() && !erased);
}

void CustomersView::refresh()
{
    const int generation = ++m_generation;
    m_model->setCurrency(m_client.currency());
    ApiReply *r = m_client.customers(m_search->text(), m_pageSize, m_offset);
    connect(r, &ApiReply::succeeded, this, [this, generation](const QJsonObject &body) {
        if (generation != m_generation)
            return;
        m_model->setPage(body);
        // Past the end (the last one on a page was erased elsewhere): the page before.
        if (m_model->rowCount() == 0 && m_offset > 0 && m_model->total() > 0) {
            m_offset = qMax(0, m_model->total() - m_pageSize);
            return refresh();
        }
        m_range->setText(m_model->rangeText());
        m_previous->setEnabled(m_model->hasPrevious());
        m_next->setEnabled(m_model->hasNext());
        if (const int row = m_model->rowOf(m_current); row >= 0) {
            const QSignalBlocker quiet(m_table->selectionModel());
            m_table->selectRow(row);
        }
        emit status(m_model->rangeText());
    });
    connect(r, &ApiReply::failed, this, [this, generation](const ApiError &e) {
        if (generation == m_generation)
            say(tr("The customers could not be loaded: %1").arg(e.message), true);
    });
}

void CustomersView::nextPage()
{
    if (!m_model->hasNext())
        return;
    m_offset += m_pageSize;
    refresh();
}

void CustomersView::previousPage()
{
    if (!m_model->hasPrevious())
        return;
    m_offset = qMax(0, m_offset - m_pageSize);
    refresh();
}

void CustomersView::showCustomer(const QJsonObject &customer)
{
    const QString id = customer.value(QLatin1String("id")).toString();
    const bool another = id != m_current;
    m_current = id;
    m_details->setCurrency(m_client.currency());
    m_details->setCustomer(customer);
    applyRole();
    if (another)
        m_message->clear();
    ApiReply *r = m_client.customerSessions(id, 50);
    connect(r, &ApiReply::succeeded, this, [this, id](const QJsonObject &body) {
        if (id == m_current)
            m_details->setSessions(body);
    });
    connect(r, &ApiReply::failed, this, [this, id](const ApiError &e) {
        if (id == m_current)
            say(tr("The conversations could not be loaded: %1").arg(e.message), true);
    });
}

void CustomersView::open(const QString &customerId)
{
    ApiReply *r = m_client.customer(customerId);
    connect(r, &ApiReply::succeeded, this, &CustomersView::showCustomer);
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(e.message, true); });
}

void CustomersView::showNew()
{
    if (offersAdminActions())
        openDialog({});
}

void CustomersView::showEdit()
{
    if (offersAdminActions() && !m_current.isEmpty() && !m_details->isErased())
        openDialog(m_details->customer());
}

void CustomersView::openDialog(const QJsonObject &customer)
{
    if (m_dialog)
        m_dialog->close();
    m_dialog = new CustomerDialog(m_client, customer, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    const bool isNew = customer.isEmpty();
    connect(m_dialog, &CustomerDialog::saved, this, [this, isNew](const QJsonObject &saved) {
        showCustomer(saved);
        say(isNew ? tr("%1 was added.").arg(saved.value(QLatin1String("name")).toString())
                  : tr("%1 was saved.").arg(saved.value(QLatin1String("name")).toString()));
        refresh();
    });
    m_dialog->open();
}

void CustomersView::askErase()
{
    if (!offersAdminActions() || m_current.isEmpty() || m_details->isErased())
        return;
    const QString id = m_current;
    const QString name = m_details->customer().value(QLatin1String("name")).toString();
    m_erase = new QMessageBox(QMessageBox::Warning, tr("Erase %1?").arg(name),
        tr("Erase the personal data of %1 (%2)?").arg(name, id), QMessageBox::Cancel, this);
    m_erase->setObjectName(QStringLiteral("customerEraseDialog"));
    m_erase->setTextFormat(Qt::PlainText);
    m_erase->setInformativeText(
        tr("Their name, e-mail, phone and attributes are removed, and in every conversation they had, their name, "
           "e-mail, phone, card numbers and addresses are replaced by [erased ...]. Their sign-ins to the chat stop "
           "working. The customer id, tier, lifetime value, credit balance and subscription stay, and so do the "
           "conversations and the analytics' counts.\n\nThis cannot be undone."));
    QPushButton *confirm = m_erase->addButton(tr("Erase personal data"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("customerEraseConfirm"));
    m_erase->setDefaultButton(QMessageBox::Cancel);
    m_erase->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QPushButton::clicked, this, [this, id] { erase(id); });
    m_erase->open();
}

void CustomersView::erase(const QString &customerId)
{
    ApiReply *r = m_client.eraseCustomer(customerId);
    connect(r, &ApiReply::succeeded, this, [this, customerId] {
        say(tr("The personal data of %1 was erased.").arg(customerId));
        if (customerId == m_current)
            open(customerId);
        refresh();
    });
    connect(
        r, &ApiReply::failed, this, [this](const ApiError &e) { say(tr("Erasing failed: %1").arg(e.message), true); });
}

void CustomersView::chooseImport()
{
    if (!offersAdminActions())
        return;
    const QString path = ImportCustomersDialog::chooseFile(this);
    if (!path.isEmpty())
        startImport(path);
}

void CustomersView::startImport(const QString &path)
{
    if (m_import)
        m_import->close();
    m_import = new ImportCustomersDialog(m_client, path, this);
    m_import->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_import, &ImportCustomersDialog::imported, this, [this](const QJsonObject &) {
        say(m_import ? m_import->summary() : QString());
        refresh();
        if (!m_current.isEmpty())
            open(m_current);
    });
    m_import->open();
}

void CustomersView::forgetCompany()
{
    m_current.clear();
    m_offset = 0;
    m_search->clear();
    m_searchDelay.stop();
    ++m_generation;
    m_model->setPage({});
    m_details->clear();
    m_range->clear();
    m_message->clear();
    applyRole();
}

void CustomersView::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QStringLiteral("color:#166534;"));
    m_message->setText(text);
    emit status(text);
}

} // namespace tierdesk::ui
