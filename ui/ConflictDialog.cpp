#include "ConflictDialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace lw::ui {

ConflictDialog::ConflictDialog(const Json &mine, const Json &theirs, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Changed by someone else"));
    resize(900, 520);
    auto *layout = new QGridLayout(this);
    auto *intro = new QLabel(tr("This record was changed on the server after you opened it. Compare the versions, "
                                "then reload the server's version or overwrite it with yours."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro, 0, 0, 1, 2);
    const QStringList titles = {tr("Your version"), tr("On the server now")};
    const Json *docs[] = {&mine, &theirs};
    for (int i = 0; i < 2; ++i) {
        layout->addWidget(new QLabel(titles[i], this), 1, i);
        auto *view = new QPlainTextEdit(QString::fromStdString(docs[i]->dump(2)), this);
        view->setReadOnly(true);
        view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        view->setObjectName(i == 0 ? QStringLiteral("mine") : QStringLiteral("theirs"));
        layout->addWidget(view, 2, i);
    }
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *reload = buttons->addButton(tr("Reload theirs"), QDialogButtonBox::RejectRole);
    QPushButton *overwrite = buttons->addButton(tr("Overwrite with mine"), QDialogButtonBox::AcceptRole);
    reload->setObjectName(QStringLiteral("reload"));
    overwrite->setObjectName(QStringLiteral("overwrite"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons, 3, 0, 1, 2);
}

} // namespace lw::ui
