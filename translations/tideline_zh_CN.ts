<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AmqpConnection</name>
    <message>
        <source>AMQP %1 failed: %2</source>
        <translation>AMQP %1 失败：%2</translation>
    </message>
    <message>
        <source>Cannot create an AMQP socket.</source>
        <translation>无法创建 AMQP 套接字。</translation>
    </message>
    <message>
        <source>Cannot reach RabbitMQ at %1:%2: %3</source>
        <translation>无法连接到位于 %1:%2 的 RabbitMQ：%3</translation>
    </message>
    <message>
        <source>RabbitMQ refused the login as %1: %2</source>
        <translation>RabbitMQ 拒绝了以 %1 身份登录：%2</translation>
    </message>
    <message>
        <source>Not connected to RabbitMQ.</source>
        <translation>未连接到 RabbitMQ。</translation>
    </message>
    <message>
        <source>AMQP publish failed: %1</source>
        <translation>AMQP 发布失败：%1</translation>
    </message>
    <message>
        <source>AMQP consume failed: %1</source>
        <translation>AMQP 消费失败：%1</translation>
    </message>
    <message>
        <source>AMQP ack failed: %1</source>
        <translation>AMQP ack 失败：%1</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>cannot create the audit log directory %1</source>
        <translation>无法创建审计日志目录 %1</translation>
    </message>
    <message>
        <source>cannot open the audit log %1: %2</source>
        <translation>无法打开审计日志 %1：%2</translation>
    </message>
    <message>
        <source>cannot write the audit log %1: %2</source>
        <translation>无法写入审计日志 %1：%2</translation>
    </message>
    <message>
        <source>cannot read the audit log %1: %2</source>
        <translation>无法读取审计日志 %1：%2</translation>
    </message>
</context>
<context>
    <name>Base64Decoder</name>
    <message>
        <source>empty payload</source>
        <translation>负载为空</translation>
    </message>
    <message>
        <source>not strict base64 (one alphabet, padding only at the end)</source>
        <translation>不是严格的 base64（只能使用一种字母表，填充只能位于末尾）</translation>
    </message>
    <message>
        <source>not valid base64</source>
        <translation>不是有效的 base64</translation>
    </message>
    <message>
        <source>Only the first %1 of the payload were decoded.</source>
        <translation>仅解码了负载的前 %1。</translation>
    </message>
    <message>
        <source>Base64url, %1 decoded: %2</source>
        <translation>Base64url，已解码 %1：%2</translation>
    </message>
    <message>
        <source>Base64, %1 decoded: %2</source>
        <translation>Base64，已解码 %1：%2</translation>
    </message>
</context>
<context>
    <name>BenchChartCommand</name>
    <message>
        <source>Points in the series. Default: 1000000.</source>
        <translation>序列中的点数。默认值：1000000。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Redraws to measure. Default: 200.</source>
        <translation>要测量的重绘次数。默认值：200。</translation>
    </message>
    <message>
        <source>Chart width in pixels. Default: 1280.</source>
        <translation>图表宽度（像素）。默认值：1280。</translation>
    </message>
    <message>
        <source>PX</source>
        <translation>PX</translation>
    </message>
    <message>
        <source>Chart height in pixels. Default: 720.</source>
        <translation>图表高度（像素）。默认值：720。</translation>
    </message>
    <message>
        <source>Series on the chart, each with N points (1 to 5). Default: 1.</source>
        <translation>图表上的序列数，每个序列含 N 个点（1 到 5）。默认值：1。</translation>
    </message>
    <message>
        <source>K</source>
        <translation>K</translation>
    </message>
    <message>
        <source>Draw without antialiasing (to see what it costs).</source>
        <translation>绘制时不使用抗锯齿（以查看其开销）。</translation>
    </message>
    <message>
        <source>Measure the queue-depth chart&apos;s redraw with a large series</source>
        <translation>使用大型序列测量队列深度图表的重绘性能</translation>
    </message>
    <message>
        <source>bench chart [--points N] [--frames N] [--width PX] [--height PX] [--series K]</source>
        <translation>bench chart [--points N] [--frames N] [--width PX] [--height PX] [--series K]</translation>
    </message>
    <message>
        <source>Fills the GUI&apos;s in-memory series store with N points spread over the last 24 hours, shows them in the queue-depth chart with the 24 h window, then measures redraws the way the GUI does them: a new point arrives, the visible range is downsampled to min/max per pixel, handed to QXYSeries::replace(), the layout settles and the chart view is rendered into an image (offscreen unless QT_QPA_PLATFORM is set).
Output, one JSON line: points, series, width, height, plot_px, drawn_points, frames, fill_ms, downsample_ms (one full min/max pass over a series; the chart&apos;s cache avoids it on most redraws), and per redraw in ms: redraw_median_ms, redraw_p95_ms, redraw_max_ms, split into update_median_ms (downsample + replace + axes) and render_median_ms; the CPU time of the drawing thread per redraw (redraw_cpu_median_ms, redraw_cpu_p95_ms: what the wall clock would show on an idle machine); target_ms (16) and within_target (wall-clock p95 below it).</source>
        <translation>用分布在过去 24 小时内的 N 个点填充 GUI 的内存序列存储，在队列深度图表中以 24 h 时间窗口显示这些点，然后按 GUI 的方式测量重绘：新点到达，可见范围按每像素最小/最大值降采样，交给 QXYSeries::replace()，布局稳定后将图表视图渲染为图像（除非设置了 QT_QPA_PLATFORM，否则在屏幕外渲染）。
输出为一行 JSON：points、series、width、height、plot_px、drawn_points、frames、fill_ms、downsample_ms（对一个序列完整执行一次最小/最大值遍历；图表的缓存使大多数重绘无需执行此步骤），以及每次重绘的耗时（ms）：redraw_median_ms、redraw_p95_ms、redraw_max_ms，并拆分为 update_median_ms（降采样 + replace + 坐标轴）和 render_median_ms；每次重绘时绘制线程的 CPU 时间（redraw_cpu_median_ms、redraw_cpu_p95_ms：即在空闲机器上挂钟时间会显示的值）；target_ms (16) 和 within_target（挂钟时间 p95 低于该值）。</translation>
    </message>
    <message>
        <source>--points must be a whole number from 2 to 100000000.</source>
        <translation>--points 必须是 2 到 100000000 之间的整数。</translation>
    </message>
    <message>
        <source>--frames must be a whole number from 1 to 100000.</source>
        <translation>--frames 必须是 1 到 100000 之间的整数。</translation>
    </message>
    <message>
        <source>--width must be from 320 to 8192 and --height from 200 to 8192 pixels.</source>
        <translation>--width 必须在 320 到 8192 像素之间，--height 必须在 200 到 8192 像素之间。</translation>
    </message>
    <message>
        <source>--series must be from 1 to 5.</source>
        <translation>--series 必须在 1 到 5 之间。</translation>
    </message>
    <message>
        <source>bench chart needs a GUI application object (run it as &apos;tideline-cli bench chart&apos;).</source>
        <translation>bench chart 需要 GUI 应用程序对象（请以 &apos;tideline-cli bench chart&apos; 方式运行）。</translation>
    </message>
    <message>
        <source>bench</source>
        <translation>bench</translation>
    </message>
    <message>
        <source>downsampling produced no points</source>
        <translation>降采样未产生任何点</translation>
    </message>
</context>
<context>
    <name>BenchE2eCommand</name>
    <message>
        <source>Number of messages. Default: 200000.</source>
        <translation>消息数量。默认值：200000。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Payload size in bytes. Default: 64.</source>
        <translation>负载大小（字节）。默认值：64。</translation>
    </message>
    <message>
        <source>BYTES</source>
        <translation>BYTES</translation>
    </message>
    <message>
        <source>Number of distinct topics. Default: 1000.</source>
        <translation>不同主题的数量。默认值：1000。</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>both (default): subscriber and publisher in this process; subscriber: only receive, from a publisher started elsewhere; publisher: only publish.</source>
        <translation>both（默认）：订阅者和发布者位于本进程中；subscriber：仅接收来自在其他地方启动的发布者的消息；publisher：仅发布。</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>ROLE</translation>
    </message>
    <message>
        <source>Name of this run: messages go to bench/e2e/NAME/…, and only those count. Default: random with --role both, &quot;shared&quot; with the other roles (give both sides the same name).</source>
        <translation>本次运行的名称：消息发往 bench/e2e/NAME/…，且只统计这些消息。默认值：使用 --role both 时为随机名称，使用其他角色时为 &quot;shared&quot;（请为两端指定相同的名称）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>End after this many seconds without a new message. Default: 3.</source>
        <translation>在此秒数内没有新消息时结束。默认值：3。</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>Measure broker-to-topic-tree throughput, loss and UI stalls</source>
        <translation>测量从代理到主题树的吞吐量、丢失率和界面卡顿</translation>
    </message>
    <message>
        <source>bench e2e --url URL [--messages N] [--payload BYTES] [--topics T] [--role ROLE]</source>
        <translation>bench e2e --url URL [--messages N] [--payload BYTES] [--topics T] [--role ROLE]</translation>
    </message>
    <message>
        <source>Connection A subscribes to &apos;#&apos; (QoS 0) and feeds the ingest pipeline with its 16 ms frame timer, the topic tree model and the 1 Hz rate timer on this process&apos;s event loop, as the GUI does. Publisher B, on its own thread, writes N QoS 0 messages to bench/e2e/RUN/g&lt;k&gt;/d&lt;i&gt;/value as fast as TCP takes them (a bare MQTT 3.1.1 client, so that it outruns the subscriber; plain mqtt:// only). A 10 ms timer on A&apos;s event loop records how late it fires (stall_ms). The run ends when all N arrived or after --idle-timeout seconds without a new message.
Output, one JSON line: received, lost, msgs_per_s (received / (last arrival - first arrival)), stall_ms, and details (stall_cpu_ms: the part of the worst stall this thread spent computing rather than waiting for a CPU). With --role subscriber, &quot;subscribed&quot; is printed on stderr once messages can be sent. With --role publisher: published, failed, seconds, msgs_per_s.
The broker must not drop QoS 0 messages for a slow subscriber (mosquitto: max_queued_messages 0), or loss measures the broker, not Tideline.</source>
        <translation>连接 A 订阅 &apos;#&apos;（QoS 0），并像 GUI 一样，在本进程的事件循环上将消息送入摄取管道（及其 16 ms 帧定时器）、主题树模型和 1 Hz 速率定时器。发布者 B 在自己的线程上，以 TCP 能接收的最快速度将 N 条 QoS 0 消息写入 bench/e2e/RUN/g&lt;k&gt;/d&lt;i&gt;/value（使用一个精简的 MQTT 3.1.1 客户端，以便快过订阅者；仅支持普通 mqtt://）。A 的事件循环上有一个 10 ms 定时器，记录其触发的延迟（stall_ms）。当全部 N 条消息到达，或在 --idle-timeout 秒内没有新消息时，运行结束。
输出为一行 JSON：received、lost、msgs_per_s（received / (最后到达时间 - 首次到达时间)）、stall_ms 以及 details（stall_cpu_ms：最严重的一次卡顿中，该线程用于计算而非等待 CPU 的部分）。使用 --role subscriber 时，一旦可以发送消息，就会在 stderr 上打印 &quot;subscribed&quot;。使用 --role publisher 时输出：published、failed、seconds、msgs_per_s。
代理不得因订阅者过慢而丢弃 QoS 0 消息（mosquitto：max_queued_messages 0），否则测得的丢失来自代理，而不是 Tideline。</translation>
    </message>
    <message>
        <source>--messages must be a whole number from 1 to 1000000000.</source>
        <translation>--messages 必须是 1 到 1000000000 之间的整数。</translation>
    </message>
    <message>
        <source>--payload must be a number of bytes from 0 to 16777216.</source>
        <translation>--payload 必须是 0 到 16777216 之间的字节数。</translation>
    </message>
    <message>
        <source>--topics must be a whole number from 1 to 100000000.</source>
        <translation>--topics 必须是 1 到 100000000 之间的整数。</translation>
    </message>
    <message>
        <source>--idle-timeout must be a number of seconds from 0.1 to 3600.</source>
        <translation>--idle-timeout 必须是 0.1 到 3600 之间的秒数。</translation>
    </message>
    <message>
        <source>--role must be both, subscriber or publisher.</source>
        <translation>--role 必须是 both、subscriber 或 publisher。</translation>
    </message>
    <message>
        <source>--run must be 1 to 20 letters, digits, &apos;-&apos; or &apos;_&apos;.</source>
        <translation>--run 必须由 1 到 20 个字母、数字、&apos;-&apos; 或 &apos;_&apos; 组成。</translation>
    </message>
    <message>
        <source>The benchmark publisher speaks plain mqtt:// only. For a TLS or WebSocket broker, run --role subscriber and publish with another tool.</source>
        <translation>基准测试发布者仅支持普通 mqtt://。对于 TLS 或 WebSocket 代理，请使用 --role subscriber 运行，并用其他工具发布。</translation>
    </message>
    <message>
        <source>%1 messages failed: %2</source>
        <translation>%1 条消息失败：%2</translation>
    </message>
    <message>
        <source>subscribed; waiting for %1 messages under %2/</source>
        <translation>已订阅；正在等待 %2/ 下的 %1 条消息</translation>
    </message>
    <message>
        <source>Cannot subscribe to %1: %2</source>
        <translation>无法订阅 %1：%2</translation>
    </message>
    <message>
        <source>%1 messages failed to publish: %2</source>
        <translation>%1 条消息发布失败：%2</translation>
    </message>
</context>
<context>
    <name>BenchIngestCommand</name>
    <message>
        <source>Number of messages. Default: 2000000.</source>
        <translation>消息数量。默认值：2000000。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Number of distinct topics. Default: 100000.</source>
        <translation>不同主题的数量。默认值：100000。</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Payload size in bytes. Default: 64.</source>
        <translation>负载大小（字节）。默认值：64。</translation>
    </message>
    <message>
        <source>BYTES</source>
        <translation>BYTES</translation>
    </message>
    <message>
        <source>Leave out the topic tree model (to see what it costs).</source>
        <translation>不使用主题树模型（以查看其开销）。</translation>
    </message>
    <message>
        <source>Measure the message ingest path without a broker</source>
        <translation>在没有代理的情况下测量消息摄取路径</translation>
    </message>
    <message>
        <source>bench ingest [--messages N] [--topics T] [--payload BYTES]</source>
        <translation>bench ingest [--messages N] [--topics T] [--payload BYTES]</translation>
    </message>
    <message>
        <source>A producer thread builds N messages over T topics (bench/g&lt;k&gt;/d&lt;i&gt;/value, 100 devices per group), each with its own topic and payload buffers, and pushes them into the ingest pipeline&apos;s inbox one by one, as the network thread does. The main thread drains the inbox into the topic tree (counts, last values, history under the default 256 MiB budget), updates the topic tree model after every drain, like the GUI, and the rates once per million messages (the GUI&apos;s once a second at 1,000,000 msgs/s).
Output, one JSON line: messages, topics, seconds, msgs_per_s, peak_rss_mb (VmHWM), and details (nodes, history entries and bytes, evictions, worst drain in ms).</source>
        <translation>一个生产者线程在 T 个主题（bench/g&lt;k&gt;/d&lt;i&gt;/value，每组 100 个设备）上构建 N 条消息，每条消息都有各自的主题和负载缓冲区，并像网络线程那样将它们逐条推入摄取管道的收件箱。主线程将收件箱中的消息排入主题树（计数、最新值、默认 256 MiB 预算内的历史记录），每次排空后像 GUI 一样更新主题树模型，并每一百万条消息更新一次速率（相当于 GUI 在 1,000,000 msgs/s 时每秒一次的更新）。
输出为一行 JSON：messages、topics、seconds、msgs_per_s、peak_rss_mb (VmHWM) 以及 details（节点数、历史条目数和字节数、淘汰次数、最慢一次排空的耗时 ms）。</translation>
    </message>
    <message>
        <source>--messages must be a whole number from 1 to 1000000000.</source>
        <translation>--messages 必须是 1 到 1000000000 之间的整数。</translation>
    </message>
    <message>
        <source>--topics must be a whole number from 1 to 100000000.</source>
        <translation>--topics 必须是 1 到 100000000 之间的整数。</translation>
    </message>
    <message>
        <source>--payload must be a number of bytes from 0 to 16777216.</source>
        <translation>--payload 必须是 0 到 16777216 之间的字节数。</translation>
    </message>
</context>
<context>
    <name>CborDecoder</name>
    <message>
        <source>nesting deeper than %1 levels</source>
        <translation>嵌套深度超过 %1 层</translation>
    </message>
    <message>
        <source>more than %1 nested tags</source>
        <translation>嵌套标签超过 %1 个</translation>
    </message>
    <message numerus="yes">
        <source>{%n pair(s)}</source>
        <translation>
            <numerusform>{%n 个键值对}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n 项]</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>the CBOR data ends early at byte %1 (truncated input)</source>
        <translation>CBOR 数据在字节 %1 处提前结束（输入被截断）</translation>
    </message>
    <message>
        <source>invalid CBOR at byte %1: %2</source>
        <translation>字节 %1 处的 CBOR 无效：%2</translation>
    </message>
    <message>
        <source>invalid CBOR at byte %1</source>
        <translation>字节 %1 处的 CBOR 无效</translation>
    </message>
    <message>
        <source>empty payload</source>
        <translation>负载为空</translation>
    </message>
    <message>
        <source>the payload is %1, more than the %2 the CBOR view decodes</source>
        <translation>负载大小为 %1，超过了 CBOR 视图可解码的 %2</translation>
    </message>
    <message numerus="yes">
        <source>Only the first %n top-level item(s) are decoded.</source>
        <translation>
            <numerusform>仅解码了前 %n 个顶层项。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Decoding stopped after %n item(s).</source>
        <translation>
            <numerusform>解码在 %n 项后停止。</numerusform>
        </translation>
    </message>
    <message>
        <source>The text stops after %1.</source>
        <translation>文本在 %1 后截止。</translation>
    </message>
    <message>
        <source>Malformed CBOR</source>
        <translation>格式错误的 CBOR</translation>
    </message>
    <message numerus="yes">
        <source>CBOR sequence of %n item(s)</source>
        <translation>
            <numerusform>CBOR 序列，共 %n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CBOR map, %n pair(s)</source>
        <translation>
            <numerusform>CBOR 映射，%n 个键值对</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>CBOR array, %n item(s)</source>
        <translation>
            <numerusform>CBOR 数组，%n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>CBOR %1</source>
        <translation>CBOR %1</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>tideline-cli: error: %1</source>
        <translation>tideline-cli：错误：%1</translation>
    </message>
    <message>
        <source>tideline-cli %1: %2</source>
        <translation>tideline-cli %1：%2</translation>
    </message>
    <message>
        <source>Try &apos;tideline-cli help %1&apos;.</source>
        <translation>请尝试 &apos;tideline-cli help %1&apos;。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid topic filter: it must not be empty, and &apos;+&apos; and &apos;#&apos; must be whole levels (&apos;#&apos; only the last).</source>
        <translation>&quot;%1&quot; 不是有效的主题过滤器：它不能为空，且 &apos;+&apos; 和 &apos;#&apos; 必须占据完整的层级（&apos;#&apos; 只能位于最后一级）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid topic to publish to: it must not be empty or contain the wildcards &apos;+&apos; and &apos;#&apos;.</source>
        <translation>&quot;%1&quot; 不是可发布的有效主题：它不能为空，也不能包含通配符 &apos;+&apos; 和 &apos;#&apos;。</translation>
    </message>
    <message>
        <source>tideline-cli: warning: %1</source>
        <translation>tideline-cli：警告：%1</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 为必填项。</translation>
    </message>
    <message>
        <source>%1 must be an http:// or https:// URL, not &quot;%2&quot;.</source>
        <translation>%1 必须是 http:// 或 https:// URL，而不是 &quot;%2&quot;。</translation>
    </message>
    <message>
        <source>Do not put a password in the URL, where other users and the shell history can see it; use --password-stdin.</source>
        <translation>不要在 URL 中放入密码，其他用户和 shell 历史记录都能看到它；请使用 --password-stdin。</translation>
    </message>
    <message numerus="yes">
        <source>tideline-cli: warning: %n more warning(s)</source>
        <translation>
            <numerusform>tideline-cli：警告：还有 %n 条警告</numerusform>
        </translation>
    </message>
    <message>
        <source>--timeout must be a number of seconds between 0.001 and 3600.</source>
        <translation>--timeout 必须是 0.001 到 3600 之间的秒数。</translation>
    </message>
    <message>
        <source>Cannot read the file %1.</source>
        <translation>无法读取文件 %1。</translation>
    </message>
</context>
<context>
    <name>CloudEventsBuilder</name>
    <message>
        <source>A CloudEvent needs a type, e.g. com.example.order.created.</source>
        <translation>CloudEvent 需要 type（类型），例如 com.example.order.created。</translation>
    </message>
    <message>
        <source>A CloudEvent needs a source, e.g. /shop/store-12.</source>
        <translation>CloudEvent 需要 source（来源），例如 /shop/store-12。</translation>
    </message>
    <message>
        <source>A CloudEvent needs an id.</source>
        <translation>CloudEvent 需要 id。</translation>
    </message>
    <message>
        <source>The extension attribute name &quot;%1&quot; must be lower-case letters and digits only.</source>
        <translation>扩展属性名 &quot;%1&quot; 只能包含小写字母和数字。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a CloudEvents attribute of its own, not an extension.</source>
        <translation>&quot;%1&quot; 是 CloudEvents 本身的属性，而不是扩展属性。</translation>
    </message>
</context>
<context>
    <name>CloudEventsDecoder</name>
    <message>
        <source>The required attribute &quot;%1&quot; is missing.</source>
        <translation>缺少必需的属性 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>The attribute &quot;%1&quot; must be a string.</source>
        <translation>属性 &quot;%1&quot; 必须是字符串。</translation>
    </message>
    <message>
        <source>The attribute &quot;%1&quot; must not be empty.</source>
        <translation>属性 &quot;%1&quot; 不能为空。</translation>
    </message>
    <message>
        <source>specversion is &quot;%1&quot;; this view follows CloudEvents 1.0.</source>
        <translation>specversion 为 &quot;%1&quot;；此视图遵循 CloudEvents 1.0。</translation>
    </message>
    <message>
        <source>The attribute &quot;%1&quot; must not be empty when present.</source>
        <translation>属性 &quot;%1&quot; 存在时不能为空。</translation>
    </message>
    <message>
        <source>The time &quot;%1&quot; is not an RFC 3339 timestamp.</source>
        <translation>时间 &quot;%1&quot; 不是 RFC 3339 时间戳。</translation>
    </message>
    <message>
        <source>The extension attribute name &quot;%1&quot; is not lower-case letters and digits only.</source>
        <translation>扩展属性名 &quot;%1&quot; 并非仅由小写字母和数字组成。</translation>
    </message>
    <message>
        <source>(no type)</source>
        <translation>（无类型）</translation>
    </message>
    <message>
        <source>(no source)</source>
        <translation>（无来源）</translation>
    </message>
    <message>
        <source>CloudEvent %1 from %2, structured mode</source>
        <translation>来自 %2 的 CloudEvent %1，结构化模式</translation>
    </message>
    <message>
        <source>CloudEvent %1 from %2, binary mode</source>
        <translation>来自 %2 的 CloudEvent %1，二进制模式</translation>
    </message>
    <message>
        <source>%1; data: %2</source>
        <translation>%1；data：%2</translation>
    </message>
    <message>
        <source>a structured CloudEvent is a JSON object</source>
        <translation>结构化 CloudEvent 是一个 JSON 对象</translation>
    </message>
    <message>
        <source>The attribute &quot;%1&quot; holds a JSON %2; attributes are strings, numbers or booleans.</source>
        <translation>属性 &quot;%1&quot; 包含 JSON %2；属性应为字符串、数字或布尔值。</translation>
    </message>
    <message>
        <source>The event has both &quot;data&quot; and &quot;data_base64&quot;; only one is allowed.</source>
        <translation>该事件同时包含 &quot;data&quot; 和 &quot;data_base64&quot;；只允许其中之一。</translation>
    </message>
    <message>
        <source>&quot;data_base64&quot; is not valid base64.</source>
        <translation>&quot;data_base64&quot; 不是有效的 base64。</translation>
    </message>
    <message>
        <source>&quot;data&quot; is JSON although datacontenttype &quot;%1&quot; is not a JSON type.</source>
        <translation>&quot;data&quot; 是 JSON，但 datacontenttype &quot;%1&quot; 不是 JSON 类型。</translation>
    </message>
    <message>
        <source>The attribute &quot;%1&quot; appears in more than one user property; the first is used.</source>
        <translation>属性 &quot;%1&quot; 出现在多个用户属性中；将使用第一个。</translation>
    </message>
    <message>
        <source>The Content Type property &quot;%1&quot; and the datacontenttype user property &quot;%2&quot; differ; the Content Type property is used.</source>
        <translation>Content Type 属性 &quot;%1&quot; 与 datacontenttype 用户属性 &quot;%2&quot; 不一致；将使用 Content Type 属性。</translation>
    </message>
    <message numerus="yes">
        <source>%n user property(ies) not named like CloudEvents attributes were left out: %1</source>
        <translation>
            <numerusform>已省略 %n 个名称不符合 CloudEvents 属性命名的用户属性：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>batched CloudEvents (%1) are not part of the MQTT binding</source>
        <translation>批量 CloudEvents（%1）不属于 MQTT 绑定</translation>
    </message>
    <message>
        <source>the event format %1 is not supported; only JSON is</source>
        <translation>不支持事件格式 %1；仅支持 JSON</translation>
    </message>
    <message>
        <source>no CloudEvents markers: neither a JSON event with &quot;specversion&quot; nor a &quot;specversion&quot; user property</source>
        <translation>没有 CloudEvents 标记：既没有带 &quot;specversion&quot; 的 JSON 事件，也没有 &quot;specversion&quot; 用户属性</translation>
    </message>
</context>
<context>
    <name>CommandDispatcher</name>
    <message>
        <source>Usage: tideline-cli COMMAND [options]

Tideline on the command line: MQTT automation and benchmarks.

Commands:
%1  %2Show the options of a command

Options:
  -h, --help      Show this help
  -v, --version   Show the version

Run &apos;tideline-cli help COMMAND&apos; or &apos;tideline-cli COMMAND --help&apos; for the options of a command. Exit codes: 0 success, 1 runtime failure, 2 usage error.
</source>
        <translation>用法：tideline-cli COMMAND [options]

命令行上的 Tideline：MQTT 自动化与基准测试。

命令：
%1  %2显示某个命令的选项

选项：
  -h, --help      显示此帮助
  -v, --version   显示版本

运行 &apos;tideline-cli help COMMAND&apos; 或 &apos;tideline-cli COMMAND --help&apos; 查看某个命令的选项。退出码：0 表示成功，1 表示运行时失败，2 表示用法错误。
</translation>
    </message>
    <message>
        <source>Usage: tideline-cli %1 SUBCOMMAND [options]

Subcommands:
%2</source>
        <translation>用法：tideline-cli %1 SUBCOMMAND [options]

子命令：
%2</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>显示此帮助。</translation>
    </message>
    <message>
        <source>Usage: tideline-cli %1

%2

</source>
        <translation>用法：tideline-cli %1

%2

</translation>
    </message>
    <message>
        <source>Unexpected argument &quot;%1&quot;.</source>
        <translation>意外的参数 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>tideline-cli: unknown command &quot;%1&quot;. Run &apos;tideline-cli --help&apos; for the list.</source>
        <translation>tideline-cli：未知命令 &quot;%1&quot;。运行 &apos;tideline-cli --help&apos; 查看命令列表。</translation>
    </message>
    <message>
        <source>tideline-cli %1: unknown subcommand &quot;%2&quot;.</source>
        <translation>tideline-cli %1：未知子命令 &quot;%2&quot;。</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
</context>
<context>
    <name>ConnectionOptions</name>
    <message>
        <source>Broker URL (mqtt://host:1883, mqtts://host:8883, ws://host:9001/mqtt, wss://…).</source>
        <translation>代理 URL（mqtt://host:1883、mqtts://host:8883、ws://host:9001/mqtt、wss://…）。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>MQTT protocol version: 3 (3.1.1) or 5. Default: 5.</source>
        <translation>MQTT 协议版本：3（3.1.1）或 5。默认值：5。</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <source>Client identifier. Default: generated.</source>
        <translation>客户端标识符。默认值：自动生成。</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>User name (overrides one given in the URL).</source>
        <translation>用户名（覆盖 URL 中给出的用户名）。</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>USER</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input (never from the command line, where other users and the shell history could see it).</source>
        <translation>从标准输入的第一行读取密码（绝不从命令行读取，因为其他用户和 shell 历史记录可能会看到它）。</translation>
    </message>
    <message>
        <source>PEM file with the CA certificates that sign the broker&apos;s certificate. Default: the system trust store.</source>
        <translation>包含为代理证书签名的 CA 证书的 PEM 文件。默认值：系统信任存储。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>PEM client certificate for TLS client authentication.</source>
        <translation>用于 TLS 客户端身份验证的 PEM 客户端证书。</translation>
    </message>
    <message>
        <source>PEM private key (unencrypted) for --cert.</source>
        <translation>用于 --cert 的 PEM 私钥（未加密）。</translation>
    </message>
    <message>
        <source>Do not verify the broker&apos;s certificate or host name (testing only).</source>
        <translation>不验证代理的证书或主机名（仅用于测试）。</translation>
    </message>
    <message>
        <source>--url is required.</source>
        <translation>--url 为必填项。</translation>
    </message>
    <message>
        <source>--mqtt-version must be 3 or 5, not &quot;%1&quot;.</source>
        <translation>--mqtt-version 必须是 3 或 5，而不是 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>TLS options need an mqtts:// or wss:// URL.</source>
        <translation>TLS 选项需要 mqtts:// 或 wss:// URL。</translation>
    </message>
    <message>
        <source>--cert and --key go together.</source>
        <translation>--cert 和 --key 必须同时使用。</translation>
    </message>
    <message>
        <source>Cannot read the file %1.</source>
        <translation>无法读取文件 %1。</translation>
    </message>
    <message>
        <source>Cannot read the password from standard input.</source>
        <translation>无法从标准输入读取密码。</translation>
    </message>
</context>
<context>
    <name>ConnectionProfile</name>
    <message>
        <source>The broker URL is empty.</source>
        <translation>代理 URL 为空。</translation>
    </message>
    <message>
        <source>The broker URL &quot;%1&quot; has no scheme: write it like mqtt://host:1883 (or mqtts://, ws://, wss://).</source>
        <translation>代理 URL &quot;%1&quot; 没有协议方案：请写成 mqtt://host:1883 的形式（或 mqtts://、ws://、wss://）。</translation>
    </message>
    <message>
        <source>Unsupported scheme &quot;%1&quot;: use mqtt://, mqtts://, ws:// or wss://.</source>
        <translation>不支持的协议方案 &quot;%1&quot;：请使用 mqtt://、mqtts://、ws:// 或 wss://。</translation>
    </message>
    <message>
        <source>The IPv6 address in &quot;%1&quot; is missing its closing &quot;]&quot;.</source>
        <translation>&quot;%1&quot; 中的 IPv6 地址缺少右括号 &quot;]&quot;。</translation>
    </message>
    <message>
        <source>Unexpected text &quot;%1&quot; after the IPv6 address.</source>
        <translation>IPv6 地址后有意外的文本 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv6 address.</source>
        <translation>&quot;%1&quot; 不是有效的 IPv6 地址。</translation>
    </message>
    <message>
        <source>Put an IPv6 address in brackets, like mqtt://[::1]:1883.</source>
        <translation>请将 IPv6 地址放在方括号中，例如 mqtt://[::1]:1883。</translation>
    </message>
    <message>
        <source>The broker URL &quot;%1&quot; has no host name.</source>
        <translation>代理 URL &quot;%1&quot; 没有主机名。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name.</source>
        <translation>&quot;%1&quot; 不是有效的主机名。</translation>
    </message>
    <message>
        <source>The port is missing after &quot;%1:&quot;.</source>
        <translation>&quot;%1:&quot; 之后缺少端口。</translation>
    </message>
    <message>
        <source>The port &quot;%1&quot; is not a number.</source>
        <translation>端口 &quot;%1&quot; 不是数字。</translation>
    </message>
    <message>
        <source>The port %1 is out of range: use 1 to 65535.</source>
        <translation>端口 %1 超出范围：请使用 1 到 65535。</translation>
    </message>
    <message>
        <source>A %1:// URL has no path (&quot;%2&quot;); only ws:// and wss:// URLs do.</source>
        <translation>%1:// URL 不能带路径（&quot;%2&quot;）；只有 ws:// 和 wss:// URL 可以带路径。</translation>
    </message>
    <message>
        <source>The broker URL contains a password. Remove it from the URL; the password is kept in the system keychain.</source>
        <translation>代理 URL 包含密码。请将其从 URL 中删除；密码保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Unsupported MQTT version %1: use 3.1.1 or 5.</source>
        <translation>不支持的 MQTT 版本 %1：请使用 3.1.1 或 5。</translation>
    </message>
    <message>
        <source>The keep-alive interval must be between 0 and 65535 seconds (it is %1).</source>
        <translation>保活间隔必须在 0 到 65535 秒之间（当前为 %1）。</translation>
    </message>
    <message>
        <source>The client ID is too long (at most 65535 bytes).</source>
        <translation>客户端 ID 过长（最多 65535 字节）。</translation>
    </message>
    <message>
        <source>MQTT 3.1.1 does not allow a password without a username.</source>
        <translation>MQTT 3.1.1 不允许只有密码而没有用户名。</translation>
    </message>
    <message>
        <source>The client certificate needs its private key file as well.</source>
        <translation>客户端证书还需要其私钥文件。</translation>
    </message>
    <message>
        <source>A private key file is set but no client certificate.</source>
        <translation>已设置私钥文件，但没有客户端证书。</translation>
    </message>
    <message>
        <source>The CA file &quot;%1&quot; does not exist or cannot be read.</source>
        <translation>CA 文件 &quot;%1&quot; 不存在或无法读取。</translation>
    </message>
    <message>
        <source>The client certificate file &quot;%1&quot; does not exist or cannot be read.</source>
        <translation>客户端证书文件 &quot;%1&quot; 不存在或无法读取。</translation>
    </message>
    <message>
        <source>The private key file &quot;%1&quot; does not exist or cannot be read.</source>
        <translation>私钥文件 &quot;%1&quot; 不存在或无法读取。</translation>
    </message>
    <message>
        <source>The last will needs a topic.</source>
        <translation>遗嘱消息需要一个主题。</translation>
    </message>
    <message>
        <source>The last-will topic &quot;%1&quot; is not a valid topic name (no + or #).</source>
        <translation>遗嘱主题 &quot;%1&quot; 不是有效的主题名称（不能包含 + 或 #）。</translation>
    </message>
    <message>
        <source>The last-will QoS must be 0, 1 or 2 (it is %1).</source>
        <translation>遗嘱 QoS 必须是 0、1 或 2（当前为 %1）。</translation>
    </message>
    <message>
        <source>A subscription has an empty topic filter.</source>
        <translation>有一个订阅的主题过滤器为空。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid topic filter: &quot;#&quot; must be the whole last level and &quot;+&quot; a whole level.</source>
        <translation>&quot;%1&quot; 不是有效的主题过滤器：&quot;#&quot; 必须独占完整的最后一级，&quot;+&quot; 必须独占一个完整的层级。</translation>
    </message>
    <message>
        <source>The QoS of the subscription &quot;%1&quot; must be 0, 1 or 2 (it is %2).</source>
        <translation>订阅 &quot;%1&quot; 的 QoS 必须是 0、1 或 2（当前为 %2）。</translation>
    </message>
    <message>
        <source>The shortest reconnect delay must be at least 1 second (it is %1).</source>
        <translation>最短重连延迟必须至少为 1 秒（当前为 %1）。</translation>
    </message>
    <message>
        <source>The longest reconnect delay (%1 s) must not be shorter than the shortest (%2 s).</source>
        <translation>最长重连延迟（%1 s）不能短于最短重连延迟（%2 s）。</translation>
    </message>
    <message>
        <source>The URL contains a password. A password in a URL ends up in the shell history: leave it out and enter it when asked, or store it in the keychain.</source>
        <translation>URL 包含密码。URL 中的密码会留在 shell 历史记录中：请将其省略，在提示时再输入，或将其存储在钥匙串中。</translation>
    </message>
</context>
<context>
    <name>DecodedPayload</name>
    <message>
        <source>More warnings were left out.</source>
        <translation>其余警告已省略。</translation>
    </message>
    <message numerus="yes">
        <source>Only the first %n row(s) are listed.</source>
        <translation>
            <numerusform>仅列出前 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot decode: %1</source>
        <translation>无法解码：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoCommand</name>
    <message>
        <source>Surge profile JSON file (default: the built-in launch-day profile).</source>
        <translation>流量高峰配置 JSON 文件（默认：内置的上线日配置）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Run the profile this many times faster (default 1).</source>
        <translation>以此倍数加速运行配置（默认 1）。</translation>
    </message>
    <message>
        <source>F</source>
        <translation>F</translation>
    </message>
    <message>
        <source>The demo HPA&apos;s sync period in ms (default 15000, as Kubernetes).</source>
        <translation>演示 HPA 的同步周期，单位为 ms（默认 15000，与 Kubernetes 相同）。</translation>
    </message>
    <message>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <source>Stop after this many seconds (default: run until Ctrl+C).</source>
        <translation>在此秒数后停止（默认：一直运行，直到按下 Ctrl+C）。</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Seconds between status lines (default 5).</source>
        <translation>状态行之间的间隔秒数（默认 5）。</translation>
    </message>
    <message>
        <source>Print the endpoints and status lines as JSON objects.</source>
        <translation>以 JSON 对象形式打印端点和状态行。</translation>
    </message>
    <message>
        <source>Run the surge demo: brokers, shop, workers and a demo cluster on loopback</source>
        <translation>运行流量高峰演示：在回环地址上运行代理、商店、工作进程和演示集群</translation>
    </message>
    <message>
        <source>demo [--profile FILE] [--speed F] [--hpa-sync-ms MS] [--duration S] [--json]</source>
        <translation>demo [--profile FILE] [--speed F] [--hpa-sync-ms MS] [--duration S] [--json]</translation>
    </message>
    <message>
        <source>Starts a real mosquitto and a real RabbitMQ on free loopback ports, a storefront publishing orders along the surge profile, workers consuming them, and the demo cluster: a local Kubernetes API endpoint whose HPA scales the workers from the queue depth. kubectl works against the kubeconfig it prints. Everything stops on Ctrl+C or after --duration.</source>
        <translation>在空闲的回环端口上启动一个真实的 mosquitto 和一个真实的 RabbitMQ、一个按流量高峰配置发布订单的店面、消费这些订单的工作进程，以及演示集群：一个本地 Kubernetes API 端点，其 HPA 根据队列深度扩缩工作进程。kubectl 可以使用它打印的 kubeconfig 进行操作。按下 Ctrl+C 或经过 --duration 指定的时间后，所有组件都会停止。</translation>
    </message>
    <message>
        <source>--speed must be a number from 0.01 to 1000.</source>
        <translation>--speed 必须是 0.01 到 1000 之间的数字。</translation>
    </message>
    <message>
        <source>--hpa-sync-ms must be from 100 to 600000.</source>
        <translation>--hpa-sync-ms 必须在 100 到 600000 之间。</translation>
    </message>
    <message>
        <source>--duration must be a whole number of seconds.</source>
        <translation>--duration 必须是整数秒。</translation>
    </message>
    <message>
        <source>--interval must be from 1 to 3600 seconds.</source>
        <translation>--interval 必须在 1 到 3600 秒之间。</translation>
    </message>
    <message>
        <source>%1 s  %2 %3/s  depth %4  workers %5 (%6 ready)  orders %7 in, %8 done
</source>
        <translation>%1 s  %2 %3/s  队列深度 %4  工作进程 %5（%6 个就绪）  订单 收到 %7，完成 %8
</translation>
    </message>
</context>
<context>
    <name>HexDecoder</name>
    <message>
        <source>Showing the first %1 of %2.</source>
        <translation>显示 %2 中的前 %1。</translation>
    </message>
    <message>
        <source>%1 of binary data</source>
        <translation>%1 的二进制数据</translation>
    </message>
</context>
<context>
    <name>HistoryExport</name>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>payloadFormatIndicator must be 0 or 1</source>
        <translation>payloadFormatIndicator 必须是 0 或 1</translation>
    </message>
    <message>
        <source>correlationDataBase64 is not valid base64</source>
        <translation>correlationDataBase64 不是有效的 base64</translation>
    </message>
    <message>
        <source>userProperties must be a list of {&quot;name&quot;, &quot;value&quot;} objects</source>
        <translation>userProperties 必须是由 {&quot;name&quot;, &quot;value&quot;} 对象组成的列表</translation>
    </message>
    <message>
        <source>messageExpiryInterval must be a number of seconds</source>
        <translation>messageExpiryInterval 必须是秒数</translation>
    </message>
    <message>
        <source>subscriptionIdentifiers must be numbers from 1 to 268435455</source>
        <translation>subscriptionIdentifiers 必须是 1 到 268435455 之间的数字</translation>
    </message>
    <message>
        <source>topicAlias must be a number from 1 to 65535</source>
        <translation>topicAlias 必须是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>not valid JSON (%1 at character %2)</source>
        <translation>不是有效的 JSON（第 %2 个字符处：%1）</translation>
    </message>
    <message>
        <source>each line must be a JSON object</source>
        <translation>每一行都必须是 JSON 对象</translation>
    </message>
    <message>
        <source>topicBase64 is not valid base64</source>
        <translation>topicBase64 不是有效的 base64</translation>
    </message>
    <message>
        <source>the message has no topic</source>
        <translation>该消息没有主题</translation>
    </message>
    <message>
        <source>payloadBase64 is not valid base64</source>
        <translation>payloadBase64 不是有效的 base64</translation>
    </message>
    <message>
        <source>payload must be a string (or use payloadBase64)</source>
        <translation>payload 必须是字符串（或使用 payloadBase64）</translation>
    </message>
    <message>
        <source>timestampMs must be a number</source>
        <translation>timestampMs 必须是数字</translation>
    </message>
    <message>
        <source>time is not an ISO 8601 date and time</source>
        <translation>time 不是 ISO 8601 日期和时间</translation>
    </message>
    <message>
        <source>qos must be 0, 1 or 2</source>
        <translation>qos 必须是 0、1 或 2</translation>
    </message>
    <message>
        <source>retain must be true or false</source>
        <translation>retain 必须是 true 或 false</translation>
    </message>
    <message>
        <source>properties must be a JSON object</source>
        <translation>properties 必须是 JSON 对象</translation>
    </message>
    <message>
        <source>a quoted field is not closed</source>
        <translation>带引号的字段未闭合</translation>
    </message>
    <message>
        <source>unexpected text after a closing quote</source>
        <translation>右引号之后有意外的文本</translation>
    </message>
    <message>
        <source>a quote inside an unquoted field</source>
        <translation>未加引号的字段中出现了引号</translation>
    </message>
    <message>
        <source>the header names no &quot;topic&quot; column</source>
        <translation>表头中没有 &quot;topic&quot; 列</translation>
    </message>
    <message>
        <source>the payload is not valid base64</source>
        <translation>负载不是有效的 base64</translation>
    </message>
    <message>
        <source>unknown payload_encoding &quot;%1&quot; (use utf-8 or base64)</source>
        <translation>未知的 payload_encoding &quot;%1&quot;（请使用 utf-8 或 base64）</translation>
    </message>
    <message>
        <source>timestamp_ms must be a whole number</source>
        <translation>timestamp_ms 必须是整数</translation>
    </message>
    <message>
        <source>Could not write the file: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
    <message>
        <source>Could not create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is %2; files larger than %3 cannot be imported.</source>
        <translation>%1 的大小为 %2；无法导入大于 %3 的文件。</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>HpaModel</name>
    <message>
        <source>%1 resource utilization (percentage of request)</source>
        <translation>%1 资源利用率（占请求值的百分比）</translation>
    </message>
    <message>
        <source>%1 resource</source>
        <translation>%1 资源</translation>
    </message>
    <message>
        <source>%1 utilization of container %2 (percentage of request)</source>
        <translation>容器 %2 的 %1 利用率（占请求值的百分比）</translation>
    </message>
    <message>
        <source>%1 of container %2</source>
        <translation>容器 %2 的 %1</translation>
    </message>
    <message>
        <source>pods metric %1</source>
        <translation>Pod 指标 %1</translation>
    </message>
    <message>
        <source>object metric %1</source>
        <translation>对象指标 %1</translation>
    </message>
    <message>
        <source>external metric %1</source>
        <translation>外部指标 %1</translation>
    </message>
    <message>
        <source>-%1/+%2</source>
        <translation>-%1/+%2</translation>
    </message>
    <message>
        <source>at most %1 % per %2 s</source>
        <translation>每 %2 s 最多 %1 %</translation>
    </message>
    <message>
        <source>at most 1 pod per %1 s</source>
        <translation>每 %1 s 最多 1 个 Pod</translation>
    </message>
    <message>
        <source>at most %1 pods per %2 s</source>
        <translation>每 %2 s 最多 %1 个 Pod</translation>
    </message>
    <message>
        <source>this target type is not valid for this metric source</source>
        <translation>此目标类型对该指标来源无效</translation>
    </message>
    <message>
        <source>metric missing</source>
        <translation>指标缺失</translation>
    </message>
    <message>
        <source>the metric value is not a number</source>
        <translation>指标值不是数字</translation>
    </message>
    <message>
        <source>the target utilization must be above 0</source>
        <translation>目标利用率必须大于 0</translation>
    </message>
    <message>
        <source>per-pod usage and request lists differ in length</source>
        <translation>每个 Pod 的用量列表与请求值列表长度不同</translation>
    </message>
    <message>
        <source>no pod has a resource request</source>
        <translation>没有任何 Pod 设置了资源请求</translation>
    </message>
    <message>
        <source>no ready pods</source>
        <translation>没有就绪的 Pod</translation>
    </message>
    <message>
        <source>the target value must be above 0</source>
        <translation>目标值必须大于 0</translation>
    </message>
    <message>
        <source>the highest recommendation in the last %1 s was %2 and the HPA applies it although the metrics now want %3 (no spec.behavior: rolling maximum until %4)</source>
        <translation>过去 %1 s 内的最高建议值为 %2，尽管指标现在需要 %3，HPA 仍采用该值（未设置 spec.behavior：滚动取最大值，直到 %4）</translation>
    </message>
    <message>
        <source>held by the scale-down stabilization window until %1 (highest recommendation in the last %2 s was %3)</source>
        <translation>受缩容稳定窗口限制，保持到 %1（过去 %2 s 内的最高建议值为 %3）</translation>
    </message>
    <message>
        <source>clamped at minReplicas %1</source>
        <translation>被限制在 minReplicas %1</translation>
    </message>
    <message>
        <source>capped by the scale-up limit: at most %1 replicas in one sync (twice the current %2, at least 4)</source>
        <translation>受扩容上限约束：一次同步最多 %1 个副本（当前 %2 的两倍，至少为 4）</translation>
    </message>
    <message>
        <source>clamped at maxReplicas %1</source>
        <translation>被限制在 maxReplicas %1</translation>
    </message>
    <message>
        <source>held by the scale-up stabilization window until %1 (lowest recommendation in the last %2 s was %3)</source>
        <translation>受扩容稳定窗口限制，保持到 %1（过去 %2 s 内的最低建议值为 %3）</translation>
    </message>
    <message>
        <source>scaling up disabled (selectPolicy Disabled)</source>
        <translation>已禁用扩容（selectPolicy Disabled）</translation>
    </message>
    <message>
        <source>capped by the scale-up policies: no scale-up allowed now</source>
        <translation>受扩容策略约束：当前不允许扩容</translation>
    </message>
    <message>
        <source>capped by the scale-up policy: %1</source>
        <translation>受扩容策略约束：%1</translation>
    </message>
    <message>
        <source>capped by the scale-up policy: %1 (counted from %2 replicas at the start of the period)</source>
        <translation>受扩容策略约束：%1（从周期开始时的 %2 个副本算起）</translation>
    </message>
    <message>
        <source>scaling down disabled (selectPolicy Disabled)</source>
        <translation>已禁用缩容（selectPolicy Disabled）</translation>
    </message>
    <message>
        <source>capped by the scale-down policies: no scale-down allowed now</source>
        <translation>受缩容策略约束：当前不允许缩容</translation>
    </message>
    <message>
        <source>capped by the scale-down policy: %1</source>
        <translation>受缩容策略约束：%1</translation>
    </message>
    <message>
        <source>capped by the scale-down policy: %1 (counted from %2 replicas at the start of the period)</source>
        <translation>受缩容策略约束：%1（从周期开始时的 %2 个副本算起）</translation>
    </message>
    <message>
        <source>the HPA spec is invalid (minReplicas %1, maxReplicas %2): no change</source>
        <translation>HPA spec 无效（minReplicas %1，maxReplicas %2）：不做更改</translation>
    </message>
    <message>
        <source>scaling disabled: the target has 0 replicas (the HPA does nothing until it is scaled by hand)</source>
        <translation>已禁用扩缩：目标有 0 个副本（在手动扩缩之前，HPA 不会执行任何操作）</translation>
    </message>
    <message>
        <source>%1 replicas are above maxReplicas %2: scaling to %2</source>
        <translation>%1 个副本超过 maxReplicas %2：扩缩到 %2</translation>
    </message>
    <message>
        <source>%1 replicas are below minReplicas %2: scaling to %2</source>
        <translation>%1 个副本低于 minReplicas %2：扩缩到 %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: within tolerance (ratio %2, tolerance %3): no change</source>
        <translation>%1：在容差范围内（比率 %2，容差 %3）：不做更改</translation>
    </message>
    <message>
        <source>%1: %2 against a target of %3 (ratio %4): %5 replicas</source>
        <translation>%1：%2，目标为 %3（比率 %4）：%5 个副本</translation>
    </message>
    <message>
        <source>no metric could be computed: no change</source>
        <translation>无法计算任何指标：不做更改</translation>
    </message>
    <message>
        <source>some metrics are missing and the others suggest scaling down: no change</source>
        <translation>部分指标缺失，其余指标建议缩容：不做更改</translation>
    </message>
    <message>
        <source>scale from %1 to %2 replicas</source>
        <translation>从 %1 个副本扩缩到 %2 个副本</translation>
    </message>
    <message>
        <source>no change: %1 replicas</source>
        <translation>不做更改：%1 个副本</translation>
    </message>
</context>
<context>
    <name>ImageDecoder</name>
    <message>
        <source>empty payload</source>
        <translation>负载为空</translation>
    </message>
    <message>
        <source>no PNG, JPEG, GIF or WebP signature at the start</source>
        <translation>开头没有 PNG、JPEG、GIF 或 WebP 签名</translation>
    </message>
    <message>
        <source>Qt could not read this %1 header (%2); the size comes from the file header alone.</source>
        <translation>Qt 无法读取此 %1 头部（%2）；尺寸仅来自文件头。</translation>
    </message>
    <message>
        <source>%1 image, %2 × %3 pixels, %4</source>
        <translation>%1 图像，%2 × %3 像素，%4</translation>
    </message>
    <message>
        <source>%1 image of unknown size, %2</source>
        <translation>%1 图像，尺寸未知，%2</translation>
    </message>
    <message>
        <source>The %1 header is cut short or malformed.</source>
        <translation>%1 头部被截断或格式错误。</translation>
    </message>
</context>
<context>
    <name>JsonDecoder</name>
    <message>
        <source>Duplicate key %1 in %2: most parsers keep only the last value.</source>
        <translation>%2 中有重复的键 %1：大多数解析器只保留最后一个值。</translation>
    </message>
    <message numerus="yes">
        <source>{%n key(s)}</source>
        <translation>
            <numerusform>{%n 个键}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n 项]</numerusform>
        </translation>
    </message>
    <message>
        <source>the payload is %1, more than the %2 the JSON view parses</source>
        <translation>负载大小为 %1，超过了 JSON 视图可解析的 %2</translation>
    </message>
    <message>
        <source>empty payload</source>
        <translation>负载为空</translation>
    </message>
    <message>
        <source>no JSON value, only white space</source>
        <translation>没有 JSON 值，只有空白字符</translation>
    </message>
    <message>
        <source>nesting deeper than %1 levels</source>
        <translation>嵌套深度超过 %1 层</translation>
    </message>
    <message>
        <source>more than one JSON value</source>
        <translation>包含多个 JSON 值</translation>
    </message>
    <message>
        <source>%1 at line %2, column %3</source>
        <translation>第 %2 行第 %3 列：%1</translation>
    </message>
    <message>
        <source>The payload starts with a UTF-8 byte order mark, which JSON does not allow; it was skipped.</source>
        <translation>负载以 UTF-8 字节顺序标记开头，而 JSON 不允许这样；已跳过该标记。</translation>
    </message>
    <message>
        <source>The pretty text stops after %1.</source>
        <translation>格式化文本在 %1 后截止。</translation>
    </message>
    <message numerus="yes">
        <source>JSON object, %n key(s)</source>
        <translation>
            <numerusform>JSON 对象，%n 个键</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>JSON array, %n item(s)</source>
        <translation>
            <numerusform>JSON 数组，%n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>JSON string, %n character(s)</source>
        <translation>
            <numerusform>JSON 字符串，%n 个字符</numerusform>
        </translation>
    </message>
    <message>
        <source>JSON number %1</source>
        <translation>JSON 数字 %1</translation>
    </message>
    <message>
        <source>JSON boolean %1</source>
        <translation>JSON 布尔值 %1</translation>
    </message>
    <message>
        <source>JSON null</source>
        <translation>JSON null</translation>
    </message>
</context>
<context>
    <name>KubeConfig</name>
    <message>
        <source>%1.%2 must be a string</source>
        <translation>%1.%2 必须是字符串</translation>
    </message>
    <message>
        <source>%1.%2 must be true or false</source>
        <translation>%1.%2 必须是 true 或 false</translation>
    </message>
    <message>
        <source>%1.%2 is not valid base64</source>
        <translation>%1.%2 不是有效的 base64</translation>
    </message>
    <message>
        <source>%1 must be a list</source>
        <translation>%1 必须是列表</translation>
    </message>
    <message>
        <source>%1 must be a mapping</source>
        <translation>%1 必须是映射</translation>
    </message>
    <message>
        <source>%1 has no name</source>
        <translation>%1 没有名称</translation>
    </message>
    <message>
        <source>%1.%2 must be a mapping</source>
        <translation>%1.%2 必须是映射</translation>
    </message>
    <message>
        <source>%1.command is required</source>
        <translation>%1.command 为必填项</translation>
    </message>
    <message>
        <source>%1.args must be a list</source>
        <translation>%1.args 必须是列表</translation>
    </message>
    <message>
        <source>%1.env must be a list</source>
        <translation>%1.env 必须是列表</translation>
    </message>
    <message>
        <source>%1.env entries must have name and value</source>
        <translation>%1.env 条目必须包含 name 和 value</translation>
    </message>
    <message>
        <source>%1.interactiveMode must be specified for apiVersion %2</source>
        <translation>对于 apiVersion %2，必须指定 %1.interactiveMode</translation>
    </message>
    <message>
        <source>%1.interactiveMode &quot;%2&quot; is not one of Never, IfAvailable, Always</source>
        <translation>%1.interactiveMode &quot;%2&quot; 不是 Never、IfAvailable、Always 之一</translation>
    </message>
    <message>
        <source>%1.apiVersion &quot;%2&quot; is not supported (use client.authentication.k8s.io/v1 or v1beta1)</source>
        <translation>%1.apiVersion &quot;%2&quot; 不受支持（请使用 client.authentication.k8s.io/v1 或 v1beta1）</translation>
    </message>
    <message>
        <source>kubeconfig %1: %2: cannot read %3: %4</source>
        <translation>kubeconfig %1：%2：无法读取 %3：%4</translation>
    </message>
    <message>
        <source>the top level is not a mapping</source>
        <translation>顶层不是映射</translation>
    </message>
    <message>
        <source>kind is &quot;%1&quot;, expected Config</source>
        <translation>kind 为 &quot;%1&quot;，应为 Config</translation>
    </message>
    <message>
        <source>%1.exec must be a mapping</source>
        <translation>%1.exec 必须是映射</translation>
    </message>
    <message>
        <source>kubeconfig %1: %2</source>
        <translation>kubeconfig %1：%2</translation>
    </message>
    <message>
        <source>line %1, column %2: </source>
        <translation>第 %1 行，第 %2 列： </translation>
    </message>
    <message>
        <source>kubeconfig %1: invalid YAML: %2%3</source>
        <translation>kubeconfig %1：无效的 YAML：%2%3</translation>
    </message>
    <message>
        <source>kubeconfig %1: cannot read: %2</source>
        <translation>kubeconfig %1：无法读取：%2</translation>
    </message>
    <message>
        <source>kubeconfig %1: no such file</source>
        <translation>kubeconfig %1：文件不存在</translation>
    </message>
    <message>
        <source>(no kubeconfig file found)</source>
        <translation>（未找到 kubeconfig 文件）</translation>
    </message>
    <message>
        <source>kubeconfig %1: no current-context is set; pass a context</source>
        <translation>kubeconfig %1：未设置 current-context；请指定一个上下文</translation>
    </message>
    <message>
        <source>kubeconfig %1: context &quot;%2&quot; not found</source>
        <translation>kubeconfig %1：未找到上下文 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>kubeconfig %1: context &quot;%2&quot; refers to cluster &quot;%3&quot;, which is not defined</source>
        <translation>kubeconfig %1：上下文 &quot;%2&quot; 引用了集群 &quot;%3&quot;，但该集群未定义</translation>
    </message>
    <message>
        <source>kubeconfig %1: cluster &quot;%2&quot; has no server</source>
        <translation>kubeconfig %1：集群 &quot;%2&quot; 没有 server</translation>
    </message>
    <message>
        <source>kubeconfig %1: context &quot;%2&quot; refers to user &quot;%3&quot;, which is not defined</source>
        <translation>kubeconfig %1：上下文 &quot;%2&quot; 引用了用户 &quot;%3&quot;，但该用户未定义</translation>
    </message>
    <message>
        <source>kubeconfig %1: user &quot;%2&quot; uses auth-provider &quot;%3&quot;, which is not supported; use an exec plugin instead</source>
        <translation>kubeconfig %1：用户 &quot;%2&quot; 使用了 auth-provider &quot;%3&quot;，该方式不受支持；请改用 exec 插件</translation>
    </message>
    <message>
        <source>kubeconfig %1: user &quot;%2&quot; has a client certificate without a key, or a key without a certificate</source>
        <translation>kubeconfig %1：用户 &quot;%2&quot; 有客户端证书但没有密钥，或有密钥但没有证书</translation>
    </message>
    <message>
        <source>kubeconfig %1: users[%2].tokenFile: %3 does not exist</source>
        <translation>kubeconfig %1：users[%2].tokenFile：%3 不存在</translation>
    </message>
    <message>
        <source>kubeconfig %1: user &quot;%2&quot; sets both a token and a username/password; choose one</source>
        <translation>kubeconfig %1：用户 &quot;%2&quot; 同时设置了 token 和 username/password；请二选一</translation>
    </message>
</context>
<context>
    <name>KubeGetCommand</name>
    <message>
        <source>List across all namespaces.</source>
        <translation>列出所有命名空间中的对象。</translation>
    </message>
    <message>
        <source>Print a JSON array of the parsed objects instead of a table.</source>
        <translation>打印由已解析对象组成的 JSON 数组，而不是表格。</translation>
    </message>
    <message>
        <source>events only: the events of one object, e.g. deployment/worker.</source>
        <translation>仅适用于 events：某个对象的事件，例如 deployment/worker。</translation>
    </message>
    <message>
        <source>KIND/NAME</source>
        <translation>KIND/NAME</translation>
    </message>
    <message>
        <source>events only: read events.k8s.io/v1 instead of core/v1.</source>
        <translation>仅适用于 events：读取 events.k8s.io/v1 而不是 core/v1。</translation>
    </message>
    <message>
        <source>List Deployments, StatefulSets, HPAs, events or KEDA ScaledObjects</source>
        <translation>列出 Deployment、StatefulSet、HPA、事件或 KEDA ScaledObject</translation>
    </message>
    <message>
        <source>Reads the cluster of a kubeconfig context (client certificates, tokens and exec plugins such as aws, gke-gcloud-auth-plugin or kubelogin work as with kubectl).
Examples:
  tideline-cli kube get deployments -n jobs
  tideline-cli kube get hpa --context prod --json
  tideline-cli kube get events --for deployment/worker</source>
        <translation>读取某个 kubeconfig 上下文对应的集群（客户端证书、令牌以及 aws、gke-gcloud-auth-plugin 或 kubelogin 等 exec 插件的用法与 kubectl 相同）。
示例：
  tideline-cli kube get deployments -n jobs
  tideline-cli kube get hpa --context prod --json
  tideline-cli kube get events --for deployment/worker</translation>
    </message>
    <message>
        <source>deployments, statefulsets, hpa, events or scaledobjects</source>
        <translation>deployments、statefulsets、hpa、events 或 scaledobjects</translation>
    </message>
    <message>
        <source>Name one type: deployments, statefulsets, hpa, events or scaledobjects.</source>
        <translation>请指定一种类型：deployments、statefulsets、hpa、events 或 scaledobjects。</translation>
    </message>
    <message>
        <source>Unknown type &quot;%1&quot;; use one of: %2.</source>
        <translation>未知类型 &quot;%1&quot;；请使用以下之一：%2。</translation>
    </message>
    <message>
        <source>--for only applies to events.</source>
        <translation>--for 仅适用于 events。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>UP-TO-DATE</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>AVAILABLE</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>AGE</source>
        <translation>存在时长</translation>
    </message>
    <message>
        <source>NAMESPACE</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>REFERENCE</source>
        <translation>引用</translation>
    </message>
    <message>
        <source>TARGETS</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>MINPODS</source>
        <translation>最小 Pod 数</translation>
    </message>
    <message>
        <source>MAXPODS</source>
        <translation>最大 Pod 数</translation>
    </message>
    <message>
        <source>REPLICAS</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>--for takes KIND/NAME, e.g. deployment/worker.</source>
        <translation>--for 接受 KIND/NAME，例如 deployment/worker。</translation>
    </message>
    <message>
        <source>LAST SEEN</source>
        <translation>最后出现</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>OBJECT</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>MESSAGE</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>%1 (x%2)</source>
        <translation>%1 (x%2)</translation>
    </message>
    <message>
        <source>KEDA is not installed in this cluster (the keda.sh/v1alpha1 ScaledObject API is not served).</source>
        <translation>此集群中未安装 KEDA（未提供 keda.sh/v1alpha1 ScaledObject API）。</translation>
    </message>
    <message>
        <source>SCALETARGETKIND</source>
        <translation>扩缩目标类型</translation>
    </message>
    <message>
        <source>SCALETARGETNAME</source>
        <translation>扩缩目标名称</translation>
    </message>
    <message>
        <source>MIN</source>
        <translation>最小</translation>
    </message>
    <message>
        <source>MAX</source>
        <translation>最大</translation>
    </message>
    <message>
        <source>TRIGGERS</source>
        <translation>触发器</translation>
    </message>
    <message>
        <source>No resources found.</source>
        <translation>未找到资源。</translation>
    </message>
    <message>
        <source>No resources found in %1 namespace.</source>
        <translation>在 %1 命名空间中未找到资源。</translation>
    </message>
</context>
<context>
    <name>KubePreviewCommand</name>
    <message>
        <source>What-if: use V as the current value of the HPA&apos;s first metric (in the unit kubectl describe shows: percent, per-pod average, or the value).</source>
        <translation>假设分析：将 V 作为 HPA 第一个指标的当前值（单位与 kubectl describe 显示的一致：百分比、每个 Pod 的平均值或数值本身）。</translation>
    </message>
    <message>
        <source>V</source>
        <translation>V</translation>
    </message>
    <message>
        <source>Print the decision as JSON.</source>
        <translation>以 JSON 格式打印决策。</translation>
    </message>
    <message>
        <source>Preview the next HPA decision (autoscaling/v2 controller rules)</source>
        <translation>预览 HPA 的下一次决策（autoscaling/v2 控制器规则）</translation>
    </message>
    <message>
        <source>Reads the HPA and its scale target and runs the controller&apos;s algorithm on the metrics the HPA last reported (status.currentMetrics), or on --metric-value. The controller&apos;s in-memory history (recommendations, scale events) is not visible from outside: the preview starts from a first sync. JSON fields: currentReplicas, nextReplicas, eventualReplicas, eventualReached, reasons, proposals, trajectory.</source>
        <translation>读取 HPA 及其扩缩目标，并基于 HPA 最近报告的指标（status.currentMetrics）或 --metric-value 运行控制器的算法。控制器的内存历史（建议值、扩缩事件）从外部不可见：预览从首次同步开始。JSON 字段：currentReplicas、nextReplicas、eventualReplicas、eventualReached、reasons、proposals、trajectory。</translation>
    </message>
    <message>
        <source>hpa/NAME</source>
        <translation>hpa/NAME</translation>
    </message>
    <message>
        <source>Name one HPA: hpa/NAME.</source>
        <translation>请指定一个 HPA：hpa/NAME。</translation>
    </message>
    <message>
        <source>--metric-value must be a number of 0 or more.</source>
        <translation>--metric-value 必须是大于或等于 0 的数字。</translation>
    </message>
    <message>
        <source>tideline-cli: warning: cannot read the scale of %1/%2 (%3); using the HPA&apos;s status</source>
        <translation>tideline-cli：警告：无法读取 %1/%2 的 scale（%3）；改用 HPA 的状态</translation>
    </message>
    <message>
        <source>hpa/%1 -&gt; %2/%3 (min %4, max %5)
</source>
        <translation>hpa/%1 -&gt; %2/%3（最小 %4，最大 %5）
</translation>
    </message>
    <message>
        <source>  now %1 replicas, next sync %2, settles at %3%4
</source>
        <translation>  当前 %1 个副本，下次同步 %2，最终稳定在 %3%4
</translation>
    </message>
    <message>
        <source> at %1</source>
        <translation> 于 %1</translation>
    </message>
    <message>
        <source> (still moving when the simulation stopped)</source>
        <translation> （模拟停止时仍在变化）</translation>
    </message>
    <message>
        <source>  metric %1: current %2, target %3 -&gt; %4 replicas
</source>
        <translation>  指标 %1：当前 %2，目标 %3 -&gt; %4 个副本
</translation>
    </message>
    <message>
        <source>  metric %1: %2
</source>
        <translation>  指标 %1：%2
</translation>
    </message>
</context>
<context>
    <name>KubeScaleCommand</name>
    <message>
        <source>The new replica count.</source>
        <translation>新的副本数。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Only ask the API server to validate the change (dryRun=All); nothing changes.</source>
        <translation>仅请求 API 服务器验证此更改（dryRun=All）；不会更改任何内容。</translation>
    </message>
    <message>
        <source>Do not ask for confirmation.</source>
        <translation>不要求确认。</translation>
    </message>
    <message>
        <source>Audit log file (JSON Lines). Default: kube-audit.jsonl in the app data directory.</source>
        <translation>审计日志文件（JSON Lines）。默认值：应用数据目录中的 kube-audit.jsonl。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Scale a Deployment or StatefulSet (checked, dry-run first, audited)</source>
        <translation>扩缩 Deployment 或 StatefulSet（经过检查、先试运行并记录审计）</translation>
    </message>
    <message>
        <source>Steps: a SelfSubjectAccessReview for patch on deployments/scale (or statefulsets/scale), a server-side dry run of the change, a y/N question on stdin unless --yes, then a merge-patch of the scale subresource. Every attempt, including refusals and cancellations, is appended to the audit log. An HPA or KEDA on the same workload will move the count back.</source>
        <translation>步骤：针对 deployments/scale（或 statefulsets/scale）上的 patch 权限执行 SelfSubjectAccessReview，在服务器端试运行更改，除非指定 --yes，否则在 stdin 上询问 y/N，然后对 scale 子资源执行 merge-patch。每次尝试（包括被拒绝和被取消的尝试）都会追加到审计日志中。同一工作负载上的 HPA 或 KEDA 会将副本数改回。</translation>
    </message>
    <message>
        <source>deployment/NAME or statefulset/NAME</source>
        <translation>deployment/NAME 或 statefulset/NAME</translation>
    </message>
    <message>
        <source>Name one target: deployment/NAME or statefulset/NAME.</source>
        <translation>请指定一个目标：deployment/NAME 或 statefulset/NAME。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not deployment/NAME or statefulset/NAME.</source>
        <translation>&quot;%1&quot; 不是 deployment/NAME 或 statefulset/NAME。</translation>
    </message>
    <message>
        <source>--replicas is required.</source>
        <translation>--replicas 为必填项。</translation>
    </message>
    <message>
        <source>--replicas must be a whole number from 0 to 1000000.</source>
        <translation>--replicas 必须是 0 到 1000000 之间的整数。</translation>
    </message>
    <message>
        <source>tideline-cli: warning: %1</source>
        <translation>tideline-cli：警告：%1</translation>
    </message>
    <message>
        <source>not allowed: you cannot patch %1/scale &quot;%2&quot; in namespace &quot;%3&quot; (SelfSubjectAccessReview answered no)</source>
        <translation>不允许：您无法在命名空间 &quot;%3&quot; 中 patch %1/scale &quot;%2&quot;（SelfSubjectAccessReview 的答复为否）</translation>
    </message>
    <message>
        <source>%1 in namespace %2: %3 -&gt; %4 replicas (server dry run passed; nothing was changed)</source>
        <translation>命名空间 %2 中的 %1：%3 -&gt; %4 个副本（服务器试运行通过；未做任何更改）</translation>
    </message>
    <message>
        <source>Scale %1 in namespace %2 (context %3) from %4 to %5 replicas? [y/N]</source>
        <translation>将命名空间 %2（上下文 %3）中的 %1 从 %4 个副本扩缩到 %5 个副本？[y/N]</translation>
    </message>
    <message>
        <source>cancelled: %1 was not scaled</source>
        <translation>已取消：%1 未被扩缩</translation>
    </message>
    <message>
        <source>%1.apps/%2 scaled from %3 to %4 replicas</source>
        <translation>%1.apps/%2 已从 %3 个副本扩缩到 %4 个副本</translation>
    </message>
</context>
<context>
    <name>KubeTargetOptions</name>
    <message>
        <source>kubeconfig file. Default: $KUBECONFIG or ~/.kube/config.</source>
        <translation>kubeconfig 文件。默认值：$KUBECONFIG 或 ~/.kube/config。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>kubeconfig context. Default: current-context.</source>
        <translation>kubeconfig 上下文。默认值：current-context。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Namespace. Default: the context&apos;s namespace, else &quot;default&quot;.</source>
        <translation>命名空间。默认值：上下文的命名空间，若未设置则为 &quot;default&quot;。</translation>
    </message>
    <message>
        <source>NS</source>
        <translation>NS</translation>
    </message>
</context>
<context>
    <name>KubeText</name>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source>%1 (resource)</source>
        <translation>%1（资源）</translation>
    </message>
    <message>
        <source>%1 of container %2</source>
        <translation>容器 %2 的 %1</translation>
    </message>
    <message>
        <source>%1 (pods)</source>
        <translation>%1（Pod）</translation>
    </message>
    <message>
        <source>%1 (object)</source>
        <translation>%1（对象）</translation>
    </message>
    <message>
        <source>%1 (external)</source>
        <translation>%1（外部）</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 avg</source>
        <translation>平均 %1</translation>
    </message>
    <message>
        <source>%1 % of request</source>
        <translation>请求值的 %1 %</translation>
    </message>
    <message>
        <source>%1 per pod</source>
        <translation>每个 Pod %1</translation>
    </message>
    <message>
        <source>%1 per pod (average)</source>
        <translation>每个 Pod %1（平均）</translation>
    </message>
    <message>
        <source>%1 total</source>
        <translation>总计 %1</translation>
    </message>
    <message>
        <source>No behavior set, the controller&apos;s defaults apply: scale up at most to double (or +4) per sync; scale down only to the highest recommendation of the last 300 s.</source>
        <translation>未设置 behavior，采用控制器的默认值：每次同步最多扩容到两倍（或 +4）；缩容时只缩到过去 300 s 内的最高建议值。</translation>
    </message>
    <message>
        <source>the larger change</source>
        <translation>变化较大者</translation>
    </message>
    <message>
        <source>the smaller change</source>
        <translation>变化较小者</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>%1: disabled (selectPolicy Disabled)</source>
        <translation>%1：已禁用（selectPolicy Disabled）</translation>
    </message>
    <message>
        <source>%1 % per %2 s</source>
        <translation>每 %2 s %1 %</translation>
    </message>
    <message>
        <source>%1 pods per %2 s</source>
        <translation>每 %2 s %1 个 Pod</translation>
    </message>
    <message>
        <source>%1: stabilization %2 s; %3 (%4); tolerance %5 %</source>
        <translation>%1：稳定窗口 %2 s；%3（%4）；容差 %5 %</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Scale up</source>
        <translation>扩容</translation>
    </message>
    <message>
        <source>Scale down</source>
        <translation>缩容</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>KubeTypes</name>
    <message>
        <source>%1.selectPolicy &quot;%2&quot; is unknown</source>
        <translation>%1.selectPolicy &quot;%2&quot; 未知</translation>
    </message>
    <message>
        <source>%1.policies: type &quot;%2&quot; is unknown</source>
        <translation>%1.policies：类型 &quot;%2&quot; 未知</translation>
    </message>
    <message>
        <source>expected a Deployment or StatefulSet, got &quot;%1&quot;</source>
        <translation>应为 Deployment 或 StatefulSet，实际为 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a HorizontalPodAutoscaler, got &quot;%1&quot;</source>
        <translation>应为 HorizontalPodAutoscaler，实际为 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>HorizontalPodAutoscaler %1 is %2; only autoscaling/v2 is understood</source>
        <translation>HorizontalPodAutoscaler %1 为 %2；仅支持 autoscaling/v2</translation>
    </message>
    <message>
        <source>%1.metrics[%2]: type &quot;%3&quot; is unknown</source>
        <translation>%1.metrics[%2]：类型 &quot;%3&quot; 未知</translation>
    </message>
    <message>
        <source>%1.metrics[%2]: target type &quot;%3&quot; is unknown</source>
        <translation>%1.metrics[%2]：目标类型 &quot;%3&quot; 未知</translation>
    </message>
    <message>
        <source>%1.metrics[%2]: the %3 target has no valid value</source>
        <translation>%1.metrics[%2]：%3 目标没有有效值</translation>
    </message>
    <message>
        <source>expected an Event, got &quot;%1&quot;</source>
        <translation>应为 Event，实际为 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>expected a ScaledObject, got &quot;%1&quot;</source>
        <translation>应为 ScaledObject，实际为 &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>MessageTemplate</name>
    <message>
        <source>Line %1, column %2: &quot;%3&quot; is not a hex digit.</source>
        <translation>第 %1 行，第 %2 列：&quot;%3&quot; 不是十六进制数字。</translation>
    </message>
    <message>
        <source>An odd number of hex digits: every byte needs two.</source>
        <translation>十六进制数字的个数为奇数：每个字节需要两个数字。</translation>
    </message>
    <message>
        <source>Line %1, column %2: nothing may follow the &quot;=&quot; padding.</source>
        <translation>第 %1 行，第 %2 列：&quot;=&quot; 填充之后不能再有任何内容。</translation>
    </message>
    <message>
        <source>Line %1, column %2: &quot;%3&quot; is not a base64 character.</source>
        <translation>第 %1 行，第 %2 列：&quot;%3&quot; 不是 base64 字符。</translation>
    </message>
    <message>
        <source>The base64 text is cut short: its length does not fit whole bytes.</source>
        <translation>base64 文本被截断：其长度无法构成完整的字节。</translation>
    </message>
    <message>
        <source>This is not valid base64.</source>
        <translation>这不是有效的 base64。</translation>
    </message>
    <message>
        <source>Empty: JSON needs a value, e.g. {} or &quot;text&quot;.</source>
        <translation>为空：JSON 需要一个值，例如 {} 或 &quot;text&quot;。</translation>
    </message>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>第 %1 行，第 %2 列：%3</translation>
    </message>
    <message>
        <source>A template&apos;s name, topic and payload must be text.</source>
        <translation>模板的名称、主题和负载必须是文本。</translation>
    </message>
    <message>
        <source>A template&apos;s QoS must be 0, 1 or 2.</source>
        <translation>模板的 QoS 必须是 0、1 或 2。</translation>
    </message>
    <message>
        <source>A template&apos;s retain flag must be true or false.</source>
        <translation>模板的保留标志必须为 true 或 false。</translation>
    </message>
    <message>
        <source>Unknown payload format &quot;%1&quot;.</source>
        <translation>未知的载荷格式“%1”。</translation>
    </message>
    <message>
        <source>A template&apos;s properties must be an object.</source>
        <translation>模板的属性必须是一个对象。</translation>
    </message>
    <message>
        <source>The payload format indicator must be 0 or 1.</source>
        <translation>载荷格式指示符必须为 0 或 1。</translation>
    </message>
    <message>
        <source>User properties must be a list of {&quot;key&quot;, &quot;value&quot;} pairs.</source>
        <translation>用户属性必须是由 {&quot;key&quot;, &quot;value&quot;} 对组成的列表。</translation>
    </message>
    <message>
        <source>The message expiry interval must be a whole number of seconds.</source>
        <translation>消息过期间隔必须是整数秒。</translation>
    </message>
    <message>
        <source>Valid JSON, %1</source>
        <translation>有效的 JSON，%1</translation>
    </message>
    <message>
        <source>Choose a file to send.</source>
        <translation>请选择要发送的文件。</translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <source>%1 is not a readable file.</source>
        <translation>%1 不是可读取的文件。</translation>
    </message>
    <message>
        <source>%1 is larger than the 256 MB an MQTT message can carry.</source>
        <translation>%1 超过了 MQTT 消息可承载的 256 MB 上限。</translation>
    </message>
    <message>
        <source>The payload is not valid JSON: %1</source>
        <translation>载荷不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>MetricHttp</name>
    <message>
        <source>cannot read the CA file %1</source>
        <translation>无法读取 CA 文件 %1</translation>
    </message>
    <message>
        <source>the CA file %1 holds no PEM certificate</source>
        <translation>CA 文件 %1 中没有 PEM 证书</translation>
    </message>
    <message>
        <source>timed out after %1 s</source>
        <translation>%1 秒后超时</translation>
    </message>
    <message>
        <source>401 Unauthorized: check the user and password</source>
        <translation>401 Unauthorized：请检查用户名和密码</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>the response is larger than %1 MiB</source>
        <translation>响应超过 %1 MiB</translation>
    </message>
    <message>
        <source>connection refused: nothing listens on %1</source>
        <translation>连接被拒绝：%1 上没有服务在监听</translation>
    </message>
    <message>
        <source>host not found: %1</source>
        <translation>找不到主机：%1</translation>
    </message>
    <message>
        <source>the server at %1 closed the connection without answering</source>
        <translation>%1 处的服务器未作应答即关闭了连接</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>与 %1 的 TLS 握手失败：%2</translation>
    </message>
    <message>
        <source>unsupported URL scheme &quot;%1&quot;: use http or https</source>
        <translation>不支持的 URL 协议“%1”：请使用 http 或 https</translation>
    </message>
    <message>
        <source>proxy error: %1</source>
        <translation>代理错误：%1</translation>
    </message>
    <message>
        <source>network error talking to %1: %2</source>
        <translation>与 %1 通信时发生网络错误：%2</translation>
    </message>
    <message>
        <source>403 Forbidden: the user may not read this</source>
        <translation>403 Forbidden：该用户无权读取此内容</translation>
    </message>
    <message>
        <source>404 Not Found: check the URL (%1)</source>
        <translation>404 Not Found：请检查 URL (%1)</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <source>response is not valid JSON at offset %1 (%2)</source>
        <translation>响应在偏移量 %1 处不是有效的 JSON (%2)</translation>
    </message>
</context>
<context>
    <name>MetricsHttpOptions</name>
    <message>
        <source>Give up on a request that sends nothing for this many seconds. Default: 10.</source>
        <translation>请求在这么多秒内没有收到任何数据时即放弃。默认值：10。</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>PEM file with the CA certificates that sign the server&apos;s certificate (https). Default: the system trust store.</source>
        <translation>包含为服务器证书签名的 CA 证书的 PEM 文件 (https)。默认值：系统信任存储。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Do not verify the server&apos;s certificate (testing only).</source>
        <translation>不验证服务器证书 (仅用于测试)。</translation>
    </message>
    <message>
        <source>Print one JSON object per line instead of a table.</source>
        <translation>每行输出一个 JSON 对象，而不是表格。</translation>
    </message>
</context>
<context>
    <name>MetricsQueryCommand</name>
    <message>
        <source>Prometheus server URL, e.g. http://host:9090.</source>
        <translation>Prometheus 服务器 URL，例如 http://host:9090。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>PromQL expression.</source>
        <translation>PromQL 表达式。</translation>
    </message>
    <message>
        <source>PROMQL</source>
        <translation>PROMQL</translation>
    </message>
    <message>
        <source>Evaluation time of an instant query: RFC 3339 or Unix seconds. Default: now.</source>
        <translation>即时查询的求值时间：RFC 3339 格式或 Unix 秒数。默认值：当前时间。</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>TIME</translation>
    </message>
    <message>
        <source>Run a range query over the last DURATION (e.g. 1h, 30m, 90s).</source>
        <translation>对最近 DURATION 时长执行范围查询 (例如 1h、30m、90s)。</translation>
    </message>
    <message>
        <source>DURATION</source>
        <translation>DURATION</translation>
    </message>
    <message>
        <source>Resolution of a range query (e.g. 15s). Default: the range / 100, at least 1s.</source>
        <translation>范围查询的分辨率 (例如 15s)。默认值：范围 / 100，至少 1s。</translation>
    </message>
    <message>
        <source>Run a PromQL query against a Prometheus server</source>
        <translation>对 Prometheus 服务器执行 PromQL 查询</translation>
    </message>
    <message>
        <source>metrics query --prometheus URL --query PROMQL [--range DURATION [--step DURATION]] [options]</source>
        <translation>metrics query --prometheus URL --query PROMQL [--range DURATION [--step DURATION]] [options]</translation>
    </message>
    <message>
        <source>Output: an instant query prints SERIES and VALUE, one row per series; a range query (--range) prints SERIES, TIME (UTC) and VALUE, one row per point. With --json, one object per point: metric (the labels, with __name__), time (ISO 8601, UTC), timestamp (Unix seconds) and value (a number, or &quot;NaN&quot;, &quot;+Inf&quot;, &quot;-Inf&quot;).
Errors from Prometheus (a query that does not parse, one that fails) exit with 1 and the server&apos;s reason on stderr.</source>
        <translation>输出：即时查询输出 SERIES 和 VALUE，每个序列一行；范围查询 (--range) 输出 SERIES、TIME (UTC) 和 VALUE，每个数据点一行。使用 --json 时，每个数据点输出一个对象：metric (标签，含 __name__)、time (ISO 8601，UTC)、timestamp (Unix 秒数) 和 value (数字，或 &quot;NaN&quot;、&quot;+Inf&quot;、&quot;-Inf&quot;)。
Prometheus 返回的错误 (无法解析的查询、执行失败的查询) 会以退出码 1 退出，并在 stderr 上输出服务器给出的原因。</translation>
    </message>
    <message>
        <source>--query is required.</source>
        <translation>必须指定 --query。</translation>
    </message>
    <message>
        <source>--range must be a duration like 1h, 30m or 90s, not &quot;%1&quot;.</source>
        <translation>--range 必须是 1h、30m 或 90s 这样的时长，而不是“%1”。</translation>
    </message>
    <message>
        <source>--step needs --range.</source>
        <translation>--step 需要配合 --range 使用。</translation>
    </message>
    <message>
        <source>--step must be a duration like 15s or 1m, not &quot;%1&quot;.</source>
        <translation>--step 必须是 15s 或 1m 这样的时长，而不是“%1”。</translation>
    </message>
    <message>
        <source>--time is for instant queries; a range query ends now.</source>
        <translation>--time 仅用于即时查询；范围查询总是截止到当前时间。</translation>
    </message>
    <message>
        <source>--time must be RFC 3339 (2024-05-01T12:00:00Z) or Unix seconds, not &quot;%1&quot;.</source>
        <translation>--time 必须是 RFC 3339 格式 (2024-05-01T12:00:00Z) 或 Unix 秒数，而不是“%1”。</translation>
    </message>
    <message>
        <source>--range / --step gives more than 11000 points per series, more than Prometheus allows; use a larger --step.</source>
        <translation>--range / --step 使每个序列超过 11000 个数据点，超出了 Prometheus 的上限；请使用更大的 --step。</translation>
    </message>
    <message>
        <source>SERIES</source>
        <translation>SERIES</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>VALUE</translation>
    </message>
    <message>
        <source>tideline-cli: the query returned no series.</source>
        <translation>tideline-cli: 查询未返回任何序列。</translation>
    </message>
</context>
<context>
    <name>MetricsRabbitMqCommand</name>
    <message>
        <source>Management API base URL, e.g. http://host:15672 or https://host:15671.</source>
        <translation>管理 API 的基础 URL，例如 http://host:15672 或 https://host:15671。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>User name (needs the management or monitoring tag).</source>
        <translation>用户名 (需要 management 或 monitoring 标签)。</translation>
    </message>
    <message>
        <source>USER</source>
        <translation>USER</translation>
    </message>
    <message>
        <source>Read the password from the first line of standard input. Without it the password stored in the keychain for this user and server is used.</source>
        <translation>从标准输入的第一行读取密码。未指定时，使用钥匙串中为该用户和服务器保存的密码。</translation>
    </message>
    <message>
        <source>Only the queues of this virtual host.</source>
        <translation>仅限此虚拟主机中的队列。</translation>
    </message>
    <message>
        <source>VHOST</source>
        <translation>VHOST</translation>
    </message>
    <message>
        <source>Only this queue (of --vhost, default &quot;/&quot;).</source>
        <translation>仅限此队列 (属于 --vhost 指定的虚拟主机，默认为 &quot;/&quot;)。</translation>
    </message>
    <message>
        <source>QUEUE</source>
        <translation>QUEUE</translation>
    </message>
    <message>
        <source>Queue depth, consumers and rates from the RabbitMQ management API</source>
        <translation>来自 RabbitMQ 管理 API 的队列深度、消费者和速率</translation>
    </message>
    <message>
        <source>metrics rabbitmq --url URL --user USER [--password-stdin] [--vhost VHOST] [--queue QUEUE] [options]</source>
        <translation>metrics rabbitmq --url URL --user USER [--password-stdin] [--vhost VHOST] [--queue QUEUE] [options]</translation>
    </message>
    <message>
        <source>Output: a table with one row per queue: VHOST, QUEUE, MESSAGES (ready + unacknowledged), READY, UNACKED, CONSUMERS and the PUBLISH/S, DELIVER/S and ACK/S rates; &quot;-&quot; where the server has no figure yet. With --json, one object per queue with the same figures (null where absent).
There is no --password option: the password comes from standard input (--password-stdin) or from the keychain entry %1.
The management API refreshes its statistics every few seconds (collect_statistics_interval), so the numbers can lag that much behind.</source>
        <translation>输出：一个表格，每个队列一行：VHOST、QUEUE、MESSAGES (就绪 + 未确认)、READY、UNACKED、CONSUMERS，以及 PUBLISH/S、DELIVER/S 和 ACK/S 速率；服务器尚无数据之处显示 &quot;-&quot;。使用 --json 时，每个队列输出一个包含相同数据的对象 (缺失处为 null)。
没有 --password 选项：密码来自标准输入 (--password-stdin) 或钥匙串条目 %1。
管理 API 每隔几秒刷新一次统计数据 (collect_statistics_interval)，因此数值可能会有相应的滞后。</translation>
    </message>
    <message>
        <source>--user is required.</source>
        <translation>必须指定 --user。</translation>
    </message>
    <message>
        <source>Cannot read the password from standard input.</source>
        <translation>无法从标准输入读取密码。</translation>
    </message>
    <message>
        <source>No password for %1 in the keychain: pass it with --password-stdin.</source>
        <translation>钥匙串中没有 %1 的密码：请通过 --password-stdin 传入。</translation>
    </message>
    <message>
        <source>No password: pass it with --password-stdin (the keychain could not be read: %1).</source>
        <translation>没有密码：请通过 --password-stdin 传入 (无法读取钥匙串：%1)。</translation>
    </message>
    <message>
        <source>MESSAGES</source>
        <translation>MESSAGES</translation>
    </message>
    <message>
        <source>READY</source>
        <translation>READY</translation>
    </message>
    <message>
        <source>UNACKED</source>
        <translation>UNACKED</translation>
    </message>
    <message>
        <source>CONSUMERS</source>
        <translation>CONSUMERS</translation>
    </message>
    <message>
        <source>PUBLISH/S</source>
        <translation>PUBLISH/S</translation>
    </message>
    <message>
        <source>DELIVER/S</source>
        <translation>DELIVER/S</translation>
    </message>
    <message>
        <source>ACK/S</source>
        <translation>ACK/S</translation>
    </message>
    <message>
        <source>tideline-cli: no queues found.</source>
        <translation>tideline-cli: 未找到任何队列。</translation>
    </message>
</context>
<context>
    <name>MetricsScrapeCommand</name>
    <message>
        <source>Exposition endpoint, e.g. http://host:15692/metrics.</source>
        <translation>指标暴露端点，例如 http://host:15692/metrics。</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Only samples with this metric name (or family name); &apos;*&apos; and &apos;?&apos; are wildcards.</source>
        <translation>仅限具有此指标名称 (或指标族名称) 的样本；&apos;*&apos; 和 &apos;?&apos; 为通配符。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Read a Prometheus /metrics endpoint once</source>
        <translation>读取一次 Prometheus /metrics 端点</translation>
    </message>
    <message>
        <source>metrics scrape --url URL [--match NAME] [options]</source>
        <translation>metrics scrape --url URL [--match NAME] [options]</translation>
    </message>
    <message>
        <source>Output: a table of NAME, LABELS and VALUE, one row per sample. With --json, one object per sample: name, labels (an object), value (a number, or &quot;NaN&quot;, &quot;+Inf&quot;, &quot;-Inf&quot;) and timestamp_ms when the endpoint gave one. Lines that are not valid exposition format are skipped with a warning on stderr. A --match that matches nothing exits with 1.</source>
        <translation>输出：一个包含 NAME、LABELS 和 VALUE 列的表格，每个样本一行。使用 --json 时，每个样本输出一个对象：name、labels (一个对象)、value (数字，或 &quot;NaN&quot;、&quot;+Inf&quot;、&quot;-Inf&quot;)，以及端点提供了时间戳时的 timestamp_ms。不符合暴露格式的行会被跳过，并在 stderr 上输出警告。未匹配到任何内容的 --match 会以退出码 1 退出。</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>LABELS</source>
        <translation>LABELS</translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation>VALUE</translation>
    </message>
    <message>
        <source>no sample matches &quot;%1&quot;.</source>
        <translation>没有与“%1”匹配的样本。</translation>
    </message>
</context>
<context>
    <name>MsgPackDecoder</name>
    <message>
        <source>nesting deeper than %1 levels</source>
        <translation>嵌套深度超过 %1 层</translation>
    </message>
    <message>
        <source>The string at byte %1 is not valid UTF-8.</source>
        <translation>字节 %1 处的字符串不是有效的 UTF-8。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>byte 0x%1 at offset %2 is never used in MessagePack</source>
        <translation>偏移量 %2 处的字节 0x%1 在 MessagePack 中从不使用</translation>
    </message>
    <message>
        <source>the %1 at byte %2 claims %3 elements but only %4 bytes follow (truncated input)</source>
        <translation>字节 %2 处的 %1 声明有 %3 个元素，但其后只剩 %4 个字节 (输入被截断)</translation>
    </message>
    <message numerus="yes">
        <source>{%n pair(s)}</source>
        <translation>
            <numerusform>{%n 个键值对}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[%n item(s)]</source>
        <translation>
            <numerusform>[%n 项]</numerusform>
        </translation>
    </message>
    <message>
        <source>the MessagePack data ends early at byte %1 (truncated input)</source>
        <translation>MessagePack 数据在字节 %1 处提前结束 (输入被截断)</translation>
    </message>
    <message>
        <source>empty payload</source>
        <translation>空载荷</translation>
    </message>
    <message>
        <source>the payload is %1, more than the %2 the MessagePack view decodes</source>
        <translation>载荷大小为 %1，超过了 MessagePack 视图可解码的 %2</translation>
    </message>
    <message numerus="yes">
        <source>Only the first %n top-level object(s) are decoded.</source>
        <translation>
            <numerusform>仅解码前 %n 个顶层对象。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Decoding stopped after %n item(s).</source>
        <translation>
            <numerusform>解码在 %n 项后停止。</numerusform>
        </translation>
    </message>
    <message>
        <source>The text stops after %1.</source>
        <translation>文本在 %1 之后截断。</translation>
    </message>
    <message>
        <source>Malformed MessagePack</source>
        <translation>格式错误的 MessagePack</translation>
    </message>
    <message numerus="yes">
        <source>MessagePack stream of %n object(s)</source>
        <translation>
            <numerusform>包含 %n 个对象的 MessagePack 流</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MessagePack map, %n pair(s)</source>
        <translation>
            <numerusform>MessagePack 映射，%n 个键值对</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>MessagePack array, %n item(s)</source>
        <translation>
            <numerusform>MessagePack 数组，%n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>MessagePack %1</source>
        <translation>MessagePack %1</translation>
    </message>
</context>
<context>
    <name>PayloadDiff</name>
    <message>
        <source>The payloads are identical (%1).</source>
        <translation>两个载荷完全相同 (%1)。</translation>
    </message>
    <message>
        <source>Same JSON value, different formatting.</source>
        <translation>JSON 值相同，格式不同。</translation>
    </message>
    <message numerus="yes">
        <source>%n JSON change(s)</source>
        <translation>
            <numerusform>%n 处 JSON 变更</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>More than %n JSON change(s); the first are listed.</source>
        <translation>
            <numerusform>JSON 变更超过 %n 处；仅列出前面的部分。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 line(s) removed, %2 added</source>
        <translation>删除 %1 行，新增 %2 行</translation>
    </message>
    <message>
        <source>%1 (shortened: the difference is too large to list exactly)</source>
        <translation>%1 (已缩略：差异过大，无法精确列出)</translation>
    </message>
    <message numerus="yes">
        <source>%1 → %2; %n byte(s) differ in the common part</source>
        <translation>
            <numerusform>%1 → %2；公共部分有 %n 个字节不同</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PayloadInspector</name>
    <message>
        <source>there is no decoder called &quot;%1&quot;</source>
        <translation>没有名为“%1”的解码器</translation>
    </message>
</context>
<context>
    <name>PayloadRendering</name>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>Text (UTF-8)</source>
        <translation>文本 (UTF-8)</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>CloudEvents</source>
        <translation>CloudEvents</translation>
    </message>
    <message>
        <source>CBOR</source>
        <translation>CBOR</translation>
    </message>
    <message>
        <source>MessagePack</source>
        <translation>MessagePack</translation>
    </message>
    <message>
        <source>Protobuf (no schema)</source>
        <translation>Protobuf (无 schema)</translation>
    </message>
    <message>
        <source>Sparkplug B</source>
        <translation>Sparkplug B</translation>
    </message>
    <message>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Hex dump</source>
        <translation>十六进制转储</translation>
    </message>
</context>
<context>
    <name>PreparedMessage</name>
    <message>
        <source>Enter a topic to publish to.</source>
        <translation>请输入要发布到的主题。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a topic one can publish to: no + or # wildcards.</source>
        <translation>“%1”不是可发布的主题：不能包含 + 或 # 通配符。</translation>
    </message>
    <message>
        <source>QoS must be 0, 1 or 2.</source>
        <translation>QoS 必须为 0、1 或 2。</translation>
    </message>
</context>
<context>
    <name>PrometheusApi</name>
    <message>
        <source>404 Not Found: is this a Prometheus server URL (without /api/v1)?</source>
        <translation>404 Not Found：这是 Prometheus 服务器的 URL (不含 /api/v1) 吗？</translation>
    </message>
    <message>
        <source>the response is not a Prometheus API answer (no &quot;status&quot;): is the URL a Prometheus server?</source>
        <translation>响应不是 Prometheus API 的应答 (没有 &quot;status&quot;)：该 URL 是 Prometheus 服务器吗？</translation>
    </message>
    <message>
        <source>the query is not valid: %1</source>
        <translation>查询无效：%1</translation>
    </message>
    <message>
        <source>the query failed: %1</source>
        <translation>查询失败：%1</translation>
    </message>
    <message>
        <source>the query timed out on the server: %1</source>
        <translation>查询在服务器上超时：%1</translation>
    </message>
    <message>
        <source>the server canceled the query: %1</source>
        <translation>服务器取消了查询：%1</translation>
    </message>
    <message>
        <source>Prometheus is unavailable: %1</source>
        <translation>Prometheus 不可用：%1</translation>
    </message>
    <message>
        <source>Prometheus internal error: %1</source>
        <translation>Prometheus 内部错误：%1</translation>
    </message>
    <message>
        <source>Prometheus error (%1): %2</source>
        <translation>Prometheus 错误 (%1)：%2</translation>
    </message>
    <message>
        <source>unexpected Prometheus answer: %1</source>
        <translation>意外的 Prometheus 应答：%1</translation>
    </message>
    <message>
        <source>a %1 result is not [time, &quot;value&quot;]</source>
        <translation>%1 结果不是 [time, &quot;value&quot;] 格式</translation>
    </message>
    <message>
        <source>the scalar value &quot;%1&quot; is not a number</source>
        <translation>标量值“%1”不是数字</translation>
    </message>
    <message>
        <source>unknown resultType &quot;%1&quot;</source>
        <translation>未知的 resultType“%1”</translation>
    </message>
    <message>
        <source>&quot;result&quot; is not a list</source>
        <translation>&quot;result&quot; 不是列表</translation>
    </message>
</context>
<context>
    <name>PrometheusText</name>
    <message>
        <source>The input is larger than %1 bytes; the rest was ignored.</source>
        <translation>输入超过 %1 字节；其余部分已忽略。</translation>
    </message>
    <message>
        <source>The line is longer than %1 bytes and was skipped.</source>
        <translation>该行超过 %1 字节，已跳过。</translation>
    </message>
    <message>
        <source>More than %1 metric families; the rest of the input was ignored.</source>
        <translation>指标族超过 %1 个；其余输入已忽略。</translation>
    </message>
    <message>
        <source>HELP line without a metric name.</source>
        <translation>HELP 行缺少指标名称。</translation>
    </message>
    <message>
        <source>TYPE line without a metric name.</source>
        <translation>TYPE 行缺少指标名称。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid metric name.</source>
        <translation>“%1”不是有效的指标名称。</translation>
    </message>
    <message>
        <source>The HELP text for %1 is not valid UTF-8.</source>
        <translation>%1 的 HELP 文本不是有效的 UTF-8。</translation>
    </message>
    <message>
        <source>Second HELP line for %1; it was ignored.</source>
        <translation>%1 的第二个 HELP 行已被忽略。</translation>
    </message>
    <message>
        <source>TYPE line for %1 does not name a type.</source>
        <translation>%1 的 TYPE 行未指定类型。</translation>
    </message>
    <message>
        <source>TYPE line for %1 has extra text after the type.</source>
        <translation>%1 的 TYPE 行在类型之后有多余的文本。</translation>
    </message>
    <message>
        <source>Unknown metric type &quot;%1&quot; for %2.</source>
        <translation>%2 的指标类型“%1”未知。</translation>
    </message>
    <message>
        <source>Second TYPE line for %1; it was ignored.</source>
        <translation>%1 的第二个 TYPE 行已被忽略。</translation>
    </message>
    <message>
        <source>The TYPE line for %1 comes after its samples; it was ignored.</source>
        <translation>%1 的 TYPE 行出现在其样本之后，已被忽略。</translation>
    </message>
    <message>
        <source>The label set is not closed with &apos;}&apos;.</source>
        <translation>标签集未以 &apos;}&apos; 结束。</translation>
    </message>
    <message>
        <source>Expected a label name at &quot;%1&quot;.</source>
        <translation>在“%1”处应为标签名称。</translation>
    </message>
    <message>
        <source>Expected &apos;=&apos; after the label name %1.</source>
        <translation>标签名称 %1 之后应为 &apos;=&apos;。</translation>
    </message>
    <message>
        <source>The value of label %1 must be in double quotes.</source>
        <translation>标签 %1 的值必须用双引号括起来。</translation>
    </message>
    <message>
        <source>The value of label %1 has no closing quote.</source>
        <translation>标签 %1 的值缺少右引号。</translation>
    </message>
    <message>
        <source>The value of label %1 is not valid UTF-8.</source>
        <translation>标签 %1 的值不是有效的 UTF-8。</translation>
    </message>
    <message>
        <source>The label %1 appears twice.</source>
        <translation>标签 %1 出现了两次。</translation>
    </message>
    <message>
        <source>Expected &apos;,&apos; or &apos;}&apos; at &quot;%1&quot;.</source>
        <translation>在“%1”处应为 &apos;,&apos; 或 &apos;}&apos;。</translation>
    </message>
    <message>
        <source>A sample of histogram %1 must end in _bucket, _sum or _count.</source>
        <translation>直方图 %1 的样本名称必须以 _bucket、_sum 或 _count 结尾。</translation>
    </message>
    <message>
        <source>The bucket of histogram %1 needs a numeric &quot;le&quot; label.</source>
        <translation>直方图 %1 的桶需要一个数值型的 &quot;le&quot; 标签。</translation>
    </message>
    <message>
        <source>The sample of summary %1 needs a numeric &quot;quantile&quot; label.</source>
        <translation>摘要 %1 的样本需要一个数值型的 &quot;quantile&quot; 标签。</translation>
    </message>
    <message>
        <source>The line does not start with a metric name: &quot;%1&quot;.</source>
        <translation>该行不是以指标名称开头：“%1”。</translation>
    </message>
    <message>
        <source>Invalid character in the metric name: &quot;%1&quot;.</source>
        <translation>指标名称中含有无效字符：“%1”。</translation>
    </message>
    <message>
        <source>The sample %1 has no value.</source>
        <translation>样本 %1 没有值。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid sample value.</source>
        <translation>“%1”不是有效的样本值。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid timestamp (integer milliseconds).</source>
        <translation>“%1”不是有效的时间戳 (整数毫秒)。</translation>
    </message>
    <message>
        <source>Unexpected text after the sample: &quot;%1&quot;.</source>
        <translation>样本之后有意外的文本：“%1”。</translation>
    </message>
    <message>
        <source>More than %1 samples; the rest of the input was ignored.</source>
        <translation>样本超过 %1 个；其余输入已忽略。</translation>
    </message>
    <message>
        <source>Second sample for the same series %1; it was ignored.</source>
        <translation>同一序列 %1 的第二个样本已被忽略。</translation>
    </message>
</context>
<context>
    <name>ProtobufDecoder</name>
    <message>
        <source>%1 (int64 %2)</source>
        <translation>%1 (int64 %2)</translation>
    </message>
    <message>
        <source>fixed64 %1, double %2</source>
        <translation>fixed64 %1, double %2</translation>
    </message>
    <message>
        <source>fixed32 %1, float %2</source>
        <translation>fixed32 %1, float %2</translation>
    </message>
    <message>
        <source>Field %1 at byte %2 uses the deprecated group wire type.</source>
        <translation>字节 %2 处的字段 %1 使用了已弃用的 group 线路类型。</translation>
    </message>
    <message>
        <source>groups nested deeper than %1 levels</source>
        <translation>group 嵌套深度超过 %1 层</translation>
    </message>
    <message>
        <source>end of group %1 at byte %2 without a matching start</source>
        <translation>字节 %2 处 group %1 的结束标记没有匹配的开始标记</translation>
    </message>
    <message>
        <source>group %1 starting at byte %2 is not closed</source>
        <translation>从字节 %2 开始的 group %1 未闭合</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Stopped guessing nested messages after %1; the remaining fields are shown as bytes.</source>
        <translation>在 %1 之后停止推测嵌套消息；其余字段以字节形式显示。</translation>
    </message>
    <message>
        <source>Empty protobuf message (every field at its default)</source>
        <translation>空的 protobuf 消息 (所有字段均为默认值)</translation>
    </message>
    <message>
        <source>The text stops after %1.</source>
        <translation>文本在 %1 之后截断。</translation>
    </message>
    <message>
        <source>Decoding stopped at the row limit; later fields are not shown.</source>
        <translation>已达到行数上限，解码停止；后续字段未显示。</translation>
    </message>
    <message numerus="yes">
        <source>Protobuf wire format (no schema), %n top-level field(s)</source>
        <translation>
            <numerusform>Protobuf 线路格式 (无 schema)，%n 个顶层字段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Malformed protobuf after %n field(s)</source>
        <translation>
            <numerusform>protobuf 在 %n 个字段之后格式错误</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProtobufWire</name>
    <message>
        <source>truncated varint (field tag) at byte %1</source>
        <translation>字节 %1 处的 varint (字段标签) 被截断</translation>
    </message>
    <message>
        <source>varint longer than 10 bytes at byte %1</source>
        <translation>字节 %1 处的 varint 超过 10 字节</translation>
    </message>
    <message>
        <source>invalid field number %1 at byte %2</source>
        <translation>字节 %2 处的字段编号 %1 无效</translation>
    </message>
    <message>
        <source>invalid wire type %1 at byte %2</source>
        <translation>字节 %2 处的线路类型 %1 无效</translation>
    </message>
    <message>
        <source>truncated varint in field %1 at byte %2</source>
        <translation>字节 %2 处字段 %1 中的 varint 被截断</translation>
    </message>
    <message>
        <source>varint longer than 10 bytes in field %1 at byte %2</source>
        <translation>字节 %2 处字段 %1 中的 varint 超过 10 字节</translation>
    </message>
    <message>
        <source>field %1 needs %2 bytes at byte %3, only %4 left</source>
        <translation>字段 %1 在字节 %3 处需要 %2 个字节，但只剩 %4 个</translation>
    </message>
    <message>
        <source>truncated length of field %1 at byte %2</source>
        <translation>字节 %2 处字段 %1 的长度被截断</translation>
    </message>
    <message>
        <source>field %1 claims %2 bytes at byte %3, only %4 left</source>
        <translation>字段 %1 在字节 %3 处声明有 %2 个字节，但只剩 %4 个</translation>
    </message>
</context>
<context>
    <name>ProxyEnvironment</name>
    <message>
        <source>%1=&quot;%2&quot; is not a proxy address; connecting directly, as kubectl does</source>
        <translation>%1=&quot;%2&quot; 不是代理地址；按 kubectl 的做法直接连接</translation>
    </message>
    <message>
        <source>refusing to use %1 in a CGI environment (REQUEST_METHOD is set): a client could have set it; see golang.org/s/cgihttpproxy</source>
        <translation>在 CGI 环境中（已设置 REQUEST_METHOD）拒绝使用 %1：它可能由客户端设置；参见 golang.org/s/cgihttpproxy</translation>
    </message>
    <message>
        <source>%1: proxy %2 is an https:// proxy (TLS to the proxy), which Tideline cannot use; use an http:// or socks5:// proxy</source>
        <translation>%1：代理 %2 是 https:// 代理（与代理之间使用 TLS），Tideline 无法使用；请使用 http:// 或 socks5:// 代理</translation>
    </message>
    <message>
        <source>%1: proxy &quot;%2&quot; must be http:// or socks5://</source>
        <translation>%1：代理“%2”必须是 http:// 或 socks5://</translation>
    </message>
    <message>
        <source>%1: proxy &quot;%2&quot; names no host</source>
        <translation>%1：代理“%2”没有指定主机</translation>
    </message>
</context>
<context>
    <name>PubCommand</name>
    <message>
        <source>Topic to publish to; placeholders {{seq}}, {{uuid}} and {{now}} are expanded.</source>
        <translation>要发布到的主题；其中的占位符 {{seq}}、{{uuid}} 和 {{now}} 会被展开。</translation>
    </message>
    <message>
        <source>TOPIC</source>
        <translation>TOPIC</translation>
    </message>
    <message>
        <source>Payload text; placeholders {{seq}}, {{uuid}} and {{now}} are expanded.</source>
        <translation>载荷文本；其中的占位符 {{seq}}、{{uuid}} 和 {{now}} 会被展开。</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <source>Send the contents of FILE as the payload, byte for byte.</source>
        <translation>将 FILE 的内容逐字节作为载荷发送。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Send standard input (read to the end) as the payload, byte for byte.</source>
        <translation>将标准输入 (读取到末尾) 逐字节作为载荷发送。</translation>
    </message>
    <message>
        <source>QoS: 0, 1 or 2. Default: 0.</source>
        <translation>QoS：0、1 或 2。默认值：0。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Set the retain flag.</source>
        <translation>设置保留标志。</translation>
    </message>
    <message>
        <source>Number of messages. Default: 1.</source>
        <translation>消息数量。默认值：1。</translation>
    </message>
    <message>
        <source>Messages per second; 0 = as fast as flow control allows. Default: 0.</source>
        <translation>每秒消息数；0 = 在流量控制允许的范围内尽可能快。默认值：0。</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>MQTT 5 user property NAME=VALUE (repeatable); placeholders in VALUE are expanded.</source>
        <translation>MQTT 5 用户属性 NAME=VALUE (可重复指定)；VALUE 中的占位符会被展开。</translation>
    </message>
    <message>
        <source>NAME=VALUE</source>
        <translation>NAME=VALUE</translation>
    </message>
    <message>
        <source>MQTT 5 Content Type of the payload; with --cloudevents, the event&apos;s datacontenttype.</source>
        <translation>载荷的 MQTT 5 Content Type (内容类型)；使用 --cloudevents 时，即事件的 datacontenttype。</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <source>Send the payload as the data of a CloudEvents 1.0 event with a fresh id and time per message.</source>
        <translation>将载荷作为 CloudEvents 1.0 事件的 data 发送，每条消息使用新的 id 和 time。</translation>
    </message>
    <message>
        <source>CloudEvents type. Default: %1.</source>
        <translation>CloudEvents 的 type。默认值：%1。</translation>
    </message>
    <message>
        <source>CloudEvents source. Default: %1.</source>
        <translation>CloudEvents 的 source。默认值：%1。</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>CloudEvents subject (optional).</source>
        <translation>CloudEvents 的 subject (可选)。</translation>
    </message>
    <message>
        <source>CloudEvents content mode: structured (a JSON envelope) or binary (attributes as MQTT 5 user properties). Default: structured.</source>
        <translation>CloudEvents 内容模式：structured (JSON 信封) 或 binary (属性作为 MQTT 5 用户属性)。默认值：structured。</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>MODE</translation>
    </message>
    <message>
        <source>Publish messages</source>
        <translation>发布消息</translation>
    </message>
    <message>
        <source>Give exactly one of --message, --file or --stdin.</source>
        <translation>--message、--file 和 --stdin 必须且只能指定其中一个。</translation>
    </message>
    <message>
        <source>--stdin and --password-stdin cannot both read standard input.</source>
        <translation>--stdin 和 --password-stdin 不能同时读取标准输入。</translation>
    </message>
    <message>
        <source>--topic is required.</source>
        <translation>必须指定 --topic。</translation>
    </message>
    <message>
        <source>--qos must be 0, 1 or 2.</source>
        <translation>--qos 必须为 0、1 或 2。</translation>
    </message>
    <message>
        <source>--count must be a whole number, 1 or more.</source>
        <translation>--count 必须是大于或等于 1 的整数。</translation>
    </message>
    <message>
        <source>--rate must be a number of messages per second, 0 or more.</source>
        <translation>--rate 必须是每秒消息数，且大于或等于 0。</translation>
    </message>
    <message>
        <source>--property needs NAME=VALUE, not &quot;%1&quot;.</source>
        <translation>--property 需要 NAME=VALUE 格式，而不是“%1”。</translation>
    </message>
    <message>
        <source>--ce-mode must be structured or binary, not &quot;%1&quot;.</source>
        <translation>--ce-mode 必须为 structured 或 binary，而不是“%1”。</translation>
    </message>
    <message>
        <source>--ce-type, --ce-source, --ce-subject and --ce-mode need --cloudevents.</source>
        <translation>--ce-type、--ce-source、--ce-subject 和 --ce-mode 需要配合 --cloudevents 使用。</translation>
    </message>
    <message>
        <source>--property and --content-type need MQTT 5 (--mqtt-version 5).</source>
        <translation>--property 和 --content-type 需要 MQTT 5 (--mqtt-version 5)。</translation>
    </message>
    <message>
        <source>CloudEvents binary mode needs MQTT 5; use --ce-mode structured.</source>
        <translation>CloudEvents binary 模式需要 MQTT 5；请使用 --ce-mode structured。</translation>
    </message>
    <message>
        <source>published %1 messages in %2 s (%3 msgs/s, target %4 msgs/s), %5 failed</source>
        <translation>已发布 %1 条消息，用时 %2 秒 (%3 msgs/s，目标 %4 msgs/s)，%5 条失败</translation>
    </message>
    <message>
        <source>published %1 messages in %2 s (%3 msgs/s), %4 failed</source>
        <translation>已发布 %1 条消息，用时 %2 秒 (%3 msgs/s)，%4 条失败</translation>
    </message>
    <message>
        <source>%1 messages failed: %2</source>
        <translation>%1 条消息发送失败：%2</translation>
    </message>
    <message>
        <source>Publish the messages recorded in FILE (JSON Lines or CSV, as exported by Tideline) again, in file order, with their topics, payloads, QoS, retain flags and MQTT 5 properties.</source>
        <translation>再次发布 FILE 中记录的消息（Tideline 导出的 JSON Lines 或 CSV），按文件顺序，带上其主题、载荷、QoS、保留标志和 MQTT 5 属性。</translation>
    </message>
    <message>
        <source>With --replay: keep the recorded gaps between messages, divided by X (10 = ten times as fast). Default: 1.</source>
        <translation>与 --replay 一起使用：保留记录的消息间隔，并除以 X（10 = 快十倍）。默认：1。</translation>
    </message>
    <message>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <source>With --replay: publish topics that start with OLD under NEW instead (an empty OLD puts NEW in front of every topic).</source>
        <translation>与 --replay 一起使用：以 OLD 开头的主题改为发布到 NEW 之下（OLD 为空时在每个主题前加上 NEW）。</translation>
    </message>
    <message>
        <source>OLD=NEW</source>
        <translation>OLD=NEW</translation>
    </message>
    <message>
        <source>With --replay: clear the retain flag of every message.</source>
        <translation>与 --replay 一起使用：清除每条消息的保留标志。</translation>
    </message>
    <message>
        <source>Also print the final report as one JSON object on standard output.</source>
        <translation>同时在标准输出上以一个 JSON 对象打印最终报告。</translation>
    </message>
    <message>
        <source>pub --url URL --topic TOPIC (--message TEXT | --file FILE | --stdin) [options]
   or: tideline-cli pub --url URL --replay FILE [--speed X | --rate R] [--topic-prefix OLD=NEW] [--no-retain]</source>
        <translation>pub --url URL --topic TOPIC (--message TEXT | --file FILE | --stdin) [选项]
   或：tideline-cli pub --url URL --replay FILE [--speed X | --rate R] [--topic-prefix OLD=NEW] [--no-retain]</translation>
    </message>
    <message>
        <source>Publishes --count messages. In the topic, --message, --property values and --ce-subject, {{seq}} becomes 1, 2, 3, …, {{uuid}} a random UUID and {{now}} the publish time (RFC 3339, UTC); one value per message wherever it appears. --file and --stdin are sent exactly. With --cloudevents the payload becomes the data of a CloudEvent (id and time fresh for every message); JSON text is sent as JSON data. Waits until every message is acknowledged (QoS 1 and 2) or handed to the network (QoS 0), then prints &quot;published N messages in S s (R msgs/s), F failed&quot; on stderr, with the target rate when --rate was given. Exits with 1 when the connection fails or any message failed. With --json the report is also printed on stdout as a JSON object (requested, sent, failed, unsent, seconds, msgs_per_s, target_msgs_per_s, cancelled, first_error).

With --replay FILE the messages of a file exported by Tideline (JSON Lines or CSV) are published again in file order: with the recorded gaps between them divided by --speed (default 1), or at --rate messages per second (0 = as fast as flow control allows). --topic-prefix OLD=NEW moves topics that start with OLD under NEW; --no-retain clears the retain flags. MQTT 5 properties are sent along on MQTT 5 connections. The summary reads &quot;replayed N of M messages in S s (R msgs/s), F failed&quot;.</source>
        <translation>发布 --count 条消息。在主题、--message、--property 的值和 --ce-subject 中，{{seq}} 依次变为 1、2、3……，{{uuid}} 变为随机 UUID，{{now}} 变为发布时间（RFC 3339，UTC）；无论出现在何处，每条消息取一个值。--file 和 --stdin 按原样发送。使用 --cloudevents 时，载荷成为 CloudEvent 的 data（每条消息的 id 和 time 都是新的）；JSON 文本作为 JSON 数据发送。等待每条消息被确认（QoS 1 和 2）或交给网络（QoS 0），然后在标准错误上打印“published N messages in S s (R msgs/s), F failed”，指定了 --rate 时还会打印目标速率。连接失败或任何消息失败时以 1 退出。使用 --json 时，报告还会以 JSON 对象打印到标准输出（requested、sent、failed、unsent、seconds、msgs_per_s、target_msgs_per_s、cancelled、first_error）。

使用 --replay FILE 时，Tideline 导出的文件（JSON Lines 或 CSV）中的消息按文件顺序再次发布：记录的间隔除以 --speed（默认 1），或以每秒 --rate 条消息发布（0 = 流量控制允许的最快速度）。--topic-prefix OLD=NEW 将以 OLD 开头的主题移到 NEW 之下；--no-retain 清除保留标志。在 MQTT 5 连接上会一并发送 MQTT 5 属性。摘要为“replayed N of M messages in S s (R msgs/s), F failed”。</translation>
    </message>
    <message>
        <source>--speed, --topic-prefix and --no-retain need --replay.</source>
        <translation>--speed、--topic-prefix 和 --no-retain 需要 --replay。</translation>
    </message>
    <message>
        <source>--replay takes topics, payloads and flags from the file; --%1 cannot be combined with it.</source>
        <translation>--replay 从文件中获取主题、载荷和标志；--%1 不能与它同时使用。</translation>
    </message>
    <message>
        <source>Give either --speed or --rate, not both.</source>
        <translation>请只给出 --speed 或 --rate 之一，不要同时给出。</translation>
    </message>
    <message>
        <source>--speed must be a number greater than 0 (10 = ten times as fast).</source>
        <translation>--speed 必须是大于 0 的数字（10 = 快十倍）。</translation>
    </message>
    <message>
        <source>--topic-prefix needs OLD=NEW, not &quot;%1&quot;.</source>
        <translation>--topic-prefix 需要 OLD=NEW，而不是“%1”。</translation>
    </message>
    <message>
        <source>note: MQTT 3.1.1 has no properties; %1 messages are sent without theirs.</source>
        <translation>注意：MQTT 3.1.1 没有属性；%1 条消息将不带属性发送。</translation>
    </message>
    <message>
        <source>replayed %1 of %2 messages in %3 s (%4 msgs/s), %5 failed</source>
        <translation>已重放 %2 条消息中的 %1 条，用时 %3 秒（%4 条/秒），%5 条失败</translation>
    </message>
</context>
<context>
    <name>QueueStats</name>
    <message>
        <source>0 msg/s</source>
        <translation>0 msg/s</translation>
    </message>
    <message>
        <source>+%1 msg/s</source>
        <translation>+%1 msg/s</translation>
    </message>
    <message>
        <source>−%1 msg/s</source>
        <translation>−%1 msg/s</translation>
    </message>
    <message>
        <source>more than a year</source>
        <translation>超过一年</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分钟 %2 秒</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小时</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>never at this rate</source>
        <translation>按当前速率永远不会</translation>
    </message>
    <message>
        <source>keeping up</source>
        <translation>跟得上</translation>
    </message>
</context>
<context>
    <name>RabbitMqManagementApi</name>
    <message>
        <source>the management API answered with an error: %1</source>
        <translation>管理 API 返回了错误：%1</translation>
    </message>
    <message>
        <source>the response is not a list of queues: is this the RabbitMQ management API (port 15672)?</source>
        <translation>响应不是队列列表：这是 RabbitMQ 管理 API (端口 15672) 吗？</translation>
    </message>
</context>
<context>
    <name>RawPublisher</name>
    <message>
        <source>The benchmark publisher cannot connect to %1: %2</source>
        <translation>基准测试发布者无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>The benchmark publisher got no CONNACK from %1: %2</source>
        <translation>基准测试发布者未收到来自 %1 的 CONNACK：%2</translation>
    </message>
    <message>
        <source>%1 refused the benchmark publisher: wrong username or password, or not authorised.</source>
        <translation>%1 拒绝了基准测试发布者：用户名或密码错误，或未获授权。</translation>
    </message>
    <message>
        <source>%1 refused the benchmark publisher (CONNACK return code %2).</source>
        <translation>%1 拒绝了基准测试发布者 (CONNACK 返回码 %2)。</translation>
    </message>
    <message>
        <source>The benchmark publisher lost %1: %2</source>
        <translation>基准测试发布者与 %1 的连接断开：%2</translation>
    </message>
</context>
<context>
    <name>SparkplugDecoder</name>
    <message>
        <source>BooleanArray shorter than its 4-byte count</source>
        <translation>BooleanArray 的长度不足其 4 字节的计数字段</translation>
    </message>
    <message>
        <source>BooleanArray of %1 values holds only %2 bytes</source>
        <translation>包含 %1 个值的 BooleanArray 只有 %2 个字节</translation>
    </message>
    <message>
        <source>%1 of %2 bytes is not a whole number of %3-byte values</source>
        <translation>%2 字节的 %1 不是 %3 字节值的整数倍</translation>
    </message>
    <message>
        <source>not a Sparkplug B payload: more than %1 fields have the wrong wire type</source>
        <translation>不是 Sparkplug B 载荷：超过 %1 个字段的线路类型错误</translation>
    </message>
    <message>
        <source>Field %1 (%2) of %3 at byte %4 has wire type %5, expected %6; skipped.</source>
        <translation>字节 %4 处 %3 的字段 %1 (%2) 的线路类型为 %5，应为 %6；已跳过。</translation>
    </message>
    <message>
        <source>%1 at byte %2 is nested deeper than %3 levels; not decoded.</source>
        <translation>字节 %2 处的 %1 嵌套深度超过 %3 层；未解码。</translation>
    </message>
    <message>
        <source>%1 at byte %2: %3.</source>
        <translation>字节 %2 处的 %1：%3。</translation>
    </message>
    <message>
        <source>alias %1</source>
        <translation>别名 %1</translation>
    </message>
    <message>
        <source>Metric %1 has neither a name nor an alias.</source>
        <translation>指标 %1 既没有名称也没有别名。</translation>
    </message>
    <message>
        <source>Metric %1 declares unknown datatype %2.</source>
        <translation>指标 %1 声明了未知的数据类型 %2。</translation>
    </message>
    <message>
        <source>Metric %1 in a birth message has no datatype.</source>
        <translation>BIRTH 消息中的指标 %1 没有数据类型。</translation>
    </message>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Packed %1 at byte %2 ends inside a varint.</source>
        <translation>字节 %2 处的打包 %1 在 varint 中间结束。</translation>
    </message>
    <message>
        <source>h&apos;%1&apos; (%2)</source>
        <translation>h&apos;%1&apos; (%2)</translation>
    </message>
    <message>
        <source>Sparkplug STATE messages carry JSON or text, not a Sparkplug B payload</source>
        <translation>Sparkplug STATE 消息承载的是 JSON 或文本，而不是 Sparkplug B 载荷</translation>
    </message>
    <message>
        <source>The topic %1 does not follow spBv1.0/&lt;group&gt;/&lt;message type&gt;/&lt;edge node&gt;[/&lt;device&gt;].</source>
        <translation>主题 %1 不符合 spBv1.0/&lt;group&gt;/&lt;message type&gt;/&lt;edge node&gt;[/&lt;device&gt;] 格式。</translation>
    </message>
    <message>
        <source>the payload is %1, more than the %2 the Sparkplug view decodes</source>
        <translation>载荷大小为 %1，超过了 Sparkplug 视图可解码的 %2</translation>
    </message>
    <message>
        <source>The text stops after %1.</source>
        <translation>文本在 %1 之后截断。</translation>
    </message>
    <message>
        <source>Decoding stopped at the row limit; later fields are not shown.</source>
        <translation>已达到行数上限，解码停止；后续字段未显示。</translation>
    </message>
    <message>
        <source>seq %1 is outside the 0–255 range Sparkplug uses.</source>
        <translation>seq %1 超出了 Sparkplug 使用的 0–255 范围。</translation>
    </message>
    <message>
        <source>payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <source>Malformed Sparkplug B %1</source>
        <translation>格式错误的 Sparkplug B %1</translation>
    </message>
    <message numerus="yes">
        <source>Sparkplug B %1, %n metric(s), seq %2</source>
        <translation>
            <numerusform>Sparkplug B %1，%n 个指标，seq %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sparkplug B %1, %n metric(s)</source>
        <translation>
            <numerusform>Sparkplug B %1，%n 个指标</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubCommand</name>
    <message>
        <source>Topic filter to subscribe to (repeatable); &apos;+&apos; and &apos;#&apos; wildcards.</source>
        <translation>要订阅的主题过滤器 (可重复指定)；支持 &apos;+&apos; 和 &apos;#&apos; 通配符。</translation>
    </message>
    <message>
        <source>FILTER</source>
        <translation>FILTER</translation>
    </message>
    <message>
        <source>Subscription QoS: 0, 1 or 2. Default: 0.</source>
        <translation>订阅 QoS：0、1 或 2。默认值：0。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Exit after N messages. Default: 0 (run until interrupted).</source>
        <translation>收到 N 条消息后退出。默认值：0 (一直运行直到被中断)。</translation>
    </message>
    <message>
        <source>Print one JSON object per message instead of &quot;TOPIC PAYLOAD&quot;.</source>
        <translation>每条消息输出一个 JSON 对象，而不是 &quot;TOPIC PAYLOAD&quot;。</translation>
    </message>
    <message>
        <source>Subscribe and print messages, one per line</source>
        <translation>订阅并输出消息，每行一条</translation>
    </message>
    <message>
        <source>sub --url URL --topic FILTER [--topic FILTER…] [options]</source>
        <translation>sub --url URL --topic FILTER [--topic FILTER…] [options]</translation>
    </message>
    <message>
        <source>Output: &quot;TOPIC PAYLOAD&quot; per message; a payload that is not valid UTF-8 is printed as &quot;base64:&quot; followed by its base64. With --json, one object per line with topic, qos, retain, payload (UTF-8 text) or payload_base64, time (ISO 8601, UTC, milliseconds) and, for MQTT 5 messages that carry them, properties.
A first connection that fails (refused, unknown host, wrong password, TLS) exits with 1 and one line on stderr; a connection lost later is re-established.</source>
        <translation>输出：每条消息一行 &quot;TOPIC PAYLOAD&quot;；不是有效 UTF-8 的载荷输出为 &quot;base64:&quot; 后接其 base64 编码。使用 --json 时，每行一个对象，包含 topic、qos、retain、payload (UTF-8 文本) 或 payload_base64、time (ISO 8601，UTC，毫秒)，以及 MQTT 5 消息所携带的 properties。
首次连接失败 (被拒绝、未知主机、密码错误、TLS) 时以退出码 1 退出，并在 stderr 上输出一行信息；之后断开的连接会自动重新建立。</translation>
    </message>
    <message>
        <source>At least one --topic is required.</source>
        <translation>至少需要一个 --topic。</translation>
    </message>
    <message>
        <source>--qos must be 0, 1 or 2.</source>
        <translation>--qos 必须为 0、1 或 2。</translation>
    </message>
    <message>
        <source>--count must be a whole number, 0 or more.</source>
        <translation>--count 必须是大于或等于 0 的整数。</translation>
    </message>
    <message>
        <source>Cannot subscribe to %1: %2</source>
        <translation>无法订阅 %1：%2</translation>
    </message>
</context>
<context>
    <name>SurgeProfile</name>
    <message>
        <source>The surge profile is not valid JSON (%1 at offset %2).</source>
        <translation>激增配置文件不是有效的 JSON (偏移量 %2 处：%1)。</translation>
    </message>
    <message>
        <source>The surge profile must be a JSON object with a &quot;phases&quot; array.</source>
        <translation>激增配置文件必须是包含 &quot;phases&quot; 数组的 JSON 对象。</translation>
    </message>
    <message>
        <source>&quot;processingMs&quot; must be a number of milliseconds from 1 to 600000.</source>
        <translation>&quot;processingMs&quot; 必须是 1 到 600000 之间的毫秒数。</translation>
    </message>
    <message>
        <source>The surge profile needs at least one phase in &quot;phases&quot;.</source>
        <translation>激增配置文件的 &quot;phases&quot; 中至少需要一个阶段。</translation>
    </message>
    <message>
        <source>Phase %1: &quot;seconds&quot; must be a positive number.</source>
        <translation>阶段 %1：&quot;seconds&quot; 必须是正数。</translation>
    </message>
    <message>
        <source>Phase %1: &quot;ordersPerSecond&quot; must be a number from 0 to 100000.</source>
        <translation>阶段 %1：&quot;ordersPerSecond&quot; 必须是 0 到 100000 之间的数字。</translation>
    </message>
    <message>
        <source>Phase %1: &quot;rampSeconds&quot; must be from 0 to the phase&apos;s &quot;seconds&quot;.</source>
        <translation>阶段 %1：&quot;rampSeconds&quot; 必须介于 0 与该阶段的 &quot;seconds&quot; 之间。</translation>
    </message>
    <message>
        <source>Cannot read the surge profile %1: %2</source>
        <translation>无法读取激增配置文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>SysStats</name>
    <message>
        <source>%1 d %2 h %3 min</source>
        <translation>%1 天 %2 小时 %3 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分钟 %2 秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 msg/min</source>
        <translation>%1 msg/min</translation>
    </message>
    <message>
        <source>Broker version</source>
        <translation>代理版本</translation>
    </message>
    <message>
        <source>Broker node</source>
        <translation>代理节点</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>运行时间</translation>
    </message>
    <message>
        <source>Clients connected</source>
        <translation>已连接的客户端</translation>
    </message>
    <message>
        <source>Clients known (incl. disconnected sessions)</source>
        <translation>已知客户端 (含已断开的会话)</translation>
    </message>
    <message>
        <source>Most clients at once</source>
        <translation>最大同时客户端数</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅数</translation>
    </message>
    <message>
        <source>Messages received</source>
        <translation>已接收消息</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>已发送消息</translation>
    </message>
    <message>
        <source>Received, 1-minute average</source>
        <translation>接收，1 分钟平均</translation>
    </message>
    <message>
        <source>Sent, 1-minute average</source>
        <translation>发送，1 分钟平均</translation>
    </message>
    <message>
        <source>Messages stored</source>
        <translation>已存储消息</translation>
    </message>
    <message>
        <source>Retained messages</source>
        <translation>保留消息</translation>
    </message>
    <message>
        <source>Bytes received</source>
        <translation>已接收字节</translation>
    </message>
    <message>
        <source>Bytes sent</source>
        <translation>已发送字节</translation>
    </message>
</context>
<context>
    <name>TemplateStore</name>
    <message>
        <source>Give the template a name.</source>
        <translation>请为模板命名。</translation>
    </message>
</context>
<context>
    <name>TextDecoder</name>
    <message>
        <source>Empty payload</source>
        <translation>空载荷</translation>
    </message>
    <message>
        <source>Invalid UTF-8 byte at offset %1 (0x%2), shown as U+FFFD.</source>
        <translation>偏移量 %1 处的 UTF-8 字节无效 (0x%2)，显示为 U+FFFD。</translation>
    </message>
    <message numerus="yes">
        <source>Invalid UTF-8 at byte offsets %1–%2 (%n byte(s)), shown as U+FFFD.</source>
        <translation>
            <numerusform>字节偏移量 %1–%2 处的 UTF-8 无效 (%n 个字节)，显示为 U+FFFD。</numerusform>
        </translation>
    </message>
    <message>
        <source>The publisher declared this payload UTF-8 (payload format indicator 1), but it is not valid UTF-8.</source>
        <translation>发布者声明此载荷为 UTF-8 (载荷格式指示符为 1)，但它不是有效的 UTF-8。</translation>
    </message>
    <message numerus="yes">
        <source>The text contains %n control character(s).</source>
        <translation>
            <numerusform>文本包含 %n 个控制字符。</numerusform>
        </translation>
    </message>
    <message>
        <source>Showing the first %1 of %2.</source>
        <translation>仅显示前 %1 (共 %2)。</translation>
    </message>
    <message numerus="yes">
        <source>UTF-8 text, %n line(s), %1</source>
        <translation>
            <numerusform>UTF-8 文本，%n 行，%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Text with %n invalid UTF-8 sequence(s)</source>
        <translation>
            <numerusform>含有 %n 个无效 UTF-8 序列的文本</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TopicFilter</name>
    <message>
        <source>A topic filter must not be empty.</source>
        <translation>主题过滤器不能为空。</translation>
    </message>
    <message>
        <source>A topic must not be empty.</source>
        <translation>主题不能为空。</translation>
    </message>
    <message>
        <source>A topic must not contain the NUL character.</source>
        <translation>主题不能包含 NUL 字符。</translation>
    </message>
    <message>
        <source>A topic must not be longer than 65,535 bytes in UTF-8.</source>
        <translation>主题的 UTF-8 编码长度不能超过 65,535 字节。</translation>
    </message>
    <message>
        <source>&apos;#&apos; must be the last level of a filter, as in &quot;a/b/#&quot;.</source>
        <translation>&apos;#&apos; 必须是过滤器的最后一级，如 &quot;a/b/#&quot;。</translation>
    </message>
    <message>
        <source>&apos;#&apos; must be a whole level: write &quot;a/#&quot;, not &quot;a#&quot;.</source>
        <translation>&apos;#&apos; 必须独占一级：应写为 &quot;a/#&quot;，而不是 &quot;a#&quot;。</translation>
    </message>
    <message>
        <source>&apos;+&apos; must be a whole level: write &quot;a/+/b&quot;, not &quot;a+/b&quot;.</source>
        <translation>&apos;+&apos; 必须独占一级：应写为 &quot;a/+/b&quot;，而不是 &quot;a+/b&quot;。</translation>
    </message>
    <message>
        <source>A shared subscription needs a group name: &quot;$share/group/filter&quot;.</source>
        <translation>共享订阅需要组名：&quot;$share/group/filter&quot;。</translation>
    </message>
    <message>
        <source>The group name of a shared subscription must not contain &apos;+&apos; or &apos;#&apos;.</source>
        <translation>共享订阅的组名不能包含 &apos;+&apos; 或 &apos;#&apos;。</translation>
    </message>
    <message>
        <source>A shared subscription needs a filter after the group name: &quot;$share/group/filter&quot;.</source>
        <translation>共享订阅在组名之后需要一个过滤器：&quot;$share/group/filter&quot;。</translation>
    </message>
    <message>
        <source>A topic to publish to must not contain the wildcards &apos;+&apos; or &apos;#&apos;.</source>
        <translation>要发布到的主题不能包含通配符 &apos;+&apos; 或 &apos;#&apos;。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>This file is not a Tideline workspace.</source>
        <translation>此文件不是 Tideline 工作区。</translation>
    </message>
    <message>
        <source>The workspace has no valid format version.</source>
        <translation>该工作区没有有效的格式版本。</translation>
    </message>
    <message>
        <source>This workspace was saved by a newer version of Tideline (workspace format %1; this version reads up to format %2). Update Tideline to open it.</source>
        <translation>此工作区由较新版本的 Tideline 保存 (工作区格式 %1；当前版本最高只能读取格式 %2)。请更新 Tideline 后再打开。</translation>
    </message>
    <message>
        <source>The workspace&apos;s connection list is damaged.</source>
        <translation>工作区的连接列表已损坏。</translation>
    </message>
    <message>
        <source>Connection %1 in the workspace has no broker URL.</source>
        <translation>工作区中的连接 %1 没有代理 URL。</translation>
    </message>
    <message>
        <source>The workspace&apos;s workload links are damaged.</source>
        <translation>工作区的工作负载关联已损坏。</translation>
    </message>
    <message>
        <source>The workspace&apos;s settings sections are damaged.</source>
        <translation>工作区的设置部分已损坏。</translation>
    </message>
    <message>
        <source>Could not write the workspace to %1: %2</source>
        <translation>无法将工作区写入 %1：%2</translation>
    </message>
    <message>
        <source>The workspace %1 does not exist.</source>
        <translation>工作区 %1 不存在。</translation>
    </message>
    <message>
        <source>Could not read the workspace %1: %2</source>
        <translation>无法读取工作区 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large to be a Tideline workspace.</source>
        <translation>%1 太大，不可能是 Tideline 工作区。</translation>
    </message>
    <message>
        <source>The workspace %1 is damaged: %2 at byte %3.</source>
        <translation>工作区 %1 已损坏：%2 (位于字节 %3)。</translation>
    </message>
    <message>
        <source>%1 is not a Tideline workspace.</source>
        <translation>%1 不是 Tideline 工作区。</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Unsupported language &quot;%1&quot;; using English.</source>
        <translation>不支持的语言“%1”；将使用英语。</translation>
    </message>
    <message>
        <source>Tideline: a live MQTT topic explorer for operators of queue-based systems.</source>
        <translation>Tideline：面向基于队列的系统运维人员的实时 MQTT 主题浏览器。</translation>
    </message>
    <message>
        <source>Connect to the broker at URL (mqtt://, mqtts://, ws://, wss://).</source>
        <translation>连接到位于 URL 的代理 (mqtt://、mqtts://、ws://、wss://)。</translation>
    </message>
    <message>
        <source>Subscribe to FILTER (repeatable; default # with --url).</source>
        <translation>订阅 FILTER (可重复指定；使用 --url 时默认为 #)。</translation>
    </message>
    <message>
        <source>Open the saved connection NAME (name or id).</source>
        <translation>打开名为 NAME 的已保存连接 (名称或 id)。</translation>
    </message>
    <message>
        <source>Save a PNG of the main window to FILE, then quit (see --quit-after).</source>
        <translation>将主窗口截图保存为 PNG 文件 FILE，然后退出 (参见 --quit-after)。</translation>
    </message>
    <message>
        <source>Read and write settings in the ini FILE.</source>
        <translation>在 ini 文件 FILE 中读写设置。</translation>
    </message>
    <message>
        <source>Use the language LANG (zh_CN or en) instead of the system&apos;s.</source>
        <translation>使用语言 LANG (zh_CN 或 en)，而不是系统语言。</translation>
    </message>
    <message>
        <source>Start the surge demo: local brokers, shop, workers and a demo cluster, all stopped on exit.</source>
        <translation>启动流量激增演示：本地代理、商店、工作进程和演示集群，退出时全部停止。</translation>
    </message>
    <message>
        <source>Run the demo&apos;s surge profile F times faster (default 1).</source>
        <translation>以 F 倍速运行演示的激增配置 (默认为 1)。</translation>
    </message>
    <message>
        <source>With --screenshot FILE: save a PNG every MS milliseconds as FILE-001.png, FILE-002.png, …</source>
        <translation>配合 --screenshot FILE：每隔 MS 毫秒保存一张 PNG，文件名为 FILE-001.png、FILE-002.png、…</translation>
    </message>
    <message>
        <source>A workspace file (*.tideline) to open: its connections, dashboards and window layout.</source>
        <translation>要打开的工作区文件 (*.tideline)：包括其中的连接、仪表板和窗口布局。</translation>
    </message>
    <message>
        <source>Open one workspace at a time.</source>
        <translation>一次只能打开一个工作区。</translation>
    </message>
    <message>
        <source>Use either --url or --profile, not both.</source>
        <translation>--url 和 --profile 只能使用其中之一，不能同时使用。</translation>
    </message>
    <message>
        <source>--subscribe &quot;%1&quot;: %2</source>
        <translation>--subscribe &quot;%1&quot;：%2</translation>
    </message>
    <message>
        <source>There is no saved connection named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的已保存连接。</translation>
    </message>
    <message>
        <source>--quit-after needs a number of milliseconds, not &quot;%1&quot;.</source>
        <translation>--quit-after 需要毫秒数，而不是“%1”。</translation>
    </message>
    <message>
        <source>--demo-speed needs a number from 0.01 to 100.</source>
        <translation>--demo-speed 需要 0.01 到 100 之间的数字。</translation>
    </message>
    <message>
        <source>--screenshot-every needs at least 100 milliseconds.</source>
        <translation>--screenshot-every 至少需要 100 毫秒。</translation>
    </message>
    <message>
        <source>Could not write the screenshot to %1.</source>
        <translation>无法将截图写入 %1。</translation>
    </message>
    <message>
        <source>Quit after MS milliseconds (default with --screenshot: %1; with --demo --screenshot: %2 after the demo is ready).</source>
        <translation>MS 毫秒后退出（使用 --screenshot 时默认 %1；使用 --demo --screenshot 时为演示就绪后 %2）。</translation>
    </message>
    <message>
        <source>The demo was not ready after %1 s; no screenshot.</source>
        <translation>演示在 %1 秒后仍未就绪；未截图。</translation>
    </message>
</context>
<context>
    <name>tideline::AddMetricSourceDialog</name>
    <message>
        <source>Add metric source</source>
        <translation>添加指标源</translation>
    </message>
    <message>
        <source>RabbitMQ management API</source>
        <translation>RabbitMQ 管理 API</translation>
    </message>
    <message>
        <source>Prometheus /metrics endpoint</source>
        <translation>Prometheus /metrics 端点</translation>
    </message>
    <message>
        <source>Prometheus server (PromQL)</source>
        <translation>Prometheus 服务器 (PromQL)</translation>
    </message>
    <message>
        <source>all virtual hosts</source>
        <translation>所有虚拟主机</translation>
    </message>
    <message>
        <source>all queues</source>
        <translation>所有队列</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>在系统钥匙串中记住密码</translation>
    </message>
    <message>
        <source>Management &amp;URL:</source>
        <translation>管理 URL(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Virtual host:</source>
        <translation>虚拟主机(&amp;V):</translation>
    </message>
    <message>
        <source>&amp;Queue:</source>
        <translation>队列(&amp;Q):</translation>
    </message>
    <message>
        <source>every sample</source>
        <translation>所有样本</translation>
    </message>
    <message>
        <source>A sample or family name, or a pattern with * and ?</source>
        <translation>样本名或指标族名，或包含 * 和 ? 的模式</translation>
    </message>
    <message>
        <source>Endpoint &amp;URL:</source>
        <translation>端点 URL(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Match:</source>
        <translation>匹配(&amp;M):</translation>
    </message>
    <message>
        <source>Server &amp;URL:</source>
        <translation>服务器 URL(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;PromQL:</source>
        <translation>PromQL(&amp;P):</translation>
    </message>
    <message>
        <source>system trust store</source>
        <translation>系统信任存储</translation>
    </message>
    <message>
        <source>A PEM file with the certificate authority of an https server</source>
        <translation>包含 https 服务器证书颁发机构的 PEM 文件</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K):</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA 文件(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>间隔(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>MQTT broker statistics ($SYS)</source>
        <translation>MQTT 代理统计（$SYS）</translation>
    </message>
    <message>
        <source>none: Tideline&apos;s own history</source>
        <translation>无：使用 Tideline 自己的历史</translation>
    </message>
    <message>
        <source>A Prometheus server that scrapes this endpoint too; charts take their history from it, for any window</source>
        <translation>同样抓取此端点的 Prometheus 服务器；图表从它获取任意时间窗口的历史</translation>
    </message>
    <message>
        <source>&amp;History from:</source>
        <translation>历史来源(&amp;H)：</translation>
    </message>
    <message>
        <source>the chart&apos;s window</source>
        <translation>图表的时间窗口</translation>
    </message>
    <message>
        <source>History to fetch from the server with query_range when a chart opens, as a PromQL duration: 5m, 1h, 2d</source>
        <translation>图表打开时用 query_range 从服务器获取的历史，PromQL 时长格式：5m、1h、2d</translation>
    </message>
    <message>
        <source>about one point per pixel</source>
        <translation>约每像素一个点</translation>
    </message>
    <message>
        <source>The range query&apos;s step, as a PromQL duration: 1s, 15s, 1m</source>
        <translation>范围查询的步长，PromQL 时长格式：1s、15s、1m</translation>
    </message>
    <message>
        <source>&amp;History range:</source>
        <translation>历史范围(&amp;H)：</translation>
    </message>
    <message>
        <source>S&amp;tep:</source>
        <translation>步长(&amp;T)：</translation>
    </message>
    <message>
        <source>No MQTT connection is open. Open one (with &quot;Also subscribe to $SYS/#&quot;) and add this source again.</source>
        <translation>没有打开的 MQTT 连接。请打开一个连接（勾选“同时订阅 $SYS/#”），然后再次添加此来源。</translation>
    </message>
    <message>
        <source>C&amp;onnection:</source>
        <translation>连接(&amp;O)：</translation>
    </message>
</context>
<context>
    <name>tideline::AlertNotifier</name>
    <message>
        <source>Queue alert: %1</source>
        <translation>队列告警：%1</translation>
    </message>
    <message>
        <source>Tideline queue alerts</source>
        <translation>Tideline 队列告警</translation>
    </message>
</context>
<context>
    <name>tideline::AuditLogDialog</name>
    <message>
        <source>Scale audit log</source>
        <translation>扩缩容审计日志</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>试运行</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>No scale actions recorded yet in %1.</source>
        <translation>%1 中尚未记录任何扩缩容操作。</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) in %1, newest first.</source>
        <translation>
            <numerusform>%1 中共有 %n 项操作，最新的在前。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1 (no change)</source>
        <translation>%1 (无变化)</translation>
    </message>
</context>
<context>
    <name>tideline::BurstPublisher</name>
    <message>
        <source>No acknowledgement from the broker.</source>
        <translation>未收到代理的确认。</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>The connection is closed.</source>
        <translation>连接已关闭。</translation>
    </message>
</context>
<context>
    <name>tideline::ClusterView</name>
    <message>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>&amp;Scale…</source>
        <translation>扩缩容(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Link a queue…</source>
        <translation>关联队列(&amp;L)…</translation>
    </message>
    <message>
        <source>Say which queue or metric series the selected workload drains, to see both on one time axis</source>
        <translation>指定所选工作负载消费的是哪个队列或指标序列，以便在同一时间轴上同时查看两者</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <source>Every scale action taken from Tideline, with its dry run and outcome</source>
        <translation>通过 Tideline 执行的每一次扩缩容操作，及其试运行情况和结果</translation>
    </message>
    <message>
        <source>Context:</source>
        <translation>上下文:</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>命名空间:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Also show the replica and condition changes Tideline observed</source>
        <translation>同时显示 Tideline 观察到的副本数和状态条件变化</translation>
    </message>
    <message>
        <source>Scaling timeline</source>
        <translation>扩缩容时间线</translation>
    </message>
    <message>
        <source>ScaledObject</source>
        <translation>ScaledObject</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>触发器</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <source>HPA</source>
        <translation>HPA</translation>
    </message>
    <message>
        <source>KEDA</source>
        <translation>KEDA</translation>
    </message>
    <message>
        <source>context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <source>Select a workload with an HPA to preview its next scaling decision.</source>
        <translation>选择一个带有 HPA 的工作负载，以预览其下一次扩缩容决策。</translation>
    </message>
    <message>
        <source>⚠ TLS not verified</source>
        <translation>⚠ TLS 未验证</translation>
    </message>
    <message>
        <source>⚠ not encrypted</source>
        <translation>⚠ 未加密</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>%1
Also failing: %2</source>
        <translation>%1
同样失败的还有：%2</translation>
    </message>
    <message>
        <source>Loading namespace %1 from %2…</source>
        <translation>正在从 %2 加载命名空间 %1…</translation>
    </message>
    <message>
        <source>Live: namespace %1 on %2 · Deployments %3 · StatefulSets %4 · HPAs %5</source>
        <translation>实时：%2 上的命名空间 %1 · 部署 %3 · StatefulSet %4 · HPA %5</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>yes, at %1 replicas</source>
        <translation>是，固定在 %1 个副本</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>%1 (not found)</source>
        <translation>%1 (未找到)</translation>
    </message>
    <message>
        <source>%1 (desired %2)</source>
        <translation>%1 (期望 %2)</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>KEDA is installed, but namespace %1 has no ScaledObjects.</source>
        <translation>KEDA 已安装，但命名空间 %1 中没有 ScaledObject。</translation>
    </message>
    <message>
        <source>KEDA ScaledObjects in %1. KEDA drives each one through the HPA named in the last column.</source>
        <translation>%1 中的 KEDA ScaledObject。KEDA 通过最后一列中列出的 HPA 来驱动每个 ScaledObject。</translation>
    </message>
    <message>
        <source>No HPA targets %1: its replicas change only when someone scales it.</source>
        <translation>没有以 %1 为目标的 HPA：只有在有人手动扩缩容时，其副本数才会变化。</translation>
    </message>
    <message>
        <source>Scaling</source>
        <translation>扩缩容</translation>
    </message>
    <message>
        <source>Select a workload to see its replicas and scaling events over time.</source>
        <translation>选择一个工作负载，查看其副本数和扩缩容事件随时间的变化。</translation>
    </message>
    <message>
        <source>%1: replicas and scaling events</source>
        <translation>%1：副本与扩缩容事件</translation>
    </message>
    <message>
        <source>Depth of %1</source>
        <translation>%1 的队列深度</translation>
    </message>
    <message>
        <source>HPA desired</source>
        <translation>HPA 期望副本数</translation>
    </message>
    <message>
        <source>Ready replicas</source>
        <translation>就绪副本数</translation>
    </message>
    <message>
        <source>Desired replicas</source>
        <translation>期望副本数</translation>
    </message>
    <message>
        <source>Linked series not collected yet: %1. Add the metric source that reports it.</source>
        <translation>尚未采集关联的序列：%1。请添加提供该序列的指标源。</translation>
    </message>
    <message>
        <source>Link the queue this workload drains (Link a queue…) to see its depth on the same time axis.</source>
        <translation>关联此工作负载所消费的队列（关联队列…），即可在同一时间轴上查看其队列深度。</translation>
    </message>
    <message>
        <source>Drains %1.</source>
        <translation>消费 %1。</translation>
    </message>
    <message>
        <source>Cannot check whether you may scale %1: %2</source>
        <translation>无法检查您是否有权扩缩 %1：%2</translation>
    </message>
    <message>
        <source>no RBAC rule allows it</source>
        <translation>没有允许此操作的 RBAC 规则</translation>
    </message>
    <message>
        <source>You may not scale %1: patch on %2/scale in namespace %3 is not allowed (%4).</source>
        <translation>您无权扩缩 %1：不允许在命名空间 %3 中对 %2/scale 执行 patch（%4）。</translation>
    </message>
    <message>
        <source>Select a Deployment or StatefulSet to scale</source>
        <translation>选择要扩缩的部署（Deployment）或 StatefulSet</translation>
    </message>
    <message>
        <source>Checking whether you may scale %1…</source>
        <translation>正在检查您是否有权扩缩 %1…</translation>
    </message>
    <message>
        <source>Scale %1 (with a dry run first)</source>
        <translation>扩缩 %1（先执行试运行）</translation>
    </message>
    <message>
        <source>In (msg/s)</source>
        <translation>流入 (msg/s)</translation>
    </message>
    <message>
        <source>Out (msg/s)</source>
        <translation>流出 (msg/s)</translation>
    </message>
</context>
<context>
    <name>tideline::ClusterWorkspaceSection</name>
    <message>
        <source>Current context: %1</source>
        <translation>当前上下文：%1</translation>
    </message>
    <message>
        <source>Context &quot;%1&quot;: %2</source>
        <translation>上下文“%1”：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n cluster tab(s) of this workspace could not be reopened.</source>
        <translation>
            <numerusform>此工作区有 %n 个集群标签页无法重新打开。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cluster tabs not reopened</source>
        <translation>集群标签页未重新打开</translation>
    </message>
    <message>
        <source>They stay in the workspace: fix the kubeconfig and open the workspace again.</source>
        <translation>它们仍保留在工作区中：修复 kubeconfig 后再次打开工作区。</translation>
    </message>
</context>
<context>
    <name>tideline::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <source>Search commands and topics</source>
        <translation>搜索命令和主题</translation>
    </message>
    <message>
        <source>Type a command or a topic…</source>
        <translation>输入命令或主题…</translation>
    </message>
    <message>
        <source>Matching commands and topics</source>
        <translation>匹配的命令和主题</translation>
    </message>
    <message>
        <source>Nothing matches.</source>
        <translation>没有匹配项。</translation>
    </message>
</context>
<context>
    <name>tideline::ConnectionDialog</name>
    <message>
        <source>0 – at most once</source>
        <translation>0 – 最多一次</translation>
    </message>
    <message>
        <source>1 – at least once</source>
        <translation>1 – 至少一次</translation>
    </message>
    <message>
        <source>2 – exactly once</source>
        <translation>2 – 恰好一次</translation>
    </message>
    <message>
        <source>Connect to an MQTT broker</source>
        <translation>连接到 MQTT 代理</translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation>已保存的连接</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>New connection profile</source>
        <translation>新建连接配置</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected profile</source>
        <translation>删除所选配置</translation>
    </message>
    <message>
        <source>Connection settings</source>
        <translation>连接设置</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Last will</source>
        <translation>遗嘱消息</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>对话框按钮</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Connection name</source>
        <translation>连接名称</translation>
    </message>
    <message>
        <source>e.g. Production broker (host:port when empty)</source>
        <translation>例如：生产环境代理（留空时使用 host:port）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N):</translation>
    </message>
    <message>
        <source>Broker URL</source>
        <translation>代理 URL</translation>
    </message>
    <message>
        <source>mqtt:// or mqtts:// (TLS); ws:// or wss:// for WebSockets, e.g. ws://host:9001/mqtt</source>
        <translation>mqtt:// 或 mqtts://（TLS）；WebSocket 使用 ws:// 或 wss://，例如 ws://host:9001/mqtt</translation>
    </message>
    <message>
        <source>Broker &amp;URL:</source>
        <translation>代理 URL(&amp;U):</translation>
    </message>
    <message>
        <source>MQTT version</source>
        <translation>MQTT 版本</translation>
    </message>
    <message>
        <source>MQTT 5</source>
        <translation>MQTT 5</translation>
    </message>
    <message>
        <source>MQTT 3.1.1</source>
        <translation>MQTT 3.1.1</translation>
    </message>
    <message>
        <source>MQTT &amp;version:</source>
        <translation>MQTT 版本(&amp;V):</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <source>Generated when empty (tideline-…)</source>
        <translation>留空时自动生成（tideline-…）</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>客户端 ID(&amp;C):</translation>
    </message>
    <message>
        <source>Clean start (discard any previous session)</source>
        <translation>全新开始（丢弃之前的任何会话）</translation>
    </message>
    <message>
        <source>Clean start</source>
        <translation>全新开始</translation>
    </message>
    <message>
        <source>Session expiry</source>
        <translation>会话过期时间</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>0 (session ends with the connection)</source>
        <translation>0（会话随连接结束）</translation>
    </message>
    <message>
        <source>MQTT 5 only: how long the broker keeps the session (subscriptions and queued QoS 1/2 messages) after a disconnect.</source>
        <translation>仅限 MQTT 5：断开连接后代理保留会话（订阅及排队的 QoS 1/2 消息）的时长。</translation>
    </message>
    <message>
        <source>Session &amp;expiry:</source>
        <translation>会话过期时间(&amp;E):</translation>
    </message>
    <message>
        <source>Keep-alive</source>
        <translation>保活时间</translation>
    </message>
    <message>
        <source>&amp;Keep-alive:</source>
        <translation>保活时间(&amp;K):</translation>
    </message>
    <message>
        <source>Reconnect automatically (with back-off)</source>
        <translation>自动重连（带退避）</translation>
    </message>
    <message>
        <source>Reconnect automatically</source>
        <translation>自动重连</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>User&amp;name:</source>
        <translation>用户名(&amp;N):</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P):</translation>
    </message>
    <message>
        <source>Remember password in the system keychain</source>
        <translation>在系统钥匙串中记住密码</translation>
    </message>
    <message>
        <source>Remember password</source>
        <translation>记住密码</translation>
    </message>
    <message>
        <source>Stored only in the operating system&apos;s keychain, never in Tideline&apos;s settings. The TLS key passphrase is remembered the same way.</source>
        <translation>仅保存在操作系统的钥匙串中，绝不会保存在 Tideline 的设置里。TLS 密钥口令也以同样方式记住。</translation>
    </message>
    <message>
        <source>These settings apply to mqtts:// and wss:// URLs.</source>
        <translation>这些设置适用于 mqtts:// 和 wss:// URL。</translation>
    </message>
    <message>
        <source>TLS note</source>
        <translation>TLS 说明</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose %1</source>
        <translation>选择 %1</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <source>CA &amp;file:</source>
        <translation>CA 文件(&amp;F):</translation>
    </message>
    <message>
        <source>System trust store</source>
        <translation>系统信任存储</translation>
    </message>
    <message>
        <source>Client certificate file</source>
        <translation>客户端证书文件</translation>
    </message>
    <message>
        <source>Client &amp;certificate:</source>
        <translation>客户端证书(&amp;C):</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Client key file</source>
        <translation>客户端密钥文件</translation>
    </message>
    <message>
        <source>Client &amp;key:</source>
        <translation>客户端密钥(&amp;K):</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>密钥口令</translation>
    </message>
    <message>
        <source>Key &amp;passphrase:</source>
        <translation>密钥口令(&amp;P):</translation>
    </message>
    <message>
        <source>&amp;Verify server certificate</source>
        <translation>验证服务器证书(&amp;V)</translation>
    </message>
    <message>
        <source>Verify server certificate</source>
        <translation>验证服务器证书</translation>
    </message>
    <message>
        <source>⚠ The server certificate will NOT be verified. Anyone between you and the broker can read and alter this connection. Use this only for a test broker.</source>
        <translation>⚠ 将不会验证服务器证书。您与代理之间的任何人都可以读取和篡改此连接。请仅对测试代理使用此选项。</translation>
    </message>
    <message>
        <source>Certificate verification warning</source>
        <translation>证书验证警告</translation>
    </message>
    <message>
        <source>Publish a last will when this client vanishes</source>
        <translation>当此客户端意外断开时发布遗嘱消息</translation>
    </message>
    <message>
        <source>Last will topic</source>
        <translation>遗嘱主题</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>主题(&amp;T):</translation>
    </message>
    <message>
        <source>Last will payload</source>
        <translation>遗嘱载荷</translation>
    </message>
    <message>
        <source>&amp;Payload:</source>
        <translation>载荷(&amp;P):</translation>
    </message>
    <message>
        <source>Last will QoS</source>
        <translation>遗嘱 QoS</translation>
    </message>
    <message>
        <source>&amp;QoS:</source>
        <translation>&amp;QoS:</translation>
    </message>
    <message>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Retain last will</source>
        <translation>保留遗嘱消息</translation>
    </message>
    <message>
        <source>Topic filters to subscribe to after connecting. + matches one level, # the rest, e.g. shop/+/orders/#</source>
        <translation>连接后要订阅的主题过滤器。+ 匹配一个层级，# 匹配其余所有层级，例如 shop/+/orders/#</translation>
    </message>
    <message>
        <source>Topic filter</source>
        <translation>主题过滤器</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add subscription</source>
        <translation>添加订阅</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove subscription</source>
        <translation>移除订阅</translation>
    </message>
    <message>
        <source>Also subscribe to $SYS/# for broker statistics</source>
        <translation>同时订阅 $SYS/# 以获取代理统计信息</translation>
    </message>
    <message>
        <source>Subscribe to broker statistics</source>
        <translation>订阅代理统计信息</translation>
    </message>
    <message>
        <source>QoS for subscription %1</source>
        <translation>订阅 %1 的 QoS</translation>
    </message>
    <message>
        <source>+ New connection</source>
        <translation>+ 新建连接</translation>
    </message>
    <message>
        <source>Delete connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Delete the saved connection “%1” and its stored secrets?</source>
        <translation>删除已保存的连接“%1”及其存储的机密信息？</translation>
    </message>
    <message>
        <source>Stored in the keychain – leave empty to keep it</source>
        <translation>已存储在钥匙串中 – 留空则保持不变</translation>
    </message>
    <message>
        <source>Enter the broker URL, e.g. mqtt://127.0.0.1:1883.</source>
        <translation>请输入代理 URL，例如 mqtt://127.0.0.1:1883。</translation>
    </message>
    <message>
        <source>Clean session (discard any previous session)</source>
        <translation>清除会话（丢弃之前的任何会话）</translation>
    </message>
    <message>
        <source>Type a topic filter or remove this row.</source>
        <translation>请输入主题过滤器，或移除此行。</translation>
    </message>
    <message>
        <source>Could not update the password in the keychain: %1</source>
        <translation>无法更新钥匙串中的密码：%1</translation>
    </message>
    <message>
        <source>Could not update the key passphrase in the keychain: %1</source>
        <translation>无法更新钥匙串中的密钥口令：%1</translation>
    </message>
</context>
<context>
    <name>tideline::ConnectionView</name>
    <message>
        <source>Connection state</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>⚠ Server certificate NOT verified</source>
        <translation>⚠ 服务器证书未经验证</translation>
    </message>
    <message>
        <source>Server certificate not verified</source>
        <translation>服务器证书未经验证</translation>
    </message>
    <message>
        <source>Certificate verification is turned off for this connection: the broker&apos;s identity is not checked.</source>
        <translation>此连接已关闭证书验证：不会检查代理的身份。</translation>
    </message>
    <message>
        <source>Filter topics</source>
        <translation>筛选主题</translation>
    </message>
    <message>
        <source>Filter topics: text or MQTT wildcard, e.g. sensors/+/temp</source>
        <translation>筛选主题：文本或 MQTT 通配符，例如 sensors/+/temp</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Selected topic</source>
        <translation>所选主题</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>主题:</translation>
    </message>
    <message>
        <source>Messages:</source>
        <translation>消息数:</translation>
    </message>
    <message>
        <source>Rate:</source>
        <translation>速率:</translation>
    </message>
    <message>
        <source>Last update:</source>
        <translation>最后更新:</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>过滤器</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Topic filter to subscribe to</source>
        <translation>要订阅的主题过滤器</translation>
    </message>
    <message>
        <source>Topic filter, e.g. shop/+/orders/#</source>
        <translation>主题过滤器，例如 shop/+/orders/#</translation>
    </message>
    <message>
        <source>QoS for the new subscription</source>
        <translation>新订阅的 QoS</translation>
    </message>
    <message>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>订阅</translation>
    </message>
    <message>
        <source>Unsubscribe selected</source>
        <translation>取消订阅所选项</translation>
    </message>
    <message>
        <source>Broker statistics ($SYS)</source>
        <translation>代理统计信息（$SYS）</translation>
    </message>
    <message>
        <source>Broker statistics</source>
        <translation>代理统计信息</translation>
    </message>
    <message>
        <source>Failed: could not read the password from the keychain: %1</source>
        <translation>失败：无法从钥匙串读取密码：%1</translation>
    </message>
    <message>
        <source>Failed: could not read the key passphrase from the keychain: %1</source>
        <translation>失败：无法从钥匙串读取密钥口令：%1</translation>
    </message>
    <message>
        <source>Reading secrets from the keychain…</source>
        <translation>正在从钥匙串读取机密信息…</translation>
    </message>
    <message>
        <source>active, QoS %1</source>
        <translation>已生效，QoS %1</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>after connect</source>
        <translation>连接后</translation>
    </message>
    <message>
        <source>broker statistics</source>
        <translation>代理统计信息</translation>
    </message>
    <message>
        <source>Topic filter</source>
        <translation>主题过滤器</translation>
    </message>
    <message>
        <source>e.g. shop/+/orders/#</source>
        <translation>例如 shop/+/orders/#</translation>
    </message>
    <message>
        <source>0 – at most once</source>
        <translation>0 – 最多一次</translation>
    </message>
    <message>
        <source>1 – at least once</source>
        <translation>1 – 至少一次</translation>
    </message>
    <message>
        <source>2 – exactly once</source>
        <translation>2 – 恰好一次</translation>
    </message>
    <message>
        <source>Topic &amp;filter:</source>
        <translation>主题过滤器(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;QoS:</source>
        <translation>&amp;QoS:</translation>
    </message>
    <message>
        <source>no matching topics</source>
        <translation>没有匹配的主题</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>未加密</translation>
    </message>
    <message>
        <source>%1  ·  %2</source>
        <translation>%1  ·  %2</translation>
    </message>
    <message>
        <source>%1  ·  %2  ·  client id %3</source>
        <translation>%1  ·  %2  ·  客户端 ID %3</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>No topic selected</source>
        <translation>未选择主题</translation>
    </message>
    <message>
        <source>%1 on this topic, %2 with subtopics</source>
        <translation>本主题 %1，含子主题共 %2</translation>
    </message>
    <message>
        <source>%1 in subtopics (none on this exact topic)</source>
        <translation>子主题中 %1（此主题本身没有）</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 msg/s</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1（%2 前）</translation>
    </message>
    <message>
        <source>Not subscribed to $SYS/#. Turn on &quot;Also subscribe to $SYS/#&quot; in the connection settings to see broker statistics.</source>
        <translation>未订阅 $SYS/#。请在连接设置中开启“同时订阅 $SYS/# 以获取代理统计信息”，以查看代理统计信息。</translation>
    </message>
    <message>
        <source>Broker statistics appear once connected.</source>
        <translation>连接后将显示代理统计信息。</translation>
    </message>
    <message>
        <source>Waiting for $SYS statistics…</source>
        <translation>正在等待 $SYS 统计信息…</translation>
    </message>
    <message>
        <source>This broker publishes no $SYS statistics</source>
        <translation>此代理不发布 $SYS 统计信息</translation>
    </message>
</context>
<context>
    <name>tideline::CredentialStore</name>
    <message>
        <source>A keychain entry needs a non-empty name.</source>
        <translation>钥匙串条目的名称不能为空。</translation>
    </message>
    <message>
        <source>No secret is stored in the OS keychain for “%1”.</source>
        <translation>操作系统钥匙串中没有为“%1”存储机密信息。</translation>
    </message>
    <message>
        <source>The OS keychain refused access to “%1”. Unlock the keychain (or allow Tideline to use it) and try again.</source>
        <translation>操作系统钥匙串拒绝访问“%1”。请解锁钥匙串（或允许 Tideline 使用它）后重试。</translation>
    </message>
    <message>
        <source>The OS keychain could not delete “%1” (%2).</source>
        <translation>操作系统钥匙串无法删除“%1”（%2）。</translation>
    </message>
    <message>
        <source>The OS keychain is locked or refused access, and no unlock prompt could be shown. Unlock (or create) your login keyring, for example in “Passwords and Keys”, then try again.</source>
        <translation>操作系统钥匙串已锁定或拒绝访问，且无法显示解锁提示。请解锁（或创建）您的登录密钥环（例如在“密码和密钥”中），然后重试。</translation>
    </message>
    <message>
        <source>The OS keychain reported an error for “%1” (%2).</source>
        <translation>操作系统钥匙串报告了与“%1”相关的错误（%2）。</translation>
    </message>
    <message>
        <source>Internal error: the keychain was used from the wrong thread.</source>
        <translation>内部错误：在错误的线程中使用了钥匙串。</translation>
    </message>
    <message numerus="yes">
        <source>The OS keychain did not answer within %n second(s). It may be waiting for you to unlock it.</source>
        <translation>
            <numerusform>操作系统钥匙串在 %n 秒内没有响应。它可能正在等待您解锁。</numerusform>
        </translation>
    </message>
    <message>
        <source>The OS keychain is not available, so Tideline cannot store or read passwords. A Secret Service must be running in your desktop session&apos;s D-Bus (for example GNOME Keyring, KWallet with its Secret Service interface, or KeePassXC with Secret Service integration enabled). Start and unlock one, then try again.</source>
        <translation>操作系统钥匙串不可用，因此 Tideline 无法存储或读取密码。您的桌面会话的 D-Bus 中必须运行一个 Secret Service（例如 GNOME Keyring、启用了 Secret Service 接口的 KWallet，或启用了 Secret Service 集成的 KeePassXC）。请启动并解锁其中之一，然后重试。</translation>
    </message>
    <message>
        <source>The OS keychain is not available, so Tideline cannot store or read passwords. Make sure the system credential store is enabled for your account, then try again.</source>
        <translation>操作系统钥匙串不可用，因此 Tideline 无法存储或读取密码。请确保已为您的账户启用系统凭据存储，然后重试。</translation>
    </message>
</context>
<context>
    <name>tideline::DemoSession</name>
    <message>
        <source>Demo: %1</source>
        <translation>演示：%1</translation>
    </message>
    <message>
        <source>Demo shop (mosquitto)</source>
        <translation>演示商店（mosquitto）</translation>
    </message>
    <message>
        <source>A local Kubernetes API endpoint run by Tideline&apos;s demo, not a real cluster. kubectl works with %1</source>
        <translation>由 Tideline 演示运行的本地 Kubernetes API 端点，并非真实集群。kubectl 可配合 %1 使用</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Part of the demo could not start; the rest runs.

%1</source>
        <translation>部分演示无法启动；其余部分正常运行。

%1</translation>
    </message>
    <message>
        <source>Demo cluster</source>
        <translation>演示集群</translation>
    </message>
</context>
<context>
    <name>tideline::FieldTreeModel</name>
    <message>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>tideline::HistoryStore</name>
    <message>
        <source>No history database is open.</source>
        <translation>未打开历史数据库。</translation>
    </message>
    <message>
        <source>The history file %1 is damaged or is not a database. Move it away to start a new history, or restore a backup.</source>
        <translation>历史文件 %1 已损坏或不是数据库。请将其移走以开始新的历史记录，或从备份恢复。</translation>
    </message>
    <message>
        <source>The history file %1 cannot be written: the file or its folder is read-only.</source>
        <translation>无法写入历史文件 %1：该文件或其所在文件夹为只读。</translation>
    </message>
    <message>
        <source>Cannot open the history file %1: check that its folder exists and is writable.</source>
        <translation>无法打开历史文件 %1：请检查其所在文件夹是否存在且可写。</translation>
    </message>
    <message>
        <source>The disk holding %1 is full: history is not being saved.</source>
        <translation>%1 所在的磁盘已满：历史记录未被保存。</translation>
    </message>
    <message>
        <source>The history file %1 is locked by another program.</source>
        <translation>历史文件 %1 已被其他程序锁定。</translation>
    </message>
    <message>
        <source>The history file %1 could not be used.</source>
        <translation>无法使用历史文件 %1。</translation>
    </message>
    <message>
        <source>Cannot create the folder for the history file %1.</source>
        <translation>无法为历史文件 %1 创建文件夹。</translation>
    </message>
    <message>
        <source>%1 is a folder, not a history file.</source>
        <translation>%1 是文件夹，而不是历史文件。</translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not a Tideline history. Choose another file.</source>
        <translation>%1 是 SQLite 数据库，但不是 Tideline 历史文件。请选择其他文件。</translation>
    </message>
    <message>
        <source>The history file %1 was written by a newer Tideline (format %2).</source>
        <translation>历史文件 %1 由更新版本的 Tideline 写入（格式 %2）。</translation>
    </message>
    <message>
        <source>No file was given for the history.</source>
        <translation>未指定历史文件。</translation>
    </message>
</context>
<context>
    <name>tideline::HpaPanel</name>
    <message>
        <source>Select a workload to see its autoscaler.</source>
        <translation>选择一个工作负载以查看其自动扩缩器。</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Ratio</source>
        <translation>比率</translation>
    </message>
    <message>
        <source>Each metric the HPA scales on: the controller&apos;s last reading against the target. The ratio current/target times the ready pods is that metric&apos;s proposal.</source>
        <translation>HPA 据以扩缩的每个指标：控制器最近一次读数与目标值的对比。当前值/目标值的比率乘以就绪 Pod 数，即为该指标建议的副本数。</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>状况</translation>
    </message>
    <message>
        <source>Behavior</source>
        <translation>行为</translation>
    </message>
    <message>
        <source>No HorizontalPodAutoscaler targets %1.

Its replicas change only when someone scales it.</source>
        <translation>没有以 %1 为目标的 HorizontalPodAutoscaler。

只有在有人手动扩缩时，其副本数才会变化。</translation>
    </message>
    <message>
        <source>HPA %1 → %2</source>
        <translation>HPA %1 → %2</translation>
    </message>
    <message>
        <source>%1 (%2 ago)</source>
        <translation>%1（%2 前）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Bounds</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>min %1, max %2</source>
        <translation>最小 %1，最大 %2</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>current %1, desired %2</source>
        <translation>当前 %1，期望 %2</translation>
    </message>
    <message>
        <source>Last scale</source>
        <translation>上次扩缩</translation>
    </message>
    <message>
        <source>&lt;unknown&gt;</source>
        <translation>&lt;未知&gt;</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>%1
since %2</source>
        <translation>%1
自 %2 起</translation>
    </message>
</context>
<context>
    <name>tideline::HpaPreviewPanel</name>
    <message>
        <source>Select a workload with an HPA to preview its next scaling decision.</source>
        <translation>选择一个带有 HPA 的工作负载，以预览其下一次扩缩决策。</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Next sync</source>
        <translation>下次同步</translation>
    </message>
    <message>
        <source>Eventually</source>
        <translation>最终</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>假设</translation>
    </message>
    <message>
        <source>What-if metric</source>
        <translation>假设指标</translation>
    </message>
    <message>
        <source>What-if metric value</source>
        <translation>假设指标值</translation>
    </message>
    <message>
        <source>Drag to see what the HPA would do if the metric read this value</source>
        <translation>拖动以查看指标读数为该值时 HPA 会如何操作</translation>
    </message>
    <message>
        <source>Back to live</source>
        <translation>返回实时</translation>
    </message>
    <message>
        <source>Use the controller&apos;s current reading again</source>
        <translation>重新使用控制器的当前读数</translation>
    </message>
    <message>
        <source>Predicted replicas if the load stays as it is</source>
        <translation>负载保持不变时的预测副本数</translation>
    </message>
    <message>
        <source>Predicted replicas</source>
        <translation>预测副本数</translation>
    </message>
    <message>
        <source>maxReplicas</source>
        <translation>maxReplicas</translation>
    </message>
    <message>
        <source>minReplicas</source>
        <translation>minReplicas</translation>
    </message>
    <message>
        <source>replicas</source>
        <translation>副本</translation>
    </message>
    <message>
        <source>replicas, %1 ready</source>
        <translation>副本，%1 个就绪</translation>
    </message>
    <message>
        <source>no change at the next sync</source>
        <translation>下次同步时无变化</translation>
    </message>
    <message>
        <source>at the next sync (within 15 s)</source>
        <translation>在下次同步时（15 s 内）</translation>
    </message>
    <message>
        <source>autoscaling is not active</source>
        <translation>自动扩缩未启用</translation>
    </message>
    <message>
        <source>still moving at %1</source>
        <translation>在 %1 时仍在变化</translation>
    </message>
    <message>
        <source>stays while the load holds</source>
        <translation>负载不变时保持不变</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>在 %1 之前</translation>
    </message>
    <message>
        <source>Every metric proposes the current count: nothing to do.</source>
        <translation>每个指标建议的都是当前副本数：无需操作。</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>no reading</source>
        <translation>无读数</translation>
    </message>
    <message>
        <source>If %1 read %2 (live: %3; target %4)</source>
        <translation>如果 %1 的读数为 %2（实时：%3；目标 %4）</translation>
    </message>
    <message>
        <source>Live reading of %1: %2 (target %3). Drag the slider to try another value.</source>
        <translation>%1 的实时读数：%2（目标 %3）。拖动滑块可尝试其他值。</translation>
    </message>
    <message>
        <source>This HPA has no metrics.</source>
        <translation>此 HPA 没有指标。</translation>
    </message>
</context>
<context>
    <name>tideline::KubeWorkloadModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 (%2–%3)</source>
        <translation>%1（%2–%3）</translation>
    </message>
    <message>
        <source>HPA %1: %2</source>
        <translation>HPA %1：%2</translation>
    </message>
    <message>
        <source>%1 of %2 desired replicas ready</source>
        <translation>%2 个期望副本中 %1 个已就绪</translation>
    </message>
    <message>
        <source>%1 %2 in namespace %3</source>
        <translation>命名空间 %3 中的 %1 %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Desired</source>
        <translation>期望</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Autoscaler</source>
        <translation>自动扩缩器</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>存在时长</translation>
    </message>
    <message>
        <source>spec.replicas: what the workload is asked to run</source>
        <translation>spec.replicas：要求该工作负载运行的副本数</translation>
    </message>
    <message>
        <source>status.updatedReplicas: replicas on the current template</source>
        <translation>status.updatedReplicas：使用当前模板的副本数</translation>
    </message>
    <message>
        <source>status.readyReplicas of spec.replicas</source>
        <translation>spec.replicas 中的 status.readyReplicas</translation>
    </message>
    <message>
        <source>status.availableReplicas: ready for at least minReadySeconds</source>
        <translation>status.availableReplicas：已就绪至少 minReadySeconds 的副本数</translation>
    </message>
    <message>
        <source>The HorizontalPodAutoscaler that targets the workload, with its bounds</source>
        <translation>以该工作负载为目标的 HorizontalPodAutoscaler 及其范围</translation>
    </message>
</context>
<context>
    <name>tideline::MainWindow</name>
    <message>
        <source>Tideline</source>
        <translation>Tideline</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>&amp;New connection…</source>
        <translation>新建连接(&amp;N)…</translation>
    </message>
    <message>
        <source>Open a connection to an MQTT broker</source>
        <translation>打开到 MQTT 代理的连接</translation>
    </message>
    <message>
        <source>Add a &amp;cluster from kubeconfig…</source>
        <translation>从 kubeconfig 添加集群(&amp;C)…</translation>
    </message>
    <message>
        <source>Open a Kubernetes cluster context: workloads, autoscalers and scaling events</source>
        <translation>打开 Kubernetes 集群上下文：工作负载、自动扩缩器和扩缩容事件</translation>
    </message>
    <message>
        <source>&amp;Close connection</source>
        <translation>关闭连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>&amp;Subscribe…</source>
        <translation>订阅(&amp;S)…</translation>
    </message>
    <message>
        <source>Subscribe the current connection to another topic filter</source>
        <translation>为当前连接订阅另一个主题过滤器</translation>
    </message>
    <message>
        <source>&amp;Subscriptions panel</source>
        <translation>订阅面板(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Broker statistics panel</source>
        <translation>代理统计信息面板(&amp;B)</translation>
    </message>
    <message>
        <source>Topic &amp;details panel</source>
        <translation>主题详情面板(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Publish panel</source>
        <translation>发布面板(&amp;P)</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>Show the panel for publishing test messages, templates and bursts</source>
        <translation>显示用于发布测试消息、模板和突发消息的面板</translation>
    </message>
    <message>
        <source>Status &amp;bar</source>
        <translation>状态栏(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;About Tideline</source>
        <translation>关于 Tideline(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Command palette…</source>
        <translation>命令面板(&amp;C)…</translation>
    </message>
    <message>
        <source>Find any command, or jump to a topic</source>
        <translation>查找任意命令，或跳转到某个主题</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Connection</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Connection state</source>
        <translation>连接状态</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Messages received</source>
        <translation>已接收消息</translation>
    </message>
    <message>
        <source>Message rate</source>
        <translation>消息速率</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Message history memory</source>
        <translation>消息历史内存</translation>
    </message>
    <message>
        <source>Message history kept in memory for this connection, and its budget. Past the budget the oldest history goes first; counts and last values stay exact.</source>
        <translation>此连接在内存中保留的消息历史及其预算。超出预算时最先丢弃最旧的历史；计数和最新值仍保持精确。</translation>
    </message>
    <message>
        <source>Cannot open the cluster</source>
        <translation>无法打开集群</translation>
    </message>
    <message>
        <source>Add a cluster from kubeconfig</source>
        <translation>从 kubeconfig 添加集群</translation>
    </message>
    <message>
        <source>Kubeconfig files (*config* *.yaml *.yml);;All files (*)</source>
        <translation>Kubeconfig 文件 (*config* *.yaml *.yml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1[*] – %2 – Tideline</source>
        <translation>%1[*] – %2 – Tideline</translation>
    </message>
    <message>
        <source>%1[*] – Tideline</source>
        <translation>%1[*] – Tideline</translation>
    </message>
    <message>
        <source>Tideline[*]</source>
        <translation>Tideline[*]</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>断开连接</translation>
    </message>
    <message>
        <source>Disconnect from the broker (stop reconnecting)</source>
        <translation>断开与代理的连接（停止重连）</translation>
    </message>
    <message>
        <source>Connect to the broker</source>
        <translation>连接到代理</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>无连接</translation>
    </message>
    <message>
        <source>Messages: %1</source>
        <translation>消息：%1</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 msg/s</translation>
    </message>
    <message>
        <source>Topics: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <source>History: %1 / %2</source>
        <translation>历史：%1 / %2</translation>
    </message>
    <message>
        <source>⚠ history trimmed: oldest messages dropped</source>
        <translation>⚠ 历史已裁剪：已丢弃最旧的消息</translation>
    </message>
    <message>
        <source>⚠ %1 messages shed under load (counts still exact)</source>
        <translation>⚠ 高负载下已丢弃 %1 条消息（计数仍然精确）</translation>
    </message>
    <message>
        <source>About Tideline</source>
        <translation>关于 Tideline</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Tideline %1&lt;/h3&gt;&lt;p&gt;A desktop console for queue-based systems: live MQTT topics, payloads, queue depth and Kubernetes scaling.&lt;/p&gt;&lt;p&gt;Qt %2 (built with %3)&lt;br/&gt;Eclipse Paho MQTT C++ %4, Paho MQTT C %5&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Tideline %1&lt;/h3&gt;&lt;p&gt;面向基于队列的系统的桌面控制台：实时 MQTT 主题、载荷、队列深度和 Kubernetes 扩缩容。&lt;/p&gt;&lt;p&gt;Qt %2（使用 %3 构建）&lt;br/&gt;Eclipse Paho MQTT C++ %4，Paho MQTT C %5&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Publishing waits until the broker answers</source>
        <translation>发布需等待代理应答</translation>
    </message>
    <message>
        <source>Publishing needs a connected broker: connect this connection first</source>
        <translation>发布需要已连接的代理：请先连接此连接</translation>
    </message>
    <message>
        <source>Publishing needs an MQTT connection: open one first</source>
        <translation>发布需要 MQTT 连接：请先打开一个</translation>
    </message>
</context>
<context>
    <name>tideline::MessageHistoryModel</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>保留消息</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
</context>
<context>
    <name>tideline::MessageReplayer</name>
    <message>
        <source>The speed must be a number greater than 0.</source>
        <translation>速度必须是大于 0 的数字。</translation>
    </message>
    <message>
        <source>The rate must be a number of messages per second greater than 0.</source>
        <translation>速率必须是大于 0 的每秒消息数。</translation>
    </message>
    <message>
        <source>The new topic prefix must not contain + or #.</source>
        <translation>新的主题前缀不能包含 + 或 #。</translation>
    </message>
</context>
<context>
    <name>tideline::MetricAlertModel</name>
    <message>
        <source>%1 of %2 above %3 for %4 (peak %5)</source>
        <translation>%2 的 %1 持续 %4 高于 %3（峰值 %5）</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>&gt; %1 for %2</source>
        <translation>&gt; %1 持续 %2</translation>
    </message>
    <message>
        <source>active</source>
        <translation>活动中</translation>
    </message>
    <message>
        <source>cleared at %1</source>
        <translation>已于 %1 解除</translation>
    </message>
    <message>
        <source>Fired</source>
        <translation>触发时间</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>tideline::MetricSource</name>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>故障</translation>
    </message>
</context>
<context>
    <name>tideline::MetricsDashboard</name>
    <message>
        <source>Depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Unacked</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>In (msg/s)</source>
        <translation>流入 (msg/s)</translation>
    </message>
    <message>
        <source>Out (msg/s)</source>
        <translation>流出 (msg/s)</translation>
    </message>
    <message>
        <source>RabbitMQ %1 (%2 on %3)</source>
        <translation>RabbitMQ %1（%3 上的 %2）</translation>
    </message>
    <message>
        <source>RabbitMQ %1</source>
        <translation>RabbitMQ %1</translation>
    </message>
    <message>
        <source>Metrics %1</source>
        <translation>指标 %1</translation>
    </message>
    <message>
        <source>Metrics %1 (%2)</source>
        <translation>指标 %1（%2）</translation>
    </message>
    <message>
        <source>Prometheus %1: %2</source>
        <translation>Prometheus %1：%2</translation>
    </message>
    <message>
        <source>Enter an http:// or https:// URL with a host name.</source>
        <translation>请输入包含主机名的 http:// 或 https:// URL。</translation>
    </message>
    <message>
        <source>Enter the RabbitMQ user name.</source>
        <translation>请输入 RabbitMQ 用户名。</translation>
    </message>
    <message>
        <source>Enter a PromQL expression.</source>
        <translation>请输入 PromQL 表达式。</translation>
    </message>
    <message>
        <source>The interval is too short.</source>
        <translation>间隔太短。</translation>
    </message>
    <message>
        <source>&amp;Add source…</source>
        <translation>添加数据源(&amp;A)…</translation>
    </message>
    <message>
        <source>Read queue depth from RabbitMQ&apos;s management API, a /metrics endpoint or Prometheus</source>
        <translation>从 RabbitMQ 管理 API、/metrics 端点或 Prometheus 读取队列深度</translation>
    </message>
    <message>
        <source>&amp;Remove source</source>
        <translation>移除数据源(&amp;R)</translation>
    </message>
    <message>
        <source>Metric sources</source>
        <translation>指标源</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No metric source yet. Add RabbitMQ&apos;s management API, a Prometheus /metrics endpoint or a Prometheus server to chart queue depth over time.</source>
        <translation>尚无指标源。请添加 RabbitMQ 管理 API、Prometheus /metrics 端点或 Prometheus 服务器，以绘制队列深度随时间变化的图表。</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>告警</translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s)</source>
        <translation>
            <numerusform>%n 个活动告警</numerusform>
        </translation>
    </message>
    <message>
        <source>The password is kept for this session only: %1</source>
        <translation>密码仅在本次会话中保留：%1</translation>
    </message>
    <message>
        <source>no password: %1</source>
        <translation>无密码：%1</translation>
    </message>
    <message>
        <source>failing: %1</source>
        <translation>故障：%1</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Waiting for the first figures from the sources…</source>
        <translation>正在等待数据源的首批数据…</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>Alert at %1: %2</source>
        <translation>%1 告警：%2</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>历史：%1</translation>
    </message>
    <message>
        <source>Queue depth</source>
        <translation>队列深度</translation>
    </message>
    <message>
        <source>&amp;Queue depth</source>
        <translation>队列深度(&amp;Q)</translation>
    </message>
    <message>
        <source>A saved source was skipped: %1</source>
        <translation>已跳过一个已保存的数据源：%1</translation>
    </message>
    <message>
        <source>Stored messages</source>
        <translation>已存储消息</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Received (total)</source>
        <translation>已接收（总计）</translation>
    </message>
    <message>
        <source>Sent (total)</source>
        <translation>已发送（总计）</translation>
    </message>
    <message>
        <source>MQTT $SYS %1</source>
        <translation>MQTT $SYS %1</translation>
    </message>
    <message>
        <source>Open an MQTT connection first: its $SYS statistics are read from there.</source>
        <translation>请先打开 MQTT 连接：$SYS 统计从该连接读取。</translation>
    </message>
    <message>
        <source>Enter the history server as an http:// or https:// URL, or leave it empty.</source>
        <translation>请将历史服务器填写为 http:// 或 https:// URL，或留空。</translation>
    </message>
    <message>
        <source>Enter the history range as a duration such as 5m, 1h or 2d.</source>
        <translation>请将历史范围填写为时长，例如 5m、1h 或 2d。</translation>
    </message>
    <message>
        <source>Enter the step as a duration such as 1s or 15s.</source>
        <translation>请将步长填写为时长，例如 1s 或 15s。</translation>
    </message>
    <message>
        <source>history: Prometheus failed</source>
        <translation>历史：Prometheus 失败</translation>
    </message>
    <message>
        <source>history: Prometheus</source>
        <translation>历史：Prometheus</translation>
    </message>
    <message numerus="yes">
        <source>%n point(s) from %1 (query_range, step %2 s)</source>
        <translation>
            <numerusform>来自 %1 的 %n 个点（query_range，步长 %2 秒）</numerusform>
        </translation>
    </message>
    <message>
        <source>history: Prometheus…</source>
        <translation>历史：Prometheus…</translation>
    </message>
    <message>
        <source>Asking %1 for the window&apos;s history</source>
        <translation>正在向 %1 请求该窗口的历史</translation>
    </message>
    <message>
        <source>history: local store</source>
        <translation>历史：本地存储</translation>
    </message>
    <message>
        <source>Points from before this session come from Tideline&apos;s own history file</source>
        <translation>本次会话之前的点来自 Tideline 自己的历史文件</translation>
    </message>
</context>
<context>
    <name>tideline::MqttConnection</name>
    <message>
        <source>no answer within %1 s</source>
        <translation>%1 s 内无应答</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid topic name: it must not be empty or contain + or #.</source>
        <translation>“%1”不是有效的主题名称：主题名称不能为空，也不能包含 + 或 #。</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开连接</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>%n s 后重新连接</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>正在重新连接</translation>
    </message>
    <message>
        <source>unspecified error</source>
        <translation>未指定的错误</translation>
    </message>
    <message>
        <source>malformed packet</source>
        <translation>报文格式错误</translation>
    </message>
    <message>
        <source>protocol error</source>
        <translation>协议错误</translation>
    </message>
    <message>
        <source>implementation-specific error</source>
        <translation>特定于实现的错误</translation>
    </message>
    <message>
        <source>unsupported protocol version</source>
        <translation>不支持的协议版本</translation>
    </message>
    <message>
        <source>client ID not valid</source>
        <translation>客户端 ID 无效</translation>
    </message>
    <message>
        <source>bad username or password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <source>not authorised</source>
        <translation>未授权</translation>
    </message>
    <message>
        <source>server unavailable</source>
        <translation>服务器不可用</translation>
    </message>
    <message>
        <source>server busy</source>
        <translation>服务器繁忙</translation>
    </message>
    <message>
        <source>banned</source>
        <translation>已被禁止</translation>
    </message>
    <message>
        <source>server shutting down</source>
        <translation>服务器正在关闭</translation>
    </message>
    <message>
        <source>bad authentication method</source>
        <translation>认证方法错误</translation>
    </message>
    <message>
        <source>keep-alive timeout</source>
        <translation>保活超时</translation>
    </message>
    <message>
        <source>session taken over</source>
        <translation>会话被接管</translation>
    </message>
    <message>
        <source>topic filter invalid</source>
        <translation>主题过滤器无效</translation>
    </message>
    <message>
        <source>topic name invalid</source>
        <translation>主题名称无效</translation>
    </message>
    <message>
        <source>packet identifier in use</source>
        <translation>报文标识符已被使用</translation>
    </message>
    <message>
        <source>packet identifier not found</source>
        <translation>未找到报文标识符</translation>
    </message>
    <message>
        <source>receive maximum exceeded</source>
        <translation>超出接收最大值</translation>
    </message>
    <message>
        <source>topic alias invalid</source>
        <translation>主题别名无效</translation>
    </message>
    <message>
        <source>packet too large</source>
        <translation>报文过大</translation>
    </message>
    <message>
        <source>message rate too high</source>
        <translation>消息速率过高</translation>
    </message>
    <message>
        <source>quota exceeded</source>
        <translation>超出配额</translation>
    </message>
    <message>
        <source>administrative action</source>
        <translation>管理操作</translation>
    </message>
    <message>
        <source>payload format invalid</source>
        <translation>载荷格式无效</translation>
    </message>
    <message>
        <source>retain not supported</source>
        <translation>不支持保留消息</translation>
    </message>
    <message>
        <source>QoS not supported</source>
        <translation>不支持该 QoS</translation>
    </message>
    <message>
        <source>use another server</source>
        <translation>使用其他服务器</translation>
    </message>
    <message>
        <source>server moved</source>
        <translation>服务器已迁移</translation>
    </message>
    <message>
        <source>shared subscriptions not supported</source>
        <translation>不支持共享订阅</translation>
    </message>
    <message>
        <source>connection rate exceeded</source>
        <translation>超出连接速率</translation>
    </message>
    <message>
        <source>maximum connect time</source>
        <translation>达到最大连接时间</translation>
    </message>
    <message>
        <source>subscription identifiers not supported</source>
        <translation>不支持订阅标识符</translation>
    </message>
    <message>
        <source>wildcard subscriptions not supported</source>
        <translation>不支持通配符订阅</translation>
    </message>
    <message>
        <source>reason code 0x%1</source>
        <translation>原因码 0x%1</translation>
    </message>
    <message>
        <source>Wrong username or password for %1.</source>
        <translation>%1 的用户名或密码错误。</translation>
    </message>
    <message>
        <source>%1 refused the connection: not authorised. Check the username or password, and that the broker allows this client.</source>
        <translation>%1 拒绝了连接：未授权。请检查用户名或密码，并确认代理允许此客户端连接。</translation>
    </message>
    <message>
        <source>%1 does not accept this MQTT version. Choose the other protocol version (3.1.1 or 5) in the connection settings.</source>
        <translation>%1 不接受此 MQTT 版本。请在连接设置中选择另一个协议版本（3.1.1 或 5）。</translation>
    </message>
    <message>
        <source>%1 rejected the client ID &quot;%2&quot;. Use another client ID, or leave it empty to generate one.</source>
        <translation>%1 拒绝了客户端 ID“%2”。请使用其他客户端 ID，或留空以自动生成。</translation>
    </message>
    <message>
        <source>%1 has banned this client.</source>
        <translation>%1 已禁止此客户端。</translation>
    </message>
    <message>
        <source>%1 does not accept the authentication method.</source>
        <translation>%1 不接受该认证方法。</translation>
    </message>
    <message>
        <source>%1 asks clients to use another server (%2).</source>
        <translation>%1 要求客户端使用其他服务器（%2）。</translation>
    </message>
    <message>
        <source>%1 refused the last will message (%2). Change or turn off the last will in the connection settings.</source>
        <translation>%1 拒绝了遗嘱消息（%2）。请在连接设置中修改或关闭遗嘱消息。</translation>
    </message>
    <message>
        <source>%1 cannot take the connection right now (%2).</source>
        <translation>%1 目前无法接受连接（%2）。</translation>
    </message>
    <message>
        <source>%1 refused the connection (%2).</source>
        <translation>%1 拒绝了连接（%2）。</translation>
    </message>
    <message>
        <source>TLS: the certificate of %1 could not be verified. It is not signed by a trusted CA, or it does not match the host name. Check the CA file, or turn off server verification only if you trust this broker.</source>
        <translation>TLS：无法验证 %1 的证书。该证书不是由受信任的 CA 签发，或与主机名不匹配。请检查 CA 文件；仅在您信任此代理时才关闭服务器验证。</translation>
    </message>
    <message>
        <source>TLS: the client certificate and the private key do not belong together.</source>
        <translation>TLS：客户端证书与私钥不匹配。</translation>
    </message>
    <message>
        <source>TLS: the private key could not be decrypted. Is the key passphrase right?</source>
        <translation>TLS：无法解密私钥。密钥口令是否正确？</translation>
    </message>
    <message>
        <source>TLS: a certificate or key file could not be loaded (%1). Check the files in the connection settings.</source>
        <translation>TLS：无法加载证书或密钥文件（%1）。请检查连接设置中的文件。</translation>
    </message>
    <message>
        <source>TLS: %1 rejected the handshake (%2). It may require a client certificate, or not accept the one given.</source>
        <translation>TLS：%1 拒绝了握手（%2）。它可能要求提供客户端证书，或不接受所提供的证书。</translation>
    </message>
    <message>
        <source>TLS: the handshake with %1 failed (%2).</source>
        <translation>TLS：与 %1 的握手失败（%2）。</translation>
    </message>
    <message>
        <source>TLS: the handshake with %1 failed (%2). Is this a TLS port? For a plain MQTT port use mqtt://.</source>
        <translation>TLS：与 %1 的握手失败（%2）。这是 TLS 端口吗？普通 MQTT 端口请使用 mqtt://。</translation>
    </message>
    <message>
        <source>TLS: the certificate of %1 could not be verified (%2). Check the CA file, or turn off server verification only if you trust this broker.</source>
        <translation>TLS：无法验证 %1 的证书（%2）。请检查 CA 文件；仅在您信任此代理时才关闭服务器验证。</translation>
    </message>
    <message>
        <source>TLS: %1 requires a client certificate. Set the certificate and its key in the connection settings.</source>
        <translation>TLS：%1 要求提供客户端证书。请在连接设置中设置证书及其密钥。</translation>
    </message>
    <message>
        <source>TLS: %1 did not accept the client certificate (%2).</source>
        <translation>TLS：%1 不接受该客户端证书（%2）。</translation>
    </message>
    <message>
        <source>%1 completed the TLS handshake but closed the connection without an MQTT answer.</source>
        <translation>%1 完成了 TLS 握手，但未作出 MQTT 应答就关闭了连接。</translation>
    </message>
    <message>
        <source>TLS: the CA file &quot;%1&quot; contains no PEM certificate.</source>
        <translation>TLS：CA 文件“%1”中不包含 PEM 证书。</translation>
    </message>
    <message>
        <source>TLS: the client certificate file &quot;%1&quot; contains no PEM certificate.</source>
        <translation>TLS：客户端证书文件“%1”中不包含 PEM 证书。</translation>
    </message>
    <message>
        <source>TLS: the private key &quot;%1&quot; could not be decrypted. Is the key passphrase right?</source>
        <translation>TLS：无法解密私钥“%1”。密钥口令是否正确？</translation>
    </message>
    <message>
        <source>TLS: the private key &quot;%1&quot; could not be read. It is not a PEM private key, or it needs a passphrase.</source>
        <translation>TLS：无法读取私钥“%1”。它不是 PEM 私钥，或者需要口令。</translation>
    </message>
    <message>
        <source>Connection refused by %1 (is the broker running?)</source>
        <translation>%1 拒绝了连接（代理是否正在运行？）</translation>
    </message>
    <message>
        <source>Could not reach %1 (%2).</source>
        <translation>无法访问 %1（%2）。</translation>
    </message>
    <message>
        <source>%1 accepted the connection but closed it without an MQTT answer. Is this an MQTT port (or a TLS-only one: then use mqtts://)?</source>
        <translation>%1 接受了连接，但未作出 MQTT 应答就将其关闭。这是 MQTT 端口吗（如果是仅限 TLS 的端口，请使用 mqtts://）？</translation>
    </message>
    <message>
        <source>Unknown host &quot;%1&quot;: the name could not be resolved. Check the broker address.</source>
        <translation>未知主机“%1”：无法解析该名称。请检查代理地址。</translation>
    </message>
    <message>
        <source>Could not look up the host &quot;%1&quot; (%2).</source>
        <translation>无法查找主机“%1”（%2）。</translation>
    </message>
    <message>
        <source>Lost the connection to %1.</source>
        <translation>与 %1 的连接已断开。</translation>
    </message>
    <message>
        <source>Another client connected to %1 with the same client ID &quot;%2&quot;, so the broker closed this connection.</source>
        <translation>另一个客户端以相同的客户端 ID“%2”连接到了 %1，因此代理关闭了此连接。</translation>
    </message>
    <message>
        <source>%1 closed the connection (%2).</source>
        <translation>%1 关闭了连接（%2）。</translation>
    </message>
    <message>
        <source>Could not start the MQTT client for %1 (%2).</source>
        <translation>无法为 %1 启动 MQTT 客户端（%2）。</translation>
    </message>
    <message>
        <source>The broker refused the subscription to &quot;%1&quot;.</source>
        <translation>代理拒绝了对“%1”的订阅。</translation>
    </message>
    <message>
        <source>Not authorised to subscribe to &quot;%1&quot;.</source>
        <translation>无权订阅“%1”。</translation>
    </message>
    <message>
        <source>The broker does not accept the topic filter &quot;%1&quot;.</source>
        <translation>代理不接受主题过滤器“%1”。</translation>
    </message>
    <message>
        <source>The broker does not support shared subscriptions (&quot;%1&quot;).</source>
        <translation>代理不支持共享订阅（“%1”）。</translation>
    </message>
    <message>
        <source>The broker does not support wildcard subscriptions (&quot;%1&quot;).</source>
        <translation>代理不支持通配符订阅（“%1”）。</translation>
    </message>
    <message>
        <source>The broker refused the subscription to &quot;%1&quot;: quota exceeded.</source>
        <translation>代理拒绝了对“%1”的订阅：超出配额。</translation>
    </message>
    <message>
        <source>The broker refused the subscription to &quot;%1&quot; (%2).</source>
        <translation>代理拒绝了对“%1”的订阅（%2）。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid topic filter: &quot;#&quot; must be the whole last level and &quot;+&quot; a whole level.</source>
        <translation>“%1”不是有效的主题过滤器：“#”必须单独构成最后一级，“+”必须单独构成一级。</translation>
    </message>
    <message>
        <source>The broker refused the message (%1).</source>
        <translation>代理拒绝了该消息（%1）。</translation>
    </message>
    <message>
        <source>The connection closed before the message was delivered.</source>
        <translation>连接在消息送达之前已关闭。</translation>
    </message>
    <message>
        <source>The topic is not valid UTF-8.</source>
        <translation>主题不是有效的 UTF-8。</translation>
    </message>
    <message>
        <source>The QoS must be 0, 1 or 2.</source>
        <translation>QoS 必须为 0、1 或 2。</translation>
    </message>
    <message>
        <source>Too many messages are waiting to be sent; try again in a moment.</source>
        <translation>等待发送的消息过多，请稍后重试。</translation>
    </message>
    <message>
        <source>The message could not be sent (error %1).</source>
        <translation>无法发送消息（错误 %1）。</translation>
    </message>
</context>
<context>
    <name>tideline::MqttSysSource</name>
    <message>
        <source>this source does not use HTTP</source>
        <translation>此来源不使用 HTTP</translation>
    </message>
    <message>
        <source>the connection &quot;%1&quot; is not open</source>
        <translation>连接“%1”未打开</translation>
    </message>
    <message>
        <source>not connected to the broker: %1</source>
        <translation>未连接到代理：%1</translation>
    </message>
    <message>
        <source>no $SYS statistics from this broker yet</source>
        <translation>尚未收到此代理的 $SYS 统计</translation>
    </message>
    <message>
        <source>the connection is not subscribed to $SYS/#</source>
        <translation>该连接未订阅 $SYS/#</translation>
    </message>
</context>
<context>
    <name>tideline::PayloadContentView</name>
    <message>
        <source>Decoding warnings</source>
        <translation>解码警告</translation>
    </message>
    <message>
        <source>Decoded data</source>
        <translation>解码后的数据</translation>
    </message>
    <message>
        <source>Decoded payload</source>
        <translation>解码后的载荷</translation>
    </message>
    <message>
        <source>Decoded fields</source>
        <translation>解码后的字段</translation>
    </message>
    <message>
        <source>CloudEvents attributes</source>
        <translation>CloudEvents 属性</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>图像预览</translation>
    </message>
    <message>
        <source>Decoding %1…</source>
        <translation>正在解码 %1…</translation>
    </message>
    <message>
        <source>Invalid UTF-8: the bytes here are not text</source>
        <translation>无效的 UTF-8：此处的字节不是文本</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>extension</source>
        <translation>扩展</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>required, missing</source>
        <translation>必需，缺失</translation>
    </message>
    <message>
        <source>Data: none</source>
        <translation>数据：无</translation>
    </message>
    <message>
        <source>Data (%1):</source>
        <translation>数据（%1）:</translation>
    </message>
    <message>
        <source>Data (%1, %2):</source>
        <translation>数据（%1，%2）:</translation>
    </message>
    <message>
        <source>Decoded bytes (%1):</source>
        <translation>解码后的字节（%1）:</translation>
    </message>
    <message>
        <source>The event carries no data.</source>
        <translation>该事件不携带数据。</translation>
    </message>
    <message>
        <source>%1 — the payload is shown as received.</source>
        <translation>%1 — 载荷按接收时的原样显示。</translation>
    </message>
    <message>
        <source>%1 (display shortened: copy or save the payload to see all of it)</source>
        <translation>%1（显示已截断：复制或保存载荷以查看全部内容）</translation>
    </message>
    <message>
        <source>Scaled down from %1 × %2 pixels</source>
        <translation>已从 %1 × %2 像素缩小</translation>
    </message>
</context>
<context>
    <name>tideline::PayloadDiffView</name>
    <message>
        <source>Changes against the previous message</source>
        <translation>与上一条消息相比的变更</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>之后</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>正在比较…</translation>
    </message>
    <message>
        <source>added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已更改</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>offset %1, length %2</source>
        <translation>偏移 %1，长度 %2</translation>
    </message>
</context>
<context>
    <name>tideline::PayloadInspectorView</name>
    <message>
        <source>hex %1</source>
        <translation>十六进制 %1</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <source>Message properties</source>
        <translation>消息属性</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Payload format indicator</source>
        <translation>载荷格式指示符</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Select a topic to inspect its messages.</source>
        <translation>选择一个主题以查看其消息。</translation>
    </message>
    <message>
        <source>Copy &amp;payload</source>
        <translation>复制载荷(&amp;P)</translation>
    </message>
    <message>
        <source>Copy &amp;topic</source>
        <translation>复制主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Save payload to file…</source>
        <translation>将载荷保存到文件(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Export this topic&apos;s history…</source>
        <translation>导出此主题的历史记录(&amp;E)…</translation>
    </message>
    <message>
        <source>Export history with &amp;subtopics…</source>
        <translation>导出历史记录（含子主题）(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Import messages from file…</source>
        <translation>从文件导入消息(&amp;I)…</translation>
    </message>
    <message>
        <source>Shown message</source>
        <translation>显示的消息</translation>
    </message>
    <message>
        <source>&amp;Decoder:</source>
        <translation>解码器(&amp;D):</translation>
    </message>
    <message>
        <source>Decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Follow latest</source>
        <translation>跟随最新</translation>
    </message>
    <message>
        <source>Show each new message as it arrives. Picking a message in the history turns this off.</source>
        <translation>每条新消息到达时即显示。在历史记录中选择一条消息会关闭此选项。</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Message history</source>
        <translation>消息历史记录</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No message was published to exactly this topic. Pick a topic below it, or export the history of its subtopics.</source>
        <translation>没有消息发布到恰好此主题。请选择其下级的主题，或导出其子主题的历史记录。</translation>
    </message>
    <message>
        <source>History (%1 kept)</source>
        <translation>历史记录（保留 %1 条）</translation>
    </message>
    <message>
        <source>No message</source>
        <translation>无消息</translation>
    </message>
    <message>
        <source>No message to compare.</source>
        <translation>没有可比较的消息。</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Auto (%1)</source>
        <translation>自动（%1）</translation>
    </message>
    <message>
        <source>Detected, best first: %1</source>
        <translation>检测结果，最佳优先：%1</translation>
    </message>
    <message>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <source>retained</source>
        <translation>保留消息</translation>
    </message>
    <message>
        <source>from history</source>
        <translation>来自历史记录</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>保留消息</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
    <message>
        <source>MQTT 5 properties</source>
        <translation>MQTT 5 属性</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>内容类型</translation>
    </message>
    <message>
        <source>1 (UTF-8 text)</source>
        <translation>1（UTF-8 文本）</translation>
    </message>
    <message>
        <source>%1 (unspecified bytes)</source>
        <translation>%1（未指定的字节）</translation>
    </message>
    <message>
        <source>Response topic</source>
        <translation>响应主题</translation>
    </message>
    <message>
        <source>Correlation data</source>
        <translation>关联数据</translation>
    </message>
    <message>
        <source>Message expiry interval</source>
        <translation>消息过期间隔</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Subscription identifiers</source>
        <translation>订阅标识符</translation>
    </message>
    <message>
        <source>Topic alias</source>
        <translation>主题别名</translation>
    </message>
    <message>
        <source>User properties</source>
        <translation>用户属性</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>none (MQTT 3.1.1 or not sent)</source>
        <translation>无（MQTT 3.1.1 或未发送）</translation>
    </message>
    <message>
        <source>Properties (%1)</source>
        <translation>属性（%1）</translation>
    </message>
    <message>
        <source>This is the oldest kept message of the topic: there is nothing before it to compare with.</source>
        <translation>这是该主题保留的最早一条消息：之前没有可与之比较的消息。</translation>
    </message>
    <message>
        <source>The shown message was not kept in history, so there is nothing to compare it with.</source>
        <translation>显示的消息未保存在历史记录中，因此没有可与之比较的消息。</translation>
    </message>
    <message>
        <source>Message of %1 compared with the one before it (%2)</source>
        <translation>%1 的消息与其前一条消息（%2）的比较</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Saved %1 to %2</source>
        <translation>已将 %1 保存到 %2</translation>
    </message>
    <message>
        <source>Exported to %1 (messages: %2)</source>
        <translation>已导出到 %1（消息数：%2）</translation>
    </message>
    <message>
        <source>Imported from %1 (messages: %2)</source>
        <translation>已从 %1 导入（消息数：%2）</translation>
    </message>
    <message>
        <source>Save payload</source>
        <translation>保存载荷</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export history with subtopics</source>
        <translation>导出历史记录（含子主题）</translation>
    </message>
    <message>
        <source>Export topic history</source>
        <translation>导出主题历史记录</translation>
    </message>
    <message>
        <source>Import messages</source>
        <translation>导入消息</translation>
    </message>
    <message>
        <source>Message history (*.jsonl *.ndjson *.json *.csv);;All files (*)</source>
        <translation>消息历史记录 (*.jsonl *.ndjson *.json *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Replay imported messages…</source>
        <translation>重放导入的消息(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>tideline::PreferenceMenus</name>
    <message>
        <source>&amp;Theme</source>
        <translation>主题外观(&amp;T)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Tideline will show %1 from its next start.</source>
        <translation>Tideline 将从下次启动起使用%1。</translation>
    </message>
    <message>
        <source>Alert &amp;notifications</source>
        <translation>告警通知(&amp;N)</translation>
    </message>
    <message>
        <source>Show a desktop notification when a queue passes its threshold</source>
        <translation>队列超过阈值时显示桌面通知</translation>
    </message>
</context>
<context>
    <name>tideline::PrometheusScrapeSource</name>
    <message>
        <source>the response is not in the Prometheus text format (line %1: %2)</source>
        <translation>响应不是 Prometheus 文本格式（第 %1 行：%2）</translation>
    </message>
</context>
<context>
    <name>tideline::PublishPanel</name>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <source>&amp;Topic:</source>
        <translation>主题(&amp;T):</translation>
    </message>
    <message>
        <source>Topic to publish to</source>
        <translation>要发布到的主题</translation>
    </message>
    <message>
        <source>e.g. shop/store-12/orders/{{seq}}</source>
        <translation>例如 shop/store-12/orders/{{seq}}</translation>
    </message>
    <message>
        <source>{{seq}}, {{uuid}} and {{now}} are replaced for every message.</source>
        <translation>每条消息中的 {{seq}}、{{uuid}} 和 {{now}} 都会被替换。</translation>
    </message>
    <message>
        <source>&amp;QoS:</source>
        <translation>QoS(&amp;Q):</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>0 – at most once</source>
        <translation>0 – 最多一次</translation>
    </message>
    <message>
        <source>1 – at least once</source>
        <translation>1 – 至少一次</translation>
    </message>
    <message>
        <source>2 – exactly once</source>
        <translation>2 – 恰好一次</translation>
    </message>
    <message>
        <source>&amp;Retain</source>
        <translation>保留(&amp;R)</translation>
    </message>
    <message>
        <source>Pa&amp;yload:</source>
        <translation>载荷(&amp;Y):</translation>
    </message>
    <message>
        <source>Payload format</source>
        <translation>载荷格式</translation>
    </message>
    <message>
        <source>CloudEvent…</source>
        <translation>CloudEvent…</translation>
    </message>
    <message>
        <source>Wrap the payload in a CloudEvents 1.0 event, structured (a JSON envelope) or binary (attributes as MQTT 5 user properties).</source>
        <translation>将载荷封装为 CloudEvents 1.0 事件，可采用结构化模式（JSON 信封）或二进制模式（属性作为 MQTT 5 用户属性）。</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>载荷</translation>
    </message>
    <message>
        <source>Message payload; {{seq}}, {{uuid}} and {{now}} are replaced in text and JSON.</source>
        <translation>消息载荷；文本和 JSON 中的 {{seq}}、{{uuid}} 和 {{now}} 会被替换。</translation>
    </message>
    <message>
        <source>File to send</source>
        <translation>要发送的文件</translation>
    </message>
    <message>
        <source>File whose bytes are the payload</source>
        <translation>以其字节作为载荷的文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose the file to send</source>
        <translation>选择要发送的文件</translation>
    </message>
    <message>
        <source>Clear retained on this topic…</source>
        <translation>清除此主题的保留消息…</translation>
    </message>
    <message>
        <source>Publish an empty retained message, which makes the broker forget the retained message of this topic.</source>
        <translation>发布一条空的保留消息，使代理清除此主题的保留消息。</translation>
    </message>
    <message>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <source>MQTT 5 properties</source>
        <translation>MQTT 5 属性</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Burst</source>
        <translation>批量发送</translation>
    </message>
    <message>
        <source>This connection speaks MQTT 3.1.1, which has no message properties. Connect with MQTT 5 to send them.</source>
        <translation>此连接使用 MQTT 3.1.1，不支持消息属性。请使用 MQTT 5 连接以发送消息属性。</translation>
    </message>
    <message>
        <source>e.g. application/json</source>
        <translation>例如 application/json</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>0 – unspecified bytes</source>
        <translation>0 – 未指定的字节</translation>
    </message>
    <message>
        <source>1 – UTF-8 text</source>
        <translation>1 – UTF-8 文本</translation>
    </message>
    <message>
        <source>Topic for replies</source>
        <translation>用于回复的主题</translation>
    </message>
    <message>
        <source>Text that ties a reply to this request</source>
        <translation>将回复与此请求关联起来的文本</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>永不</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Content type:</source>
        <translation>内容类型:</translation>
    </message>
    <message>
        <source>Payload format:</source>
        <translation>载荷格式:</translation>
    </message>
    <message>
        <source>Response topic:</source>
        <translation>响应主题:</translation>
    </message>
    <message>
        <source>Correlation data:</source>
        <translation>关联数据:</translation>
    </message>
    <message>
        <source>Message expiry:</source>
        <translation>消息过期:</translation>
    </message>
    <message>
        <source>User properties</source>
        <translation>用户属性</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Add a user property</source>
        <translation>添加用户属性</translation>
    </message>
    <message>
        <source>Remove the selected user property</source>
        <translation>删除所选用户属性</translation>
    </message>
    <message>
        <source>User properties:</source>
        <translation>用户属性:</translation>
    </message>
    <message>
        <source>Saved templates</source>
        <translation>已保存的模板</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>模板名称</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the message under this name for this connection (replaces a template of the same name).</source>
        <translation>以此名称为此连接保存该消息（将替换同名模板）。</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>加载(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Number of messages; {{seq}} runs from 1 to this number.</source>
        <translation>消息数量；{{seq}} 从 1 递增到此数值。</translation>
    </message>
    <message>
        <source> msgs/s</source>
        <translation> msgs/s</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>No pacing: as fast as the broker acknowledges (QoS 1 and 2) or the network takes the messages (QoS 0).</source>
        <translation>不限速：以代理确认的速度（QoS 1 和 2）或网络接收消息的速度（QoS 0）发送。</translation>
    </message>
    <message>
        <source>Co&amp;unt:</source>
        <translation>数量(&amp;U):</translation>
    </message>
    <message>
        <source>R&amp;ate:</source>
        <translation>速率(&amp;A):</translation>
    </message>
    <message>
        <source>Start &amp;burst</source>
        <translation>开始批量发送(&amp;B)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>Connect to publish.</source>
        <translation>连接后才能发布。</translation>
    </message>
    <message>
        <source>Enter a topic to publish to.</source>
        <translation>请输入要发布到的主题。</translation>
    </message>
    <message>
        <source>A topic to publish to has no + or # wildcards.</source>
        <translation>要发布到的主题不能包含 + 或 # 通配符。</translation>
    </message>
    <message>
        <source>Fix the payload first.</source>
        <translation>请先修正载荷。</translation>
    </message>
    <message>
        <source>Enter the exact topic whose retained message to clear (no wildcards or placeholders).</source>
        <translation>请输入要清除其保留消息的确切主题（不含通配符或占位符）。</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <source>Publishing to %1…</source>
        <translation>正在发布到 %1…</translation>
    </message>
    <message>
        <source>Published to %1.</source>
        <translation>已发布到 %1。</translation>
    </message>
    <message>
        <source>Not published to %1: %2</source>
        <translation>未发布到 %1：%2</translation>
    </message>
    <message>
        <source>Sent %1 of %2 in %3 s: %4 msgs/s (target %5 msgs/s).</source>
        <translation>已在 %3 秒内发送 %1/%2 条：%4 msgs/s（目标 %5 msgs/s）。</translation>
    </message>
    <message>
        <source>Sent %1 of %2 in %3 s: %4 msgs/s (as fast as possible).</source>
        <translation>已在 %3 秒内发送 %1/%2 条：%4 msgs/s（尽可能快）。</translation>
    </message>
    <message>
        <source>%1 failed; the first failure: %2</source>
        <translation>%1 条失败；第一个失败：%2</translation>
    </message>
    <message>
        <source>None failed.</source>
        <translation>无失败。</translation>
    </message>
    <message>
        <source>Cancelled: %1 not sent.</source>
        <translation>已取消：%1 条未发送。</translation>
    </message>
    <message>
        <source>Clear retained message</source>
        <translation>清除保留消息</translation>
    </message>
    <message>
        <source>Clear the retained message on &quot;%1&quot;?</source>
        <translation>清除“%1”上的保留消息？</translation>
    </message>
    <message>
        <source>An empty retained message is published to the topic. The broker then forgets the retained message, and new subscribers get nothing until the next retained message.</source>
        <translation>将向该主题发布一条空的保留消息。随后代理会清除该保留消息，新订阅者在下一条保留消息到来之前不会收到任何消息。</translation>
    </message>
    <message>
        <source>Clear retained</source>
        <translation>清除保留消息</translation>
    </message>
    <message>
        <source>Clearing the retained message on %1…</source>
        <translation>正在清除 %1 上的保留消息…</translation>
    </message>
    <message>
        <source>CloudEvent</source>
        <translation>CloudEvent</translation>
    </message>
    <message>
        <source>The current payload becomes the event&apos;s data. The id and the time are filled in for every message ({{uuid}} and {{now}}).</source>
        <translation>当前载荷将成为事件的数据。每条消息都会填入 id 和时间（{{uuid}} 和 {{now}}）。</translation>
    </message>
    <message>
        <source>e.g. com.example.order.created</source>
        <translation>例如 com.example.order.created</translation>
    </message>
    <message>
        <source>e.g. /shop/store-12</source>
        <translation>例如 /shop/store-12</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>optional; JSON payloads are application/json</source>
        <translation>可选；JSON 载荷为 application/json</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T):</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S):</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>主体(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Data content type:</source>
        <translation>数据内容类型(&amp;D):</translation>
    </message>
    <message>
        <source>Content mode</source>
        <translation>内容模式</translation>
    </message>
    <message>
        <source>S&amp;tructured: the event is a JSON envelope (application/cloudevents+json)</source>
        <translation>结构化(&amp;T)：事件为 JSON 信封（application/cloudevents+json）</translation>
    </message>
    <message>
        <source>&amp;Binary: the payload stays the data; attributes become MQTT 5 user properties</source>
        <translation>二进制(&amp;B)：载荷保持为数据；属性成为 MQTT 5 用户属性</translation>
    </message>
    <message>
        <source>Binary mode needs MQTT 5 user properties; this connection speaks MQTT 3.1.1.</source>
        <translation>二进制模式需要 MQTT 5 用户属性；此连接使用 MQTT 3.1.1。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>CloudEvent in binary mode: the attributes are in the user properties.</source>
        <translation>二进制模式的 CloudEvent：属性位于用户属性中。</translation>
    </message>
    <message>
        <source>CloudEvent in structured mode: the payload is the event.</source>
        <translation>结构化模式的 CloudEvent：载荷即为事件。</translation>
    </message>
    <message>
        <source>Saved &quot;%1&quot;.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is no longer saved.</source>
        <translation>“%1”已不再保存。</translation>
    </message>
    <message>
        <source>Loaded &quot;%1&quot;.</source>
        <translation>已加载“%1”。</translation>
    </message>
    <message>
        <source>Deleted &quot;%1&quot;.</source>
        <translation>已删除“%1”。</translation>
    </message>
</context>
<context>
    <name>tideline::QueueDepthChart</name>
    <message>
        <source>%1 &gt; %2 for %3</source>
        <translation>%1 &gt; %2 持续 %3</translation>
    </message>
    <message>
        <source>▲ %1</source>
        <translation>▲ %1</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>msg/s</source>
        <translation>msg/s</translation>
    </message>
    <message>
        <source>Queue depth chart</source>
        <translation>队列深度图表</translation>
    </message>
    <message>
        <source>Time window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <source>Last 5 min</source>
        <translation>最近 5 分钟</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <source>Freeze the picture; data keeps being recorded and alerts keep firing</source>
        <translation>冻结画面；数据仍会继续记录，告警仍会继续触发</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <source>Back to the live window (or double-click the chart). Wheel: zoom the time axis; drag: move along it.</source>
        <translation>返回实时窗口（或双击图表）。滚轮：缩放时间轴；拖动：沿时间轴移动。</translation>
    </message>
    <message>
        <source>Alert…</source>
        <translation>告警…</translation>
    </message>
    <message>
        <source>Alert when a series stays above a value for a while</source>
        <translation>当某个序列在一段时间内持续高于某个值时告警</translation>
    </message>
    <message>
        <source>Depth now</source>
        <translation>当前深度</translation>
    </message>
    <message>
        <source>Messages in the queue (ready + unacknowledged)</source>
        <translation>队列中的消息（就绪 + 未确认）</translation>
    </message>
    <message>
        <source>Net growth</source>
        <translation>净增长</translation>
    </message>
    <message>
        <source>How fast the depth changes: the slope of the depth over the last minute</source>
        <translation>深度变化的速度：最近一分钟内深度的斜率</translation>
    </message>
    <message>
        <source>Time to drain</source>
        <translation>清空所需时间</translation>
    </message>
    <message>
        <source>When the queue is empty if consumers and publishers keep their current rates</source>
        <translation>如果消费者和发布者保持当前速率，队列何时清空</translation>
    </message>
    <message>
        <source>In</source>
        <translation>流入</translation>
    </message>
    <message>
        <source>Messages published to the queue per second</source>
        <translation>每秒发布到队列的消息数</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>流出</translation>
    </message>
    <message>
        <source>Messages delivered to consumers per second</source>
        <translation>每秒投递给消费者的消息数</translation>
    </message>
    <message>
        <source>Queue depth chart: %1</source>
        <translation>队列深度图表：%1</translation>
    </message>
    <message>
        <source>Custom time window</source>
        <translation>自定义时间窗口</translation>
    </message>
    <message>
        <source>Show the last (minutes):</source>
        <translation>显示最近（分钟）:</translation>
    </message>
    <message>
        <source>Last %1</source>
        <translation>最近 %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>failing</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Alert on %1</source>
        <translation>%1 的告警</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>&amp;Series:</source>
        <translation>序列(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Above:</source>
        <translation>高于(&amp;A):</translation>
    </message>
    <message>
        <source>&amp;For at least:</source>
        <translation>持续至少(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Remove alert</source>
        <translation>删除告警(&amp;R)</translation>
    </message>
    <message>
        <source>%1 %2→%3</source>
        <translation>%1 %2→%3</translation>
    </message>
    <message>
        <source>%1 %2: %3 %4</source>
        <translation>%1 %2：%3 %4</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 msg/s</translation>
    </message>
    <message>
        <source>%1: %2 at %3</source>
        <translation>%1：%3 时为 %2</translation>
    </message>
</context>
<context>
    <name>tideline::RabbitMqManagementSource</name>
    <message>
        <source>404 Not Found: no queue &quot;%1&quot; in vhost &quot;%2&quot;</source>
        <translation>404 Not Found：vhost“%2”中没有队列“%1”</translation>
    </message>
    <message>
        <source>404 Not Found: no vhost &quot;%1&quot;</source>
        <translation>404 Not Found：没有 vhost“%1”</translation>
    </message>
    <message>
        <source>404 Not Found: %1 is not the RabbitMQ management API (port 15672, plugin rabbitmq_management)</source>
        <translation>404 Not Found：%1 不是 RabbitMQ 管理 API（端口 15672，插件 rabbitmq_management）</translation>
    </message>
</context>
<context>
    <name>tideline::ReplayDialog</name>
    <message>
        <source>Replay messages</source>
        <translation>重放消息</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Source file</source>
        <translation>源文件</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>来源：</translation>
    </message>
    <message>
        <source>Summary of the messages</source>
        <translation>消息摘要</translation>
    </message>
    <message>
        <source>The file holds no messages.</source>
        <translation>该文件不含任何消息。</translation>
    </message>
    <message>
        <source>%1 messages on %2 topics, recorded over %3 (%4 to %5).</source>
        <translation>%2 个主题上的 %1 条消息，记录时长 %3（%4 至 %5）。</translation>
    </message>
    <message>
        <source>Contents:</source>
        <translation>内容：</translation>
    </message>
    <message>
        <source>Target connection</source>
        <translation>目标连接</translation>
    </message>
    <message>
        <source>Publish on:</source>
        <translation>发布到：</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>&amp;Original timing, speed</source>
        <translation>原始时间(&amp;O)，速度</translation>
    </message>
    <message>
        <source>Original timing</source>
        <translation>原始时间</translation>
    </message>
    <message>
        <source>Keep the recorded gaps between messages, divided by the speed factor.</source>
        <translation>保留记录的消息间隔，并除以速度倍数。</translation>
    </message>
    <message>
        <source>Speed factor</source>
        <translation>速度倍数</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <source>&amp;Fixed rate</source>
        <translation>固定速率(&amp;F)</translation>
    </message>
    <message>
        <source>Fixed rate</source>
        <translation>固定速率</translation>
    </message>
    <message>
        <source>Messages per second</source>
        <translation>每秒消息数</translation>
    </message>
    <message>
        <source> msgs/s</source>
        <translation> 条/秒</translation>
    </message>
    <message>
        <source>As fast as &amp;possible</source>
        <translation>尽可能快(&amp;P)</translation>
    </message>
    <message>
        <source>As fast as possible</source>
        <translation>尽可能快</translation>
    </message>
    <message>
        <source>No pause between messages; only the broker&apos;s flow control paces them.</source>
        <translation>消息之间不停顿；只由代理的流量控制调节速度。</translation>
    </message>
    <message>
        <source>Estimated duration</source>
        <translation>预计时长</translation>
    </message>
    <message>
        <source>Topics and flags</source>
        <translation>主题和标志</translation>
    </message>
    <message>
        <source>Topic prefix to replace</source>
        <translation>要替换的主题前缀</translation>
    </message>
    <message>
        <source>e.g. shop/</source>
        <translation>例如 shop/</translation>
    </message>
    <message>
        <source>New topic prefix</source>
        <translation>新的主题前缀</translation>
    </message>
    <message>
        <source>e.g. replay/shop/</source>
        <translation>例如 replay/shop/</translation>
    </message>
    <message>
        <source>with</source>
        <translation>替换为</translation>
    </message>
    <message>
        <source>Replace &amp;topic prefix:</source>
        <translation>替换主题前缀(&amp;T)：</translation>
    </message>
    <message>
        <source>Topics that start with the first prefix are published under the second instead; others keep their topic. Leave both empty to keep every topic.</source>
        <translation>以第一个前缀开头的主题改为发布到第二个前缀之下；其他主题保持不变。两者都留空则保留所有主题。</translation>
    </message>
    <message>
        <source>&amp;Drop the retain flag</source>
        <translation>去掉保留标志(&amp;D)</translation>
    </message>
    <message>
        <source>Drop the retain flag</source>
        <translation>去掉保留标志</translation>
    </message>
    <message>
        <source>Publish retained messages as ordinary ones, so the broker keeps nothing.</source>
        <translation>将保留消息作为普通消息发布，代理不会保存任何消息。</translation>
    </message>
    <message>
        <source>Replay progress</source>
        <translation>重放进度</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v / %m</translation>
    </message>
    <message>
        <source>Replay result</source>
        <translation>重放结果</translation>
    </message>
    <message>
        <source>&amp;Replay</source>
        <translation>重放(&amp;R)</translation>
    </message>
    <message>
        <source>Start the replay</source>
        <translation>开始重放</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop the replay</source>
        <translation>停止重放</translation>
    </message>
    <message>
        <source>Stopped: %1 of %2 messages sent in %3 s (%4 msgs/s), %5 failed.</source>
        <translation>已停止：已发送 %2 条消息中的 %1 条，用时 %3 秒（%4 条/秒），%5 条失败。</translation>
    </message>
    <message>
        <source>Replayed %1 of %2 messages in %3 s (%4 msgs/s), %5 failed.</source>
        <translation>已重放 %2 条消息中的 %1 条，用时 %3 秒（%4 条/秒），%5 条失败。</translation>
    </message>
    <message>
        <source>First error: %1</source>
        <translation>第一个错误：%1</translation>
    </message>
    <message>
        <source>Takes about %1.</source>
        <translation>约需 %1。</translation>
    </message>
    <message>
        <source>As fast as the broker acknowledges.</source>
        <translation>以代理确认的速度尽快发送。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>无连接</translation>
    </message>
    <message>
        <source>Connect first: the replay publishes on this connection.</source>
        <translation>请先连接：重放通过此连接发布。</translation>
    </message>
</context>
<context>
    <name>tideline::ScaleDialog</name>
    <message>
        <source>Scale %1</source>
        <translation>扩缩 %1</translation>
    </message>
    <message>
        <source>%1 in namespace %2 — replicas now: %3</source>
        <translation>命名空间 %2 中的 %1 — 当前副本数：%3</translation>
    </message>
    <message>
        <source>New replica count</source>
        <translation>新的副本数</translation>
    </message>
    <message>
        <source>New &amp;replicas:</source>
        <translation>新副本数(&amp;R):</translation>
    </message>
    <message>
        <source>HPA minReplicas</source>
        <translation>HPA minReplicas</translation>
    </message>
    <message>
        <source>HPA maxReplicas</source>
        <translation>HPA maxReplicas</translation>
    </message>
    <message>
        <source>Change the HPA&apos;s bounds</source>
        <translation>更改 HPA 的上下限</translation>
    </message>
    <message>
        <source>Patch the HPA&apos;s minReplicas/maxReplicas (a dry run first, then the change)</source>
        <translation>修补 HPA 的 minReplicas/maxReplicas（先试运行，再执行更改）</translation>
    </message>
    <message>
        <source>minReplicas</source>
        <translation>minReplicas</translation>
    </message>
    <message>
        <source>maxReplicas</source>
        <translation>maxReplicas</translation>
    </message>
    <message>
        <source>HPA %1 manages this workload</source>
        <translation>HPA %1 管理此工作负载</translation>
    </message>
    <message>
        <source>The HPA %1 (min %2, max %3, desired %4 now) sets the replica count at every sync: a manual change lasts only until its next sync (within 15 s), when it moves the count back toward %4. To keep more or fewer replicas, change its bounds instead.</source>
        <translation>HPA %1（最小 %2，最大 %3，当前期望 %4）会在每次同步时设置副本数：手动更改只会持续到下一次同步（15 秒内），届时它会将副本数调回 %4。若要保留更多或更少的副本，请改为更改其上下限。</translation>
    </message>
    <message>
        <source>&amp;Dry run</source>
        <translation>试运行(&amp;D)</translation>
    </message>
    <message>
        <source>Ask the API server to validate the change without applying it (dryRun=All)</source>
        <translation>请求 API 服务器验证该更改但不应用（dryRun=All）</translation>
    </message>
    <message>
        <source>&amp;Scale</source>
        <translation>扩缩(&amp;S)</translation>
    </message>
    <message>
        <source>Not connected to a cluster.</source>
        <translation>未连接到集群。</translation>
    </message>
    <message>
        <source>Checking whether you may scale %1…</source>
        <translation>正在检查您是否有权扩缩 %1…</translation>
    </message>
    <message>
        <source>The permission check failed: %1</source>
        <translation>权限检查失败：%1</translation>
    </message>
    <message>
        <source>no RBAC rule allows it</source>
        <translation>没有允许此操作的 RBAC 规则</translation>
    </message>
    <message>
        <source>You may not scale %1: patch on %2/scale in namespace %3 is not allowed (%4).</source>
        <translation>您无权扩缩 %1：不允许在命名空间 %3 中对 %2/scale 执行 patch（%4）。</translation>
    </message>
    <message>
        <source>You may scale %1 (patch on %2/scale is allowed).</source>
        <translation>您可以扩缩 %1（允许对 %2/scale 执行 patch）。</translation>
    </message>
    <message>
        <source>Dry run: asking the API server to validate %1 → %2…</source>
        <translation>试运行：正在请求 API 服务器验证 %1 → %2…</translation>
    </message>
    <message>
        <source>Dry run failed: %1</source>
        <translation>试运行失败：%1</translation>
    </message>
    <message>
        <source>Dry run passed: the API server accepts %1 → %2 replicas for %3 (nothing was changed yet). Press “Scale %1 → %2” to apply it.</source>
        <translation>试运行通过：API 服务器接受将 %3 的副本数从 %1 → %2（尚未做任何更改）。按“扩缩 %1 → %2”以应用。</translation>
    </message>
    <message>
        <source>Scaling %1 → %2…</source>
        <translation>正在扩缩 %1 → %2…</translation>
    </message>
    <message>
        <source>Scaling failed: %1</source>
        <translation>扩缩失败：%1</translation>
    </message>
    <message>
        <source>Scaled: %1 now asks for %2 replicas.</source>
        <translation>已扩缩：%1 现在请求 %2 个副本。</translation>
    </message>
    <message>
        <source>minReplicas (%1) cannot be above maxReplicas (%2).</source>
        <translation>minReplicas（%1）不能大于 maxReplicas（%2）。</translation>
    </message>
    <message>
        <source>The bounds are unchanged.</source>
        <translation>上下限未更改。</translation>
    </message>
    <message>
        <source>Dry run of the HPA change…</source>
        <translation>正在试运行 HPA 更改…</translation>
    </message>
    <message>
        <source>Dry run passed; changing the HPA…</source>
        <translation>试运行通过；正在更改 HPA…</translation>
    </message>
    <message>
        <source>Changing the HPA failed: %1</source>
        <translation>更改 HPA 失败：%1</translation>
    </message>
    <message>
        <source>The HPA now keeps between %1 and %2 replicas.</source>
        <translation>HPA 现在将副本数保持在 %1 到 %2 之间。</translation>
    </message>
    <message>
        <source>%1 → %2 (no change)</source>
        <translation>%1 → %2（无变化）</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Scaling to 0 switches the HPA %1 off: with spec.replicas 0 it stops scaling (ScalingActive False) until someone scales the workload above 0 again.</source>
        <translation>缩容到 0 会使 HPA %1 停止工作：当 spec.replicas 为 0 时它将停止扩缩（ScalingActive False），直到有人再次将工作负载扩容到 0 以上。</translation>
    </message>
    <message>
        <source>&amp;Scale %1 → %2</source>
        <translation>扩缩 %1 → %2(&amp;S)</translation>
    </message>
    <message>
        <source>The dry run passed: apply the change</source>
        <translation>试运行已通过：应用此更改</translation>
    </message>
    <message>
        <source>Run a dry run of this count first</source>
        <translation>请先对此副本数进行试运行</translation>
    </message>
    <message>
        <source>Next: a dry run of %1 → %2.</source>
        <translation>下一步：试运行 %1 → %2。</translation>
    </message>
</context>
<context>
    <name>tideline::ScalingTimelineModel</name>
    <message>
        <source>HPA %1</source>
        <translation>HPA %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>observed by Tideline</source>
        <translation>由 Tideline 观测</translation>
    </message>
    <message>
        <source>Kubernetes event</source>
        <translation>Kubernetes 事件</translation>
    </message>
    <message>
        <source>%1
%2 (%3)
%4</source>
        <translation>%1
%2（%3）
%4</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>tideline::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Every command is also in the command palette (%1), with or without a shortcut.</source>
        <translation>所有命令也都可以在命令面板（%1）中找到，无论是否设有快捷键。</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>tideline::TopicTreeModel</name>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>retained</source>
        <translation>保留消息</translation>
    </message>
    <message>
        <source>%1
Messages on this topic: %2
Messages in this subtree: %3
Topics in this subtree: %4</source>
        <translation>%1
此主题上的消息：%2
此子树中的消息：%3
此子树中的主题：%4</translation>
    </message>
    <message>
        <source>%1 on this topic, %2 including the topics below it</source>
        <translation>此主题上 %1 条，包括其下级主题共 %2 条</translation>
    </message>
    <message>
        <source>%1 msg/s on this topic, %2 msg/s including the topics below it</source>
        <translation>此主题上 %1 msg/s，包括其下级主题共 %2 msg/s</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Rate (msg/s)</source>
        <translation>速率 (msg/s)</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>保留消息</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>最新值</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>距今</translation>
    </message>
    <message>
        <source>Messages received; a parent counts its whole subtree</source>
        <translation>已接收的消息；父节点统计其整个子树</translation>
    </message>
    <message>
        <source>Messages per second over the last seconds; a parent counts its whole subtree</source>
        <translation>最近几秒内每秒的消息数；父节点统计其整个子树</translation>
    </message>
    <message>
        <source>Time since the last message in this subtree</source>
        <translation>距此子树中最后一条消息的时间</translation>
    </message>
    <message>
        <source>hex: %1</source>
        <translation>十六进制：%1</translation>
    </message>
    <message>
        <source>⚠ invalid UTF-8: %1</source>
        <translation>⚠ 无效的 UTF-8：%1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
</context>
<context>
    <name>tideline::ValuePlotView</name>
    <message>
        <source>&amp;Value at:</source>
        <translation>取值位置(&amp;V):</translation>
    </message>
    <message>
        <source>JSON path of the value to plot</source>
        <translation>要绘制的值的 JSON 路径</translation>
    </message>
    <message>
        <source>A JSON path such as $.temperature or $.sensors[0].value; empty or $ plots the payload itself.</source>
        <translation>JSON 路径，例如 $.temperature 或 $.sensors[0].value；为空或为 $ 时绘制载荷本身。</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>No topic selected</source>
        <translation>未选择主题</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a JSON path (try $.name or $.list[0].value)</source>
        <translation>“%1”不是 JSON 路径（请尝试 $.name 或 $.list[0].value）</translation>
    </message>
    <message>
        <source>No messages kept for this topic</source>
        <translation>此主题没有保留的消息</translation>
    </message>
    <message>
        <source>No numeric value at %1 in the kept messages (%2)</source>
        <translation>保留的消息中 %1 处没有数值（%2）</translation>
    </message>
    <message>
        <source>values: %1  ·  last %2  ·  min %3  ·  max %4</source>
        <translation>数值个数：%1  ·  最新 %2  ·  最小 %3  ·  最大 %4</translation>
    </message>
</context>
<context>
    <name>tideline::WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Tip: press %1 to find any command or topic.</source>
        <translation>提示：按 %1 可查找任意命令或主题。</translation>
    </message>
    <message>
        <source>Tideline logo</source>
        <translation>Tideline 徽标</translation>
    </message>
    <message>
        <source>Welcome to Tideline</source>
        <translation>欢迎使用 Tideline</translation>
    </message>
    <message>
        <source>Watch MQTT topics, queue depth and worker scaling live, side by side.</source>
        <translation>并排实时查看 MQTT 主题、队列深度和工作进程的扩缩情况。</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>打开演示</translation>
    </message>
    <message>
        <source>Live shop traffic, a queue and a worker deployment that scales.</source>
        <translation>实时商店流量、一个队列以及一个可扩缩的工作进程部署。</translation>
    </message>
    <message>
        <source>New MQTT connection…</source>
        <translation>新建 MQTT 连接…</translation>
    </message>
    <message>
        <source>Connect to a broker and watch its topics arrive.</source>
        <translation>连接到 MQTT 代理，实时查看其主题。</translation>
    </message>
    <message>
        <source>Add a cluster from kubeconfig…</source>
        <translation>从 kubeconfig 添加集群…</translation>
    </message>
    <message>
        <source>Watch deployments and autoscalers next to the queues they drain.</source>
        <translation>将部署和自动扩缩器与其所消费的队列并排查看。</translation>
    </message>
    <message>
        <source>Add a RabbitMQ or Prometheus source…</source>
        <translation>添加 RabbitMQ 或 Prometheus 数据源…</translation>
    </message>
    <message>
        <source>Chart queue depth and consumer counts over time.</source>
        <translation>绘制队列深度和消费者数量随时间变化的图表。</translation>
    </message>
    <message>
        <source>Recent workspaces</source>
        <translation>最近的工作区</translation>
    </message>
    <message>
        <source>Workspaces you save or open will be listed here. A workspace keeps your connections, dashboards and window layout together.</source>
        <translation>您保存或打开的工作区将列在此处。工作区会将您的连接、仪表板和窗口布局保存在一起。</translation>
    </message>
    <message>
        <source>Open workspace…</source>
        <translation>打开工作区…</translation>
    </message>
    <message>
        <source>The demo is not part of this build yet.</source>
        <translation>此版本尚未包含演示。</translation>
    </message>
    <message>
        <source>Connections cannot be opened here.</source>
        <translation>无法在此处打开连接。</translation>
    </message>
    <message>
        <source>Kubernetes clusters are not part of this build yet.</source>
        <translation>此版本尚未包含 Kubernetes 集群功能。</translation>
    </message>
    <message>
        <source>RabbitMQ and Prometheus sources are not part of this build yet.</source>
        <translation>此版本尚未包含 RabbitMQ 和 Prometheus 数据源。</translation>
    </message>
</context>
<context>
    <name>tideline::WorkloadLinkDialog</name>
    <message>
        <source>Link a queue to a workload</source>
        <translation>将队列关联到工作负载</translation>
    </message>
    <message>
        <source>Which workload drains this queue or metric? Its replicas and scaling events are then drawn on the same time axis as the series.</source>
        <translation>哪个工作负载在消费此队列或指标？关联后，其副本和扩缩事件将与该序列绘制在同一时间轴上。</translation>
    </message>
    <message>
        <source>rabbitmq_queue_messages{queue=&quot;orders&quot;,vhost=&quot;/&quot;}</source>
        <translation>rabbitmq_queue_messages{queue=&quot;orders&quot;,vhost=&quot;/&quot;}</translation>
    </message>
    <message>
        <source>&amp;Series:</source>
        <translation>序列(&amp;S):</translation>
    </message>
    <message>
        <source>Drained by (namespace %1):</source>
        <translation>由以下工作负载消费（命名空间 %1）:</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>关联(&amp;L)</translation>
    </message>
    <message>
        <source>This namespace has no Deployments or StatefulSets.</source>
        <translation>此命名空间中没有 Deployment 或 StatefulSet。</translation>
    </message>
    <message>
        <source>No metric series is collected yet: type the series name as its source reports it.</source>
        <translation>尚未采集任何指标序列：请按数据源报告的名称输入序列名。</translation>
    </message>
</context>
<context>
    <name>tideline::WorkspaceController</name>
    <message>
        <source>Tideline workspaces (*.%1);;All files (*)</source>
        <translation>Tideline 工作区 (*.%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>New &amp;workspace</source>
        <translation>新建工作区(&amp;W)</translation>
    </message>
    <message>
        <source>Close every connection and start an empty workspace</source>
        <translation>关闭所有连接并新建一个空工作区</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>打开工作区(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save workspace</source>
        <translation>保存工作区(&amp;S)</translation>
    </message>
    <message>
        <source>Save workspace &amp;as…</source>
        <translation>工作区另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Untitled workspace</source>
        <translation>未命名工作区</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>Save workspace</source>
        <translation>保存工作区</translation>
    </message>
    <message>
        <source>workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>The workspace &quot;%1&quot; has changes that are not saved.</source>
        <translation>工作区“%1”有未保存的更改。</translation>
    </message>
    <message>
        <source>Save them before going on?</source>
        <translation>是否在继续之前保存？</translation>
    </message>
    <message>
        <source>Clear recent workspaces</source>
        <translation>清除最近的工作区</translation>
    </message>
    <message>
        <source>History is not recorded: %1</source>
        <translation>未记录历史：%1</translation>
    </message>
</context>
<context>
    <name>tideline::cli::ConnectionWatcher</name>
    <message>
        <source>tideline-cli: reconnected to %1</source>
        <translation>tideline-cli：已重新连接到 %1</translation>
    </message>
    <message>
        <source>Cannot connect to %1.</source>
        <translation>无法连接到 %1。</translation>
    </message>
    <message>
        <source>tideline-cli: connection to %1 lost, reconnecting: %2</source>
        <translation>tideline-cli：与 %1 的连接已断开，正在重新连接：%2</translation>
    </message>
    <message>
        <source>The connection to %1 was closed.</source>
        <translation>与 %1 的连接已关闭。</translation>
    </message>
</context>
<context>
    <name>tideline::demo::DemoCluster</name>
    <message>
        <source>The demo cluster could not start: %1</source>
        <translation>演示集群无法启动：%1</translation>
    </message>
    <message>
        <source>The demo cluster could not issue a client certificate: %1</source>
        <translation>演示集群无法签发客户端证书：%1</translation>
    </message>
    <message>
        <source>Cannot write the demo kubeconfig %1: %2</source>
        <translation>无法写入演示 kubeconfig %1：%2</translation>
    </message>
</context>
<context>
    <name>tideline::demo::DemoEnvironment</name>
    <message>
        <source>Starting mosquitto and RabbitMQ on loopback ports…</source>
        <translation>正在回环端口上启动 mosquitto 和 RabbitMQ…</translation>
    </message>
    <message>
        <source>mosquitto did not start: %1</source>
        <translation>mosquitto 未能启动：%1</translation>
    </message>
    <message>
        <source>mosquitto runs at %1; starting RabbitMQ (this takes a few seconds)…</source>
        <translation>mosquitto 运行于 %1；正在启动 RabbitMQ（需要几秒钟）…</translation>
    </message>
    <message>
        <source>RabbitMQ did not start: %1</source>
        <translation>RabbitMQ 未能启动：%1</translation>
    </message>
    <message>
        <source>The order queue needs RabbitMQ.</source>
        <translation>订单队列需要 RabbitMQ。</translation>
    </message>
    <message>
        <source>The demo cluster scales workers that need RabbitMQ.</source>
        <translation>演示集群所扩缩的工作进程需要 RabbitMQ。</translation>
    </message>
    <message>
        <source>RabbitMQ runs; starting the storefront, the workers and the demo cluster…</source>
        <translation>RabbitMQ 已运行；正在启动商店前端、工作进程和演示集群…</translation>
    </message>
    <message>
        <source>The /metrics endpoint cannot listen: %1</source>
        <translation>/metrics 端点无法监听：%1</translation>
    </message>
    <message>
        <source>The demo runs.</source>
        <translation>演示正在运行。</translation>
    </message>
    <message>
        <source>The demo runs in part: %1</source>
        <translation>演示部分运行：%1</translation>
    </message>
    <message>
        <source>%1: running</source>
        <translation>%1：正在运行</translation>
    </message>
    <message>
        <source>%1: failed (%2)</source>
        <translation>%1：失败（%2）</translation>
    </message>
    <message>
        <source>shop</source>
        <translation>商店</translation>
    </message>
    <message>
        <source>demo cluster</source>
        <translation>演示集群</translation>
    </message>
</context>
<context>
    <name>tideline::kube::ExecCredentialProvider</name>
    <message>
        <source>exec plugin &apos;%1&apos; not found: install it or fix users[%2].exec.command</source>
        <translation>未找到 exec 插件“%1”：请安装它或修正 users[%2].exec.command</translation>
    </message>
    <message>
        <source>exec plugin &apos;%1&apos; needs an interactive terminal (interactiveMode: Always), but stdin is not a terminal</source>
        <translation>exec 插件“%1”需要交互式终端（interactiveMode: Always），但 stdin 不是终端</translation>
    </message>
    <message>
        <source>exec plugin &apos;%1&apos; could not be started: %2</source>
        <translation>无法启动 exec 插件“%1”：%2</translation>
    </message>
    <message>
        <source>it crashed</source>
        <translation>它已崩溃</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>exec plugin &apos;%1&apos; failed (%2)</source>
        <translation>exec 插件“%1”失败（%2）</translation>
    </message>
    <message>
        <source>exec plugin &apos;%1&apos; did not print an ExecCredential JSON object: %2</source>
        <translation>exec 插件“%1”未输出 ExecCredential JSON 对象：%2</translation>
    </message>
    <message>
        <source>exec plugin &apos;%1&apos; printed kind &quot;%2&quot;, expected ExecCredential</source>
        <translation>exec 插件“%1”输出的 kind 为“%2”，应为 ExecCredential</translation>
    </message>
    <message>
        <source>exec plugin &apos;%1&apos; is configured to use API version %2, but it returned %3</source>
        <translation>exec 插件“%1”配置为使用 API 版本 %2，但返回了 %3</translation>
    </message>
    <message>
        <source>exec plugin &apos;%1&apos; returned an ExecCredential without status</source>
        <translation>exec 插件“%1”返回的 ExecCredential 不含 status</translation>
    </message>
    <message>
        <source>exec plugin &apos;%1&apos; returned an invalid expirationTimestamp &quot;%2&quot;</source>
        <translation>exec 插件“%1”返回了无效的 expirationTimestamp“%2”</translation>
    </message>
    <message>
        <source>exec plugin &apos;%1&apos; returned clientCertificateData without clientKeyData, or the reverse</source>
        <translation>exec 插件“%1”返回了 clientCertificateData 但没有 clientKeyData，或者相反</translation>
    </message>
    <message>
        <source>exec plugin &apos;%1&apos; returned neither a token nor a client certificate</source>
        <translation>exec 插件“%1”既未返回令牌，也未返回客户端证书</translation>
    </message>
</context>
<context>
    <name>tideline::kube::KubeClient</name>
    <message>
        <source>%1: the client certificate is not a PEM certificate</source>
        <translation>%1：客户端证书不是 PEM 证书</translation>
    </message>
    <message>
        <source>%1: the client key is not a PEM RSA, EC or DSA private key</source>
        <translation>%1：客户端密钥不是 PEM 格式的 RSA、EC 或 DSA 私钥</translation>
    </message>
    <message>
        <source>cluster &quot;%1&quot;: server &quot;%2&quot; is not an https:// URL</source>
        <translation>集群“%1”：服务器“%2”不是 https:// URL</translation>
    </message>
    <message>
        <source>cluster &quot;%1&quot; is reached over plain HTTP: credentials travel unencrypted</source>
        <translation>集群“%1”通过明文 HTTP 访问：凭据以未加密方式传输</translation>
    </message>
    <message>
        <source>cluster &quot;%1&quot;: certificate-authority holds no PEM certificate</source>
        <translation>集群“%1”：certificate-authority 中不含 PEM 证书</translation>
    </message>
    <message>
        <source>cluster &quot;%1&quot; has insecure-skip-tls-verify: the server&apos;s certificate is not checked, anyone on the network path can impersonate it</source>
        <translation>集群“%1”设置了 insecure-skip-tls-verify：不会检查服务器证书，网络路径上的任何人都可以冒充该服务器</translation>
    </message>
    <message>
        <source>user &quot;%1&quot;</source>
        <translation>用户“%1”</translation>
    </message>
    <message>
        <source>user &quot;%1&quot;: cannot read tokenFile %2: %3</source>
        <translation>用户“%1”：无法读取 tokenFile %2：%3</translation>
    </message>
    <message>
        <source>exec plugin &apos;%1&apos;</source>
        <translation>exec 插件“%1”</translation>
    </message>
    <message>
        <source>no details from %1</source>
        <translation>%1 未提供详细信息</translation>
    </message>
    <message>
        <source>cannot connect to %1: connection refused</source>
        <translation>无法连接到 %1：连接被拒绝</translation>
    </message>
    <message>
        <source>cannot connect to %1: unknown host</source>
        <translation>无法连接到 %1：未知主机</translation>
    </message>
    <message>
        <source>%1 did not answer in time</source>
        <translation>%1 未及时响应</translation>
    </message>
    <message>
        <source>%1 closed the connection</source>
        <translation>%1 关闭了连接</translation>
    </message>
    <message>
        <source>TLS handshake with %1 failed: %2</source>
        <translation>与 %1 的 TLS 握手失败：%2</translation>
    </message>
    <message>
        <source>request to %1 failed: %2</source>
        <translation>对 %1 的请求失败：%2</translation>
    </message>
    <message>
        <source>no Kubernetes context is configured</source>
        <translation>未配置任何 Kubernetes 上下文</translation>
    </message>
    <message>
        <source>the server answered %1 with something that is not a JSON object</source>
        <translation>服务器对 %1 的响应不是 JSON 对象</translation>
    </message>
    <message>
        <source>expected a Scale, got &quot;%1&quot;</source>
        <translation>期望得到 Scale，实际为“%1”</translation>
    </message>
    <message>
        <source>proxy-url of cluster &quot;%1&quot;</source>
        <translation>集群“%1”的 proxy-url</translation>
    </message>
    <message>
        <source>%1 (from %2)</source>
        <extracomment>%1 is a proxy URL, %2 where it was configured (HTTPS_PROXY, proxy-url of cluster &quot;x&quot;)</extracomment>
        <translation>%1（来自 %2）</translation>
    </message>
    <message>
        <source>cannot reach %1 through proxy %2: %3</source>
        <translation>无法通过代理 %2 访问 %1：%3</translation>
    </message>
</context>
<context>
    <name>tideline::kube::KubeWatcher</name>
    <message>
        <source>the watch of %1 stalled; reconnecting</source>
        <translation>对 %1 的 watch 已停滞；正在重新连接</translation>
    </message>
    <message>
        <source>watch of %1 failed: %2</source>
        <translation>对 %1 的 watch 失败：%2</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>the watch of %1 was interrupted</source>
        <translation>对 %1 的 watch 被中断</translation>
    </message>
</context>
<context>
    <name>tideline::kube::ScalingHistoryRecorder</name>
    <message>
        <source>%1 (×%2)</source>
        <translation>%1（×%2）</translation>
    </message>
    <message>
        <source>spec.replicas %1 → %2</source>
        <translation>spec.replicas %1 → %2</translation>
    </message>
    <message>
        <source>desired replicas %1 → %2</source>
        <translation>期望副本数 %1 → %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
</TS>
