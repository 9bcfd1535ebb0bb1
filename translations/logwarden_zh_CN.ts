<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>The subject (sub) is required.</source>
        <translation>主体（sub）为必填项。</translation>
    </message>
    <message>
        <source>Unsupported algorithm %1: use HS256, HS384, HS512, RS256 or ES256.</source>
        <translation>不支持的算法 %1：请使用 HS256、HS384、HS512、RS256 或 ES256。</translation>
    </message>
    <message>
        <source>The signing key is empty.</source>
        <translation>签名密钥为空。</translation>
    </message>
    <message>
        <source>%1 needs a PEM private key.</source>
        <translation>%1 需要 PEM 私钥。</translation>
    </message>
    <message>
        <source>The lifetime must be between one second and one year.</source>
        <translation>有效期必须在一秒到一年之间。</translation>
    </message>
    <message>
        <source>The token could not be signed: %1</source>
        <translation>无法签名令牌：%1</translation>
    </message>
    <message>
        <source>EXPIRED at %1</source>
        <translation>已于 %1 过期</translation>
    </message>
    <message>
        <source>Expires at %1</source>
        <translation>将于 %1 过期</translation>
    </message>
    <message>
        <source>No expiry (exp) claim.</source>
        <translation>没有过期（exp）声明。</translation>
    </message>
    <message>
        <source>Header:
%1
Claims:
%2
%3</source>
        <translation>头部：
%1
声明：
%2
%3</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>Generate a client-self-signed JWT (seed 001).</source>
        <translation>生成客户端自签名 JWT（seed 001）。</translation>
    </message>
    <message>
        <source>The user name (sub claim).</source>
        <translation>用户名（sub 声明）。</translation>
    </message>
    <message>
        <source>Space-separated scopes.</source>
        <translation>以空格分隔的权限范围。</translation>
    </message>
    <message>
        <source>Environment variable holding the API access key (never a command-line argument).</source>
        <translation>保存 API 访问密钥的环境变量（绝不作为命令行参数）。</translation>
    </message>
    <message>
        <source>PEM private key for RS256/ES256.</source>
        <translation>用于 RS256/ES256 的 PEM 私钥。</translation>
    </message>
    <message>
        <source>HS256 (default), HS384, HS512, RS256 or ES256.</source>
        <translation>HS256（默认）、HS384、HS512、RS256 或 ES256。</translation>
    </message>
    <message>
        <source>Lifetime in seconds (default 3600).</source>
        <translation>有效期（秒，默认 3600）。</translation>
    </message>
    <message>
        <source>--ttl must be a number of seconds</source>
        <translation>--ttl 必须是秒数</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>the environment variable %1 is empty or unset</source>
        <translation>环境变量 %1 为空或未设置</translation>
    </message>
    <message>
        <source>give the key with --secret-env VAR (or --key-file for RS256/ES256)</source>
        <translation>请用 --secret-env VAR 提供密钥（RS256/ES256 用 --key-file）</translation>
    </message>
    <message>
        <source>usage: logwarden token inspect TOKEN</source>
        <translation>用法：logwarden token inspect TOKEN</translation>
    </message>
    <message>
        <source>this is not a JWT</source>
        <translation>这不是 JWT</translation>
    </message>
    <message>
        <source>expired at %1</source>
        <translation>已于 %1 过期</translation>
    </message>
    <message>
        <source>expires at %1</source>
        <translation>将于 %1 过期</translation>
    </message>
    <message>
        <source>unknown token command &quot;%1&quot; (generate, inspect)</source>
        <translation>未知的令牌命令“%1”（generate、inspect）</translation>
    </message>
    <message>
        <source>Logwarden console. Token commands: logwarden token generate|inspect --help</source>
        <translation>Logwarden 控制台。令牌命令：logwarden token generate|inspect --help</translation>
    </message>
    <message>
        <source>usage: logwarden token generate|inspect [--help]</source>
        <translation>用法：logwarden token generate|inspect [--help]</translation>
    </message>
    <message>
        <source>Server URL, e.g. https://host:8443.</source>
        <translation>服务器 URL，例如 https://host:8443。</translation>
    </message>
    <message>
        <source>Read the credential (JWT or admin token) from this file; it is kept in the keychain.</source>
        <translation>从此文件读取凭据（JWT 或管理员令牌）；凭据保存在钥匙串中。</translation>
    </message>
    <message>
        <source>Connection profile (default: the last used).</source>
        <translation>连接配置（默认：上次使用的）。</translation>
    </message>
    <message>
        <source>Open on this tab (e.g. Collectors).</source>
        <translation>打开时显示此标签页（例如 Collectors）。</translation>
    </message>
</context>
<context>
    <name>console</name>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>服务器 URL：</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>凭据</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>lw::JsonTableModel</name>
    <message>
        <source>in the future</source>
        <translation>将来</translation>
    </message>
    <message>
        <source>now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>%1 天前</translation>
    </message>
</context>
<context>
    <name>lw::console::ApiClient</name>
    <message>
        <source>The server&apos;s certificate is not trusted yet (SHA-256 %1).</source>
        <translation>服务器证书尚未被信任（SHA-256 %1）。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate CHANGED: expected SHA-256 %1, got %2. Refusing to connect; if the server was re-keyed on purpose, accept the new certificate in the profile.</source>
        <translation>服务器证书已更改：预期 SHA-256 %1，实际 %2。拒绝连接；如果服务器是有意更换了密钥，请在配置中接受新证书。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate CHANGED: expected SHA-256 %1, got %2. Refusing its answer; if the server was re-keyed on purpose, accept the new certificate in the profile.</source>
        <translation>服务器证书已更改：预期 SHA-256 %1，实际 %2。拒绝其应答；如果服务器是有意更换了密钥，请在配置中接受新证书。</translation>
    </message>
    <message>
        <source>The server did not answer within %1 seconds.</source>
        <translation>服务器在 %1 秒内没有应答。</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>无法访问 %1：%2</translation>
    </message>
    <message>
        <source>The server answered %1.</source>
        <translation>服务器应答 %1。</translation>
    </message>
    <message>
        <source>The console switched to another server or certificate before this answer came.</source>
        <translation>在此应答到达之前，控制台已切换到另一个服务器或证书。</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted yet; accept its fingerprint to connect.</source>
        <translation>服务器证书尚未被信任；请接受其指纹以建立连接。</translation>
    </message>
</context>
<context>
    <name>lw::console::SecretStore</name>
    <message>
        <source>The system keychain is not available (%1); secrets are kept in memory for this session only.</source>
        <translation>系统钥匙串不可用（%1）；机密仅在本次会话中保存在内存里。</translation>
    </message>
    <message>
        <source>Could not store the secret in the keychain: %1</source>
        <translation>无法将机密保存到钥匙串：%1</translation>
    </message>
    <message>
        <source>No secret is stored for %1.</source>
        <translation>没有为 %1 保存机密。</translation>
    </message>
    <message>
        <source>Could not read the secret from the keychain: %1</source>
        <translation>无法从钥匙串读取机密：%1</translation>
    </message>
</context>
<context>
    <name>lw::ui</name>
    <message>
        <source>Sources</source>
        <translation>日志源</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Min level</source>
        <translation>最低级别</translation>
    </message>
    <message>
        <source>Journald identifier</source>
        <translation>Journald 标识符</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>source</source>
        <translation>日志源</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Loki URL</source>
        <translation>Loki URL</translation>
    </message>
    <message>
        <source>Rsyslog endpoint</source>
        <translation>Rsyslog 端点</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>TLS bundle</source>
        <translation>TLS 证书包</translation>
    </message>
    <message>
        <source>target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>TLS Bundles</source>
        <translation>TLS 证书包</translation>
    </message>
    <message>
        <source>Certificate subject</source>
        <translation>证书主体</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>颁发者</translation>
    </message>
    <message>
        <source>Not after</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Has key</source>
        <translation>含私钥</translation>
    </message>
    <message>
        <source>Collectors</source>
        <translation>采集器</translation>
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
        <translation>管道</translation>
    </message>
    <message>
        <source>Failing exporters</source>
        <translation>失败的导出器</translation>
    </message>
    <message>
        <source>Exporters</source>
        <translation>导出器</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最后在线</translation>
    </message>
    <message>
        <source>collector</source>
        <translation>采集器</translation>
    </message>
    <message>
        <source>Tenants</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Access Policies</source>
        <translation>访问策略</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>权限范围</translation>
    </message>
    <message>
        <source>Realms</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>access policy</source>
        <translation>访问策略</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Access policy</source>
        <translation>访问策略</translation>
    </message>
    <message>
        <source>Expiration</source>
        <translation>过期时间</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>最后使用</translation>
    </message>
    <message>
        <source>token</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>Ingest Tokens</source>
        <translation>摄取令牌</translation>
    </message>
    <message>
        <source>Parser</source>
        <translation>解析器</translation>
    </message>
    <message>
        <source>Custom value</source>
        <translation>自定义值</translation>
    </message>
    <message>
        <source>ingest token</source>
        <translation>摄取令牌</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Key created</source>
        <translation>密钥创建时间</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待应用</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作者</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>audit entry</source>
        <translation>审计条目</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>lw::ui::AccessPolicyForm</name>
    <message>
        <source>&amp;Realms</source>
        <translation>领域(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Scopes</source>
        <translation>权限范围(&amp;S)</translation>
    </message>
</context>
<context>
    <name>lw::ui::AdminForm</name>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>optional; the name when empty</source>
        <translation>可选；为空时使用名称</translation>
    </message>
    <message>
        <source>&amp;Display name</source>
        <translation>显示名称(&amp;D)</translation>
    </message>
</context>
<context>
    <name>lw::ui::CollectorDetails</name>
    <message>
        <source>Pipeline</source>
        <translation>管道</translation>
    </message>
    <message>
        <source>Record (JSON)</source>
        <translation>记录 (JSON)</translation>
    </message>
    <message>
        <source>Select a collector to see its pipeline, hashes and last error.</source>
        <translation>选择一个采集器以查看其流水线、哈希和最近的错误。</translation>
    </message>
    <message>
        <source>It has not reported applying a pipeline yet.</source>
        <translation>它尚未报告应用过流水线。</translation>
    </message>
    <message>
        <source>It runs the current pipeline.</source>
        <translation>它运行的是当前流水线。</translation>
    </message>
    <message>
        <source>It runs an older pipeline than the current one.</source>
        <translation>它运行的是比当前更旧的流水线。</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Served %1 · applied %2 · current %3</source>
        <translation>已下发 %1 · 已应用 %2 · 当前 %3</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>最近错误：%1</translation>
    </message>
    <message>
        <source>Probe: %1</source>
        <translation>探测：%1</translation>
    </message>
    <message>
        <source>The pipeline this server serves (hash %1); private keys are redacted.</source>
        <translation>此服务器下发的流水线（哈希 %1）；私钥已隐去。</translation>
    </message>
    <message>
        <source>Attributes: %1</source>
        <translation>属性：%1</translation>
    </message>
</context>
<context>
    <name>lw::ui::ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>This record was changed on the server after you opened it. Compare the versions, then reload the server&apos;s version or overwrite it with yours.</source>
        <translation>你打开此记录后，它在服务器上被修改了。请比较两个版本，然后重新加载服务器的版本或用你的版本覆盖。</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>你的版本</translation>
    </message>
    <message>
        <source>On the server now</source>
        <translation>服务器上的当前版本</translation>
    </message>
    <message>
        <source>Reload theirs</source>
        <translation>加载服务器版本</translation>
    </message>
    <message>
        <source>Overwrite with mine</source>
        <translation>用我的版本覆盖</translation>
    </message>
</context>
<context>
    <name>lw::ui::ConnectionManager</name>
    <message>
        <source>Credential</source>
        <translation>凭据</translation>
    </message>
    <message>
        <source>JWT or admin token for %1 (kept in the keychain):</source>
        <translation>%1 的 JWT 或管理员令牌（保存在钥匙串中）：</translation>
    </message>
    <message>
        <source>The new token is this profile&apos;s credential.</source>
        <translation>新令牌现在是此配置的凭据。</translation>
    </message>
    <message>
        <source>Unknown certificate</source>
        <translation>未知证书</translation>
    </message>
    <message>
        <source>The server presents a certificate nobody has accepted yet.

Subject: %1
SHA-256: %2

Compare the fingerprint with the server&apos;s (logwardend prints it when it starts). Trust and pin it for the profile &quot;%3&quot;?</source>
        <translation>服务器出示了一个尚未被接受的证书。

主体：%1
SHA-256：%2

请将指纹与服务器的指纹比对（logwardend 启动时会打印它）。是否信任并为配置“%3”固定该证书？</translation>
    </message>
</context>
<context>
    <name>lw::ui::ExpiryEditor</name>
    <message>
        <source>Never expires</source>
        <translation>永不过期</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 天</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 年</translation>
    </message>
    <message>
        <source>Expires %1 from now</source>
        <translation>从现在起 %1 后过期</translation>
    </message>
</context>
<context>
    <name>lw::ui::IngestTokenForm</name>
    <message>
        <source>JSON — fields become structured metadata</source>
        <translation>JSON — 字段成为结构化元数据</translation>
    </message>
    <message>
        <source>key=value pairs</source>
        <translation>key=value 键值对</translation>
    </message>
    <message>
        <source>zap JSON (Go services)</source>
        <translation>zap JSON（Go 服务）</translation>
    </message>
    <message>
        <source>none — lines as they come</source>
        <translation>无 — 原样保留各行</translation>
    </message>
    <message>
        <source>&amp;Parser</source>
        <translation>解析器(&amp;P)</translation>
    </message>
    <message>
        <source>empty: the server generates one (recommended)</source>
        <translation>留空：由服务器生成（推荐）</translation>
    </message>
    <message>
        <source>32 to 512 characters; only when the server runs with --allow-custom-ingest-tokens</source>
        <translation>32 到 512 个字符；仅当服务器以 --allow-custom-ingest-tokens 运行时</translation>
    </message>
    <message>
        <source>Custom &amp;value</source>
        <translation>自定义值(&amp;V)</translation>
    </message>
</context>
<context>
    <name>lw::ui::JwtInspectorDialog</name>
    <message>
        <source>Inspect a JWT</source>
        <translation>检查 JWT</translation>
    </message>
    <message>
        <source>Paste a token here.</source>
        <translation>在此粘贴令牌。</translation>
    </message>
    <message>
        <source>This is not a JWT (three base64url parts with JSON header and claims).</source>
        <translation>这不是 JWT（应为三段 base64url，含 JSON 头部和声明）。</translation>
    </message>
</context>
<context>
    <name>lw::ui::KeyValueEditor</name>
    <message>
        <source>Add label</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>lw::ui::LogsTab</name>
    <message>
        <source>Live tail</source>
        <translation>实时跟踪</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>日志行</translation>
    </message>
    <message>
        <source>LogQL, e.g. {job=&quot;api&quot;} |= &quot;error&quot;</source>
        <translation>LogQL，例如 {job=&quot;api&quot;} |= &quot;error&quot;</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>最近 5 分钟</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>最近 15 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 6 hours</source>
        <translation>最近 6 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>limit </source>
        <translation>上限 </translation>
    </message>
    <message>
        <source>Filter the results…</source>
        <translation>筛选结果…</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run the query (Ctrl+Return)</source>
        <translation>运行查询（Ctrl+Return）</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Could not list tenants: %1</source>
        <translation>无法列出租户：%1</translation>
    </message>
    <message>
        <source>Choose a tenant first.</source>
        <translation>请先选择租户。</translation>
    </message>
    <message>
        <source>Query failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
    <message>
        <source>The live tail stopped: %1</source>
        <translation>实时跟踪已停止：%1</translation>
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
        <translation>日志</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Refresh &amp;all</source>
        <translation>全部刷新(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Generate a self-signed token…</source>
        <translation>生成自签名令牌(&amp;G)…</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>&amp;Inspect a JWT…</source>
        <translation>检查 JWT(&amp;I)…</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>The new language is used from the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <source>There is no tab &quot;%1&quot;.</source>
        <translation>没有名为“%1”的标签页。</translation>
    </message>
    <message>
        <source>Shown once</source>
        <translation>仅显示一次</translation>
    </message>
    <message>
        <source>The secret of &quot;%1&quot; is shown now and never again. Copy it to where it is needed.</source>
        <translation>“%1”的机密仅在此显示一次，之后不再显示。请把它复制到需要的地方。</translation>
    </message>
    <message>
        <source>Copy (cleared in 30 s)</source>
        <translation>复制（30 秒后清除）</translation>
    </message>
    <message>
        <source>&amp;Connect to…</source>
        <translation>连接到(&amp;C)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Server: %1 (%2)</source>
        <translation>服务器：%1（%2）</translation>
    </message>
    <message>
        <source>No keychain</source>
        <translation>没有钥匙串</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Logwarden</source>
        <translation>关于 Logwarden(&amp;A)</translation>
    </message>
    <message>
        <source>About Logwarden</source>
        <translation>关于 Logwarden</translation>
    </message>
    <message>
        <source>Logwarden — %1 (%2)</source>
        <translation>Logwarden — %1 (%2)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Logwarden %1&lt;/h3&gt;&lt;p&gt;The console of a Logwarden log platform: log-streaming configuration, collectors, tenants, access policies, tokens and users, and the logs themselves.&lt;/p&gt;&lt;p&gt;Connected to %2: %3.&lt;/p&gt;&lt;p&gt;Built with Qt %4 (LGPL-3.0), QtKeychain (BSD-3-Clause), simdjson (Apache-2.0), nlohmann/json (MIT), cpp-jwt (MIT) and OpenSSL (Apache-2.0).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Logwarden %1&lt;/h3&gt;&lt;p&gt;Logwarden 日志平台的控制台：日志流配置、采集器、租户、访问策略、令牌和用户，以及日志本身。&lt;/p&gt;&lt;p&gt;已连接到 %2：%3。&lt;/p&gt;&lt;p&gt;使用 Qt %4（LGPL-3.0）、QtKeychain（BSD-3-Clause）、simdjson（Apache-2.0）、nlohmann/json（MIT）、cpp-jwt（MIT）和 OpenSSL（Apache-2.0）构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>its version is not known (it has not answered GET /api/version)</source>
        <translation>其版本未知（服务器未响应 GET /api/version）</translation>
    </message>
</context>
<context>
    <name>lw::ui::OverviewTab</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>The platform at a glance; every figure opens its tab, filtered.</source>
        <translation>平台一览；点击任一数字即可打开相应的已筛选标签页。</translation>
    </message>
    <message>
        <source>Reload from the server (F5)</source>
        <translation>从服务器重新加载（F5）</translation>
    </message>
    <message>
        <source>Collectors</source>
        <translation>采集器</translation>
    </message>
    <message>
        <source>collectors</source>
        <translation>采集器</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待应用</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>No collectors yet — point an Alloy agent&apos;s remotecfg block at this server&apos;s remotecfg listener with the node&apos;s agent token or an enrollment token.</source>
        <translation>还没有采集器——请将 Alloy 代理的 remotecfg 块指向本服务器的 remotecfg 监听地址，并使用节点的代理令牌或注册令牌。</translation>
    </message>
    <message>
        <source>Failing exporters (Enter opens their collectors):</source>
        <translation>失败的导出器（按 Enter 打开其采集器）：</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问</translation>
    </message>
    <message>
        <source>tokens expired</source>
        <translation>个令牌已过期</translation>
    </message>
    <message>
        <source>tokens expiring within 7 days</source>
        <translation>个令牌将在 7 天内过期</translation>
    </message>
    <message>
        <source>tenants</source>
        <translation>个租户</translation>
    </message>
    <message>
        <source>access policies</source>
        <translation>个访问策略</translation>
    </message>
    <message>
        <source>users</source>
        <translation>个用户</translation>
    </message>
    <message>
        <source>Latest changes (Enter opens the Audit tab)</source>
        <translation>最近的变更（按 Enter 打开审计日志）</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开%1</translation>
    </message>
    <message>
        <source> and %1 more</source>
        <translation> 等另外 %1 个</translation>
    </message>
    <message numerus="yes">
        <source>%1 fails on %n collector(s): %2</source>
        <translation>
            <numerusform>%1 在 %n 个采集器上失败：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>None: every exporter that was probed delivers.</source>
        <translation>无：所有已探测的导出器均正常投递。</translation>
    </message>
    <message>
        <source>%1: %2 %3 %4 &quot;%5&quot;</source>
        <translation>%1：%2 %3 %4 “%5”</translation>
    </message>
    <message>
        <source>No changes recorded yet.</source>
        <translation>尚无变更记录。</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>无法加载%1：%2</translation>
    </message>
    <message>
        <source>Could not load collectors: the answer is not a list.</source>
        <translation>无法加载采集器：应答不是列表。</translation>
    </message>
    <message>
        <source>tokens</source>
        <translation>令牌</translation>
    </message>
    <message>
        <source>the audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Could not load %1: the server&apos;s answer is not what the API returns.</source>
        <translation>无法加载%1：服务器的应答不符合 API。</translation>
    </message>
</context>
<context>
    <name>lw::ui::PemField</name>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>A PEM file; you can also drop one here</source>
        <translation>PEM 文件；也可以拖放到这里</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Choose the private key</source>
        <translation>选择私钥</translation>
    </message>
    <message>
        <source>Choose a PEM file</source>
        <translation>选择 PEM 文件</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer *.key)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 is larger than %2 KiB; a PEM file is not.</source>
        <translation>%1 大于 %2 KiB；这不是 PEM 文件。</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source> — expired</source>
        <translation> — 已过期</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) in the file</source>
        <translation>
            <numerusform>文件中有 %n 个证书</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a PEM certificate: %1</source>
        <translation>不是 PEM 证书：%1</translation>
    </message>
    <message>
        <source>%1 is not a regular file.</source>
        <translation>%1 不是普通文件。</translation>
    </message>
    <message>
        <source>Subject: %1
Issuer: %2
Valid from %3 until %4%5</source>
        <translation>主体：%1
颁发者：%2
有效期：%3 至 %4%5</translation>
    </message>
    <message>
        <source> — not valid yet</source>
        <translation> — 尚未生效</translation>
    </message>
</context>
<context>
    <name>lw::ui::PipelinePreviewDialog</name>
    <message>
        <source>Preview of the agents&apos; pipeline</source>
        <translation>代理管道预览</translation>
    </message>
    <message numerus="yes">
        <source>%n collector(s) will receive this pipeline on their next poll.</source>
        <translation>
            <numerusform>%n 个采集器将在下次轮询时收到此管道。</numerusform>
        </translation>
    </message>
    <message>
        <source>This change does not alter what the agents receive.</source>
        <translation>此更改不会改变代理收到的内容。</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>What agents receive now (−) and after this change (+):</source>
        <translation>代理当前收到的内容（−）与此更改后收到的内容（+）：</translation>
    </message>
</context>
<context>
    <name>lw::ui::ProfilesDialog</name>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>移除(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Add and connect</source>
        <translation>添加并连接(&amp;A)</translation>
    </message>
    <message>
        <source>Connect to a server</source>
        <translation>连接到服务器</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Pinned certificate (SHA-256)</source>
        <translation>已固定的证书（SHA-256）</translation>
    </message>
    <message>
        <source>Filter profiles…</source>
        <translation>筛选配置…</translation>
    </message>
    <message>
        <source>e.g. production</source>
        <translation>例如 production</translation>
    </message>
    <message>
        <source>JWT or admin token (kept in the keychain)</source>
        <translation>JWT 或管理员令牌（保存在钥匙串中）</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新配置</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>服务器 URL</translation>
    </message>
    <message>
        <source>Credential</source>
        <translation>凭据</translation>
    </message>
    <message>
        <source> (connected)</source>
        <translation>（已连接）</translation>
    </message>
    <message>
        <source>not pinned yet</source>
        <translation>尚未固定</translation>
    </message>
    <message>
        <source>Name the profile.</source>
        <translation>请为配置命名。</translation>
    </message>
    <message>
        <source>A profile name cannot contain &apos;/&apos; or &apos;\&apos;.</source>
        <translation>配置名称不能包含“/”或“\”。</translation>
    </message>
    <message>
        <source>A profile &quot;%1&quot; exists already.</source>
        <translation>配置“%1”已存在。</translation>
    </message>
    <message>
        <source>The server URL must look like https://host:8443.</source>
        <translation>服务器 URL 必须形如 https://host:8443。</translation>
    </message>
    <message>
        <source>Give the credential (a JWT or an admin token).</source>
        <translation>请提供凭据（JWT 或管理员令牌）。</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>移除配置</translation>
    </message>
    <message>
        <source>Remove the profile &quot;%1&quot; and its credential from the keychain?</source>
        <translation>移除配置“%1”并从钥匙串中删除其凭据？</translation>
    </message>
</context>
<context>
    <name>lw::ui::RealmsEditor</name>
    <message>
        <source>Add realm</source>
        <translation>添加领域</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Label selectors (optional)</source>
        <translation>标签选择器（可选）</translation>
    </message>
    <message>
        <source>A tenant, or * for every tenant</source>
        <translation>一个租户，或 * 表示所有租户</translation>
    </message>
    <message>
        <source>e.g. {app=&quot;api&quot;} {env!=&quot;prod&quot;}</source>
        <translation>例如 {app=&quot;api&quot;} {env!=&quot;prod&quot;}</translation>
    </message>
    <message>
        <source>Streams this realm reaches: LogQL stream selectors, one after the other. Empty: every stream.</source>
        <translation>此领域可访问的流：依次排列的 LogQL 流选择器。留空：所有流。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>lw::ui::RecordEditorDialog</name>
    <message>
        <source>&amp;Form</source>
        <translation>表单(&amp;F)</translation>
    </message>
    <message>
        <source>Advanced (&amp;JSON)</source>
        <translation>高级 (&amp;JSON)</translation>
    </message>
    <message>
        <source>Looks valid.</source>
        <translation>看起来有效。</translation>
    </message>
    <message>
        <source>This is not valid JSON yet.</source>
        <translation>这还不是有效的 JSON。</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>服务器拒绝：%1</translation>
    </message>
    <message>
        <source>The server refused %1: %2</source>
        <translation>服务器拒绝了 %1：%2</translation>
    </message>
    <message>
        <source>The form cannot show %1 as it is; edit this record on the Advanced (JSON) tab.</source>
        <translation>表单无法按原样显示 %1；请在“高级 (JSON)”标签页中编辑此记录。</translation>
    </message>
</context>
<context>
    <name>lw::ui::RecordForm</name>
    <message>
        <source>this record</source>
        <translation>此记录</translation>
    </message>
    <message>
        <source>3–64 of a-z, 0-9, - and _</source>
        <translation>3–64 个 a-z、0-9、- 和 _ 字符</translation>
    </message>
    <message>
        <source>A name cannot change; create a new record instead.</source>
        <translation>名称不能更改；请改为新建记录。</translation>
    </message>
</context>
<context>
    <name>lw::ui::ResourceTab</name>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Filter %1…</source>
        <translation>筛选%1…</translation>
    </message>
    <message>
        <source>Select a row to see it as JSON.</source>
        <translation>选择一行以查看其 JSON。</translation>
    </message>
    <message>
        <source>Create (Ctrl+N)</source>
        <translation>新建（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit the selected row (Ctrl+E or double-click)</source>
        <translation>编辑所选行（Ctrl+E 或双击）</translation>
    </message>
    <message>
        <source>Delete the selected row (Del)</source>
        <translation>删除所选行（Del）</translation>
    </message>
    <message>
        <source>Reload from the server (F5)</source>
        <translation>从服务器重新加载（F5）</translation>
    </message>
    <message>
        <source>The tenant whose %1 are shown</source>
        <translation>显示其%1的租户</translation>
    </message>
    <message>
        <source>Tenant</source>
        <translation>租户</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Could not list tenants: %1</source>
        <translation>无法列出租户：%1</translation>
    </message>
    <message>
        <source>Could not load %1: %2</source>
        <translation>无法加载%1：%2</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>新建%1</translation>
    </message>
    <message>
        <source>Select a row to edit first.</source>
        <translation>请先选择要编辑的行。</translation>
    </message>
    <message>
        <source>Could not load &quot;%1&quot;: %2</source>
        <translation>无法加载“%1”：%2</translation>
    </message>
    <message>
        <source>Select a row to delete first.</source>
        <translation>请先选择要删除的行。</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deactivate %1 &quot;%2&quot;? Requests using it will be refused until it is re-activated.</source>
        <translation>停用%1“%2”？在重新激活之前，使用它的请求都会被拒绝。</translation>
    </message>
    <message>
        <source>Delete %1 &quot;%2&quot;? This cannot be undone.</source>
        <translation>删除%1“%2”？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Could not delete &quot;%1&quot;: %2</source>
        <translation>无法删除“%1”：%2</translation>
    </message>
    <message>
        <source>Could not load %1: the server&apos;s answer is not a JSON list of &quot;%2&quot;.</source>
        <translation>无法加载%1：服务器的应答不是“%2”的 JSON 列表。</translation>
    </message>
    <message>
        <source>Re-&amp;activate</source>
        <translation>重新激活(&amp;A)</translation>
    </message>
    <message>
        <source>Re-activate the selected row (Del)</source>
        <translation>重新激活所选行（Del）</translation>
    </message>
    <message>
        <source>Deactivate the selected row (Del)</source>
        <translation>停用所选行（Del）</translation>
    </message>
    <message>
        <source>Re-activate</source>
        <translation>重新激活</translation>
    </message>
    <message>
        <source>Re-activate %1 &quot;%2&quot;? Requests using it will be accepted again.</source>
        <translation>重新激活%1“%2”？使用它的请求将再次被接受。</translation>
    </message>
    <message>
        <source>Could not re-activate &quot;%1&quot;: %2</source>
        <translation>无法重新激活“%1”：%2</translation>
    </message>
    <message>
        <source>— changes —</source>
        <translation>— 变更 —</translation>
    </message>
    <message>
        <source>(no fields)</source>
        <translation>（无字段）</translation>
    </message>
    <message>
        <source>the server&apos;s answer is not a preview</source>
        <translation>服务器的应答不是预览</translation>
    </message>
    <message>
        <source>%1: none yet — New %2… (Ctrl+N) creates the first one.</source>
        <translation>%1：暂无——新建%2…（Ctrl+N）即可创建第一个。</translation>
    </message>
    <message>
        <source>%1: none yet.</source>
        <translation>%1：暂无。</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Edit %1 &quot;%2&quot;</source>
        <translation>编辑%1“%2”</translation>
    </message>
</context>
<context>
    <name>lw::ui::ScopeChecklist</name>
    <message>
        <source>query, labels, series and tail in its tenants</source>
        <translation>在其租户中查询、标签、序列和实时追踪</translation>
    </message>
    <message>
        <source>push logs into its tenants</source>
        <translation>向其租户推送日志</translation>
    </message>
    <message>
        <source>delete log lines in its tenants</source>
        <translation>删除其租户中的日志行</translation>
    </message>
    <message>
        <source>manage tenants, policies, tokens and users</source>
        <translation>管理租户、策略、令牌和用户</translation>
    </message>
    <message>
        <source>read tenants, policies, tokens, users and the audit log</source>
        <translation>读取租户、策略、令牌、用户和审计日志</translation>
    </message>
    <message>
        <source>read sources, targets, TLS bundles and collectors</source>
        <translation>读取来源、目标、TLS 证书包和采集器</translation>
    </message>
    <message>
        <source>change sources, targets and TLS bundles</source>
        <translation>修改来源、目标和 TLS 证书包</translation>
    </message>
</context>
<context>
    <name>lw::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>How often the Collectors tab reloads by itself; 0 turns it off.</source>
        <translation>采集器标签页自动刷新的间隔；0 表示关闭。</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation>新语言将在下次启动时生效。</translation>
    </message>
    <message>
        <source>Auto-refresh every</source>
        <translation>自动刷新间隔</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
</context>
<context>
    <name>lw::ui::SourceForm</name>
    <message>
        <source>Collect from this source</source>
        <translation>从此来源采集</translation>
    </message>
    <message>
        <source>journald</source>
        <translation>journald</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>/var/log/app/*.log</source>
        <translation>/var/log/app/*.log</translation>
    </message>
    <message>
        <source>(not set)</source>
        <translation>（未设置）</translation>
    </message>
    <message>
        <source>the unit&apos;s SYSLOG_IDENTIFIER, e.g. node-manager</source>
        <translation>该单元的 SYSLOG_IDENTIFIER，例如 node-manager</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>Reads</source>
        <translation>读取</translation>
    </message>
    <message>
        <source>Syslog &amp;identifier</source>
        <translation>Syslog 标识符(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Paths</source>
        <translation>路径(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>标签(&amp;L)</translation>
    </message>
    <message>
        <source>Log &amp;format</source>
        <translation>日志格式(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Minimum level</source>
        <translation>最低级别(&amp;M)</translation>
    </message>
</context>
<context>
    <name>lw::ui::StringListEditor</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove the selected entry</source>
        <translation>移除所选条目</translation>
    </message>
</context>
<context>
    <name>lw::ui::TargetForm</name>
    <message>
        <source>Send to this target</source>
        <translation>发送到此目标</translation>
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
        <translation>X-Scope-OrgID（可选）</translation>
    </message>
    <message>
        <source>e.g. 10s (optional)</source>
        <translation>例如 10s（可选）</translation>
    </message>
    <message>
        <source>Push &amp;URL</source>
        <translation>推送 URL(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Tenant</source>
        <translation>租户(&amp;T)</translation>
    </message>
    <message>
        <source>TLS &amp;bundle</source>
        <translation>TLS 证书包(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Endpoint</source>
        <translation>端点(&amp;E)</translation>
    </message>
    <message>
        <source>P&amp;ort</source>
        <translation>端口(&amp;O)</translation>
    </message>
    <message>
        <source>T&amp;imeout</source>
        <translation>超时(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>T&amp;ype</source>
        <translation>类型(&amp;Y)</translation>
    </message>
</context>
<context>
    <name>lw::ui::TenantForm</name>
    <message>
        <source>&amp;Cluster</source>
        <translation>集群(&amp;C)</translation>
    </message>
</context>
<context>
    <name>lw::ui::TlsBundleForm</name>
    <message>
        <source>none (server authentication only)</source>
        <translation>无（仅服务器认证）</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>CA certificate(s)</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <source>as stored</source>
        <translation>已存储</translation>
    </message>
    <message>
        <source>the stored key (unchanged)</source>
        <translation>已存储的私钥（不变）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>from the JSON view</source>
        <translation>来自 JSON 视图</translation>
    </message>
    <message>
        <source>The server keeps the stored key; choose a file to replace it.</source>
        <translation>服务器保留已存储的私钥；选择文件可替换它。</translation>
    </message>
    <message>
        <source>A client certificate needs its private key.</source>
        <translation>客户端证书需要其私钥。</translation>
    </message>
    <message>
        <source>A private key needs its client certificate.</source>
        <translation>私钥需要其客户端证书。</translation>
    </message>
    <message>
        <source>Matches the client certificate. It is sent once and stored encrypted; the server never shows it again.</source>
        <translation>与客户端证书匹配。它只发送一次并加密存储；服务器不会再显示它。</translation>
    </message>
    <message>
        <source>This key does not belong to the client certificate.</source>
        <translation>此私钥不属于该客户端证书。</translation>
    </message>
    <message>
        <source>Without a client certificate the server drops the stored key.</source>
        <translation>没有客户端证书时，服务器会丢弃已存储的私钥。</translation>
    </message>
    <message>
        <source>A new client certificate needs its private key: choose it.</source>
        <translation>新的客户端证书需要其私钥：请选择它。</translation>
    </message>
</context>
<context>
    <name>lw::ui::TokenForm</name>
    <message>
        <source>A token&apos;s access policy cannot change; create a new token instead.</source>
        <translation>令牌的访问策略不能更改；请改为新建令牌。</translation>
    </message>
    <message>
        <source>&amp;Access policy</source>
        <translation>访问策略(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Expires</source>
        <translation>过期时间(&amp;E)</translation>
    </message>
</context>
<context>
    <name>lw::ui::TokenGeneratorDialog</name>
    <message>
        <source>PEM key…</source>
        <translation>PEM 密钥…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Use as this profile&apos;s credential</source>
        <translation>用作此配置的凭据</translation>
    </message>
    <message>
        <source>Generate a self-signed token</source>
        <translation>生成自签名令牌</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>the user&apos;s API access key</source>
        <translation>用户的 API 访问密钥</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>more scopes, space-separated (e.g. Logpoint&apos;s search:read)</source>
        <translation>更多权限范围，以空格分隔（例如 Logpoint 的 search:read）</translation>
    </message>
    <message>
        <source>Subject (sub)</source>
        <translation>主体（sub）</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>权限范围</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>PEM private key</source>
        <translation>PEM 私钥</translation>
    </message>
    <message>
        <source>PEM key loaded from %1</source>
        <translation>已从 %1 加载 PEM 密钥</translation>
    </message>
    <message>
        <source>This token is shown only here; copy it now (the clipboard is cleared after 30 s).</source>
        <translation>此令牌仅在此处显示；请立即复制（剪贴板将在 30 秒后清除）。</translation>
    </message>
</context>
<context>
    <name>lw::ui::UserForm</name>
    <message>
        <source>No realm: the user&apos;s tokens reach every tenant.</source>
        <translation>无领域：该用户的令牌可访问所有租户。</translation>
    </message>
    <message>
        <source>&amp;Scopes</source>
        <translation>权限范围(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Realms</source>
        <translation>领域(&amp;R)</translation>
    </message>
    <message>
        <source>No realm: the user&apos;s tokens reach no tenant.</source>
        <translation>无领域：该用户的令牌无法访问任何租户。</translation>
    </message>
</context>
</TS>
