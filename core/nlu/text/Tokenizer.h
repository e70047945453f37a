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
};

} // namespace tierdesk::nlu
