// The inbox at the desk, through the console on a real embedded server (offscreen): a mail, an SMS and
// a WhatsApp message come in through the engine (MailInbox, TextInbox) and wait in the queue with their
// channel's icon, and the channel filter narrows the queue; the e-mail conversation shows the subject,
// the addresses and the attachment, which "Save…" writes byte for byte, and the original; an agent's
// reply on it becomes an outgoing mail of that session; Settings › Channels saves a mailbox and a
// Twilio account, never shows their secrets back and names a refused field under it.
// With TIERDESK_CHANNELS_SCREENSHOTS=DIR (under xvfb-run, QT_QPA_PLATFORM unset) it also writes
// queue-channels.png, conversation-email.png, settings-channels.png and settings-webchat.png, and their
// -de twins, into DIR.
#include "core/engine/channels/Channels.h"
#include "tests/api/ApiTestSupport.h"
#include "tests/integrations/SmtpSink.h"
#include "tests/ui/ChildWidget.h"
#include "tests/ui/ClientWait.h"
#include "ui/ConsoleLanguage.h"
#include "ui/MainWindow.h"
#include "ui/client/ApiClient.h"
#include "ui/models/ChannelDisplay.h"
#include "ui/models/QueueFilterModel.h"
#include "ui/models/QueueModel.h"
#include "ui/models/TranscriptModel.h"
#include "ui/views/ChannelPanel.h"
#include "ui/views/ConversationView.h"
#include "ui/views/QueueView.h"
#include "ui/views/ReplyBox.h"
#include "ui/views/SettingsView.h"
#include "ui/views/TranscriptView.h"
#include "ui/views/settings/ChannelsSettings.h"
#include "ui/views/settings/WebChatSettings.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");
const QString kSid = QStringLiteral("AC0123456789abcdef0123456789abcdef");
const QString kNumber = QStringLiteral("+15550100");

// A PDF-ish attachment with every byte value, so a save that changes one shows.
QByteArray attachmentBytes()
{
    QByteArray b;
    for (int i = 0; i < 3000; ++i)
        b.append(char(i % 256));
    return b;
}

QByteArray mailWithAttachment()
{
    return "From: Jane Doe <jane@example.org>\r\nTo: support@shop.example\r\nCc: Max Doe <max@example.org>\r\n"
           "Date: Fri, 27 Nov 2026 09:00:00 +0000\r\nMessage-ID: <order-1@example.org>\r\n"
           "Subject: Invoice for ORD-10001 is wrong\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
           "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           "Hello,\r\nthe invoice for ORD-10001 charges me twice. I attach it.\r\n\r\nJane\r\n"
           "--b1\r\nContent-Type: application/pdf; name=\"invoice.pdf\"\r\n"
           "Content-Disposition: attachment; filename=\"invoice.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + attachmentBytes().toBase64() + "\r\n--b1--\r\n";
}

QString plain(const QString &html)
{
    QTextDocument d;
    d.setHtml(html);
    return d.toPlainText();
}

} // namespace

class TestChannelsConsole : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void theQueueShowsEachChannelAndFiltersByIt();
    void anItemThatSaysItsSourceIsNotAskedAbout();
    void theEmailViewShowsTheMailAndSavesItsAttachment();
    void anAgentsReplyOnAMailGoesOut();
    void transcriptMarksAutomaticAndLargeMails();
    void theChannelsPageSavesAndKeepsSecretsHidden();
    void theWebChatIsSetWithItsSnippetAndSecret();
    void screenshots();

private:
    bool signIn(ApiClient &client, const QString &email = QStringLiteral("ada@example.com"));
    QString deliverMail(const QByteArray &raw);
    QString receiveText(const QString &sid, const QString &from, const QString &body, const QString &profile = {});
    // Hands the session to the people's queue (the customer asks for a person).
    bool escalate(const QString &sessionId);
    void loadQueue(ApiClient &client, QueueModel &model);

    ServerFixture m_server;
    std::unique_ptr<SmtpSink> m_sink; // a real SMTP server (aiosmtpd) the mailbox sends through
    QString m_mail, m_sms, m_whatsapp, m_chat;
};

void TestChannelsConsole::initTestCase()
{
    ConsoleLanguage::install(qApp, QLocale(QLocale::English));
    QString error;
    QVERIFY2(m_server.start("[auth]\nloginFailuresPerWindow=1000\n", false, &error), qPrintable(error));
    NewAgent a{m_server.companyId(), QStringLiteral("ada@example.com"), QStringLiteral("Ada Admin"),
        QStringLiteral("admin"), {}};
    QVERIFY(m_server.runtime().agents().create(a, kPassword, Actor{}));
    Channels &channels = m_server.runtime().channels();
    MailboxSettings box;
    box.address = QStringLiteral("support@shop.example");
    box.name = QStringLiteral("Shop Support");
    m_sink = std::make_unique<SmtpSink>();
    QVERIFY2(m_sink->isRunning(), qPrintable(m_sink->error()));
    box.smtp.url = QStringLiteral("smtp://127.0.0.1:%1").arg(m_sink->port());
    box.smtp.startTls = false;
    box.autoReply = false; // mail waits for people
    bool created = false;
    QVERIFY(channels.accounts().putEmail(m_server.companyId(), box, Actor{}, &created).ok());
    TwilioSettings twilio{kSid, QStringLiteral("0123456789abcdef0123456789abcdef"),
        {kNumber, QStringLiteral("whatsapp:") + kNumber}, QStringLiteral("http://127.0.0.1:9")};
    QVERIFY(channels.accounts().putTwilio(m_server.companyId(), twilio, Actor{}, &created).ok());
    QVERIFY(m_server.runtime().store().batch().flush());

    m_mail = deliverMail(mailWithAttachment());
    m_sms = receiveText(QStringLiteral("SM00000000000000000000000000000001"), QStringLiteral("+15557654321"),
        QStringLiteral("Hi, my parcel never came. Can someone call me?"));
    m_whatsapp
        = receiveText(QStringLiteral("SM00000000000000000000000000000002"), QStringLiteral("whatsapp:+4915112345678"),
            QStringLiteral("Hallo, is my order ORD-10003 shipped?"), QStringLiteral("Lena"));
    HttpClient customer(m_server.port(), m_server.token(api::Role::Client));
    m_chat = customer
                 .post(QStringLiteral("/api/cs/sessions"),
                     sessionBody(m_server.companyId(), QStringLiteral("cust_ben"),
                         QStringLiteral("My kettle arrived with a cracked lid.")))
                 .json()
                 .value(QLatin1String("id"))
                 .toString();
    QVERIFY(!m_mail.isEmpty() && !m_sms.isEmpty() && !m_whatsapp.isEmpty() && !m_chat.isEmpty());
    for (const QString &id : {m_mail, m_sms, m_whatsapp, m_chat})
        QVERIFY2(escalate(id), qPrintable(id));
}

bool TestChannelsConsole::signIn(ApiClient &client, const QString &email)
{
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    return waitFor(client.login(email, kPassword)).ok;
}

QString TestChannelsConsole::deliverMail(const QByteArray &raw)
{
    const Result<MailInbox::Parsed> parsed = MailInbox::parse(raw, MailboxSettings::kDefaultMaxBytes);
    if (!parsed)
        return {};
    std::optional<Result<MailInbox::Receipt>> receipt;
    m_server.runtime().channels().mail().receive(
        m_server.companyId(), *parsed, this, [&](Result<MailInbox::Receipt> r) { receipt = std::move(r); });
    m_server.runtime().store().batch().flush();
    if (!QTest::qWaitFor([&] { return receipt.has_value(); }, 20000) || !*receipt)
        return {};
    m_server.runtime().store().batch().flush();
    return (*receipt)->sessionId;
}

QString TestChannelsConsole::receiveText(
    const QString &sid, const QString &from, const QString &body, const QString &profile)
{
    std::optional<Status> done;
    m_server.runtime().channels().texts().receive(
        InboundText{m_server.companyId(), sid, from, kNumber, body, profile, {}}, this,
        [&](Status s) { done = std::move(s); });
    m_server.runtime().store().batch().flush();
    if (!QTest::qWaitFor([&] { return done.has_value(); }, 20000) || !*done)
        return {};
    m_server.runtime().store().batch().flush();
    return m_server.scalar(QStringLiteral("SELECT session_id FROM channel_messages WHERE external_id = ?"), {sid})
        .toString();
}

bool TestChannelsConsole::escalate(const QString &sessionId)
{
    auto admin = m_server.client(api::Role::Admin);
    const QJsonObject session = admin->get(QStringLiteral("/api/cs/sessions/") + sessionId).json();
    if (session.value(QLatin1String("currentTier")).toString() == QLatin1String("HUMAN_AGENT"))
        return true;
    HttpClient customer(m_server.port(),
        m_server.token(api::Role::Client, {}, 3600, QStringLiteral("tester"),
            session.value(QLatin1String("customerId")).toString()));
    const HttpResult r = customer.post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(sessionId),
        {{QStringLiteral("reason"), QStringLiteral("CUSTOMER_REQUEST")},
            {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}});
    if (r.status != 200)
        qWarning() << "escalate:" << r.status << r.body;
    return r.status == 200;
}

void TestChannelsConsole::loadQueue(ApiClient &client, QueueModel &model)
{
    const Outcome queue = waitFor(client.queue({}));
    QVERIFY2(queue.ok, queue.describe());
    model.setItems(queue.body.value(QLatin1String("items")).toArray());
}

void TestChannelsConsole::theQueueShowsEachChannelAndFiltersByIt()
{
    ApiClient client;
    QVERIFY(signIn(client));
    QueueModel model;
    QueueView view(model, client);
    view.resize(1200, 600);
    view.show();
    loadQueue(client, model);
    for (const QString &id : {m_mail, m_sms, m_whatsapp})
        QVERIFY2(model.rowOf(id) >= 0, qPrintable(id));
    const auto channelOf
        = [&](const QString &id) { return model.index(model.rowOf(id), 0).data(QueueModel::ChannelRole).toString(); };
    QCOMPARE(channelOf(m_mail), QStringLiteral("email"));
    QCOMPARE(channelOf(m_sms), QStringLiteral("sms"));
    // The queue item says "chat": the console asks once how it came.
    QTRY_COMPARE(channelOf(m_whatsapp), QStringLiteral("whatsapp"));
    for (const auto &[id, kind] : {std::pair{m_mail, QStringLiteral("email")}, std::pair{m_sms, QStringLiteral("sms")},
             std::pair{m_whatsapp, QStringLiteral("whatsapp")}}) {
        const QModelIndex customer = model.index(model.rowOf(id), QueueModel::Customer);
        const QIcon icon = qvariant_cast<QIcon>(customer.data(Qt::DecorationRole));
        QVERIFY2(!icon.isNull(), qPrintable(kind));
        QCOMPARE(icon.pixmap(16, 16).toImage(), channel::icon(kind).pixmap(16, 16).toImage());
        QVERIFY(customer.data(Qt::ToolTipRole).toString().endsWith(channel::label(kind)));
    }
    QVERIFY(channel::icon(QStringLiteral("email")).pixmap(16, 16).toImage()
        != channel::icon(QStringLiteral("sms")).pixmap(16, 16).toImage());

    auto *filter = child<QComboBox>(view, "channelFilter");
    QVERIFY(filter);
    QCOMPARE(filter->count(), 6); // all, chat, e-mail, SMS, WhatsApp, voice
    const auto shown = [&] {
        QStringList ids;
        for (int r = 0; r < view.filter().rowCount(); ++r)
            ids << view.filter().index(r, 0).data(QueueModel::SessionIdRole).toString();
        return ids;
    };
    const int all = view.filter().rowCount();
    filter->setCurrentIndex(filter->findData(QStringLiteral("email")));
    QCOMPARE(shown(), QStringList{m_mail});
    filter->setCurrentIndex(filter->findData(QStringLiteral("sms")));
    QCOMPARE(shown(), QStringList{m_sms});
    filter->setCurrentIndex(filter->findData(QStringLiteral("whatsapp")));
    QCOMPARE(shown(), QStringList{m_whatsapp});
    filter->setCurrentIndex(filter->findData(QStringLiteral("chat")));
    QVERIFY(shown().contains(m_chat));
    QVERIFY(!shown().contains(m_whatsapp) && !shown().contains(m_mail) && !shown().contains(m_sms));
    filter->setCurrentIndex(filter->findData(QStringLiteral("voice")));
    QCOMPARE(view.filter().rowCount(), 0);
    // A saved filter keeps the channel.
    QTemporaryDir dir;
    view.setFiltersFile(dir.filePath(QStringLiteral("filters.ini")));
    view.setAgentId(client.agentId());
    filter->setCurrentIndex(filter->findData(QStringLiteral("sms")));
    view.saveFilterAs(QStringLiteral("Texts"));
    filter->setCurrentIndex(0);
    QCOMPARE(view.filter().rowCount(), all);
    QVERIFY(view.applySavedFilter(QStringLiteral("Texts")));
    QCOMPARE(shown(), QStringList{m_sms});
}

void TestChannelsConsole::anItemThatSaysItsSourceIsNotAskedAbout()
{
    QueueModel model;
    const auto item = [](const char *id, const QJsonObject &more) {
        QJsonObject o{
            {QStringLiteral("sessionId"), QLatin1String(id)}, {QStringLiteral("channel"), QStringLiteral("chat")}};
        for (auto it = more.begin(); it != more.end(); ++it)
            o.insert(it.key(), it.value());
        return o;
    };
    model.setItems(QJsonArray{item("s1", {{QStringLiteral("source"), QStringLiteral("whatsapp")}}),
        item("s2", {{QStringLiteral("metadata"), QJsonObject{}}}), item("s3", {})});
    QCOMPARE(model.index(0, 0).data(QueueModel::ChannelRole).toString(), QStringLiteral("whatsapp"));
    QCOMPARE(model.index(1, 0).data(QueueModel::ChannelRole).toString(), QStringLiteral("chat"));
    QCOMPARE(model.chatSessionsWithoutSource(), QStringList{QStringLiteral("s3")});
    model.setSource(QStringLiteral("s3"), QStringLiteral("whatsapp"));
    QCOMPARE(model.index(2, 0).data(QueueModel::ChannelRole).toString(), QStringLiteral("whatsapp"));
    QVERIFY(model.chatSessionsWithoutSource().isEmpty());
}

void TestChannelsConsole::theEmailViewShowsTheMailAndSavesItsAttachment()
{
    ApiClient client;
    QVERIFY(signIn(client));
    ConversationView view(client);
    view.resize(1200, 800);
    view.show();
    ChannelPanel *panel = view.channel();
    QSignalSpy loaded(panel, &ChannelPanel::loaded);
    view.open(m_mail);
    QVERIFY(loaded.wait());
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->kind(), QStringLiteral("email"));
    QVERIFY2(
        child<QLabel>(*panel, "channelSubject")->text().startsWith(QLatin1String("Invoice for ORD-10001 is wrong")),
        qPrintable(child<QLabel>(*panel, "channelSubject")->text()));
    QVERIFY(child<QLabel>(*panel, "channelFrom")->text().contains(QLatin1String("jane@example.org")));
    QVERIFY(child<QLabel>(*panel, "channelTo")->text().contains(QLatin1String("support@shop.example")));
    QVERIFY(child<QLabel>(*panel, "channelCc")->text().contains(QLatin1String("max@example.org")));
    auto *files = child<QTableWidget>(*panel, "channelAttachments");
    QCOMPARE(files->rowCount(), 1);
    QCOMPARE(files->item(0, 0)->text(), QStringLiteral("invoice.pdf"));
    QCOMPARE(files->item(0, 1)->text(), channel::fileSize(attachmentBytes().size()));

    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("saved.pdf"));
    QString suggested;
    panel->setSaveFileChooser([&](const QString &name) {
        suggested = name;
        return target;
    });
    QSignalSpy saved(panel, &ChannelPanel::fileSaved);
    child<QPushButton>(*panel, "channelSave")->click();
    QVERIFY(saved.wait());
    QCOMPARE(suggested, QStringLiteral("invoice.pdf"));
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), attachmentBytes());

    QSignalSpy original(panel, &ChannelPanel::originalShown);
    child<QPushButton>(*panel, "channelOriginal")->click();
    QVERIFY(original.wait());
    auto *viewer = original.first().first().value<QDialog *>();
    QVERIFY(viewer && viewer->isVisible());
    auto *text = child<QPlainTextEdit>(*viewer, "channelOriginalText");
    QVERIFY(text->isReadOnly());
    QVERIFY(text->toPlainText().contains(QLatin1String("Message-ID: <order-1@example.org>")));
    viewer->close();

    // A chat or a text conversation: no mail part; the text's numbers instead.
    QSignalSpy textLoaded(panel, &ChannelPanel::loaded);
    view.open(m_sms);
    QVERIFY(textLoaded.wait());
    QCOMPARE(panel->kind(), QStringLiteral("sms"));
    QVERIFY(child<QTableWidget>(*panel, "channelAttachments")->isHidden());
    QTRY_VERIFY(child<QLabel>(*panel, "channelPhone")->text().contains(QLatin1String("+15557654321")));
    QVERIFY(child<QLabel>(*panel, "channelPhone")->text().contains(kNumber));
}

void TestChannelsConsole::anAgentsReplyOnAMailGoesOut()
{
    ApiClient client;
    QVERIFY(signIn(client));
    ConversationView view(client);
    view.show();
    QSignalSpy loaded(view.channel(), &ChannelPanel::loaded);
    view.open(m_mail);
    QVERIFY(loaded.wait());
    const auto outgoing = [&] {
        m_server.runtime().store().batch().flush();
        return m_server
            .scalar(QStringLiteral("SELECT COUNT(*) FROM channel_messages WHERE session_id = ? AND direction = 'out'"),
                {m_mail})
            .toInt();
    };
    QCOMPARE(outgoing(), 0);
    const int rows = view.transcript().rowCount();
    view.replyBox()->setText(QStringLiteral("Hello Jane, I have corrected the invoice and sent it again."));
    QSignalSpy sent(&view, &ConversationView::status);
    emit view.replyBox()->sendRequested(view.replyBox()->text(), false);
    QTRY_COMPARE(view.transcript().rowCount(), rows + 1);
    QTRY_COMPARE(outgoing(), 1);
    QCOMPARE(m_server
                 .scalar(QStringLiteral("SELECT kind FROM channel_messages WHERE session_id = ? AND direction = 'out'"),
                     {m_mail})
                 .toString(),
        QStringLiteral("email"));
    // It reaches the SMTP server threaded to the customer's mail, and the conversation says it was sent.
    QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), 1, 20000);
    const QJsonObject headers = m_sink->messages().first().value(QLatin1String("headers")).toObject();
    QCOMPARE(headers.value(QLatin1String("In-Reply-To")).toString(), QStringLiteral("<order-1@example.org>"));
    QVERIFY2(headers.value(QLatin1String("Subject")).toString().startsWith(QLatin1String("Re: Invoice for ORD-10001")),
        qPrintable(headers.value(QLatin1String("Subject")).toString()));
    const QModelIndex reply = view.transcript().index(rows);
    QCOMPARE(reply.data(TranscriptModel::SpeakerRole).toString(), QStringLiteral("human_agent"));
    QTRY_COMPARE_WITH_TIMEOUT(reply.data(TranscriptModel::DeliveryRole).toString(), QStringLiteral("sent"), 15000);
    QVERIFY(plain(TranscriptView::messageHtml(view.transcript(), rows)).contains(QLatin1String("Delivery: sent")));
}

void TestChannelsConsole::transcriptMarksAutomaticAndLargeMails()
{
    TranscriptModel model;
    const QJsonObject channelMeta{{QStringLiteral("kind"), QStringLiteral("email")},
        {QStringLiteral("from"), QStringLiteral("mailer-daemon@example.org")},
        {QStringLiteral("automatic"), QStringLiteral("Auto-Submitted: auto-replied")},
        {QStringLiteral("truncated"), true}};
    model.setSession({{QStringLiteral("id"), QStringLiteral("s1")},
        {QStringLiteral("messages"),
            QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("m1")},
                           {QStringLiteral("role"), QStringLiteral("customer")},
                           {QStringLiteral("content"), QStringLiteral("Out of office")},
                           {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("channel"), channelMeta}}}},
                QJsonObject{{QStringLiteral("id"), QStringLiteral("m2")},
                    {QStringLiteral("role"), QStringLiteral("ai_rep")},
                    {QStringLiteral("content"), QStringLiteral("Thanks")}}}}});
    const QString customer = plain(TranscriptView::messageHtml(model, 0));
    QVERIFY2(customer.contains(QLatin1String("Automatic mail (Auto-Submitted: auto-replied)")), qPrintable(customer));
    QVERIFY(customer.contains(QLatin1String("Too large")));
    QVERIFY(!plain(TranscriptView::messageHtml(model, 1)).contains(QLatin1String("Delivery")));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // Two parts of one long text: the reply is as far as the part that failed.
    model.setDeliveries(QJsonArray{QJsonObject{{QStringLiteral("messageId"), QStringLiteral("m2")},
                                       {QStringLiteral("direction"), QStringLiteral("out")},
                                       {QStringLiteral("status"), QStringLiteral("delivered")}},
        QJsonObject{{QStringLiteral("messageId"), QStringLiteral("m2")},
            {QStringLiteral("direction"), QStringLiteral("out")},
            {QStringLiteral("status"), QStringLiteral("undelivered")},
            {QStringLiteral("error"), QStringLiteral("550 no such user")}}});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(1).data(TranscriptModel::DeliveryRole).toString(), QStringLiteral("undelivered"));
    const QString reply = plain(TranscriptView::messageHtml(model, 1));
    QVERIFY2(reply.contains(QStringLiteral("Delivery: undelivered · 550 no such user")), qPrintable(reply));
}

void TestChannelsConsole::theChannelsPageSavesAndKeepsSecretsHidden()
{
    ApiClient client;
    QVERIFY(signIn(client));
    SettingsView view(client);
    ChannelsSettings &page = *view.channels();
    view.resize(1280, 800);
    view.show();
    QSignalSpy mailLoaded(&page, &ChannelsSettings::mailboxLoaded);
    QSignalSpy twilioLoaded(&page, &ChannelsSettings::twilioLoaded);
    view.refresh();
    QVERIFY(view.tabs()->isTabVisible(view.tabs()->indexOf(&page)));
    QVERIFY(mailLoaded.wait() || !mailLoaded.isEmpty());
    QTRY_VERIFY(!twilioLoaded.isEmpty());
    QCOMPARE(child<QLineEdit>(page, "mailAddress")->text(), QStringLiteral("support@shop.example"));

    // A refused field is named under it.
    child<QLineEdit>(page, "imapUrl")->setText(QStringLiteral("http://imap.shop.example"));
    child<QLineEdit>(page, "imapUsername")->setText(QStringLiteral("support"));
    child<QLineEdit>(page, "imapPassword")->setText(QStringLiteral("imap-secret-1"));
    page.saveMailbox();
    QTRY_VERIFY(!page.fieldError(QStringLiteral("imap.url")).isEmpty());
    QVERIFY(page.fieldError(QStringLiteral("address")).isEmpty());

    child<QLineEdit>(page, "imapUrl")->setText(QStringLiteral("imaps://imap.shop.example"));
    child<QLineEdit>(page, "smtpUrl")->setText(QStringLiteral("smtp://smtp.shop.example:587"));
    child<QLineEdit>(page, "smtpUsername")->setText(QStringLiteral("support"));
    child<QLineEdit>(page, "smtpPassword")->setText(QStringLiteral("smtp-secret-2"));
    child<QCheckBox>(page, "mailAutoReply")->setChecked(false);
    child<QCheckBox>(page, "smtpStartTls")->setChecked(true);
    QVERIFY(child<QCheckBox>(page, "imapStartTls")->isChecked()); // required unless unticked
    child<QCheckBox>(page, "imapStartTls")->setChecked(false);
    QSignalSpy mailSaved(&page, &ChannelsSettings::mailboxSaved);
    child<QPushButton>(page, "mailSave")->click();
    QVERIFY(mailSaved.wait());
    QVERIFY(page.fieldError(QStringLiteral("imap.url")).isEmpty());
    for (const char *secret : {"imapPassword", "smtpPassword"}) {
        QVERIFY(child<QLineEdit>(page, secret)->text().isEmpty());
        QCOMPARE(child<QLineEdit>(page, secret)->placeholderText(), QStringLiteral("set (type to replace)"));
    }
    auto admin = m_server.client(api::Role::Admin);
    const HttpResult mailbox = admin->get(
        withQuery(QStringLiteral("/api/cs/channels/email"), {{QStringLiteral("companyId"), m_server.companyId()}}));
    QCOMPARE(mailbox.status, 200);
    QCOMPARE(mailbox.json().value(QLatin1String("imap")).toObject().value(QLatin1String("url")).toString(),
        QStringLiteral("imaps://imap.shop.example"));
    QVERIFY(!mailbox.body.contains("imap-secret-1") && !mailbox.body.contains("smtp-secret-2"));
    QCOMPARE(m_server.runtime().channels().accounts().email(m_server.companyId())->imap.password,
        QStringLiteral("imap-secret-1"));
    QCOMPARE(
        mailbox.json().value(QLatin1String("imap")).toObject().value(QLatin1String("startTls")), QJsonValue(false));
    QVERIFY(child<QLabel>(page, "mailStatus")->text().contains(QLatin1String("Not looked for mail yet")));
    // Saved again without typing the passwords: the stored ones stay.
    mailSaved.clear();
    child<QPushButton>(page, "mailSave")->click();
    QVERIFY(mailSaved.wait());
    QCOMPARE(m_server.runtime().channels().accounts().email(m_server.companyId())->smtp.password,
        QStringLiteral("smtp-secret-2"));

    // Twilio: a number Twilio cannot have is refused under the numbers.
    child<QLineEdit>(page, "twilioAccountSid")->setText(kSid);
    child<QLineEdit>(page, "twilioAuthToken")->setText(QStringLiteral("fedcba9876543210fedcba9876543210"));
    child<QPlainTextEdit>(page, "twilioNumbers")->setPlainText(QStringLiteral("+15550100\nwhatsapp:call-me"));
    page.saveTwilio();
    QTRY_VERIFY(!page.fieldError(QStringLiteral("numbers")).isEmpty());
    child<QPlainTextEdit>(page, "twilioNumbers")->setPlainText(QStringLiteral("+15550100\n\nwhatsapp:+15550100\n"));
    child<QLineEdit>(page, "twilioApiUrl")->setText(QStringLiteral("https://api.twilio.com"));
    QSignalSpy twilioSaved(&page, &ChannelsSettings::twilioSaved);
    child<QPushButton>(page, "twilioSave")->click();
    QVERIFY(twilioSaved.wait());
    QVERIFY(child<QLineEdit>(page, "twilioAuthToken")->text().isEmpty());
    QCOMPARE(child<QLineEdit>(page, "twilioAuthToken")->placeholderText(), QStringLiteral("set (type to replace)"));
    QCOMPARE(
        child<QPlainTextEdit>(page, "twilioNumbers")->toPlainText(), QStringLiteral("+15550100\nwhatsapp:+15550100"));
    const HttpResult twilio = admin->get(
        withQuery(QStringLiteral("/api/cs/channels/twilio"), {{QStringLiteral("companyId"), m_server.companyId()}}));
    QVERIFY(!twilio.body.contains("fedcba9876543210"));
    QCOMPARE(m_server.runtime().channels().accounts().twilio(m_server.companyId())->authToken,
        QStringLiteral("fedcba9876543210fedcba9876543210"));
    const QString hook = QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2/messages")
                             .arg(m_server.port())
                             .arg(m_server.companyId());
    QCOMPARE(page.messagesWebhook(), hook);
    QVERIFY(child<QLabel>(page, "twilioWebhooks")->text().contains(hook));
    page.setPublicBase(QUrl(QStringLiteral("https://desk.shop.example/")));
    QCOMPARE(page.statusWebhook(),
        QStringLiteral("https://desk.shop.example/api/v1/twilio/%1/status").arg(m_server.companyId()));
}

// The web chat: its origins and look saved, a refused colour named under it, the snippet with the
// company's widget key copied, and the identity secret made and shown this once.
void TestChannelsConsole::theWebChatIsSetWithItsSnippetAndSecret()
{
    ApiClient client;
    QVERIFY(signIn(client));
    SettingsView view(client);
    WebChatSettings &web = *view.channels()->webChat();
    view.resize(1280, 900);
    view.show();
    QSignalSpy loaded(&web, &WebChatSettings::loaded);
    view.refresh();
    QVERIFY(loaded.wait() || !loaded.isEmpty());

    child<QPlainTextEdit>(web, "webOrigins")->setPlainText(QStringLiteral("HTTPS://Shop.Example.com:443/\n\n"));
    child<QLineEdit>(web, "webTitle")->setText(QStringLiteral("Northwind help"));
    child<QLineEdit>(web, "webColor")->setText(QStringLiteral("green"));
    web.save();
    QTRY_VERIFY(!web.fieldError(QStringLiteral("color")).isEmpty());
    QVERIFY(web.fieldError(QStringLiteral("allowedOrigins")).isEmpty());

    child<QLineEdit>(web, "webColor")->setText(QStringLiteral("#0a7d4f"));
    auto *identity = child<QComboBox>(web, "webIdentity");
    identity->setCurrentIndex(identity->findData(QStringLiteral("optional")));
    child<QCheckBox>(web, "webAskName")->setChecked(true);
    QSignalSpy saved(&web, &WebChatSettings::saved);
    child<QPushButton>(web, "webSave")->click();
    QVERIFY(saved.wait());
    QVERIFY(web.fieldError(QStringLiteral("color")).isEmpty());
    // As a browser sends it, and the snippet names the company's new widget key.
    QCOMPARE(child<QPlainTextEdit>(web, "webOrigins")->toPlainText(), QStringLiteral("https://shop.example.com"));
    const auto stored = m_server.runtime().channels().accounts().web(m_server.companyId());
    QVERIFY(stored.ok());
    QCOMPARE(stored->identity, QStringLiteral("optional"));
    QCOMPARE(stored->title, QStringLiteral("Northwind help"));
    QVERIFY(stored->askName);
    QVERIFY2(web.snippet().contains(QStringLiteral("/widget.js\" data-key=\"tdw_")), qPrintable(web.snippet()));
    child<QPushButton>(web, "webCopy")->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), web.snippet());

    // The secret: asked twice (the old one stops working), shown once, sealed as the store keeps it.
    QVERIFY(child<QLabel>(web, "webSecretState")->text().contains(QLatin1String("None yet")));
    QSignalSpy made(&web, &WebChatSettings::secretMade);
    child<QPushButton>(web, "webNewSecret")->click();
    QVERIFY(made.isEmpty());
    child<QPushButton>(web, "webNewSecret")->click();
    QVERIFY(made.wait());
    const QString secret = made.first().first().toString();
    QCOMPARE(secret.size(), 64);
    QCOMPARE(child<QLineEdit>(web, "webSecret")->text(), secret);
    QCOMPARE(m_server.runtime().channels().accounts().web(m_server.companyId())->identitySecret, secret);
    loaded.clear();
    web.refresh();
    QVERIFY(loaded.wait() || !loaded.isEmpty());
    QVERIFY(child<QLabel>(web, "webSecretState")->text().startsWith(QLatin1String("Set")));
}

void TestChannelsConsole::screenshots()
{
    const QString out = qEnvironmentVariable("TIERDESK_CHANNELS_SCREENSHOTS");
    if (out.isEmpty())
        QSKIP("TIERDESK_CHANNELS_SCREENSHOTS is not set");
    QDir().mkpath(out);
    for (const QString &lang : {QString(), QStringLiteral("de")}) {
        ConsoleLanguage::install(qApp, lang.isEmpty() ? QLocale(QLocale::English) : QLocale(QLocale::German), true);
        const QString suffix = lang.isEmpty() ? QString() : QStringLiteral("-") + lang;
        ApiClient client;
        QVERIFY(signIn(client));
        MainWindow w(client);
        w.setGeometry(0, 0, 1280, 800);
        w.show();
        QSignalSpy queueLoaded(&w, &MainWindow::queueLoaded);
        w.startSession();
        QVERIFY(queueLoaded.wait(10000) || !queueLoaded.isEmpty());
        QTRY_COMPARE(w.queueModel().index(w.queueModel().rowOf(m_whatsapp), 0).data(QueueModel::ChannelRole).toString(),
            QStringLiteral("whatsapp"));
        w.queueView()->selectSession(m_mail);
        QCoreApplication::processEvents(); // the layout settles before the picture
        QVERIFY(w.grab().save(QDir(out).filePath(QStringLiteral("queue-channels%1.png").arg(suffix))));

        QSignalSpy channelLoaded(w.conversation()->channel(), &ChannelPanel::loaded);
        w.openConversation(m_mail);
        QVERIFY(channelLoaded.wait());
        QCoreApplication::processEvents();
        QVERIFY(w.grab().save(QDir(out).filePath(QStringLiteral("conversation-email%1.png").arg(suffix))));

        w.settings()->channels()->setPublicBase(QUrl(QStringLiteral("https://desk.northwind.example")));
        QSignalSpy mailboxLoaded(w.settings()->channels(), &ChannelsSettings::mailboxLoaded);
        WebChatSettings *web = w.settings()->channels()->webChat();
        QSignalSpy webLoaded(web, &WebChatSettings::loaded);
        w.showSettings();
        w.settings()->tabs()->setCurrentWidget(w.settings()->channels());
        QVERIFY(mailboxLoaded.wait() || !mailboxLoaded.isEmpty());
        QCoreApplication::processEvents();
        QVERIFY(w.grab().save(QDir(out).filePath(QStringLiteral("settings-channels%1.png").arg(suffix))));
        // Scrolled to the web chat (as theWebChatIsSetWithItsSnippetAndSecret left it, when run before).
        QVERIFY(!webLoaded.isEmpty() || webLoaded.wait());
        w.settings()->channels()->findChild<QScrollArea *>()->ensureWidgetVisible(web, 0, 0);
        QCoreApplication::processEvents();
        QVERIFY(w.grab().save(QDir(out).filePath(QStringLiteral("settings-webchat%1.png").arg(suffix))));
    }
    ConsoleLanguage::install(qApp, QLocale(QLocale::English), true);
}

QTEST_MAIN(TestChannelsConsole)
#include "tst_channelsconsole.moc"
