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
  private static final String[] OPENERS = {
    "", "我想了解", "麻烦说下", "帮我看看", "请教", "咨询下", "问一下", "打扰一下", "想确认下", "我妈问",
    "朋友问我", "同事说", "客服你好", "老师请教", "我有个疑问", "刚才忘了问", "再问一个", "顺便问下",
    "请帮忙", "想请教", "劳驾", "我家老人问", "最近遇到", "紧急求助", "请问下"};
  private static final String[] CLOSERS = {
    "", "急", "在线等", "多谢了", "有人知道吗", "求解答", "麻烦了", "辛苦了", "感谢", "盼回复", "尽快回复",
    "能说详细点吗", "拜托了", "等回复", "谢啦", "请指教", "先谢过", "好的", "行吗", "可以吗"};

  private Questions() {}

  /** {@code count} distinct questions, cycling through every entry's wordings. */
  public static List<String> distinct(int count) {
    // Each wording without its closing punctuation, stripped once rather than per combination.
    java.util.regex.Pattern closing = java.util.regex.Pattern.compile("[？?。！!]+$");
    List<String> base = new ArrayList<>();
    for (FaqEntry e : new ContentLoader().load(ContentSource.bundled()).entries()) {
      for (String q : e.allQuestions()) {
        base.add(closing.matcher(q).replaceAll(""));
      }
    }
    Set<String> out = new LinkedHashSet<>();
    outer:
    for (String closer : CLOSERS) {
      for (String opener : OPENERS) {
        for (String q : base) {
          out.add(opener + q + closer);
          if (out.size() == count) {
            break outer;
          }
        }
      }
    }
    return List.copyOf(out);
  }
}
