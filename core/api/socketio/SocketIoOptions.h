#pragma once

#include <QtGlobal>

namespace tierdesk::socketio {

// The limits of the Socket.IO endpoint, named once. Defaults are socket.io 4.x's own where it
// has one (ping interval and timeout, maxPayload, upgrade and connect timeouts), so a client
// written for a Node server sees the same handshake.
inline constexpr int kPingIntervalMs = 25000; // the server pings this long after each pong
inline constexpr int kPingTimeoutMs = 20000; // no pong within this after a ping: closed ("ping timeout")
inline constexpr int kUpgradeTimeoutMs = 10000; // a WebSocket probe must complete the upgrade within this
inline constexpr int kConnectTimeoutMs = 45000; // an Engine.IO session must CONNECT to "/" within this
inline constexpr qint64 kMaxPayloadBytes = 1000000; // one POST body or one WebSocket message; beyond: 413 / close 1009
inline constexpr int kMaxPacketsPerPoll = 100; // packets one long-polling GET carries; the rest wait for the next
inline constexpr int kMaxBufferedPackets = 1000; // packets queued for a client that does not fetch them: closed beyond
inline constexpr int kMaxSessionsPerAddress = 64; // open sessions per client address; beyond: 403 (code 4)
inline constexpr int kMaxSessions = 10000; // open sessions in all; beyond: 403 (code 4)

struct SocketIoOptions {
    int pingIntervalMs = kPingIntervalMs;
    int pingTimeoutMs = kPingTimeoutMs;
    int upgradeTimeoutMs = kUpgradeTimeoutMs;
    int connectTimeoutMs = kConnectTimeoutMs;
    qint64 maxPayloadBytes = kMaxPayloadBytes;
    int maxPacketsPerPoll = kMaxPacketsPerPoll;
    int maxBufferedPackets = kMaxBufferedPackets;
    int maxSessionsPerAddress = kMaxSessionsPerAddress;
    int maxSessions = kMaxSessions;
};

} // namespace tierdesk::socketio
