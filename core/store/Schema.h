#pragma once

#include <QList>
#include <QStringList>

namespace tierdesk::schema {

// Numbered migrations, applied in order, each in one transaction. Never edit a
// released migration: add a new one.
struct Migration {
    int version;
    QStringList statements;
};

const QList<Migration> &migrations();

} // namespace tierdesk::schema
