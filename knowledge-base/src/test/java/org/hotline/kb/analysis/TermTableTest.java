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

  @Test
  void withPrefixesTellsASpanThatBeginsATermFromOneThatBeginsNone() {
    TermTable table = new TermTable(List.of("信用卡中心", "信用", "卡"), 3);
    String text = "信用卡中心";
    assertEquals(1, table.find(text, 0, 2)); // a term that also begins a longer one
    assertEquals(TermTable.PREFIX, table.find(text, 0, 3));
    assertEquals(-1, table.find(text, 0, 4)); // prefixes only up to three characters
    assertEquals(0, table.find(text, 0, 5));
    assertEquals(-1, table.find(text, 1, 3));
    // A prefix is no term to the other lookups, and does not count as a longest term.
    assertEquals(-1, table.get(text, 0, 3));
    assertEquals(-1, table.get("信用卡"));
    assertEquals(0, table.get("信用卡中心"));
    assertEquals(5, table.longestStartingWith('信'));
  }
}
