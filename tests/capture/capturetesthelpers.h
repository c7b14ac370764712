#pragma once

#include "eventlog.h"

#include <QJsonObject>
#include <QList>

namespace wsscope::test {

struct LoggedEvent
{
    qsizetype index = 0;
    EventRecord record;
    QJsonObject details; // non-frame events
    QByteArray payload;  // frames
};

// Events of one connection, optionally of one kind, in log order.
inline QList<LoggedEvent> eventsOf(const EventLog &log, quint32 conn, int kind = -1)
{
    QList<LoggedEvent> out;
    const qsizetype n = log.size();
    for (qsizetype i = 0; i < n; ++i) {
        const EventRecord r = log.at(i);
        if (r.conn != conn || (kind >= 0 && int(r.kind) != kind))
            continue;
        LoggedEvent e;
        e.index = i;
        e.record = r;
        if (r.kind == EventKind::Frame)
            e.payload = log.payload(i);
        else
            e.details = log.details(i);
        out.append(e);
    }
    return out;
}

inline QList<LoggedEvent> framesOf(const EventLog &log, quint32 conn, Direction dir)
{
    QList<LoggedEvent> out;
    for (const LoggedEvent &e : eventsOf(log, conn, int(EventKind::Frame)))
        if (e.record.dir == dir)
            out.append(e);
    return out;
}

inline int countKind(const EventLog &log, quint32 conn, EventKind kind)
{
    return int(eventsOf(log, conn, int(kind)).size());
}

} // namespace wsscope::test
