<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CustomerLabel</name>
    <message>
        <source>Web visitor %1</source>
        <translation>Web-Besucher %1</translation>
    </message>
</context>
<context>
    <name>DeskHours</name>
    <message>
        <source>Closed for the next two weeks</source>
        <translation>Die nächsten zwei Wochen geschlossen</translation>
    </message>
    <message>
        <source>Open until %1</source>
        <translation>Geöffnet bis %1</translation>
    </message>
    <message>
        <source>Closed — opens %1</source>
        <translation>Geschlossen — öffnet %1</translation>
    </message>
    <message>
        <source>Time left to the next SLA target: the first response, then the resolution.</source>
        <translation>Zeit bis zum nächsten SLA-Ziel: erst die erste Antwort, dann die Lösung.</translation>
    </message>
    <message>
        <source>Time left to the next SLA target. Due times count only the desk&apos;s open hours (%1): a conversation that arrives while the desk is closed starts counting when it opens.</source>
        <translation>Zeit bis zum nächsten SLA-Ziel. Fälligkeiten zählen nur die Öffnungszeiten des Teams (%1): Ein Gespräch, das außerhalb der Öffnungszeiten kommt, zählt erst ab der nächsten Öffnung.</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Waiting customer</source>
        <translation>Wartet auf Kunden</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Billing</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Versand</translation>
    </message>
    <message>
        <source>Product quality</source>
        <translation>Produktqualität</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <source>Technical</source>
        <translation>Technik</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>General inquiry</source>
        <translation>Allgemeine Anfrage</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>Beschwerde</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Kündigung</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>Begeistert</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>Zufrieden</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>Neutral</translation>
    </message>
    <message>
        <source>Frustrated</source>
        <translation>Frustriert</translation>
    </message>
    <message>
        <source>Angry</source>
        <translation>Verärgert</translation>
    </message>
    <message>
        <source>Irate</source>
        <translation>Wütend</translation>
    </message>
    <message>
        <source>Irate customer</source>
        <translation>Wütender Kunde</translation>
    </message>
    <message>
        <source>Refund request</source>
        <translation>Erstattungswunsch</translation>
    </message>
    <message>
        <source>Complex issue</source>
        <translation>Komplexes Anliegen</translation>
    </message>
    <message>
        <source>Repeat contact</source>
        <translation>Wiederholter Kontakt</translation>
    </message>
    <message>
        <source>High value customer</source>
        <translation>Wertvoller Kunde</translation>
    </message>
    <message>
        <source>Legal mention</source>
        <translation>Rechtsdrohung</translation>
    </message>
    <message>
        <source>Social media threat</source>
        <translation>Drohung mit sozialen Medien</translation>
    </message>
    <message>
        <source>Refund over threshold</source>
        <translation>Erstattung über Grenzwert</translation>
    </message>
    <message>
        <source>Customer request</source>
        <translation>Kundenwunsch</translation>
    </message>
    <message>
        <source>Policy exception</source>
        <translation>Ausnahme von den Richtlinien</translation>
    </message>
    <message>
        <source>Escalated complaint</source>
        <translation>Eskalierte Beschwerde</translation>
    </message>
    <message>
        <source>Technical limitation</source>
        <translation>Technische Grenze</translation>
    </message>
    <message>
        <source>Information provided</source>
        <translation>Auskunft erteilt</translation>
    </message>
    <message>
        <source>Issue resolved</source>
        <translation>Problem gelöst</translation>
    </message>
    <message>
        <source>Refund processed</source>
        <translation>Erstattung durchgeführt</translation>
    </message>
    <message>
        <source>Replacement sent</source>
        <translation>Ersatz verschickt</translation>
    </message>
    <message>
        <source>Credit applied</source>
        <translation>Gutschrift erteilt</translation>
    </message>
    <message>
        <source>Subscription modified</source>
        <translation>Abonnement geändert</translation>
    </message>
    <message>
        <source>Escalated to human</source>
        <translation>An Agent eskaliert</translation>
    </message>
    <message>
        <source>Customer satisfied</source>
        <translation>Kunde zufrieden</translation>
    </message>
    <message>
        <source>Unresolved</source>
        <translation>Ungelöst</translation>
    </message>
    <message>
        <source>Human agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Shipped</source>
        <translation>Versandt</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Erstattet</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Sms</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>Beschwerden</translation>
    </message>
    <message>
        <source>Inquiries</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Bronze</source>
        <translation>Bronze</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silber</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Platin</translation>
    </message>
    <message>
        <source>AI Rep</source>
        <translation>KI-Berater</translation>
    </message>
    <message>
        <source>AI Manager</source>
        <translation>KI-Manager</translation>
    </message>
    <message>
        <source>Friendly</source>
        <translation>Freundlich</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>Förmlich</translation>
    </message>
    <message>
        <source>Empathetic</source>
        <translation>Einfühlsam</translation>
    </message>
    <message>
        <source>Concise</source>
        <translation>Knapp</translation>
    </message>
    <message>
        <source>tomorrow %1</source>
        <translation>morgen %1</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>gestern %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1 (not connected)</source>
        <translation>%1 (nicht angeschlossen)</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ActionDialog</name>
    <message>
        <source>the customer</source>
        <translation>den Kunden</translation>
    </message>
    <message>
        <source>Issue a refund or credit</source>
        <translation>Erstattung oder Gutschrift</translation>
    </message>
    <message>
        <source>Refund an order</source>
        <translation>Eine Bestellung erstatten</translation>
    </message>
    <message>
        <source>Credit the account</source>
        <translation>Dem Konto gutschreiben</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 left</source>
        <translation>%1 · %2 · noch %3</translation>
    </message>
    <message>
        <source>Why (for the ledger; the customer does not see it)</source>
        <translation>Grund (für das Buchungsprotokoll; der Kunde sieht ihn nicht)</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Prüfen…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Refund %1 for %2 to %3?</source>
        <translation>%1 für %2 an %3 erstatten?</translation>
    </message>
    <message>
        <source>Credit %1 to %2&apos;s account?</source>
        <translation>Gutschrift über %1 für %2?</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::AgentsModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Warteschlangen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Second factor</source>
        <translation>Zweiter Faktor</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::AgentsSettings</name>
    <message>
        <source>New agent</source>
        <translation>Neuer Agent</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Create agent</source>
        <translation>Agent anlegen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Selected agent</source>
        <translation>Ausgewählter Agent</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>A deactivated agent cannot log in; their sessions go back to the queue.</source>
        <translation>Ein deaktivierter Agent kann sich nicht anmelden; seine Gespräche gehen zurück in die Warteschlange.</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Passwort setzen</translation>
    </message>
    <message>
        <source>The agent is logged out everywhere and logs in with the new password.</source>
        <translation>Der Agent wird überall abgemeldet und meldet sich mit dem neuen Passwort an.</translation>
    </message>
    <message>
        <source>Created %1 (%2). They can log in now.</source>
        <translation>%1 (%2) angelegt. Die Anmeldung ist ab sofort möglich.</translation>
    </message>
    <message>
        <source>%1 can log in again.</source>
        <translation>%1 kann sich wieder anmelden.</translation>
    </message>
    <message numerus="yes">
        <source>%1 is deactivated and logged out; %n session(s) went back to the queue.</source>
        <translation>
            <numerusform>%1 ist deaktiviert und abgemeldet; %n Gespräch ging zurück in die Warteschlange.</numerusform>
            <numerusform>%1 ist deaktiviert und abgemeldet; %n Gespräche gingen zurück in die Warteschlange.</numerusform>
        </translation>
    </message>
    <message>
        <source>New password set for %1; they were logged out everywhere.</source>
        <translation>Neues Passwort für %1 gesetzt; die Person wurde überall abgemeldet.</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>Reaktivieren</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source> conversations</source>
        <translation> Gespräche</translation>
    </message>
    <message>
        <source>How many conversations automatic assignment gives this agent at once.</source>
        <translation>Wie viele Gespräche die automatische Zuweisung diesem Agenten gleichzeitig gibt.</translation>
    </message>
    <message>
        <source>Set capacity</source>
        <translation>Kapazität setzen</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message numerus="yes">
        <source>%1 now takes up to %n conversation(s) at once.</source>
        <translation>
            <numerusform>%1 übernimmt jetzt bis zu %n Gespräch gleichzeitig.</numerusform>
            <numerusform>%1 übernimmt jetzt bis zu %n Gespräche gleichzeitig.</numerusform>
        </translation>
    </message>
    <message>
        <source>new password, %1</source>
        <translation>neues Passwort, %1</translation>
    </message>
    <message>
        <source>End sessions</source>
        <translation>Sitzungen beenden</translation>
    </message>
    <message>
        <source>Click again to sign them out</source>
        <translation>Zum Abmelden erneut klicken</translation>
    </message>
    <message>
        <source>The agent is signed out on every device at once.</source>
        <translation>Der Agent wird sofort auf allen Geräten abgemeldet.</translation>
    </message>
    <message>
        <source>Remove second factor</source>
        <translation>Zweiten Faktor entfernen</translation>
    </message>
    <message>
        <source>Click again to remove it</source>
        <translation>Zum Entfernen erneut klicken</translation>
    </message>
    <message>
        <source>For a lost phone: the agent signs in with the password alone, then sets up a new factor.</source>
        <translation>Bei verlorenem Telefon: Der Agent meldet sich nur mit dem Passwort an und richtet dann einen neuen Faktor ein.</translation>
    </message>
    <message>
        <source>%1 is signed out everywhere.</source>
        <translation>%1 ist überall abgemeldet.</translation>
    </message>
    <message>
        <source>%1&apos;s second factor is removed; their password alone signs them in until they set up a new one.</source>
        <translation>Der zweite Faktor von %1 ist entfernt; bis ein neuer eingerichtet ist, genügt das Passwort zur Anmeldung.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::AiProvidersModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>Price in / out</source>
        <translation>Preis Eingabe / Ausgabe</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>OpenAI-compatible</source>
        <translation>OpenAI-kompatibel</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Gesetzt</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Kostenlos</translation>
    </message>
    <message>
        <source>$%1 / $%2 per 1M tokens</source>
        <translation>%1 $ / %2 $ pro 1 Mio. Tokens</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::AiProvidersSettings</name>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Click again to remove</source>
        <translation>Zum Entfernen erneut klicken</translation>
    </message>
    <message>
        <source>The AI tiers word their replies with the built-in responder unless the configuration names a provider. A provider on this machine (Ollama, llama.cpp) needs no key; the engine still decides every action and checks every reply.</source>
        <translation>Die KI-Stufen formulieren ihre Antworten mit dem eingebauten Antwortgeber, solange die Konfiguration keinen Anbieter nennt. Ein Anbieter auf diesem Rechner (Ollama, llama.cpp) braucht keinen Schlüssel; die Engine entscheidet weiterhin jede Aktion und prüft jede Antwort.</translation>
    </message>
    <message>
        <source>New provider</source>
        <translation>Neuer Anbieter</translation>
    </message>
    <message>
        <source>e.g. ollama-local</source>
        <translation>z. B. ollama-local</translation>
    </message>
    <message>
        <source>Lower-case letters, digits, dots, dashes and underscores; the configuration names it</source>
        <translation>Kleinbuchstaben, Ziffern, Punkte, Bindestriche und Unterstriche; die Konfiguration nennt ihn so</translation>
    </message>
    <message>
        <source>OpenAI-compatible (OpenAI, llama.cpp, vLLM, LM Studio, Groq)</source>
        <translation>OpenAI-kompatibel (OpenAI, llama.cpp, vLLM, LM Studio, Groq)</translation>
    </message>
    <message>
        <source>Anthropic</source>
        <translation>Anthropic</translation>
    </message>
    <message>
        <source>Ollama</source>
        <translation>Ollama</translation>
    </message>
    <message>
        <source>none for a local server</source>
        <translation>keiner für einen lokalen Server</translation>
    </message>
    <message>
        <source>Kept sealed on the server and never shown again</source>
        <translation>Wird versiegelt auf dem Server aufbewahrt und nie wieder angezeigt</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Add provider</source>
        <translation>Anbieter hinzufügen</translation>
    </message>
    <message>
        <source>The key is sent once and never shown again.</source>
        <translation>Der Schlüssel wird einmal gesendet und nie wieder angezeigt.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>Input price per 1M tokens</source>
        <translation>Eingabepreis pro 1 Mio. Tokens</translation>
    </message>
    <message>
        <source>Output price per 1M tokens</source>
        <translation>Ausgabepreis pro 1 Mio. Tokens</translation>
    </message>
    <message>
        <source>Test the selected provider</source>
        <translation>Ausgewählten Anbieter testen</translation>
    </message>
    <message>
        <source>model, e.g. llama3.1:8b or gpt-4o-mini</source>
        <translation>Modell, z. B. llama3.1:8b oder gpt-4o-mini</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Sends one short request and shows how long it took and what came back.</source>
        <translation>Sendet eine kurze Anfrage und zeigt, wie lange sie dauerte und was zurückkam.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Provider added: %1. Name it in Configuration › AI to use it.</source>
        <translation>Anbieter hinzugefügt: %1. Nennen Sie ihn unter Konfiguration › KI, um ihn zu verwenden.</translation>
    </message>
    <message>
        <source>Provider removed: %1.</source>
        <translation>Anbieter entfernt: %1.</translation>
    </message>
    <message>
        <source>Name the model to try, as the provider calls it.</source>
        <translation>Nennen Sie das Modell, das Sie ausprobieren möchten, so wie der Anbieter es nennt.</translation>
    </message>
    <message>
        <source>Asking %1 (%2)…</source>
        <translation>Frage %1 (%2) …</translation>
    </message>
    <message numerus="yes">
        <source>%1 answered in %2 ms (%n token(s)): “%3”</source>
        <translation>
            <numerusform>%1 antwortete in %2 ms (%n Token): „%3“</numerusform>
            <numerusform>%1 antwortete in %2 ms (%n Tokens): „%3“</numerusform>
        </translation>
    </message>
    <message>
        <source>The provider refused after %1 ms: %2</source>
        <translation>Der Anbieter lehnte nach %1 ms ab: %2</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>Der Test ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::AnalyticsCharts</name>
    <message>
        <source>Sessions over time</source>
        <translation>Sitzungen im Zeitverlauf</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Resolution rate (%)</source>
        <translation>Lösungsquote (%)</translation>
    </message>
    <message>
        <source>Resolved %</source>
        <translation>Gelöst %</translation>
    </message>
    <message>
        <source>Escalations by reason</source>
        <translation>Eskalationen nach Grund</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Eskalationen</translation>
    </message>
    <message>
        <source>Final sentiment</source>
        <translation>Stimmung am Ende</translation>
    </message>
    <message>
        <source>Satisfaction over time (1-5)</source>
        <translation>Zufriedenheit im Zeitverlauf (1–5)</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Zufriedenheit</translation>
    </message>
    <message numerus="yes">
        <source>People&apos;s desk: SLA (%n handled)</source>
        <translation>
            <numerusform>Agenten: SLA (%n bearbeitet)</numerusform>
            <numerusform>Agenten: SLA (%n bearbeitet)</numerusform>
        </translation>
    </message>
    <message>
        <source>People&apos;s desk: nothing handled in this range</source>
        <translation>Agenten: in diesem Zeitraum nichts bearbeitet</translation>
    </message>
    <message>
        <source>Met (%1)</source>
        <translation>Eingehalten (%1)</translation>
    </message>
    <message>
        <source>Missed (%1)</source>
        <translation>Verfehlt (%1)</translation>
    </message>
    <message>
        <source>Reasons for contact</source>
        <translation>Kontaktgründe</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n session(s), %2 resolved by the AI alone. Click to list them.</source>
        <translation>
            <numerusform>%1: %n Sitzung, %2 von der KI allein gelöst. Klicken listet sie auf.</numerusform>
            <numerusform>%1: %n Sitzungen, %2 von der KI allein gelöst. Klicken listet sie auf.</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolved by the AI alone (%)</source>
        <translation>Von der KI allein gelöst (%)</translation>
    </message>
    <message>
        <source>Resolved by the AI alone</source>
        <translation>Von der KI allein gelöst</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::AnalyticsModel</name>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Escalation reason</source>
        <translation>Eskalationsgrund</translation>
    </message>
    <message>
        <source>Final sentiment</source>
        <translation>Stimmung am Ende</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>%1h %2m</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1m %2s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Resolved sessions</source>
        <translation>Gelöste Sitzungen</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Avg. resolution time</source>
        <translation>Ø Lösungszeit</translation>
    </message>
    <message>
        <source>Messages per session</source>
        <translation>Nachrichten pro Sitzung</translation>
    </message>
    <message>
        <source>Satisfaction (1-5)</source>
        <translation>Zufriedenheit (1–5)</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Eskalationen</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Time to escalation</source>
        <translation>Zeit bis zur Eskalation</translation>
    </message>
    <message>
        <source>Irate sessions</source>
        <translation>Wütende Kunden</translation>
    </message>
    <message>
        <source>Sentiment improved</source>
        <translation>Stimmung verbessert</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Aufschlüsselung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Resolution rate</source>
        <translation>Lösungsquote</translation>
    </message>
    <message>
        <source>Handled by people</source>
        <translation>Von Agenten bearbeitet</translation>
    </message>
    <message>
        <source>SLA met</source>
        <translation>SLA eingehalten</translation>
    </message>
    <message>
        <source>First response (people)</source>
        <translation>Erste Antwort (Agenten)</translation>
    </message>
    <message>
        <source>Handling time (people)</source>
        <translation>Bearbeitungszeit (Agenten)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Customer ratings</source>
        <translation>Kundenbewertungen</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Calls the AI finished alone</source>
        <translation>Anrufe, die die KI allein erledigte</translation>
    </message>
    <message>
        <source>Calls abandoned in line</source>
        <translation>In der Warteschlange aufgelegt</translation>
    </message>
    <message>
        <source>Time to answer a call</source>
        <translation>Zeit bis zur Annahme</translation>
    </message>
    <message>
        <source>Call handling time</source>
        <translation>Gesprächsdauer (Menschen)</translation>
    </message>
    <message>
        <source>Resolved by the AI alone</source>
        <translation>Von der KI allein gelöst</translation>
    </message>
    <message>
        <source>Resolved at first contact</source>
        <translation>Beim ersten Kontakt gelöst</translation>
    </message>
    <message>
        <source>Reason for contact</source>
        <translation>Kontaktgrund</translation>
    </message>
    <message>
        <source>AI cost per resolution</source>
        <translation>KI-Kosten je Lösung</translation>
    </message>
    <message>
        <source>AI cost</source>
        <translation>KI-Kosten</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation>%1 Pkt.</translation>
    </message>
    <message>
        <source>Previous range</source>
        <translation>Vorheriger Zeitraum</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::AnalyticsView</name>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>By day</source>
        <translation>Pro Tag</translation>
    </message>
    <message>
        <source>By week</source>
        <translation>Pro Woche</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>Pro Monat</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Export CSV...</source>
        <translation>CSV exportieren...</translation>
    </message>
    <message>
        <source>Export PDF...</source>
        <translation>PDF exportieren...</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>Das Startdatum liegt nach dem Enddatum.</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Wird geladen...</translation>
    </message>
    <message>
        <source>Export analytics</source>
        <translation>Auswertung exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>Noch nichts zu exportieren.</translation>
    </message>
    <message>
        <source>Tierdesk analytics</source>
        <translation>Tierdesk-Auswertung</translation>
    </message>
    <message>
        <source>Customer satisfaction</source>
        <translation>Kundenzufriedenheit</translation>
    </message>
    <message>
        <source>A session&apos;s satisfaction is its customer&apos;s rating (1 to 5) when one was given, else estimated from the final sentiment. An agent&apos;s figure counts only the ratings customers gave.</source>
        <translation>Die Zufriedenheit einer Sitzung ist die Bewertung des Kunden (1 bis 5), wenn er eine gegeben hat, sonst geschätzt aus der letzten Stimmung. Beim Agenten zählen nur die Bewertungen, die Kunden gegeben haben.</translation>
    </message>
    <message>
        <source>Double-click a reason for contact to list its sessions</source>
        <translation>Doppelklick auf einen Kontaktgrund listet seine Sitzungen auf</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) from %1 to %2, compared with %3 to %4</source>
        <translation>
            <numerusform>%n Sitzung vom %1 bis %2, verglichen mit %3 bis %4</numerusform>
            <numerusform>%n Sitzungen vom %1 bis %2, verglichen mit %3 bis %4</numerusform>
        </translation>
    </message>
    <message>
        <source>Previous range, %1 to %2: %3</source>
        <translation>Vorheriger Zeitraum, %1 bis %2: %3</translation>
    </message>
    <message>
        <source>%1 to %2, company %3; changes against %4 to %5</source>
        <translation>%1 bis %2, Firma %3; Veränderungen gegenüber %4 bis %5</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ApiClient</name>
    <message>
        <source>The server did not answer</source>
        <translation>Der Server hat nicht geantwortet</translation>
    </message>
    <message>
        <source>The server answered %1</source>
        <translation>Der Server antwortete mit %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::AssistPanel</name>
    <message>
        <source>Draft reply</source>
        <translation>Antwort entwerfen</translation>
    </message>
    <message>
        <source>A reply from the conversation and the knowledge base, for you to edit. Never sent by itself.</source>
        <translation>Eine Antwort aus dem Gespräch und der Wissensdatenbank, die Sie bearbeiten. Wird nie von selbst gesendet.</translation>
    </message>
    <message>
        <source>Summarize</source>
        <translation>Zusammenfassen</translation>
    </message>
    <message>
        <source>The conversation so far, in a few lines</source>
        <translation>Das bisherige Gespräch in wenigen Zeilen</translation>
    </message>
    <message>
        <source>Translate</source>
        <translation>Übersetzen</translation>
    </message>
    <message>
        <source>The customer&apos;s last message (or the text you selected) in your language, beside the original</source>
        <translation>Die letzte Nachricht des Kunden (oder der markierte Text) in Ihrer Sprache, neben dem Original</translation>
    </message>
    <message>
        <source>Translate my reply into the customer&apos;s language</source>
        <translation>Meine Antwort in die Sprache des Kunden übersetzen</translation>
    </message>
    <message>
        <source>Translate the customer&apos;s message into my language</source>
        <translation>Die Nachricht des Kunden in meine Sprache übersetzen</translation>
    </message>
    <message>
        <source>Improve</source>
        <translation>Verbessern</translation>
    </message>
    <message>
        <source>Your text, clearer and in the company&apos;s tone (Ctrl+Z undoes it)</source>
        <translation>Ihr Text, klarer und im Ton des Unternehmens (Strg+Z macht es rückgängig)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>AI help:</source>
        <translation>KI-Hilfe:</translation>
    </message>
    <message>
        <source>This needs a language model: the built-in responder cannot do it. An admin can set up a provider in Settings › AI providers and choose it in Configuration.</source>
        <translation>Dafür wird ein Sprachmodell gebraucht: Der eingebaute Antwortgeber kann das nicht. Ein Admin kann unter Einstellungen › KI-Anbieter einen Anbieter einrichten und ihn in der Konfiguration auswählen.</translation>
    </message>
    <message>
        <source>The AI provider did not answer (%1). Write it yourself, or try again.</source>
        <translation>Der KI-Anbieter hat nicht geantwortet (%1). Schreiben Sie selbst oder versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>This server has no AI help (%1).</source>
        <translation>Dieser Server bietet keine KI-Hilfe (%1).</translation>
    </message>
    <message>
        <source>AI help failed: %1</source>
        <translation>KI-Hilfe fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Asking the AI…</source>
        <translation>Frage die KI …</translation>
    </message>
    <message>
        <source>⚠ Check before sending: %1</source>
        <translation>⚠ Vor dem Senden prüfen: %1</translation>
    </message>
    <message>
        <source>Draft ready: edit it, then send</source>
        <translation>Entwurf bereit: bearbeiten, dann senden</translation>
    </message>
    <message>
        <source>Write something first: Improve rewords your own text.</source>
        <translation>Schreiben Sie zuerst etwas: „Verbessern“ formuliert Ihren eigenen Text neu.</translation>
    </message>
    <message>
        <source>Improved. Ctrl+Z in the reply brings your words back.</source>
        <translation>Verbessert. Strg+Z in der Antwort holt Ihre Worte zurück.</translation>
    </message>
    <message>
        <source>Summary of the conversation</source>
        <translation>Zusammenfassung des Gesprächs</translation>
    </message>
    <message>
        <source>Translation into %1</source>
        <translation>Übersetzung ins %1</translation>
    </message>
    <message>
        <source>Original: %1</source>
        <translation>Original: %1</translation>
    </message>
    <message>
        <source>The customer has not written anything to translate.</source>
        <translation>Der Kunde hat nichts geschrieben, das sich übersetzen ließe.</translation>
    </message>
    <message>
        <source>Translated the customer&apos;s message: see it under the original</source>
        <translation>Nachricht des Kunden übersetzt: Sie steht unter dem Original</translation>
    </message>
    <message>
        <source>Write your reply first, then translate it into the customer&apos;s language.</source>
        <translation>Schreiben Sie zuerst Ihre Antwort und übersetzen Sie sie dann in die Sprache des Kunden.</translation>
    </message>
    <message>
        <source>Your reply before translation</source>
        <translation>Ihre Antwort vor der Übersetzung</translation>
    </message>
    <message>
        <source>Your reply before translation into %1</source>
        <translation>Ihre Antwort vor der Übersetzung ins %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::BulkRun</name>
    <message numerus="yes">
        <source>%1; %n failed: %2</source>
        <translation>
            <numerusform>%1; %n fehlgeschlagen: %2</numerusform>
            <numerusform>%1; %n fehlgeschlagen: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::BusinessHoursEditor</name>
    <message>
        <source>Always open (SLA clocks count every minute)</source>
        <translation>Immer geöffnet (SLA-Uhren zählen jede Minute)</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>+ Hours</source>
        <translation>+ Zeiten</translation>
    </message>
    <message>
        <source>Add a range of open hours on %1</source>
        <translation>Geschäftszeiten am %1 hinzufügen</translation>
    </message>
    <message>
        <source>Monday&apos;s hours for Tuesday to Friday</source>
        <translation>Zeiten vom Montag für Dienstag bis Freitag</translation>
    </message>
    <message>
        <source>Add holiday</source>
        <translation>Feiertag hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Holidays (closed all day)</source>
        <translation>Feiertage (ganztägig geschlossen)</translation>
    </message>
    <message>
        <source>Remove these hours</source>
        <translation>Diese Zeiten entfernen</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CallBar</name>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Weiterleiten</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Auflegen</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Ton an</translation>
    </message>
    <message>
        <source>Caller</source>
        <translation>Anrufer</translation>
    </message>
    <message>
        <source>On hold: %1</source>
        <translation>In der Warteschleife: %1</translation>
    </message>
    <message>
        <source>On a call with %1</source>
        <translation>Im Gespräch mit %1</translation>
    </message>
    <message>
        <source>On a call with %1 · %2</source>
        <translation>Im Gespräch mit %1 · %2</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>To the %1 queue</source>
        <translation>An die Warteschlange %1</translation>
    </message>
    <message>
        <source>Back to the AI</source>
        <translation>Zurück an die KI</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CannedResponsesModel</name>
    <message>
        <source>Shortcut</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Geändert</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CannedResponsesSettings</name>
    <message>
        <source>the customer&apos;s name</source>
        <translation>der Name des Kunden</translation>
    </message>
    <message>
        <source>the first word of the customer&apos;s name</source>
        <translation>das erste Wort im Namen des Kunden</translation>
    </message>
    <message>
        <source>the order last named in the conversation, else the customer&apos;s latest</source>
        <translation>die zuletzt im Gespräch genannte Bestellung, sonst die neueste des Kunden</translation>
    </message>
    <message>
        <source>the company&apos;s name</source>
        <translation>der Name des Unternehmens</translation>
    </message>
    <message>
        <source>the conversation&apos;s id</source>
        <translation>die ID des Gesprächs</translation>
    </message>
    <message>
        <source>Canned response</source>
        <translation>Textbaustein</translation>
    </message>
    <message>
        <source>e.g. refund-status</source>
        <translation>z. B. erstattung-status</translation>
    </message>
    <message>
        <source>Agents type / and this in the reply box: 1 to 32 letters, digits, _ or -</source>
        <translation>Agenten tippen / und dies ins Antwortfeld: 1 bis 32 Buchstaben, Ziffern, _ oder -</translation>
    </message>
    <message>
        <source>Hello {{customer.firstName}}, …</source>
        <translation>Hallo {{customer.firstName}}, …</translation>
    </message>
    <message>
        <source>Insert a placeholder…</source>
        <translation>Platzhalter einfügen…</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Click again to delete</source>
        <translation>Zum Löschen erneut klicken</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>&lt;p&gt;Filled in for the conversation when an agent inserts the reply:&lt;/p&gt;&lt;table cellspacing=&quot;2&quot;&gt;%1&lt;/table&gt;&lt;p&gt;One without a value (no order yet) stays marked, and the reply cannot be sent until the agent fills it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Beim Einfügen der Antwort für das Gespräch ausgefüllt:&lt;/p&gt;&lt;table cellspacing=&quot;2&quot;&gt;%1&lt;/table&gt;&lt;p&gt;Einer ohne Wert (noch keine Bestellung) bleibt markiert, und die Antwort kann erst gesendet werden, wenn der Agent ihn ausfüllt.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not a placeholder the server fills: %1</source>
        <translation>Kein Platzhalter, den der Server ausfüllt: %1</translation>
    </message>
    <message>
        <source>Saved /%1: agents can use it now.</source>
        <translation>/%1 gespeichert: Agenten können ihn jetzt verwenden.</translation>
    </message>
    <message>
        <source>Deleted /%1.</source>
        <translation>/%1 gelöscht.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>the name of the agent who sends the reply</source>
        <translation>der Name des Agenten, der die Antwort sendet</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CapabilityOrder</name>
    <message>
        <source>the AI Rep</source>
        <translation>der KI-Berater</translation>
    </message>
    <message>
        <source>the AI Manager</source>
        <translation>der KI-Manager</translation>
    </message>
    <message>
        <source>a human agent</source>
        <translation>ein Agent</translation>
    </message>
    <message>
        <source>%1 may refund, but %2 it escalates to may not.</source>
        <translation>%1 darf erstatten, %2, an den er eskaliert, aber nicht.</translation>
    </message>
    <message>
        <source>%1 may credit, but %2 it escalates to may not.</source>
        <translation>%1 darf gutschreiben, %2, an den er eskaliert, aber nicht.</translation>
    </message>
    <message>
        <source>%1 may refund up to %2, more than %3 it escalates to (%4).</source>
        <translation>%1 darf bis %2 erstatten, mehr als %3, an den er eskaliert (%4).</translation>
    </message>
    <message>
        <source>%1 may credit up to %2, more than %3 it escalates to (%4).</source>
        <translation>%1 darf bis %2 gutschreiben, mehr als %3, an den er eskaliert (%4).</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ChannelPanel</name>
    <message>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Anhang</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Save the chosen attachment to a file</source>
        <translation>Den gewählten Anhang in eine Datei speichern</translation>
    </message>
    <message>
        <source>Show original</source>
        <translation>Original zeigen</translation>
    </message>
    <message>
        <source>The customer&apos;s last mail as it arrived, headers and all</source>
        <translation>Die letzte Mail des Kunden, wie sie ankam, mit allen Kopfzeilen</translation>
    </message>
    <message>
        <source>How this conversation came could not be read: %1</source>
        <translation>Wie dieses Gespräch kam, ließ sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Customer&apos;s number: %1</source>
        <translation>Nummer des Kunden: %1</translation>
    </message>
    <message>
        <source>Customer&apos;s number: %1 · to our number %2</source>
        <translation>Nummer des Kunden: %1 · an unsere Nummer %2</translation>
    </message>
    <message>
        <source>%1  [#%2]</source>
        <translation>%1  [#%2]</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Not kept: over the mailbox&apos;s limits</source>
        <translation>Nicht aufbewahrt: über den Grenzen des Postfachs</translation>
    </message>
    <message>
        <source>not kept</source>
        <translation>nicht aufbewahrt</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
    <message>
        <source>The attachment could not be downloaded: %1</source>
        <translation>Der Anhang ließ sich nicht herunterladen: %1</translation>
    </message>
    <message>
        <source>The attachment could not be saved to %1: %2</source>
        <translation>Der Anhang ließ sich nicht in %1 speichern: %2</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <source>The original could not be downloaded: %1</source>
        <translation>Das Original ließ sich nicht herunterladen: %1</translation>
    </message>
    <message>
        <source>[… %1 more not shown]</source>
        <translation>[… weitere %1 nicht gezeigt]</translation>
    </message>
    <message>
        <source>Original mail</source>
        <translation>Original-Mail</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ChannelsSettings</name>
    <message>
        <source>E-mail: the company&apos;s mailbox</source>
        <translation>E-Mail: das Postfach der Firma</translation>
    </message>
    <message>
        <source>support@shop.example</source>
        <translation>support@shop.example</translation>
    </message>
    <message>
        <source>Shop Support</source>
        <translation>Shop-Support</translation>
    </message>
    <message>
        <source>imaps://imap.shop.example (empty: mail is handed in)</source>
        <translation>imaps://imap.shop.example (leer: Mail wird eingeliefert)</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>smtp://smtp.shop.example:587</source>
        <translation>smtp://smtp.shop.example:587</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>A larger mail is not imported whole: only its headers</source>
        <translation>Eine größere Mail wird nicht ganz übernommen: nur ihre Kopfzeilen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Click again to remove</source>
        <translation>Zum Entfernen noch einmal klicken</translation>
    </message>
    <message>
        <source>Fetch now</source>
        <translation>Jetzt abrufen</translation>
    </message>
    <message>
        <source>Read the mailbox now instead of at the next poll</source>
        <translation>Das Postfach jetzt lesen statt beim nächsten Abruf</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Name replies go out with</source>
        <translation>Absendername der Antworten</translation>
    </message>
    <message>
        <source>IMAP server</source>
        <translation>IMAP-Server</translation>
    </message>
    <message>
        <source>IMAP user name</source>
        <translation>IMAP-Benutzername</translation>
    </message>
    <message>
        <source>IMAP password</source>
        <translation>IMAP-Passwort</translation>
    </message>
    <message>
        <source>Look for new mail every</source>
        <translation>Nach neuer Mail sehen alle</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP-Server</translation>
    </message>
    <message>
        <source>SMTP user name</source>
        <translation>SMTP-Benutzername</translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation>SMTP-Passwort</translation>
    </message>
    <message>
        <source>Largest mail imported</source>
        <translation>Größte übernommene Mail</translation>
    </message>
    <message>
        <source>SMS and WhatsApp: the company&apos;s Twilio account</source>
        <translation>SMS und WhatsApp: das Twilio-Konto der Firma</translation>
    </message>
    <message>
        <source>AC followed by 32 letters and digits</source>
        <translation>AC, gefolgt von 32 Buchstaben und Ziffern</translation>
    </message>
    <message>
        <source>One a line: +15550100 for SMS, whatsapp:+15550100 for WhatsApp</source>
        <translation>Eine je Zeile: +15550100 für SMS, whatsapp:+15550100 für WhatsApp</translation>
    </message>
    <message>
        <source>Account SID</source>
        <translation>Account SID</translation>
    </message>
    <message>
        <source>Auth token</source>
        <translation>Auth-Token</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Nummern</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <source>In Twilio, set each number&apos;s &quot;A message comes in&quot; webhook (HTTP POST) to:
%1
Replies ask Twilio to report their delivery to %2.
Twilio must reach these addresses from the Internet: the server&apos;s public address is the setting server/publicUrl in its tierdesk.ini.</source>
        <translation>Stellen Sie in Twilio für jede Nummer den Webhook „A message comes in“ (HTTP POST) auf:
%1
Antworten bitten Twilio, ihre Zustellung an %2 zu melden.
Twilio muss diese Adressen aus dem Internet erreichen: die öffentliche Adresse des Servers ist die Einstellung server/publicUrl in seiner tierdesk.ini.</translation>
    </message>
    <message>
        <source>set (type to replace)</source>
        <translation>gesetzt (zum Ersetzen eintippen)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>No mailbox yet: mail to the company does not reach Tierdesk.</source>
        <translation>Noch kein Postfach: Mail an die Firma erreicht Tierdesk nicht.</translation>
    </message>
    <message numerus="yes">
        <source>Last looked for mail at %1; %n mail(s) fetched so far.</source>
        <translation>
            <numerusform>Zuletzt um %1 nach Mail gesehen; bisher %n Mail abgerufen.</numerusform>
            <numerusform>Zuletzt um %1 nach Mail gesehen; bisher %n Mails abgerufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not looked for mail yet.</source>
        <translation>Noch nicht nach Mail gesehen.</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Removed: mail is no longer read or answered.</source>
        <translation>Entfernt: Mail wird nicht mehr gelesen oder beantwortet.</translation>
    </message>
    <message>
        <source>Looking for new mail…</source>
        <translation>Sehe nach neuer Mail…</translation>
    </message>
    <message numerus="yes">
        <source>%n new mail(s) fetched.</source>
        <translation>
            <numerusform>%n neue Mail abgerufen.</numerusform>
            <numerusform>%n neue Mails abgerufen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed: texts are no longer taken or answered.</source>
        <translation>Entfernt: Nachrichten werden nicht mehr angenommen oder beantwortet.</translation>
    </message>
    <message>
        <source>Not saved: see the field marked in red.</source>
        <translation>Nicht gespeichert: siehe das rot markierte Feld.</translation>
    </message>
    <message>
        <source>Require STARTTLS</source>
        <translation>STARTTLS verlangen</translation>
    </message>
    <message>
        <source>smtp:// only: off for a relay on the same host</source>
        <translation>Nur smtp://: aus für ein Relay auf demselben Rechner</translation>
    </message>
    <message>
        <source>The AI answers new mail</source>
        <translation>Die KI beantwortet neue Mail</translation>
    </message>
    <message>
        <source>Else a new mail goes straight to the people&apos;s queue</source>
        <translation>Sonst geht eine neue Mail gleich in die Warteschlange der Menschen</translation>
    </message>
    <message>
        <source>imap:// only: off for a server on the same host</source>
        <translation>Nur imap://: aus für einen Server auf demselben Rechner</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CompanySettings</name>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Profile: how customers reach the company</source>
        <translation>Profil: wie Kunden die Firma erreichen</translation>
    </message>
    <message>
        <source>https://shop.example</source>
        <translation>https://shop.example</translation>
    </message>
    <message>
        <source>support@shop.example</source>
        <translation>support@shop.example</translation>
    </message>
    <message>
        <source>+1 555 0100</source>
        <translation>+49 30 1234567</translation>
    </message>
    <message>
        <source>The dates and times in replies to customers</source>
        <translation>Datum und Uhrzeit in Antworten an Kunden</translation>
    </message>
    <message>
        <source>An ISO 4217 code: the amounts in replies to customers and in this console</source>
        <translation>Ein Code nach ISO 4217: die Beträge in Antworten an Kunden und in dieser Konsole</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Support e-mail</source>
        <translation>Support-E-Mail</translation>
    </message>
    <message>
        <source>Support phone</source>
        <translation>Support-Telefon</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>The AI gives customers these when they ask how to reach the company, and when it cannot answer; an empty field is not said.</source>
        <translation>Die KI nennt Kunden diese Angaben, wenn sie fragen, wie sie die Firma erreichen, und wenn sie selbst nicht antworten kann; ein leeres Feld wird nicht genannt.</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Days from delivery in which an order may be returned</source>
        <translation>Tage ab Lieferung, in denen eine Bestellung zurückgegeben werden kann</translation>
    </message>
    <message>
        <source>pending, processing</source>
        <translation>pending, processing</translation>
    </message>
    <message>
        <source>The order statuses in which a customer may still cancel, separated by commas</source>
        <translation>Die Bestellstatus, in denen ein Kunde noch stornieren kann, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>https://shop.example/account</source>
        <translation>https://shop.example/konto</translation>
    </message>
    <message>
        <source>e.g. Trail Club</source>
        <translation>z. B. Trail Club</translation>
    </message>
    <message>
        <source>Return window</source>
        <translation>Rückgabefrist</translation>
    </message>
    <message>
        <source>Longer for customer tiers</source>
        <translation>Länger für Kundenstufen</translation>
    </message>
    <message>
        <source>Cancellable while</source>
        <translation>Stornierbar im Status</translation>
    </message>
    <message>
        <source>Self-service: orders</source>
        <translation>Selbstbedienung: Bestellungen</translation>
    </message>
    <message>
        <source>Self-service: returns</source>
        <translation>Selbstbedienung: Rücksendungen</translation>
    </message>
    <message>
        <source>Self-service: account</source>
        <translation>Selbstbedienung: Konto</translation>
    </message>
    <message>
        <source>Self-service: membership</source>
        <translation>Selbstbedienung: Mitgliedschaft</translation>
    </message>
    <message>
        <source>Membership&apos;s name</source>
        <translation>Name der Mitgliedschaft</translation>
    </message>
    <message>
        <source>Plans</source>
        <translation>Tarife</translation>
    </message>
    <message>
        <source>The self-service links are what the AI gives customers. A company without plans sells no membership: the AI changes none for it.</source>
        <translation>Die Selbstbedienungs-Links gibt die KI an Kunden weiter. Eine Firma ohne Tarife verkauft keine Mitgliedschaft: Die KI ändert für sie keine.</translation>
    </message>
    <message>
        <source>Customer tier</source>
        <translation>Kundenstufe</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>A customer of such a tier (GOLD, VIP, ...) has this many days to return an order</source>
        <translation>Ein Kunde dieser Stufe (GOLD, VIP, ...) hat so viele Tage, um eine Bestellung zurückzugeben</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>The AI&apos;s voice</source>
        <translation>Stimme der KI</translation>
    </message>
    <message>
        <source>a name, e.g. Ava</source>
        <translation>ein Name, z. B. Ava</translation>
    </message>
    <message>
        <source>The AI&apos;s name, said when a customer says hello</source>
        <translation>Der Name der KI, den sie nennt, wenn ein Kunde grüßt</translation>
    </message>
    <message>
        <source>Hi! I&apos;m Ava from Northwind. How can I help?</source>
        <translation>Hallo! Ich bin Ava von Northwind. Wie kann ich helfen?</translation>
    </message>
    <message>
        <source>Replaces the AI&apos;s hello</source>
        <translation>Ersetzt die Begrüßung der KI</translation>
    </message>
    <message>
        <source>What a language model should keep in mind, e.g. &quot;Call our customers riders.&quot;</source>
        <translation>Was ein Sprachmodell beachten soll, z. B. „Nennen Sie unsere Kunden Fahrer.“</translation>
    </message>
    <message>
        <source>Characters of the %1 the guidance may have</source>
        <translation>Zeichen von den %1, die die Anweisungen haben dürfen</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>Begrüßung</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Anweisungen</translation>
    </message>
    <message>
        <source>The guidance goes to a language model below the engine&apos;s own rules, which it cannot change: the engine still decides every action.</source>
        <translation>Die Anweisungen gehen an ein Sprachmodell, unter den eigenen Regeln der Engine, die sie nicht ändern können: Jede Aktion entscheidet weiterhin die Engine.</translation>
    </message>
    <message>
        <source>Saved. The next replies to customers follow it.</source>
        <translation>Gespeichert. Die nächsten Antworten an Kunden folgen dem.</translation>
    </message>
    <message>
        <source>Not saved: see the field marked in red.</source>
        <translation>Nicht gespeichert: siehe das rot markierte Feld.</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z. B. %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CompanySwitcher</name>
    <message>
        <source>Switch company</source>
        <translation>Firma wechseln</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Tierdesk</source>
        <translation>Tierdesk</translation>
    </message>
    <message>
        <source>%1: switch company</source>
        <translation>%1: Firma wechseln</translation>
    </message>
    <message>
        <source>Sign in to another company…</source>
        <translation>Bei einer anderen Firma anmelden…</translation>
    </message>
    <message>
        <source>New company…</source>
        <translation>Neue Firma…</translation>
    </message>
    <message>
        <source>Rename %1…</source>
        <translation>%1 umbenennen…</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConfigForm</name>
    <message>
        <source>AI Rep (tier 1)</source>
        <translation>KI-Berater (Stufe 1)</translation>
    </message>
    <message>
        <source>AI Manager (tier 2)</source>
        <translation>KI-Manager (Stufe 2)</translation>
    </message>
    <message>
        <source>May refund, up to</source>
        <translation>Darf erstatten, bis</translation>
    </message>
    <message>
        <source>May credit, up to</source>
        <translation>Darf gutschreiben, bis</translation>
    </message>
    <message>
        <source>May change subscriptions</source>
        <translation>Darf Abonnements ändern</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Tonfall</translation>
    </message>
    <message>
        <source>Longest reply</source>
        <translation>Längste Antwort</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> Zeichen</translation>
    </message>
    <message>
        <source>Human agent (tier 3)</source>
        <translation>Agent (Stufe 3)</translation>
    </message>
    <message>
        <source>e.g. +1 555 0100</source>
        <translation>z. B. +49 30 1234567</translation>
    </message>
    <message>
        <source>Escalation phone</source>
        <translation>Telefon für Eskalationen</translation>
    </message>
    <message>
        <source>Notify the queue on escalation</source>
        <translation>Bei Eskalation benachrichtigen</translation>
    </message>
    <message>
        <source>Irate customer protocol</source>
        <translation>Protokoll für wütende Kunden</translation>
    </message>
    <message>
        <source>Detection threshold</source>
        <translation>Erkennungsschwelle</translation>
    </message>
    <message>
        <source>One keyword or phrase per line</source>
        <translation>Ein Schlagwort oder eine Wendung pro Zeile</translation>
    </message>
    <message>
        <source>Trigger keywords</source>
        <translation>Auslösende Schlagwörter</translation>
    </message>
    <message>
        <source>Escalate automatically</source>
        <translation>Automatisch eskalieren</translation>
    </message>
    <message>
        <source>After irate messages</source>
        <translation>Nach wütenden Nachrichten</translation>
    </message>
    <message>
        <source>AI Manager</source>
        <translation>KI-Manager</translation>
    </message>
    <message>
        <source>Human agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Escalate to</source>
        <translation>Eskalieren an</translation>
    </message>
    <message>
        <source>Escalation rules</source>
        <translation>Eskalationsregeln</translation>
    </message>
    <message>
        <source>Customer service enabled for this company</source>
        <translation>Kundenservice für diese Firma aktiviert</translation>
    </message>
    <message>
        <source>Repeat contact window</source>
        <translation>Zeitfenster für wiederholten Kontakt</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source>Complex issue after</source>
        <translation>Komplexes Anliegen nach</translation>
    </message>
    <message>
        <source> unanswered turns</source>
        <translation> unbeantworteten Runden</translation>
    </message>
    <message>
        <source>Warn at (fraction)</source>
        <translation>Warnen bei (Anteil)</translation>
    </message>
    <message>
        <source>name: CATEGORY, CATEGORY &lt;team@example.com&gt;</source>
        <translation>name: CATEGORY, CATEGORY &lt;team@example.com&gt;</translation>
    </message>
    <message>
        <source>One queue per line: its name, the issue categories it takes (none: every other category) and where escalation e-mails go</source>
        <translation>Eine Warteschlange pro Zeile: ihr Name, die Anliegen-Kategorien, die sie übernimmt (keine: alle übrigen Kategorien), und wohin Eskalations-E-Mails gehen</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Warteschlangen</translation>
    </message>
    <message>
        <source>Replies to customers</source>
        <translation>Antworten an Kunden</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>German (Deutsch)</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>AI replies (language model)</source>
        <translation>KI-Antworten (Sprachmodell)</translation>
    </message>
    <message>
        <source>Local (built-in)</source>
        <translation>Lokal (eingebaut)</translation>
    </message>
    <message>
        <source>Providers are registered in Settings › AI providers</source>
        <translation>Anbieter werden unter Einstellungen › KI-Anbieter eingetragen</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Anbieter</translation>
    </message>
    <message>
        <source>Model for the AI Rep</source>
        <translation>Modell für den KI-Berater</translation>
    </message>
    <message>
        <source>a small, fast model, e.g. llama3.1:8b</source>
        <translation>ein kleines, schnelles Modell, z. B. llama3.1:8b</translation>
    </message>
    <message>
        <source>Model for the AI Manager</source>
        <translation>Modell für den KI-Manager</translation>
    </message>
    <message>
        <source>a larger model, e.g. llama3.1:70b</source>
        <translation>ein größeres Modell, z. B. llama3.1:70b</translation>
    </message>
    <message>
        <source>Model for agent assist</source>
        <translation>Modell für die Agentenhilfe</translation>
    </message>
    <message>
        <source>drafts, summaries, translations</source>
        <translation>Entwürfe, Zusammenfassungen, Übersetzungen</translation>
    </message>
    <message>
        <source>History given to the model</source>
        <translation>Verlauf für das Modell</translation>
    </message>
    <message>
        <source> messages</source>
        <translation> Nachrichten</translation>
    </message>
    <message>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <source>The engine still decides every action; a reply that claims anything else is held back and the built-in responder answers.</source>
        <translation>Die Engine entscheidet weiterhin jede Aktion; eine Antwort, die etwas anderes behauptet, wird zurückgehalten, und der eingebaute Antwortgeber antwortet.</translation>
    </message>
    <message>
        <source>Mask personal data</source>
        <translation>Persönliche Daten maskieren</translation>
    </message>
    <message>
        <source>E-mail addresses, phone and card numbers and street addresses are replaced by placeholders in everything sent to the provider</source>
        <translation>E-Mail-Adressen, Telefon- und Kartennummern und Anschriften werden in allem, was an den Anbieter geht, durch Platzhalter ersetzt</translation>
    </message>
    <message>
        <source>SLA targets, queues and assignment</source>
        <translation>SLA-Ziele, Warteschlangen und Zuweisung</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Manual: people claim from the queue. Automatic: each waiting conversation goes to an available agent of its queue with room, the one holding the fewest first.</source>
        <translation>Manuell: Agenten übernehmen Gespräche selbst aus der Warteschlange. Automatisch: Jedes wartende Gespräch geht an einen verfügbaren Agenten seiner Warteschlange mit freier Kapazität, zuerst an den mit den wenigsten Gesprächen.</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Zuweisung</translation>
    </message>
    <message>
        <source>SLA clocks run only in these hours; customers who write while the team is away are told when a person will answer.</source>
        <translation>SLA-Uhren laufen nur in diesen Zeiten; wer schreibt, während das Team nicht da ist, erfährt, wann eine Person antwortet.</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Geschäftszeiten</translation>
    </message>
    <message>
        <source>First reply</source>
        <translation>Erste Antwort</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>SLA targets</source>
        <translation>SLA-Ziele</translation>
    </message>
    <message>
        <source>One order by its number</source>
        <translation>Eine Bestellung nach ihrer Nummer</translation>
    </message>
    <message>
        <source>A customer&apos;s recent orders</source>
        <translation>Die letzten Bestellungen eines Kunden</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Erstattungen</translation>
    </message>
    <message>
        <source>Credits</source>
        <translation>Gutschriften</translation>
    </message>
    <message>
        <source>Tickets in the CRM</source>
        <translation>Tickets im CRM</translation>
    </message>
    <message>
        <source>None (Tierdesk&apos;s own ticket ids)</source>
        <translation>Keins (Tierdesks eigene Ticketnummern)</translation>
    </message>
    <message>
        <source>Tierdesk&apos;s own store</source>
        <translation>Tierdesks eigener Datenbestand</translation>
    </message>
    <message>
        <source>Connectors are defined in Settings › Connectors</source>
        <translation>Konnektoren werden unter Einstellungen › Konnektoren angelegt</translation>
    </message>
    <message>
        <source>A regular expression for the company&apos;s order numbers; empty: the usual forms</source>
        <translation>Ein regulärer Ausdruck für die Bestellnummern des Unternehmens; leer: die üblichen Formen</translation>
    </message>
    <message>
        <source>Order numbers</source>
        <translation>Bestellnummern</translation>
    </message>
    <message>
        <source>Connectors (the company&apos;s own systems)</source>
        <translation>Konnektoren (die eigenen Systeme des Unternehmens)</translation>
    </message>
    <message>
        <source>ORD-10001, #1001 or “order 123456”</source>
        <translation>ORD-10001, #1001 oder „order 123456“</translation>
    </message>
    <message>
        <source>Cancelling an order</source>
        <translation>Stornieren einer Bestellung</translation>
    </message>
    <message>
        <source>None (a person cancels a shop&apos;s order)</source>
        <translation>Keiner (ein Mensch storniert die Bestellung im Shop)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>One phone number per line, e.g. +15550100</source>
        <translation>Eine Telefonnummer pro Zeile, z. B. +15550100</translation>
    </message>
    <message>
        <source>The numbers a SIP call may dial to reach this company</source>
        <translation>Die Nummern, unter denen ein SIP-Anruf diese Firma erreicht</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Telefonnummern</translation>
    </message>
    <message>
        <source>slt (a woman&apos;s voice)</source>
        <translation>slt (eine Frauenstimme)</translation>
    </message>
    <message>
        <source>rms (a man&apos;s voice)</source>
        <translation>rms (eine Männerstimme)</translation>
    </message>
    <message>
        <source>The AI&apos;s voice</source>
        <translation>Stimme der KI</translation>
    </message>
    <message>
        <source>Record calls (callers are told first)</source>
        <translation>Anrufe aufzeichnen (Anrufer werden vorher informiert)</translation>
    </message>
    <message>
        <source>Your SIP trunk&apos;s addresses, one per line: 203.0.113.7 or 54.172.60.0/30</source>
        <translation>Die Adressen Ihres SIP-Trunks, eine pro Zeile: 203.0.113.7 oder 54.172.60.0/30</translation>
    </message>
    <message>
        <source>Calls from any other address are refused (403 Forbidden); empty: any address</source>
        <translation>Anrufe von jeder anderen Adresse werden abgewiesen (403 Forbidden); leer: jede Adresse</translation>
    </message>
    <message>
        <source>Allowed sources</source>
        <translation>Erlaubte Quellen</translation>
    </message>
    <message>
        <source>Empty: no digest authentication</source>
        <translation>Leer: keine Digest-Authentifizierung</translation>
    </message>
    <message>
        <source>The user name your trunk authenticates with (SIP digest, RFC 8760)</source>
        <translation>Der Benutzername, mit dem sich Ihr Trunk anmeldet (SIP-Digest, RFC 8760)</translation>
    </message>
    <message>
        <source>Digest user name</source>
        <translation>Digest-Benutzername</translation>
    </message>
    <message>
        <source>Stored sealed and never shown; leave empty to keep the one set</source>
        <translation>Versiegelt gespeichert und nie angezeigt; leer lassen, um das gesetzte zu behalten</translation>
    </message>
    <message>
        <source>Digest password</source>
        <translation>Digest-Passwort</translation>
    </message>
    <message>
        <source>SHA-256, then MD5</source>
        <translation>SHA-256, dann MD5</translation>
    </message>
    <message>
        <source>MD5 only (older trunks and phones)</source>
        <translation>Nur MD5 (ältere Trunks und Telefone)</translation>
    </message>
    <message>
        <source>SHA-256 only</source>
        <translation>Nur SHA-256</translation>
    </message>
    <message>
        <source>Digest algorithms</source>
        <translation>Digest-Algorithmen</translation>
    </message>
    <message>
        <source>Anyone who reaches the SIP port can call these numbers: allow only your trunk&apos;s addresses or set digest credentials.</source>
        <translation>Jeder, der den SIP-Port erreicht, kann diese Nummern anrufen: Erlauben Sie nur die Adressen Ihres Trunks oder legen Sie Digest-Zugangsdaten fest.</translation>
    </message>
    <message>
        <source>Set (leave empty to keep it)</source>
        <translation>Gesetzt (leer lassen, um es zu behalten)</translation>
    </message>
    <message>
        <source>8 to 128 characters</source>
        <translation>8 bis 128 Zeichen</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConfigHistoryModel</name>
    <message>
        <source>(request)</source>
        <translation>(Anfrage)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConfigView</name>
    <message>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>What if… (replays the stored conversations with the edited config)</source>
        <translation>Was wäre, wenn… (spielt die gespeicherten Gespräche mit der bearbeiteten Konfiguration erneut ab)</translation>
    </message>
    <message>
        <source>What if…</source>
        <translation>Was wäre, wenn…</translation>
    </message>
    <message>
        <source>Conversations from</source>
        <translation>Gespräche vom</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Edit the config, then see what it would have changed.</source>
        <translation>Bearbeiten Sie die Konfiguration und sehen Sie dann, was sie geändert hätte.</translation>
    </message>
    <message>
        <source>Replayed: requests for a person or manager, legal and public threats, the irate protocol, each tier&apos;s authority and switch. Not replayed: repeat contact, unanswered turns (complex issue) and what an order still owes.</source>
        <translation>Nachgespielt: Wünsche nach einem Menschen oder Vorgesetzten, rechtliche und öffentliche Drohungen, das Protokoll für wütende Kunden, Befugnisse und Schalter jeder Stufe. Nicht nachgespielt: wiederholter Kontakt, unbeantwortete Runden (komplexes Anliegen) und was eine Bestellung noch schuldet.</translation>
    </message>
    <message>
        <source>History of changes</source>
        <translation>Änderungsverlauf</translation>
    </message>
    <message>
        <source>Company %1</source>
        <translation>Firma %1</translation>
    </message>
    <message>
        <source>Reverted to the saved config.</source>
        <translation>Auf die gespeicherte Konfiguration zurückgesetzt.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>This change decides escalations: see below what it would have done, then Save again.</source>
        <translation>Diese Änderung entscheidet über Eskalationen: Sehen Sie unten, was sie bewirkt hätte, und speichern Sie dann erneut.</translation>
    </message>
    <message>
        <source>Saved. The next customer message is handled with this config.</source>
        <translation>Gespeichert. Die nächste Kundennachricht wird mit dieser Konfiguration bearbeitet.</translation>
    </message>
    <message>
        <source>Replaying the conversations…</source>
        <translation>Gespräche werden nachgespielt…</translation>
    </message>
    <message>
        <source>The what-if failed: %1</source>
        <translation>Das Was-wäre-wenn ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Configuration · %1</source>
        <translation>Konfiguration · %1</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Eskalationen</translation>
    </message>
    <message>
        <source>Model replies</source>
        <translation>Modellantworten</translation>
    </message>
    <message>
        <source>A trial takes no action and moves no money: a reply claiming one is what the guard must catch. Hover over a row for the whole reply and the guard&apos;s notes.</source>
        <translation>Ein Probelauf führt keine Aktion aus und bewegt kein Geld: Eine Antwort, die das behauptet, muss die Prüfung abfangen. Für die ganze Antwort und die Hinweise der Prüfung mit der Maus über eine Zeile fahren.</translation>
    </message>
    <message>
        <source>Model replies (%1)</source>
        <translation>Modellantworten (%1)</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConnectorCallsModel</name>
    <message>
        <source>At</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConnectorDialog</name>
    <message>
        <source>Not JSON: %1 (at character %2)</source>
        <translation>Kein JSON: %1 (bei Zeichen %2)</translation>
    </message>
    <message>
        <source>Must be a JSON object: {&quot;&lt;purpose&gt;&quot;: ...}</source>
        <translation>Muss ein JSON-Objekt sein: {&quot;&lt;purpose&gt;&quot;: ...}</translation>
    </message>
    <message>
        <source>New connector</source>
        <translation>Neuer Konnektor</translation>
    </message>
    <message>
        <source>Edit connector</source>
        <translation>Konnektor bearbeiten</translation>
    </message>
    <message>
        <source>e.g. shop</source>
        <translation>z. B. shop</translation>
    </message>
    <message>
        <source>Lower-case letters, digits, dots, dashes and underscores; the configuration names it</source>
        <translation>Kleinbuchstaben, Ziffern, Punkte, Bindestriche und Unterstriche; die Konfiguration nennt ihn so</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Art</translation>
    </message>
    <message>
        <source>Serves</source>
        <translation>Dient für</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>&amp;Timeout</source>
        <translation>&amp;Zeitlimit</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Access key id</source>
        <translation>Access-Key-ID</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Requests and answers (HTTP API)</source>
        <translation>Anfragen und Antworten (HTTP-API)</translation>
    </message>
    <message>
        <source>Per purpose the request on the URL, with placeholders such as {orderId}, {customerId}, {email}, {sessionId} or {reason}; and where each field is in the answer, as a JSON pointer. docs/api.md shows Shopify and WooCommerce.</source>
        <translation>Je Zweck die Anfrage an die URL, mit Platzhaltern wie {orderId}, {customerId}, {email}, {sessionId} oder {reason}; und wo jedes Feld in der Antwort steht, als JSON-Pointer. docs/api.md zeigt Shopify und WooCommerce.</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Answer fields</source>
        <translation>Antwortfelder</translation>
    </message>
    <message>
        <source>Stripe</source>
        <translation>Stripe</translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation>Webhook-Geheimnis</translation>
    </message>
    <message>
        <source>set — leave empty to keep it</source>
        <translation>gesetzt — leer lassen, um es zu behalten</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Secret Access Key</translation>
    </message>
    <message>
        <source>sent once, never shown again</source>
        <translation>wird einmal gesendet und nie wieder angezeigt</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConnectorsModel</name>
    <message>
        <source>HTTP API</source>
        <translation>HTTP-API</translation>
    </message>
    <message>
        <source>AWS Lambda</source>
        <translation>AWS Lambda</translation>
    </message>
    <message>
        <source>Stripe</source>
        <translation>Stripe</translation>
    </message>
    <message>
        <source>order</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <source>customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <source>credit</source>
        <translation>Gutschrift</translation>
    </message>
    <message>
        <source>ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>Basic (user and password)</source>
        <translation>Basic (Benutzer und Passwort)</translation>
    </message>
    <message>
        <source>Header with a key</source>
        <translation>Header mit Schlüssel</translation>
    </message>
    <message>
        <source>AWS SigV4</source>
        <translation>AWS SigV4</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Zwecke</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Gesetzt</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>Stornierung</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConnectorsSettings</name>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Click again to remove</source>
        <translation>Zum Entfernen erneut klicken</translation>
    </message>
    <message>
        <source>Test the selected connector</source>
        <translation>Den ausgewählten Konnektor testen</translation>
    </message>
    <message>
        <source>Placeholder</source>
        <translation>Platzhalter</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Testen</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Zweck</translation>
    </message>
    <message>
        <source>Last calls</source>
        <translation>Letzte Aufrufe</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>No bodies and no secrets are kept, only how each call went.</source>
        <translation>Es werden keine Inhalte und keine Geheimnisse gespeichert, nur wie jeder Aufruf verlief.</translation>
    </message>
    <message>
        <source>Connector saved: %1.</source>
        <translation>Konnektor gespeichert: %1.</translation>
    </message>
    <message>
        <source>Connector removed: %1.</source>
        <translation>Konnektor entfernt: %1.</translation>
    </message>
    <message>
        <source>Asking %1 (%2)…</source>
        <translation>Frage %1 (%2) …</translation>
    </message>
    <message>
        <source>The test could not be made: %1</source>
        <translation>Der Test war nicht möglich: %1</translation>
    </message>
    <message>
        <source>Dry run: nothing was sent. It would send %1</source>
        <translation>Probelauf: Nichts wurde gesendet. Gesendet würde %1</translation>
    </message>
    <message>
        <source>OK in %1 ms (HTTP %2): %3</source>
        <translation>OK in %1 ms (HTTP %2): %3</translation>
    </message>
    <message>
        <source>Failed after %1 ms: %2 — %3</source>
        <translation>Fehlgeschlagen nach %1 ms: %2 — %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>What the system answered shows here.</source>
        <translation>Was das System geantwortet hat, steht hier.</translation>
    </message>
    <message>
        <source>The company&apos;s own systems: its shop or ERP for orders, customers and cancellations, its payment provider for refunds and credits, its CRM for tickets. Configuration › Connectors says which one serves what; until then Tierdesk&apos;s own store does.</source>
        <translation>Die eigenen Systeme des Unternehmens: sein Shop oder ERP für Bestellungen, Kunden und Stornierungen, sein Zahlungsanbieter für Erstattungen und Gutschriften, sein CRM für Tickets. Unter Konfiguration › Konnektoren steht, welches System wofür dient; bis dahin dient Tierdesks eigener Datenbestand.</translation>
    </message>
    <message>
        <source>Asks the system once with these values. A refund, credit or cancellation is a dry run: it shows the request and sends nothing.</source>
        <translation>Fragt das System einmal mit diesen Werten. Eine Erstattung, Gutschrift oder Stornierung ist ein Probelauf: Er zeigt die Anfrage und sendet nichts.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConsoleApp</name>
    <message>
        <source>Move secrets into the keyring</source>
        <translation>Schlüssel in den Schlüsselbund verschieben</translation>
    </message>
    <message>
        <source>The secrets stay in the file: %1</source>
        <translation>Die Schlüssel bleiben in der Datei: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s) moved into the system keyring; Tierdesk reads them there from the next start.</source>
        <translation>
            <numerusform>%n Schlüssel in den Schlüsselbund des Systems verschoben; Tierdesk liest ihn ab dem nächsten Start dort.</numerusform>
            <numerusform>%n Schlüssel in den Schlüsselbund des Systems verschoben; Tierdesk liest sie ab dem nächsten Start dort.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tierdesk is already running</source>
        <translation>Tierdesk läuft bereits</translation>
    </message>
    <message>
        <source>Your session has ended. Please log in again.</source>
        <translation>Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>This server has no accounts yet: create the first one on the server&apos;s own console.</source>
        <translation>Dieser Server hat noch keine Konten: Legen Sie das erste an der Konsole des Servers selbst an.</translation>
    </message>
    <message>
        <source>Not logged in: close and start again to log in.</source>
        <translation>Nicht angemeldet: Schließen und neu starten, um sich anzumelden.</translation>
    </message>
    <message>
        <source>Wrong e-mail or password.</source>
        <translation>E-Mail-Adresse oder Passwort falsch.</translation>
    </message>
    <message>
        <source>Your login to %1 has ended: sign in to it again.</source>
        <translation>Ihre Anmeldung bei %1 ist abgelaufen: Bitte melden Sie sich dort erneut an.</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Rename company</source>
        <translation>Firma umbenennen</translation>
    </message>
    <message>
        <source>The company&apos;s new name:</source>
        <translation>Der neue Name der Firma:</translation>
    </message>
    <message>
        <source>The company was not renamed: %1</source>
        <translation>Die Firma wurde nicht umbenannt: %1</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>Abgemeldet.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed logins: try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele fehlgeschlagene Anmeldungen: Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele fehlgeschlagene Anmeldungen: Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You signed in with a recovery code; %n code(s) left. Under Settings › Sign-in you can set up your second factor again for new ones.</source>
        <translation>
            <numerusform>Sie haben sich mit einem Wiederherstellungscode angemeldet; %n Code bleibt übrig. Unter Einstellungen › Anmeldung können Sie Ihren zweiten Faktor neu einrichten und erhalten neue Codes.</numerusform>
            <numerusform>Sie haben sich mit einem Wiederherstellungscode angemeldet; %n Codes bleiben übrig. Unter Einstellungen › Anmeldung können Sie Ihren zweiten Faktor neu einrichten und erhalten neue Codes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sign-in took too long. Log in again.</source>
        <translation>Die Anmeldung hat zu lange gedauert. Bitte melden Sie sich erneut an.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong codes: try again in %n second(s).</source>
        <translation>
            <numerusform>Zu viele falsche Codes: Versuchen Sie es in %n Sekunde erneut.</numerusform>
            <numerusform>Zu viele falsche Codes: Versuchen Sie es in %n Sekunden erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>That recovery code is wrong or was already used.</source>
        <translation>Dieser Wiederherstellungscode ist falsch oder wurde bereits verwendet.</translation>
    </message>
    <message>
        <source>That code is wrong or was already used. Enter the code your app shows now.</source>
        <translation>Dieser Code ist falsch oder wurde bereits verwendet. Geben Sie den Code ein, den Ihre App jetzt anzeigt.</translation>
    </message>
    <message>
        <source>Single sign-on into %1 did not work: %2</source>
        <translation>Die Single-Sign-on-Anmeldung bei %1 hat nicht geklappt: %2</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConsoleCalls</name>
    <message>
        <source>The call could not be changed: %1</source>
        <translation>Der Anruf konnte nicht geändert werden: %1</translation>
    </message>
    <message>
        <source>a caller</source>
        <translation>einem Anrufer</translation>
    </message>
    <message>
        <source>Incoming call from %1 (%2 queue)</source>
        <translation>Eingehender Anruf von %1 (Warteschlange %2)</translation>
    </message>
    <message numerus="yes">
        <source>Incoming call from %1 (%2 queue), %n calls waiting</source>
        <translation>
            <numerusform>Eingehender Anruf von %1 (Warteschlange %2), %n Anruf wartet</numerusform>
            <numerusform>Eingehender Anruf von %1 (Warteschlange %2), %n Anrufe warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Incoming call</source>
        <translation>Eingehender Anruf</translation>
    </message>
    <message>
        <source>The connection to the server was lost: the call went back in line.</source>
        <translation>Die Verbindung zum Server ist abgebrochen: Der Anruf ist wieder in der Warteschlange.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConsoleStatusBar</name>
    <message>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <source>● Available</source>
        <translation>● Verfügbar</translation>
    </message>
    <message>
        <source>◐ Away</source>
        <translation>◐ Abwesend</translation>
    </message>
    <message>
        <source>Presence not changed: %1</source>
        <translation>Status nicht geändert: %1</translation>
    </message>
    <message>
        <source>Serving the CS API at %1/api/cs
Data directory: %2
Secrets: %3</source>
        <translation>CS-API unter %1/api/cs
Datenverzeichnis: %2
Schlüssel: %3</translation>
    </message>
    <message>
        <source>The engine could not start</source>
        <translation>Die Engine konnte nicht starten</translation>
    </message>
    <message>
        <source>○ Server reconnecting to its database…</source>
        <translation>○ Server verbindet sich neu mit seiner Datenbank…</translation>
    </message>
    <message>
        <source>● Live</source>
        <translation>● Verbunden</translation>
    </message>
    <message>
        <source>○ Connecting…</source>
        <translation>○ Verbinde…</translation>
    </message>
    <message>
        <source>○ Connection lost — retrying</source>
        <translation>○ Verbindung unterbrochen — neuer Versuch</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message>
        <source>%1 waiting · %2 claimed</source>
        <translation>%1 wartend · %2 übernommen</translation>
    </message>
    <message>
        <source> · &lt;span style=&quot;color:#9b1c1c&quot;&gt;&lt;b&gt;%1 breached&lt;/b&gt;&lt;/span&gt;</source>
        <translation> · &lt;span style=&quot;color:#9b1c1c&quot;&gt;&lt;b&gt;%1 überschritten&lt;/b&gt;&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConsoleTray</name>
    <message>
        <source>Tierdesk</source>
        <translation>Tierdesk</translation>
    </message>
    <message>
        <source>Tierdesk: %1 waiting</source>
        <translation>Tierdesk: %1 wartend</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ContextPanel</name>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>Escalations</source>
        <translation>Eskalationen</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#8a94a3&quot;&gt;No customer data&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#8a94a3&quot;&gt;Keine Kundendaten&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 tier</source>
        <translation>Kundenstufe %1</translation>
    </message>
    <message>
        <source>lifetime value %1</source>
        <translation>Kundenwert %1</translation>
    </message>
    <message>
        <source>&amp;nbsp;&lt;span style=&quot;color:#5f6b7a&quot;&gt;%1 refunded&lt;/span&gt;</source>
        <translation>&amp;nbsp;&lt;span style=&quot;color:#5f6b7a&quot;&gt;%1 erstattet&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#8a94a3&quot;&gt;None&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#8a94a3&quot;&gt;Keine&lt;/span&gt;</translation>
    </message>
    <message>
        <source> · automatic</source>
        <translation> · automatisch</translation>
    </message>
    <message>
        <source>Could not load orders: %1</source>
        <translation>Bestellungen konnten nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConversationFiles</name>
    <message>
        <source>Attach a file…</source>
        <translation>Datei anhängen…</translation>
    </message>
    <message>
        <source>Send the customer an image (PNG, JPEG, WebP, GIF) or a PDF</source>
        <translation>Dem Kunden ein Bild (PNG, JPEG, WebP, GIF) oder ein PDF senden</translation>
    </message>
    <message>
        <source>The file could not be read</source>
        <translation>Die Datei konnte nicht gelesen werden</translation>
    </message>
    <message>
        <source>The file could not be saved: %1</source>
        <translation>Die Datei konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Send a file to the customer</source>
        <translation>Dem Kunden eine Datei senden</translation>
    </message>
    <message>
        <source>Images and PDFs (*.png *.jpg *.jpeg *.webp *.gif *.pdf)</source>
        <translation>Bilder und PDFs (*.png *.jpg *.jpeg *.webp *.gif *.pdf)</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB</source>
        <translation>Die Datei ist größer als %1 MB</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Die Datei konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>File sent</source>
        <translation>Datei gesendet</translation>
    </message>
    <message>
        <source>The file was not sent: %1</source>
        <translation>Die Datei wurde nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConversationHeader</name>
    <message>
        <source>Copy session id</source>
        <translation>Sitzungs-ID kopieren</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Weiterleiten…</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Abschließen…</translation>
    </message>
    <message>
        <source>Refund / credit…</source>
        <translation>Erstattung / Gutschrift…</translation>
    </message>
    <message>
        <source>Issue a refund or credit (Ctrl+Shift+M)</source>
        <translation>Erstattung oder Gutschrift (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <source>Snooze…</source>
        <translation>Zurückstellen…</translation>
    </message>
    <message>
        <source>Out of the queue until a later time; back at once when the customer writes</source>
        <translation>Bis später aus der Warteschlange nehmen; sofort zurück, wenn der Kunde schreibt</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <source>For 4 hours</source>
        <translation>Für 4 Stunden</translation>
    </message>
    <message>
        <source>Until tomorrow 9:00</source>
        <translation>Bis morgen 9:00</translation>
    </message>
    <message>
        <source>Until…</source>
        <translation>Bis…</translation>
    </message>
    <message>
        <source>claimed by you</source>
        <translation>von Ihnen übernommen</translation>
    </message>
    <message>
        <source>claimed by %1</source>
        <translation>übernommen von %1</translation>
    </message>
    <message>
        <source>unclaimed</source>
        <translation>nicht übernommen</translation>
    </message>
    <message>
        <source>snoozed until %1</source>
        <translation>zurückgestellt bis %1</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>nur lesend</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>No conversation open</source>
        <translation>Kein Gespräch geöffnet</translation>
    </message>
    <message>
        <source>Session %1 (right-click to copy)</source>
        <translation>Sitzung %1 (Rechtsklick zum Kopieren)</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ConversationView</name>
    <message>
        <source>The canned response</source>
        <translation>Textbaustein</translation>
    </message>
    <message>
        <source>Opening the conversation</source>
        <translation>Gespräch wird geöffnet</translation>
    </message>
    <message>
        <source>%1 wrote while you were typing. Read it above before you send.</source>
        <translation>%1 hat geschrieben, während Sie getippt haben. Lesen Sie es oben, bevor Sie senden.</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>The reply</source>
        <translation>Antwort</translation>
    </message>
    <message numerus="yes">
        <source>The customer wrote %n new message(s) while you were typing. Your reply was not sent.</source>
        <translation>
            <numerusform>Der Kunde hat %n neue Nachricht geschrieben, während Sie getippt haben. Ihre Antwort wurde nicht gesendet.</numerusform>
            <numerusform>Der Kunde hat %n neue Nachrichten geschrieben, während Sie getippt haben. Ihre Antwort wurde nicht gesendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 has already claimed this conversation.</source>
        <translation>%1 hat dieses Gespräch bereits übernommen.</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Jemand anderes</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>Claiming</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Releasing</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Weitergeleitet</translation>
    </message>
    <message>
        <source>The transfer</source>
        <translation>Weiterleitung</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Resolving</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>The refund</source>
        <translation>Erstattung</translation>
    </message>
    <message>
        <source>The credit</source>
        <translation>Gutschrift</translation>
    </message>
    <message>
        <source>Refunded %1 for %2</source>
        <translation>%1 für %2 erstattet</translation>
    </message>
    <message>
        <source>Credited %1</source>
        <translation>%1 gutgeschrieben</translation>
    </message>
    <message>
        <source>%1 was refused: %2</source>
        <translation>%1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>%1 is answering this customer. Your reply was not sent.</source>
        <translation>%1 antwortet diesem Kunden. Ihre Antwort wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>Snoozed until %1</source>
        <translation>Zurückgestellt bis %1</translation>
    </message>
    <message>
        <source>Snoozing</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>%1 is typing a reply. Send yours anyway?</source>
        <translation>%1 schreibt gerade eine Antwort. Ihre trotzdem senden?</translation>
    </message>
    <message>
        <source>%1 are typing replies. Send yours anyway?</source>
        <translation>%1 schreiben gerade Antworten. Ihre trotzdem senden?</translation>
    </message>
    <message>
        <source>%1 was refused: %2 Your limit is %3.</source>
        <translation>%1 abgelehnt: %2 Ihr Limit beträgt %3.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomerDetails</name>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <source>Double-click a conversation to open it</source>
        <translation>Doppelklick öffnet das Gespräch</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Kundenwert</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Credit balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>Kunde seit</translation>
    </message>
    <message>
        <source>Erased customer</source>
        <translation>Gelöschter Kunde</translation>
    </message>
    <message>
        <source>%1 · personal data erased on %2</source>
        <translation>%1 · personenbezogene Daten gelöscht am %2</translation>
    </message>
    <message>
        <source>%1 · VIP</source>
        <translation>%1 · VIP</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 a month</source>
        <translation>%1 · %2 · %3 im Monat</translation>
    </message>
    <message>
        <source>Conversations (the newest %1 of %2)</source>
        <translation>Gespräche (die neuesten %1 von %2)</translation>
    </message>
    <message>
        <source>Conversations (%1)</source>
        <translation>Gespräche (%1)</translation>
    </message>
    <message>
        <source>Choose a customer to see their details and conversations.</source>
        <translation>Wählen Sie einen Kunden, um seine Angaben und Gespräche zu sehen.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>Neuer Kunde</translation>
    </message>
    <message>
        <source>Edit customer</source>
        <translation>Kunde bearbeiten</translation>
    </message>
    <message>
        <source>The id your own systems know the customer by (letters, digits and . _ : @ -)</source>
        <translation>Die Kennung, unter der Ihre eigenen Systeme den Kunden kennen (Buchstaben, Ziffern und . _ : @ -)</translation>
    </message>
    <message>
        <source>+49 30 1234567</source>
        <translation>+49 30 1234567</translation>
    </message>
    <message>
        <source>&amp;VIP</source>
        <translation>&amp;VIP</translation>
    </message>
    <message>
        <source>&amp;Id</source>
        <translation>&amp;Kennung</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation>&amp;Stufe</translation>
    </message>
    <message>
        <source>&amp;Lifetime value</source>
        <translation>&amp;Kundenwert</translation>
    </message>
    <message>
        <source>&amp;Subscription</source>
        <translation>A&amp;bonnement</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Monthly price</source>
        <translation>Monatspreis</translation>
    </message>
    <message>
        <source>&amp;Attributes</source>
        <translation>&amp;Attribute</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add attribute</source>
        <translation>Attribut hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomerSessionsModel</name>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Anliegen</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomersModel</name>
    <message numerus="yes">
        <source>None here of %n customer(s)</source>
        <translation>
            <numerusform>Keiner hier von %n Kunden</numerusform>
            <numerusform>Keiner hier von %n Kunden</numerusform>
        </translation>
    </message>
    <message>
        <source>No customers</source>
        <translation>Keine Kunden</translation>
    </message>
    <message numerus="yes">
        <source>%1–%2 of %n customer(s)</source>
        <translation>
            <numerusform>%1–%2 von %n Kunden</numerusform>
            <numerusform>%1–%2 von %n Kunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>Kundenwert</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>(gelöscht)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Gekündigt</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::CustomersView</name>
    <message>
        <source>&amp;Edit...</source>
        <translation>&amp;Bearbeiten...</translation>
    </message>
    <message>
        <source>E&amp;rase...</source>
        <translation>&amp;Löschen...</translation>
    </message>
    <message>
        <source>Erase this customer&apos;s personal data (GDPR Art. 17)</source>
        <translation>Die personenbezogenen Daten dieses Kunden löschen (DSGVO Art. 17)</translation>
    </message>
    <message>
        <source>Search by name, e-mail, phone or id...</source>
        <translation>Nach Name, E-Mail, Telefon oder Kennung suchen...</translation>
    </message>
    <message>
        <source>&amp;New customer...</source>
        <translation>&amp;Neuer Kunde...</translation>
    </message>
    <message>
        <source>&amp;Import CSV...</source>
        <translation>CSV &amp;importieren...</translation>
    </message>
    <message>
        <source>Customers from a CSV file (id, name, email, phone, tier, isVIP, lifetimeValue; other columns become attributes), checked first</source>
        <translation>Kunden aus einer CSV-Datei (id, name, email, phone, tier, isVIP, lifetimeValue; weitere Spalten werden Attribute), zuerst geprüft</translation>
    </message>
    <message>
        <source>&lt; &amp;Previous</source>
        <translation>&lt; &amp;Zurück</translation>
    </message>
    <message>
        <source>Ne&amp;xt &gt;</source>
        <translation>&amp;Weiter &gt;</translation>
    </message>
    <message>
        <source>The customers could not be loaded: %1</source>
        <translation>Die Kunden konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The conversations could not be loaded: %1</source>
        <translation>Die Gespräche konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 was added.</source>
        <translation>%1 wurde angelegt.</translation>
    </message>
    <message>
        <source>%1 was saved.</source>
        <translation>%1 wurde gespeichert.</translation>
    </message>
    <message>
        <source>Erase %1?</source>
        <translation>%1 löschen?</translation>
    </message>
    <message>
        <source>Erase the personal data of %1 (%2)?</source>
        <translation>Die personenbezogenen Daten von %1 (%2) löschen?</translation>
    </message>
    <message>
        <source>Their name, e-mail, phone and attributes are removed, and in every conversation they had, their name, e-mail, phone, card numbers and addresses are replaced by [erased ...]. Their sign-ins to the chat stop working. The customer id, tier, lifetime value, credit balance and subscription stay, and so do the conversations and the analytics&apos; counts.

This cannot be undone.</source>
        <translation>Name, E-Mail, Telefon und Attribute werden entfernt, und in jedem seiner Gespräche werden sein Name, seine E-Mail, Telefon- und Kartennummern und Anschriften durch [erased ...] ersetzt. Seine Anmeldungen im Chat gelten nicht mehr. Kundenkennung, Stufe, Kundenwert, Guthaben und Abonnement bleiben, ebenso die Gespräche und die Zahlen der Auswertungen.

Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>Personenbezogene Daten löschen</translation>
    </message>
    <message>
        <source>The personal data of %1 was erased.</source>
        <translation>Die personenbezogenen Daten von %1 wurden gelöscht.</translation>
    </message>
    <message>
        <source>Erasing failed: %1</source>
        <translation>Löschen fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::DeliveriesModel</name>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::DeskHoursLabel</name>
    <message>
        <source>The desk&apos;s business hours (%1). SLA due times count only open hours.</source>
        <translation>Die Öffnungszeiten des Teams (%1). SLA-Fälligkeiten zählen nur die Öffnungszeiten.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::EmailSettings</name>
    <message>
        <source>smtp.example.com (empty: no e-mail)</source>
        <translation>smtp.example.com (leer: keine E-Mails)</translation>
    </message>
    <message>
        <source>STARTTLS (required)</source>
        <translation>STARTTLS (erforderlich)</translation>
    </message>
    <message>
        <source>TLS from the start (smtps)</source>
        <translation>TLS von Anfang an (smtps)</translation>
    </message>
    <message>
        <source>None (a relay on this host only)</source>
        <translation>Keine (nur ein Relay auf diesem Rechner)</translation>
    </message>
    <message>
        <source>Tierdesk &lt;desk@example.com&gt;</source>
        <translation>Tierdesk &lt;desk@example.com&gt;</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>SMTP server</source>
        <translation>SMTP-Server</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Verschlüsselung</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Absender</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source>stored (type to replace)</source>
        <translation>gespeichert (zum Ersetzen eintippen)</translation>
    </message>
    <message>
        <source>none stored</source>
        <translation>keines gespeichert</translation>
    </message>
    <message>
        <source>This server holds several companies: its e-mail settings are set in tierdesk.ini by its operator.</source>
        <translation>Dieser Server betreut mehrere Unternehmen: Seine E-Mail-Einstellungen legt der Betreiber in tierdesk.ini fest.</translation>
    </message>
    <message>
        <source>Escalation e-mail is being sent. Changes apply when the server next starts.</source>
        <translation>Eskalations-E-Mails werden versendet. Änderungen gelten ab dem nächsten Start des Servers.</translation>
    </message>
    <message>
        <source>Escalation e-mail is off. Changes apply when the server next starts.</source>
        <translation>Eskalations-E-Mails sind aus. Änderungen gelten ab dem nächsten Start des Servers.</translation>
    </message>
    <message>
        <source>Saved. The server uses these settings from its next start.</source>
        <translation>Gespeichert. Der Server verwendet diese Einstellungen ab seinem nächsten Start.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::EngineController</name>
    <message>
        <source>The embedded server is not running.</source>
        <translation>Der eingebettete Server läuft nicht.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::Headset</name>
    <message>
        <source>No microphone or speaker was found.</source>
        <translation>Es wurde kein Mikrofon oder Lautsprecher gefunden.</translation>
    </message>
    <message>
        <source>The headset could not be opened (%1, %2).</source>
        <translation>Das Headset konnte nicht geöffnet werden (%1, %2).</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::HeadsetSettings</name>
    <message>
        <source>Calls you accept use these; the next call picks up a change.</source>
        <translation>Angenommene Anrufe nutzen diese Geräte; eine Änderung gilt ab dem nächsten Anruf.</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Lautsprecher</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::HeldSessionsModel</name>
    <message>
        <source>Breached</source>
        <translation>Überschritten</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Im Zeitplan</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>Bearbeitet von</translation>
    </message>
    <message>
        <source>Held for</source>
        <translation>Bearbeitet seit</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ImportCustomersDialog</name>
    <message>
        <source>Import customers</source>
        <translation>Kunden importieren</translation>
    </message>
    <message>
        <source>Customers (*.csv *.ndjson *.jsonl);;CSV (*.csv);;All files (*)</source>
        <translation>Kunden (*.csv *.ndjson *.jsonl);;CSV (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import customers from %1</source>
        <translation>Kunden aus %1 importieren</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>%1 is larger than the 50 MB an import may be.</source>
        <translation>%1 ist größer als die 50 MB, die ein Import haben darf.</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Checking %1 (nothing is written yet)...</source>
        <translation>%1 wird geprüft (noch wird nichts geschrieben)...</translation>
    </message>
    <message>
        <source>Importing %1...</source>
        <translation>%1 wird importiert...</translation>
    </message>
    <message>
        <source>The import was refused: %1</source>
        <translation>Der Import wurde abgelehnt: %1</translation>
    </message>
    <message>
        <source>Checked; nothing is written yet. Importing would create %1, update %2 and leave %3 unchanged.</source>
        <translation>Geprüft; noch ist nichts geschrieben. Der Import würde %1 anlegen, %2 aktualisieren und %3 unverändert lassen.</translation>
    </message>
    <message>
        <source>Imported: %1 created, %2 updated, %3 unchanged.</source>
        <translation>Importiert: %1 angelegt, %2 aktualisiert, %3 unverändert.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) would be refused; the others can be imported:</source>
        <translation>
            <numerusform>%n Zeile würde abgelehnt; die übrigen können importiert werden:</numerusform>
            <numerusform>%n Zeilen würden abgelehnt; die übrigen können importiert werden:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were refused:</source>
        <translation>
            <numerusform>%n Zeile wurde abgelehnt:</numerusform>
            <numerusform>%n Zeilen wurden abgelehnt:</numerusform>
        </translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::KbGapsModel</name>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Gefragt</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Gespräche</translation>
    </message>
    <message>
        <source>To a person</source>
        <translation>An eine Person</translation>
    </message>
    <message>
        <source>Resolved by people</source>
        <translation>Von Menschen gelöst</translation>
    </message>
    <message>
        <source>Last asked</source>
        <translation>Zuletzt gefragt</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::KbGapsView</name>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Asked in:</source>
        <translation>Gefragt in:</translation>
    </message>
    <message>
        <source>Draft an article</source>
        <translation>Artikel entwerfen</translation>
    </message>
    <message>
        <source>Opens a new article with the questions and what your team answered, to edit and save</source>
        <translation>Öffnet einen neuen Artikel mit den Fragen und den Antworten Ihres Teams, zum Bearbeiten und Speichern</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Dismiss: sure?</source>
        <translation>Verwerfen: sicher?</translation>
    </message>
    <message>
        <source>Hides this group; the same question asked later shows again</source>
        <translation>Blendet diese Gruppe aus; dieselbe Frage erscheint wieder, wenn sie später gestellt wird</translation>
    </message>
    <message>
        <source>Asked as:</source>
        <translation>Gefragt als:</translation>
    </message>
    <message>
        <source>Nothing unanswered: the AI answered every question it was asked.</source>
        <translation>Nichts offen: Die KI hat jede gestellte Frage beantwortet.</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) of questions the AI could not answer</source>
        <translation>
            <numerusform>%n Gruppe von Fragen, die die KI nicht beantworten konnte</numerusform>
            <numerusform>%n Gruppen von Fragen, die die KI nicht beantworten konnte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n question(s) in all</source>
        <translation>
            <numerusform>, insgesamt %n Frage</numerusform>
            <numerusform>, insgesamt %n Fragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a question to see how customers asked it.</source>
        <translation>Wählen Sie eine Frage, um zu sehen, wie Kunden sie gestellt haben.</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Asked %n time(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%n-mal gefragt</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%n-mal gefragt</numerusform>
        </translation>
    </message>
    <message>
        <source>A draft is open under Articles: edit it and save it to answer these questions.</source>
        <translation>Ein Entwurf ist unter Artikel geöffnet: Bearbeiten und speichern Sie ihn, um diese Fragen zu beantworten.</translation>
    </message>
    <message>
        <source>Dismissed.</source>
        <translation>Verworfen.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::KbImporter</name>
    <message>
        <source>reading the knowledge base: %1</source>
        <translation>Lesen der Wissensdatenbank: %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::KbModel</name>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>%1, edited</source>
        <translation>%1, bearbeitet</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::KbSourceDialog</name>
    <message>
        <source>Add a Zendesk Help Center</source>
        <translation>Zendesk Help Center hinzufügen</translation>
    </message>
    <message>
        <source>Add a website</source>
        <translation>Website hinzufügen</translation>
    </message>
    <message>
        <source>The Help Center&apos;s address: https://&lt;subdomain&gt;.zendesk.com</source>
        <translation>Die Adresse des Help Centers: https://&lt;subdomain&gt;.zendesk.com</translation>
    </message>
    <message>
        <source>A sitemap (sitemap.xml) or a start page whose links are followed</source>
        <translation>Eine Sitemap (sitemap.xml) oder eine Startseite, deren Links gefolgt wird</translation>
    </message>
    <message>
        <source>every </source>
        <translation>alle </translation>
    </message>
    <message>
        <source> hours</source>
        <translation> Stunden</translation>
    </message>
    <message>
        <source>only when asked</source>
        <translation>nur auf Anfrage</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>the agent&apos;s e-mail the token belongs to</source>
        <translation>die E-Mail-Adresse des Agenten, dem das Token gehört</translation>
    </message>
    <message>
        <source>optional: only for a Help Center that needs a sign-in</source>
        <translation>optional: nur für ein Help Center mit Anmeldung</translation>
    </message>
    <message>
        <source>&amp;Locale</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>API &amp;token</source>
        <translation>API-&amp;Token</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <source>At most</source>
        <translation>Höchstens</translation>
    </message>
    <message>
        <source> articles</source>
        <translation> Artikel</translation>
    </message>
    <message>
        <source>&amp;Only under</source>
        <translation>&amp;Nur unter</translation>
    </message>
    <message>
        <source>&amp;Never under</source>
        <translation>Nie &amp;unter</translation>
    </message>
    <message>
        <source> pages</source>
        <translation> Seiten</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>S&amp;ynchronisieren</translation>
    </message>
    <message>
        <source>Published articles are read; drafts are left out.</source>
        <translation>Veröffentlichte Artikel werden gelesen, Entwürfe ausgelassen.</translation>
    </message>
    <message>
        <source>Paths one a line, each starting with /. robots.txt is obeyed.</source>
        <translation>Ein Pfad pro Zeile, jeder beginnt mit /. robots.txt wird befolgt.</translation>
    </message>
    <message>
        <source>Add and sync</source>
        <translation>Hinzufügen und synchronisieren</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::KbSourcesModel</name>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Zendesk Help Center</source>
        <translation>Zendesk Help Center</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Running: %1 of %2 pages</source>
        <translation>Läuft: %1 von %2 Seiten</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>when asked</source>
        <translation>auf Anfrage</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzte Synchronisierung</translation>
    </message>
    <message>
        <source>Next sync</source>
        <translation>Nächste Synchronisierung</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Entfernt</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::KnowledgeSources</name>
    <message>
        <source>Add &amp;website...</source>
        <translation>&amp;Website hinzufügen...</translation>
    </message>
    <message>
        <source>Your help center&apos;s sitemap or start page: its pages become articles, kept in sync</source>
        <translation>Die Sitemap oder Startseite Ihres Help Centers: ihre Seiten werden zu Artikeln und bleiben synchron</translation>
    </message>
    <message>
        <source>Add &amp;Zendesk Help Center...</source>
        <translation>&amp;Zendesk Help Center hinzufügen...</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Click again: its articles go too</source>
        <translation>Erneut klicken: seine Artikel gehen mit</translation>
    </message>
    <message>
        <source>Removes the source and every article it brought, edited ones too</source>
        <translation>Entfernt die Quelle und jeden Artikel, den sie gebracht hat, auch bearbeitete</translation>
    </message>
    <message>
        <source>Selected source</source>
        <translation>Ausgewählte Quelle</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Why it failed</source>
        <translation>Warum sie fehlschlug</translation>
    </message>
    <message>
        <source>No source yet: add your help center&apos;s website or Zendesk Help Center, and its articles are read and kept in sync.</source>
        <translation>Noch keine Quelle: Fügen Sie die Website oder das Zendesk Help Center Ihrer Firma hinzu, und seine Artikel werden gelesen und synchron gehalten.</translation>
    </message>
    <message>
        <source>Choose a source.</source>
        <translation>Wählen Sie eine Quelle.</translation>
    </message>
    <message>
        <source>%v of %m pages read</source>
        <translation>%v von %m Seiten gelesen</translation>
    </message>
    <message>
        <source>Not synced yet.</source>
        <translation>Noch nicht synchronisiert.</translation>
    </message>
    <message>
        <source>Last sync %1: %2 imported, %3 updated, %4 removed.</source>
        <translation>Letzte Synchronisierung %1: %2 importiert, %3 aktualisiert, %4 entfernt.</translation>
    </message>
    <message>
        <source>Synced only when asked.</source>
        <translation>Synchronisiert nur auf Anfrage.</translation>
    </message>
    <message>
        <source>Next sync %1.</source>
        <translation>Nächste Synchronisierung %1.</translation>
    </message>
    <message>
        <source>The last sync failed: %1</source>
        <translation>Die letzte Synchronisierung schlug fehl: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) could not be read; the articles they gave before are kept:</source>
        <translation>
            <numerusform>%n Seite konnte nicht gelesen werden; ihr bisheriger Artikel bleibt erhalten:</numerusform>
            <numerusform>%n Seiten konnten nicht gelesen werden; ihre bisherigen Artikel bleiben erhalten:</numerusform>
        </translation>
    </message>
    <message>
        <source>Added %1: its first sync is queued.</source>
        <translation>%1 hinzugefügt: die erste Synchronisierung wartet.</translation>
    </message>
    <message>
        <source>Sync queued.</source>
        <translation>Synchronisierung wartet.</translation>
    </message>
    <message>
        <source>Removed %1 and the articles it brought.</source>
        <translation>%1 entfernt, mit den Artikeln, die die Quelle gebracht hat.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::KnowledgeView</name>
    <message>
        <source>Search the knowledge base as the AI does...</source>
        <translation>Wissensdatenbank durchsuchen, wie die KI es tut...</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation>Im&amp;portieren...</translation>
    </message>
    <message>
        <source>A folder of Markdown (front matter: title, category, keywords) or JSON articles</source>
        <translation>Ein Ordner mit Markdown-Artikeln (Front Matter: title, category, keywords) oder JSON-Artikeln</translation>
    </message>
    <message>
        <source>Import articles from</source>
        <translation>Artikel importieren aus</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>comma-separated: what customers say when they mean this</source>
        <translation>kommagetrennt: was Kunden sagen, wenn sie dies meinen</translation>
    </message>
    <message>
        <source>one step a line</source>
        <translation>ein Schritt pro Zeile</translation>
    </message>
    <message>
        <source>slugs of related articles, comma-separated</source>
        <translation>Slugs verwandter Artikel, kommagetrennt</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Titel</translation>
    </message>
    <message>
        <source>C&amp;ategory</source>
        <translation>&amp;Kategorie</translation>
    </message>
    <message>
        <source>&amp;Keywords</source>
        <translation>&amp;Schlagwörter</translation>
    </message>
    <message>
        <source>C&amp;ontent</source>
        <translation>&amp;Inhalt</translation>
    </message>
    <message>
        <source>&amp;Steps</source>
        <translation>Sc&amp;hritte</translation>
    </message>
    <message>
        <source>&amp;Related</source>
        <translation>&amp;Verwandt</translation>
    </message>
    <message>
        <source>&amp;New article</source>
        <translation>&amp;Neuer Artikel</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Spei&amp;chern</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n Artikel</numerusform>
            <numerusform>%n Artikel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Your company&apos;s article (%1), read %n time(s).</source>
        <translation>
            <numerusform>Artikel Ihrer Firma (%1), %n-mal gelesen.</numerusform>
            <numerusform>Artikel Ihrer Firma (%1), %n-mal gelesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>A new article for your company.</source>
        <translation>Ein neuer Artikel für Ihre Firma.</translation>
    </message>
    <message>
        <source>Saved. The AI answers from these words from the next message on.</source>
        <translation>Gespeichert. Die KI antwortet ab der nächsten Nachricht mit diesem Wortlaut.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Click again to delete</source>
        <translation>Zum Löschen erneut klicken</translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation>Gelöscht.</translation>
    </message>
    <message>
        <source>%v of %m: %1</source>
        <translation>%v von %m: %1</translation>
    </message>
    <message>
        <source>Imported: %1 new, %2 updated.</source>
        <translation>Importiert: %1 neu, %2 aktualisiert.</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Nicht importiert: %1</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Add &amp;files...</source>
        <translation>&amp;Dateien hinzufügen...</translation>
    </message>
    <message>
        <source>PDF, HTML, Markdown or text files, each made an article (or drop them here)</source>
        <translation>PDF-, HTML-, Markdown- oder Textdateien, jede wird ein Artikel (oder ziehen Sie sie hierher)</translation>
    </message>
    <message>
        <source>Articles (%1)</source>
        <translation>Artikel (%1)</translation>
    </message>
    <message>
        <source>Add files as articles</source>
        <translation>Dateien als Artikel hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>From the file %1, read %n time(s).</source>
        <translation>
            <numerusform>Aus der Datei %1, %n-mal gelesen.</numerusform>
            <numerusform>Aus der Datei %1, %n-mal gelesen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported from %1 %2, read %n time(s).</source>
        <translation>
            <numerusform>Importiert von %1 %2, %n-mal gelesen.</numerusform>
            <numerusform>Importiert von %1 %2, %n-mal gelesen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Edited since by a person: syncs leave it alone.</source>
        <translation>Seitdem von einer Person bearbeitet: Synchronisierungen lassen ihn unverändert.</translation>
    </message>
    <message>
        <source>%1: a folder (Import... reads folders)</source>
        <translation>%1: ein Ordner (Importieren... liest Ordner)</translation>
    </message>
    <message>
        <source>%1: at most %2 files at once</source>
        <translation>%1: höchstens %2 Dateien auf einmal</translation>
    </message>
    <message>
        <source>%1: too large (20 MB a file, 110 MB at once)</source>
        <translation>%1: zu groß (20 MB pro Datei, 110 MB auf einmal)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No article was made.</source>
        <translation>Es wurde kein Artikel angelegt.</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) made: %1</source>
        <translation>
            <numerusform>%n Artikel angelegt: %1</numerusform>
            <numerusform>%n Artikel angelegt: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Not read:</source>
        <translation>Nicht gelesen:</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) made</source>
        <translation>
            <numerusform>%n Artikel angelegt</numerusform>
            <numerusform>%n Artikel angelegt</numerusform>
        </translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>Lücken</translation>
    </message>
    <message>
        <source>A draft from what customers asked and what your team answered: edit it, then save it.</source>
        <translation>Ein Entwurf aus den Fragen der Kunden und den Antworten Ihres Teams: bearbeiten, dann speichern.</translation>
    </message>
    <message>
        <source>A draft the AI (%1) wrote from what your team answered: check it, then save it.</source>
        <translation>Ein Entwurf, den die KI (%1) aus den Antworten Ihres Teams geschrieben hat: prüfen, dann speichern.</translation>
    </message>
    <message>
        <source>The AI&apos;s draft stated what your team never said (%1), so the questions and answers are quoted instead: edit them, then save.</source>
        <translation>Der Entwurf der KI enthielt, was Ihr Team nie gesagt hat (%1), daher sind stattdessen Fragen und Antworten zitiert: bearbeiten, dann speichern.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::LoginDialog</name>
    <message>
        <source>Log in to Tierdesk</source>
        <translation>Bei Tierdesk anmelden</translation>
    </message>
    <message>
        <source>Server: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Server: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>you@company.com</source>
        <translation>sie@firma.de</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Auf diesem Computer angemeldet bleiben</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Enter your e-mail and password.</source>
        <translation>Geben Sie Ihre E-Mail-Adresse und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Your company requires a second factor for every sign-in. Set one up now to continue.</source>
        <translation>Ihr Unternehmen verlangt für jede Anmeldung einen zweiten Faktor. Richten Sie jetzt einen ein, um fortzufahren.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Single sign-on did not sign you in (%1).</source>
        <translation>Die Single-Sign-on-Anmeldung ist fehlgeschlagen (%1).</translation>
    </message>
    <message>
        <source>Sign in with single sign-on</source>
        <translation>Mit Single Sign-on anmelden</translation>
    </message>
    <message>
        <source>Sign in through your company&apos;s identity provider. Your browser opens; when you are signed in there, come back here.</source>
        <translation>Melden Sie sich über den Identitätsanbieter Ihres Unternehmens an. Ihr Browser öffnet sich; sobald Sie dort angemeldet sind, kehren Sie hierher zurück.</translation>
    </message>
    <message>
        <source>the company&apos;s id, as your admin gave it</source>
        <translation>die ID des Unternehmens, wie Ihr Admin sie mitgeteilt hat</translation>
    </message>
    <message>
        <source>optional: fills in the provider&apos;s sign-in</source>
        <translation>optional: wird bei der Anmeldung des Anbieters vorausgefüllt</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Unternehmen</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Continue in the browser</source>
        <translation>Im Browser fortfahren</translation>
    </message>
    <message>
        <source>Enter one of your recovery codes.</source>
        <translation>Geben Sie einen Ihrer Wiederherstellungscodes ein.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code your authenticator app shows.</source>
        <translation>Geben Sie den 6-stelligen Code ein, den Ihre Authenticator-App anzeigt.</translation>
    </message>
    <message>
        <source>Enter one of the recovery codes you saved when you set up your second factor. Each code works once.</source>
        <translation>Geben Sie einen der Wiederherstellungscodes ein, die Sie beim Einrichten Ihres zweiten Faktors gespeichert haben. Jeder Code gilt nur einmal.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code your authenticator app shows for Tierdesk.</source>
        <translation>Geben Sie den 6-stelligen Code ein, den Ihre Authenticator-App für Tierdesk anzeigt.</translation>
    </message>
    <message>
        <source>abcd-efgh-ijkl</source>
        <translation>abcd-efgh-ijkl</translation>
    </message>
    <message>
        <source>123456</source>
        <translation>123456</translation>
    </message>
    <message>
        <source>Use the authenticator&apos;s code</source>
        <translation>Code der Authenticator-App verwenden</translation>
    </message>
    <message>
        <source>Use a recovery code</source>
        <translation>Wiederherstellungscode verwenden</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Choose your company, or enter its id.</source>
        <translation>Wählen Sie Ihr Unternehmen oder geben Sie seine ID ein.</translation>
    </message>
    <message>
        <source>This computer refused a local port for the browser&apos;s answer.</source>
        <translation>Dieser Computer hat keinen lokalen Port für die Antwort des Browsers freigegeben.</translation>
    </message>
    <message>
        <source>Waiting for the browser… Finish signing in there. If no browser opened, open this address:</source>
        <translation>Warte auf den Browser … Schließen Sie die Anmeldung dort ab. Falls sich kein Browser geöffnet hat, öffnen Sie diese Adresse:</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::LoopbackRedirect</name>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>This address only takes Tierdesk&apos;s sign-in.</source>
        <translation>Diese Adresse nimmt nur die Anmeldung bei Tierdesk entgegen.</translation>
    </message>
    <message>
        <source>Signed in to Tierdesk</source>
        <translation>Bei Tierdesk angemeldet</translation>
    </message>
    <message>
        <source>You can close this window.</source>
        <translation>Sie können dieses Fenster schließen.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Tierdesk says why; you can close this window. %1</source>
        <translation>Tierdesk nennt den Grund; Sie können dieses Fenster schließen. %1</translation>
    </message>
    <message>
        <source>This is not the sign-in this Tierdesk started.</source>
        <translation>Das ist nicht die Anmeldung, die dieses Tierdesk begonnen hat.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::MainWindow</name>
    <message>
        <source>Tierdesk</source>
        <translation>Tierdesk</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>Knowledge base</source>
        <translation>Wissensdatenbank</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Auswertungen</translation>
    </message>
    <message>
        <source>Live desk</source>
        <translation>Live-Übersicht</translation>
    </message>
    <message>
        <source>Next escalation</source>
        <translation>Nächste Eskalation</translation>
    </message>
    <message>
        <source>Previous escalation</source>
        <translation>Vorige Eskalation</translation>
    </message>
    <message>
        <source>Open the selected escalation</source>
        <translation>Ausgewählte Eskalation öffnen</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Send the reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <source>Note instead of reply</source>
        <translation>Notiz statt Antwort</translation>
    </message>
    <message>
        <source>Canned responses (at the start of a reply)</source>
        <translation>Textbausteine (am Anfang einer Antwort)</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Weiterleiten</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Refund / credit</source>
        <translation>Erstattung / Gutschrift</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Warteschlange durchsuchen</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Diese Übersicht</translation>
    </message>
    <message>
        <source>The queue could not be loaded: %1</source>
        <translation>Die Warteschlange konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>New escalation</source>
        <translation>Neue Eskalation</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>SLA breached</source>
        <translation>SLA überschritten</translation>
    </message>
    <message>
        <source>%1 has waited too long</source>
        <translation>%1 wartet schon zu lange</translation>
    </message>
    <message>
        <source>Queue  (%1)</source>
        <translation>Warteschlange  (%1)</translation>
    </message>
    <message>
        <source>Claimed</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>%1 has already claimed it.</source>
        <translation>%1 hat sie bereits übernommen.</translation>
    </message>
    <message>
        <source>Someone else</source>
        <translation>Jemand anderes</translation>
    </message>
    <message>
        <source>Claiming failed: %1</source>
        <translation>Übernehmen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Releasing failed: %1</source>
        <translation>Freigeben fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>J / Ctrl+Down</source>
        <translation>J / Strg+Pfeil runter</translation>
    </message>
    <message>
        <source>K / Ctrl+Up</source>
        <translation>K / Strg+Pfeil hoch</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Strg+Umschalt+C</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Strg+Eingabe</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Strg+Umschalt+N</translation>
    </message>
    <message>
        <source>Ctrl+T</source>
        <translation>Strg+T</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Strg+Umschalt+R</translation>
    </message>
    <message>
        <source>Ctrl+Shift+M</source>
        <translation>Strg+Umschalt+M</translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation>Strg+F</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Q</source>
        <translation>Strg+Umschalt+Q</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>Kunden</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::MfaSetupDialog</name>
    <message>
        <source>Set up a second factor</source>
        <translation>Zweiten Faktor einrichten</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::MfaSetupPanel</name>
    <message>
        <source>Scan this code with an authenticator app (such as Google Authenticator, Microsoft Authenticator, 1Password or FreeOTP), or type the key below into it. Then enter the 6-digit code the app shows.</source>
        <translation>Scannen Sie diesen Code mit einer Authenticator-App (etwa Google Authenticator, Microsoft Authenticator, 1Password oder FreeOTP) oder tippen Sie den Schlüssel unten dort ein. Geben Sie dann den 6-stelligen Code ein, den die App anzeigt.</translation>
    </message>
    <message>
        <source>6-digit code</source>
        <translation>6-stelliger Code</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Schlüssel:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your second factor is on.&lt;/b&gt; Keep these recovery codes somewhere safe: each signs you in once if you lose your phone. They are shown only now.</source>
        <translation>&lt;b&gt;Ihr zweiter Faktor ist aktiv.&lt;/b&gt; Bewahren Sie diese Wiederherstellungscodes sicher auf: Jeder meldet Sie einmal an, falls Sie Ihr Telefon verlieren. Sie werden nur jetzt angezeigt.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>In die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>I have saved them</source>
        <translation>Ich habe sie gespeichert</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>A second factor is already set up.</source>
        <translation>Ein zweiter Faktor ist bereits eingerichtet.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code your app shows.</source>
        <translation>Geben Sie den 6-stelligen Code ein, den Ihre App anzeigt.</translation>
    </message>
    <message>
        <source>That code is not right. Check that the phone&apos;s clock is correct and enter the code the app shows now.</source>
        <translation>Dieser Code stimmt nicht. Prüfen Sie, ob die Uhr des Telefons richtig geht, und geben Sie den Code ein, den die App jetzt anzeigt.</translation>
    </message>
    <message>
        <source>Tierdesk recovery codes for %1 (each works once):</source>
        <translation>Tierdesk-Wiederherstellungscodes für %1 (jeder gilt einmal):</translation>
    </message>
    <message>
        <source>Save recovery codes</source>
        <translation>Wiederherstellungscodes speichern</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ModelTrialModel</name>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>Nachgebessert</translation>
    </message>
    <message>
        <source>Local reply (guard)</source>
        <translation>Lokale Antwort (Prüfung)</translation>
    </message>
    <message>
        <source>Local reply (timeout)</source>
        <translation>Lokale Antwort (Zeitüberschreitung)</translation>
    </message>
    <message>
        <source>Local reply (provider error)</source>
        <translation>Lokale Antwort (Anbieterfehler)</translation>
    </message>
    <message>
        <source> · p50 %1 ms, p95 %2 ms · %3</source>
        <translation> · p50 %1 ms, p95 %2 ms · %3</translation>
    </message>
    <message>
        <source>%1 · message %2</source>
        <translation>%1 · Nachricht %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Guard: %1</source>
        <translation>Prüfung: %1</translation>
    </message>
    <message>
        <source>%1 · tokens in %2, out %3</source>
        <translation>%1 · Tokens ein %2, aus %3</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Reply that would go out</source>
        <translation>Antwort, die hinausginge</translation>
    </message>
    <message>
        <source>Guard</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n turn(s): %2 passed, %3 repaired, %4 answered locally</source>
        <translation>
            <numerusform>%1 · %n Antwort: %2 bestanden, %3 nachgebessert, %4 lokal beantwortet</numerusform>
            <numerusform>%1 · %n Antworten: %2 bestanden, %3 nachgebessert, %4 lokal beantwortet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (only the first %n turn(s) were worded)</source>
        <translation>
            <numerusform> (nur %n Antwort wurde formuliert)</numerusform>
            <numerusform> (nur die ersten %n Antworten wurden formuliert)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::NewCompanyDialog</name>
    <message>
        <source>New company</source>
        <translation>Neue Firma</translation>
    </message>
    <message>
        <source>A company has its own queues, conversations, knowledge base and accounts. You are signed in to it as its first administrator and can switch between companies at the top left.</source>
        <translation>Eine Firma hat eigene Warteschlangen, Gespräche, Wissensdatenbank und Konten. Sie werden als ihr erster Administrator angemeldet und können oben links zwischen den Firmen wechseln.</translation>
    </message>
    <message>
        <source>Start with the configuration of %1</source>
        <translation>Mit der Konfiguration von %1 beginnen</translation>
    </message>
    <message>
        <source>not used on this server yet, e.g. ann+eu@example.com</source>
        <translation>auf diesem Server noch nicht verwendet, z. B. ann+eu@example.com</translation>
    </message>
    <message>
        <source>Create company</source>
        <translation>Firma anlegen</translation>
    </message>
    <message>
        <source>Company name</source>
        <translation>Name der Firma</translation>
    </message>
    <message>
        <source>&lt;b&gt;Its first administrator&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ihr erster Administrator&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Enter the company&apos;s name.</source>
        <translation>Geben Sie den Namen der Firma ein.</translation>
    </message>
    <message>
        <source>Enter the administrator&apos;s name and e-mail.</source>
        <translation>Geben Sie Name und E-Mail-Adresse des Administrators ein.</translation>
    </message>
    <message>
        <source>The passwords differ.</source>
        <translation>Die Passwörter stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::NoticeBar</name>
    <message>
        <source>Close this notice</source>
        <translation>Diesen Hinweis schließen</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::NotificationsButton</name>
    <message>
        <source>Mentions of you in colleagues&apos; notes, and low customer ratings</source>
        <translation>Erwähnungen in Notizen Ihrer Kollegen und schlechte Kundenbewertungen</translation>
    </message>
    <message>
        <source>You were mentioned</source>
        <translation>Sie wurden erwähnt</translation>
    </message>
    <message>
        <source>Low rating</source>
        <translation>Schlechte Bewertung</translation>
    </message>
    <message>
        <source>The mention was not marked read: %1</source>
        <translation>Die Erwähnung wurde nicht als gelesen markiert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Notifications (%n)</source>
        <translation>
            <numerusform>Benachrichtigungen (%n)</numerusform>
            <numerusform>Benachrichtigungen (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Nothing new</source>
        <translation>Nichts Neues</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::NotificationsModel</name>
    <message>
        <source>A colleague</source>
        <translation>Ein Kollege</translation>
    </message>
    <message>
        <source>%1 mentioned you in a note</source>
        <translation>%1 hat Sie in einer Notiz erwähnt</translation>
    </message>
    <message>
        <source>%1 mentioned you: “%2”</source>
        <translation>%1 hat Sie erwähnt: „%2“</translation>
    </message>
    <message>
        <source>A customer</source>
        <translation>Ein Kunde</translation>
    </message>
    <message>
        <source>%1 rated the conversation %2 of 5</source>
        <translation>%1 hat das Gespräch mit %2 von 5 bewertet</translation>
    </message>
    <message>
        <source>%1 rated the conversation %2 of 5: “%3”</source>
        <translation>%1 hat das Gespräch mit %2 von 5 bewertet: „%3“</translation>
    </message>
    <message>
        <source> (answered by %1)</source>
        <translation> (beantwortet von %1)</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::NotificationsSettings</name>
    <message>
        <source>E-mail me a summary of the past week every Monday morning</source>
        <translation>Mir jeden Montagmorgen eine Übersicht der vergangenen Woche per E-Mail senden</translation>
    </message>
    <message>
        <source>Sessions, what the AI resolved on its own and whether it held, first-contact resolution, satisfaction per channel, the AI&apos;s cost and the five biggest knowledge gaps, each beside the week before. It goes to your address from 07:00 in the company&apos;s time zone, through the server&apos;s e-mail settings; without them nothing is sent.</source>
        <translation>Gespräche, was die KI allein gelöst hat und ob es gehalten hat, Lösung beim ersten Kontakt, Zufriedenheit je Kanal, die Kosten der KI und die fünf größten Wissenslücken, jeweils neben der Vorwoche. Sie geht ab 07:00 Uhr in der Zeitzone des Unternehmens an Ihre Adresse, über die E-Mail-Einstellungen des Servers; ohne sie wird nichts gesendet.</translation>
    </message>
    <message>
        <source>Saved: the next summary comes on Monday.</source>
        <translation>Gespeichert: Die nächste Übersicht kommt am Montag.</translation>
    </message>
    <message>
        <source>Saved: no more summaries.</source>
        <translation>Gespeichert: Keine Übersichten mehr.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::PassagesBox</name>
    <message>
        <source>What the AI reads</source>
        <translation>Was die KI liest</translation>
    </message>
    <message>
        <source>Type a customer&apos;s question...</source>
        <translation>Frage eines Kunden eingeben...</translation>
    </message>
    <message>
        <source>S&amp;how passages</source>
        <translation>&amp;Passagen zeigen</translation>
    </message>
    <message>
        <source>The passages of your articles the AI would read for that question, best first.</source>
        <translation>Die Passagen Ihrer Artikel, die die KI zu dieser Frage lesen würde, die beste zuerst.</translation>
    </message>
    <message>
        <source>No passage answers this: the AI would say it does not know and offer a person.</source>
        <translation>Keine Passage beantwortet dies: Die KI würde sagen, dass sie es nicht weiß, und eine Person anbieten.</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>Punktzahl %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::PasswordHint</name>
    <message>
        <source>%1 to %2 characters</source>
        <translation>%1 bis %2 Zeichen</translation>
    </message>
    <message>
        <source>A password has %1 to %2 characters.</source>
        <translation>Ein Passwort hat %1 bis %2 Zeichen.</translation>
    </message>
    <message>
        <source>Choose a password of %1 to %2 characters.</source>
        <translation>Wählen Sie ein Passwort mit %1 bis %2 Zeichen.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::PlansModel</name>
    <message>
        <source>per year</source>
        <translation>jährlich</translation>
    </message>
    <message>
        <source>per month</source>
        <translation>monatlich</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Days to return an order for the plan&apos;s active members; empty: the company&apos;s return window</source>
        <translation>Tage, um eine Bestellung zurückzugeben, für aktive Mitglieder des Tarifs; leer: die Rückgabefrist der Firma</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>Abrechnung</translation>
    </message>
    <message>
        <source>Return window</source>
        <translation>Rückgabefrist</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::QueueBulkBar</name>
    <message>
        <source>Assign to…</source>
        <translation>Zuweisen an…</translation>
    </message>
    <message>
        <source>Transfer to queue…</source>
        <translation>In Warteschlange verschieben…</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Lösen…</translation>
    </message>
    <message numerus="yes">
        <source>%n selected</source>
        <translation>
            <numerusform>%n ausgewählt</numerusform>
            <numerusform>%n ausgewählt</numerusform>
        </translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>Zuweisen an</translation>
    </message>
    <message numerus="yes">
        <source>Give the %n selected conversation(s) to:</source>
        <translation>
            <numerusform>%n ausgewähltes Gespräch übergeben an:</numerusform>
            <numerusform>%n ausgewählte Gespräche übergeben an:</numerusform>
        </translation>
    </message>
    <message>
        <source>Transfer to queue</source>
        <translation>In Warteschlange verschieben</translation>
    </message>
    <message numerus="yes">
        <source>Move the %n selected conversation(s) to the queue:</source>
        <translation>
            <numerusform>%n ausgewähltes Gespräch in diese Warteschlange verschieben:</numerusform>
            <numerusform>%n ausgewählte Gespräche in diese Warteschlange verschieben:</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolve conversations</source>
        <translation>Gespräche lösen</translation>
    </message>
    <message numerus="yes">
        <source>Resolve %n conversation(s)? Each customer gets the closing message, and the conversations leave the queue.</source>
        <translation>
            <numerusform>%n Gespräch lösen? Der Kunde erhält die Abschlussnachricht, und das Gespräch verlässt die Warteschlange.</numerusform>
            <numerusform>%n Gespräche lösen? Jeder Kunde erhält die Abschlussnachricht, und die Gespräche verlassen die Warteschlange.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n assigned to %2</source>
        <translation>
            <numerusform>%1 von %n an %2 zugewiesen</numerusform>
            <numerusform>%1 von %n an %2 zugewiesen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n moved to %2</source>
        <translation>
            <numerusform>%1 von %n nach %2 verschoben</numerusform>
            <numerusform>%1 von %n nach %2 verschoben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n resolved</source>
        <translation>
            <numerusform>%1 von %n gelöst</numerusform>
            <numerusform>%1 von %n gelöst</numerusform>
        </translation>
    </message>
    <message>
        <source>Resolved from the queue</source>
        <translation>Aus der Warteschlange gelöst</translation>
    </message>
    <message numerus="yes">
        <source>Working on %n conversation(s)…</source>
        <translation>
            <numerusform>Bearbeite %n Gespräch…</numerusform>
            <numerusform>Bearbeite %n Gespräche…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::QueueModel</name>
    <message>
        <source>%1d %2h</source>
        <translation>%1 T. %2 Std.</translation>
    </message>
    <message>
        <source>%1 late</source>
        <translation>%1 überfällig</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>Stimmung</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartezeit</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <source>Back in the queue at %1, or as soon as the customer writes</source>
        <translation>Zurück in der Warteschlange am %1 oder sobald der Kunde schreibt</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::QueueStatsModel</name>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>Längste Wartezeit</translation>
    </message>
    <message>
        <source>Being worked</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Überschritten</translation>
    </message>
    <message>
        <source>SLA today</source>
        <translation>SLA heute</translation>
    </message>
    <message numerus="yes">
        <source>%n left the desk within their SLA</source>
        <translation>
            <numerusform>%n hat das Team innerhalb des SLA verlassen</numerusform>
            <numerusform>%n haben das Team innerhalb des SLA verlassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n breached their SLA</source>
        <translation>
            <numerusform>%n hat das SLA verletzt</numerusform>
            <numerusform>%n haben das SLA verletzt</numerusform>
        </translation>
    </message>
    <message>
        <source>none settled yet</source>
        <translation>noch keines</translation>
    </message>
    <message>
        <source>%1 % (%2 of %3)</source>
        <translation>%1 % (%2 von %3)</translation>
    </message>
    <message>
        <source>midnight (UTC)</source>
        <translation>Mitternacht (UTC)</translation>
    </message>
    <message>
        <source>SLA today: of the conversations settled since %1, the share that met its SLA. A conversation counts as met when it leaves the desk (resolved or handed back to the AI) without breaching, and as missed the moment it breaches. Conversations answered in time but still open count for nothing yet, so early in the day a single breach can show 0 %.</source>
        <translation>SLA heute: von den seit %1 abgeschlossenen Gesprächen der Anteil, der sein SLA eingehalten hat. Ein Gespräch zählt als eingehalten, wenn es das Team ohne Verletzung verlässt (gelöst oder an die KI zurückgegeben), und als verfehlt in dem Moment, in dem es das SLA verletzt. Rechtzeitig beantwortete, aber noch offene Gespräche zählen noch nicht; früh am Tag kann daher eine einzige Verletzung 0 % zeigen.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::QueueView</name>
    <message>
        <source>Nothing is waiting. New escalations appear here as they arrive.</source>
        <translation>Nichts wartet. Neue Eskalationen erscheinen hier, sobald sie eintreffen.</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Take this escalation (Ctrl+Shift+C)</source>
        <translation>Diese Eskalation übernehmen (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Open conversation</source>
        <translation>Gespräch öffnen</translation>
    </message>
    <message>
        <source>Search customer, summary, reason… (Ctrl+F)</source>
        <translation>Kunde, Zusammenfassung, Grund suchen… (Strg+F)</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>Alle Prioritäten</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Meine</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <source>All queues</source>
        <translation>Alle Warteschlangen</translation>
    </message>
    <message>
        <source>Snoozed</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Show the snoozed conversations instead, with when each comes back</source>
        <translation>Stattdessen die zurückgestellten Gespräche zeigen, mit dem Zeitpunkt ihrer Rückkehr</translation>
    </message>
    <message>
        <source>Each available person&apos;s open conversations against their capacity</source>
        <translation>Offene Gespräche jeder verfügbaren Person im Verhältnis zu ihrer Kapazität</translation>
    </message>
    <message>
        <source>Saved filters</source>
        <translation>Gespeicherte Filter</translation>
    </message>
    <message>
        <source>No saved filters yet</source>
        <translation>Noch keine gespeicherten Filter</translation>
    </message>
    <message>
        <source>Save current filter…</source>
        <translation>Aktuellen Filter speichern…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Save filter</source>
        <translation>Filter speichern</translation>
    </message>
    <message>
        <source>Name of this filter:</source>
        <translation>Name dieses Filters:</translation>
    </message>
    <message>
        <source>Filter “%1” saved</source>
        <translation>Filter „%1“ gespeichert</translation>
    </message>
    <message>
        <source>Filter “%1” deleted</source>
        <translation>Filter „%1“ gelöscht</translation>
    </message>
    <message>
        <source>Nothing is snoozed.</source>
        <translation>Nichts ist zurückgestellt.</translation>
    </message>
    <message>
        <source>The snoozed conversations could not be loaded: %1</source>
        <translation>Die zurückgestellten Gespräche konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Alle Kanäle</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ReasonSessionsDialog</name>
    <message>
        <source>Sessions: %1</source>
        <translation>Sitzungen: %1</translation>
    </message>
    <message>
        <source>Sessions whose reason for contact was &lt;b&gt;%1&lt;/b&gt;, started from %2 to %3</source>
        <translation>Sitzungen mit dem Kontaktgrund &lt;b&gt;%1&lt;/b&gt;, begonnen vom %2 bis %3</translation>
    </message>
    <message>
        <source>Double-click a session to open it</source>
        <translation>Doppelklick öffnet eine Sitzung</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>Wird geladen...</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n session(s)</source>
        <translation>
            <numerusform>%1 von %n Sitzung</numerusform>
            <numerusform>%1 von %n Sitzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load the sessions: %1</source>
        <translation>Die Sitzungen konnten nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ReasonSessionsModel</name>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::RecordingDownload</name>
    <message>
        <source>Cannot write a temporary file for the recording.</source>
        <translation>Für die Aufzeichnung kann keine temporäre Datei geschrieben werden.</translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation>Der Server antwortete mit %1.</translation>
    </message>
    <message>
        <source>The recording did not arrive whole.</source>
        <translation>Die Aufzeichnung kam nicht vollständig an.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::RecordingPlayer</name>
    <message>
        <source>Play recording</source>
        <translation>Aufzeichnung abspielen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cannot play: %1</source>
        <translation>Wiedergabe nicht möglich: %1</translation>
    </message>
    <message>
        <source>Loading the recording…</source>
        <translation>Aufzeichnung wird geladen…</translation>
    </message>
    <message>
        <source>This call was not recorded, or its recording was erased.</source>
        <translation>Dieser Anruf wurde nicht aufgezeichnet, oder die Aufzeichnung wurde gelöscht.</translation>
    </message>
    <message>
        <source>The recording could not be loaded: %1</source>
        <translation>Die Aufzeichnung konnte nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ReplyBox</name>
    <message>
        <source>Write a reply… ( / for canned responses, Ctrl+Enter to send)</source>
        <translation>Antwort schreiben… ( / für Textbausteine, Strg+Eingabe zum Senden)</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interne Notiz</translation>
    </message>
    <message>
        <source>Only agents see notes (Ctrl+Shift+N)</source>
        <translation>Nur Agenten sehen Notizen (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Strg+Eingabe</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Notiz hinzufügen</translation>
    </message>
    <message>
        <source>No canned responses yet: a supervisor adds them.</source>
        <translation>Noch keine Textbausteine: Ein Supervisor legt sie an.</translation>
    </message>
    <message>
        <source>Fill in %1 before sending.</source>
        <translation>Füllen Sie %1 vor dem Senden aus.</translation>
    </message>
    <message>
        <source>Not sent: %1 has no value. Replace it first.</source>
        <translation>Nicht gesendet: %1 hat keinen Wert. Ersetzen Sie es zuerst.</translation>
    </message>
    <message>
        <source>Internal note — only your team sees this</source>
        <translation>Interne Notiz — nur Ihr Team sieht sie</translation>
    </message>
    <message>
        <source>Internal note — only your team sees this (@ to mention a colleague, Ctrl+Enter to add)</source>
        <translation>Interne Notiz — nur Ihr Team sieht sie (@ erwähnt einen Kollegen, Strg+Enter fügt sie hinzu)</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ReportExporter</name>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1: %2 (change: %3)</source>
        <translation>%1: %2 (Veränderung: %3)</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ResolveDialog</name>
    <message>
        <source>Resolve the conversation</source>
        <translation>Gespräch abschließen</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>What was done, for your team (at most 2000 characters)</source>
        <translation>Was getan wurde, für Ihr Team (höchstens 2000 Zeichen)</translation>
    </message>
    <message>
        <source>Send the customer a closing message</source>
        <translation>Dem Kunden eine Abschlussnachricht senden</translation>
    </message>
    <message>
        <source>Loading the closing message…</source>
        <translation>Abschlussnachricht wird geladen…</translation>
    </message>
    <message>
        <source>Then open the next conversation</source>
        <translation>Danach das nächste Gespräch öffnen</translation>
    </message>
    <message>
        <source>To the customer</source>
        <translation>An den Kunden</translation>
    </message>
    <message>
        <source>The usual closing message (write here to send your own)</source>
        <translation>Die übliche Abschlussnachricht (schreiben Sie hier, um Ihre eigene zu senden)</translation>
    </message>
    <message>
        <source>The customer gets no closing message.</source>
        <translation>Der Kunde erhält keine Abschlussnachricht.</translation>
    </message>
    <message>
        <source>%1 characters: at most %2 fit.</source>
        <translation>%1 Zeichen: höchstens %2 passen.</translation>
    </message>
    <message>
        <source>Empty: the customer gets no closing message.</source>
        <translation>Leer: Der Kunde erhält keine Abschlussnachricht.</translation>
    </message>
    <message>
        <source>The customer gets this when you resolve.</source>
        <translation>Der Kunde erhält diese Nachricht, wenn Sie abschließen.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::SendBanner</name>
    <message>
        <source>Send anyway</source>
        <translation>Trotzdem senden</translation>
    </message>
    <message>
        <source>I&apos;ve read it</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <source>Don&apos;t send</source>
        <translation>Nicht senden</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::SettingsView</name>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>API tokens</source>
        <translation>API-Tokens</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The server built into this console, on port</source>
        <translation>Der in diese Konsole eingebaute Server, auf Port</translation>
    </message>
    <message>
        <source>A Tierdesk server the team shares, at</source>
        <translation>Ein gemeinsamer Tierdesk-Server des Teams, unter</translation>
    </message>
    <message>
        <source>https://tierdesk.example.com</source>
        <translation>https://tierdesk.example.com</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Takes effect the next time the console starts. --server and --port on the command line win over it.</source>
        <translation>Gilt ab dem nächsten Start der Konsole. --server und --port auf der Kommandozeile haben Vorrang.</translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation>Verbunden mit</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Takes effect after a restart of the console.</source>
        <translation>Gilt nach einem Neustart der Konsole.</translation>
    </message>
    <message>
        <source>Language of the console</source>
        <translation>Sprache der Konsole</translation>
    </message>
    <message>
        <source>The server must be an http:// or https:// address.</source>
        <translation>Der Server muss eine http://- oder https://-Adresse sein.</translation>
    </message>
    <message>
        <source>Saved. Takes effect the next time the console starts.</source>
        <translation>Gespeichert. Gilt ab dem nächsten Start der Konsole.</translation>
    </message>
    <message>
        <source>AI providers</source>
        <translation>KI-Anbieter</translation>
    </message>
    <message>
        <source>Canned responses</source>
        <translation>Textbausteine</translation>
    </message>
    <message>
        <source>Port in use</source>
        <translation>Verwendeter Port</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>%1, by the server built into this console (other programs on this computer reach its API at %2/api/cs)</source>
        <translation>%1, vom in diese Konsole eingebauten Server (andere Programme auf diesem Computer erreichen seine API unter %2/api/cs)</translation>
    </message>
    <message>
        <source>%1, on %2 (a Tierdesk server the team shares)</source>
        <translation>%1, auf %2 (ein Tierdesk-Server, den das Team gemeinsam nutzt)</translation>
    </message>
    <message>
        <source>Connectors</source>
        <translation>Konnektoren</translation>
    </message>
    <message>
        <source>Headset</source>
        <translation>Headset</translation>
    </message>
    <message>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>Anmeldung</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::SetupDialog</name>
    <message>
        <source>Welcome to Tierdesk</source>
        <translation>Willkommen bei Tierdesk</translation>
    </message>
    <message>
        <source>Create the first account. It is an administrator: it can add your team later.</source>
        <translation>Legen Sie das erste Konto an. Es ist ein Administratorkonto und kann später Ihr Team hinzufügen.</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Konto anlegen</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Enter your name and e-mail.</source>
        <translation>Geben Sie Ihren Namen und Ihre E-Mail-Adresse ein.</translation>
    </message>
    <message>
        <source>The passwords differ.</source>
        <translation>Die Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Auf diesem Computer angemeldet bleiben</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ShortcutsOverlay</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Press any key to close</source>
        <translation>Zum Schließen eine beliebige Taste drücken</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::SignInSessionsModel</name>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password and code</source>
        <translation>Passwort und Code</translation>
    </message>
    <message>
        <source>Single sign-on</source>
        <translation>Single Sign-on</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (this console)</source>
        <translation>%1 (diese Konsole)</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::SignInSettings</name>
    <message>
        <source>Second factor</source>
        <translation>Zweiter Faktor</translation>
    </message>
    <message>
        <source>Set up…</source>
        <translation>Einrichten …</translation>
    </message>
    <message>
        <source>a code from your app, or a recovery code</source>
        <translation>ein Code aus Ihrer App oder ein Wiederherstellungscode</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Your sessions</source>
        <translation>Ihre Sitzungen</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Sitzung beenden</translation>
    </message>
    <message>
        <source>That device is signed out at once.</source>
        <translation>Dieses Gerät wird sofort abgemeldet.</translation>
    </message>
    <message>
        <source>End all other sessions</source>
        <translation>Alle anderen Sitzungen beenden</translation>
    </message>
    <message>
        <source>Click again to end them</source>
        <translation>Zum Beenden erneut klicken</translation>
    </message>
    <message>
        <source>The company&apos;s sign-in</source>
        <translation>Anmeldung im Unternehmen</translation>
    </message>
    <message>
        <source>Require a second factor for everyone</source>
        <translation>Zweiten Faktor für alle verlangen</translation>
    </message>
    <message>
        <source>Whoever signs in with a password and has none sets one up before the console opens.</source>
        <translation>Wer sich mit Passwort anmeldet und keinen hat, richtet einen ein, bevor sich die Konsole öffnet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Single sign-on (OpenID Connect)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Single Sign-on (OpenID Connect)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;On.&lt;/b&gt; Every sign-in with your password also asks for a code from your authenticator app.</source>
        <translation>&lt;b&gt;An.&lt;/b&gt; Jede Anmeldung mit Ihrem Passwort fragt zusätzlich nach einem Code aus Ihrer Authenticator-App.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Off.&lt;/b&gt; A second factor asks for a code from an app on your phone at every sign-in with your password, so a stolen password alone is not enough.</source>
        <translation>&lt;b&gt;Aus.&lt;/b&gt; Ein zweiter Faktor fragt bei jeder Anmeldung mit Ihrem Passwort nach einem Code aus einer App auf Ihrem Telefon, sodass ein gestohlenes Passwort allein nicht genügt.</translation>
    </message>
    <message>
        <source>Your company requires a second factor.</source>
        <translation>Ihr Unternehmen verlangt einen zweiten Faktor.</translation>
    </message>
    <message>
        <source>Your second factor is on; it is asked at your next sign-in.</source>
        <translation>Ihr zweiter Faktor ist aktiv; er wird bei Ihrer nächsten Anmeldung abgefragt.</translation>
    </message>
    <message>
        <source>Enter a code from your app to remove it.</source>
        <translation>Geben Sie zum Entfernen einen Code aus Ihrer App ein.</translation>
    </message>
    <message>
        <source>Removed: your password alone signs you in now.</source>
        <translation>Entfernt: Ihr Passwort allein meldet Sie jetzt an.</translation>
    </message>
    <message>
        <source>That code is not right.</source>
        <translation>Dieser Code stimmt nicht.</translation>
    </message>
    <message>
        <source>Ended: that device is signed out.</source>
        <translation>Beendet: Dieses Gerät ist abgemeldet.</translation>
    </message>
    <message numerus="yes">
        <source>%n other session(s) ended.</source>
        <translation>
            <numerusform>%n andere Sitzung beendet.</numerusform>
            <numerusform>%n andere Sitzungen beendet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved: whoever has no second factor sets one up at their next sign-in.</source>
        <translation>Gespeichert: Wer keinen zweiten Faktor hat, richtet bei der nächsten Anmeldung einen ein.</translation>
    </message>
    <message>
        <source>Saved: a second factor is each person&apos;s choice.</source>
        <translation>Gespeichert: Ein zweiter Faktor ist jedem selbst überlassen.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::SimulationModel</name>
    <message>
        <source>Escalates earlier</source>
        <translation>Eskaliert früher</translation>
    </message>
    <message>
        <source>Escalates later</source>
        <translation>Eskaliert später</translation>
    </message>
    <message>
        <source>No longer escalates</source>
        <translation>Eskaliert nicht mehr</translation>
    </message>
    <message>
        <source>Newly escalates</source>
        <translation>Eskaliert neu</translation>
    </message>
    <message>
        <source>Escalates differently</source>
        <translation>Eskaliert anders</translation>
    </message>
    <message>
        <source>No escalation</source>
        <translation>Keine Eskalation</translation>
    </message>
    <message>
        <source>%1 → %2 at message %3</source>
        <translation>%1 → %2 bei Nachricht %3</translation>
    </message>
    <message>
        <source>escalate earlier</source>
        <translation>früher eskaliert</translation>
    </message>
    <message>
        <source>escalate later</source>
        <translation>später eskaliert</translation>
    </message>
    <message>
        <source>no longer escalate</source>
        <translation>nicht mehr eskaliert</translation>
    </message>
    <message>
        <source>newly escalate</source>
        <translation>neu eskaliert</translation>
    </message>
    <message>
        <source>escalate differently</source>
        <translation>anders eskaliert</translation>
    </message>
    <message>
        <source>%1
Double-click to open the conversation</source>
        <translation>%1
Doppelklick öffnet das Gespräch</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sitzung</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>Was sich ändert</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <source>With the change</source>
        <translation>Mit der Änderung</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n session(s) would change</source>
        <translation>
            <numerusform>%1 von %n Sitzung würde sich ändern</numerusform>
            <numerusform>%1 von %n Sitzungen würden sich ändern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (only the newest %1 of %n session(s) were replayed)</source>
        <translation>
            <numerusform> (nur die neuesten %1 von %n Sitzung wurden nachgespielt)</numerusform>
            <numerusform> (nur die neuesten %1 von %n Sitzungen wurden nachgespielt)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::SnoozeDialog</name>
    <message>
        <source>Snooze until</source>
        <translation>Zurückstellen bis</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <source>Back in the queue at</source>
        <translation>Wieder in der Warteschlange um</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::SsoSettings</name>
    <message>
        <source>https://login.example.com</source>
        <translation>https://login.example.com</translation>
    </message>
    <message>
        <source>example.com, example.org</source>
        <translation>example.com, example.org</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>groups</translation>
    </message>
    <message>
        <source>Create an agent for a person of these domains signing in the first time</source>
        <translation>Einen Agenten anlegen, wenn sich jemand dieser Domains zum ersten Mal anmeldet</translation>
    </message>
    <message>
        <source>Passwords still work for people of these domains</source>
        <translation>Passwörter gelten für Personen dieser Domains weiterhin</translation>
    </message>
    <message>
        <source>Keep one admin who signs in with a password (a break-glass account): if the identity provider is down or misconfigured, they can still sign in and fix this page.</source>
        <translation>Behalten Sie einen Admin, der sich mit Passwort anmeldet (ein Notfallkonto): Ist der Identitätsanbieter ausgefallen oder falsch eingerichtet, kann er sich trotzdem anmelden und diese Seite korrigieren.</translation>
    </message>
    <message>
        <source>Save single sign-on</source>
        <translation>Single Sign-on speichern</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller (Issuer)</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Secret</translation>
    </message>
    <message>
        <source>Allowed e-mail domains</source>
        <translation>Erlaubte E-Mail-Domains</translation>
    </message>
    <message>
        <source>Role claim</source>
        <translation>Rollen-Claim</translation>
    </message>
    <message>
        <source>Role map</source>
        <translation>Rollenzuordnung</translation>
    </message>
    <message>
        <source>Default role</source>
        <translation>Standardrolle</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Claim value</source>
        <translation>Claim-Wert</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Not set up: people sign in with their passwords.</source>
        <translation>Nicht eingerichtet: Die Anmeldung erfolgt mit Passwort.</translation>
    </message>
    <message>
        <source>kept (type to replace)</source>
        <translation>gespeichert (zum Ersetzen eintippen)</translation>
    </message>
    <message>
        <source>Saved. People of these domains can sign in with single sign-on now.</source>
        <translation>Gespeichert. Personen dieser Domains können sich jetzt mit Single Sign-on anmelden.</translation>
    </message>
    <message>
        <source>Not saved: see the field marked above.</source>
        <translation>Nicht gespeichert: siehe das markierte Feld oben.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::SupervisorView</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Live desk</source>
        <translation>Live-Übersicht</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Show the sessions of the whole team, not only the selected person&apos;s</source>
        <translation>Die Sitzungen des ganzen Teams zeigen, nicht nur die der ausgewählten Person</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Nur lesend öffnen</translation>
    </message>
    <message>
        <source>Reassign to</source>
        <translation>Neu zuweisen an</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>Neu zuweisen</translation>
    </message>
    <message>
        <source>to</source>
        <translation>an</translation>
    </message>
    <message>
        <source>Sessions held</source>
        <translation>Übernommene Sitzungen</translation>
    </message>
    <message>
        <source>Live desk: %1</source>
        <translation>Live-Übersicht: %1</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Aktualisiert %1</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartend</numerusform>
            <numerusform>%n wartend</numerusform>
        </translation>
    </message>
    <message>
        <source>longest wait %1</source>
        <translation>längste Wartezeit %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n people available</source>
        <translation>
            <numerusform>%1 von %n Person verfügbar</numerusform>
            <numerusform>%1 von %n Personen verfügbar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n at risk</source>
        <translation>
            <numerusform>%n gefährdet</numerusform>
            <numerusform>%n gefährdet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n breached</source>
        <translation>
            <numerusform>%n überschritten</numerusform>
            <numerusform>%n überschritten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Reassigned to %1</source>
        <translation>Neu zugewiesen an %1</translation>
    </message>
    <message>
        <source>Not reassigned: %1</source>
        <translation>Nicht neu zugewiesen: %1</translation>
    </message>
    <message>
        <source>SLA today: %1</source>
        <translation>SLA heute: %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::TeamModel</name>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>Away</source>
        <translation>Abwesend</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Holding</source>
        <translation>Übernommen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Full</source>
        <translation>Voll</translation>
    </message>
    <message>
        <source>Open conversations against capacity: automatic assignment gives a person new conversations only while they have room.</source>
        <translation>Offene Gespräche im Verhältnis zur Kapazität: Die automatische Zuweisung gibt einer Person nur neue Gespräche, solange sie Platz hat.</translation>
    </message>
    <message>
        <source>Open / capacity</source>
        <translation>Offen / Kapazität</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Platz</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::TeamRoster</name>
    <message>
        <source>%1 %2 (full)</source>
        <translation>%1 %2 (voll)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Nobody is available right now.</source>
        <translation>Gerade ist niemand verfügbar.</translation>
    </message>
    <message>
        <source>Available: %1</source>
        <translation>Verfügbar: %1</translation>
    </message>
    <message>
        <source>%1 — %2, %3 open</source>
        <translation>%1 — %2, %3 offen</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::TokensModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>%1 (customer %2)</source>
        <translation>%1 (Kunde %2)</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>%1 (SigV4 key %2, %3)</source>
        <translation>%1 (SigV4-Schlüssel %2, %3)</translation>
    </message>
    <message>
        <source>%1 (API key %2…)</source>
        <translation>%1 (API-Schlüssel %2…)</translation>
    </message>
    <message>
        <source>chat widget key %1</source>
        <translation>Chat-Widget-Schlüssel %1</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::TokensSettings</name>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Click again to revoke</source>
        <translation>Zum Widerrufen erneut klicken</translation>
    </message>
    <message>
        <source>The token stops working at once.</source>
        <translation>Das Token funktioniert ab sofort nicht mehr.</translation>
    </message>
    <message>
        <source>New API token</source>
        <translation>Neues API-Token</translation>
    </message>
    <message>
        <source>what uses it, e.g. CRM sync</source>
        <translation>wofür es dient, z. B. CRM-Abgleich</translation>
    </message>
    <message>
        <source>Client (one customer)</source>
        <translation>Client (ein Kunde)</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>customer id</source>
        <translation>Kunden-ID</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Create token</source>
        <translation>Token erstellen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Valid for</source>
        <translation>Gültig für</translation>
    </message>
    <message>
        <source>Copy the new token now: it will not be shown again.</source>
        <translation>Kopieren Sie das neue Token jetzt: Es wird nicht noch einmal angezeigt.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Token copied to the clipboard.</source>
        <translation>Token in die Zwischenablage kopiert.</translation>
    </message>
    <message>
        <source>Token &quot;%1&quot; created.</source>
        <translation>Token „%1“ erstellt.</translation>
    </message>
    <message>
        <source>Token &quot;%1&quot; revoked: it no longer works.</source>
        <translation>Token „%1“ widerrufen: Es funktioniert nicht mehr.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::TranscriptModel</name>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>AI Rep</source>
        <translation>KI-Berater</translation>
    </message>
    <message>
        <source>AI Manager</source>
        <translation>KI-Manager</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Note · %1</source>
        <translation>Notiz · %1</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>actions: %1</source>
        <translation>Aktionen: %1</translation>
    </message>
    <message>
        <source>%1 + %2 tokens</source>
        <translation>%1 + %2 Tokens</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>built-in responder answered: the model was too slow</source>
        <translation>eingebauter Antwortgeber antwortete: das Modell war zu langsam</translation>
    </message>
    <message>
        <source>built-in responder answered: the provider failed</source>
        <translation>eingebauter Antwortgeber antwortete: der Anbieter ist ausgefallen</translation>
    </message>
    <message>
        <source>built-in responder answered: the model&apos;s reply broke the guard</source>
        <translation>eingebauter Antwortgeber antwortete: die Antwort des Modells verstieß gegen die Prüfung</translation>
    </message>
    <message>
        <source>built-in responder answered: %1</source>
        <translation>eingebauter Antwortgeber antwortete: %1</translation>
    </message>
    <message>
        <source>guard: %1</source>
        <translation>Prüfung: %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::TranscriptView</name>
    <message>
        <source>Open an escalation from the queue to read the conversation.</source>
        <translation>Öffnen Sie eine Eskalation aus der Warteschlange, um das Gespräch zu lesen.</translation>
    </message>
    <message>
        <source>AI · %1</source>
        <translation>KI · %1</translation>
    </message>
    <message>
        <source>Translated:</source>
        <translation>Übersetzt:</translation>
    </message>
    <message>
        <source>Automatic mail (%1): the AI does not answer it</source>
        <translation>Automatische Mail (%1): die KI beantwortet sie nicht</translation>
    </message>
    <message>
        <source>Too large: only its headers were imported</source>
        <translation>Zu groß: nur ihre Kopfzeilen wurden übernommen</translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation>Anhänge: %1</translation>
    </message>
    <message>
        <source>Delivery: %1</source>
        <translation>Zustellung: %1</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::TransferDialog</name>
    <message>
        <source>Transfer the conversation</source>
        <translation>Gespräch weiterleiten</translation>
    </message>
    <message>
        <source>Back to the AI Rep</source>
        <translation>Zurück an den KI-Berater</translation>
    </message>
    <message>
        <source>Back to the AI Manager</source>
        <translation>Zurück an den KI-Manager</translation>
    </message>
    <message>
        <source>Another queue of people</source>
        <translation>Andere Warteschlange mit Agenten</translation>
    </message>
    <message>
        <source>Why, and what the next one should know</source>
        <translation>Warum, und was die nächste Person wissen sollte</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Weiterleiten</translation>
    </message>
    <message>
        <source>Hand to</source>
        <translation>Übergeben an</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::ViewersLine</name>
    <message>
        <source>%1 is also here</source>
        <translation>%1 ist auch hier</translation>
    </message>
    <message>
        <source>%1 is writing a note…</source>
        <translation>%1 schreibt eine Notiz…</translation>
    </message>
    <message>
        <source>%1 is typing a reply…</source>
        <translation>%1 schreibt eine Antwort…</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::WebChatSettings</name>
    <message>
        <source>Web chat on the company&apos;s site</source>
        <translation>Web-Chat auf der Website der Firma</translation>
    </message>
    <message>
        <source>One a line: https://shop.example.com</source>
        <translation>Eine pro Zeile: https://shop.example.com</translation>
    </message>
    <message>
        <source>Chat with us</source>
        <translation>Chatten Sie mit uns</translation>
    </message>
    <message>
        <source>Hi! Ask us anything.</source>
        <translation>Hallo! Fragen Sie uns alles.</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>The visitor&apos;s browser&apos;s</source>
        <translation>Die des Browsers des Besuchers</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englisch</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Deutsch</translation>
    </message>
    <message>
        <source>Off: every visitor is anonymous</source>
        <translation>Aus: jeder Besucher ist anonym</translation>
    </message>
    <message>
        <source>Optional: signed-in customers are themselves</source>
        <translation>Optional: angemeldete Kunden sind sie selbst</translation>
    </message>
    <message>
        <source>Required: signed-in customers only</source>
        <translation>Erforderlich: nur angemeldete Kunden</translation>
    </message>
    <message>
        <source>Ask an anonymous visitor&apos;s name</source>
        <translation>Einen anonymen Besucher nach dem Namen fragen</translation>
    </message>
    <message>
        <source>Ask an anonymous visitor&apos;s e-mail address</source>
        <translation>Einen anonymen Besucher nach der E-Mail-Adresse fragen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Paste it into every page of the site, before &lt;/body&gt;</source>
        <translation>In jede Seite der Website einfügen, vor &lt;/body&gt;</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Make a new identity secret</source>
        <translation>Neues Identitätsgeheimnis erzeugen</translation>
    </message>
    <message>
        <source>Click again: the old one stops working</source>
        <translation>Noch einmal klicken: das alte gilt dann nicht mehr</translation>
    </message>
    <message>
        <source>Sites that may show it</source>
        <translation>Websites, die ihn zeigen dürfen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <source>Greeting</source>
        <translation>Begrüßung</translation>
    </message>
    <message>
        <source>Side of the page</source>
        <translation>Position auf der Seite</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Signed-in visitors</source>
        <translation>Angemeldete Besucher</translation>
    </message>
    <message>
        <source>Snippet</source>
        <translation>Code-Schnipsel</translation>
    </message>
    <message>
        <source>Identity secret</source>
        <translation>Identitätsgeheimnis</translation>
    </message>
    <message>
        <source>Save once to make the company&apos;s widget key</source>
        <translation>Einmal speichern, um den Widget-Schlüssel der Firma zu erzeugen</translation>
    </message>
    <message>
        <source>Set: your site&apos;s server holds it.</source>
        <translation>Gesetzt: der Server Ihrer Website hat es.</translation>
    </message>
    <message>
        <source>None yet: signed-in visitors cannot be checked.</source>
        <translation>Noch keines: angemeldete Besucher können nicht geprüft werden.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Not saved: see the field marked in red.</source>
        <translation>Nicht gespeichert: siehe das rot markierte Feld.</translation>
    </message>
    <message>
        <source>The snippet is on the clipboard.</source>
        <translation>Der Code-Schnipsel ist in der Zwischenablage.</translation>
    </message>
    <message>
        <source>Give this secret to your site&apos;s server now: it is not shown again.</source>
        <translation>Geben Sie dieses Geheimnis jetzt dem Server Ihrer Website: es wird nicht noch einmal gezeigt.</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::WebhooksModel</name>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::WebhooksSettings</name>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Click again to delete</source>
        <translation>Zum Löschen erneut klicken</translation>
    </message>
    <message>
        <source>Recent deliveries of the selected webhook</source>
        <translation>Letzte Zustellungen des ausgewählten Webhooks</translation>
    </message>
    <message>
        <source>New webhook</source>
        <translation>Neuer Webhook</translation>
    </message>
    <message>
        <source>https://example.com/hooks/tierdesk</source>
        <translation>https://example.com/hooks/tierdesk</translation>
    </message>
    <message>
        <source>signing secret</source>
        <translation>Signaturgeheimnis</translation>
    </message>
    <message>
        <source>Add webhook</source>
        <translation>Webhook hinzufügen</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Webhook added: %1</source>
        <translation>Webhook hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Webhook deleted.</source>
        <translation>Webhook gelöscht.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>tierdesk::ui::channel</name>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>wird gesendet</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>zugestellt</translation>
    </message>
    <message>
        <source>undelivered</source>
        <translation>nicht zugestellt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>not sent (too many automatic replies)</source>
        <translation>nicht gesendet (zu viele automatische Antworten)</translation>
    </message>
    <message>
        <source>received</source>
        <translation>empfangen</translation>
    </message>
</context>
</TS>
