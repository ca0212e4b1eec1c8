package org.hotline.ivr.vxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hotline.ivr.VoiceCall;
import org.hotline.ivr.flow.CallFlow;
import org.hotline.ivr.flow.CallState;
import org.hotline.ivr.flow.FakeCall;
import org.hotline.ivr.flow.Input;
import org.hotline.ivr.flow.SpokenText;
import org.hotline.ivr.flow.Step;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Every menu and outcome of the call flow rendered as VoiceXML and validated against the W3C
 * VoiceXML 2.1 schema (from shared/vxml beside the checkout, never the network).
 */
class VxmlDocumentsTest {
  private static final String NS = VxmlDocuments.NAMESPACE;
  private static final String TRICKY = "年费<200元 & \"免年费\"的'条件'，详询12315。";

  private final CallFlow flow = new CallFlow();
  private final FakeCall call = new FakeCall(TRICKY);
  private final VxmlDocuments documents = new VxmlDocuments(
      new VxmlSettings("/ivr/vxml", "sip:agents@pbx.example", "builtin:grammar/dictation", 5));

  @BeforeAll
  static void loadSchema() throws Exception {
    VxmlSchema.load();
  }

  @Test
  void theMainMenuTakesItsKeysAndSpeechAndSubmitsTheStateBack() throws Exception {
    Step.Collect start = collect(flow.start(call));
    Document doc = render(start);
    assertEquals(List.of("12340*".split("")), dtmfItems(doc));
    assertEquals("builtin:grammar/dictation", voiceGrammar(doc).getAttribute("src"));
    assertEquals("5s", property(doc, "timeout"));
    assertEquals("", property(doc, "termchar"), "# is a menu key, not the end of input");
    Element field = only(doc, "field");
    assertEquals("input", field.getAttribute("name"));
    for (String handler : List.of("filled", "noinput", "nomatch")) {
      Element submit = only((Element) field.getElementsByTagNameNS(NS, handler).item(0), "submit");
      assertEquals("/ivr/vxml/next", submit.getAttribute("next"));
      assertEquals("get", submit.getAttribute("method"));
      assertEquals("state input inputmode", submit.getAttribute("namelist"));
    }
    assertEquals("application.lastresult$.inputmode", assignment(field, "filled", "inputmode"));
    assertEquals("''", assignment(field, "noinput", "input"));
    assertEquals("'noinput'", assignment(field, "noinput", "inputmode"));
    assertEquals("''", assignment(field, "nomatch", "input"));
    assertEquals("'nomatch'", assignment(field, "nomatch", "inputmode"));
    assertEquals(List.of("您好，欢迎致电消费者服务热线。"), prompts(doc).subList(0, 1));
  }

  @Test
  void everySubMenuListsItsEntriesAndTakesKeysOnly() throws Exception {
    Step start = flow.start(call);
    for (char group = '1'; group <= '3'; group++) {
      Step.Collect sub = collect(press(start, group));
      Document doc = render(sub);
      assertEquals(CallState.Menu.SUB, sub.state().menu());
      assertEquals(List.of("1", "2", "3", "4", "#", "0", "*"), dtmfItems(doc));
      assertNull(voiceGrammar(doc), "sub-menus take keys only");
      assertTrue(prompts(doc).get(0).contains("按一，信用卡年费怎么收"), prompts(doc).get(0));
    }
  }

  @Test
  void suggestionsAreReadAsAMenuOfKeys() throws Exception {
    Step.Collect suggest = collect(say(flow.start(call), "额度怎么提"));
    Document doc = render(suggest);
    assertEquals(CallState.Menu.SUGGEST, suggest.state().menu());
    assertTrue(prompts(doc).get(0).startsWith("您是不是想问：按一，怎么提高额度"), prompts(doc).get(0));
    assertEquals(List.of("1", "2", "#", "0", "*"), dtmfItems(doc));
    assertNull(voiceGrammar(doc));
    Step.Collect answer = collect(press(suggest, '2'));
    assertEquals("credit-card.temp-limit", answer.faqId());
    render(answer);
  }

  @Test
  void anAnswerIsSpokenWithDigitsOneByOneThenTheAfterAnswerMenu() throws Exception {
    Step.Collect answer = collect(say(flow.start(call), "信用卡年费怎么收"));
    Document doc = render(answer);
    assertEquals(CallState.Menu.AFTER_ANSWER, answer.state().menu());
    assertEquals("年费以发卡行公布为准，详询一二三一五。", prompts(doc).get(0));
    assertTrue(prompts(doc).get(1).startsWith("重听请按一"));
    assertEquals(List.of("1", "#", "0", "*"), dtmfItems(doc));
    assertNotNull(voiceGrammar(doc), "another question may be spoken after an answer");
    assertEquals(prompts(doc).get(0), prompts(render(press(answer, '1'))).get(0), "1 repeats the answer");
    assertEquals(prompts(doc).get(0), prompts(render(press(answer, '*'))).get(0), "* repeats the answer");
    assertEquals(CallState.Menu.MAIN, collect(press(answer, '#')).state().menu());
    render(say(answer, "还有别的问题"));
  }

  @Test
  void anUrgentAnswerIsSpokenThenTransfersWithTheTicketNumberReadDigitByDigit() throws Exception {
    Step.Transfer transfer = assertInstanceOf(Step.Transfer.class, say(flow.start(call), "信用卡丢了"));
    Document doc = render(transfer);
    List<String> prompts = prompts(doc);
    assertEquals("请立即拨打发卡行客服电话挂失。", prompts.get(0));
    assertTrue(prompts.get(1).contains("优先转接"), prompts.get(1));
    assertTrue(String.join("", prompts).contains("您的工单号是：一零零零二三"), prompts.toString());
    Element agent = only(doc, "transfer");
    assertEquals("agent", agent.getAttribute("name"));
    assertEquals("sip:agents@pbx.example", agent.getAttribute("dest"));
    assertEquals("true", agent.getAttribute("bridge"));
    assertEquals("100023", agent.getAttribute("aai"));
    Element after = (Element) agent.getNextSibling().getNextSibling();
    assertEquals("block", after.getLocalName(), "a goodbye after the transfer");
    assertEquals(VxmlDocuments.GOODBYE, only(after, "prompt").getTextContent());
    only(after, "exit");
    assertEquals(List.of(VoiceCall.HandoffReason.URGENT_ANSWER), call.handoffs);
  }

  @Test
  void notFoundThenTheAgentIsOfferedAfterTwoFailures() throws Exception {
    Step.Collect notFound = collect(say(flow.start(call), "今天天气怎么样"));
    Document doc = render(notFound);
    assertTrue(prompts(doc).get(0).startsWith("抱歉，没有找到相关的答案"));
    assertEquals(List.of("1", "2", "3", "4", "0", "*"), dtmfItems(doc));
    Step.Collect offer = collect(say(notFound, "明天呢"));
    Document offered = render(offer);
    assertEquals(CallState.Menu.OFFER_AGENT, offer.state().menu());
    assertTrue(prompts(offered).get(0).startsWith("我暂时没能帮您解决问题"));
    assertEquals(List.of("0", "#"), dtmfItems(offered));
    assertNull(voiceGrammar(offered));
    assertEquals(CallState.Menu.MAIN, collect(press(offer, '#')).state().menu());
    render(press(offer, '0'));
  }

  @Test
  void silenceAndInvalidKeysAreRepromptedThenTheCallGoesToAnAgent() throws Exception {
    Step first = flow.next(collect(flow.start(call)).state(), new Input.NoInput(), call);
    assertEquals("抱歉，没有听到您的选择。", prompts(render(first)).get(0));
    Step second = flow.next(collect(first).state(), new Input.Key('x'), call);
    assertEquals("抱歉，您的按键无效。", prompts(render(second)).get(0));
    Step third = flow.next(collect(second).state(), new Input.NoInput(), call);
    Step.Transfer transfer = assertInstanceOf(Step.Transfer.class, third);
    assertTrue(String.join("", prompts(render(transfer))).contains("一零零零二三"));
    assertEquals(List.of(VoiceCall.HandoffReason.NO_INPUT), call.handoffs);
  }

  @Test
  void hashGoesBackAndStarRepeats() throws Exception {
    Step.Collect sub = collect(press(flow.start(call), '2'));
    Step.Collect back = collect(press(sub, '#'));
    assertEquals(CallState.Menu.MAIN, back.state().menu());
    render(back);
    Step.Collect repeated = collect(press(sub, '*'));
    assertEquals(prompts(render(sub)), prompts(render(repeated)));
    Step.Collect main = collect(press(flow.start(call), '*'));
    assertEquals(CallState.Menu.MAIN, main.state().menu());
    render(main);
  }

  @Test
  void keyFourAndKeyZeroTransfer() throws Exception {
    Step.Transfer lost = assertInstanceOf(Step.Transfer.class, press(flow.start(call), '4'));
    assertTrue(prompts(render(lost)).get(0).startsWith("正在为您优先转接人工客服。"));
    Step.Transfer person = assertInstanceOf(Step.Transfer.class, press(flow.start(call), '0'));
    List<String> spoken = prompts(render(person));
    assertTrue(spoken.get(0).startsWith("正在为您转接人工客服。"), spoken.get(0));
    String all = String.join("", spoken);
    assertTrue(all.contains("您的工单号是：一零零零二三"), all);
    assertEquals(2, all.split("一零零零二三", -1).length - 1, "the number is read twice: " + all);
    assertEquals(List.of(VoiceCall.HandoffReason.LOST_CARD_OR_FRAUD, VoiceCall.HandoffReason.ASKED_FOR_PERSON),
        call.handoffs);
  }

  @Test
  void textWithMarkupCharactersIsEscapedAndStaysValid() throws Exception {
    Step.Collect sub = collect(press(flow.start(call), '1'));
    Step.Collect answer = collect(press(sub, '4'));
    String xml = documents.render(answer);
    assertFalse(xml.contains("<二零零"), xml);
    assertFalse(xml.contains("元 & "), xml);
    assertTrue(xml.contains("年费&lt;二零零元 &amp; &quot;免年费&quot;的'条件'，"), xml);
    assertEquals(SpokenText.forSpeech(TRICKY), prompts(render(answer)).get(0));
    assertEquals("'it\\'s a \\\\ b'", VxmlDocuments.literal("it's a \\ b"), "ECMAScript literals escape too");
  }

  @Test
  void aHangupStepSpeaksThenDisconnects() throws Exception {
    Document doc = validated(documents.render(
        new Step.Hangup(List.of("感谢来电 <再见> & \"祝您愉快\"", "控制字符\u0001被去掉"))));
    assertEquals(List.of("感谢来电 <再见> & \"祝您愉快\"", "控制字符被去掉"), prompts(doc));
    assertEquals(1, doc.getElementsByTagNameNS(NS, "disconnect").getLength());
  }

  @Test
  void theErrorDocumentApologisesInChineseAndDisconnects() throws Exception {
    Document doc = validated(documents.error("malformed call state: <\"x\" & 'y'>"));
    assertEquals(List.of(VxmlDocuments.SORRY), prompts(doc));
    assertEquals("malformed call state: <\"x\" & 'y'>", only(doc, "log").getTextContent());
    assertEquals(1, doc.getElementsByTagNameNS(NS, "disconnect").getLength());
  }

  @Test
  void theSchemaRejectsAGrammarInTheSrgsNamespace() {
    // Shows the validator is strict, and why the DTMF grammar stays in the VoiceXML namespace.
    String xml = documents.render(flow.start(call))
        .replace("<grammar mode=\"dtmf\"", "<grammar xmlns=\"http://www.w3.org/2001/06/grammar\" mode=\"dtmf\"");
    assertThrows(SAXException.class, () -> validated(xml));
  }

  // --- driving the flow

  private static Step.Collect collect(Step step) {
    return assertInstanceOf(Step.Collect.class, step);
  }

  private Step press(Step step, char key) {
    return flow.next(collect(step).state(), new Input.Key(key), call);
  }

  private Step say(Step step, String text) {
    return flow.next(collect(step).state(), new Input.Speech(text), call);
  }

  // --- rendering, validating and the invariants every document keeps

  /** Renders, validates, and checks what every document of its kind must hold. */
  private Document render(Step step) throws Exception {
    Document doc = validated(documents.render(step));
    assertEquals(step.prompts(), prompts(doc), "every sentence is spoken as written");
    if (step instanceof Step.Collect c) {
      List<String> keys = new ArrayList<>();
      c.keys().chars().forEach(k -> keys.add(Character.toString(k)));
      assertEquals(keys, dtmfItems(doc), "the DTMF grammar holds exactly the step's keys");
      assertEquals(c.speech(), voiceGrammar(doc) != null, "a speech grammar only where speech is allowed");
      String expr = var(doc, "state");
      assertEquals(c.state(), CallState.decode(expr.substring(1, expr.length() - 1)));
      assertEquals(1, doc.getElementsByTagNameNS(NS, "field").getLength());
    } else if (step instanceof Step.Transfer t) {
      assertEquals(t.handoff().ticketNumber(), only(doc, "transfer").getAttribute("aai"));
      assertTrue(String.join("", step.prompts()).contains(SpokenText.digits(t.handoff().ticketNumber())),
          "the ticket number is read digit by digit");
    } else {
      assertEquals(1, doc.getElementsByTagNameNS(NS, "disconnect").getLength());
    }
    return doc;
  }

  private static Document validated(String xml) throws Exception {
    assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vxml version=\"2.1\" "
        + "xmlns=\"http://www.w3.org/2001/vxml\" xml:lang=\"zh-CN\">"), xml);
    return VxmlSchema.validated(xml);
  }


  private static List<String> prompts(Document doc) {
    List<String> texts = new ArrayList<>();
    NodeList prompts = doc.getElementsByTagNameNS(NS, "prompt");
    for (int i = 0; i < prompts.getLength(); i++) {
      Element prompt = (Element) prompts.item(i);
      // The goodbye and the failed-transfer apology are the document's own, not the step's.
      if (!(prompt.getParentNode() instanceof Element parent && (parent.getLocalName().equals("catch")
          || parent.getElementsByTagNameNS(NS, "exit").getLength() > 0))) {
        texts.add(prompt.getTextContent());
      }
    }
    return texts;
  }

  private static List<String> dtmfItems(Document doc) {
    NodeList grammars = doc.getElementsByTagNameNS(NS, "grammar");
    for (int i = 0; i < grammars.getLength(); i++) {
      Element grammar = (Element) grammars.item(i);
      if (grammar.getAttribute("mode").equals("dtmf")) {
        assertEquals("keys", grammar.getAttribute("root"));
        List<String> items = new ArrayList<>();
        NodeList nodes = grammar.getElementsByTagNameNS(NS, "item");
        for (int j = 0; j < nodes.getLength(); j++) {
          items.add(nodes.item(j).getTextContent());
        }
        return items;
      }
    }
    return List.of();
  }

  private static Element voiceGrammar(Document doc) {
    NodeList grammars = doc.getElementsByTagNameNS(NS, "grammar");
    for (int i = 0; i < grammars.getLength(); i++) {
      Element grammar = (Element) grammars.item(i);
      if (grammar.getAttribute("mode").equals("voice")) {
        return grammar;
      }
    }
    return null;
  }

  private static String property(Document doc, String name) {
    NodeList properties = doc.getElementsByTagNameNS(NS, "property");
    for (int i = 0; i < properties.getLength(); i++) {
      Element p = (Element) properties.item(i);
      if (p.getAttribute("name").equals(name)) {
        return p.getAttribute("value");
      }
    }
    throw new AssertionError("no property " + name);
  }

  private static String var(Document doc, String name) {
    NodeList vars = doc.getElementsByTagNameNS(NS, "var");
    for (int i = 0; i < vars.getLength(); i++) {
      Element v = (Element) vars.item(i);
      if (v.getAttribute("name").equals(name)) {
        return v.getAttribute("expr");
      }
    }
    throw new AssertionError("no var " + name);
  }

  private static String assignment(Element field, String handler, String name) {
    Element element = (Element) field.getElementsByTagNameNS(NS, handler).item(0);
    NodeList assigns = element.getElementsByTagNameNS(NS, "assign");
    for (int i = 0; i < assigns.getLength(); i++) {
      Element a = (Element) assigns.item(i);
      if (a.getAttribute("name").equals(name)) {
        return a.getAttribute("expr");
      }
    }
    throw new AssertionError("no assignment to " + name + " in " + handler);
  }

  private static Element only(Document doc, String name) {
    return only(doc.getDocumentElement(), name);
  }

  private static Element only(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagNameNS(NS, name);
    assertEquals(1, nodes.getLength(), "one " + name);
    return (Element) nodes.item(0);
  }
}
