#include "PipelinePreviewDialog.h"

#include "LineDiff.h"
#include "TabParts.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lw::ui {

PipelinePreviewDialog::PipelinePreviewDialog(const Json &preview, QWidget *parent)
    : QDialog(parent), m_summary(new QLabel(this)), m_diff(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Preview of the agents' pipeline"));
    // The server's answer, read defensively: a field of the wrong type reads as absent.
    const auto field = [&preview](const char *name) { return preview.is_object() && preview.contains(name) ? preview[name] : Json(); };
    const int collectors = field("collectors").is_number_integer() ? field("collectors").get<int>() : 0;
    const bool changed = !field("changed").is_boolean() || field("changed").get<bool>();
    m_summary->setWordWrap(true);
    m_summary->setText(changed ? tr("%n collector(s) will receive this pipeline on their next poll.", nullptr, collectors)
                               : tr("This change does not alter what the agents receive."));
    m_diff->setReadOnly(true);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    const auto text = [&field](const char *which) {
        const Json side = field(which);
        return side.is_object() && side.contains("content") && side["content"].is_string()
                   ? QString::fromStdString(side["content"].get<std::string>())
                   : QString();
    };
    m_diff->appendHtml(diffHtml(console::lineDiff(text("current"), text("proposed")), 4));
    m_diff->moveCursor(QTextCursor::Start);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("What agents receive now (−) and after this change (+):"), this));
    layout->addWidget(m_diff, 1);
    layout->addWidget(buttons);
    resize(900, 600);
}

QString PipelinePreviewDialog::summary() const
{
    return m_summary->text();
}

QString PipelinePreviewDialog::diffText() const
{
    return m_diff->toPlainText().replace(QChar(0xA0), QLatin1Char(' '));
}

} // namespace lw::ui
