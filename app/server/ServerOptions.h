#pragma once

#include "http/HttpFront.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

#include <optional>

namespace lw::server {

struct ServerOptions {
    QString dataDir;
    QString listen = QStringLiteral("0.0.0.0:8443");
    QString tlsCertFile; // both empty: a self-signed certificate in <data>/tls
    QString tlsKeyFile;
    QString accessLog = QStringLiteral("-");
    qint64 maxBodyBytes = 1 << 20;
    FrontLimits limits; // header size, timeouts, connection caps
    int shutdownGraceMs = 10000; // SIGTERM: how long requests in flight may take to finish
    QString httpListen;         // optional plain-HTTP listener for the same API (GEL and Loki clients)
    bool httpInsecure = false;  // allow it beyond loopback
    QString clusterName = QStringLiteral("logwarden"); // GEL's cluster-name: tenants and realms name it
    bool allowCustomIngestTokens = false;
    double ingestionRateMb = 4;  // per tenant and second (Loki's ingestion_rate_mb)
    double ingestionBurstMb = 6; // Loki's ingestion_burst_size_mb
    size_t maxStreamsPerTenant = 5000; // Loki's max_global_streams_per_user; 0: no cap
    int64_t maxTokenLifetimeSeconds = 24 * 3600; // self-signed JWTs: exp at most this far ahead
    qint64 retentionSeconds = 0; // 0: keep by age forever
    qint64 retentionBytes = 0;   // 0: no size limit
    int retentionIntervalSeconds = 600;
    QString lokiUrl;       // forward pushes to this Loki push URL instead of the embedded store
    QString lokiTokenFile; // Bearer token for it
    QString lokiCaFile;    // extra CA certificates (PEM) to trust for it
    QString store = QStringLiteral("sqlite"); // or etcd://h1:2379,h2:2379[/prefix] (etcds:// for TLS)
    QString storeCaFile, storeCertFile, storeKeyFile; // etcds://
    QString storeUser, storePasswordFile;             // etcd authentication

    // remotecfg (the agent role): "off" disables the listener.
    QString remotecfgListen = QStringLiteral("127.0.0.1:8090");
    QString remotecfgPrefix;
    QString remotecfgTokenFile; // the node's agent credential instead of <data-dir>/agent_token
    bool remotecfgInsecure = false; // plain HTTP on a non-loopback listener (default: HTTPS there)
    int maxCollectors = 10000;                           // collectors kept in total
    int64_t collectorExpirySeconds = 7 * 24 * 3600;      // offline or unregistered this long: deleted (0: never)
    QString alloyUrl = QStringLiteral("http://127.0.0.1:12345"); // "off" disables probing
    int alloyProbeIntervalMs = 15000;
    QStringList localCollectorIds;
    // all: everything; api: the API only (no remotecfg, no probe), collectors as the agents write
    // them; agent: seed 000's node-local exporter (remotecfg, probe, health under an etcd lease)
    QString role = QStringLiteral("all");
    QString nodeName; // the agent's node (default: the host name)

    static QString defaultDataDir();
};

struct HostPort {
    QHostAddress address;
    quint16 port = 0;
};

// "0.0.0.0:8443", "127.0.0.1:0", "[::1]:8443", "localhost:8443"; nullopt when malformed.
std::optional<HostPort> parseHostPort(const QString &text);
// "90s", "15m", "12h", "30d", "1y" or plain seconds; nullopt when malformed or not positive.
std::optional<qint64> parseDurationSeconds(const QString &text);
// "500000", "512K", "100M", "20G" (powers of 1024); nullopt when malformed.
std::optional<qint64> parseByteSize(const QString &text);

} // namespace lw::server
