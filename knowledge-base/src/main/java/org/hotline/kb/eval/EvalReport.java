package org.hotline.kb.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy figures of one evaluation run, per kind of question. Mutable while the run adds
 * outcomes; not thread-safe.
 */
public final class EvalReport {

  /** Figures for one kind of question. */
  public static final class KindStats {
    int total;
    int answeredCorrectly;
    int answeredWrongly;
    int rankedFirst;
    int suggested;
    int rejected;
    double reciprocalRankSum;

    /** Share answered with the expected entry (in-domain kinds). */
    public double top1() {
      return ratio(answeredCorrectly);
    }

    /** Share whose best candidate is the expected entry, whatever the confidence. */
    public double rankedFirst() {
      return ratio(rankedFirst);
    }

    public double meanReciprocalRank() {
      return total == 0 ? 0 : reciprocalRankSum / total;
    }

    /** Share not answered (the goal for out-of-domain questions). */
    public double rejection() {
      return ratio(rejected);
    }

    /**
     * Share shown the expected entry: answered with it, or offered it among "did you mean"
     * suggestions when not answered (in-domain kinds).
     */
    public double offered() {
      return ratio(answeredCorrectly + suggested);
    }

    public double wronglyAnswered() {
      return ratio(answeredWrongly);
    }

    public int total() {
      return total;
    }

    private double ratio(int n) {
      return total == 0 ? 0 : (double) n / total;
    }
  }

  private final Map<String, KindStats> byKind = new TreeMap<>();
  private final List<String> failures = new ArrayList<>();

  void add(EvalQuestion q, String answeredId, int rankOfExpected, boolean suggested) {
    KindStats s = byKind.computeIfAbsent(q.kind(), k -> new KindStats());
    s.total++;
    if (answeredId == null) {
      s.rejected++;
    }
    if (q.inDomain()) {
      if (q.expected().equals(answeredId)) {
        s.answeredCorrectly++;
      } else {
        if (answeredId != null) {
          s.answeredWrongly++;
        }
        failures.add(q.kind() + "\t" + q.question() + "\texpected " + q.expected()
            + "\tgot " + (answeredId == null ? (suggested ? "suggestions" : "nothing") : answeredId)
            + "\trank " + rankOfExpected);
      }
      if (rankOfExpected == 1) {
        s.rankedFirst++;
      }
      if (rankOfExpected > 0) {
        s.reciprocalRankSum += 1.0 / rankOfExpected;
      }
      if (suggested) {
        s.suggested++;
      }
    } else if (answeredId != null) {
      failures.add(q.kind() + "\t" + q.question() + "\tanswered " + answeredId);
    }
  }

  public KindStats kind(String kind) {
    return byKind.getOrDefault(kind, new KindStats());
  }

  public Map<String, KindStats> kinds() {
    return byKind;
  }

  /** Questions answered wrongly or not at all (in-domain) and out-of-domain questions answered. */
  public List<String> failures() {
    return failures;
  }

  /** Mean reciprocal rank over all in-domain questions. */
  public double meanReciprocalRank() {
    double sum = 0;
    int n = 0;
    for (Map.Entry<String, KindStats> e : byKind.entrySet()) {
      if (!e.getKey().equals(EvalQuestion.OUT_OF_DOMAIN)) {
        sum += e.getValue().reciprocalRankSum;
        n += e.getValue().total;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /** A table for people. */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-15s %6s %8s %8s %8s %8s %8s %9s%n",
        "kind", "n", "top1", "offered", "ranked1", "MRR", "wrong", "rejected"));
    for (Map.Entry<String, KindStats> e : byKind.entrySet()) {
      KindStats s = e.getValue();
      boolean ood = e.getKey().equals(EvalQuestion.OUT_OF_DOMAIN);
      out.append(String.format(Locale.ROOT, "%-15s %6d %8s %8s %8s %8s %8s %8.1f%%%n",
          e.getKey(), s.total,
          ood ? "-" : pct(s.top1()), ood ? "-" : pct(s.offered()), ood ? "-" : pct(s.rankedFirst()),
          ood ? "-" : String.format(Locale.ROOT, "%.3f", s.meanReciprocalRank()),
          ood ? "-" : pct(s.wronglyAnswered()), 100 * s.rejection()));
    }
    out.append(String.format(Locale.ROOT, "in-domain MRR %.3f; out-of-domain rejection %s%n",
        meanReciprocalRank(), pct(kind(EvalQuestion.OUT_OF_DOMAIN).rejection())));
    return out.toString();
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }
}
