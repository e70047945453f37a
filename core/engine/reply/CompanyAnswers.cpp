#include "core/engine/reply/CompanyAnswers.h"

#include "core/common/CaselessRegex.h"
#include "core/nlu/text/PiiDetector.h"

#include <algorithm>

namespace tierdesk::company {

bool asksForContact(const QString &text)
{
    static const QRegularExpression re = caselessRegex(
        R"(\b(?:(?:your|a|the|support|customer service|contact) (?:phone|telephone)(?: number)?|phone number|)"
        R"(call (?:you|your team|support|customer service)|(?:your|an?|the|support) e-?mail(?: address)?|)"
        R"(e-?mail (?:you|your team|support)|contact (?:you|your team|support|customer service|details|info\w*)|)"
        R"(reach (?:you|your team|support|customer service)|get in touch|your website|web ?site address)\b)");
    return re.match(text).hasMatch();
}

bool asksForContactDetails(const QString &text)
{
    static const QRegularExpression re = caselessRegex(
        R"(\b(?:your|ur|yr|(?:the )?support(?:'s)?|customer (?:service|support)(?:'s)?) (?:tele)?(?:phone|e-?mail)\b|)"
        R"(\b(?:tele)?phone number (?:for|of|to reach) (?:you|support|customer service)\b|)"
        R"(\bnumber (?:to|i can) call\b|\bcall you\b)");
    return re.match(text).hasMatch();
}

bool givesAContact(const QString &text)
{
    using nlu::PiiDetector;
    const QList<PiiDetector::Match> found = PiiDetector::find(text);
    return std::any_of(found.cbegin(), found.cend(), [](const PiiDetector::Match &m) {
        return m.kind == PiiDetector::Kind::Phone || m.kind == PiiDetector::Kind::Email;
    });
}

bool asksSomething(const QString &text)
{
    static const QRegularExpression lead = caselessRegex(
        R"(^\W*(?:(?:hi|hello|hey|ok|okay|so|and|but|also|please)\W+)*(?:what|whats|how|where|when|why|who|which|)"
        R"(do|does|did|can|could|is|are|will|would|should|may|have|has|tell me|i want to know|i'?d like to know|)"
        R"(i wonder|wondering|any idea)\b)");
    return text.contains(QLatin1Char('?')) || lead.match(text).hasMatch();
}

QString contactWays(const CompanyProfile &profile, const Phrases &say)
{
    QStringList ways;
    if (!profile.supportPhone.isEmpty())
        ways << say(Phrase::ContactByPhone).arg(profile.supportPhone);
    if (!profile.supportEmail.isEmpty())
        ways << say(Phrase::ContactByEmail).arg(profile.supportEmail);
    if (ways.isEmpty() && !profile.website.isEmpty())
        ways << say(Phrase::ContactOnWebsite).arg(profile.website);
    if (ways.size() == 2)
        return say(Phrase::ContactOr).arg(ways.at(0), ways.at(1));
    return ways.value(0);
}

QString contactAnswer(const CompanyProfile &profile, const Phrases &say)
{
    const QString ways = contactWays(profile, say);
    return ways.isEmpty() ? QString() : say(Phrase::ContactUs).arg(ways);
}

QString notKnown(const CompanyProfile &profile, const Phrases &say, bool buyer)
{
    const QString ways = contactWays(profile, say);
    if (ways.isEmpty())
        return say(buyer ? Phrase::NotInKnowledge : Phrase::NotInKnowledgeToAStranger);
    return say(buyer ? Phrase::NotInKnowledgeContact : Phrase::NotInKnowledgeContactToAStranger).arg(ways);
}

} // namespace tierdesk::company
