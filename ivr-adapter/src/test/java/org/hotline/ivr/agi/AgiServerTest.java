package org.hotline.ivr.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real server on a free port, with Asterisk played from a plain socket. */
class AgiServerTest {
  private static final AgiSettings SETTINGS = AgiSettings.defaults()
      .withIdleTimeout(Duration.ofSeconds(5))
      .withCommandTimeout(Duration.ofSeconds(2));

  private final BlockingQueue<AgiCall> calls = new LinkedBlockingQueue<>();
  private AgiServer server;
  private int port;

  @BeforeEach
  void startServer() throws InterruptedException {
    startServer(SETTINGS);
  }

  private void startServer(AgiSettings settings) throws InterruptedException {
    server = new AgiServer(calls::add, settings);
    port = server.start("127.0.0.1", 0);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private AgiCall nextCall() throws InterruptedException {
    AgiCall call = calls.poll(2, TimeUnit.SECONDS);
    assertNotNull(call, "no call started");
    return call;
  }

  private void awaitActiveCalls(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (server.activeCalls() != expected && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(expected, server.activeCalls());
  }

  private static AgiReply await(CompletableFuture<AgiReply> reply) throws Exception {
    return reply.get(2, TimeUnit.SECONDS);
  }

  /** Sends {@code command}, checks the line Asterisk reads, answers with {@code reply}. */
  private static AgiReply exchange(AgiCall call, FakeAsterisk asterisk, AgiCommand command, String expectedLine,
      String... reply) throws Exception {
    CompletableFuture<AgiReply> future = call.send(command);
    assertEquals(expectedLine, asterisk.readCommand());
    asterisk.send(reply);
    return await(future);
  }

  @Test
  void playsTheWholeTranscript() throws Exception {
    try (FakeAsterisk asterisk = new FakeAsterisk(port).sendEnvironment()) {
      AgiCall call = nextCall();
      assertEquals("hotline", call.environment().script());
      assertEquals(List.of("bank", "zh"), call.environment().arguments());

      assertEquals(0, exchange(call, asterisk, AgiCommand.answer(), "ANSWER", "200 result=0").resultAsInt());
      assertEquals(1, exchange(call, asterisk, AgiCommand.verbose("hello from backend", 1),
          "VERBOSE \"hello from backend\" 1", "200 result=1").resultAsInt());
      assertEquals(1, exchange(call, asterisk, AgiCommand.setVariable("IVR_NEXT", "menu"),
          "SET VARIABLE IVR_NEXT menu", "200 result=1").resultAsInt());
      assertEquals("13800138000", exchange(call, asterisk, AgiCommand.getVariable("CALLERID(num)"),
          "GET VARIABLE CALLERID(num)", "200 result=1 (13800138000)").data());
      assertEquals(0, exchange(call, asterisk, AgiCommand.getVariable("NOSUCHVAR"),
          "GET VARIABLE NOSUCHVAR", "200 result=0").resultAsInt());
      AgiReply streamed = exchange(call, asterisk, AgiCommand.streamFile("demo-congrats", "0123456789*#"),
          "STREAM FILE demo-congrats 0123456789*#", "200 result=49 endpos=13760");
      assertEquals(Character.valueOf('1'), streamed.digitPressed());
      assertEquals("13760", streamed.attribute("endpos"));
      assertEquals("42", exchange(call, asterisk, AgiCommand.getData("beep", 5000, 4),
          "GET DATA beep 5000 4", "200 result=42").digitsTyped());
      AgiReply timedOut = exchange(call, asterisk, AgiCommand.getData("beep", 1500, 4),
          "GET DATA beep 1500 4", "200 result= (timeout)");
      assertEquals("", timedOut.digitsTyped());
      assertEquals("timeout", timedOut.data());
      assertEquals(0, exchange(call, asterisk, AgiCommand.sayDigits("12315", ""),
          "SAY DIGITS 12315 \"\"", "200 result=0").resultAsInt());
      assertEquals(0, exchange(call, asterisk, AgiCommand.exec("Playback", "beep"),
          "EXEC Playback beep", "200 result=0").resultAsInt());
      assertEquals("Invalid or unknown command", exchange(call, asterisk, AgiCommand.of("FOOBAR"),
          "FOOBAR", "510 Invalid or unknown command").message());
      assertEquals(520, exchange(call, asterisk, AgiCommand.of("STREAM FILE"), "STREAM FILE",
          Transcript.USAGE_520.toArray(String[]::new)).code());
      assertEquals("信用卡 丢了", exchange(call, asterisk, AgiCommand.speechRecognize("ask", 5000),
          "SPEECH RECOGNIZE ask 5", Transcript.SPEECH).attribute("text0"));
      assertTrue(exchange(call, asterisk, AgiCommand.waitForDigit(15000),
          "WAIT FOR DIGIT 15000", "200 result=-1").channelGone());

      call.close();
      assertTrue(asterisk.closedByServer());
    }
  }

  @Test
  void deliversTheReplyThatFollowsAHangup() throws Exception {
    try (FakeAsterisk asterisk = new FakeAsterisk(port).sendEnvironment()) {
      AgiCall call = nextCall();
      AtomicInteger hangups = new AtomicInteger();
      AtomicBoolean onEventLoop = new AtomicBoolean();
      CountDownLatch hungUp = new CountDownLatch(1);
      call.onHangup(() -> {
        onEventLoop.set(call.executor().inEventLoop());
        hangups.incrementAndGet();
        hungUp.countDown();
      });
      CompletableFuture<AgiReply> reply = call.send(AgiCommand.getData("beep", 5000, 4));
      assertEquals("GET DATA beep 5000 4", asterisk.readCommand());

      asterisk.send("HANGUP", "200 result=-1");

      assertTrue(await(reply).channelGone());
      assertTrue(hungUp.await(2, TimeUnit.SECONDS));
      assertTrue(call.hungUp());
      assertTrue(onEventLoop.get());
      assertEquals(1, exchange(call, asterisk, AgiCommand.setVariable("TICKET", "A17"),
          "SET VARIABLE TICKET A17", "200 result=1").resultAsInt());
      call.close();
      assertTrue(asterisk.closedByServer());
      assertEquals(1, hangups.get());
    }
  }

  @Test
  void takesAHangupWhileIdle() throws Exception {
    try (FakeAsterisk asterisk = new FakeAsterisk(port).sendEnvironment()) {
      AgiCall call = nextCall();
      CountDownLatch hungUp = new CountDownLatch(1);
      call.onHangup(hungUp::countDown);

      asterisk.send("HANGUP");

      assertTrue(hungUp.await(2, TimeUnit.SECONDS));
      assertTrue(call.hungUp());
      assertTrue(call.isOpen());
      assertTrue(exchange(call, asterisk, AgiCommand.answer(), "ANSWER",
          "511 Command Not Permitted on a dead channel or intercept routine").channelGone());
    }
  }

  @Test
  void failsThePendingCommandWhenAsteriskCloses() throws Exception {
    AgiCall call;
    CompletableFuture<AgiReply> reply;
    CountDownLatch hungUp = new CountDownLatch(1);
    try (FakeAsterisk asterisk = new FakeAsterisk(port).sendEnvironment()) {
      call = nextCall();
      call.onHangup(hungUp::countDown);
      reply = call.send(AgiCommand.waitForDigit(15000));
      assertEquals("WAIT FOR DIGIT 15000", asterisk.readCommand());
    }

    ExecutionException failure = assertThrows(ExecutionException.class, () -> await(reply));
    assertInstanceOf(ClosedChannelException.class, failure.getCause());
    assertTrue(hungUp.await(2, TimeUnit.SECONDS));
    assertFalse(call.isOpen());
  }

  @Test
  void disconnectsAPeerThatSendsGarbageInsteadOfAnEnvironment() throws Exception {
    try (FakeAsterisk peer = new FakeAsterisk(port).send("GET / HTTP/1.1", "Host: hotline", "")) {
      assertTrue(peer.closedByServer());
    }
    assertTrue(calls.isEmpty());
  }

  @Test
  void disconnectsAPeerThatStalls() throws Exception {
    server.close();
    startServer(SETTINGS.withIdleTimeout(Duration.ofMillis(300)));
    try (FakeAsterisk peer = new FakeAsterisk(port).send("agi_network: yes")) {
      long start = System.nanoTime();
      assertTrue(peer.closedByServer());
      assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(250), "closed before the idle timeout");
    }
    assertTrue(calls.isEmpty());
  }

  @Test
  void disconnectsAPeerThatFloodsUnsolicitedLines() throws Exception {
    try (FakeAsterisk peer = new FakeAsterisk(port).sendEnvironment()) {
      nextCall();
      for (int i = 0; i <= SETTINGS.maxUnsolicitedLines(); i++) {
        peer.send("200 result=1");
      }
      assertTrue(peer.closedByServer());
    }
  }

  @Test
  void disconnectsARequestForAnotherScript() throws Exception {
    try (FakeAsterisk peer = new FakeAsterisk(port)) {
      peer.send("agi_network: yes", "agi_network_script: billing", "");
      assertTrue(peer.closedByServer());
    }
    assertTrue(calls.isEmpty());
  }

  @Test
  void keepsServingOneCallWhileAnotherPeerMisbehaves() throws Exception {
    try (FakeAsterisk good = new FakeAsterisk(port).sendEnvironment()) {
      AgiCall call = nextCall();
      CompletableFuture<AgiReply> pending = call.send(AgiCommand.getData("beep", 5000, 4));
      assertEquals("GET DATA beep 5000 4", good.readCommand());

      try (FakeAsterisk garbage = new FakeAsterisk(port).send("\u0000\u0001binary", "");
          FakeAsterisk flood = new FakeAsterisk(port).sendEnvironment()) {
        nextCall();
        flood.send("HANGUP"); // the one real hangup event; repeats count as unsolicited
        for (int i = 0; i <= SETTINGS.maxUnsolicitedLines(); i++) {
          flood.send("HANGUP");
        }
        assertTrue(garbage.closedByServer());
        assertTrue(flood.closedByServer());
      }

      good.send("200 result=1234");
      assertEquals("1234", await(pending).digitsTyped());
      assertTrue(call.isOpen());
      assertFalse(call.hungUp());
      awaitActiveCalls(1);
    }
  }

  @Test
  void closeHandsTheCallBackToTheDialplan() throws Exception {
    try (FakeAsterisk asterisk = new FakeAsterisk(port).sendEnvironment()) {
      AgiCall call = nextCall();
      awaitActiveCalls(1);

      call.close();

      assertTrue(asterisk.closedByServer());
      assertFalse(call.isOpen());
      ExecutionException failure = assertThrows(ExecutionException.class, () -> await(call.send(AgiCommand.noop())));
      assertInstanceOf(ClosedChannelException.class, failure.getCause());
    }
  }

  @Test
  void closingTheServerClosesItsCalls() throws Exception {
    try (FakeAsterisk asterisk = new FakeAsterisk(port).sendEnvironment()) {
      nextCall();

      server.close();

      assertTrue(asterisk.closedByServer());
      assertEquals(0, server.activeCalls());
    }
  }
}
