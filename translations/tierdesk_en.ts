<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>tierdesk::ui::AgentsSettings</name>
    <message numerus="yes">
        <source>%1 is deactivated and logged out; %n session(s) went back to the queue.</source>
        <translation>
            <numerusform>%1 is deactivated and logged out; %n session went back to the queue.</numerusform>
            <numerusform>%1 is deactivated and logged out; %n sessions went back to the queue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 now takes up to %n conversation(s) at once.</source>
        <translation>
            <numerusform>%1 now takes up to %n conversation at once.</numerusform>
            <numerusform>%1 now takes up to %n conversations at once.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::AiProvidersSettings</name>
    <message numerus="yes">
        <source>%1 answered in %2 ms (%n token(s)): “%3”</source>
        <translation>
            <numerusform>%1 answered in %2 ms (%n token): “%3”</numerusform>
            <numerusform>%1 answered in %2 ms (%n tokens): “%3”</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::AnalyticsCharts</name>
    <message numerus="yes">
        <source>People&apos;s desk: SLA (%n handled)</source>
        <translation>
            <numerusform>People&apos;s desk: SLA (%n handled)</numerusform>
            <numerusform>People&apos;s desk: SLA (%n handled)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n session(s), %2 resolved by the AI alone. Click to list them.</source>
        <translation>
            <numerusform>%1: %n session, %2 resolved by the AI alone. Click to list them.</numerusform>
            <numerusform>%1: %n sessions, %2 resolved by the AI alone. Click to list them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::AnalyticsView</name>
    <message numerus="yes">
        <source>%n session(s) from %1 to %2, compared with %3 to %4</source>
        <translation>
            <numerusform>%n session from %1 to %2, compared with %3 to %4</numerusform>
            <numerusform>%n sessions from %1 to %2, compared with %3 to %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::BulkRun</name>
    <message numerus="yes">
        <source>%1; %n failed: %2</source>
        <translation>
            <numerusform>%1; %n failed: %2</numerusform>
            <numerusform>%1; %n failed: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ChannelsSettings</name>
    <message numerus="yes">
        <source>Last looked for mail at %1; %n mail(s) fetched so far.</source>
        <translation>
            <numerusform>Last looked for mail at %1; %n mail fetched so far.</numerusform>
            <numerusform>Last looked for mail at %1; %n mails fetched so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new mail(s) fetched.</source>
        <translation>
            <numerusform>%n new mail fetched.</numerusform>
            <numerusform>%n new mails fetched.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConsoleApp</name>
    <message numerus="yes">
        <source>%n secret(s) moved into the system keyring; Tierdesk reads them there from the next start.</source>
        <translation>
            <numerusform>%n secret moved into the system keyring; Tierdesk reads them there from the next start.</numerusform>
            <numerusform>%n secrets moved into the system keyring; Tierdesk reads them there from the next start.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins: try again in %n second(s).</source>
        <translation>
            <numerusform>Too many failed logins: try again in %n second.</numerusform>
            <numerusform>Too many failed logins: try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You signed in with a recovery code; %n code(s) left. Under Settings › Sign-in you can set up your second factor again for new ones.</source>
        <translation>
            <numerusform>You signed in with a recovery code; %n code left. Under Settings › Sign-in you can set up your second factor again for new ones.</numerusform>
            <numerusform>You signed in with a recovery code; %n codes left. Under Settings › Sign-in you can set up your second factor again for new ones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong codes: try again in %n second(s).</source>
        <translation>
            <numerusform>Too many wrong codes: try again in %n second.</numerusform>
            <numerusform>Too many wrong codes: try again in %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConsoleCalls</name>
    <message numerus="yes">
        <source>Incoming call from %1 (%2 queue), %n calls waiting</source>
        <translation>
            <numerusform>Incoming call from %1 (%2 queue), %n call waiting</numerusform>
            <numerusform>Incoming call from %1 (%2 queue), %n calls waiting</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConversationView</name>
    <message numerus="yes">
        <source>The customer wrote %n new message(s) while you were typing. Your reply was not sent.</source>
        <translation>
            <numerusform>The customer wrote %n new message while you were typing. Your reply was not sent.</numerusform>
            <numerusform>The customer wrote %n new messages while you were typing. Your reply was not sent.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomersModel</name>
    <message numerus="yes">
        <source>None here of %n customer(s)</source>
        <translation>
            <numerusform>None here of %n customer</numerusform>
            <numerusform>None here of %n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1–%2 of %n customer(s)</source>
        <translation>
            <numerusform>%1–%2 of %n customer</numerusform>
            <numerusform>%1–%2 of %n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ImportCustomersDialog</name>
    <message numerus="yes">
        <source>%n row(s) would be refused; the others can be imported:</source>
        <translation>
            <numerusform>%n row would be refused; the others can be imported:</numerusform>
            <numerusform>%n rows would be refused; the others can be imported:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were refused:</source>
        <translation>
            <numerusform>%n row was refused:</numerusform>
            <numerusform>%n rows were refused:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::KbGapsView</name>
    <message numerus="yes">
        <source>%n group(s) of questions the AI could not answer</source>
        <translation>
            <numerusform>%n group of questions the AI could not answer</numerusform>
            <numerusform>%n groups of questions the AI could not answer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n question(s) in all</source>
        <translation>
            <numerusform>, %n question in all</numerusform>
            <numerusform>, %n questions in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Asked %n time(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Asked %n time</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Asked %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::KnowledgeSources</name>
    <message numerus="yes">
        <source>%n page(s) could not be read; the articles they gave before are kept:</source>
        <translation>
            <numerusform>%n page could not be read; the article it gave before is kept:</numerusform>
            <numerusform>%n pages could not be read; the articles they gave before are kept:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::KnowledgeView</name>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your company&apos;s article (%1), read %n time(s).</source>
        <translation>
            <numerusform>Your company&apos;s article (%1), read %n time.</numerusform>
            <numerusform>Your company&apos;s article (%1), read %n times.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From the file %1, read %n time(s).</source>
        <translation>
            <numerusform>From the file %1, read %n time.</numerusform>
            <numerusform>From the file %1, read %n times.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported from %1 %2, read %n time(s).</source>
        <translation>
            <numerusform>Imported from %1 %2, read %n time.</numerusform>
            <numerusform>Imported from %1 %2, read %n times.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) made: %1</source>
        <translation>
            <numerusform>%n article made: %1</numerusform>
            <numerusform>%n articles made: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) made</source>
        <translation>
            <numerusform>%n article made</numerusform>
            <numerusform>%n articles made</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ModelTrialModel</name>
    <message numerus="yes">
        <source>%1 · %n turn(s): %2 passed, %3 repaired, %4 answered locally</source>
        <translation>
            <numerusform>%1 · %n turn: %2 passed, %3 repaired, %4 answered locally</numerusform>
            <numerusform>%1 · %n turns: %2 passed, %3 repaired, %4 answered locally</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (only the first %n turn(s) were worded)</source>
        <translation>
            <numerusform> (only the first %n turn was worded)</numerusform>
            <numerusform> (only the first %n turns were worded)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::NotificationsButton</name>
    <message numerus="yes">
        <source>Notifications (%n)</source>
        <translation>
            <numerusform>Notifications (%n)</numerusform>
            <numerusform>Notifications (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::PlansModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::QueueBulkBar</name>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Give the %n selected conversation(s) to:</source>
        <translation>
            <numerusform>Give the %n selected conversation to:</numerusform>
            <numerusform>Give the %n selected conversations to:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move the %n selected conversation(s) to the queue:</source>
        <translation>
            <numerusform>Move the %n selected conversation to the queue:</numerusform>
            <numerusform>Move the %n selected conversations to the queue:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Resolve %n conversation(s)? Each customer gets the closing message, and the conversations leave the queue.</source>
        <translation>
            <numerusform>Resolve %n conversation? Each customer gets the closing message, and the conversations leave the queue.</numerusform>
            <numerusform>Resolve %n conversations? Each customer gets the closing message, and the conversations leave the queue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n assigned to %2</source>
        <translation>
            <numerusform>%1 of %n assigned to %2</numerusform>
            <numerusform>%1 of %n assigned to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n moved to %2</source>
        <translation>
            <numerusform>%1 of %n moved to %2</numerusform>
            <numerusform>%1 of %n moved to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n resolved</source>
        <translation>
            <numerusform>%1 of %n resolved</numerusform>
            <numerusform>%1 of %n resolved</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Working on %n conversation(s)…</source>
        <translation>
            <numerusform>Working on %n conversation…</numerusform>
            <numerusform>Working on %n conversations…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::QueueStatsModel</name>
    <message numerus="yes">
        <source>%n left the desk within their SLA</source>
        <translation>
            <numerusform>%n left the desk within its SLA</numerusform>
            <numerusform>%n left the desk within their SLA</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n breached their SLA</source>
        <translation>
            <numerusform>%n breached its SLA</numerusform>
            <numerusform>%n breached their SLA</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ReasonSessionsDialog</name>
    <message numerus="yes">
        <source>%1 of %n session(s)</source>
        <translation>
            <numerusform>%1 of %n session</numerusform>
            <numerusform>%1 of %n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::SignInSettings</name>
    <message numerus="yes">
        <source>%n other session(s) ended.</source>
        <translation>
            <numerusform>%n other session ended.</numerusform>
            <numerusform>%n other sessions ended.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::SimulationModel</name>
    <message numerus="yes">
        <source>%1 of %n session(s) would change</source>
        <translation>
            <numerusform>%1 of %n session would change</numerusform>
            <numerusform>%1 of %n sessions would change</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (only the newest %1 of %n session(s) were replayed)</source>
        <translation>
            <numerusform> (only the newest %1 of %n session was replayed)</numerusform>
            <numerusform> (only the newest %1 of %n sessions were replayed)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::SupervisorView</name>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n people available</source>
        <translation>
            <numerusform>%1 of %n people available</numerusform>
            <numerusform>%1 of %n people available</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n at risk</source>
        <translation>
            <numerusform>%n at risk</numerusform>
            <numerusform>%n at risk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n breached</source>
        <translation>
            <numerusform>%n breached</numerusform>
            <numerusform>%n breached</numerusform>
        </translation>
    </message>
</context>
</TS>
