package org.hotline.kb.analysis;

import java.util.Comparator;
import java.util.List;

/**
 * Words that carry no meaning in a spoken or typed question (喂, 你好, 那个, 嗯, 就是, 请问, 谢谢,
 * Cantonese particles such as 㗎 and 喎),
 * removed before analysis so that a caller's hesitations do not dilute the match. Stateless.
 */
final class SpokenFillers {
  // Longest first, so that 请问一下 goes before 请问.
  static final List<String> WORDS =
      List.of(
              "我想问一下", "我想问问", "我想咨询一下", "我想咨询", "想咨询一下", "麻烦问一下", "请问一下",
              "请问", "你好", "您好", "喂喂", "谢谢你", "谢谢您", "谢谢", "那个", "就是说", "就是",
              "然后呢", "然后", "嗯嗯", "喂", "嗯", "呃", "唉", "哎", "啊", "哦", "呀",
              // Cantonese sentence particles (after the regional rewrite: 即係 is 就是 by then)
              "㗎", "喎", "囉", "啩", "吖", "啫", "嘞", "噃",
              // Taiwan particles
              "喔", "唷", "欸", "诶", "啦")
          .stream()
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();

  private SpokenFillers() {}

  static String strip(String text) {
    String result = text;
    for (String filler : WORDS) {
      if (result.contains(filler)) {
        result = result.replace(filler, "");
      }
    }
    return result;
  }
}
