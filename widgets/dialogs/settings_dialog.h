// SettingsDialog: edits the workbench preferences (workspace folder, worker threads, language).
// It only collects values; the app stores them (AppSettings) and applies them.
#pragma once

#include <QDialog>
#include <QString>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace tb::widgets {

struct SettingsValues {
    QString workspaceDir;  // empty: the default (TUNEBENCH_HOME or the XDG data folder)
    int workerThreads = 1;
    QString language;      // "" system, "en", "de", "ja"
};

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // defaultWorkspace: shown as the placeholder when no folder is chosen.
    SettingsDialog(const SettingsValues& values, const QString& defaultWorkspace, QWidget* parent = nullptr);

    SettingsValues values() const;

private:
    void browseWorkspace();

    QLineEdit* m_workspace = nullptr;
    QSpinBox* m_threads = nullptr;
    QComboBox* m_language = nullptr;
};

}  // namespace tb::widgets
