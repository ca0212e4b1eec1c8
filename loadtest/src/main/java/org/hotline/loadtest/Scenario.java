package org.hotline.loadtest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the load generator sends: a stream of HTTP/1.1 requests, written as bytes from a fixed
 * head and pre-encoded JSON bodies. The generator shares the machine's cores with the server, so
 * it does not build a header map and run an encoder per request (the requests never vary but in
 * their body, as wrk's don't). Thread-safe (the request counter is atomic; bodies are read-only).
 */
public final class Scenario {
  private final String name;
  private final String method;
  private final String path;
  private final byte[][] bodies;
  private final AtomicLong next = new AtomicLong();
  private byte[] head;

  private Scenario(String name, String method, String path, byte[][] bodies) {
    this.name = name;
    this.method = method;
    this.path = path;
    this.bodies = bodies;
    host("127.0.0.1");
  }

  /** {@code GET /healthz}: the ceiling of the HTTP stack. */
  public static Scenario healthz() {
    return new Scenario("healthz", "GET", "/healthz", null);
  }

  /** {@code POST /api/v1/ask} cycling through the given questions. */
  public static Scenario ask(String name, List<String> questions) {
    byte[][] bodies = new byte[questions.size()][];
    for (int i = 0; i < bodies.length; i++) {
      String json = "{\"question\":\"" + questions.get(i).replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
      bodies[i] = json.getBytes(StandardCharsets.UTF_8);
    }
    return new Scenario(name, "POST", "/api/v1/ask", bodies);
  }

  public String name() {
    return name;
  }

  /** Sets the Host header; the head up to the body's length is encoded once here. */
  Scenario host(String host) {
    String lines = method + " " + path + " HTTP/1.1\r\nhost: " + host + "\r\nconnection: keep-alive\r\n"
        + (bodies == null ? "content-length: 0\r\n\r\n" : "content-type: application/json\r\ncontent-length: ");
    this.head = lines.getBytes(StandardCharsets.US_ASCII);
    return this;
  }

  /** The next request's bytes, in a buffer from {@code alloc} that the channel releases once written. */
  ByteBuf nextRequest(ByteBufAllocator alloc) {
    if (bodies == null) {
      return alloc.buffer(head.length).writeBytes(head);
    }
    byte[] body = bodies[(int) (next.getAndIncrement() % bodies.length)];
    ByteBuf request = alloc.buffer(head.length + 8 + body.length);
    request.writeBytes(head);
    request.writeCharSequence(Integer.toString(body.length), StandardCharsets.US_ASCII);
    request.writeByte('\r').writeByte('\n').writeByte('\r').writeByte('\n');
    return request.writeBytes(body);
  }
}
