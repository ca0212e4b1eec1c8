package org.hotline.server;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hotline.kb.Answer;
import org.hotline.kb.KnowledgeBase;
import org.hotline.kb.ReloadableKnowledgeBase;
import org.hotline.kb.analysis.ChineseCharacters;
import org.hotline.kb.content.ContentException;
import org.hotline.kb.content.ContentLoader;
import org.hotline.kb.content.ContentSource;
import org.hotline.kb.eval.Calibrator;
import org.hotline.kb.eval.EvalQuestion;
import org.hotline.kb.eval.EvalReport;
import org.hotline.kb.eval.Evaluator;
import org.hotline.kb.ranking.ConfidenceModel;
import org.hotline.server.ask.AnswerService;
import org.hotline.server.ask.AskRoute;
import org.hotline.server.health.HealthRoutes;
import org.hotline.server.http.HttpServer;
import org.hotline.server.http.RequestDispatcher;
import org.hotline.server.http.Router;
import org.hotline.server.kb.ContentDirectoryWatcher;
import org.hotline.server.kb.KnowledgeBaseRoutes;
import org.hotline.server.kb.KnowledgeBaseService;
import org.hotline.server.kb.UnansweredQuestions;
import org.hotline.server.metrics.MetricsRoute;
import org.hotline.server.privacy.PersonalDataMasker;

/**
 * The composition root and command line: {@code serve}, {@code ask "问题"}, {@code eval FILE.jsonl}
 * and {@code calibrate DEV.jsonl}. Everything the server runs is wired here.
 */
public final class Main {
  private static final System.Logger LOG = System.getLogger(Main.class.getName());
  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

  private Main() {}

  public static void main(String[] args) throws Exception {
    HotlineConfig config;
    try {
      config = HotlineConfig.from(System.getenv(), Arrays.asList(args));
    } catch (IllegalArgumentException e) {
      System.err.println("hotline: " + e.getMessage());
      System.exit(2);
      return;
    }
    List<String> rest = config.arguments();
    String command = rest.isEmpty() ? "serve" : rest.get(0);
    try {
      switch (command) {
        case "serve" -> serve(config).awaitShutdown();
        case "ask" -> ask(config, String.join(" ", rest.subList(1, rest.size())));
        case "eval" -> eval(config, argument(rest, "eval FILE.jsonl"), rest.contains("failures"));
        case "calibrate" -> calibrate(config, argument(rest, "calibrate DEV.jsonl"));
        default -> {
          System.err.println("usage: hotline [serve | ask QUESTION | eval FILE.jsonl [failures] | calibrate DEV.jsonl]"
              + " [--http-port N] [--data-dir DIR] [--kb-dir DIR]");
          System.exit(2);
        }
      }
    } catch (ContentException e) {
      System.err.println("hotline: invalid knowledge base: " + e.getMessage());
      System.exit(1);
    }
  }

  private static String argument(List<String> rest, String usage) {
    if (rest.size() < 2) {
      System.err.println("usage: hotline " + usage);
      System.exit(2);
    }
    return rest.get(1);
  }

  static ContentSource contentSource(HotlineConfig config) {
    return config.kbDir() == null ? ContentSource.bundled() : ContentSource.directory(config.kbDir());
  }

  private static KnowledgeBase loadOnce(HotlineConfig config) {
    return KnowledgeBase.build(new ContentLoader().load(contentSource(config)), ConfidenceModel.bundled());
  }

  /** A running server and what must be closed with it. */
  public static final class Running implements AutoCloseable {
    private final HttpServer http;
    private final UnansweredQuestions unanswered;
    private final ExecutorService workers;
    private final KnowledgeBaseService knowledgeBase;
    private final int httpPort;
    private volatile ContentDirectoryWatcher watcher;

    Running(HttpServer http, int httpPort, UnansweredQuestions unanswered, ExecutorService workers,
        KnowledgeBaseService knowledgeBase) {
      this.http = http;
      this.httpPort = httpPort;
      this.unanswered = unanswered;
      this.workers = workers;
      this.knowledgeBase = knowledgeBase;
    }

    public int httpPort() {
      return httpPort;
    }

    public KnowledgeBaseService knowledgeBase() {
      return knowledgeBase;
    }

    void awaitShutdown() throws InterruptedException {
      Runtime.getRuntime().addShutdownHook(new Thread(this::close));
      Thread.currentThread().join();
    }

    @Override
    public void close() {
      http.close();
      try {
        if (watcher != null) {
          watcher.close();
        }
      } catch (IOException e) {
        // closing anyway
      }
      workers.shutdown();
      unanswered.close();
    }
  }

  /** Starts the HTTP API, then loads the knowledge base in the background (ready when loaded). */
  public static Running serve(HotlineConfig config) throws Exception {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    PersonalDataMasker masker = new PersonalDataMasker();
    KnowledgeBaseService knowledgeBase = new KnowledgeBaseService();
    UnansweredQuestions unanswered = new UnansweredQuestions(config.dataDir(), masker, Clock.systemUTC());
    AnswerService answers = new AnswerService(knowledgeBase, unanswered, registry, config.cacheSize());
    KnowledgeBaseRoutes kbRoutes = new KnowledgeBaseRoutes(knowledgeBase, unanswered);

    Router router = new Router()
        .add(HttpMethod.GET, "/healthz", HealthRoutes.liveness())
        .add(HttpMethod.GET, "/readyz", HealthRoutes.readiness(knowledgeBase::ready))
        .add(HttpMethod.GET, "/metrics", new MetricsRoute(registry))
        .add(HttpMethod.POST, "/api/v1/ask", new AskRoute(answers))
        .add(HttpMethod.POST, "/api/v1/kb/reload", kbRoutes.reload())
        .add(HttpMethod.GET, "/api/v1/kb/unanswered", kbRoutes.unanswered());

    ExecutorService workers = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "blocking-worker");
      t.setDaemon(true);
      return t;
    });
    HttpServer http = new HttpServer(new RequestDispatcher(router, workers, registry));
    int port = http.start(config.host(), config.httpPort());
    Running running = new Running(http, port, unanswered, workers, knowledgeBase);
    LOG.log(System.Logger.Level.INFO, "HTTP API listening on port " + port + "; loading the knowledge base");

    ChineseCharacters.warmUp();
    ContentSource source = contentSource(config);
    knowledgeBase.loaded(new ReloadableKnowledgeBase(source, ConfidenceModel.bundled()));
    LOG.log(System.Logger.Level.INFO, "ready: " + knowledgeBase.current().content().size()
        + " entries from " + source.describe());
    if (config.kbDir() != null) {
      ContentDirectoryWatcher watcher = new ContentDirectoryWatcher(config.kbDir(), knowledgeBase);
      watcher.start();
      running.watcher = watcher;
    }
    return running;
  }

  private static void ask(HotlineConfig config, String question) {
    if (question.isBlank()) {
      System.err.println("usage: hotline ask \"问题\"");
      System.exit(2);
    }
    Answer answer = loadOnce(config).answer(question);
    if (answer instanceof Answer.Answered a) {
      OUT.printf("answer (%s, confidence %.2f%s):%n%s%n", a.entry().id(), a.confidence(),
          a.fraudWarning() ? ", fraud warning" : "", a.entry().answer());
      OUT.println("voice: " + a.entry().voiceAnswer());
    } else if (answer instanceof Answer.DidYouMean) {
      OUT.printf("no answer (confidence %.2f); did you mean:%n", answer.confidence());
    } else {
      OUT.printf("no answer (confidence %.2f)%n", answer.confidence());
    }
    answer.suggestions().forEach(s ->
        OUT.printf("  suggestion: %s  %s (%.2f)%n", s.faqId(), s.question(), s.confidence()));
  }

  private static void eval(HotlineConfig config, String file, boolean failures) throws IOException {
    List<EvalQuestion> questions = EvalQuestion.readJsonLines(Path.of(file));
    EvalReport report = Evaluator.evaluate(loadOnce(config), questions);
    OUT.print(report.format());
    if (failures) {
      report.failures().forEach(OUT::println);
    }
  }

  private static void calibrate(HotlineConfig config, String devFile) throws IOException {
    List<EvalQuestion> dev = EvalQuestion.readJsonLines(Path.of(devFile));
    ConfidenceModel model = Calibrator.fit(loadOnce(config), dev);
    OUT.println(model.toJson());
  }
}
