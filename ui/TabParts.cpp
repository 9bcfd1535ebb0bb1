#include "TabParts.h"

#include "ApiClient.h"
#include "JsonTableModel.h"
#include "LineDiff.h"

#include <QColor>
#include <QComboBox>
#include <QLabel>
#include <QProgressBar>
#include <QSignalBlocker>

#include <algorithm>

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
    label->setTextFormat(Qt::PlainText); // errors quote servers and agents: text, never markup
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
}

QString diffHtml(const std::vector<console::DiffLine> &diff, int context)
{
    // Which lines to show: all, or the changes and `context` lines on either side of each.
    std::vector<bool> shown(diff.size(), context < 0);
    if (context >= 0) {
        for (size_t i = 0; i < diff.size(); ++i) {
            if (diff[i].op == console::DiffLine::Op::Same)
                continue;
            const size_t from = i >= size_t(context) ? i - size_t(context) : 0;
            for (size_t k = from; k <= std::min(diff.size() - 1, i + size_t(context)); ++k)
                shown[k] = true;
        }
    }
    QString html;
    bool skipping = false;
    for (size_t i = 0; i < diff.size(); ++i) {
        if (!shown[i]) {
            if (!skipping)
                html += QStringLiteral("<span style=\"color:gray\">⋯</span><br>");
            skipping = true;
            continue;
        }
        skipping = false;
        const console::DiffLine &d = diff[i];
        const bool same = d.op == console::DiffLine::Op::Same;
        const QString sign = same ? QStringLiteral("&nbsp;&nbsp;")
                             : d.op == console::DiffLine::Op::Removed ? QStringLiteral("-&nbsp;")
                                                                      : QStringLiteral("+&nbsp;");
        const QString line = sign + d.text.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
        html += same ? line + QStringLiteral("<br>")
                     : QStringLiteral("<span style=\"color:%1\">%2</span><br>")
                           .arg(lw::JsonTableModel::toneColour(d.op == console::DiffLine::Op::Removed ? lw::JsonTableModel::Tone::Bad
                                                                                                    : lw::JsonTableModel::Tone::Good)
                                    .value<QColor>()
                                    .name(),
                                line);
    }
    return QStringLiteral("<div style=\"font-family:monospace\">") + html + QStringLiteral("</div>");
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
