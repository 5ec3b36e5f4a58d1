// LogBridge: forwards every tb::log line (written on any thread) to the GUI thread as a queued signal,
// so the log panel never touches widgets from a worker. It does not store lines.
#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace tb::app {

class LogBridge : public QObject {
    Q_OBJECT
public:
    explicit LogBridge(QObject* parent = nullptr);
    ~LogBridge() override;

signals:
    // level is int(tb::log::Level).
    void lineLogged(int level, const QString& line);

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;  // outlives this object while a listener call is in flight
    int m_listenerId = 0;
};

}  // namespace tb::app
