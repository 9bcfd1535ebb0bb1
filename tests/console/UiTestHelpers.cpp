#include "UiTestHelpers.h"

#include "MainWindow.h"
#include "PipelinePreviewDialog.h"
#include "ResourceTab.h"

#include <QSignalSpy>

#include <QAbstractButton>
#include <QPushButton>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QMimeData>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace lw::test {

lw::ui::ResourceTab *refreshedTab(lw::ui::MainWindow &window, const QString &title)
{
    lw::ui::ResourceTab *tab = window.tab(title);
    QSignalSpy spy(tab, &lw::ui::ResourceTab::refreshed);
    tab->refresh();
    if (!spy.wait(5000)) // a refresh that never arrives fails the test that needed it
        QTest::qFail(qPrintable("no refresh of " + title + ": " + tab->errorText()), __FILE__, __LINE__);
    return tab;
}

void answerNextMessageBox(QMessageBox::StandardButton button, QString *text)
{
    auto *timer = new QTimer(qApp);
    auto tries = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, [timer, tries, button, text] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible() && box->button(button)) {
                timer->deleteLater();
                if (text)
                    *text = box->text();
                box->button(button)->click();
                return;
            }
        }
        if (++*tries > 200)
            timer->deleteLater();
    });
    timer->start(50);
}

void answerNextPreview(bool apply, QString *summary, QString *diff)
{
    auto *timer = new QTimer(qApp);
    auto tries = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, [timer, tries, apply, summary, diff] {
        for (QWidget *w : QApplication::allWidgets()) {
            if (auto *preview = qobject_cast<lw::ui::PipelinePreviewDialog *>(w); preview && preview->isVisible()) {
                timer->deleteLater();
                grabFor(preview, "console-pipeline-preview");
                if (summary)
                    *summary = preview->summary();
                if (diff)
                    *diff = preview->diffText();
                if (apply)
                    preview->applyButton()->click();
                else
                    preview->reject();
                return;
            }
        }
        if (++*tries > 200)
            timer->deleteLater();
    });
    timer->start(50);
}

void grabFor(QWidget *widget, const char *name)
{
    const QString dir = qEnvironmentVariable("LW_UI_GRABS");
    if (dir.isEmpty())
        return;
    QTest::qWait(150); // pending layout requests first, as a screen would show it
    widget->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
}


void chooseFile(QAbstractButton *button, const QString &path)
{
    button->click();
    auto *dialog = waitForTopLevel<QFileDialog>();
    QVERIFY(dialog);
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept(); // QFileDialog's own accept() is protected; this is the Open button

}

bool dropFile(QWidget *target, const QString &path)
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(4, 4), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(4, 4), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &drop);
    return drop.isAccepted();
}

} // namespace lw::test
