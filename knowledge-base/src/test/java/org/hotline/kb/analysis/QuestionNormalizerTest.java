package org.hotline.kb.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionNormalizerTest {
  private final QuestionNormalizer normalizer = new QuestionNormalizer(new SynonymCanonicalizer(
      List.of(List.of("信用卡", "贷记卡"), List.of("挂失", "报失"), List.of("征信", "信用报告", "信用记录"))));

  @Test
  void convertsTraditionalToSimplified() {
    assertEquals("信用卡遗失了该怎么办", normalizer.normalize("信用卡遺失了該怎麼辦？"));
    assertEquals("征信报告怎么查询", normalizer.normalize("徵信報告怎麼查詢"));
    assertEquals("征信怎么查询", normalizer.normalize("信用記錄怎麼查詢"));
    assertEquals("转账和账单", normalizer.normalize("轉帳和帳單"));
    // Variants ICU's transform leaves alone: 査, 枱, 滙, 衹.
    assertEquals("到柜台查汇款只要身份证", normalizer.normalize("到櫃枱査滙款衹要身份證"));
  }

  @Test
  void rewritesHongKongAndTaiwanWordingsToMandarin() {
    // Character conversion alone gives 我张卡唔见咗点算 and 甚么: Cantonese grammar words and
    // Taiwan vocabulary need the word table.
    assertEquals("我张卡不见了怎么办", normalizer.normalize("我張卡唔見咗點算？"));
    assertEquals("什么是信用卡年费", normalizer.normalize("甚麼是信用卡年費"));
    assertEquals("是不是要去分行", normalizer.normalize("係咪要去分行"));
    assertEquals("没有收到短信验证码启用芯片卡", normalizer.normalize("冇收到短信驗證碼啟用晶片卡"));
    // Mainland words that share characters with a regional form stay as they are.
    assertEquals("关系系统", normalizer.normalize("關係系統"));
  }

  @Test
  void rewritesHongKongBankWordsCantoneseParticlesAndEnglish() {
    assertEquals("我被人骗了", normalizer.normalize("我俾人呃咗㗎"));
    assertEquals("在取款机取钱", normalizer.normalize("喺取款机撳錢"));
    assertEquals("信用卡刷卡要收入证明吗", normalizer.normalize("信用咭簽賬要入息證明嗎"));
    assertEquals("他们说我账户有问题", normalizer.normalize("佢哋話我戶口有問題"));
    assertEquals("信用卡的密码可以设置吗", normalizer.normalize("credit card 嘅 PIN 可以 set 嗎"));
    // Household registers keep their name where 户口 means an account; a Latin word inside a
    // longer one is left alone; 网点 is not 网 + 点 (怎么).
    assertEquals("户口本丢了", normalizer.normalize("戶口本丟了"));
    assertEquals("pinyin", normalizer.normalize("pinyin"));
    assertEquals("去网点处理", normalizer.normalize("去網點處理"));
  }

  @Test
  void rewritesTaiwanVocabulary() {
    assertEquals("身份证复印件", normalizer.normalize("身分證影本"));
    assertEquals("到柜台找工作人员投诉", normalizer.normalize("到臨櫃找行員客訴"));
    assertEquals("信用卡欠款还不出", normalizer.normalize("卡債繳不出"));
    assertEquals("把账户借人会被抓吗", normalizer.normalize("把戶頭借人會被抓嗎"));
  }

  @Test
  void rewritesRegionalBankingFraudAndConsumerTerms() {
    assertEquals("我个账户被人当出租出借账户", normalizer.normalize("我個戶口俾人當人頭戶"));
    assertEquals("收到钓鱼短信", normalizer.normalize("收到詐騙簡訊"));
    assertEquals("格式合同有霸王条款", normalizer.normalize("定型化契約有不公平條款"));
    assertEquals("想取消张信用卡要怎么做", normalizer.normalize("想cancel張信用卡，要點做"));
    // 求偿 is a mainland word too and keeps its meaning.
    assertEquals("求偿权", normalizer.normalize("求償權"));
  }

  @Test
  void foldsRadicalsAndCompatibilityFormsPastedFromDocuments() {
    // ⾦ and ⾏ are Kangxi radicals (U+2FA6, U+2F8F), 卡 after them an ordinary character; ① is enclosed.
    assertEquals("金融卡挂失", normalizer.normalize("\u2FA6融卡報失"));
    assertEquals("银行卡1丢了", normalizer.normalize("銀\u2F8F卡①丟了"));
  }

  @Test
  void stripsSpokenFillersAndPunctuation() {
    assertEquals("我信用卡丢了怎么办", normalizer.normalize("喂，你好，那个，嗯，就是我信用卡丢了怎么办，谢谢"));
    assertEquals("信用卡丢了怎么办", normalizer.normalize("请问 信用卡丢了 怎么办？"));
    assertEquals("信用卡不见了要怎么办", normalizer.normalize("欸，信用卡不見了要怎麼辦啦"));
  }

  @Test
  void foldsWidthAndCaseButKeepsSpacesBetweenLatinWords() {
    assertEquals("atm机取款", normalizer.normalize("ＡＴＭ机取款"));
    assertEquals("public wifi安全吗", normalizer.normalize("Public WiFi安全吗"));
  }

  @Test
  void canonicalisesSynonymsLongestFirst() {
    assertEquals("贷记卡报失", new QuestionNormalizer(new SynonymCanonicalizer(List.of())).normalize("贷记卡报失"));
    assertEquals("信用卡挂失", normalizer.normalize("贷记卡报失"));
    assertEquals("征信有错", normalizer.normalize("信用报告有错"));
  }

  @Test
  void readsRunsOfSpokenDigitsAsNumbers() {
    assertEquals("打12315投诉", normalizer.normalize("打一二三一五投诉"));
    assertEquals("96110是什么电话", normalizer.normalize("九六幺幺零是什么电话"));
    assertEquals("一二天", normalizer.normalize("一二天"));
  }

  @Test
  void dropsPhoneCardAndIdNumbersButKeepsHotlineNumbers() {
    assertEquals("我手机丢了", normalizer.normalize("我手机13812345678丢了"));
    assertEquals("卡号挂失", normalizer.normalize("卡号6222 0212 3456 7890 003挂失"));
    assertEquals("打12315和96110", normalizer.normalize("打12315和96110"));
  }
}
