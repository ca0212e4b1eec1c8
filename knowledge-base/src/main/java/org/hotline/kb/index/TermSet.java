package org.hotline.kb.index;

/**
 * A large set of term ids (an entry's whole vocabulary) as a bit set, so a query term is looked up
 * in constant time. Immutable; thread-safe.
 */
public final class TermSet {
  private final long[] bits;

  private TermSet(long[] bits) {
    this.bits = bits;
  }

  static TermSet of(int[] ids) {
    int max = -1;
    for (int id : ids) {
      max = Math.max(max, id);
    }
    long[] bits = new long[(max >>> 6) + 1];
    for (int id : ids) {
      bits[id >>> 6] |= 1L << id;
    }
    return new TermSet(bits);
  }

  /** Whether the set holds the id; false for unknown terms (negative ids). */
  public boolean contains(int id) {
    int word = id >>> 6;
    return id >= 0 && word < bits.length && (bits[word] & (1L << id)) != 0;
  }
}
