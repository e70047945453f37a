#pragma once

#include <QHash>
#include <QSet>
#include <QString>

#include <deque>

namespace tierdesk::voice {

// What one source (an address, a widget key) may ask of a call door, so that one caller cannot take
// every line: calls under way at once, and calls started in any minute (each attempt counts, refused
// ones too, so a source that keeps flooding stays refused). Times are the caller's milliseconds (a
// monotonic clock); one thread uses it (the SIP thread, or the web door's).
class SourceLimits {
public:
    struct Limits {
        int callsPerSource = 4; // voice/maxCallsPerSource
        int invitesPerMinute = 30; // voice/invitesPerSourcePerMinute: call attempts a minute
    };
    enum class Verdict { Allowed, TooManyCalls, TooManyInvites };
    static constexpr qint64 kWindowMs = 60000;
    // Sources remembered at once; past it the quietest are forgotten (a spoofed-address flood must
    // not grow the table without bound).
    static constexpr int kMaxSources = 4096;

    explicit SourceLimits(Limits limits) : m_limits(limits) { }

    // A call attempt (an INVITE) from `source` while `callsUnderWay` of its calls are up: counted, then judged.
    Verdict admit(const QString &source, int callsUnderWay, qint64 nowMs);
    // Seconds until `source` may try again (at least 1).
    int retryAfterSecs(const QString &source, qint64 nowMs) const;
    // Whether a refusal of `source` is to be logged: once a window, not once an INVITE of a flood.
    bool tell(const QString &source, qint64 nowMs);
    int sources() const { return static_cast<int>(m_invites.size()); }

    // `source` is one a company trusts (a trunk it allows, or a caller that proved its credentials):
    // its calls are no longer limited. At most kMaxTrusted are remembered, the oldest forgotten first.
    void trust(const QString &source);
    bool trusted(const QString &source) const { return m_trusted.contains(source); }
    static constexpr int kMaxTrusted = 1024;

private:
    void forgetQuietest(qint64 nowMs);

    Limits m_limits;
    QHash<QString, std::deque<qint64>> m_invites; // each source's INVITE times within the window
    QHash<QString, qint64> m_toldAt; // when a refusal of the source was last logged
    QSet<QString> m_trusted;
    std::deque<QString> m_trustOrder; // m_trusted in the order trusted
};

} // namespace tierdesk::voice
