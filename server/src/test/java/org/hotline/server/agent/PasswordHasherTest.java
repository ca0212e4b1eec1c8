package org.hotline.server.agent;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  @Test
  void hashesAreSaltedAndVerifyOnlyTheRightPassword() {
    PasswordHasher hasher = new PasswordHasher(1000);
    String a = hasher.hash("correct horse");
    String b = hasher.hash("correct horse");
    assertNotEquals(a, b, "a fresh salt each time");
    assertTrue(a.startsWith("pbkdf2-sha256$1000$"));
    assertFalse(a.contains("correct horse"));
    assertTrue(hasher.verify("correct horse", a));
    assertFalse(hasher.verify("correct horsE", a));
    assertFalse(hasher.verify("correct horse", "md5$whatever"));
  }

  @Test
  void aHashKeepsItsOwnWorkFactor() {
    String old = new PasswordHasher(1000).hash("s3cret-pass");
    assertTrue(new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS).verify("s3cret-pass", old));
    assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(10));
  }
}
