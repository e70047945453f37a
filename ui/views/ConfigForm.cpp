#include "ui/views/ConfigForm.h"

#include "ui/models/Display.h"
#include "ui/views/BusinessHoursEditor.h"
#include "ui/views/QueueLines.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

const QString kKeywords = QStringLiteral("irateProtocol.triggerKeywords");
const QString kQueues = QStringLiteral("desk.queues");
const QString kProvider = QStringLiteral("ai.provider");
const QString kHours = QStringLiteral("desk.businessHours");
const QString kNumbers = QStringLiteral("voice.numbers");
const QString kSipSources = QStringLiteral("voice.sip.allowedSources");
const QString kDigestUser = QStringLiteral("voice.sip.digest.username");
const QString kDigestPassword = QStringLiteral("voice.sip.digest.password");
const QString kDigestAlgorithms = QStringLiteral("voice.sip.digest.algorithms");
const QStringList kDigestPath{QStringLiteral("voice"), QStringLiteral("sip"), QStringLiteral("digest")};
const char kInvalidStyle[] = "border:1px solid #b91c1c; background:#fff5f5;";

QJsonValue valueAt(const QJsonObject &o, const QStringList &keys)
{
    QJsonValue v = o;
    for (const QString &k : keys)
        v = v.toObject().value(k);
    return v;
}

QJsonObject withValue(QJsonObject o, const QStringList &keys, int i, const QJsonValue &v)
{
    if (i == keys.size() - 1)
        o.insert(keys.at(i), v);
    else
        o.insert(keys.at(i), withValue(o.value(keys.at(i)).toObject(), keys, i + 1, v));
    return o;
}

// "tiers.aiRep.capabilities.x" -> "aiRep"; "irateProtocol.x" -> "irateProtocol".
QString sectionOf(const QString &path)
{
    const QStringList parts = path.split(QLatin1Char('.'));
    if (parts.first() == QLatin1String("tiers") && parts.size() > 1)
        return parts.at(1);
    return parts.first() == QLatin1String("enabled") ? QStringLiteral("escalationRules") : parts.first();
}

// voice.sip.digest as the server takes it: null without a user name, and a password only when one was
// typed (left out, the stored one stays; passwordSet, which the server ignores, stays as it read it so
// that an untouched form equals what was loaded).
QJsonObject withSipDigest(const QJsonObject &config)
{
    QJsonObject digest = valueAt(config, kDigestPath).toObject();
    if (digest.value(QLatin1String("username")).toString().isEmpty())
        return withValue(config, kDigestPath, 0, QJsonValue::Null);
    if (digest.value(QLatin1String("password")).toString().isEmpty())
        digest.remove(QStringLiteral("password"));
    return withValue(config, kDigestPath, 0, digest);
}

} // namespace

ConfigForm::ConfigForm(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(repliesGroup());
    layout->addWidget(tierGroup(QStringLiteral("aiRep"), tr("AI Rep (tier 1)")));
    layout->addWidget(tierGroup(QStringLiteral("aiManager"), tr("AI Manager (tier 2)")));
    layout->addWidget(humanGroup());
    layout->addWidget(irateGroup());
    layout->addWidget(rulesGroup());
    layout->addWidget(deskGroup());
    layout->addWidget(aiGroup());
    layout->addWidget(connectorsGroup());
    layout->addWidget(callsGroup());
    layout->addStretch(1);
    showCurrency();
}

QGroupBox *ConfigForm::group(const QString &section, const QString &title, QFormLayout **form)
{
    auto *box = new QGroupBox(title, this);
    box->setObjectName(QStringLiteral("section_") + section);
    auto *outer = new QVBoxLayout(box);
    *form = new QFormLayout;
    // A narrow pane puts a field under its label rather than past the window's edge.
    (*form)->setRowWrapPolicy(QFormLayout::WrapLongRows);
    outer->addLayout(*form);
    auto *error = new QLabel(box);
    error->setObjectName(QStringLiteral("error_") + section);
    error->setWordWrap(true);
    error->setStyleSheet(QStringLiteral("color:#b91c1c;"));
    error->hide();
    outer->addWidget(error);
    m_errors.insert(section, error);
    return box;
}

QWidget *ConfigForm::bind(const QString &path, QWidget *w)
{
    w->setObjectName(QStringLiteral("field_") + path);
    m_fields.insert(path, w);
    if (auto *c = qobject_cast<QCheckBox *>(w))
        connect(c, &QCheckBox::toggled, this, &ConfigForm::edited);
    else if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
        connect(d, &QDoubleSpinBox::valueChanged, this, &ConfigForm::edited);
    else if (auto *s = qobject_cast<QSpinBox *>(w))
        connect(s, &QSpinBox::valueChanged, this, &ConfigForm::edited);
    else if (auto *b = qobject_cast<QComboBox *>(w))
        connect(b, &QComboBox::currentIndexChanged, this, &ConfigForm::edited);
    else if (auto *l = qobject_cast<QLineEdit *>(w))
        connect(l, &QLineEdit::textEdited, this, &ConfigForm::edited);
    else if (auto *t = qobject_cast<QPlainTextEdit *>(w))
        connect(t, &QPlainTextEdit::textChanged, this, &ConfigForm::edited);
    else if (auto *h = qobject_cast<BusinessHoursEditor *>(w))
        connect(h, &BusinessHoursEditor::edited, this, &ConfigForm::edited);
    return w;
}

QWidget *ConfigForm::check(const QString &path, const QString &text)
{
    return bind(path, new QCheckBox(text, this));
}

// The validator, not the spin box, says what is allowed: the ranges here are wide.
QWidget *ConfigForm::amount(const QString &path)
{
    auto *spin = new QDoubleSpinBox(this);
    spin->setRange(-1e10, 1e10);
    spin->setDecimals(2);
    m_amounts << spin;
    return bind(path, spin);
}

QWidget *ConfigForm::whole(const QString &path, int max, const QString &suffix)
{
    auto *spin = new QSpinBox(this);
    spin->setRange(-max, max);
    spin->setSuffix(suffix);
    return bind(path, spin);
}

void ConfigForm::capabilityRows(QFormLayout *form, const QString &prefix)
{
    const QString caps = prefix + QStringLiteral(".capabilities.");
    form->addRow(check(caps + QStringLiteral("canProcessRefunds"), tr("May refund, up to")),
        amount(caps + QStringLiteral("maxRefundAmount")));
    form->addRow(check(caps + QStringLiteral("canApplyCredits"), tr("May credit, up to")),
        amount(caps + QStringLiteral("maxCreditAmount")));
    form->addRow(QString(), check(caps + QStringLiteral("canModifySubscription"), tr("May change subscriptions")));
}

// The language the AI tiers and the desk's automatic messages write to customers in.
QGroupBox *ConfigForm::repliesGroup()
{
    QFormLayout *form = nullptr;
    QGroupBox *box = group(QStringLiteral("language"), tr("Replies to customers"), &form);
    auto *language = new QComboBox(this);
    language->addItem(tr("English"), QStringLiteral("en"));
    language->addItem(tr("German (Deutsch)"), QStringLiteral("de"));
    form->addRow(tr("Language"), bind(QStringLiteral("language"), language));
    return box;
}

QGroupBox *ConfigForm::tierGroup(const QString &key, const QString &title)
{
    QFormLayout *form = nullptr;
    QGroupBox *box = group(key, title, &form);
    const QString prefix = QStringLiteral("tiers.") + key;
    form->addRow(QString(), check(prefix + QStringLiteral(".enabled"), tr("Enabled")));
    capabilityRows(form, prefix);
    auto *tone = new QComboBox(this);
    for (const char *t : {"friendly", "formal", "empathetic", "concise"})
        tone->addItem(display::titleCase(QString::fromLatin1(t)), QString::fromLatin1(t));
    form->addRow(tr("Tone"), bind(prefix + QStringLiteral(".responseGuidelines.tone"), tone));
    form->addRow(tr("Longest reply"),
        whole(prefix + QStringLiteral(".responseGuidelines.maxResponseLength"), 100000, tr(" characters")));
    return box;
}

QGroupBox *ConfigForm::humanGroup()
{
    QFormLayout *form = nullptr;
    QGroupBox *box = group(QStringLiteral("humanAgent"), tr("Human agent (tier 3)"), &form);
    const QString prefix = QStringLiteral("tiers.humanAgent");
    form->addRow(QString(), check(prefix + QStringLiteral(".enabled"), tr("Enabled")));
    auto *phone = new QLineEdit(this);
    phone->setPlaceholderText(tr("e.g. +1 555 0100"));
    form->addRow(tr("Escalation phone"), bind(prefix + QStringLiteral(".escalationPhone"), phone));
    form->addRow(
        QString(), check(prefix + QStringLiteral(".notifyOnEscalation"), tr("Notify the queue on escalation")));
    capabilityRows(form, prefix);
    return box;
}

QGroupBox *ConfigForm::irateGroup()
{
    QFormLayout *form = nullptr;
    QGroupBox *box = group(QStringLiteral("irateProtocol"), tr("Irate customer protocol"), &form);
    form->addRow(QString(), check(QStringLiteral("irateProtocol.enabled"), tr("Enabled")));
    auto *threshold = new QDoubleSpinBox(this);
    threshold->setRange(-10, 10);
    threshold->setSingleStep(0.05);
    form->addRow(tr("Detection threshold"), bind(QStringLiteral("irateProtocol.detectionThreshold"), threshold));
    auto *keywords = new QPlainTextEdit(this);
    keywords->setPlaceholderText(tr("One keyword or phrase per line"));
    keywords->setFixedHeight(80);
    form->addRow(tr("Trigger keywords"), bind(kKeywords, keywords));
    form->addRow(QString(), check(QStringLiteral("irateProtocol.autoEscalate.enabled"), tr("Escalate automatically")));
    form->addRow(tr("After irate messages"), whole(QStringLiteral("irateProtocol.autoEscalate.afterAttempts"), 1000));
    auto *target = new QComboBox(this);
    target->addItem(tr("AI Manager"), QStringLiteral("AI_MANAGER"));
    target->addItem(tr("Human agent"), QStringLiteral("HUMAN_AGENT"));
    form->addRow(tr("Escalate to"), bind(QStringLiteral("irateProtocol.autoEscalate.targetTier"), target));
    return box;
}

QGroupBox *ConfigForm::rulesGroup()
{
    QFormLayout *form = nullptr;
    QGroupBox *box = group(QStringLiteral("escalationRules"), tr("Escalation rules"), &form);
    form->addRow(QString(), check(QStringLiteral("enabled"), tr("Customer service enabled for this company")));
    form->addRow(tr("Repeat contact window"),
        whole(QStringLiteral("escalationRules.repeatContactWindowHours"), 100000, tr(" hours")));
    form->addRow(tr("Complex issue after"),
        whole(QStringLiteral("escalationRules.complexIssueAfterTurns"), 1000, tr(" unanswered turns")));
    return box;
}

QGroupBox *ConfigForm::deskGroup()
{
    QFormLayout *form = nullptr;
    QGroupBox *box = group(QStringLiteral("desk"), tr("SLA targets, queues and assignment"), &form);
    // One row per priority, the two targets in columns: narrow enough for a small window.
    auto *sla = new QWidget(this);
    auto *grid = new QGridLayout(sla);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(new QLabel(tr("First reply"), sla), 0, 1);
    grid->addWidget(new QLabel(tr("Resolved"), sla), 0, 2);
    int at = 1;
    for (const char *priority : {"urgent", "high", "normal", "low"}) {
        const QString prefix = QStringLiteral("desk.sla.") + QLatin1String(priority);
        grid->addWidget(new QLabel(display::titleCase(QLatin1String(priority)), sla), at, 0);
        grid->addWidget(whole(prefix + QStringLiteral(".firstResponseMinutes"), 1000000, tr(" min")), at, 1);
        grid->addWidget(whole(prefix + QStringLiteral(".resolutionMinutes"), 1000000, tr(" min")), at, 2);
        ++at;
    }
    form->addRow(tr("SLA targets"), sla);
    auto *warning = new QDoubleSpinBox(this);
    warning->setRange(-10, 10);
    warning->setSingleStep(0.05);
    form->addRow(tr("Warn at (fraction)"), bind(QStringLiteral("desk.warningAt"), warning));
    auto *queues = new QPlainTextEdit(this);
    queues->setPlaceholderText(tr("name: CATEGORY, CATEGORY <team@example.com>"));
    queues->setToolTip(tr("One queue per line: its name, the issue categories it takes (none: every other "
                          "category) and where escalation e-mails go"));
    queues->setFixedHeight(80);
    form->addRow(tr("Queues"), bind(kQueues, queues));
    auto *assignment = new QComboBox(this);
    assignment->addItem(tr("Manual"), QStringLiteral("manual"));
    assignment->addItem(tr("Automatic"), QStringLiteral("automatic"));
    assignment->setToolTip(tr("Manual: people claim from the queue. Automatic: each waiting conversation goes to an "
                              "available agent of its queue with room, the one holding the fewest first."));
    form->addRow(tr("Assignment"), bind(QStringLiteral("desk.assignment"), assignment));
    auto *hours = new BusinessHoursEditor(this);
    hours->setToolTip(tr("SLA clocks run only in these hours; customers who write while the team is away are told "
                         "when a person will answer."));
    form->addRow(new QLabel(tr("Business hours"), this));
    form->addRow(bind(kHours, hours)); // the whole width: a week of hours needs it
    return box;
}

// Which language model words the AI tiers' replies and the agents' AI help.
QGroupBox *ConfigForm::aiGroup()
{
    QFormLayout *form = nullptr;
    QGroupBox *box = group(QStringLiteral("ai"), tr("AI replies (language model)"), &form);
    auto *provider = new QComboBox(this);
    provider->addItem(tr("Local (built-in)"), QStringLiteral("local"));
    provider->setToolTip(tr("Providers are registered in Settings › AI providers"));
    form->addRow(tr("Provider"), bind(kProvider, provider));
    const auto model = [this](const QString &path, const QString &placeholder) {
        auto *edit = new QLineEdit(this);
        edit->setPlaceholderText(placeholder);
        return bind(path, edit);
    };
    form->addRow(tr("Model for the AI Rep"),
        model(QStringLiteral("ai.models.aiRep"), tr("a small, fast model, e.g. llama3.1:8b")));
    form->addRow(tr("Model for the AI Manager"),
        model(QStringLiteral("ai.models.aiManager"), tr("a larger model, e.g. llama3.1:70b")));
    form->addRow(
        tr("Model for agent assist"), model(QStringLiteral("ai.models.assist"), tr("drafts, summaries, translations")));
    form->addRow(tr("History given to the model"), whole(QStringLiteral("ai.historyMessages"), 1000, tr(" messages")));
    QWidget *mask = check(QStringLiteral("ai.maskPii"), tr("Mask personal data"));
    mask->setToolTip(tr("E-mail addresses, phone and card numbers and street addresses are replaced by placeholders "
                        "in everything sent to the provider"));
    form->addRow(QString(), mask);
    auto *temperature = new QDoubleSpinBox(this);
    temperature->setRange(-10, 10);
    temperature->setSingleStep(0.1);
    form->addRow(tr("Temperature"), bind(QStringLiteral("ai.temperature"), temperature));
    auto *note = new QLabel(tr("The engine still decides every action; a reply that claims anything else is held "
                               "back and the built-in responder answers."),
        this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color:#6b7280;"));
    form->addRow(note);
    return box;
}

// Which of the company's systems serves what (Settings › Connectors defines them).
QGroupBox *ConfigForm::connectorsGroup()
{
    QFormLayout *form = nullptr;
    QGroupBox *box = group(QStringLiteral("connectors"), tr("Connectors (the company's own systems)"), &form);
    const std::pair<const char *, QString> rows[] = {{"order", tr("One order by its number")},
        {"orders", tr("A customer's recent orders")}, {"customer", tr("Customers")}, {"refund", tr("Refunds")},
        {"credit", tr("Credits")}, {"ticket", tr("Tickets in the CRM")}, {"cancel", tr("Cancelling an order")}};
    for (const auto &[purpose, label] : rows) {
        auto *combo = new QComboBox(this);
        const bool ticket = qstrcmp(purpose, "ticket") == 0;
        const bool cancel = qstrcmp(purpose, "cancel") == 0;
        combo->addItem(ticket ? tr("None (Tierdesk's own ticket ids)")
                : cancel      ? tr("None (a person cancels a shop's order)")
                              : tr("Tierdesk's own store"),
            QStringLiteral("builtin"));
        combo->setToolTip(tr("Connectors are defined in Settings › Connectors"));
        form->addRow(label, bind(QStringLiteral("connectors.") + QLatin1String(purpose), combo));
    }
    auto *pattern = new QLineEdit(this);
    pattern->setPlaceholderText(tr("ORD-10001, #1001 or “order 123456”"));
    pattern->setToolTip(tr("A regular expression for the company's order numbers; empty: the usual forms"));
    form->addRow(tr("Order numbers"), bind(QStringLiteral("connectors.orderNumberPattern"), pattern));
    return box;
}

// How the company takes calls (docs/calls.md): the numbers SIP callers dial, the AI's voice, recording.
QGroupBox *ConfigForm::callsGroup()
{
    QFormLayout *form = nullptr;
    QGroupBox *box = group(QStringLiteral("voice"), tr("Calls"), &form);
    auto *numbers = new QPlainTextEdit(this);
    numbers->setPlaceholderText(tr("One phone number per line, e.g. +15550100"));
    numbers->setToolTip(tr("The numbers a SIP call may dial to reach this company"));
    numbers->setFixedHeight(64);
    form->addRow(tr("Phone numbers"), bind(QStringLiteral("voice.numbers"), numbers));
    auto *voice = new QComboBox(this);
    voice->addItem(tr("slt (a woman's voice)"), QStringLiteral("slt"));
    voice->addItem(tr("rms (a man's voice)"), QStringLiteral("rms"));
    form->addRow(tr("The AI's voice"), bind(QStringLiteral("voice.voice"), voice));
    form->addRow(QString(), check(QStringLiteral("voice.recordCalls"), tr("Record calls (callers are told first)")));
    sipAccessRows(form);
    return box;
}

// Who may call (voice.sip): the trunk's addresses and its digest credentials; while neither is set,
// a warning that anyone who reaches the SIP port can call the numbers.
void ConfigForm::sipAccessRows(QFormLayout *form)
{
    auto *sources = new QPlainTextEdit(this);
    sources->setPlaceholderText(tr("Your SIP trunk's addresses, one per line: 203.0.113.7 or 54.172.60.0/30"));
    sources->setToolTip(tr("Calls from any other address are refused (403 Forbidden); empty: any address"));
    sources->setFixedHeight(64);
    form->addRow(tr("Allowed sources"), bind(kSipSources, sources));
    auto *user = new QLineEdit(this);
    user->setPlaceholderText(tr("Empty: no digest authentication"));
    user->setToolTip(tr("The user name your trunk authenticates with (SIP digest, RFC 8760)"));
    form->addRow(tr("Digest user name"), bind(kDigestUser, user));
    auto *password = new QLineEdit(this);
    password->setEchoMode(QLineEdit::Password);
    password->setToolTip(tr("Stored sealed and never shown; leave empty to keep the one set"));
    form->addRow(tr("Digest password"), bind(kDigestPassword, password));
    auto *algorithms = new QComboBox(this);
    algorithms->addItem(tr("SHA-256, then MD5"), QStringLiteral("SHA-256 MD5"));
    algorithms->addItem(tr("MD5 only (older trunks and phones)"), QStringLiteral("MD5"));
    algorithms->addItem(tr("SHA-256 only"), QStringLiteral("SHA-256"));
    form->addRow(tr("Digest algorithms"), bind(kDigestAlgorithms, algorithms));
    m_openCalls = new QLabel(tr("Anyone who reaches the SIP port can call these numbers: allow only your trunk's "
                                "addresses or set digest credentials."),
        this);
    m_openCalls->setObjectName(QStringLiteral("openCallsWarning"));
    m_openCalls->setWordWrap(true);
    m_openCalls->setStyleSheet(QStringLiteral("color:#b45309;"));
    form->addRow(QString(), m_openCalls);
    connect(this, &ConfigForm::edited, this, &ConfigForm::showCallAccess);
}

void ConfigForm::showCallAccess()
{
    const QJsonObject c = config();
    const bool numbers = !valueAt(c, kNumbers.split(QLatin1Char('.'))).toArray().isEmpty();
    const bool sources = !valueAt(c, kSipSources.split(QLatin1Char('.'))).toArray().isEmpty();
    const bool digest = valueAt(c, kDigestPath).isObject();
    m_openCalls->setVisible(numbers && !sources && !digest);
    const bool passwordSet = valueAt(m_config, kDigestPath).toObject().value(QLatin1String("passwordSet")).toBool();
    qobject_cast<QLineEdit *>(m_fields.value(kDigestPassword))
        ->setPlaceholderText(passwordSet ? tr("Set (leave empty to keep it)") : tr("8 to 128 characters"));
}

void ConfigForm::offerConnector(const QString &path, const QString &name)
{
    auto *combo = qobject_cast<QComboBox *>(m_fields.value(path));
    if (combo && !name.isEmpty() && combo->findData(name) < 0)
        combo->addItem(name, name);
}

void ConfigForm::setConnectors(const QJsonArray &connectors)
{
    for (const char *purpose : {"order", "orders", "customer", "refund", "credit", "ticket", "cancel"}) {
        const QString path = QStringLiteral("connectors.") + QLatin1String(purpose);
        auto *combo = qobject_cast<QComboBox *>(m_fields.value(path));
        const QSignalBlocker block(combo);
        const QString current = combo->currentData().toString();
        while (combo->count() > 1)
            combo->removeItem(1);
        for (const QJsonValue &v : connectors)
            if (v.toObject().value(QLatin1String("purposes")).toArray().contains(QLatin1String(purpose)))
                offerConnector(path, v.toObject().value(QLatin1String("name")).toString());
        offerConnector(path, current);
        combo->setCurrentIndex(qMax(0, combo->findData(current)));
    }
}

void ConfigForm::offerProvider(const QString &name)
{
    auto *combo = qobject_cast<QComboBox *>(m_fields.value(kProvider));
    if (combo && !name.isEmpty() && combo->findData(name) < 0)
        combo->addItem(name, name);
}

void ConfigForm::setProviders(const QStringList &names)
{
    auto *combo = qobject_cast<QComboBox *>(m_fields.value(kProvider));
    const QSignalBlocker block(combo);
    const QString current = combo->currentData().toString();
    while (combo->count() > 1)
        combo->removeItem(1);
    for (const QString &name : names)
        offerProvider(name);
    offerProvider(current);
    combo->setCurrentIndex(qMax(0, combo->findData(current)));
}

void ConfigForm::write(QWidget *w, const QString &path, const QJsonValue &v)
{
    if (path == kProvider)
        offerProvider(v.toString());
    if (path.startsWith(QLatin1String("connectors.")) && qobject_cast<QComboBox *>(w))
        offerConnector(path, v.toString());
    if (auto *h = qobject_cast<BusinessHoursEditor *>(w))
        h->setValue(v);
    else if (auto *c = qobject_cast<QCheckBox *>(w))
        c->setChecked(v.toBool());
    else if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
        d->setValue(v.toDouble());
    else if (auto *s = qobject_cast<QSpinBox *>(w))
        s->setValue(v.toInt());
    else if (auto *b = qobject_cast<QComboBox *>(w); b && path == kDigestAlgorithms)
        b->setCurrentIndex(qMax(0, b->findData(v.toVariant().toStringList().join(QLatin1Char(' ')))));
    else if (auto *b = qobject_cast<QComboBox *>(w))
        b->setCurrentIndex(qMax(0, b->findData(v.toString())));
    else if (auto *l = qobject_cast<QLineEdit *>(w))
        l->setText(v.toString());
    else if (auto *t = qobject_cast<QPlainTextEdit *>(w)) {
        if (path == kQueues) {
            t->setPlainText(QueueLines::text(v.toArray()));
        } else {
            QStringList words;
            for (const QJsonValue &k : v.toArray())
                words << k.toString();
            t->setPlainText(words.join(QLatin1Char('\n')));
        }
    }
}

QJsonValue ConfigForm::read(const QString &path, QWidget *w) const
{
    if (auto *h = qobject_cast<BusinessHoursEditor *>(w))
        return h->value();
    if (auto *c = qobject_cast<QCheckBox *>(w))
        return c->isChecked();
    if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
        return d->value();
    if (auto *s = qobject_cast<QSpinBox *>(w))
        return s->value();
    if (auto *b = qobject_cast<QComboBox *>(w); b && path == kDigestAlgorithms)
        return QJsonArray::fromStringList(b->currentData().toString().split(QLatin1Char(' ')));
    if (auto *b = qobject_cast<QComboBox *>(w))
        return b->currentData().toString();
    if (auto *l = qobject_cast<QLineEdit *>(w))
        return l->text().trimmed();
    if (auto *t = qobject_cast<QPlainTextEdit *>(w)) {
        if (path == kQueues)
            return QueueLines::parse(t->toPlainText());
        QJsonArray words; // blank lines are skipped; a line of spaces is kept for the validator to judge
        for (const QString &line : t->toPlainText().split(QLatin1Char('\n')))
            if (!line.isEmpty())
                words.append(line.trimmed().isEmpty() ? line : line.trimmed());
        return words;
    }
    return {};
}

void ConfigForm::setConfig(const QJsonObject &config)
{
    m_config = config;
    m_config.remove(QStringLiteral("companyId"));
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QSignalBlocker block(it.value());
        write(it.value(), it.key(), valueAt(m_config, it.key().split(QLatin1Char('.'))));
    }
    showCurrency();
    showProblem({});
    showCallAccess();
}

void ConfigForm::rebase(const QJsonObject &config)
{
    m_config = config;
    m_config.remove(QStringLiteral("companyId"));
    showCurrency();
}

void ConfigForm::showCurrency()
{
    const auto [prefix, suffix] = display::moneyAffixes(
        m_config.value(QLatin1String("company")).toObject().value(QLatin1String("currency")).toString());
    for (QDoubleSpinBox *spin : std::as_const(m_amounts)) {
        spin->setPrefix(prefix);
        spin->setSuffix(suffix);
    }
}

QJsonObject ConfigForm::config() const
{
    QJsonObject out = m_config;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        out = withValue(out, it.key().split(QLatin1Char('.')), 0, read(it.key(), it.value()));
    return withSipDigest(out);
}

void ConfigForm::showProblem(const QString &problem)
{
    if (m_problemField)
        m_problemField->setStyleSheet({});
    m_problemField = nullptr;
    auto *hours = qobject_cast<BusinessHoursEditor *>(m_fields.value(kHours));
    hours->showProblem({});
    for (QLabel *l : std::as_const(m_errors))
        l->hide();
    if (problem.isEmpty())
        return;
    const int colon = problem.indexOf(QStringLiteral(": "));
    QString path = colon < 0 ? problem : problem.left(colon);
    path = path.left(path.indexOf(QLatin1Char('['))); // "desk.queues[1].name" -> "desk.queues"
    // The field of that path, else the nearest one above or below it.
    for (auto it = m_fields.cbegin(); it != m_fields.cend() && !m_problemField; ++it)
        if (it.key() == path)
            m_problemField = it.value();
    for (auto it = m_fields.cbegin(); it != m_fields.cend() && !m_problemField; ++it)
        if (it.key().startsWith(path) || path.startsWith(it.key()))
            m_problemField = it.value();
    if (m_problemField == hours) // its message where its days are, not at the foot of the section
        return hours->showProblem(problem);
    if (m_problemField) {
        m_problemField->setStyleSheet(QString::fromLatin1(kInvalidStyle));
        m_problemField->setToolTip(problem);
    }
    QLabel *label = m_errors.value(sectionOf(path), m_errors.value(QStringLiteral("escalationRules")));
    label->setText(problem);
    label->show();
}

} // namespace tierdesk::ui
