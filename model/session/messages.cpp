#include "messages.h"

#include <algorithm>

namespace wsscope {

namespace {

quint64 pendingKey(quint32 conn, Direction dir)
{
    return (quint64(conn) << 1) | quint64(dir == Direction::In);
}

} // namespace

MessageAssembler::MessageAssembler(const EventLog &log, Handler handler)
    : m_log(log), m_handler(std::move(handler))
{}

void MessageAssembler::begin(AssembledMessage &m, const EventRecord &record, qsizetype index)
{
    m = AssembledMessage();
    m.conn = record.conn;
    m.dir = record.dir;
    m.opcode = record.opcode;
    m.firstTimeNs = record.timeNs;
    m.compressed = (record.rsv() & Rsv::Rsv1) != 0;
    m.firstIndex = index;
    append(m, record, index);
}

void MessageAssembler::append(AssembledMessage &m, const EventRecord &record, qsizetype index)
{
    m.timeNs = record.timeNs;
    m.length += record.length;
    m.data += m_log.payload(index);
    m.frames += 1;
    m.truncated = m.truncated || record.truncated() || record.storedLength < record.length;
    m.lastIndex = index;
}

void MessageAssembler::addFrame(qsizetype index)
{
    const EventRecord record = m_log.at(index);
    if (record.kind != EventKind::Frame)
        return;
    if (Opcode::isControl(record.opcode)) {
        // Control frames may come between the fragments of a message (RFC 6455 §5.4) and are
        // never fragmented themselves.
        if (!m_includeControl)
            return;
        AssembledMessage m;
        begin(m, record, index);
        m.complete = record.fin();
        m_handler(m);
        return;
    }
    const quint64 key = pendingKey(record.conn, record.dir);
    auto it = m_pending.find(key);
    if (record.opcode == Opcode::Continuation && it != m_pending.end()) {
        append(*it, record, index);
        if (record.fin()) {
            const AssembledMessage m = std::move(*it);
            m_pending.erase(it);
            m_handler(m);
        }
        return;
    }
    if (it != m_pending.end()) {
        // A new message before the final frame of the last one (a protocol error the capture
        // reported): the unfinished one is handed over as it is.
        AssembledMessage unfinished = std::move(*it);
        m_pending.erase(it);
        unfinished.complete = false;
        m_handler(unfinished);
    }
    AssembledMessage m;
    begin(m, record, index);
    if (record.fin())
        m_handler(m);
    else
        m_pending.insert(key, std::move(m));
}

void MessageAssembler::finish()
{
    // In the order the messages began, so the output stays in log order.
    QList<AssembledMessage> rest = m_pending.values();
    m_pending.clear();
    std::sort(rest.begin(), rest.end(), [](const AssembledMessage &a, const AssembledMessage &b) {
        return a.firstIndex < b.firstIndex;
    });
    for (AssembledMessage &m : rest) {
        m.complete = false;
        m_handler(m);
    }
}

qsizetype ConnectionOutline::firstCloseFrameEvent() const
{
    const qsizetype out = closeFrameEvent[int(Direction::Out)];
    const qsizetype in = closeFrameEvent[int(Direction::In)];
    if (out < 0 || in < 0)
        return qMax(out, in);
    return qMin(out, in);
}

qint64 ConnectionOutline::firstCloseFrameNs() const
{
    const qsizetype first = firstCloseFrameEvent();
    if (first < 0)
        return -1;
    return first == closeFrameEvent[int(Direction::Out)] ? closeFrameNs[int(Direction::Out)]
                                                         : closeFrameNs[int(Direction::In)];
}

namespace Messages {

ConnectionOutline outline(const EventLog &log, quint32 conn)
{
    ConnectionOutline o;
    const qsizetype n = log.size();
    for (qsizetype i = 0; i < n; ++i) {
        const EventRecord r = log.at(i);
        if (r.conn != conn)
            continue;
        if (r.kind == EventKind::Handshake && r.dir == Direction::Out && o.requestEvent < 0) {
            o.requestEvent = i;
        } else if (r.kind == EventKind::Handshake && r.dir == Direction::In && !o.opened) {
            o.opened = true;
            o.openNs = r.timeNs;
            o.subprotocol = log.details(i).value(QLatin1String("subprotocol")).toString();
        } else if (r.kind == EventKind::State && !o.opened &&
                   log.details(i).value(QLatin1String("state")).toString() == QLatin1String("connected")) {
            o.opened = true;
            o.openNs = r.timeNs;
            o.subprotocol = log.details(i).value(QLatin1String("subprotocol")).toString();
        } else if (r.kind == EventKind::Frame && r.opcode == Opcode::Close &&
                   o.closeFrameEvent[int(r.dir)] < 0) {
            o.closeFrameEvent[int(r.dir)] = i;
            o.closeFrameNs[int(r.dir)] = r.timeNs;
        } else if (r.kind == EventKind::Close) {
            const QJsonObject d = log.details(i);
            o.closeInitiator = d.value(QLatin1String("initiator")).toString();
            o.closeCode = d.value(QLatin1String("code")).toInt(1000);
            o.closeReason = d.value(QLatin1String("reason")).toString();
        }
    }
    return o;
}

bool anyCompressed(const QList<DataMessage> &messages)
{
    return std::any_of(messages.cbegin(), messages.cend(), [](const DataMessage &m) { return m.compressed; });
}

QList<DataMessage> extract(const EventLog &log, quint32 conn)
{
    QList<DataMessage> out;
    int next[2] = {0, 0};
    // Only whole text and binary messages: an unfinished one, or continuations that continue
    // nothing (the decoder reported both as violations), are left out.
    MessageAssembler assembler(log, [&](const AssembledMessage &a) {
        if (!a.complete || (a.opcode != Opcode::Text && a.opcode != Opcode::Binary))
            return;
        DataMessage m;
        m.dir = a.dir;
        m.index = next[int(a.dir)]++;
        m.timeNs = a.timeNs;
        m.firstTimeNs = a.firstTimeNs;
        m.opcode = a.opcode;
        m.payload = a.data;
        m.length = a.length;
        m.frameCount = a.frames;
        m.firstEvent = a.firstIndex;
        m.lastEvent = a.lastIndex;
        m.truncated = a.truncated;
        m.compressed = a.compressed;
        out.append(std::move(m));
    });
    const qsizetype n = log.size();
    for (qsizetype i = 0; i < n; ++i) {
        const EventRecord r = log.at(i);
        if (r.conn == conn && r.kind == EventKind::Frame)
            assembler.addFrame(i);
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

FrameMessage containing(const EventLog &log, qsizetype eventIndex, int maxFrames)
{
    FrameMessage m;
    if (eventIndex < 0 || eventIndex >= log.size())
        return m;
    const EventRecord r = log.at(eventIndex);
    if (r.kind != EventKind::Frame)
        return m;
    auto sameStream = [&](const EventRecord &e) {
        return e.kind == EventKind::Frame && e.conn == r.conn && e.dir == r.dir;
    };
    auto single = [&](bool complete) {
        m.frames = {eventIndex};
        m.payload = log.payload(eventIndex);
        m.opcode = r.opcode;
        m.length = r.length;
        m.truncated = r.truncated();
        m.complete = complete;
        return m;
    };
    const bool fragment = !Opcode::isControl(r.opcode) && (r.opcode == Opcode::Continuation || !r.fin());
    if (!fragment)
        return single(true);
    qsizetype first = eventIndex;
    if (r.opcode == Opcode::Continuation) {
        // Back to the frame that began it.
        first = -1;
        int seen = 0;
        for (qsizetype i = eventIndex - 1; i >= 0 && seen < maxFrames; --i) {
            const EventRecord e = log.at(i);
            if (!sameStream(e) || Opcode::isControl(e.opcode))
                continue;
            ++seen;
            if (e.opcode != Opcode::Continuation) {
                if (!e.fin())
                    first = i;
                break;
            }
            if (e.fin())
                break; // the previous message ended: this continuation started nothing
        }
        if (first < 0)
            return single(false);
    }
    m.opcode = log.at(first).opcode;
    m.complete = false;
    const qsizetype size = log.size();
    for (qsizetype i = first; i < size && m.frames.size() < maxFrames; ++i) {
        const EventRecord e = log.at(i);
        if (!sameStream(e) || Opcode::isControl(e.opcode))
            continue;
        if (i != first && e.opcode != Opcode::Continuation)
            break; // a new message began before this one ended (a §5.4 violation)
        m.frames.append(i);
        m.payload += log.payload(i);
        m.length += e.length;
        m.truncated = m.truncated || e.truncated();
        if (e.fin()) {
            m.complete = true;
            break;
        }
    }
    return m;
}

} // namespace Messages

} // namespace wsscope
