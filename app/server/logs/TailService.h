#pragma once

#include "auth/Authenticator.h"
#include "http/HttpTypes.h"
#include "logs/LogQL.h"
#include "logs/LogRecords.h"
#include "logs/LogStore.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <string>
#include <vector>

namespace lw::server {

class LokiGateway;
class LokiQueryApi;
class TenantAccess;
class WebSocketChannel;

// GET /loki/api/v1/tail over WebSocket, with Loki's frames ({"streams": […], "dropped_entries": …}):
// the request is authenticated like any other (logs:read, tenant, label policies); it first
// receives the entries since `start` (up to `limit`), then every pushed line its query matches.
// Refusals close the socket with code 1008 and the reason, since the upgrade has happened by then.
// The credential is checked again every half second for as long as the tail lives (revoked or
// deactivated token, user, tenant or policy, new access key, exp passed: closed with 1008), and a
// changed label policy applies to the next line.
//
// Behind the Loki gateway (--loki-url) the tail is Loki's: the same checks, then one upstream tail
// per label-policy selector (its matchers added to the query's), whose frames are checked against
// the policy again (as it is now) before they are passed on.
class TailService : public QObject {
    Q_OBJECT
public:
    TailService(Authenticator &auth, TenantAccess &tenants, LokiQueryApi &queries, QObject *parent = nullptr);
    ~TailService() override;

    // An upgraded WebSocket (on the event loop); its path is checked here.
    void accept(const HttpRequest &upgrade, std::shared_ptr<WebSocketChannel> channel);
    // Called once pushed lines are durable; firstSeq numbers their first entry (a tail whose
    // backlog already covers them skips them).
    void publish(const std::string &tenant, const std::vector<StreamBatch> &batches, int64_t firstSeq);
    size_t subscriberCount() const { return m_subscribers.size(); }
    // Tails go to this Loki from now on (publish() is then not used).
    void useGateway(LokiGateway &gateway) { m_gateway = &gateway; }

private:
    struct Subscriber;
    void refuse(WebSocketChannel &channel, const std::string &why);
    void remove(const WebSocketChannel *channel);
    void readBacklog(const Subscriber &sub, LogQuery query);
    void backlogRead(const WebSocketChannel *channel, const std::string &frame);
    void recheckCredentials();
    void openUpstream(Subscriber &sub, const std::vector<std::string> &queries, const HttpRequest &req);
    void upstreamFrame(const WebSocketChannel *channel, size_t variant, const QString &message);
    void upstreamEnded(const WebSocketChannel *channel, const std::string &why);
    Subscriber *find(const WebSocketChannel *channel);
    // Sends the streams (with the entries the reader missed before), or drops them when the reader
    // is behind (`behind`, or its queue too long), naming them in its next frame; false once it
    // has stayed behind too long (the caller ends the tail).
    bool deliver(Subscriber &sub, const std::vector<std::pair<Labels, Json>> &streams, Json dropped, bool behind, int64_t now);

    Authenticator &m_auth;
    TenantAccess &m_tenants;
    LokiQueryApi &m_queries;
    LokiGateway *m_gateway = nullptr;
    std::vector<std::unique_ptr<Subscriber>> m_subscribers;
    QTimer m_recheck;
};

} // namespace lw::server
