#!/usr/bin/python3
"""WebSocket test peer: a real server on loopback for WsScope's capture tests.

Runs with Debian's python3-websockets 10.4 (`/usr/bin/python3 ws_peer.py ...`; if another python3 of the same
minor version runs it, /usr/lib/python3/dist-packages is added to the path).

Start-up contract:
    ws_peer.py --port 0 [options]
prints exactly one line to stdout, flushed, once the server accepts connections:
    LISTENING <port>
and nothing else on stdout (diagnostics go to stderr). The peer exits by itself after --lifetime seconds
(default 30) or as soon as its stdin reaches end of file (the parent closed the pipe or died), whichever
comes first; pass --ignore-stdin when starting it by hand with stdin redirected from /dev/null.

Options:
    --host H              address to listen on (default 127.0.0.1)
    --port N              port; 0 picks a free one (default 0)
    --tls CERT KEY        speak wss:// with this certificate chain and key (see make_cert.sh)
    --client-ca CA        with --tls: require a client certificate signed by the CA in this PEM file
    --ping-interval S     send a ping every S seconds on each connection, payloads "p1", "p2", ...
    --subprotocol P       accept subprotocol P when the client offers it (may be repeated)
    --compression C       "none" (default: frames on the wire are what was sent) or "deflate"
                          (negotiate permessage-deflate when the client offers it)
    --mode echo|script    echo: every message is sent back as-is (text as text, binary as binary).
                          script: text messages are commands, see below; anything else is echoed.
    --log FILE            append one JSON object per line for every event the peer saw (see below)
    --lifetime S          exit after S seconds (default 30)

Script commands (text messages from the client):
    close <code> <reason>   close with that code and reason; codes the library refuses to send
                            (e.g. 1005, 999) are written as a raw close frame anyway
    ping <payload>          send a ping with that payload
    binary <hex>            send a binary message with these bytes
    fragments <a>|<b>|<c>   send one text message in fragments through an async iterator; the library
                            sends a, b, c as non-final frames and ends with an empty final continuation frame
    drop                    abort the TCP connection without a close frame (transport.abort())
    anything else           echoed back

Log lines (--log): {"t": <unix time>, "conn": <1-based connection number>, "event": <name>, ...} with events
    connected       path, subprotocol (null if none), request_headers [[name, value], ...]
    received        type "text"|"binary", size, data_b64 (one line per complete message)
    sent            type, size, data_b64, and fragments [b64, ...] for a fragmented message
    ping_sent       data_b64          ping_received   data_b64
    pong_sent       data_b64          pong_received   data_b64
    close_sent      code, reason      close_received  code, reason (code null for an empty close frame)
    dropped         (the peer aborted the TCP connection)
    disconnected    code, reason as the library reports them (1006 when no close frame was exchanged)
"""

import argparse
import asyncio
import base64
import itertools
import json
import os
import ssl
import struct
import sys
import threading
import time

try:
    import websockets
except ImportError:  # a python3 other than Debian's, e.g. from pyenv
    sys.path.append("/usr/lib/python3/dist-packages")
    import websockets

from websockets.connection import State
from websockets.exceptions import ConnectionClosed
from websockets.frames import OP_CLOSE, OP_PING, OP_PONG, Close
from websockets.legacy.server import WebSocketServerProtocol

LOG = None
CONNECTIONS = itertools.count(1)


def b64(data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return base64.b64encode(bytes(data)).decode("ascii")


def log(conn, event, **fields):
    if LOG is None:
        return
    record = {"t": time.time(), "conn": conn, "event": event}
    record.update(fields)
    LOG.write(json.dumps(record) + "\n")
    LOG.flush()


def parse_close(data):
    """RFC 6455 §5.5.1: an optional 2-byte code followed by a UTF-8 reason."""
    if len(data) < 2:
        return None, ""
    return struct.unpack("!H", data[:2])[0], data[2:].decode("utf-8", "replace")


def message_fields(message):
    kind = "text" if isinstance(message, str) else "binary"
    raw = message.encode("utf-8") if isinstance(message, str) else bytes(message)
    return {"type": kind, "size": len(raw), "data_b64": b64(raw)}


class PeerProtocol(WebSocketServerProtocol):
    """Logs control frames at the frame level; the library still handles them as usual."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conn = next(CONNECTIONS)

    async def read_frame(self, max_size):
        frame = await super().read_frame(max_size)
        if frame.opcode == OP_PING:
            log(self.conn, "ping_received", data_b64=b64(frame.data))
        elif frame.opcode == OP_PONG:
            log(self.conn, "pong_received", data_b64=b64(frame.data))
        elif frame.opcode == OP_CLOSE:
            code, reason = parse_close(frame.data)
            log(self.conn, "close_received", code=code, reason=reason)
        return frame

    async def pong(self, data=b""):
        if self.state is State.OPEN:
            log(self.conn, "pong_sent", data_b64=b64(data))
        await super().pong(data)

    async def write_close_frame(self, close, data=None):
        # The library writes at most one close frame, only while OPEN; it echoes a received close as-is.
        if self.state is State.OPEN:
            code, reason = parse_close(data) if data is not None else (close.code, close.reason)
            log(self.conn, "close_sent", code=code, reason=reason)
        await super().write_close_frame(close, data)


def quiet(future):
    # A ping whose pong never comes fails when the connection closes; that is expected here.
    future.add_done_callback(lambda f: f.cancelled() or f.exception())


async def send_ping(ws, payload):
    log(ws.conn, "ping_sent", data_b64=b64(payload))
    quiet(await ws.ping(payload))


async def pinger(ws, interval):
    for n in itertools.count(1):
        await asyncio.sleep(interval)
        if ws.state is not State.OPEN:
            return
        try:
            await send_ping(ws, "p%d" % n)
        except ConnectionClosed:
            return


async def send(ws, message):
    log(ws.conn, "sent", **message_fields(message))
    await ws.send(message)


async def close_with(ws, code, reason):
    try:
        Close(code, reason).check()
    except Exception:
        # Let tests see what a peer sending a forbidden code looks like: write the frame ourselves.
        await ws.write_close_frame(Close(code, reason), struct.pack("!H", code & 0xFFFF) + reason.encode())
        try:
            await asyncio.wait_for(ws.wait_closed(), ws.close_timeout)
        except asyncio.TimeoutError:
            ws.transport.abort()
        return
    await ws.close(code, reason)


async def run_command(ws, text):
    """Returns False when the connection is finished."""
    verb, _, arg = text.partition(" ")
    if verb == "close":
        code_text, _, reason = arg.partition(" ")
        code = int(code_text) if code_text else 1000
        await close_with(ws, code, reason)
        return False
    if verb == "ping":
        await send_ping(ws, arg)
    elif verb == "binary":
        await send(ws, bytes.fromhex(arg))
    elif verb == "fragments":
        parts = arg.split("|")

        async def pieces():
            for part in parts:
                yield part

        fields = message_fields("".join(parts))
        fields["fragments"] = [b64(p) for p in parts]
        log(ws.conn, "sent", **fields)
        await ws.send(pieces())
    elif verb == "drop":
        log(ws.conn, "dropped")
        ws.transport.abort()
        return False
    else:
        await send(ws, text)
    return True


async def handler(ws, path=None):
    options = ws.peer_options
    log(ws.conn, "connected", path=ws.path, subprotocol=ws.subprotocol,
        request_headers=[[k, v] for k, v in ws.request_headers.raw_items()])
    ping_task = None
    if options.ping_interval:
        ping_task = asyncio.ensure_future(pinger(ws, options.ping_interval))
    try:
        async for message in ws:
            log(ws.conn, "received", **message_fields(message))
            if options.mode == "script" and isinstance(message, str):
                if not await run_command(ws, message):
                    break
            else:
                await send(ws, message)
    except ConnectionClosed:
        pass
    finally:
        if ping_task:
            ping_task.cancel()
        await ws.wait_closed()
        log(ws.conn, "disconnected", code=ws.close_code, reason=ws.close_reason)


def watch_stdin(loop, stop):
    try:
        while os.read(0, 4096):
            pass
    except OSError:
        return  # no usable stdin: only the lifetime ends the peer
    loop.call_soon_threadsafe(lambda: stop.done() or stop.set_result("stdin closed"))


async def main(options):
    ssl_context = None
    if options.tls:
        ssl_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ssl_context.load_cert_chain(options.tls[0], options.tls[1])
        if options.client_ca:
            # Mutual TLS: a client without a certificate signed by this CA fails the handshake.
            ssl_context.verify_mode = ssl.CERT_REQUIRED
            ssl_context.load_verify_locations(options.client_ca)

    def create_protocol(*args, **kwargs):
        protocol = PeerProtocol(*args, **kwargs)
        protocol.peer_options = options
        return protocol

    server = await websockets.serve(
        handler, options.host, options.port, ssl=ssl_context, create_protocol=create_protocol,
        subprotocols=options.subprotocol or None, ping_interval=None, max_size=None,
        compression="deflate" if options.compression == "deflate" else None)
    port = server.sockets[0].getsockname()[1]
    sys.stdout.write("LISTENING %d\n" % port)
    sys.stdout.flush()

    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    if not options.ignore_stdin:
        threading.Thread(target=watch_stdin, args=(loop, stop), daemon=True).start()
    try:
        await asyncio.wait_for(stop, options.lifetime)
    except asyncio.TimeoutError:
        pass
    server.close()
    try:
        await asyncio.wait_for(server.wait_closed(), 5)
    except asyncio.TimeoutError:
        pass


def parse_args(argv):
    p = argparse.ArgumentParser(description="WebSocket test peer for WsScope (see the top of this file).")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    p.add_argument("--client-ca", metavar="CA")
    p.add_argument("--ping-interval", type=float, default=0)
    p.add_argument("--subprotocol", action="append", default=[])
    p.add_argument("--compression", choices=["none", "deflate"], default="none")
    p.add_argument("--mode", choices=["echo", "script"], default="echo")
    p.add_argument("--log")
    p.add_argument("--lifetime", type=float, default=30)
    p.add_argument("--ignore-stdin", action="store_true")
    return p.parse_args(argv)


if __name__ == "__main__":
    opts = parse_args(sys.argv[1:])
    if opts.log:
        LOG = open(opts.log, "a", encoding="utf-8")
    try:
        asyncio.run(main(opts))
    except KeyboardInterrupt:
        pass
    except OSError as error:  # unreadable certificate, port in use: say so in one line, no LISTENING line
        sys.stderr.write("ws_peer: cannot start: %s\n" % error)
        sys.exit(2)
