package org.hotline.server.ivr;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plays Asterisk's side of one FastAGI call over a real socket, as fastagi.md shows Asterisk 22
 * speaking it: sends the environment, answers each command, presses the scripted keys when asked
 * for data (a timeout when none are left), and records what the server said and set.
 */
final class ScriptedAsterisk {
  final List<String> commands = new ArrayList<>();
  final List<String> spoken = new ArrayList<>();
  final Map<String, String> variables = new LinkedHashMap<>();
  private final Deque<String> keys;
  private final Map<String, String> channelVariables;

  ScriptedAsterisk(List<String> keys, Map<String, String> channelVariables) {
    this.keys = new ArrayDeque<>(keys);
    this.channelVariables = new LinkedHashMap<>(channelVariables);
  }

  /** Runs the call until the server closes the socket; hangs up instead once {@code hangUpAfter} commands were answered. */
  ScriptedAsterisk call(int port, String callerId, int hangUpAfter) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      write(out, "agi_network: yes\nagi_network_script: hotline\nagi_request: agi://127.0.0.1:" + port + "/hotline\n"
          + "agi_channel: Local/s@caller-00000001;1\nagi_language: en\nagi_type: Local\nagi_uniqueid: 1795944204.2\n"
          + "agi_version: 22.10.1\nagi_callerid: " + callerId + "\nagi_calleridname: unknown\nagi_context: ivr\n"
          + "agi_extension: 95588\nagi_priority: 3\nagi_enhanced: 0.0\nagi_accountcode: \nagi_threadid: 1397\n\n");
      String line;
      while ((line = in.readLine()) != null) {
        commands.add(line);
        if (commands.size() == hangUpAfter) {
          write(out, "HANGUP\n");
        }
        write(out, reply(line, commands.size() >= hangUpAfter) + "\n");
      }
    }
    return this;
  }

  private String reply(String command, boolean dead) {
    String upper = command.toUpperCase(java.util.Locale.ROOT);
    if (upper.startsWith("EXEC") || upper.startsWith("SET VARIABLE") || upper.startsWith("GET VARIABLE")
        || upper.startsWith("VERBOSE")) {
      // these still work on a dead channel
    } else if (dead) {
      return "511 Command Not Permitted on a dead channel or intercept routine";
    }
    if (upper.startsWith("EXEC VERBOSE")) {
      String text = command.substring("EXEC Verbose ".length()).replace("\"", "");
      spoken.add(text.startsWith("0,") ? text.substring(2) : text);
      return "200 result=0";
    }
    if (upper.startsWith("SET VARIABLE")) {
      String[] parts = command.split(" ", 4);
      variables.put(parts[2], parts.length > 3 ? parts[3].replace("\"", "") : "");
      return "200 result=1";
    }
    if (upper.startsWith("GET VARIABLE")) {
      String name = command.split(" ")[2];
      String value = channelVariables.remove(name);
      return value == null ? "200 result=0" : "200 result=1 (" + value + ")";
    }
    if (upper.startsWith("GET DATA")) {
      String key = keys.poll();
      return key == null || key.isEmpty() ? "200 result= (timeout)" : "200 result=" + key;
    }
    if (upper.startsWith("STREAM FILE")) {
      return "200 result=0 endpos=13760";
    }
    return "200 result=0";
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
