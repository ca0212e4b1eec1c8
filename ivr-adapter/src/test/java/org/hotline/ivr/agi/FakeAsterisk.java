package org.hotline.ivr.agi;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;

/** Plays Asterisk's side of FastAGI over a plain socket, one line at a time. */
final class FakeAsterisk implements AutoCloseable {
  private final Socket socket;
  private final BufferedReader in;
  private final OutputStream out;

  FakeAsterisk(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(2000);
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8));
    out = socket.getOutputStream();
  }

  FakeAsterisk send(String... lines) throws IOException {
    // One write for all the lines, as Asterisk sends a block: line by line, a server that closes
    // on the first bad line could break the pipe under a later write and fail the test by timing.
    StringBuilder block = new StringBuilder();
    for (String line : lines) {
      block.append(line).append('\n');
    }
    out.write(block.toString().getBytes(UTF_8));
    out.flush();
    return this;
  }

  FakeAsterisk sendAll(List<String> lines) throws IOException {
    return send(lines.toArray(String[]::new));
  }

  FakeAsterisk sendEnvironment() throws IOException {
    return sendAll(Transcript.ENVIRONMENT);
  }

  /** The next command the server wrote, without its line ending. */
  String readCommand() throws IOException {
    String line = in.readLine();
    if (line == null) {
      throw new IOException("server closed the connection");
    }
    return line;
  }

  /** True when the server closes the connection within the socket timeout, unread lines aside. */
  boolean closedByServer() throws IOException {
    try {
      while (true) {
        String line = in.readLine();
        if (line == null) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // connection reset
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
