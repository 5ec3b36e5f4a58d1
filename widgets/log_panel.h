// LogPanel: the contents of the log dock: the current run's log file path and its lines as they are
// written. It displays lines handed to appendLine() on the GUI thread; it reads the file only once,
// for the lines written before it existed.
#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace tb::widgets {

class LogPanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int MaxLines = 5000;

    explicit LogPanel(QWidget* parent = nullptr);

    void setLogPath(const QString& path);
    // Shows the last `maxLines` lines already in the file (written before the panel existed).
    void loadExisting(const QString& path, int maxLines = 500);
    QString logPath() const { return m_path; }
    int lineCount() const;
    QString text() const;

public slots:
    // level: int(tb::log::Level): 0 debug, 1 info, 2 warning, 3 error.
    void appendLine(int level, const QString& line);
    void clear();

private:
    QString m_path;
    QLabel* m_pathLabel = nullptr;
    QPlainTextEdit* m_view = nullptr;
};

}  // namespace tb::widgets
