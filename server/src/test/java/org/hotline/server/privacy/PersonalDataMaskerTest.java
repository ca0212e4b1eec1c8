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
  void masksNumbersTypedInFullWidthDigitsAndLeavesTheRestAsTyped() {
    assertEquals("卡号************1111，丢了", masker.mask("卡号４１１１１１１１１１１１１１１１，丢了"));
    assertEquals("身份证**************123X", masker.mask("身份证１１０１０５１９４９１２３１１２３Ｘ"));
    assertEquals("手机138****5678", masker.mask("手机１３８１２３４５６７８"));
    assertEquals("验证码 ******", masker.mask("验证码 ８８６６２２"));
    assertEquals("ＡＴＭ吞卡了，金额５０００元", masker.mask("ＡＴＭ吞卡了，金额５０００元"));
  }

  @Test
  void masksNumbersASpeechRecogniserWroteInChineseNumerals() {
    assertEquals("我的密码是******", masker.mask("我的密码是一二三四五六"));
    assertEquals("电话138****5678", masker.mask("电话幺三八一二三四五六七八"));
    assertEquals("卡号************1111", masker.mask("卡号四一一一一一一一一一一一一一一一"));
    assertEquals("密码三次输错了", masker.mask("密码三次输错了"));
    assertEquals("一五一十地说清楚", masker.mask("一五一十地说清楚"));
  }

  @Test
  void masksTheWholeSecretWhateverItIsMadeOf() {
    assertEquals("密码：*********", masker.mask("密码：Abc@12345"));
    assertEquals("我的密码是：*********", masker.mask("我的密码是：qwe123!@#"));
    assertEquals("支付密码改成了******，对吗？", masker.mask("支付密码改成了666888，对吗？"));
    assertEquals("密码忘了怎么办", masker.mask("密码忘了怎么办"));
    assertEquals("验证码是6位的吗", masker.mask("验证码是6位的吗"));
  }

  @Test
  void masksLandlineNumbersWithTheirAreaCodeButNotServiceNumbers() {
    assertEquals("家里电话021-****4321", masker.mask("家里电话021-87654321"));
    assertEquals("单位电话（0755）****5678", masker.mask("单位电话（0755）12345678"));
    assertEquals("座机010****4321", masker.mask("座机01087654321"));
    assertEquals("座机0755****5678", masker.mask("座机075512345678"));
    assertEquals("打95588或12315，或400-820-8820", masker.mask("打95588或12315，或400-820-8820"));
  }

  @Test
  void masksACallersNumberEvenWithoutAnAreaCode() {
    assertEquals("138****5678", masker.maskPhoneNumber("+8613812345678"));
    assertEquals("010****4321", masker.maskPhoneNumber("01087654321"));
    assertEquals("****4321", masker.maskPhoneNumber("87654321"));
    assertEquals("anonymous", masker.maskPhoneNumber("anonymous"));
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
