#pragma once

#include <QString>

namespace tierdesk {

// "$12.50": an amount as notes, summaries and prompts write it (English; replies to customers
// use Phrases::money, which follows the conversation's language).
QString formatUsd(double amount);

} // namespace tierdesk
