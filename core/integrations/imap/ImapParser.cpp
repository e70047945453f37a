#include "core/integrations/imap/ImapParser.h"

namespace tierdesk {

namespace {

constexpr int kMaxListDepth = 8; // FETCH values nest lists (BODYSTRUCTURE); ours never this deep

Error unreadable(const QString &what, const QByteArray &line)
{
    return makeError(ErrorKind::Unavailable,
        QStringLiteral("the IMAP server's %1 cannot be read: \"%2\"").arg(what, ImapParser::quote(line)));
}

// A cursor over one FETCH answer's item list.
struct Cursor {
    const QByteArray &line;
    qsizetype pos = 0;

    bool atEnd() const { return pos >= line.size(); }
    char peek() const { return atEnd() ? '\0' : line.at(pos); }
    void skipSpaces()
    {
        while (peek() == ' ')
            ++pos;
    }
    // An atom, a number or an item name; a name's [section] is part of it (BODY[HEADER.FIELDS (A B)]).
    QByteArray word()
    {
        const qsizetype start = pos;
        int brackets = 0;
        while (!atEnd()) {
            const char c = peek();
            if (c == '[')
                ++brackets;
            else if (c == ']')
                --brackets;
            else if (brackets == 0 && (c == ' ' || c == '(' || c == ')'))
                break;
            ++pos;
        }
        return line.mid(start, pos - start);
    }
    bool quoted()
    {
        for (++pos; !atEnd(); ++pos) {
            if (peek() == '\\')
                ++pos;
            else if (peek() == '"') {
                ++pos;
                return true;
            }
        }
        return false;
    }
    // A parenthesized list; its atoms at the first level go to `atoms`.
    bool list(QList<QByteArray> *atoms, int depth = 0)
    {
        if (depth > kMaxListDepth)
            return false;
        for (++pos;;) {
            skipSpaces();
            const char c = peek();
            if (c == ')') {
                ++pos;
                return true;
            }
            if (c == '\0' || c == '{')
                return false; // cut short, or a literal (which never arrives within one line)
            if (c == '(') {
                if (!list(nullptr, depth + 1))
                    return false;
            } else if (c == '"') {
                if (!quoted())
                    return false;
            } else {
                const QByteArray w = word();
                if (w.isEmpty())
                    return false;
                if (atoms)
                    atoms->append(w);
            }
        }
    }
    // Any one value: list, quoted string, atom or number; nullopt when it cannot be read.
    std::optional<QByteArray> value(QList<QByteArray> *atoms)
    {
        const char c = peek();
        if (c == '(')
            return list(atoms) ? std::optional<QByteArray>(QByteArray()) : std::nullopt;
        if (c == '"')
            return quoted() ? std::optional<QByteArray>(QByteArray()) : std::nullopt;
        if (c == '{' || c == '\0')
            return std::nullopt;
        return word();
    }
};

// The item list of "* n FETCH (...)", from its opening parenthesis.
Result<ImapParser::FetchItems> fetchList(const QByteArray &line, qsizetype open, qint64 sequence)
{
    ImapParser::FetchItems items;
    items.sequence = sequence;
    Cursor c{line, open + 1};
    for (;;) {
        c.skipSpaces();
        if (c.peek() == ')')
            return items;
        const QByteArray name = c.word().toUpper();
        c.skipSpaces();
        QList<QByteArray> atoms;
        const std::optional<QByteArray> v = c.value(&atoms);
        if (name.isEmpty() || !v)
            return unreadable(QStringLiteral("FETCH answer"), line);
        if (name == "UID") {
            const auto uid = ImapParser::number(*v);
            if (!uid || *uid < 1 || *uid > ImapParser::kMaxUid)
                return unreadable(QStringLiteral("UID"), line);
            items.uid = *uid;
        } else if (name == "RFC822.SIZE") {
            const auto size = ImapParser::number(*v);
            if (!size)
                return unreadable(QStringLiteral("message size"), line);
            items.size = *size;
        } else if (name == "FLAGS") {
            items.hasFlags = true;
            for (const QByteArray &flag : atoms)
                items.flags.append(QString::fromLatin1(flag));
        }
    }
}

} // namespace

bool ImapParser::isUntagged(const QByteArray &line)
{
    return line.startsWith("* ");
}

std::optional<ImapParser::Tagged> ImapParser::tagged(const QByteArray &line)
{
    if (line.isEmpty() || line.startsWith('*') || line.startsWith('+'))
        return std::nullopt;
    const qsizetype space = line.indexOf(' ');
    if (space <= 0)
        return std::nullopt;
    qsizetype end = line.indexOf(' ', space + 1);
    if (end < 0)
        end = line.size();
    const QByteArray status = line.mid(space + 1, end - space - 1).toUpper();
    if (status != "OK" && status != "NO" && status != "BAD")
        return std::nullopt;
    return Tagged{line.left(space), status, line.mid(end + 1)};
}

std::optional<QByteArray> ImapParser::responseCode(const QByteArray &line, const QByteArray &name)
{
    // "* OK [CODE args] text" or "TAG OK [CODE args] text": the code follows the status word.
    const qsizetype first = line.indexOf(' ');
    const qsizetype second = first < 0 ? -1 : line.indexOf(' ', first + 1);
    if (second < 0 || line.indexOf('[', second) != second + 1)
        return std::nullopt;
    const qsizetype close = line.indexOf(']', second + 2);
    if (close < 0)
        return std::nullopt;
    const QByteArray code = line.mid(second + 2, close - second - 2);
    const QByteArray head = code.left(name.size());
    if (head.compare(name, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    if (code.size() == name.size())
        return QByteArray();
    if (code.at(name.size()) != ' ')
        return std::nullopt;
    return code.mid(name.size() + 1);
}

std::optional<qint64> ImapParser::untaggedCount(const QByteArray &line, const QByteArray &keyword)
{
    if (!isUntagged(line))
        return std::nullopt;
    const QList<QByteArray> words = line.mid(2).split(' ');
    if (words.size() != 2 || words.at(1).compare(keyword, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return number(words.at(0));
}

std::optional<Result<QList<qint64>>> ImapParser::search(const QByteArray &line)
{
    if (!isUntagged(line))
        return std::nullopt;
    QList<QByteArray> words = line.mid(2).split(' ');
    if (words.isEmpty() || words.at(0).compare("SEARCH", Qt::CaseInsensitive) != 0)
        return std::nullopt;
    QList<qint64> uids;
    for (qsizetype i = 1; i < words.size(); ++i) {
        if (words.at(i).isEmpty())
            continue; // a trailing space, as some servers send
        const auto uid = number(words.at(i));
        if (!uid || *uid < 1 || *uid > kMaxUid)
            return Result<QList<qint64>>(unreadable(QStringLiteral("SEARCH answer"), line));
        uids.append(*uid);
    }
    return Result<QList<qint64>>(uids);
}

std::optional<Result<ImapParser::FetchItems>> ImapParser::fetch(const QByteArray &line)
{
    if (!isUntagged(line))
        return std::nullopt;
    const qsizetype space = line.indexOf(' ', 2);
    if (space < 0 || !line.mid(space + 1).startsWith("FETCH ("))
        return std::nullopt;
    const auto sequence = number(line.mid(2, space - 2));
    if (!sequence)
        return Result<FetchItems>(unreadable(QStringLiteral("FETCH answer"), line));
    return fetchList(line, space + 7, *sequence);
}

std::optional<qint64> ImapParser::literalSize(const QByteArray &line)
{
    if (!line.endsWith('}'))
        return std::nullopt;
    const qsizetype open = line.lastIndexOf('{');
    if (open < 0)
        return std::nullopt;
    return number(line.mid(open + 1, line.size() - open - 2));
}

std::optional<qint64> ImapParser::number(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > kMaxNumberDigits)
        return std::nullopt;
    qint64 n = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = n * 10 + (c - '0');
    }
    return n;
}

QString ImapParser::quote(const QByteArray &text)
{
    QString out;
    for (const char c : text.left(kMaxServerTextChars)) {
        const auto u = static_cast<unsigned char>(c);
        out.append(u >= 0x20 && u < 0x7f ? QChar::fromLatin1(c) : QLatin1Char('?'));
    }
    if (text.size() > kMaxServerTextChars)
        out.append(QStringLiteral("..."));
    return out;
}

} // namespace tierdesk
