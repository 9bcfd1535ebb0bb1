// Build-time tool: renders the application's SVG icon into the PNG sizes desktops look up in the
// hicolor theme (menus 16-48, docks and launchers 64-256, software centres 512), through Qt's own
// SVG image plugin, so no rendering tool beyond Qt is needed.
//   render_icon ICON.svg OUT-DIR NAME SIZE...   writes OUT-DIR/<S>x<S>/apps/NAME.png
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QTextStream>

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream err(stderr);
    if (args.size() < 5) {
        err << "usage: render_icon ICON.svg OUT-DIR NAME SIZE...\n";
        return 64;
    }
    for (qsizetype i = 4; i < args.size(); ++i) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size < 8 || size > 1024) {
            err << "render_icon: not a size: " << args.at(i) << "\n";
            return 64;
        }
        QImageReader reader(args.at(1), "svg");
        reader.setScaledSize(QSize(size, size));
        const QImage image = reader.read();
        if (image.isNull()) {
            err << "render_icon: " << args.at(1) << ": " << reader.errorString() << " (is Qt's SVG image plugin installed?)\n";
            return 1;
        }
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(args.at(2)).arg(size);
        const QString file = dir + QLatin1Char('/') + args.at(3) + QStringLiteral(".png");
        if (!QDir().mkpath(dir) || !image.convertToFormat(QImage::Format_ARGB32).save(file, "PNG")) {
            err << "render_icon: cannot write " << file << "\n";
            return 1;
        }
    }
    return 0;
}
