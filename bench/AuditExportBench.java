import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dsarflow audit export benchmark: streams the whole audit log through GET /api/audit/events?format=json and
 * ?format=csv, and walks it with GET /api/audit/verify, at several log sizes, while sampling the service's heap.
 * The claim under test (PRODUCT.md §11): "Audit export of 1,000,000 events streamed with flat heap".
 *
 * <p>Single-file Java 17 program, JDK only: {@code java bench/AuditExportBench.java <baseUrl> --pid=<service pid>
 * --fill=<command> [--option=value ...]}. The auditor's password comes from DSAR_AUDITOR_PASSWORD. It only talks
 * to 127.0.0.1/localhost. It watches the service's JVM with the JDK's own tools: {@code jstat -gc <pid>} every
 * --sample-ms (heap used = survivor + eden + old, and old alone), {@code jcmd <pid> GC.run} for the heap at rest,
 * and, if --gc-log names the service's -Xlog:gc file, the heap left after every collection (the live set).
 *
 * <p>The log is grown between sizes by --fill, a shell command run with the number of entries to append as $1
 * (bench/audit-export makes it psql with bench/audit-fill.sql), so each size is the whole log, exactly that long.
 *
 * <p>Options (bench/audit-export maps its BENCH_* variables onto them):
 * <pre>
 *   --sizes=100000,1000000  log sizes, in increasing order; the log is grown to each in turn
 *   --rounds=3              timed rounds per size: a JSON export, then a CSV export; then as many verifies
 *   --warmup=1              untimed exports of each format, and verifies, before the first size's rounds
 *   --stall=10              at the largest size: a JSON export whose client reads 1 MiB and then nothing for this
 *                           many seconds, then the rest (does the service wait for a slow reader?); 0 = skip
 *   --sample-ms=200         heap sampling interval
 *   --gc-log=path           the service's -Xlog:gc file (optional)
 *   --heap-max=256m         the service's -Xmx, for the report only
 *   --request-timeout=600   seconds one export or verify may take
 *   --deadline=780          seconds for the whole run: past it, nothing new starts and the report is printed
 *   --note=text             printed in the report header
 * </pre>
 */
public class AuditExportBench {

    static final byte[] JSON_ENTRY = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);
    static final Pattern VERIFY = Pattern.compile(
            "\"valid\"\\s*:\\s*(true|false).*\"entries\"\\s*:\\s*(\\d+).*\"firstBroken\"\\s*:\\s*(null|\\d+)", Pattern.DOTALL);
    static final double MB = 1024.0 * 1024.0;

    // options
    static String base;
    static long pid;
    static String fillCommand;
    static List<Long> sizes = new ArrayList<>(List.of(100_000L, 1_000_000L));
    static int rounds = 3, warmup = 1, stallSeconds = 10, sampleMs = 200;
    static Path gcLog;
    static String heapMax = "?";
    static long requestTimeoutSeconds = 600, deadlineSeconds = 780;
    static long deadlineNanos;
    static String note = "";

    static HttpClient http;
    static String auditorAuth;
    static HeapSampler sampler;
    static final List<String> problems = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        parse(args);
        auditorAuth = "Basic " + Base64.getEncoder().encodeToString(
                ("auditor:" + requireEnv("DSAR_AUDITOR_PASSWORD")).getBytes(StandardCharsets.UTF_8));
        deadlineNanos = System.nanoTime() + deadlineSeconds * 1_000_000_000L;
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        String started = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        log("dsarflow audit export benchmark at %s against %s (service pid %d, -Xmx %s)", started, base, pid, heapMax);
        log("sizes %s; %d rounds per size (JSON export, CSV export, verify); warm-up %d; stall test %d s; heap sampled every %d ms",
                sizes, rounds, warmup, stallSeconds, sampleMs);

        sampler = new HeapSampler();
        sampler.start();
        Thread.sleep(Math.max(1000, 3L * sampleMs));
        if (sampler.samples.isEmpty()) {
            throw new IllegalStateException("jstat -gc " + pid + " gave no samples: " + sampler.problem);
        }

        Verify first = verify();
        if (!first.ok()) {
            throw new IllegalStateException("The first verify failed: " + first.problem + " " + first.reply);
        }
        long entries = first.entries;
        log("the log holds %,d entries at the start (valid=%s)", entries, first.valid);

        List<SizeResult> results = new ArrayList<>();
        for (int s = 0; s < sizes.size(); s++) {
            long size = sizes.get(s);
            SizeResult result = new SizeResult(size);
            results.add(result);
            if (pastDeadline()) {
                result.skipped = "not run: the run's deadline of " + deadlineSeconds + " s had passed";
                continue;
            }
            if (size < entries) {
                result.skipped = "not run: the log already holds " + entries + " entries";
                continue;
            }
            if (size > entries) {
                long t0 = System.nanoTime();
                log("size %,d: appending %,d entries with --fill", size, size - entries);
                int rc = fill(size - entries);
                result.fillSeconds = (System.nanoTime() - t0) / 1e9;
                if (rc != 0) {
                    result.skipped = "the fill command exited with " + rc;
                    problems.add("size " + size + ": " + result.skipped);
                    break;
                }
                log("size %,d: filled in %.1f s", size, result.fillSeconds);
                entries = size;
            }
            result.atRest = heapAtRest();
            log("size %,d: heap at rest (after a full GC) %s", size, mb(result.atRest));
            if (s == 0 && warmup > 0) {
                for (int w = 0; w < warmup && !pastDeadline(); w++) {
                    Export json = export("json", size, 0);
                    Export csv = export("csv", size, 0);
                    Verify v = verify();
                    log("warm-up %d: json %.1f s, csv %.1f s, verify %.1f s", w + 1, json.seconds, csv.seconds, v.seconds);
                }
            }
            for (int r = 1; r <= rounds && !pastDeadline(); r++) {
                Export json = export("json", size, 0);
                result.json.add(json);
                logExport(r, json);
                if (pastDeadline()) break;
                Export csv = export("csv", size, 0);
                result.csv.add(csv);
                logExport(r, csv);
            }
            for (int r = 1; r <= rounds && !pastDeadline(); r++) {
                Verify v = verify();
                result.verify.add(v);
                log("  round %d verify: %.2f s, %s, heap max %s, live after GC median %s, max %s", r, v.seconds, v.reply,
                        mb(v.heap.max), mb(v.heap.liveMedian), mb(v.heap.liveMax));
                if (!v.ok()) problems.add("size " + size + " verify: " + v.problem);
                else if (!v.valid || v.entries != size) problems.add("size " + size + " verify: " + v.reply);
            }
            if (s == sizes.size() - 1 && stallSeconds > 0 && !pastDeadline()) {
                result.stall = export("json", size, stallSeconds);
                logExport(0, result.stall);
            }
            if (!serviceAlive()) {
                problems.add("the service (pid " + pid + ") is gone after size " + size);
                break;
            }
        }
        sampler.stop();
        report(started, results);
        System.exit(problems.isEmpty() ? 0 : 2);
    }

    // ------------------------------------------------------------------------------------------ measurements

    static final class SizeResult {
        final long size;
        String skipped;
        double fillSeconds = Double.NaN;
        long atRest = -1;
        final List<Export> json = new ArrayList<>(), csv = new ArrayList<>();
        final List<Verify> verify = new ArrayList<>();
        Export stall;

        SizeResult(long size) {
            this.size = size;
        }
    }

    /** Heap figures over one measurement, in bytes; -1 when unknown. */
    static final class Heap {
        long before = -1, median = -1, max = -1, after = -1, oldMax = -1, liveMax = -1, liveMedian = -1;
        int samples, youngGcs, fullGcs;
        long stallMax = -1;
    }

    static final class Export {
        String format;
        long size;
        int stall;
        int status;
        double seconds = Double.NaN, ttfbSeconds = Double.NaN;
        long bytes, entries;
        String problem;
        Heap heap = new Heap();

        boolean ok() {
            return problem == null;
        }
    }

    static final class Verify {
        int status;
        double seconds = Double.NaN;
        String reply = "";
        boolean valid;
        long entries = -1;
        String problem;
        Heap heap = new Heap();

        boolean ok() {
            return problem == null;
        }
    }

    static void logExport(int round, Export e) {
        String label = e.stall > 0 ? "stalled-client json" : "round " + round + " " + e.format;
        log("  %s: %.2f s, first byte %.2f s, %,d bytes, %,d entries (%,.0f entries/s), heap before %s, median %s, max %s, "
                        + "after %s; live after GC median %s, max %s; GCs %d young, %d full%s%s",
                label, e.seconds, e.ttfbSeconds, e.bytes, e.entries, e.entries / e.seconds, mb(e.heap.before),
                mb(e.heap.median), mb(e.heap.max), mb(e.heap.after), mb(e.heap.liveMedian), mb(e.heap.liveMax), e.heap.youngGcs, e.heap.fullGcs,
                e.stall > 0 ? ", heap max during the stall " + mb(e.heap.stallMax) : "",
                e.ok() ? "" : "  PROBLEM: " + e.problem);
        if (!e.ok()) problems.add("size " + e.size + " " + label + ": " + e.problem);
    }

    /**
     * One whole-log export, read as it arrives: bytes and entries counted on the fly (JSON: occurrences of
     * {"seq":, CSV: lines after the header), never held. With stall > 0 the client reads 1 MiB, then nothing for
     * that many seconds, then the rest.
     */
    static Export export(String format, long expected, int stall) throws Exception {
        Export e = new Export();
        e.format = format;
        e.size = expected;
        e.stall = stall;
        Window window = Window.open();
        long t0 = System.nanoTime();
        long stallStart = 0, stallEnd = 0;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/audit/events?format=" + format))
                    .header("Authorization", auditorAuth)
                    .timeout(Duration.ofSeconds(requestTimeoutSeconds))
                    .GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            e.status = response.statusCode();
            byte[] buffer = new byte[64 * 1024];
            int matched = 0;
            long newlines = 0;
            int firstByte = -1, lastByte = -1;
            boolean stalled = false;
            try (InputStream body = response.body()) {
                int n;
                while ((n = body.read(buffer)) >= 0) {
                    if (n == 0) continue;
                    if (firstByte < 0) {
                        e.ttfbSeconds = (System.nanoTime() - t0) / 1e9;
                        firstByte = buffer[0];
                    }
                    lastByte = buffer[n - 1];
                    e.bytes += n;
                    if (format.equals("json")) {
                        for (int i = 0; i < n; i++) {
                            byte b = buffer[i];
                            if (b == JSON_ENTRY[matched]) {
                                if (++matched == JSON_ENTRY.length) {
                                    e.entries++;
                                    matched = 0;
                                }
                            } else {
                                matched = b == JSON_ENTRY[0] ? 1 : 0;
                            }
                        }
                    } else {
                        for (int i = 0; i < n; i++) {
                            if (buffer[i] == '\n') newlines++;
                        }
                    }
                    if (stall > 0 && !stalled && e.bytes >= 1024 * 1024) {
                        stalled = true;
                        stallStart = System.nanoTime();
                        Thread.sleep(stall * 1000L);
                        stallEnd = System.nanoTime();
                    }
                }
            }
            e.seconds = (System.nanoTime() - t0) / 1e9;
            if (format.equals("csv")) {
                e.entries = Math.max(0, newlines - 1);
            }
            if (e.status != 200) {
                e.problem = "HTTP " + e.status;
            } else if (e.entries != expected) {
                e.problem = "expected " + expected + " entries, counted " + e.entries;
            } else if (format.equals("json") && (firstByte != '[' || lastByte != ']')) {
                e.problem = "the JSON body is not one array (first byte " + firstByte + ", last " + lastByte + ")";
            }
        } catch (IOException ex) {
            e.seconds = (System.nanoTime() - t0) / 1e9;
            e.problem = ex.getClass().getSimpleName() + ": " + ex.getMessage() + " after " + e.bytes + " bytes"
                    + (serviceAlive() ? "" : "; the service is gone");
        }
        e.heap = window.close();
        if (stallStart > 0) {
            e.heap.stallMax = sampler.stats(stallStart, stallEnd).max;
        }
        return e;
    }

    static Verify verify() throws Exception {
        Verify v = new Verify();
        Window window = Window.open();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/audit/verify"))
                    .header("Authorization", auditorAuth).timeout(Duration.ofSeconds(requestTimeoutSeconds)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            v.seconds = (System.nanoTime() - t0) / 1e9;
            v.status = response.statusCode();
            v.reply = response.body().strip();
            Matcher m = VERIFY.matcher(v.reply);
            if (v.status != 200) {
                v.problem = "HTTP " + v.status + " " + abbreviate(v.reply);
            } else if (!m.find()) {
                v.problem = "unexpected reply " + abbreviate(v.reply);
            } else {
                v.valid = Boolean.parseBoolean(m.group(1));
                v.entries = Long.parseLong(m.group(2));
            }
        } catch (IOException ex) {
            v.seconds = (System.nanoTime() - t0) / 1e9;
            v.problem = ex.getClass().getSimpleName() + ": " + ex.getMessage();
        }
        v.heap = window.close();
        return v;
    }

    /** A measurement's window on the heap samples and the GC log: a quiet second before, a second and a half after. */
    static final class Window {
        long before, start, gcLogOffset;

        static Window open() throws InterruptedException {
            Window w = new Window();
            Thread.sleep(1000);
            w.gcLogOffset = GcLog.size();
            w.before = sampler.latestBefore(System.nanoTime());
            w.start = System.nanoTime();
            return w;
        }

        Heap close() throws InterruptedException {
            long end = System.nanoTime();
            Thread.sleep(1500);
            Heap heap = sampler.stats(start, end);
            heap.before = before;
            heap.after = sampler.latestBefore(System.nanoTime());
            GcLog.Summary gcs = GcLog.read(gcLogOffset);
            heap.liveMax = gcs.maxAfter;
            heap.liveMedian = gcs.medianAfter;
            heap.youngGcs = gcs.young;
            heap.fullGcs = gcs.full;
            return heap;
        }
    }

    /** The heap left by a full GC, the service idle: what it holds at rest. */
    static long heapAtRest() throws Exception {
        long offset = GcLog.size();
        Process jcmd = new ProcessBuilder(jdkTool("jcmd"), Long.toString(pid), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS)) jcmd.destroyForcibly();
        Thread.sleep(1000);
        GcLog.Summary gcs = GcLog.read(offset);
        if (gcs.lastFullAfter >= 0) return gcs.lastFullAfter;
        return sampler.latestBefore(System.nanoTime());
    }

    static int fill(long count) throws Exception {
        Process process = new ProcessBuilder("bash", "-c", fillCommand, "fill", Long.toString(count))
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (!line.isBlank()) log("  fill: %s", line.strip());
            }
        }
        return process.waitFor();
    }

    // ------------------------------------------------------------------------------------------ the service's JVM

    /** jstat -gc <pid> <ms>: one sample per line; heap used = S0U + S1U + EU + OU (KB in jstat). */
    static final class HeapSampler {
        record Sample(long nanos, long used, long old) {
        }

        final List<Sample> samples = new CopyOnWriteArrayList<>();
        volatile String problem = "";
        Process process;
        Thread reader;

        void start() throws IOException {
            process = new ProcessBuilder(jdkTool("jstat"), "-gc", Long.toString(pid), Integer.toString(sampleMs))
                    .redirectErrorStream(true).start();
            reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    Map<String, Integer> columns = null;
                    String line;
                    while ((line = out.readLine()) != null) {
                        String[] fields = line.trim().split("\\s+");
                        if (fields.length > 0 && fields[0].equals("S0C")) {
                            columns = new HashMap<>();
                            for (int i = 0; i < fields.length; i++) columns.put(fields[i], i);
                            continue;
                        }
                        if (columns == null || fields.length < columns.size()) {
                            problem = line;
                            continue;
                        }
                        double kb = value(fields, columns, "S0U") + value(fields, columns, "S1U")
                                + value(fields, columns, "EU") + value(fields, columns, "OU");
                        samples.add(new Sample(System.nanoTime(), (long) (kb * 1024), (long) (value(fields, columns, "OU") * 1024)));
                    }
                } catch (IOException | RuntimeException e) {
                    problem = e.toString();
                }
            }, "jstat-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static double value(String[] fields, Map<String, Integer> columns, String name) {
            return Double.parseDouble(fields[columns.get(name)]);
        }

        void stop() {
            if (process != null) process.destroy();
        }

        long latestBefore(long nanos) {
            long used = -1;
            for (Sample s : samples) {
                if (s.nanos <= nanos) used = s.used;
            }
            return used;
        }

        Heap stats(long from, long to) {
            List<Long> used = new ArrayList<>();
            long oldMax = -1;
            for (Sample s : samples) {
                if (s.nanos >= from && s.nanos <= to) {
                    used.add(s.used);
                    oldMax = Math.max(oldMax, s.old);
                }
            }
            Heap heap = new Heap();
            heap.samples = used.size();
            if (!used.isEmpty()) {
                long[] sorted = used.stream().mapToLong(Long::longValue).sorted().toArray();
                heap.median = sorted[sorted.length / 2];
                heap.max = sorted[sorted.length - 1];
            }
            heap.oldMax = oldMax;
            return heap;
        }
    }

    /**
     * The service's -Xlog:gc file: "[12.3s][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 150M->40M(256M) 3.1ms".
     * Only young and full pauses count for the live heap: a Remark or Cleanup pause frees no young objects, so the
     * heap "after" it still holds the eden's garbage.
     */
    static final class GcLog {
        static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause (Young|Full|Remark|Cleanup)[^\\n]*? (\\d+)M->(\\d+)M\\((\\d+)M\\)");

        record Summary(int young, int full, long maxAfter, long medianAfter, long lastFullAfter) {
        }

        static long size() {
            try {
                return gcLog == null ? 0 : Files.size(gcLog);
            } catch (IOException e) {
                return 0;
            }
        }

        static Summary read(long offset) {
            if (gcLog == null) return new Summary(0, 0, -1, -1, -1);
            int young = 0, full = 0;
            long lastFullAfter = -1;
            List<Long> afters = new ArrayList<>();
            try (RandomAccessFile file = new RandomAccessFile(gcLog.toFile(), "r")) {
                long length = file.length();
                if (length <= offset) return new Summary(0, 0, -1, -1, -1);
                byte[] bytes = new byte[(int) (length - offset)];
                file.seek(offset);
                file.readFully(bytes);
                Matcher m = PAUSE.matcher(new String(bytes, StandardCharsets.UTF_8));
                while (m.find()) {
                    long after = Long.parseLong(m.group(3)) * 1024 * 1024;
                    switch (m.group(1)) {
                        case "Young" -> {
                            young++;
                            afters.add(after);
                        }
                        case "Full" -> {
                            full++;
                            lastFullAfter = after;
                            afters.add(after);
                        }
                        default -> {
                        }
                    }
                }
            } catch (IOException e) {
                return new Summary(0, 0, -1, -1, -1);
            }
            long[] sorted = afters.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Summary(young, full, sorted.length == 0 ? -1 : sorted[sorted.length - 1],
                    sorted.length == 0 ? -1 : sorted[sorted.length / 2], lastFullAfter);
        }
    }

    static boolean serviceAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    static String jdkTool(String name) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", name);
        return Files.isExecutable(tool) ? tool.toString() : name;
    }

    // ------------------------------------------------------------------------------------------ report

    static void report(String started, List<SizeResult> results) {
        String rule = "-".repeat(118);
        System.out.println();
        System.out.printf("dsarflow audit export benchmark: results (started %s, %d cpus, Java %s, service -Xmx%s)%n", started,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), heapMax);
        if (!note.isBlank()) System.out.println("note: " + note);
        System.out.printf("%d rounds per size; medians over rounds; heap = S0U+S1U+EU+OU from jstat -gc every %d ms; "
                + "live = heap after each GC (GC log); MB = MiB%n", rounds, sampleMs);
        System.out.println(rule);
        System.out.println("Whole-log export, GET /api/audit/events?format=... (auditor)");
        System.out.println("     entries fmt |  seconds  1st byte s     MB   MB/s  entries/s | heap MB: rest  before  median  "
                + "max  after | live med max | GCs y/f | ok");
        for (SizeResult r : results) {
            if (r.skipped != null) {
                System.out.printf("%,12d     | %s%n", r.size, r.skipped);
                continue;
            }
            for (List<Export> list : List.of(r.json, r.csv)) {
                if (list.isEmpty()) continue;
                Export any = list.get(0);
                double seconds = median(list.stream().mapToDouble(e -> e.seconds).toArray());
                double ttfb = median(list.stream().mapToDouble(e -> e.ttfbSeconds).toArray());
                double bytes = median(list.stream().mapToDouble(e -> e.bytes).toArray());
                long ok = list.stream().filter(Export::ok).count();
                System.out.printf("%,12d %-4s| %8.2f  %10.2f %6.0f %6.1f %10.0f | %13s %7s %7s %4s %6s | %8s %3s | %3s/%-3s| %d/%d%n",
                        r.size, any.format, seconds, ttfb, bytes / MB, bytes / MB / seconds, r.size / seconds,
                        mbNum(r.atRest), mbNum(medianOf(list, h -> h.before)), mbNum(medianOf(list, h -> h.median)),
                        mbNum(maxOf(list, h -> h.max)), mbNum(medianOf(list, h -> h.after)),
                        mbNum(medianOf(list, h -> h.liveMedian)), mbNum(maxOf(list, h -> h.liveMax)),
                        (int) median(list.stream().mapToDouble(e -> e.heap.youngGcs).toArray()),
                        list.stream().mapToInt(e -> e.heap.fullGcs).sum(), ok, list.size());
            }
        }
        System.out.println("rest = after a full GC (jcmd GC.run) before the size's first export; before/median/after = "
                + "medians over rounds; max = the highest sample of all rounds");
        System.out.println("live = the heap right after a young or full GC during an export, what the export keeps alive: med = "
                + "median over rounds of each export's median, max = the highest of all rounds (- = no GC during the exports)");
        System.out.println("GCs y/f = young GCs per export (median), full GCs in all rounds");
        System.out.println(rule);
        System.out.println("Chain check, GET /api/audit/verify (auditor)");
        System.out.println("     entries |  seconds  entries/s | heap MB: median   max | live med max | reply");
        for (SizeResult r : results) {
            if (r.skipped != null || r.verify.isEmpty()) continue;
            double seconds = median(r.verify.stream().mapToDouble(v -> v.seconds).toArray());
            Verify last = r.verify.get(r.verify.size() - 1);
            System.out.printf("%,12d | %8.2f %10.0f | %14s %5s | %8s %3s | %s%n", r.size, seconds, r.size / seconds,
                    mbNum(median(r.verify.stream().mapToDouble(v -> v.heap.median).toArray())),
                    mbNum(r.verify.stream().mapToLong(v -> v.heap.max).max().orElse(-1)),
                    mbNum(median(r.verify.stream().mapToDouble(v -> v.heap.liveMedian).toArray())),
                    mbNum(r.verify.stream().mapToLong(v -> v.heap.liveMax).max().orElse(-1)),
                    last.ok() ? last.reply : "FAILED: " + last.problem);
        }
        SizeResult largest = null, smallest = null;
        for (SizeResult r : results) {
            if (r.skipped == null && !r.json.isEmpty()) {
                if (smallest == null) smallest = r;
                largest = r;
            }
        }
        if (largest != null && largest.stall != null) {
            Export e = largest.stall;
            System.out.println(rule);
            System.out.printf("Stalled client at %,d entries: JSON export, the client reads 1 MiB, then nothing for %d s, then the rest%n",
                    largest.size, e.stall);
            System.out.printf("heap max during the stall %s MB, during the whole export %s MB, live max %s MB; %.1f s in all, "
                            + "%,d entries, %s%n", mbNum(e.heap.stallMax), mbNum(e.heap.max), mbNum(e.heap.liveMax), e.seconds,
                    e.entries, e.ok() ? "ok" : "FAILED: " + e.problem);
        }
        System.out.println(rule);
        System.out.println("Headline");
        if (largest != null) {
            for (String format : List.of("json", "csv")) {
                List<Export> big = format.equals("json") ? largest.json : largest.csv;
                if (big.isEmpty()) continue;
                double seconds = median(big.stream().mapToDouble(e -> e.seconds).toArray());
                double bytes = median(big.stream().mapToDouble(e -> e.bytes).toArray());
                System.out.printf("%s export of %,d entries: %.1f s, %.0f MB, %,.0f entries/s, through a %s heap, %s%n",
                        format.toUpperCase(Locale.ROOT), largest.size, seconds, bytes / MB, largest.size / seconds, heapMax,
                        big.stream().allMatch(Export::ok) ? "every round complete" : "NOT every round complete");
                if (smallest != largest) {
                    List<Export> small = format.equals("json") ? smallest.json : smallest.csv;
                    if (small.isEmpty()) continue;
                    long liveBig = maxOf(big, h -> h.liveMax), liveSmall = maxOf(small, h -> h.liveMax);
                    System.out.printf("  %,d vs %,d entries: %.1fx the bytes in %.1fx the time; heap max %s / %s MB = %s; "
                                    + "live after GC: median %s / %s MB, max %s / %s MB = %s (flat = 1.0); full GCs during the exports: %d%n",
                            largest.size, smallest.size, bytes / median(small.stream().mapToDouble(e -> e.bytes).toArray()),
                            seconds / median(small.stream().mapToDouble(e -> e.seconds).toArray()),
                            mbNum(maxOf(big, h -> h.max)), mbNum(maxOf(small, h -> h.max)),
                            String.format("%.2f", ratio(maxOf(big, h -> h.max), maxOf(small, h -> h.max))),
                            mbNum(medianOf(big, h -> h.liveMedian)), mbNum(medianOf(small, h -> h.liveMedian)),
                            mbNum(liveBig), mbNum(liveSmall),
                            liveSmall > 0 && liveBig >= 0 ? String.format("%.2f", ratio(liveBig, liveSmall))
                                    : "n/a (no GC during the exports of one size; at rest " + mbNum(smallest.atRest) + " MB)",
                            big.stream().mapToInt(e -> e.heap.fullGcs).sum() + small.stream().mapToInt(e -> e.heap.fullGcs).sum());
                }
            }
            if (!largest.verify.isEmpty()) {
                Verify last = largest.verify.get(largest.verify.size() - 1);
                System.out.printf("verify of %,d entries: %.1f s, %s%n", largest.size,
                        median(largest.verify.stream().mapToDouble(v -> v.seconds).toArray()), last.reply);
            }
        }
        if (problems.isEmpty()) {
            System.out.println("no failures");
        } else {
            System.out.println("FAILURES:");
            problems.forEach(p -> System.out.println("  " + p));
        }
    }

    interface HeapFigure {
        long of(Heap heap);
    }

    static long medianOf(List<Export> list, HeapFigure figure) {
        long[] values = list.stream().mapToLong(e -> figure.of(e.heap)).filter(v -> v >= 0).sorted().toArray();
        return values.length == 0 ? -1 : values[values.length / 2];
    }

    static long maxOf(List<Export> list, HeapFigure figure) {
        return list.stream().mapToLong(e -> figure.of(e.heap)).max().orElse(-1);
    }

    static double ratio(long a, long b) {
        return a < 0 || b <= 0 ? Double.NaN : (double) a / b;
    }

    static double median(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v) && v >= 0).sorted().toArray();
        if (sorted.length == 0) return Double.NaN;
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static String mb(long bytes) {
        return bytes < 0 ? "-" : mbNum(bytes) + " MB";
    }

    static String mbNum(double bytes) {
        return bytes < 0 || Double.isNaN(bytes) ? "-" : String.format("%.0f", bytes / MB);
    }

    // ------------------------------------------------------------------------------------------ plumbing

    static void parse(String[] args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            throw new IllegalArgumentException("usage: java bench/AuditExportBench.java <baseUrl> --pid=<pid> --fill=<command> "
                    + "[--sizes=100000,1000000] [--rounds=3] [--warmup=1] [--stall=10] [--sample-ms=200] [--gc-log=path] "
                    + "[--heap-max=256m] [--request-timeout=600] [--deadline=780] [--note=text]");
        }
        base = args[0].replaceAll("/+$", "");
        String host = URI.create(base).getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("refusing to run against " + host + ": 127.0.0.1 or localhost only");
        }
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) throw new IllegalArgumentException("bad option " + arg);
            String name = arg.substring(2, eq), value = arg.substring(eq + 1);
            switch (name) {
                case "pid" -> pid = Long.parseLong(value);
                case "fill" -> fillCommand = value;
                case "sizes" -> {
                    sizes = new ArrayList<>();
                    for (String s : value.split("[,\\s]+")) if (!s.isBlank()) sizes.add(Long.parseLong(s.replace("_", "")));
                    sizes.sort(Long::compare);
                }
                case "rounds" -> rounds = Integer.parseInt(value);
                case "warmup" -> warmup = Integer.parseInt(value);
                case "stall" -> stallSeconds = Integer.parseInt(value);
                case "sample-ms" -> sampleMs = Integer.parseInt(value);
                case "gc-log" -> gcLog = value.isBlank() ? null : Path.of(value);
                case "heap-max" -> heapMax = value;
                case "request-timeout" -> requestTimeoutSeconds = Long.parseLong(value);
                case "deadline" -> deadlineSeconds = Long.parseLong(value);
                case "note" -> note = value;
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        if (pid <= 0) throw new IllegalArgumentException("--pid=<the service's pid> is required");
        if (fillCommand == null || fillCommand.isBlank()) throw new IllegalArgumentException("--fill=<command> is required");
    }

    static String requireEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) throw new IllegalStateException(name + " is not set");
        return value;
    }

    static boolean pastDeadline() {
        return System.nanoTime() > deadlineNanos;
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    static void log(String format, Object... args) {
        System.out.printf("[audit-bench %s] %s%n", java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                String.format(format, args));
        System.out.flush();
    }
}
