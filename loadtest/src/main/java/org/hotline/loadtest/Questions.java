package org.hotline.loadtest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hotline.kb.content.ContentLoader;
import org.hotline.kb.content.ContentSource;
import org.hotline.kb.content.FaqEntry;

/** Question lists for the ask scenarios, made from the knowledge base's own wording. Stateless. */
public final class Questions {
  // Openers and closers change the normalised question (so each is a cache miss) without making
  // it out of domain.
  private static final String[] OPENERS = {"", "我想了解", "麻烦说下", "帮我看看", "请教", "咨询下", "问一下"};
  private static final String[] CLOSERS = {"", "急", "在线等", "多谢了", "有人知道吗", "求解答"};

  private Questions() {}

  /** {@code count} distinct questions, cycling through every entry's wordings. */
  public static List<String> distinct(int count) {
    List<String> base = new ArrayList<>();
    for (FaqEntry e : new ContentLoader().load(ContentSource.bundled()).entries()) {
      base.addAll(e.allQuestions());
    }
    Set<String> out = new LinkedHashSet<>();
    outer:
    for (String closer : CLOSERS) {
      for (String opener : OPENERS) {
        for (String q : base) {
          out.add(opener + q.replaceAll("[？?。！!]+$", "") + closer);
          if (out.size() == count) {
            break outer;
          }
        }
      }
    }
    return List.copyOf(out);
  }
}
