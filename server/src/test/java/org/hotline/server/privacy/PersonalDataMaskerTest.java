package org.hotline.server.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PersonalDataMaskerTest {
  private final PersonalDataMasker masker = new PersonalDataMasker();

  @Test
  void masksLuhnValidCardNumbersWithOrWithoutSpaces() {
    assertEquals("卡号************1111", masker.mask("卡号4111111111111111"));
    assertEquals("卡号 ************1111 丢了", masker.mask("卡号 4111 1111 1111 1111 丢了"));
    assertEquals("19位卡号***************0003", masker.mask("19位卡号6222-0212-3456-7890-003"));
  }

  @Test
  void leavesNumbersThatAreNotCardsAlone() {
    assertEquals("订单号4111111111111112", masker.mask("订单号4111111111111112"));
    assertEquals("金额5000元", masker.mask("金额5000元"));
  }

  @Test
  void masksIdNumbersMobilesAndSecrets() {
    assertEquals("身份证**************123X", masker.mask("身份证11010519491231123X"));
    assertEquals("电话138****5678", masker.mask("电话13812345678"));
    assertEquals("电话 138****5678", masker.mask("电话 138 1234 5678"));
    assertEquals("我的密码是******", masker.mask("我的密码是123456"));
    assertEquals("验证码：******", masker.mask("验证码：8848"));
    assertEquals("CVV ******", masker.mask("CVV 123"));
  }

  @Test
  void reportsWhetherTextHoldsPersonalData() {
    assertTrue(masker.containsPersonalData("密码123456"));
    assertFalse(masker.containsPersonalData("信用卡丢了怎么办"));
    assertFalse(masker.containsPersonalData(null));
  }

  @Test
  void luhnCheck() {
    assertTrue(PersonalDataMasker.luhnValid("4111111111111111"));
    assertFalse(PersonalDataMasker.luhnValid("4111111111111112"));
  }
}
