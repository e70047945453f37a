#include "ui/dialogs/MfaSetupPanel.h"

#include "ui/client/ApiClient.h"
#include "ui/views/QrCode.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace tierdesk::ui {

MfaSetupPanel::MfaSetupPanel(ApiClient &client, QWidget *parent) : QWidget(parent), m_client(client)
{
    setObjectName(QStringLiteral("mfaSetup"));
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildScanPage());
    m_pages->addWidget(buildCodesPage());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
}

QWidget *MfaSetupPanel::buildScanPage()
{
    auto *page = new QWidget(this);
    auto *intro = new QLabel(tr("Scan this code with an authenticator app (such as Google Authenticator, Microsoft "
                                "Authenticator, 1Password or FreeOTP), or type the key below into it. Then enter "
                                "the 6-digit code the app shows."),
        page);
    intro->setWordWrap(true);
    m_qr = new QLabel(page);
    m_qr->setObjectName(QStringLiteral("mfaQr"));
    m_qr->setAlignment(Qt::AlignCenter);
    m_qr->setMinimumSize(200, 200);
    m_secretText = new QLabel(page);
    m_secretText->setObjectName(QStringLiteral("mfaSecret"));
    m_secretText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_secretText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secretText->setAlignment(Qt::AlignCenter);
    m_code = new QLineEdit(page);
    m_code->setObjectName(QStringLiteral("mfaCode"));
    m_code->setPlaceholderText(tr("6-digit code"));
    m_code->setMaxLength(16);
    m_confirm = new QPushButton(tr("Confirm"), page);
    m_confirm->setObjectName(QStringLiteral("mfaConfirm"));
    m_confirm->setEnabled(false);
    m_error = new QLabel(page);
    m_error->setObjectName(QStringLiteral("mfaError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#9b1c1c;"));
    m_error->hide();
    connect(m_confirm, &QPushButton::clicked, this, &MfaSetupPanel::confirm);
    connect(m_code, &QLineEdit::returnPressed, this, &MfaSetupPanel::confirm);
    auto *row = new QHBoxLayout;
    row->addWidget(m_code, 1);
    row->addWidget(m_confirm);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addWidget(m_qr);
    layout->addWidget(new QLabel(tr("Key:"), page));
    layout->addWidget(m_secretText);
    layout->addLayout(row);
    layout->addWidget(m_error);
    layout->addStretch(1);
    return page;
}

QWidget *MfaSetupPanel::buildCodesPage()
{
    auto *page = new QWidget(this);
    auto *intro = new QLabel(tr("<b>Your second factor is on.</b> Keep these recovery codes somewhere safe: each "
                                "signs you in once if you lose your phone. They are shown only now."),
        page);
    intro->setWordWrap(true);
    m_codesText = new QPlainTextEdit(page);
    m_codesText->setObjectName(QStringLiteral("mfaRecoveryCodes"));
    m_codesText->setReadOnly(true);
    m_codesText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_codesText->setMinimumHeight(190);
    auto *copy = new QPushButton(tr("Copy"), page);
    copy->setObjectName(QStringLiteral("mfaCopy"));
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_codes.join(QLatin1Char('\n')));
        m_savedNote->setText(tr("Copied to the clipboard."));
    });
    auto *save = new QPushButton(tr("Save…"), page);
    save->setObjectName(QStringLiteral("mfaSave"));
    connect(save, &QPushButton::clicked, this, &MfaSetupPanel::saveCodes);
    m_savedNote = new QLabel(page);
    m_savedNote->setObjectName(QStringLiteral("mfaSavedNote"));
    m_saved = new QCheckBox(tr("I have saved them"), page);
    m_saved->setObjectName(QStringLiteral("mfaSaved"));
    m_continue = new QPushButton(tr("Continue"), page);
    m_continue->setObjectName(QStringLiteral("mfaContinue"));
    m_continue->setEnabled(false);
    connect(m_saved, &QCheckBox::toggled, m_continue, &QPushButton::setEnabled);
    connect(m_continue, &QPushButton::clicked, this, [this] { emit completed(m_answer); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(copy);
    buttons->addWidget(save);
    buttons->addWidget(m_savedNote, 1);
    auto *end = new QHBoxLayout;
    end->addWidget(m_saved, 1);
    end->addWidget(m_continue);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(intro);
    layout->addWidget(m_codesText);
    layout->addLayout(buttons);
    layout->addLayout(end);
    return page;
}

void MfaSetupPanel::start()
{
    m_pages->setCurrentIndex(0);
    showError({});
    m_confirm->setEnabled(false);
    ApiReply *r = m_client.enrolMfa();
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        m_secret = body.value(QLatin1String("secret")).toString();
        m_url = body.value(QLatin1String("otpauthUrl")).toString();
        m_qr->setPixmap(QPixmap::fromImage(QrCode::image(m_url, 4)));
        m_secretText->setText(grouped(m_secret));
        m_confirm->setEnabled(true);
        m_code->setFocus();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        const QString why = e.status == 409 ? tr("A second factor is already set up.") : e.message;
        showError(why);
        emit failed(why);
    });
}

QString MfaSetupPanel::grouped(const QString &secret)
{
    QStringList parts;
    for (int i = 0; i < secret.size(); i += 4)
        parts << secret.mid(i, 4);
    return parts.join(QLatin1Char(' '));
}

bool MfaSetupPanel::showsRecoveryCodes() const
{
    return m_pages->currentIndex() == 1;
}

void MfaSetupPanel::confirm()
{
    const QString code = m_code->text().remove(QLatin1Char(' '));
    if (code.isEmpty() || m_secret.isEmpty())
        return showError(tr("Enter the 6-digit code your app shows."));
    m_confirm->setEnabled(false);
    ApiReply *r = m_client.confirmMfa(code);
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        m_answer = body;
        m_codes.clear();
        for (const QJsonValue &c : body.value(QLatin1String("recoveryCodes")).toArray())
            m_codes << c.toString();
        m_codesText->setPlainText(m_codes.join(QLatin1Char('\n')));
        m_saved->setChecked(false);
        m_pages->setCurrentIndex(1);
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        m_confirm->setEnabled(true);
        m_code->selectAll();
        showError(e.details.value(QLatin1String("field")).toString() == QLatin1String("code")
                ? tr("That code is not right. Check that the phone's clock is correct and enter the code the app "
                     "shows now.")
                : e.message);
    });
}

bool MfaSetupPanel::saveCodesTo(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    const QString account = m_client.agent().value(QLatin1String("email")).toString();
    const QString text = tr("Tierdesk recovery codes for %1 (each works once):").arg(account) + QLatin1Char('\n')
        + m_codes.join(QLatin1Char('\n')) + QLatin1Char('\n');
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return file.write(text.toUtf8()) >= 0 && file.flush();
}

void MfaSetupPanel::saveCodes()
{
    auto *dialog = new QFileDialog(this, tr("Save recovery codes"), QString(), tr("Text files (*.txt)"));
    dialog->setObjectName(QStringLiteral("mfaSaveDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->selectFile(QStringLiteral("tierdesk-recovery-codes.txt"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        m_savedNote->setText(saveCodesTo(path) ? tr("Saved.") : tr("Could not write %1.").arg(path));
    });
    dialog->open();
}

void MfaSetupPanel::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

} // namespace tierdesk::ui
