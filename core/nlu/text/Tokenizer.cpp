#include "core/nlu/text/Tokenizer.h"

#include <array>

namespace tierdesk::nlu {
namespace {

constexpr char32_t kRightSingleQuote = 0x2019;
constexpr char32_t kZeroWidthJoiner = 0x200D;
constexpr char32_t kVariationSelector16 = 0xFE0F;

// Emoticons written with ASCII, longest first so ":-)" wins over ":-".
constexpr std::array<const char *, 24> kEmoticons = {
    ":-)",
    ":-(",
    ":-D",
    ":-/",
    ":-P",
    ":-|",
    ":'(",
    ";-)",
    ":)",
    ":(",
    ":D",
    ":/",
    ":P",
    ":p",
    ":|",
    ";)",
    "<3",
    "=)",
    "=(",
    "xD",
    "XD",
    ":o",
    ":O",
    ":3",
};

struct Cursor {
    QStringView text;
    int pos = 0;

    bool atEnd() const { return pos >= text.size(); }
    char32_t peek(int at) const
    {
        if (at >= text.size())
            return 0;
        const QChar c = text[at];
        if (c.isHighSurrogate() && at + 1 < text.size() && text[at + 1].isLowSurrogate())
            return QChar::surrogateToUcs4(c, text[at + 1]);
        return c.unicode();
    }
    int width(char32_t cp) const { return cp > 0xFFFF ? 2 : 1; }
};

bool isLetterOrDigit(char32_t cp)
{
    return QChar::isLetterOrNumber(cp) || QChar::isMark(cp);
}
bool isApostrophe(char32_t cp)
{
    return cp == U'\'' || cp == kRightSingleQuote;
}
bool isEmojiModifier(char32_t cp)
{
    return cp == kVariationSelector16 || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}

bool boundaryAt(const Cursor &c, int at)
{
    const char32_t cp = c.peek(at);
    return cp == 0 || QChar::isSpace(cp) || QChar::isPunct(cp);
}

// An ASCII emoticon standing on its own at the cursor; its length or 0.
int emoticonAt(const Cursor &c)
{
    if (c.pos > 0 && !QChar::isSpace(c.peek(c.pos - 1)))
        return 0;
    // Every emoticon starts with one of these: most words are passed on their first letter.
    if (!QStringView(u":;<=xX").contains(c.text[c.pos]))
        return 0;
    for (const char *e : kEmoticons) {
        const auto face = QLatin1String(e);
        if (c.text.mid(c.pos).startsWith(face) && boundaryAt(c, c.pos + int(face.size())))
            return int(face.size());
    }
    return 0;
}

int emojiLength(const Cursor &c)
{
    int at = c.pos;
    while (true) {
        at += c.width(c.peek(at));
        while (isEmojiModifier(c.peek(at)))
            at += c.width(c.peek(at));
        if (c.peek(at) == kZeroWidthJoiner && Tokenizer::isEmojiCodePoint(c.peek(at + 1))) {
            ++at;
            continue;
        }
        return at - c.pos;
    }
}

// Letters and digits, joined by an apostrophe, hyphen, '.' or ',' only when a letter
// or digit follows ("don't", "e-mail", "25.50", "1,000").
int wordLength(const Cursor &c)
{
    int at = c.pos;
    while (!c.atEnd()) {
        const char32_t cp = c.peek(at);
        if (isLetterOrDigit(cp)) {
            at += c.width(cp);
            continue;
        }
        const bool joiner = isApostrophe(cp) || cp == U'-' || cp == U'.' || cp == U',';
        if (joiner && at > c.pos && isLetterOrDigit(c.peek(at + 1))) {
            const bool numeric = QChar::isDigit(c.peek(at - 1)) && QChar::isDigit(c.peek(at + 1));
            if (isApostrophe(cp) || cp == U'-' || numeric) {
                ++at;
                continue;
            }
        }
        break;
    }
    return at - c.pos;
}

int punctuationLength(const Cursor &c)
{
    const char32_t first = c.peek(c.pos);
    const bool exclaim = first == U'!' || first == U'?';
    int at = c.pos + 1;
    while (true) {
        const char32_t next = c.peek(at);
        if (next == 0 || !(exclaim ? (next == U'!' || next == U'?') : next == first))
            return at - c.pos;
        ++at;
    }
}

Token makeToken(Token::Kind kind, QStringView text, int start, int length)
{
    Token t;
    t.kind = kind;
    t.start = start;
    t.length = length;
    t.text = text.mid(start, length).toString();
    t.norm = t.text.toLower();
    t.norm.replace(QChar(kRightSingleQuote), QLatin1Char('\''));
    return t;
}

bool allDigits(QStringView s)
{
    for (const QChar ch : s) {
        if (!ch.isDigit())
            return false;
    }
    return !s.isEmpty();
}

// Plain loops, not regular expressions: this runs for every word of every message.
void classifyWord(Token &t)
{
    const QStringView norm(t.norm);
    if (norm.startsWith(QLatin1String("ord"))) {
        const QStringView digits = norm.mid(norm.size() > 3 && norm[3] == QLatin1Char('-') ? 4 : 3);
        if (digits.size() >= 3 && allDigits(digits)) {
            t.kind = Token::Kind::OrderId;
            t.norm = QStringLiteral("ORD-") + digits.toString();
            return;
        }
    }
    if (norm.front().isDigit()) {
        bool numeric = true;
        for (const QChar ch : norm)
            numeric = numeric && (ch.isDigit() || ch == QLatin1Char('.') || ch == QLatin1Char(','));
        if (numeric) {
            t.kind = Token::Kind::Number;
            return;
        }
    }
    int letters = 0;
    bool upper = true;
    for (const QChar ch : std::as_const(t.text)) {
        if (!ch.isLetter())
            continue;
        ++letters;
        upper = upper && ch.isUpper();
    }
    t.allCaps = letters >= 2 && upper;
}

// "ord 10001": the word "ord" and the number after it are one order id.
bool mergeSplitOrderId(QList<Token> &tokens, QStringView text)
{
    if (tokens.size() < 2)
        return false;
    const Token &number = tokens.last();
    const Token &ord = tokens.at(tokens.size() - 2);
    if (number.kind != Token::Kind::Number || ord.kind != Token::Kind::Word || ord.norm != QLatin1String("ord")
        || number.norm.size() < 3 || !allDigits(number.norm))
        return false;
    Token merged = makeToken(Token::Kind::OrderId, text, ord.start, number.start + number.length - ord.start);
    merged.norm = QStringLiteral("ORD-") + number.norm;
    tokens.removeLast();
    tokens.last() = merged;
    return true;
}

} // namespace

bool Tokenizer::isEmojiCodePoint(char32_t cp)
{
    return (cp >= 0x1F300 && cp <= 0x1FAFF) // pictographs, emoticons, transport, supplemental
        || (cp >= 0x2600 && cp <= 0x27BF) // miscellaneous symbols, dingbats
        || (cp >= 0x1F000 && cp <= 0x1F2FF) // tiles, cards, enclosed
        || cp == 0x2B50 || cp == 0x2B55 || cp == 0x203C || cp == 0x2049;
}

QList<Token> Tokenizer::tokenize(QStringView text)
{
    QList<Token> tokens;
    Cursor c{text, 0};
    while (!c.atEnd()) {
        const char32_t cp = c.peek(c.pos);
        int length = 0;
        if (QChar::isSpace(cp)) {
            c.pos += c.width(cp);
            continue;
        }
        if ((length = emoticonAt(c)) > 0) {
            tokens << makeToken(Token::Kind::Emoji, text, c.pos, length);
        } else if (isEmojiCodePoint(cp)) {
            length = emojiLength(c);
            tokens << makeToken(Token::Kind::Emoji, text, c.pos, length);
        } else if (isLetterOrDigit(cp)) {
            length = wordLength(c);
            tokens << makeToken(Token::Kind::Word, text, c.pos, length);
            classifyWord(tokens.last());
            mergeSplitOrderId(tokens, text);
        } else if (QChar::isPunct(cp)) {
            length = punctuationLength(c);
            tokens << makeToken(Token::Kind::Punctuation, text, c.pos, length);
        } else {
            length = c.width(cp);
            if (!isEmojiModifier(cp) && cp != kZeroWidthJoiner)
                tokens << makeToken(Token::Kind::Symbol, text, c.pos, length);
        }
        c.pos += length;
    }
    return tokens;
}

QStringList Tokenizer::words(QStringView text)
{
    QStringList out;
    for (const Token &t : tokenize(text)) {
        if (t.isWordLike())
            out << t.norm;
    }
    return out;
}

bool Tokenizer::isPlainWordChar(QChar c, Underscore underscore)
{
    return c.isLetterOrNumber() || (underscore == Underscore::Joins && c == QLatin1Char('_'));
}

QStringList Tokenizer::plainWords(QStringView text, Underscore underscore)
{
    QStringList out;
    QString word;
    for (const QChar c : text) {
        if (isPlainWordChar(c, underscore) || (c == QLatin1Char('\'') && !word.isEmpty())) {
            word += c.toLower();
        } else if (!word.isEmpty()) {
            out << word;
            word.clear();
        }
    }
    if (!word.isEmpty())
        out << word;
    return out;
}

int Tokenizer::roughTokenCount(QStringView text)
{
    int n = 0;
    bool inWord = false;
    for (const QChar c : text) {
        if (isPlainWordChar(c, Underscore::Joins)) {
            if (!inWord)
                ++n;
            inWord = true;
        } else {
            inWord = false;
            if (!c.isSpace())
                ++n;
        }
    }
    return n;
}

} // namespace tierdesk::nlu
