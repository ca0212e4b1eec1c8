package org.hotline.loadtest.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AgiLoadTestTest {
  /** A stand-in FastAGI server: reads the environment, asks for a key, then hands off (or not). */
  private static ServerSocket server(boolean handOff, ExecutorService pool) throws IOException {
    ServerSocket socket = new ServerSocket(0);
    AtomicInteger tickets = new AtomicInteger(100000);
    pool.submit(() -> {
      while (!socket.isClosed()) {
        Socket s = socket.accept();
        pool.submit(() -> {
          try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
              // environment
            }
            out.write("GET DATA silence/1 6000 1\n".getBytes(StandardCharsets.UTF_8));
            in.readLine();
            if (handOff) {
              out.write(("SET VARIABLE HOTLINE_TICKET " + tickets.incrementAndGet() + "\n").getBytes(StandardCharsets.UTF_8));
              in.readLine();
            }
          }
          return null;
        });
      }
      return null;
    });
    return socket;
  }

  @Test
  void countsHandedOffCallsAndTheirTickets() throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    try (ServerSocket socket = server(true, pool)) {
      AgiLoadTest.Result result = AgiLoadTest.run("127.0.0.1", socket.getLocalPort(), 20, 1, 20);
      assertEquals(20, result.handedOff());
      assertEquals(0, result.failed());
      assertEquals(20, result.distinctTickets());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCallClosedWithoutAHandoffIsAFailure() throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    try (ServerSocket socket = server(false, pool)) {
      AgiLoadTest.Result result = AgiLoadTest.run("127.0.0.1", socket.getLocalPort(), 5, 1, 20);
      assertEquals(5, result.failed());
      assertTrue(result.format().contains("closed without a hand-off"), result.format());
    } finally {
      pool.shutdownNow();
    }
  }
}
