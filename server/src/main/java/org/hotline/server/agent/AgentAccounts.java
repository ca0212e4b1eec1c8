package org.hotline.server.agent;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hotline.server.auth.Tokens;
import org.hotline.server.store.Database;
import org.hotline.server.store.StoreException;

/**
 * Agent accounts and their login sessions, both in the database so every node sees them. Sessions
 * expire after a fixed time. Thread-safe; blocking.
 */
public final class AgentAccounts {
  /** A logged-in agent and the session token only they hold. */
  public record Session(String token, Agent agent) {}

  /** Thrown when an account cannot be created as asked. */
  public static final class AccountException extends RuntimeException {
    public AccountException(String message) {
      super(message);
    }
  }

  private static final String COLUMNS = "id, username, display_name, role";

  private final Database db;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final Duration sessionLifetime;

  public AgentAccounts(Database db, PasswordHasher hasher, Clock clock, Duration sessionLifetime) {
    this.db = requireNonNull(db, "db");
    this.hasher = requireNonNull(hasher, "hasher");
    this.clock = requireNonNull(clock, "clock");
    this.sessionLifetime = requireNonNull(sessionLifetime, "sessionLifetime");
  }

  public Agent create(String username, String password, String displayName, Role role) {
    if (username == null || !username.matches("[A-Za-z0-9_.-]{2,64}")) {
      throw new AccountException("username must be 2-64 letters, digits, '.', '_' or '-'");
    }
    if (password == null || password.length() < 8) {
      throw new AccountException("password must have at least 8 characters");
    }
    String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
    Agent agent = new Agent(Tokens.newId("a_"), username, name, role);
    String hash = hasher.hash(password);
    try {
      db.inTransaction(sql -> sql.update(
          "INSERT INTO agents (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)",
          agent.id(), username, name, role.id(), hash, clock.millis()));
    } catch (StoreException e) {
      if (e.isUniqueViolation()) {
        throw new AccountException("username '" + username + "' is taken");
      }
      throw e;
    }
    return agent;
  }

  /**
   * Creates the {@code admin} account when there are no accounts at all.
   *
   * @return the password set, or empty when accounts already existed
   */
  public Optional<String> bootstrapAdmin(String configuredPassword) {
    long count = db.inTransaction(sql -> sql.count("SELECT count(*) FROM agents"));
    if (count > 0) {
      return Optional.empty();
    }
    String password = configuredPassword != null && !configuredPassword.isBlank()
        ? configuredPassword : Tokens.newToken().substring(0, 20);
    try {
      create("admin", password, "管理员", Role.ADMIN);
    } catch (AccountException e) {
      return Optional.empty(); // another node created it first
    }
    return Optional.of(password);
  }

  /** A new session when the password is right; empty otherwise (no hint which part was wrong). */
  public Optional<Session> login(String username, String password) {
    if (username == null || password == null) {
      return Optional.empty();
    }
    record Row(Agent agent, String hash) {}
    Optional<Row> row = db.inTransaction(sql -> sql.one(
        "SELECT " + COLUMNS + ", password_hash FROM agents WHERE username = ?",
        rs -> new Row(agent(rs), rs.getString("password_hash")), username));
    if (row.isEmpty() || !hasher.verify(password, row.get().hash())) {
      return Optional.empty();
    }
    String token = Tokens.newToken();
    long now = clock.millis();
    db.inTransaction(sql -> sql.update(
        "INSERT INTO agent_sessions (token_hash, agent_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
        Tokens.hash(token), row.get().agent().id(), now, now + sessionLifetime.toMillis()));
    return Optional.of(new Session(token, row.get().agent()));
  }

  /** The agent a session token belongs to, while the session lasts. */
  public Optional<Agent> authenticate(String token) {
    if (token == null) {
      return Optional.empty();
    }
    return db.inTransaction(sql -> sql.one(
        "SELECT a.id, a.username, a.display_name, a.role FROM agent_sessions s JOIN agents a ON a.id = s.agent_id"
            + " WHERE s.token_hash = ? AND s.expires_at > ?",
        AgentAccounts::agent, Tokens.hash(token), clock.millis()));
  }

  /** Deletes sessions that have expired; returns how many. */
  public int purgeExpiredSessions() {
    return db.inTransaction(sql -> sql.update("DELETE FROM agent_sessions WHERE expires_at <= ?", clock.millis()));
  }

  public void logout(String token) {
    db.inTransaction(sql -> sql.update("DELETE FROM agent_sessions WHERE token_hash = ?", Tokens.hash(token)));
  }

  public Optional<Agent> byUsername(String username) {
    return db.inTransaction(sql -> sql.one(
        "SELECT " + COLUMNS + " FROM agents WHERE username = ?", AgentAccounts::agent, username));
  }

  public List<Agent> all() {
    return db.inTransaction(sql -> sql.list(
        "SELECT " + COLUMNS + " FROM agents ORDER BY username", AgentAccounts::agent));
  }

  static Agent agent(ResultSet rs) throws SQLException {
    return new Agent(rs.getString("id"), rs.getString("username"), rs.getString("display_name"),
        Role.of(rs.getString("role")));
  }
}
