package org.hotline.kb.content;

/** Content failed to load; the message names the file, the entry (where there is one) and the problem. */
public final class ContentException extends RuntimeException {
  private final String file;
  private final String entryId;
  private final String problem;

  public ContentException(String file, String entryId, String problem) {
    this(file, entryId, problem, null);
  }

  public ContentException(String file, String entryId, String problem, Throwable cause) {
    super(file + (entryId == null ? "" : ": entry '" + entryId + "'") + ": " + problem, cause);
    this.file = file;
    this.entryId = entryId;
    this.problem = problem;
  }

  public String file() {
    return file;
  }

  /** The entry at fault, or null when the problem is with the file as a whole. */
  public String entryId() {
    return entryId;
  }

  public String problem() {
    return problem;
  }
}
