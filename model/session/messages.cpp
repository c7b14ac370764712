#include "messages.h"

namespace wsscope {

namespace Messages {

QList<DataMessage> extract(const EventLog &log, quint32 conn)
{
    QList<DataMessage> out;
    DataMessage pending[2];
    bool open[2] = {false, false};
    int next[2] = {0, 0};
    const qsizetype n = log.size();
    for (qsizetype i = 0; i < n; ++i) {
        const EventRecord r = log.at(i);
        if (r.conn != conn || r.kind != EventKind::Frame || Opcode::isControl(r.opcode))
            continue;
        const int d = int(r.dir);
        DataMessage &m = pending[d];
        if (r.opcode == Opcode::Continuation) {
            if (!open[d])
                continue; // a continuation with nothing to continue: the decoder reported it
        } else {
            if (r.opcode != Opcode::Text && r.opcode != Opcode::Binary)
                continue; // reserved data opcodes carry nothing we can interpret
            // A new message while one is open abandons the open one (RFC 6455 §5.4).
            m = DataMessage();
            m.dir = r.dir;
            m.opcode = r.opcode;
            m.firstTimeNs = r.timeNs;
            m.firstEvent = i;
            m.compressed = (r.rsv() & Rsv::Rsv1) != 0;
            open[d] = true;
        }
        m.payload += log.payload(i);
        m.length += r.length;
        m.truncated = m.truncated || r.truncated();
        ++m.frameCount;
        if (r.fin()) {
            m.timeNs = r.timeNs;
            m.lastEvent = i;
            m.index = next[d]++;
            out.append(std::move(m));
            m = DataMessage();
            open[d] = false;
        }
    }
    return out;
}

QList<DataMessage> extract(const EventLog &log, quint32 conn, Direction dir)
{
    return only(extract(log, conn), dir);
}

QList<DataMessage> only(const QList<DataMessage> &messages, Direction dir)
{
    QList<DataMessage> out;
    for (const DataMessage &m : messages)
        if (m.dir == dir)
            out.append(m);
    return out;
}

} // namespace Messages

} // namespace wsscope
