#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

// The one tokenizer of Tierdesk's text analysis: the intent model, the sentiment
// analyser, the slot extractor and knowledge-base queries all cut text the same way.
namespace tierdesk::nlu {

struct Token {
    enum class Kind {
        Word, // letters (and inner apostrophes or hyphens): "don't", "e-mail"
        Number, // digits with inner '.' or ',': "25", "25.50", "1,000"
        OrderId, // ORD-10001 in any case, also "ord 10001" and "ord10001"
        Emoji, // a pictograph or an emoticon such as ":)" or ":-("
        Punctuation, // one mark or a run of one kind: "!!!", "?!", "..."
        Symbol, // currency and other signs: "$", "%", "#"
    };
    Kind kind = Kind::Word;
    QString text; // as written
    QString norm; // lower case, typographic apostrophes folded to '\''; OrderId as "ORD-10001"
    int start = 0; // offset in the source text (UTF-16 units)
    int length = 0;
    bool allCaps = false; // a word of two or more letters written in capitals

    bool isWordLike() const { return kind == Kind::Word || kind == Kind::Number || kind == Kind::OrderId; }
};

class Tokenizer {
public:
    static QList<Token> tokenize(QStringView text);
    // The normalised forms of the word-like tokens, in order.
    static QStringList words(QStringView text);
    // True if the code point is an emoji pictograph (the Unicode emoji blocks).
    static bool isEmojiCodePoint(char32_t cp);

    // The plain cut, a fraction of tokenize()'s cost for matching words against fixed lists
    // on every message: lower-case runs of letters and digits, an apostrophe kept after a
    // letter ("don't"); no order ids, numbers, emoji or folded apostrophes.
    // Whether '_' joins two runs into one word: it does where words are matched as the
    // patterns' \b and \w see them (keywords, the dialogue's questions); it separates where
    // the words go to the knowledge base's full-text index, whose tokenizer (unicode61)
    // splits at it.
    enum class Underscore { Joins, Separates };
    static bool isPlainWordChar(QChar c, Underscore underscore);
    static QStringList plainWords(QStringView text, Underscore underscore);
    // Words (underscore joining) and each mark other than a space: a language model's tokens,
    // roughly, for the usage a reply reports.
    static int roughTokenCount(QStringView text);
};

} // namespace tierdesk::nlu
