#include "TailService.h"
#include "Log.h"
#include "Guarded.h"
#include "http/RequestSink.h"
#include "logs/LabelPolicy.h"
#include "logs/LokiController.h"
#include "logs/LokiGateway.h"
#include "logs/LokiQueryApi.h"
#include "logs/QueryPool.h"
#include "logs/TenantAccess.h"

#include <QDateTime>
#include <QWebSocket>

#include <chrono>
#include <cstdio>

namespace lw::server {

namespace {
constexpr int64_t DefaultBacklogNs = 3600LL * 1000000000LL;
constexpr size_t MaxSubscribers = 1000;
constexpr size_t MaxTailsPerTenant = 10;      // Loki's max_concurrent_tail_requests
constexpr uint16_t ClosePolicyViolation = 1008;
constexpr size_t MaxQueuedBytes = 8 << 20;    // a reader further behind than this loses entries
constexpr size_t MaxDroppedReported = 1000;   // dropped entries named in the next frame
constexpr int64_t MaxSlowMs = 10000;          // behind for this long: closed
constexpr size_t MaxHeldBytes = 8 << 20;      // live frames kept while the backlog is read
constexpr qint64 MaxUpstreamFrame = 16 << 20; // one frame of Loki's tail

// The upstream tails of one subscriber; its sockets are silenced and closed before it goes.
struct UpstreamTails {
    void operator()(QObject *holder) const
    {
        for (QWebSocket *ws : holder->findChildren<QWebSocket *>()) {
            QObject::disconnect(ws, nullptr, nullptr, nullptr);
            ws->abort();
        }
        holder->deleteLater();
    }
};

int64_t steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

std::string frame(const std::vector<std::pair<Labels, Json>> &streams, const Json &dropped = nullptr)
{
    Json out = Json::array();
    for (const auto &[labels, values] : streams)
        out.push_back({{"stream", labels}, {"values", values}});
    return Json{{"streams", out}, {"dropped_entries", dropped}}.dump(-1, ' ', false, Json::error_handler_t::replace);
}
} // namespace

struct TailService::Subscriber {
    std::shared_ptr<WebSocketChannel> channel;
    Authenticator::PrincipalPtr principal;
    HttpRequest request; // the upgrade's method, path, query, headers and peer, to check again
    std::string tenant;
    LogQLQuery query;
    LabelPolicy policy;
    bool backlogPending = true;
    int64_t beforeSeq = 0;          // entries numbered below this are the backlog's
    std::vector<std::string> held;   // live frames that arrived while the backlog was being read
    size_t heldBytes = 0;
    Json dropped = Json::array();    // entries a slow reader missed, reported in its next frame
    int64_t slowSinceMs = 0;
    std::unique_ptr<QObject, UpstreamTails> upstream; // behind the gateway: Loki's tails
    size_t tails = 1;                                  // tails it holds (at Loki: one per policy selector)

    bool allowed(const Labels &labels) const { return query.matchesStream(labels) && policy.allows(labels); }
};

TailService::TailService(Authenticator &auth, TenantAccess &tenants, LokiQueryApi &queries, QObject *parent)
    : QObject(parent), m_auth(auth), m_tenants(tenants), m_queries(queries)
{
    m_recheck.setInterval(500);
    connect(&m_recheck, &QTimer::timeout, this, guarded("checking live tails' credentials", [this] { recheckCredentials(); }));
}

void TailService::recheckCredentials()
{
    // The authenticator's cache makes this a lookup per tail; it is emptied on every credential
    // change, so an unchanged principal means nothing about the credential changed.
    const int64_t nowMs = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_subscribers.begin(); it != m_subscribers.end();) {
        Subscriber &sub = **it;
        std::string why;
        try {
            auto result = m_auth.authenticate(sub.request.header("authorization"));
            if (auto *error = std::get_if<std::string>(&result)) {
                why = "unauthenticated: " + *error;
            } else {
                Authenticator::PrincipalPtr principal = std::get<Authenticator::PrincipalPtr>(result);
                // A JWT's exp ends the tail on time, without the leeway a request gets for clock skew.
                if (principal->expiresAtMs != 0 && principal->expiresAtMs <= nowMs) {
                    why = "unauthenticated: the token expired";
                } else if (principal != sub.principal) {
                    if (!principal->allows(scopes::LogsRead)) {
                        why = "forbidden: logs:read is no longer granted";
                    } else {
                        sub.request.principal = principal.get();
                        LabelPolicy policy = LabelPolicy::forPrincipal(*principal, sub.tenant);
                        if (m_tenants.resolve(sub.request) != sub.tenant)
                            why = "forbidden: the tenant of this tail changed";
                        else if (sub.upstream && !policy.sameAs(sub.policy))
                            // Loki runs the query rewritten for the old policy, and an answer's
                            // labels are the query's to shape: the tail starts again.
                            why = "forbidden: the label policy changed; reconnect";
                        else
                            sub.policy = std::move(policy);
                        sub.principal = std::move(principal);
                    }
                }
            }
        } catch (const ApiError &e) {
            why = std::string("forbidden: ") + e.what();
        } catch (const std::exception &e) {
            // Fail closed: a tail whose credential cannot be checked now is not kept open.
            why = "the server could not check this tail's credential; reconnect";
            log::error("checking a live tail's credential failed: %s", e.what());
        }
        sub.request.principal = sub.principal.get();
        if (why.empty()) {
            ++it;
            continue;
        }
        refuse(*sub.channel, why);
        it = m_subscribers.erase(it);
    }
    if (m_subscribers.empty())
        m_recheck.stop();
}

TailService::~TailService() = default;

void TailService::refuse(WebSocketChannel &channel, const std::string &why)
{
    channel.close(ClosePolicyViolation, why.substr(0, 120));
}

void TailService::remove(const WebSocketChannel *channel)
{
    auto it = std::find_if(m_subscribers.begin(), m_subscribers.end(),
                           [channel](const auto &s) { return s->channel.get() == channel; });
    if (it != m_subscribers.end())
        m_subscribers.erase(it);
}

void TailService::accept(const HttpRequest &upgrade, std::shared_ptr<WebSocketChannel> channel)
{
    if (upgrade.path != "/loki/api/v1/tail")
        return refuse(*channel, "no such endpoint: " + upgrade.path);

    HttpRequest req;
    req.method = "GET";
    req.path = upgrade.path;
    req.query = upgrade.query;
    req.headers = upgrade.headers;
    req.remote = upgrade.remote;

    auto result = m_auth.authenticate(req.header("authorization"));
    if (auto *why = std::get_if<std::string>(&result))
        return refuse(*channel, "unauthenticated: " + *why);
    auto principal = std::get<Authenticator::PrincipalPtr>(result);
    if (!principal->allows(scopes::LogsRead))
        return refuse(*channel, "forbidden: logs:read is needed to tail");
    req.principal = principal.get();

    auto sub = std::make_unique<Subscriber>();
    LogQuery backlog;
    std::vector<std::string> upstreamQueries;
    try {
        sub->tenant = m_tenants.resolve(req);
        sub->policy = LabelPolicy::forPrincipal(*principal, sub->tenant);
        if (m_gateway)
            upstreamQueries = LokiGateway::restrictedQueries(req.query.value(QStringLiteral("query")).toStdString(), sub->policy);
        else
            sub->query = parseLogQL(req.query.value(QStringLiteral("query")).toStdString());
        const QString limitText = req.query.value(QStringLiteral("limit"));
        backlog.limit = limitText.isEmpty() ? 100 : std::min<size_t>(limitText.toUInt(), LokiQueryApi::MaxLimit);
        const int64_t now = nowNanos();
        // At most Loki's query length back: a tail cannot be made into a full-history scan.
        backlog.startNs = std::max(LokiQueryApi::parseTime(req.query.value(QStringLiteral("start")), now - DefaultBacklogNs, "start"),
                                   now - LokiQueryApi::MaxRangeNs);
        backlog.deadline = std::chrono::steady_clock::now() + std::chrono::seconds(LokiQueryApi::QueryTimeLimitSeconds);
        backlog.endNs = now + 1;
        // Lines stored from now on reach the tail live; the backlog is what was stored before.
        backlog.beforeSeq = m_queries.store().nextSeq();
    } catch (const ApiError &e) {
        return refuse(*channel, e.what());
    } catch (const LogQLError &e) {
        return refuse(*channel, e.what());
    }
    // Caps are counted once the caller is known, so strangers cannot use up anyone's places.
    if (m_subscribers.size() >= MaxSubscribers)
        return refuse(*channel, "too many live tails on this server (" + std::to_string(MaxSubscribers) + ")");
    // Behind the gateway each selector of the policy is a tail at Loki, which has the same cap.
    sub->tails = m_gateway ? upstreamQueries.size() : 1;
    size_t sameTenant = 0;
    for (const auto &s : m_subscribers)
        sameTenant += s->tenant == sub->tenant ? s->tails : 0;
    if (sameTenant + sub->tails > MaxTailsPerTenant)
        return refuse(*channel, "tenant \"" + sub->tenant + "\" already has " + std::to_string(sameTenant) + " live tails (the limit is "
                                    + std::to_string(MaxTailsPerTenant) + (m_gateway ? ", one per label-policy selector)" : ")"));
    sub->principal = std::move(principal);
    sub->request = std::move(req);
    sub->request.principal = sub->principal.get();
    sub->channel = channel;
    sub->backlogPending = !m_gateway && backlog.limit > 0;
    sub->beforeSeq = backlog.beforeSeq;
    if (m_gateway)
        openUpstream(*sub, upstreamQueries, sub->request);
    else if (sub->backlogPending)
        readBacklog(*sub, std::move(backlog));
    m_subscribers.push_back(std::move(sub));
    if (!m_recheck.isActive())
        m_recheck.start();
    // The socket ends on an I/O thread; forget it here, on the event loop. (The server stops the
    // I/O threads before it destroys this service, so `this` is alive whenever this runs.)
    channel->setOnClosed([this, raw = channel.get()] {
        QMetaObject::invokeMethod(this, guarded("ending a live tail", [this, raw] { remove(raw); }), Qt::QueuedConnection);
    });
}

void TailService::readBacklog(const Subscriber &sub, LogQuery q)
{
    // On a query worker; the frame comes back to the event loop, which sends it before any live one.
    const bool queued = m_queries.pool().post([this, q = std::move(q), tenant = sub.tenant, query = sub.query,
                                               policy = sub.policy, raw = sub.channel.get()](LogReader *reader) mutable {
        std::string text;
        try {
            std::map<int64_t, Labels> labelsById;
            for (const StoredStream &s : m_queries.visibleStreams(tenant, policy, query.selector)) {
                q.streamIds.push_back(s.id);
                labelsById[s.id] = s.labels;
            }
            if (query.hasStages()) {
                q.filter = [&query, &labelsById](int64_t id, std::string_view line, Labels &parsed) {
                    return query.process(line, labelsById.at(id), parsed);
                };
            }
            const std::vector<QueriedEntry> entries = reader ? reader->query(q) : std::vector<QueriedEntry>{};
            // Oldest first, grouped by stream.
            std::map<int64_t, Json> byStream;
            for (auto it = entries.rbegin(); it != entries.rend(); ++it)
                byStream.try_emplace(it->streamId, Json::array()).first->second.push_back(
                    {std::to_string(it->entry.timestampNs), it->entry.line});
            std::vector<std::pair<Labels, Json>> streams;
            for (auto &[id, values] : byStream)
                streams.emplace_back(labelsById.at(id), std::move(values));
            if (!streams.empty())
                text = frame(streams);
        } catch (const std::exception &e) {
            log::error("reading a live tail's backlog failed: %s", e.what());
        }
        QMetaObject::invokeMethod(this, guarded("sending a tail's backlog", [this, raw, text = std::move(text)] { backlogRead(raw, text); }),
                                  Qt::QueuedConnection);
    });
    if (!queued)
        QMetaObject::invokeMethod(this, guarded("sending a tail's backlog", [this, raw = sub.channel.get()] { backlogRead(raw, {}); }),
                                  Qt::QueuedConnection);
}

void TailService::backlogRead(const WebSocketChannel *channel, const std::string &text)
{
    auto it = std::find_if(m_subscribers.begin(), m_subscribers.end(),
                           [channel](const auto &s) { return s->channel.get() == channel; });
    if (it == m_subscribers.end())
        return; // closed meanwhile
    Subscriber &sub = **it;
    if (!text.empty())
        sub.channel->sendText(text);
    for (std::string &held : sub.held)
        sub.channel->sendText(std::move(held));
    sub.held.clear();
    sub.heldBytes = 0;
    sub.backlogPending = false;
}

void TailService::publish(const std::string &tenant, const std::vector<StreamBatch> &batches, int64_t firstSeq)
{
    const int64_t now = steadyMs();
    for (const auto &sub : m_subscribers) {
        if (sub->tenant != tenant || !sub->channel || firstSeq < sub->beforeSeq)
            continue;
        std::vector<std::pair<Labels, Json>> streams;
        for (const StreamBatch &batch : batches) {
            if (!sub->allowed(batch.labels))
                continue;
            Json values = Json::array();
            for (const LogEntry &e : batch.entries) {
                Labels extracted;
                if (sub->query.process(e.line, batch.labels, extracted))
                    values.push_back({std::to_string(e.timestampNs), e.line});
            }
            if (!values.empty())
                streams.emplace_back(batch.labels, std::move(values));
        }
        if (streams.empty())
            continue;
        std::string text;
        if (sub->backlogPending) {
            text = frame(streams);
            if (sub->heldBytes + text.size() <= MaxHeldBytes) {
                sub->heldBytes += text.size();
                sub->held.push_back(std::move(text));
                continue;
            }
        }
        if (!deliver(*sub, streams, nullptr, sub->backlogPending, now))
            refuse(*sub->channel, "the tail's reader is too slow: entries were dropped for 10 s");
    }
}

bool TailService::deliver(Subscriber &sub, const std::vector<std::pair<Labels, Json>> &streams, Json dropped, bool behind, int64_t now)
{
    // A reader that does not keep up loses entries (named in its next frame, as Loki does) rather
    // than growing the server's memory; one that stays behind is closed by the caller.
    if (behind || sub.channel->queuedBytes() > MaxQueuedBytes) {
        if (sub.slowSinceMs == 0)
            sub.slowSinceMs = now;
        for (const auto &[labels, values] : streams) {
            for (const Json &v : values) {
                if (sub.dropped.size() < MaxDroppedReported && v.is_array() && !v.empty())
                    sub.dropped.push_back({{"labels", labels}, {"timestamp", v[0]}});
            }
        }
        if (dropped.is_array()) {
            for (Json &d : dropped) {
                if (sub.dropped.size() < MaxDroppedReported)
                    sub.dropped.push_back(std::move(d));
            }
        }
        return now - sub.slowSinceMs <= MaxSlowMs;
    }
    sub.slowSinceMs = 0;
    if (!sub.dropped.empty()) {
        if (dropped.is_null())
            dropped = Json::array();
        for (Json &d : sub.dropped)
            dropped.push_back(std::move(d));
        sub.dropped = Json::array();
    }
    sub.channel->sendText(frame(streams, dropped));
    return true;
}

TailService::Subscriber *TailService::find(const WebSocketChannel *channel)
{
    auto it = std::find_if(m_subscribers.begin(), m_subscribers.end(),
                           [channel](const auto &s) { return s->channel.get() == channel; });
    return it == m_subscribers.end() ? nullptr : it->get();
}

void TailService::openUpstream(Subscriber &sub, const std::vector<std::string> &queries, const HttpRequest &req)
{
    // The client's start, limit and delay_for go on; the query is this server's, the tenant header too.
    LokiUpstream::Params common;
    for (const auto &[name, value] : req.query.items()) {
        if (name == QLatin1String("start") || name == QLatin1String("limit") || name == QLatin1String("delay_for"))
            common.emplace_back(name, value);
    }
    sub.upstream.reset(new QObject);
    const WebSocketChannel *raw = sub.channel.get();
    for (size_t v = 0; v < queries.size(); ++v) {
        auto *ws = new QWebSocket(QStringLiteral("logwardend"), QWebSocketProtocol::VersionLatest, sub.upstream.get());
        ws->setMaxAllowedIncomingMessageSize(MaxUpstreamFrame);
        ws->setMaxAllowedIncomingFrameSize(MaxUpstreamFrame);
        connect(ws, &QWebSocket::textMessageReceived, this, [this, raw, v](const QString &m) {
            guarded("passing on a tail from Loki", [this, raw, v, &m] { upstreamFrame(raw, v, m); })();
        });
        connect(ws, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this, guarded("ending a tail from Loki", [this, raw, ws] {
                    upstreamEnded(raw, "upstream Loki's tail failed: " + ws->errorString().toStdString());
                }));
        connect(ws, &QWebSocket::disconnected, this, guarded("ending a tail from Loki", [this, raw, ws] {
                    const QString reason = ws->closeReason();
                    upstreamEnded(raw, "upstream Loki ended the tail" + (reason.isEmpty() ? std::string() : ": " + reason.toStdString()));
                }));
        LokiUpstream::Params params = common;
        params.emplace_back(QStringLiteral("query"), QString::fromStdString(queries[v]));
        ws->open(m_gateway->upstream().tailRequest(params, sub.tenant));
    }
}

void TailService::upstreamEnded(const WebSocketChannel *channel, const std::string &why)
{
    if (Subscriber *sub = find(channel)) {
        refuse(*sub->channel, why);
        remove(channel);
    }
}

void TailService::upstreamFrame(const WebSocketChannel *channel, size_t variant, const QString &message)
{
    Subscriber *sub = find(channel);
    if (!sub)
        return;
    std::optional<Json> answer = LokiGateway::parseAnswer(message.toUtf8());
    if (!answer || !(*answer)["streams"].is_array())
        return upstreamEnded(channel, "upstream Loki sent a tail frame that is not Loki's JSON");
    Json &parsed = *answer;
    // Held to the policy again (a changed policy has ended the tail: recheckCredentials).
    std::vector<std::pair<Labels, Json>> streams;
    for (Json &stream : parsed["streams"]) {
        auto labels = LokiGateway::labelsOf(stream["stream"]);
        if (labels && LokiGateway::keepStream(*labels, sub->policy, variant) && stream["values"].is_array())
            streams.emplace_back(std::move(*labels), std::move(stream["values"]));
    }
    Json dropped = nullptr;
    if (parsed["dropped_entries"].is_array()) {
        for (Json &d : parsed["dropped_entries"]) {
            auto labels = LokiGateway::labelsOf(d["labels"]);
            if (labels && LokiGateway::keepStream(*labels, sub->policy, variant))
                (dropped.is_null() ? dropped = Json::array() : dropped).push_back(std::move(d));
        }
    }
    if (streams.empty() && dropped.is_null())
        return;
    if (!deliver(*sub, streams, std::move(dropped), false, steadyMs()))
        upstreamEnded(channel, "the tail's reader is too slow: entries were dropped for 10 s");
}

} // namespace lw::server
