// MimeReader with the real GMime on fixture mails written as real clients send them
// (tests/integrations/mail/*.eml): threading ids, decoded headers, charsets, the reply's new text,
// attachments, automatic mail and bounces, the limits, and what is no mail at all.
#include "core/integrations/mail/MimeReader.h"
#include "tests/integrations/MailFixtures.h"

#include <QTest>
#include <QTimeZone>
#include <QtConcurrent/QtConcurrentMap>

using namespace tierdesk;
using namespace tierdesk::mail;

Q_DECLARE_METATYPE(tierdesk::mail::Automatic)

namespace {

using test::errorText;
using test::fixture;
using test::readOk;
using test::shown;

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// A small mail with one text part: the header block and the body's bytes as given.
QByteArray textMail(const QByteArray &contentHeaders, const QByteArray &body)
{
    return "From: a@example.com\r\nSubject: t\r\nMessage-ID: <t@example.com>\r\nMIME-Version: 1.0\r\n" + contentHeaders
        + "\r\n\r\n" + body;
}

// n multiparts nested in each other, a text part at the bottom.
QByteArray nestedMail(int depth)
{
    QByteArray mail = "From: a@example.com\r\nMessage-ID: <deep@example.com>\r\nMIME-Version: 1.0\r\n";
    for (int i = 0; i < depth; ++i)
        mail += "Content-Type: multipart/mixed; boundary=\"b" + QByteArray::number(i) + "\"\r\n\r\n--b"
            + QByteArray::number(i) + "\r\n";
    mail += "Content-Type: text/plain\r\n\r\nat the bottom\r\n";
    for (int i = depth - 1; i >= 0; --i)
        mail += "--b" + QByteArray::number(i) + "--\r\n";
    return mail;
}

} // namespace

class TestMimeReader : public QObject {
    Q_OBJECT

private slots:
    void thunderbirdReply();
    void outlookOriginalMessage();
    void gmailHtmlOnly();
    void appleMailFromIphone();
    void japaneseIso2022Jp();
    void windows1252Undeclared();
    void encodedHeaders();
    void threadIds_data();
    void threadIds();
    void manyReferences();
    void rfc2047Subjects_data();
    void rfc2047Subjects();
    void charsets_data();
    void charsets();
    void rfc2231Attachments();
    void forwardedMessage();
    void attachmentOverLimit();
    void postfixBounce();
    void eximBounceWithHeadersOnly();
    void exchangeAutoReply();
    void mailingList();
    void mailerDaemon();
    void automaticHeaders_data();
    void automaticHeaders();
    void readsHeadersAlone();
    void limits();
    void refusesWhatIsNoMail_data();
    void refusesWhatIsNoMail();
    void baseSubject_data();
    void baseSubject();
    void readsOnManyThreads();
};

void TestMimeReader::thunderbirdReply()
{
    const InboundMail m = readOk(QStringLiteral("thunderbird_reply.eml"));
    QCOMPARE(m.messageId, QByteArray("8f3e2a1c-5b7d-4e9a-9c1f-2d6b8a7e4f10@example.de"));
    QCOMPARE(m.inReplyTo, QByteArray("reply-2@shop.example"));
    QCOMPARE(m.references, (QList<QByteArray>{"reply-1@shop.example", "reply-2@shop.example"}));
    QCOMPARE(m.subject, QStringLiteral("Re: Where is my order? [#A1B2C3]"));
    QCOMPARE(shown(m.from), QStringLiteral("Jürgen Müller <juergen.mueller@example.de>"));
    QCOMPARE(shown(m.to), QStringList{QStringLiteral("Shop Support <support@shop.example>")});
    QCOMPARE(shown(m.cc), QStringList{QStringLiteral("Anna Müller <anna@example.de>")});
    QVERIFY(m.replyTo.address.isEmpty());
    QCOMPARE(m.date, QDateTime(QDate(2025, 12, 19), QTime(10, 14, 58), QTimeZone(3600)));
    QCOMPARE(m.date.offsetFromUtc(), 3600);
    QCOMPARE(m.text,
        QStringLiteral("Hallo,\n\nthe parcel for order ORD-10005 still has not arrived. Could you check\n"
                       "with the carrier, please?\n\nGrüße\nJürgen"));
    QVERIFY(m.fullText.contains(QStringLiteral("Am 18.12.25 um 14:02 schrieb Shop Support:")));
    QVERIFY(m.fullText.endsWith(QStringLiteral("-- \nJürgen Müller\nLindenstraße 5, 10115 Berlin\n")));
    QVERIFY(m.html.isEmpty());
    QVERIFY(m.attachments.isEmpty());
    QCOMPARE(m.automatic, Automatic::No);
    QVERIFY(m.automaticBecause.isEmpty());
    QVERIFY(!m.bounce.has_value());
    QVERIFY(!m.headersOnly);
    QVERIFY(!m.truncated);
}

void TestMimeReader::outlookOriginalMessage()
{
    const InboundMail m = readOk(QStringLiteral("outlook_reply.eml"));
    QCOMPARE(m.messageId,
        QByteArray("DB9PR08MB6748C2A1F0E4B1D2A3C4E5F6A7B8C9D0@DB9PR08MB6748.eurprd08.prod.outlook.example"));
    QVERIFY(m.inReplyTo.isEmpty()); // Outlook sent References only
    QCOMPARE(m.references, (QList<QByteArray>{"reply-1@shop.example", "reply-2@shop.example"}));
    // Declared ISO-8859-1, written as windows-1252 (=92 is its right single quote).
    QCOMPARE(m.text,
        QStringLiteral("Hello,\n\nthe parcel still has not arrived and I don’t want to wait much longer. Can you "
                       "check order ORD-10005?\n\nThanks\nMark"));
    QVERIFY(m.fullText.contains(QStringLiteral("-----Original Message-----\nFrom: Shop Support")));
    QVERIFY(m.html.startsWith(QStringLiteral("<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">")));
    QVERIFY(m.html.contains(QStringLiteral("I don’t want to wait")));
    // multipart/related: the inline image the HTML shows by its Content-ID.
    QCOMPARE(m.attachments.size(), 1);
    const MailAttachment &image = m.attachments.first();
    QCOMPARE(image.fileName, QStringLiteral("image001.png"));
    QCOMPARE(image.contentType, QByteArray("image/png"));
    QCOMPARE(image.contentId, QByteArray("image001.png@01DC70A1.5E8F3B20"));
    QVERIFY(image.isInline);
    QCOMPARE(image.size, 70);
    QCOMPARE(image.data.size(), 70);
    QVERIFY(image.data.startsWith("\x89PNG\r\n\x1a\n"));
    QCOMPARE(m.automatic, Automatic::No);
}

void TestMimeReader::gmailHtmlOnly()
{
    const InboundMail m = readOk(QStringLiteral("gmail_html_only.eml"));
    QCOMPARE(m.subject, QStringLiteral("Re: Your refund request [#Q7Z9XK]"));
    QCOMPARE(m.inReplyTo, QByteArray("reply-7@shop.example"));
    QVERIFY(m.html.startsWith(QStringLiteral("<html><head><title>ignored title</title>")));
    // No text/plain part: the HTML as text, without head, title, style and script.
    QCOMPARE(m.text,
        QStringLiteral("Hi,\n\nI'd like a refund for ORD-10007 & ORD-10008 – both arrived broken.\n\n- Blue mug\n"
                       "- Teapot ☕\n\nSee my order (https://shop.example/orders/10007) and https://shop.example/.\n"
                       "Thanks,\nSam"));
    QVERIFY(m.fullText.contains(QString(QStringLiteral("On Thu, Dec 18, 2025 at 2:02") + QChar(0x202F)
        + QStringLiteral("PM Shop Support <support@shop.example> wrote:"))));
    QVERIFY(m.fullText.endsWith(QStringLiteral("Can you tell us which items were damaged?")));
    QVERIFY(!m.fullText.contains(QStringLiteral("ignored title")) && !m.fullText.contains(QStringLiteral("alert")));
}

void TestMimeReader::appleMailFromIphone()
{
    const InboundMail m = readOk(QStringLiteral("apple_mail_iphone.eml"));
    QCOMPARE(m.messageId, QByteArray("5E1C3B2A-7D4F-4B8E-9A61-0C2D3E4F5A6B@icloud.example"));
    QCOMPARE(m.text, QStringLiteral("Yes please, go ahead with the refund – thank you!"));
    QVERIFY(m.fullText.contains(QStringLiteral("Sent from my iPhone")));
    QVERIFY(m.html.contains(QStringLiteral("<div dir=\"ltr\">Sent from my iPhone</div>")));
    QVERIFY(m.attachments.isEmpty());
    QCOMPARE(m.date, QDateTime(QDate(2025, 12, 19), QTime(11, 47, 5), QTimeZone::utc()));
}

void TestMimeReader::japaneseIso2022Jp()
{
    const InboundMail m = readOk(QStringLiteral("japanese_iso2022jp.eml"));
    QCOMPARE(m.subject, QStringLiteral("商品が届きません"));
    QCOMPARE(shown(m.from), QStringLiteral("山田 太郎 <taro.yamada@example.jp>"));
    QCOMPARE(m.text,
        QStringLiteral("サポートご担当者様\n\n注文番号ORD-10012の商品がまだ届いていません。\n"
                       "配送状況を確認していただけますか。\n\nよろしくお願いいたします。\n山田太郎"));
    QCOMPARE(m.date.offsetFromUtc(), 9 * 3600);
}

void TestMimeReader::windows1252Undeclared()
{
    const InboundMail m = readOk(QStringLiteral("windows1252_undeclared.eml"));
    QCOMPARE(m.subject, QStringLiteral("Café machine € refund"));
    QCOMPARE(m.from.name, QStringLiteral("René Dubois"));
    QCOMPARE(m.text, QStringLiteral("Bonjour,\n\nMa machine à café est arrivée cassée. Elle a coûté 89 €.\n\nRené"));
}

void TestMimeReader::encodedHeaders()
{
    const InboundMail m = readOk(QStringLiteral("encoded_headers.eml"));
    // Q and B words in UTF-8 and ISO-8859-1, and a character split across two words.
    QCOMPARE(m.subject, QStringLiteral("Rückerstattung für Grüße € café"));
    QCOMPARE(shown(m.from), QStringLiteral("François Lefèvre <francois@example.fr>"));
    QCOMPARE(shown(m.to),
        (QStringList{
            QStringLiteral("Shop Support <support@shop.example>"), QStringLiteral("Åsa Lindström <asa@example.se>")}));
    QCOMPARE(shown(m.cc), QStringList{QStringLiteral("Zoë <zoe@example.org>")});
    QCOMPARE(shown(m.replyTo), QStringLiteral("François (Bureau) <francois.bureau@example.fr>"));
    QCOMPARE(m.text, QStringLiteral("Bereits bezahlt. Merci!")); // base64
}

void TestMimeReader::threadIds_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("messageId");
    QTest::addColumn<QByteArray>("inReplyTo");
    QTest::addColumn<QList<QByteArray>>("references");
    QTest::newRow("plain") << QByteArray("Message-ID: <m@example.com>\r\nIn-Reply-To: <p@example.com>\r\n"
                                         "References: <r@example.com>\r\n  <p@example.com>")
                           << QByteArray("m@example.com") << QByteArray("p@example.com")
                           << QList<QByteArray>{"r@example.com", "p@example.com"};
    QTest::newRow("Message-ID without brackets") << QByteArray("Message-ID: m@example.com")
                                                 << QByteArray("m@example.com") << QByteArray() << QList<QByteArray>{};
    QTest::newRow("old In-Reply-To with a phrase")
        << QByteArray("In-Reply-To: Your message of \"Mon, 15 Dec 2025\"\r\n <p@example.com> (comment)") << QByteArray()
        << QByteArray("p@example.com") << QList<QByteArray>{};
    QTest::newRow("first of two In-Reply-To ids")
        << QByteArray("In-Reply-To: <p1@example.com> <p2@example.com>") << QByteArray() << QByteArray("p1@example.com")
        << QList<QByteArray>{};
    QTest::newRow("comments and junk in References")
        << QByteArray("References: <r1@example.com> (a comment) junk <r2@example.com>,<r3@example.com>") << QByteArray()
        << QByteArray() << QList<QByteArray>{"r1@example.com", "r2@example.com", "r3@example.com"};
    QTest::newRow("no ids") << QByteArray("Message-ID: \r\nReferences: none") << QByteArray() << QByteArray()
                            << QList<QByteArray>{};
}

void TestMimeReader::threadIds()
{
    QFETCH(QByteArray, headers);
    const auto m = MimeReader::readHeaders("From: a@example.com\r\n" + headers + "\r\n");
    QVERIFY2(m.ok(), errorText(m).constData());
    QTEST(m->messageId, "messageId");
    QTEST(m->inReplyTo, "inReplyTo");
    QTEST(m->references, "references");
}

void TestMimeReader::manyReferences()
{
    // The thread's root and the latest ids are kept; malformed ids are kept only as they read
    // back, so a reply echoing them names the same mails.
    QByteArray references = "References:";
    for (int i = 0; i < 150; ++i)
        references += " <r" + QByteArray::number(i) + "@example.com>";
    const auto m = MimeReader::readHeaders("From: a@example.com\r\nMessage-ID: <E1t-3x@mx.shop.\r\n" + references);
    QVERIFY2(m.ok(), errorText(m).constData());
    QCOMPARE(m->references.size(), 100);
    QCOMPARE(m->references.first(), QByteArray("r0@example.com"));
    QCOMPARE(m->references.at(1), QByteArray("r51@example.com"));
    QCOMPARE(m->references.last(), QByteArray("r149@example.com"));
    QVERIFY(!m->messageId.isEmpty());
    const auto again = MimeReader::readHeaders("From: a@example.com\r\nMessage-ID: <" + m->messageId + ">\r\n");
    QCOMPARE(again->messageId, m->messageId);
}

void TestMimeReader::rfc2047Subjects_data()
{
    QTest::addColumn<QByteArray>("subject");
    QTest::addColumn<QString>("decoded");
    QTest::newRow("Q utf-8") << QByteArray("=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=") << u("Grüße aus Köln");
    QTest::newRow("B utf-8") << QByteArray("=?utf-8?B?R3LDvMOfZSBhdXMgS8O2bG4=?=") << u("Grüße aus Köln");
    QTest::newRow("Q latin-1") << QByteArray("=?ISO-8859-1?Q?Gr=FC=DFe?=") << u("Grüße");
    QTest::newRow("B latin-1") << QByteArray("=?iso-8859-1?b?R3L832U=?=") << u("Grüße");
    QTest::newRow("words and text") << QByteArray("Re: =?utf-8?q?caf=C3=A9?= =?utf-8?q?_cr=C3=A8me?= ok")
                                    << u("Re: café crème ok");
    QTest::newRow("split character") << QByteArray("=?UTF-8?B?w6k=?= =?UTF-8?Q?t=C3?= =?UTF-8?Q?=A9?=") << u("été");
    QTest::newRow("no space before word") << QByteArray("Re:=?UTF-8?Q?caf=C3=A9?=") << u("Re:café");
    // Padded base64 words one after another, as most mailers split a long subject (GMime 3.2.13
    // alone reads only the first).
    QTest::newRow("padded base64 words") << QByteArray("=?utf-8?B?w78=?= =?UTF-8?B?w78=?=\r\n =?utf-8?B?w78=?=")
                                         << u("ÿÿÿ");
    QTest::newRow("padded base64 words, two charsets")
        << QByteArray("=?utf-8?B?w78=?= =?iso-8859-1?B?/w==?= =?iso-8859-1?B?/w==?= x =?utf-8?B?w78=?=")
        << u("ÿÿÿ x ÿ");
    QTest::newRow("folded") << QByteArray("=?UTF-8?Q?Bestellung?=\r\n =?UTF-8?Q?_Nr=2E_5?=") << u("Bestellung Nr. 5");
    QTest::newRow("encoded control characters")
        << QByteArray("=?utf-8?Q?a=0D=0Ab=C2=85c=E2=80=A8d=09e?=") << u("a b c d e");
    QTest::newRow("raw utf-8") << QByteArray("Caf\xC3\xA9 ouvert") << u("Café ouvert");
    QTest::newRow("raw windows-1252") << QByteArray("Caf\xE9 \x80") << u("Café €");
    QTest::newRow("plain") << QByteArray("Where is my order?") << u("Where is my order?");
}

void TestMimeReader::rfc2047Subjects()
{
    QFETCH(QByteArray, subject);
    QFETCH(QString, decoded);
    const auto m = MimeReader::readHeaders("From: a@example.com\r\nSubject: " + subject + "\r\n");
    QVERIFY2(m.ok(), errorText(m).constData());
    QCOMPARE(m->subject, decoded);
}

void TestMimeReader::charsets_data()
{
    // The reader hands each part's declared charset to MailCharset (tst_mailcharset has the charsets).
    QTest::addColumn<QByteArray>("contentHeaders");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::newRow("koi8-r") << QByteArray("Content-Type: text/plain; charset=KOI8-R")
                            << QByteArray("\xF0\xD2\xC9\xD7\xC5\xD4") << u("Привет");
    QTest::newRow("us-ascii but 8-bit") << QByteArray("Content-Type: text/plain; charset=us-ascii")
                                        << QByteArray("caf\xE9") << u("café");
    QTest::newRow("base64 koi8-r") << QByteArray(
        "Content-Type: text/plain; charset=koi8-r\r\nContent-Transfer-Encoding: base64")
                                   << QByteArray("8NLJ18XU\r\n") << u("Привет");
    QTest::newRow("quoted-printable utf-8")
        << QByteArray("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable")
        << QByteArray("Gr=C3=BC=C3=9Fe, a long line cut by a soft=\r\n break")
        << u("Grüße, a long line cut by a soft break");
    QTest::newRow("HTML naming its charset")
        << QByteArray("Content-Type: text/html")
        << QByteArray("<meta charset=\"koi8-r\"><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>") << u("Привет");
}

void TestMimeReader::charsets()
{
    QFETCH(QByteArray, contentHeaders);
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    const auto m = MimeReader::read(textMail(contentHeaders, body));
    QVERIFY2(m.ok(), errorText(m).constData());
    QCOMPARE(m->text, text);
}

void TestMimeReader::rfc2231Attachments()
{
    const InboundMail m = readOk(QStringLiteral("rfc2231_attachments.eml"));
    QCOMPARE(m.subject, QStringLiteral("Rechnung und Übersicht"));
    QCOMPARE(m.text, QStringLiteral("Anbei die Rechnung und die Liste."));
    QCOMPARE(m.attachments.size(), 2);
    const MailAttachment &pdf = m.attachments.at(0);
    QCOMPARE(pdf.fileName, QStringLiteral("Rechnung März 2025.pdf"));
    QCOMPARE(pdf.contentType, QByteArray("application/pdf"));
    QCOMPARE(pdf.data, QByteArray("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
    QCOMPARE(pdf.size, pdf.data.size());
    QVERIFY(!pdf.isInline);
    QVERIFY(pdf.contentId.isEmpty());
    // A text/plain attachment (named, disposition attachment) is no part of the text; its name
    // is continued over two RFC 2231 segments.
    const MailAttachment &list = m.attachments.at(1);
    QCOMPARE(list.fileName, QStringLiteral("Bestellübersicht Dezember 2025.txt"));
    QCOMPARE(list.contentType, QByteArray("text/plain"));
    QCOMPARE(list.data, QStringLiteral("Übersicht der Bestellungen\nORD-10005: 2 Stück\n").toUtf8());
    QVERIFY(!m.fullText.contains(QStringLiteral("Stück")));
}

void TestMimeReader::forwardedMessage()
{
    const InboundMail m = readOk(QStringLiteral("forwarded.eml"));
    QCOMPARE(m.text, QStringLiteral("Please see the forwarded invoice: the amount is wrong."));
    QCOMPARE(m.attachments.size(), 1);
    const MailAttachment &forwarded = m.attachments.first();
    QCOMPARE(forwarded.fileName, QStringLiteral("Your invoice 2025-118.eml"));
    QCOMPARE(forwarded.contentType, QByteArray("message/rfc822"));
    QCOMPARE(forwarded.size, forwarded.data.size());
    // The attachment is the forwarded mail itself: it reads as one.
    const auto inner = MimeReader::read(forwarded.data);
    QVERIFY2(inner.ok(), errorText(inner).constData());
    QCOMPARE(inner->messageId, QByteArray("invoice-2025-118@shop.example"));
    QCOMPARE(inner->from.address, QStringLiteral("billing@shop.example"));
    QCOMPARE(inner->text, QStringLiteral("Invoice 2025-118: 129.00 EUR."));
}

void TestMimeReader::attachmentOverLimit()
{
    QByteArray photo;
    for (int i = 0; i < 6000; ++i)
        photo += static_cast<char>((i * 7 + 3) % 256);
    const InboundMail whole = readOk(QStringLiteral("big_attachment.eml"));
    QCOMPARE(whole.attachments.size(), 2);
    QCOMPARE(whole.attachments.at(0).fileName, QStringLiteral("damage.jpg"));
    QCOMPARE(whole.attachments.at(0).data, photo);
    QCOMPARE(whole.attachments.at(0).size, 6000);

    MimeReader::Limits limits;
    limits.maxAttachmentBytes = 5000;
    const InboundMail m = readOk(QStringLiteral("big_attachment.eml"), limits);
    QCOMPARE(m.text, QStringLiteral("Here are the photos."));
    QCOMPARE(m.attachments.size(), 2);
    const MailAttachment &big = m.attachments.at(0);
    QCOMPARE(big.fileName, QStringLiteral("damage.jpg"));
    QCOMPARE(big.contentType, QByteArray("image/jpeg"));
    QVERIFY(big.data.isEmpty());
    QCOMPARE(big.size, 6000); // known, so the engine can say it was too big
    const MailAttachment &small = m.attachments.at(1);
    QCOMPARE(small.fileName, QStringLiteral("items.csv"));
    QCOMPARE(small.data, QByteArray("sku,qty\nMUG-1,2\n"));
    QCOMPARE(small.size, 16);
}

void TestMimeReader::postfixBounce()
{
    const InboundMail m = readOk(QStringLiteral("postfix_bounce.eml"));
    // Return-Path <>, MAILER-DAEMON and Auto-Submitted are there too: the report comes first.
    QCOMPARE(m.automatic, Automatic::Bounce);
    QCOMPARE(m.automaticBecause, QStringLiteral("Content-Type: multipart/report; report-type=delivery-status"));
    QVERIFY(m.bounce.has_value());
    QCOMPARE(m.bounce->originalMessageId, QByteArray("reply-42@shop.example"));
    QCOMPARE(m.bounce->failedRecipients, QStringList{QStringLiteral("nobody@customer.example")}); // not the delayed one
    QCOMPARE(m.bounce->status, QStringLiteral("5.1.1"));
    QCOMPARE(m.bounce->diagnostic,
        QStringLiteral("550 5.1.1 <nobody@customer.example>: Recipient address rejected: User unknown in virtual "
                       "mailbox table"));
    QCOMPARE(m.from.address, QStringLiteral("MAILER-DAEMON@mail.shop.example"));
    QVERIFY(m.text.startsWith(QStringLiteral("This is the mail system at host mail.shop.example.")));
}

void TestMimeReader::eximBounceWithHeadersOnly()
{
    const InboundMail m = readOk(QStringLiteral("exim_bounce_headers.eml"));
    QCOMPARE(m.automatic, Automatic::Bounce);
    QVERIFY(m.bounce.has_value());
    QCOMPARE(m.bounce->originalMessageId, QByteArray("reply-77@shop.example")); // from text/rfc822-headers
    QCOMPARE(m.bounce->failedRecipients, QStringList{QStringLiteral("full@customer.example")});
    QCOMPARE(m.bounce->status, QStringLiteral("5.2.2"));
    QCOMPARE(m.bounce->diagnostic, QStringLiteral("552 5.2.2 Mailbox full"));
    QVERIFY(m.attachments.isEmpty());
}

void TestMimeReader::exchangeAutoReply()
{
    const InboundMail m = readOk(QStringLiteral("exchange_autoreply.eml"));
    QCOMPARE(m.automatic, Automatic::AutoReply);
    QCOMPARE(m.automaticBecause, QStringLiteral("Auto-Submitted: auto-replied"));
    QVERIFY(!m.bounce.has_value());
    QCOMPARE(m.inReplyTo, QByteArray("reply-3@shop.example"));
    QCOMPARE(m.subject, QStringLiteral("Automatic reply: Where is my order? [#A1B2C3]"));
}

void TestMimeReader::mailingList()
{
    const InboundMail m = readOk(QStringLiteral("mailing_list.eml"));
    QCOMPARE(m.automatic, Automatic::Bulk);
    QCOMPARE(m.automaticBecause, QStringLiteral("Precedence: list"));
    QCOMPARE(m.text,
        QStringLiteral("Version 4.2 is out. See the release notes for details.\n\n"
                       "_______________________________________________\nshop-announce mailing list"));
}

void TestMimeReader::mailerDaemon()
{
    const InboundMail m = readOk(QStringLiteral("mailer_daemon.eml"));
    QCOMPARE(m.automatic, Automatic::MailerDaemon);
    QCOMPARE(m.automaticBecause, QStringLiteral("From: MAILER-DAEMON@mx.example.net"));
    QVERIFY(!m.bounce.has_value()); // no delivery report to read
    QCOMPARE(m.date, QDateTime(QDate(2025, 12, 19), QTime(18, 12, 44), QTimeZone::utc()));
}

void TestMimeReader::automaticHeaders_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<Automatic>("automatic");
    QTest::addColumn<QString>("because");
    const QByteArray from = "From: Jane <jane@example.com>\r\n";
    QTest::newRow("person") << from << Automatic::No << QString();
    QTest::newRow("Auto-Submitted: no") << from + "Auto-Submitted: no\r\n" << Automatic::No << QString();
    QTest::newRow("Auto-Submitted: auto-generated") << from + "Auto-Submitted: auto-generated\r\n"
                                                    << Automatic::AutoReply << u("Auto-Submitted: auto-generated");
    QTest::newRow("Auto-Submitted with a comment")
        << from + "Auto-Submitted: auto-replied (vacation)\r\n"
        << Automatic::AutoReply << u("Auto-Submitted: auto-replied (vacation)");
    QTest::newRow("X-Autoreply") << from + "X-Autoreply: yes\r\n" << Automatic::AutoReply << u("X-Autoreply: yes");
    QTest::newRow("X-Autorespond") << from + "X-Autorespond: Out of office\r\n"
                                   << Automatic::AutoReply << u("X-Autorespond: Out of office");
    QTest::newRow("X-Auto-Response-Suppress is a request") << from + "X-Auto-Response-Suppress: All\r\n"
                                                           << Automatic::No << QString();
    QTest::newRow("Precedence: bulk") << from + "Precedence: bulk\r\n" << Automatic::Bulk << u("Precedence: bulk");
    QTest::newRow("Precedence: junk") << from + "Precedence: Junk\r\n" << Automatic::Bulk << u("Precedence: Junk");
    QTest::newRow("Precedence: first-class") << from + "Precedence: first-class\r\n" << Automatic::No << QString();
    QTest::newRow("List-Id") << from + "List-Id: <news.example.com>\r\n"
                             << Automatic::Bulk << u("List-Id: <news.example.com>");
    QTest::newRow("List-Unsubscribe") << from + "List-Unsubscribe: <mailto:leave@example.com>\r\n"
                                      << Automatic::Bulk << u("List-Unsubscribe: <mailto:leave@example.com>");
    QTest::newRow("empty Return-Path") << from + "Return-Path: <>\r\n"
                                       << Automatic::MailerDaemon << u("Return-Path: <>");
    QTest::newRow("postmaster") << QByteArray("From: Postmaster <postmaster@example.net>\r\n")
                                << Automatic::MailerDaemon << u("From: postmaster@example.net");
    QTest::newRow("mailer-daemon without domain") << QByteArray("From: MAILER-DAEMON (Mail Delivery System)\r\n")
                                                  << Automatic::MailerDaemon << u("From: MAILER-DAEMON");
    QTest::newRow("daemon before auto-reply before bulk")
        << from + "Precedence: bulk\r\nAuto-Submitted: auto-replied\r\nReturn-Path: <>\r\n"
        << Automatic::MailerDaemon << u("Return-Path: <>");
    QTest::newRow("auto-reply before bulk") << from + "List-Id: <l.example.com>\r\nX-Autoreply: yes\r\n"
                                            << Automatic::AutoReply << u("X-Autoreply: yes");
    QTest::newRow("report before all") << QByteArray(
        "From: MAILER-DAEMON@example.net\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; "
        "report-type=\"delivery-status\"; boundary=x\r\n")
                                       << Automatic::Bounce
                                       << u("Content-Type: multipart/report; report-type=delivery-status");
}

void TestMimeReader::automaticHeaders()
{
    QFETCH(QByteArray, headers);
    QFETCH(Automatic, automatic);
    QFETCH(QString, because);
    const auto m = MimeReader::readHeaders(headers + "Subject: s\r\n");
    QVERIFY2(m.ok(), errorText(m).constData());
    QCOMPARE(m->automatic, automatic);
    QCOMPARE(m->automaticBecause, because);
    QCOMPARE(m->bounce.has_value(), automatic == Automatic::Bounce);
    if (m->bounce)
        QVERIFY(m->bounce->failedRecipients.isEmpty()); // the report is in the body, not read
}

void TestMimeReader::readsHeadersAlone()
{
    const QByteArray raw = fixture(QStringLiteral("thunderbird_reply.eml"));
    const auto whole = MimeReader::read(raw);
    // The whole mail given: only its header block is read.
    for (const QByteArray &input : {raw, raw.left(raw.indexOf("\n\n") + 1)}) {
        const auto m = MimeReader::readHeaders(input);
        QVERIFY2(m.ok(), errorText(m).constData());
        QVERIFY(m->headersOnly);
        QCOMPARE(m->messageId, whole->messageId);
        QCOMPARE(m->inReplyTo, whole->inReplyTo);
        QCOMPARE(m->references, whole->references);
        QCOMPARE(m->subject, whole->subject);
        QCOMPARE(m->from.address, whole->from.address);
        QCOMPARE(m->date, whole->date);
        QVERIFY(m->text.isEmpty() && m->fullText.isEmpty() && m->attachments.isEmpty());
    }
    const auto tooBig = MimeReader::readHeaders(QByteArray("X-Pad: ") + QByteArray(MimeReader::kMaxHeaderBytes, 'x'));
    QVERIFY(!tooBig.ok());
    QCOMPARE(tooBig.error().kind, ErrorKind::LimitExceeded);
}

void TestMimeReader::limits()
{
    MimeReader::Limits small;
    small.maxTextChars = 20;
    const InboundMail cut = readOk(QStringLiteral("thunderbird_reply.eml"), small);
    QCOMPARE(cut.fullText, QStringLiteral("Hallo,\n\nthe parcel f"));
    QVERIFY(cut.truncated);

    small = {};
    small.maxAttachments = 1;
    const InboundMail fewer = readOk(QStringLiteral("big_attachment.eml"), small);
    QCOMPARE(fewer.attachments.size(), 1);
    QCOMPARE(fewer.attachments.first().fileName, QStringLiteral("damage.jpg"));
    QVERIFY(fewer.truncated);

    // Nesting: the text 30 multiparts down is beyond 20 levels, within 40.
    const auto deep = MimeReader::read(nestedMail(30));
    QVERIFY(deep.ok());
    QVERIFY(deep->text.isEmpty());
    QVERIFY(deep->truncated);
    small = {};
    small.maxDepth = 40;
    const auto allowed = MimeReader::read(nestedMail(30), small);
    QCOMPARE(allowed->text, QStringLiteral("at the bottom"));
    QVERIFY(!allowed->truncated);

    // Parts: 600 attachments; 500 parts are looked at, 50 kept.
    QByteArray many = "From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=p\r\n\r\n";
    for (int i = 0; i < 600; ++i)
        many += "--p\r\nContent-Type: application/octet-stream; name=f" + QByteArray::number(i) + ".bin\r\n\r\nx\r\n";
    many += "--p--\r\n";
    const auto parts = MimeReader::read(many);
    QVERIFY(parts.ok());
    QCOMPARE(parts->attachments.size(), 50);
    QCOMPARE(parts->attachments.last().fileName, QStringLiteral("f49.bin"));
    QVERIFY(parts->truncated);

    small = {};
    small.maxMailBytes = 100;
    const auto refused = MimeReader::read(fixture(QStringLiteral("thunderbird_reply.eml")), small);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, ErrorKind::LimitExceeded);
}

void TestMimeReader::refusesWhatIsNoMail_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("why");
    QByteArray noise;
    for (int i = 0; i < 512; ++i)
        noise += static_cast<char>((i * 131 + 17) % 256);
    QTest::newRow("empty") << QByteArray() << u("header field");
    QTest::newRow("binary noise") << noise << u("header field");
    QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << u("header field");
    QTest::newRow("plain text") << QByteArray("Hello,\nwhere is my order?\n") << u("header field");
    QTest::newRow("body only") << QByteArray("\r\n\r\nJust a body\r\n") << u("header field");
    QTest::newRow("json") << QByteArray("{\"from\": \"a@example.com\"}") << u("neither a From nor a Message-ID");
    QTest::newRow("no From, no Message-ID")
        << QByteArray("Subject: hi\r\nTo: b@example.com\r\n\r\nbody\r\n") << u("neither a From nor a Message-ID");
}

void TestMimeReader::refusesWhatIsNoMail()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, why);
    const auto m = MimeReader::read(raw);
    QVERIFY(!m.ok());
    QCOMPARE(m.error().kind, ErrorKind::InvalidArgument);
    QVERIFY2(m.error().message.startsWith(QStringLiteral("This is not an e-mail: ")), errorText(m).constData());
    QVERIFY2(m.error().message.contains(why), errorText(m).constData());
    QVERIFY(m.error().message.endsWith(QLatin1Char('.')));
    QCOMPARE(MimeReader::readHeaders(raw).ok(), false);
}

void TestMimeReader::baseSubject_data()
{
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("base");
    QTest::newRow("plain") << u("Where is my order?") << u("Where is my order?");
    QTest::newRow("Re") << u("Re: Where is my order?") << u("Where is my order?");
    QTest::newRow("repeated") << u("Re: RE: re:Where is my order?") << u("Where is my order?");
    QTest::newRow("Fwd and FW") << u("Fwd: FW: Invoice") << u("Invoice");
    QTest::newRow("German") << u("AW: WG: Rechnung") << u("Rechnung");
    QTest::newRow("Nordic") << u("SV: VS: Faktura") << u("Faktura");
    QTest::newRow("counted") << u("Re[2]: Re [3] : Refund") << u("Refund");
    QTest::newRow("spaces") << u("  Re :   Refund  ") << u("Refund");
    QTest::newRow("token kept") << u("Re: Refund [#A1B2C3]") << u("Refund [#A1B2C3]");
    QTest::newRow("only a prefix") << u("Re:") << QString();
    QTest::newRow("a word, not a prefix") << u("Regarding: refund") << u("Regarding: refund");
    QTest::newRow("inside") << u("Order 5 Re: refund") << u("Order 5 Re: refund");
}

void TestMimeReader::baseSubject()
{
    QFETCH(QString, subject);
    QFETCH(QString, base);
    QCOMPARE(MimeReader::baseSubject(subject), base);
}

void TestMimeReader::readsOnManyThreads()
{
    // Each read parses on its own: the same mails read at once on a pool give the same result.
    const QStringList names{QStringLiteral("japanese_iso2022jp.eml"), QStringLiteral("outlook_reply.eml"),
        QStringLiteral("windows1252_undeclared.eml"), QStringLiteral("postfix_bounce.eml")};
    QList<QByteArray> inputs;
    for (int i = 0; i < 64; ++i)
        inputs.append(fixture(names.at(i % names.size())));
    const QList<QString> texts
        = QtConcurrent::blockingMapped(inputs, [](const QByteArray &raw) { return MimeReader::read(raw)->text; });
    for (int i = 0; i < inputs.size(); ++i)
        QCOMPARE(texts.at(i), MimeReader::read(inputs.at(i))->text);
}

QTEST_GUILESS_MAIN(TestMimeReader)
#include "tst_mimereader.moc"
