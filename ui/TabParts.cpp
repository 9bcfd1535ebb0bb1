#include "TabParts.h"

#include "ApiClient.h"

#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QSignalBlocker>

namespace lw::ui {

void setUpBusyBar(QProgressBar *bar)
{
    bar->setRange(0, 0);
    bar->setMaximumHeight(6);
    bar->setTextVisible(false);
    bar->hide();
}

void setUpErrorLabel(QLabel *label)
{
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
}

void loadTenantNames(console::ApiClient &client, QComboBox *picker, QObject *context,
                     std::function<void(const QString &error)> done)
{
    client.get(QStringLiteral("/admin/api/v3/tenants"),
               console::ApiClient::bound(context, [picker, done = std::move(done)](const console::ApiResult &r) {
                   if (!r.ok())
                       return done(r.error);
                   const QString current = picker->currentText();
                   {
                       const QSignalBlocker block(picker);
                       picker->clear();
                       for (const auto &t : r.json.value("items", Json::array()))
                           picker->addItem(QString::fromStdString(t.value("name", "")));
                       if (!current.isEmpty())
                           picker->setCurrentText(current);
                   }
                   done({});
               }));
}

} // namespace lw::ui
