// PhoneText: a reply's markdown made plain for SMS (and WhatsApp's own marks), and its split into
// parts Twilio takes.
#include "core/engine/channels/PhoneText.h"

#include <QRegularExpression>
#include <QTest>

using namespace tierdesk;

namespace {

// Every part within the limit, none empty or padded, no surrogate pair cut, and nothing lost
// but the white space between parts.
QString checkParts(const QString &text, const QStringList &parts, int limit)
{
    QString joined;
    for (const QString &part : parts) {
        if (part.isEmpty() || part.size() > limit)
            return QStringLiteral("part of %1 characters: %2").arg(part.size()).arg(part.left(40));
        if (part.front().isSpace() || part.back().isSpace())
            return QStringLiteral("part with white space at an end: ") + part.left(40);
        if (part.front().isLowSurrogate() || part.back().isHighSurrogate())
            return QStringLiteral("a surrogate pair cut: ") + part.left(40);
        joined += part;
    }
    QString squeezed = text;
    squeezed.remove(QRegularExpression(QStringLiteral("\\s")));
    joined.remove(QRegularExpression(QStringLiteral("\\s")));
    return joined == squeezed ? QString() : QStringLiteral("the parts do not hold the whole text");
}

} // namespace

class TestPhoneText : public QObject {
    Q_OBJECT

private slots:
    void plainForSms_data();
    void plainForSms();
    void plainForWhatsApp_data();
    void plainForWhatsApp();
    void fencedCodeKeptAsWritten();
    void placeholderCharactersInTheReplyAreDropped();
    void shortTextIsOnePart();
    void splitsAtParagraphs();
    void splitsAtSentencesWhenParagraphsAreTooLong();
    void splitsAtWordsWhenSentencesAreTooLong();
    void neverCutsAUrlWhenItCanBeHelped();
    void aUrlLongerThanAPartIsCut();
    void neverCutsASurrogatePair();
    void noEmptyParts();
    void defaultLimitIsTwilios();
    void tinyLimitStillMakesProgress();
};

void TestPhoneText::plainForSms_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bold") << "Your **refund** is on its way."
                          << "Your refund is on its way.";
    QTest::newRow("bold underscores") << "Your __refund__ is on its way."
                                      << "Your refund is on its way.";
    QTest::newRow("italic") << "It is *almost* done."
                            << "It is almost done.";
    QTest::newRow("italic underscores") << "It is _almost_ done."
                                        << "It is almost done.";
    QTest::newRow("bold italic") << "***Now***, please."
                                 << "Now, please.";
    QTest::newRow("strikethrough") << "It costs ~~20~~ 10 EUR."
                                   << "It costs 20 10 EUR.";
    QTest::newRow("code") << "Use the code `SAVE_10_NOW` at checkout."
                          << "Use the code SAVE_10_NOW at checkout.";
    QTest::newRow("heading") << "## Your order\nIt shipped."
                             << "Your order\nIt shipped.";
    QTest::newRow("closed heading") << "# Hello #"
                                    << "Hello";
    QTest::newRow("link") << "See [our returns page](https://shop.example.com/returns)."
                          << "See our returns page: https://shop.example.com/returns.";
    QTest::newRow("link whose text is the url")
        << "Go to [https://shop.example.com/track](https://shop.example.com/track) now."
        << "Go to https://shop.example.com/track now.";
    QTest::newRow("link whose text is the url without scheme") << "Go to [shop.example.com](https://shop.example.com)."
                                                               << "Go to https://shop.example.com.";
    QTest::newRow("link with title") << "[Help](https://example.com/help \"Help centre\")"
                                     << "Help: https://example.com/help";
    QTest::newRow("link with parentheses") << "[Wiki](https://en.wikipedia.org/wiki/Tea_(drink))"
                                           << "Wiki: https://en.wikipedia.org/wiki/Tea_(drink)";
    QTest::newRow("image") << "![label](https://example.com/label.png)"
                           << "label: https://example.com/label.png";
    QTest::newRow("autolink") << "Write to <mailto:help@example.com> or <https://example.com>."
                              << "Write to help@example.com or https://example.com.";
    QTest::newRow("bare url with underscores kept") << "Track it at https://example.com/track_my_order?id=_5_ please."
                                                    << "Track it at https://example.com/track_my_order?id=_5_ please.";
    QTest::newRow("bare url with stars kept") << "See https://example.com/*a*/b."
                                              << "See https://example.com/*a*/b.";
    QTest::newRow("snake_case kept") << "Your order_id is 42."
                                     << "Your order_id is 42.";
    QTest::newRow("arithmetic kept") << "2*3*4 = 24 and 5 * 3 = 15"
                                     << "2*3*4 = 24 and 5 * 3 = 15";
    QTest::newRow("escaped star") << "A \\*literal\\* star."
                                  << "A *literal* star.";
    QTest::newRow("dash list") << "Options:\n- refund\n- exchange"
                               << "Options:\n- refund\n- exchange";
    QTest::newRow("star list") << "Options:\n* **refund**\n+ exchange"
                               << "Options:\n- refund\n- exchange";
    QTest::newRow("nested list keeps indent") << "- a\n  - b"
                                              << "- a\n  - b";
    QTest::newRow("numbered list") << "1. Open the box\n2. Return it"
                                   << "1. Open the box\n2. Return it";
    QTest::newRow("quote") << "> You wrote:\n> > hello"
                           << "You wrote:\nhello";
    QTest::newRow("rule") << "Above\n\n---\n\nBelow"
                          << "Above\n\nBelow";
    QTest::newRow("hard breaks and blank lines") << "One  \nTwo\n\n\n\nThree\r\nFour"
                                                 << "One\nTwo\n\nThree\nFour";
    QTest::newRow("unicode words") << "**Grüße** und _schöne_ Tage"
                                   << "Grüße und schöne Tage";
    QTest::newRow("lonely marks kept") << "5 * 3 and a_b and ** alone"
                                       << "5 * 3 and a_b and ** alone";
    QTest::newRow("empty") << ""
                           << "";
}

void TestPhoneText::plainForSms()
{
    QFETCH(QString, markdown);
    QFETCH(QString, expected);
    QCOMPARE(PhoneText::plain(markdown, false), expected);
}

void TestPhoneText::plainForWhatsApp_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bold") << "Your **refund** is on its way."
                          << "Your *refund* is on its way.";
    QTest::newRow("bold underscores") << "Your __refund__ is here."
                                      << "Your *refund* is here.";
    QTest::newRow("italic star") << "It is *almost* done."
                                 << "It is _almost_ done.";
    QTest::newRow("italic underscore") << "It is _almost_ done."
                                       << "It is _almost_ done.";
    QTest::newRow("strikethrough") << "~~20~~ 10 EUR"
                                   << "~20~ 10 EUR";
    QTest::newRow("bold inside a list") << "- **Refund**: 3 days"
                                        << "- *Refund*: 3 days";
    QTest::newRow("link") << "[Track](https://example.com/t_1_)"
                          << "Track: https://example.com/t_1_";
    QTest::newRow("code") << "`a*b*c`"
                          << "a*b*c";
}

void TestPhoneText::plainForWhatsApp()
{
    QFETCH(QString, markdown);
    QFETCH(QString, expected);
    QCOMPARE(PhoneText::plain(markdown, true), expected);
}

void TestPhoneText::fencedCodeKeptAsWritten()
{
    const QString reply = QStringLiteral("Run this:\n```sh\nls **/*.txt  # _all_\n```\nDone.");
    QCOMPARE(PhoneText::plain(reply, false), QStringLiteral("Run this:\nls **/*.txt  # _all_\nDone."));
}

void TestPhoneText::placeholderCharactersInTheReplyAreDropped()
{
    const QString reply = QStringLiteral("a \uE0000\uE001 **b** `c`");
    QCOMPARE(PhoneText::plain(reply, false), QStringLiteral("a 0 b c"));
}

void TestPhoneText::shortTextIsOnePart()
{
    QCOMPARE(PhoneText::split(QStringLiteral("  Hello there.  "), 50), QStringList{QStringLiteral("Hello there.")});
    QCOMPARE(PhoneText::split(QString(50, QLatin1Char('x')), 50).size(), 1);
}

void TestPhoneText::splitsAtParagraphs()
{
    const QString first = QStringLiteral("First paragraph. It has two sentences.");
    const QString second = QStringLiteral("Second one. Also two sentences here.");
    const QString text = first + QStringLiteral("\n\n") + second;
    const QStringList parts = PhoneText::split(text, 60);
    QCOMPARE(parts, (QStringList{first, second}));
}

void TestPhoneText::splitsAtSentencesWhenParagraphsAreTooLong()
{
    const QString text = QStringLiteral("One short sentence here. Another sentence follows it! And a third one "
                                        "that goes on for a while.");
    const QStringList parts = PhoneText::split(text, 60);
    QCOMPARE(parts.value(0), QStringLiteral("One short sentence here. Another sentence follows it!"));
    QCOMPARE(parts.value(1), QStringLiteral("And a third one that goes on for a while."));
    QCOMPARE(parts.size(), 2);
}

void TestPhoneText::splitsAtWordsWhenSentencesAreTooLong()
{
    const QString text = QStringLiteral("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu");
    const QStringList parts = PhoneText::split(text, 20);
    QVERIFY2(checkParts(text, parts, 20).isEmpty(), qPrintable(checkParts(text, parts, 20)));
    QCOMPARE(parts.value(0), QStringLiteral("alpha beta gamma"));
    for (const QString &part : parts) // only whole words
        for (const QString &word : part.split(QLatin1Char(' ')))
            QVERIFY2(text.split(QLatin1Char(' ')).contains(word), qPrintable(word));
}

void TestPhoneText::neverCutsAUrlWhenItCanBeHelped()
{
    const QString url = QStringLiteral("https://shop.example.com/orders/12345/track?x=1");
    const QString text = QStringLiteral("Your order:") + url + QStringLiteral(" is there.");
    const QStringList parts = PhoneText::split(text, 50);
    QVERIFY2(checkParts(text, parts, 50).isEmpty(), qPrintable(checkParts(text, parts, 50)));
    QVERIFY2(parts.filter(url).size() == 1, qPrintable(parts.join(QLatin1Char('|'))));
}

void TestPhoneText::aUrlLongerThanAPartIsCut()
{
    const QString url = QStringLiteral("https://example.com/") + QString(100, QLatin1Char('a'));
    const QStringList parts = PhoneText::split(url, 40);
    QVERIFY2(checkParts(url, parts, 40).isEmpty(), qPrintable(checkParts(url, parts, 40)));
    QCOMPARE(parts.join(QString()), url);
}

void TestPhoneText::neverCutsASurrogatePair()
{
    const QString emoji = QString::fromUtf8("\xF0\x9F\x98\x80"); // U+1F600, two UTF-16 units
    QCOMPARE(emoji.size(), 2);
    for (int limit : {3, 4, 5, 7}) {
        const QString text = QStringLiteral("a") + emoji.repeated(10);
        const QStringList parts = PhoneText::split(text, limit);
        QVERIFY2(checkParts(text, parts, limit).isEmpty(), qPrintable(checkParts(text, parts, limit)));
        QCOMPARE(parts.join(QString()), text);
    }
}

void TestPhoneText::noEmptyParts()
{
    QCOMPARE(PhoneText::split(QString()), QStringList());
    QCOMPARE(PhoneText::split(QStringLiteral(" \n\n \t ")), QStringList());
    const QString text = QStringLiteral("Hi.\n\n\n\n\n\n") + QString(30, QLatin1Char('w'));
    const QStringList parts = PhoneText::split(text, 10);
    QVERIFY2(checkParts(text, parts, 10).isEmpty(), qPrintable(checkParts(text, parts, 10)));
}

void TestPhoneText::defaultLimitIsTwilios()
{
    QString text;
    for (int i = 0; i < 300; ++i)
        text += QStringLiteral("Sentence number %1 is here. ").arg(i);
    const QStringList parts = PhoneText::split(text);
    QVERIFY(parts.size() > 1);
    QVERIFY2(checkParts(text, parts, OutboundText::kMaxBodyChars).isEmpty(),
        qPrintable(checkParts(text, parts, OutboundText::kMaxBodyChars)));
    for (const QString &part : parts.mid(0, parts.size() - 1)) {
        QVERIFY(part.endsWith(QLatin1Char('.'))); // whole sentences
        QVERIFY(part.size() > OutboundText::kMaxBodyChars / 2); // not needlessly short
    }
}

void TestPhoneText::tinyLimitStillMakesProgress()
{
    const QString text = QStringLiteral("abc def");
    const QStringList parts = PhoneText::split(text, 0); // counts as 2
    QVERIFY2(checkParts(text, parts, 2).isEmpty(), qPrintable(checkParts(text, parts, 2)));
    QCOMPARE(
        parts, (QStringList{QStringLiteral("ab"), QStringLiteral("c"), QStringLiteral("de"), QStringLiteral("f")}));
}

QTEST_GUILESS_MAIN(TestPhoneText)
#include "tst_phonetext.moc"
