package org.hotline.kb.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.hotline.kb.analysis.Pinyin;
import org.hotline.kb.content.FraudTrigger;

/**
 * Spots fraud-in-progress phrases (安全账户, 刷单, 验证码 requests, high-return promises) in a
 * normalised question, by characters or by sound, so that such questions are always answered with a
 * fraud warning even when the wording matches nothing else. Immutable; thread-safe.
 */
public final class FraudGuard {
  private record Pattern(FraudTrigger trigger, String text, String sound) {}

  private final List<Pattern> patterns = new ArrayList<>();

  /** @param normalizer the same normalisation the questions go through */
  public FraudGuard(List<FraudTrigger> triggers, UnaryOperator<String> normalizer) {
    for (FraudTrigger trigger : triggers) {
      String text = normalizer.apply(trigger.phrase());
      if (!text.isEmpty()) {
        patterns.add(new Pattern(trigger, text, " " + Pinyin.syllables(text)));
      }
    }
  }

  /** The first trigger the normalised question contains, by characters or by sound. */
  public Optional<FraudTrigger> detect(String normalized) {
    for (Pattern p : patterns) {
      if (normalized.contains(p.text())) {
        return Optional.of(p.trigger());
      }
    }
    String sound = " " + Pinyin.syllables(normalized);
    for (Pattern p : patterns) {
      if (sound.contains(p.sound())) {
        return Optional.of(p.trigger());
      }
    }
    return Optional.empty();
  }
}
