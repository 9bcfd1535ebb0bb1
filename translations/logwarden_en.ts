<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>QObject</name>
    <message>
        <source>The subject (sub) is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported algorithm %1: use HS256, HS384, HS512, RS256 or ES256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The signing key is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a PEM private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The lifetime must be between one second and one year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be signed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPIRED at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No expiry (exp) claim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header:
%1
Claims:
%2
%3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Generate a client-self-signed JWT (seed 001).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user name (sub claim).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space-separated scopes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment variable holding the API access key (never a command-line argument).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM private key for RS256/ES256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HS256 (default), HS384, HS512, RS256 or ES256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime in seconds (default 3600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--ttl must be a number of seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the environment variable %1 is empty or unset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the key with --secret-env VAR (or --key-file for RS256/ES256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: logwarden token inspect TOKEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this is not a JWT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown token command &quot;%1&quot; (generate, inspect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logwarden console. Token commands: logwarden token generate|inspect --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: logwarden token generate|inspect [--help]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL, e.g. https://host:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the credential (JWT or admin token) from this file; it is kept in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profile (default: the last used).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on this tab (e.g. Collectors).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>console</name>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::JsonTableModel</name>
    <message>
        <source>in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::console::ApiClient</name>
    <message>
        <source>The server&apos;s certificate is not trusted yet (SHA-256 %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate CHANGED: expected SHA-256 %1, got %2. Refusing to connect; if the server was re-keyed on purpose, accept the new certificate in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate CHANGED: expected SHA-256 %1, got %2. Refusing its answer; if the server was re-keyed on purpose, accept the new certificate in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer within %1 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The console switched to another server or certificate before this answer came.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted yet; accept its fingerprint to connect.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::console::SecretStore</name>
    <message>
        <source>The system keychain is not available (%1); secrets are kept in memory for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the secret in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the secret from the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui</name>
    <message>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Min level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journald identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loki URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rsyslog endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS Bundles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alloy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failing exporters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>collector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Realms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingest Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ingest token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>audit entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::AccessPolicyForm</name>
    <message>
        <source>&amp;Realms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scopes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::AdminForm</name>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional; the name when empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::CollectorDetails</name>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a collector to see its pipeline, hashes and last error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It has not reported applying a pipeline yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It runs the current pipeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It runs an older pipeline than the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Served %1 · applied %2 · current %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pipeline this server serves (hash %1); private keys are redacted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attributes: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record was changed on the server after you opened it. Compare the versions, then reload the server&apos;s version or overwrite it with yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the server now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overwrite with mine</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::ConnectionManager</name>
    <message>
        <source>Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT or admin token for %1 (kept in the keychain):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new token is this profile&apos;s credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server presents a certificate nobody has accepted yet.

Subject: %1
SHA-256: %2

Compare the fingerprint with the server&apos;s (logwardend prints it when it starts). Trust and pin it for the profile &quot;%3&quot;?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::ExpiryEditor</name>
    <message>
        <source>Never expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires %1 from now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::IngestTokenForm</name>
    <message>
        <source>JSON — fields become structured metadata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key=value pairs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zap JSON (Go services)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none — lines as they come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Parser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: the server generates one (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>32 to 512 characters; only when the server runs with --allow-custom-ingest-tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom &amp;value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::JwtInspectorDialog</name>
    <message>
        <source>Inspect a JWT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a token here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a JWT (three base64url parts with JSON header and claims).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::KeyValueEditor</name>
    <message>
        <source>Add label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::LogsTab</name>
    <message>
        <source>Live tail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LogQL, e.g. {job=&quot;api&quot;} |= &quot;error&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the results…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the query (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list tenants: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a tenant first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live tail stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::MainWindow</name>
    <message>
        <source>Logwarden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate a self-signed token…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inspect a JWT…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no tab &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret of &quot;%1&quot; is shown now and never again. Copy it to where it is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy (cleared in 30 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Logwarden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Logwarden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logwarden — %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Logwarden %1&lt;/h3&gt;&lt;p&gt;The console of a Logwarden log platform: log-streaming configuration, collectors, tenants, access policies, tokens and users, and the logs themselves.&lt;/p&gt;&lt;p&gt;Connected to %2: %3.&lt;/p&gt;&lt;p&gt;Built with Qt %4 (LGPL-3.0), QtKeychain (BSD-3-Clause), simdjson (Apache-2.0), nlohmann/json (MIT), cpp-jwt (MIT) and OpenSSL (Apache-2.0).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its version is not known (it has not answered GET /api/version)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::OverviewTab</name>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The platform at a glance; every figure opens its tab, filtered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload from the server (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>collectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No collectors yet — point an Alloy agent&apos;s remotecfg block at this server&apos;s remotecfg listener with the node&apos;s agent token or an enrollment token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failing exporters (Enter opens their collectors):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens expiring within 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest changes (Enter opens the Audit tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 fails on %n collector(s): %2</source>
        <translation>
            <numerusform>%1 fails on %n collector: %2</numerusform>
            <numerusform>%1 fails on %n collectors: %2</numerusform>
        </translation>
    </message>
    <message>
        <source>None: every exporter that was probed delivers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 %3 %4 &quot;%5&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load collectors: the answer is not a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1: the server&apos;s answer is not what the API returns.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::PemField</name>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PEM file; you can also drop one here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a PEM file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is larger than %2 KiB; a PEM file is not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) in the file</source>
        <translation>
            <numerusform>%n certificate in the file</numerusform>
            <numerusform>%n certificates in the file</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a PEM certificate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: %1
Issuer: %2
Valid from %3 until %4%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — not valid yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::PipelinePreviewDialog</name>
    <message>
        <source>Preview of the agents&apos; pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n collector(s) will receive this pipeline on their next poll.</source>
        <translation>
            <numerusform>%n collector will receive this pipeline on its next poll.</numerusform>
            <numerusform>%n collectors will receive this pipeline on their next poll.</numerusform>
        </translation>
    </message>
    <message>
        <source>This change does not alter what the agents receive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What agents receive now (−) and after this change (+):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::ProfilesDialog</name>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add and connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned certificate (SHA-256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter profiles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT or admin token (kept in the keychain)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not pinned yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile name cannot contain &apos;/&apos; or &apos;\&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A profile &quot;%1&quot; exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server URL must look like https://host:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the credential (a JWT or an admin token).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the profile &quot;%1&quot; and its credential from the keychain?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::RealmsEditor</name>
    <message>
        <source>Add realm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label selectors (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tenant, or * for every tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. {app=&quot;api&quot;} {env!=&quot;prod&quot;}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Streams this realm reaches: LogQL stream selectors, one after the other. Empty: every stream.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::RecordEditorDialog</name>
    <message>
        <source>&amp;Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced (&amp;JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not valid JSON yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form cannot show %1 as it is; edit this record on the Advanced (JSON) tab.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::RecordForm</name>
    <message>
        <source>this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3–64 of a-z, 0-9, - and _</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name cannot change; create a new record instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::ResourceTab</name>
    <message>
        <source>&amp;New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a row to see it as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected row (Ctrl+E or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected row (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload from the server (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tenant whose %1 are shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list tenants: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a row to edit first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a row to delete first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate %1 &quot;%2&quot;? Requests using it will be refused until it is re-activated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 &quot;%2&quot;? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load %1: the server&apos;s answer is not a JSON list of &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-&amp;activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-activate the selected row (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate the selected row (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-activate %1 &quot;%2&quot;? Requests using it will be accepted again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not re-activate &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— changes —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no fields)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server&apos;s answer is not a preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: none yet — New %2… (Ctrl+N) creates the first one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: none yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1 &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::ScopeChecklist</name>
    <message>
        <source>query, labels, series and tail in its tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>push logs into its tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delete log lines in its tenants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manage tenants, policies, tokens and users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read tenants, policies, tokens, users and the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read sources, targets, TLS bundles and collectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>change sources, targets and TLS bundles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the Collectors tab reloads by itself; 0 turns it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto-refresh every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::SourceForm</name>
    <message>
        <source>Collect from this source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>journald</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/var/log/app/*.log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the unit&apos;s SYSLOG_IDENTIFIER, e.g. node-manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syslog &amp;identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Minimum level</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::StringListEditor</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected entry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::TargetForm</name>
    <message>
        <source>Send to this target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loki</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rsyslog (TLS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X-Scope-OrgID (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 10s (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push &amp;URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tenant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS &amp;bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;imeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::TenantForm</name>
    <message>
        <source>&amp;Cluster</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::TlsBundleForm</name>
    <message>
        <source>none (server authentication only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stored key (unchanged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the JSON view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server keeps the stored key; choose a file to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client certificate needs its private key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A private key needs its client certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches the client certificate. It is sent once and stored encrypted; the server never shows it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key does not belong to the client certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a client certificate the server drops the stored key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new client certificate needs its private key: choose it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::TokenForm</name>
    <message>
        <source>A token&apos;s access policy cannot change; create a new token instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Access policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expires</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::TokenGeneratorDialog</name>
    <message>
        <source>PEM key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use as this profile&apos;s credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate a self-signed token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user&apos;s API access key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more scopes, space-separated (e.g. Logpoint&apos;s search:read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject (sub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM key loaded from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This token is shown only here; copy it now (the clipboard is cleared after 30 s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lw::ui::UserForm</name>
    <message>
        <source>No realm: the user&apos;s tokens reach every tenant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Realms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No realm: the user&apos;s tokens reach no tenant.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
