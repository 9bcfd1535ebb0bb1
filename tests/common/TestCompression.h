#pragma once

#include <QByteArray>

namespace lw::test {

// gzip as an HTTP client sends it (Content-Encoding: gzip).
QByteArray gzip(const QByteArray &data);

} // namespace lw::test
