package org.hotline.server.ask;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.hotline.kb.Answer;
import org.hotline.kb.KnowledgeBase;
import org.hotline.server.kb.KnowledgeBaseService;
import org.hotline.server.kb.UnansweredQuestions;

/**
 * Answers questions from the current knowledge base, caching the answer by normalised question
 * from its second asking ({@link RecentlyAsked}); its JSON is written when it is sent, from parts
 * encoded once per knowledge-base version ({@link AnswerJson}). An entry made from an older version
 * is never served: the cache is cleared on reload and each entry remembers the version it came
 * from. Thread-safe.
 */
public final class AnswerService {
  /** One answer, and how to write it as the JSON body of {@code POST /api/v1/ask}. */
  public record Result(Answer answer, AnswerJson encoder) {
    public byte[] json() {
      return encoder.encode(answer);
    }
  }

  /** An answer with the knowledge-base version it came from and that version's JSON encoder. */
  private record Cached(KnowledgeBase version, Result result) {}

  private final KnowledgeBaseService knowledgeBase;
  private final UnansweredQuestions unanswered;
  private final Cache<String, Cached> cache;
  private final RecentlyAsked recentlyAsked = RecentlyAsked.forAnswerCache();
  private final DistributionSummary confidence;
  private final Counter unansweredCount;
  /** The JSON encoder of the latest knowledge-base version asked. */
  private volatile Versioned encoder;

  private record Versioned(KnowledgeBase version, AnswerJson encoder) {}

  public AnswerService(KnowledgeBaseService knowledgeBase, UnansweredQuestions unanswered,
      MeterRegistry registry, long cacheSize) {
    this.knowledgeBase = requireNonNull(knowledgeBase, "knowledgeBase");
    this.unanswered = requireNonNull(unanswered, "unanswered");
    this.encoder = new Versioned(null, null);
    // Maintenance (evicting past the size bound) on the asking thread: handing it to the common
    // pool woke a pool thread after most writes under uncached load, on cores the event loops need.
    this.cache = Caffeine.newBuilder().maximumSize(cacheSize).executor(Runnable::run).recordStats().build();
    CaffeineCacheMetrics.monitor(registry, cache, "answers");
    this.confidence = DistributionSummary.builder("hotline.answer.confidence")
        .description("confidence of the best candidate for each question asked")
        .serviceLevelObjectives(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
        .register(registry);
    this.unansweredCount = Counter.builder("hotline.answer.unanswered")
        .description("questions not answered (suggestions only, or nothing)")
        .register(registry);
    knowledgeBase.onReload(kb -> cache.invalidateAll());
  }

  public Result ask(String question) {
    KnowledgeBase kb = knowledgeBase.current();
    String normalized = kb.normalize(question);
    Cached cached = cache.getIfPresent(normalized);
    if (cached == null || cached.version() != kb) {
      Answer answer = kb.answerNormalized(normalized);
      cached = new Cached(kb, new Result(answer, encoderFor(kb)));
      if (recentlyAsked.askedBefore(normalized)) { // a wording asked once is not cached
        cache.put(normalized, cached);
      }
    }
    Result result = cached.result();
    confidence.record(result.answer().confidence());
    if (!(result.answer() instanceof Answer.Answered)) {
      unansweredCount.increment();
      unanswered.record(question, normalized);
    }
    return result;
  }

  private AnswerJson encoderFor(KnowledgeBase kb) {
    Versioned current = encoder;
    if (current.version() != kb) {
      current = new Versioned(kb, new AnswerJson(kb)); // a few milliseconds, once per version
      encoder = current;
    }
    return current.encoder();
  }
}
