#include "sessiondiff.h"

#include "eventlog.h"
#include "orderedjson.h"

#include <QHash>
#include <algorithm>
#include <vector>

namespace wsscope {

namespace {

// ---- Path rules -------------------------------------------------------------------------------

struct PathSegment
{
    enum Kind { Key, Index, Wildcard, Descend } kind = Key;
    QString key;
    int index = 0;
};
using PathRule = QList<PathSegment>;

struct Step
{
    bool isIndex = false;
    QString key;
    int index = 0;
};
using ConcretePath = QList<Step>;

bool parsePath(const QString &text, PathRule *rule, QString *error)
{
    const QString p = text.trimmed();
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!p.startsWith(QLatin1Char('$')))
        return fail(SessionDiff::tr("A path starts with $, as in $.items[*].id."));
    qsizetype i = 1;
    const qsizetype n = p.size();
    while (i < n) {
        const QChar c = p.at(i);
        if (c == QLatin1Char('.')) {
            ++i;
            if (i < n && p.at(i) == QLatin1Char('.')) {
                ++i;
                rule->append({PathSegment::Descend, {}, 0});
                if (i < n && p.at(i) == QLatin1Char('['))
                    continue;
            }
            const qsizetype start = i;
            while (i < n && p.at(i) != QLatin1Char('.') && p.at(i) != QLatin1Char('['))
                ++i;
            const QString name = p.mid(start, i - start);
            if (name.isEmpty())
                return fail(
                    SessionDiff::tr("A name or * is missing after '.' at character %1.").arg(start + 1));
            if (name == QLatin1String("*"))
                rule->append({PathSegment::Wildcard, {}, 0});
            else
                rule->append({PathSegment::Key, name, 0});
        } else if (c == QLatin1Char('[')) {
            const qsizetype close = p.indexOf(QLatin1Char(']'), i);
            if (close < 0)
                return fail(SessionDiff::tr("A ']' is missing after character %1.").arg(i + 1));
            const QString inside = p.mid(i + 1, close - i - 1).trimmed();
            bool isNumber = false;
            const int index = inside.toInt(&isNumber);
            if (inside == QLatin1String("*")) {
                rule->append({PathSegment::Wildcard, {}, 0});
            } else if (isNumber && index >= 0) {
                rule->append({PathSegment::Index, {}, index});
            } else if (inside.size() >= 2 &&
                       (inside.startsWith(QLatin1Char('\'')) || inside.startsWith(QLatin1Char('"'))) &&
                       inside.endsWith(inside.at(0))) {
                rule->append({PathSegment::Key, inside.mid(1, inside.size() - 2), 0});
            } else {
                return fail(
                    SessionDiff::tr("Brackets hold *, an index or a quoted name, not \"%1\".").arg(inside));
            }
            i = close + 1;
        } else {
            return fail(SessionDiff::tr("Unexpected '%1' at character %2.").arg(c).arg(i + 1));
        }
    }
    if (!rule->isEmpty() && rule->last().kind == PathSegment::Descend)
        return fail(SessionDiff::tr("A path cannot end with '..'."));
    return true;
}

bool matches(const PathRule &rule, qsizetype pi, const ConcretePath &path, qsizetype ci)
{
    if (pi == rule.size())
        return ci == path.size();
    const PathSegment &s = rule.at(pi);
    if (s.kind == PathSegment::Descend) {
        for (qsizetype k = ci; k <= path.size(); ++k)
            if (matches(rule, pi + 1, path, k))
                return true;
        return false;
    }
    if (ci == path.size())
        return false;
    const Step &step = path.at(ci);
    const bool ok = s.kind == PathSegment::Wildcard ||
                    (s.kind == PathSegment::Key && !step.isIndex && step.key == s.key) ||
                    (s.kind == PathSegment::Index && step.isIndex && step.index == s.index);
    return ok && matches(rule, pi + 1, path, ci + 1);
}

QString pathText(const ConcretePath &path)
{
    QString out = QStringLiteral("$");
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    for (const Step &s : path) {
        if (s.isIndex)
            out += QStringLiteral("[%1]").arg(s.index);
        else if (plain.match(s.key).hasMatch())
            out += QLatin1Char('.') + s.key;
        else
            out += QStringLiteral("['%1']").arg(s.key);
    }
    return out;
}

// ---- Normalised messages ----------------------------------------------------------------------

struct Comparer
{
    const SessionDiff::Options &options;
    QList<PathRule> rules;

    bool ignored(const ConcretePath &path) const
    {
        for (const PathRule &r : rules)
            if (matches(r, 0, path, 0))
                return true;
        return false;
    }
};

struct Prepared
{
    quint8 opcode = 0;
    QByteArray bytes; // text after the regex rules, or the binary payload
    OrderedJson json;
    bool isJson = false;
    QByteArray key; // canonical form: equal keys mean equal messages
    size_t hash = 0;
};

void appendQuoted(const QString &s, QByteArray &out)
{
    out += '"';
    for (const QChar c : s) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += '\\';
        out += QString(c).toUtf8();
    }
    out += '"';
}

// Numbers compare by value: 1.0 equals 1 and 1e2 equals 100. Integers keep every digit, so two
// large ids that round to the same double still differ.
QByteArray normalizedNumber(const QByteArray &raw)
{
    if (!raw.contains('.') && !raw.contains('e') && !raw.contains('E')) {
        QByteArray digits = raw.startsWith('-') ? raw.mid(1) : raw;
        if (digits == "0")
            return "0";
        return raw;
    }
    bool ok = false;
    const double d = raw.toDouble(&ok);
    if (!ok)
        return raw;
    if (d == double(qint64(d)) && qAbs(d) < 9.0e15)
        return QByteArray::number(qint64(d));
    return QByteArray::number(d, 'g', 17);
}

QList<quint32> membersOf(const Comparer &cmp, const OrderedJson &json, quint32 node, ConcretePath &path)
{
    QList<quint32> out;
    const bool object = json.type(node) == OrderedJson::Type::Object;
    for (int r = 0; r < json.childCount(node); ++r) {
        const quint32 child = json.child(node, r);
        if (object) {
            path.append({false, json.key(child), 0});
            const bool skip = cmp.ignored(path);
            path.removeLast();
            if (skip)
                continue;
        }
        out.append(child);
    }
    if (object && cmp.options.ignoreKeyOrder)
        std::stable_sort(out.begin(), out.end(),
                         [&json](quint32 a, quint32 b) { return json.key(a) < json.key(b); });
    return out;
}

void canonical(const Comparer &cmp, const OrderedJson &json, quint32 node, ConcretePath &path,
               QByteArray &out)
{
    switch (json.type(node)) {
    case OrderedJson::Type::Null:
        out += "null";
        return;
    case OrderedJson::Type::True:
        out += "true";
        return;
    case OrderedJson::Type::False:
        out += "false";
        return;
    case OrderedJson::Type::Number:
        out += normalizedNumber(json.raw(node));
        return;
    case OrderedJson::Type::String:
        appendQuoted(json.stringValue(node), out);
        return;
    case OrderedJson::Type::Array:
        out += '[';
        for (int r = 0; r < json.childCount(node); ++r) {
            if (r > 0)
                out += ',';
            path.append({true, {}, r});
            if (cmp.ignored(path))
                out += '?';
            else
                canonical(cmp, json, json.child(node, r), path, out);
            path.removeLast();
        }
        out += ']';
        return;
    case OrderedJson::Type::Object: {
        out += '{';
        bool first = true;
        for (quint32 child : membersOf(cmp, json, node, path)) {
            if (!first)
                out += ',';
            first = false;
            const QString key = json.key(child);
            appendQuoted(key, out);
            out += ':';
            path.append({false, key, 0});
            canonical(cmp, json, child, path, out);
            path.removeLast();
        }
        out += '}';
        return;
    }
    }
}

Prepared prepare(const Comparer &cmp, const DataMessage &m)
{
    Prepared p;
    p.opcode = m.opcode;
    p.bytes = m.payload;
    if (m.isText()) {
        if (!cmp.options.ignorePatterns.isEmpty()) {
            QString text = QString::fromUtf8(m.payload);
            for (const QRegularExpression &re : cmp.options.ignorePatterns)
                if (re.isValid())
                    text.replace(re, cmp.options.regexReplacement);
            p.bytes = text.toUtf8();
        }
        const QByteArray trimmed = p.bytes.trimmed();
        if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
            p.json = OrderedJson::parse(p.bytes);
            p.isJson = p.json.isValid() && p.json.isContainer(p.json.root());
        }
    }
    p.key.append(char(p.opcode));
    if (p.isJson) {
        p.key.append('J');
        ConcretePath path;
        canonical(cmp, p.json, p.json.root(), path, p.key);
    } else {
        p.key.append('R');
        p.key.append(p.bytes);
    }
    p.hash = qHash(p.key);
    return p;
}

bool same(const Prepared &a, const Prepared &b)
{
    return a.hash == b.hash && a.key == b.key;
}

// ---- Describing the first difference ----------------------------------------------------------

QString preview(const QByteArray &bytes, int max = 40)
{
    QString s = QString::fromUtf8(bytes);
    if (s.size() > max)
        s = s.left(max) + QChar(0x2026);
    return s;
}

QString valueText(const OrderedJson &json, quint32 node)
{
    return OrderedJson::typeName(json.type(node)) + QLatin1Char(' ') + preview(json.raw(node));
}

struct Difference
{
    QString path;
    QString text;
};

bool differ(const Comparer &cmp, const OrderedJson &ja, quint32 a, const OrderedJson &jb, quint32 b,
            ConcretePath &path, Difference *diff)
{
    using T = OrderedJson::Type;
    const T ta = ja.type(a);
    const T tb = jb.type(b);
    const auto isBool = [](T t) { return t == T::True || t == T::False; };
    if (ta != tb && !(isBool(ta) && isBool(tb))) {
        diff->path = pathText(path);
        diff->text = SessionDiff::tr("%1: %2 → %3").arg(diff->path, valueText(ja, a), valueText(jb, b));
        return true;
    }
    if (ta == T::Array) {
        const int na = ja.childCount(a);
        const int nb = jb.childCount(b);
        for (int r = 0; r < qMin(na, nb); ++r) {
            path.append({true, {}, r});
            if (!cmp.ignored(path) && differ(cmp, ja, ja.child(a, r), jb, jb.child(b, r), path, diff))
                return true;
            path.removeLast();
        }
        if (na != nb) {
            diff->path = pathText(path);
            diff->text = SessionDiff::tr("%1: %2 elements → %3 elements").arg(diff->path).arg(na).arg(nb);
            return true;
        }
        return false;
    }
    if (ta == T::Object) {
        const QList<quint32> ma = membersOf(cmp, ja, a, path);
        const QList<quint32> mb = membersOf(cmp, jb, b, path);
        // Duplicate keys pair up by occurrence: the second "x" of A with the second "x" of B.
        QHash<QString, QList<quint32>> byKeyB;
        for (quint32 c : mb)
            byKeyB[jb.key(c)].append(c);
        QHash<QString, int> used;
        for (quint32 c : ma) {
            const QString key = ja.key(c);
            const int k = used[key]++;
            path.append({false, key, 0});
            const QList<quint32> others = byKeyB.value(key);
            if (k >= others.size()) {
                diff->path = pathText(path);
                diff->text = SessionDiff::tr("%1: only in A (%2)").arg(diff->path, valueText(ja, c));
                return true;
            }
            if (differ(cmp, ja, c, jb, others.at(k), path, diff))
                return true;
            path.removeLast();
        }
        QHash<QString, int> countA;
        for (quint32 c : ma)
            ++countA[ja.key(c)];
        QHash<QString, int> seenB;
        for (quint32 c : mb) {
            const QString key = jb.key(c);
            if (++seenB[key] > countA.value(key)) {
                path.append({false, key, 0});
                diff->path = pathText(path);
                diff->text = SessionDiff::tr("%1: only in B (%2)").arg(diff->path, valueText(jb, c));
                return true;
            }
        }
        if (!cmp.options.ignoreKeyOrder) {
            QStringList ka, kb;
            for (quint32 c : ma)
                ka.append(ja.key(c));
            for (quint32 c : mb)
                kb.append(jb.key(c));
            if (ka != kb) {
                diff->path = pathText(path);
                diff->text = SessionDiff::tr("%1: same members in another order (%2 → %3)")
                                 .arg(diff->path, ka.join(QLatin1String(", ")), kb.join(QLatin1String(", ")));
                return true;
            }
        }
        return false;
    }
    QByteArray ca, cb;
    ConcretePath scratch;
    canonical(cmp, ja, a, scratch, ca);
    canonical(cmp, jb, b, scratch, cb);
    if (ca == cb)
        return false;
    diff->path = pathText(path);
    diff->text = SessionDiff::tr("%1: %2 → %3").arg(diff->path, preview(ja.raw(a)), preview(jb.raw(b)));
    return true;
}

QString opcodeText(quint8 opcode)
{
    return opcode == Opcode::Text ? SessionDiff::tr("text") : SessionDiff::tr("binary");
}

Difference describe(const Comparer &cmp, const Prepared &a, const Prepared &b)
{
    Difference d;
    if (a.opcode != b.opcode) {
        d.text =
            SessionDiff::tr("A %1 message → a %2 message").arg(opcodeText(a.opcode), opcodeText(b.opcode));
        return d;
    }
    if (a.isJson && b.isJson) {
        ConcretePath path;
        if (differ(cmp, a.json, a.json.root(), b.json, b.json.root(), path, &d))
            return d;
    }
    if (a.opcode == Opcode::Text) {
        const QString ta = QString::fromUtf8(a.bytes);
        const QString tb = QString::fromUtf8(b.bytes);
        qsizetype i = 0;
        while (i < ta.size() && i < tb.size() && ta.at(i) == tb.at(i))
            ++i;
        const qsizetype from = qMax<qsizetype>(0, i - 10);
        d.text = SessionDiff::tr("Text differs at character %1: \"%2\" → \"%3\"")
                     .arg(i + 1)
                     .arg(preview(ta.mid(from, 40).toUtf8()), preview(tb.mid(from, 40).toUtf8()));
        return d;
    }
    qsizetype i = 0;
    while (i < a.bytes.size() && i < b.bytes.size() && a.bytes.at(i) == b.bytes.at(i))
        ++i;
    if (i < a.bytes.size() && i < b.bytes.size())
        d.text = SessionDiff::tr("Bytes differ at offset %1 (0x%2 → 0x%3)")
                     .arg(i)
                     .arg(quint8(a.bytes.at(i)), 2, 16, QLatin1Char('0'))
                     .arg(quint8(b.bytes.at(i)), 2, 16, QLatin1Char('0'));
    else
        d.text = SessionDiff::tr("%1 bytes → %2 bytes").arg(a.bytes.size()).arg(b.bytes.size());
    return d;
}

// ---- Alignment --------------------------------------------------------------------------------

enum class Op { Match, Delete, Insert };

// Myers' O((N+M)D) shortest edit script (Myers 1986), keeping only the diagonals each round
// reached, so memory is O(D²). Returns false when more than maxD edits would be needed.
bool myers(const QList<Prepared> &a, qsizetype a0, qsizetype n, const QList<Prepared> &b, qsizetype b0,
           qsizetype m, int maxD, std::vector<Op> *ops)
{
    const qsizetype max = n + m;
    std::vector<qsizetype> v(size_t(2 * max + 3), 0);
    const qsizetype off = max + 1;
    std::vector<std::vector<qsizetype>> trace;
    qsizetype found = -1;
    for (qsizetype d = 0; d <= max && d <= maxD; ++d) {
        for (qsizetype k = -d; k <= d; k += 2) {
            qsizetype x = (k == -d || (k != d && v[size_t(off + k - 1)] < v[size_t(off + k + 1)]))
                              ? v[size_t(off + k + 1)]
                              : v[size_t(off + k - 1)] + 1;
            qsizetype y = x - k;
            while (x < n && y < m && same(a.at(a0 + x), b.at(b0 + y))) {
                ++x;
                ++y;
            }
            v[size_t(off + k)] = x;
            if (x >= n && y >= m && found < 0)
                found = d;
        }
        trace.emplace_back(v.begin() + (off - d), v.begin() + (off + d + 1));
        if (found >= 0)
            break;
    }
    if (found < 0)
        return false;
    qsizetype x = n, y = m;
    std::vector<Op> reversed;
    for (qsizetype d = found; d > 0; --d) {
        const std::vector<qsizetype> &prev = trace[size_t(d - 1)]; // diagonals -(d-1)..(d-1)
        const auto at = [&prev, d](qsizetype k) { return prev[size_t(k + d - 1)]; };
        const qsizetype k = x - y;
        const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
        const qsizetype prevK = down ? k + 1 : k - 1;
        const qsizetype prevX = at(prevK);
        const qsizetype prevY = prevX - prevK;
        while (x > prevX + (down ? 0 : 1) && y > prevY + (down ? 1 : 0)) {
            reversed.push_back(Op::Match);
            --x;
            --y;
        }
        reversed.push_back(down ? Op::Insert : Op::Delete);
        x = prevX;
        y = prevY;
    }
    while (x > 0 && y > 0) {
        reversed.push_back(Op::Match);
        --x;
        --y;
    }
    ops->assign(reversed.rbegin(), reversed.rend());
    return true;
}

void diffDirection(const Comparer &cmp, Direction dir, const QList<DataMessage> &ma,
                   const QList<DataMessage> &mb, QList<SessionDiff::Entry> &entries)
{
    QList<Prepared> a, b;
    for (const DataMessage &m : ma)
        a.append(prepare(cmp, m));
    for (const DataMessage &m : mb)
        b.append(prepare(cmp, m));

    qsizetype prefix = 0;
    while (prefix < a.size() && prefix < b.size() && same(a.at(prefix), b.at(prefix)))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
           same(a.at(a.size() - 1 - suffix), b.at(b.size() - 1 - suffix)))
        ++suffix;
    const qsizetype n = a.size() - prefix - suffix;
    const qsizetype m = b.size() - prefix - suffix;

    std::vector<Op> ops(size_t(prefix), Op::Match);
    std::vector<Op> middle;
    if (!myers(a, prefix, n, b, prefix, m, SessionDiff::MaxEditDistance, &middle)) {
        // Too different to align: pair by position.
        middle.clear();
        for (qsizetype i = 0; i < qMax(n, m); ++i) {
            if (i < n)
                middle.push_back(Op::Delete);
            if (i < m)
                middle.push_back(Op::Insert);
        }
    }
    ops.insert(ops.end(), middle.begin(), middle.end());
    ops.insert(ops.end(), size_t(suffix), Op::Match);

    int ia = 0, ib = 0;
    QList<int> dels, ins;
    const auto flush = [&] {
        for (qsizetype t = 0; t < qMax(dels.size(), ins.size()); ++t) {
            SessionDiff::Entry e;
            e.dir = dir;
            if (t < dels.size() && t < ins.size()) {
                e.indexA = dels.at(t);
                e.indexB = ins.at(t);
                const Prepared &pa = a.at(e.indexA);
                const Prepared &pb = b.at(e.indexB);
                const Difference d = describe(cmp, pa, pb);
                e.status = SessionDiff::Status::Changed;
                e.description = d.text;
                e.path = d.path;
            } else if (t < dels.size()) {
                e.indexA = dels.at(t);
                e.status = SessionDiff::Status::Missing;
                e.description = SessionDiff::tr("Only in A: %1").arg(preview(a.at(e.indexA).bytes));
            } else {
                e.indexB = ins.at(t);
                e.status = SessionDiff::Status::Extra;
                e.description = SessionDiff::tr("Only in B: %1").arg(preview(b.at(e.indexB).bytes));
            }
            entries.append(e);
        }
        dels.clear();
        ins.clear();
    };
    for (Op op : ops) {
        if (op == Op::Match) {
            flush();
            SessionDiff::Entry e;
            e.dir = dir;
            e.indexA = ia++;
            e.indexB = ib++;
            e.status = SessionDiff::Status::Same;
            entries.append(e);
        } else if (op == Op::Delete) {
            dels.append(ia++);
        } else {
            ins.append(ib++);
        }
    }
    flush();
}

} // namespace

bool SessionDiff::isValidPath(const QString &path, QString *error)
{
    PathRule rule;
    return parsePath(path, &rule, error);
}

SessionDiff SessionDiff::compare(const EventLog &logA, quint32 connA, const EventLog &logB, quint32 connB,
                                 const Options &options)
{
    return compare(Messages::extract(logA, connA), Messages::extract(logB, connB), options);
}

SessionDiff SessionDiff::compare(const QList<DataMessage> &a, const QList<DataMessage> &b,
                                 const Options &options)
{
    Comparer cmp{options, {}};
    for (const QString &p : options.ignorePaths) {
        PathRule rule;
        if (parsePath(p, &rule, nullptr))
            cmp.rules.append(rule); // a malformed rule ignores nothing; isValidPath() tells the user
    }
    SessionDiff result;
    for (Direction dir : {Direction::Out, Direction::In})
        diffDirection(cmp, dir, Messages::only(a, dir), Messages::only(b, dir), result.m_entries);
    for (const Entry &e : result.m_entries) {
        switch (e.status) {
        case Status::Same:
            ++result.m_summary.same;
            break;
        case Status::Changed:
            ++result.m_summary.changed;
            break;
        case Status::Missing:
            ++result.m_summary.missing;
            break;
        case Status::Extra:
            ++result.m_summary.extra;
            break;
        }
    }
    return result;
}

QString SessionDiff::statusName(Status status)
{
    switch (status) {
    case Status::Same:
        return tr("same");
    case Status::Changed:
        return tr("changed");
    case Status::Missing:
        return tr("missing");
    case Status::Extra:
        return tr("extra");
    }
    return {};
}

} // namespace wsscope
