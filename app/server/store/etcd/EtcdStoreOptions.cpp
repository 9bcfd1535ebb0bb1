#include "store/etcd/EtcdStore.h"

#include <QFile>

#include <algorithm>

namespace lw::server {

namespace {

bool validHostPort(const std::string &endpoint)
{
    const size_t colon = endpoint.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 >= endpoint.size())
        return false;
    const std::string port = endpoint.substr(colon + 1);
    if (port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    const int number = std::stoi(port);
    if (number < 1 || number > 65535)
        return false;
    const std::string host = endpoint.substr(0, colon);
    return std::all_of(host.begin(), host.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
               || c == '[' || c == ']' || c == ':';
    });
}


std::string readSmallFile(const QString &path, const char *what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw StoreError(std::string("cannot read the ") + what + " file " + path.toStdString());
    return file.read(1 << 20).toStdString();
}

} // namespace

EtcdStoreOptions EtcdStoreOptions::parse(const std::string &url)
{
    EtcdStoreOptions out;
    std::string rest;
    if (url.rfind("etcd://", 0) == 0) {
        rest = url.substr(7);
    } else if (url.rfind("etcds://", 0) == 0) {
        rest = url.substr(8);
        out.tls = true;
    } else {
        throw StoreError("\"" + url.substr(0, 80) + "\" is not etcd://host:port[,host:port…][/prefix] (or etcds:// for TLS)");
    }
    const size_t slash = rest.find('/');
    const std::string hosts = rest.substr(0, slash);
    if (slash != std::string::npos) {
        std::string prefix = rest.substr(slash);
        while (prefix.size() > 1 && prefix.back() == '/')
            prefix.pop_back();
        if (prefix.size() < 2 || prefix.size() > 200
            || !std::all_of(prefix.begin(), prefix.end(), [](char c) { return c > ' ' && c < 0x7f; }))
            throw StoreError("the etcd key prefix \"" + prefix.substr(0, 80) + "\" must be 1 to 200 printable characters after /");
        out.prefix = prefix;
    }
    size_t start = 0;
    while (start <= hosts.size()) {
        const size_t comma = hosts.find(',', start);
        const std::string endpoint = hosts.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!validHostPort(endpoint))
            throw StoreError("etcd endpoint \"" + endpoint.substr(0, 80) + "\" is not host:port");
        out.endpoints.push_back(endpoint);
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    if (out.endpoints.empty() || out.endpoints.size() > 16)
        throw StoreError("--store names 1 to 16 etcd endpoints");
    return out;
}

EtcdStoreOptions EtcdStoreOptions::parse(const std::string &url, const QString &caFile, const QString &certFile,
                                         const QString &keyFile, const QString &user, const QString &passwordFile)
{
    EtcdStoreOptions options = parse(url);
    if (!caFile.isEmpty())
        options.caPem = readSmallFile(caFile, "etcd CA certificates");
    if (!certFile.isEmpty()) {
        options.certPem = readSmallFile(certFile, "etcd client certificate");
        options.keyPem = readSmallFile(keyFile, "etcd client key");
    }
    if (!user.isEmpty()) {
        options.user = user.toStdString();
        options.password = QByteArray::fromStdString(readSmallFile(passwordFile, "etcd password")).trimmed().toStdString();
    }
    return options;
}


} // namespace lw::server
