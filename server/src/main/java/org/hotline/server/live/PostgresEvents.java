package org.hotline.server.live;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hotline.server.conversation.ConversationEvents;
import org.hotline.server.store.Database;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Conversation events shared by every node on one PostgreSQL: a change is announced with NOTIFY,
 * and a listener thread on each node (this one included) hears it through LISTEN and tells the
 * local listeners. The listener reconnects after a lost connection. Thread-safe.
 */
public final class PostgresEvents implements ConversationEvents {
  static final String CHANNEL = "hotline_conversations";
  private static final System.Logger LOG = System.getLogger(PostgresEvents.class.getName());

  private final Database db;
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Connection notifier;

  public PostgresEvents(Database db) {
    this.db = requireNonNull(db, "db");
    this.thread = new Thread(this::listen, "pg-listen");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void changed(String conversationId) {
    try {
      synchronized (this) {
        if (notifier == null || notifier.isClosed()) {
          notifier = db.dedicatedConnection();
          notifier.setAutoCommit(true);
        }
        try (PreparedStatement statement = notifier.prepareStatement("SELECT pg_notify(?, ?)")) {
          statement.setString(1, CHANNEL);
          statement.setString(2, conversationId);
          statement.execute();
        }
      }
    } catch (SQLException e) {
      // the change is committed; streams catch up when clients reconnect and ask for what they missed
      LOG.log(System.Logger.Level.WARNING, "NOTIFY failed: " + e.getMessage());
      closeNotifier();
    }
  }

  @Override
  public void subscribe(Consumer<String> listener) {
    listeners.add(listener);
  }

  private void listen() {
    while (running) {
      try (Connection connection = db.dedicatedConnection()) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(500);
          if (notifications == null) {
            continue;
          }
          for (PGNotification n : notifications) {
            listeners.forEach(l -> l.accept(n.getParameter()));
          }
        }
      } catch (SQLException e) {
        if (running) {
          LOG.log(System.Logger.Level.WARNING, "LISTEN connection lost, reconnecting: " + e.getMessage());
          sleep();
        }
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void closeNotifier() {
    try {
      if (notifier != null) {
        notifier.close();
      }
    } catch (SQLException e) {
      // already broken
    }
    notifier = null;
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    closeNotifier();
  }
}
