package org.hotline.server;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hotline.ivr.agi.AgiServer;
import org.hotline.ivr.agi.AgiSettings;
import org.hotline.ivr.asterisk.AgiCallScript;
import org.hotline.ivr.asterisk.SpeechInput;
import org.hotline.ivr.asterisk.VoiceOutputs;
import org.hotline.ivr.flow.CallFlow;
import org.hotline.server.agent.AgentAccounts;
import org.hotline.ivr.vxml.VxmlDocuments;
import org.hotline.ivr.vxml.VxmlSettings;
import org.hotline.server.ivr.HotlineVoiceBackend;
import org.hotline.server.ivr.VxmlRoutes;
import org.hotline.server.agent.AgentAuth;
import org.hotline.server.agent.AgentRoutes;
import org.hotline.server.agent.PasswordHasher;
import org.hotline.server.agent.Role;
import org.hotline.server.chat.ChatRoutes;
import org.hotline.server.chat.CustomerAuth;
import org.hotline.server.chat.Dialogue;
import org.hotline.server.chat.HandoffRules;
import org.hotline.server.conversation.ConversationEvents;
import org.hotline.server.conversation.ConversationStore;
import org.hotline.server.live.ConversationStreamHandler;
import org.hotline.server.live.LocalEvents;
import org.hotline.server.live.PostgresEvents;
import org.hotline.server.live.StreamHub;
import org.hotline.server.report.AnswerRatings;
import org.hotline.server.report.ComplaintReport;
import org.hotline.server.report.ReportRoutes;
import org.hotline.server.store.Database;
import org.hotline.server.ticket.CannedReplies;
import org.hotline.server.ticket.TicketRoutes;
import org.hotline.server.ticket.TicketService;
import org.hotline.server.ticket.deadline.DeadlineCalculator;
import org.hotline.server.ticket.deadline.DeadlinePolicy;
import org.hotline.server.ticket.deadline.WorkingCalendar;
import org.hotline.server.web.StaticFiles;
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
  /** How long the call flow waits for a key after a prompt. */
  private static final long AGI_INPUT_TIMEOUT_MILLIS = 6000;
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

  /** A running server and what must be closed with it, in reverse order of opening. */
  public static final class Running implements AutoCloseable {
    private final int httpPort;
    private final int agiPort;
    private final KnowledgeBaseService knowledgeBase;
    private final List<String> routes;
    private final Deque<AutoCloseable> resources;

    Running(int httpPort, int agiPort, KnowledgeBaseService knowledgeBase, List<String> routes,
        Deque<AutoCloseable> resources) {
      this.httpPort = httpPort;
      this.agiPort = agiPort;
      this.knowledgeBase = knowledgeBase;
      this.routes = routes;
      this.resources = resources;
    }

    public int httpPort() {
      return httpPort;
    }

    /** The FastAGI port Asterisk connects to. */
    public int agiPort() {
      return agiPort;
    }

    public KnowledgeBaseService knowledgeBase() {
      return knowledgeBase;
    }

    /** The HTTP API's path templates, sorted. */
    public List<String> routes() {
      return routes;
    }

    void awaitShutdown() throws InterruptedException {
      Runtime.getRuntime().addShutdownHook(new Thread(this::close));
      Thread.currentThread().join();
    }

    @Override
    public synchronized void close() {
      while (!resources.isEmpty()) {
        try {
          resources.pop().close();
        } catch (Exception e) {
          LOG.log(System.Logger.Level.WARNING, "while closing: " + e);
        }
      }
    }
  }

  /**
   * One full collection before the server is ready. Building the index leaves about 100 MB of
   * garbage in the old generation (young collections promoted it while it was still in use);
   * left there, it brings the first full collection, over 100 ms with every request stopped, a
   * few minutes into serving. Measured with the launcher's options under uncached load: 156 MB in
   * the old generation at readiness, 56 MB after this; without it a full collection came 3
   * minutes into the load, with it none in 4 minutes (the old generation then at 77 of 192 MB).
   */
  private static void collectStartupGarbage() {
    System.gc();
  }

  /**
   * Opens the database, starts the HTTP API, then loads the knowledge base (ready when loaded).
   * Each request's path: {@link HttpServer} → {@link RequestDispatcher} → {@link Router} → a route
   * of a feature package (ask, chat, agent, ticket, report, kb, web), or the WebSocket upgrade in
   * {@link ConversationStreamHandler}.
   */
  public static Running serve(HotlineConfig config) throws Exception {
    Deque<AutoCloseable> resources = new ArrayDeque<>();
    try {
      return serve(config, resources);
    } catch (Exception | Error e) {
      new Running(0, 0, null, List.of(), resources).close();
      throw e;
    }
  }

  private static Running serve(HotlineConfig config, Deque<AutoCloseable> resources) throws Exception {
    Clock clock = Clock.systemUTC();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry); // process CPU time: the load generator reports it per request
    PersonalDataMasker masker = new PersonalDataMasker();
    ExecutorService workers = Executors.newFixedThreadPool(8, daemon("blocking-worker"));
    resources.push(workers::shutdown);

    // Knowledge base and answers
    KnowledgeBaseService knowledgeBase = new KnowledgeBaseService();
    UnansweredQuestions unanswered = new UnansweredQuestions(config.dataDir(), masker, clock);
    resources.push(unanswered);
    AnswerService answers = new AnswerService(knowledgeBase, unanswered, registry, config.cacheSize());
    KnowledgeBaseRoutes kbRoutes = new KnowledgeBaseRoutes(knowledgeBase, unanswered);

    // Database: embedded H2 unless a URL names PostgreSQL; events reach every node through it
    Database db = config.dbUrl() == null ? Database.embedded(config.dataDir())
        : Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
    resources.push(db);
    ConversationEvents events = db.kind() == Database.Kind.POSTGRESQL ? new PostgresEvents(db) : new LocalEvents();
    resources.push(events);
    ConversationStore conversations = new ConversationStore(events, clock);

    // Agents, tickets and their deadlines
    AgentAccounts accounts = new AgentAccounts(db, new PasswordHasher(config.passwordIterations()), clock,
        Duration.ofHours(12));
    accounts.bootstrapAdmin(config.adminPassword()).ifPresent(password -> LOG.log(System.Logger.Level.WARNING,
        config.adminPassword() != null ? "created the admin account with HOTLINE_ADMIN_PASSWORD"
            : "created the admin account; its password (shown once) is: " + password));
    AgentAuth agentAuth = new AgentAuth(accounts);
    DeadlinePolicy policy = deadlinePolicy(config.deadlinePolicy());
    WorkingCalendar calendar = config.calendarDir() == null ? WorkingCalendar.bundled()
        : WorkingCalendar.load(config.calendarDir());
    DeadlineCalculator deadlines = new DeadlineCalculator(calendar, policy);
    List<Integer> uncovered = deadlines.yearsWithoutOfficialCalendar(clock.instant());
    if (!uncovered.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "no official holiday calendar for " + uncovered
          + ": working-day deadlines reaching it count only weekends as days off; add NNNN.json"
          + " to HOTLINE_CALENDAR_DIR (see server/src/main/resources/calendar/)");
    }
    Gauge.builder("hotline.deadlines.uncovered.years", deadlines,
            d -> d.yearsWithoutOfficialCalendar(clock.instant()).size())
        .description("years that working-day deadlines set now reach without an official holiday calendar")
        .register(registry);
    TicketService tickets = new TicketService(db, conversations, accounts, policy, deadlines, masker, clock);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("escalation"));
    resources.push(scheduler::shutdownNow);
    scheduler.scheduleWithFixedDelay(() -> housekeeping(tickets, accounts), 10, 60, TimeUnit.SECONDS);

    // Customers' conversations and their live streams
    HandoffRules handoffRules = new HandoffRules(config.handoffAfter());
    Dialogue dialogue = new Dialogue(db, conversations, tickets, answers, knowledgeBase,
        handoffRules, masker);
    CustomerAuth customerAuth = new CustomerAuth(db, conversations);
    StreamHub streams = new StreamHub(db, conversations, workers);
    events.subscribe(streams);
    Gauge.builder("hotline.streams.open", streams, StreamHub::openStreams)
        .description("customers' live streams open on this node").register(registry);

    // Telephone calls: FastAGI for Asterisk, VoiceXML documents for other platforms
    HotlineVoiceBackend voice = new HotlineVoiceBackend(db, conversations, tickets, answers, knowledgeBase,
        handoffRules, masker);
    CallFlow callFlow = new CallFlow();
    VxmlRoutes vxml = new VxmlRoutes(voice, callFlow, new VxmlDocuments(new VxmlSettings("/ivr/vxml",
        config.vxmlTransfer(), config.vxmlSpeechGrammar(), (int) (AGI_INPUT_TIMEOUT_MILLIS / 1000))));
    AgiServer agi = new AgiServer(new AgiCallScript(voice, callFlow,
        VoiceOutputs.parse(config.tts(), config.dataDir().resolve("prompts")),
        SpeechInput.parse(config.agiSpeech()), workers, AGI_INPUT_TIMEOUT_MILLIS), AgiSettings.defaults());

    ChatRoutes chat = new ChatRoutes(dialogue, customerAuth);
    AgentRoutes agentRoutes = new AgentRoutes(accounts, agentAuth);
    TicketRoutes ticketRoutes = new TicketRoutes(tickets, agentAuth, CannedReplies.bundled());
    ReportRoutes reports = new ReportRoutes(new ComplaintReport(db, policy.zone(), clock),
        new AnswerRatings(db, policy.zone()), agentAuth);
    StaticFiles pages = new StaticFiles();
    Router router = new Router()
        .add(HttpMethod.GET, "/healthz", HealthRoutes.liveness())
        .add(HttpMethod.GET, "/readyz", HealthRoutes.readiness(knowledgeBase::ready))
        .add(HttpMethod.GET, "/metrics", new MetricsRoute(registry))
        .add(HttpMethod.POST, "/api/v1/ask", new AskRoute(answers))
        .add(HttpMethod.POST, "/api/v1/kb/reload", agentAuth.protect(Role.ADMIN, kbRoutes.reload()))
        .add(HttpMethod.GET, "/api/v1/kb/unanswered", agentAuth.protect(Role.AGENT, kbRoutes.unanswered()))
        .add(HttpMethod.POST, "/api/v1/conversations", chat.create())
        .add(HttpMethod.POST, "/api/v1/conversations/{id}/messages", chat.send())
        .add(HttpMethod.GET, "/api/v1/conversations/{id}/messages", chat.transcript())
        .add(HttpMethod.POST, "/api/v1/conversations/{id}/handoff", chat.handoff())
        .add(HttpMethod.POST, "/api/v1/conversations/{id}/messages/{seq}/rating", chat.rate())
        .add(HttpMethod.POST, "/api/v1/agents/login", agentRoutes.login())
        .add(HttpMethod.POST, "/api/v1/agents/logout", agentRoutes.logout())
        .add(HttpMethod.GET, "/api/v1/agents/me", agentRoutes.me())
        .add(HttpMethod.GET, "/api/v1/agents", agentRoutes.list())
        .add(HttpMethod.POST, "/api/v1/agents", agentRoutes.create())
        .add(HttpMethod.GET, "/api/v1/tickets", ticketRoutes.list())
        .add(HttpMethod.GET, "/api/v1/tickets/{id}", ticketRoutes.get())
        .add(HttpMethod.POST, "/api/v1/tickets/{id}/claim", ticketRoutes.claim())
        .add(HttpMethod.POST, "/api/v1/tickets/{id}/messages", ticketRoutes.reply())
        .add(HttpMethod.POST, "/api/v1/tickets/{id}/transfer", ticketRoutes.transfer())
        .add(HttpMethod.POST, "/api/v1/tickets/{id}/status", ticketRoutes.status())
        .add(HttpMethod.POST, "/api/v1/tickets/{id}/resolve", ticketRoutes.resolve())
        .add(HttpMethod.POST, "/api/v1/tickets/{id}/close", ticketRoutes.close())
        .add(HttpMethod.POST, "/api/v1/tickets/{id}/reopen", ticketRoutes.reopen())
        .add(HttpMethod.GET, "/api/v1/canned-replies", ticketRoutes.cannedReplies())
        .add(HttpMethod.GET, "/api/v1/reports/complaints", reports.complaints())
        .add(HttpMethod.GET, "/api/v1/reports/answers", reports.answers())
        .add(HttpMethod.GET, "/ivr/vxml/start", vxml.start())
        .add(HttpMethod.GET, "/ivr/vxml/next", vxml.next())
        .add(HttpMethod.GET, "/widget/", pages.folder("widget"))
        .add(HttpMethod.GET, "/widget/{file}", pages.folder("widget"))
        .add(HttpMethod.GET, "/console/", pages.folder("console"))
        .add(HttpMethod.GET, "/console/{file}", pages.folder("console"));

    HttpServer http = new HttpServer(new RequestDispatcher(router, workers, registry),
        new ConversationStreamHandler(customerAuth, streams, workers), config.allowedOrigins());
    int port = http.start(config.host(), config.httpPort());
    resources.push(http);
    LOG.log(System.Logger.Level.INFO, "HTTP API on port " + port + " (" + http.transport()
        + " event loops, " + db.kind() + " database); loading the knowledge base");

    ChineseCharacters.warmUp();
    ContentSource source = contentSource(config);
    ReloadableKnowledgeBase loaded = new ReloadableKnowledgeBase(source, ConfidenceModel.bundled());
    collectStartupGarbage();
    knowledgeBase.loaded(loaded);
    LOG.log(System.Logger.Level.INFO, "ready: " + knowledgeBase.current().content().size()
        + " entries from " + source.describe());
    // Calls start once there is a knowledge base to answer them; until then Asterisk's AGI fails
    // fast and the dialplan goes on to the agents' queue.
    int agiPort = agi.start(config.host(), config.agiPort());
    resources.push(agi);
    Gauge.builder("hotline.agi.calls", agi, AgiServer::activeCalls)
        .description("FastAGI calls connected now").register(registry);
    LOG.log(System.Logger.Level.INFO, "FastAGI on port " + agiPort);
    Running running = new Running(port, agiPort, knowledgeBase, router.templates(), resources);
    if (config.kbDir() != null) {
      ContentDirectoryWatcher watcher = new ContentDirectoryWatcher(config.kbDir(), knowledgeBase);
      watcher.start();
      resources.push(watcher);
    }
    return running;
  }

  private static DeadlinePolicy deadlinePolicy(String name) {
    return name.equals("bank") || name.equals("market") ? DeadlinePolicy.bundled(name)
        : DeadlinePolicy.load(Path.of(name));
  }

  /** Once a minute on every node: escalate tickets due soon or overdue, drop expired sessions. */
  private static void housekeeping(TicketService tickets, AgentAccounts accounts) {
    try {
      int n = tickets.escalate();
      if (n > 0) {
        LOG.log(System.Logger.Level.INFO, "escalated " + n + " tickets");
      }
      accounts.purgeExpiredSessions();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "housekeeping failed: " + e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
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
