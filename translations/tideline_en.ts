<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CborDecoder</name>
    <message numerus="yes">
        <source>{%n pair(s)}</source>
        <translation>
            <numerusform>{%n pair}</numerusform>
            <numerusform>{%n pairs}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n item]</numerusform>
            <numerusform>[%n items]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only the first %n top-level item(s) are decoded.</source>
        <translation>
            <numerusform>Only the first %n top-level item is decoded.</numerusform>
            <numerusform>Only the first %n top-level items are decoded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Decoding stopped after %n item(s).</source>
        <translation>
            <numerusform>Decoding stopped after %n item.</numerusform>
            <numerusform>Decoding stopped after %n items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CBOR sequence of %n item(s)</source>
        <translation>
            <numerusform>CBOR sequence of %n item</numerusform>
            <numerusform>CBOR sequence of %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CBOR map, %n pair(s)</source>
        <translation>
            <numerusform>CBOR map, %n pair</numerusform>
            <numerusform>CBOR map, %n pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CBOR array, %n item(s)</source>
        <translation>
            <numerusform>CBOR array, %n item</numerusform>
            <numerusform>CBOR array, %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>tideline-cli: warning: %n more warning(s)</source>
        <translation>
            <numerusform>tideline-cli: warning: %n more warning</numerusform>
            <numerusform>tideline-cli: warning: %n more warnings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CloudEventsDecoder</name>
    <message numerus="yes">
        <source>%n user property(ies) not named like CloudEvents attributes were left out: %1</source>
        <translation>
            <numerusform>%n user property not named like a CloudEvents attribute was left out: %1</numerusform>
            <numerusform>%n user properties not named like CloudEvents attributes were left out: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecodedPayload</name>
    <message numerus="yes">
        <source>Only the first %n row(s) are listed.</source>
        <translation>
            <numerusform>Only the first %n row is listed.</numerusform>
            <numerusform>Only the first %n rows are listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonDecoder</name>
    <message numerus="yes">
        <source>{%n key(s)}</source>
        <translation>
            <numerusform>{%n key}</numerusform>
            <numerusform>{%n keys}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n item]</numerusform>
            <numerusform>[%n items]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>JSON object, %n key(s)</source>
        <translation>
            <numerusform>JSON object, %n key</numerusform>
            <numerusform>JSON object, %n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>JSON array, %n item(s)</source>
        <translation>
            <numerusform>JSON array, %n item</numerusform>
            <numerusform>JSON array, %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>JSON string, %n character(s)</source>
        <translation>
            <numerusform>JSON string, %n character</numerusform>
            <numerusform>JSON string, %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MsgPackDecoder</name>
    <message numerus="yes">
        <source>{%n pair(s)}</source>
        <translation>
            <numerusform>{%n pair}</numerusform>
            <numerusform>{%n pairs}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n item]</numerusform>
            <numerusform>[%n items]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only the first %n top-level object(s) are decoded.</source>
        <translation>
            <numerusform>Only the first %n top-level object is decoded.</numerusform>
            <numerusform>Only the first %n top-level objects are decoded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Decoding stopped after %n item(s).</source>
        <translation>
            <numerusform>Decoding stopped after %n item.</numerusform>
            <numerusform>Decoding stopped after %n items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MessagePack stream of %n object(s)</source>
        <translation>
            <numerusform>MessagePack stream of %n object</numerusform>
            <numerusform>MessagePack stream of %n objects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MessagePack map, %n pair(s)</source>
        <translation>
            <numerusform>MessagePack map, %n pair</numerusform>
            <numerusform>MessagePack map, %n pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MessagePack array, %n item(s)</source>
        <translation>
            <numerusform>MessagePack array, %n item</numerusform>
            <numerusform>MessagePack array, %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PayloadDiff</name>
    <message numerus="yes">
        <source>%n JSON change(s)</source>
        <translation>
            <numerusform>%n JSON change</numerusform>
            <numerusform>%n JSON changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>More than %n JSON change(s); the first are listed.</source>
        <translation>
            <numerusform>More than %n JSON change; the first are listed.</numerusform>
            <numerusform>More than %n JSON changes; the first are listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2; %n byte(s) differ in the common part</source>
        <translation>
            <numerusform>%1 → %2; %n byte differs in the common part</numerusform>
            <numerusform>%1 → %2; %n bytes differ in the common part</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProtobufDecoder</name>
    <message numerus="yes">
        <source>Protobuf wire format (no schema), %n top-level field(s)</source>
        <translation>
            <numerusform>Protobuf wire format (no schema), %n top-level field</numerusform>
            <numerusform>Protobuf wire format (no schema), %n top-level fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Malformed protobuf after %n field(s)</source>
        <translation>
            <numerusform>Malformed protobuf after %n field</numerusform>
            <numerusform>Malformed protobuf after %n fields</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SparkplugDecoder</name>
    <message numerus="yes">
        <source>Sparkplug B %1, %n metric(s), seq %2</source>
        <translation>
            <numerusform>Sparkplug B %1, %n metric, seq %2</numerusform>
            <numerusform>Sparkplug B %1, %n metrics, seq %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sparkplug B %1, %n metric(s)</source>
        <translation>
            <numerusform>Sparkplug B %1, %n metric</numerusform>
            <numerusform>Sparkplug B %1, %n metrics</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextDecoder</name>
    <message numerus="yes">
        <source>Invalid UTF-8 at byte offsets %1–%2 (%n byte(s)), shown as U+FFFD.</source>
        <translation>
            <numerusform>Invalid UTF-8 at byte offsets %1–%2 (%n byte), shown as U+FFFD.</numerusform>
            <numerusform>Invalid UTF-8 at byte offsets %1–%2 (%n bytes), shown as U+FFFD.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The text contains %n control character(s).</source>
        <translation>
            <numerusform>The text contains %n control character.</numerusform>
            <numerusform>The text contains %n control characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>UTF-8 text, %n line(s), %1</source>
        <translation>
            <numerusform>UTF-8 text, %n line, %1</numerusform>
            <numerusform>UTF-8 text, %n lines, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Text with %n invalid UTF-8 sequence(s)</source>
        <translation>
            <numerusform>Text with %n invalid UTF-8 sequence</numerusform>
            <numerusform>Text with %n invalid UTF-8 sequences</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tideline::AuditLogDialog</name>
    <message numerus="yes">
        <source>%n action(s) in %1, newest first.</source>
        <translation>
            <numerusform>%n action in %1, newest first.</numerusform>
            <numerusform>%n actions in %1, newest first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tideline::ClusterWorkspaceSection</name>
    <message numerus="yes">
        <source>%n cluster tab(s) of this workspace could not be reopened.</source>
        <translation>
            <numerusform>%n cluster tab of this workspace could not be reopened.</numerusform>
            <numerusform>%n cluster tabs of this workspace could not be reopened.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tideline::CredentialStore</name>
    <message numerus="yes">
        <source>The OS keychain did not answer within %n second(s). It may be waiting for you to unlock it.</source>
        <translation>
            <numerusform>The OS keychain did not answer within %n second. It may be waiting for you to unlock it.</numerusform>
            <numerusform>The OS keychain did not answer within %n seconds. It may be waiting for you to unlock it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tideline::MetricsDashboard</name>
    <message numerus="yes">
        <source>%n active alert(s)</source>
        <translation>
            <numerusform>%n active alert</numerusform>
            <numerusform>%n active alerts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) from %1 (query_range, step %2 s)</source>
        <translation>
            <numerusform>%n point from %1 (query_range, step %2 s)</numerusform>
            <numerusform>%n points from %1 (query_range, step %2 s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tideline::MqttConnection</name>
    <message numerus="yes">
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>Reconnecting in %n s</numerusform>
            <numerusform>Reconnecting in %n s</numerusform>
        </translation>
    </message>
</context>
</TS>
