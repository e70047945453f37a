#include "core/nlu/text/Tokenizer.h"

#include <QTest>

using namespace tierdesk::nlu;

class TestTokenizer : public QObject {
    Q_OBJECT

private slots:
    void wordsAreLowerCasedWithTheirApostrophes();
    void orderIdsInEveryWayCustomersWriteThem();
    void numbersAndMoney();
    void emphasisIsKept();
    void emojiAndEmoticons();
    void offsetsPointIntoTheSource();
    void plainWordsAreRunsOfLettersAndDigits();
    void underscoreJoinsOrSeparates();
    void roughTokenCountCountsWordsAndMarks();
};

namespace {
QStringList kinds(const QList<Token> &tokens)
{
    QStringList out;
    for (const Token &t : tokens) {
        switch (t.kind) {
        case Token::Kind::Word:
            out << QStringLiteral("w");
            break;
        case Token::Kind::Number:
            out << QStringLiteral("n");
            break;
        case Token::Kind::OrderId:
            out << QStringLiteral("o");
            break;
        case Token::Kind::Emoji:
            out << QStringLiteral("e");
            break;
        case Token::Kind::Punctuation:
            out << QStringLiteral("p");
            break;
        case Token::Kind::Symbol:
            out << QStringLiteral("s");
            break;
        }
    }
    return out;
}
} // namespace

void TestTokenizer::wordsAreLowerCasedWithTheirApostrophes()
{
    QCOMPARE(Tokenizer::words(u"I Don’t want the e-mail, ok?"),
        QStringList({QStringLiteral("i"), QStringLiteral("don't"), QStringLiteral("want"), QStringLiteral("the"),
            QStringLiteral("e-mail"), QStringLiteral("ok")}));
    QCOMPARE(Tokenizer::words(u"done.Thanks"), QStringList({QStringLiteral("done"), QStringLiteral("thanks")}));
    QVERIFY(Tokenizer::words(u"  \t\n").isEmpty());
}

void TestTokenizer::orderIdsInEveryWayCustomersWriteThem()
{
    for (const auto text : {u"ORD-10001", u"ord-10001", u"ord10001", u"ord 10001"}) {
        const auto tokens = Tokenizer::tokenize(text);
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(tokens.first().kind, Token::Kind::OrderId);
        QCOMPARE(tokens.first().norm, QStringLiteral("ORD-10001"));
    }
    const auto tokens = Tokenizer::tokenize(u"ORD-10007 arrived fine but ORD-10009 hasnt yet");
    QCOMPARE(tokens.first().norm, QStringLiteral("ORD-10007"));
    QCOMPARE(tokens.at(4).norm, QStringLiteral("ORD-10009"));
    QCOMPARE(Tokenizer::tokenize(u"ord 12").at(1).kind, Token::Kind::Number); // too short to be an order
}

void TestTokenizer::numbersAndMoney()
{
    const auto tokens = Tokenizer::tokenize(u"refund $25.50 of 1,000 by 3pm");
    QCOMPARE(kinds(tokens),
        QStringList({QStringLiteral("w"), QStringLiteral("s"), QStringLiteral("n"), QStringLiteral("w"),
            QStringLiteral("n"), QStringLiteral("w"), QStringLiteral("w")}));
    QCOMPARE(tokens.at(2).norm, QStringLiteral("25.50"));
    QCOMPARE(tokens.at(4).norm, QStringLiteral("1,000"));
    QCOMPARE(tokens.at(6).norm, QStringLiteral("3pm"));
}

void TestTokenizer::emphasisIsKept()
{
    const auto tokens = Tokenizer::tokenize(u"WHERE is it?!?! I said NOW...");
    QVERIFY(tokens.at(0).allCaps);
    QVERIFY(!tokens.at(1).allCaps);
    QCOMPARE(tokens.at(3).text, QStringLiteral("?!?!"));
    QVERIFY(!tokens.at(4).allCaps); // one letter is not shouting
    QVERIFY(tokens.at(6).allCaps);
    QCOMPARE(tokens.at(7).text, QStringLiteral("..."));
}

void TestTokenizer::emojiAndEmoticons()
{
    const auto tokens = Tokenizer::tokenize(u"wow amazing service 🙄 :( 👍🏽 ❤️ 👨‍👩‍👧");
    QCOMPARE(kinds(tokens),
        QStringList({QStringLiteral("w"), QStringLiteral("w"), QStringLiteral("w"), QStringLiteral("e"),
            QStringLiteral("e"), QStringLiteral("e"), QStringLiteral("e"), QStringLiteral("e")}));
    QCOMPARE(tokens.at(3).text, QStringLiteral("🙄"));
    QCOMPARE(tokens.at(4).text, QStringLiteral(":("));
    QCOMPARE(tokens.at(5).text, QStringLiteral("👍🏽"));
    QCOMPARE(tokens.at(7).text, QStringLiteral("👨‍👩‍👧"));
    // A colon inside a word is no face.
    QCOMPARE(kinds(Tokenizer::tokenize(u"note:(see)")).first(), QStringLiteral("w"));
}

void TestTokenizer::offsetsPointIntoTheSource()
{
    const QString text = QStringLiteral("hi 🙄 there ORD-10001!");
    for (const Token &t : Tokenizer::tokenize(text))
        QCOMPARE(text.mid(t.start, t.length), t.text);
}

void TestTokenizer::plainWordsAreRunsOfLettersAndDigits()
{
    const auto words = [](const char *text) {
        return Tokenizer::plainWords(QString::fromUtf8(text), Tokenizer::Underscore::Joins).join(QLatin1Char('|'));
    };
    QCOMPARE(words("Don't RETURN the e-mail, ORD-10005!"), QStringLiteral("don't|return|the|e|mail|ord|10005"));
    QCOMPARE(words("customers' boots 25.50"), QStringLiteral("customers'|boots|25|50"));
    QCOMPARE(words("'quoted'"), QStringLiteral("quoted'"));
    QCOMPARE(words("Grüße, café"), QStringLiteral("grüße|café"));
    QCOMPARE(words(" \n "), QString());
}

void TestTokenizer::underscoreJoinsOrSeparates()
{
    QCOMPARE(Tokenizer::plainWords(u"my_order now", Tokenizer::Underscore::Joins),
        QStringList({QStringLiteral("my_order"), QStringLiteral("now")}));
    QCOMPARE(Tokenizer::plainWords(u"my_order now", Tokenizer::Underscore::Separates),
        QStringList({QStringLiteral("my"), QStringLiteral("order"), QStringLiteral("now")}));
    QVERIFY(Tokenizer::isPlainWordChar(QLatin1Char('_'), Tokenizer::Underscore::Joins));
    QVERIFY(!Tokenizer::isPlainWordChar(QLatin1Char('_'), Tokenizer::Underscore::Separates));
    QVERIFY(!Tokenizer::isPlainWordChar(QLatin1Char('-'), Tokenizer::Underscore::Joins));
}

void TestTokenizer::roughTokenCountCountsWordsAndMarks()
{
    QCOMPARE(Tokenizer::roughTokenCount(u"Hello, world!"), 4);
    QCOMPARE(Tokenizer::roughTokenCount(u"snake_case  word"), 2);
    QCOMPARE(Tokenizer::roughTokenCount(u"$25.50?!"), 6);
    QCOMPARE(Tokenizer::roughTokenCount(u""), 0);
}

QTEST_APPLESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
