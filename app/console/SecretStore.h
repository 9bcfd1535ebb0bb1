#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace lw::console {

// Every secret the console holds (JWTs, admin tokens, API access keys) lives in the OS keychain
// through QtKeychain, one job per operation, keyed "<profile>/<kind>". When no keychain is
// available the secret is kept in memory for this session only and backendUnavailable() says
// so; nothing is ever written to disk in clear.
class SecretStore : public QObject {
    Q_OBJECT
public:
    explicit SecretStore(QString service = QStringLiteral("logwarden"), QObject *parent = nullptr);

    using Done = std::function<void(bool ok, const QString &errorOrSecret)>;
    void write(const QString &profile, const QString &kind, const QString &secret, Done done);
    void read(const QString &profile, const QString &kind, Done done);
    void remove(const QString &profile, const QString &kind, Done done);

    bool usingMemoryFallback() const { return m_fallback; }

Q_SIGNALS:
    // The keychain cannot be used; secrets are held in memory until the console quits.
    void backendUnavailable(const QString &reason);

private:
    static QString key(const QString &profile, const QString &kind) { return profile + QLatin1Char('/') + kind; }
    void fallBack(const QString &reason);

    QString m_service;
    bool m_fallback = false;
    QHash<QString, QString> m_memory;
};

} // namespace lw::console
