<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>Stopped; served %n client(s).</source>
        <translation>
            <numerusform>Stopped; served %n client.</numerusform>
            <numerusform>Stopped; served %n clients.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other request(s) skipped</source>
        <translation>
            <numerusform>%n other request skipped</numerusform>
            <numerusform>%n other requests skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable message(s) skipped</source>
        <translation>
            <numerusform>%n unreadable message skipped</numerusform>
            <numerusform>%n unreadable messages skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventFormat</name>
    <message numerus="yes">
        <source>%n certificate error(s)</source>
        <translation>
            <numerusform>%n certificate error</numerusform>
            <numerusform>%n certificate errors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsscope::Composer</name>
    <message numerus="yes">
        <source>%1: %Ln byte(s) from the file</source>
        <translation>
            <numerusform>%1: %Ln byte from the file</numerusform>
            <numerusform>%1: %Ln bytes from the file</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Text, %Ln byte(s) of UTF-8</source>
        <translation>
            <numerusform>Text, %Ln byte of UTF-8</numerusform>
            <numerusform>Text, %Ln bytes of UTF-8</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsscope::DiffModel</name>
    <message numerus="yes">
        <source>binary, %n byte(s): </source>
        <translation>
            <numerusform>binary, %n byte: </numerusform>
            <numerusform>binary, %n bytes: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsscope::DiffView</name>
    <message numerus="yes">
        <source>(cut at the capture&apos;s payload cap: %n byte(s) in all)</source>
        <translation>
            <numerusform>(cut at the capture&apos;s payload cap: %n byte in all)</numerusform>
            <numerusform>(cut at the capture&apos;s payload cap: %n bytes in all)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Identical: all %n message(s) are the same.</source>
        <translation>
            <numerusform>Identical: the %n message is the same.</numerusform>
            <numerusform>Identical: all %n messages are the same.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsscope::FrameDetailsView</name>
    <message numerus="yes">
        <source>%Ln byte(s), written directly in the 7-bit length field (0-125).</source>
        <translation>
            <numerusform>%Ln byte, written directly in the 7-bit length field (0-125).</numerusform>
            <numerusform>%Ln bytes, written directly in the 7-bit length field (0-125).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln byte(s) on the wire before the payload.</source>
        <translation>
            <numerusform>%Ln byte on the wire before the payload.</numerusform>
            <numerusform>%Ln bytes on the wire before the payload.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s) of the protocol</source>
        <translation>
            <numerusform>%n violation of the protocol</numerusform>
            <numerusform>%n violations of the protocol</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsscope::HarImport</name>
    <message numerus="yes">
        <source>This HAR file has no WebSocket connections (it has %n other requests).</source>
        <translation>
            <numerusform>This HAR file has no WebSocket connections (it has %n other request).</numerusform>
            <numerusform>This HAR file has no WebSocket connections (it has %n other requests).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsscope::MainWindow</name>
    <message numerus="yes">
        <source>Whole message of %n frame(s), %1:</source>
        <translation>
            <numerusform>Whole message of %n frame, %1:</numerusform>
            <numerusform>Whole message of %n frames, %1:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Incomplete message, %n frame(s) so far, %1:</source>
        <translation>
            <numerusform>Incomplete message, %n frame so far, %1:</numerusform>
            <numerusform>Incomplete message, %n frames so far, %1:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>   %n violation(s)</source>
        <translation>
            <numerusform>   %n violation</numerusform>
            <numerusform>   %n violations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>   %n error(s)</source>
        <translation>
            <numerusform>   %n error</numerusform>
            <numerusform>   %n errors</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsscope::MockDialog</name>
    <message numerus="yes">
        <source>Answers clients with the %n server message(s) of connection #%1 (%2).</source>
        <translation>
            <numerusform>Answers clients with the %n server message of connection #%1 (%2).</numerusform>
            <numerusform>Answers clients with the %n server messages of connection #%1 (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Listening on %1; %n client(s) so far.</source>
        <translation>
            <numerusform>Listening on %1; %n client so far.</numerusform>
            <numerusform>Listening on %1; %n clients so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stopped; %n client(s) were served.</source>
        <translation>
            <numerusform>Stopped; %n client was served.</numerusform>
            <numerusform>Stopped; %n clients were served.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsscope::PingView</name>
    <message numerus="yes">
        <source>%n ping(s), %1 answered</source>
        <translation>
            <numerusform>%n ping, %1 answered</numerusform>
            <numerusform>%n pings, %1 answered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsscope::Recovery</name>
    <message numerus="yes">
        <source>WsScope closed unexpectedly. Recover the %Ln event(s) recorded until %1?</source>
        <translation>
            <numerusform>WsScope closed unexpectedly. Recover the %Ln event recorded until %1?</numerusform>
            <numerusform>WsScope closed unexpectedly. Recover the %Ln events recorded until %1?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsscope::ReplayDialog</name>
    <message numerus="yes">
        <source>Sends the %n client message(s) of connection #%1 (%2) again as a new connection, recorded like any other.</source>
        <translation>
            <numerusform>Sends the %n client message of connection #%1 (%2) again as a new connection, recorded like any other.</numerusform>
            <numerusform>Sends the %n client messages of connection #%1 (%2) again as a new connection, recorded like any other.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n message(s) sent; waiting for the server&apos;s last answers and the close.</source>
        <translation>
            <numerusform>The %n message sent; waiting for the server&apos;s last answers and the close.</numerusform>
            <numerusform>All %n messages sent; waiting for the server&apos;s last answers and the close.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsscope::Replayer</name>
    <message numerus="yes">
        <source>%n wait(s) for server messages timed out.</source>
        <translation>
            <numerusform>%n wait for server messages timed out.</numerusform>
            <numerusform>%n waits for server messages timed out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) had been cut at the payload cap and were sent shortened.</source>
        <translation>
            <numerusform>%n message had been cut at the payload cap and was sent shortened.</numerusform>
            <numerusform>%n messages had been cut at the payload cap and were sent shortened.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wsscope::SessionFiles</name>
    <message numerus="yes">
        <source>%1: %Ln connection(s), %2 event(s), read-only.</source>
        <translation>
            <numerusform>%1: %Ln connection, %2 event, read-only.</numerusform>
            <numerusform>%1: %Ln connections, %2 events, read-only.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) of %1 could not be read and were skipped; the rest is shown.</source>
        <translation>
            <numerusform>%Ln line of %1 could not be read and was skipped; the rest is shown.</numerusform>
            <numerusform>%Ln lines of %1 could not be read and were skipped; the rest is shown.</numerusform>
        </translation>
    </message>
</context>
</TS>
