#pragma once
// What the desk bench's two runs share (desk_bench.cpp, desk_team.cpp).

#include "ui/ConsoleApp.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace tierdesk::deskbench {

struct Stats {
    int count = 0;
    double p50 = 0, p95 = 0, max = 0, median = 0;
};

Stats stats(QList<double> v);
double round1(double v);
// count, p50Ms, p95Ms, maxMs
QJsonObject toJson(const Stats &s);

struct Console {
    QTemporaryDir tokens;
    std::unique_ptr<ui::ConsoleApp> app;
};

// The console as an agent who chose "remember me" starts it: no login dialog.
std::unique_ptr<Console> startConsole(const QUrl &server, const QByteArray &token);

struct TeamOptions {
    QUrl server;
    QByteArray consoleToken;
    QString config; // desk_agents.js's configuration (written by bench/desk.sh)
    QString agentsScript; // bench/desk_agents.js
    QString conversation; // the session the console has open
    int switchMs = 3000; // the console shows the queue and the conversation in turn
};

// The team run: the console watches while desk_agents.js works the desk; the figures as JSON.
QJsonObject runTeam(const TeamOptions &o);

} // namespace tierdesk::deskbench
