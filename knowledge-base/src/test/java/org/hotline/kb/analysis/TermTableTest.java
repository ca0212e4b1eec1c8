package org.hotline.kb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TermTableTest {
  @Test
  void findsEachTermByItsSpanInAnyText() {
    List<String> terms = new ArrayList<>(List.of("信用卡", "信用", "卡", "挂失", "atm", ""));
    for (int i = 0; i < 500; i++) {
      terms.add("词" + i); // enough keys for probe chains to form
    }
    TermTable table = new TermTable(terms);
    for (int i = 0; i < terms.size(); i++) {
      String text = "前" + terms.get(i) + "后";
      assertEquals(i, table.get(text, 1, 1 + terms.get(i).length()), terms.get(i));
      assertEquals(i, table.get(terms.get(i)));
    }
    assertEquals(-1, table.get("信用卡挂失", 0, 5));
    assertEquals(-1, table.get("用卡", 0, 2));
    assertEquals(-1, table.get("词500"));
  }

  @Test
  void knowsTheLongestTermStartingWithEachCharacterAndRefusesDuplicates() {
    TermTable table = new TermTable(List.of("信用卡", "信用", "卡", "挂失"));
    assertEquals(3, table.longestStartingWith('信'));
    assertEquals(1, table.longestStartingWith('卡'));
    assertEquals(0, table.longestStartingWith('用'));
    assertThrows(IllegalArgumentException.class, () -> new TermTable(List.of("卡", "挂失", "卡")));
  }
}
