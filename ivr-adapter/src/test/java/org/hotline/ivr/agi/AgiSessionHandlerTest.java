package org.hotline.ivr.agi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AgiSessionHandlerTest {
  private static final AgiSettings SETTINGS = AgiSettings.defaults();

  private final List<AgiCall> calls = new ArrayList<>();
  private final AgiScript recordingScript = calls::add;

  private EmbeddedChannel channel(AgiScript script, AgiSettings settings) {
    return new EmbeddedChannel(new AgiSessionHandler(script, settings));
  }

  /** A channel past the environment block, with the started call in {@link #calls}. */
  private EmbeddedChannel openCall() {
    EmbeddedChannel channel = channel(recordingScript, SETTINGS);
    Transcript.ENVIRONMENT.forEach(channel::writeInbound);
    assertEquals(1, calls.size());
    return channel;
  }

  private static Throwable failure(CompletableFuture<?> future) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(0, TimeUnit.SECONDS));
    return e.getCause();
  }

  @Test
  void startsTheScriptWithTheEnvironmentOnceTheBlockEnds() {
    EmbeddedChannel channel = channel(recordingScript, SETTINGS);
    Transcript.ENVIRONMENT.subList(0, Transcript.ENVIRONMENT.size() - 1).forEach(channel::writeInbound);
    assertTrue(calls.isEmpty());

    channel.writeInbound("");

    AgiCall call = calls.get(0);
    assertEquals("13800138000", call.environment().callerId());
    assertEquals(List.of("bank", "zh"), call.environment().arguments());
    assertTrue(call.isOpen());
    assertSame(channel.eventLoop(), call.executor());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void writesTheCommandLineAndCompletesWithItsReply() throws Exception {
    EmbeddedChannel channel = openCall();
    CompletableFuture<AgiReply> reply = calls.get(0).send(AgiCommand.getVariable("CALLERID(num)"));

    assertEquals("GET VARIABLE CALLERID(num)\n", channel.readOutbound());
    assertFalse(reply.isDone());
    channel.writeInbound("200 result=1 (13800138000)");

    assertEquals("13800138000", reply.get(0, TimeUnit.SECONDS).data());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void refusesASecondCommandWhileOneIsInFlight() throws Exception {
    EmbeddedChannel channel = openCall();
    CompletableFuture<AgiReply> first = calls.get(0).send(AgiCommand.answer());
    CompletableFuture<AgiReply> second = calls.get(0).send(AgiCommand.noop());

    assertInstanceOf(IllegalStateException.class, failure(second));
    assertEquals("ANSWER\n", channel.readOutbound());
    assertNull(channel.readOutbound());
    channel.writeInbound("200 result=0");
    assertTrue(first.get(0, TimeUnit.SECONDS).success());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void letsTheScriptSendTheNextCommandFromTheReplyCallback() {
    EmbeddedChannel channel = channel(call -> call.send(AgiCommand.answer())
        .thenCompose(answered -> call.send(AgiCommand.verbose("hello from backend", 1)))
        .thenAccept(logged -> call.close()), SETTINGS);
    Transcript.ENVIRONMENT.forEach(channel::writeInbound);

    assertEquals("ANSWER\n", channel.readOutbound());
    channel.writeInbound("200 result=0");
    assertEquals("VERBOSE \"hello from backend\" 1\n", channel.readOutbound());
    channel.writeInbound("200 result=1");
    assertFalse(channel.isOpen());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void treatsHangupBeforeTheReplyAsAnEventAndStillDeliversTheReply() throws Exception {
    EmbeddedChannel channel = openCall();
    AgiCall call = calls.get(0);
    AtomicInteger hangups = new AtomicInteger();
    call.onHangup(hangups::incrementAndGet);
    CompletableFuture<AgiReply> reply = call.send(AgiCommand.getData("beep", 5000, 4));
    assertEquals("GET DATA beep 5000 4\n", channel.readOutbound());

    channel.writeInbound("HANGUP");
    assertTrue(call.hungUp());
    assertEquals(1, hangups.get());
    assertFalse(reply.isDone());
    channel.writeInbound("200 result=-1");

    assertTrue(reply.get(0, TimeUnit.SECONDS).channelGone());
    channel.close();
    assertEquals(1, hangups.get());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void takesHangupWhileIdleAndKeepsTheConnectionForDeadChannelCommands() throws Exception {
    EmbeddedChannel channel = openCall();
    AgiCall call = calls.get(0);
    AtomicInteger hangups = new AtomicInteger();
    call.onHangup(hangups::incrementAndGet);

    channel.writeInbound("HANGUP");

    assertTrue(call.hungUp());
    assertEquals(1, hangups.get());
    assertTrue(channel.isOpen());
    CompletableFuture<AgiReply> answer = call.send(AgiCommand.answer());
    assertEquals("ANSWER\n", channel.readOutbound());
    channel.writeInbound("511 Command Not Permitted on a dead channel or intercept routine");
    assertTrue(answer.get(0, TimeUnit.SECONDS).channelGone());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void runsAHangupListenerAddedAfterTheHangupAtOnce() {
    EmbeddedChannel channel = openCall();
    channel.writeInbound("HANGUP");
    AtomicInteger hangups = new AtomicInteger();

    calls.get(0).onHangup(hangups::incrementAndGet);

    assertEquals(1, hangups.get());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void accumulatesTheMultiLineUsageReply() throws Exception {
    EmbeddedChannel channel = openCall();
    CompletableFuture<AgiReply> reply = calls.get(0).send(AgiCommand.of("STREAM FILE"));
    assertEquals("STREAM FILE\n", channel.readOutbound());

    Transcript.USAGE_520.subList(0, 3).forEach(channel::writeInbound);
    assertFalse(reply.isDone());
    channel.writeInbound(Transcript.USAGE_520.get(3));

    AgiReply usage = reply.get(0, TimeUnit.SECONDS);
    assertEquals(520, usage.code());
    assertTrue(usage.message().endsWith("\nEnd of proper usage."));
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void failsTheCommandWhenTheConnectionCloses() {
    EmbeddedChannel channel = openCall();
    AtomicInteger hangups = new AtomicInteger();
    calls.get(0).onHangup(hangups::incrementAndGet);
    CompletableFuture<AgiReply> reply = calls.get(0).send(AgiCommand.waitForDigit(15000));
    assertEquals("WAIT FOR DIGIT 15000\n", channel.readOutbound());

    channel.close();

    assertInstanceOf(ClosedChannelException.class, failure(reply));
    assertEquals(1, hangups.get());
    assertFalse(calls.get(0).hungUp());
    assertInstanceOf(ClosedChannelException.class, failure(calls.get(0).send(AgiCommand.noop())));
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void closesAndFailsTheCommandWhenNoReplyComesInTime() {
    EmbeddedChannel channel = openCall();
    CompletableFuture<AgiReply> reply = calls.get(0).send(AgiCommand.getData("beep", 5000, 4));
    assertEquals("GET DATA beep 5000 4\n", channel.readOutbound());

    channel.advanceTimeBy(SETTINGS.commandTimeout().toMillis() + 4000, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    assertTrue(channel.isOpen(), "GET DATA's own 5 s are added to the command timeout");
    channel.advanceTimeBy(1000, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();

    assertInstanceOf(TimeoutException.class, failure(reply));
    assertFalse(channel.isOpen());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void closesAndFailsTheCommandOnAMalformedReply() {
    EmbeddedChannel channel = openCall();
    CompletableFuture<AgiReply> reply = calls.get(0).send(AgiCommand.answer());
    assertEquals("ANSWER\n", channel.readOutbound());

    channel.writeInbound("200 ok");

    assertInstanceOf(IllegalArgumentException.class, failure(reply));
    assertFalse(channel.isOpen());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void toleratesAFewUnsolicitedLinesButClosesOnAFlood() {
    EmbeddedChannel channel = openCall();
    for (int i = 0; i < SETTINGS.maxUnsolicitedLines(); i++) {
      channel.writeInbound("200 result=0");
    }
    assertTrue(channel.isOpen());

    channel.writeInbound("200 result=0");

    assertFalse(channel.isOpen());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void countsRepeatedHangupLinesAsUnsolicited() {
    EmbeddedChannel channel = channel(recordingScript, SETTINGS.withMaxUnsolicitedLines(1));
    Transcript.ENVIRONMENT.forEach(channel::writeInbound);

    channel.writeInbound("HANGUP");
    channel.writeInbound("HANGUP");
    assertTrue(channel.isOpen());
    channel.writeInbound("HANGUP");

    assertFalse(channel.isOpen());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void closesAPeerThatSendsGarbageInsteadOfAnEnvironment() {
    EmbeddedChannel channel = channel(recordingScript, SETTINGS);

    channel.writeInbound("GET / HTTP/1.1", "", "agi_network_script: hotline", "");

    assertFalse(channel.isOpen());
    assertTrue(calls.isEmpty());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void closesAPeerWhoseEnvironmentNeverEnds() {
    EmbeddedChannel channel = channel(recordingScript, SETTINGS.withMaxEnvironmentLines(3));
    channel.writeInbound("agi_a: 1", "agi_b: 2", "agi_c: 3");
    assertTrue(channel.isOpen());

    channel.writeInbound("agi_d: 4", "", "200 result=0");

    assertFalse(channel.isOpen());
    assertTrue(calls.isEmpty());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void closesARequestForAnotherScript() {
    EmbeddedChannel channel = channel(recordingScript, SETTINGS.withScriptName("billing"));

    Transcript.ENVIRONMENT.forEach(channel::writeInbound);

    assertFalse(channel.isOpen());
    assertTrue(calls.isEmpty());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void closesTheConnectionWhenTheScriptThrows() {
    EmbeddedChannel channel = channel(call -> {
      throw new IllegalStateException("script bug");
    }, SETTINGS);

    Transcript.ENVIRONMENT.forEach(channel::writeInbound);

    assertFalse(channel.isOpen());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void closesTheConnectionWhenAHangupListenerThrows() {
    EmbeddedChannel channel = openCall();
    calls.get(0).onHangup(() -> {
      throw new IllegalStateException("listener bug");
    });

    channel.writeInbound("HANGUP");

    assertFalse(channel.isOpen());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void closeClosesTheConnection() {
    EmbeddedChannel channel = openCall();

    calls.get(0).close();

    assertFalse(channel.isOpen());
    assertFalse(calls.get(0).isOpen());
    assertFalse(channel.finishAndReleaseAll());
  }

  // The whole pipeline: bytes in, limits of the decoder and the idle handler.

  private EmbeddedChannel pipeline(AgiSettings settings) {
    return new EmbeddedChannel(new AgiServerInitializer(recordingScript, settings,
        new DefaultChannelGroup(GlobalEventExecutor.INSTANCE)));
  }

  private static ByteBuf bytes(String text) {
    return Unpooled.copiedBuffer(text, UTF_8);
  }

  @Test
  void decodesUtf8LinesAndEncodesCommandsThroughThePipeline() throws Exception {
    EmbeddedChannel channel = pipeline(SETTINGS);
    channel.writeInbound(bytes(String.join("\n", Transcript.ENVIRONMENT) + "\n"));
    CompletableFuture<AgiReply> reply = calls.get(0).send(AgiCommand.speechRecognize("ask", 5000));

    ByteBuf written = channel.readOutbound();
    assertEquals("SPEECH RECOGNIZE ask 5\n", written.toString(UTF_8));
    written.release();
    channel.writeInbound(bytes(Transcript.SPEECH.substring(0, 60)));
    channel.writeInbound(bytes(Transcript.SPEECH.substring(60) + "\n"));

    assertEquals("信用卡 丢了", reply.get(0, TimeUnit.SECONDS).attribute("text0"));
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void closesAPeerThatSendsAnOverLongLine() {
    EmbeddedChannel channel = pipeline(SETTINGS.withMaxLineLength(64));

    channel.writeInbound(bytes("agi_network: " + "y".repeat(100)));

    assertFalse(channel.isOpen());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void closesAPeerThatStalls() {
    EmbeddedChannel channel = pipeline(SETTINGS.withIdleTimeout(Duration.ofSeconds(30)));
    channel.freezeTime();
    channel.writeInbound(bytes("agi_network: yes\n"));

    channel.advanceTimeBy(29, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertTrue(channel.isOpen());
    channel.advanceTimeBy(2, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();

    assertFalse(channel.isOpen());
    assertFalse(channel.finishAndReleaseAll());
  }

  @Test
  void leavesASilentPeerAloneWhileItOwesAReplyButClosesAForgottenCall() throws Exception {
    EmbeddedChannel channel = pipeline(SETTINGS.withIdleTimeout(Duration.ofSeconds(30)));
    channel.freezeTime();
    channel.writeInbound(bytes(String.join("\n", Transcript.ENVIRONMENT) + "\n"));
    CompletableFuture<AgiReply> reply = calls.get(0).send(AgiCommand.waitForDigit(15000));
    ((ByteBuf) channel.readOutbound()).release();

    channel.advanceTimeBy(45, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertTrue(channel.isOpen());
    channel.writeInbound(bytes("200 result=50\n"));
    assertEquals(Character.valueOf('2'), reply.get(0, TimeUnit.SECONDS).digitPressed());
    channel.advanceTimeBy(31, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();

    assertFalse(channel.isOpen());
    assertFalse(channel.finishAndReleaseAll());
  }
}
