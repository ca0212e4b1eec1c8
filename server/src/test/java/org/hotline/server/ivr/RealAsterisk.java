package org.hotline.server.ivr;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Asterisk 22 running in the Debian-unstable chroot that {@code .ci/asterisk/build-chroot.sh}
 * builds (dialplan: {@code .ci/asterisk/extensions.conf}), its console captured for assertions.
 * Start and stop from one thread; {@link #output} and {@link #awaitOutput} may be called from any.
 */
final class RealAsterisk {
  static final Path ROOT = Path.of(System.getenv().getOrDefault("HOTLINE_ASTERISK_ROOT", "/var/tmp/hotline-asterisk"));
  private static final Path MARKER = ROOT.resolve(".hotline-ready");
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(15);
  private static final int TAIL_CHARS = 3000;

  private final StringBuilder output = new StringBuilder(); // guarded by itself
  private Process process;
  private Thread reader;

  /** Why a real Asterisk cannot run here, or empty when it can. */
  static Optional<String> unavailableReason() {
    String build = "; build it with: sudo bash .ci/asterisk/build-chroot.sh " + ROOT;
    if (!isRoot()) {
      return Optional.of("a real Asterisk runs in a chroot, which needs root (user is "
          + System.getProperty("user.name") + ")");
    }
    if (!Files.isExecutable(Path.of("/usr/sbin/chroot"))) {
      return Optional.of("no /usr/sbin/chroot on this machine");
    }
    if (!Files.isDirectory(ROOT)) {
      return Optional.of("no Asterisk chroot at " + ROOT + " (env HOTLINE_ASTERISK_ROOT)" + build);
    }
    if (!Files.isExecutable(ROOT.resolve("usr/sbin/asterisk"))) {
      return Optional.of("no usr/sbin/asterisk in " + ROOT + build);
    }
    if (!Files.exists(MARKER)) {
      return Optional.of(MARKER + " missing: the chroot build did not finish" + build);
    }
    return Optional.empty();
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Starts Asterisk (stopping one a previous run left behind) and waits until it is fully booted. */
  void start() throws IOException, InterruptedException {
    stopLeftover();
    // No /proc is mounted in the chroot: Asterisk 22 with these modules runs without it.
    process = new ProcessBuilder("chroot", ROOT.toString(), "asterisk", "-f", "-n", "-U", "asterisk",
        "-G", "asterisk", "-vvv", "-C", "/etc/asterisk/asterisk.conf")
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .start();
    reader = new Thread(this::capture, "asterisk-console");
    reader.setDaemon(true);
    reader.start();

    Instant deadline = Instant.now().plusSeconds(30);
    while (!answers()) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        String why = process.isAlive() ? "no answer in 30 s" : "exit " + process.exitValue();
        stop();
        throw new AssertionError("Asterisk did not start (" + why + "); console:\n" + tail());
      }
      Thread.sleep(200);
    }
    // The control socket opens before the modules load; originate needs res_clioriginate and the dialplan.
    rx("core waitfullybooted");
  }

  /** Points the dialplan's AGI(agi://127.0.0.1:${HOTLINE_AGI_PORT}/hotline) at our server. */
  void setAgiPort(int port) throws IOException, InterruptedException {
    rx("dialplan set global HOTLINE_AGI_PORT " + port);
  }

  /** Places a call from a caller context of extensions.conf (caller-menu, caller-agent) to 95588@ivr. */
  void originate(String callerContext) throws IOException, InterruptedException {
    if (!callerContext.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("bad context " + callerContext);
    }
    rx("channel originate Local/s@" + callerContext + " extension 95588@ivr");
  }

  /** Everything Asterisk has printed so far. */
  String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  /** The length of the output so far: pass it to {@link #awaitOutput(Pattern, Duration, int)}. */
  int mark() {
    synchronized (output) {
      return output.length();
    }
  }

  /** The text of the first match of {@code pattern} in the output; AssertionError after the timeout. */
  String awaitOutput(Pattern pattern, Duration timeout) throws InterruptedException {
    return awaitOutput(pattern, timeout, 0);
  }

  /** Like {@link #awaitOutput(Pattern, Duration)} but only looks at output after {@code from}. */
  String awaitOutput(Pattern pattern, Duration timeout, int from) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (output) {
      while (true) {
        Matcher m = pattern.matcher(output).region(Math.min(from, output.length()), output.length());
        if (m.find()) {
          return m.group();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no /" + pattern + "/ on the Asterisk console within " + timeout
              + "; its last " + TAIL_CHARS + " characters:\n" + tail());
        }
        TimeUnit.NANOSECONDS.timedWait(output, left);
      }
    }
  }

  /** Stops Asterisk: {@code core stop now}, then the process itself if it lingers. Idempotent. */
  void stop() {
    if (process == null) {
      return;
    }
    try {
      if (process.isAlive()) {
        rxQuietly("core stop now");
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroy();
          if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
          }
        }
      }
      reader.join(5_000);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  private void capture() {
    char[] buffer = new char[8192];
    try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        synchronized (output) {
          output.append(buffer, 0, n);
          output.notifyAll();
        }
      }
    } catch (IOException e) {
      synchronized (output) {
        output.append("\n[console read failed: ").append(e).append("]\n");
      }
    }
  }

  private String tail() {
    String all = output();
    return all.length() <= TAIL_CHARS ? all : all.substring(all.length() - TAIL_CHARS);
  }

  /** An Asterisk a crashed or killed test run left behind would hold the control socket and the pid file. */
  private static void stopLeftover() throws IOException, InterruptedException {
    Optional<ProcessHandle> leftover = leftoverProcess();
    if (!answers() && leftover.isEmpty()) {
      return;
    }
    rxQuietly("core stop now");
    Instant deadline = Instant.now().plusSeconds(10);
    while ((answers() || leftover.map(ProcessHandle::isAlive).orElse(false)) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
    }
    leftover.filter(ProcessHandle::isAlive).ifPresent(p -> {
      p.destroyForcibly();
      p.onExit().orTimeout(5, TimeUnit.SECONDS).join();
    });
    if (answers()) {
      throw new IllegalStateException("an Asterisk in " + ROOT + " still answers after core stop now");
    }
  }

  private static Optional<ProcessHandle> leftoverProcess() throws IOException {
    Path pidFile = ROOT.resolve("run/asterisk/asterisk.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      // The pid may have been reused since: only an asterisk process counts.
      return ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").endsWith("/asterisk"));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean answers() throws IOException, InterruptedException {
    Result r = run("core show version");
    return r.exit == 0 && r.text.startsWith("Asterisk ");
  }

  /** Runs a CLI command on the running Asterisk ({@code asterisk -rx}); returns what it printed. */
  String rx(String command) throws IOException, InterruptedException {
    Result r = run(command);
    if (r.exit != 0) {
      throw new IllegalStateException("asterisk -rx \"" + command + "\" exited " + r.exit + ": " + r.text);
    }
    return r.text;
  }

  private static void rxQuietly(String command) {
    try {
      run(command);
    } catch (IOException e) {
      // nothing to stop then
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Result(int exit, String text) {}

  private static Result run(String command) throws IOException, InterruptedException {
    // Output goes to a file so that a hanging command cannot block us on a pipe past the timeout.
    Path out = Files.createTempFile("asterisk-rx", ".txt");
    try {
      Process p = new ProcessBuilder(List.of("chroot", ROOT.toString(), "asterisk", "-rx", command))
          .redirectErrorStream(true)
          .redirectOutput(out.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .start();
      boolean done = p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      String text = Files.readString(out, StandardCharsets.UTF_8).strip();
      return done ? new Result(p.exitValue(), text)
          : new Result(-1, text + " (timed out after " + COMMAND_TIMEOUT + ")");
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
