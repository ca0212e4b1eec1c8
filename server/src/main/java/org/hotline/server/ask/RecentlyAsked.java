package org.hotline.server.ask;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The normalised questions asked recently, as a Bloom filter: the answer cache's doorkeeper. Most
 * wordings a hotline hears are asked once; caching their answers only churns the cache and gives the
 * garbage collector entries to copy, so an answer is cached from a question's second asking. The
 * filter forgets everything after {@link #capacity} questions have been marked (a question asked
 * twice that far apart is not a repeat worth a cache entry). A false positive caches a one-off
 * answer; a race between threads can lose a mark and delay caching by one asking: neither changes
 * an answer. Thread-safe, and it allocates nothing per question.
 */
final class RecentlyAsked {
  private final AtomicLongArray bits;
  private final int mask;
  private final int capacity;
  private final AtomicInteger marked = new AtomicInteger();

  /**
   * @param log2Bits the filter holds {@code 2^log2Bits} bits
   * @param capacity questions marked before it is cleared; at a sixteenth of the bits or fewer,
   *     fewer than one question in 50 passes for a repeat it is not
   */
  RecentlyAsked(int log2Bits, int capacity) {
    if (log2Bits < 6 || log2Bits > 30 || capacity < 1) {
      throw new IllegalArgumentException("log2Bits in 6..30 and a positive capacity");
    }
    this.bits = new AtomicLongArray(1 << (log2Bits - 6));
    this.mask = (1 << log2Bits) - 1;
    this.capacity = capacity;
  }

  /** For the answer cache: a megabit (128 KiB), cleared after 65,536 questions. */
  static RecentlyAsked forAnswerCache() {
    return new RecentlyAsked(20, 1 << 16);
  }

  /** Marks the question as asked and tells whether it had been marked already. */
  boolean askedBefore(String normalized) {
    int h = normalized.hashCode() * 0x9E3779B9; // spread, then two bits from the two halves
    int first = (h ^ (h >>> 16)) & mask;
    int second = (Integer.rotateLeft(h, 13) * 0x85EBCA6B ^ h) & mask;
    boolean before = set(first) & set(second);
    if (!before && marked.incrementAndGet() >= capacity) {
      clear();
    }
    return before;
  }

  /** Sets a bit; true when it was set already. */
  private boolean set(int bit) {
    long word = 1L << bit; // the shift takes the low six bits
    int index = bit >>> 6;
    long old = bits.get(index);
    if ((old & word) != 0) {
      return true;
    }
    return (bits.getAndAccumulate(index, word, (a, b) -> a | b) & word) != 0;
  }

  private void clear() {
    marked.set(0);
    for (int i = 0; i < bits.length(); i++) {
      bits.set(i, 0);
    }
  }
}
