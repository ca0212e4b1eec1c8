package org.hotline.ivr.asterisk;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Prompts rendered to audio files by configured commands and played with STREAM FILE, each distinct
 * prompt rendered once and kept in a cache folder (which Asterisk must be able to read). Commands
 * are run directly, never through a shell: {@code {text}} is the prompt, {@code {file}} the WAV
 * file to produce, {@code {raw}} a scratch file. Thread-safe; {@link #prepare} blocks while rendering.
 */
public final class RenderedVoiceOutput implements VoiceOutput {
  /** espeak-ng's Mandarin voice, resampled by sox to the 8 kHz mono WAV Asterisk plays. */
  public static final List<List<String>> ESPEAK = List.of(
      List.of("espeak-ng", "-v", "cmn", "-s", "165", "-w", "{raw}", "{text}"),
      List.of("sox", "{raw}", "-r", "8000", "-c", "1", "-b", "16", "{file}"));

  private static final String DIGITS = "零一二三四五六七八九";

  private final Path cache;
  private final List<List<String>> commands;
  private final ConcurrentHashMap<String, CompletableFuture<Path>> rendering = new ConcurrentHashMap<>();

  public RenderedVoiceOutput(Path cache, List<List<String>> commands) {
    this.cache = requireNonNull(cache, "cache").toAbsolutePath();
    this.commands = List.copyOf(commands);
    if (commands.isEmpty() || commands.stream().noneMatch(c -> c.contains("{file}"))) {
      throw new IllegalArgumentException("a render command must write {file}");
    }
  }

  /** Commands from text: one command per ';'-separated part, arguments split on blanks. */
  public static List<List<String>> parseCommands(String spec) {
    List<List<String>> out = new ArrayList<>();
    for (String part : spec.split(";")) {
      if (!part.isBlank()) {
        out.add(List.of(part.strip().split("\\s+")));
      }
    }
    return out;
  }

  /**
   * Renders the prompt once; a number read digit by digit (only 零 to 九) is rendered as one file per
   * digit, so ticket numbers reuse ten cached files instead of one file each.
   */
  @Override
  public Prepared prepare(String text) {
    if (!text.isEmpty() && text.chars().allMatch(c -> DIGITS.indexOf(c) >= 0)) {
      List<String> files = new ArrayList<>();
      text.chars().forEach(c -> files.add(file(String.valueOf((char) c))));
      return new Prepared(files, null);
    }
    return new Prepared(List.of(file(text)), null);
  }

  private String file(String text) {
    String name = hash(text);
    Path wav = cache.resolve(name + ".wav");
    if (!Files.exists(wav)) {
      CompletableFuture<Path> mine = new CompletableFuture<>();
      CompletableFuture<Path> existing = rendering.putIfAbsent(name, mine);
      if (existing == null) {
        try {
          render(text, wav);
          mine.complete(wav);
        } catch (RuntimeException e) {
          mine.completeExceptionally(e);
          throw e;
        } finally {
          rendering.remove(name);
        }
      } else {
        existing.join();
      }
    }
    return cache.resolve(name).toString();
  }

  @Override
  public String silence() {
    return "silence/1";
  }

  /** How many prompts are rendered in the cache. */
  public long cachedPrompts() throws IOException {
    try (var files = Files.list(cache)) {
      return files.filter(p -> p.toString().endsWith(".wav")).count();
    }
  }

  private void render(String text, Path wav) {
    try {
      Files.createDirectories(cache);
      Path raw = Files.createTempFile(cache, "render-", ".raw.wav");
      Path part = Files.createTempFile(cache, "render-", ".part.wav");
      try {
        for (List<String> command : commands) {
          List<String> args = command.stream()
              .map(a -> a.replace("{text}", text).replace("{file}", part.toString()).replace("{raw}", raw.toString()))
              .toList();
          Process process = new ProcessBuilder(args).redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
          if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("prompt rendering timed out: " + args.get(0));
          }
          if (process.exitValue() != 0) {
            throw new IllegalStateException(args.get(0) + " exited with " + process.exitValue());
          }
        }
        Files.move(part, wav, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(raw);
        Files.deleteIfExists(part);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render prompt: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rendering a prompt");
    }
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "prompt-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
