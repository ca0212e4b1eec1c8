package org.hotline.server.kb;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.hotline.server.http.Json;
import org.hotline.server.privacy.PersonalDataMasker;

/**
 * Questions the knowledge base could not answer, masked, counted by their normalised form, for the
 * content team. Each occurrence is appended to {@code unanswered.jsonl} in the data directory by a
 * background writer (never on the caller's thread), in batches, and replayed at start-up.
 * Thread-safe.
 */
public final class UnansweredQuestions implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(UnansweredQuestions.class.getName());
  /** Distinct questions kept in memory; beyond this only the count of dropped ones grows. */
  static final int MAX_DISTINCT = 20_000;
  /** How often the writer appends what was recorded: 0.1 s. */
  private static final long WRITE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /** One distinct unanswered question: an example of its wording, how often, and when last. */
  public record Item(String question, long count, String lastAskedAt) {}

  private static final class Counter {
    volatile String example;
    final AtomicLong count = new AtomicLong();
    volatile Instant last;
  }

  private final ConcurrentHashMap<String, Counter> byKey = new ConcurrentHashMap<>();
  private final PersonalDataMasker masker;
  private final Clock clock;
  private final Path file;
  /**
   * Lines waiting for the writer, and flush markers. Bounded: under a flood of unanswered questions,
   * persistence drops lines rather than memory.
   */
  private final BlockingQueue<Object> pending = new ArrayBlockingQueue<>(10_000);
  private final Thread writer;
  private volatile boolean closing;

  private record Line(String key, String question, Instant at) {}

  public UnansweredQuestions(Path dataDir, PersonalDataMasker masker, Clock clock) {
    this.masker = requireNonNull(masker, "masker");
    this.clock = requireNonNull(clock, "clock");
    this.file = dataDir.resolve("unanswered.jsonl");
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir, e);
    }
    replay();
    writer = new Thread(this::writeLines, "unanswered-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Records one unanswered question.
   *
   * @param question the question as asked (masked here before it is kept anywhere)
   * @param normalized its normalised form, which groups rewordings that differ only in fillers
   */
  public void record(String question, String normalized) {
    String masked = masker.mask(question.strip());
    String key = masker.mask(normalized);
    Instant now = clock.instant();
    add(key, masked, now, 1);
    pending.offer(new Line(key, masked, now)); // full: the line is dropped, the count kept
  }

  private void add(String key, String example, Instant at, long n) {
    Counter c = byKey.get(key);
    if (c == null) {
      if (byKey.size() >= MAX_DISTINCT) {
        return;
      }
      c = byKey.computeIfAbsent(key, k -> new Counter());
    }
    c.example = example;
    c.count.addAndGet(n);
    c.last = at;
  }

  /** The most frequent unanswered questions, most frequent first. */
  public List<Item> top(int limit) {
    return byKey.values().stream()
        .map(c -> new Item(c.example, c.count.get(), c.last.toString()))
        .sorted(Comparator.comparingLong(Item::count).reversed()
            .thenComparing(Item::lastAskedAt, Comparator.reverseOrder()))
        .limit(limit)
        .toList();
  }

  public long distinct() {
    return byKey.size();
  }

  /**
   * The writer thread: every {@link #WRITE_INTERVAL_NANOS} (or at once for {@link #flush} and
   * {@link #close}), takes every line queued and appends them all with one opening of the file.
   * Recording a line never wakes it: woken per line, under uncached load it opened the file and
   * preempted an event loop or the load generator a few hundred times a second.
   */
  private void writeLines() {
    List<Object> batch = new ArrayList<>();
    while (true) {
      boolean last = closing; // read before draining: what was recorded before close() is written
      pending.drainTo(batch);
      if (!batch.isEmpty()) {
        append(batch);
        for (Object o : batch) {
          if (o instanceof CountDownLatch flushed) {
            flushed.countDown();
          }
        }
        batch.clear();
      }
      if (last || Thread.currentThread().isInterrupted()) { // parking would return at once
        return;
      }
      LockSupport.parkNanos(this, WRITE_INTERVAL_NANOS);
    }
  }

  private void append(List<Object> batch) {
    try {
      StringBuilder text = new StringBuilder();
      for (Object o : batch) {
        if (o instanceof Line line) {
          ObjectNode node = Json.MAPPER.createObjectNode();
          node.put("key", line.key()).put("question", line.question()).put("at", line.at().toString());
          text.append(Json.MAPPER.writeValueAsString(node)).append('\n');
        }
      }
      if (text.isEmpty()) {
        return;
      }
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
        out.write(text.toString());
      }
    } catch (IOException | RuntimeException e) { // the writer thread outlives a bad batch
      LOG.log(System.Logger.Level.WARNING, "cannot append to " + file + ": " + e.getMessage());
    }
  }

  private void replay() {
    if (!Files.isRegularFile(file)) {
      return;
    }
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines.forEach(line -> {
        try {
          JsonNode node = Json.MAPPER.readTree(line);
          // Masked again: a line an older version wrote may hold what masking now recognises.
          add(masker.mask(node.path("key").asText()), masker.mask(node.path("question").asText()),
              Instant.parse(node.path("at").asText()), 1);
        } catch (IOException | RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING, "skipping a damaged line in " + file);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Waits until what was recorded before is written; for tests and shutdown. */
  public void flush() throws InterruptedException {
    CountDownLatch flushed = new CountDownLatch(1);
    boolean queued = pending.offer(flushed, 10, TimeUnit.SECONDS);
    LockSupport.unpark(writer);
    if (!queued || !flushed.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the unanswered-questions writer did not catch up in 10 s");
    }
  }

  /** Writes what is pending (for up to 10 s), then stops the writer. */
  @Override
  public void close() {
    closing = true;
    LockSupport.unpark(writer);
    try {
      writer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
