import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dsarflow lookup benchmark: registry import throughput, and intake latency (POST /api/requests, which
 * locates the subject in the registry inside the BPMN step locateSubject) against a cheap baseline
 * (GET /api/calendar/deadline) measured in the same run, at several registry sizes.
 *
 * <p>Single-file Java 17 program, JDK only: {@code java bench/LookupBench.java <baseUrl> [--option=value ...]}.
 * Credentials come from the environment: DSAR_ADMIN_PASSWORD (import) and DSAR_DPO_PASSWORD (requests).
 * It only talks to the base URL given, which bench/run sets to 127.0.0.1.
 *
 * <p>Options (bench/run maps its BENCH_* variables onto them):
 * <pre>
 *   --sizes=10000,1000000   registry sizes, each imported into a study of its own, in this order
 *   --requests=2000         timed requests of each kind (baseline, intake) per size, split over the rounds
 *   --rounds=5              interleaved rounds: baseline batch, then intake batch, then the next round
 *   --warmup=300            untimed requests of each kind per size before the rounds
 *   --jvm-warmup=600        untimed requests of each kind, before the first size, against a 100-row warm-up study,
 *                           so the first size is not measured on a colder JVM than the later ones; 0 = skip
 *   --rate=100              pacing of the latency batches in requests/s (open loop, fixed rate)
 *   --clients=4             concurrent clients (threads) for every batch
 *   --saturation=500        requests of each kind in a closed-loop batch per size (throughput); 0 = skip
 *   --import-timeout=420    seconds one registry import may take before it is abandoned
 *   --deadline=780          seconds for the whole run: past it, no new import or batch starts and the report is printed
 *   --note=text             printed in the report header (e.g. a configuration override)
 * </pre>
 */
public class LookupBench {

    static final String RECEIVED_ON = "2025-03-10";
    static final Pattern MATCH_STATUS = Pattern.compile("\"match\"\\s*:\\s*\\{\\s*\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    // options
    static String base;
    static List<Long> sizes = new ArrayList<>(List.of(10_000L, 1_000_000L));
    static int requests = 2000, rounds = 5, warmup = 300, clients = 4, saturation = 500, jvmWarmup = 600;
    static final long WARMUP_STUDY_ROWS = 100;
    static double rate = 100;
    static long importTimeoutSeconds = 420;
    static long deadlineSeconds = 780;
    static long deadlineNanos;
    static String note = "";
    // cost phase: the service's pid (for /proc), the clock ticks a second, the database and its file
    static long pid;
    static int clockTicks = 100;
    static String db = "h2";
    static String dbFile;
    static String pgDatabase;
    static int costRequests = 200;

    static HttpClient http;
    static String adminAuth, dpoAuth;

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        parse(args);
        adminAuth = basic("admin", requireEnv("DSAR_ADMIN_PASSWORD"));
        dpoAuth = basic("dpo", requireEnv("DSAR_DPO_PASSWORD"));
        deadlineNanos = System.nanoTime() + deadlineSeconds * 1_000_000_000L;
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        String started = DateTimeFormatter.ISO_INSTANT.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String runId = Long.toString(System.currentTimeMillis(), 36);
        log("dsarflow lookup benchmark, run %s at %s against %s", runId, started, base);
        log("sizes %s; %d timed requests of each kind per size in %d interleaved rounds; warm-up %d per size, %d before "
                + "the first; latency batches paced at %.0f req/s with %d clients; closed-loop batch %d", sizes, requests, rounds,
                warmup, jvmWarmup, rate, clients, saturation);

        if (jvmWarmup > 0) {
            warmUpJvm("bench-" + runId + "-warmup");
        }
        List<SizeResult> results = new ArrayList<>();
        for (long size : sizes) {
            if (pastDeadline()) {
                SizeResult skipped = new SizeResult();
                skipped.size = size;
                skipped.importProblem = "not run: the run's deadline of " + deadlineSeconds + " s had passed";
                results.add(skipped);
                continue;
            }
            results.add(runSize(size, "bench-" + runId + "-" + size));
        }
        report(started, results);
        boolean failed = results.stream().anyMatch(r -> r.importProblem != null || r.failures() > 0 || r.unsent() > 0);
        System.exit(failed ? 2 : 0);
    }

    // ------------------------------------------------------------------------------------------ one size

    static final class SizeResult {
        long size;
        String study;
        double importSeconds = Double.NaN;
        long rowsSent;
        String importReply;
        String importProblem;
        final List<Batch> baseline = new ArrayList<>();
        final List<Batch> intake = new ArrayList<>();
        Batch baselineClosed, intakeClosed;
        long dbBytesBeforeImport = -1, dbBytesAfterImport = -1;
        Cost intakeCost, floorCost, rowCost;

        long failures() {
            long f = 0;
            for (Batch b : baseline) f += b.failures.get();
            for (Batch b : intake) f += b.failures.get();
            return f;
        }

        long unsent() {
            long u = 0;
            for (Batch b : baseline) u += b.unsent;
            for (Batch b : intake) u += b.unsent;
            return u;
        }
    }

    static SizeResult runSize(long size, String study) throws Exception {
        SizeResult result = new SizeResult();
        result.size = size;
        result.study = study;
        log("");
        log("== size %,d: study %s", size, study);
        createStudy(study);
        result.dbBytesBeforeImport = dbBytes();
        importRegistry(result);
        result.dbBytesAfterImport = dbBytes();
        if (result.importProblem != null) {
            log("   import failed, no latency measurement at this size: %s", result.importProblem);
            return result;
        }

        SplittableRandom random = new SplittableRandom(size * 31 + 7);

        if (pastDeadline()) {
            log("   the run's deadline of %d s has passed: no latency measurement at this size", deadlineSeconds);
            return result;
        }
        if (warmup > 0) {
            Batch w1 = runBatch("warm-up baseline", warmup, 0, baselineFactory(warmup), Kind.BASELINE);
            Batch w2 = runBatch("warm-up intake", warmup, 0, intakeFactory(study, size, random, warmup), Kind.INTAKE);
            log("   warm-up: baseline %s | intake %s", w1.brief(), w2.brief());
        }
        int perRound = Math.max(1, requests / rounds);
        for (int round = 1; round <= rounds; round++) {
            if (pastDeadline()) {
                log("   the run's deadline of %d s has passed: stopping after %d rounds", deadlineSeconds, round - 1);
                break;
            }
            Batch b = runBatch("baseline", perRound, rate, baselineFactory(perRound), Kind.BASELINE);
            Batch in = runBatch("intake", perRound, rate, intakeFactory(study, size, random, perRound), Kind.INTAKE);
            result.baseline.add(b);
            result.intake.add(in);
            log("   round %d/%d: baseline %s | intake %s | ratio p50 %.2f", round, rounds, b.brief(), in.brief(),
                    in.p(0.5) / b.p(0.5));
        }
        if (saturation > 0 && !pastDeadline()) {
            result.baselineClosed = runBatch("baseline closed", saturation, 0, baselineFactory(saturation), Kind.BASELINE);
            result.intakeClosed = runBatch("intake closed", saturation, 0,
                    intakeFactory(study, size, random, saturation), Kind.INTAKE);
            log("   closed loop (%d clients): baseline %.0f req/s | intake %.0f req/s (%s)", clients,
                    result.baselineClosed.throughput(), result.intakeClosed.throughput(), result.intakeClosed.brief());
        }
        if (pid > 0 && costRequests > 0 && !pastDeadline()) {
            result.rowCost = cost("row", costRequests, i -> benchRequest("/bench/row"), false);
            result.floorCost = cost("floor", costRequests, i -> benchRequest("/bench/floor"), false);
            result.intakeCost = cost("intake", costRequests, intakeFactory(study, size, random, costRequests), true);
            log("   cost per request: intake %s | floor %s | row %s", result.intakeCost, result.floorCost, result.rowCost);
        }
        return result;
    }

    /** Brings the service's JIT to a steady state before the first measured size, on a study of its own. */
    static void warmUpJvm(String study) throws Exception {
        log("");
        log("== JVM warm-up: study %s with %d rows, %d requests of each kind (not reported)", study, WARMUP_STUDY_ROWS, jvmWarmup);
        createStudy(study);
        SizeResult warm = new SizeResult();
        warm.size = WARMUP_STUDY_ROWS;
        warm.study = study;
        importRegistry(warm);
        if (warm.importProblem != null) {
            log("   warm-up import failed: %s", warm.importProblem);
            return;
        }
        SplittableRandom random = new SplittableRandom(1);
        Batch b = runBatch("jvm warm-up baseline", jvmWarmup, 0, baselineFactory(jvmWarmup), Kind.BASELINE);
        Batch in = runBatch("jvm warm-up intake", jvmWarmup, 0, intakeFactory(study, WARMUP_STUDY_ROWS, random, jvmWarmup),
                Kind.INTAKE);
        log("   baseline %s | intake %s", b.brief(), in.brief());
    }

    static IntFunction<HttpRequest> baselineFactory(int n) {
        // one immutable request, sent n times
        HttpRequest request = baselineRequest();
        return i -> request;
    }

    /** The people are drawn up front, so the workers share no random generator. */
    static IntFunction<HttpRequest> intakeFactory(String study, long size, SplittableRandom random, int n) {
        long[] people = new long[n];
        for (int i = 0; i < n; i++) {
            people[i] = 1 + random.nextLong(size);
        }
        return i -> intakeRequest(study, people[i]);
    }

    static HttpRequest baselineRequest() {
        return HttpRequest.newBuilder(URI.create(base + "/api/calendar/deadline?receivedOn=" + RECEIVED_ON))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", dpoAuth)
                .header("Accept", "application/json")
                .GET().build();
    }

    static HttpRequest intakeRequest(String study, long person) {
        String email = email(person);
        String body = "{\"type\":\"ACCESS\",\"receivedAt\":\"" + RECEIVED_ON + "\",\"channel\":\"EMAIL\","
                + "\"requester\":{\"name\":\"Synthetic Person " + person + "\",\"email\":\"" + email + "\"},"
                + "\"identifiers\":{\"email\":\"" + email + "\"},\"studyKeys\":[\"" + study + "\"]}";
        return HttpRequest.newBuilder(URI.create(base + "/api/requests"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", dpoAuth)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static String email(long n) {
        return String.format("person.%07d@synthetic.invalid", n);
    }

    // ------------------------------------------------------------------------------------------ study and import

    static void createStudy(String study) throws Exception {
        String body = "{\"key\":\"" + study + "\",\"name\":\"Benchmark study " + study + "\","
                + "\"phase\":\"COLLECTION\",\"phaseSince\":\"2025-01-01\",\"identifierSchemes\":[[\"email\"]],"
                + "\"categories\":[\"PARTICIPANT\"],"
                + "\"holdings\":[{\"key\":\"survey\",\"location\":\"Online survey platform\",\"custody\":\"EXTERNAL\","
                + "\"identifiability\":\"IDENTIFIED\",\"source\":\"PRIMARY\",\"retention\":\"12 months after final collection\"}]}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/studies"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", adminAuth)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /api/studies answered " + response.statusCode() + ": " + clip(response.body()));
        }
    }

    static void importRegistry(SizeResult result) throws Exception {
        CsvRegistry csv = new CsvRegistry(result.size);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/studies/" + result.study + "/subjects"))
                .timeout(Duration.ofSeconds(Math.max(1, Math.min(importTimeoutSeconds,
                        (deadlineNanos - System.nanoTime()) / 1_000_000_000L))))
                .header("Authorization", adminAuth)
                .header("Content-Type", "text/csv")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> csv))
                .build();
        long t0 = System.nanoTime();
        Thread progress = new Thread(() -> {
            long last = 0;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(15_000);
                } catch (InterruptedException e) {
                    return;
                }
                long sent = csv.rowsRead();
                double s = (System.nanoTime() - t0) / 1e9;
                log("   import: %,d rows handed to the HTTP client after %.0f s (%,.0f rows/s in the last 15 s; %.1f MiB;"
                        + " the server lags by what the socket buffers hold, a few MiB)",
                        sent, s, (sent - last) / 15.0, csv.bytesRead() / 1048576.0);
                last = sent;
            }
        }, "import-progress");
        progress.setDaemon(true);
        progress.start();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            result.importSeconds = (System.nanoTime() - t0) / 1e9;
            result.rowsSent = csv.rowsRead();
            result.importReply = clip(response.body());
            if (response.statusCode() != 200) {
                result.importProblem = "HTTP " + response.statusCode() + " after " + fmt(result.importSeconds) + " s, when the HTTP client had "
                        + "been handed " + String.format("%,d", result.rowsSent) + " of " + String.format("%,d", result.size)
                        + " rows (" + String.format("%.2f", csv.bytesRead() / 1048576.0) + " MiB); reply: " + result.importReply;
            } else {
                long created = longField(response.body(), "created");
                long updated = longField(response.body(), "updated");
                boolean noRejections = response.body().replaceAll("\\s", "").contains("\"rejected\":[]");
                if (created + updated != result.size || !noRejections) {
                    result.importProblem = "reply does not account for all " + result.size + " rows: " + result.importReply;
                }
            }
        } catch (HttpTimeoutException e) {
            result.importSeconds = (System.nanoTime() - t0) / 1e9;
            result.rowsSent = csv.rowsRead();
            result.importProblem = "no reply within " + fmt(result.importSeconds) + " s (import timeout " + importTimeoutSeconds
                    + " s, or the run's deadline); the HTTP client had been handed "
                    + String.format("%,d", result.rowsSent) + " of " + String.format("%,d", result.size) + " rows "
                    + String.format("(%,.0f rows/s)", result.rowsSent / result.importSeconds)
                    + "; the server may still be importing";
        } catch (IOException e) {
            result.importSeconds = (System.nanoTime() - t0) / 1e9;
            result.rowsSent = csv.rowsRead();
            result.importProblem = e.getClass().getSimpleName() + " (" + e.getMessage() + ") after " + fmt(result.importSeconds)
                    + " s, when the client had handed over " + String.format("%,d", result.rowsSent) + " rows";
        } finally {
            progress.interrupt();
        }
        if (result.importProblem == null) {
            log("   import: %,d rows in %.2f s = %,.0f rows/s; reply %s", result.size, result.importSeconds,
                    result.size / result.importSeconds, result.importReply);
        }
    }

    /**
     * The synthetic registry as CSV, generated as it is read: subjectRef,category,holdings,id.email,attr.wellbeingScore
     * (the column layout of SyntheticRegistry for a study whose only scheme is [email]). Never holds more than one
     * small buffer of rows.
     */
    static final class CsvRegistry extends InputStream {
        private final long count;
        private long next; // 0 = header
        private byte[] buffer = new byte[0];
        private int position;
        private final AtomicLong bytes = new AtomicLong();
        private final AtomicLong rows = new AtomicLong();
        private final StringBuilder chunk = new StringBuilder(80 * 1024);

        CsvRegistry(long count) {
            this.count = count;
        }

        long rowsRead() {
            return rows.get();
        }

        long bytesRead() {
            return bytes.get();
        }

        private boolean fill() {
            if (next > count) {
                return false;
            }
            chunk.setLength(0);
            if (next == 0) {
                chunk.append("subjectRef,category,holdings,id.email,attr.wellbeingScore\n");
                next = 1;
            }
            long end = Math.min(count, next + 999);
            rows.addAndGet(end - next + 1);
            for (long n = next; n <= end; n++) {
                chunk.append(String.format("SYN-%07d", n)).append(",PARTICIPANT,survey,")
                        .append(email(n)).append(',').append(1 + (n * 7919) % 10).append('\n');
            }
            next = end + 1;
            buffer = chunk.toString().getBytes(StandardCharsets.UTF_8);
            position = 0;
            return true;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (position >= buffer.length && !fill()) {
                return -1;
            }
            int n = Math.min(len, buffer.length - position);
            System.arraycopy(buffer, position, b, off, n);
            position += n;
            bytes.addAndGet(n);
            return n;
        }
    }

    // ------------------------------------------------------------------------------------------ batches

    enum Kind { BASELINE, INTAKE, NO_CONTENT }

    static final class Batch {
        final String label;
        final int count;
        final double rate;
        final long[] latency;       // send -> full reply, ns
        final long[] fromSchedule;  // intended send time -> full reply, ns (open loop only)
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        final Map<String, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        int unsent;
        double seconds;

        Batch(String label, int count, double rate) {
            this.label = label;
            this.count = count;
            this.rate = rate;
            this.latency = new long[count];
            this.fromSchedule = new long[count];
            Arrays.fill(latency, -1);
            Arrays.fill(fromSchedule, -1);
        }

        long[] sorted(long[] values) {
            return Arrays.stream(values).filter(v -> v >= 0).sorted().toArray();
        }

        /** Nearest-rank percentile in milliseconds of the send-to-reply latency. */
        double p(double q) {
            return percentile(sorted(latency), q);
        }

        double pSchedule(double q) {
            return percentile(sorted(fromSchedule), q);
        }

        double throughput() {
            return done.get() / seconds;
        }

        String brief() {
            String s = String.format("p50 %.1f ms p99 %.1f ms %.0f req/s", p(0.5), p(0.99), throughput());
            if (failures.get() > 0 || unsent > 0) {
                s += String.format(" FAILURES %d unsent %d %s", failures.get(), unsent, problems.peek());
            }
            return s;
        }
    }

    static double percentile(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    /**
     * Runs {@code count} requests with {@code clients} threads. With {@code rate > 0}, request i is due at
     * start + i/rate (open loop, fixed rate): a thread waits for the due time of the next request, so a slow
     * reply delays later sends and shows up in {@code fromSchedule}. With {@code rate == 0}, closed loop.
     * Bounded: a batch stops sending after max(120 s, 5x its planned duration).
     */
    static Batch runBatch(String label, int count, double rate, IntFunction<HttpRequest> requests, Kind kind)
            throws InterruptedException {
        // (a batch that starts before the run's deadline may end after it: it has its own bound)
        Batch batch = new Batch(label, count, rate);
        AtomicInteger nextIndex = new AtomicInteger();
        AtomicInteger unsent = new AtomicInteger();
        long start = System.nanoTime() + 20_000_000L;
        double planned = rate > 0 ? count / rate : 0;
        long stopSendingAt = start + (long) (Math.max(120, 5 * planned) * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                int i;
                while ((i = nextIndex.getAndIncrement()) < count) {
                    long due = rate > 0 ? start + (long) (i * 1e9 / rate) : 0;
                    if (rate > 0) {
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    if (System.nanoTime() > stopSendingAt) {
                        unsent.incrementAndGet();
                        continue;
                    }
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(requests.apply(i), HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        batch.latency[i] = t1 - t0;
                        batch.fromSchedule[i] = t1 - (rate > 0 ? due : t0);
                        batch.done.incrementAndGet();
                        String problem = check(kind, response);
                        batch.statuses.computeIfAbsent(Integer.toString(response.statusCode()), k -> new AtomicInteger()).incrementAndGet();
                        if (problem != null) {
                            batch.failures.incrementAndGet();
                            if (batch.problems.size() < 5) {
                                batch.problems.add(problem);
                            }
                        }
                    } catch (IOException e) {
                        batch.failures.incrementAndGet();
                        if (batch.problems.size() < 5) {
                            batch.problems.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, label + "-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        batch.seconds = (System.nanoTime() - start) / 1e9;
        batch.unsent = unsent.get();
        return batch;
    }

    /** Null when the reply is what it should be, else what was wrong (no personal data: problem bodies carry none). */
    static String check(Kind kind, HttpResponse<String> response) {
        if (kind == Kind.BASELINE) {
            return response.statusCode() == 200 ? null : "HTTP " + response.statusCode() + " " + clip(response.body());
        }
        if (kind == Kind.NO_CONTENT) {
            return response.statusCode() == 204 ? null : "HTTP " + response.statusCode() + " " + clip(response.body());
        }
        if (response.statusCode() != 201) {
            return "HTTP " + response.statusCode() + " " + clip(response.body());
        }
        Matcher m = MATCH_STATUS.matcher(response.body());
        if (!m.find()) {
            return "201 without match.status";
        }
        return "UNIQUE".equals(m.group(1)) ? null : "match.status " + m.group(1);
    }

    // ------------------------------------------------------------------------------------------ cost per request

    /** What the service process and its database spent on {@code count} requests of one kind, per request. */
    static final class Cost {
        int requests;
        double cpuMs, writtenBytes, dbBytes, transactions;
        Double statements, pgCommits;
        long backlogLeft;

        @Override
        public String toString() {
            return String.format("cpu %.2f ms, written %.0f B, db +%.0f B, %.2f commits%s%s", cpuMs, writtenBytes, dbBytes,
                    pgCommits != null ? pgCommits : transactions,
                    statements == null ? "" : String.format(", %.1f statements", statements),
                    backlogLeft > 0 ? ", JOB BACKLOG LEFT " + backlogLeft : "");
        }
    }

    record Sample(long cpuTicks, long writtenBytes, long dbBytes, long transactions, Long statements, Long pgCommits) {
    }

    static HttpRequest benchRequest(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    /**
     * One client, closed loop, so the requests do not wait on each other; for intake, the counters are read
     * once the email jobs the intakes started have run (the engine's backlog back at 0, bounded), so they count.
     */
    static Cost cost(String label, int count, IntFunction<HttpRequest> requests, boolean drainJobs) throws Exception {
        awaitNoBacklog();
        Sample before = sample();
        int savedClients = clients;
        clients = 1;
        Batch batch;
        try {
            batch = runBatch("cost " + label, count, 0, requests, label.equals("intake") ? Kind.INTAKE : Kind.NO_CONTENT);
        } finally {
            clients = savedClients;
        }
        long left = drainJobs ? awaitNoBacklog() : 0;
        Sample after = sample();
        int n = Math.max(1, batch.done.get() - batch.failures.get());
        Cost cost = new Cost();
        cost.requests = n;
        cost.cpuMs = (after.cpuTicks - before.cpuTicks) * 1000.0 / clockTicks / n;
        cost.writtenBytes = (after.writtenBytes - before.writtenBytes) / (double) n;
        cost.dbBytes = (after.dbBytes - before.dbBytes) / (double) n;
        cost.transactions = (after.transactions - before.transactions) / (double) n;
        cost.statements = after.statements == null ? null : (after.statements - before.statements) / (double) n;
        cost.pgCommits = after.pgCommits == null ? null : (after.pgCommits - before.pgCommits) / (double) n;
        cost.backlogLeft = left;
        return cost;
    }

    static Sample sample() throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        long written = 0;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/io"))) {
            if (line.startsWith("write_bytes:")) {
                written = Long.parseLong(line.substring(12).trim());
            }
        }
        HttpResponse<String> counters = http.send(HttpRequest.newBuilder(URI.create(base + "/bench/counters"))
                .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (counters.statusCode() != 200) {
            throw new IllegalStateException("GET /bench/counters answered " + counters.statusCode()
                    + ": is the service running with QUARKUS_PROFILE=prod,bench?");
        }
        Matcher statements = Pattern.compile("\"statements\":(\\d+)").matcher(counters.body());
        Long pgCommits = pgDatabase == null ? null : Long.parseLong(psql(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"));
        return new Sample(ticks, written, dbBytes(), longField(counters.body(), "transactions"),
                statements.find() ? Long.parseLong(statements.group(1)) : null, pgCommits);
    }

    /** The H2 file's size, or the PostgreSQL database's. */
    static long dbBytes() throws Exception {
        if (pgDatabase != null) {
            return Long.parseLong(psql("SELECT pg_database_size(current_database())"));
        }
        return dbFile == null ? 0 : Files.size(Path.of(dbFile));
    }

    static String psql(String sql) throws Exception {
        Process process = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", System.getenv().getOrDefault("BENCH_PG_USER", "postgres"),
                "-d", pgDatabase, "-Atc", sql).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql: " + out);
        }
        return out;
    }

    /** Waits (at most 120 s) until the engine has no job due; answers the backlog then. */
    static long awaitNoBacklog() throws Exception {
        long until = System.nanoTime() + 120_000_000_000L;
        Pattern gauge = Pattern.compile("(?m)^dsar_job_executor_backlog(?:\\{[^}]*\\})? ([0-9.eE+]+)$");
        long backlog;
        do {
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics"))
                    .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = gauge.matcher(metrics.body());
            backlog = m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
            if (backlog == 0) {
                return 0;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < until);
        return backlog;
    }

    // ------------------------------------------------------------------------------------------ report

    static void report(String started, List<SizeResult> results) {
        StringBuilder out = new StringBuilder();
        String line = "-".repeat(100);
        out.append('\n').append("=".repeat(100)).append('\n');
        out.append(String.format("dsarflow lookup benchmark: results (started %s, %d cpus, Java %s)%n", started,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        out.append(String.format("latency: %d rounds x %d requests of each kind, paced at %.0f req/s (open loop) by %d clients; "
                + "ms, pooled over rounds%n", rounds, Math.max(1, requests / rounds), rate, clients));
        out.append(String.format("warm-up: %d requests of each kind before the first size (%d-row study), %d per size%n",
                jvmWarmup, WARMUP_STUDY_ROWS, warmup));
        if (!note.isBlank()) {
            out.append("note: ").append(note).append('\n');
        }

        out.append(line).append('\n').append("Registry import (one streamed text/csv POST per size)\n");
        out.append(String.format("%12s %12s %10s  %s%n", "rows", "rows/s", "seconds", "result"));
        for (SizeResult r : results) {
            String rowsPerSecond = r.importProblem == null ? String.format("%,.0f", r.size / r.importSeconds) : "-";
            out.append(String.format("%,12d %12s %10s  %s%n", r.size, rowsPerSecond, fmt(r.importSeconds),
                    r.importProblem == null ? "ok " + r.importReply : "FAILED: " + r.importProblem));
        }
        out.append("target: >= 20,000 rows/s\n");

        out.append(line).append('\n').append("Latency at the paced rate, ms (baseline = GET /api/calendar/deadline; "
                + "intake = POST /api/requests incl. locateSubject)\n");
        out.append(String.format("%12s | %8s %8s | %8s %8s %9s %8s %7s | %9s %11s | %s%n", "registry", "base p50", "base p99",
                "int p50", "int p99", "int p99s", "int max", "int r/s", "ratio p50", "ratio range", "failed/unsent"));
        for (SizeResult r : results) {
            if (r.baseline.isEmpty()) {
                out.append(String.format("%,12d | %s%n", r.size, r.importProblem != null
                        ? "not measured (import failed)" : "not measured (the run's deadline had passed)"));
                continue;
            }
            Batch b = pooled(r.baseline);
            Batch in = pooled(r.intake);
            double[] ratios = r.intake.stream().mapToDouble(x -> 0).toArray();
            for (int k = 0; k < ratios.length; k++) {
                ratios[k] = r.intake.get(k).p(0.5) / r.baseline.get(k).p(0.5);
            }
            double[] sortedRatios = ratios.clone();
            Arrays.sort(sortedRatios);
            out.append(String.format("%,12d | %8.2f %8.2f | %8.2f %8.2f %9.1f %8.1f %7.1f | %9.2f %5.2f-%-5.2f | %d/%d%s%n", r.size,
                    b.p(0.5), b.p(0.99), in.p(0.5), in.p(0.99), in.pSchedule(0.99), in.p(1.0), in.throughput(),
                    median(ratios), sortedRatios[0], sortedRatios[sortedRatios.length - 1], r.failures(), r.unsent(),
                    problemsOf(r)));
        }
        out.append("int p99s = p99 measured from each request's scheduled send time (includes the wait in the client "
                + "when replies fall behind the pace); int r/s = intake requests/s achieved over the paced batches\n");
        out.append("ratio p50 = median over rounds of (intake p50 / baseline p50) in the same round; range = min-max over rounds\n");
        out.append("target: intake p99 <= 50 ms at 100 req/s\n");

        if (saturation > 0) {
            out.append(line).append('\n').append(String.format("Throughput, closed loop with %d clients, %d requests of each kind%n",
                    clients, saturation));
            out.append(String.format("%12s | %14s | %14s %10s %10s%n", "registry", "baseline req/s", "intake req/s", "int p50", "int p99"));
            for (SizeResult r : results) {
                if (r.intakeClosed == null) {
                    out.append(String.format("%,12d | %s%n", r.size, "not measured"));
                    continue;
                }
                out.append(String.format("%,12d | %14.0f | %14.0f %10.2f %10.2f%n", r.size, r.baselineClosed.throughput(),
                        r.intakeClosed.throughput(), r.intakeClosed.p(0.5), r.intakeClosed.p(0.99)));
            }
            out.append("target (spec): intake >= 300 req/s sustained at 1,000,000 records\n");
        }

        out.append(line).append('\n').append("Headline\n");
        List<SizeResult> measured = results.stream().filter(r -> !r.intake.isEmpty()).toList();
        if (measured.size() >= 2) {
            SizeResult small = measured.get(0);
            SizeResult large = measured.get(measured.size() - 1);
            double smallP50 = pooled(small.intake).p(0.5);
            double largeP50 = pooled(large.intake).p(0.5);
            double smallNet = smallP50 - pooled(small.baseline).p(0.5);
            double largeNet = largeP50 - pooled(large.baseline).p(0.5);
            out.append(String.format("intake p50 at %,d / at %,d records = %.2f / %.2f ms = %.2f (flat = 1.0)%n", large.size,
                    small.size, largeP50, smallP50, largeP50 / smallP50));
            out.append(String.format("intake p50 minus baseline p50: %.2f ms at %,d vs %.2f ms at %,d records%n", largeNet,
                    large.size, smallNet, small.size));
            out.append(String.format("ratio p50 (intake/baseline, same rounds) at %,d / at %,d records = %.2f / %.2f = %.2f%n",
                    large.size, small.size, medianRatio(large), medianRatio(small), medianRatio(large) / medianRatio(small)));
        } else {
            out.append("no size ratio: fewer than two sizes were measured");
            List<SizeResult> missing = results.stream().filter(r -> r.intake.isEmpty()).toList();
            if (!missing.isEmpty()) {
                out.append(" (not measured at ");
                out.append(String.join(", ", missing.stream().map(r -> String.format("%,d", r.size)).toList()));
                out.append(")");
            }
            out.append('\n');
        }
        for (SizeResult r : results) {
            out.append(String.format("import %,d rows: %s%n", r.size, r.importProblem == null
                    ? String.format("%,.0f rows/s (%.1f s)", r.size / r.importSeconds, r.importSeconds) : "FAILED"));
        }
        out.append("=".repeat(100)).append('\n');
        System.out.print(out);
        System.out.println(json(results));
        System.out.flush();
    }

    /**
     * The run's figures as one JSON object, the last line of the output: those of the largest size that
     * was measured, the import of every size, and the intake p50 of the largest size over the smallest.
     */
    static String json(List<SizeResult> results) {
        Map<String, Object> figures = new LinkedHashMap<>();
        List<SizeResult> measured = results.stream().filter(r -> !r.intake.isEmpty()).toList();
        SizeResult large = measured.isEmpty() ? null : measured.get(measured.size() - 1);
        SizeResult small = measured.isEmpty() ? null : measured.get(0);
        figures.put("db", db);
        figures.put("cpus", Runtime.getRuntime().availableProcessors());
        figures.put("registry", large == null ? null : large.size);
        if (large != null) {
            Batch paced = pooled(large.intake);
            Cost intake = large.intakeCost;
            Cost floor = large.floorCost;
            Cost row = large.rowCost;
            figures.put("intake_cpu_ms", intake == null ? null : intake.cpuMs);
            figures.put("floor_cpu_ms", floor == null ? null : floor.cpuMs);
            figures.put("row_cpu_ms", row == null ? null : row.cpuMs);
            figures.put("intake_floor_cpu_ratio", intake == null || floor == null ? null : intake.cpuMs / floor.cpuMs);
            figures.put("intake_p50_ms", paced.p(0.5));
            figures.put("intake_p99_ms", paced.p(0.99));
            figures.put("intake_p99_from_schedule_ms", paced.pSchedule(0.99));
            figures.put("intake_paced_rps", paced.throughput());
            figures.put("paced_rate", rate);
            figures.put("intake_closed_rps", large.intakeClosed == null ? null : large.intakeClosed.throughput());
            figures.put("written_bytes_per_intake", intake == null ? null : intake.writtenBytes);
            figures.put("db_bytes_per_intake", intake == null ? null : intake.dbBytes);
            figures.put("commits_per_intake", intake == null ? null : commits(intake));
            figures.put("statements_per_intake", intake == null ? null : intake.statements);
            figures.put("commits_per_floor", floor == null ? null : commits(floor));
            figures.put("statements_per_floor", floor == null ? null : floor.statements);
            figures.put("commits_per_row", row == null ? null : commits(row));
            figures.put("job_backlog_after_intakes", intake == null ? null : intake.backlogLeft);
            figures.put("intake_p50_ratio_largest_to_smallest", large == small ? null : paced.p(0.5) / pooled(small.intake).p(0.5));
        }
        SizeResult largestImport = results.stream().filter(r -> r.importProblem == null && r.importSeconds > 0)
                .reduce((a, b) -> b).orElse(null);
        figures.put("import_rows", largestImport == null ? null : largestImport.size);
        figures.put("import_rows_per_s", largestImport == null ? null : largestImport.size / largestImport.importSeconds);
        figures.put("h2_file_bytes_per_million_rows", largestImport == null || !db.equals("h2") ? null
                : (largestImport.dbBytesAfterImport - largestImport.dbBytesBeforeImport) * 1e6 / largestImport.size);
        figures.put("db_bytes_per_million_rows", largestImport == null ? null
                : (largestImport.dbBytesAfterImport - largestImport.dbBytesBeforeImport) * 1e6 / largestImport.size);
        long dbEnd = -1;
        try {
            dbEnd = dbBytes();
        } catch (Exception e) {
            log("database size not read at the end: %s", e.getMessage());
        }
        figures.put("db_bytes_at_end", dbEnd < 0 ? null : dbEnd);
        figures.put("failures", results.stream().mapToLong(r -> r.failures() + r.unsent()).sum());
        StringBuilder json = new StringBuilder("{");
        figures.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(key).append("\":");
            if (value == null || (value instanceof Double d && (d.isNaN() || d.isInfinite()))) {
                json.append("null");
            } else if (value instanceof Double d) {
                json.append(String.format(Locale.ROOT, "%.3f", d));
            } else if (value instanceof String text) {
                json.append('"').append(text).append('"');
            } else {
                json.append(value);
            }
        });
        return json.append('}').toString();
    }

    /** PostgreSQL's own count of commits when there is one, else the transaction manager's. */
    static double commits(Cost cost) {
        return cost.pgCommits != null ? cost.pgCommits : cost.transactions;
    }

    /** Median over rounds of (intake p50 / baseline p50) of the same round. */
    static double medianRatio(SizeResult r) {
        double[] ratios = new double[r.intake.size()];
        for (int k = 0; k < ratios.length; k++) {
            ratios[k] = r.intake.get(k).p(0.5) / r.baseline.get(k).p(0.5);
        }
        return median(ratios);
    }

    static String problemsOf(SizeResult r) {
        List<String> all = new ArrayList<>();
        for (Batch b : r.baseline) all.addAll(b.problems);
        for (Batch b : r.intake) all.addAll(b.problems);
        return all.isEmpty() ? "" : "  first: " + all.get(0);
    }

    static Batch pooled(List<Batch> batches) {
        int total = batches.stream().mapToInt(b -> b.count).sum();
        Batch all = new Batch("pooled", total, 0);
        int k = 0;
        double seconds = 0;
        for (Batch b : batches) {
            System.arraycopy(b.latency, 0, all.latency, k, b.count);
            System.arraycopy(b.fromSchedule, 0, all.fromSchedule, k, b.count);
            k += b.count;
            all.done.addAndGet(b.done.get());
            all.failures.addAndGet(b.failures.get());
            seconds += b.seconds;
        }
        all.seconds = seconds;
        return all;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    // ------------------------------------------------------------------------------------------ helpers

    static void parse(String[] args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            System.err.println("usage: java bench/LookupBench.java <baseUrl> [--sizes=10000,1000000] [--requests=2000] "
                    + "[--rounds=5] [--warmup=300] [--jvm-warmup=600] [--rate=100] [--clients=4] [--saturation=500] [--import-timeout=420] [--deadline=780]");
            System.exit(64);
        }
        base = args[0].replaceAll("/+$", "");
        URI uri = URI.create(base);
        if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
            throw new IllegalArgumentException("the benchmark only talks to 127.0.0.1 or localhost, not " + uri.getHost());
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || !a.contains("=")) {
                throw new IllegalArgumentException("options look like --name=value: " + a);
            }
            options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
        }
        options.forEach((name, value) -> {
            switch (name) {
                case "sizes" -> {
                    sizes = new ArrayList<>();
                    for (String s : value.trim().split("[,\\s]+")) {
                        if (!s.isEmpty()) sizes.add(Long.parseLong(s.replace("_", "")));
                    }
                    if (sizes.isEmpty() || sizes.stream().anyMatch(s -> s < 1 || s > 9_999_999)) {
                        throw new IllegalArgumentException("sizes must be 1..9,999,999 (7-digit synthetic numbers)");
                    }
                }
                case "requests" -> requests = Integer.parseInt(value);
                case "rounds" -> rounds = Integer.parseInt(value);
                case "warmup" -> warmup = Integer.parseInt(value);
                case "jvm-warmup" -> jvmWarmup = Integer.parseInt(value);
                case "rate" -> rate = Double.parseDouble(value);
                case "clients" -> clients = Integer.parseInt(value);
                case "saturation" -> saturation = Integer.parseInt(value);
                case "import-timeout" -> importTimeoutSeconds = Long.parseLong(value);
                case "deadline" -> deadlineSeconds = Long.parseLong(value);
                case "note" -> note = value;
                case "pid" -> pid = Long.parseLong(value);
                case "clock-ticks" -> clockTicks = Integer.parseInt(value);
                case "db" -> db = value;
                case "db-file" -> dbFile = value;
                case "pg-database" -> pgDatabase = value;
                case "cost-requests" -> costRequests = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option --" + name);
            }
        });
        if (requests < rounds || rounds < 1 || clients < 1 || clients > 64 || rate < 0 || rate > 5000
                || requests > 1_000_000 || warmup < 0 || jvmWarmup < 0 || saturation < 0 || importTimeoutSeconds < 1 || deadlineSeconds < 1) {
            throw new IllegalArgumentException("option out of range");
        }
    }

    static boolean pastDeadline() {
        return System.nanoTime() > deadlineNanos;
    }

    static String requireEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isEmpty()) {
            throw new IllegalStateException(name + " must be set in the environment");
        }
        return value;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static long longField(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    static String clip(String s) {
        if (s == null) return "";
        s = s.replaceAll("\\s+", " ");
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    static String fmt(double seconds) {
        return Double.isNaN(seconds) ? "-" : String.format("%.1f", seconds);
    }

    static void log(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(format, args));
        System.out.flush();
    }
}
