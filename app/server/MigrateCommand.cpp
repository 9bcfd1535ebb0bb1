#include "MigrateCommand.h"

#include "MaintenanceCommands.h"
#include "store/etcd/EtcdStore.h"
#include "store/sqlite/SqliteConfigStore.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>

namespace lw::server {

namespace {

struct EtcdFiles {
    QString ca, cert, key, user, passwordFile;
};

// "sqlite:PATH" (a config.db, or a data directory holding one) or "etcd://…"/"etcds://…".
std::unique_ptr<ConfigStore> open(const QString &spec, bool mustExist, const EtcdFiles &files)
{
    if (spec.startsWith(QLatin1String("sqlite:"))) {
        QString path = spec.mid(7);
        if (path.isEmpty())
            throw StoreError("sqlite: needs a path (sqlite:/var/lib/logwardend or sqlite:/var/lib/logwardend/config.db)");
        if (QFileInfo(path).isDir())
            path += QStringLiteral("/config.db");
        if (mustExist && !QFileInfo::exists(path))
            throw StoreError(path.toStdString() + " does not exist");
        return std::make_unique<SqliteConfigStore>(path);
    }
    if (spec.startsWith(QLatin1String("etcd://")) || spec.startsWith(QLatin1String("etcds://"))) {
        return std::make_unique<EtcdStore>(
            EtcdStoreOptions::parse(spec.toStdString(), files.ca, files.cert, files.key, files.user, files.passwordFile));
    }
    throw StoreError("\"" + spec.left(80).toStdString() + "\" is neither sqlite:PATH nor etcd://host:port[/prefix]");
}

// Every record of every kind, oldest first.
std::vector<StoredRecord> inCreationOrder(ConfigStore &store, const std::vector<std::string> &kinds)
{
    std::vector<StoredRecord> records;
    for (const std::string &kind : kinds)
        for (StoredRecord &record : store.list(kind))
            records.push_back(std::move(record));
    std::stable_sort(records.begin(), records.end(),
                     [](const StoredRecord &a, const StoredRecord &b) { return a.createRevision < b.createRevision; });
    return records;
}

// Batches: at most 100 records (etcd takes 128 operations per transaction) and 512 KiB (its
// requests are limited to 1.5 MiB by default). Records of one transaction share a creation
// revision and list in name order, so a batch also ends before a record that would sort ahead
// of an earlier one of its kind: creation order survives.
std::vector<std::vector<Mutation>> batchesOf(const std::vector<StoredRecord> &records)
{
    std::vector<std::vector<Mutation>> batches(1);
    size_t bytes = 0;
    std::map<std::string, std::string> lastName; // per kind, in the current batch
    for (const StoredRecord &r : records) {
        const size_t size = r.kind.size() + r.name.size() + r.value.size() + 64;
        const auto last = lastName.find(r.kind);
        if (batches.back().size() >= 100 || bytes + size > (512u << 10) || (last != lastName.end() && r.name < last->second)) {
            batches.emplace_back();
            bytes = 0;
            lastName.clear();
        }
        batches.back().push_back(Mutation{Mutation::Op::Create, r.kind, r.name, r.value, ConfigStore::AnyRevision});
        bytes += size;
        lastName[r.kind] = r.name;
    }
    return batches;
}

// The first kind whose names or values differ between the two stores; nullopt when none does.
std::optional<std::string> firstDifference(ConfigStore &source, ConfigStore &target, const std::vector<std::string> &kinds)
{
    for (const std::string &kind : kinds) {
        std::map<std::string, std::string> expected, copied;
        for (const StoredRecord &r : source.list(kind))
            expected[r.name] = r.value;
        for (const StoredRecord &r : target.list(kind))
            copied[r.name] = r.value;
        if (expected != copied)
            return kind;
    }
    return std::nullopt;
}

} // namespace

int migrateCommand(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Copy a whole configuration from one store to another (sqlite:PATH and etcd://host:port[,...][/prefix], either "
        "way): every record of every kind, in creation order, as stored; secrets stay sealed, so the data directory's "
        "secret.key and jwt-signing.pem must go with them. The destination must be empty. Run it while no logwardend "
        "uses either store."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("migrate"), QStringLiteral("The subcommand."));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("The store to copy: sqlite:PATH or etcd://..."), QStringLiteral("store"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("The empty store to fill: sqlite:PATH or etcd://..."), QStringLiteral("store"));
    const QCommandLineOption ca(QStringLiteral("store-ca-file"), QStringLiteral("CA certificates (PEM) for an etcds:// store."), QStringLiteral("file"));
    const QCommandLineOption cert(QStringLiteral("store-cert-file"), QStringLiteral("Client certificate (PEM) for an etcds:// store."), QStringLiteral("file"));
    const QCommandLineOption key(QStringLiteral("store-key-file"), QStringLiteral("Its private key."), QStringLiteral("file"));
    const QCommandLineOption user(QStringLiteral("store-user"), QStringLiteral("etcd user."), QStringLiteral("name"));
    const QCommandLineOption password(QStringLiteral("store-password-file"), QStringLiteral("File holding its password."), QStringLiteral("file"));
    p.addOptions({from, to, ca, cert, key, user, password});
    p.process(arguments);
    if (!p.isSet(from) || !p.isSet(to))
        return commandFailed(QStringLiteral("migrate needs --from and --to (sqlite:PATH or etcd://host:port[/prefix])"));
    if (p.value(from) == p.value(to))
        return commandFailed(QStringLiteral("--from and --to name the same store"));
    const EtcdFiles files{p.value(ca), p.value(cert), p.value(key), p.value(user), p.value(password)};
    try {
        std::unique_ptr<ConfigStore> source = open(p.value(from), true, files);
        std::unique_ptr<ConfigStore> target = open(p.value(to), false, files);
        const std::vector<std::string> occupied = target->kinds();
        if (!occupied.empty()) {
            std::string names;
            for (const std::string &kind : occupied)
                names += (names.empty() ? "" : ", ") + kind;
            return commandFailed(QStringLiteral("%1 already holds records (%2); migrate only into an empty store")
                                     .arg(p.value(to), QString::fromStdString(names)));
        }
        const std::vector<std::string> kinds = source->kinds();
        const std::vector<StoredRecord> records = inCreationOrder(*source, kinds);
        if (records.empty())
            return commandFailed(QStringLiteral("%1 holds no records (is the path or the key prefix right?)").arg(p.value(from)));
        const std::vector<std::vector<Mutation>> batches = batchesOf(records);
        size_t written = 0;
        const auto partial = [&](const QString &why) {
            return commandFailed(QStringLiteral("%1 after %2 of %3 records; %4 holds that part of the copy: empty it (etcdctl del "
                                                "--prefix, or remove the SQLite file) before migrating again")
                                     .arg(why).arg(written).arg(records.size()).arg(p.value(to)));
        };
        for (const std::vector<Mutation> &batch : batches) {
            try {
                for (const WriteResult &result : target->commit(batch))
                    if (result.status != WriteStatus::Ok)
                        return partial(QStringLiteral("%1 changed while it was being filled").arg(p.value(to)));
            } catch (const std::exception &e) {
                if (written == 0)
                    throw;
                return partial(QString::fromStdString(e.what()));
            }
            written += batch.size();
        }
        // The copy, read back, is the source: same kinds, names and values.
        if (const auto kind = firstDifference(*source, *target, kinds))
            return commandFailed(QStringLiteral("the copy of kind %1 differs from the source").arg(QString::fromStdString(*kind)));
        std::fprintf(stderr, "logwardend: migrated %zu records of %zu kinds from %s to %s\n", records.size(), kinds.size(),
                     qPrintable(p.value(from)), qPrintable(p.value(to)));
        return 0;
    } catch (const std::exception &e) {
        return commandFailed(QString::fromStdString(e.what()));
    }
}

} // namespace lw::server
