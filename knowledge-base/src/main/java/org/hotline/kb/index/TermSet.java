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

  static Builder builder() {
    return new Builder();
  }

  /** Collects ids and sets into a new set. Not thread-safe. */
  static final class Builder {
    private long[] bits = new long[0];

    Builder addAll(int[] ids) {
      for (int id : ids) {
        grow((id >>> 6) + 1);
        bits[id >>> 6] |= 1L << id;
      }
      return this;
    }

    Builder addAll(TermSet set) {
      grow(set.bits.length);
      for (int i = 0; i < set.bits.length; i++) {
        bits[i] |= set.bits[i];
      }
      return this;
    }

    private void grow(int words) {
      if (bits.length < words) {
        bits = java.util.Arrays.copyOf(bits, words);
      }
    }

    TermSet build() {
      return new TermSet(bits.clone());
    }
  }
}
