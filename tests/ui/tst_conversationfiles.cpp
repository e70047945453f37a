// The files of a web chat conversation at the desk, through the console on a real embedded server
// (offscreen): a visitor's image shows as a thumbnail in the transcript and opens byte for byte when
// clicked; "Attach a file…" sends a PDF to the customer as the agent's reply, which the visitor then
// reads with their own secret.
#include "tests/api/ApiTestSupport.h"
#include "tests/ui/ClientWait.h"
#include "ui/ConsoleLanguage.h"
#include "ui/client/ApiClient.h"
#include "ui/models/TranscriptModel.h"
#include "ui/views/ConversationFiles.h"
#include "ui/views/ConversationView.h"
#include "ui/views/TranscriptView.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QLinearGradient>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");
// A photo as a visitor sends one: 320x240, a PNG.
QByteArray photo()
{
    QImage image(320, 240, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient sky(0, 0, 0, 240);
    sky.setColorAt(0, QColor(0x93c5fd));
    sky.setColorAt(1, QColor(0xf8fafc));
    p.fillRect(image.rect(), sky);
    p.setBrush(QColor(0x92400e));
    p.setPen(Qt::NoPen);
    p.drawRoundedRect(60, 110, 200, 90, 12, 12); // a kettle's box
    p.setPen(QPen(QColor(0x111827), 4));
    p.drawLine(120, 110, 160, 170); // the crack
    p.end();
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return out;
}
const QByteArray kPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

QJsonObject data(const HttpResult &r)
{
    return r.json().value(QLatin1String("data")).toObject();
}

} // namespace

class TestConversationFiles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void aVisitorsImageShowsAndOpens();
    void anAgentSendsAFileToTheCustomer();

private:
    ServerFixture m_server;
    QString m_session;
    QByteArray m_secret;
    QString m_image; // the visitor's file id
    QByteArray m_png; // its bytes
};

void TestConversationFiles::initTestCase()
{
    ConsoleLanguage::install(qApp, QLocale(QLocale::English));
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    NewAgent a{m_server.companyId(), QStringLiteral("ada@example.com"), QStringLiteral("Ada Admin"),
        QStringLiteral("admin"), {}};
    QVERIFY(m_server.runtime().agents().create(a, kPassword, Actor{}));
    auto admin = m_server.client(api::Role::Admin);
    QCOMPARE(admin
                 ->put(withQuery(QStringLiteral("/api/cs/channels/web"),
                           {{QStringLiteral("companyId"), m_server.companyId()}}),
                     {{QStringLiteral("attachments"), QJsonObject{{QStringLiteral("enabled"), true}}}})
                 .status,
        200);
    const ChatVisit chat = startChat(m_server.port(), newWidgetKey(*admin));
    QVERIFY(!chat.sessionId.isEmpty());
    m_session = chat.sessionId;
    m_secret = chat.secret;
    HttpClient visitor(m_server.port());
    m_png = photo();
    const QByteArray boundary = "b0undary";
    const QByteArray body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"sessionId\"\r\n\r\n"
        + m_session.toUtf8() + "\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cracked-lid.png\"\r\n"
          "Content-Type: image/png\r\n\r\n"
        + m_png + "\r\n--" + boundary + "--\r\n";
    const HttpResult sent = visitor.send("POST", QStringLiteral("/api/v1/chat/attachments"), body,
        {{"X-Visitor-Secret", m_secret}, {"Content-Type", "multipart/form-data; boundary=" + boundary}}, false);
    QCOMPARE(sent.status, 201);
    m_image = data(sent).value(QLatin1String("attachment")).toObject().value(QLatin1String("id")).toString();
    QCOMPARE(admin
                 ->post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(m_session),
                     {{QStringLiteral("reason"), QStringLiteral("CUSTOMER_REQUEST")},
                         {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}})
                 .status,
        200);
}

void TestConversationFiles::aVisitorsImageShowsAndOpens()
{
    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    QVERIFY(waitFor(client.login(QStringLiteral("ada@example.com"), kPassword)).ok);
    ConversationView view(client);
    view.resize(1200, 800);
    view.show();
    view.open(m_session);
    QTRY_VERIFY(view.transcriptView()->hasThumbnail(m_image));
    QVERIFY(view.transcriptView()->toPlainText().contains(QLatin1String("cracked-lid.png")));

    QString opened;
    view.files()->setOpener([&](const QString &path) { opened = path; });
    QUrl link;
    link.setScheme(QStringLiteral("attachment"));
    link.setPath(m_image);
    link.setFragment(QStringLiteral("cracked-lid.png"));
    emit view.transcriptView()->anchorClicked(link);
    QTRY_VERIFY(!opened.isEmpty());
    QVERIFY(opened.endsWith(QLatin1String("cracked-lid.png")));
    QFile file(opened);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), m_png);
    // TIERDESK_CHANNELS_SCREENSHOTS=DIR (under xvfb-run): the conversation with the visitor's photo.
    if (const QString out = qEnvironmentVariable("TIERDESK_CHANNELS_SCREENSHOTS"); !out.isEmpty()) {
        QDir().mkpath(out);
        QCoreApplication::processEvents();
        QVERIFY(view.grab().save(QDir(out).filePath(QStringLiteral("conversation-webchat-file.png"))));
    }
}

void TestConversationFiles::anAgentSendsAFileToTheCustomer()
{
    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    QVERIFY(waitFor(client.login(QStringLiteral("ada@example.com"), kPassword)).ok);
    ConversationView view(client);
    view.show();
    view.open(m_session);
    QTRY_VERIFY(view.transcriptView()->toPlainText().contains(QLatin1String("cracked-lid.png")));
    const int before = view.transcript().rowCount();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("return-label.pdf"));
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::WriteOnly));
    pdf.write(kPdf);
    pdf.close();
    view.files()->setFileChooser([&] { return path; });
    QSignalSpy sent(view.files(), &ConversationFiles::sent);
    QPushButton *attach = view.files()->attachButton();
    QVERIFY(attach->isVisible());
    attach->click();
    QVERIFY(sent.wait());
    QTRY_COMPARE(view.transcript().rowCount(), before + 1);
    const QModelIndex last = view.transcript().index(before);
    QCOMPARE(last.data(TranscriptModel::SpeakerRole).toString(), QStringLiteral("human_agent"));
    const QJsonArray files = last.data(TranscriptModel::FilesRole).toJsonArray();
    QCOMPARE(files.size(), 1);
    const QJsonObject file = files.first().toObject();
    QCOMPARE(file.value(QLatin1String("contentType")).toString(), QStringLiteral("application/pdf"));

    // The visitor reads it with their own secret.
    HttpClient visitor(m_server.port());
    const HttpResult got = visitor.send("GET",
        withQuery(QStringLiteral("/api/v1/chat/attachments/") + file.value(QLatin1String("id")).toString(),
            {{QStringLiteral("sessionId"), m_session}}),
        {}, {{"X-Visitor-Secret", m_secret}}, false);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.body, kPdf);
}

QTEST_MAIN(TestConversationFiles)
#include "tst_conversationfiles.moc"
