#include "SecretClipboard.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>
#include <QTimer>

namespace lw::ui {

void copySecret(const QString &secret, int seconds)
{
    auto *data = new QMimeData;
    data->setText(secret);
    data->setData(QStringLiteral("x-kde-passwordManagerHint"), "secret");
    QApplication::clipboard()->setMimeData(data);
    QTimer::singleShot(seconds * 1000, qApp, [secret] {
        if (QApplication::clipboard()->text() == secret)
            QApplication::clipboard()->clear();
    });
}

} // namespace lw::ui
