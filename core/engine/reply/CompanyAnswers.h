#pragma once

#include "core/domain/CompanyProfile.h"
#include "core/engine/reply/Phrases.h"

namespace tierdesk::company {

// What the AI says of the company beyond its articles comes from the company's profile alone:
// its contact, and that it does not know what neither its articles nor its profile hold.

// Whether the message asks how to reach the company ("what is your phone number", "can i email
// you", "how do i contact you"); a request for a person is not (that is an escalation).
bool asksForContact(const QString &text);
// Whether the message asks for the company's own phone number or e-mail address ("what is your
// phone number", "whats ur email"), not of something of the customer's ("the email isnt coming").
bool asksForContactDetails(const QString &text);
// Whether a text gives a way to reach someone (a phone number or an e-mail address): what a
// contact question's answer holds, where a page that says "your phone number" in passing does not.
bool givesAContact(const QString &text);
// Whether the message asks something ("what's your return policy", "do you ship to canada?"),
// rather than telling (an order number alone, "it broke").
bool asksSomething(const QString &text);
// "by phone at +1 555 0100 or by e-mail at help@example.com": how the profile says customers
// reach the company (phone, then e-mail, else the website); empty when it says nothing.
QString contactWays(const CompanyProfile &profile, const Phrases &say);
// The answer to a contact question from the profile; empty when the profile has no contact.
QString contactAnswer(const CompanyProfile &profile, const Phrases &say);
// "I don't have information about that": a person offered, and the company's contact if it has
// one; to a customer who has bought something (`buyer`), help with their orders too.
QString notKnown(const CompanyProfile &profile, const Phrases &say, bool buyer);

} // namespace tierdesk::company
