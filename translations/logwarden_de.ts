<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>The subject (sub) is required.</source>
        <translation>Das Subjekt (sub) ist erforderlich.</translation>
    </message>
    <message>
        <source>Unsupported algorithm %1: use HS256, HS384, HS512, RS256 or ES256.</source>
        <translation>Nicht unterstützter Algorithmus %1: verwenden Sie HS256, HS384, HS512, RS256 oder ES256.</translation>
    </message>
    <message>
        <source>The signing key is empty.</source>
        <translation>Der Signaturschlüssel ist leer.</translation>
    </message>
    <message>
        <source>%1 needs a PEM private key.</source>
        <translation>%1 benötigt einen privaten PEM-Schlüssel.</translation>
    </message>
    <message>
        <source>The lifetime must be between one second and one year.</source>
        <translation>Die Gültigkeitsdauer muss zwischen einer Sekunde und einem Jahr liegen.</translation>
    </message>
    <message>
        <source>The token could not be signed: %1</source>
        <translation>Das Token konnte nicht signiert werden: %1</translation>
    </message>
    <message>
        <source>EXPIRED at %1</source>
        <translation>ABGELAUFEN am %1</translation>
    </message>
    <message>
        <source>Expires at %1</source>
        <translation>Läuft ab am %1</translation>
    </message>
    <message>
        <source>No expiry (exp) claim.</source>
        <translation>Kein Ablauf-Claim (exp).</translation>
    </message>
    <message>
        <source>Header:
%1
Claims:
%2
%3</source>
        <translation>Header:
%1
Claims:
%2
%3</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Generate a client-self-signed JWT (seed 001).</source>
        <translation>Ein vom Client selbst signiertes JWT erzeugen (Seed 001).</translation>
    </message>
    <message>
        <source>The user name (sub claim).</source>
        <translation>Der Benutzername (sub-Claim).</translation>
    </message>
    <message>
        <source>Space-separated scopes.</source>
        <translation>Durch Leerzeichen getrennte Scopes.</translation>
    </message>
    <message>
        <source>Environment variable holding the API access key (never a command-line argument).</source>
        <translation>Umgebungsvariable mit dem API-Zugriffsschlüssel (nie ein Kommandozeilenargument).</translation>
    </message>
    <message>
        <source>PEM private key for RS256/ES256.</source>
        <translation>Privater PEM-Schlüssel für RS256/ES256.</translation>
    </message>
    <message>
        <source>HS256 (default), HS384, HS512, RS256 or ES256.</source>
        <translation>HS256 (Standard), HS384, HS512, RS256 oder ES256.</translation>
    </message>
    <message>
        <source>Lifetime in seconds (default 3600).</source>
        <translation>Gültigkeitsdauer in Sekunden (Standard 3600).</translation>
    </message>
    <message>
        <source>--ttl must be a number of seconds</source>
        <translation>--ttl muss eine Anzahl von Sekunden sein</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>the environment variable %1 is empty or unset</source>
        <translation>die Umgebungsvariable %1 ist leer oder nicht gesetzt</translation>
    </message>
    <message>
        <source>give the key with --secret-env VAR (or --key-file for RS256/ES256)</source>
        <translation>geben Sie den Schlüssel mit --secret-env VAR an (oder --key-file für RS256/ES256)</translation>
    </message>
    <message>
        <source>usage: logwarden token inspect TOKEN</source>
        <translation>Aufruf: logwarden token inspect TOKEN</translation>
    </message>
    <message>
        <source>this is not a JWT</source>
        <translation>dies ist kein JWT</translation>
    </message>
    <message>
        <source>expired at %1</source>
        <translation>abgelaufen am %1</translation>
    </message>
    <message>
        <source>expires at %1</source>
        <translation>läuft ab am %1</translation>
    </message>
    <message>
        <source>unknown token command &quot;%1&quot; (generate, inspect)</source>
        <translation>unbekannter Token-Befehl „%1“ (generate, inspect)</translation>
    </message>
    <message>
        <source>Logwarden console. Token commands: logwarden token generate|inspect --help</source>
        <translation>Logwarden-Konsole. Token-Befehle: logwarden token generate|inspect --help</translation>
    </message>
    <message>
        <source>usage: logwarden token generate|inspect [--help]</source>
        <translation>Aufruf: logwarden token generate|inspect [--help]</translation>
    </message>
    <message>
        <source>Server URL, e.g. https://host:8443.</source>
        <translation>Server-URL, z. B. https://host:8443.</translation>
    </message>
    <message>
        <source>Read the credential (JWT or admin token) from this file; it is kept in the keychain.</source>
        <translation>Die Zugangsdaten (JWT oder Admin-Token) aus dieser Datei lesen; sie werden im Schlüsselbund aufbewahrt.</translation>
    </message>
    <message>
        <source>Connection profile (default: the last used).</source>
        <translation>Verbindungsprofil (Standard: das zuletzt verwendete).</translation>
    </message>
    <message>
        <source>Open on this tab (e.g. Collectors).</source>
        <translation>Mit diesem Reiter öffnen (z. B. Collectors).</translation>
    </message>
</context>
<context>
    <name>console</name>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>Server-URL:</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>lw::JsonTableModel</name>
    <message>
        <source>in the future</source>
        <translation>in der Zukunft</translation>
    </message>
    <message>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>vor %1 d</translation>
    </message>
</context>
<context>
    <name>lw::console::ApiClient</name>
    <message>
        <source>The server&apos;s certificate is not trusted yet (SHA-256 %1).</source>
        <translation>Dem Zertifikat des Servers wird noch nicht vertraut (SHA-256 %1).</translation>
    </message>
    <message>
        <source>The server&apos;s certificate CHANGED: expected SHA-256 %1, got %2. Refusing to connect; if the server was re-keyed on purpose, accept the new certificate in the profile.</source>
        <translation>Das Zertifikat des Servers hat sich GEÄNDERT: erwartet SHA-256 %1, erhalten %2. Keine Verbindung; wurde der Schlüssel des Servers absichtlich erneuert, akzeptieren Sie das neue Zertifikat im Profil.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate CHANGED: expected SHA-256 %1, got %2. Refusing its answer; if the server was re-keyed on purpose, accept the new certificate in the profile.</source>
        <translation>Das Zertifikat des Servers hat sich GEÄNDERT: erwartet SHA-256 %1, erhalten %2. Seine Antwort wird abgelehnt; wurde der Schlüssel des Servers absichtlich erneuert, akzeptieren Sie das neue Zertifikat im Profil.</translation>
    </message>
    <message>
        <source>The server did not answer within %1 seconds.</source>
        <translation>Der Server hat nicht innerhalb von %1 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>%1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation>Der Server antwortete %1.</translation>
    </message>
    <message>
        <source>The console switched to another server or certificate before this answer came.</source>
        <translation>Die Konsole hat zu einem anderen Server oder Zertifikat gewechselt, bevor diese Antwort kam.</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted yet; accept its fingerprint to connect.</source>
        <translation>Dem Zertifikat des Servers wird noch nicht vertraut; akzeptieren Sie seinen Fingerabdruck, um sich zu verbinden.</translation>
    </message>
</context>
<context>
    <name>lw::console::SecretStore</name>
    <message>
        <source>The system keychain is not available (%1); secrets are kept in memory for this session only.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar (%1); Geheimnisse werden nur für diese Sitzung im Speicher gehalten.</translation>
    </message>
    <message>
        <source>Could not store the secret in the keychain: %1</source>
        <translation>Das Geheimnis konnte nicht im Schlüsselbund gespeichert werden: %1</translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>Für %1 ist kein Geheimnis gespeichert.</translation>
    </message>
    <message>
        <source>Could not read the secret from the keychain: %1</source>
        <translation>Das Geheimnis konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>lw::ui</name>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Min level</source>
        <translation>Mindeststufe</translation>
    </message>
    <message>
        <source>Journald identifier</source>
        <translation>Journald-Kennung</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Loki URL</source>
        <translation>Loki-URL</translation>
    </message>
    <message>
        <source>Rsyslog endpoint</source>
        <translation>Rsyslog-Endpunkt</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>TLS bundle</source>
        <translation>TLS-Bündel</translation>
    </message>
    <message>
        <source>target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>TLS Bundles</source>
        <translation>TLS-Bündel</translation>
    </message>
    <message>
        <source>Certificate subject</source>
        <translation>Zertifikatssubjekt</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>Aussteller</translation>
    </message>
    <message>
        <source>Not after</source>
        <translation>Gültig bis</translation>
    </message>
    <message>
        <source>Has key</source>
        <translation>Mit Schlüssel</translation>
    </message>
    <message>
        <source>Collectors</source>
        <translation>Collectors</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Alloy</source>
        <translation>Alloy</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Failing exporters</source>
        <translation>Fehlerhafte Exporter</translation>
    </message>
    <message>
        <source>Exporters</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>collector</source>
        <translation>Collector</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Access Policies</source>
        <translation>Zugriffsrichtlinien</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>Realms</source>
        <translation>Realms</translation>
    </message>
    <message>
        <source>access policy</source>
        <translation>Zugriffsrichtlinie</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Access policy</source>
        <translation>Zugriffsrichtlinie</translation>
    </message>
    <message>
        <source>Expiration</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Ingest Tokens</source>
        <translation>Ingest-Tokens</translation>
    </message>
    <message>
        <source>Parser</source>
        <translation>Parser</translation>
    </message>
    <message>
        <source>Custom value</source>
        <translation>Eigener Wert</translation>
    </message>
    <message>
        <source>ingest token</source>
        <translation>Ingest-Token</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Key created</source>
        <translation>Schlüssel erstellt</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>audit entry</source>
        <translation>Protokolleintrag</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
</context>
<context>
    <name>lw::ui::AccessPolicyForm</name>
    <message>
        <source>&amp;Realms</source>
        <translation>&amp;Bereiche</translation>
    </message>
    <message>
        <source>&amp;Scopes</source>
        <translation>Berechti&amp;gungen</translation>
    </message>
</context>
<context>
    <name>lw::ui::AdminForm</name>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>optional; the name when empty</source>
        <translation>optional; leer: der Name</translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation>&amp;Anzeigename</translation>
    </message>
</context>
<context>
    <name>lw::ui::CollectorDetails</name>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Record (JSON)</source>
        <translation>Eintrag (JSON)</translation>
    </message>
    <message>
        <source>Select a collector to see its pipeline, hashes and last error.</source>
        <translation>Wählen Sie einen Collector, um seine Pipeline, Hashes und seinen letzten Fehler zu sehen.</translation>
    </message>
    <message>
        <source>It has not reported applying a pipeline yet.</source>
        <translation>Er hat noch nicht gemeldet, eine Pipeline angewendet zu haben.</translation>
    </message>
    <message>
        <source>It runs the current pipeline.</source>
        <translation>Er führt die aktuelle Pipeline aus.</translation>
    </message>
    <message>
        <source>It runs an older pipeline than the current one.</source>
        <translation>Er führt eine ältere als die aktuelle Pipeline aus.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Served %1 · applied %2 · current %3</source>
        <translation>Ausgeliefert %1 · angewendet %2 · aktuell %3</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>Letzter Fehler: %1</translation>
    </message>
    <message>
        <source>Probe: %1</source>
        <translation>Prüfung: %1</translation>
    </message>
    <message>
        <source>The pipeline this server serves (hash %1); private keys are redacted.</source>
        <translation>Die Pipeline, die dieser Server ausliefert (Hash %1); private Schlüssel sind geschwärzt.</translation>
    </message>
    <message>
        <source>Attributes: %1</source>
        <translation>Attribute: %1</translation>
    </message>
</context>
<context>
    <name>lw::ui::ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Von jemand anderem geändert</translation>
    </message>
    <message>
        <source>This record was changed on the server after you opened it. Compare the versions, then reload the server&apos;s version or overwrite it with yours.</source>
        <translation>Dieser Eintrag wurde auf dem Server geändert, nachdem Sie ihn geöffnet haben. Vergleichen Sie die Versionen und laden Sie dann die Version des Servers neu oder überschreiben Sie sie mit Ihrer.</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Ihre Version</translation>
    </message>
    <message>
        <source>On the server now</source>
        <translation>Jetzt auf dem Server</translation>
    </message>
    <message>
        <source>Reload theirs</source>
        <translation>Serverversion laden</translation>
    </message>
    <message>
        <source>Overwrite with mine</source>
        <translation>Mit meiner überschreiben</translation>
    </message>
</context>
<context>
    <name>lw::ui::ConnectionManager</name>
    <message>
        <source>Credential</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source>JWT or admin token for %1 (kept in the keychain):</source>
        <translation>JWT oder Admin-Token für %1 (wird im Schlüsselbund aufbewahrt):</translation>
    </message>
    <message>
        <source>The new token is this profile&apos;s credential.</source>
        <translation>Das neue Token ist jetzt die Zugangsberechtigung dieses Profils.</translation>
    </message>
    <message>
        <source>Unknown certificate</source>
        <translation>Unbekanntes Zertifikat</translation>
    </message>
    <message>
        <source>The server presents a certificate nobody has accepted yet.

Subject: %1
SHA-256: %2

Compare the fingerprint with the server&apos;s (logwardend prints it when it starts). Trust and pin it for the profile &quot;%3&quot;?</source>
        <translation>Der Server legt ein Zertifikat vor, das noch niemand akzeptiert hat.

Subjekt: %1
SHA-256: %2

Vergleichen Sie den Fingerabdruck mit dem des Servers (logwardend gibt ihn beim Start aus). Vertrauen und für das Profil „%3“ festlegen?</translation>
    </message>
</context>
<context>
    <name>lw::ui::ExpiryEditor</name>
    <message>
        <source>Never expires</source>
        <translation>Läuft nie ab</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 Jahr</translation>
    </message>
    <message>
        <source>Expires %1 from now</source>
        <translation>Läuft in %1 ab</translation>
    </message>
</context>
<context>
    <name>lw::ui::IngestTokenForm</name>
    <message>
        <source>JSON — fields become structured metadata</source>
        <translation>JSON — Felder werden zu strukturierten Metadaten</translation>
    </message>
    <message>
        <source>key=value pairs</source>
        <translation>Schlüssel=Wert-Paare</translation>
    </message>
    <message>
        <source>zap JSON (Go services)</source>
        <translation>zap-JSON (Go-Dienste)</translation>
    </message>
    <message>
        <source>none — lines as they come</source>
        <translation>keiner — Zeilen, wie sie kommen</translation>
    </message>
    <message>
        <source>&amp;Parser</source>
        <translation>&amp;Parser</translation>
    </message>
    <message>
        <source>empty: the server generates one (recommended)</source>
        <translation>leer: der Server erzeugt einen (empfohlen)</translation>
    </message>
    <message>
        <source>32 to 512 characters; only when the server runs with --allow-custom-ingest-tokens</source>
        <translation>32 bis 512 Zeichen; nur wenn der Server mit --allow-custom-ingest-tokens läuft</translation>
    </message>
    <message>
        <source>Custom &amp;value</source>
        <translation>Eigener &amp;Wert</translation>
    </message>
</context>
<context>
    <name>lw::ui::JwtInspectorDialog</name>
    <message>
        <source>Inspect a JWT</source>
        <translation>JWT untersuchen</translation>
    </message>
    <message>
        <source>Paste a token here.</source>
        <translation>Fügen Sie hier ein Token ein.</translation>
    </message>
    <message>
        <source>This is not a JWT (three base64url parts with JSON header and claims).</source>
        <translation>Das ist kein JWT (drei base64url-Teile mit JSON-Header und -Claims).</translation>
    </message>
</context>
<context>
    <name>lw::ui::KeyValueEditor</name>
    <message>
        <source>Add label</source>
        <translation>Label hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>lw::ui::LogsTab</name>
    <message>
        <source>Live tail</source>
        <translation>Live-Verfolgung</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>LogQL, e.g. {job=&quot;api&quot;} |= &quot;error&quot;</source>
        <translation>LogQL, z. B. {job=&quot;api&quot;} |= &quot;error&quot;</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>Letzte 15 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>Letzte 6 Stunden</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>limit </source>
        <translation>Limit </translation>
    </message>
    <message>
        <source>Filter the results…</source>
        <translation>Ergebnisse filtern…</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Run the query (Ctrl+Return)</source>
        <translation>Abfrage ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Could not list tenants: %1</source>
        <translation>Mandanten konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Choose a tenant first.</source>
        <translation>Wählen Sie zuerst einen Mandanten.</translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation>Abfrage fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The live tail stopped: %1</source>
        <translation>Die Live-Verfolgung wurde beendet: %1</translation>
    </message>
</context>
<context>
    <name>lw::ui::MainWindow</name>
    <message>
        <source>Logwarden</source>
        <translation>Logwarden</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Logs</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Refresh &amp;all</source>
        <translation>&amp;Alles neu laden</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <source>&amp;Generate a self-signed token…</source>
        <translation>Selbst signiertes Token &amp;erzeugen…</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>&amp;Inspect a JWT…</source>
        <translation>JWT &amp;untersuchen…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>Die neue Sprache wird ab dem nächsten Start verwendet.</translation>
    </message>
    <message>
        <source>There is no tab &quot;%1&quot;.</source>
        <translation>Es gibt keinen Reiter „%1“.</translation>
    </message>
    <message>
        <source>Shown once</source>
        <translation>Einmalige Anzeige</translation>
    </message>
    <message>
        <source>The secret of &quot;%1&quot; is shown now and never again. Copy it to where it is needed.</source>
        <translation>Das Geheimnis von „%1“ wird jetzt und nie wieder angezeigt. Kopieren Sie es dorthin, wo es gebraucht wird.</translation>
    </message>
    <message>
        <source>Copy (cleared in 30 s)</source>
        <translation>Kopieren (nach 30 s gelöscht)</translation>
    </message>
    <message>
        <source>&amp;Connect to…</source>
        <translation>&amp;Verbinden mit…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Server: %1 (%2)</source>
        <translation>Server: %1 (%2)</translation>
    </message>
    <message>
        <source>No keychain</source>
        <translation>Kein Schlüsselbund</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Logwarden</source>
        <translation>&amp;Über Logwarden</translation>
    </message>
    <message>
        <source>About Logwarden</source>
        <translation>Über Logwarden</translation>
    </message>
    <message>
        <source>Logwarden — %1 (%2)</source>
        <translation>Logwarden — %1 (%2)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Logwarden %1&lt;/h3&gt;&lt;p&gt;The console of a Logwarden log platform: log-streaming configuration, collectors, tenants, access policies, tokens and users, and the logs themselves.&lt;/p&gt;&lt;p&gt;Connected to %2: %3.&lt;/p&gt;&lt;p&gt;Built with Qt %4 (LGPL-3.0), QtKeychain (BSD-3-Clause), simdjson (Apache-2.0), nlohmann/json (MIT), cpp-jwt (MIT) and OpenSSL (Apache-2.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Logwarden %1&lt;/h3&gt;&lt;p&gt;Die Konsole einer Logwarden-Log-Plattform: Konfiguration des Log-Streamings, Collectors, Mandanten, Zugriffsrichtlinien, Tokens und Benutzer sowie die Logs selbst.&lt;/p&gt;&lt;p&gt;Verbunden mit %2: %3.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %4 (LGPL-3.0), QtKeychain (BSD-3-Clause), simdjson (Apache-2.0), nlohmann/json (MIT), cpp-jwt (MIT) und OpenSSL (Apache-2.0).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>its version is not known (it has not answered GET /api/version)</source>
        <translation>seine Version ist nicht bekannt (er hat GET /api/version nicht beantwortet)</translation>
    </message>
</context>
<context>
    <name>lw::ui::OverviewTab</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>The platform at a glance; every figure opens its tab, filtered.</source>
        <translation>Die Plattform auf einen Blick; jede Zahl öffnet ihren Reiter, gefiltert.</translation>
    </message>
    <message>
        <source>Reload from the server (F5)</source>
        <translation>Vom Server neu laden (F5)</translation>
    </message>
    <message>
        <source>Collectors</source>
        <translation>Collectors</translation>
    </message>
    <message>
        <source>collectors</source>
        <translation>Collectors</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>Beeinträchtigt</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>No collectors yet — point an Alloy agent&apos;s remotecfg block at this server&apos;s remotecfg listener with the node&apos;s agent token or an enrollment token.</source>
        <translation>Noch keine Collectors – richten Sie den remotecfg-Block eines Alloy-Agenten mit dem Agent-Token des Knotens oder einem Registrierungs-Token auf den remotecfg-Listener dieses Servers.</translation>
    </message>
    <message>
        <source>Failing exporters (Enter opens their collectors):</source>
        <translation>Fehlerhafte Exporter (Enter öffnet ihre Collectors):</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Zugriff</translation>
    </message>
    <message>
        <source>tokens expired</source>
        <translation>Tokens abgelaufen</translation>
    </message>
    <message>
        <source>tokens expiring within 7 days</source>
        <translation>Tokens laufen in 7 Tagen ab</translation>
    </message>
    <message>
        <source>tenants</source>
        <translation>Mandanten</translation>
    </message>
    <message>
        <source>access policies</source>
        <translation>Zugriffsrichtlinien</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Latest changes (Enter opens the Audit tab)</source>
        <translation>Letzte Änderungen (Enter öffnet das Prüfprotokoll)</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>%1 öffnen</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> und %1 weitere</translation>
    </message>
    <message numerus="yes">
        <source>%1 fails on %n collector(s): %2</source>
        <translation>
            <numerusform>%1 fällt auf %n Collector aus: %2</numerusform>
            <numerusform>%1 fällt auf %n Collectors aus: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>None: every exporter that was probed delivers.</source>
        <translation>Keine: jeder geprüfte Exporter liefert.</translation>
    </message>
    <message>
        <source>%1: %2 %3 %4 &quot;%5&quot;</source>
        <translation>%1: %2 %3 %4 „%5“</translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation>Noch keine Änderungen aufgezeichnet.</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>%1 konnten nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Could not load collectors: the answer is not a list.</source>
        <translation>Collectors konnten nicht geladen werden: die Antwort ist keine Liste.</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>the audit log</source>
        <translation>das Prüfprotokoll</translation>
    </message>
    <message>
        <source>Could not load %1: the server&apos;s answer is not what the API returns.</source>
        <translation>%1 konnte nicht geladen werden: die Antwort des Servers entspricht nicht der API.</translation>
    </message>
</context>
<context>
    <name>lw::ui::PemField</name>
    <message>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>A PEM file; you can also drop one here</source>
        <translation>Eine PEM-Datei; Sie können auch eine hierher ziehen</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>Choose the private key</source>
        <translation>Privaten Schlüssel wählen</translation>
    </message>
    <message>
        <source>Choose a PEM file</source>
        <translation>PEM-Datei wählen</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key)</source>
        <translation>PEM-Dateien (*.pem *.crt *.cer *.key)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>%1 is larger than %2 KiB; a PEM file is not.</source>
        <translation>%1 ist größer als %2 KiB; eine PEM-Datei ist das nicht.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>%1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source> — expired</source>
        <translation> — abgelaufen</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) in the file</source>
        <translation>
            <numerusform>%n Zertifikat in der Datei</numerusform>
            <numerusform>%n Zertifikate in der Datei</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a PEM certificate: %1</source>
        <translation>Kein PEM-Zertifikat: %1</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>Subject: %1
Issuer: %2
Valid from %3 until %4%5</source>
        <translation>Inhaber: %1
Aussteller: %2
Gültig von %3 bis %4%5</translation>
    </message>
    <message>
        <source> — not valid yet</source>
        <translation> — noch nicht gültig</translation>
    </message>
</context>
<context>
    <name>lw::ui::PipelinePreviewDialog</name>
    <message>
        <source>Preview of the agents&apos; pipeline</source>
        <translation>Vorschau der Pipeline der Agenten</translation>
    </message>
    <message numerus="yes">
        <source>%n collector(s) will receive this pipeline on their next poll.</source>
        <translation>
            <numerusform>%n Collector erhält diese Pipeline bei seiner nächsten Abfrage.</numerusform>
            <numerusform>%n Collectors erhalten diese Pipeline bei ihrer nächsten Abfrage.</numerusform>
        </translation>
    </message>
    <message>
        <source>This change does not alter what the agents receive.</source>
        <translation>Diese Änderung ändert nichts an dem, was die Agenten erhalten.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Anwenden</translation>
    </message>
    <message>
        <source>What agents receive now (−) and after this change (+):</source>
        <translation>Was die Agenten jetzt (−) und nach dieser Änderung (+) erhalten:</translation>
    </message>
</context>
<context>
    <name>lw::ui::ProfilesDialog</name>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>&amp;Add and connect</source>
        <translation>&amp;Hinzufügen und verbinden</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>Mit einem Server verbinden</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Pinned certificate (SHA-256)</source>
        <translation>Festgelegtes Zertifikat (SHA-256)</translation>
    </message>
    <message>
        <source>Filter profiles…</source>
        <translation>Profile filtern…</translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation>z. B. produktion</translation>
    </message>
    <message>
        <source>JWT or admin token (kept in the keychain)</source>
        <translation>JWT oder Admin-Token (wird im Schlüsselbund aufbewahrt)</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>Zugangsdaten</translation>
    </message>
    <message>
        <source> (connected)</source>
        <translation> (verbunden)</translation>
    </message>
    <message>
        <source>not pinned yet</source>
        <translation>noch nicht festgelegt</translation>
    </message>
    <message>
        <source>Name the profile.</source>
        <translation>Benennen Sie das Profil.</translation>
    </message>
    <message>
        <source>A profile name cannot contain &apos;/&apos; or &apos;\&apos;.</source>
        <translation>Ein Profilname darf weder „/“ noch „\“ enthalten.</translation>
    </message>
    <message>
        <source>A profile &quot;%1&quot; exists already.</source>
        <translation>Ein Profil „%1“ gibt es bereits.</translation>
    </message>
    <message>
        <source>The server URL must look like https://host:8443.</source>
        <translation>Die Server-URL muss wie https://host:8443 aussehen.</translation>
    </message>
    <message>
        <source>Give the credential (a JWT or an admin token).</source>
        <translation>Geben Sie die Zugangsdaten an (ein JWT oder ein Admin-Token).</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove the profile &quot;%1&quot; and its credential from the keychain?</source>
        <translation>Das Profil „%1“ und seine Zugangsdaten aus dem Schlüsselbund entfernen?</translation>
    </message>
</context>
<context>
    <name>lw::ui::RealmsEditor</name>
    <message>
        <source>Add realm</source>
        <translation>Bereich hinzufügen</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Label selectors (optional)</source>
        <translation>Label-Selektoren (optional)</translation>
    </message>
    <message>
        <source>A tenant, or * for every tenant</source>
        <translation>Ein Mandant, oder * für alle Mandanten</translation>
    </message>
    <message>
        <source>e.g. {app=&quot;api&quot;} {env!=&quot;prod&quot;}</source>
        <translation>z. B. {app=&quot;api&quot;} {env!=&quot;prod&quot;}</translation>
    </message>
    <message>
        <source>Streams this realm reaches: LogQL stream selectors, one after the other. Empty: every stream.</source>
        <translation>Streams, die dieser Bereich erreicht: LogQL-Stream-Selektoren hintereinander. Leer: alle Streams.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>lw::ui::RecordEditorDialog</name>
    <message>
        <source>&amp;Form</source>
        <translation>&amp;Formular</translation>
    </message>
    <message>
        <source>Advanced (&amp;JSON)</source>
        <translation>Erweitert (&amp;JSON)</translation>
    </message>
    <message>
        <source>Looks valid.</source>
        <translation>Sieht gültig aus.</translation>
    </message>
    <message>
        <source>This is not valid JSON yet.</source>
        <translation>Das ist noch kein gültiges JSON.</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>Der Server hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>The server refused %1: %2</source>
        <translation>Der Server hat %1 abgelehnt: %2</translation>
    </message>
    <message>
        <source>The form cannot show %1 as it is; edit this record on the Advanced (JSON) tab.</source>
        <translation>Das Formular kann %1 nicht so zeigen, wie es ist; bearbeiten Sie diesen Eintrag im Reiter „Erweitert (JSON)“.</translation>
    </message>
</context>
<context>
    <name>lw::ui::RecordForm</name>
    <message>
        <source>this record</source>
        <translation>diesen Eintrag</translation>
    </message>
    <message>
        <source>3–64 of a-z, 0-9, - and _</source>
        <translation>3–64 Zeichen aus a-z, 0-9, - und _</translation>
    </message>
    <message>
        <source>A name cannot change; create a new record instead.</source>
        <translation>Ein Name kann sich nicht ändern; legen Sie stattdessen einen neuen Eintrag an.</translation>
    </message>
</context>
<context>
    <name>lw::ui::ResourceTab</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Neu &amp;laden</translation>
    </message>
    <message>
        <source>Filter %1…</source>
        <translation>%1 filtern…</translation>
    </message>
    <message>
        <source>Select a row to see it as JSON.</source>
        <translation>Wählen Sie eine Zeile, um sie als JSON zu sehen.</translation>
    </message>
    <message>
        <source>Create (Ctrl+N)</source>
        <translation>Erstellen (Strg+N)</translation>
    </message>
    <message>
        <source>Edit the selected row (Ctrl+E or double-click)</source>
        <translation>Ausgewählte Zeile bearbeiten (Strg+E oder Doppelklick)</translation>
    </message>
    <message>
        <source>Delete the selected row (Del)</source>
        <translation>Ausgewählte Zeile löschen (Entf)</translation>
    </message>
    <message>
        <source>Reload from the server (F5)</source>
        <translation>Vom Server neu laden (F5)</translation>
    </message>
    <message>
        <source>The tenant whose %1 are shown</source>
        <translation>Der Mandant, dessen %1 angezeigt werden</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>Mandant</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Could not list tenants: %1</source>
        <translation>Mandanten konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>%1 konnten nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>Neu: %1</translation>
    </message>
    <message>
        <source>Select a row to edit first.</source>
        <translation>Wählen Sie zuerst eine Zeile zum Bearbeiten.</translation>
    </message>
    <message>
        <source>Could not load &quot;%1&quot;: %2</source>
        <translation>„%1“ konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Select a row to delete first.</source>
        <translation>Wählen Sie zuerst eine Zeile zum Löschen.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deactivate %1 &quot;%2&quot;? Requests using it will be refused until it is re-activated.</source>
        <translation>%1 „%2“ deaktivieren? Anfragen damit werden abgelehnt, bis es wieder aktiviert wird.</translation>
    </message>
    <message>
        <source>Delete %1 &quot;%2&quot;? This cannot be undone.</source>
        <translation>%1 „%2“ löschen? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Could not delete &quot;%1&quot;: %2</source>
        <translation>„%1“ konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>Could not load %1: the server&apos;s answer is not a JSON list of &quot;%2&quot;.</source>
        <translation>%1 konnten nicht geladen werden: Die Antwort des Servers ist keine JSON-Liste „%2“.</translation>
    </message>
    <message>
        <source>Re-&amp;activate</source>
        <translation>&amp;Reaktivieren</translation>
    </message>
    <message>
        <source>Re-activate the selected row (Del)</source>
        <translation>Ausgewählte Zeile reaktivieren (Entf)</translation>
    </message>
    <message>
        <source>Deactivate the selected row (Del)</source>
        <translation>Ausgewählte Zeile deaktivieren (Entf)</translation>
    </message>
    <message>
        <source>Re-activate</source>
        <translation>Reaktivieren</translation>
    </message>
    <message>
        <source>Re-activate %1 &quot;%2&quot;? Requests using it will be accepted again.</source>
        <translation>%1 „%2“ reaktivieren? Anfragen damit werden wieder angenommen.</translation>
    </message>
    <message>
        <source>Could not re-activate &quot;%1&quot;: %2</source>
        <translation>„%1“ konnte nicht reaktiviert werden: %2</translation>
    </message>
    <message>
        <source>— changes —</source>
        <translation>— Änderungen —</translation>
    </message>
    <message>
        <source>(no fields)</source>
        <translation>(keine Felder)</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not a preview</source>
        <translation>die Antwort des Servers ist keine Vorschau</translation>
    </message>
    <message>
        <source>%1: none yet — New %2… (Ctrl+N) creates the first one.</source>
        <translation>%1: noch keine – Neu: %2… (Strg+N) legt den ersten Eintrag an.</translation>
    </message>
    <message>
        <source>%1: none yet.</source>
        <translation>%1: noch keine.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Edit %1 &quot;%2&quot;</source>
        <translation>%1 „%2“ bearbeiten</translation>
    </message>
</context>
<context>
    <name>lw::ui::ScopeChecklist</name>
    <message>
        <source>query, labels, series and tail in its tenants</source>
        <translation>Abfragen, Labels, Serien und Tail in seinen Mandanten</translation>
    </message>
    <message>
        <source>push logs into its tenants</source>
        <translation>Logs in seine Mandanten schreiben</translation>
    </message>
    <message>
        <source>delete log lines in its tenants</source>
        <translation>Logzeilen in seinen Mandanten löschen</translation>
    </message>
    <message>
        <source>manage tenants, policies, tokens and users</source>
        <translation>Mandanten, Richtlinien, Tokens und Benutzer verwalten</translation>
    </message>
    <message>
        <source>read tenants, policies, tokens, users and the audit log</source>
        <translation>Mandanten, Richtlinien, Tokens, Benutzer und das Audit-Log lesen</translation>
    </message>
    <message>
        <source>read sources, targets, TLS bundles and collectors</source>
        <translation>Quellen, Ziele, TLS-Bündel und Collectors lesen</translation>
    </message>
    <message>
        <source>change sources, targets and TLS bundles</source>
        <translation>Quellen, Ziele und TLS-Bündel ändern</translation>
    </message>
</context>
<context>
    <name>lw::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>How often the Collectors tab reloads by itself; 0 turns it off.</source>
        <translation>Wie oft der Reiter Collectors sich selbst neu lädt; 0 schaltet das ab.</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation>Eine neue Sprache wird ab dem nächsten Start verwendet.</translation>
    </message>
    <message>
        <source>Auto-refresh every</source>
        <translation>Automatisch neu laden alle</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Erscheinungsbild</translation>
    </message>
</context>
<context>
    <name>lw::ui::SourceForm</name>
    <message>
        <source>Collect from this source</source>
        <translation>Aus dieser Quelle sammeln</translation>
    </message>
    <message>
        <source>journald</source>
        <translation>journald</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>/var/log/app/*.log</source>
        <translation>/var/log/app/*.log</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>the unit&apos;s SYSLOG_IDENTIFIER, e.g. node-manager</source>
        <translation>der SYSLOG_IDENTIFIER der Unit, z. B. node-manager</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>Liest</translation>
    </message>
    <message>
        <source>Syslog &amp;identifier</source>
        <translation>Syslog-&amp;Kennung</translation>
    </message>
    <message>
        <source>&amp;Paths</source>
        <translation>&amp;Pfade</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>&amp;Labels</translation>
    </message>
    <message>
        <source>Log &amp;format</source>
        <translation>Log-&amp;Format</translation>
    </message>
    <message>
        <source>&amp;Minimum level</source>
        <translation>&amp;Mindeststufe</translation>
    </message>
</context>
<context>
    <name>lw::ui::StringListEditor</name>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove the selected entry</source>
        <translation>Den gewählten Eintrag entfernen</translation>
    </message>
</context>
<context>
    <name>lw::ui::TargetForm</name>
    <message>
        <source>Send to this target</source>
        <translation>An dieses Ziel senden</translation>
    </message>
    <message>
        <source>Loki</source>
        <translation>Loki</translation>
    </message>
    <message>
        <source>rsyslog (TLS)</source>
        <translation>rsyslog (TLS)</translation>
    </message>
    <message>
        <source>X-Scope-OrgID (optional)</source>
        <translation>X-Scope-OrgID (optional)</translation>
    </message>
    <message>
        <source>e.g. 10s (optional)</source>
        <translation>z. B. 10s (optional)</translation>
    </message>
    <message>
        <source>Push &amp;URL</source>
        <translation>Push-&amp;URL</translation>
    </message>
    <message>
        <source>&amp;Tenant</source>
        <translation>&amp;Mandant</translation>
    </message>
    <message>
        <source>TLS &amp;bundle</source>
        <translation>TLS-&amp;Bündel</translation>
    </message>
    <message>
        <source>&amp;Endpoint</source>
        <translation>&amp;Endpunkt</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>P&amp;ort</translation>
    </message>
    <message>
        <source>T&amp;imeout</source>
        <translation>&amp;Zeitlimit</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>&amp;Typ</translation>
    </message>
</context>
<context>
    <name>lw::ui::TenantForm</name>
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
</context>
<context>
    <name>lw::ui::TlsBundleForm</name>
    <message>
        <source>none (server authentication only)</source>
        <translation>keins (nur Server-Authentifizierung)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>CA certificate(s)</source>
        <translation>CA-Zertifikat(e)</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <source>as stored</source>
        <translation>wie gespeichert</translation>
    </message>
    <message>
        <source>the stored key (unchanged)</source>
        <translation>der gespeicherte Schlüssel (unverändert)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keins</translation>
    </message>
    <message>
        <source>from the JSON view</source>
        <translation>aus der JSON-Ansicht</translation>
    </message>
    <message>
        <source>The server keeps the stored key; choose a file to replace it.</source>
        <translation>Der Server behält den gespeicherten Schlüssel; wählen Sie eine Datei, um ihn zu ersetzen.</translation>
    </message>
    <message>
        <source>A client certificate needs its private key.</source>
        <translation>Ein Client-Zertifikat braucht seinen privaten Schlüssel.</translation>
    </message>
    <message>
        <source>A private key needs its client certificate.</source>
        <translation>Ein privater Schlüssel braucht sein Client-Zertifikat.</translation>
    </message>
    <message>
        <source>Matches the client certificate. It is sent once and stored encrypted; the server never shows it again.</source>
        <translation>Passt zum Client-Zertifikat. Er wird einmal gesendet und verschlüsselt gespeichert; der Server zeigt ihn nie wieder.</translation>
    </message>
    <message>
        <source>This key does not belong to the client certificate.</source>
        <translation>Dieser Schlüssel gehört nicht zum Client-Zertifikat.</translation>
    </message>
    <message>
        <source>Without a client certificate the server drops the stored key.</source>
        <translation>Ohne Client-Zertifikat verwirft der Server den gespeicherten Schlüssel.</translation>
    </message>
    <message>
        <source>A new client certificate needs its private key: choose it.</source>
        <translation>Ein neues Client-Zertifikat braucht seinen privaten Schlüssel: wählen Sie ihn.</translation>
    </message>
</context>
<context>
    <name>lw::ui::TokenForm</name>
    <message>
        <source>A token&apos;s access policy cannot change; create a new token instead.</source>
        <translation>Die Zugriffsrichtlinie eines Tokens kann sich nicht ändern; legen Sie stattdessen ein neues Token an.</translation>
    </message>
    <message>
        <source>&amp;Access policy</source>
        <translation>&amp;Zugriffsrichtlinie</translation>
    </message>
    <message>
        <source>&amp;Expires</source>
        <translation>&amp;Läuft ab</translation>
    </message>
</context>
<context>
    <name>lw::ui::TokenGeneratorDialog</name>
    <message>
        <source>PEM key…</source>
        <translation>PEM-Schlüssel…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Use as this profile&apos;s credential</source>
        <translation>Als Zugangsdaten dieses Profils verwenden</translation>
    </message>
    <message>
        <source>Generate a self-signed token</source>
        <translation>Selbst signiertes Token erzeugen</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>the user&apos;s API access key</source>
        <translation>der API-Zugriffsschlüssel des Benutzers</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>more scopes, space-separated (e.g. Logpoint&apos;s search:read)</source>
        <translation>weitere Scopes, durch Leerzeichen getrennt (z. B. search:read von Logpoint)</translation>
    </message>
    <message>
        <source>Subject (sub)</source>
        <translation>Subjekt (sub)</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Scopes</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>Algorithmus</translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation>Gültigkeitsdauer</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>&amp;Erzeugen</translation>
    </message>
    <message>
        <source>PEM private key</source>
        <translation>Privater PEM-Schlüssel</translation>
    </message>
    <message>
        <source>PEM key loaded from %1</source>
        <translation>PEM-Schlüssel aus %1 geladen</translation>
    </message>
    <message>
        <source>This token is shown only here; copy it now (the clipboard is cleared after 30 s).</source>
        <translation>Dieses Token wird nur hier angezeigt; kopieren Sie es jetzt (die Zwischenablage wird nach 30 s geleert).</translation>
    </message>
</context>
<context>
    <name>lw::ui::UserForm</name>
    <message>
        <source>No realm: the user&apos;s tokens reach every tenant.</source>
        <translation>Kein Bereich: die Tokens des Benutzers erreichen alle Mandanten.</translation>
    </message>
    <message>
        <source>&amp;Scopes</source>
        <translation>Berechti&amp;gungen</translation>
    </message>
    <message>
        <source>&amp;Realms</source>
        <translation>&amp;Bereiche</translation>
    </message>
    <message>
        <source>No realm: the user&apos;s tokens reach no tenant.</source>
        <translation>Kein Bereich: die Tokens des Benutzers erreichen keinen Mandanten.</translation>
    </message>
</context>
</TS>
